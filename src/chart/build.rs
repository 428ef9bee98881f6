//! From a dataset to the views' inputs: which rows a forest has, in which panel and
//! group, with which words; which studies the evidence map places where. The drawing
//! code only draws what this decides.

use foldhash::{HashMap, HashMapExt};

use super::axis::Scale;
use super::forest::{Favours, Forest, ForestPanel, ForestRow, RowKind, RowValue};
use super::item::{Item, ItemKey};
use super::labels::badge_beside;
use super::options::{Sort, ViewOptions};
use crate::appraise::absolute::people;
use crate::appraise::{
    self, Appraisal, AppraiseOptions, Certainty, PoolFit, PooledAppraisal, Subtotal,
};
use crate::i18n::{self, t, tf, Lang};
use crate::model::{Better, Citation, Dataset, EffectData, Outcome, Study, StudyStatus};
use crate::stats::effect::{effect_of, Effect};

/// A single-group proportion in words ("46% [40, 52]"), also when no interval was reported.
fn proportion_text(lang: Lang, data: &EffectData) -> Option<String> {
    let EffectData::Proportion(p) = data else {
        return None;
    };
    let v = p.value()?;
    // As the sentences write people out of 100: a death in 507 is 0.2%, not 0%.
    let per_100 = |x: f64| people(lang, x * 100.0);
    let ci = match effect_of(data) {
        Ok(e) => i18n::interval(lang, &per_100(e.ci_lb), &per_100(e.ci_ub)),
        Err(_) => format!("({})", t(lang, "result.no_interval")),
    };
    Some(format!(
        "{} {ci} ({})",
        i18n::pct_number(lang, &per_100(v)),
        t(lang, "result.one_group")
    ))
}

