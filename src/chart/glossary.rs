//! What the words mean: the words of a view's text that a lay reader may not know, each with its
//! meaning in the reader's language, as a fact box or a plain-language summary explains its
//! terms. The statistical words (the interval, the certainty, each effect measure) are the
//! catalogue's; the data's own words (a disease's scale, a route of giving a treatment) are the
//! vocabulary's terms that have a `meaning`, so nothing here knows a disease.

use crate::appraise::matching::normalize;
use crate::appraise::text::upper_first;
use crate::i18n::{t, Lang};
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

/// Each word that `text` uses, with its meaning, in the order the text first uses them. Both
/// begin with a capital: a view sets the word as a heading over its meaning. Words are found
/// whole, in any case and whatever the punctuation ("95% CI" in "(95% CI 1 to 15)"), the longest
/// first where several begin at the same place, so "mean difference" is not found inside
/// "standardised mean difference". A data word of the same name as a catalogue word replaces it.
pub fn glossary(lang: Lang, vocabulary: &Vocabulary, text: &str) -> Vec<(String, String)> {
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
        Some((term.name.get(code), meaning.get(code)))
    });
    let catalogue = WORDS
        .iter()
        .map(|&(word, meaning)| (t(lang, word), t(lang, meaning)));
    // (a form as matched, the word as shown, its meaning)
    let mut words: Vec<(String, &str, &str)> = Vec::new();
    for (forms, meaning) in data.chain(catalogue) {
        let shown = forms.split('|').next().unwrap_or(forms);
        for key in forms.split('|').map(normalize) {
            if !key.is_empty() && words.iter().all(|(k, ..)| *k != key) {
                words.push((key, shown, meaning));
            }
        }
    }
    // One pass over the text's words: at each, the longest word of the glossary that starts there.
    let hay = normalize(text);
    let mut found: Vec<usize> = Vec::new();
    let mut at = 0;
    while at < hay.len() {
        let rest = &hay[at..];
        let whole = |key: &str| {
            rest.starts_with(key) && matches!(rest.as_bytes().get(key.len()), None | Some(b' '))
        };
        let longest = (0..words.len())
            .filter(|&w| whole(&words[w].0))
            .max_by_key(|&w| words[w].0.len());
        let skip = longest.map_or(0, |w| words[w].0.len());
        if let Some(w) = longest.filter(|&w| found.iter().all(|&f| words[f].1 != words[w].1)) {
            found.push(w);
        }
        match rest[skip..].find(' ') {
            Some(space) => at += skip + space + 1,
            None => break,
        }
    }
    let gloss = |w: usize| (upper_first(words[w].1), upper_first(words[w].2));
    found.into_iter().map(gloss).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Term, Text};

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
            .map(|g| g.0)
            .collect();
        assert_eq!(words, ["Risk ratio", "95% CI", "ABC score", "Certainty"]);
        let abc = glossary(Lang::En, &v, "ABC score");
        assert_eq!(
            abc,
            [("ABC score".to_string(), "A made-up scale.".to_string())]
        );
    }

    #[test]
    fn a_word_of_several_forms_is_found_in_any_and_shown_in_the_first_once() {
        let text = "3 estudios (1 aleatorizado); 2 aleatorizados, un ECA";
        let lines = glossary(Lang::Es, &Vocabulary::default(), text);
        let words: Vec<&str> = lines.iter().map(|g| g.0.as_str()).collect();
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
        assert_eq!(lines[0].0, "Standardised mean difference");
        assert!(lines[0].1.contains("different scales"));
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
        let words: Vec<&str> = lines.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(words, ["Riesgo relativo", "IC del 95\u{a0}%", "Simulación"]);
        assert!(lines[0].1.starts_with("La probabilidad"), "{lines:?}");
        assert_eq!(lines[2].1, "Un procedimiento falso.");
    }

    #[test]
    fn a_data_word_replaces_the_catalogues() {
        let v = vocabulary(&[("Hazard ratio", "the editor's own words.")]);
        let lines = glossary(Lang::En, &v, "hazard ratio 0.8");
        let editors = (
            "Hazard ratio".to_string(),
            "The editor's own words.".to_string(),
        );
        assert_eq!(lines, [editors]);
    }
}
