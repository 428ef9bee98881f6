//! Semantic checks shared by the JSON reader, the CSV reader and [`validate`].
//!
//! The readers first turn each item into its typed form (reporting wrong types and missing fields), then
//! run the checks here with the item's *original* location, so a message points at the place in the
//! file even when earlier items were dropped. [`validate`] runs the same checks on a dataset built in code.

use foldhash::{HashMap, HashMapExt, HashSet};

use super::problem::{Issue, Parsed, Problem};
use super::types::*;
use super::MAX_INPUT_BYTES;

/// Collects problems.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Sink {
    pub fn error(&mut self, path: impl Into<String>, issue: Issue) {
        self.errors.push(Problem::new(path, issue));
    }
    pub fn warn(&mut self, path: impl Into<String>, issue: Issue) {
        self.warnings.push(Problem::new(path, issue));
    }
    /// What was read, with every problem found on the way.
    pub fn into_parsed(self, dataset: Option<Dataset>) -> Parsed {
        Parsed {
            dataset,
            errors: self.errors,
            warnings: self.warnings,
        }
    }
}

/// Where an outcome came from, so its problems can be named in the input's own terms.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Loc {
    /// JSON path of the outcome, e.g. `studies[2].outcomes[0]`.
    Json(String),
    /// Spreadsheet row number (header = row 1).
    #[cfg(feature = "table")]
    Csv(usize),
}

impl Loc {
    /// The outcome as a whole.
    pub fn outcome(&self) -> String {
        match self {
            Loc::Json(p) => p.clone(),
            #[cfg(feature = "table")]
            Loc::Csv(r) => format!("row {r}"),
        }
    }
    /// A field of the outcome itself (`id`, `status`, ...).
    pub fn outcome_field(&self, f: &str) -> String {
        match self {
            Loc::Json(p) => format!("{p}.{f}"),
            #[cfg(feature = "table")]
            Loc::Csv(r) => format!(
                "row {r}, column {}",
                if f == "id" { "outcome" } else { csv_column(f) }
            ),
        }
    }
    /// The data object as a whole.
    pub fn data(&self) -> String {
        match self {
            Loc::Json(p) => format!("{p}.data"),
            #[cfg(feature = "table")]
            Loc::Csv(r) => format!("row {r}"),
        }
    }
    /// One data field (`ai`, `sd1i`, ...).
    pub fn data_field(&self, f: &str) -> String {
        match self {
            Loc::Json(p) => format!("{p}.data.{f}"),
            #[cfg(feature = "table")]
            Loc::Csv(r) => format!("row {r}, column {f}"),
        }
    }
    /// The confidence interval; in JSON the interval as a whole (`….ci`), in CSV the column at fault.
    pub fn ci(&self, column: &str) -> String {
        #[cfg(not(feature = "table"))]
        let _ = column;
        match self {
            Loc::Json(p) => format!("{p}.ci"),
            #[cfg(feature = "table")]
            Loc::Csv(r) => format!("row {r}, column {column}"),
        }
    }
}

/// The CSV column that holds a JSON field.
fn csv_column(f: &str) -> &str {
    match f {
        "id" => "study",
        "name" => "outcome",
        "article" => "outcome_article",
        "citation.text" => "citation",
        other => other.strip_prefix("citation.").unwrap_or(other),
    }
}

/// Path of a field of a study (or its citation) at `path`, which is a JSON path or a CSV `row N`.
pub(crate) fn sub(path: &str, f: &str) -> String {
    if path.starts_with("row ") {
        let (row, col) = match path.split_once(", column ") {
            Some((r, c)) => (r, Some(c)),
            None => (path, None),
        };
        let name = match (col, f) {
            (Some("citation"), "text") => "citation",
            _ => csv_column(f),
        };
        format!("{row}, column {name}")
    } else if path.is_empty() {
        f.to_string()
    } else {
        format!("{path}.{f}")
    }
}

