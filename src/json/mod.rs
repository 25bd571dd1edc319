//! A small JSON tree that borrows its strings from the input, the parser
//! that builds it, and the locator that finds values in the text by pointer
//! with the same lexer. The checker reads documents through this tree so that
//! the string API, the CLI and the wasm build need no intermediate
//! `serde_json::Value`.

pub mod decimal;
mod locate;
mod parse;

pub use locate::{locate, locate_all, Position};
pub use parse::{line_column, parse, ParseError};

use std::borrow::Cow;

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

    // Read by name in many places (profiles, lexicons): one copy keeps the
    // WebAssembly small, and none of them is on a hot path.
    #[inline(never)]
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

    /// The key of the type's name in the message catalogues (`type.number` …).
    pub fn type_key(&self) -> &'static str {
        match self {
            Value::Null => "type.null",
            Value::Bool(_) => "type.boolean",
            Value::Number(_) => "type.number",
            Value::String(_) => "type.string",
            Value::Array(_) => "type.list",
            Value::Object(_) => "type.object",
            Value::TooDeep => "type.too-deep",
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
