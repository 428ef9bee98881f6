//! The CSV reader: one row per study-outcome, with metafor `escalc` column names or the headers
//! people write ("Experimental cases", meta's `event.e`, "Events (treatment)").
//!
//! Spreadsheets as people save them: comma, semicolon or tab separated (told from the header line,
//! or Excel's `sep=` line), decimal commas in files separated by semicolons or tabs, UTF-8 with or
//! without a byte-order mark, or Windows-1252 (Excel's "CSV" on Windows). Each header read as a
//! known column under another name is said in a warning, so the editor can check it.
//!
//! Rows are numbered as a spreadsheet shows them (the header is row 1), because that is where an
//! editor will look. A row with errors is left out; the other rows are kept. A problem that many
//! rows share (a missing column, a column of text where counts belong, the same message in several
//! rows) is said once, with the rows.

use crate::number::parse_f64;
use foldhash::{HashMap, HashMapExt, HashSet};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{Read, Seek};

use super::json::detect_form;
use super::problem::{Issue, Parsed, Problem};
use super::terms::normalize;
use super::text_file::{decode_text, decode_utf16, sniff_text, Decoded};
use super::types::*;
use super::validate::{allowed_measures, check_study, finish, Loc, Sink};
use super::MAX_STUDIES;

/// Options for [`parse_csv_with`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CsvOptions {
    /// Measure for rows whose `measure` cell is empty (the CLI's `--measure`). Used when it fits the
    /// row's data form; otherwise the form's default applies (counts → RR, means → MD, proportions → PR,
    /// yi/vi → GEN) and a mismatch is an error.
    pub default_measure: Option<Measure>,
}

/// Columns with a meaning; every other column is a moderator kept in [`Study::moderators`].
pub const CSV_COLUMNS: &[&str] = &[
    "study",
    "label",
    "year",
    "design",
    "outcome",
    "outcome_article",
    "measure",
    "condition",
    "therapy",
    "kind",
    "better",
    "status",
    "source_kind",
    "citation",
    "doi",
    "pmid",
    "nct",
    "url",
    "level",
    "ai",
    "bi",
    "ci",
    "di",
    "n1i",
    "n2i",
    "m1i",
    "sd1i",
    "m2i",
    "sd2i",
    "yi",
    "vi",
    "sei",
    "xi",
    "ni",
    "estimate",
    "ci_lb",
    "ci_ub",
];

const COUNT_COLUMNS: &[&str] = &["ai", "bi", "ci", "di", "n1i", "n2i", "xi", "ni"];
const NUMBER_COLUMNS: &[&str] = &[
    "m1i", "sd1i", "m2i", "sd2i", "yi", "vi", "sei", "estimate", "ci_lb", "ci_ub", "level",
];
const STUDY_TEXT_COLUMNS: &[&str] = &[
    "label",
    "year",
    "design",
    "condition",
    "therapy",
    "source_kind",
    "citation",
    "doi",
    "pmid",
    "nct",
    "url",
];

/// Reads a dataset from CSV bytes with default options. Never panics; reports every problem found.
pub fn parse_csv(bytes: &[u8]) -> Parsed {
    parse_csv_with(bytes, &CsvOptions::default())
}

/// Reads a dataset from CSV bytes.
pub fn parse_csv_with(bytes: &[u8], options: &CsvOptions) -> Parsed {
    let mut sink = Sink::default();
    let dataset = decode(bytes, &mut sink).and_then(|text| read(&text, options, &mut sink));
    sink.into_parsed(dataset)
}

/// The file as text: UTF-8 (a byte-order mark is dropped) or Windows-1252, said in a warning.
fn decode<'a>(bytes: &'a [u8], sink: &mut Sink) -> Option<Cow<'a, str>> {
    if !super::validate::within_size_limit(bytes, sink) {
        return None;
    }
    let text = match decode_text(bytes) {
        Ok((text, Decoded::Utf8)) => text,
        Ok((text, Decoded::Windows1252)) => {
            sink.warn("", Issue::ReadAsWindows1252);
            text
        }
        Err(e) => {
            sink.error("", e.issue());
            return None;
        }
    };
    if text.trim().is_empty() {
        sink.error("", Issue::Empty);
        return None;
    }
    Some(text)
}

/// The separator, the text from the header on, and whether a `sep=` line named it. Excel's `sep=;`
/// first line names it; otherwise it is whichever of comma, semicolon and tab the header line has
/// most often outside quotes (ties: tab, then semicolon; none: comma).
fn separator(text: &str) -> (u8, &str, bool) {
    let first = text.split('\n').next().unwrap_or("");
    let first = first.strip_suffix('\r').unwrap_or(first);
    let bytes = first.as_bytes();
    if bytes.len() == 5 && bytes[..4].eq_ignore_ascii_case(b"sep=") {
        if let sep @ (b',' | b';' | b'\t') = bytes[4] {
            let rest = text[first.len()..]
                .strip_prefix("\r\n")
                .or_else(|| text[first.len()..].strip_prefix('\n'))
                .unwrap_or("");
            return (sep, rest, true);
        }
    }
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let [comma, semicolon, tab] = counts;
    let sep = if tab > 0 && tab >= semicolon && tab >= comma {
        b'\t'
    } else if semicolon > 0 && semicolon >= comma {
        b';'
    } else {
        b','
    };
    (sep, text, false)
}

// ---- headers ----

/// What a known column holds, for the notes that say how a header was read: a catalogue key
/// (`column.n2i`), or empty.
fn meaning(column: &str) -> &'static str {
    match column {
        "study" => "column.study",
        "label" => "column.label",
        "year" => "column.year",
        "design" => "column.design",
        "outcome" => "column.outcome",
        "outcome_article" => "column.outcome_article",
        "measure" => "column.measure",
        "condition" => "column.condition",
        "therapy" => "column.therapy",
        "kind" => "column.kind",
        "better" => "column.better",
        "status" => "column.status",
        "source_kind" => "column.source_kind",
        "citation" => "column.citation",
        "doi" => "column.doi",
        "pmid" => "column.pmid",
        "nct" => "column.nct",
        "url" => "column.url",
        "level" => "column.level",
        "ai" => "column.ai",
        "bi" => "column.bi",
        "ci" => "column.ci",
        "di" => "column.di",
        "n1i" => "column.n1i",
        "n2i" => "column.n2i",
        "m1i" => "column.m1i",
        "sd1i" => "column.sd1i",
        "m2i" => "column.m2i",
        "sd2i" => "column.sd2i",
        "yi" => "column.yi",
        "vi" => "column.vi",
        "sei" => "column.sei",
        "xi" => "column.xi",
        "ni" => "column.ni",
        "estimate" => "column.estimate",
        "ci_lb" => "column.ci_lb",
        "ci_ub" => "column.ci_ub",
        _ => "",
    }
}

/// Other spellings of the known columns (as [`normalize`] leaves them), with a rank: when two
/// headers mean the same column, the lower rank wins ("Study ID" over "Author").
const ALIASES: &[(&str, &str, u8)] = &[
    ("study id", "study", 1),
    ("studyid", "study", 1),
    ("study name", "study", 1),
    ("studlab", "study", 1),
    ("trial", "study", 2),
    ("trial name", "study", 2),
    ("author", "study", 3),
    ("authors", "study", 3),
    ("first author", "study", 3),
    ("study label", "label", 1),
    ("study year", "year", 1),
    ("publication year", "year", 1),
    ("year of publication", "year", 1),
    ("study design", "design", 1),
    ("study type", "design", 2),
    ("outcome name", "outcome", 1),
    ("endpoint", "outcome", 2),
    ("effect measure", "measure", 1),
    ("summary measure", "measure", 1),
    ("sm", "measure", 2),
    ("disease", "condition", 1),
    ("intervention", "therapy", 1),
    ("treatment", "therapy", 2),
    ("reference", "citation", 1),
    ("pubmed id", "pmid", 1),
    ("pubmed", "pmid", 1),
    ("nct id", "nct", 1),
    ("nct number", "nct", 1),
    ("link", "url", 1),
    ("ci level", "level", 1),
    ("confidence level", "level", 1),
    ("source type", "source_kind", 1),
    ("tpos", "ai", 1),
    ("tneg", "bi", 1),
    ("cpos", "ci", 1),
    ("cneg", "di", 1),
    ("n1", "n1i", 1),
    ("n2", "n2i", 1),
    ("m1", "m1i", 1),
    ("m2", "m2i", 1),
    ("sd1", "sd1i", 1),
    ("sd2", "sd2i", 1),
    ("te", "yi", 1),
    ("effect", "estimate", 2),
    ("effect size", "estimate", 2),
    ("point estimate", "estimate", 2),
    ("se", "sei", 1),
    ("sete", "sei", 1),
    ("se te", "sei", 1),
    ("standard error", "sei", 1),
    ("std error", "sei", 1),
    ("variance", "vi", 1),
    ("var", "vi", 1),
    ("lci", "ci_lb", 1),
    ("lcl", "ci_lb", 1),
    ("ll", "ci_lb", 2),
    ("uci", "ci_ub", 1),
    ("ucl", "ci_ub", 1),
    ("ul", "ci_ub", 2),
    // Spanish and French, the widget's other languages (their words for a design or a direction
    // are in [`CELL_WORDS`]).
    ("estudio", "study", 2),
    ("ensayo", "study", 2),
    ("autor", "study", 3),
    ("étude", "study", 2),
    ("etude", "study", 2),
    ("essai", "study", 2),
    ("auteur", "study", 3),
    ("diseño", "design", 1),
    ("diseno", "design", 1),
    ("tipo de estudio", "design", 2),
    ("type d étude", "design", 2),
    ("type d etude", "design", 2),
    ("mejor", "better", 1),
    ("meilleur", "better", 1),
    ("año", "year", 1),
    ("ano", "year", 1),
    ("année", "year", 1),
    ("annee", "year", 1),
    ("resultado", "outcome", 2),
    ("desenlace", "outcome", 2),
    ("critère", "outcome", 2),
    ("critere", "outcome", 2),
    ("critère de jugement", "outcome", 2),
    ("enfermedad", "condition", 1),
    ("maladie", "condition", 1),
    ("tratamiento", "therapy", 2),
    ("traitement", "therapy", 2),
    ("referencia", "citation", 1),
    ("référence", "citation", 1),
];

