//! The built-in dataset: reads without errors, round-trips, and every number has a citation and a status.
// Uses the built-in dataset, which the browser build (wasm tests) does not compile in.
#![cfg(feature = "builtin-data")]

use evidence_lens::model::*;

#[test]
fn builtin_parses_without_errors_or_warnings() {
    let parsed = parse_json(BUILTIN_JSON.as_bytes());
    for p in parsed.errors.iter().chain(&parsed.warnings) {
        eprintln!("{p}");
    }
    assert!(parsed.errors.is_empty(), "errors: {:?}", parsed.errors);
    assert!(
        parsed.warnings.is_empty(),
        "warnings: {:?}",
        parsed.warnings
    );
    let ds = parsed.dataset.expect("dataset");
    let raw: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    assert_eq!(
        ds.studies.len(),
        raw["studies"].as_array().unwrap().len(),
        "no study dropped"
    );
    assert_eq!(
        ds.claims.len(),
        raw["claims"].as_array().unwrap().len(),
        "no claim dropped"
    );
    let outcomes: usize = raw["studies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["outcomes"].as_array().unwrap().len())
        .sum();
    assert_eq!(
        ds.studies.iter().map(|s| s.outcomes.len()).sum::<usize>(),
        outcomes,
        "no outcome dropped"
    );
}

#[test]
fn builtin_validates_in_code() {
    let (errors, warnings) = validate(&builtin());
    assert!(errors.is_empty(), "{errors:?}");
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn builtin_round_trips() {
    let ds = builtin();
    // Through our writer and reader.
    let text = ds.to_json_pretty();
    let again = parse_json(text.as_bytes());
    assert!(again.errors.is_empty(), "{:?}", again.errors);
    assert_eq!(again.dataset.as_ref(), Some(&ds));
    // Through serde's derived Deserialize.
    let via_serde: Dataset = serde_json::from_str(&text).expect("serde reads what it writes");
    assert_eq!(via_serde, ds);
    // The shipped file is in canonical form (what the writer produces), so edits show up as clean
    // diffs. After editing the file by hand, run with EVIDENCE_LENS_BLESS=1 to rewrite it canonically.
    if std::env::var_os("EVIDENCE_LENS_BLESS").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/data/ms-stem-cells.json");
        std::fs::write(path, format!("{text}\n")).unwrap();
        return;
    }
    assert!(BUILTIN_JSON.trim_end() == text, "src/data/ms-stem-cells.json is not in canonical form; run the test with EVIDENCE_LENS_BLESS=1");
}

/// Every number in the dataset is attributable: each outcome with data has a status other than
/// unverified and a traceable citation (its own or the study's); study-level numbers rely on the
/// study citation, which must be traceable.
#[test]
fn every_number_has_a_citation_and_a_status() {
    let ds = builtin();
    for s in &ds.studies {
        assert!(
            s.citation.is_traceable(),
            "study {} has no traceable citation",
            s.id
        );
        assert!(!s.citation.text.trim().is_empty());
        for o in &s.outcomes {
            assert_ne!(
                o.status,
                FactStatus::Unverified,
                "{}.{} is unverified",
                s.id,
                o.id
            );
            let c = o.citation.as_deref().unwrap_or(&s.citation);
            assert!(
                c.is_traceable() || s.citation.is_traceable(),
                "{}.{}",
                s.id,
                o.id
            );
            if o.status == FactStatus::Derived {
                assert!(
                    o.note.as_deref().is_some_and(|n| n.contains('=')),
                    "{}.{}: derived needs a formula",
                    s.id,
                    o.id
                );
            }
            if o.status == FactStatus::SourceDocument {
                let doc = o
                    .citation
                    .as_ref()
                    .and_then(|c| c.source_document.as_ref())
                    .or(s.citation.source_document.as_ref());
                assert!(
                    doc.is_some(),
                    "{}.{}: source_document status needs a source document",
                    s.id,
                    o.id
                );
            }
            if o.data.is_none() && s.status == StudyStatus::Completed {
                assert!(
                    o.reported.is_some(),
                    "{}.{}: completed without data must say what was reported",
                    s.id,
                    o.id
                );
            }
        }
    }
    for c in &ds.claims {
        assert!(
            c.citation.source_document.is_some(),
            "claim {} must point at its source document",
            c.id
        );
        for part in c.parts.iter().filter(|p| p.asserts == Assertion::Number) {
            assert!(part.value.is_some(), "{}", c.id);
        }
    }
    // Raw scan: every numeric leaf under an outcome's data lives in an outcome with a status.
    let raw: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    for s in raw["studies"].as_array().unwrap() {
        for o in s["outcomes"].as_array().unwrap() {
            if let Some(d) = o.get("data") {
                assert!(d.as_object().unwrap().values().any(|v| v.is_number()));
                assert!(o["status"].is_string(), "{o}");
                assert!(o.get("citation").is_some() || s.get("citation").is_some());
            }
        }
    }
}

#[test]
fn builtin_contains_the_key_facts() {
    let ds = builtin();
    let out = |s: &str, o: &str| {
        ds.study(s)
            .unwrap()
            .outcomes
            .iter()
            .find(|x| x.id == o)
            .unwrap()
            .clone()
    };
    match out("mesems_2021", "gel").data.unwrap() {
        EffectData::Estimate(e) => {
            assert_eq!(
                (e.measure, e.estimate, e.ci_lb, e.ci_ub),
                (Measure::Irr, 0.94, 0.58, 1.50)
            );
        }
        d => panic!("{d:?}"),
    }
    assert_eq!(
        out("mesems_2021", "ae_any").data,
        Some(EffectData::Counts(Counts::totals(
            Measure::Rr,
            35,
            69,
            42,
            75
        )))
    );
    assert_eq!(
        out("mesems_2021", "sae").data,
        Some(EffectData::Counts(Counts::totals(
            Measure::Rr,
            0,
            69,
            7,
            75
        )))
    );
    assert!(out("mesems_2021", "arr").data.is_none());
    assert_eq!(
        out("harris_2024", "edss_plus_improvement").status,
        FactStatus::Derived
    );
    assert_eq!(ds.study("beat_ms").unwrap().status, StudyStatus::Ongoing);
    assert_eq!(ds.study("star_ms").unwrap().n_planned, Some(198));
    assert_eq!(ds.study("star_ms").unwrap().n, Some(94));
    assert_eq!(
        ds.study("llufriu_2014").unwrap().n,
        Some(9),
        "Llufriu n = 9 (5 MSC, 4 placebo), as the abstract gives it"
    );
    assert!(
        ds.study("petrou_2020").unwrap().citation.doi.is_none(),
        "Petrou DOI is unverified"
    );
    assert!(
        ds.study("mesems_2021").unwrap().citation.doi.is_none(),
        "MESEMS DOI is inferred"
    );
    assert!(
        !BUILTIN_JSON.contains("awaa333"),
        "unverified Petrou DOI must not appear anywhere"
    );
    assert!(
        !BUILTIN_JSON.contains("42-54") && !BUILTIN_JSON.contains("42–54"),
        "unverified Muraro CI must not appear"
    );
    assert_eq!(
        ds.study("shi_2021").unwrap().condition,
        "HBV-related decompensated liver cirrhosis"
    );
    assert!(ds.claims.iter().any(|c| c.by == ClaimSource::Clinic));
}

/// What the widget shows every reader under "Things to know" (a study's caveats), beside a result
/// (its note) and as the reason for a publication-bias judgement says nothing of how the data were
/// made: no "source document 004", "line 41" or "trial-facts.md" (that is in
/// `src/data/provenance.md` and in each number's `citation`).
#[test]
fn what_readers_are_shown_says_nothing_of_how_the_data_were_made() {
    let ds = builtin();
    let workshop = [
        "source document",
        "documento fuente",
        "document source",
        "trial-facts",
        "audit",
        "auditoría",
        "(line ",
        "(lines ",
        "(línea",
        "(ligne",
    ];
    for s in &ds.studies {
        let mut shown: Vec<&Text> = s.caveats.iter().collect();
        shown.extend(s.outcomes.iter().filter_map(|o| o.note.as_ref()));
        shown.extend(s.publication_bias.iter().filter_map(|p| p.support.as_ref()));
        for text in shown {
            for lang in ["en", "es", "fr"] {
                let said = text.get(lang);
                for word in workshop {
                    assert!(!said.contains(word), "{}: {word:?} in {said}", s.id);
                }
            }
        }
    }
}

/// A claim's parts quote its words: each part's, in each language, is an excerpt of the claim
/// as said (English) or of its translation (a part may start a sentence of its own).
#[test]
fn every_claim_part_quotes_the_claim_or_its_translation() {
    let data = evidence_lens::model::builtin();
    let lower = |s: &str| s.to_lowercase();
    for c in &data.claims {
        for p in &c.parts {
            let Some(words) = &p.words else { continue };
            for lang in ["en", "es", "fr"] {
                let whole = match lang {
                    "en" => c.text.as_str(),
                    _ => c.translation.get(lang).map_or("", String::as_str),
                };
                let part = words.get(lang);
                assert!(
                    lower(whole).contains(&lower(part)),
                    "{} ({lang}): {part:?} is not in {whole:?}",
                    c.id
                );
            }
        }
    }
}
