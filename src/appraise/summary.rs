//! The answer for each question in the data, as a summary-of-findings table or a fact box would
//! give it: for each therapy studied in the question's condition, the main benefit and the main
//! harm in plain words and natural frequencies, the certainty, what the answer rests on, what the
//! checked claims about it say and how recent the evidence is.
//!
//! The main benefit is the most certain comparison of a benefit outcome (a pooled body before a
//! single study, a patient-important outcome before a surrogate); the main harm is the most
//! serious harm with numbers (death before other serious harms before any harm), and among
//! equally serious ones the one with the highest risk, so that a rare but real risk of death is
//! never hidden behind a reassuring one.

use foldhash::{HashMap, HashSet};

use serde::Serialize;

use crate::model::{Dataset, Design, Outcome, OutcomeKind, Study, StudyStatus};
use crate::stats::effect::Effect;

use super::absolute::within;
use super::certainty::Certainty;
use super::claims::{ClaimCheck, ClaimEvidence, Verdict};
use super::matching::{Lexicon, List, MainCondition, Relation};
use super::rate::is_single_arm;
use super::text::{distinct, effect_num, lower_first, measure_words};
use super::{Absolute, AbsoluteError, Basis, OutcomeAppraisal, PerN, PooledAppraisal};
use crate::i18n::{t, tn, Lang};
use crate::model::terms::{is_blank, normalize};

/// One finding of an answer: a study's (or a pooled body's) result for one outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Study ids (several for a pooled body).
    pub studies: Vec<String>,
    pub outcome: String,
    pub name: String,
    pub certainty: Option<Certainty>,
    /// GRADE's plain-language statement.
    pub statement: String,
    /// Natural frequencies in full: "Deaths: out of 1,000 people, about 93 without it and about 7
    /// (95% CI 0.4 to 116) with it (87 fewer; …). Out of 100: 9 without, 0.7 with.", or why there
    /// are none.
    pub frequencies: Option<String>,
    /// The natural frequencies in short, for the card: people out of 100 without and with it
    /// (see `Absolute::short`); `frequencies` has them in full.
    pub in_short: Option<String>,
    /// People out of 100 without and with the treatment, and the range with it, when known.
    pub per_100: Option<PerN>,
    /// Whether the result had a comparison group.
    pub controlled: bool,
    /// Whether its interval excludes no difference (a clear difference, either way), which
    /// the summary's title must not deny.
    #[serde(skip)]
    pub clear: bool,
    /// Who the result is about and what the therapy was compared with, as a summary-of-findings
    /// table heads its rows ("In Trial 2019: 110 people with …; comparison: placebo").
    pub who: Option<String>,
    /// The study's own description of its people, in the reader's language, when one study
    /// gives the finding: its forms of the disease, disability and years, which can make a
    /// result apply less to the question's people (for the card's details).
    pub population: Option<String>,
    /// For the main harm: the same harm (the same concept in the vocabulary) in the therapy's
    /// other results, with the risk each gives ("Other results for the same harm: Burt 2021
    /// (AHSCT cohort), treatment-related death: about 0.2 in 100 (95% CI 0 to 1)."). The main
    /// harm is the highest risk, so that it is never hidden; this keeps a lower one, and the
    /// studies' disagreement, from being hidden too. For the main benefit: the other controlled
    /// results whose interval includes no effect: pooled bodies first, then single results, one a
    /// study.
    pub elsewhere: Option<String>,
}

/// The answer to one question: a therapy for the question's condition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// The therapy as the studies name it ("AHSCT").
    pub therapy: String,
    /// Its name in the vocabulary, when that says more ("autologous haematopoietic …").
    pub therapy_name: String,
    /// The question's condition, named in the appraisal's language.
    pub condition: String,
    /// The answer in one sentence: the main benefit's statement, or why there is none.
    pub headline: String,
    /// The certainty of the main benefit (the answer's certainty).
    pub certainty: Option<Certainty>,
    pub benefit: Option<Finding>,
    pub harm: Option<Finding>,
    /// Completed studies of the therapy in the question's condition, not counting reviews.
    pub studies: usize,
    /// Completed reviews of studies of the therapy in the question's condition (their studies
    /// may be among `studies`, so their people are not counted again).
    pub reviews: usize,
    /// Of those, randomised trials.
    pub randomised: usize,
    /// Of those, studies whose design the data do not state (an imported review's, often): none
    /// randomised is then not said, since it is not known.
    #[serde(skip)]
    pub unstated: usize,
    /// Studies still running.
    pub ongoing: usize,
    /// People in the completed studies.
    pub people: u64,
    /// The completed studies and reviews that also took people without the question's
    /// condition (their labels).
    pub mixed: Vec<String>,
    /// The verdicts of the checked claims about it (or about a family it belongs to).
    pub claims: Vec<(String, Verdict)>,
    /// The year of the most recent completed study.
    pub latest_year: Option<u16>,
    /// Where the answer comes from: the completed studies' labels, in the dataset's order.
    pub sources: Vec<String>,
}

