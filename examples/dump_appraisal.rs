//! Prints the appraisal of the built-in MS dataset as pretty JSON, for reading it while
//! writing tests or README text: `cargo run --example dump_appraisal`.
//! (`evidence-lens appraise FILE` does the same for a dataset in a file.)

use evidence_lens::appraise::{appraise, AppraiseOptions};
use evidence_lens::model::builtin;

fn main() {
    let appraisal = appraise(&builtin(), &AppraiseOptions::default());
    let json = serde_json::to_string_pretty(&appraisal).expect("an appraisal serializes to JSON");
    println!("{json}");
}
