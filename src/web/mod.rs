//! The browser glue: the only module that touches web-sys.
//!
//! A [`Widget`] owns two stacked canvases: the chart, drawn once per change of data,
//! options or size (a long one a window at a time, drawn again as the page scrolls), and
//! a transparent overlay on top, sized and placed over the highlighted item only, so hover
//! and keyboard focus cost one small redraw. The JS shell
//! (`www/evidence-lens.js`) creates it, hands it data and options, tells it the size to
//! draw at, and forwards pointer and keyboard input; everything else happens in the
//! pure core.
//!
//! Nothing here may panic on any input; every entry point returns a value or a
//! `JsError`. The shell still treats a trap as possible (it recreates the instance).

mod alloc;
pub mod measure;

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::appraise::{Appraisal, AppraiseOptions};
use crate::chart::citations;
use crate::chart::draw::Surface;
use crate::chart::{self, ViewOptions};
use crate::chart::{
    ApproxMeasure, ItemKey, Layout, Scene, TextMeasure, Theme, ThemeName, Windowed,
};
use crate::i18n::Lang;
use crate::model::{self, Dataset, Problem, Said};
use measure::CanvasMeasure;

/// The canvas takes font sizes as CSS pixels, which is what the views ask for.
impl Surface for CanvasBackend {
    const FONT_SCALE: f64 = 1.0;
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The interface strings of the shell in a language (`en`, `es`, `fr`; anything else
/// gives English), as `[[key, text], ...]`.
#[wasm_bindgen(js_name = uiStrings)]
pub fn ui_strings(lang: &str) -> JsValue {
    to_js(&crate::i18n::ui_strings(Lang::from_tag_or_default(lang)))
}

/// Whether the engine has the texts of `lang` (`en`, `es`, `fr`): a slim build
/// (`slim-catalogue`) has only English until the shell installs the reader's language.
#[wasm_bindgen(js_name = hasLanguage)]
pub fn has_language(lang: &str) -> bool {
    crate::i18n::has(Lang::from_tag_or_default(lang))
}

/// Installs a language's texts, a JSON object of key → text (`pkg/i18n/LANG.json`).
#[wasm_bindgen(js_name = installLanguage)]
pub fn install_language(lang: &str, json: &str) -> Result<(), JsError> {
    crate::i18n::install(Lang::from_tag_or_default(lang), json)
        .map_err(|e| JsError::new(&format!("the {lang} texts could not be read: {e}")))
}

/// A whole number with the language's digit grouping ("10,000", "10.000", "10 000"), for the
/// shell's counts: the first `Intl.NumberFormat` of a page costs ~20 ms, a tenth of a small
/// chart's first draw.
#[wasm_bindgen(js_name = formatCount)]
pub fn format_count(lang: &str, count: f64) -> String {
    crate::i18n::int(Lang::from_tag_or_default(lang), count.max(0.0) as u64)
}

/// What loading a dataset found, for the shell to show, in the reader's language.
#[derive(Serialize)]
struct LoadReport {
    ok: bool,
    studies: usize,
    errors: Vec<Said>,
    warnings: Vec<Said>,
}

/// A view's posters, and the text alternative they share (`Scene::description`: the view in
/// words, without the summary's sentence about the table, which a picture has not).
#[derive(Serialize)]
struct Posters {
    alt: String,
    files: Vec<Poster>,
}

/// One of a view's posters: its file name (`narrow-light.svg`…), CSS width, theme and SVG.
#[derive(Serialize)]
struct Poster {
    name: String,
    width: u32,
    theme: &'static str,
    svg: String,
}

/// A value for the shell, through JSON text: every type is serialized by serde_json alone (a
/// second serializer, serde-wasm-bindgen, compiled each type's serialization again), and for
/// 10,000 rows JSON.parse is several times faster than building every object field by field
/// across the boundary.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .unwrap_or(JsValue::NULL)
}

/// The height in device pixels a scene is drawn at: all it needs, up to the canvas limit.
fn chart_height(scene: &Scene, width: f64, theme: &Theme) -> f64 {
    scene
        .preferred_height(width, theme)
        .ceil()
        .clamp(1.0, crate::chart::forest::MAX_HEIGHT_PX)
}

/// Places a canvas over the chart: `origin` and `size` in device pixels, written as CSS
/// pixels (a width of `None` is left to the style sheet).
fn place(
    canvas: &HtmlCanvasElement,
    (x, y): (f64, f64),
    (width, height): (Option<f64>, f64),
    dpr: f64,
) -> Result<(), JsError> {
    let style = canvas.style();
    let sizes = [
        ("left", Some(x)),
        ("top", Some(y)),
        ("width", width),
        ("height", Some(height)),
    ];
    for (property, px) in sizes {
        if let Some(px) = px {
            style
                .set_property(property, &format!("{}px", px / dpr))
                .map_err(|_| JsError::new("a canvas cannot be placed"))?;
        }
    }
    Ok(())
}

fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| JsError::new("this browser cannot draw on a canvas"))
}

