//! CSV reader: rows as a spreadsheet numbers them, exact wording, defaults and moderators.
// The CSV reader is the CLI's and the table converter's, not the widget's.
#![cfg(feature = "table")]

use evidence_lens::model::*;

fn msgs(p: &[Problem]) -> Vec<String> {
    p.iter().map(ToString::to_string).collect()
}

#[track_caller]
fn has_error(p: &Parsed, expected: &str) {
    let all = msgs(&p.errors);
    assert!(
        all.iter().any(|m| m == expected),
        "expected error\n  {expected}\ngot\n  {}",
        all.join("\n  ")
    );
}

#[track_caller]
fn has_warning(p: &Parsed, expected: &str) {
    let all = msgs(&p.warnings);
    assert!(
        all.iter().any(|m| m == expected),
        "expected warning\n  {expected}\ngot\n  {}",
        all.join("\n  ")
    );
}

#[test]
fn bcg_style_counts_with_moderators() {
    let csv = "study,year,ai,bi,ci,di,ablat,alloc\nAronson,1948,4,119,11,128,44,random\nFerguson & Simes,1949,6,300,29,274,55,random\n";
    let p = parse_csv(csv.as_bytes());
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let ds = p.dataset.clone().unwrap();
    assert_eq!(ds.studies.len(), 2);
    let s = &ds.studies[1];
    assert_eq!(s.id, "Ferguson & Simes");
    assert_eq!(s.label, "Ferguson & Simes");
    assert_eq!(s.year, Some(1949));
    // No design column: the design is not given, and not taken to be randomised.
    assert_eq!(s.design, Design::Unknown);
    assert_eq!(s.moderators.get("ablat").map(String::as_str), Some("55"));
    assert_eq!(
        s.moderators.get("alloc").map(String::as_str),
        Some("random")
    );
    assert_eq!(
        s.outcomes[0].data,
        Some(EffectData::Counts(Counts::table(
            Measure::Rr,
            6,
            300,
            29,
            274
        )))
    );
    // Defaults are said once, at the header.
    has_warning(&p, "row 1: no \"design\" column, so the studies' designs are not given: they are shown as \"unknown\" and not rated as randomised (single_arm where the numbers describe one group only); add a design column (rct, crossover_rct, non_randomised_controlled, cohort, …) to say");
    has_warning(
        &p,
        "row 1: no \"better\" column; assuming lower values favour the treatment",
    );
}

#[test]
fn the_shared_bcg_file_reads_if_present() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bcg.csv");
    if let Ok(bytes) = std::fs::read(path) {
        let p = parse_csv(&bytes);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert!(!p.dataset.unwrap().studies.is_empty());
    }
}

#[test]
fn not_a_count() {
    let csv = "study,ai,n1i,ci,n2i\na,1,10,2,10\nb,1,10,2,10\nc,1,twelve,2,10\nd,-3,10,2.5,10\n";
    let p = parse_csv(csv.as_bytes());
    has_error(&p, "row 4, column n1i: \"twelve\" is not a count");
    has_error(
        &p,
        "row 5, column ai: \"-3\" is not a count: counts cannot be negative",
    );
    has_error(
        &p,
        "row 5, column ci: \"2.5\" is not a count: counts are whole numbers",
    );
    let ids: Vec<String> = p
        .dataset
        .unwrap()
        .studies
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["a", "b"], "bad rows dropped, good rows kept");
}

