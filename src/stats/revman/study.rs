//! One study's effect as RevMan 5 computes it, before pooling.
//!
//! RevMan's rules differ from metafor's `escalc` in small ways that change the printed numbers, so
//! they are kept apart from [`crate::stats::escalc`]:
//! - a 2×2 table with a zero cell gets 0.5 added to each of its four cells (so each arm's total
//!   grows by 1, meta's `RR.Cochrane`), for the study's own effect and variance;
//! - a study with no events in either arm (for the odds ratio also: only events in both arms)
//!   has no estimable risk or odds ratio and is left out; for the risk difference it counts (0);
//! - the risk difference itself is never corrected, only its variance;
//! - the standardised mean difference is Hedges' g with the approximate small-sample correction
//!   `1 − 3/(4N − 9)` and variance `N/(n1·n2) + g²/(2(N − 3.94))`.
//!
//! `None` means "not estimable" (RevMan prints that and gives the study no weight); bad input
//! (negative counts, more events than participants, NaN) is an error naming the study.

use super::{ArmMeans, Measure, PoolMethod, StudyData};
use crate::stats::StatsError;

/// A study's effect on the analysis scale (logs for ratios) with what the pooling methods need.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Effect {
    pub yi: f64,
    pub vi: f64,
    /// The 2×2 table `[a, b, c, d]` entering the Mantel–Haenszel sums (corrected for a zero cell
    /// unless the sums are exact).
    pub table: Option<[f64; 4]>,
}

fn bad(label: &str, reason: impl Into<String>) -> StatsError {
    StatsError::InvalidInput {
        what: format!("study \"{label}\""),
        reason: reason.into(),
    }
}

fn finite(label: &str, name: &str, x: f64) -> Result<f64, StatsError> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(bad(
            label,
            format!("{name} is missing or not a finite number"),
        ))
    }
}

/// The effect of one study, or `None` when RevMan would print "Not estimable".
pub(super) fn effect(
    label: &str,
    data: &StudyData,
    measure: Measure,
    method: PoolMethod,
    mh_exact: bool,
) -> Result<Option<Effect>, StatsError> {
    match *data {
        StudyData::Counts { e1, n1, e2, n2 } => {
            for (name, x) in [
                ("events 1", e1),
                ("total 1", n1),
                ("events 2", e2),
                ("total 2", n2),
            ] {
                let x = finite(label, name, x)?;
                if x < 0.0 {
                    return Err(bad(label, format!("{name} is negative")));
                }
            }
            if e1 > n1 || e2 > n2 {
                return Err(bad(label, "more events than participants"));
            }
            counts(e1, n1, e2, n2, measure, method, mh_exact).map_err(|r| bad(label, r))
        }
        StudyData::Means(m) => {
            if method != PoolMethod::Iv {
                return Err(bad(label, "means are pooled by inverse variance only"));
            }
            let names = ["mean 1", "SD 1", "total 1", "mean 2", "SD 2", "total 2"];
            for (name, x) in names.into_iter().zip(m.numbers()) {
                finite(label, name, x)?;
            }
            if m.sd1 < 0.0 || m.sd2 < 0.0 || m.n1 < 0.0 || m.n2 < 0.0 {
                return Err(bad(label, "a standard deviation or total is negative"));
            }
            match measure {
                Measure::Md => Ok(mean_difference(m)),
                Measure::Smd => Ok(hedges_g(m)),
                other => Err(bad(label, format!("means give MD or SMD, not {other}"))),
            }
        }
        StudyData::Generic { yi, se } => {
            if method == PoolMethod::Mh {
                return Err(bad(label, "Mantel-Haenszel pools 2x2 tables only"));
            }
            let yi = finite(label, "effect", yi)?;
            let se = finite(label, "standard error", se)?;
            Ok((se > 0.0).then_some(Effect {
                yi,
                vi: se * se,
                table: None,
            }))
        }
        StudyData::Missing => Ok(None),
        StudyData::OE { oe, var } => {
            if method == PoolMethod::Mh {
                return Err(bad(label, "Mantel-Haenszel pools 2x2 tables only"));
            }
            let oe = finite(label, "O-E", oe)?;
            let var = finite(label, "variance", var)?;
            Ok((var > 0.0).then_some(Effect {
                yi: oe / var,
                vi: 1.0 / var,
                table: None,
            }))
        }
    }
}

