//! Pooling as RevMan 5 does it (Deeks & Higgins, "Statistical algorithms in Review Manager 5").
//!
//! The fixed-effect estimate comes from the analysis's method: Mantel–Haenszel sums (with the
//! Robins–Breslow–Greenland variance for the odds ratio and Greenland–Robins for the risk ratio
//! and difference), Peto's `Σ(O−E)/ΣV`, or inverse-variance weights. Heterogeneity is always
//! Cochran's Q of the study effects around that fixed estimate with inverse-variance weights — for
//! Mantel–Haenszel that is *not* the inverse-variance estimate, which is why a random-effects fit
//! after Mantel–Haenszel differs slightly from metafor's DL (meta's `Q.Cochrane`). Random effects
//! are DerSimonian–Laird on that Q, pooled with weights `1/(vᵢ + τ²)`.

use super::study::Effect;
use super::{EffectModel, Measure, PoolMethod};
use crate::stats::dist::{pchisq_upper, pnorm_upper};
use crate::stats::StatsError;

/// The pooled result over the estimable studies.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Pooled {
    pub estimate: f64,
    pub se: f64,
    pub tau2: f64,
    pub q: f64,
    pub q_df: usize,
    pub q_pval: f64,
    pub i2: f64,
    /// One weight per estimable study, in percent.
    pub weights: Vec<f64>,
}

fn not_estimable(reason: &str) -> StatsError {
    StatsError::InvalidInput {
        what: "pooled estimate".into(),
        reason: reason.into(),
    }
}

/// The fixed-effect estimate, its standard error and the raw weights of the method.
fn fixed(
    effects: &[Effect],
    measure: Measure,
    method: PoolMethod,
) -> Result<(f64, f64, Vec<f64>), StatsError> {
    match method {
        PoolMethod::Mh => mantel_haenszel(effects, measure),
        PoolMethod::Peto | PoolMethod::Iv => {
            // Peto: weights V = 1/vi and estimate Σ(O−E)/ΣV, which is the inverse-variance mean of
            // (O−E)/V; the same arithmetic serves both.
            let w: Vec<f64> = effects.iter().map(|e| 1.0 / e.vi).collect();
            let sw: f64 = w.iter().sum();
            let est = effects.iter().zip(&w).map(|(e, w)| w * e.yi).sum::<f64>() / sw;
            Ok((est, (1.0 / sw).sqrt(), w))
        }
    }
}

fn mantel_haenszel(
    effects: &[Effect],
    measure: Measure,
) -> Result<(f64, f64, Vec<f64>), StatsError> {
    let tables: Vec<[f64; 4]> = effects
        .iter()
        .map(|e| e.table)
        .collect::<Option<_>>()
        .ok_or_else(|| not_estimable("Mantel-Haenszel needs a 2x2 table for every study"))?;
    let mut weights = Vec::with_capacity(tables.len());
    match measure {
        Measure::Or => {
            let (mut sr, mut ss, mut pr, mut ps_qr, mut qs) = (0.0, 0.0, 0.0, 0.0, 0.0);
            for &[a, b, c, d] in &tables {
                let n = a + b + c + d;
                let (r, s) = (a * d / n, b * c / n);
                let (p, q) = ((a + d) / n, (b + c) / n);
                sr += r;
                ss += s;
                pr += p * r;
                ps_qr += p * s + q * r;
                qs += q * s;
                weights.push(s);
            }
            if !(sr > 0.0 && ss > 0.0) {
                return Err(not_estimable(
                    "the Mantel-Haenszel odds ratio is 0 or infinite",
                ));
            }
            let var = 0.5 * (pr / (sr * sr) + ps_qr / (sr * ss) + qs / (ss * ss));
            Ok(((sr / ss).ln(), var.sqrt(), weights))
        }
        Measure::Rr => {
            let (mut sr, mut ss, mut sp) = (0.0, 0.0, 0.0);
            for &[a, b, c, d] in &tables {
                let (n1, n2) = (a + b, c + d);
                let n = n1 + n2;
                sr += a * n2 / n;
                ss += c * n1 / n;
                sp += (n1 * n2 * (a + c) - a * c * n) / (n * n);
                weights.push(c * n1 / n);
            }
            if !(sr > 0.0 && ss > 0.0) {
                return Err(not_estimable(
                    "the Mantel-Haenszel risk ratio is 0 or infinite",
                ));
            }
            Ok(((sr / ss).ln(), (sp / (sr * ss)).sqrt(), weights))
        }
        Measure::Rd => {
            let (mut sw, mut swy, mut sp) = (0.0, 0.0, 0.0);
            for (&[a, b, c, d], e) in tables.iter().zip(effects) {
                let (n1, n2) = (a + b, c + d);
                let n = n1 + n2;
                let w = n1 * n2 / n;
                sw += w;
                swy += w * e.yi;
                sp += (a * b * n2.powi(3) + c * d * n1.powi(3)) / (n1 * n2 * n * n);
                weights.push(w);
            }
            Ok((swy / sw, (sp / (sw * sw)).sqrt(), weights))
        }
        other => Err(not_estimable(&format!(
            "Mantel-Haenszel pools RR, OR or RD, not {other}"
        ))),
    }
}

