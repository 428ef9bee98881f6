//! Claims beside the evidence: each claim's words, who made it, a verdict badge (a
//! shape and a word, never colour alone), the certainty of the evidence behind the
//! verdict, and the evidence in one sentence.

use super::draw::{self, Paint, Shape, Sheet, TextStyle};
use super::glossary::{spoken, Gloss, Glossary};
use super::item::{Item, ItemKey};
use super::labels::verdict_key;
use super::options::ViewOptions;
use super::text::Wrapped;
use super::{ChartError, Hit, Theme};
use crate::appraise::{Appraisal, ClaimCheck, Verdict};
use crate::i18n::{t, tf, Lang};
use crate::model::Dataset;

#[derive(Clone, Debug)]
pub struct ClaimCard {
    pub key: String,
    pub text: String,
    pub by: String,
    pub verdict: Verdict,
    /// "Certainty of the evidence: low", as the card says it.
    pub certainty: String,
    pub evidence: String,
}

#[derive(Clone, Debug)]
pub struct ClaimsView {
    pub lang: Lang,
    pub cards: Vec<ClaimCard>,
    /// What the words of the cards mean ([`Glossary`]).
    pub glossary: Vec<Gloss>,
    pub items: Vec<Item>,
    pub statements: Vec<String>,
}

/// The badge's shape: a circle for supported, a hollow circle for supported only in part, a
/// cross for contradicted, a downward triangle for not supported, a hollow diamond for no
/// controlled evidence, a hollow square for a number that cannot be checked.
pub fn verdict_shape(v: Verdict) -> (Shape, bool) {
    match v {
        Verdict::Supported => (Shape::Circle, true),
        Verdict::SupportedInPart => (Shape::Circle, false),
        Verdict::NotSupported => (Shape::TriangleDown, true),
        Verdict::Contradicted => (Shape::Cross, true),
        Verdict::NoControlledEvidence => (Shape::Diamond, false),
        Verdict::Unverifiable => (Shape::Square, false),
    }
}

const PAD: f64 = 10.0;
const LINE: f64 = 17.0;
const SMALL_LINE: f64 = 15.0;

/// One card's text broken into lines, and where the card goes.
struct CardText {
    verdict: Wrapped,
    text: Wrapped,
    by: Wrapped,
    certainty: Wrapped,
    evidence: Wrapped,
    top: f64,
    height: f64,
}

/// Where everything goes at one width.
pub(super) struct Placement {
    title: Wrapped,
    empty: Option<Wrapped>,
    cards: Vec<CardText>,
    /// What the words mean, from `glossary_top`: the heading, then each word over its meaning.
    glossary_heading: Option<Wrapped>,
    glossary: Vec<Wrapped>,
    glossary_top: f64,
    height: f64,
}

impl ClaimsView {
    pub fn build(dataset: &Dataset, options: &ViewOptions, appraisal: &Appraisal) -> ClaimsView {
        let lang = options.lang;
        let explainer = Glossary::new(lang, &dataset.vocabulary);
        let mut cards = Vec::new();
        let mut items = Vec::new();
        let mut statements = Vec::new();
        // The words on the screen, for what they mean under the cards.
        let mut words = String::new();
        for claim in &dataset.claims {
            let Some(check) = appraisal.claims.iter().find(|c| c.id == claim.id) else {
                continue;
            };
            let by = t(lang, &format!("by.{}", claim.by.as_str())).to_string();
            // The appraisal writes its sentences in the reader's language.
            let evidence = check.summary.clone();
            // The quote stays as it was said; a translation is shown as such.
            let mut text = quoted(lang, claim.text.trim());
            if let Some(tr) = claim.translation.get(lang.as_str()) {
                text = format!("{text} {}", tf(lang, "claims.translation", &[tr.trim()]));
            }
            let (certainty, certainty_detail) = certainty_words(lang, check);
            let card = [&text, &certainty, &evidence].map(|p| p.as_str()).join(" ");
            words.push(' ');
            words.push_str(&card);
            // A claim of one part is summed up from its verdict on ("Not supported: …"); one of
            // several parts, part by part, so its verdict comes first.
            let verdict = t(lang, verdict_key(check.verdict));
            let value = match check.parts.len() {
                1 => check.summary.clone(),
                _ if check.summary.is_empty() => verdict.to_string(),
                _ => format!("{verdict}. {}", check.summary),
            };
            // A tap's details explain the card's words and their own.
            let glossary = explainer.explain(&format!("{card} {value}"));
            cards.push(ClaimCard {
                key: ItemKey::Claim(&claim.id).to_string(),
                text: text.clone(),
                by: by.clone(),
                verdict: check.verdict,
                certainty,
                evidence,
            });
            statements.push(check.summary.clone());
            items.push(Item {
                key: ItemKey::Claim(&claim.id).to_string(),
                // As the card quotes it, with its translation.
                label: text,
                detail: tf(lang, "claims.by", &[&by]),
                value,
                n: None,
                certainty: certainty_detail,
                caveats: Vec::new(),
                source_url: claim.citation.source_url(),
                design: None,
                year: None,
                glossary,
            });
        }
        let glossary = explainer.explain(&words);
        ClaimsView {
            lang,
            cards,
            glossary,
            items,
            statements,
        }
    }

