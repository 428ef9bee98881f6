//! Claims beside the evidence: each claim's words, who made it, a verdict badge (a
//! shape and a word, never colour alone), the certainty of the evidence behind the
//! verdict, and the evidence in one sentence.

use super::build::{certainty_words, ViewOptions};
use super::draw::{self, Area, Shape, Surface, TextStyle};
use super::text::{wrap, ApproxMeasure, TextMeasure};
use super::view::Item;
use super::{ChartError, Hit, Layout, Theme};
use crate::appraise::{Appraisal, Certainty, Verdict};
use crate::i18n::{t, tf, Lang};
use crate::model::Dataset;

#[derive(Clone, Debug)]
pub struct ClaimCard {
    pub key: String,
    pub text: String,
    pub by: String,
    pub verdict: Verdict,
    pub certainty: Option<Certainty>,
    pub evidence: String,
}

#[derive(Clone, Debug)]
pub struct ClaimsView {
    pub lang: Lang,
    pub cards: Vec<ClaimCard>,
    pub items: Vec<Item>,
    pub statements: Vec<String>,
}

pub fn verdict_key(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "verdict.supported",
        Verdict::SupportedInPart => "verdict.supported_in_part",
        Verdict::NotSupported => "verdict.not_supported",
        Verdict::Contradicted => "verdict.contradicted",
        Verdict::NoControlledEvidence => "verdict.no_controlled_evidence",
    }
}

/// The badge's shape: a circle for supported, a hollow circle for supported only in part, a
/// cross for contradicted, a downward triangle for not supported, a hollow diamond for no
/// controlled evidence.
pub fn verdict_shape(v: Verdict) -> (Shape, bool) {
    match v {
        Verdict::Supported => (Shape::Circle, true),
        Verdict::SupportedInPart => (Shape::Circle, false),
        Verdict::NotSupported => (Shape::TriangleDown, true),
        Verdict::Contradicted => (Shape::Cross, true),
        Verdict::NoControlledEvidence => (Shape::Diamond, false),
    }
}

const PAD: f64 = 10.0;
const LINE: f64 = 17.0;
const SMALL_LINE: f64 = 15.0;

struct CardLines {
    text: Vec<String>,
    evidence: Vec<String>,
}

