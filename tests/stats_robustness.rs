//! Error values instead of panics: empty input, mismatched lengths, NaN, non-positive
//! variances, k = 1, zero cells, invalid effect-size inputs, huge k, extreme values.

mod common;

use evidence_lens::stats::bias::{regtest, regtest_lm, trimfill, Estimator};
use evidence_lens::stats::confint::qprofile;
use evidence_lens::stats::escalc::{self, Measure};
use evidence_lens::stats::leave1out::leave1out;
use evidence_lens::stats::moderators::subgroup_analysis;
use evidence_lens::stats::rma::{fit, Method, RmaOptions, Test};
use evidence_lens::stats::{analyze, AnalyzeOptions, StatsError};

use common::{study_effects, study_effects_in_groups};

fn all_opts() -> Vec<RmaOptions> {
    let mut v = vec![];
    for m in Method::ALL {
        for t in [Test::Z, Test::Knha] {
            v.push(RmaOptions {
                method: m,
                test: t,
                level: 95.0,
            });
        }
    }
    v
}

#[test]
fn input_errors_are_values() {
    let o = RmaOptions::default();
    assert_eq!(fit(&[], &[], o), Err(StatsError::NoStudies));
    // Said with its noun in number.
    let one = StatsError::TooFewStudies {
        what: "pooling",
        needed: 1,
        got: 0,
    };
    assert_eq!(one.to_string(), "pooling needs at least 1 study, got 0");
    assert!(matches!(
        fit(&[0.1, 0.2], &[0.1], o),
        Err(StatsError::LengthMismatch { .. })
    ));
    assert!(matches!(
        fit(&[0.1, f64::NAN], &[0.1, 0.1], o),
        Err(StatsError::NonFinite {
            what: "yi",
            index: 1
        })
    ));
    assert!(matches!(
        fit(&[0.1, 0.2], &[0.1, f64::INFINITY], o),
        Err(StatsError::NonFinite {
            what: "vi",
            index: 1
        })
    ));
    assert!(matches!(
        fit(&[0.1, 0.2], &[0.1, 0.0], o),
        Err(StatsError::NonPositiveVariance { index: 1, .. })
    ));
    assert!(matches!(
        fit(&[0.1, 0.2], &[-0.1, 0.1], o),
        Err(StatsError::NonPositiveVariance { index: 0, .. })
    ));
    assert!(matches!(
        fit(&[0.1], &[0.1], RmaOptions { level: 150.0, ..o }),
        Err(StatsError::InvalidLevel(_))
    ));
    assert!(matches!(
        fit(
            &[0.1],
            &[0.1],
            RmaOptions {
                level: f64::NAN,
                ..o
            }
        ),
        Err(StatsError::InvalidLevel(_))
    ));
    // errors display and are std errors
    let e: Box<dyn std::error::Error> = Box::new(StatsError::NoStudies);
    assert!(!e.to_string().is_empty());
    assert!(regtest(&[0.1, 0.2], &[0.1, 0.1], o).is_err());
    assert!(regtest_lm(&[0.1, 0.2], &[0.1, 0.1]).is_err());
    assert!(leave1out(&[0.1], &[0.1], o).is_err());
    assert!(trimfill(&[0.1], &[0.1], o, Estimator::L0, None).is_err());
    assert!("XYZ".parse::<Method>().is_err());
    assert!("XYZ".parse::<Measure>().is_err());
    assert!("t".parse::<Test>().is_err());
}

#[test]
fn single_study_fits_with_every_method() {
    for o in all_opts() {
        let f = fit(&[0.5], &[0.04], o).unwrap();
        assert_eq!(f.k, 1);
        assert_eq!(f.tau2, 0.0);
        assert!((f.estimate - 0.5).abs() < 1e-15);
        assert_eq!(f.q, 0.0);
        assert_eq!(f.q_pval, 1.0);
        if o.test == Test::Z {
            assert!((f.se - 0.2).abs() < 1e-15);
        }
        let s = study_effects(&[0.5], &[0.04]);
        let r = analyze(
            &s,
            AnalyzeOptions {
                measure: Measure::Rr,
                method: o.method,
                test: o.test,
                level: 95.0,
            },
            Some("x"),
        )
        .unwrap();
        let text = serde_json::to_string(&r).unwrap();
        assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
        assert!(r.egger.is_none() && r.trimfill.is_none());
    }
}

