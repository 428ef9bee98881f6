//! The forest plot: one row per study-outcome, a square sized by weight and a line
//! for the confidence interval, the pooled diamond with its prediction interval,
//! and side columns with the numbers written out.
//!
//! Rows come in panels, one per axis: ratio measures share a log axis, differences a
//! linear one, since putting a hazard ratio and a mean difference on one axis would
//! mislead. Results that are not comparisons (single-group proportions, pending
//! trials) get a row with words instead of a square, so they are visible but cannot
//! be mistaken for an effect.

use plotters::prelude::DrawingBackend;

use super::axis::{format_tick, Axis, Scale};
use super::draw::{self, Align, Area};
use super::text::{ellipsize, TextMeasure};
use super::{ChartError, Hit, Layout, Theme};

/// Which way a result points, judged by the outcome's own direction of benefit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The interval excludes no effect, on the treatment's side.
    Favourable,
    /// The interval excludes no effect, against the treatment.
    Unfavourable,
    /// The interval includes no effect.
    Unclear,
}

/// What a row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// A group title (a therapy, an outcome, a subgroup).
    Header,
    /// One study's effect, drawn as a square and an interval.
    Study,
    /// A pooled estimate, drawn as a diamond.
    Pooled,
    /// A result that is not a comparison, or no result yet: words only.
    Note,
}

/// One row of a forest panel. Values are on the natural scale (ratios, not logs).
#[derive(Clone, Debug)]
pub struct ForestRow {
    /// Identifies the row in hit-testing and events (`study/outcome`).
    pub key: String,
    pub kind: RowKind,
    pub label: String,
    /// Shown after the label in muted text, e.g. the outcome or design.
    pub detail: String,
    pub n: Option<u32>,
    pub estimate: Option<f64>,
    pub ci: Option<(f64, f64)>,
    /// Prediction interval, for pooled rows.
    pub pi: Option<(f64, f64)>,
    /// Weight in percent, for studies that were pooled.
    pub weight: Option<f64>,
    /// The numbers written out, e.g. "HR 0.07 [0.02, 0.24]" or "results pending".
    pub value_text: String,
    /// A short design badge such as "RCT" or "1 arm".
    pub badge: Option<String>,
    pub direction: Direction,
}

impl ForestRow {
    pub fn header(key: impl Into<String>, label: impl Into<String>) -> Self {
        ForestRow {
            key: key.into(),
            kind: RowKind::Header,
            label: label.into(),
            detail: String::new(),
            n: None,
            estimate: None,
            ci: None,
            pi: None,
            weight: None,
            value_text: String::new(),
            badge: None,
            direction: Direction::Unclear,
        }
    }
}

/// Rows that share one axis.
#[derive(Clone, Debug)]
pub struct ForestPanel {
    pub title: String,
    pub scale: Scale,
    /// The value meaning "no difference": 1 for ratios, 0 for differences.
    pub null_value: f64,
    /// Words under the axis on each side of the null line.
    pub left_label: String,
    pub right_label: String,
    pub rows: Vec<ForestRow>,
}

impl ForestPanel {
    /// Whether any row is drawn on the axis; a panel of notes has no axis.
    pub fn has_marks(&self) -> bool {
        self.rows.iter().any(|r| matches!(r.kind, RowKind::Study | RowKind::Pooled))
    }
}

/// A whole forest plot.
#[derive(Clone, Debug, Default)]
pub struct Forest {
    pub title: String,
    pub panels: Vec<ForestPanel>,
    pub footnote: Option<String>,
}

/// Sizes in CSS pixels; multiplied by the theme's scale when drawn.
struct Metrics {
    row: f64,
    font: f64,
    small: f64,
    title: f64,
    axis: f64,
    gap: f64,
    pad: f64,
}

const METRICS: Metrics = Metrics { row: 24.0, font: 13.0, small: 11.5, title: 15.0, axis: 44.0, gap: 14.0, pad: 10.0 };

/// Column positions in device pixels for a given width.
struct Columns {
    label: (f64, f64),
    n: Option<(f64, f64)>,
    plot: (f64, f64),
    value: Option<(f64, f64)>,
    /// On narrow screens the numbers go on a second line under the label.
    stacked: bool,
}

