//! The summary: the answer first. A title that states the finding, then one card per therapy
//! in the question's condition, in GRADE's plain words: the answer (unless the title just said
//! it), the main benefit and the main harm as natural frequencies out of 100 people, each under
//! its own certainty (⊕⊕◯◯ and the word), what the answer rests on, what the checked claims
//! about it say, and how recent the evidence is. Certainty belongs to an outcome, as in a
//! summary-of-findings table: one rating under the therapy's name would read as the whole
//! answer's, and a benefit of moderate certainty beside a harm of very low would be told as
//! moderate. A tap on a card gives all of it, with the numbers in full (per 1,000, the
//! difference and what the numbers assume).
//!
//! No line is cut: every line wraps, and one layout step (`SummaryView::layout`) gives both the
//! height and the drawing.

use super::draw::{self, Paint, Sheet, TextStyle};
use super::glossary::{spoken, Gloss, Glossary};
use super::item::{Item, ItemKey};
use super::labels::verdict_key;
use super::options::ViewOptions;
use super::text::{wrap, ApproxMeasure};
use super::{ChartError, Hit, Theme};
use crate::appraise::summary::{Answer, Finding};
use crate::appraise::text::{after_colon, lower_first, upper_first};
use crate::appraise::{Appraisal, Certainty, Verdict};
use crate::i18n::{self, t, tf, tn, Lang};
use crate::model::Dataset;

/// The summary view.
#[derive(Clone, Debug)]
pub struct SummaryView {
    pub lang: Lang,
    /// The finding in one or two sentences.
    pub title: String,
    pub cards: Vec<Card>,
    /// What the words of the title and the cards mean ([`Glossary`]).
    pub glossary: Vec<Gloss>,
    pub items: Vec<Item>,
    /// Why there is no answer, where there is none and the title does not say it already: the
    /// reader's filters when they chose some, else the data.
    pub empty: Option<String>,
}

/// One therapy's answer, as text lines before wrapping.
#[derive(Clone, Debug)]
pub struct Card {
    pub key: String,
    pub heading: String,
    /// The main benefit's certainty (the answer's): the colour of the card's edge.
    pub certainty: Option<Certainty>,
    /// Paragraphs: (kind, text).
    pub paragraphs: Vec<(Kind, String)>,
    /// What a tap on the card shows: the paragraphs after the headline, with the numbers in
    /// full where the card has them in short.
    pub details: String,
}

/// How a paragraph is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A card's heading: the therapy.
    Heading,
    Headline,
    Label,
    /// A finding's certainty row under its label: four circles and the words; `None` ("not
    /// rated"), once before the findings, on a card with none rated.
    Rating(Option<Certainty>),
    Body,
    Small,
}

const PAD: f64 = 10.0;
/// The widest a line of text gets, in CSS pixels, so that lines stay readable on wide screens.
const MEASURE: f64 = 720.0;
/// A line never wraps into more lines than this (a safeguard against absurd input, never met by
/// real sentences; nothing is cut below it).
const MAX_LINES: usize = 200;

fn font(kind: Kind) -> (f64, bool) {
    match kind {
        Kind::Heading => (15.0, true),
        Kind::Headline => (14.0, true),
        Kind::Label => (12.0, true),
        Kind::Rating(_) => (13.0, true),
        Kind::Body => (13.0, false),
        Kind::Small => (12.0, false),
    }
}

/// "⊕⊕⊕◯" for moderate: GRADE's symbols, in text for the accessible description.
pub fn symbols(c: Certainty) -> String {
    let filled = c.score().clamp(1, 4) as usize;
    "⊕".repeat(filled) + &"◯".repeat(4 - filled)
}

/// The finding's numbers in words: `short` for the card (under its certainty row), in full with
/// the certainty for its details.
fn frequencies(lang: Lang, f: &Finding, short: bool) -> String {
    let numbers = if short { &f.in_short } else { &f.frequencies };
    let what = match numbers.as_ref().or(f.frequencies.as_ref()) {
        Some(text) => text.clone(),
        None => f.statement.clone(),
    };
    let cert = (f.certainty.filter(|_| !short))
        .map(|c| tf(lang, "answer.certainty", &[c.words(lang)]))
        .unwrap_or_default();
    // Sentences that already start with the outcome's name (capitalised, as a sentence begins)
    // are not given it twice.
    let named = if what.starts_with(&f.name) || what.starts_with(&upper_first(&f.name)) {
        what
    } else {
        i18n::labelled(lang, &f.name, &what)
    };
    if cert.is_empty() {
        named
    } else {
        format!("{named} ({cert})")
    }
}

