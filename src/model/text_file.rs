//! A table file's bytes as text: UTF-8 (a byte-order mark dropped), UTF-16 with its byte-order
//! mark, which Excel's "Unicode Text" writes, or else Windows-1252 (`encoding`), which is
//! what Excel's "CSV" writes on Windows; and, for bytes that are none of these, why (a workbook,
//! binary data, UTF-16 without its mark). Only tables are sniffed so (the `table` feature): a
//! review file says its encoding.

use std::borrow::Cow;

use super::decode_windows_1252;

/// How a text file was decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decoded {
    Utf8,
    Windows1252,
}

/// Why bytes are not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotText {
    /// Neither UTF-8 nor Windows-1252.
    Bytes {
        /// Where UTF-8 decoding failed.
        utf8_offset: usize,
        /// The first byte that no text file has (a control character, or a byte Windows-1252
        /// leaves undefined), if any; `None` when the bytes mix UTF-8 sequences with other bytes.
        binary: Option<(usize, u8)>,
    },
    /// UTF-16 (by its byte-order mark) that breaks off or pairs its surrogates wrongly.
    BrokenUtf16 { offset: usize },
    /// A spreadsheet program's own file, not a table saved as text.
    Workbook { kind: &'static str },
}

impl NotText {
    /// The problem as a reader reports it.
    pub(crate) fn issue(self) -> super::Issue {
        match self {
            NotText::Bytes {
                utf8_offset,
                binary,
            } => super::Issue::NotText {
                utf8_offset,
                binary,
            },
            NotText::BrokenUtf16 { offset } => super::Issue::BrokenUtf16 { offset },
            NotText::Workbook { kind } => super::Issue::Workbook { kind },
        }
    }
}

/// The kind of spreadsheet program's file the bytes are, by their first bytes: a zip archive with
/// a workbook's parts (Excel's .xlsx, OpenDocument's .ods) or an OLE compound file (Excel 97–2003's
/// .xls), as a catalogue key (`workbook.xlsx`). Such a file is no table that any text reader can
/// read.
pub(crate) fn workbook_kind(bytes: &[u8]) -> Option<&'static str> {
    let holds = |part: &[u8]| {
        let start = &bytes[..bytes.len().min(64 * 1024)];
        start.windows(part.len()).any(|w| w == part)
    };
    if bytes.starts_with(b"PK\x03\x04") {
        if holds(b"opendocument.spreadsheet") {
            return Some("workbook.ods");
        }
        if holds(b"xl/") {
            return Some("workbook.xlsx");
        }
    }
    bytes
        .starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
        .then_some("workbook.xls")
}

/// The text of UTF-16 bytes that begin with a byte-order mark (little- or big-endian, which the
/// mark tells), or `None` for bytes without one.
pub(crate) fn decode_utf16(bytes: &[u8]) -> Option<Result<String, NotText>> {
    let big_endian = match bytes {
        [0xFF, 0xFE, ..] => false,
        [0xFE, 0xFF, ..] => true,
        _ => return None,
    };
    let body = &bytes[2..];
    let units = body.chunks_exact(2).map(|p| match big_endian {
        true => u16::from_be_bytes([p[0], p[1]]),
        false => u16::from_le_bytes([p[0], p[1]]),
    });
    let mut text = String::with_capacity(body.len() / 2);
    // Where the next character starts, in 16-bit units (one character above U+FFFF takes two).
    let mut unit = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                unit += c.len_utf16();
            }
            Err(_) => {
                return Some(Err(NotText::BrokenUtf16 {
                    offset: 2 + 2 * unit,
                }))
            }
        }
    }
    if body.len() % 2 == 1 {
        return Some(Err(NotText::BrokenUtf16 {
            offset: bytes.len() - 1,
        }));
    }
    Some(Ok(text))
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

/// Decodes a text file: UTF-8 (a byte-order mark is dropped), UTF-16 with a byte-order mark, or
/// else Windows-1252 when every byte can be Windows-1252 text. Binary data (a workbook said as
/// such), UTF-16 without a mark and files that mix UTF-8 with other bytes are refused.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<(Cow<'_, str>, Decoded), NotText> {
    if let Some(kind) = workbook_kind(bytes) {
        return Err(NotText::Workbook { kind });
    }
    if let Some(text) = decode_utf16(bytes) {
        return Ok((Cow::Owned(text?), Decoded::Utf8));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf8_offset = match std::str::from_utf8(bytes) {
        Ok(t) => return Ok((Cow::Borrowed(t), Decoded::Utf8)),
        Err(e) => e.valid_up_to(),
    };
    if let Some(at) = bytes.iter().position(|&b| is_not_text(b)) {
        return Err(NotText::Bytes {
            utf8_offset,
            binary: Some((at, bytes[at])),
        });
    }
    if has_utf8_sequence(bytes) {
        return Err(NotText::Bytes {
            utf8_offset,
            binary: None,
        });
    }
    Ok((Cow::Owned(decode_windows_1252(bytes)), Decoded::Windows1252))
}

