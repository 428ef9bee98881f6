//! JSON reader: every class of problem, with its exact path and wording.
// Uses the built-in dataset, which the browser build (wasm tests) does not compile in.
#![cfg(feature = "builtin-data")]

use evidence_lens::model::*;
use serde_json::{json, Value};

fn study(id: &str) -> Value {
    json!({
        "id": id, "label": format!("Study {id}"), "year": 2019,
        "citation": {"text": "Someone et al. 2019", "doi": "10.1/x"},
        "source_kind": "paper", "condition": "multiple sclerosis",
        "intervention": {"therapy": "MSC"}, "design": "rct",
        "outcomes": [{
            "id": "o1", "name": "Relapse", "kind": "benefit", "better": "lower", "status": "verified",
            "data": {"measure": "RR", "ai": 3, "n1i": 20, "ci": 9, "n2i": 21}
        }]
    })
}

fn dataset(studies: Vec<Value>) -> Value {
    json!({"schema": "evidence-lens/1", "studies": studies, "claims": []})
}

fn parse(v: &Value) -> Parsed {
    parse_json(serde_json::to_string(v).unwrap().as_bytes())
}

fn msgs(p: &[Problem]) -> Vec<String> {
    p.iter().map(ToString::to_string).collect()
}

#[track_caller]
fn has_error(p: &Parsed, expected: &str) {
    let all = msgs(&p.errors);
    assert!(
        all.iter().any(|m| m == expected),
        "expected error\n  {expected}\ngot\n  {}",
        all.join("\n  ")
    );
}

#[track_caller]
fn has_warning(p: &Parsed, expected: &str) {
    let all = msgs(&p.warnings);
    assert!(
        all.iter().any(|m| m == expected),
        "expected warning\n  {expected}\ngot\n  {}",
        all.join("\n  ")
    );
}

/// A dataset with one outcome whose `data` is replaced.
fn with_data(data: Value) -> Parsed {
    let mut s = study("a");
    s["outcomes"][0]["data"] = data;
    parse(&dataset(vec![s]))
}

#[test]
fn valid_minimal_dataset_is_clean() {
    let p = parse(&dataset(vec![study("a"), study("b")]));
    assert!(
        p.errors.is_empty() && p.warnings.is_empty(),
        "{:?} {:?}",
        p.errors,
        p.warnings
    );
    assert_eq!(p.dataset.unwrap().studies.len(), 2);
}

#[test]
fn wrong_types() {
    let mut s = study("a");
    s["year"] = json!("2019a");
    s["n"] = json!(12.5);
    s["label"] = json!(7);
    s["caveats"] = json!(["ok", 3]);
    s["outcomes"][0]["surrogate"] = json!("yes");
    let p = parse(&dataset(vec![study("x"), study("y"), study("z"), s]));
    has_error(
        &p,
        "studies[3].year: expected a whole number, found \"2019a\"",
    );
    has_error(&p, "studies[3].n: expected a whole number, found 12.5");
    has_error(&p, "studies[3].label: expected a string, found 7");
    has_error(&p, "studies[3].caveats[1]: expected a string, found 3");
    has_error(
        &p,
        "studies[3].outcomes[0].surrogate: expected true or false, found \"yes\"",
    );
    // The bad study is dropped, the good ones kept.
    let ids: Vec<String> = p
        .dataset
        .unwrap()
        .studies
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["x", "y", "z"]);
}

#[test]
fn quoted_numbers_get_a_hint() {
    let p = with_data(json!({"measure": "HR", "estimate": "0.5", "ci_lb": 0.2, "ci_ub": 0.9}));
    has_error(&p, "studies[0].outcomes[0].data.estimate: expected a number, found the string \"0.5\" (remove the quotes)");
}

#[test]
fn missing_required_fields() {
    let mut s = study("b");
    s.as_object_mut().unwrap().remove("design");
    s["outcomes"][0].as_object_mut().unwrap().remove("kind");
    s["citation"].as_object_mut().unwrap().remove("text");
    let p = parse(&dataset(vec![study("a"), s]));
    has_error(&p, "studies[1]: missing required field \"design\"");
    has_error(
        &p,
        "studies[1].outcomes[0]: missing required field \"kind\"",
    );
    has_error(&p, "studies[1].citation: missing required field \"text\"");
}

#[test]
fn unknown_fields_with_suggestions() {
    let mut s = study("a");
    s["yaer"] = json!(2020);
    s["outcomes"][0]["data"]["n1"] = json!(3);
    s["something_else"] = json!(1);
    let p = parse(&dataset(vec![s]));
    has_error(
        &p,
        "studies[0].yaer: unknown field \"yaer\" (did you mean \"year\"?)",
    );
    has_error(
        &p,
        "studies[0].outcomes[0].data.n1: unknown field \"n1\" (did you mean \"n1i\"?)",
    );
    assert!(msgs(&p.errors).iter().any(|m| m.starts_with(
        "studies[0].something_else: unknown field \"something_else\"; expected one of id, label, year,"
    )));
}

/// Fields are matched against the known ones in any order: in the list's order, backwards, and
/// with unknown names among them, each unknown one is reported once and nothing else.
#[test]
fn unknown_fields_in_any_order() {
    let Value::Object(fields) = study("a") else {
        unreachable!()
    };
    let mut entries: Vec<(String, Value)> = fields.into_iter().collect();
    // The order of the reader's list of a study's fields (the schema's order).
    let order = [
        "id",
        "label",
        "year",
        "citation",
        "source_kind",
        "condition",
        "intervention",
        "design",
        "outcomes",
    ];
    entries.sort_by_key(|(k, _)| order.iter().position(|f| f == k));
    let text = |entries: &[(String, Value)]| {
        let body: Vec<String> = entries
            .iter()
            .map(|(k, v)| format!("{}:{v}", Value::from(k.as_str())))
            .collect();
        format!(
            r#"{{"schema":"evidence-lens/1","studies":[{{{}}}],"claims":[]}}"#,
            body.join(",")
        )
    };
    let unknown = |entries: &[(String, Value)]| {
        let p = parse_json(text(entries).as_bytes());
        let mut found: Vec<String> = msgs(&p.errors)
            .into_iter()
            .filter(|m| m.contains("unknown field"))
            .collect();
        found.sort();
        found
    };
    assert_eq!(
        unknown(&entries),
        Vec::<String>::new(),
        "in the list's order"
    );
    entries.reverse();
    assert_eq!(unknown(&entries), Vec::<String>::new(), "backwards");
    entries.insert(3, ("colour".into(), json!("red")));
    entries.push(("zzz".into(), json!(1)));
    entries.insert(0, ("yaer".into(), json!(2020)));
    let found = unknown(&entries);
    assert_eq!(found.len(), 3, "{found:?}");
    for name in ["colour", "yaer", "zzz"] {
        assert!(
            found
                .iter()
                .any(|m| m.starts_with(&format!("studies[0].{name}: unknown field"))),
            "{name}: {found:?}"
        );
    }
}

