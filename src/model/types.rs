//! The dataset types.
//!
//! Serialization is derived with serde so that a dataset written by this crate reads back to the same
//! value (round trip). Reading untrusted input should go through [`crate::model::parse_json`] /
//! `crate::model::parse_csv`, which report *every* problem with a precise path; the derived
//! `Deserialize` impls are strict (`deny_unknown_fields`) and stop at the first problem.

use super::StringMap;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use super::text::Text;

use super::analysis::{Analysis, Stored};

/// The schema string this reader and writer understand. It is versioned so that a later format can be
/// told apart from this one instead of being misread.
pub const SCHEMA_V1: &str = "evidence-lens/1";

/// A string-valued enum with a fixed list of names (used by the readers for precise messages).
pub trait WireEnum: Sized + Copy + 'static {
    /// The names used in JSON and CSV.
    const NAMES: &'static [&'static str];
    /// Parses the exact name.
    fn from_name(s: &str) -> Option<Self>;
    /// The name used in JSON and CSV.
    fn as_str(self) -> &'static str;
}

/// Declares a string-valued enum with one list of wire names, used for serde, parsing and messages,
/// so the names can never drift apart.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The names used in JSON and CSV, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($wire),+];
            /// The name used in JSON and CSV.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }
            /// Parses the exact wire name.
            pub fn from_name(s: &str) -> Option<Self> {
                match s { $($wire => Some($name::$variant),)+ _ => None }
            }
        }

        impl WireEnum for $name {
            const NAMES: &'static [&'static str] = &[$($wire),+];
            fn from_name(s: &str) -> Option<Self> { $name::from_name(s) }
            fn as_str(self) -> &'static str { $name::as_str(self) }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                Self::from_name(s).ok_or_else(|| format!(
                    "unknown value \"{}\"; expected one of {}", s, Self::NAMES.join(", ")))
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                Self::from_name(&s).ok_or_else(|| serde::de::Error::unknown_variant(&s, Self::NAMES))
            }
        }
    };
}

/// For the enums of [`super::analysis`], so that every wire enum is declared the same way.
pub(crate) use wire_enum;

wire_enum! {
    /// What kind of document a study's facts come from. Readers weigh a peer-reviewed paper differently
    /// from a clinic's web page, so this must be honest.
    SourceKind {
        /// A peer-reviewed article (or its abstract).
        Paper = "paper",
        /// A trial registry record (ClinicalTrials.gov, ICTRP, ...).
        Registry = "registry",
        /// A news or advocacy summary of a study.
        News = "news",
        /// A clinic's or vendor's marketing material.
        Marketing = "marketing",
    }
}

wire_enum! {
    /// Study design, from strongest to weakest for questions of benefit. It drives the starting level of
    /// certainty and the design badges in the charts.
    Design {
        Rct = "rct",
        CrossoverRct = "crossover_rct",
        NonRandomisedControlled = "non_randomised_controlled",
        SingleArm = "single_arm",
        Cohort = "cohort",
        CaseSeries = "case_series",
        SystematicReview = "systematic_review",
        /// Not given (a CSV without a design column, a review file whose methods do not say).
        /// Never rated as randomised.
        Unknown = "unknown",
    }
}

impl Design {
    /// Whether participants were randomised (an RCT or a crossover RCT).
    pub fn is_randomised(self) -> bool {
        matches!(self, Design::Rct | Design::CrossoverRct)
    }
    /// Whether the design has no control group of its own (so any two-arm data is suspicious).
    pub fn is_uncontrolled(self) -> bool {
        matches!(self, Design::SingleArm | Design::CaseSeries)
    }
}

wire_enum! {
    /// Who was kept unaware of the allocation.
    Blinding {
        /// Participants and investigators.
        Double = "double",
        /// Participants only.
        Single = "single",
        /// Only the outcome assessors ("rater-masked").
        Rater = "rater",
        /// Nobody (open-label).
        Open = "open",
    }
}

wire_enum! {
    /// A review's judgement of one risk-of-bias domain of a study (Cochrane's tool: RevMan 5 stores
    /// "Yes" for low risk, "No" for high risk, or "Unclear"), or a source's of publication bias
    /// ([`PublicationBias`]).
    Judgement {
        Low = "low",
        High = "high",
        Unclear = "unclear",
    }
}