#[test]
fn not_a_number_formula_and_non_finite() {
    let csv =
        "study,yi,vi\na,=SUM(A1),0.1\nb,0.2,@cmd\nc,0,5,0.1\nd,NaN,0.1\ne,-0.3,+0.02\nf,abc,0.1\n";
    let p = parse_csv(csv.as_bytes());
    has_error(
        &p,
        "row 2, column yi: \"=SUM(A1)\" looks like a spreadsheet formula, not a number",
    );
    has_error(
        &p,
        "row 3, column vi: \"@cmd\" looks like a spreadsheet formula, not a number",
    );
    has_error(
        &p,
        "row 4: has 4 cells but the header has 3 (a comma in a name or a number? In a file separated by commas, put such a name in quotes, and write 0.5, not 0,5); the row was skipped",
    );
    // Too few cells: no comma to suspect.
    let short = parse_csv(b"study,yi,vi\na,0.1\n");
    has_error(
        &short,
        "row 2: has 2 cells but the header has 3; the row was skipped",
    );
    // A quotation mark left open runs the rows after it into one cell: the rows it took are
    // said to be lost with it, and what to do.
    let open = parse_csv(b"study,yi,vi\na,0.1,0.01\n\"b,0.2,0.02\nc,0.3,0.03\nd,0.4,0.04\n");
    assert_eq!(
        msgs(&open.errors),
        ["row 3: has 1 cell but the header has 3 (a quotation mark in it is never closed, so the 2 lines after it became part of one cell and are left out too: remove the stray quotation mark, or close it); the row was skipped"]
    );
    has_error(
        &p,
        "row 5, column yi: expected a finite number, found \"NaN\"",
    );
    has_error(&p, "row 7, column yi: \"abc\" is not a number");
    let ds = p.dataset.clone().unwrap();
    assert_eq!(ds.studies.len(), 1);
    assert_eq!(
        ds.studies[0].outcomes[0].data,
        Some(EffectData::Generic(Generic {
            measure: Measure::Gen,
            yi: -0.3,
            vi: Some(0.02),
            sei: None
        }))
    );
    let p = parse_csv(b"study,yi,vi\n\"a\",\"0,5\",0.1\n");
    has_error(
        &p,
        "row 2, column yi: \"0,5\" is not a number: use a dot as the decimal separator (decimal commas are read only in files separated by semicolons or tabs)",
    );
}

#[test]
fn formula_like_text_is_kept_as_text() {
    let csv = "study,label,therapy,note,yi,vi\na,=HYPERLINK(\"x\"),+MSC,@here,0.1,0.01\n";
    let p = parse_csv(csv.as_bytes());
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let s = &p.dataset.unwrap().studies[0];
    assert_eq!(s.label, "=HYPERLINK(\"x\")");
    assert_eq!(s.intervention.therapy, "+MSC");
    assert_eq!(s.moderators["note"], "@here");
}

#[test]
fn events_exceed_totals_and_ci_problems() {
    let csv = "study,measure,ai,n1i,ci,n2i,estimate,ci_lb,ci_ub\na,RR,12,10,2,10,,,\nb,HR,,,,,0.94,1.7,2.0\nc,OR,,,,,1.0,1.5,0.58\nd,HR,,,,,-1,0.1,0.5\n";
    let p = parse_csv(csv.as_bytes());
    has_error(
        &p,
        "row 2, column ai: 12 events (ai) is more than the 10 participants in the arm (n1i)",
    );
    has_error(
        &p,
        "row 3, column ci_lb: lower bound 1.70 is above the estimate 0.94",
    );
    has_error(
        &p,
        "row 4, column ci_lb: lower bound 1.50 is above the upper bound 0.58",
    );
    has_error(&p, "row 5, column estimate: -1.00 is not positive; a HR is a ratio and must be above 0 (give it on the natural scale, not the log scale)");
    assert!(p.dataset.unwrap().studies.is_empty());
}

#[test]
fn means_and_sd() {
    let csv = "study,m1i,sd1i,n1i,m2i,sd2i,n2i\na,1.5,0,20,2.0,1.1,20\nb,1.5,1,20,2.0,,20\n";
    let p = parse_csv(csv.as_bytes());
    has_error(
        &p,
        "row 2, column sd1i: standard deviation must be above 0, found 0.00",
    );
    has_error(
        &p,
        "row 3, column sd2i: empty, but needed for means: fill it in",
    );
}

#[test]
fn unknown_measure_and_values() {
    let csv = "study,measure,design,ai,n1i,ci,n2i\na,XX,rct,1,10,2,10\nb,rr,RCT,1,10,2,10\nc,RR,trial,1,10,2,10\nd,MD,rct,1,10,2,10\n";
    let p = parse_csv(csv.as_bytes());
    has_error(&p, "row 2, column measure: unknown measure \"XX\"; expected one of RR, OR, RD, HR, IRR, MD, SMD, PR, PLO, GEN");
    has_error(&p, "row 4, column design: unknown design \"trial\"; expected one of rct, crossover_rct, non_randomised_controlled, single_arm, cohort, case_series, systematic_review, unknown");
    has_error(
        &p,
        "row 5, column measure: measure MD cannot be used with counts; expected one of RR, OR, RD",
    );
    // Case is forgiven in CSV.
    let ds = p.dataset.clone().unwrap();
    assert_eq!(ds.studies.len(), 1);
    assert_eq!(ds.studies[0].id, "b");
}

