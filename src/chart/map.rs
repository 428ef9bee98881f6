//! The evidence map: what exists. Every study is placed by the strength of its design
//! (left: no comparison group; right: randomised trials; reviews apart) and its size
//! (log scale), with a shape per design and a colour per result, so that a reader sees
//! where the promising results come from.

use super::build::{design_badge, design_rank, direction, Certainties, ViewOptions};
use super::draw::{self, Align, Area, Shape, Surface, TextStyle};
use super::forest::Favours;
use super::text::{ellipsize, wrap, ApproxMeasure, TextMeasure};
use super::view::Item;
use super::{ChartError, Hit, Layout, Theme};
use crate::appraise::Appraisal;
use crate::i18n::{self, t, tf, Lang};
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
        Design::Unknown => Shape::Cross,
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
const FONT: f64 = 12.0;
const SMALL: f64 = 11.0;

struct Geometry {
    legend_lines: Vec<Vec<(LegendMark, String)>>,
    plot_top: f64,
    plot_bottom: f64,
    unknown_y: f64,
    band_label_y: f64,
    note_y: f64,
    height: f64,
    /// Horizontal bands: ranks 0..=4 then reviews.
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
                label: format!(
                    "{} ({})",
                    i18n::pick(lang, &study.label),
                    design_badge(lang, study.design)
                ),
                detail: study.intervention.therapy.clone(),
                value: t(lang, result.key()).to_string(),
                n: study.n.or(study.n_planned),
                certainty: best.map(|c| super::build::certainty_words(lang, c).to_string()),
                caveats: i18n::pick_all(lang, &study.caveats),
                source_url: study.citation.source_url(),
                design: Some(study.design.as_str().to_string()),
                year: study.year,
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
        let mut s = tf(
            lang,
            "summary.map",
            &[
                &self.points.len().to_string(),
                &rand.to_string(),
                &none.to_string(),
            ],
        );
        s.push(' ');
        s.push_str(t(lang, "map.note"));
        s
    }

    fn geometry(&self, width: f64, theme: &Theme, measure: &dyn TextMeasure) -> Geometry {
        let lang = self.lang;
        let pad = theme.px(PAD);
        let small = theme.font_px(SMALL);
        // Legend entries flow into lines.
        let mut entries: Vec<(LegendMark, String)> =
            vec![(LegendMark::Heading, t(lang, "map.legend.shape").to_string())];
        let mut designs: Vec<Design> = Design::ALL.to_vec();
        designs.retain(|d| self.points.iter().any(|p| p.design == *d));
        entries.extend(
            designs
                .iter()
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
        let mut lines: Vec<Vec<(LegendMark, String)>> = vec![Vec::new()];
        let mut x = 0.0;
        let max_w = width - 2.0 * pad;
        for (mark, text) in entries {
            let starts_group = matches!(mark, LegendMark::Heading);
            let text = ellipsize(measure, &text, small, starts_group, max_w - theme.px(22.0));
            let w = measure.width(&text, small, starts_group)
                + theme.px(if starts_group { 10.0 } else { 30.0 });
            if (x + w > max_w || (starts_group && x > 0.0)) && !lines.last().unwrap().is_empty() {
                lines.push(Vec::new());
                x = 0.0;
            }
            x += w;
            lines.last_mut().unwrap().push((mark, text));
        }
        let legend_h = lines.len() as f64 * theme.px(18.0);
        let title_h = theme.px(22.0);
        let plot_top = pad + title_h + legend_h + theme.px(26.0);
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
        let note_y = band_label_y + theme.px(3.0 * 13.0 + 12.0);
        let axis_x = pad + theme.px(if css_w < 500.0 { 34.0 } else { 44.0 });
        let right = width - pad;
        let review_w = (right - axis_x) * 0.16;
        let gap = theme.px(10.0);
        let main_w = right - axis_x - review_w - gap;
        let mut bands: Vec<(f64, f64)> = (0..5)
            .map(|i| {
                (
                    axis_x + main_w * i as f64 / 5.0,
                    axis_x + main_w * (i + 1) as f64 / 5.0,
                )
            })
            .collect();
        bands.push((right - review_w, right));
        let note_lines = self.note_lines(width, theme, measure).len() as f64;
        Geometry {
            legend_lines: lines,
            plot_top,
            plot_bottom,
            unknown_y,
            band_label_y,
            note_y,
            height: note_y + note_lines * theme.px(15.0) + pad,
            bands,
            axis_x,
        }
    }

    fn note_lines(&self, width: f64, theme: &Theme, measure: &dyn TextMeasure) -> Vec<String> {
        let lang = self.lang;
        let mut text = t(lang, "map.x_axis").to_string();
        if self.points.iter().any(|p| p.n.is_none()) {
            text = format!("{text}. ? = {}.", t(lang, "map.size_unknown"));
        }
        let mut lines = wrap(
            measure,
            &text,
            theme.font_px(SMALL),
            false,
            width - 2.0 * theme.px(PAD),
            2,
        );
        lines.extend(wrap(
            measure,
            t(lang, "map.note"),
            theme.font_px(SMALL),
            false,
            width - 2.0 * theme.px(PAD),
            3,
        ));
        lines
    }

    pub fn preferred_height(&self, width: f64, theme: &Theme) -> f64 {
        self.geometry(width, theme, &ApproxMeasure).height
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

    pub fn draw<DB: Surface>(
        &self,
        area: &Area<DB>,
        theme: &Theme,
        measure: &dyn TextMeasure,
    ) -> Result<Layout, ChartError> {
        let lang = self.lang;
        let width = draw::background(area, theme)?;
        let g = self.geometry(width, theme, &ApproxMeasure);
        let pad = theme.px(PAD);
        let font = theme.font_px(FONT);
        let small = theme.font_px(SMALL);
        let small_style = TextStyle::new(theme, small);
        let small_muted = small_style.colour(&theme.muted);
        let title_at = (pad, pad + theme.font_px(14.0) * 0.6);
        draw::title(
            area,
            theme,
            measure,
            t(lang, "map.title"),
            title_at,
            width - 2.0 * pad,
        )?;
        // Legend.
        let r = theme.px(5.0);
        let mut y = pad + theme.px(22.0) + theme.px(9.0);
        for line in &g.legend_lines {
            let mut x = pad;
            for (mark, text) in line {
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
                match marker {
                    None => {
                        draw::text(area, text, (x, y), small_style.bold(true))?;
                        x += measure.width(text, small, true) + theme.px(10.0);
                    }
                    Some((shape, colour, filled, stroke)) => {
                        draw::marker(
                            area,
                            shape,
                            x + r,
                            y,
                            r,
                            colour,
                            filled,
                            theme.px(stroke),
                            &theme.background,
                        )?;
                        draw::text(area, text, (x + 2.0 * r + theme.px(5.0), y), small_style)?;
                        x += measure.width(text, small, false) + theme.px(30.0);
                    }
                }
            }
            y += theme.px(18.0);
        }
        // Bands and the size axis.
        for (i, (a, b)) in g.bands.iter().enumerate() {
            if i % 2 == 0 || i == 5 {
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
            (g.bands[4].1, g.plot_bottom),
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
                let y = self.y_of(&g, v);
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
        let y_title = ellipsize(
            measure,
            t(lang, "map.y_axis"),
            small,
            false,
            g.plot_bottom - g.plot_top,
        );
        // The axis title goes above the axis (rotated text is hard to read on phones).
        draw::text(
            area,
            &y_title,
            (pad, g.plot_top - theme.px(15.0)),
            small_muted,
        )?;
        let has_unknown = self.points.iter().any(|p| p.n.is_none());
        if has_unknown {
            draw::dashed(
                area,
                (g.axis_x, g.unknown_y - theme.px(10.0)),
                (g.bands[5].1, g.unknown_y - theme.px(10.0)),
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
        // Band labels: design names, weakest to strongest, and reviews.
        let band_names = [
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
        for (i, name) in band_names.iter().enumerate() {
            let (a, b) = g.bands[i];
            for (j, line) in wrap(measure, name, small, false, b - a - theme.px(4.0), 3)
                .iter()
                .enumerate()
            {
                draw::text(
                    area,
                    line,
                    ((a + b) / 2.0, g.band_label_y + j as f64 * theme.px(13.0)),
                    small_style.align(Align::Center),
                )?;
            }
        }
        // Marks: spread within their band, in dataset order.
        let mut hits = Vec::new();
        let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
        let mark_r = theme.px(6.0);
        let mut positions = Vec::new();
        for band in 0..6 {
            let members: Vec<&MapPoint> = self
                .points
                .iter()
                .filter(|p| design_rank(p.design) == band)
                .collect();
            let (a, b) = g.bands[band];
            for (i, p) in members.iter().enumerate() {
                let x = a + (b - a) * (i as f64 + 1.0) / (members.len() as f64 + 1.0);
                let y = match p.n {
                    Some(n) => self.y_of(&g, n as f64),
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
        // Labels where they fit without touching another label or mark.
        let label_h = small * 1.1;
        for (p, x, y) in &positions {
            let max_w = theme.px(110.0).min(width * 0.3);
            let text = ellipsize(measure, &p.short, small, false, max_w);
            let tw = measure.width(&text, small, false);
            let gap = mark_r + theme.px(3.0);
            let candidates = [
                (x + gap, y - label_h / 2.0, Align::Left),
                (x - gap - tw, y - label_h / 2.0, Align::Right),
                (x - tw / 2.0, y - gap - label_h, Align::Center),
                (x - tw / 2.0, y + gap, Align::Center),
            ];
            for (x0, y0, align) in candidates {
                let bx = (x0, y0, x0 + tw, y0 + label_h);
                let inside = bx.0 >= 0.0
                    && bx.2 <= width
                    && bx.1 >= g.plot_top - theme.px(2.0)
                    && bx.3 <= g.band_label_y - theme.px(8.0);
                let clear = placed
                    .iter()
                    .all(|o| bx.2 <= o.0 || bx.0 >= o.2 || bx.3 <= o.1 || bx.1 >= o.3);
                if inside && clear {
                    let ax = match align {
                        Align::Left => bx.0,
                        Align::Right => bx.2,
                        Align::Center => (bx.0 + bx.2) / 2.0,
                    };
                    draw::text(
                        area,
                        &text,
                        (ax, (bx.1 + bx.3) / 2.0),
                        small_style.align(align),
                    )?;
                    placed.push(bx);
                    break;
                }
            }
        }
        let _ = font;
        let mut ny = g.note_y;
        let n_lines = self.note_lines(width, theme, &ApproxMeasure).len();
        for line in self
            .note_lines(width, theme, measure)
            .into_iter()
            .take(n_lines)
        {
            draw::text(area, &line, (pad, ny), small_muted)?;
            ny += theme.px(15.0);
        }
        Ok(Layout {
            hits,
            content_height: g.height,
        })
    }
}