/// Headers that are an effect measure's name: the column is the estimate, in that measure.
const MEASURE_HEADERS: &[(&str, Measure)] = &[
    ("or", Measure::Or),
    ("odds ratio", Measure::Or),
    ("rr", Measure::Rr),
    ("risk ratio", Measure::Rr),
    ("relative risk", Measure::Rr),
    ("hr", Measure::Hr),
    ("hazard ratio", Measure::Hr),
    ("irr", Measure::Irr),
    ("rate ratio", Measure::Irr),
    ("incidence rate ratio", Measure::Irr),
    ("md", Measure::Md),
    ("mean difference", Measure::Md),
    ("smd", Measure::Smd),
    ("standardised mean difference", Measure::Smd),
    ("standardized mean difference", Measure::Smd),
    ("rd", Measure::Rd),
    ("risk difference", Measure::Rd),
];

/// Headers for a ratio's logarithm: `yi` in that measure.
const LOG_HEADERS: &[(&str, Measure)] = &[
    ("log or", Measure::Or),
    ("ln or", Measure::Or),
    ("logor", Measure::Or),
    ("log rr", Measure::Rr),
    ("ln rr", Measure::Rr),
    ("logrr", Measure::Rr),
    ("log hr", Measure::Hr),
    ("ln hr", Measure::Hr),
    ("loghr", Measure::Hr),
];

/// A header read as a known column.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Recognised {
    column: &'static str,
    /// The measure the header names ("OR"), for rows that do not name one.
    measure: Option<Measure>,
    /// 0: the column's own name; higher: other spellings (see [`ALIASES`]).
    rank: u8,
}

/// Which arm and which number a header such as "Experimental cases", "n.c", "SD (control)" or
/// "No. of events, treatment group" names: one word for the arm, one kind of number, and words that
/// say nothing ("group", "number", "of").
fn arm_number(normalised: &str) -> Option<&'static str> {
    const TREATED: &[&str] = &[
        "treatment",
        "treated",
        "experimental",
        "experiment",
        "exp",
        "e",
        "intervention",
        "active",
        "tratamiento",
        "tratados",
        "intervención",
        "traitement",
        "traités",
        "expérimental",
    ];
    const CONTROL: &[&str] = &[
        "control",
        "controls",
        "ctrl",
        "c",
        "placebo",
        "comparator",
        "comparison",
        "controles",
        "comparador",
        "témoin",
        "témoins",
        "contrôle",
        "comparateur",
    ];
    const EVENTS: &[&str] = &[
        "events",
        "event",
        "cases",
        "case",
        "responders",
        "eventos",
        "evento",
        "casos",
        "événements",
        "évènements",
        "cas",
    ];
    const TOTAL: &[&str] = &[
        "n",
        "total",
        "totals",
        "size",
        "participants",
        "patients",
        "people",
        "subjects",
        "pacientes",
        "participantes",
        "personas",
        "personnes",
        "effectif",
    ];
    const MEAN: &[&str] = &["mean", "means", "average", "media", "moyenne"];
    const SD: &[&str] = &[
        "sd",
        "std",
        "stdev",
        "dev",
        "deviation",
        "standard",
        "desviación",
        "estándar",
        "écart",
        "type",
    ];
    const FILLER: &[&str] = &[
        "group", "groups", "arm", "arms", "no", "number", "of", "in", "the", "sample", "grupo",
        "número", "de", "del", "en", "el", "groupe", "bras", "nombre", "du", "des", "le", "la",
    ];
    let (mut arm, mut number) = (None, None);
    for word in normalised.split(' ') {
        if FILLER.contains(&word) {
            continue;
        }
        let (slot, value) = if TREATED.contains(&word) {
            (&mut arm, 1)
        } else if CONTROL.contains(&word) {
            (&mut arm, 2)
        } else if EVENTS.contains(&word) {
            (&mut number, 1)
        } else if TOTAL.contains(&word) {
            (&mut number, 2)
        } else if MEAN.contains(&word) {
            (&mut number, 3)
        } else if SD.contains(&word) {
            (&mut number, 4)
        } else {
            return None;
        };
        match slot {
            Some(v) if *v != value => return None,
            _ => *slot = Some(value),
        }
    }
    Some(match (arm?, number?) {
        (1, 1) => "ai",
        (1, 2) => "n1i",
        (1, 3) => "m1i",
        (1, 4) => "sd1i",
        (2, 1) => "ci",
        (2, 2) => "n2i",
        (2, 3) => "m2i",
        _ => "sd2i",
    })
}

/// "Lower", "Lower 95% CI", "95% CI (upper)", "CI upper limit": a bound of the estimate's interval.
fn interval_bound(normalised: &str) -> Option<&'static str> {
    const NOISE: &[&str] = &[
        "95",
        "90",
        "99",
        "ci",
        "confidence",
        "interval",
        "limit",
        "bound",
        "of",
        "the",
        "cl",
    ];
    let words: Vec<&str> = normalised
        .split(' ')
        .filter(|w| !NOISE.contains(w))
        .collect();
    let said_interval = words.len() < normalised.split(' ').count();
    match words[..] {
        ["lower"] => Some("ci_lb"),
        ["upper"] => Some("ci_ub"),
        ["low" | "lo" | "lb"] if said_interval => Some("ci_lb"),
        ["high" | "hi" | "ub"] if said_interval => Some("ci_ub"),
        _ => None,
    }
}

/// The header the embed page's template (`www/template.csv`) gives a column whose own name is an
/// abbreviation ("ai"), or "": what an editor who started from it wrote.
pub(super) fn template_header(column: &str) -> &'static str {
    match column {
        "ai" => "Experimental cases",
        "n1i" => "Experimental N",
        "ci" => "Control cases",
        "n2i" => "Control N",
        "m1i" => "Experimental mean",
        "sd1i" => "Experimental SD",
        "m2i" => "Control mean",
        "sd2i" => "Control SD",
        _ => "",
    }
}

/// The known header an unknown one is a slip of the keyboard away from ("Experimntal cases"),
/// word by word: as many words, each the same or one edit away, and a word of three letters or
/// fewer the same, so that another statistic ("Control SE", "Control median") or an extra
/// column's own short name ("dose", "note") is not taken for a known one.
fn misspelt_header(header: &str) -> Option<&'static str> {
    let n = normalize(header);
    let near = |known: &str| {
        let k = normalize(known);
        let (mut hw, mut kw) = (n.split(' '), k.split(' '));
        let mut edits = 0;
        loop {
            match (hw.next(), kw.next()) {
                (None, None) => return edits > 0,
                (Some(h), Some(k)) if h == k => {}
                (Some(h), Some(k)) if k.len() > 3 && super::problem::edit_distance(h, k) == 1 => {
                    edits += 1
                }
                _ => return false,
            }
        }
    };
    let templates = CSV_COLUMNS.iter().map(|c| template_header(c));
    (CSV_COLUMNS.iter().copied())
        .chain(templates.filter(|h| !h.is_empty()))
        .find(|known| near(known))
}

/// The known column a header names, if any.
fn recognise(header: &str) -> Option<Recognised> {
    let n = normalize(header);
    let found = |column, measure, rank| {
        Some(Recognised {
            column,
            measure,
            rank,
        })
    };
    if let Some(&c) = CSV_COLUMNS.iter().find(|c| normalize(c) == n) {
        return found(c, None, 0);
    }
    if let Some(&(_, c, rank)) = ALIASES.iter().find(|(a, _, _)| *a == n) {
        return found(c, None, rank);
    }
    if let Some(&(_, m)) = MEASURE_HEADERS.iter().find(|(a, _)| *a == n) {
        return found("estimate", Some(m), 1);
    }
    if let Some(&(_, m)) = LOG_HEADERS.iter().find(|(a, _)| *a == n) {
        return found("yi", Some(m), 1);
    }
    if let Some(c) = arm_number(&n) {
        return found(c, None, 1);
    }
    interval_bound(&n).and_then(|c| found(c, None, 1))
}

// ---- numbers ----

const THOUSANDS: &str = "reason.thousands";
const DECIMAL_POINT: &str = "reason.decimal_point";

/// Whether a cell is a number with thousands separators: `1,234`, `1.234.567`, `1,234.5`, `1.234,5`.
fn looks_grouped(cell: &str) -> bool {
    let s = cell.strip_prefix(['-', '+']).unwrap_or(cell).as_bytes();
    let lead = s.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=3).contains(&lead) {
        return false;
    }
    let (mut i, mut sep, mut groups) = (lead, None, 0);
    while let Some(&c) = s.get(i) {
        let group = s
            .get(i + 1..i + 4)
            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !s.get(i + 4).is_some_and(u8::is_ascii_digit);
        if (c == b',' || c == b'.') && sep.map_or(true, |p| p == c) && group {
            sep = Some(c);
            groups += 1;
            i += 4;
        } else {
            break;
        }
    }
    if groups == 0 {
        return false;
    }
    let decimal = if sep == Some(b',') { b'.' } else { b',' };
    i == s.len()
        || (s[i] == decimal && s.len() > i + 1 && s[i + 1..].iter().all(u8::is_ascii_digit))
}