/// How a file of any size decodes, read in blocks of `block` bytes: the answer [`decode_text`]
/// gives for the whole file, which a streamed reader cannot hold, but for UTF-16, which the
/// streamed reader decodes whole before it asks. `Err` is a read error.
pub(crate) fn sniff_text(
    source: &mut impl std::io::Read,
    block: usize,
) -> std::io::Result<Result<Decoded, NotText>> {
    let mut buf = vec![0u8; block.max(4)];
    // Offsets count from after a byte-order mark, as `decode_text`'s do.
    let mut at = 0usize;
    let mut first = true;
    // An incomplete UTF-8 sequence at the end of the last block, and the last three bytes (for a
    // multi-byte sequence across blocks).
    let mut carry: Vec<u8> = Vec::new();
    let mut tail: Vec<u8> = Vec::new();
    let mut utf8_error: Option<usize> = None;
    let mut binary: Option<(usize, u8)> = None;
    let mut sequence = false;
    loop {
        let mut n = 0;
        while n < buf.len() {
            match source.read(&mut buf[n..])? {
                0 => break,
                k => n += k,
            }
        }
        if n == 0 {
            break;
        }
        let mut data = &buf[..n];
        if std::mem::take(&mut first) {
            if let Some(kind) = workbook_kind(data) {
                return Ok(Err(NotText::Workbook { kind }));
            }
            data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
        }
        if binary.is_none() {
            binary = data
                .iter()
                .position(|&b| is_not_text(b))
                .map(|i| (at + i, data[i]));
        }
        if utf8_error.is_none() {
            let start = at - carry.len();
            let mut joined = std::mem::take(&mut carry);
            joined.extend_from_slice(data);
            match std::str::from_utf8(&joined) {
                Ok(_) => {}
                Err(e) if e.error_len().is_none() => carry = joined[e.valid_up_to()..].to_vec(),
                Err(e) => utf8_error = Some(start + e.valid_up_to()),
            }
        }
        let mut probe = std::mem::take(&mut tail);
        probe.extend_from_slice(data);
        sequence = sequence || has_utf8_sequence(&probe);
        tail = probe[probe.len().saturating_sub(3)..].to_vec();
        at += data.len();
    }
    if utf8_error.is_none() && !carry.is_empty() {
        utf8_error = Some(at - carry.len());
    }
    Ok(match (utf8_error, binary) {
        (None, _) => Ok(Decoded::Utf8),
        (Some(utf8_offset), Some(b)) => Err(NotText::Bytes {
            utf8_offset,
            binary: Some(b),
        }),
        (Some(utf8_offset), None) if sequence => Err(NotText::Bytes {
            utf8_offset,
            binary: None,
        }),
        (Some(_), None) => Ok(Decoded::Windows1252),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Read in blocks of any size, a file decodes as it does whole.
    #[test]
    fn sniffing_in_blocks_agrees_with_decoding_whole() {
        let cases: [&[u8]; 9] = [
            b"study,yi\nM\xc3\xbcller,1\n",
            b"\xEF\xBB\xBFstudy\nCaf\xc3\xa9\n",
            b"study\nM\xfcller\n",
            b"study\nM\xfcller \x80\n",
            b"study\nCaf\xc3\xa9 and M\xfcller\n",
            b"study\n\x00\x01binary\xff",
            b"ok until the end \xc3",
            b"",
            b"\xEF\xBB\xBF",
        ];
        for bytes in cases {
            let whole = decode_text(bytes).map(|(_, d)| d);
            for block in [1, 2, 3, 4, 5, 7, 64] {
                let sniffed = sniff_text(&mut &bytes[..], block).unwrap();
                assert_eq!(sniffed, whole, "{bytes:?} in blocks of {block}");
            }
        }
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
        // Binary data: a NUL (and UTF-16 without its mark, whose ASCII is half NULs).
        assert_eq!(
            decode_text(b"ab\xff\x00cd"),
            Err(NotText::Bytes {
                utf8_offset: 2,
                binary: Some((3, 0))
            })
        );
        assert!(decode_text(b"s\x00t\x00\xe9\x00").is_err());
        // UTF-16 with its mark is text, little- or big-endian.
        let utf16 = decode_text(b"\xff\xfes\x00t\x00\xe9\x00").unwrap();
        assert_eq!(utf16.0, "sté");
        assert_eq!(decode_text(b"\xfe\xff\x00s\x00t").unwrap().0, "st");
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
            Err(NotText::Bytes {
                utf8_offset: 3,
                binary: None
            })
        );
    }
}
