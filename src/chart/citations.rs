//! The view's items with their study's citation and source links, and the citations of the
//! studies a view shows, for the shell's tooltip, table and reference list. Links come from
//! [`Citation::links`](crate::model::Citation::links) (http(s) only); the shell checks again
//! before it builds an `<a>`.

use crate::i18n::Lang;
use foldhash::{HashMap, HashSet, HashSetExt};

use serde::Serialize;

use super::{Item, ItemKey};
use crate::model::{Dataset, Link, Study};

/// An item of the view with what the tooltip and table need about its study.
#[derive(Serialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ItemRow {
    #[serde(flatten)]
    pub item: Item,
    pub study_id: Option<String>,
    pub citation: Option<String>,
    /// Every link to the source (the item's `source_url` is among them).
    pub links: Vec<Link>,
}

/// A study's citation, once per study a view shows.
#[derive(Serialize, Debug, PartialEq)]
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
        match dataset {
            Some(d) if items > SCAN_UP_TO => StudyIndex::Map(d.studies_by_id()),
            _ => StudyIndex::Scan(dataset.map_or(&[][..], |d| &d.studies[..])),
        }
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

/// Each item with its study's id, citation and links; items of no study (pooled results,
/// claims) get none.
pub fn enrich(dataset: Option<&Dataset>, items: Vec<Item>, lang: Lang) -> Vec<ItemRow> {
    let index = StudyIndex::new(dataset, items.len());
    items
        .into_iter()
        .map(|item| {
            let study = index.study_of(&item.key);
            ItemRow {
                study_id: study.map(|s| s.id.clone()),
                citation: study.map(|s| s.citation.text.get(lang.as_str()).to_string()),
                links: study.map(|s| s.citation.links()).unwrap_or_default(),
                item,
            }
        })
        .collect()
}

