//! Benefit and harm, fact-box style: for each result with a risk, 100 people drawn as
//! icons (10 × 10), in the comparison group and with the treatment, filled when they have the
//! outcome, with the numbers and their range written out. Whether the event is good or bad is said
//! in words ("fewer is better"); where the interval of the difference includes no difference,
//! one array is drawn for both groups and labelled "no clear difference", so the picture never
//! shows a difference the evidence cannot. Single-group proportions get one array, labelled as
//! having no comparison group. Nothing is shortened: one layout step wraps every line and gives
//! both the height and the drawing.

use super::draw::{self, Paint, Sheet, TextStyle};
use super::item::Item;
use super::labels::with_design;
use super::options::ViewOptions;
use super::text::{wrap, ApproxMeasure};
use super::{ChartError, Hit, Theme};
use std::cmp::Reverse;

use crate::appraise::absolute::{people, within};
use crate::appraise::matching::Lexicon;
use crate::appraise::text::name_in_sentence;
use crate::appraise::{Appraisal, Basis, PerN};
use crate::i18n::{t, tf, Lang};
use crate::model::{Better, Dataset, OutcomeKind};

/// One icon-array card.
#[derive(Clone, Debug)]
pub struct HarmsEntry {
    pub key: String,
    pub title: String,
    /// Which way is good for patients: fewer events (a bad event) or more (a good one).
    pub better: Better,
    pub therapy: String,
    /// People out of 100 with the treatment, and in the comparison group for a comparison
    /// (`control` is `None` for a single group).
    pub per_100: PerN,
}

impl HarmsEntry {
    /// The arrays drawn: label, people out of 100.
    fn arrays(&self, lang: Lang) -> Vec<(String, f64)> {
        let p = &self.per_100;
        match p.control {
            Some(c) if p.no_clear_difference() => {
                vec![(tf(lang, "harms.both", &[&self.therapy]), c)]
            }
            Some(c) => vec![
                (t(lang, "harms.control").to_string(), c),
                (tf(lang, "harms.treatment", &[&self.therapy]), p.treatment),
            ],
            None => vec![(tf(lang, "harms.treatment", &[&self.therapy]), p.treatment)],
        }
    }

