//! One outcome's effect, from whatever form its data came in, with its confidence
//! interval on the natural scale: what a forest row, a table row or an appraisal
//! starts from.
//!
//! Reported estimates keep their published 95% interval (recomputing it from a rounded
//! variance would shift the printed bounds); one published at another level is shown at 95%,
//! as every view and sentence labels it, from the standard error that level implies (as
//! metafor's forest shows `yi ± 1.96·sei`). Everything else goes through `escalc`.

use serde::Serialize;

use crate::model::{Better, EffectData, Measure};

use super::dist::qnorm_upper;
use super::escalc;
use super::rma::RmaFit;
use super::StatsError;

/// An effect on the analysis scale (`yi`, `vi`, logs for ratios) and, for display,
/// on the natural scale (ratios as ratios) with its interval: one study's, or a pooled one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Effect {
    pub measure: Measure,
    pub yi: f64,
    pub vi: f64,
    pub estimate: f64,
    pub ci_lb: f64,
    pub ci_ub: f64,
}

impl Effect {
    /// An effect from the analysis scale (`yi`, `vi` and the interval `ci`, logs for ratios).
    pub fn analysed(measure: Measure, yi: f64, vi: f64, ci: (f64, f64)) -> Effect {
        Effect {
            measure,
            yi,
            vi,
            estimate: measure.natural(yi),
            ci_lb: measure.natural(ci.0),
            ci_ub: measure.natural(ci.1),
        }
    }

    /// A random-effects fit's pooled effect: its estimate, variance (`se²`) and confidence
    /// interval.
    pub fn pooled(measure: Measure, fit: &RmaFit) -> Effect {
        Effect::analysed(
            measure,
            fit.estimate,
            fit.se * fit.se,
            (fit.ci_lb, fit.ci_ub),
        )
    }

    /// The value of no effect on the natural scale: 1 for ratios, 0 for differences.
    pub fn null(&self) -> f64 {
        self.measure.null()
    }

    /// Whether the interval includes no effect (bounds included).
    pub fn crosses_null(&self) -> bool {
        self.ci_lb <= self.null() && self.ci_ub >= self.null()
    }

    /// Whether the whole interval lies on the side that is good for patients.
    pub fn shows_benefit(&self, better: Better) -> bool {
        match better {
            Better::Lower => self.ci_ub < self.null(),
            Better::Higher => self.ci_lb > self.null(),
        }
    }

    /// Whether the whole interval lies on the side that is bad for patients.
    pub fn shows_harm(&self, better: Better) -> bool {
        match better {
            Better::Lower => self.ci_lb > self.null(),
            Better::Higher => self.ci_ub < self.null(),
        }
    }
}

