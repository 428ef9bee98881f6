//! Spreadsheets as people save them (issue 18): separators, decimal commas, encodings, the headers
//! people write, one error per problem, and designs that are not given.
#![cfg(not(target_arch = "wasm32"))]

use evidence_lens::appraise::{appraise, AppraiseOptions, Certainty, Domain};
use evidence_lens::model::*;

fn msgs(p: &[Problem]) -> Vec<String> {
    p.iter().map(ToString::to_string).collect()
}

#[track_caller]
fn has(list: &[Problem], expected: &str) {
    let all = msgs(list);
    assert!(
        all.iter().any(|m| m == expected),
        "expected\n  {expected}\ngot\n  {}",
        all.join("\n  ")
    );
}

#[track_caller]
fn ok(bytes: &[u8]) -> (Dataset, Vec<Problem>) {
    let p = parse_csv(bytes);
    assert!(p.errors.is_empty(), "{:#?}", p.errors);
    (p.dataset.unwrap(), p.warnings)
}

fn means(ds: &Dataset, study: usize) -> Means {
    match ds.studies[study].outcomes[0].data.clone() {
        Some(EffectData::Means(m)) => m,
        other => panic!("{other:?}"),
    }
}

fn counts(ds: &Dataset, study: usize) -> Counts {
    match ds.studies[study].outcomes[0].data.clone() {
        Some(EffectData::Counts(c)) => c,
        other => panic!("{other:?}"),
    }
}

const NO_DESIGN: &str = "row 1: no \"design\" column, so the studies' designs are not given: they are shown as \"unknown\" and not rated as randomised (single_arm where the numbers describe one group only); add a design column (rct, crossover_rct, non_randomised_controlled, cohort, …) to say";

#[test]
fn semicolons_with_decimal_commas() {
    // As Excel saves "CSV" where the decimal mark is a comma.
    let csv = "Study;Year;Experimental mean;Experimental SD;Experimental N;Control mean;Control SD;Control N\r\n\
               Alpha 2001;2001;5,2;1,1;30;-0,5;1,25;31\r\n\
               \"Beta; the sequel\";2002;4;0,9;25;5,5;1,2;24\r\n";
    let (ds, warnings) = ok(csv.as_bytes());
    assert_eq!(ds.studies.len(), 2);
    assert_eq!(ds.studies[1].id, "Beta; the sequel");
    let m = means(&ds, 0);
    assert_eq!(
        (m.m1i, m.sd1i, m.n1i, m.m2i, m.sd2i, m.n2i),
        (5.2, 1.1, 30, -0.5, 1.25, 31)
    );
    assert_eq!(m.measure, Measure::Md);
    has(
        &warnings,
        "input is separated by semicolons; decimal commas (0,94) are read as decimal points",
    );
    // The template's own headers are known names: nothing to check about how they were read.
    assert!(
        !msgs(&warnings).iter().any(|w| w.contains("read \"")),
        "{warnings:#?}"
    );
}

#[test]
fn tabs_and_the_sep_line() {
    let (ds, warnings) = ok(b"study\tyi\tvi\nA\t0.3\t0.01\nB\t-0,4\t0.02\n");
    assert_eq!(ds.studies.len(), 2);
    match &ds.studies[1].outcomes[0].data {
        Some(EffectData::Generic(g)) => assert_eq!((g.yi, g.vi), (-0.4, Some(0.02))),
        other => panic!("{other:?}"),
    }
    has(
        &warnings,
        "input is separated by tabs; decimal commas (0,94) are read as decimal points",
    );
    // A point among decimal commas is read as a decimal point, and said.
    has(&warnings, "row 2, column yi: \"0.3\" has a decimal point, but other numbers have a decimal comma (\"-0,4\", row 3, column yi); a point is read as a decimal point, never as a thousands separator: check the number");
    // Both places under the editor's headers.
    let (_, warnings) = ok("Study\tOutcome\tExperimental mean\tExperimental SD\tExperimental N\tControl mean\tControl SD\tControl N\nA\tScore\t4,1\t1,9\t20\t4,6\t2,0\t20\nB\tScore\t4,1\t1.9\t20\t4,6\t2,0\t20\n".as_bytes());
    has(&warnings, "row 3, column Experimental SD: \"1.9\" has a decimal point, but other numbers have a decimal comma (\"4,1\", row 2, column Experimental mean); a point is read as a decimal point, never as a thousands separator: check the number");
    // Excel's "sep=" first line names the separator; the header is still row 1.
    let (ds, warnings) = ok(b"sep=;\nstudy;ai;n1i;ci;n2i\nA;1;10;2;10\n");
    assert_eq!(counts(&ds, 0).n2i, Some(10));
    has(&warnings, "input is separated by semicolons (as its \"sep=\" line says); decimal commas (0,94) are read as decimal points");
    // Regression (model_fuzz): a short first line with a character of two bytes panicked.
    for text in ["94fÿ\n", "sep=ÿ\nstudy\n", "sepÿ\n"] {
        let _ = parse_csv(text.as_bytes());
    }
    // Separators inside quotes do not count: this header has two semicolons, but in one cell.
    let (ds, _) = ok(b"study,\"note; with; semicolons\",yi,vi\nA,x,0.1,0.2\n");
    assert_eq!(
        ds.studies[0]
            .moderators
            .get("note; with; semicolons")
            .map(String::as_str),
        Some("x")
    );
}

