//! The native command line. Its interface is a contract (see the README): editors
//! check data with `validate`, sites pre-render fallback images with `render`, and
//! researchers script `analyze` and `appraise`.
//!
//! Exit codes: 0 success, 1 a problem with the input, 2 a usage error (clap's).
//! No input may make it panic: every failure is a message.

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::appraise::matching::Lexicon;
use crate::appraise::{appraise, body_splits, treatment_of_body, AppraiseOptions};
use crate::chart::{self, Theme, ThemeName, ViewOptions};
use crate::model::{self, Dataset, Measure, Parsed, Study};
use crate::stats::{pooling, AnalyzeOptions, Method, StudyEffect, Test};

mod large;
mod revman;
use self::revman::MethodArg;

#[derive(Parser, Debug)]
#[command(
    name = "evidence-lens",
    version,
    about = "Compare the evidence behind a medical treatment"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check a dataset (JSON or CSV) and list every problem in it.
    Validate { file: PathBuf },
    /// Meta-analyse one outcome of a dataset; prints one JSON object with metafor's names.
    Analyze {
        file: PathBuf,
        /// Effect measure; for CSV tables it chooses what the columns are turned into.
        #[arg(long, value_parser = parse_measure)]
        measure: Option<Measure>,
        /// metafor's estimator (FE, DL, REML, ML, PM, HE, SJ, EB) or RevMan's method (MH, PETO,
        /// IV). Default: an imported review's own settings, otherwise REML.
        #[arg(long, value_parser = revman::parse_method_arg)]
        method: Option<MethodArg>,
        /// RevMan's model, fixed or random (for imported reviews and --method MH|PETO|IV).
        #[arg(long, value_parser = revman::parse_model)]
        model: Option<crate::model::EffectModel>,
        /// Mantel-Haenszel without RevMan's 0.5 in the sums of tables with a zero cell.
        #[arg(long)]
        mh_exact: bool,
        #[arg(long, default_value = "z", value_parser = parse_test)]
        test: Test,
        /// Confidence level in percent (default 95, or an imported review's own).
        #[arg(long, value_parser = parse_level)]
        level: Option<f64>,
        /// The outcome to pool (needed when the dataset has several), or a pooled body's id
        /// (`death/aspirin`): each treatment's studies are pooled on their own, unless
        /// `--subgroup therapy` compares them.
        #[arg(long)]
        outcome: Option<String>,
        /// A moderator column to split the studies by, with the test between subgroups.
        #[arg(long)]
        subgroup: Option<String>,
        /// Columns of numbers to meta-regress the effects on, with an intercept (metafor's
        /// `mods = ~ ablat + year`): `--mods ablat,year`.
        #[arg(long, value_delimiter = ',')]
        mods: Vec<String>,
    },
    /// Convert a RevMan 5 file (.rm5) or a Cochrane data package (.zip, or its *-data-rows.csv)
    /// into an evidence-lens dataset.
    Import {
        file: PathBuf,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// The review's studies are randomised trials: those whose design the file does not
        /// state are rated as such (most Cochrane reviews of interventions include only
        /// randomised trials; the review's Methods say).
        #[arg(long)]
        randomised: bool,
    },
    /// Rate the certainty of every outcome and check every claim; prints one JSON object.
    Appraise {
        file: PathBuf,
        /// The condition of the question (evidence about others is indirect); default: the dataset's most common.
        #[arg(long)]
        condition: Option<String>,
        /// A baseline (control) risk for an outcome, as OUTCOME=FRACTION; may be repeated.
        #[arg(long = "baseline", value_parser = parse_baseline)]
        baselines: Vec<(String, f64)>,
        /// Language of the sentences and of the dataset's text: en, es or fr.
        #[arg(long, value_parser = parse_lang, default_value = "en")]
        lang: crate::i18n::Lang,
    },
    /// Draw a view of a dataset to an SVG file.
    Render {
        file: PathBuf,
        /// The condition of the question, as for `appraise`.
        #[arg(long)]
        condition: Option<String>,
        /// A baseline (control) risk for an outcome, as OUTCOME=FRACTION; may be repeated.
        #[arg(long = "baseline", value_parser = parse_baseline)]
        baselines: Vec<(String, f64)>,
        /// The view: summary, forest, map, harms, claims or funnel.
        #[arg(long, default_value = "forest", value_parser = view_parser())]
        view: chart::View,
        /// Only this outcome (its id or name), or one pooled body by its id as the forest and
        /// the funnel name it (`death/aspirin`: that outcome's studies of that treatment).
        #[arg(long)]
        outcome: Option<String>,
        #[arg(long, default_value_t = 800)]
        width: u32,
        #[arg(long)]
        height: Option<u32>,
        #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
        theme: ThemeArg,
        /// Language of the words drawn: en, es or fr.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: crate::i18n::Lang,
        /// Device pixel ratio: scales every size (2 for HiDPI images); the width is in CSS pixels.
        #[arg(long, default_value_t = 1.0, value_parser = parse_dpr)]
        dpr: f64,
        /// Write the widget's posters instead of one SVG: OUTPUT is a directory that gets
        /// `narrow-light.svg`, `narrow-dark.svg` (390 px wide) and `wide-light.svg`,
        /// `wide-dark.svg` (800 px), which `<evidence-lens poster="DIR/{band}-{theme}.svg">`
        /// shows at once while the engine loads.
        #[arg(long)]
        poster: bool,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Print the message catalogue in one language as a JSON object of key → text: the file the
    /// widget's shell downloads for a Spanish or French reader (scripts/build.sh writes
    /// www/pkg/i18n/).
    #[command(hide = true)]
    Catalogue {
        #[arg(long, value_parser = parse_lang)]
        lang: crate::i18n::Lang,
    },
}