#[test]
fn two_identical_studies_and_homogeneous_data() {
    for o in all_opts() {
        let f = fit(&[0.3, 0.3], &[0.1, 0.1], o).unwrap();
        assert_eq!(f.tau2, 0.0, "{:?}", o);
        assert!((f.estimate - 0.3).abs() < 1e-15);
        // all equal effects with k = 5: knha scaling factor 0 (metafor sets s2w = 0)
        let r = fit(&[0.3; 5], &[0.1, 0.2, 0.3, 0.4, 0.5], o).unwrap();
        assert_eq!(r.tau2, 0.0);
        let s = study_effects(&[0.3; 5], &[0.1, 0.2, 0.3, 0.4, 0.5]);
        let rep = analyze(
            &s,
            AnalyzeOptions {
                measure: Measure::Gen,
                method: o.method,
                test: o.test,
                level: 95.0,
            },
            None,
        )
        .unwrap();
        let text = serde_json::to_string(&rep).unwrap();
        assert!(!text.contains("NaN"));
    }
}

#[test]
fn zero_cells_get_the_continuity_correction() {
    // a table with a zero cell: 0.5 added to all four cells (metafor add=1/2, to="only0")
    let e = escalc::from_2x2(Measure::Or, 0.0, 10.0, 3.0, 7.0).unwrap();
    let want = ((0.5f64 / 10.5) / (3.5 / 7.5)).ln();
    assert!((e.yi - want).abs() < 1e-15);
    assert!((e.vi - (1.0 / 0.5 + 1.0 / 10.5 + 1.0 / 3.5 + 1.0 / 7.5)).abs() < 1e-15);
    // double-zero table kept (drop00 = FALSE): log OR 0
    let e = escalc::from_2x2(Measure::Rr, 0.0, 10.0, 0.0, 12.0).unwrap();
    assert!(e.yi.is_finite() && e.vi > 0.0);
    // no correction and a zero cell: an error, not Inf
    let c = escalc::Correction {
        add: 0.0,
        to: escalc::AddTo::None,
        drop00: false,
    };
    assert!(escalc::from_2x2_with(Measure::Or, 0.0, 10.0, 3.0, 7.0, c).is_err());
    let d = escalc::Correction {
        drop00: true,
        ..Default::default()
    };
    assert!(escalc::from_2x2_with(Measure::Or, 0.0, 10.0, 0.0, 7.0, d).is_err());
}

#[test]
fn invalid_effect_size_inputs() {
    assert!(escalc::from_2x2(Measure::Rr, -1.0, 10.0, 3.0, 7.0).is_err());
    assert!(escalc::from_2x2(Measure::Rr, f64::NAN, 10.0, 3.0, 7.0).is_err());
    assert!(escalc::from_2x2(Measure::Md, 1.0, 10.0, 3.0, 7.0).is_err());
    assert!(escalc::from_2x2_totals(Measure::Rr, 11.0, 10.0, 3.0, 7.0).is_err());
    assert!(escalc::from_means(Measure::Smd, 1.0, 0.0, 10.0, 2.0, 1.0, 10.0).is_err());
    assert!(escalc::from_means(Measure::Md, 1.0, 1.0, 0.0, 2.0, 1.0, 10.0).is_err());
    assert!(escalc::from_means(Measure::Smd, 1.0, 1.0, 1.0, 2.0, 1.0, 1.0).is_err());
    assert!(escalc::from_proportion(Measure::Pr, 11.0, 10.0).is_err());
    assert!(escalc::from_proportion(Measure::Plo, 0.0, 0.0).is_err());
    assert!(escalc::from_yi_vi(0.1, 0.0).is_err());
    assert!(escalc::from_yi_sei(0.1, -1.0).is_err());
    assert!(escalc::from_ratio_ci(0.0, 0.5, 2.0, 95.0).is_err());
    assert!(escalc::from_ratio_ci(1.0, 2.0, 0.5, 95.0).is_err());
    assert!(escalc::from_diff_ci(1.0, 0.0, 2.0, 0.0).is_err());
    let e = escalc::from_2x2_totals(Measure::Rr, 4.0, 123.0, 11.0, 139.0).unwrap();
    assert!((e.yi - (-0.88931133)).abs() < 5e-9); // dat.bcg row 1
}

