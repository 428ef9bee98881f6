//! The review converter in the browser: RevMan 5 files (`.rm5`) and Cochrane data packages (the
//! zip, or its CSV files) to an `evidence-lens/1` dataset, by the same importer as
//! `evidence-lens import`.
//!
//! It is its own small wasm module, not part of the widget's: readers of ordinary data never
//! download it. The widget (`www/lens/review.js`) loads it only when its `src` is a review file,
//! and the embed page when an editor chooses one.

use wasm_bindgen::prelude::*;

/// A converted review: the dataset as JSON text, and what was left out on the way.
#[wasm_bindgen(getter_with_clone)]
pub struct Converted {
    /// The dataset, as `evidence-lens import` writes it.
    pub json: String,
    /// Analyses and rows left out (text-only analyses, rows without data), for the editor.
    pub warnings: Vec<String>,
}

/// Converts the files an editor chose (their names and contents): one `.rm5` file, one data
/// package zip, or the package's CSV files. Fails with the importer's message, which names the
/// file, line or element and what is wrong.
#[wasm_bindgen]
pub fn convert(
    names: Vec<String>,
    contents: Vec<js_sys::Uint8Array>,
) -> Result<Converted, JsError> {
    if names.len() != contents.len() {
        return Err(JsError::new("convert: one name is needed for each file"));
    }
    let files: Vec<(String, Vec<u8>)> = names
        .into_iter()
        .zip(contents.iter().map(|c| c.to_vec()))
        .collect();
    let imported = evidence_lens::import::from_named_files(&files)
        .map_err(|e| JsError::new(&e.to_string()))?;
    Ok(Converted {
        json: imported.dataset.to_json_pretty(),
        warnings: imported.warnings,
    })
}
