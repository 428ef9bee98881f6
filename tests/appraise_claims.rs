//! Claim verdicts on small made-up datasets.

#[path = "appraise_helpers.rs"]
mod helpers;

use evidence_lens::appraise::{
    appraise, AppraiseOptions, Certainty, ClaimCheck, EvidenceRole, Verdict,
};
use evidence_lens::model::*;
use helpers::*;

fn check(studies: Vec<Study>, c: Claim) -> ClaimCheck {
    let ds = dataset(studies, vec![c]);
    appraise(&ds, &AppraiseOptions::default()).claims.remove(0)
}

/// Asserts that the claim's summary says `words`.
fn says(c: &ClaimCheck, words: &str) {
    assert!(c.summary.contains(words), "{words}: {}", c.summary);
}

fn benefit(therapy: &str) -> Claim {
    claim("c", therapy, None, Assertion::Benefit, None)
}

fn trial(id: &str, therapy: &str, blinding: Blinding, data: EffectData) -> Study {
    let mut s = study(
        id,
        Design::Rct,
        Some(blinding),
        therapy,
        vec![progression(data)],
    );
    s.n = Some(1000);
    s
}

#[test]
fn benefit_supported_by_controlled_evidence() {
    // Open-label RCT, RR 0.6 (0.50 to 0.72): moderate certainty of a benefit.
    let c = check(
        vec![trial(
            "t",
            "Drug X",
            Blinding::Open,
            counts(150, 1000, 250, 1000),
        )],
        benefit("Drug X"),
    );
    assert_eq!(c.verdict, Verdict::Supported);
    assert_eq!(c.certainty, Some(Certainty::Moderate));
    assert_eq!(c.evidence.len(), 1);
    assert_eq!(c.evidence[0].role, EvidenceRole::Benefit);
    assert_eq!(c.evidence[0].studies, vec!["t".to_string()]);
    assert_eq!(c.evidence[0].outcome, "progression");
    assert!(
        c.evidence[0]
            .sentence
            .contains("t study (open-label randomised trial, Condition A)"),
        "{}",
        c.evidence[0].sentence
    );
}

#[test]
fn a_supported_claim_says_why_its_certainty_is_lower_than_the_evidence() {
    // Double-blind RCT, RR 0.6 (0.50 to 0.72), followed for a year: high certainty of a benefit,
    // and one level lower for a claim about five years, which the summary says in words.
    let mut t = trial(
        "t",
        "Drug X",
        Blinding::Double,
        counts(150, 1000, 250, 1000),
    );
    t.follow_up = Some("1 year".into());
    let five_years = || {
        let mut c = benefit("Drug X");
        c.parts[0].timeframe = Some("5 years".into());
        c
    };
    let c = check(vec![t.clone()], five_years());
    assert_eq!(c.verdict, Verdict::Supported);
    assert_eq!(c.certainty, Some(Certainty::Moderate));
    assert_eq!(
        c.summary,
        "Supported by controlled evidence of moderate certainty showing a benefit. Only \
         indirectly about the claim: t study covers about 1 year, the claim speaks of 5 years."
    );
    // Direct support at the same level leaves nothing to explain: an open-label trial (moderate)
    // followed for five years, of another outcome so that the two are not pooled.
    let mut u = trial("u", "Drug X", Blinding::Open, counts(150, 1000, 250, 1000));
    u.follow_up = Some("5 years".into());
    u.outcomes[0].id = "worsening".into();
    u.outcomes[0].name = "Worsening".into();
    let c = check(vec![t.clone(), u], five_years());
    assert_eq!(
        (c.verdict, c.certainty),
        (Verdict::Supported, Some(Certainty::Moderate))
    );
    assert!(!c.summary.contains("indirectly"), "{}", c.summary);
    // A claim the evidence covers directly is supported at its level, with nothing to explain.
    let c = check(vec![t], benefit("Drug X"));
    assert_eq!(c.certainty, Some(Certainty::High));
    assert_eq!(
        c.summary,
        "Supported by controlled evidence of high certainty showing a benefit."
    );
}

#[test]
fn a_claim_citing_only_uncontrolled_studies_says_its_support_comes_from_elsewhere() {
    let cohort = |id: &str| {
        study(
            id,
            Design::Cohort,
            None,
            "Drug X",
            vec![progression(prop(20, 100))],
        )
    };
    let mut c = benefit("Drug X");
    c.studies = vec!["x".into(), "y".into(), "x".into()];
    let t = trial("t", "Drug X", Blinding::Open, counts(150, 1000, 250, 1000));
    let c = check(vec![t, cohort("x"), cohort("y")], c);
    assert_eq!(c.verdict, Verdict::Supported);
    // Each cited study once, the sentence in the plural.
    assert!(
        c.summary.ends_with(
            "The studies the claim cites, x study and y study, had no comparison group; the \
             support comes from other, controlled evidence."
        ),
        "{}",
        c.summary
    );
}

#[test]
fn benefit_contradicted_by_a_precise_null() {
    let c = check(
        vec![trial(
            "t",
            "Drug Y",
            Blinding::Double,
            est(Measure::Rr, 1.0, 0.95, 1.05),
        )],
        benefit("Drug Y"),
    );
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert_eq!(c.certainty, Some(Certainty::High));
    assert_eq!(c.evidence[0].role, EvidenceRole::NoBenefit);
}

