//! RevMan 5's statistics (`stats::revman`) against published values:
//! - Stata's `metan` (which follows RevMan) on the BCG trials, as quoted in metafor's tests
//!   `test_misc_metan_vs_rma.mh_with_dat.bcg.r` and `..._rma.peto_with_dat.bcg.r` (4 decimals);
//! - RevMan 5's own export of the Fleiss (1993) mental-health analysis (mean difference,
//!   `Fleiss1993_CR.csv` in the R package meta, 8 decimals).
//!
//! The values stored in the reference review files themselves are checked in `import_revman.rs`.

use evidence_lens::stats::revman::{
    fit, revman, ArmMeans, EffectModel, Measure, PoolMethod, RevmanOptions, RevmanStudy, StudyData,
};

fn data_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("data")
        .join(name)
}

/// The BCG trials as counts (events and totals per arm).
fn bcg() -> Vec<RevmanStudy> {
    let text = std::fs::read_to_string(data_path("bcg.csv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            let n = |c: &str| f[col(c)].parse::<f64>().unwrap();
            RevmanStudy {
                label: f[col("study")].to_string(),
                subgroup: Some(f[col("alloc")].to_string()),
                data: StudyData::Counts {
                    e1: n("ai"),
                    n1: n("ai") + n("bi"),
                    e2: n("ci"),
                    n2: n("ci") + n("di"),
                },
            }
        })
        .collect()
}

/// `x` printed with `decimals` decimals is `printed`.
fn prints_as(x: f64, decimals: i32, printed: f64) {
    let unit = 10f64.powi(-decimals);
    assert!(
        (x - printed).abs() <= 0.5 * unit + 1e-12,
        "{x} does not print as {printed} with {decimals} decimals"
    );
}

fn opts(measure: Measure, method: PoolMethod) -> RevmanOptions {
    RevmanOptions {
        method,
        ..RevmanOptions::for_measure(measure)
    }
}

#[test]
fn mantel_haenszel_risk_ratio_matches_metan() {
    let f = fit(&bcg(), &opts(Measure::Rr, PoolMethod::Mh)).unwrap();
    prints_as(f.estimate, 4, -0.4537);
    prints_as(f.ci_lb, 4, -0.5308);
    prints_as(f.ci_ub, 4, -0.3766);
    prints_as(f.zval, 4, -11.5338);
    prints_as(f.q, 4, 152.5676);
    prints_as(f.estimate.exp(), 4, 0.6353);
    prints_as(f.ci_lb.exp(), 4, 0.5881);
    prints_as(f.ci_ub.exp(), 4, 0.6862);
}

#[test]
fn mantel_haenszel_odds_ratio_matches_metan() {
    let f = fit(&bcg(), &opts(Measure::Or, PoolMethod::Mh)).unwrap();
    prints_as(f.estimate, 4, -0.4734);
    prints_as(f.ci_lb, 4, -0.5538);
    prints_as(f.ci_ub, 4, -0.3930);
    prints_as(f.zval, 4, -11.5444);
    prints_as(f.q, 4, 163.9426);
    prints_as(f.estimate.exp(), 4, 0.6229);
    prints_as(f.ci_lb.exp(), 4, 0.5748);
    prints_as(f.ci_ub.exp(), 4, 0.6750);
}

#[test]
fn mantel_haenszel_risk_difference_uses_greenland_robins_variance_as_metan() {
    let f = fit(&bcg(), &opts(Measure::Rd, PoolMethod::Mh)).unwrap();
    prints_as(f.estimate, 4, -0.0033);
    prints_as(f.q, 4, 386.7759);
    // metan prints 11.56 (Greenland & Robins 1985, as RevMan); metafor's Sato variance gives 11.47.
    prints_as(f.zval.abs(), 2, 11.56);
}

