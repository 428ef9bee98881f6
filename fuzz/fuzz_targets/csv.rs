//! CSV reader, with and without a default measure (the CLI's --measure): any bytes.
#![no_main]
use evidence_lens::model::{Dataset, Measure};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const MEASURES: &[Option<Measure>] = &[
    None,
    Some(Measure::Rr),
    Some(Measure::Or),
    Some(Measure::Rd),
    Some(Measure::Md),
    Some(Measure::Smd),
    Some(Measure::Pr),
    Some(Measure::Plo),
    Some(Measure::Gen),
];

fuzz_target!(|data: &[u8]| {
    let Some((choice, rest)) = data.split_first() else {
        return;
    };
    let measure = MEASURES[*choice as usize % MEASURES.len()];
    let parsed = Dataset::from_csv(rest, measure);
    common::check_parsed(&parsed);
});
