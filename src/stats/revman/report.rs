//! The JSON that `evidence-lens analyze` prints for a RevMan analysis: metafor's names where they
//! exist (`estimate`, `ci_lb`, `tau2`, `Q`, `I2`, …; logs for ratios, with `exp`), each study's
//! `yi` and `weight` in percent, subgroups, the test between them, and the review's own stored
//! results beside ours so that they can be compared.

use serde::Serialize;

use crate::model::Stored;
use crate::stats::analyze::{fin, Inference, NaturalScale, SubgroupRow};

use super::{RevmanAnalysis, RevmanFit, StudyRow, SubgroupTest};

/// The `analyze` object for a RevMan analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RevmanReport {
    pub k: usize,
    pub measure: String,
    /// MH, IV or PETO.
    pub method: String,
    /// fixed or random.
    pub model: String,
    pub level: f64,
    #[serde(flatten)]
    pub inference: Inference,
    pub tau2: Option<f64>,
    pub tau: Option<f64>,
    #[serde(rename = "I2")]
    pub i2: Option<f64>,
    #[serde(rename = "Q")]
    pub q: Option<f64>,
    #[serde(rename = "Q_df")]
    pub q_df: usize,
    #[serde(rename = "Q_pval")]
    pub q_pval: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exp: Option<NaturalScale>,
    pub studies: Vec<StudyRow>,
    pub subgroups: Vec<SubgroupRow>,
    pub subgroup_test: Option<SubgroupTest>,
    /// The review's own results for this analysis, when it was imported with them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stored: Option<Stored>,
    pub notes: Vec<String>,
}

impl From<&RevmanFit> for Inference {
    fn from(f: &RevmanFit) -> Self {
        Inference::new(f.estimate, f.se, f.zval, f.pval, f.ci_lb, f.ci_ub)
    }
}

fn exp_of(fit: &RevmanFit) -> NaturalScale {
    let e = |x: f64| fin(x.exp());
    NaturalScale {
        estimate: e(fit.estimate),
        ci_lb: e(fit.ci_lb),
        ci_ub: e(fit.ci_ub),
        pi_lb: None,
        pi_ub: None,
    }
}

/// The report of an analysis; `stored` are the review's results, `notes` what the reader should
/// know about how it was computed.
pub fn report(
    analysis: &RevmanAnalysis,
    stored: Option<Stored>,
    notes: Vec<String>,
) -> RevmanReport {
    let o = &analysis.overall;
    let opts = &analysis.options;
    let subgroups = analysis
        .subgroups
        .iter()
        .map(|s| match &s.fit {
            Ok(f) => SubgroupRow::fitted(
                s.name.clone(),
                f.k,
                Inference::from(f),
                f.tau2,
                f.i2,
                f.q,
                f.q_pval,
            ),
            Err(e) => SubgroupRow::failed(s.name.clone(), 0, e.to_string()),
        })
        .collect();
    RevmanReport {
        k: o.k,
        measure: opts.measure.to_string(),
        method: opts.method.to_string(),
        model: opts.model.to_string(),
        level: opts.level,
        inference: Inference::from(o),
        tau2: fin(o.tau2),
        tau: fin(o.tau2.sqrt()),
        i2: fin(o.i2),
        q: fin(o.q),
        q_df: o.q_df,
        q_pval: fin(o.q_pval),
        exp: opts.measure.is_ratio().then(|| exp_of(o)),
        studies: o.studies.clone(),
        subgroups,
        subgroup_test: analysis.subgroup_test,
        stored,
        notes,
    }
}