/// Which decimal mark a number was written with.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mark {
    None,
    Comma,
    Point,
}

/// The cell as Rust reads numbers: a decimal comma becomes a point where the file allows it
/// (`decimal_comma`). Thousands separators are refused: `Err` with the reason.
fn number_text(
    cell: &str,
    decimal_comma: bool,
) -> Result<(Cow<'_, str>, Mark), Option<&'static str>> {
    let b = cell.as_bytes();
    let spaced = cell.char_indices().any(|(i, c)| {
        matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '’')
            && i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + c.len_utf8()).is_some_and(u8::is_ascii_digit)
    });
    if spaced {
        return Err(Some(THOUSANDS));
    }
    let (commas, points) = (cell.matches(',').count(), cell.matches('.').count());
    match (commas, points) {
        (0, 0) => Ok((Cow::Borrowed(cell), Mark::None)),
        (0, 1) => Ok((Cow::Borrowed(cell), Mark::Point)),
        _ if commas + points > 1 => {
            if looks_grouped(cell) {
                Err(Some(THOUSANDS))
            } else {
                Ok((Cow::Borrowed(cell), Mark::None))
            }
        }
        _ => {
            let with_point = cell.replacen(',', ".", 1);
            if decimal_comma {
                Ok((Cow::Owned(with_point), Mark::Comma))
            } else if looks_grouped(cell) {
                Err(Some(THOUSANDS))
            } else if parse_f64(&with_point).is_some() {
                Err(Some(DECIMAL_POINT))
            } else {
                Ok((Cow::Borrowed(cell), Mark::None))
            }
        }
    }
}

/// Whether a cell looks like a spreadsheet formula (`=SUM(A1)`, `@cmd`, `+x`, `-foo`) rather than a
/// signed number (`-0.5`, `-0,5`, `+1,234`). Such cells are never numbers; in text columns they
/// are kept as plain text.
pub(crate) fn is_formula_like(cell: &str) -> bool {
    let mut chars = cell.chars();
    match chars.next() {
        Some('=' | '+' | '-' | '@') => {
            let rest = chars.as_str().trim();
            let numeric = parse_f64(rest).is_some()
                || (rest.bytes().any(|c| c.is_ascii_digit())
                    && rest
                        .bytes()
                        .all(|c| c.is_ascii_digit() || c == b'.' || c == b','));
            !numeric
        }
        _ => false,
    }
}

/// The text of a numeric cell as Rust reads numbers and its decimal mark, or why it is not a
/// number: a formula, or `not` with the reason.
fn numeric_text(
    cell: &str,
    decimal_comma: bool,
    not: impl Fn(Option<&'static str>) -> Issue,
) -> Result<(Cow<'_, str>, Mark), Issue> {
    // A typographic minus (U+2212), as word processors, papers and the charts themselves write it.
    if let Some(rest) = cell.strip_prefix('\u{2212}') {
        let minus = format!("-{rest}");
        return numeric_text(&minus, decimal_comma, not)
            .map(|(text, mark)| (Cow::Owned(text.into_owned()), mark))
            .map_err(|issue| match issue {
                Issue::FormulaLike { .. } => Issue::FormulaLike {
                    cell: cell.to_string(),
                },
                other => other,
            });
    }
    let normalised = number_text(cell, decimal_comma);
    let probe = normalised.as_ref().map_or(cell, |(t, _)| t.as_ref());
    if is_formula_like(probe) {
        return Err(Issue::FormulaLike {
            cell: cell.to_string(),
        });
    }
    normalised.map_err(not)
}

/// A numeric cell, and the decimal mark it was written with.
fn parse_number(cell: &str, decimal_comma: bool) -> Result<(f64, Mark), Issue> {
    let not_number = |reason| Issue::CsvNotNumber {
        cell: cell.to_string(),
        reason,
    };
    let (text, mark) = numeric_text(cell, decimal_comma, not_number)?;
    match parse_f64(&text) {
        Some(x) if x.is_finite() => Ok((x, mark)),
        Some(_) => Err(Issue::NotFinite {
            found: cell.to_string(),
        }),
        None => Err(not_number(None)),
    }
}

fn parse_count(cell: &str, decimal_comma: bool) -> Result<u64, Issue> {
    let bad = |reason| Issue::CsvNotCount {
        cell: cell.to_string(),
        reason,
    };
    if let Ok(u) = cell.parse::<u64>() {
        return Ok(u);
    }
    if looks_grouped(cell) {
        return Err(bad(Some(THOUSANDS)));
    }
    if cell.trim_end().ends_with('%') {
        return Err(bad(Some("reason.percentage")));
    }
    let (text, _) = numeric_text(cell, decimal_comma, bad)?;
    match parse_f64(&text) {
        Some(x) if !x.is_finite() => Err(Issue::NotFinite {
            found: cell.to_string(),
        }),
        Some(x) if x < 0.0 => Err(bad(Some("reason.negative"))),
        Some(x) if x.fract() != 0.0 => Err(bad(Some("reason.fraction"))),
        Some(x) if x <= 9.0e15 => Ok(x as u64),
        Some(_) => Err(bad(Some("reason.too_large"))),
        None => Err(bad(None)),
    }
}

/// What people write in a spreadsheet's cells for a design or a direction, normalized, and the name
/// it stands for; a cell of other words is read with its spaces as `_` ("case series").
const CELL_WORDS: &[(&str, &str)] = &[
    ("randomised controlled trial", "rct"),
    ("randomized controlled trial", "rct"),
    ("randomised trial", "rct"),
    ("randomized trial", "rct"),
    ("randomised", "rct"),
    ("randomized", "rct"),
    ("crossover rct", "crossover_rct"),
    ("randomised crossover trial", "crossover_rct"),
    ("randomized crossover trial", "crossover_rct"),
    ("non randomized controlled", "non_randomised_controlled"),
    ("cohort study", "cohort"),
    ("uncontrolled", "single_arm"),
    ("meta analysis", "systematic_review"),
    ("lower is better", "lower"),
    ("higher is better", "higher"),
    ("fewer", "lower"),
    ("less", "lower"),
    ("more", "higher"),
    // Spanish and French.
    ("ensayo controlado aleatorizado", "rct"),
    ("ensayo aleatorizado", "rct"),
    ("eca", "rct"),
    ("aleatorizado", "rct"),
    ("ensayo aleatorizado cruzado", "crossover_rct"),
    ("ensayo cruzado aleatorizado", "crossover_rct"),
    ("no aleatorizado", "non_randomised_controlled"),
    ("estudio de cohortes", "cohort"),
    ("cohorte", "cohort"),
    ("serie de casos", "case_series"),
    ("un solo grupo", "single_arm"),
    ("sin control", "single_arm"),
    ("revisión sistemática", "systematic_review"),
    ("metanálisis", "systematic_review"),
    ("metaanálisis", "systematic_review"),
    ("menor es mejor", "lower"),
    ("mayor es mejor", "higher"),
    ("menos", "lower"),
    ("más", "higher"),
    ("essai contrôlé randomisé", "rct"),
    ("essai randomisé", "rct"),
    ("ecr", "rct"),
    ("randomisé", "rct"),
    ("essai randomisé croisé", "crossover_rct"),
    ("essai croisé randomisé", "crossover_rct"),
    ("non randomisé", "non_randomised_controlled"),
    ("étude de cohorte", "cohort"),
    ("série de cas", "case_series"),
    ("groupe unique", "single_arm"),
    ("bras unique", "single_arm"),
    ("sans contrôle", "single_arm"),
    ("revue systématique", "systematic_review"),
    ("méta analyse", "systematic_review"),
    ("plus bas", "lower"),
    ("plus haut", "higher"),
    ("moins", "lower"),
    ("plus", "higher"),
];

fn parse_enum<E: WireEnum>(cell: &str, what: &'static str, lower: bool) -> Result<E, Issue> {
    let key = if lower {
        let n = normalize(cell);
        match CELL_WORDS.iter().find(|(words, _)| *words == n) {
            Some((_, name)) => name.to_string(),
            None => n.replace(' ', "_"),
        }
    } else {
        cell.to_ascii_uppercase()
    };
    E::from_name(&key).ok_or_else(|| Issue::UnknownValue {
        what,
        found: cell.to_string(),
        allowed: E::NAMES,
    })
}

/// One row that passed its own checks, waiting to be grouped into its study.
struct Row {
    row: usize,
    study: String,
    cells: HashMap<&'static str, String>,
    moderators: BTreeMap<String, String>,
    outcome: Outcome,
    year: Option<u16>,
    design: Option<Design>,
    source_kind: Option<SourceKind>,
}

/// What every row is read with.
struct RowContext<'a> {
    options: &'a CsvOptions,
    /// Decimal commas are read (the file is separated by semicolons or tabs).
    decimal_comma: bool,
    /// The measure a header names ("OR"), for rows without a `measure` cell.
    implied: Option<Measure>,
    /// The first number written with a decimal comma and the first with a point: (cell, place).
    comma: Option<(String, String)>,
    point: Option<(String, String)>,
}

