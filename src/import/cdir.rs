//! Reading the Cochrane data package: the zip the Cochrane Library offers for a review, its inner
//! `*-data.zip`, or the `*-data-rows.csv` with the CSV files beside it.
//!
//! The analyses are in `*-analysis-data/`: `*-data-rows.csv` (one row per study and analysis),
//! `*-overall-estimates-and-settings.csv` (each analysis's settings and pooled result) and
//! `*-subgroup-estimates.csv`; the studies in `*-study-data/*-study-information.csv`. Numbers in
//! these files are rounded to about six significant digits. Analyses are numbered by group and
//! number; they get RevMan's ids (`CMP-001.01`) so that both formats give the same outcome ids.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use crate::model::{EffectModel, Judgement, Measure, Stored};

use super::review::{
    judged, measure_from_name, method_from_name, pooled_measure, ArmMeans, Comparison, DataKind,
    Review, ReviewAnalysis, ReviewStudy, Row, RowData,
};
use super::text::decode_utf8;
use super::{ImportError, Note, MAX_IMPORT_BYTES};

/// Zip entries looked at, at most (a data package has about ten).
const MAX_ENTRIES: usize = 10_000;

/// The CSV files of a data package, as text, by the end of their names.
#[derive(Debug, Clone, Default)]
pub struct Files {
    /// The name of the package, for the title (the zip's top folder, or the files' prefix).
    pub name: Option<String>,
    pub data_rows: Option<String>,
    pub settings: Option<String>,
    pub subgroups: Option<String>,
    pub study_information: Option<String>,
    pub risk_of_bias: Option<String>,
}

impl Files {
    /// Keeps a file's text if its name is one of the package's.
    pub fn offer(&mut self, name: &str, bytes: &[u8]) -> Result<(), ImportError> {
        let slot = if name.ends_with("-data-rows.csv") {
            &mut self.data_rows
        } else if name.ends_with("-overall-estimates-and-settings.csv") {
            &mut self.settings
        } else if name.ends_with("-subgroup-estimates.csv") {
            &mut self.subgroups
        } else if name.ends_with("-study-information.csv") {
            &mut self.study_information
        } else if name.ends_with("-risk-of-bias.csv") {
            &mut self.risk_of_bias
        } else {
            return Ok(());
        };
        *slot = Some(decode_utf8(bytes, name)?);
        Ok(())
    }
}

fn zip_error(e: zip::result::ZipError) -> ImportError {
    ImportError::Zip {
        message: e.to_string(),
    }
}

/// Reads a zip (the package or its inner `*-data.zip`) into [`Files`], opening one inner zip.
pub fn files_from_zip(bytes: &[u8], depth: usize) -> Result<Files, ImportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    let mut files = Files::default();
    let count = archive.len();
    if count > MAX_ENTRIES {
        return Err(ImportError::TooManyEntries {
            count,
            limit: MAX_ENTRIES,
        });
    }
    for i in 0..count {
        let mut entry = archive.by_index(i).map_err(zip_error)?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().to_string();
        if files.name.is_none() {
            files.name = name
                .split('/')
                .next()
                .filter(|top| name.contains('/') && !top.is_empty())
                .map(str::to_owned);
        }
        let wanted = name.ends_with(".csv") || (depth == 0 && name.ends_with("-data.zip"));
        if !wanted {
            continue;
        }
        if entry.size() > MAX_IMPORT_BYTES {
            return Err(ImportError::TooLarge {
                what: name,
                bytes: entry.size(),
                limit: MAX_IMPORT_BYTES,
            });
        }
        let mut buf = Vec::new();
        // The declared size can lie; never read more than the limit.
        (&mut entry)
            .take(MAX_IMPORT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| ImportError::Zip {
                message: format!("{name}: {e}"),
            })?;
        if buf.len() as u64 > MAX_IMPORT_BYTES {
            return Err(ImportError::TooLarge {
                what: name,
                bytes: buf.len() as u64,
                limit: MAX_IMPORT_BYTES,
            });
        }
        if name.ends_with("-data.zip") {
            let inner = files_from_zip(&buf, depth + 1)?;
            files.data_rows = files.data_rows.or(inner.data_rows);
            files.settings = files.settings.or(inner.settings);
            files.subgroups = files.subgroups.or(inner.subgroups);
            files.study_information = files.study_information.or(inner.study_information);
            files.risk_of_bias = files.risk_of_bias.or(inner.risk_of_bias);
            if files.name.is_none() {
                files.name = name
                    .strip_suffix("-data.zip")
                    .map(|n| n.rsplit('/').next().unwrap_or(n).to_string());
            }
        } else {
            files.offer(&name, &buf)?;
        }
    }
    Ok(files)
}

