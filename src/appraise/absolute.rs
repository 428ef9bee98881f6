//! Absolute effects: what a relative effect means for 100 (or 1,000) people, and the number needed
//! to treat or harm.
//!
//! GRADE summary-of-findings tables give the risk with and without the treatment for an assumed
//! (baseline) risk, because a relative effect alone misleads: halving a 2% risk and halving a 60%
//! risk are very different things (GRADE Handbook 5.2.2 and the "absolute effect" column of SoF
//! tables). The baseline is a study's control-arm risk when it has one, otherwise one the caller
//! gives, otherwise the one the dataset gives for the outcome ([`crate::model::Baseline`], GRADE's
//! "risk with the comparator", for results without counts such as a hazard ratio); a pooled body
//! takes the caller's, then the median of its control arms, then one its studies all give.
//! Conversions, for a baseline risk `b`:
//!
//! * risk ratio: `b × RR`;
//! * odds ratio: `OR·b / (1 − b + OR·b)`;
//! * risk difference: `b + RD`;
//! * hazard ratio: `1 − (1 − b)^HR` (proportional hazards over the same follow-up).
//!
//! Each bound of the relative effect's interval goes through the same conversion. Rate ratios
//! (counts of lesions or relapses per person) and mean differences are not risks and get no
//! absolute numbers here.

use std::fmt;

use serde::Serialize;

use crate::i18n::{t, tn, Lang};

use crate::model::{Baseline, Better, Measure, Outcome};

use super::text::{lower_first, name_in_sentence, num, outcome_core, upper_first};

/// Where the baseline risk came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BaselineSource {
    /// The study's own control arm (events / total).
    ControlArm,
    /// The median control-arm risk of the studies in a pooled body.
    MedianControlArm,
    /// Given by the caller ([`super::AppraiseOptions::baselines`]).
    Caller,
    /// Given by the dataset, with where it comes from ([`crate::model::Baseline`]).
    Data,
}

/// The risk in the comparison group that comparative numbers start from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assumed<'a> {
    /// A fraction.
    pub risk: f64,
    pub source: BaselineSource,
    /// The time the risk is for, in the reader's language ("2 years").
    pub timepoint: Option<&'a str>,
    /// Where a dataset's risk comes from, in the reader's language.
    pub basis: Option<&'a str>,
}

impl<'a> Assumed<'a> {
    /// A risk with no time or words of its own (a control arm's, or the caller's).
    pub fn of(risk: f64, source: BaselineSource) -> Self {
        Assumed {
            risk,
            source,
            timepoint: None,
            basis: None,
        }
    }

    /// A dataset's baseline risk, in the reader's language.
    pub fn from_data(baseline: &'a Baseline, lang: Lang) -> Self {
        Assumed {
            risk: baseline.risk,
            source: BaselineSource::Data,
            timepoint: baseline.timepoint.as_ref().map(|t| t.get(lang.as_str())),
            basis: Some(baseline.basis.get(lang.as_str())),
        }
    }

    /// The dataset's baseline risk for `outcome`, or why there is none for it: not given, or
    /// given but not one this result can use (see `Outcome::usable_baseline`; `validate` tells
    /// the editor why, the reader is not told that none was given).
    pub fn given(outcome: &'a Outcome, lang: Lang) -> Result<Self, AbsoluteError> {
        match outcome.usable_baseline() {
            Ok(Some(baseline)) => Ok(Assumed::from_data(baseline, lang)),
            Ok(None) => Err(AbsoluteError::NoBaseline),
            Err(_) => Err(AbsoluteError::BaselineNotApplied),
        }
    }
}

/// An outcome's name with the time its numbers are for ("Disability progression within 2 years").
pub fn within(lang: Lang, outcome: &str, timepoint: Option<&str>) -> String {
    match timepoint {
        Some(time) => tn(lang, "abs.within", &[("outcome", outcome), ("time", time)]),
        None => outcome.to_string(),
    }
}

/// What the absolute numbers describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Treatment compared with control.
    Comparative,
    /// One group only: a proportion, with no comparison.
    SingleArm,
}

