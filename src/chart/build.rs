//! From a dataset to the views' inputs: which rows a forest has, in which panel and
//! group, with which words. The drawing code only draws what this decides.

use super::axis::Scale;
use super::forest::{Direction, Forest, ForestPanel, ForestRow, RowKind};
use super::view::Item;
use crate::model::{Better, Dataset, Design, EffectData, Measure, Outcome, Study, StudyStatus};
use crate::stats::effect::{effect_of, Effect};

/// The views the widget can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Forest,
}

impl View {
    pub const NAMES: &'static [&'static str] = &["forest"];
}

/// What an editor or reader chose to see.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewOptions {
    pub view: View,
    /// Only outcomes whose id or name matches (case-insensitive); `None` for all.
    pub outcome: Option<String>,
}

impl ViewOptions {
    /// Reads the options as given in attributes or on the command line.
    pub fn parse(view: &str, outcome: &str) -> Result<ViewOptions, String> {
        let view = match view.trim() {
            "" | "forest" => View::Forest,
            other => return Err(format!("unknown view \"{other}\"; expected one of {}", View::NAMES.join(", "))),
        };
        let outcome = Some(outcome.trim()).filter(|o| !o.is_empty()).map(str::to_string);
        Ok(ViewOptions { view, outcome })
    }

    fn wants(&self, outcome: &Outcome) -> bool {
        match &self.outcome {
            None => true,
            Some(o) => outcome.id.eq_ignore_ascii_case(o) || outcome.name.eq_ignore_ascii_case(o),
        }
    }
}

/// A short badge for a design, shown after the study label.
pub fn design_badge(design: Design) -> &'static str {
    match design {
        Design::Rct => "RCT",
        Design::CrossoverRct => "crossover RCT",
        Design::NonRandomisedControlled => "non-randomised",
        Design::SingleArm => "single group",
        Design::Cohort => "cohort",
        Design::CaseSeries => "case series",
        Design::SystematicReview => "review",
    }
}

/// Formats an estimate the way journals print them: 2 decimals, 3 below 0.1.
pub fn format_estimate(v: f64) -> String {
    let digits = if v != 0.0 && v.abs() < 0.1 { 3 } else { 2 };
    format!("{v:.digits$}").replace('-', "\u{2212}")
}

fn value_text(effect: &Effect) -> String {
    let prefix = match effect.measure {
        Measure::Pr | Measure::Plo => String::new(),
        m => format!("{} ", m.as_str()),
    };
    if matches!(effect.measure, Measure::Pr | Measure::Plo) {
        return format!("{:.0}% [{:.0}, {:.0}]", effect.estimate * 100.0, effect.ci_lb * 100.0, effect.ci_ub * 100.0);
    }
    format!("{prefix}{} [{}, {}]", format_estimate(effect.estimate), format_estimate(effect.ci_lb), format_estimate(effect.ci_ub))
}

/// Whether a comparison favours the treatment, judged by the outcome's direction.
pub fn direction(effect: &Effect, better: Better) -> Direction {
    let null = if effect.measure.is_ratio() { 1.0 } else { 0.0 };
    let below = effect.ci_ub < null;
    let above = effect.ci_lb > null;
    match (below, above, better) {
        (true, _, Better::Lower) | (_, true, Better::Higher) => Direction::Favourable,
        (true, _, Better::Higher) | (_, true, Better::Lower) => Direction::Unfavourable,
        _ => Direction::Unclear,
    }
}

