//! Benefit and harm, fact-box style: for each result with a risk, 100 people drawn as
//! icons (10 × 10), without and with the treatment, filled when they have the outcome,
//! with the numbers written out. Single-group proportions get one array, labelled as
//! having no comparison group.

use super::build::{certainty_words, design_badge, ViewOptions};
use super::draw::{self, Area, Surface, TextStyle};
use super::text::{ellipsize, wrap, ApproxMeasure, TextMeasure};
use super::view::Item;
use super::{ChartError, Hit, Layout, Theme};
use crate::appraise::{Appraisal, Basis};
use crate::i18n::{self, t, tf, Lang};
use crate::model::{Dataset, OutcomeKind};

/// One icon array as drawn: its label, the count per 100 and its interval per 100 if known.
type IconArray = (String, f64, Option<(f64, f64)>);

/// One icon-array card.
#[derive(Clone, Debug)]
pub struct HarmsEntry {
    pub key: String,
    pub title: String,
    pub kind: OutcomeKind,
    pub therapy: String,
    /// People out of 100 without the treatment; `None` for a single group.
    pub control: Option<f64>,
    pub treatment: f64,
    pub treatment_range: Option<(f64, f64)>,
}

#[derive(Clone, Debug)]
pub struct HarmsView {
    pub lang: Lang,
    pub entries: Vec<HarmsEntry>,
    pub items: Vec<Item>,
    pub statements: Vec<String>,
}

const PAD: f64 = 10.0;
const PITCH: f64 = 11.0;
const CARD_MIN: f64 = 290.0;

/// Whole people out of 100, for the icons.
pub fn icons_filled(per_100: f64) -> usize {
    if per_100.is_finite() {
        per_100.round().clamp(0.0, 100.0) as usize
    } else {
        0
    }
}

/// People out of 100, rounded; "<1" for a risk above zero that rounds to none, so a
/// rare death is never shown as "0 of 100".
pub fn people(lang: Lang, per_100: f64) -> String {
    if per_100 > 0.0 && per_100 < 0.5 {
        format!("<{}", i18n::num(lang, 1.0, 0))
    } else {
        i18n::num(lang, per_100, 0)
    }
}

impl HarmsView {
    pub fn build(dataset: &Dataset, options: &ViewOptions, appraisal: &Appraisal) -> HarmsView {
        let lang = options.lang;
        let mut entries = Vec::new();
        let mut items = Vec::new();
        let mut statements = Vec::new();
        for o in &appraisal.outcomes {
            let Some(abs) = &o.absolute else { continue };
            let Some(study) = dataset.study(&o.study) else {
                continue;
            };
            let p = &abs.per_100;
            if !p.treatment.is_finite() {
                continue;
            }
            let single = abs.basis == Basis::SingleArm;
            let control = if single {
                None
            } else {
                p.control.filter(|c| c.is_finite())
            };
            if !single && control.is_none() {
                continue;
            }
            let range = match (p.treatment_lb, p.treatment_ub) {
                (Some(a), Some(b)) if a.is_finite() && b.is_finite() => Some((a, b)),
                _ => None,
            };
            let key = format!("{}/{}", o.study, o.outcome);
            let title = format!("{} · {}", study.label, o.name);
            let value = match control {
                Some(c) => format!(
                    "{} → {}",
                    tf(lang, "harms.of_100", &[&people(lang, c)]),
                    tf(lang, "harms.of_100", &[&people(lang, p.treatment)])
                ),
                None => tf(
                    lang,
                    "harms.one_group",
                    &[&tf(lang, "harms.of_100", &[&people(lang, p.treatment)])],
                ),
            };
            items.push(Item {
                key: key.clone(),
                label: format!("{} ({})", study.label, design_badge(lang, study.design)),
                detail: o.name.clone(),
                value,
                n: study.n,
                certainty: o.certainty.map(|c| certainty_words(lang, c).to_string()),
                caveats: study.caveats.clone(),
                source_url: study.citation.source_url(),
                design: Some(study.design.as_str().to_string()),
                year: study.year,
            });
            statements.push(abs.text.clone());
            entries.push(HarmsEntry {
                key,
                title,
                kind: o.kind,
                therapy: study.intervention.therapy.clone(),
                control,
                treatment: p.treatment,
                treatment_range: range,
            });
        }
        HarmsView {
            lang,
            entries,
            items,
            statements,
        }
    }