/// The answers for a dataset, the best-supported first.
pub(crate) fn answers(
    dataset: &Dataset,
    outcomes: &[OutcomeAppraisal],
    pooled: &[PooledAppraisal],
    claims: &[ClaimCheck],
    main: &MainCondition,
) -> Vec<Answer> {
    let lexicon = main.lexicon;
    let question_therapy = dataset
        .question
        .as_ref()
        .and_then(|q| q.therapy.as_deref())
        .filter(|t| !t.trim().is_empty());
    // Studies by therapy (its vocabulary term, or its normalized name), in dataset order. Data
    // that name no therapy at all (a spreadsheet of one comparison) are about one treatment.
    let unnamed = (dataset.studies.iter()).all(|s| is_blank(&s.intervention.therapy));
    let mut keyed: Vec<(String, &Study)> = Vec::new();
    for s in &dataset.studies {
        let in_question = main.name.trim().is_empty() || main.fit(&s.condition).counts();
        let of_question = question_therapy.map_or(true, |q| {
            matches!(
                lexicon.relation(List::Therapies, &s.intervention.therapy, q),
                Relation::Same | Relation::Narrower
            )
        });
        if !in_question || !of_question {
            continue;
        }
        let key = lexicon.treatment_key(&s.intervention.therapy);
        if key.is_empty() && !unnamed {
            continue;
        }
        keyed.push((key, s));
    }
    // Grouped by key in the keys' order, each group in dataset order (the sort is stable): a
    // sort, not a map, whose type would bring its own tree code into the wasm.
    crate::sort::sort_by(&mut keyed, |a, b| a.0.cmp(&b.0));
    let mut groups: Vec<Vec<&Study>> = Vec::new();
    for (i, (key, s)) in keyed.iter().enumerate() {
        match groups.last_mut() {
            Some(group) if keyed[i - 1].0 == *key => group.push(s),
            _ => groups.push(vec![s]),
        }
    }
    // A body with a study outside the question is no answer's: its members stand on their own.
    let answered: HashSet<&str> = (groups.iter())
        .flat_map(|studies| studies.iter().map(|s| s.id.as_str()))
        .collect();
    let members = pooled_members(pooled, &answered);
    // Each answer gets its own results and bodies, handed out in one pass: each answer scanning
    // every result was quadratic (10,000 therapies took seconds). A study's group is found by its
    // place in the dataset (through the id lookup the answers use anyway: a map of another type
    // would cost the wasm a kilobyte).
    let place = |s: &Study| {
        (s as *const Study as usize - dataset.studies.as_ptr() as usize) / size_of::<Study>()
    };
    let mut group_at = vec![usize::MAX; dataset.studies.len()];
    for (g, studies) in groups.iter().enumerate() {
        for s in studies {
            group_at[place(s)] = g;
        }
    }
    let by_id = dataset.studies_by_id();
    let group_of = |id: &str| {
        by_id
            .get(id)
            .map(|s| group_at[place(s)])
            .filter(|g| *g != usize::MAX)
    };
    let mut outcomes_of: Vec<Vec<&OutcomeAppraisal>> = vec![Vec::new(); groups.len()];
    for o in outcomes {
        if let Some(g) = group_of(&o.study) {
            outcomes_of[g].push(o);
        }
    }
    let mut pooled_of: Vec<Vec<&PooledAppraisal>> = vec![Vec::new(); groups.len()];
    for p in pooled {
        if let Some(g) = p.studies.first().and_then(|s| group_of(s)) {
            pooled_of[g].push(p);
        }
    }
    let mut out: Vec<Answer> = (groups.iter().zip(outcomes_of.iter().zip(&pooled_of)))
        .map(|(studies, (outcomes, pooled))| {
            answer(studies, outcomes, (pooled, &members), claims, main)
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| {
        b.certainty
            .cmp(&a.certainty)
            .then(b.randomised.cmp(&a.randomised))
            .then(b.studies.cmp(&a.studies))
    });
    out
}

/// The members (study, outcome) of every pooled body whose studies are all `answered`, each
/// once: made once for all the answers (a set per therapy of every body's members grew with
/// therapies × studies).
fn pooled_members<'p>(
    pooled: &'p [PooledAppraisal],
    answered: &HashSet<&str>,
) -> HashSet<(&'p str, &'p str)> {
    pooled
        .iter()
        .filter(|p| p.refused.is_none())
        .filter(|p| p.studies.iter().all(|s| answered.contains(s.as_str())))
        .flat_map(|p| -> Vec<(&str, &str)> {
            match &p.fit {
                Some(f) => f
                    .members
                    .iter()
                    .map(|(s, x)| (s.as_str(), x.as_str()))
                    .collect(),
                None => p
                    .studies
                    .iter()
                    .map(|s| (s.as_str(), p.outcome.as_str()))
                    .collect(),
            }
        })
        .collect()
}