#[test]
fn benefit_contradicted_by_harm() {
    // Progression more common with the treatment: RR 1.67 (1.39 to 2.0).
    let c = check(
        vec![trial(
            "t",
            "Drug Y",
            Blinding::Double,
            counts(250, 1000, 150, 1000),
        )],
        benefit("Drug Y"),
    );
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert_eq!(c.evidence[0].role, EvidenceRole::Harm);
}

#[test]
fn benefit_not_supported_by_an_imprecise_trial() {
    // 9/27 vs 10/27 progression: low certainty, no clear benefit.
    let mut s = trial("t", "Drug Y", Blinding::Double, counts(9, 27, 10, 27));
    s.n = Some(54);
    let c = check(vec![s], benefit("Drug Y"));
    assert_eq!(c.verdict, Verdict::NotSupported);
    assert_eq!(c.certainty, Some(Certainty::Low));
}

#[test]
fn benefit_without_controlled_evidence() {
    let single = study(
        "s",
        Design::SingleArm,
        Some(Blinding::Open),
        "Drug Y",
        vec![progression(prop(3, 20))],
    );
    let mut ad = study(
        "m",
        Design::CaseSeries,
        None,
        "Drug Y",
        vec![progression(prop(1, 30))],
    );
    ad.source_kind = SourceKind::Marketing;
    let c = check(vec![single, ad], benefit("Drug Y"));
    assert_eq!(c.verdict, Verdict::NoControlledEvidence);
    assert_eq!(c.certainty, Some(Certainty::VeryLow));
    let roles: Vec<EvidenceRole> = c.evidence.iter().map(|e| e.role).collect();
    assert_eq!(
        roles,
        vec![EvidenceRole::Uncontrolled, EvidenceRole::Marketing]
    );
}

#[test]
fn claims_match_therapy_and_condition() {
    // A transplant trial says nothing about MSC, and a liver trial nothing about MS.
    let mut liver = trial(
        "l",
        "UC-MSC",
        Blinding::Double,
        counts(150, 1000, 250, 1000),
    );
    liver.condition = "Decompensated liver cirrhosis".into();
    let ahsct = trial(
        "a",
        "Drug X",
        Blinding::Double,
        counts(150, 1000, 250, 1000),
    );
    let c = check(vec![liver, ahsct], benefit("Drug Y"));
    assert_eq!(c.verdict, Verdict::NoControlledEvidence);
    assert!(c.evidence.is_empty());
}

#[test]
fn claims_match_the_outcome_when_given() {
    let mut s = trial(
        "t",
        "Drug Y",
        Blinding::Double,
        counts(150, 1000, 250, 1000),
    );
    s.outcomes.push(outcome(
        "gel",
        "Gadolinium-enhancing lesions",
        OutcomeKind::Benefit,
        Better::Lower,
        est(Measure::Irr, 0.94, 0.58, 1.5),
    ));
    let c = check(
        vec![s],
        claim("c", "Drug Y", Some("MRI lesions"), Assertion::Benefit, None),
    );
    assert_eq!(c.evidence.len(), 1);
    assert_eq!(c.evidence[0].outcome, "gel");
    assert_eq!(c.verdict, Verdict::NotSupported);
    // Free words in common are not the same outcome for sure: indirect, and said so.
    assert_eq!(
        c.evidence[0].indirectness,
        ["gadolinium-enhancing lesions may not be what the claim names (MRI lesions): they share only some words"]
    );
}

/// A harm outcome (fewer is better).
fn harm(id: &str, name: &str, data: EffectData) -> Outcome {
    outcome(id, name, OutcomeKind::Harm, Better::Lower, data)
}

fn deaths(x: u64, n: u64) -> Outcome {
    harm("deaths", "Deaths within 100 days", prop(x, n))
}

#[test]
fn no_risk_contradicted_by_deaths() {
    let cohort = study("c", Design::Cohort, None, "Drug X", vec![deaths(8, 281)]);
    let c = check(
        vec![cohort],
        claim("c", "Drug X", None, Assertion::NoRisk, None),
    );
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert_eq!(c.evidence[0].role, EvidenceRole::SeriousHarm);
    assert!(c.summary.contains("deaths"));
}

#[test]
fn no_risk_not_supported_when_harms_data_are_sparse() {
    let small = study("s", Design::SingleArm, None, "Drug Y", vec![deaths(0, 20)]);
    let c = check(
        vec![small],
        claim("c", "Drug Y", None, Assertion::NoRisk, None),
    );
    assert_eq!(c.verdict, Verdict::NotSupported);
    assert!(c.summary.contains("too few"));
    // No harms data at all.
    let c = check(
        vec![trial(
            "t",
            "Drug Y",
            Blinding::Double,
            counts(150, 1000, 250, 1000),
        )],
        claim("c", "Drug Y", None, Assertion::NoRisk, None),
    );
    assert_eq!(c.verdict, Verdict::NotSupported);
}

