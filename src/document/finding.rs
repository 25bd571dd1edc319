//! What reading a document finds: problems of shape, and whether a field
//! was given at all.

use crate::json::{Note, NoteKind};
use std::borrow::Cow;

/// A problem of shape found while reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding<'v> {
    pub issue: Issue,
    pub path: String,
    /// The field's name (the last object key on the path).
    pub field: &'static str,
    /// What was found: the key of the JSON type's name (`type.number`,
    /// for `Type`), or the text given.
    pub found: Cow<'v, str>,
    /// What is expected: a type's name (`Type`), or the allowed values.
    pub expected: Expected,
    /// The number a string was read as (`Coerced`); the length of a text or
    /// list past its limit (`Limit`).
    pub number: f64,
}

impl<'v> Finding<'v> {
    /// What reading the JSON noted (a repeated key, a value past a limit),
    /// as a finding of shape.
    pub fn of_note(note: &Note) -> Finding<'v> {
        let (issue, limit, number) = match note.kind {
            NoteKind::DuplicateKey => (Issue::DuplicateKey, Limit::Size, 0),
            NoteKind::Size => (Issue::Limit, Limit::Size, 0),
            NoteKind::Text(n) => (Issue::Limit, Limit::Text, n),
            NoteKind::Key(n) => (Issue::Limit, Limit::Key, n),
            NoteKind::List(n) => (Issue::Limit, Limit::List, n),
            NoteKind::Depth => (Issue::Limit, Limit::Depth, 0),
        };
        Finding {
            issue,
            path: note.path.clone(),
            field: "",
            found: Cow::Borrowed(""),
            expected: Expected::Limit(limit),
            number: number as f64,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issue {
    Required,
    Type,
    Coerced,
    Enum,
    UnknownField,
    Kind,
    /// A key given twice in one object (the later value is read).
    DuplicateKey,
    /// A value past one of the profile's reading limits, not read.
    Limit,
}

/// Which reading limit a value is past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The whole document.
    Size,
    Text,
    /// A field name.
    Key,
    List,
    Depth,
    /// A number beyond the range a number is read in (or not finite).
    Number,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Nothing,
    /// The key of a type's name in the message catalogues (`type.list`).
    Type(&'static str),
    /// A number, where text was given that is not a plain decimal.
    NumberText,
    OneOf(&'static [&'static str]),
    /// The allowed values, and other words for some of them (`blended` → `hybrid`).
    OneOfOr(
        &'static [&'static str],
        &'static [(&'static str, &'static str)],
    ),
    /// The fields of the object an unknown field was found in.
    FieldOf(&'static [&'static str]),
    /// An unknown field of a micro-credential offer whose name says it
    /// holds one learner's data (which belongs to an issued credential).
    LearnerData,
    /// A field required only when the profile does not know the institution
    /// whose id is `found` (an institution's country).
    UnlessKnown,
    /// Within a reading limit.
    Limit(Limit),
}

/// A field that may be missing, given but unreadable, or given: for the
/// rules that must tell "not there" (theirs to report) from "of the wrong
/// type" (a `schema.*` diagnostic already says so).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Field<T> {
    #[default]
    Missing,
    Invalid,
    Value(T),
}

impl<T> Field<T> {
    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_missing(&self) -> bool {
        matches!(self, Field::Missing)
    }

    pub fn value_owned(self) -> Option<T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }
}