/// One risk-of-bias domain of a study as a review judged it, for example "Allocation concealment"
/// judged at high risk, with the review's reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BiasJudgement {
    pub domain: Text,
    pub judgement: Judgement,
    /// The review's support for the judgement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<String>,
}

/// Publication bias (GRADE's fifth domain) as a study's source judged it: `high` where its authors
/// found or suspect small-study effects (its results are rated down one level), `low` where they
/// looked and found none, `unclear` where they could not tell. Said by the data, since the words
/// of a review's limitations are not for the engine to read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicationBias {
    pub judgement: Judgement,
    /// The source's words for it, quoted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Text>,
}

wire_enum! {
    /// Whether results exist yet. Ongoing trials are shown as "results expected", never as a null result.
    StudyStatus {
        Completed = "completed",
        Ongoing = "ongoing",
    }
}

#[allow(clippy::derivable_impls)] // the enum is declared by a macro
impl Default for StudyStatus {
    fn default() -> Self {
        StudyStatus::Completed
    }
}

wire_enum! {
    /// Whether an outcome measures a benefit or a harm; the benefit-and-harm view needs both.
    OutcomeKind {
        Benefit = "benefit",
        Harm = "harm",
    }
}

wire_enum! {
    /// Which direction of the outcome is good for patients, so that "favours treatment" is drawn on
    /// the right side whatever the outcome.
    Better {
        Lower = "lower",
        Higher = "higher",
    }
}

wire_enum! {
    /// How sure we are that a number is right. Mirrors the labels of `shared/sources/trial-facts.md`.
    FactStatus {
        /// Read in the text at the cited source.
        Verified = "verified",
        /// Arithmetic on verified numbers; the formula belongs in the outcome's `note`.
        Derived = "derived",
        /// Taken from one of the bundled source documents (often a secondary copy) and not confirmed
        /// against the paper.
        SourceDocument = "source_document",
        /// Not checked. Allowed in user data (and the default there), never in the built-in dataset.
        Unverified = "unverified",
    }
}

wire_enum! {
    /// Effect measure, named as in metafor's `escalc` (plus HR and IRR for reported estimates).
    Measure {
        /// Risk ratio.
        Rr = "RR",
        /// Odds ratio.
        Or = "OR",
        /// Risk difference.
        Rd = "RD",
        /// Hazard ratio (reported estimates only).
        Hr = "HR",
        /// Incidence rate ratio / rate ratio (reported estimates only).
        Irr = "IRR",
        /// Mean difference.
        Md = "MD",
        /// Standardised mean difference.
        Smd = "SMD",
        /// Raw proportion (single arm).
        Pr = "PR",
        /// Logit-transformed proportion (single arm).
        Plo = "PLO",
        /// Generic effect given directly as `yi` with `vi` or `sei`.
        Gen = "GEN",
    }
}

impl Measure {
    /// Measures that compare the risk of an event between groups (RR, OR, RD, HR): with a
    /// baseline risk they give numbers per 100 people.
    pub fn is_risk(self) -> bool {
        matches!(self, Measure::Rr | Measure::Or | Measure::Rd | Measure::Hr)
    }
    /// Ratio measures are analysed on the log scale and must be positive when given on the natural scale.
    pub fn is_ratio(self) -> bool {
        matches!(self, Measure::Rr | Measure::Or | Measure::Hr | Measure::Irr)
    }
    /// The value of no effect on the natural scale: 1 for ratios, 0 for differences.
    pub fn null(self) -> f64 {
        if self.is_ratio() {
            1.0
        } else {
            0.0
        }
    }
    /// A value on the analysis scale put on the natural one: ratios are analysed as logs.
    pub fn natural(self, v: f64) -> f64 {
        if self.is_ratio() {
            v.exp()
        } else {
            v
        }
    }
    /// Measures that describe a single group rather than a comparison.
    pub fn is_single_arm(self) -> bool {
        matches!(self, Measure::Pr | Measure::Plo)
    }
}

wire_enum! {
    /// Who makes a claim. A clinic selling the treatment has different incentives from a researcher.
    ClaimSource {
        Clinic = "clinic",
        News = "news",
        Advocacy = "advocacy",
        Researcher = "researcher",
    }
}

