//! GRADE's plain-language statements, absolute effects (hand-checked) and NNT rounding.

#[path = "appraise_helpers.rs"]
mod helpers;

use evidence_lens::appraise::absolute::{
    ceil_people, comparative, nnt, single_arm, treated_risk, Assumed,
};
use evidence_lens::appraise::text::{
    single_arm_statement, statement, Direction, Importance, Subject,
};
use evidence_lens::appraise::{
    appraise_outcome, Absolute, AbsoluteError, AppraiseOptions, BaselineSource, Basis, Certainty,
    NntKind,
};
use evidence_lens::i18n::Lang;
use evidence_lens::model::*;
use helpers::*;

/// The words for no deaths after MSC, with a reported interval of 0 to 0.3%, among `seen` people.
fn no_deaths(lang: Lang, seen: Option<u64>) -> String {
    single_arm(
        0.0,
        Some(0.0),
        Some(0.003),
        lang,
        ("MSC", "Deaths"),
        true,
        seen,
    )
    .unwrap()
    .text
}

fn close(a: f64, b: f64, tol: f64) {
    assert!((a - b).abs() <= tol, "{a} != {b} (tol {tol})");
}

#[test]
fn every_statement_form() {
    let red = Importance::Important(Direction::Reduces);
    let inc = Importance::Important(Direction::Increases);
    let none = Importance::LittleOrNone;
    let s = |c, f| {
        statement(
            Lang::En,
            c,
            Subject::Therapy {
                name: "Drug X",
                plural: false,
            },
            "Disease progression",
            None,
            f,
        )
    };
    assert_eq!(
        s(Certainty::High, red),
        "Drug X reduces disease progression."
    );
    assert_eq!(
        s(Certainty::High, inc),
        "Drug X increases disease progression."
    );
    assert_eq!(
        s(Certainty::Moderate, red),
        "Drug X probably reduces disease progression."
    );
    assert_eq!(
        s(Certainty::Moderate, inc),
        "Drug X probably increases disease progression."
    );
    assert_eq!(
        s(Certainty::Low, red),
        "Drug X may reduce disease progression."
    );
    assert_eq!(
        s(Certainty::Low, inc),
        "Drug X may increase disease progression."
    );
    for f in [red, inc, none] {
        assert_eq!(
            s(Certainty::VeryLow, f),
            "The evidence is very uncertain about the effect of drug X on disease progression."
        );
    }
    assert_eq!(
        s(Certainty::High, none),
        "Drug X results in little or no difference in disease progression."
    );
    assert_eq!(
        s(Certainty::Moderate, none),
        "Drug X probably results in little or no difference in disease progression."
    );
    assert_eq!(
        s(Certainty::Low, none),
        "Drug X may result in little or no difference in disease progression."
    );
    // Names in the middle of a sentence are lower-cased unless they are acronyms.
    assert_eq!(
        statement(
            Lang::En,
            Certainty::VeryLow,
            Subject::Therapy {
                name: "Beta blockers",
                plural: true
            },
            "LDL change",
            None,
            red
        ),
        "The evidence is very uncertain about the effect of beta blockers on LDL change."
    );
}

#[test]
fn statements_agree_in_number_with_the_therapy() {
    let red = Importance::Important(Direction::Reduces);
    let none = Importance::LittleOrNone;
    let s = |c, f| {
        statement(
            Lang::En,
            c,
            Subject::Therapy {
                name: "Antibiotics",
                plural: true,
            },
            "Infections",
            None,
            f,
        )
    };
    assert_eq!(s(Certainty::High, red), "Antibiotics reduce infections.");
    assert_eq!(
        s(Certainty::Moderate, red),
        "Antibiotics probably reduce infections."
    );
    assert_eq!(s(Certainty::Low, red), "Antibiotics may reduce infections.");
    assert_eq!(
        s(Certainty::Moderate, none),
        "Antibiotics probably result in little or no difference in infections."
    );
    assert_eq!(
        statement(
            Lang::En,
            Certainty::Moderate,
            Subject::Therapy {
                name: "Aspirin",
                plural: false
            },
            "Deaths",
            None,
            red
        ),
        "Aspirin probably reduces deaths."
    );
}