const COUNT_MEASURES: &[&str] = &["RR", "OR", "RD"];
const MEAN_MEASURES: &[&str] = &["MD", "SMD"];
const ESTIMATE_MEASURES: &[&str] = &["RR", "OR", "HR", "IRR", "MD", "RD", "SMD"];
const PROPORTION_MEASURES: &[&str] = &["PR", "PLO"];

/// Measures allowed for a data form (names as in JSON). Generic `yi`/`vi` data may be on any scale.
pub(crate) fn allowed_measures(form: Form) -> &'static [&'static str] {
    match form {
        Form::Counts => COUNT_MEASURES,
        Form::Means => MEAN_MEASURES,
        Form::Estimate => ESTIMATE_MEASURES,
        Form::Proportion => PROPORTION_MEASURES,
        Form::Generic => Measure::NAMES,
    }
}

/// Whether `x` is a finite number; an error at `path` when not. The path is written only then:
/// one string per number checked was most of the allocations of reading a large dataset.
fn finite(sink: &mut Sink, path: impl FnOnce() -> String, x: f64) -> bool {
    if x.is_finite() {
        true
    } else {
        sink.error(
            path(),
            Issue::NotFinite {
                found: format!("{x}"),
            },
        );
        false
    }
}

/// Checks one effect-data value. Returns nothing; problems go to `sink`.
pub(crate) fn check_effect(data: &EffectData, loc: &Loc, sink: &mut Sink) {
    let form = data.form_name();
    let allowed = allowed_measures(data.form());
    let m = data.measure();
    if !allowed.contains(&m.as_str()) {
        sink.error(
            loc.data_field("measure"),
            Issue::MeasureNotForForm {
                measure: m.to_string(),
                form,
                allowed,
            },
        );
    }
    match data {
        EffectData::Counts(c) => check_counts(c, loc, sink),
        EffectData::Means(x) => {
            for (f, v) in [
                ("m1i", x.m1i),
                ("sd1i", x.sd1i),
                ("m2i", x.m2i),
                ("sd2i", x.sd2i),
            ] {
                finite(sink, || loc.data_field(f), v);
            }
            for (f, v) in [("sd1i", x.sd1i), ("sd2i", x.sd2i)] {
                if v.is_finite() && v <= 0.0 {
                    sink.error(loc.data_field(f), Issue::SdNotPositive { value: v });
                }
            }
            for (f, n) in [("n1i", x.n1i), ("n2i", x.n2i)] {
                if n == 0 {
                    sink.error(loc.data_field(f), Issue::EmptyArm { field: f });
                } else if x.measure == Measure::Smd && n < 2 {
                    sink.error(
                        loc.data_field(f),
                        Issue::TooFewForMeasure {
                            field: f,
                            n,
                            measure: Measure::Smd,
                            min: 2,
                        },
                    );
                }
            }
        }
        EffectData::Estimate(e) => {
            let mut ok = true;
            for (f, v) in [
                ("estimate", e.estimate),
                ("ci_lb", e.ci_lb),
                ("ci_ub", e.ci_ub),
                ("level", e.level),
            ] {
                ok &= finite(sink, || loc.data_field(f), v);
            }
            if !ok {
                return;
            }
            check_level(e.level, false, loc, sink);
            if e.measure.is_ratio() {
                for (f, v) in [
                    ("estimate", e.estimate),
                    ("ci_lb", e.ci_lb),
                    ("ci_ub", e.ci_ub),
                ] {
                    if v <= 0.0 {
                        sink.error(
                            loc.data_field(f),
                            Issue::NotPositiveRatio {
                                value: v,
                                measure: e.measure,
                            },
                        );
                        ok = false;
                    }
                }
                if ok && !(1e-3..=1e3).contains(&e.estimate) {
                    sink.warn(
                        loc.data_field("estimate"),
                        Issue::ImplausibleRatio {
                            value: e.estimate,
                            measure: e.measure,
                        },
                    );
                }
            } else if e.measure == Measure::Rd {
                for (f, v) in [
                    ("estimate", e.estimate),
                    ("ci_lb", e.ci_lb),
                    ("ci_ub", e.ci_ub),
                ] {
                    if !(-1.0..=1.0).contains(&v) {
                        sink.error(
                            loc.data_field(f),
                            Issue::RiskDifferenceOutOfRange { value: v },
                        );
                        ok = false;
                    }
                }
            }
            if ok {
                check_ci(e.estimate, e.ci_lb, e.ci_ub, loc, sink);
            }
        }
        EffectData::Proportion(p) => check_proportion(p, loc, sink),
        EffectData::Generic(g) => {
            finite(sink, || loc.data_field("yi"), g.yi);
            match (g.vi, g.sei) {
                (Some(_), Some(_)) => {
                    sink.error(loc.data(), Issue::BothGiven { a: "vi", b: "sei" })
                }
                (None, None) => sink.error(loc.data(), Issue::NeitherGiven { a: "vi", b: "sei" }),
                (Some(v), None) => {
                    if finite(sink, || loc.data_field("vi"), v) && v <= 0.0 {
                        sink.error(
                            loc.data_field("vi"),
                            Issue::VarianceNotPositive {
                                field: "vi",
                                value: v,
                            },
                        );
                    }
                }
                (None, Some(s)) => {
                    if finite(sink, || loc.data_field("sei"), s) && s <= 0.0 {
                        sink.error(
                            loc.data_field("sei"),
                            Issue::VarianceNotPositive {
                                field: "sei",
                                value: s,
                            },
                        );
                    }
                }
            }
        }
    }
}

