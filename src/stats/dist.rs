//! Distribution functions (normal, Student t, chi-squared, F) on top of `statrs`.
//!
//! `statrs` panics on some out-of-range arguments and its inverse CDFs are not all accurate
//! to double precision (the t and chi-squared inverses use short bisection/Newton runs).
//! These wrappers never panic (invalid input gives NaN, which callers turn into errors or
//! nulls) and compute quantiles by solving `cdf(x) = p` (or `sf(x) = p` in the upper tail)
//! with a bracketing root finder to machine precision, so `qnorm(0.975)` is
//! 1.959963984540054 as in R.

use statrs::distribution::{
    ChiSquared, Continuous, ContinuousCDF, FisherSnedecor, Normal, StudentsT,
};

use statrs::function::gamma::{gamma_lr, gamma_ur};

use super::roots::zeroin;

fn std_normal() -> Option<Normal> {
    Normal::new(0.0, 1.0).ok()
}

/// P(Z <= x) for the standard normal.
pub fn pnorm(x: f64) -> f64 {
    pnorm_upper(-x)
}

/// P(Z > x) for the standard normal, accurate to double precision in both tails.
///
/// statrs' `erfc` is only accurate to about 1e-10 (relative), so the normal tail is computed
/// from the regularized incomplete gamma function (accurate to ~1e-15):
/// `P(Z > x) = Q(1/2, x^2/2) / 2` for x >= 0.
pub fn pnorm_upper(x: f64) -> f64 {
    if let Some(p) = upper_tail_at_edge(x) {
        return p;
    }
    let h = 0.5 * x * x;
    if h == 0.0 {
        return 0.5;
    }
    if !h.is_finite() {
        return if x > 0.0 { 0.0 } else { 1.0 };
    }
    if x > 0.0 {
        0.5 * gamma_ur(0.5, h)
    } else {
        0.5 + 0.5 * gamma_lr(0.5, h)
    }
}

/// Standard normal density.
pub fn dnorm(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    std_normal().map_or(f64::NAN, |n| n.pdf(x))
}

/// `qnorm(0.975)` as R prints it with 17 digits: every 95% interval needs it, and the
/// refinement below is the slow part of reading a large dataset of reported intervals.
const Z_975: f64 = 1.959_963_984_540_054;

/// Upper quantile of the standard normal: z with P(Z > z) = `alpha` (R: `qnorm(alpha, lower.tail=FALSE)`).
pub fn qnorm_upper(alpha: f64) -> f64 {
    if alpha == 0.025 {
        return Z_975;
    }
    qnorm_upper_refined(alpha)
}

fn qnorm_upper_refined(alpha: f64) -> f64 {
    if !(alpha > 0.0 && alpha < 1.0) {
        return if alpha == 0.0 {
            f64::INFINITY
        } else if alpha == 1.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        };
    }
    let Some(n) = std_normal() else {
        return f64::NAN;
    };
    // statrs: erfc_inv based; then polish with Newton steps on the accurate tail function.
    let mut z = -n.inverse_cdf(alpha);
    for _ in 0..4 {
        if !z.is_finite() {
            break;
        }
        let f = pnorm_upper(z) - alpha;
        let d = n.pdf(z);
        if d <= 0.0 || !d.is_finite() {
            break;
        }
        let step = f / d;
        z += step;
        if step.abs() <= 1e-16 * z.abs().max(1.0) {
            break;
        }
    }
    z
}

fn student(df: f64) -> Option<StudentsT> {
    if !(df > 0.0) {
        return None;
    }
    StudentsT::new(0.0, 1.0, df).ok()
}

/// An upper tail probability where every distribution agrees: NaN at NaN, 0 at +inf, 1 at -inf.
fn upper_tail_at_edge(x: f64) -> Option<f64> {
    if x.is_nan() {
        Some(f64::NAN)
    } else if x.is_infinite() {
        Some(if x > 0.0 { 0.0 } else { 1.0 })
    } else {
        None
    }
}

/// P(T > x) for Student's t with `df` degrees of freedom.
pub fn pt_upper(x: f64, df: f64) -> f64 {
    if let Some(p) = upper_tail_at_edge(x) {
        return p;
    }
    student(df).map_or(f64::NAN, |t| t.sf(x))
}

/// P(T <= x) for Student's t with `df` degrees of freedom.
pub fn pt(x: f64, df: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    pt_upper(-x, df)
}

/// Upper quantile of Student's t: x with P(T > x) = `alpha` (R: `qt(alpha, df, lower.tail=FALSE)`).
pub fn qt_upper(alpha: f64, df: f64) -> f64 {
    if !(df > 0.0) || !(alpha > 0.0 && alpha < 1.0) {
        return f64::NAN;
    }
    if alpha == 0.5 {
        return 0.0;
    }
    if alpha > 0.5 {
        return -qt_upper(1.0 - alpha, df);
    }
    // t quantile >= normal quantile; find an upper end of the bracket by doubling (bounded).
    let z = qnorm_upper(alpha).max(1e-3);
    solve_increasing(|x| alpha - pt_upper(x, df), 2.0 * z, 1000)
}