/// The rated bodies of a benefit among `pooled`, every study of them the answer's (a body's kind
/// is its first study's outcome's).
fn benefit_bodies<'p>(
    studies: &'p Studies,
    pooled: &'p [&'p PooledAppraisal],
) -> impl Iterator<Item = &'p PooledAppraisal> + 'p {
    let study = |id: &str| studies.get(id).copied();
    pooled
        .iter()
        .copied()
        .filter(|p| p.certainty.is_some() && p.refused.is_none())
        .filter(move |p| p.studies.iter().all(|id| study(id).is_some()))
        .filter(move |p| {
            study(&p.studies[0])
                .and_then(|s| s.outcomes.iter().find(|o| o.id == p.outcome))
                .is_some_and(|o| o.kind == OutcomeKind::Benefit)
        })
}

/// Pooled bodies, and their members ([`pooled_members`]).
type Bodies<'p> = (&'p [&'p PooledAppraisal], &'p HashSet<(&'p str, &'p str)>);

fn answer(
    studies: &[&Study],
    outcomes: &[&OutcomeAppraisal],
    pooled: Bodies,
    claims: &[ClaimCheck],
    main: &MainCondition,
) -> Answer {
    let lexicon = main.lexicon;
    let therapy = match studies[0].intervention.therapy.trim() {
        t if is_blank(t) => String::new(),
        t => t.to_string(),
    };
    let therapy_name = match therapy.as_str() {
        "" => t(main.lang, "therapy.unnamed").to_string(),
        _ => lexicon.display_in(List::Therapies, &therapy, main.lang),
    };
    // Looked up by id: a therapy with thousands of studies must not search a list per outcome.
    let by_id: Studies = crate::model::by_id(studies.iter().copied());
    let completed: Vec<&&Study> = studies
        .iter()
        .filter(|s| s.status == StudyStatus::Completed)
        .collect();

    let lang = main.lang;
    // The question's condition as the vocabulary names it in the reader's language.
    let condition = lexicon.display_in(List::Conditions, main.name, lang);
    let who = |f: Finding| with_who(f, &by_id, lexicon, lang);
    let benefit = main_benefit(&by_id, outcomes, pooled, lexicon, lang).map(|b| Finding {
        elsewhere: no_clear_benefit_elsewhere(&b.studies, &by_id, outcomes, pooled, lang),
        ..who(b)
    });
    let harm = main_harm(&by_id, outcomes, lexicon).map(|o| Finding {
        elsewhere: same_harm_elsewhere(o, &by_id, outcomes, lexicon, lang),
        ..who(finding(o, &by_id, lang))
    });
    let x = lower_first(if therapy.is_empty() {
        &therapy_name
    } else {
        &therapy
    });
    let headline = match &benefit {
        // Data that name no condition say only whether it helps.
        Some(b) if b.controlled && b.certainty == Some(Certainty::VeryLow) => {
            match condition.trim().is_empty() {
                true => tn(lang, "answer.very_uncertain_any", &[("therapy", &x)]),
                false => tn(
                    lang,
                    "answer.very_uncertain",
                    &[("therapy", &x), ("condition", &lower_first(&condition))],
                ),
            }
        }
        Some(b) if b.controlled => match narrower_population(b, &by_id, main) {
            Some(people) => tn(
                lang,
                "answer.in_population",
                &[
                    ("condition", &people),
                    ("statement", &lower_first(&b.statement)),
                ],
            ),
            None => b.statement.clone(),
        },
        _ if completed.is_empty() => tn(lang, "answer.pending", &[("therapy", &x)]),
        // Controlled studies that report only harms have not been asked how well it works.
        None if harm.as_ref().is_some_and(|h| h.controlled) => {
            tn(lang, "answer.harms_only", &[("therapy", &x)])
        }
        _ => tn(lang, "answer.uncontrolled", &[("therapy", &x)]),
    };
    let certainty = benefit
        .as_ref()
        .filter(|b| b.controlled)
        .and_then(|b| b.certainty);
    // A review's people are counted in its own studies, which may be in the data too; a trial
    // that two entries report (a paper and its registry record) is one study.
    let counted = crate::model::one_entry_per_trial(
        completed
            .iter()
            .map(|s| **s)
            .filter(|s| s.design != Design::SystematicReview),
    );
    let studies_done = counted.len();
    // A claim is about this therapy when its evidence is; a claim that is supported (even in
    // part) counts here only when the support comes from this therapy's studies, so that a
    // claim about a family is not shown as supported for a member the evidence did not support.
    let ours = |e: &ClaimEvidence| e.studies.iter().any(|s| by_id.contains_key(s.as_str()));
    let claims_about: Vec<(String, Verdict)> = claims
        .iter()
        .filter(|c| match c.verdict {
            Verdict::Supported | Verdict::SupportedInPart => {
                c.evidence.iter().any(|e| e.can_support() && ours(e))
            }
            _ => c.evidence.iter().any(ours),
        })
        .map(|c| (c.id.clone(), c.verdict))
        .collect();
    Answer {
        therapy,
        therapy_name,
        condition,
        headline,
        certainty,
        benefit,
        harm,
        studies: studies_done,
        reviews: completed
            .iter()
            .filter(|s| s.design == Design::SystematicReview)
            .count(),
        randomised: counted.iter().filter(|s| s.design.is_randomised()).count(),
        unstated: counted
            .iter()
            .filter(|s| s.design == Design::Unknown)
            .count(),
        ongoing: studies.len() - completed.len(),
        people: counted.iter().filter_map(|s| s.n.map(u64::from)).sum(),
        mixed: completed
            .iter()
            .filter(|s| main.fit(&s.condition) == Relation::Broader)
            .map(|s| s.label.get(lang.as_str()).to_string())
            .collect(),
        claims: claims_about,
        latest_year: completed.iter().filter_map(|s| s.year).max(),
        sources: completed
            .iter()
            .map(|s| s.label.get(lang.as_str()).to_string())
            .collect(),
    }
}

