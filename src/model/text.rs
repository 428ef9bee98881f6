//! Display text in the reader's language.
//!
//! Any display string of a dataset (titles, labels, outcome names, caveats, results in words)
//! may be a plain string or a map of languages: `"Deaths"` or
//! `{"en": "Deaths", "es": "Muertes", "fr": "Décès"}`. English, or else the first language
//! given, is the default: what matching uses, and what a reader gets in a language the text
//! lacks, so nothing is ever dropped.

use std::fmt;
use std::ops::Deref;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A display string, in one language or several.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Text {
    default: String,
    /// `(language, text)` in the order given; empty for a plain string.
    langs: Vec<(String, String)>,
}

impl Text {
    /// A plain string (its language unknown, used for every reader).
    pub fn plain(s: impl Into<String>) -> Text {
        Text {
            default: s.into(),
            langs: Vec::new(),
        }
    }

    /// Text in several languages; `None` when there is none. English is the default, or else
    /// the first given.
    pub fn localized(langs: Vec<(String, String)>) -> Option<Text> {
        let default = langs
            .iter()
            .find(|(l, _)| l == "en")
            .or(langs.first())?
            .1
            .clone();
        Some(Text { default, langs })
    }

    /// The text in `lang` (a language code such as "es"), or else the default.
    pub fn get(&self, lang: &str) -> &str {
        self.langs
            .iter()
            .find(|(l, _)| l == lang)
            .map_or(self.default.as_str(), |(_, t)| t.as_str())
    }

    /// Each text in `lang` (see [`Text::get`]), owned.
    pub fn all_in(texts: &[Text], lang: &str) -> Vec<String> {
        texts.iter().map(|t| t.get(lang).to_string()).collect()
    }

    /// Whether the text is given in `lang` itself (not by falling back to the default).
    pub fn has(&self, lang: &str) -> bool {
        self.langs.iter().any(|(l, _)| l == lang)
    }

    /// The default text.
    pub fn as_str(&self) -> &str {
        &self.default
    }

    /// The languages given, in order (none for a plain string).
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.langs.iter().map(|(l, _)| l.as_str())
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.default
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.default)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::plain(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::plain(s)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.default == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.default == *other
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.langs.is_empty() {
            return s.serialize_str(&self.default);
        }
        let mut map = s.serialize_map(Some(self.langs.len()))?;
        for (l, t) in &self.langs {
            map.serialize_entry(l, t)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a map of languages to strings")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::plain(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Text, A::Error> {
                let mut langs = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, String>()? {
                    langs.push((k, v));
                }
                Text::localized(langs).ok_or_else(|| de::Error::custom("no language given"))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

/// Whether `code` looks like a language code: "en", "es", "fr", "pt-BR", "zh-Hans".
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_localized_text() {
        let plain = Text::plain("Deaths");
        assert_eq!(plain.get("es"), "Deaths");
        assert!(!plain.has("en"));
        let t = Text::localized(vec![
            ("es".into(), "Muertes".into()),
            ("en".into(), "Deaths".into()),
        ])
        .unwrap();
        assert_eq!(t.as_str(), "Deaths", "English is the default");
        assert_eq!(t.get("es"), "Muertes");
        assert_eq!(
            t.get("fr"),
            "Deaths",
            "a missing language falls back, never drops"
        );
        let only_es = Text::localized(vec![("es".into(), "Muertes".into())]).unwrap();
        assert_eq!(only_es.get("en"), "Muertes");
        assert!(Text::localized(Vec::new()).is_none());
    }

    #[test]
    fn serializes_as_it_was_given() {
        let t: Text = serde_json::from_str(r#"{"en": "Deaths", "fr": "Décès"}"#).unwrap();
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"en":"Deaths","fr":"Décès"}"#
        );
        let p: Text = serde_json::from_str(r#""Deaths""#).unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), r#""Deaths""#);
    }

    #[test]
    fn language_codes() {
        for ok in ["en", "es", "fr", "pt-BR", "zh-Hans"] {
            assert!(is_language_code(ok), "{ok}");
        }
        for bad in ["", "e", "EN", "english", "en_GB", "en-"] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }
}
