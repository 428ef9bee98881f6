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
//! names (or a route not reported), a surrogate for the claimed outcome, an outcome that shares
//! only some of the claim's words, a shorter time than the claim speaks of. A part may name fewer
//! people than its claim ("for those with less advanced disease"): it is checked for them, so the
//! studies of the claim's wider population count for it only indirectly. The certainty shown
//! is that of the body the verdict rests on: a pooled result where there is one, rated for the
//! claim; a claim of several parts that are all supported, or all not supported, is as certain
//! as its least certain part.
//!
//! **Verdicts.**
//! * benefit: *supported* by controlled evidence of a benefit of at least low certainty;
//!   *supported only in part* when that evidence is only for some members of the claimed family,
//!   only for a population within the claimed condition, cannot show the claim's absolute
//!   words ("halts"), or when controlled evidence as certain shows little or no benefit;
//!   *contradicted* when controlled evidence shows harm, or the most certain
//!   controlled evidence (moderate or high) shows no benefit; *no controlled evidence* when only
//!   studies without a comparison group or marketing speak to it; otherwise *not supported*.
//! * no risk: *contradicted* by serious harms or deaths in treated people, or by controlled
//!   evidence of harm; *not supported* when fewer than 300 people were treated by the claim's
//!   route and in its population (with none harmed, the rule of three still allows a 1% risk), or
//!   when the claim's words are absolute ("no risk"), which no study can show, or when fewer than
//!   300 of those people are in counts that could show no one was harmed (words, or a serious
//!   outcome's effect without its events, cannot); otherwise *supported*. The summary says how
//!   many treated people the harms data cover.
//! * number: compared with the matching number, for the same people and the same time point: an
//!   arm's counts for the treated, control or both groups; a single group's proportion for the
//!   treated; an effect (a ratio or a difference, on its own scale) only for a number said of
//!   the treated (the default).

use serde::Serialize;

use crate::i18n::{self, t, tn, Lang};
use crate::model::{
    Arm, Assertion, Better, Blinding, Claim, ClaimPart, Dataset, Design, EffectData, FactStatus,
    OutcomeKind, SourceKind, Study,
};
use crate::stats::effect::wilson;

use super::certainty::{Certainty, Domain, Rating};
use super::matching::{duration_days, Lexicon, List, OutcomeFit, Relation};
use super::rate::{describe_effect, design_words};
use super::text::{
    after_colon, lower_first, name_in_sentence, outcome_named, pct, upper_first, Direction,
    Importance,
};
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
    /// A number that no evidence in the data reports (at the claim's time, for its people):
    /// neither borne out nor refuted, only not checkable here.
    Unverifiable,
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
    /// The pooled body's id, as `pooled` in the appraisal gives it, for a pooled result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Certainty of this evidence for the claim (rated down for indirectness against it).
    pub certainty: Option<Certainty>,
    pub role: EvidenceRole,
    /// Why this evidence is only indirectly about the claim, in words (empty when direct).
    pub indirectness: Vec<String>,
    pub sentence: String,
}

impl ClaimEvidence {
    /// Whether a supported verdict can rest on this evidence, by the verdicts' rules (module
    /// doc): a benefit of at least low certainty, harms data without serious harm, or a number
    /// it matches.
    pub fn can_support(&self) -> bool {
        match self.role {
            EvidenceRole::Benefit => self.certainty >= Some(Certainty::Low),
            EvidenceRole::NoSeriousHarm | EvidenceRole::Matches => true,
            _ => false,
        }
    }
}

/// One part of a claim, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartCheck {
    pub asserts: Assertion,
    /// The claim's words this part checks, when the claim asserts several things.
    pub words: Option<String>,
    pub verdict: Verdict,
    /// Certainty of the body of evidence the verdict rests on; for safety, of the evidence of
    /// serious harms where there is rated evidence of them (whether a treatment is safe rests on
    /// those), though how many people the harms data cover counts every harm.
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

fn blinding_words(lang: Lang, b: Option<Blinding>) -> Option<&'static str> {
    b.map(|b| t(lang, &format!("blinding.{}", b.as_str())))
}

/// How a piece of evidence bears on a claim, as its sentence opens. A benefit of very low
/// certainty cannot support a claim, and its tag says so rather than "Shows a benefit" before "The
/// evidence is very uncertain".
fn role_phrase(lang: Lang, role: EvidenceRole, certainty: Option<Certainty>) -> &'static str {
    let key = match role {
        EvidenceRole::Benefit if certainty == Some(Certainty::VeryLow) => {
            "role.benefit_very_uncertain"
        }
        EvidenceRole::Benefit => "role.benefit",
        EvidenceRole::NoBenefit => "role.no_benefit",
        EvidenceRole::Inconclusive => "role.inconclusive",
        EvidenceRole::Harm => "role.harm",
        EvidenceRole::SeriousHarm => "role.serious_harm",
        EvidenceRole::NoSeriousHarm => "role.no_serious_harm",
        EvidenceRole::Reported => "role.reported",
        EvidenceRole::Uncontrolled => "role.uncontrolled",
        EvidenceRole::Marketing => "role.marketing",
        EvidenceRole::Matches => "role.matches",
        EvidenceRole::DoesNotMatch => "role.does_not_match",
        EvidenceRole::NoResult => "role.no_result",
    };
    t(lang, key)
}

fn study_design(lang: Lang, s: &Study) -> String {
    if s.source_kind == SourceKind::Marketing {
        return t(lang, "claim.marketing_material").to_string();
    }
    let design = design_words(lang, s.design);
    match blinding_words(lang, s.blinding) {
        Some(b) if !s.design.is_uncontrolled() => tn(
            lang,
            "claim.design_blinded",
            &[("blinding", b), ("design", design)],
        ),
        _ => design.to_string(),
    }
}