/// The finding's studies, in its order (ids the therapy's studies do not have are skipped).
fn studies_of<'a>(f: &Finding, studies: &Studies<'a>) -> Vec<&'a Study> {
    f.studies
        .iter()
        .filter_map(|id| studies.get(id.as_str()).copied())
        .collect()
}

/// The finding with who it is about: its studies, their people and condition (as the vocabulary
/// names it in the reader's language) and, for a result with a comparison group, what the
/// therapy was compared with when every study says so.
fn with_who(mut f: Finding, studies: &Studies, lexicon: &Lexicon, lang: Lang) -> Finding {
    let of = studies_of(&f, studies);
    if of.is_empty() {
        return f;
    }
    let labels: Vec<String> = of
        .iter()
        .map(|s| s.label.get(lang.as_str()).to_string())
        .collect();

    // The people the studies give a number for; "at least" when some do not.
    let known: usize = of.iter().filter_map(|s| s.n).map(|n| n as usize).sum();
    let people = match of.iter().filter(|s| s.n.is_none()).count() {
        _ if known == 0 => t(lang, "answer.people_unknown").to_string(),
        0 => crate::i18n::plural(lang, "answer.people_with", known),
        _ => crate::i18n::plural(lang, "answer.people_with_at_least", known),
    };
    // Said only when every study names its comparison; different ones are alternatives.
    let comparators: Option<Vec<String>> = of
        .iter()
        .map(|s| {
            s.comparator
                .as_ref()
                .map(|c| c.get(lang.as_str()).trim().to_string())
                .filter(|c| !c.is_empty())
        })
        .collect();
    let comparators = comparators.map(distinct).filter(|_| f.controlled);
    let studies = crate::i18n::named_list(lang, &labels);
    let condition = conditions_of(&of, lexicon, lang);
    let mut args = vec![
        ("studies", studies.as_str()),
        ("people", people.as_str()),
        ("condition", condition.as_str()),
    ];
    let comparator = comparators.map(|c| crate::i18n::or_list(lang, &c));
    // Data that name no condition say only which studies (their people are counted on the card).
    let (who, who_compared) = match condition.is_empty() {
        true => ("answer.who_studies", "answer.who_studies_compared"),
        false => ("answer.who", "answer.who_compared"),
    };
    f.who = Some(match &comparator {
        Some(c) => {
            args.push(("comparator", c));
            tn(lang, who_compared, &args)
        }
        None => tn(lang, who, &args),
    });
    if let [study] = of.as_slice() {
        f.population = study
            .population
            .as_ref()
            .map(|p| p.get(lang.as_str()).trim().to_string())
            .filter(|p| !p.is_empty());
    }
    f
}

