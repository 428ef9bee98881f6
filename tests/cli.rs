//! The command line as editors and scripts use it: exit codes, output shapes and
//! messages of `validate`, `analyze` and `render`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_evidence-lens"))
}

fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn scratch(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("evidence-lens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs a command that must fail (exit 1) and say each of `said` on stderr.
fn refused(args: &[&str], said: &[&str]) {
    let o = run(args);
    assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stdout(&o));
    for said in said {
        assert!(
            stderr(&o).contains(said),
            "{args:?}: {said}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn validate_accepts_the_builtin_dataset_with_a_one_line_summary() {
    let o = run(&["validate", "src/data/ms-stem-cells.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("src/data/ms-stem-cells.json: ok: "),
        "{out}"
    );
}

#[test]
fn validate_lists_every_problem_as_file_path_message_and_exits_1() {
    let file = scratch(
        "bad.csv",
        b"study,ai,n1i,ci,n2i\nA,3,twelve,4,20\nB,30,20,4,20\n",
    );
    let o = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let prefix = format!("{}: ", file.display());
    let lines: Vec<_> = err.lines().filter(|l| !l.contains("warning:")).collect();
    assert!(lines.len() >= 2, "{err}");
    assert!(lines.iter().all(|l| l.starts_with(&prefix)), "{err}");
    assert!(err.contains("row 2, column n1i"), "{err}");
    assert!(err.contains("row 3"), "{err}");
}

/// The places in a JSON file are counted from 0; each problem also names the study, outcome or
/// claim it is in, by the id an editor can search the file for.
#[test]
fn problems_in_json_name_the_study_and_outcome_they_are_in() {
    let text = std::fs::read_to_string("src/data/ms-stem-cells.json").unwrap();
    let mut data: serde_json::Value = serde_json::from_str(&text).unwrap();
    let study = data["studies"][3]["id"].as_str().unwrap().to_string();
    let outcome = data["studies"][3]["outcomes"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    data["studies"][3]["year"] = "nineteen".into();
    data["studies"][3]["outcomes"][0]["data"] = serde_json::json!({"kind": "counts"});
    let file = scratch("named.json", data.to_string().as_bytes());
    let o = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let at = |path: &str, names: &str| format!("{}: {path}: in {names}: ", file.display());
    assert!(
        err.contains(&at("studies[3].year", &format!("study \"{study}\""))),
        "{err}"
    );
    assert!(
        err.contains(&at(
            "studies[3].outcomes[0].data",
            &format!("study \"{study}\", outcome \"{outcome}\"")
        )),
        "{err}"
    );
    // The warnings about references to the study left out name where the reference is, and
    // not the study twice.
    assert!(
        !err.contains(&format!("in study \"{study}\": study \"{study}\"")),
        "{err}"
    );
}

/// `appraise` tells what the widget's readers are told from what could be read, with the
/// errors that left the rest out (on stderr and in the JSON); `analyze` pools nothing but the
/// whole table, and says so.
#[test]
fn appraise_shows_what_could_be_read_and_analyze_refuses_part_of_a_table() {
    let whole =
        b"study,outcome,ai,n1i,ci,n2i\nA,death,3,50,9,50\nB,death,4,60,10,60\nC,death,2,40,7,40\n";
    let typo = String::from_utf8_lossy(whole).replace("B,death,4,", "B,death,four,");
    let whole = scratch("whole.csv", whole);
    let typo = scratch("typo.csv", typo.as_bytes());
    let appraised = |file: &PathBuf| {
        let o = run(&["appraise", file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        (v, stderr(&o))
    };
    let (all, said) = appraised(&whole);
    assert!(all.get("errors").is_none(), "{all}");
    assert_eq!(all["pooled"][0]["k"], 3, "{said}");
    let (part, said) = appraised(&typo);
    assert_eq!(part["pooled"][0]["k"], 2, "{part}");
    assert_eq!(part["pooled"][0]["studies"], serde_json::json!(["A", "C"]));
    assert_eq!(part["errors"][0]["path"], "row 3, column ai", "{part}");
    assert!(
        said.contains("row 3, column ai: \"four\" is not a count"),
        "{said}"
    );

    let o = run(&["analyze", typo.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("nothing analysed: a pooled result must include every study"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn validate_names_unreadable_files_without_panicking() {
    let o = run(&["validate", "no/such/file.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("no/such/file.json: cannot read"),
        "{}",
        stderr(&o)
    );
    let garbage = scratch("garbage.json", &[0xff, 0xfe, 0x00, 0x7b, 0x22]);
    let o = run(&["validate", garbage.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(
        run(&["analyze", "tests/data/bcg.csv", "--method", "XX"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["analyze", "tests/data/bcg.csv", "--level", "120"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&[
            "render",
            "tests/data/bcg.csv",
            "--view",
            "pie",
            "-o",
            "x.svg"
        ])
        .status
        .code(),
        Some(2)
    );
}

fn analyze(args: &[&str]) -> serde_json::Value {
    analyze_file("tests/data/bcg.csv", args)
}

/// `analyze FILE ARGS…`, which must succeed: the JSON object it prints.
fn analyze_file(file: &str, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["analyze", file];
    all.extend_from_slice(args);
    let o = run(&all);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("analyze prints one JSON object")
}

fn close(v: &serde_json::Value, key: &str, expected: f64, digits: i32) {
    let got = v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} missing in {v}"));
    assert!(
        (got - expected).abs() <= 0.5 * 10f64.powi(-digits) + 1e-12,
        "{key}: {got} vs {expected}"
    );
}

#[test]
fn analyze_reproduces_metafor_on_the_bcg_csv() {
    let reml = analyze(&["--measure", "RR"]);
    assert_eq!(reml["k"], 13);
    assert_eq!(reml["method"], "REML");
    close(&reml, "estimate", -0.7145, 4);
    close(&reml, "se", 0.1798, 4);
    close(&reml, "tau2", 0.3132, 4);
    close(&reml, "I2", 92.22, 2);
    close(&reml["exp"], "estimate", 0.4894, 4);
    close(&reml["exp"], "pi_ub", 1.549, 3);
    close(&reml["egger"], "zval", -0.8033, 4);
    assert_eq!(reml["studies"].as_array().unwrap().len(), 13);
    assert_eq!(reml["leave1out"].as_array().unwrap().len(), 13);

    let dl = analyze(&["--measure", "OR", "--method", "DL"]);
    close(&dl, "estimate", -0.7474, 4);
    close(&dl, "tau2", 0.3663, 4);

    let sub = analyze(&["--measure", "RR", "--subgroup", "alloc"]);
    close(&sub["subgroup_test"], "QM", 1.7675, 4);
    close(&sub["subgroup_test"], "QE", 132.3676, 4);
}

#[test]
fn analyze_leaves_out_an_ongoing_studys_interim_numbers_as_the_appraisal_does() {
    let text = std::fs::read_to_string("tests/data/aspirin-mi.json").unwrap();
    let mut data: serde_json::Value = serde_json::from_str(&text).unwrap();
    data["studies"][0]["status"] = "ongoing".into();
    let file = scratch("one-ongoing.json", data.to_string().as_bytes());
    let file = file.to_str().unwrap();
    let appraisal: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["appraise", file]))).unwrap();
    let body = &appraisal["pooled"][0];
    assert_eq!(body["k"], 6);
    // metafor's methods and RevMan's alike.
    for method in ["REML", "MH"] {
        let o = run(&["analyze", file, "--outcome", "death", "--method", method]);
        assert_eq!(o.status.code(), Some(0), "{method}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["k"], 6, "{method}");
        // Said in the notes, with the study's id.
        let notes = v["notes"].as_array().unwrap();
        let said = notes.iter().filter_map(|n| n.as_str());
        let ongoing: Vec<&str> = said.filter(|n| n.starts_with("ongoing:")).collect();
        let id = data["studies"][0]["id"].as_str().unwrap();
        assert_eq!(
            ongoing,
            [format!(
                "ongoing: the interim numbers of 1 ongoing study left out ({id})"
            )],
            "{method}"
        );
        if method == "REML" {
            close(
                &body["effect"],
                "estimate",
                v["exp"]["estimate"].as_f64().unwrap(),
                9,
            );
        }
    }
    // Where only ongoing studies of the treatment asked for give numbers, the refusal says so.
    let mut two = data.clone();
    two["studies"][1]["intervention"]["therapy"] = "clopidogrel".into();
    two["studies"][1]["status"] = "ongoing".into();
    let file = scratch("ongoing-treatment.json", two.to_string().as_bytes());
    refused(
        &[
            "analyze",
            file.to_str().unwrap(),
            "--outcome",
            "death/clopidogrel",
        ],
        &["only ongoing studies report numbers for outcome \"death\""],
    );
    // Where only ongoing studies give numbers, the refusal says so, not that the outcome is unknown.
    data["studies"] = serde_json::Value::Array(vec![data["studies"][0].clone()]);
    data["claims"] = serde_json::json!([]);
    let file = scratch("only-ongoing.json", data.to_string().as_bytes());
    refused(
        &["analyze", file.to_str().unwrap()],
        &[
            "only ongoing studies report numbers for outcome \"death\"",
            "interim",
        ],
    );
}

#[test]
fn analyze_refuses_to_pool_what_cannot_be_pooled() {
    refused(
        &["analyze", "src/data/ms-stem-cells.json"],
        &["choose one with --outcome"],
    );
    // An outcome in words only, asked for with a treatment: there are no numbers to pool.
    refused(
        &[
            "analyze",
            "src/data/ms-stem-cells.json",
            "--outcome",
            "deaths/msc",
        ],
        &["no study reports numbers for outcome \"deaths\""],
    );
    refused(
        &[
            "analyze",
            "tests/data/bcg.csv",
            "--measure",
            "RR",
            "--subgroup",
            "nope",
        ],
        &["--subgroup nope"],
    );
}

#[test]
fn analyze_pools_each_treatment_on_its_own_as_the_appraisal_does() {
    let text = std::fs::read_to_string("tests/data/aspirin-mi.json").unwrap();
    let mut data: serde_json::Value = serde_json::from_str(&text).unwrap();
    let studies = data["studies"].as_array_mut().unwrap();
    for s in studies.iter_mut().take(2) {
        s["intervention"]["therapy"] = "clopidogrel".into();
    }
    let file = scratch("two-treatments.json", data.to_string().as_bytes());
    let file = file.to_str().unwrap();

    refused(
        &["analyze", file, "--outcome", "death"],
        &["death/clopidogrel", "death/aspirin", "--subgroup therapy"],
    );

    let appraisal = run(&["appraise", file]);
    let appraisal: serde_json::Value = serde_json::from_str(&stdout(&appraisal)).unwrap();
    for (id, k) in [("death/aspirin", 5), ("death/clopidogrel", 2)] {
        let o = run(&["analyze", file, "--outcome", id]);
        assert_eq!(o.status.code(), Some(0), "{id}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["k"], k, "{id}");
        let body = appraisal["pooled"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["id"] == id)
            .unwrap_or_else(|| panic!("no pooled body {id}"));
        assert_eq!(body["k"], k, "{id}");
        close(
            &body["effect"],
            "estimate",
            v["exp"]["estimate"].as_f64().unwrap(),
            9,
        );
    }
    refused(
        &["analyze", file, "--outcome", "death/statin"],
        &[
            "treatment \"statin\"",
            "--outcome (death/clopidogrel, death/aspirin)",
        ],
    );
    // In any case; RevMan's methods too; a body that pooling told apart by name is refused.
    for args in [
        &["--outcome", "DEATH/Aspirin"][..],
        &["--outcome", "death/aspirin", "--method", "MH"],
    ] {
        let o = run(&[&["analyze", file][..], args].concat());
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["k"], 5, "{args:?}");
    }
    refused(
        &["analyze", file, "--outcome", "death", "--method", "MH"],
        &["death/aspirin", "death/clopidogrel"],
    );
    refused(
        &["analyze", file, "--outcome", "death/aspirin#2"],
        &["told apart by their outcomes' names"],
    );

    // Another treatment's studies on another measure do not stop this one's from pooling.
    for s in data["studies"].as_array_mut().unwrap().iter_mut().take(2) {
        s["outcomes"][0]["data"] =
            serde_json::json!({"measure": "HR", "estimate": 0.9, "ci_lb": 0.7, "ci_ub": 1.1});
    }
    let mixed = scratch("two-measures.json", data.to_string().as_bytes());
    let o = run(&[
        "analyze",
        mixed.to_str().unwrap(),
        "--outcome",
        "death/aspirin",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let both = analyze_file(file, &["--outcome", "death", "--subgroup", "therapy"]);
    assert_eq!(both["k"], 7);
    assert_eq!(both["subgroups"].as_array().unwrap().len(), 2);

    let csv = "study,therapy,yi,vi\nA,aspirin,-0.2,0.01\nB,aspirin,-0.3,0.02\nC,statin,-0.1,0.01\n";
    let csv = scratch("two-treatments.csv", csv.as_bytes());
    let csv = csv.to_str().unwrap();
    refused(
        &["analyze", csv],
        &[
            "test different treatments",
            "or compare them with --subgroup therapy",
        ],
    );
    // So many treatments that the test between them is not fitted: said with the suggestion,
    // and asked for, each is still pooled and the test's absence is said.
    let mut many = String::from("study,therapy,yi,vi\n");
    for i in 0..=evidence_lens::stats::moderators::MAX_TESTED_LEVELS {
        many.push_str(&format!("s{i},t{i},-0.{},0.0{}\n", i % 9, 1 + i % 8));
    }
    let many = scratch("many-treatments.csv", many.as_bytes());
    let many = many.to_str().unwrap();
    let o = run(&["analyze", many]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(
            "and 991 more), or compare them with --subgroup therapy (each pooled; no test between more than 1000)\n"
        ),
        "{}",
        stderr(&o)
    );
    let o = run(&["analyze", many, "--subgroup", "therapy"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["subgroups"].as_array().unwrap().len(), 1001);
    assert!(v["subgroup_test"].is_null());
    let notes = v["notes"].to_string();
    assert!(
        notes
            .contains("subgroup: 1001 subgroups; the test between them is fitted for at most 1000"),
        "{notes}"
    );
    // A treatment is not an outcome.
    refused(
        &["analyze", csv, "--outcome", "statin"],
        &["no outcome \"statin\""],
    );
    for (args, k) in [
        (["--outcome", "main/aspirin"], 2),
        (["--subgroup", "therapy"], 3),
    ] {
        let o = run(&[&["analyze", csv][..], &args].concat());
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["k"], k, "{args:?}");
        if args[0] == "--subgroup" {
            let names: Vec<&str> = (v["studies"].as_array().unwrap().iter())
                .map(|s| s["study"].as_str().unwrap())
                .collect();
            assert_eq!(names, ["A", "B", "C"], "in the file's order");
        }
    }
    // An outcome id with a '/' in it, and another treatment on another measure.
    let csv = "study,outcome,therapy,measure,yi,vi\nAlpha,a/b,X,MD,-0.2,0.01\nBeta,a/b,X,MD,-0.3,0.02\nGamma,a/b,Y,SMD,-0.1,0.01\n";
    let csv = scratch("slash.csv", csv.as_bytes());
    let csv = csv.to_str().unwrap();
    let o = run(&["analyze", csv, "--outcome", "a/b/x"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["k"], 2);
    // The views read the body's id as analyze does.
    let svg = csv.replace(".csv", ".svg");
    let o = run(&[
        "render",
        csv,
        "--view",
        "forest",
        "--outcome",
        "a/b/x",
        "-o",
        &svg,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(svg.contains("Alpha") && svg.contains("Beta"), "{svg}");
    assert!(!svg.contains("Gamma"), "another treatment's study is drawn");
}

#[test]
fn render_writes_an_svg_forest() {
    let out = std::env::temp_dir().join(format!("evidence-lens-forest-{}.svg", std::process::id()));
    let o = run(&[
        "render",
        "src/data/ms-stem-cells.json",
        "--view",
        "forest",
        "--width",
        "640",
        "--theme",
        "dark",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.starts_with("<svg width=\"640\""));
    assert!(svg.contains("MIST"), "the forest names the studies");
}

#[test]
fn render_poster_writes_each_band_and_theme() {
    let dir = std::env::temp_dir().join(format!("evidence-lens-posters-{}", std::process::id()));
    let o = run(&[
        "render",
        "src/data/ms-stem-cells.json",
        "--view",
        "summary",
        "--lang",
        "es",
        "--poster",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for (band, width) in [("narrow", 390), ("wide", 800)] {
        let light = std::fs::read_to_string(dir.join(format!("{band}-light.svg"))).unwrap();
        let dark = std::fs::read_to_string(dir.join(format!("{band}-dark.svg"))).unwrap();
        assert!(
            light.starts_with(&format!("<svg width=\"{width}\"")),
            "{band}"
        );
        assert!(
            light.contains("#FFFFFF") && !dark.contains("#FFFFFF"),
            "{band}: the dark poster has its own background"
        );
        assert!(
            light.contains("certeza"),
            "{band}: the poster is in the language asked for"
        );
    }
}

#[test]
fn appraise_prints_ratings_statements_and_claim_verdicts() {
    let o = run(&["appraise", "src/data/ms-stem-cells.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let outcomes = v["outcomes"].as_array().unwrap();
    let mist = outcomes
        .iter()
        .find(|o| o["study"] == "mist_2019" && o["outcome"] == "progression")
        .unwrap();
    assert_eq!(mist["certainty"], "low");
    assert!(mist["reasons"].as_array().unwrap().iter().any(|r| r["text"]
        .as_str()
        .unwrap_or("")
        .to_lowercase()
        .contains("open")));
    assert!(mist["statement"].as_str().unwrap().contains("may reduce"));
    let claims = v["claims"].as_array().unwrap();
    assert!(!claims.is_empty());
    let allowed = [
        "supported",
        "supported_in_part",
        "not_supported",
        "contradicted",
        "no_controlled_evidence",
        "unverifiable",
    ];
    assert!(claims
        .iter()
        .all(|c| allowed.contains(&c["verdict"].as_str().unwrap())));
    // A baseline given on the command line comes before the one the data gives MIST's hazard ratio.
    let o = run(&[
        "appraise",
        "src/data/ms-stem-cells.json",
        "--baseline",
        "progression=0.6",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let mist = v["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["study"] == "mist_2019" && o["outcome"] == "progression")
        .unwrap()
        .clone();
    assert_eq!(mist["absolute"]["baseline"], 0.6, "{mist}");
    assert_eq!(mist["absolute"]["baseline_source"], "caller", "{mist}");
    // As in the data: a fraction strictly between 0 and 1.
    for bad in ["progression=7", "progression=0", "progression=1"] {
        let o = run(&["appraise", "src/data/ms-stem-cells.json", "--baseline", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
}

#[test]
fn problems_with_the_whole_file_have_no_empty_path() {
    let file = scratch(
        "truncated.json",
        br#"{"schema": "evidence-lens/1", "studies": ["#,
    );
    let o = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(!err.contains(": : "), "{err}");
    assert!(
        err.lines()
            .all(|l| l.starts_with(&format!("{}: ", file.display()))),
        "{err}"
    );
}

#[test]
fn validate_reads_spreadsheets_as_saved_and_says_how() {
    // Semicolons, decimal commas, Windows-1252 and the headers people write; a .tsv is CSV too.
    let file = scratch(
        "excel.csv",
        b"Study;Design;OR;Lower 95% CI;Upper 95% CI\r\nS\xe9guin 2019;rct;0,62;0,40;0,96\r\n",
    );
    let o = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    let f = file.display();
    for line in [
        format!("{f}: warning: input is not UTF-8; it was read as Windows-1252 (Excel's \"CSV\" on Windows): check that accented letters look right, or save it as \"CSV UTF-8\""),
        format!("{f}: warning: input is separated by semicolons; decimal commas (0,94) are read as decimal points"),
        format!("{f}: row 1: warning: read \"OR\" as estimate (the study's effect estimate), with measure OR for rows that do not name one"),
    ] {
        assert!(err.lines().any(|l| l == line), "{line}\nnot in\n{err}");
    }
    let tsv = scratch("table.tsv", b"study\tyi\tvi\nA\t0,1\t0,2\n");
    let o = run(&["validate", tsv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(": ok: 1 study, 1 outcome, 0 claims"),
        "{}",
        stdout(&o)
    );
}

/// BCG's 13 rows `copies` times over, each copy's studies renamed: `copies` × 13 studies.
fn bcg_copies(copies: usize) -> String {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bcg.csv"),
    )
    .unwrap();
    let mut lines = text.lines();
    let mut out = format!("{}\n", lines.next().unwrap());
    let rows: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
    for c in 0..copies {
        for row in &rows {
            // Names with commas are quoted: the copy number goes inside the quotes.
            let (name, rest) = match row.strip_prefix('"') {
                Some(quoted) => {
                    let (n, r) = quoted.split_once('"').unwrap();
                    (n.to_string(), &r[1..])
                }
                None => {
                    let (n, r) = row.split_once(',').unwrap();
                    (n.to_string(), r)
                }
            };
            out.push_str(&format!("\"{name} copy {c}\",{rest}\n"));
        }
    }
    out
}

/// The CLI reads a CSV file a chunk at a time, past the widget's limits (20,000 studies, 80,000
/// rows): the common-effect estimate of BCG's trials repeated m times is BCG's, with a standard
/// error √m times smaller, across chunk boundaries.
#[test]
fn analyze_streams_a_csv_far_past_the_widgets_limits() {
    let copies = 7_000; // 91,000 rows: ten chunks of 10,000 rows
    let big = scratch("bcg-copies.csv", bcg_copies(copies).as_bytes());
    let one = analyze(&["--measure", "RR", "--method", "FE"]);
    let many = analyze_file(
        big.to_str().unwrap(),
        &["--measure", "RR", "--method", "FE"],
    );
    assert_eq!(many["k"], 13 * copies);
    let (e1, e) = (
        one["estimate"].as_f64().unwrap(),
        many["estimate"].as_f64().unwrap(),
    );
    assert!((e - e1).abs() < 1e-9, "{e} vs {e1}");
    let (se1, se) = (one["se"].as_f64().unwrap(), many["se"].as_f64().unwrap());
    assert!(
        (se * (copies as f64).sqrt() / se1 - 1.0).abs() < 1e-9,
        "{se} vs {se1}"
    );
    assert_eq!(many["studies"].as_array().unwrap().len(), 13 * copies);
    // In the file's order, across the chunks.
    let last = many["studies"][13 * copies - 1]["study"].as_str().unwrap();
    assert!(last.ends_with(&format!(" copy {}", copies - 1)), "{last}");
    // The leave-one-out analysis (k refits) is left out, and says so.
    assert_eq!(many["leave1out"].as_array().unwrap().len(), 0);
    assert!(
        many["notes"]
            .to_string()
            .contains("leave1out: not computed"),
        "{}",
        many["notes"]
    );
    // The widget's limits stay the widget's (and `validate`'s, which checks a file for it).
    let v = run(&["validate", big.to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(1));
    assert!(stderr(&v).contains("the limit is"), "{}", stderr(&v));
}

/// A streamed file is read as a small one is: Windows-1252, semicolons and decimal commas; a bad
/// row in a later chunk is named by its row and stops the analysis.
#[test]
fn analyze_streams_spreadsheets_as_saved_and_names_bad_rows() {
    let mut latin = b"study;yi;vi\n".to_vec();
    for (i, name) in [b"M\xfcller".as_slice(), b"Garc\xeda", b"Ng"]
        .iter()
        .enumerate()
    {
        latin.extend_from_slice(name);
        latin.extend_from_slice(format!(";-0,{};0,0{}\n", i + 2, i + 1).as_bytes());
    }
    let file = scratch("latin.csv", &latin);
    let o = run(&["analyze", file.to_str().unwrap(), "--method", "FE"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let names: Vec<&str> = v["studies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["study"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Müller", "García", "Ng"]);
    // Weights 1/0.01, 1/0.02, 1/0.03 on -0.2, -0.3, -0.4.
    let w = [100.0, 50.0, 100.0 / 3.0];
    let expected = (w[0] * -0.2 + w[1] * -0.3 + w[2] * -0.4) / w.iter().sum::<f64>();
    close(&v, "estimate", expected, 12);

    let mut text = bcg_copies(5_000);
    let at = text.match_indices('\n').nth(60_000).unwrap().0 + 1;
    text.insert_str(at, "\"Bad row\",1950,four,100,5,100,40,random\n");
    let file = scratch("bad-row.csv", text.as_bytes());
    let o = run(&["analyze", file.to_str().unwrap(), "--measure", "RR"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("row 60002"), "{}", stderr(&o));
    assert!(stderr(&o).contains("nothing analysed"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
}

/// A study's two results for one outcome are refused as in a small file, also when a chunk of
/// 10,000 rows lies between them.
#[test]
fn analyze_refuses_a_studys_second_result_in_a_later_chunk() {
    let mut text = String::from("study,outcome,yi,vi\nTwice,o,-0.2,0.01\n");
    for i in 0..12_000 {
        text.push_str(&format!("S{i},o,-0.{},0.02\n", i % 9 + 1));
    }
    text.push_str("Twice,o,-0.3,0.01\n");
    let file = scratch("twice.csv", text.as_bytes());
    let o = run(&["analyze", file.to_str().unwrap(), "--method", "FE"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("study \"Twice\" gives more than one result for outcome \"o\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn catalogue_prints_a_language_for_the_widget_to_download() {
    let o = run(&["catalogue", "--lang", "fr"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let texts: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(texts.len(), evidence_lens::i18n::keys().count());
    assert_eq!(texts["view.forest"], "Graphique en forêt");
    // What the slim widget installs: the full catalogue's French, key by key.
    for (key, text) in &texts {
        assert_eq!(
            text,
            evidence_lens::i18n::t(evidence_lens::i18n::Lang::Fr, key),
            "{key}"
        );
    }
    assert_eq!(run(&["catalogue", "--lang", "de"]).status.code(), Some(2));
}

#[test]
fn a_file_not_named_json_or_csv_is_told_by_its_content() {
    // Excel's "Text (Tab delimited)" is a .txt table; a workbook is told to be saved as CSV.
    let txt = scratch("trials.txt", b"Study\tyi\tvi\nA\t0,1\t0,04\nB\t0,2\t0,05\n");
    let o = run(&["validate", txt.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let xlsx = scratch("trials.xlsx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml\x00\x01xl/workbook.xml\x00\xff");
    let o = run(&["validate", xlsx.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("this is an Excel workbook (.xlsx), not a table saved as text"),
        "{}",
        stderr(&o)
    );
    // A Cochrane review is told to be imported first.
    for review in [
        "tests/data/fleiss1993.rm5",
        "tests/data/fleiss1993-data-package.zip",
    ] {
        let o = run(&["validate", review]);
        assert_eq!(o.status.code(), Some(1));
        let said = format!("{review}: this is a Cochrane review (a RevMan 5 file or a data package), not a dataset: convert it first with `evidence-lens import {review} -o data.json`, then use data.json\n");
        assert_eq!(stderr(&o), said);
    }
    // Its XML under another name, after a byte-order mark, is one too.
    let xml = scratch(
        "review.xml",
        b"\xEF\xBB\xBF <?xml version=\"1.0\"?><COCHRANE_REVIEW/>",
    );
    let o = run(&["validate", xml.to_str().unwrap()]);
    assert!(
        stderr(&o).contains("this is a Cochrane review"),
        "{}",
        stderr(&o)
    );
    // A JSON dataset under another name is still JSON.
    let json = std::fs::read("src/data/ms-stem-cells.json").unwrap();
    let data = scratch("dataset.txt", &json);
    let o = run(&["validate", data.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// A table with a bad row is drawn without it, as the widget draws it, and the row's error is
/// said on stderr: the chart is not passed off as the whole table.
#[test]
fn render_draws_what_can_be_read_and_says_what_it_left_out() {
    let table = scratch(
        "render-partial.csv",
        b"Study,Year,Design,Outcome,Better,Experimental cases,Experimental N,Control cases,Control N\n\
          Trial A,2018,rct,Relapse,lower,120,100,21,98\n\
          Trial B,2020,rct,Relapse,lower,9,75,15,77\n",
    );
    let out =
        std::env::temp_dir().join(format!("evidence-lens-partial-{}.svg", std::process::id()));
    let o = run(&[
        "render",
        table.to_str().unwrap(),
        "--view",
        "forest",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let said = stderr(&o);
    assert!(
        said.contains("row 2, column Experimental cases: 120 events (ai) is more than the 100 participants in the arm (n1i)"),
        "{said}"
    );
    assert!(
        !said.contains("warning"),
        "warnings are validate's to list: {said}"
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.contains("Trial B") && !svg.contains("Trial A"),
        "only the readable row is drawn"
    );
}

/// A web page saved in the data's place is called what it is, for every command that reads data:
/// it had been taken for a Cochrane review, and `import` then said its root was not a review's.
#[test]
fn a_web_page_is_named_as_one_with_what_to_do() {
    let page = scratch(
        "sheet.csv",
        b"\n<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Sign in</body></html>\n",
    );
    for command in ["validate", "appraise"] {
        refused(
            &[command, page.to_str().unwrap()],
            &[
                "this is a web page (HTML), not data",
                "Download the file itself",
            ],
        );
    }
    let o = run(&["validate", page.to_str().unwrap()]);
    assert!(!stderr(&o).contains("Cochrane review"), "{}", stderr(&o));
}

/// `--subgroup` on a column of measurements makes each value a category: the notes say so, and
/// that a trend across the values would want a meta-regression; a column of categories says nothing.
#[test]
fn subgroups_of_a_measurement_column_are_said_to_be_categories() {
    let by_latitude = analyze(&["--measure", "RR", "--subgroup", "ablat"]);
    let notes = by_latitude["notes"].to_string();
    assert!(
        notes.contains("each of the 9 values of 'ablat' is a subgroup of its own"),
        "{notes}"
    );
    assert_eq!(by_latitude["subgroups"].as_array().unwrap().len(), 9);
    let by_allocation = analyze(&["--measure", "RR", "--subgroup", "alloc"]);
    assert_eq!(by_allocation["notes"], serde_json::json!([]));
}

/// `--mods` fits metafor's mixed-effects meta-regression, `rma(yi, vi, mods = ~ ablat, data = dat)`
/// on the BCG log risk ratios, as metafor prints it (its output is shown beside RoBMA's in that
/// package's vignette "Bayesian Meta-Analysis"). metafor stops REML's Fisher scoring when tau2
/// moves by less than 1e-5, here near 0.076355, where the restricted likelihood's maximum is at
/// 0.076348 (found again by maximising it directly): what depends on tau2 in the printed digits
/// (tau2, its SE, R2, QM, the slope's z, the intercept's lower bound) is compared within the
/// printed precision and 2e-4 of the value.
#[test]
fn mods_fit_metaforss_meta_regression_on_a_column_of_numbers() {
    let near = |v: &serde_json::Value, key: &str, printed: f64, digits: i32| {
        let got = v[key]
            .as_f64()
            .unwrap_or_else(|| panic!("{key} missing in {v}"));
        let tol = 0.5 * 10f64.powi(-digits) + 2e-4 * printed.abs();
        assert!((got - printed).abs() <= tol, "{key}: {got} vs {printed}");
    };
    let r = analyze(&["--measure", "RR", "--mods", "ablat"]);
    let m = &r["meta_regression"];
    assert_eq!(m["mods"], serde_json::json!(["ablat"]));
    assert_eq!(m["k"], 13);
    near(m, "tau2", 0.0764, 4);
    near(m, "se_tau2", 0.0591, 4);
    close(m, "I2", 68.39, 2);
    close(m, "H2", 3.16, 2);
    near(m, "R2", 75.62, 2);
    close(m, "QE", 30.7331, 4);
    assert_eq!(m["QE_df"], 11);
    close(m, "QE_pval", 0.0012, 4);
    near(m, "QM", 16.3571, 4);
    assert_eq!(m["QM_df"], 1);
    assert!(m["QM_pval"].as_f64().unwrap() < 1e-4);
    let (intercept, slope) = (&m["coefficients"][0], &m["coefficients"][1]);
    assert_eq!(
        (&intercept["name"], &slope["name"]),
        (&"intrcpt".into(), &"ablat".into())
    );
    close(intercept, "estimate", 0.2515, 4);
    close(intercept, "se", 0.2491, 4);
    close(intercept, "zval", 1.0095, 4);
    close(intercept, "pval", 0.3127, 4);
    near(intercept, "ci_lb", -0.2368, 4);
    close(intercept, "ci_ub", 0.7397, 4);
    close(slope, "estimate", -0.0291, 4);
    close(slope, "se", 0.0072, 4);
    near(slope, "zval", -4.0444, 4);
    close(slope, "ci_lb", -0.0432, 4);
    close(slope, "ci_ub", -0.0150, 4);
    // The pooled result is the same as without the moderator.
    let plain = analyze(&["--measure", "RR"]);
    assert_eq!(r["estimate"], plain["estimate"]);
    assert!(plain.get("meta_regression").is_none());

    // A column of categories is for --subgroup: said in the notes, with the rest of the report.
    let r = analyze(&["--measure", "RR", "--mods", "alloc"]);
    assert!(r.get("meta_regression").is_none());
    assert!(
        r["notes"]
            .to_string()
            .contains("moderator 'alloc': \\\"random\\\" (study \\\"Aronson\\\") is not a number"),
        "{}",
        r["notes"]
    );
    // Two columns; a study without a number in one is left out, and said.
    let csv = std::fs::read_to_string("tests/data/bcg.csv")
        .unwrap()
        .replacen(",44,random", ",,random", 1);
    let file = scratch("bcg-gap.csv", csv.as_bytes());
    let r = analyze_file(
        file.to_str().unwrap(),
        &["--measure", "RR", "--mods", "ablat,year"],
    );
    let m = &r["meta_regression"];
    assert_eq!(m["k"], 12);
    assert_eq!(m["QM_df"], 2);
    assert_eq!(m["coefficients"].as_array().unwrap().len(), 3);
    assert!(
        r["notes"]
            .to_string()
            .contains("1 study without a number in every moderator column left out"),
        "{}",
        r["notes"]
    );
}
