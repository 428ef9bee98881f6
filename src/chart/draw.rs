//! Small drawing helpers over any plotters backend, in device pixels.
//!
//! Views compute their own layout and then draw with these, so that the same code
//! renders to a browser canvas and to SVG.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text::{TextMeasure, Wrapped};
use super::{ChartError, Hit, Layout, Theme};

pub type Area<'a, DB> = DrawingArea<DB, Shift>;

/// Horizontal alignment of a text anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

fn err<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> ChartError {
    ChartError::Backend(e.to_string())
}

fn pt(x: f64, y: f64) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// A stroke width in whole pixels, at least one.
fn stroke(width: f64) -> u32 {
    width.round().max(1.0) as u32
}

/// A plotters backend the views draw on, and what they must know about it.
pub trait Surface: DrawingBackend {
    /// What a font size in pixels is multiplied by before the backend gets it, so that the
    /// text comes out that many pixels tall on every surface.
    const FONT_SCALE: f64;
}

/// plotters-svg writes `font-size` as the requested size divided by 1.24 (a points
/// convention); this undoes it, so that SVG text is as large as canvas text.
#[cfg(any(feature = "cli", target_arch = "wasm32"))]
impl Surface for SVGBackend<'_> {
    const FONT_SCALE: f64 = 1.24;
}

/// A window of a chart draws text as the surface it wraps does.
impl<DB: Surface> Surface for super::Windowed<DB> {
    const FONT_SCALE: f64 = DB::FONT_SCALE;
}

/// What the views draw with: the few shapes they use, on any [`Surface`]. Views and the helpers
/// below take `&dyn Pen`, so each view's drawing is compiled once rather than once per backend
/// (the browser's canvas, SVG, a window of either): plotters' `DrawingBackend` has generic
/// methods and cannot be a trait object itself.
pub trait Pen {
    /// The width and height in device pixels.
    fn size(&self) -> (u32, u32);
    fn fill(&self, colour: &RGBColor) -> Result<(), ChartError>;
    /// One line of text, `style.size` pixels tall on every surface, its vertical centre at `at`.
    fn text(&self, s: &str, at: (i32, i32), style: TextStyle<'_>) -> Result<(), ChartError>;
    /// A polyline through `points`, `width` pixels wide.
    fn path(
        &self,
        points: Vec<(i32, i32)>,
        colour: &RGBColor,
        width: u32,
    ) -> Result<(), ChartError>;
    fn rect(&self, corners: [(i32, i32); 2], style: ShapeStyle) -> Result<(), ChartError>;
    fn filled_polygon(&self, points: Vec<(i32, i32)>, colour: &RGBColor) -> Result<(), ChartError>;
    fn circle(&self, centre: (i32, i32), r: i32, style: ShapeStyle) -> Result<(), ChartError>;
}

impl<DB: Surface> Pen for Area<'_, DB> {
    fn size(&self) -> (u32, u32) {
        self.dim_in_pixel()
    }

    fn fill(&self, colour: &RGBColor) -> Result<(), ChartError> {
        DrawingArea::fill(self, colour).map_err(err)
    }

    fn text(&self, s: &str, at: (i32, i32), style: TextStyle<'_>) -> Result<(), ChartError> {
        let h = match style.align {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        };
        let weight = if style.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let font = FontDesc::new(
            FontFamily::Name(style.family),
            style.size * DB::FONT_SCALE,
            weight,
        )
        .color(style.colour)
        .pos(Pos::new(h, VPos::Center));
        self.draw(&Text::new(s.to_string(), at, font)).map_err(err)
    }

    fn path(
        &self,
        points: Vec<(i32, i32)>,
        colour: &RGBColor,
        width: u32,
    ) -> Result<(), ChartError> {
        let style = ShapeStyle::from(colour).stroke_width(width);
        self.draw(&PathElement::new(points, style)).map_err(err)
    }

    fn rect(&self, corners: [(i32, i32); 2], style: ShapeStyle) -> Result<(), ChartError> {
        self.draw(&Rectangle::new(corners, style)).map_err(err)
    }

    fn filled_polygon(&self, points: Vec<(i32, i32)>, colour: &RGBColor) -> Result<(), ChartError> {
        self.draw(&Polygon::new(points, ShapeStyle::from(colour).filled()))
            .map_err(err)
    }

    fn circle(&self, centre: (i32, i32), r: i32, style: ShapeStyle) -> Result<(), ChartError> {
        self.draw(&Circle::new(centre, r, style)).map_err(err)
    }
}

