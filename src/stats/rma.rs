//! Random- and fixed-effects meta-analysis and meta-regression, following metafor's `rma.uni`.
//!
//! The model is `yi = x_i' beta + u_i + e_i` with `e_i ~ N(0, vi)` (known sampling variances)
//! and `u_i ~ N(0, tau2)`. `tau2` is estimated by one of metafor's estimators ([`Method`]),
//! then beta is estimated by weighted least squares with weights `1/(vi + tau2)`.
//! Everything follows `rma.uni` (metafor 4.x) so results agree with what users of R see:
//!
//! * DL, HE and SJ are closed-form and truncated at 0 as metafor does;
//! * ML and REML use metafor's Fisher scoring with step halving (start: HE estimate), but run
//!   to a relative change of 1e-10 instead of metafor's absolute 1e-5, and keep metafor's check
//!   that tau2 = 0 does not have a higher likelihood;
//! * PM and EB solve the generalized Q equation `Q(tau2) = k - p` (EB's Fisher scoring converges
//!   to the same root) with an exact bracketing solver;
//! * `se_tau2` uses the formula metafor uses for each estimator;
//! * Q (QE) always uses fixed-effect weights `1/vi`; I2 and H2 are computed from tau2 with the
//!   "typical" sampling variance `vt = (k-p)/tr(P)` (for FE: from Q);
//! * Knapp-Hartung (`test="knha"`) scales the variance by `RSS/(k-p)` without truncation and
//!   uses t (and F) distributions with `k-p` degrees of freedom.
//!
//! Values that are undefined (e.g. p-values with 0 residual degrees of freedom) are NaN here;
//! the `analyze` report turns every non-finite value into `null`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::dist;
use super::linalg::{crossprod_d, spd_inverse, spd_logdet, ModelMatrix, PMatrix};
use super::roots::zeroin;
use super::StatsError;

/// Bound on Fisher scoring iterations (ML, REML).
pub const MAX_ITER: usize = 1000;
/// Relative convergence threshold for Fisher scoring.
pub const REL_TOL: f64 = 1e-10;

/// Estimator of the between-study variance tau2 (metafor's `method=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Method {
    /// Fixed (equal/common) effect: tau2 = 0.
    FE,
    /// DerSimonian-Laird (method of moments with 1/vi weights).
    DL,
    /// Restricted maximum likelihood (metafor's default).
    REML,
    /// Maximum likelihood.
    ML,
    /// Paule-Mandel (generalized Q equals its expectation).
    PM,
    /// Hedges (unweighted method of moments).
    HE,
    /// Sidik-Jonkman (one step from a crude start).
    SJ,
    /// Empirical Bayes (Morris); the same root as PM.
    EB,
}

impl Method {
    /// Every estimator, FE first.
    pub const ALL: [Method; 8] = [
        Method::FE,
        Method::DL,
        Method::REML,
        Method::ML,
        Method::PM,
        Method::HE,
        Method::SJ,
        Method::EB,
    ];

    /// metafor's names, in the order of [`Method::ALL`].
    pub const NAMES: [&'static str; 8] = ["FE", "DL", "REML", "ML", "PM", "HE", "SJ", "EB"];

    /// metafor's name.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Method {
    type Err = StatsError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "FE" | "EE" | "CE" => Ok(Method::FE),
            "DL" => Ok(Method::DL),
            "REML" => Ok(Method::REML),
            "ML" => Ok(Method::ML),
            "PM" => Ok(Method::PM),
            "HE" => Ok(Method::HE),
            "SJ" => Ok(Method::SJ),
            "EB" => Ok(Method::EB),
            _ => Err(StatsError::Unknown {
                kind: "method",
                name: s.to_string(),
            }),
        }
    }
}

/// Inference for the coefficients (metafor's `test=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Test {
    /// Wald z tests and normal-based intervals.
    #[serde(rename = "z")]
    Z,
    /// Knapp-Hartung: scaled variance, t with k-p df.
    #[serde(rename = "knha")]
    Knha,
}

impl fmt::Display for Test {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Test::Z => "z",
            Test::Knha => "knha",
        })
    }
}

impl FromStr for Test {
    type Err = StatsError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "z" => Ok(Test::Z),
            "knha" | "hk" | "hksj" => Ok(Test::Knha),
            _ => Err(StatsError::Unknown {
                kind: "test",
                name: s.to_string(),
            }),
        }
    }
}

/// Options of a fit (metafor: `method`, `test`, `level`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RmaOptions {
    pub method: Method,
    pub test: Test,
    /// Confidence level in percent (95) or as a fraction (0.95).
    pub level: f64,
}

impl Default for RmaOptions {
    fn default() -> Self {
        RmaOptions {
            method: Method::REML,
            test: Test::Z,
            level: 95.0,
        }
    }
}

/// Two-sided alpha from a level given as a percentage (95) or a fraction (0.95).
pub fn alpha_from_level(level: f64) -> Result<f64, StatsError> {
    if !level.is_finite() {
        return Err(StatsError::InvalidLevel(level));
    }
    if level > 1.0 && level < 100.0 {
        Ok((100.0 - level) / 100.0)
    } else if level > 0.0 && level < 1.0 {
        Ok(1.0 - level)
    } else {
        Err(StatsError::InvalidLevel(level))
    }
}

