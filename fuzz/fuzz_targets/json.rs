//! JSON reader and validation: any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let parsed = evidence_lens::model::parse_json(data);
    common::check_parsed(&parsed);
    if let Some(ds) = &parsed.dataset {
        let _ = ds.validate();
    }
});
