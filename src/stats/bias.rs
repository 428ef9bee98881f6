//! Small-study effects / publication bias: Egger's regression test (metafor `regtest`) and
//! Duval & Tweedie's trim-and-fill (metafor `trimfill`).
//!
//! * [`regtest`] is metafor's default: a meta-regression of yi on the standard errors
//!   (`rma(yi, vi, mods = ~ sqrt(vi), method, test)`), testing the slope (z, or t under knha).
//! * [`regtest_lm`] is the classical Egger test (`regtest(model="lm")`): weighted least squares
//!   of yi on sei with weights 1/vi and a t test with k - 2 df (residual variance estimated).
//! * [`trimfill`] follows `trimfill.rma.uni`: side from the sign of the Egger-type slope,
//!   iterate L0 (or R0) on the trimmed data refitted with the same method, mirror the k0 most
//!   extreme studies around the trimmed estimate, and refit the filled data.

use std::fmt;

use serde::Serialize;

use super::dist;
use super::linalg::{crossprod_d, mat_vec, spd_inverse, xt_d_y, ModelMatrix};
use super::rma::{fit, fit_mods, validate, RmaFit, RmaOptions, Test};
use super::StatsError;

/// Result of Egger's regression test.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RegTest {
    /// Test statistic for the slope (z, or t under knha / for the lm form).
    pub zval: f64,
    pub pval: f64,
    /// Degrees of freedom when the statistic is t.
    pub df: Option<usize>,
    /// Slope on the standard error and its standard error.
    pub slope: f64,
    pub slope_se: f64,
    /// Intercept (the limit estimate as sei -> 0).
    pub intercept: f64,
}

fn sei_design(vi: &[f64]) -> ModelMatrix {
    let k = vi.len();
    let mut data = Vec::with_capacity(2 * k);
    for v in vi {
        data.push(1.0);
        data.push(v.sqrt());
    }
    ModelMatrix {
        k,
        p: 2,
        data,
        names: vec!["intrcpt".into(), "sei".into()],
    }
}

/// Egger's test, mixed-effects form (metafor `regtest(res)` with `model="rma"`, `predictor="sei"`).
/// Needs k >= 3.
pub fn regtest(yi: &[f64], vi: &[f64], opts: RmaOptions) -> Result<RegTest, StatsError> {
    validate(yi, vi)?;
    if yi.len() < 3 {
        return Err(StatsError::TooFewStudies {
            what: "Egger's regression test",
            needed: 3,
            got: yi.len(),
        });
    }
    let x = sei_design(vi);
    let m = fit_mods(yi, vi, &x, &[1], opts)?;
    Ok(RegTest {
        zval: m.zval[1],
        pval: m.pval[1],
        df: m.ddf,
        slope: m.beta[1],
        slope_se: m.se[1],
        intercept: m.beta[0],
    })
}

/// Egger's classical test (metafor `regtest(res, model="lm")`): `lm(yi ~ sei, weights = 1/vi)`,
/// t test of the slope with k - 2 df. Needs k >= 3.
pub fn regtest_lm(yi: &[f64], vi: &[f64]) -> Result<RegTest, StatsError> {
    validate(yi, vi)?;
    let k = yi.len();
    if k < 3 {
        return Err(StatsError::TooFewStudies {
            what: "Egger's regression test",
            needed: 3,
            got: k,
        });
    }
    let x = sei_design(vi);
    let w: Vec<f64> = vi.iter().map(|v| 1.0 / v).collect();
    let a = spd_inverse(&crossprod_d(&x, &w), 2).ok_or(StatsError::Singular {
        what: "Egger regression (all sei equal)",
    })?;
    let b = mat_vec(&a, 2, &xt_d_y(&x, &w, yi));
    let rss: f64 = (0..k)
        .map(|i| {
            let e = yi[i] - b[0] - b[1] * x.get(i, 1);
            w[i] * e * e
        })
        .sum();
    let df = k - 2;
    let s2 = rss / df as f64;
    let se = (s2 * a[3]).sqrt();
    let t = b[1] / se;
    Ok(RegTest {
        zval: t,
        pval: 2.0 * dist::pt_upper(t.abs(), df as f64),
        df: Some(df),
        slope: b[1],
        slope_se: se,
        intercept: b[0],
    })
}

/// Estimator of the number of missing studies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Estimator {
    L0,
    R0,
}

/// Side of the funnel plot on which studies are imputed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Left => "left",
            Side::Right => "right",
        })
    }
}

/// Result of trim-and-fill.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrimFill {
    /// Estimated number of missing studies.
    pub k0: usize,
    pub se_k0: f64,
    pub side: Side,
    pub estimator: Estimator,
    /// Fit to the filled data (the original fit when k0 = 0).
    pub fit: RmaFit,
    /// Imputed effect sizes and their variances (empty when k0 = 0).
    pub filled_yi: Vec<f64>,
    pub filled_vi: Vec<f64>,
}

/// Maximum trim-and-fill iterations (metafor's `maxiter`).
pub const TRIMFILL_MAXITER: usize = 100;

