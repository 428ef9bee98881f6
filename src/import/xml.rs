//! A small element tree over quick-xml's events: RevMan files are read once, whole, and walked by
//! element names, which a tree makes plain. The tree is built without recursion, and its depth is
//! bounded so that walking it cannot overflow the stack.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::ImportError;

/// Deepest nesting accepted (RevMan's files nest about a dozen levels).
const MAX_DEPTH: usize = 200;

/// An element: its name, attributes, child elements and the text directly inside it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: String,
}

impl Element {
    /// An attribute's value, `None` when absent.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// An attribute's value trimmed, `None` when absent or empty (RevMan writes `X=""` for
    /// "not computed").
    pub fn attr_text(&self, name: &str) -> Option<&str> {
        self.attr(name).map(str::trim).filter(|v| !v.is_empty())
    }

    /// The first child with this name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child with this name.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The element at a path of child names.
    pub fn path(&self, names: &[&str]) -> Option<&Element> {
        names.iter().try_fold(self, |e, n| e.child(n))
    }

    /// All the text inside, children included, with runs of white space made one space.
    pub fn all_text(&self) -> String {
        let mut out = String::new();
        let mut stack = vec![self];
        // Depth-first, in document order: push children reversed.
        while let Some(e) = stack.pop() {
            out.push_str(&e.text);
            out.push(' ');
            stack.extend(e.children.iter().rev());
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Malformed XML at a byte of the text, until [`parse`] says where as a line and a column.
struct Malformed {
    position: usize,
    message: String,
}

fn xml_error(reader: &Reader<&[u8]>, message: impl std::fmt::Display) -> Malformed {
    Malformed {
        position: reader.buffer_position() as usize,
        message: message.to_string(),
    }
}

fn element(reader: &Reader<&[u8]>, start: &BytesStart<'_>) -> Result<Element, Malformed> {
    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in start.attributes() {
        let a = a.map_err(|e| xml_error(reader, e))?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let value = a.unescape_value().map_err(|e| xml_error(reader, e))?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Element {
        name,
        attrs,
        ..Element::default()
    })
}

/// Parses a whole document into its root element; an error names its line and column, as an
/// editor finds them in a text editor.
pub fn parse(text: &str) -> Result<Element, ImportError> {
    read(text).map_err(|Malformed { position, message }| {
        // (At a character's start: `str::floor_char_boundary` is newer than the crate's Rust.)
        let at = (0..=position.min(text.len()))
            .rev()
            .find(|&i| text.is_char_boundary(i));
        let before = &text[..at.unwrap_or(0)];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        ImportError::Xml {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            message,
        }
    })
}

fn read(text: &str) -> Result<Element, Malformed> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let event = reader.read_event().map_err(|e| xml_error(&reader, e))?;
        match event {
            Event::Start(s) => {
                if root.is_some() {
                    return Err(xml_error(&reader, "content after the root element"));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(xml_error(&reader, "elements nested too deeply"));
                }
                let e = element(&reader, &s)?;
                stack.push(e);
            }
            Event::Empty(s) => {
                let e = element(&reader, &s)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(e),
                    None if root.is_none() => root = Some(e),
                    None => return Err(xml_error(&reader, "content after the root element")),
                }
            }
            Event::End(_) => {
                // quick-xml checks that end tags match their start tags.
                let done = stack
                    .pop()
                    .ok_or_else(|| xml_error(&reader, "an end tag without a start tag"))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            Event::Text(t) => {
                if let Some(cur) = stack.last_mut() {
                    let s = t.unescape().map_err(|e| xml_error(&reader, e))?;
                    cur.text.push_str(&s);
                }
            }
            Event::CData(c) => {
                if let Some(cur) = stack.last_mut() {
                    cur.text.push_str(&String::from_utf8_lossy(&c.into_inner()));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !stack.is_empty() {
        return Err(xml_error(&reader, "the document ends inside an element"));
    }
    root.ok_or_else(|| xml_error(&reader, "no root element"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree_with_text_and_attributes() {
        let e = parse("<?xml version=\"1.0\"?><A x=\"1 &amp; 2\"><B>t<C/>u</B><B/></A>").unwrap();
        assert_eq!(e.attr("x"), Some("1 & 2"));
        assert_eq!(e.children_named("B").count(), 2);
        assert_eq!(e.path(&["B", "C"]).map(|c| c.name.as_str()), Some("C"));
        assert_eq!(e.all_text(), "tu");
    }

    #[test]
    fn malformed_documents_are_errors() {
        for bad in [
            "",
            "<A>",
            "<A></B>",
            "<A/><B/>",
            "not xml",
            "<A x=1/>",
            "<A>&bogus;</A>",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "<A>".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).is_err());
    }
}
