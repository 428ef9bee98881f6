//! A review becomes an `evidence-lens/1` dataset.
//!
//! - Each included study becomes a study; one that is in several comparisons becomes one study per
//!   comparison (its intervention differs), and one that appears twice in an analysis (in two
//!   subgroups) gets a second study for the second row, because an outcome id is unique per study.
//! - Each analysis row becomes an outcome with RevMan's analysis id (`CMP-001.01`) and name, its
//!   data (counts, means, or generic `yi`/`sei`; O−E and variance as `yi = (O−E)/V`, `vi = 1/V`,
//!   which pools identically), its subgroup, the analysis's settings and stored results
//!   (`analysis`) and the row's stored result (`stored`).
//! - The comparison gives the therapy and comparator ("A versus B"), or else the analysis's group
//!   labels. The design comes from the study's "Methods" text; when there is none it is
//!   `unknown` (not rated as randomised), with a caveat saying so.

use std::collections::BTreeMap;

use crate::i18n::{self, t, tn, Lang};

use crate::model::{
    Analysis, Better, Citation, Counts, Dataset, Design, EffectData, Generic, Intervention, Means,
    Measure, Outcome, OutcomeKind, StoredSubgroup, Study, Text,
};

use super::review::{Comparison, Review, ReviewAnalysis, ReviewStudy, Row, RowData};
use super::Note;

/// Splits "Aspirin versus placebo" into its two sides.
fn versus(name: &str) -> Option<(String, String)> {
    // ASCII case only: the separators are ASCII, and the split is at the same byte in `name`
    // (a whole lower case can change a letter's length in bytes: "ẞ" is three, "ß" two).
    let lower = name.to_ascii_lowercase();
    for sep in [
        " versus ",
        " vs. ",
        " vs ",
        " compared with ",
        " compared to ",
    ] {
        if let Some(at) = lower.find(sep) {
            let (a, b) = (name[..at].trim(), name[at + sep.len()..].trim());
            if !a.is_empty() && !b.is_empty() {
                return Some((a.to_string(), b.to_string()));
            }
        }
    }
    None
}

/// The design a "Methods" text describes; `None` when it does not say.
fn design_from_methods(methods: &str) -> Option<Design> {
    let m = crate::case::to_lower(methods);
    let has = |w: &str| m.contains(w);
    if has("cross-over") || has("crossover") || has("cross over") {
        Some(Design::CrossoverRct)
    } else if has("quasi") || has("non-random") || has("nonrandom") || has("not random") {
        Some(Design::NonRandomisedControlled)
    } else if has("random") || has("rct") {
        Some(Design::Rct)
    } else if has("cohort") {
        Some(Design::Cohort)
    } else if has("controlled before") || has("controlled clinical trial") {
        Some(Design::NonRandomisedControlled)
    } else {
        None
    }
}

/// Words for an outcome that measures harm rather than benefit.
fn is_harm(name: &str) -> bool {
    let n = crate::case::to_lower(name);
    [
        "adverse",
        "side effect",
        "side-effect",
        "harm",
        "toxicit",
        "complication",
    ]
    .iter()
    .any(|w| n.contains(w))
}

fn is_generic_label(l: &str) -> bool {
    matches!(
        crate::case::to_lower(l.trim()).as_str(),
        "experimental" | "intervention" | "treatment" | "control" | "comparator"
    )
}

/// The data an outcome carries, or why it carries none (a catalogue key, `import.why.*`).
fn effect_data(row: &Row, a: &ReviewAnalysis) -> Result<EffectData, &'static str> {
    let count = |x: f64| (x >= 0.0 && x.fract() == 0.0 && x < 9.0e15).then_some(x as u64);
    match row.data {
        RowData::Counts { e1, n1, e2, n2 } => {
            let (Some(e1), Some(n1), Some(e2), Some(n2)) =
                (count(e1), count(n1), count(e2), count(n2))
            else {
                return Err("import.why.counts_not_whole");
            };
            if n1 == 0 || n2 == 0 || e1 > n1 || e2 > n2 {
                return Err("import.why.arm_counts");
            }
            Ok(EffectData::Counts(Counts::totals(
                a.measure, e1, n1, e2, n2,
            )))
        }
        RowData::Means(m) => {
            let (Some(n1), Some(n2)) = (count(m.n1), count(m.n2)) else {
                return Err("import.why.sizes_not_whole");
            };
            let min = if a.measure == Measure::Smd { 2 } else { 1 };
            if n1 < min || n2 < min || !(m.sd1 > 0.0) || !(m.sd2 > 0.0) {
                return Err("import.why.no_sd");
            }
            Ok(EffectData::Means(Means {
                measure: a.measure,
                m1i: m.m1,
                sd1i: m.sd1,
                n1i: n1,
                m2i: m.m2,
                sd2i: m.sd2,
                n2i: n2,
            }))
        }
        RowData::Generic { yi, se } => {
            if !(se > 0.0 && yi.is_finite()) {
                return Err("import.why.no_se");
            }
            Ok(EffectData::Generic(Generic {
                measure: a.measure,
                yi,
                vi: None,
                sei: Some(se),
            }))
        }
        RowData::OE { oe, var } => {
            if !(var > 0.0 && oe.is_finite()) {
                return Err("import.why.no_oe_variance");
            }
            Ok(EffectData::Generic(Generic {
                measure: a.measure,
                yi: oe / var,
                vi: Some(1.0 / var),
                sei: None,
            }))
        }
        RowData::Missing => Err("import.why.no_data"),
    }
}