/// Where ids repeat (validation reports and drops the later ones), the index keeps the first
/// study, as `Dataset::study` does.
#[test]
fn studies_by_id_keeps_the_first_of_an_id() {
    let study =
        |id: &str, label: &str| Study::new(id.into(), Text::plain(label), Citation::default());
    let data = Dataset {
        studies: vec![
            study("a", "first a"),
            study("b", "b"),
            study("a", "second a"),
        ],
        ..Dataset::default()
    };
    let index = data.studies_by_id();
    assert_eq!(index.len(), 2);
    for id in ["a", "b"] {
        assert!(std::ptr::eq(index[id], data.study(id).unwrap()), "{id}");
    }
    assert_eq!(index["a"].label, Text::plain("first a"));
}

#[test]
fn counts_must_be_whole_and_non_negative() {
    let p = with_data(json!({"ai": -3, "n1i": 20.5, "ci": 4, "n2i": 20}));
    has_error(
        &p,
        "studies[0].outcomes[0].data.ai: expected a count (a whole number, 0 or more), found -3",
    );
    has_error(
        &p,
        "studies[0].outcomes[0].data.n1i: expected a count (a whole number, 0 or more), found 20.5",
    );
    // 20.0 is a whole number and accepted.
    let p = with_data(json!({"ai": 3, "n1i": 20.0, "ci": 4, "n2i": 20}));
    assert!(p.errors.is_empty(), "{:?}", p.errors);
}

#[test]
fn events_larger_than_totals() {
    let p = with_data(json!({"ai": 30, "n1i": 20, "ci": 4, "n2i": 20}));
    has_error(&p, "studies[0].outcomes[0].data.ai: 30 events (ai) is more than the 20 participants in the arm (n1i)");
    let p = with_data(json!({"measure": "PR", "xi": 11, "ni": 10}));
    has_error(&p, "studies[0].outcomes[0].data.xi: 11 events (xi) is more than the 10 participants in the arm (ni)");
}

#[test]
fn confidence_interval_checks() {
    let p = with_data(json!({"measure": "RR", "estimate": 0.94, "ci_lb": 1.7, "ci_ub": 2.5}));
    has_error(
        &p,
        "studies[0].outcomes[0].ci: lower bound 1.70 is above the estimate 0.94",
    );
    let p = with_data(json!({"measure": "MD", "estimate": -1.7, "ci_lb": -2.03, "ci_ub": -1.8}));
    has_error(
        &p,
        "studies[0].outcomes[0].ci: upper bound -1.80 is below the estimate -1.70",
    );
    let p = with_data(json!({"measure": "OR", "estimate": 1.0, "ci_lb": 1.5, "ci_ub": 0.58}));
    has_error(
        &p,
        "studies[0].outcomes[0].ci: lower bound 1.50 is above the upper bound 0.58",
    );
    assert_eq!(
        p.errors.len(),
        1,
        "lower > upper is reported once: {:?}",
        p.errors
    );
    let p = with_data(json!({"measure": "PR", "estimate": 0.35, "ci_lb": 0.4, "ci_ub": 0.46}));
    has_error(
        &p,
        "studies[0].outcomes[0].ci: lower bound 0.40 is above the estimate 0.35",
    );
}

/// A ratio far from what trials find (a p-value or a log typed as the ratio) is warned about, and
/// kept: it is only unlikely.
#[test]
fn an_implausible_ratio_is_a_warning() {
    let p = with_data(json!({"measure": "HR", "estimate": 1e-20, "ci_lb": 1e-21, "ci_ub": 1e-19}));
    assert!(p.errors.is_empty(), "{:?}", msgs(&p.errors));
    assert!(msgs(&p.warnings).iter().any(|m| m.starts_with("studies[0].outcomes[0].data.estimate: HR 0.00000000000000000001 is far from what trials find")), "{:?}", msgs(&p.warnings));
    let p = with_data(json!({"measure": "OR", "estimate": 2500.0, "ci_lb": 10.0, "ci_ub": 9000.0}));
    assert!(
        msgs(&p.warnings)
            .iter()
            .any(|m| m.contains("OR 2500.00 is far from what trials find")),
        "{:?}",
        msgs(&p.warnings)
    );
    let p = with_data(json!({"measure": "OR", "estimate": 5.0, "ci_lb": 0.02, "ci_ub": 1500.0}));
    assert!(
        !msgs(&p.warnings)
            .iter()
            .any(|m| m.contains("far from what trials find")),
        "a wide interval alone is no sign"
    );
}

#[test]
fn ratio_measures_must_be_positive() {
    let p = with_data(json!({"measure": "HR", "estimate": -0.5, "ci_lb": 0.0, "ci_ub": 0.24}));
    has_error(
        &p,
        "studies[0].outcomes[0].data.estimate: -0.50 is not positive; a HR is a ratio and must be above 0 (give it on the natural scale, not the log scale)",
    );
    has_error(
        &p,
        "studies[0].outcomes[0].data.ci_lb: 0.00 is not positive; a HR is a ratio and must be above 0 (give it on the natural scale, not the log scale)",
    );
}

#[test]
fn non_finite_numbers_are_named() {
    let p = with_data(
        json!({"measure": "HR", "estimate": "NaN", "ci_lb": "-Infinity", "ci_ub": "inf"}),
    );
    has_error(
        &p,
        "studies[0].outcomes[0].data.estimate: expected a finite number, found \"NaN\"",
    );
    has_error(
        &p,
        "studies[0].outcomes[0].data.ci_lb: expected a finite number, found \"-Infinity\"",
    );
    has_error(
        &p,
        "studies[0].outcomes[0].data.ci_ub: expected a finite number, found \"inf\"",
    );
    // Bare literals are not JSON; the syntax error says what they are.
    let text = r#"{"schema": "evidence-lens/1", "studies": [{"x": NaN}]}"#;
    let p = parse_json(text.as_bytes());
    assert!(p.dataset.is_none());
    assert_eq!(
        msgs(&p.errors),
        ["line 1, column 49: NaN is not allowed in JSON; numbers must be finite"]
    );
    let p = parse_json(b"{\"a\": Infinity}");
    assert!(
        msgs(&p.errors)[0].contains("Infinity is not allowed in JSON"),
        "{:?}",
        p.errors
    );
}

#[test]
fn standard_deviations_must_be_positive() {
    let p =
        with_data(json!({"m1i": 1.0, "sd1i": 0, "n1i": 10, "m2i": 2.0, "sd2i": -1.5, "n2i": 10}));
    has_error(
        &p,
        "studies[0].outcomes[0].data.sd1i: standard deviation must be above 0, found 0.00",
    );
    has_error(
        &p,
        "studies[0].outcomes[0].data.sd2i: standard deviation must be above 0, found -1.50",
    );
}

