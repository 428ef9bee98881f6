//! The command line's RevMan parts: `evidence-lens import`, and `analyze` on an outcome that
//! carries a review's analysis settings (or asked for with `--method MH|PETO|IV` / `--model`).

use std::io::Write;
use std::path::Path;

use crate::model::{Dataset, EffectModel, Measure, PoolMethod, Study};
use crate::stats::revman::{report, revman, studies_of, RevmanOptions};
use crate::stats::{Method, Test};

/// `--method`: one of metafor's estimators or one of RevMan's pooling methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodArg {
    Rma(Method),
    Revman(PoolMethod),
}

pub fn parse_method_arg(s: &str) -> Result<MethodArg, String> {
    match s.trim().to_ascii_uppercase().as_str() {
        "MH" | "M-H" => Ok(MethodArg::Revman(PoolMethod::Mh)),
        "PETO" => Ok(MethodArg::Revman(PoolMethod::Peto)),
        "IV" => Ok(MethodArg::Revman(PoolMethod::Iv)),
        _ => s.parse().map(MethodArg::Rma).map_err(|_: crate::stats::StatsError| {
            format!(
                "unknown method {s:?}; expected FE, DL, REML, ML, PM, HE, SJ, EB (metafor) or MH, PETO, IV (RevMan)"
            )
        }),
    }
}

pub fn parse_model(s: &str) -> Result<EffectModel, String> {
    EffectModel::from_name(&s.trim().to_ascii_lowercase())
        .ok_or_else(|| format!("unknown model {s:?}; expected fixed or random"))
}

/// The RevMan settings an `analyze` run asks for, or `None` for metafor's engine.
pub struct Plan {
    pub method: Option<PoolMethod>,
    pub model: Option<EffectModel>,
}

/// Decides the engine: RevMan's for `--method MH|PETO|IV`, for `--model`, and for an outcome that
/// carries a review's analysis unless a metafor-only estimator is named (FE and DL then mean the
/// review's method with a fixed or random-effects model).
pub fn plan(
    studies: &[&Study],
    outcome: &str,
    method: Option<MethodArg>,
    model: Option<EffectModel>,
) -> Result<Option<Plan>, String> {
    let imported = studies
        .iter()
        .flat_map(|s| &s.outcomes)
        .any(|o| o.id == outcome && o.analysis.is_some());
    Ok(match (method, model) {
        (Some(MethodArg::Revman(m)), model) => Some(Plan {
            method: Some(m),
            model,
        }),
        (Some(MethodArg::Rma(Method::FE)), None) if imported => Some(Plan {
            method: None,
            model: Some(EffectModel::Fixed),
        }),
        (Some(MethodArg::Rma(Method::DL)), None) if imported => Some(Plan {
            method: None,
            model: Some(EffectModel::Random),
        }),
        (Some(MethodArg::Rma(m)), Some(_)) => {
            return Err(format!(
                "--model is for RevMan's methods (MH, PETO, IV); --method {m} is metafor's"
            ))
        }
        (Some(MethodArg::Rma(_)), None) => None,
        (None, None) if !imported => None,
        (None, model) => Some(Plan {
            method: None,
            model,
        }),
    })
}

/// Everything `analyze` was given that a RevMan analysis uses.
pub struct Request<'a> {
    pub outcome: &'a str,
    pub plan: Plan,
    pub measure: Option<Measure>,
    pub test: Test,
    pub level: Option<f64>,
    pub subgroup: Option<&'a str>,
    pub mh_exact: bool,
    /// What the report's notes say of studies left out before the analysis (ongoing ones).
    pub left_out: Option<String>,
}

/// Runs a RevMan analysis and prints its report; returns the exit code.
pub fn analyze(
    file: &Path,
    dataset: &Dataset,
    req: Request<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let fail = |err: &mut dyn Write, m: String| {
        let _ = writeln!(err, "{}: {m}", file.display());
        1
    };
    if req.test != Test::Z {
        return fail(
            err,
            "RevMan's methods use z tests; --test knha is for metafor's (REML, DL, ...)".into(),
        );
    }
    let input = match studies_of(dataset, req.outcome, req.subgroup) {
        Ok(i) => i,
        Err(e) => return fail(err, e.to_string()),
    };
    let settings = input.analysis.clone();
    let mut opts = RevmanOptions::for_measure(req.measure.unwrap_or(input.measure));
    let mut notes: Vec<String> = req.left_out.into_iter().collect();
    if let Some(a) = &settings {
        opts = RevmanOptions::of_review(a, input.measure);
        if let Some(m) = req.measure {
            opts.measure = m;
        }
        notes.push(format!(
            "the review's settings: {} {}, {}, {}% CI",
            a.measure.unwrap_or(input.measure),
            a.method,
            a.model,
            a.level
        ));
    }
    if let Some(m) = req.plan.method {
        opts.method = m;
    }
    if let Some(m) = req.plan.model {
        opts.model = m;
    }
    if let Some(l) = req.level {
        opts.level = l;
    }
    opts.mh_exact = req.mh_exact;
    if opts.method == PoolMethod::Peto && opts.model == EffectModel::Random {
        notes.push("RevMan offers Peto's method with a fixed effect only; this random-effects fit is DerSimonian-Laird on (O-E)/V, as the R package meta does".into());
    }
    if opts.mh_exact && opts.method == PoolMethod::Mh {
        notes.push("--mh-exact: no 0.5 added inside the Mantel-Haenszel sums (RevMan adds it to tables with a zero cell)".into());
    }
    let differs = settings.as_ref().is_some_and(|a| {
        a.method != opts.method
            || a.model != opts.model
            || a.level != opts.level
            || a.measure.is_some_and(|m| m != opts.measure)
    });
    let stored = settings
        .as_ref()
        .filter(|_| !differs)
        .and_then(|a| a.stored.clone());
    if differs {
        notes.push("settings differ from the review's, so its stored results are not shown".into());
    }
    match revman(&input.studies, opts) {
        Ok(analysis) => super::print_json(&report(&analysis, stored, notes), out),
        Err(e) => fail(err, e.to_string()),
    }
}

/// `evidence-lens import FILE -o OUT.json [--randomised]`.
pub fn import(
    file: &Path,
    output: &Path,
    randomised: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut imported = match crate::import::from_path(file) {
        Ok(i) => i,
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", file.display());
            return 1;
        }
    };
    if randomised {
        imported.assume_randomised();
    }
    for w in &imported.warnings {
        let _ = writeln!(err, "{}: warning: {w}", file.display());
    }
    let json = imported.dataset.to_json_pretty();
    if let Err(e) = std::fs::write(output, json + "\n") {
        let _ = writeln!(err, "{}: cannot write: {e}", output.display());
        return 1;
    }
    let d = &imported.dataset;
    let outcomes: usize = d.studies.iter().map(|s| s.outcomes.len()).sum();
    let mut ids: Vec<&str> = d
        .studies
        .iter()
        .flat_map(|s| s.outcomes.iter().map(|o| o.id.as_str()))
        .collect();
    crate::sort::sort_unique(&mut ids);
    let count =
        |n: usize, one: &str, other: &str| format!("{n} {}", if n == 1 { one } else { other });
    let _ = writeln!(
        out,
        "{}: {}, {} ({}), {}",
        output.display(),
        count(d.studies.len(), "study", "studies"),
        count(ids.len(), "analysis", "analyses"),
        ids.join(", "),
        count(outcomes, "study result", "study results"),
    );
    0
}
