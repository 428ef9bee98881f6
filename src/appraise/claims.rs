//! Claim checks: each claim gets a verdict with the evidence behind it.
//!
//! * **benefit**: supported only by controlled (randomised or non-randomised comparative) evidence
//!   showing a benefit (interval entirely on the good side) with at least low certainty;
//!   contradicted when controlled evidence shows harm (at least low certainty) or when the most
//!   certain controlled evidence shows no benefit with moderate or high certainty; no controlled
//!   evidence when only single-arm studies, case series or marketing exist; otherwise not
//!   supported.
//! * **no_risk**: contradicted by any reported serious harm or death in people who had the
//!   treatment, or by controlled evidence of harm; not supported when harms data are sparse (fewer
//!   than 300 treated people: with none harmed, the rule of three still allows a 1% risk).
//! * **number**: the claimed value is compared with the interval of the most certain matching
//!   evidence.
//!
//! Claims are matched to evidence by therapy (with synonyms), condition and, when given, outcome;
//! studies the claim cites are always considered.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::{
    Assertion, Better, Blinding, Claim, Dataset, EffectData, OutcomeKind, SourceKind, Study,
};
use crate::stats::effect::wilson;

use super::certainty::Certainty;
use super::matching::{self, ConditionFit};
use super::rate::design_words;
use super::text::{pct, Direction, Finding};
use super::Item;

/// A claim's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Supported,
    NotSupported,
    Contradicted,
    NoControlledEvidence,
}

/// What a piece of evidence says about the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceRole {
    /// Controlled evidence of a benefit.
    Benefit,
    /// Controlled evidence of little or no benefit (or an effect in the wrong direction).
    NoBenefit,
    /// Controlled evidence that cannot tell either way.
    Inconclusive,
    /// Controlled evidence of harm.
    Harm,
    /// Serious harms or deaths were reported among treated people.
    SeriousHarm,
    /// Harms data without serious harm in treated people.
    NoSeriousHarm,
    /// Numbers without a comparison group.
    Uncontrolled,
    /// Marketing material: not evidence.
    Marketing,
    /// The claimed number lies within this evidence's interval.
    Matches,
    /// The claimed number lies outside this evidence's interval.
    DoesNotMatch,
    /// A study the claim cites has no usable result for it.
    NoResult,
}

/// One piece of evidence for or against a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimEvidence {
    pub studies: Vec<String>,
    pub outcome: String,
    pub pooled: bool,
    pub certainty: Option<Certainty>,
    pub role: EvidenceRole,
    pub sentence: String,
}

/// A claim, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimCheck {
    pub id: String,
    pub verdict: Verdict,
    pub evidence: Vec<ClaimEvidence>,
    /// Certainty of the evidence that decides the verdict (`None` when there is none).
    pub certainty: Option<Certainty>,
    /// The verdict in one or two plain sentences.
    pub summary: String,
}

fn blinding_words(b: Option<Blinding>) -> Option<&'static str> {
    b.map(|b| match b {
        Blinding::Double => "double-blind",
        Blinding::Single => "single-blind",
        Blinding::Rater => "rater-masked",
        Blinding::Open => "open-label",
    })
}

fn role_phrase(role: EvidenceRole) -> &'static str {
    match role {
        EvidenceRole::Benefit => "Shows a benefit",
        EvidenceRole::NoBenefit => "Found no clear benefit",
        EvidenceRole::Inconclusive => "Inconclusive",
        EvidenceRole::Harm => "Shows harm",
        EvidenceRole::SeriousHarm => "Serious harm reported",
        EvidenceRole::NoSeriousHarm => "No serious harm reported",
        EvidenceRole::Uncontrolled => "No comparison group",
        EvidenceRole::Marketing => "Marketing, not evidence",
        EvidenceRole::Matches => "Matches the claimed number",
        EvidenceRole::DoesNotMatch => "Does not match the claimed number",
        EvidenceRole::NoResult => "No usable result",
    }
}

