//! The native command line. Its interface is a contract (see the README): editors
//! check data with `validate`, sites pre-render fallback images with `render`, and
//! researchers script `analyze` and `appraise`.
//!
//! Exit codes: 0 success, 1 a problem with the input, 2 a usage error (clap's).
//! No input may make it panic: every failure is a message.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::chart::{self, build::ViewOptions, Theme, ThemeName};
use crate::model::{self, Parsed};

#[derive(Parser, Debug)]
#[command(name = "evidence-lens", version, about = "Compare the evidence behind a medical treatment")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check a dataset (JSON or CSV) and list every problem in it.
    Validate { file: PathBuf },
    /// Draw a view of a dataset to an SVG file.
    Render {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ViewArg::Forest)]
        view: ViewArg,
        #[arg(long)]
        outcome: Option<String>,
        #[arg(long, default_value_t = 800)]
        width: u32,
        #[arg(long)]
        height: Option<u32>,
        #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
        theme: ThemeArg,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewArg {
    Forest,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeArg {
    Light,
    Dark,
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
        Command::Render { file, view: _, outcome, width, height, theme, output } => {
            let Some(parsed) = read_dataset(&file, err) else { return 1 };
            let Some(dataset) = parsed.dataset else {
                report_problems(&file, &parsed.errors, &parsed.warnings, err);
                return 1;
            };
            let options = match ViewOptions::parse("forest", outcome.as_deref().unwrap_or("")) {
                Ok(o) => o,
                Err(e) => {
                    let _ = writeln!(err, "{}: {e}", file.display());
                    return 1;
                }
            };
            let theme = Theme::new(if theme == ThemeArg::Dark { ThemeName::Dark } else { ThemeName::Light }, 1.0);
            let forest = chart::build::forest(&dataset, &options);
            let svg = match chart::forest_svg(&forest, width.clamp(200, 10_000), height.map(|h| h.clamp(50, 100_000)), &theme) {
                Ok(svg) => svg,
                Err(e) => {
                    let _ = writeln!(err, "{}: {e}", file.display());
                    return 1;
                }
            };
            if let Err(e) = std::fs::write(&output, svg) {
                let _ = writeln!(err, "{}: cannot write: {e}", output.display());
                return 1;
            }
            0
        }
    }
}

/// Reads and parses a dataset file, choosing CSV or JSON by its extension.
fn read_dataset(file: &Path, err: &mut dyn Write) -> Option<Parsed> {
    match std::fs::metadata(file) {
        Ok(meta) if meta.len() > model::MAX_INPUT_BYTES as u64 => {
            let _ = writeln!(err, "{}: file is {} bytes; the limit is {} bytes", file.display(), meta.len(), model::MAX_INPUT_BYTES);
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
    let is_csv = file.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    Some(if is_csv { model::parse_csv(&bytes) } else { model::parse_json(&bytes) })
}

fn report_problems(file: &Path, errors: &[model::Problem], warnings: &[model::Problem], err: &mut dyn Write) {
    for p in errors {
        let _ = writeln!(err, "{}: {}: {}", file.display(), p.path, p.message);
    }
    for p in warnings {
        let _ = writeln!(err, "{}: {}: warning: {}", file.display(), p.path, p.message);
    }
}

fn validate(file: &Path, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let Some(parsed) = read_dataset(file, err) else { return 1 };
    report_problems(file, &parsed.errors, &parsed.warnings, err);
    let Some(dataset) = parsed.dataset.as_ref().filter(|_| parsed.errors.is_empty()) else {
        return 1;
    };
    let outcomes: usize = dataset.studies.iter().map(|s| s.outcomes.len()).sum();
    let _ = writeln!(
        out,
        "{}: ok: {} studies, {} outcomes, {} claims, {} warnings",
        file.display(),
        dataset.studies.len(),
        outcomes,
        dataset.claims.len(),
        parsed.warnings.len()
    );
    0
}
