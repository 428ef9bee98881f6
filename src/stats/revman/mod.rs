//! Meta-analysis as RevMan 5 computes it, for data imported from Cochrane reviews.
//!
//! A Cochrane review's numbers come from RevMan, whose conventions are not metafor's: Mantel–Haenszel
//! and Peto pooling, 0.5 added to every cell of a table with a zero cell (also inside the
//! Mantel–Haenszel sums, as RevMan 5 and meta's `MH.exact = FALSE` do; [`RevmanOptions::mh_exact`]
//! leaves them out), studies without events in either arm dropped from ratio analyses, Hedges' g
//! with approximate corrections, and a random-effects model whose heterogeneity statistic is
//! measured around the Mantel–Haenszel estimate. To show a review's results as the review printed
//! them, the widget redoes its analysis this way; [`crate::stats::rma`] stays the engine for
//! everything else.
//!
//! * `study`: each study's effect and variance (and what is "not estimable").
//! * `pool`: fixed (MH, Peto, IV) and DerSimonian–Laird random effects, Q and I².
//! * this module: the entry point [`revman`], study rows, subgroups and the test between them
//!   (Cochran's Q across the subgroup estimates, as RevMan 5.1 and later print it).
//!
//! Nothing here panics; bad input is a [`StatsError`] naming the study.

mod input;
mod pool;
mod report;
mod study;

use serde::Serialize;

pub use self::input::{studies_of, Redone, RevmanInput};
pub use self::report::{report, RevmanReport};

pub use crate::model::{EffectModel, Measure, PoolMethod};

use super::dist::qnorm_upper;
use super::rma::{alpha_from_level, Method, RmaFit, Test};
use super::StatsError;

/// One study's numbers in a form RevMan pools. Group 1 is the experimental arm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StudyData {
    /// Events and participants per arm.
    Counts { e1: f64, n1: f64, e2: f64, n2: f64 },
    /// Mean, standard deviation and participants per arm.
    Means(ArmMeans),
    /// An effect on the analysis scale (the log for ratios) and its standard error
    /// (RevMan's generic inverse variance).
    Generic { yi: f64, se: f64 },
    /// Observed minus expected events and its variance (RevMan's "O−E and variance").
    OE { oe: f64, var: f64 },
    /// No usable numbers: the study is listed, "not estimable".
    Missing,
}

/// Mean, standard deviation and participants of each arm, group 1 the experimental arm: a
/// continuous outcome as RevMan enters it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArmMeans {
    pub m1: f64,
    pub sd1: f64,
    pub n1: f64,
    pub m2: f64,
    pub sd2: f64,
    pub n2: f64,
}

impl ArmMeans {
    /// From the six numbers in RevMan's order: mean, SD and total of group 1, then of group 2.
    pub fn new([m1, sd1, n1, m2, sd2, n2]: [f64; 6]) -> Self {
        ArmMeans {
            m1,
            sd1,
            n1,
            m2,
            sd2,
            n2,
        }
    }

    /// The six numbers in that order.
    pub fn numbers(&self) -> [f64; 6] {
        [self.m1, self.sd1, self.n1, self.m2, self.sd2, self.n2]
    }
}

/// A study in an analysis, with the subgroup RevMan put it in.
#[derive(Debug, Clone, PartialEq)]
pub struct RevmanStudy {
    pub label: String,
    pub subgroup: Option<String>,
    pub data: StudyData,
}

/// How to pool (RevMan's analysis settings).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RevmanOptions {
    /// RR, OR or RD for counts; MD or SMD for means; anything for generic and O−E data.
    pub measure: Measure,
    pub method: PoolMethod,
    pub model: EffectModel,
    /// Confidence level of the pooled result, in percent.
    pub level: f64,
    /// Confidence level of the studies' intervals, in percent.
    pub study_level: f64,
    /// Leave the 0.5 out of the Mantel–Haenszel sums (the exact Mantel–Haenszel estimate that
    /// Fleiss recommends); RevMan 5 puts it in.
    pub mh_exact: bool,
}

impl RevmanOptions {
    /// The settings a review analysed an outcome with (its measure, method, model and levels),
    /// for studies whose data are on `measure`.
    pub fn of_review(analysis: &crate::model::Analysis, measure: Measure) -> Self {
        RevmanOptions {
            method: analysis.method,
            model: analysis.model,
            level: analysis.level,
            study_level: analysis.study_level,
            ..RevmanOptions::for_measure(analysis.measure.unwrap_or(measure))
        }
    }

