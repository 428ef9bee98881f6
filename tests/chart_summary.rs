//! The summary view: the answer first, for each therapy in the question's condition.
#![cfg(not(target_arch = "wasm32"))]

#[path = "appraise_helpers.rs"]
mod helpers;

use evidence_lens::appraise::{appraise, AppraiseOptions, Certainty};
use evidence_lens::chart::summary::{symbols, Kind};
use evidence_lens::chart::{render_svg, Scene, Theme, ThemeName, View, ViewOptions};
use evidence_lens::i18n::Lang;
use evidence_lens::model::{builtin, parse_json};

fn svg_texts(view: &ViewOptions, data: &evidence_lens::model::Dataset, width: u32) -> Vec<String> {
    let scene = Scene::build(data, view);
    let theme = Theme::new(ThemeName::Light, 1.0);
    let svg = render_svg(&scene, width, None, &theme).expect("renders");
    // Text nodes of the SVG, unescaped enough for the words tested here.
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
        .filter_map(|t| {
            t.split_once("</text>")
                .map(|(s, _)| s.replace("&amp;", "&"))
        })
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect()
}

fn summary(lang: Lang) -> ViewOptions {
    ViewOptions {
        view: View::Summary,
        lang,
        ..ViewOptions::default()
    }
}

/// The built-in summary's drawn words at 1,600 px, where sentences wrap least.
fn drawn(lang: Lang) -> String {
    // As a reader sees the text, not as SVG escapes it.
    svg_texts(&summary(lang), &builtin(), 1600)
        .join(" ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The built-in summary says `words` in `lang`.
#[track_caller]
fn assert_says(lang: Lang, words: &str) {
    let drawn = drawn(lang);
    assert!(
        drawn.contains(words),
        "{lang:?} does not say {words:?}: {drawn}"
    );
}

#[test]
fn the_summary_is_the_first_and_default_view() {
    assert_eq!(View::default(), View::Summary);
    assert_eq!(View::NAMES[0], "summary");
}

#[test]
fn each_therapy_answers_with_its_certainty_frequencies_and_risk_of_death() {
    let a = appraise(&builtin(), &AppraiseOptions::default());
    let therapies: Vec<&str> = a.answers.iter().map(|x| x.therapy.as_str()).collect();
    // The liver-cirrhosis study's therapy is not in the question's condition.
    assert_eq!(therapies, ["AHSCT", "MSC-NP", "MSC"]);
    let ahsct = &a.answers[0];
    // One open-label trial of 110 people: low certainty (risk of bias, and fewer people than the
    // optimal information size).
    assert_eq!(ahsct.certainty, Some(Certainty::Low));
    // Its one randomised trial was in relapsing-remitting MS that relapsed despite treatment:
    // the headline says so, and the benefit says who and against what, as a summary-of-findings
    // table heads its rows.
    assert!(
        ahsct.headline.starts_with(
            "In people with relapsing-remitting MS with relapses despite treatment, AHSCT \
             may reduce disability progression"
        ),
        "{}",
        ahsct.headline
    );
    assert_eq!(
        ahsct.benefit.as_ref().unwrap().who.as_deref(),
        Some(
            "In MIST 2019: 110 people with relapsing-remitting MS with relapses despite \
             treatment; comparison: disease-modifying therapy of higher efficacy or a different \
             class."
        )
    );
    // Its hazard ratio has people out of 100 from the baseline the data gives: 50 in the comparison group, about
    // 5 with, a difference the interval does not cross.
    let per_100 = ahsct.benefit.as_ref().unwrap().per_100.as_ref().unwrap();
    assert_eq!(per_100.control, Some(50.0));
    assert_eq!(per_100.treatment.round(), 5.0);
    assert!(!per_100.no_clear_difference());
    let harm = ahsct.harm.as_ref().unwrap();
    assert_eq!(
        harm.outcome, "deaths_100d",
        "the risk of death is the main harm"
    );
    assert!(harm
        .frequencies
        .as_deref()
        .unwrap()
        .contains("about 3 in 100"));
    // Deaths the study attributed to the transplant are said to be that, not as if no one could
    // tell whether the treatment caused them.
    let harm_words = harm.frequencies.as_deref().unwrap();
    assert!(
        harm_words.ends_with("the investigators judged which cases the treatment caused.")
            && !harm_words.contains("cannot tell"),
        "{harm_words}"
    );
    // A cohort without a comparison group names no comparison.
    assert_eq!(
        harm.who.as_deref(),
        Some("In Muraro 2017 (AHSCT cohort): 281 people with multiple sclerosis.")
    );
    // The highest risk of death is the main harm; the randomised trial's words (no deaths) and
    // the lower risk a later, larger cohort found are not hidden behind it.
    assert_eq!(
        harm.elsewhere.as_deref(),
        Some(
            "Other results on deaths: MIST 2019, deaths: No deaths (said only in words, without numbers); Burt \
             2021 (AHSCT cohort), treatment-related death: about 0.2 in 100 (95% CI <0.1 to 1)."
        )
    );
    assert_eq!((ahsct.studies, ahsct.randomised, ahsct.ongoing), (3, 1, 2));
    // MSC-NP's trial could not tell the arms apart: no difference may be drawn.
    let np = &a.answers[1];
    assert!(np
        .benefit
        .as_ref()
        .unwrap()
        .per_100
        .as_ref()
        .unwrap()
        .no_clear_difference());
    let msc = &a.answers[2];
    assert_eq!(msc.certainty, Some(Certainty::VeryLow));
    assert!(msc
        .headline
        .starts_with("We are very uncertain whether MSC helps"));
    // Petrou 2020's treatment failure, of definitions not seen, stands in for progression: its
    // rows rank below its count of people who stayed free of relapses, the card's benefit. Its
    // counts are of treatment periods: no people out of 1,000 are made of them, but the periods
    // out of 100 are said in their own unit (30 of 32 and 17 of 32 relapse-free periods).
    let benefit = msc.benefit.as_ref().unwrap();
    assert_eq!(benefit.outcome, "relapse_free_it");
    assert_eq!(
        benefit.frequencies.as_deref(),
        Some(
            "risk ratio 1.76 (95% CI 1.26 to 2.47); out of 100 treatment periods, about 53 in the \
             comparison group and about 94 with MSC; the counts are of treatment periods, not of \
             people."
        )
    );
    assert_eq!(
        msc.benefit.as_ref().unwrap().who.as_deref(),
        Some("In Petrou 2020: 48 people with progressive MS; comparison: sham.")
    );

    let texts = svg_texts(&summary(Lang::En), &builtin(), 390).join(" ");
    for words in [
        "AHSCT",
        "low certainty",
        "very low certainty",
        "about 3 in 100",
        "Main harm",
        "out of 100 people, about 37 in the comparison group and about 33 with MSC-NP (95% CI 16 to 69)",
        "within 2 years: out of 100 people, about 50 in the comparison group and about 5 with AHSCT (95% CI 1 to 15)",
        "In MIST 2019: 110 people with",
    ] {
        assert!(
            texts.contains(words),
            "{words} not in the drawn summary: {texts}"
        );
    }
    // The card is for a phone: numbers per 100 only. A tap on it shows them in full: per 1,000,
    // the difference with its interval, and what the hazard ratio's numbers assume.
    assert!(
        !texts.contains("1,000") && !texts.contains("Who took part"),
        "{texts}"
    );
    let scene = Scene::build(&builtin(), &summary(Lang::En));
    let details = scene.item("answer/AHSCT").unwrap().value;
    for words in [
        "Main benefit: Disability progression (EDSS up by 1.0 or more, confirmed 6 months apart) \
         within 2 years: out of 1,000 people, about 500 in the comparison group and about 47 (95% CI 14 to 153) with AHSCT (453 fewer; 95% CI 486 fewer to 347 fewer)",
        "assuming its effect held over 2 years",
        "the median time to progression was 24 months",
        "In MIST 2019: 110 people with",
        "Main harm: Deaths within 100 days of transplant: about 3 in 100 people",
        // Whom the main harm comes from, in the study's words: mostly progressive MS, years ago.
        "In Muraro 2017 (AHSCT cohort): 281 people with multiple sclerosis. Who took part: 281 \
         patients at 25 centres in 13 countries; 218 (78%) with progressive forms; median baseline \
         EDSS 6.5; transplanted Jan 1995 - Dec 2006.",
    ] {
        assert!(details.contains(words), "{words} not in the card's details: {details}");
    }
    // Each labelled part is a paragraph of its own, not one wall of text on a phone's sheet.
    assert!(details.starts_with("Main benefit: "), "{details}");
    assert!(details.contains(".\n\nMain harm: Deaths"), "{details}");
}

#[test]
fn nothing_is_cut_at_any_width() {
    for width in [320, 390, 800, 1600] {
        for lang in [Lang::En, Lang::Es, Lang::Fr] {
            let texts = svg_texts(&summary(lang), &builtin(), width);
            assert!(texts.len() > 20);
            assert!(
                texts.iter().all(|t| !t.ends_with('…')),
                "{width} px, {lang:?}: {texts:?}"
            );
        }
    }
}

#[test]
fn the_built_in_cards_say_the_same_harm_in_other_results_in_each_language() {
    // MSC's main harm is no deaths pooled by a review: what 133 people cannot rule out, and the
    // double-blind trial's words.
    assert_says(
        Lang::En,
        "No such case among 133 people: a risk of up to 3 in 100 cannot be ruled out; the \
         interval given, 0 to 0.3 in 100, is narrower than that number of people can show. In \
         Zhou 2019 (meta-analysis, single-arm): 133 people with multiple sclerosis. Other results \
         on deaths: MESEMS 2021, deaths: No deaths were reported during the study (said only in \
         words, without numbers).",
    );
    // The drawn words are compared with their spaces folded, no-break spaces included.
    assert_says(
        Lang::En,
        "Other results on deaths: MIST 2019, deaths: No deaths (said only in words, without numbers); Burt 2021 \
         (AHSCT cohort), treatment-related death: about 0.2 in 100 (95% CI <0.1 to 1).",
    );
    assert_says(
        Lang::Es,
        "Otros resultados sobre muertes: MIST 2019, muertes: ninguna muerte (solo en el texto, sin \
         cifras); Burt 2021 (cohorte de AHSCT), muerte relacionada con el tratamiento: alrededor \
         de 0,2 de cada 100 (IC del 95 %: <0,1 a 1).",
    );
    assert_says(
        Lang::Fr,
        "Autres résultats sur les décès : MIST 2019, décès : aucun décès (seulement dans le \
         texte, sans chiffres) ; Burt 2021 (cohorte AHSCT), décès lié au traitement : environ 0,2 sur 100 (IC à 95 % : \
         <0,1 à 1).",
    );
}

/// A smaller trial's benefit does not hide a controlled study that found no clear difference:
/// the main benefit names the others' results whose interval includes no effect, one a study,
/// and neither its own study's other results nor results without a comparison group.
#[test]
fn the_main_benefit_names_controlled_results_with_no_clear_difference() {
    use evidence_lens::model::{Better, Design, OutcomeKind};
    use helpers::*;
    let benefit_of =
        |id: &str, name: &str, data| outcome(id, name, OutcomeKind::Benefit, Better::Lower, data);
    let benefit = |studies| {
        let a = appraise(&dataset(studies, vec![]), &AppraiseOptions::default());
        a.answers[0].benefit.clone().unwrap()
    };
    let mut helps = rct(
        "a",
        benefit_of("relapse", "Relapses", counts(150, 1000, 250, 1000)),
    );
    // Its own result with no clear difference is its own study's, not another's.
    helps
        .outcomes
        .push(benefit_of("mri", "New lesions", counts(30, 100, 31, 100)));
    assert_eq!(benefit(vec![helps.clone()]).elsewhere, None);
    let mut null = rct(
        "b",
        benefit_of(
            "disability",
            "Disability worsening",
            counts(20, 100, 21, 100),
        ),
    );
    null.outcomes.push(benefit_of(
        "disability_2y",
        "Disability at 2 years",
        counts(25, 100, 26, 100),
    ));
    let mut uncontrolled = study("c", Design::Cohort, None, "Drug X", vec![]);
    uncontrolled
        .outcomes
        .push(benefit_of("free", "Relapse-free", prop(40, 100)));
    // Two trials of a scan, pooled with a clear effect: GRADE rates their body, so the small one
    // whose own interval includes no effect is not listed (the body's scan ranks below the main
    // benefit's disability outcome).
    let scan = |id: &str, data| {
        let mut o = benefit_of("scan", "Scan activity", data);
        o.surrogate = true;
        rct(id, o)
    };
    let pooled = [
        scan("e", counts(100, 1000, 200, 1000)),
        scan("f", counts(15, 100, 21, 100)),
    ];
    let mut all = vec![helps.clone(), null, uncontrolled];
    all.extend(pooled);
    let b = benefit(all);
    assert_eq!(b.studies, ["a"]);
    let said = b.elsewhere.expect("b found no clear difference");
    assert!(
        said.starts_with(
            "Controlled results with no clear difference: b study, disability worsening: risk \
             ratio 0.95 (95% CI "
        ),
        "{said}"
    );
    for other in ["c study", "lesions", "at 2 years", "f study", "e study"] {
        assert!(!said.contains(other), "{said}");
    }
    // Two null trials of one outcome are pooled: their body is named, as GRADE rates it, and not
    // its members one by one.
    let null_trial = |id: &str| {
        rct(
            id,
            benefit_of(
                "relapse_2y",
                "Relapses at 2 years",
                counts(20, 100, 21, 100),
            ),
        )
    };
    let b = benefit(vec![helps, null_trial("g"), null_trial("h")]);
    assert_eq!(b.studies, ["a"]);
    let said = b.elsewhere.expect("the body found no clear difference");
    assert!(
        said.starts_with(
            "Controlled results with no clear difference: Relapses at 2 years (2 studies): risk \
             ratio 0.95 (95% CI "
        ),
        "{said}"
    );
    assert!(
        !said.contains("g study") && !said.contains("h study"),
        "{said}"
    );
    // The built-in MSC card: Petrou 2020's relapses, and the largest trial's null result.
    assert_says(
        Lang::En,
        "Controlled results with no clear difference: MESEMS 2021, gadolinium-enhancing lesions, \
         total over weeks 4, 12 and 24: rate ratio 0.94 (95% CI 0.58 to 1.5).",
    );
}

#[test]
fn the_main_harm_names_the_same_harm_in_other_results_and_no_other_harm() {
    use evidence_lens::model::{Better, Design, Outcome, OutcomeKind, Study};
    use helpers::*;
    let harm_of =
        |id: &str, name: &str, data| outcome(id, name, OutcomeKind::Harm, Better::Lower, data);
    let deaths = |name: &str, x: u64, n: u64| harm_of("deaths", name, prop(x, n));
    let cohort = |id: &str, outcomes| study(id, Design::Cohort, None, "Drug X", outcomes);
    let harm = |studies: Vec<Study>| {
        let a = appraise(&dataset(studies, vec![]), &AppraiseOptions::default());
        a.answers[0].harm.clone().unwrap()
    };
    let later = |x: u64, n: u64| Outcome {
        timepoint: Some("5 years".into()),
        ..harm_of("deaths_5y", "Deaths", prop(x, n))
    };
    let mut trial = rct("t", harm_of("deaths", "Deaths", counts(3, 100, 4, 100)));
    trial.intervention.therapy = "Drug X".into();
    let treatment_related = cohort("c", vec![deaths("Treatment-related deaths", 9, 100)]);
    // A death caused by the treatment with no other result: nothing more to say.
    let main = harm(vec![treatment_related.clone()]);
    assert_eq!(
        (main.studies, main.elsewhere),
        (vec!["c".to_string()], None)
    );
    let mut all = vec![
        cohort("b", vec![deaths("Deaths", 6, 100), later(10, 100)]),
        treatment_related,
        trial,
        cohort("e", vec![deaths("Deaths", 12, 100)]),
    ];
    // The highest risk among equally serious harms is the main harm. Its other results on deaths
    // (all-cause or caused by the treatment: a reader asks how many died) follow in the data's
    // order, up to four: each named when its name or time differs from the main harm's (the main
    // study's own later result too), one with a comparison group with the risk without the
    // treatment as well.
    let main = harm(all.clone());
    assert_eq!(main.studies, ["e"]);
    assert_eq!(
        main.elsewhere.as_deref(),
        Some(
            "Other results on deaths: b study: about 6 in 100 (95% CI 3 to 12); b study, deaths \
             within 5 years: about 10 in 100 (95% CI 6 to 17); c study, treatment-related deaths: \
             about 9 in 100 (95% CI 5 to 16); t study: about 3 in 100 with it (95% CI 0.7 to 13) \
             and about 4 in the comparison group."
        )
    );
    // A card does not grow with the data: past four, three are named and how many more.
    all.push(cohort("d", vec![deaths("Mortality", 1, 50)]));
    let elsewhere = harm(all).elsewhere.unwrap();
    assert!(
        elsewhere.ends_with("(95% CI 5 to 16); 2 more."),
        "{elsewhere}"
    );
    // Another harm: the same concept, or the same name when the vocabulary has none; a result
    // given only in words is given as the data words it, said to be without numbers.
    let rash = |id: &str, x: u64| cohort(id, vec![harm_of("rash", "Rash", prop(x, 100))]);
    let mut nausea = rash("n", 50);
    nausea.outcomes[0].id = "nausea".into();
    nausea.outcomes[0].name = "Nausea".into();
    let main = harm(vec![rash("r1", 5), nausea, rash("r2", 20)]);
    assert_eq!(
        main.studies,
        ["n"],
        "the highest risk among harms of one seriousness"
    );
    assert_eq!(main.elsewhere, None);
    let mut in_words = rash("r3", 0);
    in_words.outcomes[0].data = None;
    in_words.outcomes[0].reported = Some("No rash; none at all.".into());
    let main = harm(vec![rash("r1", 5), rash("r2", 20), in_words]);
    assert_eq!(
        main.elsewhere.as_deref(),
        Some(
            "Other results for the same harm: r1 study: about 5 in 100 (95% CI 2 to 11); r3 \
             study: No rash; none at all (said only in words, without numbers)."
        )
    );
}

#[test]
fn grade_symbols() {
    assert_eq!(symbols(Certainty::High), "⊕⊕⊕⊕");
    assert_eq!(symbols(Certainty::Low), "⊕⊕◯◯");
    assert_eq!(symbols(Certainty::VeryLow), "⊕◯◯◯");
}

#[test]
fn another_field_gets_its_own_answer_from_a_pooled_body() {
    let data = parse_json(include_bytes!("data/aspirin-mi.json"))
        .dataset
        .unwrap();
    let a = appraise(&data, &AppraiseOptions::default());
    assert_eq!(a.answers.len(), 1);
    let aspirin = &a.answers[0];
    assert_eq!(aspirin.headline, "Aspirin probably reduces deaths.");
    assert_eq!(aspirin.benefit.as_ref().unwrap().studies.len(), 7);
    // A pooled body names four of its studies, all its people and the one comparison.
    assert_eq!(
        aspirin.benefit.as_ref().unwrap().who.as_deref(),
        Some(
            "In MRC-1, CDP, MRC-2, GASP and 3 more: 28,003 people with myocardial infarction; \
             comparison: placebo."
        )
    );
    let texts = svg_texts(&summary(Lang::En), &data, 800).join(" ");
    assert!(texts.contains("Aspirin probably reduces deaths"), "{texts}");
    // The chart's description says the answer with its certainty in words and symbols.
    let scene = Scene::build(&data, &summary(Lang::En));
    let description = scene.summary(Lang::En);
    assert!(
        description.contains("⊕⊕⊕◯ moderate certainty"),
        "{description}"
    );
}

#[test]
fn a_headline_says_whom_it_applies_to_when_the_studies_were_narrower_than_the_question() {
    let aspirin = || {
        parse_json(include_bytes!("data/aspirin-mi.json"))
            .dataset
            .unwrap()
    };
    let headline = |data: &evidence_lens::model::Dataset| {
        appraise(data, &AppraiseOptions::default()).answers[0]
            .headline
            .clone()
    };
    // Asked of cardiovascular disease, with every trial in one of its forms (the data's
    // vocabulary says which): the answer is for those people.
    let mut narrower = aspirin();
    narrower.question.as_mut().unwrap().condition = Some("cardiovascular disease".into());
    assert_eq!(
        headline(&narrower),
        "In people with myocardial infarction, aspirin probably reduces deaths."
    );
    // One trial in the question's own condition: the answer is the question's.
    let mut mixed = narrower.clone();
    mixed.studies[0].condition = "cardiovascular disease".into();
    assert_eq!(headline(&mixed), "Aspirin probably reduces deaths.");
    assert_eq!(headline(&aspirin()), "Aspirin probably reduces deaths.");
}

#[test]
fn a_card_counts_its_people_and_says_which_studies_also_took_people_with_other_conditions() {
    let a = appraise(&builtin(), &AppraiseOptions::default());
    let msc = &a.answers[2];
    // Karussis 2010 treated people with MS and with ALS, and two reviews pooled other
    // conditions too: the card says so. Reviews are counted apart, and their people are not
    // counted again (their studies may be among the card's).
    assert_eq!(
        msc.mixed,
        [
            "Karussis 2010",
            "Zeng 2022 (meta-analysis, 5 autoimmune diseases)",
            "Mesa Bedoya 2024 (meta-analysis, intrathecal safety)"
        ]
    );
    assert_eq!((msc.studies, msc.reviews, msc.people), (5, 4, 245));
    assert!(a.answers[0].mixed.is_empty());
    assert_says(
        Lang::En,
        "Rests on 5 studies (3 randomised, 245 people) and 4 reviews. Not everyone in Karussis \
         2010, Zeng 2022 (meta-analysis, 5 autoimmune diseases) and Mesa Bedoya 2024 \
         (meta-analysis, intrathecal safety) had multiple sclerosis.",
    );
    // One randomised trial agrees with its noun in Spanish and French.
    assert_says(
        Lang::Es,
        "Se basa en 3 estudios (1 aleatorizado, 898 personas).",
    );
    assert_says(
        Lang::Fr,
        "Repose sur 3 études (1 randomisée, 898 personnes).",
    );
    // A trial that a second entry reports too (its registry record, with the same registry
    // number, listed first and without a number of people) is one study, and its people are
    // counted once, from the entry that gives them.
    let mut data = builtin();
    let mesems = data.studies.iter().find(|s| s.id == "mesems_2021").unwrap();
    let mut record = mesems.clone();
    record.id = "mesems_registry".into();
    record.citation.doi = None;
    record.citation.nct = Some(" NCT00000001 ".into());
    let mesems = data
        .studies
        .iter_mut()
        .find(|s| s.id == "mesems_2021")
        .unwrap();
    mesems.citation.nct = Some("nct00000001".into());
    record.n = None;
    data.studies.insert(0, record);
    let msc = &appraise(&data, &AppraiseOptions::default()).answers[2];
    assert_eq!((msc.studies, msc.randomised, msc.people), (5, 3, 245));
}

#[test]
fn a_claim_about_a_family_counts_as_supported_only_on_the_card_of_the_member_that_supports_it() {
    let a = appraise(&builtin(), &AppraiseOptions::default());
    let ids = |i: usize| -> Vec<&str> {
        a.answers[i]
            .claims
            .iter()
            .map(|(id, _)| id.as_str())
            .collect()
    };
    // "Stem cell therapy halts MS" is supported in part by AHSCT's trial; MSC's evidence on it
    // is of very low certainty and supports nothing, so the MSC card does not count it.
    assert!(ids(0).contains(&"news_ahsct_halts_ms"), "{:?}", ids(0));
    assert!(!ids(2).contains(&"news_ahsct_halts_ms"), "{:?}", ids(2));
    // A claim about MSC that its evidence does not support still counts on its card.
    assert!(ids(2).contains(&"news_msc_safe_delays_progression"));
    // The verdicts are counted with their nouns in number.
    assert_says(
        Lang::Es,
        "Afirmaciones contrastadas: 1 respaldada solo en parte, 4 no respaldadas.",
    );
    assert_says(Lang::Fr, "Affirmations vérifiées : 2 non étayées.");
    assert_says(
        Lang::En,
        "Claims checked: 2 supported only in part, 1 not supported.",
    );
}

/// The aspirin trials, changed by `change`, drawn as a summary 1,600 px wide, with the answer.
fn aspirin_summary(
    change: impl FnOnce(&mut evidence_lens::model::Dataset),
) -> (evidence_lens::appraise::summary::Answer, String) {
    let mut data = parse_json(include_bytes!("data/aspirin-mi.json"))
        .dataset
        .unwrap();
    change(&mut data);
    let answer = appraise(&data, &AppraiseOptions::default()).answers[0].clone();
    let drawn = svg_texts(&summary(Lang::En), &data, 1600).join(" ");
    (answer, drawn)
}

#[test]
fn a_card_says_what_it_rests_on_whatever_is_known() {
    let (_, all) = aspirin_summary(|_| {});
    assert!(
        all.contains("Rests on 7 studies (7 randomised, 28,003 people)."),
        "{all}"
    );
    // One trial, one person: singular nouns.
    let (_, one) = aspirin_summary(|d| {
        d.studies.truncate(1);
        d.studies[0].n = Some(1);
    });
    assert!(
        one.contains("Rests on 1 study (1 randomised, 1 person)."),
        "{one}"
    );
    // No study gives its size: the people are not counted as none, and the finding says "people
    // with", without a number.
    let (answer, unknown) = aspirin_summary(|d| d.studies.iter_mut().for_each(|s| s.n = None));
    assert!(
        unknown.contains("Rests on 7 studies (7 randomised)."),
        "{unknown}"
    );
    assert!(
        answer
            .benefit
            .unwrap()
            .who
            .unwrap()
            .contains(": people with myocardial infarction;"),
        "{unknown}"
    );
    // Some do: at least their people.
    let (answer, _) = aspirin_summary(|d| d.studies[0].n = None);
    let who = answer.benefit.unwrap().who.unwrap();
    assert!(
        who.contains(": at least 26,764 people with myocardial infarction;"),
        "{who}"
    );
    // Only reviews: they are what it rests on.
    let (_, reviews) = aspirin_summary(|d| {
        d.studies
            .iter_mut()
            .for_each(|s| s.design = evidence_lens::model::Design::SystematicReview)
    });
    assert!(reviews.contains("Rests on 7 reviews."), "{reviews}");
}

#[test]
fn different_comparisons_are_alternatives_and_a_missing_one_is_not_said() {
    let (answer, _) = aspirin_summary(|d| {
        d.studies[1].comparator = Some(evidence_lens::model::Text::plain("usual care"));
    });
    let who = answer.benefit.unwrap().who.unwrap();
    assert!(who.ends_with("comparison: placebo or usual care."), "{who}");
    let (answer, _) = aspirin_summary(|d| {
        d.studies[1].comparator = Some(evidence_lens::model::Text::plain(" "));
    });
    let who = answer.benefit.unwrap().who.unwrap();
    assert!(!who.contains("comparison"), "{who}");
}

#[test]
fn each_card_names_where_its_answer_comes_from() {
    let a = appraise(&builtin(), &AppraiseOptions::default());
    let ahsct = &a.answers[0];
    assert_eq!(
        ahsct.sources.len(),
        ahsct.studies,
        "one source per completed study"
    );
    assert!(ahsct.sources.iter().any(|s| s == "MIST 2019"));
    assert!(
        !ahsct.sources.iter().any(|s| s.contains("ongoing")),
        "running studies are not sources of the answer"
    );
    let msc = &a.answers[2];
    assert_eq!(msc.sources.len(), 9);

    let en = svg_texts(&summary(Lang::En), &builtin(), 390).join(" ");
    let named = format!(
        "Sources: {}",
        ahsct.sources[..ahsct.sources.len() - 1].join(", ")
    );
    assert!(en.contains(&named), "{en}");
    // A long list names four studies and counts the rest.
    let four = msc.sources[..4].join(", ");
    assert!(en.contains(&format!("Sources: {four} and 5 more.")), "{en}");

    let es = svg_texts(&summary(Lang::Es), &builtin(), 390).join(" ");
    assert!(es.contains("Fuentes: ") && es.contains(" y 5 más."), "{es}");
}

#[test]
fn answers_do_not_depend_on_the_readers_language() {
    // Whether a result had a comparison group is read from the study, never from the words
    // of its statement, so a Spanish or French reader gets the same answers.
    let shape = |lang: Lang| {
        let options = AppraiseOptions {
            lang,
            ..AppraiseOptions::default()
        };
        appraise(&builtin(), &options)
            .answers
            .iter()
            .map(|a| {
                let finding = |f: &Option<evidence_lens::appraise::summary::Finding>| {
                    f.as_ref()
                        .map(|f| (f.outcome.clone(), f.controlled, f.certainty))
                };
                (
                    a.therapy.clone(),
                    a.certainty,
                    finding(&a.benefit),
                    finding(&a.harm),
                )
            })
            .collect::<Vec<_>>()
    };
    let en = shape(Lang::En);
    assert_eq!(en.len(), 3);
    assert_eq!(shape(Lang::Es), en);
    assert_eq!(shape(Lang::Fr), en);
}

#[test]
fn the_title_names_the_condition_in_the_readers_language() {
    for (lang, name) in [
        (Lang::En, "multiple sclerosis"),
        (Lang::Es, "esclerosis múltiple"),
        (Lang::Fr, "sclérose en plaques"),
    ] {
        let scene = Scene::build(&builtin(), &summary(lang));
        let Scene::Summary(view) = &scene else {
            panic!("not the summary")
        };
        let text = view.summary(lang);
        assert!(text.contains(name), "{lang:?}: {text}");
        if lang != Lang::En {
            assert!(!text.contains("multiple sclerosis"), "{lang:?}: {text}");
        }
    }
}

/// The title states the best answer; its card does not say it again (on a phone the first screen
/// said it twice), but the card's details still do. Other cards keep their headlines.
#[test]
fn the_best_answer_is_said_once_on_the_screen() {
    for lang in [Lang::En, Lang::Es, Lang::Fr] {
        let a = appraise(
            &builtin(),
            &evidence_lens::appraise::AppraiseOptions {
                lang,
                ..Default::default()
            },
        );
        let texts = drawn(lang);
        // As drawn: the SVG's words are compared with their spaces made plain.
        let plain = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let best = plain(a.answers[0].headline.trim_end_matches('.'));
        assert_eq!(texts.matches(&best).count(), 1, "{lang:?}: {texts}");
        let second = plain(a.answers[1].headline.trim_end_matches('.'));
        assert_eq!(texts.matches(&second).count(), 1, "{lang:?}: {texts}");
        // The best card has no headline of its own; the next one does.
        let scene = Scene::build(&builtin(), &summary(lang));
        let Scene::Summary(view) = &scene else {
            panic!()
        };
        let headlines = |i: usize| {
            view.cards[i]
                .paragraphs
                .iter()
                .filter(|(kind, _)| *kind == Kind::Headline)
                .count()
        };
        assert_eq!((headlines(0), headlines(1)), (0, 1), "{lang:?}");
        // A tap still gives the answer: the details' title is the headline.
        assert_eq!(
            scene.item("answer/AHSCT").unwrap().detail,
            a.answers[0].headline
        );
    }
}

/// Certainty belongs to a finding, as in a summary-of-findings table: AHSCT's main benefit is of
/// low certainty and its main harm of very low, and the card says each under its label
/// instead of one rating under the therapy's name that would read as the whole answer's.
#[test]
fn each_finding_on_a_card_has_its_own_certainty_row() {
    let scene = Scene::build(&builtin(), &summary(Lang::En));
    let Scene::Summary(view) = &scene else {
        panic!()
    };
    let rows: Vec<(Kind, &str)> = view.cards[0]
        .paragraphs
        .iter()
        .filter(|(kind, _)| matches!(kind, Kind::Label | Kind::Rating(_)))
        .map(|(kind, text)| (*kind, text.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (Kind::Label, "Main benefit"),
            (Kind::Rating(Some(Certainty::Low)), "low certainty"),
            (Kind::Label, "Main harm"),
            (Kind::Rating(Some(Certainty::VeryLow)), "very low certainty"),
        ]
    );
    // Every card's rows, as the README's table of answers gives them.
    let ratings: Vec<Vec<Kind>> = (view.cards.iter())
        .map(|c| {
            (c.paragraphs.iter())
                .map(|(kind, _)| *kind)
                .filter(|kind| matches!(kind, Kind::Rating(_)))
                .collect()
        })
        .collect();
    let rating = |c| Kind::Rating(Some(c));
    use Certainty::{Low, VeryLow};
    assert_eq!(
        ratings,
        [
            [rating(Low), rating(VeryLow)],
            [rating(Low), rating(VeryLow)],
            [rating(VeryLow), rating(VeryLow)],
        ]
    );
    // The card's numbers do not repeat the row; the details, which have no rows, say it.
    let body = |c: &evidence_lens::chart::summary::Card| {
        (c.paragraphs.iter())
            .filter(|(kind, _)| *kind == Kind::Body)
            .map(|(_, text)| text.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(
        !body(&view.cards[0]).contains("certainty"),
        "{:?}",
        view.cards[0]
    );
    let item = scene.item("answer/AHSCT").unwrap();
    let details = item.value;
    assert!(details.contains("(low certainty)"), "{details}");
    // The card's item (the table's column, a tap's details, what is announced) names each.
    assert_eq!(
        item.certainty.as_deref(),
        Some("low (main benefit); very low (main harm)")
    );
    let fr = Scene::build(&builtin(), &summary(Lang::Fr));
    assert_eq!(
        fr.item("answer/AHSCT").unwrap().certainty.as_deref(),
        Some("faible (bénéfice principal)\u{202f}; très faible (risque principal)")
    );
    assert!(details.contains("(very low certainty)"), "{details}");
    // A screen reader hears each row where it stands, in symbols and words.
    let description = scene.summary(Lang::En);
    assert!(
        description.contains("Main benefit. ⊕⊕◯◯ low certainty. Disability progression"),
        "{description}"
    );
    assert!(
        description.contains("Main harm. ⊕◯◯◯ very low certainty. Deaths within 100 days"),
        "{description}"
    );
    // Drawn: each row's words, once per rated finding of the three cards.
    let texts = drawn(Lang::En);
    let low = texts.matches("low certainty").count() - texts.matches("very low certainty").count();
    assert_eq!(low, 2, "{texts}");
    // A card with no rated finding says so once, under its answer.
    let (answer, drawn) = aspirin_summary(|d| {
        for s in &mut d.studies {
            s.status = evidence_lens::model::StudyStatus::Ongoing;
            s.outcomes.clear();
        }
    });
    assert_eq!((answer.benefit, answer.harm), (None, None));
    assert_eq!(drawn.matches("not rated").count(), 1, "{drawn}");
    assert!(!drawn.contains("certainty"), "{drawn}");
}

/// The main benefit is the best result, pooled or not: a pooled body of lesion counts from two
/// cohorts (low certainty at best) does not displace a randomised trial of disability at
/// moderate certainty; a pooled body still stands for its own members.
#[test]
fn a_pooled_surrogate_does_not_displace_a_more_certain_trial_of_what_matters() {
    let study = |id: &str,
                 design: &str,
                 blinding: &str,
                 outcome: &str,
                 surrogate: bool,
                 data: &str| {
        format!(
            r#"{{"id": "{id}", "label": "{id}", "year": 2020, "citation": {{"text": "{id}"}}, "source_kind": "paper",
            "condition": "condition a", "intervention": {{"therapy": "Drug X"}}, "design": "{design}", "blinding": "{blinding}", "n": 400,
            "outcomes": [{{"id": "{outcome}", "name": "{outcome}", "kind": "benefit", "better": "lower", "status": "verified",
            "surrogate": {surrogate}, "data": {data}}}]}}"#
        )
    };
    let lesions = r#"{"measure": "RR", "ai": 40, "n1i": 200, "ci": 80, "n2i": 200}"#;
    let studies = [
        study("cohort_a", "cohort", "open", "new lesions", true, lesions),
        study("cohort_b", "cohort", "open", "new lesions", true, lesions),
        study(
            "trial",
            "rct",
            "open",
            "disability worsening",
            false,
            r#"{"measure": "RR", "ai": 150, "n1i": 1000, "ci": 250, "n2i": 1000}"#,
        ),
    ];
    let json = format!(
        r#"{{"schema": "evidence-lens/1", "question": {{"condition": "condition a"}}, "studies": [{}]}}"#,
        studies.join(",")
    );
    let parsed = parse_json(json.as_bytes());
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let a = appraise(&parsed.dataset.unwrap(), &AppraiseOptions::default());
    assert!(a
        .pooled
        .iter()
        .any(|p| p.outcome == "new lesions" && p.refused.is_none()));
    let benefit = a.answers[0].benefit.as_ref().unwrap();
    assert_eq!(
        (benefit.outcome.as_str(), benefit.certainty),
        ("disability worsening", Some(Certainty::Moderate))
    );
}

#[test]
fn the_summary_says_what_its_words_mean_and_only_those_it_uses() {
    let data = builtin();
    for lang in Lang::ALL {
        let scene = Scene::build(&data, &summary(lang));
        let evidence_lens::chart::view::Scene::Summary(view) = &scene else {
            panic!("the summary view");
        };
        let words: Vec<&str> = view.glossary.iter().map(|g| g.word.as_str()).collect();
        // The data's own words, and the catalogue's, each once.
        let expected: &[&str] = match lang {
            Lang::En => &[
                "EDSS",
                "95% CI",
                "Certainty",
                "EDSS-Plus",
                "Intrathecal",
                "Sham",
                "Randomised",
            ],
            Lang::Es => &[
                "EDSS",
                "IC del 95\u{a0}%",
                "Certeza",
                "EDSS-Plus",
                "Intratecal",
                "Procedimiento simulado",
                "Aleatorizado",
            ],
            Lang::Fr => &[
                "EDSS",
                "IC à 95\u{202f}%",
                "Certitude",
                "EDSS-Plus",
                "Intrathécale",
                "Procédure simulée",
                "Randomisé",
            ],
        };
        for w in expected {
            assert_eq!(
                words.iter().filter(|x| *x == w).count(),
                1,
                "{lang:?} {w}: {words:?}"
            );
        }
        // No measure the summary does not show: it reports no odds ratio or mean difference, and
        // its hazard ratio only in a tap's details.
        for unused in ["measure.or", "measure.md", "measure.smd", "measure.hr"] {
            let word =
                evidence_lens::appraise::text::upper_first(evidence_lens::i18n::t(lang, unused));
            assert!(
                !words.contains(&word.as_str()),
                "{lang:?} {word}: {words:?}"
            );
        }
        // The heading and each word with its meaning are drawn, and a screen reader gets them.
        let drawn = drawn(lang);
        assert!(
            drawn.contains(evidence_lens::i18n::t(lang, "gloss.heading")),
            "{drawn}"
        );
        let description = view.summary(lang);
        for g in &view.glossary {
            let (word, meaning) = (&g.word, &g.meaning);
            // As `drawn` spaces it (no-break spaces as spaces).
            let word_drawn = word.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(drawn.contains(&word_drawn), "{word}");
            assert!(description.contains(&evidence_lens::i18n::labelled(lang, word, meaning)));
        }
        // A tap on a card explains the words of the card and of its details, the hazard ratio
        // among them, one tap from the words rather than a long scroll below them.
        let hr =
            evidence_lens::appraise::text::upper_first(evidence_lens::i18n::t(lang, "measure.hr"));
        let ahsct = view
            .items
            .iter()
            .find(|i| i.key == "answer/AHSCT")
            .expect("the AHSCT card");
        let tapped: Vec<&str> = ahsct.glossary.iter().map(|g| g.word.as_str()).collect();
        for w in [hr.as_str(), expected[1], expected[2]] {
            assert!(tapped.contains(&w), "{lang:?} {w}: {tapped:?}");
        }
    }
}

#[test]
fn a_spreadsheet_that_names_no_therapy_or_condition_answers_for_this_treatment() {
    // The embed page's template: one comparison, no therapy or condition column.
    let template = include_bytes!("../www/template.csv");
    let parsed = evidence_lens::model::parse_csv(template);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let data = parsed.dataset.unwrap();
    assert!(data
        .studies
        .iter()
        .all(|s| s.intervention.therapy.is_empty()));
    for (lang, headline, heading, empty) in [
        (
            Lang::En,
            "This treatment probably reduces relapse.",
            "This treatment",
            "No therapy",
        ),
        (
            Lang::Es,
            "Este tratamiento probablemente reduce",
            "Este tratamiento",
            "Ningún tratamiento",
        ),
        (
            Lang::Fr,
            "Ce traitement réduit probablement",
            "Ce traitement",
            "Aucun traitement",
        ),
    ] {
        let texts = svg_texts(&summary(lang), &data, 1600);
        let drawn = texts.join(" ").replace("&apos;", "'");
        assert!(texts[0].starts_with(headline), "{lang:?}: {drawn}");
        assert!(texts.iter().any(|t| t == heading), "{lang:?}: {drawn}");
        assert!(!drawn.contains(empty), "{lang:?}: {drawn}");
        // No condition to name: the studies are said, not "people with ." nor "treatments".
        assert!(drawn.contains("(made-up numbers)."), "{lang:?}: {drawn}");
        for broken in [
            "with .",
            "con .",
            "de .",
            "the treatments",
            "los tratamientos",
        ] {
            assert!(!drawn.contains(broken), "{lang:?} says {broken:?}: {drawn}");
        }
    }
    // The table has no count of people to give: no number, not "0".
    let scene = Scene::build(&data, &summary(Lang::En));
    let answer = scene.items().into_iter().next().expect("the answer's item");
    assert_eq!(answer.n, None, "{answer:?}");
    // The benefit-and-harm view names it so too.
    let harms = ViewOptions {
        view: View::Harms,
        ..ViewOptions::default()
    };
    let drawn = svg_texts(&harms, &data, 1600).join(" ");
    assert!(
        drawn.contains("With this treatment or in the comparison group"),
        "{drawn}"
    );
    // A therapy cell with no letter or digit ("-") names no therapy either.
    let mut dashed = data.clone();
    for s in &mut dashed.studies {
        s.intervention.therapy = "-".into();
    }
    let answers = appraise(&dashed, &AppraiseOptions::default()).answers;
    assert_eq!(answers.len(), 1);
    assert_eq!(
        (
            answers[0].therapy.as_str(),
            answers[0].therapy_name.as_str()
        ),
        ("", "This treatment")
    );
    // Where some studies name their therapy, those that do not are left out of the answers.
    let mut named = data.clone();
    named.studies[0].intervention.therapy = "Drug A".into();
    let answers = appraise(&named, &AppraiseOptions::default()).answers;
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].therapy, "Drug A");
}

