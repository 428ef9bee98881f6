//! The built-in MS dataset, appraised: the ratings and verdicts the README documents
//! (the "Certainty of the built-in evidence" section of README.md). Studies and claims are looked
//! up by id; one missing from the dataset fails the test.
// Uses the built-in dataset, which the browser build (wasm tests) does not compile in.
#![cfg(feature = "builtin-data")]

use evidence_lens::appraise::{
    appraise, Appraisal, AppraiseOptions, BaselineSource, Certainty, ClaimCheck, Domain,
    OutcomeAppraisal, Verdict,
};
use evidence_lens::model::builtin;

fn ap() -> Appraisal {
    appraise(&builtin(), &AppraiseOptions::default())
}

/// The built-in dataset appraised in `lang`.
fn ap_in(lang: evidence_lens::i18n::Lang) -> Appraisal {
    appraise(
        &builtin(),
        &AppraiseOptions {
            lang,
            ..AppraiseOptions::default()
        },
    )
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
    assert_eq!(o.certainty, Some(Certainty::Low), "{:#?}", o.reasons);
    // One trial of 110 people: fewer than one trial would need to detect a 25% reduction from
    // the data's baseline risk of 50% (2 × 244), however clear its interval.
    let ois = o
        .reasons
        .iter()
        .find(|r| r.domain == Domain::Imprecision)
        .expect("imprecision");
    assert_eq!((ois.change, ois.text.as_str()), (-1, "Only 110 people took part, fewer than the 488 that one trial would need to detect a 25% relative reduction (GRADE's optimal information size)"));
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
            .starts_with("AHSCT may reduce disability progression"),
        "{}",
        o.statement
    );
    // The data's baseline is the comparison arm's median time to progression (24 months: half had
    // progressed by 2 years), not the crude 34/55, which ignores censoring.
    let abs = o
        .absolute
        .as_ref()
        .expect("numbers per 100 from the data's baseline");
    assert_eq!(abs.baseline_source, Some(BaselineSource::Data));
    // 1 - 0.5^0.07 = 0.0474, and 1 - 0.5^0.02, 1 - 0.5^0.24 for the interval.
    assert!((abs.risk - (1.0 - 0.5f64.powf(0.07))).abs() < 1e-12);
    assert!((abs.risk_lb.unwrap() - (1.0 - 0.5f64.powf(0.02))).abs() < 1e-12);
    assert!((abs.risk_ub.unwrap() - (1.0 - 0.5f64.powf(0.24))).abs() < 1e-12);
    assert_eq!(abs.timepoint.as_deref(), Some("2 years"));
    assert!(
        abs.text.starts_with("Disability progression (EDSS up by 1.0 or more, confirmed 6 months apart) within 2 years: out of 1,000 people, about 500 in the comparison group and about 47 (95% CI 14 to 153) with AHSCT (453 fewer; 95% CI 486 fewer to 347 fewer)."),
        "{}",
        abs.text
    );
    assert!(
        abs.text.ends_with(" Where the comparison group's risk comes from: in the trial's comparison group (other disease-modifying drugs), the median time to progression was 24 months, so an estimated half had progressed by then."),
        "{}",
        abs.text
    );
    // In short, for the summary's card: people out of 100, with the interval with AHSCT.
    assert_eq!(
        abs.short,
        "Disability progression (EDSS up by 1.0 or more, confirmed 6 months apart) within 2 years: \
         out of 100 people, about 50 in the comparison group and about 5 with AHSCT (95% CI 1 to 15)."
    );
    // A caller's baseline comes before the data's.
    let mut opts = AppraiseOptions::default();
    opts.baselines.insert("progression".into(), 0.2);
    let a = appraise(&builtin(), &opts);
    let o = a
        .outcomes
        .iter()
        .find(|o| o.study == "mist_2019" && o.outcome == "progression")
        .unwrap();
    let abs = o.absolute.as_ref().unwrap();
    assert_eq!(abs.baseline_source, Some(BaselineSource::Caller));
    assert!((abs.risk - (1.0 - 0.8f64.powf(0.07))).abs() < 1e-12);
    assert_eq!(abs.timepoint, None);
    assert_eq!(abs.nnt.as_ref().unwrap().value, Some(6));
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
    // The vocabulary says what the lesions stand in for, and the reason names it.
    assert!(o.reasons.iter().any(|r| r.domain == Domain::Indirectness
        && r.change == -1
        && r.text.contains("stands in for disease activity")));
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
    assert_eq!(o.certainty, Some(Certainty::VeryLow), "{:#?}", o.reasons);
    // Carry-over is the crossover's risk of bias; counting treatment periods as people is a
    // unit-of-analysis error that narrows the interval: an imprecision concern. Each is counted,
    // and said, once.
    let rob: Vec<_> = o
        .reasons
        .iter()
        .filter(|r| r.domain == Domain::RiskOfBias)
        .collect();
    assert_eq!(rob.len(), 1, "{rob:#?}");
    assert_eq!(rob[0].change, -1);
    assert!(rob[0]
        .text
        .starts_with("Crossover design: people had MSC and the comparison in turn"));
    let periods: Vec<_> = o
        .reasons
        .iter()
        .filter(|r| r.text.contains("treatment periods"))
        .collect();
    assert_eq!(periods.len(), 1, "{:#?}", o.reasons);
    assert_eq!(periods[0].domain, Domain::Imprecision);
    assert_eq!(periods[0].change, -1);
    assert!(periods[0]
        .text
        .contains("(\"Denominators are treatment periods"));
    // The sample is the 48 people, not the 61 treatment periods the counts add up to.
    assert!(
        o.reasons
            .iter()
            .any(|r| r.text.starts_with("Only 48 people took part")),
        "{:#?}",
        o.reasons
    );
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
fn pending_results_are_not_rated_yet_and_words_are_rated() {
    let a = ap();
    if let Some(o) = outcome(&a, "star_ms", "neda_24m") {
        assert_eq!(o.certainty, None);
        assert!(o.statement.contains("not available yet"));
        assert!(o.note.as_deref().unwrap().starts_with("not rated yet"));
    }
    // "No deaths" in an open-label RCT: death is objective (no blinding concern); without
    // numbers, imprecision is rated down two levels.
    if let Some(o) = outcome(&a, "mist_2019", "deaths") {
        assert_eq!(o.certainty, Some(Certainty::Low), "{:#?}", o.reasons);
        assert!(!has(o, Domain::RiskOfBias, -1), "{:#?}", o.reasons);
        assert!(has(o, Domain::Imprecision, -2));
        assert!(o
            .statement
            .starts_with("Reported in a form we cannot analyse: No deaths"));
    }
    // Spanish and French go on after a colon in lower case, and name a condition not in
    // question in their own words.
    for (lang, start, cirrhosis) in [
        (
            evidence_lens::i18n::Lang::Es,
            "Resultado comunicado en una forma que no podemos analizar: ninguna muerte",
            "cirrosis hepática descompensada por el virus de la hepatitis B",
        ),
        (
            evidence_lens::i18n::Lang::Fr,
            "Résultat rapporté sous une forme que nous ne pouvons pas analyser\u{a0}: aucun décès",
            "cirrhose hépatique décompensée liée au virus de l’hépatite B",
        ),
    ] {
        let a = ap_in(lang);
        let deaths = outcome(&a, "mist_2019", "deaths").unwrap();
        assert!(deaths.statement.starts_with(start), "{}", deaths.statement);
        let shi = outcome(&a, "shi_2021", "overall_survival").unwrap();
        assert!(
            shi.reasons.iter().any(|r| r.text.contains(cirrhosis)),
            "{:#?}",
            shi.reasons
        );
    }
}

