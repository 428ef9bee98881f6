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

impl NotText {
    /// The problem as a reader reports it.
    pub(crate) fn issue(self) -> super::Issue {
        super::Issue::NotText {
            utf8_offset: self.utf8_offset,
            binary: self.binary,
        }
    }
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

/// How a file of any size decodes, read in blocks of `block` bytes: the answer [`decode_text`]
/// gives for the whole file, which a streamed reader cannot hold. `Err` is a read error.
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
        (Some(utf8_offset), Some(b)) => Err(NotText {
            utf8_offset,
            binary: Some(b),
        }),
        (Some(utf8_offset), None) if sequence => Err(NotText {
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
