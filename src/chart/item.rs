//! The things a reader can point at, focus or find in the table, and the keys that name them.

use serde::Serialize;

use super::glossary::Gloss;

/// One thing a reader can point at, focus or find in the table.
#[derive(Clone, Debug, Serialize, PartialEq, Default)]
pub struct Item {
    /// The key used in hit regions and events (`study/outcome`, `pooled/id`, `claim/id`).
    pub key: String,
    pub label: String,
    pub detail: String,
    /// The numbers written out.
    pub value: String,
    pub n: Option<u32>,
    /// GRADE certainty in words, in the view's language.
    pub certainty: Option<String>,
    /// What a reader must know before trusting the numbers.
    pub caveats: Vec<String>,
    /// An http(s) link to the source (URL, DOI, PubMed or ClinicalTrials.gov).
    pub source_url: Option<String>,
    /// The design's data name (`rct`, `cohort`, ...).
    pub design: Option<String>,
    pub year: Option<u16>,
    /// What the words of the thing and its details mean, for a view that explains its words
    /// (the summary, the claims): the tap's details list them, one tap from the words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<Gloss>,
}

/// What an [`Item::key`] names. Views make keys and the citations and the shell's statements
/// read them only through this type, so that they agree on the prefixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKey<'a> {
    /// A therapy's answer in the summary (`answer/therapy`).
    Answer(&'a str),
    /// A claim (`claim/id`).
    Claim(&'a str),
    /// A pooled body of evidence (`pooled/id`, the body's [`PooledAppraisal::id`]: its outcome,
    /// and its treatment where two treatments' bodies share the outcome).
    ///
    /// [`PooledAppraisal::id`]: crate::appraise::PooledAppraisal::id
    Pooled(&'a str),
    /// Anything else: a study's outcome (`study/outcome`; a study id may hold a slash).
    Study(&'a str),
}

impl<'a> ItemKey<'a> {
    pub fn parse(key: &'a str) -> Self {
        if let Some(therapy) = key.strip_prefix("answer/") {
            ItemKey::Answer(therapy)
        } else if let Some(id) = key.strip_prefix("claim/") {
            ItemKey::Claim(id)
        } else if let Some(id) = key.strip_prefix("pooled/") {
            ItemKey::Pooled(id)
        } else {
            ItemKey::Study(key)
        }
    }
}

impl std::fmt::Display for ItemKey<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ItemKey::Answer(therapy) => write!(f, "answer/{therapy}"),
            ItemKey::Claim(id) => write!(f, "claim/{id}"),
            ItemKey::Pooled(id) => write!(f, "pooled/{id}"),
            ItemKey::Study(key) => f.write_str(key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ItemKey;

    #[test]
    fn item_keys_read_back_as_they_were_made() {
        for key in [
            ItemKey::Answer("Drug A"),
            ItemKey::Claim("c/1"),
            ItemKey::Pooled("o1"),
            ItemKey::Study("s/2019/o1"),
        ] {
            assert_eq!(ItemKey::parse(&key.to_string()), key);
        }
        assert_eq!(ItemKey::Answer("x").to_string(), "answer/x");
        assert_eq!(ItemKey::parse("answers/x"), ItemKey::Study("answers/x"));
    }
}