fn read(text: &str, options: &CsvOptions, sink: &mut Sink) -> Option<Dataset> {
    let (sep, text, sep_line) = separator(text);
    let mut reader = RowReader::open(text.as_bytes(), sep, sep_line, options, MAX_ROWS, sink)?;
    let mut rows = Vec::new();
    while let Some(row) = reader.next_row(sink) {
        rows.extend(row);
    }
    reader.end(sink);
    let dataset = reader.assemble(rows, MAX_STUDIES, sink);
    tidy(sink, &reader.columns, &reader.filled);
    Some(dataset)
}

/// Reads a CSV file of any size a chunk of `chunk_rows` rows at a time, handing each chunk to
/// `each` as a dataset of its own with its problems, so that no more than a chunk's studies are
/// ever held: the command line's analysis of millions of rows. The file is read twice: once to
/// tell its encoding as [`parse_csv`] tells it from the whole file, then for its rows. The file's
/// own problems (its encoding, header, separator) come in the returned `Parsed`, whose dataset is
/// `None` when the file cannot be read as a table and empty otherwise.
///
/// The widget's limits (rows, studies, bytes) do not apply. Rows of one study that fall into two
/// chunks become two studies of the same name; a row-per-study analysis is the same either way.
pub fn read_chunks(
    source: impl Read + Seek,
    options: &CsvOptions,
    chunk_rows: usize,
    each: &mut dyn FnMut(Parsed),
) -> Parsed {
    let mut sink = Sink::default();
    let dataset = read_chunks_into(source, options, chunk_rows.max(1), each, &mut sink);
    sink.into_parsed(dataset)
}

fn read_chunks_into(
    mut source: impl Read + Seek,
    options: &CsvOptions,
    chunk_rows: usize,
    each: &mut dyn FnMut(Parsed),
    sink: &mut Sink,
) -> Option<Dataset> {
    let read_error = |sink: &mut Sink, e: std::io::Error| {
        sink.error(
            "",
            Issue::CsvRead {
                detail: e.to_string(),
            },
        );
    };
    // UTF-16 (Excel's "Unicode Text", which holds at most Excel's million rows) is read whole and
    // streamed on as UTF-8.
    let mut mark = [0u8; 2];
    let marked = (source.rewind().and_then(|()| source.read_exact(&mut mark))).is_ok()
        && matches!(mark, [0xFF, 0xFE] | [0xFE, 0xFF]);
    if marked {
        let mut bytes = mark.to_vec();
        if let Err(e) = source.read_to_end(&mut bytes) {
            read_error(sink, e);
            return None;
        }
        if let Some(decoded) = decode_utf16(&bytes) {
            return match decoded {
                Ok(text) => {
                    let utf8 = std::io::Cursor::new(text.into_bytes());
                    read_chunks_into(utf8, options, chunk_rows, each, sink)
                }
                Err(e) => {
                    sink.error("", e.issue());
                    None
                }
            };
        }
    }
    if let Err(e) = source.rewind() {
        read_error(sink, e);
        return None;
    }
    let decoded = match sniff_text(&mut source, 1 << 20) {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => {
            sink.error("", e.issue());
            return None;
        }
        Err(e) => {
            read_error(sink, e);
            return None;
        }
    };
    if decoded == Decoded::Windows1252 {
        sink.warn("", Issue::ReadAsWindows1252);
    }
    // The separator is told from the file's start (its header line).
    let mut head = Vec::new();
    let read = source
        .rewind()
        .and_then(|()| source.by_ref().take(HEAD_BYTES).read_to_end(&mut head));
    if let Err(e) = read {
        read_error(sink, e);
        return None;
    }
    let (text, cut) = decode_head(&head, decoded);
    if text.trim().is_empty() {
        sink.error("", Issue::Empty);
        return None;
    }
    let (sep, rest, sep_line) = separator(&text);
    let rest = std::io::Cursor::new(rest.as_bytes().to_vec());
    // The bytes of a character cut off at the end of the start come before the rest of the file.
    let cut = std::io::Cursor::new(cut.to_vec());
    let table = Table {
        sep,
        sep_line,
        options,
        chunk_rows,
    };
    match decoded {
        Decoded::Utf8 => table.stream(rest.chain(cut).chain(source), each, sink),
        Decoded::Windows1252 => table.stream(
            rest.chain(Windows1252 {
                inner: cut.chain(source),
                pending: Vec::new(),
            }),
            each,
            sink,
        ),
    }
}

/// How a streamed file is read: its separator, whether a `sep=` line named it, the options, and
/// how many rows make a chunk.
struct Table<'o> {
    sep: u8,
    sep_line: bool,
    options: &'o CsvOptions,
    chunk_rows: usize,
}

impl Table<'_> {
    fn stream(
        &self,
        body: impl Read,
        each: &mut dyn FnMut(Parsed),
        sink: &mut Sink,
    ) -> Option<Dataset> {
        let mut reader = RowReader::open(
            body,
            self.sep,
            self.sep_line,
            self.options,
            usize::MAX,
            sink,
        )?;
        let mut chunk = Sink::default();
        let mut rows = Vec::new();
        // Rows read into this chunk, good or not: a chunk's problems are held until it is handed over.
        let mut read = 0;
        let mut more = true;
        while more {
            match reader.next_row(&mut chunk) {
                Some(row) => {
                    rows.extend(row);
                    read += 1;
                }
                None => {
                    more = false;
                    reader.end(sink);
                }
            }
            if read >= self.chunk_rows || !more {
                read = 0;
                let dataset = reader.assemble(std::mem::take(&mut rows), usize::MAX, &mut chunk);
                tidy(&mut chunk, &reader.columns, &reader.filled);
                reader.filled.iter_mut().for_each(|n| *n = 0);
                each(Parsed {
                    dataset: Some(dataset),
                    errors: std::mem::take(&mut chunk.errors),
                    warnings: std::mem::take(&mut chunk.warnings),
                });
            }
        }
        Some(Dataset::default())
    }
}

/// How much of a streamed file's start tells its encoding and separator.
const HEAD_BYTES: u64 = 64 * 1024;

/// A streamed file's start as text in its encoding (without a byte-order mark), and the bytes of
/// a UTF-8 sequence cut off at its end, which belong to the rest of the file.
fn decode_head(head: &[u8], decoded: Decoded) -> (String, &[u8]) {
    match decoded {
        Decoded::Windows1252 => (super::decode_windows_1252(head), &[]),
        Decoded::Utf8 => {
            let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
            let (text, cut) = match std::str::from_utf8(head) {
                Ok(t) => (t, &[][..]),
                Err(e) => {
                    let (valid, cut) = head.split_at(e.valid_up_to());
                    (std::str::from_utf8(valid).unwrap_or_default(), cut)
                }
            };
            (text.to_string(), cut)
        }
    }
}

/// Windows-1252 bytes read as UTF-8, for the streamed reader. A character that does not fit in the
/// caller's buffer waits in `pending` for the next read.
struct Windows1252<R> {
    inner: R,
    pending: Vec<u8>,
}

impl<R: Read> Read for Windows1252<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() {
            // Each byte becomes at most three bytes of UTF-8.
            let mut raw = vec![0u8; (out.len() / 3).max(1)];
            let n = self.inner.read(&mut raw)?;
            self.pending = super::decode_windows_1252(&raw[..n]).into_bytes();
        }
        let n = self.pending.len().min(out.len());
        out[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        Ok(n)
    }
}

/// The rows of a CSV file after its header, read one at a time.
struct RowReader<'o, R: Read> {
    records: ::csv::StringRecordsIntoIter<R>,
    columns: Vec<(Option<&'static str>, String)>,
    context: RowContext<'o>,
    has_design: bool,
    has_outcome: bool,
    has_better: bool,
    /// Some column holds numbers the chart reads; without one, an extra column whose cells hold an
    /// estimate with its interval is said, at its first such cell (`interval_said`).
    has_data: bool,
    interval_said: Vec<bool>,
    /// Non-empty cells per column, so that a column none of whose cells can be read is said once.
    filled: Vec<usize>,
    /// Without an `outcome` column, each study id given so far and its row, so that a name
    /// repeated in a later chunk is numbered as it is in one file.
    taken: HashMap<String, usize>,
    /// The next number to try for each repeated name: numbers below it are taken already, so the
    /// search does not start at 2 every time (which was quadratic: 80,000 rows named "a" hung).
    next_number: HashMap<String, usize>,
    index: usize,
    counted: usize,
    max_rows: usize,
}

impl<'o, R: Read> RowReader<'o, R> {
    /// Reads the header; `None` when the file cannot be read as a table (said in `sink`).
    fn open(
        source: R,
        sep: u8,
        sep_line: bool,
        options: &'o CsvOptions,
        max_rows: usize,
        sink: &mut Sink,
    ) -> Option<Self> {
        let mut records = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(sep)
            .trim(::csv::Trim::All)
            .from_reader(source)
            .into_records();
        let header = match records.next() {
            Some(Ok(h)) => h,
            Some(Err(e)) => {
                sink.error(
                    "row 1",
                    Issue::CsvRead {
                        detail: e.to_string(),
                    },
                );
                return None;
            }
            None => {
                sink.error("", Issue::Empty);
                return None;
            }
        };
        if sep != b',' {
            sink.warn(
                "",
                Issue::Separator {
                    name: if sep == b';' {
                        "separator.semicolons"
                    } else {
                        "separator.tabs"
                    },
                    sep_line,
                },
            );
        }
        let names: Vec<String> = header
            .iter()
            .enumerate()
            .map(|(i, name)| {
                if name.is_empty() {
                    format!("column {}", i + 1)
                } else {
                    name.to_string()
                }
            })
            .collect();
        let (columns, header_ok, implied) = resolve_header(&names, sink);
        if !columns.iter().any(|(k, _)| *k == Some("study")) {
            sink.error("row 1", Issue::MissingColumn { column: "study" });
            return None;
        }
        if !header_ok {
            return None;
        }
        let has = |c: &str| columns.iter().any(|(k, _)| *k == Some(c));
        let has_data = COUNT_COLUMNS
            .iter()
            .chain(NUMBER_COLUMNS)
            .any(|c| *c != "level" && has(c));
        if !has_data {
            sink.warn(
                "row 1",
                Issue::NoDataColumns {
                    moderators: columns
                        .iter()
                        .filter(|(k, _)| k.is_none())
                        .map(|(_, n)| n.clone())
                        .collect(),
                },
            );
        }
        Some(RowReader {
            has_design: has("design"),
            has_outcome: has("outcome"),
            has_better: has("better"),
            has_data,
            interval_said: vec![false; columns.len()],
            filled: vec![0; columns.len()],
            taken: HashMap::new(),
            next_number: HashMap::new(),
            records,
            columns,
            context: RowContext {
                options,
                decimal_comma: sep != b',',
                implied,
                comma: None,
                point: None,
            },
            index: 0,
            counted: 0,
            max_rows,
        })
    }