/// The views by their names, listed in `--help` and in the error for an unknown one.
fn view_parser() -> impl clap::builder::TypedValueParser<Value = chart::View> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(chart::View::NAMES)
        .try_map(|s| s.parse::<chart::View>())
}

fn parse_lang(s: &str) -> Result<crate::i18n::Lang, String> {
    s.parse()
}

fn parse_dpr(s: &str) -> Result<f64, String> {
    match crate::number::parse_f64(s) {
        Some(d) if d.is_finite() && (0.5..=4.0).contains(&d) => Ok(d),
        _ => Err(format!(
            "{s:?} is not a device pixel ratio between 0.5 and 4"
        )),
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeArg {
    Light,
    Dark,
}

fn parse_measure(s: &str) -> Result<Measure, String> {
    let m: Measure = s.to_ascii_uppercase().parse()?;
    if matches!(
        m,
        Measure::Rr
            | Measure::Or
            | Measure::Rd
            | Measure::Md
            | Measure::Smd
            | Measure::Gen
            | Measure::Pr
            | Measure::Plo
    ) {
        Ok(m)
    } else {
        Err(format!(
            "{m} is only for reported estimates; use RR, OR, RD, MD, SMD, PR, PLO or GEN"
        ))
    }
}

fn parse_baseline(s: &str) -> Result<(String, f64), String> {
    let (outcome, risk) = s
        .split_once('=')
        .ok_or_else(|| format!("{s:?} is not OUTCOME=FRACTION"))?;
    match crate::number::parse_f64(risk.trim()) {
        Some(r) if r > 0.0 && r < 1.0 => Ok((outcome.trim().to_string(), r)),
        _ => Err(format!(
            "{risk:?} is not a risk: give a fraction between 0 and 1, such as 0.25 for 25%"
        )),
    }
}

fn parse_test(s: &str) -> Result<Test, String> {
    s.parse()
        .map_err(|e: crate::stats::StatsError| e.to_string())
}

fn parse_level(s: &str) -> Result<f64, String> {
    match crate::number::parse_f64(s) {
        Some(l) if l > 0.0 && l < 100.0 => Ok(l),
        _ => Err(format!("{s:?} is not a confidence level between 0 and 100")),
    }
}

/// Runs the command line with the process's arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    ExitCode::from(run(cli, &mut stdout.lock(), &mut stderr.lock()))
}

/// Runs one command, writing to the given streams; returns the exit code.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match cli.command {
        Command::Validate { file } => validate(&file, out, err),
        Command::Catalogue { lang } => {
            let texts: serde_json::Map<String, serde_json::Value> = crate::i18n::ui_strings(lang)
                .into_iter()
                .map(|(key, text)| (key.to_string(), text.into()))
                .collect();
            match writeln!(out, "{}", serde_json::Value::Object(texts)) {
                Ok(()) => 0,
                Err(_) => 1,
            }
        }
        Command::Import {
            file,
            output,
            randomised,
        } => revman::import(&file, &output, randomised, out, err),
        Command::Appraise {
            file,
            condition,
            baselines,
            lang,
        } => {
            let Some((dataset, errors)) = read_shown(&file, err) else {
                return 1;
            };
            let options = AppraiseOptions {
                condition,
                baselines: baselines.into_iter().collect(),
                lang,
                ..AppraiseOptions::default()
            };
            let report = Shown {
                appraisal: appraise(&dataset, &options),
                errors: model::Problem::said_all(&errors, lang),
            };
            print_json(&report, out)
        }
        Command::Analyze {
            file,
            measure,
            method,
            model,
            mh_exact,
            test,
            level,
            outcome,
            subgroup,
            mods,
        } => {
            let mods: Vec<&str> = mods
                .iter()
                .map(|m| m.trim())
                .filter(|m| !m.is_empty())
                .collect();
            // A CSV file pooled by metafor's methods is read a chunk at a time, whatever its size;
            // RevMan's methods and imported reviews take the whole dataset.
            let revman_asked =
                matches!(method, Some(MethodArg::Revman(_))) || model.is_some() || mh_exact;
            if is_csv(&file) && !revman_asked {
                let kept: Vec<&str> = subgroup
                    .as_deref()
                    .into_iter()
                    .chain(mods.iter().copied())
                    .collect();
                let Some(mut effects) = large::read_effects(&file, measure, &kept, err) else {
                    return 1;
                };
                let report = choose_among(effects.outcomes(), outcome.as_deref()).and_then(|o| {
                    let (o, treatment) = body_asked(&o, effects.outcomes())?;
                    let treatment = treatment.map(str::to_string);
                    let together = compares_treatments(subgroup.as_deref());
                    let (found, studies) = effects
                        .take(&o, treatment.as_deref(), together)
                        .map_err(|e| e.to_string())?;
                    let options = AnalyzeOptions {
                        measure: found,
                        method: rma_method(method),
                        test,
                        level: level.unwrap_or(95.0),
                    };
                    let moderators = Moderators {
                        subgroup: subgroup.as_deref(),
                        mods: &mods,
                    };
                    analyze_effects(&o, found, &studies, measure, options, moderators)
                });
                return match report {
                    Ok(report) => print_json(&report, out),
                    Err(message) => {
                        let _ = writeln!(err, "{}: {message}", file.display());
                        1
                    }
                };
            }
            let Some(dataset) = read_usable(&file, measure, err) else {
                return 1;
            };
            // One treatment's studies, as the appraisal pools them (RevMan's methods too).
            let chosen = studies_to_pool(&dataset, outcome.as_deref(), subgroup.as_deref());
            let Chosen {
                outcome: chosen,
                studies,
                left_out,
            } = match chosen {
                Ok(chosen) => chosen,
                Err(message) => {
                    let _ = writeln!(err, "{}: {message}", file.display());
                    return 1;
                }
            };
            let plan = revman::plan(&studies, &chosen, method, model);
            let plan = match plan {
                Ok(p) => p,
                Err(message) => {
                    let _ = writeln!(err, "{}: {message}", file.display());
                    return 1;
                }
            };
            if let (Some(_), false) = (&plan, mods.is_empty()) {
                let _ = writeln!(
                    err,
                    "{}: --mods is fitted with metafor's estimators (--method REML, DL, …), not RevMan's",
                    file.display()
                );
                return 1;
            }
            if let Some(plan) = plan {
                let request = revman::Request {
                    outcome: &chosen,
                    plan,
                    measure,
                    test,
                    level,
                    subgroup: subgroup.as_deref(),
                    mh_exact,
                    left_out,
                };
                // RevMan's analysis reads a dataset: the selected studies are copied into one.
                let dataset = only(&dataset, &studies);
                return revman::analyze(&file, &dataset, request, out, err);
            }
            if mh_exact {
                let _ = writeln!(
                    err,
                    "{}: --mh-exact is for RevMan's Mantel-Haenszel method (--method MH)",
                    file.display()
                );
                return 1;
            }
            let level = level.unwrap_or(95.0);
            let options = AnalyzeOptions {
                measure: Measure::Gen,
                method: rma_method(method),
                test,
                level,
            };
            let report = pooling::pool_input(&studies, &chosen)
                .map_err(|e| e.to_string())
                .and_then(|(found, effects)| {
                    let moderators = Moderators {
                        subgroup: subgroup.as_deref(),
                        mods: &mods,
                    };
                    analyze_effects(&chosen, found, &effects, measure, options, moderators)
                });
            match report {
                Ok(mut report) => {
                    report.notes.extend(left_out);
                    print_json(&report, out)
                }
                Err(message) => {
                    let _ = writeln!(err, "{}: {message}", file.display());
                    1
                }
            }
        }
        Command::Render {
            file,
            condition,
            baselines,
            view,
            outcome,
            width,
            height,
            theme,
            lang,
            dpr,
            poster,
            output,
        } => {
            let Some((dataset, _)) = read_shown(&file, err) else {
                return 1;
            };
            let options = match ViewOptions::parse(view.as_str(), outcome.as_deref().unwrap_or(""))
            {
                Ok(o) => ViewOptions { lang, ..o },
                Err(e) => {
                    let _ = writeln!(err, "{}: {e}", file.display());
                    return 1;
                }
            };
            // The views show the appraisal the caller asked for.
            let appraisal = AppraiseOptions {
                condition,
                baselines: baselines.into_iter().collect(),
                ..AppraiseOptions::default()
            };
            let mut scene = chart::Scene::build_with(&dataset, &options, &appraisal);
            scene.set_poster(poster);
            let theme = if theme == ThemeArg::Dark {
                ThemeName::Dark
            } else {
                ThemeName::Light
            };
            // (file, CSS width, height, theme, pixel ratio)
            let outputs: Vec<(PathBuf, u32, Option<u32>, ThemeName, f64)> = if poster {
                if let Err(e) = std::fs::create_dir_all(&output) {
                    let _ = writeln!(err, "{}: cannot create: {e}", output.display());
                    return 1;
                }
                chart::poster_files()
                    .map(|(name, css, t)| (output.join(name), css, None, t, 1.0))
                    .collect()
            } else {
                vec![(output.clone(), width, height, theme, dpr)]
            };
            for (path, width, height, theme, dpr) in outputs {
                let theme = Theme::new(theme, dpr);
                let device = |css: u32| (css as f64 * dpr).round() as u32;
                let svg = match chart::render_svg(
                    &scene,
                    device(width.clamp(200, 10_000)),
                    height.map(|h| device(h.clamp(50, 100_000))),
                    &theme,
                ) {
                    Ok(svg) => svg,
                    Err(e) => {
                        let _ = writeln!(err, "{}: {e}", file.display());
                        return 1;
                    }
                };
                if let Err(e) = std::fs::write(&path, svg) {
                    let _ = writeln!(err, "{}: cannot write: {e}", path.display());
                    return 1;
                }
            }
            0
        }
    }
}