/// A reported interval's level: in percent, and said to the editor when it is not 95%: the
/// views show the 95% interval it implies (`stats::effect::effect_of`), or none when it
/// `cannot_be_taken_to_95` (a proportion of 0 or 1 without its people).
fn check_level(level: f64, cannot_be_taken_to_95: bool, loc: &Loc, sink: &mut Sink) {
    let path = || loc.data_field("level");
    if !(level > 0.0 && level < 100.0) {
        sink.error(path(), Issue::BadLevel { value: level });
    } else if level <= 1.0 {
        sink.error(path(), Issue::LevelAsFraction { value: level });
    } else if level != 95.0 && cannot_be_taken_to_95 {
        sink.warn(path(), Issue::NotShownAt95 { level });
    } else if level != 95.0 {
        sink.warn(path(), Issue::ShownAt95 { level });
    }
}

fn check_ci(est: f64, lb: f64, ub: f64, loc: &Loc, sink: &mut Sink) {
    if lb > ub {
        sink.error(loc.ci("ci_lb"), Issue::LowerAboveUpper { lb, ub });
        return;
    }
    if lb > est {
        sink.error(
            loc.ci("ci_lb"),
            Issue::LowerAboveEstimate { lb, estimate: est },
        );
    }
    if ub < est {
        sink.error(
            loc.ci("ci_ub"),
            Issue::UpperBelowEstimate { ub, estimate: est },
        );
    }
}

