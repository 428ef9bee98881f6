//! Pooling on arbitrary yi/vi arrays: every estimator under z and Knapp-Hartung, the Q-profile CI,
//! Egger's test (both forms), trim-and-fill, leave-one-out, subgroups and the whole `analyze`
//! report. Errors are values; a fit that succeeds never reports an impossible number.
#![no_main]
use evidence_lens::stats::bias::{regtest, regtest_lm, trimfill, Estimator};
use evidence_lens::stats::confint::qprofile;
use evidence_lens::stats::leave1out::leave1out;
use evidence_lens::stats::moderators::subgroup_analysis;
use evidence_lens::stats::{analyze, fit, AnalyzeOptions, Measure, Method, RmaOptions, Test};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
/// The study builders of the statistics tests: the fuzz crate is a package of its own.
#[path = "../../tests/common/mod.rs"]
mod stats_common;

fn close_enough(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * (1.0 + a.abs().max(b.abs()))
}

fuzz_target!(|data: &[u8]| {
    let mut b = common::Bytes::new(data);
    let k = 1 + b.u8() as usize % 24;
    let level = [95.0, 90.0, 99.0, 0.95, 50.0, 99.99][b.u8() as usize % 6];
    let mut yi = Vec::with_capacity(k);
    let mut vi = Vec::with_capacity(k);
    let mut groups = Vec::with_capacity(k);
    for _ in 0..k {
        yi.push(b.f64());
        vi.push(b.var());
        groups.push(["a", "b", "c"][b.u8() as usize % 3]);
    }
    let valid = yi.iter().all(|y| y.is_finite()) && vi.iter().all(|v| v.is_finite() && *v > 0.0);
    let (lo, hi) = yi
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &y| {
            (l.min(y), h.max(y))
        });
    for method in Method::ALL {
        for test in [Test::Z, Test::Knha] {
            let opts = RmaOptions {
                method,
                test,
                level,
            };
            let f = fit(&yi, &vi, opts);
            if !valid {
                assert!(f.is_err(), "invalid yi/vi accepted by {method}");
            }
            if let Ok(f) = &f {
                assert!(f.tau2 >= 0.0, "{method}: tau2 {}", f.tau2);
                if f.estimate.is_finite()
                    && lo.is_finite()
                    && hi.is_finite()
                    && method == Method::FE
                {
                    assert!(
                        f.estimate >= lo - 1e-9 * lo.abs().max(1.0)
                            && f.estimate <= hi + 1e-9 * hi.abs().max(1.0),
                        "FE estimate {} outside [{lo}, {hi}]",
                        f.estimate
                    );
                }
                if f.i2.is_finite() {
                    assert!(
                        (-1e-9..=100.0 + 1e-9).contains(&f.i2),
                        "{method}: I2 {}",
                        f.i2
                    );
                }
                if f.ci_lb.is_finite() && f.ci_ub.is_finite() {
                    assert!(
                        f.ci_lb <= f.ci_ub,
                        "{method}: CI [{}, {}]",
                        f.ci_lb,
                        f.ci_ub
                    );
                }
                if method != Method::FE {
                    if let Ok(ci) = qprofile(&yi, &vi, f, level) {
                        if !ci.ci_null && ci.tau2_ci_lb.is_finite() && ci.tau2_ci_ub.is_finite() {
                            assert!(
                                ci.tau2_ci_lb <= ci.tau2_ci_ub
                                    || close_enough(ci.tau2_ci_lb, ci.tau2_ci_ub),
                                "tau2 CI {ci:?}"
                            );
                        }
                    }
                }
            }
            let _ = regtest(&yi, &vi, opts);
            if let Ok(tf) = trimfill(&yi, &vi, opts, Estimator::L0, None) {
                assert!(tf.k0 <= k, "k0 {} > k {k}", tf.k0);
            }
            let _ = trimfill(&yi, &vi, opts, Estimator::R0, None);
            if method == Method::REML && test == Test::Z {
                let _ = leave1out(&yi, &vi, opts);
                if let Ok(sa) = subgroup_analysis(&yi, &vi, &groups, opts) {
                    let _ = format!("{:?}", sa.test_error);
                }
            }
        }
    }
    let _ = regtest_lm(&yi, &vi);
    let studies = stats_common::study_effects_in_groups(&yi, &vi, &groups);
    let method = Method::ALL[b.u8() as usize % Method::ALL.len()];
    let opts = AnalyzeOptions {
        measure: Measure::Rr,
        method,
        test: Test::Z,
        level,
    };
    if let Ok(report) = analyze(&studies, opts, Some("g")) {
        common::check_serialized(&report);
    }
});