fn describe(item: &Item) -> String {
    let who = if item.pooled {
        format!(
            "Pooled result of {} studies ({})",
            item.studies.len(),
            item.studies
                .iter()
                .map(|s| s.label.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    } else {
        let s = item.studies[0];
        let design = if s.source_kind == SourceKind::Marketing {
            "marketing material".to_string()
        } else {
            match blinding_words(s.blinding) {
                Some(b) if !s.design.is_uncontrolled() => format!("{b} {}", design_words(s.design)),
                _ => design_words(s.design).to_string(),
            }
        };
        format!("{} ({design})", s.label)
    };
    let eff = match item.effect {
        Some(e) if e.measure.is_single_arm() || item.single_arm && !e.measure.is_ratio() => {
            format!(
                "{}: {} (95% CI {} to {})",
                item.outcome.name,
                pct(e.estimate),
                pct(e.ci_lb),
                pct(e.ci_ub)
            )
        }
        Some(e) => format!("{}: {}", item.outcome.name, e.describe()),
        None => item.outcome.name.clone(),
    };
    let cert = item
        .certainty
        .map(|c| format!(" Certainty: {}.", c.words()))
        .unwrap_or_default();
    format!("{who}, {eff}. {}{cert}", item.statement)
}

fn evidence(item: &Item, role: EvidenceRole) -> ClaimEvidence {
    ClaimEvidence {
        studies: item.studies.iter().map(|s| s.id.clone()).collect(),
        outcome: item.outcome.id.clone(),
        pooled: item.pooled,
        certainty: item.certainty,
        role,
        sentence: format!("{}: {}", role_phrase(role), describe(item)),
    }
}

/// Harm outcomes reported only in words (no numbers): they still count as (sparse) harms data.
fn reported_harms<'a>(
    claim: &Claim,
    dataset: &'a Dataset,
    outcome: Option<&str>,
) -> Vec<(&'a Study, &'a crate::model::Outcome)> {
    let mut out = Vec::new();
    for s in dataset
        .studies
        .iter()
        .filter(|s| study_relevant(claim, s) && s.source_kind != SourceKind::Marketing)
    {
        for o in s
            .outcomes
            .iter()
            .filter(|o| o.data.is_none() && o.reported.is_some())
        {
            let harm = o.kind == OutcomeKind::Harm || matching::is_serious_harm(&o.name);
            let fits = outcome.map_or(true, |c| matching::outcome_matches(c, &o.id, &o.name));
            if harm && fits {
                out.push((s, o));
            }
        }
    }
    out
}

fn study_relevant(claim: &Claim, s: &Study) -> bool {
    if claim.studies.iter().any(|id| id == &s.id) {
        return true;
    }
    matching::therapy_matches(&claim.therapy, &s.intervention.therapy)
        && (claim.condition.trim().is_empty()
            || matching::condition_fit(&s.condition, &claim.condition) != ConditionFit::Different)
}

fn is_marketing(item: &Item) -> bool {
    item.studies
        .iter()
        .any(|s| s.source_kind == SourceKind::Marketing)
}

/// Events among treated people, when the data say.
fn treated_events(item: &Item) -> Option<bool> {
    match item.outcome.data.as_ref()? {
        EffectData::Counts(c) => Some(c.ai > 0),
        EffectData::Proportion(p) => match (p.xi, p.value()) {
            (Some(x), _) => Some(x > 0),
            (None, Some(v)) => Some(v > 0.0),
            _ => None,
        },
        _ => None,
    }
}

/// People who had the treatment in an item's harms data.
fn treated_people(item: &Item) -> u64 {
    let s = item.studies[0];
    let n = match item.outcome.data.as_ref() {
        Some(EffectData::Counts(c)) => Some(c.n1()),
        Some(EffectData::Means(m)) => Some(m.n1i),
        Some(EffectData::Proportion(p)) => p.ni,
        _ => None,
    };
    n.or_else(|| {
        s.n.map(|n| {
            let n = n as u64;
            if s.design.is_uncontrolled() {
                n
            } else {
                n / 2
            }
        })
    })
    .unwrap_or(0)
}

fn max_cert<'a>(it: impl Iterator<Item = &'a ClaimEvidence>) -> Option<Certainty> {
    it.filter_map(|e| e.certainty).max()
}

