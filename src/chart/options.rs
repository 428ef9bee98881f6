//! What an editor or reader chose to see: the view, the outcome, the filters, the order and
//! the pooling method. Every view reads these; none of them is defined by a view.

use std::borrow::Cow;

use crate::appraise::matching::Lexicon;
use crate::appraise::AppraiseOptions;
use crate::i18n::Lang;
use crate::model::json::{read_other, to_enum, to_list, to_named, to_string, Json, Reader, Sink};
use crate::model::{Dataset, Design, Issue, Outcome, OutcomeKind, Study};
use crate::stats::Method;

/// The views the widget can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    /// The answer first: each therapy's benefit, harm and certainty in plain words.
    #[default]
    Summary,
    /// One row per study and outcome, with intervals and pooled diamonds.
    Forest,
    /// Every study placed by design strength and size.
    Map,
    /// Icon arrays: out of 100 people, with the treatment and in the comparison group.
    Harms,
    /// Each claim with its verdict and the evidence behind it.
    Claims,
    /// Funnel plot of one pooled outcome, with trim-and-fill.
    Funnel,
}

impl View {
    pub const NAMES: &'static [&'static str] =
        &["summary", "forest", "map", "harms", "claims", "funnel"];

    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The i18n key of the view's name as shown to readers.
    pub fn i18n_key(self) -> &'static str {
        [
            "view.summary",
            "view.forest",
            "view.map",
            "view.harms",
            "view.claims",
            "view.funnel",
        ][self as usize]
    }
}

impl std::str::FromStr for View {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "" | "summary" => Ok(View::Summary),
            "forest" => Ok(View::Forest),
            "map" => Ok(View::Map),
            "harms" => Ok(View::Harms),
            "claims" => Ok(View::Claims),
            "funnel" => Ok(View::Funnel),
            other => Err(format!(
                "unknown view \"{other}\"; expected one of {}",
                View::NAMES.join(", ")
            )),
        }
    }
}

/// How rows are ordered within their group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    /// As the studies come in the dataset.
    #[default]
    Dataset,
    /// Oldest first.
    Year,
    /// Smallest estimate first (on the log scale for ratios).
    Effect,
    /// Largest study first.
    Size,
    /// Most certain first.
    Certainty,
}

impl Sort {
    pub const NAMES: &'static [&'static str] = &["dataset", "year", "effect", "size", "certainty"];
}

impl std::str::FromStr for Sort {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "" | "dataset" => Ok(Sort::Dataset),
            "year" => Ok(Sort::Year),
            "effect" => Ok(Sort::Effect),
            "size" => Ok(Sort::Size),
            "certainty" => Ok(Sort::Certainty),
            other => Err(format!(
                "unknown sort \"{other}\"; expected one of {}",
                Sort::NAMES.join(", ")
            )),
        }
    }
}

/// Which studies and outcomes are shown. Every list keeps what matches any of its
/// entries; an empty list keeps everything. Text is compared case-insensitively.
/// Each field takes one value or a list (`"aspirin"` or `["aspirin", "clopidogrel"]`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    /// Studies whose condition contains one of these words ("heart attack", "acute").
    pub condition: Vec<String>,
    /// Studies of one of these therapies, by name ("aspirin", "clopidogrel").
    pub therapy: Vec<String>,
    /// Studies whose route contains one of these words ("intrathecal", "intravenous").
    pub route: Vec<String>,
    /// Studies of one of these designs, by their data names (`rct`, `crossover_rct`,
    /// `non_randomised_controlled`, `single_arm`, `cohort`, `case_series`, `systematic_review`).
    pub design: Vec<Design>,
    /// Outcomes of these kinds (`benefit`, `harm`). Also accepted as `outcomeKind`.
    pub kind: Vec<OutcomeKind>,
}

/// What an editor or reader chose to see. Read from the object the web glue receives from
/// JavaScript ([`ViewOptions::from_json`]): camelCase names, every field optional, unknown fields
/// rejected (a typo is an error, not a silently ignored option). Example:
/// `{"view": "map", "lang": "es", "sort": "year", "filters": {"therapy": ["aspirin"], "design": "rct"}}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewOptions {
    /// `summary` (default), `forest`, `map`, `harms`, `claims` or `funnel`.
    pub view: View,
    /// Only outcomes whose id or name matches (case-insensitive); none for all. The
    /// funnel plot draws this outcome (or the first that can be pooled).
    pub outcome: Option<String>,
    /// Language of everything drawn: `en` (default), `es`, `fr`.
    pub lang: Lang,
    /// Which studies and outcomes to show.
    pub filters: Filters,
    /// Order of rows within their group: `dataset` (default), `year`, `effect`, `size`, `certainty`.
    pub sort: Sort,
    /// Estimator of the between-study variance for pooled diamonds and the funnel:
    /// `FE`, `DL`, `REML` (default, as metafor), `ML`, `PM`, `HE`, `SJ`, `EB`.
    pub method: Option<Method>,
}