/// A CSV file read into rows of named cells.
struct Table {
    file: &'static str,
    header: Vec<String>,
    rows: Vec<(u64, Vec<String>)>,
}

impl Table {
    fn read(file: &'static str, text: &str) -> Result<Table, ImportError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(text.as_bytes());
        let csv_error = |e: csv::Error| ImportError::Csv {
            file: file.to_string(),
            line: e.position().map_or(0, |p| p.line()),
            message: e.to_string(),
        };
        let header: Vec<String> = reader
            .headers()
            .map_err(csv_error)?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(csv_error)?;
            let line = record.position().map_or(0, |p| p.line());
            rows.push((line, record.iter().map(|c| c.trim().to_string()).collect()));
        }
        Ok(Table { file, header, rows })
    }

    fn col(&self, name: &str) -> Result<usize, ImportError> {
        self.header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| ImportError::MissingColumn {
                file: self.file.to_string(),
                column: name.to_string(),
            })
    }
}

/// One row of a [`Table`], with typed getters whose errors name the line and column.
struct Cells<'a> {
    table: &'a Table,
    line: u64,
    cells: &'a [String],
}

impl Cells<'_> {
    fn text(&self, column: &str) -> Option<&str> {
        let i = self.table.header.iter().position(|h| h == column)?;
        self.cells
            .get(i)
            .map(String::as_str)
            .filter(|c| !c.is_empty() && *c != "#N/A")
    }

    /// `column`'s value is not `expected` (a catalogue key).
    fn bad_value(&self, column: &str, expected: &'static str) -> ImportError {
        ImportError::BadValue {
            file: self.table.file.to_string(),
            line: self.line,
            column: column.to_string(),
            value: self.text(column).unwrap_or("").to_string(),
            expected,
        }
    }

    /// A number; thousands separators and a trailing `%` are allowed, empty is `None`.
    fn num(&self, column: &str) -> Result<Option<f64>, ImportError> {
        let Some(t) = self.text(column) else {
            return Ok(None);
        };
        let cleaned: String = t.chars().filter(|c| *c != ',' && *c != '%').collect();
        match crate::number::parse_f64(cleaned.trim()) {
            Some(x) if x.is_finite() => Ok(Some(x)),
            _ => Err(self.bad_value(column, "expect.number")),
        }
    }
}

fn rows(table: &Table) -> impl Iterator<Item = Cells<'_>> {
    table.rows.iter().map(move |(line, cells)| Cells {
        table,
        line: *line,
        cells,
    })
}

/// The analysis id RevMan gives the `number`th analysis of group `group`: `CMP-001.01`.
fn analysis_id(group: u32, number: u32) -> String {
    format!("CMP-{group:03}.{number:02}")
}

fn ids(c: &Cells<'_>) -> Result<(u32, u32), ImportError> {
    let whole = |col: &str| -> Result<u32, ImportError> {
        match c.num(col)? {
            Some(x) if x >= 0.0 && x.fract() == 0.0 && x < 1e6 => Ok(x as u32),
            _ => Err(c.bad_value(col, "import.expect.analysis_number")),
        }
    };
    Ok((whole("Analysis group")?, whole("Analysis number")?))
}