#[test]
fn windows_1252_is_decoded_and_binary_refused() {
    // "Séguin" and "Müller" as Excel writes them on Windows, with a Windows-1252 dash.
    let (ds, warnings) =
        ok(b"Study;Year;yi;vi\r\nS\xe9guin \x96 2019;2019;0,1;0,04\r\nM\xfcller;2020;0,2;0,05\r\n");
    assert_eq!(ds.studies[0].id, "Séguin – 2019");
    assert_eq!(ds.studies[1].label, "Müller");
    has(&warnings, "input is not UTF-8; it was read as Windows-1252 (Excel's \"CSV\" on Windows): check that accented letters look right, or save it as \"CSV UTF-8\"");
    // Binary data (a PNG) is not text in any encoding.
    let p = parse_csv(b"study,yi\n\x89PNG\r\n\x1a\n\x00\x00");
    assert_eq!(msgs(&p.errors), ["input is not valid UTF-8 (invalid byte at offset 9) nor Windows-1252 text (byte 0x1A at offset 15 is not text); save the spreadsheet as \"CSV UTF-8\""]);
    assert!(p.dataset.is_none());
    // UTF-8 with one stray byte is broken UTF-8, not Windows-1252 (that would make "é" "Ã©").
    let mut bytes = "study,yi,vi\nSéguin,0.1,0.2\n".as_bytes().to_vec();
    let at = bytes.len() + 1;
    bytes.extend_from_slice(b"M\xfcller,1,1\n");
    let p = parse_csv(&bytes);
    assert_eq!(msgs(&p.errors), [format!("input is not valid UTF-8 (invalid byte at offset {at}), and it has UTF-8 characters elsewhere, so it was not read as Windows-1252 either; save the spreadsheet as \"CSV UTF-8\"")]);
}

#[test]
fn byte_order_mark() {
    // Excel's "CSV UTF-8" starts with a BOM; the first header is still "Study".
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        "Study;Experimental cases;Experimental N;Control cases;Control N;Événements (expérimental)\n\
         Étude A;3;20;5;20;trois\n"
            .as_bytes(),
    );
    let (ds, warnings) = ok(&bytes);
    assert_eq!(ds.studies[0].id, "Étude A");
    assert_eq!(counts(&ds, 0).ai, 3);
    // A header it does not know (French) is an extra column.
    assert_eq!(
        ds.studies[0]
            .moderators
            .get("Événements (expérimental)")
            .map(String::as_str),
        Some("trois")
    );
    assert!(!msgs(&warnings).iter().any(|w| w.contains('\u{feff}')));
}

