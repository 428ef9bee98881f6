//! Appraisal of whatever the readers keep: certainty, statements, absolute effects, claims.
//! Its JSON (the `appraise` contract) never holds a non-finite number.
#![no_main]
use evidence_lens::appraise::{appraise, AppraiseOptions};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let parsed = common::parse_any(data);
    if let Some(ds) = &parsed.dataset {
        let a = appraise(ds, &AppraiseOptions::default());
        common::check_serialized(&a);
    }
});