/// A pooled result as the CSV files give it. The package writes zeros where RevMan computed
/// nothing, so a result whose interval has no width is no result.
fn stored(c: &Cells<'_>, weight: Option<&str>) -> Result<Option<Stored>, ImportError> {
    let s = Stored {
        estimate: c.num("Mean")?,
        ci_lb: c.num("CI start")?,
        ci_ub: c.num("CI end")?,
        se: None,
        weight: match weight {
            Some(col) => c.num(col)?,
            None => None,
        },
        tau2: c.num("Heterogeneity Tau²")?,
        q: c.num("Heterogeneity Chi²")?,
        q_df: c.num("Heterogeneity df")?.map(|d| d.max(0.0) as u32),
        q_pval: c.num("Heterogeneity P")?,
        i2: c.num("Heterogeneity I²")?,
        zval: c.num("Effect Z")?,
        pval: c.num("Effect P")?,
    };
    let computed = matches!((s.ci_lb, s.ci_ub), (Some(a), Some(b)) if a < b);
    Ok(computed.then_some(s))
}

/// Turns the package's files into a review.
pub fn read(files: &Files, warnings: &mut Vec<Note>) -> Result<Review, ImportError> {
    let need = |f: &Option<String>, name: &str| {
        f.clone().ok_or_else(|| ImportError::MissingFile {
            name: name.to_string(),
        })
    };
    let settings = Table::read(
        "overall-estimates-and-settings.csv",
        &need(&files.settings, "*-overall-estimates-and-settings.csv")?,
    )?;
    let data = Table::read("data-rows.csv", &need(&files.data_rows, "*-data-rows.csv")?)?;
    for col in [
        "Analysis group",
        "Analysis number",
        "Data type",
        "Statistical method",
        "Effect measure",
    ] {
        settings.col(col)?;
    }
    for col in ["Analysis group", "Analysis number", "Study"] {
        data.col(col)?;
    }

    let mut comparisons: Vec<Comparison> = Vec::new();
    let mut index: BTreeMap<(u32, u32), (usize, usize)> = BTreeMap::new();
    for c in rows(&settings) {
        let (group, number) = ids(&c)?;
        let id = analysis_id(group, number);
        let kind = match c.text("Data type").unwrap_or("") {
            "Dichotomous" => DataKind::Dichotomous,
            "Continuous" => DataKind::Continuous,
            "Contrast level" => DataKind::Generic,
            "O-E and variance" => DataKind::OE,
            other => {
                warnings.push(Note::DataTypeLeftOut {
                    analysis: id,
                    data_type: other.to_string(),
                });
                continue;
            }
        };
        let method_name = c.text("Statistical method").unwrap_or("IV");
        let Some(method) = method_from_name(method_name) else {
            warnings.push(Note::UnknownMethod {
                analysis: id,
                method: method_name.to_string(),
            });
            continue;
        };
        let measure_name = c.text("Effect measure").unwrap_or("");
        let (measure, measure_label) = match measure_from_name(measure_name) {
            Some(m) => (m, None),
            None if matches!(kind, DataKind::Generic | DataKind::OE) => {
                (Measure::Gen, Some(measure_name.to_string()))
            }
            None => {
                warnings.push(Note::UnknownMeasure {
                    analysis: id,
                    measure: measure_name.to_string(),
                });
                continue;
            }
        };
        let level = |col: &str| -> Result<f64, ImportError> {
            Ok(c.num(col)?
                .filter(|l| *l > 0.0 && *l < 100.0)
                .unwrap_or(95.0))
        };
        let analysis = ReviewAnalysis {
            id,
            name: c.text("Analysis name").unwrap_or("").to_string(),
            kind,
            measure: pooled_measure(method, kind, measure),
            measure_label,
            method,
            model: if c
                .text("Analysis model")
                .is_some_and(|m| m.starts_with("Random"))
            {
                EffectModel::Random
            } else {
                EffectModel::Fixed
            },
            level: level("Estimate CI")?,
            study_level: level("Study CI")?,
            group_labels: (
                c.text("Experimental group label").map(str::to_owned),
                c.text("Control group label").map(str::to_owned),
            ),
            left_favours_experimental: None,
            stored: stored(&c, None)?,
            subgroups: Vec::new(),
            subgroup_test: None,
            rows: Vec::new(),
        };
        let subgroup_test = Stored {
            q: c.num("Subgroup Chi²")?,
            q_df: c.num("Subgroup df")?.map(|d| d.max(0.0) as u32),
            q_pval: c.num("Subgroup P")?,
            i2: c.num("Subgroup I²")?,
            ..Stored::default()
        };
        let analysis = ReviewAnalysis {
            subgroup_test: subgroup_test.q.is_some().then_some(subgroup_test),
            ..analysis
        };
        let ci = match comparisons
            .iter()
            .position(|x| x.id == format!("CMP-{group:03}"))
        {
            Some(i) => i,
            None => {
                comparisons.push(Comparison {
                    id: format!("CMP-{group:03}"),
                    name: c.text("Analysis group name").unwrap_or("").to_string(),
                    experimental: c.text("Experimental intervention").map(str::to_owned),
                    control: c.text("Control intervention").map(str::to_owned),
                    analyses: Vec::new(),
                });
                comparisons.len() - 1
            }
        };
        index.insert((group, number), (ci, comparisons[ci].analyses.len()));
        comparisons[ci].analyses.push(analysis);
    }

    let mut studies: Vec<ReviewStudy> = Vec::new();
    for c in rows(&data) {
        let key = ids(&c)?;
        let Some(&(ci, ai)) = index.get(&key) else {
            continue;
        };
        let Some(name) = c.text("Study").map(str::to_owned) else {
            continue;
        };
        if !studies.iter().any(|s| s.id == name) {
            studies.push(ReviewStudy {
                id: name.clone(),
                name: name.clone(),
                year: c
                    .num("Study year")?
                    .filter(|y| (1.0..=9999.0).contains(y))
                    .map(|y| y as u16),
                ..ReviewStudy::default()
            });
        }
        let a = &mut comparisons[ci].analyses[ai];
        let data = row_data(&c, a.kind)?;
        let row_stored = stored(&c, Some("Weight"))?;
        a.rows.push(Row {
            study: name,
            subgroup: c.text("Subgroup").map(str::to_owned),
            data,
            stored: row_stored,
        });
    }

    if let Some(text) = &files.subgroups {
        let table = Table::read("subgroup-estimates.csv", text)?;
        for c in rows(&table) {
            let Some(&(ci, ai)) = index.get(&ids(&c)?) else {
                continue;
            };
            if let (Some(name), Some(s)) = (c.text("Subgroup"), stored(&c, None)?) {
                comparisons[ci].analyses[ai]
                    .subgroups
                    .push((name.to_string(), s));
            }
        }
    }
    if let Some(text) = &files.study_information {
        let table = Table::read("study-information.csv", text)?;
        for c in rows(&table) {
            let Some(name) = c.text("Study") else {
                continue;
            };
            if let Some(s) = studies.iter_mut().find(|s| s.id == name) {
                s.methods = c.text("Char: Methods").map(str::to_owned);
            }
        }
    }

    if let Some(text) = &files.risk_of_bias {
        // The analyses do not depend on it: a table that cannot be read is left out, said.
        if let Err(e) = read_risk_of_bias(text, &mut studies) {
            warnings.push(Note::RiskOfBiasUnread(Box::new(e)));
        }
    }

    Ok(Review {
        title: files.name.clone(),
        doi: files.name.as_deref().and_then(doi_from_name),
        date: None,
        date_kind: "",
        source: "Cochrane data package".into(),
        studies,
        comparisons,
    })
}

