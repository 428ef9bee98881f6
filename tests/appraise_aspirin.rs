//! A second dataset on an unrelated treatment and condition (aspirin after myocardial infarction,
//! seven trials from the Fleiss 1993 Cochrane example), with claims of every kind: the engine
//! knows this field only through the dataset's vocabulary. Each claim isolates one rule.
#![cfg(not(target_arch = "wasm32"))]

use evidence_lens::appraise::{appraise, AppraiseOptions, Certainty, ClaimCheck, Verdict};
use evidence_lens::model::{parse_json, Dataset};

fn dataset() -> Dataset {
    let parsed = parse_json(include_bytes!("data/aspirin-mi.json"));
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    parsed.dataset.unwrap()
}

fn checks() -> Vec<ClaimCheck> {
    appraise(&dataset(), &AppraiseOptions::default()).claims
}

fn claim<'a>(all: &'a [ClaimCheck], id: &str) -> &'a ClaimCheck {
    all.iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id}"))
}

#[test]
fn the_pooled_body_decides_and_its_certainty_is_shown() {
    let a = appraise(&dataset(), &AppraiseOptions::default());
    assert_eq!(a.condition.as_deref(), Some("myocardial infarction"));
    let body = &a.pooled[0];
    assert_eq!(body.k, 7);
    // Death has no default 25% threshold: a real reduction matters.
    assert_eq!(body.statement, "Aspirin probably reduces deaths.");
    let c = claim(&a.claims, "benefit");
    assert_eq!(c.verdict, Verdict::Supported);
    assert_eq!(c.certainty, body.certainty);
    assert!(c.evidence[0].pooled, "the verdict rests on the pooled body");
    assert_eq!(c.evidence[0].body.as_deref(), Some(body.id.as_str()));
    assert_eq!(
        c.evidence.len(),
        1,
        "studies in the pool are not counted again"
    );
}

#[test]
fn a_family_claim_is_supported_only_for_the_member_with_evidence() {
    let c = claim(&checks(), "family").clone();
    assert_eq!(c.verdict, Verdict::SupportedInPart);
    assert!(c.summary.contains("Only with aspirin."), "{}", c.summary);
}

#[test]
fn a_broader_condition_is_supported_only_for_the_population_studied() {
    let c = claim(&checks(), "population").clone();
    assert_eq!(c.verdict, Verdict::SupportedInPart);
    assert!(
        c.summary.contains("Only for myocardial infarction."),
        "{}",
        c.summary
    );
}

#[test]
fn another_member_or_condition_gets_no_evidence() {
    let all = checks();
    for id in ["other_member", "other_condition"] {
        let c = claim(&all, id);
        assert_eq!(c.verdict, Verdict::NoControlledEvidence, "{id}");
        assert!(c.evidence.is_empty(), "{id}: {:?}", c.evidence);
    }
}

#[test]
fn another_route_is_rated_down_once_with_the_reason_in_words() {
    let all = checks();
    let direct = claim(&all, "benefit").certainty.unwrap();
    let c = claim(&all, "route");
    assert_eq!(c.certainty, Some(Certainty::from_score(direct.score() - 1)));
    let e = &c.evidence[0];
    assert_eq!(e.indirectness.len(), 1, "{:?}", e.indirectness);
    assert!(e.indirectness[0].contains("another route (oral) than the claim's (intravenous)"));
}

#[test]
fn absolute_words_need_more_than_an_effect() {
    let c = claim(&checks(), "absolute").clone();
    assert_eq!(c.verdict, Verdict::SupportedInPart);
    assert!(c.summary.contains("not the complete effect"));
}

#[test]
fn deaths_the_treatment_prevents_are_not_its_harms() {
    let c = claim(&checks(), "no_risk").clone();
    assert_eq!(c.verdict, Verdict::NotSupported);
    assert!(c.summary.contains("no harms data"), "{}", c.summary);
}