#[test]
fn each_data_form_allows_its_own_measures() {
    let measure_errors = |data: Value| -> Vec<String> {
        msgs(&with_data(data).errors)
            .into_iter()
            .filter(|m| m.contains("cannot be used with"))
            .collect()
    };
    let means = json!({"m1i": 1, "sd1i": 1, "n1i": 10, "m2i": 2, "sd2i": 1, "n2i": 10});
    let mut rr_means = means.clone();
    rr_means["measure"] = json!("RR");
    assert_eq!(
        measure_errors(rr_means),
        ["studies[0].outcomes[0].data.measure: measure RR cannot be used with means; expected one of MD, SMD"]
    );
    let mut smd_means = means;
    smd_means["measure"] = json!("SMD");
    assert!(measure_errors(smd_means).is_empty());
    assert_eq!(
        measure_errors(json!({"measure": "PR", "estimate": 0.5, "ci_lb": 0.2, "ci_ub": 0.9})),
        Vec::<String>::new(),
        "a reported PR is a proportion, not an estimate of a comparison"
    );
    assert_eq!(
        measure_errors(json!({"measure": "RR", "xi": 3, "ni": 10})),
        ["studies[0].outcomes[0].data.measure: measure RR cannot be used with a proportion; expected one of PR, PLO"]
    );
    assert_eq!(
        measure_errors(json!({"measure": "GEN", "estimate": 0.5, "ci_lb": 0.2, "ci_ub": 0.9})),
        ["studies[0].outcomes[0].data.measure: measure GEN cannot be used with an estimate; expected one of RR, OR, HR, IRR, MD, RD, SMD"]
    );
    // Generic yi/vi may be on any scale.
    for measure in ["HR", "PLO", "GEN"] {
        let errors = measure_errors(json!({"measure": measure, "yi": 0.1, "vi": 0.04}));
        assert!(errors.is_empty(), "{measure}: {errors:?}");
    }
}

#[test]
fn unknown_measures_and_enum_values() {
    let p = with_data(json!({"measure": "XX", "ai": 1, "n1i": 10, "ci": 2, "n2i": 10}));
    has_error(&p, "studies[0].outcomes[0].data.measure: unknown measure \"XX\"; expected one of RR, OR, RD, HR, IRR, MD, SMD, PR, PLO, GEN");
    let p = with_data(json!({"measure": "HR", "ai": 1, "n1i": 10, "ci": 2, "n2i": 10}));
    has_error(&p, "studies[0].outcomes[0].data.measure: measure HR cannot be used with counts; expected one of RR, OR, RD");
    let mut s = study("a");
    s["design"] = json!("trial");
    s["source_kind"] = json!("blog");
    let p = parse(&dataset(vec![s]));
    has_error(&p, "studies[0].design: unknown design \"trial\"; expected one of rct, crossover_rct, non_randomised_controlled, single_arm, cohort, case_series, systematic_review, unknown");
    has_error(&p, "studies[0].source_kind: unknown source kind \"blog\"; expected one of paper, registry, news, marketing");
}

#[test]
fn data_forms_are_recognised_or_explained() {
    let p = with_data(json!({"measure": "RR", "n1i": 10, "n2i": 10}));
    assert!(msgs(&p.errors)[0].starts_with("studies[0].outcomes[0].data: cannot tell the data form from the fields [measure, n1i, n2i]"), "{:?}", p.errors);
    let p = with_data(json!({"ai": 1, "n1i": 10, "ci": 2, "n2i": 10, "m1i": 3.0}));
    has_error(&p, "studies[0].outcomes[0].data: mixes fields of counts and means; give one data form per outcome");
    let p = with_data(json!({"ai": 1, "bi": 9, "ci": 2, "n2i": 10}));
    has_error(&p, "studies[0].outcomes[0].data: mixes 2×2 cells (bi, di) with arm totals (n1i, n2i); give ai, bi, ci, di or ai, n1i, ci, n2i");
    let p = with_data(json!({"yi": 0.1, "vi": 0.02, "sei": 0.1}));
    has_error(&p, "studies[0].outcomes[0].data: give vi or sei, not both");
    let p = with_data(json!({"yi": 0.1, "vi": 0}));
    has_error(
        &p,
        "studies[0].outcomes[0].data.vi: vi must be above 0, found 0.00",
    );
    let p = with_data(json!({"measure": "PR", "estimate": 46, "ni": 281}));
    has_error(&p, "studies[0].outcomes[0].data.estimate: proportion 46.00 is outside 0 to 1; give proportions as fractions (0.46 for 46%)");
    // All five forms read.
    for d in [
        json!({"ai": 1, "bi": 9, "ci": 2, "di": 8}),
        json!({"measure": "OR", "ai": 1, "n1i": 10, "ci": 2, "n2i": 10}),
        json!({"measure": "SMD", "m1i": 1.0, "sd1i": 1.0, "n1i": 10, "m2i": 2.0, "sd2i": 1.5, "n2i": 10}),
        json!({"measure": "IRR", "estimate": 0.94, "ci_lb": 0.58, "ci_ub": 1.5}),
        json!({"measure": "PLO", "xi": 3, "ni": 10}),
        json!({"yi": -0.2, "sei": 0.1}),
    ] {
        let p = with_data(d.clone());
        assert!(p.errors.is_empty(), "{d}: {:?}", p.errors);
    }
}

#[test]
fn duplicate_ids() {
    let mut s = study("a");
    let o = s["outcomes"][0].clone();
    s["outcomes"].as_array_mut().unwrap().push(o);
    let p = parse(&dataset(vec![s, study("b"), study("a")]));
    has_error(
        &p,
        "studies[0].outcomes[1].id: duplicate id \"o1\" (first used by studies[0].outcomes[0])",
    );
    has_error(
        &p,
        "studies[2].id: duplicate id \"a\" (first used by studies[0])",
    );
    let ds = p.dataset.unwrap();
    assert_eq!(ds.studies.len(), 2);
    assert_eq!(ds.studies[0].outcomes.len(), 1);
}

#[test]
fn duplicate_ids_among_many_outcomes() {
    // Past a few outcomes a study's ids are checked through a map: the same errors.
    let mut s = study("a");
    let o = s["outcomes"][0].clone();
    let outcomes = s["outcomes"].as_array_mut().unwrap();
    for i in 2..=30 {
        let mut x = o.clone();
        x["id"] = json!(format!("o{i}"));
        outcomes.push(x);
    }
    outcomes.push(outcomes[2].clone());
    let p = parse(&dataset(vec![s]));
    has_error(
        &p,
        "studies[0].outcomes[30].id: duplicate id \"o3\" (first used by studies[0].outcomes[2])",
    );
    assert_eq!(p.dataset.unwrap().studies[0].outcomes.len(), 30);
}

fn claim(id: &str, studies: &[&str]) -> Value {
    json!({"id": id, "text": "Cures MS", "by": "clinic", "citation": {"text": "clinic page", "url": "https://example.org"},
           "therapy": "MSC", "condition": "multiple sclerosis", "asserts": "benefit", "studies": studies})
}

