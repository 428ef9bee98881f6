//! Each GRADE rating step, isolated on a small made-up dataset (one step per test).

#[path = "appraise_helpers.rs"]
mod helpers;

use evidence_lens::appraise::{
    appraise, appraise_outcome, AppraiseOptions, BaselineSource, Certainty, Domain,
    OutcomeAppraisal, Reason,
};
use evidence_lens::model::*;
use helpers::*;

/// A clean benefit: 150/1000 vs 250/1000, RR 0.6 (0.50 to 0.72). No step applies to it.
fn clean() -> Outcome {
    progression(counts(150, 1000, 250, 1000))
}

/// An open-label RCT of AHSCT with one outcome.
fn open_label(o: Outcome) -> Study {
    study("a", Design::Rct, Some(Blinding::Open), "AHSCT", vec![o])
}

/// Deaths, an objective outcome: 150/1000 vs 250/1000.
fn deaths() -> Outcome {
    outcome(
        "death",
        "Deaths",
        OutcomeKind::Harm,
        Better::Lower,
        counts(150, 1000, 250, 1000),
    )
}

fn rate(s: &Study) -> OutcomeAppraisal {
    appraise_outcome(
        s,
        &s.outcomes[0],
        &AppraiseOptions::default(),
        "Condition A",
    )
}

fn moved(a: &OutcomeAppraisal) -> Vec<&Reason> {
    a.reasons.iter().filter(|r| r.change != 0).collect()
}

fn only_step(a: &OutcomeAppraisal, domain: Domain, change: i8) -> &Reason {
    let m = moved(a);
    assert_eq!(
        m.len(),
        1,
        "expected exactly one step, got {:#?}",
        a.reasons
    );
    assert_eq!(m[0].domain, domain, "{:#?}", a.reasons);
    assert_eq!(m[0].change, change, "{:#?}", a.reasons);
    m[0]
}

#[test]
fn randomised_double_blind_precise_stays_high() {
    let a = rate(&rct("a", clean()));
    assert_eq!(a.certainty, Some(Certainty::High));
    assert!(moved(&a).is_empty(), "{:#?}", a.reasons);
    assert_eq!(a.statement, "Drug X reduces disability progression.");
}

#[test]
fn open_label_is_risk_of_bias() {
    let s = open_label(clean());
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::Moderate));
    let r = only_step(&a, Domain::RiskOfBias, -1);
    assert_eq!(
        r.text,
        "Open-label: the people assessing disability progression knew who had AHSCT"
    );
    assert_eq!(
        a.statement,
        "AHSCT probably reduces disability progression."
    );
}

/// A review's judgements of high risk of bias (an imported Cochrane review's table) are one
/// concern, whatever the number of domains.
#[test]
fn a_reviews_high_risk_judgements_are_one_concern() {
    let mut s = rct("a", clean());
    s.risk_of_bias = vec![
        judged("Allocation concealment", Judgement::High),
        judged("Random sequence generation", Judgement::Low),
        judged("Incomplete outcome data", Judgement::High),
    ];
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::Moderate));
    let r = only_step(&a, Domain::RiskOfBias, -1);
    assert_eq!(
        r.text,
        "The review judged this study at high risk of bias for allocation concealment and incomplete outcome data"
    );
}

/// The review's "blinding" may be the open-label concern already counted: one flaw, counted once,
/// and the review's judgement is still said.
#[test]
fn a_reviews_high_risk_is_not_counted_again_after_open_label() {
    let mut s = open_label(clean());
    s.risk_of_bias = vec![judged("Blinding of outcome assessment", Judgement::High)];
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::Moderate));
    only_step(&a, Domain::RiskOfBias, -1);
    assert!(
        a.reasons.iter().any(|r| r.change == 0
            && r.text == "The review also judged this study at high risk of bias for blinding of outcome assessment; counted once, with the concern above"),
        "{:#?}",
        a.reasons
    );
}

/// A review's high risk in another domain (allocation concealment) is a second flaw besides the
/// open-label one, and counts; its blinding domains do not count for an objective outcome.
#[test]
fn a_reviews_other_domains_count_besides_open_label_and_blinding_spares_death() {
    let mut s = open_label(clean());
    s.risk_of_bias = vec![
        judged("Blinding of participants and personnel", Judgement::High),
        judged("Allocation concealment", Judgement::High),
    ];
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::Low), "{:#?}", a.reasons);
    let steps: Vec<&str> = moved(&a).iter().map(|r| r.text.as_str()).collect();
    assert_eq!(steps.len(), 2, "{steps:?}");
    assert_eq!(
        steps[1],
        "The review judged this study at high risk of bias for allocation concealment"
    );
    let mut s = rct("b", deaths());
    s.risk_of_bias = vec![judged("Blinding of outcome assessment", Judgement::High)];
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::High), "{:#?}", a.reasons);
    assert!(a.reasons.is_empty(), "{:#?}", a.reasons);
}

/// Unclear risk is said, not counted; low risk says nothing.
#[test]
fn a_reviews_unclear_risk_is_said_not_counted() {
    let mut s = rct("a", clean());
    s.risk_of_bias = vec![
        judged("Allocation concealment", Judgement::Unclear),
        judged("Random sequence generation", Judgement::Low),
    ];
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::High));
    assert!(moved(&a).is_empty(), "{:#?}", a.reasons);
    let said: Vec<&str> = a.reasons.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        said,
        ["The review judged the risk of bias unclear for allocation concealment; not rated down for this alone"]
    );
}

#[test]
fn open_label_does_not_matter_for_death() {
    assert_eq!(rate(&open_label(deaths())).certainty, Some(Certainty::High));
}

#[test]
fn single_blinding_is_risk_of_bias() {
    let s = study(
        "a",
        Design::Rct,
        Some(Blinding::Single),
        "Drug X",
        vec![clean()],
    );
    let r = rate(&s);
    assert!(only_step(&r, Domain::RiskOfBias, -1)
        .text
        .starts_with("Only the participants were blinded"));
    // Rater-masked trials are not rated down for blinding.
    let s = study(
        "a",
        Design::Rct,
        Some(Blinding::Rater),
        "Drug X",
        vec![clean()],
    );
    assert_eq!(rate(&s).certainty, Some(Certainty::High));
}

#[test]
fn crossover_is_risk_of_bias() {
    let s = study(
        "a",
        Design::CrossoverRct,
        Some(Blinding::Double),
        "Drug X",
        vec![clean()],
    );
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::Moderate));
    assert!(only_step(&a, Domain::RiskOfBias, -1)
        .text
        .starts_with("Crossover design"));
}

#[test]
fn pooled_cycles_caveat_is_a_too_narrow_interval_counted_once() {
    // Counting treatment cycles as people is a unit-of-analysis error, not a bias: the estimate
    // stands, its interval is too narrow. One level of imprecision, quoting the caveat.
    let mut s = rct("a", clean());
    s.caveats = vec!["Counts pool two treatment cycles from 48 patients".into()];
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::Moderate), "{:#?}", a.reasons);
    let step = only_step(&a, Domain::Imprecision, -1);
    assert!(
        step.text.contains("narrower than the evidence allows")
            && step
                .text
                .contains("(\"Counts pool two treatment cycles from 48 patients\")"),
        "{}",
        step.text
    );
}

