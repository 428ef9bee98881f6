//! Q-profile confidence interval for tau2 (metafor's `confint.rma.uni`, `type="qp"`), with the
//! matching bounds for I2 and H2.
//!
//! The bounds are the tau2 values at which the generalized Q statistic
//! `Q(tau2) = sum (yi - mu_hat(tau2))^2 / (vi + tau2)` equals the chi-squared quantiles
//! with k - p df (Q decreases in tau2). As in metafor the search runs over
//! `[min(0, tau2), max(100, 10 tau2)]`, bounds are set to the ends when Q does not cross the
//! quantile inside, and I2/H2 bounds use the model's typical variance `vt`. Unlike metafor
//! (uniroot with tolerance 1.2e-4) the roots are found to machine precision, so a few I2/H2
//! bounds can differ from metafor's printout in the third decimal.

use serde::Serialize;

use super::dist;
use super::linalg::ModelMatrix;
use super::rma::{alpha_from_level, q_gen, validate, Method, RmaFit};
use super::roots::zeroin;
use super::StatsError;

/// Confidence interval for tau2 and the derived I2 and H2 intervals.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Tau2Ci {
    pub tau2_ci_lb: f64,
    pub tau2_ci_ub: f64,
    #[serde(rename = "I2_ci_lb")]
    pub i2_ci_lb: f64,
    #[serde(rename = "I2_ci_ub")]
    pub i2_ci_ub: f64,
    #[serde(rename = "H2_ci_lb")]
    pub h2_ci_lb: f64,
    #[serde(rename = "H2_ci_ub")]
    pub h2_ci_ub: f64,
    /// The interval is empty (Q(0) is below the lower quantile): metafor prints it as the null set.
    pub ci_null: bool,
    /// The upper bound is at the end of the search range (the true bound is larger).
    pub ub_at_max: bool,
}

/// Q-profile CI for an intercept-only fit `fit` of `yi`, `vi` at confidence level `level`
/// (percentage or fraction). Errors for FE fits and k = 1, as metafor does.
pub fn qprofile(yi: &[f64], vi: &[f64], fit: &RmaFit, level: f64) -> Result<Tau2Ci, StatsError> {
    validate(yi, vi)?;
    if fit.method == Method::FE {
        return Err(StatsError::InvalidInput {
            what: "confint".into(),
            reason: "a fixed-effect model has no random-effects component".into(),
        });
    }
    let x = ModelMatrix::intercept(yi.len());
    // Q is unchanged when every yi moves by the same amount (the intercept absorbs it). Centring on
    // the first effect removes the cancellation that made Q(tau2) rounding noise, and the bounds
    // cross, for huge and (nearly) equal effects such as yi = [1.9e19, 1.9e19] (found by fuzzing).
    let centred: Vec<f64> = yi.iter().map(|y| y - yi[0]).collect();
    let y = if centred.iter().all(|c| c.is_finite()) {
        &centred[..]
    } else {
        yi
    };
    qprofile_mods(y, vi, &x, fit.tau2, fit.vt, level)
}

/// Q-profile CI for a model with design `x`, estimated `tau2` and typical variance `vt`.
pub fn qprofile_mods(
    yi: &[f64],
    vi: &[f64],
    x: &ModelMatrix,
    tau2: f64,
    vt: f64,
    level: f64,
) -> Result<Tau2Ci, StatsError> {
    validate(yi, vi)?;
    let alpha = alpha_from_level(level)?;
    let k = x.k;
    let p = x.p;
    if k <= 1 || k <= p {
        return Err(StatsError::TooFewStudies {
            what: "a confidence interval for tau2",
            needed: p + 1,
            got: k,
        });
    }
    let df = (k - p) as f64;
    let crit_u = dist::qchisq_upper(alpha / 2.0, df);
    let crit_l = dist::qchisq(alpha / 2.0, df);
    if !crit_u.is_finite() || !crit_l.is_finite() {
        return Err(StatsError::NotConverged {
            what: "chi-squared quantile",
            iterations: 0,
        });
    }
    let tau2_min = 0f64.min(tau2);
    let tau2_max = 100f64.max(10.0 * tau2).max(10.0 * tau2_min);
    let q_min = q_gen(yi, vi, x, tau2_min)?;
    let q_max = q_gen(yi, vi, x, tau2_max)?;

    let solve = |target: f64| -> Result<f64, StatsError> {
        let mut err = None;
        let r = zeroin(
            |t| match q_gen(yi, vi, x, t) {
                Ok(q) => q - target,
                Err(e) => {
                    err = Some(e);
                    f64::NAN
                }
            },
            tau2_min,
            tau2_max,
            0.0,
            2000,
        );
        if let Some(e) = err {
            return Err(e);
        }
        r.ok_or(StatsError::NotConverged {
            what: "Q-profile root finder",
            iterations: 2000,
        })
    };

    let mut ci_null = false;
    let mut ub_at_max = false;
    let (lb, ub);
    if q_max > crit_u {
        // Q stays above the upper quantile: both bounds beyond tau2_max
        lb = tau2_max;
        ub = tau2_max;
        ub_at_max = true;
    } else if q_min < crit_l {
        // Q is below the lower quantile already at tau2_min: both bounds at tau2_min
        lb = tau2_min;
        ub = tau2_min;
        if tau2_min <= 0.0 {
            ci_null = true;
        }
    } else {
        ub = if q_max > crit_l {
            ub_at_max = true;
            tau2_max
        } else {
            solve(crit_l)?
        };
        lb = if q_min < crit_u {
            tau2_min
        } else {
            solve(crit_u)?
        };
    }
    if !(lb <= ub) {
        // Q(tau2) must decrease; when rounding makes it wobble the roots can cross. Say so rather
        // than report an interval whose lower bound is above its upper bound.
        return Err(StatsError::InvalidInput {
            what: "Q-profile interval".into(),
            reason: "Q(tau2) is not monotone at double precision (the effects are too large for their differences); no interval".into(),
        });
    }
    // As in the fit: I2 within [0, 100] despite rounding, and unknown when vt was lost to cancellation.
    let vt_ok = vt > 0.0 && vt.is_finite();
    let i2 = |t: f64| {
        if vt_ok {
            (100.0 * t / (vt + t)).clamp(0.0, 100.0)
        } else {
            f64::NAN
        }
    };
    let h2 = |t: f64| {
        if vt_ok {
            (t / vt + 1.0).max(1.0)
        } else {
            f64::NAN
        }
    };
    Ok(Tau2Ci {
        tau2_ci_lb: lb,
        tau2_ci_ub: ub,
        i2_ci_lb: i2(lb),
        i2_ci_ub: i2(ub),
        h2_ci_lb: h2(lb),
        h2_ci_ub: h2(ub),
        ci_null,
        ub_at_max,
    })
}