#[test]
fn claims_checked() {
    let mut bad = study("bad");
    bad["design"] = json!(5);
    let mut v = dataset(vec![study("a"), bad]);
    let mut number = claim("n", &[]);
    number["asserts"] = json!("number");
    v["claims"] = json!([
        claim("c1", &["a"]),
        claim("c1", &["a"]),
        claim("c2", &["nope"]),
        claim("c3", &["a", "bad"]),
        number
    ]);
    let p = parse(&v);
    has_error(
        &p,
        "claims[1].id: duplicate id \"c1\" (first used by claims[0])",
    );
    has_error(
        &p,
        "claims[2].studies[0]: unknown study \"nope\"; no study has this id",
    );
    has_error(
        &p,
        "claims[4]: missing required field \"value\" (the claim asserts a number)",
    );
    has_warning(&p, "claims[3].studies[1]: study \"bad\" was left out because of its errors; the reference was dropped");
    let ds = p.dataset.unwrap();
    let ids: Vec<&str> = ds.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c1", "c3"]);
    assert_eq!(ds.claims[1].studies, ["a"]);
}

/// For the lists editors read, each problem also names the study, outcome or claim its 0-based
/// path runs through, by the id an editor can search the file for; `parse_json` keeps bare paths.
#[test]
fn name_places_names_the_ids_a_path_runs_through() {
    let mut bad = study("bad");
    bad["design"] = json!(5);
    let mut worse = study("worse");
    worse["outcomes"][0]["data"]["ai"] = json!(-1);
    let mut v = dataset(vec![study("a"), bad, worse]);
    v["claims"] = json!([claim("c1", &["a", "bad"]), claim("c1", &["a"])]);
    let bytes = serde_json::to_vec(&v).unwrap();
    let mut p = parse_json(&bytes);
    let bare = msgs(&p.errors);
    name_places(&bytes, &mut p);
    let named = msgs(&p.errors);
    assert_eq!(bare.len(), named.len());
    let with = |path: &str, names: &str| {
        let bare = bare
            .iter()
            .find(|m| m.starts_with(path))
            .unwrap_or_else(|| panic!("{path}: {bare:?}"));
        let (_, message) = bare.split_once(": ").unwrap();
        format!("{path}: in {names}: {message}")
    };
    for expected in [
        with("studies[1].design", "study \"bad\""),
        with(
            "studies[2].outcomes[0].data.ai",
            "study \"worse\", outcome \"o1\"",
        ),
    ] {
        assert!(named.contains(&expected), "{expected}\n{named:#?}");
    }
    // A message that names the id already is left as it is.
    has_error(
        &p,
        "claims[1].id: duplicate id \"c1\" (first used by claims[0])",
    );
    // A warning that names its study already says it once; the claim it is in is named.
    has_warning(&p, "claims[0].studies[1]: in claim \"c1\": study \"bad\" was left out because of its errors; the reference was dropped");
    // A file that is not JSON keeps its problem as it was.
    let broken = b"{\"schema\": \"evidence-lens/1\", \"studies\": [";
    let mut p = parse_json(broken);
    let before = msgs(&p.errors);
    name_places(broken, &mut p);
    assert_eq!(msgs(&p.errors), before);
}

#[test]
fn schema_version() {
    let mut v = dataset(vec![study("a")]);
    v["schema"] = json!("evidence-lens/9");
    let p = parse(&v);
    assert_eq!(msgs(&p.errors), ["schema: unknown schema version \"evidence-lens/9\"; this reader knows \"evidence-lens/1\""]);
    assert!(p.dataset.is_none());
    v.as_object_mut().unwrap().remove("schema");
    let p = parse(&v);
    assert_eq!(
        msgs(&p.errors),
        ["schema: missing required field \"schema\" (add \"schema\": \"evidence-lens/1\")"]
    );
    assert_eq!(p.dataset.unwrap().studies.len(), 1, "read as v1 anyway");
}

#[test]
fn malformed_utf8_gives_the_offset() {
    let mut bytes = br#"{"schema": "evidence-lens/1", "studies": []}"#.to_vec();
    bytes.insert(12, 0xff);
    let p = parse_json(&bytes);
    assert_eq!(
        msgs(&p.errors),
        ["input is not valid UTF-8 (invalid byte at offset 12)"]
    );
    // A BOM is fine.
    let p = parse_json("\u{feff}{\"schema\": \"evidence-lens/1\", \"studies\": []}".as_bytes());
    assert!(p.errors.is_empty(), "{:?}", p.errors);
}

#[test]
fn size_limits() {
    let big = vec![b' '; MAX_INPUT_BYTES + 1];
    let p = parse_json(&big);
    assert_eq!(
        msgs(&p.errors),
        [format!(
            "input is {} bytes; the limit is {} bytes: split it (by outcome or treatment), or leave out the columns or fields the chart does not use",
            MAX_INPUT_BYTES + 1,
            MAX_INPUT_BYTES
        )]
    );
    let minimal = json!({"id": "s", "label": "s", "citation": {"text": "t"}, "source_kind": "paper", "condition": "c",
                         "intervention": {"therapy": "t"}, "design": "rct", "status": "ongoing"});
    let many: Vec<Value> = (0..MAX_STUDIES + 1)
        .map(|i| {
            let mut s = minimal.clone();
            s["id"] = json!(format!("s{i}"));
            s
        })
        .collect();
    let p = parse(&dataset(many));
    assert_eq!(
        msgs(&p.errors),
        [format!(
            "studies: {} studies; the limit is {} (the studies after the first {} were not read)",
            MAX_STUDIES + 1,
            MAX_STUDIES,
            MAX_STUDIES
        )]
    );
    assert_eq!(p.dataset.unwrap().studies.len(), MAX_STUDIES);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [129usize, 100_000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let p = parse_json(text.as_bytes());
        assert_eq!(p.errors.len(), 1);
        assert!(
            p.errors[0].message().contains("nested too deeply"),
            "{}",
            p.errors[0]
        );
        let text = format!(
            "{{\"schema\":\"evidence-lens/1\",\"studies\":[{}",
            "{\"a\":".repeat(depth)
        );
        let p = parse_json(text.as_bytes());
        assert!(!p.errors.is_empty());
    }
}

#[test]
fn duplicate_keys_are_detected() {
    let text = r#"{"schema": "evidence-lens/1", "studies": [{"id": "a", "id": "b", "label": "x", "citation": {"text": "t"},
        "source_kind": "paper", "condition": "c", "intervention": {"therapy": "t"}, "design": "rct", "status": "ongoing"}]}"#;
    let p = parse_json(text.as_bytes());
    has_error(&p, "studies[0].id: duplicate key \"id\" in the same object");
}

#[test]
fn syntax_errors_name_line_and_column() {
    let p = parse_json(b"{\"schema\": \"evidence-lens/1\",\n \"studies\": [,]}");
    assert_eq!(
        msgs(&p.errors),
        ["line 2, column 14: invalid JSON: expected value"]
    );
    let p = parse_json(b"");
    assert_eq!(msgs(&p.errors), ["input is empty"]);
    let p = parse_json(b"[1, 2]");
    assert_eq!(msgs(&p.errors), ["expected an object, found an array"]);
}

