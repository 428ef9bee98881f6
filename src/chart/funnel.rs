//! The funnel plot of one pooled outcome: each study's effect against its standard
//! error (small, imprecise studies at the bottom), the pseudo 95% region around the
//! random-effects estimate, and the studies trim-and-fill imputes drawn hollow.
//! With fewer than ten studies of one poolable outcome it says so in words.

use super::axis::{Axis, Scale};
use super::draw::{self, Align, Paint, Sheet, TextStyle};
use super::forest::format_tick_lang;
use super::item::Item;
use super::options::ViewOptions;
use super::text::{ApproxMeasure, TextMeasure, Wrapped};
use super::{ChartError, Hit, Theme};
use crate::appraise::{Appraisal, PoolFit, PooledAppraisal};
use crate::i18n::{self, plural, t, tf, tn, Lang};
use crate::model::{Dataset, Measure};
use crate::stats::bias::{trimfill, Estimator};
use crate::stats::{RmaFit, RmaOptions};

#[derive(Clone, Debug)]
pub struct FunnelData {
    pub outcome: String,
    pub measure: Measure,
    pub keys: Vec<String>,
    pub yi: Vec<f64>,
    pub sei: Vec<f64>,
    pub filled_yi: Vec<f64>,
    pub filled_sei: Vec<f64>,
    /// Random-effects estimate of the observed studies (analysis scale).
    pub estimate: f64,
}

#[derive(Clone, Debug)]
pub struct FunnelView {
    pub lang: Lang,
    pub data: Option<FunnelData>,
    pub items: Vec<Item>,
}

const PAD: f64 = 10.0;
/// The pitch of the small lines (legend, axis titles, notes).
const SMALL_LINE: f64 = 15.0;

/// A legend entry: a filled (observed) or hollow (imputed) circle and its words.
struct LegendEntry {
    filled: bool,
    text: Wrapped,
    x: f64,
    top: f64,
}

/// Where everything goes at one width.
pub(super) struct Placement {
    /// With no funnel to draw: why.
    needs: Wrapped,
    title: Wrapped,
    legend: Vec<LegendEntry>,
    y_title: (Wrapped, f64),
    plot_top: f64,
    plot_bottom: f64,
    x_title: (Wrapped, f64),
    region: (Wrapped, f64),
    height: f64,
}

/// The fewest studies a funnel is drawn for.
pub const MIN_STUDIES: usize = 10;

/// What the funnel needs of a pooled body.
struct Body<'a> {
    outcome: &'a str,
    measure: Measure,
    fit: &'a RmaFit,
    /// The studies the fit estimated: their effects, labels and `(study id, outcome id)`.
    yi: Vec<f64>,
    vi: Vec<f64>,
    members: Vec<(&'a String, &'a (String, String))>,
}

