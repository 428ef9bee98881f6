//! The converters in the browser: editors' files that are not a dataset's JSON, read by the same
//! core as the command line and handed to the widget as JSON, the one format its engine reads.
//! - `review`: RevMan 5 files (`.rm5`) and Cochrane data packages (the zip, or its CSV files), by
//!   the same importer as `evidence-lens import` (`www/pkg/import/`);
//! - `table`: spreadsheets saved as CSV (one row per study-outcome), by the same reader as the
//!   CLI's (`www/pkg/table/`).
//!
//! Each is a wasm module of its own (`scripts/build.sh` builds this crate once per feature), not
//! part of the widget's: readers of JSON data and of the built-in dataset download neither. The
//! widget (`www/lens/convert.js`) loads one only when its data is such a file, and the embed page
//! when an editor chooses one.

#[cfg(feature = "review")]
pub use review::*;
#[cfg(feature = "table")]
pub use table::*;

use evidence_lens::i18n::{self, Lang};
use wasm_bindgen::prelude::*;

/// Whether the converter has the texts of `lang` (as the widget's `hasLanguage`): its catalogue
/// has only English until the shell installs a language.
#[wasm_bindgen(js_name = hasLanguage)]
pub fn has_language(lang: &str) -> bool {
    i18n::has(Lang::from_tag_or_default(lang))
}

/// Installs a language's texts, the widget's `pkg/i18n/LANG.json` (as `installLanguage`): the
/// table converter says its problems in the page's language; the review converter writes what it
/// tells readers in every language installed.
#[wasm_bindgen(js_name = installLanguage)]
pub fn install_language(lang: &str, json: &str) -> Result<(), JsError> {
    i18n::install(Lang::from_tag_or_default(lang), json)
        .map_err(|e| JsError::new(&format!("the {lang} texts could not be read: {e}")))
}

#[cfg(feature = "review")]
mod review {
    use evidence_lens::i18n::Lang;
    use wasm_bindgen::prelude::*;

    /// A converted review: the dataset as JSON text, and what was left out on the way.
    #[wasm_bindgen(getter_with_clone)]
    pub struct Converted {
        /// The dataset, as `evidence-lens import` writes it.
        pub json: String,
        /// The importer's notes for the editor (analyses and rows left out, what the file does not
        /// say), in the language asked for.
        pub warnings: Vec<String>,
    }

    /// Converts the files an editor chose (their names and contents): one `.rm5` file, one data
    /// package zip, or the package's CSV files. With `randomised`, the editor says the review's
    /// studies are randomised trials: those whose design the file does not state are rated as
    /// such (as `evidence-lens import --randomised`). What the data tells readers is written in
    /// English and each installed language; the notes and a failure are said in `lang` (the
    /// page's; English when not given): a failure names the file, line or element and what is
    /// wrong.
    #[wasm_bindgen]
    pub fn convert(
        names: Vec<String>,
        contents: Vec<js_sys::Uint8Array>,
        randomised: Option<bool>,
        lang: Option<String>,
    ) -> Result<Converted, JsError> {
        let lang = Lang::from_tag_or_default(lang.as_deref().unwrap_or("en"));
        if names.len() != contents.len() {
            return Err(JsError::new("convert: one name is needed for each file"));
        }
        let files: Vec<(String, Vec<u8>)> = names
            .into_iter()
            .zip(contents.iter().map(|c| c.to_vec()))
            .collect();
        let mut imported = evidence_lens::import::from_named_files(&files)
            .map_err(|e| JsError::new(&e.message(lang)))?;
        if randomised == Some(true) {
            imported.assume_randomised();
        }
        Ok(Converted {
            json: imported.dataset.to_json_pretty(),
            warnings: imported.notes(lang),
        })
    }
}

#[cfg(feature = "table")]
mod table {
    use evidence_lens::i18n::{self, Lang};
    use evidence_lens::model::{Dataset, Issue, Measure, Problem, Said};
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    /// A CSV table read: the dataset as JSON, UTF-8 bytes for the widget to read as they are (empty
    /// when nothing could be kept; a JS string would be decoded and encoded again), and the table's
    /// problems by row and column (`problems`: JSON `{errors, warnings}`, each `{path, message}`),
    /// which the widget shows instead of its own reading of the JSON: that finds the same things
    /// again, at places in a JSON file the editor never wrote.
    #[wasm_bindgen(getter_with_clone)]
    pub struct ConvertedTable {
        pub json: Vec<u8>,
        pub problems: String,
    }

    #[derive(Serialize)]
    struct Problems {
        errors: Vec<Said>,
        warnings: Vec<Said>,
    }

    /// Reads a CSV table (one row per study-outcome). `measure` (RR, OR, MD…, any case) is used for
    /// rows whose `measure` cell is empty, as the CLI's `--measure`; an unknown name fails, naming
    /// the ones there are. The problems are said in `lang` (the page's; English when not given).
    #[wasm_bindgen(js_name = convertCsv)]
    pub fn convert_csv(
        bytes: &[u8],
        measure: Option<String>,
        lang: Option<String>,
    ) -> Result<ConvertedTable, JsError> {
        let lang = Lang::from_tag_or_default(lang.as_deref().unwrap_or("en"));
        let measure = match measure.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
            None => None,
            Some(m) => Some(Measure::from_name(&m.to_ascii_uppercase()).ok_or_else(|| {
                // Named by the attribute, which is the same in every language.
                let unknown = Issue::UnknownValue {
                    what: "what.measure",
                    found: m.to_string(),
                    allowed: Measure::NAMES,
                };
                JsError::new(&i18n::labelled(lang, "measure", &unknown.message(lang)))
            })?),
        };
        let parsed = Dataset::from_csv(bytes, measure);
        let problems = Problems {
            errors: Problem::said_all(&parsed.errors, lang),
            warnings: Problem::said_all(&parsed.warnings, lang),
        };
        Ok(ConvertedTable {
            // Compact: it is for the widget to read, not for an editor (about half the size).
            json: parsed
                .dataset
                .and_then(|d| serde_json::to_vec(&d).ok())
                .unwrap_or_default(),
            problems: serde_json::to_string(&problems).unwrap_or_default(),
        })
    }
}