#[test]
fn clinic_claims_come_out_as_the_trials_say() {
    let a = ap();
    for c in a.claims.iter().filter(|c| c.id.starts_with("clinic_")) {
        assert_eq!(c.verdict, Verdict::NotSupported, "{}: {}", c.id, c.summary);
    }
    if let Some(c) = claim(&a, "clinic_msc_np_benefit") {
        // One claim, two parts (safety and benefit), each with its verdict.
        assert_eq!(c.parts.len(), 2);
        assert!(c.parts.iter().all(|p| p.verdict == Verdict::NotSupported));
        assert!(c
            .evidence
            .iter()
            .any(|e| e.studies == ["harris_2024"]
                && e.sentence.starts_with("Found no clear benefit")));
        // One controlled study, named as one.
        assert_eq!(
            c.parts[1].summary,
            "Not supported: the controlled study did not show a benefit."
        );
        // The benefit is claimed "for those with less advanced disease": the studies of
        // progressive MS as a whole count only indirectly, so the phase II trial's low
        // certainty is very low for this part, and each piece of evidence says why.
        let trial = (c.parts[1].evidence.iter()).find(|e| e.studies == ["harris_2024"]);
        assert_eq!(trial.and_then(|e| e.certainty), Some(Certainty::VeryLow));
        for e in &c.parts[1].evidence {
            assert!(
                e.indirectness
                    .iter()
                    .any(|i| i.starts_with("not everyone in")
                        && i.ends_with("had less advanced progressive MS")),
                "{:?}",
                e.indirectness
            );
        }
    }
    if let Some(c) = claim(&a, "clinic_msc_np_long_term_safety") {
        assert_eq!(c.parts[0].treated, Some(20));
        assert!(
            c.summary.contains("only about 20 people treated"),
            "{}",
            c.summary
        );
    }
    if let Some(c) = claim(&a, "clinic_intrathecal_msc_safe") {
        // Only people known to have had intrathecal MSC count: not MESEMS (intravenous).
        assert!(!c.evidence.iter().any(|e| e.studies == ["mesems_2021"]));
        assert!(
            c.summary.contains("by the intrathecal route"),
            "{}",
            c.summary
        );
        // Mesa Bedoya's review gives 540 people in randomised trials but not how many were
        // treated: the count is half of them, and a sentence of its own says so.
        assert!(
            c.summary.contains(
                "about 270 people treated with mesenchymal stem cells by the intrathecal route for \
                 neurological disorders, too few to rule out uncommon serious harms. Half of the \
                 people in Mesa Bedoya 2024 (meta-analysis, intrathecal safety) are counted as \
                 treated"
            ),
            "{}",
            c.summary
        );
    }
    if let Some(c) = claim(&a, "clinic_autoimmune_safe_effective") {
        // MESEMS, the double-blind RCT, found no effect on lesions, which stand in for relapses.
        let m = c
            .evidence
            .iter()
            .find(|e| e.studies == ["mesems_2021"] && e.outcome == "gel")
            .expect("MESEMS lesions");
        assert!(
            m.sentence.starts_with(
                "Found no clear benefit: MESEMS 2021 (double-blind randomised crossover trial, multiple sclerosis)"
            ),
            "{}",
            m.sentence
        );
        assert!(m.sentence.contains("rate ratio 0.94 (95% CI 0.58 to 1.5)"));
        // The people counted for "safe" had multiple sclerosis (or a form of it), not the
        // claim's autoimmune diseases in general: the sentence names theirs.
        assert!(
            c.summary.contains(
                "the harms data cover only about 202 people treated with mesenchymal stem cells \
                 for multiple sclerosis, too few to rule out uncommon serious harms. The people of \
                 Connick 2012 are counted once, within Zhou 2019 (meta-analysis, single-arm), which \
                 includes them."
            ),
            "{}",
            c.summary
        );
    }
}

