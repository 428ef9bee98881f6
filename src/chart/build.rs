//! From a dataset to the views' inputs: which rows a forest has, in which panel and
//! group, with which words; which studies the evidence map places where. The drawing
//! code only draws what this decides.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Deserialize, Deserializer};

use super::axis::Scale;
use super::forest::{Favours, Forest, ForestPanel, ForestRow, RowKind};
use super::view::{Item, ItemKey};
use crate::appraise::{self, Appraisal, AppraiseOptions, Certainty, PoolFit, PooledAppraisal};
use crate::i18n::{self, t, tf, Lang};
use crate::model::{
    Better, Citation, Dataset, Design, EffectData, Outcome, OutcomeKind, Study, StudyStatus,
};
use crate::stats::effect::{effect_of, Effect};
use crate::stats::Method;

/// The views the widget can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// The answer first: each therapy's benefit, harm and certainty in plain words.
    #[default]
    Summary,
    /// One row per study and outcome, with intervals and pooled diamonds.
    Forest,
    /// Every study placed by design strength and size.
    Map,
    /// Icon arrays: out of 100 people, with and without the treatment.
    Harms,
    /// Each claim with its verdict and the evidence behind it.
    Claims,
    /// Funnel plot of one pooled outcome, with trim-and-fill.
    Funnel,
}

impl View {
    pub const NAMES: &'static [&'static str] =
        &["summary", "forest", "map", "harms", "claims", "funnel"];

    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The i18n key of the view's name as shown to readers.
    pub fn i18n_key(self) -> &'static str {
        [
            "view.summary",
            "view.forest",
            "view.map",
            "view.harms",
            "view.claims",
            "view.funnel",
        ][self as usize]
    }
}

impl std::str::FromStr for View {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "" | "summary" => Ok(View::Summary),
            "forest" => Ok(View::Forest),
            "map" => Ok(View::Map),
            "harms" => Ok(View::Harms),
            "claims" => Ok(View::Claims),
            "funnel" => Ok(View::Funnel),
            other => Err(format!(
                "unknown view \"{other}\"; expected one of {}",
                View::NAMES.join(", ")
            )),
        }
    }
}

/// How rows are ordered within their group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// As the studies come in the dataset.
    #[default]
    Dataset,
    /// Oldest first.
    Year,
    /// Smallest estimate first (on the log scale for ratios).
    Effect,
    /// Largest study first.
    Size,
    /// Most certain first.
    Certainty,
}

impl Sort {
    pub const NAMES: &'static [&'static str] = &["dataset", "year", "effect", "size", "certainty"];
}

impl std::str::FromStr for Sort {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "" | "dataset" => Ok(Sort::Dataset),
            "year" => Ok(Sort::Year),
            "effect" => Ok(Sort::Effect),
            "size" => Ok(Sort::Size),
            "certainty" => Ok(Sort::Certainty),
            other => Err(format!(
                "unknown sort \"{other}\"; expected one of {}",
                Sort::NAMES.join(", ")
            )),
        }
    }
}

/// Accepts `"x"` or `["x", "y"]` (and `null`) for a list.
fn one_or_many<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany<T> {
        One(T),
        Many(Vec<T>),
        None(()),
    }
    Ok(match OneOrMany::<T>::deserialize(d)? {
        OneOrMany::One(v) => vec![v],
        OneOrMany::Many(v) => v,
        OneOrMany::None(()) => Vec::new(),
    })
}