/// What a view paints on: the pen, the theme, what measures the real font, and the width in
/// device pixels. The four always travel together, from [`Sheet::start`] down to the last line
/// of text.
#[derive(Clone, Copy)]
pub struct Sheet<'a> {
    pub pen: &'a dyn Pen,
    pub theme: &'a Theme,
    pub measure: &'a dyn TextMeasure,
    pub width: f64,
    /// A sheet comes only from [`Sheet::start`], which paints the background and takes the
    /// width from the pen, so that no view can be drawn without either.
    _started: (),
}

impl<'a> Sheet<'a> {
    /// Starts a view: paints the whole area with the theme's background unless the surface
    /// shows it already ([`Theme::paint_background`]), and takes the area's width.
    pub fn start(
        pen: &'a dyn Pen,
        theme: &'a Theme,
        measure: &'a dyn TextMeasure,
    ) -> Result<Self, ChartError> {
        if theme.paint_background {
            pen.fill(&theme.background)?;
        }
        Ok(Sheet {
            pen,
            theme,
            measure,
            width: pen.size().0 as f64,
            _started: (),
        })
    }

    /// Draws one line that was laid out for `room` pixels. If the real font runs wider than
    /// the estimate the line was broken with, it is drawn that much smaller, so that it fits
    /// without being cut (see [`text`](super::text)'s notes).
    pub fn fitted(
        &self,
        s: &str,
        at: (f64, f64),
        style: TextStyle<'_>,
        room: f64,
    ) -> Result<(), ChartError> {
        let w = self.measure.width(s, style.size, style.bold);
        let style = if w > room && w > 0.0 {
            TextStyle {
                size: (style.size * room.max(0.0) / w).max(1.0),
                ..style
            }
        } else {
            style
        };
        text(self.pen, s, at, style)
    }

    /// Draws lines laid out by a view's layout step, one every `pitch` pixels from `top` (each
    /// centred in its slot), in `style` at the lines' size and weight; returns the y below them.
    pub fn wrapped(
        &self,
        w: &Wrapped,
        (x, top): (f64, f64),
        pitch: f64,
        style: TextStyle<'_>,
    ) -> Result<f64, ChartError> {
        let style = TextStyle {
            size: w.size,
            bold: w.bold,
            ..style
        };
        let mut y = top;
        for line in &w.lines {
            self.fitted(line, (x, y + pitch / 2.0), style, w.width)?;
            y += pitch;
        }
        Ok(y)
    }
}

/// How a view draws, in two steps: the layout at a width (every text broken into lines and
/// placed, which also says how tall the view is), then painting that layout. The height a view
/// asks for and what it draws come from the same layout, so they cannot disagree.
pub(super) trait Paint {
    type Placement<'a>
    where
        Self: 'a;

    fn layout(&self, width: f64, theme: &Theme) -> Self::Placement<'_>;

    /// How far down the laid-out view reaches, in device pixels.
    fn height(p: &Self::Placement<'_>) -> f64;

    /// Draws the layout; returns the hit regions of what a reader can point at.
    fn paint(&self, p: &Self::Placement<'_>, s: &Sheet) -> Result<Vec<Hit>, ChartError>;

    /// The height in device pixels the view needs at `width` to show everything.
    fn preferred_height(&self, width: f64, theme: &Theme) -> f64 {
        Self::height(&self.layout(width, theme))
    }

    /// Lays the view out at the sheet's width and paints it.
    fn draw(&self, s: &Sheet) -> Result<Layout, ChartError> {
        let p = self.layout(s.width, s.theme);
        let hits = self.paint(&p, s)?;
        Ok(Layout {
            hits,
            content_height: Self::height(&p),
        })
    }
}

/// A view's title at `max_width`: bold, 14 px, every word kept.
pub fn title_lines(theme: &Theme, s: &str, max_width: f64) -> Wrapped {
    Wrapped::new(s, theme.font_px(14.0), true, max_width)
}

/// The line pitch of a view's title.
pub fn title_pitch(theme: &Theme) -> f64 {
    theme.px(18.0)
}

/// How a line of text looks: its size in device pixels, colour, anchor, weight and font.
#[derive(Clone, Copy, Debug)]
pub struct TextStyle<'a> {
    pub size: f64,
    pub colour: &'a RGBColor,
    /// Which end of the text (or its middle) sits at the point it is drawn at.
    pub align: Align,
    pub bold: bool,
    pub family: &'a str,
}

impl<'a> TextStyle<'a> {
    /// Regular text `size` pixels tall in the theme's font and text colour, drawn from its
    /// left end.
    pub fn new(theme: &'a Theme, size: f64) -> Self {
        TextStyle {
            size,
            colour: &theme.text,
            align: Align::Left,
            bold: false,
            family: theme.font_family,
        }
    }