/// Whether a treatment is safe rests on its serious harms: the part is as certain as the
/// evidence of those, not as a trial's count of every adverse event.
#[test]
fn safety_is_as_certain_as_the_evidence_of_serious_harms() {
    let any = harm("ae", "Any adverse event", counts(140, 280, 142, 280));
    let deaths = harm("deaths", "Deaths", counts(0, 280, 1, 280));
    let trial = |outcomes: Vec<Outcome>| {
        let mut s = study("t", Design::Rct, Some(Blinding::Double), "Drug Y", outcomes);
        s.n = Some(560);
        s
    };
    let rated = |o: &Outcome| {
        let ds = dataset(vec![trial(vec![o.clone()])], Vec::new());
        appraise(&ds, &AppraiseOptions::default()).outcomes[0].certainty
    };
    let (any_c, deaths_c) = (rated(&any), rated(&deaths));
    assert!(deaths_c < any_c, "{deaths_c:?} {any_c:?}");
    let c = check(
        vec![trial(vec![any.clone(), deaths])],
        claim("c", "Drug Y", None, Assertion::NoRisk, None),
    );
    assert_eq!(c.verdict, Verdict::NotSupported, "{}", c.summary);
    assert_eq!(c.parts[0].certainty, deaths_c);
    // With no evidence of serious harms, the harms there are.
    let c = check(
        vec![trial(vec![any])],
        claim("c", "Drug Y", None, Assertion::NoRisk, None),
    );
    assert_eq!(c.parts[0].certainty, any_c);
}

#[test]
fn no_risk_supported_with_ample_harms_data_and_no_serious_harm() {
    let big = study("b", Design::Cohort, None, "Drug Y", vec![deaths(0, 600)]);
    let c = check(
        vec![big],
        claim("c", "Drug Y", None, Assertion::NoRisk, None),
    );
    assert_eq!(c.verdict, Verdict::Supported);
}

#[test]
fn no_risk_contradicted_by_controlled_harm() {
    let o = outcome(
        "ae",
        "Infections",
        OutcomeKind::Harm,
        Better::Lower,
        counts(250, 1000, 150, 1000),
    );
    let s = rct("t", o);
    let c = check(vec![s], claim("c", "Drug X", None, Assertion::NoRisk, None));
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert_eq!(c.evidence[0].role, EvidenceRole::Harm);
}

#[test]
fn number_claims() {
    let pfs = |id: &str| {
        let o = outcome(
            "pfs",
            "Progression-free survival at 5 years",
            OutcomeKind::Benefit,
            Better::Higher,
            prop(46, 100),
        );
        study(id, Design::Cohort, None, "Drug X", vec![o])
    };
    // 0.46 lies in the uncontrolled cohort's interval: no controlled evidence for a benefit number.
    let c = check(
        vec![pfs("m")],
        claim("c", "Drug X", Some("pfs"), Assertion::Number, Some(0.46)),
    );
    assert_eq!(c.verdict, Verdict::NoControlledEvidence);
    assert_eq!(c.evidence[0].role, EvidenceRole::Matches);
    // 0.9 does not.
    let c = check(
        vec![pfs("m")],
        claim("c", "Drug X", Some("pfs"), Assertion::Number, Some(0.9)),
    );
    assert_eq!(c.verdict, Verdict::Contradicted);
    // A harm number from any design can be supported.
    let c = check(
        vec![study(
            "d",
            Design::Cohort,
            None,
            "Drug X",
            vec![deaths(8, 281)],
        )],
        claim("c", "Drug X", Some("deaths"), Assertion::Number, Some(0.03)),
    );
    assert_eq!(c.verdict, Verdict::Supported);
    // A controlled ratio.
    let c = check(
        vec![trial(
            "t",
            "Drug Y",
            Blinding::Double,
            est(Measure::Rr, 0.6, 0.5, 0.72),
        )],
        claim(
            "c",
            "Drug Y",
            Some("progression"),
            Assertion::Number,
            Some(0.65),
        ),
    );
    assert_eq!(c.verdict, Verdict::Supported);
    assert_eq!(c.certainty, Some(Certainty::High));
    // No number given, or nothing to compare with.
    let c = check(
        vec![pfs("m")],
        claim("c", "Drug X", Some("pfs"), Assertion::Number, None),
    );
    assert_eq!(c.verdict, Verdict::NotSupported);
    let c = check(
        vec![pfs("m")],
        claim("c", "Drug Y", Some("pfs"), Assertion::Number, Some(0.5)),
    );
    assert_eq!(c.verdict, Verdict::Unverifiable);
}