/// A double-blind crossover trial of Drug X with these caveats, rated.
fn crossover_with(caveats: &[&str]) -> OutcomeAppraisal {
    let mut s = study(
        "a",
        Design::CrossoverRct,
        Some(Blinding::Double),
        "Drug X",
        vec![clean()],
    );
    s.caveats = caveats.iter().map(|&c| c.into()).collect();
    rate(&s)
}

/// The steps that moved the rating in one domain.
fn moved_in(a: &OutcomeAppraisal, domain: Domain) -> Vec<&Reason> {
    moved(a)
        .into_iter()
        .filter(|r| r.domain == domain)
        .collect()
}

#[test]
fn a_crossover_with_pooled_periods_is_carry_over_and_a_too_narrow_interval() {
    let a = crossover_with(&["Counts pool two treatment cycles from 48 patients"]);
    assert_eq!(a.certainty, Some(Certainty::Low), "{:#?}", a.reasons);
    let (rob, imprecision) = (
        moved_in(&a, Domain::RiskOfBias),
        moved_in(&a, Domain::Imprecision),
    );
    assert_eq!((rob.len(), imprecision.len()), (1, 1), "{:#?}", a.reasons);
    assert!(rob[0].text.starts_with("Crossover design") && !rob[0].text.contains("cycles"));
    assert!(imprecision[0].text.contains("two treatment cycles"));
}

#[test]
fn pooled_periods_count_the_studys_people_not_the_periods() {
    // 30 + 30 periods from 24 people: the small-sample reason names the people. A study larger
    // than the periods (a subgroup's result) keeps the smaller count.
    let data = counts(5, 30, 10, 30);
    for (people, said) in [
        (24, "Only 24 people took part"),
        (500, "Only 60 people took part"),
    ] {
        let mut s = rct("a", progression(data.clone()));
        s.n = Some(people);
        s.caveats = vec!["Counts pool two treatment cycles of the same patients".into()];
        let a = rate(&s);
        assert!(
            a.reasons.iter().any(|r| r.text.starts_with(said)),
            "{people}: {:#?}",
            a.reasons
        );
    }
}

#[test]
fn a_crossover_that_pools_its_periods_is_not_a_first_period_comparison() {
    // Caveats that say both are contradictory: the pooled periods win, and carry-over is rated.
    let a = crossover_with(&[
        "The comparison uses the first period only",
        "Counts pool two treatment cycles from 48 patients",
    ]);
    let rob = moved_in(&a, Domain::RiskOfBias);
    assert_eq!(rob.len(), 1, "{:#?}", a.reasons);
    assert!(rob[0].text.starts_with("Crossover design: people had"));
}

#[test]
fn registry_news_and_marketing_sources() {
    for (kind, level, change) in [
        (SourceKind::Registry, Certainty::Moderate, -1),
        (SourceKind::News, Certainty::Moderate, -1),
        (SourceKind::Marketing, Certainty::Low, -2),
    ] {
        let mut s = rct("a", clean());
        s.source_kind = kind;
        let a = rate(&s);
        assert_eq!(a.certainty, Some(level), "{kind}");
        only_step(&a, Domain::RiskOfBias, change);
    }
}

#[test]
fn two_concerns_are_very_serious_and_capped() {
    let mut s = study(
        "a",
        Design::CrossoverRct,
        Some(Blinding::Open),
        "Drug X",
        vec![clean()],
    );
    s.source_kind = SourceKind::News;
    let a = rate(&s);
    let rob: i32 = a
        .reasons
        .iter()
        .filter(|r| r.domain == Domain::RiskOfBias)
        .map(|r| r.change as i32)
        .sum();
    assert_eq!(rob, -2);
    assert_eq!(a.certainty, Some(Certainty::Low));
    assert!(a
        .reasons
        .iter()
        .any(|r| r.change == 0 && r.text.contains("not rated down further")));
}

#[test]
fn ci_crossing_null_is_imprecision() {
    // RR 0.7 (0.5 to 1.02) in 1,000 people: crosses 1 but not both thresholds (0.75 / 1.25).
    let mut s = rct("a", progression(est(Measure::Rr, 0.7, 0.5, 1.02)));
    s.n = Some(1000);
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::Moderate));
    assert!(only_step(&a, Domain::Imprecision, -1)
        .text
        .contains("includes no effect"));
    assert_eq!(
        a.statement,
        "Drug X probably reduces disability progression."
    );
}

#[test]
fn ci_crossing_both_thresholds_is_two_levels() {
    // MESEMS-like: rate ratio 0.94 (0.58 to 1.50) in 144 people.
    let mut s = rct(
        "a",
        outcome(
            "gel",
            "Gadolinium-enhancing lesions",
            OutcomeKind::Benefit,
            Better::Lower,
            est(Measure::Irr, 0.94, 0.58, 1.50),
        ),
    );
    s.n = Some(144);
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::Low));
    let imp: Vec<&Reason> = a
        .reasons
        .iter()
        .filter(|r| r.domain == Domain::Imprecision)
        .collect();
    // One flaw, said once: an interval that includes no effect and reaches both ways.
    assert_eq!(imp.len(), 1, "{imp:#?}");
    assert_eq!(imp[0].change, -2);
    assert!(imp[0]
        .text
        .contains("includes no effect, and both an important benefit and an important harm"));
    assert_eq!(
        a.statement,
        "Drug X may result in little or no difference in gadolinium-enhancing lesions."
    );
}

#[test]
fn small_sample_is_imprecision_even_when_ci_excludes_null() {
    // 15/30 vs 25/30: RR 0.6 (0.41 to 0.89), only 60 people.
    let a = rate(&rct("a", progression(counts(15, 30, 25, 30))));
    assert_eq!(a.certainty, Some(Certainty::Moderate));
    assert!(only_step(&a, Domain::Imprecision, -1)
        .text
        .contains("Only 60 people"));
}

#[test]
fn few_events_is_imprecision() {
    // 5/500 vs 20/500: RR 0.25 (0.09 to 0.66); 1,000 people but only 25 events.
    let a = rate(&rct("a", progression(counts(5, 500, 20, 500))));
    assert_eq!(a.certainty, Some(Certainty::Moderate));
    assert_eq!(
        only_step(&a, Domain::Imprecision, -1).text,
        "Only 25 people had the outcome, too few for a reliable answer"
    );
    // The rarer result may be not having the outcome: 495/500 vs 480/500, 25 without it.
    let b = rate(&rct("b", progression(counts(495, 500, 480, 500))));
    assert_eq!(
        only_step(&b, Domain::Imprecision, -1).text,
        "Only 25 people did not have the outcome, too few for a reliable answer"
    );
    // Large, but randomised: mentioned, not rated up.
    assert!(a
        .reasons
        .iter()
        .any(|r| r.domain == Domain::LargeEffect && r.change == 0));
}

#[test]
fn imprecision_is_at_most_two_levels() {
    // 9/27 vs 10/27: crosses 1, both thresholds, and 54 people.
    let a = rate(&rct("a", progression(counts(9, 27, 10, 27))));
    let imp: i32 = a
        .reasons
        .iter()
        .filter(|r| r.domain == Domain::Imprecision)
        .map(|r| r.change as i32)
        .sum();
    assert_eq!(imp, -2);
    assert_eq!(a.certainty, Some(Certainty::Low));
}

