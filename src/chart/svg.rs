//! The SVG documents the views draw, made smaller: plotters writes every attribute on every
//! element, so a 50-study forest poster repeats one font list 265 times. What goes is what
//! changes nothing on screen: `opacity="1"` (the default), the font family said once on the
//! root (it is inherited) instead of on each text, and font sizes without float noise
//! (`13.000000000000002`, from undoing plotters' 1.24 points factor). A browser then has less to
//! parse before it shows a poster, and an editor less to serve.

/// `svg` with the repetitions above taken out.
pub fn tidy(svg: &str) -> String {
    let svg = svg.replace(" opacity=\"1\"", "");
    let svg = round_font_sizes(&svg);
    hoist_font_family(svg)
}

const FONT_SIZE: &str = "font-size=\"";
const FONT_FAMILY: &str = " font-family=\"";

/// Every `font-size` rounded to a thousandth of a pixel.
fn round_font_sizes(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(FONT_SIZE) {
        let (head, tail) = rest.split_at(at + FONT_SIZE.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        let (value, after) = tail.split_at(end);
        match crate::number::parse_f64(value) {
            Some(px) if px.is_finite() => {
                out.push_str(&((px * 1000.0).round() / 1000.0).to_string())
            }
            _ => out.push_str(value),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The font family on the root element when every text has the same one.
fn hoist_font_family(svg: String) -> String {
    let Some(start) = svg.find(FONT_FAMILY) else {
        return svg;
    };
    let value_at = start + FONT_FAMILY.len();
    let Some(len) = svg[value_at..].find('"') else {
        return svg;
    };
    let attribute = &svg[start..value_at + len + 1];
    if svg.matches(FONT_FAMILY).count() != svg.matches(attribute).count() {
        return svg;
    }
    // The end of the root's start tag (its attributes are sizes and the namespace, without `>`).
    let Some(root_end) = svg
        .find("<svg ")
        .and_then(|at| svg[at..].find('>').map(|end| at + end))
    else {
        return svg;
    };
    let body = svg[root_end..].replace(attribute, "");
    format!("{}{attribute}{body}", &svg[..root_end])
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAWN: &str = "<svg width=\"10\" height=\"10\" xmlns=\"http://www.w3.org/2000/svg\">\n\
        <rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" opacity=\"1\" fill=\"#FFFFFF\"/>\n\
        <text x=\"1\" y=\"2\" font-family=\"Arial, sans-serif\" font-size=\"13.000000000000002\" opacity=\"1\" fill=\"#1A1A1A\">\nA &amp; B\n</text>\n\
        <text x=\"1\" y=\"5\" font-family=\"Arial, sans-serif\" font-size=\"11.5\" opacity=\"0.5\" fill=\"#1A1A1A\">\nC\n</text>\n\
        </svg>\n";

    #[test]
    fn defaults_and_repeated_fonts_go_and_the_rest_stays() {
        assert_eq!(
            tidy(DRAWN),
            "<svg width=\"10\" height=\"10\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"Arial, sans-serif\">\n\
             <rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" fill=\"#FFFFFF\"/>\n\
             <text x=\"1\" y=\"2\" font-size=\"13\" fill=\"#1A1A1A\">\nA &amp; B\n</text>\n\
             <text x=\"1\" y=\"5\" font-size=\"11.5\" opacity=\"0.5\" fill=\"#1A1A1A\">\nC\n</text>\n\
             </svg>\n"
        );
    }

    #[test]
    fn texts_in_different_families_keep_theirs() {
        let mixed = DRAWN.replacen("Arial, sans-serif", "serif", 1);
        let tidied = tidy(&mixed);
        assert!(
            tidied.starts_with(
                "<svg width=\"10\" height=\"10\" xmlns=\"http://www.w3.org/2000/svg\">"
            ),
            "{tidied}"
        );
        assert!(
            tidied.contains("font-family=\"serif\"")
                && tidied.contains("font-family=\"Arial, sans-serif\"")
        );
    }

    #[test]
    fn a_document_without_text_is_only_shortened() {
        let plain = "<svg width=\"1\" height=\"1\"><rect opacity=\"1\"/></svg>";
        assert_eq!(tidy(plain), "<svg width=\"1\" height=\"1\"><rect/></svg>");
    }
}
