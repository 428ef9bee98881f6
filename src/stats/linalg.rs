//! Small dense linear algebra for meta-regression (p <= ~10 columns, any number of rows).
//!
//! Only p x p matrices are ever formed: every quantity metafor computes from the k x k
//! matrix `P = W - W X (X'WX)^-1 X'W` (traces of P, PP, PVPV, quadratic forms) is rewritten
//! in terms of p x p cross-products, so memory stays O(k p) even for very large k.

/// A k x p model matrix, row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelMatrix {
    /// Number of rows (studies).
    pub k: usize,
    /// Number of columns (coefficients).
    pub p: usize,
    /// Row-major values, `k * p` of them.
    pub data: Vec<f64>,
    /// Column names (e.g. `intrcpt`, `allocrandom`).
    pub names: Vec<String>,
}

impl ModelMatrix {
    /// The intercept-only design (a column of ones).
    pub fn intercept(k: usize) -> Self {
        ModelMatrix {
            k,
            p: 1,
            data: vec![1.0; k],
            names: vec!["intrcpt".to_string()],
        }
    }

    /// Whether this is the intercept-only design, for which faster sums exist.
    pub fn is_intercept_only(&self) -> bool {
        self.p == 1 && self.data.iter().all(|&v| v == 1.0)
    }

    /// Value at row `i`, column `j`.
    #[inline]
    pub fn get(&self, i: usize, j: usize) -> f64 {
        self.data[i * self.p + j]
    }
}

/// X' diag(d) X  (p x p, row-major).
pub(crate) fn crossprod_d(x: &ModelMatrix, d: &[f64]) -> Vec<f64> {
    let p = x.p;
    let mut m = vec![0.0; p * p];
    for i in 0..x.k {
        let row = &x.data[i * p..(i + 1) * p];
        let di = d[i];
        for a in 0..p {
            let ra = row[a] * di;
            for b in 0..=a {
                m[a * p + b] += ra * row[b];
            }
        }
    }
    for a in 0..p {
        for b in 0..a {
            m[b * p + a] = m[a * p + b];
        }
    }
    m
}

/// X' diag(d) y  (length p).
pub(crate) fn xt_d_y(x: &ModelMatrix, d: &[f64], y: &[f64]) -> Vec<f64> {
    let p = x.p;
    let mut v = vec![0.0; p];
    for i in 0..x.k {
        let dy = d[i] * y[i];
        for a in 0..p {
            v[a] += x.data[i * p + a] * dy;
        }
    }
    v
}

/// Inverse of a symmetric positive definite n x n matrix via Cholesky.
/// `None` when the matrix is not numerically positive definite (collinear columns).
pub(crate) fn spd_inverse(a: &[f64], n: usize) -> Option<Vec<f64>> {
    if a.len() != n * n || n == 0 {
        return None;
    }
    if a.iter().any(|v| !v.is_finite()) {
        return None;
    }
    // scale to unit diagonal for a scale-free rank check
    let mut s = vec![0.0; n];
    for i in 0..n {
        let d = a[i * n + i];
        if !(d > 0.0) {
            return None;
        }
        s[i] = 1.0 / d.sqrt();
    }
    let mut l = vec![0.0; n * n];
    for j in 0..n {
        let mut sum = a[j * n + j] * s[j] * s[j];
        for k in 0..j {
            sum -= l[j * n + k] * l[j * n + k];
        }
        if !(sum > 1e-10) {
            return None;
        }
        let ljj = sum.sqrt();
        l[j * n + j] = ljj;
        for i in (j + 1)..n {
            let mut sum = a[i * n + j] * s[i] * s[j];
            for k in 0..j {
                sum -= l[i * n + k] * l[j * n + k];
            }
            l[i * n + j] = sum / ljj;
        }
    }
    // inverse of L (lower triangular)
    let mut li = vec![0.0; n * n];
    for i in 0..n {
        li[i * n + i] = 1.0 / l[i * n + i];
        for j in 0..i {
            let mut sum = 0.0;
            for k in j..i {
                sum -= l[i * n + k] * li[k * n + j];
            }
            li[i * n + j] = sum / l[i * n + i];
        }
    }
    // (S^-1 L L' S^-1)^-1 = S L'^-1 L^-1 S
    let mut inv = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..=i {
            let mut sum = 0.0;
            for k in i..n {
                sum += li[k * n + i] * li[k * n + j];
            }
            let v = sum * s[i] * s[j];
            inv[i * n + j] = v;
            inv[j * n + i] = v;
        }
    }
    if inv.iter().any(|v| !v.is_finite()) {
        return None;
    }
    Some(inv)
}

/// n x n matrix times vector.
pub(crate) fn mat_vec(a: &[f64], n: usize, v: &[f64]) -> Vec<f64> {
    (0..n)
        .map(|i| (0..n).map(|j| a[i * n + j] * v[j]).sum())
        .collect()
}

/// tr(A B) for n x n matrices.
pub(crate) fn tr_ab(a: &[f64], b: &[f64], n: usize) -> f64 {
    let mut t = 0.0;
    for i in 0..n {
        for j in 0..n {
            t += a[i * n + j] * b[j * n + i];
        }
    }
    t
}

/// Traces and quadratic forms of `P = W - W X A X' W` with `A = (X'WX)^-1`, W = diag(w),
/// without forming the k x k matrix.
pub(crate) struct PMatrix<'a> {
    pub x: &'a ModelMatrix,
    pub w: Vec<f64>,
    /// (X'WX)^-1
    pub a: Vec<f64>,
}

impl<'a> PMatrix<'a> {
    /// `None` if X'WX is singular.
    pub fn new(x: &'a ModelMatrix, w: Vec<f64>) -> Option<Self> {
        let xtwx = crossprod_d(x, &w);
        let a = spd_inverse(&xtwx, x.p)?;
        Some(PMatrix { x, w, a })
    }

