//! Text measurement, so that labels are wrapped or shortened instead of overlapping.
//!
//! plotters can measure text, but on wasm it does so by laying out a DOM element per
//! string, which is slow with hundreds of labels. Views take a [`TextMeasure`] instead:
//! the browser passes one backed by the canvas context (with a cache), native code uses
//! [`ApproxMeasure`], whose widths are a Helvetica/Arial-like average.

/// Measures the width of a string drawn at a font size, both in device pixels.
pub trait TextMeasure {
    fn width(&self, text: &str, font_px: f64, bold: bool) -> f64;
}

/// Width estimates from average glyph widths of a sans-serif font (in ems).
#[derive(Clone, Copy, Debug, Default)]
pub struct ApproxMeasure;

impl TextMeasure for ApproxMeasure {
    fn width(&self, text: &str, font_px: f64, bold: bool) -> f64 {
        let ems: f64 = text.chars().map(glyph_em).sum();
        ems * font_px * if bold { 1.06 } else { 1.0 }
    }
}

fn glyph_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.25,
        'f' | 't' | 'r' | 'I' | ' ' | '(' | ')' | '[' | ']' | '-' => 0.33,
        'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.85,
        'A'..='Z' => 0.68,
        '0'..='9' | 'a'..='z' | '−' | '–' | '+' | '=' | '<' | '>' | '≥' | '≤' => 0.56,
        c if c.is_ascii() => 0.5,
        // CJK and other wide scripts.
        c if (c as u32) >= 0x2E80 => 1.0,
        _ => 0.6,
    }
}

/// Shortens `text` with an ellipsis so that it fits `max_width`; returns it whole if it fits.
pub fn ellipsize(
    measure: &dyn TextMeasure,
    text: &str,
    font_px: f64,
    bold: bool,
    max_width: f64,
) -> String {
    if measure.width(text, font_px, bold) <= max_width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    // Binary search on the number of characters kept.
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>() + "…";
        if measure.width(&candidate, font_px, bold) <= max_width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        return String::new();
    }
    chars[..lo]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string()
        + "…"
}

/// Breaks `text` into lines no wider than `max_width`, at spaces where possible;
/// at most `max_lines`, the last one ellipsised if the text does not fit.
pub fn wrap(
    measure: &dyn TextMeasure,
    text: &str,
    font_px: f64,
    bold: bool,
    max_width: f64,
    max_lines: usize,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    // Breaks at ordinary spaces only: a no-break space ("46 %", "« mot »") keeps its
    // neighbours together, as it is meant to.
    for word in text
        .split(|c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}')
        .filter(|w| !w.is_empty())
    {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if measure.width(&candidate, font_px, bold) <= max_width || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::take(&mut current));
            current = word.to_string();
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines.max(1) {
        let keep = max_lines.max(1);
        let rest = lines[keep - 1..].join(" ");
        lines.truncate(keep - 1);
        lines.push(rest);
    }
    lines
        .into_iter()
        .map(|l| ellipsize(measure, &l, font_px, bold, max_width))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsize_keeps_short_text_and_shortens_long_text() {
        let m = ApproxMeasure;
        assert_eq!(ellipsize(&m, "MIST", 12.0, false, 200.0), "MIST");
        let short = ellipsize(
            &m,
            "A very long study label that cannot fit",
            12.0,
            false,
            80.0,
        );
        assert!(short.ends_with('…'), "{short}");
        assert!(m.width(&short, 12.0, false) <= 80.0);
        assert_eq!(ellipsize(&m, "Anything", 12.0, false, 1.0), "");
    }

    #[test]
    fn wrap_keeps_no_break_spaces() {
        let m = ApproxMeasure;
        let lines = wrap(&m, "about 46\u{202f}% of people", 12.0, false, 40.0, 10);
        assert!(lines.iter().any(|l| l == "46\u{202f}%"), "{lines:?}");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_limits_lines() {
        let m = ApproxMeasure;
        let lines = wrap(
            &m,
            "one two three four five six seven eight",
            12.0,
            false,
            60.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(
            lines.iter().all(|l| m.width(l, 12.0, false) <= 60.0),
            "{lines:?}"
        );
        assert!(lines[1].ends_with('…'));
    }
}
