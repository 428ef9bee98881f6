//! The browser glue: the only module that touches web-sys.
//!
//! A [`Widget`] owns one canvas. The JS shell (`www/evidence-lens.js`) creates it,
//! hands it data and options, tells it the size to draw at, and forwards pointer and
//! keyboard input; everything else happens in the pure core.

mod measure;

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::build::ViewOptions;
use crate::chart::{Layout, Scene, Theme, ThemeName};
use crate::model::{self, Dataset, Problem};
use measure::CanvasMeasure;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// What loading a dataset found, for the shell to show.
#[derive(Serialize)]
struct LoadReport {
    ok: bool,
    studies: usize,
    errors: Vec<ProblemJs>,
    warnings: Vec<ProblemJs>,
}

#[derive(Serialize)]
struct ProblemJs {
    path: String,
    message: String,
}

fn problems_js(list: &[Problem]) -> Vec<ProblemJs> {
    list.iter().map(|p| ProblemJs { path: p.path.clone(), message: p.message.clone() }).collect()
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

#[wasm_bindgen]
pub struct Widget {
    canvas: HtmlCanvasElement,
    measure: CanvasMeasure,
    dataset: Option<Dataset>,
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
    options: ViewOptions,
    theme: ThemeName,
    dpr: f64,
    css_width: f64,
    layout: Layout,
    highlight: Option<String>,
}

#[wasm_bindgen]
impl Widget {
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement) -> Result<Widget, JsError> {
        let context: CanvasRenderingContext2d = canvas
            .get_context("2d")
            .map_err(|_| JsError::new("this browser cannot draw on a canvas"))?
            .ok_or_else(|| JsError::new("this browser cannot draw on a canvas"))?
            .dyn_into()
            .map_err(|_| JsError::new("this browser cannot draw on a canvas"))?;
        let theme = Theme::new(ThemeName::Light, 1.0);
        Ok(Widget {
            canvas,
            measure: CanvasMeasure::new(context, theme.font_family),
            dataset: None,
            errors: Vec::new(),
            warnings: Vec::new(),
            options: ViewOptions::default(),
            theme: ThemeName::Light,
            dpr: 1.0,
            css_width: 600.0,
            layout: Layout::default(),
            highlight: None,
        })
    }

    /// Loads the built-in multiple sclerosis dataset.
    #[wasm_bindgen(js_name = loadBuiltin)]
    pub fn load_builtin(&mut self) -> JsValue {
        self.take(model::parse_json(model::BUILTIN_JSON.as_bytes()))
    }

    /// Loads a JSON dataset; returns `{ok, studies, errors, warnings}`.
    #[wasm_bindgen(js_name = loadJson)]
    pub fn load_json(&mut self, bytes: &[u8]) -> JsValue {
        self.take(model::parse_json(bytes))
    }

    /// Loads a CSV table (one row per study-outcome).
    #[wasm_bindgen(js_name = loadCsv)]
    pub fn load_csv(&mut self, bytes: &[u8]) -> JsValue {
        self.take(model::parse_csv(bytes))
    }

    fn take(&mut self, parsed: model::Parsed) -> JsValue {
        self.dataset = parsed.dataset;
        self.errors = parsed.errors;
        self.warnings = parsed.warnings;
        self.highlight = None;
        to_js(&LoadReport {
            ok: self.dataset.is_some(),
            studies: self.dataset.as_ref().map_or(0, |d| d.studies.len()),
            errors: problems_js(&self.errors),
            warnings: problems_js(&self.warnings),
        })
    }

    /// Sets what to show: `view` (forest), `outcome` (an outcome id or name, or empty
    /// for all) and `theme` (light or dark). Unknown values are reported, not ignored.
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&mut self, view: &str, outcome: &str, theme: &str) -> Result<(), JsError> {
        self.options = ViewOptions::parse(view, outcome).map_err(|e| JsError::new(&e))?;
        self.theme = theme.parse().map_err(|e: String| JsError::new(&e))?;
        Ok(())
    }

    /// Sets the size to draw at; returns the height in CSS pixels the view needs.
    pub fn resize(&mut self, css_width: f64, dpr: f64) -> f64 {
        self.css_width = if css_width.is_finite() { css_width.clamp(200.0, 8000.0) } else { 600.0 };
        self.dpr = if dpr.is_finite() && dpr > 0.0 { dpr.clamp(1.0, 4.0) } else { 1.0 };
        let theme = Theme::new(self.theme, self.dpr);
        self.scene().preferred_height(self.css_width * self.dpr, &theme) / self.dpr
    }

    fn scene(&self) -> Scene {
        match &self.dataset {
            Some(dataset) => Scene::build(dataset, &self.options),
            None => Scene::build(&Dataset::default(), &self.options),
        }
    }

    /// Draws the current view at the size given to `resize`.
    pub fn draw(&mut self) -> Result<(), JsError> {
        let theme = Theme::new(self.theme, self.dpr);
        let scene = self.scene();
        let width = (self.css_width * self.dpr).round();
        let height = scene.preferred_height(width, &theme).ceil();
        self.canvas.set_width(width as u32);
        self.canvas.set_height(height as u32);
        let backend = CanvasBackend::with_canvas_object(self.canvas.clone()).ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
        let area = backend.into_drawing_area();
        self.layout = scene.draw(&area, &theme, &self.measure, self.highlight.as_deref()).map_err(|e| JsError::new(&e.to_string()))?;
        area.present().map_err(|e| JsError::new(&e.to_string()))?;
        Ok(())
    }

    /// The item under a pointer at CSS pixel coordinates; highlights it and redraws
    /// when it changed. Returns its key, or undefined.
    pub fn hover(&mut self, css_x: f64, css_y: f64) -> Result<Option<String>, JsError> {
        let key = self.layout.hit_test(css_x * self.dpr, css_y * self.dpr).map(|h| h.key.clone());
        self.set_highlight(key.clone())?;
        Ok(key)
    }

    /// Highlights an item by key (keyboard focus), or clears the highlight.
    #[wasm_bindgen(js_name = setHighlight)]
    pub fn set_highlight(&mut self, key: Option<String>) -> Result<(), JsError> {
        if key != self.highlight {
            self.highlight = key;
            self.draw()?;
        }
        Ok(())
    }

    /// The keys of the items in drawing order, for keyboard navigation.
    pub fn keys(&self) -> Vec<String> {
        self.layout.hits.iter().map(|h| h.key.clone()).collect()
    }

    /// The rows of the current view as plain data, for the accessible table.
    pub fn rows(&self) -> JsValue {
        to_js(&self.scene().items())
    }
}
