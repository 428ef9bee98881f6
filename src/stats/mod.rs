//! Statistics: effect sizes and meta-analysis following metafor's `escalc` and `rma.uni`.
//!
//! Pure Rust with no web dependency, tested natively against values printed by metafor.
//! Names follow metafor (yi, vi, tau2, I2, H2, QE, QM) so that results can be compared with R
//! line by line. Nothing here panics: every failure is a [`StatsError`], every iteration is
//! bounded, and a non-converged algorithm is an error, never a silently wrong number.
//!
//! * [`escalc`]: effect sizes and sampling variances from counts, means, proportions, CIs.
//! * [`rma`]: FE/DL/REML/ML/PM/HE/SJ/EB fits and meta-regression, z or Knapp-Hartung tests.
//! * [`confint`]: Q-profile CIs for tau2, I2 and H2.
//! * [`bias`]: Egger's regression test (both forms) and trim-and-fill.
//! * [`moderators`]: subgroup fits and the test between subgroups.
//! * [`leave1out`]: leave-one-out fits.
//! * [`analyze`](mod@analyze): the `analyze` JSON contract of the CLI.
//! * [`dist`]: accurate normal, t, chi-squared and F functions.
//! * [`revman`]: RevMan 5's Mantel-Haenszel, Peto, inverse-variance and random-effects pooling,
//!   for data imported from Cochrane reviews.

// NaN-aware comparisons (`!(x > 0.0)`) are deliberate: they reject NaN along with bad values.
#![allow(
    clippy::neg_cmp_op_on_partial_ord,
    clippy::nonminimal_bool,
    clippy::needless_range_loop
)]

mod error;
mod linalg;
mod roots;

pub mod analyze;
pub mod bias;
pub mod confint;
pub mod dist;
/// Display-ready effects of one outcome (used by the charts); written with the model types.
pub mod effect;
pub mod escalc;
pub mod leave1out;
pub mod moderators;
pub mod pooling;
pub mod revman;
pub mod rma;

pub use analyze::{
    analyze, meta_regression, AnalyzeOptions, AnalyzeReport, MetaRegression, NaturalScale,
    StudyEffect,
};
pub use error::StatsError;
pub use escalc::{EffectSize, Measure};
pub use linalg::ModelMatrix;
pub use rma::{fit, fit_mods, MetaRegFit, Method, RmaFit, RmaOptions, Test};