impl ClaimsView {
    pub fn build(dataset: &Dataset, options: &ViewOptions, appraisal: &Appraisal) -> ClaimsView {
        let lang = options.lang;
        let mut cards = Vec::new();
        let mut items = Vec::new();
        let mut statements = Vec::new();
        for claim in &dataset.claims {
            let Some(check) = appraisal.claims.iter().find(|c| c.id == claim.id) else {
                continue;
            };
            let by = t(lang, &format!("by.{}", claim.by.as_str())).to_string();
            // The appraisal writes its sentences in the reader's language.
            let evidence = check.summary.clone();
            // The quote stays as it was said; a translation is shown as such.
            let mut text = tf(lang, "claims.quote", &[claim.text.trim()]);
            if let Some(tr) = claim.translation.get(lang.as_str()) {
                text = format!("{text} {}", tf(lang, "claims.translation", &[tr.trim()]));
            }
            cards.push(ClaimCard {
                key: format!("claim/{}", claim.id),
                text,
                by: by.clone(),
                verdict: check.verdict,
                certainty: check.certainty,
                evidence: evidence.clone(),
            });
            statements.push(check.summary.clone());
            items.push(Item {
                key: format!("claim/{}", claim.id),
                label: claim.text.clone(),
                detail: tf(lang, "claims.by", &[&by]),
                value: format!("{}. {}", t(lang, verdict_key(check.verdict)), check.summary),
                n: None,
                certainty: check
                    .certainty
                    .map(|c| certainty_words(lang, c).to_string()),
                caveats: Vec::new(),
                source_url: claim.citation.source_url(),
                design: None,
                year: None,
            });
        }
        ClaimsView {
            lang,
            cards,
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
        tf(
            lang,
            "summary.claims",
            &[&self.cards.len().to_string(), &supported.to_string()],
        )
    }

    fn text_width(&self, width: f64, theme: &Theme) -> f64 {
        width - 2.0 * theme.px(PAD) - theme.px(12.0)
    }

    fn lines(
        &self,
        card: &ClaimCard,
        width: f64,
        theme: &Theme,
        measure: &dyn TextMeasure,
    ) -> CardLines {
        let w = self.text_width(width, theme);
        CardLines {
            text: wrap(measure, &card.text, theme.font_px(13.0), false, w, 6),
            evidence: if card.evidence.is_empty() {
                Vec::new()
            } else {
                wrap(measure, &card.evidence, theme.font_px(11.5), false, w, 6)
            },
        }
    }

    fn card_height(&self, lines: &CardLines, theme: &Theme) -> f64 {
        // Badge line, claim text, who, certainty, evidence, gap.
        theme.px(24.0)
            + lines.text.len() as f64 * theme.px(LINE)
            + theme.px(2.0 * SMALL_LINE)
            + lines.evidence.len() as f64 * theme.px(SMALL_LINE)
            + theme.px(18.0)
    }

    pub fn preferred_height(&self, width: f64, theme: &Theme) -> f64 {
        let cards: f64 = self
            .cards
            .iter()
            .map(|c| self.card_height(&self.lines(c, width, theme, &ApproxMeasure), theme))
            .sum();
        2.0 * theme.px(PAD) + theme.px(28.0) + cards.max(theme.px(24.0))
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
        let font = theme.font_px(13.0);
        let font_style = TextStyle::new(theme, font);
        let small = theme.font_px(11.5);
        let small_style = TextStyle::new(theme, small);
        let small_muted = small_style.colour(&theme.muted);
        let title_at = (pad, pad + theme.px(9.0));
        draw::title(
            area,
            theme,
            measure,
            t(lang, "claims.title"),
            title_at,
            width - 2.0 * pad,
        )?;
        let mut y = pad + theme.px(28.0);
        if self.cards.is_empty() {
            draw::text(
                area,
                t(lang, "claims.empty"),
                (pad, y + font / 2.0),
                font_style.colour(&theme.muted),
            )?;
        }
        let mut hits = Vec::new();
        let x = pad + theme.px(12.0);
        let tw = self.text_width(width, theme);
        for card in &self.cards {
            let approx = self.lines(card, width, theme, &ApproxMeasure);
            let h = self.card_height(&approx, theme);
            // Keep the line counts the height was computed with.
            let text = wrap(measure, &card.text, font, false, tw, approx.text.len());
            let evidence = if card.evidence.is_empty() {
                Vec::new()
            } else {
                wrap(
                    measure,
                    &card.evidence,
                    small,
                    false,
                    tw,
                    approx.evidence.len(),
                )
            };
            let colour = match card.verdict {
                Verdict::Supported | Verdict::SupportedInPart => &theme.favourable,
                Verdict::Contradicted | Verdict::NotSupported => &theme.unfavourable,
                Verdict::NoControlledEvidence => &theme.no_comparison,
            };
            // A bar in the verdict's colour down the card's left edge.
            draw::rect(
                area,
                pad,
                y,
                pad + theme.px(4.0),
                y + h - theme.px(14.0),
                colour,
                true,
                1.0,
            )?;
            let (shape, filled) = verdict_shape(card.verdict);
            let by = y + theme.px(10.0);
            draw::marker(
                area,
                shape,
                x + theme.px(6.0),
                by,
                theme.px(6.0),
                colour,
                filled,
                theme.px(1.8),
                &theme.background,
            )?;
            let verdict = super::text::ellipsize(
                measure,
                t(lang, verdict_key(card.verdict)),
                font,
                true,
                tw - theme.px(20.0),
            );
            draw::text(
                area,
                &verdict,
                (x + theme.px(18.0), by),
                font_style.bold(true),
            )?;
            let mut ly = y + theme.px(24.0) + theme.px(LINE) / 2.0;
            for line in &text {
                draw::text(area, line, (x, ly), font_style)?;
                ly += theme.px(LINE);
            }
            ly += theme.px(SMALL_LINE) / 2.0 - theme.px(LINE) / 2.0;
            let who = super::text::ellipsize(
                measure,
                &tf(lang, "claims.by", &[&card.by]),
                small,
                false,
                tw,
            );
            draw::text(area, &who, (x, ly), small_muted)?;
            ly += theme.px(SMALL_LINE);
            let cert = card
                .certainty
                .map(|c| certainty_words(lang, c))
                .unwrap_or(t(lang, "certainty.none"));
            let cert = super::text::ellipsize(
                measure,
                &tf(lang, "claims.certainty", &[cert]),
                small,
                true,
                tw,
            );
            draw::text(area, &cert, (x, ly), small_style.bold(true))?;
            ly += theme.px(SMALL_LINE);
            for line in &evidence {
                draw::text(area, line, (x, ly), small_muted)?;
                ly += theme.px(SMALL_LINE);
            }
            hits.push(Hit {
                key: card.key.clone(),
                x0: pad - theme.px(4.0),
                y0: y - theme.px(4.0),
                x1: width - pad + theme.px(4.0),
                y1: y + h - theme.px(10.0),
            });
            y += h;
        }
        Ok(Layout {
            hits,
            content_height: y,
        })
    }
}
