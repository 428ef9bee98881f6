//! The JSON Schema file describes what the reader accepts: same fields, same required fields.

use evidence_lens::model::*;
use serde_json::{json, Value};

fn schema() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/evidence-lens.schema.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn valid() -> Value {
    json!({
        "schema": "evidence-lens/1",
        "studies": [{
            "id": "a", "label": "A", "citation": {"text": "t"}, "source_kind": "paper", "condition": "c",
            "intervention": {"therapy": "MSC"}, "design": "rct",
            "risk_of_bias": [{"domain": "Allocation concealment", "judgement": "high", "support": "s"}],
            "outcomes": [{"id": "o", "name": "O", "kind": "harm", "better": "lower", "reported": "none",
                          "analysis": {"method": "MH", "model": "fixed", "stored": {"estimate": 0.9}},
                          "stored": {"weight": 12.5},
                          "baseline": {"risk": 0.2, "basis": "b"}}]
        }],
        "claims": [{"id": "c", "text": "x", "by": "clinic", "citation": {"text": "t"}, "therapy": "MSC",
                    "condition": "c", "asserts": "benefit", "studies": ["a"]}],
        "vocabulary": {"routes": [{"id": "oral", "name": {"en": "by mouth", "es": "por vía oral"}}],
                       "glossary": [{"id": "po", "name": "PO", "meaning": {"en": "by mouth"}}]}
    })
}

/// (JSON pointer to an object in `valid()`, path used in messages, schema definition)
const OBJECTS: &[(&str, &str, &str)] = &[
    ("", "", ""),
    ("/studies/0", "studies[0]", "study"),
    ("/studies/0/citation", "studies[0].citation", "citation"),
    (
        "/studies/0/intervention",
        "studies[0].intervention",
        "intervention",
    ),
    (
        "/studies/0/risk_of_bias/0",
        "studies[0].risk_of_bias[0]",
        "bias_judgement",
    ),
    ("/studies/0/outcomes/0", "studies[0].outcomes[0]", "outcome"),
    (
        "/studies/0/outcomes/0/analysis",
        "studies[0].outcomes[0].analysis",
        "analysis",
    ),
    (
        "/studies/0/outcomes/0/stored",
        "studies[0].outcomes[0].stored",
        "stored",
    ),
    (
        "/studies/0/outcomes/0/baseline",
        "studies[0].outcomes[0].baseline",
        "baseline",
    ),
    ("/claims/0", "claims[0]", "claim"),
    ("/vocabulary", "vocabulary", "vocabulary"),
    ("/vocabulary/routes/0", "vocabulary.routes[0]", "term"),
    ("/vocabulary/glossary/0", "vocabulary.glossary[0]", "term"),
];

fn def<'a>(schema: &'a Value, name: &str) -> &'a Value {
    if name.is_empty() {
        schema
    } else {
        &schema["$defs"][name]
    }
}

fn names(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = match v {
        Value::Object(m) => m.keys().cloned().collect(),
        Value::Array(a) => a.iter().map(|x| x.as_str().unwrap().to_string()).collect(),
        _ => panic!("{v}"),
    };
    out.sort();
    out
}

#[test]
fn schema_is_draft_2020_12_for_version_1() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["properties"]["schema"]["const"], SCHEMA_V1);
    assert_eq!(s["properties"]["studies"]["maxItems"], MAX_STUDIES);
}

#[test]
fn schema_properties_are_what_the_reader_accepts() {
    let s = schema();
    for (ptr, path, name) in OBJECTS {
        let mut v = valid();
        v.pointer_mut(ptr).unwrap()["zzzzzzzzzz"] = json!(1);
        let p = parse_json(v.to_string().as_bytes());
        let msg = p
            .errors
            .iter()
            .find(|e| e.message().starts_with("unknown field"))
            .unwrap_or_else(|| panic!("{ptr}: {:?}", p.errors));
        let message = msg.message();
        let allowed = message.split("expected one of ").nth(1).unwrap();
        let mut accepted: Vec<String> = allowed.split(", ").map(str::to_string).collect();
        accepted.sort();
        assert_eq!(accepted, names(&def(&s, name)["properties"]), "{path}");
    }
}

#[test]
fn schema_required_fields_are_what_the_reader_requires() {
    let s = schema();
    for (ptr, path, name) in OBJECTS {
        // `stored` has no required field.
        let required = def(&s, name).get("required").map(names).unwrap_or_default();
        for field in required {
            if field == "schema" {
                continue; // read as v1 with an error; covered in model_json
            }
            let mut v = valid();
            v.pointer_mut(ptr)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .remove(&field);
            let p = parse_json(v.to_string().as_bytes());
            let expected = format!("missing required field \"{field}\"");
            assert!(
                p.errors
                    .iter()
                    .any(|e| e.path == *path && e.message() == expected),
                "{path}: removing {field}: {:?}",
                p.errors
            );
        }
    }
}

#[test]
fn enums_in_the_schema_match_the_types() {
    let s = schema();
    let d = &s["$defs"];
    let e = |v: &Value| names(&v["enum"]);
    let sorted = |n: &[&str]| {
        let mut v: Vec<String> = n.iter().map(|x| x.to_string()).collect();
        v.sort();
        v
    };
    assert_eq!(
        e(&d["study"]["properties"]["design"]),
        sorted(Design::NAMES)
    );
    assert_eq!(
        e(&d["study"]["properties"]["source_kind"]),
        sorted(SourceKind::NAMES)
    );
    assert_eq!(
        e(&d["study"]["properties"]["blinding"]),
        sorted(Blinding::NAMES)
    );
    assert_eq!(
        e(&d["study"]["properties"]["status"]),
        sorted(StudyStatus::NAMES)
    );
    assert_eq!(
        e(&d["outcome"]["properties"]["kind"]),
        sorted(OutcomeKind::NAMES)
    );
    assert_eq!(
        e(&d["outcome"]["properties"]["better"]),
        sorted(Better::NAMES)
    );
    assert_eq!(e(&d["fact_status"]), sorted(FactStatus::NAMES));
    assert_eq!(
        e(&d["claim"]["properties"]["by"]),
        sorted(ClaimSource::NAMES)
    );
    assert_eq!(
        e(&d["claim"]["properties"]["asserts"]),
        sorted(Assertion::NAMES)
    );
    assert_eq!(
        e(&d["generic_vi"]["properties"]["measure"]),
        sorted(Measure::NAMES)
    );
    assert_eq!(
        e(&d["analysis"]["properties"]["method"]),
        sorted(PoolMethod::NAMES)
    );
    assert_eq!(
        e(&d["analysis"]["properties"]["model"]),
        sorted(EffectModel::NAMES)
    );
    assert_eq!(
        e(&d["analysis"]["properties"]["measure"]),
        sorted(Measure::NAMES)
    );
}
