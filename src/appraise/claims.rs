//! Claim checks, as a careful GRADE reviewer would make them.
//!
//! A claim is about a therapy (or a family of therapies), a condition (or a population within
//! it), sometimes a route and a time frame, and asserts one or more things (parts): a benefit on
//! an outcome, that the therapy is safe, or a number. Each part gets a verdict with the evidence
//! behind it; the claim gets one overall.
//!
//! **Which evidence counts.** A piece of evidence counts when its therapy is the claim's or a
//! member of the claim's family, its people have the claim's condition (or a population within
//! it), and its outcome measures what the claim is about; the dataset's vocabulary says what is
//! within what ([`super::matching`]). Evidence that counts only indirectly is rated down for
//! indirectness against the claim, with the reason in words: a population that also includes
//! other conditions, a broader therapy than the claim's, another route than the one the claim
//! names, a surrogate for the claimed outcome, a shorter time than the claim speaks of. The
//! certainty shown is that of the body the verdict rests on: a pooled result where there is one,
//! rated for the claim.
//!
//! **Verdicts.**
//! * benefit: *supported* by controlled evidence of a benefit of at least low certainty;
//!   *supported only in part* when that evidence is only for some members of the claimed family,
//!   only for a population within the claimed condition, or cannot show the claim's absolute
//!   words ("halts"); *contradicted* when controlled evidence shows harm, or the most certain
//!   controlled evidence (moderate or high) shows no benefit; *no controlled evidence* when only
//!   studies without a comparison group or marketing speak to it; otherwise *not supported*.
//! * no risk: *contradicted* by serious harms or deaths in treated people, or by controlled
//!   evidence of harm; *not supported* when fewer than 300 people were treated by the claim's
//!   route and in its population (with none harmed, the rule of three still allows a 1% risk), or
//!   when the claim's words are absolute ("no risk"), which no study can show; otherwise
//!   *supported*. The summary says how many treated people the harms data cover.
//! * number: compared with the matching number, for the same people (treated, control or both
//!   groups) and the same time point.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::{
    Arm, Assertion, Better, Blinding, Claim, ClaimPart, Dataset, EffectData, OutcomeKind,
    SourceKind, Study,
};
use crate::stats::effect::wilson;

use super::certainty::{Certainty, Domain, Rating};
use super::matching::{duration_days, Lexicon, List, OutcomeFit, Relation};
use super::rate::design_words;
use super::text::{lower_first, pct, Direction, Finding};
use super::Item;

/// A claim's (or a part's) verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Supported,
    /// Supported for some of what the claim says (some members of a family, a population within
    /// the condition, an effect but not the claim's absolute words), and not for the rest.
    SupportedInPart,
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
    /// A result reported only in words.
    Reported,
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
    /// Certainty of this evidence for the claim (rated down for indirectness against it).
    pub certainty: Option<Certainty>,
    pub role: EvidenceRole,
    /// Why this evidence is only indirectly about the claim, in words (empty when direct).
    pub indirectness: Vec<String>,
    pub sentence: String,
}

/// One part of a claim, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartCheck {
    pub asserts: Assertion,
    /// The claim's words this part checks, when the claim asserts several things.
    pub words: Option<String>,
    pub verdict: Verdict,
    /// Certainty of the body of evidence the verdict rests on.
    pub certainty: Option<Certainty>,
    pub summary: String,
    pub evidence: Vec<ClaimEvidence>,
    /// For safety: how many treated people the harms data cover.
    pub treated: Option<u64>,
}

/// A claim, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimCheck {
    pub id: String,
    /// The overall verdict (the part's, for a claim that asserts one thing).
    pub verdict: Verdict,
    /// Certainty of the evidence that decides the overall verdict (`None` when there is none).
    pub certainty: Option<Certainty>,
    /// The verdict in plain sentences, part by part.
    pub summary: String,
    pub parts: Vec<PartCheck>,
    /// Every part's evidence, then the cited studies without a result for it.
    pub evidence: Vec<ClaimEvidence>,
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
        EvidenceRole::Reported => "Reported in words",
        EvidenceRole::Uncontrolled => "No comparison group",
        EvidenceRole::Marketing => "Marketing, not evidence",
        EvidenceRole::Matches => "Matches the claimed number",
        EvidenceRole::DoesNotMatch => "Does not match the claimed number",
        EvidenceRole::NoResult => "No usable result",
    }
}

