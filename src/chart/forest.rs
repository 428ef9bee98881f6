//! The forest plot: one row per study-outcome, a square sized by weight and a line
//! for the confidence interval, the pooled diamond with its prediction interval,
//! and side columns with the numbers written out.
//!
//! Rows come in panels, one per axis: ratio measures share a log axis, differences a
//! linear one, since putting a hazard ratio and a mean difference on one axis would
//! mislead. Results that are not comparisons (single-group proportions, pending
//! trials) get a row with words instead of a square, so they are visible but cannot
//! be mistaken for an effect.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use super::axis::{format_tick, Axis, Scale};
use super::draw::{self, Align, Pen, Sheet, TextStyle};
use super::text::{ApproxMeasure, TextMeasure, Wrapped};
use super::{ChartError, Hit, Layout, Theme};
use crate::appraise::Certainty;
use crate::i18n::{self, t, Lang};
use crate::stats::effect::Effect;

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

/// A row's numbers: an effect, written out only when the row is shown or asked for (most rows
/// of a long forest never are: writing them all was a sixth of building a forest of 10,000
/// studies), or words.
#[derive(Clone, Debug)]
pub enum RowValue {
    /// Words, such as "results pending" or a proportion with its interval.
    Words(String),
    /// An effect with its interval ("HR 0.07 [0.02, 0.24]"), said to describe one group only
    /// when `one_group`.
    Effect { effect: Effect, one_group: bool },
}

impl RowValue {
    /// The numbers written out in `lang`.
    pub fn text(&self, lang: Lang) -> Cow<'_, str> {
        match self {
            RowValue::Words(words) => Cow::Borrowed(words),
            RowValue::Effect { effect, one_group } => {
                let numbers = i18n::result(
                    lang,
                    effect.measure.as_str(),
                    effect.estimate,
                    effect.ci_lb,
                    effect.ci_ub,
                );
                Cow::Owned(if *one_group {
                    format!("{numbers} ({})", t(lang, "result.one_group"))
                } else {
                    numbers
                })
            }
        }
    }
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
    /// The numbers, e.g. "HR 0.07 [0.02, 0.24]" or "results pending" (see [`RowValue`]).
    pub value: RowValue,
    /// A short design badge such as "RCT" or "1 arm".
    pub badge: Option<String>,
    pub direction: Favours,
    /// GRADE certainty of this result (from the appraisal).
    pub certainty: Option<Certainty>,
    /// The study's caveats (in the details).
    pub caveats: Vec<String>,
    /// Whether a caveat changes how the row's numbers should be read (they are not from the
    /// peer-reviewed paper, were derived, or count treatment periods as people): such rows,
    /// and only they, get a "†" after the label.
    pub marked: bool,
    /// An http(s) link to the source.
    pub source_url: Option<String>,
    pub year: Option<u16>,
    /// The design's data name (`rct`, `cohort`, ...).
    pub design: Option<String>,
    pub therapy: String,
    pub outcome_id: String,
    /// The estimate on the analysis scale, for sorting.
    pub sort_effect: Option<f64>,
    /// Which of its body's subgroups the row is in (by order of first appearance), for a body
    /// whose subgroups are pooled on their own: its members, the subgroup's title and subtotal.
    pub subgroup: Option<usize>,
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
            value: RowValue::Words(String::new()),
            badge: None,
            direction: Favours::Neither,
            certainty: None,
            caveats: Vec::new(),
            marked: false,
            source_url: None,
            year: None,
            design: None,
            therapy: String::new(),
            outcome_id: String::new(),
            sort_effect: None,
            subgroup: None,
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
    /// Drawn as a poster (see [`Scene::set_poster`](super::Scene::set_poster)): at most
    /// [`POSTER_HEIGHT_PX`] tall.
    pub poster: bool,
    /// The last layout (a forest's rows do not change once it is built; a copy starts without).
    pub(super) kept: KeptLayout,
}

/// A forest's last layout and the width, scale and poster flag it was made for, kept for the
/// next at the same: a long forest is laid out for its height, then drawn, then drawn again a
/// window at a time as the page scrolls, and laying out its rows is most of each of those. Behind
/// a mutex, so that a scene can still be drawn on any thread (a server drawing SVG in a pool).
#[derive(Default)]
pub(super) struct KeptLayout(Mutex<Option<(LayoutKey, Arc<Placement>)>>);

/// The width's and the scale's bits, and the poster flag.
type LayoutKey = (u64, u64, bool);

/// A copy may be changed before it is drawn: it lays itself out anew.
impl Clone for KeptLayout {
    fn clone(&self) -> Self {
        KeptLayout::default()
    }
}

impl fmt::Debug for KeptLayout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KeptLayout")
    }
}

