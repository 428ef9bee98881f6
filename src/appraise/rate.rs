//! The GRADE rules: the starting level from the design and each domain's step, for one study's
//! outcome. The pooled body ([`super::pool`]) reuses the same rules.
//!
//! References are to the GRADE Handbook (Schünemann, Brożek, Guyatt, Oxman, eds., 2013), chapter 5
//! "Quality of evidence", and to the GRADE guidelines series in the Journal of Clinical
//! Epidemiology (GRADE 4 risk of bias, 5 publication bias, 6 imprecision, 7 inconsistency,
//! 8 indirectness, 9 rating up).

use crate::model::{
    BiasJudgement, Blinding, Design, EffectData, Judgement, Measure, Outcome, SourceKind, Study,
    Text,
};
use crate::stats::effect::Effect;

use super::certainty::{Domain, Rating};
use super::matching::{Lexicon, List, MainCondition, Relation};
use super::text::{
    effect_num, lower_first, measure_words, name_in_sentence, Direction, Importance,
};
use super::AppraiseOptions;
use crate::i18n::{and_list, t, tn, Lang};
use crate::model::terms::{contains_words, normalize};

/// An effect in words: "hazard ratio 0.07 (95% CI 0.02 to 0.24)".
pub fn describe_effect(lang: Lang, e: &Effect) -> String {
    tn(
        lang,
        "effect.describe",
        &[
            ("measure", measure_words(lang, e.measure)),
            ("estimate", &effect_num(lang, e.estimate)),
            ("lower", &effect_num(lang, e.ci_lb)),
            ("upper", &effect_num(lang, e.ci_ub)),
        ],
    )
}

/// When an effect matters to patients, on the natural scale, `(below, above)`: effects beyond
/// `important` are important; `appreciable` are GRADE's default bounds of an appreciable benefit
/// or harm, for the imprecision rule and for outcomes without an importance of their own.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// `None` when unknown (mean and risk differences without a minimal important difference)
    /// or when any real change matters (an outcome the vocabulary calls serious, such as death).
    pub important: Option<(f64, f64)>,
    pub appreciable: Option<(f64, f64)>,
}

/// The [`Thresholds`] of an outcome. Ratios: a relative change of `ratio_threshold` (GRADE's
/// default of 25%: 0.75 and 1.25); SMD: `smd_threshold`; a minimal important difference per
/// outcome id in [`AppraiseOptions::mids`] overrides both (for ratios as a relative change, 0.25).
/// For an outcome the vocabulary calls serious (death), no default makes an effect important: any
/// real change matters (see [`importance`]); the defaults still say what is appreciable.
pub fn thresholds(
    measure: Measure,
    outcome_id: &str,
    serious: bool,
    options: &AppraiseOptions,
) -> Thresholds {
    let mid = options
        .mids
        .get(outcome_id)
        .copied()
        .filter(|m| m.is_finite() && *m > 0.0)
        .map(|m| {
            if measure.is_ratio() {
                (m < 1.0).then_some((1.0 - m, 1.0 + m))
            } else {
                Some((-m, m))
            }
        });
    let default = if measure.is_ratio() {
        let r = options.ratio_threshold;
        (r.is_finite() && r > 0.0 && r < 1.0).then_some((1.0 - r, 1.0 + r))
    } else if measure == Measure::Smd {
        let t = options.smd_threshold;
        (t.is_finite() && t > 0.0).then_some((-t, t))
    } else {
        None
    };
    let appreciable = mid.unwrap_or(default);
    Thresholds {
        important: match mid {
            Some(mid) => mid,
            None if serious => None,
            None => default,
        },
        appreciable,
    }
}

/// What the effect shows for the statement: an important effect (and its direction) or little or
/// none. With thresholds of importance, the point estimate decides (Santesso 2020: the statement
/// reflects the size of the point estimate; certainty carries the uncertainty). Without them, an
/// effect counts as important when its interval excludes no effect, or when its point estimate is
/// appreciable: a death ratio of 1.5 (0.88 to 2.55) is an increase told with low certainty, not
/// "little or no difference".
pub fn importance(e: &Effect, th: Thresholds) -> Importance {
    let dir = if e.estimate < e.null() {
        Direction::Reduces
    } else {
        Direction::Increases
    };
    let beyond = |(lo, hi): (f64, f64)| e.estimate < lo || e.estimate > hi;
    let important = match th.important {
        Some(bounds) => beyond(bounds),
        None => (!e.crosses_null() && e.estimate != e.null()) || th.appreciable.is_some_and(beyond),
    };
    if important {
        Importance::Important(dir)
    } else {
        Importance::LittleOrNone
    }
}

