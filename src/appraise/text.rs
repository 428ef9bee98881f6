//! GRADE's plain-language ("informative") statements and small helpers for writing numbers and
//! names in sentences.
//!
//! The statements follow Santesso N, Glenton C, Dahm P, et al. "GRADE guidelines 26: informative
//! statements to communicate the findings of systematic reviews of interventions." J Clin
//! Epidemiol 2020;119:126–135, which Cochrane uses in plain-language summaries: the certainty sets
//! the verb ("reduces", "probably reduces", "may reduce", "the evidence is very uncertain") and
//! the size of the effect decides between an effect and "little or no difference".

use super::certainty::Certainty;
use crate::i18n::{t, tn, Lang};

/// Which way the outcome moved with the treatment (literal direction, not good or bad).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Reduces,
    Increases,
}

/// Whether an effect matters, against the thresholds of importance, and which way it goes: what
/// the wording needs. (A [`summary::Finding`](super::summary::Finding) is a whole result.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Importance {
    /// An effect large enough to matter, in the given direction.
    Important(Direction),
    /// An effect too small to matter (or none).
    LittleOrNone,
}

/// Each text once, in the order of first use (a list for a sentence names each thing once).
pub fn distinct(texts: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in texts {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Lower-cases the first letter of a name used inside a sentence, unless the first word is an
/// acronym or contains digits ("LDL change", "ASA", "T25FW" stay as they are), or the name is
/// written in title case, as a proper name or an imported review's heading is ("Mental Health
/// Treatment versus Control" would read "mental Health Treatment…").
pub fn lower_first(s: &str) -> String {
    let s = s.trim();
    let mut words = s.split(|c: char| c.is_whitespace() || c == '-' || c == '(' || c == ',');
    let first_word = words.next().unwrap_or("");
    let uppers = first_word.chars().filter(|c| c.is_uppercase()).count();
    let digits = first_word.chars().any(|c| c.is_ascii_digit());
    if uppers >= 2 || digits || title_case(words) {
        return s.to_string();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => crate::case::lower(f).to_string() + c.as_str(),
        None => String::new(),
    }
}

/// Whether the words after a name's first are in title case: at least two begin with a capital,
/// and more than begin with a small letter (acronyms and words with digits say nothing).
fn title_case<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    let (mut capital, mut small) = (0, 0);
    for w in words {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let acronym = w.chars().filter(|c| c.is_uppercase()).count() >= 2;
        if acronym || w.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        // (Told by the crate's case pairs: `char::is_lowercase` would bring its own table.)
        match w.chars().next() {
            Some(c) if crate::case::lower(c) != c => capital += 1,
            Some(c) if crate::case::upper(c) != c => small += 1,
            _ => {}
        }
    }
    capital >= 2 && capital > small
}

/// Words that follow a colon: Spanish and French go on in lower case ("Descrito…: ningún
/// efecto"), English keeps the capital of a sentence.
pub fn after_colon(lang: Lang, s: &str) -> String {
    match lang {
        Lang::En => s.trim().to_string(),
        Lang::Es | Lang::Fr => lower_first(s),
    }
}

/// Upper-cases the first letter (for the start of a sentence).
pub fn upper_first(s: &str) -> String {
    let s = s.trim();
    let mut c = s.chars();
    match c.next() {
        Some(f) => crate::case::upper(f).to_string() + c.as_str(),
        None => String::new(),
    }
}

/// An outcome name as the object of "reduces"/"increases" in `lang`: a count of people is said
/// by the number of them ("Patients with a serious adverse event" becomes "the number of
/// patients with a serious adverse event", "el número de pacientes con…"), by the heads each
/// language's catalogue lists (`stmt.count_heads`); a name with its `article` (the data's, see
/// [`crate::model::Outcome::article`]) after it ("la progresión de la discapacidad",
/// "l’absence de poussée"); any other name as it is in English, and quoted as the outcome it is
/// in Spanish and French, whose articles would need its gender.
pub fn outcome_object(lang: Lang, name: &str, article: Option<&str>) -> String {
    let y = lower_first(name);
    if count_head(lang, &y).is_some() {
        return tn(lang, "stmt.object_count", &[("outcome", &y)]);
    }
    with_article(&y, article).unwrap_or_else(|| tn(lang, "stmt.object", &[("outcome", &y)]))
}

/// An outcome where a sentence's own verb or preposition comes before it ("…ont encore été
/// concernées par la progression du handicap"): with its `article` as [`outcome_object`] gives
/// it, else quoted as a name in Spanish and French (`stmt.named`), whose articles would need
/// its gender; as it is in English.
pub fn outcome_named(lang: Lang, name: &str, article: Option<&str>) -> String {
    let y = lower_first(name);
    with_article(&y, article).unwrap_or_else(|| tn(lang, "stmt.named", &[("outcome", &y)]))
}

/// "la progresión…", "l’échec…": a name after its article, `None` without one.
fn with_article(name: &str, article: Option<&str>) -> Option<String> {
    let a = article.map(str::trim).filter(|a| !a.is_empty())?;
    let elided = a.ends_with(['’', '\'']);
    Some(format!("{a}{}{name}", if elided { "" } else { " " }))
}

/// A therapy's name inside a sentence in `lang`: lower-cased unless an acronym ("aspirin",
/// "AHSCT"), and "this treatment" for data that name none.
pub fn name_in_sentence(lang: Lang, therapy: &str) -> String {
    if crate::model::terms::is_blank(therapy) {
        lower_first(t(lang, "therapy.unnamed"))
    } else {
        lower_first(therapy)
    }
}

/// Whom a statement is about.
#[derive(Clone, Copy, Debug)]
pub enum Subject<'a> {
    /// A therapy by its name in the data; `plural` for its verbs' number ("Antibiotics reduce…").
    Therapy { name: &'a str, plural: bool },
    /// Data that name no therapy: "this treatment", singular.
    Unnamed,
    /// A pool of different therapies: "the treatments", plural.
    Several,
}

impl<'a> Subject<'a> {
    /// A study's own therapy: `Unnamed` where its name is blank.
    pub fn of(name: &'a str, plural: bool) -> Self {
        if crate::model::terms::is_blank(name) {
            Subject::Unnamed
        } else {
            Subject::Therapy { name, plural }
        }
    }

    /// The subject as it stands inside a sentence in `lang`, and whether its verb is plural. In
    /// Spanish and French a bare name cannot be the subject ("aspirina reduce…"), and its article
    /// depends on the name's gender and number, which a dataset's vocabulary does not give: the
    /// subject is the treatment with it (`stmt.subject`), singular ("el tratamiento con
    /// aspirina").
    fn phrase(self, lang: Lang) -> (String, bool) {
        match self {
            Subject::Therapy { name, plural } => {
                let name = lower_first(name);
                let subject = tn(lang, "stmt.subject", &[("therapy", &name)]);
                // The verb agrees with the name only where the name is the whole subject.
                let agrees = subject == name;
                (subject, plural && agrees)
            }
            Subject::Unnamed => (name_in_sentence(lang, ""), false),
            Subject::Several => (t(lang, "pool.the_treatments").to_string(), true),
        }
    }
}

/// The GRADE informative statement for an effect of `subject` on `outcome`, in `lang`, its
/// verbs agreeing with the subject's number ("Aspirin probably reduces…", "Antibiotics
/// probably reduce…", "El tratamiento con aspirina reduce…"), as Cochrane's plain-language
/// summaries word them in each language.
///
/// * high: "X reduces Y" / "X results in little or no difference in Y"
/// * moderate: "X probably reduces Y" / "X probably results in little or no difference in Y"
/// * low: "X may reduce Y" / "X may result in little or no difference in Y"
/// * very low: "The evidence is very uncertain about the effect of X on Y"
pub fn statement(
    lang: Lang,
    certainty: Certainty,
    subject: Subject,
    outcome: &str,
    article: Option<&str>,
    importance: Importance,
) -> String {
    let y = outcome_object(lang, outcome, article);
    let (x, plural) = subject.phrase(lang);
    if certainty == Certainty::VeryLow {
        return tn(lang, "stmt.very_low", &[("therapy", &x), ("outcome", &y)]);
    }
    let level = match certainty {
        Certainty::High => "high",
        Certainty::Moderate => "moderate",
        _ => "low",
    };
    let what = match importance {
        Importance::Important(Direction::Reduces) => "reduce",
        Importance::Important(Direction::Increases) => "increase",
        Importance::LittleOrNone => "none",
    };
    let number = if plural { "other" } else { "one" };
    upper_first(&tn(
        lang,
        &format!("stmt.{level}.{what}.{number}"),
        &[("therapy", &x), ("outcome", &y)],
    ))
}

/// The statement for numbers from one group only. An outcome that counts only what was
/// attributed to the treatment (`attributed`) says how often the treatment caused it, as the
/// study judged, rather than that the study cannot show the treatment's part in it. The outcome
/// is said as [`outcome_object`] says it, but where it names what was counted.
pub fn single_arm_statement(
    lang: Lang,
    subject: Subject,
    outcome: &str,
    article: Option<&str>,
    review: bool,
    attributed: bool,
) -> String {
    let (x, _) = subject.phrase(lang);
    let (key, y) = match (review, attributed) {
        (true, false) => (
            "stmt.single_arm_review",
            outcome_object(lang, outcome, article),
        ),
        (false, false) => ("stmt.single_arm", outcome_object(lang, outcome, article)),
        (true, true) => ("stmt.single_arm_review_attributed", lower_first(outcome)),
        (false, true) => ("stmt.single_arm_attributed", lower_first(outcome)),
    };
    tn(lang, key, &[("therapy", &x), ("outcome", &y)])
}

/// A number for a sentence in `lang`: up to `digits` decimals, trailing zeros dropped, a
/// decimal comma in Spanish and French; never NaN text.
pub fn num(lang: Lang, x: f64, digits: usize) -> String {
    if !x.is_finite() {
        return t(lang, "num.not_available").to_string();
    }
    let mut s = format!("{:.*}", digits, x);
    if s.contains('.') {
        let kept = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(kept);
    }
    if s == "-0" {
        s.remove(0);
    }
    if lang != Lang::En {
        s = s.replace('.', ",").replace('-', "\u{2212}");
    }
    s
}

/// A ratio or difference for a sentence: two decimals, one for large values, two significant
/// digits for small ones (0.004, not 0).
pub fn effect_num(lang: Lang, x: f64) -> String {
    let a = x.abs();
    if a >= 10.0 {
        num(lang, x, 1)
    } else if a > 0.0 && a < 0.1 {
        let digits = (-a.log10().floor()) as usize + 1;
        num(lang, x, digits.min(12))
    } else {
        num(lang, x, 2)
    }
}

/// An outcome name without a leading "Patients with" or the like (the English heads of
/// `stmt.count_heads`), for "one fewer person with the outcome “…”".
pub fn outcome_core(name: &str) -> String {
    let y = lower_first(name);
    let head = count_head(Lang::En, &y).map(str::len);
    match head.filter(|&n| y[n..].starts_with(' ')) {
        Some(n) => y[n + 1..].to_string(),
        None => y,
    }
}

/// The head that makes an outcome name (lower-first) a count of people in `lang` ("patients
/// with"), as the catalogue lists them (`stmt.count_heads`), when the name starts with one.
fn count_head(lang: Lang, name: &str) -> Option<&'static str> {
    (t(lang, "stmt.count_heads").split('|')).find(|head| starts_with_ignoring_case(name, head))
}

