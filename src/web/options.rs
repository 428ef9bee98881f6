//! The values the filters, views and sorts can take in the loaded data, for the
//! shell's menus.

use serde::Serialize;

use crate::chart::build::{Sort, View};
use crate::model::Dataset;

#[derive(Serialize)]
pub struct OutcomeFacet {
    id: String,
    name: String,
}

#[derive(Serialize, Default)]
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

pub fn facets(dataset: Option<&Dataset>) -> Facets {
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
                    name: o.name.clone(),
                });
            }
        }
    }
    f
}