fn counts(
    a: f64,
    n1: f64,
    c: f64,
    n2: f64,
    measure: Measure,
    method: PoolMethod,
    mh_exact: bool,
) -> Result<Option<Effect>, String> {
    if n1 == 0.0 || n2 == 0.0 {
        return Ok(None);
    }
    let (b, d) = (n1 - a, n2 - c);
    if method == PoolMethod::Peto {
        if measure != Measure::Or {
            return Err(format!("Peto's method gives odds ratios, not {measure}"));
        }
        return Ok(peto(a, b, c, d));
    }
    let estimable = match measure {
        Measure::Rr => !(a == 0.0 && c == 0.0),
        Measure::Or => !(a == 0.0 && c == 0.0) && !(b == 0.0 && d == 0.0),
        Measure::Rd => true,
        other => return Err(format!("2x2 tables give RR, OR or RD, not {other}")),
    };
    if !estimable {
        return Ok(None);
    }
    let add = if [a, b, c, d].contains(&0.0) {
        0.5
    } else {
        0.0
    };
    let (ac, bc, cc, dc) = (a + add, b + add, c + add, d + add);
    let (n1c, n2c) = (ac + bc, cc + dc);
    let (yi, vi) = match measure {
        Measure::Rr => (
            ((ac / n1c) / (cc / n2c)).ln(),
            1.0 / ac - 1.0 / n1c + 1.0 / cc - 1.0 / n2c,
        ),
        Measure::Or => (
            ((ac * dc) / (bc * cc)).ln(),
            1.0 / ac + 1.0 / bc + 1.0 / cc + 1.0 / dc,
        ),
        _ => (
            a / n1 - c / n2,
            ac * bc / n1c.powi(3) + cc * dc / n2c.powi(3),
        ),
    };
    if !(vi > 0.0 && vi.is_finite() && yi.is_finite()) {
        return Ok(None);
    }
    let table = if mh_exact {
        [a, b, c, d]
    } else {
        [ac, bc, cc, dc]
    };
    Ok(Some(Effect {
        yi,
        vi,
        table: Some(table),
    }))
}

/// Peto's one-step log odds ratio `(O − E)/V` with variance `1/V`; no correction for zero cells.
fn peto(a: f64, b: f64, c: f64, d: f64) -> Option<Effect> {
    let (n1, n2) = (a + b, c + d);
    let n = n1 + n2;
    let events = a + c;
    let v = n1 * n2 * events * (b + d) / (n * n * (n - 1.0));
    if !(v > 0.0 && v.is_finite()) {
        return None;
    }
    let oe = a - n1 * events / n;
    Some(Effect {
        yi: oe / v,
        vi: 1.0 / v,
        table: None,
    })
}

fn mean_difference(m: ArmMeans) -> Option<Effect> {
    let [m1, sd1, n1, m2, sd2, n2] = m.numbers();
    if !(n1 >= 1.0 && n2 >= 1.0) {
        return None;
    }
    let vi = sd1 * sd1 / n1 + sd2 * sd2 / n2;
    (vi > 0.0 && vi.is_finite()).then_some(Effect {
        yi: m1 - m2,
        vi,
        table: None,
    })
}

