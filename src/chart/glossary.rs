//! What the words mean: the words of a view's text that a lay reader may not know, each with its
//! meaning in the reader's language, as a fact box or a plain-language summary explains its
//! terms. The statistical words (the interval, the certainty, each effect measure) are the
//! catalogue's; the data's own words (a disease's scale, a route of giving a treatment) are the
//! vocabulary's terms that have a `meaning`, so nothing here knows a disease.

use foldhash::{HashMap, HashMapExt};
use serde::Serialize;

use crate::appraise::text::upper_first;
use crate::case::to_lower;
use crate::i18n::{labelled, t, Lang};
use crate::model::Vocabulary;

/// The catalogue's words: the key of the word as the views write it (its forms separated by `|`,
/// the first shown: "randomised|randomized"), and the key of its meaning.
const WORDS: &[(&str, &str)] = &[
    ("gloss.ci.term", "gloss.ci"),
    ("gloss.certainty.term", "gloss.certainty"),
    ("gloss.randomised.term", "gloss.randomised"),
    ("gloss.rct.term", "gloss.rct"),
    ("gloss.single_arm.term", "gloss.single_arm"),
    ("gloss.placebo.term", "gloss.placebo"),
    ("gloss.meta_analysis.term", "gloss.meta_analysis"),
    ("measure.rr", "gloss.rr"),
    ("measure.or", "gloss.or"),
    ("measure.rd", "gloss.rd"),
    ("measure.hr", "gloss.hr"),
    ("measure.irr", "gloss.irr"),
    ("measure.md", "gloss.md"),
    ("measure.smd", "gloss.smd"),
];

/// A word of a glossary and what it means, both beginning with a capital: a view sets the word
/// as a heading over its meaning, and a tap's details list them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gloss {
    pub word: String,
    pub meaning: String,
}

/// What an effect measure's abbreviation means, as a forest row's numbers begin with it ("RR
/// 0.90 [0.44, 1.86]"): "RR (risk ratio)" over its meaning in the reader's language.
pub fn of_measure(lang: Lang, abbreviation: &str) -> Option<Gloss> {
    let name = format!("measure.{}", to_lower(abbreviation));
    let (_, meaning) = WORDS.iter().find(|(word, _)| *word == name)?;
    Some(Gloss {
        word: format!("{abbreviation} ({})", t(lang, &name)),
        meaning: upper_first(t(lang, meaning)),
    })
}

/// The words a glossary knows in one language, indexed once so that a view can explain each of
/// its cards and then its whole text.
pub struct Glossary<'a> {
    forms: Vec<Form<'a>>,
    /// The forms by their first word in lower case, so a text is read once.
    starting: HashMap<String, Vec<usize>>,
}