#[test]
fn headers_people_write_are_read_and_said() {
    // RevMan's names.
    let (ds, w) = ok(b"Study ID,Year,Experimental cases,Experimental N,Control cases,Control N\nISIS-2,1988,791,8587,1029,8600\n");
    let c = counts(&ds, 0);
    assert_eq!(
        (c.ai, c.n1i, c.ci, c.n2i),
        (791, Some(8587), 1029, Some(8600))
    );
    assert_eq!(ds.studies[0].year, Some(1988));
    // The template's (and RevMan's) names are not said; another spelling is.
    let read: Vec<String> = (msgs(&w).into_iter())
        .filter(|m| m.contains("read \""))
        .collect();
    assert_eq!(
        read,
        ["row 1: read \"Study ID\" as study (the study's name)"]
    );
    // meta's names, case and punctuation aside.
    let (ds, w) = ok(b"studlab,event.e,n.e,event.c,n.c\nA,3,20,5,20\n");
    assert_eq!(counts(&ds, 0).n2i, Some(20));
    has(
        &w,
        "row 1: read \"event.e\" as ai (events in the treatment group)",
    );
    has(
        &w,
        "row 1: read \"n.c\" as n2i (people in the control group)",
    );
    let (ds, _) = ok(b"study,mean.e,sd.e,n.e,mean.c,sd.c,n.c\nA,5,1,20,6,1.5,21\n");
    assert_eq!(means(&ds, 0).sd2i, 1.5);
    // Words: "Events (treatment)", "Total (treatment)", "events control", "Author".
    let (ds, w) = ok(
        b"Author,Events (treatment),Total (treatment),events control,total control\nSmith,4,40,9,41\n",
    );
    let c = counts(&ds, 0);
    assert_eq!((c.ai, c.n1i, c.ci, c.n2i), (4, Some(40), 9, Some(41)));
    has(
        &w,
        "row 1: read \"Events (treatment)\" as ai (events in the treatment group)",
    );
    has(&w, "row 1: read \"Author\" as study (the study's name)");
    // metafor's dat.bcg names.
    let (ds, _) = ok(b"trial,tpos,tneg,cpos,cneg\n1,4,119,11,128\n");
    assert_eq!(counts(&ds, 0).di, Some(128));
    // An odds ratio with its interval: the header names the measure.
    let (ds, w) = ok(b"Study,OR,Lower 95% CI,Upper 95% CI\nA,0.5,0.3,0.9\nB,1.2,0.8,1.9\n");
    match &ds.studies[1].outcomes[0].data {
        Some(EffectData::Estimate(e)) => {
            assert_eq!(
                (e.measure, e.estimate, e.ci_lb, e.ci_ub),
                (Measure::Or, 1.2, 0.8, 1.9)
            )
        }
        other => panic!("{other:?}"),
    }
    has(&w, "row 1: read \"OR\" as estimate (the study's effect estimate), with measure OR for rows that do not name one");
    has(
        &w,
        "row 1: read \"Lower 95% CI\" as ci_lb (the lower bound of its confidence interval)",
    );
    let (ds, _) = ok(b"Study,Measure,RR,lower,upper\nA,HR,0.5,0.3,0.9\n");
    assert!(
        matches!(&ds.studies[0].outcomes[0].data, Some(EffectData::Estimate(e)) if e.measure == Measure::Hr)
    );
    // The metafor names themselves say nothing.
    let (_, w) = ok(b"study,design,better,outcome,ai,n1i,ci,n2i\nA,rct,lower,Deaths,1,10,2,10\n");
    assert!(w.is_empty(), "{w:?}");
    // Without an outcome column, the editor hears the name readers would read, and how to give one.
    let (ds, w) = ok(b"study,design,better,ai,n1i,ci,n2i\nA,rct,lower,1,10,2,10\n");
    assert_eq!(ds.studies[0].outcomes[0].name.as_str(), "main");
    has(&w, "row 1: no \"outcome\" column; assuming one outcome, named \"main\" in the charts and the summary; add an outcome column that names what was measured (\"Deaths\") to tell readers");
}

#[test]
fn two_headers_for_one_column() {
    // The study's own name wins; the other is kept as an extra column, and said.
    let (ds, w) = ok(b"Author,Study ID,yi,vi\nSmith,S1,0.1,0.2\n");
    assert_eq!(ds.studies[0].id, "S1");
    assert_eq!(
        ds.studies[0].moderators.get("Author").map(String::as_str),
        Some("Smith")
    );
    has(&w, "row 1: \"Author\" was kept as an extra column, not read as study: \"Study ID\" is read as study");
    // Two headers that are the column's own name are an error, as before.
    let p = parse_csv(b"study,n1i,N1I\na,1,2\n");
    assert_eq!(
        msgs(&p.errors),
        ["row 1: column \"N1I\" appears twice (columns 2 and 3)"]
    );
}

#[test]
fn errors_name_the_editors_header() {
    let p = parse_csv(b"Study,Experimental cases,Experimental N,Control cases,Control N\nA,30,20,5,20\nB,3,20,5,20\n");
    has(&p.errors, "row 2, column Experimental cases: 30 events (ai) is more than the 20 participants in the arm (n1i)");
    assert_eq!(p.dataset.unwrap().studies.len(), 1);
}

#[test]
fn thousands_separators_are_not_numbers() {
    let p = parse_csv(
        b"study;ai;n1i;ci;n2i;m\nA;3;1.234;4;20;x\nB;3;\"1 200\";4;20;x\nC;1;30;3;30;x\n",
    );
    let why = "write numbers without thousands separators (1234, not 1,234 or 1.234)";
    has(
        &p.errors,
        &format!("row 2, column n1i: \"1.234\" is not a count: {why}"),
    );
    has(
        &p.errors,
        &format!("row 3, column n1i: \"1 200\" is not a count: {why}"),
    );
    assert_eq!(p.dataset.unwrap().studies.len(), 1);
    let p = parse_csv(b"study;yi;vi\nA;1.234,5;0,1\nB;0,5;0,1\n");
    has(
        &p.errors,
        &format!("row 2, column yi: \"1.234,5\" is not a number: {why}"),
    );
    // Decimal commas are not read in comma-separated files (there "1,5" can only be a quoted cell).
    let p = parse_csv(b"study,yi,vi\nA,\"1,5\",0.1\nB,\"1,234\",0.1\nC,0.5,0.1\n");
    has(&p.errors, "row 2, column yi: \"1,5\" is not a number: use a dot as the decimal separator (decimal commas are read only in files separated by semicolons or tabs)");
    has(
        &p.errors,
        &format!("row 3, column yi: \"1,234\" is not a number: {why}"),
    );
}

