//! The values the filters, views and sorts can take in the loaded data, for the
//! shell's menus.

use crate::appraise::matching::{Lexicon, List};
use crate::i18n::Lang;
use serde::Serialize;

use super::options::{Sort, View};
use crate::model::Dataset;

#[derive(Serialize, Debug, PartialEq)]
pub struct OutcomeFacet {
    id: String,
    name: String,
}

/// A value of a filter as the reader sees it: `value`, the data's words the filter is given, and
/// `name`, the vocabulary's name for those words in the reader's language ("intratecal" for
/// "intrathecal"), or the words themselves. Words that share a name stay apart (a filter matches
/// the words it is given within a study's, so an alias such as "IT" would reach far beyond its
/// term); their names then say the words too.
#[derive(Serialize, Debug, PartialEq)]
pub struct Choice {
    value: String,
    name: String,
}

/// Each list in the order its values first appear, each value once (ignoring ASCII case and
/// surrounding spaces; outcomes by id).
#[derive(Serialize, Default, Debug, PartialEq)]
pub struct Facets {
    conditions: Vec<Choice>,
    therapies: Vec<Choice>,
    routes: Vec<Choice>,
    designs: Vec<String>,
    kinds: Vec<String>,
    outcomes: Vec<OutcomeFacet>,
    views: Vec<String>,
    sorts: Vec<String>,
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    let value = value.trim();
    if !value.is_empty() && !list.iter().any(|v| v.eq_ignore_ascii_case(value)) {
        list.push(value.to_string());
    }
}

/// Adds `value` as a choice of its own, once (ignoring ASCII case and surrounding spaces), named
/// by `name`, which is asked only for a new value: looking each study's words up in the
/// vocabulary was most of the time of 10,000 studies' facets.
fn push_choice(list: &mut Vec<Choice>, value: &str, name: impl FnOnce() -> String) {
    let value = value.trim();
    if !value.is_empty() && !list.iter().any(|c| c.value.eq_ignore_ascii_case(value)) {
        list.push(Choice {
            value: value.to_string(),
            name: name(),
        });
    }
}

/// Names that two choices share are followed by each one's words: "intratecal e intravenosa
/// (intrathecal or intravenous)". Counted once, so that data with thousands of conditions are not
/// compared pair by pair.
fn tell_apart(list: &mut [Choice]) {
    let mut uses: foldhash::HashMap<String, usize> = foldhash::HashMap::default();
    for c in list.iter() {
        *uses.entry(c.name.to_ascii_lowercase()).or_default() += 1;
    }
    for c in list.iter_mut() {
        let shared = uses[&c.name.to_ascii_lowercase()] > 1;
        if shared && !c.name.eq_ignore_ascii_case(&c.value) {
            c.name = format!("{} ({})", c.name, c.value);
        }
    }
}

