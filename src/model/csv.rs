//! The CSV reader: one row per study-outcome, metafor `escalc` column names.
//!
//! Rows are numbered as a spreadsheet shows them (the header is row 1), because that is where an editor
//! will look. A row with errors is left out; the other rows are kept.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::json::{detect_form, precheck};
use super::problem::{Issue, Parsed};
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
    let dataset = precheck(bytes, &mut sink).and_then(|text| read(text, options, &mut sink));
    Parsed {
        dataset,
        errors: sink.errors,
        warnings: sink.warnings,
    }
}

/// Whether a cell looks like a spreadsheet formula (`=SUM(A1)`, `@cmd`, `+x`, `-foo`) rather than a
/// signed number. Such cells are never numbers; in text columns they are kept as plain text.
pub(crate) fn is_formula_like(cell: &str) -> bool {
    let mut chars = cell.chars();
    match chars.next() {
        Some('=' | '+' | '-' | '@') => {
            let rest = chars.as_str().trim();
            rest.is_empty() || rest.parse::<f64>().is_err()
        }
        _ => false,
    }
}

fn parse_number(cell: &str) -> Result<f64, Issue> {
    if is_formula_like(cell) {
        return Err(Issue::FormulaLike {
            cell: cell.to_string(),
        });
    }
    match cell.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err(Issue::NotFinite {
            found: cell.to_string(),
        }),
        Err(_) => {
            let reason = (cell.contains(',') && cell.replace(',', ".").parse::<f64>().is_ok())
                .then_some("use a dot as the decimal separator");
            Err(Issue::CsvNotNumber {
                cell: cell.to_string(),
                reason,
            })
        }
    }
}

fn parse_count(cell: &str) -> Result<u64, Issue> {
    if is_formula_like(cell) {
        return Err(Issue::FormulaLike {
            cell: cell.to_string(),
        });
    }
    let bad = |reason| Issue::CsvNotCount {
        cell: cell.to_string(),
        reason,
    };
    if let Ok(u) = cell.parse::<u64>() {
        return Ok(u);
    }
    match cell.parse::<f64>() {
        Ok(x) if !x.is_finite() => Err(Issue::NotFinite {
            found: cell.to_string(),
        }),
        Ok(x) if x < 0.0 => Err(bad(Some("counts cannot be negative"))),
        Ok(x) if x.fract() != 0.0 => Err(bad(Some("counts are whole numbers"))),
        Ok(x) if x <= 9.0e15 => Ok(x as u64),
        Ok(_) => Err(bad(Some("too large"))),
        Err(_) => Err(bad(None)),
    }
}