/// The mistakes people make in a JSON file by hand get a word on what they are, after the
/// parser's own: it says "key must be a string" for all of the first three.
#[test]
fn syntax_errors_say_what_the_mistake_looks_like() {
    let said = |text: &str| msgs(&parse_json(text.as_bytes()).errors).join("\n");
    assert_eq!(
        said("{\"schema\": \"evidence-lens/1\",\n  // the trials\n  \"studies\": []}"),
        "line 2, column 3: invalid JSON: key must be a string (JSON has no comments: remove it)"
    );
    assert_eq!(
        said("{\"schema\": \"evidence-lens/1\",\n \u{201c}studies\u{201d}: []}"),
        "line 2, column 2: invalid JSON: key must be a string (\u{201c} \u{201d} are typographic quotes, as a word \
         processor writes them: JSON needs straight quotes \")"
    );
    assert_eq!(
        said("{'schema': 'evidence-lens/1'}"),
        "line 1, column 2: invalid JSON: key must be a string (JSON needs double quotes \" around names and \
         texts, not ')"
    );
    assert_eq!(
        said("{\"schema\": \"evidence-lens/1\", \"studies\": ["),
        "line 1, column 42: invalid JSON: EOF while parsing a list (the file ends too soon: a closing \", } or ] \
         is missing, or the file was cut short)"
    );
    // Any other mistake keeps the parser's words alone.
    assert_eq!(
        said("{\"schema\": \"evidence-lens/1\", \"studies\": [,]}"),
        "line 1, column 43: invalid JSON: expected value"
    );
}

#[test]
fn warnings() {
    let mut single = study("single");
    single["design"] = json!("single_arm");
    single["outcomes"][0]["data"] = json!({"measure": "PR", "xi": 3, "ni": 10});
    let mut empty = study("empty");
    empty["outcomes"] = json!([]);
    let mut pending = study("pending");
    pending["outcomes"][0]
        .as_object_mut()
        .unwrap()
        .remove("data");
    let mut uncontrolled = study("uncontrolled");
    uncontrolled["design"] = json!("case_series");
    let mut derived = study("derived");
    derived["outcomes"][0]["status"] = json!("derived");
    let p = parse(&dataset(vec![
        study("a"),
        single,
        empty,
        pending,
        uncontrolled,
        derived,
    ]));
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    has_warning(&p, "studies[1].outcomes[0].data: single-arm data for outcome \"o1\", which has comparative data elsewhere (studies[0].outcomes[0]); it will not be pooled with them");
    has_warning(&p, "studies[2]: study has no outcomes");
    has_warning(&p, "studies[3].outcomes[0]: no data and no reported result, but the study is completed (add data, or \"reported\" to say what was reported)");
    has_warning(&p, "studies[4].outcomes[0].data: two-arm data in a case_series study, which has no control group");
    has_warning(
        &p,
        "studies[5].outcomes[0].status: status is derived but there is no note with the formula",
    );
    assert_eq!(
        p.dataset.unwrap().studies.len(),
        6,
        "warnings never drop anything"
    );
}

#[test]
fn partly_bad_dataset_keeps_its_good_parts() {
    let mut bad_outcome = study("keeps_study");
    let mut o2 = bad_outcome["outcomes"][0].clone();
    o2["id"] = json!("o2");
    o2["data"] = json!({"measure": "RR", "estimate": 0.5, "ci_lb": 0.7, "ci_ub": 0.9});
    bad_outcome["outcomes"].as_array_mut().unwrap().push(o2);
    let mut bad_study = study("dropped");
    bad_study["year"] = json!("soon");
    bad_study["outcomes"][0]["data"]["ai"] = json!(-1);
    let p = parse(&dataset(vec![
        study("a"),
        bad_outcome,
        bad_study,
        study("z"),
    ]));
    // Both the study-level and the outcome-level problems of the dropped study are reported.
    has_error(
        &p,
        "studies[2].year: expected a whole number, found \"soon\"",
    );
    has_error(
        &p,
        "studies[2].outcomes[0].data.ai: expected a count (a whole number, 0 or more), found -1",
    );
    has_error(
        &p,
        "studies[1].outcomes[1].ci: lower bound 0.70 is above the estimate 0.50",
    );
    let ds = p.dataset.unwrap();
    let ids: Vec<&str> = ds.studies.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a", "keeps_study", "z"]);
    assert_eq!(ds.studies[1].outcomes.len(), 1);
}

/// A study all of whose outcomes have errors is left out, as a study with a bad field is: kept,
/// it would be drawn as a study that "recorded no outcomes", which is not what its data says.
#[test]
fn a_study_whose_every_outcome_has_errors_is_left_out() {
    // An error the checks find (more events than people) and one the reader finds (a measure
    // it does not know), each the study's only outcome.
    let mut too_many = study("too_many");
    too_many["outcomes"][0]["data"]["ai"] = json!(120);
    let mut unknown_measure = study("unknown_measure");
    unknown_measure["outcomes"][0]["data"] =
        json!({"measure": "hr", "estimate": 0.8, "ci_lb": 0.6, "ci_ub": 1.1});
    let mut none = study("none");
    none["outcomes"] = json!([]);
    let p = parse(&dataset(vec![study("a"), too_many, unknown_measure, none]));
    assert!(msgs(&p.errors)[0].starts_with("studies[1].outcomes[0].data.ai: 120 events (ai)"));
    assert!(msgs(&p.errors)[1].starts_with("studies[2].outcomes[0].data.measure: "));
    assert_eq!(p.errors.len(), 2, "{:?}", msgs(&p.errors));
    // Only the study that truly recorded no outcomes is warned about as such.
    let no_outcomes: Vec<String> = msgs(&p.warnings)
        .into_iter()
        .filter(|m| m.ends_with("study has no outcomes"))
        .collect();
    assert_eq!(no_outcomes, ["studies[3]: study has no outcomes"]);
    let ds = p.dataset.unwrap();
    let ids: Vec<&str> = ds.studies.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a", "none"]);
}

#[test]
fn validate_works_on_datasets_built_in_code() {
    let mut ds = builtin();
    let s = &mut ds.studies[0];
    s.outcomes[0].data = Some(EffectData::Estimate(Estimate {
        measure: Measure::Irr,
        estimate: 0.94,
        ci_lb: 1.7,
        ci_ub: 2.0,
        level: 95.0,
    }));
    s.outcomes[1].data = Some(EffectData::Counts(Counts::totals(
        Measure::Rr,
        80,
        69,
        42,
        75,
    )));
    ds.claims[0].studies.push("missing".into());
    let (errors, _) = validate(&ds);
    let errors = msgs(&errors);
    assert!(
        errors.contains(
            &"studies[0].outcomes[0].ci: lower bound 1.70 is above the estimate 0.94".to_string()
        ),
        "{errors:?}"
    );
    assert!(errors.contains(&"studies[0].outcomes[1].data.ai: 80 events (ai) is more than the 69 participants in the arm (n1i)".to_string()));
    assert!(errors
        .iter()
        .any(|e| e.starts_with("claims[0].studies[1]: unknown study \"missing\"")));
}

