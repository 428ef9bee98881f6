//! How a source (a Cochrane review, a RevMan file) analysed an outcome, and what it found.
//!
//! A review states its method for every analysis — Mantel–Haenszel odds ratios with a fixed effect,
//! say — and the widget should redo the analysis that way rather than with its own default, or the
//! numbers a reader sees would not be the review's. The review's own results are kept beside the
//! data so that anyone can check that redoing it gives the same numbers.
//!
//! These types live on an outcome: `analysis` (the same on every study's copy of one outcome id)
//! and `stored` (that study's own row). All of it is optional: hand-written datasets have none.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::{wire_enum, Measure, WireEnum};

wire_enum! {
    /// How the studies are pooled under a fixed effect, as RevMan names it. Under a random-effects
    /// model the method still decides the study effects and the heterogeneity statistic.
    PoolMethod {
        /// Mantel–Haenszel (RR, OR, RD from 2×2 tables).
        Mh = "MH",
        /// Inverse variance.
        Iv = "IV",
        /// Peto's one-step odds ratio, and the pooling of O−E and variance data.
        Peto = "PETO",
    }
}

wire_enum! {
    /// Fixed (common) effect or DerSimonian–Laird random effects, the two models RevMan offers.
    EffectModel {
        Fixed = "fixed",
        Random = "random",
    }
}

fn default_level() -> f64 {
    95.0
}

fn is_95(level: &f64) -> bool {
    *level == 95.0
}

/// The settings of one analysis (one outcome id across the studies) and the results its source
/// reported. It sits on every study's copy of the outcome (`outcome.analysis`), so that a study-outcome
/// carries all it needs wherever it goes; the copies of one outcome id must agree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Analysis {
    /// The comparison it belongs to ("Aspirin versus placebo").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<String>,
    /// The effect measure the source pooled; when absent, the studies' own measure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    pub method: PoolMethod,
    pub model: EffectModel,
    /// Confidence level of the pooled result, in percent.
    #[serde(default = "default_level", skip_serializing_if = "is_95")]
    pub level: f64,
    /// Confidence level of each study's interval, in percent.
    #[serde(default = "default_level", skip_serializing_if = "is_95")]
    pub study_level: f64,
    /// The source's date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`): for a RevMan file, when the review was
    /// assessed as up to date, else its last search, else when the file was last modified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The pooled result the source reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stored: Option<Stored>,
    /// The source's result within each subgroup (studies name theirs in `outcome.subgroup`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subgroups: Vec<StoredSubgroup>,
    /// The source's test for subgroup differences (`Q`, `Q_df`, `Q_pval`, `I2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subgroup_test: Option<Stored>,
}

impl Analysis {
    /// Whether a review's confidence level is a percentage strictly between 1 and 100, the form
    /// RevMan writes (95); anything else is said to the editor and read by nothing.
    pub fn is_percentage(level: f64) -> bool {
        level > 1.0 && level < 100.0
    }

    /// An analysis with a method and model, the other settings at their defaults.
    pub fn new(method: PoolMethod, model: EffectModel) -> Self {
        Analysis {
            comparison: None,
            measure: None,
            method,
            model,
            level: 95.0,
            study_level: 95.0,
            date: None,
            stored: None,
            subgroups: Vec::new(),
            subgroup_test: None,
        }
    }
}

/// Numbers a source computed, kept as it printed them (with metafor's names). Ratios (`estimate`,
/// `ci_lb`, `ci_ub`) are on the natural scale, as reviews print them; `se` is on the analysis
/// scale (the log for ratios); `weight` and `I2` are percentages. Any of them may be missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stored {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci_lb: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci_ub: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub se: Option<f64>,
    /// A study's weight in the pooled result, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tau2: Option<f64>,
    /// The heterogeneity (or subgroup-difference) chi-squared statistic.
    #[serde(rename = "Q", default, skip_serializing_if = "Option::is_none")]
    pub q: Option<f64>,
    #[serde(rename = "Q_df", default, skip_serializing_if = "Option::is_none")]
    pub q_df: Option<u32>,
    #[serde(rename = "Q_pval", default, skip_serializing_if = "Option::is_none")]
    pub q_pval: Option<f64>,
    #[serde(rename = "I2", default, skip_serializing_if = "Option::is_none")]
    pub i2: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zval: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pval: Option<f64>,
}

impl Stored {
    /// Whether no number is present (a source that left its results empty).
    pub fn is_empty(&self) -> bool {
        self == &Stored::default()
    }
}

/// A subgroup's pooled result as the source reported it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredSubgroup {
    /// The subgroup's name, as in the studies' `outcome.subgroup`.
    pub name: String,
    pub stored: Stored,
}
