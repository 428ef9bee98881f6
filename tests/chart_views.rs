//! Every view drawn to SVG for the built-in dataset and the BCG reference data: the
//! drawn elements are read back from the SVG text, and no text leaves the canvas or
//! overlaps other text at 320, 800 and 1600 px, dpr 1 and 2, light and dark; no text is cut
//! ("…") or runs past the width at 320, 390, 800 and 1600 px in every language; every view is
//! as tall as its drawing says, also when the real font runs wider than the estimate.
#![cfg(not(target_arch = "wasm32"))]

use evidence_lens::appraise::{Certainty, Verdict};
use evidence_lens::chart::{self, ApproxMeasure, Scene, TextMeasure, Theme, ThemeName};
use evidence_lens::chart::{View, ViewOptions};
use evidence_lens::i18n::{self, Lang};
use evidence_lens::model::{self, CsvOptions, Dataset, OutcomeKind};

fn builtin() -> Dataset {
    model::builtin()
}

fn bcg() -> Dataset {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bcg.csv")).unwrap();
    let parsed = model::parse_csv_with(
        &bytes,
        &CsvOptions {
            default_measure: Some(model::Measure::Rr),
        },
    );
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    parsed.dataset.unwrap()
}

fn options(view: View, lang: Lang) -> ViewOptions {
    ViewOptions {
        view,
        lang,
        ..Default::default()
    }
}

fn render(
    dataset: &Dataset,
    opts: &ViewOptions,
    css_width: u32,
    dpr: f64,
    theme: ThemeName,
) -> (String, u32) {
    let scene = Scene::build(dataset, opts);
    let width = (css_width as f64 * dpr).round() as u32;
    (
        chart::render_svg(&scene, width, None, &Theme::new(theme, dpr)).unwrap(),
        width,
    )
}

#[derive(Debug)]
struct TextBox {
    content: String,
    size: f64,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[start..].split('"').next()?.to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Every `<text>` with its box estimated by [`ApproxMeasure`] from x, y, anchor and size.
fn text_boxes(svg: &str) -> Vec<TextBox> {
    text_boxes_with(svg, &ApproxMeasure)
}

/// Every `<text>` with its box as wide as `measure` says, and its font size.
fn text_boxes_with(svg: &str, measure: &dyn TextMeasure) -> Vec<TextBox> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let (tag, rest) = t.split_once('>')?;
            let content = unescape(rest.split_once("</text>")?.0.trim());
            let x: f64 = attr(tag, "x")?.parse().ok()?;
            let y: f64 = attr(tag, "y")?.parse().ok()?;
            let size: f64 = attr(tag, "font-size")?.parse().ok()?;
            let bold = attr(tag, "font-weight").is_some_and(|w| w == "bold");
            let w = measure.width(&content, size, bold);
            let x0 = match attr(tag, "text-anchor").as_deref() {
                Some("middle") => x - w / 2.0,
                Some("end") => x - w,
                _ => x,
            };
            Some(TextBox {
                content,
                size,
                x0,
                x1: x0 + w,
                y0: y - size * 0.5,
                y1: y + size * 0.5,
            })
        })
        .collect()
}

fn texts(svg: &str) -> Vec<String> {
    text_boxes(svg).into_iter().map(|b| b.content).collect()
}

fn svg_height(svg: &str) -> f64 {
    attr(&svg[..svg.find('>').unwrap()], "height")
        .unwrap()
        .parse()
        .unwrap()
}

/// No text outside the canvas, and no two text boxes overlapping (1 px tolerance).
fn assert_clean(svg: &str, width: u32, what: &str) {
    let boxes = text_boxes(svg);
    let height = svg_height(svg);
    assert!(!boxes.is_empty(), "{what}: no text");
    for b in &boxes {
        assert!(
            b.x0 >= -0.5 && b.x1 <= width as f64 + 0.5 && b.y0 >= -0.5 && b.y1 <= height + 0.5,
            "{what}: text outside the {width}×{height} canvas: {b:?}"
        );
    }
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let tol = 1.0;
            let overlap =
                a.x0 + tol < b.x1 && b.x0 + tol < a.x1 && a.y0 + tol < b.y1 && b.y0 + tol < a.y1;
            assert!(!overlap, "{what}: overlapping text {:?} and {:?}", a, b);
        }
    }
}

const ALL_VIEWS: [View; 6] = [
    View::Summary,
    View::Forest,
    View::Map,
    View::Harms,
    View::Claims,
    View::Funnel,
];

/// The views of the data's studies and claims (the summary has tests of its own).
const VIEWS: &[View] = ALL_VIEWS.split_at(1).1;

