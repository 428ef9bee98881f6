//! Appraisal: GRADE certainty per outcome, GRADE's plain-language statements, absolute effects
//! and claim checks.
//!
//! [`appraise`] takes a dataset and returns an [`Appraisal`], which serializes to the JSON that
//! `evidence-lens appraise` prints (the README's "The command line"):
//! `{ outcomes: [{study, outcome, certainty, reasons, statement, absolute, ...}], pooled: [...],
//! claims: [{id, verdict, evidence, certainty, ...}] }`. Nothing here panics; numbers that are not
//! finite are never serialized (they become `null`).
//!
//! * [`certainty`]: the four levels, the domains and the reasons.
//! * [`rate`]: the GRADE rules, one function per domain.
//! * [`pool`]: which outcomes may be pooled, and the pooled body's rating.
//! * [`text`]: GRADE's informative statements (Santesso et al. 2020).
//! * [`absolute`]: per 100 / per 1,000, NNT and NNH.
//! * [`claims`]: claim verdicts.
//! * [`summary`]: the answer for each therapy in the question, for the summary view.
//! * [`matching`]: the dataset's vocabulary: families, populations, outcome concepts, routes.
//!
//! The project README lists the built-in dataset's ratings with their reasons.

pub mod absolute;
pub mod certainty;
pub mod claims;
pub mod matching;
pub mod pool;
pub mod rate;
pub mod summary;
pub mod text;

use serde::Serialize;

use self::matching::{Lexicon, List, MainCondition};
use crate::i18n::{t, tn, Lang};
use crate::model::{Dataset, EffectData, Measure, Outcome, OutcomeKind, Study, StudyStatus};
use crate::stats::effect::{effect_of, wilson, Effect};
use crate::stats::Method;

pub use absolute::{
    Absolute, AbsoluteError, Assumed, BaselineSource, Basis, Despite, Nnt, NntKind, PerN,
};
pub use certainty::{Certainty, Domain, Rating, Reason};
pub use claims::{ClaimCheck, ClaimEvidence, EvidenceRole, Verdict};
pub use pool::{
    body_splits, treatment_of_body, PoolFit, PoolRefusal, PooledAppraisal, PooledEffect,
    ReviewCheck, Subtotal,
};

/// Choices a caller can make; the defaults follow GRADE.
#[derive(Debug, Clone, PartialEq)]
pub struct AppraiseOptions {
    /// The condition of the question (evidence about other conditions is indirect). Default: the
    /// dataset's question, or its most common condition.
    pub condition: Option<String>,
    /// Baseline (control) risks by outcome id, as fractions, for absolute effects when a study has
    /// no control-arm counts (before the dataset's own baseline), and for pooled bodies (where
    /// they take precedence).
    pub baselines: ByOutcome,
    /// Relative change that counts as important for ratio measures: 0.25 gives thresholds 0.75
    /// and 1.25 (GRADE's default for imprecision when nothing better is known).
    pub ratio_threshold: f64,
    /// Threshold of an important standardised mean difference (0.2, a small effect).
    pub smd_threshold: f64,
    /// Minimal important differences by outcome id, on the outcome's measure (MD in its units,
    /// RD as a fraction, ratios as a relative change such as 0.25).
    pub mids: ByOutcome,
    /// Estimator of the between-study variance for pooled bodies. `None`: metafor's default,
    /// REML, except for results imported from a review, which are pooled with the review's own
    /// settings (RevMan's Mantel–Haenszel, Peto or inverse variance, fixed or random effects).
    pub method: Option<Method>,
    /// The language of every sentence the appraisal writes (and of the dataset's text in them).
    pub lang: Lang,
    /// Whether each rating's reasons are written out ([`Reason::text`]). The command line's JSON
    /// gives them; the widget's views show the level and the statement, not the reasons, so they
    /// go without: a third of the time of appraising 10,000 studies. The levels are the same.
    pub explain: bool,
    /// Whether to answer the summary's questions ([`Appraisal::answers`]; empty when not). Views
    /// other than the summary do without: a tenth of the time of appraising 10,000 studies.
    pub answers: bool,
}

/// Numbers by outcome id, for [`AppraiseOptions`]: a list, where the last number given for an id
/// counts (as on a command line). Not a `BTreeMap`: a few ids, and each map type brings its own
/// tree code into the wasm.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ByOutcome(Vec<(String, f64)>);