/// With no answer, the summary says why once: the reader's filters when they chose some (a route
/// filter had been told that no therapy is studied in the question's condition, which the same
/// condition without the filter contradicts), else the data.
#[test]
fn a_summary_with_no_answer_says_why_once() {
    let filtered = ViewOptions {
        filters: evidence_lens::chart::Filters {
            route: vec!["no such route".into()],
            ..Default::default()
        },
        ..summary(Lang::En)
    };
    let drawn = svg_texts(&filtered, &builtin(), 390).join(" ");
    assert!(
        drawn.contains("Among the studies these filters keep"),
        "{drawn}"
    );
    assert!(!drawn.contains("No therapy in this data"), "{drawn}");
    // A screen reader hears it too (the chart's description).
    let scene = Scene::build(&builtin(), &filtered);
    assert!(scene
        .summary(Lang::En)
        .contains("Among the studies these filters keep"));
    let mut elsewhere = builtin();
    elsewhere.question.as_mut().unwrap().condition = Some("gout".into());
    for title in [None, elsewhere.title.clone()] {
        elsewhere.title = title;
        let drawn = svg_texts(&summary(Lang::En), &elsewhere, 1600)
            .join(" ")
            .replace("&apos;", "'");
        let why = "No therapy in this data is studied in the question's condition.";
        assert_eq!(drawn.matches(why).count(), 1, "{drawn}");
        assert!(!drawn.contains("filters"), "{drawn}");
    }
}

