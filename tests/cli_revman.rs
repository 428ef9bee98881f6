//! `evidence-lens import` and `analyze` on an imported review, as a script would use them.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_evidence-lens"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// Imports `source` into the scratch directory's `name`; its path, and what `import` printed.
fn import(name: &str, source: &str) -> (String, String) {
    let dir = std::env::temp_dir().join(format!("evidence-lens-cli-revman-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join(name).to_string_lossy().into_owned();
    let o = run(&["import", source, "-o", &out]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    (out, String::from_utf8_lossy(&o.stdout).into_owned())
}

fn imported(name: &str, source: &str) -> String {
    let (out, said) = import(name, source);
    assert!(
        said.ends_with(": 12 studies, 2 analyses (CMP-001.01, CMP-001.02), 12 study results\n"),
        "{said}"
    );
    out
}

/// A review of one analysis says so in the singular.
#[test]
fn import_counts_in_the_singular_and_the_plural() {
    let text =
        String::from_utf8_lossy(&std::fs::read("tests/data/fleiss1993.rm5").unwrap()).into_owned();
    // The review with its second analysis taken out.
    let (start, end) = (
        text.find("<CONT_OUTCOME").unwrap(),
        text.find("</CONT_OUTCOME>").unwrap(),
    );
    let one = format!(
        "{}{}",
        &text[..start],
        &text[end + "</CONT_OUTCOME>".len()..]
    );
    let source = std::env::temp_dir().join(format!("evidence-lens-one-{}.rm5", std::process::id()));
    std::fs::write(&source, one).unwrap();
    let (_, said) = import("one.json", source.to_str().unwrap());
    assert!(
        said.ends_with(": 7 studies, 1 analysis (CMP-001.01), 7 study results\n"),
        "{said}"
    );
}

/// `--randomised`: the editor says the review's studies are randomised trials; the written data
/// rate them so, and the warning says what was done instead of asking for it.
#[test]
fn import_randomised_sets_the_unstated_designs() {
    let dir = std::env::temp_dir().join(format!("evidence-lens-cli-rct-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("rct.json").to_string_lossy().into_owned();
    let o = run(&[
        "import",
        "tests/data/fleiss1993.rm5",
        "-o",
        &out,
        "--randomised",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("warning: 12 of 12 studies: the review's file does not say how they were designed; shown as randomised trials, as you said"),
        "{said}"
    );
    assert!(!said.contains("say so when converting"), "{said}");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let designs: Vec<&str> = (written["studies"].as_array().unwrap().iter())
        .map(|s| s["design"].as_str().unwrap())
        .collect();
    assert_eq!(designs, vec!["rct"; 12]);
    // Without it, the designs stay unknown and the warning says how to tell.
    let o = run(&["import", "tests/data/fleiss1993.rm5", "-o", &out]);
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("`evidence-lens import --randomised`"),
        "{said}"
    );
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written["studies"][0]["design"], "unknown");
}

fn analyze(args: &[&str]) -> serde_json::Value {
    let o = run(&[&["analyze"], args].concat());
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn analyze_uses_the_reviews_settings_and_shows_its_stored_results() {
    for (name, source) in [
        ("rm5.json", "tests/data/fleiss1993.rm5"),
        ("pkg.json", "tests/data/fleiss1993-data-package.zip"),
    ] {
        let file = imported(name, source);
        let r = analyze(&[&file, "--outcome", "CMP-001.01"]);
        assert_eq!(
            (r["method"].as_str(), r["model"].as_str()),
            (Some("MH"), Some("fixed"))
        );
        let stored = &r["stored"];
        for (ours, theirs) in [
            (r["exp"]["estimate"].as_f64(), stored["estimate"].as_f64()),
            (r["exp"]["ci_lb"].as_f64(), stored["ci_lb"].as_f64()),
            (r["Q"].as_f64(), stored["Q"].as_f64()),
            (r["I2"].as_f64(), stored["I2"].as_f64()),
            (r["zval"].as_f64().map(f64::abs), stored["zval"].as_f64()),
        ] {
            assert!(
                (ours.unwrap() - theirs.unwrap()).abs() < 1e-6,
                "{ours:?} {theirs:?}"
            );
        }
        let weights: f64 = r["studies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["weight"].as_f64().unwrap())
            .sum();
        assert!((weights - 100.0).abs() < 1e-9);

        // Told otherwise: random effects, or metafor's REML; the stored results are then not shown.
        let random = analyze(&[&file, "--outcome", "CMP-001.01", "--method", "DL"]);
        assert_eq!(random["model"], "random");
        assert!(random["stored"].is_null());
        assert!(random["tau2"].as_f64().unwrap() > 0.0);
        let reml = analyze(&[&file, "--outcome", "CMP-001.01", "--method", "REML"]);
        assert_eq!(reml["method"], "REML");
        let peto = analyze(&[&file, "--outcome", "CMP-001.01", "--method", "PETO"]);
        assert_eq!(peto["method"], "PETO");
        let md = analyze(&[&file, "--outcome", "CMP-001.02", "--measure", "MD"]);
        assert!((md["estimate"].as_f64().unwrap() + 0.70938839).abs() < 5e-9);
    }
}

#[test]
fn revman_methods_work_on_plain_tables_and_conflicts_are_reported() {
    let r = analyze(&["tests/data/bcg.csv", "--method", "MH", "--measure", "RR"]);
    assert!((r["estimate"].as_f64().unwrap() + 0.4537).abs() < 5e-5);
    // Without a RevMan method the table is metafor's, as before.
    let m = analyze(&["tests/data/bcg.csv", "--measure", "RR"]);
    assert_eq!(m["method"], "REML");
    let o = run(&[
        "analyze",
        "tests/data/bcg.csv",
        "--method",
        "REML",
        "--model",
        "random",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--model"));
    let o = run(&[
        "analyze",
        "tests/data/bcg.csv",
        "--method",
        "MH",
        "--test",
        "knha",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["analyze", "tests/data/bcg.csv", "--method", "XYZ"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn import_reports_bad_files_with_exit_1() {
    for bad in [
        "tests/data/bcg.csv",
        "tests/corpus/truncated.json",
        "tests/data/missing.rm5",
    ] {
        let o = run(&["import", bad, "-o", "/dev/null"]);
        assert_eq!(o.status.code(), Some(1), "{bad}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.starts_with(bad), "{err}");
    }
}
