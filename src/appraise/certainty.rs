//! GRADE certainty levels, the domains a rating moves in, and the reasons given for each step.
//!
//! A rating starts at [`Certainty::High`] and every step is a [`Reason`]: the study design
//! (observational evidence starts two levels lower, evidence without a comparison group three),
//! then the five GRADE domains for rating down and the large-effect domain for rating up. The
//! final level is the start plus the sum of the changes, clamped to the four levels, so the list
//! of reasons always explains the level exactly.

use std::fmt;

use serde::Serialize;

use crate::i18n::{t, tn, Lang};

/// GRADE's four levels of certainty of evidence (GRADE Handbook, section 5: "high, moderate, low,
/// very low"), ordered from least to most certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// "We have very little confidence in the effect estimate."
    VeryLow,
    /// "Our confidence in the effect estimate is limited."
    Low,
    /// "We are moderately confident in the effect estimate."
    Moderate,
    /// "We are very confident that the true effect lies close to that of the estimate."
    High,
}

impl Certainty {
    /// All levels, from very low to high.
    pub const ALL: [Certainty; 4] = [
        Certainty::VeryLow,
        Certainty::Low,
        Certainty::Moderate,
        Certainty::High,
    ];

    /// 1 (very low) to 4 (high).
    pub fn score(self) -> i32 {
        match self {
            Certainty::VeryLow => 1,
            Certainty::Low => 2,
            Certainty::Moderate => 3,
            Certainty::High => 4,
        }
    }

    /// The level for a score, clamped to the four levels.
    pub fn from_score(score: i32) -> Certainty {
        match score {
            i32::MIN..=1 => Certainty::VeryLow,
            2 => Certainty::Low,
            3 => Certainty::Moderate,
            _ => Certainty::High,
        }
    }

    /// The level in the reader's words ("moderate", "modérée").
    pub fn words(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                Certainty::VeryLow => "certainty.very_low",
                Certainty::Low => "certainty.low",
                Certainty::Moderate => "certainty.moderate",
                Certainty::High => "certainty.high",
            },
        )
    }

    /// The wire name (`high`, `moderate`, `low`, `very_low`).
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::VeryLow => "very_low",
            Certainty::Low => "low",
            Certainty::Moderate => "moderate",
            Certainty::High => "high",
        }
    }
}

impl fmt::Display for Certainty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a rating step is about: the starting point (design) and the GRADE domains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// The starting level from the study design (randomised: high; observational: low;
    /// no comparison group: very low).
    Design,
    /// Limitations in design and execution (GRADE Handbook 5.2.1).
    RiskOfBias,
    /// Wide confidence intervals or too little information (5.2.2 / optimal information size).
    Imprecision,
    /// Unexplained heterogeneity between studies (5.2.3).
    Inconsistency,
    /// Population, intervention or outcome differ from the question (5.2.4).
    Indirectness,
    /// Selective publication / small-study effects (5.2.5).
    PublicationBias,
    /// Rating up for a large magnitude of effect (5.3.1).
    LargeEffect,
}

impl Domain {
    /// The most a domain may move a rating (GRADE: at most two levels down per domain; at most
    /// two up for a very large effect). The design start is not capped.
    pub fn cap(self) -> (i32, i32) {
        match self {
            Domain::Design => (-3, 0),
            Domain::LargeEffect => (0, 2),
            _ => (-2, 0),
        }
    }
}

/// One step of a rating, in plain words naming the fact behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub domain: Domain,
    /// Levels moved: negative rates down, positive rates up. Zero for a fact worth telling that did
    /// not move the rating (for example a large effect in a trial already rated down for bias).
    pub change: i8,
    /// Plain words a lay reader understands; empty when the rating is not written out
    /// ([`Rating::explain`]).
    pub text: String,
}

/// A rating under construction: reasons are added one at a time, each domain capped, in
/// the language the reasons are written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    pub reasons: Vec<Reason>,
    pub lang: Lang,
    /// Whether the reasons are written out. Without words a reason keeps its domain and change,
    /// so the level is the same; [`AppraiseOptions::explain`](super::AppraiseOptions::explain)
    /// says who goes without.
    pub explain: bool,
}

impl Default for Rating {
    fn default() -> Self {
        Rating::in_language(Lang::En)
    }
}