/// The root in `[0, ∞)` of `f`, which rises through zero: `start` is doubled until `f` is no
/// longer negative (bounded, so a distribution that never gets there gives NaN), then the bracket
/// goes to `zeroin`.
fn solve_increasing(f: impl Fn(f64) -> f64, start: f64, maxiter: usize) -> f64 {
    let mut hi = start;
    for _ in 0..1100 {
        if f(hi) >= 0.0 {
            return zeroin(&f, 0.0, hi, 0.0, maxiter).unwrap_or(f64::NAN);
        }
        hi *= 2.0;
        if !hi.is_finite() {
            break;
        }
    }
    f64::NAN
}

fn chisq(df: f64) -> Option<ChiSquared> {
    if !(df > 0.0) || !df.is_finite() {
        return None;
    }
    ChiSquared::new(df).ok()
}

/// P(X <= x) for chi-squared with `df` degrees of freedom.
pub fn pchisq(x: f64, df: f64) -> f64 {
    chisq_tail(x, df, false)
}

/// P(X > x) for chi-squared with `df` degrees of freedom (accurate in the upper tail).
pub fn pchisq_upper(x: f64, df: f64) -> f64 {
    chisq_tail(x, df, true)
}

/// The lower or upper tail of chi-squared, with the edge cases both share.
fn chisq_tail(x: f64, df: f64, upper: bool) -> f64 {
    let (at_zero, at_infinity) = if upper { (1.0, 0.0) } else { (0.0, 1.0) };
    if x.is_nan() {
        return f64::NAN;
    }
    if x <= 0.0 {
        return if df > 0.0 { at_zero } else { f64::NAN };
    }
    if x == f64::INFINITY {
        return at_infinity;
    }
    // statrs evaluates the incomplete gamma function at x / 2, which underflows to 0 for the
    // smallest subnormal (5e-324) and then panics; the next subnormal gives the same answer.
    let x = x.max(1e-323);
    chisq(df).map_or(f64::NAN, |c| if upper { c.sf(x) } else { c.cdf(x) })
}

fn chisq_bracket(df: f64) -> f64 {
    // the mean is df and the sd sqrt(2 df); a far upper end, doubled if needed by the caller
    df + 20.0 * (2.0 * df).sqrt() + 50.0
}

/// Lower quantile of chi-squared: x with P(X <= x) = `p` (R: `qchisq(p, df)`).
pub fn qchisq(p: f64, df: f64) -> f64 {
    if !(df > 0.0) || !(p > 0.0 && p < 1.0) {
        return f64::NAN;
    }
    solve_increasing(|x| pchisq(x, df) - p, chisq_bracket(df), 2000)
}

/// Upper quantile of chi-squared: x with P(X > x) = `alpha` (R: `qchisq(alpha, df, lower.tail=FALSE)`).
pub fn qchisq_upper(alpha: f64, df: f64) -> f64 {
    if !(df > 0.0) || !(alpha > 0.0 && alpha < 1.0) {
        return f64::NAN;
    }
    solve_increasing(|x| alpha - pchisq_upper(x, df), chisq_bracket(df), 2000)
}

/// P(F > x) for the F distribution with (`df1`, `df2`) degrees of freedom.
pub fn pf_upper(x: f64, df1: f64, df2: f64) -> f64 {
    if x.is_nan() || !(df1 > 0.0) || !(df2 > 0.0) || !df1.is_finite() || !df2.is_finite() {
        return f64::NAN;
    }
    if x <= 0.0 {
        return 1.0;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    FisherSnedecor::new(df1, df2).map_or(f64::NAN, |f| f.sf(x))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_95_percent_quantile_shortcut_is_the_computed_value() {
        // The constant is the correctly rounded value (R's); the refinement lands a few ulps away.
        assert!((qnorm_upper(0.025) - qnorm_upper_refined(0.025)).abs() < 1e-15);
        assert!((pnorm_upper(Z_975) - 0.025).abs() < 1e-17);
    }

    use super::*;

    #[test]
    fn quantiles_match_r() {
        // R: qnorm(0.975) = 1.959963984540054
        assert!((qnorm_upper(0.025) - 1.959963984540054).abs() < 1e-14);
        // printed tables: t(0.975, 12) = 2.178813; chi2(0.975, 12) = 23.33666; chi2(0.025, 12) = 4.403789
        assert!((qt_upper(0.025, 12.0) - 2.178813).abs() < 1e-6);
        assert!((qchisq_upper(0.025, 12.0) - 23.33666).abs() < 1e-5);
        assert!((qchisq(0.025, 12.0) - 4.403789).abs() < 1e-6);
        // the quantiles invert the distribution functions to machine precision
        assert!((pt_upper(qt_upper(0.025, 3.0), 3.0) - 0.025).abs() < 1e-15);
        assert!((pchisq(qchisq(0.025, 1.0), 1.0) - 0.025).abs() < 1e-15);
        assert!(qnorm_upper(f64::NAN).is_nan());
        assert!(qt_upper(0.025, 0.0).is_nan());
        assert!(pchisq(f64::NAN, 3.0).is_nan());
    }
}