fn row_for(study: &Study, outcome: &Outcome) -> (Option<Scale>, ForestRow) {
    let mut detail = outcome.name.clone();
    if let Some(t) = &outcome.timepoint {
        detail = format!("{detail}, {t}");
    }
    let mut row = ForestRow::header(format!("{}/{}", study.id, outcome.id), study.label.clone());
    row.kind = RowKind::Note;
    row.detail = detail;
    row.n = study.n;
    row.badge = Some(design_badge(study.design).to_string());
    let Some(data) = &outcome.data else {
        row.value_text = match study.status {
            StudyStatus::Ongoing => "results pending".to_string(),
            StudyStatus::Completed => outcome.reported.clone().unwrap_or_else(|| "no numbers reported".to_string()),
        };
        return (None, row);
    };
    let effect = match effect_of(data) {
        Ok(e) => e,
        Err(e) => {
            row.value_text = format!("cannot be shown: {e}");
            return (None, row);
        }
    };
    row.value_text = value_text(&effect);
    if data.is_single_arm() || matches!(data, EffectData::Proportion(_)) {
        row.value_text = format!("{} (one group, no comparison)", row.value_text);
        return (None, row);
    }
    row.kind = RowKind::Study;
    row.estimate = Some(effect.estimate);
    row.ci = Some((effect.ci_lb, effect.ci_ub));
    row.direction = direction(&effect, outcome.better);
    let scale = if effect.measure.is_ratio() { Scale::Log } else { Scale::Linear };
    (Some(scale), row)
}

/// Appends `row` to `rows` under a header for `group`, adding the header when the group is new.
fn push_grouped(rows: &mut Vec<(String, Vec<ForestRow>)>, group: &str, row: ForestRow) {
    match rows.iter_mut().find(|(g, _)| g == group) {
        Some((_, list)) => list.push(row),
        None => rows.push((group.to_string(), vec![row])),
    }
}

fn panel(title: &str, scale: Scale, groups: Vec<(String, Vec<ForestRow>)>) -> ForestPanel {
    let null_value = if scale == Scale::Log { 1.0 } else { 0.0 };
    let mut rows = Vec::new();
    for (group, list) in groups {
        rows.push(ForestRow::header(format!("group/{group}"), group));
        rows.extend(list);
    }
    ForestPanel {
        title: title.to_string(),
        scale,
        null_value,
        left_label: "lower with treatment".to_string(),
        right_label: "higher with treatment".to_string(),
        rows,
    }
}

/// The forest plot of a dataset: comparisons on ratio and difference axes, and the
/// results that are not comparisons listed in words.
pub fn forest(dataset: &Dataset, options: &ViewOptions) -> Forest {
    let mut ratios = Vec::new();
    let mut differences = Vec::new();
    let mut notes = Vec::new();
    for study in &dataset.studies {
        for outcome in study.outcomes.iter().filter(|o| options.wants(o)) {
            let group = study.intervention.therapy.as_str();
            match row_for(study, outcome) {
                (Some(Scale::Log), row) => push_grouped(&mut ratios, group, row),
                (Some(Scale::Linear), row) => push_grouped(&mut differences, group, row),
                (None, row) => push_grouped(&mut notes, group, row),
            }
        }
        if study.outcomes.is_empty() && options.outcome.is_none() {
            let mut row = ForestRow::header(format!("{}/", study.id), study.label.clone());
            row.kind = RowKind::Note;
            row.badge = Some(design_badge(study.design).to_string());
            row.n = study.n.or(study.n_planned);
            row.value_text = if study.status == StudyStatus::Ongoing { "results pending".into() } else { "no outcomes recorded".into() };
            push_grouped(&mut notes, study.intervention.therapy.as_str(), row);
        }
    }
    let mut panels = Vec::new();
    if !ratios.is_empty() {
        panels.push(panel("Ratios (log scale): 1 = no difference", Scale::Log, ratios));
    }
    if !differences.is_empty() {
        panels.push(panel("Differences: 0 = no difference", Scale::Linear, differences));
    }
    if !notes.is_empty() {
        panels.push(panel("No comparison group, or no result yet", Scale::Linear, notes));
    }
    Forest {
        title: dataset.title.clone().unwrap_or_default(),
        panels,
        footnote: Some("Squares: studies (filled when the 95% interval excludes no difference). Lines: 95% confidence intervals.".to_string()),
    }
}

/// The chart's rows as plain data, in drawing order, without headers.
pub fn table_rows(forest: &Forest) -> Vec<Item> {
    forest
        .panels
        .iter()
        .flat_map(|p| p.rows.iter())
        .filter(|r| r.kind != RowKind::Header)
        .map(|r| Item {
            key: r.key.clone(),
            label: match &r.badge {
                Some(b) => format!("{} ({b})", r.label),
                None => r.label.clone(),
            },
            detail: r.detail.clone(),
            value: r.value_text.clone(),
            n: r.n,
        })
        .collect()
}
