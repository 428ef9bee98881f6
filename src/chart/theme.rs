//! Colours and type sizes for the two themes.
//!
//! The palette is Okabe–Ito, which stays distinguishable under the common forms of
//! colour blindness; every meaning carried by colour is also carried by a shape or
//! a word, so colour is never the only cue.

use plotters::style::RGBColor;

/// Which palette to draw with; `auto` is resolved by the embedder (it knows the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Light,
    Dark,
}

impl ThemeName {
    /// The name as attributes and file names spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }
}

impl std::str::FromStr for ThemeName {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "light" => Ok(Self::Light),
            "dark" => Ok(Self::Dark),
            other => Err(format!(
                "unknown theme \"{other}\" (expected light or dark)"
            )),
        }
    }
}

/// Everything a view needs to know about colour and size.
#[derive(Clone, Debug)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub highlight: RGBColor,
    /// Results in favour of the treatment (by the outcome's own direction).
    pub favourable: RGBColor,
    /// Results against the treatment, and harms.
    pub unfavourable: RGBColor,
    /// Results whose interval includes no effect.
    pub neutral: RGBColor,
    pub pooled: RGBColor,
    /// Results without a comparison group (single-group proportions).
    pub no_comparison: RGBColor,
    /// Alternate background of bands (evidence map columns).
    pub band: RGBColor,
    /// The focus ring drawn around the item under the pointer or keyboard focus.
    pub focus: RGBColor,
    /// Device pixels per CSS pixel: every size below is multiplied by it.
    pub scale: f64,
    pub font_family: &'static str,
    /// Whether views paint `background` under everything: true for files (SVG, PNG); the
    /// browser's canvas leaves it to the widget's CSS background showing through, because
    /// filling a long forest's millions of pixels took about 40 ms of its first draw.
    pub paint_background: bool,
}

impl Theme {
    pub fn new(name: ThemeName, scale: f64) -> Self {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale.clamp(0.25, 8.0)
        } else {
            1.0
        };
        match name {
            ThemeName::Light => Theme {
                background: RGBColor(255, 255, 255),
                text: RGBColor(26, 26, 26),
                muted: RGBColor(88, 88, 88),
                grid: RGBColor(214, 214, 214),
                highlight: RGBColor(255, 242, 204),
                favourable: RGBColor(0, 114, 178),
                unfavourable: RGBColor(213, 94, 0),
                neutral: RGBColor(96, 96, 96),
                pooled: RGBColor(0, 0, 0),
                no_comparison: RGBColor(204, 121, 167),
                focus: RGBColor(0, 95, 204),
                band: RGBColor(245, 245, 245),
                scale,
                font_family: "Arial, Helvetica, Liberation Sans, sans-serif",
                paint_background: true,
            },
            ThemeName::Dark => Theme {
                background: RGBColor(24, 26, 27),
                text: RGBColor(236, 236, 236),
                muted: RGBColor(176, 176, 176),
                grid: RGBColor(70, 72, 74),
                highlight: RGBColor(66, 58, 30),
                favourable: RGBColor(86, 180, 233),
                unfavourable: RGBColor(230, 159, 0),
                neutral: RGBColor(170, 170, 170),
                pooled: RGBColor(255, 255, 255),
                no_comparison: RGBColor(204, 121, 167),
                focus: RGBColor(255, 214, 10),
                band: RGBColor(34, 36, 38),
                scale,
                font_family: "Arial, Helvetica, Liberation Sans, sans-serif",
                paint_background: true,
            },
        }
    }

    /// Every colour text is drawn in, with its name (for contrast checks).
    pub fn text_colours(&self) -> Vec<(&'static str, RGBColor)> {
        vec![("text", self.text), ("muted", self.muted)]
    }

    /// A length in CSS pixels converted to device pixels.
    pub fn px(&self, css: f64) -> f64 {
        css * self.scale
    }

    /// A font size in device pixels for a size in CSS pixels.
    pub fn font_px(&self, css: f64) -> f64 {
        (css * self.scale).round().max(1.0)
    }
}

/// WCAG 2 relative luminance of an sRGB colour.
pub fn luminance(c: RGBColor) -> f64 {
    let lin = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// WCAG 2 contrast ratio between two colours (1 to 21).
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}