/// Check yi/vi: same length, at least one study, finite, vi > 0.
pub(crate) fn validate(yi: &[f64], vi: &[f64]) -> Result<(), StatsError> {
    if yi.is_empty() {
        return Err(StatsError::NoStudies);
    }
    if vi.len() != yi.len() {
        return Err(StatsError::LengthMismatch {
            what: "vi",
            expected: yi.len(),
            got: vi.len(),
        });
    }
    for (i, y) in yi.iter().enumerate() {
        if !y.is_finite() {
            return Err(StatsError::NonFinite {
                what: "yi",
                index: i,
            });
        }
    }
    for (i, v) in vi.iter().enumerate() {
        if !v.is_finite() {
            return Err(StatsError::NonFinite {
                what: "vi",
                index: i,
            });
        }
        if *v <= 0.0 {
            return Err(StatsError::NonPositiveVariance {
                index: i,
                value: *v,
            });
        }
    }
    Ok(())
}

/// A tau2 estimate with its standard error as rma.uni computes it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Tau2Estimate {
    pub tau2: f64,
    /// `None` for FE and for k = 1 (tau2 not estimated).
    pub se_tau2: Option<f64>,
    /// Fisher scoring iterations (0 for closed-form estimators).
    pub iterations: usize,
}

impl Tau2Estimate {
    /// tau2 fixed at 0, not estimated: FE, or a single study.
    const NOT_ESTIMATED: Tau2Estimate = Tau2Estimate {
        tau2: 0.0,
        se_tau2: None,
        iterations: 0,
    };
}

fn median(v: &[f64]) -> f64 {
    let mut s: Vec<f64> = v.to_vec();
    crate::sort::sort_by(&mut s, |a, b| a.total_cmp(b));
    let n = s.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}

/// R's `mad()` (scaled by 1.4826).
fn mad(v: &[f64]) -> f64 {
    let m = median(v);
    let d: Vec<f64> = v.iter().map(|x| (x - m).abs()).collect();
    1.4826 * median(&d)
}

fn pmatrix<'a>(x: &'a ModelMatrix, w: Vec<f64>) -> Result<PMatrix<'a>, StatsError> {
    if w.iter().any(|w| !w.is_finite() || *w <= 0.0) {
        return Err(invalid_weights());
    }
    PMatrix::new(x, w).ok_or(StatsError::Singular {
        what: "weighted cross-product X'WX",
    })
}

/// Generalized Q statistic `sum w (y - X b)^2` with weights `1/(vi + tau2)`.
pub(crate) fn q_gen(y: &[f64], v: &[f64], x: &ModelMatrix, tau2: f64) -> Result<f64, StatsError> {
    PSums::new(y, v, x, tau2).map(|s| s.q)
}

/// What Fisher scoring and the Q-profile need from `P = W - W X A X'W` (`A = (X'WX)^-1`) at
/// one tau2, in two passes over the studies and with only p x p matrices formed: the
/// route through [`PMatrix`] makes about fifteen passes and allocates each time, which
/// dominated refits of large datasets.
struct PSums {
    /// sum w, sum w^2
    s1: f64,
    s2: f64,
    /// y'Py = sum w e^2 (the generalized Q)
    q: f64,
    /// y'PPy = sum (w e)^2
    ypp: f64,
    /// tr(P) and tr(PP)
    tr_p: f64,
    tr_pp: f64,
}

fn invalid_weights() -> StatsError {
    StatsError::InvalidInput {
        what: "weights".into(),
        reason: "division by zero when computing the inverse-variance weights".into(),
    }
}

impl PSums {
    fn new(y: &[f64], v: &[f64], x: &ModelMatrix, tau2: f64) -> Result<Self, StatsError> {
        if x.is_intercept_only() {
            Self::intercept_only(y, v, tau2)
        } else {
            Self::general(y, v, x, tau2)
        }
    }

