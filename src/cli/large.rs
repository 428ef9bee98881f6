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
use crate::model::{self, CsvOptions, Measure, Study};
use crate::stats::pooling::{self, Refusal};
use crate::stats::StudyEffect;

/// Rows read and assembled at a time.
const CHUNK_ROWS: usize = 10_000;

/// One treatment's effects of one outcome gathered over the chunks, or why they cannot be pooled.
#[derive(Default)]
struct Gathered {
    measure: Option<Measure>,
    effects: Vec<StudyEffect>,
    /// Each effect's study's place in the file, so that treatments pooled together keep its order.
    rows: Vec<u32>,
    refusal: Option<Refusal>,
}

impl Gathered {
    fn refuse(&mut self, refusal: Refusal) {
        self.refusal = Some(refusal);
        self.effects = Vec::new();
        self.rows = Vec::new();
    }
}

/// One outcome's effects, each treatment's apart, in order of first appearance.
#[derive(Default)]
struct Treatments {
    gathered: Vec<(String, Gathered)>,
    /// Each treatment's place in `gathered`: a file of a treatment per study must not search the
    /// list for each study.
    at: HashMap<String, usize>,
}

impl Treatments {
    fn of(&mut self, treatment: &str) -> &mut Gathered {
        let at = match self.at.get(treatment) {
            Some(&at) => at,
            None => {
                self.at.insert(treatment.to_string(), self.gathered.len());
                self.gathered
                    .push((treatment.to_string(), Gathered::default()));
                self.gathered.len() - 1
            }
        };
        &mut self.gathered[at].1
    }
}

/// Every outcome's effects, in order of first appearance, each treatment's apart (as pooling
/// tells them apart: [`Lexicon::treatment_key`]).
pub struct Effects {
    order: Vec<String>,
    by_outcome: HashMap<String, Treatments>,
    /// Each outcome's studies so far, so that a study's second result in a later chunk is refused
    /// as within one chunk (two results of one study are not independent samples).
    seen: HashSet<u128>,
    /// Studies read so far.
    studies: u32,
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
    /// is; all of them, in the file's order, when `together`), or why they cannot be pooled
    /// ([`pooling::one_treatment`]).
    pub fn take(
        &mut self,
        outcome: &str,
        treatment: Option<&str>,
        together: bool,
    ) -> Result<(Measure, Vec<StudyEffect>), Refusal> {
        let Some(Treatments {
            gathered: groups, ..
        }) = self.by_outcome.remove(outcome)
        else {
            return Err(Refusal::UnknownOutcome {
                outcome: outcome.to_string(),
                known: self.order.clone(),
            });
        };
        let treatments: Vec<String> = groups.iter().map(|(t, _)| t.clone()).collect();
        let kept = pooling::one_treatment(outcome, &treatments, treatment, together)?;
        let mut measure = None;
        let mut rows = Vec::new();
        for (_, g) in groups
            .into_iter()
            .filter(|(t, _)| kept.as_ref().map_or(true, |k| k == t))
        {
            if let Some(refusal) = g.refusal {
                return Err(refusal);
            }
            match (measure, g.measure) {
                (Some(first), Some(m)) if first != m => {
                    return Err(Refusal::MixedMeasures {
                        outcome: outcome.to_string(),
                        measures: vec![first, m],
                    })
                }
                (None, m) => measure = m,
                _ => {}
            }
            rows.extend(g.rows.into_iter().zip(g.effects));
        }
        let Some(measure) = measure else {
            return Err(Refusal::NoData {
                outcome: outcome.to_string(),
            });
        };
        rows.sort_by_key(|(row, _)| *row);
        Ok((measure, rows.into_iter().map(|(_, e)| e).collect()))
    }

