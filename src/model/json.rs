//! The JSON reader.
//!
//! The input is first read into a JSON tree ([`super::tree`], with duplicate keys detected on the way), then
//! each study, outcome and claim is converted on its own, so one bad item costs only itself and every
//! problem is reported with its path. serde's own derive would stop at the first error and say
//! "invalid type: string \"2019a\", expected u16 at line 1 column 80", which editors cannot act on.

use foldhash::HashSet;

pub(crate) use super::tree::Json;
use super::tree::{self, Duplicate, Object};

use super::analysis::{Analysis, EffectModel, PoolMethod, Stored, StoredSubgroup};
use super::problem::{suggest, Found, Issue, Parsed, Problem, SyntaxHint};
use super::terms::TermNames;
use super::types::*;
pub(crate) use super::validate::Sink;
use super::validate::{check_claim, check_effect, check_study, finish, within_size_limit, Loc};
use super::{StringMap, MAX_STUDIES};

pub(crate) const DATASET_FIELDS: &[&str] = &[
    "schema",
    "title",
    "description",
    "question",
    "vocabulary",
    "studies",
    "claims",
];
const QUESTION_FIELDS: &[&str] = &["therapy", "condition"];
const VOCABULARY_FIELDS: &[&str] = &["therapies", "conditions", "outcomes", "routes", "glossary"];
const TERM_FIELDS: &[&str] = &[
    "id",
    "name",
    "aliases",
    "broader",
    "measured_by",
    "stands_for",
    "plural",
    "objective",
    "serious",
    "attributable",
    "meaning",
];
pub(crate) const STUDY_FIELDS: &[&str] = &[
    "id",
    "label",
    "year",
    "citation",
    "source_kind",
    "condition",
    "population",
    "intervention",
    "comparator",
    "design",
    "blinding",
    "phase",
    "n",
    "n_planned",
    "follow_up",
    "status",
    "caveats",
    "risk_of_bias",
    "publication_bias",
    "includes",
    "outcomes",
    "moderators",
];
const BIAS_FIELDS: &[&str] = &["domain", "judgement", "support"];
const PUBLICATION_BIAS_FIELDS: &[&str] = &["judgement", "support"];
pub(crate) const OUTCOME_FIELDS: &[&str] = &[
    "id",
    "name",
    "article",
    "kind",
    "better",
    "surrogate",
    "timepoint",
    "data",
    "reported",
    "citation",
    "status",
    "note",
    "subgroup",
    "concept",
    "analysis",
    "stored",
    "baseline",
];
const BASELINE_FIELDS: &[&str] = &["risk", "timepoint", "basis"];
/// A claim's fields. From `condition` on they are also a part's, and from `asserts` on a claim that
/// asserts one thing may give its part's fields here instead of in `parts` (its people are then
/// the claim's `condition`).
pub(crate) const CLAIM_FIELDS: &[&str] = &[
    "id",
    "text",
    "by",
    "citation",
    "therapy",
    "route",
    "parts",
    "translation",
    "studies",
    "condition",
    "asserts",
    "outcome",
    "value",
    "arm",
    "timeframe",
    "absolute",
    "words",
];
/// The fields of a part in `parts`, with the people it narrows the claim to (`condition`).
const PART_OBJECT_FIELDS: &[&str] = CLAIM_FIELDS.split_at(9).1;
/// The fields of a part that a one-part claim may give inline.
const CLAIM_PART_FIELDS: &[&str] = CLAIM_FIELDS.split_at(10).1;
// The two lists start where their comments say, whatever is added to the claim's.
const _: () = assert!(matches!(PART_OBJECT_FIELDS[0].as_bytes(), b"condition"));
const _: () = assert!(matches!(CLAIM_PART_FIELDS[0].as_bytes(), b"asserts"));
pub(crate) const CITATION_FIELDS: &[&str] =
    &["text", "doi", "pmid", "nct", "url", "source_document"];
pub(crate) const INTERVENTION_FIELDS: &[&str] = &["therapy", "cell_source", "route", "dose"];

const COUNTS_FIELDS: &[&str] = &["measure", "ai", "bi", "ci", "di", "n1i", "n2i"];
const MEANS_FIELDS: &[&str] = &["measure", "m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"];
const ESTIMATE_FIELDS: &[&str] = &["measure", "estimate", "ci_lb", "ci_ub", "level"];
const PROPORTION_FIELDS: &[&str] = &["measure", "xi", "ni", "estimate", "ci_lb", "ci_ub", "level"];
const GENERIC_FIELDS: &[&str] = &["measure", "yi", "vi", "sei"];

const ANALYSIS_FIELDS: &[&str] = &[
    "comparison",
    "measure",
    "method",
    "model",
    "level",
    "study_level",
    "date",
    "stored",
    "subgroups",
    "subgroup_test",
];
const STORED_FIELDS: &[&str] = &[
    "estimate", "ci_lb", "ci_ub", "se", "weight", "tau2", "Q", "Q_df", "Q_pval", "I2", "zval",
    "pval",
];
const STORED_SUBGROUP_FIELDS: &[&str] = &["name", "stored"];

// ------------------------------------------------------------------------------------------------
// Entry point

/// The first byte of a file after a byte-order mark and white space: what tells a dataset (`{`,
/// `[`) and a review's XML (`<`) from a table.
pub fn first_byte(bytes: &[u8]) -> Option<u8> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().copied().find(|b| !b.is_ascii_whitespace())
}

/// Whether bytes begin as a JSON dataset does, with `{` or `[` ([`first_byte`]): how a file that
/// is not named `.json` or `.csv` is told from a table.
pub fn looks_like_json(bytes: &[u8]) -> bool {
    matches!(first_byte(bytes), Some(b'{' | b'['))
}

/// Reads a dataset from JSON bytes. Never panics; reports every problem found.
pub fn parse_json(bytes: &[u8]) -> Parsed {
    let mut sink = Sink::default();
    if !within_size_limit(bytes, &mut sink) {
        return sink.into_parsed(None);
    }
    read_json(bytes, sink)
}

/// Reads the JSON that the converter made of a CSV table or a review (`import-wasm/`). Their own
/// limits bound it (the download's size, the rows and studies read), not
/// [`super::MAX_INPUT_BYTES`]: the JSON of a table near the download limit is larger than the table.
pub fn parse_converted_json(bytes: &[u8]) -> Parsed {
    read_json(bytes, Sink::default())
}

