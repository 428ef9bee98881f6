//! Browser tests of the wasm glue: run with `wasm-pack test --headless --chrome` (and
//! `--firefox`). They draw on a real canvas and read its pixels back.
#![cfg(all(target_arch = "wasm32", feature = "widget"))]

use evidence_lens::web::Widget;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The built-in dataset, which the browser build downloads instead of compiling in.
const BUILTIN: &[u8] = include_bytes!("../src/data/ms-stem-cells.json");

fn canvas() -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

/// A widget on its own canvas with the built-in data, showing `view` in the light theme.
fn builtin_in(view: &str) -> Widget {
    let mut widget = Widget::new(canvas(), None).unwrap();
    widget.load_json(BUILTIN, "en");
    widget
        .set_options(options(&format!(r#"{{"view": "{view}"}}"#)), "light")
        .unwrap();
    widget
}

/// A two-row table as the table converter hands it over: its JSON of `study,ai,n1i,ci,n2i` with the
/// rows `A,1,10,3,10` and `B,2,20,5,20` and the measure RR (the widget has no CSV reader).
fn two_rows_converted() -> Vec<u8> {
    let study = |id: &str, [ai, n1i, ci, n2i]: [u32; 4]| {
        format!(
            r#"{{"id":"{id}","label":"{id}","citation":{{"text":"{id}"}},"source_kind":"paper",
            "condition":"","intervention":{{"therapy":""}},"design":"unknown","status":"completed",
            "outcomes":[{{"id":"main","name":"main","kind":"benefit","better":"lower",
            "data":{{"measure":"RR","ai":{ai},"ci":{ci},"n1i":{n1i},"n2i":{n2i}}},"status":"unverified"}}]}}"#
        )
    };
    format!(
        r#"{{"schema":"evidence-lens/1","studies":[{},{}],"claims":[]}}"#,
        study("A", [1, 10, 3, 10]),
        study("B", [2, 20, 5, 20])
    )
    .into_bytes()
}

/// Options as the shell sends them: a plain JS object.
fn options(json: &str) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// The canvas's RGBA bytes (none for an empty canvas).
fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    if canvas.width() == 0 || canvas.height() == 0 {
        return Vec::new();
    }
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    ctx.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64)
        .unwrap()
        .data()
        .0
}

/// Counts pixels a reader sees as ink: mostly opaque and not near white.
fn inked_pixels(canvas: &HtmlCanvasElement) -> usize {
    pixels(canvas)
        .chunks(4)
        .filter(|p| p[3] > 128 && (p[0] < 200 || p[1] < 200 || p[2] < 200))
        .count()
}

/// Counts pixels with any ink (alpha above zero) on a transparent canvas.
fn opaque_pixels(canvas: &HtmlCanvasElement) -> usize {
    pixels(canvas).chunks(4).filter(|p| p[3] > 0).count()
}