#[test]
fn default_measure_from_the_caller() {
    let csv = "study,ai,n1i,ci,n2i\na,1,10,2,10\n";
    let p = Dataset::from_csv(csv.as_bytes(), Some(Measure::Or));
    assert!(p.errors.is_empty());
    assert_eq!(
        p.dataset.unwrap().studies[0].outcomes[0]
            .data
            .as_ref()
            .unwrap()
            .measure(),
        Measure::Or
    );
    let p = Dataset::from_csv(csv.as_bytes(), None);
    assert_eq!(
        p.dataset.unwrap().studies[0].outcomes[0]
            .data
            .as_ref()
            .unwrap()
            .measure(),
        Measure::Rr
    );
    let p = Dataset::from_csv(csv.as_bytes(), Some(Measure::Md));
    has_error(&p, "row 2, column measure: the default measure MD cannot be used with counts; expected one of RR, OR, RD (fill the measure column)");
    // Generic data take any measure: yi are then on that measure's analysis scale.
    let p = parse_csv_with(
        b"study,yi,sei\na,-0.2,0.1\n",
        &CsvOptions {
            default_measure: Some(Measure::Rr),
        },
    );
    assert_eq!(
        p.dataset.unwrap().studies[0].outcomes[0]
            .data
            .as_ref()
            .unwrap()
            .measure(),
        Measure::Rr
    );
}

#[test]
fn forms_inferred_from_filled_columns() {
    let csv = "study,outcome,ai,n1i,ci,n2i,m1i,sd1i,m2i,sd2i,xi,ni,yi,vi\n\
               a,o1,1,10,2,10,,,,,,,,\n\
               a,o2,,10,,10,1,1,2,1,,,,\n\
               b,o1,,,,,,,,,3,10,,\n\
               c,o1,,,,,,,,,,,0.1,0.01\n\
               d,o1,1,10,2,10,1,1,2,1,,,,\n\
               e,o1,,,,,,,,,,,,\n";
    let p = parse_csv(csv.as_bytes());
    has_error(
        &p,
        "row 6: mixes fields of counts and means; give one data form per outcome",
    );
    let ds = p.dataset.clone().unwrap();
    let a = ds.study("a").unwrap();
    assert_eq!(a.outcomes.len(), 2);
    assert!(matches!(a.outcomes[1].data, Some(EffectData::Means(_))));
    assert_eq!(
        ds.study("b").unwrap().design,
        Design::SingleArm,
        "only single-arm data: single_arm assumed"
    );
    assert!(ds.study("e").unwrap().outcomes[0].data.is_none());
    has_warning(&p, "row 7: no data and no reported result, but the study is completed (add data, or \"reported\" to say what was reported)");
    has_warning(&p, "row 4: single-arm data for outcome \"o1\", which has comparative data elsewhere (row 2); it will not be pooled with them");
}

#[test]
fn cells_not_used_by_the_form() {
    let p = parse_csv(b"study,ai,n1i,ci,n2i,estimate\na,1,10,2,10,0.5\n");
    has_error(
        &p,
        "row 2, column estimate: has a value, but counts do not use this column; leave it empty",
    );
}

#[test]
fn duplicate_outcome_rows_and_conflicts() {
    let csv = "study,year,outcome,ai,n1i,ci,n2i\na,2001,x,1,10,2,10\na,2002,x,1,10,2,10\na,2001,y,1,10,2,10\n";
    let p = parse_csv(csv.as_bytes());
    has_error(
        &p,
        "row 3, column outcome: \"a\" already has the outcome \"x\" in row 2: if these are two studies, give them different names (\"a b\"); if one, keep one row for the outcome",
    );
    has_warning(&p, "row 3, column year: \"2002\" differs from \"2001\" given for the same study in row 2; the earlier value was kept");
    let ds = p.dataset.clone().unwrap();
    assert_eq!(ds.studies[0].outcomes.len(), 2);
    // Without an outcome column, each row is its own study even when names repeat (as in metafor's dat.bcg).
    let p = parse_csv(b"study,year,ai,n1i,ci,n2i\na,1960,1,10,2,10\na,1961,1,10,3,10\n");
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    has_warning(&p, "row 3, column study: \"a\" also names the study in row 2; read as a separate study with id \"a #2\"");
    let ds = p.dataset.unwrap();
    assert_eq!(
        (
            ds.studies[1].id.as_str(),
            ds.studies[1].label.as_str(),
            ds.studies[1].year
        ),
        ("a #2", "a", Some(1961))
    );
}

