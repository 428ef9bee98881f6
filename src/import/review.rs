//! What both readers (the `.rm5` XML and the data package's CSV files) find in a review, before it
//! becomes a dataset: one shape, so that the conversion is written once.

use crate::model::{BiasJudgement, EffectModel, Judgement, Measure, PoolMethod, Stored, Text};

/// A review as RevMan describes it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Review {
    pub title: Option<String>,
    pub doi: Option<String>,
    /// `YYYY-MM-DD` (or shorter): when the review was assessed as up to date, else its last search,
    /// else when its file was last modified.
    pub date: Option<String>,
    /// Which of those [`Review::date`] is ("up to date", "last search", "last modified").
    pub date_kind: &'static str,
    /// Where it was read from, for the dataset's description ("RevMan 5.0.23 file").
    pub source: String,
    pub studies: Vec<ReviewStudy>,
    pub comparisons: Vec<Comparison>,
}

/// An included study.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewStudy {
    /// RevMan's study id (`STD-ISIS-2`), or the study's name in a data package.
    pub id: String,
    pub name: String,
    pub year: Option<u16>,
    /// The "Methods" characteristic, which usually says how it was randomised.
    pub methods: Option<String>,
    /// The primary reference, formatted.
    pub reference: Option<String>,
    pub doi: Option<String>,
    pub pmid: Option<String>,
    /// The review's risk-of-bias judgements of the study (study-level domains).
    pub risk_of_bias: Vec<BiasJudgement>,
}

/// A review's judgement of a domain, as its published table shows it: an "unclear" judgement
/// without a word of support is left out of the published risk-of-bias table (Cochrane Handbook
/// 5.0, 8.6), so it is not a judgement here either.
pub fn judged(domain: &str, judgement: Judgement, support: Option<&str>) -> Option<BiasJudgement> {
    let support = support.map(str::trim).filter(|t| !t.is_empty());
    if judgement == Judgement::Unclear && support.is_none() {
        return None;
    }
    let domain = domain.trim().trim_end_matches('?').trim();
    (!domain.is_empty()).then(|| BiasJudgement {
        domain: Text::plain(domain),
        judgement,
        support: support.map(str::to_owned),
    })
}

/// A comparison (`CMP-001`) and its analyses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    pub id: String,
    pub name: String,
    /// What a data package says the experimental and control interventions are.
    pub experimental: Option<String>,
    pub control: Option<String>,
    pub analyses: Vec<ReviewAnalysis>,
}

/// The kinds of data RevMan analyses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataKind {
    Dichotomous,
    Continuous,
    /// Generic inverse variance ("contrast level").
    Generic,
    /// O−E and variance (individual patient data, log-rank).
    OE,
}

/// One analysis (`CMP-001.01`): its settings, its rows and what RevMan computed.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewAnalysis {
    pub id: String,
    pub name: String,
    pub kind: DataKind,
    pub measure: Measure,
    /// RevMan's own name for the measure, when it is not one the dataset knows ("Ratio of means").
    pub measure_label: Option<String>,
    pub method: PoolMethod,
    pub model: EffectModel,
    pub level: f64,
    pub study_level: f64,
    pub group_labels: (Option<String>, Option<String>),
    /// Whether the left side of the forest favours the experimental arm.
    pub left_favours_experimental: Option<bool>,
    pub stored: Option<Stored>,
    pub subgroups: Vec<(String, Stored)>,
    pub subgroup_test: Option<Stored>,
    pub rows: Vec<Row>,
}

/// A study's row in an analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Matches [`ReviewStudy::id`].
    pub study: String,
    pub subgroup: Option<String>,
    pub data: RowData,
    pub stored: Option<Stored>,
}

/// A row's numbers, as entered (events already swapped when the analysis swaps them): the
/// statistics engine's own study data, so that nothing is translated twice.
pub use crate::stats::revman::{ArmMeans, StudyData as RowData};

/// A measure from RevMan's names: the attribute values (`OR`, `PETO_OR`), the data package's words
/// ("Odds Ratio") and generic-outcome labels ("Hazard Ratio"). Unknown names are `None`.
pub fn measure_from_name(name: &str) -> Option<Measure> {
    let n = name.trim().to_ascii_lowercase();
    Some(match n.as_str() {
        "or" | "peto_or" | "odds ratio" | "peto odds ratio" | "odds ratio (non-event)" => {
            Measure::Or
        }
        "rr" | "risk ratio" | "relative risk" => Measure::Rr,
        "rd" | "risk difference" => Measure::Rd,
        "md" | "mean difference" => Measure::Md,
        "smd"
        | "std. mean difference"
        | "standardized mean difference"
        | "standardised mean difference" => Measure::Smd,
        "hr" | "hazard ratio" => Measure::Hr,
        "rate ratio" | "incidence rate ratio" | "irr" => Measure::Irr,
        _ => return None,
    })
}

/// The measure an analysis pools: Peto's method on events is always an odds ratio, whatever
/// measure the file names.
pub fn pooled_measure(method: PoolMethod, kind: DataKind, measure: Measure) -> Measure {
    if method == PoolMethod::Peto && kind == DataKind::Dichotomous {
        Measure::Or
    } else {
        measure
    }
}

/// A method from RevMan's names (`MH`, `IV`, `PETO`, `Peto`, `EXP_O_E_VAR`).
pub fn method_from_name(name: &str) -> Option<PoolMethod> {
    Some(match name.trim().to_ascii_uppercase().as_str() {
        "MH" | "M-H" => PoolMethod::Mh,
        "IV" | "INVERSE" => PoolMethod::Iv,
        "PETO" | "EXP_O_E_VAR" => PoolMethod::Peto,
        _ => return None,
    })
}
