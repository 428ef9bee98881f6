//! Pooled bodies of evidence: studies reporting the same outcome (same id or name) with the same
//! measure are pooled with a random-effects model (REML by default; results imported from a review
//! with the review's own method, so that a reader sees the result the review reports) when that
//! is valid, and the body is rated with the same GRADE rules plus inconsistency and publication
//! bias. When pooling is not valid the body is listed with the reason and no numbers.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::fmt;

use serde::Serialize;

use crate::i18n::{self, t, tn, Lang};

use crate::model::terms::is_blank;
use crate::model::{Dataset, Design, Measure, Outcome, SourceKind, Study};
use crate::stats::bias::regtest;
use crate::stats::dist::qnorm_upper;
use crate::stats::effect::{effect_of, Effect};
use crate::stats::revman::{self, Redone, RevmanOptions, RevmanStudy, StudyData};
use crate::stats::{fit, Method, NaturalScale, RmaFit, RmaOptions, StatsError, Test};

use super::absolute::{self, Absolute, Assumed, BaselineSource};
use super::certainty::{Certainty, Domain, Rating, Reason};
use super::matching::{Lexicon, List, MainCondition, NormalizedKeys, Relation};
use super::rate;
use super::text::{self, num, Subject};
use super::{control_risk, AppraiseOptions, Item};

/// Why a set of studies was not pooled.
#[derive(Debug, Clone, PartialEq)]
pub enum PoolRefusal {
    /// Two outcomes of one study: subgroups or repeated reports of the same people.
    SameStudyTwice(String),
    /// Two entries report the same trial (same DOI or registry number).
    SameTrial(String, String),
    /// A study's numbers come from marketing material.
    Marketing(String),
    /// None of the studies had a comparison group.
    AllSingleArm,
    /// Single-arm numbers mixed with comparisons.
    MixedSingleArm(Vec<String>),
    /// Different effect measures.
    MixedMeasures(Vec<Measure>),
    /// A systematic review together with primary studies (or other reviews) it may already
    /// include.
    ReviewWithPrimary(String),
    /// Studies of different treatments: a pooled number would describe none of them.
    MixedTherapies(Vec<String>),
    /// A study's counts are not independent people (e.g. pooled treatment cycles).
    NotIndependent { study: String, caveat: String },
    /// Randomised and non-randomised evidence are rated separately (GRADE).
    MixedDesigns,
    /// A study's effect could not be computed.
    Effect { study: String, error: StatsError },
    /// The model could not be fitted.
    Fit(StatsError),
}

/// The reason in English, as the catalogue words it for readers (one text for both).
impl fmt::Display for PoolRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}

impl std::error::Error for PoolRefusal {}

impl PoolRefusal {
    /// Why the studies were not pooled, in `lang` (for readers; `Display` is for the CLI).
    pub fn words(&self, lang: Lang) -> String {
        let say = |key: &str, args: &[(&str, &str)]| tn(lang, key, args);
        match self {
            PoolRefusal::SameStudyTwice(s) => say("refusal.same_study", &[("study", s)]),
            PoolRefusal::SameTrial(a, b) => say("refusal.same_trial", &[("a", a), ("b", b)]),
            PoolRefusal::Marketing(s) => say("refusal.marketing", &[("study", s)]),
            PoolRefusal::AllSingleArm => say("refusal.all_single_arm", &[]),
            PoolRefusal::MixedSingleArm(ids) => {
                say("refusal.mixed_single_arm", &[("studies", &ids.join(", "))])
            }
            PoolRefusal::MixedMeasures(ms) => {
                let list: Vec<&str> = ms.iter().map(|m| m.as_str()).collect();
                say("refusal.mixed_measures", &[("measures", &list.join(", "))])
            }
            PoolRefusal::ReviewWithPrimary(s) => say("refusal.review", &[("study", s)]),
            PoolRefusal::MixedTherapies(ts) => say(
                "refusal.mixed_therapies",
                &[("therapies", &crate::i18n::and_list(lang, ts))],
            ),
            PoolRefusal::NotIndependent { study, caveat } => say(
                "refusal.not_independent",
                &[
                    ("study", study),
                    ("caveat", caveat.trim().trim_end_matches('.')),
                ],
            ),
            PoolRefusal::MixedDesigns => say("refusal.mixed_designs", &[]),
            PoolRefusal::Effect { study, error } => say(
                "refusal.effect",
                &[("study", study), ("why", &error.to_string())],
            ),
            PoolRefusal::Fit(e) => say("refusal.fit", &[("why", &e.to_string())]),
        }
    }
}

/// The pooled estimate on the natural scale (ratios exponentiated), with heterogeneity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PooledEffect {
    pub measure: Measure,
    pub method: String,
    #[serde(flatten)]
    pub natural: NaturalScale,
    pub pval: Option<f64>,
    pub tau2: Option<f64>,
    #[serde(rename = "I2")]
    pub i2: Option<f64>,
    #[serde(rename = "Q_pval")]
    pub q_pval: Option<f64>,
    /// Egger's test p value (k >= 10 only).
    pub egger_pval: Option<f64>,
    /// Study weights in percent, in the order of `studies`.
    pub weights: Vec<Option<f64>>,
}

