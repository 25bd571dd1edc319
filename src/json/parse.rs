//! The parser: JSON text into a [`Value`] under [`Limits`], with the lexer
//! the locator shares.

use super::reading::{utf16_len, Limits, Members, Reading, Step, TooLarge, Tree};
use super::Value;
use std::borrow::Cow;

/// Text that is not JSON: what is wrong and where (1-based line and column,
/// the column counted in UTF-16 code units, as SARIF, LSP and JavaScript
/// count). `problem` is the key of its wording in the message catalogues
/// (`json.value` …); it is displayed in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub problem: &'static str,
    pub line: usize,
    pub column: usize,
    /// Byte offset of the error in the input.
    pub offset: usize,
}

impl std::error::Error for ParseError {}

/// Parses JSON text (RFC 8259; a leading byte-order mark is allowed), with
/// no limit but the nesting depth; of a key given twice, the last value
/// counts, in the place of the first.
pub fn parse(text: &str) -> Result<Value<'_>, ParseError> {
    read(text, &Limits::default()).map(|tree| tree.value)
}

/// Reads one document from JSON text under `limits`, with the notes made
/// on the way (repeated keys, values past a limit).
pub fn read<'a>(text: &'a str, limits: &Limits) -> Result<Tree<'a>, ParseError> {
    let mut parser = Parser::new(text, limits);
    parser.skip_ws();
    let tree = parser.tree()?;
    parser.end().map_err(|f| parser.error(f))?;
    Ok(tree)
}

/// What a file holds: one document, or an array of documents.
#[derive(Debug, Clone, PartialEq)]
pub enum Documents<'a> {
    One(Tree<'a>),
    Many(Vec<Tree<'a>>),
}

/// Reads a file's text: one document, or an array whose every entry is a
/// document read on its own under `limits` (the array itself is not one).
pub fn read_documents<'a>(text: &'a str, limits: &Limits) -> Result<Documents<'a>, ParseError> {
    let mut parser = Parser::new(text, limits);
    parser.skip_ws();
    if parser.peek() != Some(b'[') {
        let tree = parser.tree()?;
        parser.end().map_err(|f| parser.error(f))?;
        return Ok(Documents::One(tree));
    }
    parser.pos += 1;
    parser.skip_ws();
    let mut documents = Vec::new();
    if parser.peek() == Some(b']') {
        parser.pos += 1;
    } else {
        loop {
            parser.skip_ws();
            parser.reading = Reading::new(*limits);
            documents.push(parser.tree()?);
            parser.skip_ws();
            match parser.peek() {
                Some(b',') => parser.pos += 1,
                Some(b']') => {
                    parser.pos += 1;
                    break;
                }
                None => return Err(parser.error(("json.end-in-array", parser.pos))),
                Some(_) => return Err(parser.error(("json.comma-in-array", parser.pos))),
            }
        }
    }
    parser.end().map_err(|f| parser.error(f))?;
    Ok(Documents::Many(documents))
}

/// 1-based line and UTF-16 column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = utf16_len(&before[line_start..]) + 1;
    (line, column)
}

pub(super) type Fail = (&'static str, usize);

/// The problem a [`TooLarge`] travels up the parser as: never shown, the
/// document is then reported as too large instead.
const TOO_LARGE: &str = "too-large";

impl From<TooLarge> for (&'static str, usize) {
    fn from(_: TooLarge) -> Fail {
        (TOO_LARGE, 0)
    }
}

pub(super) struct Parser<'a> {
    /// The whole text, byte-order mark included (errors count from it).
    text: &'a str,
    pub(super) src: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
    reading: Reading,
}

impl<'a> Parser<'a> {
    /// A parser of `text`, from past its byte-order mark.
    pub(super) fn new(text: &'a str, limits: &Limits) -> Parser<'a> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        Parser {
            text,
            src: body,
            bytes: body.as_bytes(),
            pos: 0,
            reading: Reading::new(*limits),
        }
    }

    /// A failure as the error it is in the whole text.
    fn error(&self, (problem, at): Fail) -> ParseError {
        let at = at + (self.text.len() - self.src.len());
        let (line, column) = line_column(self.text, at);
        ParseError {
            problem,
            line,
            column,
            offset: at,
        }
    }