const OPTION_FIELDS: &[&str] = &["view", "outcome", "lang", "filters", "sort", "method"];
const FILTER_FIELDS: &[&str] = &[
    "condition",
    "therapy",
    "route",
    "design",
    "kind",
    "outcomeKind",
];

fn read_options(v: &Json<'_>, sink: &mut Sink) -> Option<ViewOptions> {
    let mut r = Reader::new(v, "", sink, OPTION_FIELDS)?;
    let options = ViewOptions {
        view: r
            .opt("view", named("what.view", View::NAMES))
            .unwrap_or_default(),
        outcome: r.opt("outcome", to_string),
        lang: r
            .opt("lang", named("what.language", Lang::NAMES))
            .unwrap_or_default(),
        filters: r.opt("filters", read_filters).unwrap_or_default(),
        sort: r
            .opt("sort", named("what.sort", Sort::NAMES))
            .unwrap_or_default(),
        method: r.opt("method", named("what.method", &Method::NAMES)),
    };
    (!r.failed).then_some(options)
}

fn read_filters(v: &Json<'_>, path: &str, sink: &mut Sink) -> Option<Filters> {
    // `outcomeKind` is another name for `kind`: one of them.
    let both = v.get("kind").is_some() && v.get("outcomeKind").is_some();
    if both {
        let (a, b) = ("kind", "outcomeKind");
        sink.error(format!("{path}.{b}"), Issue::BothGiven { a, b });
    }
    let mut r = Reader::new(v, path, sink, FILTER_FIELDS)?;
    let kind = one_or_many(to_enum::<OutcomeKind>("what.outcome_kind"));
    let filters = Filters {
        condition: r
            .opt("condition", one_or_many(to_string))
            .unwrap_or_default(),
        therapy: r.opt("therapy", one_or_many(to_string)).unwrap_or_default(),
        route: r.opt("route", one_or_many(to_string)).unwrap_or_default(),
        design: (r.opt("design", one_or_many(to_enum::<Design>("what.design"))))
            .unwrap_or_default(),
        kind: (r.opt("kind", &kind).or_else(|| r.opt("outcomeKind", &kind))).unwrap_or_default(),
    };
    (!r.failed && !both).then_some(filters)
}

/// A string that `T` reads (its `FromStr`, which may be lenient), one of `names`.
fn named<T: std::str::FromStr>(
    what: &'static str,
    names: &'static [&'static str],
) -> impl Fn(&Json<'_>, &str, &mut Sink) -> Option<T> {
    to_named(what, names, |s| s.parse().ok())
}