#[test]
fn derived_deserialize_agrees_on_effect_data() {
    let ok: EffectData = serde_json::from_value(
        json!({"measure": "HR", "estimate": 0.07, "ci_lb": 0.02, "ci_ub": 0.24}),
    )
    .unwrap();
    assert_eq!(ok.measure(), Measure::Hr);
    let err = serde_json::from_value::<EffectData>(
        json!({"measure": "HR", "estimate": 0.07, "ci_lb": 0.3, "ci_ub": 0.24}),
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("lower bound 0.30 is above the upper bound 0.24"),
        "{err}"
    );
    let err = serde_json::from_str::<EffectData>(
        r#"{"measure": "HR", "estimate": 0.07, "ci_lb": 0.02, "estimate": 0.5, "ci_ub": 0.24}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string().starts_with("outcome.data.estimate: ")
            && err.to_string().contains("\"estimate\""),
        "{err}"
    );
}

#[test]
fn an_outcome_concept_names_a_term_of_the_vocabulary_or_a_generic_concept() {
    let with_concept = |concept: &str| {
        let mut s = study("a");
        s["outcomes"][0]["concept"] = json!(concept);
        parse(&dataset(vec![s]))
    };
    // Death and death caused by the treatment are every dataset's concepts.
    for generic in ["death", "treatment_related_death", "adverse_events"] {
        let p = with_concept(generic);
        assert!(p.errors.is_empty(), "{generic}: {:?}", msgs(&p.errors));
        let outcome = &p.dataset.unwrap().studies[0].outcomes[0];
        assert_eq!(outcome.concept.as_deref(), Some(generic));
    }
    let p = with_concept("no_such_concept");
    has_error(
        &p,
        "studies[0].outcomes[0].concept: unknown concept \"no_such_concept\"; name a term of vocabulary.outcomes or a generic concept (death, treatment_related_death, serious_adverse_events, adverse_events)",
    );
    assert_eq!(p.dataset.unwrap().studies[0].outcomes[0].concept, None);
}

#[test]
fn a_baseline_risk_is_a_fraction_with_its_source_in_words() {
    let with_baseline = |data: Value, baseline: Value| {
        let mut s = study("a");
        s["outcomes"][0]["data"] = data;
        s["outcomes"][0]["baseline"] = baseline;
        parse(&dataset(vec![s]))
    };
    let hr = json!({"measure": "HR", "estimate": 0.5, "ci_lb": 0.3, "ci_ub": 0.8});
    let p = with_baseline(
        hr.clone(),
        json!({"risk": 0.25, "timepoint": "2 years", "basis": "the registry"}),
    );
    assert!(
        p.errors.is_empty() && p.warnings.is_empty(),
        "{:?} {:?}",
        p.errors,
        p.warnings
    );
    let b = p.dataset.as_ref().unwrap().studies[0].outcomes[0]
        .baseline
        .as_deref()
        .unwrap();
    assert_eq!(b.risk, 0.25);
    assert_eq!(b.timepoint.as_ref().unwrap().get("en"), "2 years");
    assert_eq!(b.basis.get("en"), "the registry");

    for (risk, shown) in [(json!(0), "0.00"), (json!(1), "1.00"), (json!(25), "25.00")] {
        let p = with_baseline(hr.clone(), json!({"risk": risk, "basis": "b"}));
        has_error(
            &p,
            &format!(
                "studies[0].outcomes[0].baseline.risk: {shown} is out of range; expected a fraction between 0 and 1, such as 0.25 for 25%"
            ),
        );
    }
    let p = with_baseline(hr.clone(), json!({"risk": 0.2}));
    has_error(
        &p,
        "studies[0].outcomes[0].baseline: missing required field \"basis\"",
    );
    let p = with_baseline(hr.clone(), json!({"risk": 0.2, "basis": "b", "year": 2}));
    assert!(
        msgs(&p.errors)
            == ["studies[0].outcomes[0].baseline.year: unknown field \"year\"; expected one of risk, timepoint, basis"],
        "{:?}",
        p.errors
    );

    // Given where it cannot be used, the editor is told why.
    let unused = |data: Value, why: &str| {
        let p = with_baseline(data, json!({"risk": 0.2, "basis": "b"}));
        has_warning(
            &p,
            &format!("studies[0].outcomes[0].baseline: baseline ignored: {why}"),
        );
    };
    unused(
        json!({"measure": "RR", "ai": 3, "n1i": 20, "ci": 9, "n2i": 21}),
        "the study's own comparison group gives the comparison risk",
    );
    for not_relative in [
        json!({"measure": "MD", "estimate": -1.0, "ci_lb": -2.0, "ci_ub": 0.0}),
        json!({"measure": "RD", "estimate": -0.1, "ci_lb": -0.2, "ci_ub": 0.0}),
    ] {
        unused(
            not_relative,
            "only a risk ratio, odds ratio or hazard ratio turns a baseline risk into numbers per 100 people",
        );
    }
    // A hazard ratio counts an event: the risk of that event, by a time.
    let mut good = study("a");
    good["outcomes"][0]["better"] = json!("higher");
    good["outcomes"][0]["data"] = hr.clone();
    good["outcomes"][0]["baseline"] = json!({"risk": 0.6, "timepoint": "5 years", "basis": "b"});
    has_warning(
        &parse(&dataset(vec![good])),
        "studies[0].outcomes[0].baseline: baseline ignored: a hazard ratio counts the event that ends a good outcome; give the outcome as that event (better: lower) with its risk",
    );
    has_warning(
        &with_baseline(hr.clone(), json!({"risk": 0.2, "basis": "b"})),
        "studies[0].outcomes[0].baseline: a hazard ratio's numbers per 100 people hold for a time: give the baseline's timepoint (the time its risk is for, such as \"2 years\")",
    );
    let mut no_data = study("a");
    no_data["outcomes"][0]
        .as_object_mut()
        .unwrap()
        .remove("data");
    no_data["outcomes"][0]["reported"] = json!("in words");
    no_data["outcomes"][0]["baseline"] = json!({"risk": 0.2, "basis": "b"});
    has_warning(
        &parse(&dataset(vec![no_data])),
        "studies[0].outcomes[0].baseline: baseline ignored: the outcome has no numbers to apply it to",
    );
    has_error(
        &with_baseline(hr, json!({"risk": 0.2, "timepoint": " ", "basis": "b"})),
        "studies[0].outcomes[0].baseline.timepoint: must not be empty",
    );
}

