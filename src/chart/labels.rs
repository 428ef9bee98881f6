//! The short words every view shares for a design and a verdict, so that a badge reads the
//! same in the forest, the map, the harms, the claims and the summary (a certainty level's
//! words are [`Certainty::words`](crate::appraise::Certainty::words), which the appraisal's
//! sentences use too).

use crate::appraise::Verdict;
use crate::i18n::{t, Lang};
use crate::model::Design;

/// A short badge for a design, shown after the study label.
pub fn design_badge(lang: Lang, design: Design) -> &'static str {
    t(lang, &format!("design.{}", design.as_str()))
}

/// The design's badge beside a study's label, unless the label says it already ("Harris 2024
/// (phase II RCT)" is not followed by "RCT").
pub fn badge_beside(lang: Lang, design: Design, label: &str) -> Option<&'static str> {
    let badge = design_badge(lang, design);
    let said = crate::case::to_lower(label).contains(&crate::case::to_lower(badge));
    (!said).then_some(badge)
}

/// A study's label with its design in brackets ("MIST 2019 (RCT)"), where the label does not say it.
pub fn with_design(lang: Lang, label: String, design: Design) -> String {
    match badge_beside(lang, design, &label) {
        Some(badge) => format!("{label} ({badge})"),
        None => label,
    }
}

/// Design strength for questions of benefit, weakest (0) to strongest (4); reviews are apart (5).
pub fn design_rank(design: Design) -> usize {
    match design {
        Design::CaseSeries | Design::SingleArm => 0,
        Design::Cohort => 1,
        Design::NonRandomisedControlled => 2,
        Design::CrossoverRct => 3,
        Design::Rct => 4,
        Design::SystematicReview => 5,
        Design::Unknown => 1,
    }
}

/// The catalogue key of a verdict's words.
pub fn verdict_key(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "verdict.supported",
        Verdict::SupportedInPart => "verdict.supported_in_part",
        Verdict::NotSupported => "verdict.not_supported",
        Verdict::Contradicted => "verdict.contradicted",
        Verdict::NoControlledEvidence => "verdict.no_controlled_evidence",
        Verdict::Unverifiable => "verdict.unverifiable",
    }
}
