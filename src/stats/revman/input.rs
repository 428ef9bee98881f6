//! The studies of one outcome of a dataset, as RevMan pools them, with the outcome's analysis
//! settings when the dataset was imported from a review.

use crate::model::{Analysis, Dataset, EffectData, Measure};
use crate::stats::effect::effect_of;
use crate::stats::pooling::{outcome_ids, Refusal};
use crate::stats::StatsError;

use super::{ArmMeans, RevmanOptions, RevmanStudy, StudyData};

/// What RevMan needs to pool one outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct RevmanInput {
    pub studies: Vec<RevmanStudy>,
    /// The measure the studies' data are on.
    pub measure: Measure,
    /// The source's analysis (settings and stored results), from the first study that has one.
    pub analysis: Option<Analysis>,
}

/// Collects every study's row for `outcome_id`, in dataset order. A study-outcome without data is
/// kept as "not estimable", as RevMan lists it. `group` names a moderator column to use as the
/// subgroup instead of the outcome's own `subgroup`.
pub fn studies_of(
    dataset: &Dataset,
    outcome_id: &str,
    group: Option<&str>,
) -> Result<RevmanInput, Refusal> {
    let mut studies = Vec::new();
    let mut measures: Vec<Measure> = Vec::new();
    let mut analysis = None;
    let mut any = false;
    for study in &dataset.studies {
        for o in study.outcomes.iter().filter(|o| o.id == outcome_id) {
            any = true;
            if analysis.is_none() {
                analysis = o.analysis.as_deref().cloned();
            }
            let data = match &o.data {
                None => StudyData::Missing,
                Some(d) => {
                    if d.is_single_arm() {
                        return Err(Refusal::SingleArmWithComparative {
                            outcome: outcome_id.to_string(),
                        });
                    }
                    if !measures.contains(&d.measure()) {
                        measures.push(d.measure());
                    }
                    StudyData::of(d).map_err(|error| Refusal::Unusable {
                        study: study.id.clone(),
                        error,
                    })?
                }
            };
            let subgroup = match group {
                Some(col) => study.moderators.get(col).cloned(),
                None => o.subgroup.as_ref().map(|s| s.to_string()),
            };
            studies.push(RevmanStudy {
                label: study.label.to_string(),
                subgroup,
                data,
            });
        }
    }
    if !any {
        return Err(Refusal::UnknownOutcome {
            outcome: outcome_id.to_string(),
            known: outcome_ids(dataset),
        });
    }
    match measures.as_slice() {
        [] => Err(Refusal::NoData {
            outcome: outcome_id.to_string(),
        }),
        [m] => Ok(RevmanInput {
            studies,
            measure: *m,
            analysis,
        }),
        _ => {
            crate::sort::sort(&mut measures);
            Err(Refusal::MixedMeasures {
                outcome: outcome_id.to_string(),
                measures,
            })
        }
    }
}

/// An imported outcome's pooled result done with the review's own settings, beside the result
/// the review stored: `[estimate, ci_lb, ci_ub]`, as reviews report them (ratios as ratios).
#[derive(Debug, Clone, PartialEq)]
pub struct Redone {
    pub options: RevmanOptions,
    pub ours: [f64; 3],
    pub stored: [f64; 3],
}

impl StudyData {
    /// A comparison's numbers as RevMan enters them: counts and means as they are, any other
    /// form as its effect and standard error (generic inverse variance).
    pub fn of(d: &EffectData) -> Result<StudyData, StatsError> {
        Ok(match d {
            EffectData::Counts(c) => {
                let [a, b, cc, dd] = c.cells();
                StudyData::Counts {
                    e1: a,
                    n1: a + b,
                    e2: cc,
                    n2: cc + dd,
                }
            }
            EffectData::Means(m) => StudyData::Means(ArmMeans::new(m.numbers())),
            EffectData::Generic(g) => StudyData::Generic {
                yi: g.yi,
                se: g.variance().sqrt(),
            },
            other => {
                let e = effect_of(other)?;
                StudyData::Generic {
                    yi: e.yi,
                    se: e.vi.sqrt(),
                }
            }
        })
    }
}

impl Redone {
    /// Whether ours is the review's result: every number within 0.1% (0.001 for numbers under
    /// 1), finer than the two decimals reviews print.
    pub fn matches(&self) -> bool {
        self.ours
            .iter()
            .zip(&self.stored)
            .all(|(a, b)| (a - b).abs() <= 1e-3 * b.abs().max(1.0))
    }
}
