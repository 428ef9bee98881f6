//! Property tests of the statistics engine (proptest): what must hold for *any* data, not just for
//! the metafor examples. Case counts are modest so the whole file runs in a few seconds.
//!
//! * permutation invariance of estimate, tau2 and Q for every estimator;
//! * the FE estimate lies within [min yi, max yi]; tau2 >= 0; I2 in [0, 100];
//! * the CI contains the estimate and widens with the level (z and Knapp-Hartung);
//! * identical yi: every estimator gives tau2 = 0 and the same estimate; k = 1: the FE estimate;
//! * no NaN or infinity in a returned number, nor in `analyze`'s JSON;
//! * the Q-profile interval brackets the Paule-Mandel (and EB) tau2, whose Q equals k - 1;
//! * trim-and-fill never imputes more studies than there are;
//! * an imported review's body, pooled with RevMan's method from any tables (none or all events
//!   included), has an effect and a weight for each member, its k estimated studies carry all
//!   the weight, and the forest, funnel and summary draw it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use evidence_lens::stats::bias::{trimfill, Estimator};
use evidence_lens::stats::confint::qprofile;
use evidence_lens::stats::{
    analyze, fit, AnalyzeOptions, Measure, Method, RmaFit, RmaOptions, Test,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

use common::{study_effects, study_effects_in_groups};

/// A fixed seed, so that the test command gives the same verdict on every run; explore new
/// cases with `PROPTEST_RNG_SEED=<n>` (and more of them with `PROPTEST_CASES=<n>`).
fn config(cases: u32) -> Config {
    let defaults = Config::default();
    let rng_seed = match defaults.rng_seed {
        RngSeed::Random => RngSeed::Fixed(0x00E5_1DE7_CE00),
        chosen => chosen,
    };
    Config {
        cases,
        failure_persistence: None,
        rng_seed,
        ..defaults
    }
}

fn opts(method: Method) -> RmaOptions {
    RmaOptions {
        method,
        test: Test::Z,
        level: 95.0,
    }
}

/// Ordinary effect sizes (log ratios, mean differences).
fn yi() -> impl Strategy<Value = f64> {
    prop_oneof![4 => -3.0..3.0f64, 1 => Just(0.0), 1 => -50.0..50.0f64]
}

/// Ordinary sampling variances, from very precise to very imprecise.
fn vi() -> impl Strategy<Value = f64> {
    prop_oneof![4 => 0.005..2.0f64, 1 => 1e-6..1e-3f64, 1 => 5.0..500.0f64]
}

fn studies(k: std::ops::Range<usize>) -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    k.prop_flat_map(|k| {
        (
            prop::collection::vec(yi(), k),
            prop::collection::vec(vi(), k),
        )
    })
}

/// Relative closeness for numbers produced by iterative estimators (REL_TOL is 1e-10).
fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
}

/// Every number a fit returns, by name.
fn numbers(f: &RmaFit) -> Vec<(&'static str, f64)> {
    let mut v = vec![
        ("estimate", f.estimate),
        ("se", f.se),
        ("zval", f.zval),
        ("pval", f.pval),
        ("ci_lb", f.ci_lb),
        ("ci_ub", f.ci_ub),
        ("pi_lb", f.pi_lb),
        ("pi_ub", f.pi_ub),
        ("tau2", f.tau2),
        ("I2", f.i2),
        ("H2", f.h2),
        ("vt", f.vt),
        ("Q", f.q),
        ("Q_pval", f.q_pval),
    ];
    if let Some(s) = f.se_tau2 {
        v.push(("se_tau2", s));
    }
    v.extend(f.weights_pct.iter().map(|w| ("weight", *w)));
    v
}