#[test]
fn precise_null_is_not_imprecise() {
    let mut s = rct("a", progression(est(Measure::Rr, 1.0, 0.95, 1.05)));
    s.n = Some(5000);
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::High), "{:#?}", a.reasons);
    assert_eq!(
        a.statement,
        "Drug X results in little or no difference in disability progression."
    );
}

#[test]
fn a_surrogate_is_rated_down_only_when_it_stands_in_for_something_known() {
    // Flagged as a surrogate, with nothing known of what it stands in for: noted, not rated down.
    let mut o = clean();
    o.surrogate = true;
    o.name = "Blood marker".into();
    let a = rate(&rct("a", o.clone()));
    assert_eq!(a.certainty, Some(Certainty::High));
    assert!(moved(&a).is_empty(), "{:#?}", a.reasons);
    assert!(a.reasons.iter().any(|r| r.domain == Domain::Indirectness
        && r.text
            .starts_with("“Blood marker” is measured on tests or scans")));
    // The vocabulary says the marker stands in for strokes: rated down, naming it.
    let mut ds = dataset(vec![rct("a", o)], vec![]);
    ds.vocabulary.outcomes = vec![
        Term {
            id: "marker".into(),
            name: "blood marker".into(),
            stands_for: Some("stroke".into()),
            ..Default::default()
        },
        Term {
            id: "stroke".into(),
            name: "strokes".into(),
            ..Default::default()
        },
    ];
    let a = appraise(&ds, &AppraiseOptions::default())
        .outcomes
        .remove(0);
    assert_eq!(a.certainty, Some(Certainty::Moderate));
    assert!(only_step(&a, Domain::Indirectness, -1)
        .text
        .starts_with("“Blood marker” stands in for strokes"));
}

#[test]
fn other_condition_is_indirectness() {
    let mut s = rct("a", clean());
    s.condition = "HBV-related decompensated liver cirrhosis".into();
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::Low));
    let r = only_step(&a, Domain::Indirectness, -2);
    assert!(
        r.text.contains("liver cirrhosis, not condition A"),
        "{}",
        r.text
    );

    let mut s = rct("a", clean());
    s.condition = "Condition A and condition B".into();
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::Moderate));
    only_step(&a, Domain::Indirectness, -1);
}

/// Numbers from a comparison group's counts are for the outcome's own time, said once: added
/// where the name does not say it, not where it does.
#[test]
fn numbers_from_counts_say_their_time_once() {
    let short = |name: &str| {
        let mut o = clean();
        o.name = name.into();
        o.timepoint = Some("6 months".into());
        rate(&rct("a", o)).absolute.unwrap().short
    };
    let s = short("Disability progression");
    assert!(
        s.starts_with("Disability progression, 6 months: out of 100 people"),
        "{s}"
    );
    let s = short("Disability progression at 6 months");
    assert!(
        s.starts_with("Disability progression at 6 months: out of 100 people"),
        "{s}"
    );
}

/// A ratio cannot make "no one treated had it" zero: beside the number worked out from it, the
/// reader is told what the study saw.
#[test]
fn no_event_among_the_treated_is_said_beside_the_ratios_number() {
    let short = |data| rate(&rct("a", progression(data))).absolute.unwrap().short;
    let s = short(counts(0, 69, 7, 75));
    assert!(
        s.ends_with(
            "In the study, none of the 69 people who had drug X had it; the number with drug X is \
             worked out from the ratio."
        ),
        "{s}"
    );
    assert!(!short(counts(1, 69, 7, 75)).contains("In the study"));
}

/// A result of one condition's people within a study of several is about those people: not
/// rated down for the others. A subgroup that names no condition leaves the study's people.
#[test]
fn a_subgroup_that_names_the_condition_is_direct() {
    let certainty = |subgroup: &str| {
        let mut o = clean();
        o.subgroup = Some(subgroup.into());
        let mut s = rct("a", o);
        s.condition = "Condition A and condition B".into();
        let mut ds = dataset(vec![s], vec![]);
        ds.vocabulary.conditions = vec![Term {
            id: "a".into(),
            name: "Condition A".into(),
            aliases: vec!["CA".into()],
            ..Default::default()
        }];
        let options = AppraiseOptions {
            condition: Some("Condition A".into()),
            ..Default::default()
        };
        let a = appraise(&ds, &options).outcomes.remove(0);
        (a.certainty, moved_in(&a, Domain::Indirectness).len())
    };
    assert_eq!(certainty("CA"), (Some(Certainty::High), 0));
    assert_eq!(certainty("women"), (Some(Certainty::Moderate), 1));
}

#[test]
fn main_condition_defaults_to_the_most_common() {
    let mut other = rct("b", clean());
    other.condition = "Liver cirrhosis".into();
    let mut rrms = rct("c", clean());
    rrms.condition = "Severe condition A".into();
    let ds = dataset(vec![rct("a", clean()), other, rrms], vec![]);
    let ap = appraise(&ds, &AppraiseOptions::default());
    assert_eq!(ap.condition.as_deref(), Some("Condition A"));
    assert_eq!(ap.outcomes[1].certainty, Some(Certainty::Low));
    assert_eq!(ap.outcomes[2].certainty, Some(Certainty::High));
}

#[test]
fn observational_starts_low() {
    let s = study("a", Design::Cohort, None, "Drug X", vec![clean()]);
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::Low));
    assert!(only_step(&a, Domain::Design, -2)
        .text
        .starts_with("Observational evidence (cohort study)"));
    assert_eq!(a.statement, "Drug X may reduce disability progression.");
    let s = study(
        "a",
        Design::NonRandomisedControlled,
        None,
        "Drug X",
        vec![clean()],
    );
    assert_eq!(rate(&s).certainty, Some(Certainty::Low));
}

#[test]
fn no_comparison_group_is_very_low() {
    for design in [Design::SingleArm, Design::CaseSeries] {
        let o = outcome(
            "improved",
            "EDSS improvement",
            OutcomeKind::Benefit,
            Better::Higher,
            prop(7, 20),
        );
        let s = study("a", design, Some(Blinding::Open), "MSC", vec![o]);
        let a = rate(&s);
        assert_eq!(a.certainty, Some(Certainty::VeryLow));
        assert_eq!(a.reasons[0].domain, Domain::Design);
        assert_eq!(a.reasons[0].change, -3);
        assert_eq!(
            a.statement,
            "This study had no comparison group, so it cannot show what part MSC played in EDSS improvement."
        );
    }
}

/// A review that pooled uncontrolled series: 40 of 100 people improved.
fn series_review() -> Study {
    let o = outcome(
        "improved",
        "Improvement",
        OutcomeKind::Benefit,
        Better::Higher,
        prop(40, 100),
    );
    let mut s = study("r", Design::SystematicReview, None, "MSC", vec![o]);
    s.caveats = vec!["Pooled single-arm studies; no control groups".into()];
    s
}

#[test]
fn review_inherits_from_what_it_pooled() {
    let s = series_review();
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::VeryLow));
    assert!(a
        .reasons
        .iter()
        .any(|r| r.domain == Domain::Design && r.change == -3));
    assert!(a.reasons.iter().any(
        |r| r.domain == Domain::PublicationBias && r.text.contains("small uncontrolled series")
    ));
    assert!(a
        .statement
        .starts_with("The studies in this review had no comparison group"));

    let mut s = study("r", Design::SystematicReview, None, "MSC", vec![clean()]);
    s.population = Some("18 RCTs".into());
    assert_eq!(rate(&s).certainty, Some(Certainty::High));
    let mut s = study("r", Design::SystematicReview, None, "MSC", vec![clean()]);
    s.moderators.insert("pooled_design".into(), "cohort".into());
    assert_eq!(rate(&s).certainty, Some(Certainty::Low));
}

