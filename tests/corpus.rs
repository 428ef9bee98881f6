//! Hostile and broken datasets, through the library and through the CLI binary.
//!
//! `tests/corpus/expected.tsv` lists the stored files: the exit code of `evidence-lens validate`, the
//! path of the first error (`-` for the whole input) and a piece of its message. Large inputs (deep
//! nesting, just over `MAX_INPUT_BYTES`, a million CSV rows, 10,000 outcomes, too many studies) are
//! generated here at test time instead of being stored. For every input:
//! * the library never panics, and each error names a path (or is about the whole input);
//! * the CLI exits with the expected code (never 101, never a signal), prints the expected first
//!   error line as `FILE: PATH: message` and never a panic message;
//! * nothing takes long: every run has a deadline (60 s for the largest inputs).
//!
//! `tests/corpus/analyze/*.csv` are hostile tables for `analyze` (all-zero tables, one study, identical
//! studies, variances of 1e-300 and 1e300...): every method and test must print JSON whose numbers are
//! all finite (absent ones are null) or a clear error, never NaN or inf, never a panic.
//!
//! Set `CORPUS_PRINT=1` to print what each input actually gives (to write new expectations).
#![cfg(not(target_arch = "wasm32"))]

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use evidence_lens::model::{self, Dataset, Parsed, MAX_INPUT_BYTES, MAX_STUDIES};

const DEADLINE: Duration = Duration::from_secs(60);

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("corpus")
}

fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("evidence-lens-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn printing() -> bool {
    std::env::var_os("CORPUS_PRINT").is_some()
}

/// One expectation: `evidence-lens validate FILE` exits with `exit`; unless it is 0, the first error
/// is at `path` (empty for the whole input) and its message contains `message`.
#[derive(Debug, Clone)]
struct Case {
    file: String,
    exit: i32,
    path: String,
    message: String,
}

fn expectations() -> Vec<Case> {
    let text = std::fs::read_to_string(corpus_dir().join("expected.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "expected.tsv: 4 tab-separated fields in {l:?}");
            Case {
                file: f[0].to_string(),
                exit: f[1].parse().unwrap(),
                path: if f[2] == "-" {
                    String::new()
                } else {
                    f[2].to_string()
                },
                message: f[3].to_string(),
            }
        })
        .collect()
}

/// Reads bytes the way the CLI and the widget do: CSV by extension, JSON otherwise.
fn parse(name: &str, bytes: &[u8]) -> Parsed {
    if name.to_ascii_lowercase().ends_with(".csv") {
        Dataset::from_csv(bytes, None)
    } else {
        model::parse_json(bytes)
    }
}

/// Messages that are about the whole input and so have no path.
const WHOLE_INPUT: &[&str] = &[
    "input is",
    "line ",
    "unknown schema",
    "expected an object",
    "missing required field \"studies\"",
];

/// Runs `f` on another thread and fails if it does not finish within `limit`.
fn within<T: Send + 'static>(
    what: &str,
    limit: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> (T, Duration) {
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .unwrap();
    match rx.recv_timeout(limit) {
        Ok(v) => (v, start.elapsed()),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: still running after {limit:?} (a hang)")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: panicked"),
    }
}

/// Library checks: no panic, errors with paths, the expected first error.
fn check_library(case: &Case, bytes: Vec<u8>) -> Duration {
    let name = case.file.clone();
    let (parsed, took) = within(&format!("library: {name}"), DEADLINE, move || {
        let p = parse(&name, &bytes);
        if let Some(ds) = &p.dataset {
            let _ = ds.validate();
            let _ = ds.to_json_pretty();
        }
        p
    });
    if printing() {
        let first = parsed.errors.first().map(|p| {
            format!(
                "{}\t{}",
                if p.path.is_empty() { "-" } else { &p.path },
                p.message()
            )
        });
        eprintln!(
            "LIB {}\t{}\t{}\t({} errors, {:?})",
            case.file,
            if parsed.is_ok() { 0 } else { 1 },
            first.unwrap_or_default(),
            parsed.errors.len(),
            took
        );
        return took;
    }
    for p in parsed.errors.iter().chain(&parsed.warnings) {
        assert!(
            !p.path.is_empty() || WHOLE_INPUT.iter().any(|w| p.message().starts_with(w)),
            "{}: a problem without a path: {p:?}",
            case.file
        );
        assert!(!p.message().contains("panicked"), "{}: {p:?}", case.file);
    }
    if case.exit == 0 {
        assert!(
            parsed.is_ok(),
            "{}: expected no errors, got {:?}",
            case.file,
            &parsed.errors[..parsed.errors.len().min(5)]
        );
    } else {
        let first = parsed
            .errors
            .first()
            .unwrap_or_else(|| panic!("{}: expected an error, got none", case.file));
        assert_eq!(
            first.path, case.path,
            "{}: path of the first error ({first:?})",
            case.file
        );
        assert!(
            first.message().contains(&case.message),
            "{}: first error {first:?} should contain {:?}",
            case.file,
            case.message
        );
    }
    took
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
}

