//! The `evidence-lens` command line: validate, analyze, appraise and render datasets.
//! All of the work is in the library's `cli` module so it can be tested in-process.

fn main() -> std::process::ExitCode {
    evidence_lens::cli::main()
}