fn claims_line(lang: Lang, claims: &[(String, Verdict)]) -> Option<String> {
    if claims.is_empty() {
        return None;
    }
    let order = [
        Verdict::Supported,
        Verdict::SupportedInPart,
        Verdict::NotSupported,
        Verdict::Contradicted,
        Verdict::NoControlledEvidence,
        Verdict::Unverifiable,
    ];
    let parts: Vec<String> = order
        .iter()
        .filter_map(|v| {
            let n = claims.iter().filter(|(_, x)| x == v).count();
            (n > 0).then(|| i18n::plural(lang, &format!("{}_count", verdict_key(*v)), n))
        })
        .collect();
    Some(tf(lang, "answer.claims_checked", &[&parts.join(", ")]))
}

/// Where the answer comes from, by study: the first few by name and how many more (the table
/// lists them all).
fn sources_line(lang: Lang, sources: &[String]) -> Option<String> {
    (!sources.is_empty()).then(|| tf(lang, "answer.sources", &[&i18n::named_list(lang, sources)]))
}

/// What an answer rests on: "5 studies (3 randomised, 245 people) and 4 reviews"; the people
/// only when some study gives their number, none randomised only when every design is known,
/// and nothing when nothing is completed.
fn rests_on(lang: Lang, a: &Answer) -> Option<String> {
    let mut parts = Vec::new();
    if a.studies > 0 {
        let mut details = Vec::new();
        // "0 randomised" only where every design is known.
        if a.randomised > 0 || a.unstated == 0 {
            details.push(i18n::plural(lang, "answer.randomised", a.randomised));
        }
        if a.people > 0 {
            details.push(i18n::plural(lang, "answer.people", a.people as usize));
        }
        let studies = i18n::plural(lang, "answer.studies", a.studies);
        parts.push(match details.is_empty() {
            true => studies,
            false => format!("{studies} ({})", details.join(", ")),
        });
    }
    if a.reviews > 0 {
        parts.push(i18n::plural(lang, "answer.reviews", a.reviews));
    }
    (!parts.is_empty()).then(|| tf(lang, "answer.rests_on", &[&i18n::and_list(lang, &parts)]))
}

