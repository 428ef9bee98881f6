//! What can go wrong when importing a review, as values (the CLI prints them; tests match them).

use std::fmt;

/// Why a file could not be imported.
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
    UnknownFormat { reason: String },
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
    NotAReview { reason: String },
    /// A broken or unreadable zip archive.
    Zip { message: String },
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
    /// A value that is not what its place needs (`line 3, column "Experimental N": "ten"`).
    BadValue {
        place: String,
        value: String,
        expected: &'static str,
    },
    /// The review has no analysis with data.
    NoAnalyses,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Io { path, message } => write!(f, "{path}: cannot read: {message}"),
            ImportError::TooLarge { what, bytes, limit } => {
                write!(f, "{what} is {bytes} bytes; the limit is {limit} bytes")
            }
            ImportError::UnknownFormat { reason } => write!(
                f,
                "not a RevMan 5 file (.rm5), a Cochrane data package (.zip) or its *-data-rows.csv: {reason}"
            ),
            ImportError::InvalidText { what, offset } => {
                write!(f, "{what}: bytes at offset {offset} are not valid text in the declared encoding")
            }
            ImportError::UnsupportedEncoding { name } => write!(
                f,
                "the XML declares encoding \"{name}\"; RevMan files are ISO-8859-1 or UTF-8"
            ),
            ImportError::Xml {
                line,
                column,
                message,
            } => write!(
                f,
                "the file is not complete, well-formed XML at line {line}, column {column} ({message}): it may have \
                 been cut short or edited by hand; save it again from RevMan, or export the review's data package \
                 (a .zip) from the Cochrane Library"
            ),
            ImportError::NotAReview { reason } => write!(f, "not a RevMan review of interventions: {reason}"),
            ImportError::Zip { message } => write!(f, "unreadable zip archive: {message}"),
            ImportError::MissingFile { name } => write!(
                f,
                "the data package has no {name}: choose all the CSV files it came with together, or its .zip"
            ),
            ImportError::Csv {
                file,
                line,
                message,
            } => write!(f, "{file}, line {line}: {message}"),
            ImportError::MissingColumn { file, column } => {
                write!(f, "{file}: no column \"{column}\"")
            }
            ImportError::BadValue {
                place,
                value,
                expected,
            } => write!(f, "{place}: {value:?} is not {expected}"),
            ImportError::NoAnalyses => write!(f, "the review has no analysis with study data"),
        }
    }
}

impl std::error::Error for ImportError {}
