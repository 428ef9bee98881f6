//! Effect sizes from arbitrary numbers: every escalc entry point and every measure. An `Ok` is
//! always a finite yi with a positive finite vi; anything else is an error value, never a panic.
#![no_main]
use evidence_lens::model::Measure;
use evidence_lens::stats::escalc::{self, AddTo, Correction, EffectSize};
use evidence_lens::stats::StatsError;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fn ok(r: Result<EffectSize, StatsError>) {
    match r {
        Ok(e) => {
            assert!(e.yi.is_finite(), "yi {e:?}");
            assert!(e.vi.is_finite() && e.vi > 0.0, "vi {e:?}");
            assert!(e.sei().is_finite());
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut b = common::Bytes::new(data);
    let measure = Measure::ALL[b.u8() as usize % Measure::ALL.len()];
    let x: Vec<f64> = (0..6).map(|_| b.f64()).collect();
    let level = b.f64();
    let to = [AddTo::All, AddTo::Only0, AddTo::None][b.u8() as usize % 3];
    let corr = Correction {
        add: b.f64(),
        to,
        drop00: b.u8() % 2 == 1,
    };
    ok(escalc::from_2x2(measure, x[0], x[1], x[2], x[3]));
    ok(escalc::from_2x2_totals(measure, x[0], x[1], x[2], x[3]));
    ok(escalc::from_2x2_with(measure, x[0], x[1], x[2], x[3], corr));
    ok(escalc::from_means(
        measure, x[0], x[1], x[2], x[3], x[4], x[5],
    ));
    ok(escalc::from_proportion(measure, x[0], x[1]));
    ok(escalc::from_proportion_with(measure, x[0], x[1], corr));
    ok(escalc::from_yi_vi(x[0], x[1]));
    ok(escalc::from_yi_sei(x[0], x[1]));
    ok(escalc::from_ratio_ci(x[0], x[1], x[2], level));
    ok(escalc::from_diff_ci(x[0], x[1], x[2], level));
    let _ = escalc::hedges_c(x[4]);
});