/// The review's risk-of-bias table: a row per study, a `Domain (judgement): NAME` column per
/// domain ("Low risk", "High risk", "Unclear risk", "Not applicable"; RoB 2's "Some concerns" is
/// read as unclear) with its `Domain (support): NAME`.
fn read_risk_of_bias(text: &str, studies: &mut [ReviewStudy]) -> Result<(), ImportError> {
    const JUDGEMENT: &str = "Domain (judgement): ";
    let table = Table::read("risk-of-bias.csv", text)?;
    let domains: Vec<&str> = table
        .header
        .iter()
        .filter_map(|h| h.strip_prefix(JUDGEMENT))
        .collect();
    for c in rows(&table) {
        let Some(study) = c
            .text("Study")
            .and_then(|n| studies.iter_mut().find(|s| s.id == n))
        else {
            continue;
        };
        for domain in &domains {
            let judgement = match c
                .text(&format!("{JUDGEMENT}{domain}"))
                .map(str::to_ascii_lowercase)
            {
                Some(j) if j.starts_with("low") => Judgement::Low,
                Some(j) if j.starts_with("high") => Judgement::High,
                Some(j) if j.starts_with("unclear") || j.starts_with("some concerns") => {
                    Judgement::Unclear
                }
                _ => continue,
            };
            let support = c.text(&format!("Domain (support): {domain}"));
            study
                .risk_of_bias
                .extend(judged(domain, judgement, support));
        }
    }
    Ok(())
}