impl ByOutcome {
    /// Sets the number for `id` (a later one for the same id takes its place).
    pub fn insert(&mut self, id: String, value: f64) {
        self.0.push((id, value));
    }

    /// The number last given for `id`.
    pub fn get(&self, id: &str) -> Option<&f64> {
        self.0.iter().rev().find(|(k, _)| k == id).map(|(_, v)| v)
    }
}

impl FromIterator<(String, f64)> for ByOutcome {
    fn from_iter<I: IntoIterator<Item = (String, f64)>>(pairs: I) -> Self {
        ByOutcome(pairs.into_iter().collect())
    }
}

impl Default for AppraiseOptions {
    fn default() -> Self {
        AppraiseOptions {
            condition: None,
            baselines: ByOutcome::default(),
            ratio_threshold: 0.25,
            smd_threshold: 0.2,
            mids: ByOutcome::default(),
            method: None,
            lang: Lang::En,
            explain: true,
            answers: true,
        }
    }
}

/// The whole appraisal (the `appraise` JSON contract).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Appraisal {
    /// The condition the ratings are about (indirectness is judged against it).
    pub condition: Option<String>,
    pub outcomes: Vec<OutcomeAppraisal>,
    pub pooled: Vec<PooledAppraisal>,
    pub claims: Vec<ClaimCheck>,
    /// The answer for each therapy studied in the question's condition, best supported first.
    pub answers: Vec<summary::Answer>,
}

/// One study's outcome, appraised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeAppraisal {
    /// Study id.
    pub study: String,
    /// Outcome id.
    pub outcome: String,
    /// Outcome name.
    pub name: String,
    pub kind: OutcomeKind,
    /// `None` when there are no numbers to appraise (ongoing trial, result only in words, data
    /// that could not be analysed).
    pub certainty: Option<Certainty>,
    /// Every step from the start (high) to the level, in plain words (without words when the
    /// appraisal was asked for none: [`AppraiseOptions::explain`]).
    pub reasons: Vec<Reason>,
    /// GRADE's plain-language statement.
    pub statement: String,
    /// The effect with its 95% interval on the natural scale (ratios as ratios), when those are
    /// finite, and on the analysis scale (`yi`, `vi`; `vi` is NaN, written `null`, for a proportion
    /// given with an interval but no size).
    pub effect: Option<Effect>,
    /// Numbers per 100 and per 1,000 people, NNT/NNH; `None` when the measure is not a risk or no
    /// baseline risk is known (then `note` says why).
    pub absolute: Option<Absolute>,
    /// Why something is missing, in plain words.
    pub note: Option<String>,
}

/// One appraised piece of evidence (a study's outcome or a pooled body), kept for claim checks.
#[derive(Debug, Clone)]
pub(crate) struct Item<'a> {
    pub studies: Vec<&'a Study>,
    pub outcome: &'a Outcome,
    pub effect: Option<Effect>,
    pub single_arm: bool,
    pub certainty: Option<Certainty>,
    /// The appraisal's statement and rating steps, borrowed from it once every appraisal is made
    /// (copying them for 10,000 studies was a sixth of appraising them).
    pub statement: &'a str,
    pub pooled: bool,
    /// A pooled result's body id ([`PooledAppraisal::id`]), borrowed with its statement.
    pub body: Option<&'a str>,
    /// What the effect shows against the thresholds of importance (for claim checks).
    pub importance: Option<text::Importance>,
    /// The steps of the rating, so that a claim can judge indirectness against its own question.
    pub reasons: &'a [Reason],
    /// People out of 100 who had the outcome despite the treatment, for a comparison with
    /// absolute numbers (a claim of a complete effect is measured against it).
    pub despite: Option<absolute::Despite>,
}

impl Item<'_> {
    /// Whether the result is given in words alone (no numbers, no effect): its statement says
    /// so ("Reported in a form we cannot analyse: …").
    pub(crate) fn in_words(&self) -> bool {
        self.effect.is_none() && self.outcome.data.is_none()
    }
}

fn finite(x: f64) -> bool {
    x.is_finite()
}

