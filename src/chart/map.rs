//! The evidence map: what exists. Every study is placed by the strength of its design
//! (left: no comparison group; right: randomised trials; reviews apart) and its size
//! (log scale), with a shape per design and a colour per result, so that a reader sees
//! where the promising results come from.

use std::cmp::Reverse;

use super::build::{direction, Certainties};
use super::draw::{self, Align, Paint, Shape, Sheet, TextStyle};
use super::forest::Favours;
use super::item::Item;
use super::labels::{design_badge, design_rank, with_design};
use super::options::ViewOptions;
use super::text::{ApproxMeasure, TextMeasure, Wrapped};
use super::{ChartError, Hit, Theme};
use crate::appraise::Appraisal;
use crate::i18n::{self, plural, t, tn, Lang};
use crate::model::{Dataset, Design, OutcomeKind, Study, StudyStatus};
use crate::stats::effect::effect_of;

/// What a study's results say, for the colour of its mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StudyResult {
    Favourable,
    Unfavourable,
    Unclear,
    NoComparison,
    Pending,
}

impl StudyResult {
    pub const ALL: [StudyResult; 5] = [
        StudyResult::Favourable,
        StudyResult::Unfavourable,
        StudyResult::Unclear,
        StudyResult::NoComparison,
        StudyResult::Pending,
    ];
    pub fn key(self) -> &'static str {
        match self {
            StudyResult::Favourable => "direction.favourable",
            StudyResult::Unfavourable => "direction.unfavourable",
            StudyResult::Unclear => "direction.unclear",
            StudyResult::NoComparison => "direction.no_comparison",
            StudyResult::Pending => "direction.pending",
        }
    }
    fn colour(self, theme: &Theme) -> &plotters::style::RGBColor {
        match self {
            StudyResult::Favourable => &theme.favourable,
            StudyResult::Unfavourable => &theme.unfavourable,
            StudyResult::Unclear => &theme.neutral,
            StudyResult::NoComparison => &theme.no_comparison,
            StudyResult::Pending => &theme.muted,
        }
    }
}

/// The shape of a design's marks.
pub fn design_shape(design: Design) -> Shape {
    match design {
        Design::Rct => Shape::Circle,
        Design::CrossoverRct => Shape::Diamond,
        Design::NonRandomisedControlled => Shape::TriangleDown,
        Design::Cohort => Shape::Square,
        Design::SingleArm => Shape::TriangleUp,
        Design::CaseSeries => Shape::Cross,
        Design::SystematicReview => Shape::Hexagon,
        // Not a case series' plus: a design not given is no design (its band says so too).
        Design::Unknown => Shape::Saltire,
    }
}

#[derive(Clone, Debug)]
pub struct MapPoint {
    pub key: String,
    /// The label drawn next to the mark (the study label without its parenthesis).
    pub short: String,
    pub design: Design,
    pub n: Option<u32>,
    pub result: StudyResult,
}

#[derive(Clone, Debug)]
pub struct MapView {
    pub lang: Lang,
    pub points: Vec<MapPoint>,
    pub items: Vec<Item>,
}

/// A study's overall result: its benefit comparisons first, then any comparison.
pub fn study_result(study: &Study) -> StudyResult {
    if study.status == StudyStatus::Ongoing {
        return StudyResult::Pending;
    }
    let mut dirs = Vec::new();
    let mut any_single = false;
    for kind in [OutcomeKind::Benefit, OutcomeKind::Harm] {
        for o in study.outcomes.iter().filter(|o| o.kind == kind) {
            let Some(data) = &o.data else { continue };
            if data.is_single_arm() {
                any_single = true;
                continue;
            }
            if let Ok(e) = effect_of(data) {
                dirs.push(direction(&e, o.better));
            }
        }
        if !dirs.is_empty() {
            break;
        }
    }
    if dirs.contains(&Favours::Treatment) {
        StudyResult::Favourable
    } else if dirs.contains(&Favours::Control) {
        StudyResult::Unfavourable
    } else if !dirs.is_empty() {
        StudyResult::Unclear
    } else if any_single || study.design.is_uncontrolled() || study.design == Design::Cohort {
        StudyResult::NoComparison
    } else {
        StudyResult::Pending
    }
}

