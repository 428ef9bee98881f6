//! Benchmark of the statistics engine: REML with Q-profile CIs for k = 10, 1,000, 10,000 and
//! 100,000 studies, and the full set of statistics the widget refits (REML, Q-profile
//! CIs, Egger, trim-and-fill) for k = 10,000. Prints medians and ratios to the k = 10
//! baseline of the same run. Runs natively (`cargo run --release --example bench_stats`)
//! and in wasm under Node's WASI (`bench/stats.sh` does both).

#[path = "common/bench.rs"]
mod bench;
use bench::{median_secs, Rng};

use evidence_lens::stats::bias::{regtest, trimfill, Estimator};
use evidence_lens::stats::confint::qprofile;
use evidence_lens::stats::{fit, Method, RmaOptions, Test};

/// k studies with true effect -0.5, tau2 = 0.1 and sampling variances in [0.01, 0.5].
fn studies(k: usize) -> (Vec<f64>, Vec<f64>) {
    let mut rng = Rng(k as u64);
    let vi: Vec<f64> = (0..k).map(|_| 0.01 + 0.49 * rng.next_f64()).collect();
    let yi = vi
        .iter()
        .map(|v| -0.5 + (0.1 + v).sqrt() * rng.normal())
        .collect();
    (yi, vi)
}

fn main() {
    let target = if cfg!(target_family = "wasm") {
        "wasm (WASI, Node)"
    } else {
        "native"
    };
    let opts = RmaOptions {
        method: Method::REML,
        test: Test::Z,
        level: 95.0,
    };
    println!("statistics benchmark, {target}");
    println!("{:<44} {:>10} {:>12} {:>6}", "case", "k", "median", "ratio");
    let mut baseline = None;
    for k in [10usize, 1_000, 10_000, 100_000] {
        let (yi, vi) = studies(k);
        let (t, _) = median_secs(1.0, || {
            let f = fit(&yi, &vi, opts).expect("REML converges on generated data");
            let ci = qprofile(&yi, &vi, &f, 95.0).expect("Q-profile CI");
            std::hint::black_box((f, ci));
        });
        let base = *baseline.get_or_insert(t);
        println!(
            "{:<44} {:>10} {:>10.3} ms {:>6.0}",
            "REML + Q-profile CIs",
            k,
            t * 1e3,
            t / base
        );
    }
    let (yi, vi) = studies(10_000);
    // What the widget refits when a filter changes: the pooled estimate with its CIs and
    // Egger's test for the certainty rating (trim-and-fill only for the funnel view).
    let (t, _) = median_secs(1.0, || {
        let f = fit(&yi, &vi, opts).expect("REML");
        let ci = qprofile(&yi, &vi, &f, 95.0).expect("Q-profile");
        let egger = regtest(&yi, &vi, opts).expect("Egger");
        std::hint::black_box((f, ci, egger));
    });
    println!(
        "{:<44} {:>10} {:>10.3} ms {:>6.0}",
        "REML + CIs + Egger (a redraw's refit)",
        10_000,
        t * 1e3,
        t / baseline.unwrap_or(t)
    );
    let (t, _) = median_secs(1.0, || {
        let f = fit(&yi, &vi, opts).expect("REML");
        let ci = qprofile(&yi, &vi, &f, 95.0).expect("Q-profile");
        let egger = regtest(&yi, &vi, opts).expect("Egger");
        let tf = trimfill(&yi, &vi, opts, Estimator::L0, None).expect("trim-and-fill");
        std::hint::black_box((f, ci, egger, tf));
    });
    println!(
        "{:<44} {:>10} {:>10.3} ms {:>6.0}",
        "REML + CIs + Egger + trim-and-fill (refit)",
        10_000,
        t * 1e3,
        t / baseline.unwrap_or(t)
    );
}