/// Counts out of `per` people (not rounded; round for display).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerN {
    pub per: u32,
    /// Without the treatment (the baseline); `None` for a single group.
    pub control: Option<f64>,
    /// With the treatment (or in the single group).
    pub treatment: f64,
    pub treatment_lb: Option<f64>,
    pub treatment_ub: Option<f64>,
    /// Treatment minus control; `None` for a single group.
    pub difference: Option<f64>,
    pub difference_lb: Option<f64>,
    pub difference_ub: Option<f64>,
}

impl PerN {
    /// The interval of the difference includes no difference: a picture must not show one.
    pub fn no_clear_difference(&self) -> bool {
        matches!((self.difference_lb, self.difference_ub), (Some(lo), Some(hi)) if lo <= 0.0 && hi >= 0.0)
    }

    /// The risk with the treatment in words, as a fact box gives it: "about 3 in 100 (95% CI 1
    /// to 6)", and the risk in the comparison group when there is one ("… with it (95% CI 1 to
    /// 6) and about 7 in the comparison group"), so that a risk is never read as caused by the
    /// treatment when the comparison had as much.
    pub fn treated_words(&self, lang: Lang) -> String {
        let per = f64::from(self.per);
        let ci = self
            .treatment_range()
            .map(|range| people_ci(lang, range))
            .unwrap_or_default();
        let n = about(lang, self.treatment, per);
        let per_text = crate::i18n::int(lang, u64::from(self.per));
        let mut args = vec![("n", n.as_str()), ("per", per_text.as_str()), ("ci", &ci)];
        let without = self.control.map(|c| about(lang, c, per));
        match &without {
            Some(without) => {
                args.push(("without", without));
                tn(lang, "abs.in_per_compared", &args)
            }
            None => tn(lang, "abs.in_per", &args),
        }
    }

    /// The likely range with the treatment, when both ends are known.
    pub fn treatment_range(&self) -> Option<(f64, f64)> {
        self.treatment_lb
            .zip(self.treatment_ub)
            .filter(|(lo, hi)| lo.is_finite() && hi.is_finite())
    }
}

/// Whether the number is needed to treat (benefit) or to harm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum NntKind {
    /// Number needed to treat for one more person to benefit.
    #[serde(rename = "NNT")]
    Nnt,
    /// Number needed to treat for one more person to be harmed.
    #[serde(rename = "NNH")]
    Nnh,
}

impl fmt::Display for NntKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NntKind::Nnt => "NNT",
            NntKind::Nnh => "NNH",
        })
    }
}

/// Number needed to treat or harm, rounded up to whole people.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Nnt {
    pub kind: NntKind,
    /// `None` when the point estimate is no difference at all (the number would be infinite).
    pub value: Option<u64>,
    /// Interval in people, only when the interval of the difference excludes no difference.
    pub ci_lb: Option<u64>,
    pub ci_ub: Option<u64>,
    /// False when the interval of the difference includes no difference: then the number is not
    /// meaningful (its interval would run through infinity, from helping to harming).
    pub meaningful: bool,
    pub text: String,
}

/// Absolute effect of one outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Absolute {
    pub basis: Basis,
    pub measure: Measure,
    /// Risk without the treatment, as a fraction.
    pub baseline: Option<f64>,
    pub baseline_source: Option<BaselineSource>,
    /// Risk (or proportion) with the treatment, as a fraction, with its interval.
    pub risk: f64,
    pub risk_lb: Option<f64>,
    pub risk_ub: Option<f64>,
    pub per_100: PerN,
    pub per_1000: PerN,
    pub nnt: Option<Nnt>,
    /// The time the numbers are for, when the baseline risk says ("2 years").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timepoint: Option<String>,
    /// The numbers in a sentence for lay readers, in full: with a comparison, per 1,000 and per
    /// 100, the difference with its interval and what the numbers assume.
    pub text: String,
    /// The same in short, for a card read on a phone: people out of 100 in the comparison group
    /// and with the treatment, and the interval with it (for one group, `text` is already short).
    pub short: String,
}