/// Runs the CLI with a deadline; output goes to files so that a flood of lines cannot block it.
fn run_cli(args: &[&str], tag: &str) -> Run {
    let dir = scratch_dir();
    let (out_path, err_path) = (
        dir.join(format!("{tag}.out")),
        dir.join(format!("{tag}.err")),
    );
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_evidence-lens"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(File::create(&out_path).unwrap())
        .stderr(File::create(&err_path).unwrap())
        .spawn()
        .expect("the binary runs");
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("evidence-lens {args:?}: still running after {DEADLINE:?} (a hang)");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let took = start.elapsed();
    let read =
        |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
    let run = Run {
        code: status.code(),
        stdout: read(&out_path),
        stderr: read(&err_path),
        took,
    };
    let _ = std::fs::remove_file(&out_path);
    let _ = std::fs::remove_file(&err_path);
    assert!(
        run.code.is_some(),
        "evidence-lens {args:?} was killed by a signal: {status:?}"
    );
    assert_ne!(
        run.code,
        Some(101),
        "evidence-lens {args:?} panicked:\n{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("panicked"),
        "evidence-lens {args:?} panicked:\n{}",
        run.stderr
    );
    run
}

/// CLI checks: exit code and first error line of `validate`; `analyze` and `render` never panic.
fn check_cli(case: &Case, file: &Path) -> Duration {
    let f = file.to_str().unwrap();
    let tag = case.file.replace(['/', '.'], "_");
    let run = run_cli(&["validate", f], &format!("{tag}-validate"));
    let first = run
        .stderr
        .lines()
        .find(|l| !l.contains(": warning: "))
        .unwrap_or("")
        .to_string();
    if printing() {
        eprintln!(
            "CLI {}\t{:?}\t{}\t({:?})",
            case.file, run.code, first, run.took
        );
        return run.took;
    }
    assert_eq!(
        run.code,
        Some(case.exit),
        "validate {}: exit code; stderr:\n{}",
        case.file,
        &run.stderr[..run.stderr.len().min(2000)]
    );
    if case.exit == 0 {
        assert!(
            run.stdout.contains(": ok: "),
            "validate {}: {}",
            case.file,
            run.stdout
        );
    } else {
        let prefix = format!("{f}: ");
        assert!(
            first.starts_with(&prefix),
            "validate {}: first line {first:?} should start with {prefix:?}",
            case.file
        );
        let rest = &first[prefix.len()..];
        if !case.path.is_empty() {
            assert!(
                rest.starts_with(&format!("{}: ", case.path)),
                "validate {}: first line {first:?} should name {:?}",
                case.file,
                case.path
            );
        }
        assert!(
            rest.contains(&case.message),
            "validate {}: first line {first:?} should contain {:?}",
            case.file,
            case.message
        );
    }
    // The other commands read the same file: an answer or an error, never a crash. `analyze`
    // reads a CSV file of any size a chunk at a time, so the million-row files are analysed, not
    // refused: too slow for this debug build's deadline, they are left to tests/cli.rs
    // (`analyze_streams_*`) and the release benchmark (bench/cli.sh).
    if !case.file.starts_with("million-") {
        let a = run_cli(&["analyze", f], &format!("{tag}-analyze"));
        assert!(
            matches!(a.code, Some(0 | 1)),
            "analyze {}: exit {:?}",
            case.file,
            a.code
        );
        check_analyze_output(&a, &case.file);
    }
    let svg = scratch_dir().join(format!("{tag}.svg"));
    let r = run_cli(
        &["render", f, "-o", svg.to_str().unwrap()],
        &format!("{tag}-render"),
    );
    assert!(
        matches!(r.code, Some(0 | 1)),
        "render {}: exit {:?}",
        case.file,
        r.code
    );
    if r.code == Some(0) {
        let text = std::fs::read_to_string(&svg).unwrap();
        assert!(text.starts_with("<svg"), "render {}", case.file);
        assert!(
            !text.contains("NaN"),
            "render {}: NaN in the SVG",
            case.file
        );
        let _ = std::fs::remove_file(&svg);
    }
    run.took
}

