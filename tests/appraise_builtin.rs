//! The built-in MS dataset, appraised: the ratings and verdicts the README documents
//! (the "Certainty of the built-in evidence" section of README.md). Studies and claims are looked
//! up by id; one missing from the dataset fails the test.

use evidence_lens::appraise::{
    appraise, Appraisal, AppraiseOptions, Certainty, ClaimCheck, Domain, OutcomeAppraisal, Verdict,
};
use evidence_lens::model::builtin;

fn ap() -> Appraisal {
    appraise(&builtin(), &AppraiseOptions::default())
}

fn outcome<'a>(a: &'a Appraisal, study: &str, id: &str) -> Option<&'a OutcomeAppraisal> {
    let o = a
        .outcomes
        .iter()
        .find(|o| o.study == study && o.outcome == id);
    assert!(o.is_some(), "{study}/{id} is not in the built-in dataset");
    o
}

fn claim<'a>(a: &'a Appraisal, id: &str) -> Option<&'a ClaimCheck> {
    let c = a.claims.iter().find(|c| c.id == id);
    assert!(c.is_some(), "claim {id} is not in the built-in dataset");
    c
}

fn has(o: &OutcomeAppraisal, domain: Domain, change: i8) -> bool {
    o.reasons
        .iter()
        .any(|r| r.domain == domain && r.change == change)
}

#[test]
fn builtin_appraises_without_nan() {
    let a = ap();
    assert!(!a.outcomes.is_empty());
    assert_eq!(a.condition.as_deref(), Some("multiple sclerosis"));
    let json = serde_json::to_string(&a).unwrap();
    assert!(!json.contains("NaN") && !json.contains("Infinity"));
}

#[test]
fn mist_hazard_ratio() {
    let a = ap();
    let Some(o) = outcome(&a, "mist_2019", "progression") else {
        return;
    };
    assert_eq!(o.certainty, Some(Certainty::Moderate), "{:#?}", o.reasons);
    let rob = o
        .reasons
        .iter()
        .find(|r| r.domain == Domain::RiskOfBias)
        .expect("risk of bias");
    assert_eq!(rob.change, -1);
    assert!(
        rob.text
            .starts_with("Open-label: the people assessing disability progression"),
        "{}",
        rob.text
    );
    let le = o
        .reasons
        .iter()
        .find(|r| r.domain == Domain::LargeEffect)
        .expect("large effect");
    assert_eq!(le.change, 0);
    assert!(le.text.contains("Very large effect (hazard ratio 0.07)"));
    assert!(
        o.statement
            .starts_with("AHSCT probably reduces disability progression"),
        "{}",
        o.statement
    );
    // No baseline in the data (the crude 34/55 ignores censoring), so no absolute numbers unless
    // the caller gives one.
    assert!(o.absolute.is_none());
    let mut opts = AppraiseOptions::default();
    opts.baselines.insert("progression".into(), 0.5);
    let a = appraise(&builtin(), &opts);
    let o = a
        .outcomes
        .iter()
        .find(|o| o.study == "mist_2019" && o.outcome == "progression")
        .unwrap();
    let abs = o.absolute.as_ref().unwrap();
    // 1 - 0.5^0.07 = 0.0474
    assert!((abs.risk - (1.0 - 0.5f64.powf(0.07))).abs() < 1e-12);
    assert_eq!(abs.nnt.as_ref().unwrap().value, Some(3));
}

#[test]
fn mesems_lesions_surrogate_and_imprecise() {
    let a = ap();
    let Some(o) = outcome(&a, "mesems_2021", "gel") else {
        return;
    };
    let imp: i32 = o
        .reasons
        .iter()
        .filter(|r| r.domain == Domain::Imprecision)
        .map(|r| r.change as i32)
        .sum();
    assert_eq!(imp, -2, "{:#?}", o.reasons);
    assert!(has(o, Domain::Indirectness, -1));
    assert!(o
        .reasons
        .iter()
        .any(|r| r.domain == Domain::Indirectness && r.text.contains("surrogate")));
    // Comparisons are between the randomised groups before the switch: no crossover penalty.
    assert!(!has(o, Domain::RiskOfBias, -1), "{:#?}", o.reasons);
    assert_eq!(o.certainty, Some(Certainty::VeryLow));
    assert!(o.statement.starts_with(
        "The evidence is very uncertain about the effect of MSC on gadolinium-enhancing lesions"
    ));
}

#[test]
fn single_arm_studies_are_very_low() {
    let a = ap();
    for (s, o) in [
        ("harris_2020", "edss_sustained_improvement"),
        ("muraro_2017", "pfs_5y"),
        ("muraro_2017", "deaths_100d"),
        ("connick_2012", "rash"),
        ("zhou_2019", "progression_6m_pooled"),
        ("jcm_2023", "improved_pooled"),
        ("burt_2021", "trm"),
    ] {
        let Some(x) = outcome(&a, s, o) else { continue };
        assert_eq!(x.certainty, Some(Certainty::VeryLow), "{s}/{o}");
        assert!(
            x.statement.contains("no comparison group"),
            "{s}/{o}: {}",
            x.statement
        );
        assert!(has(x, Domain::Design, -3), "{s}/{o}");
    }
}