wire_enum! {
    /// What a claim asserts, which decides how it is checked against the evidence.
    Assertion {
        /// The treatment works (for the outcome, if named).
        Benefit = "benefit",
        /// The treatment is safe / has no (serious) risk.
        NoRisk = "no_risk",
        /// A specific number (see `ClaimPart::value`).
        Number = "number",
    }
}

wire_enum! {
    /// Which people a claimed number describes.
    Arm {
        /// Those who had the treatment.
        Treated = "treated",
        /// The comparison group.
        Control = "control",
        /// Both groups together.
        Both = "both",
    }
}

/// A whole dataset: studies with their outcomes, and the claims to check against them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Format version, always [`SCHEMA_V1`] for this reader; a different value is rejected rather than
    /// misread.
    pub schema: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The question the dataset answers (its condition decides what counts as direct evidence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<Question>,
    /// What the engine must know about the field: therapies, conditions, outcomes and routes with
    /// their synonyms and families. Knowledge about a disease or a therapy lives here, never in code.
    #[serde(default, skip_serializing_if = "Vocabulary::is_empty")]
    pub vocabulary: Vocabulary,
    pub studies: Vec<Study>,
    #[serde(default)]
    pub claims: Vec<Claim>,
}

impl Dataset {
    /// The same dataset (its question, vocabulary and claims) with other studies: a selection
    /// of its own.
    pub fn with_studies(&self, studies: Vec<Study>) -> Dataset {
        Dataset {
            schema: self.schema.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            question: self.question.clone(),
            vocabulary: self.vocabulary.clone(),
            studies,
            claims: self.claims.clone(),
        }
    }
}

impl Default for Dataset {
    fn default() -> Self {
        Dataset {
            schema: SCHEMA_V1.to_string(),
            title: None,
            description: None,
            question: None,
            vocabulary: Vocabulary::default(),
            studies: Vec::new(),
            claims: Vec::new(),
        }
    }
}

/// The question a dataset answers: a therapy (or family) for a condition (or population).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub therapy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
}

/// A dataset's vocabulary: four lists of terms, and a glossary. Each term has a name, synonyms and
/// broader terms (a therapy's family, a population's condition, an outcome's concept), so that a
/// claim about a family is about all its members and a claim about a condition is about all its
/// populations; any term may say what its name means.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub therapies: Vec<Term>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Term>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Term>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Term>,
    /// Words of the data a reader may not know that are none of the above (the short name of a
    /// rating scale), each with its `meaning`. They take no part in matching.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<Term>,
}

impl Vocabulary {
    pub fn is_empty(&self) -> bool {
        self.therapies.is_empty()
            && self.conditions.is_empty()
            && self.outcomes.is_empty()
            && self.routes.is_empty()
            && self.glossary.is_empty()
    }
}

/// One term of a vocabulary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Unique within its list; `broader` and `stands_for` refer to terms by id.
    pub id: String,
    /// The name used in sentences ("beta blockers"), in one language or several.
    pub name: Text,
    /// Other spellings that mean this term ("beta-blockers", "BB").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Ids of broader terms: a therapy's families, a population's conditions, an outcome's concepts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub broader: Vec<String>,
    /// Outcome terms: ids of outcomes (in the studies) that measure this concept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measured_by: Vec<String>,
    /// Outcome terms: the id of the concept a surrogate stands in for ("MRI lesions" for
    /// "relapses"). Evidence on a surrogate counts for that concept only indirectly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stands_for: Option<String>,
    /// Therapy terms: whether the name is grammatically plural ("antibiotics reduce"); guessed
    /// from the name when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plural: Option<bool>,
    /// Outcome terms: measured objectively (death), so unblinded assessors cannot bias it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub objective: bool,
    /// Outcome terms: a serious harm (death, serious adverse events).
    #[serde(default, skip_serializing_if = "is_false")]
    pub serious: bool,
    /// Outcome terms: counted only when attributed to the treatment (treatment-related death),
    /// so that a study without a comparison group still says how often the treatment caused it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub attributable: bool,
    /// What the name means, for a reader who does not know it; a view whose text uses the name
    /// explains it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meaning: Option<Text>,
}