    /// Weighted least-squares coefficients A X'W y.
    pub fn beta(&self, y: &[f64]) -> Vec<f64> {
        mat_vec(&self.a, self.x.p, &xt_d_y(self.x, &self.w, y))
    }

    /// Residuals y - X beta.
    pub fn residuals(&self, y: &[f64]) -> Vec<f64> {
        let b = self.beta(y);
        let p = self.x.p;
        (0..self.x.k)
            .map(|i| y[i] - (0..p).map(|j| self.x.data[i * p + j] * b[j]).sum::<f64>())
            .collect()
    }

    /// y'Py = sum w e^2 (weighted residual sum of squares).
    pub fn rss(&self, y: &[f64]) -> f64 {
        self.residuals(y)
            .iter()
            .zip(&self.w)
            .map(|(e, w)| w * e * e)
            .sum()
    }

    /// tr(P D) for D = diag(d).
    pub fn tr_pd(&self, d: &[f64]) -> f64 {
        let s: f64 = self.w.iter().zip(d).map(|(w, d)| w * d).sum();
        let wd: Vec<f64> = self.w.iter().zip(d).map(|(w, d)| w * w * d).collect();
        s - tr_ab(&self.a, &crossprod_d(self.x, &wd), self.x.p)
    }

    /// tr(P D1 P D2) for diagonal D1, D2.
    pub fn tr_pdpd(&self, d1: &[f64], d2: &[f64]) -> f64 {
        let p = self.x.p;
        let s: f64 = (0..self.x.k)
            .map(|i| self.w[i] * self.w[i] * d1[i] * d2[i])
            .sum();
        let w3: Vec<f64> = (0..self.x.k)
            .map(|i| self.w[i].powi(3) * d1[i] * d2[i])
            .collect();
        let m1d: Vec<f64> = (0..self.x.k)
            .map(|i| self.w[i] * self.w[i] * d1[i])
            .collect();
        let m2d: Vec<f64> = (0..self.x.k)
            .map(|i| self.w[i] * self.w[i] * d2[i])
            .collect();
        let m1 = crossprod_d(self.x, &m1d);
        let m2 = crossprod_d(self.x, &m2d);
        let am1 = matmul(&self.a, &m1, p);
        let am2 = matmul(&self.a, &m2, p);
        s - 2.0 * tr_ab(&self.a, &crossprod_d(self.x, &w3), p) + tr_ab(&am1, &am2, p)
    }
}

/// n x n matrix product.
pub(crate) fn matmul(a: &[f64], b: &[f64], n: usize) -> Vec<f64> {
    let mut c = vec![0.0; n * n];
    for i in 0..n {
        for k in 0..n {
            let aik = a[i * n + k];
            for j in 0..n {
                c[i * n + j] += aik * b[k * n + j];
            }
        }
    }
    c
}

/// log det of a symmetric positive definite n x n matrix (Cholesky); `None` if not SPD.
pub(crate) fn spd_logdet(a: &[f64], n: usize) -> Option<f64> {
    if a.len() != n * n {
        return None;
    }
    let mut l = vec![0.0; n * n];
    let mut logdet = 0.0;
    for j in 0..n {
        let mut sum = a[j * n + j];
        for k in 0..j {
            sum -= l[j * n + k] * l[j * n + k];
        }
        if !(sum > 0.0) || !sum.is_finite() {
            return None;
        }
        let ljj = sum.sqrt();
        logdet += 2.0 * ljj.ln();
        l[j * n + j] = ljj;
        for i in (j + 1)..n {
            let mut s = a[i * n + j];
            for k in 0..j {
                s -= l[i * n + k] * l[j * n + k];
            }
            l[i * n + j] = s / ljj;
        }
    }
    Some(logdet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverse_and_traces() {
        let a = vec![4.0, 2.0, 2.0, 3.0];
        let inv = spd_inverse(&a, 2).unwrap();
        let id = matmul(&a, &inv, 2);
        assert!((id[0] - 1.0).abs() < 1e-14 && id[1].abs() < 1e-14 && (id[3] - 1.0).abs() < 1e-14);
        assert!(spd_inverse(&[1.0, 1.0, 1.0, 1.0], 2).is_none());
        // brute-force check of the trace identities on a small design
        let x = ModelMatrix {
            k: 4,
            p: 2,
            data: vec![1.0, 0.1, 1.0, 0.5, 1.0, 0.2, 1.0, 0.9],
            names: vec![],
        };
        let w = vec![1.0, 2.0, 0.5, 3.0];
        let d1 = vec![0.3, 0.1, 0.7, 0.2];
        let d2 = vec![1.0, 2.0, 3.0, 4.0];
        let pm = PMatrix::new(&x, w.clone()).unwrap();
        let k = 4;
        let mut pfull = vec![0.0; k * k];
        for i in 0..k {
            for j in 0..k {
                let mut v = 0.0;
                for a in 0..2 {
                    for b in 0..2 {
                        v += x.get(i, a) * pm.a[a * 2 + b] * x.get(j, b);
                    }
                }
                pfull[i * k + j] = if i == j { w[i] } else { 0.0 } - w[i] * v * w[j];
            }
        }
        let trpd: f64 = (0..k).map(|i| pfull[i * k + i] * d1[i]).sum();
        assert!((trpd - pm.tr_pd(&d1)).abs() < 1e-12);
        let mut t = 0.0;
        for i in 0..k {
            for j in 0..k {
                t += pfull[i * k + j] * d1[j] * pfull[j * k + i] * d2[i];
            }
        }
        assert!((t - pm.tr_pdpd(&d1, &d2)).abs() < 1e-12);
    }
}