/// A bare name cannot be the subject of a Spanish or French sentence, and its article would need
/// the name's gender and number: the subject is the treatment with it, singular whatever the
/// name's number, and the sentence starts with a capital while the name keeps its own case.
#[test]
fn spanish_and_french_statements_are_about_the_treatment_with_a_therapy() {
    let red = Importance::Important(Direction::Reduces);
    for plural in [false, true] {
        let es = |c| {
            statement(
                Lang::Es,
                c,
                Subject::Therapy {
                    name: "antibióticos",
                    plural,
                },
                "Infecciones",
                None,
                red,
            )
        };
        let fr = |c| {
            statement(
                Lang::Fr,
                c,
                Subject::Therapy {
                    name: "antibiotiques",
                    plural,
                },
                "Infections",
                None,
                red,
            )
        };
        assert_eq!(
            es(Certainty::Moderate),
            "El tratamiento con antibióticos probablemente reduce el resultado «infecciones»."
        );
        assert_eq!(
            es(Certainty::VeryLow),
            "La evidencia es muy incierta acerca del efecto del tratamiento con antibióticos sobre el resultado «infecciones»."
        );
        assert_eq!(
            fr(Certainty::Low),
            "Le traitement par antibiotiques pourrait réduire le critère «\u{a0}infections\u{a0}»."
        );
    }
    // With the data's article, the name is said as a noun of the sentence, not quoted.
    let with_article = |lang, name, article| {
        statement(
            lang,
            Certainty::Moderate,
            Subject::Therapy {
                name: "AHSCT",
                plural: false,
            },
            name,
            Some(article),
            red,
        )
    };
    assert_eq!(
        with_article(Lang::Es, "Progresión de la discapacidad", "la"),
        "El tratamiento con AHSCT probablemente reduce la progresión de la discapacidad."
    );
    assert_eq!(
        with_article(Lang::Fr, "Aggravation du handicap", "l’"),
        "Le traitement par AHSCT réduit probablement l’aggravation du handicap."
    );
    // A pool of different therapies: "the treatments", plural, in every language.
    let mixed = |lang, c| statement(lang, c, Subject::Several, "Infections", None, red);
    assert_eq!(
        mixed(Lang::Es, Certainty::Moderate),
        "Los tratamientos probablemente reducen el resultado «infections»."
    );
    assert_eq!(
        mixed(Lang::Fr, Certainty::VeryLow),
        "Les données probantes sont très incertaines quant à l’effet des traitements sur le critère «\u{a0}infections\u{a0}»."
    );
    assert_eq!(
        mixed(Lang::En, Certainty::Low),
        "The treatments may reduce infections."
    );
    // A name keeps its own case after the article, but not a capital of its own.
    assert!(statement(
        Lang::Fr,
        Certainty::Low,
        Subject::Therapy {
            name: "Aspirine",
            plural: false
        },
        "Décès",
        None,
        red
    )
    .starts_with("Le traitement par aspirine pourrait"));
}

#[test]
fn a_harm_that_increases_says_increases() {
    // Serious adverse events: 420/3,500 vs 210/3,500, RR 2.0 (1.71 to 2.34), in more people than
    // the 6,934 one trial would need to detect a 25% change from a risk of 6%.
    let o = outcome(
        "sae",
        "Serious adverse events",
        OutcomeKind::Harm,
        Better::Lower,
        counts(420, 3500, 210, 3500),
    );
    let s = rct("a", o);
    let a = appraise_outcome(
        &s,
        &s.outcomes[0],
        &AppraiseOptions::default(),
        "Condition A",
    );
    assert_eq!(a.certainty, Some(Certainty::High));
    assert_eq!(a.statement, "Drug X increases serious adverse events.");
    let n = a.absolute.unwrap().nnt.unwrap();
    assert_eq!(n.kind, NntKind::Nnh);
    // Risks 6% vs 12%: one more harmed per 1/0.06 = 16.7 -> 17.
    assert_eq!(n.value, Some(17));
    assert!(n.meaningful);
}