fn short_label(label: &str) -> String {
    label.split(" (").next().unwrap_or(label).trim().to_string()
}

const PAD: f64 = 10.0;
const SMALL: f64 = 11.0;
/// The pitch of wrapped legend lines, band names and point labels.
const LEGEND_LINE: f64 = 14.0;
const BAND_LINE: f64 = 13.0;
const NOTE_LINE: f64 = 15.0;

/// A row of the legend: its entries, each a mark (or none, for a heading) and its words
/// from `x`.
struct LegendRow {
    top: f64,
    entries: Vec<(LegendMark, Wrapped, f64)>,
}

/// A band's name under the plot: its lines, the top of the first, and the room they are
/// centred in.
struct BandName {
    text: Wrapped,
    top: f64,
    room: (f64, f64),
}

/// A design's band on the map: designs not given first when there are any, then weakest to
/// strongest, then reviews.
fn band_of(design: Design, unstated: bool) -> usize {
    match design {
        Design::Unknown => 0,
        d => design_rank(d) + usize::from(unstated),
    }
}

/// Where everything goes at one width.
pub(super) struct Geometry {
    title: Wrapped,
    legend: Vec<LegendRow>,
    y_title: (Wrapped, f64),
    plot_top: f64,
    plot_bottom: f64,
    unknown_y: f64,
    band_names: Vec<BandName>,
    /// How low a point's label may reach: above the band names.
    labels_bottom: f64,
    notes: Vec<(Wrapped, f64)>,
    height: f64,
    /// Horizontal bands: designs not given (when a study's is not), ranks 0..=4, then reviews.
    bands: Vec<(f64, f64)>,
    axis_x: f64,
}

#[derive(Clone, Copy)]
enum LegendMark {
    Design(Design),
    Result(StudyResult),
    Heading,
}

impl MapView {
    pub fn build(dataset: &Dataset, options: &ViewOptions, appraisal: &Appraisal) -> MapView {
        let lang = options.lang;
        let certainties = Certainties::of(appraisal);
        let mut points = Vec::new();
        let mut items = Vec::new();
        for study in &dataset.studies {
            let result = study_result(study);
            points.push(MapPoint {
                key: study.id.clone(),
                short: short_label(study.label.get(lang.as_str())),
                design: study.design,
                n: study.n.or(study.n_planned),
                result,
            });
            let best = study
                .outcomes
                .iter()
                .filter_map(|o| certainties.outcome(&study.id, &o.id))
                .max();
            items.push(Item {
                key: study.id.clone(),
                label: with_design(
                    lang,
                    study.label.get(lang.as_str()).to_string(),
                    study.design,
                ),
                detail: study.intervention.therapy.clone(),
                value: t(lang, result.key()).to_string(),
                n: study.n.or(study.n_planned),
                certainty: best.map(|c| c.words(lang).to_string()),
                caveats: crate::model::Text::all_in(&study.caveats, lang.as_str()),
                source_url: study.citation.source_url(),
                design: Some(study.design.as_str().to_string()),
                year: study.year,
                glossary: Vec::new(),
            });
        }
        MapView {
            lang,
            points,
            items,
        }
    }

    pub fn summary(&self, lang: Lang) -> String {
        let rand = self
            .points
            .iter()
            .filter(|p| p.design.is_randomised())
            .count();
        let none = self
            .points
            .iter()
            .filter(|p| p.result == StudyResult::NoComparison)
            .count();
        let mut s = tn(
            lang,
            "summary.map",
            &[
                (
                    "studies",
                    &plural(lang, "forest.studies", self.points.len()),
                ),
                ("randomised", &rand.to_string()),
                ("none", &none.to_string()),
            ],
        );
        s.push(' ');
        s.push_str(t(lang, "map.note"));
        s
    }

