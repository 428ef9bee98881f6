//! Importing Cochrane reviews: RevMan 5 files (`.rm5`) and the Cochrane data package (the zip, its
//! inner `*-data.zip`, or `*-data-rows.csv` with the CSV files beside it), into an
//! `evidence-lens/1` dataset whose outcomes keep RevMan's analysis ids, settings and results.
//!
//! Native only (the `import` feature, on with `cli`): XML and zip readers would otherwise grow the
//! wasm bundle. Every failure is an [`ImportError`]; things left out on the way (text-only
//! analyses, rows without data) are listed in [`Imported::warnings`].
//!
//! * [`text`]: ISO-8859-1 / Windows-1252 / UTF-8 decoding, RevMan's escaped ids.
//! * [`xml`]: a small element tree over quick-xml.
//! * [`rm5`] and [`cdir`]: the two formats, read into one [`review::Review`].
//! * [`convert`]: the review as a dataset.

pub mod cdir;
pub mod convert;
mod error;
mod note;
pub mod review;
pub mod rm5;
pub mod text;
pub mod xml;

use std::path::Path;

pub use self::error::{FormatReason, ImportError, NotAReview};
pub use self::note::Note;
use crate::i18n::Lang;
use crate::model::Dataset;

/// Largest file (or zip entry) read: whole reviews with their text run to tens of megabytes.
pub const MAX_IMPORT_BYTES: u64 = 200 * 1024 * 1024;

/// An imported dataset and what was left out on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub dataset: Dataset,
    /// What the editor is told: what was left out, and what the file does not say.
    pub warnings: Vec<Note>,
}

impl Imported {
    /// Makes every study whose design the file does not state a randomised trial, as the editor
    /// says the review's studies are ([`convert::assume_randomised`]); returns how many changed.
    pub fn assume_randomised(&mut self) -> usize {
        convert::assume_randomised(&mut self.dataset, &mut self.warnings)
    }

    /// The notes to the editor in `lang`.
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        self.warnings.iter().map(|n| n.message(lang)).collect()
    }
}

fn finish(review: review::Review, mut warnings: Vec<Note>) -> Result<Imported, ImportError> {
    if !review
        .comparisons
        .iter()
        .any(|c| c.analyses.iter().any(|a| !a.rows.is_empty()))
    {
        return Err(ImportError::NoAnalyses);
    }
    let dataset = convert::to_dataset(&review, &mut warnings);
    Ok(Imported { dataset, warnings })
}

/// Imports a RevMan 5 file from its bytes.
pub fn from_rm5(bytes: &[u8]) -> Result<Imported, ImportError> {
    let mut warnings = Vec::new();
    let review = rm5::read(bytes, &mut warnings)?;
    finish(review, warnings)
}

/// Imports a Cochrane data package (the outer zip or its inner `*-data.zip`) from its bytes.
pub fn from_data_package(bytes: &[u8]) -> Result<Imported, ImportError> {
    let files = cdir::files_from_zip(bytes, 0)?;
    from_files(&files)
}

/// Imports a data package's CSV files.
pub fn from_files(files: &cdir::Files) -> Result<Imported, ImportError> {
    let mut warnings = Vec::new();
    let review = cdir::read(files, &mut warnings)?;
    finish(review, warnings)
}

fn read_limited(path: &Path) -> Result<Vec<u8>, ImportError> {
    let io = |e: std::io::Error| ImportError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            what: path.display().to_string(),
            bytes: meta.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    std::fs::read(path).map_err(io)
}

/// Imports a file, recognised by its content: a zip (data package), XML (RevMan 5), or a
/// `*-data-rows.csv`, whose sibling files are looked for in its folder and in
/// `../*-study-data/`.
pub fn from_path(path: &Path) -> Result<Imported, ImportError> {
    let bytes = read_limited(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match Format::of(&name, &bytes) {
        Format::DataRows if name.ends_with("-data-rows.csv") => {
            from_data_rows_path(path, &name, &bytes)
        }
        _ => from_named_files(&[(name, bytes)]),
    }
}

/// What a file is, by its first bytes (and, for a package's CSV files, its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    DataPackage,
    Rm5,
    /// One of the data package's CSV files (`*-data-rows.csv` and the files beside it).
    DataRows,
    Unknown,
}

impl Format {
    fn of(name: &str, bytes: &[u8]) -> Format {
        let head = &bytes[..bytes.len().min(512)];
        if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
            return Format::DataPackage;
        }
        let text_start = String::from_utf8_lossy(head);
        if text_start
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('<')
        {
            Format::Rm5
        } else if name.to_ascii_lowercase().ends_with(".csv") {
            Format::DataRows
        } else {
            Format::Unknown
        }
    }
}

/// Imports files given with their names, as a browser hands them over: one `.rm5` file, one
/// data package zip, or the package's CSV files (`*-data-rows.csv` and those beside it).
pub fn from_named_files(files: &[(String, Vec<u8>)]) -> Result<Imported, ImportError> {
    let formats: Vec<Format> = files.iter().map(|(n, b)| Format::of(n, b)).collect();
    match (files, formats.as_slice()) {
        ([(_, bytes)], [Format::DataPackage]) => from_data_package(bytes),
        ([(_, bytes)], [Format::Rm5]) => from_rm5(bytes),
        (_, formats)
            if formats.iter().all(|f| *f == Format::DataRows)
                && files.iter().any(|(n, _)| n.ends_with("-data-rows.csv")) =>
        {
            let mut package = cdir::Files::default();
            for (name, bytes) in files {
                package.offer(name, bytes)?;
                if let Some(prefix) = name.strip_suffix("-data-rows.csv") {
                    package.name = Some(prefix.to_string());
                }
            }
            from_files(&package)
        }
        ([(_, bytes)], _) => Err(ImportError::UnknownFormat {
            reason: if bytes.is_empty() {
                FormatReason::Empty
            } else {
                FormatReason::Unrecognised
            },
        }),
        _ => Err(ImportError::UnknownFormat {
            reason: FormatReason::Files(files.len()),
        }),
    }
}

fn from_data_rows_path(path: &Path, name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    let prefix = name.trim_end_matches("-data-rows.csv");
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut files = cdir::Files {
        name: Some(prefix.to_string()),
        ..cdir::Files::default()
    };
    files.offer(name, bytes)?;
    let mut look = |p: std::path::PathBuf| -> Result<(), ImportError> {
        if p.is_file() {
            let b = read_limited(&p)?;
            files.offer(&p.file_name().unwrap_or_default().to_string_lossy(), &b)?;
        }
        Ok(())
    };
    for suffix in [
        "-overall-estimates-and-settings.csv",
        "-subgroup-estimates.csv",
    ] {
        look(dir.join(format!("{prefix}{suffix}")))?;
    }
    for study_file in [
        format!("{prefix}-study-information.csv"),
        format!("{prefix}-risk-of-bias.csv"),
    ] {
        look(dir.join(&study_file))?;
        if let Some(up) = dir.parent() {
            look(up.join(format!("{prefix}-study-data")).join(&study_file))?;
        }
    }
    from_files(&files)
}
