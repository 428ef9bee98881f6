//! The `analyze` contract: one call that runs the whole comparison engine on a set of studies
//! and returns the JSON object `evidence-lens analyze` prints (the README's "The command line"),
//! with metafor's names (k, estimate, se, zval, pval, ci_lb, ci_ub, pi_lb, pi_ub, tau2, tau,
//! se_tau2, I2, H2, Q, Q_df, Q_pval, Q-profile bounds, exp, studies, egger, trimfill, leave1out,
//! subgroups).
//!
//! Parts that cannot be computed for the data at hand (Egger with k < 3, a tau2 interval for
//! a fixed-effect model, ...) are `null` with a note, never a failure of the whole report;
//! no NaN or infinity is ever serialized as a number.

use serde::{Deserialize, Serialize};

use super::bias::{regtest, trimfill, Estimator};
use super::confint::qprofile;
use super::escalc::Measure;
use super::leave1out::leave1out;
use super::linalg::ModelMatrix;
use super::moderators::subgroup_analysis;
use super::rma::{fit, fit_mods, MetaRegFit, Method, RmaFit, RmaOptions, Test};
use super::StatsError;
use crate::model::StringMap;

/// One study's effect size (already on the analysis scale) and its moderators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudyEffect {
    pub label: String,
    pub yi: f64,
    pub vi: f64,
    #[serde(default)]
    pub moderators: StringMap,
}

/// Options of `analyze` (CLI: `--measure --method --test --level`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AnalyzeOptions {
    pub measure: Measure,
    pub method: Method,
    pub test: Test,
    /// Confidence level in percent (95) or as a fraction (0.95).
    pub level: f64,
}

impl Default for AnalyzeOptions {
    fn default() -> Self {
        AnalyzeOptions {
            measure: Measure::Gen,
            method: Method::REML,
            test: Test::Z,
            level: 95.0,
        }
    }
}

impl AnalyzeOptions {
    fn rma(&self) -> RmaOptions {
        RmaOptions {
            method: self.method,
            test: self.test,
            level: self.level,
        }
    }
}

/// An estimate with its standard error, z test and confidence interval, as metafor prints them
/// (`estimate, se, zval, pval, ci_lb, ci_ub`): one shape for every fitted result of a report (the
/// main fit, each leave-one-out row, each subgroup, a RevMan analysis). Non-finite values are
/// `None` (JSON `null`); `Default` is a result that could not be computed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Inference {
    pub estimate: Option<f64>,
    pub se: Option<f64>,
    pub zval: Option<f64>,
    pub pval: Option<f64>,
    pub ci_lb: Option<f64>,
    pub ci_ub: Option<f64>,
}

impl Inference {
    pub fn new(estimate: f64, se: f64, zval: f64, pval: f64, ci_lb: f64, ci_ub: f64) -> Self {
        Inference {
            estimate: fin(estimate),
            se: fin(se),
            zval: fin(zval),
            pval: fin(pval),
            ci_lb: fin(ci_lb),
            ci_ub: fin(ci_ub),
        }
    }
}

impl From<&RmaFit> for Inference {
    fn from(f: &RmaFit) -> Self {
        Inference::new(f.estimate, f.se, f.zval, f.pval, f.ci_lb, f.ci_ub)
    }
}

/// A pooled result on the natural scale (ratios as ratios): the estimate with its confidence
/// and prediction intervals. `exp` of a report on a ratio measure, and a pooled body's effect in
/// the appraisal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct NaturalScale {
    pub estimate: Option<f64>,
    pub ci_lb: Option<f64>,
    pub ci_ub: Option<f64>,
    pub pi_lb: Option<f64>,
    pub pi_ub: Option<f64>,
}

/// One study row: effect size, variance and weight (percent) in the model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudyRow {
    pub study: String,
    pub yi: Option<f64>,
    pub vi: Option<f64>,
    pub weight: Option<f64>,
}

/// Egger's regression test (mixed-effects form).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EggerResult {
    pub zval: Option<f64>,
    pub pval: Option<f64>,
}

/// Trim-and-fill summary (estimator L0, side chosen as metafor does).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrimfillResult {
    pub k0: usize,
    pub se_k0: Option<f64>,
    pub side: String,
    pub estimate: Option<f64>,
    pub ci_lb: Option<f64>,
    pub ci_ub: Option<f64>,
}

