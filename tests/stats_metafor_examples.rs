//! Other published datasets, with expected values read in metafor's own tests
//! (github.com/wviechtb/metafor, tests/testthat/...; each block cites its file).
//! Expected values are compared at the digits the metafor test rounds to.

use evidence_lens::stats::escalc::{from_2x2, from_means, Measure};
use evidence_lens::stats::rma::{fit, Method, RmaOptions, Test};

fn opts(method: Method) -> RmaOptions {
    RmaOptions {
        method,
        test: Test::Z,
        level: 95.0,
    }
}

/// R's `round(x, d) == expected` (to floating-point slack).
fn rounds_to(x: f64, d: i32, expected: f64) -> bool {
    let f = 10f64.powi(d);
    ((x * f).round() / f - expected).abs() < 0.5 / f * 1e-6
        || (x - expected).abs() <= 0.5 / f * (1.0 + 1e-9)
}

macro_rules! check {
    ($x:expr, $d:expr, $e:expr) => {
        assert!(
            rounds_to($x, $d, $e),
            "{} = {} does not round to {} at {} decimals",
            stringify!($x),
            $x,
            $e,
            $d
        );
    };
}

// tests/testthat/test_analysis_example_viechtbauer2005.r, example 1 (page 271)
#[test]
fn viechtbauer2005_example1_estimators() {
    let yi = [
        -0.581, 0.530, 0.771, 1.031, 0.553, 0.295, 0.078, 0.573, -0.176, -0.232,
    ];
    let vi = [
        0.023, 0.052, 0.060, 0.115, 0.095, 0.203, 0.200, 0.211, 0.051, 0.040,
    ];
    // (method, tau2, I2, H2); metafor's HS row is not implemented here
    let expected = [
        (Method::HE, 0.148, 68.80, 3.21),
        (Method::DL, 0.277, 80.44, 5.11),
        (Method::ML, 0.197, 74.51, 3.92),
        (Method::REML, 0.223, 76.84, 4.32),
        (Method::EB, 0.192, 74.05, 3.85),
        (Method::SJ, 0.199, 74.75, 3.96),
    ];
    for (m, tau2, i2, h2) in expected {
        let f = fit(&yi, &vi, opts(m)).unwrap();
        assert!(rounds_to(f.tau2, 3, tau2), "{m}: tau2 {} vs {tau2}", f.tau2);
        assert!(rounds_to(f.i2, 2, i2), "{m}: I2 {} vs {i2}", f.i2);
        assert!(rounds_to(f.h2, 2, h2), "{m}: H2 {} vs {h2}", f.h2);
    }
}

// tests/testthat/test_analysis_example_viechtbauer2005.r, example 2 (page 272)
#[test]
fn viechtbauer2005_example2_estimators() {
    let yi = [
        0.100, -0.162, -0.090, -0.049, -0.046, -0.010, -0.431, -0.261, 0.134, 0.019, 0.175, 0.056,
        0.045, 0.103, 0.121, -0.482, 0.290, 0.342,
    ];
    let vi = [
        0.016, 0.015, 0.050, 0.050, 0.032, 0.052, 0.036, 0.024, 0.034, 0.033, 0.031, 0.034, 0.039,
        0.167, 0.134, 0.096, 0.016, 0.035,
    ];
    let expected = [
        (Method::HE, 0.000, 0.00, 1.00),
        (Method::DL, 0.013, 27.53, 1.38),
        (Method::ML, 0.013, 28.45, 1.40),
        (Method::REML, 0.016, 32.02, 1.47),
        (Method::EB, 0.010, 23.72, 1.31),
        (Method::SJ, 0.025, 42.67, 1.74),
    ];
    for (m, tau2, i2, h2) in expected {
        let f = fit(&yi, &vi, opts(m)).unwrap();
        assert!(rounds_to(f.tau2, 3, tau2), "{m}: tau2 {} vs {tau2}", f.tau2);
        assert!(rounds_to(f.i2, 2, i2), "{m}: I2 {} vs {i2}", f.i2);
        assert!(rounds_to(f.h2, 2, h2), "{m}: H2 {} vs {h2}", f.h2);
    }
    // EB and PM solve the same estimating equation
    let eb = fit(&yi, &vi, opts(Method::EB)).unwrap();
    let pm = fit(&yi, &vi, opts(Method::PM)).unwrap();
    assert!((eb.tau2 - pm.tau2).abs() < 1e-12);
}

/// dat.normand1999 (Normand 1999, stroke rehabilitation; data as in metadat):
/// source, n1i, m1i, sd1i, n2i, m2i, sd2i
const NORMAND: [(&str, f64, f64, f64, f64, f64, f64); 9] = [
    ("Edinburgh", 155.0, 55.0, 47.0, 156.0, 75.0, 64.0),
    ("Orpington-Mild", 31.0, 27.0, 7.0, 32.0, 29.0, 4.0),
    ("Orpington-Moderate", 75.0, 64.0, 17.0, 71.0, 119.0, 29.0),
    ("Orpington-Severe", 18.0, 66.0, 20.0, 18.0, 137.0, 48.0),
    ("Montreal-Home", 8.0, 14.0, 8.0, 13.0, 18.0, 11.0),
    ("Montreal-Transfer", 57.0, 19.0, 7.0, 52.0, 18.0, 4.0),
    ("Newcastle", 34.0, 52.0, 45.0, 33.0, 41.0, 34.0),
    ("Umea", 110.0, 21.0, 16.0, 183.0, 31.0, 27.0),
    ("Uppsala", 60.0, 30.0, 27.0, 52.0, 23.0, 20.0),
];