/// The condition of the people a controlled finding is about, when every one of its studies
/// was in a narrower population than the question's (one form of the question's disease): the
/// headline must say whom it applies to.
fn narrower_population(f: &Finding, studies: &Studies, main: &MainCondition) -> Option<String> {
    let of = studies_of(f, studies);
    let narrower = !of.is_empty()
        && of
            .iter()
            .all(|s| main.fit(&s.condition) == Relation::Narrower);
    narrower.then(|| conditions_of(&of, main.lexicon, main.lang))
}

/// The studies' conditions as the vocabulary names them in the reader's language, each once,
/// as a list for a sentence.
fn conditions_of(of: &[&Study], lexicon: &Lexicon, lang: Lang) -> String {
    let names = distinct(
        of.iter()
            .map(|s| lower_first(&lexicon.display_in(List::Conditions, &s.condition, lang))),
    );
    crate::i18n::and_list(lang, &names)
}

/// One therapy's studies by id.
type Studies<'a> = HashMap<&'a str, &'a Study>;

/// The study and outcome an appraisal is of, when it is one of `studies`.
fn source_of<'a>(studies: &Studies<'a>, o: &OutcomeAppraisal) -> Option<(&'a Study, &'a Outcome)> {
    let s = *studies.get(o.study.as_str())?;
    Some((s, s.outcomes.iter().find(|x| x.id == o.outcome)?))
}