/// A body of evidence: one outcome across studies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PooledAppraisal {
    /// Outcome id (of the first study).
    pub outcome: String,
    pub name: String,
    /// The treatment whose studies these are (each treatment's are pooled on their own), as the
    /// vocabulary names it in the reader's language, or as the first of them names it.
    pub therapy: String,
    /// What tells this body from the others: its outcome id, after it a `/` and its treatment
    /// ([`Lexicon::treatment_key`]) where another body has the same outcome id, and `#n` where
    /// that still repeats.
    pub id: String,
    pub measure: Option<Measure>,
    pub studies: Vec<String>,
    pub k: usize,
    pub certainty: Option<Certainty>,
    pub reasons: Vec<Reason>,
    pub statement: String,
    pub effect: Option<PooledEffect>,
    pub absolute: Option<Absolute>,
    /// Why the studies were not pooled (then there are no numbers and no rating).
    pub refused: Option<String>,
    /// Why something else is missing (e.g. no baseline risk for absolute numbers).
    pub note: Option<String>,
    /// The fit behind the numbers, for the views that draw it (the forest's diamond, the
    /// funnel): one place decides what pools and fits it once.
    #[serde(skip)]
    pub fit: Option<PoolFit>,
    /// For an outcome imported from a review and pooled with the review's own method (all of
    /// its results, no method chosen by the reader): whether that reproduces the result the
    /// review reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewCheck>,
}

/// Whether redoing an imported review's analysis reproduces its published result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewCheck {
    pub matches: bool,
    /// In words, with both results when they differ.
    pub text: String,
}

impl ReviewCheck {
    /// Whether `fit`, redone with the review's `settings`, reproduces the result it `stored`
    /// (compared at the review's level); `None` where either has no numbers to compare.
    fn against(
        settings: &RevmanOptions,
        fit: &RmaFit,
        stored: &crate::model::Stored,
        lang: Lang,
    ) -> Option<Self> {
        let redone = Redone {
            options: *settings,
            ours: at_level(settings.measure, fit, settings.level)?,
            stored: [stored.estimate?, stored.ci_lb?, stored.ci_ub?],
        };
        Some(ReviewCheck::of(&redone, lang))
    }

    fn of(redone: &Redone, lang: Lang) -> Self {
        let o = &redone.options;
        let result =
            |[est, lo, hi]: [f64; 3]| crate::i18n::result(lang, o.measure.as_str(), est, lo, hi);
        let model = match o.model {
            crate::model::EffectModel::Fixed => t(lang, "pool.model.fixed"),
            crate::model::EffectModel::Random => t(lang, "pool.model.random"),
        };
        let settings = format!(
            "{}, {model}, {}",
            o.method,
            i18n::pct_number(lang, &num(lang, o.level, 0))
        );
        let matches = redone.matches();
        let key = if matches {
            "pool.review_matches"
        } else {
            "pool.review_differs"
        };
        ReviewCheck {
            matches,
            text: tn(
                lang,
                key,
                &[
                    ("settings", &settings),
                    ("result", &result(redone.ours)),
                    ("stored", &result(redone.stored)),
                ],
            ),
        }
    }
}

/// A pooled body's model fit with its inputs, in the fit's order.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolFit {
    pub measure: Measure,
    /// `(study id, outcome id)` of each member.
    pub members: Vec<(String, String)>,
    /// Study labels.
    pub labels: Vec<String>,
    /// Each member's effect as the body was pooled, with its 95% interval: an imported review's
    /// as RevMan computes it (Peto's odds ratio under Peto's method), `None` for a study its
    /// method does not estimate (no events in either group); escalc's otherwise.
    pub effects: Vec<Option<Effect>>,
    pub fit: crate::stats::RmaFit,
    /// The body's subgroups, each pooled on its own, where every member names one of at least
    /// two (a Cochrane review's subgroups): the forest draws each under its members, as RevMan
    /// does. Empty otherwise.
    pub subtotals: Vec<Subtotal>,
    /// RevMan's test for differences between the subtotals (Cochran's Q across their
    /// estimates), where two or more have one.
    pub subgroup_test: Option<revman::SubgroupTest>,
}

/// One subgroup of a pooled body, pooled on its own with the body's method.
#[derive(Debug, Clone, PartialEq)]
pub struct Subtotal {
    /// As the members' outcomes name it (`outcome.subgroup`).
    pub name: String,
    /// Its members: indices into [`PoolFit::members`].
    pub members: Vec<usize>,
    /// `None` where its members cannot be pooled (none estimable).
    pub fit: Option<RmaFit>,
    /// For an imported review's subgroup: whether redoing it reproduces the review's subtotal.
    pub review: Option<ReviewCheck>,
}

impl PoolFit {
    /// The members the fit estimated, with their index among [`PoolFit::members`]: what a
    /// funnel plot draws.
    pub fn estimated(&self) -> impl Iterator<Item = (usize, &Effect)> {
        (self.effects.iter().enumerate()).filter_map(|(i, e)| Some((i, e.as_ref()?)))
    }

    /// The `yi` and `vi` of the members the fit estimated, in their order.
    pub fn yi_vi(&self) -> (Vec<f64>, Vec<f64>) {
        yi_vi(&self.effects)
    }
}

fn yi_vi(effects: &[Option<Effect>]) -> (Vec<f64>, Vec<f64>) {
    effects.iter().flatten().map(|e| (e.yi, e.vi)).unzip()
}

