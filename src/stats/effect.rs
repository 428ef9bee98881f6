//! One outcome's effect, from whatever form its data came in, with its confidence
//! interval on the natural scale: what a forest row, a table row or an appraisal
//! starts from.
//!
//! Reported estimates keep their published interval (recomputing it from a rounded
//! variance would shift the printed bounds); everything else goes through `escalc`.

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
            checked(Effect {
                measure: e.measure,
                yi,
                vi: sei * sei,
                estimate: e.estimate,
                ci_lb: e.ci_lb,
                ci_ub: e.ci_ub,
            })
        }
        EffectData::Proportion(p) => {
            let (estimate, lb, ub) = match (p.value(), p.ci_lb, p.ci_ub, p.xi, p.ni) {
                (Some(est), Some(lb), Some(ub), _, _) => (est, lb, ub),
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