fn main_benefit(
    studies: &Studies,
    outcomes: &[&OutcomeAppraisal],
    (pooled, members): Bodies,
    lexicon: &Lexicon,
    lang: Lang,
) -> Option<Finding> {
    let study = |id: &str| studies.get(id).copied();
    let surrogate = |s: &Study, outcome: &str| {
        s.outcomes
            .iter()
            .find(|o| o.id == outcome)
            .is_some_and(|o| o.surrogate || lexicon.stands_for(o).is_some())
    };
    // One ranking for pooled bodies and single results: controlled first, then the more
    // certain, then a patient-important outcome over a surrogate, then a pooled body over one
    // study, then the first listed (datasets list a study's primary outcome first, and the first
    // studies are the ones the editor put forward). A pooled body of lesion counts at very low
    // certainty does not displace a trial of disability at moderate.
    let key =
        |controlled: bool, certainty, study: Option<&Study>, outcome: &str, pooled: bool, i| {
            let direct = study.is_some_and(|s| !surrogate(s, outcome));
            (controlled, certainty, direct, pooled, std::cmp::Reverse(i))
        };
    let body = benefit_bodies(studies, pooled)
        .enumerate()
        .map(|(i, p)| {
            (
                key(true, p.certainty, study(&p.studies[0]), &p.outcome, true, i),
                p,
            )
        })
        .max_by_key(|(k, _)| *k);
    let rated = |o: &&OutcomeAppraisal| o.kind == OutcomeKind::Benefit && o.certainty.is_some();
    // GRADE rates the body of evidence: a pooled result stands for its members, which do not
    // compete with it (one large trial of a body rated down for inconsistency is not the answer).
    // Each member looked up per result (a body of 10,000 studies searched for each of its
    // 10,000 results would be quadratic).
    let in_body = |o: &OutcomeAppraisal| members.contains(&(o.study.as_str(), o.outcome.as_str()));
    let best = outcomes
        .iter()
        .enumerate()
        .filter(|(_, o)| studies.contains_key(o.study.as_str()))
        .filter(|(_, o)| rated(o) && !in_body(o))
        .filter(|(_, o)| o.effect.is_some())
        .map(|(i, o)| {
            let controlled = !is_single(studies, o);
            (
                key(
                    controlled,
                    o.certainty,
                    study(&o.study),
                    &o.outcome,
                    false,
                    i,
                ),
                o,
            )
        })
        .max_by_key(|(k, _)| *k);
    match (body, best) {
        (Some((kp, p)), best) if best.as_ref().map_or(true, |(kb, _)| kp > *kb) => Some(Finding {
            studies: p.studies.clone(),
            outcome: p.outcome.clone(),
            name: p.name.clone(),
            certainty: p.certainty,
            statement: p.statement.clone(),
            frequencies: (p.absolute.as_ref().map(|a| in_words(a, &a.text, lang))).or_else(|| {
                let e = p.effect.as_ref()?;
                let n = &e.natural;
                let numbers = [n.estimate?, n.ci_lb?, n.ci_ub?];
                Some(effect_only(lang, e.measure, numbers, &p.note))
            }),
            in_short: p.absolute.as_ref().map(|a| in_words(a, &a.short, lang)),
            per_100: p.absolute.as_ref().map(|a| a.per_100.clone()),
            controlled: true,
            // As the other pooled bodies' are told (`no_clear_benefit_elsewhere`).
            clear: (p.fit.as_ref())
                .is_some_and(|f| !Effect::pooled(f.measure, &f.fit).crosses_null()),
            who: None,
            population: None,
            elsewhere: None,
        }),
        (_, best) => best.map(|(_, o)| finding(o, studies, lang)),
    }
}

fn main_harm<'o>(
    studies: &Studies,
    outcomes: &[&'o OutcomeAppraisal],
    lexicon: &Lexicon,
) -> Option<&'o OutcomeAppraisal> {
    let outcome_of = |o: &OutcomeAppraisal| source_of(studies, o).map(|(_, x)| x);
    let seriousness = |o: &OutcomeAppraisal| {
        outcome_of(o).map_or(0, |x| {
            if lexicon.is_fatal(x) {
                2
            } else if lexicon.is_serious(x) {
                1
            } else {
                0
            }
        })
    };
    let risk = |o: &OutcomeAppraisal| {
        o.absolute
            .as_ref()
            .map_or(-1.0, |a| a.per_100.treatment.max(-1.0))
    };
    outcomes
        .iter()
        .copied()
        .filter(|o| studies.contains_key(o.study.as_str()))
        .filter(|o| o.kind == OutcomeKind::Harm && o.certainty.is_some())
        .max_by(|a, b| {
            (seriousness(a), a.absolute.is_some())
                .cmp(&(seriousness(b), b.absolute.is_some()))
                .then(risk(a).total_cmp(&risk(b)))
        })
}