fn fin(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// The ways a pooled body's id ([`PooledAppraisal::id`]) may split into an outcome id and a
/// treatment, the longest outcome id first, since an outcome's id may hold a `/` itself: the
/// caller keeps the split whose outcome the data has. `death/aspirin#2` is outcome `death` and
/// treatment `aspirin#2`; the `#2` that tells repeated ids apart stays with the treatment
/// ([`treatment_of_body`]).
pub fn body_splits(id: &str) -> impl Iterator<Item = (&str, &str)> {
    (id.rmatch_indices('/'))
        .map(move |(at, _)| (&id[..at], &id[at + 1..]))
        .filter(|(outcome, _)| !outcome.is_empty())
}

/// A body id's treatment without the `#n` that tells repeated ids apart.
pub fn treatment_of_body(treatment: &str) -> &str {
    treatment.split_once('#').map_or(treatment, |(t, _)| t)
}

/// Groups outcomes with the same id or name across studies of one treatment (completed studies
/// with numbers only). Two treatments' trials of one outcome answer two questions, so each
/// treatment's trials are pooled on their own; a name and its alias in the vocabulary are one
/// treatment ([`Lexicon::treatment_key`]).
pub fn groups<'a>(dataset: &'a Dataset, lexicon: &Lexicon) -> Vec<Vec<(&'a Study, &'a Outcome)>> {
    let mut out: Vec<Vec<(&Study, &Outcome)>> = Vec::new();
    // The first group holding each treatment's normalized id and name: a lookup per outcome
    // instead of a scan of every group (10,000 distinct outcomes would be quadratic).
    let mut by_id: HashMap<(usize, usize), usize> = HashMap::new();
    let mut by_name: HashMap<(usize, usize), usize> = HashMap::new();
    let remember = |map: &mut HashMap<(usize, usize), usize>, key: Option<(usize, usize)>, g| {
        if let Some(key) = key {
            let first = map.entry(key).or_insert(g);
            *first = (*first).min(g);
        }
    };
    let (mut ids, mut names) = (NormalizedKeys::default(), NormalizedKeys::default());
    // Each treatment numbered in order of its first study.
    let mut treatments: HashMap<String, usize> = HashMap::new();
    for s in &dataset.studies {
        if !s.has_final_results() {
            continue;
        }
        let next = treatments.len();
        let treatment = *treatments
            .entry(lexicon.treatment_key(&s.intervention.therapy))
            .or_insert(next);
        for o in &s.outcomes {
            if o.data.is_none() {
                continue;
            }
            // An id or name that normalizes to nothing ("—") says nothing about which outcome
            // it is, so it matches no other.
            let id = ids.of(&o.id).map(|k| (treatment, k));
            let name = names.of(&o.name).map(|k| (treatment, k));
            let found = [
                id.and_then(|k| by_id.get(&k)),
                name.and_then(|k| by_name.get(&k)),
            ]
            .into_iter()
            .flatten()
            .min()
            .copied();
            let g = match found {
                Some(g) => g,
                None => {
                    out.push(Vec::new());
                    out.len() - 1
                }
            };
            out[g].push((s, o));
            remember(&mut by_id, id, g);
            remember(&mut by_name, name, g);
        }
    }
    out.into_iter().filter(|m| m.len() >= 2).collect()
}

/// Checks whether a group may be pooled (before any numbers are computed).
pub fn check_poolable(
    members: &[(&Study, &Outcome)],
    lexicon: &Lexicon,
) -> Result<(), PoolRefusal> {
    let mut seen = HashSet::with_capacity(members.len());
    for (s, _) in members {
        if !seen.insert(s.id.as_str()) {
            return Err(PoolRefusal::SameStudyTwice(s.id.clone()));
        }
    }
    // One pass over the trials seen so far (a pairwise check is quadratic and took most of the
    // time of a 10,000-study appraisal).
    let mut trials = crate::model::Trials::default();
    for (s, _) in members {
        let trial = trials.of(s);
        if trial != s.id {
            return Err(PoolRefusal::SameTrial(trial.to_string(), s.id.clone()));
        }
    }
    if let Some((s, _)) = members
        .iter()
        .find(|(s, _)| s.source_kind == SourceKind::Marketing)
    {
        return Err(PoolRefusal::Marketing(s.id.clone()));
    }
    // Trials of different treatments answer different questions: two drugs' trials of one
    // outcome pool to the effect of neither. One treatment as `groups` tells them apart (a name
    // and its alias are one).
    // (A name already listed needs no second lookup: a group's members mostly share one.)
    let mut therapies: Vec<(String, &str)> = Vec::new();
    for (s, _) in members {
        let name = s.intervention.therapy.trim();
        if therapies.iter().any(|(_, n)| *n == name) {
            continue;
        }
        let key = lexicon.treatment_key(name);
        if !therapies.iter().any(|(k, _)| *k == key) {
            therapies.push((key, name));
        }
    }
    if therapies.len() > 1 {
        let names = therapies.into_iter().map(|(_, t)| t.to_string()).collect();
        return Err(PoolRefusal::MixedTherapies(names));
    }
    let single: Vec<String> = members
        .iter()
        .filter(|(s, o)| rate::is_single_arm(s, o))
        .map(|(s, _)| s.id.clone())
        .collect();
    if single.len() == members.len() {
        return Err(PoolRefusal::AllSingleArm);
    }
    if !single.is_empty() {
        return Err(PoolRefusal::MixedSingleArm(single));
    }
    // Sets of a few enum values as sorted vectors: each BTreeSet type brings its own tree code.
    let mut measures: Vec<Measure> = members
        .iter()
        .filter_map(|(_, o)| o.data.as_ref().map(|d| d.measure()))
        .collect();
    crate::sort::sort_unique(&mut measures);
    if measures.len() > 1 {
        return Err(PoolRefusal::MixedMeasures(measures));
    }
    let reviews: Vec<&Study> = members
        .iter()
        .map(|(s, _)| *s)
        .filter(|s| s.design == Design::SystematicReview)
        .collect();
    // Reviews of one question include many of the same trials: pooled with each other, or with
    // trials, those trials would count twice.
    if !reviews.is_empty() && (reviews.len() < members.len() || reviews.len() > 1) {
        return Err(PoolRefusal::ReviewWithPrimary(reviews[0].id.clone()));
    }
    if let Some((s, c)) = members
        .iter()
        .find_map(|(s, _)| rate::pooled_cycle_caveat(s).map(|c| (s, c)))
    {
        return Err(PoolRefusal::NotIndependent {
            study: s.id.clone(),
            caveat: c.as_str().to_string(),
        });
    }
    let mut starts = members.iter().map(|(s, o)| {
        // Only the level: no words.
        let mut r = Rating::new().explained(false);
        rate::rate_design(&mut r, s, o);
        r.start()
    });
    let first = starts.next();
    if starts.any(|start| Some(start) != first) {
        return Err(PoolRefusal::MixedDesigns);
    }
    Ok(())
}

