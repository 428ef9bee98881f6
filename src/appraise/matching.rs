//! Matching words written by people against a dataset's vocabulary: therapies and their
//! families, conditions and their populations, outcome concepts and routes.
//!
//! Claims are written by clinics and journalists, datasets by editors, so the same thing comes
//! under several names. What names mean, and which terms are broader than others, is data: the
//! dataset's `vocabulary` (plus the generic outcome concepts of `src/data/outcome-concepts.json`,
//! death and adverse events, which any dataset may refine). The code here knows no disease,
//! therapy or outcome. Without a vocabulary, names are compared as normalized words: equal, or
//! one containing the other.

use foldhash::{HashMap, HashMapExt};
use std::cell::RefCell;

use crate::model::terms::{contains_words, joins, normalize, TermNames};
use crate::model::{Outcome, Study, Term, Vocabulary};

/// Numbers strings by their normalized form, normalizing each distinct string once: datasets
/// repeat the same outcome ids and names across thousands of studies.
#[derive(Default)]
pub struct NormalizedKeys {
    /// Keys owned, as `Index::found`'s are: a map of a type of its own compiles its own table
    /// code, and a string is copied only the first time it is seen.
    raw: HashMap<String, Option<usize>>,
    normalized: HashMap<String, usize>,
}

impl NormalizedKeys {
    /// The same number for strings that normalize alike; `None` for those that normalize to nothing.
    pub fn of(&mut self, s: &str) -> Option<usize> {
        if let Some(&key) = self.raw.get(s) {
            return key;
        }
        let n = normalize(s);
        let next = self.normalized.len();
        let key = (!n.is_empty()).then(|| *self.normalized.entry(n).or_insert(next));
        self.raw.insert(s.to_string(), key);
        key
    }
}

/// Whether `hay` contains `phrase` as whole words (both normalized).
pub fn has_phrase(hay: &str, phrase: &str) -> bool {
    contains_words(&normalize(hay), &normalize(phrase))
}

/// Which list of the vocabulary a name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    // Four, as `Lexicon::lists` has indexes.
    Therapies,
    Conditions,
    Outcomes,
    Routes,
}

/// How the term of a piece of evidence relates to the term of a question or claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The same term.
    Same,
    /// Narrower: a member of the claim's family, a population within its condition, a concept
    /// within its outcome. The evidence speaks for part of what the claim is about.
    Narrower,
    /// Broader: a population that also includes people with other conditions, a family of which
    /// the claim's therapy is one member. The evidence is indirect.
    Broader,
    /// Neither: another therapy, condition or outcome. The evidence does not count.
    Unrelated,
}

impl Relation {
    /// Whether evidence with this relation speaks to the claim at all.
    pub fn counts(self) -> bool {
        self != Relation::Unrelated
    }
}

/// A dataset's vocabulary, indexed for matching names against it.
pub struct Lexicon {
    /// One index per [`List`], at `List as usize`.
    lists: [Index; 4],
}

/// One list of the vocabulary, indexed, with what has been matched against it so far:
/// datasets repeat the same therapy, condition and outcome names across thousands of studies.
#[derive(Default)]
struct Index {
    terms: TermNames,
    /// The term each name given so far stands for, looked up by the name as given (a hit
    /// allocates nothing).
    found: RefCell<HashMap<String, Option<usize>>>,
    /// How names given so far that are not terms relate, by the evidence's name then the wanted one.
    related: RefCell<HashMap<String, HashMap<String, Relation>>>,
}

impl Index {
    fn new(terms: Vec<Term>) -> Self {
        Index {
            terms: TermNames::new(terms),
            ..Index::default()
        }
    }
}