    /// The next row: `None` at the end (or past the row limit), `Some(None)` for a row that is
    /// blank or was left out (said in `sink`).
    fn next_row(&mut self, sink: &mut Sink) -> Option<Option<Row>> {
        let rec = self.records.next()?;
        self.index += 1;
        let row = self.index + 1;
        // Every non-blank row counts, not only the good ones: a million bad rows must not give a
        // million errors (that took 24 s in the CLI and flooded the widget). Blank rows (a
        // spreadsheet's trailing ",,,,") are skipped below and do not count.
        if !matches!(&rec, Ok(r) if r.iter().all(str::is_empty)) {
            self.counted += 1;
            if self.counted > self.max_rows {
                sink.error(
                    format!("row {row}"),
                    Issue::TooManyStudies {
                        count: self.counted,
                        limit: self.max_rows,
                    },
                );
                return None;
            }
        }
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                sink.error(
                    format!("row {row}"),
                    Issue::CsvRead {
                        detail: e.to_string(),
                    },
                );
                return Some(None);
            }
        };
        if rec.iter().all(str::is_empty) {
            return Some(None);
        }
        // A note below or beside the table ("Source: …", "* made-up numbers"): one cell of words
        // and nothing else is no study. Left out and said, where it had become a study named by
        // the note, of unknown design, on the evidence map. (A lone number is data whose row
        // lacks the rest, and a short row whose one cell holds separators or lines is a row that
        // a quote left open ran together: the row's own problems say what.)
        let mut filled = rec.iter().filter(|c| !c.trim().is_empty());
        let note = match (filled.next(), filled.next()) {
            (Some(c), None) if self.columns.len() > 1 => {
                let run_together =
                    rec.len() < self.columns.len() && c.contains([',', ';', '\t', '\n']);
                (!run_together && crate::number::parse_f64(c.trim()).is_none()).then_some(c)
            }
            _ => None,
        };
        if let Some(note) = note {
            sink.warn(
                format!("row {row}"),
                Issue::NoteRow {
                    text: note.trim().chars().take(60).collect(),
                },
            );
            return Some(None);
        }
        if rec.len() != self.columns.len() {
            // In a file separated by commas an unquoted comma in a name or a number splits a cell.
            let comma_split = !self.context.decimal_comma && rec.len() > self.columns.len();
            sink.error(
                format!("row {row}"),
                Issue::RowLength {
                    found: rec.len(),
                    expected: self.columns.len(),
                    comma_split,
                    lines_taken: rec
                        .iter()
                        .map(|c| c.trim_end_matches(['\r', '\n']).matches('\n').count())
                        .sum(),
                },
            );
            return Some(None);
        }
        let mut cells: HashMap<&'static str, String> = HashMap::new();
        let mut moderators = BTreeMap::new();
        for (i, ((known, name), cell)) in self.columns.iter().zip(rec.iter()).enumerate() {
            if cell.is_empty() {
                continue;
            }
            self.filled[i] += 1;
            match known {
                Some(k) => {
                    cells.insert(*k, cell.to_string());
                }
                None => {
                    if !self.has_data && !self.interval_said[i] && estimate_with_interval(cell) {
                        self.interval_said[i] = true;
                        sink.error(
                            format!("row {row}, column {name}"),
                            Issue::EstimateWithInterval {
                                cell: cell.to_string(),
                            },
                        );
                    }
                    moderators.insert(name.clone(), cell.to_string());
                }
            }
        }
        Some(read_row(row, cells, moderators, &mut self.context, sink))
    }

    /// What is said once the rows are read: mixed decimal marks, a missing design or `better`.
    fn end(&self, sink: &mut Sink) {
        if let (Some((comma, comma_at)), Some((point, point_at))) =
            (&self.context.comma, &self.context.point)
        {
            sink.warn(
                point_at.clone(),
                Issue::MixedDecimalMarks {
                    comma: comma.clone(),
                    // (The warning's own place is renamed with the others, in `tidy`.)
                    comma_at: editors_place(&self.columns, comma_at.clone()),
                    point: point.clone(),
                },
            );
        }
        if !self.has_design {
            sink.warn(
                "row 1",
                Issue::DesignNotGiven {
                    column_missing: true,
                },
            );
        }
        if !self.has_better {
            sink.warn(
                "row 1",
                Issue::AssumedColumn {
                    column: "better",
                    assumed: "assumed.better_lower",
                },
            );
        }
        // Readers would read "may reduce main": the editor is told how to name it.
        if !self.has_outcome {
            sink.warn(
                "row 1",
                Issue::AssumedColumn {
                    column: "outcome",
                    assumed: "assumed.one_outcome",
                },
            );
        }
    }

    /// Groups rows into studies, in order of first appearance, keeping at most `max_studies`.
    fn assemble(&mut self, rows: Vec<Row>, max_studies: usize, sink: &mut Sink) -> Dataset {
        // Without an `outcome` column each row is one study (metafor's layout, where two studies may
        // share a name, e.g. "Rosenthal et al" 1960 and 1961); repeated names get a numbered id.
        let one_row_per_study = !self.has_outcome;
        // A row with no outcome where others name theirs: left out, where it had become an outcome
        // of its own ("main"), pooled with nothing.
        let mut rows = rows;
        if rows.iter().any(|r| r.cells.contains_key("outcome")) {
            rows.retain(|r| {
                let named = r.cells.contains_key("outcome");
                if !named {
                    sink.error(
                        format!("row {}, column outcome", r.row),
                        Issue::EmptyOutcome,
                    );
                }
                named
            });
        }
        tell_near_outcomes(&rows, sink);
        let mut order: Vec<String> = Vec::new();
        let mut groups: HashMap<String, Vec<Row>> = HashMap::new();
        for mut r in rows {
            if one_row_per_study {
                if let Some(&first) = self.taken.get(&r.study) {
                    let mut k = self.next_number.get(&r.study).copied().unwrap_or(2);
                    let id = loop {
                        let candidate = format!("{} #{k}", r.study);
                        if !self.taken.contains_key(&candidate) {
                            break candidate;
                        }
                        k += 1;
                    };
                    self.next_number.insert(r.study.clone(), k + 1);
                    sink.warn(
                        format!("row {}, column study", r.row),
                        Issue::RepeatedStudyName {
                            name: r.study.clone(),
                            row: first,
                            id: id.clone(),
                        },
                    );
                    r.cells.entry("label").or_insert_with(|| r.study.clone());
                    r.study = id;
                }
                self.taken.insert(r.study.clone(), r.row);
            }
            if !groups.contains_key(&r.study) {
                order.push(r.study.clone());
            }
            groups.entry(r.study.clone()).or_default().push(r);
        }
        let ids: HashSet<&str> = order.iter().map(String::as_str).collect();
        let mut studies = Vec::new();
        for id in &order {
            // The map's own key, taken back with the rows: no copy of the id.
            let Some((id, group)) = groups.remove_entry(id) else {
                continue;
            };
            let (study, locs, path) = build_study(id, group, self.has_design, sink);
            // A CSV study exists only through its rows: when all of them were dropped, so is the
            // study (`check_study` leaves out a study whose every outcome has errors).
            if let Some((s, locs)) = check_study(&path, study, locs, sink) {
                studies.push((path, s, locs));
            }
        }
        if studies.len() > max_studies {
            // Named at the first row that was left out, so editors know where the cut is.
            let path = studies[max_studies].0.clone();
            sink.error(
                path,
                Issue::TooManyStudies {
                    count: studies.len(),
                    limit: max_studies,
                },
            );
            studies.truncate(max_studies);
        }
        let (studies, claims) = finish(studies, Vec::new(), &ids, sink);
        Dataset {
            studies,
            claims,
            ..Dataset::default()
        }
    }
}