fn all_finite(v: &serde_json::Value) -> Result<(), String> {
    match v {
        serde_json::Value::Number(n) => match n.as_f64() {
            Some(x) if !x.is_finite() => Err(format!("{x}")),
            _ => Ok(()),
        },
        serde_json::Value::Array(a) => a.iter().try_for_each(all_finite),
        serde_json::Value::Object(o) => o
            .iter()
            .try_for_each(|(k, v)| all_finite(v).map_err(|e| format!("{k}: {e}"))),
        _ => Ok(()),
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn permutation_changes_nothing((yi, vi, perm) in studies(2..12).prop_flat_map(|(y, v)| {
        let k = y.len();
        (Just(y), Just(v), Just((0..k).collect::<Vec<usize>>()).prop_shuffle())
    })) {
        let py: Vec<f64> = perm.iter().map(|&i| yi[i]).collect();
        let pv: Vec<f64> = perm.iter().map(|&i| vi[i]).collect();
        for m in Method::ALL {
            let (a, b) = match (fit(&yi, &vi, opts(m)), fit(&py, &pv, opts(m))) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(_), Err(_)) => continue,
                (a, b) => panic!("{m}: one order fits, the other does not: {a:?} / {b:?}"),
            };
            prop_assert!(close(a.estimate, b.estimate, 1e-7), "{m}: estimate {} vs {}", a.estimate, b.estimate);
            prop_assert!(close(a.tau2, b.tau2, 1e-7), "{m}: tau2 {} vs {}", a.tau2, b.tau2);
            prop_assert!(close(a.q, b.q, 1e-9), "{m}: Q {} vs {}", a.q, b.q);
        }
    }

    #[test]
    fn basic_bounds_hold_for_every_method((yi, vi) in studies(1..16)) {
        let (lo, hi) = yi.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &y| (l.min(y), h.max(y)));
        for m in Method::ALL {
            for test in [Test::Z, Test::Knha] {
                let o = RmaOptions { method: m, test, level: 95.0 };
                let f = match fit(&yi, &vi, o) {
                    Ok(f) => f,
                    // Knapp-Hartung needs a residual degree of freedom.
                    Err(_) if test == Test::Knha && yi.len() == 1 => continue,
                    Err(e) => panic!("{m}/{test} failed on ordinary data: {e}"),
                };
                for (name, x) in numbers(&f) {
                    // Knapp-Hartung with k = 1 has no residual df: its t-based numbers are NaN (and
                    // null in `analyze`), see `knha_with_one_study_has_no_t_numbers`.
                    // Knapp-Hartung with k = 1 has no residual df, and with identical yi a zero residual
                    // sum of squares (se = 0, as in metafor): its t-based numbers are then NaN or
                    // infinite (null in `analyze`); see `knha_with_one_study_has_no_t_numbers`.
                    if test == Test::Knha && (yi.len() == 1 || f.se == 0.0) && matches!(name, "zval" | "pval" | "ci_lb" | "ci_ub" | "pi_lb" | "pi_ub" | "se") {
                        continue;
                    }
                    prop_assert!(x.is_finite(), "{m}/{test}: {name} = {x} (k = {})", yi.len());
                }
                if test == Test::Knha && (yi.len() == 1 || f.se == 0.0) {
                    continue;
                }
                prop_assert!(f.tau2 >= 0.0, "{m}: tau2 {}", f.tau2);
                prop_assert!((0.0..=100.0).contains(&f.i2), "{m}: I2 {}", f.i2);
                // Under FE, H2 is Q / (k - 1) as in metafor and can be below 1; otherwise tau2 / vt + 1.
                prop_assert!(f.h2 >= 0.0 && (m == Method::FE || f.h2 >= 1.0 - 1e-12), "{m}: H2 {}", f.h2);
                prop_assert!(f.ci_lb <= f.estimate && f.estimate <= f.ci_ub, "{m}/{test}: CI [{}, {}] misses {}", f.ci_lb, f.ci_ub, f.estimate);
                prop_assert!(f.pi_lb <= f.ci_lb + 1e-12 && f.ci_ub <= f.pi_ub + 1e-12 || test == Test::Knha, "{m}: PI inside CI");
                prop_assert!((0.0..=1.0).contains(&f.pval) && (0.0..=1.0).contains(&f.q_pval), "{m}: p-values {} {}", f.pval, f.q_pval);
                if m == Method::FE {
                    let slack = 1e-9 * (1.0 + lo.abs().max(hi.abs()));
                    prop_assert!(lo - slack <= f.estimate && f.estimate <= hi + slack, "FE estimate {} outside [{lo}, {hi}]", f.estimate);
                }
                let sum: f64 = f.weights_pct.iter().sum();
                prop_assert!(close(sum, 100.0, 1e-9), "{m}: weights sum to {sum}");
            }
        }
    }

    #[test]
    fn ci_widens_with_the_level((yi, vi) in studies(2..12), mi in 0..8usize, knha in any::<bool>()) {
        let m = Method::ALL[mi];
        let test = if knha { Test::Knha } else { Test::Z };
        let mut last: Option<(f64, f64)> = None;
        for level in [50.0, 80.0, 90.0, 95.0, 99.0, 99.9] {
            let Ok(f) = fit(&yi, &vi, RmaOptions { method: m, test, level }) else { return Ok(()) };
            prop_assert!(f.ci_lb <= f.estimate && f.estimate <= f.ci_ub);
            if let Some((lb, ub)) = last {
                prop_assert!(f.ci_lb <= lb && f.ci_ub >= ub, "{m}/{test} level {level}: [{}, {}] inside [{lb}, {ub}]", f.ci_lb, f.ci_ub);
            }
            last = Some((f.ci_lb, f.ci_ub));
        }
    }

    #[test]
    fn equal_effects_mean_no_heterogeneity(y in yi(), vi in prop::collection::vec(vi(), 1..12)) {
        let yi = vec![y; vi.len()];
        let fe = fit(&yi, &vi, opts(Method::FE)).unwrap();
        prop_assert!(close(fe.estimate, y, 1e-12), "FE {} vs {y}", fe.estimate);
        for m in Method::ALL {
            let f = fit(&yi, &vi, opts(m)).unwrap_or_else(|e| panic!("{m}: {e}"));
            prop_assert!(f.tau2.abs() <= 1e-10, "{m}: tau2 {}", f.tau2);
            prop_assert!((f.estimate - fe.estimate).abs() <= 1e-8, "{m}: {} vs FE {}", f.estimate, fe.estimate);
            prop_assert!((f.se - fe.se).abs() <= 1e-8 * (1.0 + fe.se), "{m}: se {} vs FE {}", f.se, fe.se);
            // Q is 0 up to rounding of the weighted mean (a few ulps of y, squared).
            prop_assert!(f.q.abs() <= 1e-12 && f.i2.abs() <= 1e-9, "{m}: Q {} I2 {}", f.q, f.i2);
        }
    }

    #[test]
    fn one_study_is_its_own_fixed_effect(y in yi(), v in vi()) {
        for m in Method::ALL {
            for test in [Test::Z, Test::Knha] {
                let f = match fit(&[y], &[v], RmaOptions { method: m, test, level: 95.0 }) {
                    Ok(f) => f,
                    Err(e) => panic!("{m}/{test}: {e}"),
                };
                if test == Test::Knha {
                    // No residual df: see `knha_with_one_study_has_no_t_numbers`.
                    prop_assert!(close(f.estimate, y, 1e-12) && f.tau2 == 0.0);
                    continue;
                }
                prop_assert_eq!(f.k, 1);
                prop_assert!(close(f.estimate, y, 1e-12) && f.tau2 == 0.0, "{m}: {} tau2 {}", f.estimate, f.tau2);
                prop_assert!(close(f.se, v.sqrt(), 1e-12), "{m}: se {}", f.se);
                for (name, x) in numbers(&f) {
                    prop_assert!(x.is_finite(), "{m}/{test}: {name} = {x} for k = 1");
                }
            }
        }
    }

    #[test]
    fn qprofile_brackets_the_paule_mandel_tau2((yi, vi) in studies(2..14), level in prop_oneof![Just(90.0), Just(95.0), Just(99.0)]) {
        for m in [Method::PM, Method::EB, Method::REML, Method::DL] {
            let Ok(f) = fit(&yi, &vi, RmaOptions { method: m, test: Test::Z, level }) else { continue };
            let ci = qprofile(&yi, &vi, &f, level).unwrap_or_else(|e| panic!("{m}: {e}"));
            for x in [ci.tau2_ci_lb, ci.tau2_ci_ub, ci.i2_ci_lb, ci.i2_ci_ub, ci.h2_ci_lb, ci.h2_ci_ub] {
                prop_assert!(x.is_finite(), "{m}: {ci:?}");
            }
            prop_assert!(0.0 <= ci.tau2_ci_lb && ci.tau2_ci_lb <= ci.tau2_ci_ub, "{m}: {ci:?}");
            prop_assert!((0.0..=100.0).contains(&ci.i2_ci_lb) && ci.i2_ci_lb <= ci.i2_ci_ub && ci.i2_ci_ub <= 100.0, "{m}: {ci:?}");
            // PM (and EB, the same root) solve Q(tau2) = k - 1, which lies between the chi-squared
            // quantiles that define the bounds; other estimators need not lie inside.
            if matches!(m, Method::PM | Method::EB) && !ci.ub_at_max {
                let tol = 1e-6 * (1.0 + f.tau2);
                prop_assert!(ci.tau2_ci_lb - tol <= f.tau2 && f.tau2 <= ci.tau2_ci_ub + tol, "{m}: tau2 {} outside {ci:?}", f.tau2);
            }
        }
    }

    #[test]
    fn trimfill_never_imputes_more_than_k((yi, vi) in studies(3..16), mi in 0..8usize, r0 in any::<bool>()) {
        let est = if r0 { Estimator::R0 } else { Estimator::L0 };
        if let Ok(t) = trimfill(&yi, &vi, opts(Method::ALL[mi]), est, None) {
            let k = yi.len();
            prop_assert!(t.k0 <= k, "k0 {} > k {k}", t.k0);
            prop_assert_eq!(t.filled_yi.len(), t.k0);
            prop_assert_eq!(t.fit.k, k + t.k0);
            prop_assert!(t.fit.estimate.is_finite() && t.fit.tau2 >= 0.0);
        }
    }
}