/// One leave-one-out row (the named study omitted).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Leave1OutRow {
    pub study: String,
    #[serde(flatten)]
    pub inference: Inference,
    #[serde(rename = "Q")]
    pub q: Option<f64>,
    #[serde(rename = "Q_pval")]
    pub q_pval: Option<f64>,
    pub tau2: Option<f64>,
    #[serde(rename = "I2")]
    pub i2: Option<f64>,
    #[serde(rename = "H2")]
    pub h2: Option<f64>,
}

/// The fit within one subgroup.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubgroupRow {
    pub subgroup: String,
    pub k: usize,
    #[serde(flatten)]
    pub inference: Inference,
    pub tau2: Option<f64>,
    #[serde(rename = "I2")]
    pub i2: Option<f64>,
    #[serde(rename = "Q")]
    pub q: Option<f64>,
    #[serde(rename = "Q_pval")]
    pub q_pval: Option<f64>,
    /// Why the subgroup could not be fitted, if it could not.
    pub error: Option<String>,
}

impl SubgroupRow {
    /// A subgroup's fit: its result and heterogeneity.
    pub fn fitted(
        subgroup: String,
        k: usize,
        inference: Inference,
        tau2: f64,
        i2: f64,
        q: f64,
        q_pval: f64,
    ) -> Self {
        SubgroupRow {
            subgroup,
            k,
            inference,
            tau2: fin(tau2),
            i2: fin(i2),
            q: fin(q),
            q_pval: fin(q_pval),
            error: None,
        }
    }

    /// A subgroup of `k` studies that could not be fitted, and why.
    pub fn failed(subgroup: String, k: usize, error: String) -> Self {
        SubgroupRow {
            subgroup,
            k,
            inference: Inference::default(),
            tau2: None,
            i2: None,
            q: None,
            q_pval: None,
            error: Some(error),
        }
    }
}

/// Test for subgroup differences: `rma(yi, vi, mods = ~ factor(column), method)`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubgroupTest {
    pub moderator: String,
    #[serde(flatten)]
    pub test: MetaRegTests,
}

/// A meta-regression's two tests, as metafor prints them: of its moderators (QM) and of the
/// residual heterogeneity (QE, with the residual tau2). The subgroup test's and `--mods`'.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetaRegTests {
    #[serde(rename = "QM")]
    pub qm: Option<f64>,
    #[serde(rename = "QM_df")]
    pub qm_df: usize,
    /// Denominator df of the F test under knha.
    #[serde(rename = "QM_ddf")]
    pub qm_ddf: Option<usize>,
    #[serde(rename = "QM_pval")]
    pub qm_pval: Option<f64>,
    #[serde(rename = "QE")]
    pub qe: Option<f64>,
    #[serde(rename = "QE_df")]
    pub qe_df: usize,
    #[serde(rename = "QE_pval")]
    pub qe_pval: Option<f64>,
    /// Residual (common) tau2.
    pub tau2: Option<f64>,
}

impl From<&MetaRegFit> for MetaRegTests {
    fn from(m: &MetaRegFit) -> Self {
        MetaRegTests {
            qm: fin(m.qm),
            qm_df: m.qm_df,
            qm_ddf: m.ddf,
            qm_pval: fin(m.qm_pval),
            qe: fin(m.qe),
            qe_df: m.qe_df,
            qe_pval: fin(m.qe_pval),
            tau2: fin(m.tau2),
        }
    }
}

/// The `analyze` JSON object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnalyzeReport {
    pub k: usize,
    pub measure: String,
    pub method: String,
    pub test: String,
    pub level: f64,
    #[serde(flatten)]
    pub inference: Inference,
    pub pi_lb: Option<f64>,
    pub pi_ub: Option<f64>,
    pub tau2: Option<f64>,
    pub tau: Option<f64>,
    pub se_tau2: Option<f64>,
    #[serde(rename = "I2")]
    pub i2: Option<f64>,
    #[serde(rename = "H2")]
    pub h2: Option<f64>,
    #[serde(rename = "Q")]
    pub q: Option<f64>,
    #[serde(rename = "Q_df")]
    pub q_df: usize,
    #[serde(rename = "Q_pval")]
    pub q_pval: Option<f64>,
    pub tau2_ci_lb: Option<f64>,
    pub tau2_ci_ub: Option<f64>,
    #[serde(rename = "I2_ci_lb")]
    pub i2_ci_lb: Option<f64>,
    #[serde(rename = "I2_ci_ub")]
    pub i2_ci_ub: Option<f64>,
    #[serde(rename = "H2_ci_lb")]
    pub h2_ci_lb: Option<f64>,
    #[serde(rename = "H2_ci_ub")]
    pub h2_ci_ub: Option<f64>,
    /// Only for ratio measures (RR, OR, HR, IRR).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exp: Option<NaturalScale>,
    pub studies: Vec<StudyRow>,
    pub egger: Option<EggerResult>,
    pub trimfill: Option<TrimfillResult>,
    pub leave1out: Vec<Leave1OutRow>,
    pub subgroups: Vec<SubgroupRow>,
    pub subgroup_test: Option<SubgroupTest>,
    /// A meta-regression on columns of numbers, when asked for ([`meta_regression`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta_regression: Option<MetaRegression>,
    /// Why an optional part is null (e.g. "egger: needs at least 3 studies").
    pub notes: Vec<String>,
}