#[test]
fn numbers_are_compared_with_the_treated_group_of_the_cited_trial() {
    let all = checks();
    // ISIS-2: 1,570 of 8,587 given aspirin died (18.3%).
    let right = claim(&all, "number_right");
    assert_eq!(right.verdict, Verdict::Supported, "{}", right.summary);
    assert_eq!(right.evidence[0].studies, ["isis-2"]);
    let wrong = claim(&all, "number_wrong");
    assert_eq!(wrong.verdict, Verdict::Contradicted);
}

#[test]
fn a_claim_of_two_things_is_one_claim_with_a_verdict_per_part() {
    let c = claim(&checks(), "two_parts").clone();
    assert_eq!(c.parts.len(), 2);
    assert_eq!(c.parts[0].verdict, Verdict::NotSupported);
    assert_eq!(c.parts[1].verdict, Verdict::Supported);
    assert_eq!(c.verdict, Verdict::SupportedInPart);
    assert!(c.summary.starts_with("“Aspirin is safe” — Not supported"));
}

#[test]
fn the_cli_appraises_it_end_to_end() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_evidence-lens"))
        .args(["appraise", "tests/data/aspirin-mi.json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let verdicts: Vec<&str> = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["verdict"].as_str().unwrap())
        .collect();
    for kind in [
        "supported",
        "supported_in_part",
        "not_supported",
        "contradicted",
        "no_controlled_evidence",
    ] {
        assert!(verdicts.contains(&kind), "{kind} in {verdicts:?}");
    }
}

/// The engine's code names no condition, therapy or outcome of the built-in dataset: that
/// knowledge is data (its vocabulary).
#[test]
fn the_engine_code_names_no_disease_or_therapy() {
    let words = [
        "multiple sclerosis",
        "sclerosis",
        "msc",
        "hsct",
        "stem cell",
        "stem-cell",
        "mesenchymal",
        "edss",
        "relapsing",
        "gadolinium",
        "cirrhosis",
        "rrms",
    ];
    let mut hits = Vec::new();
    for dir in [
        "src/appraise",
        "src/stats",
        "src/chart",
        "src/model",
        "src/cli",
    ] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap().to_lowercase();
            for (i, line) in text.lines().enumerate() {
                // The module that loads the built-in dataset names its file.
                if line.contains("ms-stem-cells.json") || line.contains("built-in dataset") {
                    continue;
                }
                for w in words {
                    let found = line.match_indices(w).any(|(at, _)| {
                        let before = line[..at].chars().next_back();
                        let after = line[at + w.len()..].chars().next();
                        !before.is_some_and(char::is_alphanumeric)
                            && !after.is_some_and(|c| c.is_alphanumeric() && c != 's')
                    });
                    if found {
                        hits.push(format!("{}:{}: {w}", path.display(), i + 1));
                    }
                }
            }
        }
    }
    assert!(hits.is_empty(), "{hits:#?}");
}

/// Trials that do not say how the drug was given are not direct evidence for a claim about one
/// route: rated down once, as another route is, saying why.
#[test]
fn an_unreported_route_is_not_direct_evidence_for_a_claimed_route() {
    let mut data = dataset();
    for s in &mut data.studies {
        s.intervention.route = None;
    }
    let all = appraise(&data, &AppraiseOptions::default()).claims;
    let direct = claim(&all, "benefit").certainty.unwrap();
    let c = claim(&all, "route");
    assert_eq!(c.certainty, Some(Certainty::from_score(direct.score() - 1)));
    let e = &c.evidence[0];
    assert_eq!(e.indirectness.len(), 1, "{:?}", e.indirectness);
    assert!(
        e.indirectness[0]
            .contains("did not report by which route it was given (the claim's: intravenous)"),
        "{:?}",
        e.indirectness
    );
}

