//! A small JSON tree that borrows its strings from the input; how a value
//! is read into it (limits, repeated keys, notes) from text, from the tape
//! JavaScript writes, or from a `serde_json::Value`; and the locator that
//! finds values in the text by pointer with the parser's own lexer. The
//! checker reads documents through this tree so that the string API, the
//! CLI and the wasm build need no intermediate `serde_json::Value`.

pub mod decimal;
mod locate;
mod parse;
mod reading;
pub mod tape;

pub use locate::{locate, locate_all, Position};
pub use parse::{line_column, parse, read, read_documents, Documents, ParseError};
pub(crate) use reading::HashIndex;
pub use reading::{from_serde, utf16_len, Limits, Note, NoteKind, Tree, DEPTH_CEILING, MAX_DEPTH};

use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(f64),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
    /// A value past one of the reading [`Limits`] (a text or list too
    /// long, nesting too deep): its content is skipped, and a [`Note`] says why.
    Unread,
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
            Value::Unread => "a value past the reading limits",
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
            Value::Unread => "type.unreadable",
        }
    }

    /// Builds the tree from a `serde_json::Value`, borrowing its strings
    /// (nested deeper than [`MAX_DEPTH`] is [`Value::Unread`]).
    pub fn from_serde(value: &'a serde_json::Value) -> Value<'a> {
        from_serde(value, &Limits::default()).value
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
            Value::Unread => Value::Unread,
        }
    }
}