impl Lexicon {
    /// Indexes `vocabulary`, with the generic outcome concepts added where the dataset does not
    /// define a term of the same id.
    pub fn new(vocabulary: &Vocabulary) -> Self {
        let mut outcomes = vocabulary.outcomes.clone();
        for t in crate::model::generic_concepts() {
            if !outcomes.iter().any(|o| o.id == t.id) {
                outcomes.push(t.clone());
            }
        }
        let mut lists: [Index; 4] = Default::default();
        lists[List::Therapies as usize] = Index::new(vocabulary.therapies.clone());
        lists[List::Conditions as usize] = Index::new(vocabulary.conditions.clone());
        lists[List::Outcomes as usize] = Index::new(outcomes);
        lists[List::Routes as usize] = Index::new(vocabulary.routes.clone());
        Lexicon { lists }
    }

    fn index(&self, list: List) -> &Index {
        &self.lists[list as usize]
    }

    fn terms(&self, list: List) -> &[Term] {
        self.index(list).terms.terms()
    }

    /// The treatment a therapy's name stands for, as studies are grouped into answers and pooled
    /// bodies: its vocabulary term's id, or else its normalized words ("" for none). A
    /// combination the vocabulary does not name ("aspirin plus clopidogrel") is a treatment of
    /// its own, not the term of the drug whose alias it contains ([`Lexicon::term_index`]).
    pub fn treatment_key(&self, therapy: &str) -> String {
        match self.term(List::Therapies, therapy) {
            Some(t) => t.id.clone(),
            None => normalize(therapy),
        }
    }

    /// A treatment's name for readers: its vocabulary term's in `lang`, or the name as given.
    pub fn treatment_name(&self, therapy: &str, lang: crate::i18n::Lang) -> String {
        match self.term(List::Therapies, therapy) {
            Some(t) => t.name.get(lang.as_str()).to_string(),
            None => therapy.trim().to_string(),
        }
    }

    fn ancestors_of(&self, list: List, i: usize) -> &[usize] {
        self.index(list).terms.ancestors(i)
    }

    /// The people a result is about: its outcome's subgroup where the vocabulary names that as a
    /// condition (one disease's people in a trial of two), else its study's condition.
    pub fn people<'s>(&self, study: &'s Study, outcome: &'s Outcome) -> &'s str {
        match &outcome.subgroup {
            Some(g) if self.names_term(List::Conditions, g.as_str()) => g.as_str(),
            _ => study.condition.as_str(),
        }
    }

    /// How many terms a name's term lies within (0 for a name that is no term): of two
    /// populations that both hold a third, the one within more terms is the nearer to it.
    pub fn depth(&self, list: List, name: &str) -> usize {
        self.term_index(list, name)
            .map_or(0, |i| self.ancestors_of(list, i).len())
    }

    /// The term a name refers to (`model::terms::TermNames::find`), each name found once.
    pub fn term_index(&self, list: List, name: &str) -> Option<usize> {
        let index = self.index(list);
        if let Some(hit) = index.found.borrow().get(name) {
            return *hit;
        }
        let found = index.terms.find(name);
        index.found.borrow_mut().insert(name.to_string(), found);
        found
    }

    /// Whether a name is one of a list's terms as written (its id, name or an alias), not only a
    /// name that holds one.
    pub fn names_term(&self, list: List, name: &str) -> bool {
        self.index(list).terms.is_name(name)
    }

    /// The term a name refers to (see [`Lexicon::term_index`]).
    pub fn term(&self, list: List, name: &str) -> Option<&Term> {
        self.term_index(list, name).map(|i| &self.terms(list)[i])
    }

    /// The term with this id.
    pub fn by_id(&self, list: List, id: &str) -> Option<&Term> {
        self.terms(list).iter().find(|t| t.id == id)
    }

    /// How `evidence` (a study's therapy, condition or route) relates to `wanted` (the claim's
    /// or the question's).
    pub fn relation(&self, list: List, evidence: &str, wanted: &str) -> Relation {
        match (
            self.term_index(list, evidence),
            self.term_index(list, wanted),
        ) {
            (Some(e), Some(w)) => self.term_relation(list, e, w),
            _ => {
                let related = &self.index(list).related;
                let known = related
                    .borrow()
                    .get(evidence)
                    .and_then(|m| m.get(wanted).copied());
                known.unwrap_or_else(|| {
                    let r = word_relation(evidence, wanted);
                    let mut related = related.borrow_mut();
                    let by_wanted = related.entry(evidence.to_string()).or_default();
                    by_wanted.insert(wanted.to_string(), r);
                    r
                })
            }
        }
    }