/// A claimed number is checked against an interval; the reader is told when that interval was
/// worked out here rather than published, since a share that is a survival estimate has a wider
/// interval than its number of people gives.
#[test]
fn a_worked_out_interval_is_said_to_be_so() {
    let cohort = |data: EffectData| {
        let o = outcome(
            "pfs",
            "Progression-free survival at 5 years",
            OutcomeKind::Benefit,
            Better::Higher,
            data,
        );
        study("m", Design::Cohort, None, "Drug X", vec![o])
    };
    let share_at = |ci: Option<(f64, f64)>, level: Option<f64>, ni: Option<u64>| {
        EffectData::Proportion(Proportion {
            measure: Measure::Pr,
            xi: None,
            ni,
            estimate: Some(0.46),
            ci_lb: ci.map(|c| c.0),
            ci_ub: ci.map(|c| c.1),
            level,
        })
    };
    let share = |ci: Option<(f64, f64)>| share_at(ci, None, Some(281));
    let summary = |data: EffectData| {
        check(
            vec![cohort(data)],
            claim("c", "Drug X", Some("pfs"), Assertion::Number, Some(0.46)),
        )
        .summary
    };
    let worked_out = summary(share(None));
    assert!(
        worked_out.contains("(40.3% to 51.8%, a 95% interval worked out here from the percentage and the number of people, as the source gives none)"),
        "{worked_out}"
    );
    let published = summary(share(Some((0.38, 0.54))));
    assert!(published.contains("(38% to 54%)"), "{published}");
    assert!(!published.contains("worked out"), "{published}");
    let counts = summary(prop(129, 281));
    assert!(
        counts.contains("a 95% interval worked out here from the counts)"),
        "{counts}"
    );
    // An interval at 90%: converted where there is no size, recomputed from the share where there is.
    let converted = summary(share_at(Some((0.39, 0.53)), Some(90.0), None));
    assert!(
        converted.contains("the source's interval at another level, converted here to 95%)"),
        "{converted}"
    );
    let recomputed = summary(share_at(Some((0.39, 0.53)), Some(90.0), Some(281)));
    assert!(
        recomputed.contains("(40.3% to 51.8%, a 95% interval worked out here from the percentage"),
        "{recomputed}"
    );
}

/// An interval worked out here from a comparison's numbers says how: from the groups' means, from
/// an effect's standard error, from an interval at another level, or by pooling the studies.
#[test]
fn a_comparisons_worked_out_interval_says_how() {
    let walk = |id: &str, data: EffectData| {
        let o = outcome(
            "walk",
            "Walking speed",
            OutcomeKind::Benefit,
            Better::Higher,
            data,
        );
        study(id, Design::Rct, Some(Blinding::Double), "Drug X", vec![o])
    };
    let generic = |yi: f64| {
        EffectData::Generic(Generic {
            measure: Measure::Md,
            yi,
            vi: None,
            sei: Some(0.1),
        })
    };
    let summary = |studies: Vec<Study>| {
        check(
            studies,
            claim("c", "Drug X", Some("walk"), Assertion::Number, Some(0.5)),
        )
        .summary
    };
    let means = EffectData::Means(Means {
        measure: Measure::Md,
        m1i: 1.5,
        sd1i: 1.0,
        n1i: 100,
        m2i: 1.0,
        sd2i: 1.0,
        n2i: 100,
    });
    let at_90 = EffectData::Estimate(Estimate {
        measure: Measure::Md,
        estimate: 0.5,
        ci_lb: 0.3,
        ci_ub: 0.7,
        level: 90.0,
    });
    for (studies, how) in [
        (
            vec![walk("a", means)],
            "worked out here from the groups' means and standard deviations)",
        ),
        (
            vec![walk("a", generic(0.5))],
            "worked out here from the effect and its standard error)",
        ),
        (
            vec![walk("a", at_90)],
            "the source's interval at another level, converted here to 95%)",
        ),
        (
            vec![walk("a", generic(0.45)), walk("b", generic(0.55))],
            "a 95% interval worked out here by pooling the studies)",
        ),
    ] {
        let said = summary(studies);
        assert!(said.contains(how), "{how}: {said}");
    }
}

/// A number said of an outcome the data has is checked against that outcome alone: at a time it
/// was not counted for, there is nothing to compare it with, and another outcome's numbers
/// (serious adverse events, for all adverse events) are not a comparison.
#[test]
fn a_number_of_a_named_outcome_is_checked_against_that_outcome_only() {
    // A number for both groups of one trial, said of an outcome at a time.
    let number = |outcomes: &[Outcome], outcome: &str, value: f64, timeframe: &str| {
        let t = study(
            "m",
            Design::Rct,
            Some(Blinding::Double),
            "Drug X",
            outcomes.to_vec(),
        );
        let mut c = claim("c", "Drug X", Some(outcome), Assertion::Number, Some(value));
        c.parts[0].arm = Some(Arm::Both);
        c.parts[0].timeframe = Some(timeframe.into());
        check(vec![t], c)
    };
    let mut any = harm("ae_any", "Any adverse event", counts(35, 69, 42, 75));
    any.timepoint = Some("24 weeks".into());
    let serious = harm("sae", "Serious adverse events", counts(0, 69, 7, 75));
    let trial = [any.clone(), serious];
    let c = number(&trial, "ae_any", 0.53, "24 weeks");
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.summary);
    // At a time the data has no number for, the claim is neither borne out nor refuted.
    let c = number(&trial, "ae_any", 0.59, "48 weeks");
    assert_eq!(c.verdict, Verdict::Unverifiable, "{}", c.summary);
    assert!(
        c.summary
            .starts_with("Cannot be checked: no evidence in the dataset reports a number"),
        "{}",
        c.summary
    );
    assert!(c.evidence.is_empty(), "{:?}", c.evidence);

    // Said of a vocabulary concept ("adverse events", which every dataset has), a number is
    // checked against every outcome that measures it, the one of that very name first: here
    // that one is for another time, and a trial's count of any adverse event is the match.
    let mut named = harm("adverse_events", "Adverse events", counts(10, 69, 12, 75));
    named.timepoint = Some("48 weeks".into());
    any.concept = Some("adverse_events".into());
    let c = number(&[named, any], "adverse events", 0.53, "24 weeks");
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.summary);
}