#[test]
fn absolute_from_control_arm_counts() {
    // 10/100 vs 20/100: baseline 0.2, RR 0.5 (0.2466 to 1.0136).
    let s = rct("a", progression(counts(10, 100, 20, 100)));
    let a = appraise_outcome(
        &s,
        &s.outcomes[0],
        &AppraiseOptions::default(),
        "Condition A",
    );
    let abs = a.absolute.unwrap();
    assert_eq!(abs.basis, Basis::Comparative);
    assert_eq!(abs.baseline_source, Some(BaselineSource::ControlArm));
    close(abs.baseline.unwrap(), 0.2, 1e-12);
    close(abs.risk, 0.1, 1e-12);
    close(abs.risk_lb.unwrap(), 0.2 * 0.246_640_800_3, 1e-6);
    close(abs.risk_ub.unwrap(), 0.2 * 1.013_619_805_4, 1e-6);
    let p100 = &abs.per_100;
    close(p100.control.unwrap(), 20.0, 1e-9);
    close(p100.treatment, 10.0, 1e-9);
    close(p100.difference.unwrap(), -10.0, 1e-9);
    close(abs.per_1000.difference.unwrap(), -100.0, 1e-9);
    close(
        abs.per_1000.difference_lb.unwrap(),
        1000.0 * (0.2 * 0.246_640_8 - 0.2),
        1e-3,
    );
    // NNT 1/0.1 = 10 exactly (not 11 from floating-point noise); the interval crosses the null.
    let n = abs.nnt.unwrap();
    assert_eq!(
        (n.kind, n.value, n.meaningful),
        (NntKind::Nnt, Some(10), false)
    );
    assert_eq!((n.ci_lb, n.ci_ub), (None, None));
    assert!(
        n.text.contains("not meaningful") && n.text.contains("infinite"),
        "{}",
        n.text
    );
    assert!(
        abs.text
            .contains("out of 1,000 people, about 200 in the comparison group and about 100"),
        "{}",
        abs.text
    );
}

#[test]
fn absolute_from_a_caller_baseline() {
    // HR 0.5 (0.25 to 1.0 excluded -> use 0.3 to 0.8) with baseline 36%: 1 - 0.64^0.5 = 0.2.
    let mut s = rct("a", progression(est(Measure::Hr, 0.5, 0.3, 0.8)));
    s.n = Some(500);
    let no = appraise_outcome(&s, &s.outcomes[0], &AppraiseOptions::default(), "ms");
    assert!(no.absolute.is_none());
    assert!(no.note.unwrap().contains("no baseline risk"));
    let mut opts = AppraiseOptions::default();
    opts.baselines.insert("progression".into(), 0.36);
    let a = appraise_outcome(&s, &s.outcomes[0], &opts, "ms");
    let abs = a.absolute.unwrap();
    assert_eq!(abs.baseline_source, Some(BaselineSource::Caller));
    close(abs.risk, 0.2, 1e-12);
    close(abs.risk_lb.unwrap(), 1.0 - 0.64f64.powf(0.3), 1e-12);
    close(abs.risk_ub.unwrap(), 1.0 - 0.64f64.powf(0.8), 1e-12);
    // Difference 0.16 -> NNT 6.25 -> 7; interval: 1/(0.36-0.1255)=4.26 -> 5, 1/(0.36-0.3000)=16.6 -> 17.
    let n = abs.nnt.unwrap();
    assert_eq!(
        (n.value, n.ci_lb, n.ci_ub, n.meaningful),
        (Some(7), Some(5), Some(17), true)
    );
    assert!(abs.text.contains("hazard ratio"));
}

#[test]
fn conversions_by_measure() {
    // RR: 0.2 x 0.5; OR 2 at 20%: odds 0.25 -> 0.5 -> 1/3; RD: 0.3 - 0.1; HR: 1 - 0.64^0.5.
    close(treated_risk(Measure::Rr, 0.2, 0.5).unwrap(), 0.1, 1e-12);
    close(
        treated_risk(Measure::Or, 0.2, 2.0).unwrap(),
        1.0 / 3.0,
        1e-12,
    );
    close(treated_risk(Measure::Rd, 0.3, -0.1).unwrap(), 0.2, 1e-12);
    close(treated_risk(Measure::Hr, 0.36, 0.5).unwrap(), 0.2, 1e-12);
    assert_eq!(
        treated_risk(Measure::Md, 0.2, 1.0),
        Err(AbsoluteError::NotARisk(Measure::Md))
    );
    assert!(matches!(
        treated_risk(Measure::Rr, -0.1, 1.0),
        Err(AbsoluteError::BaselineOutOfRange(_))
    ));

    // RD -0.1 (-0.15 to -0.05) at 30%: NNT 10 (7 to 20).
    let a = drug_x(Measure::Rd, (-0.1, -0.15, -0.05), 0.3);
    let n = a.nnt.unwrap();
    assert_eq!(
        (n.kind, n.value, n.ci_lb, n.ci_ub),
        (NntKind::Nnt, Some(10), Some(7), Some(20))
    );
    close(a.per_100.treatment, 20.0, 1e-9);
    close(a.per_100.treatment_lb.unwrap(), 15.0, 1e-9);
    close(a.per_100.treatment_ub.unwrap(), 25.0, 1e-9);

    // OR 0.5 (0.25 to 1.0) at 40%: 0.2/0.8 = 0.25 odds... risk = 0.5*0.4/(0.6+0.2) = 0.25.
    let a = drug_x(Measure::Or, (0.5, 0.25, 1.0), 0.4);
    close(a.risk, 0.25, 1e-12);
    close(a.risk_lb.unwrap(), 0.1 / 0.7, 1e-12);
    close(a.risk_ub.unwrap(), 0.4, 1e-12);
    assert!(!a.nnt.unwrap().meaningful);
}