impl Columns {
    fn for_width(width: f64, theme: &Theme) -> Columns {
        let pad = theme.px(METRICS.pad);
        let inner = (width - 2.0 * pad).max(1.0);
        let css_width = width / theme.scale;
        if css_width < 560.0 {
            let label_w = inner * 0.42;
            Columns { label: (pad, pad + label_w), n: None, plot: (pad + label_w + theme.px(8.0), width - pad), value: None, stacked: true }
        } else {
            let label_w = inner * 0.30;
            let n_w = theme.px(44.0);
            let value_w = (inner * 0.24).max(theme.px(150.0));
            let plot_lo = pad + label_w + n_w + theme.px(8.0);
            let plot_hi = width - pad - value_w - theme.px(8.0);
            Columns {
                label: (pad, pad + label_w),
                n: Some((pad + label_w, pad + label_w + n_w)),
                plot: (plot_lo, plot_hi.max(plot_lo + 10.0)),
                value: Some((width - pad - value_w, width - pad)),
                stacked: false,
            }
        }
    }
}

fn row_height(theme: &Theme, stacked: bool) -> f64 {
    theme.px(if stacked { METRICS.row * 1.55 } else { METRICS.row })
}

impl Forest {
    /// The height (device pixels) the plot needs at `width` to show every row.
    pub fn preferred_height(&self, width: f64, theme: &Theme) -> f64 {
        let cols = Columns::for_width(width, theme);
        let rows: usize = self.panels.iter().map(|p| p.rows.len()).sum();
        let title = if self.title.is_empty() { 0.0 } else { theme.px(METRICS.title + METRICS.gap) };
        let panels: f64 = self.panels.iter().map(|p| theme.px(METRICS.row + METRICS.gap + if p.has_marks() { METRICS.axis } else { 0.0 })).sum();
        let foot = if self.footnote.is_some() { theme.px(METRICS.row) } else { 0.0 };
        theme.px(METRICS.pad) * 2.0 + title + panels + rows as f64 * row_height(theme, cols.stacked) + foot
    }