/// The outcome to pool among outcome ids (in order of appearance): the one named, or the only one
/// there is.
fn choose_among(ids: &[String], outcome: Option<&str>) -> Result<String, String> {
    match (outcome, ids) {
        (Some(o), _) => Ok(o.to_string()),
        (None, [only]) => Ok(only.clone()),
        (None, []) => Err("the dataset has no outcomes".into()),
        (None, many) => Err(format!(
            "the dataset has several outcomes ({}); choose one with --outcome",
            many.join(", ")
        )),
    }
}

/// The outcome to pool and the studies to pool it from: the treatment's asked for with a pooled
/// body's id (`death/aspirin`), or the only treatment whose studies report it
/// ([`pooling::one_treatment`]).
fn studies_to_pool<'a>(
    dataset: &'a Dataset,
    asked: Option<&str>,
    subgroup: Option<&str>,
) -> Result<Chosen<'a>, String> {
    let ids = pooling::outcome_ids(dataset);
    let chosen = choose_among(&ids, asked)?;
    let (outcome, treatment) = body_asked(&chosen, &ids)?;
    let lexicon = Lexicon::new(&dataset.vocabulary);
    let key = |s: &Study| lexicon.treatment_key(&s.intervention.therapy);
    // Interim numbers of an ongoing study are left out, as the appraisal leaves them out.
    let (all, ongoing): (Vec<&Study>, Vec<&Study>) =
        (dataset.studies.iter()).partition(|s| s.has_final_results());
    let treatments = pooling::treatments_of(&all, &outcome, &key);
    let together = compares_treatments(subgroup);
    let kept = pooling::one_treatment(&outcome, &treatments, treatment, together);
    // The ongoing studies with numbers for the outcome, of treatment `t` (of any for none).
    let interim = |t: Option<&str>| -> Vec<&str> {
        (ongoing.iter())
            .filter(|s| pooling::reports_numbers(s, &outcome))
            .filter(|s| t.map_or(true, |t| key(s).eq_ignore_ascii_case(t)))
            .map(|s| s.id.as_str())
            .collect()
    };
    // Where only they (of the treatment asked for) give numbers, that is the reason.
    let none_final = treatments.is_empty() || (kept.is_err() && treatment.is_some());
    if none_final && !interim(treatment).is_empty() {
        return Err(pooling::Refusal::OnlyOngoing { outcome }.to_string());
    }
    let kept = kept.map_err(|e| e.to_string())?;
    let interim = interim(kept.as_deref());
    // Said in the report's notes, as a subgroup's studies without a value are.
    let left_out = (!interim.is_empty()).then(|| {
        format!(
            "ongoing: the interim numbers of {} left out ({})",
            match interim.len() {
                1 => "1 ongoing study".to_string(),
                n => format!("{n} ongoing studies"),
            },
            interim.join(", ")
        )
    });
    let studies = match kept {
        Some(t) => all.into_iter().filter(|s| key(s) == t).collect(),
        None => all,
    };
    Ok(Chosen {
        outcome,
        studies,
        left_out,
    })
}