/// Where no answer is certain enough to lead, the title says so of the treatments shown: with one
/// treatment shown, its own answer. Without a condition (a table with no such column) the title
/// names none: it said "For , the evidence on every treatment here is uncertain."
#[test]
fn an_uncertain_title_speaks_of_the_treatments_shown() {
    let msc = |lang| ViewOptions {
        filters: evidence_lens::chart::Filters {
            therapy: vec!["MSC".into()],
            ..Default::default()
        },
        ..summary(lang)
    };
    let answers = evidence_lens::appraise::appraise(&builtin(), &Default::default()).answers;
    let msc_answer = answers.iter().find(|a| a.therapy == "MSC").unwrap();
    let Scene::Summary(v) = Scene::build(&builtin(), &msc(Lang::En)) else {
        panic!()
    };
    assert_eq!(v.title, msc_answer.headline);
    assert!(
        v.title
            .starts_with("We are very uncertain whether MSC helps"),
        "{}",
        v.title
    );
    // Two uncertain treatments (MSC and a copy of it) and no condition in the data.
    let mut data = builtin();
    data.question = None;
    data.studies.retain(|s| s.intervention.therapy == "MSC");
    let mut copies = data.studies.clone();
    for s in &mut copies {
        s.id = format!("{}-copy", s.id);
        s.intervention.therapy = "Drug B".into();
    }
    data.studies.extend(copies);
    for s in &mut data.studies {
        s.condition = String::new();
    }
    for (lang, title) in [
        (
            Lang::En,
            "The evidence on every treatment here is uncertain.",
        ),
        (
            Lang::Es,
            "La evidencia sobre todos estos tratamientos es incierta.",
        ),
    ] {
        let Scene::Summary(v) = Scene::build(&data, &summary(lang)) else {
            panic!()
        };
        assert_eq!(v.title, title, "{lang:?}");
    }
}