/// The condition of the dataset's question: `question.condition`, or else its most common
/// condition, a study counting for its condition and for the conditions its vocabulary term is
/// directly within (so that two populations of one disease count for the disease).
pub fn main_condition(dataset: &Dataset) -> Option<String> {
    if let Some(c) = dataset
        .question
        .as_ref()
        .and_then(|q| q.condition.as_deref())
        .filter(|c| !c.trim().is_empty())
    {
        return Some(c.trim().to_string());
    }
    let lexicon = Lexicon::new(&dataset.vocabulary);
    // Each distinct spelling is resolved once (studies repeat the same few), found again by a
    // binary search: a sorted list, not a map of a type of its own.
    let mut spellings: Vec<&str> = dataset
        .studies
        .iter()
        .map(|s| s.condition.as_str())
        .collect();
    crate::sort::sort_unique(&mut spellings);
    let keys: Vec<Vec<String>> = spellings
        .iter()
        .map(|&condition| {
            let mut names: Vec<String> = match lexicon.term(List::Conditions, condition) {
                Some(t) => std::iter::once(t.name.to_string())
                    .chain(t.broader.iter().filter_map(|b| {
                        lexicon
                            .by_id(List::Conditions, b)
                            .map(|t| t.name.to_string())
                    }))
                    .collect(),
                None => vec![condition.trim().to_string()],
            };
            // Names of nothing but punctuation count for no condition.
            names.retain(|k| !crate::model::terms::normalize(k).is_empty());
            names
        })
        .collect();
    // Each study's names, (name, study), then counted by name: a sort, not a map, whose type
    // would bring its own tree code into the wasm.
    let mut named: Vec<(&str, usize)> = Vec::new();
    for (i, s) in dataset.studies.iter().enumerate() {
        let ks = spellings
            .binary_search(&s.condition.as_str())
            .map_or(&[][..], |at| keys[at].as_slice());
        named.extend(ks.iter().map(|k| (k.as_str(), i)));
    }
    // By name, each name's studies in dataset order (the sort is stable): (name, (studies,
    // first study)) in the names' order, the order ties are broken in.
    crate::sort::sort_by(&mut named, |a, b| a.0.cmp(b.0));
    let mut counts: Vec<(&str, (usize, usize))> = Vec::new();
    for (name, i) in named {
        match counts.last_mut() {
            Some((last, (n, _))) if *last == name => *n += 1,
            _ => counts.push((name, (1, i))),
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(c, _)| c.to_string())
}

/// Appraises one study's outcome against the question's condition, with no vocabulary.
pub fn appraise_outcome(
    study: &Study,
    outcome: &Outcome,
    options: &AppraiseOptions,
    condition: &str,
) -> OutcomeAppraisal {
    let lexicon = Lexicon::new(&Default::default());
    appraise_item(
        study,
        outcome,
        options,
        &MainCondition::new(condition, &lexicon),
    )
    .0
}

/// A study's outcome without a rating: the base every appraisal starts from.
fn empty(
    study: &Study,
    outcome: &Outcome,
    lang: Lang,
    statement: String,
    note: Option<String>,
) -> OutcomeAppraisal {
    OutcomeAppraisal {
        study: study.id.clone(),
        outcome: outcome.id.clone(),
        name: outcome.name.get(lang.as_str()).to_string(),
        kind: outcome.kind,
        certainty: None,
        reasons: Vec::new(),
        statement,
        effect: None,
        absolute: None,
        note,
    }
}

fn appraise_item<'a>(
    study: &'a Study,
    outcome: &'a Outcome,
    options: &AppraiseOptions,
    condition: &MainCondition,
) -> (OutcomeAppraisal, Option<Item<'a>>) {
    let therapy = study.intervention.therapy.as_str();
    let lexicon = condition.lexicon;
    let lang = condition.lang;
    let say = |key: &str| t(lang, key).to_string();
    let Some(data) = outcome.data.as_ref() else {
        if study.status == StudyStatus::Ongoing {
            return (
                empty(
                    study,
                    outcome,
                    lang,
                    say("appraisal.pending"),
                    Some(say("note.not_rated_yet")),
                ),
                None,
            );
        }
        let Some(rep) = outcome.reported.as_ref() else {
            return (
                empty(
                    study,
                    outcome,
                    lang,
                    say("appraisal.no_results"),
                    Some(say("note.no_data")),
                ),
                None,
            );
        };
        return reported_in_words(study, outcome, rep.get(lang.as_str()), condition);
    };
    let eff = match effect_of(data) {
        Ok(e) => e,
        Err(e) => {
            if let EffectData::Proportion(p) = data {
                if let Some(v) = p.value().filter(|v| (0.0..=1.0).contains(v)) {
                    return (
                        proportion_without_interval(study, outcome, v, condition),
                        None,
                    );
                }
            }
            return (
                empty(
                    study,
                    outcome,
                    lang,
                    say("appraisal.not_analysable"),
                    Some(tn(lang, "note.not_analysable", &[("why", &e.to_string())])),
                ),
                None,
            );
        }
    };
    let single = rate::is_single_arm(study, outcome);
    let mut r = condition.rating();
    rate::rate_design(&mut r, study, outcome);
    rate::rate_risk_of_bias(&mut r, study, outcome, !single, lexicon);
    let th = rate::thresholds(
        eff.measure,
        &outcome.id,
        lexicon.is_serious(outcome),
        options,
    );
    if !single {
        // The comparison group's risk, as the absolute numbers take it (for the OIS of a risk).
        let given = || outcome.usable_baseline().ok().flatten().map(|b| b.risk);
        let control = (control_risk(data))
            .or_else(|| options.baselines.get(&outcome.id).copied())
            .or_else(given);
        rate::rate_imprecision(
            &mut r,
            &eff,
            th,
            rate::participants(study, data),
            rate::events(data),
            control,
        );
    }
    // Periods counted as people narrow a single group's interval as much as a comparison's.
    rate::rate_unit_of_analysis(&mut r, study);
    rate::rate_indirectness(&mut r, study, outcome, condition);
    rate::rate_publication_bias_review(&mut r, study, outcome);
    if !single {
        rate::rate_large_effect(&mut r, &eff);
    }
    let certainty = r.certainty();
    let review = study.design == crate::model::Design::SystematicReview;
    let name = outcome.name.get(lang.as_str());
    let article = outcome.article(lang.as_str());
    let importance = rate::importance(&eff, th);
    let statement = if single {
        let attributed = lexicon.is_attributable(outcome);
        condition.once(
            statement_key(
                [b's', review as u8, attributed as u8],
                therapy,
                name,
                article,
            ),
            || {
                let subject = text::Subject::of(therapy, false);
                text::single_arm_statement(lang, subject, name, article, review, attributed)
            },
        )
    } else {
        let importance_code = match importance {
            text::Importance::Important(text::Direction::Reduces) => 0,
            text::Importance::Important(text::Direction::Increases) => 1,
            text::Importance::LittleOrNone => 2,
        };
        condition.once(
            statement_key(
                [b'c', certainty as u8, importance_code],
                therapy,
                name,
                article,
            ),
            || {
                let subject = text::Subject::of(therapy, lexicon.is_plural(therapy));
                text::statement(lang, certainty, subject, name, article, importance)
            },
        )
    };
    let (absolute, note) = absolute_for(study, outcome, data, &eff, single, options, condition);
    let summary = [eff.estimate, eff.ci_lb, eff.ci_ub]
        .iter()
        .all(|v| finite(*v))
        .then_some(eff);
    let item = Item {
        studies: vec![study],
        outcome,
        effect: Some(eff),
        single_arm: single,
        certainty: Some(certainty),
        statement: "",
        pooled: false,
        body: None,
        importance: Some(importance),
        reasons: &[],
        despite: absolute.as_ref().and_then(Absolute::despite),
    };
    (
        OutcomeAppraisal {
            certainty: Some(certainty),
            reasons: r.reasons,
            effect: summary,
            absolute,
            ..empty(study, outcome, lang, statement, note)
        },
        Some(item),
    )
}