/// Whether `s` starts with the ASCII `prefix` in any case.
fn starts_with_ignoring_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A fraction as a percentage ("46%"; "46 %" in Spanish and French).
pub fn pct(lang: Lang, x: f64) -> String {
    let n = num(lang, x * 100.0, 1);
    match lang {
        Lang::En => format!("{n}%"),
        Lang::Es => format!("{n}\u{a0}%"),
        Lang::Fr => format!("{n}\u{202f}%"),
    }
}

/// Names of effect measures in words.
pub fn measure_words(lang: Lang, m: crate::model::Measure) -> &'static str {
    use crate::model::Measure::*;
    let key = match m {
        Rr => "measure.rr",
        Or => "measure.or",
        Rd => "measure.rd",
        Hr => "measure.hr",
        Irr => "measure.irr",
        Md => "measure.md",
        Smd => "measure.smd",
        Pr | Plo => "measure.pr",
        Gen => "measure.gen",
    };
    t(lang, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casing() {
        assert_eq!(
            lower_first("Disability progression"),
            "disability progression"
        );
        assert_eq!(lower_first("LDL change"), "LDL change");
        assert_eq!(lower_first("ASA"), "ASA");
        assert_eq!(lower_first("T25FW"), "T25FW");
        assert_eq!(lower_first("Beta blockers"), "beta blockers");
        // A heading in title case keeps its capitals; one capitalised name inside does not make it.
        assert_eq!(
            lower_first("Mental Health Treatment versus Control"),
            "Mental Health Treatment versus Control"
        );
        assert_eq!(
            lower_first("Aspirin for Preventing Death after Myocardial Infarction"),
            "Aspirin for Preventing Death after Myocardial Infarction"
        );
        assert_eq!(
            lower_first("Pain on the VAS (Huskisson scale)"),
            "pain on the VAS (Huskisson scale)"
        );
        assert_eq!(
            lower_first("Change in LDL at 12 Months"),
            "change in LDL at 12 Months"
        );
        assert_eq!(upper_first("beta blockers"), "Beta blockers");
        assert_eq!(lower_first(""), "");
        assert_eq!(
            outcome_object(Lang::En, "Patients with a serious adverse event", None),
            "the number of patients with a serious adverse event"
        );
        assert_eq!(outcome_object(Lang::En, "Relapses", None), "relapses");
        // In Spanish and French a count of people is a number too, and any other outcome is
        // named as one, unless the data give its article (which needs the noun's gender).
        assert_eq!(
            outcome_object(Lang::Es, "Pacientes con un evento adverso grave", None),
            "el número de pacientes con un evento adverso grave"
        );
        assert_eq!(
            outcome_object(
                Lang::Fr,
                "Patients ayant eu un événement indésirable grave",
                None
            ),
            "le nombre de patients ayant eu un événement indésirable grave"
        );
        assert_eq!(
            outcome_object(Lang::Es, "Recaídas", None),
            "el resultado «recaídas»"
        );
        assert_eq!(
            outcome_object(Lang::Es, "Recaídas", Some("las")),
            "las recaídas"
        );
        assert_eq!(
            outcome_object(Lang::Fr, "Absence de poussée", Some("l’")),
            "l’absence de poussée"
        );
        assert_eq!(
            outcome_object(Lang::Fr, "Hauteur (en cm)", Some(" la ")),
            "la hauteur (en cm)"
        );
        // A count of people is the number of them, whatever article its name has.
        assert_eq!(
            outcome_object(Lang::Es, "Pacientes con un brote", Some("los")),
            "el número de pacientes con un brote"
        );
    }

    /// After a verb or preposition of the sentence's own, a name without its article is quoted
    /// in Spanish and French, not said to be a result; a count of people keeps its name.
    #[test]
    fn an_outcome_named_after_a_preposition() {
        assert_eq!(outcome_named(Lang::En, "Relapses", None), "relapses");
        assert_eq!(outcome_named(Lang::Es, "Recaídas", None), "«recaídas»");
        assert_eq!(
            outcome_named(Lang::Es, "Recaídas", Some("las")),
            "las recaídas"
        );
        assert_eq!(
            outcome_named(Lang::Fr, "Échec du traitement", None),
            "«\u{a0}échec du traitement\u{a0}»"
        );
        assert_eq!(
            outcome_named(Lang::Fr, "Échec du traitement", Some("l’")),
            "l’échec du traitement"
        );
        assert_eq!(
            outcome_named(Lang::Es, "Pacientes con un brote", None),
            "«pacientes con un brote»"
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(num(Lang::En, 0.5, 2), "0.5");
        assert_eq!(num(Lang::Es, 0.5, 2), "0,5");
        assert_eq!(num(Lang::Fr, -1.25, 2), "\u{2212}1,25");
        assert_eq!(num(Lang::En, 12.0, 1), "12");
        assert_eq!(num(Lang::En, -0.0001, 2), "0");
        assert_eq!(num(Lang::En, f64::NAN, 2), "not available");
        assert_eq!(pct(Lang::En, 0.4631), "46.3%");
        assert_eq!(pct(Lang::Fr, 0.4631), "46,3\u{202f}%");
        assert_eq!(effect_num(Lang::En, 0.0042), "0.0042");
        assert_eq!(effect_num(Lang::En, 0.07), "0.07");
        assert_eq!(effect_num(Lang::En, 1.5), "1.5");
        assert_eq!(
            outcome_core("Patients with a serious adverse event"),
            "a serious adverse event"
        );
    }

    #[test]
    fn outcome_names_lose_or_gain_their_head_in_any_case() {
        assert_eq!(outcome_core("PATIENTS WITH relapse"), "relapse");
        assert_eq!(outcome_core("Subjects With NEDA"), "NEDA");
        assert_eq!(
            outcome_core("Patient-reported fatigue"),
            "patient-reported fatigue"
        );
        assert_eq!(outcome_core("Ménière attacks"), "ménière attacks");
        assert_eq!(
            outcome_object(Lang::En, "PEOPLE WITH a relapse", None),
            "the number of PEOPLE WITH a relapse"
        );
        assert_eq!(
            outcome_object(Lang::En, "Relapse rate", None),
            "relapse rate"
        );
        assert_eq!(
            outcome_object(Lang::En, "Pat", None),
            "pat",
            "shorter than any head"
        );
    }
}