/// Finite values only; NaN and infinities become `None` (JSON null).
pub fn fin(x: f64) -> Option<f64> {
    if x.is_finite() {
        Some(x)
    } else {
        None
    }
}

fn exp_fin(x: f64) -> Option<f64> {
    fin(x).and_then(|v| fin(v.exp()))
}

/// Above this many studies `analyze` leaves out the leave-one-out analysis: its k refits of k − 1
/// studies take time growing as k², for rows that each move the result by little.
pub const LEAVE1OUT_MAX_STUDIES: usize = 5_000;

/// Run the whole engine on `studies`. Errors only when the main model cannot be fitted
/// (no studies, invalid yi/vi, non-convergence); optional parts become null with a note.
pub fn analyze(
    studies: &[StudyEffect],
    opts: AnalyzeOptions,
    subgroup: Option<&str>,
) -> Result<AnalyzeReport, StatsError> {
    let yi: Vec<f64> = studies.iter().map(|s| s.yi).collect();
    let vi: Vec<f64> = studies.iter().map(|s| s.vi).collect();
    let ro = opts.rma();
    let main: RmaFit = fit(&yi, &vi, ro)?;
    let mut notes = Vec::new();

    let ci = if main.method == Method::FE {
        None
    } else {
        match qprofile(&yi, &vi, &main, opts.level) {
            Ok(c) => {
                if c.ub_at_max {
                    notes.push("tau2_ci_ub: the upper bound lies beyond the search range; the value shown is a lower limit".into());
                }
                Some(c)
            }
            Err(e) => {
                notes.push(format!("tau2_ci: {e}"));
                None
            }
        }
    };

    let exp = opts.measure.is_ratio().then(|| NaturalScale {
        estimate: exp_fin(main.estimate),
        ci_lb: exp_fin(main.ci_lb),
        ci_ub: exp_fin(main.ci_ub),
        pi_lb: exp_fin(main.pi_lb),
        pi_ub: exp_fin(main.pi_ub),
    });

    let rows = studies
        .iter()
        .zip(&main.weights_pct)
        .map(|(s, w)| StudyRow {
            study: s.label.clone(),
            yi: fin(s.yi),
            vi: fin(s.vi),
            weight: fin(*w),
        })
        .collect();

    let egger = match regtest(&yi, &vi, ro) {
        Ok(r) => Some(EggerResult {
            zval: fin(r.zval),
            pval: fin(r.pval),
        }),
        Err(e) => {
            notes.push(format!("egger: {e}"));
            None
        }
    };

    let tf = if yi.len() < 3 {
        notes.push("trimfill: needs at least 3 studies".into());
        None
    } else {
        match trimfill(&yi, &vi, ro, Estimator::L0, None) {
            Ok(t) => Some(TrimfillResult {
                k0: t.k0,
                se_k0: fin(t.se_k0),
                side: t.side.to_string(),
                estimate: fin(t.fit.estimate),
                ci_lb: fin(t.fit.ci_lb),
                ci_ub: fin(t.fit.ci_ub),
            }),
            Err(e) => {
                notes.push(format!("trimfill: {e}"));
                None
            }
        }
    };

    let l1o = if yi.len() < 2 {
        Vec::new()
    } else if yi.len() > LEAVE1OUT_MAX_STUDIES {
        notes.push(format!(
            "leave1out: not computed for more than {LEAVE1OUT_MAX_STUDIES} studies (it refits the model once per study, and no one study then moves the result)"
        ));
        Vec::new()
    } else {
        match leave1out(&yi, &vi, ro) {
            Ok(v) => v
                .into_iter()
                .map(|l| Leave1OutRow {
                    study: studies[l.omitted].label.clone(),
                    inference: Inference::from(&l.fit),
                    q: fin(l.fit.q),
                    q_pval: fin(l.fit.q_pval),
                    tau2: fin(l.fit.tau2),
                    i2: fin(l.fit.i2),
                    h2: fin(l.fit.h2),
                })
                .collect(),
            Err(e) => {
                notes.push(format!("leave1out: {e}"));
                Vec::new()
            }
        }
    };

    let mut subgroups = Vec::new();
    let mut subgroup_test = None;
    if let Some(col) = subgroup {
        let idx: Vec<usize> = (0..studies.len())
            .filter(|&i| {
                studies[i]
                    .moderators
                    .get(col)
                    .is_some_and(|v| !v.trim().is_empty())
            })
            .collect();
        if idx.len() < studies.len() {
            notes.push(format!(
                "subgroups: {} studies without a value for '{col}' left out",
                studies.len() - idx.len()
            ));
        }
        let y: Vec<f64> = idx.iter().map(|&i| yi[i]).collect();
        let v: Vec<f64> = idx.iter().map(|&i| vi[i]).collect();
        let g: Vec<&str> = idx
            .iter()
            .map(|&i| studies[i].moderators[col].trim())
            .collect();
        // A column of measurements (latitude, dose, year) makes each value a category of its own.
        let mut values: Vec<&str> = g.clone();
        values.sort_unstable();
        values.dedup();
        let numbers = values.iter().all(|v| moderator_number(v).is_some());
        if numbers && values.len() >= 5 {
            notes.push(format!(
                "subgroups: each of the {} values of '{col}' is a subgroup of its own, and the test \
                 compares them as categories, not a trend across the values (a meta-regression: \
                 --mods {col})",
                values.len()
            ));
        }
        if idx.is_empty() {
            notes.push(format!("subgroups: no study has a value for '{col}'"));
        } else {
            match subgroup_analysis(&y, &v, &g, ro) {
                Ok(sa) => {
                    for s in sa.subgroups {
                        subgroups.push(match s.fit {
                            Ok(f) => SubgroupRow::fitted(
                                s.level,
                                s.k,
                                Inference::from(&f),
                                f.tau2,
                                f.i2,
                                f.q,
                                f.q_pval,
                            ),
                            Err(e) => SubgroupRow::failed(s.level, s.k, e),
                        });
                    }
                    if let Some(t) = sa.test {
                        let m = &t.model;
                        subgroup_test = Some(SubgroupTest {
                            moderator: col.to_string(),
                            test: MetaRegTests::from(m),
                        });
                    }
                    if let Some(e) = sa.test_error {
                        notes.push(format!("subgroup test: {e}"));
                    }
                }
                Err(e) => notes.push(format!("subgroups: {e}")),
            }
        }
    }

    Ok(AnalyzeReport {
        k: main.k,
        measure: opts.measure.to_string(),
        method: main.method.to_string(),
        test: main.test.to_string(),
        level: main.level,
        inference: Inference::from(&main),
        pi_lb: fin(main.pi_lb),
        pi_ub: fin(main.pi_ub),
        tau2: fin(main.tau2),
        tau: fin(main.tau()),
        se_tau2: main.se_tau2.and_then(fin),
        i2: fin(main.i2),
        h2: fin(main.h2),
        q: fin(main.q),
        q_df: main.q_df,
        q_pval: fin(main.q_pval),
        tau2_ci_lb: ci.and_then(|c| fin(c.tau2_ci_lb)),
        tau2_ci_ub: ci.and_then(|c| fin(c.tau2_ci_ub)),
        i2_ci_lb: ci.and_then(|c| fin(c.i2_ci_lb)),
        i2_ci_ub: ci.and_then(|c| fin(c.i2_ci_ub)),
        h2_ci_lb: ci.and_then(|c| fin(c.h2_ci_lb)),
        h2_ci_ub: ci.and_then(|c| fin(c.h2_ci_ub)),
        exp,
        studies: rows,
        egger,
        trimfill: tf,
        leave1out: l1o,
        subgroups,
        subgroup_test,
        meta_regression: None,
        notes,
    })
}

