//! Problems found while reading or validating a dataset.
//!
//! Every problem is an [`Issue`] (a typed kind, so code can reason about it) rendered once into a
//! [`Problem`] with a precise path (`studies[2].outcomes[0].ci`, `row 4, column n1i`), because that
//! path-plus-words form is what editors read and what the CLI prints.

use std::fmt;

use serde::Serialize;

use super::types::{Dataset, Design, Measure};

/// One error or warning: where, and what is wrong, in words. Serialized as `{path, message}`,
/// which is how the widget and the table converter hand problems to the page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Problem {
    /// `studies[2].outcomes[0].ci`, `claims[1].studies[0]`, `row 4, column n1i`; empty for the whole input.
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, issue: impl fmt::Display) -> Self {
        Problem {
            path: path.into(),
            message: issue.to_string(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
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

/// A kind of problem. Rendered to a message by `Display`.
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
    /// A value of the wrong JSON type (`expected a whole number, found "2019a"`).
    WrongType {
        expected: &'static str,
        found: String,
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
    /// A spreadsheet program's own file (`kind`: "an Excel workbook (.xlsx)"), not a table saved
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
        /// What the column holds ("people in the control group").
        meaning: &'static str,
        or: Option<String>,
        form: Option<&'static str>,
        count: usize,
        rows: String,
    },
    #[cfg(feature = "table")]
    /// No cell of a column can be read as what the column holds; said once.
    WholeColumn {
        first: String,
        expected: String,
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

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Issue::*;
        match self {
            TooLarge { bytes, limit } => write!(
                f,
                "input is {bytes} bytes; the limit is {limit} bytes: split it (by outcome or treatment), or leave out the columns or fields the chart does not use"
            ),
            TooManyStudies { count, limit } => {
                write!(f, "{count} studies; the limit is {limit} (the studies after the first {limit} were not read)")
            }
            InvalidUtf8 { offset } => write!(f, "input is not valid UTF-8 (invalid byte at offset {offset})"),
            Empty => write!(f, "input is empty"),
            Syntax { line, column, detail, hint } => {
                write!(f, "line {line}, column {column}: invalid JSON: {detail}")?;
                match hint {
                    None => Ok(()),
                    Some(SyntaxHint::Comment) => write!(f, " (JSON has no comments: remove it)"),
                    Some(SyntaxHint::CurlyQuote) => write!(
                        f,
                        " (\u{201c} \u{201d} are typographic quotes, as a word processor writes them: JSON needs \
                         straight quotes \")"
                    ),
                    Some(SyntaxHint::SingleQuote) => {
                        write!(f, " (JSON needs double quotes \" around names and texts, not ')")
                    }
                    Some(SyntaxHint::EndsEarly) => write!(
                        f,
                        " (the file ends too soon: a closing \", }} or ] is missing, or the file was cut short)"
                    ),
                }
            }
            TooDeep { line, column } => {
                write!(f, "line {line}, column {column}: JSON is nested too deeply (more than 128 levels)")
            }
            NonFiniteLiteral { literal, line, column } => write!(
                f,
                "line {line}, column {column}: {literal} is not allowed in JSON; numbers must be finite"
            ),
            UnknownSchema { found } => write!(
                f,
                "unknown schema version \"{found}\"; this reader knows \"{}\"",
                super::types::SCHEMA_V1
            ),
            MissingSchema => write!(
                f,
                "missing required field \"schema\" (add \"schema\": \"{}\")",
                super::types::SCHEMA_V1
            ),
            DuplicateKey { key } => write!(f, "duplicate key \"{key}\" in the same object"),
            WrongType { expected, found } => write!(f, "expected {expected}, found {found}"),
            QuotedNumber { expected, found } => {
                write!(f, "expected {expected}, found the string \"{found}\" (remove the quotes)")
            }
            MissingField { field } => write!(f, "missing required field \"{field}\""),
            UnknownField { field, suggestion, allowed } => match suggestion {
                Some(s) => write!(f, "unknown field \"{field}\" (did you mean \"{s}\"?)"),
                None => write!(f, "unknown field \"{field}\"; expected one of {}", list(allowed)),
            },
            UnknownValue { what, found, allowed } => {
                // "RCT", "single-arm": a value written as people write it, not as the format does.
                match allowed.iter().find(|a| folded(a).eq(folded(found.trim()))) {
                    Some(v) => write!(f, "unknown {what} \"{found}\" (did you mean \"{v}\"? values are written so)"),
                    None => write!(f, "unknown {what} \"{found}\"; expected one of {}", list(allowed)),
                }
            }
            EmptyText => write!(f, "must not be empty"),
            BadUrl { found } => write!(f, "\"{found}\" is not an http(s) link"),
            NotFinite { found } => write!(f, "expected a finite number, found \"{found}\""),
            NotACount { found } => write!(f, "expected a count (a whole number, 0 or more), found {found}"),
            #[cfg(feature = "table")]
            CsvNotCount { cell, reason } => match reason {
                None => write!(f, "\"{cell}\" is not a count"),
                Some(r) => write!(f, "\"{cell}\" is not a count: {r}"),
            },
            #[cfg(feature = "table")]
            CsvNotNumber { cell, reason } => match reason {
                None => write!(f, "\"{cell}\" is not a number"),
                Some(r) => write!(f, "\"{cell}\" is not a number: {r}"),
            },
            #[cfg(feature = "table")]
            FormulaLike { cell } => {
                write!(f, "\"{cell}\" looks like a spreadsheet formula, not a number")
            }
            OutOfRange { value, expected } => write!(f, "{} is out of range; expected {expected}", fmt_num(*value)),
            UnknownDataForm { fields } => write!(
                f,
                "cannot tell the data form from the fields [{}]; expected counts (ai, bi, ci, di or ai, n1i, ci, n2i), \
                 means (m1i, sd1i, n1i, m2i, sd2i, n2i), an estimate (measure, estimate, ci_lb, ci_ub), \
                 a proportion (xi, ni or estimate) or generic (yi with vi or sei)",
                fields.join(", ")
            ),
            MixedDataForms { first, second } => {
                write!(f, "mixes fields of {first} and {second}; give one data form per outcome")
            }
            MixedCountForms => write!(
                f,
                "mixes 2×2 cells (bi, di) with arm totals (n1i, n2i); give ai, bi, ci, di or ai, n1i, ci, n2i"
            ),
            BothGiven { a, b } => write!(f, "give {a} or {b}, not both"),
            NeitherGiven { a, b } => write!(f, "missing required field \"{a}\" (or \"{b}\")"),
            MeasureNotForForm { measure, form, allowed } => {
                write!(f, "measure {measure} cannot be used with {form}; expected one of {}", list(allowed))
            }
            EventsExceedTotal { events_field, events, total_field, total } => write!(
                f,
                "{events} events ({events_field}) is more than the {total} participants in the arm ({total_field})"
            ),
            EmptyArm { field } => write!(f, "{field} is 0; an arm needs at least one participant"),
            LowerAboveEstimate { lb, estimate } => {
                write!(f, "lower bound {} is above the estimate {}", fmt_num(*lb), fmt_num(*estimate))
            }
            UpperBelowEstimate { ub, estimate } => {
                write!(f, "upper bound {} is below the estimate {}", fmt_num(*ub), fmt_num(*estimate))
            }
            LowerAboveUpper { lb, ub } => {
                write!(f, "lower bound {} is above the upper bound {}", fmt_num(*lb), fmt_num(*ub))
            }
            ImplausibleRatio { value, measure } => write!(
                f,
                "{measure} {} is far from what trials find (below 0.001 or above 1,000): check that it is the \
                 ratio itself, not a p-value, a logarithm or a percentage",
                fmt_num(*value)
            ),
            NotPositiveRatio { value, measure } => write!(
                f,
                "{} is not positive; a {measure} is a ratio and must be above 0 (give it on the natural scale, not the log scale)",
                fmt_num(*value)
            ),
            SdNotPositive { value } => write!(f, "standard deviation must be above 0, found {}", fmt_num(*value)),
            VarianceNotPositive { field, value } => write!(f, "{field} must be above 0, found {}", fmt_num(*value)),
            ProportionOutOfRange { value } => write!(
                f,
                "proportion {} is outside 0 to 1; give proportions as fractions (0.46 for 46%)",
                fmt_num(*value)
            ),
            RiskDifferenceOutOfRange { value } => {
                write!(f, "risk difference {} is outside -1 to 1", fmt_num(*value))
            }
            BadLevel { value } => write!(f, "confidence level {} must be between 0 and 100 (e.g. 95)", fmt_num(*value)),
            LevelAsFraction { value } => write!(f, "confidence level {} is in percent: write 95 for a 95% interval (or leave it out: 95 is the default)", value),
            TooFewForMeasure { field, n, measure, min } => {
                write!(f, "{field} is {n}; {measure} needs at least {min} per arm")
            }
            DuplicateId { id, first } => write!(f, "duplicate id \"{id}\" (first used by {first})"),
            UnknownStudy { id } => write!(f, "unknown study \"{id}\"; no study has this id"),
            IncludesItself => write!(f, "a review does not include itself; remove its own id"),
            IncludesEachOther { id } => write!(f, "\"{id}\" already includes this review (or a review that does); reviews cannot each hold the other's people: remove one of the inclusions"),
            IncludesNotReview => write!(f, "only a systematic review includes other studies; remove \"includes\" or set \"design\" to systematic_review"),
            NotALanguage { code } => write!(f, "\"{code}\" is not a language code; use codes such as \"en\", \"es\", \"fr\""),
            UnknownTerm { list, id } => write!(f, "unknown term \"{id}\"; vocabulary.{list} has no term with this id"),
            NotWithinClaim { condition, claim } => write!(f, "\"{condition}\" is not a condition of vocabulary.conditions within the claim's \"{claim}\" (through \"broader\"); the part is checked for the claim's people: add the term, or its \"broader\""),
            UnknownConcept { id } => {
                let generic: Vec<&str> = super::generic_concepts().iter().map(|t| t.id.as_str()).collect();
                write!(f, "unknown concept \"{id}\"; name a term of vocabulary.outcomes or a generic concept ({})", generic.join(", "))
            }
            StudyLeftOut { id } => {
                write!(f, "study \"{id}\" was left out because of its errors; the reference was dropped")
            }
            NumberClaimWithoutValue => write!(f, "missing required field \"value\" (the claim asserts a number)"),
            #[cfg(feature = "table")]
            MissingColumn { column } => match *column {
                "study" => write!(
                    f,
                    "missing required column \"study\" (the column that names each study, such as \"Study\", \
                     \"Study ID\" or \"Author\")"
                ),
                _ => write!(f, "missing required column \"{column}\""),
            },
            #[cfg(feature = "table")]
            DuplicateColumn { column, first, second } => {
                write!(f, "column \"{column}\" appears twice (columns {first} and {second})")
            }
            #[cfg(feature = "table")]
            RowLength { found, expected, comma_split, lines_taken } => {
                let cells = if *found == 1 { "cell" } else { "cells" };
                write!(f, "has {found} {cells} but the header has {expected}")?;
                if *lines_taken > 0 {
                    let lines = if *lines_taken == 1 { "line" } else { "lines" };
                    write!(
                        f,
                        " (a quotation mark in it is never closed, so the {lines_taken} {lines} after it \
                         became part of one cell and are left out too: remove the stray quotation mark, \
                         or close it)"
                    )?;
                }
                if *comma_split {
                    write!(
                        f,
                        " (a comma in a name or a number? In a file separated by commas, put such a name in \
                         quotes, and write 0.5, not 0,5)"
                    )?;
                }
                write!(f, "; the row was skipped")
            }
            #[cfg(feature = "table")]
            TotalsRow { name } => write!(
                f,
                "\"{name}\" reads as a row of totals, not a study: left out, so that its people are not \
                 counted twice; if it is a study, give it a name of its own"
            ),
            #[cfg(feature = "table")]
            EmptyOutcome => write!(
                f,
                "empty, but the table's other rows name their outcome: write this row's (such as \
                 \"Relapse\"); the row was left out, where it would have been an outcome of its own"
            ),
            #[cfg(feature = "table")]
            NearOutcome { outcome, other, row } => write!(
                f,
                "\"{outcome}\" and \"{other}\" (row {row}) are read as two outcomes, whose studies are not \
                 pooled together: if they are one, spell them the same"
            ),
            #[cfg(feature = "table")]
            MixedBetter { outcome, row } => write!(
                f,
                "\"{outcome}\" is better lower in one of row {row} and this row and higher in the other: its \
                 studies are drawn in two panels and not pooled together; give every row of an outcome the same \
                 direction"
            ),
            #[cfg(feature = "table")]
            EstimateWithInterval { cell } => write!(
                f,
                "\"{cell}\" is an estimate and its interval in one cell, which the chart cannot read: give \
                 each number a column of its own, such as \"HR\", \"Lower\" and \"Upper\" (see the template)"
            ),
            #[cfg(feature = "table")]
            NoteRow { text } => write!(
                f,
                "only one cell is filled (\"{text}\"): read as a note, not a study, and left out; to make it a \
                 study, fill in its outcome and its numbers"
            ),
            #[cfg(feature = "table")]
            CsvRead { detail } => write!(f, "cannot read CSV: {detail}"),
            #[cfg(feature = "table")]
            ConflictingCell { value, earlier, row } => write!(
                f,
                "\"{value}\" differs from \"{earlier}\" given for the same study in row {row}; the earlier value was kept"
            ),
            #[cfg(feature = "table")]
            DefaultMeasureNotForForm { measure, form, allowed } => write!(
                f,
                "the default measure {measure} cannot be used with {form}; expected one of {} (fill the measure column)",
                list(allowed)
            ),
            #[cfg(feature = "table")]
            EmptyCell { form } => write!(f, "empty, but needed for {form}: fill it in"),
            #[cfg(feature = "table")]
            CellNotForForm { form } => write!(f, "has a value, but {form} do not use this column; leave it empty"),
            #[cfg(feature = "table")]
            CsvBad { cell, expected } => write!(f, "\"{cell}\" is not {expected}"),
            #[cfg(feature = "table")]
            RepeatedStudyName { name, row, id } => write!(
                f,
                "\"{name}\" also names the study in row {row}; read as a separate study with id \"{id}\""
            ),
            #[cfg(feature = "table")]
            RepeatedOutcome { study, outcome, first } => write!(
                f,
                "\"{study}\" already has the outcome \"{outcome}\" in {first}: if these are two studies, give them \
                 different names (\"{study} b\"); if one, keep one row for the outcome"
            ),
            #[cfg(feature = "table")]
            UnknownColumnLike { header, like } => write!(
                f,
                "\"{header}\" is not a column the chart knows, so it is kept as an extra fact about each study: \
                 is it \"{like}\", misspelt?"
            ),
            #[cfg(feature = "table")]
            EmptyNeeded => write!(f, "empty, but the row's other numbers need it: fill it in"),
            #[cfg(feature = "table")]
            AssumedColumn { column, assumed } => write!(f, "no \"{column}\" column; assuming {assumed}"),
            #[cfg(feature = "table")]
            NotText { utf8_offset, binary } => match binary {
                Some((at, byte)) => write!(
                    f,
                    "input is not valid UTF-8 (invalid byte at offset {utf8_offset}) nor Windows-1252 text \
                     (byte 0x{byte:02X} at offset {at} is not text); save the spreadsheet as \"CSV UTF-8\""
                ),
                None => write!(
                    f,
                    "input is not valid UTF-8 (invalid byte at offset {utf8_offset}), and it has UTF-8 characters \
                     elsewhere, so it was not read as Windows-1252 either; save the spreadsheet as \"CSV UTF-8\""
                ),
            },
            #[cfg(feature = "table")]
            BrokenUtf16 { offset } => write!(
                f,
                "the file is UTF-16 text that is not valid at byte {offset}; save the spreadsheet again as \"CSV UTF-8\""
            ),
            #[cfg(feature = "table")]
            Workbook { kind } => write!(
                f,
                "this is {kind}, not a table saved as text: in the spreadsheet program choose \"Save as\" \
                 (or \"Download\") and \"CSV UTF-8\", then use that file"
            ),
            #[cfg(feature = "table")]
            ReadAsWindows1252 => write!(
                f,
                "input is not UTF-8; it was read as Windows-1252 (Excel's \"CSV\" on Windows): check that accented \
                 letters look right, or save it as \"CSV UTF-8\""
            ),
            #[cfg(feature = "table")]
            Separator { name, sep_line } => write!(
                f,
                "input is separated by {name}{}; decimal commas (0,94) are read as decimal points",
                if *sep_line { " (as its \"sep=\" line says)" } else { "" }
            ),
            #[cfg(feature = "table")]
            ReadColumnAs { header, column, meaning, measure } => {
                write!(f, "read \"{header}\" as {column} ({meaning})")?;
                match measure {
                    Some(m) => write!(f, ", with measure {m} for rows that do not name one"),
                    None => Ok(()),
                }
            }
            #[cfg(feature = "table")]
            KeptAsModerator { header, column, taken_by } => write!(
                f,
                "\"{header}\" was kept as an extra column, not read as {column}: \"{taken_by}\" is read as {column}"
            ),
            #[cfg(feature = "table")]
            NoDataColumns { moderators } => {
                write!(
                    f,
                    "no column with numbers to analyse (for counts: \"Experimental cases\", \"Experimental N\", \
                     \"Control cases\", \"Control N\" or ai, n1i, ci, n2i; see the template)"
                )?;
                if !moderators.is_empty() {
                    let shown: Vec<String> = moderators.iter().take(8).map(|m| format!("\"{m}\"")).collect();
                    write!(
                        f,
                        "; read as extra columns: {}{}",
                        shown.join(", "),
                        if moderators.len() > 8 { ", …" } else { "" }
                    )?;
                }
                Ok(())
            }
            #[cfg(feature = "table")]
            MixedDecimalMarks { comma, comma_at, point } => write!(
                f,
                "\"{point}\" has a decimal point, but other numbers have a decimal comma (\"{comma}\", {comma_at}); \
                 a point is read as a decimal point, never as a thousands separator: check the number"
            ),
            #[cfg(feature = "table")]
            MissingColumnFor { column, meaning, or, form, count, rows } => {
                // Named as the template names it, where its own name is an abbreviation.
                match (super::csv::template_header(column), *meaning) {
                    ("", "") => write!(f, "missing column \"{column}\"")?,
                    ("", meaning) => write!(f, "missing column \"{column}\" ({meaning})")?,
                    (header, meaning) => write!(f, "missing column \"{header}\" ({column}: {meaning})")?,
                }
                if let Some(b) = or {
                    write!(f, " (or \"{b}\")")?;
                }
                if let Some(form) = form {
                    write!(f, ", needed for {form}")?;
                }
                write!(f, ": {count} {} left out ({rows})", if *count == 1 { "row" } else { "rows" })
            }
            #[cfg(feature = "table")]
            WholeColumn { first, expected, count, rows } => write!(
                f,
                "{first}; no cell of this column is {expected}: {count} rows left out ({rows})"
            ),
            #[cfg(feature = "table")]
            DesignNotGiven { column_missing: true } => write!(
                f,
                "no \"design\" column, so the studies' designs are not given: they are shown as \"unknown\" and not \
                 rated as randomised (single_arm where the numbers describe one group only); add a design column \
                 (rct, crossover_rct, non_randomised_controlled, cohort, …) to say"
            ),
            #[cfg(feature = "table")]
            DesignNotGiven { column_missing: false } => write!(
                f,
                "empty: the design is not given, so the study is shown as \"unknown\" and not rated as randomised"
            ),
            NoOutcomes => write!(f, "study has no outcomes"),
            NoDataForCompleted => write!(
                f,
                "no data and no reported result, but the study is completed (add data, or \"reported\" to say what was reported)"
            ),
            DataForOngoing => write!(f, "has data although the study is ongoing"),
            SingleArmMixed { outcome, other } => write!(
                f,
                "single-arm data for outcome \"{outcome}\", which has comparative data elsewhere ({other}); it will not be pooled with them"
            ),
            ComparativeInUncontrolled { design } => {
                write!(f, "two-arm data in a {design} study, which has no control group")
            }
            NoEventsEitherArm => write!(
                f,
                "no events in either arm, so the study says next to nothing about a ratio (RR, OR): metafor's pooling \
                 adds 0.5 to each cell; an imported review's own method, like RevMan's, leaves it out"
            ),
            AllEventsBothArms => write!(
                f,
                "every participant had the event in both arms, so the study says next to nothing about a \
                 ratio (RR, OR): metafor's pooling adds 0.5 to each cell; an imported \
                 review's own method, like RevMan's, leaves it out of odds ratios"
            ),
            UnlikelyYear { year } => write!(f, "year {year} looks unlikely"),
            DerivedWithoutNote => write!(f, "status is derived but there is no note with the formula"),
            BaselineWithoutTime => write!(f, "a hazard ratio's numbers per 100 people hold for a time: give the baseline's timepoint (the time its risk is for, such as \"2 years\")"),
            ShownAt95 { level } => write!(f, "the {}% interval is shown as the 95% interval it implies (worked out from it, or from the counts when there are some), as every chart and sentence gives 95% intervals", level),
            NotShownAt95 { level } => write!(f, "the {}% interval of a proportion of 0 or 1 cannot be shown as a 95% interval without the number of people (ni), so it is not shown: give ni", level),
            Ignored { what, why } => write!(f, "{what} ignored: {why}"),
        }
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