#[test]
fn a_missing_column_is_said_once() {
    let p = parse_csv(b"study,ai,n1i,ci\nA,3,20,5\nB,4,25,9\nC,1,10,2\n");
    assert_eq!(
        msgs(&p.errors),
        ["row 1: missing column \"Control N\" (n2i: people in the control group): 3 rows left out (2–4)"]
    );
    let p = parse_csv(b"study,m1i,sd1i,m2i,sd2i,n2i\nA,3,1,5,1,20\nB,4,1,9,1,20\n");
    assert_eq!(
        msgs(&p.errors),
        ["row 1: missing column \"Experimental N\" (n1i: people in the treatment group), needed for means: 2 rows left out (2–3)"]
    );
    let p = parse_csv(b"study,yi\nA,0.3\nB,0.4\n");
    assert_eq!(
        msgs(&p.errors),
        ["row 1: missing column \"vi\" (its variance) (or \"sei\"): 2 rows left out (2–3)"]
    );
    // Rows of two forms that both need the column: one line, naming neither form.
    let p = parse_csv(
        b"study,outcome,ai,n1i,ci,m1i,sd1i,m2i,sd2i\nA,Deaths,1,10,2,,,,\nB,Score,,10,,3,1,4,1\n",
    );
    assert_eq!(
        msgs(&p.errors),
        ["row 1: missing column \"Control N\" (n2i: people in the control group): 2 rows left out (2–3)"]
    );
    // An empty cell in a column that is there is named at its cell, under the editor's header.
    let p = parse_csv(b"study,ai,n1i,ci,n2i\nA,3,20,5,\nB,4,25,9,24\n");
    assert_eq!(
        msgs(&p.errors),
        ["row 2, column n2i: empty, but the row's other numbers need it: fill it in"]
    );
    let p = parse_csv(b"Study,Experimental cases,Experimental N,Control cases,Control N\nA,3,20,5,\nB,4,25,9,24\n");
    assert_eq!(
        msgs(&p.errors),
        ["row 2, column Control N: empty, but the row's other numbers need it: fill it in"]
    );
}

#[test]
fn a_column_of_the_wrong_kind_is_said_once() {
    let p = parse_csv(b"study,ai,n1i,ci,n2i\nA,3,twelve,4,20\nB,3,ten,4,20\nC,1,n/a,3,30\n");
    assert_eq!(
        msgs(&p.errors),
        ["row 2, column n1i: \"twelve\" is not a count; no cell of this column is a count: 3 rows left out (2–4)"]
    );
    // One bad cell among good ones is named at its row, each of them.
    let p = parse_csv(b"study,ai,n1i,ci,n2i\nA,3,twelve,4,20\nB,3,20,4,20\nC,1,ten,3,30\n");
    assert_eq!(
        msgs(&p.errors),
        [
            "row 2, column n1i: \"twelve\" is not a count",
            "row 4, column n1i: \"ten\" is not a count"
        ]
    );
    // The same message in several rows is one problem, with the rows.
    let p = parse_csv(b"study,yi,vi\nA,0.1,-1\nB,0.1,0.2\nC,0.1,-1\nD,0.2,-1\n");
    assert_eq!(
        msgs(&p.errors),
        ["rows 2, 4–5, column vi: vi must be above 0, found -1.00"]
    );
}

/// Four consistent, precise trials: with their design given, high certainty.
fn trials(design_column: bool) -> String {
    let mut csv = String::from(if design_column {
        "study,design,ai,n1i,ci,n2i\n"
    } else {
        "study,ai,n1i,ci,n2i\n"
    });
    for s in ["A", "B", "C", "D"] {
        csv.push_str(&format!(
            "{s},{}150,1000,250,1000\n",
            if design_column { "rct," } else { "" }
        ));
    }
    csv
}