/// Where a fact can be checked. At least `text`; identifiers when they are known *and verified*.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Human-readable reference ("Uccelli et al., Lancet Neurol 2021"), in one language or
    /// several (an importer's "as included in the review").
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pmid: Option<String>,
    /// ClinicalTrials.gov identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nct: Option<String>,
    /// An http(s) link; anything else is rejected because the widget turns it into a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// File name of a bundled source document (in `shared/sources`) that the fact was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_document: Option<String>,
}

impl Citation {
    /// A citation with only its text.
    pub fn text(text: impl Into<Text>) -> Self {
        Citation {
            text: text.into(),
            ..Default::default()
        }
    }
    /// The identifiers that name one trial whatever entry reports it, each with its kind (0 DOI,
    /// 1 registry number, 2 PubMed id), trimmed and in lower case: two entries that share one
    /// report the same trial.
    pub fn trial_ids(&self) -> impl Iterator<Item = (usize, String)> + '_ {
        [&self.doi, &self.nct, &self.pmid]
            .into_iter()
            .enumerate()
            .filter_map(|(kind, v)| {
                let v = v.as_deref()?.trim();
                (!v.is_empty()).then(|| (kind, v.to_ascii_lowercase()))
            })
    }
    /// Whether it carries anything a reader could look up (an identifier, link or source document).
    pub fn is_traceable(&self) -> bool {
        self.doi.is_some()
            || self.pmid.is_some()
            || self.nct.is_some()
            || self.url.is_some()
            || self.source_document.is_some()
    }
}

/// What was given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intervention {
    /// Short name used for filtering and for matching claims ("aspirin", "ASA").
    pub therapy: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell_source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dose: Option<Text>,
}

/// One study (trial, cohort, review) and its outcomes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Study {
    /// Unique within the dataset; claims refer to it.
    pub id: String,
    /// What the charts print ("MESEMS 2021").
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    pub citation: Citation,
    pub source_kind: SourceKind,
    pub condition: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<Text>,
    pub intervention: Intervention,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparator: Option<Text>,
    pub design: Design,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blinding: Option<Blinding>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// Participants analysed or enrolled (for ongoing trials: recruited so far, if known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    /// Planned sample size, for ongoing trials and for showing "planned vs achieved".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n_planned: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<Text>,
    #[serde(default)]
    pub status: StudyStatus,
    /// Things a reader must know before trusting the numbers ("counts pool two treatment cycles").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<Text>,
    /// A systematic review's risk-of-bias judgements of the study (an imported Cochrane review's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risk_of_bias: Vec<BiasJudgement>,
    /// Publication bias as the source judged it, for a review whose authors found or suspect
    /// small-study effects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication_bias: Option<PublicationBias>,
    /// For a review: the ids of the dataset's studies whose people its results include, so that
    /// they are not counted twice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub includes: Vec<String>,
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    /// Extra CSV columns (and free-form JSON attributes) used for subgroups and meta-regression.
    #[serde(default, skip_serializing_if = "StringMap::is_empty")]
    pub moderators: StringMap,
}

impl Study {
    /// Whether its numbers may be pooled: an ongoing study's are interim at most (the validator
    /// warns of them), so neither the appraisal nor `analyze` counts them.
    pub fn has_final_results(&self) -> bool {
        self.status != StudyStatus::Ongoing
    }

    /// A completed study known by its id, label and citation alone, reported in a paper, of
    /// unknown design, with nothing else: what the CSV reader and the review importer start from
    /// before they fill in what their formats have.
    pub fn new(id: String, label: Text, citation: Citation) -> Study {
        Study {
            id,
            label,
            year: None,
            citation,
            source_kind: SourceKind::Paper,
            condition: String::new(),
            population: None,
            intervention: Intervention::default(),
            comparator: None,
            design: Design::Unknown,
            blinding: None,
            phase: None,
            n: None,
            n_planned: None,
            follow_up: None,
            status: StudyStatus::Completed,
            caveats: Vec::new(),
            risk_of_bias: Vec::new(),
            publication_bias: None,
            includes: Vec::new(),
            outcomes: Vec::new(),
            moderators: StringMap::new(),
        }
    }
}

