//! Importing the reference review (meta's "Examples from Fleiss 1993") from its RevMan 5 file and
//! its Cochrane data package, and redoing its analyses: every result RevMan stored in them —
//! pooled effect, CI, tau², chi², I², Z and P, each study's effect, CI, SE and weight — comes back
//! to the digits it was stored with. The `.rm5` stores full doubles (we agree to 1e-12 relative;
//! RevMan's own p-values are approximations, good to about 1e-7 for chi² and 1e-10 for Z); the
//! data package rounds to 6 decimals, and its forest plots (SVG) print 2.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;

use evidence_lens::i18n::Lang;
use evidence_lens::import::{self, FormatReason, ImportError};
use evidence_lens::model::{parse_json, Dataset, EffectModel, PoolMethod, Stored};
use evidence_lens::stats::revman::{report, revman, studies_of, RevmanOptions, RevmanReport};

fn data(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name),
    )
    .unwrap()
}

fn rm5() -> Dataset {
    import::from_rm5(&data("fleiss1993.rm5")).unwrap().dataset
}

fn package() -> Dataset {
    import::from_data_package(&data("fleiss1993-data-package.zip"))
        .unwrap()
        .dataset
}

/// Redoes an outcome's analysis with its own settings, as `analyze` does.
fn redo(d: &Dataset, outcome: &str) -> (RevmanReport, Stored) {
    let input = studies_of(d, outcome, None).unwrap();
    let a = input.analysis.clone().unwrap();
    let opts = RevmanOptions {
        method: a.method,
        model: a.model,
        level: a.level,
        study_level: a.study_level,
        ..RevmanOptions::for_measure(a.measure.unwrap_or(input.measure))
    };
    let analysis = revman(&input.studies, opts).unwrap();
    (report(&analysis, None, vec![]), a.stored.unwrap())
}

/// How close a value must be to what was stored: `tol(stored)` is the allowed difference.
fn agree(what: &str, ours: f64, stored: f64, tol: f64) {
    assert!(
        (ours - stored).abs() <= tol,
        "{what}: ours {ours}, stored {stored} (allowed {tol})"
    );
}

fn full(x: f64) -> f64 {
    1e-12 * x.abs().max(1e-3)
}

/// Every stored value of the pooled result and each study of `outcome`, with `tol` for numbers,
/// `ptol` for chi-squared p-values (RevMan's are approximate).
fn check_stored(d: &Dataset, outcome: &str, tol: &dyn Fn(f64) -> f64, ptol: f64) -> usize {
    let (r, s) = redo(d, outcome);
    let exp = r.exp.as_ref().unwrap();
    let mut checked = 0;
    let mut check = |what: &str, ours: Option<f64>, stored: Option<f64>, t: f64| {
        if let Some(stored) = stored {
            agree(what, ours.unwrap(), stored, t);
            checked += 1;
        }
    };
    check(
        "estimate",
        exp.estimate,
        s.estimate,
        tol(s.estimate.unwrap()),
    );
    check("ci_lb", exp.ci_lb, s.ci_lb, tol(s.ci_lb.unwrap()));
    check("ci_ub", exp.ci_ub, s.ci_ub, tol(s.ci_ub.unwrap()));
    check("tau2", r.tau2, s.tau2, tol(0.0));
    check("Q", r.q, s.q, tol(s.q.unwrap()));
    check("Q_pval", r.q_pval, s.q_pval, ptol);
    check("I2", r.i2, s.i2, tol(s.i2.unwrap()));
    // RevMan stores |Z|.
    check(
        "zval",
        r.inference.zval.map(f64::abs),
        s.zval,
        tol(s.zval.unwrap()),
    );
    check(
        "pval",
        r.inference.pval,
        s.pval,
        tol(s.pval.unwrap()).max(1e-10 * s.pval.unwrap()),
    );
    assert_eq!(Some(r.q_df as u32), s.q_df);
    let rows: Vec<_> = d
        .studies
        .iter()
        .flat_map(|st| st.outcomes.iter().filter(|o| o.id == outcome))
        .map(|o| o.stored.clone().unwrap())
        .collect();
    assert_eq!(rows.len(), r.studies.len());
    for (row, s) in r.studies.iter().zip(rows) {
        let e = |x: Option<f64>| x.map(f64::exp);
        let w = &row.study;
        check(
            &format!("{w} effect"),
            e(row.yi),
            s.estimate,
            tol(s.estimate.unwrap()),
        );
        check(
            &format!("{w} ci_lb"),
            e(row.ci_lb),
            s.ci_lb,
            tol(s.ci_lb.unwrap()),
        );
        check(
            &format!("{w} ci_ub"),
            e(row.ci_ub),
            s.ci_ub,
            tol(s.ci_ub.unwrap()),
        );
        check(
            &format!("{w} se"),
            row.vi.map(f64::sqrt),
            s.se,
            tol(s.se.unwrap_or(0.0)),
        );
        check(
            &format!("{w} weight"),
            Some(row.weight),
            s.weight,
            tol(s.weight.unwrap()),
        );
    }
    checked
}

#[test]
fn the_rm5_files_stored_results_are_reproduced_to_full_precision() {
    let d = rm5();
    // Anchors: the importer read the file's numbers, not ours.
    let a = d.studies[0].outcomes[0].analysis.clone().unwrap();
    assert_eq!(
        a.stored.as_ref().unwrap().estimate,
        Some(0.8968655609130709)
    );
    assert_eq!(a.stored.as_ref().unwrap().q, Some(9.946055983220074));
    assert_eq!((a.method, a.model), (PoolMethod::Mh, EffectModel::Fixed));
    let n = check_stored(&d, "CMP-001.01", &full, 1e-6);
    // 9 pooled values and 5 per study for 7 studies.
    assert_eq!(n, 9 + 7 * 5);
}

#[test]
fn the_data_packages_stored_results_are_reproduced_to_six_decimals() {
    let n = check_stored(&package(), "CMP-001.01", &|_| 5e-7 + 1e-12, 5e-7);
    // The package has no tau² for a fixed-effect analysis and no SE per study.
    assert_eq!(n, 8 + 7 * 4);
}

#[test]
fn both_formats_give_the_same_studies_data_and_settings() {
    let (a, b) = (rm5(), package());
    let key = |d: &Dataset| {
        let mut v: Vec<_> = d
            .studies
            .iter()
            .flat_map(|s| {
                s.outcomes
                    .iter()
                    .map(move |o| (o.id.clone(), s.id.clone(), s.year, o.data.clone()))
            })
            .collect();
        v.sort_by(|x, y| (&x.0, &x.1).cmp(&(&y.0, &y.1)));
        v
    };
    assert_eq!(key(&a), key(&b));
    let ids: Vec<_> = a.studies.iter().map(|s| s.id.as_str()).collect();
    assert!(ids.contains(&"ISIS-2"), "{ids:?}"); // STD-ISIS_x002d_2
    let isis = a.study("ISIS-2").unwrap();
    assert_eq!(isis.intervention.therapy, "Aspirin");
    assert_eq!(isis.comparator.as_deref(), Some("Control"));
    assert_eq!(isis.year, Some(1988));
    let davis = a.study("Davis").unwrap();
    assert_eq!(davis.intervention.therapy, "Mental Health Treatment");
    assert_eq!(a.title.as_deref(), Some("Examples from Fleiss 1993"));
}