/// Sizes in CSS pixels; multiplied by the theme's scale when drawn.
struct Metrics {
    /// A one-line row: a group header, the column headings, "… and N more".
    row: f64,
    /// The pitch of a row's lines in the main font and in the small one.
    line: f64,
    small_line: f64,
    /// Room above and below a row's lines.
    row_top: f64,
    row_bottom: f64,
    /// On narrow screens, the line of a row that holds its interval.
    mark: f64,
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

/// The tallest a forest's poster is, in its pixels: the first screens of the chart. A poster of
/// every row of a long forest was as costly to show as the chart it stands in for (2,000 studies:
/// 300 KB of SVG, about 300 ms of a page's main thread to decode and paint). Study rows past it
/// are counted in a row that says the interactive chart shows them.
pub const POSTER_HEIGHT_PX: f64 = 2_400.0;

const METRICS: Metrics = Metrics {
    row: 24.0,
    line: 16.0,
    small_line: 14.5,
    row_top: 5.0,
    row_bottom: 4.0,
    mark: 18.0,
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
    /// On narrow screens a row is a stack: its label and detail on full-width lines, its
    /// interval across the whole width under them, and its numbers under that.
    stacked: bool,
    right: f64,
}

impl Columns {
    fn for_width(width: f64, theme: &Theme, weights: bool, certainty: bool) -> Columns {
        let pad = theme.px(METRICS.pad);
        let inner = (width - 2.0 * pad).max(1.0);
        let css_width = width / theme.scale;
        if css_width < 560.0 {
            return Columns {
                label: (pad, pad + inner),
                n: None,
                plot: (pad, pad + inner),
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

    fn full(&self) -> f64 {
        self.right - self.label.0
    }
}

/// One row's text broken into lines at one width, and the height it needs.
struct RowText {
    /// The row's place in its panel's rows.
    row: usize,
    /// The label with its badge and caveat marker.
    label: Wrapped,
    detail: Wrapped,
    /// The numbers: in the value column on wide screens (a note's across the plot too), on
    /// lines under the interval on narrow ones (with the weight and certainty).
    value: Wrapped,
    /// Wide screens: the certainty column.
    certainty: Wrapped,
    height: f64,
}

/// A heading of a column: its x, its alignment there, its words.
struct Heading {
    x: f64,
    align: Align,
    text: Wrapped,
}

/// One panel laid out: its headings, the rows it draws, its axis.
struct PanelText {
    /// The panel's place in the forest's panels.
    panel: usize,
    /// The panel's title; on its own lines above the column headings when it does not fit
    /// beside them.
    title: Wrapped,
    title_h: f64,
    headings: Vec<Heading>,
    head_h: f64,
    /// The rows drawn (all of them unless the plot would pass its `max_height`).
    rows: Vec<RowText>,
    /// Study rows left out, and the row that says how many.
    hidden: usize,
    more: Wrapped,
    more_h: f64,
    axis: Option<Axis>,
    /// The words under the axis either side of the null line.
    left: Wrapped,
    right: Wrapped,
    axis_h: f64,
}

impl PanelText {
    fn rows_h(&self) -> f64 {
        self.rows.iter().map(|r| r.height).sum::<f64>() + self.more_h
    }
}

/// Where everything goes at one width.
struct Placement {
    cols: Columns,
    title: Wrapped,
    empty: Option<Wrapped>,
    panels: Vec<PanelText>,
    footnote: Wrapped,
    height: f64,
}

/// The height of `lines` lines of `pitch` in a one-line row's box, and the top of the first
/// line, so that one line sits in the middle of a [`Metrics::row`].
fn boxed(theme: &Theme, lines: usize, pitch: f64) -> (f64, f64) {
    let row = theme.px(METRICS.row);
    let h = lines as f64 * theme.px(pitch);
    (
        row.max(h + (row - theme.px(pitch))),
        (row - theme.px(pitch)) / 2.0,
    )
}

/// The row's label with its badge; a caveat marker stays joined to its last word.
fn label_text(row: &ForestRow) -> String {
    let mut label = row.label.clone();
    if let Some(badge) = &row.badge {
        label = format!("{label} · {badge}");
    }
    if row.marked {
        label.push_str("\u{a0}†");
    }
    label
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

    /// The tallest the plot is drawn: [`MAX_HEIGHT_PX`], or [`POSTER_HEIGHT_PX`] for a poster.
    fn max_height(&self) -> f64 {
        if self.poster {
            POSTER_HEIGHT_PX
        } else {
            MAX_HEIGHT_PX
        }
    }

    /// The height (device pixels) the plot needs at `width` to show the rows it draws
    /// (every row unless that would pass [`MAX_HEIGHT_PX`], or [`POSTER_HEIGHT_PX`] for a poster).
    pub fn preferred_height(&self, width: f64, theme: &Theme) -> f64 {
        self.layout(width, theme).height
    }

    /// The layout at `width`: the one kept from the last time, if that was at the same width,
    /// scale and poster flag, else a new one, which is kept.
    fn layout(&self, width: f64, theme: &Theme) -> Arc<Placement> {
        let key = (width.to_bits(), theme.scale.to_bits(), self.poster);
        // A layout is kept whole or not at all: one a panicking thread left is as good.
        let mut kept = self.kept.0.lock().unwrap_or_else(PoisonError::into_inner);
        match &*kept {
            Some((at, placement)) if *at == key => Arc::clone(placement),
            _ => {
                let placement = Arc::new(self.lay_out(width, theme));
                *kept = Some((key, Arc::clone(&placement)));
                placement
            }
        }
    }

    /// The one layout step: every text broken into lines (once, with
    /// [`ApproxMeasure`](super::text::ApproxMeasure), see [`super::text`]), every row as tall
    /// as its lines, and which rows are drawn.
    fn lay_out(&self, width: f64, theme: &Theme) -> Placement {
        let cols = self.columns(width, theme);
        let pad = theme.px(METRICS.pad);
        let title = Wrapped::new(
            &self.title,
            theme.font_px(METRICS.title),
            true,
            width - 2.0 * pad,
        );
        let empty = self.panels.iter().all(|p| p.rows.is_empty()).then(|| {
            Wrapped::new(
                t(self.lang, "forest.empty"),
                theme.font_px(METRICS.font),
                false,
                cols.full(),
            )
        });
        let footnote = Wrapped::new(
            self.footnote.as_deref().unwrap_or_default(),
            theme.font_px(METRICS.small),
            false,
            width - 2.0 * pad,
        );
        let mut panels: Vec<PanelText> = self
            .panels
            .iter()
            .enumerate()
            .map(|(i, p)| panel_text(self.lang, (i, p), &cols, theme))
            .collect();
        let fixed = 2.0 * pad
            + if title.is_empty() {
                0.0
            } else {
                title.height(theme.px(METRICS.title * 1.3)) + theme.px(METRICS.gap)
            }
            + empty
                .as_ref()
                .map_or(0.0, |e| e.height(theme.px(METRICS.row)))
            + panels
                .iter()
                .map(|p| p.title_h + p.head_h + p.axis_h + theme.px(METRICS.gap))
                .sum::<f64>()
            + footnote.height(theme.px(METRICS.small * 1.4));
        let words = Words::new(self.lang);
        if !self.all_rows(&mut panels, self.max_height() - fixed, &words, &cols, theme) {
            self.leave_out(&mut panels, fixed, &words, &cols, theme);
        }
        let height = fixed + panels.iter().map(PanelText::rows_h).sum::<f64>();
        Placement {
            cols,
            title,
            empty,
            panels,
            footnote,
            height,
        }
    }

    /// Lays out every row, if they fit in `room`; stops as soon as they cannot (a forest of
    /// thousands of studies is not laid out whole to find that out).
    fn all_rows(
        &self,
        panels: &mut [PanelText],
        room: f64,
        words: &Words,
        cols: &Columns,
        theme: &Theme,
    ) -> bool {
        let mut used = 0.0;
        for p in panels.iter_mut() {
            for (i, r) in self.panels[p.panel].rows.iter().enumerate() {
                let text = row_text(words, (i, r), cols, theme);
                used += text.height;
                if used > room {
                    return false;
                }
                p.rows.push(text);
            }
        }
        true
    }

    /// Keeps pooled rows and notes, and study rows in order while they fit under the plot's
    /// [`max_height`](Self::max_height) (from the first that does not, none), each group's header
    /// with its first row kept; each panel that leaves some out gets a row that counts them. Rows
    /// left out are not laid out.
    fn leave_out(
        &self,
        panels: &mut [PanelText],
        fixed: f64,
        words: &Words,
        cols: &Columns,
        theme: &Theme,
    ) {
        let more = |n: usize| {
            let key = if self.poster {
                "forest.more_poster"
            } else {
                "forest.more"
            };
            let text = i18n::tf(self.lang, key, &[&i18n::int(self.lang, n as u64)]);
            let w = Wrapped::new(&text, theme.font_px(METRICS.small), false, cols.full());
            let h = boxed(theme, w.len(), METRICS.small_line).0;
            (w, h)
        };
        let is_study = |r: &&ForestRow| r.kind == RowKind::Study;
        let is_header = |r: &ForestRow| r.kind == RowKind::Header;
        // Room for each panel's "more" row, counted as if it left out all its studies (fewer
        // digits never take more lines), and a row to spare.
        let rows_of = |p: &PanelText| &self.panels[p.panel].rows;
        let reserved: Vec<f64> = panels
            .iter()
            .map(|p| more(rows_of(p).iter().filter(is_study).count()).1)
            .collect();
        // Whether each row's group (the rows up to the next header) has a pooled row or a note:
        // those are always drawn, with their group's header.
        let has_kept = |rows: &[ForestRow]| -> Vec<bool> {
            let mut out = vec![false; rows.len()];
            let mut start = 0;
            for i in 1..=rows.len() {
                if i == rows.len() || is_header(&rows[i]) {
                    let kept = rows[start..i]
                        .iter()
                        .any(|r| !is_study(&r) && !is_header(r));
                    out[start..i].fill(kept);
                    start = i;
                }
            }
            out
        };
        let groups: Vec<Vec<bool>> = panels.iter().map(|p| has_kept(rows_of(p))).collect();
        // The rows that are not studies, in each panel's order, and the height of those always
        // drawn: pooled rows and notes, and the headers of their groups.
        let kept: Vec<Vec<RowText>> = panels
            .iter()
            .map(|p| {
                let others = rows_of(p).iter().enumerate().filter(|(_, r)| !is_study(r));
                others.map(|r| row_text(words, r, cols, theme)).collect()
            })
            .collect();
        let always: f64 = panels
            .iter()
            .zip(&groups)
            .zip(&kept)
            .map(|((p, group), kept)| {
                let others = rows_of(p).iter().zip(group).filter(|(r, _)| !is_study(r));
                others
                    .zip(kept)
                    .filter(|((r, drawn), _)| !is_header(r) || **drawn)
                    .map(|(_, text)| text.height)
                    .sum::<f64>()
            })
            .sum();
        let mut budget = (self.max_height()
            - fixed
            - always
            - reserved.iter().sum::<f64>()
            - theme.px(METRICS.row))
        .max(0.0);
        for (((p, kept), group), reserved) in panels.iter_mut().zip(kept).zip(groups).zip(reserved)
        {
            p.rows.clear();
            let mut kept = kept.into_iter();
            // The group's header until a row of the group is drawn; a group none of whose rows
            // is drawn loses it (the count below the panel says what is left out).
            let mut header: Option<RowText> = None;
            let rows = &self.panels[p.panel].rows;
            for (i, (r, &drawn_anyway)) in rows.iter().zip(&group).enumerate() {
                if is_header(r) {
                    header = kept.next();
                    continue;
                }
                if !is_study(&r) {
                    p.rows.extend(header.take());
                    p.rows.extend(kept.next());
                    continue;
                }
                if budget > 0.0 {
                    let text = row_text(words, (i, r), cols, theme);
                    // A group of studies alone pays for its header with its first row drawn.
                    let head = match &header {
                        Some(h) if !drawn_anyway => h.height,
                        _ => 0.0,
                    };
                    if text.height + head <= budget {
                        budget -= text.height + head;
                        p.rows.extend(header.take());
                        p.rows.push(text);
                        continue;
                    }
                    budget = 0.0;
                }
                p.hidden += 1;
            }
            if p.hidden > 0 {
                let (w, h) = more(p.hidden);
                p.more = w;
                p.more_h = h.max(reserved);
            }
        }
    }

    /// Draws the plot on a sheet (from [`Sheet::start`], which painted the background) and
    /// returns where each row is, for hit-testing.
    pub fn draw(&self, s: &Sheet, highlight: Option<&str>) -> Result<Layout, ChartError> {
        let (theme, width) = (s.theme, s.width);
        let p = self.layout(width, theme);
        let cols = &p.cols;
        let mut hits = Vec::new();
        let mut y = theme.px(METRICS.pad);
        if !p.title.is_empty() {
            let pitch = theme.px(METRICS.title * 1.3);
            let style = TextStyle::new(theme, p.title.size);
            y = s.wrapped(&p.title, (cols.label.0, y), pitch, style)?;
            y += theme.px(METRICS.gap);
        }
        if let Some(empty) = &p.empty {
            let style = TextStyle::new(theme, empty.size).colour(&theme.muted);
            let pitch = theme.px(METRICS.row);
            y = s.wrapped(empty, (cols.label.0, y), pitch, style)?;
        }
        let ctx = Ctx {
            sheet: *s,
            panels: &self.panels,
            lang: self.lang,
            cols,
        };
        for panel in &p.panels {
            y = ctx.panel(panel, y, highlight, &mut hits)?;
            y += theme.px(METRICS.gap);
        }
        let style = TextStyle::new(theme, p.footnote.size).colour(&theme.muted);
        let pitch = theme.px(METRICS.small * 1.4);
        s.wrapped(&p.footnote, (cols.label.0, y), pitch, style)?;
        Ok(Layout {
            hits,
            content_height: p.height,
        })
    }
}

/// A panel's headings, rows and axis words, broken into lines.
fn panel_text(
    lang: Lang,
    (at, panel): (usize, &ForestPanel),
    cols: &Columns,
    theme: &Theme,
) -> PanelText {
    let font = theme.font_px(METRICS.font);
    let small = theme.font_px(METRICS.small);
    let has_marks = panel.has_marks();
    let axis = has_marks.then(|| {
        let values = panel
            .rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Study | RowKind::Pooled))
            .flat_map(|r| {
                let (lo, hi) = r.ci.unwrap_or((f64::NAN, f64::NAN));
                [r.estimate.unwrap_or(f64::NAN), lo, hi]
            });
        Axis::fit(
            panel.scale,
            values,
            panel.null_value,
            cols.plot.0,
            cols.plot.1,
        )
    });
    // Column headings, each broken to its column's width.
    let mut headings = Vec::new();
    let mut heading = |(lo, hi): (f64, f64), key: &str, align: Align| {
        headings.push(Heading {
            x: if align == Align::Right { hi } else { lo },
            align,
            text: Wrapped::new(t(lang, key), small, false, hi - lo),
        });
    };
    if let Some((n_lo, n_hi)) = cols.n {
        heading((n_lo, n_hi - theme.px(6.0)), "forest.col.n", Align::Right);
    }
    if let Some(col) = cols.value.filter(|_| has_marks) {
        heading(col, "ui.estimate_ci", Align::Left);
    }
    if let Some(col) = cols
        .weight
        .filter(|_| panel.rows.iter().any(|r| r.weight.is_some()))
    {
        heading(col, "forest.col.weight", Align::Right);
    }
    if let Some(col) = cols
        .certainty
        .filter(|_| panel.rows.iter().any(|r| r.certainty.is_some()))
    {
        heading(col, "forest.col.certainty", Align::Left);
    }
    // The title goes beside the headings when it fits before the first of them on one line,
    // else on lines of its own across the whole width.
    let beside = headings
        .iter()
        .map(|h| match h.align {
            Align::Right => {
                h.x - h
                    .text
                    .lines
                    .iter()
                    .map(|l| ApproxMeasure.width(l, small, false))
                    .fold(0.0, f64::max)
            }
            _ => h.x,
        })
        .fold(cols.right, f64::min)
        - theme.px(12.0)
        - cols.label.0;
    let inline = Wrapped::new(&panel.title, font, true, beside);
    let (title, title_h) = if headings.is_empty() || inline.len() <= 1 {
        let title = if headings.is_empty() {
            Wrapped::new(&panel.title, font, true, cols.full())
        } else {
            inline
        };
        (title, 0.0)
    } else {
        let title = Wrapped::new(&panel.title, font, true, cols.full());
        let h = title.height(theme.px(METRICS.line)) + theme.px(4.0);
        (title, h)
    };
    let head_lines = headings
        .iter()
        .map(|h| h.text.len())
        .max()
        .unwrap_or(0)
        .max(if title_h > 0.0 { 0 } else { 1 });
    let head_h = if title_h > 0.0 {
        boxed(theme, head_lines, METRICS.small_line).0
    } else {
        // The title's lines (of the main font) beside the headings' (of the small one).
        let h_title = boxed(theme, title.len(), METRICS.line).0;
        h_title.max(boxed(theme, head_lines, METRICS.small_line).0)
    };
    // The words either side of the null line may run past the plot's ends: nothing is
    // drawn beside the axis.
    let (left, right) = match axis.and_then(|a| a.px(panel.null_value)) {
        Some(x0) => (
            Wrapped::new(
                &panel.left_label,
                small,
                false,
                (x0 - cols.label.0 - theme.px(6.0)).max(1.0),
            ),
            Wrapped::new(
                &panel.right_label,
                small,
                false,
                (cols.right - x0 - theme.px(6.0)).max(1.0),
            ),
        ),
        None => Default::default(),
    };
    let word_lines = left.len().max(right.len()).max(1) - 1;
    let axis_h = if has_marks {
        theme.px(METRICS.axis + word_lines as f64 * METRICS.small_line)
    } else {
        0.0
    };
    PanelText {
        panel: at,
        title,
        title_h,
        headings,
        head_h,
        rows: Vec::new(),
        hidden: 0,
        more: Wrapped::default(),
        more_h: 0.0,
        axis,
        left,
        right,
        axis_h,
    }
}

/// The words rows share, looked up once per layout rather than once for each of
/// thousands of rows.
struct Words {
    lang: Lang,
    /// Each certainty level in words, weakest first.
    certainty: [&'static str; 4],
    /// Each level with its label, as the stacked rows say it ("Certainty: low").
    certainty_labelled: [String; 4],
}

impl Words {
    fn new(lang: Lang) -> Words {
        Words {
            lang,
            certainty: Certainty::ALL.map(|c| c.words(lang)),
            certainty_labelled: Certainty::ALL
                .map(|c| i18n::labelled(lang, t(lang, "ui.certainty"), c.words(lang))),
        }
    }