/// Which studies and outcomes are shown. Every list keeps what matches any of its
/// entries; an empty list keeps everything. Text is compared case-insensitively.
/// Each field takes one value or a list (`"aspirin"` or `["aspirin", "clopidogrel"]`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Filters {
    /// Studies whose condition contains one of these words ("heart attack", "acute").
    #[serde(deserialize_with = "one_or_many")]
    pub condition: Vec<String>,
    /// Studies of one of these therapies, by name ("aspirin", "clopidogrel").
    #[serde(deserialize_with = "one_or_many")]
    pub therapy: Vec<String>,
    /// Studies whose route contains one of these words ("intrathecal", "intravenous").
    #[serde(deserialize_with = "one_or_many")]
    pub route: Vec<String>,
    /// Studies of one of these designs, by their data names (`rct`, `crossover_rct`,
    /// `non_randomised_controlled`, `single_arm`, `cohort`, `case_series`, `systematic_review`).
    #[serde(deserialize_with = "one_or_many")]
    pub design: Vec<Design>,
    /// Outcomes of these kinds (`benefit`, `harm`). Also accepted as `outcomeKind`.
    #[serde(alias = "outcomeKind", deserialize_with = "one_or_many")]
    pub kind: Vec<OutcomeKind>,
}

/// What an editor or reader chose to see. Deserialises from the object the web glue
/// receives from JavaScript: camelCase names, every field optional, unknown fields
/// rejected (a typo is an error, not a silently ignored option). Example:
/// `{"view": "map", "lang": "es", "sort": "year", "filters": {"therapy": ["aspirin"], "design": "rct"}}`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ViewOptions {
    /// `summary` (default), `forest`, `map`, `harms`, `claims` or `funnel`.
    pub view: View,
    /// Only outcomes whose id or name matches (case-insensitive); none for all. The
    /// funnel plot draws this outcome (or the first that can be pooled).
    pub outcome: Option<String>,
    /// Language of everything drawn: `en` (default), `es`, `fr`.
    pub lang: Lang,
    /// Which studies and outcomes to show.
    pub filters: Filters,
    /// Order of rows within their group: `dataset` (default), `year`, `effect`, `size`, `certainty`.
    pub sort: Sort,
    /// Estimator of the between-study variance for pooled diamonds and the funnel:
    /// `FE`, `DL`, `REML` (default, as metafor), `ML`, `PM`, `HE`, `SJ`, `EB`.
    pub method: Option<Method>,
}

impl ViewOptions {
    /// Reads the options as given in attributes or on the command line.
    pub fn parse(view: &str, outcome: &str) -> Result<ViewOptions, String> {
        let view = view.parse()?;
        let outcome = Some(outcome.trim())
            .filter(|o| !o.is_empty())
            .map(str::to_string);
        Ok(ViewOptions {
            view,
            outcome,
            ..Default::default()
        })
    }

    /// Reads the options from a JSON object (the form the web glue receives).
    pub fn from_json(json: &str) -> Result<ViewOptions, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    pub(crate) fn wants(&self, outcome: &Outcome) -> bool {
        let named = match &self.outcome {
            None => true,
            Some(o) => outcome.id.eq_ignore_ascii_case(o) || outcome.name.eq_ignore_ascii_case(o),
        };
        named && (self.filters.kind.is_empty() || self.filters.kind.contains(&outcome.kind))
    }

    pub(crate) fn wants_study(&self, study: &Study) -> bool {
        let f = &self.filters;
        let contains = |list: &[String], value: &str| {
            let value = value.to_lowercase();
            list.is_empty()
                || list
                    .iter()
                    .any(|w| value.contains(&w.trim().to_lowercase()))
        };
        contains(&f.condition, &study.condition)
            && (f.therapy.is_empty()
                || f.therapy.iter().any(|t| {
                    t.trim()
                        .eq_ignore_ascii_case(study.intervention.therapy.trim())
                }))
            && (f.route.is_empty()
                || study
                    .intervention
                    .route
                    .as_deref()
                    .is_some_and(|r| contains(&f.route, r)))
            && (f.design.is_empty() || f.design.contains(&study.design))
    }

