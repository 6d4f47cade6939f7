//! Numbers as text, exactly as `format!("{x}")` writes an f64 (shortest decimal that reads
//! back as `x`, no exponent in the range used), but through the float writer the stored
//! JSON uses (`zmij`, as serde_json's): core's own float formatting (about 7 KB of wasm) is
//! then not linked in. Used for the print view's CSS lengths and for numbers an
//! embedding page passes as options.

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

#[cfg(test)]
mod tests {
    use super::text;

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