    /// The legend's entries: a heading, then the designs present; a heading, then the
    /// results present.
    fn legend_entries(&self) -> Vec<(LegendMark, String)> {
        let lang = self.lang;
        let mut entries: Vec<(LegendMark, String)> =
            vec![(LegendMark::Heading, t(lang, "map.legend.shape").to_string())];
        entries.extend(
            Design::ALL
                .iter()
                .filter(|d| self.points.iter().any(|p| p.design == **d))
                .map(|d| (LegendMark::Design(*d), design_badge(lang, *d).to_string())),
        );
        entries.push((
            LegendMark::Heading,
            t(lang, "map.legend.colour").to_string(),
        ));
        entries.extend(
            StudyResult::ALL
                .iter()
                .filter(|f| self.points.iter().any(|p| p.result == **f))
                .map(|f| (LegendMark::Result(*f), t(lang, f.key()).to_string())),
        );
        entries
    }

    /// Whether a study's design is not given: such studies get a band of their own, left of the
    /// weakest design (they are not rated as randomised), rather than stand in another's.
    fn unstated(&self) -> bool {
        self.points.iter().any(|p| p.design == Design::Unknown)
    }

    /// The band names, in the bands' order.
    fn band_names(&self) -> Vec<String> {
        let lang = self.lang;
        let unstated = (self.unstated()).then(|| design_badge(lang, Design::Unknown).to_string());
        let named = [
            format!(
                "{} / {}",
                design_badge(lang, Design::CaseSeries),
                design_badge(lang, Design::SingleArm)
            ),
            design_badge(lang, Design::Cohort).to_string(),
            design_badge(lang, Design::NonRandomisedControlled).to_string(),
            design_badge(lang, Design::CrossoverRct).to_string(),
            design_badge(lang, Design::Rct).to_string(),
            t(lang, "map.reviews").to_string(),
        ];
        unstated.into_iter().chain(named).collect()
    }