/// Trim-and-fill as metafor's `trimfill(res, side, estimator)`; `side = None` chooses the side
/// from the sign of the slope of the Egger-type regression (negative: right). The filled data are
/// fitted as metafor fits them: with the model's method, a z test and a 95% interval, whatever the
/// model's test and level.
pub fn trimfill(
    yi: &[f64],
    vi: &[f64],
    opts: RmaOptions,
    estimator: Estimator,
    side: Option<Side>,
) -> Result<TrimFill, StatsError> {
    validate(yi, vi)?;
    let k = yi.len();
    if k < 2 {
        return Err(StatsError::TooFewStudies {
            what: "trim-and-fill",
            needed: 2,
            got: k,
        });
    }
    let side = match side {
        Some(s) => s,
        None => {
            if k < 3 {
                return Err(StatsError::TooFewStudies {
                    what: "choosing the trim-and-fill side",
                    needed: 3,
                    got: k,
                });
            }
            let x = sei_design(vi);
            let m = fit_mods(
                yi,
                vi,
                &x,
                &[1],
                RmaOptions {
                    test: opts.test,
                    ..opts
                },
            )?;
            if m.beta[1] < 0.0 {
                Side::Right
            } else {
                Side::Left
            }
        }
    };
    let flip = if side == Side::Right { -1.0 } else { 1.0 };
    // sort by increasing (flipped) yi; stable so ties keep the data order as R's sort does
    let mut idx: Vec<usize> = (0..k).collect();
    crate::sort::sort_by(&mut idx, |&a, &b| (flip * yi[a]).total_cmp(&(flip * yi[b])));
    let ys: Vec<f64> = idx.iter().map(|&i| flip * yi[i]).collect();
    let vs: Vec<f64> = idx.iter().map(|&i| vi[i]).collect();
    let kf = k as f64;

    let mut k0: usize = 0;
    let mut k0_prev: Option<usize> = None;
    let mut se_k0 = 0.0;
    let mut beta = 0.0;
    let mut iter = 0;
    let trunc_opts = RmaOptions {
        test: Test::Z,
        ..opts
    };
    while k0_prev != Some(k0) {
        k0_prev = Some(k0);
        iter += 1;
        if iter > TRIMFILL_MAXITER {
            return Err(StatsError::NotConverged {
                what: "trim-and-fill",
                iterations: TRIMFILL_MAXITER,
            });
        }
        let kt = k - k0;
        let f = fit(&ys[..kt], &vs[..kt], trunc_opts)?;
        beta = f.estimate;
        let yc: Vec<f64> = ys.iter().map(|y| y - beta).collect();
        // rank(abs(yc), ties.method = "first")
        let mut order: Vec<usize> = (0..k).collect();
        crate::sort::sort_by(&mut order, |&a, &b| yc[a].abs().total_cmp(&yc[b].abs()));
        let mut rank = vec![0.0; k];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = (r + 1) as f64;
        }
        let signed: Vec<f64> = (0..k).map(|i| sign(yc[i]) * rank[i]).collect();
        let k0_raw = match estimator {
            Estimator::R0 => {
                let max_neg = signed
                    .iter()
                    .filter(|s| **s < 0.0)
                    .map(|s| -s)
                    .fold(f64::NEG_INFINITY, f64::max);
                // R: max() of an empty vector is -Inf, making k0 = Inf; then round/max keep it;
                // treat as "all studies on one side": k - 0 - 1
                let max_neg = if max_neg.is_finite() { max_neg } else { 0.0 };
                let k0r = (kf - max_neg) - 1.0;
                se_k0 = (2.0 * k0r.max(0.0) + 2.0).sqrt();
                k0r
            }
            Estimator::L0 => {
                let sr: f64 = signed.iter().filter(|s| **s > 0.0).sum();
                let k0r = (4.0 * sr - kf * (kf + 1.0)) / (2.0 * kf - 1.0);
                let var_sr = 1.0 / 24.0
                    * (kf * (kf + 1.0) * (2.0 * kf + 1.0)
                        + 10.0 * k0r.powi(3)
                        + 27.0 * k0r.powi(2)
                        + 17.0 * k0r
                        - 18.0 * kf * k0r.powi(2)
                        - 18.0 * kf * k0r
                        + 6.0 * kf * kf * k0r);
                se_k0 = 4.0 * var_sr.max(0.0).sqrt() / (2.0 * kf - 1.0);
                k0r
            }
        };
        se_k0 = se_k0.max(0.0);
        // R's round() rounds half to even
        let r = k0_raw.round_ties_even().max(0.0);
        if !r.is_finite() {
            return Err(StatsError::NotConverged {
                what: "trim-and-fill",
                iterations: iter,
            });
        }
        // at least one study must remain in the trimmed fit
        k0 = (r as usize).min(k - 1);
    }

    if k0 == 0 {
        let f = fit(yi, vi, opts)?;
        return Ok(TrimFill {
            k0,
            se_k0,
            side,
            estimator,
            fit: f,
            filled_yi: vec![],
            filled_vi: vec![],
        });
    }
    // mirror the k0 most extreme studies around the trimmed estimate (on the original scale)
    let mut filled_yi = Vec::with_capacity(k0);
    let mut filled_vi = Vec::with_capacity(k0);
    for j in (k - k0)..k {
        filled_yi.push(flip * (2.0 * beta - ys[j]));
        filled_vi.push(vs[j]);
    }
    let mut y_all = yi.to_vec();
    y_all.extend_from_slice(&filled_yi);
    let mut v_all = vi.to_vec();
    v_all.extend_from_slice(&filled_vi);
    // metafor refits the filled data with the model's method and its own defaults otherwise: a
    // z test at 95% (the original fit keeps the model's test and level when nothing is filled).
    let refit = RmaOptions {
        method: opts.method,
        ..RmaOptions::default()
    };
    let f = fit(&y_all, &v_all, refit)?;
    Ok(TrimFill {
        k0,
        se_k0,
        side,
        estimator,
        fit: f,
        filled_yi,
        filled_vi,
    })
}

fn sign(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        0.0
    }
}
