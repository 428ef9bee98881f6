//! Windows-1252, which is what Excel's "CSV" writes on Windows and what RevMan 5's ISO-8859-1
//! files hold in practice. It is one byte per character and needs no crate: Latin-1 is the first
//! 256 code points, and Windows-1252 differs from it in 27 of them (0x80–0x9F). How a table
//! file's bytes are told to be this, UTF-8 or UTF-16 is in `text_file`.

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
}