/// People out of 100 who had the outcome although they had the treatment, in a comparison, with
/// the range and the time the numbers are for: what a claim of a complete effect ("halts the
/// disease") is measured against.
#[derive(Debug, Clone, PartialEq)]
pub struct Despite {
    pub per_100: f64,
    pub range: Option<(f64, f64)>,
    pub timepoint: Option<String>,
}

impl Absolute {
    /// [`Despite`] for a comparison; `None` for one group, which cannot say what the treatment did.
    pub fn despite(&self) -> Option<Despite> {
        (self.basis == Basis::Comparative).then(|| Despite {
            per_100: self.per_100.treatment,
            range: self.per_100.treatment_range(),
            timepoint: self.timepoint.clone(),
        })
    }
}

impl Despite {
    /// ": disability progression within 2 years still affected about 5 in 100 people who had
    /// AHSCT (95% CI 1 to 15)", to follow the words that the evidence shows an effect but not a
    /// complete one; `None` when next to no one had it (then the effect may be complete). The
    /// outcome's `article` ([`crate::model::Outcome::article`]) names it in Spanish and French.
    pub fn words(
        &self,
        lang: Lang,
        therapy: &str,
        outcome: &str,
        article: Option<&str>,
    ) -> Option<String> {
        if self.per_100.is_nan() || self.per_100 < 0.05 {
            return None;
        }
        let named = super::text::outcome_named(lang, outcome, article);
        let outcome = within(lang, &named, self.timepoint.as_deref());
        let ci = self
            .range
            .map_or(String::new(), |range| people_ci(lang, range));
        Some(tn(
            lang,
            "verdict.despite",
            &[
                ("outcome", &outcome),
                ("n", &people(lang, self.per_100)),
                ("ci", &ci),
                ("therapy", &name_in_sentence(lang, therapy)),
            ],
        ))
    }
}

/// Why absolute effects could not be computed.
#[derive(Debug, Clone, PartialEq)]
pub enum AbsoluteError {
    /// The measure does not describe a risk (rate ratios, mean differences, generic effects).
    NotARisk(Measure),
    /// A baseline risk must be a fraction between 0 and 1.
    BaselineOutOfRange(f64),
    /// A comparative effect needs a baseline risk and none was available.
    NoBaseline,
    /// The data give a baseline risk that this result cannot use (see
    /// `Outcome::usable_baseline`): a risk difference, or a hazard ratio of a good outcome.
    BaselineNotApplied,
    /// A pooled body's studies give different baseline risks (or times, or sources), so there is
    /// no one risk to start from.
    BaselinesDiffer,
    /// A value was not a finite number, or a ratio was not positive.
    Invalid(&'static str),
    /// The counts pool treatment periods of the same people: a risk per period is not a risk
    /// per person.
    PooledPeriods,
    /// A ratio applied to a risk of 0 or 1 without the treatment gives that same risk whatever the
    /// ratio: no one (or everyone) had the outcome in the comparison groups.
    ExtremeBaseline,
}

impl fmt::Display for AbsoluteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AbsoluteError::NotARisk(m) => write!(
                f,
                "a {} is not a risk, so it has no numbers per 100 people",
                m.as_str()
            ),
            AbsoluteError::BaselineOutOfRange(b) => {
                write!(f, "baseline risk {b} is not between 0 and 1")
            }
            AbsoluteError::NoBaseline => {
                write!(f, "no baseline risk (no control arm counts and none given)")
            }
            AbsoluteError::BaselineNotApplied => {
                write!(
                    f,
                    "the data's baseline risk does not apply to this kind of result"
                )
            }
            AbsoluteError::BaselinesDiffer => {
                write!(f, "the studies give different baseline risks")
            }
            AbsoluteError::Invalid(what) => write!(f, "{what} is not a valid number"),
            AbsoluteError::PooledPeriods => {
                write!(f, "the counts are of treatment periods, not of people")
            }
            AbsoluteError::ExtremeBaseline => {
                write!(f, "a ratio cannot change a baseline risk of 0 or 1")
            }
        }
    }
}