/// Checks one claim against the appraised evidence.
pub(crate) fn check_claim(
    claim: &Claim,
    dataset: &Dataset,
    items: &[Item],
    _condition: &str,
) -> ClaimCheck {
    let relevant: Vec<&Item> = items
        .iter()
        .filter(|it| !it.studies.is_empty() && it.studies.iter().all(|s| study_relevant(claim, s)))
        .collect();
    let outcome_filter = claim
        .outcome
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty());
    let mut by_outcome: Vec<&Item> = match outcome_filter {
        Some(o) => relevant
            .iter()
            .copied()
            .filter(|it| matching::outcome_matches(o, &it.outcome.id, &it.outcome.name))
            .collect(),
        None => relevant.clone(),
    };
    // A study the claim cites is always considered: when none of its outcomes matches the
    // claim's words, its outcomes of the claimed kind are added.
    if outcome_filter.is_some() {
        for id in &claim.studies {
            let matched = by_outcome
                .iter()
                .any(|it| !it.pooled && it.studies[0].id == *id);
            if !matched {
                let kind = match claim.asserts {
                    Assertion::NoRisk => OutcomeKind::Harm,
                    _ => OutcomeKind::Benefit,
                };
                by_outcome.extend(
                    relevant.iter().copied().filter(|it| {
                        !it.pooled && it.studies[0].id == *id && it.outcome.kind == kind
                    }),
                );
            }
        }
    }
    let mut check = match claim.asserts {
        Assertion::Benefit => {
            check_benefit(claim, &relevant, &by_outcome, outcome_filter.is_some())
        }
        Assertion::NoRisk => check_no_risk(
            claim,
            &relevant,
            &by_outcome,
            outcome_filter.is_some(),
            &reported_harms(claim, dataset, outcome_filter),
        ),
        Assertion::Number => check_number(claim, &by_outcome),
    };
    // Studies the claim cites are always listed, even without a usable result.
    let cited: Vec<&Study> = claim
        .studies
        .iter()
        .filter_map(|id| dataset.study(id))
        .collect();
    for s in &cited {
        if check.evidence.iter().any(|e| e.studies.contains(&s.id)) {
            continue;
        }
        let design = match blinding_words(s.blinding) {
            Some(b) if !s.design.is_uncontrolled() => format!("{b} {}", design_words(s.design)),
            _ => design_words(s.design).to_string(),
        };
        let what = s
            .outcomes
            .iter()
            .find_map(|o| o.reported.as_deref())
            .map(|r| format!(" What was reported: {}", r.trim()))
            .unwrap_or_default();
        let (role, lead) = if s.source_kind == SourceKind::Marketing {
            (
                EvidenceRole::Marketing,
                "known only from marketing material, with no numbers that can be checked",
            )
        } else {
            (
                EvidenceRole::NoResult,
                "cited by the claim, but it has no analysable result for it",
            )
        };
        check.evidence.push(ClaimEvidence {
            studies: vec![s.id.clone()],
            outcome: String::new(),
            pooled: false,
            certainty: None,
            role,
            sentence: format!(
                "{}: {} ({design}) is {lead}.{what}",
                role_phrase(role),
                s.label
            ),
        });
    }
    // Say so when the studies the claim cites cannot back it themselves.
    if check.verdict == Verdict::Supported
        && claim.asserts == Assertion::Benefit
        && !cited.is_empty()
    {
        let weak: Vec<&str> = cited
            .iter()
            .filter(|s| {
                s.design.is_uncontrolled()
                    || s.source_kind == SourceKind::Marketing
                    || (s.design == crate::model::Design::Cohort
                        && s.outcomes
                            .iter()
                            .all(|o| o.data.as_ref().map_or(true, |d| d.is_single_arm())))
            })
            .map(|s| s.label.as_str())
            .collect();
        if weak.len() == cited.len() {
            check.summary.push_str(&format!(
                " The study the claim cites ({}) had no comparison group; the support comes from other, controlled evidence.",
                weak.join(", ")
            ));
        }
    }
    check
}