/// A therapy and its alias in the vocabulary are one treatment for pooling; another drug's
/// trials of the same outcome are pooled on their own, each body told apart by its treatment in
/// the appraisal, its key and the forest.
#[test]
fn each_treatment_pools_on_its_own_and_an_alias_pools_with_its_therapy() {
    let mut data = dataset();
    data.studies[0].intervention.therapy = "acetylsalicylic acid".into();
    let a = appraise(&data, &AppraiseOptions::default());
    assert_eq!(a.pooled.len(), 1);
    assert_eq!(a.pooled[0].k, 7, "{:?}", a.pooled[0].refused);
    assert_eq!(a.pooled[0].id, "death");
    for s in &mut data.studies[..2] {
        s.intervention.therapy = "clopidogrel".into();
    }
    let a = appraise(&data, &AppraiseOptions::default());
    let bodies: Vec<_> = a
        .pooled
        .iter()
        .map(|p| (p.therapy.as_str(), p.id.as_str(), p.k, p.refused.is_none()))
        .collect();
    assert_eq!(
        bodies,
        [
            ("clopidogrel", "death/clopidogrel", 2, true),
            ("aspirin", "death/aspirin", 5, true)
        ]
    );
    assert!(
        a.pooled[0].statement.starts_with("Clopidogrel "),
        "{}",
        a.pooled[0].statement
    );
    assert!(
        a.pooled[1].statement.starts_with("Aspirin "),
        "{}",
        a.pooled[1].statement
    );
    assert_eq!(
        forest_groups(&data),
        [
            group(
                "Deaths · clopidogrel",
                &["MRC-1", "CDP"],
                "pooled/death/clopidogrel"
            ),
            group(
                "Deaths · aspirin",
                &["MRC-2", "GASP", "PARIS", "AMIS", "ISIS-2"],
                "pooled/death/aspirin"
            )
        ]
    );
}

/// A forest group: its title, its studies' labels and its diamond's key.
type Group = (String, Vec<String>, Option<String>);

fn group(title: &str, studies: &[&str], diamond: &str) -> Group {
    let studies = studies.iter().map(|s| s.to_string()).collect();
    (title.to_string(), studies, Some(diamond.to_string()))
}