/// Drug X against relapse (fewer is better), at a caller's baseline risk.
fn drug_x(measure: Measure, (estimate, lower, upper): (f64, f64, f64), baseline: f64) -> Absolute {
    comparative(
        measure,
        estimate,
        lower,
        upper,
        Assumed::of(baseline, BaselineSource::Caller),
        Better::Lower,
        Lang::En,
        "Drug X",
        "Relapse",
    )
    .unwrap()
}

#[test]
fn nnt_rounding_and_direction() {
    assert_eq!(ceil_people(1.0 / 0.1), Some(10));
    assert_eq!(ceil_people(1.0 / 0.05), Some(20));
    assert_eq!(ceil_people(1.0 / 0.3), Some(4));
    assert_eq!(ceil_people(6.01), Some(7));
    // Higher is better and the treatment increases it: a benefit, NNT.
    let n = nnt(
        Lang::En,
        0.25,
        0.1,
        0.4,
        Better::Higher,
        "Drug X",
        "Relapse-free",
    );
    assert_eq!(
        (n.kind, n.value, n.ci_lb, n.ci_ub),
        (NntKind::Nnt, Some(4), Some(3), Some(10))
    );
    // Higher is better and the treatment lowers it: harm, NNH.
    let n = nnt(
        Lang::En,
        -0.25,
        -0.4,
        -0.1,
        Better::Higher,
        "Drug X",
        "Relapse-free",
    );
    assert_eq!(n.kind, NntKind::Nnh);
    // The outcome is quoted as its name, which need not be a state a person is in ("Deaths",
    // "All-cause mortality"); a leading "Patients with" is left out.
    let n = nnt(
        Lang::En,
        -0.05,
        -0.08,
        -0.02,
        Better::Lower,
        "aspirin",
        "Deaths",
    );
    assert_eq!(
        n.text,
        "NNT 20 (95% CI 13 to 50): treating 20 people with aspirin means one fewer person with \
         the outcome “deaths”."
    );
    let n = nnt(
        Lang::En,
        0.05,
        0.02,
        0.08,
        Better::Lower,
        "X",
        "Patients with a relapse",
    );
    assert!(
        n.text
            .ends_with("one more person with the outcome “a relapse”."),
        "{}",
        n.text
    );
    // No difference: infinite.
    let n = nnt(Lang::En, 0.0, -0.1, 0.1, Better::Lower, "Drug X", "Relapse");
    assert_eq!(n.value, None);
    assert!(!n.meaningful && n.text.contains("infinite"));
    assert!(n.text.ends_with("for the outcome “relapse”."), "{}", n.text);
}