fn refused(
    members: &[(&Study, &Outcome)],
    why: PoolRefusal,
    main: &MainCondition,
) -> PooledAppraisal {
    let (s, o) = members[0];
    let lang = main.lang;
    let words = why.words(lang);
    PooledAppraisal {
        outcome: o.id.clone(),
        name: o.name.get(lang.as_str()).to_string(),
        therapy: main.lexicon.treatment_name(&s.intervention.therapy, lang),
        id: o.id.clone(),
        measure: None,
        studies: members.iter().map(|(s, _)| s.id.clone()).collect(),
        k: members.len(),
        certainty: None,
        reasons: Vec::new(),
        statement: tn(lang, "pool.refused", &[("why", &words)]),
        effect: None,
        absolute: None,
        refused: Some(words),
        note: None,
        fit: None,
        review: None,
    }
}

/// Pools one group of studies' outcomes (see [`groups`]), or says why not.
pub fn pool(
    members: &[(&Study, &Outcome)],
    options: &AppraiseOptions,
    condition: &str,
) -> PooledAppraisal {
    let lexicon = Lexicon::new(&Default::default());
    pool_group(members, options, &MainCondition::new(condition, &lexicon)).0
}

/// Pools one group, or says why not.
pub(crate) fn pool_group<'a>(
    members: &[(&'a Study, &'a Outcome)],
    options: &AppraiseOptions,
    main: &MainCondition,
) -> (PooledAppraisal, Option<Item<'a>>) {
    let condition = main.name;
    let lexicon = main.lexicon;
    if members.is_empty() {
        return (
            PooledAppraisal {
                outcome: String::new(),
                name: String::new(),
                therapy: String::new(),
                id: String::new(),
                measure: None,
                studies: Vec::new(),
                k: 0,
                certainty: None,
                reasons: Vec::new(),
                statement: t(main.lang, "pool.none").to_string(),
                effect: None,
                absolute: None,
                refused: Some(t(main.lang, "pool.no_studies").to_string()),
                note: None,
                fit: None,
                review: None,
            },
            None,
        );
    }
    if let Err(why) = check_poolable(members, lexicon) {
        return (refused(members, why, main), None);
    }
    let mut effects = Vec::with_capacity(members.len());
    for (s, o) in members {
        match (o.data.as_ref().ok_or(StatsError::NoStudies)).and_then(effect_of) {
            Ok(e) => effects.push(Some(e)),
            Err(error) => {
                return (
                    refused(
                        members,
                        PoolRefusal::Effect {
                            study: s.id.clone(),
                            error,
                        },
                        main,
                    ),
                    None,
                )
            }
        }
    }
    let measure = members[0]
        .1
        .data
        .as_ref()
        .map(|d| d.measure())
        .unwrap_or(Measure::Gen);
    // An imported review's results are pooled as the review did, unless a method was asked for;
    // where RevMan's method cannot pool them (every study without events in either arm, which
    // RevMan does not estimate), metafor's can still.
    let as_review = match options.method {
        Some(_) => None,
        None => review_settings(members, measure),
    }
    .and_then(|settings| Some((settings, fit_as_review(members, &settings).ok()?)));
    let (review, fitted) = match as_review {
        Some((settings, fitted)) => (Some(settings), Ok(fitted)),
        None => {
            let opts = RmaOptions {
                method: options.method.unwrap_or(Method::REML),
                test: Test::Z,
                level: 95.0,
            };
            let (yi, vi) = yi_vi(&effects);
            (None, fit(&yi, &vi, opts).map(|f| (f, effects)))
        }
    };
    let (f, effects) = match fitted {
        Ok(f) => f,
        Err(e) => return (refused(members, PoolRefusal::Fit(e), main), None),
    };
    let eff = Effect::pooled(measure, &f);
    let (pi_lb, pi_ub) = (measure.natural(f.pi_lb), measure.natural(f.pi_ub));
    let egger = if f.k >= 10 {
        let opts = RmaOptions {
            method: f.method,
            test: Test::Z,
            level: 95.0,
        };
        let (yi, vi) = yi_vi(&effects);
        regtest(&yi, &vi, opts).ok().map(|r| r.pval).and_then(fin)
    } else {
        None
    };
    let (first_study, outcome) = members[0];
    let studies: Vec<&Study> = members.iter().map(|(s, _)| *s).collect();

    let lang = main.lang;
    let mut r = main.rating();
    // Design: all members start at the same level (checked above); take the first one's reasons.
    {
        let mut d = main.rating();
        rate::rate_design(&mut d, first_study, outcome);
        for reason in d.reasons {
            let observational = members
                .iter()
                .all(|(s, _)| matches!(s.design, Design::NonRandomisedControlled | Design::Cohort));
            let text = if members.len() > 1 && reason.change == -2 && observational {
                r.say("pool.all_observational", &[])
            } else {
                reason.text
            };
            r.push(reason.domain, reason.change, text);
        }
    }
    // Risk of bias: rated down when studies with concerns carry more than half the weight.
    {
        let mut share1 = 0.0;
        let mut share2 = 0.0;
        let mut concerned = false;
        let mut with: Vec<String> = Vec::new();
        for (i, (s, o)) in members.iter().enumerate() {
            let mut rb = main.rating();
            rate::rate_risk_of_bias(&mut rb, s, o, true, lexicon);
            let t = rb.domain_total(Domain::RiskOfBias);
            let w = f
                .weights_pct
                .get(i)
                .copied()
                .filter(|w| w.is_finite())
                .unwrap_or(0.0);
            if t <= -1 {
                share1 += w;
                concerned = true;
                if r.explain {
                    let first = rb
                        .reasons
                        .iter()
                        .find(|x| x.change < 0)
                        .map(|x| x.text.clone())
                        .unwrap_or_default();
                    with.push(format!(
                        "{} ({})",
                        s.label.get(lang.as_str()),
                        text::lower_first(&first)
                    ));
                }
            }
            if t <= -2 {
                share2 += w;
            }
        }
        if concerned {
            let list = || i18n::clause_list(lang, &with);
            if share2 > 50.0 {
                let text = r.words(|r| {
                    let share = num(lang, share2, 0);
                    r.say("pool.rob_serious", &[("share", &share), ("list", &list())])
                });
                r.push(Domain::RiskOfBias, -2, text);
            } else if share1 > 50.0 {
                let text = r.words(|r| {
                    let share = num(lang, share1, 0);
                    r.say("pool.rob_most", &[("share", &share), ("list", &list())])
                });
                r.push(Domain::RiskOfBias, -1, text);
            } else {
                let text = r.words(|r| r.say("pool.rob_some", &[("list", &list())]));
                r.note(Domain::RiskOfBias, text);
            }
        }
    }
    // Imprecision on the pooled interval with the total information (and, for a risk, the
    // comparison group's risk the absolute numbers start from).
    let th = rate::thresholds(measure, &outcome.id, lexicon.is_serious(outcome), options);
    let baseline = body_baseline(members, options, lang);
    {
        let ns: Option<Vec<u64>> = members
            .iter()
            .map(|(s, o)| o.data.as_ref().and_then(|d| rate::participants(s, d)))
            .collect();
        // Who had the outcome and who did not, across the studies: the rarer of the two totals.
        let evs: Option<Vec<rate::Events>> = members
            .iter()
            .map(|(_, o)| o.data.as_ref().and_then(rate::events))
            .collect();
        let n = ns.map(|v| v.iter().fold(0u64, |a, b| a.saturating_add(*b)));
        let ev = evs.map(|v| v.into_iter().fold(rate::Events::default(), |a, b| a + b));
        let control = baseline.as_ref().ok().map(|b| b.risk);
        rate::rate_imprecision(&mut r, &eff, th, n, ev, control);
    }
    rate_inconsistency(&mut r, &eff, f.i2, pi_lb, pi_ub);
    // Indirectness: surrogate outcome; condition by weight.
    {
        if let Some((_, o, target)) = members
            .iter()
            .find_map(|(s, o)| Some((s, o, lexicon.stands_for(o)?)))
        {
            let name = text::upper_first(o.name.get(lang.as_str()));
            let text = r.say(
                "reason.surrogate",
                &[
                    ("outcome", &name),
                    ("target", target.name.get(lang.as_str())),
                ],
            );
            r.push(Domain::Indirectness, -1, text);
        }
        if !condition.trim().is_empty() {
            let mut other = 0.0;
            let mut off: Vec<&str> = Vec::new();
            for (i, (s, _)) in members.iter().enumerate() {
                let fitc = main.fit(&s.condition);
                if !matches!(fitc, Relation::Same | Relation::Narrower) {
                    off.push(s.label.get(lang.as_str()));
                    if fitc == Relation::Unrelated {
                        other += f
                            .weights_pct
                            .get(i)
                            .copied()
                            .filter(|w| w.is_finite())
                            .unwrap_or(0.0);
                    }
                }
            }
            let question = main.lexicon.display_in(List::Conditions, condition, lang);
            let (question, studies) = (text::lower_first(&question), off.join(", "));
            let args = [
                ("question", question.as_str()),
                ("studies", studies.as_str()),
            ];
            if other > 50.0 {
                let text = r.say("pool.other_conditions_most", &args);
                r.push(Domain::Indirectness, -2, text);
            } else if !off.is_empty() {
                let text = r.say("pool.other_conditions_some", &args);
                r.push(Domain::Indirectness, -1, text);
            }
        }
    }
    rate_publication_bias(&mut r, f.k, egger);
    rate::rate_large_effect(&mut r, &eff);

    let certainty = r.certainty();
    // Data that name no therapy are of one; studies of different therapies are of several.
    let t0 = first_study.intervention.therapy.as_str();
    let subject = if (studies.iter()).all(|s| is_blank(&s.intervention.therapy)) {
        Subject::Unnamed
    } else if (studies.iter())
        .all(|s| lexicon.relation(List::Therapies, &s.intervention.therapy, t0) == Relation::Same)
    {
        Subject::Therapy {
            name: t0,
            plural: lexicon.is_plural(t0),
        }
    } else {
        Subject::Several
    };
    let statement = text::statement(
        lang,
        certainty,
        subject,
        outcome.name.get(lang.as_str()),
        outcome.article(lang.as_str()),
        rate::importance(&eff, th),
    );
    let therapy = match subject {
        Subject::Therapy { name, .. } => name,
        Subject::Unnamed => "",
        Subject::Several => t(lang, "pool.the_treatments"),
    };
    let (absolute, note) = pooled_absolute(members, &eff, baseline, lang, therapy);
    let subtotals = subtotals(members, &effects, review.as_ref(), f.method, lang);
    let review_check = review.and_then(|settings| {
        let stored = outcome.analysis.as_ref()?.stored.as_ref()?;
        ReviewCheck::against(&settings, &f, stored, lang)
    });
    let pooled = PooledAppraisal {
        outcome: outcome.id.clone(),
        name: outcome.name.get(main.lang.as_str()).to_string(),
        therapy: lexicon.treatment_name(&members[0].0.intervention.therapy, main.lang),
        id: outcome.id.clone(),
        measure: Some(measure),
        studies: members.iter().map(|(s, _)| s.id.clone()).collect(),
        k: f.k,
        certainty: Some(certainty),
        reasons: r.reasons,
        statement,
        effect: Some(PooledEffect {
            measure,
            method: match review {
                Some(r) => format!("{} {}", r.method, r.model),
                None => f.method.name().to_string(),
            },
            natural: NaturalScale {
                estimate: fin(eff.estimate),
                ci_lb: fin(eff.ci_lb),
                ci_ub: fin(eff.ci_ub),
                pi_lb: fin(pi_lb),
                pi_ub: fin(pi_ub),
            },
            pval: fin(f.pval),
            tau2: fin(f.tau2),
            i2: fin(f.i2),
            q_pval: fin(f.q_pval),
            egger_pval: egger,
            weights: f.weights_pct.iter().copied().map(fin).collect(),
        }),
        absolute,
        refused: None,
        note,
        fit: Some(PoolFit {
            measure,
            members: members
                .iter()
                .map(|(s, o)| (s.id.clone(), o.id.clone()))
                .collect(),
            labels: members
                .iter()
                .map(|(s, _)| s.label.get(main.lang.as_str()).to_string())
                .collect(),
            effects,
            fit: f,
            subgroup_test: revman::subgroup_test(
                (subtotals.iter().filter_map(|s| s.fit.as_ref()))
                    .filter(|f| f.estimate.is_finite() && f.se.is_finite() && f.se > 0.0)
                    .map(|f| (f.estimate, f.se)),
            ),
            subtotals,
        }),
        review: review_check,
    };
    let item = Item {
        studies,
        outcome,
        effect: Some(eff),
        single_arm: false,
        certainty: Some(certainty),
        statement: "",
        pooled: true,
        body: None,
        importance: Some(rate::importance(&eff, th)),
        reasons: &[],
        despite: pooled.absolute.as_ref().and_then(Absolute::despite),
    };
    (pooled, Some(item))
}