/// Whether a comparison favours the treatment, judged by the outcome's direction.
pub fn direction(effect: &Effect, better: Better) -> Favours {
    if effect.shows_benefit(better) {
        Favours::Treatment
    } else if effect.shows_harm(better) {
        Favours::Control
    } else {
        Favours::Neither
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
    let label = study.label.get(lang.as_str()).to_string();
    let badge = badge_beside(lang, study.design, &label).map(str::to_string);
    let mut row = ForestRow::header(key, label);
    row.kind = RowKind::Note;
    row.detail = detail;
    row.n = study.n.or(study.n_planned);
    row.badge = badge;
    row.caveats = crate::model::Text::all_in(&study.caveats, lang.as_str());
    // Counts of treatment periods, or numbers not from a peer-reviewed paper, read differently.
    row.marked = appraise::rate::pooled_cycle_caveat(study).is_some()
        || study.source_kind != crate::model::SourceKind::Paper;
    row.source_url = study.citation.source_url();
    row.year = study.year;
    row.design = Some(study.design.as_str().to_string());
    row.therapy = study.intervention.therapy.clone();
    row
}

/// A study's row. `pooled` is the study's effect as the body the appraisal pooled it in computed
/// it (`Some(None)` where that body's method does not estimate it), which the row shows so that
/// the rows and the diamond agree; `None` for a study in no body.
fn row_for(
    lang: Lang,
    study: &Study,
    outcome: &Outcome,
    certainties: &Certainties,
    pooled: Option<Option<&Effect>>,
) -> (Option<Scale>, ForestRow) {
    let detail = outcome.name_with_time(lang.as_str());
    let mut row = study_row(lang, format!("{}/{}", study.id, outcome.id), study, detail);
    row.outcome_id = outcome.id.clone();
    // Numbers taken from a secondary copy, or worked out from others, need their note.
    // ("unverified" is every editor's default, so it marks nothing.)
    row.marked |= matches!(
        outcome.status,
        crate::model::FactStatus::SourceDocument | crate::model::FactStatus::Derived
    ) && outcome.data.is_some();
    if let Some(url) = outcome.citation.as_deref().and_then(Citation::source_url) {
        row.source_url = Some(url);
    }
    row.certainty = certainties.outcome(&study.id, &outcome.id);
    let Some(data) = &outcome.data else {
        row.value = RowValue::Words(match study.status {
            StudyStatus::Ongoing => t(lang, "result.pending").to_string(),
            StudyStatus::Completed => outcome
                .reported
                .as_ref()
                .map(|r| r.get(lang.as_str()).to_string())
                .unwrap_or_else(|| t(lang, "result.no_numbers").to_string()),
        });
        return (None, row);
    };
    if let Some(text) = proportion_text(lang, data) {
        row.value = RowValue::Words(text);
        return (None, row);
    }
    let effect = match pooled {
        Some(Some(e)) => Ok(*e),
        Some(None) => {
            row.value = RowValue::Words(t(lang, "result.not_estimable").to_string());
            return (None, row);
        }
        None => effect_of(data),
    };
    let effect = match effect {
        Ok(e) => e,
        Err(e) => {
            row.value = RowValue::Words(tf(lang, "result.cannot_show", &[&e.to_string()]));
            return (None, row);
        }
    };
    // As the appraisal decides: a single-arm study's before-after change is no comparison,
    // whatever form its numbers take, and is not drawn on a "favours" axis.
    let one_group = appraise::rate::is_single_arm(study, outcome);
    row.value = RowValue::Effect { effect, one_group };
    if one_group {
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
    crate::sort::sort_by(rows, |a, b| {
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
        // Each of a body's subgroups (its title, members and subtotal, as RevMan draws them),
        // then the rest; pooled rows last in each.
        sort_rows(&mut list, sort);
        crate::sort::sort_by_key(&mut list, |r| {
            let rank = match r.kind {
                RowKind::Header => 0,
                RowKind::Pooled => 2,
                _ => 1,
            };
            (r.subgroup.unwrap_or(usize::MAX), rank)
        });
        rows.extend(list);
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

/// RevMan's test for subgroup differences in words, as RevMan prints it under a forest plot.
fn subgroup_test(lang: Lang, test: &crate::stats::revman::SubgroupTest) -> String {
    let p = match test.q_pval {
        p if p < 0.001 => format!("< {}", i18n::num(lang, 0.001, 3)),
        p => format!("= {}", i18n::num(lang, p, if p < 0.01 { 3 } else { 2 })),
    };
    i18n::tn(
        lang,
        "forest.subgroup_test",
        &[
            ("q", &i18n::num(lang, test.q, 2)),
            ("df", &test.q_df.to_string()),
            ("p", &p),
            ("i2", &i18n::pct_number(lang, &i18n::num(lang, test.i2, 1))),
        ],
    )
}

/// A subgroup's own pooled result, a diamond under its members; `None` where it has none.
fn subtotal_row(
    lang: Lang,
    body: &PooledAppraisal,
    measure: crate::model::Measure,
    subtotal: &Subtotal,
    k: usize,
    better: Better,
) -> Option<ForestRow> {
    let fit = subtotal.fit.as_ref()?;
    let effect = Effect::pooled(measure, fit);
    let finite = [effect.estimate, effect.ci_lb, effect.ci_ub];
    finite.iter().all(|v| v.is_finite()).then_some(())?;
    let mut row = ForestRow::header(
        format!("subtotal/{}/{k}", body.id),
        tf(
            lang,
            "forest.subtotal",
            &[&i18n::plural(lang, "forest.studies", fit.k)],
        ),
    );
    row.kind = RowKind::Pooled;
    row.subgroup = Some(k);
    row.outcome_id = body.outcome.clone();
    row.detail = subtotal.name.clone();
    // An imported review's subtotal: whether redoing it reproduces what the review reports.
    row.caveats
        .extend(subtotal.review.as_ref().map(|r| r.text.clone()));
    row.estimate = Some(effect.estimate);
    row.ci = Some((effect.ci_lb, effect.ci_ub));
    row.value = RowValue::Effect {
        effect,
        one_group: false,
    };
    row.direction = direction(&effect, better);
    Some(row)
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
    // How each study's condition relates to the question's, worked out once per condition.
    let main = appraise::matching::MainCondition::new(question, &lexicon);
    let in_question = |s: &Study| {
        question.is_empty()
            || !options.filters.condition.is_empty()
            || main.fit(&s.condition).counts()
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
    // A body's group is its outcome's name, and its treatment where another body has that name.
    let mut names: HashMap<String, usize> = HashMap::new();
    for (p, _) in &pooled {
        *names.entry(p.name.clone()).or_insert(0) += 1;
    }
    let labels: Vec<String> = pooled
        .iter()
        .map(|(p, _)| {
            let shared = names.get(&p.name).is_some_and(|&n| n > 1);
            match shared && !p.therapy.trim().is_empty() {
                true => format!("{} · {}", p.name, p.therapy),
                false => p.name.clone(),
            }
        })
        .collect();
    // A body is drawn when all its members are in the question's scope.
    let studies = dataset.studies_by_id();
    let drawn: Vec<bool> = (pooled.iter())
        .map(|(_, f)| {
            (f.members.iter())
                .all(|(sid, _)| studies.get(sid.as_str()).is_some_and(|s| in_question(s)))
        })
        .collect();
    // Each member's subgroup, by body (empty for a body without subgroups).
    let subgroup_of: Vec<Vec<Option<usize>>> = (pooled.iter())
        .map(|(_, f)| {
            let mut of = vec![
                None;
                if f.subtotals.is_empty() {
                    0
                } else {
                    f.members.len()
                }
            ];
            for (k, subtotal) in f.subtotals.iter().enumerate() {
                for &j in &subtotal.members {
                    of[j] = Some(k);
                }
            }
            of
        })
        .collect();
    // Each member's body and its place among the body's members.
    let mut body: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
    for (i, (_, f)) in pooled.iter().enumerate() {
        for (j, (study, outcome)) in f.members.iter().enumerate() {
            body.entry((study.as_str(), outcome.as_str()))
                .or_insert((i, j));
        }
    }
    for study in dataset.studies.iter().filter(|s| in_question(s)) {
        for outcome in &study.outcomes {
            let key = (study.id.as_str(), outcome.id.as_str());
            let member = body.get(&key).map(|&(i, j)| (i, &pooled[i].1, j));
            let group = match member {
                Some((i, _, _)) => labels[i].as_str(),
                None => study.intervention.therapy.as_str(),
            };
            // As pooled: its effect, and its share of the weight in percent.
            let effect = member.map(|(_, f, j)| f.effects[j].as_ref());
            let (scale, mut row) = row_for(lang, study, outcome, &certainties, effect);
            row.weight = member
                .and_then(|(_, f, j)| f.fit.weights_pct.get(j).copied())
                .filter(|w| w.is_finite());
            // Its subgroup, where the body and its subgroups are drawn.
            // (Not in the notes' panel, which has no subgroups' titles.)
            row.subgroup = (member.filter(|&(i, _, _)| drawn[i] && scale.is_some()))
                .and_then(|(i, _, j)| subgroup_of[i].get(j).copied().flatten());
            match scale {
                Some(scale) => on_axis(scale, outcome.better, group, row),
                None => push_grouped(&mut notes, group, row),
            }
        }
        if study.outcomes.is_empty() && options.outcome.is_none() && options.filters.kind.is_empty()
        {
            let mut row = study_row(lang, format!("{}/", study.id), study, String::new());
            row.value = RowValue::Words(
                t(
                    lang,
                    if study.status == StudyStatus::Ongoing {
                        "result.pending"
                    } else {
                        "result.no_outcomes"
                    },
                )
                .into(),
            );
            push_grouped(&mut notes, study.intervention.therapy.as_str(), row);
        }
    }
    for (((p, f), name), drawn) in pooled.iter().zip(&labels).zip(drawn) {
        let members: Vec<&Outcome> = f
            .members
            .iter()
            .filter_map(|(sid, oid)| {
                studies
                    .get(sid.as_str())
                    .and_then(|s| s.outcomes.iter().find(|o| &o.id == oid))
            })
            .collect();
        if members.is_empty() {
            continue;
        }
        if !drawn {
            continue;
        }
        let better = members.first().map_or(Better::Lower, |o| o.better);
        let (outcome, measure, fit) = (&p.outcome, f.measure, &f.fit);
        let fixed = fit.method == crate::stats::Method::FE;
        let mut row = ForestRow::header(
            ItemKey::Pooled(&p.id).to_string(),
            tf(
                lang,
                if fixed {
                    "forest.pooled_fixed"
                } else {
                    "forest.pooled"
                },
                &[&i18n::plural(lang, "forest.studies", fit.k)],
            ),
        );
        row.kind = RowKind::Pooled;
        row.outcome_id = outcome.clone();
        // An imported review's result: whether redoing it reproduces what the review reports;
        // and, under subgroups, whether they differ.
        row.caveats
            .extend(p.review.as_ref().map(|r| r.text.clone()));
        row.caveats
            .extend(f.subgroup_test.map(|test| subgroup_test(lang, &test)));
        let effect = Effect::pooled(measure, fit);
        row.estimate = Some(effect.estimate);
        row.ci = Some((effect.ci_lb, effect.ci_ub));
        // A fixed effect has no spread to predict from: its "prediction interval" is its CI.
        let pi = (!fixed && fit.pi_lb.is_finite() && fit.pi_ub.is_finite())
            .then(|| (measure.natural(fit.pi_lb), measure.natural(fit.pi_ub)));
        row.pi = pi;
        row.n = None;
        row.value = RowValue::Effect {
            effect,
            one_group: false,
        };
        let e = |v| i18n::estimate(lang, v);
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
        row.direction = direction(&effect, better);
        let scale = if measure.is_ratio() {
            Scale::Log
        } else {
            Scale::Linear
        };
        // Each subgroup's title and subtotal, where the body's subgroups were pooled on their own.
        let mut rows = vec![row];
        for (k, subtotal) in f.subtotals.iter().enumerate() {
            let mut title = ForestRow::header(format!("group/{name}/{k}"), subtotal.name.clone());
            title.subgroup = Some(k);
            rows.push(title);
            rows.extend(subtotal_row(lang, p, measure, subtotal, k, better));
        }
        for row in rows {
            on_axis(scale, better, name, row);
        }
    }
    // Ratios before differences; in each, "lower is better" before "higher is better".
    crate::sort::sort_by_key(&mut axes, |((scale, better), _)| {
        (*scale != Scale::Log, *better != Better::Lower)
    });
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
    let pooled = || {
        panels
            .iter()
            .flat_map(|p| &p.rows)
            .filter(|r| r.kind == RowKind::Pooled)
    };
    if pooled().next().is_some() {
        footnote = format!("{footnote} {}", t(lang, "forest.footnote_pooled"));
    }
    if pooled().any(|r| r.pi.is_some()) {
        footnote = format!("{footnote} {}", t(lang, "forest.footnote_prediction"));
    }
    if any_caveat {
        footnote = format!("{footnote} {}", t(lang, "forest.caveat_note"));
    }
    if elsewhere > 0 {
        let note = tf(
            lang,
            "forest.elsewhere",
            &[
                &i18n::plural(lang, "forest.studies", elsewhere),
                &lexicon.display_in(appraise::matching::List::Conditions, question, lang),
            ],
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
    crate::sort::sort_by_key(&mut rated, |o| std::cmp::Reverse(o.certainty));
    statements.extend(rated.iter().map(|o| o.statement.clone()));
    statements.dedup();
    Forest {
        title: dataset
            .title
            .as_ref()
            .map(|x| x.get(lang.as_str()).to_string())
            .unwrap_or_default(),
        panels,
        footnote: Some(footnote),
        lang,
        statements,
        poster: false,
        kept: Default::default(),
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
                r.value.text(lang),
                t(lang, "forest.col.weight"),
                i18n::pct(lang, w / 100.0, 1)
            ),
            None => r.value.text(lang).into_owned(),
        },
        n: r.n,
        certainty: r.certainty.map(|c| c.words(lang).to_string()),
        caveats: r.caveats.clone(),
        source_url: r.source_url.clone(),
        design: r.design.clone(),
        year: r.year,
        // The numbers' abbreviation ("RR", "HR") spelled out and explained, one tap away.
        glossary: match &r.value {
            RowValue::Effect { effect, .. } => {
                super::glossary::of_measure(lang, effect.measure.as_str())
                    .into_iter()
                    .collect()
            }
            RowValue::Words(_) => Vec::new(),
        },
    }
}
