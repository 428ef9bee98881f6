//! Problems found while reading or validating a dataset.
//!
//! Every problem is an [`Issue`] (a typed kind, so code can reason about it) in a [`Problem`] with
//! a precise path (`studies[2].outcomes[0].ci`, `row 4, column n1i`), because that
//! path-plus-words form is what editors read and what the CLI prints.

use std::fmt;

use serde::Serialize;

use super::types::{Dataset, Design, Measure};
use crate::i18n::{checked, say, t, Lang};

/// One error or warning: where, and what is wrong. Said in English by `Display` and serialized as
/// `{path, message}` in English (the command line's form); the widget and the table converter say
/// it in the reader's language ([`Problem::said`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// `studies[2].outcomes[0].ci`, `claims[1].studies[0]`, `row 4, column n1i`; empty for the whole input.
    pub path: String,
    pub issue: Issue,
}

/// A problem in words: where, and what is wrong, in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Said {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, issue: Issue) -> Self {
        Problem {
            path: path.into(),
            issue,
        }
    }

    /// What is wrong, in English.
    pub fn message(&self) -> String {
        self.issue.message(Lang::En)
    }

    /// Each of `problems` in `lang`, as the widget and the table converter hand them to the page.
    pub fn said_all(problems: &[Problem], lang: Lang) -> Vec<Said> {
        problems.iter().map(|p| p.said(lang)).collect()
    }

    /// The problem in `lang`: its place as `place` says it, and what is wrong.
    pub fn said(&self, lang: Lang) -> Said {
        Said {
            path: place(lang, &self.path),
            message: self.issue.message(lang),
        }
    }
}

/// A problem's place in `lang`: a table's rows and column (`row 4, column n1i`, `rows 2–5`) in
/// the language's words; a JSON path as the file spells its fields.
pub fn place(lang: Lang, path: &str) -> String {
    #[cfg(feature = "table")]
    if lang != Lang::En {
        let (rows, column) = match path.split_once(", column ") {
            Some((rows, column)) => (rows, Some(column)),
            None => (path, None),
        };
        let rows = match (rows.strip_prefix("rows "), rows.strip_prefix("row ")) {
            (Some(rows), _) => Some(say!(lang, "place.rows", rows)),
            (None, Some(row)) => Some(say!(lang, "place.row", row)),
            (None, None) => None,
        };
        match (rows, column) {
            (Some(place), Some(column)) => return say!(lang, "place.column", place, column),
            (Some(place), None) => return place,
            (None, _) => {}
        }
    }
    let _ = lang;
    path.to_string()
}

/// `message` with the rows it left out (`: 3 rows left out (2–4)`).
#[cfg(feature = "table")]
fn left_out(lang: Lang, message: String, count: usize, rows: &str) -> String {
    match count {
        1 => say!(lang, "problem.rows_left_out_one", message, rows),
        _ => say!(lang, "problem.rows_left_out", message, count, rows),
    }
}

impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.said(Lang::En).serialize(serializer)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = self.message();
        if self.path.is_empty() {
            f.write_str(&message)
        } else {
            write!(f, "{}: {message}", self.path)
        }
    }
}

/// The result of reading a dataset: whatever could be kept, plus every problem found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// Everything that can still be shown: studies, outcomes and claims with errors are left out, the
    /// rest is kept. `None` only when nothing usable could be read (not JSON, too large, wrong schema...).
    pub dataset: Option<Dataset>,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Parsed {
    /// True when there are no errors (warnings allowed).
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty() && self.dataset.is_some()
    }
}

/// A JSON syntax error's likely cause, told from the text where it stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SyntaxHint {
    /// `//` or `/*`.
    Comment,
    /// Quotes as a word processor types them (U+201C, U+201D, U+2018, U+2019).
    CurlyQuote,
    /// `'`.
    SingleQuote,
    /// The text ends inside an object, an array or a string.
    EndsEarly,
}