// tests/testthat/test_analysis_example_normand1999.r, second example: MD with the pooled SD
#[test]
fn normand1999_mean_differences() {
    let mut yi = vec![];
    let mut vi = vec![];
    for (_, n1, m1, s1, n2, m2, s2) in NORMAND {
        let sdp = (((n1 - 1.0) * s1 * s1 + (n2 - 1.0) * s2 * s2) / (n1 + n2 - 2.0)).sqrt();
        let e = from_means(Measure::Md, m1, sdp, n1, m2, sdp, n2).unwrap();
        yi.push(e.yi);
        vi.push(e.vi);
    }
    let want_y = [-20.0, -2.0, -55.0, -71.0, -4.0, 1.0, 11.0, -10.0, 7.0];
    let want_v = [40.59, 2.05, 15.28, 150.22, 20.19, 1.22, 95.38, 8.03, 20.69];
    for i in 0..9 {
        assert_eq!(yi[i], want_y[i]);
        check!(vi[i], 2, want_v[i]);
    }
    let fe = fit(&yi, &vi, opts(Method::FE)).unwrap();
    check!(fe.estimate, 2, -3.49);
    check!(fe.ci_lb, 2, -5.03);
    check!(fe.ci_ub, 2, -1.96);
    let dl = fit(&yi, &vi, opts(Method::DL)).unwrap();
    check!(dl.estimate, 2, -14.10);
    check!(dl.ci_lb, 2, -24.45);
    check!(dl.ci_ub, 2, -3.75);
    check!(dl.tau2, 2, 218.72);
    let reml = fit(&yi, &vi, opts(Method::REML)).unwrap();
    check!(reml.estimate, 2, -15.12);
    check!(reml.ci_lb, 2, -32.67);
    check!(reml.ci_ub, 2, 2.43);
    check!(reml.tau2, 2, 685.20);
}

// tests/testthat/test_misc_rma_uni.r: "rma() works directly with input for measure='SMD'"
// (escalc SMD on the first four studies, REML tau2 = 1.0090)
#[test]
fn normand1999_smd_subset() {
    let mut yi = vec![];
    let mut vi = vec![];
    for (_, n1, m1, s1, n2, m2, s2) in NORMAND.iter().take(4) {
        let e = from_means(Measure::Smd, *m1, *s1, *n1, *m2, *s2, *n2).unwrap();
        yi.push(e.yi);
        vi.push(e.vi);
    }
    let f = fit(&yi, &vi, opts(Method::REML)).unwrap();
    check!(f.tau2, 4, 1.0090);
}

/// dat.bcg as tpos, tneg, cpos, cneg
fn bcg_counts() -> Vec<[f64; 4]> {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bcg.csv"),
    )
    .unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<f64> = l
                .split(',')
                .skip(2)
                .take(4)
                .map(|x| x.parse().unwrap())
                .collect();
            [f[0], f[1], f[2], f[3]]
        })
        .collect()
}

// tests/testthat/test_misc_metan_vs_rma.uni_with_dat.bcg.r: OR, back-transformed (predict(res, transf=exp))
#[test]
fn bcg_odds_ratios_back_transformed() {
    let (mut yi, mut vi) = (vec![], vec![]);
    for c in bcg_counts() {
        let e = from_2x2(Measure::Or, c[0], c[1], c[2], c[3]).unwrap();
        yi.push(e.yi);
        vi.push(e.vi);
    }
    let fe = fit(&yi, &vi, opts(Method::FE)).unwrap();
    check!(fe.estimate.exp(), 4, 0.6465);
    check!(fe.ci_lb.exp(), 4, 0.5951);
    check!(fe.ci_ub.exp(), 4, 0.7024);
    check!(fe.q, 4, 163.1649);
    let dl = fit(&yi, &vi, opts(Method::DL)).unwrap();
    check!(dl.estimate.exp(), 4, 0.4736);
    check!(dl.ci_lb.exp(), 4, 0.3249);
    check!(dl.ci_ub.exp(), 4, 0.6903);
    check!(dl.tau2, 4, 0.3663);
    check!(dl.i2, 4, 92.6455);
    // RD: DL tau2 prints as 0.0000, I2 95.6596
    let (mut yi, mut vi) = (vec![], vec![]);
    for c in bcg_counts() {
        let e = from_2x2(Measure::Rd, c[0], c[1], c[2], c[3]).unwrap();
        yi.push(e.yi);
        vi.push(e.vi);
    }
    let dl = fit(&yi, &vi, opts(Method::DL)).unwrap();
    check!(dl.ci_ub, 4, -0.0040);
    check!(dl.zval, 4, -4.5128);
    check!(dl.i2, 4, 95.6596);
}
