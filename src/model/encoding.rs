//! Text encodings of files people save: UTF-8 (with or without a byte-order mark) and
//! Windows-1252, which is what Excel's "CSV" writes on Windows and what RevMan 5's ISO-8859-1
//! files hold in practice. Windows-1252 is one byte per character and needs no crate: Latin-1 is
//! the first 256 code points, and Windows-1252 differs from it in 27 of them (0x80–0x9F).

use std::borrow::Cow;

/// Windows-1252 characters for the bytes 0x80..=0x9F; the five bytes it leaves undefined map to
/// the control character of the same number, as in the WHATWG encoding standard.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Decodes Windows-1252 (and so ISO-8859-1) bytes. Every byte is a character.
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

/// How a text file was decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decoded {
    Utf8,
    Windows1252,
}

/// Why bytes are not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NotText {
    /// Where UTF-8 decoding failed.
    pub utf8_offset: usize,
    /// The first byte that no text file has (a control character, or a byte Windows-1252 leaves
    /// undefined), if any; `None` when the bytes mix UTF-8 sequences with other bytes.
    pub binary: Option<(usize, u8)>,
}

/// A byte that a Windows-1252 text file does not contain: control characters other than tab,
/// line feed, form feed and carriage return, DEL, and the five bytes the encoding leaves undefined.
fn is_not_text(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0B | 0x0E..=0x1F | 0x7F | 0x81 | 0x8D | 0x8F | 0x90 | 0x9D)
}

/// Whether the bytes hold a well-formed multi-byte UTF-8 sequence (a sign that a file which is not
/// valid UTF-8 throughout is broken UTF-8 rather than Windows-1252: "é" in Windows-1252 followed
/// by a symbol would rarely form one).
fn has_utf8_sequence(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let len = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => {
                i += 1;
                continue;
            }
        };
        if let Some(seq) = bytes.get(i..i + len) {
            if std::str::from_utf8(seq).is_ok() {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Decodes a text file: UTF-8 (a byte-order mark is dropped), or else Windows-1252 when every byte
/// can be Windows-1252 text. Binary data, UTF-16 and files that mix UTF-8 with other bytes are
/// refused.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<(Cow<'_, str>, Decoded), NotText> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf8_offset = match std::str::from_utf8(bytes) {
        Ok(t) => return Ok((Cow::Borrowed(t), Decoded::Utf8)),
        Err(e) => e.valid_up_to(),
    };
    if let Some(at) = bytes.iter().position(|&b| is_not_text(b)) {
        return Err(NotText {
            utf8_offset,
            binary: Some((at, bytes[at])),
        });
    }
    if has_utf8_sequence(bytes) {
        return Err(NotText {
            utf8_offset,
            binary: None,
        });
    }
    Ok((Cow::Owned(decode_windows_1252(bytes)), Decoded::Windows1252))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_punctuation_and_latin1() {
        assert_eq!(
            decode_windows_1252(b"Sch\xF6nberg \x96 \x93x\x94 \x80"),
            "Schönberg – “x” €"
        );
    }

    #[test]
    fn utf8_windows_1252_or_refused() {
        assert_eq!(
            decode_text("\u{feff}Müller".as_bytes()).unwrap(),
            (Cow::Borrowed("Müller"), Decoded::Utf8)
        );
        assert_eq!(
            decode_text(b"Caf\xe9;0,5\r\n").unwrap(),
            (Cow::Owned("Café;0,5\r\n".to_string()), Decoded::Windows1252)
        );
        // Binary data: a NUL (and UTF-16, whose ASCII is half NULs).
        assert_eq!(
            decode_text(b"ab\xff\x00cd"),
            Err(NotText {
                utf8_offset: 2,
                binary: Some((3, 0))
            })
        );
        assert!(decode_text(b"\xff\xfes\x00t\x00").is_err());
        // Broken UTF-8: valid sequences beside a stray byte.
        assert_eq!(
            decode_text(
                "é".as_bytes()
                    .iter()
                    .chain(b" \xe9")
                    .copied()
                    .collect::<Vec<_>>()
                    .as_slice()
            ),
            Err(NotText {
                utf8_offset: 3,
                binary: None
            })
        );
    }
}
