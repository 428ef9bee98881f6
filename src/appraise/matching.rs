//! Matching words written by people: therapy names and their synonyms, conditions, outcomes.
//!
//! Claims are written by clinics and journalists, datasets by editors, so the same therapy comes
//! under several names ("MSC", "mesenchymal stem cells", "autologous bone-marrow MSCs"; "AHSCT",
//! "HSCT", "stem cell transplant"). Matching is case-insensitive and ignores punctuation.

use std::cell::RefCell;
use std::collections::HashMap;

/// Lower case, punctuation and hyphens turned into spaces, runs of spaces collapsed.
/// One pass and one allocation: appraising a large dataset normalizes every name many times.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if !c.is_alphanumeric() {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push(if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        });
    }
    out
}

/// Numbers strings by their normalized form, normalizing each distinct string once: datasets
/// repeat the same outcome ids and names across thousands of studies.
#[derive(Default)]
pub struct NormalizedKeys<'a> {
    raw: HashMap<&'a str, Option<usize>>,
    normalized: HashMap<String, usize>,
}

impl<'a> NormalizedKeys<'a> {
    /// The same number for strings that normalize alike; `None` for those that normalize to nothing.
    pub fn of(&mut self, s: &'a str) -> Option<usize> {
        if let Some(&key) = self.raw.get(s) {
            return key;
        }
        let n = normalize(s);
        let next = self.normalized.len();
        let key = (!n.is_empty()).then(|| *self.normalized.entry(n).or_insert(next));
        self.raw.insert(s, key);
        key
    }
}

/// The words of a normalized string.
fn words(s: &str) -> Vec<String> {
    normalize(s)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `hay` contains `phrase` as whole words (both normalized).
pub fn has_phrase(hay: &str, phrase: &str) -> bool {
    contains_words(&normalize(hay), &normalize(phrase))
}

/// Whether normalized `hay` contains normalized `phrase` starting and ending at word boundaries.
/// Every word start is tried, so a match that overlaps a rejected one is still found. For text
/// already normalized, against word lists written normalized: [`has_phrase`] normalizes both
/// every time, which cost a tenth of appraising 10,000 studies when one name was checked
/// against a list.
pub fn contains_words(hay: &str, phrase: &str) -> bool {
    let word_starts = std::iter::once(0).chain(hay.match_indices(' ').map(|(i, _)| i + 1));
    !phrase.is_empty()
        && word_starts.into_iter().any(|i| {
            let end = i + phrase.len();
            hay[i..].starts_with(phrase) && (end == hay.len() || hay.as_bytes()[end] == b' ')
        })
}

/// A family of therapies that claims and studies may name differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TherapyFamily {
    /// Mesenchymal stem (stromal) cells and products derived from them (MSC-NP).
    Msc,
    /// Autologous haematopoietic stem cell transplantation.
    Hsct,
    /// "Stem cells" / "stem cell therapy" without saying which: matches every stem-cell family.
    AnyStemCell,
}

/// Which family a therapy name belongs to, if any.
pub fn therapy_family(name: &str) -> Option<TherapyFamily> {
    let n = normalize(name);
    let w = words(name);
    let has = |t: &str| w.iter().any(|x| x == t);
    let hsct_words = ["hsct", "ahsct", "ahct", "hct", "bmt", "asct"];
    if hsct_words.iter().any(|t| has(t))
        || n.contains("haematopoietic")
        || n.contains("hematopoietic")
        || n.contains("haemopoietic")
        || n.contains("hemopoietic")
        || n.contains("stem cell transplant")
        || n.contains("bone marrow transplant")
    {
        return Some(TherapyFamily::Hsct);
    }
    let msc_words = [
        "msc",
        "mscs",
        "mesenchymal",
        "stromal",
        "msc np",
        "ucmsc",
        "bmmsc",
        "adscs",
        "adsc",
    ];
    if msc_words.iter().any(|t| has(t))
        || n.contains("msc ")
        || n.ends_with("msc")
        || n.contains("mesenchymal")
        || n.contains("umbilical cord")
        || n.contains("stromal vascular")
    {
        return Some(TherapyFamily::Msc);
    }
    if n.contains("stem cell") {
        return Some(TherapyFamily::AnyStemCell);
    }
    None
}