    /// The band names under the plot, centred under their bands. Where a name would have to
    /// break inside a word to fit its band, names go on two rows, every other one on the
    /// second, so that each may take the room to the middle of its neighbours' bands.
    /// Returns the names and the height they take from the first line's top.
    fn place_band_names(
        &self,
        bands: &[(f64, f64)],
        first_y: f64,
        (left, right): (f64, f64),
        theme: &Theme,
    ) -> (Vec<BandName>, f64) {
        let small = theme.font_px(SMALL);
        let pitch = theme.px(BAND_LINE);
        let top = first_y - pitch / 2.0;
        let names = self.band_names();
        let inset = theme.px(2.0);
        let own = |i: usize| (bands[i].0 + inset, bands[i].1 - inset);
        let whole_words = names.iter().enumerate().all(|(i, name)| {
            let (lo, hi) = own(i);
            let w = Wrapped::new(name, small, false, hi - lo);
            w.lines.join(" ") == name.split_whitespace().collect::<Vec<_>>().join(" ")
        });
        if whole_words {
            let placed: Vec<BandName> = names
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let (lo, hi) = own(i);
                    BandName {
                        text: Wrapped::new(name, small, false, hi - lo),
                        top,
                        room: (lo, hi),
                    }
                })
                .collect();
            let h = placed.iter().map(|b| b.text.len()).max().unwrap_or(0) as f64 * pitch;
            return (placed, h);
        }
        let mid = |i: usize| (bands[i].0 + bands[i].1) / 2.0;
        let gap = theme.px(3.0);
        let mut placed: Vec<BandName> = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let lo = if i == 0 { left } else { mid(i - 1) } + gap;
                let hi = if i + 1 == bands.len() {
                    right
                } else {
                    mid(i + 1)
                } - gap;
                BandName {
                    text: Wrapped::new(name, small, false, hi - lo),
                    top,
                    room: (lo, hi),
                }
            })
            .collect();
        let rows = |odd: usize| {
            placed
                .iter()
                .skip(odd)
                .step_by(2)
                .map(|b| b.text.len())
                .max()
                .unwrap_or(0) as f64
                * pitch
        };
        let (first, second) = (rows(0), rows(1));
        for b in placed.iter_mut().skip(1).step_by(2) {
            b.top = top + first + theme.px(3.0);
        }
        (placed, first + theme.px(3.0) + second)
    }

    fn y_of(&self, g: &Geometry, n: f64) -> f64 {
        let (lo, hi) = self.n_range();
        let t = (n.max(1.0).ln() - lo.ln()) / (hi.ln() - lo.ln());
        g.plot_bottom - t.clamp(0.0, 1.0) * (g.plot_bottom - g.plot_top)
    }

    fn n_range(&self) -> (f64, f64) {
        let max = self.points.iter().filter_map(|p| p.n).max().unwrap_or(100) as f64;
        let min = self.points.iter().filter_map(|p| p.n).min().unwrap_or(10) as f64;
        let lo = 10f64.powf((min.max(1.0) * 0.7).log10().floor());
        let hi = 10f64.powf((max * 1.4).log10().ceil()).max(lo * 10.0);
        (lo, hi)
    }

    /// The marks, spread within their bands in dataset order, and their labels where they
    /// fit without touching another label or mark (a label that fits nowhere is left out:
    /// the study is in the tooltip and the table).
    fn draw_points(&self, s: &Sheet, g: &Geometry) -> Result<Vec<Hit>, ChartError> {
        let (area, theme, width) = (s.pen, s.theme, s.width);
        let small = theme.font_px(SMALL);
        let small_style = TextStyle::new(theme, small);
        let mut hits = Vec::new();
        let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
        let mark_r = theme.px(6.0);
        let mut positions = Vec::new();
        let unstated = self.unstated();
        for band in 0..g.bands.len() {
            let members: Vec<&MapPoint> = self
                .points
                .iter()
                .filter(|p| band_of(p.design, unstated) == band)
                .collect();
            let (a, b) = g.bands[band];
            for (i, p) in members.iter().enumerate() {
                let x = a + (b - a) * (i as f64 + 1.0) / (members.len() as f64 + 1.0);
                let y = match p.n {
                    Some(n) => self.y_of(g, n as f64),
                    None => g.unknown_y,
                };
                positions.push((*p, x, y));
                placed.push((x - mark_r, y - mark_r, x + mark_r, y + mark_r));
            }
        }
        for (p, x, y) in &positions {
            draw::marker(
                area,
                design_shape(p.design),
                *x,
                *y,
                mark_r,
                p.result.colour(theme),
                p.result != StudyResult::Pending,
                theme.px(1.6),
                &theme.background,
            )?;
            hits.push(Hit {
                key: p.key.clone(),
                x0: x - mark_r - theme.px(3.0),
                y0: y - mark_r - theme.px(3.0),
                x1: x + mark_r + theme.px(3.0),
                y1: y + mark_r + theme.px(3.0),
            });
        }
        let pitch = small * 1.15;
        let marks = placed.len();
        // Labels claim their room in the order a reader needs them: studies with results before
        // those still running, then by band from the right (reviews, randomised trials, …), then
        // the larger (a randomised trial had lost its label to a crossover trial's placed first).
        let need = |p: &MapPoint| {
            let pending = p.result == StudyResult::Pending;
            (
                pending,
                Reverse(design_rank(p.design)),
                Reverse(p.n.unwrap_or(0)),
            )
        };
        let mut by_need: Vec<usize> = (0..positions.len()).collect();
        crate::sort::sort_by_key(&mut by_need, |&i| need(positions[i].0));
        for mark in by_need {
            let (p, x, y) = &positions[mark];
            let text = Wrapped::new(&p.short, small, false, theme.px(110.0).min(width * 0.3));
            let tw = text
                .lines
                .iter()
                .map(|l| ApproxMeasure.width(l, small, false))
                .fold(0.0, f64::max);
            let th = text.height(pitch);
            let gap = mark_r + theme.px(3.0);
            // Beside, above or below the mark, then at its corners, where a label keeps half a
            // gap from other marks so as not to read as theirs.
            let (above, below) = (y - gap / 2.0 - th, y + gap / 2.0);
            let corner = gap / 2.0;
            let candidates = [
                (x + gap, y - th / 2.0, Align::Left, 0.0),
                (x - gap - tw, y - th / 2.0, Align::Right, 0.0),
                (x - tw / 2.0, y - gap - th, Align::Center, 0.0),
                (x - tw / 2.0, y + gap, Align::Center, 0.0),
                (x + gap, above, Align::Left, corner),
                (x + gap, below, Align::Left, corner),
                (x - gap - tw, above, Align::Right, corner),
                (x - gap - tw, below, Align::Right, corner),
            ];
            for (x0, y0, align, margin) in candidates {
                let bx = (x0, y0, x0 + tw, y0 + th);
                // Right of the size axis, whose numbers a label would cover.
                let inside = bx.0 >= g.axis_x + theme.px(2.0)
                    && bx.2 <= width
                    && bx.1 >= g.plot_top - theme.px(2.0)
                    && bx.3 <= g.labels_bottom;
                // The margin is kept from other marks (the first `marks` boxes), not labels.
                let clear = placed.iter().enumerate().all(|(i, o)| {
                    let m = if i < marks && i != mark { margin } else { 0.0 };
                    bx.2 + m <= o.0 || bx.0 - m >= o.2 || bx.3 + m <= o.1 || bx.1 - m >= o.3
                });
                if inside && clear {
                    let ax = match align {
                        Align::Left => bx.0,
                        Align::Right => bx.2,
                        Align::Center => (bx.0 + bx.2) / 2.0,
                    };
                    let style = small_style.align(align);
                    for (j, l) in text.lines.iter().enumerate() {
                        let at = (ax, bx.1 + (j as f64 + 0.5) * pitch);
                        s.fitted(l, at, style, tw)?;
                    }
                    placed.push(bx);
                    break;
                }
            }
        }
        Ok(hits)
    }
}