#[test]
fn every_view_fits_without_overlap_at_every_width_and_dpr() {
    for (name, data) in [("builtin", builtin()), ("bcg", bcg())] {
        for &view in VIEWS {
            for lang in [Lang::En, Lang::Fr] {
                for css in [320, 800, 1600] {
                    for (dpr, theme) in [(1.0, ThemeName::Light), (2.0, ThemeName::Dark)] {
                        let (svg, width) = render(&data, &options(view, lang), css, dpr, theme);
                        assert_clean(
                            &svg,
                            width,
                            &format!("{name} {view:?} {lang} {css}px dpr {dpr}"),
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn no_view_cuts_text_or_runs_past_its_width() {
    for (name, data) in [("builtin", builtin()), ("bcg", bcg())] {
        for view in ALL_VIEWS {
            for lang in [Lang::En, Lang::Es, Lang::Fr] {
                for css in [320, 390, 800, 1600] {
                    let (svg, width) =
                        render(&data, &options(view, lang), css, 1.0, ThemeName::Light);
                    let what = format!("{name} {view:?} {lang} {css}px");
                    let boxes = text_boxes(&svg);
                    assert!(!boxes.is_empty(), "{what}: no text");
                    for b in &boxes {
                        assert!(!b.content.ends_with('…'), "{what}: cut text {b:?}");
                        assert!(
                            b.x0 >= -1.0 && b.x1 <= width as f64 + 1.0,
                            "{what}: text past the {width} px width: {b:?}"
                        );
                    }
                }
            }
        }
    }
}

/// Draws a scene on an SVG as tall as it says it wants to be, measuring text with `measure`.
fn draw_with(
    scene: &Scene,
    width: u32,
    theme: &Theme,
    measure: &dyn TextMeasure,
) -> (String, f64, chart::Layout) {
    use plotters::prelude::*;
    let height = scene.preferred_height(width as f64, theme);
    let mut svg = String::new();
    let layout = {
        let area =
            SVGBackend::with_string(&mut svg, (width, height.ceil() as u32)).into_drawing_area();
        scene.draw(&area, theme, measure, None).unwrap()
    };
    (svg, height, layout)
}

#[test]
fn every_view_is_as_tall_as_its_drawing_says_it_is() {
    for (name, data) in [("builtin", builtin()), ("bcg", bcg())] {
        for view in ALL_VIEWS {
            let scene = Scene::build(&data, &options(view, Lang::En));
            for css in [320, 390, 800, 1600] {
                for dpr in [1.0, 2.0] {
                    let theme = Theme::new(ThemeName::Light, dpr);
                    let width = (css as f64 * dpr) as u32;
                    let (_, height, layout) = draw_with(&scene, width, &theme, &ApproxMeasure);
                    assert!(
                        (layout.content_height - height).abs() <= 2.0,
                        "{name} {view:?} {css}px dpr {dpr}: drew {} for a height of {height}",
                        layout.content_height
                    );
                }
            }
        }
    }
}

/// A font that runs 15% wider than the estimate the views break their lines with.
struct Wider;

impl TextMeasure for Wider {
    fn width(&self, text: &str, font_px: f64, bold: bool) -> f64 {
        ApproxMeasure.width(text, font_px, bold) * 1.15
    }
}

#[test]
fn a_font_wider_than_the_estimate_is_drawn_smaller_never_cut_or_taller() {
    let theme = Theme::new(ThemeName::Light, 1.0);
    for (name, data) in [("builtin", builtin()), ("bcg", bcg())] {
        for view in [View::Forest, View::Map, View::Claims, View::Funnel] {
            let scene = Scene::build(&data, &options(view, Lang::En));
            for width in [390, 800] {
                let what = format!("{name} {view:?} {width}px");
                let (estimated, _, _) = draw_with(&scene, width, &theme, &ApproxMeasure);
                let (svg, height, layout) = draw_with(&scene, width, &theme, &Wider);
                // The canvas is sized before the real font is measured: the drawing fits it.
                assert!(
                    (layout.content_height - height).abs() < 0.5,
                    "{what}: drew {} on a canvas of {height}",
                    layout.content_height
                );
                let boxes = text_boxes_with(&svg, &Wider);
                for b in &boxes {
                    assert!(!b.content.ends_with('…'), "{what}: cut text {b:?}");
                    assert!(
                        b.x0 >= -1.0 && b.x1 <= width as f64 + 1.0,
                        "{what}: text past the width: {b:?}"
                    );
                }
                // Lines that fill their room are drawn smaller (the same line, in the same
                // place), and no line larger.
                let at = |b: &TextBox| (b.content.clone(), ((b.y0 + b.y1) / 2.0).round() as i64);
                let sizes: std::collections::HashMap<_, f64> = text_boxes(&estimated)
                    .iter()
                    .map(|b| (at(b), b.size))
                    .collect();
                let size_of = |b: &TextBox| sizes.get(&at(b)).copied();
                assert!(
                    boxes
                        .iter()
                        .all(|b| size_of(b).is_none_or(|s| b.size <= s + 0.01)),
                    "{what}"
                );
                let smaller = boxes
                    .iter()
                    .filter(|b| size_of(b).is_some_and(|s| b.size < s - 0.01))
                    .count();
                if view == View::Forest && width == 390 {
                    assert!(smaller > 0, "{what}: no line needed to be drawn smaller");
                }
            }
        }
    }
}

#[test]
fn bcg_forest_has_weights_a_diamond_and_a_prediction_interval() {
    let (svg, _) = render(
        &bcg(),
        &options(View::Forest, Lang::En),
        1000,
        1.0,
        ThemeName::Light,
    );
    let t = texts(&svg);
    assert!(
        t.iter().any(|x| x.starts_with("Pooled (13 studies")),
        "{t:?}"
    );
    assert!(
        t.iter().any(|x| x.contains("prediction interval [")),
        "{t:?}"
    );
    assert!(t.iter().any(|x| x == "Weight"), "{t:?}");
    // Weights in percent add up to 100.
    let weights: f64 = t
        .iter()
        .filter_map(|x| x.strip_suffix('%')?.parse::<f64>().ok())
        .sum();
    assert!((weights - 100.0).abs() < 0.5, "weights sum to {weights}");
    assert!(svg.contains("<polygon"), "no diamond");
    for tick in ["0.1", "0.5", "1", "2"] {
        assert!(t.iter().any(|x| x == tick), "missing tick {tick}");
    }
    // Every one of the 13 rows names its outcome on its detail line.
    assert_eq!(
        t.iter().filter(|x| *x == "main").count(),
        1 + 13,
        "the group header and 13 rows: {t:?}"
    );
}

#[test]
fn builtin_forest_shows_outcomes_certainty_caveats_and_honest_notes() {
    let (svg, _) = render(
        &builtin(),
        &options(View::Forest, Lang::En),
        1600,
        1.0,
        ThemeName::Light,
    );
    let t = texts(&svg);
    // "†" marks only rows a caveat changes the reading of: Petrou's counts are treatment
    // periods; MIST's numbers are the paper's own.
    assert!(
        t.iter()
            .any(|x| x.starts_with("MIST 2019 · RCT") && !x.ends_with('†')),
        "{t:?}"
    );
    assert!(
        t.iter()
            .any(|x| x.starts_with("Petrou 2020") && x.ends_with('†')),
        "{t:?}"
    );
    assert!(
        t.iter().any(|x| x.starts_with("Disability progression")),
        "outcome name on the row"
    );
    assert!(t.iter().any(|x| x == "Certainty"));
    assert!(t
        .iter()
        .any(|x| x == "moderate" || x == "low" || x == "very low" || x == "high"));
    assert!(t.iter().any(|x| x == "results pending"));
    assert!(t.iter().any(|x| x.contains("(one group, no comparison)")));
    assert!(
        t.iter().any(|x| x.contains("no interval reported")),
        "estimates without a CI are still shown"
    );
    let items = Scene::build(&builtin(), &options(View::Forest, Lang::En)).items();
    let mist = items
        .iter()
        .find(|i| i.key == "mist_2019/progression")
        .unwrap();
    assert!(mist.certainty.is_some());
    assert!(!mist.caveats.is_empty());
    assert_eq!(mist.design.as_deref(), Some("rct"));
    assert_eq!(mist.year, Some(2019));
    for i in &items {
        if let Some(u) = &i.source_url {
            assert!(u.starts_with("https://") || u.starts_with("http://"), "{u}");
        }
    }
    assert!(items.iter().any(|i| i
        .source_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://doi.org/10."))));
}

#[test]
fn evidence_map_has_shapes_colours_and_a_legend() {
    let (svg, _) = render(
        &builtin(),
        &options(View::Map, Lang::En),
        800,
        1.0,
        ThemeName::Light,
    );
    let t = texts(&svg);
    for entry in [
        "RCT",
        "crossover RCT",
        "single group",
        "cohort",
        "review",
        "favours treatment",
        "no comparison group",
        "no result yet",
        "Reviews",
    ] {
        assert!(
            t.iter().any(|x| x == entry),
            "legend entry {entry:?} missing from {t:?}"
        );
    }
    assert!(t.iter().any(|x| x == "MIST 2019"));
    let scene = Scene::build(&builtin(), &options(View::Map, Lang::En));
    assert_eq!(scene.items().len(), builtin().studies.len());
}

#[test]
fn icon_arrays_have_100_icons_each() {
    let scene = Scene::build(&builtin(), &options(View::Harms, Lang::En));
    let Scene::Harms(h) = &scene else { panic!() };
    assert!(!h.entries.is_empty());
    // Each title says the time its numbers are for, once: the baseline's, else the outcome's own
    // where its name does not say it.
    let title = |key: &str| {
        let e = h.entries.iter().find(|e| e.key == key).unwrap();
        e.title.clone()
    };
    assert_eq!(
        title("mesems_2021/ae_any"),
        "MESEMS 2021 · Patients with at least one adverse event, weeks 0-24"
    );
    assert_eq!(
        title("harris_2020/t25fw_improvement"),
        "Harris 2020 (phase I) · Sustained improvement in timed 25-foot walk, 2 years"
    );
    assert_eq!(
        title("muraro_2017/pfs_5y"),
        "Muraro 2017 (AHSCT cohort) · Progression-free survival at 5 years"
    );
    let arrays: usize = h
        .entries
        .iter()
        .map(|e| {
            if e.per_100.control.is_some() && !e.per_100.no_clear_difference() {
                2
            } else {
                1
            }
        })
        .sum();
    assert!(
        h.entries.iter().any(|e| e.per_100.control.is_some())
            && h.entries.iter().any(|e| e.per_100.control.is_none())
    );
    // The harms view of `data` drawn `width` CSS px wide, in English and the light theme.
    let harms = |data: &Dataset, width: u32| {
        render(
            data,
            &options(View::Harms, Lang::En),
            width,
            1.0,
            ThemeName::Light,
        )
        .0
    };
    let svg = harms(&builtin(), 800);
    assert_eq!(svg.matches("<circle").count(), 100 * arrays);
    let t = texts(&svg);
    assert!(
        t.iter()
            .any(|x| x == "46 of 100 (range 40 to 52); no comparison group"),
        "{t:?}"
    );
    // Counts that pool treatment periods are not people out of 100: Petrou 2020's are not drawn.
    assert!(!h.entries.iter().any(|e| e.key.starts_with("petrou_2020/")));
    // Were they of people, a clear difference would get two arrays.
    let mut people = builtin();
    let petrou = people
        .studies
        .iter_mut()
        .find(|s| s.id == "petrou_2020")
        .unwrap();
    petrou
        .caveats
        .retain(|c| !c.as_str().contains("treatment periods pooled"));
    let two = texts(&harms(&people, 800));
    assert!(two.iter().any(|x| x == "Comparison group") && two.iter().any(|x| x == "With MSC"));
    // A 1 in 507 death is not "0 of 100".
    assert!(t.iter().any(|x| x.starts_with("0.2 of 100")), "{t:?}");
    // Bad events say so, and are never labelled a benefit.
    assert!(t.iter().any(|x| x.contains("fewer is better")));
    assert!(!t.iter().any(|x| x.contains("(benefit)")), "{t:?}");
    // MESEMS's adverse events (RR 0.91, 0.67 to 1.23): one array, no difference drawn.
    let ae = h
        .entries
        .iter()
        .find(|e| e.key == "mesems_2021/ae_any")
        .unwrap();
    assert!(ae.per_100.no_clear_difference());
    assert!(
        t.iter().any(|x| x == "With MSC or in the comparison group"),
        "{t:?}"
    );
    assert!(
        t.iter().any(|x| x.starts_with("No clear difference")),
        "{t:?}"
    );
    for width in [320, 390, 800] {
        let svg = harms(&builtin(), width);
        assert!(!texts(&svg).iter().any(|x| x.ends_with('…')), "{width} px");
    }
}

#[test]
fn claims_show_verdict_words_and_who_made_them() {
    let data = builtin();
    let (svg, _) = render(
        &data,
        &options(View::Claims, Lang::En),
        800,
        1.0,
        ThemeName::Light,
    );
    let t = texts(&svg);
    let verdicts = [
        "Supported",
        "Supported only in part",
        "Not supported",
        "Contradicted",
        "No controlled evidence",
        "Cannot be checked",
    ];
    assert_eq!(
        t.iter().filter(|x| verdicts.contains(&x.as_str())).count(),
        data.claims.len(),
        "{t:?}"
    );
    assert!(t.iter().any(|x| x == "Claimed by: a clinic"));
    assert!(t
        .iter()
        .any(|x| x.starts_with("Certainty of the evidence:")));
    let (svg, _) = render(
        &data,
        &options(View::Claims, Lang::Es),
        800,
        1.0,
        ThemeName::Light,
    );
    assert!(texts(&svg).iter().any(|x| x == "Afirmado por: una clínica"));
}

/// A claim supported only in part (in some of its parts, or more narrowly than its words) has
/// the certainty of what is supported, and its card says whose it is; any other says it plainly.
#[test]
fn a_partly_supported_claim_says_the_certainty_is_of_what_is_supported() {
    let data = builtin();
    let checks = evidence_lens::appraise::appraise(&data, &Default::default()).claims;
    for (lang, line, plain, detail) in [
        (
            Lang::En,
            "Certainty of the evidence for what is supported: low",
            "Certainty of the evidence: low",
            "low (for what is supported)",
        ),
        (
            Lang::Es,
            "Certeza de la evidencia de lo que está respaldado: baja",
            "Certeza de la evidencia: baja",
            "baja (de lo que está respaldado)",
        ),
        (
            Lang::Fr,
            "Certitude des preuves pour ce qui est étayé\u{a0}: faible",
            "Certitude des preuves\u{a0}: faible",
            "faible (pour ce qui est étayé)",
        ),
    ] {
        let scene = Scene::build(&data, &options(View::Claims, lang));
        let Scene::Claims(v) = &scene else { panic!() };
        assert_eq!(v.cards.len(), checks.len());
        for (card, check) in v.cards.iter().zip(&checks) {
            let partly = check.verdict == Verdict::SupportedInPart;
            let low = check.certainty == Some(Certainty::Low);
            if partly && low {
                assert_eq!(card.certainty, line, "{}", check.id);
            } else if low {
                assert_eq!(card.certainty, plain, "{}", check.id);
            }
            // A tap's details say it too.
            let item = scene.item(&card.key).unwrap();
            if partly && low {
                assert_eq!(item.certainty.as_deref(), Some(detail), "{}", check.id);
            }
        }
        // The built-in data has both kinds: the news item's 46% (the number has no controlled
        // evidence, the promise for those who do not respond to other treatments is supported
        // in part) and "stem cell therapy halts MS" (one part, supported only in relapsing MS:
        // its "low" is not the certainty that AHSCT halts MS).
        let says = |id: &str| &v.cards[checks.iter().position(|c| c.id == id).unwrap()].certainty;
        assert_eq!(says("news_ahsct_46_percent"), line);
        assert_eq!(says("news_ahsct_halts_ms"), line);
        // A claim's details are titled with the claim as its card quotes it, translation and all.
        for card in &v.cards {
            assert_eq!(scene.item(&card.key).unwrap().label, card.text);
        }
    }
}

/// Each claim is quoted once: in the reader's quotation marks, or in its own when its words are
/// already a quotation (the built-in news item that quotes Muraro), never in both.
#[test]
fn claims_are_quoted_once() {
    let mut data = builtin();
    for (lang, open, close) in [
        (Lang::En, "“", "”"),
        (Lang::Es, "«", "»"),
        (Lang::Fr, "«\u{a0}", "\u{a0}»"),
    ] {
        let scene = Scene::build(&data, &options(View::Claims, lang));
        let Scene::Claims(v) = &scene else { panic!() };
        for (claim, card) in data.claims.iter().zip(&v.cards) {
            let words = claim.text.trim();
            if words.starts_with('“') {
                assert!(card.text.starts_with(words), "{lang:?}: {}", card.text);
            } else {
                let quoted = format!("{open}{words}{close}");
                assert!(card.text.starts_with(&quoted), "{lang:?}: {}", card.text);
            }
        }
    }
    // The built-in data has such a quotation; an unquoted claim gets the marks.
    let freeze = data.claims.iter_mut().find(|c| c.text.starts_with('“'));
    let freeze = freeze.expect("a claim that is itself a quotation");
    freeze.text = freeze.text.trim_start_matches('“').to_string();
    let unquoted = freeze.text.clone();
    let scene = Scene::build(&data, &options(View::Claims, Lang::En));
    let Scene::Claims(v) = &scene else { panic!() };
    assert!(v
        .cards
        .iter()
        .any(|c| c.text.starts_with(&format!("“{unquoted}”"))));
    assert!(!v.cards.iter().any(|c| c.text.starts_with("““")));
}

#[test]
fn the_claims_say_what_their_words_mean_under_the_cards() {
    let data = builtin();
    for lang in Lang::ALL {
        let scene = Scene::build(&data, &options(View::Claims, lang));
        let Scene::Claims(v) = &scene else { panic!() };
        let words: Vec<&str> = v.glossary.iter().map(|g| g.word.as_str()).collect();
        // The certainty each card states, and the interval a card quotes.
        let certainty = evidence_lens::appraise::text::upper_first(evidence_lens::i18n::t(
            lang,
            "gloss.certainty.term",
        ));
        let ci = evidence_lens::i18n::t(lang, "gloss.ci.term");
        assert!(
            words.contains(&certainty.as_str()) && words.contains(&ci),
            "{lang:?}: {words:?}"
        );
        // Drawn below the last card, every word and its meaning, and said to a screen reader.
        let svg = chart::render_svg(&scene, 390, None, &Theme::new(ThemeName::Light, 1.0)).unwrap();
        let boxes = text_boxes(&svg);
        let heading = evidence_lens::i18n::t(lang, "gloss.heading");
        // Compared as words, whatever the spaces between them (French no-break spaces).
        let spaced = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let at = |text: &str| {
            boxes
                .iter()
                .position(|b| spaced(&b.content) == spaced(text))
        };
        let heading_at = at(heading).unwrap_or_else(|| panic!("{lang:?}: no heading"));
        let last_card = v.cards.last().unwrap();
        let last_words = last_card.evidence.split_whitespace().last().unwrap();
        let card_end = boxes
            .iter()
            .rposition(|b| b.content.ends_with(last_words))
            .unwrap();
        assert!(
            card_end < heading_at,
            "{lang:?}: the words come after the cards"
        );
        for g in &v.glossary {
            let word = &g.word;
            assert!(at(word).is_some_and(|i| i > heading_at), "{lang:?}: {word}");
        }
        // A tap on a card explains its words in its details: each word under the cards is in a
        // card's details, and a rated card's details explain its certainty.
        for g in &v.glossary {
            assert!(
                v.items.iter().any(|i| i.glossary.contains(g)),
                "{lang:?}: {g:?}"
            );
        }
        for (card, item) in v.cards.iter().zip(&v.items) {
            // The details say the verdict first, once ("Not supported: …", not "Not supported.
            // Not supported: …").
            let verdict = evidence_lens::i18n::t(
                lang,
                evidence_lens::chart::labels::verdict_key(card.verdict),
            );
            let rest = item
                .value
                .strip_prefix(verdict)
                .unwrap_or_else(|| panic!("{lang:?}: {}", item.value));
            let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '.' || c == ':');
            assert!(!rest.starts_with(verdict), "{lang:?}: {}", item.value);
            let explained = |w: &str| item.glossary.iter().any(|g| g.word == w);
            assert_eq!(
                explained(&certainty),
                item.certainty.is_some(),
                "{lang:?}: {}",
                card.key
            );
        }
        assert!(scene.summary(lang).contains(heading), "{lang:?}");
        assert_clean(&svg, 390, "claims with their words");
    }
}

#[test]
fn funnel_draws_observed_and_filled_studies() {
    let data = bcg();
    let scene = Scene::build(&data, &options(View::Funnel, Lang::En));
    let Scene::Funnel(f) = &scene else { panic!() };
    let d = f.data.as_ref().expect("BCG can be pooled");
    let (k, k0) = (d.yi.len(), d.filled_yi.len());
    assert_eq!(k, 13);
    let (svg, _) = render(
        &data,
        &options(View::Funnel, Lang::En),
        800,
        1.0,
        ThemeName::Light,
    );
    // Two more circles are the legend's.
    assert_eq!(svg.matches("<circle").count(), k + k0 + 2);
    assert_eq!(
        svg.matches("fill=\"none\" stroke=\"#0072B2\"").count(),
        k0 + 1,
        "filled studies are hollow"
    );
    assert!(texts(&svg).iter().any(|x| x == "Standard error"));
    // The built-in dataset has no outcome with ten poolable studies (Cochrane's minimum).
    let (svg, _) = render(
        &builtin(),
        &options(View::Funnel, Lang::En),
        800,
        1.0,
        ThemeName::Light,
    );
    assert!(
        texts(&svg)
            .iter()
            .any(|x| x.contains("needs at least 10 studies")),
        "{:?}",
        texts(&svg)
    );
}

/// A pooled body can be asked for by the id the forest and the funnel give it: with two
/// treatments' trials of one outcome, `--outcome <outcome>/<treatment>` draws that treatment's
/// funnel, and its forest holds that treatment's studies alone.
#[test]
fn a_pooled_body_is_asked_for_by_its_id() {
    let mut data = bcg();
    let mut other: Vec<model::Study> = data.studies.clone();
    for s in &mut other {
        s.id = format!("{}-b", s.id);
        s.intervention.therapy = "vaccine B".into();
    }
    for s in &mut data.studies {
        s.intervention.therapy = "vaccine A".into();
    }
    data.studies.extend(other);
    let outcome = data.studies[0].outcomes[0].id.clone();
    let id = format!("{outcome}/vaccine b");
    let asked = |view: View| ViewOptions {
        outcome: Some(id.clone()),
        ..options(view, Lang::En)
    };
    let scene = Scene::build(&data, &asked(View::Funnel));
    let Scene::Funnel(f) = &scene else { panic!() };
    let d = f.data.as_ref().expect("vaccine B's body can be drawn");
    assert_eq!(d.outcome, id);
    assert_eq!(d.yi.len(), 13);
    let observed = d.keys.iter().filter(|k| !k.starts_with("filled/"));
    assert!(observed.clone().all(|k| k.contains("-b/")), "{:?}", d.keys);
    assert_eq!(observed.count(), 13);
    let scene = Scene::build(&data, &asked(View::Forest));
    let keys: Vec<String> = scene.items().iter().map(|i| i.key.clone()).collect();
    assert!(keys.iter().any(|k| k.starts_with("pooled/")), "{keys:?}");
    let studies: Vec<&String> = keys.iter().filter(|k| !k.starts_with("pooled/")).collect();
    assert_eq!(studies.len(), 13, "{keys:?}");
    assert!(studies.iter().all(|k| k.contains("-b/")), "{keys:?}");
    // The outcome's own id still draws both treatments.
    let both = ViewOptions {
        outcome: Some(outcome.clone()),
        ..options(View::Forest, Lang::En)
    };
    let scene = Scene::build(&data, &both);
    let rows = scene
        .items()
        .iter()
        .filter(|i| !i.key.starts_with("pooled/"))
        .count();
    assert_eq!(rows, 26);
    // A treatment in another case is the same one, as `analyze` reads it.
    let upper = ViewOptions {
        outcome: Some(format!("{outcome}/Vaccine B")),
        ..options(View::Forest, Lang::En)
    };
    assert_eq!(
        Scene::build(&data, &upper).items(),
        scene_items(&data, &asked(View::Forest))
    );
}

fn scene_items(data: &model::Dataset, options: &ViewOptions) -> Vec<chart::Item> {
    Scene::build(data, options).items()
}

/// An outcome id may hold a `/`: with outcomes `a` and `a/b`, the body `a/b/<treatment>` is
/// outcome `a/b` alone (the longest id the data has), as `analyze` reads it.
#[test]
fn a_body_id_is_split_at_the_longest_outcome_id() {
    let mut data = bcg();
    let outcome = data.studies[0].outcomes[0].id.clone();
    let mut other: Vec<model::Study> = data.studies.clone();
    for s in &mut other {
        s.id = format!("{}-b", s.id);
        for o in &mut s.outcomes {
            o.id = format!("{outcome}/b");
            o.name = "Another outcome".into();
        }
    }
    data.studies.extend(other);
    for s in &mut data.studies {
        s.intervention.therapy = "vaccine".into();
    }
    let asked = ViewOptions {
        outcome: Some(format!("{outcome}/b/vaccine")),
        ..options(View::Forest, Lang::En)
    };
    let items = scene_items(&data, &asked);
    let studies: Vec<&str> = (items.iter().map(|i| i.key.as_str()))
        .filter(|k| !k.starts_with("pooled/"))
        .collect();
    assert_eq!(studies.len(), 13, "{studies:?}");
    assert!(studies.iter().all(|k| k.contains("-b/")), "{studies:?}");
}

#[test]
fn hits_cover_items_and_the_highlight_draws_only_a_ring() {
    use plotters::prelude::*;
    for &view in VIEWS {
        let scene = Scene::build(&bcg(), &options(view, Lang::En));
        let theme = Theme::new(ThemeName::Light, 1.0);
        let h = scene.preferred_height(800.0, &theme).ceil() as u32;
        let mut out = String::new();
        let layout = {
            let area = SVGBackend::with_string(&mut out, (800, h)).into_drawing_area();
            scene.draw(&area, &theme, &ApproxMeasure, None).unwrap()
        };
        let keys: Vec<_> = scene.items().iter().map(|i| i.key.clone()).collect();
        for hit in &layout.hits {
            assert!(
                keys.contains(&hit.key),
                "{view:?}: hit {} has no item",
                hit.key
            );
        }
        if let Some(first) = layout.hits.first() {
            let mut overlay = String::new();
            {
                let area = SVGBackend::with_string(&mut overlay, (800, h)).into_drawing_area();
                Scene::draw_highlight(
                    &area,
                    &theme,
                    &layout,
                    &first.key,
                    (800.0, h as f64),
                    (0.0, 0.0),
                )
                .unwrap();
            }
            assert_eq!(overlay.matches("<rect").count(), 1, "{view:?}: {overlay}");
            assert!(
                overlay.contains("fill=\"none\""),
                "the ring is not filled: {overlay}"
            );
            // Drawn on an overlay that covers only the ring's box, the ring lands inside it.
            let chart = (800.0, h as f64);
            let [x0, y0, x1, y1] = Scene::highlight_box(&theme, &layout, &first.key, chart)
                .expect("a key with a hit region has a box");
            assert!(x0 >= 0.0 && y0 >= 0.0 && x1 <= chart.0 && y1 <= chart.1);
            let (bw, bh) = (x1 - x0, y1 - y0);
            assert!(bh < chart.1, "{view:?}: the box is the whole chart");
            let mut boxed = String::new();
            {
                let area =
                    SVGBackend::with_string(&mut boxed, (bw as u32, bh as u32)).into_drawing_area();
                Scene::draw_highlight(&area, &theme, &layout, &first.key, chart, (x0, y0)).unwrap();
            }
            let ring = &boxed[boxed.find("<rect").unwrap()..];
            let attr = |name: &str| -> f64 {
                let start = ring.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                ring[start..].split('"').next().unwrap().parse().unwrap()
            };
            let (rx, ry) = (attr("x"), attr("y"));
            let (rw, rh) = (attr("width"), attr("height"));
            assert!(
                rx > 0.0 && ry > 0.0 && rx + rw < bw && ry + rh < bh,
                "{view:?}: ring {rx},{ry} {rw}×{rh} outside its {bw}×{bh} box"
            );
        }
        for lang in Lang::ALL {
            assert!(scene.summary(lang).len() > 20);
        }
    }
}

#[test]
fn summaries_count_in_the_right_number() {
    let mut one = bcg();
    one.studies.truncate(1);
    let forest = |d: &Dataset, lang| Scene::build(d, &options(View::Forest, lang));
    let s = forest(&one, Lang::En).description(Lang::En);
    assert!(
        s.starts_with("Forest plot of 1 result from 1 study."),
        "{s}"
    );
    let s = forest(&one, Lang::Fr).description(Lang::Fr);
    assert!(
        s.starts_with("Graphique en forêt de 1 résultat (1 étude)."),
        "{s}"
    );
    let s = forest(&bcg(), Lang::Es).description(Lang::Es);
    assert!(
        s.starts_with("Diagrama de bosque de 13 resultados de 13 estudios."),
        "{s}"
    );
    // No view of one study says "1 studies", in any language.
    for view in [
        View::Forest,
        View::Map,
        View::Harms,
        View::Claims,
        View::Funnel,
        View::Summary,
    ] {
        for lang in [Lang::En, Lang::Es, Lang::Fr] {
            let s = Scene::build(&one, &options(view, lang)).description(lang);
            for wrong in [
                "1 studies",
                "1 results",
                "1 estudios",
                "1 resultados",
                "1 études",
                "1 résultats",
            ] {
                assert!(!s.contains(wrong), "{view:?} {lang:?}: {s}");
            }
        }
    }
    // The description is the summary without the sentence about the table.
    let scene = forest(&bcg(), Lang::En);
    assert_eq!(
        scene.summary(Lang::En),
        format!(
            "{} The same results are in the table that follows.",
            scene.description(Lang::En)
        )
    );
}

#[test]
fn french_descriptions_put_a_no_break_space_before_each_colon() {
    for view in [View::Summary, View::Claims, View::Forest] {
        let text = Scene::build(&builtin(), &options(view, Lang::Fr)).description(Lang::Fr);
        let bad: Vec<&str> = text
            .match_indices(": ")
            .filter(|&(i, _)| !text[..i].ends_with('\u{a0}'))
            .map(|(i, _)| &text[i.saturating_sub(40)..i + 1])
            .collect();
        assert!(bad.is_empty(), "{view:?}: {bad:?}");
    }
}

#[test]
fn summary_uses_the_appraisal_in_english() {
    let scene = Scene::build(&builtin(), &options(View::Forest, Lang::En));
    let s = scene.summary(Lang::En);
    assert!(s.starts_with("Forest plot of"), "{s}");
    assert!(
        s.contains("certain") || s.contains("probably") || s.contains("may"),
        "{s}"
    );
    assert!(scene.summary("es").starts_with("Diagrama de bosque"));
}

#[test]
fn view_options_deserialise_from_the_js_object() {
    let o = ViewOptions::from_json(r#"{"view":"map","lang":"es","sort":"year","outcome":"gel","filters":{"therapy":"MSC","design":["rct","crossover_rct"],"outcomeKind":"harm"}}"#).unwrap();
    assert_eq!(o.view, View::Map);
    assert_eq!(o.lang, Lang::Es);
    assert_eq!(o.sort, chart::Sort::Year);
    assert_eq!(o.filters.therapy, ["MSC"]);
    assert_eq!(o.filters.design.len(), 2);
    assert_eq!(
        ViewOptions::from_json("{}").unwrap(),
        ViewOptions::default()
    );
    assert_eq!(o.filters.kind, [evidence_lens::model::OutcomeKind::Harm]);
    assert_eq!(o.outcome.as_deref(), Some("gel"));
    let o =
        ViewOptions::from_json(r#"{"method":"dl","outcome":null,"filters":{"kind":["benefit"]}}"#);
    let o = o.unwrap();
    assert_eq!(o.method, Some(evidence_lens::stats::Method::DL));
    assert_eq!((o.outcome, o.filters.kind.len()), (None, 1));
    // Each problem with its path, as a dataset's are; a typo with what it was probably meant as.
    let error = |json: &str| ViewOptions::from_json(json).unwrap_err();
    assert!(
        error(r#"{"veiw":"map"}"#)
            .starts_with("veiw: unknown field \"veiw\" (did you mean \"view\"?)"),
        "{}",
        error(r#"{"veiw":"map"}"#)
    );
    assert_eq!(
        error(r#"{"view":"pie","filters":{"design":["rct","rtc"],"therapy":3}}"#),
        "view: unknown view \"pie\"; expected one of summary, forest, map, harms, claims, funnel; \
         filters.therapy: expected a string, found 3; \
         filters.design[1]: unknown design \"rtc\"; expected one of rct, crossover_rct, \
         non_randomised_controlled, single_arm, cohort, case_series, systematic_review, unknown"
    );
    assert_eq!(
        error(r#"{"view":"map","view":"forest"}"#),
        "view: duplicate key \"view\" in the same object"
    );
    assert_eq!(
        error(r#"{"filters":{"kind":"harm","outcomeKind":"benefit"}}"#),
        "filters.outcomeKind: give kind or outcomeKind, not both"
    );
    // What the estimator's name may be: metafor's, in any case.
    for m in evidence_lens::stats::Method::ALL {
        let json = format!(r#"{{"method":"{}"}}"#, m.name().to_lowercase());
        assert_eq!(ViewOptions::from_json(&json).unwrap().method, Some(m));
    }
    assert!(
        error("[1]").contains("expected an object"),
        "{}",
        error("[1]")
    );
    assert!(
        error(r#"{"view":"#).contains("line 1"),
        "{}",
        error(r#"{"view":"#)
    );
}

#[test]
fn filtering_borrows_when_it_keeps_everything_and_copies_only_what_it_keeps() {
    use std::borrow::Cow;
    let data = builtin();
    assert!(matches!(
        ViewOptions::default().filtered(&data),
        Cow::Borrowed(_)
    ));
    let o = ViewOptions::from_json(r#"{"filters":{"kind":"harm","therapy":"AHSCT"}}"#).unwrap();
    let kept = o.filtered(&data);
    assert!(matches!(kept, Cow::Owned(_)));
    assert!(!kept.studies.is_empty() && kept.studies.len() < data.studies.len());
    assert!(kept
        .studies
        .iter()
        .all(|s| s.intervention.therapy == "AHSCT"
            && s.outcomes.iter().all(|o| o.kind == OutcomeKind::Harm)));
    assert_eq!(kept.claims, data.claims);
    assert_eq!(kept.title, data.title);
}

#[test]
fn filters_and_sort_change_the_rows() {
    let data = builtin();
    let o = ViewOptions::from_json(r#"{"view":"forest","filters":{"therapy":"AHSCT"}}"#).unwrap();
    let items = Scene::build(&data, &o).items();
    assert!(!items.is_empty());
    let ahsct: Vec<&str> = data
        .studies
        .iter()
        .filter(|s| s.intervention.therapy == "AHSCT")
        .map(|s| s.id.as_str())
        .collect();
    assert!(
        items
            .iter()
            .all(|i| ahsct.iter().any(|id| i.key.starts_with(&format!("{id}/")))),
        "{items:?}"
    );
    let o = ViewOptions::from_json(r#"{"view":"forest","filters":{"kind":"harm","design":"rct"}}"#)
        .unwrap();
    assert!(Scene::build(&data, &o)
        .items()
        .iter()
        .all(|i| i.design.as_deref() == Some("rct")));
    let sorted = Scene::build(
        &bcg(),
        &ViewOptions::from_json(r#"{"view":"forest","sort":"effect"}"#).unwrap(),
    );
    let Scene::Forest(f) = sorted else { panic!() };
    let est: Vec<f64> = f.panels[0]
        .rows
        .iter()
        .filter(|r| r.kind == chart::RowKind::Study)
        .map(|r| r.estimate.unwrap())
        .collect();
    assert!(est.windows(2).all(|w| w[0] <= w[1]), "{est:?}");
}

#[test]
fn spanish_and_french_output_uses_decimal_commas() {
    for lang in [Lang::Es, Lang::Fr] {
        let (svg, _) = render(
            &builtin(),
            &options(View::Forest, lang),
            1000,
            1.0,
            ThemeName::Light,
        );
        let t = texts(&svg);
        // French spaces the separator as it spaces ';'.
        let interval = match lang {
            Lang::Fr => "IRR 0,94 [0,58\u{202f}; 1,50]",
            _ => "IRR 0,94 [0,58; 1,50]",
        };
        assert!(t.iter().any(|x| x.starts_with(interval)), "{lang}: {t:?}");
        assert!(t.iter().any(|x| x == "0,1"), "{lang}: tick with a comma");
        // The question's condition by its name in the language (the footnote of studies not shown).
        assert!(
            !t.iter().any(|x| x.contains("multiple sclerosis")),
            "{lang}: {t:?}"
        );
        assert!(
            !t.iter().any(|x| x.starts_with("RR 0.")),
            "{lang}: no decimal points"
        );
        let (svg, _) = render(
            &bcg(),
            &options(View::Funnel, lang),
            800,
            1.0,
            ThemeName::Light,
        );
        assert!(texts(&svg).iter().any(|x| x.contains(',')));
    }
}

#[test]
fn every_i18n_key_has_text_in_every_language() {
    for lang in Lang::ALL {
        let table = i18n::ui_strings(lang);
        assert_eq!(table.len(), i18n::keys().count());
        for (key, text) in table {
            assert!(!text.trim().is_empty(), "{key} is empty in {lang}");
        }
    }
    for key in [
        "ui.filter",
        "ui.sort",
        "ui.show_table",
        "ui.hide_table",
        "ui.download_png",
        "ui.download_svg",
        "ui.download_csv",
        "ui.citations",
        "ui.copy_link",
        "ui.loading",
        "ui.error_intro",
        "ui.partial",
        "ui.errors",
        "ui.warnings",
        "ui.source",
        "ui.certainty",
        "ui.study",
        "ui.result",
        "ui.estimate_ci",
        "ui.participants",
        "view.forest",
        "view.map",
        "view.harms",
        "view.claims",
        "view.funnel",
    ] {
        assert!(i18n::keys().any(|k| k == key), "missing {key}");
    }
    let mut keys: Vec<_> = i18n::keys().collect();
    keys.sort();
    let n = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), n, "duplicate keys");
}

#[test]
fn text_colours_have_enough_contrast_in_both_themes() {
    use chart::theme::contrast;
    for name in [ThemeName::Light, ThemeName::Dark] {
        let theme = Theme::new(name, 1.0);
        for (what, colour) in theme.text_colours() {
            for (bg_name, bg) in [
                ("background", theme.background),
                ("band", theme.band),
                ("highlight", theme.highlight),
            ] {
                let c = contrast(colour, bg);
                assert!(
                    c >= 4.5,
                    "{name:?}: {what} on {bg_name} has contrast {c:.2}"
                );
            }
        }
        // Marks (non-text) need 3:1 (WCAG 1.4.11).
        for (what, colour) in [
            ("favourable", theme.favourable),
            ("unfavourable", theme.unfavourable),
            ("neutral", theme.neutral),
            ("focus", theme.focus),
        ] {
            let c = contrast(colour, theme.background);
            assert!(c >= 3.0, "{name:?}: {what} mark has contrast {c:.2}");
        }
    }
}

#[test]
fn method_option_chooses_the_estimator_of_the_pooled_diamond() {
    use evidence_lens::chart::forest::RowKind;
    use evidence_lens::chart::ViewOptions;
    use evidence_lens::stats::Method;
    let bcg = evidence_lens::model::Dataset::from_csv(
        include_bytes!("data/bcg.csv"),
        Some(evidence_lens::model::Measure::Rr),
    )
    .dataset
    .unwrap();
    // The diamond is the appraisal's pooled body, fitted with the reader's method.
    let diamond = |method: &str| {
        let json = format!(r#"{{"view": "forest", "method": "{method}"}}"#);
        let Scene::Forest(f) = Scene::build(&bcg, &ViewOptions::from_json(&json).unwrap()) else {
            panic!("not a forest")
        };
        let pooled: Vec<f64> = f
            .panels
            .iter()
            .flat_map(|p| &p.rows)
            .filter(|r| r.kind == RowKind::Pooled)
            .map(|r| r.estimate.unwrap().ln())
            .collect();
        assert_eq!(pooled.len(), 1);
        pooled[0]
    };
    // metafor's printed values (tests/data/bcg-metafor.json): REML -0.7145, DL -0.7141.
    assert!((diamond("REML") - -0.7145).abs() < 5e-5);
    assert!((diamond("DL") - -0.7141).abs() < 5e-5);
    let options = ViewOptions::from_json(r#"{"view": "forest", "method": "DL"}"#).unwrap();
    assert_eq!(options.method, Some(Method::DL));
    assert!(ViewOptions::from_json(r#"{"method": "XX"}"#).is_err());
}

#[test]
fn items_a_page_at_a_time_or_by_key_are_the_items_in_reading_order() {
    let mut checked = Vec::new();
    for (data, view) in [builtin(), bcg()]
        .iter()
        .flat_map(|d| VIEWS.iter().map(move |&v| (d, v)))
    {
        let scene = Scene::build(data, &options(view, Lang::Es));
        let all = scene.items();
        if all.is_empty() {
            assert_eq!(scene.item_count(), 0);
            continue;
        }
        checked.push((view, scene.items_have_certainty()));
        assert_eq!(scene.item_count(), all.len(), "{view:?}");
        let pages: Vec<_> = (0..all.len())
            .step_by(3)
            .flat_map(|from| scene.items_in(from..from + 3))
            .collect();
        assert_eq!(pages, all, "{view:?} in pages of 3");
        assert_eq!(
            scene.items_in(all.len() - 1..usize::MAX),
            all[all.len() - 1..]
        );
        assert!(scene.items_in(all.len()..all.len() + 5).is_empty());
        let (from, to) = (5, 2);
        assert!(
            scene.items_in(from..to).is_empty(),
            "a backwards range is empty"
        );
        for item in &all {
            assert_eq!(
                scene.item(&item.key).as_ref(),
                Some(item),
                "{view:?} {}",
                item.key
            );
        }
        assert_eq!(scene.item("no such key"), None);
        assert_eq!(
            scene.items_have_certainty(),
            all.iter().any(|i| i.certainty.is_some()),
            "{view:?}"
        );
    }
    assert!(
        VIEWS.iter().all(|v| checked.iter().any(|(w, _)| w == v)),
        "{checked:?}"
    );
    assert!(
        checked.iter().any(|(_, c)| *c) && checked.iter().any(|(_, c)| !c),
        "views with and without a certainty column: {checked:?}"
    );
}

/// A scene built on one thread draws on others (a server drawing SVG in a pool of threads), every
/// view, the same as where it was built, and two threads may draw one scene at once.
#[test]
fn a_scene_draws_the_same_on_other_threads() {
    let data = builtin();
    let theme = Theme::new(ThemeName::Light, 1.0);
    for view in ALL_VIEWS {
        let scene = std::sync::Arc::new(Scene::build(&data, &options(view, Lang::En)));
        let here = chart::render_svg(&scene, 800, None, &theme).unwrap();
        let there: Vec<String> = (0..2)
            .map(|_| {
                let (scene, theme) = (std::sync::Arc::clone(&scene), theme.clone());
                std::thread::spawn(move || chart::render_svg(&scene, 800, None, &theme).unwrap())
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        assert_eq!(there, [here.clone(), here], "{view:?}");
    }
}

/// The fact box leads with its strongest evidence: comparisons before single groups, the more
/// certain first, benefits before harms (MIST 2019's moderate-certainty disability result before
/// MESEMS's adverse events, although the dataset lists MESEMS first).
#[test]
fn icon_arrays_lead_with_the_strongest_evidence() {
    let appraisal = evidence_lens::appraise::appraise(&builtin(), &Default::default());
    let scene = Scene::build(&builtin(), &options(View::Harms, Lang::En));
    let Scene::Harms(h) = &scene else { panic!() };
    let of = |key: &str| {
        let (study, outcome) = key.split_once('/').unwrap();
        appraisal
            .outcomes
            .iter()
            .find(|o| o.study == study && o.outcome == outcome)
            .unwrap()
    };
    let ranks: Vec<_> = h
        .entries
        .iter()
        .map(|e| {
            let o = of(&e.key);
            let benefit = o.kind == evidence_lens::model::OutcomeKind::Benefit;
            let single = e.per_100.control.is_none();
            // Among comparisons benefits first; among single groups harms first, which a group
            // with no comparison can count, where it cannot show what the treatment did.
            (single, std::cmp::Reverse(o.certainty), benefit == single)
        })
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    let keys: Vec<&str> = h.entries.iter().map(|e| e.key.as_str()).collect();
    // MESEMS's adverse events (a randomised harm at moderate certainty), then MIST's progression
    // (a randomised benefit at low).
    assert_eq!(
        keys[..2],
        ["mesems_2021/ae_any", "mist_2019/progression"],
        "{keys:?}"
    );
    // AHSCT's deaths within 100 days had come 17th of 22, after every uncontrolled benefit.
    let at = |key: &str| keys.iter().position(|k| *k == key).unwrap_or(usize::MAX);
    assert!(at("muraro_2017/deaths_100d") < 6, "{keys:?}");
    // Among equals, deaths (serious, as the vocabulary says) before a rash.
    assert!(at("burt_2021/trm") < at("connick_2012/rash"), "{keys:?}");
}

/// On a phone the evidence map still names its randomised trial with a result: labels claim their
/// room by need (results before trials still running, the stronger design, then the larger), and
/// may stand at a mark's corner. MIST 2019's label had been crowded out at 320 and 390 px by a
/// crossover trial's placed before it.
#[test]
fn the_map_names_the_randomised_trial_with_a_result_on_a_phone() {
    for width in [320, 390, 800] {
        let svg = render(
            &builtin(),
            &options(View::Map, Lang::En),
            width,
            1.0,
            ThemeName::Light,
        )
        .0;
        let t = texts(&svg);
        assert!(t.iter().any(|x| x == "MIST 2019"), "{width}: {t:?}");
    }
}

/// A study's design is said once: no badge after a label that names it ("Harris 2024 (phase II
/// RCT)", not "… · RCT"), in the forest, the map and the harms.
#[test]
fn a_design_the_label_names_gets_no_badge() {
    let data = builtin();
    let Scene::Forest(f) = Scene::build(&data, &options(View::Forest, Lang::En)) else {
        panic!()
    };
    let rows: Vec<_> = f.panels.iter().flat_map(|p| &p.rows).collect();
    let harris = rows
        .iter()
        .find(|r| r.label == "Harris 2024 (phase II RCT)")
        .expect("Harris 2024's row");
    assert_eq!(harris.badge, None);
    let mist = rows
        .iter()
        .find(|r| r.label == "MIST 2019")
        .expect("MIST's row");
    assert_eq!(mist.badge.as_deref(), Some("RCT"));
    for view in [View::Map, View::Harms] {
        let scene = Scene::build(&data, &options(view, Lang::En));
        let labels: Vec<String> = scene.items().into_iter().map(|i| i.label).collect();
        assert!(
            labels.iter().any(|l| l == "Harris 2024 (phase II RCT)"),
            "{view:?}: {labels:?}"
        );
        assert!(
            labels.iter().any(|l| l == "MIST 2019 (RCT)"),
            "{view:?}: {labels:?}"
        );
    }
}

/// The forest's key names the diamond and the prediction interval's dashed line only where it
/// draws them: the built-in forest pools nothing; BCG's thirteen trials have both.
#[test]
fn the_forest_key_names_only_what_is_drawn() {
    let footnote = |data: &Dataset, lang| {
        let Scene::Forest(f) = Scene::build(data, &options(View::Forest, lang)) else {
            panic!()
        };
        let pooled = f
            .panels
            .iter()
            .flat_map(|p| &p.rows)
            .any(|r| r.kind == evidence_lens::chart::RowKind::Pooled);
        (f.footnote.unwrap_or_default(), pooled)
    };
    let (builtin_key, pooled) = footnote(&builtin(), Lang::En);
    assert!(!pooled);
    assert!(builtin_key.starts_with("Squares: studies"), "{builtin_key}");
    assert!(
        !builtin_key.contains("Diamond") && !builtin_key.contains("Dashed"),
        "{builtin_key}"
    );
    let (bcg_key, pooled) = footnote(&bcg(), Lang::Es);
    assert!(pooled);
    assert!(
        bcg_key
            .contains("Rombo: estimación combinada. Línea discontinua: intervalo de predicción."),
        "{bcg_key}"
    );
}

/// A forest row's numbers begin with an abbreviation ("HR 0.070 [0.020, 0.24]"): a tap's details
/// spell it out and say what it means, in the reader's language; a row of words explains none.
#[test]
fn a_forest_rows_details_explain_its_measure() {
    let data = builtin();
    for (lang, word, meaning) in [
        (
            Lang::En,
            "HR (hazard ratio)",
            "How often the outcome happens",
        ),
        (
            Lang::Es,
            "HR (cociente de riesgos instantáneos)",
            "El ritmo al que ocurre",
        ),
    ] {
        let scene = Scene::build(&data, &options(View::Forest, lang));
        let items = scene.items();
        let mist = items
            .iter()
            .find(|i| i.label.starts_with("MIST 2019") && i.value.starts_with("HR "))
            .expect("MIST's hazard ratio");
        assert_eq!(mist.glossary.len(), 1, "{:?}", mist.glossary);
        assert_eq!(mist.glossary[0].word, word);
        assert!(
            mist.glossary[0].meaning.starts_with(meaning),
            "{:?}",
            mist.glossary[0]
        );
        let pending = items
            .iter()
            .find(|i| i.label.starts_with("BEAT-MS"))
            .expect("BEAT-MS");
        assert!(pending.glossary.is_empty());
    }
}

/// The map's size axis makes room for its widest label: an imported review's 17,187-person trial
/// puts "100,000" at the top, which ran off a 390 px screen's left edge.
#[test]
fn the_maps_size_labels_fit_at_a_phones_width() {
    let review = evidence_lens::import::from_rm5(include_bytes!("data/fleiss1993.rm5"))
        .unwrap()
        .dataset;
    for width in [320, 390] {
        let (svg, _) = render(
            &review,
            &options(View::Map, Lang::En),
            width,
            1.0,
            ThemeName::Light,
        );
        let boxes = text_boxes(&svg);
        let top = boxes
            .iter()
            .find(|b| b.content == "100,000")
            .expect("the top tick");
        assert!(top.x0 >= 0.0, "{width} px: starts at {}", top.x0);
    }
}

/// Studies whose design the data do not give get a band of their own on the map, left of the
/// weakest design, instead of standing in the cohort band; and no label covers the size axis's
/// numbers (an imported review's crowded band had put "MRC-1" over "1,000").
#[test]
fn the_map_gives_designs_not_given_a_band_of_their_own() {
    let review = evidence_lens::import::from_rm5(include_bytes!("data/fleiss1993.rm5"))
        .unwrap()
        .dataset;
    let map = |data: &Dataset, width: u32| {
        render(
            data,
            &options(View::Map, Lang::En),
            width,
            1.0,
            ThemeName::Light,
        )
    };
    for width in [320, 390, 800] {
        let (svg, w) = map(&review, width);
        assert_clean(&svg, w, &format!("map of a review at {width}"));
        let boxes = text_boxes(&svg);
        let named =
            |name: &str| -> Vec<&TextBox> { boxes.iter().filter(|b| b.content == name).collect() };
        // In the legend, and under its band.
        let unstated = named("design not given");
        assert_eq!(unstated.len(), 2, "{width}");
        let cohort = named("cohort")[0];
        assert!(unstated[1].x1 < cohort.x0, "{width}");
        let isis = named("ISIS-2")[0];
        assert!(isis.x0 < cohort.x0, "{width}: ISIS-2 at {}", isis.x0);
    }
    // Data whose designs are all given have no such band.
    let svg = map(&builtin(), 390).0;
    assert!(!texts(&svg).iter().any(|t| t == "design not given"));
    // Every design has a mark of its own (a design not given had a case series' plus).
    let designs = evidence_lens::model::Design::ALL;
    for (i, a) in designs.iter().enumerate() {
        for b in &designs[i + 1..] {
            let shape = evidence_lens::chart::map::design_shape;
            assert_ne!(shape(*a), shape(*b), "{a:?} and {b:?}");
        }
    }
}
