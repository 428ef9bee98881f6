//! Builders for the small made-up datasets of the `appraise_*` tests (included with `#[path]`).
#![allow(dead_code)]

use evidence_lens::model::*;

pub fn outcome(
    id: &str,
    name: &str,
    kind: OutcomeKind,
    better: Better,
    data: EffectData,
) -> Outcome {
    Outcome {
        data: Some(data),
        status: FactStatus::Verified,
        ..Outcome::new(id.into(), name.into(), kind, better)
    }
}

/// A benefit outcome where lower is better ("disability progression").
pub fn progression(data: EffectData) -> Outcome {
    outcome(
        "progression",
        "Disability progression",
        OutcomeKind::Benefit,
        Better::Lower,
        data,
    )
}

pub fn study(
    id: &str,
    design: Design,
    blinding: Option<Blinding>,
    therapy: &str,
    outcomes: Vec<Outcome>,
) -> Study {
    Study {
        year: Some(2020),
        condition: "Condition A".into(),
        intervention: Intervention {
            therapy: therapy.into(),
            ..Default::default()
        },
        design,
        blinding,
        outcomes,
        ..Study::new(
            id.into(),
            format!("{id} study").into(),
            Citation::text(format!("{id} et al.")),
        )
    }
}

/// A double-blind RCT of "Drug X" with one outcome.
pub fn rct(id: &str, o: Outcome) -> Study {
    study(id, Design::Rct, Some(Blinding::Double), "Drug X", vec![o])
}

pub fn counts(ai: u64, n1: u64, ci: u64, n2: u64) -> EffectData {
    EffectData::Counts(Counts::totals(Measure::Rr, ai, n1, ci, n2))
}

pub fn est(measure: Measure, e: f64, lb: f64, ub: f64) -> EffectData {
    EffectData::Estimate(Estimate {
        measure,
        estimate: e,
        ci_lb: lb,
        ci_ub: ub,
        level: 95.0,
    })
}

pub fn prop(x: u64, n: u64) -> EffectData {
    EffectData::Proportion(Proportion {
        measure: Measure::Pr,
        xi: Some(x),
        ni: Some(n),
        estimate: None,
        ci_lb: None,
        ci_ub: None,
        level: None,
    })
}

pub fn generic(measure: Measure, yi: f64, vi: f64) -> EffectData {
    EffectData::Generic(Generic {
        measure,
        yi,
        vi: Some(vi),
        sei: None,
    })
}

pub fn dataset(studies: Vec<Study>, claims: Vec<Claim>) -> Dataset {
    Dataset {
        studies,
        claims,
        ..Default::default()
    }
}

pub fn claim(
    id: &str,
    therapy: &str,
    outcome: Option<&str>,
    asserts: Assertion,
    value: Option<f64>,
) -> Claim {
    Claim {
        id: id.into(),
        text: format!("claim {id}"),
        by: ClaimSource::Clinic,
        citation: Citation::text("A clinic's page"),
        therapy: therapy.into(),
        condition: "Condition A".into(),
        route: None,
        translation: Default::default(),
        parts: vec![ClaimPart {
            asserts,
            outcome: outcome.map(str::to_string),
            value,
            arm: None,
            timeframe: None,
            absolute: false,
            words: None,
            condition: None,
        }],
        studies: Vec::new(),
    }
}

/// A review's judgement of one risk-of-bias domain, with its support.
pub fn judged(domain: &str, judgement: Judgement) -> BiasJudgement {
    BiasJudgement {
        domain: domain.into(),
        judgement,
        support: Some("as the review says".into()),
    }
}
