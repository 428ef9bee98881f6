//! Citations and source links for the shell, from `Citation::links` (http(s) only). The
//! shell checks again before it builds an `<a>`.

use std::collections::{HashMap, HashSet};

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
    /// Every link to the source (the item's `source_url` is among them).
    pub links: Vec<Link>,
}

#[derive(Serialize)]
pub struct CitationEntry {
    pub key: String,
    pub label: String,
    pub text: String,
    pub links: Vec<Link>,
}

/// Finds the study an item key (`study/outcome`) belongs to: the longest study id followed
/// by `/` that prefixes it (the first study with that id).
enum StudyIndex<'a> {
    /// For up to [`SCAN_UP_TO`] items (a tooltip's one): looking along the studies is
    /// quicker than indexing 10,000 of them on every hover.
    Scan(&'a [Study]),
    /// For many items: a map built once, so a 10,000-row view is not quadratic.
    Map(HashMap<&'a str, &'a Study>),
}

const SCAN_UP_TO: usize = 4;

impl<'a> StudyIndex<'a> {
    fn new(dataset: Option<&'a Dataset>, items: usize) -> Self {
        let studies = dataset.map_or(&[][..], |d| &d.studies[..]);
        if items <= SCAN_UP_TO {
            return StudyIndex::Scan(studies);
        }
        let mut by_id = HashMap::with_capacity(studies.len());
        for s in studies {
            by_id.entry(s.id.as_str()).or_insert(s);
        }
        StudyIndex::Map(by_id)
    }

    fn study_of(&self, key: &str) -> Option<&'a Study> {
        match self {
            // One pass, whatever the key: the longest id, the first study among equals.
            StudyIndex::Scan(studies) => studies
                .iter()
                .filter(|s| {
                    key.strip_prefix(s.id.as_str())
                        .is_some_and(|rest| rest.starts_with('/'))
                })
                .fold(None, |best: Option<&Study>, s| match best {
                    Some(b) if b.id.len() >= s.id.len() => Some(b),
                    _ => Some(s),
                }),
            StudyIndex::Map(by_id) => key
                .rmatch_indices('/')
                .find_map(|(slash, _)| by_id.get(&key[..slash]).copied()),
        }
    }
}

pub fn enrich(dataset: Option<&Dataset>, items: Vec<Item>) -> Vec<Row> {
    let index = StudyIndex::new(dataset, items.len());
    items
        .into_iter()
        .map(|item| {
            let study = index.study_of(&item.key);
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
    let index = StudyIndex::new(dataset, items.len());
    let mut seen = HashSet::new();
    items
        .iter()
        .filter_map(|item| index.study_of(&item.key))
        .filter(|study| seen.insert(study.id.as_str()))
        .map(|study| CitationEntry {
            key: study.id.clone(),
            label: study.label.clone(),
            text: study.citation.text.clone(),
            links: study.citation.links(),
        })
        .collect()
}