/// What a study's statement depends on besides the language (its kind and wording codes, the
/// therapy, the outcome's name and its article), as one key for [`MainCondition::once`]. The
/// therapy's length comes before it, so that no therapy and name can run into another pair's.
fn statement_key(codes: [u8; 3], therapy: &str, name: &str, article: Option<&str>) -> String {
    let article = article.unwrap_or("");
    let mut key = String::with_capacity(therapy.len() + name.len() + article.len() + 13);
    key.extend(codes.map(char::from));
    key.push_str(&therapy.len().to_string());
    key.push(':');
    key.push_str(therapy);
    key.push_str(name);
    // Two outcomes of one name may have different articles.
    key.push('\u{0}');
    key.push_str(article);
    key
}

/// For a harm, how many people had the treatment and were watched for it: the proportion's own
/// denominator, or the study's people when every one of them had the treatment (a study or a
/// review of studies without a comparison group; a trial's or a cohort's people may include
/// others).
fn harm_seen_in(study: &Study, outcome: &Outcome, data: Option<&EffectData>) -> Option<u64> {
    if outcome.kind != OutcomeKind::Harm {
        return None;
    }
    let ni = match data {
        Some(EffectData::Proportion(p)) => p.ni,
        _ => None,
    };
    let all_treated = rate::without_comparison(study, outcome);
    ni.or_else(|| all_treated.then(|| study.n.map(u64::from)).flatten())
}