/// Total participants behind an outcome's numbers.
pub fn participants(study: &Study, data: &EffectData) -> Option<u64> {
    let n = match data {
        EffectData::Counts(c) => Some(c.n1().saturating_add(c.n2())),
        EffectData::Means(m) => Some(m.n1i.saturating_add(m.n2i)),
        EffectData::Proportion(p) => p.ni.or(study.n.map(u64::from)),
        _ => study.n.map(u64::from),
    };
    // Counts that pool treatment periods count some people more than once: at most the study's
    // number of people took part (fewer when the result is of a subgroup or of some arms).
    match (n, study.n) {
        (Some(n), Some(people)) if pooled_cycle_caveat(study).is_some() => {
            Some(n.min(u64::from(people)))
        }
        _ => n,
    }
}

/// Who had a binary comparison's outcome and who did not, when counts are given.
pub fn events(data: &EffectData) -> Option<Events> {
    match data {
        EffectData::Counts(c) => {
            let had = c.ai.saturating_add(c.ci);
            let n = c.n1().saturating_add(c.n2());
            Some(Events {
                had,
                not: n.saturating_sub(had),
            })
        }
        _ => None,
    }
}

/// The people of a binary outcome with counts, in both groups together: how many had it and how
/// many did not. The optimal information size counts the rarer of the two.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Events {
    pub had: u64,
    pub not: u64,
}

/// The people of several studies together.
impl std::ops::Add for Events {
    type Output = Events;
    fn add(self, other: Events) -> Events {
        Events {
            had: self.had.saturating_add(other.had),
            not: self.not.saturating_add(other.not),
        }
    }
}

/// Whether a systematic review pooled single-arm studies, randomised trials, or does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewPooled {
    SingleArm,
    Randomised,
    NonRandomised,
    Unknown,
}

/// What a systematic review pooled, from its moderators (`pooled_design`, `included_designs`),
/// caveats, population and label.
pub fn review_pooled(study: &Study, outcome: Option<&Outcome>) -> ReviewPooled {
    for key in ["pooled_design", "included_designs", "pooled_designs"] {
        if let Some(v) = study.moderators.get(key) {
            if let Some(d) = Design::from_name(v.trim()) {
                return match d {
                    Design::Rct | Design::CrossoverRct => ReviewPooled::Randomised,
                    Design::SingleArm | Design::CaseSeries => ReviewPooled::SingleArm,
                    _ => ReviewPooled::NonRandomised,
                };
            }
        }
    }
    if outcome
        .and_then(|o| o.data.as_ref())
        .is_some_and(|d| d.is_single_arm())
    {
        return ReviewPooled::SingleArm;
    }
    let mut text = study
        .caveats
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    for s in [
        study.population.as_deref(),
        Some(study.label.as_str()),
        study.comparator.as_deref(),
        outcome.and_then(|o| o.note.as_deref()),
    ]
    .into_iter()
    .flatten()
    {
        text.push(' ');
        text.push_str(s);
    }
    let n = normalize(&text);
    if n.contains("single arm")
        || n.contains("uncontrolled")
        || n.contains("no control")
        || n.contains("without control")
    {
        ReviewPooled::SingleArm
    } else if contains_words(&n, "rct")
        || contains_words(&n, "rcts")
        || n.contains("randomised")
        || n.contains("randomized")
    {
        ReviewPooled::Randomised
    } else if n.contains("observational") || n.contains("cohort") {
        ReviewPooled::NonRandomised
    } else {
        ReviewPooled::Unknown
    }
}

/// Design in words for sentences.
pub fn design_words(lang: Lang, d: Design) -> &'static str {
    t(lang, &format!("design_words.{}", d.as_str()))
}

/// Whether the numbers of an outcome describe one group only (no comparison).
pub fn is_single_arm(study: &Study, outcome: &Outcome) -> bool {
    let data_single = outcome.data.as_ref().is_some_and(|d| d.is_single_arm());
    data_single || without_comparison(study, outcome)
}