#[test]
fn single_arm_proportion_with_wilson_interval() {
    // 7/20 = 35%; Wilson 95%: 18.12% to 56.71% (hand-computed).
    let o = outcome(
        "improved",
        "EDSS improvement",
        OutcomeKind::Benefit,
        Better::Higher,
        prop(7, 20),
    );
    let s = study("a", Design::SingleArm, Some(Blinding::Open), "MSC", vec![o]);
    let a = appraise_outcome(&s, &s.outcomes[0], &AppraiseOptions::default(), "ms");
    let abs = a.absolute.unwrap();
    assert_eq!(abs.basis, Basis::SingleArm);
    assert!(abs.nnt.is_none() && abs.baseline.is_none());
    close(abs.risk, 0.35, 1e-12);
    close(abs.risk_lb.unwrap(), 0.181_191_824, 1e-6);
    close(abs.risk_ub.unwrap(), 0.567_145_723, 1e-6);
    close(abs.per_100.treatment, 35.0, 1e-9);
    assert!(abs.per_100.control.is_none());
    assert!(abs.text.contains("no comparison group"), "{}", abs.text);
    // Without a size or interval the proportion is still shown, without an interval.
    let a = single_arm(
        0.576,
        None,
        None,
        Lang::En,
        ("MSC", "Headache"),
        false,
        None,
    )
    .unwrap();
    assert_eq!((a.risk_lb, a.risk_ub), (None, None));
    assert!(
        a.text
            .starts_with("Headache: about 58 in 100 people who had"),
        "{}",
        a.text
    );
    // None is not "about" none, in any language.
    let none = |lang| no_deaths(lang, None);
    assert!(
        none(Lang::En).starts_with("Deaths: 0 in 100 people (95% CI 0 to 0.3) who had"),
        "{}",
        none(Lang::En)
    );
    let all = single_arm(1.0, None, None, Lang::En, ("MSC", "Fever"), false, None).unwrap();
    assert!(
        all.text.starts_with("Fever: 100 in 100 people who had"),
        "{}",
        all.text
    );
    assert!(
        none(Lang::Es).starts_with("Deaths: 0 de cada 100"),
        "{}",
        none(Lang::Es)
    );
    assert!(
        none(Lang::Fr).starts_with("Deaths\u{a0}: 0 personne traitée par MSC sur 100 (IC"),
        "{}",
        none(Lang::Fr)
    );
}

#[test]
fn a_single_group_count_reads_right_for_none_one_or_many() {
    // French agrees "personne(s) traitée(s)" with the number as shown ("environ 0 personnes" did
    // not); none is exact, so not "about".
    for (p, fr_n, es_n) in [
        (0.0, "0 personne traitée", "0"),
        (0.01, "environ 1 personne traitée", "alrededor de 1"),
        (0.017, "environ 2 personnes traitées", "alrededor de 2"),
        (0.35, "environ 35 personnes traitées", "alrededor de 35"),
    ] {
        let fr = single_arm(p, None, None, Lang::Fr, ("MSC", "Céphalée"), false, None)
            .unwrap()
            .text;
        assert!(fr.contains(&format!(": {fr_n} par MSC sur 100")), "{fr}");
        let es = single_arm(p, None, None, Lang::Es, ("MSC", "Cefalea"), false, None)
            .unwrap()
            .text;
        assert!(
            es.contains(&format!(": {es_n} de cada 100 personas")),
            "{es}"
        );
    }
}

#[test]
fn continuous_and_rate_outcomes_have_no_absolute_numbers() {
    let mut s = rct("a", progression(est(Measure::Md, -1.7, -2.03, -1.29)));
    s.n = Some(110);
    let a = appraise_outcome(&s, &s.outcomes[0], &AppraiseOptions::default(), "ms");
    assert!(a.absolute.is_none());
    assert!(a.note.unwrap().contains("not a risk"));
}

/// What a claim of a complete effect is measured against: people who had the outcome despite
/// the treatment, from a comparison only (one group cannot say what the treatment did).
#[test]
fn people_who_had_the_outcome_despite_the_treatment_come_from_a_comparison() {
    let a = drug_x(Measure::Rr, (0.5, 0.25, 1.0), 0.4);
    // The difference with its interval, as a summary-of-findings table gives it.
    assert!(
        a.text
            .contains("with drug X (200 fewer; 95% CI 300 fewer to about the same)."),
        "{}",
        a.text
    );
    let d = a.despite().unwrap();
    assert_eq!(
        d.words(Lang::En, "Drug X", "Relapse", None).unwrap(),
        ": relapse still affected about 20 in 100 people who had drug X (95% CI 10 to 40)"
    );
    // Without the data's article, Spanish and French quote the outcome's name; with it, the
    // outcome is a noun of the sentence.
    assert_eq!(
        d.words(Lang::Es, "Drug X", "Recaída", None).unwrap(),
        ": alrededor del 20\u{a0}% (IC del 95\u{a0}%: 10 a 40) de las personas tratadas con drug X aún se vieron afectadas por «recaída»"
    );
    assert_eq!(
        d.words(Lang::Es, "Drug X", "Recaída", Some("una")).unwrap(),
        ": alrededor del 20\u{a0}% (IC del 95\u{a0}%: 10 a 40) de las personas tratadas con drug X aún se vieron afectadas por una recaída"
    );
    assert_eq!(
        d.words(Lang::Fr, "Drug X", "Rechute", None).unwrap(),
        "\u{a0}: environ 20\u{202f}% (IC à 95\u{202f}%\u{a0}: 10 à 40) des personnes traitées par drug X ont encore été concernées par «\u{a0}rechute\u{a0}»"
    );
    assert_eq!(
        d.words(Lang::Fr, "Drug X", "Échec du traitement", Some("l’")).unwrap(),
        "\u{a0}: environ 20\u{202f}% (IC à 95\u{202f}%\u{a0}: 10 à 40) des personnes traitées par drug X ont encore été concernées par l’échec du traitement"
    );
    // Next to no one: nothing to say against a complete effect.
    let none = evidence_lens::appraise::Despite {
        per_100: 0.01,
        range: None,
        timepoint: None,
    };
    assert_eq!(none.words(Lang::En, "Drug X", "Relapse", None), None);
    let one_group = single_arm(
        0.3,
        None,
        None,
        Lang::En,
        ("Drug X", "Relapse"),
        false,
        None,
    )
    .unwrap();
    assert_eq!(one_group.despite(), None);
}

