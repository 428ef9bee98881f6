//! Views drawn on any plotters [`DrawingBackend`](plotters::prelude::DrawingBackend) that is a
//! [`draw::Surface`]: the browser canvas in `web`, SVG in the CLI and in native tests.
//!
//! Each view computes its own layout in device pixels (sizes come from the [`Theme`],
//! which knows the device pixel ratio) and returns a [`Layout`] with the regions a
//! pointer or keyboard can land on.

pub mod axis;
pub mod build;
pub mod citations;
pub mod claims;
pub mod draw;
pub mod facets;
pub mod forest;
pub mod funnel;
pub mod glossary;
pub mod harms;
pub mod item;
pub mod labels;
pub mod map;
pub mod options;
pub mod summary;
pub mod svg;
pub mod text;
pub mod theme;
pub mod view;
pub mod window;

pub use forest::{Favours, Forest, ForestPanel, ForestRow, RowKind};
pub use item::{Item, ItemKey};
pub use options::{Filters, Sort, View, ViewOptions};
pub use text::{ApproxMeasure, TextMeasure};
pub use theme::{Theme, ThemeName};
pub use view::Scene;
pub use window::Windowed;

/// Why a view could not be drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartError {
    /// The drawing backend failed (canvas or SVG writer).
    Backend(String),
}

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChartError::Backend(e) => write!(f, "drawing failed: {e}"),
        }
    }
}

impl std::error::Error for ChartError {}

/// A rectangle (device pixels) that stands for one item of the view.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The item's key, e.g. `study/outcome`.
    pub key: String,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

/// Where things ended up after drawing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub hits: Vec<Hit>,
    /// How far down the content reaches, in device pixels.
    pub content_height: f64,
}

impl Layout {
    /// The item under a point, if any.
    pub fn hit_test(&self, x: f64, y: f64) -> Option<&Hit> {
        self.hits
            .iter()
            .find(|h| x >= h.x0 && x < h.x1 && y >= h.y0 && y < h.y1)
    }
}

/// The widths of the posters a widget shows while its engine loads: `narrow` for widgets
/// under 600 CSS px (phones), `wide` for the others. The shell picks the band by the same
/// threshold (`www/lens/poster.js`).
pub const POSTER_BANDS: [(&str, u32); 2] = [("narrow", 390), ("wide", 800)];

/// The widget's four posters: each band in each theme, as `(file name, CSS width, theme)`. The
/// `poster="DIR/{band}-{theme}.svg"` attribute names them; `evidence-lens render --poster` and the
/// element's `posters()` (the embed page) both draw this list.
pub fn poster_files() -> impl Iterator<Item = (String, u32, ThemeName)> {
    POSTER_BANDS.into_iter().flat_map(|(band, css)| {
        [ThemeName::Light, ThemeName::Dark]
            .map(move |theme| (format!("{band}-{}.svg", theme.as_str()), css, theme))
    })
}

/// Renders a scene to an SVG document (native builds); the height is the scene's
/// preferred height at that width unless given.
#[cfg(feature = "cli")]
pub fn render_svg(
    scene: &Scene,
    width: u32,
    height: Option<u32>,
    theme: &Theme,
) -> Result<String, ChartError> {
    use plotters::prelude::*;
    let height = height
        .unwrap_or_else(|| scene.preferred_height(width as f64, theme).ceil() as u32)
        .max(1);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width.max(1), height)).into_drawing_area();
        scene.draw(&area, theme, &ApproxMeasure, None)?;
        area.present()
            .map_err(|e| ChartError::Backend(e.to_string()))?;
    }
    Ok(svg::tidy(&svg))
}