    fn certainty(&self, c: Certainty) -> &'static str {
        self.certainty[level(c)]
    }
}

/// Where a level stands in [`Certainty::ALL`], weakest first.
fn level(c: Certainty) -> usize {
    (c.score().clamp(1, 4) - 1) as usize
}

/// A row's text broken into lines for its columns, and its height.
fn row_text(
    words: &Words,
    (at, row): (usize, &ForestRow),
    cols: &Columns,
    theme: &Theme,
) -> RowText {
    let lang = words.lang;
    let font = theme.font_px(METRICS.font);
    let small = theme.font_px(METRICS.small);
    let bold = row.kind == RowKind::Pooled;
    let line = theme.px(METRICS.line);
    let small_line = theme.px(METRICS.small_line);
    if row.kind == RowKind::Header {
        let label = Wrapped::new(&row.label, font, true, cols.full());
        let height = boxed(theme, label.len(), METRICS.line).0;
        return RowText {
            row: at,
            label,
            detail: Wrapped::default(),
            value: Wrapped::default(),
            certainty: Wrapped::default(),
            height,
        };
    }
    let label = label_text(row);
    let pad = theme.px(METRICS.row_top + METRICS.row_bottom);
    if cols.stacked {
        let certainty = row.certainty.map(|c| &words.certainty_labelled[level(c)]);
        let mut numbers = row.value.text(lang).into_owned();
        if let Some(w) = row.weight {
            numbers = format!("{numbers} · {}", i18n::pct(lang, w / 100.0, 1));
        }
        if let Some(c) = certainty {
            numbers = format!("{numbers} · {c}");
        }
        let label = Wrapped::new(&label, font, bold, cols.full());
        let detail = Wrapped::new(&row.detail, small, false, cols.full());
        let value = Wrapped::new(&numbers, small, bold, cols.full());
        let mark = if row.kind == RowKind::Note {
            0.0
        } else {
            theme.px(METRICS.mark)
        };
        // A little more room under a stack, before the hairline that ends it.
        let height = pad
            + theme.px(3.0)
            + label.height(line)
            + detail.height(small_line)
            + mark
            + value.height(small_line);
        return RowText {
            row: at,
            label,
            detail,
            value,
            certainty: Wrapped::default(),
            height,
        };
    }
    let label = Wrapped::new(
        &label,
        font,
        bold,
        cols.label.1 - cols.label.0 - theme.px(4.0),
    );
    // The detail may run under the n column, which has nothing under its first line; a
    // pooled row's under the plot too.
    let detail_w = if row.kind == RowKind::Pooled {
        cols.value.map_or(cols.right, |v| v.0) - cols.label.0 - theme.px(8.0)
    } else {
        cols.plot.0 - cols.label.0 - theme.px(8.0)
    };
    let detail = Wrapped::new(&row.detail, small, false, detail_w);
    let value = match cols.value {
        // A note has no mark, so its words use the plot's width too.
        Some((_, v_hi)) if row.kind == RowKind::Note => {
            Wrapped::new(&row.value.text(lang), small, false, v_hi - cols.plot.0)
        }
        Some((v_lo, v_hi)) => Wrapped::new(&row.value.text(lang), small, bold, v_hi - v_lo),
        None => Wrapped::default(),
    };
    let certainty = match (cols.certainty, row.certainty) {
        (Some((lo, hi)), Some(c)) => Wrapped::new(words.certainty(c), small, false, hi - lo),
        _ => Wrapped::default(),
    };
    // The columns' first lines share a centre; the label's and detail's lines stack.
    let beside = |w: &Wrapped| {
        if w.is_empty() {
            0.0
        } else {
            line + (w.len() - 1) as f64 * small_line
        }
    };
    let stack = (label.height(line) + detail.height(small_line))
        .max(beside(&value))
        .max(beside(&certainty))
        .max(line + small_line);
    RowText {
        row: at,
        label,
        detail,
        value,
        certainty,
        height: pad + stack,
    }
}

/// What drawing a panel's parts needs.
struct Ctx<'a> {
    sheet: Sheet<'a>,
    /// The forest's panels, which the layout names by their places.
    panels: &'a [ForestPanel],
    lang: Lang,
    cols: &'a Columns,
}

impl Ctx<'_> {
    /// Draws a panel from `top`; returns the y below it.
    fn panel(
        &self,
        p: &PanelText,
        top: f64,
        highlight: Option<&str>,
        hits: &mut Vec<Hit>,
    ) -> Result<f64, ChartError> {
        let (s, cols) = (self.sheet, self.cols);
        let (area, theme) = (s.pen, s.theme);
        let small_muted = TextStyle::new(theme, p.more.size).colour(&theme.muted);
        let line = theme.px(METRICS.line);
        let small_line = theme.px(METRICS.small_line);
        // Title and column headings.
        let mut y = top;
        let title_style = TextStyle::new(theme, p.title.size);
        if p.title_h > 0.0 {
            s.wrapped(&p.title, (cols.label.0, y), line, title_style)?;
            y += p.title_h;
        } else {
            let (_, inset) = boxed(theme, 1, METRICS.line);
            let at = (cols.label.0, y + inset);
            s.wrapped(&p.title, at, line, title_style)?;
        }
        for h in &p.headings {
            let (_, inset) = boxed(theme, 1, METRICS.small_line);
            let style = small_muted.align(h.align);
            s.wrapped(&h.text, (h.x, y + inset), small_line, style)?;
        }
        y += p.head_h;
        let rows_top = y;
        let rows_bottom = rows_top + p.rows_h();
        let axis = p.axis.as_ref();
        let panel = &self.panels[p.panel];
        let null_x = axis.and_then(|a| a.px(panel.null_value));
        // The null line first, so that squares are drawn over it; on narrow screens only
        // across the line of each row that holds an interval.
        if let (Some(x0), false) = (null_x, cols.stacked) {
            let muted = &theme.muted;
            draw::line(
                area,
                (x0, rows_top),
                (x0, rows_bottom),
                muted,
                theme.px(1.0),
            )?;
        }
        let max_weight = panel
            .rows
            .iter()
            .filter_map(|r| r.weight)
            .fold(0.0_f64, f64::max);
        let full = s.width;
        let mut after_row = false;
        for r in &p.rows {
            let row = &panel.rows[r.row];
            if highlight == Some(row.key.as_str()) {
                let colour = &theme.highlight;
                draw::rect(area, 0.0, y, full, y + r.height, colour, true, 1.0)?;
            }
            if row.kind == RowKind::Header {
                let (_, inset) = boxed(theme, 1, METRICS.line);
                let style = TextStyle::new(theme, r.label.size);
                s.wrapped(&r.label, (cols.label.0, y + inset), line, style)?;
            } else {
                if cols.stacked && after_row {
                    // A hairline between stacked rows, whose lines would otherwise run together.
                    let (a, b) = ((cols.label.0, y), (cols.right, y));
                    draw::line(area, a, b, &theme.grid, theme.px(1.0))?;
                }
                let mark_y = self.row(r, row, y)?;
                if let (Some(axis), Some(mark_y)) = (axis, mark_y) {
                    if let (Some(x0), true) = (null_x, cols.stacked) {
                        let half = theme.px(METRICS.mark) / 2.0;
                        let (a, b) = ((x0, mark_y - half), (x0, mark_y + half));
                        draw::line(area, a, b, &theme.muted, theme.px(1.0))?;
                    }
                    draw_row_mark(area, row, axis, mark_y, theme, max_weight)?;
                }
                hits.push(Hit {
                    key: row.key.clone(),
                    x0: 0.0,
                    y0: y,
                    x1: full,
                    y1: y + r.height,
                });
            }
            y += r.height;
            after_row = row.kind != RowKind::Header;
        }
        if p.hidden > 0 {
            let (_, inset) = boxed(theme, 1, METRICS.small_line);
            let at = (cols.label.0, y + inset);
            s.wrapped(&p.more, at, small_line, small_muted)?;
        }
        match axis {
            Some(axis) => {
                self.axis(p, axis, rows_bottom)?;
                Ok(rows_bottom + p.axis_h)
            }
            None => Ok(rows_bottom),
        }
    }