#[test]
fn peto_odds_ratio_matches_metan() {
    let f = fit(&bcg(), &opts(Measure::Or, PoolMethod::Peto)).unwrap();
    prints_as(f.estimate, 4, -0.4744);
    prints_as(f.ci_lb, 4, -0.5541);
    prints_as(f.ci_ub, 4, -0.3948);
    prints_as(f.zval, 4, -11.6689);
    prints_as(f.q, 4, 167.7302);
    prints_as(f.estimate.exp(), 4, 0.6222);
    prints_as(f.ci_lb.exp(), 4, 0.5746);
    prints_as(f.ci_ub.exp(), 4, 0.6738);
}

/// Fleiss (1993) mental health treatment; RevMan 5's export in meta's `Fleiss1993_CR.csv`:
/// MD (IV, fixed) −0.70938839 [−1.25848502, −0.16029176], Chi² 5.66012379, P 0.22600895,
/// I² 29.33016758, Z 2.53211477, P 0.01133769; each study's SE and weight.
#[test]
fn mean_difference_matches_revmans_export() {
    let rows = [
        ("Davis", 5.0, 4.7, 13.0, 6.5, 3.8, 13.0),
        ("Florell", 4.9, 1.71, 30.0, 6.1, 2.3, 50.0),
        ("Gruen", 22.5, 3.44, 35.0, 24.9, 10.65, 35.0),
        ("Hart", 12.5, 1.47, 20.0, 12.3, 1.66, 20.0),
        ("Wilson", 6.5, 0.76, 8.0, 7.38, 1.41, 8.0),
    ];
    let studies: Vec<RevmanStudy> = rows
        .iter()
        .map(|&(l, m1, sd1, n1, m2, sd2, n2)| RevmanStudy {
            label: l.into(),
            subgroup: None,
            data: StudyData::Means(ArmMeans::new([m1, sd1, n1, m2, sd2, n2])),
        })
        .collect();
    let f = fit(&studies, &RevmanOptions::for_measure(Measure::Md)).unwrap();
    prints_as(f.estimate, 8, -0.70938839);
    prints_as(f.ci_lb, 8, -1.25848502);
    prints_as(f.ci_ub, 8, -0.16029176);
    prints_as(f.q, 8, 5.66012379);
    // RevMan's chi-squared tail is an approximation good to about 1e-7 (R's pchisq and ours give
    // 0.2260088929); the p-value agrees to the 6 decimals it is good for.
    prints_as(f.q_pval, 6, 0.22600895);
    prints_as(f.i2, 8, 29.33016758);
    prints_as(f.zval.abs(), 8, 2.53211477);
    prints_as(f.pval, 8, 0.01133769);
    let se = [1.67630546, 0.45085474, 1.89175731, 0.49580742, 0.56631484];
    let weight = [
        2.79315513,
        38.61251498,
        2.19316111,
        31.92826572,
        24.47290305,
    ];
    for ((row, se), w) in f.studies.iter().zip(se).zip(weight) {
        prints_as(row.vi.unwrap().sqrt(), 8, se);
        prints_as(row.weight, 8, w);
    }
}

#[test]
fn random_effects_after_mantel_haenszel_measure_q_around_the_mh_estimate() {
    let studies = bcg();
    let fixed = fit(&studies, &opts(Measure::Rr, PoolMethod::Mh)).unwrap();
    let random = fit(
        &studies,
        &RevmanOptions {
            model: EffectModel::Random,
            ..opts(Measure::Rr, PoolMethod::Mh)
        },
    )
    .unwrap();
    // Same Q as the fixed-effect MH fit, and DL's tau2 computed from it.
    assert_eq!(random.q, fixed.q);
    let w: Vec<f64> = fixed.studies.iter().map(|r| 1.0 / r.vi.unwrap()).collect();
    let (sw, sw2) = (w.iter().sum::<f64>(), w.iter().map(|w| w * w).sum::<f64>());
    let tau2 = (fixed.q - 12.0) / (sw - sw2 / sw);
    assert!((random.tau2 - tau2).abs() < 1e-14 * tau2);
    // metafor's DL (Q around the inverse-variance estimate) gives 0.3088 for these trials; RevMan's
    // Q is larger, so its tau2 is too.
    assert!(random.tau2 > 0.3088);
    let total: f64 = random.studies.iter().map(|r| r.weight).sum();
    assert!((total - 100.0).abs() < 1e-9);
    // Weights are 1/(vi + tau2), not the MH weights.
    let wr: Vec<f64> = fixed
        .studies
        .iter()
        .map(|r| 1.0 / (r.vi.unwrap() + random.tau2))
        .collect();
    let swr: f64 = wr.iter().sum();
    for (row, w) in random.studies.iter().zip(&wr) {
        assert!((row.weight - 100.0 * w / swr).abs() < 1e-9);
    }
}