#[wasm_bindgen]
pub struct Widget {
    canvas: HtmlCanvasElement,
    overlay: Option<HtmlCanvasElement>,
    measure: CanvasMeasure,
    dataset: Option<Dataset>,
    options: ViewOptions,
    theme: ThemeName,
    /// The scene for the current data and options, built once per change.
    scene: Option<Scene>,
    /// The scene's height in device pixels at the width and scale it was last laid out at:
    /// `resize` and every window's `draw` ask for it, and a long forest's layout is not free.
    /// Forgotten when a scene is built or changed.
    height: Option<((u64, u64), f64)>,
    dpr: f64,
    css_width: f64,
    /// The part of the chart to keep drawn, `(top, height)` in CSS pixels; all of it if `None`.
    window: Option<(f64, f64)>,
    /// The whole chart's size in device pixels, as last drawn.
    chart_px: (f64, f64),
    layout: Layout,
    highlight: Option<String>,
    /// The appraisal of the shown data, made only when a statement is first asked for (the
    /// scene keeps none); dropped with the scene.
    appraisal: Option<Appraisal>,
}

#[wasm_bindgen]
impl Widget {
    /// A widget drawing on `canvas`, with hover and focus drawn on `overlay` (a
    /// transparent canvas stacked on top) when given, else on the chart itself.
    #[wasm_bindgen(constructor)]
    pub fn new(
        canvas: HtmlCanvasElement,
        overlay: Option<HtmlCanvasElement>,
    ) -> Result<Widget, JsError> {
        let context = context_2d(&canvas)?;
        if let Some(o) = &overlay {
            context_2d(o)?;
        }
        let theme = Theme::new(ThemeName::Light, 1.0);
        Ok(Widget {
            canvas,
            overlay,
            measure: CanvasMeasure::new(context, theme.font_family),
            dataset: None,
            options: ViewOptions::default(),
            theme: ThemeName::Light,
            scene: None,
            height: None,
            dpr: 1.0,
            css_width: 600.0,
            window: None,
            chart_px: (0.0, 0.0),
            layout: Layout::default(),
            highlight: None,
            appraisal: None,
        })
    }

    /// Loads a JSON dataset; returns `{ok, studies, errors, warnings}`, the problems said in
    /// `lang` (the reader's: the editor's list and a failure's message are shown in the page).
    #[wasm_bindgen(js_name = loadJson)]
    pub fn load_json(&mut self, bytes: &[u8], lang: &str) -> JsValue {
        self.take(Dataset::from_json(bytes), lang)
    }

    /// Loads the JSON that the converter (`import-wasm/`) made of a CSV table or a review: as
    /// `loadJson`, but bounded by the source's own limits rather than by a download's byte limit
    /// (see `model::parse_converted_json`).
    #[wasm_bindgen(js_name = loadConverted)]
    pub fn load_converted(&mut self, bytes: &[u8], lang: &str) -> JsValue {
        self.take(model::parse_converted_json(bytes), lang)
    }