/// The outcome and the studies `analyze` pools, and what it says of those it left out.
struct Chosen<'a> {
    outcome: String,
    studies: Vec<&'a Study>,
    left_out: Option<String>,
}

/// The dataset with only `studies` of it (borrowed when they are all of it).
fn only<'a>(dataset: &'a Dataset, studies: &[&Study]) -> Cow<'a, Dataset> {
    if studies.len() == dataset.studies.len() {
        return Cow::Borrowed(dataset);
    }
    Cow::Owned(dataset.with_studies(studies.iter().map(|s| (*s).clone()).collect()))
}

/// The outcome and the treatment asked for: a pooled body's id names both, `outcome/treatment`
/// (`death/aspirin`, as the appraisal names the bodies of an outcome that several treatments'
/// studies report), unless an outcome has that id itself. The outcome is the longest id before a
/// `/` (ids may hold one), in any ASCII case; a treatment may be empty (studies without one).
fn body_asked<'a>(asked: &'a str, ids: &[String]) -> Result<(String, Option<&'a str>), String> {
    let id_of = |o: &str| {
        (ids.iter().find(|id| *id == o))
            .or_else(|| ids.iter().find(|id| id.eq_ignore_ascii_case(o)))
            .cloned()
    };
    if let Some(id) = id_of(asked) {
        return Ok((id, None));
    }
    let split = body_splits(asked).find_map(|(o, t)| Some((id_of(o)?, t)));
    if let Some((outcome, treatment)) = split {
        if treatment != treatment_of_body(treatment) {
            return Err(format!(
                "\"{asked}\" is one of several pooled bodies of outcome \"{outcome}\" that the appraisal told apart by their outcomes' names; analyze pools by outcome id: give those outcomes ids of their own"
            ));
        }
        return Ok((outcome, Some(treatment)));
    }
    Ok((asked.to_string(), None))
}