    /// RevMan's defaults for a measure: Mantel–Haenszel for RR, OR and RD, inverse variance
    /// otherwise; fixed effect; 95% intervals.
    pub fn for_measure(measure: Measure) -> Self {
        RevmanOptions {
            measure,
            method: if matches!(measure, Measure::Rr | Measure::Or | Measure::Rd) {
                PoolMethod::Mh
            } else {
                PoolMethod::Iv
            },
            model: EffectModel::Fixed,
            level: 95.0,
            study_level: 95.0,
            mh_exact: false,
        }
    }
}

/// One study's row: its effect (analysis scale), interval and weight, or "not estimable".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudyRow {
    pub study: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subgroup: Option<String>,
    pub yi: Option<f64>,
    pub vi: Option<f64>,
    pub ci_lb: Option<f64>,
    pub ci_ub: Option<f64>,
    /// Percent of the pooled result's weight; 0 when not estimable.
    pub weight: f64,
    pub estimable: bool,
}

/// A pooled result (analysis scale: logs for ratios).
#[derive(Debug, Clone, PartialEq)]
pub struct RevmanFit {
    /// Studies with an estimable effect.
    pub k: usize,
    pub estimate: f64,
    pub se: f64,
    pub zval: f64,
    pub pval: f64,
    pub ci_lb: f64,
    pub ci_ub: f64,
    pub tau2: f64,
    /// Heterogeneity chi-squared (RevMan's "Chi²").
    pub q: f64,
    pub q_df: usize,
    /// NaN with a single study.
    pub q_pval: f64,
    /// Percent.
    pub i2: f64,
    pub studies: Vec<StudyRow>,
}

impl RevmanFit {
    /// This result in metafor's shape, for the code that reads every pooled body one way (the
    /// appraisal, the forest's diamond, the funnel). The estimator is `FE` for a fixed effect
    /// and `DL` for RevMan's random effects (its τ² is DerSimonian–Laird's); the prediction
    /// interval is metafor's under a z test, `estimate ± z·√(se² + τ²)`; the weights are the
    /// rows', in their order (0 for a study that is not estimable); H² is the one the printed
    /// I² implies, 1/(1 − I²).
    pub fn as_rma(&self, opts: &RevmanOptions) -> Result<RmaFit, StatsError> {
        let z = z_of(opts.level)?;
        let half = z * (self.se * self.se + self.tau2).sqrt();
        let vi: Vec<f64> = self.studies.iter().filter_map(|r| r.vi).collect();
        let (sw, sw2) = vi
            .iter()
            .fold((0.0, 0.0), |(a, b), v| (a + 1.0 / v, b + 1.0 / (v * v)));
        Ok(RmaFit {
            k: self.k,
            method: match opts.model {
                EffectModel::Fixed => Method::FE,
                EffectModel::Random => Method::DL,
            },
            test: Test::Z,
            level: opts.level,
            estimate: self.estimate,
            se: self.se,
            zval: self.zval,
            pval: self.pval,
            ci_lb: self.ci_lb,
            ci_ub: self.ci_ub,
            pi_lb: self.estimate - half,
            pi_ub: self.estimate + half,
            tau2: self.tau2,
            se_tau2: None,
            i2: self.i2,
            h2: 1.0 / (1.0 - self.i2 / 100.0),
            // metafor's typical within-study variance.
            vt: (self.k as f64 - 1.0) * sw / (sw * sw - sw2),
            q: self.q,
            q_df: self.q_df,
            q_pval: self.q_pval,
            ddf: None,
            weights_pct: self.studies.iter().map(|r| r.weight).collect(),
            iterations: 0,
        })
    }
}

/// A subgroup's pooled result, or why it has none.
#[derive(Debug, Clone, PartialEq)]
pub struct SubgroupFit {
    pub name: String,
    pub fit: Result<RevmanFit, StatsError>,
}

/// RevMan's test for subgroup differences: Cochran's Q across the subgroup estimates.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SubgroupTest {
    #[serde(rename = "Q")]
    pub q: f64,
    #[serde(rename = "Q_df")]
    pub q_df: usize,
    #[serde(rename = "Q_pval")]
    pub q_pval: f64,
    #[serde(rename = "I2")]
    pub i2: f64,
}

