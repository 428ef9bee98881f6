//! Effect sizes and their sampling variances, following metafor's `escalc` conventions.
//!
//! Users (and the field) already know escalc's names and defaults, so the engine copies them:
//! log risk ratio (RR), log odds ratio (OR), risk difference (RD) from 2x2 tables with
//! `add = 1/2, to = "only0", drop00 = FALSE`; raw (MD) and standardized (SMD, Hedges' g with the
//! exact bias correction and `vtype = "LS"`) mean differences; raw (PR) and logit (PLO)
//! proportions; generic yi/vi; and estimates reported with a confidence interval.
//! Ratio measures are on the log scale (as metafor analyses them). Every function returns an
//! error naming the offending argument instead of producing NaN/Inf.

use serde::{Deserialize, Serialize};
use statrs::function::gamma::ln_gamma;

use super::dist::qnorm_upper;
use super::rma::alpha_from_level;
use super::StatsError;

/// Effect-size measure (metafor's `measure=`): the data model's, so that a dataset's
/// measure and the engine's are one type.
pub use crate::model::Measure;

/// An effect size on the analysis scale and its sampling variance.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EffectSize {
    pub yi: f64,
    pub vi: f64,
}

impl EffectSize {
    /// Standard error sqrt(vi).
    pub fn sei(&self) -> f64 {
        self.vi.sqrt()
    }
}

/// Which tables get the continuity correction (metafor's `to=`; `"if0all"` needs all studies
/// at once and is left to the caller).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AddTo {
    /// Only tables with a zero cell (metafor's default).
    Only0,
    /// Every table.
    All,
    /// Never.
    None,
}

/// Continuity correction settings (metafor: `add`, `to`, `drop00`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    pub add: f64,
    pub to: AddTo,
    /// Refuse tables with no events (or only events) in both groups.
    pub drop00: bool,
}

impl Default for Correction {
    fn default() -> Self {
        Correction {
            add: 0.5,
            to: AddTo::Only0,
            drop00: false,
        }
    }
}

fn bad(what: &str, reason: &str) -> StatsError {
    StatsError::InvalidInput {
        what: what.to_string(),
        reason: reason.to_string(),
    }
}

fn check_count(what: &str, x: f64) -> Result<(), StatsError> {
    if !x.is_finite() {
        return Err(bad(what, "missing or not a finite number"));
    }
    if x < 0.0 {
        return Err(bad(what, "negative count"));
    }
    Ok(())
}

fn finish(yi: f64, vi: f64) -> Result<EffectSize, StatsError> {
    if !yi.is_finite() {
        return Err(bad(
            "yi",
            "the effect size is not finite (check for zero cells or a correction of 0)",
        ));
    }
    if !vi.is_finite() || vi <= 0.0 {
        return Err(bad(
            "vi",
            "the sampling variance is not a positive finite number",
        ));
    }
    Ok(EffectSize { yi, vi })
}

/// Log RR / log OR / RD from a 2x2 table with metafor's default correction
/// (0.5 added to all cells of tables with a zero cell; double-zero tables kept).
/// `ai`/`bi`: events/non-events in group 1, `ci`/`di`: in group 2.
pub fn from_2x2(
    measure: Measure,
    ai: f64,
    bi: f64,
    ci: f64,
    di: f64,
) -> Result<EffectSize, StatsError> {
    from_2x2_with(measure, ai, bi, ci, di, Correction::default())
}

/// As [`from_2x2`] from events and group sizes (`ai, n1i, ci, n2i`).
pub fn from_2x2_totals(
    measure: Measure,
    ai: f64,
    n1i: f64,
    ci: f64,
    n2i: f64,
) -> Result<EffectSize, StatsError> {
    check_count("ai", ai)?;
    check_count("n1i", n1i)?;
    check_count("ci", ci)?;
    check_count("n2i", n2i)?;
    if ai > n1i {
        return Err(bad(
            "ai",
            "more events than participants in group 1 (ai > n1i)",
        ));
    }
    if ci > n2i {
        return Err(bad(
            "ci",
            "more events than participants in group 2 (ci > n2i)",
        ));
    }
    from_2x2(measure, ai, n1i - ai, ci, n2i - ci)
}