impl std::error::Error for AbsoluteError {}

impl AbsoluteError {
    /// This reason, unless `measure` is not a risk at all: then that is the reason, whatever
    /// baseline there is or is not.
    pub fn for_measure(self, measure: Measure) -> AbsoluteError {
        if measure.is_risk() {
            self
        } else {
            AbsoluteError::NotARisk(measure)
        }
    }

    /// Why there are no numbers per 100 people, in `lang` (for readers).
    pub fn words(&self, lang: Lang) -> String {
        match self {
            AbsoluteError::NotARisk(m) => tn(
                lang,
                "note.not_a_risk",
                &[("measure", super::text::measure_words(lang, *m))],
            ),
            AbsoluteError::NoBaseline => t(lang, "note.no_baseline").to_string(),
            AbsoluteError::BaselineNotApplied => t(lang, "note.baseline_not_applied").to_string(),
            AbsoluteError::BaselinesDiffer => t(lang, "note.baselines_differ").to_string(),
            AbsoluteError::PooledPeriods => t(lang, "note.periods").to_string(),
            AbsoluteError::ExtremeBaseline => t(lang, "note.extreme_baseline").to_string(),
            _ => t(lang, "note.no_absolute").to_string(),
        }
    }
}

/// Risk with the treatment for a baseline risk and a relative (or difference) effect.
pub fn treated_risk(measure: Measure, baseline: f64, effect: f64) -> Result<f64, AbsoluteError> {
    if !(0.0..=1.0).contains(&baseline) || !baseline.is_finite() {
        return Err(AbsoluteError::BaselineOutOfRange(baseline));
    }
    if !effect.is_finite() {
        return Err(AbsoluteError::Invalid("effect"));
    }
    if measure.is_ratio() && effect <= 0.0 {
        return Err(AbsoluteError::Invalid("ratio"));
    }
    let r = match measure {
        Measure::Rr => baseline * effect,
        Measure::Or => {
            let den = 1.0 - baseline + effect * baseline;
            if den <= 0.0 {
                return Err(AbsoluteError::Invalid("odds ratio conversion"));
            }
            effect * baseline / den
        }
        Measure::Rd => baseline + effect,
        Measure::Hr => 1.0 - (1.0 - baseline).powf(effect),
        m => return Err(AbsoluteError::NotARisk(m)),
    };
    if !r.is_finite() {
        return Err(AbsoluteError::Invalid("risk"));
    }
    Ok(r.clamp(0.0, 1.0))
}

/// Whole people from a fractional number: rounded up, with floating-point noise removed first
/// (1 / 0.1 is 10.000000000000002 in binary, which must give 10, not 11).
pub fn ceil_people(x: f64) -> Option<u64> {
    if !x.is_finite() || x <= 0.0 || x > 1e12 {
        return None;
    }
    let r = x.round();
    let v = if (x - r).abs() <= 1e-9 * x.max(1.0) {
        r
    } else {
        x.ceil()
    };
    Some(v.max(1.0) as u64)
}