/// Hostile but valid effect sizes: huge and tiny variances, huge effects.
fn hostile_yi() -> impl Strategy<Value = f64> {
    prop_oneof![3 => yi(), 1 => Just(1e300), 1 => Just(-1e300), 1 => Just(1e-300), 1 => Just(0.0), 1 => -1e12..1e12f64]
}

fn hostile_vi() -> impl Strategy<Value = f64> {
    prop_oneof![3 => vi(), 1 => Just(1e-300), 1 => Just(1e300), 1 => Just(f64::MIN_POSITIVE), 1 => Just(5e-324), 1 => 1e-20..1e20f64]
}

proptest! {
    #![proptest_config(config(256))]

    /// `analyze` either refuses or writes JSON whose numbers are all finite; what is absent is null.
    #[test]
    fn analyze_json_never_holds_a_non_finite_number(
        rows in (1..10usize).prop_flat_map(|k| prop::collection::vec((hostile_yi(), hostile_vi(), 0..3u8), k)),
        mi in 0..8usize,
        knha in any::<bool>(),
        ratio in any::<bool>(),
    ) {
        let (yi, vi): (Vec<f64>, Vec<f64>) = rows.iter().map(|r| (r.0, r.1)).unzip();
        let groups: Vec<u8> = rows.iter().map(|r| r.2).collect();
        let studies = study_effects_in_groups(&yi, &vi, &groups);
        let options = AnalyzeOptions {
            measure: if ratio { Measure::Rr } else { Measure::Md },
            method: Method::ALL[mi],
            test: if knha { Test::Knha } else { Test::Z },
            level: 95.0,
        };
        if let Ok(report) = analyze(&studies, options, Some("g")) {
            let text = serde_json::to_string(&report).unwrap();
            prop_assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            if let Err(e) = all_finite(&v) {
                prop_assert!(false, "non-finite {e} in {text}");
            }
            prop_assert_eq!(report.k, studies.len());
            prop_assert!(report.tau2.is_none_or(|t| t >= 0.0));
            prop_assert!(report.i2.is_none_or(|i| (0.0..=100.0).contains(&i)));
            if let Some(t) = &report.trimfill {
                prop_assert!(t.k0 <= studies.len());
            }
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Regressions found by these properties and by the fuzz targets (fuzz/), kept as plain tests.

/// statrs evaluates the chi-squared functions at x / 2; for the smallest subnormal that is 0 and
/// statrs panicked (`gamma_ur` unwrap of XInvalid). Found by `analyze_json_never_holds_a_non_finite_number`.
#[test]
fn chi_squared_of_the_smallest_subnormal_does_not_panic() {
    use evidence_lens::stats::dist::{pchisq, pchisq_upper};
    for df in [0.5, 1.0, 2.0, 12.0] {
        let up = pchisq_upper(5e-324, df);
        let lo = pchisq(5e-324, df);
        assert!(
            (0.0..=1.0).contains(&up) && (0.0..=1.0).contains(&lo),
            "df {df}: {lo} {up}"
        );
    }
}

/// The input that shrank to the panic above: a tiny variance next to a huge effect.
#[test]
fn analyze_with_a_subnormal_q_does_not_panic() {
    let studies = study_effects(&[1e-300, -240865654504.7078], &[f64::MIN_POSITIVE, 0.005]);
    for m in Method::ALL {
        for test in [Test::Z, Test::Knha] {
            let options = AnalyzeOptions {
                measure: Measure::Md,
                method: m,
                test,
                level: 95.0,
            };
            if let Ok(report) = analyze(&studies, options, None) {
                let v: serde_json::Value = serde_json::to_value(&report).unwrap();
                all_finite(&v).unwrap();
            }
        }
    }
}

/// metafor-compatible but worth knowing: with one study, Knapp-Hartung has no residual df, so the
/// fit is returned with NaN t-based numbers, and `analyze` writes them as null (never NaN).
#[test]
fn knha_with_one_study_has_no_t_numbers() {
    let f = fit(
        &[0.3],
        &[0.04],
        RmaOptions {
            method: Method::REML,
            test: Test::Knha,
            level: 95.0,
        },
    )
    .unwrap();
    assert!(close(f.estimate, 0.3, 1e-15));
    let studies = study_effects(&[0.3], &[0.04]);
    let report = analyze(
        &studies,
        AnalyzeOptions {
            measure: Measure::Rr,
            method: Method::REML,
            test: Test::Knha,
            level: 95.0,
        },
        None,
    )
    .unwrap();
    let text = serde_json::to_string(&report).unwrap();
    assert!(!text.contains("NaN"), "{text}");
    assert!(close(report.inference.estimate.unwrap(), 0.3, 1e-15));
    assert!(report.inference.ci_lb.is_none_or(f64::is_finite));
}

/// Variances hundreds of orders of magnitude apart made tr(P) cancel to a negative typical variance
/// vt, and I2 came out as 100.0017 % (ML) or slightly below 0 (REML); rounding gave 100.00000000000001
/// under FE. I2 is now within [0, 100], or unknown (null) when vt is lost.
#[test]
fn i2_stays_within_0_and_100_for_extreme_variances() {
    let cases: &[(&[f64], &[f64])] = &[
        (&[1e300, 1e-300], &[1e300, 1e20]),
        (&[1e300, 0.3], &[1e300, 1e-20]),
        (&[1e300, 1e300], &[1e300, 1e-20]),
        (&[1e300, 1e300], &[1e300, 1e300]),
        (&[1e300, 1e300], &[0.005, 1e-20]),
    ];
    for (yi, vi) in cases {
        for m in Method::ALL {
            let Ok(f) = fit(yi, vi, opts(m)) else {
                continue;
            };
            assert!(
                f.i2.is_nan() || (0.0..=100.0).contains(&f.i2),
                "{m} {yi:?} {vi:?}: I2 {}",
                f.i2
            );
            assert!(f.h2.is_nan() || f.h2 >= 0.0, "{m}: H2 {}", f.h2);
            if let Ok(ci) = qprofile(yi, vi, &f, 95.0) {
                for x in [ci.i2_ci_lb, ci.i2_ci_ub] {
                    assert!(x.is_nan() || (0.0..=100.0).contains(&x), "{m}: {ci:?}");
                }
            }
            let studies = study_effects(yi, vi);
            if let Ok(r) = analyze(
                &studies,
                AnalyzeOptions {
                    measure: Measure::Md,
                    method: m,
                    test: Test::Z,
                    level: 95.0,
                },
                None,
            ) {
                assert!(
                    r.i2.is_none_or(|i| (0.0..=100.0).contains(&i)),
                    "{m}: analyze I2 {:?}",
                    r.i2
                );
                assert!(r.i2_ci_ub.is_none_or(|i| (0.0..=100.0).contains(&i)));
            }
        }
    }
}

/// KNOWN ISSUE (reported, not fixed, because it is a choice between matching metafor's `test="knha"`
/// and not overstating precision): under Knapp-Hartung, identical studies have a zero residual sum
/// of squares, so se = 0, the CI is a single point and pval = 0 for four imprecise studies (the CLI
/// prints `"se": 0.0, "pval": 0.0, "ci_lb": 0.5, "ci_ub": 0.5`). metafor's `test="adhoc"`
/// (s2w floored at 1) gives the z-test's se instead. `cargo test --test prop_stats -- --ignored`.
#[test]
#[ignore = "known issue: Knapp-Hartung with identical studies reports se = 0 and p = 0"]
fn knha_with_identical_studies_is_not_infinitely_precise() {
    let f = fit(
        &[0.5; 4],
        &[0.1; 4],
        RmaOptions {
            method: Method::REML,
            test: Test::Knha,
            level: 95.0,
        },
    )
    .unwrap();
    assert!(f.se > 0.0 && f.pval > 0.0, "se {} pval {}", f.se, f.pval);
}

/// Regression (fuzz target `pooling`, fuzz/artifacts/pooling/crash-cb8eeaf9...): two identical huge
/// effects, yi = 1.855e19 with vi = 56.284 and 0.732, made the generalized Q rounding noise (residuals of one ulp,
/// 2048, squared), the Q-profile roots crossed and `qprofile` returned tau2 CI [100, 39]. Q is now
/// computed on centred effects, and crossed roots are an error, never an interval.
#[test]
fn qprofile_bounds_never_cross_for_huge_equal_effects() {
    let y = 1.85546875e19;
    let v = 56.284;
    for (yi, vi) in [
        (vec![y, y], vec![v, 0.732]),
        (vec![y, y], vec![v, v]),
        (vec![y, y, y * (1.0 + 1e-15)], vec![v, 2.0 * v, v]),
        (vec![-y, -y, -y], vec![1.0, 2.0, 3.0]),
    ] {
        for m in Method::ALL {
            for level in [95.0, 90.0, 99.0, 50.0] {
                let Ok(f) = fit(
                    &yi,
                    &vi,
                    RmaOptions {
                        method: m,
                        test: Test::Z,
                        level,
                    },
                ) else {
                    continue;
                };
                if let Ok(ci) = qprofile(&yi, &vi, &f, level) {
                    assert!(ci.tau2_ci_lb <= ci.tau2_ci_ub, "{m} {level}: {ci:?}");
                    assert!(
                        ci.i2_ci_lb.is_nan() || ci.i2_ci_lb <= ci.i2_ci_ub,
                        "{m} {level}: {ci:?}"
                    );
                }
            }
        }
        let studies = study_effects(&yi, &vi);
        for m in Method::ALL {
            // REML may refuse (no convergence); whatever is reported must be an interval.
            if let Ok(r) = analyze(
                &studies,
                AnalyzeOptions {
                    measure: Measure::Md,
                    method: m,
                    test: Test::Z,
                    level: 95.0,
                },
                None,
            ) {
                if let (Some(lb), Some(ub)) = (r.tau2_ci_lb, r.tau2_ci_ub) {
                    assert!(lb <= ub, "analyze {m}: [{lb}, {ub}]");
                }
            }
        }
    }
}

/// Regression (found by `basic_bounds_hold_for_every_method`): two very precise studies that
/// disagree, among imprecise ones, made REML's Fisher scoring run out of iterations, because
/// tr(PP) was computed as s2 - 2 s3/s1 + (s2/s1)^2, which cancels to noise when weights differ
/// by a factor of a million.
#[test]
fn reml_converges_when_a_few_studies_are_far_more_precise() {
    let yi = [0.36165829346171313, -0.3930393575366907, 0.0, 0.0, 0.0, 0.0];
    let vi = [
        1e-6,
        1e-6,
        1.0160219835435642,
        0.6212472733730906,
        1.5183448842884006,
        0.8729788187486159,
    ];
    for m in [Method::REML, Method::ML] {
        let f = fit(&yi, &vi, opts(m)).unwrap_or_else(|e| panic!("{m}: {e}"));
        assert!(f.tau2 > 0.1 && f.tau2.is_finite(), "{m}: tau2 {}", f.tau2);
        // At the REML/ML optimum the score is zero: a small step changes the log-likelihood
        // by less than at any other point, so tau2 is where the iteration settled for good.
        let again = fit(&yi, &vi, opts(m)).unwrap();
        assert_eq!(f.tau2, again.tau2);
    }
}

/// An arm's events out of its size: often none or all, where RevMan's methods stop estimating.
fn arm() -> impl Strategy<Value = (u64, u64)> {
    (1..300u64).prop_flat_map(|n| (prop_oneof![2 => Just(0), 2 => Just(n), 3 => 0..=n], Just(n)))
}

proptest! {
    #![proptest_config(config(192))]

    /// A body imported from a review is pooled with the review's method, whatever its tables:
    /// each member has an effect slot and a weight in the fit's order, the studies the method
    /// estimates are the fit's k and carry all the weight, and the forest and funnel draw it.
    #[test]
    fn an_imported_bodys_members_line_up_with_its_fit(
        tables in prop::collection::vec((arm(), arm()), 2..13),
        method in 0..3usize,
        measure in 0..3usize,
        random in any::<bool>(),
        level in prop_oneof![Just(95.0), Just(99.0), Just(90.0)],
    ) {
        use evidence_lens::appraise::{appraise, AppraiseOptions};
        use evidence_lens::chart::{Scene, View, ViewOptions};
        use evidence_lens::model::{
            Analysis, Better, Citation, Counts, Dataset, Design, EffectData, EffectModel,
            Outcome, OutcomeKind, PoolMethod, Study,
        };
        use evidence_lens::model::Measure as M;
        let method = [PoolMethod::Mh, PoolMethod::Iv, PoolMethod::Peto][method];
        let measure = match method {
            PoolMethod::Peto => M::Or,
            _ => [M::Or, M::Rr, M::Rd][measure],
        };
        let model = if random { EffectModel::Random } else { EffectModel::Fixed };
        let studies = (tables.iter().enumerate())
            .map(|(i, ((e1, n1), (e2, n2)))| {
                let mut outcome = Outcome::new("death".into(), "Deaths".into(), OutcomeKind::Benefit, Better::Lower);
                outcome.data = Some(EffectData::Counts(Counts::totals(measure, *e1, *n1, *e2, *n2)));
                outcome.analysis = Some(Box::new(Analysis {
                    measure: Some(measure),
                    level,
                    ..Analysis::new(method, model)
                }));
                let mut study = Study::new(format!("s{i}"), format!("S{i}").into(), Citation::default());
                study.design = Design::Rct;
                study.intervention.therapy = "X".into();
                study.outcomes.push(outcome);
                study
            })
            .collect();
        let data = Dataset { studies, ..Dataset::default() };
        let a = appraise(&data, &AppraiseOptions::default());
        prop_assert_eq!(a.pooled.len(), 1);
        let body = &a.pooled[0];
        prop_assert!(body.refused.is_none(), "{:?}", body.refused);
        if let (Some(f), Some(e)) = (&body.fit, &body.effect) {
            // The review's method, or REML where it estimates no study.
            let review = e.method.starts_with(&method.to_string());
            prop_assert!(review || e.method == "REML", "{}", e.method);
            let k = tables.len();
            prop_assert_eq!((f.members.len(), f.effects.len(), f.fit.weights_pct.len()), (k, k, k));
            prop_assert_eq!(f.estimated().count(), f.fit.k);
            let (yi, vi) = f.yi_vi();
            prop_assert_eq!((yi.len(), vi.len()), (f.fit.k, f.fit.k));
            let mut total = 0.0;
            for (e, w) in f.effects.iter().zip(&f.fit.weights_pct) {
                match e {
                    Some(e) => prop_assert!(e.vi > 0.0 && e.ci_lb <= e.estimate && e.estimate <= e.ci_ub, "{:?}", e),
                    None => prop_assert_eq!(*w, 0.0),
                }
                total += w;
            }
            prop_assert!((total - 100.0).abs() < 1e-6, "weights sum to {}", total);
        }
        for view in [View::Forest, View::Funnel, View::Summary] {
            let options = ViewOptions { view, ..ViewOptions::default() };
            let _ = Scene::build(&data, &options).items();
        }
    }
}