/// One piece of evidence in a sentence; `condition` is its study's condition in the reader's
/// language.
fn describe(lang: Lang, item: &Item, certainty: Option<Certainty>, condition: &str) -> String {
    let code = lang.as_str();
    let who = if item.pooled {
        let labels: Vec<&str> = item.studies.iter().map(|s| s.label.get(code)).collect();
        tn(
            lang,
            "claim.pooled_result",
            &[
                (
                    "studies",
                    &crate::i18n::plural(lang, "answer.studies", item.studies.len()),
                ),
                ("labels", &labels.join(", ")),
            ],
        )
    } else {
        let s = item.studies[0];
        let (label, about) = (s.label.get(code), study_design(lang, s));
        match label.strip_suffix(')').filter(|open| open.contains('(')) {
            // One pair of brackets: "Harris 2020 (phase I; single-arm study, progressive MS)".
            Some(open) => tn(
                lang,
                "claim.label_more",
                &[("label", open), ("about", &about), ("condition", condition)],
            ),
            None => format!("{label} ({about}, {condition})"),
        }
    };
    // After the study, within the sentence: "MIST 2019 (randomised trial, …), disability
    // progression: hazard ratio …".
    let name = &lower_first(item.outcome.name.get(code));
    let eff = match item.effect {
        // A proportion in per cent; any other effect (a one-group change in points, too) as
        // the measure it is.
        Some(e) if e.measure.is_single_arm() => {
            let (p, lo, hi) = (
                pct(lang, e.estimate),
                pct(lang, e.ci_lb),
                pct(lang, e.ci_ub),
            );
            let interval = tn(lang, "claim.interval", &[("lower", &lo), ("upper", &hi)]);
            let text = format!("{p} {interval}");
            i18n::labelled(lang, name, &text)
        }
        Some(e) => i18n::labelled(lang, name, &describe_effect(lang, &e)),
        None => name.to_string(),
    };
    // Numbers the data's editor worked out from the published ones (counts from percentages) are
    // said to be so, as the forest marks them.
    let derived =
        !item.pooled && item.effect.is_some() && item.outcome.status == FactStatus::Derived;
    let derived = if derived {
        t(lang, "claim.derived")
    } else {
        ""
    };
    // Rated down for the claim (indirect evidence), its certainty is not the one its own
    // statement speaks with ("probably reduces" is moderate): the sentence says whose it is.
    let key = match certainty == item.certainty {
        true => "claim.certainty",
        false => "claim.certainty_for_claim",
    };
    let cert = certainty
        .map(|c| tn(lang, key, &[("certainty", c.words(lang))]))
        .unwrap_or_default();
    format!("{who}, {eff}.{derived} {}{cert}", item.statement)
}

/// How one appraised item bears on a claim part: whether it counts, and with what indirectness.
struct Fit<'i, 'a> {
    lang: Lang,
    /// The first study's condition in the reader's language.
    condition: String,
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
        let lang = self.lang;
        let described = describe(lang, self.item, self.certainty, &self.condition);
        // A result in words says so in its own statement ("Reported in a form we cannot
        // analyse: …"), which the description quotes: not twice.
        let mut sentence = match role == EvidenceRole::Reported && self.item.in_words() {
            true => described,
            false => i18n::labelled(lang, role_phrase(lang, role, self.certainty), &described),
        };
        if !self.indirectness.is_empty() {
            let list = i18n::clause_list(lang, &self.indirectness);
            sentence.push_str(&tn(lang, "claim.indirect", &[("list", &list)]));
        }
        ClaimEvidence {
            studies: self.item.studies.iter().map(|s| s.id.clone()).collect(),
            outcome: self.item.outcome.id.clone(),
            pooled: self.item.pooled,
            body: self.item.body.map(str::to_string),
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
    lang: Lang,
    therapy: String,
    /// The people checked for: the claim's condition, or a part's narrower one.
    people: &'c str,
    /// `people` in the check's language.
    condition: String,
    /// The claim's route in the check's language, when it names one.
    route: Option<String>,
}

impl<'c> Scope<'c> {
    /// The scope of `claim` for `people` (its own condition, or a part's).
    fn new(claim: &'c Claim, people: &'c str, lexicon: &'c Lexicon, lang: Lang) -> Self {
        Scope {
            claim,
            lexicon,
            lang,
            therapy: lexicon.display_in(List::Therapies, &claim.therapy, lang),
            people,
            condition: lexicon.display_in(List::Conditions, people, lang),
            route: (claim.route.as_deref()).map(|r| lexicon.display_in(List::Routes, r, lang)),
        }
    }

    /// A sentence of the catalogue in the claim check's language.
    fn say(&self, key: &str, args: &[(&str, &str)]) -> String {
        tn(self.lang, key, args)
    }