    /// The same sums for a column of ones, where `A = 1/sum w`: scalar loops that run twice
    /// as fast as the general ones in wasm, for every plain meta-analysis.
    fn intercept_only(y: &[f64], v: &[f64], tau2: f64) -> Result<Self, StatsError> {
        let (mut s1, mut s2, mut swy) = (0.0, 0.0, 0.0);
        for (yi, vi) in y.iter().zip(v) {
            let w = 1.0 / (vi + tau2);
            if !(w.is_finite() && w > 0.0) {
                return Err(invalid_weights());
            }
            s1 += w;
            s2 += w * w;
            swy += w * yi;
        }
        let mu = swy / s1;
        let (mut q, mut ypp, mut tr_p, mut diag2, mut below, mut before) =
            (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        for (yi, vi) in y.iter().zip(v) {
            let w = 1.0 / (vi + tau2);
            let we = (yi - mu) * w;
            q += we * (yi - mu);
            ypp += we * we;
            // P_ii = w (s1 - w) / s1; the entries left of the diagonal, -w w_j / s1, square
            // to w^2 times the sum of the earlier w_j^2, over s1^2: non-negative terms only.
            let p_ii = w * (s1 - w) / s1;
            tr_p += p_ii;
            diag2 += p_ii * p_ii;
            below += w * w * before;
            before += w * w;
        }
        Ok(PSums {
            s1,
            s2,
            q,
            ypp,
            tr_p,
            tr_pp: diag2 + 2.0 * below / (s1 * s1),
        })
    }

    fn general(y: &[f64], v: &[f64], x: &ModelMatrix, tau2: f64) -> Result<Self, StatsError> {
        let p = x.p;
        let pm = pmatrix(x, v.iter().map(|vi| 1.0 / (vi + tau2)).collect())?;
        let (a, w) = (&pm.a, &pm.w);
        let beta = pm.beta(y);
        let s1 = w.iter().sum();
        let s2 = w.iter().map(|w| w * w).sum();
        // One pass over the studies, with S = the sum over earlier rows of w_j^2 x_j x_j': the squares
        // of row i's entries left of the diagonal, (w_i w_j x_i'A x_j)^2, sum to w_i^2 u'Su with
        // u = A x_i. Every such term is non-negative, so the off-diagonal part cannot cancel
        // when a few studies are far more precise than the rest (the textbook
        // tr(W^2) - 2 tr(A X'W^3X) + tr(ASAS) loses every digit there); P_ii itself still
        // rounds as it does in metafor's explicit P.
        let (mut q, mut ypp, mut tr_p, mut diag2, mut below) = (0.0, 0.0, 0.0, 0.0, 0.0);
        let (mut before, mut u) = (vec![0.0; p * p], vec![0.0; p]);
        for ((yi, &w), r) in y.iter().zip(w).zip(x.data.chunks_exact(p.max(1))) {
            let e = yi - dot(r, &beta);
            q += w * e * e;
            ypp += (w * e) * (w * e);
            for (ui, ar) in u.iter_mut().zip(a.chunks_exact(p)) {
                *ui = dot(ar, r);
            }
            let p_ii = w - w * w * dot(r, &u);
            tr_p += p_ii;
            diag2 += p_ii * p_ii;
            let usu: f64 = before
                .chunks_exact(p)
                .zip(&u)
                .map(|(sr, ui)| ui * dot(sr, &u))
                .sum();
            below += w * w * usu.max(0.0);
            for (sr, ra) in before.chunks_exact_mut(p).zip(r) {
                for (s, rb) in sr.iter_mut().zip(r) {
                    *s += w * w * ra * rb;
                }
            }
        }
        Ok(PSums {
            s1,
            s2,
            q,
            ypp,
            tr_p,
            tr_pp: diag2 + 2.0 * below,
        })
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Log-likelihood (ML or REML, metafor's constants) at a given tau2.
fn loglik(y: &[f64], v: &[f64], x: &ModelMatrix, tau2: f64, reml: bool) -> Result<f64, StatsError> {
    let k = x.k as f64;
    let p = x.p as f64;
    let w: Vec<f64> = v.iter().map(|v| 1.0 / (v + tau2)).collect();
    let slog: f64 = v.iter().map(|v| (v + tau2).ln()).sum();
    let pm = pmatrix(x, w.clone())?;
    let rss = pm.rss(y);
    let two_pi = 2.0 * std::f64::consts::PI;
    if reml {
        let ld =
            spd_logdet(&crossprod_d(x, &w), x.p).ok_or(StatsError::Singular { what: "X'WX" })?;
        Ok(-0.5 * (k - p) * two_pi.ln() - 0.5 * slog - 0.5 * ld - 0.5 * rss)
    } else {
        Ok(-0.5 * k * two_pi.ln() - 0.5 * slog - 0.5 * rss)
    }
}

/// Whether `method` can estimate tau2 from `k` studies and `p` coefficients: an estimator needs a
/// residual degree of freedom (the fixed-effect model, and a single study, estimate none).
fn tau2_estimable(k: usize, p: usize, method: Method) -> Result<(), StatsError> {
    if method == Method::FE || k == 1 || k > p {
        return Ok(());
    }
    Err(StatsError::TooFewStudies {
        what: "estimating tau2 with these moderators",
        needed: p + 1,
        got: k,
    })
}

/// Estimate tau2 for the model `y ~ X` with known variances `v`, as rma.uni does.
/// Inputs must already be validated (finite, v > 0, k >= 1, full-rank X).
pub fn estimate_tau2(
    y: &[f64],
    v: &[f64],
    x: &ModelMatrix,
    method: Method,
) -> Result<Tau2Estimate, StatsError> {
    let k = x.k;
    let p = x.p;
    if k != y.len() || k != v.len() {
        return Err(StatsError::LengthMismatch {
            what: "model matrix rows",
            expected: y.len(),
            got: k,
        });
    }
    tau2_estimable(k, p, method)?;
    // Residual degrees of freedom; the estimators are reached only past the guards, with k > p.
    let kp = k.saturating_sub(p) as f64;
    match method {
        Method::FE => Ok(Tau2Estimate::NOT_ESTIMATED),
        _ if k == 1 => Ok(Tau2Estimate::NOT_ESTIMATED),
        Method::DL => {
            let ones = vec![1.0; k];
            let pm = pmatrix(x, v.iter().map(|v| 1.0 / v).collect())?;
            let rss = pm.rss(y);
            let trp = pm.tr_pd(&ones);
            let tau2 = ((rss - kp) / trp).max(0.0);
            let trpp = pm.tr_pdpd(&ones, &ones);
            let se = (1.0 / (trp * trp) * (2.0 * kp + 4.0 * tau2 * trp + 2.0 * tau2 * tau2 * trpp))
                .sqrt();
            finite_tau2(tau2, Some(se), 0, "DL estimator")
        }
        Method::HE => {
            let (tau2_raw, pm) = he_raw(y, v, x)?;
            let tau2 = tau2_raw.max(0.0);
            let trpv = pm.tr_pd(v);
            let trpvpv = pm.tr_pdpd(v, v);
            let se = (1.0 / (kp * kp)
                * (2.0 * trpvpv + 4.0 * tau2 * trpv + 2.0 * tau2 * tau2 * kp))
                .sqrt();
            finite_tau2(tau2, Some(se), 0, "HE estimator")
        }
        Method::SJ => {
            let ones = vec![1.0; k];
            let mean = y.iter().sum::<f64>() / k as f64;
            let tau2_0 = y.iter().map(|y| (y - mean) * (y - mean)).sum::<f64>() / k as f64;
            let pm = pmatrix(x, v.iter().map(|v| 1.0 / (v + tau2_0)).collect())?;
            let rss = pm.rss(y);
            let tau2 = (tau2_0 * rss / kp).max(0.0);
            let trpvpv = pm.tr_pdpd(v, v);
            let trpvp = pm.tr_pdpd(v, &ones);
            let trpp = pm.tr_pdpd(&ones, &ones);
            let se = (tau2_0 * tau2_0 / (kp * kp)
                * (2.0 * trpvpv + 4.0 * tau2 * trpvp + 2.0 * tau2 * tau2 * trpp))
                .sqrt();
            finite_tau2(tau2, Some(se), 0, "SJ estimator")
        }
        Method::PM | Method::EB => {
            let tau2 = pm_root(y, v, x)?;
            let sw: f64 = v.iter().map(|v| 1.0 / (v + tau2)).sum();
            let kf = k as f64;
            let se = (2.0 * kf * kf / kp / (sw * sw)).sqrt();
            finite_tau2(
                tau2,
                Some(se),
                0,
                if method == Method::PM {
                    "PM estimator"
                } else {
                    "EB estimator"
                },
            )
        }
        Method::ML | Method::REML => {
            let reml = method == Method::REML;
            let (he, _) = he_raw(y, v, x)?;
            let mut tau2 = he.max(0.0);
            if !tau2.is_finite() {
                tau2 = 0.0;
            }
            let vscale = v.iter().sum::<f64>() / k as f64;
            // The score (numerator of the Fisher step) and the expected information at tau2.
            let step = |tau2: f64| -> Result<(f64, f64), StatsError> {
                let sums = PSums::new(y, v, x, tau2)?;
                Ok(if reml {
                    (sums.ypp - sums.tr_p, sums.tr_pp)
                } else {
                    (sums.ypp - sums.s1, sums.s2)
                })
            };
            // Points where the score is positive (tau2 should grow) and negative: once both are
            // known and scoring still has not settled, the root is found by bracketing instead.
            // Plain Fisher scoring can overshoot back and forth for thousands of steps when a
            // few studies are far more precise than the rest.
            let (mut rising, mut falling): (Option<f64>, Option<f64>) = (None, None);
            let mut iter = 0;
            loop {
                iter += 1;
                if iter > MAX_ITER {
                    return Err(StatsError::NotConverged {
                        what: "Fisher scoring for tau2",
                        iterations: MAX_ITER,
                    });
                }
                let (score, information) = step(tau2)?;
                if score > 0.0 {
                    rising = Some(tau2);
                } else if score < 0.0 {
                    falling = Some(tau2);
                }
                if let (Some(a), Some(b), true) = (rising, falling, iter > 25) {
                    let tol = REL_TOL * a.max(b).max(1e-5 * vscale) * 1e-2;
                    let root = zeroin(
                        |t| step(t).map(|(s, _)| s).unwrap_or(f64::NAN),
                        a,
                        b,
                        tol,
                        500,
                    )
                    .ok_or(StatsError::NotConverged {
                        what: "Fisher scoring for tau2",
                        iterations: iter,
                    })?;
                    tau2 = root;
                    break;
                }
                let mut adj = score / information;
                if !adj.is_finite() {
                    return Err(StatsError::NotConverged {
                        what: "Fisher scoring for tau2",
                        iterations: iter,
                    });
                }
                // step halving to stay at or above 0 (bounded: at most ~1100 halvings to underflow)
                if tau2 == 0.0 && adj < 0.0 {
                    adj = 0.0;
                }
                let mut h = 0;
                while tau2 + adj < 0.0 && h < 1100 {
                    adj /= 2.0;
                    h += 1;
                }
                if tau2 + adj < 0.0 {
                    adj = -tau2;
                }
                let new = tau2 + adj;
                let change = (new - tau2).abs();
                tau2 = new;
                if change <= REL_TOL * tau2.max(1e-5 * vscale) {
                    break;
                }
            }
            // metafor's check: tau2 = 0 must not have a clearly larger likelihood
            let ll0 = loglik(y, v, x, 0.0, reml)?;
            let ll = loglik(y, v, x, tau2, reml)?;
            if ll0 - ll > f64::EPSILON.powf(0.25) && tau2 > 1e-5 {
                tau2 = 0.0;
            }
            let sums = PSums::new(y, v, x, tau2)?;
            let se = (2.0 / if reml { sums.tr_pp } else { sums.s2 }).sqrt();
            finite_tau2(tau2, Some(se), iter, "Fisher scoring for tau2")
        }
    }
}

fn finite_tau2(
    tau2: f64,
    se: Option<f64>,
    iterations: usize,
    what: &'static str,
) -> Result<Tau2Estimate, StatsError> {
    if !tau2.is_finite() {
        return Err(StatsError::NotConverged { what, iterations });
    }
    Ok(Tau2Estimate {
        tau2,
        se_tau2: se.filter(|s| s.is_finite()),
        iterations,
    })
}

/// Hedges' estimator before truncation, and the OLS P matrix it uses.
fn he_raw<'a>(y: &[f64], v: &[f64], x: &'a ModelMatrix) -> Result<(f64, PMatrix<'a>), StatsError> {
    let k = x.k;
    let pm = pmatrix(x, vec![1.0; k])?;
    let rss = pm.rss(y);
    let trpv = pm.tr_pd(v);
    Ok(((rss - trpv) / (k - x.p) as f64, pm))
}

/// Paule-Mandel: root of Q(tau2) = k - p, or 0 if Q(0) < k - p.
fn pm_root(y: &[f64], v: &[f64], x: &ModelMatrix) -> Result<f64, StatsError> {
    let target = (x.k - x.p) as f64;
    let q0 = q_gen(y, v, x, 0.0)?;
    if q0 < target {
        return Ok(0.0);
    }
    // metafor searches [0, max(100, 10 mad(yi)^2)]; we extend the bracket (bounded) instead of failing.
    let mut hi = 100f64.max(10.0 * mad(y).powi(2));
    let mut n = 0;
    while q_gen(y, v, x, hi)? > target {
        hi *= 4.0;
        n += 1;
        if n > 60 || !hi.is_finite() {
            return Err(StatsError::NotConverged {
                what: "Paule-Mandel bracket for tau2",
                iterations: n,
            });
        }
    }
    let mut err = None;
    let root = zeroin(
        |t| match q_gen(y, v, x, t) {
            Ok(q) => q - target,
            Err(e) => {
                err = Some(e);
                f64::NAN
            }
        },
        0.0,
        hi,
        0.0,
        2000,
    );
    if let Some(e) = err {
        return Err(e);
    }
    root.ok_or(StatsError::NotConverged {
        what: "Paule-Mandel root finder",
        iterations: 2000,
    })
}

/// A meta-regression fit (rma.uni with moderators).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetaRegFit {
    pub k: usize,
    pub p: usize,
    pub method: Method,
    pub test: Test,
    /// Coefficient names (columns of the model matrix).
    pub names: Vec<String>,
    pub beta: Vec<f64>,
    pub se: Vec<f64>,
    /// z (or t under knha) statistics.
    pub zval: Vec<f64>,
    pub pval: Vec<f64>,
    pub ci_lb: Vec<f64>,
    pub ci_ub: Vec<f64>,
    /// Variance-covariance matrix of beta, p x p row-major.
    pub vb: Vec<f64>,
    pub tau2: f64,
    pub se_tau2: Option<f64>,
    #[serde(rename = "I2")]
    pub i2: f64,
    #[serde(rename = "H2")]
    pub h2: f64,
    /// The "typical" sampling variance used for I2/H2 (`(k-p)/tr(P)`).
    pub vt: f64,
    /// Residual heterogeneity Q (QE) with fixed-effect weights.
    #[serde(rename = "QE")]
    pub qe: f64,
    #[serde(rename = "QE_df")]
    pub qe_df: usize,
    #[serde(rename = "QE_pval")]
    pub qe_pval: f64,
    /// Omnibus test of the coefficients in `btt` (chi-squared, or F under knha).
    #[serde(rename = "QM")]
    pub qm: f64,
    #[serde(rename = "QM_df")]
    pub qm_df: usize,
    #[serde(rename = "QM_pval")]
    pub qm_pval: f64,
    /// Residual df for t/F tests (knha only).
    pub ddf: Option<usize>,
    /// Critical value used for the intervals.
    pub crit: f64,
    /// Model weights `1/(vi + tau2)`, not normalized (metafor's `wi`); [`RmaFit::weights_pct`]
    /// has them in percent.
    pub wi: Vec<f64>,
    pub iterations: usize,
}

/// Fit `yi ~ X` (metafor: `rma(yi, vi, mods = X, intercept = FALSE)` with X containing the
/// intercept column when wanted). `btt` lists the coefficients in the omnibus QM test.
pub fn fit_mods(
    yi: &[f64],
    vi: &[f64],
    x: &ModelMatrix,
    btt: &[usize],
    opts: RmaOptions,
) -> Result<MetaRegFit, StatsError> {
    validate(yi, vi)?;
    let alpha = alpha_from_level(opts.level)?;
    if x.k != yi.len() || x.data.len() != x.k * x.p || x.p == 0 {
        return Err(StatsError::LengthMismatch {
            what: "model matrix rows",
            expected: yi.len(),
            got: x.k,
        });
    }
    if let Some((i, _)) = x.data.iter().enumerate().find(|(_, v)| !v.is_finite()) {
        return Err(StatsError::NonFinite {
            what: "moderator",
            index: i / x.p,
        });
    }
    if btt.iter().any(|&j| j >= x.p) {
        return Err(StatsError::InvalidInput {
            what: "btt".into(),
            reason: "coefficient index out of range".into(),
        });
    }
    let k = x.k;
    let p = x.p;
    // The counts first: the rank check below takes time cubic in p.
    if k < p {
        return Err(StatsError::TooFewStudies {
            what: "this meta-regression",
            needed: p,
            got: k,
        });
    }
    tau2_estimable(k, p, opts.method)?;
    // full rank check (unweighted)
    if spd_inverse(&crossprod_d(x, &vec![1.0; k]), p).is_none() {
        return Err(StatsError::Singular {
            what: "model matrix",
        });
    }
    let est = estimate_tau2(yi, vi, x, opts.method)?;
    let tau2 = est.tau2;
    let w: Vec<f64> = vi.iter().map(|v| 1.0 / (v + tau2)).collect();
    let pm = pmatrix(x, w.clone())?;
    let beta = pm.beta(yi);
    let mut vb = pm.a.clone();
    // One study leaves Knapp-Hartung no residual to scale by: metafor tests it with z.
    let test = if k == 1 { Test::Z } else { opts.test };
    let ddf = if test == Test::Knha {
        Some(k - p)
    } else {
        None
    };
    if test == Test::Knha {
        let rss = pm.rss(yi);
        let s2w = if rss <= f64::EPSILON {
            0.0
        } else {
            rss / (k - p) as f64
        };
        for e in vb.iter_mut() {
            *e *= s2w;
        }
    }
    let se: Vec<f64> = (0..p).map(|j| vb[j * p + j].max(0.0).sqrt()).collect();
    let zval: Vec<f64> = beta.iter().zip(&se).map(|(b, s)| b / s).collect();
    let (pval, crit): (Vec<f64>, f64) = match ddf {
        None => (
            zval.iter()
                .map(|z| 2.0 * dist::pnorm_upper(z.abs()))
                .collect(),
            dist::qnorm_upper(alpha / 2.0),
        ),
        Some(d) if d > 0 => (
            zval.iter()
                .map(|z| 2.0 * dist::pt_upper(z.abs(), d as f64))
                .collect(),
            dist::qt_upper(alpha / 2.0, d as f64),
        ),
        Some(_) => (vec![f64::NAN; p], f64::NAN),
    };
    let ci_lb: Vec<f64> = beta.iter().zip(&se).map(|(b, s)| b - crit * s).collect();
    let ci_ub: Vec<f64> = beta.iter().zip(&se).map(|(b, s)| b + crit * s).collect();

    // omnibus test of the btt coefficients
    let m = btt.len();
    let (qm, qm_pval) = if m == 0 {
        (f64::NAN, f64::NAN)
    } else {
        let mut sub = vec![0.0; m * m];
        for (a, &ja) in btt.iter().enumerate() {
            for (b, &jb) in btt.iter().enumerate() {
                sub[a * m + b] = vb[ja * p + jb];
            }
        }
        match spd_inverse(&sub, m) {
            None => (f64::NAN, f64::NAN),
            Some(inv) => {
                let bs: Vec<f64> = btt.iter().map(|&j| beta[j]).collect();
                let mut q = 0.0;
                for a in 0..m {
                    for b in 0..m {
                        q += bs[a] * inv[a * m + b] * bs[b];
                    }
                }
                match ddf {
                    None => (q, dist::pchisq_upper(q, m as f64)),
                    Some(d) => {
                        let f = q / m as f64;
                        (
                            f,
                            if d > 0 {
                                dist::pf_upper(f, m as f64, d as f64)
                            } else {
                                f64::NAN
                            },
                        )
                    }
                }
            }
        }
    };

    // heterogeneity: Q with fixed-effect weights; I2/H2
    let (qe, qe_pval, i2, h2, vt) = if k > p {
        let pfe = pmatrix(x, vi.iter().map(|v| 1.0 / v).collect())?;
        let qe = pfe.rss(yi).max(0.0);
        let kp = (k - p) as f64;
        let qe_pval = dist::pchisq_upper(qe, kp);
        let vt = kp / pfe.tr_pd(&vec![1.0; k]);
        let (i2, h2) = if opts.method == Method::FE {
            let i2 = if qe > 0.0 {
                (100.0 * (qe - kp) / qe).clamp(0.0, 100.0)
            } else {
                0.0
            };
            (i2, qe / kp)
        } else if vt > 0.0 && vt.is_finite() {
            (
                (100.0 * tau2 / (vt + tau2)).clamp(0.0, 100.0),
                (tau2 / vt + 1.0).max(1.0),
            )
        } else {
            // tr(P) lost to cancellation (variances hundreds of orders of magnitude apart gave
            // vt <= 0, hence I2 above 100 or below 0): there is no honest I2 or H2 to report.
            (f64::NAN, f64::NAN)
        };
        (qe, qe_pval, i2, h2, vt)
    } else {
        (0.0, 1.0, 0.0, 1.0, 0.0)
    };

    Ok(MetaRegFit {
        k,
        p,
        method: opts.method,
        test,
        names: x.names.clone(),
        beta,
        se,
        zval,
        pval,
        ci_lb,
        ci_ub,
        vb,
        tau2,
        se_tau2: est.se_tau2,
        i2,
        h2,
        vt,
        qe,
        qe_df: k - p,
        qe_pval,
        qm,
        qm_df: m,
        qm_pval,
        ddf,
        crit,
        wi: w,
        iterations: est.iterations,
    })
}

/// An intercept-only (random- or fixed-effects) meta-analysis, rma.uni's printed results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RmaFit {
    pub k: usize,
    pub method: Method,
    pub test: Test,
    /// Confidence level as a percentage.
    pub level: f64,
    pub estimate: f64,
    pub se: f64,
    /// z statistic (t under knha).
    pub zval: f64,
    pub pval: f64,
    pub ci_lb: f64,
    pub ci_ub: f64,
    /// Prediction interval: estimate +/- crit * sqrt(se^2 + tau2).
    pub pi_lb: f64,
    pub pi_ub: f64,
    pub tau2: f64,
    pub se_tau2: Option<f64>,
    #[serde(rename = "I2")]
    pub i2: f64,
    #[serde(rename = "H2")]
    pub h2: f64,
    pub vt: f64,
    #[serde(rename = "Q")]
    pub q: f64,
    #[serde(rename = "Q_df")]
    pub q_df: usize,
    #[serde(rename = "Q_pval")]
    pub q_pval: f64,
    /// Residual df under knha (k - 1).
    pub ddf: Option<usize>,
    /// Weights in percent (sum to 100), as metafor's `weights()` prints them.
    pub weights_pct: Vec<f64>,
    pub iterations: usize,
}

impl RmaFit {
    /// tau = sqrt(tau2).
    pub fn tau(&self) -> f64 {
        self.tau2.max(0.0).sqrt()
    }
}

/// Fit the intercept-only model `rma(yi, vi, method, test, level)`.
pub fn fit(yi: &[f64], vi: &[f64], opts: RmaOptions) -> Result<RmaFit, StatsError> {
    validate(yi, vi)?;
    let level_pct = 100.0 * (1.0 - alpha_from_level(opts.level)?);
    let x = ModelMatrix::intercept(yi.len());
    let m = fit_mods(yi, vi, &x, &[], opts)?;
    Ok(from_metareg(&m, level_pct))
}

pub(crate) fn from_metareg(m: &MetaRegFit, level_pct: f64) -> RmaFit {
    let est = m.beta[0];
    let se = m.se[0];
    let half = m.crit * (se * se + m.tau2).sqrt();
    let sw: f64 = m.wi.iter().sum();
    RmaFit {
        k: m.k,
        method: m.method,
        test: m.test,
        level: level_pct,
        estimate: est,
        se,
        zval: m.zval[0],
        pval: m.pval[0],
        ci_lb: m.ci_lb[0],
        ci_ub: m.ci_ub[0],
        pi_lb: est - half,
        pi_ub: est + half,
        tau2: m.tau2,
        se_tau2: m.se_tau2,
        i2: m.i2,
        h2: m.h2,
        vt: m.vt,
        q: m.qe,
        q_df: m.qe_df,
        q_pval: m.qe_pval,
        ddf: m.ddf,
        weights_pct: m.wi.iter().map(|w| 100.0 * w / sw).collect(),
        iterations: m.iterations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn design(rows: &[[f64; 2]]) -> ModelMatrix {
        ModelMatrix {
            k: rows.len(),
            p: 2,
            data: rows.iter().flatten().copied().collect(),
            names: vec!["intrcpt".into(), "x".into()],
        }
    }

    #[test]
    fn sums_agree_with_the_p_matrix() {
        let y = [0.3, -0.2, 0.5, 0.1, -0.4, 0.25, 0.05];
        let v = [0.04, 0.09, 0.02, 0.16, 0.05, 0.07, 0.11];
        let x = design(&[
            [1.0, 0.2],
            [1.0, 1.5],
            [1.0, -0.3],
            [1.0, 2.2],
            [1.0, 0.9],
            [1.0, -1.1],
            [1.0, 0.4],
        ]);
        for (x, tau2) in [
            (x.clone(), 0.0),
            (x, 0.05),
            (ModelMatrix::intercept(7), 0.03),
        ] {
            let sums = PSums::new(&y, &v, &x, tau2).unwrap();
            let w: Vec<f64> = v.iter().map(|v| 1.0 / (v + tau2)).collect();
            let pm = pmatrix(&x, w.clone()).unwrap();
            let ones = vec![1.0; y.len()];
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * b.abs().max(1.0);
            assert!(close(sums.q, pm.rss(&y)));
            assert!(close(sums.tr_p, pm.tr_pd(&ones)));
            assert!(close(sums.tr_pp, pm.tr_pdpd(&ones, &ones)));
            let ypp: f64 = pm
                .residuals(&y)
                .iter()
                .zip(&w)
                .map(|(e, w)| (w * e) * (w * e))
                .sum();
            assert!(close(sums.ypp, ypp));
            assert!(close(sums.s1, w.iter().sum()));
        }
    }

    #[test]
    fn both_sums_are_exact_with_one_study_far_more_precise() {
        let y = [0.3, -0.2, 0.5, 0.1, -0.4];
        let v = [0.04, 1e-7, 0.02, 0.16, 3.0];
        let x = ModelMatrix::intercept(5);
        // q, y'PPy, tr(P) and tr(PP) from the explicit 5 x 5 P in 50-digit arithmetic (mpmath);
        // the textbook tr(PP) is off in the seventh digit at tau2 = 0.
        let exact = [
            (
                0.0,
                [
                    31.32559020414325,
                    3816.021680346911,
                    163.1656846732892,
                    16148.121081538764,
                ],
            ),
            (
                0.02,
                [
                    9.215015743620878,
                    320.6513602784561,
                    62.35455809302973,
                    1691.2257951357358,
                ],
            ),
            (
                1.5,
                [
                    0.24439492312806965,
                    0.13410889470409135,
                    2.1870807996742467,
                    1.310090681232816,
                ],
            ),
        ];
        for (tau2, want) in exact {
            for sums in [
                PSums::intercept_only(&y, &v, tau2).unwrap(),
                PSums::general(&y, &v, &x, tau2).unwrap(),
            ] {
                let got = [sums.q, sums.ypp, sums.tr_p, sums.tr_pp];
                for (g, w) in got.iter().zip(want) {
                    assert!(
                        (g - w).abs() <= 1e-10 * w,
                        "tau2 {tau2}: {got:?} vs {want:?}"
                    );
                }
            }
        }
    }

    /// Three studies a million times more precise than the rest: tr(PP) must stay a sum of
    /// squares (the textbook formula cancels to noise here) and REML must settle.
    #[test]
    fn meta_regression_with_a_few_very_precise_studies() {
        let mut y = vec![0.12, 0.1, 0.11];
        let mut v = vec![1e-6, 1.2e-6, 0.9e-6];
        let mut rows = vec![[1.0, 0.001], [1.0, 0.0011], [1.0, 0.00095]];
        for i in 0..30 {
            let t = i as f64 / 29.0;
            y.push(-0.5 + t + 0.3 * (i as f64 * 1.7).sin());
            v.push(0.5 + t);
            rows.push([1.0, (0.5 + t).sqrt()]);
        }
        let x = design(&rows);
        let sums = PSums::new(&y, &v, &x, 0.01).unwrap();
        // tr(PP) from the explicit k x k P as metafor builds it, entry by entry (its
        // off-diagonal entries are single products, so summing their squares cannot cancel).
        let w: Vec<f64> = v.iter().map(|v| 1.0 / (v + 0.01)).collect();
        let a = pmatrix(&x, w.clone()).unwrap().a;
        let row = |i: usize| &x.data[2 * i..2 * i + 2];
        let xax = |i: usize, j: usize| -> f64 {
            (0..2)
                .map(|r| row(i)[r] * (0..2).map(|c| a[r * 2 + c] * row(j)[c]).sum::<f64>())
                .sum()
        };
        let mut explicit = 0.0;
        for i in 0..y.len() {
            for j in 0..y.len() {
                let p_ij = if i == j { w[i] } else { 0.0 } - w[i] * w[j] * xax(i, j);
                explicit += p_ij * p_ij;
            }
        }
        assert!(
            (sums.tr_pp - explicit).abs() <= 1e-9 * explicit,
            "{} vs {explicit}",
            sums.tr_pp
        );
        for method in [Method::REML, Method::ML] {
            let fit = fit_mods(
                &y,
                &v,
                &x,
                &[1],
                RmaOptions {
                    method,
                    ..RmaOptions::default()
                },
            )
            .unwrap();
            assert!(fit.tau2 >= 0.0 && fit.tau2.is_finite());
            assert!(fit.se_tau2.is_some_and(|s| s.is_finite() && s > 0.0));
        }
    }
}