#[test]
fn header_problems() {
    let p = parse_csv(b"name,ai,bi\nx,1,2\n");
    assert_eq!(
        msgs(&p.errors),
        ["row 1: missing required column \"study\" (the column that names each study, such as \"Study\", \"Study ID\" or \"Author\")"]
    );
    assert!(p.dataset.is_none());
    let p = parse_csv(b"study,ai,AI,n1i\nx,1,2,3\n");
    assert_eq!(
        msgs(&p.errors),
        ["row 1: column \"AI\" appears twice (columns 2 and 3)"]
    );
    let p = parse_csv(b"study,year\n,2001\n");
    has_error(&p, "row 2, column study: must not be empty");
    let p = parse_csv(b"study,year\na,2019a\n");
    has_error(
        &p,
        "row 2, column year: \"2019a\" is not a year (a whole number)",
    );
}

#[test]
fn input_level_problems() {
    // Binary data is refused (text that is not UTF-8 is read as Windows-1252: tests/model_sheets.rs).
    let p = parse_csv(b"study,ai\n\xff\x00,1\n");
    assert_eq!(
        msgs(&p.errors),
        ["input is not valid UTF-8 (invalid byte at offset 9) nor Windows-1252 text (byte 0x00 at offset 10 is not text); save the spreadsheet as \"CSV UTF-8\""]
    );
    let p = parse_csv(b"   \n");
    assert_eq!(msgs(&p.errors), ["input is empty"]);
    let big = vec![b'a'; MAX_INPUT_BYTES + 1];
    assert!(msgs(&parse_csv(&big).errors)[0].starts_with("input is 10485761 bytes"));
    let p = parse_csv("\u{feff}study,yi,vi\na,0.1,0.01\n".as_bytes());
    assert!(p.errors.is_empty(), "BOM is fine: {:?}", p.errors);
}

/// A note below the table (a source, a footnote) is one cell and nothing else: said and left out,
/// whether the spreadsheet padded the row with commas or not, and wherever the cell stands.
#[test]
fn a_row_of_one_cell_is_a_note_not_a_study() {
    let csv = "study,outcome,yi,vi\na,Relapse,0.1,0.01\n,,,\nSource: made-up numbers,,,\n* see the paper\n,,Table 2,\n";
    let p = parse_csv(csv.as_bytes());
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let ds = p.dataset.as_ref().unwrap();
    let names: Vec<&str> = ds.studies.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(names, ["a"]);
    for (row, text) in [
        (4, "Source: made-up numbers"),
        (5, "* see the paper"),
        (6, "Table 2"),
    ] {
        has_warning(
            &p,
            &format!(
                "row {row}: only one cell is filled (\"{text}\"): read as a note, not a study, and left \
                 out; to make it a study, fill in its outcome and its numbers"
            ),
        );
    }
    // A table of one column has only names: each is a study.
    let p = parse_csv(b"study\na\nb\n");
    assert_eq!(p.dataset.unwrap().studies.len(), 2);
}

#[test]
fn quoted_cells_and_multiline_rows_count_as_one_row() {
    let csv = "study,label,yi,vi\na,\"two\nlines\",0.1,0.01\nb,x,0.1,-1\n";
    let p = parse_csv(csv.as_bytes());
    has_error(&p, "row 3, column vi: vi must be above 0, found -1.00");
}

#[test]
fn estimates_need_a_measure() {
    // Without a measure column, once for the file; with one, at each empty cell.
    let p = parse_csv(b"study,estimate,ci_lb,ci_ub\na,0.5,0.2,0.9\n");
    has_error(
        &p,
        "row 1: missing column \"measure\" (the effect measure), needed for an estimate (say which measure it is): 1 row left out (2)",
    );
    let p = parse_csv(b"study,measure,estimate,ci_lb,ci_ub\na,,0.5,0.2,0.9\nb,OR,0.5,0.2,0.9\n");
    has_error(
        &p,
        "row 2, column measure: empty, but needed for an estimate (say which measure it is): fill it in",
    );
    let p = parse_csv(
        b"study,measure,estimate,ci_lb,ci_ub\na,HR,0.07,0.02,0.24\nb,PR,0.35,0.27,0.46\n",
    );
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let ds = p.dataset.clone().unwrap();
    assert!(matches!(
        ds.studies[1].outcomes[0].data,
        Some(EffectData::Proportion(_))
    ));
}