/// A moderator's value read as a number, a decimal comma as a point ("44", "0,5"): what tells a
/// column of measurements for `--subgroup`'s note and reads it for `--mods`.
fn moderator_number(value: &str) -> Option<f64> {
    crate::number::parse_f64(&value.replace(',', "."))
}

/// A coefficient of a meta-regression, by its name (`intrcpt` or its column's).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coefficient {
    pub name: String,
    #[serde(flatten)]
    pub inference: Inference,
}

/// A mixed-effects meta-regression on columns of numbers, with an intercept (metafor:
/// `rma(yi, vi, mods = ~ ablat + year, method)`): the coefficients, the test of the moderators
/// (QM: chi-squared, or F on `QM_ddf` under knha; `zval` is then metafor's `tval`), the residual
/// heterogeneity (QE, tau2, I2, H2) and R2, the share of the random-effects model's tau2 that
/// the moderators account for (null for a fixed-effect model, or when that tau2 is 0).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetaRegression {
    pub mods: Vec<String>,
    pub k: usize,
    pub coefficients: Vec<Coefficient>,
    #[serde(flatten)]
    pub test: MetaRegTests,
    pub se_tau2: Option<f64>,
    #[serde(rename = "I2")]
    pub i2: Option<f64>,
    #[serde(rename = "H2")]
    pub h2: Option<f64>,
    #[serde(rename = "R2")]
    pub r2: Option<f64>,
}