#[test]
fn a_design_not_given_is_not_rated_as_randomised() {
    let (rct, _) = ok(trials(true).as_bytes());
    let (unknown, warnings) = ok(trials(false).as_bytes());
    assert!(unknown.studies.iter().all(|s| s.design == Design::Unknown));
    has(&warnings, NO_DESIGN);
    let options = AppraiseOptions::default();
    let high = appraise(&rct, &options);
    assert_eq!(high.pooled[0].certainty, Some(Certainty::High));
    let low = appraise(&unknown, &options);
    assert_eq!(
        low.pooled[0].certainty,
        Some(Certainty::Low),
        "{:#?}",
        low.pooled[0].reasons
    );
    // Each study's own rating says why.
    let reason = low.outcomes[0]
        .reasons
        .iter()
        .find(|r| r.domain == Domain::Design)
        .unwrap();
    assert_eq!(
        (reason.change, reason.text.as_str()),
        (
            -2,
            "The design is not given, so the evidence is not rated as randomised"
        )
    );
    // Numbers of one group only are single-arm whatever the design; an empty design cell is said.
    let (ds, warnings) =
        ok(b"study,design,xi,ni,yi,vi\nA,,3,20,,\nB,,,,0.1,0.2\nC,cohort,,,0.1,0.2\n");
    let designs: Vec<Design> = ds.studies.iter().map(|s| s.design).collect();
    assert_eq!(
        designs,
        [Design::SingleArm, Design::Unknown, Design::Cohort]
    );
    has(&warnings, "row 3, column design: empty: the design is not given, so the study is shown as \"unknown\" and not rated as randomised");
    // "unknown" can be written, and round-trips through JSON.
    let (ds, _) = ok(b"study,design,yi,vi\nA,unknown,0.1,0.2\n");
    assert_eq!(ds.studies[0].design, Design::Unknown);
    let again = parse_json(ds.to_json_pretty().as_bytes());
    assert!(again.errors.is_empty(), "{:?}", again.errors);
    assert_eq!(again.dataset.unwrap().studies[0].design, Design::Unknown);
}

#[test]
fn the_template_reads_without_errors() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/www/template.csv")).unwrap();
    let (ds, warnings) = ok(&bytes);
    assert_eq!(ds.studies.len(), 3);
    assert!(ds.studies.iter().all(|s| s.label.contains("made-up")));
    assert!(ds.studies.iter().all(|s| s.design == Design::Rct));
    let outcomes: usize = ds.studies.iter().map(|s| s.outcomes.len()).sum();
    assert_eq!(outcomes, 5);
    assert!(matches!(
        ds.studies[0].outcomes[1].data,
        Some(EffectData::Means(_))
    ));
    // Its headers are the known names: an editor who starts from it gets no notes at all.
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn more_spellings_from_the_readme() {
    let column = |header: &str| -> Option<String> {
        // The header beside a study column: how was it read?
        let p = parse_csv(format!("study,\"{header}\"\nA,1\n").as_bytes());
        p.warnings.iter().find_map(|w| {
            w.message()
                .strip_prefix(&format!("read \"{header}\" as "))
                .map(|rest| rest.split(' ').next().unwrap().to_string())
        })
    };
    for (header, expected) in [
        ("No. of patients, intervention group", "n1i"),
        ("Total (control)", "n2i"),
        ("SD control", "sd2i"),
        ("Control group mean", "m2i"),
        ("TE", "yi"),
        ("seTE", "sei"),
        ("LCI", "ci_lb"),
        ("UCI", "ci_ub"),
        ("95% CI (upper)", "ci_ub"),
        ("log OR", "yi"),
        ("Risk ratio", "estimate"),
        ("Study design", "design"),
        ("Effect measure", "measure"),
        ("Endpoint", "outcome"),
    ] {
        assert_eq!(column(header).as_deref(), Some(expected), "{header}");
    }
    // Words that do not say an arm and a number are extra columns.
    for header in [
        "Events",
        "Total",
        "Non-events (treatment)",
        "Standard error control",
        "Low",
    ] {
        assert_eq!(column(header), None, "{header}");
    }
}

/// `text` as UTF-16 with its byte-order mark, little- or big-endian.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(match big_endian {
            true => unit.to_be_bytes(),
            false => unit.to_le_bytes(),
        });
    }
    bytes
}