/// Every number in `analyze`'s output is finite; an error is one clear line per problem.
fn check_analyze_output(run: &Run, what: &str) {
    if run.code == Some(0) {
        assert!(
            !run.stdout.contains("NaN") && !run.stdout.contains("inf"),
            "analyze {what}: {}",
            run.stdout
        );
        let v: serde_json::Value = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("analyze {what}: not JSON ({e}): {}", run.stdout));
        assert_finite(&v, what);
    } else {
        assert!(
            !run.stderr.trim().is_empty(),
            "analyze {what}: exit 1 without a message"
        );
        assert!(
            run.stdout.trim().is_empty(),
            "analyze {what}: output despite the error: {}",
            run.stdout
        );
    }
}

fn assert_finite(v: &serde_json::Value, what: &str) {
    match v {
        serde_json::Value::Number(n) => {
            assert!(n.as_f64().is_some_and(f64::is_finite), "{what}: {n}")
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| assert_finite(x, what)),
        serde_json::Value::Object(o) => o.values().for_each(|x| assert_finite(x, what)),
        _ => {}
    }
}

#[test]
fn every_stored_file_is_listed_and_every_listed_file_exists() {
    let cases = expectations();
    let listed: Vec<&str> = cases.iter().map(|c| c.file.as_str()).collect();
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_file() && name != "expected.tsv" && name != "README.md" {
            assert!(
                listed.contains(&name.as_str()),
                "{name} is in tests/corpus but not in expected.tsv"
            );
        }
    }
    for c in &cases {
        assert!(
            corpus_dir().join(&c.file).is_file(),
            "expected.tsv lists {} but there is no such file",
            c.file
        );
    }
}

#[test]
fn stored_corpus_through_the_library() {
    for case in expectations() {
        let bytes = std::fs::read(corpus_dir().join(&case.file)).unwrap();
        check_library(&case, bytes);
    }
}

#[test]
fn stored_corpus_through_the_cli() {
    for case in expectations() {
        check_cli(&case, &corpus_dir().join(&case.file));
    }
}

// ------------------------------------------------------------------------------------------------
// Generated inputs (too large to store).

fn minimal_study(i: usize) -> String {
    format!(
        r#"{{"id":"s{i}","label":"S{i}","citation":{{"text":"x"}},"source_kind":"paper","condition":"MS","intervention":{{"therapy":"MSC"}},"design":"rct","outcomes":[{{"id":"o","name":"O","kind":"benefit","better":"lower","data":{{"measure":"GEN","yi":0.1,"vi":0.2}}}}]}}"#
    )
}

fn outcome(i: usize) -> String {
    format!(
        r#"{{"id":"o{i}","name":"Outcome {i}","kind":"benefit","better":"lower","data":{{"measure":"RR","ai":{},"n1i":40,"ci":5,"n2i":40}}}}"#,
        i % 40
    )
}

/// Base-36 names, so a million distinct study names fit under the size limit.
fn short_name(mut i: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut s = Vec::new();
    loop {
        s.push(DIGITS[i % 36]);
        i /= 36;
        if i == 0 {
            break;
        }
    }
    s.reverse();
    String::from_utf8(s).unwrap()
}

