//! Subgroup analysis and the test for subgroup differences.
//!
//! The subgroup test is metafor's moderator test for a categorical moderator with a common
//! (residual) tau2: `rma(yi, vi, mods = ~ factor(g), method)`, i.e. a meta-regression with an
//! intercept and treatment-coded dummies (first level, in sorted order as R's `factor()`, is the
//! reference). QM tests all dummy coefficients (chi-squared with levels-1 df, or F under knha);
//! QE is the residual heterogeneity. Each subgroup is also fitted on its own with the same options.

use serde::Serialize;

use super::linalg::ModelMatrix;
use super::rma::{fit, fit_mods, validate, MetaRegFit, RmaFit, RmaOptions};
use super::StatsError;

/// The fit within one subgroup.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubgroupFit {
    pub level: String,
    pub k: usize,
    /// Indices of the studies in this subgroup.
    pub studies: Vec<usize>,
    pub fit: Result<RmaFit, String>,
}

/// Test for subgroup differences (moderator test with a common tau2).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModeratorTest {
    pub levels: Vec<String>,
    pub model: MetaRegFit,
}

/// Subgroup fits plus the test between them (`None` when there is only one level, or the
/// meta-regression cannot be fitted, e.g. too few studies; the error is then in `test_error`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubgroupAnalysis {
    pub subgroups: Vec<SubgroupFit>,
    pub test: Option<ModeratorTest>,
    pub test_error: Option<String>,
}

/// A categorical moderator: its levels, sorted (as R's `factor()` orders them), and each
/// study's level, its index in them. One pass and a binary search a study, as a dataset may have
/// a subgroup per study.
struct Factor {
    levels: Vec<String>,
    of: Vec<usize>,
}

impl Factor {
    fn new(groups: &[&str]) -> Factor {
        let mut levels: Vec<String> = groups.iter().map(|g| g.to_string()).collect();
        crate::sort::sort_unique(&mut levels);
        let level = |g: &&str| {
            let found = levels.binary_search_by(|l| l.as_str().cmp(g));
            found.expect("every group is one of the levels")
        };
        let of = groups.iter().map(level).collect();
        Factor { levels, of }
    }

    /// The model matrix of `~ factor(groups)`: intercept plus one dummy per non-reference level.
    fn design(&self) -> ModelMatrix {
        let k = self.of.len();
        let p = self.levels.len().max(1);
        let mut data = vec![0.0; k * p];
        for (i, &j) in self.of.iter().enumerate() {
            data[i * p] = 1.0;
            if j > 0 {
                data[i * p + j] = 1.0;
            }
        }
        let mut names = vec!["intrcpt".to_string()];
        names.extend(self.levels.iter().skip(1).cloned());
        ModelMatrix { k, p, data, names }
    }

    /// The test between the levels: metafor's moderator test with a common tau2.
    fn test(self, yi: &[f64], vi: &[f64], opts: RmaOptions) -> Result<ModeratorTest, StatsError> {
        let n = self.levels.len();
        if !(2..=MAX_TESTED_LEVELS).contains(&n) {
            let reason = if n < 2 {
                "needs at least two levels".to_string()
            } else {
                format!("{n} subgroups; the test between them is fitted for at most {MAX_TESTED_LEVELS}")
            };
            let what = "subgroup".into();
            return Err(StatsError::InvalidInput { what, reason });
        }
        let x = self.design();
        let btt: Vec<usize> = (1..x.p).collect();
        let model = fit_mods(yi, vi, &x, &btt, opts)?;
        Ok(ModeratorTest {
            levels: self.levels,
            model,
        })
    }
}

/// The model matrix of `~ factor(groups)`: intercept plus one dummy per non-reference level.
pub fn factor_design(groups: &[&str]) -> (ModelMatrix, Vec<String>) {
    let factor = Factor::new(groups);
    (factor.design(), factor.levels)
}

/// The most subgroups the test between them is fitted for. Its model has a coefficient a
/// subgroup, held as a dense matrix of a row a study: 1,000 subgroups of 20,000 studies are
/// 160 MB and seconds of fitting; 20,000 would be 3.2 GB.
pub const MAX_TESTED_LEVELS: usize = 1_000;

/// The effects are valid and every study has a subgroup label.
fn validate_groups(yi: &[f64], vi: &[f64], groups: &[&str]) -> Result<(), StatsError> {
    validate(yi, vi)?;
    if groups.len() != yi.len() {
        return Err(StatsError::LengthMismatch {
            what: "subgroup labels",
            expected: yi.len(),
            got: groups.len(),
        });
    }
    Ok(())
}

/// Moderator test for the categorical moderator `groups` (one label per study).
pub fn moderator_test(
    yi: &[f64],
    vi: &[f64],
    groups: &[&str],
    opts: RmaOptions,
) -> Result<ModeratorTest, StatsError> {
    validate_groups(yi, vi, groups)?;
    Factor::new(groups).test(yi, vi, opts)
}

/// Fit every subgroup separately and test the difference between subgroups.
pub fn subgroup_analysis(
    yi: &[f64],
    vi: &[f64],
    groups: &[&str],
    opts: RmaOptions,
) -> Result<SubgroupAnalysis, StatsError> {
    validate_groups(yi, vi, groups)?;
    let factor = Factor::new(groups);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); factor.levels.len()];
    for (i, &j) in factor.of.iter().enumerate() {
        members[j].push(i);
    }
    let mut subgroups = Vec::with_capacity(factor.levels.len());
    for (level, studies) in factor.levels.iter().zip(members) {
        let y: Vec<f64> = studies.iter().map(|&i| yi[i]).collect();
        let v: Vec<f64> = studies.iter().map(|&i| vi[i]).collect();
        subgroups.push(SubgroupFit {
            level: level.clone(),
            k: studies.len(),
            studies,
            fit: fit(&y, &v, opts).map_err(|e| e.to_string()),
        });
    }
    let (test, test_error) = if subgroups.len() < 2 {
        (None, None)
    } else {
        match factor.test(yi, vi, opts) {
            Ok(t) => (Some(t), None),
            Err(e) => (None, Some(e.to_string())),
        }
    };
    Ok(SubgroupAnalysis {
        subgroups,
        test,
        test_error,
    })
}