/// Whether a study had no comparison group by its design, so that all its people had the
/// treatment: a single-arm study or case series, or a review of such studies (for this outcome).
pub fn without_comparison(study: &Study, outcome: &Outcome) -> bool {
    study.design.is_uncontrolled()
        || (study.design == Design::SystematicReview
            && review_pooled(study, Some(outcome)) == ReviewPooled::SingleArm)
}

/// **Design (starting level).** GRADE Handbook 5.1: "randomized trials start as high-quality
/// evidence, observational studies as low-quality". Evidence with no comparison group at all
/// (single-arm studies, case series, before-after numbers) cannot estimate an effect and starts at
/// very low (GRADE treats case series and reports as very low; Handbook 5.1, table 5.1). A
/// systematic review inherits the starting level of the studies it pooled (GRADE rates the body of
/// evidence, not the review).
pub fn rate_design(r: &mut Rating, study: &Study, outcome: &Outcome) {
    // Made only for the sentences that name it: most ratings need none.
    let lang = r.lang;
    let x = || name_in_sentence(lang, &study.intervention.therapy);
    let data_single = outcome.data.as_ref().is_some_and(|d| d.is_single_arm());
    match study.design {
        Design::SingleArm | Design::CaseSeries => {
            let text = r.words(|r| {
                let design = super::text::upper_first(design_words(r.lang, study.design));
                r.say(
                    "reason.no_comparison",
                    &[("design", &design), ("therapy", &x())],
                )
            });
            r.push(Domain::Design, -3, text)
        }
        Design::SystematicReview => match review_pooled(study, Some(outcome)) {
            ReviewPooled::SingleArm => {
                let text = r.say("reason.review_single_arm", &[]);
                r.push(Domain::Design, -3, text)
            }
            ReviewPooled::Randomised if !data_single => {}
            ReviewPooled::NonRandomised if !data_single => {
                let text = r.say("reason.review_observational", &[]);
                r.push(Domain::Design, -2, text)
            }
            _ if data_single => {
                let text = r.say("reason.review_one_group", &[]);
                r.push(Domain::Design, -3, text)
            }
            _ => {
                let text = r.say("reason.review_unclear", &[]);
                r.push(Domain::Design, -2, text)
            }
        },
        _ if data_single => {
            let text = r.words(|r| r.say("reason.one_group", &[("therapy", &x())]));
            r.push(Domain::Design, -3, text)
        }
        Design::Rct | Design::CrossoverRct => {}
        Design::Unknown => {
            let text = r.say("reason.design_unknown", &[]);
            r.push(Domain::Design, -2, text)
        }
        Design::NonRandomisedControlled | Design::Cohort => {
            let text = r.words(|r| {
                let design = design_words(r.lang, study.design);
                r.say(
                    "reason.observational",
                    &[("design", design), ("therapy", &x())],
                )
            });
            r.push(Domain::Design, -2, text)
        }
    }
}

/// The caveat that says the counts pool treatment cycles or periods of the same people, if one
/// does.
pub fn pooled_cycle_caveat(study: &Study) -> Option<&Text> {
    study.caveats.iter().find(|c| {
        let n = normalize(c.as_str());
        n.contains("cycle")
            || (n.contains("pool") && (n.contains("period") || n.contains("both arms")))
            || n.contains("not independent")
    })
}

/// Whether a crossover study's caveats (or its `analysis` moderator) say the comparison uses only
/// the first period, between the randomised groups, so that carry-over cannot affect it.
pub fn first_period_only(study: &Study) -> bool {
    if study
        .moderators
        .get("analysis")
        .is_some_and(|v| normalize(v).contains("first period"))
    {
        return true;
    }
    study.caveats.iter().any(|c| {
        let n = normalize(c);
        n.contains("first period")
            || n.contains("before the crossover")
            || n.contains("before crossover")
            || n.contains("between the randomised groups")
            || n.contains("between the randomized groups")
    })
}