/// (case, bytes) for every generated input.
fn generated() -> Vec<(Case, Vec<u8>)> {
    let case = |file: &str, exit: i32, path: &str, message: &str| Case {
        file: file.into(),
        exit,
        path: path.into(),
        message: message.into(),
    };
    let limit_msg = format!("the limit is {MAX_INPUT_BYTES} bytes");
    let mut v = Vec::new();
    v.push((
        case("deep-array.json", 1, "", "nested too deeply"),
        "[".repeat(100_000).into_bytes(),
    ));
    v.push((
        case("deep-object.json", 1, "", "nested too deeply"),
        r#"{"a":"#.repeat(100_000).into_bytes(),
    ));
    let mut deep_valid = "[".repeat(100_000);
    deep_valid.push_str(&"]".repeat(100_000));
    v.push((
        case("deep-closed-array.json", 1, "", "nested too deeply"),
        deep_valid.into_bytes(),
    ));
    let mut big = br#"{"schema": "evidence-lens/1", "studies": []}"#.to_vec();
    big.resize(MAX_INPUT_BYTES + 1, b' ');
    v.push((case("over-limit.json", 1, "", &limit_msg), big.clone()));
    let mut big_csv = b"study,yi,vi\na,0.1,0.2\n".to_vec();
    big_csv.resize(MAX_INPUT_BYTES + 1, b'\n');
    v.push((case("over-limit.csv", 1, "", &limit_msg), big_csv));
    let mut exact = br#"{"schema": "evidence-lens/1", "studies": []}"#.to_vec();
    exact.resize(MAX_INPUT_BYTES, b' ');
    v.push((case("at-limit.json", 0, "", ""), exact));

    // A million CSV rows (under the byte limit): the row limit answers, quickly.
    let mut rows = String::from("study,yi,vi\n");
    for i in 0..1_000_000 {
        rows.push_str(&short_name(i));
        rows.push_str(",1,1\n");
    }
    v.push((
        case("million-rows.csv", 1, "row 80002", "the limit is 80000"),
        rows.into_bytes(),
    ));
    // The same, all rows naming the same study (metafor's layout allows repeated names).
    let rows = format!("study,yi,vi\n{}", "a,1,1\n".repeat(1_000_000));
    v.push((
        case(
            "million-rows-same-name.csv",
            1,
            "row 80002",
            "the limit is 80000",
        ),
        rows.into_bytes(),
    ));
    // A million rows that each have an error.
    let rows = format!("study,yi,vi\n{}", "a,x,1\n".repeat(1_000_000));
    v.push((
        case(
            "million-bad-rows.csv",
            1,
            "row 2, column yi",
            "not a number",
        ),
        rows.into_bytes(),
    ));

    // One study with 10,000 outcomes: fine, and fast.
    let outcomes: Vec<String> = (0..10_000).map(outcome).collect();
    let one = minimal_study(0).replacen(
        r#""outcomes":[{"id":"o","name":"O","kind":"benefit","better":"lower","data":{"measure":"GEN","yi":0.1,"vi":0.2}}]"#,
        &format!(r#""outcomes":[{}]"#, outcomes.join(",")),
        1,
    );
    v.push((
        case("ten-thousand-outcomes.json", 0, "", ""),
        format!(r#"{{"schema":"evidence-lens/1","studies":[{one}]}}"#).into_bytes(),
    ));

    // One study more than MAX_STUDIES.
    let studies: Vec<String> = (0..=MAX_STUDIES).map(minimal_study).collect();
    v.push((
        case(
            "too-many-studies.json",
            1,
            "studies",
            &format!("the limit is {MAX_STUDIES}"),
        ),
        format!(
            r#"{{"schema":"evidence-lens/1","studies":[{}]}}"#,
            studies.join(",")
        )
        .into_bytes(),
    ));
    v
}

#[test]
fn generated_inputs_through_the_library_and_the_cli() {
    let dir = scratch_dir();
    let mut report = Vec::new();
    for (case, bytes) in generated() {
        let path = dir.join(&case.file);
        std::fs::write(&path, &bytes).unwrap();
        let size = bytes.len();
        let lib = check_library(&case, bytes);
        let cli = check_cli(&case, &path);
        report.push(format!(
            "{:<32} {:>9} bytes  library {:>8.2?}  validate {:>8.2?}",
            case.file, size, lib, cli
        ));
        let _ = std::fs::remove_file(&path);
    }
    // Shown with --nocapture; the README quotes these times.
    println!("{}", report.join("\n"));
}

// ------------------------------------------------------------------------------------------------
// analyze on hostile tables.

const ANALYZE_ARGS: &[&[&str]] = &[
    &[],
    &["--method", "FE"],
    &["--method", "DL"],
    &["--method", "ML"],
    &["--method", "PM"],
    &["--method", "HE"],
    &["--method", "SJ"],
    &["--method", "EB"],
    &["--test", "knha"],
    &["--method", "DL", "--test", "knha", "--level", "99.9"],
];

#[test]
fn analyze_prints_finite_numbers_or_null_or_a_clear_error() {
    let dir = corpus_dir().join("analyze");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    assert!(files.len() >= 8);
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let f = file.to_str().unwrap();
        for (i, extra) in ANALYZE_ARGS.iter().enumerate() {
            let mut args = vec!["analyze", f];
            args.extend_from_slice(extra);
            let run = run_cli(&args, &format!("analyze-{name}-{i}"));
            if printing() {
                let first = if run.code == Some(0) {
                    run.stdout
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .take(160)
                        .collect()
                } else {
                    run.stderr.lines().next().unwrap_or("").to_string()
                };
                eprintln!("ANALYZE {name} {extra:?}\t{:?}\t{first}", run.code);
            }
            assert!(
                matches!(run.code, Some(0 | 1)),
                "analyze {name} {extra:?}: exit {:?}\n{}",
                run.code,
                run.stderr
            );
            check_analyze_output(&run, &format!("{name} {extra:?}"));
            if run.code == Some(1) {
                assert!(
                    run.stderr
                        .lines()
                        .next()
                        .unwrap()
                        .starts_with(&format!("{f}: ")),
                    "analyze {name}: {}",
                    run.stderr
                );
            }
        }
    }
}

/// What `analyze` answers for the hostile tables with its defaults (REML, z): the tables that can
/// be pooled are, with sensible numbers; the others are refused in words.
#[test]
fn analyze_answers_for_the_hostile_tables() {
    let dir = corpus_dir().join("analyze");
    let analyze = |name: &str| -> (Option<i32>, serde_json::Value, String) {
        let f = dir.join(name);
        let run = run_cli(&["analyze", f.to_str().unwrap()], &format!("answer-{name}"));
        let v = if run.code == Some(0) {
            serde_json::from_str(&run.stdout).unwrap()
        } else {
            serde_json::Value::Null
        };
        (run.code, v, run.stderr)
    };
    // One study: its own estimate, no heterogeneity.
    let (code, v, err) = analyze("one-study.csv");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(v["k"], 1);
    assert!((v["estimate"].as_f64().unwrap() - 0.4).abs() < 1e-12);
    assert_eq!(v["tau2"].as_f64(), Some(0.0));
    // Identical studies: tau2 = 0 and I2 = 0.
    let (code, v, err) = analyze("identical.csv");
    assert_eq!(code, Some(0), "{err}");
    assert!((v["estimate"].as_f64().unwrap() - 0.5).abs() < 1e-12);
    assert_eq!(v["tau2"].as_f64(), Some(0.0));
    assert!(v["I2"].as_f64().unwrap().abs() < 1e-9);
    // No events in any arm: metafor's 0.5 correction makes every table usable (log RR from the arm
    // sizes only), so there is an answer with finite numbers.
    let (code, v, err) = analyze("all-zero-events.csv");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(v["k"], 3);
    assert!(v["estimate"].as_f64().unwrap().abs() < 0.2);
}

/// Regression: without an `outcome` column, repeated study names are numbered ("a #2", "a #3"...);
/// finding the next free number started at 2 for every row, so 80,000 rows named "a" took O(n²)
/// lookups and hung the CLI and the widget (found by `million-rows-same-name.csv`).
#[test]
fn repeated_study_names_are_numbered_in_linear_time() {
    let rows = format!("study,yi,vi\n{}", "a,1,1\n".repeat(80_000));
    let (parsed, took) = within("80,000 rows named a", Duration::from_secs(30), move || {
        Dataset::from_csv(rows.as_bytes(), None)
    });
    let ds = parsed
        .dataset
        .expect("the first MAX_STUDIES studies are kept");
    assert_eq!(ds.studies.len(), MAX_STUDIES);
    assert_eq!(ds.studies[0].id, "a");
    assert_eq!(ds.studies[1].id, "a #2");
    assert_eq!(ds.studies[MAX_STUDIES - 1].id, format!("a #{MAX_STUDIES}"));
    // A literal "a #3" among the repeated names is skipped, not duplicated.
    let p = Dataset::from_csv(b"study,yi,vi\na,1,1\na #3,1,1\na,1,1\na,1,1\n", None);
    let ids: Vec<String> = p
        .dataset
        .unwrap()
        .studies
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["a", "a #3", "a #2", "a #4"]);
    println!("80,000 rows named \"a\": {took:?}");
}

