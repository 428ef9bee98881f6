//! Text measurement and line breaking, so that text wraps instead of overlapping or being cut.
//!
//! plotters can measure text, but on wasm it does so by laying out a DOM element per
//! string, which is slow with hundreds of labels. Views take a [`TextMeasure`] instead:
//! the browser passes one backed by the canvas context (with a cache), native code uses
//! [`ApproxMeasure`], whose widths are a Helvetica/Arial-like average.
//!
//! # One set of line breaks for height and drawing
//!
//! Each view has one layout step that both its height and its drawing use. The canvas is
//! sized from that height *before* the browser's font is measured, so a view that broke its
//! lines again with the real widths could need more lines than its canvas has room for.
//! Views therefore break every line once, with [`ApproxMeasure`] ([`Wrapped::new`]), and
//! draw exactly those lines. The real font is only asked, when a line is drawn, whether the
//! line fits the room it was broken for ([`Sheet::wrapped`](super::draw::Sheet::wrapped)). For the
//! lower-case sentences and labels the views draw, the estimate runs a little wide of Arial
//! and Helvetica, so lines fit; but no estimate can be proved wider than every font a browser
//! may substitute (DejaVu Sans, a common Linux fallback, runs about 8% wider than Arial, and
//! capitals such as "W" run wider than the average), so a line that would not fit is drawn
//! that much smaller: never cut, never taller than the layout made room for.

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

/// A line never wraps into more lines than this: a safeguard against absurd input (a label
/// of thousands of words), never met by real text; nothing is cut below it.
pub const MAX_LINES: usize = 200;

/// Text broken into lines for the room it is given: what a view's layout step decides and
/// its drawing draws. Sizes and widths are in device pixels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Wrapped {
    pub lines: Vec<String>,
    /// Font size.
    pub size: f64,
    pub bold: bool,
    /// The room the lines were broken for.
    pub width: f64,
}

impl Wrapped {
    /// `text` broken with [`ApproxMeasure`] (see the module's notes on why) into lines no
    /// wider than `width`; an empty text has no lines.
    pub fn new(text: &str, size: f64, bold: bool, width: f64) -> Wrapped {
        Wrapped {
            lines: wrap(&ApproxMeasure, text, size, bold, width, MAX_LINES),
            size,
            bold,
            width,
        }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The height of the lines at `pitch` pixels each.
    pub fn height(&self, pitch: f64) -> f64 {
        self.lines.len() as f64 * pitch
    }
}

/// Shortens `text` with an ellipsis so that it fits `max_width`; returns it whole if it fits.
/// Only [`wrap`]'s safeguard against absurd input ([`MAX_LINES`]) uses it.
fn ellipsize(
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

/// Whitespace a line may break at: any but the no-break space, which keeps what it joins
/// together (a "†" with the word before it).
fn breaks(c: char) -> bool {
    c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}'
}

/// The pieces of a word too wide for `max_width` on its own: split after hyphens, dashes and
/// slashes, and where a piece is still too wide, between characters. Rejoined in
/// [`wrap`] as far as they fit.
fn pieces<'a>(fits: &dyn Fn(&str) -> bool, word: &'a str) -> Vec<&'a str> {
    let mut out = Vec::new();
    for part in word.split_inclusive(['-', '‐', '–', '—', '/']) {
        if fits(part) {
            out.push(part);
            continue;
        }
        // Between characters: each piece as long as fits (at least one character).
        let mut start = 0;
        let mut end = 0;
        for (i, c) in part.char_indices() {
            let next = i + c.len_utf8();
            if end > start && !fits(&part[start..next]) {
                out.push(&part[start..end]);
                start = end;
            }
            end = next;
        }
        if end > start {
            out.push(&part[start..end]);
        }
    }
    out
}

/// Breaks `text` into lines no wider than `max_width`: at spaces, and inside a word only
/// where the word alone is wider than the line (after a hyphen or slash where it has one). A
/// line break in the text is kept (a quoted headline over its standfirst); blank lines are not.
/// Nothing is cut unless the text needs more than `max_lines` lines (a safeguard against
/// absurd input), when the last line ends in "…".
pub fn wrap(
    measure: &dyn TextMeasure,
    text: &str,
    font_px: f64,
    bold: bool,
    max_width: f64,
    max_lines: usize,
) -> Vec<String> {
    // Most texts are one paragraph: wrapped as they are, with no list of lines to gather.
    let mut lines = if text.contains('\n') {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            // The blank lines between paragraphs are dropped.
            if !paragraph.trim().is_empty() {
                let mut wrapped = wrap_paragraph(measure, paragraph, font_px, bold, max_width);
                lines.append(&mut wrapped);
            }
        }
        lines
    } else {
        wrap_paragraph(measure, text, font_px, bold, max_width)
    };
    if lines.len() > max_lines.max(1) {
        let keep = max_lines.max(1);
        let rest = lines[keep - 1..].join(" ");
        lines.truncate(keep - 1);
        lines.push(ellipsize(measure, &rest, font_px, bold, max_width));
    }
    lines
}