    /// How an item bears on a part, or `None` when it is about something else.
    fn fit<'i, 'a>(&self, part: &ClaimPart, item: &'i Item<'a>) -> Option<Fit<'i, 'a>> {
        let l = self.lexicon;
        let mut indirect = Vec::new();
        // Per-study concerns, one list of study labels per kind of concern.
        let mut broader_therapy: Vec<String> = Vec::new();
        let mut mixed: Vec<&str> = Vec::new();
        let mut routes: Vec<(&str, String)> = Vec::new();
        let mut route_unknown: Vec<&str> = Vec::new();
        let mut members = Vec::new();
        let mut populations = Vec::new();
        for s in &item.studies {
            let therapy = &s.intervention.therapy;
            match l.relation(List::Therapies, therapy, &self.claim.therapy) {
                Relation::Unrelated => return None,
                Relation::Narrower => {
                    members.push(l.display_in(List::Therapies, therapy, self.lang))
                }
                Relation::Broader => {
                    broader_therapy.push(l.display_in(List::Therapies, therapy, self.lang))
                }
                Relation::Same => {}
            }
            if !self.people.trim().is_empty() {
                let people = l.people(s, item.outcome);
                match l.relation(List::Conditions, people, self.people) {
                    Relation::Unrelated => return None,
                    // Safety is counted in the claim's own people only.
                    Relation::Broader if part.asserts == Assertion::NoRisk => return None,
                    Relation::Narrower => {
                        populations.push(l.display_in(List::Conditions, people, self.lang))
                    }
                    Relation::Broader => mixed.push(s.label.get(self.lang.as_str())),
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
                if fit == Relation::Unrelated {
                    let label = s.label.get(self.lang.as_str());
                    if route.trim().is_empty() {
                        // Not known to be the claim's route: not direct evidence for it either.
                        route_unknown.push(label);
                    } else {
                        routes.push((label, l.display_in(List::Routes, route, self.lang)));
                    }
                }
            }
        }
        let labels = |v: &[&str]| {
            i18n::and_list(self.lang, &dedup(v.iter().map(|s| s.to_string()).collect()))
        };
        if !broader_therapy.is_empty() {
            indirect.push(self.say(
                "indirect.broader_therapy",
                &[
                    (
                        "therapies",
                        &lower_first(&i18n::and_list(self.lang, &dedup(broader_therapy))),
                    ),
                    ("therapy", &lower_first(&self.therapy)),
                ],
            ));
        }
        if !mixed.is_empty() {
            indirect.push(self.say(
                "indirect.mixed",
                &[
                    ("studies", &labels(&mixed)),
                    ("condition", &lower_first(&self.condition)),
                ],
            ));
        }
        if let (false, Some(want)) = (routes.is_empty(), &self.route) {
            let given: Vec<&str> = routes.iter().map(|r| r.1.as_str()).collect();
            let who: Vec<&str> = routes.iter().map(|r| r.0).collect();
            indirect.push(self.say(
                "indirect.route",
                &[
                    ("studies", &labels(&who)),
                    ("given", &labels(&given)),
                    ("route", want),
                ],
            ));
        }
        // One reason for the route (one flaw once): another route, else an unreported one.
        if let (false, true, Some(want)) =
            (route_unknown.is_empty(), routes.is_empty(), &self.route)
        {
            indirect.push(self.say(
                "indirect.route_unknown",
                &[("studies", &labels(&route_unknown)), ("route", want)],
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
                OutcomeFit::Surrogate(c) => indirect.push(self.say(
                    "indirect.surrogate",
                    &[
                        (
                            "outcome",
                            &lower_first(outcome.name.get(self.lang.as_str())),
                        ),
                        ("target", l.concept_name_in(c, self.lang)),
                    ],
                )),
                OutcomeFit::Partial => indirect.push(self.say(
                    "indirect.outcome_words",
                    &[
                        (
                            "outcome",
                            &lower_first(outcome.name.get(self.lang.as_str())),
                        ),
                        ("wanted", wanted),
                    ],
                )),
                OutcomeFit::Direct => {}
            },
            None => {
                if (part.asserts == Assertion::NoRisk) != (outcome.kind == OutcomeKind::Harm) {
                    return None;
                }
                if let Some(target) = l.stands_for(outcome) {
                    indirect.push(self.say(
                        "indirect.surrogate",
                        &[
                            (
                                "outcome",
                                &lower_first(outcome.name.get(self.lang.as_str())),
                            ),
                            ("target", target.name.get(self.lang.as_str())),
                        ],
                    ));
                }
            }
        }
        if let (Some(want), Some(have)) = (
            part.timeframe.as_deref().and_then(duration_days),
            evidence_days(item),
        ) {
            if have < 0.75 * want {
                indirect.push(self.say(
                    "indirect.time",
                    &[
                        ("study", item.studies[0].label.get(self.lang.as_str())),
                        ("covers", &describe_days(self.lang, have)),
                        ("claimed", &describe_days(self.lang, want)),
                    ],
                ));
            }
        }
        // Rated for the claim: the item's own indirectness was judged against the dataset's
        // question; against the claim it is judged anew (one flaw counted once).
        let certainty = item.certainty.map(|_| {
            // Only the level: no words.
            let mut r = Rating::new().explained(false);
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
        crate::sort::sort_unique(&mut members);
        crate::sort::sort_unique(&mut populations);
        let condition = l.display_in(
            List::Conditions,
            l.people(item.studies[0], item.outcome),
            self.lang,
        );
        Some(Fit {
            lang: self.lang,
            condition,
            item,
            certainty,
            indirectness: indirect,
            members,
            populations,
        })
    }
}

/// Whether evidence is for the claim's time (within a quarter of it), when both say a time.
fn at_time(want_days: Option<f64>, item: &Item) -> Option<bool> {
    let (w, h) = (want_days?, evidence_days(item)?);
    Some((h - w).abs() <= 0.25 * w)
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

fn describe_days(lang: Lang, days: f64) -> String {
    let (unit, n) = if days >= 365.0 {
        ("claim.years", super::text::num(lang, days / 365.25, 1))
    } else {
        ("claim.months", super::text::num(lang, days / 30.44, 0))
    };
    // The number as it is shown (rounded, with a decimal comma in Spanish and French) decides.
    let shown = crate::number::parse_f64(&n.replace(',', ".")).unwrap_or(f64::NAN);
    let form = i18n::plural_form(lang, shown);
    tn(lang, &format!("{unit}.{form}"), &[("n", &n)])
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
/// else the study's size. All of it when everyone was treated: an uncontrolled study, a review
/// that pooled single-arm studies, a crossover (each person has both in turn). Half of it for a
/// comparison with a parallel control group: an estimate, flagged `true`, that the sentence says.
fn treated_people(item: &Item) -> (u64, bool) {
    let s = item.studies[0];
    let n = match item.outcome.data.as_ref() {
        Some(EffectData::Counts(c)) => Some(c.n1()),
        Some(EffectData::Means(m)) => Some(m.n1i),
        Some(EffectData::Proportion(p)) => p.ni,
        _ => None,
    };
    if let Some(n) = n {
        return (n, false);
    }
    let everyone = s.design.is_uncontrolled()
        || s.design == Design::CrossoverRct
        || (s.design == Design::SystematicReview && item.single_arm);
    match s.n.map(u64::from) {
        Some(n) if everyone => (n, false),
        Some(n) => (n / 2, true),
        None => (0, false),
    }
}

fn best<'e>(ev: impl Iterator<Item = &'e ClaimEvidence>) -> Option<Certainty> {
    ev.filter_map(|e| e.certainty).max()
}

/// Checks one claim against the appraised evidence.
pub(crate) fn check_claim(
    claim: &Claim,
    dataset: &Dataset,
    items: &[Item],
    lexicon: &Lexicon,
    lang: Lang,
) -> ClaimCheck {
    let scope = Scope::new(claim, &claim.condition, lexicon, lang);
    let several = claim.parts.len() > 1;
    let parts: Vec<PartCheck> = claim
        .parts
        .iter()
        .map(|part| {
            // A part about fewer people than the claim is checked for them.
            let narrowed = (part.condition.as_deref()).map(|c| Scope::new(claim, c, lexicon, lang));
            let scope = narrowed.as_ref().unwrap_or(&scope);
            let fits: Vec<Fit> = items.iter().filter_map(|it| scope.fit(part, it)).collect();
            let mut check = match part.asserts {
                Assertion::Benefit => check_benefit(scope, part, &fits),
                Assertion::NoRisk => check_no_risk(scope, dataset, part, &fits),
                Assertion::Number => check_number(scope, part, &fits),
            };
            check.words = part
                .words
                .as_ref()
                .map(|w| w.get(lang.as_str()).to_string());
            check
        })
        .collect();
    let (verdict, deciding) = overall(&parts);
    let certainty = deciding.and_then(|i| parts[i].certainty);
    let summary = if several {
        parts
            .iter()
            .map(|p| match &p.words {
                Some(w) => tn(
                    lang,
                    "claim.part",
                    &[
                        ("words", w.trim()),
                        ("summary", &after_colon(lang, &p.summary)),
                    ],
                ),
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
    list_cited(&mut check, claim, dataset, &scope);
    check
}

/// The overall verdict of a claim's parts, and the part that decides it.
fn overall(parts: &[PartCheck]) -> (Verdict, Option<usize>) {
    let of = |v: &[Verdict]| -> Vec<usize> {
        (0..parts.len())
            .filter(|&i| v.contains(&parts[i].verdict))
            .collect()
    };
    // A claim holds only as firmly as its least certain part (GRADE's overall certainty is the
    // lowest of the critical outcomes'): "safe and effective" with safety at low certainty is
    // low, however certain the benefit; and with too few people for safety (moderate) and a
    // benefit only at very low certainty, it rests on very low evidence, not moderate. A part
    // without a rating (no data at all) does not lower it. Contradicted, the firmest evidence
    // against it decides.
    let least = |all: Vec<usize>| {
        let rated = all
            .iter()
            .copied()
            .filter(|&i| parts[i].certainty.is_some());
        rated
            .min_by_key(|&i| parts[i].certainty)
            .or(all.first().copied())
    };
    use Verdict::*;
    if let Some(i) = of(&[Contradicted])
        .into_iter()
        .max_by_key(|&i| parts[i].certainty)
    {
        return (Contradicted, Some(i));
    }
    if let Some(first) = parts.first() {
        if parts.iter().all(|p| p.verdict == first.verdict) {
            return (first.verdict, least((0..parts.len()).collect()));
        }
    }
    // Supported in part: by its least certain supporting part, as above.
    if let Some(i) = least(of(&[Supported, SupportedInPart])) {
        return (SupportedInPart, Some(i));
    }
    // Else the weightiest of what is left: not supported, then no controlled evidence, then a
    // number that cannot be checked.
    let rest = [NotSupported, NoControlledEvidence, Unverifiable];
    match rest.into_iter().find(|&v| !of(&[v]).is_empty()) {
        Some(v) => (v, least(of(&rest))),
        None => (NotSupported, None),
    }
}

/// Studies the claim cites are always listed, even without a usable result for it.
fn list_cited(check: &mut ClaimCheck, claim: &Claim, dataset: &Dataset, scope: &Scope) {
    let (lexicon, lang) = (scope.lexicon, scope.lang);
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
            (Relation::Unrelated, _) => scope.say(
                "claim.about_therapy",
                &[
                    ("study_therapy", s.intervention.therapy.trim()),
                    ("therapy", claim.therapy.trim()),
                ],
            ),
            (_, Relation::Unrelated) if !claim.condition.trim().is_empty() => scope.say(
                "claim.about_condition",
                &[("condition", &lower_first(&s.condition))],
            ),
            _ => String::new(),
        };
        let (role, lead) = if s.source_kind == SourceKind::Marketing {
            (EvidenceRole::Marketing, "claim.cited_marketing")
        } else {
            (EvidenceRole::NoResult, "claim.cited_no_result")
        };
        let cited_as = scope.say(
            lead,
            &[
                ("study", s.label.get(lang.as_str())),
                ("design", &study_design(lang, s)),
            ],
        );
        check.evidence.push(ClaimEvidence {
            studies: vec![s.id.clone()],
            outcome: String::new(),
            pooled: false,
            body: None,
            certainty: None,
            role,
            indirectness: Vec::new(),
            sentence: i18n::labelled(
                lang,
                role_phrase(lang, role, None),
                &format!("{cited_as}{about}"),
            ),
        });
    }
    // Say so when the studies the claim cites cannot back it themselves.
    let supported = matches!(check.verdict, Verdict::Supported | Verdict::SupportedInPart);
    if supported && !cited.is_empty() && claim.parts.iter().any(|p| p.asserts == Assertion::Benefit)
    {
        let weak: Vec<String> = cited
            .iter()
            .filter(|s| {
                s.design.is_uncontrolled()
                    || s.source_kind == SourceKind::Marketing
                    || s.outcomes.iter().any(|o| o.data.is_some())
                        && s.outcomes
                            .iter()
                            .all(|o| o.data.as_ref().map_or(true, |d| d.is_single_arm()))
            })
            .map(|s| s.label.get(lang.as_str()).to_string())
            .collect();
        if weak.len() == cited.len() {
            // Each study once, however often the claim names it.
            let weak = super::text::distinct(weak);
            let key = format!(
                "claim.cited_weak.{}",
                i18n::plural_form(lang, weak.len() as f64)
            );
            let note = scope.say(&key, &[("studies", &i18n::named_list(lang, &weak))]);
            check.summary.push_str(&note);
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
        (it.importance, it.outcome.better),
        (
            Some(Importance::Important(Direction::Reduces)),
            Better::Lower
        ) | (
            Some(Importance::Important(Direction::Increases)),
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
    let lang = scope.lang;
    let words = |c: Certainty| c.words(lang);
    let support: Vec<&&Fit> = of(EvidenceRole::Benefit)
        .filter(|f| f.certainty >= Some(Certainty::Low))
        .collect();
    let sb = support.iter().filter_map(|f| f.certainty).max();
    let any_benefit = cert(EvidenceRole::Benefit);
    let (verdict, certainty, summary) = if !roles.iter().any(|(_, r)| controlled(*r)) {
        let s = if roles.is_empty() {
            scope.say("verdict.no_studies", &[("therapy", &lower_first(therapy))])
        } else {
            scope.say("verdict.only_uncontrolled", &[])
        };
        (Verdict::NoControlledEvidence, best(ev.iter()), s)
    } else if let Some(h) = harm.filter(|h| *h >= Certainty::Low && Some(*h) >= sb) {
        (
            Verdict::Contradicted,
            Some(h),
            scope.say("verdict.harm", &[("certainty", words(h))]),
        )
    } else if let Some(n) = nb.filter(|n| *n >= Certainty::Moderate && sb.map_or(true, |b| b < *n))
    {
        (
            Verdict::Contradicted,
            Some(n),
            scope.say("verdict.null", &[("certainty", words(n))]),
        )
    } else if let Some(b) = sb {
        // Why the support is rated down for this claim, in words, when that is why it is no
        // higher: every result at its level is indirect (the evidence's own sentences say it
        // too, in the details). Direct support at the same level leaves nothing to explain.
        let at_level: Vec<&&Fit> = support
            .iter()
            .copied()
            .filter(|f| f.certainty == Some(b))
            .collect();
        let indirectly = if at_level.iter().all(|f| !f.indirectness.is_empty()) {
            let why = super::text::distinct(at_level.iter().flat_map(|f| f.indirectness.clone()));
            let list = i18n::clause_list(lang, &why);
            scope.say("claim.indirect", &[("list", &list)])
        } else {
            String::new()
        };
        // What the support covers of what the claim says.
        let mut only = Vec::new();
        let whole_population = support.iter().any(|f| f.populations.is_empty());
        if !whole_population {
            let pops: Vec<String> = support.iter().flat_map(|f| f.populations.clone()).collect();
            let pops = lower_first(&i18n::and_list(lang, &dedup(pops)));
            only.push(scope.say("verdict.only_for", &[("population", &pops)]));
        }
        let whole_family = support.iter().any(|f| f.members.is_empty());
        if !whole_family {
            let ms: Vec<String> = support.iter().flat_map(|f| f.members.clone()).collect();
            let ms = i18n::and_list(lang, &dedup(ms));
            only.push(scope.say("verdict.only_member", &[("therapy", &ms)]));
        }
        // Controlled evidence as certain as the support that shows no clear benefit: the claim
        // holds only against the rest (less certain null evidence is outweighed).
        if let Some(n) = nb.filter(|n| *n >= Certainty::Moderate && *n >= b) {
            only.push(scope.say("verdict.conflicting", &[("certainty", words(n))]));
        }
        if claim_part.absolute {
            let mut not_complete = scope.say("verdict.not_complete", &[]);
            // How far from complete, in people, where the most certain support says: an event
            // to avoid that some still had despite the treatment.
            // (The first of the most certain, as the summary prefers.)
            let despite = support
                .iter()
                .rev()
                .filter(|f| f.item.outcome.better == Better::Lower)
                .filter_map(|f| Some((f, f.item.despite.as_ref()?)))
                .max_by_key(|(f, _)| f.certainty);
            if let Some((f, d)) = despite {
                let therapy = &f.item.studies[0].intervention.therapy;
                let outcome = f.item.outcome;
                let name = outcome.name.get(lang.as_str());
                not_complete.extend(d.words(lang, therapy, name, outcome.article(lang.as_str())));
            }
            only.push(not_complete);
            only.extend(observed_despite(scope, claim_part, &roles, &support));
        }
        if only.is_empty() {
            (
                Verdict::Supported,
                Some(b),
                scope.say("verdict.supported_by", &[("certainty", words(b))]) + &indirectly,
            )
        } else {
            let mut s = scope.say(
                "verdict.in_part",
                &[("what", &sentences(&only)), ("certainty", words(b))],
            );
            s.push_str(&indirectly);
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
                let others = i18n::and_list(lang, &dedup(others));
                s.push_str(&scope.say("verdict.others_null", &[("therapy", &others)]));
            }
            (Verdict::SupportedInPart, Some(b), s)
        }
    } else {
        let key = if any_benefit.is_some() {
            "verdict.only_very_low".to_string()
        } else {
            // "the controlled study" or "studies", as many as there were.
            let mut ids: Vec<&str> = roles
                .iter()
                .filter(|(_, r)| controlled(*r))
                .flat_map(|(f, _)| f.item.studies.iter().map(|s| s.id.as_str()))
                .collect();
            crate::sort::sort_unique(&mut ids);
            let form = i18n::plural_form(lang, ids.len() as f64);
            format!("verdict.no_benefit_shown.{form}")
        };
        let mut s = scope.say(&key, &[]);
        // Beside a very uncertain benefit, the controlled studies that found none: "the only
        // evidence of a benefit" must not read as if the controlled evidence pointed to one. (Not
        // a study whose benefit is the very uncertain one: it would read as its own rebuttal.)
        if any_benefit.is_some() {
            // (A set collected from an iterator: a BTreeSet would sort, and bring a sort of its own.)
            let benefit_studies: foldhash::HashSet<&str> = of(EvidenceRole::Benefit)
                .flat_map(|f| f.item.studies.iter().map(|s| s.id.as_str()))
                .collect();
            let null: Vec<String> = of(EvidenceRole::NoBenefit)
                .flat_map(|f| f.item.studies.iter())
                .filter(|s| !benefit_studies.contains(s.id.as_str()))
                .map(|s| s.label.get(lang.as_str()).to_string())
                .collect();
            if !null.is_empty() {
                let studies = i18n::named_list(lang, &dedup(null));
                s.push_str(&scope.say("verdict.also_null", &[("studies", &studies)]));
            }
        }
        (
            Verdict::NotSupported,
            best(ev.iter().filter(|e| controlled(e.role))),
            s,
        )
    };
    PartCheck {
        evidence: ev,
        ..part(verdict, certainty, summary)
    }
}

/// Clauses as sentences of their own, each from a capital: shorter to read on a phone than one
/// sentence of clauses.
fn sentences(clauses: &[String]) -> String {
    let capitalised: Vec<String> = clauses.iter().map(|c| upper_first(c)).collect();
    capitalised.join(". ")
}

/// What people who had the supported treatment went on to have in a study without a comparison
/// group: no comparison is needed to see that an effect was not complete ("halts the disease",
/// when about half of the people the claim's own study followed had not stayed free of it).
///
/// The figure is of the claim's people: a subgroup that the vocabulary names as a condition
/// counts as its condition's people, so a subgroup that is the claim's own comes before a cohort
/// that holds others too. Among figures as near, the study the claim cites first, then one at the
/// claim's time, then the whole study population before a subgroup, then the most people. Where
/// the support holds only for narrower people (one form of a disease, when only its trials show
/// the benefit), the figure for the people nearest to those is said beside it ("; among those
/// with …, about 73 in 100"), so that neither the whole cohort's figure, most of whose people
/// had another form, nor a subgroup's, stands for the other. `None` when next to all did as the
/// claim says.
fn observed_despite(
    scope: &Scope,
    claim_part: &ClaimPart,
    roles: &[(&Fit, EvidenceRole)],
    support: &[&&Fit],
) -> Option<String> {
    let lang = scope.lang;
    let l = scope.lexicon;
    let want_days = claim_part.timeframe.as_deref().and_then(duration_days);
    fn people<'a>(l: &Lexicon, f: &Fit<'_, 'a>) -> &'a str {
        l.people(f.item.studies[0], f.item.outcome)
    }
    // How near some people are to any of `targets`: the same, within them, or holding them (the
    // more terms around, the nearer).
    let nearness = |p: &str, targets: &[&str]| {
        let best = targets
            .iter()
            .map(|t| match l.relation(List::Conditions, p, t) {
                Relation::Same => 3,
                Relation::Narrower => 2,
                Relation::Broader => 1,
                Relation::Unrelated => 0,
            })
            .max()
            .unwrap_or(0);
        (best, l.depth(List::Conditions, p))
    };
    let observed: Vec<(&Fit, f64, Option<u64>)> = roles
        .iter()
        .filter(|(_, r)| *r == EvidenceRole::Uncontrolled)
        .filter(|(f, _)| support.iter().any(|s| s.members == f.members))
        .filter_map(|(f, _)| match f.item.outcome.data.as_ref()? {
            EffectData::Proportion(p) => {
                Some((*f, p.value().filter(|v| (0.0..=1.0).contains(v))?, p.ni))
            }
            _ => None,
        })
        .collect();
    let claimed = [scope.people];
    let &(fit, share, _) = observed.iter().max_by_key(|(f, _, ni)| {
        let study = f.item.studies[0];
        let subgroup = f.item.outcome.subgroup.is_some();
        (
            f.indirectness.is_empty(),
            nearness(people(l, f), &claimed),
            scope.claim.studies.contains(&study.id),
            at_time(want_days, f.item) == Some(true),
            !subgroup,
            // A subgroup's people are not the study's: no count is no count.
            ni.or(study.n.map(u64::from).filter(|_| !subgroup)),
        )
    })?;
    let higher = fit.item.outcome.better == Better::Higher;
    let per_100 = |share: f64| super::absolute::people(lang, 100.0 * share);
    let n = per_100(share);
    // Nothing to say where, as written, everyone (or no one) did as the claim says.
    let complete = super::absolute::people(lang, if higher { 100.0 } else { 0.0 });
    if n == complete || (!higher && share < 0.0005) {
        return None;
    }
    let study = fit.item.studies[0];
    let name = fit.item.outcome.name.get(lang.as_str());
    // Quoted by the template where it is a result attained; a noun of the sentence where it
    // is what still affected people.
    let outcome = if higher {
        lower_first(name)
    } else {
        outcome_named(lang, name, fit.item.outcome.article(lang.as_str()))
    };
    let mut said = scope.say(
        if higher {
            "verdict.observed_only"
        } else {
            "verdict.observed_still"
        },
        &[
            ("study", study.label.get(lang.as_str())),
            ("n", &n),
            (
                "therapy",
                &name_in_sentence(lang, &study.intervention.therapy),
            ),
            ("outcome", &outcome),
        ],
    );
    // The same outcome in the people nearest to those the support is narrowed to, when they are
    // nearer than the figure's own.
    let narrowed: Vec<&str> = if support.iter().all(|f| !f.populations.is_empty()) {
        support
            .iter()
            .flat_map(|f| f.item.studies.iter().map(|s| l.people(s, f.item.outcome)))
            .collect()
    } else {
        Vec::new()
    };
    let own = nearness(people(l, fit), &narrowed);
    let closer = observed
        .iter()
        .filter(|(f, _, _)| {
            f.item.studies[0].id == study.id
                && f.item.outcome.better == fit.item.outcome.better
                && at_time(evidence_days(fit.item), f.item) != Some(false)
                && f.item.outcome.subgroup.is_some()
        })
        .map(|(f, share, _)| (nearness(people(l, f), &narrowed), *f, *share))
        .filter(|(near, _, _)| near.0 > 0 && *near > own)
        .max_by_key(|(near, _, _)| *near);
    if let (false, Some((_, sub, share))) = (narrowed.is_empty(), closer) {
        said.push_str(&scope.say(
            "verdict.observed_among",
            &[
                (
                    "people",
                    &lower_first(&l.display_in(List::Conditions, people(l, sub), lang)),
                ),
                ("n", &per_100(share)),
            ],
        ));
    }
    Some(said)
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    crate::sort::sort_unique(&mut v);
    v
}

fn check_no_risk<'a>(
    scope: &Scope,
    dataset: &'a Dataset,
    claim_part: &ClaimPart,
    fits: &[Fit<'a, '_>],
) -> PartCheck {
    let lexicon = scope.lexicon;
    let mut ev = Vec::new();
    // Each item's trial with its treated people: (trial, (people, estimated, label)); merged
    // below into each trial's, from its first item whose count is not an estimate. Vectors, not
    // maps, as below.
    let mut treated_by_item: Vec<(&str, (u64, bool, &str))> = Vec::new();
    let mut readable: Vec<&str> = Vec::new();
    let mut trials = crate::model::Trials::default();
    // The people counted are those of their studies' conditions, which may be narrower than the
    // claim's (a family of diseases, from trials in one of them): one is named as it is.
    let mut conditions: Vec<&str> = Vec::new();
    // Whether a treatment is safe rests on its serious harms: how sure the evidence of those is,
    // not of any adverse event at all (moderate for a trial's count of every complaint, while its
    // deaths and serious events, a handful, are low).
    let mut serious_certainty: Option<Certainty> = None;
    // The counted reviews that include other studies (by their trial): the people of those are
    // counted once, in the review.
    let mut reviews: Vec<(&str, &Study)> = Vec::new();
    for f in fits
        .iter()
        .filter(|f| !is_marketing(f.item) && !f.item.pooled)
    {
        let it = f.item;
        let serious = lexicon.is_serious(it.outcome);
        if serious {
            serious_certainty = serious_certainty.max(f.certainty);
        }
        let clear_harm =
            !it.single_arm && it.effect.is_some_and(|e| e.shows_harm(it.outcome.better));
        let events = treated_events(it);
        let role = if serious && events == Some(true) {
            EvidenceRole::SeriousHarm
        } else if clear_harm {
            EvidenceRole::Harm
        } else if it.in_words() || (serious && events.is_none()) {
            // Words only, or a serious outcome's effect without its events among the treated (a
            // hazard ratio of death): whether anyone treated was harmed cannot be read from it.
            EvidenceRole::Reported
        } else {
            EvidenceRole::NoSeriousHarm
        };
        ev.push(f.evidence(role));
        let s = it.studies[0];
        // One trial's people once, whatever entries report it (an identifier in common, as
        // pooling tells them): the first entry's id stands for the trial.
        let trial = trials.of(s);
        // Only counted harms can show that no one treated was seriously harmed.
        if role != EvidenceRole::Reported && events.is_some() {
            readable.push(trial);
        }
        let (n, estimated) = treated_people(it);
        if n > 0 && !conditions.contains(&s.condition.as_str()) {
            conditions.push(&s.condition);
        }
        if n > 0 && !s.includes.is_empty() && !reviews.iter().any(|(t, _)| *t == trial) {
            reviews.push((trial, s));
        }
        treated_by_item.push((trial, (n, estimated, s.label.get(scope.lang.as_str()))));
    }
    crate::sort::sort_unique(&mut readable);
    let readable = |trial: &str| readable.binary_search(&trial).is_ok();
    // By trial, each trial's items in their order (the sort is stable).
    crate::sort::sort_by(&mut treated_by_item, |a, b| a.0.cmp(b.0));
    let mut treated_by_study: Vec<(&str, (u64, bool, &str))> = Vec::new();
    for (trial, (n, estimated, label)) in treated_by_item {
        match treated_by_study.last_mut() {
            Some((t, kept)) if *t == trial => {
                if kept.1 && !estimated {
                    *kept = (n, false, kept.2);
                }
            }
            _ => treated_by_study.push((trial, (n, estimated, label))),
        }
    }
    let bad: Vec<&ClaimEvidence> = ev
        .iter()
        .filter(|e| matches!(e.role, EvidenceRole::SeriousHarm | EvidenceRole::Harm))
        .collect();
    let lang = scope.lang;
    // Each trial that a counted review includes (whichever of its entries the review names),
    // with each review that includes it; vectors, not maps: a handful of studies, and each new
    // map type costs the wasm kilobytes.
    let mut counted_in: Vec<(&str, &str)> = Vec::new();
    for (review, r) in &reviews {
        for id in &r.includes {
            let Some(t) = dataset.study(id).map(|s| trials.of(s)) else {
                continue;
            };
            let counts = (treated_by_study.iter()).any(|(k, c)| *k == t && c.0 > 0);
            if t != *review && counts && !counted_in.contains(&(t, review)) {
                counted_in.push((t, review));
            }
        }
    }
    let is_within = |trial: &str| counted_in.iter().any(|(t, _)| *t == trial);
    let treated = (treated_by_study.iter())
        .filter(|(trial, _)| !is_within(trial))
        .fold(0u64, |sum, (_, t)| sum.saturating_add(t.0));
    // A trial's counted harms stay readable when the review that includes it gives its own in
    // words only.
    let treated_readable = (treated_by_study.iter())
        .filter(|(trial, _)| readable(trial))
        .filter(|(trial, _)| !(counted_in.iter()).any(|(t, review)| t == trial && readable(review)))
        .fold(0u64, |sum, (_, t)| sum.saturating_add(t.0));
    let halved: Vec<&str> = (treated_by_study.iter())
        .filter(|(trial, t)| t.1 && !is_within(trial))
        .map(|(_, t)| t.2)
        .collect();
    // Who the harms data cover, and how they were counted (in sentences of their own).
    let (who, counted) = {
        let route = (scope.route.as_deref())
            .map(|r| scope.say("safety.route", &[("route", &lower_first(r))]))
            .unwrap_or_default();
        // The counted studies' condition that holds all of theirs, if one does.
        let within = |c: &str, of: &str| {
            matches!(
                lexicon.relation(List::Conditions, c, of),
                Relation::Same | Relation::Narrower
            )
        };
        let theirs = (conditions.iter())
            .find(|c| !c.trim().is_empty() && conditions.iter().all(|x| within(x, c)));
        let condition = match theirs {
            Some(c) => lexicon.display_in(List::Conditions, c, lang),
            None => scope.condition.clone(),
        };
        let condition = if condition.trim().is_empty() {
            String::new()
        } else {
            scope.say(
                "safety.condition",
                &[("condition", &lower_first(&condition))],
            )
        };
        let who = scope.say(
            "safety.who",
            &[
                ("n", &crate::i18n::int(lang, treated)),
                ("therapy", &lower_first(&scope.therapy)),
                ("route", &route),
                ("condition", &condition),
            ],
        );
        // How the people were counted, in sentences after the verdict's.
        let mut counted = String::new();
        if !halved.is_empty() {
            let studies =
                i18n::and_list(lang, &dedup(halved.iter().map(|s| s.to_string()).collect()));
            counted.push_str(&scope.say("safety.half", &[("studies", &studies)]));
        }
        // Whose people are counted within which review, review by review.
        let label = |trial: &str| {
            let found = treated_by_study.iter().find(|(k, _)| *k == trial);
            found.map_or(trial, |(_, t)| t.2).to_string()
        };
        for (review, _) in &reviews {
            // A trial within several reviews is named with the first.
            let first_in = |t: &str| counted_in.iter().find(|(x, _)| *x == t).map(|(_, r)| *r);
            let of_it: Vec<String> = (counted_in.iter())
                .filter(|(t, r)| r == review && first_in(t) == Some(r))
                .map(|(t, _)| label(t))
                .collect();
            if of_it.is_empty() {
                continue;
            }
            let studies = i18n::and_list(lang, &dedup(of_it));
            counted.push_str(&scope.say(
                "safety.included",
                &[("studies", &studies), ("review", &label(review))],
            ));
        }
        (who, counted)
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
        let key = if deaths {
            "safety.deaths"
        } else {
            "safety.harms"
        };
        (
            Verdict::Contradicted,
            best(bad.iter().copied()),
            scope.say(key, &[("therapy", &lower_first(&scope.therapy))]),
        )
    } else if ev.is_empty() {
        (
            Verdict::NotSupported,
            None,
            scope.say("safety.no_data", &[]),
        )
    } else {
        // Without rated evidence of serious harms, the harms there are.
        let certainty = serious_certainty.or_else(|| best(ev.iter()));
        let (verdict, key) = if claim_part.absolute {
            (Verdict::NotSupported, "safety.absolute")
        } else if treated < 300 {
            (Verdict::NotSupported, "safety.sparse")
        } else if treated_readable < 300 {
            (Verdict::NotSupported, "safety.unreadable")
        } else {
            (Verdict::Supported, "safety.supported")
        };
        (
            verdict,
            certainty,
            scope.say(key, &[("who", &who)]) + &counted,
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
        // A pooled body's outcome is its first study's: its arms are that study's, not the
        // body's (each study's own item is compared instead).
        (Some(EffectData::Counts(_)), _) if it.pooled => None,
        (Some(EffectData::Counts(c)), Arm::Treated) => group(c.ai, c.n1()),
        (Some(EffectData::Counts(c)), Arm::Control) => group(c.ci, c.n2()),
        (Some(EffectData::Counts(c)), Arm::Both) => {
            group(c.ai.saturating_add(c.ci), c.n1().saturating_add(c.n2()))
        }
        // One group's numbers describe the treated people only.
        (_, Arm::Treated) if it.single_arm => it.effect.map(|e| (e.ci_lb, e.ci_ub)),
        (_, _) if it.single_arm => None,
        // An effect (a ratio, a difference) describes neither group alone: a number said of
        // the comparison group, or of both, is not on its scale.
        (_, Arm::Treated) => it.effect.map(|e| (e.ci_lb, e.ci_ub)),
        _ => None,
    }
}

/// The text key of an interval a number is checked against: one the evidence published, or one
/// worked out here by pooling, from its counts, from its share and number of people, from the
/// groups' means, from an effect's standard error, or from an interval at another level, as the
/// effect was (`stats::effect`). A reader must not take the others for the study's own: a share
/// that is a survival estimate has a wider interval than its number of people suggests.
fn worked_out(it: &Item) -> &'static str {
    if it.pooled {
        return "number.range_pooled";
    }
    match it.outcome.data.as_ref() {
        Some(EffectData::Counts(_)) => "number.range_counts",
        Some(EffectData::Means(_)) => "number.range_means",
        Some(EffectData::Generic(_)) => "number.range_se",
        Some(EffectData::Estimate(e)) if e.level != 95.0 => "number.range_level",
        Some(EffectData::Proportion(p)) => {
            let given = p.ci_lb.is_some() && p.ci_ub.is_some();
            let at_95 = p.level.map_or(true, |l| l == 95.0);
            match (given, at_95, p.estimate, p.ni) {
                (true, true, _, _) => "number.range",
                (true, false, _, None) => "number.range_level",
                (_, _, None, _) => "number.range_counts",
                _ => "number.range_share",
            }
        }
        _ => "number.range",
    }
}

fn check_number(scope: &Scope, claim_part: &ClaimPart, fits: &[Fit]) -> PartCheck {
    let lang = scope.lang;
    let number = |verdict, certainty, summary: String| PartCheck {
        asserts: Assertion::Number,
        ..part(verdict, certainty, summary)
    };
    let Some(v) = claim_part.value.filter(|v| v.is_finite()) else {
        return number(Verdict::NotSupported, None, scope.say("number.none", &[]));
    };
    let arm = claim_part.arm.unwrap_or(Arm::Treated);
    let want_days = claim_part.timeframe.as_deref().and_then(duration_days);
    let exact = |f: &Fit| {
        claim_part.outcome.as_deref().is_some_and(|o| {
            let o = crate::model::terms::normalize(o);
            o == crate::model::terms::normalize(&f.item.outcome.id)
                || o == crate::model::terms::normalize(&f.item.outcome.name)
        })
    };
    // A number said of an outcome the data has (by its id or name, not a vocabulary concept that
    // several outcomes measure) is checked against that outcome alone: at another time it has no
    // number to compare with, and another outcome's (serious adverse events, for all adverse
    // events) is not one.
    let concept = (claim_part.outcome.as_deref())
        .is_some_and(|o| scope.lexicon.names_term(List::Outcomes, o));
    let named = !concept && fits.iter().any(|f| !is_marketing(f.item) && exact(f));
    let mut cands: Vec<(&Fit, (f64, f64))> = fits
        .iter()
        .filter(|f| !is_marketing(f.item))
        .filter(|f| !named || exact(f))
        // The same time point, when both say.
        .filter(|f| at_time(want_days, f.item) != Some(false))
        .filter_map(|f| Some((f, comparable(f.item, arm)?)))
        .collect();
    // Exact outcome first, then the most certain; controlled before uncontrolled; pooled first.
    crate::sort::sort_by(&mut cands, |(a, _), (b, _)| {
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
    // The claimed number in the unit of the evidence it is checked against: a share as a
    // percentage ("53%"), anything else as it is; both when there is no such evidence.
    let shown = |proportion: Option<bool>| match proportion {
        Some(true) if (0.0..=1.0).contains(&v) => pct(lang, v),
        None if (0.0..=1.0).contains(&v) => {
            format!("{} ({})", super::text::num(lang, v, 3), pct(lang, v))
        }
        _ => super::text::num(lang, v, 3),
    };
    let people = match arm {
        Arm::Treated => String::new(),
        Arm::Control => scope.say("number.control", &[]),
        Arm::Both => scope.say("number.both", &[]),
    };
    let say = |key: &str, number: &str, range: &str| {
        scope.say(
            key,
            &[("number", number), ("people", &people), ("range", range)],
        )
    };
    let (verdict, certainty, summary) = match cands.first() {
        None => (
            Verdict::Unverifiable,
            None,
            say("number.nothing", &shown(None), ""),
        ),
        Some((best, iv)) => {
            let (lo, hi) = *iv;
            // A risk or a proportion (an arm's counts, a single group's rate) in per cent; a
            // one-group change in points is not one.
            let proportion = best.item.effect.is_some_and(|e| e.measure.is_single_arm())
                || matches!(best.item.outcome.data, Some(EffectData::Counts(_)));
            let number = shown(Some(proportion));
            let (lo, hi) = if proportion {
                (pct(lang, lo), pct(lang, hi))
            } else {
                (
                    super::text::effect_num(lang, lo),
                    super::text::effect_num(lang, hi),
                )
            };
            let range = scope.say(worked_out(best.item), &[("lower", &lo), ("upper", &hi)]);
            if inside(*iv) && best.item.single_arm && best.item.outcome.kind == OutcomeKind::Benefit
            {
                (
                    Verdict::NoControlledEvidence,
                    best.certainty,
                    say("number.uncontrolled", &number, &range),
                )
            } else if inside(*iv) {
                (
                    Verdict::Supported,
                    best.certainty,
                    say("number.inside", &number, &range),
                )
            } else {
                (
                    Verdict::Contradicted,
                    best.certainty,
                    say("number.outside", &number, &range),
                )
            }
        }
    };
    PartCheck {
        evidence: ev,
        ..number(verdict, certainty, summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A claim supported by one part and in part by another holds as firmly as the less
    /// certain of the two; against a claim, the most certain evidence decides.
    #[test]
    fn the_overall_verdict_rests_on_the_least_certain_support() {
        let p = |v, c| part(v, Some(c), String::new());
        let (high, low) = (Certainty::High, Certainty::Low);
        let parts = [
            p(Verdict::Supported, high),
            p(Verdict::SupportedInPart, low),
        ];
        assert_eq!(overall(&parts), (Verdict::SupportedInPart, Some(1)));
        let parts = [
            p(Verdict::SupportedInPart, low),
            p(Verdict::Supported, high),
        ];
        assert_eq!(overall(&parts), (Verdict::SupportedInPart, Some(0)));
        let parts = [
            p(Verdict::Contradicted, low),
            p(Verdict::Contradicted, high),
        ];
        assert_eq!(overall(&parts), (Verdict::Contradicted, Some(1)));
    }

    /// A number that cannot be checked weighs least: beside anything else, the other decides.
    #[test]
    fn a_number_that_cannot_be_checked_weighs_least() {
        let p = |v, c| part(v, c, String::new());
        let unverifiable = p(Verdict::Unverifiable, None);
        let low = Some(Certainty::Low);
        for (other, overall_verdict) in [
            (Verdict::Supported, Verdict::SupportedInPart),
            (Verdict::NotSupported, Verdict::NotSupported),
            (Verdict::NoControlledEvidence, Verdict::NoControlledEvidence),
            (Verdict::Contradicted, Verdict::Contradicted),
        ] {
            let parts = [unverifiable.clone(), p(other, low)];
            assert_eq!(overall(&parts), (overall_verdict, Some(1)), "{other:?}");
        }
        let parts = [unverifiable.clone(), unverifiable];
        assert_eq!(overall(&parts).0, Verdict::Unverifiable);
    }

    #[test]
    fn support_is_what_the_verdict_rules_let_a_supported_verdict_rest_on() {
        let evidence = |role, certainty| ClaimEvidence {
            studies: vec!["s".into()],
            outcome: "o".into(),
            pooled: false,
            body: None,
            certainty,
            role,
            indirectness: Vec::new(),
            sentence: String::new(),
        };
        // A benefit needs at least low certainty; harms data and a matching number need none.
        assert!(!evidence(EvidenceRole::Benefit, Some(Certainty::VeryLow)).can_support());
        assert!(evidence(EvidenceRole::Benefit, Some(Certainty::Low)).can_support());
        assert!(evidence(EvidenceRole::Matches, Some(Certainty::VeryLow)).can_support());
        assert!(evidence(EvidenceRole::NoSeriousHarm, None).can_support());
        assert!(!evidence(EvidenceRole::Uncontrolled, Some(Certainty::High)).can_support());
        assert!(!evidence(EvidenceRole::NoBenefit, Some(Certainty::High)).can_support());
    }

    #[test]
    fn durations_take_the_singular_where_each_language_does() {
        let year = 365.25;
        for (lang, days, said) in [
            (Lang::En, year, "1 year"),
            (Lang::En, 1.5 * year, "1.5 years"),
            (Lang::En, 30.44, "1 month"),
            (Lang::En, 6.0 * 30.44, "6 months"),
            (Lang::Es, year, "1 año"),
            (Lang::Es, 1.5 * year, "1,5 años"),
            (Lang::Es, 30.44, "1 mes"),
            (Lang::Fr, 1.5 * year, "1,5 an"),
            (Lang::Fr, 2.0 * year, "2 ans"),
        ] {
            assert_eq!(describe_days(lang, days), said, "{lang:?} {days}");
        }
    }
}