    pub fn colour(self, colour: &'a RGBColor) -> Self {
        TextStyle { colour, ..self }
    }

    pub fn align(self, align: Align) -> Self {
        TextStyle { align, ..self }
    }

    pub fn bold(self, bold: bool) -> Self {
        TextStyle { bold, ..self }
    }
}

/// Draws one line of text with its vertical centre at `y`.
pub fn text(
    area: &dyn Pen,
    s: &str,
    (x, y): (f64, f64),
    style: TextStyle<'_>,
) -> Result<(), ChartError> {
    if s.is_empty() {
        return Ok(());
    }
    area.text(s, pt(x, y), style)
}

pub fn line(
    area: &dyn Pen,
    from: (f64, f64),
    to: (f64, f64),
    color: &RGBColor,
    width: f64,
) -> Result<(), ChartError> {
    area.path(
        vec![pt(from.0, from.1), pt(to.0, to.1)],
        color,
        stroke(width),
    )
}

pub fn dashed(
    area: &dyn Pen,
    from: (f64, f64),
    to: (f64, f64),
    color: &RGBColor,
    width: f64,
    dash: f64,
) -> Result<(), ChartError> {
    let length = ((to.0 - from.0).powi(2) + (to.1 - from.1).powi(2)).sqrt();
    let steps = ((length / (2.0 * dash.max(1.0))).ceil() as usize).min(4096);
    for i in 0..steps {
        let t0 = (2 * i) as f64 * dash / length;
        let t1 = (((2 * i + 1) as f64) * dash / length).min(1.0);
        if t0 >= 1.0 {
            break;
        }
        let a = (from.0 + (to.0 - from.0) * t0, from.1 + (to.1 - from.1) * t0);
        let b = (from.0 + (to.0 - from.0) * t1, from.1 + (to.1 - from.1) * t1);
        line(area, a, b, color, width)?;
    }
    Ok(())
}

pub fn rect(
    area: &dyn Pen,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    color: &RGBColor,
    filled: bool,
    width: f64,
) -> Result<(), ChartError> {
    area.rect([pt(x0, y0), pt(x1, y1)], shape(color, filled, width))
}

/// A filled shape, or its outline `width` device pixels wide.
fn shape(color: &RGBColor, filled: bool, width: f64) -> ShapeStyle {
    if filled {
        ShapeStyle::from(color).filled()
    } else {
        ShapeStyle::from(color).stroke_width(stroke(width))
    }
}

pub fn polygon(
    area: &dyn Pen,
    points: &[(f64, f64)],
    color: &RGBColor,
    filled: bool,
    width: f64,
) -> Result<(), ChartError> {
    let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| pt(x, y)).collect();
    if filled {
        area.filled_polygon(pts, color)
    } else {
        let mut closed = pts.clone();
        closed.extend(pts.first().copied());
        area.path(closed, color, stroke(width))
    }
}

pub fn circle(
    area: &dyn Pen,
    x: f64,
    y: f64,
    r: f64,
    color: &RGBColor,
    filled: bool,
    width: f64,
) -> Result<(), ChartError> {
    area.circle(
        pt(x, y),
        r.round().max(1.0) as i32,
        shape(color, filled, width),
    )
}

/// Mark shapes, so that meaning never rests on colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    /// A plus sign.
    Cross,
    /// A plus sign turned an eighth of a turn: an ×.
    Saltire,
    Hexagon,
}

/// The corners of a regular hexagon of radius `r` centred on `(x, y)`, one every sixth of a turn
/// from the right. Written out: `sin` and `cos` would bring libm's argument reduction (about 6 KB)
/// into the wasm for six constants.
fn hexagon(x: f64, y: f64, r: f64) -> Vec<(f64, f64)> {
    const SIN_60: f64 = 0.866_025_403_784_438_6; // √3 / 2
    let (w, h) = (r / 2.0, r * SIN_60);
    vec![
        (x + r, y),
        (x + w, y + h),
        (x - w, y + h),
        (x - r, y),
        (x - w, y - h),
        (x + w, y - h),
    ]
}