    /// The dataset with only the studies and outcomes the options keep (claims are kept);
    /// borrowed when nothing is filtered out, and otherwise only kept studies are copied.
    pub fn filtered<'a>(&self, dataset: &'a Dataset) -> Cow<'a, Dataset> {
        // Named field by field, so that a new filter cannot be forgotten here.
        let Filters {
            condition,
            therapy,
            route,
            design,
            kind,
        } = &self.filters;
        let keeps_all = self.outcome.is_none()
            && condition.is_empty()
            && therapy.is_empty()
            && route.is_empty()
            && design.is_empty()
            && kind.is_empty();
        if keeps_all {
            return Cow::Borrowed(dataset);
        }
        let studies = dataset
            .studies
            .iter()
            .filter(|s| self.wants_study(s))
            .map(|s| {
                let mut s = s.clone();
                s.outcomes.retain(|o| self.wants(o));
                s
            })
            .collect();
        Cow::Owned(Dataset {
            schema: dataset.schema.clone(),
            title: dataset.title.clone(),
            description: dataset.description.clone(),
            question: dataset.question.clone(),
            vocabulary: dataset.vocabulary.clone(),
            studies,
            claims: dataset.claims.clone(),
        })
    }
}

/// A short badge for a design, shown after the study label.
pub fn design_badge(lang: Lang, design: Design) -> &'static str {
    t(lang, &format!("design.{}", design.as_str()))
}

/// Design strength for questions of benefit, weakest (0) to strongest (4); reviews are apart (5).
pub fn design_rank(design: Design) -> usize {
    match design {
        Design::CaseSeries | Design::SingleArm => 0,
        Design::Cohort => 1,
        Design::NonRandomisedControlled => 2,
        Design::CrossoverRct => 3,
        Design::Rct => 4,
        Design::SystematicReview => 5,
        Design::Unknown => 1,
    }
}

/// The certainty level in words.
pub fn certainty_words(lang: Lang, c: Certainty) -> &'static str {
    t(lang, &format!("certainty.{}", c.as_str()))
}

fn value_text(lang: Lang, effect: &Effect) -> String {
    let e = |v| i18n::estimate(lang, v);
    format!(
        "{} {} {}",
        effect.measure.as_str(),
        e(effect.estimate),
        i18n::interval(lang, &e(effect.ci_lb), &e(effect.ci_ub))
    )
}

/// A single-group proportion in words ("46% [40, 52]"), also when no interval was reported.
fn proportion_text(lang: Lang, data: &EffectData) -> Option<String> {
    let EffectData::Proportion(p) = data else {
        return None;
    };
    let v = p.value()?;
    let ci = match effect_of(data) {
        Ok(e) => i18n::interval(
            lang,
            &i18n::num(lang, e.ci_lb * 100.0, 0),
            &i18n::num(lang, e.ci_ub * 100.0, 0),
        ),
        Err(_) => format!("({})", t(lang, "result.no_interval")),
    };
    Some(format!(
        "{} {ci} ({})",
        i18n::pct(lang, v, 0),
        t(lang, "result.one_group")
    ))
}

/// Whether a comparison favours the treatment, judged by the outcome's direction.
pub fn direction(effect: &Effect, better: Better) -> Favours {
    let null = if effect.measure.is_ratio() { 1.0 } else { 0.0 };
    let below = effect.ci_ub < null;
    let above = effect.ci_lb > null;
    match (below, above, better) {
        (true, _, Better::Lower) | (_, true, Better::Higher) => Favours::Treatment,
        (true, _, Better::Higher) | (_, true, Better::Lower) => Favours::Control,
        _ => Favours::Neither,
    }
}

/// Certainty per `(study, outcome)`, from the appraisal.
pub struct Certainties<'a> {
    // Keys borrowed from the appraisal: a forest of 10,000 studies looks each one up.
    by_outcome: HashMap<(&'a str, &'a str), Certainty>,
}