/// Whether different treatments' studies are pooled together: only to compare them, in
/// subgroups by therapy.
fn compares_treatments(subgroup: Option<&str>) -> bool {
    subgroup == Some("therapy")
}

/// What `analyze` splits or regresses the studies by: `--subgroup` and `--mods`.
#[derive(Clone, Copy)]
struct Moderators<'a> {
    subgroup: Option<&'a str>,
    mods: &'a [&'a str],
}

/// Pools an outcome's study effects, which are on the measure `found`, and fits the
/// meta-regression asked for (its failure is a note, as any optional part's).
fn analyze_effects(
    outcome: &str,
    found: Measure,
    effects: &[StudyEffect],
    measure: Option<Measure>,
    mut options: AnalyzeOptions,
    Moderators { subgroup, mods }: Moderators,
) -> Result<crate::stats::AnalyzeReport, String> {
    if let Some(wanted) = measure.filter(|m| *m != found) {
        return Err(pooling::Refusal::WrongMeasure {
            outcome: outcome.to_string(),
            wanted,
            found,
        }
        .to_string());
    }
    options.measure = found;
    if let Some(column) = subgroup {
        if let Some(missing) = effects.iter().find(|e| !e.moderators.contains_key(column)) {
            return Err(format!(
                "--subgroup {column}: study \"{}\" has no value in that column",
                missing.label
            ));
        }
    }
    let mut report =
        crate::stats::analyze(effects, options, subgroup).map_err(|e| e.to_string())?;
    if !mods.is_empty() {
        match crate::stats::meta_regression(effects, options, mods) {
            Ok((fitted, notes)) => {
                report.meta_regression = Some(fitted);
                report.notes.extend(notes);
            }
            Err(e) => report.notes.push(format!("meta_regression: {e}")),
        }
    }
    Ok(report)
}