#[test]
fn large_effect_rates_observational_evidence_up() {
    // 60/600 vs 180/600: RR 0.33 (0.25 to 0.44): large -> +1 (1,200 people, more than the 1,072
    // that one trial would need to detect a 25% reduction from a risk of 30%).
    let s = study(
        "a",
        Design::Cohort,
        None,
        "Drug X",
        vec![progression(counts(60, 600, 180, 600))],
    );
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::Moderate), "{:#?}", a.reasons);
    assert!(a
        .reasons
        .iter()
        .any(|r| r.domain == Domain::LargeEffect && r.change == 1));
    // Very large: RR 0.1 (0.05 to 0.18) -> +2.
    let mut s = study(
        "a",
        Design::Cohort,
        None,
        "Drug X",
        vec![progression(est(Measure::Rr, 0.1, 0.05, 0.18))],
    );
    s.n = Some(2000);
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::High), "{:#?}", a.reasons);
    assert!(a
        .reasons
        .iter()
        .any(|r| r.domain == Domain::LargeEffect && r.change == 2));
}

#[test]
fn no_rating_up_after_risk_of_bias() {
    let s = study(
        "a",
        Design::Cohort,
        Some(Blinding::Open),
        "Drug X",
        vec![progression(counts(30, 300, 90, 300))],
    );
    let a = rate(&s);
    assert_eq!(a.certainty, Some(Certainty::VeryLow));
    let le = a
        .reasons
        .iter()
        .find(|r| r.domain == Domain::LargeEffect)
        .unwrap();
    assert_eq!(le.change, 0);
    assert!(le.text.contains("not rated up because of the risk of bias"));
}

#[test]
fn missing_or_bad_data_gives_no_level() {
    let mut o = clean();
    o.data = None;
    let mut s = rct("a", o);
    s.status = StudyStatus::Ongoing;
    let a = rate(&s);
    assert_eq!(a.certainty, None);
    assert!(a.statement.contains("not available yet"));
    let s = rct("a", progression(est(Measure::Rr, -1.0, 0.5, 2.0)));
    let a = rate(&s);
    assert_eq!(a.certainty, None);
    assert!(a.note.unwrap().contains("could not be analysed"));
}

// ---- pooled bodies ----

fn pooled_of(studies: Vec<Study>) -> evidence_lens::appraise::PooledAppraisal {
    let ds = dataset(studies, vec![]);
    let ap = appraise(&ds, &AppraiseOptions::default());
    assert_eq!(ap.pooled.len(), 1, "{:#?}", ap.pooled);
    ap.pooled.into_iter().next().unwrap()
}

#[test]
fn consistent_trials_pool_to_high() {
    let p = pooled_of(vec![
        rct("a", progression(counts(150, 1000, 250, 1000))),
        rct("b", progression(counts(140, 1000, 240, 1000))),
    ]);
    assert_eq!(p.refused, None);
    assert_eq!(p.certainty, Some(Certainty::High), "{:#?}", p.reasons);
    let e = p.effect.unwrap();
    assert_eq!(e.method, "REML");
    assert!(e.natural.estimate.unwrap() < 0.65 && e.natural.estimate.unwrap() > 0.55);
    // Baseline for absolute numbers: the median control risk (0.24 and 0.25).
    let abs = p.absolute.unwrap();
    assert!((abs.baseline.unwrap() - 0.245).abs() < 1e-12);
}

/// A pooled body is rated down when trials a review judged at high risk of bias carry most of its
/// weight, and not when they carry little.
#[test]
fn a_reviews_high_risk_trials_rate_a_pool_down_by_their_weight() {
    let high = |mut s: Study| {
        s.risk_of_bias = vec![judged("Allocation concealment", Judgement::High)];
        s
    };
    let heavy = pooled_of(vec![
        high(rct("a", progression(counts(150, 1000, 250, 1000)))),
        rct("b", progression(counts(14, 100, 24, 100))),
    ]);
    let rob = |p: &evidence_lens::appraise::PooledAppraisal| -> Vec<i8> {
        p.reasons
            .iter()
            .filter(|r| r.domain == Domain::RiskOfBias)
            .map(|r| r.change)
            .collect()
    };
    assert_eq!(rob(&heavy), [-1], "{:#?}", heavy.reasons);
    let light = pooled_of(vec![
        high(rct("a", progression(counts(15, 100, 25, 100)))),
        rct("b", progression(counts(140, 1000, 240, 1000))),
    ]);
    assert_eq!(rob(&light), [0], "{:#?}", light.reasons);
}

#[test]
fn a_design_not_given_is_not_rated_as_randomised_nor_called_observational() {
    let unknown = |id: &str, data| {
        let mut s = rct(id, progression(data));
        s.design = Design::Unknown;
        s
    };
    let p = pooled_of(vec![
        unknown("a", counts(150, 1000, 250, 1000)),
        unknown("b", counts(140, 1000, 240, 1000)),
    ]);
    assert_eq!(p.certainty, Some(Certainty::Low), "{:#?}", p.reasons);
    let design: Vec<&str> = p
        .reasons
        .iter()
        .filter(|r| r.domain == Domain::Design)
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(
        design,
        ["The design is not given, so the evidence is not rated as randomised"]
    );
}

#[test]
fn heterogeneity_is_inconsistency() {
    let mk = |id: &str, e: f64, lb: f64, ub: f64| {
        let mut s = rct(id, progression(est(Measure::Rr, e, lb, ub)));
        s.n = Some(1000);
        s
    };
    let p = pooled_of(vec![
        mk("a", 0.3, 0.2, 0.45),
        mk("b", 0.9, 0.8, 1.0),
        mk("c", 0.5, 0.4, 0.62),
    ]);
    let inc: Vec<&Reason> = p
        .reasons
        .iter()
        .filter(|r| r.domain == Domain::Inconsistency)
        .collect();
    assert_eq!(inc.len(), 1, "{:#?}", p.reasons);
    assert_eq!(inc[0].change, -1);
    assert!(inc[0].text.contains("I²"));
}

#[test]
fn small_study_effects_are_publication_bias() {
    // 12 trials; the smaller the trial, the larger its effect (log RR = -0.1 - 2 se).
    let studies: Vec<Study> = (0..12)
        .map(|i| {
            let se = 0.05 + 0.04 * i as f64;
            let jitter = if i % 2 == 0 { 0.01 } else { -0.01 };
            let mut s = rct(
                &format!("s{i}"),
                progression(generic(Measure::Rr, -0.1 - 2.0 * se + jitter, se * se)),
            );
            s.n = Some(2000);
            s
        })
        .collect();
    let p = pooled_of(studies);
    let e = p.effect.as_ref().unwrap();
    assert!(e.egger_pval.unwrap() < 0.10);
    assert!(
        p.reasons
            .iter()
            .any(|r| r.domain == Domain::PublicationBias && r.change == -1),
        "{:#?}",
        p.reasons
    );
}