/// The widget reads a CSV table as the JSON that the browser's converter (`import-wasm/`) makes of
/// it, and shows the table's own problems, by row and column, instead of the JSON's. For every
/// table here, stored and generated, that JSON reads back to the same dataset without an error,
/// so nothing is lost on the way: also when it is larger than a download may be (20,000 studies
/// from a million rows). Regression: a table without a `therapy` column gave an empty therapy,
/// which the JSON reader refused; it now accepts one, as it does an empty condition.
#[test]
fn every_table_reads_back_the_same_from_the_json_the_converter_makes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut tables: Vec<(String, Vec<u8>)> = vec![(
        "no therapy column".into(),
        b"study,yi,vi\nA,0.5,0.1\nB,0.2,0.3\n".to_vec(),
    )];
    for dir in [
        corpus_dir(),
        corpus_dir().join("analyze"),
        root.join("tests/data"),
        root.join("www"),
    ] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "csv") {
                tables.push((path.display().to_string(), std::fs::read(&path).unwrap()));
            }
        }
    }
    tables.extend(
        generated()
            .into_iter()
            .filter(|(case, _)| case.file.ends_with(".csv"))
            .map(|(case, bytes)| (case.file, bytes)),
    );
    // 20,000 studies of four outcomes, each with its citation: under the download limit as a
    // table, over it as JSON.
    let mut rows = String::from("study,outcome,condition,therapy,citation,yi,vi\n");
    for study in 0..MAX_STUDIES {
        for outcome in ["relapse", "disability", "mri activity", "serious harms"] {
            rows.push_str(&format!(
                "Trial {study},{outcome},multiple sclerosis,stem cells,Trial {study} investigators (2020),0.1,0.2\n"
            ));
        }
    }
    assert!(rows.len() < MAX_INPUT_BYTES);
    tables.push(("a wide table".into(), rows.into_bytes()));
    let mut large = false;
    for (name, bytes) in &tables {
        let Some(table) = Dataset::from_csv(bytes, None).dataset else {
            continue;
        };
        let json = serde_json::to_vec(&table).unwrap();
        large |= json.len() > MAX_INPUT_BYTES;
        let again = model::parse_converted_json(&json);
        assert!(again.errors.is_empty(), "{name}: {:?}", again.errors);
        assert!(
            again.dataset.as_ref() == Some(&table),
            "{name}: not the same dataset"
        );
    }
    assert!(tables.len() > 20, "{} tables", tables.len());
    assert!(large, "no table's JSON was larger than a download may be");
}