/// One outcome of one study.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Unique within its study. Outcomes with the same id in different studies are candidates for pooling.
    pub id: String,
    pub name: Text,
    /// The article a sentence puts before the name, in each language of the name that has one
    /// ("la" for "progresión de la discapacidad", "l’" for "absence de poussée"): a statement then
    /// says "reduce la progresión de la discapacidad", where without one it names the name as an
    /// outcome in quotes ("reduce el resultado «…»"), since an article needs the noun's gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<Text>,
    pub kind: OutcomeKind,
    pub better: Better,
    /// A surrogate (e.g. MRI lesions) rather than something patients feel; lowers certainty for
    /// patient-important questions.
    #[serde(default, skip_serializing_if = "is_false")]
    pub surrogate: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timepoint: Option<Text>,
    /// The numbers, in whichever form the source gives them. `None` when results are pending or were
    /// not reported in a form that can be analysed (then `reported` says what was reported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<EffectData>,
    /// The result in words when it has no analysable form ("ARR 0.6 vs 1.1, not significant; no CI given").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<Text>,
    /// Where the numbers come from when that differs from the study's citation (boxed, as the
    /// rarely given `analysis` and `stored` are).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Box<Citation>>,
    /// How sure we are of the numbers.
    #[serde(default = "default_fact_status")]
    pub status: FactStatus,
    /// Formula for derived numbers, denominators chosen, and similar provenance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Subgroup the numbers describe (e.g. "people over 65"), when they are not the whole study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subgroup: Option<Text>,
    /// The vocabulary's outcome concept this outcome measures (a term id), when its name alone
    /// does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concept: Option<String>,
    /// How the source (an imported review) analysed this outcome across its studies: method, model,
    /// level and the pooled results it reported. Every study's copy of one outcome id is the same.
    /// Boxed, as `stored` is: only imported reviews have them, and unboxed they made every outcome
    /// nearly three times the size to move around (1,192 bytes, now 424; reading 2,000 studies took
    /// 13% fewer instructions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis: Option<Box<Analysis>>,
    /// This study's result as a source reported it (an imported review's effect, interval and
    /// weight), kept to check a re-analysis against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stored: Option<Box<Stored>>,
    /// The risk in the comparison group (GRADE's risk with the comparator), for numbers per 100
    /// people when the study gives no control-arm counts (a hazard ratio, say). Boxed, as
    /// `analysis` is: few outcomes have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Box<Baseline>>,
}

/// Whether a name (normalized) holds the end of a time point (normalized) of one unit and its
/// numbers: the last number, and the unit in the singular or the plural ("total over weeks 4, 12
/// and 24" holds "week 24", "first 24 weeks" holds "weeks 0 24"). A time of other words ("median
/// 5 years") is left to be said.
fn holds_time_end(name: &str, time: &str) -> bool {
    let is_number = |w: &&str| w.chars().all(|c| c.is_ascii_digit());
    let (numbers, units): (Vec<&str>, Vec<&str>) = time.split(' ').partition(is_number);
    let (Some(last), [unit]) = (numbers.last(), units.as_slice()) else {
        return false;
    };
    let names_unit =
        |w: &str| (w.strip_prefix(unit)).is_some_and(|rest| ["", "s", "es"].contains(&rest));
    let words: Vec<&str> = name.split(' ').collect();
    words.contains(last) && words.iter().any(|w| names_unit(w))
}

impl Outcome {
    /// Its time point in `lang` (a language code), unless its name already says it ("… at 6
    /// months", or its end in other words: "first 24 weeks" for "weeks 0-24"): what a row or a
    /// sentence adds to the name, so that the time is said once.
    pub fn time_unsaid(&self, lang: &str) -> Option<&str> {
        use super::terms::{contains_words, normalize};
        let time = self.timepoint.as_ref()?.get(lang);
        let (name, when) = (normalize(self.name.get(lang)), normalize(time));
        let said = contains_words(&name, &when) || holds_time_end(&name, &when);
        (!said && !time.trim().is_empty()).then_some(time)
    }

    /// Its name in `lang` followed by its time where the name does not say it ("Patients with at
    /// least one adverse event, weeks 0-24"), as a forest row, a comparison group's numbers and a
    /// benefit-and-harm title name it.
    pub fn name_with_time(&self, lang: &str) -> String {
        let name = self.name.get(lang);
        match self.time_unsaid(lang) {
            Some(time) => format!("{name}, {time}"),
            None => name.to_string(),
        }
    }