/// **Risk of bias.** GRADE Handbook 5.2.1 and GRADE guidelines 4: rate down one level for serious
/// and two for very serious limitations. Concerns counted here, one level each (two at most in
/// total):
/// * no blinding (open-label) or single (participant-only) blinding, for outcomes that are not
///   objective: assessors who know the allocation can bias judgements such as disability scores
///   (death is objective and is not rated down for this);
/// * a crossover design: carry-over and period effects in a fluctuating, progressive disease
///   (not when the comparison uses only the first period, between the randomised groups). Counts
///   that pool a crossover's periods as if they were people are not a bias but a unit-of-analysis
///   error, which makes the interval too narrow: [`rate_unit_of_analysis`] counts it, once, under
///   imprecision;
/// * results not from a peer-reviewed paper: a registry record or a news summary is one concern;
///   marketing by someone selling the treatment is two (very serious: selective reporting);
/// * a systematic review's judgements of high risk of bias (an imported Cochrane review's table):
///   its blinding domains (performance and detection bias) are one concern, the same flaw as the
///   open-label one above when that was counted (one flaw is counted once: then it is said, not
///   counted again), and not a concern for objective outcomes, as above; its other domains
///   (allocation, attrition, reporting…) are one more. Unclear risk is said, not counted (GRADE
///   guidelines 4 leave it to judgement).
pub fn rate_risk_of_bias(
    r: &mut Rating,
    study: &Study,
    outcome: &Outcome,
    comparative: bool,
    lexicon: &Lexicon,
) {
    let lang = r.lang;
    let x = || name_in_sentence(lang, &study.intervention.therapy);
    let unblinded_assessors = matches!(study.blinding, Some(Blinding::Open | Blinding::Single));
    let objective = lexicon.is_objective(outcome);
    let open_label_counted = comparative && unblinded_assessors && !objective;
    if open_label_counted {
        let key = if study.blinding == Some(Blinding::Open) {
            "reason.open_label"
        } else {
            "reason.participants_blinded"
        };
        let text = r.words(|r| {
            let name = lower_first(outcome.name.get(r.lang.as_str()));
            r.say(key, &[("outcome", &name), ("therapy", &x())])
        });
        r.push(Domain::RiskOfBias, -1, text);
    }
    if comparative && study.design == Design::CrossoverRct {
        // Counts that pool the periods contradict a first-period comparison: the carry-over
        // stays a concern.
        if first_period_only(study) && pooled_cycle_caveat(study).is_none() {
            let text = r.say("reason.first_period", &[]);
            r.note(Domain::RiskOfBias, text);
        } else {
            let text = r.words(|r| r.say("reason.crossover", &[("therapy", &x())]));
            r.push(Domain::RiskOfBias, -1, text);
        }
    }
    let source = match study.source_kind {
        SourceKind::Paper => None,
        SourceKind::Registry => Some((-1, "reason.registry")),
        SourceKind::News => Some((-1, "reason.news")),
        SourceKind::Marketing => Some((-2, "reason.marketing")),
    };
    if let Some((change, key)) = source {
        let text = r.say(key, &[]);
        r.push(Domain::RiskOfBias, change, text);
    }
    // The review's judgements; a blinding domain says nothing about an objective outcome.
    let lang = r.lang;
    let judged = |j: Judgement, blinding: bool| -> Vec<String> {
        study
            .risk_of_bias
            .iter()
            .filter(|b| b.judgement == j && is_blinding(b) == blinding && !(blinding && objective))
            .map(|b| lower_first(b.domain.get(lang.as_str())))
            .collect()
    };
    let other = judged(Judgement::High, false);
    if !other.is_empty() {
        let domains = and_list(r.lang, &other);
        let text = r.say("reason.rob_high", &[("domains", &domains)]);
        r.push(Domain::RiskOfBias, -1, text);
    }
    let blinding = judged(Judgement::High, true);
    if !blinding.is_empty() {
        let domains = and_list(r.lang, &blinding);
        if open_label_counted {
            let text = r.say("reason.rob_high_counted", &[("domains", &domains)]);
            r.note(Domain::RiskOfBias, text);
        } else {
            let text = r.say("reason.rob_high", &[("domains", &domains)]);
            r.push(Domain::RiskOfBias, -1, text);
        }
    }
    let unclear: Vec<String> = [false, true]
        .into_iter()
        .flat_map(|blinding| judged(Judgement::Unclear, blinding))
        .collect();
    if other.is_empty() && blinding.is_empty() && !unclear.is_empty() {
        let domains = and_list(r.lang, &unclear);
        let text = r.say("reason.rob_unclear", &[("domains", &domains)]);
        r.note(Domain::RiskOfBias, text);
    }
}