    /// Adds a chunk's effects, keeping of their moderators only the `kept` columns (`--subgroup`,
    /// `--mods`): an empty map costs nothing, a map of a study's facts some 500 bytes (half a
    /// gigabyte per million).
    fn add(&mut self, chunk: &model::Dataset, kept: &[&str]) {
        // A study's second result for an outcome, in this chunk or an earlier one: one pass.
        let mut repeated: HashSet<(&str, &str)> = HashSet::new();
        // The chunk's studies by treatment, each with its place in the file.
        let lexicon = Lexicon::new(&chunk.vocabulary);
        let mut by_treatment: Vec<(String, Vec<(u32, &Study)>)> = Vec::new();
        let mut treatment_index: HashMap<String, usize> = HashMap::new();
        for s in &chunk.studies {
            let treatment = lexicon.treatment_key(&s.intervention.therapy);
            for o in s.outcomes.iter().filter(|o| o.data.is_some()) {
                if !self.seen.insert(result_key(&o.id, &s.id)) {
                    repeated.insert((&o.id, &s.id));
                }
            }
            let next = by_treatment.len();
            let i = *treatment_index.entry(treatment.clone()).or_insert(next);
            if i == next {
                by_treatment.push((treatment, Vec::new()));
            }
            by_treatment[i].1.push((self.studies, s));
            self.studies = self.studies.saturating_add(1);
        }
        // Each treatment's studies, and the outcomes they give numbers for: an outcome is pooled
        // only for the treatments that report it.
        let refs: Vec<Vec<&Study>> = (by_treatment.iter())
            .map(|(_, studies)| studies.iter().map(|(_, s)| *s).collect())
            .collect();
        let reported: Vec<HashSet<&str>> = (refs.iter())
            .map(|studies| {
                (studies.iter().flat_map(|s| &s.outcomes))
                    .filter(|o| o.data.is_some())
                    .map(|o| o.id.as_str())
                    .collect()
            })
            .collect();
        for outcome in pooling::outcome_ids(chunk) {
            let order = &mut self.order;
            let groups = self.by_outcome.entry(outcome.clone()).or_insert_with(|| {
                order.push(outcome.clone());
                Treatments::default()
            });
            for (((treatment, studies), refs), reported) in
                by_treatment.iter().zip(&refs).zip(&reported)
            {
                if !reported.contains(outcome.as_str()) {
                    continue;
                }
                let pooled = match kept.is_empty() {
                    true => pooling::pool_effects(refs, &outcome),
                    false => pooling::pool_input(refs, &outcome).map(|(m, mut effects)| {
                        for e in &mut effects {
                            e.moderators = std::mem::take(&mut e.moderators)
                                .into_iter()
                                .filter(|(k, _)| kept.contains(&k.as_str()))
                                .collect();
                        }
                        (m, effects)
                    }),
                };
                // (Numbers it has; another chunk may have more.)
                if let Err(Refusal::NoData { .. }) = pooled {
                    continue;
                }
                let g = groups.of(treatment);
                if g.refusal.is_some() {
                    continue;
                }
                let twice = (studies.iter())
                    .find(|(_, s)| repeated.contains(&(outcome.as_str(), s.id.as_str())));
                if let Some((_, study)) = twice {
                    g.refuse(Refusal::SharedStudy {
                        outcome: outcome.clone(),
                        study: study.id.clone(),
                    });
                    continue;
                }
                match pooled {
                    Ok((m, _)) if g.measure.is_some_and(|first| first != m) => {
                        let first = g.measure.unwrap_or(m);
                        g.refuse(Refusal::MixedMeasures {
                            outcome: outcome.clone(),
                            measures: vec![first, m],
                        });
                    }
                    Ok((m, effects)) => {
                        g.measure = Some(m);
                        g.effects.extend(effects);
                        // One effect for each of its studies that reports the outcome.
                        g.rows.extend(studies.iter().filter_map(|(row, s)| {
                            pooling::reports_numbers(s, &outcome).then_some(*row)
                        }));
                    }
                    Err(refusal) => g.refuse(refusal),
                }
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
    kept: &[&str],
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
        studies: 0,
    };
    let mut errors = 0usize;
    let options = CsvOptions {
        default_measure: measure,
    };
    let whole = model::read_chunks(source, &options, CHUNK_ROWS, &mut |chunk| {
        super::report_problems(file, &chunk.errors, &[], err);
        errors += chunk.errors.len();
        if let Some(d) = &chunk.dataset {
            effects.add(d, kept);
        }
    });
    super::report_problems(file, &whole.errors, &[], err);
    if !whole.errors.is_empty() || whole.dataset.is_none() {
        return None;
    }
    if errors > 0 {
        super::refuse_partial(file, err);
        return None;
    }
    Some(effects)
}