/// The main harm in the therapy's other results (see [`Finding::elsewhere`]), in the data's
/// order; `None` when there is no other. The same harm is the same concept in the vocabulary,
/// any death when the main harm is a death (all-cause or caused by the treatment: a reader asks
/// how many died), or the same outcome id or name when the vocabulary knows no concept for it.
/// Each comes with its risk, or with the data's words when it has no numbers.
fn same_harm_elsewhere(
    main: &OutcomeAppraisal,
    studies: &Studies,
    outcomes: &[&OutcomeAppraisal],
    lexicon: &Lexicon,
    lang: Lang,
) -> Option<String> {
    /// Results named before "N more": a card must not grow with a large dataset.
    const MOST: usize = 3;
    let (_, main_outcome) = source_of(studies, main)?;
    let concept = lexicon.concept_of(main_outcome);
    let fatal = lexicon.is_fatal(main_outcome);
    let same = |o: &OutcomeAppraisal, x: &Outcome| match concept {
        _ if fatal => lexicon.is_fatal(x),
        Some(c) => lexicon.concept_of(x) == Some(c),
        None => x.id == main_outcome.id || normalize(&o.name) == normalize(&main.name),
    };
    // The result's name with its time, said when it differs from the main harm's.
    let named = |o: &OutcomeAppraisal, x: &Outcome| {
        let time = x.timepoint.as_ref().map(|t| t.get(lang.as_str()));
        within(lang, &lower_first(&o.name), time)
    };
    // Its risk, or its words as the data gives them (the editor's, not always the study's own).
    let result = |o: &OutcomeAppraisal, x: &Outcome| match (&o.absolute, &x.reported) {
        (Some(a), _) => Some(a.per_100.treated_words(lang)),
        (None, Some(words)) => {
            let words = words.get(lang.as_str()).trim().trim_end_matches('.');
            let words = super::text::after_colon(lang, words);
            (!words.is_empty()).then(|| tn(lang, "answer.in_words", &[("words", &words)]))
        }
        (None, None) => None,
    };
    let main_name = normalize(&named(main, main_outcome));
    let others: Vec<_> = outcomes
        .iter()
        .copied()
        .filter(|o| o.kind == OutcomeKind::Harm && !std::ptr::eq(*o, main))
        .filter_map(|o| {
            let (study, x) = source_of(studies, o)?;
            if !same(o, x) {
                return None;
            }
            Some((study, o, x, result(o, x)?))
        })
        .collect();
    // Only the named ones are written (see `i18n::first_and_more`).
    let shown = crate::i18n::named_of(others.len(), MOST);
    let mut results: Vec<String> = others[..shown]
        .iter()
        .map(|(study, o, x, result)| {
            let label = study.label.get(lang.as_str());
            let name = named(o, x);
            let label = if normalize(&name) == main_name {
                label.to_string()
            } else {
                format!("{label}, {name}")
            };
            crate::i18n::labelled(lang, &label, result)
        })
        .collect();
    if shown < others.len() {
        results.push(crate::i18n::plural(lang, "list.more", others.len() - shown));
    }
    let key = if fatal {
        "answer.deaths_elsewhere"
    } else {
        "answer.harm_elsewhere"
    };
    (!results.is_empty()).then(|| {
        let results = crate::i18n::clause_list(lang, &results);
        tn(lang, key, &[("results", &results)])
    })
}

/// For the main benefit: the other controlled results that found no clear difference, so that
/// the largest trial's null result is not hidden behind a smaller one's benefit; `None` when
/// there is none. Pooled bodies first, as GRADE rates them (their members are not listed one by
/// one, as for the main benefit), then single results, one a study (its first in the data's
/// order, a trial's primary outcome as a rule). "Controlled results with no clear difference:
/// Relapses (3 studies): rate ratio 0.97 (95% CI 0.8 to 1.2); Trial 2021, new lesions: rate
/// ratio 0.94 (95% CI 0.58 to 1.5)."
fn no_clear_benefit_elsewhere(
    main: &[String],
    studies: &Studies,
    outcomes: &[&OutcomeAppraisal],
    (bodies, members): Bodies,
    lang: Lang,
) -> Option<String> {
    /// Results named before "N more", as for the main harm.
    const MOST: usize = 3;
    // The pooled bodies first, as GRADE rates them: "Relapses (3 studies): …".
    let mut others: Vec<(String, Effect)> = Vec::new();
    for p in benefit_bodies(studies, bodies).filter(|p| p.studies != main) {
        let effect = p.fit.as_ref().map(|f| Effect::pooled(f.measure, &f.fit));
        if let Some(e) = effect.filter(Effect::crosses_null) {
            let k = crate::i18n::plural(lang, "answer.studies", p.studies.len());
            others.push((format!("{} ({k})", p.name), e));
        }
    }
    // Then single results, one a study (not of the main finding, nor a member of a body).
    // Sets: a pooled main benefit may hold thousands of studies, and so may the others.
    let main: HashSet<&str> = main.iter().map(String::as_str).collect();
    let mut seen: HashSet<&str> = HashSet::default();
    let mut results = Vec::new();
    for o in outcomes.iter().copied() {
        let rated = o.kind == OutcomeKind::Benefit && o.certainty.is_some();
        let Some(e) = o.effect.as_ref().filter(|e| rated && e.crosses_null()) else {
            continue;
        };
        let pooled = members.contains(&(o.study.as_str(), o.outcome.as_str()));
        if pooled || main.contains(o.study.as_str()) || seen.contains(o.study.as_str()) {
            continue;
        }
        let Some((study, _)) = source_of(studies, o).filter(|_| !is_single(studies, o)) else {
            continue;
        };
        seen.insert(&o.study);
        results.push((study, o, e));
    }
    // Only the named ones are written (see `i18n::first_and_more`).
    let total = others.len() + results.len();
    let shown = crate::i18n::named_of(total, MOST);
    others.truncate(shown);
    for (study, o, e) in results.iter().take(shown - others.len()) {
        let label = format!(
            "{}, {}",
            study.label.get(lang.as_str()),
            lower_first(&o.name)
        );
        others.push((label, **e));
    }
    let mut said: Vec<String> = (others.iter())
        .map(|(label, e)| {
            crate::i18n::labelled(lang, label, &super::rate::describe_effect(lang, e))
        })
        .collect();
    if shown < total {
        said.push(crate::i18n::plural(lang, "list.more", total - shown));
    }
    (!said.is_empty()).then(|| {
        let said = crate::i18n::clause_list(lang, &said);
        tn(lang, "answer.null_elsewhere", &[("results", &said)])
    })
}

