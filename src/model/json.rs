//! The JSON the tool stores, read and written without serde (issue 16: serde_json's code was
//! some 60 KB of the wasm). Deliberately the same as serde_json 1.x in what it does:
//! - [`parse`] accepts exactly the texts `serde_json::from_str::<serde_json::Value>` accepts
//!   (RFC 8259: no trailing commas, no comments, paired `\u` surrogates, control characters
//!   escaped, nesting at most 127 deep), builds the same values (objects keep their keys
//!   sorted, a repeated key keeps its last value; integers as u64 / i64, everything else
//!   f64) and reports a refusal at the same line and column;
//! - [`write`] and [`Writer`] give byte for byte what `serde_json::to_string` writes
//!   (compact, the same escapes, floats through the same `zmij` formatter, NaN as null).
//!
//! Floats are read with core's correctly rounded parser; serde_json's default reader may be
//! one unit in the last place off for long mantissas (its `float_roundtrip` feature fixes
//! that). Texts the tool writes never differ: they hold integers and shortest floats.
//! tests/json_props.rs holds both to serde_json on arbitrary values and texts.

use std::collections::BTreeMap;
use std::fmt;

/// An object's members, sorted by key (as serde_json's `Map` without `preserve_order`).
pub type Map = BTreeMap<String, Value>;

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number as serde_json keeps it: a non-negative integer, a negative one, or a float.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    U64(u64),
    I64(i64),
    F64(f64),
}

impl Number {
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Number::U64(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        Some(match *self {
            Number::U64(n) => n as f64,
            Number::I64(n) => n as f64,
            Number::F64(f) => f,
        })
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        write_number(&mut s, *self);
        f.write_str(&s)
    }
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(map) => map.get(key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.into())
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Number(Number::U64(n))
    }
}

impl fmt::Display for Value {
    /// The compact text, as serde_json's `Value::to_string`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        write(&mut s, self);
        f.write_str(&s)
    }
}

// ---------------------------------------------------------------------------------------
// Writing

/// Appends `value`'s compact text.
pub fn write(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(out, *n),
        Value::String(s) => write_str(out, s),
        Value::Array(list) => write_list(out, list, write),
        Value::Object(map) => {
            out.push('{');
            for (n, (k, v)) in map.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                write_str(out, k);
                out.push(':');
                write(out, v);
            }
            out.push('}');
        }
    }
}

fn write_number(out: &mut String, n: Number) {
    match n {
        Number::U64(n) => write_u64(out, n),
        Number::I64(n) => {
            if n < 0 {
                out.push('-');
            }
            write_u64(out, n.unsigned_abs());
        }
        Number::F64(f) => write_f64(out, f),
    }
}

pub fn write_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

/// A float as serde_json writes it ("1.0", "1.5e-7"); NaN and infinities as `null`.
pub fn write_f64(out: &mut String, f: f64) {
    if f.is_finite() {
        out.push_str(zmij::Buffer::new().format_finite(f));
    } else {
        out.push_str("null");
    }
}

/// A string in quotes, escaped as serde_json escapes it: `"` `\` and control characters
/// (\b \t \n \f \r by letter, the rest as \u00xx); everything else as it is.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 0xf) as usize] as char);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// Writes an object member by member, in the order given (a struct's field order, as
/// serde's derive writes it).
pub struct Writer<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Writer<'a> {
    pub fn object(out: &'a mut String) -> Writer<'a> {
        out.push('{');
        Writer { out, first: true }
    }

    /// Starts member `key`; the caller writes its value into the returned string.
    pub fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, key);
        self.out.push(':');
        self.out
    }

    pub fn str(&mut self, key: &str, value: &str) {
        write_str(self.key(key), value);
    }

    pub fn opt_str(&mut self, key: &str, value: Option<&str>) {
        match value {
            Some(s) => self.str(key, s),
            None => self.key(key).push_str("null"),
        }
    }

    pub fn u64(&mut self, key: &str, value: u64) {
        write_u64(self.key(key), value);
    }

    pub fn bool(&mut self, key: &str, value: bool) {
        self.key(key).push_str(if value { "true" } else { "false" });
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

/// Writes a list, each element by `each`.
pub fn write_list<T>(out: &mut String, list: &[T], mut each: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (n, v) in list.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        each(out, v);
    }
    out.push(']');
}

// ---------------------------------------------------------------------------------------
// Parsing

/// Why a text is not JSON, and where (line from 1; column in bytes, as serde_json counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Error {
    pub code: ErrorCode,
    pub line: usize,
    pub column: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    EofWhileParsingValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedSomeIdent,
    ExpectedSomeValue,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    LoneLeadingSurrogateInHexEscape,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
    RecursionLimitExceeded,
    /// The same key twice in one object. serde_json keeps the last value; this parser
    /// refuses the text, since keeping either would silently drop the other's content.
    RepeatedKey,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} at line {} column {}",
            self.code, self.line, self.column
        )
    }
}