#[test]
fn effect_size_conventions() {
    // reported ratio with 95% CI: yi = ln(est), sei = (ln ub - ln lb) / (2 * 1.959964)
    let e = escalc::from_ratio_ci(0.5, 0.25, 1.0, 95.0).unwrap();
    assert!((e.yi - 0.5f64.ln()).abs() < 1e-15);
    assert!((e.sei() - 4f64.ln() / (2.0 * 1.959963984540054)).abs() < 1e-14);
    assert!(
        Measure::Hr.is_ratio()
            && Measure::Irr.is_ratio()
            && Measure::Or.is_ratio()
            && !Measure::Rd.is_ratio()
    );
    assert_eq!("RR".parse::<Measure>().unwrap(), Measure::Rr);
    assert_eq!(Measure::Smd.to_string(), "SMD");
    // PLO with xi = 0: 0.5 added to events and non-events
    let e = escalc::from_proportion(Measure::Plo, 0.0, 20.0).unwrap();
    assert!((e.yi - (0.5f64 / 20.5).ln()).abs() < 1e-15);
    assert!((e.vi - (1.0 / 0.5 + 1.0 / 20.5)).abs() < 1e-15);
    let e = escalc::from_proportion(Measure::Pr, 5.0, 20.0).unwrap();
    assert!((e.yi - 0.25).abs() < 1e-15 && (e.vi - 0.25 * 0.75 / 20.0).abs() < 1e-15);
    // exact Hedges correction vs its approximation 1 - 3/(4m - 1)
    let c = escalc::hedges_c(20.0);
    assert!((c - (1.0 - 3.0 / 79.0)).abs() < 1e-4);
}

#[test]
fn extreme_and_large_inputs_do_not_panic() {
    // huge k
    let k = 20_000;
    let yi: Vec<f64> = (0..k)
        .map(|i| ((i * 7919) % 1000) as f64 / 1000.0 - 0.5)
        .collect();
    let vi: Vec<f64> = (0..k)
        .map(|i| 0.01 + ((i * 104729) % 100) as f64 / 1000.0)
        .collect();
    for m in Method::ALL {
        let f = fit(
            &yi,
            &vi,
            RmaOptions {
                method: m,
                test: Test::Knha,
                level: 95.0,
            },
        )
        .unwrap();
        assert!(f.estimate.is_finite() && f.tau2 >= 0.0);
    }
    let f = fit(&yi, &vi, RmaOptions::default()).unwrap();
    assert!(qprofile(&yi, &vi, &f, 95.0).is_ok());
    // extreme scales: tiny and huge variances, outliers
    let cases: Vec<(Vec<f64>, Vec<f64>)> = vec![
        (vec![1e-8, -1e-8, 3e-8], vec![1e-20, 2e-20, 1e-20]),
        (vec![1e6, -1e6, 0.0, 5e5], vec![1e-6, 1e6, 1.0, 1e3]),
        (vec![0.0, 100.0, -100.0], vec![0.001, 0.001, 0.001]),
        (vec![1e150, -1e150, 0.0], vec![1.0, 1.0, 1.0]),
        (vec![0.1, 0.2, 0.3], vec![1e-300, 1e300, 1.0]),
    ];
    for (y, v) in &cases {
        for o in all_opts() {
            let _ = fit(y, v, o);
            let _ = regtest(y, v, o);
            let _ = trimfill(y, v, o, Estimator::L0, None);
            let _ = trimfill(y, v, o, Estimator::R0, None);
            let _ = leave1out(y, v, o);
            if let Ok(f) = fit(y, v, o) {
                let _ = qprofile(y, v, &f, 95.0);
            }
            let s = study_effects_in_groups(y, v, &["a", "b"]);
            if let Ok(r) = analyze(
                &s,
                AnalyzeOptions {
                    measure: Measure::Or,
                    method: o.method,
                    test: o.test,
                    level: 95.0,
                },
                Some("g"),
            ) {
                let text = serde_json::to_string(&r).unwrap();
                assert!(!text.contains("NaN"));
            }
        }
    }
}

#[test]
fn subgroups_with_singletons_and_one_level() {
    let yi = [0.1, 0.5, 0.3, -0.2];
    let vi = [0.04, 0.05, 0.06, 0.03];
    let sa = subgroup_analysis(&yi, &vi, &["a", "a", "b", "c"], RmaOptions::default()).unwrap();
    assert_eq!(sa.subgroups.len(), 3);
    assert!(sa.test.is_some());
    let t = sa.test.unwrap();
    assert_eq!(t.model.qm_df, 2);
    let sa = subgroup_analysis(&yi, &vi, &["a"; 4], RmaOptions::default()).unwrap();
    assert!(sa.test.is_none());
    assert!(subgroup_analysis(&yi, &vi, &["a"; 3], RmaOptions::default()).is_err());
}

