//! Benchmark of the appraisal as the widget runs it on load (ratings, pooled bodies, claims and
//! each therapy's answer) for 10,000 generated trials of two therapies, and of the same trials
//! each of a therapy of its own: the answers must grow with the studies, not with studies ×
//! therapies. Prints medians and ratios to the two-therapy baseline of the same run. Runs
//! natively (`cargo run --release --example bench_appraise`) and in wasm under Node's WASI
//! (`bench/stats.sh` does both).

#[path = "common/bench.rs"]
mod bench;
use bench::{median_secs, Rng};

use evidence_lens::appraise::{appraise, AppraiseOptions};
use evidence_lens::model::Dataset;

/// `k` trials of a hazard ratio for one outcome, as `bench/run.mjs` generates them, of two
/// therapies or each of its own.
fn trials(k: usize, therapies: usize) -> Dataset {
    let mut rng = Rng(k as u64);
    let mut next = || rng.next_f64();
    let studies: Vec<String> = (0..k)
        .map(|i| {
            let se = 0.1 + 0.5 * next();
            let y = -0.3 + 0.6 * (next() - 0.5);
            let design = ["rct", "crossover_rct", "cohort"][i % 3];
            format!(
                r#"{{"id": "t{i}", "label": "Trial {i}", "citation": {{"text": "Generated", "url": "https://example.org/"}},
                "source_kind": "paper", "condition": "multiple sclerosis",
                "intervention": {{"therapy": "Therapy {t}"}}, "design": "{design}", "n": {n},
                "outcomes": [{{"id": "progression", "name": "Disability progression",
                "kind": "benefit", "better": "lower", "data": {{"measure": "HR",
                "estimate": {e:.4}, "ci_lb": {lo:.4}, "ci_ub": {hi:.4}}}}}]}}"#,
                t = i % therapies,
                n = 20 + (next() * 500.0) as u32,
                e = y.exp(),
                lo = (y - 1.96 * se).exp(),
                hi = (y + 1.96 * se).exp(),
            )
        })
        .collect();
    let json = format!(
        r#"{{"schema": "evidence-lens/1", "studies": [{}]}}"#,
        studies.join(",")
    );
    let parsed = Dataset::from_json(json.as_bytes());
    parsed.dataset.expect("the generated trials are valid")
}

fn main() {
    let target = if cfg!(target_family = "wasm") {
        "wasm (WASI, Node)"
    } else {
        "native"
    };
    println!("appraisal benchmark, {target}");
    println!("{:<44} {:>10} {:>12} {:>6}", "case", "k", "median", "ratio");
    let k = 10_000;
    let mut baseline = None;
    for (case, therapies) in [
        ("appraise, 2 therapies", 2),
        ("appraise, a therapy each", k),
    ] {
        let dataset = trials(k, therapies);
        // As the summary view appraises: with its answers, without the reasons' words.
        let options = AppraiseOptions {
            explain: false,
            ..AppraiseOptions::default()
        };
        let (t, _) = median_secs(2.0, || {
            std::hint::black_box(appraise(&dataset, &options));
        });
        let base = *baseline.get_or_insert(t);
        println!(
            "{:<44} {:>10} {:>10.1} ms {:>6.1}",
            case,
            k,
            t * 1e3,
            t / base
        );
    }
}