    /// Draws a row's words from `y`; returns the y of its mark, if it has one.
    fn row(&self, r: &RowText, row: &ForestRow, y: f64) -> Result<Option<f64>, ChartError> {
        let (s, cols) = (self.sheet, self.cols);
        let (area, theme) = (s.pen, s.theme);
        let lang = self.lang;
        let small = theme.font_px(METRICS.small);
        let small_style = TextStyle::new(theme, small);
        let small_muted = small_style.colour(&theme.muted);
        let line = theme.px(METRICS.line);
        let small_line = theme.px(METRICS.small_line);
        let x = cols.label.0;
        let top = y + theme.px(METRICS.row_top);
        let label_style = TextStyle::new(theme, r.label.size);
        let below = s.wrapped(&r.label, (x, top), line, label_style)?;
        let below = s.wrapped(&r.detail, (x, below), small_line, small_muted)?;
        let has_mark = row.kind != RowKind::Note;
        if cols.stacked {
            let mark = has_mark.then(|| below + theme.px(METRICS.mark) / 2.0);
            let numbers = below + mark.map_or(0.0, |_| theme.px(METRICS.mark));
            s.wrapped(&r.value, (x, numbers), small_line, small_style)?;
            return Ok(mark);
        }
        // The columns beside the label: first lines centred on the label's first line.
        let first = top + line / 2.0;
        let beside = first - small_line / 2.0;
        if let (Some((_, n_hi)), Some(n)) = (cols.n, row.n) {
            let at = (n_hi - theme.px(6.0), first);
            draw::text(
                area,
                &i18n::int(lang, n.into()),
                at,
                small_muted.align(Align::Right),
            )?;
        }
        if let Some((v_lo, _)) = cols.value {
            let x = if has_mark { v_lo } else { cols.plot.0 };
            s.wrapped(&r.value, (x, beside), small_line, small_style)?;
        }
        if let (Some((_, w_hi)), Some(w)) = (cols.weight, row.weight) {
            let at = (w_hi, first);
            let style = small_muted.align(Align::Right);
            draw::text(area, &i18n::pct(lang, w / 100.0, 1), at, style)?;
        }
        if let Some((c_lo, _)) = cols.certainty {
            s.wrapped(&r.certainty, (c_lo, beside), small_line, small_style)?;
        }
        Ok(has_mark.then_some(first))
    }