fn study_design(s: &Study) -> String {
    if s.source_kind == SourceKind::Marketing {
        return "marketing material".to_string();
    }
    match blinding_words(s.blinding) {
        Some(b) if !s.design.is_uncontrolled() => format!("{b} {}", design_words(s.design)),
        _ => design_words(s.design).to_string(),
    }
}

fn describe(item: &Item, certainty: Option<Certainty>) -> String {
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
        format!("{} ({}, {})", s.label, study_design(s), s.condition.trim())
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
    let cert = certainty
        .map(|c| format!(" Certainty: {}.", c.words()))
        .unwrap_or_default();
    format!("{who}, {eff}. {}{cert}", item.statement)
}

/// How one appraised item bears on a claim part: whether it counts, and with what indirectness.
struct Fit<'i, 'a> {
    item: &'i Item<'a>,
    /// The certainty of the item rated for the claim.
    certainty: Option<Certainty>,
    indirectness: Vec<String>,
    /// The item's therapies that are members of the claimed family (not the claimed therapy).
    members: Vec<String>,
    /// The item's conditions that are populations within the claimed condition.
    populations: Vec<String>,
}

impl Fit<'_, '_> {
    fn evidence(&self, role: EvidenceRole) -> ClaimEvidence {
        let mut sentence = format!(
            "{}: {}",
            role_phrase(role),
            describe(self.item, self.certainty)
        );
        if !self.indirectness.is_empty() {
            sentence.push_str(&format!(
                " Only indirectly about the claim: {}.",
                self.indirectness.join("; ")
            ));
        }
        ClaimEvidence {
            studies: self.item.studies.iter().map(|s| s.id.clone()).collect(),
            outcome: self.item.outcome.id.clone(),
            pooled: self.item.pooled,
            certainty: self.certainty,
            role,
            indirectness: self.indirectness.clone(),
            sentence,
        }
    }
}

/// What a claim is about, resolved once.
struct Scope<'c> {
    claim: &'c Claim,
    lexicon: &'c Lexicon,
    therapy: String,
    condition: String,
}

impl<'c> Scope<'c> {
    fn new(claim: &'c Claim, lexicon: &'c Lexicon) -> Self {
        Scope {
            claim,
            lexicon,
            therapy: lexicon.display(List::Therapies, &claim.therapy),
            condition: lexicon.display(List::Conditions, &claim.condition),
        }
    }

