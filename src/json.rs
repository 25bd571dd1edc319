//! A small JSON tree that borrows its strings from the input, and the parser
//! that builds it. The checker reads documents through this tree so that the
//! string API, the CLI and the wasm build need no intermediate `serde_json::Value`.

use std::borrow::Cow;
use std::fmt;

/// How deep arrays and objects may nest. Deeper values are kept as
/// [`Value::TooDeep`] (reported as a wrong type) so that work stays linear
/// and the stack bounded, whatever the input.
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(f64),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
    /// An array or object nested deeper than [`MAX_DEPTH`]; its content is skipped.
    TooDeep,
}

impl<'a> Value<'a> {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value<'a>]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(Cow<'a, str>, Value<'a>)]> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.as_object()?
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// The JSON type's name, as messages show it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
            Value::TooDeep => "a value nested too deeply",
        }
    }

    /// Builds the tree from a `serde_json::Value`, borrowing its strings.
    pub fn from_serde(value: &'a serde_json::Value) -> Value<'a> {
        from_serde_at(value, 0)
    }

    /// An owned copy that no longer borrows from the input.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Number(n) => Value::Number(n),
            Value::String(s) => Value::String(Cow::Owned(s.into_owned())),
            Value::Array(items) => Value::Array(items.into_iter().map(Value::into_owned).collect()),
            Value::Object(members) => Value::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                    .collect(),
            ),
            Value::TooDeep => Value::TooDeep,
        }
    }
}

fn from_serde_at(value: &serde_json::Value, depth: usize) -> Value<'_> {
    use serde_json::Value as S;
    match value {
        S::Null => Value::Null,
        S::Bool(b) => Value::Bool(*b),
        S::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
        S::String(s) => Value::String(Cow::Borrowed(s)),
        S::Array(_) | S::Object(_) if depth >= MAX_DEPTH => Value::TooDeep,
        S::Array(items) => {
            Value::Array(items.iter().map(|v| from_serde_at(v, depth + 1)).collect())
        }
        S::Object(members) => Value::Object(
            members
                .iter()
                .map(|(k, v)| (Cow::Borrowed(k.as_str()), from_serde_at(v, depth + 1)))
                .collect(),
        ),
    }
}