/// Writes the value as pretty JSON, as it is serialised (a million studies' rows are not first
/// collected into one string).
fn print_json<T: serde::Serialize>(value: &T, out: &mut dyn Write) -> u8 {
    let mut buffered = std::io::BufWriter::new(&mut *out);
    let written = serde_json::to_writer_pretty(&mut buffered, value)
        .map_err(|e| e.to_string())
        .and_then(|()| writeln!(buffered).map_err(|e| e.to_string()));
    match written.and_then(|()| buffered.flush().map_err(|e| e.to_string())) {
        Ok(()) => 0,
        Err(e) => {
            drop(buffered);
            let _ = writeln!(out, "{{\"error\": {e:?}}}");
            1
        }
    }
}

/// The appraisal of what could be read, with the errors that left the rest out (in the
/// appraisal's language): `appraise` says what the widget's readers are told, and the widget shows
/// what it can.
#[derive(serde::Serialize)]
struct Shown {
    #[serde(flatten)]
    appraisal: crate::appraise::Appraisal,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<model::Said>,
}

/// Reads a dataset for the views and the appraisal: what could be read, as the widget shows it,
/// after saying on stderr what was left out and why (warnings are `validate`'s to list).
fn read_shown(file: &Path, err: &mut dyn Write) -> Option<(Dataset, Vec<model::Problem>)> {
    let parsed = read_dataset(file, err)?;
    let Some(dataset) = parsed.dataset else {
        report_problems(file, &parsed.errors, &parsed.warnings, err);
        return None;
    };
    report_problems(file, &parsed.errors, &[], err);
    Some((dataset, parsed.errors))
}

/// Reads a dataset and reports its problems; returns it when there are no errors: a pooled
/// result without a study that had a typo would pass for the whole table's.
fn read_usable(file: &Path, measure: Option<Measure>, err: &mut dyn Write) -> Option<Dataset> {
    let parsed = read_dataset_with(file, measure, err)?;
    report_problems(file, &parsed.errors, &[], err);
    if !parsed.errors.is_empty() {
        if parsed.dataset.is_some() {
            refuse_partial(file, err);
        }
        return None;
    }
    parsed.dataset
}

/// Why `analyze` printed nothing after the errors it listed.
fn refuse_partial(file: &Path, err: &mut dyn Write) {
    let _ = writeln!(
        err,
        "{}: nothing analysed: a pooled result must include every study. Correct the entries above \
         (or delete those rows) and run again; `appraise` and `render` show what could be read",
        file.display()
    );
}

/// Reads and parses a dataset file, choosing CSV or JSON by its extension.
fn read_dataset(file: &Path, err: &mut dyn Write) -> Option<Parsed> {
    read_dataset_with(file, None, err)
}