    /// How an item bears on a part, or `None` when it is about something else.
    fn fit<'i, 'a>(&self, part: &ClaimPart, item: &'i Item<'a>) -> Option<Fit<'i, 'a>> {
        let l = self.lexicon;
        let mut indirect = Vec::new();
        // Per-study concerns, one list of study labels per kind of concern.
        let mut broader_therapy: Vec<&str> = Vec::new();
        let mut mixed: Vec<&str> = Vec::new();
        let mut routes: Vec<(&str, &str)> = Vec::new();
        let mut members = Vec::new();
        let mut populations = Vec::new();
        for s in &item.studies {
            let therapy = &s.intervention.therapy;
            match l.relation(List::Therapies, therapy, &self.claim.therapy) {
                Relation::Unrelated => return None,
                Relation::Narrower => members.push(l.display(List::Therapies, therapy)),
                Relation::Broader => broader_therapy.push(therapy.trim()),
                Relation::Same => {}
            }
            if !self.claim.condition.trim().is_empty() {
                match l.relation(List::Conditions, &s.condition, &self.claim.condition) {
                    Relation::Unrelated => return None,
                    // Safety is counted in the claim's own people only.
                    Relation::Broader if part.asserts == Assertion::NoRisk => return None,
                    Relation::Narrower => {
                        populations.push(l.display(List::Conditions, &s.condition))
                    }
                    Relation::Broader => mixed.push(s.label.as_str()),
                    Relation::Same => {}
                }
            }
            if let Some(want) = &self.claim.route {
                let route = s.intervention.route.as_deref().unwrap_or("");
                let fit = l.relation(List::Routes, route, want);
                // The harms of one route say little about another's: a safety claim about a
                // route counts only the people known to have had it.
                if part.asserts == Assertion::NoRisk && fit == Relation::Unrelated {
                    return None;
                }
                if fit == Relation::Unrelated && !route.trim().is_empty() {
                    routes.push((s.label.as_str(), route.trim()));
                }
            }
        }
        let labels = |v: &[&str]| joined(&dedup(v.iter().map(|s| s.to_string()).collect()));
        if !broader_therapy.is_empty() {
            indirect.push(format!(
                "{} is broader than {}",
                lower_first(&labels(&broader_therapy)),
                lower_first(&self.therapy)
            ));
        }
        if !mixed.is_empty() {
            indirect.push(format!(
                "{} included people with other conditions than {}",
                labels(&mixed),
                lower_first(&self.condition)
            ));
        }
        if let (false, Some(want)) = (routes.is_empty(), &self.claim.route) {
            let given: Vec<&str> = routes.iter().map(|r| r.1).collect();
            let who: Vec<&str> = routes.iter().map(|r| r.0).collect();
            indirect.push(format!(
                "{} gave it by another route ({}) than the claim's ({})",
                labels(&who),
                labels(&given),
                want.trim()
            ));
        }
        let outcome = item.outcome;
        // A safety claim is about the treatment's harms: deaths it prevents are not among them.
        if part.asserts == Assertion::NoRisk && outcome.kind != OutcomeKind::Harm {
            return None;
        }
        match part
            .outcome
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
        {
            Some(wanted) => match l.outcome_fit(wanted, outcome) {
                OutcomeFit::Unrelated => return None,
                OutcomeFit::Surrogate(c) => indirect.push(format!(
                    "{} stands in for {}, and does not always predict it",
                    lower_first(&outcome.name),
                    l.concept_name(c)
                )),
                OutcomeFit::Direct => {}
            },
            None => {
                if (part.asserts == Assertion::NoRisk) != (outcome.kind == OutcomeKind::Harm) {
                    return None;
                }
                if let Some(target) = l.stands_for(outcome) {
                    indirect.push(format!(
                        "{} stands in for {}, and does not always predict it",
                        lower_first(&outcome.name),
                        target.name
                    ));
                }
            }
        }
        if let (Some(want), Some(have)) = (
            part.timeframe.as_deref().and_then(duration_days),
            evidence_days(item),
        ) {
            if have < 0.75 * want {
                indirect.push(format!(
                    "{} covers about {}, the claim speaks of {}",
                    item.studies[0].label,
                    describe_days(have),
                    part.timeframe.as_deref().unwrap_or("").trim()
                ));
            }
        }
        // Rated for the claim: the item's own indirectness was judged against the dataset's
        // question; against the claim it is judged anew (one flaw counted once).
        let certainty = item.certainty.map(|_| {
            let mut r = Rating::new();
            for reason in item
                .reasons
                .iter()
                .filter(|r| r.domain != Domain::Indirectness)
            {
                r.reasons.push(reason.clone());
            }
            for why in &indirect {
                r.push(Domain::Indirectness, -1, why.clone());
            }
            r.certainty()
        });
        members.sort();
        members.dedup();
        populations.sort();
        populations.dedup();
        Some(Fit {
            item,
            certainty,
            indirectness: indirect,
            members,
            populations,
        })
    }
}

/// The time an item's result covers: its outcome's time point, or else its study's follow-up.
fn evidence_days(item: &Item) -> Option<f64> {
    item.outcome
        .timepoint
        .as_deref()
        .and_then(duration_days)
        .or_else(|| {
            item.studies
                .iter()
                .filter_map(|s| s.follow_up.as_deref().and_then(duration_days))
                .reduce(f64::max)
        })
}

