//! Shared helpers of the fuzz targets: turning bytes into numbers, and the checks that every
//! target applies to what the library returns ("no input can crash it, hang it or make it lie").
#![allow(dead_code)]

use evidence_lens::model::{self, Dataset, Parsed};

/// Reads numbers out of the fuzzer's bytes; runs out gracefully (zeros).
pub struct Bytes<'a> {
    data: &'a [u8],
}

impl<'a> Bytes<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Bytes { data }
    }
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }
    pub fn u8(&mut self) -> u8 {
        match self.data.split_first() {
            Some((b, rest)) => {
                self.data = rest;
                *b
            }
            None => 0,
        }
    }
    pub fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }
    pub fn u64(&mut self) -> u64 {
        let mut b = [0u8; 8];
        for x in &mut b {
            *x = self.u8();
        }
        u64::from_le_bytes(b)
    }
    /// A number that is usually ordinary and sometimes hostile: small integers, decimals,
    /// extremes (1e-300, 1e300, subnormals, f64::MAX), signed zeros and raw bit patterns
    /// (NaN, infinities).
    pub fn f64(&mut self) -> f64 {
        let tag = self.u8();
        match tag % 16 {
            0..=4 => self.u8() as f64,
            5..=7 => (self.u16() as i16) as f64 / 256.0,
            8 => f64::from_bits(self.u64()),
            9 => [
                0.0,
                -0.0,
                1e-300,
                1e300,
                -1e300,
                f64::MIN_POSITIVE,
                5e-324,
                f64::MAX,
                f64::MIN,
                f64::EPSILON,
            ][self.u8() as usize % 10],
            10 => [f64::NAN, f64::INFINITY, f64::NEG_INFINITY][self.u8() as usize % 3],
            11 => 10f64.powi((self.u8() as i32 % 80) - 40) * (1.0 + self.u8() as f64 / 256.0),
            _ => (self.u16() as f64) / 100.0,
        }
    }
    /// A positive variance-like number (still hostile now and then).
    pub fn var(&mut self) -> f64 {
        let tag = self.u8();
        match tag % 8 {
            0 => self.f64(),
            1 => 10f64.powi((self.u8() as i32 % 640) - 320),
            _ => (1 + self.u16() as u32) as f64 / 1000.0,
        }
    }
    pub fn rest(&self) -> &'a [u8] {
        self.data
    }
}

/// What every reader result must satisfy: problems render without panicking and name a place
/// (or the whole input), and a dataset read without errors can be written and read back.
pub fn check_parsed(parsed: &Parsed) {
    for p in parsed.errors.iter().chain(&parsed.warnings) {
        // Rendering a problem must not panic; a message may quote any input, so its text is free.
        let _line = p.to_string();
        assert!(
            !p.message().is_empty(),
            "a problem without a message: {p:?}"
        );
        // In every language, with every phrase a catalogue key (checked in debug builds).
        for lang in evidence_lens::i18n::Lang::ALL {
            let _said = p.said(lang);
        }
    }
    if let Some(ds) = &parsed.dataset {
        let (errors, _) = model::validate(ds);
        // What the reader keeps must pass validation (the reader drops what does not).
        assert!(
            errors.iter().all(|e| e.message().contains("schema")),
            "kept data has errors: {errors:?}"
        );
        if parsed.errors.is_empty() {
            round_trip(ds);
        }
    }
}

/// The writer's output must read back without errors (the writer never lies about the data).
pub fn round_trip(ds: &Dataset) {
    let json = ds.to_json_pretty();
    if json.len() > model::MAX_INPUT_BYTES {
        return;
    }
    let again = model::parse_json(json.as_bytes());
    assert!(
        again.errors.is_empty(),
        "written dataset does not read back: {:?}\n{json}",
        again.errors
    );
    if again.errors.is_empty() {
        assert_eq!(
            again.dataset.as_ref().map(|d| d.studies.len()),
            Some(ds.studies.len())
        );
    }
}

/// No number in a JSON value is non-finite (serde_json writes NaN as null, but a `Value` built by
/// hand could hold one), and no string pretends to be a number such as "NaN".
pub fn check_json(v: &serde_json::Value) {
    match v {
        serde_json::Value::Number(n) => {
            if let Some(f) = n.as_f64() {
                assert!(f.is_finite(), "non-finite number in JSON output");
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(check_json),
        serde_json::Value::Object(o) => o.values().for_each(check_json),
        _ => {}
    }
}

/// Serializes and checks the JSON of a report.
pub fn check_serialized<T: serde::Serialize>(value: &T) {
    let text = serde_json::to_string(value).expect("reports serialize");
    let v: serde_json::Value = serde_json::from_str(&text).expect("reports are valid JSON");
    check_json(&v);
}

/// Reads fuzz bytes as JSON or CSV (first byte chooses), as the widget and the CLI do.
pub fn parse_any(data: &[u8]) -> Parsed {
    match data.split_first() {
        Some((b, rest)) if b % 2 == 1 => model::parse_csv(rest),
        Some((_, rest)) => model::parse_json(rest),
        None => model::parse_json(data),
    }
}
