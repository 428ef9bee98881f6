//! What can go wrong when importing a review, as values (the CLI prints them; tests match them).

use std::fmt;

use crate::i18n::{checked, int, say, t, Lang};

/// Why a file could not be imported. Said in English by `Display` (the command line's), and in the
/// editor's language by [`ImportError::message`] (the embed page's); what a library reports (an
/// I/O, XML, zip or CSV error) is quoted as it says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file (or a zip entry) could not be read.
    Io { path: String, message: String },
    /// A file or zip entry is larger than the importer accepts (also a guard against zip bombs).
    TooLarge {
        what: String,
        bytes: u64,
        limit: u64,
    },
    /// Neither a RevMan 5 file, a Cochrane data package zip nor its `*-data-rows.csv`.
    UnknownFormat { reason: FormatReason },
    /// Bytes that are not in the encoding the file declares.
    InvalidText { what: String, offset: usize },
    /// An XML encoding this importer does not read (RevMan writes ISO-8859-1 or UTF-8).
    UnsupportedEncoding { name: String },
    /// Malformed XML, at a line and column of the decoded text.
    Xml {
        line: usize,
        column: usize,
        message: String,
    },
    /// Well-formed XML that is not a RevMan review of interventions.
    NotAReview { reason: NotAReview },
    /// A broken or unreadable zip archive.
    Zip { message: String },
    /// A zip archive with more entries than a data package could have (a guard against zip bombs).
    TooManyEntries { count: usize, limit: usize },
    /// A file the data package must have is missing.
    MissingFile { name: String },
    /// A malformed CSV file.
    Csv {
        file: String,
        line: u64,
        message: String,
    },
    /// A CSV file without a column the importer needs.
    MissingColumn { file: String, column: String },
    /// A value that is not what its place needs (`line 3, column "Experimental N": "ten"`);
    /// `expected` is a catalogue key (`expect.number`).
    BadValue {
        file: String,
        line: u64,
        column: String,
        value: String,
        expected: &'static str,
    },
    /// The review has no analysis with data.
    NoAnalyses,
}

/// Why files are not one of the formats the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatReason {
    /// The one file given is empty.
    Empty,
    /// The one file given is not a zip, not XML and not named `*-data-rows.csv`.
    Unrecognised,
    /// Several files were given that are not a data package's CSV files.
    Files(usize),
}

/// Why a well-formed XML file is not a RevMan review of interventions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAReview {
    /// Its root element (named) is not `COCHRANE_REVIEW`.
    Root(String),
    /// A review of another type (diagnostic test accuracy, methodology…).
    Type(String),
}

impl ImportError {
    /// What went wrong, in `lang`: the message catalogue's `import.error.*` rows.
    pub fn message(&self, lang: Lang) -> String {
        use ImportError::*;
        let count = |n: &u64| int(lang, *n);
        match self {
            Io { path, message } => say!(lang, "import.error.io", path, message),
            TooLarge { what, bytes, limit } => say!(
                lang,
                "import.error.too_large",
                what,
                bytes = count(bytes),
                limit = count(limit)
            ),
            UnknownFormat { reason } => {
                let reason = match reason {
                    FormatReason::Empty => t(lang, "import.format.empty").to_string(),
                    FormatReason::Unrecognised => t(lang, "import.format.unrecognised").to_string(),
                    FormatReason::Files(n) => say!(lang, "import.format.files", count = n),
                };
                say!(lang, "import.error.unknown_format", reason)
            }
            InvalidText { what, offset } => say!(lang, "import.error.invalid_text", what, offset),
            UnsupportedEncoding { name } => say!(lang, "import.error.encoding", name),
            Xml {
                line,
                column,
                message,
            } => say!(lang, "import.error.xml", line, column, message),
            NotAReview { reason } => {
                let reason = match reason {
                    self::NotAReview::Root(root) => say!(lang, "import.not_review.root", root),
                    self::NotAReview::Type(kind) => say!(lang, "import.not_review.type", kind),
                };
                say!(lang, "import.error.not_a_review", reason)
            }
            Zip { message } => say!(lang, "import.error.zip", message),
            TooManyEntries { count, limit } => say!(
                lang,
                "import.error.zip_entries",
                count = int(lang, *count as u64),
                limit = int(lang, *limit as u64)
            ),
            MissingFile { name } => say!(lang, "import.error.missing_file", name),
            Csv {
                file,
                line,
                message,
            } => say!(lang, "import.error.csv", file, line, message),
            MissingColumn { file, column } => {
                say!(lang, "import.error.missing_column", file, column)
            }
            BadValue {
                file,
                line,
                column,
                value,
                expected,
            } => say!(
                lang,
                "import.error.bad_value",
                file,
                line,
                column,
                value,
                expected = t(lang, checked(expected))
            ),
            NoAnalyses => say!(lang, "import.error.no_analyses"),
        }
    }
}

/// The error in English, as the command line prints it.
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ImportError {}