    fn term_relation(&self, list: List, e: usize, w: usize) -> Relation {
        if e == w {
            Relation::Same
        } else if self.ancestors_of(list, e).contains(&w) {
            Relation::Narrower
        } else if self.ancestors_of(list, w).contains(&e) {
            Relation::Broader
        } else {
            Relation::Unrelated
        }
    }

    /// The name to use in sentences: the term's name, or the words as given.
    pub fn display(&self, list: List, name: &str) -> String {
        self.term(list, name)
            .map_or_else(|| name.trim().to_string(), |t| t.name.to_string())
    }

    /// The name to use in sentences in `lang`: the term's name in that language, or the words
    /// as given.
    pub fn display_in(&self, list: List, name: &str, lang: crate::i18n::Lang) -> String {
        self.term(list, name).map_or_else(
            || name.trim().to_string(),
            |t| t.name.get(lang.as_str()).to_string(),
        )
    }

    /// Whether a therapy's name is grammatically plural ("Antibiotics probably reduce…"): as the
    /// vocabulary says, or else guessed from its last word ("antibiotics", not "aspirin", "COPD").
    pub fn is_plural(&self, therapy: &str) -> bool {
        // The vocabulary knows the number of the term's own name; an abbreviation such as
        // "ATV" reads as singular whatever it stands for.
        let named = self
            .term(List::Therapies, therapy)
            .filter(|t| normalize(&t.name) == normalize(therapy))
            .and_then(|t| t.plural);
        named.unwrap_or_else(|| looks_plural(therapy))
    }

    /// The outcome concept an outcome measures: its `concept`, a concept whose `measured_by`
    /// names its id, or the concept its name or id refers to.
    pub fn concept_of(&self, outcome: &Outcome) -> Option<usize> {
        let terms = self.terms(List::Outcomes);
        if let Some(c) = &outcome.concept {
            return terms.iter().position(|t| &t.id == c);
        }
        if let Some(i) = terms
            .iter()
            .position(|t| t.measured_by.iter().any(|m| m == &outcome.id))
        {
            return Some(i);
        }
        self.term_index(List::Outcomes, &outcome.name)
            .or_else(|| self.term_index(List::Outcomes, &outcome.id))
    }

    /// Whether an outcome measures a concept marked objective (death).
    pub fn is_objective(&self, outcome: &Outcome) -> bool {
        self.concept_flag(outcome, |t| t.objective)
    }

    /// Whether an outcome measures a serious harm (death, serious adverse events).
    pub fn is_serious(&self, outcome: &Outcome) -> bool {
        self.concept_flag(outcome, |t| t.serious)
    }

    /// Whether an outcome measures death or a kind of it (a concept within one that is both
    /// objective and serious, such as death caused by the treatment).
    pub fn is_fatal(&self, outcome: &Outcome) -> bool {
        self.concept_within(outcome, |t| t.objective && t.serious)
    }

    /// Whether an outcome counts only what was attributed to the treatment (treatment-related
    /// death).
    pub fn is_attributable(&self, outcome: &Outcome) -> bool {
        self.concept_flag(outcome, |t| t.attributable)
    }

    /// Whether an outcome is about harms at all (adverse events or a narrower concept).
    pub fn is_harm_concept(&self, outcome: &Outcome) -> bool {
        self.concept_within(outcome, |t| t.id == "adverse_events")
    }

    fn concept_flag(&self, outcome: &Outcome, flag: impl Fn(&Term) -> bool) -> bool {
        self.concept_of(outcome)
            .is_some_and(|c| flag(&self.terms(List::Outcomes)[c]))
    }