#[test]
fn utf16_with_its_mark_is_read_as_excels_unicode_text() {
    // Excel's "Unicode Text": UTF-16 little-endian with a mark, separated by tabs.
    let text = "Study\tYear\tyi\tvi\r\nSéguin 𝛼\t2019\t0,1\t0,04\r\nMüller\t2020\t0,2\t0,05\r\n";
    let utf8 = parse_csv(text.as_bytes());
    for big_endian in [false, true] {
        let bytes = utf16(text, big_endian);
        let (ds, warnings) = ok(&bytes);
        assert_eq!(ds.studies[0].id, "Séguin 𝛼");
        assert_eq!(Some(ds), utf8.dataset);
        assert_eq!(msgs(&warnings), msgs(&utf8.warnings));
        // Read a chunk at a time (the CLI's `analyze`), the same studies.
        let mut studies = Vec::new();
        let whole = read_chunks(
            std::io::Cursor::new(&bytes),
            &CsvOptions::default(),
            1,
            &mut |p| studies.extend(p.dataset.unwrap().studies),
        );
        assert!(whole.errors.is_empty(), "{:?}", whole.errors);
        assert_eq!(studies, utf8.dataset.clone().unwrap().studies);
    }
    // Cut off in the middle of a character, or a lone surrogate after a character that takes two
    // units: said, with the byte where (the mark counted).
    let broken = |at: usize| {
        format!("the file is UTF-16 text that is not valid at byte {at}; save the spreadsheet again as \"CSV UTF-8\"")
    };
    let mut cut = utf16("study,yi\na,1", false);
    cut.pop();
    assert_eq!(msgs(&parse_csv(&cut).errors), [broken(cut.len() - 1)]);
    let mut lone = utf16("study\n𝛼", false);
    let at = lone.len();
    lone.extend(0xD800u16.to_le_bytes());
    lone.extend(u16::from(b'x').to_le_bytes());
    assert_eq!(msgs(&parse_csv(&lone).errors), [broken(at)]);
}

#[test]
fn a_workbook_is_told_to_be_saved_as_csv() {
    // The first bytes of each kind, as the files begin (the zip's first part names the workbook's).
    let xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml\x00\x01xl/workbook.xml\x00";
    let ods = b"PK\x03\x04\x14\x00\x00\x08\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK\x00";
    let xls = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00\x00\x00\x00\x00\x00";
    for (bytes, kind) in [
        (&xlsx[..], "an Excel workbook (.xlsx)"),
        (&ods[..], "an OpenDocument spreadsheet (.ods)"),
        (&xls[..], "an Excel 97-2003 workbook (.xls)"),
    ] {
        let said = format!("this is {kind}, not a table saved as text: in the spreadsheet program choose \"Save as\" (or \"Download\") and \"CSV UTF-8\", then use that file");
        assert_eq!(msgs(&parse_csv(bytes).errors), std::slice::from_ref(&said));
        let chunked = read_chunks(
            std::io::Cursor::new(bytes),
            &CsvOptions::default(),
            10,
            &mut |_| {},
        );
        assert_eq!(msgs(&chunked.errors), [said]);
    }
    // Another zip archive is no workbook: its bytes are said as they are.
    let zip = parse_csv(b"PK\x03\x04\x14\x00\x00\x00data.txt\x00\xff\x00");
    assert!(
        msgs(&zip.errors)[0].starts_with("input is not valid UTF-8"),
        "{:?}",
        zip.errors
    );
}

#[test]
fn a_misspelt_header_is_said_with_the_name_it_nearly_spells() {
    let p = parse_csv(b"Study,Dsign,Experimntal cases,Experimental N,Control cases,Control N,Dose,Note\nA,rct,3,20,5,21,1,x\nB,rct,4,25,9,24,2,y\n");
    assert_eq!(
        msgs(&p.errors),
        ["row 1: missing column \"Experimental cases\" (ai: events in the treatment group), needed for counts: 2 rows left out (2–3)"]
    );
    let kept = "is not a column the chart knows, so it is kept as an extra fact about each study";
    has(
        &p.warnings,
        &format!("row 1: \"Experimntal cases\" {kept}: is it \"Experimental cases\", misspelt?"),
    );
    has(
        &p.warnings,
        &format!("row 1: \"Dsign\" {kept}: is it \"design\", misspelt?"),
    );
    // An extra column's own short name is not taken for a known one ("doi", "nct"), nor another
    // statistic of an arm for the one the template names ("Control SE" is no "Control SD").
    let about = |h: &str| {
        msgs(&p.warnings)
            .iter()
            .any(|w| w.contains(&format!("\"{h}\" {kept}")))
    };
    assert!(!about("Dose") && !about("Note"), "{:?}", p.warnings);
    let others = [
        "Control SE",
        "Control SEM",
        "Control median",
        "Control %",
        "Control",
        "Experimental IQR",
    ];
    for header in others {
        let p = parse_csv(format!("Study,yi,vi,{header}\nA,0.1,0.04,1\n").as_bytes());
        assert!(
            !msgs(&p.warnings).iter().any(|w| w.contains("misspelt")),
            "{header}: {:?}",
            p.warnings
        );
    }
}