/// Whether a name is a product derived from MSC rather than MSC themselves (MSC-derived neural
/// progenitors, "MSC-NP"): a claim about one is not evidence about the other.
fn is_msc_np(name: &str) -> bool {
    let n = normalize(name);
    has_phrase(&n, "msc np")
        || has_phrase(&n, "mscnp")
        || has_phrase(&n, "msc nps")
        || n.contains("neural progenitor")
}

/// Whether a claim's therapy name refers to a study's therapy (case-insensitive, with synonyms).
/// Names in the same family match ("MSC", "mesenchymal stem cells", "UC-MSC"; "AHSCT", "HSCT",
/// "stem cell transplant"), except that MSC-derived neural progenitors (MSC-NP) are a different
/// product from MSC. A bare "stem cells" matches every stem-cell therapy.
pub fn therapy_matches(claim: &str, study: &str) -> bool {
    let (a, b) = (normalize(claim), normalize(study));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    if is_msc_np(claim) != is_msc_np(study) {
        return therapy_family(claim) == Some(TherapyFamily::AnyStemCell);
    }
    if has_phrase(&b, &a) || has_phrase(&a, &b) {
        return true;
    }
    match (therapy_family(claim), therapy_family(study)) {
        (Some(x), Some(y)) => {
            x == y || x == TherapyFamily::AnyStemCell || y == TherapyFamily::AnyStemCell
        }
        _ => false,
    }
}

/// How a study's condition relates to the condition of the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConditionFit {
    /// The same condition (or a form of it, e.g. relapsing MS for MS).
    Direct,
    /// The condition together with others (e.g. MS and ALS, or five autoimmune diseases).
    Mixed,
    /// Another condition altogether (e.g. liver cirrhosis for an MS question).
    Different,
}

const MS_WORDS: &[&str] = &["ms", "rrms", "spms", "ppms", "rms", "pms"];

/// Other conditions whose mention next to the main condition makes a population mixed.
const OTHER_CONDITIONS: &[&str] = &[
    "als",
    "amyotrophic",
    "lupus",
    "sle",
    "rheumatoid",
    "arthritis",
    "crohn",
    "inflammatory bowel",
    "ibd",
    "colitis",
    "spondylitis",
    "stroke",
    "spinal cord",
    "cirrhosis",
    "liver",
    "diabetes",
    "parkinson",
    "alzheimer",
    "autoimmune diseases",
    "neuromyelitis",
    "nmo",
    "nmosd",
    "myasthenia",
    "cancer",
    "lymphoma",
    "leukaemia",
    "leukemia",
    "scleroderma",
    "systemic sclerosis",
    "autism",
    "cerebral palsy",
    "covid",
];

fn is_ms(s: &str) -> bool {
    is_ms_normalized(&normalize(s))
}

fn is_ms_normalized(n: &str) -> bool {
    contains_words(n, "multiple sclerosis") || n.split(' ').any(|w| MS_WORDS.contains(&w))
}

/// A canonical name for a condition, so that "RRMS", "Relapsing MS" and "Multiple sclerosis" are
/// counted as one when finding a dataset's main condition.
pub fn canonical_condition(s: &str) -> String {
    if is_ms(s) {
        "multiple sclerosis".to_string()
    } else {
        normalize(s)
    }
}

/// The question's condition, with how each study condition relates to it remembered: a
/// dataset repeats a handful of conditions over thousands of studies, and working the
/// relation out each time was a sixth of appraising 10,000 of them.
pub struct MainCondition<'a> {
    pub name: &'a str,
    fits: RefCell<HashMap<String, ConditionFit>>,
}

impl<'a> MainCondition<'a> {
    pub fn new(name: &'a str) -> Self {
        MainCondition {
            name,
            fits: RefCell::new(HashMap::new()),
        }
    }