    fn take(&mut self, parsed: model::Parsed, lang: &str) -> JsValue {
        self.dataset = parsed.dataset;
        self.highlight = None;
        self.scene = None;
        self.appraisal = None;
        self.layout = Layout::default();
        to_js(&LoadReport {
            ok: self.dataset.is_some(),
            studies: self.dataset.as_ref().map_or(0, |d| d.studies.len()),
            errors: Problem::said_all(&parsed.errors, Lang::from_tag_or_default(lang)),
            warnings: Problem::said_all(&parsed.warnings, Lang::from_tag_or_default(lang)),
        })
    }

    /// Sets what to show from a plain object `{view, outcome, lang, sort, filters:
    /// {condition, therapy, route, design, kind}}` (see `chart::ViewOptions`;
    /// each filter takes one value or a list) and the theme (`light` or `dark`).
    /// Unknown names and values are reported, not ignored.
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&mut self, options: JsValue, theme: &str) -> Result<(), JsError> {
        // Through JSON text, read as a dataset is: every field seen, a typo named with its path.
        let json = js_sys::JSON::stringify(&options)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| JsError::new("invalid options: not a plain object"))?;
        let options = ViewOptions::from_json(&json)
            .map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
        let theme: ThemeName = if theme.is_empty() {
            ThemeName::Light
        } else {
            theme.parse().map_err(|e: String| JsError::new(&e))?
        };
        if options != self.options {
            self.options = options;
            self.scene = None;
            self.appraisal = None;
        }
        self.theme = theme;
        Ok(())
    }

    /// The values the filters can take in the loaded data, for the shell's menus, named in
    /// `lang` (the reader's, which the options may not have yet):
    /// `{conditions, therapies, routes: [{value, name}], designs, kinds, outcomes: [{id, name}],
    /// views, sorts}`.
    pub fn facets(&self, lang: &str) -> JsValue {
        to_js(&crate::chart::facets::facets(
            self.dataset.as_ref(),
            Lang::from_tag_or_default(lang),
        ))
    }

    /// The theme for the canvases, which show the widget's CSS background through.
    fn theme(&self) -> Theme {
        Theme {
            paint_background: false,
            ..Theme::new(self.theme, self.dpr)
        }
    }

    fn ensure_scene(&mut self) -> &Scene {
        if self.scene.is_none() {
            self.height = None;
        }
        let (dataset, options) = (&self.dataset, &self.options);
        self.scene.get_or_insert_with(|| {
            let empty = Dataset::default();
            Scene::build(dataset.as_ref().unwrap_or(&empty), options)
        })
    }

    /// The height in device pixels the scene needs at `width` (see [`chart_height`]), laid out
    /// again only for another width or scale.
    fn scene_height(&mut self, width: f64, theme: &Theme) -> f64 {
        // A scene built now forgets the height of the one before.
        self.ensure_scene();
        let key = (width.to_bits(), theme.scale.to_bits());
        match self.height {
            Some((at, height)) if at == key => height,
            _ => {
                let height = chart_height(self.ensure_scene(), width, theme);
                self.height = Some((key, height));
                height
            }
        }
    }

    /// Lays the scene out as its poster, or as the chart again (see `Scene::set_poster`); the
    /// height kept for the one is not the other's.
    fn set_poster(&mut self, poster: bool) {
        self.ensure_scene();
        if let Some(scene) = &mut self.scene {
            scene.set_poster(poster);
        }
        self.height = None;
    }

    /// The scene, taken out so it can be drawn while `self` is borrowed mutably; give it
    /// back with `self.scene = Some(scene)` (a scene lost to an error is simply rebuilt).
    /// Cloning it instead doubled the memory and time of every draw of a large dataset.
    fn take_scene(&mut self) -> Scene {
        self.ensure_scene();
        self.scene
            .take()
            .unwrap_or_else(|| Scene::build(&Dataset::default(), &self.options))
    }

    /// Sets the size to draw at; returns the height in CSS pixels the view needs.
    pub fn resize(&mut self, css_width: f64, dpr: f64) -> f64 {
        self.css_width = if css_width.is_finite() {
            css_width.clamp(200.0, 8000.0)
        } else {
            600.0
        };
        self.dpr = if dpr.is_finite() && dpr > 0.0 {
            dpr.clamp(1.0, 4.0)
        } else {
            1.0
        };
        let theme = self.theme();
        let width = (self.css_width * self.dpr).round();
        (self.scene_height(width, &theme) / theme.scale).ceil()
    }

    /// Sets the part of the chart to keep drawn, in CSS pixels from its top: a long chart
    /// is drawn a window at a time (see `chart::window`). A height of zero or less, or one
    /// that is not finite, means all of it. Takes effect at the next `draw`.
    #[wasm_bindgen(js_name = setWindow)]
    pub fn set_window(&mut self, top: f64, height: f64) {
        self.window =
            (top.is_finite() && height.is_finite() && height > 0.0).then(|| (top.max(0.0), height));
    }

    /// Draws the current view at the size given to `resize`, the window given to `setWindow`
    /// of it: the chart canvas gets a backing store of the window's CSS size × device pixel
    /// ratio and is placed over that part of the chart.
    pub fn draw(&mut self) -> Result<(), JsError> {
        let theme = self.theme();
        let width = (self.css_width * self.dpr).round();
        let (canvas, window, dpr) = (self.canvas.clone(), self.window, self.dpr);
        let inline_highlight = if self.overlay.is_none() {
            self.highlight.clone()
        } else {
            None
        };
        let (layout, height) = self.draw_scene(
            &theme,
            width,
            inline_highlight.as_deref(),
            None,
            |w, height| {
                let height = height as f64;
                let (top, shown) = match window {
                    Some((top, window)) => {
                        let top = (top * dpr).round().min(height - 1.0);
                        (top, (window * dpr).round().clamp(1.0, height - top))
                    }
                    None => (0.0, height),
                };
                // The width is left to the style sheet (100%), which also fits containers
                // narrower than the narrowest layout.
                place(&canvas, (0.0, top), (None, shown), dpr)?;
                // Setting a canvas's size clears it by reallocating its backing store, even
                // when the size is unchanged; clearing is cheaper then.
                let shown_px = shown as u32;
                if canvas.width() != w || canvas.height() != shown_px {
                    canvas.set_width(w);
                    canvas.set_height(shown_px);
                } else {
                    context_2d(&canvas)?.clear_rect(0.0, 0.0, w as f64, shown);
                }
                let backend = CanvasBackend::with_canvas_object(canvas)
                    .ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
                Ok(Windowed::new(backend, top as u32, height as u32))
            },
        )?;
        self.layout = layout;
        self.chart_px = (width, height);
        if self
            .highlight
            .as_ref()
            .is_some_and(|k| !self.layout.hits.iter().any(|h| &h.key == k))
        {
            self.highlight = None;
        }
        self.draw_overlay()
    }

    /// Redraws only the overlay: the highlighted item, or nothing. The overlay covers just
    /// the item's focus ring (it is sized and placed over it): a transparent canvas as tall
    /// as a long forest cost as much to allocate, clear and composite as the chart itself,
    /// about a quarter of the first chart's time at 2,000 studies.
    fn draw_overlay(&self) -> Result<(), JsError> {
        let Some(overlay) = &self.overlay else {
            return Ok(());
        };
        let theme = self.theme();
        let chart = self.chart_px;
        let key = self.highlight.as_deref();
        let region = key.and_then(|key| Scene::highlight_box(&theme, &self.layout, key, chart));
        let [x0, y0, x1, y1] = region.unwrap_or_default();
        let (width, height) = ((x1 - x0).max(0.0), (y1 - y0).max(0.0));
        place(overlay, (x0, y0), (Some(width), height), self.dpr)?;
        let (width, height) = (width as u32, height as u32);
        if overlay.width() != width || overlay.height() != height {
            overlay.set_width(width);
            overlay.set_height(height);
        } else {
            context_2d(overlay)?.clear_rect(0.0, 0.0, width as f64, height as f64);
        }
        let (Some(key), true) = (key, width > 0 && height > 0) else {
            return Ok(());
        };
        let backend = CanvasBackend::with_canvas_object(overlay.clone())
            .ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
        let area = Windowed::whole(backend).into_drawing_area();
        Scene::draw_highlight(&area, &theme, &self.layout, key, chart, (x0, y0))
            .map_err(|e| JsError::new(&e.to_string()))?;
        area.present().map_err(|e| JsError::new(&e.to_string()))?;
        Ok(())
    }

    /// The key of the item at CSS pixel coordinates, without changing anything.
    #[wasm_bindgen(js_name = hitTest)]
    pub fn hit_test(&self, css_x: f64, css_y: f64) -> Option<String> {
        self.layout
            .hit_test(css_x * self.dpr, css_y * self.dpr)
            .map(|h| h.key.clone())
    }

    /// The key of the item at CSS pixel coordinates of the current view's poster drawn
    /// `css_width` px wide, as `posters()` draws it: what a reader tapped on the poster before
    /// the engine came, whatever the widget's own width (its lines wrap elsewhere).
    #[wasm_bindgen(js_name = posterHitTest)]
    pub fn poster_hit_test(
        &mut self,
        css_width: f64,
        css_x: f64,
        css_y: f64,
    ) -> Result<Option<String>, JsError> {
        self.set_poster(true);
        let drawn = self.svg_and_layout_at(css_width, self.theme, Some(&ApproxMeasure));
        self.set_poster(false);
        let (_, layout) = drawn?;
        Ok(layout.hit_test(css_x, css_y).map(|h| h.key.clone()))
    }

    /// The item under a pointer at CSS pixel coordinates; highlights it (overlay only)
    /// when it changed. Returns its key, or undefined.
    pub fn hover(&mut self, css_x: f64, css_y: f64) -> Result<Option<String>, JsError> {
        let key = self.hit_test(css_x, css_y);
        self.set_highlight(key.clone())?;
        Ok(key)
    }

    /// Highlights an item by key (keyboard focus, hover), or clears the highlight.
    /// Only the overlay is redrawn.
    #[wasm_bindgen(js_name = setHighlight)]
    pub fn set_highlight(&mut self, key: Option<String>) -> Result<(), JsError> {
        let key = key.filter(|k| self.layout.hits.iter().any(|h| &h.key == k));
        if key != self.highlight {
            self.highlight = key;
            if self.overlay.is_some() {
                self.draw_overlay()?;
            } else {
                self.draw()?;
            }
        }
        Ok(())
    }

    /// Where an item is, in CSS pixels: `{x, y, width, height}`, or undefined.
    pub fn bounds(&self, key: &str) -> JsValue {
        #[derive(Serialize)]
        struct Rect {
            x: f64,
            y: f64,
            width: f64,
            height: f64,
        }
        match self.layout.hits.iter().find(|h| h.key == key) {
            Some(h) => to_js(&Rect {
                x: h.x0 / self.dpr,
                y: h.y0 / self.dpr,
                width: (h.x1 - h.x0) / self.dpr,
                height: (h.y1 - h.y0) / self.dpr,
            }),
            None => JsValue::UNDEFINED,
        }
    }

    /// The keys of the items in drawing order, for keyboard navigation.
    pub fn keys(&self) -> Vec<String> {
        let mut seen = foldhash::HashSet::default();
        self.layout
            .hits
            .iter()
            .filter(|h| seen.insert(h.key.as_str()))
            .map(|h| h.key.clone())
            .collect()
    }

    /// Every item of the current view as plain data (for CSV), each with its study's
    /// citation links (http(s) only) and caveats.
    pub fn items(&mut self) -> JsValue {
        self.items_in(0, usize::MAX)
    }

    /// The items `from..to` of the current view, as [`Widget::items`] gives them: the table
    /// asks for a page at a time, as making all 10,000 of a long forest took a tenth of its
    /// first chart.
    #[wasm_bindgen(js_name = itemsIn)]
    pub fn items_in(&mut self, from: usize, to: usize) -> JsValue {
        let items = self.ensure_scene().items_in(from..to);
        let lang = self.options.lang;
        to_js(&citations::enrich(self.dataset.as_ref(), items, lang))
    }

    /// The item with this key (for tooltips, details and `select` events), or null.
    pub fn item(&mut self, key: &str) -> JsValue {
        let Some(item) = self.ensure_scene().item(key) else {
            return JsValue::NULL;
        };
        // As a list of one: a second serializer for a lone row would cost 2 KB of wasm.
        let lang = self.options.lang;
        let rows = to_js(&citations::enrich(self.dataset.as_ref(), vec![item], lang));
        rows.dyn_ref::<js_sys::Array>()
            .map_or(JsValue::NULL, |rows| rows.get(0))
    }

    /// The appraisal's plain-language statement about an item, what its numbers mean in words
    /// ("AHSCT probably reduces disability progression…"), for the shell's announcements and
    /// details, in the reader's language: for a study's outcome (`study/outcome`) or a pooled body
    /// (`pooled/id`: its outcome, and its treatment where two treatments share it), else undefined.
    /// A summary answer and a claim have none: their items already say it (the answer's headline,
    /// the claim's verdict in words), and said again a reader hears it twice. The first call after
    /// a change of data or options appraises the shown data once (as the scene did).
    pub fn statement(&mut self, key: &str) -> Option<String> {
        let key = ItemKey::parse(key);
        // Checked before the appraisal, which a tap on an answer or a claim need not make.
        if matches!(key, ItemKey::Answer(_) | ItemKey::Claim(_)) {
            return None;
        }
        let (dataset, options) = (&self.dataset, &self.options);
        let appraisal = self.appraisal.get_or_insert_with(|| {
            let empty = Dataset::default();
            let filtered = options.filtered(dataset.as_ref().unwrap_or(&empty));
            let appraise = options.appraise_options(&AppraiseOptions::default());
            crate::appraise::appraise(&filtered, &appraise)
        });
        let statement = match key {
            ItemKey::Pooled(id) => appraisal
                .pooled
                .iter()
                .find(|p| p.refused.is_none() && p.id == id)
                .map(|p| &p.statement),
            ItemKey::Study(key) => appraisal
                .outcomes
                .iter()
                .find(|o| {
                    key.strip_prefix(o.study.as_str())
                        .and_then(|rest| rest.strip_prefix('/'))
                        == Some(o.outcome.as_str())
                })
                .map(|o| &o.statement),
            ItemKey::Answer(_) | ItemKey::Claim(_) => None,
        };
        statement.filter(|s| !s.trim().is_empty()).cloned()
    }

    /// Whether the options ask for an outcome the loaded data do not have (by id, name or
    /// pooled body): the editor's list says so.
    #[wasm_bindgen(js_name = outcomeUnknown)]
    pub fn outcome_unknown(&self) -> bool {
        self.dataset
            .as_ref()
            .is_some_and(|d| self.options.asks_unknown_outcome(d))
    }

    /// How many items the current view has.
    #[wasm_bindgen(js_name = itemCount)]
    pub fn item_count(&mut self) -> usize {
        self.ensure_scene().item_count()
    }

    /// Whether any item of the current view has a certainty rating (the table shows that
    /// column only then).
    #[wasm_bindgen(js_name = itemsHaveCertainty)]
    pub fn items_have_certainty(&mut self) -> bool {
        self.ensure_scene().items_have_certainty()
    }

    /// A text summary of the current view in the options' language, for the
    /// canvas's accessible name.
    pub fn summary(&mut self) -> String {
        let lang = self.options.lang;
        self.ensure_scene().summary(lang)
    }

    /// The citations of the studies in the current view: `[{key, label, text, links: [{kind, url}]}]`.
    pub fn citations(&mut self) -> JsValue {
        let items = self.ensure_scene().items();
        to_js(&citations::citations(
            self.dataset.as_ref(),
            &items,
            self.options.lang,
        ))
    }

    /// The current view as an SVG document at the current CSS width (1 unit = 1 CSS px).
    #[wasm_bindgen(js_name = toSvg)]
    pub fn to_svg(&mut self) -> Result<String, JsError> {
        self.svg_at(self.css_width, self.theme, None)
    }

    /// The current view's posters, `{alt, files: [{name, width, theme, svg}]}`
    /// (`chart::poster_files`: each width band in each theme), for the `poster` attribute of a
    /// snippet that shows this view and its fallback picture.
    pub fn posters(&mut self) -> Result<JsValue, JsError> {
        let mut files = Vec::new();
        self.set_poster(true);
        let drawn = chart::poster_files().try_for_each(|(name, width, theme)| {
            // Measured with the estimate, as `render --poster` does: readers' fonts are not the
            // editor's, and the lines were broken with the estimate anyway.
            let svg = self.svg_at(width as f64, theme, Some(&ApproxMeasure))?;
            let theme = theme.as_str();
            files.push(Poster {
                name,
                width,
                theme,
                svg,
            });
            Ok::<_, JsError>(())
        });
        self.set_poster(false);
        drawn?;
        let lang = self.options.lang;
        let alt = self.ensure_scene().description(lang);
        Ok(to_js(&Posters { alt, files }))
    }

    /// The current view as an SVG document `css_width` CSS px wide, in `theme`, its text
    /// measured by `measure` (the canvas's when `None`).
    fn svg_at(
        &mut self,
        css_width: f64,
        theme: ThemeName,
        measure: Option<&dyn TextMeasure>,
    ) -> Result<String, JsError> {
        self.svg_and_layout_at(css_width, theme, measure)
            .map(|(svg, _)| crate::chart::svg::tidy(&svg))
    }

    /// As [`Self::svg_at`], untidied, with where everything ended up (in CSS pixels): the
    /// poster's hit test needs only the layout.
    fn svg_and_layout_at(
        &mut self,
        css_width: f64,
        theme: ThemeName,
        measure: Option<&dyn TextMeasure>,
    ) -> Result<(String, Layout), JsError> {
        let theme = Theme::new(theme, 1.0);
        let mut svg = String::new();
        let (layout, _) =
            self.draw_scene(&theme, css_width.round().max(1.0), None, measure, |w, h| {
                Ok(SVGBackend::with_string(&mut svg, (w, h)))
            })?;
        Ok((svg, layout))
    }

    /// Draws the whole current view, with its background, on `canvas` at the current size
    /// and pixel ratio: the image `toPNG` saves (the widget's own canvas may hold only a
    /// window of a long chart).
    #[wasm_bindgen(js_name = drawImage)]
    pub fn draw_image(&mut self, canvas: HtmlCanvasElement) -> Result<(), JsError> {
        let theme = Theme::new(self.theme, self.dpr);
        let width = (self.css_width * self.dpr).round();
        self.draw_scene(&theme, width, None, None, |w, h| {
            canvas.set_width(w);
            canvas.set_height(h);
            CanvasBackend::with_canvas_object(canvas)
                .map(Windowed::whole)
                .ok_or_else(|| JsError::new("the canvas has no 2D context"))
        })?;
        Ok(())
    }

    /// Draws the current view `width` pixels wide on a surface `surface` makes for it, given
    /// the width and the whole chart's height in pixels; returns the layout and that height.
    /// The scene is kept for the next draw whatever happens.
    fn draw_scene<DB: Surface>(
        &mut self,
        theme: &Theme,
        width: f64,
        highlight: Option<&str>,
        measure: Option<&dyn TextMeasure>,
        surface: impl FnOnce(u32, u32) -> Result<DB, JsError>,
    ) -> Result<(Layout, f64), JsError> {
        let height = self.scene_height(width, theme);
        let scene = self.take_scene();
        let measure = measure.unwrap_or(&self.measure);
        let drawn = surface(width as u32, height as u32).and_then(|surface| {
            let area = surface.into_drawing_area();
            let layout = scene
                .draw(&area, theme, measure, highlight)
                .map_err(|e| JsError::new(&e.to_string()))?;
            area.present().map_err(|e| JsError::new(&e.to_string()))?;
            Ok(layout)
        });
        self.scene = Some(scene);
        Ok((drawn?, height))
    }

    /// Traps on purpose, so that the shell's recovery from a crashed instance can be
    /// tested end to end. The shell never calls it.
    #[doc(hidden)]
    #[wasm_bindgen(js_name = __testPanic)]
    pub fn test_panic(&mut self) {
        panic!("deliberate panic to test the shell's recovery");
    }
}
