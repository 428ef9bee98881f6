//! Text measurement with the canvas context, cached, so that laying out hundreds of
//! labels does not force a DOM layout per string (plotters' own estimate does).
//!
//! Text in scripts whose letters keep their shape whatever their neighbours (Latin, Greek,
//! Cyrillic, digits and common symbols) is measured a character at a time, each character
//! once per font: a string's width is the sum of its characters' advances. Measuring every
//! string, and every candidate while shortening a label to fit, took more time than drawing
//! the text. The sum leaves out kerning, which only narrows pairs such as "AV" a little, so
//! it errs towards the text fitting. Any other text is measured whole.

use foldhash::{HashMap, HashMapExt};
use std::cell::RefCell;

use web_sys::CanvasRenderingContext2d;

use crate::chart::TextMeasure;

pub struct CanvasMeasure {
    context: CanvasRenderingContext2d,
    family: &'static str,
    /// Advance widths of characters, per font (size in quarter pixels, bold).
    glyphs: RefCell<HashMap<(char, u32, bool), f64>>,
    /// Widths of whole strings that are not measured a character at a time.
    strings: RefCell<HashMap<(String, u32, bool), f64>>,
}

impl CanvasMeasure {
    pub fn new(context: CanvasRenderingContext2d, family: &'static str) -> Self {
        CanvasMeasure {
            context,
            family,
            glyphs: RefCell::new(HashMap::new()),
            strings: RefCell::new(HashMap::new()),
        }
    }

    /// Measures with the canvas; an estimate if the browser cannot.
    fn measure(&self, text: &str, font_px: f64, bold: bool) -> f64 {
        self.context.set_font(&format!(
            "{} {}px {}",
            if bold { "bold" } else { "normal" },
            font_px,
            self.family
        ));
        self.context
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or(text.chars().count() as f64 * font_px * 0.6)
    }
}

/// Entries kept before a cache is emptied; labels repeat, so this is rarely reached.
const CACHE_LIMIT: usize = 20_000;

/// Whether a character's advance does not depend on its neighbours: Latin, Greek and
/// Cyrillic letters (not their combining marks), common punctuation and symbols.
fn measurable_alone(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{2ff}' | '\u{370}'..='\u{482}' | '\u{48a}'..='\u{52f}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' | '\u{20a0}'..='\u{20bf}' | '\u{2190}'..='\u{22ff}')
}

fn cached<K: std::hash::Hash + Eq>(
    cache: &RefCell<HashMap<K, f64>>,
    key: K,
    measure: impl FnOnce() -> f64,
) -> f64 {
    if let Some(w) = cache.borrow().get(&key) {
        return *w;
    }
    let width = measure();
    let mut cache = cache.borrow_mut();
    if cache.len() >= CACHE_LIMIT {
        cache.clear();
    }
    cache.insert(key, width);
    width
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, font_px: f64, bold: bool) -> f64 {
        let size = (font_px * 4.0).round() as u32;
        if text.chars().all(measurable_alone) {
            let mut buf = [0u8; 4];
            text.chars()
                .map(|c| {
                    cached(&self.glyphs, (c, size, bold), || {
                        self.measure(c.encode_utf8(&mut buf), font_px, bold)
                    })
                })
                .sum()
        } else {
            cached(&self.strings, (text.to_string(), size, bold), || {
                self.measure(text, font_px, bold)
            })
        }
    }
}