/// Text that is not JSON: what is wrong and where (1-based line and column,
/// the column counted in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
    /// Byte offset of the error in the input.
    pub offset: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid JSON at line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
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
    result.map_err(|(message, at)| {
        let at = at + skipped;
        let (line, column) = line_column(text, at);
        ParseError {
            message,
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

type Fail = (&'static str, usize);

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn document(&mut self) -> Result<Value<'a>, Fail> {
        self.skip_ws();
        let value = self.value(0)?;
        self.skip_ws();
        if self.pos < self.bytes.len() {
            return Err(("unexpected text after the JSON value", self.pos));
        }
        Ok(value)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        self.pos += rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(rest.len());
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, Fail> {
        match self.peek() {
            None => Err(("unexpected end of input, a value was expected", self.pos)),
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
            Some(_) => Err(("a value was expected", self.pos)),
        }
    }

    fn literal(&mut self, word: &'static str, value: Value<'a>) -> Result<Value<'a>, Fail> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(("a value was expected", self.pos))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value<'a>, Fail> {
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
                return Err(("a member name in double quotes was expected", self.pos));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(("':' was expected after the member name", self.pos));
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
                None => return Err(("unexpected end of input, '}' was expected", self.pos)),
                Some(_) => return Err(("',' or '}' was expected", self.pos)),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value<'a>, Fail> {
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
                None => return Err(("unexpected end of input, ']' was expected", self.pos)),
                Some(_) => return Err(("',' or ']' was expected", self.pos)),
            }
        }
    }

    /// Skips a nested array or object without recursion, still checking that
    /// its brackets and strings are well formed.
    fn skip_nested(&mut self) -> Result<(), Fail> {
        let mut stack: Vec<u8> = Vec::new();
        loop {
            match self.peek() {
                None => return Err(("unexpected end of input inside a nested value", self.pos)),
                Some(b'"') => {
                    self.string()?;
                    continue;
                }
                Some(open @ (b'{' | b'[')) => stack.push(if open == b'{' { b'}' } else { b']' }),
                Some(close @ (b'}' | b']')) => {
                    if stack.pop() != Some(close) {
                        return Err(("mismatched bracket", self.pos));
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

    fn number(&mut self) -> Result<Value<'a>, Fail> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(("a digit was expected", self.pos)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(("a digit was expected after the decimal point", self.pos));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(("a digit was expected in the exponent", self.pos));
            }
            self.digits();
        }
        self.src[start..self.pos]
            .parse::<f64>()
            .map(Value::Number)
            .map_err(|_| ("invalid number", start))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>, Fail> {
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
            None => return Err(("unterminated string", open)),
            Some(b'"') => {
                let s = &self.src[start..self.pos];
                self.pos += 1;
                return Ok(Cow::Borrowed(s));
            }
            Some(b) if b < 0x20 => return Err(("control character in a string", self.pos)),
            Some(_) => {}
        }
        let mut out = String::with_capacity(self.pos - start + 16);
        out.push_str(&self.src[start..self.pos]);
        loop {
            match self.peek() {
                None => return Err(("unterminated string", open)),
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
                        _ => return Err(("invalid escape in a string", self.pos)),
                    };
                    out.push(escaped);
                    self.pos += 1;
                }
                Some(b) if b < 0x20 => return Err(("control character in a string", self.pos)),
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
            .ok_or(("incomplete \\u escape", self.pos))?;
        let mut code = 0u32;
        for &d in digits {
            let v = (d as char)
                .to_digit(16)
                .ok_or(("invalid \\u escape", self.pos))?;
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

/// Where a value is in JSON text: 1-based line and column, the column
/// counted in UTF-16 code units (as SARIF and LSP count by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    /// `false` when the pointer's value is missing and this is the position
    /// of its deepest ancestor that exists (a missing field's object).
    pub exact: bool,
}

/// The position of the value at a JSON Pointer in `text`; see [`locate_all`].
pub fn locate(text: &str, pointer: &str) -> Option<Position> {
    locate_all(text, &[pointer]).pop().flatten()
}

/// The positions of the values at several JSON Pointers, in one pass over
/// the text: values off the pointers' paths are skipped without being built.
/// A pointer whose value is missing gets the position of its deepest
/// ancestor that exists; one that is not a pointer, or text that is not
/// JSON before any ancestor is reached, gets `None`.
pub fn locate_all(text: &str, pointers: &[&str]) -> Vec<Option<Position>> {
    // The byte-order mark is not part of the first line's columns.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut trie = Trie::default();
    let chains: Vec<Option<Vec<usize>>> = pointers.iter().map(|p| trie.insert(p)).collect();
    let mut found = vec![None; trie.nodes.len()];
    let mut parser = Parser {
        src: body,
        bytes: body.as_bytes(),
        pos: 0,
    };
    parser.skip_ws();
    // Text that stops being JSON leaves the rest unfound; what was found stands.
    let _ = locate_value(&mut parser, &trie, 0, &mut found);
    let offsets: Vec<Option<usize>> = chains
        .iter()
        .map(|chain| {
            let chain = chain.as_ref()?;
            chain
                .iter()
                .rev()
                .find_map(|&node| found.get(node).copied().flatten())
        })
        .collect();
    let positions = positions(body, offsets.iter().flatten().copied().collect());
    offsets
        .iter()
        .zip(&chains)
        .map(|(offset, chain)| {
            let offset = (*offset)?;
            let (line, column) = positions.get(&offset).copied()?;
            let exact = chain
                .as_ref()
                .and_then(|c| c.last())
                .is_some_and(|&last| found.get(last).copied().flatten() == Some(offset));
            Some(Position {
                line,
                column,
                exact,
            })
        })
        .collect()
}

/// The pointers' segments as a tree: node 0 is the root value.
#[derive(Default)]
struct Trie {
    nodes: Vec<TrieNode>,
}

#[derive(Default)]
struct TrieNode {
    fields: std::collections::HashMap<String, usize>,
    indices: std::collections::HashMap<usize, usize>,
}

impl Trie {
    /// Adds a pointer; the nodes from the root to its value.
    fn insert(&mut self, pointer: &str) -> Option<Vec<usize>> {
        if self.nodes.is_empty() {
            self.nodes.push(TrieNode::default());
        }
        let mut chain = vec![0];
        if pointer.is_empty() {
            return Some(chain);
        }
        let rest = pointer.strip_prefix('/')?;
        // Deeper than any value the parser keeps: the ancestor stands for it.
        for segment in rest.split('/').take(MAX_DEPTH + 1) {
            let key = segment.replace("~1", "/").replace("~0", "~");
            let index = key.parse::<usize>().ok().filter(|i| i.to_string() == key);
            let parent = chain.last().copied().unwrap_or(0);
            let next = self.nodes.len();
            let node = self.nodes.get_mut(parent)?;
            let child = *node.fields.entry(key).or_insert(next);
            if let Some(i) = index {
                node.indices.entry(i).or_insert(child);
            }
            if child == next {
                self.nodes.push(TrieNode::default());
            }
            chain.push(child);
        }
        Some(chain)
    }
}

/// Records where the value at `node` starts, then walks into it only along
/// the trie; recursion is as deep as the pointers, not as the text.
fn locate_value(
    p: &mut Parser<'_>,
    trie: &Trie,
    node: usize,
    found: &mut [Option<usize>],
) -> Result<(), Fail> {
    if let Some(slot) = found.get_mut(node).filter(|_| p.peek().is_some()) {
        *slot = Some(p.pos);
    }
    let Some(n) = trie.nodes.get(node) else {
        return skip_value(p);
    };
    match p.peek() {
        Some(b'{') if !n.fields.is_empty() => {
            p.pos += 1;
            p.skip_ws();
            if p.peek() == Some(b'}') {
                p.pos += 1;
                return Ok(());
            }
            loop {
                p.skip_ws();
                if p.peek() != Some(b'"') {
                    return Err(("a member name was expected", p.pos));
                }
                let key = p.string()?;
                p.skip_ws();
                if p.peek() != Some(b':') {
                    return Err(("':' was expected", p.pos));
                }
                p.pos += 1;
                p.skip_ws();
                match n.fields.get(key.as_ref()) {
                    Some(&child) => locate_value(p, trie, child, found)?,
                    None => skip_value(p)?,
                }
                p.skip_ws();
                match p.peek() {
                    Some(b',') => p.pos += 1,
                    Some(b'}') => {
                        p.pos += 1;
                        return Ok(());
                    }
                    _ => return Err(("',' or '}' was expected", p.pos)),
                }
            }
        }
        Some(b'[') if !n.indices.is_empty() => {
            p.pos += 1;
            p.skip_ws();
            if p.peek() == Some(b']') {
                p.pos += 1;
                return Ok(());
            }
            let mut i = 0;
            loop {
                p.skip_ws();
                match n.indices.get(&i) {
                    Some(&child) => locate_value(p, trie, child, found)?,
                    None => skip_value(p)?,
                }
                i += 1;
                p.skip_ws();
                match p.peek() {
                    Some(b',') => p.pos += 1,
                    Some(b']') => {
                        p.pos += 1;
                        return Ok(());
                    }
                    _ => return Err(("',' or ']' was expected", p.pos)),
                }
            }
        }
        _ => skip_value(p),
    }
}

/// Moves past one value without building it.
fn skip_value(p: &mut Parser<'_>) -> Result<(), Fail> {
    match p.peek() {
        Some(b'{' | b'[') => p.skip_nested(),
        Some(b'"') => p.string().map(drop),
        _ => p.value(MAX_DEPTH).map(drop),
    }
}

/// Line and UTF-16 column of each byte offset, in one pass over the text.
fn positions(
    text: &str,
    mut offsets: Vec<usize>,
) -> std::collections::HashMap<usize, (usize, usize)> {
    offsets.sort_unstable();
    offsets.dedup();
    let mut out = std::collections::HashMap::with_capacity(offsets.len());
    let mut wanted = offsets.into_iter().peekable();
    let (mut line, mut column) = (1, 1);
    for (at, c) in text.char_indices() {
        while let Some(o) = wanted.next_if(|&o| o <= at) {
            out.insert(o, (line, column));
        }
        if wanted.peek().is_none() {
            return out;
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += c.len_utf16();
        }
    }
    for o in wanted {
        out.insert(o, (line, column));
    }
    out
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

    #[test]
    fn locates_values_by_pointer_in_one_pass() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"é\": 2,\n  \"c/d\": {\"e~f\": true}\n}";
        let got = locate_all(
            text,
            &[
                "",
                "/a",
                "/a/1/b",
                "/é",
                "/c~1d/e~0f",
                "/a/1/zz",
                "/zz/1",
                "x",
            ],
        );
        let at = |p: &Option<Position>| p.map(|p| (p.line, p.column, p.exact));
        let got: Vec<_> = got.iter().map(at).collect();
        assert_eq!(
            got,
            vec![
                Some((1, 1, true)),
                Some((2, 8, true)),
                Some((2, 18, true)),
                Some((3, 8, true)),
                Some((4, 18, true)),
                Some((2, 12, false)),
                Some((1, 1, false)),
                None,
            ]
        );
    }

    #[test]
    fn locates_inside_an_array_document_and_counts_utf16_columns() {
        let text = "[{\"t\": \"😀\", \"n\": 5}]";
        assert_eq!(
            locate(text, "/0/n").map(|p| (p.line, p.column)),
            Some((1, 19))
        );
        assert_eq!(locate("{\"a\": ", "/a").map(|p| p.exact), Some(false));
    }
}