/// A kind of problem, said in words by [`Issue::message`] (English by `Display`).
#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    // ---- whole input ----
    /// The input is larger than [`super::MAX_INPUT_BYTES`].
    TooLarge { bytes: usize, limit: usize },
    /// More studies than [`super::MAX_STUDIES`].
    TooManyStudies { count: usize, limit: usize },
    /// Bytes that are not UTF-8.
    InvalidUtf8 { offset: usize },
    /// The input is empty or only whitespace.
    Empty,
    /// JSON syntax error.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
        /// What the text at the error looks like, when it is a mistake people make.
        hint: Option<SyntaxHint>,
    },
    /// JSON nested deeper than serde_json's recursion limit.
    TooDeep { line: usize, column: usize },
    /// `NaN` / `Infinity` written as a bare JSON literal.
    NonFiniteLiteral {
        literal: String,
        line: usize,
        column: usize,
    },
    /// The `schema` field names a version this reader does not know.
    UnknownSchema { found: String },
    /// No `schema` field.
    MissingSchema,
    /// The same key twice in one JSON object (the later one would silently win).
    DuplicateKey { key: String },

    // ---- shape ----
    /// A value of the wrong JSON type (`expected a whole number, found "2019a"`). `expected` is a
    /// catalogue key (`expect.*`), as are the other `&'static str` fields said in words (`form`,
    /// `why`); field names are not.
    WrongType {
        expected: &'static str,
        found: Found,
    },
    /// A number given as a string that looks like a number.
    QuotedNumber {
        expected: &'static str,
        found: String,
    },
    /// A required field is absent.
    MissingField { field: &'static str },
    /// A field that this format does not have.
    UnknownField {
        field: String,
        suggestion: Option<&'static str>,
        allowed: &'static [&'static str],
    },
    /// An enum-like string that is not one of the allowed values.
    UnknownValue {
        what: &'static str,
        found: String,
        allowed: &'static [&'static str],
    },
    /// An empty string where text is needed.
    EmptyText,
    /// A link that is not http(s).
    BadUrl { found: String },

    // ---- numbers ----
    /// `"NaN"`, `"Infinity"` and similar where a number is needed.
    NotFinite { found: String },
    /// A count that is negative or has a fraction (JSON).
    NotACount { found: String },
    #[cfg(feature = "table")]
    /// CSV cell that is not a count.
    CsvNotCount {
        cell: String,
        reason: Option<&'static str>,
    },
    #[cfg(feature = "table")]
    /// CSV cell that is not a number.
    CsvNotNumber {
        cell: String,
        reason: Option<&'static str>,
    },
    #[cfg(feature = "table")]
    /// Spreadsheet-formula-like cell in a numeric column.
    FormulaLike { cell: String },
    /// A number outside the allowed range.
    OutOfRange { value: f64, expected: &'static str },

    // ---- effect data ----
    /// The fields do not identify a data form.
    UnknownDataForm { fields: Vec<String> },
    /// Fields of two data forms mixed.
    MixedDataForms {
        first: &'static str,
        second: &'static str,
    },
    /// 2×2 cells mixed with arm totals.
    MixedCountForms,
    /// Both of two alternatives given.
    BothGiven { a: &'static str, b: &'static str },
    /// Neither of two alternatives given.
    NeitherGiven { a: &'static str, b: &'static str },
    /// A measure that the data form cannot have.
    MeasureNotForForm {
        measure: String,
        form: &'static str,
        allowed: &'static [&'static str],
    },
    /// More events than participants.
    EventsExceedTotal {
        events_field: &'static str,
        events: u64,
        total_field: &'static str,
        total: u64,
    },
    /// An arm with nobody in it.
    EmptyArm { field: &'static str },
    /// Lower CI bound above the estimate.
    LowerAboveEstimate { lb: f64, estimate: f64 },
    /// Upper CI bound below the estimate.
    UpperBelowEstimate { ub: f64, estimate: f64 },
    /// Lower CI bound above the upper bound.
    LowerAboveUpper { lb: f64, ub: f64 },
    /// A ratio (or its CI bound) that is zero or negative.
    NotPositiveRatio { value: f64, measure: Measure },
    /// A ratio estimate far outside what trials find (below 0.001 or above 1,000).
    ImplausibleRatio { value: f64, measure: Measure },
    /// Standard deviation zero or negative.
    SdNotPositive { value: f64 },
    /// Variance or standard error zero or negative.
    VarianceNotPositive { field: &'static str, value: f64 },
    /// A proportion outside 0..1.
    ProportionOutOfRange { value: f64 },
    /// A risk difference outside −1..1.
    RiskDifferenceOutOfRange { value: f64 },
    /// A confidence level outside (0, 100).
    BadLevel { value: f64 },
    /// A confidence level written as a fraction (0.95) rather than in percent.
    LevelAsFraction { value: f64 },
    /// Too few participants for the measure.
    TooFewForMeasure {
        field: &'static str,
        n: u64,
        measure: Measure,
        min: u64,
    },

    // ---- references ----
    /// An id used twice.
    DuplicateId { id: String, first: String },
    /// A claim cites a study that is not in the dataset.
    UnknownStudy { id: String },
    /// A claim cites a study that was left out because of its errors.
    StudyLeftOut { id: String },
    /// A study that is not a review says which studies it includes.
    IncludesNotReview,
    /// A review lists itself among the studies it includes.
    IncludesItself,
    /// Reviews include each other (directly, or through others they include).
    IncludesEachOther { id: String },
    /// `asserts: number` without a value.
    NumberClaimWithoutValue,
    /// A key of a text's language map that is not a language code.
    NotALanguage { code: String },
    /// A reference to a vocabulary term that the list does not have.
    UnknownTerm { list: &'static str, id: String },
    /// An outcome's `concept` that is neither a term of the dataset's outcomes nor a generic
    /// concept.
    UnknownConcept { id: String },
    /// A claim part's `condition` that is not a vocabulary condition within the claim's.
    NotWithinClaim { condition: String, claim: String },

    // ---- CSV ----
    #[cfg(feature = "table")]
    /// The CSV has no `study` column.
    MissingColumn { column: &'static str },
    #[cfg(feature = "table")]
    /// A column name appears twice.
    DuplicateColumn {
        column: String,
        first: usize,
        second: usize,
    },
    #[cfg(feature = "table")]
    /// A row with more or fewer cells than the header.
    RowLength {
        found: usize,
        expected: usize,
        /// The row has more cells than the header in a file separated by commas, as an unquoted
        /// comma in a name or a number makes ("0,5" as "0" and "5").
        comma_split: bool,
        /// How many lines after the row's first a cell took in: a quotation mark that is never
        /// closed runs the rows after it into one cell (0 when no cell holds a line break).
        lines_taken: usize,
    },
    #[cfg(feature = "table")]
    /// A row with one cell filled and nothing else: a note, not a study (its first 60 characters).
    NoteRow { text: String },
    #[cfg(feature = "table")]
    /// A row whose study is named as a table's totals are ("Total (95% CI)", "Subtotal"): the sum
    /// of the rows above, whose people would be counted twice.
    TotalsRow { name: String },
    #[cfg(feature = "table")]
    /// A row with no outcome in a table whose other rows name theirs.
    EmptyOutcome,
    #[cfg(feature = "table")]
    /// An outcome named as an earlier row's but for case or a plural ("Relapses", "relapse"):
    /// two outcomes, whose studies are not pooled together.
    NearOutcome {
        outcome: String,
        other: String,
        row: usize,
    },
    #[cfg(feature = "table")]
    /// An outcome said to be better lower in one row and higher in another.
    MixedBetter { outcome: String, row: usize },
    #[cfg(feature = "table")]
    /// A cell of an extra column that holds an estimate with its interval ("0.80 (0.60-1.05)"), in a
    /// table with no column of numbers: the numbers the chart needs, in one cell it cannot read.
    EstimateWithInterval { cell: String },
    #[cfg(feature = "table")]
    /// CSV-level read error.
    CsvRead { detail: String },
    #[cfg(feature = "table")]
    /// A study-level cell disagrees with an earlier row of the same study.
    ConflictingCell {
        value: String,
        earlier: String,
        row: usize,
    },
    #[cfg(feature = "table")]
    /// A default measure (e.g. from `--measure`) that does not fit the row's data.
    DefaultMeasureNotForForm {
        measure: Measure,
        form: &'static str,
        allowed: &'static [&'static str],
    },
    #[cfg(feature = "table")]
    /// An empty CSV cell that the row's data form needs.
    EmptyCell { form: &'static str },
    #[cfg(feature = "table")]
    /// A filled CSV cell that the row's data form does not use.
    CellNotForForm { form: &'static str },
    #[cfg(feature = "table")]
    /// A CSV cell that is not what the column holds.
    CsvBad {
        cell: String,
        expected: &'static str,
    },
    #[cfg(feature = "table")]
    /// A CSV row gives an outcome that an earlier row gave the same study.
    RepeatedOutcome {
        study: String,
        outcome: String,
        first: String,
    },
    #[cfg(feature = "table")]
    /// A CSV header that is not a known column but nearly spells one.
    UnknownColumnLike { header: String, like: &'static str },
    #[cfg(feature = "table")]
    /// An empty CSV cell in a column the row's other numbers need.
    EmptyNeeded,
    #[cfg(feature = "table")]
    /// A CSV without an `outcome` column names the same study twice.
    RepeatedStudyName {
        name: String,
        row: usize,
        id: String,
    },
    #[cfg(feature = "table")]
    /// A defaulted study-level fact, said once.
    AssumedColumn {
        column: &'static str,
        assumed: &'static str,
    },
    #[cfg(feature = "table")]
    /// Bytes that are neither UTF-8 nor Windows-1252 text (CSV).
    NotText {
        utf8_offset: usize,
        /// The first byte no text file has, and where.
        binary: Option<(usize, u8)>,
    },
    #[cfg(feature = "table")]
    /// UTF-16 with a byte-order mark that breaks off or pairs its surrogates wrongly (`offset`
    /// counts the mark).
    BrokenUtf16 { offset: usize },
    #[cfg(feature = "table")]
    /// A spreadsheet program's own file (`kind`: `workbook.xlsx`, a catalogue key), not a table saved
    /// as text.
    Workbook { kind: &'static str },
    #[cfg(feature = "table")]
    /// A CSV that is not UTF-8 was read as Windows-1252.
    ReadAsWindows1252,
    #[cfg(feature = "table")]
    /// The CSV's columns are separated by semicolons or tabs.
    Separator { name: &'static str, sep_line: bool },
    #[cfg(feature = "table")]
    /// A header read as one of the known columns.
    ReadColumnAs {
        header: String,
        column: &'static str,
        meaning: &'static str,
        measure: Option<Measure>,
    },
    #[cfg(feature = "table")]
    /// A header that would mean a known column already given by another header.
    KeptAsModerator {
        header: String,
        column: &'static str,
        taken_by: String,
    },
    #[cfg(feature = "table")]
    /// No header names a data column.
    NoDataColumns { moderators: Vec<String> },
    #[cfg(feature = "table")]
    /// A file with decimal commas also has numbers with a decimal point.
    MixedDecimalMarks {
        comma: String,
        comma_at: String,
        point: String,
    },
    #[cfg(feature = "table")]
    /// Rows need a column that the header does not have; said once.
    MissingColumnFor {
        column: String,
        /// What the column holds (a catalogue key, `column.n2i`; empty for a column without one).
        meaning: &'static str,
        or: Option<String>,
        form: Option<&'static str>,
        count: usize,
        rows: String,
    },
    #[cfg(feature = "table")]
    /// No cell of a column can be read as what the column holds; said once, with the first
    /// cell's issue. `expected` is a catalogue key, which may name `what`.
    WholeColumn {
        first: Box<Issue>,
        expected: &'static str,
        what: &'static str,
        count: usize,
        rows: String,
    },
    #[cfg(feature = "table")]
    /// The design is not given (no design column, or an empty cell).
    DesignNotGiven { column_missing: bool },

    // ---- warnings ----
    /// A study without outcomes.
    NoOutcomes,
    /// Completed study, outcome without data or reported result.
    NoDataForCompleted,
    /// Ongoing study with results.
    DataForOngoing,
    /// Single-arm data among comparative data for the same outcome id.
    SingleArmMixed { outcome: String, other: String },
    /// Two-arm data in a study designed without a control group.
    ComparativeInUncontrolled { design: Design },
    /// No events in either arm.
    NoEventsEitherArm,
    /// Every participant had the event in both arms.
    AllEventsBothArms,
    /// A year that is unlikely to be right.
    UnlikelyYear { year: u16 },
    /// Derived numbers without the formula in `note`.
    DerivedWithoutNote,
    /// A hazard ratio's baseline risk without the time it is for.
    BaselineWithoutTime,
    /// An interval at a level other than 95%, shown as the 95% interval it implies.
    ShownAt95 { level: f64 },
    /// A proportion of 0 or 1 with an interval at another level than 95% and no number of
    /// people: no 95% interval can be worked out, so none is shown.
    NotShownAt95 { level: f64 },
    /// Something given that has no effect here.
    Ignored {
        what: &'static str,
        why: &'static str,
    },
    /// An issue with the ids of the study, outcome or claim its path runs through
    /// (`study "smith_2019", outcome "death"`; see `json::name_places`).
    In { places: String, issue: Box<Issue> },
}

/// What stands where a value of another kind was expected: the value as the file writes it, or
/// its kind (a catalogue key: `expect.array`).
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Value(String),
    Kind(&'static str),
}

/// Formats a number the way people write them in papers: at least two decimals (1.70, 0.94), but never
/// fewer digits than needed (0.004 stays 0.004).
pub fn fmt_num(x: f64) -> String {
    if !x.is_finite() {
        return format!("{x}");
    }
    let s = format!("{x}");
    if s.contains('e') {
        return s;
    }
    match s.find('.') {
        None => format!("{s}.00"),
        Some(p) if s.len() - p - 1 < 2 => format!("{s}{}", "0".repeat(2 - (s.len() - p - 1))),
        Some(_) => s,
    }
}

fn list(items: &[&str]) -> String {
    items.join(", ")
}

/// serde_json's description of a syntax error in `lang`: its messages are the catalogue's
/// `json.*` rows, in English as serde_json writes them.
fn syntax_detail(lang: Lang, detail: &str) -> &str {
    (crate::i18n::keys())
        .find(|key| key.starts_with("json.") && t(Lang::En, key) == detail)
        .map_or(detail, |key| t(lang, key))
}

/// A number as [`fmt_num`] writes it, written only when the message is.
struct Num(f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&fmt_num(self.0))
    }
}

impl Issue {
    /// The problem in words, in `lang` (English is its `Display`): the texts are the message
    /// catalogue's `problem.*` rows, filled with what the issue holds.
    pub fn message(&self, lang: Lang) -> String {
        use Issue::*;
        let n = |x: &f64| Num(*x);
        let phrase = |key: &str| t(lang, checked(key));
        match self {
            TooLarge { bytes, limit } => say!(lang, "problem.too_large", bytes, limit),
            TooManyStudies { count, limit } => say!(lang, "problem.too_many_studies", count, limit),
            InvalidUtf8 { offset } => say!(lang, "problem.invalid_utf8", offset),
            Empty => say!(lang, "problem.empty"),
            Syntax {
                line,
                column,
                detail,
                hint,
            } => {
                let detail = syntax_detail(lang, detail);
                let message = say!(lang, "problem.syntax", line, column, detail);
                let hint = match hint {
                    None => return message,
                    Some(SyntaxHint::Comment) => "problem.hint.comment",
                    Some(SyntaxHint::CurlyQuote) => "problem.hint.curly_quote",
                    Some(SyntaxHint::SingleQuote) => "problem.hint.single_quote",
                    Some(SyntaxHint::EndsEarly) => "problem.hint.ends_early",
                };
                format!("{message} ({})", phrase(hint))
            }
            TooDeep { line, column } => say!(lang, "problem.too_deep", line, column),
            NonFiniteLiteral {
                literal,
                line,
                column,
            } => {
                say!(lang, "problem.non_finite_literal", literal, line, column)
            }
            UnknownSchema { found } => {
                say!(
                    lang,
                    "problem.unknown_schema",
                    found,
                    schema = super::types::SCHEMA_V1
                )
            }
            MissingSchema => say!(
                lang,
                "problem.missing_schema",
                schema = super::types::SCHEMA_V1
            ),
            DuplicateKey { key } => say!(lang, "problem.duplicate_key", key),
            WrongType { expected, found } => {
                let found = match found {
                    Found::Value(value) => value,
                    Found::Kind(kind) => phrase(kind),
                };
                say!(
                    lang,
                    "problem.wrong_type",
                    expected = phrase(expected),
                    found
                )
            }
            QuotedNumber { expected, found } => {
                say!(
                    lang,
                    "problem.quoted_number",
                    expected = phrase(expected),
                    found
                )
            }
            MissingField { field } => say!(lang, "problem.missing_field", field),
            UnknownField {
                field,
                suggestion,
                allowed,
            } => match suggestion {
                Some(like) => say!(lang, "problem.unknown_field_like", field, like),
                None => say!(
                    lang,
                    "problem.unknown_field",
                    field,
                    allowed = list(allowed)
                ),
            },
            UnknownValue {
                what,
                found,
                allowed,
            } => {
                // "RCT", "single-arm": a value written as people write it, not as the format does.
                let what = phrase(what);
                match allowed.iter().find(|a| folded(a).eq(folded(found.trim()))) {
                    Some(like) => say!(lang, "problem.unknown_value_like", what, found, like),
                    None => say!(
                        lang,
                        "problem.unknown_value",
                        what,
                        found,
                        allowed = list(allowed)
                    ),
                }
            }
            EmptyText => say!(lang, "problem.empty_text"),
            BadUrl { found } => say!(lang, "problem.bad_url", found),
            NotFinite { found } => say!(lang, "problem.not_finite", found),
            NotACount { found } => say!(lang, "problem.not_a_count", found),
            OutOfRange { value, expected } => {
                say!(
                    lang,
                    "problem.out_of_range",
                    value = n(value),
                    expected = phrase(expected)
                )
            }
            UnknownDataForm { fields } => say!(
                lang,
                "problem.unknown_data_form",
                fields = fields.join(", ")
            ),
            MixedDataForms { first, second } => {
                say!(
                    lang,
                    "problem.mixed_data_forms",
                    first = phrase(first),
                    second = phrase(second)
                )
            }
            MixedCountForms => say!(lang, "problem.mixed_count_forms"),
            BothGiven { a, b } => say!(lang, "problem.both_given", a, b),
            NeitherGiven { a, b } => say!(lang, "problem.neither_given", a, b),
            MeasureNotForForm {
                measure,
                form,
                allowed,
            } => say!(
                lang,
                "problem.measure_not_for_form",
                measure,
                form = phrase(form),
                allowed = list(allowed)
            ),
            EventsExceedTotal {
                events_field,
                events,
                total_field,
                total,
            } => {
                say!(
                    lang,
                    "problem.events_exceed_total",
                    events,
                    events_field,
                    total,
                    total_field
                )
            }
            EmptyArm { field } => say!(lang, "problem.empty_arm", field),
            LowerAboveEstimate { lb, estimate } => {
                say!(
                    lang,
                    "problem.lower_above_estimate",
                    lb = n(lb),
                    estimate = n(estimate)
                )
            }
            UpperBelowEstimate { ub, estimate } => {
                say!(
                    lang,
                    "problem.upper_below_estimate",
                    ub = n(ub),
                    estimate = n(estimate)
                )
            }
            LowerAboveUpper { lb, ub } => {
                say!(lang, "problem.lower_above_upper", lb = n(lb), ub = n(ub))
            }
            ImplausibleRatio { value, measure } => {
                say!(lang, "problem.implausible_ratio", measure, value = n(value))
            }
            NotPositiveRatio { value, measure } => {
                say!(
                    lang,
                    "problem.not_positive_ratio",
                    value = n(value),
                    measure
                )
            }
            SdNotPositive { value } => say!(lang, "problem.sd_not_positive", value = n(value)),
            VarianceNotPositive { field, value } => {
                say!(
                    lang,
                    "problem.variance_not_positive",
                    field,
                    value = n(value)
                )
            }
            ProportionOutOfRange { value } => {
                say!(lang, "problem.proportion_out_of_range", value = n(value))
            }
            RiskDifferenceOutOfRange { value } => {
                say!(
                    lang,
                    "problem.risk_difference_out_of_range",
                    value = n(value)
                )
            }
            BadLevel { value } => say!(lang, "problem.bad_level", value = n(value)),
            LevelAsFraction { value } => say!(lang, "problem.level_as_fraction", value),
            TooFewForMeasure {
                field,
                n,
                measure,
                min,
            } => {
                say!(lang, "problem.too_few_for_measure", field, n, measure, min)
            }
            DuplicateId { id, first } => {
                say!(lang, "problem.duplicate_id", id, first = place(lang, first))
            }
            UnknownStudy { id } => say!(lang, "problem.unknown_study", id),
            IncludesItself => say!(lang, "problem.includes_itself"),
            IncludesEachOther { id } => say!(lang, "problem.includes_each_other", id),
            IncludesNotReview => say!(lang, "problem.includes_not_review"),
            NotALanguage { code } => say!(lang, "problem.not_a_language", code),
            UnknownTerm { list, id } => say!(lang, "problem.unknown_term", list, id),
            NotWithinClaim { condition, claim } => {
                say!(lang, "problem.not_within_claim", condition, claim)
            }
            UnknownConcept { id } => {
                let generic: Vec<&str> = super::generic_concepts()
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect();
                say!(
                    lang,
                    "problem.unknown_concept",
                    id,
                    generic = generic.join(", ")
                )
            }
            StudyLeftOut { id } => say!(lang, "problem.study_left_out", id),
            NumberClaimWithoutValue => say!(lang, "problem.number_claim_without_value"),
            NoOutcomes => say!(lang, "problem.no_outcomes"),
            NoDataForCompleted => say!(lang, "problem.no_data_for_completed"),
            DataForOngoing => say!(lang, "problem.data_for_ongoing"),
            SingleArmMixed { outcome, other } => {
                say!(
                    lang,
                    "problem.single_arm_mixed",
                    outcome,
                    other = place(lang, other)
                )
            }
            ComparativeInUncontrolled { design } => {
                say!(lang, "problem.comparative_in_uncontrolled", design)
            }
            NoEventsEitherArm => say!(lang, "problem.no_events_either_arm"),
            AllEventsBothArms => say!(lang, "problem.all_events_both_arms"),
            UnlikelyYear { year } => say!(lang, "problem.unlikely_year", year),
            DerivedWithoutNote => say!(lang, "problem.derived_without_note"),
            BaselineWithoutTime => say!(lang, "problem.baseline_without_time"),
            ShownAt95 { level } => say!(lang, "problem.shown_at_95", level),
            NotShownAt95 { level } => say!(lang, "problem.not_shown_at_95", level),
            Ignored { what, why } => say!(lang, "problem.ignored", what, why = phrase(why)),
            In { places, issue } => say!(lang, "problem.in", places, message = issue.message(lang)),
            #[cfg(feature = "table")]
            CsvNotCount { cell, reason } | CsvNotNumber { cell, reason } => {
                let count = matches!(self, CsvNotCount { .. });
                match (count, reason) {
                    (true, None) => say!(lang, "problem.csv_not_count", cell),
                    (false, None) => say!(lang, "problem.csv_not_number", cell),
                    (true, Some(r)) => say!(
                        lang,
                        "problem.csv_not_count_because",
                        cell,
                        reason = phrase(r)
                    ),
                    (false, Some(r)) => say!(
                        lang,
                        "problem.csv_not_number_because",
                        cell,
                        reason = phrase(r)
                    ),
                }
            }
            #[cfg(feature = "table")]
            FormulaLike { cell } => say!(lang, "problem.formula_like", cell),
            #[cfg(feature = "table")]
            MissingColumn { column: "study" } => say!(lang, "problem.missing_study_column"),
            #[cfg(feature = "table")]
            MissingColumn { column } => say!(lang, "problem.missing_column", column),
            #[cfg(feature = "table")]
            DuplicateColumn {
                column,
                first,
                second,
            } => {
                say!(lang, "problem.duplicate_column", column, first, second)
            }
            #[cfg(feature = "table")]
            RowLength {
                found,
                expected,
                comma_split,
                lines_taken,
            } => {
                let mut message = match found {
                    1 => say!(lang, "problem.row_length_one", expected),
                    _ => say!(lang, "problem.row_length", found, expected),
                };
                let mut aside = |key| {
                    message.push_str(" (");
                    message.push_str(&say!(lang, key, lines = lines_taken));
                    message.push(')');
                };
                match lines_taken {
                    0 => {}
                    1 => aside("problem.row_length.open_quote_one"),
                    _ => aside("problem.row_length.open_quote"),
                }
                if *comma_split {
                    aside("problem.row_length.comma");
                }
                say!(lang, "problem.row_skipped", message)
            }
            #[cfg(feature = "table")]
            TotalsRow { name } => say!(lang, "problem.totals_row", name),
            #[cfg(feature = "table")]
            EmptyOutcome => say!(lang, "problem.empty_outcome"),
            #[cfg(feature = "table")]
            NearOutcome {
                outcome,
                other,
                row,
            } => say!(lang, "problem.near_outcome", outcome, other, row),
            #[cfg(feature = "table")]
            MixedBetter { outcome, row } => say!(lang, "problem.mixed_better", outcome, row),
            #[cfg(feature = "table")]
            EstimateWithInterval { cell } => say!(lang, "problem.estimate_with_interval", cell),
            #[cfg(feature = "table")]
            NoteRow { text } => say!(lang, "problem.note_row", text),
            #[cfg(feature = "table")]
            CsvRead { detail } => say!(lang, "problem.csv_read", detail),
            #[cfg(feature = "table")]
            ConflictingCell {
                value,
                earlier,
                row,
            } => {
                say!(lang, "problem.conflicting_cell", value, earlier, row)
            }
            #[cfg(feature = "table")]
            DefaultMeasureNotForForm {
                measure,
                form,
                allowed,
            } => say!(
                lang,
                "problem.default_measure_not_for_form",
                measure,
                form = phrase(form),
                allowed = list(allowed)
            ),
            #[cfg(feature = "table")]
            EmptyCell { form } => say!(lang, "problem.empty_cell", form = phrase(form)),
            #[cfg(feature = "table")]
            CellNotForForm { form } => say!(lang, "problem.cell_not_for_form", form = phrase(form)),
            #[cfg(feature = "table")]
            CsvBad { cell, expected } => {
                say!(lang, "problem.csv_bad", cell, expected = phrase(expected))
            }
            #[cfg(feature = "table")]
            RepeatedStudyName { name, row, id } => {
                say!(lang, "problem.repeated_study_name", name, row, id)
            }
            #[cfg(feature = "table")]
            RepeatedOutcome {
                study,
                outcome,
                first,
            } => {
                say!(
                    lang,
                    "problem.repeated_outcome",
                    study,
                    outcome,
                    first = place(lang, first)
                )
            }
            #[cfg(feature = "table")]
            UnknownColumnLike { header, like } => {
                say!(lang, "problem.unknown_column_like", header, like)
            }
            #[cfg(feature = "table")]
            EmptyNeeded => say!(lang, "problem.empty_needed"),
            #[cfg(feature = "table")]
            AssumedColumn { column, assumed } => {
                say!(
                    lang,
                    "problem.assumed_column",
                    column,
                    assumed = phrase(assumed)
                )
            }
            #[cfg(feature = "table")]
            NotText {
                utf8_offset: offset,
                binary: Some((at, byte)),
            } => {
                say!(
                    lang,
                    "problem.not_text_binary",
                    offset,
                    byte = format!("0x{byte:02X}"),
                    at
                )
            }
            #[cfg(feature = "table")]
            NotText {
                utf8_offset: offset,
                binary: None,
            } => say!(lang, "problem.not_text_mixed", offset),
            #[cfg(feature = "table")]
            BrokenUtf16 { offset } => say!(lang, "problem.broken_utf16", offset),
            #[cfg(feature = "table")]
            Workbook { kind } => say!(lang, "problem.workbook", kind = phrase(kind)),
            #[cfg(feature = "table")]
            ReadAsWindows1252 => say!(lang, "problem.read_as_windows_1252"),
            #[cfg(feature = "table")]
            Separator {
                name,
                sep_line: false,
            } => say!(lang, "problem.separator", name = phrase(name)),
            #[cfg(feature = "table")]
            Separator {
                name,
                sep_line: true,
            } => say!(lang, "problem.separator_line", name = phrase(name)),
            #[cfg(feature = "table")]
            ReadColumnAs {
                header,
                column,
                meaning,
                measure,
            } => match measure {
                None => say!(
                    lang,
                    "problem.read_column_as",
                    header,
                    column,
                    meaning = phrase(meaning)
                ),
                Some(measure) => say!(
                    lang,
                    "problem.read_column_as_measure",
                    header,
                    column,
                    meaning = phrase(meaning),
                    measure
                ),
            },
            #[cfg(feature = "table")]
            KeptAsModerator {
                header,
                column,
                taken_by,
            } => {
                say!(lang, "problem.kept_as_moderator", header, column, taken_by)
            }
            #[cfg(feature = "table")]
            NoDataColumns { moderators } => {
                let message = say!(lang, "problem.no_data_columns");
                if moderators.is_empty() {
                    return message;
                }
                let mut shown: Vec<String> = moderators
                    .iter()
                    .take(8)
                    .map(|m| format!("\"{m}\""))
                    .collect();
                if moderators.len() > 8 {
                    shown.push("…".to_string());
                }
                say!(
                    lang,
                    "problem.extra_columns",
                    message,
                    columns = shown.join(", ")
                )
            }
            #[cfg(feature = "table")]
            MixedDecimalMarks {
                comma,
                comma_at,
                point,
            } => {
                say!(
                    lang,
                    "problem.mixed_decimal_marks",
                    point,
                    comma,
                    comma_at = place(lang, comma_at)
                )
            }
            #[cfg(feature = "table")]
            MissingColumnFor {
                column,
                meaning,
                or,
                form,
                count,
                rows,
            } => {
                // Named as the template names it, where its own name is an abbreviation.
                let mut message = match (super::csv::template_header(column), *meaning) {
                    ("", "") => say!(lang, "problem.missing_column_for", column),
                    ("", meaning) => {
                        say!(
                            lang,
                            "problem.missing_column_for_meaning",
                            column,
                            meaning = phrase(meaning)
                        )
                    }
                    (header, meaning) => say!(
                        lang,
                        "problem.missing_column_for_header",
                        header,
                        column,
                        meaning = phrase(meaning)
                    ),
                };
                if let Some(column) = or {
                    message = say!(lang, "problem.or_column", message, column);
                }
                if let Some(form) = form {
                    message = say!(lang, "problem.needed_for", message, form = phrase(form));
                }
                left_out(lang, message, *count, rows)
            }
            #[cfg(feature = "table")]
            WholeColumn {
                first,
                expected,
                what,
                count,
                rows,
            } => {
                // "a known {what}" names what the column holds, as an unknown value does.
                let what = if what.is_empty() { "" } else { phrase(what) };
                let expected = say!(lang, checked(expected), what);
                let message = say!(
                    lang,
                    "problem.whole_column",
                    first = first.message(lang),
                    expected
                );
                left_out(lang, message, *count, rows)
            }
            #[cfg(feature = "table")]
            DesignNotGiven {
                column_missing: true,
            } => say!(lang, "problem.design_column_missing"),
            #[cfg(feature = "table")]
            DesignNotGiven {
                column_missing: false,
            } => say!(lang, "problem.design_not_given"),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// A value as the format compares spellings of it: lower case, `_` for a space or a hyphen.
fn folded(v: &str) -> impl Iterator<Item = u8> + '_ {
    v.bytes().map(|b| match b {
        b' ' | b'-' => b'_',
        _ => b.to_ascii_lowercase(),
    })
}

/// Closest allowed name within edit distance 2, for "did you mean" hints.
pub fn suggest(found: &str, allowed: &'static [&'static str]) -> Option<&'static str> {
    let f = found.to_ascii_lowercase();
    let mut best: Option<(usize, &'static str)> = None;
    for &a in allowed {
        let d = edit_distance(&f, a);
        if d <= 2 && d < a.len() && best.map_or(true, |(bd, _)| d < bd) {
            best = Some((d, a));
        }
    }
    best.map(|(_, a)| a)
}

pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    // Bounded: inputs longer than 64 characters never match anything useful.
    if a.len() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}