    pub fn summary(&self, lang: Lang) -> String {
        let supported = self
            .cards
            .iter()
            .filter(|c| c.verdict == Verdict::Supported)
            .count();
        let mut out = tf(
            lang,
            "summary.claims",
            &[&self.cards.len().to_string(), &supported.to_string()],
        );
        if let Some(words) = spoken(lang, &self.glossary) {
            out.push(' ');
            out.push_str(&words);
        }
        out
    }

    fn text_width(&self, width: f64, theme: &Theme) -> f64 {
        width - 2.0 * theme.px(PAD) - theme.px(12.0)
    }
}

/// The certainty as a card says it ("Certainty of the evidence: low") and as its details do
/// ("low"). A claim supported only in part has the certainty of what is supported (see
/// `appraise::claims`): some of its parts, or a narrower population, therapy or effect than its
/// words. It says so: a bare "moderate" would read as the certainty of the whole claim.
fn certainty_words(lang: Lang, check: &ClaimCheck) -> (String, Option<String>) {
    let words = check.certainty.map(|c| c.words(lang));
    let of_supported = check.verdict == Verdict::SupportedInPart;
    let key = if of_supported {
        "claims.certainty_supported"
    } else {
        "claims.certainty"
    };
    let line = tf(lang, key, &[words.unwrap_or(t(lang, "certainty.none"))]);
    let detail = words.map(|w| match of_supported {
        true => tf(lang, "claims.certainty_of_supported", &[w]),
        false => w.to_string(),
    });
    (line, detail)
}

/// Marks that open a quotation, in the languages a claim may be quoted from.
const OPENING_QUOTES: [char; 7] = ['“', '„', '«', '‹', '"', '‘', '「'];

/// A claim's words between the reader's quotation marks, or as they are when they are already
/// a quotation (a news item quoting a researcher): a second pair of marks would misquote them.
fn quoted(lang: Lang, words: &str) -> String {
    if words.starts_with(OPENING_QUOTES) {
        words.to_string()
    } else {
        tf(lang, "claims.quote", &[words])
    }
}

impl Paint for ClaimsView {
    type Placement<'a> = Placement;

    fn height(p: &Placement) -> f64 {
        p.height
    }