/// Each subgroup of the members pooled on its own, with the review's method where the body was
/// pooled with it (checked against the review's subtotal) and otherwise with the body's
/// estimator; empty unless every member names a subgroup and they name at least two.
fn subtotals(
    members: &[(&Study, &Outcome)],
    effects: &[Option<Effect>],
    review: Option<&RevmanOptions>,
    method: Method,
    lang: Lang,
) -> Vec<Subtotal> {
    let Some(names) = (members.iter())
        .map(|(_, o)| o.subgroup.as_deref().filter(|s| !is_blank(s)))
        .collect::<Option<Vec<&str>>>()
    else {
        return Vec::new();
    };
    // The members by subgroup, the subgroups in order of first appearance (sorted, not searched:
    // a body may hold thousands of studies, each of its own subgroup).
    let mut by_name: Vec<usize> = (0..names.len()).collect();
    crate::sort::sort_by_key(&mut by_name, |&i| names[i]);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in by_name {
        match groups.last_mut() {
            Some(group) if names[group[0]] == names[i] => group.push(i),
            _ => groups.push(vec![i]),
        }
    }
    if groups.len() < 2 {
        return Vec::new();
    }
    crate::sort::sort_by_key(&mut groups, |group| group[0]);
    groups
        .into_iter()
        .map(|at| {
            let name = names[at[0]];
            let fit = match review {
                Some(settings) => {
                    let own: Vec<_> = at.iter().map(|&i| members[i]).collect();
                    fit_as_review(&own, settings).ok().map(|(f, _)| f)
                }
                None => {
                    let own: Vec<Option<Effect>> = at.iter().map(|&i| effects[i]).collect();
                    let (yi, vi) = yi_vi(&own);
                    let opts = RmaOptions {
                        method,
                        test: Test::Z,
                        level: 95.0,
                    };
                    fit(&yi, &vi, opts).ok()
                }
            };
            let review = review.zip(fit.as_ref()).and_then(|(settings, f)| {
                let analysis = members[at[0]].1.analysis.as_ref()?;
                let stored = &(analysis.subgroups.iter()).find(|s| s.name == name)?.stored;
                ReviewCheck::against(settings, f, stored, lang)
            });
            Subtotal {
                name: name.to_string(),
                members: at,
                fit,
                review,
            }
        })
        .collect()
}