/// The facets of `dataset`; with none, only the views and sorts.
pub fn facets(dataset: Option<&Dataset>, lang: Lang) -> Facets {
    let mut f = Facets {
        views: View::NAMES.iter().map(|s| s.to_string()).collect(),
        sorts: Sort::NAMES.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    let Some(d) = dataset else { return f };
    let lexicon = Lexicon::new(&d.vocabulary);
    // Only words that are a term's name or alias as written: "autoimmune diseases (…, MS)" holds
    // MS's alias but is not MS.
    let name = |list, words: &str| {
        if lexicon.names_term(list, words) {
            lexicon.display_in(list, words, lang)
        } else {
            words.trim().to_string()
        }
    };
    for s in &d.studies {
        push_choice(&mut f.conditions, &s.condition, || {
            name(List::Conditions, &s.condition)
        });
        // A therapy keeps its own name, as the answers' headings give it first ("AHSCT").
        let therapy = &s.intervention.therapy;
        push_choice(&mut f.therapies, therapy, || therapy.trim().to_string());
        if let Some(r) = &s.intervention.route {
            push_choice(&mut f.routes, r, || name(List::Routes, r));
        }
        push_unique(&mut f.designs, s.design.as_str());
        for o in &s.outcomes {
            push_unique(&mut f.kinds, o.kind.as_str());
            if !f.outcomes.iter().any(|x| x.id == o.id) {
                f.outcomes.push(OutcomeFacet {
                    id: o.id.clone(),
                    name: o.name.get(lang.as_str()).to_string(),
                });
            }
        }
    }
    // A therapy's name is its words, so only conditions and routes can share one.
    tell_apart(&mut f.conditions);
    tell_apart(&mut f.routes);
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_json;

    #[test]
    fn without_data_only_views_and_sorts() {
        let f = facets(None, Lang::En);
        assert_eq!(f.views, View::NAMES);
        assert_eq!(f.sorts, Sort::NAMES);
        assert!(f.conditions.is_empty() && f.outcomes.is_empty() && f.routes.is_empty());
    }

    #[test]
    fn each_value_once_in_order_of_first_appearance() {
        let json = r#"{"schema": "evidence-lens/1", "claims": [], "studies": [
            {"id": "a", "label": "A", "citation": {"text": "A"}, "source_kind": "paper",
             "condition": "heart disease", "design": "rct",
             "intervention": {"therapy": "Aspirin", "route": "intrathecal"},
             "outcomes": [{"id": "ldl", "name": "LDL", "kind": "benefit", "better": "lower"}]},
            {"id": "b", "label": "B", "citation": {"text": "B"}, "source_kind": "paper",
             "condition": " Heart Disease ", "design": "cohort",
             "intervention": {"therapy": "Statins"},
             "outcomes": [
                {"id": "ldl", "name": "LDL change", "kind": "benefit", "better": "lower"},
                {"id": "death", "name": "Death", "kind": "harm", "better": "lower"}]},
            {"id": "c", "label": "C", "citation": {"text": "C"}, "source_kind": "paper",
             "condition": "", "design": "rct",
             "intervention": {"therapy": "aspirin", "route": " "},
             "outcomes": []}
        ]}"#;
        let parsed = parse_json(json.as_bytes());
        let dataset = parsed.dataset.expect("the test dataset reads");
        assert_eq!(dataset.studies.len(), 3, "{:?}", parsed.errors);
        let f = facets(Some(&dataset), Lang::En);
        let values = |list: &[Choice]| list.iter().map(|c| c.value.clone()).collect::<Vec<_>>();
        assert_eq!(values(&f.conditions), ["heart disease"]);
        assert_eq!(values(&f.therapies), ["Aspirin", "Statins"]);
        assert_eq!(values(&f.routes), ["intrathecal"]);
        assert_eq!(f.designs, ["rct", "cohort"]);
        assert_eq!(f.kinds, ["benefit", "harm"]);
        let outcomes: Vec<(&str, &str)> = f
            .outcomes
            .iter()
            .map(|o| (o.id.as_str(), o.name.as_str()))
            .collect();
        assert_eq!(outcomes, [("ldl", "LDL"), ("death", "Death")]);
    }

    #[test]
    fn choices_are_named_in_the_reader_s_language_and_words_of_one_name_stay_apart() {
        let json = r#"{"schema": "evidence-lens/1", "studies": [
            {"id": "a", "label": "A", "citation": {"text": "A"}, "source_kind": "paper",
             "condition": "heart disease", "design": "rct",
             "intervention": {"therapy": "Drug X", "route": "intrathecal"}, "outcomes": []},
            {"id": "b", "label": "B", "citation": {"text": "B"}, "source_kind": "paper",
             "condition": "HD", "design": "rct",
             "intervention": {"therapy": "Drug X", "route": "IT"}, "outcomes": []},
            {"id": "c", "label": "C", "citation": {"text": "C"}, "source_kind": "paper",
             "condition": "gout and HD", "design": "rct",
             "intervention": {"therapy": "Drug X", "route": "oral"}, "outcomes": []}],
          "vocabulary": {
            "conditions": [{"id": "hd", "name": {"en": "heart disease", "es": "enfermedad cardíaca"},
                            "aliases": ["HD"]}],
            "routes": [{"id": "it", "name": {"en": "intrathecal", "es": "intratecal"}, "aliases": ["IT"]}]}}"#;
        let parsed = parse_json(json.as_bytes());
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        let f = facets(parsed.dataset.as_ref(), Lang::Es);
        let pairs = |list: &[Choice]| {
            let pair = |c: &Choice| (c.value.clone(), c.name.clone());
            list.iter().map(pair).collect::<Vec<_>>()
        };
        let pair = |v: &str, n: &str| (v.to_string(), n.to_string());
        assert_eq!(
            pairs(&f.conditions),
            [
                pair("heart disease", "enfermedad cardíaca (heart disease)"),
                pair("HD", "enfermedad cardíaca (HD)"),
                pair("gout and HD", "gout and HD")
            ]
        );
        assert_eq!(
            pairs(&f.routes),
            [
                pair("intrathecal", "intratecal (intrathecal)"),
                pair("IT", "intratecal (IT)"),
                pair("oral", "oral")
            ]
        );
        assert_eq!(pairs(&f.therapies), [pair("Drug X", "Drug X")]);
    }
}
