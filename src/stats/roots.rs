//! Bracketing root finder (Brent's method as in R's `uniroot`/`zeroin`), bounded.
//!
//! metafor finds Paule-Mandel estimates and Q-profile bounds with `uniroot()` at a loose
//! tolerance (`.Machine$double.eps^0.25`); we use the same algorithm run to machine precision
//! so the engine returns the exact root and never depends on a stopping accident.

/// Find a root of `f` in `[ax, bx]` where `f(ax)` and `f(bx)` have opposite signs.
///
/// Returns `None` if the bracket is invalid, `f` is not finite at the ends, or `maxit`
/// iterations pass without convergence. `tol` is an absolute tolerance on the root;
/// a relative machine-precision term is always added.
pub(crate) fn zeroin<F: FnMut(f64) -> f64>(
    mut f: F,
    ax: f64,
    bx: f64,
    tol: f64,
    maxit: usize,
) -> Option<f64> {
    if !ax.is_finite() || !bx.is_finite() {
        return None;
    }
    let mut a = ax;
    let mut b = bx;
    let mut fa = f(a);
    let mut fb = f(b);
    if fa.is_nan() || fb.is_nan() {
        return None;
    }
    if fa == 0.0 {
        return Some(a);
    }
    if fb == 0.0 {
        return Some(b);
    }
    if (fa > 0.0) == (fb > 0.0) {
        return None;
    }
    let mut c = a;
    let mut fc = fa;
    let eps = f64::EPSILON;
    for _ in 0..maxit {
        let prev_step = b - a;
        if fc.abs() < fb.abs() {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        let tol_act = 2.0 * eps * b.abs() + tol / 2.0;
        let mut new_step = (c - b) / 2.0;
        if new_step.abs() <= tol_act || fb == 0.0 {
            return Some(b);
        }
        if prev_step.abs() >= tol_act && fa.abs() > fb.abs() {
            let cb = c - b;
            let (mut p, mut q);
            if a == c {
                let t1 = fb / fa;
                p = cb * t1;
                q = 1.0 - t1;
            } else {
                let qq = fa / fc;
                let t1 = fb / fc;
                let t2 = fb / fa;
                p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1.0));
                q = (qq - 1.0) * (t1 - 1.0) * (t2 - 1.0);
            }
            if p > 0.0 {
                q = -q;
            } else {
                p = -p;
            }
            if p < 0.75 * cb * q - (tol_act * q).abs() / 2.0 && p < (prev_step * q / 2.0).abs() {
                new_step = p / q;
            }
        }
        if new_step.abs() < tol_act {
            new_step = if new_step > 0.0 { tol_act } else { -tol_act };
        }
        a = b;
        fa = fb;
        b += new_step;
        fb = f(b);
        if fb.is_nan() {
            return None;
        }
        if (fb > 0.0 && fc > 0.0) || (fb < 0.0 && fc < 0.0) {
            c = a;
            fc = fa;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn finds_sqrt2() {
        let r = zeroin(|x| x * x - 2.0, 0.0, 2.0, 0.0, 200).unwrap();
        assert!((r - 2f64.sqrt()).abs() < 1e-15);
        assert!(zeroin(|x| x * x + 1.0, 0.0, 2.0, 0.0, 200).is_none());
        assert!(zeroin(|_| f64::NAN, 0.0, 2.0, 0.0, 200).is_none());
    }
}