/// The settings of the review the members' results were imported from, when every member
/// carries the same ones for the measure their data are on; a body that mixes reviews, or holds
/// results of no review, is pooled with metafor's estimator.
fn review_settings(members: &[(&Study, &Outcome)], measure: Measure) -> Option<RevmanOptions> {
    let mut settings = members.iter().map(|(_, o)| {
        let analysis = o.analysis.as_deref()?;
        Some(RevmanOptions::of_review(analysis, measure))
    });
    let first = settings.next()??;
    (first.measure == measure && settings.all(|s| s == Some(first))).then_some(first)
}

/// Pools the members with RevMan's method (Mantel–Haenszel, Peto or inverse variance; fixed or
/// DerSimonian–Laird random effects), in the shape every view reads, with each member's effect
/// as RevMan computes it (`None` for a study it does not estimate). Intervals are at 95%, the
/// level GRADE's steps and every view assume, whatever level the review printed (the check
/// against the review's result compares at its level: [`at_level`]).
fn fit_as_review(
    members: &[(&Study, &Outcome)],
    settings: &RevmanOptions,
) -> Result<(RmaFit, Vec<Option<Effect>>), StatsError> {
    let studies = members
        .iter()
        .map(|(s, o)| {
            let data = o
                .data
                .as_ref()
                .map_or(Ok(StudyData::Missing), StudyData::of)?;
            Ok(RevmanStudy {
                label: s.label.to_string(),
                subgroup: None,
                data,
            })
        })
        .collect::<Result<Vec<_>, StatsError>>()?;
    let settings = RevmanOptions {
        level: 95.0,
        study_level: 95.0,
        ..*settings
    };
    let fitted = revman::fit(&studies, &settings)?;
    let effects = (fitted.studies.iter())
        .map(|r| {
            let ci = (r.ci_lb?, r.ci_ub?);
            Some(Effect::analysed(settings.measure, r.yi?, r.vi?, ci))
        })
        .collect();
    Ok((fitted.as_rma(&settings)?, effects))
}