impl Paint for MapView {
    type Placement<'a> = Geometry;

    /// The one layout step: every line broken (once, see [`super::text`]) and placed.
    fn layout(&self, width: f64, theme: &Theme) -> Geometry {
        let lang = self.lang;
        let pad = theme.px(PAD);
        let small = theme.font_px(SMALL);
        let max_w = width - 2.0 * pad;
        let title = draw::title_lines(theme, t(lang, "map.title"), max_w);
        let mut y = pad + title.height(draw::title_pitch(theme)) + theme.px(4.0);
        // Legend entries flow into rows; a heading starts a row.
        let r = theme.px(5.0);
        let mut legend = vec![LegendRow {
            top: y,
            entries: Vec::new(),
        }];
        let (mut x, mut row_lines) = (0.0, 1);
        for (mark, text) in self.legend_entries() {
            let heading = matches!(mark, LegendMark::Heading);
            let marker = if heading {
                0.0
            } else {
                2.0 * r + theme.px(5.0)
            };
            let text = Wrapped::new(&text, small, heading, max_w - marker);
            let text_w = text
                .lines
                .iter()
                .map(|l| ApproxMeasure.width(l, small, heading))
                .fold(0.0, f64::max);
            let w = text_w + theme.px(if heading { 10.0 } else { 30.0 });
            let row = legend.last_mut().expect("a row");
            if (x + w > max_w || (heading && x > 0.0)) && !row.entries.is_empty() {
                y += theme.px(18.0) + (row_lines - 1) as f64 * theme.px(LEGEND_LINE);
                legend.push(LegendRow {
                    top: y,
                    entries: Vec::new(),
                });
                (x, row_lines) = (0.0, 1);
            }
            row_lines = row_lines.max(text.len());
            legend
                .last_mut()
                .expect("a row")
                .entries
                .push((mark, text, pad + x));
            x += w;
        }
        y += theme.px(18.0) + (row_lines - 1) as f64 * theme.px(LEGEND_LINE);
        // The size axis's title goes above the axis (turned text is hard to read on phones).
        let y_title = Wrapped::new(t(lang, "map.y_axis"), small, false, max_w);
        let y_title_top = y + theme.px(4.0);
        let plot_top = y_title_top + y_title.height(theme.px(LEGEND_LINE)) + theme.px(8.0);
        let css_w = width / theme.scale;
        let plot_h = theme.px((css_w * 0.5).clamp(240.0, 460.0));
        let plot_bottom = plot_top + plot_h;
        let has_unknown = self.points.iter().any(|p| p.n.is_none());
        let unknown_y = plot_bottom + theme.px(22.0);
        let band_label_y = if has_unknown {
            unknown_y + theme.px(22.0)
        } else {
            plot_bottom + theme.px(16.0)
        };
        // Room for the size axis's widest label, its top tick ("100,000" did not fit in 34 px).
        let top_tick = i18n::int(lang, self.n_range().1.round() as u64);
        let tick_w = ApproxMeasure.width(&top_tick, small, false) + theme.px(8.0);
        let axis_x = pad
            + theme
                .px(if css_w < 500.0 { 34.0 } else { 44.0 })
                .max(tick_w);
        let right = width - pad;
        let review_w = (right - axis_x) * 0.16;
        let gap = theme.px(10.0);
        let main_w = right - axis_x - review_w - gap;
        let designs = 5 + usize::from(self.unstated());
        let mut bands: Vec<(f64, f64)> = (0..designs)
            .map(|i| {
                let at = |i: usize| axis_x + main_w * i as f64 / designs as f64;
                (at(i), at(i + 1))
            })
            .collect();
        bands.push((right - review_w, right));
        let (band_names, names_h) =
            self.place_band_names(&bands, band_label_y, (pad, right), theme);
        let labels_bottom = band_label_y - theme.px(BAND_LINE) / 2.0 - theme.px(1.5);
        // The notes under the band names.
        let mut x_axis = t(lang, "map.x_axis").to_string();
        if has_unknown {
            x_axis = format!("{x_axis}. ? = {}.", t(lang, "map.size_unknown"));
        }
        let mut y = labels_bottom + names_h + theme.px(13.5);
        let mut notes = Vec::new();
        for text in [x_axis.as_str(), t(lang, "map.note")] {
            let w = Wrapped::new(text, small, false, max_w);
            let top = y;
            y += w.height(theme.px(NOTE_LINE));
            notes.push((w, top));
        }
        Geometry {
            title,
            legend,
            y_title: (y_title, y_title_top),
            plot_top,
            plot_bottom,
            unknown_y,
            band_names,
            labels_bottom,
            notes,
            height: y + pad,
            bands,
            axis_x,
        }
    }