#[test]
fn petrou_pooled_cycles_and_crossover() {
    let a = ap();
    let Some(o) = outcome(&a, "petrou_2020", "failure_a_it") else {
        return;
    };
    assert_eq!(o.certainty, Some(Certainty::VeryLow));
    assert!(o
        .reasons
        .iter()
        .any(|r| r.text.contains("not independent people")));
    assert!(o
        .reasons
        .iter()
        .any(|r| r.text.starts_with("Crossover design: each person")));
}

#[test]
fn harris_2024_rct_shows_little_or_no_difference() {
    let a = ap();
    let Some(o) = outcome(&a, "harris_2024", "edss_plus_improvement") else {
        return;
    };
    assert_eq!(o.certainty, Some(Certainty::Low));
    assert_eq!(
        o.statement,
        "MSC-NP may result in little or no difference in EDSS-Plus improvement (primary endpoint)."
    );
    let abs = o.absolute.as_ref().unwrap();
    assert!((abs.baseline.unwrap() - 10.0 / 27.0).abs() < 1e-12);
    assert!(!abs.nnt.as_ref().unwrap().meaningful);
}

#[test]
fn ongoing_and_word_only_results_have_no_level() {
    let a = ap();
    if let Some(o) = outcome(&a, "star_ms", "neda_24m") {
        assert_eq!(o.certainty, None);
        assert!(o.statement.contains("not available yet"));
    }
    if let Some(o) = outcome(&a, "llufriu_2014", "gel") {
        assert_eq!(o.certainty, None);
        assert!(o.statement.starts_with("Reported without numbers"));
    }
}

#[test]
fn clinic_claims_come_out_as_the_trials_say() {
    let a = ap();
    let clinic: Vec<&ClaimCheck> = a
        .claims
        .iter()
        .filter(|c| c.id.starts_with("clinic_"))
        .collect();
    for c in &clinic {
        assert_ne!(
            c.verdict,
            Verdict::Supported,
            "{} should not be supported: {}",
            c.id,
            c.summary
        );
    }
    if let Some(c) = claim(&a, "clinic_msc_np_benefit") {
        assert_eq!(c.verdict, Verdict::NotSupported);
        assert!(c
            .evidence
            .iter()
            .any(|e| e.studies == ["harris_2024"]
                && e.sentence.starts_with("Found no clear benefit")));
    }
    if let Some(c) = claim(&a, "clinic_msc_np_long_term_safety") {
        assert_eq!(c.verdict, Verdict::NotSupported);
        assert!(c.summary.contains("sparse"));
    }
    if let Some(c) = claim(&a, "clinic_intrathecal_msc_safe") {
        assert_eq!(c.verdict, Verdict::NotSupported);
        assert!(c.evidence.iter().any(|e| e.studies == ["mesems_2021"]));
    }
    if let Some(c) = claim(&a, "clinic_autoimmune_safe_effective") {
        assert_eq!(c.verdict, Verdict::NotSupported);
        // MESEMS, the double-blind RCT, found no effect on lesions.
        let m = c
            .evidence
            .iter()
            .find(|e| e.studies == ["mesems_2021"] && e.outcome == "gel")
            .expect("MESEMS lesions");
        assert!(
            m.sentence.starts_with(
                "Found no clear benefit: MESEMS 2021 (double-blind randomised crossover trial)"
            ),
            "{}",
            m.sentence
        );
        assert!(m.sentence.contains("rate ratio 0.94 (95% CI 0.58 to 1.5)"));
    }
}

#[test]
fn news_and_researcher_claims() {
    let a = ap();
    if let Some(c) = claim(&a, "news_msc_delays_progression") {
        assert_eq!(c.verdict, Verdict::NoControlledEvidence);
    }
    if let Some(c) = claim(&a, "researchers_msc_delay_progressive") {
        // Petrou's benefits are of very low certainty (pooled cycles, crossover, small).
        assert_eq!(c.verdict, Verdict::NotSupported);
        assert!(c.evidence.iter().any(|e| e.studies == ["petrou_2020"]));
    }
    if let Some(c) = claim(&a, "news_ahsct_46_percent") {
        assert_eq!(c.verdict, Verdict::NoControlledEvidence);
        assert_eq!(c.evidence[0].outcome, "pfs_5y");
    }
    if let Some(c) = claim(&a, "news_ahsct_halts_ms") {
        // Supported by MIST (moderate), not by the cohort the news item cites.
        assert_eq!(c.verdict, Verdict::Supported);
        assert_eq!(c.certainty, Some(Certainty::Moderate));
        assert!(c.summary.contains("had no comparison group"));
    }
    if let Some(c) = claim(&a, "news_mesems_ae_53") {
        assert_eq!(c.verdict, Verdict::Supported);
    }
}