#[test]
fn spreadsheet_words_for_a_design_or_a_direction_are_read() {
    let csv = "Study,Design,Outcome,Better,yi,vi\nA,Randomised controlled trial,Relapse,Lower is better,0.1,0.04\nB,randomized,Relapse,fewer,0.2,0.05\nC,Case series,Relapse,Higher is better,0.1,0.1\nD,Cohort study,Relapse,lower,0.1,0.1\n";
    let (ds, _) = ok(csv.as_bytes());
    let designs: Vec<Design> = ds.studies.iter().map(|s| s.design).collect();
    assert_eq!(
        designs,
        [Design::Rct, Design::Rct, Design::CaseSeries, Design::Cohort]
    );
    let better: Vec<Better> = ds.studies.iter().map(|s| s.outcomes[0].better).collect();
    assert_eq!(
        better,
        [Better::Lower, Better::Lower, Better::Higher, Better::Lower]
    );
    // Words that say nothing known are still an error naming the allowed names, and a crossover
    // that does not say it was randomised is not taken for a randomised one.
    for design in ["pilot", "crossover"] {
        let p = parse_csv(format!("Study,Design,yi,vi\nA,{design},0.1,0.04\n").as_bytes());
        let said = format!("unknown design \"{design}\"; expected one of rct");
        assert!(msgs(&p.errors)[0].contains(&said), "{:?}", p.errors);
    }
    let (ds, _) = ok(
        b"Study,Design,yi,vi\nA,Randomised crossover trial,0.1,0.04\nB,crossover RCT,0.1,0.04\n",
    );
    assert!(ds.studies.iter().all(|s| s.design == Design::CrossoverRct));
    // A percentage where a count belongs says what to write.
    let p = parse_csv(b"Study,ai,n1i,ci,n2i\nA,12%,20,5,21\nB,4,25,9,24\n");
    has(
        &p.errors,
        "row 2, column ai: \"12%\" is not a count: write the number of people, not a percentage",
    );
}

/// Mistakes an editor's table makes that the reader used to take in silence.
#[test]
fn a_totals_row_is_left_out_and_said() {
    // RevMan's own table ends with "Total (95% CI)": read as a study, its people were counted
    // twice and the pooled interval narrowed.
    let table = b"Study,Outcome,Experimental cases,Experimental N,Control cases,Control N\n\
        Trial A,Relapse,12,100,21,98\n\
        Trial B,Relapse,9,75,15,77\n\
        Total (95% CI),Relapse,21,175,36,175\n\
        Sous-total,Relapse,21,175,36,175\n";
    let p = parse_csv(table);
    assert!(p.errors.is_empty(), "{:?}", msgs(&p.errors));
    has(
        &p.warnings,
        "row 4, column study: \"Total (95% CI)\" reads as a row of totals, not a study: left out, so that its people are not counted twice; if it is a study, give it a name of its own",
    );
    has(&p.warnings, "row 5, column study: \"Sous-total\" reads as a row of totals, not a study: left out, so that its people are not counted twice; if it is a study, give it a name of its own");
    let ids: Vec<String> = p
        .dataset
        .unwrap()
        .studies
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["Trial A", "Trial B"]);
    // A study whose name only contains the word keeps it.
    let (ds, _) = ok(b"Study,yi,vi\nTotal Trial Group 2001,0.1,0.01\nOverall,0.2,0.02\n");
    let ids: Vec<&str> = ds.studies.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["Total Trial Group 2001"],
        "only a name that is a totals label is left out"
    );
}

#[test]
fn an_empty_outcome_among_named_ones_is_an_error_at_its_cell() {
    let table = b"Study,Outcome,Experimental cases,Experimental N,Control cases,Control N\n\
        Trial A,Relapse,12,100,21,98\n\
        Trial B,,9,75,15,77\n\
        Trial C,Relapse,20,160,31,158\n";
    let p = parse_csv(table);
    assert_eq!(
        msgs(&p.errors),
        ["row 3, column outcome: empty, but the table's other rows name their outcome: write this row's (such as \"Relapse\"); the row was left out, where it would have been an outcome of its own"]
    );
    let ds = p.dataset.unwrap();
    let ids: Vec<&str> = ds.studies.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["Trial A", "Trial C"],
        "no outcome \"main\" is made up"
    );
    // A table whose outcome column is empty throughout is about one outcome, as before.
    let (ds, _) = ok(b"Study,Outcome,yi,vi\na,,0.1,0.01\nb,,0.2,0.02\n");
    assert_eq!(ds.studies.len(), 2);
}

