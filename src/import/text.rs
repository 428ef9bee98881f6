//! Turning a file's bytes into text.
//!
//! RevMan 5 writes its XML as ISO-8859-1 (later versions as UTF-8). Files from Windows carry
//! Windows-1252 punctuation (curly quotes, dashes) in the bytes 0x80–0x9F that ISO-8859-1 leaves to
//! control characters, so ISO-8859-1 is read as Windows-1252, as browsers do, with the decoder
//! the CSV reader uses for spreadsheets saved on Windows (`crate::model::decode_windows_1252`).

use super::ImportError;

/// Decodes ISO-8859-1 / Windows-1252 bytes (the model's decoder, shared with the CSV reader).
pub use crate::model::decode_windows_1252 as decode_latin1;

/// Strict UTF-8, without a byte-order mark.
pub fn decode_utf8(bytes: &[u8], what: &str) -> Result<String, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|e| ImportError::InvalidText {
            what: what.to_string(),
            offset: e.valid_up_to(),
        })
}

/// The encoding named in an XML declaration (`<?xml ... encoding="ISO-8859-1"?>`), if any.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(400)];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = String::from_utf8_lossy(&head[..end]);
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_string())
}

/// Decodes an XML document by its declaration: UTF-8 (the default), or ISO-8859-1 and its
/// aliases. UTF-16 and anything else is refused with the name it declared.
pub fn decode_xml(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ImportError::UnsupportedEncoding {
            name: "UTF-16".into(),
        });
    }
    match declared_encoding(bytes) {
        None => decode_utf8(bytes, "the XML file"),
        Some(name) => match name.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => decode_utf8(bytes, "the XML file"),
            "iso-8859-1" | "iso8859-1" | "iso_8859-1" | "latin1" | "latin-1" | "l1"
            | "windows-1252" | "cp1252" | "us-ascii" | "ascii" => Ok(decode_latin1(bytes)),
            _ => Err(ImportError::UnsupportedEncoding { name }),
        },
    }
}

/// Undoes XML name escaping in RevMan's ids: `STD-ISIS_x002d_2` is `STD-ISIS-2`.
pub fn unescape_xml_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let decoded = tail
            .get(2..6)
            .filter(|_| tail.as_bytes().get(6) == Some(&b'_'))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32);
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[7..];
            }
            None => {
                out.push_str("_x");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_and_windows_punctuation() {
        assert_eq!(
            decode_latin1(b"Sch\xF6nberg \x96 \x93x\x94"),
            "Schönberg – “x”"
        );
    }

    #[test]
    fn declaration_decides_the_encoding() {
        let latin = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><A>\xE9</A>";
        assert_eq!(
            decode_xml(latin).unwrap(),
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><A>é</A>"
        );
        let wrong = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><A>\xE9</A>";
        let at = wrong.iter().position(|&b| b == 0xE9).unwrap();
        assert!(matches!(
            decode_xml(wrong),
            Err(ImportError::InvalidText { offset, .. }) if offset == at
        ));
        let ebcdic = b"<?xml version='1.0' encoding='EBCDIC-US'?><A/>";
        assert_eq!(
            decode_xml(ebcdic),
            Err(ImportError::UnsupportedEncoding {
                name: "EBCDIC-US".into()
            })
        );
        assert!(decode_xml(b"\xFF\xFE<\x00").is_err());
        assert_eq!(decode_xml(b"<A>x</A>").unwrap(), "<A>x</A>");
    }

    #[test]
    fn xml_name_escapes() {
        assert_eq!(unescape_xml_name("STD-ISIS_x002d_2"), "STD-ISIS-2");
        assert_eq!(unescape_xml_name("STD-a_x0020_b_x"), "STD-a b_x");
        assert_eq!(unescape_xml_name("_x00e9_t_xZZZZ_"), "ét_xZZZZ_");
    }
}