fn hedges_g(m: ArmMeans) -> Option<Effect> {
    let [m1, sd1, n1, m2, sd2, n2] = m.numbers();
    let n = n1 + n2;
    if !(n1 >= 1.0 && n2 >= 1.0 && n > 3.94) {
        return None;
    }
    let s = (((n1 - 1.0) * sd1 * sd1 + (n2 - 1.0) * sd2 * sd2) / (n - 2.0)).sqrt();
    if !(s > 0.0 && s.is_finite()) {
        return None;
    }
    let g = (m1 - m2) / s * (1.0 - 3.0 / (4.0 * n - 9.0));
    let vi = n / (n1 * n2) + g * g / (2.0 * (n - 3.94));
    (vi > 0.0 && vi.is_finite() && g.is_finite()).then_some(Effect {
        yi: g,
        vi,
        table: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts_effect(t: [f64; 4], m: Measure) -> Option<Effect> {
        effect(
            "s",
            &StudyData::Counts {
                e1: t[0],
                n1: t[1],
                e2: t[2],
                n2: t[3],
            },
            m,
            PoolMethod::Mh,
            false,
        )
        .unwrap()
    }

    #[test]
    fn a_zero_cell_adds_one_half_to_every_cell() {
        // 0/10 vs 3/10: cells 0.5, 10.5, 3.5, 7.5; arms 11 and 11.
        let e = counts_effect([0.0, 10.0, 3.0, 10.0], Measure::Rr).unwrap();
        assert!((e.yi - (0.5f64 / 11.0 / (3.5 / 11.0)).ln()).abs() < 1e-15);
        let v = 1.0 / 0.5 - 1.0 / 11.0 + 1.0 / 3.5 - 1.0 / 11.0;
        assert!((e.vi - v).abs() < 1e-15);
        assert_eq!(e.table, Some([0.5, 10.5, 3.5, 7.5]));
    }

    #[test]
    fn double_zero_studies_are_not_estimable_for_ratios_but_count_for_the_difference() {
        assert!(counts_effect([0.0, 10.0, 0.0, 12.0], Measure::Rr).is_none());
        assert!(counts_effect([0.0, 10.0, 0.0, 12.0], Measure::Or).is_none());
        assert!(counts_effect([10.0, 10.0, 12.0, 12.0], Measure::Or).is_none());
        let rd = counts_effect([0.0, 10.0, 0.0, 12.0], Measure::Rd).unwrap();
        assert_eq!(rd.yi, 0.0);
        assert!(rd.vi > 0.0);
    }

    #[test]
    fn the_risk_difference_is_not_corrected_only_its_variance() {
        let e = counts_effect([0.0, 10.0, 2.0, 10.0], Measure::Rd).unwrap();
        assert_eq!(e.yi, -0.2);
        let v = 0.5 * 10.5 / 11f64.powi(3) + 2.5 * 8.5 / 11f64.powi(3);
        assert!((e.vi - v).abs() < 1e-15);
    }

    #[test]
    fn bad_counts_are_errors_that_name_the_study() {
        let e = effect(
            "Smith 2001",
            &StudyData::Counts {
                e1: 12.0,
                n1: 10.0,
                e2: 1.0,
                n2: 10.0,
            },
            Measure::Or,
            PoolMethod::Mh,
            false,
        )
        .unwrap_err();
        assert!(e.to_string().contains("Smith 2001"), "{e}");
        assert!(effect(
            "x",
            &StudyData::Counts {
                e1: f64::NAN,
                n1: 10.0,
                e2: 1.0,
                n2: 10.0
            },
            Measure::Or,
            PoolMethod::Mh,
            false,
        )
        .is_err());
    }

    #[test]
    fn hedges_g_uses_revmans_approximations() {
        let e = hedges_g(ArmMeans::new([5.0, 4.7, 13.0, 6.5, 3.8, 13.0])).unwrap();
        let s = ((12.0 * 4.7 * 4.7 + 12.0 * 3.8 * 3.8) / 24.0f64).sqrt();
        let g = -1.5 / s * (1.0 - 3.0 / 95.0);
        assert!((e.yi - g).abs() < 1e-15);
        assert!((e.vi - (26.0 / 169.0 + g * g / (2.0 * 22.06))).abs() < 1e-15);
    }

    #[test]
    fn peto_needs_events_and_non_events() {
        assert!(peto(0.0, 10.0, 0.0, 10.0).is_none());
        let e = peto(3.0, 7.0, 1.0, 9.0).unwrap();
        // O - E = 3 - 10*4/20 = 1; V = 10*10*4*16/(400*19)
        let v = 6400.0 / 7600.0;
        assert!((e.yi - 1.0 / v).abs() < 1e-15 && (e.vi - 1.0 / v).abs() < 1e-15);
    }
}