/// Draws a mark of radius `r` centred on `(x, y)`; hollow marks get a background fill.
#[allow(clippy::too_many_arguments)]
pub fn marker(
    area: &dyn Pen,
    shape: Shape,
    x: f64,
    y: f64,
    r: f64,
    color: &RGBColor,
    filled: bool,
    stroke: f64,
    background: &RGBColor,
) -> Result<(), ChartError> {
    let poly = |pts: Vec<(f64, f64)>| -> Result<(), ChartError> {
        if !filled {
            polygon(area, &pts, background, true, 1.0)?;
        }
        polygon(area, &pts, color, filled, stroke)
    };
    match shape {
        Shape::Circle => {
            if !filled {
                circle(area, x, y, r, background, true, 1.0)?;
            }
            circle(area, x, y, r, color, filled, stroke)
        }
        Shape::Square => {
            let s = r * 0.88;
            poly(vec![
                (x - s, y - s),
                (x + s, y - s),
                (x + s, y + s),
                (x - s, y + s),
            ])
        }
        Shape::Diamond => poly(vec![
            (x, y - r * 1.15),
            (x + r * 1.15, y),
            (x, y + r * 1.15),
            (x - r * 1.15, y),
        ]),
        Shape::TriangleUp => poly(vec![
            (x, y - r * 1.15),
            (x + r * 1.1, y + r * 0.85),
            (x - r * 1.1, y + r * 0.85),
        ]),
        Shape::TriangleDown => poly(vec![
            (x, y + r * 1.15),
            (x + r * 1.1, y - r * 0.85),
            (x - r * 1.1, y - r * 0.85),
        ]),
        Shape::Cross | Shape::Saltire => {
            let a = r * 0.38;
            let plus = [
                (-a, -r),
                (a, -r),
                (a, -a),
                (r, -a),
                (r, a),
                (a, a),
                (a, r),
                (-a, r),
                (-a, a),
                (-r, a),
                (-r, -a),
                (-a, -a),
            ];
            // Turned an eighth of a turn, and as wide across its arms' ends as the plus.
            const H: f64 = std::f64::consts::FRAC_1_SQRT_2;
            let corner = |(dx, dy): (f64, f64)| match shape {
                Shape::Saltire => (x + (dx - dy) * H, y + (dx + dy) * H),
                _ => (x + dx, y + dy),
            };
            poly(plus.into_iter().map(corner).collect())
        }
        Shape::Hexagon => poly(hexagon(x, y, r * 1.05)),
    }
}

#[cfg(all(test, feature = "cli"))]
mod tests {
    use super::*;
    use crate::chart::Windowed;

    #[test]
    fn hexagon_corners_are_a_sixth_of_a_turn_apart() {
        let corners = hexagon(3.0, -2.0, 5.0);
        for (i, (cx, cy)) in corners.into_iter().enumerate() {
            let a = std::f64::consts::PI / 3.0 * i as f64;
            assert!((cx - (3.0 + 5.0 * a.cos())).abs() < 1e-12, "corner {i} x");
            assert!((cy - (-2.0 + 5.0 * a.sin())).abs() < 1e-12, "corner {i} y");
        }
    }

    fn draw_15px_text<DB: Surface>(surface: DB) {
        let area = surface.into_drawing_area();
        let style = TextStyle {
            size: 15.0,
            colour: &BLACK,
            align: Align::Left,
            bold: false,
            family: "serif",
        };
        text(&area, "Hi", (5.0, 30.0), style).unwrap();
        area.present().unwrap();
    }

    /// The `font-size` plotters-svg writes for 15 px text, drawn directly or through a window.
    fn svg_font_size(windowed: bool) -> f64 {
        let mut svg = String::new();
        let surface = SVGBackend::with_string(&mut svg, (100, 40));
        if windowed {
            draw_15px_text(Windowed::new(surface, 10, 80));
        } else {
            draw_15px_text(surface);
        }
        let start = svg.find("font-size=\"").expect("a text element") + "font-size=\"".len();
        svg[start..].split('"').next().unwrap().parse().unwrap()
    }

    #[test]
    fn svg_text_has_the_requested_pixel_size() {
        for windowed in [false, true] {
            let size = svg_font_size(windowed);
            assert!((size - 15.0).abs() < 1e-9, "windowed {windowed}: {size}");
        }
    }
}