#[test]
fn news_and_researcher_claims() {
    let a = ap();
    if let Some(c) = claim(&a, "news_msc_safe_delays_progression") {
        assert_eq!(c.parts.len(), 2);
        assert_eq!(c.verdict, Verdict::NotSupported, "{}", c.summary);
        // The treated people behind the harms: MESEMS's 69 in the MSC arm and all 133 of Zhou's
        // review, which pooled single-arm studies (none of them had a control); Connick's 10 are
        // among Zhou's.
        assert!(
            c.parts[0].summary.contains("only about 202 people treated"),
            "{}",
            c.parts[0].summary
        );
    }
    if let Some(c) = claim(&a, "researchers_msc_delay_progressive") {
        // Petrou's benefits are of very low certainty (crossover, periods as people, small).
        assert_eq!(c.verdict, Verdict::NotSupported);
        assert!(c.evidence.iter().any(|e| e.studies == ["petrou_2020"]));
    }
    // A benefit of very low certainty, which cannot support a claim, is not tagged "Shows a
    // benefit" before "The evidence is very uncertain".
    let benefits = (a.claims.iter().flat_map(|c| &c.evidence))
        .filter(|e| e.role == evidence_lens::appraise::EvidenceRole::Benefit);
    let (mut uncertain, mut firm) = (0, 0);
    for e in benefits {
        let very_low = e.certainty == Some(Certainty::VeryLow);
        let tag = match very_low {
            true => "Very uncertain evidence of a benefit: ",
            false => "Shows a benefit: ",
        };
        assert!(e.sentence.starts_with(tag), "{}", e.sentence);
        *(if very_low { &mut uncertain } else { &mut firm }) += 1;
    }
    assert!(uncertain > 0 && firm > 0, "{uncertain} {firm}");
    // A study whose label has brackets of its own is described inside them: one pair.
    let sentences: Vec<&str> = (a.claims.iter().flat_map(|c| &c.evidence))
        .map(|e| e.sentence.as_str())
        .collect();
    assert!(sentences.iter().any(|s| s.starts_with(
        "Harris 2020 (phase I; single-arm study, progressive MS), long-term adverse events."
    )));
    assert!(
        !sentences.iter().any(|s| s.contains(") (")),
        "{sentences:?}"
    );
    if let Some(c) = claim(&a, "news_ahsct_46_percent") {
        // Two things asserted: the cohort's 46% for severe MS, and a benefit "particularly for
        // patients who otherwise do not respond to other therapies".
        let (number, promise) = (&c.parts[0], &c.parts[1]);
        assert_eq!(number.verdict, Verdict::NoControlledEvidence);
        assert_eq!(number.evidence[0].outcome, "pfs_5y");
        // Muraro's cohort is of MS in general, not only the claim's severe MS (nor other
        // conditions than MS).
        assert_eq!(
            number.evidence[0].indirectness,
            ["not everyone in Muraro 2017 (AHSCT cohort) had severe MS"]
        );
        // The randomised trial in relapsing-remitting MS that relapsed despite treatment (a form
        // of the MS that does not respond to other treatments, in the vocabulary) supports the
        // second for those people only, with its own certainty.
        assert_eq!(
            promise.verdict,
            Verdict::SupportedInPart,
            "{}",
            promise.summary
        );
        assert_eq!(promise.certainty, Some(Certainty::Low));
        assert!(
            promise
                .summary
                .contains("Only for relapsing-remitting MS with relapses despite treatment."),
            "{}",
            promise.summary
        );
        assert!(promise
            .evidence
            .iter()
            .any(|e| e.studies == ["mist_2019"] && e.indirectness.is_empty()));
        assert_eq!(c.verdict, Verdict::SupportedInPart);
        // The overall summary says each part's verdict after its words.
        assert!(c.summary.starts_with(
            "“prevented worsening of symptoms of severe MS for 5 years in 46% of patients tested” — No controlled evidence"
        ), "{}", c.summary);
    }
    if let Some(c) = claim(&a, "news_ahsct_halts_ms") {
        // "Stem cell therapy halts MS": the family's only convincing evidence is one trial of
        // one member (AHSCT) in one population (relapsing-remitting MS), showing a reduction.
        assert_eq!(c.verdict, Verdict::SupportedInPart, "{}", c.summary);
        assert_eq!(c.certainty, Some(Certainty::Low));
        assert!(
            c.summary.contains("Only for relapsing-remitting MS"),
            "{}",
            c.summary
        );
        assert!(c
            .summary
            .contains("Only with autologous haematopoietic stem cell transplantation."));
        // How far from halting it, in people: MIST's numbers per 100 for its data's baseline.
        assert!(
            c.summary.contains("not the complete effect the claim's words promise: disability progression (EDSS up by 1.0 or more, confirmed 6 months apart) within 2 years still affected about 5 in 100 people who had AHSCT (95% CI 1 to 15)."),
            "{}",
            c.summary
        );
        // And in the cohort the claim cites, which had no comparison group, about half of the
        // people had not stayed free of progression at 5 years. The support is only for
        // relapsing-remitting MS, and most of the cohort had progressive MS: the figure for
        // relapsing MS is said beside it, so that neither stands for the other.
        assert!(
            c.summary.contains(". In Muraro 2017 (AHSCT cohort), which had no comparison group, only about 46 in 100 people who had AHSCT had progression-free survival at 5 years; among those with relapsing MS, about 73 in 100."),
            "{}",
            c.summary
        );
        // The study it cites is named once, in a sentence that reads without nested brackets.
        assert!(
            c.summary.ends_with(
                "The study the claim cites, Muraro 2017 (AHSCT cohort), had no comparison group; \
                 the support comes from other, controlled evidence."
            ),
            "{}",
            c.summary
        );
        // Its support is as direct as the card's answer: nothing lowers it, and nothing is said.
        assert!(!c.summary.contains("indirectly"), "{}", c.summary);
    }
    if let Some(c) = claim(&a, "researcher_ahsct_freeze") {
        // "for up to 5 years": MIST's median follow-up was 2 years, so it is rated down, from
        // low to very low: not support.
        assert_eq!(c.verdict, Verdict::NotSupported, "{}", c.summary);
        assert_eq!(c.certainty, Some(Certainty::VeryLow));
        let mist = c
            .evidence
            .iter()
            .find(|e| e.studies == ["mist_2019"])
            .unwrap();
        assert!(mist.indirectness.iter().any(|w| w.contains("5 years")));
        // Its own statement speaks at low ("may reduce"); the very low is the claim's, and the
        // evidence says why.
        assert!(
            mist.sentence.contains(
                "AHSCT may reduce disability progression (EDSS up by 1.0 or more, \
                 confirmed 6 months apart). Certainty for this claim: very low. Only indirectly \
                 about the claim: MIST 2019 covers about 2 years, the claim speaks of 5 years."
            ),
            "{}",
            mist.sentence
        );
        assert_eq!(
            c.summary,
            "Not supported: the only controlled evidence of a benefit is of very low certainty."
        );
    }
    if let Some(c) = claim(&a, "news_mesems_ae_53") {
        // 53% is both arms together over weeks 0-24 ((35 + 42) / 144); the safety part is sparse.
        let number = &c.parts[1];
        assert_eq!(number.verdict, Verdict::Supported, "{}", number.summary);
        // The claimed number in the unit of the evidence's interval: a share, as a percentage.
        assert!(
            number.summary.starts_with("Supported: 53% lies within")
                && number
                    .summary
                    .ends_with("(45.3% to 61.4%, a 95% interval worked out here from the counts)."),
            "{}",
            number.summary
        );
        assert_eq!(c.parts[0].verdict, Verdict::NotSupported);
        assert_eq!(c.verdict, Verdict::SupportedInPart);
    }
}