#[test]
fn pooling_is_refused_with_reasons() {
    // Single-arm mixed with comparative.
    let single = study(
        "s",
        Design::SingleArm,
        None,
        "Drug X",
        vec![progression(prop(3, 20))],
    );
    let p = pooled_of(vec![rct("a", clean()), single]);
    assert!(p.refused.as_deref().unwrap().contains("single-arm"));
    assert_eq!(p.certainty, None);
    // Counts that pool treatment cycles.
    let mut cyc = rct("b", clean());
    cyc.caveats = vec!["Denominators pool two treatment cycles".into()];
    let p = pooled_of(vec![rct("a", clean()), cyc]);
    assert!(p.refused.as_deref().unwrap().contains("not independent"));
    // Different measures.
    let mut hr = rct("c", progression(est(Measure::Hr, 0.5, 0.3, 0.8)));
    hr.n = Some(200);
    let p = pooled_of(vec![rct("a", clean()), hr]);
    assert!(
        p.refused
            .as_deref()
            .unwrap()
            .contains("different effect measures (RR, HR)"),
        "{:?}",
        p.refused
    );
    // Randomised with observational.
    let coh = study("d", Design::Cohort, None, "Drug X", vec![clean()]);
    let p = pooled_of(vec![rct("a", clean()), coh]);
    assert!(p.refused.as_deref().unwrap().contains("rated separately"));
    // The same trial twice.
    let mut a = rct("a", clean());
    let mut b = rct("b", clean());
    a.citation.nct = Some("NCT0001".into());
    b.citation.nct = Some("nct0001".into());
    let p = pooled_of(vec![a, b]);
    assert!(p.refused.as_deref().unwrap().contains("same trial"));
}

#[test]
fn serialized_output_has_no_nan_and_snake_case_levels() {
    let s = study(
        "a",
        Design::SingleArm,
        None,
        "MSC",
        vec![progression(prop(0, 10))],
    );
    let ds = dataset(
        vec![
            rct("a", clean()),
            s,
            rct("c", progression(est(Measure::Md, -0.5, -0.9, -0.1))),
        ],
        vec![],
    );
    let ap = appraise(&ds, &AppraiseOptions::default());
    let json = serde_json::to_string(&ap).unwrap();
    assert!(!json.contains("NaN"));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["outcomes"][0]["certainty"], "high");
    assert_eq!(v["outcomes"][1]["certainty"], "very_low");
    assert!(v["outcomes"][0]["reasons"].is_array());
    assert!(v["pooled"].is_array() && v["claims"].is_array());
}

#[test]
fn odd_input_never_panics() {
    let mut weird = outcome(
        "",
        "",
        OutcomeKind::Harm,
        Better::Higher,
        counts(0, 0, 0, 0),
    );
    weird.surrogate = true;
    let mut s = study("İ", Design::SystematicReview, None, "", vec![weird]);
    s.condition = String::new();
    let s2 = study(
        "x",
        Design::Rct,
        Some(Blinding::Open),
        "Kßİ-MSC",
        vec![
            outcome(
                "o",
                "Patients withİ",
                OutcomeKind::Benefit,
                Better::Lower,
                generic(Measure::Gen, 0.1, 0.0),
            ),
            outcome(
                "p",
                "ÄÖÜ",
                OutcomeKind::Benefit,
                Better::Lower,
                est(Measure::Or, 1e-300, 1e-301, 1e300),
            ),
            outcome("q", "q", OutcomeKind::Benefit, Better::Lower, prop(5, 0)),
            outcome(
                "r",
                "r",
                OutcomeKind::Benefit,
                Better::Lower,
                counts(5, 3, 0, 10),
            ),
        ],
    );
    let mut opts = AppraiseOptions::default();
    opts.baselines.insert("p".into(), f64::NAN);
    opts.baselines.insert("o".into(), 7.0);
    opts.ratio_threshold = f64::NAN;
    opts.mids.insert("q".into(), -1.0);
    let claims = vec![
        claim("a", "", None, Assertion::Benefit, None),
        claim("b", "İ", Some(""), Assertion::Number, Some(f64::INFINITY)),
        claim("c", "MSC", Some("ÄÖÜ"), Assertion::NoRisk, None),
    ];
    let ds = dataset(vec![s, s2.clone(), s2], claims);
    let ap = appraise(&ds, &opts);
    serde_json::to_string(&ap).unwrap();
    // serde_json would write a NaN as null: check the numbers that are never optional.
    for o in &ap.outcomes {
        if let Some(e) = &o.effect {
            assert!(
                [e.estimate, e.ci_lb, e.ci_ub].iter().all(|v| v.is_finite()),
                "{o:?}"
            );
        }
        if let Some(a) = &o.absolute {
            assert!(
                a.risk.is_finite()
                    && a.per_100.treatment.is_finite()
                    && a.per_1000.treatment.is_finite(),
                "{o:?}"
            );
        }
    }
    assert_eq!(ap.claims.len(), 3);
}

#[test]
fn outcomes_group_by_normalized_id_or_name() {
    let named = |id: &str, name: &str| {
        outcome(
            id,
            name,
            OutcomeKind::Benefit,
            Better::Lower,
            counts(5, 50, 10, 50),
        )
    };
    let mut d = dataset(
        vec![
            rct("a", named("EDSS-progression", "Disability progression")),
            rct("b", named("edss progression", "Worsening")),
            rct("c", named("other", "DISABILITY progression!")),
            rct("d", named("—", "Relapse")),
            rct("e", named("!!", "Fatigue")),
            rct("f", named("x1", "—")),
            rct("g", named("x2", "...")),
            rct("h", named("...", "relapse")),
            rct("i", named("EDSS-progression", "Disability progression")),
            rct("j", named("other", "Disability progression")),
            rct("k", named("—", "Headache")),
            rct("l", named("—", "headache")),
        ],
        vec![],
    );
    for s in &mut d.studies[8..10] {
        s.intervention.therapy = "Drug Y".into();
    }
    let lexicon = evidence_lens::appraise::matching::Lexicon::new(&d.vocabulary);
    let groups: Vec<Vec<&str>> = evidence_lens::appraise::pool::groups(&d, &lexicon)
        .iter()
        .map(|g| g.iter().map(|(s, _)| s.id.as_str()).collect())
        .collect();
    // a and b share an id, a and c a name, d and h a name; an id or a name that normalizes to
    // nothing matches no other; i and j are another treatment's.
    assert_eq!(
        groups,
        [
            vec!["a", "b", "c"],
            vec!["d", "h"],
            vec!["i", "j"],
            vec!["k", "l"]
        ]
    );
    // Each body has an id of its own: the outcome's, its treatment's after it where two
    // treatments share the outcome, and its place where ids still repeat ("—" says nothing).
    let ids: Vec<String> = appraise(&d, &AppraiseOptions::default())
        .pooled
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(
        ids,
        [
            "EDSS-progression/drug x",
            "—/drug x",
            "EDSS-progression/drug y",
            "—/drug x#2"
        ]
    );
}

// ---- baseline risks given by the data ----

fn with_baseline(mut o: Outcome, risk: f64, basis: &str) -> Outcome {
    o.baseline = Some(Box::new(Baseline {
        risk,
        timepoint: Some("2 years".into()),
        basis: basis.into(),
    }));
    o
}