impl<'a> Glossary<'a> {
    /// The catalogue's words in `lang` and the vocabulary's terms that have a `meaning`. A data
    /// word of the same name as a catalogue word replaces it.
    pub fn new(lang: Lang, vocabulary: &'a Vocabulary) -> Glossary<'a> {
        let code = lang.as_str();
        let lists = [
            &vocabulary.glossary,
            &vocabulary.therapies,
            &vocabulary.conditions,
            &vocabulary.outcomes,
            &vocabulary.routes,
        ];
        let data = lists.into_iter().flatten().filter_map(|term| {
            let meaning = term.meaning.as_ref()?;
            let name = term.name.get(code);
            Some((name, vec![name], meaning.get(code)))
        });
        let catalogue = WORDS.iter().map(|&(word, meaning)| {
            let forms = t(lang, word);
            let shown = forms.split('|').next().unwrap_or(forms);
            (shown, forms.split('|').collect(), t(lang, meaning))
        });
        let mut forms: Vec<Form<'a>> = Vec::new();
        let mut starting: HashMap<String, Vec<usize>> = HashMap::new();
        for (shown, spellings, meaning) in data.chain(catalogue) {
            for spelling in spellings {
                let words: Vec<&str> = words_of(spelling).collect();
                let lower: Vec<String> = words.iter().map(|w| to_lower(w)).collect();
                let Some(first) = lower.first() else {
                    continue;
                };
                // A form already known (the data's word before the catalogue's) keeps its meaning.
                let same_start = starting.entry(first.clone()).or_default();
                if same_start.iter().any(|&f| forms[f].lower == lower) {
                    continue;
                }
                same_start.push(forms.len());
                let exact = words
                    .iter()
                    .any(|w| w.chars().skip(1).any(char::is_uppercase));
                forms.push(Form {
                    words,
                    lower,
                    exact,
                    shown,
                    meaning,
                });
            }
        }
        Glossary { forms, starting }
    }

    /// Each word that `text` uses, with its meaning, in the order the text first uses them.
    /// Words are found whole, whatever the punctuation ("95% CI" in "(95% CI 1 to 15)"), in any
    /// case unless the word has a capital after its first letter ("CI", "IT": an abbreviation is
    /// not the everyday word "it"), the longest first where several begin at the same place, so
    /// "mean difference" is not found inside "standardised mean difference".
    pub fn explain(&self, text: &str) -> Vec<Gloss> {
        let forms = &self.forms;
        let words: Vec<&str> = words_of(text).collect();
        let lower: Vec<String> = words.iter().map(|w| to_lower(w)).collect();
        let mut found: Vec<usize> = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let fits = |f: &Form<'_>| {
                let end = at + f.words.len();
                end <= words.len()
                    && if f.exact {
                        words[at..end] == f.words[..]
                    } else {
                        lower[at..end] == f.lower[..]
                    }
            };
            let candidates = self.starting.get(&lower[at]).map_or(&[][..], Vec::as_slice);
            let longest = (candidates.iter().copied())
                .filter(|&f| fits(&forms[f]))
                .max_by_key(|&f| forms[f].words.len());
            let Some(f) = longest else {
                at += 1;
                continue;
            };
            if found.iter().all(|&g| forms[g].shown != forms[f].shown) {
                found.push(f);
            }
            at += forms[f].words.len();
        }
        let gloss = |f: usize| Gloss {
            word: upper_first(forms[f].shown),
            meaning: upper_first(forms[f].meaning),
        };
        found.into_iter().map(gloss).collect()
    }
}

/// A glossary as a screen reader gets it, after a view's own description: the heading, then
/// "word: meaning" for each word; nothing for none.
pub fn spoken(lang: Lang, glossary: &[Gloss]) -> Option<String> {
    if glossary.is_empty() {
        return None;
    }
    let mut out = format!("{}.", t(lang, "gloss.heading"));
    for g in glossary {
        out.push(' ');
        out.push_str(&labelled(lang, &g.word, &g.meaning));
    }
    Some(out)
}

/// One way of writing a word of the glossary.
struct Form<'a> {
    /// Its words, as written and in lower case.
    words: Vec<&'a str>,
    lower: Vec<String>,
    /// Matched with its case: it has a capital after its first letter.
    exact: bool,
    /// The word as the glossary shows it, and its meaning.
    shown: &'a str,
    meaning: &'a str,
}