/// Every chunk's studies, one after another, and the problems of the chunks and of the file.
fn chunked(bytes: &[u8], rows: usize) -> (Vec<Study>, Vec<Problem>, Vec<Problem>, usize) {
    let mut studies = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut chunks = 0;
    let whole = read_chunks(
        std::io::Cursor::new(bytes),
        &CsvOptions::default(),
        rows,
        &mut |p| {
            chunks += 1;
            studies.extend(p.dataset.unwrap().studies);
            errors.extend(p.errors);
            warnings.extend(p.warnings);
        },
    );
    errors.extend(whole.errors);
    warnings.extend(whole.warnings);
    (studies, errors, warnings, chunks)
}

/// Read a chunk at a time, a file gives the studies and problems it gives read whole.
#[test]
fn chunks_together_are_the_whole_file() {
    let bcg = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bcg.csv")).unwrap();
    let whole = parse_csv(&bcg);
    let (studies, errors, warnings, chunks) = chunked(&bcg, 5);
    assert_eq!(chunks, 3);
    assert_eq!(studies, whole.dataset.unwrap().studies);
    assert_eq!(msgs(&errors), msgs(&whole.errors));
    let (mut a, mut b) = (msgs(&warnings), msgs(&whole.warnings));
    a.sort();
    b.sort();
    assert_eq!(a, b);

    // Windows-1252 and a bad row, as a spreadsheet saves them.
    let latin = b"study;yi;vi\nM\xfcller;-0,2;0,01\nNg;x;0,02\nLee;-0,4;0,03\n";
    let whole = parse_csv(latin);
    let (studies, errors, warnings, _) = chunked(latin, 1);
    assert_eq!(studies, whole.dataset.unwrap().studies);
    assert_eq!(studies[0].id, "Müller");
    assert_eq!(msgs(&errors), msgs(&whole.errors));
    assert!(
        msgs(&errors).iter().any(|m| m.starts_with("row 3")),
        "{errors:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.message().contains("Windows-1252")),
        "{warnings:?}"
    );
}

/// The file's start (where the encoding and separator are told) may end inside a character.
#[test]
fn a_character_across_the_files_start_is_kept_whole() {
    let mut straddled = 0;
    for pad in 0..25 {
        let mut text = format!("study,yi,vi\nCafé first{},-0.1,0.01\n", "x".repeat(pad));
        let mut i = 0;
        while text.len() < 70_000 {
            text.push_str(&format!("Café {i},-0.{},0.01\n", i % 9 + 1));
            i += 1;
        }
        // A UTF-8 continuation byte just past the first 64 KiB.
        straddled += usize::from(text.as_bytes()[64 * 1024] & 0xC0 == 0x80);
        let whole = parse_csv(text.as_bytes());
        let (studies, errors, _, _) = chunked(text.as_bytes(), 10_000);
        assert!(errors.is_empty() && whole.errors.is_empty(), "{errors:?}");
        assert_eq!(studies, whole.dataset.unwrap().studies, "pad {pad}");
        assert!(studies.iter().all(|s| s.id.starts_with("Café ")));
    }
    assert!(straddled > 0);
}

/// A Windows-1252 file whose first accented letter comes after the file's start is read as such,
/// as it is read whole, not as broken UTF-8.
#[test]
fn the_encoding_is_told_from_the_whole_file() {
    let mut bytes = b"study,yi,vi\n".to_vec();
    for i in 0..5_000 {
        bytes.extend_from_slice(format!("S{i},-0.1,0.01\n").as_bytes());
    }
    assert!(bytes.len() > 64 * 1024);
    bytes.extend_from_slice(b"M\xfcller,-0.2,0.02\n");
    let whole = parse_csv(&bytes);
    let (studies, errors, warnings, _) = chunked(&bytes, 1_000);
    assert_eq!(errors.len(), 0, "{errors:?}");
    assert_eq!(studies, whole.dataset.unwrap().studies);
    assert_eq!(studies.last().unwrap().id, "Müller");
    assert!(
        warnings
            .iter()
            .any(|w| w.message().contains("Windows-1252")),
        "{warnings:?}"
    );
}