/// A fit's estimate and interval at another confidence level, as reviews report them (ratios
/// as ratios); `None` for a level that is not a percentage (the editor is told).
fn at_level(measure: Measure, f: &RmaFit, level: f64) -> Option<[f64; 3]> {
    crate::model::Analysis::is_percentage(level).then_some(())?;
    let z = qnorm_upper((100.0 - level) / 200.0);
    let (est, half) = (f.estimate, z * f.se);
    Some([est, est - half, est + half].map(|v| measure.natural(v)))
}

/// **Inconsistency.** GRADE Handbook 5.2.3 and GRADE guidelines 7: rate down one level for
/// unexplained heterogeneity: I² above 50% (substantial), or a prediction interval that includes
/// no effect while the confidence interval does not (in some settings the effect may be absent).
/// The prediction-interval rule is not applied when the confidence interval itself includes no
/// effect, which is imprecision and already counted there (GRADE warns against double counting).
pub fn rate_inconsistency(r: &mut Rating, e: &Effect, i2: f64, pi_lb: f64, pi_ub: f64) {
    let lang = r.lang;
    if i2.is_finite() && i2 > 50.0 {
        let text = r.say("pool.heterogeneity", &[("i2", &num(lang, i2, 0))]);
        r.push(Domain::Inconsistency, -1, text);
    } else if !e.crosses_null()
        && pi_lb.is_finite()
        && pi_ub.is_finite()
        && pi_lb <= e.null()
        && pi_ub >= e.null()
    {
        let (lower, upper) = (text::effect_num(lang, pi_lb), text::effect_num(lang, pi_ub));
        let text = r.say(
            "pool.prediction_interval",
            &[("lower", &lower), ("upper", &upper)],
        );
        r.push(Domain::Inconsistency, -1, text);
    }
}

/// **Publication bias (pooled body).** GRADE Handbook 5.2.5: rate down one level when small-study
/// effects suggest missing studies. Egger's regression test is used only with at least 10
/// studies (below that it has too little power; Cochrane Handbook 13.3.5.4), at p < 0.10.
pub fn rate_publication_bias(r: &mut Rating, k: usize, egger_p: Option<f64>) {
    if k < 10 {
        return;
    }
    if let Some(p) = egger_p.filter(|p| *p < 0.10) {
        let text = r.say("pool.egger", &[("p", &num(r.lang, p, 3))]);
        r.push(Domain::PublicationBias, -1, text);
    }
}