#[test]
fn french_claim_evidence_puts_no_break_spaces_before_colons_and_semicolons() {
    let options = AppraiseOptions {
        lang: evidence_lens::i18n::Lang::Fr,
        ..AppraiseOptions::default()
    };
    let appraisal = serde_json::to_value(appraise(&builtin(), &options)).unwrap();
    let mut sentences = Vec::new();
    collect_sentences(&appraisal, &mut sentences);
    assert!(sentences.len() > 5, "{sentences:?}");
    for s in &sentences {
        for (i, _) in s.match_indices(": ") {
            assert!(s[..i].ends_with('\u{a0}'), "{s}");
        }
        for (i, _) in s.match_indices(';') {
            assert!(s[..i].ends_with('\u{202f}'), "{s}");
        }
    }
}

#[test]
fn claim_checks_name_routes_durations_and_people_in_the_readers_language() {
    use evidence_lens::i18n::Lang;
    // The claims give "intrathecal" and "5 years" in English; a Spanish or French check says them
    // in its own words (the route from the vocabulary, the duration as a number of years).
    // The people a safety claim is about stand next to "people", with what each language needs
    // ("personnes atteintes de", not "traitées par … pour SEP progressive").
    for (lang, route, duration, who) in [
        (
            Lang::Es,
            "por vía intratecal",
            "la afirmación habla de 5 años",
            "unas 20 personas con EM progresiva tratadas con",
        ),
        (
            Lang::Fr,
            "par voie intrathécale",
            "l’affirmation parle de 5 ans",
            "environ 20 personnes atteintes de SEP progressive traitées par",
        ),
    ] {
        let a = ap_in(lang);
        let summaries: Vec<&str> = a.claims.iter().map(|c| c.summary.as_str()).collect();
        let said = |needle: &str| {
            a.claims.iter().any(|c| {
                c.summary.contains(needle)
                    || c.evidence
                        .iter()
                        .any(|e| e.indirectness.iter().any(|w| w.contains(needle)))
            })
        };
        assert!(said(route), "{lang:?}: {summaries:#?}");
        assert!(said(who), "{lang:?}: {summaries:#?}");
        assert!(said(duration), "{lang:?}: {summaries:#?}");
        assert!(!said("intrathecal ") && !said("5 years"), "{lang:?}");
    }
}