/// The number needed to treat or harm from a risk difference `d` (treatment minus control, per
/// person) and its interval. Favourable direction from `better`. Rounded up (Cochrane Handbook
/// 15.4.4: "NNTs should be rounded up to the next whole number"); the same is done for NNH.
#[allow(clippy::too_many_arguments)]
pub fn nnt(
    lang: Lang,
    d: f64,
    d_lb: f64,
    d_ub: f64,
    better: Better,
    therapy: &str,
    outcome: &str,
) -> Nnt {
    let favourable = match better {
        Better::Lower => d < 0.0,
        Better::Higher => d > 0.0,
    };
    let kind = if favourable {
        NntKind::Nnt
    } else {
        NntKind::Nnh
    };
    let (lo, hi) = if d_lb <= d_ub {
        (d_lb, d_ub)
    } else {
        (d_ub, d_lb)
    };
    let crosses = lo <= 0.0 && hi >= 0.0;
    let value = if d.abs() > 1e-12 {
        ceil_people(1.0 / d.abs())
    } else {
        None
    };
    let (ci_lb, ci_ub) = if crosses {
        (None, None)
    } else {
        let (a, b) = (lo.abs().max(hi.abs()), lo.abs().min(hi.abs()));
        (ceil_people(1.0 / a), ceil_people(1.0 / b))
    };
    let x = name_in_sentence(lang, therapy);
    let y = if lang == Lang::En {
        outcome_core(outcome)
    } else {
        lower_first(outcome)
    };
    let direction = t(lang, if d < 0.0 { "nnt.fewer" } else { "nnt.more" });
    let kind_words = t(
        lang,
        match kind {
            NntKind::Nnt => "nnt.nnt",
            NntKind::Nnh => "nnt.nnh",
        },
    );
    let text = match value {
        None => tn(lang, "nnt.none", &[("outcome", &y)]),
        Some(v) => {
            let v = v.to_string();
            let ci = match (ci_lb, ci_ub) {
                (Some(a), Some(b)) if a != b && !crosses => tn(
                    lang,
                    "nnt.ci",
                    &[("lower", &a.to_string()), ("upper", &b.to_string())],
                ),
                _ => String::new(),
            };
            let args = [
                ("kind", kind_words),
                ("n", v.as_str()),
                ("ci", ci.as_str()),
                ("therapy", x.as_str()),
                ("direction", direction),
                ("outcome", y.as_str()),
            ];
            tn(
                lang,
                if crosses {
                    "nnt.not_meaningful"
                } else {
                    "nnt.value"
                },
                &args,
            )
        }
    };
    Nnt {
        kind,
        value,
        ci_lb,
        ci_ub,
        meaningful: !crosses && value.is_some(),
        text,
    }
}