/// 2x2 table with an explicit continuity correction.
pub fn from_2x2_with(
    measure: Measure,
    ai: f64,
    bi: f64,
    ci: f64,
    di: f64,
    corr: Correction,
) -> Result<EffectSize, StatsError> {
    check_count("ai", ai)?;
    check_count("bi", bi)?;
    check_count("ci", ci)?;
    check_count("di", di)?;
    if !corr.add.is_finite() || corr.add < 0.0 {
        return Err(bad("add", "must be a non-negative number"));
    }
    if !matches!(measure, Measure::Rr | Measure::Or | Measure::Rd) {
        return Err(bad("measure", "2x2 counts give RR, OR or RD"));
    }
    if corr.drop00 && ((ai == 0.0 && ci == 0.0) || (bi == 0.0 && di == 0.0)) {
        return Err(bad(
            "ai",
            "no events (or only events) in both groups: study dropped (drop00)",
        ));
    }
    let has0 = ai == 0.0 || bi == 0.0 || ci == 0.0 || di == 0.0;
    let add = match corr.to {
        AddTo::All => corr.add,
        AddTo::Only0 if has0 => corr.add,
        _ => 0.0,
    };
    let (a, b, c, d) = (ai + add, bi + add, ci + add, di + add);
    let n1 = a + b;
    let n2 = c + d;
    if n1 <= 0.0 || n2 <= 0.0 {
        return Err(bad("n1i", "a group has no participants"));
    }
    let p1 = a / n1;
    let p2 = c / n2;
    match measure {
        Measure::Rr => finish(p1.ln() - p2.ln(), 1.0 / a - 1.0 / n1 + 1.0 / c - 1.0 / n2),
        Measure::Or => finish(
            (p1 / (1.0 - p1)).ln() - (p2 / (1.0 - p2)).ln(),
            1.0 / a + 1.0 / b + 1.0 / c + 1.0 / d,
        ),
        _ => finish(p1 - p2, p1 * (1.0 - p1) / n1 + p2 * (1.0 - p2) / n2),
    }
}

/// metafor's exact bias correction c(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)).
pub fn hedges_c(m: f64) -> f64 {
    if !(m > 1.0) || !m.is_finite() {
        return f64::NAN;
    }
    (ln_gamma(m / 2.0) - (m / 2.0).sqrt().ln() - ln_gamma((m - 1.0) / 2.0)).exp()
}

/// MD or SMD from group means, SDs and sizes (group 1 minus group 2).
///
/// MD: `yi = m1i - m2i`, `vi = sd1i^2/n1i + sd2i^2/n2i`.
/// SMD: Hedges' g `yi = c(m) (m1i - m2i) / sdp` with the pooled SD, `m = n1i + n2i - 2`,
/// and escalc's default `vtype = "LS"`: `vi = 1/n1i + 1/n2i + yi^2 / (2 (n1i + n2i))`.
pub fn from_means(
    measure: Measure,
    m1i: f64,
    sd1i: f64,
    n1i: f64,
    m2i: f64,
    sd2i: f64,
    n2i: f64,
) -> Result<EffectSize, StatsError> {
    for (what, v) in [
        ("m1i", m1i),
        ("sd1i", sd1i),
        ("n1i", n1i),
        ("m2i", m2i),
        ("sd2i", sd2i),
        ("n2i", n2i),
    ] {
        if !v.is_finite() {
            return Err(bad(what, "missing or not a finite number"));
        }
    }
    if sd1i <= 0.0 {
        return Err(bad("sd1i", "standard deviation must be > 0"));
    }
    if sd2i <= 0.0 {
        return Err(bad("sd2i", "standard deviation must be > 0"));
    }
    if n1i <= 0.0 {
        return Err(bad("n1i", "group size must be > 0"));
    }
    if n2i <= 0.0 {
        return Err(bad("n2i", "group size must be > 0"));
    }
    match measure {
        Measure::Md => finish(m1i - m2i, sd1i * sd1i / n1i + sd2i * sd2i / n2i),
        Measure::Smd => {
            let mi = n1i + n2i - 2.0;
            if mi <= 1.0 {
                return Err(bad("n1i", "SMD needs n1i + n2i > 3"));
            }
            let sdp = (((n1i - 1.0) * sd1i * sd1i + (n2i - 1.0) * sd2i * sd2i) / mi).sqrt();
            let yi = hedges_c(mi) * (m1i - m2i) / sdp;
            finish(yi, 1.0 / n1i + 1.0 / n2i + yi * yi / (2.0 * (n1i + n2i)))
        }
        _ => Err(bad("measure", "means and SDs give MD or SMD")),
    }
}

