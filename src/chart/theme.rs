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

impl std::str::FromStr for ThemeName {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "light" => Ok(Self::Light),
            "dark" => Ok(Self::Dark),
            other => Err(format!("unknown theme \"{other}\" (expected light or dark)")),
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
    /// Device pixels per CSS pixel: every size below is multiplied by it.
    pub scale: f64,
    pub font_family: &'static str,
}

impl Theme {
    pub fn new(name: ThemeName, scale: f64) -> Self {
        let scale = if scale.is_finite() && scale > 0.0 { scale.clamp(0.25, 8.0) } else { 1.0 };
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
                scale,
                font_family: "sans-serif",
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
                scale,
                font_family: "sans-serif",
            },
        }
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