    /// The article before the name in `lang`, when it is given as the name is: both in `lang`
    /// itself, or both as plain strings (then in every language). A name that falls back to
    /// another language takes no article of `lang`.
    pub fn article(&self, lang: &str) -> Option<&str> {
        let article = self.article.as_ref()?;
        let plain = |t: &Text| t.languages().next().is_none();
        let given = if plain(&self.name) {
            plain(article)
        } else {
            self.name.has(lang) && article.has(lang)
        };
        given.then(|| article.get(lang))
    }

    /// An outcome known by its id, name, kind and direction alone, unverified, with nothing else:
    /// what the CSV reader and the review importer start from before they fill in what their
    /// formats have.
    pub fn new(id: String, name: Text, kind: OutcomeKind, better: Better) -> Outcome {
        Outcome {
            id,
            name,
            article: None,
            kind,
            better,
            surrogate: false,
            timepoint: None,
            data: None,
            reported: None,
            citation: None,
            status: FactStatus::Unverified,
            note: None,
            subgroup: None,
            concept: None,
            analysis: None,
            stored: None,
            baseline: None,
        }
    }

    /// The dataset's baseline risk when it gives this outcome's numbers per 100 people, or why the
    /// one given cannot, as a catalogue key (`ignored.*`; the appraisal uses it, `validate` warns
    /// about it). A relative effect applies to a baseline from elsewhere as GRADE's tables apply
    /// it; a risk difference is already absolute, and the study's own comparison group comes first.
    pub fn usable_baseline(&self) -> Result<Option<&Baseline>, &'static str> {
        let Some(baseline) = self.baseline.as_deref() else {
            return Ok(None);
        };
        let Some(data) = &self.data else {
            return Err("ignored.baseline_no_numbers");
        };
        match (data, data.measure()) {
            (EffectData::Counts(_), _) => Err("ignored.baseline_own_control"),
            (_, Measure::Rr | Measure::Or) => Ok(Some(baseline)),
            (_, Measure::Hr) if self.better == Better::Lower => Ok(Some(baseline)),
            (_, Measure::Hr) => Err("ignored.baseline_hr_better_higher"),
            _ => Err("ignored.baseline_measure"),
        }
    }
}

/// The risk of the outcome without the treatment, as GRADE's summary-of-findings tables give
/// it ("risk with the comparator"), and where it comes from: a study's comparison group, a
/// registry, a cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// A fraction strictly between 0 and 1.
    pub risk: f64,
    /// The time the risk is for ("2 years"): the numbers per 100 people are for that time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timepoint: Option<Text>,
    /// Where the figure comes from, in words a reader can check.
    pub basis: Text,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn default_fact_status() -> FactStatus {
    FactStatus::Unverified
}

/// The numbers of an outcome. The form is recognised from which fields are present (column names as
/// metafor's `escalc`); `measure` says the scale. Arm 1 is the treatment, arm 2 the control.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum EffectData {
    Counts(Counts),
    Means(Means),
    Estimate(Estimate),
    Proportion(Proportion),
    Generic(Generic),
}

impl EffectData {
    /// The measure of the data (defaults already applied).
    pub fn measure(&self) -> Measure {
        match self {
            EffectData::Counts(c) => c.measure,
            EffectData::Means(m) => m.measure,
            EffectData::Estimate(e) => e.measure,
            EffectData::Proportion(p) => p.measure,
            EffectData::Generic(g) => g.measure,
        }
    }
    /// Whether the data describe one group rather than a comparison of two.
    pub fn is_single_arm(&self) -> bool {
        matches!(self, EffectData::Proportion(_))
    }
    /// The form of the data.
    pub(crate) fn form(&self) -> Form {
        match self {
            EffectData::Counts(_) => Form::Counts,
            EffectData::Means(_) => Form::Means,
            EffectData::Estimate(_) => Form::Estimate,
            EffectData::Proportion(_) => Form::Proportion,
            EffectData::Generic(_) => Form::Generic,
        }
    }
    /// The form's name in messages: a catalogue key (`form.counts`, `form.means`, ...).
    pub fn form_name(&self) -> &'static str {
        self.form().name()
    }
}

/// The forms effect data come in, as the readers recognise them from the fields present.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    Counts,
    Means,
    Generic,
    Proportion,
    Estimate,
}