#[test]
fn inverse_variance_random_effects_equals_metafors_dl() {
    // Without MH, RevMan's random-effects model is metafor's rma(method = "DL").
    let studies = bcg();
    let random = fit(
        &studies,
        &RevmanOptions {
            method: PoolMethod::Iv,
            model: EffectModel::Random,
            ..RevmanOptions::for_measure(Measure::Rr)
        },
    )
    .unwrap();
    let yi: Vec<f64> = random.studies.iter().map(|r| r.yi.unwrap()).collect();
    let vi: Vec<f64> = random.studies.iter().map(|r| r.vi.unwrap()).collect();
    let dl = evidence_lens::stats::rma::fit(
        &yi,
        &vi,
        evidence_lens::stats::RmaOptions {
            method: evidence_lens::stats::Method::DL,
            ..Default::default()
        },
    )
    .unwrap();
    for (a, b) in [
        (random.estimate, dl.estimate),
        (random.se, dl.se),
        (random.tau2, dl.tau2),
        (random.q, dl.q),
        (random.i2, dl.i2),
    ] {
        assert!((a - b).abs() < 1e-10 * b.abs().max(1.0), "{a} vs {b}");
    }
}

fn counts(label: &str, e1: f64, n1: f64, e2: f64, n2: f64) -> RevmanStudy {
    RevmanStudy {
        label: label.into(),
        subgroup: None,
        data: StudyData::Counts { e1, n1, e2, n2 },
    }
}

#[test]
fn zero_cells_are_corrected_in_the_mh_sums_unless_exact() {
    let studies = vec![
        counts("A", 0.0, 20.0, 4.0, 20.0),
        counts("B", 2.0, 25.0, 6.0, 25.0),
        counts("C", 0.0, 15.0, 0.0, 15.0),
    ];
    let revman = fit(&studies, &opts(Measure::Or, PoolMethod::Mh)).unwrap();
    let exact = fit(
        &studies,
        &RevmanOptions {
            mh_exact: true,
            ..opts(Measure::Or, PoolMethod::Mh)
        },
    )
    .unwrap();
    // C has no events: not estimable, no weight, not counted.
    assert_eq!(revman.k, 2);
    assert!(!revman.studies[2].estimable && revman.studies[2].weight == 0.0);
    // With 0.5 in A's cells (N = 42): R = 0.5*16.5/42, S = 20.5*4.5/42; B: R = 2*19/50, S = 23*6/50.
    let or_cc: f64 = (0.5 * 16.5 / 42.0 + 38.0 / 50.0) / (20.5 * 4.5 / 42.0 + 138.0 / 50.0);
    assert!((revman.estimate - or_cc.ln()).abs() < 1e-14);
    let or_exact: f64 = (0.0 + 38.0 / 50.0) / (20.0 * 4.0 / 40.0 + 138.0 / 50.0);
    assert!((exact.estimate - or_exact.ln()).abs() < 1e-14);
    // The study's own effect is corrected either way.
    assert_eq!(revman.studies[0].yi, exact.studies[0].yi);
}