/// The effect and 95% interval of one outcome's data.
pub fn effect_of(data: &EffectData) -> Result<Effect, StatsError> {
    let z = qnorm_upper(0.025);
    match data {
        EffectData::Estimate(e) => {
            let level = if e.level > 0.0 && e.level < 100.0 {
                e.level
            } else {
                95.0
            };
            // (100 - level) / 200 is exactly 0.025 at 95%, so the common case takes qnorm's constant.
            let zl = qnorm_upper((100.0 - level) / 200.0);
            let (yi, sei) = if e.measure.is_ratio() {
                (e.estimate.ln(), (e.ci_ub.ln() - e.ci_lb.ln()) / (2.0 * zl))
            } else {
                (e.estimate, (e.ci_ub - e.ci_lb) / (2.0 * zl))
            };
            if level == 95.0 {
                checked(Effect {
                    measure: e.measure,
                    yi,
                    vi: sei * sei,
                    estimate: e.estimate,
                    ci_lb: e.ci_lb,
                    ci_ub: e.ci_ub,
                })
            } else {
                let ci = (yi - z * sei, yi + z * sei);
                checked(Effect::analysed(e.measure, yi, sei * sei, ci))
            }
        }
        EffectData::Proportion(p) => {
            let at_95 = p.level.map_or(true, |l| l == 95.0);
            let (estimate, lb, ub) = match (p.value(), p.ci_lb, p.ci_ub, p.xi, p.ni) {
                (Some(est), Some(lb), Some(ub), _, _) if at_95 => (est, lb, ub),
                // An interval at another level: from the counts when there are some (as when
                // none is given), else widened on the logit scale, where it stays within 0 to 1.
                (Some(est), Some(lb), Some(ub), _, None) => {
                    let (lb, ub) = logit_at_95(est, (lb, ub), p.level.unwrap_or(95.0))?;
                    (est, lb, ub)
                }
                (Some(est), _, _, _, Some(n)) if n > 0 => {
                    let (lb, ub) = wilson(est, n as f64, z);
                    (est, lb, ub)
                }
                _ => {
                    return Err(StatsError::InvalidInput {
                        what: "proportion".into(),
                        reason: "needs events and a total, or an estimate with its interval".into(),
                    })
                }
            };
            let n = p.ni.map(|n| n as f64).unwrap_or(f64::NAN);
            checked(Effect {
                measure: Measure::Pr,
                yi: estimate,
                vi: estimate * (1.0 - estimate) / n,
                estimate,
                ci_lb: lb,
                ci_ub: ub,
            })
        }
        other => {
            let es = escalc_of(other)?;
            let (lo, hi) = (es.yi - z * es.vi.sqrt(), es.yi + z * es.vi.sqrt());
            checked(Effect::analysed(other.measure(), es.yi, es.vi, (lo, hi)))
        }
    }
}

/// A proportion's interval at `level` percent, taken to 95%: each side's distance from the
/// estimate on the logit scale scaled by the ratio of the two levels' z values. An estimate of
/// 0 or 1 has no logit, and so no distance to scale: an error, as there is no honest 95%
/// interval to show.
fn logit_at_95(p: f64, (lb, ub): (f64, f64), level: f64) -> Result<(f64, f64), StatsError> {
    let logit = |x: f64| (x / (1.0 - x)).ln();
    let expit = |x: f64| 1.0 / (1.0 + (-x).exp());
    let centre = logit(p);
    if !centre.is_finite() {
        return Err(StatsError::InvalidInput {
            what: "proportion".into(),
            reason: "a proportion of 0 or 1 with an interval at a level other than 95% needs its \
                     counts (xi, ni)"
                .into(),
        });
    }
    let scale = qnorm_upper(0.025) / qnorm_upper((100.0 - level) / 200.0);
    // A bound at 0 or 1 stays there (its logit is infinite, and so is the scaled distance).
    let widen = |bound: f64| expit(centre + (logit(bound) - centre) * scale);
    Ok((widen(lb), widen(ub)))
}