/// Pools the estimable studies' effects.
pub(super) fn pool(
    effects: &[Effect],
    measure: Measure,
    method: PoolMethod,
    model: EffectModel,
) -> Result<Pooled, StatsError> {
    if effects.is_empty() {
        return Err(StatsError::TooFewStudies {
            what: "pooling (no study has an estimable effect)",
            needed: 1,
            got: 0,
        });
    }
    let (fixed_est, fixed_se, raw) = fixed(effects, measure, method)?;
    // Cochran's Q around the method's fixed estimate, with inverse-variance weights.
    let w: Vec<f64> = effects.iter().map(|e| 1.0 / e.vi).collect();
    let yw: Vec<(f64, f64)> = effects.iter().zip(&w).map(|(e, w)| (e.yi, *w)).collect();
    let Heterogeneity {
        q,
        df: q_df,
        pval: q_pval,
        i2,
    } = heterogeneity(&yw, fixed_est);
    let (estimate, se, tau2, weights) = match model {
        EffectModel::Fixed => (fixed_est, fixed_se, 0.0, raw),
        EffectModel::Random => {
            let sw: f64 = w.iter().sum();
            let sw2: f64 = w.iter().map(|w| w * w).sum();
            let denom = sw - sw2 / sw;
            let tau2 = if q_df > 0 && denom > 0.0 {
                ((q - q_df as f64) / denom).max(0.0)
            } else {
                0.0
            };
            let wr: Vec<f64> = effects.iter().map(|e| 1.0 / (e.vi + tau2)).collect();
            let swr: f64 = wr.iter().sum();
            let est = effects.iter().zip(&wr).map(|(e, w)| w * e.yi).sum::<f64>() / swr;
            (est, (1.0 / swr).sqrt(), tau2, wr)
        }
    };
    if !(estimate.is_finite() && se.is_finite() && se > 0.0) {
        return Err(not_estimable(
            "the pooled estimate or its standard error is not finite",
        ));
    }
    let total: f64 = weights.iter().sum();
    let weights = weights.iter().map(|w| 100.0 * w / total).collect();
    Ok(Pooled {
        estimate,
        se,
        tau2,
        q,
        q_df,
        q_pval,
        i2,
        weights,
    })
}

/// Cochran's Q of values around a center, with its degrees of freedom, p-value (NaN on 0 df)
/// and I² (percent, 0 when Q is below its df).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Heterogeneity {
    pub q: f64,
    pub df: usize,
    pub pval: f64,
    pub i2: f64,
}

/// [`Heterogeneity`] of `(value, weight)` pairs around `center`.
pub(super) fn heterogeneity(yw: &[(f64, f64)], center: f64) -> Heterogeneity {
    let q: f64 = yw.iter().map(|(y, w)| w * (y - center).powi(2)).sum();
    let df = yw.len().saturating_sub(1);
    let d = df as f64;
    Heterogeneity {
        q,
        df,
        pval: if df > 0 { pchisq_upper(q, d) } else { f64::NAN },
        i2: if q > d { 100.0 * (q - d) / q } else { 0.0 },
    }
}

/// Two-sided p-value of a z statistic.
pub(super) fn z_pval(z: f64) -> f64 {
    2.0 * pnorm_upper(z.abs())
}