/// One therapy's card; without its headline when the view's title already says it (`said`: the
/// best answer's; on a phone the first screen would say it twice).
fn card(lang: Lang, a: &Answer, said: bool) -> Card {
    // Each paragraph, with what the details say in its place where they say more: the numbers
    // in full, and whom a finding is about with the study's own words about its people.
    let mut parts: Vec<(Kind, String, Option<String>)> =
        vec![(Kind::Headline, a.headline.clone(), None)];
    let rated = [&a.benefit, &a.harm].map(|f| f.as_ref().and_then(|f| f.certainty));
    if rated == [None, None] {
        parts.push((Kind::Rating(None), certainty_words(lang, None), None));
    }
    // The main benefit, then the main harm: its label, its numbers and whom it is about.
    for (finding, label, none) in [
        (&a.benefit, "answer.benefit", "answer.no_benefit_data"),
        (&a.harm, "answer.harm", "answer.no_harm_data"),
    ] {
        match finding {
            Some(f) => {
                parts.push((Kind::Label, t(lang, label).to_string(), None));
                if f.certainty.is_some() {
                    let words = certainty_words(lang, f.certainty);
                    parts.push((Kind::Rating(f.certainty), words, None));
                }
                let full = frequencies(lang, f, false);
                parts.push((Kind::Body, frequencies(lang, f, true), Some(full)));
                if let Some(who) = &f.who {
                    let took_part = f.population.as_ref().map(|p| {
                        let took_part = i18n::labelled(lang, t(lang, "ui.population"), p);
                        format!("{who} {}.", took_part.trim_end_matches('.'))
                    });
                    parts.push((Kind::Small, who.clone(), took_part));
                }
                if let Some(elsewhere) = &f.elsewhere {
                    parts.push((Kind::Small, elsewhere.clone(), None));
                }
            }
            None => parts.push((Kind::Body, t(lang, none).to_string(), None)),
        }
    }
    // What it rests on, whom else it took, what is still running and how recent it is.
    let mut rests: Vec<String> = rests_on(lang, a).into_iter().collect();
    if !a.mixed.is_empty() {
        let mixed = tn(
            lang,
            "indirect.mixed",
            &[
                ("studies", &i18n::named_list(lang, &a.mixed)),
                ("condition", &a.condition),
            ],
        );
        rests.push(format!("{}.", upper_first(&mixed)));
    }
    if a.ongoing > 0 {
        rests.push(i18n::plural(lang, "answer.ongoing", a.ongoing));
    }
    if let Some(y) = a.latest_year {
        rests.push(tf(lang, "answer.latest", &[&y.to_string()]));
    }
    if !rests.is_empty() {
        parts.push((Kind::Small, rests.join(" "), None));
    }
    let lines = [sources_line(lang, &a.sources), claims_line(lang, &a.claims)];
    parts.extend(lines.into_iter().flatten().map(|s| (Kind::Small, s, None)));
    let heading = if a.therapy.is_empty() || a.therapy_name.eq_ignore_ascii_case(&a.therapy) {
        a.therapy_name.clone()
    } else {
        format!("{} ({})", a.therapy, a.therapy_name)
    };
    // In the details, a label runs into its paragraph ("Main benefit: …"), with the numbers in full;
    // each label begins a paragraph of its own (a blank line: the details keep line breaks).
    let mut details = String::new();
    let mut label = None;
    for (kind, text, full) in parts.iter().skip(1) {
        let p = full.as_deref().unwrap_or(text);
        let (gap, p) = match (kind, label.take()) {
            (Kind::Label, _) => {
                label = Some(p);
                continue;
            }
            // The numbers in full say the certainty.
            (Kind::Rating(_), pending) => {
                label = pending;
                continue;
            }
            (_, Some(name)) => ("\n\n", i18n::labelled(lang, name, &after_colon(lang, p))),
            (_, None) => (" ", p.to_string()),
        };
        if !details.is_empty() {
            details.push_str(gap);
        }
        details.push_str(&p);
    }
    let paragraphs = parts
        .into_iter()
        .skip(usize::from(said))
        .map(|(kind, text, _)| (kind, text))
        .collect();
    Card {
        key: ItemKey::Answer(&a.therapy).to_string(),
        heading,
        certainty: a.certainty,
        paragraphs,
        details,
    }
}

/// A line of text placed by the layout: `y` is its middle.
struct Placed {
    text: String,
    y: f64,
    kind: Kind,
}

/// Where everything goes at one width.
pub(super) struct Placement<'a> {
    title: Vec<String>,
    /// The sentence for data with no answer, wrapped.
    empty: Vec<String>,
    lines: Vec<Placed>,
    /// (card, top, bottom)
    cards: Vec<(&'a Card, f64, f64)>,
    height: f64,
}

impl SummaryView {
    pub fn build(dataset: &Dataset, options: &ViewOptions, appraisal: &Appraisal) -> SummaryView {
        let lang = options.lang;
        let empty = appraisal.answers.is_empty().then(|| {
            let key = if options.narrows() {
                "answer.empty_filtered"
            } else {
                "answer.empty"
            };
            t(lang, key).to_string()
        });
        let (title, best) = title(lang, dataset, appraisal, empty.as_deref());
        let empty = empty.filter(|e| *e != title);
        let cards: Vec<Card> = appraisal
            .answers
            .iter()
            .enumerate()
            .map(|(i, a)| card(lang, a, best == Some(i)))
            .collect();
        // The words on the screen: a tap's details are not, so their words are explained in
        // the details, with the card's own.
        let explainer = Glossary::new(lang, &dataset.vocabulary);
        let mut words = title.clone();
        let mut items = Vec::with_capacity(cards.len());
        for (a, c) in appraisal.answers.iter().zip(&cards) {
            let mut card = String::new();
            let paragraphs = c.paragraphs.iter().map(|(_, p)| p);
            for p in std::iter::once(&c.heading).chain(paragraphs) {
                card.push(' ');
                card.push_str(p);
            }
            words.push_str(&card);
            let tapped = [&card, &a.headline, &c.details]
                .map(|p| p.as_str())
                .join(" ");
            items.push(Item {
                key: c.key.clone(),
                label: c.heading.clone(),
                detail: a.headline.clone(),
                value: c.details.clone(),
                // No count of people (a table without one) is no number, not "0 participants".
                n: u32::try_from(a.people).ok().filter(|&n| n > 0),
                certainty: findings_certainty(lang, a),
                caveats: Vec::new(),
                source_url: None,
                design: None,
                year: a.latest_year,
                glossary: explainer.explain(&tapped),
            });
        }
        let glossary = explainer.explain(&words);
        SummaryView {
            lang,
            title,
            cards,
            glossary,
            items,
            empty,
        }
    }