    /// The numbers under the arrays, in words.
    fn numbers(&self, lang: Lang) -> Vec<String> {
        let of = |v: f64| tf(lang, "harms.of_100", &[&people(lang, v)]);
        let range =
            |(a, b): (f64, f64)| tf(lang, "harms.range", &[&people(lang, a), &people(lang, b)]);
        let mut out = Vec::new();
        let p = &self.per_100;
        match p.control {
            None => {
                // "46 of 100 (range 40 to 52); no comparison group": one pair of brackets.
                let mut count = of(p.treatment);
                if let Some(r) = p.treatment_range() {
                    count = format!("{count} {}", range(r));
                }
                out.push(tf(lang, "harms.one_group", &[&count]));
            }
            Some(c) => {
                let mut with = tf(lang, "harms.with_numbers", &[&of(c), &of(p.treatment)]);
                if let Some(r) = p.treatment_range() {
                    with = format!("{with} {}", range(r));
                }
                out.push(with);
                if p.no_clear_difference() {
                    out.push(t(lang, "harms.no_clear_difference").to_string());
                }
            }
        }
        out
    }
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
const LINE: f64 = 16.0;
/// A safeguard against absurd input; real text never reaches it, and nothing is cut below it.
const MAX_LINES: usize = 200;

/// Whole people out of 100, for the icons.
pub fn icons_filled(per_100: f64) -> usize {
    if per_100.is_finite() {
        per_100.round().clamp(0.0, 100.0) as usize
    } else {
        0
    }
}

/// A card's text, wrapped at its width.
struct CardText {
    /// The width its lines were broken for, and its arrays' labels'.
    room: f64,
    label_room: f64,
    title: Vec<String>,
    direction: Vec<String>,
    labels: Vec<Vec<String>>,
    numbers: Vec<Vec<String>>,
}

/// Where everything goes at one width.
pub(super) struct Placement {
    /// The title's lines (bold), then the legend's.
    header: (Vec<String>, Vec<String>),
    /// The sentence for no results, wrapped.
    empty: Vec<String>,
    cols: usize,
    card_w: f64,
    pitch: f64,
    /// Per card: its text and its top; per row of cards: its height.
    cards: Vec<(CardText, f64)>,
    height: f64,
}

impl HarmsView {
    pub fn build(dataset: &Dataset, options: &ViewOptions, appraisal: &Appraisal) -> HarmsView {
        let lang = options.lang;
        let mut entries = Vec::new();
        let mut items = Vec::new();
        let mut statements = Vec::new();
        let studies = dataset.studies_by_id();
        // The strongest evidence first, as a fact box leads with it: comparisons before single
        // groups, then the more certain; among comparisons benefits before harms, among single
        // groups harms first, since a group with no comparison can count what happened to treated
        // people (deaths after a transplant) but cannot show what the treatment did for them;
        // serious outcomes (deaths) before the others, as the vocabulary says. The dataset's order
        // among equals.
        // Each result's place is worked out once, not at every comparison of the sort, with its
        // study and the data's outcome looked up once.
        let lexicon = Lexicon::new(&dataset.vocabulary);
        let mut outcomes: Vec<_> = (appraisal.outcomes.iter())
            .filter_map(|o| {
                let abs = o.absolute.as_ref()?;
                let study = *studies.get(o.study.as_str())?;
                let outcome = study.outcomes.iter().find(|x| x.id == o.outcome);
                let serious = outcome.is_some_and(|x| lexicon.is_serious(x));
                let single = abs.basis == Basis::SingleArm;
                let benefit = o.kind == OutcomeKind::Benefit;
                let place = (single, Reverse(o.certainty), benefit == single, !serious);
                Some((place, o, abs, study, outcome))
            })
            .collect();
        crate::sort::sort_by(&mut outcomes, |a, b| a.0.cmp(&b.0));
        for (_, o, abs, study, outcome) in outcomes {
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
            let key = format!("{}/{}", o.study, o.outcome);
            // The time the numbers are for: as their baseline risk says, else the outcome's own
            // where its name does not say it (as a forest row adds it).
            let name = match (abs.timepoint.as_deref(), outcome) {
                (None, Some(x)) => x.name_with_time(lang.as_str()),
                (given, _) => within(lang, &o.name, given),
            };
            let title = format!("{} · {}", study.label.get(lang.as_str()), name);
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
                label: with_design(
                    lang,
                    study.label.get(lang.as_str()).to_string(),
                    study.design,
                ),
                detail: name,
                value,
                n: study.n,
                certainty: o.certainty.map(|c| c.words(lang).to_string()),
                caveats: crate::model::Text::all_in(&study.caveats, lang.as_str()),
                source_url: study.citation.source_url(),
                design: Some(study.design.as_str().to_string()),
                year: study.year,
                glossary: Vec::new(),
            });
            statements.push(abs.text.clone());
            let better = study
                .outcomes
                .iter()
                .find(|x| x.id == o.outcome)
                .map_or(Better::Lower, |x| x.better);
            entries.push(HarmsEntry {
                key,
                title,
                better,
                therapy: match study.intervention.therapy.trim() {
                    // Data that name no therapy are about one: "with this treatment".
                    blank if crate::model::terms::is_blank(blank) => name_in_sentence(lang, blank),
                    named => named.to_string(),
                },
                per_100: PerN {
                    control,
                    ..p.clone()
                },
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
}

impl Paint for HarmsView {
    type Placement<'a> = Placement;

    fn height(p: &Placement) -> f64 {
        p.height
    }

    /// The one layout step: every line wrapped at its width, cards placed in rows as tall as
    /// their tallest card. Lines are broken with the estimate ([`ApproxMeasure`]) whatever
    /// font draws them, so the height asked for is the height drawn; the real font draws a
    /// line a little smaller if it must ([`Sheet::fitted`]), never cuts it.
    fn layout(&self, width: f64, theme: &Theme) -> Placement {
        let measure = &ApproxMeasure;
        let lang = self.lang;
        let pad = theme.px(PAD);
        let (cols, card_w, pitch) = self.grid(width, theme);
        let font = theme.font_px(12.5);
        let small = theme.font_px(11.0);
        // The title in bold, then the legend: each broken as it is drawn.
        let header_line = |text: &str, bold| {
            let size = theme.font_px(12.0);
            wrap(measure, text, size, bold, width - 2.0 * pad, MAX_LINES)
        };
        let header = (
            header_line(&format!("{}.", t(lang, "harms.title")), true),
            header_line(t(lang, "harms.legend"), false),
        );
        let header_lines = header.0.len() + header.1.len();
        let mut y = pad + header_lines as f64 * theme.px(LINE) + theme.px(10.0);
        let inner_w = card_w - theme.px(14.0);
        let array_w = 10.0 * pitch;
        let texts: Vec<CardText> = self
            .entries
            .iter()
            .map(|e| {
                let arrays = e.arrays(lang);
                // Two arrays side by side share the card's width; one takes all of it.
                let label_w = if arrays.len() > 1 {
                    (inner_w / 2.0 - theme.px(6.0)).max(array_w)
                } else {
                    inner_w
                };
                let direction = t(
                    lang,
                    if e.better == Better::Lower {
                        "harms.fewer_better"
                    } else {
                        "harms.more_better"
                    },
                );
                CardText {
                    room: inner_w,
                    label_room: label_w,
                    title: wrap(measure, &e.title, font, true, inner_w, MAX_LINES),
                    direction: wrap(measure, direction, small, false, inner_w, MAX_LINES),
                    labels: arrays
                        .iter()
                        .map(|(l, _)| wrap(measure, l, small, false, label_w, MAX_LINES))
                        .collect(),
                    numbers: e
                        .numbers(lang)
                        .iter()
                        .map(|n| wrap(measure, n, small, false, inner_w, MAX_LINES))
                        .collect(),
                }
            })
            .collect();
        let height_of = |c: &CardText| {
            let lines = |v: &[String]| v.len() as f64 * theme.px(LINE);
            let label = c.labels.iter().map(|l| lines(l)).fold(0.0, f64::max);
            lines(&c.title)
                + lines(&c.direction)
                + theme.px(6.0)
                + label
                + 10.0 * pitch
                + theme.px(8.0)
                + c.numbers.iter().map(|n| lines(n)).sum::<f64>()
                + theme.px(18.0)
        };
        let mut cards = Vec::with_capacity(texts.len());
        let mut row_h = 0.0;
        for (i, c) in texts.into_iter().enumerate() {
            if i > 0 && i % cols == 0 {
                y += row_h;
                row_h = 0.0;
            }
            row_h = f64::max(row_h, height_of(&c));
            cards.push((c, y));
        }
        let empty = if self.entries.is_empty() {
            wrap(
                measure,
                t(lang, "harms.empty"),
                font,
                false,
                width - 2.0 * pad,
                MAX_LINES,
            )
        } else {
            Vec::new()
        };
        y += if self.entries.is_empty() {
            theme.px(10.0) + empty.len() as f64 * theme.px(LINE)
        } else {
            row_h
        };
        Placement {
            header,
            empty,
            cols,
            card_w,
            pitch,
            cards,
            height: y + pad,
        }
    }

    fn paint(&self, p: &Placement, s: &Sheet) -> Result<Vec<Hit>, ChartError> {
        let (area, theme, width) = (s.pen, s.theme, s.width);
        let lang = self.lang;
        let pad = theme.px(PAD);
        let font_style = TextStyle::new(theme, theme.font_px(12.5));
        let small_style = TextStyle::new(theme, theme.font_px(11.0));
        let line = theme.px(LINE);
        let room = width - 2.0 * pad;
        let mut y = pad;
        let title = TextStyle::new(theme, theme.font_px(12.0)).bold(true);
        let (titles, legend) = &p.header;
        let header = (titles.iter().map(|l| (l, title))).chain(
            legend
                .iter()
                .map(|l| (l, title.bold(false).colour(&theme.muted))),
        );
        for (l, style) in header {
            s.fitted(l, (pad, y + line / 2.0), style, room)?;
            y += line;
        }
        y += theme.px(10.0);
        for l in &p.empty {
            let style = font_style.colour(&theme.muted);
            s.fitted(l, (pad, y + line / 2.0), style, room)?;
            y += line;
        }
        let mut hits = Vec::new();
        let array_w = 10.0 * p.pitch;
        for (i, (e, (c, y0))) in self.entries.iter().zip(&p.cards).enumerate() {
            let x0 = pad + (i % p.cols) as f64 * p.card_w;
            let mut y = *y0;
            let write = |lines: &[String], style: TextStyle, y: &mut f64| {
                for l in lines {
                    s.fitted(l, (x0, *y + line / 2.0), style, c.room)?;
                    *y += line;
                }
                Ok::<(), ChartError>(())
            };
            write(&c.title, font_style.bold(true), &mut y)?;
            write(&c.direction, small_style.colour(&theme.muted), &mut y)?;
            y += theme.px(6.0);
            // Filled icons in the colour of what the event means for patients.
            let colour = if e.better == Better::Lower {
                &theme.unfavourable
            } else {
                &theme.favourable
            };
            let arrays = e.arrays(lang);
            let gap =
                (p.card_w - theme.px(14.0) - 2.0 * array_w).clamp(theme.px(12.0), theme.px(40.0));
            let label_h = c.labels.iter().map(|l| l.len()).max().unwrap_or(0) as f64 * line;
            for (k, ((_, per100), label)) in arrays.iter().zip(&c.labels).enumerate() {
                let ax = x0 + k as f64 * (array_w + gap);
                let mut ly = y;
                for l in label {
                    let at = (ax, ly + line / 2.0);
                    s.fitted(l, at, small_style, c.label_room)?;
                    ly += line;
                }
                let top = y + label_h;
                let filled = icons_filled(*per100);
                let r = p.pitch * 0.36;
                for idx in 0..100 {
                    let (row, col) = (idx / 10, idx % 10);
                    let cx = ax + (col as f64 + 0.5) * p.pitch;
                    let cy = top + (row as f64 + 0.5) * p.pitch;
                    let has = idx < filled;
                    let ink = if has { colour } else { &theme.muted };
                    draw::circle(area, cx, cy, r, ink, has, theme.px(1.0))?;
                }
            }
            y += label_h + 10.0 * p.pitch + theme.px(8.0);
            for (n, lines) in c.numbers.iter().enumerate() {
                let style = if n == 0 {
                    small_style.bold(true)
                } else {
                    small_style.colour(&theme.muted)
                };
                write(lines, style, &mut y)?;
            }
            hits.push(Hit {
                key: e.key.clone(),
                x0: x0 - theme.px(4.0),
                y0: y0 - theme.px(2.0),
                x1: x0 + p.card_w - theme.px(6.0),
                y1: y + theme.px(6.0),
            });
        }
        Ok(hits)
    }
}
