//! The forest plot: one row per study-outcome, a square sized by weight and a line
//! for the confidence interval, the pooled diamond with its prediction interval,
//! and side columns with the numbers written out.
//!
//! Rows come in panels, one per axis: ratio measures share a log axis, differences a
//! linear one, since putting a hazard ratio and a mean difference on one axis would
//! mislead. Results that are not comparisons (single-group proportions, pending
//! trials) get a row with words instead of a square, so they are visible but cannot
//! be mistaken for an effect.

use super::axis::{format_tick, Axis, Scale};
use super::draw::{self, Align, Area, Surface, TextStyle};
use super::text::{ellipsize, wrap, ApproxMeasure, TextMeasure};
use super::{ChartError, Hit, Layout, Theme};
use crate::appraise::Certainty;
use crate::i18n::{self, t, Lang};

/// Which arm a result favours, judged by the outcome's own direction of benefit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Favours {
    /// The interval excludes no effect, on the treatment's side.
    Treatment,
    /// The interval excludes no effect, against the treatment.
    Control,
    /// The interval includes no effect.
    Neither,
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
    pub direction: Favours,
    /// GRADE certainty of this result (from the appraisal).
    pub certainty: Option<Certainty>,
    /// The study's caveats; rows with caveats get a "†" after the label.
    pub caveats: Vec<String>,
    /// An http(s) link to the source.
    pub source_url: Option<String>,
    pub year: Option<u16>,
    /// The design's data name (`rct`, `cohort`, ...).
    pub design: Option<String>,
    pub therapy: String,
    pub outcome_id: String,
    /// The estimate on the analysis scale, for sorting.
    pub sort_effect: Option<f64>,
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
            direction: Favours::Neither,
            certainty: None,
            caveats: Vec::new(),
            source_url: None,
            year: None,
            design: None,
            therapy: String::new(),
            outcome_id: String::new(),
            sort_effect: None,
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
        self.rows
            .iter()
            .any(|r| matches!(r.kind, RowKind::Study | RowKind::Pooled))
    }
}

/// A whole forest plot.
#[derive(Clone, Debug, Default)]
pub struct Forest {
    pub title: String,
    pub panels: Vec<ForestPanel>,
    pub footnote: Option<String>,
    /// Language of the words drawn by the plot itself (column headings).
    pub lang: Lang,
    /// The appraisal's plain-language statements for what the plot shows (English).
    pub statements: Vec<String>,
}

/// Sizes in CSS pixels; multiplied by the theme's scale when drawn.
struct Metrics {
    row: f64,
    two_line: f64,
    three_line: f64,
    font: f64,
    small: f64,
    title: f64,
    axis: f64,
    gap: f64,
    pad: f64,
}

/// The tallest a forest is drawn, in device pixels. Browsers refuse or clip canvases
/// past 32,767 px a side (and ~268M pixels); past this height study rows are left out
/// of the drawing (headers and pooled rows stay), counted in a "… and N more" row, and
/// remain in the items (the table, CSV and tooltips' data).
pub const MAX_HEIGHT_PX: f64 = 16_000.0;

/// The rows of one panel that are drawn, and how many study rows were left out.
struct PanelPlan<'a> {
    rows: Vec<&'a ForestRow>,
    hidden: usize,
}

const METRICS: Metrics = Metrics {
    row: 24.0,
    two_line: 38.0,
    three_line: 56.0,
    font: 13.0,
    small: 11.5,
    title: 15.0,
    axis: 44.0,
    gap: 14.0,
    pad: 10.0,
};

/// Column positions in device pixels for a given width.
struct Columns {
    label: (f64, f64),
    n: Option<(f64, f64)>,
    plot: (f64, f64),
    value: Option<(f64, f64)>,
    weight: Option<(f64, f64)>,
    certainty: Option<(f64, f64)>,
    /// On narrow screens the numbers go on lines under the label.
    stacked: bool,
    right: f64,
}

