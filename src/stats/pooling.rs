//! Which results may be pooled, and the inputs to pool them.
//!
//! A meta-analysis is only meaningful for one outcome, on one measure, over
//! independent samples. Rather than pooling whatever it is given, the engine says
//! why it refuses: mixed measures, single-group results among comparisons, two
//! comparisons from one study (they share participants, e.g. a common control arm),
//! or a result whose effect cannot be computed.

use crate::model::{Dataset, Measure, Outcome, StringMap, Study};

use super::analyze::StudyEffect;
use super::effect::effect_of;
use super::StatsError;

/// Why a set of results cannot be pooled.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// No study reports numbers for this outcome.
    NoData { outcome: String },
    /// Only ongoing studies report numbers for this outcome: interim ones, which are not pooled.
    OnlyOngoing { outcome: String },
    /// The dataset has no outcome with this id.
    UnknownOutcome { outcome: String, known: Vec<String> },
    /// The studies report the outcome on different measures.
    MixedMeasures {
        outcome: String,
        measures: Vec<Measure>,
    },
    /// The measure asked for is not the one the data are on.
    WrongMeasure {
        outcome: String,
        wanted: Measure,
        found: Measure,
    },
    /// Single-group proportions cannot be pooled with comparisons.
    SingleArmWithComparative { outcome: String },
    /// A study contributes more than one result: they are not independent samples.
    SharedStudy { outcome: String, study: String },
    /// One study's effect could not be computed.
    Unusable { study: String, error: StatsError },
    /// The studies of the outcome test different treatments, and none was asked for.
    SeveralTreatments {
        outcome: String,
        treatments: Vec<String>,
    },
    /// No study of the treatment asked for reports the outcome.
    UnknownTreatment {
        outcome: String,
        treatment: String,
        known: Vec<String>,
    },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::NoData { outcome } => write!(f, "no study reports numbers for outcome \"{outcome}\""),
            Refusal::OnlyOngoing { outcome } => write!(f, "only ongoing studies report numbers for outcome \"{outcome}\"; they are interim, and are not pooled until the studies are completed"),
            Refusal::UnknownOutcome { outcome, known } => write!(f, "no outcome \"{outcome}\"; the outcomes are {}", known.join(", ")),
            Refusal::MixedMeasures { outcome, measures } => {
                let names: Vec<_> = measures.iter().map(|m| m.as_str()).collect();
                write!(f, "outcome \"{outcome}\" is reported on different measures ({}); they cannot be pooled", names.join(", "))
            }
            Refusal::WrongMeasure { outcome, wanted, found } => write!(f, "outcome \"{outcome}\" is on {found}, not {wanted}"),
            Refusal::SingleArmWithComparative { outcome } => {
                write!(f, "outcome \"{outcome}\" mixes single-group results with comparisons; they cannot be pooled")
            }
            Refusal::SharedStudy { outcome, study } => write!(
                f,
                "study \"{study}\" gives more than one result for outcome \"{outcome}\"; they share participants and cannot be pooled as independent studies"
            ),
            Refusal::Unusable { study, error } => write!(f, "study \"{study}\": {error}"),
            Refusal::SeveralTreatments { outcome, treatments } => {
                write!(
                    f,
                    "the studies of outcome \"{outcome}\" test different treatments, which answer different questions and are pooled each on its own: choose one with --outcome ({}), or compare them with --subgroup therapy",
                    body_ids(outcome, treatments)
                )?;
                // Beyond that many, each is still pooled, but the test between them is not fitted.
                let most = super::moderators::MAX_TESTED_LEVELS;
                if treatments.len() > most {
                    write!(f, " (each pooled; no test between more than {most})")?;
                }
                Ok(())
            }
            Refusal::UnknownTreatment { outcome, treatment, known } => write!(
                f,
                "no study of treatment \"{treatment}\" reports numbers for outcome \"{outcome}\"; choose one with --outcome ({})",
                body_ids(outcome, known)
            ),
        }
    }
}

impl std::error::Error for Refusal {}