#[test]
fn every_empty_cell_a_form_needs_is_named_in_column_order() {
    let csv = "study,m1i,sd1i,n1i,m2i,sd2i,n2i\na,5,1,20,4,1,20\nb,5,,,4,,20\n";
    let p = parse_csv(csv.as_bytes());
    let empty: Vec<String> = msgs(&p.errors)
        .into_iter()
        .filter(|m| m.contains("empty, but needed"))
        .collect();
    assert_eq!(
        empty,
        [
            "row 3, column sd1i: empty, but needed for means: fill it in",
            "row 3, column n1i: empty, but needed for means: fill it in",
            "row 3, column sd2i: empty, but needed for means: fill it in",
        ]
    );
}

/// A table in Spanish or French gives its outcome's article in `outcome_article`; an `Article`
/// column is a spreadsheet's own (the paper) and stays a moderator.
#[test]
fn an_outcome_article_column_gives_the_article() {
    let csv = "study,outcome,outcome_article,Article,ai,n1i,ci,n2i\nA,Recaída,la,Smith 2019,1,10,2,10\nB,Recaída,,Jones 2020,1,10,2,10\n";
    let p = parse_csv(csv.as_bytes());
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let ds = p.dataset.unwrap();
    let [a, b] = &ds.studies[..] else {
        panic!("two studies")
    };
    assert_eq!(a.outcomes[0].article("es"), Some("la"));
    assert_eq!(a.outcomes[0].article("fr"), Some("la"));
    // An empty cell gives none.
    assert_eq!(b.outcomes[0].article("es"), None);
    assert_eq!(
        a.moderators.get("Article").map(String::as_str),
        Some("Smith 2019")
    );
    // The statement in Spanish says it as a noun of the sentence.
    let options = evidence_lens::appraise::AppraiseOptions {
        lang: evidence_lens::i18n::Lang::Es,
        ..Default::default()
    };
    let appraisal = evidence_lens::appraise::appraise(&ds, &options);
    assert!(
        appraisal.outcomes[0].statement.contains(" la recaída"),
        "{}",
        appraisal.outcomes[0].statement
    );
    assert!(
        appraisal.outcomes[1]
            .statement
            .contains("el resultado «recaída»"),
        "{}",
        appraisal.outcomes[1].statement
    );
}

#[test]
fn a_table_s_problems_are_said_in_the_reader_s_language() {
    use evidence_lens::i18n::Lang;
    // A count that is a word, a row with a cell too many, a column none of whose cells is a
    // number, and no design or better column.
    let csv = "study,outcome,ai,n1i,ci,m1i\n\
               A,Deaths,twelve,20,3,x\n\
               B,Deaths,4,20,5,x,extra\n\
               C,Deaths,4,20,5,y\n";
    let p = parse_csv(csv.as_bytes());
    let all: Vec<&Problem> = p.errors.iter().chain(&p.warnings).collect();
    let english: Vec<String> = all.iter().map(|p| p.to_string()).collect();
    for expected in [
        "row 2, column ai: \"twelve\" is not a count",
        "row 3: has 7 cells but the header has 6 (a comma in a name",
        "the row was skipped",
        "no cell of this column is a number: 2 rows left out (2, 4)",
        "no \"design\" column",
        "no \"better\" column; assuming lower values favour the treatment",
    ] {
        assert!(
            english.iter().any(|m| m.contains(expected)),
            "{expected}: {english:#?}"
        );
    }
    for (lang, row) in [
        (Lang::Es, "fila 2, columna ai"),
        (Lang::Fr, "ligne 2, colonne ai"),
    ] {
        let said: Vec<Said> = all.iter().map(|p| p.said(lang)).collect();
        assert!(said.iter().any(|s| s.path == row), "{lang:?}: {said:#?}");
        for (s, english) in said.iter().zip(&all) {
            assert_ne!(s.message, english.message(), "{lang:?}");
            if english.path.starts_with("row") {
                assert_ne!(s.path, english.path, "{lang:?}");
            }
            for key in [
                "problem.", "expect.", "form.", "column.", "reason.", "place.",
            ] {
                assert!(
                    !s.message.contains(key) && !s.path.contains(key),
                    "{lang:?}: {s:?}"
                );
            }
        }
    }
}