/// A single-group proportion given without a size or interval: rated (very low, no comparison),
/// shown, but without an interval.
fn proportion_without_interval(
    study: &Study,
    outcome: &Outcome,
    v: f64,
    condition: &MainCondition,
) -> OutcomeAppraisal {
    let mut r = condition.rating();
    rate::rate_design(&mut r, study, outcome);
    rate::rate_risk_of_bias(&mut r, study, outcome, false, condition.lexicon);
    rate::rate_indirectness(&mut r, study, outcome, condition);
    rate::rate_publication_bias_review(&mut r, study, outcome);
    let review = study.design == crate::model::Design::SystematicReview;
    let therapy = &study.intervention.therapy;
    let lang = condition.lang;
    let name = outcome.name.get(lang.as_str());
    let attributed = condition.lexicon.is_attributable(outcome);
    let subject = text::Subject::of(therapy, false);
    let article = outcome.article(lang.as_str());
    let statement = text::single_arm_statement(lang, subject, name, article, review, attributed);
    let (absolute, note) = if rate::pooled_cycle_caveat(study).is_some() {
        (None, AbsoluteError::PooledPeriods.words(lang))
    } else {
        (
            absolute::single_arm(
                v,
                None,
                None,
                lang,
                (therapy, name),
                attributed,
                harm_seen_in(study, outcome, None),
            )
            .ok(),
            // An interval given at another level that cannot be taken to 95% is not "none given".
            match &outcome.data {
                Some(EffectData::Proportion(p)) if p.ci_lb.is_some() && p.ci_ub.is_some() => {
                    t(lang, "note.interval_not_95").to_string()
                }
                _ => t(lang, "note.no_interval").to_string(),
            },
        )
    };
    OutcomeAppraisal {
        certainty: Some(r.certainty()),
        reasons: r.reasons,
        absolute,
        ..empty(study, outcome, lang, statement, Some(note))
    }
}

/// A result reported only in words ("no deaths", "not significant"): rated like any other, with
/// imprecision rated down two levels, since without numbers neither the size of the effect nor
/// its precision can be judged. Kept as evidence for claims (without an effect).
fn reported_in_words<'a>(
    study: &'a Study,
    outcome: &'a Outcome,
    reported: &str,
    condition: &MainCondition,
) -> (OutcomeAppraisal, Option<Item<'a>>) {
    let single = rate::without_comparison(study, outcome);
    let mut r = condition.rating();
    rate::rate_design(&mut r, study, outcome);
    rate::rate_risk_of_bias(&mut r, study, outcome, !single, condition.lexicon);
    if !single {
        let text = r.say("reason.words_only", &[]);
        r.push(Domain::Imprecision, -2, text);
    }
    rate::rate_indirectness(&mut r, study, outcome, condition);
    rate::rate_publication_bias_review(&mut r, study, outcome);
    let certainty = r.certainty();
    let statement = tn(
        condition.lang,
        "appraisal.in_words",
        &[("text", &text::after_colon(condition.lang, reported))],
    );
    let item = Item {
        studies: vec![study],
        outcome,
        effect: None,
        single_arm: single,
        certainty: Some(certainty),
        statement: "",
        pooled: false,
        body: None,
        importance: None,
        reasons: &[],
        despite: None,
    };
    let note = Some(t(condition.lang, "note.no_analysable").to_string());
    (
        OutcomeAppraisal {
            certainty: Some(certainty),
            reasons: r.reasons,
            ..empty(study, outcome, condition.lang, statement, note)
        },
        Some(item),
    )
}

