//! The data model: studies, outcomes and claims; reading them from JSON and CSV with path-precise
//! problems; semantic validation; and the built-in dataset (stem-cell therapies for MS).
//!
//! Reading never panics and reports every problem at once. What can still be shown is kept: a study,
//! outcome or claim with errors is left out, the rest is returned in [`Parsed::dataset`].

mod analysis;
#[cfg(feature = "table")]
mod csv;
mod encoding;
pub(crate) mod json;
mod links;
mod problem;
mod string_map;
pub(crate) mod terms;
mod text;
#[cfg(feature = "table")]
mod text_file;
mod tree;
mod types;
mod validate;

pub use self::analysis::{Analysis, EffectModel, PoolMethod, Stored, StoredSubgroup};
#[cfg(feature = "table")]
pub use self::csv::{parse_csv, parse_csv_with, read_chunks, CsvOptions, CSV_COLUMNS};
pub use self::encoding::decode_windows_1252;
pub use self::json::{
    first_byte, generic_concepts, looks_like_json, name_places, parse_converted_json, parse_json,
    parse_vocabulary,
};
pub use self::links::Link;
pub use self::problem::{fmt_num, Found, Issue, Parsed, Problem, Said, SyntaxHint};
pub use self::string_map::StringMap;
pub use self::text::is_language_code;
pub use self::types::*;
pub use self::validate::validate;

/// Largest input accepted, in bytes. A dataset is a few hundred studies at most; anything this big is a
/// mistake (or an attack on a page that embeds the widget).
pub const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;

/// Largest number of studies accepted in one dataset.
pub const MAX_STUDIES: usize = 20_000;

/// The built-in dataset as shipped (JSON text). See `src/data/ms-stem-cells.json`.
#[cfg(feature = "builtin-data")]
pub const BUILTIN_JSON: &str = include_str!("../data/ms-stem-cells.json");

/// The built-in dataset: evidence on stem-cell therapies for multiple sclerosis, built only from the
/// documents in `shared/sources`. Tests guarantee it reads without errors.
#[cfg(feature = "builtin-data")]
pub fn builtin() -> Dataset {
    parse_json(BUILTIN_JSON.as_bytes())
        .dataset
        .unwrap_or_default()
}

impl Dataset {
    /// Reads a dataset from JSON; same as [`parse_json`].
    pub fn from_json(bytes: &[u8]) -> Parsed {
        parse_json(bytes)
    }
    /// Reads a dataset from CSV (one row per study-outcome). `default_measure` (the CLI's `--measure`)
    /// is used for rows with an empty `measure` cell when it fits the row's data form.
    #[cfg(feature = "table")]
    pub fn from_csv(bytes: &[u8], default_measure: Option<Measure>) -> Parsed {
        parse_csv_with(bytes, &CsvOptions { default_measure })
    }
    /// Semantic checks; same as [`validate`].
    pub fn validate(&self) -> (Vec<Problem>, Vec<Problem>) {
        validate(self)
    }
    /// Serializes to pretty JSON (the format [`parse_json`] reads).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
    /// Looks a study up by id.
    pub fn study(&self, id: &str) -> Option<&Study> {
        self.studies.iter().find(|s| s.id == id)
    }

    /// Each study by its id (see [`by_id`]), for code that looks up a study per result: a scan
    /// each would be quadratic in the studies.
    pub fn studies_by_id(&self) -> foldhash::HashMap<&str, &Study> {
        by_id(&self.studies)
    }
}

/// Which trial each entry reports: entries that share a DOI, registry number or PubMed id
/// ([`Citation::trial_ids`]) report one trial, named by its first entry's id.
#[derive(Default)]
pub struct Trials<'a> {
    first_of: foldhash::HashMap<(usize, String), &'a str>,
}

impl<'a> Trials<'a> {
    /// The trial `study` reports, as the id of the first entry seen of it.
    pub fn of(&mut self, study: &'a Study) -> &'a str {
        let ids: Vec<(usize, String)> = study.citation.trial_ids().collect();
        let trial = ids
            .iter()
            .find_map(|id| self.first_of.get(id).copied())
            .unwrap_or(study.id.as_str());
        for id in ids {
            self.first_of.entry(id).or_insert(trial);
        }
        trial
    }
}

/// One entry per trial ([`Trials`]), whose studies and people count once. The trial stands
/// where its first entry does, as the entry that gives the most people (a registry record
/// without a number of people may come before the paper).
pub fn one_entry_per_trial<'a>(studies: impl IntoIterator<Item = &'a Study>) -> Vec<&'a Study> {
    let mut trials = Trials::default();
    let mut order: Vec<&str> = Vec::new();
    let mut best: foldhash::HashMap<&str, &Study> = Default::default();
    for s in studies {
        let trial = trials.of(s);
        let kept = best.entry(trial).or_insert_with(|| {
            order.push(trial);
            s
        });
        if s.n > kept.n {
            *kept = s;
        }
    }
    order.iter().filter_map(|t| best.get(t).copied()).collect()
}

/// Studies by their ids: the first of an id where ids repeat, as [`Dataset::study`] finds it
/// (validation reports and drops the later ones).
pub fn by_id<'a>(
    studies: impl IntoIterator<Item = &'a Study>,
) -> foldhash::HashMap<&'a str, &'a Study> {
    use foldhash::HashMapExt;
    let studies = studies.into_iter();
    let mut out = foldhash::HashMap::with_capacity(studies.size_hint().0);
    for s in studies {
        out.entry(s.id.as_str()).or_insert(s);
    }
    out
}