/// The words of `s`: its runs of letters and digits.
fn words_of(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Term, Text};

    fn glossary(lang: Lang, vocabulary: &Vocabulary, text: &str) -> Vec<Gloss> {
        Glossary::new(lang, vocabulary).explain(text)
    }

    fn gloss(word: &str, meaning: &str) -> Gloss {
        let (word, meaning) = (word.to_string(), meaning.to_string());
        Gloss { word, meaning }
    }

    fn vocabulary(glossary: &[(&str, &str)]) -> Vocabulary {
        Vocabulary {
            glossary: glossary
                .iter()
                .map(|(name, meaning)| Term {
                    id: name.to_string(),
                    name: Text::plain(*name),
                    meaning: Some(Text::plain(*meaning)),
                    ..Term::default()
                })
                .collect(),
            ..Vocabulary::default()
        }
    }

    #[test]
    fn explains_the_words_used_in_the_order_they_are_used() {
        let v = vocabulary(&[
            ("ABC score", "a made-up scale."),
            ("unused", "never shown."),
        ]);
        let text = "Risk ratio 0.5 (95% CI 0.2 to 0.9); the ABC score rose. Moderate certainty.";
        let words: Vec<String> = glossary(Lang::En, &v, text)
            .into_iter()
            .map(|g| g.word)
            .collect();
        assert_eq!(words, ["Risk ratio", "95% CI", "ABC score", "Certainty"]);
        let abc = glossary(Lang::En, &v, "ABC score");
        assert_eq!(abc, [gloss("ABC score", "A made-up scale.")]);
    }

    #[test]
    fn a_word_of_several_forms_is_found_in_any_and_shown_in_the_first_once() {
        let text = "3 estudios (1 aleatorizado); 2 aleatorizados, un ECA";
        let lines = glossary(Lang::Es, &Vocabulary::default(), text);
        let words: Vec<&str> = lines.iter().map(|g| g.word.as_str()).collect();
        assert_eq!(words, ["Aleatorizado", "ECA"]);
    }

    #[test]
    fn a_word_inside_a_longer_word_is_not_explained_twice() {
        let lines = glossary(
            Lang::En,
            &Vocabulary::default(),
            "standardised mean difference 0.3",
        );
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert_eq!(lines[0].word, "Standardised mean difference");
        assert!(lines[0].meaning.contains("different scales"));
        // Nor is a word found inside another word: "uncertainty" is not "certainty".
        assert!(glossary(Lang::En, &Vocabulary::default(), "uncertainty").is_empty());
    }

    #[test]
    fn speaks_the_readers_language() {
        // A term of any list may say what it means; a term without a meaning is not explained.
        let sham = Term {
            id: "sham".into(),
            name: Text::localized(vec![
                ("en".into(), "sham".into()),
                ("es".into(), "simulación".into()),
            ])
            .unwrap(),
            meaning: Text::localized(vec![
                ("en".into(), "a fake procedure.".into()),
                ("es".into(), "un procedimiento falso.".into()),
            ]),
            ..Term::default()
        };
        let frente = Term {
            id: "frente".into(),
            name: Text::plain("frente"),
            ..Term::default()
        };
        let v = Vocabulary {
            routes: vec![sham, frente],
            ..Vocabulary::default()
        };
        let text = "Riesgo relativo 2 (IC del 95\u{a0}%: 1 a 3), frente a simulación";
        let lines = glossary(Lang::Es, &v, text);
        let words: Vec<&str> = lines.iter().map(|g| g.word.as_str()).collect();
        assert_eq!(words, ["Riesgo relativo", "IC del 95\u{a0}%", "Simulación"]);
        assert!(lines[0].meaning.starts_with("La probabilidad"), "{lines:?}");
        assert_eq!(lines[2].meaning, "Un procedimiento falso.");
    }

    #[test]
    fn an_abbreviation_is_matched_with_its_case_and_a_data_name_whole() {
        let v = vocabulary(&[
            ("IT", "into the spinal fluid."),
            ("A|B", "a name with a bar."),
        ]);
        let lines = glossary(Lang::En, &v, "Give it as IT, it said; A|B, not A or B");
        let words: Vec<&str> = lines.iter().map(|g| g.word.as_str()).collect();
        assert_eq!(words, ["IT", "A|B"]);
        assert!(glossary(Lang::En, &v, "it is what it is").is_empty());
    }

    #[test]
    fn a_data_word_replaces_the_catalogues() {
        let v = vocabulary(&[("Hazard ratio", "the editor's own words.")]);
        let lines = glossary(Lang::En, &v, "hazard ratio 0.8");
        assert_eq!(lines, [gloss("Hazard ratio", "The editor's own words.")]);
    }
}