/// Every `sentence` of claim evidence in the appraisal's JSON.
fn collect_sentences(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    // Words of the engine's: not the data's own (names, quotes, notes).
                    (
                        "sentence" | "summary" | "statement" | "text" | "short" | "headline"
                        | "frequencies" | "in_short",
                        serde_json::Value::String(s),
                    ) => out.push(s.clone()),
                    _ => collect_sentences(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_sentences(v, out)),
        _ => {}
    }
}

/// The baseline's time and source are said in the reader's language, as GRADE's tables give the
/// risk with the comparator.
#[test]
fn mist_numbers_per_100_say_their_time_and_source_in_the_readers_language() {
    for (lang, start, end, short) in [
        (
            evidence_lens::i18n::Lang::Es,
            "Progresión de la discapacidad (aumento de la EDSS de 1,0 o más, confirmado con 6 meses de diferencia) a 2 años: de cada 1000 personas, unas 500 en el grupo de comparación y unas 47",
            " De dónde procede el riesgo del grupo de comparación: en el grupo de comparación del ensayo (otros fármacos modificadores de la enfermedad), la mediana del tiempo hasta la progresión fue de 24 meses, así que se estima que la mitad había progresado para entonces.",
            "a 2 años: de cada 100 personas, alrededor de 50 en el grupo de comparación y alrededor de 5 entre las tratadas con AHSCT (IC del 95\u{a0}%: 1 a 15).",
        ),
        (
            evidence_lens::i18n::Lang::Fr,
            "Progression du handicap (hausse de l’EDSS de 1,0 ou plus, confirmée à 6 mois d’intervalle) à 2 ans\u{a0}: sur 1000 personnes, environ 500 dans le groupe de comparaison et environ 47",
            " D’où vient le risque du groupe de comparaison\u{a0}: dans le groupe de comparaison de l’essai (autres traitements de fond), le délai médian avant progression était de 24 mois, si bien qu’on estime que la moitié avait progressé à ce moment-là.",
            "à 2 ans\u{a0}: sur 100 personnes, environ 50 dans le groupe de comparaison et environ 5 chez les personnes traitées par AHSCT (IC à 95\u{202f}%\u{a0}: 1 à 15).",
        ),
    ] {
        let a = ap_in(lang);
        let abs = outcome(&a, "mist_2019", "progression")
            .and_then(|o| o.absolute.as_ref())
            .expect("numbers per 100");
        let text = &abs.text;
        assert!(text.starts_with(start), "{text}");
        assert!(text.ends_with(end), "{text}");
        assert!(abs.short.ends_with(short), "{}", abs.short);
    }
}