fn read_dataset_with(file: &Path, measure: Option<Measure>, err: &mut dyn Write) -> Option<Parsed> {
    match std::fs::metadata(file) {
        Ok(meta) if meta.len() > model::MAX_INPUT_BYTES as u64 => {
            let _ = writeln!(
                err,
                "{}: file is {} bytes; the limit is {} bytes",
                file.display(),
                meta.len(),
                model::MAX_INPUT_BYTES
            );
            return None;
        }
        Err(e) => {
            let _ = writeln!(err, "{}: cannot read: {e}", file.display());
            return None;
        }
        Ok(_) => {}
    }
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "{}: cannot read: {e}", file.display());
            return None;
        }
    };
    // A web page saved in the data's place (a sign-in or error page, or the page around a file):
    // neither a dataset nor a review.
    let xml = model::first_byte(&bytes) == Some(b'<');
    if xml && is_html(&bytes) {
        let _ = writeln!(
            err,
            "{}: this is a web page (HTML), not data: perhaps a sign-in or error page, or the page that \
             shows the file rather than the file itself. Download the file itself (in Google Sheets: \
             File, Download, CSV; on GitHub: the \"Raw\" link)",
            file.display()
        );
        return None;
    }
    // A review is the importer's: said so, where the readers would find it a broken table.
    if has_extension(file, "rm5") || has_extension(file, "zip") || xml {
        let f = file.display();
        let _ = writeln!(
            err,
            "{f}: this is a Cochrane review (a RevMan 5 file or a data package), not a dataset: \
             convert it first with `evidence-lens import {f} -o data.json`, then use data.json"
        );
        return None;
    }
    let json = !is_csv(file) && (has_extension(file, "json") || model::looks_like_json(&bytes));
    Some(if json {
        let mut parsed = model::parse_json(&bytes);
        model::name_places(&bytes, &mut parsed);
        parsed
    } else {
        Dataset::from_csv(&bytes, measure)
    })
}

/// Whether text that begins with `<` is a web page: its first tag is a doctype, `html`, `head` or
/// `body` (a review's XML begins with `<?xml` or `<COCHRANE_REVIEW`).
fn is_html(bytes: &[u8]) -> bool {
    let start = bytes.iter().position(|&b| b == b'<').unwrap_or(0);
    let tag: Vec<u8> = bytes[start..]
        .iter()
        .take(16)
        .map(u8::to_ascii_lowercase)
        .collect();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|t| tag.starts_with(t.as_bytes()))
}

fn has_extension(file: &Path, extension: &str) -> bool {
    file.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
}

/// Whether a file is CSV by its extension (tab-separated files too: the reader tells the separator
/// from the header). Only such a file is streamed by `analyze`; [`read_dataset_with`] also reads as
/// a table a file of another name that does not begin as JSON does (Excel's `.txt`).
fn is_csv(file: &Path) -> bool {
    has_extension(file, "csv") || has_extension(file, "tsv")
}

/// metafor's estimator asked for, REML by default.
fn rma_method(method: Option<MethodArg>) -> Method {
    match method {
        Some(MethodArg::Rma(m)) => m,
        _ => Method::REML,
    }
}

/// One line per problem, `FILE: PATH: message`; a problem with the whole file has no path.
fn report_problems(
    file: &Path,
    errors: &[model::Problem],
    warnings: &[model::Problem],
    err: &mut dyn Write,
) {
    let place = |p: &model::Problem| {
        if p.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", p.path)
        }
    };
    for p in errors {
        let _ = writeln!(err, "{}: {}{}", file.display(), place(p), p.message());
    }
    for p in warnings {
        let _ = writeln!(
            err,
            "{}: {}warning: {}",
            file.display(),
            place(p),
            p.message()
        );
    }
}

/// "1 study", "2 studies".
fn counted(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

fn validate(file: &Path, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let Some(parsed) = read_dataset(file, err) else {
        return 1;
    };
    report_problems(file, &parsed.errors, &parsed.warnings, err);
    let Some(dataset) = parsed.dataset.as_ref().filter(|_| parsed.errors.is_empty()) else {
        return 1;
    };
    let outcomes: usize = dataset.studies.iter().map(|s| s.outcomes.len()).sum();
    let _ = writeln!(
        out,
        "{}: ok: {}, {}, {}, {}",
        file.display(),
        counted(dataset.studies.len(), "study", "studies"),
        counted(outcomes, "outcome", "outcomes"),
        counted(dataset.claims.len(), "claim", "claims"),
        counted(parsed.warnings.len(), "warning", "warnings")
    );
    0
}