fn method_words(a: &ReviewAnalysis) -> String {
    let method = match a.method {
        crate::model::PoolMethod::Mh => "M-H",
        crate::model::PoolMethod::Iv => "IV",
        crate::model::PoolMethod::Peto => "Peto",
    };
    let model = match a.model {
        crate::model::EffectModel::Fixed => "Fixed",
        crate::model::EffectModel::Random => "Random",
    };
    let measure = a
        .measure_label
        .clone()
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| a.measure.to_string());
    format!("{measure}, {method}, {model}, {}% CI", a.level)
}

/// Converts a review. `warnings` collects rows that carry no data and why.
pub fn to_dataset(review: &Review, warnings: &mut Vec<Note>) -> Dataset {
    let title = review
        .title
        .clone()
        .unwrap_or_else(|| "Cochrane review".into());
    let review_citation = Citation {
        text: for_readers("import.review_citation", &[("title", Fill::Words(&title))]),
        doi: review.doi.clone(),
        ..Citation::default()
    };
    let by_id: BTreeMap<&str, &ReviewStudy> =
        review.studies.iter().map(|s| (s.id.as_str(), s)).collect();

    // Which comparisons each study is in, to name its copies.
    let mut comparisons_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (ci, c) in review.comparisons.iter().enumerate() {
        for a in &c.analyses {
            for r in &a.rows {
                let list = comparisons_of.entry(r.study.as_str()).or_default();
                if !list.contains(&ci) {
                    list.push(ci);
                }
            }
        }
    }

    let mut studies: Vec<Study> = Vec::new();
    // The studies whose treatment is only their comparison's name, for the editor's note.
    let mut named_for_comparison: Vec<usize> = Vec::new();
    let mut index: BTreeMap<(String, usize, usize), usize> = BTreeMap::new();
    for (ci, c) in review.comparisons.iter().enumerate() {
        let sides_of = comparison_sides(c);
        for (a, (therapy, comparator, named)) in c.analyses.iter().zip(sides_of) {
            if analysis_sides(&a.name).is_some_and(|(_, outcome)| !outcome) {
                warnings.push(Note::GroupsAsOutcomeName {
                    analysis: a.id.clone(),
                    name: a.name.clone(),
                });
            }
            let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
            for row in &a.rows {
                let slot = *seen
                    .entry(row.study.as_str())
                    .and_modify(|n| *n += 1)
                    .or_insert(0);
                let key = (row.study.clone(), ci, slot);
                let si = match index.get(&key) {
                    Some(&i) => i,
                    None => {
                        let several =
                            comparisons_of.get(row.study.as_str()).map_or(0, Vec::len) > 1;
                        let mut study = new_study(
                            by_id.get(row.study.as_str()).copied(),
                            &row.study,
                            c,
                            slot,
                            several,
                        );
                        study.intervention.therapy = therapy.clone();
                        study.comparator = comparator.clone().map(Text::plain);
                        if !named {
                            named_for_comparison.push(studies.len());
                        }
                        studies.push(study);
                        index.insert(key, studies.len() - 1);
                        studies.len() - 1
                    }
                };
                let study = &mut studies[si];
                let total = match row.data {
                    RowData::Counts { n1, n2, .. } => n1 + n2,
                    RowData::Means(m) => m.n1 + m.n2,
                    _ => 0.0,
                };
                if total > 0.0 && total < u32::MAX as f64 {
                    study.n = Some(study.n.unwrap_or(0).max(total as u32));
                }
                let (data, reported) = match effect_data(row, a) {
                    Ok(d) => (Some(d), None),
                    Err(why) => {
                        warnings.push(Note::NotEstimable {
                            study: study.label.as_str().to_string(),
                            analysis: a.id.clone(),
                            name: a.name.clone(),
                            why,
                        });
                        (
                            None,
                            Some(for_readers(
                                "import.not_estimable",
                                &[("why", Fill::Key(why))],
                            )),
                        )
                    }
                };
                let mut note = format!("RevMan analysis {} ({})", a.id, method_words(a));
                if let RowData::OE { oe, var } = row.data {
                    note.push_str(&format!("; O-E {oe}, variance {var}"));
                }
                if let Some(l) = &a.measure_label {
                    note.push_str(&format!("; measure \"{l}\""));
                }
                let name = if a.name.is_empty() { &a.id } else { &a.name };
                // Left of the line is "lower"; RevMan labels which side favours the experimental arm.
                let better = if a.left_favours_experimental == Some(false) {
                    Better::Higher
                } else {
                    Better::Lower
                };
                let kind = if is_harm(&a.name) {
                    OutcomeKind::Harm
                } else {
                    OutcomeKind::Benefit
                };
                study.outcomes.push(Outcome {
                    data,
                    reported,
                    citation: Some(Box::new(review_citation.clone())),
                    note: Some(note.into()),
                    subgroup: row
                        .subgroup
                        .clone()
                        .filter(|s| !s.is_empty())
                        .map(Text::plain),
                    analysis: Some(Box::new(analysis_of(c, a, review))),
                    stored: row.stored.clone().map(Box::new),
                    ..Outcome::new(a.id.clone(), name.clone().into(), kind, better)
                });
            }
        }
    }

    let named_for_comparison: Vec<&Study> =
        named_for_comparison.iter().map(|&i| &studies[i]).collect();
    say_what_the_file_leaves_out(&studies, &named_for_comparison, warnings);
    let mut description = format!("Imported from a {}", review.source);
    if let Some(doi) = &review.doi {
        description.push_str(&format!("; review DOI {doi}"));
    }
    if let Some(date) = &review.date {
        description.push_str(&format!("; {} {date}", review.date_kind));
    }
    description.push('.');
    Dataset {
        title: Some(title.into()),
        description: Some(description.into()),
        studies,
        ..Dataset::default()
    }
}