#[test]
fn an_interval_not_at_95_is_said_to_the_editor_and_a_fractional_level_refused() {
    let p = with_data(
        json!({"measure": "HR", "estimate": 0.7, "ci_lb": 0.52, "ci_ub": 0.95, "level": 90}),
    );
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    has_warning(&p, "studies[0].outcomes[0].data.level: the 90% interval is shown as the 95% interval it implies (worked out from it, or from the counts when there are some), as every chart and sentence gives 95% intervals");
    let p = with_data(
        json!({"measure": "PR", "estimate": 0.2, "ci_lb": 0.12, "ci_ub": 0.3, "level": 0.95}),
    );
    has_error(&p, "studies[0].outcomes[0].data.level: confidence level 0.95 is in percent: write 95 for a 95% interval (or leave it out: 95 is the default)");
    let p = with_data(
        json!({"measure": "HR", "estimate": 0.7, "ci_lb": 0.52, "ci_ub": 0.95, "level": 95}),
    );
    assert!(
        p.errors.is_empty() && p.warnings.is_empty(),
        "{:?} {:?}",
        p.errors,
        p.warnings
    );
    // 0 has no logit to widen from: without the number of people, the interval is not shown.
    let p = with_data(
        json!({"measure": "PR", "estimate": 0.0, "ci_lb": 0.0, "ci_ub": 0.05, "level": 90}),
    );
    has_warning(&p, "studies[0].outcomes[0].data.level: the 90% interval of a proportion of 0 or 1 cannot be shown as a 95% interval without the number of people (ni), so it is not shown: give ni");
}

/// A review's publication bias, as its authors judged it: read with its words, and a judgement
/// that is not one of the three named with the ones allowed.
#[test]
fn publication_bias_is_read_and_checked() {
    let mut s = study("r");
    s["publication_bias"] =
        json!({"judgement": "high", "support": {"en": "small-study effects", "es": "efectos"}});
    let p = parse(&dataset(vec![s]));
    assert!(p.is_ok(), "{:?}", msgs(&p.errors));
    let bias = p.dataset.unwrap().studies[0]
        .publication_bias
        .clone()
        .unwrap();
    assert_eq!(bias.judgement, Judgement::High);
    assert_eq!(bias.support.unwrap().get("es"), "efectos");

    let mut s = study("r");
    s["publication_bias"] = json!({"judgement": "suspected", "words": "x"});
    let p = parse(&dataset(vec![s]));
    has_error(
        &p,
        "studies[0].publication_bias.judgement: unknown publication-bias judgement \"suspected\"; \
         expected one of low, high, unclear",
    );
    has_error(
        &p,
        "studies[0].publication_bias.words: unknown field \"words\"; expected one of judgement, support",
    );
}

/// A review's included studies: read when they are other studies of the dataset; an unknown id
/// is an error at its place and is dropped, and a study that is not a review includes nothing.
#[test]
fn a_reviews_included_studies_are_read_and_checked() {
    let mut review = study("r");
    review["design"] = json!("systematic_review");
    review["includes"] = json!(["t", "nope", "r", "later"]);
    let mut trial = study("t");
    trial["includes"] = json!(["r"]);
    let mut later = study("later");
    later["design"] = json!("systematic_review");
    later["includes"] = json!(["r"]);
    let p = parse(&dataset(vec![review, trial, later]));
    has_error(
        &p,
        "studies[0].includes[1]: unknown study \"nope\"; no study has this id",
    );
    has_error(
        &p,
        "studies[0].includes[2]: a review does not include itself; remove its own id",
    );
    has_error(
        &p,
        "studies[2].includes[0]: \"r\" already includes this review (or a review that does); reviews cannot each hold the other's people: remove one of the inclusions",
    );
    has_warning(
        &p,
        "studies[1].includes: only a systematic review includes other studies; remove \"includes\" or set \"design\" to systematic_review",
    );
    let d = p.dataset.expect("the studies are kept");
    assert_eq!(d.studies[0].includes, ["t", "later"]);
    assert!(d.studies[1].includes.is_empty());
    assert!(d.studies[2].includes.is_empty());
    // A loop of three.
    let reviews: Vec<Value> = [("a", "b"), ("b", "c"), ("c", "a")]
        .iter()
        .map(|(id, includes)| {
            let mut r = study(id);
            r["design"] = json!("systematic_review");
            r["includes"] = json!([includes]);
            r
        })
        .collect();
    let p = parse(&dataset(reviews));
    has_error(
        &p,
        "studies[2].includes[0]: \"a\" already includes this review (or a review that does); \
         reviews cannot each hold the other's people: remove one of the inclusions",
    );
}

#[test]
fn a_term_may_say_what_it_means_and_a_bad_meaning_is_named() {
    let mut d = dataset(vec![study("a")]);
    d["vocabulary"] = json!({
        "routes": [{"id": "oral", "name": "oral", "meaning": {"en": "By mouth.", "es": "Por la boca."}}],
        "glossary": [
            {"id": "abc", "name": "ABC", "meaning": "A scale."},
            {"id": "xyz", "name": "XYZ", "meaning": ""},
            {"id": "qrs", "name": "QRS", "meanin": "typo"},
        ]
    });
    let p = parse(&d);
    assert_eq!(
        msgs(&p.errors),
        [
            "vocabulary.glossary[1].meaning: must not be empty",
            "vocabulary.glossary[2].meanin: unknown field \"meanin\" (did you mean \"meaning\"?)",
        ]
    );
    let data = p.dataset.expect("the rest of the data is still shown");
    assert_eq!(data.studies.len(), 1);
    let v = &data.vocabulary;
    let oral = v.routes[0].meaning.as_ref().expect("a route's meaning");
    assert_eq!(oral.get("es"), "Por la boca.");
    let ids: Vec<&str> = v.glossary.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["abc"], "a bad entry is left out, the others kept");
    // Not an array: named, and the vocabulary's other lists kept.
    d["vocabulary"]["glossary"] = json!({"ABC": "A scale."});
    let p = parse(&d);
    has_error(
        &p,
        "vocabulary.glossary: expected an array of terms, found an object",
    );
    assert_eq!(p.dataset.unwrap().vocabulary.routes.len(), 1);
}

/// An outcome's article is read in each language of its name, an empty one is an error that names
/// it, and one given for a language the name falls back from is not used.
#[test]
fn an_outcome_article_is_read_per_language() {
    let mut s = study("a");
    s["outcomes"][0]["name"] = json!({"en": "Relapse", "es": "Recaída", "fr": "Rechute"});
    s["outcomes"][0]["article"] = json!({"es": "la", "fr": "la"});
    let mut plain = study("b");
    plain["outcomes"][0]["article"] = json!("the");
    let mut partial = study("c");
    partial["outcomes"][0]["name"] = json!({"en": "Relapse", "es": "Recaída"});
    partial["outcomes"][0]["article"] = json!({"es": "la", "fr": "la"});
    let p = parse(&dataset(vec![s, plain, partial]));
    assert!(p.errors.is_empty(), "{:?}", msgs(&p.errors));
    assert!(p.warnings.is_empty(), "{:?}", msgs(&p.warnings));
    let d = p.dataset.unwrap();
    let o = |i: usize| &d.studies[i].outcomes[0];
    assert_eq!(o(0).article("es"), Some("la"));
    assert_eq!(o(0).article("fr"), Some("la"));
    assert_eq!(o(0).article("en"), None);
    assert_eq!(o(1).article("es"), Some("the"));
    // The French reader sees the English name "Relapse": no French article before it.
    assert_eq!(o(2).article("fr"), None);
    assert_eq!(o(2).article("es"), Some("la"));

    // One that no reader would see is a warning for the editor.
    let mut unused = study("a");
    unused["outcomes"][0]["article"] = json!({"es": "la"});
    has_warning(
        &parse(&dataset(vec![unused])),
        "studies[0].outcomes[0].article: article ignored: give it as the name is given: in \
         languages the name has, or as a plain string beside a plain name",
    );

    let mut empty = study("a");
    empty["outcomes"][0]["article"] = json!(" ");
    has_error(
        &parse(&dataset(vec![empty])),
        "studies[0].outcomes[0].article: must not be empty",
    );
}