fn check_counts(c: &Counts, loc: &Loc, sink: &mut Sink) {
    let table = c.bi.is_some() || c.di.is_some();
    let totals = c.n1i.is_some() || c.n2i.is_some();
    if table && totals {
        sink.error(loc.data(), Issue::MixedCountForms);
        return;
    }
    let (n1, n2) = if table {
        let (Some(bi), Some(di)) = (c.bi, c.di) else {
            let missing = if c.bi.is_none() { "bi" } else { "di" };
            sink.error(loc.data(), Issue::MissingField { field: missing });
            return;
        };
        let n1 = c.ai.saturating_add(bi);
        let n2 = c.ci.saturating_add(di);
        if n1 == 0 {
            sink.error(loc.data_field("bi"), Issue::EmptyArm { field: "ai + bi" });
        }
        if n2 == 0 {
            sink.error(loc.data_field("di"), Issue::EmptyArm { field: "ci + di" });
        }
        (n1, n2)
    } else {
        let (Some(n1), Some(n2)) = (c.n1i, c.n2i) else {
            if !totals {
                sink.error(loc.data(), Issue::NeitherGiven { a: "bi", b: "n1i" });
            } else {
                let missing = if c.n1i.is_none() { "n1i" } else { "n2i" };
                sink.error(loc.data(), Issue::MissingField { field: missing });
            }
            return;
        };
        let mut bad = false;
        for (f, n) in [("n1i", n1), ("n2i", n2)] {
            if n == 0 {
                sink.error(loc.data_field(f), Issue::EmptyArm { field: f });
                bad = true;
            }
        }
        if c.ai > n1 && n1 > 0 {
            sink.error(
                loc.data_field("ai"),
                Issue::EventsExceedTotal {
                    events_field: "ai",
                    events: c.ai,
                    total_field: "n1i",
                    total: n1,
                },
            );
            bad = true;
        }
        if c.ci > n2 && n2 > 0 {
            sink.error(
                loc.data_field("ci"),
                Issue::EventsExceedTotal {
                    events_field: "ci",
                    events: c.ci,
                    total_field: "n2i",
                    total: n2,
                },
            );
            bad = true;
        }
        if bad {
            return;
        }
        (n1, n2)
    };
    if n1 == 0 || n2 == 0 {
        return;
    }
    if matches!(c.measure, Measure::Rr | Measure::Or) {
        if c.ai == 0 && c.ci == 0 {
            sink.warn(loc.data(), Issue::NoEventsEitherArm);
        } else if c.ai == n1 && c.ci == n2 {
            sink.warn(loc.data(), Issue::AllEventsBothArms);
        }
    }
}

fn check_proportion(p: &Proportion, loc: &Loc, sink: &mut Sink) {
    if p.measure == Measure::Plo && p.estimate.is_some() {
        sink.error(
            loc.data_field("measure"),
            Issue::MeasureNotForForm {
                measure: "PLO".into(),
                form: "form.proportion_estimate",
                allowed: &["PR"],
            },
        );
    }
    match (p.xi, p.estimate) {
        (Some(_), Some(_)) => sink.error(
            loc.data(),
            Issue::BothGiven {
                a: "xi",
                b: "estimate",
            },
        ),
        (None, None) => sink.error(
            loc.data(),
            Issue::NeitherGiven {
                a: "xi",
                b: "estimate",
            },
        ),
        (Some(x), None) => match p.ni {
            None => sink.error(loc.data(), Issue::MissingField { field: "ni" }),
            Some(0) => sink.error(loc.data_field("ni"), Issue::EmptyArm { field: "ni" }),
            Some(n) if x > n => sink.error(
                loc.data_field("xi"),
                Issue::EventsExceedTotal {
                    events_field: "xi",
                    events: x,
                    total_field: "ni",
                    total: n,
                },
            ),
            Some(_) => {}
        },
        (None, Some(e)) => {
            if p.ni == Some(0) {
                sink.error(loc.data_field("ni"), Issue::EmptyArm { field: "ni" });
            }
            if finite(sink, || loc.data_field("estimate"), e) && !(0.0..=1.0).contains(&e) {
                sink.error(
                    loc.data_field("estimate"),
                    Issue::ProportionOutOfRange { value: e },
                );
            }
        }
    }
    match (p.ci_lb, p.ci_ub) {
        (None, None) => {
            if p.level.is_some() {
                sink.warn(
                    loc.data_field("level"),
                    Issue::Ignored {
                        what: "level",
                        why: "ignored.no_interval",
                    },
                );
            }
        }
        (Some(_), None) => sink.error(loc.data(), Issue::MissingField { field: "ci_ub" }),
        (None, Some(_)) => sink.error(loc.data(), Issue::MissingField { field: "ci_lb" }),
        (Some(lb), Some(ub)) => {
            let mut ok = finite(sink, || loc.data_field("ci_lb"), lb);
            ok &= finite(sink, || loc.data_field("ci_ub"), ub);
            if let Some(l) = p.level {
                if finite(sink, || loc.data_field("level"), l) {
                    // 0 or 1 has no logit to widen from: without its people, no 95% interval.
                    let edge = p.value().is_some_and(|v| v == 0.0 || v == 1.0) && p.ni.is_none();
                    check_level(l, edge, loc, sink);
                }
            }
            for (f, v) in [("ci_lb", lb), ("ci_ub", ub)] {
                if v.is_finite() && !(0.0..=1.0).contains(&v) {
                    sink.error(loc.data_field(f), Issue::ProportionOutOfRange { value: v });
                    ok = false;
                }
            }
            if ok {
                if let Some(v) = p.value().filter(|v| v.is_finite()) {
                    check_ci(v, lb, ub, loc, sink);
                } else if lb > ub {
                    sink.error(loc.ci("ci_lb"), Issue::LowerAboveUpper { lb, ub });
                }
            }
        }
    }
}

