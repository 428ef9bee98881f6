//! The values the filters, views and sorts can take in the loaded data, for the
//! shell's menus.

use crate::i18n::Lang;
use serde::Serialize;

use super::options::{Sort, View};
use crate::model::Dataset;

#[derive(Serialize, Debug, PartialEq)]
pub struct OutcomeFacet {
    id: String,
    name: String,
}

/// Each list in the order its values first appear, each value once (ignoring ASCII case and
/// surrounding spaces; outcomes by id).
#[derive(Serialize, Default, Debug, PartialEq)]
pub struct Facets {
    conditions: Vec<String>,
    therapies: Vec<String>,
    routes: Vec<String>,
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

/// The facets of `dataset`; with none, only the views and sorts.
pub fn facets(dataset: Option<&Dataset>, lang: Lang) -> Facets {
    let mut f = Facets {
        views: View::NAMES.iter().map(|s| s.to_string()).collect(),
        sorts: Sort::NAMES.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    let Some(d) = dataset else { return f };
    for s in &d.studies {
        push_unique(&mut f.conditions, &s.condition);
        push_unique(&mut f.therapies, &s.intervention.therapy);
        if let Some(r) = &s.intervention.route {
            push_unique(&mut f.routes, r);
        }
        push_unique(&mut f.designs, s.design.as_str());
        for o in &s.outcomes {
            push_unique(&mut f.kinds, o.kind.as_str());
            if !f.outcomes.iter().any(|x| x.id == o.id) {
                f.outcomes.push(OutcomeFacet {
                    id: o.id.clone(),
                    name: crate::i18n::pick(lang, &o.name),
                });
            }
        }
    }
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
        assert_eq!(f.conditions, ["heart disease"]);
        assert_eq!(f.therapies, ["Aspirin", "Statins"]);
        assert_eq!(f.routes, ["intrathecal"]);
        assert_eq!(f.designs, ["rct", "cohort"]);
        assert_eq!(f.kinds, ["benefit", "harm"]);
        let outcomes: Vec<(&str, &str)> = f
            .outcomes
            .iter()
            .map(|o| (o.id.as_str(), o.name.as_str()))
            .collect();
        assert_eq!(outcomes, [("ldl", "LDL"), ("death", "Death")]);
    }
}