#[test]
fn a_harm_no_one_had_is_not_shown_as_no_risk() {
    // Zero deaths among 133 people, with a pooled interval (0 to 0.3%) narrower than 133 people
    // can give: the exact upper limit of a 95% interval for no events, 1 - 0.025^(1/133) = 2.7%,
    // rounded up, is said beside it, with why the two differ. The narrow interval is quoted
    // there, not beside the count, where it would read as the answer.
    let deaths = no_deaths;
    assert_eq!(
        deaths(Lang::En, Some(133)),
        "Deaths: 0 in 100 people who had MSC; the investigators judged which cases the \
         treatment caused. No such case among 133 people: a risk of up to 3 in 100 cannot be ruled out; \
         the interval given, 0 to 0.3 in 100, is narrower than that number of people can show."
    );
    assert!(deaths(Lang::Es, Some(133)).ends_with(
        "Ningún caso entre 133 personas: no se puede descartar un riesgo de hasta 3 de cada 100; \
         el intervalo indicado, de 0 a 0,3 de cada 100, es más estrecho de lo que ese número de \
         personas permite mostrar."
    ));
    assert!(deaths(Lang::Fr, Some(133)).ends_with(
        "Aucun cas parmi 133 personnes\u{a0}: un risque allant jusqu’à 3 sur 100 ne peut pas être \
         exclu\u{202f}; l’intervalle indiqué, de 0 à 0,3 sur 100, est plus étroit que ce que ce \
         nombre de personnes permet de montrer."
    ));
    // An interval wide enough is shown beside the count, as any other.
    assert!(deaths(Lang::En, Some(3000)).contains("0 in 100 people (95% CI 0 to 0.3) who had"));
    // The numbers the charts draw take what 133 people can show instead of the narrow one (the
    // harms view's range): up to 2.7 in 100.
    let drawn = |seen| {
        let a = single_arm(
            0.0,
            Some(0.0),
            Some(0.003),
            Lang::En,
            ("MSC", "Deaths"),
            true,
            Some(seen),
        );
        let p = a.unwrap().per_100;
        (p.treatment_lb, p.treatment_ub)
    };
    let (lower, upper) = drawn(133);
    assert_eq!(lower, Some(0.0));
    close(
        upper.unwrap(),
        100.0 * (1.0 - 0.025f64.powf(1.0 / 133.0)),
        1e-9,
    );
    assert_eq!(drawn(3000), (Some(0.0), Some(0.3)));
    // One person rules out almost nothing, in the singular; 3,000 rule out more than 2 in 1,000
    // (0.12%, rounded up: an upper limit never understated).
    assert!(
        deaths(Lang::En, Some(1)).contains("No such case in 1 person: a risk of up to 98 in 100"),
        "{}",
        deaths(Lang::En, Some(1))
    );
    assert!(deaths(Lang::Fr, Some(1)).contains("Aucun cas chez 1 personne"));
    let no_interval = |seen| {
        single_arm(
            0.0,
            None,
            None,
            Lang::En,
            ("MSC", "Deaths"),
            true,
            Some(seen),
        )
        .unwrap()
        .text
    };
    assert!(no_interval(3000).contains("a risk of up to 0.2 in 100"));
    // An interval given that reaches as far as 3,000 people can show needs no word.
    assert!(!deaths(Lang::En, Some(3000)).contains("No such case"));
    // Without an interval it is said plainly.
    assert!(
        no_interval(40).ends_with(
            "No such case among 40 people: a risk of up to 9 in 100 cannot be ruled out."
        ),
        "{}",
        no_interval(40)
    );
    // Not said without a number of people, nor when someone had it.
    assert!(!deaths(Lang::En, None).contains("ruled out"));
    let some = single_arm(
        0.01,
        None,
        None,
        Lang::En,
        ("MSC", "Deaths"),
        true,
        Some(133),
    )
    .unwrap();
    assert!(!some.text.contains("ruled out"), "{}", some.text);

    // In an appraisal: for a harm, from the proportion's own count, or from the study's people
    // when all of them had the treatment (not a cohort's or a trial's, which may include
    // others); not for a benefit no one had, nor where the interval computed from the count
    // already shows it.
    let with = |design, kind, data| {
        let o = outcome("o", "Deaths", kind, Better::Lower, data);
        let mut s = study("s", design, None, "MSC", vec![o]);
        s.n = Some(133);
        s
    };
    let text = |s: &Study| {
        appraise_outcome(
            s,
            &s.outcomes[0],
            &AppraiseOptions::default(),
            "Condition A",
        )
        .absolute
        .map(|a| a.text)
        .unwrap_or_default()
    };
    let reported = EffectData::Proportion(Proportion {
        measure: Measure::Pr,
        xi: None,
        ni: None,
        estimate: Some(0.0),
        ci_lb: Some(0.0),
        ci_ub: Some(0.003),
        level: Some(95.0),
    });
    let harm = OutcomeKind::Harm;
    assert!(text(&with(Design::SingleArm, harm, reported.clone()))
        .contains("No such case among 133 people"));
    assert!(!text(&with(Design::Cohort, harm, reported.clone())).contains("No such case"));
    let counted = text(&with(Design::Cohort, harm, prop(0, 40)));
    assert!(
        counted.contains("(95% CI 0 to 9)") && !counted.contains("No such case"),
        "{counted}"
    );
    let benefit = OutcomeKind::Benefit;
    assert!(!text(&with(Design::SingleArm, benefit, reported)).contains("No such case"));
    // A comparison with no events in the treated group is not a single group's count.
    let compared = text(&with(Design::Rct, harm, counts(0, 100, 3, 100)));
    assert!(!compared.contains("No such case"), "{compared}");
}