impl<'a> Certainties<'a> {
    pub fn of(appraisal: &'a Appraisal) -> Certainties<'a> {
        Certainties {
            by_outcome: appraisal
                .outcomes
                .iter()
                .filter_map(|o| Some(((o.study.as_str(), o.outcome.as_str()), o.certainty?)))
                .collect(),
        }
    }
    pub fn outcome(&self, study: &str, outcome: &str) -> Option<Certainty> {
        self.by_outcome.get(&(study, outcome)).copied()
    }
}

/// Appraises a dataset with the default options (what every view shows).
pub fn appraisal_of(dataset: &Dataset) -> Appraisal {
    appraise::appraise(dataset, &AppraiseOptions::default())
}

fn study_row(lang: Lang, key: String, study: &Study, detail: String) -> ForestRow {
    let mut row = ForestRow::header(key, i18n::pick(lang, &study.label));
    row.kind = RowKind::Note;
    row.detail = detail;
    row.n = study.n.or(study.n_planned);
    row.badge = Some(design_badge(lang, study.design).to_string());
    row.caveats = i18n::pick_all(lang, &study.caveats);
    // Counts of treatment periods, or numbers not from a peer-reviewed paper, read differently.
    row.marked = appraise::rate::pooled_cycle_caveat(study).is_some()
        || study.source_kind != crate::model::SourceKind::Paper;
    row.source_url = study.citation.source_url();
    row.year = study.year;
    row.design = Some(study.design.as_str().to_string());
    row.therapy = study.intervention.therapy.clone();
    row
}

fn row_for(
    lang: Lang,
    study: &Study,
    outcome: &Outcome,
    certainties: &Certainties,
) -> (Option<Scale>, ForestRow) {
    let mut detail = i18n::pick(lang, &outcome.name);
    if let Some(t) = &outcome.timepoint {
        detail = format!("{detail}, {}", i18n::pick(lang, t));
    }
    let mut row = study_row(lang, format!("{}/{}", study.id, outcome.id), study, detail);
    row.outcome_id = outcome.id.clone();
    // Numbers taken from a secondary copy, or worked out from others, need their note.
    // ("unverified" is every editor's default, so it marks nothing.)
    row.marked |= matches!(
        outcome.status,
        crate::model::FactStatus::SourceDocument | crate::model::FactStatus::Derived
    ) && outcome.data.is_some();
    if let Some(url) = outcome.citation.as_ref().and_then(Citation::source_url) {
        row.source_url = Some(url);
    }
    row.certainty = certainties.outcome(&study.id, &outcome.id);
    let Some(data) = &outcome.data else {
        row.value_text = match study.status {
            StudyStatus::Ongoing => t(lang, "result.pending").to_string(),
            StudyStatus::Completed => outcome
                .reported
                .as_ref()
                .map(|r| i18n::pick(lang, r))
                .unwrap_or_else(|| t(lang, "result.no_numbers").to_string()),
        };
        return (None, row);
    };
    if let Some(text) = proportion_text(lang, data) {
        row.value_text = text;
        return (None, row);
    }
    let effect = match effect_of(data) {
        Ok(e) => e,
        Err(e) => {
            row.value_text = tf(lang, "result.cannot_show", &[&e.to_string()]);
            return (None, row);
        }
    };
    row.value_text = value_text(lang, &effect);
    if data.is_single_arm() {
        row.value_text = format!("{} ({})", row.value_text, t(lang, "result.one_group"));
        return (None, row);
    }
    row.kind = RowKind::Study;
    row.estimate = Some(effect.estimate);
    row.ci = Some((effect.ci_lb, effect.ci_ub));
    row.direction = direction(&effect, outcome.better);
    row.sort_effect = Some(effect.yi);
    let scale = if effect.measure.is_ratio() {
        Scale::Log
    } else {
        Scale::Linear
    };
    (Some(scale), row)
}

/// Appends `row` to `rows` under a header for `group`, adding the header when the group is new.
fn push_grouped(rows: &mut Vec<(String, Vec<ForestRow>)>, group: &str, row: ForestRow) {
    match rows.iter_mut().find(|(g, _)| g == group) {
        Some((_, list)) => list.push(row),
        None => rows.push((group.to_string(), vec![row])),
    }
}

fn sort_rows(rows: &mut [ForestRow], sort: Sort) {
    let key = |r: &ForestRow| -> f64 {
        match sort {
            Sort::Dataset => 0.0,
            Sort::Year => r.year.map(f64::from).unwrap_or(f64::INFINITY),
            Sort::Effect => r.sort_effect.unwrap_or(f64::INFINITY),
            Sort::Size => -(r.n.map(f64::from).unwrap_or(-1.0)),
            Sort::Certainty => -(r.certainty.map(|c| c.score() as f64).unwrap_or(0.0)),
        }
    };
    // Stable: ties keep the dataset order.
    rows.sort_by(|a, b| {
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
}

fn panel(
    lang: Lang,
    title: &str,
    scale: Scale,
    better: Option<Better>,
    groups: Vec<(String, Vec<ForestRow>)>,
    sort: Sort,
) -> ForestPanel {
    let null_value = if scale == Scale::Log { 1.0 } else { 0.0 };
    let mut rows = Vec::new();
    for (group, mut list) in groups {
        // Data without a therapy (a plain CSV table) needs no group header.
        if !group.is_empty() {
            rows.push(ForestRow::header(format!("group/{group}"), group));
        }
        // Pooled rows stay last in their group.
        let pooled: Vec<ForestRow> = list
            .iter()
            .filter(|r| r.kind == RowKind::Pooled)
            .cloned()
            .collect();
        list.retain(|r| r.kind != RowKind::Pooled);
        sort_rows(&mut list, sort);
        rows.extend(list);
        rows.extend(pooled);
    }
    ForestPanel {
        title: title.to_string(),
        scale,
        null_value,
        // Which side favours the treatment depends on the panel's direction of "better".
        left_label: t(
            lang,
            match better {
                Some(Better::Higher) => "forest.favours_control_left",
                _ => "forest.favours_treatment_left",
            },
        )
        .to_string(),
        right_label: t(
            lang,
            match better {
                Some(Better::Higher) => "forest.favours_treatment_right",
                _ => "forest.favours_control_right",
            },
        )
        .to_string(),
        rows,
    }
}

/// The forest plot of a dataset (appraised with the default options).
pub fn forest(dataset: &Dataset, options: &ViewOptions) -> Forest {
    let dataset = options.filtered(dataset);
    let appraisal = appraisal_of(&dataset);
    forest_with(&dataset, options, &appraisal)
}

/// The forest plot of an already filtered dataset: comparisons on ratio and difference
/// axes, one panel per direction of "better" (so that one side of every panel favours the
/// treatment, and says so), pooled where the appraisal pooled; the results that are not
/// comparisons listed in words. Studies outside the question's condition are left out unless
/// the reader filters by condition, and the footnote says how many.
pub fn forest_with(dataset: &Dataset, options: &ViewOptions, appraisal: &Appraisal) -> Forest {
    let lang = options.lang;
    let certainties = Certainties::of(appraisal);
    // (scale, better) -> groups of rows.
    let mut axes: Vec<((Scale, Better), Vec<(String, Vec<ForestRow>)>)> = Vec::new();
    let mut on_axis = |scale: Scale, better: Better, group: &str, row: ForestRow| {
        let at = match axes.iter().position(|(k, _)| *k == (scale, better)) {
            Some(i) => i,
            None => {
                axes.push(((scale, better), Vec::new()));
                axes.len() - 1
            }
        };
        push_grouped(&mut axes[at].1, group, row);
    };
    let mut notes = Vec::new();
    let lexicon = appraise::matching::Lexicon::new(&dataset.vocabulary);
    let question = appraisal.condition.as_deref().unwrap_or("").trim();
    let in_question = |s: &Study| {
        question.is_empty()
            || !options.filters.condition.is_empty()
            || lexicon
                .relation(appraise::matching::List::Conditions, &s.condition, question)
                .counts()
    };
    let elsewhere = dataset.studies.iter().filter(|s| !in_question(s)).count();
    // Bodies the appraisal pooled get their own group with a diamond; it decided what pools
    // and fitted it once (nothing is drawn where it refused).
    let pooled: Vec<(&PooledAppraisal, &PoolFit)> = appraisal
        .pooled
        .iter()
        .filter_map(|p| Some((p, p.fit.as_ref()?)))
        .filter(|(_, f)| {
            [f.fit.estimate, f.fit.ci_lb, f.fit.ci_ub]
                .iter()
                .all(|v| v.is_finite())
        })
        .collect();
    // Each member's body, and its share of the weight in percent.
    let mut body: HashMap<(&str, &str), usize> = HashMap::new();
    let mut weights: HashMap<(&str, &str), f64> = HashMap::new();
    for (i, (_, f)) in pooled.iter().enumerate() {
        for ((study, outcome), w) in f.members.iter().zip(&f.fit.weights_pct) {
            let key = (study.as_str(), outcome.as_str());
            body.entry(key).or_insert(i);
            weights.entry(key).or_insert(*w);
        }
    }
    for study in dataset.studies.iter().filter(|s| in_question(s)) {
        for outcome in study.outcomes.iter().filter(|o| options.wants(o)) {
            let key = (study.id.as_str(), outcome.id.as_str());
            let group = match body.get(&key) {
                Some(&i) => pooled[i].0.name.as_str(),
                None => study.intervention.therapy.as_str(),
            };
            let (scale, mut row) = row_for(lang, study, outcome, &certainties);
            row.weight = weights.get(&key).copied().filter(|w| w.is_finite());
            match scale {
                Some(scale) => on_axis(scale, outcome.better, group, row),
                None => push_grouped(&mut notes, group, row),
            }
        }
        if study.outcomes.is_empty() && options.outcome.is_none() && options.filters.kind.is_empty()
        {
            let mut row = study_row(lang, format!("{}/", study.id), study, String::new());
            row.value_text = if study.status == StudyStatus::Ongoing {
                t(lang, "result.pending").into()
            } else {
                t(lang, "result.no_outcomes").into()
            };
            push_grouped(&mut notes, study.intervention.therapy.as_str(), row);
        }
    }
    for (p, f) in &pooled {
        let members: Vec<&Outcome> = f
            .members
            .iter()
            .filter_map(|(sid, oid)| {
                dataset
                    .study(sid)
                    .and_then(|s| s.outcomes.iter().find(|o| &o.id == oid))
            })
            .collect();
        if !members.iter().any(|o| options.wants(o)) {
            continue;
        }
        let in_scope = f
            .members
            .iter()
            .all(|(sid, _)| dataset.study(sid).is_some_and(|s| in_question(s)));
        if !in_scope {
            continue;
        }
        let name = p.name.clone();
        let better = members.first().map_or(Better::Lower, |o| o.better);
        let (outcome, measure, fit) = (&p.outcome, f.measure, &f.fit);
        let natural = |v: f64| if measure.is_ratio() { v.exp() } else { v };
        let mut row = ForestRow::header(
            ItemKey::Pooled(outcome).to_string(),
            tf(lang, "forest.pooled", &[&fit.k.to_string()]),
        );
        row.kind = RowKind::Pooled;
        row.outcome_id = outcome.clone();
        row.estimate = Some(natural(fit.estimate));
        row.ci = Some((natural(fit.ci_lb), natural(fit.ci_ub)));
        let pi = (fit.pi_lb.is_finite() && fit.pi_ub.is_finite())
            .then(|| (natural(fit.pi_lb), natural(fit.pi_ub)));
        row.pi = pi;
        row.n = None;
        let e = |v| i18n::estimate(lang, v);
        let (est, lo, hi) = (
            natural(fit.estimate),
            natural(fit.ci_lb),
            natural(fit.ci_ub),
        );
        row.value_text = format!(
            "{} {} {}",
            measure.as_str(),
            e(est),
            i18n::interval(lang, &e(lo), &e(hi))
        );
        row.detail = match pi {
            Some((a, b)) => format!(
                "{name} · {}",
                tf(
                    lang,
                    "forest.prediction",
                    &[&i18n::interval(lang, &e(a), &e(b))]
                )
            ),
            None => name.clone(),
        };
        row.certainty = p.certainty;
        let effect = Effect {
            measure: measure,
            yi: fit.estimate,
            vi: fit.se * fit.se,
            estimate: est,
            ci_lb: lo,
            ci_ub: hi,
        };
        row.direction = direction(&effect, better);
        let scale = if measure.is_ratio() {
            Scale::Log
        } else {
            Scale::Linear
        };
        on_axis(scale, better, &name, row);
    }
    // Ratios before differences; in each, "lower is better" before "higher is better".
    axes.sort_by_key(|((scale, better), _)| (*scale != Scale::Log, *better != Better::Lower));
    let mut panels: Vec<ForestPanel> = axes
        .into_iter()
        .map(|((scale, better), groups)| {
            let key = match (scale, better) {
                (Scale::Log, Better::Lower) => "forest.panel.ratio_lower",
                (Scale::Log, Better::Higher) => "forest.panel.ratio_higher",
                (_, Better::Lower) => "forest.panel.difference_lower",
                (_, Better::Higher) => "forest.panel.difference_higher",
            };
            panel(
                lang,
                t(lang, key),
                scale,
                Some(better),
                groups,
                options.sort,
            )
        })
        .collect();
    if !notes.is_empty() {
        panels.push(panel(
            lang,
            t(lang, "forest.panel.notes"),
            Scale::Linear,
            None,
            notes,
            options.sort,
        ));
    }
    let any_caveat = panels.iter().flat_map(|p| &p.rows).any(|r| r.marked);
    let mut footnote = t(lang, "forest.footnote").to_string();
    if any_caveat {
        footnote = format!("{footnote} {}", t(lang, "forest.caveat_note"));
    }
    if elsewhere > 0 {
        let note = tf(
            lang,
            "forest.elsewhere",
            &[&i18n::plural(lang, "forest.studies", elsewhere), question],
        );
        footnote = format!("{footnote} {note}");
    }
    let mut statements: Vec<String> = appraisal
        .pooled
        .iter()
        .filter(|p| p.refused.is_none() && p.certainty.is_some())
        .map(|p| p.statement.clone())
        .collect();
    let mut rated: Vec<_> = appraisal
        .outcomes
        .iter()
        .filter(|o| o.certainty.is_some() && o.effect.is_some())
        .collect();
    rated.sort_by_key(|o| std::cmp::Reverse(o.certainty));
    statements.extend(rated.iter().map(|o| o.statement.clone()));
    statements.dedup();
    Forest {
        title: dataset
            .title
            .as_ref()
            .map(|x| i18n::pick(lang, x))
            .unwrap_or_default(),
        panels,
        footnote: Some(footnote),
        lang,
        statements,
    }
}

/// The rows that are results (studies and pooled estimates), in drawing order: every row but headers.
pub fn result_rows(forest: &Forest) -> impl Iterator<Item = &ForestRow> {
    forest
        .panels
        .iter()
        .flat_map(|p| p.rows.iter())
        .filter(|r| r.kind != RowKind::Header)
}

/// A forest row as an item of the table.
pub fn table_row(lang: Lang, r: &ForestRow) -> Item {
    Item {
        key: r.key.clone(),
        label: match &r.badge {
            Some(b) => format!("{} ({b})", r.label),
            None => r.label.clone(),
        },
        detail: r.detail.clone(),
        value: match r.weight {
            Some(w) => format!(
                "{} · {} {}",
                r.value_text,
                t(lang, "forest.col.weight"),
                i18n::pct(lang, w / 100.0, 1)
            ),
            None => r.value_text.clone(),
        },
        n: r.n,
        certainty: r.certainty.map(|c| certainty_words(lang, c).to_string()),
        caveats: r.caveats.clone(),
        source_url: r.source_url.clone(),
        design: r.design.clone(),
        year: r.year,
    }
}