/// The path is made only for an error: every study has several texts to check.
fn check_text(sink: &mut Sink, path: impl FnOnce() -> String, s: &str) -> bool {
    if s.trim().is_empty() {
        sink.error(path(), Issue::EmptyText);
        false
    } else {
        true
    }
}

/// Checks a citation; returns false on errors.
pub(crate) fn check_citation(c: &Citation, path: impl Fn() -> String, sink: &mut Sink) -> bool {
    let before = sink.errors.len();
    check_text(sink, || sub(&path(), "text"), &c.text);
    if let Some(u) = &c.url {
        let l = u.trim_start().to_ascii_lowercase();
        if !(l.starts_with("https://") || l.starts_with("http://")) {
            sink.error(sub(&path(), "url"), Issue::BadUrl { found: u.clone() });
        }
    }
    sink.errors.len() == before
}

/// Checks one outcome in the context of its study; returns false on errors.
pub(crate) fn check_outcome(study: &Study, o: &Outcome, loc: &Loc, sink: &mut Sink) -> bool {
    let before = sink.errors.len();
    check_text(sink, || loc.outcome_field("id"), &o.id);
    check_text(sink, || loc.outcome_field("name"), &o.name);
    if let (Some(c), Loc::Json(p)) = (&o.citation, loc) {
        check_citation(c, || format!("{p}.citation"), sink);
    }
    match &o.data {
        Some(d) => {
            check_effect(d, loc, sink);
            if study.status == StudyStatus::Ongoing {
                sink.warn(loc.outcome_field("data"), Issue::DataForOngoing);
            }
            if study.design.is_uncontrolled() && !d.is_single_arm() {
                sink.warn(
                    loc.data(),
                    Issue::ComparativeInUncontrolled {
                        design: study.design,
                    },
                );
            }
        }
        None => {
            if study.status == StudyStatus::Completed && o.reported.is_none() {
                sink.warn(loc.outcome(), Issue::NoDataForCompleted);
            }
        }
    }
    // A review's level is read only to check the pooled result against the review's.
    if (o.analysis.as_ref()).is_some_and(|a| !crate::model::Analysis::is_percentage(a.level)) {
        sink.warn(
            loc.outcome_field("analysis.level"),
            Issue::Ignored {
                what: "level",
                why: "ignored.level_not_percentage",
            },
        );
    }
    if o.status == FactStatus::Derived && o.note.as_deref().map_or(true, |n| n.trim().is_empty()) {
        sink.warn(loc.outcome_field("status"), Issue::DerivedWithoutNote);
    }
    if let Some(article) = &o.article {
        // A plain article is used (or not) in every language alike.
        let used = if article.languages().next().is_none() {
            o.article("").is_some()
        } else {
            article.languages().any(|l| o.article(l).is_some())
        };
        if !used {
            sink.warn(
                loc.outcome_field("article"),
                Issue::Ignored {
                    what: "article",
                    why: "ignored.article",
                },
            );
        }
    }
    if let Some(b) = &o.baseline {
        check_text(sink, || loc.outcome_field("baseline.basis"), &b.basis);
        match o.usable_baseline() {
            Err(why) => sink.warn(
                loc.outcome_field("baseline"),
                Issue::Ignored {
                    what: "baseline",
                    why,
                },
            ),
            // A hazard ratio's numbers per 100 people hold for a time only.
            Ok(Some(b))
                if b.timepoint.is_none()
                    && o.data.as_ref().map(EffectData::measure) == Some(Measure::Hr) =>
            {
                sink.warn(loc.outcome_field("baseline"), Issue::BaselineWithoutTime)
            }
            Ok(_) => {}
        }
    }
    sink.errors.len() == before
}