/// Whether a review's risk-of-bias domain is about blinding (the Cochrane tool's performance and
/// detection bias: "Blinding of participants and personnel", "Blinding of outcome assessment"),
/// which is the flaw an open-label design already names. RevMan writes the domains in English.
fn is_blinding(b: &BiasJudgement) -> bool {
    let name = b.domain.get("en").to_ascii_lowercase();
    name.contains("blind") || name.contains("mask")
}

/// **Imprecision.** GRADE Handbook 5.2.2 and GRADE guidelines 6: rate down when the 95%
/// confidence interval includes both no effect and an important effect, and when the total
/// information is below the optimal information size even if the interval looks fine.
/// * the interval includes no effect (and is not entirely within the range of unimportant effects,
///   which would be a precise "little or no difference"): one level;
/// * the interval includes both an appreciable benefit and an appreciable harm (crosses both
///   of [`Thresholds::appreciable`], for death as for any outcome): two levels, in one reason
///   (it includes no effect too);
/// * very little information, fewer than 100 participants in total or, for a binary outcome with
///   counts, fewer than 30 people with the rarer result: one more level;
/// * an interval that is not rated down but rests on fewer people than the optimal information
///   size ([`optimal_information_size`]): one level. GRADE guidelines 6 (Guyatt 2011): precision
///   is adequate when the interval excludes no effect *and* the number of patients exceeds the
///   OIS; with a large effect from a small sample, "consider rating down" (and GRADE guidance 34,
///   Zeng 2022, applies the OIS exactly when the interval crosses no threshold). It is one flaw
///   with the two above, counted once.
///
/// At most two levels in total. `control` is the comparison group's risk (for a risk's OIS).
pub fn rate_imprecision(
    r: &mut Rating,
    e: &Effect,
    th: Thresholds,
    n: Option<u64>,
    ev: Option<Events>,
    control: Option<f64>,
) {
    let within = th
        .important
        .is_some_and(|(lo, hi)| e.ci_lb >= lo && e.ci_ub <= hi);
    let lang = r.lang;
    // The interval's bounds (and the measure) as the reasons write them.
    let say_range = |r: &Rating, key: &str, with_measure: bool| {
        r.words(|r| {
            let (lower, upper) = (effect_num(lang, e.ci_lb), effect_num(lang, e.ci_ub));
            let mut args = vec![("lower", lower.as_str()), ("upper", upper.as_str())];
            if with_measure {
                args.push(("measure", measure_words(lang, e.measure)));
            }
            r.say(key, &args)
        })
    };
    // An appreciable benefit and an appreciable harm: for death as for any outcome. Such an
    // interval includes no effect too: one flaw, said once, two levels.
    let both_ways = th
        .appreciable
        .is_some_and(|(lo, hi)| e.ci_lb < lo && e.ci_ub > hi);
    let wide = both_ways || (e.crosses_null() && !within);
    if both_ways {
        let text = say_range(r, "reason.both_ways", true);
        r.push(Domain::Imprecision, -2, text);
    } else if wide {
        let text = say_range(r, "reason.crosses_null", true);
        r.push(Domain::Imprecision, -1, text);
    }
    let few_people = n.filter(|&n| n < 100);
    // The rarer result, and which it is: "only 7 people had a serious adverse event", or "only
    // 5 did not recover".
    let rarer = ev.map(|e| match e.had <= e.not {
        true => (e.had, "reason.few_events"),
        false => (e.not, "reason.few_non_events"),
    });
    let small = match (few_people, rarer.filter(|(e, _)| *e < 30)) {
        (Some(n), _) => Some(r.say("reason.few_people", &[("n", &crate::i18n::int(lang, n))])),
        (None, Some((e, key))) => {
            let key = format!("{key}.{}", crate::i18n::plural_form(lang, e as f64));
            Some(r.say(&key, &[("n", &crate::i18n::int(lang, e))]))
        }
        _ => None,
    };
    if let Some(text) = small {
        r.push(Domain::Imprecision, -1, text);
    } else if !wide {
        // The important ratio's relative change (a minimal important difference on another
        // measure is not one).
        let relative = (th.appreciable)
            .filter(|_| e.measure.is_ratio())
            .map_or(0.25, |(lo, _)| 1.0 - lo);
        let ois = optimal_information_size(e.measure, control, relative);
        if let (Some(n), Some(ois)) = (n, ois.filter(|ois| n.is_some_and(|n| n < ois.people))) {
            let (people, at) = (
                crate::i18n::int(lang, n),
                crate::i18n::int(lang, ois.people),
            );
            let text = match ois.basis {
                OisBasis::Risk => {
                    let change =
                        crate::i18n::pct_number(lang, &crate::i18n::num(lang, 100.0 * relative, 0));
                    r.say(
                        "reason.below_ois.risk",
                        &[("n", &people), ("ois", &at), ("change", &change)],
                    )
                }
                OisBasis::Mean => r.say("reason.below_ois.mean", &[("n", &people), ("ois", &at)]),
            };
            r.push(Domain::Imprecision, -1, text);
        }
    }
}