/// The forest's groups of `data`, in order.
fn forest_groups(data: &Dataset) -> Vec<Group> {
    use evidence_lens::chart::forest::RowKind;
    use evidence_lens::chart::{Scene, ViewOptions};
    let options = ViewOptions::from_json(r#"{"view": "forest"}"#).unwrap();
    let Scene::Forest(f) = Scene::build(data, &options) else {
        panic!("not a forest")
    };
    let mut groups: Vec<Group> = Vec::new();
    for r in f.panels.iter().flat_map(|p| &p.rows) {
        match (r.kind, groups.last_mut()) {
            (RowKind::Header, _) => groups.push((r.label.clone(), Vec::new(), None)),
            (RowKind::Study, Some(g)) => g.1.push(r.label.clone()),
            (RowKind::Pooled, Some(g)) => g.2 = Some(r.key.clone()),
            _ => {}
        }
    }
    groups
}

/// Bodies are told apart in the forest whenever their names are alike, even under other ids; a
/// combination the vocabulary does not name is a treatment of its own, not the drug whose name
/// it holds; and an alias names its body by the vocabulary's term.
#[test]
fn a_combination_pools_on_its_own_and_bodies_of_one_name_are_told_apart() {
    let mut data = dataset();
    for s in &mut data.studies[..2] {
        s.intervention.therapy = "aspirin plus clopidogrel".into();
    }
    for s in &mut data.studies[2..4] {
        s.intervention.therapy = "clopidogrel".into();
        s.outcomes[0].id = "mortality".into();
    }
    data.studies[4].intervention.therapy = "ASA".into();
    let a = appraise(&data, &AppraiseOptions::default());
    let bodies: Vec<_> = a
        .pooled
        .iter()
        .map(|p| (p.therapy.as_str(), p.id.as_str(), p.k))
        .collect();
    assert_eq!(
        bodies,
        [
            (
                "aspirin plus clopidogrel",
                "death/aspirin plus clopidogrel",
                2
            ),
            ("clopidogrel", "mortality", 2),
            ("aspirin", "death/aspirin", 3)
        ]
    );
    // "Clopidogrel prevents deaths" is not supported by trials of the combination as if they
    // were of clopidogrel: they count only indirectly (low certainty: 2,768 people, short of the
    // optimal information size, and indirect), and clopidogrel's own trials, the more certain
    // evidence, probably show little or no difference.
    let c = a.claims.iter().find(|c| c.id == "other_member").unwrap();
    assert_eq!(c.verdict, Verdict::Contradicted, "{}", c.summary);
    let combination = c.evidence.iter().find(|e| e.studies[0] == "mrc-1").unwrap();
    assert!(
        combination.indirectness[0].contains("aspirin plus clopidogrel is broader"),
        "{:?}",
        combination.indirectness
    );
    let titles: Vec<String> = forest_groups(&data).into_iter().map(|g| g.0).collect();
    assert_eq!(
        titles,
        [
            "Deaths · aspirin plus clopidogrel",
            "Deaths · clopidogrel",
            "Deaths · aspirin"
        ]
    );
}

/// A pooled body with a study outside the question (a trial in stroke) is no answer's; its
/// members within the question then answer on their own, rather than leaving the card
/// saying that no controlled study has shown anything.
#[test]
fn a_body_outside_the_question_leaves_its_trials_to_answer() {
    let mut data = dataset();
    data.studies[0].condition = "stroke".into();
    let a = appraise(&data, &AppraiseOptions::default());
    assert_eq!(a.pooled[0].k, 7);
    let aspirin = &a.answers[0];
    let benefit = aspirin.benefit.as_ref().expect("a controlled benefit");
    assert!(benefit.controlled, "{}", aspirin.headline);
    assert_eq!(benefit.studies, ["isis-2"]);
    assert_eq!(aspirin.headline, "Aspirin reduces deaths.");
}

/// A treatment is its vocabulary term when its name is one (or holds one, "low-dose aspirin");
/// a name that holds two terms, neither within the other, is a combination and its own.
#[test]
fn a_treatment_is_its_term_unless_it_names_two() {
    let data = dataset();
    let lexicon = evidence_lens::appraise::matching::Lexicon::new(&data.vocabulary);
    for (name, key) in [
        ("ASA", "aspirin"),
        ("low-dose aspirin", "aspirin"),
        ("aspirin plus clopidogrel", "aspirin plus clopidogrel"),
        ("aspirin + clopidogrel", "aspirin clopidogrel"),
        ("aspirin with clopidogrel", "aspirin with clopidogrel"),
        // Joined in Spanish or French to a drug the vocabulary does not know.
        ("aspirin y dipiridamol", "aspirin y dipiridamol"),
        ("aspirin et dipyridamole", "aspirin et dipyridamole"),
        // In capitals, the same letters are abbreviations, not joining words.
        ("aspirin OU", "aspirin"),
        ("aspirin Y-90", "aspirin"),
    ] {
        assert_eq!(lexicon.treatment_key(name), key, "{name}");
    }
}

/// The aspirin data with a claim of two parts, the second about the people of `condition`, and a
/// condition "a first myocardial infarction" within myocardial infarction.
fn narrowed(condition: &str) -> evidence_lens::model::Parsed {
    narrowed_from("heart attack", condition)
}

/// [`narrowed`], with the claim about the people of `claims_condition`.
fn narrowed_from(claims_condition: &str, condition: &str) -> evidence_lens::model::Parsed {
    let mut d: serde_json::Value =
        serde_json::from_slice(include_bytes!("data/aspirin-mi.json")).unwrap();
    let first = serde_json::json!({"id": "first_mi", "name": "a first myocardial infarction", "broader": ["mi"]});
    d["vocabulary"]["conditions"]
        .as_array_mut()
        .unwrap()
        .push(first);
    let part =
        serde_json::json!({"asserts": "benefit", "outcome": "death", "words": "saves lives"});
    let mut fewer = part.clone();
    fewer["condition"] = condition.into();
    fewer["words"] = "above all after a first heart attack".into();
    let text = "Aspirin saves lives, above all after a first heart attack.";
    let narrowed = serde_json::json!({"id": "narrowed", "text": text, "by": "news",
        "citation": {"text": "Made-up claim for testing"}, "therapy": "aspirin",
        "condition": claims_condition, "parts": [part, fewer]});
    d["claims"].as_array_mut().unwrap().push(narrowed);
    parse_json(d.to_string().as_bytes())
}

#[test]
fn a_part_about_fewer_people_counts_the_wider_studies_only_indirectly() {
    let parsed = narrowed("first_mi");
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let dataset = parsed.dataset.unwrap();
    assert_eq!(
        dataset.claims.last().unwrap().parts[1].condition.as_deref(),
        Some("first_mi")
    );
    let all = appraise(&dataset, &AppraiseOptions::default()).claims;
    let c = claim(&all, "narrowed");
    let (everyone, some) = (&c.parts[0], &c.parts[1]);
    // The trials of everyone after a heart attack are direct for the claim's people, and count
    // for those after a first one only indirectly: rated down once, with the reason in words.
    let direct = claim(&all, "benefit").certainty;
    assert_eq!(everyone.certainty, direct);
    assert!(everyone.evidence.iter().all(|e| e.indirectness.is_empty()));
    let lower = direct.map(|d| Certainty::from_score(d.score() - 1));
    assert_eq!(some.certainty, lower, "{}", some.summary);
    assert!(!some.evidence.is_empty());
    for e in &some.evidence {
        assert_eq!(e.indirectness.len(), 1, "{:?}", e.indirectness);
        assert!(e.indirectness[0].ends_with("had a first myocardial infarction"));
    }
}

#[test]
fn a_part_condition_is_found_as_the_appraisal_finds_it() {
    // By its name in another case, within a claim whose people are named by words that hold an
    // alias: the reader accepts what the appraisal understands, and the part is checked for them.
    let parsed = narrowed_from(
        "People after a HEART ATTACK",
        "A First Myocardial Infarction",
    );
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let all = appraise(&parsed.dataset.unwrap(), &AppraiseOptions::default()).claims;
    let some = &claim(&all, "narrowed").parts[1];
    assert!(!some.evidence.is_empty());
    for e in &some.evidence {
        assert_eq!(e.indirectness.len(), 1, "{:?}", e.indirectness);
        assert!(e.indirectness[0].ends_with("had a first myocardial infarction"));
    }
}

#[test]
fn a_part_condition_that_does_not_narrow_the_claims_people_is_said_and_left_out() {
    // An empty one is an error; one unknown, unrelated (stroke) or broader (cardiovascular
    // disease) is a warning naming the field, and the part is checked for the claim's people.
    let empty = narrowed("");
    assert!(
        (empty.errors.iter()).any(|p| p.path == "claims[11].parts[1].condition"),
        "{:?}",
        empty.errors
    );
    for condition in ["no_such_term", "stroke", "cvd", "mi"] {
        let parsed = narrowed(condition);
        assert!(parsed.errors.is_empty(), "{condition}: {:?}", parsed.errors);
        let warned = (parsed.warnings.iter())
            .find(|p| p.path == "claims[11].parts[1].condition")
            .unwrap_or_else(|| panic!("{condition}: {:?}", parsed.warnings));
        assert!(
            warned.message().contains("within the claim's"),
            "{}",
            warned.message()
        );
        let dataset = parsed.dataset.unwrap();
        assert_eq!(dataset.claims.last().unwrap().parts[1].condition, None);
        let all = appraise(&dataset, &AppraiseOptions::default()).claims;
        let c = claim(&all, "narrowed");
        assert_eq!(
            c.parts[1].certainty,
            claim(&all, "benefit").certainty,
            "{condition}"
        );
    }
}

/// Controlled trials that report only harms have not shown whether the treatment works, nor
/// failed to: the answer says what they report, not that no controlled study has shown anything.
#[test]
fn controlled_trials_of_harms_alone_are_said_to_report_harms() {
    let mut data = dataset();
    for s in &mut data.studies {
        for o in &mut s.outcomes {
            o.kind = evidence_lens::model::OutcomeKind::Harm;
        }
    }
    let a = appraise(&data, &AppraiseOptions::default());
    let aspirin = a
        .answers
        .iter()
        .find(|x| x.therapy == "aspirin")
        .expect("aspirin");
    assert!(aspirin.benefit.is_none());
    assert!(aspirin.harm.as_ref().is_some_and(|h| h.controlled));
    assert_eq!(
        aspirin.headline,
        "The studies of aspirin here report its harms, not how well it works."
    );
}