/// Checks a study and its outcomes. `locs[i]` says where `study.outcomes[i]` came from. Outcomes with
/// errors are dropped; returns `None` when the study's own fields have errors, or when it had
/// outcomes and every one of them had errors (a study left with none would say it recorded none).
pub(crate) fn check_study(
    path: &str,
    mut study: Study,
    locs: Vec<Loc>,
    sink: &mut Sink,
) -> Option<(Study, Vec<Loc>)> {
    let before = sink.errors.len();
    check_text(sink, || sub(path, "id"), &study.id);
    check_text(sink, || sub(path, "label"), &study.label);
    check_citation(&study.citation, || sub(path, "citation"), sink);
    if let Some(y) = study.year {
        if !(1900..=2100).contains(&y) {
            sink.warn(sub(path, "year"), Issue::UnlikelyYear { year: y });
        }
    }
    if sink.errors.len() != before {
        return None;
    }
    let outcomes = std::mem::take(&mut study.outcomes);
    let mut kept = Vec::with_capacity(outcomes.len());
    let mut kept_locs: Vec<Loc> = Vec::with_capacity(outcomes.len());
    let had_outcomes = !outcomes.is_empty();
    let many = outcomes.len() > 16;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (o, loc) in outcomes.into_iter().zip(locs) {
        if !check_outcome(&study, &o, &loc, sink) {
            continue;
        }
        // Most studies have a few outcomes, where a scan finds an earlier one of the same id
        // without copying ids; a study of many (one CSV study may have thousands) uses a map.
        let first = if many {
            seen.get(o.id.as_str()).copied()
        } else {
            kept.iter().position(|k: &Outcome| k.id == o.id)
        };
        if let Some(first) = first {
            let first = kept_locs[first].outcome();
            // In a spreadsheet the id is a row's outcome under a study name used before.
            let issue = match loc {
                #[cfg(feature = "table")]
                Loc::Csv(_) => Issue::RepeatedOutcome {
                    study: study.id.clone(),
                    outcome: o.id.clone(),
                    first,
                },
                Loc::Json(_) => Issue::DuplicateId {
                    id: o.id.clone(),
                    first,
                },
            };
            sink.error(loc.outcome_field("id"), issue);
            continue;
        }
        if many {
            seen.insert(o.id.clone(), kept.len());
        }
        kept.push(o);
        kept_locs.push(loc);
    }
    if !had_outcomes && study.status == StudyStatus::Completed {
        sink.warn(path.to_string(), Issue::NoOutcomes);
    }
    // As when the reader dropped them all: left out, with the errors that say why.
    if had_outcomes && kept.is_empty() {
        return None;
    }
    study.outcomes = kept;
    Some((study, kept_locs))
}

