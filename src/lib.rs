//! evidence-lens: compare the evidence behind a medical treatment.
//!
//! The core is pure Rust and runs anywhere: [`model`] reads and validates datasets,
//! [`stats`] computes effect sizes and meta-analyses the way metafor does,
//! [`appraise`] turns numbers into certainty ratings and plain words, and [`chart`]
//! draws the views on any plotters backend. Only `web` (built for the browser alone) touches the browser.

pub mod appraise;
pub mod case;
pub mod chart;
pub mod i18n;
pub mod model;
pub mod number;
pub mod sort;
pub mod stats;

#[cfg(feature = "cli")]
pub mod cli;

#[cfg(feature = "import")]
pub mod import;

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod web;