/// An outcome asked for by a name no outcome has (a typo, "Fatigue" for "Fatigue score (0-10)")
/// shows nothing, and the summary says the choice kept no study; it had kept every study with none
/// of its outcomes, and said that no study had shown how well the treatment works.
#[test]
fn an_outcome_no_study_has_keeps_nothing_and_says_so() {
    let template = include_bytes!("../www/template.csv");
    let data = evidence_lens::model::parse_csv(template).dataset.unwrap();
    let fatigue = ViewOptions {
        outcome: Some("Fatigue".into()),
        ..summary(Lang::En)
    };
    let drawn = svg_texts(&fatigue, &data, 800).join(" ");
    assert!(
        drawn.contains("Among the studies these filters keep"),
        "{drawn}"
    );
    assert!(!drawn.contains("has shown how well it works"), "{drawn}");
    // The outcome's own name, in any case, keeps its studies.
    let name = data.studies[0].outcomes[0].name.to_uppercase();
    let named = ViewOptions {
        outcome: Some(name),
        ..summary(Lang::En)
    };
    let Scene::Summary(v) = Scene::build(&data, &named) else {
        panic!()
    };
    assert_eq!(v.cards.len(), 1);
}

/// A card's numbers that begin with the outcome's name, capitalised as a sentence begins, are
/// not given the name again ("main: Main: out of 100 people…").
#[test]
fn a_cards_numbers_do_not_repeat_the_outcomes_name() {
    let data = evidence_lens::model::parse_csv(include_bytes!("data/bcg.csv"))
        .dataset
        .expect("reads");
    assert_eq!(data.studies[0].outcomes[0].name.as_str(), "main");
    let texts = svg_texts(&summary(Lang::En), &data, 1600);
    let numbers = texts
        .iter()
        .find(|t| t.contains("out of 100 people"))
        .expect("the card's numbers");
    assert!(numbers.starts_with("Main: out of 100 people"), "{numbers}");
}