/// Checks one claim on its own; returns false on errors.
pub(crate) fn check_claim(path: &str, c: &Claim, sink: &mut Sink) -> bool {
    let before = sink.errors.len();
    check_text(sink, || format!("{path}.id"), &c.id);
    check_text(sink, || format!("{path}.text"), &c.text);
    check_citation(&c.citation, || format!("{path}.citation"), sink);
    for (i, part) in c.parts.iter().enumerate() {
        // A one-part claim may give its part inline; its fields then sit on the claim itself.
        let at = if c.parts.len() == 1 {
            path.to_string()
        } else {
            format!("{path}.parts[{i}]")
        };
        match (part.asserts, part.value) {
            (Assertion::Number, None) => sink.error(at, Issue::NumberClaimWithoutValue),
            (Assertion::Number, Some(v)) => {
                finite(sink, || format!("{at}.value"), v);
            }
            (_, Some(_)) => sink.warn(
                format!("{at}.value"),
                Issue::Ignored {
                    what: "value",
                    why: "ignored.no_number_claim",
                },
            ),
            _ => {}
        }
    }
    sink.errors.len() == before
}

/// Dataset-level checks: duplicate ids, claim references, single-arm data mixed into comparisons.
/// Drops duplicate studies and claims; `input_study_ids` are all ids present in the input (including
/// studies dropped for errors), so a claim citing a dropped study gets a warning rather than "unknown".
pub(crate) fn finish(
    studies: Vec<(String, Study, Vec<Loc>)>,
    claims: Vec<(String, Claim)>,
    input_study_ids: &HashSet<&str>,
    sink: &mut Sink,
) -> (Vec<Study>, Vec<Claim>) {
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut kept: Vec<(String, Study, Vec<Loc>)> = Vec::with_capacity(studies.len());
    for (path, s, locs) in studies {
        if let Some(first) = seen.get(&s.id) {
            sink.error(
                id_path(&path),
                Issue::DuplicateId {
                    id: s.id.clone(),
                    first: first.clone(),
                },
            );
            continue;
        }
        seen.insert(s.id.clone(), path.clone());
        kept.push((path, s, locs));
    }

    // A review's included studies: known ids of other studies (the people of those are counted
    // once, in the review), and not a review that includes it in turn; a bad entry is dropped
    // with the problem.
    let mut inclusions: Vec<(String, String)> = Vec::new();
    for (path, s, _) in &mut kept {
        let includes = std::mem::take(&mut s.includes);
        if includes.is_empty() {
            continue;
        }
        if s.design != Design::SystematicReview {
            sink.warn(format!("{path}.includes"), Issue::IncludesNotReview);
            continue;
        }
        for (j, id) in includes.into_iter().enumerate() {
            let at = format!("{path}.includes[{j}]");
            if id == s.id {
                sink.error(at, Issue::IncludesItself);
            } else if reaches(&inclusions, &id, &s.id) {
                sink.error(at, Issue::IncludesEachOther { id });
            } else if seen.contains_key(&id) {
                inclusions.push((s.id.clone(), id.clone()));
                s.includes.push(id);
            } else if input_study_ids.contains(id.as_str()) {
                sink.warn(at, Issue::StudyLeftOut { id });
            } else {
                sink.error(at, Issue::UnknownStudy { id });
            }
        }
    }

    // Single-arm data for an outcome id that has comparative data in another study.
    // (A map of the type `seen` below already is: each new map type costs the wasm its code.)
    let mut comparative: HashMap<String, String> = HashMap::new();
    for (_, s, locs) in &kept {
        for (o, loc) in s.outcomes.iter().zip(locs) {
            if o.data.as_ref().is_some_and(|d| !d.is_single_arm())
                && !comparative.contains_key(&o.id)
            {
                comparative.insert(o.id.clone(), loc.outcome());
            }
        }
    }
    for (_, s, locs) in &kept {
        for (o, loc) in s.outcomes.iter().zip(locs) {
            if o.data.as_ref().is_some_and(|d| d.is_single_arm()) {
                if let Some(other) = comparative.get(o.id.as_str()) {
                    sink.warn(
                        loc.data(),
                        Issue::SingleArmMixed {
                            outcome: o.id.clone(),
                            other: other.clone(),
                        },
                    );
                }
            }
        }
    }

    let mut claim_seen: HashMap<String, String> = HashMap::new();
    let mut kept_claims = Vec::with_capacity(claims.len());
    for (path, mut c) in claims {
        if let Some(first) = claim_seen.get(&c.id) {
            sink.error(
                format!("{path}.id"),
                Issue::DuplicateId {
                    id: c.id.clone(),
                    first: first.clone(),
                },
            );
            continue;
        }
        let mut ok = true;
        let mut refs = Vec::with_capacity(c.studies.len());
        for (i, sid) in c.studies.iter().enumerate() {
            if seen.contains_key(sid) {
                refs.push(sid.clone());
            } else if input_study_ids.contains(sid.as_str()) {
                sink.warn(
                    format!("{path}.studies[{i}]"),
                    Issue::StudyLeftOut { id: sid.clone() },
                );
            } else {
                sink.error(
                    format!("{path}.studies[{i}]"),
                    Issue::UnknownStudy { id: sid.clone() },
                );
                ok = false;
            }
        }
        if !ok {
            continue;
        }
        claim_seen.insert(c.id.clone(), path.clone());
        c.studies = refs;
        kept_claims.push(c);
    }
    (kept.into_iter().map(|(_, s, _)| s).collect(), kept_claims)
}

