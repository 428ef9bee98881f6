//! Rendering of whatever the readers keep: every view, all outcomes and each outcome alone, light
//! and dark, to SVG. No panic, and no NaN or infinity written into the SVG.
#![no_main]
use evidence_lens::chart::{render_svg, Scene, Theme, ThemeName, View, ViewOptions};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

/// Whether `word` occurs in `s` as a word of its own (not inside "information" or "NaNa").
fn has_word(s: &str, word: &str) -> bool {
    s.match_indices(word).any(|(at, _)| {
        let before = s[..at].chars().next_back();
        let after = s[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// No NaN or infinity printed anywhere in the SVG, unless the input itself contains those words
/// (a study may be called "NaN"; its label is then drawn as text).
fn check_svg(svg: &str, input: &[u8]) {
    let input = String::from_utf8_lossy(input).to_ascii_lowercase();
    for word in ["NaN", "inf", "-inf", "Infinity"] {
        if input.contains(&word.to_ascii_lowercase()) {
            continue;
        }
        assert!(
            !has_word(svg, word),
            "{word} printed in the SVG: {}",
            &svg[svg.find(word).unwrap().saturating_sub(200)..]
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let parsed = common::parse_any(data);
    let Some(ds) = &parsed.dataset else { return };
    // Every view the chart module has (View::NAMES) with all outcomes, then a few outcomes alone.
    let mut jobs: Vec<(&str, String)> = View::NAMES.iter().map(|v| (*v, String::new())).collect();
    let ids = ds
        .studies
        .iter()
        .take(3)
        .flat_map(|s| s.outcomes.iter().take(2))
        .map(|o| o.id.clone());
    for (i, id) in ids.enumerate() {
        jobs.push((View::NAMES[i % View::NAMES.len()], id));
    }
    for (i, (view, outcome)) in jobs.into_iter().enumerate() {
        let Ok(options) = ViewOptions::parse(view, &outcome) else {
            continue;
        };
        let scene = Scene::build(ds, &options);
        let _ = scene.items();
        let theme = Theme::new(
            if i % 2 == 0 {
                ThemeName::Light
            } else {
                ThemeName::Dark
            },
            1.0 + (i % 3) as f64 * 0.5,
        );
        for (w, h) in [(800, None), (200, Some(50)), (333, None)] {
            if let Ok(svg) = render_svg(&scene, w, h, &theme) {
                check_svg(&svg, data);
            }
        }
    }
});