fn describe_days(days: f64) -> String {
    if days >= 365.0 {
        format!("{} years", super::text::num(days / 365.25, 1))
    } else {
        format!("{} months", super::text::num(days / 30.44, 0))
    }
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

/// People who had the treatment in an item's harms data: the treated arm of the numbers, or
/// else the study's size (half of it for a comparison with a control group).
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

fn best<'e>(ev: impl Iterator<Item = &'e ClaimEvidence>) -> Option<Certainty> {
    ev.filter_map(|e| e.certainty).max()
}

fn joined(list: &[String]) -> String {
    match list {
        [] => String::new(),
        [a] => a.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Checks one claim against the appraised evidence.
pub(crate) fn check_claim(
    claim: &Claim,
    dataset: &Dataset,
    items: &[Item],
    lexicon: &Lexicon,
) -> ClaimCheck {
    let scope = Scope::new(claim, lexicon);
    let several = claim.parts.len() > 1;
    let parts: Vec<PartCheck> = claim
        .parts
        .iter()
        .map(|part| {
            let fits: Vec<Fit> = items.iter().filter_map(|it| scope.fit(part, it)).collect();
            let mut check = match part.asserts {
                Assertion::Benefit => check_benefit(&scope, part, &fits),
                Assertion::NoRisk => check_no_risk(&scope, part, &fits),
                Assertion::Number => check_number(part, &fits),
            };
            check.words = part.words.clone();
            check
        })
        .collect();
    let (verdict, deciding) = overall(&parts);
    let certainty = deciding.and_then(|i| parts[i].certainty);
    let summary = if several {
        parts
            .iter()
            .map(|p| match &p.words {
                Some(w) => format!("“{}”: {}", w.trim(), p.summary),
                None => p.summary.clone(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        parts.first().map(|p| p.summary.clone()).unwrap_or_default()
    };
    let mut evidence: Vec<ClaimEvidence> = Vec::new();
    for e in parts.iter().flat_map(|p| &p.evidence) {
        if !evidence.iter().any(|x| x.sentence == e.sentence) {
            evidence.push(e.clone());
        }
    }
    let mut check = ClaimCheck {
        id: claim.id.clone(),
        verdict,
        certainty,
        summary,
        parts,
        evidence,
    };
    list_cited(&mut check, claim, dataset, lexicon);
    check
}

/// The overall verdict of a claim's parts, and the part that decides it.
fn overall(parts: &[PartCheck]) -> (Verdict, Option<usize>) {
    let find = |v: Verdict| parts.iter().position(|p| p.verdict == v);
    let Some(first) = parts.first() else {
        return (Verdict::NotSupported, None);
    };
    if parts.iter().all(|p| p.verdict == first.verdict) {
        let most = (0..parts.len()).max_by_key(|&i| parts[i].certainty);
        return (first.verdict, most);
    }
    if let Some(i) = find(Verdict::Contradicted) {
        return (Verdict::Contradicted, Some(i));
    }
    if let Some(i) = find(Verdict::Supported).or_else(|| find(Verdict::SupportedInPart)) {
        return (Verdict::SupportedInPart, Some(i));
    }
    match find(Verdict::NotSupported) {
        Some(i) => (Verdict::NotSupported, Some(i)),
        None => (Verdict::NoControlledEvidence, Some(0)),
    }
}

/// Studies the claim cites are always listed, even without a usable result for it.
fn list_cited(check: &mut ClaimCheck, claim: &Claim, dataset: &Dataset, lexicon: &Lexicon) {
    let cited: Vec<&Study> = claim
        .studies
        .iter()
        .filter_map(|id| dataset.study(id))
        .collect();
    for s in &cited {
        if check.evidence.iter().any(|e| e.studies.contains(&s.id)) {
            continue;
        }
        let about = match (
            lexicon.relation(List::Therapies, &s.intervention.therapy, &claim.therapy),
            lexicon.relation(List::Conditions, &s.condition, &claim.condition),
        ) {
            (Relation::Unrelated, _) => format!(
                " It is about {}, not {}.",
                s.intervention.therapy.trim(),
                claim.therapy.trim()
            ),
            (_, Relation::Unrelated) if !claim.condition.trim().is_empty() => {
                format!(" It is about {}.", lower_first(&s.condition))
            }
            _ => String::new(),
        };
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
            indirectness: Vec::new(),
            sentence: format!(
                "{}: {} ({}) is {lead}.{about}",
                role_phrase(role),
                s.label,
                study_design(s)
            ),
        });
    }
    // Say so when the studies the claim cites cannot back it themselves.
    let supported = matches!(check.verdict, Verdict::Supported | Verdict::SupportedInPart);
    if supported && !cited.is_empty() && claim.parts.iter().any(|p| p.asserts == Assertion::Benefit)
    {
        let weak: Vec<&str> = cited
            .iter()
            .filter(|s| {
                s.design.is_uncontrolled()
                    || s.source_kind == SourceKind::Marketing
                    || s.outcomes.iter().any(|o| o.data.is_some())
                        && s.outcomes
                            .iter()
                            .all(|o| o.data.as_ref().map_or(true, |d| d.is_single_arm()))
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
}

/// The fits a verdict rests on: a pooled body stands for the studies in it.
fn deciding<'f, 'i, 'a>(fits: &'f [Fit<'i, 'a>]) -> Vec<&'f Fit<'i, 'a>> {
    let pooled: Vec<&Fit> = fits.iter().filter(|f| f.item.pooled).collect();
    fits.iter()
        .filter(|f| {
            f.item.pooled
                || !pooled.iter().any(|p| {
                    std::ptr::eq(p.item.outcome, f.item.outcome)
                        || p.item.studies.iter().any(|s| s.id == f.item.studies[0].id)
                            && p.item.outcome.id == f.item.outcome.id
                })
        })
        .collect()
}

fn benefit_role(fit: &Fit) -> Option<EvidenceRole> {
    let it = fit.item;
    if is_marketing(it) {
        return Some(EvidenceRole::Marketing);
    }
    if it.single_arm {
        return Some(EvidenceRole::Uncontrolled);
    }
    let Some(e) = it.effect else {
        return Some(EvidenceRole::Reported);
    };
    Some(if e.shows_benefit(it.outcome.better) {
        EvidenceRole::Benefit
    } else if e.shows_harm(it.outcome.better) {
        EvidenceRole::Harm
    } else if matches!(
        (it.finding, it.outcome.better),
        (Some(Finding::Important(Direction::Reduces)), Better::Lower)
            | (
                Some(Finding::Important(Direction::Increases)),
                Better::Higher
            )
    ) {
        EvidenceRole::Inconclusive
    } else {
        EvidenceRole::NoBenefit
    })
}

fn controlled(r: EvidenceRole) -> bool {
    matches!(
        r,
        EvidenceRole::Benefit
            | EvidenceRole::NoBenefit
            | EvidenceRole::Inconclusive
            | EvidenceRole::Harm
    )
}

fn part(verdict: Verdict, certainty: Option<Certainty>, summary: String) -> PartCheck {
    PartCheck {
        asserts: Assertion::Benefit,
        words: None,
        verdict,
        certainty,
        summary,
        evidence: Vec::new(),
        treated: None,
    }
}

fn check_benefit(scope: &Scope, claim_part: &ClaimPart, fits: &[Fit]) -> PartCheck {
    let decide = deciding(fits);
    let roles: Vec<(&Fit, EvidenceRole)> = decide
        .iter()
        .filter_map(|f| Some((*f, benefit_role(f)?)))
        .collect();
    let ev: Vec<ClaimEvidence> = roles.iter().map(|(f, r)| f.evidence(*r)).collect();
    let of = |r: EvidenceRole| roles.iter().filter(move |(_, x)| *x == r).map(|(f, _)| f);
    let cert = |r: EvidenceRole| of(r).filter_map(|f| f.certainty).max();
    let harm = cert(EvidenceRole::Harm);
    let nb = cert(EvidenceRole::NoBenefit);
    let therapy = &scope.therapy;
    let support: Vec<&&Fit> = of(EvidenceRole::Benefit)
        .filter(|f| f.certainty >= Some(Certainty::Low))
        .collect();
    let sb = support.iter().filter_map(|f| f.certainty).max();
    let any_benefit = cert(EvidenceRole::Benefit);
    let (verdict, certainty, summary) = if !roles.iter().any(|(_, r)| controlled(*r)) {
        let s = if roles.is_empty() {
            format!(
                "No controlled evidence: the dataset has no studies of {} for this.",
                lower_first(therapy)
            )
        } else {
            "No controlled evidence: only studies without a comparison group, results in words or marketing material, which cannot show that the treatment caused the change.".to_string()
        };
        (Verdict::NoControlledEvidence, best(ev.iter()), s)
    } else if let Some(h) = harm.filter(|h| *h >= Certainty::Low && Some(*h) >= sb) {
        (
            Verdict::Contradicted,
            Some(h),
            format!(
                "Contradicted: controlled evidence ({} certainty) shows harm, not benefit.",
                h.words()
            ),
        )
    } else if let Some(n) = nb.filter(|n| *n >= Certainty::Moderate && sb.map_or(true, |b| b < *n))
    {
        (
            Verdict::Contradicted,
            Some(n),
            format!("Contradicted: the most certain controlled evidence ({} certainty) shows little or no benefit.", n.words()),
        )
    } else if let Some(b) = sb {
        // What the support covers of what the claim says.
        let mut only = Vec::new();
        let whole_population = support.iter().any(|f| f.populations.is_empty());
        if !whole_population {
            let pops: Vec<String> = support.iter().flat_map(|f| f.populations.clone()).collect();
            only.push(format!("only for {}", lower_first(&joined(&dedup(pops)))));
        }
        let whole_family = support.iter().any(|f| f.members.is_empty());
        if !whole_family {
            let ms: Vec<String> = support.iter().flat_map(|f| f.members.clone()).collect();
            only.push(format!("only {}", joined(&dedup(ms))));
        }
        if claim_part.absolute {
            only.push(
                "the evidence shows an effect, not the complete effect the claim's words promise"
                    .to_string(),
            );
        }
        if only.is_empty() {
            (
                Verdict::Supported,
                Some(b),
                format!(
                    "Supported by controlled evidence of {} certainty showing a benefit.",
                    b.words()
                ),
            )
        } else {
            let mut s = format!(
                "Supported only in part: {}. Certainty: {}.",
                only.join("; "),
                b.words()
            );
            let others: Vec<String> = roles
                .iter()
                .filter(|(f, r)| {
                    matches!(r, EvidenceRole::NoBenefit | EvidenceRole::Inconclusive)
                        && !f.members.is_empty()
                        && !support.iter().any(|s| s.members == f.members)
                })
                .flat_map(|(f, _)| f.members.clone())
                .collect();
            if !others.is_empty() {
                s.push_str(&format!(
                    " Controlled studies of {} did not show a clear benefit.",
                    joined(&dedup(others))
                ));
            }
            (Verdict::SupportedInPart, Some(b), s)
        }
    } else {
        let why = if any_benefit.is_some() {
            "the only controlled evidence of a benefit is of very low certainty"
        } else {
            "the controlled studies did not show a benefit"
        };
        (
            Verdict::NotSupported,
            best(ev.iter().filter(|e| controlled(e.role))),
            format!("Not supported: {why}."),
        )
    };
    PartCheck {
        evidence: ev,
        ..part(verdict, certainty, summary)
    }
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

fn check_no_risk(scope: &Scope, claim_part: &ClaimPart, fits: &[Fit]) -> PartCheck {
    let lexicon = scope.lexicon;
    let mut ev = Vec::new();
    let mut treated: u64 = 0;
    let mut counted = BTreeSet::new();
    for f in fits
        .iter()
        .filter(|f| !is_marketing(f.item) && !f.item.pooled)
    {
        let it = f.item;
        let serious = lexicon.is_serious(it.outcome);
        let clear_harm =
            !it.single_arm && it.effect.is_some_and(|e| e.shows_harm(it.outcome.better));
        let role = if serious && treated_events(it) == Some(true) {
            EvidenceRole::SeriousHarm
        } else if clear_harm {
            EvidenceRole::Harm
        } else if it.effect.is_none() && it.outcome.data.is_none() {
            EvidenceRole::Reported
        } else {
            EvidenceRole::NoSeriousHarm
        };
        if counted.insert(it.studies[0].id.clone()) {
            treated = treated.saturating_add(treated_people(it));
        }
        ev.push(f.evidence(role));
    }
    let bad: Vec<&ClaimEvidence> = ev
        .iter()
        .filter(|e| matches!(e.role, EvidenceRole::SeriousHarm | EvidenceRole::Harm))
        .collect();
    let who = {
        let route = scope
            .claim
            .route
            .as_deref()
            .map(|r| format!(" by the {} route", lower_first(r)))
            .unwrap_or_default();
        let condition = if scope.condition.trim().is_empty() {
            String::new()
        } else {
            format!(" for {}", lower_first(&scope.condition))
        };
        format!(
            "about {treated} people treated with {}{route}{condition}",
            lower_first(&scope.therapy)
        )
    };
    let (verdict, certainty, summary) = if !bad.is_empty() {
        let deaths = bad.iter().any(|e| {
            e.role == EvidenceRole::SeriousHarm
                && fits.iter().any(|f| {
                    f.item.outcome.id == e.outcome
                        && e.studies.contains(&f.item.studies[0].id)
                        && lexicon.is_objective(f.item.outcome)
                })
        });
        let what = if deaths {
            "deaths or serious harms"
        } else {
            "harms"
        };
        (
            Verdict::Contradicted,
            best(bad.iter().copied()),
            format!(
                "Contradicted: {what} were reported in people who had {}.",
                lower_first(&scope.therapy)
            ),
        )
    } else if ev.is_empty() {
        (
            Verdict::NotSupported,
            None,
            "Not supported: there are no harms data to back a claim of safety.".to_string(),
        )
    } else if claim_part.absolute {
        (
            Verdict::NotSupported,
            best(ev.iter()),
            format!("Not supported: no study can show that there is no risk at all; the harms data cover {who}."),
        )
    } else if treated < 300 {
        (
            Verdict::NotSupported,
            best(ev.iter()),
            format!(
                "Not supported: the harms data cover only {who}, too few to rule out uncommon serious harms."
            ),
        )
    } else {
        (
            Verdict::Supported,
            best(ev.iter()),
            format!("Supported: no serious harms were reported among {who}."),
        )
    };
    PartCheck {
        asserts: Assertion::NoRisk,
        evidence: ev,
        treated: Some(treated),
        ..part(verdict, certainty, summary)
    }
}

/// The interval a claimed number is compared with, for the claim's people: the treated or the
/// control group's proportion (Wilson interval) or both groups', or else the effect's interval.
fn comparable(it: &Item, arm: Arm) -> Option<(f64, f64)> {
    let z = 1.959963984540054;
    let group = |x: u64, n: u64| {
        (n > 0).then(|| {
            let p = x as f64 / n as f64;
            wilson(p, n as f64, z)
        })
    };
    match (it.outcome.data.as_ref(), arm) {
        (Some(EffectData::Counts(c)), Arm::Treated) => group(c.ai, c.n1()),
        (Some(EffectData::Counts(c)), Arm::Control) => group(c.ci, c.n2()),
        (Some(EffectData::Counts(c)), Arm::Both) => {
            group(c.ai.saturating_add(c.ci), c.n1().saturating_add(c.n2()))
        }
        // One group's numbers describe the treated people only.
        (_, Arm::Treated) if it.single_arm => it.effect.map(|e| (e.ci_lb, e.ci_ub)),
        (_, _) if it.single_arm => None,
        _ => it.effect.map(|e| (e.ci_lb, e.ci_ub)),
    }
}

fn check_number(claim_part: &ClaimPart, fits: &[Fit]) -> PartCheck {
    let number = |verdict, certainty, summary: String| PartCheck {
        asserts: Assertion::Number,
        ..part(verdict, certainty, summary)
    };
    let Some(v) = claim_part.value.filter(|v| v.is_finite()) else {
        return number(
            Verdict::NotSupported,
            None,
            "Not supported: the claim gives no number to check.".to_string(),
        );
    };
    let arm = claim_part.arm.unwrap_or(Arm::Treated);
    let want_days = claim_part.timeframe.as_deref().and_then(duration_days);
    let mut cands: Vec<(&Fit, (f64, f64))> = fits
        .iter()
        .filter(|f| !is_marketing(f.item))
        .filter(|f| {
            // The same time point, when both say.
            match (want_days, evidence_days(f.item)) {
                (Some(w), Some(h)) => (h - w).abs() <= 0.25 * w,
                _ => true,
            }
        })
        .filter_map(|f| Some((f, comparable(f.item, arm)?)))
        .collect();
    let exact = |f: &Fit| {
        claim_part.outcome.as_deref().is_some_and(|o| {
            let o = super::matching::normalize(o);
            o == super::matching::normalize(&f.item.outcome.id)
                || o == super::matching::normalize(&f.item.outcome.name)
        })
    };
    // Exact outcome first, then the most certain; controlled before uncontrolled; pooled first.
    cands.sort_by(|(a, _), (b, _)| {
        exact(b)
            .cmp(&exact(a))
            .then(b.certainty.cmp(&a.certainty))
            .then(a.item.single_arm.cmp(&b.item.single_arm))
            .then(b.item.pooled.cmp(&a.item.pooled))
    });
    let tol = 1e-9;
    let inside = |(lo, hi): (f64, f64)| v >= lo - tol && v <= hi + tol;
    let ev: Vec<ClaimEvidence> = cands
        .iter()
        .map(|(f, iv)| {
            f.evidence(if inside(*iv) {
                EvidenceRole::Matches
            } else {
                EvidenceRole::DoesNotMatch
            })
        })
        .collect();
    let shown = if (0.0..=1.0).contains(&v) {
        format!("{} ({})", super::text::num(v, 3), pct(v))
    } else {
        super::text::num(v, 3)
    };
    let people = match arm {
        Arm::Treated => "",
        Arm::Control => " for the comparison group",
        Arm::Both => " for both groups together",
    };
    let (verdict, certainty, summary) = match cands.first() {
        None => (Verdict::NotSupported, None, format!("Not supported: no evidence in the dataset reports a number to compare with {shown}{people}.")),
        Some((best, iv)) => {
            let (lo, hi) = *iv;
            let proportion =
                best.item.single_arm || matches!(best.item.outcome.data, Some(EffectData::Counts(_)));
            let range = if proportion {
                format!("{} to {}", pct(lo), pct(hi))
            } else {
                format!("{} to {}", super::text::effect_num(lo), super::text::effect_num(hi))
            };
            if inside(*iv) && best.item.single_arm && best.item.outcome.kind == OutcomeKind::Benefit {
                (
                    Verdict::NoControlledEvidence,
                    best.certainty,
                    format!("No controlled evidence: the number {shown} matches a study without a comparison group ({range}), which cannot show the treatment caused it."),
                )
            } else if inside(*iv) {
                (Verdict::Supported, best.certainty, format!("Supported: {shown} lies within the interval of the best matching evidence{people} ({range})."))
            } else {
                (
                    Verdict::Contradicted,
                    best.certainty,
                    format!("Contradicted: {shown} lies outside the interval of the best matching evidence{people} ({range})."),
                )
            }
        }
    };
    PartCheck {
        evidence: ev,
        ..number(verdict, certainty, summary)
    }
}