/// Whether review `from` includes `to`, directly or through reviews it includes.
fn reaches(inclusions: &[(String, String)], from: &str, to: &str) -> bool {
    let mut seen: Vec<&str> = vec![from];
    let mut next = 0;
    while let Some(&at) = seen.get(next) {
        next += 1;
        for (a, b) in inclusions {
            if a == at && !seen.contains(&b.as_str()) {
                if b == to {
                    return true;
                }
                seen.push(b);
            }
        }
    }
    false
}

fn id_path(study_path: &str) -> String {
    sub(study_path, "id")
}

/// Semantic checks for a dataset built in code (or read with serde directly): everything the readers
/// check except syntax and types. Returns `(errors, warnings)`, with paths by index in `dataset`.
pub fn validate(dataset: &Dataset) -> (Vec<Problem>, Vec<Problem>) {
    let mut sink = Sink::default();
    if dataset.schema != SCHEMA_V1 {
        sink.error(
            "schema",
            Issue::UnknownSchema {
                found: dataset.schema.clone(),
            },
        );
    }
    if dataset.studies.len() > super::MAX_STUDIES {
        sink.error(
            "studies",
            Issue::TooManyStudies {
                count: dataset.studies.len(),
                limit: super::MAX_STUDIES,
            },
        );
    }
    let ids: HashSet<&str> = dataset.studies.iter().map(|s| s.id.as_str()).collect();
    let mut studies = Vec::with_capacity(dataset.studies.len());
    for (i, s) in dataset.studies.iter().enumerate() {
        let path = format!("studies[{i}]");
        let locs = (0..s.outcomes.len())
            .map(|j| Loc::Json(format!("{path}.outcomes[{j}]")))
            .collect();
        if let Some((s, locs)) = check_study(&path, s.clone(), locs, &mut sink) {
            studies.push((path, s, locs));
        }
    }
    let mut claims = Vec::with_capacity(dataset.claims.len());
    for (i, c) in dataset.claims.iter().enumerate() {
        let path = format!("claims[{i}]");
        if check_claim(&path, c, &mut sink) {
            claims.push((path, c.clone()));
        }
    }
    finish(studies, claims, &ids, &mut sink);
    (sink.errors, sink.warnings)
}

/// Whether the input is small enough to read (an error says so when it is not).
pub(crate) fn within_size_limit(bytes: &[u8], sink: &mut Sink) -> bool {
    let fits = bytes.len() <= MAX_INPUT_BYTES;
    if !fits {
        sink.error(
            "",
            Issue::TooLarge {
                bytes: bytes.len(),
                limit: MAX_INPUT_BYTES,
            },
        );
    }
    fits
}