/// One value or a list of them (`"aspirin"` or `["aspirin", "clopidogrel"]`).
fn one_or_many<T>(
    item: impl Fn(&Json<'_>, &str, &mut Sink) -> Option<T>,
) -> impl Fn(&Json<'_>, &str, &mut Sink) -> Option<Vec<T>> {
    move |v, path, sink| match v {
        Json::Array(_) => to_list(v, path, sink, "expect.list", &item),
        one => item(one, path, sink).map(|x| vec![x]),
    }
}

/// What the options' `outcome` asks for in a dataset ([`ViewOptions::asked`]).
enum Asked<'o> {
    All,
    /// Outcomes with this id or name.
    Outcome(&'o str),
    /// A pooled body: an outcome id of the data and a treatment ([`Lexicon::treatment_key`]).
    Body {
        outcome: &'o str,
        treatment: &'o str,
    },
    /// No outcome of the data (a misspelt name): nothing is shown, rather than every study with
    /// none of its outcomes, of which the summary would say that none had shown a benefit.
    Unknown,
}

impl ViewOptions {
    /// Reads the options as given in attributes or on the command line.
    pub fn parse(view: &str, outcome: &str) -> Result<ViewOptions, String> {
        let view = view.parse()?;
        let outcome = Some(outcome.trim())
            .filter(|o| !o.is_empty())
            .map(str::to_string);
        Ok(ViewOptions {
            view,
            outcome,
            ..Default::default()
        })
    }

    /// Reads the options from a JSON object (the form the web glue receives), as a dataset is
    /// read: each problem with its path, an unknown field with the name it was probably meant as.
    pub fn from_json(json: &str) -> Result<ViewOptions, String> {
        read_other(json, read_options)
    }

    /// Whether `outcome` names nothing in `dataset` (a misspelt name), which keeps no study: the
    /// editor is told which outcomes there are.
    pub fn asks_unknown_outcome(&self, dataset: &Dataset) -> bool {
        matches!(self.asked(dataset), Asked::Unknown)
    }

    /// What `outcome` asks for in `dataset`: outcomes by their id or name, or else a pooled body
    /// by its id (`death/aspirin`), read as `analyze` reads it: at the longest outcome id the data
    /// has, the rest its treatment, in any ASCII case.
    fn asked<'o>(&'o self, dataset: &Dataset) -> Asked<'o> {
        let Some(o) = self.outcome.as_deref() else {
            return Asked::All;
        };
        let outcomes = || dataset.studies.iter().flat_map(|s| &s.outcomes);
        if outcomes().any(|x| x.id.eq_ignore_ascii_case(o) || x.name.eq_ignore_ascii_case(o)) {
            return Asked::Outcome(o);
        }
        match crate::appraise::body_splits(o)
            .find(|(id, _)| outcomes().any(|x| x.id.eq_ignore_ascii_case(id)))
        {
            Some((id, treatment)) => Asked::Body {
                outcome: id,
                treatment: crate::appraise::treatment_of_body(treatment),
            },
            None => Asked::Unknown,
        }
    }

    pub(crate) fn wants_study(&self, study: &Study) -> bool {
        let f = &self.filters;
        let contains = |list: &[String], value: &str| {
            let value = crate::case::to_lower(value);
            list.is_empty()
                || list
                    .iter()
                    .any(|w| value.contains(&crate::case::to_lower(w.trim())))
        };
        contains(&f.condition, &study.condition)
            && (f.therapy.is_empty()
                || f.therapy.iter().any(|t| {
                    t.trim()
                        .eq_ignore_ascii_case(study.intervention.therapy.trim())
                }))
            && (f.route.is_empty()
                || study
                    .intervention
                    .route
                    .as_deref()
                    .is_some_and(|r| contains(&f.route, r)))
            && (f.design.is_empty() || f.design.contains(&study.design))
    }

    /// How the views appraise: the caller's options in the reader's language and with the
    /// reader's method, without the ratings' reasons in words (no view shows them).
    pub fn appraise_options(&self, base: &AppraiseOptions) -> AppraiseOptions {
        AppraiseOptions {
            lang: self.lang,
            method: self.method.or(base.method),
            explain: false,
            ..base.clone()
        }
    }

    /// Whether the reader chose an outcome or a filter, which may leave studies out.
    pub fn narrows(&self) -> bool {
        // Named field by field, so that a new filter cannot be forgotten here.
        let Filters {
            condition,
            therapy,
            route,
            design,
            kind,
        } = &self.filters;
        self.outcome.is_some()
            || !condition.is_empty()
            || !therapy.is_empty()
            || !route.is_empty()
            || !design.is_empty()
            || !kind.is_empty()
    }

    /// The dataset with only the studies and outcomes the options keep (claims are kept);
    /// borrowed when nothing is filtered out, and otherwise only kept studies are copied.
    pub fn filtered<'a>(&self, dataset: &'a Dataset) -> Cow<'a, Dataset> {
        let kind = &self.filters.kind;
        if !self.narrows() {
            return Cow::Borrowed(dataset);
        }
        // A pooled body asked for by its id keeps its treatment's studies alone, as pooling
        // grouped them.
        let asked = self.asked(dataset);
        if let Asked::Unknown = asked {
            return Cow::Owned(dataset.with_studies(Vec::new()));
        }
        let lexicon = match asked {
            Asked::Body { .. } => Some(Lexicon::new(&dataset.vocabulary)),
            _ => None,
        };
        let of_treatment = |s: &Study| match (&asked, &lexicon) {
            (Asked::Body { treatment, .. }, Some(l)) => l
                .treatment_key(&s.intervention.therapy)
                .eq_ignore_ascii_case(treatment),
            _ => true,
        };
        let wants = |o: &Outcome| {
            let named = match asked {
                Asked::All => true,
                Asked::Outcome(x) => o.id.eq_ignore_ascii_case(x) || o.name.eq_ignore_ascii_case(x),
                Asked::Body { outcome, .. } => o.id.eq_ignore_ascii_case(outcome),
                // (Left above: it keeps no study.)
                Asked::Unknown => false,
            };
            named && (kind.is_empty() || kind.contains(&o.kind))
        };
        let studies = dataset
            .studies
            .iter()
            .filter(|s| self.wants_study(s) && of_treatment(s))
            .map(|s| {
                let mut s = s.clone();
                s.outcomes.retain(|o| wants(o));
                s
            })
            .collect();
        Cow::Owned(dataset.with_studies(studies))
    }
}