    /// [`condition_fit`] of a study's condition to this one.
    pub fn fit(&self, study: &str) -> ConditionFit {
        if let Some(fit) = self.fits.borrow().get(study) {
            return *fit;
        }
        let fit = condition_fit(study, self.name);
        self.fits.borrow_mut().insert(study.to_string(), fit);
        fit
    }
}

/// How `study` (a study's condition) relates to `main` (the question's condition).
pub fn condition_fit(study: &str, main: &str) -> ConditionFit {
    let (study, main) = (normalize(study), normalize(main));
    let contains_main = if is_ms_normalized(&main) {
        is_ms_normalized(&study)
    } else {
        contains_words(&study, &main) || contains_words(&main, &study)
    };
    if !contains_main {
        return ConditionFit::Different;
    }
    let others = OTHER_CONDITIONS
        .iter()
        .any(|o| contains_words(&study, o) && !contains_words(&main, o));
    if others {
        ConditionFit::Mixed
    } else {
        ConditionFit::Direct
    }
}

/// Words that carry no meaning for matching outcomes.
const STOP: &[&str] = &[
    "the", "and", "of", "in", "at", "on", "to", "for", "with", "a", "an", "or", "by", "from",
    "over", "after", "rate", "change", "score", "months", "month", "weeks", "week", "year",
    "years", "total", "number", "mean",
];

/// Whether a claim's outcome (an id or free words) refers to an outcome with this id and name.
pub fn outcome_matches(claim_outcome: &str, id: &str, name: &str) -> bool {
    let c = normalize(claim_outcome);
    if c.is_empty() {
        return true;
    }
    if c == normalize(id) || c == normalize(name) || has_phrase(name, &c) || has_phrase(&c, name) {
        return true;
    }
    let cw: Vec<String> = words(&c)
        .into_iter()
        .filter(|w| w.len() >= 3 && !STOP.contains(&w.as_str()))
        .collect();
    let ow: Vec<String> = words(&format!("{id} {name}"))
        .into_iter()
        .filter(|w| w.len() >= 3 && !STOP.contains(&w.as_str()))
        .collect();
    cw.iter()
        .any(|w| ow.iter().any(|o| o == w || stem_eq(o, w)))
}

/// Crude plural/suffix tolerance ("lesions"/"lesion", "relapses"/"relapse", "disabled"/"disability").
fn stem_eq(a: &str, b: &str) -> bool {
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    ca.len() >= 5 && cb.len() >= 5 && ca[..5] == cb[..5] && ca.len().abs_diff(cb.len()) <= 4
}

/// Whether an outcome name describes death.
pub fn is_death(name: &str) -> bool {
    names_death(&normalize(name))
}

/// [`is_death`] for a normalized name.
fn names_death(n: &str) -> bool {
    [
        "death",
        "deaths",
        "mortality",
        "died",
        "fatal",
        "fatality",
        "trm",
    ]
    .iter()
    .any(|w| contains_words(n, w))
        || n.contains("mortality")
}

/// Whether an outcome name describes a serious harm (serious adverse events, deaths, grade 3–4
/// toxicity, life-threatening events).
pub fn is_serious_harm(name: &str) -> bool {
    let n = normalize(name);
    names_death(&n)
        || ["serious", "sae", "saes"]
            .iter()
            .any(|w| contains_words(&n, w))
        || n.contains("grade 3")
        || n.contains("grade 4")
        || n.contains("life threatening")
        || n.contains("treatment related")
}