    fn height(g: &Geometry) -> f64 {
        g.height
    }

    fn paint(&self, g: &Geometry, s: &Sheet) -> Result<Vec<Hit>, ChartError> {
        let (area, theme) = (s.pen, s.theme);
        let lang = self.lang;
        let pad = theme.px(PAD);
        let small = theme.font_px(SMALL);
        let small_style = TextStyle::new(theme, small);
        let small_muted = small_style.colour(&theme.muted);
        let title_style = TextStyle::new(theme, g.title.size);
        let title_pitch = draw::title_pitch(theme);
        s.wrapped(&g.title, (pad, pad), title_pitch, title_style)?;
        // Legend: each entry's first line centred on its mark.
        let r = theme.px(5.0);
        let line = theme.px(LEGEND_LINE);
        for row in &g.legend {
            let y = row.top + theme.px(9.0);
            for (mark, text, x) in &row.entries {
                // A design is a hollow shape in the text colour; a result a coloured circle.
                let marker = match mark {
                    LegendMark::Heading => None,
                    LegendMark::Design(d) => Some((design_shape(*d), &theme.text, false, 1.3)),
                    LegendMark::Result(f) => Some((
                        Shape::Circle,
                        f.colour(theme),
                        *f != StudyResult::Pending,
                        1.5,
                    )),
                };
                let text_x = match marker {
                    None => *x,
                    Some((shape, colour, filled, stroke)) => {
                        let (stroke, bg) = (theme.px(stroke), &theme.background);
                        draw::marker(area, shape, x + r, y, r, colour, filled, stroke, bg)?;
                        x + 2.0 * r + theme.px(5.0)
                    }
                };
                s.wrapped(text, (text_x, y - line / 2.0), line, small_style)?;
            }
        }
        // Bands and the size axis.
        let reviews = g.bands.len() - 1;
        for (i, (a, b)) in g.bands.iter().enumerate() {
            if i % 2 == 0 || i == reviews {
                draw::rect(
                    area,
                    *a,
                    g.plot_top,
                    *b,
                    g.plot_bottom,
                    &theme.band,
                    true,
                    1.0,
                )?;
            }
        }
        draw::line(
            area,
            (g.axis_x, g.plot_top),
            (g.axis_x, g.plot_bottom),
            &theme.text,
            theme.px(1.0),
        )?;
        draw::line(
            area,
            (g.axis_x, g.plot_bottom),
            (g.bands[reviews - 1].1, g.plot_bottom),
            &theme.text,
            theme.px(1.0),
        )?;
        let (lo, hi) = self.n_range();
        let mut tick = lo;
        while tick <= hi * 1.001 {
            for m in [1.0, 3.0] {
                let v = tick * m;
                if v < lo || v > hi * 1.001 {
                    continue;
                }
                let y = self.y_of(g, v);
                draw::line(
                    area,
                    (g.axis_x - theme.px(4.0), y),
                    (g.axis_x, y),
                    &theme.text,
                    theme.px(1.0),
                )?;
                draw::text(
                    area,
                    &i18n::int(lang, v.round() as u64),
                    (g.axis_x - theme.px(6.0), y),
                    small_style.align(Align::Right),
                )?;
            }
            tick *= 10.0;
        }
        let (y_title, top) = &g.y_title;
        s.wrapped(y_title, (pad, *top), line, small_muted)?;
        let has_unknown = self.points.iter().any(|p| p.n.is_none());
        if has_unknown {
            draw::dashed(
                area,
                (g.axis_x, g.unknown_y - theme.px(10.0)),
                (g.bands[reviews].1, g.unknown_y - theme.px(10.0)),
                &theme.grid,
                theme.px(1.0),
                theme.px(3.0),
            )?;
            draw::text(
                area,
                "?",
                (g.axis_x - theme.px(6.0), g.unknown_y),
                small_style.align(Align::Right),
            )?;
        }
        // Band names, each line centred under its band as far as its room allows.
        let pitch = theme.px(BAND_LINE);
        for (i, b) in g.band_names.iter().enumerate() {
            let centre = (g.bands[i].0 + g.bands[i].1) / 2.0;
            let (lo, hi) = b.room;
            for (j, l) in b.text.lines.iter().enumerate() {
                let half = ApproxMeasure.width(l, small, false).min(hi - lo) / 2.0;
                let x = centre.clamp(lo + half, (hi - half).max(lo + half));
                let at = (x, b.top + (j as f64 + 0.5) * pitch);
                s.fitted(l, at, small_style.align(Align::Center), hi - lo)?;
            }
        }
        let hits = self.draw_points(s, g)?;
        for (text, top) in &g.notes {
            let pitch = theme.px(NOTE_LINE);
            s.wrapped(text, (pad, *top), pitch, small_muted)?;
        }
        Ok(hits)
    }
}