    /// The one layout step: every line broken (once, see [`super::text`]) and placed.
    fn layout(&self, width: f64, theme: &Theme) -> Placement {
        let lang = self.lang;
        let pad = theme.px(PAD);
        let font = theme.font_px(13.0);
        let small = theme.font_px(11.5);
        let tw = self.text_width(width, theme);
        let title = draw::title_lines(theme, t(lang, "claims.title"), width - 2.0 * pad);
        let mut y = pad + title.height(draw::title_pitch(theme)) + theme.px(10.0);
        let empty = self
            .cards
            .is_empty()
            .then(|| Wrapped::new(t(lang, "claims.empty"), font, false, width - 2.0 * pad));
        if let Some(e) = &empty {
            y += e.height(theme.px(24.0));
        }
        let mut cards = Vec::with_capacity(self.cards.len());
        for card in &self.cards {
            let c = CardText {
                // Beside the badge.
                verdict: Wrapped::new(
                    t(lang, verdict_key(card.verdict)),
                    font,
                    true,
                    tw - theme.px(18.0),
                ),
                text: Wrapped::new(&card.text, font, false, tw),
                by: Wrapped::new(&tf(lang, "claims.by", &[&card.by]), small, false, tw),
                certainty: Wrapped::new(&card.certainty, small, true, tw),
                evidence: Wrapped::new(&card.evidence, small, false, tw),
                top: y,
                height: 0.0,
            };
            let (line, small_line) = (theme.px(LINE), theme.px(SMALL_LINE));
            let height = theme.px(1.5 + 5.5 + 18.0)
                + (c.verdict.len() + c.text.len()) as f64 * line
                + (c.by.len() + c.certainty.len() + c.evidence.len()) as f64 * small_line;
            y += height;
            cards.push(CardText { height, ..c });
        }
        // What the words mean, under the cards: a heading, then each word over its meaning.
        let glossary_heading = (!self.glossary.is_empty())
            .then(|| Wrapped::new(t(lang, "gloss.heading"), font, true, tw));
        let glossary: Vec<Wrapped> = (self.glossary.iter())
            .flat_map(|g| [(&g.word, true), (&g.meaning, false)])
            .map(|(text, bold)| Wrapped::new(text, small, bold, tw))
            .collect();
        let glossary_top = y;
        y += glossary_heading
            .as_ref()
            .map_or(0.0, |h| h.height(theme.px(LINE)));
        y += glossary
            .iter()
            .map(|w| w.height(theme.px(SMALL_LINE)))
            .sum::<f64>();
        Placement {
            title,
            empty,
            cards,
            glossary_heading,
            glossary,
            glossary_top,
            height: y + pad,
        }
    }

    fn paint(&self, p: &Placement, s: &Sheet) -> Result<Vec<Hit>, ChartError> {
        let (area, theme, width) = (s.pen, s.theme, s.width);
        let pad = theme.px(PAD);
        let font_style = TextStyle::new(theme, theme.font_px(13.0));
        let small_style = TextStyle::new(theme, theme.font_px(11.5));
        let small_muted = small_style.colour(&theme.muted);
        let (line, small_line) = (theme.px(LINE), theme.px(SMALL_LINE));
        let title_pitch = draw::title_pitch(theme);
        let at = (pad, pad);
        let y = s.wrapped(&p.title, at, title_pitch, font_style)?;
        if let Some(e) = &p.empty {
            let at = (pad, y + theme.px(10.0));
            let style = font_style.colour(&theme.muted);
            s.wrapped(e, at, theme.px(24.0), style)?;
        }
        let mut hits = Vec::new();
        let x = pad + theme.px(12.0);
        for (card, c) in self.cards.iter().zip(&p.cards) {
            let (y, h) = (c.top, c.height);
            let colour = match card.verdict {
                Verdict::Supported | Verdict::SupportedInPart => &theme.favourable,
                Verdict::Contradicted | Verdict::NotSupported => &theme.unfavourable,
                Verdict::NoControlledEvidence => &theme.no_comparison,
                Verdict::Unverifiable => &theme.muted,
            };
            // A bar in the verdict's colour down the card's left edge.
            let bottom = y + h - theme.px(14.0);
            draw::rect(area, pad, y, pad + theme.px(4.0), bottom, colour, true, 1.0)?;
            let (shape, filled) = verdict_shape(card.verdict);
            let r = theme.px(6.0);
            let (stroke, bg) = (theme.px(1.8), &theme.background);
            let badge_y = y + theme.px(10.0);
            draw::marker(area, shape, x + r, badge_y, r, colour, filled, stroke, bg)?;
            // The verdict's first line is centred on the badge.
            let top = badge_y - line / 2.0;
            let at = (x + theme.px(18.0), top);
            let ly = s.wrapped(&c.verdict, at, line, font_style)?;
            let ly = s.wrapped(&c.text, (x, ly + theme.px(5.5)), line, font_style)?;
            let ly = s.wrapped(&c.by, (x, ly), small_line, small_muted)?;
            let ly = s.wrapped(&c.certainty, (x, ly), small_line, small_style)?;
            s.wrapped(&c.evidence, (x, ly), small_line, small_muted)?;
            hits.push(Hit {
                key: card.key.clone(),
                x0: pad - theme.px(4.0),
                y0: y - theme.px(4.0),
                x1: width - pad + theme.px(4.0),
                y1: y + h - theme.px(10.0),
            });
        }
        let mut y = p.glossary_top;
        if let Some(h) = &p.glossary_heading {
            y = s.wrapped(h, (x, y), line, font_style)?;
        }
        for w in &p.glossary {
            y = s.wrapped(w, (x, y), small_line, small_style)?;
        }
        Ok(hits)
    }
}
