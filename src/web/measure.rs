//! Text measurement with the canvas context, cached, so that laying out hundreds of
//! labels does not force a DOM layout per string (plotters' own estimate does).

use std::cell::RefCell;
use std::collections::HashMap;

use web_sys::CanvasRenderingContext2d;

use crate::chart::TextMeasure;

pub struct CanvasMeasure {
    context: CanvasRenderingContext2d,
    family: &'static str,
    cache: RefCell<HashMap<(String, u32, bool), f64>>,
}

impl CanvasMeasure {
    pub fn new(context: CanvasRenderingContext2d, family: &'static str) -> Self {
        CanvasMeasure {
            context,
            family,
            cache: RefCell::new(HashMap::new()),
        }
    }
}

/// Entries kept before the cache is emptied; labels repeat, so this is rarely reached.
const CACHE_LIMIT: usize = 20_000;

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, font_px: f64, bold: bool) -> f64 {
        let key = (text.to_string(), (font_px * 4.0).round() as u32, bold);
        if let Some(w) = self.cache.borrow().get(&key) {
            return *w;
        }
        self.context.set_font(&format!(
            "{} {}px {}",
            if bold { "bold" } else { "normal" },
            font_px,
            self.family
        ));
        let width = self
            .context
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or(text.chars().count() as f64 * font_px * 0.6);
        let mut cache = self.cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, width);
        width
    }
}