/// A hazard ratio has no control-arm counts: the data's baseline gives its numbers per 100
/// people, for its time, saying where the risk comes from; counts of the study's own comparison
/// group come before it.
#[test]
fn a_baseline_in_the_data_gives_numbers_per_100_for_its_time_unless_the_study_has_a_control_arm() {
    let hr = with_baseline(
        progression(est(Measure::Hr, 0.5, 0.25, 1.0)),
        0.4,
        "the registry's 2-year risk",
    );
    let a = rate(&rct("a", hr));
    let abs = a.absolute.expect("numbers from the data's baseline");
    assert_eq!(abs.baseline_source, Some(BaselineSource::Data));
    assert_eq!(abs.baseline, Some(0.4));
    // 1 - 0.6^0.5 = 0.2254.
    assert!((abs.risk - (1.0 - 0.6f64.sqrt())).abs() < 1e-12);
    assert!(abs.text.starts_with("Disability progression within 2 years: out of 1,000 people, about 400 in the comparison group and about 225"), "{}", abs.text);
    assert!(
        abs.text.ends_with(
            " Where the comparison group's risk comes from: the registry's 2-year risk."
        ),
        "{}",
        abs.text
    );

    let counted = with_baseline(clean(), 0.4, "the registry");
    let a = rate(&rct("a", counted));
    let abs = a.absolute.unwrap();
    assert_eq!(abs.baseline_source, Some(BaselineSource::ControlArm));
    assert_eq!(abs.baseline, Some(0.25));
    assert_eq!(abs.timepoint, None);
    assert!(!abs.text.contains("registry"), "{}", abs.text);
}

/// A pooled body without control arms takes the baseline its studies give only when they all
/// give the same one.
#[test]
fn a_pooled_body_takes_a_baseline_its_studies_all_give() {
    let hr = |lb: f64, basis: &str| {
        with_baseline(progression(est(Measure::Hr, 0.6, lb, 0.9)), 0.3, basis)
    };
    let same = pooled_of(vec![
        rct("a", hr(0.4, "the registry")),
        rct("b", hr(0.35, "the registry")),
    ]);
    let abs = same.absolute.expect("the studies' one baseline");
    assert_eq!(abs.baseline_source, Some(BaselineSource::Data));
    assert_eq!(abs.baseline, Some(0.3));
    let different = pooled_of(vec![
        rct("a", hr(0.4, "the registry")),
        rct("b", hr(0.35, "another cohort")),
    ]);
    assert!(different.absolute.is_none());
    assert_eq!(
        different.note.as_deref(),
        Some("the studies give different risks in the comparison group (or for different times), so there is no one risk to start from and no numbers per 100 people")
    );
    // The caller's baseline comes first, for a pooled body too.
    let ds = dataset(
        vec![
            rct("a", hr(0.4, "the registry")),
            rct("b", hr(0.35, "the registry")),
        ],
        vec![],
    );
    let mut options = AppraiseOptions::default();
    options.baselines.insert("progression".into(), 0.1);
    let abs = appraise(&ds, &options).pooled[0].absolute.clone().unwrap();
    assert_eq!(
        (abs.baseline, abs.baseline_source),
        (Some(0.1), Some(BaselineSource::Caller))
    );
}

/// A pooled body's studies in other conditions are named against the question's condition as
/// the vocabulary names it in the reader's language, not as the data spells it.
#[test]
fn a_pooled_bodys_other_conditions_are_said_in_the_readers_language() {
    let mut other = rct("b", progression(counts(140, 1000, 240, 1000)));
    other.condition = "Condition B".into();
    let mut ds = dataset(
        vec![rct("a", progression(counts(150, 1000, 250, 1000))), other],
        vec![],
    );
    ds.vocabulary = serde_json::from_value(serde_json::json!({
        "conditions": [{"id": "a", "name": {"en": "condition A", "fr": "maladie A"}, "aliases": ["Condition A"]}]
    }))
    .unwrap();
    let options = AppraiseOptions {
        lang: evidence_lens::i18n::Lang::Fr,
        condition: Some("Condition A".into()),
        ..AppraiseOptions::default()
    };
    let p = &appraise(&ds, &options).pooled[0];
    let said: Vec<&str> = p
        .reasons
        .iter()
        .filter(|r| r.domain == Domain::Indirectness)
        .map(|r| r.text.as_str())
        .collect();
    assert!(
        said.iter()
            .any(|t| t.contains("que celle de la question, maladie A (b study)")),
        "{said:?}"
    );
    assert!(!said.iter().any(|t| t.contains("ondition A")), "{said:?}");
}

/// A baseline without a time gives numbers without one; a claim of a complete effect is measured
/// in people only against an event to avoid (for a good outcome, "still had it" means nothing).
#[test]
fn a_baseline_without_a_time_says_none_and_good_outcomes_give_no_people_despite() {
    let mut o = progression(est(Measure::Rr, 0.5, 0.3, 0.8));
    o.baseline = Some(Box::new(Baseline {
        risk: 0.4,
        timepoint: None,
        basis: "the registry".into(),
    }));
    let a = rate(&rct("a", o.clone()));
    let abs = a.absolute.unwrap();
    assert_eq!(abs.timepoint, None);
    assert!(
        abs.text
            .starts_with("Disability progression: out of 1,000 people"),
        "{}",
        abs.text
    );
    assert!(abs.despite().is_some());

    // The same numbers for an outcome where more is better are not people "despite" the drug.
    o.better = Better::Higher;
    let claim_of = |o: Outcome| {
        let mut c = claim("c", "AHSCT", Some("progression"), Assertion::Benefit, None);
        c.parts[0].absolute = true;
        let ds = dataset(vec![open_label(o)], vec![c]);
        appraise(&ds, &AppraiseOptions::default()).claims[0]
            .summary
            .clone()
    };
    let lower = claim_of(progression(counts(150, 1000, 250, 1000)));
    assert!(
        lower.contains("still affected about 15 in 100 people"),
        "{lower}"
    );
    let mut higher = progression(counts(250, 1000, 150, 1000));
    higher.better = Better::Higher;
    let higher = claim_of(higher);
    assert!(higher.contains("not the complete effect"), "{higher}");
    assert!(!higher.contains("still affected"), "{higher}");
}

/// A baseline the data give but this result cannot use (a risk difference, a hazard ratio of a
/// good outcome) is not called missing: the reader is told it does not apply.
#[test]
fn a_baseline_that_does_not_apply_is_not_called_missing() {
    let rd = with_baseline(
        progression(est(Measure::Rd, -0.1, -0.2, 0.0)),
        0.4,
        "the registry",
    );
    let mut good_hr = with_baseline(
        progression(est(Measure::Hr, 0.5, 0.3, 0.8)),
        0.4,
        "the registry",
    );
    good_hr.better = Better::Higher;
    for o in [rd, good_hr] {
        let a = rate(&rct("a", o));
        assert!(a.absolute.is_none());
        let note = a.note.unwrap();
        assert!(
            note.contains("cannot be applied to this kind of result"),
            "{note}"
        );
        assert!(!note.contains("none given"), "{note}");
    }
    // Without a baseline in the data, it is still missing.
    let a = rate(&rct("a", progression(est(Measure::Rd, -0.1, -0.2, 0.0))));
    assert!(a.note.unwrap().contains("none given"));
    // Nor for a pooled body of such results.
    let rd = |lb: f64| {
        with_baseline(
            progression(est(Measure::Rd, -0.1, lb, 0.0)),
            0.4,
            "the registry",
        )
    };
    let body = pooled_of(vec![rct("a", rd(-0.2)), rct("b", rd(-0.25))]);
    assert!(body.absolute.is_none());
    let note = body.note.unwrap();
    assert!(
        note.contains("cannot be applied to this kind of result"),
        "{note}"
    );
}