/// Fits the meta-regression of `studies` on the numeric moderator `columns`, with `opts`'s
/// estimator, test and level. Studies without a number in a column are left out, and said in the
/// notes it returns; a column with a value that is no number is an error (a category is for
/// `--subgroup`).
pub fn meta_regression(
    studies: &[StudyEffect],
    opts: AnalyzeOptions,
    columns: &[&str],
) -> Result<(MetaRegression, Vec<String>), StatsError> {
    let absent = columns.iter().find(|c| {
        !studies
            .iter()
            .any(|s| s.moderators.get(c).is_some_and(|v| !v.trim().is_empty()))
    });
    if let Some(col) = absent {
        return Err(StatsError::InvalidInput {
            what: format!("moderator '{col}'"),
            reason: "no study has a value in this column".into(),
        });
    }
    let mut notes = Vec::new();
    let mut kept = Vec::new();
    let mut x = Vec::new();
    for s in studies {
        let mut row = vec![1.0];
        for &col in columns {
            let value = s.moderators.get(col).map(|v| v.trim()).unwrap_or("");
            if value.is_empty() {
                break;
            }
            match moderator_number(value) {
                Some(v) if v.is_finite() => row.push(v),
                _ => {
                    return Err(StatsError::InvalidInput {
                        what: format!("moderator '{col}'"),
                        reason: format!(
                            "\"{value}\" (study \"{}\") is not a number; a column of categories is compared with --subgroup",
                            s.label
                        ),
                    })
                }
            }
        }
        if row.len() == columns.len() + 1 {
            kept.push(s);
            x.extend(row);
        }
    }
    let gaps = studies.len() - kept.len();
    if gaps > 0 {
        let noun = if gaps == 1 { "study" } else { "studies" };
        notes.push(format!(
            "meta_regression: {gaps} {noun} without a number in every moderator column left out"
        ));
    }
    let yi: Vec<f64> = kept.iter().map(|s| s.yi).collect();
    let vi: Vec<f64> = kept.iter().map(|s| s.vi).collect();
    let p = columns.len() + 1;
    let mut names = vec!["intrcpt".to_string()];
    names.extend(columns.iter().map(|c| c.to_string()));
    let matrix = ModelMatrix {
        k: kept.len(),
        p,
        data: x,
        names,
    };
    let ro = opts.rma();
    let btt: Vec<usize> = (1..p).collect();
    let m = fit_mods(&yi, &vi, &matrix, &btt, ro)?;
    // R2 against the random-effects model of the same studies, as metafor computes it.
    let r2 = match m.method {
        Method::FE => None,
        _ => fit(&yi, &vi, ro)
            .ok()
            .filter(|re| re.tau2 > 0.0)
            .and_then(|re| fin((100.0 * (re.tau2 - m.tau2) / re.tau2).max(0.0))),
    };
    let coefficients = (0..p)
        .map(|j| Coefficient {
            name: m.names[j].clone(),
            inference: Inference::new(
                m.beta[j], m.se[j], m.zval[j], m.pval[j], m.ci_lb[j], m.ci_ub[j],
            ),
        })
        .collect();
    let report = MetaRegression {
        mods: columns.iter().map(|c| c.to_string()).collect(),
        k: m.k,
        coefficients,
        test: MetaRegTests::from(&m),
        se_tau2: m.se_tau2.and_then(fin),
        i2: fin(m.i2),
        h2: fin(m.h2),
        r2,
    };
    Ok((report, notes))
}