/// Regression: more than MAX_STUDIES studies in a CSV gave an error without a path (src/model/csv.rs);
/// it now names the first row left out.
#[test]
fn too_many_csv_studies_are_named_at_the_first_row_left_out() {
    let mut rows = String::from("study,yi,vi\n");
    for i in 0..=MAX_STUDIES {
        rows.push_str(&format!("s{i},0.1,0.2\n"));
    }
    let p = Dataset::from_csv(rows.as_bytes(), None);
    let e = p
        .errors
        .iter()
        .find(|e| e.message().contains("the limit is"))
        .expect("a limit error");
    assert_eq!(e.path, format!("row {}", MAX_STUDIES + 2), "{e:?}");
    assert_eq!(p.dataset.unwrap().studies.len(), MAX_STUDIES);
}

/// Regression: the CSV row limit (4 × MAX_STUDIES) counted only good rows, so a million bad or
/// ragged rows gave a million errors (24 s in the CLI, a million lines on stderr, all of them sent to
/// the widget). Every data row counts now.
#[test]
fn bad_rows_count_against_the_row_limit() {
    let row_limit = 4 * MAX_STUDIES;
    for (what, row) in [("bad numbers", "a,x,1\n"), ("ragged rows", "a,1\n")] {
        let text = format!("study,yi,vi\n{}", row.repeat(1_000_000));
        let (parsed, took) = within(what, Duration::from_secs(30), move || {
            Dataset::from_csv(text.as_bytes(), None)
        });
        assert!(
            parsed.errors.len() <= row_limit + 1,
            "{what}: {} errors",
            parsed.errors.len()
        );
        let last = parsed.errors.last().unwrap();
        assert_eq!(
            last.path,
            format!("row {}", row_limit + 2),
            "{what}: {last:?}"
        );
        assert!(
            last.message()
                .contains(&format!("the limit is {row_limit}")),
            "{what}: {last:?}"
        );
        println!("a million {what}: {took:?}");
    }
}

/// Blank rows (a spreadsheet's trailing ",,") are skipped and do not count against the row limit.
#[test]
fn blank_rows_do_not_count_against_the_row_limit() {
    let text = format!(
        "study,yi,vi\na,0.1,0.2\n{}b,0.3,0.4\n",
        ",,\n".repeat(200_000)
    );
    let p = Dataset::from_csv(text.as_bytes(), None);
    assert!(
        p.errors.is_empty(),
        "{:?}",
        &p.errors[..p.errors.len().min(3)]
    );
    assert_eq!(p.dataset.unwrap().studies.len(), 2);
}
