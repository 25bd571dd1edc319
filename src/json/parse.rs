//! The parser: JSON text into a [`Value`], with the lexer the locator shares.

use super::{Value, MAX_DEPTH};
use std::borrow::Cow;

/// Text that is not JSON: what is wrong and where (1-based line and column,
/// the column counted in characters). `problem` is the key of its wording in
/// the message catalogues (`json.value` …); it is displayed in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub problem: &'static str,
    pub line: usize,
    pub column: usize,
    /// Byte offset of the error in the input.
    pub offset: usize,
}

impl std::error::Error for ParseError {}

/// Parses JSON text (RFC 8259; a leading byte-order mark is allowed).
pub fn parse(text: &str) -> Result<Value<'_>, ParseError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let skipped = text.len() - body.len();
    let mut parser = Parser {
        src: body,
        bytes: body.as_bytes(),
        pos: 0,
    };
    let result = parser.document();
    result.map_err(|(problem, at)| {
        let at = at + skipped;
        let (line, column) = line_column(text, at);
        ParseError {
            problem,
            line,
            column,
            offset: at,
        }
    })
}

/// 1-based line and character column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

pub(super) type Fail = (&'static str, usize);

pub(super) struct Parser<'a> {
    pub(super) src: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
}

impl<'a> Parser<'a> {
    fn document(&mut self) -> Result<Value<'a>, Fail> {
        self.skip_ws();
        let value = self.value(0)?;
        self.skip_ws();
        if self.pos < self.bytes.len() {
            return Err(("json.trailing-text", self.pos));
        }
        Ok(value)
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn skip_ws(&mut self) {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        self.pos += rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(rest.len());
    }

    pub(super) fn value(&mut self, depth: usize) -> Result<Value<'a>, Fail> {
        match self.peek() {
            None => Err(("json.end-before-value", self.pos)),
            Some(b'{') | Some(b'[') if depth >= MAX_DEPTH => {
                self.skip_nested()?;
                Ok(Value::TooDeep)
            }
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(("json.value", self.pos)),
        }
    }

    pub(super) fn literal(
        &mut self,
        word: &'static str,
        value: Value<'a>,
    ) -> Result<Value<'a>, Fail> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(("json.value", self.pos))
        }
    }

    pub(super) fn object(&mut self, depth: usize) -> Result<Value<'a>, Fail> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(("json.member-name", self.pos));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(("json.colon", self.pos));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                None => return Err(("json.end-in-object", self.pos)),
                Some(_) => return Err(("json.comma-in-object", self.pos)),
            }
        }
    }

    pub(super) fn array(&mut self, depth: usize) -> Result<Value<'a>, Fail> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(("json.end-in-array", self.pos)),
                Some(_) => return Err(("json.comma-in-array", self.pos)),
            }
        }
    }

    /// Skips a nested array or object without recursion, still checking that
    /// its brackets and strings are well formed.
    pub(super) fn skip_nested(&mut self) -> Result<(), Fail> {
        let mut stack: Vec<u8> = Vec::new();
        loop {
            match self.peek() {
                None => return Err(("json.end-in-nested", self.pos)),
                Some(b'"') => {
                    self.string()?;
                    continue;
                }
                Some(open @ (b'{' | b'[')) => stack.push(if open == b'{' { b'}' } else { b']' }),
                Some(close @ (b'}' | b']')) => {
                    if stack.pop() != Some(close) {
                        return Err(("json.mismatched-bracket", self.pos));
                    }
                    if stack.is_empty() {
                        self.pos += 1;
                        return Ok(());
                    }
                }
                Some(_) => {}
            }
            self.pos += 1;
        }
    }

    pub(super) fn number(&mut self) -> Result<Value<'a>, Fail> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(("json.digit", self.pos)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(("json.digit-fraction", self.pos));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(("json.digit-exponent", self.pos));
            }
            self.digits();
        }
        Ok(Value::Number(super::decimal::to_f64(
            &self.src[start..self.pos],
        )))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    pub(super) fn string(&mut self) -> Result<Cow<'a, str>, Fail> {
        let open = self.pos;
        self.pos += 1;
        let start = self.pos;
        // Fast path: no escapes, the string is borrowed as it stands.
        let rest = self.bytes.get(start..).unwrap_or_default();
        let stop = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
        self.pos = start + stop.unwrap_or(rest.len());
        match self.peek() {
            None => return Err(("json.unterminated-string", open)),
            Some(b'"') => {
                let s = &self.src[start..self.pos];
                self.pos += 1;
                return Ok(Cow::Borrowed(s));
            }
            Some(b) if b < 0x20 => return Err(("json.control-character", self.pos)),
            Some(_) => {}
        }
        let mut out = String::with_capacity(self.pos - start + 16);
        out.push_str(&self.src[start..self.pos]);
        loop {
            match self.peek() {
                None => return Err(("json.unterminated-string", open)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(("json.escape", self.pos)),
                    };
                    out.push(escaped);
                    self.pos += 1;
                }
                Some(b) if b < 0x20 => return Err(("json.control-character", self.pos)),
                Some(_) => {
                    let run = self.pos;
                    while let Some(b) = self.peek() {
                        if b == b'"' || b == b'\\' || b < 0x20 {
                            break;
                        }
                        self.pos += 1;
                    }
                    out.push_str(&self.src[run..self.pos]);
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, Fail> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or(("json.escape", self.pos))?;
        let mut code = 0u32;
        for &d in digits {
            let v = (d as char).to_digit(16).ok_or(("json.escape", self.pos))?;
            code = code * 16 + v;
        }
        self.pos += 4;
        Ok(code)
    }

    /// A `\u` escape, joining surrogate pairs; a lone surrogate becomes U+FFFD,
    /// as JavaScript's `TextEncoder` does, so no user text is refused for it.
    fn unicode_escape(&mut self) -> Result<char, Fail> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.bytes[self.pos..].starts_with(b"\\u") {
            let save = self.pos;
            self.pos += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            self.pos = save;
        }
        Ok(char::from_u32(first).unwrap_or('\u{fffd}'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_values_and_borrows_plain_strings() {
        let v = parse(r#"{"a": [1, 2.5, -3e2], "b": "x", "c": null, "d": true}"#)
            .unwrap_or(Value::Null);
        assert_eq!(
            v.get("a"),
            Some(&Value::Array(vec![
                Value::Number(1.0),
                Value::Number(2.5),
                Value::Number(-300.0)
            ]))
        );
        assert!(matches!(
            v.get("b"),
            Some(Value::String(Cow::Borrowed("x")))
        ));
    }

    #[test]
    fn decodes_escapes_and_surrogate_pairs() {
        let v = parse(r#""a\n\u00e9\ud83d\ude00\ud800""#).unwrap_or(Value::Null);
        assert_eq!(v.as_str(), Some("a\né😀\u{fffd}"));
    }

    #[test]
    fn reports_line_and_column() {
        let err = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").err();
        assert_eq!(err.map(|e| (e.line, e.column)), Some((3, 7)));
    }

    #[test]
    fn keeps_very_deep_nesting_as_too_deep() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let v = parse(&text).unwrap_or(Value::Null);
        let mut depth = 0;
        let mut cur = &v;
        while let Value::Array(items) = cur {
            depth += 1;
            match items.first() {
                Some(next) => cur = next,
                None => break,
            }
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(cur, &Value::TooDeep);
    }

    #[test]
    fn rejects_trailing_text_and_bad_literals() {
        assert!(parse("{} x").is_err());
        assert!(parse("tru").is_err());
        assert!(parse("[1,]").is_err());
        assert!(parse("01").is_err());
    }
}