/// JSON values equal but for the last bit of a float (the reader's number parsing is not
/// correctly rounded in the 17th digit).
fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value::*;
    match (a, b) {
        (Number(x), Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            (x - y).abs() <= 1e-15 * x.abs().max(y.abs())
        }
        (Array(x), Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Object(x), Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn imported_datasets_validate_and_read_back_unchanged() {
    for d in [rm5(), package()] {
        let json = d.to_json_pretty();
        let back = parse_json(json.as_bytes());
        assert!(back.errors.is_empty(), "{:?}", back.errors);
        assert!(back.warnings.is_empty(), "{:?}", back.warnings);
        let again = serde_json::to_value(back.dataset.unwrap()).unwrap();
        assert!(same(&serde_json::to_value(&d).unwrap(), &again));
    }
}

/// The texts of a forest plot SVG in the data package.
fn svg_texts(name_end: &str) -> Vec<String> {
    let bytes = data("fleiss1993-data-package.zip");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let name = zip
        .file_names()
        .find(|n| n.ends_with(name_end))
        .unwrap()
        .to_string();
    let mut svg = String::new();
    zip.by_name(&name)
        .unwrap()
        .read_to_string(&mut svg)
        .unwrap();
    svg.split('>')
        .filter_map(|p| p.split('<').next())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| t.replace("&lt;", "<").replace("&gt;", ">"))
        .collect()
}

fn two(x: f64) -> String {
    format!("{x:.2}")
}

fn forest_texts(r: &RevmanReport, ratio: bool) -> Vec<String> {
    let nat = |x: Option<f64>| {
        let x = x.unwrap();
        if ratio {
            x.exp()
        } else {
            x
        }
    };
    let mut want = vec![format!(
        "{} [{} , {}]",
        two(nat(r.inference.estimate)),
        two(nat(r.inference.ci_lb)),
        two(nat(r.inference.ci_ub))
    )];
    for s in &r.studies {
        want.push(format!(
            "{} [{} , {}]",
            two(nat(s.yi)),
            two(nat(s.ci_lb)),
            two(nat(s.ci_ub))
        ));
        want.push(format!("{:.1}%", s.weight));
    }
    want.push(format!(
        "Heterogeneity: Chi² = {}, df = {} (P = {}); I² = {:.0}%",
        two(r.q.unwrap()),
        r.q_df,
        two(r.q_pval.unwrap()),
        r.i2.unwrap()
    ));
    want
}

#[test]
fn the_forest_plots_in_the_data_package_print_our_numbers() {
    let texts = svg_texts("-CMP-001.01.svg");
    let (r, _) = redo(&package(), "CMP-001.01");
    let mut want = forest_texts(&r, true);
    want.push(format!(
        "Test for overall effect: Z = {} (P = {:.3})",
        two(r.inference.zval.unwrap().abs()),
        r.inference.pval.unwrap()
    ));
    for w in want {
        assert!(texts.contains(&w), "{w:?} not in {texts:?}");
    }
}

/// The package's second plot shows a mean difference (the review's settings say SMD but nothing
/// was computed for it, and RevMan's CSV export of the same review has MD): redone with MD, our
/// numbers are the plot's.
#[test]
fn the_mental_health_forest_plot_is_a_mean_difference_we_reproduce() {
    let d = package();
    let input = studies_of(&d, "CMP-001.02", None).unwrap();
    assert!(input.analysis.as_ref().unwrap().stored.is_none());
    let opts = RevmanOptions::for_measure(evidence_lens::model::Measure::Md);
    let r = report(&revman(&input.studies, opts).unwrap(), None, vec![]);
    let texts = svg_texts("-CMP-001.02.svg");
    let mut want = forest_texts(&r, false);
    want.push(format!(
        "Test for overall effect: Z = {} (P = {:.2})",
        two(r.inference.zval.unwrap().abs()),
        r.inference.pval.unwrap()
    ));
    for w in want {
        assert!(texts.contains(&w), "{w:?} not in {texts:?}");
    }
}

/// A small review written here: subgroups, a study without events, swapped events, a generic
/// inverse-variance analysis on the log scale, an O−E analysis, a study in two comparisons.
const SMALL_RM5: &str = r#"<?xml version="1.0" encoding="ISO-8859-1" standalone="no"?>
<COCHRANE_REVIEW DOI="10.1002/14651858.CD000001.pub2" TYPE="INTERVENTION" REVMAN_SUB_VERSION="5.4.1">
<COVER_SHEET><TITLE>Caf&#233; for sleep</TITLE>
<DATES><UP_TO_DATE><DATE DAY="3" MONTH="4" YEAR="2019"/></UP_TO_DATE></DATES></COVER_SHEET>
<STUDIES_AND_REFERENCES><STUDIES><INCLUDED_STUDIES>
<STUDY ID="STD-A_x0020_2001" NAME="A 2001" YEAR="2001"><REFERENCE PRIMARY="YES"><AU>Smith J</AU><TI>A trial</TI><SO>J Sleep</SO><YR>2001</YR><VL>3</VL><PG>1-9</PG>
<IDENTIFIERS><IDENTIFIER TYPE="DOI" VALUE="10.1/a"/></IDENTIFIERS></REFERENCE></STUDY>
<STUDY ID="STD-B" NAME="B 2005" YEAR="2005"/>
<STUDY ID="STD-C" NAME="C 2010" YEAR="2010"/>
</INCLUDED_STUDIES></STUDIES></STUDIES_AND_REFERENCES>
<CHARACTERISTICS_OF_STUDIES><CHARACTERISTICS_OF_INCLUDED_STUDIES>
<INCLUDED_CHAR STUDY_ID="STD-A_x0020_2001"><CHAR_METHODS><P>Cross-over trial</P></CHAR_METHODS></INCLUDED_CHAR>
<INCLUDED_CHAR STUDY_ID="STD-B"><CHAR_METHODS><P>Quasi-randomised</P></CHAR_METHODS></INCLUDED_CHAR>
</CHARACTERISTICS_OF_INCLUDED_STUDIES></CHARACTERISTICS_OF_STUDIES>
<QUALITY_ITEMS>
<QUALITY_ITEM CORE_ITEM="YES" ID="QIT-01" LEVEL="STUDY" NO="1"><NAME>Allocation concealment?</NAME>
<QUALITY_ITEM_DATA>
<QUALITY_ITEM_DATA_ENTRY RESULT="NO" STUDY_ID="STD-A_x0020_2001"><DESCRIPTION><P>Alternation by clinic day</P></DESCRIPTION></QUALITY_ITEM_DATA_ENTRY>
<QUALITY_ITEM_DATA_ENTRY RESULT="YES" STUDY_ID="STD-B"><DESCRIPTION><P>Central telephone</P></DESCRIPTION></QUALITY_ITEM_DATA_ENTRY>
<QUALITY_ITEM_DATA_ENTRY RESULT="UNKNOWN" STUDY_ID="STD-C"><DESCRIPTION/></QUALITY_ITEM_DATA_ENTRY>
</QUALITY_ITEM_DATA></QUALITY_ITEM>
<QUALITY_ITEM CORE_ITEM="YES" ID="QIT-02" LEVEL="STUDY" NO="2"><NAME>Incomplete outcome data</NAME>
<QUALITY_ITEM_DATA>
<QUALITY_ITEM_DATA_ENTRY RESULT="UNKNOWN" STUDY_ID="STD-B"><DESCRIPTION><P>Dropouts not reported by arm</P></DESCRIPTION></QUALITY_ITEM_DATA_ENTRY>
</QUALITY_ITEM_DATA></QUALITY_ITEM>
<QUALITY_ITEM CORE_ITEM="YES" ID="QIT-03" LEVEL="GROUP" NO="3"><NAME>Blinding of outcome assessment</NAME>
<QUALITY_ITEM_DATA>
<QUALITY_ITEM_DATA_ENTRY GROUP_ID="QIG-01" RESULT="NO" STUDY_ID="STD-C"><DESCRIPTION><P>Open</P></DESCRIPTION></QUALITY_ITEM_DATA_ENTRY>
</QUALITY_ITEM_DATA></QUALITY_ITEM>
</QUALITY_ITEMS>
<ANALYSES_AND_DATA>
<COMPARISON ID="CMP-001" NO="1"><NAME>Coffee versus tea</NAME>
<DICH_OUTCOME ID="CMP-001.01" NO="1" METHOD="MH" EFFECT_MEASURE="RR" RANDOM="YES" CI_STUDY="95" CI_TOTAL="99" SWAP_EVENTS="YES" SUBGROUPS="YES" Q="1.5" P_Q="0.22" I2_Q="33.3">
<NAME>Awake at night</NAME><GROUP_LABEL_1>Coffee</GROUP_LABEL_1><GROUP_LABEL_2>Tea</GROUP_LABEL_2>
<GRAPH_LABEL_1>Favours tea</GRAPH_LABEL_1><GRAPH_LABEL_2>Favours experimental</GRAPH_LABEL_2>
<DICH_SUBGROUP NO="1" CHI2="0.0" DF="0" EFFECT_SIZE="0.5" CI_START="0.2" CI_END="0.9"><NAME>Adults</NAME>
<DICH_DATA STUDY_ID="STD-A_x0020_2001" EVENTS_1="8" TOTAL_1="10" EVENTS_2="5" TOTAL_2="10"/>
<DICH_DATA STUDY_ID="STD-C" EVENTS_1="10" TOTAL_1="10" EVENTS_2="12" TOTAL_2="12"/>
</DICH_SUBGROUP>
<DICH_SUBGROUP NO="2"><NAME>Children</NAME>
<DICH_DATA STUDY_ID="STD-B" EVENTS_1="20" TOTAL_1="30" EVENTS_2="10" TOTAL_2="30"/>
<DICH_DATA STUDY_ID="STD-A_x0020_2001" EVENTS_1="9" TOTAL_1="12" EVENTS_2="8" TOTAL_2="12"/>
</DICH_SUBGROUP>
</DICH_OUTCOME>
<IV_OUTCOME ID="CMP-001.02" NO="2" LOG_DATA="YES" METHOD="IV" RANDOM="NO">
<NAME>Adverse events</NAME><EFFECT_MEASURE>Hazard Ratio</EFFECT_MEASURE>
<IV_DATA STUDY_ID="STD-B" EFFECT_SIZE="0.8" SE="0.2"/>
<IV_DATA STUDY_ID="STD-C" EFFECT_SIZE="" SE=""/>
</IV_OUTCOME>
<OTHER_OUTCOME ID="CMP-001.03" NO="3"><NAME>Notes</NAME></OTHER_OUTCOME>
</COMPARISON>
<COMPARISON ID="CMP-002" NO="2"><NAME>Coffee vs. water</NAME>
<IPD_OUTCOME ID="CMP-002.01" NO="1" METHOD="EXP_O_E_VAR"><NAME>Time to sleep</NAME><EFFECT_MEASURE>Hazard Ratio</EFFECT_MEASURE>
<IPD_DATA STUDY_ID="STD-B" O_E="-2.5" VAR="10"/>
<IPD_DATA STUDY_ID="STD-C" O_E="1.0" VAR="4"/>
</IPD_OUTCOME>
</COMPARISON>
</ANALYSES_AND_DATA></COCHRANE_REVIEW>"#;

#[test]
fn a_small_review_with_subgroups_and_every_data_type() {
    let imported = import::from_rm5(SMALL_RM5.as_bytes()).unwrap();
    let d = &imported.dataset;
    assert_eq!(d.title.as_deref(), Some("Café for sleep"));
    assert!(d
        .description
        .as_deref()
        .unwrap()
        .contains("up to date 2019-04-03"));
    assert!(imported
        .notes(Lang::En)
        .iter()
        .any(|w| w.contains("CMP-001.03")));
    assert!(
        imported
            .notes(Lang::En)
            .iter()
            .any(|w| w.contains("CMP-001.02")),
        "{:?}",
        imported.warnings
    );
    // A row RevMan could not estimate: the study is kept, and the analysis named by its name too.
    let notes = imported.notes(Lang::En);
    let not_estimable = (notes.iter())
        .find(|w| {
            w.ends_with(
                "the study is kept, without numbers for this analysis (RevMan: not estimable)",
            )
        })
        .expect("a row without numbers");
    assert_eq!(not_estimable, "C 2010 in CMP-001.02 (Adverse events): no data were entered; the study is kept, without numbers for this analysis (RevMan: not estimable)");
    // Readers are told why too, in each language (it was once an empty text: the reason was not
    // the catalogue's).
    let reported = (d.studies.iter())
        .flat_map(|s| &s.outcomes)
        .find(|o| o.id == "CMP-001.02" && o.data.is_none())
        .and_then(|o| o.reported.as_ref())
        .expect("the row without numbers says why");
    assert_eq!(
        reported.as_str(),
        "Not estimable in the review: no data were entered."
    );
    assert_eq!(
        reported.get("es"),
        "No estimable en la revisión: no se introdujeron datos."
    );
    let back = parse_json(d.to_json_pretty().as_bytes());
    assert!(back.errors.is_empty(), "{:?}", back.errors);

    // "A 2001" is in two subgroups of CMP-001.01: a second study holds its second row; B and C
    // are in both comparisons, so their ids name the comparison.
    let ids: Vec<&str> = d.studies.iter().map(|s| s.id.as_str()).collect();
    assert!(
        ids.contains(&"A 2001") && ids.contains(&"A 2001 #2"),
        "{ids:?}"
    );
    assert!(
        ids.contains(&"B [CMP-001]") && ids.contains(&"B [CMP-002]"),
        "{ids:?}"
    );
    let a = d.study("A 2001").unwrap();
    assert_eq!(a.design, evidence_lens::model::Design::CrossoverRct);
    // The risk-of-bias table: "No" is high risk, "Yes" low; an unclear judgement without support
    // is not in the published table, so not here; an item judged per outcome group is left out.
    let rob = |id: &str| {
        d.study(id)
            .unwrap()
            .risk_of_bias
            .iter()
            .map(|b| {
                (
                    b.domain.get("en").to_string(),
                    b.judgement,
                    b.support.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    use evidence_lens::model::Judgement;
    assert_eq!(
        rob("A 2001"),
        [(
            "Allocation concealment".to_string(),
            Judgement::High,
            Some("Alternation by clinic day".to_string())
        )]
    );
    assert_eq!(rob("A 2001 #2"), rob("A 2001"));
    assert_eq!(
        rob("B [CMP-001]"),
        [
            (
                "Allocation concealment".to_string(),
                Judgement::Low,
                Some("Central telephone".to_string())
            ),
            (
                "Incomplete outcome data".to_string(),
                Judgement::Unclear,
                Some("Dropouts not reported by arm".to_string())
            )
        ]
    );
    assert_eq!(rob("C [CMP-001]"), []);
    assert!(
        imported
            .notes(Lang::En)
            .iter()
            .any(|w| w.contains("\"Blinding of outcome assessment\" is judged per outcome group")),
        "{:?}",
        imported.warnings
    );
    assert_eq!(a.citation.doi.as_deref(), Some("10.1/a"));
    assert!(
        a.citation
            .text
            .starts_with("Smith J. A trial. J Sleep 2001;3:1-9"),
        "{}",
        a.citation.text
    );
    assert_eq!(a.intervention.therapy, "Coffee");
    assert_eq!(a.comparator.as_deref(), Some("tea"));
    assert_eq!(
        d.study("B [CMP-002]").unwrap().intervention.therapy,
        "Coffee"
    );
    assert_eq!(
        d.study("B [CMP-002]").unwrap().comparator.as_deref(),
        Some("water")
    );
    assert_eq!(
        d.study("B [CMP-001]").unwrap().design,
        evidence_lens::model::Design::NonRandomisedControlled
    );
    // No design in the Methods text: unknown, not taken to be randomised, with a caveat saying so.
    let c = d.study("C [CMP-001]").unwrap();
    assert_eq!(c.design, evidence_lens::model::Design::Unknown);
    assert!(
        c.caveats[0].contains("not rated as randomised"),
        "{:?}",
        c.caveats
    );

    let o = &a.outcomes[0];
    // Events swapped: 10 - 8 and 10 - 5. The right side favours the experimental arm.
    match o.data.as_ref().unwrap() {
        evidence_lens::model::EffectData::Counts(c) => assert_eq!((c.ai, c.ci), (2, 5)),
        other => panic!("{other:?}"),
    }
    assert_eq!(o.better, evidence_lens::model::Better::Higher);
    let an = o.analysis.as_ref().unwrap();
    assert_eq!(
        (an.method, an.model, an.level),
        (PoolMethod::Mh, EffectModel::Random, 99.0)
    );
    assert_eq!(an.subgroups.len(), 1);
    assert_eq!(an.subgroup_test.as_ref().unwrap().q, Some(1.5));
    assert_eq!(an.date.as_deref(), Some("2019-04-03"));

    // C (all events in both arms, swapped to none) is not estimable for the risk ratio.
    let input = studies_of(d, "CMP-001.01", None).unwrap();
    let opts = RevmanOptions {
        model: EffectModel::Random,
        level: 99.0,
        ..RevmanOptions::for_measure(evidence_lens::model::Measure::Rr)
    };
    let analysis = revman(&input.studies, opts).unwrap();
    assert_eq!(analysis.overall.k, 3);
    assert_eq!(analysis.subgroups.len(), 2);
    assert!(analysis.subgroup_test.is_some());
    let c_row = analysis
        .overall
        .studies
        .iter()
        .find(|r| r.study == "C 2010")
        .unwrap();
    assert!(!c_row.estimable && c_row.weight == 0.0);

    // Generic data on the log scale: yi = ln(0.8); the empty row is kept without data.
    let giv = d
        .study("B [CMP-001]")
        .unwrap()
        .outcomes
        .iter()
        .find(|o| o.id == "CMP-001.02")
        .unwrap();
    match giv.data.as_ref().unwrap() {
        evidence_lens::model::EffectData::Generic(g) => {
            assert!((g.yi - 0.8f64.ln()).abs() < 1e-15);
            assert_eq!(g.sei, Some(0.2));
            assert_eq!(g.measure, evidence_lens::model::Measure::Hr);
        }
        other => panic!("{other:?}"),
    }
    // O−E data pool as Σ(O−E)/ΣV.
    let oe = studies_of(d, "CMP-002.01", None).unwrap();
    assert_eq!(oe.analysis.as_ref().unwrap().method, PoolMethod::Peto);
    let fit = revman(
        &oe.studies,
        RevmanOptions {
            method: PoolMethod::Peto,
            ..RevmanOptions::for_measure(oe.measure)
        },
    )
    .unwrap();
    assert!((fit.overall.estimate - (-1.5 / 14.0)).abs() < 1e-15);
    assert!((fit.overall.se - (1.0f64 / 14.0).sqrt()).abs() < 1e-15);
}

#[test]
fn data_package_csv_files_beside_each_other_import_like_the_zip() {
    let dir = std::env::temp_dir().join(format!("evidence-lens-cdir-{}", std::process::id()));
    let bytes = data("fleiss1993-data-package.zip");
    let mut outer = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let inner_name = outer
        .file_names()
        .find(|n| n.ends_with("-data.zip"))
        .unwrap()
        .to_string();
    let mut inner = Vec::new();
    outer
        .by_name(&inner_name)
        .unwrap()
        .read_to_end(&mut inner)
        .unwrap();
    // The inner zip alone.
    let from_inner = import::from_data_package(&inner).unwrap().dataset;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(inner)).unwrap();
    zip.extract(&dir).unwrap();
    let rows = std::fs::read_dir(dir.join("921923100913455418-analysis-data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("-data-rows.csv"))
        .unwrap();
    let from_csv = import::from_path(&rows).unwrap().dataset;
    // The same studies, data, settings and stored results; only the name the title is taken
    // from differs (the files' prefix, the inner zip's, or the package's folder).
    let rows = |d: &Dataset| {
        d.studies
            .iter()
            .flat_map(|s| {
                s.outcomes.iter().map(move |o| {
                    (
                        s.id.clone(),
                        o.id.clone(),
                        o.data.clone(),
                        o.analysis.clone(),
                        o.stored.clone(),
                    )
                })
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&from_csv), rows(&package()));
    assert_eq!(rows(&from_inner), rows(&package()));
    assert_eq!(from_csv.title.as_deref(), Some("921923100913455418"));
    // As a browser hands them over: the package's CSV files chosen together, by name and content.
    let mut chosen = Vec::new();
    let mut folders = vec![dir.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "csv") {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                chosen.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    assert!(chosen.len() >= 3, "{} CSV files", chosen.len());
    let from_chosen = import::from_named_files(&chosen).unwrap().dataset;
    assert_eq!(rows(&from_chosen), rows(&package()));
    assert_eq!(from_chosen.title.as_deref(), Some("921923100913455418"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The reference review's risk-of-bias table holds one domain, "Unclear" without support in the
/// `.rm5` and "Not applicable" in the data package: no judgement in either, the same dataset.
#[test]
fn the_reference_reviews_risk_of_bias_table_has_no_judgement() {
    assert!(rm5().studies.iter().all(|s| s.risk_of_bias.is_empty()));
    assert!(package().studies.iter().all(|s| s.risk_of_bias.is_empty()));
    // With judgements in the package's table, they are read by study and domain.
    let zip_bytes = data("fleiss1993-data-package.zip");
    let mut files = import::cdir::files_from_zip(&zip_bytes, 0).unwrap();
    files.risk_of_bias = Some(
        "\u{feff}Study,Domain (judgement): Random sequence generation,Domain (support): Random sequence generation,Domain (judgement): Blinding\n\
         AMIS,High risk,Alternate allocation,Some concerns\n\
         CDP,Low risk,,Unclear risk\n"
            .to_string(),
    );
    let d = import::from_files(&files).unwrap().dataset;
    let judged = |name: &str| {
        d.studies
            .iter()
            .filter(|s| s.label.get("en") == name)
            .flat_map(|s| &s.risk_of_bias)
            .map(|b| {
                format!(
                    "{}: {} ({})",
                    b.domain.get("en"),
                    b.judgement,
                    b.support.as_deref().unwrap_or("")
                )
            })
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(
        judged("AMIS").into_iter().collect::<Vec<_>>(),
        ["Random sequence generation: high (Alternate allocation)"]
    );
    assert_eq!(
        judged("CDP").into_iter().collect::<Vec<_>>(),
        ["Random sequence generation: low ()"]
    );
}

/// The browser's converter (`import-wasm`) passes the files an editor chose, by name: one review
/// file is read as `from_path` reads it, whatever its name; anything else says what to give.
#[test]
fn chosen_files_are_recognised_by_their_content() {
    let named = |name: &str, bytes: Vec<u8>| import::from_named_files(&[(name.to_string(), bytes)]);
    assert_eq!(
        named("review", data("fleiss1993.rm5")).unwrap().dataset,
        rm5()
    );
    assert_eq!(
        named("download.bin", data("fleiss1993-data-package.zip"))
            .unwrap()
            .dataset,
        package()
    );
    assert!(matches!(
        named("empty.rm5", Vec::new()),
        Err(ImportError::UnknownFormat {
            reason: FormatReason::Empty
        })
    ));
    assert!(matches!(
        named("trials.csv", b"study,ai\nA,1\n".to_vec()),
        Err(ImportError::UnknownFormat { .. })
    ));
    let two = [
        ("a.rm5".to_string(), data("fleiss1993.rm5")),
        ("b.rm5".to_string(), data("fleiss1993.rm5")),
    ];
    assert!(matches!(
        import::from_named_files(&two),
        Err(ImportError::UnknownFormat {
            reason: FormatReason::Files(2)
        })
    ));
    assert!(matches!(
        import::from_named_files(&[]),
        Err(ImportError::UnknownFormat { .. })
    ));
}

#[test]
fn bad_files_are_errors_never_panics() {
    let zip_bytes = data("fleiss1993-data-package.zip");
    let rm5_bytes = data("fleiss1993.rm5");
    // A truncated zip: an error while its end is cut off. Cut nearer the end, the zip reader may
    // find the inner data zip's directory (stored uncompressed in the outer one) and read that:
    // any answer but a panic is fine there.
    for cut in [0, 4, 100, zip_bytes.len() / 2] {
        assert!(
            import::from_data_package(&zip_bytes[..cut]).is_err(),
            "cut at {cut}"
        );
    }
    for cut in (zip_bytes.len() - 300)..zip_bytes.len() {
        let _ = import::from_data_package(&zip_bytes[..cut]);
    }
    // A truncated review.
    for cut in [10, 2000, rm5_bytes.len() / 2, rm5_bytes.len() - 5] {
        assert!(import::from_rm5(&rm5_bytes[..cut]).is_err(), "cut at {cut}");
    }
    // A mistyped end tag is named by its line and column, as a text editor shows them, with
    // what to do.
    let text = String::from_utf8_lossy(&rm5_bytes).into_owned();
    let at = text.find("</NAME>").expect("a name");
    let broken = format!("{}</NAM>{}", &text[..at], &text[at + "</NAME>".len()..]);
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + "</NAM>".len() + 1;
    match import::from_rm5(broken.as_bytes()) {
        Err(e @ ImportError::Xml { .. }) => {
            assert_eq!(e.to_string(), format!("the file is not complete, well-formed XML at line {line}, column {column} (ill-formed document: expected `</NAME>`, but `</NAM>` was found): it may have been cut short or edited by hand; save it again from RevMan, or export the review's data package (a .zip) from the Cochrane Library"));
        }
        other => panic!("{other:?}"),
    }
    // Not XML, not a review, a diagnostic review, no analyses.
    assert!(matches!(
        import::from_rm5(b"hello, world"),
        Err(ImportError::Xml { .. })
    ));
    assert!(matches!(
        import::from_rm5(b"<?xml version=\"1.0\"?><html><body/></html>"),
        Err(ImportError::NotAReview { .. })
    ));
    assert!(matches!(
        import::from_rm5(b"<COCHRANE_REVIEW TYPE=\"DIAGNOSTIC\"/>"),
        Err(ImportError::NotAReview { .. })
    ));
    assert_eq!(
        import::from_rm5(b"<COCHRANE_REVIEW TYPE=\"INTERVENTION\"/>"),
        Err(ImportError::NoAnalyses)
    );
    // Wrong encoding: declared UTF-8 with Latin-1 bytes; UTF-16; an encoding RevMan never writes.
    let mut latin_as_utf8 = rm5_bytes.clone();
    let decl_end = latin_as_utf8.windows(2).position(|w| w == b"?>").unwrap();
    latin_as_utf8.splice(
        ..decl_end + 2,
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            .iter()
            .copied(),
    );
    let title_at = latin_as_utf8
        .windows(8)
        .position(|w| w == b"Examples")
        .unwrap();
    latin_as_utf8[title_at] = 0xC9; // "Éxamples" in Latin-1
    assert!(matches!(
        import::from_rm5(&latin_as_utf8),
        Err(ImportError::InvalidText { .. })
    ));
    assert!(matches!(
        import::from_rm5(b"\xFF\xFE<\x00C\x00"),
        Err(ImportError::UnsupportedEncoding { .. })
    ));
    // A zip without the package's files.
    let mut plain = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut plain);
        w.start_file("readme.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut w, b"nothing here").unwrap();
        w.finish().unwrap();
    }
    match import::from_data_package(plain.get_ref()) {
        Err(e @ ImportError::MissingFile { .. }) => assert!(
            e.to_string()
                .ends_with(": choose all the CSV files it came with together, or its .zip"),
            "{e}"
        ),
        other => panic!("{other:?}"),
    }
    // Garbage bytes of every kind.
    for seed in 0..64u32 {
        let junk: Vec<u8> = (0..200u32)
            .map(|i| (i.wrapping_mul(2654435761).wrapping_add(seed * 7919) >> 13) as u8)
            .collect();
        let _ = import::from_rm5(&junk);
        let _ = import::from_data_package(&junk);
    }
    let mut zip_junk = b"PK\x03\x04".to_vec();
    zip_junk.extend_from_slice(&rm5_bytes[..300]);
    assert!(import::from_data_package(&zip_junk).is_err());
}

#[test]
fn a_bad_number_in_the_csv_files_is_named_by_file_line_and_column() {
    let settings = "Analysis group,Analysis number,Analysis name,Data type,Statistical method,Effect measure,Analysis model\n1,1,X,Dichotomous,MH,Risk Ratio,Fixed effect\n";
    let rows = "Analysis group,Analysis number,Study,Study year,Experimental cases,Experimental N,Control cases,Control N\n1,1,A,2001,3,ten,4,20\n";
    let files = import::cdir::Files {
        settings: Some(settings.into()),
        data_rows: Some(rows.into()),
        ..Default::default()
    };
    let e = import::from_files(&files).unwrap_err();
    assert_eq!(
        e.to_string(),
        "data-rows.csv, line 2, column \"Experimental N\": \"ten\" is not a number"
    );
}

/// The forest's pooled row of the aspirin analysis (CMP-001.01).
fn forest_pooled_row(d: &Dataset) -> evidence_lens::chart::Item {
    use evidence_lens::chart::{Scene, View, ViewOptions};
    let options = ViewOptions {
        view: View::Forest,
        ..ViewOptions::default()
    };
    let items = Scene::build(d, &options).items();
    items
        .into_iter()
        .find(|i| i.key == "pooled/CMP-001.01")
        .unwrap()
}

#[test]
fn the_widget_says_whether_its_recomputation_matches_the_review() {
    use evidence_lens::appraise::{appraise, AppraiseOptions};
    for d in [rm5(), package()] {
        let a = appraise(&d, &AppraiseOptions::default());
        let pooled = a.pooled.iter().find(|p| p.outcome == "CMP-001.01").unwrap();
        let check = pooled
            .review
            .as_ref()
            .expect("an imported outcome is checked");
        assert!(check.matches, "{}", check.text);
        assert!(
            check.text.ends_with("as the review reports."),
            "{}",
            check.text
        );
        assert!(check.text.contains("OR 0.90"), "{}", check.text);
        assert!(
            check
                .text
                .starts_with("Redone as the review did it (MH, fixed effect, 95%): "),
            "{}",
            check.text
        );
        // The forest's pooled row says it, in the details and the table.
        let row = forest_pooled_row(&d);
        assert!(row.caveats.contains(&check.text), "{:?}", row.caveats);
    }
    // A review that reports another result is shown both numbers.
    let mut d = rm5();
    for s in &mut d.studies {
        for o in &mut s.outcomes {
            if let Some(stored) = o.analysis.as_mut().and_then(|a| a.stored.as_mut()) {
                stored.estimate = stored.estimate.map(|e| e + 0.05);
            }
        }
    }
    let a = appraise(&d, &AppraiseOptions::default());
    let check = a
        .pooled
        .iter()
        .find(|p| p.outcome == "CMP-001.01")
        .unwrap()
        .review
        .clone()
        .unwrap();
    assert!(!check.matches);
    assert!(
        check.text.contains("; the review reports OR 0.95"),
        "{}",
        check.text
    );
    // A body that holds only some of the analysis's studies (one of them is of another
    // treatment, pooled apart) is not the review's analysis: it is not said to reproduce it.
    let mut d = rm5();
    let first = d
        .studies
        .iter()
        .position(|s| s.outcomes.iter().any(|o| o.id == "CMP-001.01"))
        .unwrap();
    d.studies[first].intervention.therapy = "Another drug".into();
    let a = appraise(&d, &AppraiseOptions::default());
    let body = a.pooled.iter().find(|p| p.outcome == "CMP-001.01").unwrap();
    assert!(
        body.fit.is_some() && body.review.is_none(),
        "{:?}",
        body.review
    );
}

/// An imported review's results are pooled as the review pooled them (here Mantel–Haenszel odds
/// ratios with a fixed effect), so that the answer, the diamond and the rating rest on the result
/// the review reports, with its weights and its I²; a method the reader asks for is used instead
/// (and then not compared with the review's).
#[test]
fn an_imported_review_is_pooled_with_its_own_method() {
    use evidence_lens::appraise::{appraise, AppraiseOptions, Domain};
    use evidence_lens::stats::Method;
    for (d, tol) in [(rm5(), 1e-9), (package(), 1e-6)] {
        let a = appraise(&d, &AppraiseOptions::default());
        let body = a.pooled.iter().find(|p| p.outcome == "CMP-001.01").unwrap();
        let e = body.effect.as_ref().unwrap();
        let outcomes: Vec<_> = (d.studies.iter().flat_map(|s| &s.outcomes))
            .filter(|o| o.id == "CMP-001.01")
            .collect();
        let stored = outcomes[0]
            .analysis
            .as_ref()
            .unwrap()
            .stored
            .clone()
            .unwrap();
        assert_eq!(e.method, "MH fixed");
        let close = |what: &str, ours: Option<f64>, theirs: Option<f64>| {
            let (Some(ours), Some(theirs)) = (ours, theirs) else {
                panic!("{what}: ours {ours:?}, stored {theirs:?}");
            };
            agree(what, ours, theirs, tol * theirs.abs().max(1.0));
        };
        close("estimate", e.natural.estimate, stored.estimate);
        close("ci_lb", e.natural.ci_lb, stored.ci_lb);
        close("ci_ub", e.natural.ci_ub, stored.ci_ub);
        close("I2", e.i2, stored.i2);
        assert_eq!(e.tau2, Some(0.0), "a fixed effect");
        assert_eq!(e.weights.len(), outcomes.len());
        for (w, o) in e.weights.iter().zip(&outcomes) {
            close("weight", *w, o.stored.as_ref().and_then(|s| s.weight));
        }
        // The review's I² (40%) is below GRADE's 50%: no step down for inconsistency.
        assert!(
            body.reasons
                .iter()
                .all(|r| r.domain != Domain::Inconsistency),
            "{:?}",
            body.reasons
        );
        // The forest's diamond is the review's result.
        let row = forest_pooled_row(&d);
        assert!(row.value.contains("0.90 [0.84, 0.96]"), "{}", row.value);
    }
    // Asked for REML, the reader gets REML: a wider interval, and an I² over 50% rated down.
    let asked = AppraiseOptions {
        method: Some(Method::REML),
        ..AppraiseOptions::default()
    };
    let a = appraise(&rm5(), &asked);
    let body = a.pooled.iter().find(|p| p.outcome == "CMP-001.01").unwrap();
    let e = body.effect.as_ref().unwrap();
    assert_eq!(e.method, "REML");
    assert!((e.natural.estimate.unwrap() - 0.868).abs() < 1e-3, "{e:?}");
    assert!(e.i2.unwrap() > 50.0, "{e:?}");
    assert!(body
        .reasons
        .iter()
        .any(|r| r.domain == Domain::Inconsistency));
    // Not the review's method, so not said to reproduce the review.
    assert!(body.review.is_none(), "{:?}", body.review);
    // Where RevMan's method cannot pool (no study with an event in either arm: none is
    // estimable), metafor's still does, and nothing is said to reproduce the review.
    let mut none = rm5();
    for o in none.studies.iter_mut().flat_map(|s| &mut s.outcomes) {
        if let Some(evidence_lens::model::EffectData::Counts(c)) = o.data.as_mut() {
            let (n1, n2) = (c.n1(), c.n2());
            *c = evidence_lens::model::Counts::totals(c.measure, 0, n1, 0, n2);
        }
    }
    let a = appraise(&none, &AppraiseOptions::default());
    let body = a.pooled.iter().find(|p| p.outcome == "CMP-001.01").unwrap();
    assert_eq!(body.refused, None);
    assert_eq!(
        body.effect.as_ref().map(|e| e.method.as_str()),
        Some("REML")
    );
    assert!(body.review.is_none(), "{:?}", body.review);
}

/// An imported review names no condition and writes its analyses in title case: the summary
/// says what it can without an empty "people with :" and keeps the review's capitals.
#[test]
fn an_imported_reviews_summary_reads_as_sentences() {
    use evidence_lens::appraise::{appraise, AppraiseOptions};
    for lang in [Lang::En, Lang::Es, Lang::Fr] {
        let options = AppraiseOptions {
            lang,
            ..AppraiseOptions::default()
        };
        let a = appraise(&rm5(), &options);
        let aspirin = a
            .answers
            .iter()
            .find(|x| x.therapy == "Aspirin")
            .expect("aspirin's answer");
        // Not randomised by the file's word (its design is unknown): low certainty at best, and
        // the review's I² of 40% is not rated down.
        assert_eq!(aspirin.headline, match lang {
            Lang::En => "Aspirin may reduce Aspirin for Preventing Death after Myocardial Infarction.",
            Lang::Es => "El tratamiento con aspirin puede reducir el resultado «Aspirin for Preventing Death after Myocardial Infarction».",
            Lang::Fr => "Le traitement par aspirin pourrait réduire le critère «\u{a0}Aspirin for Preventing Death after Myocardial Infarction\u{a0}».",
        });
        for answer in &a.answers {
            let benefit = answer.benefit.as_ref().expect("a benefit");
            for text in [&answer.headline, &benefit.statement] {
                assert!(!text.contains(" :") && !text.contains(" con :"), "{text}");
                assert!(
                    !text.contains("mental Health") && !text.contains("aspirin for Preventing"),
                    "{text}"
                );
            }
        }
    }
}

/// A study whose name already holds its year ("MRC-1 1974", as many reviews name them) is cited
/// once with it, not "MRC-1 1974 1974".
#[test]
fn a_study_named_with_its_year_is_cited_with_it_once() {
    let text = String::from_utf8_lossy(&data("fleiss1993.rm5"))
        .replace("NAME=\"MRC-1\"", "NAME=\"MRC-1 1974\"");
    let d = import::from_rm5(text.as_bytes()).unwrap().dataset;
    let cited: Vec<&str> = d.studies.iter().map(|s| s.citation.text.as_str()).collect();
    assert!(
        cited.contains(&"MRC-1 1974, as included in the review"),
        "{cited:?}"
    );
    assert!(
        cited.contains(&"MRC-2 1979, as included in the review"),
        "{cited:?}"
    );
    // In the reader's language too, as the review's own citation of each outcome.
    let mrc2 = (d.studies.iter()).find(|s| s.id == "MRC-2").unwrap();
    assert_eq!(
        mrc2.citation.text.get("es"),
        "MRC-2 1979, tal como se incluyó en la revisión"
    );
    assert_eq!(
        mrc2.citation.text.get("fr"),
        "MRC-2 1979, étude incluse dans la revue"
    );
    let review = mrc2.outcomes[0].citation.as_deref().unwrap();
    assert_eq!(
        review.text.get("es"),
        format!("Revisión Cochrane: {}", d.title.as_deref().unwrap())
    );
}

/// What the reference review's file does not say, and the answers rest on, is told to the editor:
/// the studies' designs (without them the studies are not rated as randomised) and the condition.
#[test]
fn the_editor_is_told_what_the_file_leaves_unsaid() {
    for imported in [
        import::from_rm5(&data("fleiss1993.rm5")).unwrap(),
        import::from_data_package(&data("fleiss1993-data-package.zip")).unwrap(),
    ] {
        let w = &imported.notes(Lang::En);
        assert!(
            w.iter().any(|w| w.starts_with(
                "12 of 12 studies: the review's file does not say how they were designed"
            ) && w
                .ends_with("in RevMan (\"Randomised controlled trial\") and export again")),
            "{w:?}"
        );
        assert!(
            w.iter()
                .any(|w| w.starts_with("the review's file names no condition")),
            "{w:?}"
        );
        // The mental health analysis is named for its groups: its outcome needs a name.
        let named =
            "analysis CMP-001.02's name, \"Mental Health Treatment versus Control\", names \
                     the groups compared rather than what was measured";
        assert!(w.iter().any(|w| w.starts_with(named)), "{w:?}");
        assert!(
            !w.iter().any(|w| w.starts_with("analysis CMP-001.01")),
            "{w:?}"
        );
    }
    // The data package has no group labels: the name of its aspirin trials' comparison,
    // "Examples from Fleiss (1993)", stands for their treatment and the editor is told; its
    // mental health analysis is "Mental Health Treatment versus Control", whose sides are taken
    // (and whose name, naming no outcome, the editor is asked to change). The .rm5's group
    // labels name aspirin, and nothing is said.
    let package = import::from_data_package(&data("fleiss1993-data-package.zip")).unwrap();
    let sides = |d: &Dataset, id: &str| {
        let s = d.study(id).unwrap();
        let comparator = s.comparator.as_ref().map(|c| c.get("en").to_string());
        (s.intervention.therapy.clone(), comparator)
    };
    assert_eq!(
        sides(&package.dataset, "ISIS-2"),
        ("Examples from Fleiss (1993)".to_string(), None)
    );
    let mental = (package.dataset.studies.iter())
        .find(|s| s.outcomes.iter().any(|o| o.id == "CMP-001.02"))
        .unwrap();
    assert_eq!(
        sides(&package.dataset, &mental.id),
        (
            "Mental Health Treatment".to_string(),
            Some("Control".to_string())
        )
    );
    let stands_for = "7 of 12 studies: the review's file names no treatment groups for them (no \
                      group labels but generic ones, and no \"A versus B\" in the name of their \
                      comparison or analysis), so the name of their comparison stands for the \
                      treatment: \
                      \"Examples from Fleiss (1993)\"; where that is not a treatment's name, set \
                      each study's \"intervention\": {\"therapy\": …} in the downloaded data";
    assert!(
        package.notes(Lang::En).iter().any(|w| w == stands_for),
        "{:?}",
        package.warnings
    );
    let rm5_import = import::from_rm5(&data("fleiss1993.rm5")).unwrap();
    assert_eq!(
        sides(&rm5_import.dataset, "ISIS-2"),
        ("Aspirin".to_string(), Some("Control".to_string()))
    );
    assert!(!rm5_import
        .notes(Lang::En)
        .iter()
        .any(|w| w.contains("stands for")));

    // A study whose Methods say it was randomised is not counted.
    let text = String::from_utf8_lossy(&data("fleiss1993.rm5")).into_owned();
    let said = text.replacen(
        "<CHAR_METHODS/>",
        "<CHAR_METHODS><P>Randomised controlled trial</P></CHAR_METHODS>",
        1,
    );
    let w = import::from_rm5(said.as_bytes()).unwrap().notes(Lang::En);
    assert!(
        w.iter().any(|w| w.starts_with("11 of 12 studies: ")),
        "{w:?}"
    );
    // One study without a design: the noun counts the studies, the pronouns the one.
    let all = text.replace(
        "<CHAR_METHODS/>",
        "<CHAR_METHODS><P>Randomised controlled trial</P></CHAR_METHODS>",
    );
    let one = all.replacen(
        "<CHAR_METHODS><P>Randomised controlled trial</P></CHAR_METHODS>",
        "<CHAR_METHODS/>",
        1,
    );
    let w = import::from_rm5(one.as_bytes()).unwrap().notes(Lang::En);
    assert!(
        w.contains(&"1 of 12 studies: the review's file does not say how it was designed, so the chart rates it as evidence that is not randomised (low certainty at best). If it is a randomised trial, say so when converting (the box beside the file on the embed page, or `evidence-lens import --randomised`), or write so in its Methods in RevMan (\"Randomised controlled trial\") and export again".to_string()),
        "{w:?}"
    );
}

/// An editor who knows the review's studies are randomised trials (most Cochrane reviews of
/// interventions include nothing else, and a RevMan file need not say so) says so once for all
/// of them: those whose design the file does not state are rated as randomised, each tells readers
/// who said so, and the editor's note says what was done, in the place of the note it answers.
#[test]
fn an_editor_says_at_once_that_the_reviews_studies_are_randomised() {
    use evidence_lens::appraise::{appraise, AppraiseOptions, Certainty, Domain};
    use evidence_lens::model::Design;
    let text = String::from_utf8_lossy(&data("fleiss1993.rm5")).into_owned();
    // One study's Methods say how it was designed: it keeps its own design and words.
    let said = text.replacen(
        "<CHAR_METHODS/>",
        "<CHAR_METHODS><P>Randomised controlled trial</P></CHAR_METHODS>",
        1,
    );
    let before = import::from_rm5(said.as_bytes()).unwrap();
    let mut imported = before.clone();
    assert_eq!(imported.assume_randomised(), 11);
    let studies = &imported.dataset.studies;
    assert!(studies.iter().all(|s| s.design == Design::Rct));
    for (s, was) in studies.iter().zip(&before.dataset.studies) {
        let caveats: Vec<&str> = s.caveats.iter().map(|c| c.as_str()).collect();
        let told = caveats.contains(&"The review's file does not say how this study was designed; it is shown as a randomised trial because whoever converted the file said the review's studies are.");
        assert_eq!(told, was.design == Design::Unknown, "{caveats:?}");
        assert!(
            !caveats
                .iter()
                .any(|c| c.contains("shown as of unknown design")),
            "{caveats:?}"
        );
    }
    assert_eq!(imported.warnings.len(), before.warnings.len());
    let at = (before.notes(Lang::En).iter())
        .position(|w| w.starts_with("11 of 12 studies: the review's file does not say"))
        .unwrap();
    assert_eq!(
        imported.notes(Lang::En)[at],
        "11 of 12 studies: the review's file does not say how they were designed; shown as randomised trials, as you said, and each says so to readers"
    );
    // Said twice, nothing more changes.
    let again = imported.clone();
    assert_eq!(imported.assume_randomised(), 0);
    assert_eq!(imported, again);
    // A study whose Methods say its design in words the chart does not read is neither said to
    // lack one nor made a randomised trial: the editor is told to set it.
    let unread = text.replacen(
        "<CHAR_METHODS/>",
        "<CHAR_METHODS><P>Case-control study</P></CHAR_METHODS>",
        1,
    );
    let mut unread = import::from_rm5(unread.as_bytes()).unwrap();
    assert!(
        unread.notes(Lang::En).iter().any(|w| w.starts_with("11 of 12 studies: the review's file does not say"))
            && unread.notes(Lang::En).iter().any(|w| w.starts_with("1 of 12 studies: the review's file says how it was designed in words the chart does not recognise")),
        "{:?}",
        unread.warnings
    );
    assert_eq!(unread.assume_randomised(), 11);
    let kept: Vec<_> = (unread.dataset.studies.iter())
        .filter(|s| s.design != Design::Rct)
        .collect();
    assert_eq!(kept.len(), 1);
    let kept = kept[0];
    assert_eq!(kept.design, Design::Unknown);
    assert!(
        kept.caveats[0]
            .as_str()
            .starts_with("The review's file says how this study was designed in words"),
        "{:?}",
        kept.caveats
    );
    // Rated as randomised trials: the design no longer limits the certainty.
    let a = appraise(&imported.dataset, &AppraiseOptions::default());
    let body = a.pooled.iter().find(|p| p.outcome == "CMP-001.01").unwrap();
    assert!(
        body.reasons.iter().all(|r| r.domain != Domain::Design),
        "{:?}",
        body.reasons
    );
    assert!(
        body.certainty > Some(Certainty::Low),
        "{:?}",
        body.certainty
    );
}

/// The review's settings in the reader's language: "efecto fijo", "effet fixe".
#[test]
fn the_reviews_settings_are_said_in_the_readers_language() {
    use evidence_lens::appraise::{appraise, AppraiseOptions};
    use evidence_lens::i18n::Lang;
    for (lang, settings) in [
        (Lang::Es, "(MH, efecto fijo, 95\u{a0}%)"),
        (Lang::Fr, "(MH, effet fixe, 95\u{202f}%)"),
    ] {
        let a = appraise(
            &rm5(),
            &AppraiseOptions {
                lang,
                ..AppraiseOptions::default()
            },
        );
        let pooled = a.pooled.iter().find(|p| p.outcome == "CMP-001.01").unwrap();
        let text = &pooled.review.as_ref().expect("checked").text;
        assert!(text.contains(settings), "{text}");
    }
}

/// Makes the aspirin analysis (CMP-001.01) Peto's, with no events in its first study (which
/// Peto's method does not estimate); returns that study's id, and each other study's id with its
/// Peto log odds ratio `(O − E)/V` and variance `1/V`, worked out here from its table.
fn as_peto_with_one_not_estimable(d: &mut Dataset) -> (String, Vec<(String, f64, f64)>) {
    use evidence_lens::model::{Counts, EffectData};
    let mut first = None;
    let mut peto = Vec::new();
    for s in &mut d.studies {
        for o in s.outcomes.iter_mut().filter(|o| o.id == "CMP-001.01") {
            o.analysis.as_mut().unwrap().method = PoolMethod::Peto;
            let Some(EffectData::Counts(c)) = o.data.as_mut() else {
                panic!("{}: counts", s.id)
            };
            if first.is_none() {
                let (n1, n2) = (c.n1(), c.n2());
                *c = Counts::totals(c.measure, 0, n1, 0, n2);
                first = Some(s.id.clone());
                continue;
            }
            let [a, b, cc, dd] = c.cells();
            let (n1, n2, events) = (a + b, cc + dd, a + cc);
            let n = n1 + n2;
            let v = n1 * n2 * events * (b + dd) / (n * n * (n - 1.0));
            peto.push((s.id.clone(), (a - n1 * events / n) / v, 1.0 / v));
        }
    }
    (first.expect("an aspirin trial"), peto)
}

/// The forest's study rows, the funnel's points and Egger's test read each study's effect as the
/// body was pooled: under Peto's method the Peto odds ratio the review prints, not escalc's; a
/// study the method does not estimate is said to be so, carries no weight and is no point. A
/// review analysed at 99% is shown and rated at 95%, the level every view and GRADE's steps
/// assume, and still checked against the review's result at its own level.
#[test]
fn an_imported_bodys_rows_are_its_methods_own() {
    use evidence_lens::appraise::{appraise, AppraiseOptions};
    use evidence_lens::chart::{Scene, View, ViewOptions};
    use evidence_lens::model::EffectData;
    use evidence_lens::stats::dist::qnorm_upper;
    let mut d = rm5();
    let (first, peto) = as_peto_with_one_not_estimable(&mut d);
    let expected: Vec<(String, f64, f64)> = (peto.iter())
        .map(|(id, yi, _)| {
            let o = d
                .study(id)
                .unwrap()
                .outcomes
                .iter()
                .find(|o| o.id == "CMP-001.01");
            let data = o.unwrap().data.as_ref().unwrap();
            let escalc = evidence_lens::stats::effect::effect_of(data)
                .unwrap()
                .estimate;
            (id.clone(), yi.exp(), escalc)
        })
        .collect();
    let a = appraise(&d, &AppraiseOptions::default());
    let body = a.pooled.iter().find(|p| p.outcome == "CMP-001.01").unwrap();
    let fit = body.fit.as_ref().unwrap();
    assert_eq!(body.effect.as_ref().unwrap().method, "PETO fixed");
    assert_eq!(
        fit.fit.k,
        expected.len(),
        "the study without events is not estimated"
    );
    assert_eq!(fit.estimated().count(), expected.len());
    assert_eq!(fit.effects[0], None);
    assert_eq!(fit.fit.weights_pct[0], 0.0);
    let options = ViewOptions {
        view: View::Forest,
        ..ViewOptions::default()
    };
    let items = Scene::build(&d, &options).items();
    let row = |id: &str| {
        (items.iter())
            .find(|i| i.key == format!("{id}/CMP-001.01"))
            .unwrap_or_else(|| panic!("{id}'s row"))
    };
    assert!(
        row(&first).value.starts_with("not estimable"),
        "{}",
        row(&first).value
    );
    let mut differs = false;
    for (id, peto, escalc) in &expected {
        let shown = &row(id).value;
        assert!(
            shown.contains(&format!("OR {:.2} [", peto)),
            "{id}: {shown}, Peto {peto}"
        );
        differs |= format!("{peto:.2}") != format!("{escalc:.2}");
    }
    assert!(
        differs,
        "some study's Peto OR prints unlike escalc's: {expected:?}"
    );
    let pooled = forest_pooled_row(&d);
    assert_eq!(
        pooled.label,
        format!("Pooled ({} studies, fixed effect)", expected.len())
    );
    // One study estimated: "1 study".
    let mut one = rm5();
    let mut kept = false;
    for o in one.studies.iter_mut().flat_map(|s| &mut s.outcomes) {
        if let Some(EffectData::Counts(c)) = o.data.as_mut().filter(|_| o.id == "CMP-001.01") {
            if std::mem::replace(&mut kept, true) {
                let (n1, n2) = (c.n1(), c.n2());
                *c = evidence_lens::model::Counts::totals(c.measure, 0, n1, 0, n2);
            }
        }
    }
    assert_eq!(
        forest_pooled_row(&one).label,
        "Pooled (1 study, fixed effect)"
    );
    // A fixed effect predicts no spread: no prediction interval beside its confidence interval.
    assert!(
        !pooled.detail.contains("prediction interval"),
        "{}",
        pooled.detail
    );

    // At 99%: the interval shown is the 95% one; the check compares at 99%.
    let at95 = appraise(&rm5(), &AppraiseOptions::default());
    let e95 = at95
        .pooled
        .iter()
        .find(|p| p.outcome == "CMP-001.01")
        .unwrap();
    let e95 = e95.effect.as_ref().unwrap().natural;
    let mut d = rm5();
    let widen = qnorm_upper(0.005) / qnorm_upper(0.025);
    for o in d.studies.iter_mut().flat_map(|s| &mut s.outcomes) {
        let Some(analysis) = o.analysis.as_mut().filter(|_| o.id == "CMP-001.01") else {
            continue;
        };
        analysis.level = 99.0;
        let stored = analysis.stored.as_mut().unwrap();
        let est = stored.estimate.unwrap().ln();
        let at99 = |bound: f64| (est + (bound.ln() - est) * widen).exp();
        stored.ci_lb = stored.ci_lb.map(at99);
        stored.ci_ub = stored.ci_ub.map(at99);
    }
    let a = appraise(&d, &AppraiseOptions::default());
    let body = a.pooled.iter().find(|p| p.outcome == "CMP-001.01").unwrap();
    assert_eq!(body.effect.as_ref().unwrap().natural, e95);
    let check = body.review.as_ref().unwrap();
    assert!(check.matches, "{}", check.text);
    assert!(check.text.contains("99%"), "{}", check.text);
}

/// With ten or more studies, the funnel draws and Egger's test reads the effects the body was
/// pooled with: under Peto's method the Peto odds ratios, without the study it does not estimate.
#[test]
fn an_imported_bodys_funnel_and_egger_test_read_its_methods_effects() {
    use evidence_lens::appraise::{appraise, AppraiseOptions};
    use evidence_lens::chart::{Scene, View, ViewOptions};
    use evidence_lens::stats::bias::regtest;
    use evidence_lens::stats::{Method, RmaOptions, Test};
    let mut d = rm5();
    // Eleven aspirin trials: the seven, and four copies under other names.
    let aspirin: Vec<_> = (d.studies.iter())
        .filter(|s| s.outcomes.iter().any(|o| o.id == "CMP-001.01"))
        .cloned()
        .collect();
    for (i, s) in aspirin.iter().take(4).enumerate() {
        let mut copy = s.clone();
        copy.id = format!("copy {i}");
        copy.label = format!("Copy {i}").into();
        copy.citation.doi = None;
        copy.citation.pmid = None;
        d.studies.push(copy);
    }
    let (not_estimated, peto) = as_peto_with_one_not_estimable(&mut d);
    let (yi, vi): (Vec<f64>, Vec<f64>) = peto.iter().map(|(_, y, v)| (*y, *v)).unzip();
    assert_eq!(yi.len(), 10);
    let a = appraise(&d, &AppraiseOptions::default());
    let body = a.pooled.iter().find(|p| p.outcome == "CMP-001.01").unwrap();
    assert_eq!(body.fit.as_ref().unwrap().fit.k, 10);
    let options = RmaOptions {
        method: Method::FE,
        test: Test::Z,
        level: 95.0,
    };
    let expected = regtest(&yi, &vi, options).unwrap().pval;
    let egger = body.effect.as_ref().unwrap().egger_pval.unwrap();
    assert!(
        (egger - expected).abs() < 1e-12,
        "{egger} against {expected}"
    );
    let funnel = ViewOptions {
        view: View::Funnel,
        ..ViewOptions::default()
    };
    let items = Scene::build(&d, &funnel).items();
    let points: Vec<&str> = (items.iter())
        .filter(|i| !i.key.starts_with("filled/"))
        .map(|i| i.key.as_str())
        .collect();
    assert_eq!(points.len(), 10, "{points:?}");
    let not_estimable = format!("{not_estimated}/CMP-001.01");
    assert!(!points.contains(&not_estimable.as_str()), "{points:?}");
    // Each point is the study's Peto odds ratio.
    let shown = items
        .iter()
        .find(|i| i.key == format!("{}/CMP-001.01", aspirin[1].id))
        .unwrap();
    assert!(
        shown.value.starts_with(&format!("OR {:.2} ", yi[0].exp())),
        "{} against {}",
        shown.value,
        yi[0].exp()
    );
}

/// A review's level that is no percentage is said to the editor, by its field, and the pooled
/// result is still the review method's, only not checked against the review's.
#[test]
fn a_reviews_level_that_is_no_percentage_is_said_and_the_check_left_out() {
    use evidence_lens::appraise::{appraise, AppraiseOptions};
    let mut d = rm5();
    for o in d.studies.iter_mut().flat_map(|s| &mut s.outcomes) {
        if let Some(a) = o.analysis.as_mut().filter(|_| o.id == "CMP-001.01") {
            a.level = 0.95;
        }
    }
    let read = parse_json(d.to_json_pretty().as_bytes());
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    let said: Vec<String> = read.warnings.iter().map(|w| w.to_string()).collect();
    let first = said
        .iter()
        .find(|w| w.contains(".analysis.level: level ignored: a confidence level is a percentage"))
        .unwrap_or_else(|| panic!("{said:?}"));
    assert!(first.starts_with("studies["), "{first}");
    let a = appraise(&read.dataset.unwrap(), &AppraiseOptions::default());
    let body = a.pooled.iter().find(|p| p.outcome == "CMP-001.01").unwrap();
    assert_eq!(body.effect.as_ref().unwrap().method, "MH fixed");
    assert_eq!(body.review, None);
}

/// A comparison that names no sides ("Drinks"): an analysis that names none takes those of an
/// analysis that does and shares a study with it, whatever their order, for all its rows (one
/// analysis is one body: its studies must not be split between two treatments); the sides are
/// read from the name after the outcome it measured ("Adverse events: caffeine versus decaf"),
/// never from a side that is a list ("Pain, 5 mg vs 10 mg"). With no sides anywhere, the
/// comparison's name stands for the treatment and the editor is told; an analysis that names its
/// outcome is not said to be named for its groups.
#[test]
fn an_analysis_takes_its_groups_from_one_that_names_them() {
    let text = SMALL_RM5
        .replace("<NAME>Coffee versus tea</NAME>", "<NAME>Drinks</NAME>")
        .replace(
            "<GROUP_LABEL_1>Coffee</GROUP_LABEL_1><GROUP_LABEL_2>Tea</GROUP_LABEL_2>",
            "<GROUP_LABEL_1>Experimental</GROUP_LABEL_1><GROUP_LABEL_2>Control</GROUP_LABEL_2>",
        )
        .replace(
            "<NAME>Adverse events</NAME>",
            "<NAME>Adverse events: caffeine versus decaf</NAME>",
        );
    let therapy = |d: &Dataset, id: &str| {
        let s = d.study(id).unwrap();
        let comparator = s.comparator.as_ref().map(|c| c.get("en").to_string());
        (s.intervention.therapy.clone(), comparator)
    };
    let imported = import::from_rm5(text.as_bytes()).unwrap();
    let d = &imported.dataset;
    // CMP-001.01 (A, B, C; no names) shares B and C with CMP-001.02 (named): every study of both,
    // A too, is of caffeine, and CMP-001.01 is one body.
    let caffeine = ("caffeine".to_string(), Some("decaf".to_string()));
    for id in ["A 2001", "A 2001 #2", "B [CMP-001]", "C [CMP-001]"] {
        assert_eq!(therapy(d, id), caffeine, "{id}");
    }
    let w = &imported.notes(Lang::En);
    assert!(
        !w.iter().any(|w| w.contains("stands for the treatment")),
        "{w:?}"
    );
    assert!(
        !w.iter().any(|w| w.contains("names the groups compared")),
        "{w:?}"
    );
    let a = evidence_lens::appraise::appraise(d, &Default::default());
    let bodies = a
        .pooled
        .iter()
        .filter(|p| p.outcome == "CMP-001.01")
        .count();
    assert_eq!(
        bodies,
        1,
        "{:?}",
        a.pooled.iter().map(|p| &p.id).collect::<Vec<_>>()
    );
    // A side with a list is no treatment's name: no analysis names the groups, and the
    // comparison's name stands for them.
    let listed = text.replace(
        "Adverse events: caffeine versus decaf",
        "Pain, 5 mg vs 10 mg",
    );
    let imported = import::from_rm5(listed.as_bytes()).unwrap();
    assert_eq!(therapy(&imported.dataset, "B [CMP-001]").0, "Drinks");
    let w = &imported.notes(Lang::En);
    assert!(
        w.iter()
            .any(|w| w.starts_with("4 of ")
                && w.contains("stands for the treatment: \"Drinks\"; where")),
        "{w:?}"
    );
}

/// What an import tells readers (why a study is not rated as randomised, why a row has no
/// numbers) is written in every language: the dataset it makes serves them all.
#[test]
fn what_the_import_tells_readers_is_in_every_language() {
    let imported = import::from_rm5(&data("fleiss1993.rm5")).unwrap();
    let caveat = &imported.dataset.studies[0].caveats[0];
    assert!(
        caveat
            .as_str()
            .starts_with("The review's file does not say how this study was designed"),
        "{caveat:?}"
    );
    assert!(
        caveat
            .get("es")
            .starts_with("El archivo de la revisión no dice cómo se diseñó"),
        "{caveat:?}"
    );
    assert!(
        caveat
            .get("fr")
            .starts_with("Le fichier de la revue ne dit pas comment"),
        "{caveat:?}"
    );
    // A row without numbers says why in each language.
    let text = String::from_utf8_lossy(&data("fleiss1993.rm5")).into_owned();
    let broken = text.replacen("TOTAL_1=\"615\"", "TOTAL_1=\"0\"", 1);
    let imported = import::from_rm5(broken.as_bytes()).unwrap();
    let reported = (imported.dataset.studies.iter())
        .flat_map(|s| &s.outcomes)
        .find_map(|o| o.reported.as_ref())
        .expect("a row without numbers");
    assert_eq!(
        reported.as_str(),
        "Not estimable in the review: an arm has no participants or more events than participants."
    );
    assert_eq!(reported.get("es"), "No estimable en la revisión: un grupo no tiene participantes o tiene más eventos que participantes.");
    // An O-E row without a positive variance too (its reason is the catalogue's).
    let no_variance = SMALL_RM5.replace(r#"O_E="-2.5" VAR="10""#, r#"O_E="-2.5" VAR="0""#);
    let without = import::from_rm5(no_variance.as_bytes()).unwrap();
    let variance = (without.dataset.studies.iter())
        .flat_map(|s| &s.outcomes)
        .find(|o| o.id == "CMP-002.01" && o.data.is_none())
        .and_then(|o| o.reported.as_ref())
        .expect("the row without a variance says why");
    assert_eq!(
        variance.get("fr"),
        "Non estimable dans la revue\u{a0}: aucun O-E avec une variance positive."
    );
    assert!(
        reported
            .get("fr")
            .starts_with("Non estimable dans la revue\u{a0}: un groupe"),
        "{reported:?}"
    );
}

/// What the importer tells the editor (its notes, and why a file could not be read) is said in the
/// embed page's language: every kind, with no catalogue key or English left in its place.
#[test]
fn the_editor_is_told_in_their_language() {
    use import::{NotAReview, Note};
    let notes = [
        Note::DataTypeLeftOut {
            analysis: "CMP-001.01".into(),
            data_type: "Other data".into(),
        },
        Note::OtherDataLeftOut {
            analysis: "CMP-001.03".into(),
        },
        Note::UnknownMethod {
            analysis: "CMP-001.01".into(),
            method: "XX".into(),
        },
        Note::UnknownMeasure {
            analysis: "CMP-001.01".into(),
            measure: "Odds".into(),
        },
        Note::GroupJudgedItem {
            item: "Blinding".into(),
        },
        Note::RiskOfBiasUnread(Box::new(ImportError::MissingColumn {
            file: "risk-of-bias.csv".into(),
            column: "Study".into(),
        })),
        Note::GroupsAsOutcomeName {
            analysis: "CMP-001.01".into(),
            name: "A vs B".into(),
        },
        Note::NotEstimable {
            study: "C 2010".into(),
            analysis: "CMP-001.02".into(),
            name: "Adverse events".into(),
            why: "import.why.no_sd",
        },
        Note::UnstatedDesigns { count: 1, total: 2 },
        Note::UnstatedDesigns { count: 2, total: 2 },
        Note::UnrecognisedDesigns { count: 1, total: 1 },
        Note::UnrecognisedDesigns { count: 3, total: 5 },
        Note::SaidRandomised {
            count: 1,
            total: 12,
        },
        Note::SaidRandomised {
            count: 4,
            total: 12,
        },
        Note::ComparisonForTherapy {
            count: 2,
            total: 3,
            comparisons: vec!["\"Diet\"".into()],
        },
        Note::NoCondition,
    ];
    let errors = [
        ImportError::Io {
            path: "a.rm5".into(),
            message: "denied".into(),
        },
        ImportError::TooLarge {
            what: "a.zip".into(),
            bytes: 300_000_000,
            limit: 200,
        },
        ImportError::UnknownFormat {
            reason: FormatReason::Empty,
        },
        ImportError::UnknownFormat {
            reason: FormatReason::Unrecognised,
        },
        ImportError::UnknownFormat {
            reason: FormatReason::Files(2),
        },
        ImportError::InvalidText {
            what: "a.csv".into(),
            offset: 4,
        },
        ImportError::UnsupportedEncoding {
            name: "UTF-16".into(),
        },
        ImportError::Xml {
            line: 3,
            column: 4,
            message: "eof".into(),
        },
        ImportError::NotAReview {
            reason: NotAReview::Root("HTML".into()),
        },
        ImportError::NotAReview {
            reason: NotAReview::Type("DTA".into()),
        },
        ImportError::Zip {
            message: "bad".into(),
        },
        ImportError::TooManyEntries {
            count: 20_000,
            limit: 10_000,
        },
        ImportError::MissingFile {
            name: "x-data-rows.csv".into(),
        },
        ImportError::Csv {
            file: "a.csv".into(),
            line: 2,
            message: "bad".into(),
        },
        ImportError::BadValue {
            file: "a.csv".into(),
            line: 2,
            column: "Experimental N".into(),
            value: "ten".into(),
            expected: "expect.number",
        },
        ImportError::NoAnalyses,
    ];
    let said = (notes
        .iter()
        .map(|n| (n.to_string(), [n.message(Lang::Es), n.message(Lang::Fr)])))
    .chain(
        errors
            .iter()
            .map(|e| (e.to_string(), [e.message(Lang::Es), e.message(Lang::Fr)])),
    );
    for (english, others) in said {
        for other in others {
            assert_ne!(other, english);
            assert!(
                !other.contains("note.")
                    && !other.contains("import.")
                    && !other.contains("expect."),
                "a key left in {other:?}"
            );
        }
    }
    assert_eq!(
        Note::SaidRandomised { count: 1, total: 12 }.message(Lang::Es),
        "1 de 12 estudios: el archivo de la revisión no dice cómo se diseñó; se muestra como ensayo \
         aleatorizado, como usted indicó, y el estudio lo señala a los lectores"
    );
    assert!(Note::UnstatedDesigns {
        count: 3,
        total: 12
    }
    .message(Lang::Fr)
    .starts_with(
        "3 sur 12 études\u{a0}: le fichier de la revue ne dit pas comment elles ont été conçues"
    ));
    assert_eq!(
        errors[14].message(Lang::Fr),
        "a.csv, ligne 2, colonne \"Experimental N\"\u{a0}: \"ten\" n’est pas un nombre"
    );
    // A review read for a Spanish page: its notes as the importer made them, in Spanish.
    let imported = import::from_rm5(&data("fleiss1993.rm5")).unwrap();
    let spanish = imported.notes(Lang::Es);
    assert!(
        spanish.iter().any(|n| n
            .starts_with("12 de 12 estudios: el archivo de la revisión no dice cómo se diseñaron")),
        "{spanish:?}"
    );
    assert_eq!(spanish.len(), imported.warnings.len());
}

/// The Fleiss review's aspirin analysis (CMP-001.01) with its seven trials in two subgroups, as
/// RevMan writes them (`<DICH_SUBGROUP>`), each with the subtotal the file stores (`stored`:
/// estimate and interval, or none).
fn aspirin_in_subgroups(stored: [Option<[f64; 3]>; 2]) -> String {
    let text = String::from_utf8_lossy(&data("fleiss1993.rm5")).into_owned();
    let start = text.find("<DICH_OUTCOME").unwrap();
    let end = start + text[start..].find("</DICH_OUTCOME>").unwrap();
    let (rows, head): (Vec<&str>, Vec<&str>) = text[start..end]
        .lines()
        .partition(|l| l.starts_with("<DICH_DATA"));
    let subgroup = |no: usize, name: &str, rows: &[&str]| {
        let results = stored[no - 1].map_or(String::new(), |[e, lo, hi]| {
            format!(" EFFECT_SIZE=\"{e}\" CI_START=\"{lo}\" CI_END=\"{hi}\"")
        });
        format!(
            "<DICH_SUBGROUP NO=\"{no}\"{results}><NAME>{name}</NAME>\n{}\n</DICH_SUBGROUP>\n",
            rows.join("\n")
        )
    };
    format!(
        "{}\n{}{}{}",
        &text[..start],
        head.join("\n")
            .replace("SUBGROUPS=\"NO\"", "SUBGROUPS=\"YES\""),
        subgroup(1, "Before 1980", &rows[..3]) + &subgroup(2, "1980 and after", &rows[3..]),
        &text[end..]
    )
}

/// Mantel–Haenszel's odds ratio of 2×2 tables `(a, n1, c, n2)` with its 95% interval (the
/// Robins–Breslow–Greenland variance), from the textbook formulas.
fn mantel_haenszel_or(tables: &[[f64; 4]]) -> [f64; 3] {
    let (mut r, mut s, mut pr, mut ps_qr, mut qs) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for &[a, n1, c, n2] in tables {
        let (b, d, n) = (n1 - a, n2 - c, n1 + n2);
        let (ri, si, p, q) = (a * d / n, b * c / n, (a + d) / n, (b + c) / n);
        (r, s) = (r + ri, s + si);
        pr += p * ri;
        ps_qr += p * si + q * ri;
        qs += q * si;
    }
    let se = (pr / (2.0 * r * r) + ps_qr / (2.0 * r * s) + qs / (2.0 * s * s)).sqrt();
    let log = (r / s).ln();
    let z = 1.959963984540054;
    [log.exp(), (log - z * se).exp(), (log + z * se).exp()]
}

/// A review's subgroups are drawn as RevMan draws them: each under its title with its members and
/// its own pooled result (a subtotal, pooled with the review's method), the whole analysis's
/// result last; each subtotal is checked against the one the review stores.
#[test]
fn a_review_s_subgroups_are_drawn_with_their_subtotals() {
    use evidence_lens::chart::{build, ViewOptions};
    use evidence_lens::model::EffectData;
    let plain = import::from_rm5(&data("fleiss1993.rm5")).unwrap().dataset;
    let tables: Vec<[f64; 4]> = (plain.studies.iter())
        .flat_map(|s| &s.outcomes)
        .filter(|o| o.id == "CMP-001.01")
        .map(|o| match &o.data {
            Some(EffectData::Counts(c)) => {
                let n1 = c.n1i.or(c.bi.map(|b| b + c.ai)).unwrap();
                let n2 = c.n2i.or(c.di.map(|d| d + c.ci)).unwrap();
                [c.ai as f64, n1 as f64, c.ci as f64, n2 as f64]
            }
            _ => panic!("the aspirin trials give counts"),
        })
        .collect();
    assert_eq!(tables.len(), 7);
    let (before, after) = (
        mantel_haenszel_or(&tables[..3]),
        mantel_haenszel_or(&tables[3..]),
    );
    // The file stores the first subgroup's result as computed above, and a wrong one for the
    // second (a review edited by hand, say).
    let wrong = [after[0] * 1.2, after[1], after[2]];
    let text = aspirin_in_subgroups([Some(before), Some(wrong)]);
    let d = import::from_rm5(text.as_bytes()).unwrap().dataset;
    let forest = build::forest(&d, &ViewOptions::default());
    let rows: Vec<_> = (forest.panels.iter())
        .flat_map(|p| &p.rows)
        .filter(|r| {
            r.outcome_id == "CMP-001.01" || r.key.contains("CMP-001.01") || r.subgroup.is_some()
        })
        .collect();
    let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
    let title = "group/Aspirin for Preventing Death after Myocardial Infarction";
    assert_eq!(
        keys,
        [
            format!("{title}/0").as_str(),
            "MRC-1/CMP-001.01",
            "CDP/CMP-001.01",
            "MRC-2/CMP-001.01",
            "subtotal/CMP-001.01/0",
            format!("{title}/1").as_str(),
            "GASP/CMP-001.01",
            "PARIS/CMP-001.01",
            "AMIS/CMP-001.01",
            "ISIS-2/CMP-001.01",
            "subtotal/CMP-001.01/1",
            "pooled/CMP-001.01",
        ]
    );
    assert_eq!(rows[0].label, "Before 1980");
    assert_eq!(rows[4].label, "Subtotal (3 studies)");
    assert_eq!(rows[10].label, "Subtotal (4 studies)");
    for (row, expected) in [(rows[4], before), (rows[10], after)] {
        let (lo, hi) = row.ci.unwrap();
        for (ours, theirs) in [row.estimate.unwrap(), lo, hi].into_iter().zip(expected) {
            assert!(
                (ours / theirs - 1.0).abs() < 1e-9,
                "{ours} against {theirs}"
            );
        }
    }
    assert!(
        rows[4].caveats[0].starts_with("Redone as the review did it (MH, fixed effect, 95%)")
            && rows[4].caveats[0].ends_with(", as the review reports."),
        "{:?}",
        rows[4].caveats
    );
    assert!(
        rows[10].caveats[0].ends_with("; the review reports OR 1.10 [0.86, 0.98]."),
        "{:?}",
        rows[10].caveats
    );
    // The whole analysis is unchanged by its subgroups: still the review's total; and RevMan's
    // test for subgroup differences, Cochran's Q across the two subtotals (worked out here from
    // their log odds ratios and standard errors; for Q = 3.60 on 1 df, p = 0.058).
    assert!(rows[11].caveats[0].ends_with("OR 0.90 [0.84, 0.96], as the review reports."));
    let (y, w): (Vec<f64>, Vec<f64>) = [before, after]
        .iter()
        .map(|[e, lo, hi]| {
            let se = (hi.ln() - lo.ln()) / (2.0 * 1.959963984540054);
            (e.ln(), 1.0 / (se * se))
        })
        .unzip();
    let mean = (y[0] * w[0] + y[1] * w[1]) / (w[0] + w[1]);
    let q = w[0] * (y[0] - mean).powi(2) + w[1] * (y[1] - mean).powi(2);
    assert_eq!(
        rows[11].caveats[1],
        format!(
            "Test for subgroup differences: Q = {q:.2}, df = 1 (p = 0.06), I² = {:.1}%.",
            (q - 1.0) / q * 100.0
        )
    );
    // Without the review's method (a reader's REML), the subgroups are still pooled on their own.
    let reml = ViewOptions {
        method: Some(evidence_lens::stats::Method::REML),
        ..ViewOptions::default()
    };
    let forest = build::forest(&d, &reml);
    let subtotals = (forest.panels.iter())
        .flat_map(|p| &p.rows)
        .filter(|r| r.key.starts_with("subtotal/"))
        .count();
    assert_eq!(subtotals, 2);
    // A review without subgroups draws none.
    let forest = build::forest(&plain, &ViewOptions::default());
    assert!(!(forest.panels.iter())
        .flat_map(|p| &p.rows)
        .any(|r| r.subgroup.is_some() || r.key.starts_with("subtotal/")));
}