/// The optimal information size: how many people one adequately powered trial would need, below
/// which an interval that looks precise still rests on too little information (GRADE guidelines 6;
/// GRADE Handbook 5.2.2: "a conventional sample size calculation for a single adequately powered
/// trial", α 0.05 two-sided, power 80%).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ois {
    pub people: u64,
    pub basis: OisBasis,
}

/// What an [`Ois`] is worked out from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OisBasis {
    /// A risk: the people needed to detect a `relative` reduction from the comparison group's risk
    /// (GRADE suggests 20% to 30%; the appraisal uses its important ratio, 25% by default).
    Risk,
    /// A mean: GRADE's rule of thumb of 400 people (Murad 2017, BMJ EBM 22:85, table 1: "a
    /// threshold of 400 or less is concerning for imprecision").
    Mean,
}

/// The [`Ois`] for a measure: risks (RR, OR, RD, HR) from the comparison group's risk `control`,
/// means (MD, SMD) by the rule of thumb; `None` for other measures or without a usable risk.
pub fn optimal_information_size(
    measure: Measure,
    control: Option<f64>,
    relative: f64,
) -> Option<Ois> {
    // (z₀.₉₇₅ + z₀.₈₀)²: α 0.05 two-sided, power 80%.
    const Z2: f64 = (1.959_963_984_540_054 + 0.841_621_233_572_914_3)
        * (1.959_963_984_540_054 + 0.841_621_233_572_914_3);
    if matches!(measure, Measure::Md | Measure::Smd) {
        return Some(Ois {
            people: 400,
            basis: OisBasis::Mean,
        });
    }
    if !(measure.is_risk() && relative > 0.0 && relative < 1.0) {
        return None;
    }
    let p1 = control.filter(|p| *p > 0.0 && *p < 1.0)?;
    let p2 = p1 * (1.0 - relative);
    let per_group = Z2 * (p1 * (1.0 - p1) + p2 * (1.0 - p2)) / ((p1 - p2) * (p1 - p2));
    Some(Ois {
        people: (per_group.ceil() as u64).saturating_mul(2),
        basis: OisBasis::Risk,
    })
}

/// **Imprecision from the unit of analysis.** Counts that pool treatment periods of the same
/// people treat them as independent, so the interval is narrower than the evidence allows: one
/// level, on top of [`rate_imprecision`]'s judgement of that interval, quoting the caveat that
/// says so. (A crossover's carry-over is a risk-of-bias concern, counted there.)
pub fn rate_unit_of_analysis(r: &mut Rating, study: &Study) {
    if let Some(caveat) = pooled_cycle_caveat(study) {
        let quote = caveat.get(r.lang.as_str()).trim().trim_end_matches('.');
        let text = r.say("reason.periods_interval", &[("caveat", quote)]);
        r.push(Domain::Imprecision, -1, text);
    }
}