impl std::error::Error for Error {}

/// serde_json's nesting limit: the 128th open bracket is refused.
const MAX_DEPTH: usize = 127;

/// Parses a whole text (whitespace around the value allowed, nothing else).
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = p.value()?;
    match p.whitespace() {
        Some(_) => Err(p.peek_error(ErrorCode::TrailingCharacters)),
        None => Ok(value),
    }
}

/// The top-level object's members of `text` read one by one: `each(key, value)` is called
/// for every member in text order (repeated keys included); nothing is built for a member
/// `each` does not want (it gets `None` in place of the value when `wants(key)` is false).
/// Fails where [`parse`] fails, and on a text that is not an object.
pub fn parse_members(
    text: &str,
    wants: impl Fn(&str) -> bool,
    mut each: impl FnMut(&str, Option<Value>),
) -> Result<(), Error> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    if p.whitespace() != Some(b'{') {
        let _ = p.value()?;
        return Err(p.error(ErrorCode::ExpectedSomeValue));
    }
    p.depth = 1;
    p.at += 1;
    let mut first = true;
    while p.next_key(&mut first)? {
        let key = p.string()?;
        p.colon()?;
        if wants(&key) {
            let v = p.value()?;
            each(&key, Some(v));
        } else {
            p.skip()?;
            each(&key, None);
        }
    }
    p.at += 1;
    match p.whitespace() {
        Some(_) => Err(p.peek_error(ErrorCode::TrailingCharacters)),
        None => Ok(()),
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn position(&self, i: usize) -> Error {
        let before = &self.bytes[..i];
        let start_of_line = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        Error {
            code: ErrorCode::EofWhileParsingValue,
            line: 1 + before[..start_of_line]
                .iter()
                .filter(|&&b| b == b'\n')
                .count(),
            column: i - start_of_line,
        }
    }

    /// An error at what was last read (serde_json's `error`).
    fn error(&self, code: ErrorCode) -> Error {
        Error {
            code,
            ..self.position(self.at)
        }
    }

    /// An error at the byte looked at next (serde_json's `peek_error`).
    fn peek_error(&self, code: ErrorCode) -> Error {
        Error {
            code,
            ..self.position((self.at + 1).min(self.bytes.len()))
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn peek_or_null(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek();
        if b.is_some() {
            self.at += 1;
        }
        b
    }

    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Value, Error> {
        self.any(true).map(Option::unwrap_or_default)
    }

    fn skip(&mut self) -> Result<(), Error> {
        self.any(false).map(|_| ())
    }

    /// Reads one value; builds it only if `build`.
    fn any(&mut self, build: bool) -> Result<Option<Value>, Error> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(ErrorCode::EofWhileParsingValue));
        };
        Ok(match peek {
            b'n' => {
                self.at += 1;
                self.ident(b"ull")?;
                Some(Value::Null)
            }
            b't' => {
                self.at += 1;
                self.ident(b"rue")?;
                Some(Value::Bool(true))
            }
            b'f' => {
                self.at += 1;
                self.ident(b"alse")?;
                Some(Value::Bool(false))
            }
            b'-' => {
                self.at += 1;
                Some(Value::Number(self.number(false)?))
            }
            b'0'..=b'9' => Some(Value::Number(self.number(true)?)),
            b'"' => {
                self.at += 1;
                let s = self.string()?;
                build.then_some(Value::String(s))
            }
            b'[' => {
                self.enter()?;
                let mut list = Vec::new();
                let mut first = true;
                while self.next_element(&mut first)? {
                    let v = self.any(build)?;
                    if let Some(v) = v {
                        list.push(v);
                    }
                }
                self.at += 1;
                self.depth -= 1;
                build.then_some(Value::Array(list))
            }
            b'{' => {
                self.enter()?;
                let mut map = Map::new();
                let mut first = true;
                while self.next_key(&mut first)? {
                    // Where the key starts, spelled as line and column only if it is
                    // repeated: counting lines for every key would be quadratic.
                    let key_at = self.at;
                    let key = self.string()?;
                    self.colon()?;
                    let v = self.any(build)?;
                    if let Some(v) = v {
                        if map.insert(key, v).is_some() {
                            return Err(Error {
                                code: ErrorCode::RepeatedKey,
                                ..self.position(key_at)
                            });
                        }
                    }
                }
                self.at += 1;
                self.depth -= 1;
                build.then_some(Value::Object(map))
            }
            _ => return Err(self.peek_error(ErrorCode::ExpectedSomeValue)),
        })
    }

    fn enter(&mut self) -> Result<(), Error> {
        if self.depth >= MAX_DEPTH {
            return Err(self.peek_error(ErrorCode::RecursionLimitExceeded));
        }
        self.depth += 1;
        self.at += 1;
        Ok(())
    }

    fn ident(&mut self, rest: &[u8]) -> Result<(), Error> {
        for &expected in rest {
            match self.next() {
                None => return Err(self.error(ErrorCode::EofWhileParsingValue)),
                Some(b) if b != expected => return Err(self.error(ErrorCode::ExpectedSomeIdent)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// Whether another element follows in a list (the `[` or `,` before it consumed);
    /// at `]` it stops before it.
    fn next_element(&mut self, first: &mut bool) -> Result<bool, Error> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(ErrorCode::EofWhileParsingList));
        };
        if peek == b']' {
            Ok(false)
        } else if *first {
            *first = false;
            Ok(true)
        } else if peek == b',' {
            self.at += 1;
            match self.whitespace() {
                Some(b']') => Err(self.peek_error(ErrorCode::TrailingComma)),
                Some(_) => Ok(true),
                None => Err(self.peek_error(ErrorCode::EofWhileParsingValue)),
            }
        } else {
            Err(self.peek_error(ErrorCode::ExpectedListCommaOrEnd))
        }
    }

    /// Whether another member follows in an object; leaves its key's `"` consumed.
    fn next_key(&mut self, first: &mut bool) -> Result<bool, Error> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(ErrorCode::EofWhileParsingObject));
        };
        let more = if peek == b'}' {
            false
        } else if *first {
            *first = false;
            if peek != b'"' {
                return Err(self.peek_error(ErrorCode::KeyMustBeAString));
            }
            true
        } else if peek == b',' {
            self.at += 1;
            match self.whitespace() {
                Some(b'"') => true,
                Some(b'}') => return Err(self.peek_error(ErrorCode::TrailingComma)),
                Some(_) => return Err(self.peek_error(ErrorCode::KeyMustBeAString)),
                None => return Err(self.peek_error(ErrorCode::EofWhileParsingValue)),
            }
        } else {
            return Err(self.peek_error(ErrorCode::ExpectedObjectCommaOrEnd));
        };
        if more {
            self.at += 1;
        }
        Ok(more)
    }

    fn colon(&mut self) -> Result<(), Error> {
        match self.whitespace() {
            Some(b':') => {
                self.at += 1;
                Ok(())
            }
            Some(_) => Err(self.peek_error(ErrorCode::ExpectedColon)),
            None => Err(self.peek_error(ErrorCode::EofWhileParsingObject)),
        }
    }

    /// A string's contents, its opening `"` already consumed.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        let mut start = self.at;
        loop {
            // Plain bytes up to the next `"`, `\` or control character.
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            let Some(b) = self.peek() else {
                return Err(self.error(ErrorCode::EofWhileParsingString));
            };
            // Boundaries are ASCII bytes, so these are whole characters.
            out.push_str(&self.text[start..self.at]);
            self.at += 1;
            match b {
                b'"' => return Ok(out),
                b'\\' => self.escape(&mut out)?,
                _ => return Err(self.error(ErrorCode::ControlCharacterWhileParsingString)),
            }
            start = self.at;
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let Some(b) = self.next() else {
            return Err(self.error(ErrorCode::EofWhileParsingString));
        };
        out.push(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error(ErrorCode::InvalidEscape)),
        });
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let Some(four) = self.bytes.get(self.at..self.at + 4) else {
            self.at = self.bytes.len();
            return Err(self.error(ErrorCode::EofWhileParsingString));
        };
        self.at += 4;
        let mut n = 0;
        for &b in four {
            let digit = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => return Err(self.error(ErrorCode::InvalidEscape)),
            };
            n = n * 16 + digit as u32;
        }
        Ok(n)
    }

    /// After `\u`: one character, or a surrogate pair as two escapes; a lone surrogate is
    /// refused, as serde_json refuses it for a string.
    fn unicode_escape(&mut self, out: &mut String) -> Result<(), Error> {
        let n = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&n) {
            return Err(self.error(ErrorCode::LoneLeadingSurrogateInHexEscape));
        }
        if !(0xD800..=0xDBFF).contains(&n) {
            // Outside the surrogates every u16 is a character.
            out.push(char::from_u32(n).unwrap_or_default());
            return Ok(());
        }
        for expected in [b'\\', b'u'] {
            match self.peek() {
                None => return Err(self.error(ErrorCode::EofWhileParsingString)),
                Some(b) => {
                    self.at += 1;
                    if b != expected {
                        return Err(self.error(ErrorCode::UnexpectedEndOfHexEscape));
                    }
                }
            }
        }
        let n2 = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&n2) {
            return Err(self.error(ErrorCode::LoneLeadingSurrogateInHexEscape));
        }
        let c = (((n - 0xD800) << 10) | (n2 - 0xDC00)) + 0x1_0000;
        out.push(char::from_u32(c).unwrap_or_default());
        Ok(())
    }

    /// A number, its `-` (if any) consumed.
    fn number(&mut self, positive: bool) -> Result<Number, Error> {
        let start = self.at;
        match self.next() {
            None => return Err(self.error(ErrorCode::EofWhileParsingValue)),
            Some(b'0') => {
                if self.peek_or_null().is_ascii_digit() {
                    return Err(self.peek_error(ErrorCode::InvalidNumber));
                }
            }
            Some(b'1'..=b'9') => {
                while self.peek_or_null().is_ascii_digit() {
                    self.at += 1;
                }
            }
            Some(_) => return Err(self.error(ErrorCode::InvalidNumber)),
        }
        let int_end = self.at;
        let mut float = false;
        if self.peek_or_null() == b'.' {
            float = true;
            self.at += 1;
            let digits = self.at;
            while self.peek_or_null().is_ascii_digit() {
                self.at += 1;
            }
            if self.at == digits {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(ErrorCode::InvalidNumber),
                    None => self.peek_error(ErrorCode::EofWhileParsingValue),
                });
            }
        }
        if let b'e' | b'E' = self.peek_or_null() {
            float = true;
            self.at += 1;
            let negative_exp = self.peek_or_null() == b'-';
            if let b'+' | b'-' = self.peek_or_null() {
                self.at += 1;
            }
            let mut exp = match self.next() {
                None => return Err(self.error(ErrorCode::EofWhileParsingValue)),
                Some(b @ b'0'..=b'9') => (b - b'0') as i32,
                Some(_) => return Err(self.error(ErrorCode::InvalidNumber)),
            };
            while let b @ b'0'..=b'9' = self.peek_or_null() {
                self.at += 1;
                match exp
                    .checked_mul(10)
                    .and_then(|e| e.checked_add((b - b'0') as i32))
                {
                    Some(e) => exp = e,
                    // serde_json stops at an exponent past i32: out of range for a
                    // non-zero number growing, zero otherwise.
                    None => {
                        let mantissa = &self.bytes[start..self.at];
                        let zero = !mantissa
                            .iter()
                            .take_while(|b| !matches!(b, b'e' | b'E'))
                            .any(|b| matches!(b, b'1'..=b'9'));
                        if !zero && !negative_exp {
                            return Err(self.error(ErrorCode::NumberOutOfRange));
                        }
                        while self.peek_or_null().is_ascii_digit() {
                            self.at += 1;
                        }
                        return Ok(Number::F64(if positive { 0.0 } else { -0.0 }));
                    }
                }
            }
        }
        if !float {
            if let Ok(n) = self.text[start..int_end].parse::<u64>() {
                return Ok(if positive {
                    Number::U64(n)
                } else if n == 0 || n > i64::MAX as u64 + 1 {
                    // serde_json: -0 and integers below i64::MIN are floats.
                    Number::F64(-(n as f64))
                } else {
                    Number::I64((n as i64).wrapping_neg())
                });
            }
        }
        let f = crate::decimal::parse(&self.text[start..self.at]).unwrap_or(f64::INFINITY);
        if f.is_infinite() {
            return Err(self.error(ErrorCode::NumberOutOfRange));
        }
        Ok(Number::F64(if positive { f } else { -f }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_the_basics() {
        let v = parse(r#" {"b":[1,-2,3.5,true,null],"a":"x\"\\\n\u00e9\ud83d\ude00"} "#).unwrap();
        assert_eq!(
            v.to_string(),
            "{\"a\":\"x\\\"\\\\\\né😀\",\"b\":[1,-2,3.5,true,null]}"
        );
        for bad in [
            "",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "1e",
            "-",
            "\"\\x\"",
            "\"\\ud800\"",
            "[1 2]",
            "{1:2}",
            "\"\u{1}\"",
            "nul",
            "1 2",
            "1e400",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert!(parse(
            &"[".repeat(127)
                .chars()
                .chain("]".repeat(127).chars())
                .collect::<String>()
        )
        .is_ok());
        assert!(parse(
            &"[".repeat(128)
                .chars()
                .chain("]".repeat(128).chars())
                .collect::<String>()
        )
        .is_err());
    }
}