/// A claim of a complete effect ("halts the disease") is measured against what treated people
/// went on to have, even where no comparison was made: such a study cannot show what the
/// treatment caused, but it can show that the effect was not complete.
#[test]
fn a_complete_effect_is_measured_against_what_treated_people_went_on_to_have() {
    let cohort = |id: &str, o: Outcome| study(id, Design::Cohort, None, "Drug X", vec![o]);
    let free = |x: u64, n: u64| {
        outcome(
            "pfs",
            "Progression-free survival",
            OutcomeKind::Benefit,
            Better::Higher,
            prop(x, n),
        )
    };
    let summary = |mut studies: Vec<Study>, cited: &[&str]| {
        let mut c = benefit("Drug X");
        c.parts[0].absolute = true;
        c.studies = cited.iter().map(|s| s.to_string()).collect();
        studies.push(trial(
            "t",
            "Drug X",
            Blinding::Open,
            counts(150, 1000, 250, 1000),
        ));
        let c = check(studies, c);
        assert_eq!(c.verdict, Verdict::SupportedInPart, "{}", c.summary);
        c.summary
    };
    let two = || {
        vec![
            cohort("big", free(600, 1000)),
            cohort("cited", free(46, 100)),
        ]
    };
    // The study the claim cites first, though the other followed more people.
    let s = summary(two(), &["cited"]);
    assert!(
        s.contains(
            ". In cited study, which had no comparison group, only about 46 in 100 people who \
             had drug X had progression-free survival."
        ),
        "{s}"
    );
    // Else the study with the most people.
    let s = summary(two(), &[]);
    assert!(
        s.contains(". In big study, which had no comparison group, only about 60 in 100"),
        "{s}"
    );
    // An outcome to avoid: the people who still had it.
    let s = summary(vec![cohort("c", progression(prop(35, 100)))], &[]);
    assert!(
        s.contains(
            "In c study, which had no comparison group, disability progression still affected \
             about 35 in 100 people who had drug X"
        ),
        "{s}"
    );
    // Everyone stayed free of it, as written: nothing to say against completeness.
    for (x, n) in [(100, 100), (997, 1000)] {
        let s = summary(vec![cohort("c", free(x, n))], &[]);
        assert!(!s.contains("which had no comparison group"), "{s}");
    }
    // A study in a population that also holds other conditions is indirect: a direct one first.
    let mut mixed = cohort("mixed", free(300, 1000));
    mixed.condition = "Condition A and Condition B".into();
    let s = summary(vec![mixed, cohort("direct", free(60, 100))], &[]);
    assert!(
        s.contains("In direct study, which had no comparison group, only about 60 in 100"),
        "{s}"
    );
}

/// What treated people went on to have is the claim's people's figure; where the support holds
/// only for narrower people, the figure of a subgroup nearest to them (one the vocabulary names
/// as a condition, at the same time) is said beside it.
#[test]
fn a_complete_effect_is_also_measured_in_the_people_the_verdict_is_narrowed_to() {
    let term = |id: &str, name: &str, broader: &[&str]| Term {
        id: id.into(),
        name: name.into(),
        broader: broader.iter().map(|b| b.to_string()).collect(),
        ..Default::default()
    };
    let free = |id: &str, x: u64, n: u64, subgroup: Option<&str>| {
        let mut o = outcome(
            id,
            "Progression-free survival",
            OutcomeKind::Benefit,
            Better::Higher,
            prop(x, n),
        );
        o.subgroup = subgroup.map(Into::into);
        o
    };
    let summary = |trial_condition: &str| {
        let cohort = study(
            "cohort",
            Design::Cohort,
            None,
            "Drug X",
            vec![
                free("all", 46, 100, None),
                free("women", 40, 50, Some("women")),
                free("relapsing", 46, 63, Some("relapsing A")),
                free("condition", 50, 100, Some("Condition A")),
            ],
        );
        let mut t = trial("t", "Drug X", Blinding::Open, counts(150, 1000, 250, 1000));
        t.condition = trial_condition.into();
        let mut c = benefit("Drug X");
        c.parts[0].absolute = true;
        c.studies = vec!["cohort".into()];
        let mut ds = dataset(vec![cohort, t], vec![c]);
        ds.vocabulary.conditions = vec![
            term("a", "Condition A", &[]),
            term("ra", "Relapsing A", &["a"]),
            term("ara", "Active relapsing A", &["ra"]),
        ];
        let c = appraise(&ds, &AppraiseOptions::default()).claims.remove(0);
        assert_eq!(c.verdict, Verdict::SupportedInPart, "{}", c.summary);
        c.summary
    };
    // The trial's people are within the claim's: the whole cohort's figure, and beside it the
    // relapsing subgroup's (not the women's, a subgroup that is no condition, nor the one that
    // names the claim's condition again: it is no nearer than the whole cohort).
    let s = summary("Active relapsing A");
    assert!(s.contains("Only for active relapsing A."), "{s}");
    assert!(
        s.contains(
            "only about 46 in 100 people who had drug X had progression-free survival; among \
             those with relapsing A, about 73 in 100."
        ),
        "{s}"
    );
    // The trial's people are the claim's: the whole cohort, with nothing to add.
    let s = summary("Condition A");
    assert!(
        s.contains("only about 46 in 100 people who had drug X had progression-free survival."),
        "{s}"
    );
}