/// A single group's sentence names its subject as the comparative statement does.
#[test]
fn single_group_statements_name_the_treatment_or_this_treatment() {
    let named = Subject::Therapy {
        name: "Drug X",
        plural: false,
    };
    for (lang, subject, expected) in [
        (Lang::En, named, "what part drug X played in relapse"),
        (
            Lang::Es,
            named,
            "qué papel tuvo el tratamiento con drug X en",
        ),
        (Lang::Fr, named, "quel rôle le traitement par drug X a joué"),
        (
            Lang::En,
            Subject::Unnamed,
            "what part this treatment played",
        ),
        (
            Lang::Es,
            Subject::Unnamed,
            "qué papel tuvo este tratamiento en",
        ),
        (Lang::Fr, Subject::Unnamed, "quel rôle ce traitement a joué"),
    ] {
        let said = single_arm_statement(lang, subject, "Relapse", None, false, false);
        assert!(said.contains(expected), "{lang:?}: {said}");
    }
    // With its article, the outcome is a noun of the sentence; without, it is named in quotes.
    let es = |article| single_arm_statement(Lang::Es, named, "Recaída", article, true, false);
    assert!(
        es(Some("la")).ends_with("qué papel tuvo el tratamiento con drug X en la recaída."),
        "{}",
        es(Some("la"))
    );
    assert!(
        es(None).ends_with("en el resultado «recaída»."),
        "{}",
        es(None)
    );
    let attributed = single_arm_statement(Lang::Fr, Subject::Unnamed, "Fièvre", None, false, true);
    assert!(
        attributed
            .contains("ont jugé quels cas de «\u{a0}fièvre\u{a0}» ce traitement avait causés"),
        "{attributed}"
    );
}