/// What a review's file does not say and the summary's answers rest on, for the editor: how the
/// studies were designed (without it they are not rated as randomised) and whose condition they
/// are about (without it the answers name none).
fn say_what_the_file_leaves_out(
    studies: &[Study],
    named_for_comparison: &[&Study],
    warnings: &mut Vec<Note>,
) {
    let total = studies.len();
    let said = |caveat: &str| {
        (studies.iter())
            .filter(|s| s.caveats.iter().any(|c| says(c, caveat)))
            .count()
    };
    let count = said(UNSTATED_DESIGN);
    if count > 0 {
        warnings.push(Note::UnstatedDesigns { count, total });
    }
    let count = said(UNRECOGNISED_DESIGN);
    if count > 0 {
        warnings.push(Note::UnrecognisedDesigns { count, total });
    }
    if !named_for_comparison.is_empty() {
        let mut comparisons: Vec<String> = Vec::new();
        for s in named_for_comparison {
            let quoted = format!("\"{}\"", s.intervention.therapy);
            if !comparisons.contains(&quoted) {
                comparisons.push(quoted);
            }
        }
        warnings.push(Note::ComparisonForTherapy {
            count: named_for_comparison.len(),
            total,
            comparisons,
        });
    }
    if studies.iter().all(|s| s.condition.trim().is_empty()) {
        warnings.push(Note::NoCondition);
    }
}

/// What a study whose design the file does not state says of it to readers (catalogue keys).
const UNSTATED_DESIGN: &str = "import.unstated_design";

/// What a study whose design the file states in words the chart does not read says of it.
const UNRECOGNISED_DESIGN: &str = "import.unrecognised_design";

/// What such a study says once the editor has said the review's studies are randomised trials.
const SAID_RANDOMISED: &str = "import.said_randomised";

/// Whether a caveat is the catalogue's text `key` (as [`for_readers`] wrote it: its English is its
/// default).
fn says(caveat: &Text, key: &str) -> bool {
    caveat.as_str() == t(Lang::En, key)
}