#[test]
fn an_estimate_with_its_interval_in_one_cell_is_said_with_what_to_do() {
    let table = "Study,Design,Outcome,HR (95% CI)\n\
        Trial A,rct,Relapse,0.80 (0.60-1.05)\n\
        Trial B,rct,Relapse,\"0,70 [0,50; 0,98]\"\n\
        Trial C,rct,Relapse,0.9 (0.7 to 1.2)\n";
    let p = parse_csv(table.as_bytes());
    assert_eq!(
        msgs(&p.errors),
        ["row 2, column HR (95% CI): \"0.80 (0.60-1.05)\" is an estimate and its interval in one cell, which the chart cannot read: give each number a column of its own, such as \"HR\", \"Lower\" and \"Upper\" (see the template)"],
        "said once for the column, at its first cell"
    );
    // Words in brackets are an extra fact, not numbers run together.
    let p = parse_csv(b"Study,Note\na,0.8 (see text)\n");
    assert!(p.errors.is_empty(), "{:?}", msgs(&p.errors));
    let p = parse_csv(b"Study,Setting\na,0.8 (0.6-1.0)\n");
    assert_eq!(p.errors.len(), 1, "{:?}", msgs(&p.errors));
}

/// A typographic minus (U+2212), as papers and the charts themselves print it, is a minus.
#[test]
fn a_typographic_minus_is_a_minus() {
    let (ds, _) = ok("Study,yi,vi\na,\u{2212}0.5,0.04\n".as_bytes());
    match ds.studies[0].outcomes[0].data.clone() {
        Some(EffectData::Generic(g)) => assert_eq!(g.yi, -0.5),
        other => panic!("{other:?}"),
    }
    // Still not a number where the rest is not one.
    let p = parse_csv("Study,yi,vi\na,\u{2212}x,0.04\n".as_bytes());
    assert_eq!(p.errors.len(), 1, "{:?}", msgs(&p.errors));
}

/// An outcome written two ways is said to be two outcomes, which are not pooled together: names
/// alike but for case or a plural, and one outcome better lower in a row and higher in another.
#[test]
fn outcomes_written_two_ways_are_said() {
    let table =
        b"Study,Design,Outcome,Better,Experimental cases,Experimental N,Control cases,Control N\n\
        Trial A,rct,Relapse,lower,12,100,21,98\n\
        Trial B,rct,relapse,lower,9,75,15,77\n\
        Trial C,rct,Relapses,higher,20,160,31,158\n\
        Trial D,rct,Relapse,higher,20,160,31,158\n\
        Trial E,rct,Relapse,higher,20,160,31,158\n\
        Trial F,rct,Death,lower,1,160,3,158\n";
    let (_, warnings) = ok(table);
    let said = msgs(&warnings);
    assert_eq!(
        said,
        [
            "row 3, column outcome: \"relapse\" and \"Relapse\" (row 2) are read as two outcomes, whose studies are not pooled together: if they are one, spell them the same",
            "row 4, column outcome: \"Relapses\" and \"Relapse\" (row 2) are read as two outcomes, whose studies are not pooled together: if they are one, spell them the same",
            "row 5, column better: \"Relapse\" is better lower in one of row 2 and this row and higher in the other: its studies are drawn in two panels and not pooled together; give every row of an outcome the same direction",
        ],
        "each pair once, and nothing about outcomes written one way"
    );
}

/// Headers in Spanish and French, the widget's other languages, are read for names and numbers.
#[test]
fn spanish_and_french_headers_are_read() {
    let (es, said) = ok("Estudio,Año,Diseño,Resultado,Mejor,Eventos tratamiento,Total tratamiento,Eventos control,Total control\n\
         Ensayo A,2018,ECA,Recaída,menor es mejor,12,100,21,98\n"
        .as_bytes());
    has(
        &said,
        "row 1: read \"Eventos control\" as ci (events in the control group)",
    );
    let (fr, _) = ok("Étude;Année;Type d'étude;Critère;Meilleur;Événements traitement;Effectif traitement;Événements témoin;Effectif témoin\n\
         Essai A;2018;Série de cas;Rechute;plus bas;12;100;21;98\n"
        .as_bytes());
    assert_eq!(es.studies[0].design, Design::Rct);
    assert_eq!(fr.studies[0].design, Design::CaseSeries);
    for (ds, name, outcome) in [(&es, "Ensayo A", "Recaída"), (&fr, "Essai A", "Rechute")] {
        let s = &ds.studies[0];
        assert_eq!(
            (s.id.as_str(), s.year, s.outcomes[0].id.as_str()),
            (name, Some(2018), outcome)
        );
        assert_eq!(counts(ds, 0), Counts::totals(Measure::Rr, 12, 100, 21, 98));
        assert_eq!(s.outcomes[0].better, Better::Lower);
    }
}