    fn grid(&self, width: f64, theme: &Theme) -> (usize, f64, f64) {
        let pad = theme.px(PAD);
        let inner = width - 2.0 * pad;
        let pitch = theme
            .px(PITCH)
            .min((inner - theme.px(24.0)) / 20.0)
            .max(theme.px(5.0));
        let cols = ((inner / theme.px(CARD_MIN)).floor() as usize).clamp(1, 6);
        let card_w = inner / cols as f64;
        (cols, card_w, pitch)
    }

    fn card_height(&self, theme: &Theme, pitch: f64) -> f64 {
        // Two title lines, array label, 10 rows of icons, the count, the range, a gap.
        theme.px(2.0 * 16.0 + 18.0) + 10.0 * pitch + theme.px(18.0 + 16.0 + 18.0)
    }

    fn header_lines(&self, width: f64, theme: &Theme, measure: &dyn TextMeasure) -> Vec<String> {
        let text = format!(
            "{}. {}",
            t(self.lang, "harms.title"),
            t(self.lang, "harms.legend")
        );
        wrap(
            measure,
            &text,
            theme.font_px(12.0),
            false,
            width - 2.0 * theme.px(PAD),
            3,
        )
    }

    pub fn preferred_height(&self, width: f64, theme: &Theme) -> f64 {
        let (cols, _, pitch) = self.grid(width, theme);
        let header = self.header_lines(width, theme, &ApproxMeasure).len() as f64 * theme.px(16.0)
            + theme.px(10.0);
        let rows = self.entries.len().div_ceil(cols).max(1) as f64;
        2.0 * theme.px(PAD) + header + rows * self.card_height(theme, pitch)
    }

