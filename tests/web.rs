//! Browser tests of the wasm glue: run with `wasm-pack test --headless --chrome` (and
//! `--firefox`). They draw on a real canvas and read its pixels back.
#![cfg(target_arch = "wasm32")]

use evidence_lens::web::Widget;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas() -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

/// Counts pixels that differ from the white background.
fn inked_pixels(canvas: &HtmlCanvasElement) -> usize {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64).unwrap().data();
    data.chunks(4).filter(|p| p[0] < 200 || p[1] < 200 || p[2] < 200).count()
}

#[wasm_bindgen_test]
fn builtin_dataset_draws_a_forest_on_the_canvas() {
    let canvas = canvas();
    let mut widget = Widget::new(canvas.clone()).unwrap();
    widget.load_builtin();
    widget.set_options("forest", "", "light").unwrap();
    let css_height = widget.resize(800.0, 1.0);
    widget.draw().unwrap();
    assert_eq!(canvas.width(), 800);
    assert!((canvas.height() as f64 - css_height).abs() <= 1.0, "canvas {} vs layout {css_height}", canvas.height());
    assert!(inked_pixels(&canvas) > 2_000, "the canvas is (nearly) blank");
    assert!(!widget.keys().is_empty(), "no rows to hover or focus");
}

#[wasm_bindgen_test]
fn device_pixel_ratio_scales_the_backing_store() {
    let canvas = canvas();
    let mut widget = Widget::new(canvas.clone()).unwrap();
    widget.load_builtin();
    let h1 = widget.resize(400.0, 1.0);
    let h2 = widget.resize(400.0, 2.0);
    widget.draw().unwrap();
    assert_eq!(canvas.width(), 800);
    assert!((h1 - h2).abs() < 2.0, "CSS height should not depend on the pixel ratio: {h1} vs {h2}");
}

#[wasm_bindgen_test]
fn hover_finds_the_row_under_the_pointer_and_nothing_outside() {
    let canvas = canvas();
    let mut widget = Widget::new(canvas.clone()).unwrap();
    widget.load_builtin();
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
    assert_eq!(found.len(), keys.iter().collect::<std::collections::BTreeSet<_>>().len());
}

#[wasm_bindgen_test]
fn unreadable_data_is_reported_not_thrown() {
    let canvas = canvas();
    let mut widget = Widget::new(canvas).unwrap();
    let report = widget.load_json(b"{ not json");
    let ok = js_sys::Reflect::get(&report, &"ok".into()).unwrap();
    assert_eq!(ok.as_bool(), Some(false));
    let errors = js_sys::Reflect::get(&report, &"errors".into()).unwrap();
    assert!(js_sys::Array::from(&errors).length() >= 1);
    assert!(widget.set_options("nonsense", "", "light").is_err());
}