/// A value written as people write it ("RCT", "single-arm", "hr") is named with the value the
/// format wants, where the whole list was given.
#[test]
fn a_value_in_other_case_or_with_spaces_gets_the_format_s_spelling() {
    let mut rct = study("rct");
    rct["design"] = json!("RCT");
    let mut single = study("single");
    single["design"] = json!("single-arm");
    single["outcomes"][0]["data"] = json!({"measure": "PR", "xi": 3, "ni": 10});
    let mut hr = study("hr");
    hr["outcomes"][0]["data"] =
        json!({"measure": "hr", "estimate": 0.8, "ci_lb": 0.6, "ci_ub": 1.1});
    let mut other = study("other");
    other["design"] = json!("trial");
    let p = parse(&dataset(vec![rct, single, hr, other]));
    has_error(
        &p,
        "studies[0].design: unknown design \"RCT\" (did you mean \"rct\"? values are written so)",
    );
    has_error(
        &p,
        "studies[1].design: unknown design \"single-arm\" (did you mean \"single_arm\"? values are written so)",
    );
    assert!(msgs(&p.errors)
        .iter()
        .any(|m| m.starts_with("studies[2].outcomes[0].data.measure: ")
            && m.contains("(did you mean \"HR\"?")));
    assert!(msgs(&p.errors).iter().any(
        |m| m.starts_with("studies[3].design: unknown design \"trial\"; expected one of rct,")
    ));
}

#[test]
fn problems_are_said_in_the_reader_s_language() {
    use evidence_lens::i18n::Lang;
    let mut s = study("s1");
    s["year"] = json!("2019a");
    s["label"] = json!([1]);
    let mut mixed = study("s2");
    mixed["outcomes"][0]["data"] = json!({"measure": "RR", "ai": 1, "n1i": 10, "m1i": 1.0});
    let mut typo = study("s3");
    typo["typo"] = json!(1);
    typo["design"] = json!("RCT");
    let mut baseline = study("s4");
    baseline["outcomes"][0]["baseline"] = json!({"risk": 0.3, "basis": "registry"});
    let mut level = study("s5");
    level["outcomes"][0]["data"] =
        json!({"measure": "HR", "estimate": 0.8, "ci_lb": 0.6, "ci_ub": 1.1, "level": 90});
    let mut data = dataset(vec![s, mixed, typo, baseline, level]);
    data["claims"] = json!([{"id": "c1", "text": "It cures", "by": "clinic",
        "citation": {"text": "An advertisement"}, "therapy": "MSC",
        "condition": "multiple sclerosis", "asserts": "benefit", "studies": ["s4"], "value": 2}]);
    let parsed = parse(&data);
    let problems: Vec<&Problem> = parsed.errors.iter().chain(&parsed.warnings).collect();
    let said = |lang| {
        problems
            .iter()
            .map(|p| p.issue.message(lang))
            .collect::<Vec<_>>()
    };
    let english = said(Lang::En);
    // The kinds of problem this file has: a wrong type, an array where a text goes, mixed data
    // forms, a field misspelt, and what is ignored, and why.
    for expected in [
        "expected a whole number, found \"2019a\"",
        "expected a string, found an array",
        "mixes fields of counts and means",
        "unknown field \"typo\"",
        "value ignored: the claim does not assert a number",
        "the 90% interval is shown as the 95% interval it implies",
        "baseline ignored: the study's own comparison group gives the comparison risk",
    ] {
        assert!(
            english.iter().any(|m| m.contains(expected)),
            "{expected}: {english:#?}"
        );
    }
    // English is the problems' `Display`, after their place.
    for (problem, message) in problems.iter().zip(&english) {
        assert_eq!(problem.to_string(), format!("{}: {message}", problem.path));
    }
    for lang in [Lang::Es, Lang::Fr] {
        for (message, english) in said(lang).iter().zip(&english) {
            assert_ne!(message, english, "{lang:?}");
            // A phrase the catalogue lacks would show its key.
            for key in ["problem.", "expect.", "form.", "ignored."] {
                assert!(!message.contains(key), "{lang:?}: {message}");
            }
        }
    }
    let spanish = said(Lang::Es).join("\n");
    assert!(
        spanish.contains("mezcla campos de recuentos y de medias"),
        "{spanish}"
    );
    assert!(spanish.contains("se encontró una lista"), "{spanish}");
    // What an unknown value was given for is said in the language too.
    assert!(
        spanish.contains("valor desconocido del diseño: \"RCT\""),
        "{spanish}"
    );
    let french = said(Lang::Fr).join("\n");
    assert!(
        french.contains("mélange des champs des effectifs et des moyennes"),
        "{french}"
    );
}

#[test]
fn json_syntax_errors_are_said_in_the_reader_s_language() {
    use evidence_lens::i18n::Lang;
    for (text, english) in [
        (r#"{"a" 1}"#, "expected `:`"),
        ("[1 2]", "expected `,` or `]`"),
        (r#"{"a": 1 "b": 2}"#, "expected `,` or `}`"),
        (r#"{"a": tru}"#, "expected ident"),
        (r#"{"a": }"#, "expected value"),
        (r#"{"a": 1,}"#, "trailing comma"),
        ("{} x", "trailing characters"),
        (r#"{"a": "\q"}"#, "invalid escape"),
        (r#"{"a": -}"#, "invalid number"),
        ("{a: 1}", "key must be a string"),
        ("[1, 2", "EOF while parsing a list"),
        (r#"{"a": 1"#, "EOF while parsing an object"),
    ] {
        let parsed = parse_json(text.as_bytes());
        let issue = &parsed.errors[0].issue;
        let said = issue.message(Lang::En);
        assert!(
            said.contains(&format!("invalid JSON: {english}")),
            "{text}: {said}"
        );
        for lang in [Lang::Es, Lang::Fr] {
            let said = issue.message(lang);
            assert!(!said.contains(english), "{text}: {said}");
            assert!(said.contains("JSON"), "{text}: {said}");
        }
    }
}