impl FunnelView {
    /// The funnel of the first body the appraisal pooled (of the outcome asked for) with at
    /// least [`MIN_STUDIES`] studies; with fewer, a funnel cannot tell small-study effects from
    /// chance (Cochrane Handbook 13.3.5.4), and the view says so.
    pub fn build(dataset: &Dataset, options: &ViewOptions, appraisal: &Appraisal) -> FunnelView {
        let lang = options.lang;
        let asked = options.outcome.as_deref();
        let named = |p: &PooledAppraisal| {
            asked.map_or(true, |o| {
                [&p.outcome, &p.id, &p.name]
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(o))
            })
        };
        // Asked for by a body's id (`death/aspirin`), the data holds that treatment's studies
        // alone (`ViewOptions::filtered`), whose body's id is then the outcome's.
        let of_body = |p: &PooledAppraisal| {
            asked.is_some_and(|a| {
                crate::appraise::body_splits(a).any(|(o, _)| p.outcome.eq_ignore_ascii_case(o))
            })
        };
        fn drawable(p: &PooledAppraisal) -> Option<(&PooledAppraisal, &PoolFit)> {
            Some((p, p.fit.as_ref().filter(|f| f.fit.k >= MIN_STUDIES)?))
        }
        let pooled = &appraisal.pooled;
        let found = (pooled.iter().filter(|p| named(p)).find_map(drawable))
            .or_else(|| pooled.iter().filter(|p| of_body(p)).find_map(drawable));
        let Some((body, f)) = found else {
            return FunnelView {
                lang,
                data: None,
                items: Vec::new(),
            };
        };
        let (yi, vi) = f.yi_vi();
        let p = Body {
            // Its outcome, and its treatment where another treatment's body has the outcome (or
            // the id it was asked for by, which says the treatment).
            outcome: match asked {
                Some(o) if !named(body) => o,
                _ => &body.id,
            },
            measure: f.measure,
            fit: &f.fit,
            yi,
            vi,
            members: f
                .estimated()
                .map(|(i, _)| (&f.labels[i], &f.members[i]))
                .collect(),
        };
        let sei: Vec<f64> = p.vi.iter().map(|v| v.sqrt()).collect();
        let tf_fit = trimfill(
            &p.yi,
            &p.vi,
            RmaOptions {
                method: p.fit.method,
                ..RmaOptions::default()
            },
            Estimator::L0,
            None,
        )
        .ok();
        let (filled_yi, filled_sei) = match &tf_fit {
            Some(f) => (
                f.filled_yi.clone(),
                f.filled_vi.iter().map(|v| v.sqrt()).collect(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        let natural = |v: f64| p.measure.natural(v);
        let mut keys = Vec::new();
        let mut items = Vec::new();
        let studies = dataset.studies_by_id();
        for (i, &(label, (study_id, outcome_id))) in p.members.iter().enumerate() {
            let study = studies.get(study_id.as_str());
            let key = match study {
                Some(s) => format!("{}/{outcome_id}", s.id),
                None => format!("study{i}/{}", p.outcome),
            };
            keys.push(key.clone());
            items.push(Item {
                key,
                label: label.clone(),
                detail: p.outcome.to_string(),
                value: format!(
                    "{} {} · SE {}",
                    p.measure.as_str(),
                    i18n::estimate(lang, natural(p.yi[i])),
                    i18n::num(lang, sei[i], 3)
                ),
                n: study.and_then(|s| s.n),
                certainty: None,
                caveats: study
                    .map(|s| crate::model::Text::all_in(&s.caveats, lang.as_str()))
                    .unwrap_or_default(),
                source_url: study.and_then(|s| s.citation.source_url()),
                design: study.map(|s| s.design.as_str().to_string()),
                year: study.and_then(|s| s.year),
                glossary: Vec::new(),
            });
        }
        for (j, (y, s)) in filled_yi.iter().zip(&filled_sei).enumerate() {
            let key = format!("filled/{j}");
            keys.push(key.clone());
            items.push(Item {
                key,
                label: tf(lang, "funnel.filled", &["1"]),
                detail: p.outcome.to_string(),
                value: format!(
                    "{} {} · SE {}",
                    p.measure.as_str(),
                    i18n::estimate(lang, natural(*y)),
                    i18n::num(lang, *s, 3)
                ),
                ..Default::default()
            });
        }
        FunnelView {
            lang,
            data: Some(FunnelData {
                outcome: p.outcome.to_string(),
                measure: p.measure,
                keys,
                yi: p.yi,
                sei,
                filled_yi,
                filled_sei,
                estimate: p.fit.estimate,
            }),
            items,
        }
    }

    pub fn summary(&self, lang: Lang) -> String {
        match &self.data {
            Some(d) => tn(
                lang,
                "summary.funnel",
                &[
                    ("studies", &plural(lang, "forest.studies", d.yi.len())),
                    ("added", &d.filled_yi.len().to_string()),
                ],
            ),
            None => t(lang, "funnel.needs").to_string(),
        }
    }
}

impl Paint for FunnelView {
    type Placement<'a> = Placement;

    fn height(p: &Placement) -> f64 {
        p.height
    }

    /// The one layout step: every line broken (once, see [`super::text`]) and placed.
    fn layout(&self, width: f64, theme: &Theme) -> Placement {
        let lang = self.lang;
        let pad = theme.px(PAD);
        let inner = width - 2.0 * pad;
        let small = theme.font_px(11.0);
        let small_line = theme.px(SMALL_LINE);
        let mut p = Placement {
            needs: Wrapped::default(),
            title: Wrapped::default(),
            legend: Vec::new(),
            y_title: Default::default(),
            plot_top: 0.0,
            plot_bottom: 0.0,
            x_title: Default::default(),
            region: Default::default(),
            height: 0.0,
        };
        let Some(d) = &self.data else {
            p.needs = Wrapped::new(t(lang, "funnel.needs"), theme.font_px(13.0), false, inner);
            p.height = 2.0 * pad + p.needs.height(theme.px(18.0));
            return p;
        };
        p.title = draw::title_lines(theme, &tf(lang, "funnel.title", &[&d.outcome]), inner);
        let mut y = pad + p.title.height(draw::title_pitch(theme)) + theme.px(3.0);
        // Legend entries flow into rows.
        let r = theme.px(4.5);
        let marker = 2.0 * r + theme.px(5.0);
        let entries = [
            (true, tf(lang, "funnel.observed", &[])),
            (
                false,
                tf(lang, "funnel.filled", &[&d.filled_yi.len().to_string()]),
            ),
        ];
        let (mut x, mut row_h) = (pad, 0.0_f64);
        for (filled, text) in entries {
            let text = Wrapped::new(&text, small, false, inner - marker);
            let w = marker
                + text
                    .lines
                    .iter()
                    .map(|l| ApproxMeasure.width(l, small, false))
                    .fold(0.0, f64::max);
            if x > pad && x + w > width - pad {
                (x, y) = (pad, y + row_h);
                row_h = 0.0;
            }
            row_h = row_h.max(theme.px(18.0) + (text.len().max(1) - 1) as f64 * small_line);
            p.legend.push(LegendEntry {
                filled,
                text,
                x,
                top: y,
            });
            x += w + theme.px(25.0);
        }
        y += row_h + theme.px(1.5);
        let y_title = Wrapped::new(t(lang, "funnel.y_axis"), small, false, inner);
        let below = y + y_title.height(small_line);
        p.y_title = (y_title, y);
        let css = width / theme.scale;
        p.plot_top = below + theme.px(4.5);
        p.plot_bottom = p.plot_top + theme.px((css * 0.6).clamp(220.0, 520.0));
        let natural = |v: f64| d.measure.natural(v);
        let x_title = format!(
            "{} · {}",
            tf(lang, "funnel.x_axis", &[d.measure.as_str()]),
            tf(
                lang,
                "funnel.estimate",
                &[&i18n::estimate(lang, natural(d.estimate))]
            )
        );
        let x_title = Wrapped::new(&x_title, small, false, inner);
        let top = p.plot_bottom + theme.px(26.5);
        let below = top + x_title.height(small_line) + theme.px(3.0);
        p.x_title = (x_title, top);
        let region = Wrapped::new(
            &format!("- - {}", t(lang, "funnel.region")),
            small,
            false,
            inner,
        );
        p.height = below + region.height(small_line) + pad;
        p.region = (region, below);
        p
    }

    fn paint(&self, p: &Placement, s: &Sheet) -> Result<Vec<Hit>, ChartError> {
        let (area, theme, width) = (s.pen, s.theme, s.width);
        let lang = self.lang;
        let pad = theme.px(PAD);
        let small = theme.font_px(11.0);
        let small_style = TextStyle::new(theme, small);
        let small_muted = small_style.colour(&theme.muted);
        let small_line = theme.px(SMALL_LINE);
        let Some(d) = &self.data else {
            let style = TextStyle::new(theme, p.needs.size);
            s.wrapped(&p.needs, (pad, pad), theme.px(18.0), style)?;
            return Ok(Vec::new());
        };
        let (title_pitch, title_style) = (
            draw::title_pitch(theme),
            TextStyle::new(theme, p.title.size),
        );
        s.wrapped(&p.title, (pad, pad), title_pitch, title_style)?;
        let r = theme.px(4.5);
        for e in &p.legend {
            let (cx, cy) = (e.x + r, e.top + theme.px(9.0));
            draw::circle(area, cx, cy, r, &theme.favourable, e.filled, theme.px(1.5))?;
            // The first line centred on the circle.
            let at = (e.x + 2.0 * r + theme.px(5.0), cy - small_line / 2.0);
            s.wrapped(&e.text, at, small_line, small_style)?;
        }
        let (plot_top, plot_bottom) = (p.plot_top, p.plot_bottom);
        let plot_left = pad + theme.px(46.0);
        let plot_right = width - pad - theme.px(8.0);
        let z = 1.959964;
        let max_se = d
            .sei
            .iter()
            .chain(&d.filled_sei)
            .fold(0.0_f64, |a, b| a.max(*b))
            * 1.08;
        let max_se = if max_se > 0.0 { max_se } else { 1.0 };
        let natural = |v: f64| d.measure.natural(v);
        let scale = if d.measure.is_ratio() {
            Scale::Log
        } else {
            Scale::Linear
        };
        let values = d.yi.iter().chain(&d.filled_yi).map(|v| natural(*v)).chain([
            natural(d.estimate - z * max_se),
            natural(d.estimate + z * max_se),
        ]);
        let axis = Axis::fit(scale, values, d.measure.null(), plot_left, plot_right);
        let y_of = |se: f64| plot_top + (se / max_se).clamp(0.0, 1.0) * (plot_bottom - plot_top);
        // Pseudo 95% region.
        let apex = (axis.px(natural(d.estimate)).unwrap_or(plot_left), plot_top);
        let left = (
            axis.px(natural(d.estimate - z * max_se))
                .unwrap_or(plot_left),
            plot_bottom,
        );
        let right = (
            axis.px(natural(d.estimate + z * max_se))
                .unwrap_or(plot_right),
            plot_bottom,
        );
        draw::polygon(area, &[apex, left, right], &theme.band, true, 1.0)?;
        draw::dashed(area, apex, left, &theme.muted, theme.px(1.0), theme.px(4.0))?;
        draw::dashed(
            area,
            apex,
            right,
            &theme.muted,
            theme.px(1.0),
            theme.px(4.0),
        )?;
        draw::line(
            area,
            apex,
            (apex.0, plot_bottom),
            &theme.text,
            theme.px(1.0),
        )?;
        // Axes: effect at the bottom, standard error on the left (0 at the top).
        draw::line(
            area,
            (plot_left, plot_bottom),
            (plot_right, plot_bottom),
            &theme.text,
            theme.px(1.0),
        )?;
        draw::line(
            area,
            (plot_left, plot_top),
            (plot_left, plot_bottom),
            &theme.text,
            theme.px(1.0),
        )?;
        let mut last = f64::NEG_INFINITY;
        for tick in axis.ticks((((plot_right - plot_left) / theme.px(48.0)) as usize).clamp(2, 9)) {
            if let Some(x) = axis.px(tick) {
                let label = format_tick_lang(lang, tick);
                let tw = s.measure.width(&label, small, false);
                draw::line(
                    area,
                    (x, plot_bottom),
                    (x, plot_bottom + theme.px(4.0)),
                    &theme.text,
                    theme.px(1.0),
                )?;
                if x - tw / 2.0 > last + theme.px(4.0) && x + tw / 2.0 <= width {
                    draw::text(
                        area,
                        &label,
                        (x, plot_bottom + theme.px(13.0)),
                        small_style.align(Align::Center),
                    )?;
                    last = x + tw / 2.0;
                }
            }
        }
        let se_axis = Axis::fit(Scale::Linear, [0.0, max_se], 0.0, 0.0, 1.0);
        for tick in se_axis
            .ticks(5)
            .into_iter()
            .filter(|t| *t >= 0.0 && *t <= max_se)
        {
            let y = y_of(tick);
            draw::line(
                area,
                (plot_left - theme.px(4.0), y),
                (plot_left, y),
                &theme.text,
                theme.px(1.0),
            )?;
            draw::text(
                area,
                &format_tick_lang(lang, tick),
                (plot_left - theme.px(6.0), y),
                small_style.align(Align::Right),
            )?;
        }
        for (text, top) in [&p.y_title, &p.x_title, &p.region] {
            s.wrapped(text, (pad, *top), small_line, small_muted)?;
        }
        // Points: observed filled, imputed hollow.
        let mut hits = Vec::new();
        let pr = theme.px(4.5);
        let points = d.yi.iter().zip(&d.sei).map(|(y, s)| (*y, *s, true)).chain(
            d.filled_yi
                .iter()
                .zip(&d.filled_sei)
                .map(|(y, s)| (*y, *s, false)),
        );
        for (i, (yi, se, observed)) in points.enumerate() {
            let Some(x) = axis.px(natural(yi)) else {
                continue;
            };
            let y = y_of(se);
            if observed {
                draw::circle(area, x, y, pr, &theme.favourable, true, 1.0)?;
            } else {
                draw::circle(area, x, y, pr, &theme.favourable, false, theme.px(1.5))?;
            }
            if let Some(key) = d.keys.get(i) {
                hits.push(Hit {
                    key: key.clone(),
                    x0: x - pr - theme.px(3.0),
                    y0: y - pr - theme.px(3.0),
                    x1: x + pr + theme.px(3.0),
                    y1: y + pr + theme.px(3.0),
                });
            }
        }
        Ok(hits)
    }
}