/// The title says that the other treatments' evidence is uncertain or shows no clear benefit
/// only where that is true, and names a condition only where the data give one: an imported
/// review (no condition) is titled by its best answer alone, as are data where a second treatment
/// also shows a clear difference at moderate certainty.
#[test]
fn the_title_denies_no_other_treatments_clear_result() {
    let review = evidence_lens::import::from_rm5(include_bytes!("data/fleiss1993.rm5"))
        .unwrap()
        .dataset;
    for lang in [Lang::En, Lang::Es, Lang::Fr] {
        // (A long title wraps: its lines, joined, begin the drawn words.)
        let drawn = svg_texts(&summary(lang), &review, 1600).join(" ");
        let options = AppraiseOptions {
            lang,
            ..AppraiseOptions::default()
        };
        let headline = &appraise(&review, &options).answers[0].headline;
        // (Its words as the drawing's are read: spaces of any kind as one.)
        let headline = headline.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            drawn.starts_with(&format!("{headline} ")),
            "{lang:?}: {drawn}"
        );
    }
    // The same trials as randomised, in one condition: both treatments show a clear difference.
    let mut trials = review.clone();
    for s in &mut trials.studies {
        s.condition = "heart disease".into();
        s.design = evidence_lens::model::Design::Rct;
        s.caveats.clear();
    }
    let a = appraise(&trials, &AppraiseOptions::default());
    let clear: Vec<_> = (a.answers.iter())
        .filter(|x| x.certainty >= Some(Certainty::Moderate))
        .collect();
    assert_eq!(
        clear.len(),
        2,
        "{:?}",
        a.answers.iter().map(|x| &x.headline).collect::<Vec<_>>()
    );
    let drawn = svg_texts(&summary(Lang::En), &trials, 1600).join(" ");
    let first = &a.answers[0];
    assert!(
        drawn.starts_with(&format!("{} {}", first.headline, first.therapy)),
        "{drawn}"
    );
}