/// An outcome's bodies by treatment, `outcome/treatment`, the first ten of them.
fn body_ids(outcome: &str, treatments: &[String]) -> String {
    const SHOWN: usize = 10;
    let mut ids: Vec<String> = (treatments.iter().take(SHOWN))
        .map(|t| format!("{outcome}/{t}"))
        .collect();
    if treatments.len() > SHOWN {
        ids.push(format!("and {} more", treatments.len() - SHOWN));
    }
    ids.join(", ")
}

/// The effects of every one of `studies` reporting `outcome_id`, ready for
/// [`super::analyze()`], with their measure. Study-level facts (design, therapy, route,
/// condition, the outcome's subgroup) are offered as moderators next to the dataset's own
/// columns. The caller chooses the studies: one treatment's ([`one_treatment`]).
pub fn pool_input(
    studies: &[&Study],
    outcome_id: &str,
) -> Result<(Measure, Vec<StudyEffect>), Refusal> {
    effects_of(studies, outcome_id, moderators)
}

/// [`pool_input`] without the moderators, for a pooled estimate alone: a forest of 10,000
/// studies spent a tenth of its time making and dropping them.
pub fn pool_effects(
    studies: &[&Study],
    outcome_id: &str,
) -> Result<(Measure, Vec<StudyEffect>), Refusal> {
    effects_of(studies, outcome_id, |_, _| StringMap::new())
}

fn effects_of(
    studies: &[&Study],
    outcome_id: &str,
    moderators: fn(&Study, &Outcome) -> StringMap,
) -> Result<(Measure, Vec<StudyEffect>), Refusal> {
    let reporting: Vec<(&Study, &Outcome)> = studies
        .iter()
        .copied()
        .flat_map(|s| {
            s.outcomes
                .iter()
                .filter(|o| o.id == outcome_id)
                .map(move |o| (s, o))
        })
        .collect();
    if reporting.is_empty() {
        return Err(Refusal::UnknownOutcome {
            outcome: outcome_id.to_string(),
            known: ids_of(studies.iter().copied()),
        });
    }
    let with_data: Vec<_> = reporting
        .iter()
        .filter_map(|(s, o)| o.data.as_ref().map(|d| (*s, *o, d)))
        .collect();
    if with_data.is_empty() {
        return Err(Refusal::NoData {
            outcome: outcome_id.to_string(),
        });
    }
    let mut measures: Vec<Measure> = with_data.iter().map(|(_, _, d)| d.measure()).collect();
    crate::sort::sort_unique(&mut measures);
    let single = with_data
        .iter()
        .filter(|(_, _, d)| d.is_single_arm())
        .count();
    if single > 0 && single < with_data.len() {
        return Err(Refusal::SingleArmWithComparative {
            outcome: outcome_id.to_string(),
        });
    }
    if measures.len() > 1 {
        return Err(Refusal::MixedMeasures {
            outcome: outcome_id.to_string(),
            measures,
        });
    }
    // (The set type the appraisal's sets of ids are: a new one would bring its own code.)
    let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
    let mut effects = Vec::with_capacity(with_data.len());
    for (study, outcome, data) in with_data {
        if !seen.insert(study.id.as_str()) {
            return Err(Refusal::SharedStudy {
                outcome: outcome_id.to_string(),
                study: study.id.clone(),
            });
        }
        let effect = effect_of(data).map_err(|error| Refusal::Unusable {
            study: study.id.clone(),
            error,
        })?;
        effects.push(StudyEffect {
            label: study.label.to_string(),
            yi: effect.yi,
            vi: effect.vi,
            moderators: moderators(study, outcome),
        });
    }
    Ok((measures[0], effects))
}

/// The treatments of the studies that report numbers for `outcome_id`, each once, in order of
/// first appearance; `treatment_of` names a study's treatment as pooling groups them (the
/// vocabulary's `Lexicon::treatment_key`, which this layer cannot see).
pub fn treatments_of(
    studies: &[&Study],
    outcome_id: &str,
    treatment_of: &dyn Fn(&Study) -> String,
) -> Vec<String> {
    // (A set beside the list: with a treatment per study, searching the list was quadratic.)
    let mut seen = foldhash::HashSet::default();
    let mut found: Vec<String> = Vec::new();
    for s in studies {
        if reports_numbers(s, outcome_id) {
            let t = treatment_of(s);
            if seen.insert(t.clone()) {
                found.push(t);
            }
        }
    }
    found
}