/// The comparison group's risk a body's absolute numbers (and its optimal information size)
/// start from: the caller's, the members' median, or the one every member gives; or why none.
fn body_baseline<'a>(
    members: &[(&Study, &'a Outcome)],
    options: &AppraiseOptions,
    lang: Lang,
) -> Result<Assumed<'a>, absolute::AbsoluteError> {
    match options.baselines.get(&members[0].1.id) {
        Some(&b) => Ok(Assumed::of(b, BaselineSource::Caller)),
        None => match median_control_risk(members) {
            Some(risk) => Ok(Assumed::of(risk, BaselineSource::MedianControlArm)),
            None => given_by_all(members, lang),
        },
    }
}

fn pooled_absolute(
    members: &[(&Study, &Outcome)],
    eff: &Effect,
    baseline: Result<Assumed, absolute::AbsoluteError>,
    lang: Lang,
    therapy: &str,
) -> (Option<Absolute>, Option<String>) {
    let outcome = members[0].1;
    let assumed = match baseline {
        Ok(assumed) => assumed,
        Err(why) => return (None, Some(why.for_measure(eff.measure).words(lang))),
    };
    match absolute::comparative(
        eff.measure,
        eff.estimate,
        eff.ci_lb,
        eff.ci_ub,
        assumed,
        outcome.better,
        lang,
        therapy,
        outcome.name.get(lang.as_str()),
    ) {
        Ok(a) => (Some(a), None),
        Err(e) => (None, Some(e.words(lang))),
    }
}

/// The median of the members' comparison-group risks (from their counts), if any has one.
fn median_control_risk(members: &[(&Study, &Outcome)]) -> Option<f64> {
    let mut risks: Vec<f64> = members
        .iter()
        .filter_map(|(_, o)| o.data.as_ref().and_then(control_risk))
        .collect();
    crate::sort::sort_by(&mut risks, |a, b| a.total_cmp(b));
    let m = risks.len();
    match m {
        0 => None,
        _ if m % 2 == 1 => Some(risks[m / 2]),
        _ => Some((risks[m / 2 - 1] + risks[m / 2]) / 2.0),
    }
}

/// The baseline risk a body's studies give in the dataset, when every one gives the same (a body
/// of studies with different risks, times or sources has no one risk to start from), or why
/// there is none: not given, or given but not one this result can use.
fn given_by_all<'a>(
    members: &[(&Study, &'a Outcome)],
    lang: Lang,
) -> Result<Assumed<'a>, absolute::AbsoluteError> {
    let first = Assumed::given(members[0].1, lang)?;
    let given = |o: &'a Outcome| o.usable_baseline().ok().flatten();
    let baseline = given(members[0].1);
    if members.iter().all(|(_, o)| given(o) == baseline) {
        Ok(first)
    } else {
        Err(absolute::AbsoluteError::BaselinesDiffer)
    }
}

/// Every body in a dataset, and the items of those that pooled, each with its body's index (an
/// item borrows its body's statement and rating steps once all are made).
pub(crate) fn pool_dataset<'a>(
    dataset: &'a Dataset,
    options: &AppraiseOptions,
    condition: &MainCondition,
) -> (Vec<PooledAppraisal>, Vec<(usize, Item<'a>)>) {
    let mut out = Vec::new();
    let mut items = Vec::new();
    let lexicon = condition.lexicon;
    let mut treatments = Vec::new();
    for g in groups(dataset, lexicon) {
        let (p, item) = pool_group(&g, options, condition);
        treatments.push(lexicon.treatment_key(&g[0].0.intervention.therapy));
        items.extend(item.map(|item| (out.len(), item)));
        out.push(p);
    }
    // Two treatments' bodies of one outcome are told apart by their treatment, and ids that
    // would still repeat (an outcome id that says nothing, "—") by their place.
    let mut bodies: HashMap<String, usize> = HashMap::new();
    for p in &out {
        *bodies.entry(p.outcome.clone()).or_insert(0) += 1;
    }
    let mut taken: HashMap<String, usize> = HashMap::new();
    for (p, treatment) in out.iter_mut().zip(treatments) {
        if bodies.get(&p.outcome).is_some_and(|&n| n > 1) {
            p.id = format!("{}/{treatment}", p.outcome);
        }
        let n = taken.entry(p.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            p.id = format!("{}#{n}", p.id);
        }
    }
    // A body pooled as its review did is that review's analysis only when it holds all of its
    // outcome's results (not one treatment's part of it).
    let checked = |p: &PooledAppraisal| {
        p.review.is_some() || (p.fit.iter()).any(|f| f.subtotals.iter().any(|s| s.review.is_some()))
    };
    if out.iter().any(checked) {
        let mut results: HashMap<&str, usize> = HashMap::new();
        for s in dataset.studies.iter().filter(|s| s.has_final_results()) {
            for o in s.outcomes.iter().filter(|o| o.data.is_some()) {
                *results.entry(o.id.as_str()).or_insert(0) += 1;
            }
        }
        for p in &mut out {
            if results.get(p.outcome.as_str()) != Some(&p.studies.len()) {
                p.review = None;
                for subtotal in p.fit.iter_mut().flat_map(|f| &mut f.subtotals) {
                    subtotal.review = None;
                }
            }
        }
    }
    (out, items)
}