/// A harm no one in the comparison group had: a ratio times a risk of 0 is 0 whatever the ratio,
/// so the numbers per 100 come from the arms' own risks and their difference (12 of 50 against
/// 0 of 50: 24 more in 100), not "about 0 without and about 0 with it".
#[test]
fn a_comparison_group_without_events_gives_the_risk_difference_not_zeros() {
    let rash = |data| outcome("rash", "Rash", OutcomeKind::Harm, Better::Lower, data);
    let a = rate(&rct("a", rash(counts(12, 50, 0, 50))));
    let abs = a.absolute.expect("numbers from the risk difference");
    assert_eq!(abs.measure, Measure::Rd);
    assert_eq!(abs.baseline, Some(0.0));
    assert!((abs.risk - 0.24).abs() < 1e-12);
    // Newcombe's hybrid score interval from the arms' Wilson intervals (written out here):
    // 12/50 is 0.143 to 0.374, 0/50 is 0 to 0.071, so the difference's is 0.120 to 0.374
    // (the Wald interval, 0.122 to 0.358, is too narrow with a zero arm).
    let z = 1.959_963_984_540_054f64;
    let wilson = |x: f64, n: f64| {
        let p = x / n;
        let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
        let half = z / (1.0 + z * z / n) * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt();
        (centre - half, centre + half)
    };
    let ((l1, u1), (_, u2)) = (wilson(12.0, 50.0), wilson(0.0, 50.0));
    let lower = 0.24 - ((0.24 - l1).powi(2) + u2.powi(2)).sqrt();
    assert!((abs.risk_lb.unwrap() - lower).abs() < 1e-9, "{abs:?}");
    assert!((abs.risk_ub.unwrap() - u1).abs() < 1e-9, "{abs:?}");
    assert!(
        abs.text.starts_with("Rash: out of 1,000 people, about 0 in the comparison group and about 240 (95% CI 120 to 374) with drug X (240 more; 95% CI 120 more to 374 more)."),
        "{}",
        abs.text
    );

    // A pooled body whose comparison groups had none: no numbers rather than zeros.
    let p = pooled_of(vec![
        rct("a", rash(counts(12, 50, 0, 50))),
        rct("b", rash(counts(9, 40, 0, 40))),
    ]);
    assert!(p.absolute.is_none(), "{:?}", p.absolute);
    assert_eq!(
        p.note.as_deref(),
        Some("no one (or everyone) in the comparison group had it, and a ratio cannot change a risk of 0 (or 100) in 100, so there are no numbers per 100 people from it")
    );
}

/// A hazard ratio of a good outcome (progression-free survival) counts the event that ends it:
/// a caller's baseline risk of the good outcome is not put through it as if it were the event's.
#[test]
fn a_callers_baseline_is_not_put_through_the_hazard_ratio_of_a_good_outcome() {
    let pfs = outcome(
        "pfs",
        "Progression-free survival",
        OutcomeKind::Benefit,
        Better::Higher,
        est(Measure::Hr, 0.5, 0.3, 0.8),
    );
    let s = rct("a", pfs);
    let mut options = AppraiseOptions::default();
    options.baselines.insert("pfs".into(), 0.6);
    let a = appraise_outcome(&s, &s.outcomes[0], &options, "Condition A");
    assert!(a.absolute.is_none(), "{:?}", a.absolute);
    assert_eq!(
        a.note.as_deref(),
        Some("a risk in the comparison group is given, but it cannot be applied to this kind of result, so there are no numbers per 100 people")
    );
}

/// Death is serious: any real change matters, so no default makes a point estimate unimportant.
/// A ratio of 1.5 whose interval crosses no effect is an increase told with less certainty, not
/// "little or no difference"; an interval that reaches an appreciable benefit and an appreciable
/// harm is two levels of imprecision; a ratio near 1 with a narrow interval is little or none.
#[test]
fn an_imprecise_but_appreciable_effect_on_death_is_not_called_no_difference() {
    let death = |ai, n1, ci, n2| {
        outcome(
            "death",
            "Deaths",
            OutcomeKind::Harm,
            Better::Lower,
            counts(ai, n1, ci, n2),
        )
    };
    // RR 1.5 (0.88 to 2.55), 400 people, 50 deaths: one level for the interval.
    let a = rate(&rct("a", death(30, 200, 20, 200)));
    let e = a.effect.unwrap();
    assert!(
        (e.ci_lb - 0.88).abs() < 0.01 && (e.ci_ub - 2.55).abs() < 0.01,
        "{e:?}"
    );
    assert_eq!(a.certainty, Some(Certainty::Moderate), "{:#?}", a.reasons);
    assert_eq!(a.statement, "Drug X probably increases deaths.");
    // RR 1.5 (0.46 to 4.9), 80 people: the interval spans both ways, and few people took part.
    let a = rate(&rct("a", death(6, 40, 4, 40)));
    assert_eq!(a.certainty, Some(Certainty::Low), "{:#?}", a.reasons);
    assert_eq!(a.statement, "Drug X may increase deaths.");
    let both_ways = a.reasons.iter().any(|r| {
        r.domain == Domain::Imprecision
            && r.change == -2
            && r.text
                .contains("includes no effect, and both an important benefit and an important harm")
    });
    assert!(both_ways, "{:#?}", a.reasons);
    // RR 1.04 (0.90 to 1.19) in 4,000 people: little or no difference.
    let a = rate(&rct("a", death(260, 2000, 250, 2000)));
    assert_eq!(
        a.statement,
        "Drug X probably results in little or no difference in deaths."
    );
}

/// An interval that excludes no difference says so in people too: an end of 0.5 fewer in 1,000
/// is not "about the same".
#[test]
fn an_interval_end_under_one_in_1000_is_not_about_the_same() {
    // RR 0.90 (0.81 to 0.995), 10% without the treatment.
    let a = rate(&rct("a", progression(counts(643, 7150, 715, 7150))));
    let e = a.effect.unwrap();
    assert!(e.ci_ub < 1.0 && e.ci_ub > 0.995, "{e:?}");
    let abs = a.absolute.unwrap();
    assert!(
        abs.text
            .contains("(10 fewer; 95% CI 19 fewer to 0.5 fewer)"),
        "{}",
        abs.text
    );
}