/// A 2×2 table's risk difference with its 95% interval: the absolute numbers of a comparison
/// group whose risk no ratio can change (no one, or everyone, had the outcome). The interval is
/// Newcombe's hybrid score interval (1998, method 10), from each arm's Wilson interval: with a
/// zero arm the Wald interval (the variance of a risk of 0 is 0) is too narrow.
fn risk_difference(data: &EffectData) -> Option<Effect> {
    let EffectData::Counts(c) = data else {
        return None;
    };
    let (n1, n2) = (c.n1() as f64, c.n2() as f64);
    if n1 <= 0.0 || n2 <= 0.0 {
        return None;
    }
    let (p1, p2) = (c.ai as f64 / n1, c.ci as f64 / n2);
    let z = crate::stats::dist::qnorm_upper(0.025);
    let ((l1, u1), (l2, u2)) = (wilson(p1, n1, z), wilson(p2, n2, z));
    let d = p1 - p2;
    let lower = d - ((p1 - l1).powi(2) + (u2 - p2).powi(2)).sqrt();
    let upper = d + ((u1 - p1).powi(2) + (p2 - l2).powi(2)).sqrt();
    // The interval's own variance on the analysis scale, for what reads `vi`.
    let vi = ((upper - lower) / (2.0 * z)).powi(2);
    Some(Effect {
        measure: Measure::Rd,
        yi: d,
        vi,
        estimate: d,
        ci_lb: lower,
        ci_ub: upper,
    })
}

/// Control-arm risk from counts.
pub(crate) fn control_risk(data: &EffectData) -> Option<f64> {
    match data {
        EffectData::Counts(c) if c.n2() > 0 => Some(c.ci as f64 / c.n2() as f64),
        _ => None,
    }
}

fn absolute_for(
    study: &Study,
    outcome: &Outcome,
    data: &EffectData,
    eff: &Effect,
    single: bool,
    options: &AppraiseOptions,
    condition: &MainCondition,
) -> (Option<Absolute>, Option<String>) {
    let lang = condition.lang;
    let therapy = &study.intervention.therapy;
    let name = outcome.name.get(lang.as_str());
    // Events per treatment period would read as people out of 100 and overstate what is known.
    let periods = || (None, Some(AbsoluteError::PooledPeriods.words(lang)));
    let pooled_periods = rate::pooled_cycle_caveat(study).is_some();
    if single {
        if !data.is_single_arm() {
            return (None, Some(t(lang, "note.not_proportion").to_string()));
        }
        if pooled_periods {
            return periods();
        }
        return match absolute::single_arm(
            eff.estimate,
            Some(eff.ci_lb),
            Some(eff.ci_ub),
            lang,
            (therapy, name),
            condition.lexicon.is_attributable(outcome),
            harm_seen_in(study, outcome, Some(data)),
        ) {
            Ok(a) => (Some(a), None),
            Err(e) => (None, Some(e.words(lang))),
        };
    }
    if pooled_periods && eff.measure.is_risk() {
        // What the counts do show, in their own unit: out of 100 treatment periods.
        return match data {
            EffectData::Counts(c) if c.n1() > 0 && c.n2() > 0 => {
                let per_100 = |x: u64, n: u64| absolute::people(lang, 100.0 * x as f64 / n as f64);
                let note = tn(
                    lang,
                    "note.periods_counts",
                    &[
                        ("control", &per_100(c.ci, c.n2())),
                        ("treated", &per_100(c.ai, c.n1())),
                        ("therapy", &text::name_in_sentence(lang, therapy)),
                    ],
                );
                (None, Some(note))
            }
            _ => periods(),
        };
    }
    let (assumed, eff) = match (control_risk(data), options.baselines.get(&outcome.id)) {
        // No one (or everyone) in the comparison group had it: a ratio would leave that risk as
        // it is, so the arms' own risks and their difference give the numbers, as a review's
        // risk difference would.
        (Some(b), _) if (b == 0.0 || b == 1.0) && eff.measure.is_ratio() => {
            match risk_difference(data) {
                Some(rd) => (Assumed::of(b, BaselineSource::ControlArm), rd),
                None => return (None, Some(AbsoluteError::ExtremeBaseline.words(lang))),
            }
        }
        (Some(b), _) => (Assumed::of(b, BaselineSource::ControlArm), *eff),
        (None, Some(&b)) => (Assumed::of(b, BaselineSource::Caller), *eff),
        (None, None) => match Assumed::given(outcome, lang) {
            Ok(assumed) => (assumed, *eff),
            Err(why) => return (None, Some(why.for_measure(eff.measure).words(lang))),
        },
    };
    // A comparison group's risk is for the outcome's own time, said once as a forest row says it
    // ("Patients with at least one adverse event, weeks 0-24"); a dataset's baseline says its own.
    let named = match assumed.source {
        BaselineSource::ControlArm => outcome.name_with_time(lang.as_str()),
        _ => name.to_string(),
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
        &named,
    ) {
        Ok(mut a) => {
            // No one treated had it, yet a ratio cannot make that zero: the reader is told what
            // the study saw beside the number worked out from the ratio ("about 0.7 in 100").
            if let (EffectData::Counts(c), BaselineSource::ControlArm) = (data, assumed.source) {
                if c.ai == 0 && c.n1() > 0 && eff.measure.is_ratio() {
                    let seen = tn(
                        lang,
                        "abs.observed_none",
                        &[
                            ("n", &crate::i18n::int(lang, c.n1())),
                            ("therapy", &text::name_in_sentence(lang, therapy)),
                        ],
                    );
                    a.text.push_str(&seen);
                    a.short.push_str(&seen);
                }
            }
            (Some(a), None)
        }
        Err(e) => (None, Some(e.words(lang))),
    }
}