/// **Indirectness.** GRADE Handbook 5.2.4 and GRADE guidelines 8: rate down when the evidence is
/// about a different population or a surrogate rather than a patient-important outcome.
/// * a surrogate that the vocabulary says stands in for another outcome (e.g. a scan for how
///   people fare): one level, naming what it stands in for. An outcome only flagged `surrogate`
///   is noted without a change: what it stands in for is not known, so neither is the question
///   it would answer indirectly;
/// * people with another condition than the question's:
///   two levels; a population that includes other conditions as well: one level.
pub fn rate_indirectness(r: &mut Rating, study: &Study, outcome: &Outcome, main: &MainCondition) {
    let main_condition = main.name;
    let lang = r.lang;
    // The words are made only for a reason that is given (most outcomes have none).
    let name = || super::text::upper_first(outcome.name.get(lang.as_str()));
    if let Some(target) = main.lexicon.stands_for(outcome) {
        let text = r.say(
            "reason.surrogate",
            &[
                ("outcome", &name()),
                ("target", target.name.get(lang.as_str())),
            ],
        );
        r.push(Domain::Indirectness, -1, text);
    } else if outcome.surrogate {
        let text = r.say("reason.surrogate_unknown", &[("outcome", &name())]);
        r.note(Domain::Indirectness, text);
    }
    if main_condition.trim().is_empty() {
        return;
    }
    // The outcome's own people where its subgroup names them ("MS" in a trial of MS and ALS).
    let people = main.lexicon.people(study, outcome);
    let (key, levels) = match main.fit(people) {
        Relation::Same | Relation::Narrower => return,
        Relation::Broader => ("reason.mixed_population", -1),
        Relation::Unrelated => ("reason.other_condition", -2),
    };
    let text = r.words(|r| {
        let name_of = |c: &str| lower_first(&main.lexicon.display_in(List::Conditions, c, lang));
        let (study_condition, question) = (name_of(people), name_of(main_condition));
        r.say(
            key,
            &[
                ("condition", study_condition.as_str()),
                ("question", question.as_str()),
            ],
        )
    });
    r.push(Domain::Indirectness, levels, text);
}

/// **Publication bias (single study or review).** GRADE Handbook 5.2.5 and GRADE guidelines 5:
/// suspect publication bias where the source's authors found or suspect small-study effects
/// ([`Study::publication_bias`]), or where the evidence consists of small studies, especially
/// small uncontrolled series, which are published more readily when their results look good.
/// One level at most: both are one concern.
pub fn rate_publication_bias_review(r: &mut Rating, study: &Study, outcome: &Outcome) {
    let said = study
        .publication_bias
        .as_ref()
        .filter(|p| p.judgement == Judgement::High);
    let text = if let Some(p) = said {
        match &p.support {
            Some(words) => {
                let words = words.get(r.lang.as_str()).trim().to_string();
                r.say("reason.publication_bias_said", &[("words", &words)])
            }
            None => r.say("reason.publication_bias", &[]),
        }
    } else if study.design == Design::SystematicReview
        && review_pooled(study, Some(outcome)) == ReviewPooled::SingleArm
    {
        r.say("reason.small_series", &[])
    } else {
        return;
    };
    r.push(Domain::PublicationBias, -1, text);
}

/// **Large effect (rating up).** GRADE Handbook 5.3.1 and GRADE guidelines 9: observational
/// evidence may be rated up one level for a large effect (ratio below 0.5 or above 2) and two
/// levels for a very large effect (below 0.2 or above 5) when the interval excludes no effect and
/// there is no serious risk of bias, because bias alone is then unlikely to explain it. Randomised
/// evidence starts at high and is not rated up; a large effect is then mentioned without a change.
pub fn rate_large_effect(r: &mut Rating, e: &Effect) {
    let randomised_start = r.start() == super::certainty::Certainty::High;
    if !e.measure.is_ratio() || e.crosses_null() {
        return;
    }
    let x = e.estimate;
    let very = !(0.2..=5.0).contains(&x);
    let large = very || !(0.5..=2.0).contains(&x);
    if !large {
        return;
    }
    let lang = r.lang;
    let size = t(
        lang,
        if very {
            "reason.very_large_effect"
        } else {
            "reason.large_effect"
        },
    );
    let measure = measure_words(lang, e.measure);
    let estimate = effect_num(lang, x);
    let what = [
        ("size", size),
        ("measure", measure),
        ("estimate", &estimate),
    ];
    let rob = r.domain_total(Domain::RiskOfBias) < 0;
    if randomised_start && rob {
        let text = r.say("reason.large_not_up_rob_rct", &what);
        r.note(Domain::LargeEffect, text);
    } else if randomised_start {
        let text = r.say("reason.large_not_up_rct", &what);
        r.note(Domain::LargeEffect, text);
    } else if rob {
        let text = r.say("reason.large_not_up_rob", &what);
        r.note(Domain::LargeEffect, text);
    } else {
        let text = r.say("reason.large_up", &what);
        r.push(Domain::LargeEffect, if very { 2 } else { 1 }, text);
    }
}
