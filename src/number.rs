//! One reader of decimal numbers written in text.
//!
//! `str::parse::<f64>` brings the standard library's correctly rounded float reader into the wasm
//! with its table of 128-bit powers of five: 21 KB, about 15 KB gzipped, 4% of the widget, for a
//! few numbers in words ("24 weeks"), in tick labels and in SVG attributes. The widget reads its
//! data with serde_json's number reader anyway, so text is read with that one too: exact for the
//! numbers people write (up to 15 significant digits, a power of ten to ±22), and otherwise within
//! two units in the last place (4 × 10⁻¹⁶ of the value), as the numbers of a dataset's JSON are.

/// A decimal number where `str::parse::<f64>` reads one: an optional sign, digits with an optional
/// decimal point (".5" and "5." too), an optional exponent, or `inf`, `infinity` or `nan` in any
/// case; its value as the module's doc says. `None` for anything else, surrounding spaces
/// included.
pub fn parse_f64(s: &str) -> Option<f64> {
    let (negative, unsigned) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    if unsigned.eq_ignore_ascii_case("inf") || unsigned.eq_ignore_ascii_case("infinity") {
        return Some(sign * f64::INFINITY);
    }
    if unsigned.eq_ignore_ascii_case("nan") {
        return Some(sign * f64::NAN);
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.map_or(true, |e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    let fraction_ok = fraction.map_or(true, digits);
    if whole.len() + fraction.map_or(0, str::len) == 0
        || !digits(whole)
        || !fraction_ok
        || !exponent_ok
    {
        return None;
    }
    // The grammar is checked, so the only refusal left is a magnitude past f64's range.
    let read = |json: &str| match serde_json::from_str(json) {
        Ok(x) => Some(x),
        Err(e) => {
            debug_assert!(e.to_string().contains("out of range"), "{json}: {e}");
            Some(sign * f64::INFINITY)
        }
    };
    // JSON's grammar has no '+', no leading zeros and digits on both sides of a point.
    let json_already = !s.starts_with('+')
        && !whole.is_empty()
        && (whole == "0" || !whole.starts_with('0'))
        && fraction != Some("");
    if json_already {
        return read(s);
    }
    let whole = whole.trim_start_matches('0');
    let mut json = String::with_capacity(s.len() + 2);
    if negative {
        json.push('-');
    }
    json.push_str(if whole.is_empty() { "0" } else { whole });
    if let Some(fraction) = fraction.filter(|f| !f.is_empty()) {
        json.push('.');
        json.push_str(fraction);
    }
    if let Some(e) = exponent {
        json.push('e');
        json.push_str(e);
    }
    read(&json)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What std reads, this reads: the same value, or both refuse.
    #[test]
    fn reads_what_std_reads() {
        let cases = [
            "0",
            "-0",
            "+1",
            "24",
            "2.5",
            ".5",
            "5.",
            "-.25",
            "007",
            "0.000",
            "1e3",
            "1E-3",
            "2.5e+2",
            "13.333333333333334",
            "0.1",
            "123456789012345",
            "1e22",
            "1e-22",
            "4.9e-324",
            "1.7976931348623157e308",
            "inf",
            "-Infinity",
            "NaN",
            "",
            "-",
            ".",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            " 1",
            "1 ",
            "1,5",
            "0x10",
            "--1",
            "1e400",
            "-1e400",
            "1e-400",
            "½",
        ];
        for s in cases {
            let ours = parse_f64(s);
            let std = s.parse::<f64>().ok();
            match (ours, std) {
                (Some(a), Some(b)) if a.is_nan() => assert!(b.is_nan(), "{s:?}"),
                (Some(a), Some(b)) => {
                    assert_eq!(a.to_bits(), b.to_bits(), "{s:?}: {a} against std's {b}")
                }
                (a, b) => assert_eq!(a, b, "{s:?}"),
            }
        }
    }

    /// Numbers as a tick label or a sentence writes them: std's value exactly.
    #[test]
    fn formatted_numbers_read_back() {
        let mut v = 0.000_123_4_f64;
        while v < 1e9 {
            for d in 0..=6 {
                for s in [format!("{v:.d$}"), format!("{:.d$}", -v * 3.7)] {
                    assert_eq!(parse_f64(&s), s.parse().ok(), "{s}");
                }
            }
            v *= 1.93;
        }
    }

    /// Random decimals of 1 to 19 digits with exponents to ±30: std's value exactly when the
    /// digits and the power of ten are within the exact range, and within two units in the last
    /// place otherwise.
    #[test]
    fn random_decimals_are_within_two_ulps() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let digits = 1 + (x % 19) as usize;
            let mantissa: String = (0..digits)
                .map(|i| char::from(b'0' + ((x >> (i * 3)) % 10) as u8))
                .collect();
            let point = (x >> 40) as usize % (digits + 1);
            let exponent = ((x >> 50) % 61) as i64 - 30;
            let s = format!("{}.{}e{exponent}", &mantissa[..point], &mantissa[point..]);
            let ours = parse_f64(&s).unwrap();
            let std: f64 = s.parse().unwrap();
            let ulps = (ours.to_bits() as i64 - std.to_bits() as i64).abs();
            let significant = mantissa.trim_start_matches('0').len();
            let power = exponent - (digits - point) as i64;
            let exact = significant <= 15 && power.abs() <= 22;
            assert!(
                ulps <= if exact { 0 } else { 2 },
                "{s}: {ours} against std's {std}"
            );
        }
    }
}