    /// The title, then every card's heading and paragraphs (a certainty row in symbols and
    /// words), and what the words mean: what a screen reader gets as the chart's description.
    pub fn summary(&self, lang: Lang) -> String {
        let mut out = vec![self.title.clone()];
        out.extend(self.empty.clone());
        for c in &self.cards {
            out.push(format!("{}.", c.heading));
            for (kind, p) in &c.paragraphs {
                out.push(match kind {
                    Kind::Rating(Some(x)) => format!("{} {p}.", symbols(*x)),
                    Kind::Rating(None) | Kind::Label => format!("{p}."),
                    _ => p.clone(),
                });
            }
        }
        out.extend(spoken(lang, &self.glossary));
        out.join(" ")
    }

    fn text_width(width: f64, theme: &Theme) -> f64 {
        (width - 2.0 * theme.px(PAD) - theme.px(16.0)).min(theme.px(MEASURE))
    }
}

impl Paint for SummaryView {
    type Placement<'a> = Placement<'a>;

    fn height(p: &Placement<'_>) -> f64 {
        p.height
    }

    /// The one layout step: every line wrapped and placed at `width`. Lines are broken with
    /// the estimate ([`ApproxMeasure`]) whatever font draws them, so the height asked for is
    /// the height drawn; a line the real font finds too wide is drawn a little smaller
    /// ([`Sheet::fitted`]), never cut.
    fn layout(&self, width: f64, theme: &Theme) -> Placement<'_> {
        let measure = &ApproxMeasure;
        let pad = theme.px(PAD);
        let w = Self::text_width(width, theme);
        let line_h = |size: f64| theme.px(size * 1.35);
        let title_size = theme.font_px(15.0);
        let title = wrap(
            measure,
            &self.title,
            title_size,
            true,
            w + theme.px(16.0),
            MAX_LINES,
        );
        let mut y = pad + title.len() as f64 * line_h(15.0) + theme.px(8.0);
        let mut lines = Vec::new();
        // A paragraph of `kind`, wrapped and placed from `y` down (a label or a headline a little
        // apart from what is above it).
        let paragraph = |lines: &mut Vec<Placed>, y: &mut f64, kind: Kind, text: &str| {
            let (size, bold) = font(kind);
            match kind {
                Kind::Label | Kind::Headline => *y += theme.px(4.0),
                // One line, fitted rather than wrapped, a little apart from the numbers below.
                Kind::Rating(_) => {
                    let (text, middle) = (text.to_string(), *y + line_h(size) / 2.0);
                    lines.push(Placed {
                        text,
                        y: middle,
                        kind,
                    });
                    *y += line_h(size) + theme.px(4.0);
                    return;
                }
                _ => {}
            }
            for text in wrap(measure, text, theme.font_px(size), bold, w, MAX_LINES) {
                *y += line_h(size);
                let y = *y - line_h(size) / 2.0;
                lines.push(Placed { text, y, kind });
            }
        };
        let mut cards = Vec::new();
        for c in &self.cards {
            let top = y;
            y += theme.px(10.0);
            paragraph(&mut lines, &mut y, Kind::Heading, &c.heading);
            for (kind, text) in &c.paragraphs {
                paragraph(&mut lines, &mut y, *kind, text);
            }
            y += theme.px(12.0);
            cards.push((c, top, y));
            y += theme.px(8.0);
        }
        // What the words mean, under the cards: a heading, then each word in bold over its meaning,
        // set as the cards' main text is (not small and muted: it is there to be read).
        if !self.glossary.is_empty() {
            paragraph(
                &mut lines,
                &mut y,
                Kind::Headline,
                t(self.lang, "gloss.heading"),
            );
        }
        for g in &self.glossary {
            paragraph(&mut lines, &mut y, Kind::Label, &g.word);
            paragraph(&mut lines, &mut y, Kind::Body, &g.meaning);
        }
        let mut empty = Vec::new();
        if let Some(why) = &self.empty {
            empty = wrap(measure, why, theme.font_px(13.0), false, w, MAX_LINES);
            y += empty.len() as f64 * line_h(13.0);
        }
        Placement {
            empty,
            title,
            lines,
            cards,
            height: y + pad,
        }
    }

    fn paint(&self, p: &Placement<'_>, s: &Sheet) -> Result<Vec<Hit>, ChartError> {
        let (area, theme, width) = (s.pen, s.theme, s.width);
        let pad = theme.px(PAD);
        let x = pad + theme.px(12.0);
        let room = Self::text_width(width, theme);
        let title_style = TextStyle::new(theme, theme.font_px(15.0)).bold(true);
        for (i, l) in p.title.iter().enumerate() {
            let y = pad + (i as f64 + 0.5) * theme.px(15.0 * 1.35);
            s.fitted(l, (pad, y), title_style, room + theme.px(16.0))?;
        }
        let empty_style = TextStyle::new(theme, theme.font_px(13.0)).colour(&theme.muted);
        let first = p.height - pad - p.empty.len() as f64 * theme.px(13.0 * 1.35);
        for (i, l) in p.empty.iter().enumerate() {
            let y = first + (i as f64 + 0.5) * theme.px(13.0 * 1.35);
            s.fitted(l, (pad, y), empty_style, room)?;
        }
        let mut hits = Vec::new();
        for (c, top, bottom) in &p.cards {
            let colour = certainty_colour(theme, c.certainty);
            draw::rect(
                area,
                pad,
                *top,
                pad + theme.px(4.0),
                *bottom,
                colour,
                true,
                1.0,
            )?;
            hits.push(Hit {
                key: c.key.clone(),
                x0: pad - theme.px(4.0),
                y0: *top,
                x1: width - pad + theme.px(4.0),
                y1: *bottom,
            });
        }
        for l in &p.lines {
            let (size, bold) = font(l.kind);
            let mut style = TextStyle::new(theme, theme.font_px(size)).bold(bold);
            let mut at = x;
            match l.kind {
                Kind::Small => style = style.colour(&theme.muted),
                // ⊕⊕◯◯ as shapes, so no font needs the symbols, then the words.
                Kind::Rating(certainty) => {
                    let colour = certainty_colour(theme, certainty);
                    let r = theme.px(5.0);
                    let filled = certainty.map_or(0, |c| c.score().clamp(1, 4));
                    for i in 0..4 {
                        let cx = x + r + i as f64 * (2.0 * r + theme.px(3.0));
                        draw::circle(area, cx, l.y, r, colour, i < filled, theme.px(1.5))?;
                    }
                    at += 4.0 * (2.0 * r + theme.px(3.0)) + theme.px(4.0);
                }
                _ => {}
            }
            s.fitted(&l.text, (at, l.y), style, room - (at - x))?;
        }
        Ok(hits)
    }
}