    /// Draws the plot and returns where each row is, for hit-testing.
    pub fn draw<DB: DrawingBackend>(&self, area: &Area<DB>, theme: &Theme, measure: &dyn TextMeasure, highlight: Option<&str>) -> Result<Layout, ChartError> {
        let (w, h) = area.dim_in_pixel();
        let (width, height) = (w as f64, h as f64);
        area.fill(&theme.background).map_err(|e| ChartError::Backend(e.to_string()))?;
        let cols = Columns::for_width(width, theme);
        let family = theme.font_family;
        let mut hits = Vec::new();
        let mut y = theme.px(METRICS.pad);
        if !self.title.is_empty() {
            let size = theme.font_px(METRICS.title);
            let title = ellipsize(measure, &self.title, size, true, width - 2.0 * theme.px(METRICS.pad));
            draw::text(area, &title, cols.label.0, y + size / 2.0, size, &theme.text, Align::Left, true, family)?;
            y += theme.px(METRICS.title + METRICS.gap);
        }
        if self.panels.iter().all(|p| p.rows.is_empty()) {
            let size = theme.font_px(METRICS.font);
            draw::text(area, "No results to show for this selection.", cols.label.0, y + size, size, &theme.muted, Align::Left, false, family)?;
        }
        for panel in &self.panels {
            y = draw_panel(area, panel, &cols, y, theme, measure, highlight, &mut hits)?;
            y += theme.px(METRICS.gap);
        }
        if let Some(note) = &self.footnote {
            let size = theme.font_px(METRICS.small);
            let note = ellipsize(measure, note, size, false, width - 2.0 * theme.px(METRICS.pad));
            draw::text(area, &note, cols.label.0, (y + size).min(height - size), size, &theme.muted, Align::Left, false, family)?;
        }
        Ok(Layout { hits, content_height: y })
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_panel<DB: DrawingBackend>(
    area: &Area<DB>,
    panel: &ForestPanel,
    cols: &Columns,
    top: f64,
    theme: &Theme,
    measure: &dyn TextMeasure,
    highlight: Option<&str>,
    hits: &mut Vec<Hit>,
) -> Result<f64, ChartError> {
    let family = theme.font_family;
    let font = theme.font_px(METRICS.font);
    let small = theme.font_px(METRICS.small);
    let row_h = row_height(theme, cols.stacked);
    let values = panel.rows.iter().filter(|r| matches!(r.kind, RowKind::Study | RowKind::Pooled)).flat_map(|r| {
        let (lo, hi) = r.ci.unwrap_or((f64::NAN, f64::NAN));
        [r.estimate.unwrap_or(f64::NAN), lo, hi]
    });
    let axis = Axis::fit(panel.scale, values, panel.null_value, cols.plot.0, cols.plot.1);

    // Column headings.
    let mut y = top;
    let head_y = y + row_h.min(theme.px(METRICS.row)) / 2.0;
    let title = ellipsize(measure, &panel.title, font, true, cols.label.1 - cols.label.0);
    draw::text(area, &title, cols.label.0, head_y, font, &theme.text, Align::Left, true, family)?;
    if let Some((_, n_hi)) = cols.n {
        draw::text(area, "n", n_hi - theme.px(6.0), head_y, small, &theme.muted, Align::Right, false, family)?;
    }
    if let Some((v_lo, _)) = cols.value.filter(|_| panel.has_marks()) {
        draw::text(area, "Estimate [95% CI]", v_lo, head_y, small, &theme.muted, Align::Left, false, family)?;
    }
    y += theme.px(METRICS.row);
    let rows_top = y;
    let rows_bottom = rows_top + panel.rows.len() as f64 * row_h;

    let has_marks = panel.has_marks();
    // Null line first, so that squares are drawn over it.
    if let Some(x0) = axis.px(panel.null_value).filter(|_| has_marks) {
        draw::line(area, (x0, rows_top), (x0, rows_bottom), &theme.muted, theme.px(1.0))?;
    }

    let max_weight = panel.rows.iter().filter_map(|r| r.weight).fold(0.0_f64, f64::max);
    for row in &panel.rows {
        let mid = y + row_h / 2.0;
        let line_y = if cols.stacked { y + row_h * 0.33 } else { mid };
        if highlight == Some(row.key.as_str()) {
            draw::rect(area, 0.0, y, area.dim_in_pixel().0 as f64, y + row_h, &theme.highlight, true, 1.0)?;
        }
        match row.kind {
            RowKind::Header => {
                let label = ellipsize(measure, &row.label, font, true, cols.plot.1 - cols.label.0);
                draw::text(area, &label, cols.label.0, mid, font, &theme.text, Align::Left, true, family)?;
            }
            _ => {
                draw_row_text(area, row, cols, y, row_h, theme, measure)?;
                draw_row_mark(area, row, &axis, line_y, theme, max_weight)?;
            }
        }
        if row.kind != RowKind::Header {
            hits.push(Hit { key: row.key.clone(), x0: 0.0, y0: y, x1: area.dim_in_pixel().0 as f64, y1: y + row_h });
        }
        y += row_h;
    }

    if !has_marks {
        return Ok(rows_bottom);
    }
    // Axis with ticks and the "favours" words.
    let axis_y = rows_bottom + theme.px(4.0);
    draw::line(area, (cols.plot.0, axis_y), (cols.plot.1, axis_y), &theme.text, theme.px(1.0))?;
    let tick_count = (((cols.plot.1 - cols.plot.0) / theme.px(56.0)).floor() as usize).clamp(2, 9);
    for t in axis.ticks(tick_count) {
        if let Some(x) = axis.px(t) {
            draw::line(area, (x, axis_y), (x, axis_y + theme.px(4.0)), &theme.text, theme.px(1.0))?;
            draw::text(area, &format_tick(t), x, axis_y + theme.px(12.0), small, &theme.text, Align::Center, false, family)?;
        }
    }
    if let Some(x0) = axis.px(panel.null_value) {
        let words_y = axis_y + theme.px(30.0);
        // Nothing is drawn beside the axis, so the words may run past the plot's ends.
        let left_w = x0 - cols.label.0 - theme.px(6.0);
        let right_w = area.dim_in_pixel().0 as f64 - theme.px(METRICS.pad) - x0 - theme.px(6.0);
        let left = ellipsize(measure, &format!("← {}", panel.left_label), small, false, left_w.max(0.0));
        let right = ellipsize(measure, &format!("{} →", panel.right_label), small, false, right_w.max(0.0));
        draw::text(area, &left, x0 - theme.px(6.0), words_y, small, &theme.muted, Align::Right, false, family)?;
        draw::text(area, &right, x0 + theme.px(6.0), words_y, small, &theme.muted, Align::Left, false, family)?;
    }
    Ok(rows_bottom + theme.px(METRICS.axis))
}

fn draw_row_text<DB: DrawingBackend>(area: &Area<DB>, row: &ForestRow, cols: &Columns, y: f64, row_h: f64, theme: &Theme, measure: &dyn TextMeasure) -> Result<(), ChartError> {
    let family = theme.font_family;
    let font = theme.font_px(METRICS.font);
    let small = theme.font_px(METRICS.small);
    let bold = row.kind == RowKind::Pooled;
    let label_w = cols.label.1 - cols.label.0 - theme.px(4.0);
    let first_y = if cols.stacked { y + row_h * 0.33 } else { y + row_h / 2.0 };
    let mut label = row.label.clone();
    if let Some(badge) = &row.badge {
        label = format!("{label} · {badge}");
    }
    let label = ellipsize(measure, &label, font, bold, label_w);
    draw::text(area, &label, cols.label.0, first_y, font, &theme.text, Align::Left, bold, family)?;
    if cols.stacked {
        let second = [row.value_text.as_str(), row.detail.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" · ");
        let second = ellipsize(measure, &second, small, false, cols.plot.1 - cols.label.0);
        draw::text(area, &second, cols.label.0, y + row_h * 0.76, small, &theme.muted, Align::Left, false, family)?;
    } else {
        if let (Some((_, n_hi)), Some(n)) = (cols.n, row.n) {
            draw::text(area, &n.to_string(), n_hi - theme.px(6.0), first_y, small, &theme.muted, Align::Right, false, family)?;
        }
        if let Some((v_lo, v_hi)) = cols.value {
            // Notes have no mark, so their words may use the plot's width too.
            let from = if row.kind == RowKind::Note { cols.plot.0 } else { v_lo };
            let text = ellipsize(measure, &row.value_text, small, bold, v_hi - from);
            draw::text(area, &text, from, first_y, small, &theme.text, Align::Left, bold, family)?;
        }
    }
    Ok(())
}

fn direction_colour(theme: &Theme, direction: Direction) -> &plotters::style::RGBColor {
    match direction {
        Direction::Favourable => &theme.favourable,
        Direction::Unfavourable => &theme.unfavourable,
        Direction::Unclear => &theme.neutral,
    }
}

fn draw_row_mark<DB: DrawingBackend>(area: &Area<DB>, row: &ForestRow, axis: &Axis, y: f64, theme: &Theme, max_weight: f64) -> Result<(), ChartError> {
    let (Some(est), Some((lo, hi))) = (row.estimate, row.ci) else {
        return Ok(());
    };
    let (Some(x_est), Some(x_lo), Some(x_hi)) = (axis.px(est), axis.px(lo), axis.px(hi)) else {
        return Ok(());
    };
    let colour = direction_colour(theme, row.direction);
    let stroke = theme.px(1.5);
    match row.kind {
        RowKind::Pooled => {
            if let Some((p_lo, p_hi)) = row.pi {
                if let (Some(a), Some(b)) = (axis.px(p_lo), axis.px(p_hi)) {
                    draw::dashed(area, (a, y), (b, y), &theme.pooled, theme.px(1.0), theme.px(3.0))?;
                }
            }
            let half = theme.px(6.0);
            draw::polygon(area, &[(x_lo, y), (x_est, y - half), (x_hi, y), (x_est, y + half)], &theme.pooled, true, stroke)?;
        }
        _ => {
            draw::line(area, (x_lo, y), (x_hi, y), colour, stroke)?;
            let arrow = theme.px(5.0);
            if axis.beyond(lo) == Some(std::cmp::Ordering::Less) {
                draw::polygon(area, &[(x_lo, y), (x_lo + arrow, y - arrow * 0.7), (x_lo + arrow, y + arrow * 0.7)], colour, true, stroke)?;
            }
            if axis.beyond(hi) == Some(std::cmp::Ordering::Greater) {
                draw::polygon(area, &[(x_hi, y), (x_hi - arrow, y - arrow * 0.7), (x_hi - arrow, y + arrow * 0.7)], colour, true, stroke)?;
            }
            let side = match (row.weight, max_weight > 0.0) {
                (Some(w), true) => theme.px(5.0 + 9.0 * (w.max(0.0) / max_weight).sqrt()),
                _ => theme.px(9.0),
            };
            // Filled when the interval excludes no effect; hollow when it includes it,
            // so the distinction never rests on colour alone.
            let filled = row.direction != Direction::Unclear;
            if !filled {
                draw::rect(area, x_est - side / 2.0, y - side / 2.0, x_est + side / 2.0, y + side / 2.0, &theme.background, true, 1.0)?;
            }
            draw::rect(area, x_est - side / 2.0, y - side / 2.0, x_est + side / 2.0, y + side / 2.0, colour, filled, stroke)?;
        }
    }
    Ok(())
}