    /// One document from here: its tree, or a document too large to read
    /// (skipped to its end, so that the next one can be read).
    fn tree(&mut self) -> Result<Tree<'a>, ParseError> {
        let start = self.pos;
        match self.value(0, &Step::Root) {
            Ok(value) => Ok(Tree {
                value,
                notes: std::mem::take(&mut self.reading.notes),
            }),
            Err((TOO_LARGE, _)) => {
                self.pos = start;
                self.skip_value().map_err(|f| self.error(f))?;
                Ok(Tree::too_large())
            }
            Err(f) => Err(self.error(f)),
        }
    }

    /// The end of the text: only white space may follow the document.
    fn end(&mut self) -> Result<(), Fail> {
        self.skip_ws();
        if self.pos < self.bytes.len() {
            return Err(("json.trailing-text", self.pos));
        }
        Ok(())
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

    fn value(&mut self, depth: usize, at: &Step<'_>) -> Result<Value<'a>, Fail> {
        match self.peek() {
            None => Err(("json.end-before-value", self.pos)),
            Some(b'{' | b'[') if self.reading.too_deep(depth, at)? => {
                self.skip_nested()?;
                Ok(Value::Unread)
            }
            Some(b'{') => self.object(depth, at),
            Some(b'[') => self.array(depth, at),
            Some(b'"') => {
                let text = self.string()?;
                Ok(self.reading.text(text, at)?)
            }
            Some(_) => {
                let value = self.scalar()?;
                Ok(self.reading.scalar(value)?)
            }
        }
    }

    /// A number, `true`, `false` or `null`.
    pub(super) fn scalar(&mut self) -> Result<Value<'a>, Fail> {
        match self.peek() {
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            None => Err(("json.end-before-value", self.pos)),
            Some(_) => Err(("json.value", self.pos)),
        }
    }

    /// Moves past one value without building it.
    pub(super) fn skip_value(&mut self) -> Result<(), Fail> {
        match self.peek() {
            Some(b'{' | b'[') => self.skip_nested(),
            Some(b'"') => self.string().map(drop),
            _ => self.scalar().map(drop),
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

    fn object(&mut self, depth: usize, at: &Step<'_>) -> Result<Value<'a>, Fail> {
        self.pos += 1;
        self.reading.open()?;
        let mut members = Members::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(members.finish());
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
            if self.reading.key(&key, at)? {
                let value = self.value(depth + 1, &Step::Key(at, &key))?;
                members.add(key, value, &mut self.reading, at);
            } else {
                self.skip_value()?;
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(members.finish());
                }
                None => return Err(("json.end-in-object", self.pos)),
                Some(_) => return Err(("json.comma-in-object", self.pos)),
            }
        }
    }

    fn array(&mut self, depth: usize, at: &Step<'_>) -> Result<Value<'a>, Fail> {
        self.pos += 1;
        let mark = self.reading.open()?;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            if items.len() == self.reading.limits.list {
                // One entry more than a list may have: the rest is counted, not read.
                let count = items.len() + self.skip_entries()?;
                return Ok(self.reading.too_many(mark, count, at)?);
            }
            let value = self.value(depth + 1, &Step::Index(at, items.len()))?;
            items.push(value);
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

    /// Moves past the entries of an array from here to its end: how many.
    fn skip_entries(&mut self) -> Result<usize, Fail> {
        let mut count = 0;
        loop {
            self.skip_ws();
            self.skip_value()?;
            count += 1;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(count);
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
        self.pos = start + string_end(rest);
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
                    self.pos += string_end(self.bytes.get(run..).unwrap_or_default());
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

/// Where a string's plain run ends: the first `"`, `\\` or control
/// character (or the end), found eight bytes at a time: a text is mostly
/// plain runs, and this is the parser's hottest loop.
fn string_end(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte that is zero (exact up to the first such
    // byte, which is all that is read).
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut chunks = bytes.chunks_exact(8);
    for (i, chunk) in chunks.by_ref().enumerate() {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
        let found =
            zero(w ^ (ONES * u64::from(b'"'))) | zero(w ^ (ONES * u64::from(b'\\'))) | control;
        if found != 0 {
            return i * 8 + (found.trailing_zeros() / 8) as usize;
        }
    }
    let tail = chunks.remainder();
    let done = bytes.len() - tail.len();
    done + tail
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(tail.len())
}

#[cfg(test)]
mod tests {
    use super::super::reading::{Note, NoteKind, MAX_DEPTH};

    #[test]
    fn a_string_s_plain_run_ends_at_the_first_quote_backslash_or_control() {
        let plain = |b: &[u8]| {
            b.iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .unwrap_or(b.len())
        };
        let fillers: [&[u8]; 4] = [b"a", "é".as_bytes(), "😀".as_bytes(), b"\x7f"];
        for stop in [b'"', b'\\', b'\n', 0, 0x1f, b' ', 0x80] {
            for filler in fillers {
                for before in 0..20 {
                    let mut text: Vec<u8> = filler.repeat(before);
                    text.push(stop);
                    text.extend(b"x\"y\\z\t");
                    for cut in 0..=text.len() {
                        assert_eq!(
                            string_end(&text[..cut]),
                            plain(&text[..cut]),
                            "{text:?} {cut}"
                        );
                        assert_eq!(
                            string_end(&text[cut..]),
                            plain(&text[cut..]),
                            "{text:?} {cut}"
                        );
                    }
                }
            }
        }
    }
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
        assert_eq!(cur, &Value::Unread);
    }

    #[test]
    fn rejects_trailing_text_and_bad_literals() {
        assert!(parse("{} x").is_err());
        assert!(parse("tru").is_err());
        assert!(parse("[1,]").is_err());
        assert!(parse("01").is_err());
    }

    fn note(path: &str, kind: NoteKind) -> Note {
        Note {
            path: path.into(),
            kind,
        }
    }

    #[test]
    fn the_last_of_repeated_keys_counts_in_the_place_of_the_first() {
        let tree = read(
            r#"{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}"#,
            &Limits::default(),
        );
        let tree = tree.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            tree.value,
            parse(r#"{"a": 3, "b": {"c": 2}}"#).unwrap_or(Value::Null)
        );
        let dup = NoteKind::DuplicateKey;
        assert_eq!(tree.notes, vec![note("/b/c", dup), note("/a", dup)]);
    }

    #[test]
    fn repeated_keys_are_found_in_small_and_large_objects_alike() {
        // Keys that share their length and first seven bytes, in objects
        // below, at and past the size where keys get a hash index.
        for n in [2, 32, 33, 40, 100] {
            let keys: Vec<String> = (0..n).map(|i| format!("field_1{i:03}")).collect();
            let mut members: Vec<String> = keys.iter().map(|k| format!("\"{k}\": 1")).collect();
            for k in keys.iter().step_by(7) {
                members.push(format!("\"{k}\": 2"));
            }
            let text = format!("{{{}}}", members.join(", "));
            let tree = read(&text, &Limits::default());
            let tree = tree.unwrap_or_else(|e| panic!("{e}"));
            let Value::Object(read) = &tree.value else {
                panic!("{n}: not an object");
            };
            let expected: Vec<(&str, f64)> = keys
                .iter()
                .enumerate()
                .map(|(i, k)| (k.as_str(), if i % 7 == 0 { 2.0 } else { 1.0 }))
                .collect();
            let got: Vec<(&str, f64)> = read
                .iter()
                .map(|(k, v)| match v {
                    Value::Number(x) => (k.as_ref(), *x),
                    _ => (k.as_ref(), 0.0),
                })
                .collect();
            assert_eq!(got, expected, "{n}");
            let repeats: Vec<Note> = keys
                .iter()
                .step_by(7)
                .map(|k| note(&format!("/{k}"), NoteKind::DuplicateKey))
                .collect();
            assert_eq!(tree.notes, repeats, "{n}");
        }
    }

    #[test]
    fn values_past_a_limit_are_noted_not_read() {
        let limits = Limits {
            size: 1000,
            text: 5,
            list: 3,
            depth: 2,
        };
        let text = r#"{"t": "123456", "l": [1, 2, 3, 4, 5], "d": [[1]], "ok": [1, "12345"], "long key": 1}"#;
        let tree = read(text, &limits).unwrap_or_else(|e| panic!("{e}"));
        let expected = parse(r#"{"t": 0, "l": 0, "d": [0], "ok": [1, "12345"]}"#);
        let mut expected = expected.unwrap_or(Value::Null);
        if let Value::Object(members) = &mut expected {
            members[0].1 = Value::Unread;
            members[1].1 = Value::Unread;
            members[2].1 = Value::Array(vec![Value::Unread]);
        }
        assert_eq!(tree.value, expected);
        assert_eq!(
            tree.notes,
            vec![
                note("/t", NoteKind::Text(6)),
                note("/l", NoteKind::List(5)),
                note("/d/0", NoteKind::Depth),
                note("", NoteKind::Key(8)),
            ]
        );
    }

    #[test]
    fn a_list_too_long_gives_back_what_its_entries_took() {
        // The object 1, "a" 1, the list 1, each text 1 + its length: 9.
        let limits = Limits {
            size: 9,
            text: 100,
            list: 2,
            depth: 8,
        };
        let tree = read(r#"{"a": ["xx", "yy", "zz"]}"#, &limits);
        let notes = tree.map(|t| t.notes).unwrap_or_default();
        assert_eq!(notes, vec![note("/a", NoteKind::List(3))]);
        let tree = read(r#"{"a": ["xxx", "yy"]}"#, &limits);
        assert_eq!(tree.ok(), Some(Tree::too_large()));
    }

    #[test]
    fn each_document_of_an_array_is_read_on_its_own() {
        let limits = Limits {
            size: 10,
            text: 100,
            list: 1,
            depth: 1,
        };
        let text = r#"[{"a": 1, "a": 2}, {"big": "0123456789"}, [1]]"#;
        let Ok(Documents::Many(docs)) = read_documents(text, &limits) else {
            panic!("an array of documents");
        };
        let notes: Vec<Vec<Note>> = docs.into_iter().map(|d| d.notes).collect();
        assert_eq!(
            notes,
            vec![
                vec![note("/a", NoteKind::DuplicateKey)],
                vec![note("", NoteKind::Size)],
                vec![],
            ]
        );
        assert!(matches!(
            read_documents(" {} ", &limits),
            Ok(Documents::One(_))
        ));
        assert!(read_documents("[{}, ", &limits).is_err());
    }

    #[test]
    fn columns_count_utf16_code_units() {
        let err = read("{\"😀é\": x}", &Limits::default()).err();
        assert_eq!(err.map(|e| (e.line, e.column)), Some((1, 9)));
    }
}
