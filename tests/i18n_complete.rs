//! Spanish and French readers get everything English readers get, in their language: no
//! sentence of the engine's is left in English or dropped.
#![cfg(not(target_arch = "wasm32"))]

use evidence_lens::appraise::{appraise, AppraiseOptions};
use evidence_lens::chart::{render_svg, Scene, Theme, ThemeName, View, ViewOptions};
use evidence_lens::i18n::{self, Lang};
use evidence_lens::model::builtin;

/// Fragments of the catalogue's English sentences (the text between placeholders, 14
/// characters or more) that the Spanish or French text does not share.
fn english_fragments(lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for key in i18n::keys() {
        let en = i18n::t(Lang::En, key);
        let other = i18n::t(lang, key);
        for part in en.split(['{', '}']) {
            let part = part.trim();
            if part.len() >= 14 && !other.contains(part) && part.contains(' ') {
                out.push(part.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn svg_text(view: View, lang: Lang) -> String {
    let options = ViewOptions {
        view,
        lang,
        ..ViewOptions::default()
    };
    let scene = Scene::build(&builtin(), &options);
    let svg = render_svg(&scene, 800, None, &Theme::new(ThemeName::Light, 1.0)).unwrap();
    let texts: Vec<String> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            Some(
                t.split_once('>')?
                    .1
                    .split_once("</text>")?
                    .0
                    .trim()
                    .to_string(),
            )
        })
        .collect();
    texts
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn description(view: View, lang: Lang) -> String {
    let options = ViewOptions {
        view,
        lang,
        ..ViewOptions::default()
    };
    Scene::build(&builtin(), &options).summary(lang)
}

#[test]
fn the_check_knows_the_engine_s_english() {
    // The fragments the tests look for: enough of them, and the English output has them.
    for lang in [Lang::Es, Lang::Fr] {
        assert!(english_fragments(lang).len() > 100, "{lang:?}");
    }
    let json = serde_json::to_string(&appraise(&builtin(), &AppraiseOptions::default())).unwrap();
    let found = english_fragments(Lang::Es)
        .iter()
        .filter(|f| json.contains(f.as_str()))
        .count();
    assert!(
        found > 20,
        "only {found} English fragments in the English appraisal"
    );
}

#[test]
fn the_appraisal_speaks_the_reader_s_language() {
    for lang in [Lang::Es, Lang::Fr] {
        let options = AppraiseOptions {
            lang,
            ..AppraiseOptions::default()
        };
        let json = serde_json::to_string(&appraise(&builtin(), &options)).unwrap();
        let english: Vec<String> = english_fragments(lang)
            .into_iter()
            .filter(|f| json.contains(f.as_str()))
            .collect();
        assert!(
            english.is_empty(),
            "{lang:?}: English left in the appraisal: {english:#?}"
        );
    }
}

#[test]
fn summary_claims_and_forest_have_no_english_sentence_and_are_as_complete() {
    for view in [View::Summary, View::Claims, View::Forest, View::Harms] {
        let en = svg_text(view, Lang::En);
        let en_description = description(view, Lang::En);
        for lang in [Lang::Es, Lang::Fr] {
            let text = svg_text(view, lang);
            let english: Vec<String> = english_fragments(lang)
                .into_iter()
                .filter(|f| text.contains(f.as_str()))
                .collect();
            assert!(
                english.is_empty(),
                "{view:?} {lang:?}: English left: {english:#?}"
            );
            // Spanish and French run longer than English: nothing was dropped.
            assert!(
                text.len() as f64 >= 0.95 * en.len() as f64,
                "{view:?} {lang:?}: {} characters against {} in English",
                text.len(),
                en.len()
            );
            let d = description(view, lang);
            assert!(
                d.len() as f64 >= 0.95 * en_description.len() as f64,
                "{view:?} {lang:?}: description of {} characters against {}",
                d.len(),
                en_description.len()
            );
        }
    }
}

#[test]
fn claims_keep_their_quote_and_show_its_translation() {
    let es = svg_text(View::Claims, Lang::Es);
    assert!(es.contains("traducción:"), "{es}");
    // The quote itself is as it was said.
    assert!(es.contains("Stem cell therapy halts multiple sclerosis symptoms"));
}
