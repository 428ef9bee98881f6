//! `analyze` on a CSV file of any size. The rows are read a chunk at a time
//! ([`model::read_chunks`]) and only each study's effect is kept (`yi`, `vi`, its label and, for
//! `--subgroup`, that column), so memory grows with the studies' effects, not with their records:
//! the widget's limits (20,000 studies, 80,000 rows, 10 MB) belong to the widget. A study that
//! gives two results for one outcome is refused, whichever chunks they fall in.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::Path;

use crate::appraise::matching::Lexicon;
use crate::model::{self, CsvOptions, Measure};
use crate::stats::pooling::{self, Refusal};
use crate::stats::StudyEffect;

/// Rows read and assembled at a time.
const CHUNK_ROWS: usize = 10_000;

/// One outcome's effects gathered over the chunks, or why it cannot be pooled.
#[derive(Default)]
struct Gathered {
    measure: Option<Measure>,
    effects: Vec<StudyEffect>,
    /// Each effect's treatment, an index into [`Effects::treatments`].
    treatment_of: Vec<u32>,
    refusal: Option<Refusal>,
}

/// Every outcome's effects, in order of first appearance.
pub struct Effects {
    order: Vec<String>,
    by_outcome: HashMap<String, Gathered>,
    /// Each outcome's studies so far, so that a study's second result in a later chunk is refused
    /// as within one chunk (two results of one study are not independent samples).
    seen: HashSet<u128>,
    /// The treatments, as pooling tells them apart ([`Lexicon::treatment_key`]), each once.
    treatments: Vec<String>,
    treatment_ids: HashMap<String, u32>,
}

/// A study's result for an outcome as a 128-bit hash: a million of them take some 30 MB where
/// the strings took 150 MB, and two different ones share a hash with a chance of about 10⁻²⁷.
fn result_key(outcome: &str, study: &str) -> u128 {
    let half = |salt: u8| {
        let mut h = std::hash::DefaultHasher::new();
        (salt, outcome, study).hash(&mut h);
        u128::from(h.finish())
    };
    half(0) << 64 | half(1)
}

impl Effects {
    /// The outcome ids, in order of first appearance.
    pub fn outcomes(&self) -> &[String] {
        &self.order
    }

    /// An outcome's measure and the effects of one treatment (`treatment`, or the only one there
    /// is; all of them when `together`), or why they cannot be pooled
    /// ([`pooling::one_treatment`]).
    pub fn take(
        &mut self,
        outcome: &str,
        treatment: Option<&str>,
        together: bool,
    ) -> Result<(Measure, Vec<StudyEffect>), Refusal> {
        let Some(g) = self.by_outcome.remove(outcome) else {
            return Err(Refusal::UnknownOutcome {
                outcome: outcome.to_string(),
                known: self.order.clone(),
            });
        };
        if let Some(refusal) = g.refusal {
            return Err(refusal);
        }
        let Some(measure) = g.measure else {
            return Err(Refusal::NoData {
                outcome: outcome.to_string(),
            });
        };
        let name = |i: usize| self.treatments[g.treatment_of[i] as usize].as_str();
        let effects = pooling::one_treatment(outcome, g.effects, name, treatment, together)?;
        Ok((measure, effects))
    }

    /// Adds a chunk's effects, keeping of their moderators only the `subgroup` column: an empty
    /// map costs nothing, a map of a study's facts some 500 bytes (half a gigabyte per million).
    fn add(&mut self, chunk: &model::Dataset, subgroup: Option<&str>) {
        // A study's second result for an outcome, in this chunk or an earlier one: one pass.
        let mut repeated: HashMap<&str, &str> = HashMap::new();
        let lexicon = Lexicon::new(&chunk.vocabulary);
        for s in &chunk.studies {
            for o in s.outcomes.iter().filter(|o| o.data.is_some()) {
                if !self.seen.insert(result_key(&o.id, &s.id)) {
                    repeated.entry(&o.id).or_insert(&s.id);
                }
            }
        }
        for outcome in pooling::outcome_ids(chunk) {
            let g = match self.by_outcome.get_mut(&outcome) {
                Some(g) => g,
                None => {
                    self.order.push(outcome.clone());
                    self.by_outcome.entry(outcome.clone()).or_default()
                }
            };
            if g.refusal.is_some() {
                continue;
            }
            if let Some(study) = repeated.get(outcome.as_str()) {
                g.refusal = Some(Refusal::SharedStudy {
                    outcome: outcome.clone(),
                    study: study.to_string(),
                });
                g.effects = Vec::new();
                continue;
            }
            let pooled = match subgroup {
                None => pooling::pool_effects(chunk, &outcome),
                Some(column) => pooling::pool_input(chunk, &outcome).map(|mut pool| {
                    for e in &mut pool.effects {
                        e.moderators = std::mem::take(&mut e.moderators)
                            .into_iter()
                            .filter(|(k, _)| k == column)
                            .collect();
                    }
                    pool
                }),
            };
            match pooled {
                Ok(pool) => match g.measure {
                    Some(first) if first != pool.measure => {
                        g.refusal = Some(Refusal::MixedMeasures {
                            outcome: outcome.clone(),
                            measures: vec![first, pool.measure],
                        });
                        g.effects = Vec::new();
                    }
                    _ => {
                        g.measure = Some(pool.measure);
                        g.effects.extend(pool.effects);
                        for s in pool.studies {
                            let key = lexicon.treatment_key(&s.intervention.therapy);
                            let next = self.treatments.len() as u32;
                            let id = *self.treatment_ids.entry(key).or_insert_with_key(|key| {
                                self.treatments.push(key.clone());
                                next
                            });
                            g.treatment_of.push(id);
                        }
                    }
                },
                // Another chunk may have its numbers.
                Err(Refusal::NoData { .. }) => {}
                Err(refusal) => g.refusal = Some(refusal),
            }
        }
    }
}

/// Reads every study's effect from a CSV file of any size. `None` after printing the problems
/// when the file cannot be read or any row has an error (as for a small file, a partial table is
/// not analysed).
pub fn read_effects(
    file: &Path,
    measure: Option<Measure>,
    subgroup: Option<&str>,
    err: &mut dyn Write,
) -> Option<Effects> {
    let source = match std::fs::File::open(file) {
        Ok(f) => std::io::BufReader::with_capacity(1 << 20, f),
        Err(e) => {
            let _ = writeln!(err, "{}: cannot read: {e}", file.display());
            return None;
        }
    };
    let mut effects = Effects {
        order: Vec::new(),
        by_outcome: HashMap::new(),
        seen: HashSet::new(),
        treatments: Vec::new(),
        treatment_ids: HashMap::new(),
    };
    let mut errors = 0usize;
    let options = CsvOptions {
        default_measure: measure,
    };
    let whole = model::read_chunks(source, &options, CHUNK_ROWS, &mut |chunk| {
        super::report_problems(file, &chunk.errors, &[], err);
        errors += chunk.errors.len();
        if let Some(d) = &chunk.dataset {
            effects.add(d, subgroup);
        }
    });
    super::report_problems(file, &whole.errors, &[], err);
    (errors == 0 && whole.errors.is_empty() && whole.dataset.is_some()).then_some(effects)
}