/// The whole analysis: the total, and per subgroup when studies are in subgroups.
#[derive(Debug, Clone, PartialEq)]
pub struct RevmanAnalysis {
    pub options: RevmanOptions,
    pub overall: RevmanFit,
    pub subgroups: Vec<SubgroupFit>,
    pub subgroup_test: Option<SubgroupTest>,
}

fn z_of(level: f64) -> Result<f64, StatsError> {
    Ok(qnorm_upper(alpha_from_level(level)? / 2.0))
}

/// Fits one set of studies.
pub fn fit(studies: &[RevmanStudy], opts: &RevmanOptions) -> Result<RevmanFit, StatsError> {
    let z_total = z_of(opts.level)?;
    let z_study = z_of(opts.study_level)?;
    let mut effects = Vec::with_capacity(studies.len());
    let mut which = Vec::with_capacity(studies.len());
    for (i, s) in studies.iter().enumerate() {
        if let Some(e) = study::effect(&s.label, &s.data, opts.measure, opts.method, opts.mh_exact)?
        {
            effects.push(e);
            which.push(i);
        }
    }
    let pooled = pool::pool(&effects, opts.measure, opts.method, opts.model)?;
    let mut rows: Vec<StudyRow> = studies
        .iter()
        .map(|s| StudyRow {
            study: s.label.clone(),
            subgroup: s.subgroup.clone(),
            yi: None,
            vi: None,
            ci_lb: None,
            ci_ub: None,
            weight: 0.0,
            estimable: false,
        })
        .collect();
    for ((e, &i), w) in effects.iter().zip(&which).zip(&pooled.weights) {
        let half = z_study * e.vi.sqrt();
        let row = &mut rows[i];
        row.yi = Some(e.yi);
        row.vi = Some(e.vi);
        row.ci_lb = Some(e.yi - half);
        row.ci_ub = Some(e.yi + half);
        row.weight = *w;
        row.estimable = true;
    }
    let zval = pooled.estimate / pooled.se;
    Ok(RevmanFit {
        k: effects.len(),
        estimate: pooled.estimate,
        se: pooled.se,
        zval,
        pval: pool::z_pval(zval),
        ci_lb: pooled.estimate - z_total * pooled.se,
        ci_ub: pooled.estimate + z_total * pooled.se,
        tau2: pooled.tau2,
        q: pooled.q,
        q_df: pooled.q_df,
        q_pval: pooled.q_pval,
        i2: pooled.i2,
        studies: rows,
    })
}

/// Runs an analysis the way RevMan does: the total over all studies and, when any study is in a
/// subgroup, each subgroup (in order of first appearance) and the test for subgroup differences.
/// Errors only when the total cannot be computed.
pub fn revman(studies: &[RevmanStudy], opts: RevmanOptions) -> Result<RevmanAnalysis, StatsError> {
    let overall = fit(studies, &opts)?;
    let mut names: Vec<&str> = Vec::new();
    for s in studies {
        if let Some(g) = s.subgroup.as_deref() {
            if !names.contains(&g) {
                names.push(g);
            }
        }
    }
    let subgroups: Vec<SubgroupFit> = names
        .iter()
        .map(|name| {
            let members: Vec<RevmanStudy> = studies
                .iter()
                .filter(|s| s.subgroup.as_deref() == Some(*name))
                .cloned()
                .collect();
            SubgroupFit {
                name: name.to_string(),
                fit: fit(&members, &opts),
            }
        })
        .collect();
    let fitted = subgroups.iter().filter_map(|s| s.fit.as_ref().ok());
    let subgroup_test = subgroup_test(fitted.map(|f| (f.estimate, f.se)));
    Ok(RevmanAnalysis {
        options: opts,
        overall,
        subgroups,
        subgroup_test,
    })
}

/// Cochran's Q across the subgroups' estimates (each with its SE) with weights `1/se²`; needs
/// two subgroups with a result.
pub fn subgroup_test(fits: impl Iterator<Item = (f64, f64)>) -> Option<SubgroupTest> {
    let yw: Vec<(f64, f64)> = fits.map(|(y, se)| (y, 1.0 / (se * se))).collect();
    if yw.len() < 2 {
        return None;
    }
    let sw: f64 = yw.iter().map(|(_, w)| w).sum();
    let mean = yw.iter().map(|(y, w)| w * y).sum::<f64>() / sw;
    let h = pool::heterogeneity(&yw, mean);
    Some(SubgroupTest {
        q: h.q,
        q_df: h.df,
        q_pval: h.pval,
        i2: h.i2,
    })
}