impl Form {
    /// The form's name in messages: a catalogue key (`form.counts`…).
    pub(crate) fn name(self) -> &'static str {
        match self {
            Form::Counts => "form.counts",
            Form::Means => "form.means",
            Form::Generic => "form.generic",
            Form::Proportion => "form.proportion",
            Form::Estimate => "form.estimate",
        }
    }
}

impl<'de> Deserialize<'de> for EffectData {
    /// Goes through the same converter as [`crate::model::parse_json`] so there is one definition of
    /// which fields make which form.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::model::json::deserialize_effect_data(d)
    }
}

/// Events per arm: either the full 2×2 table (`ai, bi, ci, di`) or events and totals (`ai, n1i, ci, n2i`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// RR, OR or RD.
    pub measure: Measure,
    /// Events in the treatment arm.
    pub ai: u64,
    /// Non-events in the treatment arm (2×2 form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bi: Option<u64>,
    /// Events in the control arm.
    pub ci: u64,
    /// Non-events in the control arm (2×2 form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub di: Option<u64>,
    /// Treatment arm total (events-and-totals form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n1i: Option<u64>,
    /// Control arm total (events-and-totals form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n2i: Option<u64>,
}

impl Counts {
    /// Events and totals form.
    pub fn totals(measure: Measure, ai: u64, n1i: u64, ci: u64, n2i: u64) -> Self {
        Counts {
            measure,
            ai,
            bi: None,
            ci,
            di: None,
            n1i: Some(n1i),
            n2i: Some(n2i),
        }
    }
    /// 2×2 table form.
    pub fn table(measure: Measure, ai: u64, bi: u64, ci: u64, di: u64) -> Self {
        Counts {
            measure,
            ai,
            bi: Some(bi),
            ci,
            di: Some(di),
            n1i: None,
            n2i: None,
        }
    }
    /// Treatment arm total, whichever form was given (saturating, never panics).
    pub fn n1(&self) -> u64 {
        self.n1i
            .unwrap_or_else(|| self.ai.saturating_add(self.bi.unwrap_or(0)))
    }
    /// Control arm total, whichever form was given.
    pub fn n2(&self) -> u64 {
        self.n2i
            .unwrap_or_else(|| self.ci.saturating_add(self.di.unwrap_or(0)))
    }
    /// The 2×2 table `[ai, bi, ci, di]` as numbers, whichever form was given.
    pub fn cells(&self) -> [f64; 4] {
        let b = self.n1().saturating_sub(self.ai);
        let d = self.n2().saturating_sub(self.ci);
        [self.ai as f64, b as f64, self.ci as f64, d as f64]
    }
}

/// Means, standard deviations and sizes per arm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Means {
    /// MD or SMD.
    pub measure: Measure,
    pub m1i: f64,
    pub sd1i: f64,
    pub n1i: u64,
    pub m2i: f64,
    pub sd2i: f64,
    pub n2i: u64,
}

impl Means {
    /// Mean, SD and size of the treatment arm, then of the control arm (escalc's order).
    pub fn numbers(&self) -> [f64; 6] {
        [
            self.m1i,
            self.sd1i,
            self.n1i as f64,
            self.m2i,
            self.sd2i,
            self.n2i as f64,
        ]
    }
}

/// An estimate reported with its confidence interval, on the natural scale (a ratio of 0.94, not its log).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// RR, OR, HR, IRR, MD, RD or SMD.
    pub measure: Measure,
    pub estimate: f64,
    pub ci_lb: f64,
    pub ci_ub: f64,
    /// Confidence level in percent.
    pub level: f64,
}

/// A single-arm proportion: `xi` events of `ni`, or a reported `estimate` (a fraction, 0.46 for 46 %)
/// with an optional CI and size (e.g. a pooled proportion from a single-arm meta-analysis).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proportion {
    /// PR or PLO (PLO only with `xi, ni`).
    pub measure: Measure,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub xi: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ni: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimate: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ci_lb: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ci_ub: Option<f64>,
    /// Confidence level in percent, when a CI is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<f64>,
}