/// Views other than the summary appraise without its answers, and get the same ratings, pooled
/// bodies and claim checks.
#[test]
fn answers_are_left_out_only_when_not_asked_for() {
    let with = appraise(&builtin(), &AppraiseOptions::default());
    let without = appraise(
        &builtin(),
        &AppraiseOptions {
            answers: false,
            ..AppraiseOptions::default()
        },
    );
    assert_eq!(with.answers.len(), 3);
    assert!(without.answers.is_empty());
    // As JSON, where a NaN (a proportion's unknown variance) equals itself.
    fn json<T: serde::Serialize>(x: &T) -> String {
        serde_json::to_string(x).unwrap()
    }
    assert_eq!(json(&with.outcomes), json(&without.outcomes));
    assert_eq!(json(&with.pooled), json(&without.pooled));
    assert_eq!(json(&with.claims), json(&without.claims));
}

/// Without words (`explain: false`, as the widget's views appraise) every result is the same
/// (level, steps, statement, effect, numbers per 100, note) and so is every claim and answer;
/// only the reasons' texts are left out. In every language, on the built-in data (claims,
/// answers) and the aspirin and BCG data (pooled bodies, whose members' reasons feed theirs).
#[test]
fn appraising_without_words_changes_nothing_but_the_reasons_texts() {
    use evidence_lens::i18n::Lang;
    use evidence_lens::model::{parse_csv_with, parse_json, CsvOptions, Measure};
    let aspirin = parse_json(include_bytes!("data/aspirin-mi.json"))
        .dataset
        .unwrap();
    let bcg = parse_csv_with(
        include_bytes!("data/bcg.csv"),
        &CsvOptions {
            default_measure: Some(Measure::Rr),
        },
    )
    .dataset
    .unwrap();
    // The reasons' texts, counted and then blanked.
    let unwritten = |reasons: &mut Vec<evidence_lens::appraise::Reason>| {
        let written = reasons.iter().filter(|r| !r.text.is_empty()).count();
        reasons.iter_mut().for_each(|r| r.text.clear());
        written
    };
    let (mut written, mut pooled, mut answers) = (0, 0, 0);
    for dataset in [builtin(), aspirin, bcg] {
        for lang in [Lang::En, Lang::Es, Lang::Fr] {
            let options = AppraiseOptions {
                lang,
                ..AppraiseOptions::default()
            };
            let mut with = appraise(&dataset, &options);
            let mut without = appraise(
                &dataset,
                &AppraiseOptions {
                    explain: false,
                    ..options
                },
            );
            for o in &mut without.outcomes {
                assert_eq!(unwritten(&mut o.reasons), 0, "{}/{}", o.study, o.outcome);
            }
            for p in &mut without.pooled {
                assert_eq!(unwritten(&mut p.reasons), 0, "{}", p.outcome);
            }
            for o in &mut with.outcomes {
                written += unwritten(&mut o.reasons);
            }
            for p in &mut with.pooled {
                written += unwritten(&mut p.reasons);
            }
            // As JSON: an interval-only proportion's variance is NaN, which is never equal to
            // itself.
            let json = |a: &Appraisal| serde_json::to_string(a).unwrap();
            assert_eq!(json(&with), json(&without), "{lang:?}");
            pooled += with.pooled.len();
            answers += with.answers.len();
        }
    }
    assert!(
        written > 100 && pooled > 0 && answers > 0,
        "{written} reasons, {pooled} pooled, {answers} answers"
    );
}

#[test]
fn a_claims_evidence_says_when_its_numbers_were_worked_out_from_the_published_ones() {
    let (data, a) = (builtin(), ap());
    let said = "Its numbers were worked out from the published ones.";
    let mut derived = 0;
    for e in a.claims.iter().flat_map(|c| &c.evidence) {
        let [study] = &e.studies[..] else { continue };
        let Some(o) = (data.study(study).into_iter())
            .flat_map(|s| &s.outcomes)
            .find(|o| o.id == e.outcome && o.data.is_some())
        else {
            continue;
        };
        let is_derived = o.status == evidence_lens::model::FactStatus::Derived;
        derived += usize::from(is_derived);
        assert_eq!(e.sentence.contains(said), is_derived, "{}", e.sentence);
    }
    // Harris 2024's counts, rounded from its published 33% and 37%, among them.
    assert!(derived > 0);
}