    /// Whether an outcome's concept, or one it is within, is such that `is`.
    fn concept_within(&self, outcome: &Outcome, is: impl Fn(&Term) -> bool) -> bool {
        let Some(c) = self.concept_of(outcome) else {
            return false;
        };
        let terms = self.terms(List::Outcomes);
        std::iter::once(&c)
            .chain(self.ancestors_of(List::Outcomes, c))
            .any(|&i| is(&terms[i]))
    }

    /// The concept an outcome's concept is a surrogate for, if it is one.
    pub fn stands_for(&self, outcome: &Outcome) -> Option<&Term> {
        let c = &self.terms(List::Outcomes)[self.concept_of(outcome)?];
        self.by_id(List::Outcomes, c.stands_for.as_deref()?)
    }

    /// How an outcome relates to what a claim names as its outcome (a concept, an outcome id or
    /// free words).
    pub fn outcome_fit(&self, wanted: &str, outcome: &Outcome) -> OutcomeFit {
        let w = normalize(wanted);
        if w.is_empty() {
            return OutcomeFit::Direct;
        }
        if w == normalize(&outcome.id) || w == normalize(&outcome.name) {
            return OutcomeFit::Direct;
        }
        let terms = self.terms(List::Outcomes);
        let concept = self.concept_of(outcome);
        match (self.term_index(List::Outcomes, wanted), concept) {
            (Some(want), Some(have)) => {
                match self.term_relation(List::Outcomes, have, want) {
                    Relation::Same | Relation::Narrower => return OutcomeFit::Direct,
                    _ => {}
                }
                // A surrogate for the wanted concept (or for a narrower one).
                if let Some(s) = terms[have].stands_for.as_deref() {
                    if let Some(si) = terms.iter().position(|t| t.id == s) {
                        if matches!(
                            self.term_relation(List::Outcomes, si, want),
                            Relation::Same | Relation::Narrower
                        ) {
                            return OutcomeFit::Surrogate(si);
                        }
                    }
                }
                OutcomeFit::Unrelated
            }
            (Some(_), None) => OutcomeFit::Unrelated,
            _ => words_fit(wanted, &outcome.id, &outcome.name),
        }
    }

    /// The name of an outcome concept by index.
    pub fn concept_name(&self, i: usize) -> &str {
        self.terms(List::Outcomes)
            .get(i)
            .map_or("", |t| t.name.as_str())
    }

    /// The name of an outcome concept by index, in `lang`.
    pub fn concept_name_in(&self, i: usize, lang: crate::i18n::Lang) -> &str {
        self.terms(List::Outcomes)
            .get(i)
            .map_or("", |t| t.name.get(lang.as_str()))
    }
}

/// How an outcome relates to the outcome a claim is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeFit {
    /// It measures the claimed outcome (or a narrower concept of it).
    Direct,
    /// It is a surrogate that stands in for the claimed outcome (the concept's index).
    Surrogate(usize),
    /// Free words that share some but not all of the claim's words: perhaps the same outcome,
    /// perhaps not, so indirect evidence at best.
    Partial,
    /// It measures something else.
    Unrelated,
}

/// [`Relation`] of two names no vocabulary term explains, on their normalized words.
fn word_relation(evidence: &str, wanted: &str) -> Relation {
    let (e, w) = (normalize(evidence), normalize(wanted));
    if e.is_empty() || w.is_empty() {
        return Relation::Unrelated;
    }
    if e == w {
        return Relation::Same;
    }
    let joined = |raw: &str, s: &str| joins(raw, s) || s.contains(',');
    if contains_words(&e, &w) {
        // "asthma and COPD" holds "asthma" with others; "severe asthma" is a population within it.
        if joined(evidence, &e) && !joined(wanted, &w) {
            Relation::Broader
        } else {
            Relation::Narrower
        }
    } else if contains_words(&w, &e) {
        Relation::Broader
    } else {
        Relation::Unrelated
    }
}