#[test]
fn cited_studies_are_always_listed() {
    let mut review = study("r", Design::SystematicReview, None, "Drug Y", vec![]);
    review.source_kind = SourceKind::Marketing;
    let mut c = benefit("ocrelizumab");
    c.studies = vec!["r".into()];
    let c = check(vec![review], c);
    assert_eq!(c.evidence.len(), 1);
    assert_eq!(c.evidence[0].role, EvidenceRole::Marketing);
}

#[test]
fn verdicts_serialize_in_snake_case() {
    let c = check(vec![], benefit("Drug Y"));
    let v = serde_json::to_value(&c).unwrap();
    assert_eq!(v["verdict"], "no_controlled_evidence");
    assert!(v["certainty"].is_null());
}

/// An open-label trial "b" of Drug X with one outcome, relapses.
fn relapses_trial(data: EffectData) -> Study {
    let relapses = outcome(
        "relapse",
        "Relapses",
        OutcomeKind::Benefit,
        Better::Lower,
        data,
    );
    let mut s = study(
        "b",
        Design::Rct,
        Some(Blinding::Open),
        "Drug X",
        vec![relapses],
    );
    s.n = Some(2000);
    s
}

/// A claim of two parts, "reduces progression" (a double-blind trial) and "reduces relapses"
/// (an open-label one), checked against trials with these counts.
fn progression_and_relapses(progression: EffectData, relapses: EffectData) -> ClaimCheck {
    let blinded = trial("a", "Drug X", Blinding::Double, progression);
    let open = relapses_trial(relapses);
    let mut c = claim("c", "Drug X", Some("progression"), Assertion::Benefit, None);
    let mut part = c.parts[0].clone();
    part.outcome = Some("relapses".into());
    c.parts.push(part);
    check(vec![blinded, open], c)
}

/// A claim every part of which is supported holds only as firmly as its least certain part:
/// "reduces progression and relapses" with relapses at moderate certainty is moderate, however
/// certain the effect on progression (GRADE's overall certainty is the lowest one). So does a
/// claim no part of which is supported: inconclusive answers on progression (low) and relapses
/// (very low) leave the whole claim at very low, not at the firmer part's level.
#[test]
fn a_claim_of_parts_all_supported_or_all_not_is_as_certain_as_its_least_certain_part() {
    use Certainty::{High, Low, Moderate, VeryLow};
    use Verdict::{NotSupported, Supported};
    // Clear benefits; then risk ratios of 0.8 with intervals from an appreciable benefit to harm.
    for (counts_of, parts, whole) in [
        (
            counts(150, 1000, 250, 1000),
            [(Supported, High), (Supported, Moderate)],
            (Supported, Moderate),
        ),
        (
            counts(20, 100, 25, 100),
            [(NotSupported, Low), (NotSupported, VeryLow)],
            (NotSupported, VeryLow),
        ),
    ] {
        let c = progression_and_relapses(counts_of.clone(), counts_of);
        let got: Vec<_> = c.parts.iter().map(|p| (p.verdict, p.certainty)).collect();
        assert_eq!(got, parts.map(|(v, c)| (v, Some(c))));
        assert_eq!((c.verdict, c.certainty), (whole.0, Some(whole.1)));
    }
}

/// The least certain rated part decides a claim that is not supported, whatever the other
/// parts say: "reduces progression" inconclusive (low) and "reduces fatigue" seen only without a
/// comparison group (very low) is very low, not low. A part with no data at all ("safe", with no
/// harms data) has no rating and does not take the claim's away.
#[test]
fn a_claim_not_supported_rests_on_its_least_certain_rated_part() {
    let blinded = trial("a", "Drug X", Blinding::Double, counts(20, 100, 25, 100));
    let fatigue = outcome(
        "fatigue",
        "Fatigue",
        OutcomeKind::Benefit,
        Better::Lower,
        prop(3, 30),
    );
    let series = study("b", Design::SingleArm, None, "Drug X", vec![fatigue]);
    let two_parts = |second: ClaimPart| {
        let mut c = claim("c", "Drug X", Some("progression"), Assertion::Benefit, None);
        c.parts.push(second);
        check(vec![blinded.clone(), series.clone()], c)
    };
    let first = claim("c", "Drug X", None, Assertion::Benefit, None).parts[0].clone();
    let fatigue = ClaimPart {
        outcome: Some("fatigue".into()),
        ..first.clone()
    };
    let safe = ClaimPart {
        asserts: Assertion::NoRisk,
        ..first
    };
    use Certainty::{Low, VeryLow};
    use Verdict::{NoControlledEvidence, NotSupported};
    for (second, parts, whole) in [
        (
            fatigue,
            [
                (NotSupported, Some(Low)),
                (NoControlledEvidence, Some(VeryLow)),
            ],
            Some(VeryLow),
        ),
        (
            safe,
            [(NotSupported, Some(Low)), (NotSupported, None)],
            Some(Low),
        ),
    ] {
        let c = two_parts(second);
        let got: Vec<_> = c.parts.iter().map(|p| (p.verdict, p.certainty)).collect();
        assert_eq!(got, parts);
        assert_eq!((c.verdict, c.certainty), (NotSupported, whole));
    }
}