fn check_benefit(
    claim: &Claim,
    relevant: &[&Item],
    by_outcome: &[&Item],
    has_outcome: bool,
) -> ClaimCheck {
    let mut note = String::new();
    let pool: Vec<&Item> = if has_outcome && !by_outcome.is_empty() {
        by_outcome.to_vec()
    } else {
        if has_outcome && !relevant.is_empty() {
            note = " None of the studies measured the outcome named in the claim; other benefit outcomes are shown.".to_string();
        }
        relevant
            .iter()
            .copied()
            .filter(|it| it.outcome.kind == OutcomeKind::Benefit)
            .collect()
    };
    let mut ev = Vec::new();
    for it in &pool {
        let role = if is_marketing(it) {
            EvidenceRole::Marketing
        } else if it.single_arm {
            EvidenceRole::Uncontrolled
        } else {
            match it.effect {
                Some(e) if e.shows_benefit(it.outcome.better) => EvidenceRole::Benefit,
                Some(e) if e.shows_harm(it.outcome.better) => EvidenceRole::Harm,
                Some(e) => {
                    let favourable_dir = matches!(
                        (it.finding, it.outcome.better),
                        (Some(Finding::Important(Direction::Reduces)), Better::Lower)
                            | (
                                Some(Finding::Important(Direction::Increases)),
                                Better::Higher
                            )
                    );
                    let _ = e;
                    if favourable_dir {
                        EvidenceRole::Inconclusive
                    } else {
                        EvidenceRole::NoBenefit
                    }
                }
                None => continue,
            }
        };
        ev.push(evidence(it, role));
    }
    let controlled = |r: EvidenceRole| {
        matches!(
            r,
            EvidenceRole::Benefit
                | EvidenceRole::NoBenefit
                | EvidenceRole::Inconclusive
                | EvidenceRole::Harm
        )
    };
    let harm = max_cert(ev.iter().filter(|e| e.role == EvidenceRole::Harm));
    let bb = max_cert(ev.iter().filter(|e| e.role == EvidenceRole::Benefit));
    let nb = max_cert(ev.iter().filter(|e| e.role == EvidenceRole::NoBenefit));
    let best = max_cert(ev.iter().filter(|e| controlled(e.role)));
    let therapy = &claim.therapy;
    let (verdict, certainty, summary) = if !ev.iter().any(|e| controlled(e.role)) {
        let c = max_cert(ev.iter());
        let s = if ev.is_empty() {
            format!("No controlled evidence: the dataset has no studies of {therapy} for this.")
        } else {
            "No controlled evidence: only studies without a comparison group or marketing material, which cannot show that the treatment caused the change.".to_string()
        };
        (Verdict::NoControlledEvidence, c, s)
    } else if let Some(h) = harm.filter(|h| *h >= Certainty::Low) {
        (
            Verdict::Contradicted,
            Some(h),
            format!(
                "Contradicted: controlled evidence ({} certainty) shows harm, not benefit.",
                h.words()
            ),
        )
    } else if let Some(n) = nb.filter(|n| *n >= Certainty::Moderate && bb.map_or(true, |b| b < *n))
    {
        (
            Verdict::Contradicted,
            Some(n),
            format!("Contradicted: the most certain controlled evidence ({} certainty) shows little or no benefit.", n.words()),
        )
    } else if let Some(b) = bb.filter(|b| *b >= Certainty::Low && nb.map_or(true, |n| *b >= n)) {
        (
            Verdict::Supported,
            Some(b),
            format!(
                "Supported by controlled evidence of {} certainty showing a benefit.",
                b.words()
            ),
        )
    } else {
        let why = if bb.is_some() {
            "the only controlled evidence of a benefit is of very low certainty"
        } else {
            "the controlled studies did not show a benefit"
        };
        (
            Verdict::NotSupported,
            best,
            format!("Not supported: {why}."),
        )
    };
    ClaimCheck {
        id: claim.id.clone(),
        verdict,
        evidence: ev,
        certainty,
        summary: summary + &note,
    }
}