/// A guess at grammatical number from the last word: "antibiotics", "statins" are plural;
/// "aspirin", "COPD", "analysis", "virus" are not; abbreviations in capitals are singular.
fn looks_plural(name: &str) -> bool {
    let Some(last) = name.split_whitespace().last() else {
        return false;
    };
    let word: String = last.chars().filter(|c| c.is_alphanumeric()).collect();
    let lower = crate::case::to_lower(&word);
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    if capitals > 1 && (!word.ends_with('s') || word.len() <= 3) {
        return false;
    }
    // "NSAIDs": an abbreviation with a plural s.
    lower.len() > 3
        && lower.ends_with('s')
        && !["ss", "us", "is", "ys"].iter().any(|e| lower.ends_with(e))
}

/// Words that carry no meaning for matching outcomes.
const STOP: &[&str] = &[
    "the", "and", "of", "in", "at", "on", "to", "for", "with", "a", "an", "or", "by", "from",
    "over", "after", "rate", "change", "score", "months", "month", "weeks", "week", "year",
    "years", "total", "number", "mean",
];

/// How free words about an outcome fit an outcome with this id and name, without a vocabulary:
/// the same text, one containing the other, or every meaningful word of the claim's among the
/// outcome's is [`OutcomeFit::Direct`]; some of them is [`OutcomeFit::Partial`] (a word in
/// common is not the same outcome: "progression-free survival" is not "overall survival",
/// though "scan lesions" may well be "contrast-enhancing lesions"); none is unrelated.
pub fn words_fit(claim_outcome: &str, id: &str, name: &str) -> OutcomeFit {
    let c = normalize(claim_outcome);
    if c.is_empty()
        || c == normalize(id)
        || c == normalize(name)
        || has_phrase(name, &c)
        || has_phrase(&c, name)
    {
        return OutcomeFit::Direct;
    }
    let meaningful = |s: &str| -> Vec<String> {
        normalize(s)
            .split(' ')
            .filter(|w| w.len() >= 3 && !STOP.contains(w))
            .map(str::to_string)
            .collect()
    };
    let ow = meaningful(&format!("{id} {name}"));
    let found = |w: &String| ow.iter().any(|o| o == w || stem_eq(o, w));
    let cw = meaningful(&c);
    match cw.iter().filter(|w| found(w)).count() {
        0 => OutcomeFit::Unrelated,
        n if n == cw.len() => OutcomeFit::Direct,
        _ => OutcomeFit::Partial,
    }
}

/// Crude plural/suffix tolerance ("lesions"/"lesion", "relapses"/"relapse", "disabled"/"disability").
fn stem_eq(a: &str, b: &str) -> bool {
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    ca.len() >= 5 && cb.len() >= 5 && ca[..5] == cb[..5] && ca.len().abs_diff(cb.len()) <= 4
}

/// The question's condition, with how each study condition relates to it remembered: a
/// dataset repeats a handful of conditions over thousands of studies.
pub struct MainCondition<'a> {
    pub name: &'a str,
    pub lexicon: &'a Lexicon,
    /// The language the appraisal writes in.
    pub lang: crate::i18n::Lang,
    /// Whether the ratings' reasons are written out ([`super::AppraiseOptions::explain`]).
    pub explain: bool,
    fits: RefCell<HashMap<String, Relation>>,
    /// Statements already written, by what they say: thousands of studies of one outcome share a
    /// handful, and writing each anew was a sixth of the time of appraising them.
    said: RefCell<HashMap<String, String>>,
}

impl<'a> MainCondition<'a> {
    pub fn new(name: &'a str, lexicon: &'a Lexicon) -> Self {
        Self::in_language(name, lexicon, crate::i18n::Lang::En)
    }

    /// The question's condition, for an appraisal written in `lang`.
    pub fn in_language(name: &'a str, lexicon: &'a Lexicon, lang: crate::i18n::Lang) -> Self {
        MainCondition {
            name,
            lexicon,
            lang,
            explain: true,
            fits: RefCell::new(HashMap::new()),
            said: RefCell::new(HashMap::new()),
        }
    }

