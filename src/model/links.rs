//! Links a reader can follow for a citation. Identifiers (DOI, PMID, NCT) become their
//! canonical https URLs, and a free `url` is kept only when it is an absolute http(s) URL
//! without spaces, quotes or controls: data strings never become `javascript:` or other
//! links, in the widget, its exports or the charts' items.

use serde::Serialize;

use super::Citation;

#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Link {
    /// `doi`, `pubmed`, `trial` or `web`.
    pub kind: &'static str,
    pub url: String,
}

/// Percent-encodes what cannot stand in a URL path as it is.
fn encode_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:;()[]+,=@!$*'".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn doi_url(doi: &str) -> Option<String> {
    let d = doi.trim();
    let lower = d.to_ascii_lowercase();
    let d = [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "doi:",
    ]
    .iter()
    .find(|p| lower.starts_with(*p))
    .map_or(d, |p| &d[p.len()..])
    .trim();
    (d.starts_with("10.")
        && d.contains('/')
        && !d.chars().any(|c| c.is_whitespace() || c.is_control()))
    .then(|| format!("https://doi.org/{}", encode_path(d)))
}

fn pmid_url(pmid: &str) -> Option<String> {
    let p = pmid.trim();
    (!p.is_empty() && p.len() <= 12 && p.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("https://pubmed.ncbi.nlm.nih.gov/{p}/"))
}

fn nct_url(nct: &str) -> Option<String> {
    let n = nct.trim().to_ascii_uppercase();
    (n.len() == 11 && n.starts_with("NCT") && n[3..].bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("https://clinicaltrials.gov/study/{n}"))
}

/// A free URL, kept only when it is an absolute http(s) URL without spaces or controls.
fn web_url(url: &str) -> Option<String> {
    let u = url.trim();
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|p| u.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))?;
    let rest = &u[scheme.len()..];
    let unsafe_char =
        |c: char| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>';
    // Byte by byte when it is all ASCII, as nearly every URL is (every row of a forest asks):
    // ASCII's whitespace and controls are the bytes up to the space, and DEL.
    let unsafe_url = if u.is_ascii() {
        u.bytes()
            .any(|b| b <= b' ' || b == 0x7f || matches!(b, b'"' | b'<' | b'>'))
    } else {
        u.chars().any(unsafe_char)
    };
    (!rest.is_empty() && !rest.starts_with('/') && !unsafe_url).then(|| u.to_string())
}

impl Citation {
    /// Every link to the source: DOI, PubMed, trial registry, then the web page (unless it
    /// repeats one of them).
    pub fn links(&self) -> Vec<Link> {
        let mut out = Vec::new();
        if let Some(url) = self.doi.as_deref().and_then(doi_url) {
            out.push(Link { kind: "doi", url });
        }
        if let Some(url) = self.pmid.as_deref().and_then(pmid_url) {
            out.push(Link {
                kind: "pubmed",
                url,
            });
        }
        if let Some(url) = self.nct.as_deref().and_then(nct_url) {
            out.push(Link { kind: "trial", url });
        }
        if let Some(url) = self.url.as_deref().and_then(web_url) {
            if !out.iter().any(|l| l.url == url) {
                out.push(Link { kind: "web", url });
            }
        }
        out
    }

    /// The one link to show for a citation: the source's own web page when there is one,
    /// else the first identifier link.
    pub fn source_url(&self) -> Option<String> {
        // As `links()` would choose, without collecting them: every row of a forest asks.
        let ids = || {
            [
                self.doi.as_deref().and_then(doi_url),
                self.pmid.as_deref().and_then(pmid_url),
                self.nct.as_deref().and_then(nct_url),
            ]
            .into_iter()
            .flatten()
        };
        match self.url.as_deref().and_then(web_url) {
            Some(web) if !ids().any(|id| id == web) => Some(web),
            _ => ids().next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_become_canonical_https_links_and_other_schemes_are_dropped() {
        assert_eq!(
            doi_url("doi:10.1016/S1474-4422(21)00301-X").unwrap(),
            "https://doi.org/10.1016/S1474-4422(21)00301-X"
        );
        assert_eq!(
            pmid_url("34534453").unwrap(),
            "https://pubmed.ncbi.nlm.nih.gov/34534453/"
        );
        assert_eq!(
            nct_url("nct00273364").unwrap(),
            "https://clinicaltrials.gov/study/NCT00273364"
        );
        assert!(web_url("javascript:alert(1)").is_none());
        assert!(web_url("JaVaScRiPt:alert(1)").is_none());
        assert!(web_url("data:text/html,x").is_none());
        assert!(web_url("https://example.org/a b").is_none());
        // The scheme in any case; the rest as written, non-ASCII letters included.
        assert_eq!(
            web_url(" HTTPS://Example.org/é ").unwrap(),
            "HTTPS://Example.org/é"
        );
        assert_eq!(web_url("http://x.org").unwrap(), "http://x.org");
        for bad in [
            "https://example.org/a\u{a0}b",
            "https://example.org/a\u{2028}b",
            "https://example.org/a\u{85}b",
            "https://example.org/a\"b",
            "https://example.org/a\u{7f}b",
            "https://example.org/a\u{1}b",
            "https://example.org/<b>",
            "https:///x",
            "https://",
            "http:/x.org",
            "ftp://x.org",
            "é://x.org",
        ] {
            assert!(web_url(bad).is_none(), "{bad:?}");
        }
        assert!(doi_url("10.1/x\"><script>").is_some_and(|u| !u.contains('"') && !u.contains('<')));
        assert!(pmid_url("12a").is_none());
    }

    #[test]
    fn the_source_url_is_the_web_page_unless_it_repeats_an_identifier() {
        let doi = Some("10.1000/x".to_string());
        let pmid = Some("123".to_string());
        let urls = [
            None,
            Some("https://example.org/trial".to_string()),
            Some("https://pubmed.ncbi.nlm.nih.gov/123/".to_string()),
            Some("javascript:alert(1)".to_string()),
        ];
        let mut seen = Vec::new();
        for url in urls {
            for (doi, pmid) in [
                (None, None),
                (doi.clone(), None),
                (None, pmid.clone()),
                (doi.clone(), pmid.clone()),
            ] {
                let c = Citation {
                    text: "T".into(),
                    doi,
                    pmid,
                    url: url.clone(),
                    ..Citation::default()
                };
                let links = c.links();
                let chosen = links.iter().find(|l| l.kind == "web").or(links.first());
                assert_eq!(c.source_url(), chosen.map(|l| l.url.clone()), "{c:?}");
                seen.push(c.source_url());
            }
        }
        assert!(seen.contains(&Some("https://example.org/trial".into())));
        assert!(seen.contains(&Some("https://doi.org/10.1000/x".into())));
        assert!(seen.contains(&Some("https://pubmed.ncbi.nlm.nih.gov/123/".into())));
        assert!(seen.contains(&None));
    }
}