fn check_no_risk(
    claim: &Claim,
    relevant: &[&Item],
    by_outcome: &[&Item],
    has_outcome: bool,
    reported: &[(&Study, &crate::model::Outcome)],
) -> ClaimCheck {
    let source: &[&Item] = if has_outcome && !by_outcome.is_empty() {
        by_outcome
    } else {
        relevant
    };
    let pool: Vec<&Item> = source
        .iter()
        .copied()
        .filter(|it| !is_marketing(it) && !it.pooled)
        .filter(|it| {
            it.outcome.kind == OutcomeKind::Harm || matching::is_serious_harm(&it.outcome.name)
        })
        .collect();
    let mut ev = Vec::new();
    let mut exposed: u64 = 0;
    let mut counted = BTreeSet::new();
    for it in &pool {
        let serious = matching::is_serious_harm(&it.outcome.name);
        let clear_harm =
            !it.single_arm && it.effect.is_some_and(|e| e.shows_harm(it.outcome.better));
        let role = if serious && treated_events(it) == Some(true) {
            EvidenceRole::SeriousHarm
        } else if clear_harm {
            EvidenceRole::Harm
        } else {
            EvidenceRole::NoSeriousHarm
        };
        if counted.insert(it.studies[0].id.clone()) {
            exposed = exposed.saturating_add(treated_people(it));
        }
        ev.push(evidence(it, role));
    }
    for (s, o) in reported {
        if counted.insert(s.id.clone()) {
            let n = s.n.map(u64::from).unwrap_or(0);
            exposed = exposed.saturating_add(if s.design.is_uncontrolled() { n } else { n / 2 });
        }
        let design = match blinding_words(s.blinding) {
            Some(b) if !s.design.is_uncontrolled() => format!("{b} {}", design_words(s.design)),
            _ => design_words(s.design).to_string(),
        };
        ev.push(ClaimEvidence {
            studies: vec![s.id.clone()],
            outcome: o.id.clone(),
            pooled: false,
            certainty: None,
            role: EvidenceRole::NoSeriousHarm,
            sentence: format!(
                "Reported in words only: {} ({design}), {}: {}",
                s.label,
                o.name,
                o.reported.as_deref().unwrap_or("").trim()
            ),
        });
    }
    let bad: Vec<&ClaimEvidence> = ev
        .iter()
        .filter(|e| matches!(e.role, EvidenceRole::SeriousHarm | EvidenceRole::Harm))
        .collect();
    let (verdict, certainty, summary) = if !bad.is_empty() {
        let deaths = bad
            .iter()
            .any(|e| e.role == EvidenceRole::SeriousHarm && matching::is_death(&e.sentence));
        let what = if deaths {
            "deaths or serious harms"
        } else {
            "harms"
        };
        (
            Verdict::Contradicted,
            max_cert(bad.iter().copied()),
            format!(
                "Contradicted: {what} were reported in people who had {}.",
                claim.therapy
            ),
        )
    } else if ev.is_empty() {
        (
            Verdict::NotSupported,
            None,
            "Not supported: there are no harms data to back a claim of no risk.".to_string(),
        )
    } else if exposed < 300 {
        (
            Verdict::NotSupported,
            max_cert(ev.iter()),
            format!(
                "Not supported: the harms data are sparse (about {exposed} treated people), too few to rule out uncommon serious harms."
            ),
        )
    } else {
        (
            Verdict::Supported,
            max_cert(ev.iter()),
            format!(
                "Supported: no serious harms were reported among about {exposed} treated people."
            ),
        )
    };
    ClaimCheck {
        id: claim.id.clone(),
        verdict,
        evidence: ev,
        certainty,
        summary,
    }
}