impl Rating {
    /// An empty rating (starting at high), with reasons in English.
    pub fn new() -> Self {
        Rating::default()
    }

    /// An empty rating with reasons in `lang`.
    pub fn in_language(lang: Lang) -> Self {
        Rating {
            reasons: Vec::new(),
            lang,
            explain: true,
        }
    }

    /// The same rating, written out or not.
    pub fn explained(self, explain: bool) -> Self {
        Rating { explain, ..self }
    }

    /// A sentence of the catalogue in the rating's language; empty when the rating is not
    /// written out.
    pub fn say(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.words(|r| tn(r.lang, key, args))
    }

    /// The words `write` makes, only when the rating is written out: for reasons whose words
    /// take work to make (names, numbers).
    pub fn words(&self, write: impl FnOnce(&Self) -> String) -> String {
        if self.explain {
            write(self)
        } else {
            String::new()
        }
    }

    /// Sum of the changes in one domain so far.
    pub fn domain_total(&self, domain: Domain) -> i32 {
        self.reasons
            .iter()
            .filter(|r| r.domain == domain)
            .map(|r| r.change as i32)
            .sum()
    }

    /// Adds a step. The change is reduced so that the domain stays within its cap; a step that no
    /// longer moves the rating is kept with change 0 and says so.
    pub fn push(&mut self, domain: Domain, change: i8, text: impl Into<String>) {
        let (lo, hi) = domain.cap();
        let so_far = self.domain_total(domain);
        let wanted = so_far + change as i32;
        let allowed = wanted.clamp(lo, hi) - so_far;
        let mut text = text.into();
        if allowed != change as i32 && change != 0 && self.explain {
            let key = if change < 0 {
                "reason.capped_down"
            } else {
                "reason.capped_up"
            };
            text.push_str(crate::i18n::t(self.lang, key));
        }
        self.reasons.push(Reason {
            domain,
            change: allowed as i8,
            text,
        });
    }

    /// Adds a step that does not change the level (a fact worth telling).
    pub fn note(&mut self, domain: Domain, text: impl Into<String>) {
        self.reasons.push(Reason {
            domain,
            change: 0,
            text: text.into(),
        });
    }

    /// The level: high plus all the changes, clamped to the four levels.
    pub fn certainty(&self) -> Certainty {
        let sum: i32 = self.reasons.iter().map(|r| r.change as i32).sum();
        Certainty::from_score(Certainty::High.score() + sum)
    }

    /// The level implied by the design alone.
    pub fn start(&self) -> Certainty {
        Certainty::from_score(Certainty::High.score() + self.domain_total(Domain::Design))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamps_and_caps() {
        let mut r = Rating::new();
        r.push(Domain::RiskOfBias, -1, "a");
        r.push(Domain::RiskOfBias, -1, "b");
        r.push(Domain::RiskOfBias, -1, "c");
        assert_eq!(r.domain_total(Domain::RiskOfBias), -2);
        assert_eq!(r.reasons[2].change, 0);
        assert!(r.reasons[2].text.contains("not rated down further"));
        assert_eq!(r.certainty(), Certainty::Low);
        r.push(Domain::Imprecision, -2, "d");
        r.push(Domain::Indirectness, -1, "e");
        assert_eq!(r.certainty(), Certainty::VeryLow);
    }

    #[test]
    fn levels_order_and_names() {
        assert!(Certainty::High > Certainty::Moderate && Certainty::Low > Certainty::VeryLow);
        assert_eq!(
            serde_json::to_string(&Certainty::VeryLow).unwrap(),
            "\"very_low\""
        );
        assert_eq!(
            serde_json::to_string(&Domain::RiskOfBias).unwrap(),
            "\"risk_of_bias\""
        );
        assert_eq!(Certainty::from_score(7), Certainty::High);
        assert_eq!(Certainty::from_score(-3), Certainty::VeryLow);
    }

    #[test]
    fn large_effect_capped_at_two() {
        let mut r = Rating::new();
        r.push(Domain::Design, -2, "cohort");
        r.push(Domain::LargeEffect, 3, "huge");
        assert_eq!(r.domain_total(Domain::LargeEffect), 2);
        assert_eq!(r.certainty(), Certainty::High);
    }
}