#[wasm_bindgen_test]
fn builtin_dataset_draws_a_forest_on_the_canvas() {
    let canvas = canvas();
    let mut widget = Widget::new(canvas.clone(), None).unwrap();
    widget.load_json(BUILTIN, "en");
    widget
        .set_options(options(r#"{"view": "forest"}"#), "light")
        .unwrap();
    let css_height = widget.resize(800.0, 1.0);
    widget.draw().unwrap();
    assert_eq!(canvas.width(), 800);
    assert!(
        (canvas.height() as f64 - css_height).abs() <= 1.0,
        "canvas {} vs layout {css_height}",
        canvas.height()
    );
    assert!(
        inked_pixels(&canvas) > 2_000,
        "the canvas is (nearly) blank"
    );
    assert!(!widget.keys().is_empty(), "no rows to hover or focus");
    // The widget's own background shows through the canvas; an SVG file gets it painted.
    assert_eq!(pixels(&canvas)[3], 0, "the canvas's corner is painted");
    let svg = widget.to_svg().unwrap();
    let first_shape = &svg[svg.find("<rect").unwrap()..];
    assert!(
        first_shape.starts_with("<rect x=\"0\" y=\"0\""),
        "{}",
        &first_shape[..80]
    );
    assert!(
        first_shape[..120].contains("fill=\"#FFFFFF\""),
        "{}",
        &first_shape[..120]
    );
}

#[wasm_bindgen_test]
fn device_pixel_ratio_scales_the_backing_store() {
    let canvas = canvas();
    let mut widget = Widget::new(canvas.clone(), None).unwrap();
    widget.load_json(BUILTIN, "en");
    let h1 = widget.resize(400.0, 1.0);
    let h2 = widget.resize(400.0, 2.0);
    widget.draw().unwrap();
    assert_eq!(canvas.width(), 800);
    assert!(
        (h1 - h2).abs() < 2.0,
        "CSS height should not depend on the pixel ratio: {h1} vs {h2}"
    );
}

#[wasm_bindgen_test]
fn hover_finds_the_row_under_the_pointer_and_nothing_outside() {
    let canvas = canvas();
    let mut widget = Widget::new(canvas.clone(), None).unwrap();
    widget.load_json(BUILTIN, "en");
    widget.resize(800.0, 1.0);
    widget.draw().unwrap();
    let keys = widget.keys();
    assert!(widget.hover(-10.0, -10.0).unwrap().is_none());
    // Scan down the middle of the canvas: every key must be reachable by pointer.
    let mut found = std::collections::BTreeSet::new();
    for y in 0..canvas.height() {
        if let Some(k) = widget.hover(400.0, y as f64).unwrap() {
            found.insert(k);
        }
    }
    assert_eq!(
        found.len(),
        keys.iter().collect::<std::collections::BTreeSet<_>>().len()
    );
}

#[wasm_bindgen_test]
fn unreadable_data_is_reported_not_thrown() {
    let canvas = canvas();
    let mut widget = Widget::new(canvas, None).unwrap();
    let report = widget.load_json(b"{ not json", "en");
    let ok = js_sys::Reflect::get(&report, &"ok".into()).unwrap();
    assert_eq!(ok.as_bool(), Some(false));
    let errors = js_sys::Reflect::get(&report, &"errors".into()).unwrap();
    assert!(js_sys::Array::from(&errors).length() >= 1);
    // Said in the reader's language: the editor's list and the failure are shown in the page.
    let mut message = |lang: &str| {
        let report = widget.load_json(b"{ not json", lang);
        let errors = js_sys::Reflect::get(&report, &"errors".into()).unwrap();
        let first = js_sys::Array::from(&errors).get(0);
        js_sys::Reflect::get(&first, &"message".into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    assert!(
        message("en").starts_with("line 1, column 3: invalid JSON"),
        "{}",
        message("en")
    );
    assert!(
        message("es").starts_with("línea 1, columna 3: JSON no válido"),
        "{}",
        message("es")
    );
    assert!(widget
        .set_options(options(r#"{"view": "nonsense"}"#), "light")
        .is_err());
    assert!(widget
        .set_options(options(r#"{"view": "forest", "typo": 1}"#), "light")
        .is_err());
    assert!(widget
        .set_options(options(r#"{"view": "forest"}"#), "purple")
        .is_err());
}

/// A `px` length from an element's inline style.
fn style_px(canvas: &HtmlCanvasElement, property: &str) -> f64 {
    let value = canvas.style().get_property_value(property).unwrap();
    value.trim_end_matches("px").parse().unwrap()
}

/// A JS value as JSON text, to compare values made by different calls.
fn json_text(value: &wasm_bindgen::JsValue) -> String {
    js_sys::JSON::stringify(value).unwrap().as_string().unwrap()
}

fn number(object: &wasm_bindgen::JsValue, field: &str) -> f64 {
    js_sys::Reflect::get(object, &field.into())
        .unwrap()
        .as_f64()
        .unwrap()
}

#[wasm_bindgen_test]
fn hover_redraws_only_the_overlay_over_the_item() {
    let chart = canvas();
    let overlay = canvas();
    let mut widget = Widget::new(chart.clone(), Some(overlay.clone())).unwrap();
    widget.load_json(BUILTIN, "en");
    // The forest's rows are small beside the chart (a summary card is a third of it).
    widget
        .set_options(options(r#"{"view": "forest"}"#), "light")
        .unwrap();
    widget.resize(800.0, 2.0);
    widget.draw().unwrap();
    assert_eq!(
        (overlay.width(), overlay.height()),
        (0, 0),
        "nothing highlighted, nothing to cover"
    );
    let before = inked_pixels(&chart);
    let keys = widget.keys();
    for key in [&keys[0], &keys[keys.len() / 2], &keys[keys.len() - 1]] {
        widget.set_highlight(Some(key.clone())).unwrap();
        assert_eq!(
            inked_pixels(&chart),
            before,
            "the chart itself must not change on hover"
        );
        assert!(opaque_pixels(&overlay) > 20, "no focus ring on the overlay");
        // The overlay covers the item (CSS pixels, backing store at the pixel ratio)
        // and not the whole chart.
        let item = widget.bounds(key);
        let (left, top) = (style_px(&overlay, "left"), style_px(&overlay, "top"));
        let (width, height) = (style_px(&overlay, "width"), style_px(&overlay, "height"));
        assert_eq!(overlay.width() as f64, width * 2.0);
        assert_eq!(overlay.height() as f64, height * 2.0);
        assert!(
            left <= number(&item, "x") && top <= number(&item, "y"),
            "{key}"
        );
        assert!(
            left + width >= number(&item, "x") + number(&item, "width"),
            "{key}"
        );
        assert!(
            top + height >= number(&item, "y") + number(&item, "height"),
            "{key}"
        );
        assert!(
            overlay.height() < chart.height() / 4,
            "the overlay is as tall as the chart"
        );
    }
    widget.set_highlight(None).unwrap();
    assert_eq!(
        opaque_pixels(&overlay),
        0,
        "clearing the highlight leaves nothing on the overlay"
    );
}

#[wasm_bindgen_test]
fn filters_views_svg_a_converted_table_and_citations() {
    let chart = canvas();
    let mut widget = Widget::new(chart, None).unwrap();
    widget.load_json(BUILTIN, "en");
    widget
        .set_options(options(r#"{"view": "forest"}"#), "light")
        .unwrap();
    widget.resize(800.0, 1.0);
    let all = js_sys::Array::from(&widget.items()).length();
    widget
        .set_options(
            options(r#"{"view": "forest", "filters": {"therapy": ["AHSCT"]}}"#),
            "dark",
        )
        .unwrap();
    widget.resize(800.0, 1.0);
    let some = js_sys::Array::from(&widget.items()).length();
    assert!(some > 0 && some < all, "{some} of {all}");
    for view in ["map", "harms", "claims", "funnel"] {
        widget
            .set_options(
                options(&format!(r#"{{"view": "{view}", "lang": "es"}}"#)),
                "light",
            )
            .unwrap();
        widget.resize(600.0, 2.0);
        widget.draw().unwrap();
        assert!(!widget.summary().is_empty());
    }
    widget
        .set_options(options(r#"{"view": "forest"}"#), "light")
        .unwrap();
    widget.resize(600.0, 1.0);
    let svg = widget.to_svg().unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    let citations = js_sys::Array::from(&widget.citations());
    assert!(citations.length() > 0);
    let report = widget.load_converted(&two_rows_converted(), "en");
    assert_eq!(
        js_sys::Reflect::get(&report, &"ok".into())
            .unwrap()
            .as_bool(),
        Some(true)
    );
    let strings = js_sys::Array::from(&evidence_lens::web::ui_strings("fr"));
    assert!(strings.length() > 10);
    // Counts as the interface's language writes them (English for languages it has not).
    let count = |lang: &str| evidence_lens::web::format_count(lang, 12345.0);
    assert_eq!(count("en"), "12,345");
    assert_eq!(count("es"), "12.345");
    assert_eq!(count("fr-CA"), "12\u{202F}345");
    assert_eq!(count("de"), "12,345");
}

#[wasm_bindgen_test]
fn the_table_gets_items_a_page_at_a_time_and_tooltips_one_by_key() {
    let mut widget = builtin_in("forest");
    widget.resize(800.0, 1.0);
    let all = js_sys::Array::from(&widget.items());
    assert_eq!(widget.item_count(), all.length() as usize);
    assert!(
        widget.items_have_certainty(),
        "the built-in forest is rated"
    );
    let page = js_sys::Array::from(&widget.items_in(2, 5));
    assert_eq!(page.length(), 3);
    assert_eq!(json_text(&page.get(0)), json_text(&all.get(2)));
    assert_eq!(json_text(&page.get(2)), json_text(&all.get(4)));
    let tail = js_sys::Array::from(&widget.items_in(all.length() as usize - 1, 1_000_000));
    assert_eq!(tail.length(), 1, "a range past the end is clamped");
    let third = all.get(3);
    let key = js_sys::Reflect::get(&third, &"key".into())
        .unwrap()
        .as_string()
        .unwrap();
    let item = widget.item(&key);
    assert_eq!(
        json_text(&item),
        json_text(&third),
        "with its study's links"
    );
    assert!(
        json_text(&item).contains("\"links\":[{"),
        "{}",
        json_text(&item)
    );
    assert!(widget.item("no such key").is_null());
}

#[wasm_bindgen_test]
fn an_item_finds_its_study_alone_as_among_all_even_when_ids_nest() {
    let mut widget = Widget::new(canvas(), None).unwrap();
    let study = |id: &str, doi: &str| {
        format!(
            r#"{{"id": "{id}", "label": "{id}", "citation": {{"text": "{id} et al.", "doi": "{doi}"}},
               "source_kind": "paper", "condition": "MS", "intervention": {{"therapy": "T"}}, "design": "rct",
               "outcomes": [{{"id": "o", "name": "O", "kind": "benefit", "better": "lower",
                              "data": {{"measure": "RR", "ai": 1, "n1i": 10, "ci": 3, "n2i": 10}}}}]}}"#
        )
    };
    // More items than a lone lookup's scan: `items()` goes through the index of all studies.
    let json = format!(
        r#"{{"schema": "evidence-lens/1", "studies": [{}, {}, {}, {}, {}]}}"#,
        study("a", "10.1000/short"),
        study("a/b", "10.1000/long"),
        study("c", "10.1000/c"),
        study("d", "10.1000/d"),
        study("e", "10.1000/e")
    );
    let report = widget.load_json(json.as_bytes(), "en");
    assert_eq!(number(&report, "studies"), 5.0);
    widget
        .set_options(options(r#"{"view": "forest"}"#), "light")
        .unwrap();
    widget.resize(600.0, 1.0);
    let all = js_sys::Array::from(&widget.items());
    assert!(all.length() > 4, "{} items", all.length());
    for key in ["a/o", "a/b/o"] {
        let alone = widget.item(key);
        let among = all
            .iter()
            .find(|i| {
                js_sys::Reflect::get(i, &"key".into())
                    .unwrap()
                    .as_string()
                    .as_deref()
                    == Some(key)
            })
            .expect(key);
        assert_eq!(json_text(&alone), json_text(&among), "{key}");
    }
    // The longest study id that prefixes the key is the item's study.
    assert!(json_text(&widget.item("a/b/o")).contains("10.1000/long"));
    assert!(json_text(&widget.item("a/o")).contains("10.1000/short"));
}

#[wasm_bindgen_test]
fn citation_links_are_canonical_https_and_nothing_else() {
    let mut widget = Widget::new(canvas(), None).unwrap();
    let json = br#"{"schema": "evidence-lens/1", "studies": [
      {"id": "a", "label": "A", "citation": {"text": "A et al.", "doi": "10.1000/xyz(1)", "pmid": "123456", "nct": "nct01234567"},
       "source_kind": "paper", "condition": "MS", "intervention": {"therapy": "T"}, "design": "rct",
       "outcomes": [{"id": "o", "name": "O", "kind": "benefit", "better": "lower", "data": {"measure": "RR", "ai": 1, "n1i": 10, "ci": 3, "n2i": 10}}]}
    ]}"#;
    let report = widget.load_json(json, "en");
    assert_eq!(
        js_sys::Reflect::get(&report, &"ok".into())
            .unwrap()
            .as_bool(),
        Some(true)
    );
    widget
        .set_options(options(r#"{"view": "forest"}"#), "light")
        .unwrap();
    widget.resize(600.0, 1.0);
    let citations = js_sys::Array::from(&widget.citations());
    assert_eq!(citations.length(), 1);
    let text = json_text(&citations);
    assert!(text.contains("https://doi.org/10.1000/xyz(1)"), "{text}");
    assert!(
        text.contains("https://pubmed.ncbi.nlm.nih.gov/123456/"),
        "{text}"
    );
    assert!(
        text.contains("https://clinicaltrials.gov/study/NCT01234567"),
        "{text}"
    );
}

#[wasm_bindgen_test]
fn text_measured_by_character_agrees_with_the_canvas() {
    use evidence_lens::chart::TextMeasure;
    use evidence_lens::web::measure::CanvasMeasure;
    let family = "Arial, Helvetica, Liberation Sans, sans-serif";
    let ctx: CanvasRenderingContext2d = canvas()
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let measure = CanvasMeasure::new(ctx.clone(), family);
    let whole = |text: &str, font: &str| {
        ctx.set_font(font);
        ctx.measure_text(text).unwrap().width()
    };
    for (text, px, bold) in [
        ("MIST (Burt 2019)", 13.0, false),
        ("0.35 [0.11, 1.08] · 41%", 12.0, false),
        ("Atkins 2016 – AHSCT, n = 24", 14.0, true),
        ("Ελληνικά Привет café", 13.0, false),
    ] {
        let font = format!("{} {px}px {family}", if bold { "bold" } else { "normal" });
        let expected = whole(text, &font);
        let got = measure.width(text, px, bold);
        assert!(
            (got - expected).abs() <= expected * 0.03 + 0.5,
            "{text}: {got} by character, {expected} whole"
        );
    }
    // Scripts whose letters join are measured whole.
    let arabic = "تجربة عشوائية";
    let font = format!("normal 13px {family}");
    assert_eq!(measure.width(arabic, 13.0, false), whole(arabic, &font));
}

#[wasm_bindgen_test]
fn statement_says_what_a_result_means_in_words() {
    let mut widget = builtin_in("forest");
    let statement = widget.statement("mist_2019/progression").unwrap();
    assert!(statement.contains("may reduce"), "{statement}");
    assert_eq!(widget.statement("no_such_study/outcome"), None);
    assert_eq!(widget.statement("claim/anything"), None);
    assert_eq!(widget.statement("answer/nothing"), None);
    // In the reader's language (the appraisal is made afresh after the options change).
    widget
        .set_options(options(r#"{"view": "forest", "lang": "es"}"#), "light")
        .unwrap();
    let es = widget.statement("mist_2019/progression").unwrap();
    assert!(es.contains("puede reducir"), "{es}");
    // A summary answer's and a claim's items say what they mean (the headline, the verdict in
    // words): a statement would say it a second time.
    assert_eq!(widget.statement("answer/AHSCT"), None);
    assert_eq!(widget.statement("claim/news_ahsct_halts_ms"), None);
    widget
        .set_options(
            options(r#"{"view": "forest", "filters": {"therapy": "MSC"}}"#),
            "light",
        )
        .unwrap();
    assert_eq!(
        widget.statement("mist_2019/progression"),
        None,
        "filtered out"
    );
    assert!(widget.statement("mesems_2021/ae_any").is_some());
}

/// Two treatments' bodies of one outcome are told apart by key (`pooled/outcome/treatment`), as
/// the forest names them, and each says its own treatment's statement.
#[wasm_bindgen_test]
fn each_treatments_pooled_body_has_its_own_key_and_statement() {
    let mut data: serde_json::Value =
        serde_json::from_slice(include_bytes!("data/aspirin-mi.json")).unwrap();
    for s in &mut data["studies"].as_array_mut().unwrap()[..2] {
        s["intervention"]["therapy"] = "clopidogrel".into();
    }
    let mut widget = Widget::new(canvas(), None).unwrap();
    widget.load_json(&serde_json::to_vec(&data).unwrap(), "en");
    widget
        .set_options(options(r#"{"view": "forest"}"#), "light")
        .unwrap();
    let clopidogrel = widget.statement("pooled/death/clopidogrel").unwrap();
    assert!(clopidogrel.starts_with("Clopidogrel "), "{clopidogrel}");
    let aspirin = widget.statement("pooled/death/aspirin").unwrap();
    assert!(aspirin.starts_with("Aspirin "), "{aspirin}");
    assert_eq!(widget.statement("pooled/death"), None);
}

#[wasm_bindgen_test]
fn posters_of_a_long_forest_show_its_first_screens_and_leave_the_chart_whole() {
    let studies: Vec<String> = (0..600)
        .map(|i| {
            format!(
                r#"{{"id": "t{i}", "label": "Trial {i}", "year": 2010, "citation": {{"text": "T"}}, "source_kind": "paper",
                "condition": "multiple sclerosis", "intervention": {{"therapy": "AHSCT"}}, "design": "rct", "n": 100,
                "outcomes": [{{"id": "prog", "name": "Disability progression", "kind": "benefit", "better": "lower", "status": "verified",
                "data": {{"measure": "HR", "estimate": 0.8, "ci_lb": 0.5, "ci_ub": 1.2}}}}]}}"#
            )
        })
        .collect();
    let json = format!(
        r#"{{"schema": "evidence-lens/1", "title": "Many", "studies": [{}]}}"#,
        studies.join(",")
    );
    let mut widget = Widget::new(canvas(), None).unwrap();
    widget.load_json(json.as_bytes(), "en");
    widget
        .set_options(options(r#"{"view": "forest"}"#), "light")
        .unwrap();
    let whole = widget.resize(800.0, 1.0);
    let posters = json_text(&widget.posters().unwrap());
    assert_eq!(
        posters
            .matches("more results in the interactive chart")
            .count(),
        4
    );
    for file in js_sys::Reflect::get(&widget.posters().unwrap(), &"files".into())
        .map(|f| js_sys::Array::from(&f))
        .unwrap()
        .iter()
    {
        let svg = js_sys::Reflect::get(&file, &"svg".into())
            .unwrap()
            .as_string()
            .unwrap();
        let height: f64 = svg["<svg width=\"".len()..]
            .split("height=\"")
            .nth(1)
            .and_then(|h| h.split('"').next())
            .and_then(|h| h.parse().ok())
            .unwrap();
        assert!(
            height <= 2_400.0 && height < whole / 2.0,
            "poster {height}, chart {whole}"
        );
    }
    // The chart itself is drawn whole again.
    assert_eq!(widget.resize(800.0, 1.0), whole);
    assert!(!widget
        .to_svg()
        .unwrap()
        .contains("in the interactive chart"));
}

#[wasm_bindgen_test]
fn the_height_follows_each_change_of_view_data_and_size() {
    let canvas = canvas();
    let mut widget = Widget::new(canvas.clone(), None).unwrap();
    widget.load_json(BUILTIN, "en");
    let drawn = |widget: &mut Widget, view: &str, width: f64| {
        widget
            .set_options(options(&format!(r#"{{"view": "{view}"}}"#)), "light")
            .unwrap();
        let height = widget.resize(width, 1.0);
        widget.draw().unwrap();
        assert!(
            (canvas.height() as f64 - height).abs() <= 1.0,
            "{view} at {width}: canvas {} against {height}",
            canvas.height()
        );
        height
    };
    let forest = drawn(&mut widget, "forest", 800.0);
    let claims = drawn(&mut widget, "claims", 800.0);
    assert_ne!(forest, claims);
    assert_eq!(drawn(&mut widget, "forest", 800.0), forest);
    assert!(
        drawn(&mut widget, "forest", 400.0) > forest,
        "narrower is taller"
    );
    widget.load_converted(&two_rows_converted(), "en");
    assert!(drawn(&mut widget, "forest", 800.0) < forest, "two studies");
}

#[wasm_bindgen_test]
fn a_tap_on_the_poster_is_found_where_the_poster_drew_it() {
    let mut widget = builtin_in("summary");
    // A phone's widget is narrower than the 390 px poster, so its own lines wrap elsewhere.
    let height = widget.resize(340.0, 1.0);
    let keys: Vec<String> = (0..80)
        .filter_map(|i| {
            widget
                .poster_hit_test(390.0, 195.0, i as f64 * 20.0)
                .unwrap()
        })
        .collect();
    for answer in ["answer/AHSCT", "answer/MSC-NP", "answer/MSC"] {
        assert!(keys.iter().any(|k| k == answer), "{answer} in {keys:?}");
    }
    // The narrow poster's MSC-NP card holds its main benefit 800 px down.
    assert_eq!(
        widget
            .poster_hit_test(390.0, 195.0, 800.0)
            .unwrap()
            .as_deref(),
        Some("answer/MSC-NP")
    );
    // The chart is left as it was, not in the poster's form.
    assert_eq!(widget.resize(340.0, 1.0), height);
}