/// Whether an outcome is objectively measured (death), so that lack of blinding matters little.
pub fn is_objective(name: &str) -> bool {
    let n = normalize(name);
    names_death(&n) || contains_words(&n, "survival") && !contains_words(&n, "free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_keys_number_strings_by_their_normalized_form() {
        let mut keys = NormalizedKeys::default();
        let edss = keys.of("EDSS progression");
        assert!(edss.is_some());
        assert_eq!(keys.of("edss-Progression!"), edss);
        assert_eq!(keys.of("EDSS progression"), edss, "asked again");
        assert_ne!(keys.of("relapse"), edss);
        assert_eq!(keys.of("—"), None);
        assert_eq!(keys.of("!!!"), None);
        assert_eq!(keys.of(""), None);
    }

    #[test]
    fn normalize_folds_case_punctuation_and_spaces() {
        assert_eq!(
            normalize("  Relapsing–Remitting  MS (RRMS)! "),
            "relapsing remitting ms rrms"
        );
        assert_eq!(normalize("ÉDSS-Änderung"), "édss änderung");
        assert_eq!(normalize("--"), "");
        // The word lists are compared with normalized text as they are written.
        for w in OTHER_CONDITIONS.iter().chain(MS_WORDS) {
            assert_eq!(normalize(w), *w);
        }
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(has_phrase("Secondary progressive MS", "progressive ms"));
        assert!(has_phrase("MS", "ms"));
        assert!(!has_phrase("Systemic sclerosis", "sclero"));
        assert!(has_phrase("xms ms ms", "ms ms"));
        assert!(!has_phrase("ms msx", "ms ms"));
        assert!(has_phrase("xms ms", "ms"));
        assert!(!has_phrase("anything", ""));
    }

    #[test]
    fn therapy_synonyms() {
        assert!(therapy_matches("MSC", "Mesenchymal stem cells"));
        assert!(!therapy_matches("mesenchymal stem cells", "MSC-NP"));
        assert!(!therapy_matches("MSC-NP", "MSC"));
        assert!(therapy_matches("MSC-NPs", "MSC-NP"));
        assert!(therapy_matches("MSC", "UC-MSC"));
        assert!(therapy_matches("stem cells", "MSC-NP"));
        assert!(therapy_matches("AHSCT", "HSCT"));
        assert!(therapy_matches("stem cell transplant", "aHSCT"));
        assert!(therapy_matches(
            "Autologous haematopoietic stem cell transplantation",
            "AHSCT"
        ));
        assert!(!therapy_matches("MSC", "AHSCT"));
        assert!(!therapy_matches("HSCT", "UC-MSC"));
        assert!(therapy_matches("stem cell therapy", "MSC"));
        assert!(therapy_matches("msc", "MSC"));
        assert!(!therapy_matches("ocrelizumab", "MSC"));
    }

    #[test]
    fn conditions() {
        assert_eq!(
            condition_fit("Relapsing-remitting MS", "Multiple sclerosis"),
            ConditionFit::Direct
        );
        assert_eq!(
            condition_fit("Progressive multiple sclerosis", "MS"),
            ConditionFit::Direct
        );
        assert_eq!(
            condition_fit("MS and ALS", "Multiple sclerosis"),
            ConditionFit::Mixed
        );
        assert_eq!(
            condition_fit(
                "Autoimmune diseases (RA, SLE, IBD, AS, MS)",
                "Multiple sclerosis"
            ),
            ConditionFit::Mixed
        );
        assert_eq!(
            condition_fit(
                "HBV-related decompensated liver cirrhosis",
                "Multiple sclerosis"
            ),
            ConditionFit::Different
        );
        assert_eq!(
            condition_fit("Liver cirrhosis", "liver cirrhosis"),
            ConditionFit::Direct
        );
        assert_eq!(canonical_condition("RRMS"), "multiple sclerosis");
    }

    #[test]
    fn outcomes() {
        assert!(outcome_matches(
            "lesions",
            "gel",
            "Gadolinium-enhancing lesions"
        ));
        assert!(outcome_matches(
            "disability",
            "edss_progression",
            "Disability progression (EDSS)"
        ));
        assert!(outcome_matches("edss_progression", "edss_progression", "x"));
        assert!(!outcome_matches(
            "relapses",
            "gel",
            "Gadolinium-enhancing lesions"
        ));
        assert!(is_death("Deaths within 100 days"));
        assert!(is_serious_harm("Serious adverse events"));
        assert!(!is_serious_harm("Adverse events"));
        assert!(is_objective("Overall survival"));
        assert!(!is_objective("Relapse-free survival"));
    }
}