    /// The sentence `write` makes, written once for each `about`: a key naming everything the
    /// sentence depends on (the language is the appraisal's).
    pub fn once(&self, about: String, write: impl FnOnce() -> String) -> String {
        if let Some(said) = self.said.borrow().get(&about) {
            return said.clone();
        }
        let said = write();
        self.said.borrow_mut().insert(about, said.clone());
        said
    }

    /// The same question, its ratings written out or not.
    pub fn explained(self, explain: bool) -> Self {
        MainCondition { explain, ..self }
    }

    /// A new rating, written as this appraisal writes: in its language, with or without words.
    pub fn rating(&self) -> super::certainty::Rating {
        super::certainty::Rating::in_language(self.lang).explained(self.explain)
    }

    /// How a study's condition relates to the question's.
    pub fn fit(&self, study: &str) -> Relation {
        if let Some(fit) = self.fits.borrow().get(study) {
            return *fit;
        }
        let fit = self.lexicon.relation(List::Conditions, study, self.name);
        self.fits.borrow_mut().insert(study.to_string(), fit);
        fit
    }
}

/// A duration in days from words such as "5 years", "24 months", "week 24", "100 days",
/// "median 2 years": the first number with a unit after or before it. `None` when there is none.
pub fn duration_days(text: &str) -> Option<f64> {
    let n = normalize(text);
    let words: Vec<&str> = n.split(' ').collect();
    let unit = |w: &str| -> Option<f64> {
        match w {
            "day" | "days" => Some(1.0),
            "week" | "weeks" | "wk" | "wks" => Some(7.0),
            "month" | "months" | "mo" => Some(30.44),
            "year" | "years" | "yr" | "yrs" => Some(365.25),
            _ => None,
        }
    };
    let number = |w: &str| -> Option<f64> {
        crate::number::parse_f64(w).or(match w {
            "one" => Some(1.0),
            "two" => Some(2.0),
            "three" => Some(3.0),
            "four" => Some(4.0),
            "five" => Some(5.0),
            "six" => Some(6.0),
            "ten" => Some(10.0),
            "twelve" => Some(12.0),
            _ => None,
        })
    };
    // A number with its unit after it ("5 years") or before it ("week 24", "weeks 0-24": a
    // range's end looks two words back). Zero is the start of a range, not a duration.
    for (i, w) in words.iter().enumerate() {
        let Some(x) = number(w).filter(|x| *x > 0.0) else {
            continue;
        };
        let after = words.get(i + 1).and_then(|u| unit(u));
        let before = (1..=2)
            .filter_map(|k| i.checked_sub(k))
            .find_map(|j| unit(words[j]));
        if let Some(u) = after.or(before) {
            return Some(x * u);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::terms::term;

    /// A made-up field: a family of two drugs, a disease with two forms, one of them nested.
    fn lexicon() -> Lexicon {
        Lexicon::new(&Vocabulary {
            therapies: vec![
                term("statins", &["statin therapy"], &[]),
                term("atorva", &["atorvastatin", "ATV"], &["statins"]),
                term("simva", &["simvastatin"], &["statins"]),
                term("fibrate", &[], &[]),
            ],
            conditions: vec![
                term(
                    "heart_disease",
                    &["HD", "heart disease"],
                    &["cardiovascular"],
                ),
                term(
                    "stable_hd",
                    &["stable heart disease", "SHD"],
                    &["heart_disease"],
                ),
                term("acute_hd", &["acute heart disease"], &["heart_disease"]),
                term("cardiovascular", &["cardiovascular diseases"], &[]),
            ],
            outcomes: vec![
                Term {
                    stands_for: Some("events".into()),
                    ..term("ldl", &["LDL cholesterol"], &[])
                },
                term("events", &["cardiac events"], &[]),
                term(
                    "mi",
                    &["heart attack", "myocardial infarction"],
                    &["events"],
                ),
            ],
            routes: vec![term("oral", &["by mouth", "PO"], &[])],
            glossary: Vec::new(),
        })
    }

    #[test]
    fn normalized_keys_number_strings_by_their_normalized_form() {
        let mut keys = NormalizedKeys::default();
        let a = keys.of("Event progression");
        assert!(a.is_some());
        assert_eq!(keys.of("event-Progression!"), a);
        assert_eq!(keys.of("Event progression"), a, "asked again");
        assert_ne!(keys.of("relapse"), a);
        assert_eq!(keys.of("—"), None);
        assert_eq!(keys.of("!!!"), None);
        assert_eq!(keys.of(""), None);
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(has_phrase("Stable heart disease", "heart disease"));
        assert!(!has_phrase("Systemic disease", "system"));
        assert!(has_phrase("xab ab ab", "ab ab"));
        assert!(!has_phrase("ab abx", "ab ab"));
        assert!(!has_phrase("anything", ""));
    }

    #[test]
    fn family_members_are_narrower_and_siblings_unrelated() {
        let l = lexicon();
        let r = |e, w| l.relation(List::Therapies, e, w);
        assert_eq!(r("Atorvastatin", "ATV"), Relation::Same);
        assert_eq!(r("atorvastatin 80 mg", "statins"), Relation::Narrower);
        assert_eq!(r("statin therapy", "simvastatin"), Relation::Broader);
        assert_eq!(r("simvastatin", "atorvastatin"), Relation::Unrelated);
        assert_eq!(r("fibrate", "statins"), Relation::Unrelated);
    }

    #[test]
    fn populations_within_conditions_and_mixed_populations() {
        let l = lexicon();
        let r = |e, w| l.relation(List::Conditions, e, w);
        assert_eq!(
            r("Stable heart disease", "heart disease"),
            Relation::Narrower
        );
        assert_eq!(r("SHD", "HD"), Relation::Narrower);
        assert_eq!(r("cardiovascular diseases", "HD"), Relation::Broader);
        assert_eq!(
            r("acute heart disease", "stable heart disease"),
            Relation::Unrelated
        );
        // The most specific term wins over the broader one it also contains.
        assert_eq!(
            l.term(List::Conditions, "patients with stable heart disease")
                .unwrap()
                .id,
            "stable_hd"
        );
    }

    #[test]
    fn without_a_vocabulary_names_compare_as_words() {
        let l = Lexicon::new(&Vocabulary::default());
        let r = |e, w| l.relation(List::Conditions, e, w);
        assert_eq!(r("Condition A", "condition a"), Relation::Same);
        assert_eq!(r("Severe condition A", "Condition A"), Relation::Narrower);
        assert_eq!(
            r("Condition A and condition B", "Condition A"),
            Relation::Broader
        );
        assert_eq!(r("Condition A", "Severe condition A"), Relation::Broader);
        assert_eq!(r("Condition B", "Condition A"), Relation::Unrelated);
        assert_eq!(
            l.relation(List::Therapies, "Drug X", "drug x"),
            Relation::Same
        );
        assert_eq!(
            l.relation(List::Therapies, "Drug X", "Drug Y"),
            Relation::Unrelated
        );
    }

    fn outcome(id: &str, name: &str) -> Outcome {
        Outcome {
            status: crate::model::FactStatus::Verified,
            ..Outcome::new(
                id.into(),
                name.into(),
                crate::model::OutcomeKind::Benefit,
                crate::model::Better::Lower,
            )
        }
    }

    #[test]
    fn outcomes_match_concepts_narrower_concepts_and_surrogates() {
        let l = lexicon();
        let mi = outcome("mi_1y", "Heart attack within a year");
        let ldl = outcome("ldl", "LDL cholesterol at 12 weeks");
        assert_eq!(l.outcome_fit("cardiac events", &mi), OutcomeFit::Direct);
        assert_eq!(
            l.outcome_fit("myocardial infarction", &mi),
            OutcomeFit::Direct
        );
        assert!(matches!(
            l.outcome_fit("cardiac events", &ldl),
            OutcomeFit::Surrogate(_)
        ));
        assert_eq!(l.outcome_fit("heart attack", &ldl), OutcomeFit::Unrelated);
        assert_eq!(l.outcome_fit("ldl", &ldl), OutcomeFit::Direct);
        let mut explicit = outcome("x", "Composite endpoint");
        explicit.concept = Some("events".into());
        assert_eq!(
            l.outcome_fit("cardiac events", &explicit),
            OutcomeFit::Direct
        );
    }

    #[test]
    fn generic_concepts_know_death_and_serious_harms() {
        let (file, problems) =
            crate::model::parse_vocabulary(include_str!("../data/outcome-concepts.json"));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(file.outcomes.len(), 4);
        let l = Lexicon::new(&Vocabulary::default());
        assert!(l.is_objective(&outcome("d", "Deaths within 100 days")));
        assert!(l.is_serious(&outcome("d", "Treatment-related death")));
        // A death counted only when attributed to the treatment is known for what it is; a
        // death of any cause is not.
        assert!(l.is_attributable(&outcome("d", "Treatment-related death")));
        assert!(l.is_attributable(&outcome("d", "Transplant-related mortality")));
        // Whether it was caused by the treatment is a judgement, not an objective measure; it
        // is still a death.
        assert!(!l.is_objective(&outcome("d", "Treatment-related death")));
        assert!(l.is_fatal(&outcome("d", "Treatment-related death")));
        assert!(l.is_fatal(&outcome("d", "Deaths within 100 days")));
        assert!(!l.is_fatal(&outcome("s", "Patients with a serious adverse event")));
        assert!(!l.is_attributable(&outcome("d", "Deaths within 100 days")));
        assert!(l.is_harm_concept(&outcome("d", "Treatment-related death")));
        assert!(l.is_serious(&outcome("s", "Patients with a serious adverse event")));
        assert!(!l.is_serious(&outcome("a", "Adverse events")));
        assert!(l.is_harm_concept(&outcome("a", "Adverse events")));
        assert!(!l.is_objective(&outcome("p", "Progression-free survival")));
        assert!(l.is_objective(&outcome("o", "Overall survival")));
    }

    #[test]
    fn free_words_match_outcomes() {
        use OutcomeFit::{Direct, Partial, Unrelated};
        for (words, id, name, fit) in [
            ("lesions", "gel", "Contrast-enhancing lesions", Direct),
            ("events", "ev", "Cardiac events", Direct),
            ("relapses", "arr", "Annualised relapse rate", Direct),
            ("relapses", "gel", "Contrast-enhancing lesions", Unrelated),
            (
                "progression-free survival",
                "os",
                "Overall survival",
                Partial,
            ),
            ("scan lesions", "gel", "Contrast-enhancing lesions", Partial),
        ] {
            assert_eq!(words_fit(words, id, name), fit, "{words} / {name}");
        }
    }

    #[test]
    fn plural_therapy_names() {
        let l = lexicon();
        assert!(l.is_plural("Antibiotics"));
        assert!(l.is_plural("statins"));
        assert!(!l.is_plural("Aspirin"));
        assert!(!l.is_plural("ATV"));
        assert!(!l.is_plural("Drug X"));
        assert!(!l.is_plural("Analysis"));
    }

    #[test]
    fn durations() {
        assert_eq!(duration_days("5 years"), Some(5.0 * 365.25));
        assert_eq!(duration_days("week 24"), Some(168.0));
        assert_eq!(
            duration_days("median 2 years, mean 2.8 years"),
            Some(2.0 * 365.25)
        );
        assert_eq!(duration_days("in the first six months"), Some(6.0 * 30.44));
        assert_eq!(duration_days("weeks 0-24"), Some(168.0));
        assert_eq!(duration_days("up to now"), None);
    }
}