/// [`wrap`] for a text without line breaks, every line kept.
fn wrap_paragraph(
    measure: &dyn TextMeasure,
    text: &str,
    font_px: f64,
    bold: bool,
    max_width: f64,
) -> Vec<String> {
    let fits = |s: &str| measure.width(s, font_px, bold) <= max_width;
    // Most labels are one line with single spaces: no words to split.
    // (An empty text is no line: it had been one empty line, a gap under a label with no detail.)
    let single_spaced = !text.is_empty()
        && !text.starts_with(breaks)
        && !text.ends_with(breaks)
        && !text.as_bytes().windows(2).any(|w| w == b"  ")
        && !text.contains(|c: char| breaks(c) && c != ' ');
    if single_spaced && fits(text) {
        return vec![text.to_string()];
    }
    let words: Vec<&str> = text.split(breaks).filter(|w| !w.is_empty()).collect();
    let whole = words.join(" ");
    if whole.is_empty() {
        return Vec::new();
    }
    if fits(&whole) {
        return vec![whole];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in words {
        for (i, piece) in pieces(&fits, word).into_iter().enumerate() {
            // The pieces of one word are joined without a space.
            let sep = if current.is_empty() || i > 0 { "" } else { " " };
            let candidate = format!("{current}{sep}{piece}");
            if current.is_empty() || fits(&candidate) {
                current = candidate;
            } else {
                lines.push(std::mem::replace(&mut current, piece.to_string()));
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row with no detail (a study with no outcomes yet) gets no line for it, not a blank one.
    #[test]
    fn an_empty_text_has_no_lines() {
        for text in ["", " ", "\n"] {
            assert!(
                Wrapped::new(text, 12.0, false, 300.0).is_empty(),
                "{text:?}"
            );
        }
        assert_eq!(Wrapped::new("MIST", 12.0, false, 300.0).len(), 1);
    }

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
    fn wrap_keeps_a_line_break_and_drops_blank_lines() {
        let m = ApproxMeasure;
        let quote = "Therapy halts symptoms\n\nNew trial shows it";
        let lines = wrap(&m, quote, 12.0, false, 400.0, 10);
        assert_eq!(lines, ["Therapy halts symptoms", "New trial shows it"]);
        // The safeguard counts the lines of every paragraph.
        let capped = wrap(&m, "a\nb\nc\nd", 12.0, false, 400.0, 2);
        assert_eq!(capped, ["a", "b c d"]);
    }

    #[test]
    fn wrap_keeps_no_break_spaces() {
        let m = ApproxMeasure;
        let lines = wrap(&m, "about 46\u{202f}% of people", 12.0, false, 40.0, 10);
        assert!(lines.iter().any(|l| l == "46\u{202f}%"), "{lines:?}");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_only_past_the_safeguard() {
        let m = ApproxMeasure;
        let text = "one two three four five six seven eight";
        let lines = wrap(&m, text, 12.0, false, 60.0, MAX_LINES);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(
            lines.iter().all(|l| m.width(l, 12.0, false) <= 60.0),
            "{lines:?}"
        );
        assert_eq!(lines.join(" "), text, "every word is kept, in order");
        let capped = wrap(&m, text, 12.0, false, 60.0, 2);
        assert_eq!(capped.len(), 2);
        assert!(capped[1].ends_with('…'));
        assert!(wrap(&m, "  ", 12.0, false, 60.0, 3).is_empty());
    }

    #[test]
    fn a_word_wider_than_the_line_breaks_after_its_hyphen_then_between_letters() {
        let m = ApproxMeasure;
        let lines = wrap(
            &m,
            "non-randomised controlled",
            11.0,
            false,
            60.0,
            MAX_LINES,
        );
        assert_eq!(lines, ["non-", "randomised", "controlled"]);
        let lines = wrap(&m, "Extraordinary lengths", 11.0, false, 30.0, MAX_LINES);
        assert!(lines.len() > 3, "{lines:?}");
        assert!(lines.iter().all(|l| m.width(l, 11.0, false) <= 30.0));
        assert_eq!(lines.concat().replace(' ', ""), "Extraordinarylengths");
        // A no-break space keeps its words on one line.
        let lines = wrap(&m, "Trial A\u{a0}†", 12.0, false, 30.0, MAX_LINES);
        assert_eq!(lines, ["Trial", "A\u{a0}†"]);
    }
}