impl Columns {
    fn for_width(width: f64, theme: &Theme, weights: bool, certainty: bool) -> Columns {
        let pad = theme.px(METRICS.pad);
        let inner = (width - 2.0 * pad).max(1.0);
        let css_width = width / theme.scale;
        if css_width < 560.0 {
            let label_w = inner * 0.46;
            return Columns {
                label: (pad, pad + label_w),
                n: None,
                plot: (pad + label_w + theme.px(8.0), width - pad),
                value: None,
                weight: None,
                certainty: None,
                stacked: true,
                right: width - pad,
            };
        }
        let label_w = inner * if css_width < 900.0 { 0.28 } else { 0.26 };
        let n_w = theme.px(44.0);
        let mut right = width - pad;
        let certainty_col = certainty.then(|| {
            let c = (right - theme.px(74.0), right);
            right = c.0 - theme.px(6.0);
            c
        });
        let weight_col = weights.then(|| {
            let c = (right - theme.px(50.0), right);
            right = c.0 - theme.px(6.0);
            c
        });
        let value_w = (inner * 0.22).max(theme.px(150.0));
        let value = (right - value_w, right);
        let plot_lo = pad + label_w + n_w + theme.px(8.0);
        let plot_hi = value.0 - theme.px(10.0);
        Columns {
            label: (pad, pad + label_w),
            n: Some((pad + label_w, pad + label_w + n_w)),
            plot: (plot_lo, plot_hi.max(plot_lo + 10.0)),
            value: Some(value),
            weight: weight_col,
            certainty: certainty_col,
            stacked: false,
            right: width - pad,
        }
    }
}

fn row_height(theme: &Theme, kind: RowKind, stacked: bool) -> f64 {
    theme.px(match (kind, stacked) {
        (RowKind::Header, _) => METRICS.row,
        (_, false) => METRICS.two_line,
        (_, true) => METRICS.three_line,
    })
}

impl Forest {
    fn columns(&self, width: f64, theme: &Theme) -> Columns {
        let rows = || self.panels.iter().flat_map(|p| &p.rows);
        Columns::for_width(
            width,
            theme,
            rows().any(|r| r.weight.is_some()),
            rows().any(|r| r.certainty.is_some()),
        )
    }

    fn footnote_lines(&self, width: f64, theme: &Theme, measure: &dyn TextMeasure) -> Vec<String> {
        match &self.footnote {
            Some(note) => wrap(
                measure,
                note,
                theme.font_px(METRICS.small),
                false,
                width - 2.0 * theme.px(METRICS.pad),
                6,
            ),
            None => Vec::new(),
        }
    }

    /// The height (device pixels) the plot needs at `width` to show the rows it draws
    /// (every row unless that would pass [`MAX_HEIGHT_PX`]).
    pub fn preferred_height(&self, width: f64, theme: &Theme) -> f64 {
        let cols = self.columns(width, theme);
        let fixed = self.fixed_height(width, theme);
        let rows: f64 = self
            .plan(width, theme)
            .iter()
            .map(|p| {
                p.rows
                    .iter()
                    .map(|r| row_height(theme, r.kind, cols.stacked))
                    .sum::<f64>()
                    + if p.hidden > 0 {
                        theme.px(METRICS.row)
                    } else {
                        0.0
                    }
            })
            .sum();
        fixed + rows
    }

