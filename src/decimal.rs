//! Numbers as text, exactly as `format!("{x}")` writes an f64 (shortest decimal that reads
//! back as `x`, no exponent in the range used), but through the float writer the stored
//! JSON uses (`zmij`, as serde_json's): core's own float formatting (about 7 KB of wasm) is
//! then not linked in. Used for the print view's CSS lengths and for numbers an
//! embedding page passes as options. And text as a number, as `str::parse::<f64>` reads it,
//! without core's float reader in the wasm (its 10 KB table of powers of five and 5 KB of
//! code, hardly compressible): see [`parse`].

/// `x` as `{}` writes it; from 1e16 on and below 1e-5 zmij writes an exponent
/// ("1e16", "1e-7"), which CSS reads the same.
pub fn text(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let written = zmij::Buffer::new().format_finite(x).to_string();
    match written.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => written,
    }
}

/// `text.parse::<f64>().ok()`: the same texts accepted (an optional sign, then `inf`,
/// `infinity` or `nan` in any case, or digits with an optional `.` and exponent) and the same
/// value, correctly rounded. What the tool reads (the stored JSON's `saved_at`, a key's
/// milliseconds) has at most 19 significant digits and a small exponent, read here exactly:
/// a mantissa under 2^53 times or over a power of ten up to 10^22 (exact in f64) is one
/// correctly rounded operation. Any other number is read by core natively and by the browser's
/// `parseFloat` in the wasm (correctly rounded too, on a text already checked to be a number).
pub fn parse(text: &str) -> Option<f64> {
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let signed = |x: f64| Some(if negative { -x } else { x });
    for (word, x) in [
        ("inf", f64::INFINITY),
        ("infinity", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        if rest.eq_ignore_ascii_case(word) {
            return signed(x);
        }
    }
    let bytes = rest.as_bytes();
    let mut at = 0;
    let (mut mantissa, mut digits, mut significant, mut scale) = (0u64, 0, 0, 0i64);
    let mut point = false;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa > 0 || b != b'0' {
                    significant += 1;
                }
                if significant <= 19 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    scale -= i64::from(point);
                } else {
                    scale += i64::from(!point);
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        at += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        at += 1;
        let minus = bytes.get(at) == Some(&b'-');
        at += usize::from(matches!(bytes.get(at), Some(b'+' | b'-')));
        let start = at;
        let mut exp = 0i64;
        while let Some(b @ b'0'..=b'9') = bytes.get(at) {
            exp = (exp * 10 + i64::from(b - b'0')).min(1 << 40);
            at += 1;
        }
        if at == start {
            return None;
        }
        scale += if minus { -exp } else { exp };
    }
    if at != bytes.len() {
        return None;
    }
    if mantissa == 0 {
        return signed(0.0);
    }
    if significant <= 19 && mantissa <= 1 << 53 && (-22..=22).contains(&scale) {
        let mut power = 1.0;
        for _ in 0..scale.unsigned_abs() {
            power *= 10.0;
        }
        let m = mantissa as f64;
        return signed(if scale < 0 { m / power } else { m * power });
    }
    slow(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn slow(text: &str) -> Option<f64> {
    text.parse().ok()
}

#[cfg(target_arch = "wasm32")]
fn slow(text: &str) -> Option<f64> {
    Some(js_sys::parse_float(text))
}

#[cfg(test)]
mod tests {
    use super::{parse, text};

    /// Same result as core's reader, bit for bit (NaN with its sign).
    fn same(s: &str) {
        let (ours, core) = (parse(s), s.parse::<f64>().ok());
        assert_eq!(ours.map(f64::to_bits), core.map(f64::to_bits), "{s:?}");
    }

    #[test]
    fn parse_reads_as_core_reads() {
        let fixed = [
            "",
            "+",
            "-",
            ".",
            "e5",
            ".e5",
            "1e",
            "1e+",
            "1e-",
            "1.",
            ".5",
            "-.5",
            "+1",
            "++1",
            "1..2",
            "1.2.3",
            "1e5e5",
            " 1",
            "1 ",
            "0x10",
            "1_000",
            "inf",
            "-Infinity",
            "NaN",
            "-nan",
            "infin",
            "0",
            "-0",
            "00",
            "-0.0e99999999999",
            "0e-99999999999",
            "1e308",
            "1e309",
            "-1e400",
            "1e-400",
            "5e-324",
            "2e-324",
            "1764771234567.0",
            "1764771234567",
            "9007199254740992",
            "9007199254740993",
            "9007199254740993.0",
            "123456789012345678",
            "1234567890123456789",
            "12345678901234567890",
            "0.00000000000000000000001234",
            "1e22",
            "1e23",
            "1e-22",
            "1e-23",
            "3.14159",
            "2.2250738585072014e-308",
            "0.1",
            "0.3",
            "1.7976931348623157e308",
            "4.9e-324",
            "123.456e-7",
            "1E5",
            "1e+05",
        ];
        for s in fixed {
            same(s);
        }
        // Random texts over the characters of numbers, and random floats as written.
        let mut next = crate::xorshift(0x2545_f491_4f6c_dd1d);
        let alphabet = b"0123456789012345678901234.e-+E";
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            let s: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize] as char)
                .collect();
            same(&s);
            let x = f64::from_bits(next());
            same(zmij::Buffer::new().format(x));
            same(&format!("{}", next() % 100_000_000_000_000));
            same(&format!(
                "{}.{}",
                next() % 10_000_000_000_000,
                next() % 1000
            ));
        }
    }

    #[test]
    fn reads_as_display_writes() {
        let fixed = [
            0.0,
            -0.0,
            1.0,
            3.2,
            15.75,
            28.95,
            210.0,
            297.0,
            -0.5,
            1e-5,
            2025.0,
            1e15,
            32.07142857142857,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for v in fixed {
            assert_eq!(text(v), format!("{v}"));
        }
        // The values the layout computes: sums and products of points and characters.
        let mut x = 0.0f64;
        while x < 400.0 {
            assert_eq!(text(x), format!("{x}"));
            assert_eq!(text(x / 7.0), format!("{}", x / 7.0));
            x += 0.05;
        }
    }
}