/// Each column as a known column (`Some`) or a moderator (`None`), with its header text; whether
/// the header can be used; and the measure a header names. Headers read as a known column under
/// another name are said in a warning; two headers for one column are an error when both are its
/// own name, else the other spelling is kept as a moderator, said in a warning.
#[allow(clippy::type_complexity)]
fn resolve_header(
    names: &[String],
    sink: &mut Sink,
) -> (Vec<(Option<&'static str>, String)>, bool, Option<Measure>) {
    let recognised: Vec<Option<Recognised>> = names.iter().map(|n| recognise(n)).collect();
    let mut ok = true;
    // Moderators named twice are an error too: which one would a subgroup use?
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        if recognised[i].is_some() {
            continue;
        }
        if let Some(like) = misspelt_header(name) {
            let issue = Issue::UnknownColumnLike {
                header: name.clone(),
                like,
            };
            sink.warn("row 1", issue);
        }
        if let Some(&first) = seen.get(name.as_str()) {
            sink.error(
                "row 1",
                Issue::DuplicateColumn {
                    column: name.clone(),
                    first: first + 1,
                    second: i + 1,
                },
            );
            ok = false;
        }
        seen.insert(name.clone(), i);
    }
    let mut order: Vec<usize> = (0..names.len())
        .filter(|&i| recognised[i].is_some())
        .collect();
    crate::sort::sort_by_key(&mut order, |&i| (recognised[i].map_or(0, |r| r.rank), i));
    // Which header each known column was read from.
    let mut owner: HashMap<String, usize> = HashMap::new();
    let mut columns: Vec<(Option<&'static str>, String)> =
        names.iter().map(|n| (None, n.clone())).collect();
    let mut implied = None;
    let mut notes = Vec::new();
    for i in order {
        let Some(r) = recognised[i] else { continue };
        match owner.get(r.column) {
            Some(&j) if r.rank == 0 => {
                let (first, second) = (j.min(i), j.max(i));
                sink.error(
                    "row 1",
                    Issue::DuplicateColumn {
                        column: names[second].clone(),
                        first: first + 1,
                        second: second + 1,
                    },
                );
                ok = false;
            }
            Some(&j) => notes.push((
                i,
                Issue::KeptAsModerator {
                    header: names[i].clone(),
                    column: r.column,
                    taken_by: names[j].clone(),
                },
            )),
            None => {
                owner.insert(r.column.to_string(), i);
                columns[i].0 = Some(r.column);
                implied = implied.or(r.measure);
                // The template's own headers ("Control N") are known names, not readings to check.
                let template = normalize(template_header(r.column));
                if names[i].to_ascii_lowercase() != r.column && normalize(&names[i]) != template {
                    notes.push((
                        i,
                        Issue::ReadColumnAs {
                            header: names[i].clone(),
                            column: r.column,
                            meaning: meaning(r.column),
                            measure: r.measure,
                        },
                    ));
                }
            }
        }
    }
    // In the order of the columns, as the editor reads the header.
    crate::sort::sort_by_key(&mut notes, |(i, _)| *i);
    for (_, note) in notes {
        sink.warn("row 1", note);
    }
    (columns, ok, implied)
}

/// Says once what many rows share. Rows that need a column the header lacks give one error naming
/// the column; a column none of whose cells could be read gives one error at its first cell; the
/// same message for several rows is one problem with the rows listed. Then places name the
/// editor's header where a column was read under another name.
fn tidy(sink: &mut Sink, columns: &[(Option<&'static str>, String)], filled: &[usize]) {
    let errors = std::mem::take(&mut sink.errors);
    let errors = said_once(errors, columns, filled);
    let rename = |mut p: Problem| {
        p.path = editors_place(columns, p.path);
        p
    };
    sink.errors = merge_rows(errors).into_iter().map(rename).collect();
    let warnings = std::mem::take(&mut sink.warnings);
    sink.warnings = merge_rows(warnings).into_iter().map(rename).collect();
}

/// A place (`row 5, column m1i`) under the editor's header where a known column was read under
/// another name (`row 5, column Experimental mean`).
fn editors_place(columns: &[(Option<&'static str>, String)], path: String) -> String {
    let Some((head, column)) = path.split_once(", column ") else {
        return path;
    };
    let header = columns.iter().find_map(|(k, name)| {
        (*k == Some(column) && name.to_ascii_lowercase() != column).then_some(name)
    });
    match header {
        Some(name) => format!("{head}, column {name}"),
        None => path,
    }
}

/// `row N` or `row N, column C` (N ≥ 2: a data row).
fn row_place(path: &str) -> Option<(usize, Option<&str>)> {
    let rest = path.strip_prefix("row ")?;
    let (row, column) = match rest.split_once(", column ") {
        Some((r, c)) => (r, Some(c)),
        None => (rest, None),
    };
    row.parse().ok().filter(|r| *r >= 2).map(|r| (r, column))
}

/// Rows as a spreadsheet user reads them: `2–4, 7, 9–12`, at most six runs.
fn row_list(rows: &mut Vec<usize>) -> String {
    crate::sort::sort_unique(rows);
    let mut runs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() && runs.len() <= 6 {
        let start = rows[i];
        while i + 1 < rows.len() && rows[i + 1] == rows[i] + 1 {
            i += 1;
        }
        runs.push(if rows[i] == start {
            start.to_string()
        } else {
            format!("{start}–{}", rows[i])
        });
        i += 1;
    }
    if runs.len() > 6 {
        runs.truncate(6);
        runs.push("…".to_string());
    }
    runs.join(", ")
}

/// The errors with a missing column said once, and a column none of whose cells can be read said
/// once (at its first cell).
fn said_once(
    errors: Vec<Problem>,
    columns: &[(Option<&'static str>, String)],
    filled: &[usize],
) -> Vec<Problem> {
    type MissingKey = (String, Option<String>, Option<&'static str>);
    let absent = |c: &str| CSV_COLUMNS.contains(&c) && !columns.iter().any(|(k, _)| *k == Some(c));
    // Non-empty cells of a column, by the name problems use for it.
    let filled_in = |c: &str| {
        columns
            .iter()
            .zip(filled)
            .find(|((k, name), _)| k.unwrap_or(name) == c)
            .map(|(_, n)| *n)
    };
    let mut missing: Vec<(MissingKey, Vec<usize>)> = Vec::new();
    let mut missing_of = vec![None; errors.len()];
    // An empty cell in a column the file has is said at the cell.
    let errors: Vec<Problem> = (errors.into_iter())
        .map(|p| match &p.issue {
            Issue::MissingField { field } if !absent(field) && CSV_COLUMNS.contains(field) => {
                Problem::new(format!("{}, column {field}", p.path), Issue::EmptyNeeded)
            }
            _ => p,
        })
        .collect();
    // Errors in cells that cannot be read, by column (few columns: a list).
    let mut bad_cells: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, p) in errors.iter().enumerate() {
        let Some((row, column)) = row_place(&p.path) else {
            continue;
        };
        let issue = &p.issue;
        let key: Option<MissingKey> = match (issue, column) {
            (Issue::EmptyCell { form }, Some(c)) if absent(c) => {
                Some((c.to_string(), None, Some(*form)))
            }
            (Issue::MissingField { field }, None) if absent(field) => {
                Some((field.to_string(), None, None))
            }
            (Issue::NeitherGiven { a, b }, None) if absent(a) && absent(b) => {
                Some((a.to_string(), Some(b.to_string()), None))
            }
            _ => None,
        };
        if let Some(key) = key {
            // One line per missing column: rows of different forms that need it share it, and
            // then it names no form.
            let at = match missing
                .iter()
                .position(|(k, _)| (&k.0, &k.1) == (&key.0, &key.1))
            {
                Some(at) => {
                    if missing[at].0 .2 != key.2 {
                        missing[at].0 .2 = None;
                    }
                    at
                }
                None => {
                    missing.push((key, Vec::new()));
                    missing.len() - 1
                }
            };
            missing[at].1.push(row);
            missing_of[i] = Some(at);
            continue;
        }
        let cell_issue = matches!(
            issue,
            Issue::CsvNotCount { .. }
                | Issue::CsvNotNumber { .. }
                | Issue::FormulaLike { .. }
                | Issue::NotFinite { .. }
                | Issue::CsvBad { .. }
                | Issue::UnknownValue { .. }
        );
        if let (true, Some(c)) = (cell_issue, column) {
            match bad_cells.iter_mut().find(|(name, _)| name == c) {
                Some((_, at)) => at.push(i),
                None => bad_cells.push((c.to_string(), vec![i])),
            }
        }
    }
    // Columns none of whose (two or more) filled cells could be read: said at the first error,
    // with the rows of them all; the others are not said.
    let mut skipped = vec![false; errors.len()];
    let mut whole: Vec<(usize, Vec<usize>)> = Vec::new();
    for (column, at) in bad_cells {
        if at.len() < 2 || filled_in(&column) != Some(at.len()) {
            continue;
        }
        for &i in &at[1..] {
            skipped[i] = true;
        }
        let rows = at
            .iter()
            .filter_map(|&i| row_place(&errors[i].path).map(|(r, _)| r))
            .collect();
        whole.push((at[0], rows));
    }
    let mut said = vec![false; missing.len()];
    let mut out = Vec::with_capacity(errors.len());
    for (i, p) in errors.into_iter().enumerate() {
        if let Some(at) = missing_of[i] {
            if !said[at] {
                said[at] = true;
                let ((column, or, form), rows) = &mut missing[at];
                let count = rows.len();
                out.push(Problem::new(
                    "row 1",
                    Issue::MissingColumnFor {
                        column: column.clone(),
                        meaning: meaning(column),
                        or: or.clone(),
                        form: *form,
                        count,
                        rows: row_list(rows),
                    },
                ));
            }
        } else if let Some((_, at)) = whole.iter().find(|(first, _)| *first == i) {
            let column = row_place(&p.path).and_then(|(_, c)| c).unwrap_or("");
            let (expected, what) = match &p.issue {
                Issue::CsvBad { expected, .. } => (*expected, ""),
                Issue::UnknownValue { what, .. } => ("expect.known", *what),
                Issue::CsvNotCount { .. } => ("expect.a_count", ""),
                _ if COUNT_COLUMNS.contains(&column) => ("expect.a_count", ""),
                _ => ("expect.number", ""),
            };
            let mut rows = at.clone();
            let count = rows.len();
            out.push(Problem::new(
                p.path.clone(),
                Issue::WholeColumn {
                    first: Box::new(p.issue),
                    expected,
                    what,
                    count,
                    rows: row_list(&mut rows),
                },
            ));
        } else if !skipped[i] {
            out.push(p);
        }
    }
    out
}

/// Problems with the same message at the same column of several rows, said once for all of them
/// (`rows 2–4, 7, column n2i: …`).
fn merge_rows(problems: Vec<Problem>) -> Vec<Problem> {
    // By column and message (one string: the key type the reader already uses).
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut slot: Vec<Option<usize>> = Vec::with_capacity(problems.len());
    for p in &problems {
        match row_place(&p.path) {
            Some((row, column)) => {
                let key = format!("{}\u{0}{}", column.unwrap_or("\u{0}"), p.message());
                let at = *first.entry(key).or_insert_with(|| {
                    rows.push(Vec::new());
                    rows.len() - 1
                });
                rows[at].push(row);
                slot.push(Some(at));
            }
            None => slot.push(None),
        }
    }
    let mut said = vec![false; rows.len()];
    let mut out = Vec::with_capacity(problems.len());
    for (p, slot) in problems.into_iter().zip(slot) {
        match slot {
            None => out.push(p),
            Some(at) if said[at] => {}
            Some(at) => {
                said[at] = true;
                if rows[at].len() < 2 {
                    out.push(p);
                    continue;
                }
                let column = row_place(&p.path).and_then(|(_, c)| c).map(str::to_string);
                let list = row_list(&mut rows[at]);
                out.push(Problem {
                    path: match column {
                        Some(c) => format!("rows {list}, column {c}"),
                        None => format!("rows {list}"),
                    },
                    issue: p.issue,
                });
            }
        }
    }
    out
}

/// Rows are study-outcomes; several outcomes per study are allowed, so the row limit is looser.
const MAX_ROWS: usize = 4 * MAX_STUDIES;

/// Outcomes that a table probably means as one but writes two ways: names alike but for case or a
/// plural ("Relapse", "relapses"), said at the later name's first row; and an outcome better lower in
/// one row and higher in another, said at its first row that differs. Each pair once.
fn tell_near_outcomes(rows: &[Row], sink: &mut Sink) {
    // Each outcome's first row, direction and whether it was told about, by index; the maps are of
    // the type the reader already has (each new map type compiles its own table code).
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut folded: HashMap<String, usize> = HashMap::new();
    let mut first: Vec<(&Row, bool)> = Vec::new();
    for r in rows {
        let id = &r.outcome.id;
        if let Some(&i) = index.get(id) {
            let (earlier, told) = &mut first[i];
            if earlier.outcome.better != r.outcome.better && !*told {
                *told = true;
                sink.warn(
                    format!("row {}, column better", r.row),
                    Issue::MixedBetter {
                        outcome: id.clone(),
                        row: earlier.row,
                    },
                );
            }
            continue;
        }
        index.insert(id.clone(), first.len());
        let name = normalize(id);
        let key = name.strip_suffix('s').unwrap_or(&name).to_string();
        match folded.get(&key) {
            Some(&i) => sink.warn(
                format!("row {}, column outcome", r.row),
                Issue::NearOutcome {
                    outcome: id.clone(),
                    other: first[i].0.outcome.id.clone(),
                    row: first[i].0.row,
                },
            ),
            None => {
                folded.insert(key, first.len());
            }
        }
        first.push((r, false));
    }
}

/// Whether a study's name is how a table names its totals ("Total", "Total (95% CI)",
/// "Subtotal", "Total events", "Overall", "Pooled"; "Sous-total", "Ensemble" in French).
fn is_totals_row(name: &str) -> bool {
    let name = normalize(name);
    let mut words = name.split(' ').peekable();
    if matches!(words.peek(), Some(&("sub" | "sous"))) {
        words.next();
    }
    // What follows the word says which total ("95 ci", "events", "random effects"), never a name.
    let qualifiers = [
        "95", "ci", "cl", "events", "effect", "effects", "estimate", "fixed", "random", "common",
        "model", "all", "studies", "mh", "iv", "m", "h",
    ];
    match words.next() {
        Some("total" | "totals" | "subtotal" | "subtotals" | "overall" | "pooled") => {
            words.all(|w| qualifiers.contains(&w))
        }
        Some("ensemble") => words.next().is_none(),
        _ => false,
    }
}

/// Whether a cell holds an estimate with its interval, as papers print them: "0.80 (0.60-1.05)",
/// "0.8 [0.6, 1.05]", "0,80 (0,60 to 1,05)".
fn estimate_with_interval(cell: &str) -> bool {
    let number = |t: &str| parse_f64(t.trim().replace(',', ".").as_str()).is_some();
    let Some((estimate, rest)) = cell.split_once(['(', '[']) else {
        return false;
    };
    let Some(inside) = rest.trim_end().strip_suffix([')', ']']) else {
        return false;
    };
    number(estimate)
        && [" to ", "\u{2013}", "\u{2014}", ";", ",", "-"]
            .iter()
            .any(|sep| {
                inside
                    .split_once(sep)
                    .is_some_and(|(a, b)| number(a) && number(b))
            })
}

fn read_row(
    row: usize,
    cells: HashMap<&'static str, String>,
    moderators: BTreeMap<String, String>,
    context: &mut RowContext,
    sink: &mut Sink,
) -> Option<Row> {
    let before = sink.errors.len();
    let at = |c: &str| format!("row {row}, column {c}");
    let Some(study) = cells.get("study").cloned() else {
        sink.error(at("study"), Issue::EmptyText);
        return None;
    };
    if is_totals_row(&study) {
        sink.warn(at("study"), Issue::TotalsRow { name: study });
        return None;
    }

    let year = match cells.get("year") {
        None => None,
        Some(c) => match c.parse::<u16>() {
            Ok(y) => Some(y),
            Err(_) => {
                sink.error(
                    at("year"),
                    Issue::CsvBad {
                        cell: c.clone(),
                        expected: "expect.year_whole",
                    },
                );
                None
            }
        },
    };
    let mut enum_cell = |col: &'static str, f: &dyn Fn(&str) -> Result<(), Issue>| {
        if let Some(c) = cells.get(col) {
            if let Err(e) = f(c) {
                sink.error(at(col), e);
            }
        }
    };
    enum_cell("design", &|c| {
        parse_enum::<Design>(c, "what.design", true).map(|_| ())
    });
    enum_cell("source_kind", &|c| {
        parse_enum::<SourceKind>(c, "what.source_kind", true).map(|_| ())
    });
    enum_cell("kind", &|c| {
        parse_enum::<OutcomeKind>(c, "what.kind", true).map(|_| ())
    });
    enum_cell("better", &|c| {
        parse_enum::<Better>(c, "what.direction", true).map(|_| ())
    });
    enum_cell("status", &|c| {
        parse_enum::<FactStatus>(c, "what.status", true).map(|_| ())
    });
    let design = cells
        .get("design")
        .and_then(|c| parse_enum::<Design>(c, "", true).ok());
    let source_kind = cells
        .get("source_kind")
        .and_then(|c| parse_enum::<SourceKind>(c, "", true).ok());
    let kind = cells
        .get("kind")
        .and_then(|c| parse_enum::<OutcomeKind>(c, "", true).ok())
        .unwrap_or(OutcomeKind::Benefit);
    let better = cells
        .get("better")
        .and_then(|c| parse_enum::<Better>(c, "", true).ok())
        .unwrap_or(Better::Lower);
    let status = cells
        .get("status")
        .and_then(|c| parse_enum::<FactStatus>(c, "", true).ok())
        .unwrap_or(FactStatus::Unverified);

    // Numeric cells.
    let mut counts: HashMap<&'static str, u64> = HashMap::new();
    let mut nums: HashMap<&'static str, f64> = HashMap::new();
    for &c in COUNT_COLUMNS {
        if let Some(v) = cells.get(c) {
            match parse_count(v, context.decimal_comma) {
                Ok(u) => {
                    counts.insert(c, u);
                }
                Err(e) => sink.error(at(c), e),
            }
        }
    }
    for &c in NUMBER_COLUMNS {
        if let Some(v) = cells.get(c) {
            match parse_number(v, context.decimal_comma) {
                Ok((x, mark)) => {
                    nums.insert(c, x);
                    let first = match mark {
                        Mark::Comma => &mut context.comma,
                        Mark::Point => &mut context.point,
                        Mark::None => continue,
                    };
                    if first.is_none() {
                        *first = Some((v.clone(), at(c)));
                    }
                }
                Err(e) => sink.error(at(c), e),
            }
        }
    }
    let measure_cell = match cells.get("measure") {
        None => None,
        Some(c) => match parse_enum::<Measure>(c, "what.measure", false) {
            Ok(m) => Some(m),
            Err(e) => {
                sink.error(at("measure"), e);
                None
            }
        },
    };
    if sink.errors.len() != before {
        return None;
    }

    // A measure named by the header ("OR") stands for an empty measure cell.
    let measure_cell = measure_cell.or(context.implied);
    let data = build_data(
        row,
        &cells,
        &counts,
        &nums,
        measure_cell,
        context.options,
        sink,
    )?;
    let outcome_id = cells
        .get("outcome")
        .cloned()
        .unwrap_or_else(|| "main".to_string());
    let outcome = Outcome {
        data,
        status,
        // A table's names are one language: the article is as plain as they are.
        article: cells.get("outcome_article").map(|a| a.as_str().into()),
        ..Outcome::new(outcome_id.clone(), outcome_id.into(), kind, better)
    };
    Some(Row {
        row,
        study,
        cells,
        moderators,
        outcome,
        year,
        design,
        source_kind,
    })
}

/// Builds the row's effect data from the filled data columns. `Some(None)`: no data columns filled.
fn build_data(
    row: usize,
    cells: &HashMap<&'static str, String>,
    counts: &HashMap<&'static str, u64>,
    nums: &HashMap<&'static str, f64>,
    measure_cell: Option<Measure>,
    options: &CsvOptions,
    sink: &mut Sink,
) -> Option<Option<EffectData>> {
    let at = |c: &str| format!("row {row}, column {c}");
    let filled: Vec<&str> = COUNT_COLUMNS
        .iter()
        .chain(NUMBER_COLUMNS)
        .copied()
        .filter(|c| cells.contains_key(c) && *c != "level")
        .collect();
    let measure_name = measure_cell
        .or(options.default_measure)
        .map(Measure::as_str);
    let form = match detect_form(filled.iter().copied(), measure_name) {
        Ok(Some(f)) => f,
        Ok(None) => {
            if filled.is_empty() {
                return Some(None);
            }
            sink.error(
                format!("row {row}"),
                Issue::UnknownDataForm {
                    fields: filled.iter().map(|s| s.to_string()).collect(),
                },
            );
            return None;
        }
        Err(issue) => {
            sink.error(format!("row {row}"), issue);
            return None;
        }
    };
    let form_name = form.name();
    let used: &[&str] = match form {
        Form::Counts => &["ai", "bi", "ci", "di", "n1i", "n2i"],
        Form::Means => &["m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"],
        Form::Generic => &["yi", "vi", "sei"],
        Form::Proportion => &["xi", "ni", "estimate", "ci_lb", "ci_ub", "level"],
        Form::Estimate => &["estimate", "ci_lb", "ci_ub", "level"],
    };
    let mut ok = true;
    for c in filled
        .iter()
        .chain(cells.contains_key("level").then_some(&"level"))
    {
        if !used.contains(c) {
            let plural = match form {
                Form::Counts => "form.counts",
                Form::Means => "form.means",
                Form::Generic => "forms.generic",
                Form::Proportion => "forms.proportions",
                Form::Estimate => "forms.estimates",
            };
            sink.error(at(c), Issue::CellNotForForm { form: plural });
            ok = false;
        }
    }
    let allowed = allowed_measures(form);
    let measure = match (measure_cell, options.default_measure) {
        (Some(m), _) => m,
        (None, Some(d)) if allowed.contains(&d.as_str()) => d,
        (None, Some(d)) if form != Form::Estimate => {
            sink.error(
                at("measure"),
                Issue::DefaultMeasureNotForForm {
                    measure: d,
                    form: form_name,
                    allowed,
                },
            );
            return None;
        }
        _ => match form {
            Form::Counts => Measure::Rr,
            Form::Means => Measure::Md,
            Form::Generic => Measure::Gen,
            Form::Proportion => Measure::Pr,
            Form::Estimate => {
                sink.error(
                    at("measure"),
                    Issue::EmptyCell {
                        form: "form.estimate_measure",
                    },
                );
                return None;
            }
        },
    };
    // The required cells left empty, in column order, each named in an error below.
    let mut missing: Vec<&'static str> = Vec::new();
    let data = match form {
        Form::Counts => EffectData::Counts(Counts {
            measure,
            ai: required(counts, "ai", &mut missing),
            bi: counts.get("bi").copied(),
            ci: required(counts, "ci", &mut missing),
            di: counts.get("di").copied(),
            n1i: counts.get("n1i").copied(),
            n2i: counts.get("n2i").copied(),
        }),
        Form::Means => EffectData::Means(Means {
            measure,
            m1i: required(nums, "m1i", &mut missing),
            sd1i: required(nums, "sd1i", &mut missing),
            n1i: required(counts, "n1i", &mut missing),
            m2i: required(nums, "m2i", &mut missing),
            sd2i: required(nums, "sd2i", &mut missing),
            n2i: required(counts, "n2i", &mut missing),
        }),
        Form::Estimate => EffectData::Estimate(Estimate {
            measure,
            estimate: required(nums, "estimate", &mut missing),
            ci_lb: required(nums, "ci_lb", &mut missing),
            ci_ub: required(nums, "ci_ub", &mut missing),
            level: nums.get("level").copied().unwrap_or(95.0),
        }),
        Form::Proportion => EffectData::Proportion(Proportion {
            measure,
            xi: counts.get("xi").copied(),
            ni: counts.get("ni").copied(),
            estimate: nums.get("estimate").copied(),
            ci_lb: nums.get("ci_lb").copied(),
            ci_ub: nums.get("ci_ub").copied(),
            level: nums.get("level").copied(),
        }),
        Form::Generic => EffectData::Generic(Generic {
            measure,
            yi: required(nums, "yi", &mut missing),
            vi: nums.get("vi").copied(),
            sei: nums.get("sei").copied(),
        }),
    };
    for c in missing {
        sink.error(at(c), Issue::EmptyCell { form: form_name });
        ok = false;
    }
    ok.then_some(Some(data))
}

/// The cell `column` of a data form that needs it; when it is empty its name goes to `missing`
/// (the row is then refused, so the default standing in for it is never used).
fn required<T: Copy + Default>(
    cells: &HashMap<&'static str, T>,
    column: &'static str,
    missing: &mut Vec<&'static str>,
) -> T {
    cells.get(column).copied().unwrap_or_else(|| {
        missing.push(column);
        T::default()
    })
}

/// Keeps the first row's value of a study-level column (`seen` maps the column to it and its
/// row); a later row of the study that says something else gets a warning naming the first.
fn keep_first<K: Ord + AsRef<str>>(
    seen: &mut BTreeMap<K, (String, usize)>,
    column: K,
    value: &str,
    row: usize,
    sink: &mut Sink,
) {
    match seen.get(&column) {
        Some((earlier, erow)) if earlier != value => sink.warn(
            format!("row {row}, column {}", column.as_ref()),
            Issue::ConflictingCell {
                value: value.to_string(),
                earlier: earlier.clone(),
                row: *erow,
            },
        ),
        Some(_) => {}
        None => {
            seen.insert(column, (value.to_string(), row));
        }
    }
}

/// Merges a study's rows. Study-level cells that disagree with an earlier row get a warning.
fn build_study(
    id: String,
    group: Vec<Row>,
    has_design: bool,
    sink: &mut Sink,
) -> (Study, Vec<Loc>, String) {
    let first_row = group[0].row;
    let path = format!("row {first_row}");
    let mut first_cells: BTreeMap<&'static str, (String, usize)> = BTreeMap::new();
    let mut moderators: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let mut year = None;
    let mut design = None;
    let mut source_kind = None;
    let mut outcomes = Vec::with_capacity(group.len());
    let mut locs = Vec::with_capacity(group.len());
    for r in group {
        for &c in STUDY_TEXT_COLUMNS {
            if let Some(v) = r.cells.get(c) {
                keep_first(&mut first_cells, c, v, r.row, sink);
            }
        }
        for (k, v) in &r.moderators {
            keep_first(&mut moderators, k.clone(), v, r.row, sink);
        }
        year = year.or(r.year);
        design = design.or(r.design);
        source_kind = source_kind.or(r.source_kind);
        outcomes.push(r.outcome);
        locs.push(Loc::Csv(r.row));
    }
    let text = |c: &str| first_cells.get(c).map(|(v, _)| v.clone());
    let label = text("label").unwrap_or_else(|| id.clone());
    let design = design.unwrap_or_else(|| {
        let all_single = !outcomes.is_empty()
            && outcomes
                .iter()
                .all(|o| o.data.as_ref().map_or(true, EffectData::is_single_arm))
            && outcomes.iter().any(|o| o.data.is_some());
        // Numbers of one group have no comparison whatever the design; anything else is not
        // known, and not rated as randomised.
        if all_single {
            Design::SingleArm
        } else {
            if has_design {
                sink.warn(
                    format!("row {first_row}, column design"),
                    Issue::DesignNotGiven {
                        column_missing: false,
                    },
                );
            }
            Design::Unknown
        }
    });
    let citation = Citation {
        text: text("citation").unwrap_or_else(|| label.clone()).into(),
        doi: text("doi"),
        pmid: text("pmid"),
        nct: text("nct"),
        url: text("url"),
        source_document: None,
    };
    let study = Study {
        year,
        source_kind: source_kind.unwrap_or(SourceKind::Paper),
        condition: text("condition").unwrap_or_default(),
        intervention: Intervention {
            therapy: text("therapy").unwrap_or_default(),
            ..Default::default()
        },
        design,
        outcomes,
        moderators: moderators.into_iter().map(|(k, (v, _))| (k, v)).collect(),
        ..Study::new(id, label.into(), citation)
    };
    (study, locs, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A caller reading a byte at a time gets every character whole.
    #[test]
    fn windows_1252_is_read_whole_through_any_buffer() {
        let mut reader = Windows1252 {
            inner: &b"M\xfcller \x80 caf\xe9"[..],
            pending: Vec::new(),
        };
        let mut out = Vec::new();
        let mut byte = [0u8; 1];
        while reader.read(&mut byte).unwrap() == 1 {
            out.push(byte[0]);
        }
        assert_eq!(String::from_utf8(out).unwrap(), "Müller € café");
    }
}