/// One entry per study shown, in the order they first appear. A summary answer
/// (`answer/therapy`) shows the studies of its therapy; a view whose items name no study (the
/// claims) rests on every study of the dataset, so it lists them all.
pub fn citations(dataset: Option<&Dataset>, items: &[Item], lang: Lang) -> Vec<CitationEntry> {
    let studies = dataset.map_or(&[][..], |d| &d.studies[..]);
    let index = StudyIndex::new(dataset, items.len());
    let mut seen = HashSet::new();
    // An answer's studies are those of its treatment as the summary groups them: by vocabulary
    // term or normalized name, every blank name one group. Each study's key is worked out once,
    // and only when there is an answer (most views have none).
    let answers = (items.iter()).any(|i| matches!(ItemKey::parse(&i.key), ItemKey::Answer(_)));
    let keyed = dataset.filter(|_| answers).map(|d| {
        let lexicon = crate::appraise::matching::Lexicon::new(&d.vocabulary);
        let keys: Vec<String> = (studies.iter())
            .map(|s| lexicon.treatment_key(&s.intervention.therapy))
            .collect();
        (lexicon, keys)
    });
    let of_answer = |therapy: &str| -> Vec<&Study> {
        let Some((lexicon, keys)) = &keyed else {
            return Vec::new();
        };
        let key = lexicon.treatment_key(therapy);
        (studies.iter().zip(keys))
            .filter_map(|(s, k)| (*k == key).then_some(s))
            .collect()
    };
    let mut shown: Vec<&Study> = items
        .iter()
        .flat_map(|item| match ItemKey::parse(&item.key) {
            ItemKey::Answer(therapy) => of_answer(therapy),
            _ => index.study_of(&item.key).into_iter().collect::<Vec<_>>(),
        })
        .filter(|study| seen.insert(study.id.as_str()))
        .collect();
    if shown.is_empty() && !items.is_empty() {
        shown = studies
            .iter()
            .filter(|study| seen.insert(study.id.as_str()))
            .collect();
    }
    shown
        .into_iter()
        .map(|study| CitationEntry {
            key: study.id.clone(),
            label: study.label.get(lang.as_str()).to_string(),
            text: study.citation.text.get(lang.as_str()).to_string(),
            links: study.citation.links(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_json;

    /// Studies `s` and `s/x` (an id may hold a slash), with identifiers and a web page.
    fn dataset() -> Dataset {
        let json = r#"{"schema": "evidence-lens/1", "claims": [], "studies": [
            {"id": "s", "label": "S 2020", "source_kind": "paper", "condition": "ms",
             "citation": {"text": "S et al. 2020", "doi": "10.1/s", "pmid": "123"},
             "design": "rct", "intervention": {"therapy": "Aspirin"}, "outcomes": []},
            {"id": "s/x", "label": "SX 2021", "source_kind": "paper", "condition": "ms",
             "citation": {"text": {"en": "SX et al. 2021", "es": "SX y col. 2021"}, "url": "https://example.org/sx"},
             "design": "rct", "intervention": {"therapy": "Aspirin"}, "outcomes": []}
        ]}"#;
        let parsed = parse_json(json.as_bytes());
        let dataset = parsed.dataset.expect("the test dataset reads");
        assert_eq!(dataset.studies.len(), 2, "{:?}", parsed.errors);
        dataset
    }

    fn items(keys: &[&str]) -> Vec<Item> {
        keys.iter()
            .map(|key| Item {
                key: key.to_string(),
                ..Item::default()
            })
            .collect()
    }

    const KEYS: [&str; 6] = ["s/x/o1", "s/o1", "pooled/o1", "s/o2", "claim/c1", "s/x/o2"];

    #[test]
    fn items_get_the_study_with_the_longest_matching_id() {
        let d = dataset();
        // More items than SCAN_UP_TO: through the map; one at a time: by scanning.
        let together = enrich(Some(&d), items(&KEYS), Lang::En);
        let alone: Vec<ItemRow> = KEYS
            .iter()
            .flat_map(|key| enrich(Some(&d), items(&[key]), Lang::En))
            .collect();
        assert!(KEYS.len() > SCAN_UP_TO);
        assert_eq!(together, alone);
        let studies: Vec<Option<&str>> = together.iter().map(|r| r.study_id.as_deref()).collect();
        assert_eq!(
            studies,
            [Some("s/x"), Some("s"), None, Some("s"), None, Some("s/x")]
        );
        assert_eq!(together[1].citation.as_deref(), Some("S et al. 2020"));
        let urls: Vec<&str> = together[1].links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://doi.org/10.1/s",
                "https://pubmed.ncbi.nlm.nih.gov/123/"
            ]
        );
        assert!(together[2].links.is_empty() && together[2].citation.is_none());
        assert!(enrich(None, items(&KEYS), Lang::En)
            .iter()
            .all(|r| r.study_id.is_none()));
    }

    #[test]
    fn citations_list_each_study_once_in_order_of_appearance() {
        let listed = citations(Some(&dataset()), &items(&KEYS), Lang::En);
        let keys: Vec<&str> = listed.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["s/x", "s"]);
        assert_eq!(listed[0].label, "SX 2021");
        assert_eq!(listed[0].links[0].url, "https://example.org/sx");
        // A citation given in several languages is cited in the reader's.
        assert_eq!(listed[0].text, "SX et al. 2021");
        let spanish = citations(Some(&dataset()), &items(&KEYS), Lang::Es);
        assert_eq!(spanish[0].text, "SX y col. 2021");
        let rows = enrich(Some(&dataset()), items(&["s/x/o1"]), Lang::Es);
        assert_eq!(rows[0].citation.as_deref(), Some("SX y col. 2021"));
    }

    #[test]
    fn answers_cite_their_therapys_studies_and_claims_cite_every_study() {
        let mut d = dataset();
        d.studies[0].intervention.therapy = "Placebo".into();
        let keys = |items: &[&str], d: &Dataset| -> Vec<String> {
            citations(Some(d), &self::items(items), Lang::En)
                .into_iter()
                .map(|c| c.key)
                .collect()
        };
        assert_eq!(keys(&["answer/Aspirin"], &d), ["s/x"]);
        assert_eq!(
            keys(&["answer/Placebo", "answer/Aspirin"], &d),
            ["s", "s/x"]
        );
        assert_eq!(keys(&["claim/c1"], &d), ["s", "s/x"]);
        assert!(keys(&[], &d).is_empty());
    }
}