    /// Which rows each panel draws: all of them if they fit under [`MAX_HEIGHT_PX`];
    /// else headers and pooled rows, and study rows in order while they fit.
    fn plan(&self, width: f64, theme: &Theme) -> Vec<PanelPlan<'_>> {
        let cols = self.columns(width, theme);
        let h = |r: &ForestRow| row_height(theme, r.kind, cols.stacked);
        let fixed = self.fixed_height(width, theme);
        let all: f64 = self.panels.iter().flat_map(|p| &p.rows).map(h).sum();
        if fixed + all <= MAX_HEIGHT_PX {
            return self
                .panels
                .iter()
                .map(|p| PanelPlan {
                    rows: p.rows.iter().collect(),
                    hidden: 0,
                })
                .collect();
        }
        let others: f64 = self
            .panels
            .iter()
            .flat_map(|p| &p.rows)
            .filter(|r| r.kind != RowKind::Study)
            .map(h)
            .sum();
        let more_rows = self.panels.len() as f64 * theme.px(METRICS.row);
        let mut budget =
            (MAX_HEIGHT_PX - fixed - others - more_rows - theme.px(METRICS.row)).max(0.0);
        self.panels
            .iter()
            .map(|p| {
                let mut plan = PanelPlan {
                    rows: Vec::with_capacity(p.rows.len().min(1024)),
                    hidden: 0,
                };
                for r in &p.rows {
                    if r.kind == RowKind::Study {
                        if h(r) > budget {
                            plan.hidden += 1;
                            continue;
                        }
                        budget -= h(r);
                    }
                    plan.rows.push(r);
                }
                plan
            })
            .collect()
    }

    /// Everything but the rows: margins, title, panel headings and axes, footnote.
    fn fixed_height(&self, width: f64, theme: &Theme) -> f64 {
        let title = if self.title.is_empty() {
            0.0
        } else {
            self.title_lines(width, theme, &ApproxMeasure).len() as f64
                * theme.px(METRICS.title * 1.3)
                + theme.px(METRICS.gap)
        };
        let panels: f64 = self
            .panels
            .iter()
            .map(|p| {
                theme.px(METRICS.row + METRICS.gap + if p.has_marks() { METRICS.axis } else { 0.0 })
            })
            .sum();
        let empty = if self.panels.iter().all(|p| p.rows.is_empty()) {
            theme.px(METRICS.row)
        } else {
            0.0
        };
        let foot = self.footnote_lines(width, theme, &ApproxMeasure).len() as f64
            * theme.px(METRICS.small * 1.4);
        theme.px(METRICS.pad) * 2.0 + title + panels + foot + empty + theme.px(4.0)
    }

    fn title_lines(&self, width: f64, theme: &Theme, measure: &dyn TextMeasure) -> Vec<String> {
        wrap(
            measure,
            &self.title,
            theme.font_px(METRICS.title),
            true,
            width - 2.0 * theme.px(METRICS.pad),
            2,
        )
    }

    /// Draws the plot and returns where each row is, for hit-testing.
    pub fn draw<DB: Surface>(
        &self,
        area: &Area<DB>,
        theme: &Theme,
        measure: &dyn TextMeasure,
        highlight: Option<&str>,
    ) -> Result<Layout, ChartError> {
        let width = draw::background(area, theme)?;
        let cols = self.columns(width, theme);
        let mut hits = Vec::new();
        let mut y = theme.px(METRICS.pad);
        if !self.title.is_empty() {
            let size = theme.font_px(METRICS.title);
            let lines = self.title_lines(width, theme, &ApproxMeasure).len();
            for line in wrap(
                measure,
                &self.title,
                size,
                true,
                width - 2.0 * theme.px(METRICS.pad),
                lines,
            ) {
                draw::text(
                    area,
                    &line,
                    (cols.label.0, y + size * 0.65),
                    TextStyle::new(theme, size).bold(true),
                )?;
                y += theme.px(METRICS.title * 1.3);
            }
            y += theme.px(METRICS.gap);
        }
        if self.panels.iter().all(|p| p.rows.is_empty()) {
            let size = theme.font_px(METRICS.font);
            let text = ellipsize(
                measure,
                t(self.lang, "forest.empty"),
                size,
                false,
                cols.right - cols.label.0,
            );
            draw::text(
                area,
                &text,
                (cols.label.0, y + size),
                TextStyle::new(theme, size).colour(&theme.muted),
            )?;
            y += theme.px(METRICS.row);
        }
        for (panel, plan) in self.panels.iter().zip(self.plan(width, theme)) {
            y = draw_panel(
                area, self.lang, panel, &plan, &cols, y, theme, measure, highlight, &mut hits,
            )?;
            y += theme.px(METRICS.gap);
        }
        let size = theme.font_px(METRICS.small);
        let lines = self.footnote_lines(width, theme, &ApproxMeasure).len();
        if let Some(note) = &self.footnote {
            for line in wrap(
                measure,
                note,
                size,
                false,
                width - 2.0 * theme.px(METRICS.pad),
                lines,
            ) {
                draw::text(
                    area,
                    &line,
                    (cols.label.0, y + size * 0.6),
                    TextStyle::new(theme, size).colour(&theme.muted),
                )?;
                y += theme.px(METRICS.small * 1.4);
            }
        }
        Ok(Layout {
            hits,
            content_height: y,
        })
    }
}