/// Trials of different treatments are not pooled (their pooled number would describe neither),
/// nor are two reviews, which may count the same trials twice.
#[test]
fn different_treatments_and_two_reviews_are_not_pooled() {
    let mut other = rct("b", progression(counts(140, 1000, 240, 1000)));
    other.intervention.therapy = "Drug Y".into();
    // The appraisal pools each treatment's studies on its own; a group given by hand is refused.
    let studies = vec![rct("a", clean()), other];
    let ds = dataset(studies.clone(), vec![]);
    assert!(appraise(&ds, &AppraiseOptions::default()).pooled.is_empty());
    let members: Vec<_> = studies.iter().map(|s| (s, &s.outcomes[0])).collect();
    let p = evidence_lens::appraise::pool::pool(&members, &AppraiseOptions::default(), "");
    assert!(p.fit.is_none());
    assert_eq!(
        p.refused.as_deref(),
        Some("the studies are of different treatments (Drug X and Drug Y): a pooled number would describe none of them")
    );
    // Treatments as the appraisal's groups tell them: a combination is not one of its drugs,
    // and names without words ("" and "—") are one unnamed treatment.
    let pooled = |therapies: [&str; 2]| {
        let mut studies = studies.clone();
        for (s, t) in studies.iter_mut().zip(therapies) {
            s.intervention.therapy = t.into();
        }
        let members: Vec<_> = studies.iter().map(|s| (s, &s.outcomes[0])).collect();
        evidence_lens::appraise::pool::pool(&members, &AppraiseOptions::default(), "").refused
    };
    assert!(pooled(["Drug X plus Drug Y", "Drug Y"])
        .is_some_and(|r| r.contains("different treatments")));
    assert_eq!(pooled(["", "—"]), None);
    let review = |id: &str| {
        study(
            id,
            Design::SystematicReview,
            None,
            "Drug X",
            vec![progression(est(Measure::Rr, 0.6, 0.5, 0.72))],
        )
    };
    let p = pooled_of(vec![review("r1"), review("r2")]);
    assert!(p.fit.is_none(), "{:?}", p.refused);
    assert!(p
        .refused
        .as_deref()
        .is_some_and(|r| r.contains("is a review that may already include")));
}

/// A proportion of 0 with a 90% interval and no number of people has no 95% interval to show,
/// and says so, rather than that none was given.
#[test]
fn a_zero_proportion_at_90_without_people_says_why_it_has_no_interval() {
    let mut o = outcome(
        "rash",
        "Rash",
        OutcomeKind::Harm,
        Better::Lower,
        prop(0, 10),
    );
    o.data = Some(EffectData::Proportion(Proportion {
        measure: Measure::Pr,
        xi: None,
        ni: None,
        estimate: Some(0.0),
        ci_lb: Some(0.0),
        ci_ub: Some(0.05),
        level: Some(90.0),
    }));
    let s = study("s", Design::SingleArm, None, "Drug X", vec![o]);
    let a = rate(&s);
    assert_eq!(
        a.note.as_deref(),
        Some("the interval was given at another level than 95%, and for a proportion of 0 or 1 it cannot be taken to 95% without the number of people, so none is shown")
    );
}

/// A review whose authors suspect small-study effects is rated down one level for publication
/// bias, with their words; a review of small uncontrolled series with the same suspicion is
/// rated down once, not twice (one concern); "low" or "unclear" changes nothing.
#[test]
fn a_source_that_suspects_publication_bias_is_rated_down_once() {
    let said = |judgement: Judgement| PublicationBias {
        judgement,
        support: Some("“potential small-study effects”".into()),
    };
    let bias = |a: &OutcomeAppraisal| -> Vec<(i32, String)> {
        a.reasons
            .iter()
            .filter(|r| r.domain == Domain::PublicationBias)
            .map(|r| (r.change as i32, r.text.clone()))
            .collect()
    };
    let mut review = study("r", Design::SystematicReview, None, "MSC", vec![clean()]);
    review.population = Some("18 RCTs".into());
    assert_eq!(rate(&review).certainty, Some(Certainty::High));
    review.publication_bias = Some(said(Judgement::High));
    let a = rate(&review);
    assert_eq!(a.certainty, Some(Certainty::Moderate));
    assert_eq!(
        bias(&a),
        [(
            -1,
            "The source's authors suspect small-study effects: “potential small-study effects”"
                .to_string()
        )]
    );
    for judgement in [Judgement::Low, Judgement::Unclear] {
        review.publication_bias = Some(said(judgement));
        assert!(bias(&rate(&review)).is_empty());
    }

    let mut review = series_review();
    review.publication_bias = Some(said(Judgement::High));
    let reasons = bias(&rate(&review));
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert!(reasons[0].1.contains("small-study effects"), "{reasons:?}");
}

/// **Optimal information size** (GRADE guidelines 6; GRADE guidance 34): an interval clear of no
/// effect still rests on too little information when fewer people took part than one trial would
/// need to detect a 25% reduction from the comparison group's risk (α 0.05, power 80%): one step,
/// in words. An interval already rated down is not rated down again for it (one flaw, counted
/// once), and a mean difference is held to GRADE's rule of thumb of 400 people.
#[test]
fn fewer_people_than_the_optimal_information_size_rate_down_once() {
    // 30/200 vs 60/200: RR 0.5 (0.34 to 0.74); 400 people, fewer than the 1,074 that detecting a
    // 25% reduction from a risk of 30% needs (2 × 537).
    let a = rate(&rct("a", progression(counts(30, 200, 60, 200))));
    let step = only_step(&a, Domain::Imprecision, -1);
    assert_eq!(step.text, "Only 400 people took part, fewer than the 1,074 that one trial would need to detect a 25% relative reduction (GRADE's optimal information size)");
    assert_eq!(a.certainty, Some(Certainty::Moderate));
    // With the people it needs, no step.
    let a = rate(&rct("a", progression(counts(81, 540, 162, 540))));
    assert!(moved(&a).is_empty(), "{:#?}", a.reasons);
    // The comparison group's risk sets it: from a risk of 5%, 400 people are far too few, and
    // a reported ratio takes the data's baseline risk.
    let mut o = progression(est(Measure::Rr, 0.5, 0.3, 0.8));
    o.baseline = Some(Box::new(Baseline {
        risk: 0.05,
        timepoint: None,
        basis: "a registry".into(),
    }));
    let mut s = rct("a", o);
    s.n = Some(400);
    let a = rate(&s);
    let step = only_step(&a, Domain::Imprecision, -1);
    assert!(
        step.text.contains("fewer than the 8,400 that"),
        "{}",
        step.text
    );
    // Without a risk to work from, a reported ratio has no optimal information size.
    s.outcomes[0].baseline = None;
    assert!(moved(&rate(&s)).is_empty(), "{:#?}", rate(&s).reasons);
    // An interval that includes no effect is rated down for that, once.
    let a = rate(&rct("a", progression(counts(50, 200, 60, 200))));
    let step = only_step(&a, Domain::Imprecision, -1);
    assert!(
        step.text.starts_with("The result is uncertain"),
        "{}",
        step.text
    );
    // A mean difference: 400 people or more.
    let mut s = rct("a", progression(est(Measure::Md, -0.5, -0.9, -0.1)));
    s.n = Some(300);
    let a = rate(&s);
    let step = only_step(&a, Domain::Imprecision, -1);
    assert_eq!(step.text, "Only 300 people took part, fewer than the 400 that GRADE's rule of thumb asks of a result measured on a scale (its optimal information size)");
    s.n = Some(400);
    assert!(moved(&rate(&s)).is_empty(), "{:#?}", rate(&s).reasons);
    // A risk difference with a minimal important difference (5 points) still has the OIS of a
    // 25% reduction (the difference is not a relative change): 30/200 vs 60/200 is 400 people.
    let s = rct(
        "a",
        progression(EffectData::Counts(Counts::totals(
            Measure::Rd,
            30,
            200,
            60,
            200,
        ))),
    );
    let options = AppraiseOptions {
        mids: [("progression".to_string(), 0.05)].into_iter().collect(),
        ..AppraiseOptions::default()
    };
    let a = appraise_outcome(&s, &s.outcomes[0], &options, "Condition A");
    let step = only_step(&a, Domain::Imprecision, -1);
    assert!(
        step.text.contains("fewer than the 1,074 that"),
        "{}",
        step.text
    );
}