fn fin(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// A number of people (out of 100 or 1,000) as the sentences and charts write it: whole from
/// one person up, one decimal below ("0.2"), and "<0.1" for fewer still but not none, so that a
/// rare harm never reads as "0".
pub fn people(lang: Lang, x: f64) -> String {
    if x > 0.0 && x < 0.05 {
        format!("<{}", num(lang, 0.1, 1))
    } else {
        num(lang, x, people_decimals(x))
    }
}

/// "About" `x` people out of `per` when the count is not exact: none is none ("0 in 100
/// people"), all is all, and "<0.1" says its own uncertainty.
fn about(lang: Lang, x: f64, per: f64) -> String {
    if x == 0.0 || x == per || x < 0.05 {
        people(lang, x)
    } else {
        tn(lang, "abs.about", &[("n", &people(lang, x))])
    }
}

/// The largest risk per 100 that none seen in `seen` people cannot rule out: the exact upper limit
/// of a two-sided 95% interval for no events, 1 − 0.025^(1/n) (what the "rule of three", 3/n,
/// approximates one-sided).
fn none_seen_bound(seen: u64) -> f64 {
    (1.0 - 0.025f64.powf(1.0 / seen as f64)) * 100.0
}

/// Whether an interval given for none seen in `seen` people (its upper end per 100) reaches less
/// than half of what that many people can rule out (a review's interval pooled from small studies).
fn too_narrow(seen: u64, upper: f64) -> bool {
    upper < none_seen_bound(seen) / 2.0
}

/// " No such case among 133 people: a risk of up to 3 in 100 cannot be ruled out; the interval
/// given, 0 to 0.3 in 100, is narrower than that number of people can show." None seen is not no
/// risk: the bound is [`none_seen_bound`], rounded up as shown. Said when no interval is given,
/// or when the one given (per 100) is [`too_narrow`]: `quoted`, which the sentence then quotes
/// (the sentence before leaves it out, so that it is not read as the answer); a computed
/// interval already says it.
fn none_seen(lang: Lang, seen: u64, quoted: Option<(f64, f64)>) -> String {
    let bound = none_seen_bound(seen);
    let narrower = match quoted {
        None => String::new(),
        Some((lower, upper)) => tn(
            lang,
            "abs.narrower",
            &[
                ("lower", &people(lang, lower)),
                ("upper", &people(lang, upper)),
            ],
        ),
    };
    // An upper limit is rounded up, so that it never understates what cannot be ruled out.
    let scale = 10f64.powi(people_decimals(bound) as i32);
    let shown = (bound * scale).ceil() / scale;
    let form = crate::i18n::plural_form(lang, seen as f64);
    tn(
        lang,
        &format!("abs.none_seen.{form}"),
        &[
            ("people", &crate::i18n::int(lang, seen)),
            ("bound", &people(lang, shown)),
            ("narrower", &narrower),
        ],
    )
}

/// " (95% CI 1 to 15)": an interval of people, each end written as [`people`] writes it.
fn people_ci(lang: Lang, (lower, upper): (f64, f64)) -> String {
    tn(
        lang,
        "abs.ci",
        &[
            ("lower", &people(lang, lower)),
            ("upper", &people(lang, upper)),
        ],
    )
}

/// The number [`people`] shows, rounded as it shows it.
fn shown(x: f64) -> f64 {
    let scale = 10f64.powi(people_decimals(x) as i32);
    (x * scale).round() / scale
}

/// Decimals for a number of people: one below one person ("0.7"), none from one up.
fn people_decimals(x: f64) -> usize {
    usize::from(x.abs() < 1.0 && x != 0.0)
}

fn per_n(per: u32, base: Option<f64>, r: f64, lb: Option<f64>, ub: Option<f64>) -> PerN {
    let k = per as f64;
    let (dl, du) = match (base, lb, ub) {
        (Some(b), Some(l), Some(u)) => (fin((l - b) * k), fin((u - b) * k)),
        _ => (None, None),
    };
    PerN {
        per,
        control: base.map(|b| b * k).and_then(fin),
        treatment: r * k,
        treatment_lb: lb.map(|l| l * k).and_then(fin),
        treatment_ub: ub.map(|u| u * k).and_then(fin),
        difference: base.map(|b| (r - b) * k).and_then(fin),
        difference_lb: dl,
        difference_ub: du,
    }
}

/// Absolute effect of a comparative outcome: a relative effect (RR, OR, HR) or a risk difference
/// with its 95% interval, for a baseline risk.
#[allow(clippy::too_many_arguments)]
pub fn comparative(
    measure: Measure,
    estimate: f64,
    ci_lb: f64,
    ci_ub: f64,
    assumed: Assumed<'_>,
    better: Better,
    lang: Lang,
    therapy: &str,
    outcome: &str,
) -> Result<Absolute, AbsoluteError> {
    if !measure.is_risk() {
        return Err(AbsoluteError::NotARisk(measure));
    }
    // A hazard ratio counts the event that ends a good outcome: a risk of the good outcome put
    // through it would come out as the event's (see `Outcome::usable_baseline`).
    if measure == Measure::Hr && better == Better::Higher {
        return Err(AbsoluteError::BaselineNotApplied);
    }
    let baseline = assumed.risk;
    // 0 times any ratio is 0: "about 0 without and about 0 with it" would hide any effect.
    if measure.is_ratio() && (baseline == 0.0 || baseline == 1.0) {
        return Err(AbsoluteError::ExtremeBaseline);
    }
    let r = treated_risk(measure, baseline, estimate)?;
    let a = treated_risk(measure, baseline, ci_lb)?;
    let b = treated_risk(measure, baseline, ci_ub)?;
    let (lb, ub) = (a.min(b), a.max(b));
    let d = r - baseline;
    let n = nnt(
        lang,
        d,
        lb - baseline,
        ub - baseline,
        better,
        therapy,
        &within(lang, outcome, assumed.timepoint),
    );
    let p100 = per_n(100, Some(baseline), r, Some(lb), Some(ub));
    let p1000 = per_n(1000, Some(baseline), r, Some(lb), Some(ub));
    let x = name_in_sentence(lang, therapy);
    // "About the same" only for no difference at all (beyond floating-point noise: a hazard
    // ratio of 1 gives 1 - (1 - b)^1, a hair from b): an end of 0.4 fewer in 1,000 still
    // excludes none, as the statement beside it says.
    let change_of = |d: f64| {
        if d.abs() < 1e-6 {
            t(lang, "abs.same").to_string()
        } else if d < 0.0 {
            tn(lang, "abs.fewer", &[("n", &people(lang, -d))])
        } else {
            tn(lang, "abs.more", &[("n", &people(lang, d))])
        }
    };
    // The difference with its interval, as a summary-of-findings table gives it.
    let change = match (p1000.difference, p1000.difference_lb, p1000.difference_ub) {
        (Some(d), Some(lo), Some(hi)) => tn(
            lang,
            "abs.change_ci",
            &[
                ("change", &change_of(d)),
                ("lower", &change_of(lo)),
                ("upper", &change_of(hi)),
            ],
        ),
        (d, _, _) => change_of(d.unwrap_or(0.0)),
    };
    let hr_note = match (measure, assumed.timepoint) {
        (Measure::Hr, Some(time)) => tn(lang, "abs.hr_note_time", &[("time", time)]),
        (Measure::Hr, None) => t(lang, "abs.hr_note").to_string(),
        _ => String::new(),
    };
    let name = within(lang, &upper_first(outcome), assumed.timepoint);
    let basis = assumed.basis.map_or(String::new(), |basis| {
        let basis = basis.trim().trim_end_matches('.');
        tn(lang, "abs.baseline_basis", &[("basis", basis)])
    });
    let numbers = [
        people(lang, baseline * 1000.0),
        people(lang, r * 1000.0),
        people(lang, lb * 1000.0),
        people(lang, ub * 1000.0),
        people(lang, baseline * 100.0),
        people(lang, r * 100.0),
    ];
    let ci100 = people_ci(lang, (lb * 100.0, ub * 100.0));
    // One set of words for both sentences: each template takes what it needs.
    let words = [
        ("outcome", name.as_str()),
        ("therapy", &x),
        ("without", &numbers[0]),
        ("with", &numbers[1]),
        ("lower", &numbers[2]),
        ("upper", &numbers[3]),
        ("change", &change),
        ("without100", &numbers[4]),
        ("with100", &numbers[5]),
        ("ci100", &ci100),
        ("hr_note", &hr_note),
    ];
    let text = tn(lang, "abs.comparative", &words) + &basis;
    let short = tn(lang, "abs.comparative_short", &words);
    Ok(Absolute {
        basis: Basis::Comparative,
        measure,
        baseline: Some(baseline),
        baseline_source: Some(assumed.source),
        timepoint: assumed.timepoint.map(str::to_owned),
        risk: r,
        risk_lb: Some(lb),
        risk_ub: Some(ub),
        per_100: p100,
        per_1000: p1000,
        nnt: Some(n),
        text,
        short,
    })
}

/// Absolute numbers for one group: the proportion with its (Wilson or reported) interval, and the
/// statement that there was no comparison group, or, for an outcome that counts only what was
/// attributed to the treatment (`attributed`), that the study attributed it. For a harm seen in
/// none of `seen` people, also the largest risk that this cannot rule out, when no interval
/// shown says it already.
pub fn single_arm(
    p: f64,
    lb: Option<f64>,
    ub: Option<f64>,
    lang: Lang,
    (therapy, outcome): (&str, &str),
    attributed: bool,
    seen: Option<u64>,
) -> Result<Absolute, AbsoluteError> {
    if !p.is_finite() || !(0.0..=1.0).contains(&p) {
        return Err(AbsoluteError::Invalid("proportion"));
    }
    let lb = lb.and_then(fin).map(|v| v.clamp(0.0, 1.0));
    let ub = ub.and_then(fin).map(|v| v.clamp(0.0, 1.0));
    let none_in = seen.filter(|&n| n > 0 && p == 0.0);
    let given = lb.zip(ub).map(|(l, u)| (l * 100.0, u * 100.0));
    // An interval too narrow for the people seen is quoted where that is explained, not beside
    // the count; the numbers the charts draw take what that many people can show instead.
    let narrow = given.filter(|(_, u)| none_in.is_some_and(|n| too_narrow(n, *u)));
    let ci = match given {
        Some(interval) if narrow.is_none() => people_ci(lang, interval),
        _ => String::new(),
    };
    let (drawn_lb, drawn_ub) = match none_in.filter(|_| narrow.is_some()) {
        Some(n) => (Some(0.0), Some(none_seen_bound(n) / 100.0)),
        None => (lb, ub),
    };
    // French agrees the noun with the number as shown ("0,2 personne", "3 personnes").
    let form = crate::i18n::plural_form(lang, shown(p * 100.0));
    let key = if attributed {
        format!("abs.single_arm_attributed.{form}")
    } else {
        format!("abs.single_arm.{form}")
    };
    let n = about(lang, p * 100.0, 100.0);
    let mut text = tn(
        lang,
        &key,
        &[
            ("outcome", &upper_first(outcome)),
            ("n", &n),
            ("ci", &ci),
            ("therapy", &name_in_sentence(lang, therapy)),
        ],
    );
    if let Some(seen) = none_in.filter(|_| given.is_none() || narrow.is_some()) {
        text.push_str(&none_seen(lang, seen, narrow));
    }
    Ok(Absolute {
        basis: Basis::SingleArm,
        measure: Measure::Pr,
        baseline: None,
        baseline_source: None,
        timepoint: None,
        risk: p,
        risk_lb: lb,
        risk_ub: ub,
        per_100: per_n(100, None, p, drawn_lb, drawn_ub),
        per_1000: per_n(1000, None, p, drawn_lb, drawn_ub),
        nnt: None,
        short: text.clone(),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hazard ratio of exactly 1 is about the same, not "<0.1 fewer" from rounding noise.
    #[test]
    fn no_difference_is_about_the_same_whatever_the_measure() {
        let assumed = Assumed::of(0.2, BaselineSource::Caller);
        let a = comparative(
            Measure::Hr,
            1.0,
            0.5,
            1.0,
            assumed,
            Better::Lower,
            Lang::En,
            "X",
            "progression",
        )
        .unwrap();
        assert!(a.text.contains("(about the same; 95% CI "), "{}", a.text);
        assert!(a.text.contains(" fewer to about the same)"), "{}", a.text);
    }

    #[test]
    fn conversions() {
        assert!((treated_risk(Measure::Rr, 0.2, 0.5).unwrap() - 0.1).abs() < 1e-12);
        // OR 2 at 20%: odds 0.25 -> 0.5 -> risk 1/3
        assert!((treated_risk(Measure::Or, 0.2, 2.0).unwrap() - 1.0 / 3.0).abs() < 1e-12);
        assert!((treated_risk(Measure::Rd, 0.2, -0.05).unwrap() - 0.15).abs() < 1e-12);
        // HR 0.5 at 36%: 1 - 0.64^0.5 = 0.2
        assert!((treated_risk(Measure::Hr, 0.36, 0.5).unwrap() - 0.2).abs() < 1e-12);
        assert_eq!(
            treated_risk(Measure::Irr, 0.2, 0.5),
            Err(AbsoluteError::NotARisk(Measure::Irr))
        );
        assert_eq!(
            treated_risk(Measure::Rr, 1.5, 0.5),
            Err(AbsoluteError::BaselineOutOfRange(1.5))
        );
        assert_eq!(treated_risk(Measure::Rr, 0.8, 2.0).unwrap(), 1.0);
    }

    #[test]
    fn ceil_people_rounds_up_without_float_noise() {
        assert_eq!(ceil_people(1.0 / 0.1), Some(10));
        assert_eq!(ceil_people(10.2), Some(11));
        assert_eq!(ceil_people(1.0 / 0.3), Some(4));
        assert_eq!(ceil_people(0.4), Some(1));
        assert_eq!(ceil_people(f64::INFINITY), None);
        assert_eq!(ceil_people(0.0), None);
    }
}