#[test]
fn subgroups_are_pooled_apart_and_compared_by_their_estimates() {
    let a = fit(
        &bcg()
            .into_iter()
            .filter(|s| s.subgroup.as_deref() == Some("random"))
            .collect::<Vec<_>>(),
        &opts(Measure::Rr, PoolMethod::Mh),
    )
    .unwrap();
    let all = revman(&bcg(), opts(Measure::Rr, PoolMethod::Mh)).unwrap();
    assert_eq!(
        all.subgroups
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["random", "alternate", "systematic"]
    );
    assert_eq!(all.subgroups[0].fit.as_ref().unwrap(), &a);
    let fits: Vec<_> = all
        .subgroups
        .iter()
        .map(|s| s.fit.clone().unwrap())
        .collect();
    let w: Vec<f64> = fits.iter().map(|f| f.se.powi(-2)).collect();
    let mean = fits
        .iter()
        .zip(&w)
        .map(|(f, w)| w * f.estimate)
        .sum::<f64>()
        / w.iter().sum::<f64>();
    let q: f64 = fits
        .iter()
        .zip(&w)
        .map(|(f, w)| w * (f.estimate - mean).powi(2))
        .sum();
    let t = all.subgroup_test.unwrap();
    assert!((t.q - q).abs() < 1e-12 * q);
    assert_eq!(t.q_df, 2);
    assert_eq!(
        all.overall,
        fit(&bcg(), &opts(Measure::Rr, PoolMethod::Mh)).unwrap()
    );
}

#[test]
fn o_minus_e_data_pool_as_peto_does() {
    // Peto's OR from counts equals pooling its own O−E and V.
    let studies = bcg();
    let peto = fit(&studies, &opts(Measure::Or, PoolMethod::Peto)).unwrap();
    let oe: Vec<RevmanStudy> = peto
        .studies
        .iter()
        .map(|r| RevmanStudy {
            label: r.study.clone(),
            subgroup: None,
            data: StudyData::OE {
                oe: r.yi.unwrap() / r.vi.unwrap(),
                var: 1.0 / r.vi.unwrap(),
            },
        })
        .collect();
    let pooled = fit(&oe, &opts(Measure::Or, PoolMethod::Peto)).unwrap();
    assert!((pooled.estimate - peto.estimate).abs() < 1e-14);
    assert!((pooled.q - peto.q).abs() < 1e-10);
    // Σ(O−E)/ΣV, variance 1/ΣV.
    let (soe, sv) = oe.iter().fold((0.0, 0.0), |(a, b), s| match s.data {
        StudyData::OE { oe, var } => (a + oe, b + var),
        _ => unreachable!(),
    });
    assert!((pooled.estimate - soe / sv).abs() < 1e-14);
    assert!((pooled.se - sv.powf(-0.5)).abs() < 1e-14);
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let bad = [
        counts("x", 5.0, 4.0, 1.0, 10.0),
        counts("x", -1.0, 4.0, 1.0, 10.0),
        counts("x", f64::NAN, 4.0, 1.0, 10.0),
        counts("x", 1.0, f64::INFINITY, 1.0, 10.0),
    ];
    for s in bad {
        assert!(fit(&[s], &opts(Measure::Or, PoolMethod::Mh)).is_err());
    }
    // Nothing estimable.
    assert!(fit(
        &[counts("x", 0.0, 4.0, 0.0, 10.0)],
        &opts(Measure::Rr, PoolMethod::Mh)
    )
    .is_err());
    assert!(fit(&[], &opts(Measure::Rr, PoolMethod::Mh)).is_err());
    // Means cannot be pooled by Mantel-Haenszel; counts do not give a mean difference.
    let means = RevmanStudy {
        label: "m".into(),
        subgroup: None,
        data: StudyData::Means(ArmMeans::new([1.0, 1.0, 10.0, 0.0, 1.0, 10.0])),
    };
    assert!(fit(&[means], &opts(Measure::Md, PoolMethod::Mh)).is_err());
    assert!(fit(
        &[counts("x", 1.0, 4.0, 1.0, 10.0)],
        &opts(Measure::Md, PoolMethod::Iv)
    )
    .is_err());
    // A single study: Q = 0 on 0 df, no p-value.
    let one = fit(
        &[counts("x", 1.0, 4.0, 2.0, 10.0)],
        &opts(Measure::Rr, PoolMethod::Mh),
    )
    .unwrap();
    assert_eq!((one.q_df, one.i2, one.studies[0].weight), (0, 0.0, 100.0));
    assert!(one.q_pval.is_nan());
}