/// The row's label with its badge, ellipsised to `max_w`; a caveat marker always survives.
fn label_text(
    row: &ForestRow,
    measure: &dyn TextMeasure,
    font: f64,
    bold: bool,
    max_w: f64,
) -> String {
    let mut label = row.label.clone();
    if let Some(badge) = &row.badge {
        label = format!("{label} · {badge}");
    }
    let marker = if row.caveats.is_empty() { "" } else { " †" };
    let room = max_w - measure.width(marker, font, bold);
    format!(
        "{}{marker}",
        ellipsize(measure, &label, font, bold, room.max(0.0))
    )
}

#[allow(clippy::too_many_arguments)]
fn draw_panel<DB: Surface>(
    area: &Area<DB>,
    lang: Lang,
    panel: &ForestPanel,
    plan: &PanelPlan<'_>,
    cols: &Columns,
    top: f64,
    theme: &Theme,
    measure: &dyn TextMeasure,
    highlight: Option<&str>,
    hits: &mut Vec<Hit>,
) -> Result<f64, ChartError> {
    let font = theme.font_px(METRICS.font);
    let font_style = TextStyle::new(theme, font);
    let small = theme.font_px(METRICS.small);
    let small_style = TextStyle::new(theme, small);
    let small_muted = small_style.colour(&theme.muted);
    let values = panel
        .rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Study | RowKind::Pooled))
        .flat_map(|r| {
            let (lo, hi) = r.ci.unwrap_or((f64::NAN, f64::NAN));
            [r.estimate.unwrap_or(f64::NAN), lo, hi]
        });
    let axis = Axis::fit(
        panel.scale,
        values,
        panel.null_value,
        cols.plot.0,
        cols.plot.1,
    );
    let has_marks = panel.has_marks();

    // Column headings.
    let mut y = top;
    let head_y = y + theme.px(METRICS.row) / 2.0;
    let title_w = match (cols.stacked, cols.n) {
        (true, _) => cols.right - cols.label.0,
        (false, Some((_, n_hi))) => {
            n_hi - measure.width("n", small, false) - theme.px(12.0) - cols.label.0
        }
        _ => cols.label.1 - cols.label.0,
    };
    let title = ellipsize(measure, &panel.title, font, true, title_w);
    draw::text(area, &title, (cols.label.0, head_y), font_style.bold(true))?;
    if let Some((_, n_hi)) = cols.n {
        draw::text(
            area,
            t(lang, "forest.col.n"),
            (n_hi - theme.px(6.0), head_y),
            small_muted.align(Align::Right),
        )?;
    }
    // Headings of the value, weight and certainty columns, shortened to fit their column.
    let heading = |(lo, hi): (f64, f64), key: &str, align: Align| {
        let head = ellipsize(measure, t(lang, key), small, false, hi - lo);
        let x = if align == Align::Right { hi } else { lo };
        draw::text(area, &head, (x, head_y), small_muted.align(align))
    };
    if let Some(col) = cols.value.filter(|_| has_marks) {
        heading(col, "ui.estimate_ci", Align::Left)?;
    }
    if let Some(col) = cols
        .weight
        .filter(|_| panel.rows.iter().any(|r| r.weight.is_some()))
    {
        heading(col, "forest.col.weight", Align::Right)?;
    }
    if let Some(col) = cols
        .certainty
        .filter(|_| panel.rows.iter().any(|r| r.certainty.is_some()))
    {
        heading(col, "forest.col.certainty", Align::Left)?;
    }
    y += theme.px(METRICS.row);
    let rows_top = y;
    let more_h = if plan.hidden > 0 {
        theme.px(METRICS.row)
    } else {
        0.0
    };
    let rows_bottom = rows_top
        + plan
            .rows
            .iter()
            .map(|r| row_height(theme, r.kind, cols.stacked))
            .sum::<f64>()
        + more_h;

    // Null line first, so that squares are drawn over it. On narrow screens the second and
    // third lines of a row run under the plot, so the line is drawn only beside each mark.
    if let Some(x0) = axis.px(panel.null_value).filter(|_| has_marks) {
        if cols.stacked {
            let mut top = rows_top;
            for &row in &plan.rows {
                if matches!(row.kind, RowKind::Study | RowKind::Pooled) {
                    draw::line(
                        area,
                        (x0, top),
                        (x0, top + theme.px(22.0)),
                        &theme.muted,
                        theme.px(1.0),
                    )?;
                }
                top += row_height(theme, row.kind, cols.stacked);
            }
        } else {
            draw::line(
                area,
                (x0, rows_top),
                (x0, rows_bottom),
                &theme.muted,
                theme.px(1.0),
            )?;
        }
    }

    let max_weight = panel
        .rows
        .iter()
        .filter_map(|r| r.weight)
        .fold(0.0_f64, f64::max);
    let full = area.dim_in_pixel().0 as f64;
    for &row in &plan.rows {
        let row_h = row_height(theme, row.kind, cols.stacked);
        let line1 = y + theme.px(13.0);
        if highlight == Some(row.key.as_str()) {
            draw::rect(area, 0.0, y, full, y + row_h, &theme.highlight, true, 1.0)?;
        }
        match row.kind {
            RowKind::Header => {
                let label = ellipsize(measure, &row.label, font, true, cols.right - cols.label.0);
                draw::text(
                    area,
                    &label,
                    (cols.label.0, y + row_h / 2.0),
                    font_style.bold(true),
                )?;
            }
            _ => {
                draw_row_text(area, lang, row, cols, y, theme, measure)?;
                draw_row_mark(area, row, &axis, line1, theme, max_weight)?;
                hits.push(Hit {
                    key: row.key.clone(),
                    x0: 0.0,
                    y0: y,
                    x1: full,
                    y1: y + row_h,
                });
            }
        }
        y += row_h;
    }
    if plan.hidden > 0 {
        let text = i18n::tf(lang, "forest.more", &[&i18n::int(lang, plan.hidden as u64)]);
        let text = ellipsize(measure, &text, small, false, cols.right - cols.label.0);
        draw::text(area, &text, (cols.label.0, y + more_h / 2.0), small_muted)?;
    }

    if !has_marks {
        return Ok(rows_bottom);
    }
    // Axis with ticks and the "favours" words.
    let axis_y = rows_bottom + theme.px(4.0);
    draw::line(
        area,
        (cols.plot.0, axis_y),
        (cols.plot.1, axis_y),
        &theme.text,
        theme.px(1.0),
    )?;
    let tick_count = (((cols.plot.1 - cols.plot.0) / theme.px(48.0)).floor() as usize).clamp(2, 9);
    let mut last_right = f64::NEG_INFINITY;
    for tick in axis.ticks(tick_count) {
        if let Some(x) = axis.px(tick) {
            let label = format_tick_lang(lang, tick);
            let w = measure.width(&label, small, false);
            draw::line(
                area,
                (x, axis_y),
                (x, axis_y + theme.px(4.0)),
                &theme.text,
                theme.px(1.0),
            )?;
            // Skip a label that would touch the previous one or leave the canvas.
            if x - w / 2.0 > last_right + theme.px(4.0) && x + w / 2.0 <= full && x - w / 2.0 >= 0.0
            {
                draw::text(
                    area,
                    &label,
                    (x, axis_y + theme.px(12.0)),
                    small_style.align(Align::Center),
                )?;
                last_right = x + w / 2.0;
            }
        }
    }
    if let Some(x0) = axis.px(panel.null_value) {
        let words_y = axis_y + theme.px(30.0);
        // Nothing is drawn beside the axis, so the words may run past the plot's ends.
        let left_w = x0 - cols.label.0 - theme.px(6.0);
        let right_w = cols.right - x0 - theme.px(6.0);
        let left = ellipsize(
            measure,
            &format!("← {}", panel.left_label),
            small,
            false,
            left_w.max(0.0),
        );
        let right = ellipsize(
            measure,
            &format!("{} →", panel.right_label),
            small,
            false,
            right_w.max(0.0),
        );
        draw::text(
            area,
            &left,
            (x0 - theme.px(6.0), words_y),
            small_muted.align(Align::Right),
        )?;
        draw::text(area, &right, (x0 + theme.px(6.0), words_y), small_muted)?;
    }
    Ok(rows_bottom + theme.px(METRICS.axis))
}