/// Whether a result describes one group only, judged from the study and its data (never from
/// the statement's words, which are in the reader's language).
fn is_single(studies: &Studies, o: &OutcomeAppraisal) -> bool {
    o.absolute
        .as_ref()
        .is_some_and(|a| a.basis == Basis::SingleArm)
        || o.effect.as_ref().is_some_and(|e| e.measure.is_single_arm())
        || source_of(studies, o).is_some_and(|(s, x)| is_single_arm(s, x))
}

/// Absolute numbers in words (`text`, in full or in short), saying so when the interval cannot
/// tell the groups apart.
fn in_words(a: &Absolute, text: &str, lang: Lang) -> String {
    if a.per_100.no_clear_difference() {
        format!("{text}{}", t(lang, "answer.no_clear_difference"))
    } else {
        text.to_string()
    }
}

/// A result with no numbers per 100 people in words: its measure, estimate and interval
/// ("SMD −0.34 (95% CI −0.6 to −0.1)"), and why there are none, as the appraisal says.
fn effect_only(
    lang: Lang,
    measure: crate::stats::Measure,
    [estimate, lower, upper]: [f64; 3],
    note: &Option<String>,
) -> String {
    let why = (note.clone()).unwrap_or_else(|| AbsoluteError::NoBaseline.words(lang));
    tn(
        lang,
        "answer.effect_only",
        &[
            ("measure", measure_words(lang, measure)),
            ("estimate", &effect_num(lang, estimate)),
            ("lower", &effect_num(lang, lower)),
            ("upper", &effect_num(lang, upper)),
            ("why", &why),
        ],
    )
}

fn finding(o: &OutcomeAppraisal, studies: &Studies, lang: Lang) -> Finding {
    let per = o.absolute.as_ref().map(|a| a.per_100.clone());
    let frequencies = o.absolute.as_ref().map(|a| in_words(a, &a.text, lang));
    Finding {
        studies: vec![o.study.clone()],
        outcome: o.outcome.clone(),
        name: o.name.clone(),
        certainty: o.certainty,
        statement: o.statement.clone(),
        frequencies: frequencies.or_else(|| {
            let e = o.effect.as_ref()?;
            Some(effect_only(
                lang,
                e.measure,
                [e.estimate, e.ci_lb, e.ci_ub],
                &o.note,
            ))
        }),
        in_short: o.absolute.as_ref().map(|a| in_words(a, &a.short, lang)),
        per_100: per,
        controlled: !is_single(studies, o),
        clear: o.effect.as_ref().is_some_and(|e| !e.crosses_null()),
        who: None,
        population: None,
        elsewhere: None,
    }
}
