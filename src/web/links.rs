//! Citations and source links for the shell, from `Citation::links` (http(s) only). The
//! shell checks again before it builds an `<a>`.

use serde::Serialize;

use crate::chart::Item;
use crate::model::{Dataset, Link, Study};

/// An item of the view with what the tooltip and table need about its study.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    #[serde(flatten)]
    pub item: Item,
    pub study_id: Option<String>,
    pub citation: Option<String>,
    /// Every link to the source (the item's `source_url` is the first of them).
    pub links: Vec<Link>,
}

#[derive(Serialize)]
pub struct CitationEntry {
    pub key: String,
    pub label: String,
    pub text: String,
    pub links: Vec<Link>,
}

/// The study an item key (`study/outcome`) belongs to: the longest id that prefixes it.
fn study_of<'a>(dataset: Option<&'a Dataset>, key: &str) -> Option<&'a Study> {
    dataset?
        .studies
        .iter()
        .filter(|s| {
            key.len() > s.id.len()
                && key.starts_with(s.id.as_str())
                && key.as_bytes()[s.id.len()] == b'/'
        })
        .max_by_key(|s| s.id.len())
}

pub fn enrich(dataset: Option<&Dataset>, items: Vec<crate::chart::Item>) -> Vec<Row> {
    items
        .into_iter()
        .map(|item| {
            let study = study_of(dataset, &item.key);
            Row {
                study_id: study.map(|s| s.id.clone()),
                citation: study.map(|s| s.citation.text.clone()),
                links: study.map(|s| s.citation.links()).unwrap_or_default(),
                item,
            }
        })
        .collect()
}

/// One entry per study shown, in the order they first appear.
pub fn citations(dataset: Option<&Dataset>, items: &[Item]) -> Vec<CitationEntry> {
    let mut out: Vec<CitationEntry> = Vec::new();
    for item in items {
        let Some(study) = study_of(dataset, &item.key) else {
            continue;
        };
        if out.iter().any(|c| c.key == study.id) {
            continue;
        }
        out.push(CitationEntry {
            key: study.id.clone(),
            label: study.label.clone(),
            text: study.citation.text.clone(),
            links: study.citation.links(),
        });
    }
    out
}