/// Whether `study` gives numbers for `outcome_id`: the studies [`pool_input`] makes one effect
/// of each (or refuses).
pub fn reports_numbers(study: &Study, outcome_id: &str) -> bool {
    (study.outcomes.iter()).any(|o| o.id == outcome_id && o.data.is_some())
}

/// Which treatment's studies of `outcome` to pool, among `treatments` (from [`treatments_of`]):
/// the one asked for (ASCII case aside), or the only one there is (`None`: all of them). Two
/// treatments' trials of one outcome answer two questions, so each treatment's are pooled on
/// their own, as the appraisal pools them; `together` pools them all, for a caller who compares
/// them in subgroups.
pub fn one_treatment(
    outcome: &str,
    treatments: &[String],
    asked: Option<&str>,
    together: bool,
) -> Result<Option<String>, Refusal> {
    // No study has numbers for it: pooling says so, whatever treatment was asked for.
    if treatments.is_empty() {
        return Ok(None);
    }
    match asked {
        Some(asked) => match treatments.iter().find(|t| t.eq_ignore_ascii_case(asked)) {
            Some(t) => Ok(Some(t.clone())),
            None => Err(Refusal::UnknownTreatment {
                outcome: outcome.to_string(),
                treatment: asked.to_string(),
                known: treatments.to_vec(),
            }),
        },
        None if treatments.len() > 1 && !together => Err(Refusal::SeveralTreatments {
            outcome: outcome.to_string(),
            treatments: treatments.to_vec(),
        }),
        None => Ok(None),
    }
}

fn moderators(study: &Study, outcome: &Outcome) -> StringMap {
    let mut m = study.moderators.clone();
    let mut offer = |k: &str, v: Option<&str>| {
        if let Some(v) = v {
            m.insert_if_absent(k, v);
        }
    };
    offer("design", Some(study.design.as_str()));
    offer("therapy", Some(study.intervention.therapy.as_str()));
    offer("route", study.intervention.route.as_deref());
    offer("condition", Some(study.condition.as_str()));
    offer("subgroup", outcome.subgroup.as_deref());
    // A study's year is a moderator of its own (metafor's `mods = ~ year`).
    offer("year", study.year.map(|y| y.to_string()).as_deref());
    m
}

/// The distinct outcome ids of a dataset, in order of first appearance.
pub fn outcome_ids(dataset: &Dataset) -> Vec<String> {
    ids_of(dataset.studies.iter())
}

fn ids_of<'a>(studies: impl Iterator<Item = &'a Study>) -> Vec<String> {
    let mut seen = foldhash::HashSet::default();
    studies
        .flat_map(|s| &s.outcomes)
        .filter(|o| seen.insert(o.id.as_str()))
        .map(|o| o.id.clone())
        .collect()
}

// Reads the built-in dataset, which the browser build does not compile in.
#[cfg(all(test, feature = "builtin-data"))]
mod tests {
    use super::*;

    #[test]
    fn pooled_effects_without_moderators_are_the_pool_input_without_them() {
        let dataset = crate::model::builtin();
        let studies: Vec<&Study> = dataset.studies.iter().collect();
        let mut pooled = 0;
        for id in outcome_ids(&dataset) {
            let full = pool_input(&studies, &id);
            let bare = pool_effects(&studies, &id);
            match (full, bare) {
                (Ok((m1, full)), Ok((m2, bare))) => {
                    assert_eq!(m1, m2, "{id}");
                    assert_eq!(full.len(), bare.len(), "{id}");
                    for (f, b) in full.iter().zip(&bare) {
                        let bits =
                            |e: &StudyEffect| (e.label.clone(), e.yi.to_bits(), e.vi.to_bits());
                        assert_eq!(bits(f), bits(b), "{id}");
                        assert!(f.moderators.contains_key("design"), "{id}");
                        assert!(b.moderators.is_empty(), "{id}");
                    }
                    pooled += 1;
                }
                (Err(e1), Err(e2)) => assert_eq!(e1, e2, "{id}"),
                (a, b) => panic!("{id}: {a:?} but {b:?}"),
            }
        }
        assert!(pooled > 0, "the built-in dataset has outcomes to pool");
    }
}