/// A card's certainty for its item (the table's column, a tap's details, the announcement):
/// each rated finding's, named ("moderate (main benefit); very low (main harm)"), as the card
/// rates each under its own label.
fn findings_certainty(lang: Lang, a: &Answer) -> Option<String> {
    let mut out = String::new();
    for (f, label) in [(&a.benefit, "answer.benefit"), (&a.harm, "answer.harm")] {
        if let Some(c) = f.as_ref().and_then(|f| f.certainty) {
            if !out.is_empty() {
                out.push_str(t(lang, "list.semicolon"));
            }
            out += &format!("{} ({})", c.words(lang), lower_first(t(lang, label)));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A card's certainty in words ("moderate certainty"), as its certainty row says it.
fn certainty_words(lang: Lang, c: Option<Certainty>) -> String {
    c.map(|c| tf(lang, "answer.certainty", &[c.words(lang)]))
        .unwrap_or_else(|| t(lang, "certainty.none").to_string())
}

fn certainty_colour(theme: &Theme, c: Option<Certainty>) -> &plotters::style::RGBColor {
    match c {
        Some(Certainty::High | Certainty::Moderate) => &theme.favourable,
        Some(Certainty::Low) => &theme.neutral,
        _ => &theme.no_comparison,
    }
}

/// A title that states the finding: the best-supported answer's headline and what the others
/// show; with the index of the answer whose headline it states, if one's.
fn title(
    lang: Lang,
    dataset: &Dataset,
    appraisal: &Appraisal,
    empty: Option<&str>,
) -> (String, Option<usize>) {
    // In the reader's language (the appraisal's condition is the data's own word).
    let question = appraisal
        .answers
        .first()
        .map(|a| a.condition.clone())
        .unwrap_or_default();
    let supported = |a: &crate::appraise::summary::Answer| {
        a.certainty.is_some_and(|c| c >= Certainty::Low) && a.benefit.is_some()
    };
    let best = appraisal.answers.iter().position(supported);
    // "For the other treatments the evidence is uncertain or shows no clear benefit" is said only
    // where it is true: no other answer of at least low certainty shows a clear difference.
    let others_uncertain = |best: usize| {
        (appraisal.answers.iter().enumerate()).all(|(i, a)| {
            i == best || !supported(a) || a.benefit.as_ref().is_some_and(|b| !b.clear)
        })
    };
    let text = match best.map(|i| (i, &appraisal.answers[i])) {
        Some((i, b))
            if appraisal.answers.len() > 1 && !question.is_empty() && others_uncertain(i) =>
        {
            tf(
                lang,
                "answer.title_best",
                &[b.headline.trim_end_matches('.'), &question],
            )
        }
        Some((_, b)) => b.headline.clone(),
        None if appraisal.answers.is_empty() => dataset
            .title
            .as_ref()
            .map(|x| x.get(lang.as_str()).to_string())
            .unwrap_or_else(|| empty.unwrap_or_default().to_string()),
        // One treatment shown: its own answer ("We are very uncertain whether X helps …").
        None => match &appraisal.answers[..] {
            [one] => one.headline.clone(),
            _ if question.is_empty() => t(lang, "answer.title_uncertain_all").to_string(),
            _ => tf(lang, "answer.title_uncertain", &[&question]),
        },
    };
    // Spanish and French begin with the condition's name, followed by a colon, where after "para"
    // or "pour" it would want an article its gender decides.
    let text = crate::appraise::text::upper_first(&text);
    // A lone answer's headline is the title either way, and its card need not say it again.
    let stated = best.or((appraisal.answers.len() == 1).then_some(0));
    (text, stated)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Claims with the given verdicts, as a card lists them.
    fn claims(verdicts: &[Verdict]) -> Vec<(String, Verdict)> {
        (verdicts.iter().enumerate())
            .map(|(i, v)| (format!("c{i}"), *v))
            .collect()
    }

    #[test]
    fn the_claims_line_counts_each_verdict_in_order_of_weight_with_its_noun_in_number() {
        use Verdict::*;
        let some = claims(&[
            NoControlledEvidence,
            SupportedInPart,
            Unverifiable,
            NoControlledEvidence,
        ]);
        assert_eq!(
            claims_line(Lang::En, &some).as_deref(),
            Some("Claims checked: 1 supported only in part, 2 with no controlled evidence, 1 that cannot be checked.")
        );
        assert_eq!(
            claims_line(Lang::Es, &some).as_deref(),
            Some("Afirmaciones contrastadas: 1 respaldada solo en parte, 2 sin evidencia de estudios controlados, 1 que no se puede comprobar.")
        );
        let one = claims(&[Contradicted, Supported, Supported]);
        assert_eq!(
            claims_line(Lang::Fr, &one).as_deref(),
            Some("Affirmations vérifiées\u{a0}: 2 étayées, 1 contredite.")
        );
        assert_eq!(claims_line(Lang::En, &[]), None);
    }
}