/// Begins each problem's message with the ids of the study, outcome or claim its path runs
/// through (`in study "smith_2019", outcome "death": …`): a path counts from 0 (`studies[9]`),
/// while an editor can search the file for an id. For the command line's lists; the reader's
/// problems keep bare paths, which tests match, and so does the widget's editor list (naming
/// them there cost the engine 1.3 kB gzipped). It reads the file's tree again, only when there
/// are problems to name.
pub fn name_places(bytes: &[u8], parsed: &mut Parsed) {
    if parsed.errors.is_empty() && parsed.warnings.is_empty() {
        return;
    }
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    let Ok((root, _)) = tree::parse(text.strip_prefix('\u{feff}').unwrap_or(text)) else {
        return;
    };
    for problem in parsed.errors.iter_mut().chain(&mut parsed.warnings) {
        let message = problem.message();
        let named: Vec<String> = (ids_along(&root, &problem.path).into_iter())
            // A message that names its study already ("study "x" was left out") is left as it is.
            .filter(|(_, id)| !message.contains(&format!("\"{id}\"")))
            .map(|(list, id)| format!("{} \"{id}\"", singular(list)))
            .collect();
        if !named.is_empty() {
            let issue = std::mem::replace(&mut problem.issue, Issue::Empty);
            problem.issue = Issue::In {
                places: named.join(", "),
                issue: Box::new(issue),
            };
        }
    }
}

/// The ids of the listed objects a path (`studies[2].outcomes[0].data`) runs through, each with
/// the name of its list.
fn ids_along<'p>(root: &Json<'_>, path: &'p str) -> Vec<(&'p str, String)> {
    let mut ids = Vec::new();
    let mut at = root;
    for step in path.split('.') {
        let (key, indices) = step.split_once('[').unwrap_or((step, ""));
        let Some(value) = at.get(key) else {
            break;
        };
        at = value;
        for index in indices.split('[').filter(|i| !i.is_empty()) {
            let element = match (at, index.trim_end_matches(']').parse::<usize>()) {
                (Json::Array(items), Ok(i)) => items.get(i),
                _ => None,
            };
            let Some(element) = element else {
                return ids;
            };
            at = element;
            if let Some(id) = at.get("id").and_then(Json::as_str) {
                ids.push((key, id.to_string()));
            }
        }
    }
    ids
}

/// A list's name for one of its items: `studies` → `study`, `outcomes` → `outcome`.
fn singular(list: &str) -> String {
    match list.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => list.strip_suffix('s').unwrap_or(list).to_string(),
    }
}

fn read_json(bytes: &[u8], mut sink: Sink) -> Parsed {
    let dataset = precheck(bytes, &mut sink)
        .and_then(|text| read_value(text, &mut sink))
        .and_then(|root| convert_dataset(&root, &mut sink));
    sink.into_parsed(dataset)
}

/// UTF-8 and emptiness checks of a JSON file. Returns the text without a BOM.
fn precheck<'a>(bytes: &'a [u8], sink: &mut Sink) -> Option<&'a str> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            sink.error(
                "",
                Issue::InvalidUtf8 {
                    offset: e.valid_up_to(),
                },
            );
            return None;
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        sink.error("", Issue::Empty);
        return None;
    }
    Some(text)
}

/// Reads a small JSON document that is not a dataset (a widget's options) as a dataset is read:
/// duplicate keys refused, `convert` naming each problem with its path. Every problem is said,
/// "path: message", joined by "; ".
pub(crate) fn read_other<T>(
    text: &str,
    convert: impl FnOnce(&Json<'_>, &mut Sink) -> Option<T>,
) -> Result<T, String> {
    let mut sink = Sink::default();
    let read = read_value(text, &mut sink).and_then(|root| convert(&root, &mut sink));
    match read {
        Some(v) if sink.errors.is_empty() => Ok(v),
        _ => {
            let problems: Vec<String> = sink.errors.iter().map(ToString::to_string).collect();
            Err(problems.join("; "))
        }
    }
}

fn read_value<'t>(text: &'t str, sink: &mut Sink) -> Option<Json<'t>> {
    match tree::parse(text) {
        Ok((json, dups)) => {
            for Duplicate { path, key } in dups {
                sink.error(path, Issue::DuplicateKey { key });
            }
            Some(json)
        }
        Err(e) => {
            sink.errors.push(json_error(text, &e));
            None
        }
    }
}

fn json_error(text: &str, e: &serde_json::Error) -> Problem {
    let (line, column) = (e.line(), e.column());
    let msg = e.to_string();
    let detail = match msg.rfind(" at line ") {
        Some(p) => msg[..p].to_string(),
        None => msg.clone(),
    };
    if detail.contains("recursion limit exceeded") {
        return Problem::new("", Issue::TooDeep { line, column });
    }
    if let Some(lit) = non_finite_literal_at(text, line, column) {
        return Problem::new(
            "",
            Issue::NonFiniteLiteral {
                literal: lit.to_string(),
                line,
                column,
            },
        );
    }
    let hint = syntax_hint(&text[offset_of(text, line, column)..], &detail);
    Problem::new(
        "",
        Issue::Syntax {
            line,
            column,
            detail,
            hint,
        },
    )
}

/// Why the text at a syntax error is wrong, when it is a mistake people make: a comment, quotes
/// a word processor curled, single quotes, or a file that ends too soon. `at` is the text from the
/// character serde_json stopped at.
fn syntax_hint(at: &str, detail: &str) -> Option<SyntaxHint> {
    if detail.starts_with("EOF while parsing") {
        return Some(SyntaxHint::EndsEarly);
    }
    let at = at.trim_start();
    if at.starts_with("//") || at.starts_with("/*") {
        return Some(SyntaxHint::Comment);
    }
    match at.chars().next()? {
        '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' => Some(SyntaxHint::CurlyQuote),
        '\'' => Some(SyntaxHint::SingleQuote),
        _ => None,
    }
}

/// The byte offset of serde_json's 1-based line and column, less one: the character it stopped
/// at (clamped to the text and to a character boundary).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start_of_line: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = start_of_line
        .saturating_add(column.saturating_sub(1))
        .min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Whether the text around a syntax error is a bare `NaN` / `Infinity` literal.
fn non_finite_literal_at(text: &str, line: usize, column: usize) -> Option<&'static str> {
    let at = offset_of(text, line, column);
    let lo = at.saturating_sub(9);
    let hi = (at + 9).min(text.len());
    let window = text.get(lo..hi).or_else(|| text.get(at..hi)).unwrap_or("");
    ["-Infinity", "Infinity", "NaN"]
        .into_iter()
        .find(|lit| window.contains(lit))
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

// ------------------------------------------------------------------------------------------------
// Value rendering and scalar converters

/// How a JSON value is shown in "found ..." messages.
pub(crate) fn render(v: &Json<'_>) -> Found {
    Found::Value(match v {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) => {
            let short: String = if s.chars().count() > 60 {
                s.chars().take(57).chain("...".chars()).collect()
            } else {
                s.to_string()
            };
            match serde_json::to_string(&short) {
                Ok(quoted) => quoted,
                Err(_) => return Found::Kind("expect.string"),
            }
        }
        Json::Array(_) => return Found::Kind("expect.array"),
        Json::Object(_) => return Found::Kind("expect.object"),
    })
}