impl Proportion {
    /// The proportion as a fraction, from `xi/ni` or the reported estimate.
    pub fn value(&self) -> Option<f64> {
        match (self.xi, self.ni, self.estimate) {
            (_, _, Some(e)) => Some(e),
            (Some(x), Some(n), None) if n > 0 => Some(x as f64 / n as f64),
            _ => None,
        }
    }
}

/// An effect already on the analysis scale (log for ratios), with its variance or standard error.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Generic {
    /// GEN, or the measure the `yi` values are on (e.g. RR for log risk ratios).
    pub measure: Measure,
    pub yi: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vi: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sei: Option<f64>,
}

impl Generic {
    /// The sampling variance, from `vi` or `sei²`.
    pub fn variance(&self) -> f64 {
        match (self.vi, self.sei) {
            (Some(v), _) => v,
            (None, Some(s)) => s * s,
            (None, None) => f64::NAN,
        }
    }
}

/// A statement made in public about a therapy, to be checked against the evidence.
///
/// In JSON a claim asserts one thing with `asserts` (and `outcome`, `value`, `arm`, `timeframe`,
/// `absolute`) at its top level, or several things with `parts`; either way it reads into
/// [`Claim::parts`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: String,
    /// The claim as made, quoted verbatim.
    pub text: String,
    pub by: ClaimSource,
    pub citation: Citation,
    /// The therapy or family the claim is about (a vocabulary term, or free words).
    pub therapy: String,
    /// The condition or population the claim is about.
    pub condition: String,
    /// The route of giving the therapy, when the claim names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    /// What the claim asserts; each part gets its own verdict.
    pub parts: Vec<ClaimPart>,
    /// Translations of the quote, by language (the quote itself stays as it was said).
    #[serde(default, skip_serializing_if = "StringMap::is_empty")]
    pub translation: StringMap,
    /// Ids of studies the claim cites or is about; each must exist in the dataset.
    #[serde(default)]
    pub studies: Vec<String>,
}

/// One thing a claim asserts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimPart {
    pub asserts: Assertion,
    /// The outcome it is about (a vocabulary concept, an outcome id, or free words).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// The asserted number for `asserts: number`, on the scale of the outcome's data (fractions for
    /// proportions: 0.46 for 46 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// For a number: which people it describes (the treated group by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arm: Option<Arm>,
    /// The time the claim speaks of ("5 years", "six months").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe: Option<String>,
    /// The claim's words are absolute ("halts", "no risk", "completely safe"): evidence must be
    /// able to show that much, not just an effect.
    #[serde(default, skip_serializing_if = "is_false")]
    pub absolute: bool,
    /// The words of the claim this part checks, when the claim asserts several things.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Text>,
    /// The people this part is about, when it narrows the claim's ("for those with less advanced
    /// disease"): a condition of the vocabulary within the claim's. Studies of the claim's wider
    /// population then count for the part only indirectly, and for a safety part not at all (harms
    /// are counted in the part's own people).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The time an outcome so named at `time` adds to its name, in English.
    fn unsaid(name: &str, time: &str) -> Option<String> {
        let mut o = Outcome::new("o".into(), name.into(), OutcomeKind::Benefit, Better::Lower);
        o.timepoint = Some(time.into());
        o.time_unsaid("en").map(str::to_string)
    }

    #[test]
    fn a_time_is_added_to_a_name_only_when_the_name_does_not_say_it() {
        let cases = [
            ("Events", "weeks 0-24", Some("weeks 0-24")),
            ("Events at 6 months", "6 months", None),
            // The time's end, in other words: its last number and its unit, singular or plural.
            ("Lesions, total over weeks 4, 12 and 24", "week 24", None),
            ("Relapse rate, first 24 weeks", "weeks 0-24", None),
            ("Events in the first year", "1 year", Some("1 year")),
            // Another number, another unit, or a unit that only begins a word: still said.
            ("Lesions over weeks 4 and 12", "week 24", Some("week 24")),
            ("Score at 24 months", "week 24", Some("week 24")),
            ("Weekly doses, 24 in all", "week 24", Some("week 24")),
            // A time of more words than a unit and numbers is not guessed at.
            (
                "Survival over 5 years",
                "median 5 years",
                Some("median 5 years"),
            ),
        ];
        for (name, time, added) in cases {
            assert_eq!(unsaid(name, time).as_deref(), added, "{name} at {time}");
        }
    }
}