/// Tick labels in the reader's language (decimal comma for Spanish and French).
pub fn format_tick_lang(lang: Lang, v: f64) -> String {
    let s = format_tick(v);
    if lang == Lang::En {
        s
    } else {
        s.replace('.', ",")
    }
}

fn draw_row_text<DB: Surface>(
    area: &Area<DB>,
    lang: Lang,
    row: &ForestRow,
    cols: &Columns,
    y: f64,
    theme: &Theme,
    measure: &dyn TextMeasure,
) -> Result<(), ChartError> {
    let font = theme.font_px(METRICS.font);
    let small = theme.font_px(METRICS.small);
    let small_style = TextStyle::new(theme, small);
    let small_muted = small_style.colour(&theme.muted);
    let bold = row.kind == RowKind::Pooled;
    let line1 = y + theme.px(13.0);
    let line2 = y + theme.px(28.0);
    let line3 = y + theme.px(44.0);
    let label_w = cols.label.1 - cols.label.0 - theme.px(4.0);
    let is_note = row.kind == RowKind::Note;
    // A note has no mark, so its label may use the whole width on narrow screens.
    let label_w = if cols.stacked && is_note {
        cols.right - cols.label.0
    } else {
        label_w
    };
    let label = label_text(row, measure, font, bold, label_w);
    draw::text(
        area,
        &label,
        (cols.label.0, line1),
        TextStyle::new(theme, font).bold(bold),
    )?;
    let certainty = row
        .certainty
        .map(|c| super::build::certainty_words(lang, c));
    if cols.stacked {
        let detail = ellipsize(
            measure,
            &row.detail,
            small,
            false,
            cols.right - cols.label.0,
        );
        draw::text(area, &detail, (cols.label.0, line2), small_muted)?;
        let mut third = row.value_text.clone();
        if let Some(w) = row.weight {
            third = format!("{third} · {}", i18n::pct(lang, w / 100.0, 1));
        }
        if let Some(c) = certainty {
            third = format!("{third} · {}: {c}", t(lang, "ui.certainty"));
        }
        let third = ellipsize(measure, &third, small, bold, cols.right - cols.label.0);
        draw::text(area, &third, (cols.label.0, line3), small_style.bold(bold))?;
        return Ok(());
    }
    // The detail line may run under the n column, which is empty on the second line.
    let detail_w = if row.kind == RowKind::Pooled {
        cols.value.map_or(cols.right, |v| v.0) - cols.label.0 - theme.px(8.0)
    } else {
        cols.plot.0 - cols.label.0 - theme.px(8.0)
    };
    let detail = ellipsize(measure, &row.detail, small, false, detail_w);
    draw::text(area, &detail, (cols.label.0, line2), small_muted)?;
    if let (Some((_, n_hi)), Some(n)) = (cols.n, row.n) {
        draw::text(
            area,
            &i18n::int(lang, n.into()),
            (n_hi - theme.px(6.0), line1),
            small_muted.align(Align::Right),
        )?;
    }
    if let Some((v_lo, v_hi)) = cols.value {
        if is_note {
            // Notes have no mark, so their words use the plot's width too, on up to two lines.
            let lines = wrap(
                measure,
                &row.value_text,
                small,
                false,
                v_hi - cols.plot.0,
                2,
            );
            for (i, line) in lines.iter().enumerate() {
                draw::text(
                    area,
                    line,
                    (cols.plot.0, if i == 0 { line1 } else { line2 }),
                    small_style,
                )?;
            }
        } else {
            let text = ellipsize(measure, &row.value_text, small, bold, v_hi - v_lo);
            draw::text(area, &text, (v_lo, line1), small_style.bold(bold))?;
        }
    }
    if let (Some((_, w_hi)), Some(w)) = (cols.weight, row.weight) {
        draw::text(
            area,
            &i18n::pct(lang, w / 100.0, 1),
            (w_hi, line1),
            small_muted.align(Align::Right),
        )?;
    }
    if let (Some((c_lo, c_hi)), Some(c)) = (cols.certainty, certainty) {
        let c = ellipsize(measure, c, small, false, c_hi - c_lo);
        draw::text(area, &c, (c_lo, line1), small_style)?;
    }
    Ok(())
}