/// A Cochrane review's DOI from a package named after it (`CD012345.pub2-…`).
fn doi_from_name(name: &str) -> Option<String> {
    let at = name.find("CD")?;
    let rest = &name[at..];
    let digits = rest[2..].chars().take_while(char::is_ascii_digit).count();
    if digits < 6 {
        return None;
    }
    let mut end = 2 + digits;
    if let Some(pub_) = rest[end..].strip_prefix(".pub") {
        let n = pub_.chars().take_while(char::is_ascii_digit).count();
        if n > 0 {
            end += 4 + n;
        }
    }
    Some(format!("10.1002/14651858.{}", &rest[..end]))
}

fn row_data(c: &Cells<'_>, kind: DataKind) -> Result<RowData, ImportError> {
    let n = |col: &str| c.num(col);
    Ok(match kind {
        DataKind::Dichotomous => match (
            n("Experimental cases")?,
            n("Experimental N")?,
            n("Control cases")?,
            n("Control N")?,
        ) {
            (Some(e1), Some(n1), Some(e2), Some(n2)) => RowData::Counts { e1, n1, e2, n2 },
            _ => RowData::Missing,
        },
        DataKind::Continuous => match (
            n("Experimental mean")?,
            n("Experimental SD")?,
            n("Experimental N")?,
            n("Control mean")?,
            n("Control SD")?,
            n("Control N")?,
        ) {
            (Some(m1), Some(sd1), Some(n1), Some(m2), Some(sd2), Some(n2)) => {
                RowData::Means(ArmMeans::new([m1, sd1, n1, m2, sd2, n2]))
            }
            _ => RowData::Missing,
        },
        DataKind::Generic => match (n("GIV Mean")?, n("GIV SE")?) {
            // "GIV Mean" is as entered: already the log when the data are on the log scale.
            (Some(yi), Some(se)) => RowData::Generic { yi, se },
            _ => RowData::Missing,
        },
        DataKind::OE => match (n("O-E")?, n("Variance")?) {
            (Some(oe), Some(var)) => RowData::OE { oe, var },
            _ => RowData::Missing,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dois_come_from_cd_numbers() {
        assert_eq!(
            doi_from_name("CD001431.pub6-data-package").as_deref(),
            Some("10.1002/14651858.CD001431.pub6")
        );
        assert_eq!(
            doi_from_name("CD012345").as_deref(),
            Some("10.1002/14651858.CD012345")
        );
        assert_eq!(doi_from_name("Fleiss1993"), None);
    }
}