/// "Safe" needs harms data that can show no one treated was seriously harmed: a hazard ratio of
/// death says people died without saying whether any had the treatment, and words cannot be
/// counted. Such data are evidence to read, not people among whom "no serious harm" was seen.
#[test]
fn safety_is_not_supported_by_harms_data_that_cannot_show_no_one_was_harmed() {
    let harm = |id: &str, data: Option<EffectData>| {
        let mut o = outcome(
            id,
            "Deaths",
            OutcomeKind::Harm,
            Better::Lower,
            counts(0, 1, 0, 1),
        );
        o.data = data;
        if o.data.is_none() {
            o.reported = Some(Text::from("Two treatment-related deaths."));
        }
        let mut s = study(id, Design::Rct, Some(Blinding::Double), "Drug X", vec![o]);
        s.n = Some(800);
        s
    };
    let safe = || claim("c", "Drug X", None, Assertion::NoRisk, None);
    // Death HR 1.8 (0.9 to 3.6) in 800 people.
    let c = check(
        vec![harm("hr", Some(est(Measure::Hr, 1.8, 0.9, 3.6)))],
        safe(),
    );
    assert_eq!(c.verdict, Verdict::NotSupported, "{}", c.summary);
    assert_eq!(c.evidence[0].role, EvidenceRole::Reported);
    says(&c, "but fewer than 300 of them in counts");
    // The hazard ratio's sentence says why it cannot be read for harm.
    assert!(
        c.evidence[0]
            .sentence
            .starts_with("Reported in a form we cannot analyse: hr study"),
        "{}",
        c.evidence[0].sentence
    );
    // Deaths told only in words: the words are quoted as reported, once.
    let c = check(vec![harm("words", None)], safe());
    assert_eq!(c.verdict, Verdict::NotSupported, "{}", c.summary);
    let sentence = &c.evidence[0].sentence;
    assert!(
        sentence.starts_with(
            "words study (double-blind randomised trial, Condition A), deaths. Reported in a form \
             we cannot analyse: Two treatment-related deaths."
        ),
        "{sentence}"
    );
    assert_eq!(
        sentence.matches("Reported in a form").count(),
        1,
        "{sentence}"
    );
    // No death among 400 treated, counted: supported.
    let c = check(vec![harm("counted", Some(counts(0, 400, 0, 400)))], safe());
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.summary);
}

/// A number said of the comparison group is not checked against a hazard ratio's interval,
/// which describes neither group alone (0.2 "of the control group" lay inside HR 0.02 to 0.24).
#[test]
fn a_number_for_one_group_is_not_checked_against_a_ratio() {
    let hr = trial(
        "t",
        "Drug X",
        Blinding::Double,
        est(Measure::Hr, 0.07, 0.02, 0.24),
    );
    let mut c = claim(
        "c",
        "Drug X",
        Some("progression"),
        Assertion::Number,
        Some(0.2),
    );
    c.parts[0].arm = Some(Arm::Control);
    let checked = check(vec![hr.clone()], c.clone());
    assert_eq!(
        checked.verdict,
        Verdict::Unverifiable,
        "{}",
        checked.summary
    );
    // Said of the treated (the default), the number is on the ratio's scale, as the data give it.
    c.parts[0].arm = None;
    let checked = check(vec![hr], c);
    assert_eq!(checked.verdict, Verdict::Supported, "{}", checked.summary);
}

/// Controlled evidence as certain as the support that shows no clear benefit is not left out:
/// the claim is supported only in part, saying so.
#[test]
fn equally_certain_null_evidence_makes_a_benefit_claim_hold_only_in_part() {
    let helps = trial("a", "Drug X", Blinding::Open, counts(150, 1000, 250, 1000));
    let null = relapses_trial(est(Measure::Irr, 1.0, 0.85, 1.18));
    let c = check(vec![helps.clone()], benefit("Drug X"));
    assert_eq!(
        (c.verdict, c.certainty),
        (Verdict::Supported, Some(Certainty::Moderate))
    );
    let c = check(vec![helps, null], benefit("Drug X"));
    assert_eq!(c.verdict, Verdict::SupportedInPart, "{}", c.summary);
    says(
        &c,
        "Other controlled evidence of the same certainty (moderate) shows little or no benefit.",
    );
}