    /// The axis under a panel's rows: ticks, and the words either side of the null line.
    fn axis(&self, p: &PanelText, axis: &Axis, rows_bottom: f64) -> Result<(), ChartError> {
        let (s, cols) = (self.sheet, self.cols);
        let (area, theme, measure) = (s.pen, s.theme, s.measure);
        let small = theme.font_px(METRICS.small);
        let small_style = TextStyle::new(theme, small);
        let full = s.width;
        let axis_y = rows_bottom + theme.px(4.0);
        let ink = &theme.text;
        draw::line(
            area,
            (cols.plot.0, axis_y),
            (cols.plot.1, axis_y),
            ink,
            theme.px(1.0),
        )?;
        let tick_count =
            (((cols.plot.1 - cols.plot.0) / theme.px(48.0)).floor() as usize).clamp(2, 9);
        let mut last_right = f64::NEG_INFINITY;
        for tick in axis.ticks(tick_count) {
            let Some(x) = axis.px(tick) else { continue };
            let label = format_tick_lang(self.lang, tick);
            let w = measure.width(&label, small, false);
            draw::line(
                area,
                (x, axis_y),
                (x, axis_y + theme.px(4.0)),
                ink,
                theme.px(1.0),
            )?;
            // A label that would touch the previous one or leave the canvas is left out
            // (its tick stays).
            if x - w / 2.0 > last_right + theme.px(4.0) && x + w / 2.0 <= full && x - w / 2.0 >= 0.0
            {
                let at = (x, axis_y + theme.px(12.0));
                draw::text(area, &label, at, small_style.align(Align::Center))?;
                last_right = x + w / 2.0;
            }
        }
        if let Some(x0) = axis.px(self.panels[p.panel].null_value) {
            let top = axis_y + theme.px(30.0) - theme.px(METRICS.small_line) / 2.0;
            let pitch = theme.px(METRICS.small_line);
            let muted = small_style.colour(&theme.muted);
            let left = (x0 - theme.px(6.0), top);
            s.wrapped(&p.left, left, pitch, muted.align(Align::Right))?;
            let right = (x0 + theme.px(6.0), top);
            s.wrapped(&p.right, right, pitch, muted)?;
        }
        Ok(())
    }
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

pub(crate) fn favours_colour(theme: &Theme, favours: Favours) -> &plotters::style::RGBColor {
    match favours {
        Favours::Treatment => &theme.favourable,
        Favours::Control => &theme.unfavourable,
        Favours::Neither => &theme.neutral,
    }
}

fn draw_row_mark(
    area: &dyn Pen,
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
            let half = side / 2.0;
            let (x0, y0, x1, y1) = (x_est - half, y - half, x_est + half, y + half);
            if !filled {
                draw::rect(area, x0, y0, x1, y1, &theme.background, true, 1.0)?;
            }
            draw::rect(area, x0, y0, x1, y1, colour, filled, stroke)?;
        }
    }
    Ok(())
}