/// A card says how many of its studies were randomised only where the data say each study's
/// design: an imported review that does not gave "0 randomised" for seven trials.
#[test]
fn a_card_says_none_randomised_only_where_every_design_is_known() {
    let mut review = evidence_lens::import::from_rm5(include_bytes!("data/fleiss1993.rm5"))
        .unwrap()
        .dataset;
    let drawn = svg_texts(&summary(Lang::En), &review, 1600).join(" ");
    assert!(
        drawn.contains("Rests on 7 studies (28,003 people)."),
        "{drawn}"
    );
    assert!(!drawn.contains("0 randomised"), "{drawn}");
    // A pooled result with no numbers per 100 people gives its estimate and interval, as a
    // single study's does (it repeated the headline).
    assert!(
        drawn.contains("Mental Health Treatment versus Control: standardised mean difference -0.34 (95% CI -0.61 to -0.08); a standardised mean difference is not a risk"),
        "{drawn}"
    );
    for s in &mut review.studies {
        s.design = evidence_lens::model::Design::Cohort;
    }
    let drawn = svg_texts(&summary(Lang::En), &review, 1600).join(" ");
    assert!(
        drawn.contains("Rests on 7 studies (0 randomised, 28,003 people)."),
        "{drawn}"
    );
}

/// An answer's sources are the studies the summary grouped under its treatment: a study that
/// writes the treatment in another case is among them (its name was compared letter for letter).
#[test]
fn an_answers_citations_are_its_groups_studies() {
    use evidence_lens::chart::citations::citations;
    let mut data = builtin();
    let first = data.studies[0].intervention.therapy.clone();
    let same: Vec<String> = (data.studies.iter())
        .filter(|s| s.intervention.therapy == first)
        .map(|s| s.id.clone())
        .collect();
    assert!(same.len() > 1, "{first}: {same:?}");
    let last = data
        .studies
        .iter()
        .rposition(|s| s.intervention.therapy == first)
        .unwrap();
    data.studies[last].intervention.therapy = first.to_lowercase();
    assert_ne!(first, first.to_lowercase());
    let scene = Scene::build(&data, &summary(Lang::En));
    let items = scene.items();
    let answer = (items.iter())
        .find(|i| i.key == format!("answer/{first}"))
        .unwrap_or_else(|| {
            panic!(
                "{first}'s answer among {:?}",
                items.iter().map(|i| &i.key).collect::<Vec<_>>()
            )
        });
    let cited: Vec<String> = citations(Some(&data), std::slice::from_ref(answer), Lang::En)
        .into_iter()
        .map(|c| c.key)
        .collect();
    assert!(cited.contains(&data.studies[last].id), "{cited:?}");
    assert_eq!(cited.len(), same.len(), "{cited:?}");
}