pub(crate) fn favours_colour(theme: &Theme, favours: Favours) -> &plotters::style::RGBColor {
    match favours {
        Favours::Treatment => &theme.favourable,
        Favours::Control => &theme.unfavourable,
        Favours::Neither => &theme.neutral,
    }
}

fn draw_row_mark<DB: Surface>(
    area: &Area<DB>,
    row: &ForestRow,
    axis: &Axis,
    y: f64,
    theme: &Theme,
    max_weight: f64,
) -> Result<(), ChartError> {
    let (Some(est), Some((lo, hi))) = (row.estimate, row.ci) else {
        return Ok(());
    };
    let (Some(x_est), Some(x_lo), Some(x_hi)) = (axis.px(est), axis.px(lo), axis.px(hi)) else {
        return Ok(());
    };
    let colour = favours_colour(theme, row.direction);
    let stroke = theme.px(1.5);
    match row.kind {
        RowKind::Pooled => {
            if let Some((p_lo, p_hi)) = row.pi {
                if let (Some(a), Some(b)) = (axis.px(p_lo), axis.px(p_hi)) {
                    draw::dashed(
                        area,
                        (a, y),
                        (b, y),
                        &theme.pooled,
                        theme.px(1.0),
                        theme.px(3.0),
                    )?;
                }
            }
            let half = theme.px(6.0);
            draw::polygon(
                area,
                &[(x_lo, y), (x_est, y - half), (x_hi, y), (x_est, y + half)],
                &theme.pooled,
                true,
                stroke,
            )?;
        }
        _ => {
            draw::line(area, (x_lo, y), (x_hi, y), colour, stroke)?;
            let arrow = theme.px(5.0);
            if axis.beyond(lo) == Some(std::cmp::Ordering::Less) {
                draw::polygon(
                    area,
                    &[
                        (x_lo, y),
                        (x_lo + arrow, y - arrow * 0.7),
                        (x_lo + arrow, y + arrow * 0.7),
                    ],
                    colour,
                    true,
                    stroke,
                )?;
            }
            if axis.beyond(hi) == Some(std::cmp::Ordering::Greater) {
                draw::polygon(
                    area,
                    &[
                        (x_hi, y),
                        (x_hi - arrow, y - arrow * 0.7),
                        (x_hi - arrow, y + arrow * 0.7),
                    ],
                    colour,
                    true,
                    stroke,
                )?;
            }
            let side = match (row.weight, max_weight > 0.0) {
                (Some(w), true) => theme.px(5.0 + 9.0 * (w.max(0.0) / max_weight).sqrt()),
                _ => theme.px(9.0),
            };
            // Filled when the interval excludes no effect; hollow when it includes it,
            // so the distinction never rests on colour alone.
            let filled = row.direction != Favours::Neither;
            if !filled {
                draw::rect(
                    area,
                    x_est - side / 2.0,
                    y - side / 2.0,
                    x_est + side / 2.0,
                    y + side / 2.0,
                    &theme.background,
                    true,
                    1.0,
                )?;
            }
            draw::rect(
                area,
                x_est - side / 2.0,
                y - side / 2.0,
                x_est + side / 2.0,
                y + side / 2.0,
                colour,
                filled,
                stroke,
            )?;
        }
    }
    Ok(())
}
