//! Leave-one-out diagnostics (metafor `leave1out.rma.uni`): the model refitted k times, each
//! time without one study, with the same method, test and level.

use serde::Serialize;

use super::rma::{fit, validate, RmaFit, RmaOptions};
use super::StatsError;

/// One leave-one-out fit; `omitted` is the 0-based index of the study left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Leave1Out {
    pub omitted: usize,
    pub fit: RmaFit,
}

/// Refit without each study in turn. Needs k >= 2.
pub fn leave1out(yi: &[f64], vi: &[f64], opts: RmaOptions) -> Result<Vec<Leave1Out>, StatsError> {
    validate(yi, vi)?;
    let k = yi.len();
    if k < 2 {
        return Err(StatsError::TooFewStudies {
            what: "leave-one-out analysis",
            needed: 2,
            got: k,
        });
    }
    let mut out = Vec::with_capacity(k);
    let mut y = Vec::with_capacity(k - 1);
    let mut v = Vec::with_capacity(k - 1);
    for i in 0..k {
        y.clear();
        v.clear();
        for j in 0..k {
            if j != i {
                y.push(yi[j]);
                v.push(vi[j]);
            }
        }
        let mut refit = fit(&y, &v, opts)?;
        // Each refit's k − 1 weights are not kept: k of them would be k² numbers.
        refit.weights_pct = Vec::new();
        out.push(Leave1Out {
            omitted: i,
            fit: refit,
        });
    }
    Ok(out)
}
