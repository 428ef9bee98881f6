//! The error type of the statistics engine.
//!
//! Every failure of the engine is a value of [`StatsError`]: bad input (so that a caller can
//! point the user at the offending study), a model that cannot be fitted with the data at hand,
//! or an iterative algorithm that did not converge within its bound. Nothing in `stats` panics.

use std::fmt;

/// What went wrong in an effect-size computation or a model fit.
#[derive(Debug, Clone, PartialEq)]
pub enum StatsError {
    /// No studies were given.
    NoStudies,
    /// Two inputs that must have one entry per study have different lengths.
    LengthMismatch {
        what: &'static str,
        expected: usize,
        got: usize,
    },
    /// A value is NaN or infinite.
    NonFinite { what: &'static str, index: usize },
    /// A sampling variance is zero or negative (metafor cannot compute Q, I2, DL, PM ... then).
    NonPositiveVariance { index: usize, value: f64 },
    /// An input to an effect-size computation is invalid; `what` names the argument
    /// (metafor's name, e.g. `ai`, `sd1i`), `reason` says what is wrong.
    InvalidInput { what: String, reason: String },
    /// The confidence level is not a number in (0, 100) (as a percentage) or (0, 1).
    InvalidLevel(f64),
    /// There are too few studies for the requested computation.
    TooFewStudies {
        what: &'static str,
        needed: usize,
        got: usize,
    },
    /// A (weighted) cross-product matrix is singular: the moderators are collinear.
    Singular { what: &'static str },
    /// An iterative algorithm did not converge within its iteration bound.
    NotConverged {
        what: &'static str,
        iterations: usize,
    },
    /// A name (measure, method, test) that the engine does not know.
    Unknown { kind: &'static str, name: String },
}

impl fmt::Display for StatsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatsError::NoStudies => write!(f, "no studies to analyse"),
            StatsError::LengthMismatch {
                what,
                expected,
                got,
            } => {
                write!(f, "{what}: expected {expected} values, got {got}")
            }
            StatsError::NonFinite { what, index } => {
                write!(f, "{what}[{index}] is missing or not a finite number")
            }
            StatsError::NonPositiveVariance { index, value } => {
                write!(
                    f,
                    "vi[{index}] = {value} is not a positive sampling variance"
                )
            }
            StatsError::InvalidInput { what, reason } => write!(f, "{what}: {reason}"),
            StatsError::InvalidLevel(l) => {
                write!(
                    f,
                    "confidence level {l} is not between 0 and 100 (or 0 and 1)"
                )
            }
            StatsError::TooFewStudies { what, needed, got } => {
                let noun = if *needed == 1 { "study" } else { "studies" };
                write!(f, "{what} needs at least {needed} {noun}, got {got}")
            }
            StatsError::Singular { what } => {
                write!(
                    f,
                    "{what}: model matrix is not of full rank (collinear moderators)"
                )
            }
            StatsError::NotConverged { what, iterations } => {
                write!(f, "{what} did not converge after {iterations} iterations")
            }
            StatsError::Unknown { kind, name } => write!(f, "unknown {kind} '{name}'"),
        }
    }
}

impl std::error::Error for StatsError {}