/// A string in a numeric place: non-finite names (`"NaN"`, `"Infinity"`) and quoted numbers get their
/// own messages.
fn string_in_number_place(s: &str, expected: &'static str) -> Issue {
    match crate::number::parse_f64(s.trim()) {
        Some(x) if !x.is_finite() => Issue::NotFinite {
            found: s.to_string(),
        },
        Some(_) => Issue::QuotedNumber {
            expected,
            found: s.to_string(),
        },
        None => wrong_type(&Json::String(s.into()), expected),
    }
}

type Conv<T> = fn(&Json<'_>, &str, &mut Sink) -> Option<T>;

pub(crate) fn to_string(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<String> {
    match v {
        Json::String(s) => Some(s.to_string()),
        other => {
            sink.error(path, wrong_type(other, "expect.string"));
            None
        }
    }
}

fn to_nonempty_string(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<String> {
    let s = to_string(v, path, sink)?;
    if s.trim().is_empty() {
        sink.error(path, Issue::EmptyText);
        return None;
    }
    Some(s)
}

/// Display text: a string, or an object of language codes to strings (`{"en": …, "es": …}`).
fn to_text(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Text> {
    let Json::Object(map) = v else {
        return to_string(v, path, sink).map(Text::plain);
    };
    let mut langs = Vec::new();
    let mut ok = true;
    for (lang, text) in map.iter() {
        let at = join(path, lang);
        if !super::text::is_language_code(lang) {
            sink.error(
                at.clone(),
                Issue::NotALanguage {
                    code: lang.to_string(),
                },
            );
            ok = false;
        }
        match to_string(text, &at, sink) {
            Some(t) => langs.push((lang.to_string(), t)),
            None => ok = false,
        }
    }
    if !ok {
        return None;
    }
    let text = Text::localized(langs);
    if text.is_none() {
        sink.error(
            path,
            Issue::WrongType {
                expected: "expect.text",
                found: Found::Value("{}".to_string()),
            },
        );
    }
    text
}

fn to_nonempty_text(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Text> {
    let t = to_text(v, path, sink)?;
    if t.trim().is_empty() {
        sink.error(path, Issue::EmptyText);
        return None;
    }
    Some(t)
}

fn to_text_list(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Vec<Text>> {
    to_list(v, path, sink, "expect.texts", to_text)
}

/// A claim's translations: an object of language codes to strings.
fn to_translations(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<StringMap> {
    let Json::Object(_) = v else {
        sink.error(path, wrong_type(v, "expect.languages"));
        return None;
    };
    let t = to_text(v, path, sink)?;
    Some(
        t.languages()
            .map(|l| (l.to_string(), t.get(l).to_string()))
            .collect(),
    )
}

fn to_bool(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<bool> {
    match v {
        Json::Bool(b) => Some(*b),
        other => {
            sink.error(path, wrong_type(other, "expect.boolean"));
            None
        }
    }
}

/// That `v` is not what its place holds (`expected`).
fn wrong_type(v: &Json<'_>, expected: &'static str) -> Issue {
    Issue::WrongType {
        expected,
        found: render(v),
    }
}

fn to_f64(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<f64> {
    to_number(v, path, sink, "expect.number", |n| {
        n.as_f64()
            .filter(|x| x.is_finite())
            .ok_or_else(|| Issue::NotFinite {
                found: n.to_string(),
            })
    })
}

/// A field that holds a number: `convert` takes the JSON number to the value or to what is wrong
/// with it; a quoted number or any other value in its place is reported as not `expected`.
fn to_number<T>(
    v: &Json<'_>,
    path: &str,
    sink: &mut Sink,
    expected: &'static str,
    convert: impl FnOnce(&serde_json::Number) -> Result<T, Issue>,
) -> Option<T> {
    let converted = match v {
        Json::Number(n) => convert(n),
        Json::String(s) => Err(string_in_number_place(s, expected)),
        other => Err(wrong_type(other, expected)),
    };
    converted.map_err(|issue| sink.error(path, issue)).ok()
}

/// A JSON number that is a whole number, 0 or more (`12` or `12.0`; exact up to 9e15).
fn whole(n: &serde_json::Number) -> Option<u64> {
    n.as_u64().or_else(|| {
        n.as_f64()
            .filter(|x| *x >= 0.0 && x.fract() == 0.0 && *x <= 9.0e15)
            .map(|x| x as u64)
    })
}

/// Whole number in 0..=max, for `year` and `n` ("expected a whole number").
fn to_whole(v: &Json<'_>, path: &str, sink: &mut Sink, max: u64) -> Option<u64> {
    const EXPECTED: &str = "expect.whole_number";
    to_number(v, path, sink, EXPECTED, |n| match whole(n) {
        Some(u) if u <= max => Ok(u),
        Some(u) => Err(Issue::OutOfRange {
            value: u as f64,
            expected: if max == u16::MAX as u64 {
                "expect.year"
            } else {
                "expect.smaller_number"
            },
        }),
        None => Err(wrong_type(v, EXPECTED)),
    })
}

fn to_year(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<u16> {
    to_whole(v, path, sink, u16::MAX as u64).map(|u| u as u16)
}

fn to_u32(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<u32> {
    to_whole(v, path, sink, u32::MAX as u64).map(|u| u as u32)
}

/// A count of events or participants: a whole number, 0 or more.
fn to_count(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<u64> {
    to_number(v, path, sink, "expect.count", |n| {
        whole(n).ok_or_else(|| Issue::NotACount {
            found: n.to_string(),
        })
    })
}

pub(crate) fn to_enum<E: WireEnum>(
    what: &'static str,
) -> impl Fn(&Json<'_>, &str, &mut Sink) -> Option<E> {
    to_named(what, E::NAMES, E::from_name)
}

/// One of `names`, read by `parse` (the exact wire name for the data's enums; a caller's own
/// leniency, such as any case, for options); anything else is named with what is allowed.
pub(crate) fn to_named<E>(
    what: &'static str,
    names: &'static [&'static str],
    parse: impl Fn(&str) -> Option<E>,
) -> impl Fn(&Json<'_>, &str, &mut Sink) -> Option<E> {
    move |v, path, sink| match v {
        Json::String(s) => {
            let parsed = parse(s);
            if parsed.is_none() {
                let (found, allowed) = (s.to_string(), names);
                sink.error(
                    path,
                    Issue::UnknownValue {
                        what,
                        found,
                        allowed,
                    },
                );
            }
            parsed
        }
        other => {
            sink.error(path, wrong_type(other, "expect.string"));
            None
        }
    }
}

fn to_string_list(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Vec<String>> {
    to_list(v, path, sink, "expect.strings", to_string)
}

/// An array whose every item `item` converts, each with its path; `None` if any fails.
pub(crate) fn to_list<T>(
    v: &Json<'_>,
    path: &str,
    sink: &mut Sink,
    expected: &'static str,
    item: impl Fn(&Json<'_>, &str, &mut Sink) -> Option<T>,
) -> Option<Vec<T>> {
    let Json::Array(items) = v else {
        sink.error(path, wrong_type(v, expected));
        return None;
    };
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, it) in items.iter().enumerate() {
        match item(it, &format!("{path}[{i}]"), sink) {
            Some(x) => out.push(x),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// Moderators: an object of strings; numbers and booleans are kept as their text.
fn to_string_map(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<StringMap> {
    let Json::Object(m) = v else {
        sink.error(path, wrong_type(v, "expect.object"));
        return None;
    };
    let mut out = StringMap::new();
    let mut ok = true;
    for (k, val) in m.iter() {
        match val {
            Json::String(s) => {
                out.insert(k.to_string(), s.to_string());
            }
            Json::Number(n) => {
                out.insert(k.to_string(), n.to_string());
            }
            Json::Bool(b) => {
                out.insert(k.to_string(), b.to_string());
            }
            other => {
                sink.error(join(path, k), wrong_type(other, "expect.string_or_number"));
                ok = false;
            }
        }
    }
    ok.then_some(out)
}

// ------------------------------------------------------------------------------------------------
// Object reader

/// Reads the fields of one JSON object, remembering whether anything failed.
pub(crate) struct Reader<'a, 's> {
    map: &'a Object<'a>,
    path: &'s str,
    scratch: String,
    sink: &'s mut Sink,
    pub(crate) failed: bool,
}

impl<'a, 's> Reader<'a, 's> {
    /// `None` (with an error) when `v` is not an object.
    pub(crate) fn new(
        v: &'a Json<'a>,
        path: &'s str,
        sink: &'s mut Sink,
        allowed: &'static [&'static str],
    ) -> Option<Self> {
        let Json::Object(map) = v else {
            sink.error(path, wrong_type(v, "expect.object"));
            return None;
        };
        let mut r = Reader {
            map,
            path,
            // Room for the path of any field below it, so that one allocation serves them all.
            scratch: String::with_capacity(path.len() + 32),
            sink,
            failed: false,
        };
        r.unknown_fields(allowed);
        Some(r)
    }

    fn unknown_fields(&mut self, allowed: &'static [&'static str]) {
        for k in self.map.keys() {
            if !allowed.contains(&k) {
                let issue = Issue::UnknownField {
                    field: k.to_string(),
                    suggestion: suggest(k, allowed),
                    allowed,
                };
                self.sink.error(join(self.path, k), issue);
                self.failed = true;
            }
        }
    }

    /// Converts a field with its path, written into a buffer kept for the next field
    /// (a new string per field was much of the time of reading large datasets).
    fn convert<T>(
        &mut self,
        key: &str,
        v: &Json<'_>,
        conv: impl Fn(&Json<'_>, &str, &mut Sink) -> Option<T>,
    ) -> Option<T> {
        let mut path = std::mem::take(&mut self.scratch);
        path.clear();
        path.push_str(self.path);
        if !self.path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
        let out = conv(v, &path, self.sink);
        self.scratch = path;
        self.failed |= out.is_none();
        out
    }

    fn present(&self, key: &str) -> Option<&'a Json<'a>> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn req<T>(
        &mut self,
        key: &'static str,
        conv: impl Fn(&Json<'_>, &str, &mut Sink) -> Option<T>,
    ) -> Option<T> {
        match self.map.get(key) {
            None => {
                self.sink
                    .error(self.path, Issue::MissingField { field: key });
                self.failed = true;
                None
            }
            Some(v) => self.convert(key, v, conv),
        }
    }

    pub(crate) fn opt<T>(
        &mut self,
        key: &'static str,
        conv: impl Fn(&Json<'_>, &str, &mut Sink) -> Option<T>,
    ) -> Option<T> {
        let v = self.present(key)?;
        self.convert(key, v, conv)
    }
}

// ------------------------------------------------------------------------------------------------
// Items

fn convert_dataset(root: &Json<'_>, sink: &mut Sink) -> Option<Dataset> {
    let mut r = Reader::new(root, "", sink, DATASET_FIELDS)?;
    match r.map.get("schema") {
        None => r.sink.error("schema", Issue::MissingSchema),
        Some(Json::String(s)) if s == SCHEMA_V1 => {}
        Some(Json::String(s)) => {
            // Another version's rules are unknown: reading it as v1 could silently misread it.
            r.sink.error(
                "schema",
                Issue::UnknownSchema {
                    found: s.to_string(),
                },
            );
            return None;
        }
        Some(other) => {
            r.sink.error("schema", wrong_type(other, "expect.string"));
            return None;
        }
    }
    let title = r.opt("title", to_text as Conv<Text>);
    let description = r.opt("description", to_text as Conv<Text>);
    let question = r.opt("question", convert_question as Conv<Question>);
    let vocabulary = r
        .opt("vocabulary", convert_vocabulary as Conv<Vocabulary>)
        .unwrap_or_default();
    let map = r.map;
    let sink = r.sink;

    let empty = Vec::new();
    let studies_v: &[Json<'_>] = match map.get("studies") {
        None => {
            sink.error("", Issue::MissingField { field: "studies" });
            &empty
        }
        Some(Json::Array(a)) => a,
        Some(other) => {
            sink.error("studies", wrong_type(other, "expect.array"));
            &empty
        }
    };
    if studies_v.len() > MAX_STUDIES {
        sink.error(
            "studies",
            Issue::TooManyStudies {
                count: studies_v.len(),
                limit: MAX_STUDIES,
            },
        );
    }
    let studies_v = &studies_v[..studies_v.len().min(MAX_STUDIES)];
    let input_ids: HashSet<&str> = studies_v
        .iter()
        .filter_map(|s| s.get("id").and_then(Json::as_str))
        .collect();

    let mut studies = Vec::with_capacity(studies_v.len());
    for (i, sv) in studies_v.iter().enumerate() {
        let path = format!("studies[{i}]");
        if let Some((study, locs)) = convert_study(sv, &path, sink) {
            if let Some(kept) = check_study(&path, study, locs, sink) {
                studies.push((path, kept.0, kept.1));
            }
        }
    }

    let mut claims = Vec::new();
    match map.get("claims") {
        None | Some(Json::Null) => {}
        Some(Json::Array(a)) => {
            for (i, cv) in a.iter().enumerate() {
                let path = format!("claims[{i}]");
                if let Some(c) = convert_claim(cv, &path, sink) {
                    if check_claim(&path, &c, sink) {
                        claims.push((path, c));
                    }
                }
            }
        }
        Some(other) => sink.error("claims", wrong_type(other, "expect.array")),
    }

    check_concepts(&vocabulary, &mut studies, sink);
    check_part_conditions(&vocabulary, &mut claims, sink);
    let (studies, claims) = finish(studies, claims, &input_ids, sink);
    Some(Dataset {
        schema: SCHEMA_V1.to_string(),
        title,
        description,
        question,
        vocabulary,
        studies,
        claims,
    })
}

fn convert_citation(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Citation> {
    let mut r = Reader::new(v, path, sink, CITATION_FIELDS)?;
    let c = Citation {
        text: r
            .req("text", to_nonempty_text as Conv<Text>)
            .unwrap_or_default(),
        doi: r.opt("doi", to_nonempty_string as Conv<String>),
        pmid: r.opt("pmid", to_nonempty_string as Conv<String>),
        nct: r.opt("nct", to_nonempty_string as Conv<String>),
        url: r.opt("url", to_nonempty_string as Conv<String>),
        source_document: r.opt("source_document", to_nonempty_string as Conv<String>),
    };
    (!r.failed).then_some(c)
}

fn convert_bias(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<BiasJudgement> {
    let mut r = Reader::new(v, path, sink, BIAS_FIELDS)?;
    let domain = r.req("domain", to_nonempty_text as Conv<Text>);
    let judgement = r.req("judgement", to_enum::<Judgement>("what.risk_of_bias"));
    let support = r.opt("support", to_string as Conv<String>);
    if r.failed {
        return None;
    }
    Some(BiasJudgement {
        domain: domain?,
        judgement: judgement?,
        support,
    })
}

fn convert_publication_bias(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<PublicationBias> {
    let mut r = Reader::new(v, path, sink, PUBLICATION_BIAS_FIELDS)?;
    let judgement = r.req("judgement", to_enum::<Judgement>("what.publication_bias"));
    let support = r.opt("support", to_nonempty_text as Conv<Text>);
    if r.failed {
        return None;
    }
    Some(PublicationBias {
        judgement: judgement?,
        support,
    })
}

fn to_bias_list(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Vec<BiasJudgement>> {
    to_list(v, path, sink, "expect.risk_of_bias", convert_bias)
}

fn convert_intervention(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Intervention> {
    let mut r = Reader::new(v, path, sink, INTERVENTION_FIELDS)?;
    let i = Intervention {
        // May be empty, like `condition`: a CSV table without a therapy column is valid data.
        therapy: r
            .req("therapy", to_string as Conv<String>)
            .unwrap_or_default(),
        cell_source: r.opt("cell_source", to_string as Conv<String>),
        route: r.opt("route", to_string as Conv<String>),
        dose: r.opt("dose", to_text as Conv<Text>),
    };
    (!r.failed).then_some(i)
}

fn convert_study(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<(Study, Vec<Loc>)> {
    let mut r = Reader::new(v, path, sink, STUDY_FIELDS)?;
    let id = r.req("id", to_nonempty_string as Conv<String>);
    let label = r.req("label", to_nonempty_text as Conv<Text>);
    let year = r.opt("year", to_year as Conv<u16>);
    let citation = r.req("citation", convert_citation as Conv<Citation>);
    let source_kind = r.req("source_kind", to_enum::<SourceKind>("what.source_kind"));
    let condition = r.req("condition", to_string as Conv<String>);
    let population = r.opt("population", to_text as Conv<Text>);
    let intervention = r.req("intervention", convert_intervention as Conv<Intervention>);
    let comparator = r.opt("comparator", to_text as Conv<Text>);
    let design = r.req("design", to_enum::<Design>("what.design"));
    let blinding = r.opt("blinding", to_enum::<Blinding>("what.blinding"));
    let phase = r.opt("phase", to_string as Conv<String>);
    let n = r.opt("n", to_u32 as Conv<u32>);
    let n_planned = r.opt("n_planned", to_u32 as Conv<u32>);
    let follow_up = r.opt("follow_up", to_text as Conv<Text>);
    let status = r
        .opt("status", to_enum::<StudyStatus>("what.status"))
        .unwrap_or_default();
    let caveats = r
        .opt("caveats", to_text_list as Conv<Vec<Text>>)
        .unwrap_or_default();
    let risk_of_bias = r
        .opt("risk_of_bias", to_bias_list as Conv<Vec<BiasJudgement>>)
        .unwrap_or_default();
    let publication_bias = r.opt(
        "publication_bias",
        convert_publication_bias as Conv<PublicationBias>,
    );
    let includes = r
        .opt("includes", to_string_list as Conv<Vec<String>>)
        .unwrap_or_default();
    let moderators = r
        .opt("moderators", to_string_map as Conv<StringMap>)
        .unwrap_or_default();
    let study_failed = r.failed;

    // Outcomes are converted even when the study failed, so their problems are reported too.
    let mut outcomes = Vec::new();
    let mut locs = Vec::new();
    let map = r.map;
    let sink = r.sink;
    match map.get("outcomes") {
        None | Some(Json::Null) => {}
        Some(Json::Array(a)) => {
            outcomes.reserve_exact(a.len());
            locs.reserve_exact(a.len());
            for (j, ov) in a.iter().enumerate() {
                let opath = format!("{path}.outcomes[{j}]");
                if let Some(o) = convert_outcome(ov, &opath, sink) {
                    outcomes.push(o);
                    locs.push(Loc::Json(opath));
                }
            }
            // Every outcome had errors: the study has nothing to show, and a row saying it
            // recorded no outcomes would be false (the errors say why it is left out).
            if outcomes.is_empty() && !a.is_empty() {
                return None;
            }
        }
        Some(other) => {
            sink.error(
                format!("{path}.outcomes"),
                wrong_type(other, "expect.array"),
            );
            return None;
        }
    }
    if study_failed {
        return None;
    }
    let study = Study {
        id: id?,
        label: label?,
        year,
        citation: citation?,
        source_kind: source_kind?,
        condition: condition?,
        population,
        intervention: intervention?,
        comparator,
        design: design?,
        blinding,
        phase,
        n,
        n_planned,
        follow_up,
        status,
        caveats,
        risk_of_bias,
        publication_bias,
        includes,
        outcomes,
        moderators,
    };
    Some((study, locs))
}

fn convert_outcome(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Outcome> {
    let mut r = Reader::new(v, path, sink, OUTCOME_FIELDS)?;
    let id = r.req("id", to_nonempty_string as Conv<String>);
    let name = r.req("name", to_nonempty_text as Conv<Text>);
    let article = r.opt("article", to_nonempty_text as Conv<Text>);
    let kind = r.req("kind", to_enum::<OutcomeKind>("what.kind"));
    let better = r.req("better", to_enum::<Better>("what.direction"));
    let surrogate = r.opt("surrogate", to_bool as Conv<bool>).unwrap_or(false);
    let timepoint = r.opt("timepoint", to_text as Conv<Text>);
    let data = r.opt("data", effect_data as Conv<EffectData>);
    let reported = r.opt("reported", to_text as Conv<Text>);
    let citation = r.opt("citation", convert_citation as Conv<Citation>);
    let status = r
        .opt("status", to_enum::<FactStatus>("what.status"))
        .unwrap_or(FactStatus::Unverified);
    let note = r.opt("note", to_text as Conv<Text>);
    let subgroup = r.opt("subgroup", to_text as Conv<Text>);
    let concept = r.opt("concept", to_nonempty_string as Conv<String>);
    let analysis = r.opt("analysis", convert_analysis as Conv<Analysis>);
    let stored = r.opt("stored", convert_stored as Conv<Stored>);
    let baseline = r.opt("baseline", convert_baseline as Conv<Baseline>);
    if r.failed {
        return None;
    }
    Some(Outcome {
        concept,
        id: id?,
        name: name?,
        article,
        kind: kind?,
        better: better?,
        surrogate,
        timepoint,
        data,
        reported,
        citation: citation.map(Box::new),
        status,
        note,
        subgroup,
        analysis: analysis.map(Box::new),
        stored: stored.map(Box::new),
        baseline: baseline.map(Box::new),
    })
}

fn convert_baseline(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Baseline> {
    let mut r = Reader::new(v, path, sink, BASELINE_FIELDS)?;
    let risk = r.req("risk", to_risk as Conv<f64>);
    let timepoint = r.opt("timepoint", to_nonempty_text as Conv<Text>);
    let basis = r.req("basis", to_nonempty_text as Conv<Text>);
    if r.failed {
        return None;
    }
    Some(Baseline {
        risk: risk?,
        timepoint,
        basis: basis?,
    })
}

/// A risk: a fraction strictly between 0 and 1 (none and all are not risks a treatment changes).
fn to_risk(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<f64> {
    let x = to_f64(v, path, sink)?;
    if x > 0.0 && x < 1.0 {
        Some(x)
    } else {
        sink.error(
            path,
            Issue::OutOfRange {
                value: x,
                expected: "expect.fraction",
            },
        );
        None
    }
}

/// A confidence level in percent, strictly between 0 and 100.
fn to_level(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<f64> {
    let x = to_f64(v, path, sink)?;
    if x > 0.0 && x < 100.0 {
        Some(x)
    } else {
        sink.error(path, Issue::BadLevel { value: x });
        None
    }
}

fn convert_analysis(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Analysis> {
    let mut r = Reader::new(v, path, sink, ANALYSIS_FIELDS)?;
    let comparison = r.opt("comparison", to_string as Conv<String>);
    let measure = r.opt("measure", to_enum::<Measure>("what.measure"));
    let method = r.req("method", to_enum::<PoolMethod>("what.method"));
    let model = r.req("model", to_enum::<EffectModel>("what.model"));
    let level = r.opt("level", to_level as Conv<f64>).unwrap_or(95.0);
    let study_level = r.opt("study_level", to_level as Conv<f64>).unwrap_or(95.0);
    let date = r.opt("date", to_nonempty_string as Conv<String>);
    let stored = r.opt("stored", convert_stored as Conv<Stored>);
    let subgroups = r
        .opt(
            "subgroups",
            convert_stored_subgroups as Conv<Vec<StoredSubgroup>>,
        )
        .unwrap_or_default();
    let subgroup_test = r.opt("subgroup_test", convert_stored as Conv<Stored>);
    if r.failed {
        return None;
    }
    Some(Analysis {
        comparison,
        measure,
        method: method?,
        model: model?,
        level,
        study_level,
        date,
        stored,
        subgroups,
        subgroup_test,
    })
}

fn convert_stored(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Stored> {
    let mut r = Reader::new(v, path, sink, STORED_FIELDS)?;
    let num = to_f64 as Conv<f64>;
    let s = Stored {
        estimate: r.opt("estimate", num),
        ci_lb: r.opt("ci_lb", num),
        ci_ub: r.opt("ci_ub", num),
        se: r.opt("se", num),
        weight: r.opt("weight", num),
        tau2: r.opt("tau2", num),
        q: r.opt("Q", num),
        q_df: r.opt("Q_df", to_u32 as Conv<u32>),
        q_pval: r.opt("Q_pval", num),
        i2: r.opt("I2", num),
        zval: r.opt("zval", num),
        pval: r.opt("pval", num),
    };
    (!r.failed).then_some(s)
}

fn convert_stored_subgroups(
    v: &Json<'_>,
    path: &str,
    sink: &mut Sink,
) -> Option<Vec<StoredSubgroup>> {
    let Json::Array(items) = v else {
        sink.error(path, wrong_type(v, "expect.array"));
        return None;
    };
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let ipath = format!("{path}[{i}]");
        let Some(mut r) = Reader::new(item, &ipath, sink, STORED_SUBGROUP_FIELDS) else {
            ok = false;
            continue;
        };
        let name = r.req("name", to_string as Conv<String>);
        let stored = r.req("stored", convert_stored as Conv<Stored>);
        match (name, stored, r.failed) {
            (Some(name), Some(stored), false) => out.push(StoredSubgroup { name, stored }),
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

fn convert_claim(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Claim> {
    let mut r = Reader::new(v, path, sink, CLAIM_FIELDS)?;
    let id = r.req("id", to_nonempty_string as Conv<String>);
    let text = r.req("text", to_nonempty_string as Conv<String>);
    let by = r.req("by", to_enum::<ClaimSource>("what.claim_source"));
    let citation = r.req("citation", convert_citation as Conv<Citation>);
    let therapy = r.req("therapy", to_string as Conv<String>);
    let condition = r.req("condition", to_string as Conv<String>);
    let route = r.opt("route", to_string as Conv<String>);
    let translation = r
        .opt("translation", to_translations as Conv<StringMap>)
        .unwrap_or_default();
    let studies = r
        .opt("studies", to_string_list as Conv<Vec<String>>)
        .unwrap_or_default();
    let inline = CLAIM_PART_FIELDS.iter().any(|k| r.present(k).is_some());
    let parts = match (r.present("parts"), inline) {
        (Some(_), true) => {
            r.sink.error(
                path,
                Issue::BothGiven {
                    a: "\"parts\"",
                    b: "\"asserts\"",
                },
            );
            r.failed = true;
            None
        }
        (Some(_), false) => r.opt("parts", convert_claim_parts as Conv<Vec<ClaimPart>>),
        (None, _) => read_claim_part(&mut r).map(|p| vec![p]),
    };
    if r.failed {
        return None;
    }
    Some(Claim {
        id: id?,
        text: text?,
        by: by?,
        citation: citation?,
        therapy: therapy?,
        condition: condition?,
        route,
        parts: parts?,
        translation,
        studies,
    })
}

fn convert_claim_parts(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Vec<ClaimPart>> {
    let Json::Array(items) = v else {
        sink.error(path, wrong_type(v, "expect.claim_parts"));
        return None;
    };
    if items.is_empty() {
        sink.error(path, Issue::MissingField { field: "asserts" });
        return None;
    }
    let mut parts = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let p = Reader::new(item, &format!("{path}[{i}]"), sink, PART_OBJECT_FIELDS).and_then(
            |mut r| {
                let part = read_claim_part(&mut r);
                let condition = r.opt("condition", to_nonempty_string as Conv<String>);
                part.map(|p| ClaimPart { condition, ..p })
                    .filter(|_| !r.failed)
            },
        );
        parts.push(p);
    }
    parts.into_iter().collect()
}

/// Reads the fields of one claim part (from a part object, or inline from the claim).
fn read_claim_part(r: &mut Reader<'_, '_>) -> Option<ClaimPart> {
    let asserts = r.req("asserts", to_enum::<Assertion>("what.assertion"));
    let outcome = r.opt("outcome", to_string as Conv<String>);
    let value = r.opt("value", to_f64 as Conv<f64>);
    let arm = r.opt("arm", to_enum::<Arm>("what.arm"));
    let timeframe = r.opt("timeframe", to_string as Conv<String>);
    let absolute = r.opt("absolute", to_bool as Conv<bool>).unwrap_or(false);
    let words = r.opt("words", to_text as Conv<Text>);
    Some(ClaimPart {
        asserts: asserts?,
        outcome,
        value,
        arm,
        timeframe,
        absolute,
        words,
        condition: None,
    })
}

fn convert_question(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Question> {
    let mut r = Reader::new(v, path, sink, QUESTION_FIELDS)?;
    let therapy = r.opt("therapy", to_string as Conv<String>);
    let condition = r.opt("condition", to_string as Conv<String>);
    (!r.failed).then_some(Question { therapy, condition })
}

/// Reads a vocabulary on its own (the generic outcome concepts every dataset gets), with the
/// same reader as a dataset's `vocabulary`.
pub fn parse_vocabulary(text: &str) -> (Vocabulary, Vec<Problem>) {
    let mut sink = Sink::default();
    let vocabulary = read_value(text, &mut sink)
        .and_then(|v| convert_vocabulary(&v, "", &mut sink))
        .unwrap_or_default();
    (vocabulary, sink.errors)
}

/// The generic outcome concepts every dataset gets (death, death caused by the treatment, serious
/// adverse events, adverse events), from `src/data/outcome-concepts.json`: an outcome's `concept`
/// may name them as it names the dataset's own terms.
pub fn generic_concepts() -> &'static [Term] {
    static CONCEPTS: std::sync::OnceLock<Vec<Term>> = std::sync::OnceLock::new();
    CONCEPTS.get_or_init(|| {
        parse_vocabulary(include_str!("../data/outcome-concepts.json"))
            .0
            .outcomes
    })
}

fn convert_vocabulary(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Vocabulary> {
    let mut r = Reader::new(v, path, sink, VOCABULARY_FIELDS)?;
    let mut list = |key: &'static str| {
        r.opt(key, convert_terms as Conv<Vec<Term>>)
            .unwrap_or_default()
    };
    let vocabulary = Vocabulary {
        therapies: list("therapies"),
        conditions: list("conditions"),
        outcomes: list("outcomes"),
        routes: list("routes"),
        glossary: list("glossary"),
    };
    check_vocabulary(&vocabulary, path, sink);
    Some(vocabulary)
}

/// A list of terms; a bad term is left out with its problem, the rest are kept.
fn convert_terms(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Vec<Term>> {
    let Json::Array(items) = v else {
        sink.error(path, wrong_type(v, "expect.terms"));
        return None;
    };
    let mut terms: Vec<Term> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let Some(mut r) = Reader::new(item, &p, sink, TERM_FIELDS) else {
            continue;
        };
        let list = |r: &mut Reader<'_, '_>, key: &'static str| {
            r.opt(key, to_string_list as Conv<Vec<String>>)
                .unwrap_or_default()
        };
        let id = r.req("id", to_nonempty_string as Conv<String>);
        let name = r.req("name", to_nonempty_text as Conv<Text>);
        let aliases = list(&mut r, "aliases");
        let broader = list(&mut r, "broader");
        let measured_by = list(&mut r, "measured_by");
        let stands_for = r.opt("stands_for", to_nonempty_string as Conv<String>);
        let plural = r.opt("plural", to_bool as Conv<bool>);
        let objective = r.opt("objective", to_bool as Conv<bool>).unwrap_or(false);
        let serious = r.opt("serious", to_bool as Conv<bool>).unwrap_or(false);
        let attributable = r
            .opt("attributable", to_bool as Conv<bool>)
            .unwrap_or(false);
        let meaning = r.opt("meaning", to_nonempty_text as Conv<Text>);
        if r.failed {
            continue;
        }
        let (Some(id), Some(name)) = (id, name) else {
            continue;
        };
        if let Some(first) = terms.iter().position(|t| t.id == id) {
            sink.error(
                format!("{p}.id"),
                Issue::DuplicateId {
                    id,
                    first: format!("{path}[{first}]"),
                },
            );
            continue;
        }
        terms.push(Term {
            id,
            name,
            aliases,
            broader,
            measured_by,
            stands_for,
            plural,
            objective,
            serious,
            attributable,
            meaning,
        });
    }
    Some(terms)
}

/// Every `broader` and `stands_for` names a term of the same list; unknown ones are errors and
/// are dropped from the term (the term itself is kept).
fn check_vocabulary(vocabulary: &Vocabulary, path: &str, sink: &mut Sink) {
    let lists = [
        ("therapies", &vocabulary.therapies),
        ("conditions", &vocabulary.conditions),
        ("outcomes", &vocabulary.outcomes),
        ("routes", &vocabulary.routes),
        ("glossary", &vocabulary.glossary),
    ];
    for (list, terms) in lists {
        let known = |id: &str| terms.iter().any(|t| t.id == id);
        for (i, t) in terms.iter().enumerate() {
            let refs = t.broader.iter().map(|b| ("broader", b));
            for (field, id) in refs.chain(t.stands_for.iter().map(|s| ("stands_for", s))) {
                if !known(id) {
                    sink.error(
                        format!("{path}.{list}[{i}].{field}"),
                        Issue::UnknownTerm {
                            list,
                            id: id.clone(),
                        },
                    );
                }
            }
        }
    }
}

/// An outcome's `concept` must name a term of `vocabulary.outcomes` or a generic concept; an
/// unknown one is an error and is dropped (the outcome is kept).
fn check_concepts(
    vocabulary: &Vocabulary,
    studies: &mut [(String, Study, Vec<Loc>)],
    sink: &mut Sink,
) {
    for (_, study, locs) in studies.iter_mut() {
        for (o, loc) in study.outcomes.iter_mut().zip(locs.iter()) {
            let Some(c) = o.concept.as_deref() else {
                continue;
            };
            let known = |terms: &[Term]| terms.iter().any(|t| t.id == c);
            if !known(&vocabulary.outcomes) && !known(generic_concepts()) {
                sink.error(
                    loc.outcome_field("concept"),
                    Issue::UnknownConcept { id: c.to_string() },
                );
                o.concept = None;
            }
        }
    }
}

/// A claim part's `condition` must name a term of `vocabulary.conditions` within the term the
/// claim's own condition names, through `broader`: a part narrows the claim's people. Another is
/// a warning and is dropped, so the part is checked for the claim's people.
fn check_part_conditions(vocabulary: &Vocabulary, claims: &mut [(String, Claim)], sink: &mut Sink) {
    if !claims
        .iter()
        .any(|(_, c)| c.parts.iter().any(|p| p.condition.is_some()))
    {
        return;
    }
    // Found as the appraisal finds them: by id, name, alias or the words that hold one.
    let conditions = TermNames::new(vocabulary.conditions.clone());
    for (path, claim) in claims.iter_mut() {
        let claims_people = conditions.find(&claim.condition);
        for (i, part) in claim.parts.iter_mut().enumerate() {
            let Some(condition) = part.condition.as_deref() else {
                continue;
            };
            let within = conditions.find(condition).is_some_and(|p| {
                claims_people.is_some_and(|c| conditions.ancestors(p).contains(&c))
            });
            if !within {
                let issue = Issue::NotWithinClaim {
                    condition: condition.to_string(),
                    claim: claim.condition.clone(),
                };
                sink.warn(format!("{path}.parts[{i}].condition"), issue);
                part.condition = None;
            }
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Effect data

/// Which data form the present fields describe. Shared fields (`n1i`, `n2i`, `estimate`, `ci_lb`...)
/// do not decide on their own.
pub(crate) fn detect_form<'k>(
    keys: impl Iterator<Item = &'k str> + Clone,
    measure: Option<&str>,
) -> Result<Option<Form>, Issue> {
    let has = |set: &[&str]| keys.clone().any(|k| set.contains(&k));
    let mut found: Vec<Form> = Vec::new();
    if has(&["ai", "bi", "ci", "di"]) {
        found.push(Form::Counts);
    }
    if has(&["m1i", "m2i", "sd1i", "sd2i"]) {
        found.push(Form::Means);
    }
    if has(&["yi", "vi", "sei"]) {
        found.push(Form::Generic);
    }
    if has(&["xi", "ni"]) {
        found.push(Form::Proportion);
    }
    if found.len() > 1 {
        return Err(Issue::MixedDataForms {
            first: found[0].name(),
            second: found[1].name(),
        });
    }
    if let Some(f) = found.first() {
        return Ok(Some(*f));
    }
    if has(&["estimate", "ci_lb", "ci_ub"]) {
        return Ok(Some(match measure {
            Some("PR") | Some("PLO") => Form::Proportion,
            _ => Form::Estimate,
        }));
    }
    Ok(None)
}

/// Converts a data object (types, required fields, unknown fields); the semantic checks are in
/// [`check_effect`].
pub(crate) fn effect_data(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<EffectData> {
    let Json::Object(map) = v else {
        sink.error(path, wrong_type(v, "expect.object"));
        return None;
    };
    let measure_str = map.get("measure").and_then(Json::as_str);
    let form = match detect_form(map.keys(), measure_str) {
        Ok(Some(f)) => f,
        Ok(None) => {
            sink.error(
                path,
                Issue::UnknownDataForm {
                    fields: map.keys().take(12).map(str::to_owned).collect(),
                },
            );
            return None;
        }
        Err(issue) => {
            sink.error(path, issue);
            return None;
        }
    };
    let allowed = match form {
        Form::Counts => COUNTS_FIELDS,
        Form::Means => MEANS_FIELDS,
        Form::Generic => GENERIC_FIELDS,
        Form::Proportion => PROPORTION_FIELDS,
        Form::Estimate => ESTIMATE_FIELDS,
    };
    let mut r = Reader::new(v, path, sink, allowed)?;
    let measure_conv = to_enum::<Measure>("what.measure");
    let default = match form {
        Form::Counts => Some(Measure::Rr),
        Form::Means => Some(Measure::Md),
        Form::Generic => Some(Measure::Gen),
        Form::Proportion => Some(Measure::Pr),
        Form::Estimate => None,
    };
    let measure = match default {
        Some(d) => r.opt("measure", &measure_conv).unwrap_or(d),
        None => r.req("measure", &measure_conv).unwrap_or(Measure::Gen),
    };
    let cnt = to_count as Conv<u64>;
    let num = to_f64 as Conv<f64>;
    let data = match form {
        Form::Counts => {
            let ai = r.req("ai", cnt);
            let ci = r.req("ci", cnt);
            let c = Counts {
                measure,
                ai: ai.unwrap_or(0),
                bi: r.opt("bi", cnt),
                ci: ci.unwrap_or(0),
                di: r.opt("di", cnt),
                n1i: r.opt("n1i", cnt),
                n2i: r.opt("n2i", cnt),
            };
            EffectData::Counts(c)
        }
        Form::Means => EffectData::Means(Means {
            measure,
            m1i: r.req("m1i", num).unwrap_or(0.0),
            sd1i: r.req("sd1i", num).unwrap_or(1.0),
            n1i: r.req("n1i", cnt).unwrap_or(1),
            m2i: r.req("m2i", num).unwrap_or(0.0),
            sd2i: r.req("sd2i", num).unwrap_or(1.0),
            n2i: r.req("n2i", cnt).unwrap_or(1),
        }),
        Form::Estimate => EffectData::Estimate(Estimate {
            measure,
            estimate: r.req("estimate", num).unwrap_or(0.0),
            ci_lb: r.req("ci_lb", num).unwrap_or(0.0),
            ci_ub: r.req("ci_ub", num).unwrap_or(0.0),
            level: r.opt("level", num).unwrap_or(95.0),
        }),
        Form::Proportion => EffectData::Proportion(Proportion {
            measure,
            xi: r.opt("xi", cnt),
            ni: r.opt("ni", cnt),
            estimate: r.opt("estimate", num),
            ci_lb: r.opt("ci_lb", num),
            ci_ub: r.opt("ci_ub", num),
            level: r.opt("level", num),
        }),
        Form::Generic => EffectData::Generic(Generic {
            measure,
            yi: r.req("yi", num).unwrap_or(0.0),
            vi: r.opt("vi", num),
            sei: r.opt("sei", num),
        }),
    };
    (!r.failed).then_some(data)
}

/// For `impl Deserialize for EffectData`: the same conversion and checks, the first problem as the
/// error.
pub(crate) fn deserialize_effect_data<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<EffectData, D::Error> {
    let (json, dups) = tree::deserialize(d)?;
    let mut sink = Sink::default();
    for Duplicate { path, key } in dups {
        sink.error(join("outcome.data", &path), Issue::DuplicateKey { key });
    }
    let data = effect_data(&json, "outcome.data", &mut sink);
    if let Some(d) = &data {
        check_effect(d, &Loc::Json("outcome".into()), &mut sink);
    }
    match (data, sink.errors.into_iter().next()) {
        (Some(d), None) => Ok(d),
        (_, Some(p)) => Err(serde::de::Error::custom(p)),
        (None, None) => Err(serde::de::Error::custom("invalid data")),
    }
}