/// Whether `v` lies in the interval of an item, or (for counts) in the Wilson interval of the
/// treated group's proportion.
fn number_matches(it: &Item, v: f64) -> bool {
    let tol = 1e-9;
    let in_effect = it
        .effect
        .is_some_and(|e| v >= e.ci_lb - tol && v <= e.ci_ub + tol);
    let in_arm = match it.outcome.data.as_ref() {
        Some(EffectData::Counts(c)) if c.n1() > 0 && (0.0..=1.0).contains(&v) => {
            let p = c.ai as f64 / c.n1() as f64;
            let (lo, hi) = wilson(p, c.n1() as f64, 1.959963984540054);
            v >= lo - tol && v <= hi + tol
        }
        _ => false,
    };
    in_effect || in_arm
}

fn check_number(claim: &Claim, by_outcome: &[&Item]) -> ClaimCheck {
    let Some(v) = claim.value.filter(|v| v.is_finite()) else {
        return ClaimCheck {
            id: claim.id.clone(),
            verdict: Verdict::NotSupported,
            evidence: Vec::new(),
            certainty: None,
            summary: "Not supported: the claim gives no number to check.".to_string(),
        };
    };
    let mut cands: Vec<&Item> = by_outcome
        .iter()
        .copied()
        .filter(|it| !is_marketing(it) && it.effect.is_some())
        .collect();
    // Most certain first; controlled before uncontrolled; pooled before single studies.
    let exact = |it: &Item| {
        claim.outcome.as_deref().is_some_and(|o| {
            let o = matching::normalize(o);
            o == matching::normalize(&it.outcome.id) || o == matching::normalize(&it.outcome.name)
        })
    };
    cands.sort_by(|a, b| {
        exact(b)
            .cmp(&exact(a))
            .then(b.certainty.cmp(&a.certainty))
            .then(a.single_arm.cmp(&b.single_arm))
            .then(b.pooled.cmp(&a.pooled))
    });
    let ev: Vec<ClaimEvidence> = cands
        .iter()
        .map(|it| {
            evidence(
                it,
                if number_matches(it, v) {
                    EvidenceRole::Matches
                } else {
                    EvidenceRole::DoesNotMatch
                },
            )
        })
        .collect();
    let shown = if (0.0..=1.0).contains(&v) {
        format!("{} ({})", super::text::num(v, 3), pct(v))
    } else {
        super::text::num(v, 3)
    };
    let (verdict, certainty, summary) = match cands.first() {
        None => (Verdict::NotSupported, None, format!("Not supported: no evidence in the dataset reports a number to compare with {shown}.")),
        Some(best) => {
            let m = number_matches(best, v);
            if m && best.single_arm && best.outcome.kind == OutcomeKind::Benefit {
                (
                    Verdict::NoControlledEvidence,
                    best.certainty,
                    format!("No controlled evidence: the number {shown} matches a study without a comparison group, which cannot show the treatment caused it."),
                )
            } else if m {
                (Verdict::Supported, best.certainty, format!("Supported: {shown} lies within the interval of the best evidence."))
            } else {
                (
                    Verdict::Contradicted,
                    best.certainty,
                    format!("Contradicted: {shown} lies outside the interval of the best evidence."),
                )
            }
        }
    };
    ClaimCheck {
        id: claim.id.clone(),
        verdict,
        evidence: ev,
        certainty,
        summary,
    }
}