#[test]
fn a_subgroup_a_study_is_fitted_but_not_tested_and_says_why() {
    use evidence_lens::stats::moderators::{factor_design, MAX_TESTED_LEVELS};
    use evidence_lens::stats::rma::fit_mods;
    // As many subgroups as studies: no residual degree of freedom to estimate tau2 from. The
    // counts are checked before the model's rank, whose check takes time cubic in the subgroups.
    let names: Vec<String> = (0..6).map(|i| format!("t{i}")).collect();
    let groups: Vec<&str> = names.iter().map(String::as_str).collect();
    let yi = [0.1, 0.5, 0.3, -0.2, 0.0, 0.2];
    let vi = [0.04, 0.05, 0.06, 0.03, 0.02, 0.05];
    let sa = subgroup_analysis(&yi, &vi, &groups, RmaOptions::default()).unwrap();
    assert_eq!(sa.subgroups.len(), 6);
    assert!(sa.test.is_none());
    assert_eq!(
        sa.test_error.as_deref(),
        Some("estimating tau2 with these moderators needs at least 7 studies, got 6")
    );
    // The fixed-effect model estimates no tau2: its test is fitted (Q of the six studies).
    let fe = RmaOptions {
        method: Method::FE,
        ..RmaOptions::default()
    };
    let sa = subgroup_analysis(&yi, &vi, &groups, fe).unwrap();
    assert_eq!(sa.test.expect("the fixed-effect test").model.qm_df, 5);
    // More coefficients than studies: too few studies, not a singular matrix.
    let (mut x, _) = factor_design(&groups);
    x.k = 4;
    x.data.truncate(4 * x.p);
    let few = fit_mods(&yi[..4], &vi[..4], &x, &[1], fe);
    assert!(
        matches!(
            few,
            Err(StatsError::TooFewStudies {
                needed: 6,
                got: 4,
                ..
            })
        ),
        "{few:?}"
    );
    // Past the most subgroups tested, each is still fitted, in its own studies, and the test
    // says why it is missing.
    let n = MAX_TESTED_LEVELS + 1;
    let names: Vec<String> = (0..n).map(|i| format!("t{:05}", i % n)).collect();
    let groups: Vec<&str> = names.iter().chain(&names).map(String::as_str).collect();
    let yi: Vec<f64> = (0..2 * n).map(|i| (i % 7) as f64 / 10.0).collect();
    let vi = vec![0.05; 2 * n];
    let sa = subgroup_analysis(&yi, &vi, &groups, RmaOptions::default()).unwrap();
    assert_eq!(sa.subgroups.len(), n);
    assert!(sa.subgroups.iter().all(|s| s.k == 2));
    let last = sa.subgroups.last().unwrap();
    assert_eq!(last.level, format!("t{:05}", n - 1));
    assert_eq!(last.studies, [n - 1, 2 * n - 1]);
    assert!(sa.test.is_none());
    assert_eq!(
        sa.test_error.unwrap(),
        format!("subgroup: {n} subgroups; the test between them is fitted for at most {MAX_TESTED_LEVELS}")
    );
}

/// One study leaves Knapp-Hartung no residual to scale by: as metafor, it is tested with z (the
/// fit says so), never given a standard error of 0. So are the one-study refits of leave-one-out
/// at k = 2.
#[test]
fn one_study_under_knapp_hartung_is_tested_with_z() {
    let knha = RmaOptions {
        test: Test::Knha,
        ..RmaOptions::default()
    };
    let z = fit(&[-0.889], &[0.3256], RmaOptions::default()).unwrap();
    let k1 = fit(&[-0.889], &[0.3256], knha).unwrap();
    assert_eq!(k1.test, Test::Z);
    assert_eq!(k1.ddf, None);
    assert!((k1.se - 0.3256_f64.sqrt()).abs() < 1e-12, "{}", k1.se);
    assert_eq!(
        (k1.se, k1.ci_lb, k1.ci_ub, k1.pval),
        (z.se, z.ci_lb, z.ci_ub, z.pval)
    );
    for left in leave1out(&[-0.889, -1.585], &[0.3256, 0.4419], knha).unwrap() {
        assert_eq!(left.fit.test, Test::Z);
        assert!(
            left.fit.se > 0.5 && left.fit.pval.is_finite(),
            "{:?}",
            left.fit
        );
    }
    // Two studies keep Knapp-Hartung's t test on 1 degree of freedom.
    let k2 = fit(&[-0.889, -1.585], &[0.3256, 0.4419], knha).unwrap();
    assert_eq!((k2.test, k2.ddf), (Test::Knha, Some(1)));
}