/// Single proportion `xi / ni` (PR) or its logit (PLO), with metafor's default correction
/// (0.5 added to events and non-events when xi = 0 or xi = ni).
/// PR: `vi = p (1-p) / n`; PLO: `vi = 1/x + 1/(n - x)`.
pub fn from_proportion(measure: Measure, xi: f64, ni: f64) -> Result<EffectSize, StatsError> {
    from_proportion_with(measure, xi, ni, Correction::default())
}

/// Single proportion with an explicit correction.
pub fn from_proportion_with(
    measure: Measure,
    xi: f64,
    ni: f64,
    corr: Correction,
) -> Result<EffectSize, StatsError> {
    check_count("xi", xi)?;
    check_count("ni", ni)?;
    if ni <= 0.0 {
        return Err(bad("ni", "sample size must be > 0"));
    }
    if xi > ni {
        return Err(bad("xi", "more events than participants (xi > ni)"));
    }
    if !corr.add.is_finite() || corr.add < 0.0 {
        return Err(bad("add", "must be a non-negative number"));
    }
    let mi = ni - xi;
    let add = match corr.to {
        AddTo::All => corr.add,
        AddTo::Only0 if xi == 0.0 || mi == 0.0 => corr.add,
        _ => 0.0,
    };
    let x = xi + add;
    let m = mi + add;
    let n = x + m;
    let p = x / n;
    match measure {
        Measure::Pr => finish(p, p * (1.0 - p) / n),
        Measure::Plo => finish((p / (1.0 - p)).ln(), 1.0 / x + 1.0 / m),
        _ => Err(bad("measure", "a single proportion gives PR or PLO")),
    }
}

/// Generic effect size with its sampling variance.
pub fn from_yi_vi(yi: f64, vi: f64) -> Result<EffectSize, StatsError> {
    if !yi.is_finite() {
        return Err(bad("yi", "missing or not a finite number"));
    }
    if !vi.is_finite() {
        return Err(bad("vi", "missing or not a finite number"));
    }
    if vi <= 0.0 {
        return Err(bad("vi", "sampling variance must be > 0"));
    }
    Ok(EffectSize { yi, vi })
}

/// Generic effect size with its standard error.
pub fn from_yi_sei(yi: f64, sei: f64) -> Result<EffectSize, StatsError> {
    if !sei.is_finite() {
        return Err(bad("sei", "missing or not a finite number"));
    }
    if sei <= 0.0 {
        return Err(bad("sei", "standard error must be > 0"));
    }
    from_yi_vi(yi, sei * sei)
}

fn check_ci(est: f64, lb: f64, ub: f64) -> Result<(), StatsError> {
    for (what, v) in [("estimate", est), ("ci_lb", lb), ("ci_ub", ub)] {
        if !v.is_finite() {
            return Err(bad(what, "missing or not a finite number"));
        }
    }
    if lb >= ub {
        return Err(bad(
            "ci_lb",
            "lower confidence limit must be below the upper limit",
        ));
    }
    if est < lb || est > ub {
        return Err(bad(
            "estimate",
            "estimate lies outside its confidence interval",
        ));
    }
    Ok(())
}

/// A ratio (RR, OR, HR, IRR) reported with its CI at `level` (e.g. 95):
/// `yi = ln(est)`, `sei = (ln(ub) - ln(lb)) / (2 z)` with z the normal quantile.
pub fn from_ratio_ci(est: f64, lb: f64, ub: f64, level: f64) -> Result<EffectSize, StatsError> {
    check_ci(est, lb, ub)?;
    if est <= 0.0 {
        return Err(bad("estimate", "a ratio must be > 0"));
    }
    if lb <= 0.0 {
        return Err(bad("ci_lb", "a ratio's confidence limit must be > 0"));
    }
    let z = qnorm_upper(alpha_from_level(level)? / 2.0);
    let sei = (ub.ln() - lb.ln()) / (2.0 * z);
    from_yi_sei(est.ln(), sei)
}

/// A difference (MD, RD, SMD, ...) reported with its CI at `level`:
/// `yi = est`, `sei = (ub - lb) / (2 z)`.
pub fn from_diff_ci(est: f64, lb: f64, ub: f64, level: f64) -> Result<EffectSize, StatsError> {
    check_ci(est, lb, ub)?;
    let z = qnorm_upper(alpha_from_level(level)? / 2.0);
    from_yi_sei(est, (ub - lb) / (2.0 * z))
}