    pub fn draw<DB: Surface>(
        &self,
        area: &Area<DB>,
        theme: &Theme,
        measure: &dyn TextMeasure,
    ) -> Result<Layout, ChartError> {
        let lang = self.lang;
        let width = draw::background(area, theme)?;
        let pad = theme.px(PAD);
        let font = theme.font_px(12.5);
        let font_style = TextStyle::new(theme, font);
        let small = theme.font_px(11.0);
        let small_style = TextStyle::new(theme, small);
        let (cols, card_w, pitch) = self.grid(width, theme);
        let mut y = pad;
        let n_head = self.header_lines(width, theme, &ApproxMeasure).len();
        for (i, line) in wrap(
            measure,
            &format!("{}. {}", t(lang, "harms.title"), t(lang, "harms.legend")),
            theme.font_px(12.0),
            false,
            width - 2.0 * pad,
            n_head,
        )
        .iter()
        .enumerate()
        {
            draw::text(
                area,
                line,
                (pad, y + theme.px(8.0)),
                TextStyle::new(theme, theme.font_px(12.0))
                    .colour(if i == 0 { &theme.text } else { &theme.muted })
                    .bold(i == 0),
            )?;
            y += theme.px(16.0);
        }
        y += theme.px(10.0);
        if self.entries.is_empty() {
            let text = ellipsize(
                measure,
                t(lang, "harms.empty"),
                font,
                false,
                width - 2.0 * pad,
            );
            draw::text(
                area,
                &text,
                (pad, y + font),
                font_style.colour(&theme.muted),
            )?;
        }
        let card_h = self.card_height(theme, pitch);
        let mut hits = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let x0 = pad + (i % cols) as f64 * card_w;
            let y0 = y + (i / cols) as f64 * card_h;
            let inner_w = card_w - theme.px(14.0);
            let kind = t(
                lang,
                if e.kind == OutcomeKind::Harm {
                    "harms.harm"
                } else {
                    "harms.benefit"
                },
            );
            let title = format!("{} ({kind})", e.title);
            for (j, line) in wrap(measure, &title, font, true, inner_w, 2)
                .iter()
                .enumerate()
            {
                draw::text(
                    area,
                    line,
                    (x0, y0 + theme.px(8.0 + 16.0 * j as f64)),
                    font_style.bold(true),
                )?;
            }
            let colour = if e.kind == OutcomeKind::Harm {
                &theme.unfavourable
            } else {
                &theme.favourable
            };
            let arrays: Vec<IconArray> = match e.control {
                Some(c) => vec![
                    (tf(lang, "harms.control", &[&e.therapy]), c, None),
                    (
                        tf(lang, "harms.treatment", &[&e.therapy]),
                        e.treatment,
                        e.treatment_range,
                    ),
                ],
                None => vec![(
                    tf(lang, "harms.treatment", &[&e.therapy]),
                    e.treatment,
                    e.treatment_range,
                )],
            };
            let array_w = 10.0 * pitch;
            let gap = ((inner_w - 2.0 * array_w) / 1.0).clamp(theme.px(12.0), theme.px(40.0));
            let top = y0 + theme.px(2.0 * 16.0 + 18.0);
            for (k, (label, per100, range)) in arrays.iter().enumerate() {
                let ax = x0 + k as f64 * (array_w + gap);
                let label_w = array_w
                    + if k == 0 && arrays.len() > 1 {
                        gap - theme.px(6.0)
                    } else {
                        inner_w - array_w - k as f64 * (array_w + gap)
                    };
                let label = ellipsize(measure, label, small, false, label_w);
                draw::text(area, &label, (ax, top - theme.px(9.0)), small_style)?;
                let filled = icons_filled(*per100);
                let r = pitch * 0.36;
                for idx in 0..100 {
                    let (row, col) = (idx / 10, idx % 10);
                    let cx = ax + (col as f64 + 0.5) * pitch;
                    let cy = top + (row as f64 + 0.5) * pitch;
                    let has = idx < filled;
                    draw::circle(
                        area,
                        cx,
                        cy,
                        r,
                        if has { colour } else { &theme.muted },
                        has,
                        theme.px(1.0),
                    )?;
                }
                let count = if e.control.is_none() {
                    tf(
                        lang,
                        "harms.one_group",
                        &[&tf(lang, "harms.of_100", &[&people(lang, *per100)])],
                    )
                } else {
                    tf(lang, "harms.of_100", &[&people(lang, *per100)])
                };
                let count = ellipsize(measure, &count, small, true, label_w);
                draw::text(
                    area,
                    &count,
                    (ax, top + 10.0 * pitch + theme.px(10.0)),
                    small_style.bold(true),
                )?;
                if let Some((a, b)) = range {
                    let text = tf(
                        lang,
                        "harms.range",
                        &[&i18n::num(lang, *a, 0), &i18n::num(lang, *b, 0)],
                    );
                    let text = ellipsize(measure, &text, small, false, label_w);
                    draw::text(
                        area,
                        &text,
                        (ax, top + 10.0 * pitch + theme.px(26.0)),
                        small_style.colour(&theme.muted),
                    )?;
                }
            }
            hits.push(Hit {
                key: e.key.clone(),
                x0: x0 - theme.px(4.0),
                y0: y0 - theme.px(2.0),
                x1: x0 + card_w - theme.px(6.0),
                y1: y0 + card_h - theme.px(10.0),
            });
        }
        let rows = self.entries.len().div_ceil(cols).max(1) as f64;
        Ok(Layout {
            hits,
            content_height: y + rows * card_h,
        })
    }
}
