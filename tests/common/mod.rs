//! Helpers shared by the statistics tests (`prop_stats`, `stats_robustness`) and the `pooling`
//! fuzz target (which includes this file by path: the fuzz crate is a package of its own).
#![allow(dead_code)]

use evidence_lens::stats::StudyEffect;

/// Studies `s0`, `s1`, … with these effects and variances and no moderators.
pub fn study_effects(yi: &[f64], vi: &[f64]) -> Vec<StudyEffect> {
    study_effects_in_groups(yi, vi, &[] as &[&str])
}

/// As [`study_effects`], with a moderator `g`: study `i` is in `groups[i % groups.len()]`
/// (one group a study, or a few taken in turn); none when `groups` is empty.
pub fn study_effects_in_groups<G: ToString>(
    yi: &[f64],
    vi: &[f64],
    groups: &[G],
) -> Vec<StudyEffect> {
    assert_eq!(yi.len(), vi.len(), "one variance for each effect");
    yi.iter()
        .zip(vi)
        .enumerate()
        .map(|(i, (&yi, &vi))| StudyEffect {
            label: format!("s{i}"),
            yi,
            vi,
            moderators: (!groups.is_empty())
                .then(|| ("g".to_string(), groups[i % groups.len()].to_string()))
                .into_iter()
                .collect(),
        })
        .collect()
}