/// Wilson score interval for a proportion, which behaves at 0% and 100%.
pub fn wilson(p: f64, n: f64, z: f64) -> (f64, f64) {
    let z2 = z * z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

fn checked(e: Effect) -> Result<Effect, StatsError> {
    if [e.yi, e.estimate, e.ci_lb, e.ci_ub]
        .iter()
        .all(|v| v.is_finite())
    {
        // The interval in order, whatever order the data gave it (readers refuse a reversed one;
        // a dataset built in code may still hold one).
        Ok(Effect {
            ci_lb: e.ci_lb.min(e.ci_ub),
            ci_ub: e.ci_ub.max(e.ci_lb),
            ..e
        })
    } else {
        Err(StatsError::InvalidInput {
            what: "effect".into(),
            reason: "is not a finite number".into(),
        })
    }
}

/// metafor's `escalc` for the comparative forms.
fn escalc_of(data: &EffectData) -> Result<escalc::EffectSize, StatsError> {
    let measure = data.measure();
    match data {
        EffectData::Counts(c) => {
            let [ai, bi, ci, di] = c.cells();
            escalc::from_2x2(measure, ai, bi, ci, di)
        }
        EffectData::Means(m) => {
            let [m1, sd1, n1, m2, sd2, n2] = m.numbers();
            escalc::from_means(measure, m1, sd1, n1, m2, sd2, n2)
        }
        EffectData::Generic(g) => match (g.vi, g.sei) {
            (Some(vi), _) => escalc::from_yi_vi(g.yi, vi),
            (None, Some(sei)) => escalc::from_yi_sei(g.yi, sei),
            (None, None) => Err(StatsError::InvalidInput {
                what: "vi".into(),
                reason: "needs vi or sei".into(),
            }),
        },
        EffectData::Estimate(_) | EffectData::Proportion(_) => unreachable_form(),
    }
}

fn unreachable_form() -> Result<escalc::EffectSize, StatsError> {
    Err(StatsError::InvalidInput {
        what: "data".into(),
        reason: "this form has no escalc computation".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Estimate, Proportion};

    // The normal quantiles, written out: not through the code under test.
    const Z95: f64 = 1.959_963_984_540_054;
    const Z90: f64 = 1.644_853_626_951_472_2;

    fn hr(estimate: f64, ci_lb: f64, ci_ub: f64, level: f64) -> EffectData {
        EffectData::Estimate(Estimate {
            measure: Measure::Hr,
            estimate,
            ci_lb,
            ci_ub,
            level,
        })
    }

    fn proportion(estimate: f64, ci: (f64, f64), ni: Option<u64>) -> EffectData {
        EffectData::Proportion(Proportion {
            measure: Measure::Pr,
            xi: None,
            ni,
            estimate: Some(estimate),
            ci_lb: Some(ci.0),
            ci_ub: Some(ci.1),
            level: Some(90.0),
        })
    }

    #[test]
    fn a_95_interval_is_kept_as_published() {
        let e = effect_of(&hr(0.70, 0.52, 0.95, 95.0)).unwrap();
        assert_eq!((e.estimate, e.ci_lb, e.ci_ub), (0.70, 0.52, 0.95));
    }

    #[test]
    fn a_90_interval_is_shown_at_95() {
        // HR 0.70 (90% CI 0.52 to 0.95) excludes no effect; at 95% it need not.
        let e = effect_of(&hr(0.70, 0.52, 0.95, 90.0)).unwrap();
        let sei = (0.95f64.ln() - 0.52f64.ln()) / (2.0 * Z90);
        let yi = 0.70f64.ln();
        assert!((e.vi - sei * sei).abs() < 1e-12);
        assert!((e.ci_lb - (yi - Z95 * sei).exp()).abs() < 1e-9, "{e:?}");
        assert!((e.ci_ub - (yi + Z95 * sei).exp()).abs() < 1e-9, "{e:?}");
        assert!(e.ci_lb < 0.52 && e.ci_ub > 0.95);
        assert_eq!(e.estimate, 0.70);
    }

    #[test]
    fn a_proportion_at_90_is_widened_on_the_logit_scale() {
        let e = effect_of(&proportion(0.20, (0.12, 0.30), None)).unwrap();
        let logit = |x: f64| (x / (1.0 - x)).ln();
        for (given, shown) in [(0.12, e.ci_lb), (0.30, e.ci_ub)] {
            let ratio = (logit(shown) - logit(0.20)) / (logit(given) - logit(0.20));
            assert!((ratio - Z95 / Z90).abs() < 1e-9, "{given} -> {shown}");
        }
        assert!(e.ci_lb > 0.0 && e.ci_ub < 1.0);
    }

    #[test]
    fn a_proportion_at_90_with_its_counts_gets_the_wilson_interval() {
        let e = effect_of(&proportion(0.20, (0.12, 0.30), Some(50))).unwrap();
        assert_eq!((e.ci_lb, e.ci_ub), wilson(0.20, 50.0, Z95));
    }

    #[test]
    fn a_proportion_of_zero_at_90_without_counts_has_no_95_interval() {
        assert!(effect_of(&proportion(0.0, (0.0, 0.05), None)).is_err());
    }
}