/// Data that name no therapy get "this treatment" in the ratings' reasons and the claims' words
/// too: a single group's ("who had , with no comparison group") and an open trial's ("knew who
/// had ") had left a blank.
#[test]
fn reasons_about_data_that_name_no_therapy_say_this_treatment() {
    let study = |id: &str, design: &str, blinding: &str, data: &str| {
        format!(
            r#"{{"id": "{id}", "label": "{id}", "citation": {{"text": "x"}}, "source_kind": "paper",
            "condition": "c", "intervention": {{"therapy": ""}}, "design": "{design}",{blinding} "n": 40,
            "outcomes": [{{"id": "pain", "name": "Pain", "kind": "benefit", "better": "lower",
            "status": "verified", "data": {data}}}]}}"#
        )
    };
    let json = format!(
        r#"{{"schema": "evidence-lens/1", "studies": [{}, {}]}}"#,
        study(
            "single",
            "single_arm",
            "",
            r#"{"measure": "PR", "xi": 12, "ni": 40}"#
        ),
        study(
            "open",
            "rct",
            r#" "blinding": "open","#,
            r#"{"measure": "RR", "ai": 5, "n1i": 20, "ci": 10, "n2i": 20}"#
        ),
    );
    let parsed = parse_json(json.as_bytes());
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let data = parsed.dataset.unwrap();
    for (lang, subject) in [
        (Lang::En, "this treatment"),
        (Lang::Es, "este tratamiento"),
        (Lang::Fr, "ce traitement"),
    ] {
        let options = AppraiseOptions {
            lang,
            ..AppraiseOptions::default()
        };
        let outcomes = evidence_lens::appraise::appraise(&data, &options).outcomes;
        let reasons: Vec<&str> = (outcomes.iter())
            .flat_map(|o| o.reasons.iter().map(|r| r.text.as_str()))
            .collect();
        assert!(reasons.len() >= 2, "{lang:?}: {reasons:?}");
        for said in &reasons {
            assert!(
                !said.contains("  ") && !said.contains(" ,"),
                "{lang:?}: {said}"
            );
        }
        assert!(
            reasons.iter().filter(|r| r.contains(subject)).count() >= 2,
            "{lang:?}: {reasons:?}"
        );
    }
}

/// Reads the embed page's spreadsheet template, with the table reader (not the widget's).
#[cfg(feature = "table")]
mod template {
    use super::*;
    use evidence_lens::appraise::{appraise, OutcomeAppraisal};

    /// Data that name no therapy (the embed page's spreadsheet template) are about "this treatment"
    /// in every sentence: each study's statement, its absolute effect and its NNT, where they had said
    /// "Probably reduces relapse." and "about 120 with  (94 fewer…)".
    #[test]
    fn sentences_about_data_that_name_no_therapy_say_this_treatment() {
        let parsed = parse_csv(include_bytes!("../www/template.csv"));
        let data = parsed.dataset.expect("the template reads");
        assert!(data
            .studies
            .iter()
            .all(|s| s.intervention.therapy.is_empty()));
        for (lang, subject) in [
            (Lang::En, "This treatment"),
            (Lang::Es, "Este tratamiento"),
            (Lang::Fr, "Ce traitement"),
        ] {
            let options = AppraiseOptions {
                lang,
                ..AppraiseOptions::default()
            };
            let appraisal = appraise(&data, &options);
            let rated: Vec<&OutcomeAppraisal> = (appraisal.outcomes.iter())
                .filter(|o| o.certainty.is_some())
                .collect();
            assert!(rated.len() >= 4, "{lang:?}");
            for o in rated {
                assert!(
                    o.statement.starts_with(subject),
                    "{lang:?}: {}",
                    o.statement
                );
            }
            let with = subject.to_lowercase();
            let absolute: Vec<&Absolute> = (appraisal.outcomes.iter())
                .filter_map(|o| o.absolute.as_ref())
                .collect();
            assert!(absolute.len() >= 3, "{lang:?}");
            for a in absolute {
                let nnt = a.nnt.as_ref().map_or("", |n| n.text.as_str());
                for said in [&a.text, &a.short, nnt] {
                    assert!(said.contains(&with), "{lang:?}: {said}");
                }
            }
            let mut texts = Vec::new();
            collect_strings(&serde_json::to_value(&appraisal).unwrap(), &mut texts);
            for said in &texts {
                assert!(
                    !said.contains("  "),
                    "{lang:?}: a blank where a name was: {said}"
                );
            }
        }
    }

    fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
            _ => {}
        }
    }
}
