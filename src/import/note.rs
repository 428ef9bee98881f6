//! What the importer tells the editor about a review it converted: what it left out, and what the
//! review's file does not say that the answers rest on. Typed, as a dataset's problems are, so that
//! the embed page can say them in its language (`Note::message`) and the command line in English
//! (`Display`).

use std::fmt;

use crate::i18n::{checked, plural, say, t, Lang};

use super::ImportError;

/// One note to the editor. Analyses are named by RevMan's ids (`CMP-001.02`).
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// A data package's analysis of a data type that cannot be pooled ("Other data").
    DataTypeLeftOut { analysis: String, data_type: String },
    /// A RevMan file's "other data" analysis: text tables.
    OtherDataLeftOut { analysis: String },
    /// An analysis whose statistical method the importer does not know.
    UnknownMethod { analysis: String, method: String },
    /// An analysis of counts or means whose effect measure the importer does not know.
    UnknownMeasure { analysis: String, measure: String },
    /// A risk-of-bias item the review judges per outcome group, which a study's table cannot hold.
    GroupJudgedItem { item: String },
    /// The data package's risk-of-bias table could not be read.
    RiskOfBiasUnread(Box<ImportError>),
    /// An analysis named for its groups ("A versus B"), not for what was measured.
    GroupsAsOutcomeName { analysis: String, name: String },
    /// A row RevMan could not estimate (`why`: an `import.why.*` key); its study is kept without it.
    NotEstimable {
        study: String,
        analysis: String,
        name: String,
        why: &'static str,
    },
    /// `count` of `total` studies whose design the file does not state.
    UnstatedDesigns { count: usize, total: usize },
    /// `count` of `total` studies whose design the file states in words the chart does not read.
    UnrecognisedDesigns { count: usize, total: usize },
    /// `count` of `total` studies made randomised trials because the editor said they are.
    SaidRandomised { count: usize, total: usize },
    /// `count` of `total` studies whose treatment is their comparison's name (quoted in
    /// `comparisons`).
    ComparisonForTherapy {
        count: usize,
        total: usize,
        comparisons: Vec<String>,
    },
    /// No study names a condition.
    NoCondition,
}

impl Note {
    /// The note in words, in `lang`: the message catalogue's `import.note.*` rows.
    pub fn message(&self, lang: Lang) -> String {
        use Note::*;
        let studies = |total: &usize| plural(lang, "forest.studies", *total);
        // A note whose pronouns follow its count ("it was", "they were") has a row for one.
        let by_count = |key: &'static str, count: usize| match count {
            1 => format!("{key}_one"),
            _ => key.to_string(),
        };
        match self {
            DataTypeLeftOut {
                analysis,
                data_type,
            } => say!(lang, "import.note.data_type_left_out", analysis, data_type),
            OtherDataLeftOut { analysis } => {
                say!(lang, "import.note.other_data_left_out", analysis)
            }
            UnknownMethod { analysis, method } => {
                say!(lang, "import.note.unknown_method", analysis, method)
            }
            UnknownMeasure { analysis, measure } => {
                say!(lang, "import.note.unknown_measure", analysis, measure)
            }
            GroupJudgedItem { item } => say!(lang, "import.note.group_judged_item", item),
            RiskOfBiasUnread(error) => {
                say!(
                    lang,
                    "import.note.risk_of_bias_unread",
                    error = error.message(lang)
                )
            }
            GroupsAsOutcomeName { analysis, name } => {
                say!(lang, "import.note.groups_as_outcome_name", analysis, name)
            }
            NotEstimable {
                study,
                analysis,
                name,
                why,
            } => say!(
                lang,
                "import.note.not_estimable",
                study,
                analysis,
                name,
                why = t(lang, checked(why))
            ),
            UnstatedDesigns { count, total } => say!(
                lang,
                &by_count("import.note.unstated_designs", *count),
                count,
                studies = studies(total)
            ),
            UnrecognisedDesigns { count, total } => say!(
                lang,
                &by_count("import.note.unrecognised_designs", *count),
                count,
                studies = studies(total)
            ),
            SaidRandomised { count, total } => say!(
                lang,
                &by_count("import.note.said_randomised", *count),
                count,
                studies = studies(total)
            ),
            ComparisonForTherapy {
                count,
                total,
                comparisons,
            } => say!(
                lang,
                "import.note.comparison_for_therapy",
                count,
                studies = studies(total),
                comparisons = comparisons.join(", ")
            ),
            NoCondition => say!(lang, "import.note.no_condition"),
        }
    }
}

/// The note in English, as the command line prints it.
impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
