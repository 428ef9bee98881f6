//! Reading a RevMan 5 file (`.rm5`): the review's XML.
//!
//! What is read: the title, DOI and dates of the cover sheet; the included studies with their
//! primary reference and "Methods" characteristic; and every comparison's dichotomous,
//! continuous, generic inverse-variance and O−E analyses (`DICH_`, `CONT_`, `IV_`, `IPD_OUTCOME`),
//! with their subgroups, settings and the results RevMan stored. In the file, group 1 is the
//! experimental arm; `EFFECT_SIZE` and `CI_*` are on the natural scale, `SE` and `VAR` on the log
//! scale for ratios; `I2` and `WEIGHT` are percentages; an empty attribute means "not computed".

use crate::model::{EffectModel, Judgement, Measure, Stored};

use super::review::{
    judged, measure_from_name, method_from_name, pooled_measure, ArmMeans, Comparison, DataKind,
    Review, ReviewAnalysis, ReviewStudy, Row, RowData,
};
use super::text::{decode_xml, unescape_xml_name};
use super::xml::{self, Element};
use super::{ImportError, NotAReview, Note};

/// Reads a `.rm5` file's bytes; `warnings` collects what was left out and why.
pub fn read(bytes: &[u8], warnings: &mut Vec<Note>) -> Result<Review, ImportError> {
    let text = decode_xml(bytes)?;
    let root = xml::parse(&text)?;
    if root.name != "COCHRANE_REVIEW" {
        return Err(ImportError::NotAReview {
            reason: NotAReview::Root(root.name.clone()),
        });
    }
    if let Some(t) = root.attr_text("TYPE").filter(|t| *t != "INTERVENTION") {
        return Err(ImportError::NotAReview {
            reason: NotAReview::Type(t.to_string()),
        });
    }
    let cover = root.child("COVER_SHEET");
    let title = cover
        .and_then(|c| c.child("TITLE"))
        .map(Element::all_text)
        .filter(|t| !t.is_empty());
    let doi = root.attr_text("DOI").map(str::to_owned);
    let dates = cover.and_then(|c| c.child("DATES"));
    let from_dates = [("UP_TO_DATE", "up to date"), ("LAST_SEARCH", "last search")]
        .iter()
        .find_map(|(n, kind)| {
            dates
                .and_then(|d| d.path(&[n, "DATE"]))
                .and_then(date_of)
                .map(|d| (d, *kind))
        });
    let (date, date_kind) = match from_dates {
        Some((d, kind)) => (Some(d), kind),
        None => (
            root.attr_text("MODIFIED")
                .and_then(|m| m.get(..10))
                .map(str::to_owned),
            "last modified",
        ),
    };
    let version = root
        .attr_text("REVMAN_SUB_VERSION")
        .or(root.attr_text("REVMAN_VERSION"))
        .unwrap_or("5");
    let mut studies = studies(&root);
    risk_of_bias(&root, &mut studies, warnings);
    let mut comparisons = Vec::new();
    if let Some(analyses) = root.child("ANALYSES_AND_DATA") {
        for c in analyses.children_named("COMPARISON") {
            comparisons.push(comparison(c, warnings));
        }
    }
    Ok(Review {
        title,
        doi,
        date,
        date_kind,
        source: format!("RevMan {version} file"),
        studies,
        comparisons,
    })
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` from a `<DATE DAY MONTH YEAR>` element.
fn date_of(e: &Element) -> Option<String> {
    let num = |n: &str| e.attr_text(n).and_then(|v| v.parse::<u32>().ok());
    let year = num("YEAR").filter(|y| (1000..=9999).contains(y))?;
    Some(
        match (num("MONTH").filter(|m| (1..=12).contains(m)), num("DAY")) {
            (Some(m), Some(d)) if (1..=31).contains(&d) => format!("{year:04}-{m:02}-{d:02}"),
            (Some(m), _) => format!("{year:04}-{m:02}"),
            _ => format!("{year:04}"),
        },
    )
}

fn studies(root: &Element) -> Vec<ReviewStudy> {
    let methods_of = |id: &str| {
        root.path(&[
            "CHARACTERISTICS_OF_STUDIES",
            "CHARACTERISTICS_OF_INCLUDED_STUDIES",
        ])
        .and_then(|c| {
            c.children_named("INCLUDED_CHAR")
                .find(|ch| ch.attr("STUDY_ID") == Some(id))
        })
        .and_then(|ch| ch.child("CHAR_METHODS"))
        .map(Element::all_text)
        .filter(|t| !t.is_empty())
    };
    let Some(included) = root.path(&["STUDIES_AND_REFERENCES", "STUDIES", "INCLUDED_STUDIES"])
    else {
        return Vec::new();
    };
    included
        .children_named("STUDY")
        .filter_map(|s| {
            let raw_id = s.attr_text("ID")?;
            let reference = s
                .children_named("REFERENCE")
                .find(|r| r.attr("PRIMARY") == Some("YES"))
                .or_else(|| s.child("REFERENCE"));
            let identifier = |kind: &str| {
                reference
                    .and_then(|r| r.child("IDENTIFIERS"))
                    .into_iter()
                    .flat_map(|ids| ids.children_named("IDENTIFIER"))
                    .find(|i| i.attr("TYPE").is_some_and(|t| t.eq_ignore_ascii_case(kind)))
                    .and_then(|i| i.attr_text("VALUE"))
                    .map(str::to_owned)
            };
            Some(ReviewStudy {
                id: unescape_xml_name(raw_id),
                name: s
                    .attr_text("NAME")
                    .map(str::to_owned)
                    .unwrap_or_else(|| unescape_xml_name(raw_id)),
                year: s.attr_text("YEAR").and_then(|y| y.parse().ok()),
                methods: methods_of(raw_id),
                reference: reference.and_then(format_reference),
                doi: identifier("DOI"),
                pmid: identifier("PUBMED"),
                risk_of_bias: Vec::new(),
            })
        })
        .collect()
}

/// The review's risk-of-bias judgements (`QUALITY_ITEMS`), onto the studies they judge. RevMan 5
/// stores "Yes" for low risk, "No" for high risk and "Unclear" (Cochrane Handbook 5.0, 8.6). An
/// item judged per outcome group is left out, with a warning: it would not say which outcomes.
fn risk_of_bias(root: &Element, studies: &mut [ReviewStudy], warnings: &mut Vec<Note>) {
    let Some(items) = root.child("QUALITY_ITEMS") else {
        return;
    };
    for item in items.children_named("QUALITY_ITEM") {
        let name = item
            .child("NAME")
            .map(Element::all_text)
            .unwrap_or_default();
        let entries = item
            .child("QUALITY_ITEM_DATA")
            .into_iter()
            .flat_map(|d| d.children_named("QUALITY_ITEM_DATA_ENTRY"));
        if item.attr("LEVEL") == Some("GROUP") {
            if entries.count() > 0 {
                warnings.push(Note::GroupJudgedItem {
                    item: name.trim().to_string(),
                });
            }
            continue;
        }
        for entry in entries {
            let judgement = match entry.attr("RESULT") {
                Some("YES") => Judgement::Low,
                Some("NO") => Judgement::High,
                Some("UNKNOWN") => Judgement::Unclear,
                _ => continue,
            };
            let support = entry.child("DESCRIPTION").map(Element::all_text);
            let Some(j) = judged(&name, judgement, support.as_deref()) else {
                continue;
            };
            let id = entry.attr_text("STUDY_ID").map(unescape_xml_name);
            if let Some(s) = studies.iter_mut().find(|s| Some(&s.id) == id.as_ref()) {
                s.risk_of_bias.push(j);
            }
        }
    }
}

/// "Authors. Title. Source Year;Volume(Issue):Pages." from a `<REFERENCE>`.
fn format_reference(r: &Element) -> Option<String> {
    let part = |n: &str| r.child(n).map(Element::all_text).filter(|t| !t.is_empty());
    let mut out = String::new();
    for (field, sep) in [("AU", ". "), ("TI", ". "), ("SO", " ")] {
        if let Some(t) = part(field) {
            out.push_str(t.trim_end_matches('.'));
            out.push_str(sep);
        }
    }
    if let Some(y) = part("YR") {
        out.push_str(&y);
    }
    if let Some(v) = part("VL") {
        out.push(';');
        out.push_str(&v);
        if let Some(n) = part("NO") {
            out.push_str(&format!("({n})"));
        }
    }
    if let Some(p) = part("PG") {
        out.push(':');
        out.push_str(&p);
    }
    let out = out.trim().to_string();
    (!out.is_empty()).then_some(out)
}

fn comparison(c: &Element, warnings: &mut Vec<Note>) -> Comparison {
    let id = c.attr_text("ID").unwrap_or("CMP").to_string();
    let name = c.child("NAME").map(Element::all_text).unwrap_or_default();
    let mut analyses = Vec::new();
    for o in &c.children {
        let kind = match o.name.as_str() {
            "DICH_OUTCOME" => DataKind::Dichotomous,
            "CONT_OUTCOME" => DataKind::Continuous,
            "IV_OUTCOME" => DataKind::Generic,
            "IPD_OUTCOME" => DataKind::OE,
            "OTHER_OUTCOME" => {
                warnings.push(Note::OtherDataLeftOut {
                    analysis: o.attr_text("ID").unwrap_or(&id).to_string(),
                });
                continue;
            }
            _ => continue,
        };
        match analysis(o, kind) {
            Ok(a) => analyses.push(a),
            Err(why) => warnings.push(why),
        }
    }
    Comparison {
        id,
        name,
        experimental: None,
        control: None,
        analyses,
    }
}

fn num(e: &Element, name: &str) -> Option<f64> {
    e.attr_text(name)
        .and_then(crate::number::parse_f64)
        .filter(|x| x.is_finite())
}

/// The results RevMan stored on an outcome, subgroup or data row; `None` when it stored none.
fn stored(e: &Element) -> Option<Stored> {
    let s = Stored {
        estimate: num(e, "EFFECT_SIZE"),
        ci_lb: num(e, "CI_START"),
        ci_ub: num(e, "CI_END"),
        se: num(e, "SE"),
        weight: num(e, "WEIGHT"),
        tau2: num(e, "TAU2"),
        q: num(e, "CHI2"),
        q_df: e.attr_text("DF").and_then(|v| v.parse().ok()),
        q_pval: num(e, "P_CHI2"),
        i2: num(e, "I2"),
        zval: num(e, "Z"),
        pval: num(e, "P_Z"),
    };
    // Without an estimate nothing was computed (a row's or outcome's numbers left blank).
    s.estimate.is_some().then_some(s)
}

fn analysis(o: &Element, kind: DataKind) -> Result<ReviewAnalysis, Note> {
    let id = o.attr_text("ID").unwrap_or("?").to_string();
    let name = o.child("NAME").map(Element::all_text).unwrap_or_default();
    let measure_name = o
        .attr_text("EFFECT_MEASURE")
        .map(str::to_owned)
        .or_else(|| o.child("EFFECT_MEASURE").map(Element::all_text))
        .unwrap_or_default();
    let method_name = o.attr_text("METHOD").unwrap_or(match kind {
        DataKind::OE => "PETO",
        _ => "IV",
    });
    let method = method_from_name(method_name).ok_or_else(|| Note::UnknownMethod {
        analysis: id.clone(),
        method: method_name.to_string(),
    })?;
    let (measure, measure_label) = match (kind, measure_from_name(&measure_name)) {
        (_, Some(m)) => (m, None),
        (DataKind::Generic | DataKind::OE, None) => (Measure::Gen, Some(measure_name.clone())),
        (_, None) => {
            return Err(Note::UnknownMeasure {
                analysis: id,
                measure: measure_name,
            })
        }
    };
    let log_data = o.attr("LOG_DATA") == Some("YES")
        || (kind == DataKind::Generic && o.attr("LOG_DATA").is_none() && measure.is_ratio());
    let swap = o.attr("SWAP_EVENTS") == Some("YES");
    let level = |n: &str| num(o, n).filter(|l| *l > 0.0 && *l < 100.0).unwrap_or(95.0);
    let text_of = |n: &str| o.child(n).map(Element::all_text).filter(|t| !t.is_empty());
    let left = text_of("GRAPH_LABEL_1").map(|t| crate::case::to_lower(&t));
    let right = text_of("GRAPH_LABEL_2").map(|t| crate::case::to_lower(&t));
    let favours_exp = |t: &Option<String>| {
        t.as_deref().is_some_and(|t| {
            t.contains("experimental") || t.contains("intervention") || t.contains("treatment")
        })
    };
    let left_favours_experimental = if favours_exp(&left) {
        Some(true)
    } else if favours_exp(&right) {
        Some(false)
    } else {
        None
    };
    let data_tag = format!("{}_DATA", &o.name[..o.name.len() - "_OUTCOME".len()]);
    let subgroup_tag = format!("{}_SUBGROUP", &o.name[..o.name.len() - "_OUTCOME".len()]);
    let mut rows = Vec::new();
    let mut subgroups = Vec::new();
    let mut add_rows = |parent: &Element, subgroup: Option<&str>| {
        for d in parent.children_named(&data_tag) {
            let Some(study) = d.attr_text("STUDY_ID") else {
                continue;
            };
            rows.push(Row {
                study: unescape_xml_name(study),
                subgroup: subgroup.map(str::to_owned),
                data: row_data(d, kind, log_data, swap),
                stored: stored(d),
            });
        }
    };
    add_rows(o, None);
    for s in o.children_named(&subgroup_tag) {
        let sname = s.child("NAME").map(Element::all_text).unwrap_or_default();
        add_rows(s, Some(&sname));
        if let Some(st) = stored(s) {
            subgroups.push((sname, st));
        }
    }
    // The test for subgroup differences is on the outcome: Q, P_Q, I2_Q.
    let subgroup_test = (!subgroups.is_empty())
        .then(|| Stored {
            q: num(o, "Q"),
            q_df: Some(subgroups.len().saturating_sub(1) as u32),
            q_pval: num(o, "P_Q"),
            i2: num(o, "I2_Q"),
            ..Stored::default()
        })
        .filter(|s| s.q.is_some());
    Ok(ReviewAnalysis {
        id,
        name,
        kind,
        measure: pooled_measure(method, kind, measure),
        measure_label,
        method,
        model: if o.attr("RANDOM") == Some("YES") {
            EffectModel::Random
        } else {
            EffectModel::Fixed
        },
        level: level("CI_TOTAL"),
        study_level: level("CI_STUDY"),
        group_labels: (text_of("GROUP_LABEL_1"), text_of("GROUP_LABEL_2")),
        left_favours_experimental,
        stored: stored(o),
        subgroups,
        subgroup_test,
        rows,
    })
}

fn row_data(d: &Element, kind: DataKind, log_data: bool, swap: bool) -> RowData {
    let n = |name: &str| num(d, name);
    let data = match kind {
        DataKind::Dichotomous => (|| {
            let (n1, n2) = (n("TOTAL_1")?, n("TOTAL_2")?);
            let (mut e1, mut e2) = (n("EVENTS_1")?, n("EVENTS_2")?);
            if swap {
                (e1, e2) = (n1 - e1, n2 - e2);
            }
            Some(RowData::Counts { e1, n1, e2, n2 })
        })(),
        DataKind::Continuous => (|| {
            let columns = ["MEAN_1", "SD_1", "TOTAL_1", "MEAN_2", "SD_2", "TOTAL_2"];
            let [m1, sd1, n1, m2, sd2, n2] = columns.map(&n);
            Some(RowData::Means(ArmMeans::new([
                m1?, sd1?, n1?, m2?, sd2?, n2?,
            ])))
        })(),
        DataKind::Generic => (|| {
            let es = n("EFFECT_SIZE")?;
            let yi = if log_data { es.ln() } else { es };
            Some(RowData::Generic { yi, se: n("SE")? })
        })(),
        DataKind::OE => (|| {
            Some(RowData::OE {
                oe: n("O_E")?,
                var: n("VAR")?,
            })
        })(),
    };
    data.unwrap_or(RowData::Missing)
}