/// What fills a placeholder of a text for readers.
#[derive(Clone, Copy)]
enum Fill<'a> {
    /// A catalogue key, said in each language.
    Key(&'a str),
    /// The review's own words, the same in every language.
    Words(&'a str),
}

/// The catalogue's text `key` for readers, its placeholders filled, in every language the
/// catalogue has it in here: the command line's has all, the browser's converter those the shell
/// installed. The data an import makes serves readers in every language.
fn for_readers(key: &str, fill: &[(&str, Fill)]) -> Text {
    let langs: Vec<(String, String)> = (Lang::ALL.into_iter())
        .filter_map(|lang| {
            i18n::translated(lang, key)?;
            let values = (fill.iter())
                .map(|&(name, value)| match value {
                    Fill::Key(key) => Some((name, i18n::translated(lang, key)?)),
                    Fill::Words(words) => Some((name, words)),
                })
                .collect::<Option<Vec<_>>>()?;
            Some((lang.as_str().to_string(), tn(lang, key, &values)))
        })
        .collect();
    match &langs[..] {
        [(_, english)] => Text::plain(english.clone()),
        _ => Text::localized(langs).unwrap_or_default(),
    }
}

/// Makes every study whose design the file does not state a randomised trial, as an editor says
/// they are (most Cochrane reviews of interventions include only randomised trials, which a RevMan
/// file need not say): each such study says so to readers, and the editor's note about unstated
/// designs gives way to one that says what was done. A study whose design the file states in
/// words the chart does not read ("case-control") is left as it is. Returns how many changed.
pub fn assume_randomised(dataset: &mut Dataset, warnings: &mut Vec<Note>) -> usize {
    let total = dataset.studies.len();
    let mut changed = 0;
    let unstated = |s: &Study| {
        s.design == Design::Unknown && (s.caveats.iter()).any(|c| says(c, UNSTATED_DESIGN))
    };
    for study in (dataset.studies.iter_mut()).filter(|s| unstated(s)) {
        study.design = Design::Rct;
        study.caveats.retain(|c| !says(c, UNSTATED_DESIGN));
        study.caveats.push(for_readers(SAID_RANDOMISED, &[]));
        changed += 1;
    }
    if changed > 0 {
        let said = Note::SaidRandomised {
            count: changed,
            total,
        };
        // In the place of the note it answers.
        match (warnings.iter_mut()).find(|w| matches!(w, Note::UnstatedDesigns { .. })) {
            Some(w) => *w = said,
            None => warnings.push(said),
        }
    }
    changed
}

fn analysis_of(c: &Comparison, a: &ReviewAnalysis, review: &Review) -> Analysis {
    Analysis {
        comparison: (!c.name.is_empty()).then(|| c.name.clone()),
        measure: Some(a.measure),
        level: a.level,
        study_level: a.study_level,
        date: review.date.clone(),
        stored: a.stored.clone(),
        subgroups: a
            .subgroups
            .iter()
            .map(|(name, stored)| StoredSubgroup {
                name: name.clone(),
                stored: stored.clone(),
            })
            .collect(),
        subgroup_test: a.subgroup_test.clone(),
        ..Analysis::new(a.method, a.model)
    }
}

/// The treatment and comparator of each of a comparison's analyses, the same for all of an
/// analysis's rows (each treatment's studies are pooled on their own): the comparison's sides
/// ("Aspirin versus placebo"), the analysis's ("Mortality: aspirin versus placebo"), or its
/// group labels. An analysis that names none takes those of the first analysis that does and
/// shares a study with it (the same comparison of treatments, named once); else its comparison's
/// name (or id) stands for the treatment, and the last value, `false`, has the editor told.
fn comparison_sides(c: &Comparison) -> Vec<(String, Option<String>, bool)> {
    let own: Vec<Option<(String, Option<String>)>> =
        c.analyses.iter().map(|a| sides(c, a)).collect();
    let shares_a_study = |a: &ReviewAnalysis, b: &ReviewAnalysis| {
        (a.rows.iter()).any(|r| b.rows.iter().any(|q| q.study == r.study))
    };
    (c.analyses.iter().zip(&own))
        .map(|(a, sides)| {
            let found = sides.clone().or_else(|| {
                (c.analyses.iter().zip(&own))
                    .filter(|(b, _)| shares_a_study(a, b))
                    .find_map(|(_, s)| s.clone())
            });
            match found {
                Some((t, k)) => (t, k, true),
                None => {
                    let name = if c.name.trim().is_empty() {
                        &c.id
                    } else {
                        &c.name
                    };
                    (name.clone(), a.group_labels.1.clone(), false)
                }
            }
        })
        .collect()
}

/// An analysis's own treatment and comparator, when it names them.
fn sides(c: &Comparison, a: &ReviewAnalysis) -> Option<(String, Option<String>)> {
    if let Some(e) = &c.experimental {
        return Some((e.clone(), c.control.clone()));
    }
    if let Some((t, k)) = versus(&c.name).or_else(|| Some(analysis_sides(&a.name)?.0)) {
        return Some((t, Some(k)));
    }
    let label = a.group_labels.0.clone().filter(|l| !is_generic_label(l))?;
    Some((label, a.group_labels.1.clone()))
}

/// The sides an analysis's name compares, after the outcome it names first, if any:
/// "Mortality: aspirin versus placebo" (an outcome, `true`), or "Aspirin versus placebo" (none:
/// the name says nothing of what was measured). A side holding a list or a parenthesis ("Pain,
/// 5 mg vs 10 mg") is no treatment's name.
fn analysis_sides(name: &str) -> Option<((String, String), bool)> {
    let (outcome, compared) = match name.rsplit_once(':') {
        Some((outcome, compared)) => (!outcome.trim().is_empty(), compared),
        None => (false, name),
    };
    let (t, k) = versus(compared)?;
    let plain = |side: &str| !side.contains([',', ';', '(']);
    (plain(&t) && plain(&k)).then_some(((t, k), outcome))
}

fn new_study(
    info: Option<&ReviewStudy>,
    id: &str,
    c: &Comparison,
    slot: usize,
    several_comparisons: bool,
) -> Study {
    let name = info.map_or(id, |s| s.name.as_str()).to_string();
    let base = id.strip_prefix("STD-").unwrap_or(id).to_string();
    let mut study_id = base;
    if several_comparisons {
        study_id.push_str(&format!(" [{}]", c.id));
    }
    if slot > 0 {
        study_id.push_str(&format!(" #{}", slot + 1));
    }
    let year = info.and_then(|s| s.year);
    let methods = (info.and_then(|s| s.methods.as_deref()))
        .map(str::trim)
        .filter(|m| !m.is_empty());
    let design = methods.and_then(design_from_methods);
    let mut caveats = Vec::new();
    if design.is_none() {
        caveats.push(for_readers(
            match methods {
                None => UNSTATED_DESIGN,
                Some(_) => UNRECOGNISED_DESIGN,
            },
            &[],
        ));
    }
    let mut citation = Citation {
        text: match info.and_then(|s| s.reference.clone()) {
            Some(reference) => reference.into(),
            None => {
                // (A review's study ids often hold the year already: "MRC-1 1974".)
                let study = match year {
                    Some(y) if !name.trim_end().ends_with(&y.to_string()) => format!("{name} {y}"),
                    _ => name.to_string(),
                };
                for_readers("import.study_citation", &[("study", Fill::Words(&study))])
            }
        },
        ..Citation::default()
    };
    if let Some(s) = info {
        citation.doi = s.doi.clone();
        citation.pmid = s.pmid.clone();
    }
    let mut moderators = crate::model::StringMap::new();
    if !c.name.is_empty() {
        moderators.insert("comparison".to_string(), c.name.clone());
    }
    Study {
        year,
        intervention: Intervention::default(),
        design: design.unwrap_or(Design::Unknown),
        caveats,
        risk_of_bias: info.map(|s| s.risk_of_bias.clone()).unwrap_or_default(),
        moderators,
        ..Study::new(study_id, name.into(), citation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons_name_both_sides() {
        assert_eq!(
            versus("Aspirin versus placebo"),
            Some(("Aspirin".into(), "placebo".into()))
        );
        assert_eq!(versus("A vs. B"), Some(("A".into(), "B".into())));
        assert_eq!(versus("Examples from Fleiss (1993)"), None);
        assert_eq!(
            versus("ẞ-Blocker VERSUS İnsulin"),
            Some(("ẞ-Blocker".into(), "İnsulin".into()))
        );
    }

    #[test]
    fn methods_text_gives_the_design() {
        assert_eq!(
            design_from_methods("Randomised, double blind"),
            Some(Design::Rct)
        );
        assert_eq!(
            design_from_methods("Cross-over RCT"),
            Some(Design::CrossoverRct)
        );
        assert_eq!(
            design_from_methods("Quasi-randomised (alternation)"),
            Some(Design::NonRandomisedControlled)
        );
        assert_eq!(
            design_from_methods("Prospective cohort"),
            Some(Design::Cohort)
        );
        assert_eq!(design_from_methods(""), None);
    }
}