/// A very uncertain benefit is not the whole story when controlled evidence found none: the
/// summary names the studies that found no clear benefit, so that "the only evidence of a
/// benefit" does not read as if the controlled evidence pointed to one.
#[test]
fn a_very_uncertain_benefit_is_told_beside_controlled_evidence_of_none() {
    // Open-label, a high risk of bias elsewhere and 80 people: very low certainty.
    let mut small = trial("small", "Drug X", Blinding::Open, counts(5, 40, 15, 40));
    small.n = Some(80);
    small.risk_of_bias = vec![judged("Allocation concealment", Judgement::High)];
    let c = check(vec![small.clone()], benefit("Drug X"));
    assert_eq!(c.verdict, Verdict::NotSupported, "{}", c.summary);
    says(
        &c,
        "Not supported: the only controlled evidence of a benefit is of very low certainty.",
    );
    assert!(!c.summary.contains("no clear benefit"), "{}", c.summary);
    // A null result of the same small study is not its own rebuttal.
    let mut both = small.clone();
    both.outcomes
        .extend(relapses_trial(est(Measure::Irr, 1.0, 0.6, 1.6)).outcomes);
    let c = check(vec![both], benefit("Drug X"));
    assert!(
        c.evidence.iter().any(|e| e.role == EvidenceRole::NoBenefit),
        "{:?}",
        c.evidence
    );
    assert!(!c.summary.contains("no clear benefit"), "{}", c.summary);
    let null = relapses_trial(est(Measure::Irr, 1.0, 0.6, 1.6));
    let c = check(vec![small, null], benefit("Drug X"));
    assert_eq!(c.verdict, Verdict::NotSupported, "{}", c.summary);
    assert!(
        c.evidence.iter().any(|e| e.role == EvidenceRole::NoBenefit),
        "{:?}",
        c.evidence
    );
    says(
        &c,
        "is of very low certainty. Controlled evidence from b study found no clear benefit.",
    );
}

/// One trial's people count once towards "safe", whatever entries report it: two reports of the
/// same trial (one DOI), 200 treated each, are 200 people, too few.
#[test]
fn safety_counts_one_trial_once_however_many_entries_report_it() {
    let report = |id: &str| {
        let deaths = deaths(0, 200);
        let mut s = study(
            id,
            Design::Rct,
            Some(Blinding::Double),
            "Drug X",
            vec![deaths],
        );
        s.citation.doi = Some("10.1000/same-trial".into());
        s
    };
    let safe = claim("c", "Drug X", None, Assertion::NoRisk, None);
    let c = check(
        vec![report("paper"), report("registry_report")],
        safe.clone(),
    );
    assert_eq!(c.parts[0].treated, Some(200), "{}", c.summary);
    assert_eq!(c.verdict, Verdict::NotSupported, "{}", c.summary);
    let mut other = report("other");
    other.citation.doi = Some("10.1000/another-trial".into());
    let c = check(vec![report("paper"), other], safe);
    assert_eq!(c.parts[0].treated, Some(400), "{}", c.summary);
}

/// A review's people are counted once: a trial that a counted review includes adds none of its
/// own, whichever of the trial's entries the review names, and the sentence says whose people
/// were counted within which review. Here that is what decides "safe": 250 people, not 450.
#[test]
fn safety_counts_the_people_of_a_study_within_the_review_that_includes_it() {
    let entry = |id: &str, n: u64| {
        let mut s = study(id, Design::SingleArm, None, "Drug X", vec![deaths(0, n)]);
        s.citation.nct = Some("NCT00000001".into());
        s
    };
    let review = |includes: &[&str], outcome: Outcome, n: u32| {
        let mut r = study(
            "review",
            Design::SystematicReview,
            None,
            "Drug X",
            vec![outcome],
        );
        r.includes = includes.iter().map(|s| s.to_string()).collect();
        r.n = Some(n);
        r
    };
    let safe = claim("c", "Drug X", None, Assertion::NoRisk, None);
    let c = check(
        vec![entry("trial", 200), review(&[], deaths(0, 250), 250)],
        safe.clone(),
    );
    assert_eq!(c.parts[0].treated, Some(450), "{}", c.summary);
    // The review names the trial's registry record, which reports no harms; the paper does.
    let mut registry = entry("registry", 200);
    registry.outcomes.clear();
    let studies = vec![
        entry("trial", 200),
        review(&["registry"], deaths(0, 250), 250),
        registry,
    ];
    let c = check(studies, safe.clone());
    assert_eq!(c.parts[0].treated, Some(250), "{}", c.summary);
    assert_eq!(c.verdict, Verdict::NotSupported, "{}", c.summary);
    says(
        &c,
        "too few to rule out uncommon serious harms. The people of trial study are counted once, \
         within review study, which includes them.",
    );
    // A review whose harms are in words only: the trial's counted harms still show what they show.
    // (Half of its 800 people count as treated: it does not say how many were.)
    let mut words = deaths(0, 800);
    words.data = None;
    words.reported = Some(Text::plain("No deaths."));
    let c = check(
        vec![entry("trial", 350), review(&["trial"], words, 800)],
        safe,
    );
    assert_eq!(c.parts[0].treated, Some(400), "{}", c.summary);
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.summary);

    // Two reviews include the trial, one in words only: it is within the one that counts, so its
    // people are not counted again among the counted harms.
    let mut words = deaths(0, 800);
    words.data = None;
    words.reported = Some(Text::plain("No deaths."));
    let mut counted = review(&["trial"], deaths(0, 200), 200);
    counted.id = "counted".into();
    let c = check(
        vec![entry("trial", 150), review(&["trial"], words, 800), counted],
        claim("c", "Drug X", None, Assertion::NoRisk, None),
    );
    assert_eq!(c.parts[0].treated, Some(600), "{}", c.summary);
    says(&c, "but fewer than 300 of them in counts");
}