/// Appraises a dataset: every study's outcomes, the bodies that can be pooled, and the claims.
pub fn appraise(dataset: &Dataset, options: &AppraiseOptions) -> Appraisal {
    let condition = options
        .condition
        .clone()
        .filter(|c| !c.trim().is_empty())
        .or_else(|| main_condition(dataset));
    let cond = condition.clone().unwrap_or_default();
    let lexicon = Lexicon::new(&dataset.vocabulary);
    let main = MainCondition::in_language(&cond, &lexicon, options.lang).explained(options.explain);
    // Sized up front: growing them moved every appraisal already made, a quarter of the time
    // of appraising 10,000 studies.
    let count = dataset.studies.iter().map(|s| s.outcomes.len()).sum();
    let mut outcomes = Vec::with_capacity(count);
    // Each item with the index of its appraisal, whose words it borrows once all are made.
    let mut unworded = Vec::with_capacity(count);
    for s in &dataset.studies {
        for o in &s.outcomes {
            let (a, item) = appraise_item(s, o, options, &main);
            unworded.extend(item.map(|item| (outcomes.len(), item)));
            outcomes.push(a);
        }
    }
    let (pooled, pooled_items) = pool::pool_dataset(dataset, options, &main);
    let items: Vec<Item<'_>> = unworded
        .into_iter()
        .map(|(i, item)| Item {
            statement: &outcomes[i].statement,
            reasons: &outcomes[i].reasons,
            ..item
        })
        .chain(pooled_items.into_iter().map(|(i, item)| Item {
            statement: &pooled[i].statement,
            reasons: &pooled[i].reasons,
            body: Some(&pooled[i].id),
            ..item
        }))
        .collect();
    let claims = dataset
        .claims
        .iter()
        .map(|c| claims::check_claim(c, dataset, &items, &lexicon, options.lang))
        .collect::<Vec<_>>();
    let answers = if options.answers {
        summary::answers(dataset, &outcomes, &pooled, &claims, &main)
    } else {
        Vec::new()
    };
    Appraisal {
        condition,
        outcomes,
        pooled,
        claims,
        answers,
    }
}

#[cfg(test)]
mod tests {
    use super::ByOutcome;

    /// The last number given for an id counts, as a repeated option on a command line does.
    #[test]
    fn by_outcome_keeps_the_last_number_for_an_id() {
        let mut b: ByOutcome = [("a".to_string(), 0.1), ("b".to_string(), 0.2)]
            .into_iter()
            .collect();
        b.insert("a".to_string(), 0.3);
        assert_eq!(b.get("a"), Some(&0.3));
        assert_eq!(b.get("b"), Some(&0.2));
        assert_eq!(b.get("c"), None);
    }
}
