//! Finding a vocabulary's terms by the names people write them with.
//!
//! Claims are written by clinics and journalists, datasets by editors, so the same term comes
//! under several names: its id, its name, an alias, or words that hold an alias ("people with
//! progressive MS"). The reader checks a claim's data against the vocabulary and the appraisal
//! matches evidence to claims; both find terms here, so that a name the appraisal understands is
//! one the reader accepts.

use super::Term;

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
        out.push(crate::case::lower(c));
    }
    out
}

/// Whether a name says nothing to match or show, having no letter or digit ("", "-", "—"): it
/// normalizes to nothing. A therapy so named is no treatment of its own; data whose studies all
/// leave it so are about one treatment, unnamed.
pub fn is_blank(name: &str) -> bool {
    !name.chars().any(char::is_alphanumeric)
}

/// Whether normalized `hay` contains normalized `phrase` starting and ending at word boundaries.
/// Every word start is tried, so a match that overlaps a rejected one is still found. For text
/// already normalized, against word lists written normalized: normalizing both every time cost a
/// tenth of appraising 10,000 studies when one name was checked against a list.
pub fn contains_words(hay: &str, phrase: &str) -> bool {
    let word_starts = std::iter::once(0).chain(hay.match_indices(' ').map(|(i, _)| i + 1));
    !phrase.is_empty()
        && word_starts.into_iter().any(|i| {
            let end = i + phrase.len();
            hay[i..].starts_with(phrase) && (end == hay.len() || hay.as_bytes()[end] == b' ')
        })
}

/// Words that join conditions into a mixed population ("asthma and COPD", "five diseases, including
/// asthma") or treatments into a combination, used only for names that no vocabulary term
/// explains: English ones in any case.
const JOINERS: &[&str] = &["and", "or", "including", "plus"];
/// Spanish "y" and French "et", "ou" join only as written, in lowercase: in capitals they are
/// abbreviations ("Drug Y", "ET" for a disease, "OU" for both eyes).
const LOWERCASE_JOINERS: &[&str] = &["y", "et", "ou"];

/// Whether a name joins several things ("asthma and COPD", "aspirina y dipiridamol"), given as
/// written and normalized.
pub fn joins(raw: &str, normalized: &str) -> bool {
    normalized.split(' ').any(|w| JOINERS.contains(&w))
        || (raw.split(|c: char| !c.is_alphanumeric())).any(|w| LOWERCASE_JOINERS.contains(&w))
}

/// One list of a vocabulary's terms, indexed by every name each goes by.
#[derive(Default)]
pub struct TermNames {
    terms: Vec<Term>,
    /// Every normalized name, alias and id with its term, longest first.
    names: Vec<(String, usize)>,
    /// Each term's ancestors (transitively through `broader`), itself excluded.
    ancestors: Vec<Vec<usize>>,
}

impl TermNames {
    pub fn new(terms: Vec<Term>) -> Self {
        let mut names: Vec<(String, usize)> = Vec::new();
        for (i, t) in terms.iter().enumerate() {
            for name in std::iter::once(&t.id)
                .chain(std::iter::once(&t.name.as_str().to_string()))
                .chain(&t.aliases)
            {
                let k = normalize(name);
                if !k.is_empty() && !names.iter().any(|(m, j)| *m == k && *j == i) {
                    names.push((k, i));
                }
            }
        }
        crate::sort::sort_by(&mut names, |a, b| b.0.len().cmp(&a.0.len()));
        let ancestors = (0..terms.len()).map(|i| up(&terms, i)).collect();
        TermNames {
            terms,
            names,
            ancestors,
        }
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The terms term `i` is within, through `broader` (itself excluded).
    pub fn ancestors(&self, i: usize) -> &[usize] {
        self.ancestors.get(i).map_or(&[], Vec::as_slice)
    }

    /// The term a name refers to: one whose id, name or alias equals it, or else the most
    /// specific term with an alias the name contains as whole words (the longest alias among
    /// those that are not broader than another match). A name that joins several ("aspirin plus
    /// clopidogrel", "asthma and COPD", "aspirin + clopidogrel") is none of them.
    pub fn find(&self, name: &str) -> Option<usize> {
        let n = normalize(name);
        if n.is_empty() {
            return None;
        }
        if let Some((_, i)) = self.names.iter().find(|(k, _)| *k == n) {
            return Some(*i);
        }
        if joins(name, &n) {
            return None;
        }
        let hits: Vec<usize> = (self.names.iter())
            .filter(|(k, _)| contains_words(&n, k))
            .map(|(_, i)| *i)
            .collect();
        // Longest alias first (the list is sorted so); skip terms broader than another hit.
        // Two terms, neither within the other ("aspirin + clopidogrel"): the name is neither.
        let mut specific = (hits.iter().copied())
            .filter(|&i| !hits.iter().any(|&j| self.ancestors(j).contains(&i)));
        let first = specific.next();
        first.filter(|&i| specific.all(|j| j == i))
    }

    /// Whether a name is one of the terms as written (its id, name or an alias), not only a name
    /// that holds one.
    pub fn is_name(&self, name: &str) -> bool {
        let n = normalize(name);
        self.names.iter().any(|(k, _)| *k == n)
    }
}

/// Every ancestor of term `i` through `broader`, each once (cycles in the data are harmless).
fn up(terms: &[Term], i: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut todo = vec![i];
    while let Some(t) = todo.pop() {
        for b in &terms[t].broader {
            if let Some(j) = terms.iter().position(|x| &x.id == b) {
                if j != i && !out.contains(&j) {
                    out.push(j);
                    todo.push(j);
                }
            }
        }
    }
    out
}

/// A term named by its id with `_` as spaces, for tests.
#[cfg(test)]
pub(crate) fn term(id: &str, aliases: &[&str], broader: &[&str]) -> Term {
    Term {
        id: id.into(),
        name: id.replace('_', " ").into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        broader: broader.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_case_punctuation_and_spaces() {
        assert_eq!(
            normalize("  Acute–Stable  HD (AHD)! "),
            "acute stable hd ahd"
        );
        assert_eq!(normalize("ÉDSS-Änderung"), "édss änderung");
        assert_eq!(normalize("--"), "");
    }

    #[test]
    fn a_name_finds_its_term_by_id_name_alias_or_the_words_it_holds() {
        // A made-up field: an ailment, a late form of it, and a rash.
        let names = TermNames::new(vec![
            term("ailment", &["AIL", "the great ailment"], &[]),
            term("late_ailment", &["LA"], &["ailment"]),
            term("rash", &[], &[]),
        ]);
        let find = |n: &str| names.find(n).map(|i| names.terms()[i].id.as_str());
        assert_eq!(find("late_ailment"), Some("late_ailment"));
        assert_eq!(find("Late Ailment"), Some("late_ailment"), "its name");
        assert_eq!(find("la"), Some("late_ailment"), "an alias, in any case");
        assert_eq!(find("People with THE GREAT AILMENT"), Some("ailment"));
        assert_eq!(find("people with late ailment"), Some("late_ailment"));
        assert_eq!(
            find("ailment and rash"),
            None,
            "a name that joins two is neither"
        );
        assert_eq!(find("fever"), None);
        assert_eq!(names.ancestors(1), &[0]);
        assert!(names.is_name("The great-ailment"));
        assert!(!names.is_name("people with AIL"));
    }
}