fn parse_enum<E: WireEnum>(cell: &str, what: &'static str, lower: bool) -> Result<E, Issue> {
    let key = if lower {
        cell.to_ascii_lowercase()
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

fn read(text: &str, options: &CsvOptions, sink: &mut Sink) -> Option<Dataset> {
    let mut rdr = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = rdr.records();

    // ---- header ----
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
    // For each column: Some(known name) or None (moderator, with its header text).
    let mut columns: Vec<(Option<&'static str>, String)> = Vec::with_capacity(header.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut header_ok = true;
    for (i, name) in header.iter().enumerate() {
        let name = if name.is_empty() {
            format!("column {}", i + 1)
        } else {
            name.to_string()
        };
        let lower = name.to_ascii_lowercase();
        let key = if CSV_COLUMNS.contains(&lower.as_str()) {
            lower.clone()
        } else {
            name.clone()
        };
        if let Some(&first) = seen.get(&key) {
            sink.error(
                "row 1",
                Issue::DuplicateColumn {
                    column: name.clone(),
                    first: first + 1,
                    second: i + 1,
                },
            );
            header_ok = false;
        }
        seen.insert(key, i);
        let known = CSV_COLUMNS.iter().copied().find(|c| *c == lower);
        columns.push((known, name));
    }
    if !columns.iter().any(|(k, _)| *k == Some("study")) {
        sink.error("row 1", Issue::MissingColumn { column: "study" });
        return None;
    }
    if !header_ok {
        return None;
    }
    let has = |c: &str| columns.iter().any(|(k, _)| *k == Some(c));
    let (has_design, has_better) = (has("design"), has("better"));

    // ---- rows ----
    let mut rows: Vec<Row> = Vec::new();
    let mut index = 0usize;
    let mut counted = 0usize;
    loop {
        let rec = match records.next() {
            None => break,
            Some(r) => r,
        };
        index += 1;
        let row = index + 1;
        // Every non-blank row counts, not only the good ones: a million bad rows must not give a
        // million errors (that took 24 s in the CLI and flooded the widget). Blank rows (a
        // spreadsheet's trailing ",,,,") are skipped below and do not count.
        if !matches!(&rec, Ok(r) if r.iter().all(str::is_empty)) {
            counted += 1;
            if counted > MAX_ROWS {
                sink.error(
                    format!("row {row}"),
                    Issue::TooManyStudies {
                        count: counted,
                        limit: MAX_ROWS,
                    },
                );
                break;
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
                continue;
            }
        };
        if rec.iter().all(str::is_empty) {
            continue;
        }
        if rec.len() != columns.len() {
            sink.error(
                format!("row {row}"),
                Issue::RowLength {
                    found: rec.len(),
                    expected: columns.len(),
                },
            );
            continue;
        }
        let mut cells: HashMap<&'static str, String> = HashMap::new();
        let mut moderators = BTreeMap::new();
        for ((known, name), cell) in columns.iter().zip(rec.iter()) {
            if cell.is_empty() {
                continue;
            }
            match known {
                Some(k) => {
                    cells.insert(*k, cell.to_string());
                }
                None => {
                    moderators.insert(name.clone(), cell.to_string());
                }
            }
        }
        if let Some(r) = read_row(row, cells, moderators, options, sink, has_better) {
            rows.push(r);
        }
    }

    if !has_design {
        sink.warn("row 1", Issue::AssumedColumn {
            column: "design",
            assumed: "randomised controlled trials (rct), or single_arm for studies with only single-arm data",
        });
    }
    if !has_better {
        sink.warn(
            "row 1",
            Issue::AssumedColumn {
                column: "better",
                assumed: "lower values favour the treatment",
            },
        );
    }

    // ---- group rows into studies, in order of first appearance ----
    // Without an `outcome` column each row is one study (metafor's layout, where two studies may share
    // a name, e.g. "Rosenthal et al" 1960 and 1961); repeated names get a numbered id.
    let one_row_per_study = !has("outcome");
    let mut order: Vec<String> = Vec::new();
    let mut groups: HashMap<String, Vec<Row>> = HashMap::new();
    // The next number to try for each repeated name: numbers below it are taken already, so the
    // search does not start at 2 every time (which was quadratic: 80,000 rows named "a" hung).
    let mut next_number: HashMap<String, usize> = HashMap::new();
    for mut r in rows {
        if one_row_per_study && groups.contains_key(&r.study) {
            let first = groups[&r.study][0].row;
            let mut k = next_number.get(&r.study).copied().unwrap_or(2);
            let id = loop {
                let candidate = format!("{} #{k}", r.study);
                if !groups.contains_key(&candidate) {
                    break candidate;
                }
                k += 1;
            };
            next_number.insert(r.study.clone(), k + 1);
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
        if !groups.contains_key(&r.study) {
            order.push(r.study.clone());
        }
        groups.entry(r.study.clone()).or_default().push(r);
    }
    let ids: HashSet<String> = order.iter().cloned().collect();
    let mut studies = Vec::new();
    for id in order {
        let Some(group) = groups.remove(&id) else {
            continue;
        };
        let (study, locs, path) = build_study(id, group, sink);
        // A CSV study exists only through its rows: when all of them were dropped, so is the study.
        if let Some((s, locs)) =
            check_study(&path, study, locs, sink).filter(|(s, _)| !s.outcomes.is_empty())
        {
            studies.push((path, s, locs));
        }
    }
    if studies.len() > MAX_STUDIES {
        // Named at the first row that was left out, so editors know where the cut is.
        let path = studies[MAX_STUDIES].0.clone();
        sink.error(
            path,
            Issue::TooManyStudies {
                count: studies.len(),
                limit: MAX_STUDIES,
            },
        );
        studies.truncate(MAX_STUDIES);
    }
    let (studies, claims) = finish(studies, Vec::new(), &ids, sink);
    Some(Dataset {
        schema: SCHEMA_V1.to_string(),
        title: None,
        description: None,
        question: None,
        vocabulary: Vocabulary::default(),
        studies,
        claims,
    })
}

/// Rows are study-outcomes; several outcomes per study are allowed, so the row limit is looser.
const MAX_ROWS: usize = 4 * MAX_STUDIES;

fn read_row(
    row: usize,
    cells: HashMap<&'static str, String>,
    moderators: BTreeMap<String, String>,
    options: &CsvOptions,
    sink: &mut Sink,
    has_better: bool,
) -> Option<Row> {
    let before = sink.errors.len();
    let at = |c: &str| format!("row {row}, column {c}");
    let Some(study) = cells.get("study").cloned() else {
        sink.error(at("study"), Issue::EmptyText);
        return None;
    };

    let year = match cells.get("year") {
        None => None,
        Some(c) => match c.parse::<u16>() {
            Ok(y) => Some(y),
            Err(_) => {
                sink.error(
                    at("year"),
                    Issue::CsvBad {
                        cell: c.clone(),
                        expected: "a year (a whole number)",
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
        parse_enum::<Design>(c, "design", true).map(|_| ())
    });
    enum_cell("source_kind", &|c| {
        parse_enum::<SourceKind>(c, "source kind", true).map(|_| ())
    });
    enum_cell("kind", &|c| {
        parse_enum::<OutcomeKind>(c, "kind", true).map(|_| ())
    });
    enum_cell("better", &|c| {
        parse_enum::<Better>(c, "direction", true).map(|_| ())
    });
    enum_cell("status", &|c| {
        parse_enum::<FactStatus>(c, "status", true).map(|_| ())
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
    let _ = has_better;

    // Numeric cells.
    let mut counts: HashMap<&'static str, u64> = HashMap::new();
    let mut nums: HashMap<&'static str, f64> = HashMap::new();
    for &c in COUNT_COLUMNS {
        if let Some(v) = cells.get(c) {
            match parse_count(v) {
                Ok(u) => {
                    counts.insert(c, u);
                }
                Err(e) => sink.error(at(c), e),
            }
        }
    }
    for &c in NUMBER_COLUMNS {
        if let Some(v) = cells.get(c) {
            match parse_number(v) {
                Ok(x) => {
                    nums.insert(c, x);
                }
                Err(e) => sink.error(at(c), e),
            }
        }
    }
    let measure_cell = match cells.get("measure") {
        None => None,
        Some(c) => match parse_enum::<Measure>(c, "measure", false) {
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

    let data = build_data(row, &cells, &counts, &nums, measure_cell, options, sink)?;
    let outcome_id = cells
        .get("outcome")
        .cloned()
        .unwrap_or_else(|| "main".to_string());
    let outcome = Outcome {
        id: outcome_id.clone(),
        name: outcome_id.into(),
        kind,
        better,
        surrogate: false,
        timepoint: None,
        data,
        reported: None,
        citation: None,
        status,
        note: None,
        subgroup: None,
        concept: None,
        analysis: None,
        stored: None,
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
                Form::Counts => "counts",
                Form::Means => "means",
                Form::Generic => "yi/vi data",
                Form::Proportion => "proportions",
                Form::Estimate => "estimates",
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
                        form: "an estimate (say which measure it is)",
                    },
                );
                return None;
            }
        },
    };
    let mut need_c = |c: &'static str| -> u64 {
        match counts.get(c) {
            Some(v) => *v,
            None => {
                sink.error(at(c), Issue::EmptyCell { form: form_name });
                ok = false;
                0
            }
        }
    };
    let data = match form {
        Form::Counts => {
            let ai = need_c("ai");
            let ci = need_c("ci");
            EffectData::Counts(Counts {
                measure,
                ai,
                bi: counts.get("bi").copied(),
                ci,
                di: counts.get("di").copied(),
                n1i: counts.get("n1i").copied(),
                n2i: counts.get("n2i").copied(),
            })
        }
        Form::Means => {
            let n1i = need_c("n1i");
            let n2i = need_c("n2i");
            let mut need = |c: &'static str| match nums.get(c) {
                Some(v) => *v,
                None => {
                    sink.error(at(c), Issue::EmptyCell { form: form_name });
                    ok = false;
                    1.0
                }
            };
            EffectData::Means(Means {
                measure,
                m1i: need("m1i"),
                sd1i: need("sd1i"),
                n1i,
                m2i: need("m2i"),
                sd2i: need("sd2i"),
                n2i,
            })
        }
        Form::Estimate => {
            let mut need = |c: &'static str| match nums.get(c) {
                Some(v) => *v,
                None => {
                    sink.error(at(c), Issue::EmptyCell { form: form_name });
                    ok = false;
                    1.0
                }
            };
            EffectData::Estimate(Estimate {
                measure,
                estimate: need("estimate"),
                ci_lb: need("ci_lb"),
                ci_ub: need("ci_ub"),
                level: nums.get("level").copied().unwrap_or(95.0),
            })
        }
        Form::Proportion => EffectData::Proportion(Proportion {
            measure,
            xi: counts.get("xi").copied(),
            ni: counts.get("ni").copied(),
            estimate: nums.get("estimate").copied(),
            ci_lb: nums.get("ci_lb").copied(),
            ci_ub: nums.get("ci_ub").copied(),
            level: nums.get("level").copied(),
        }),
        Form::Generic => {
            let yi = match nums.get("yi") {
                Some(v) => *v,
                None => {
                    sink.error(at("yi"), Issue::EmptyCell { form: form_name });
                    ok = false;
                    0.0
                }
            };
            EffectData::Generic(Generic {
                measure,
                yi,
                vi: nums.get("vi").copied(),
                sei: nums.get("sei").copied(),
            })
        }
    };
    ok.then_some(Some(data))
}

/// Merges a study's rows. Study-level cells that disagree with an earlier row get a warning.
fn build_study(id: String, group: Vec<Row>, sink: &mut Sink) -> (Study, Vec<Loc>, String) {
    let first_row = group[0].row;
    let path = format!("row {first_row}");
    let mut first_cells: HashMap<&'static str, (String, usize)> = HashMap::new();
    let mut moderators: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let mut year = None;
    let mut design = None;
    let mut source_kind = None;
    let mut outcomes = Vec::with_capacity(group.len());
    let mut locs = Vec::with_capacity(group.len());
    for r in group {
        for &c in STUDY_TEXT_COLUMNS {
            if let Some(v) = r.cells.get(c) {
                match first_cells.get(c) {
                    Some((earlier, erow)) if earlier != v => sink.warn(
                        format!("row {}, column {c}", r.row),
                        Issue::ConflictingCell {
                            value: v.clone(),
                            earlier: earlier.clone(),
                            row: *erow,
                        },
                    ),
                    Some(_) => {}
                    None => {
                        first_cells.insert(c, (v.clone(), r.row));
                    }
                }
            }
        }
        for (k, v) in &r.moderators {
            match moderators.get(k) {
                Some((earlier, erow)) if earlier != v => sink.warn(
                    format!("row {}, column {k}", r.row),
                    Issue::ConflictingCell {
                        value: v.clone(),
                        earlier: earlier.clone(),
                        row: *erow,
                    },
                ),
                Some(_) => {}
                None => {
                    moderators.insert(k.clone(), (v.clone(), r.row));
                }
            }
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
        if all_single {
            Design::SingleArm
        } else {
            Design::Rct
        }
    });
    let citation = Citation {
        text: text("citation").unwrap_or_else(|| label.clone()),
        doi: text("doi"),
        pmid: text("pmid"),
        nct: text("nct"),
        url: text("url"),
        source_document: None,
    };
    let study = Study {
        id,
        label: label.into(),
        year,
        citation,
        source_kind: source_kind.unwrap_or(SourceKind::Paper),
        condition: text("condition").unwrap_or_default(),
        population: None,
        intervention: Intervention {
            therapy: text("therapy").unwrap_or_default(),
            ..Default::default()
        },
        comparator: None,
        design,
        blinding: None,
        phase: None,
        n: None,
        n_planned: None,
        follow_up: None,
        status: StudyStatus::Completed,
        caveats: Vec::new(),
        outcomes,
        moderators: moderators.into_iter().map(|(k, (v, _))| (k, v)).collect(),
    };
    (study, locs, path)
}
