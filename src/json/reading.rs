//! How a JSON value is read into the tree, whatever its source (text, a tape
//! from JavaScript, a `serde_json::Value`): the limits past which a value is
//! not read, the notes made on the way (a key given twice, a value past a
//! limit), each at its path, and an object's members with the last value of
//! a repeated key in the place of the first, as `JSON.parse` keeps it. Every
//! source reads through this, so one document reads the same from all.

use super::Value;
use std::borrow::Cow;
use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;

/// How deep lists and objects nest by default (the document is at depth 0).
pub const MAX_DEPTH: usize = 64;

/// The deepest nesting a profile may allow: reading recurses once per level,
/// and the browser's stack is small.
pub const DEPTH_CEILING: usize = 128;

/// How much of a document is read. A value past a limit is kept as
/// [`Value::Unread`] with a [`Note`] at its path (its content is skipped,
/// not built); a document larger than `size` is not read at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The document's size: one for each value read, plus the length of
    /// each text and field name read (in UTF-16 code units).
    pub size: usize,
    /// The longest text or field name read, in UTF-16 code units.
    pub text: usize,
    /// The most entries a list read may have.
    pub list: usize,
    /// How deep lists and objects may nest (at most [`DEPTH_CEILING`]).
    pub depth: usize,
}

impl Default for Limits {
    /// No limit but the nesting depth [`MAX_DEPTH`]: for the checker's own data.
    fn default() -> Limits {
        Limits {
            size: usize::MAX,
            text: usize::MAX,
            list: usize::MAX,
            depth: MAX_DEPTH,
        }
    }
}

/// Something reading found, at the JSON Pointer `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub path: String,
    pub kind: NoteKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// The key at `path` was given before in its object: this later value
    /// is the one read, in the place of the first.
    DuplicateKey,
    /// The document is larger than [`Limits::size`]: nothing of it was read
    /// (`path` is `""`).
    Size,
    /// A text of this many UTF-16 code units, longer than [`Limits::text`].
    Text(usize),
    /// A field name of this many UTF-16 code units in the object at `path`,
    /// longer than [`Limits::text`]: the field was not read.
    Key(usize),
    /// A list of this many entries, more than [`Limits::list`].
    List(usize),
    /// A list or object nested deeper than [`Limits::depth`].
    Depth,
}

/// A document as read: its tree, and the notes made reading it.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree<'a> {
    pub value: Value<'a>,
    pub notes: Vec<Note>,
}

impl Tree<'_> {
    /// A document larger than its limit: not read.
    pub fn too_large() -> Tree<'static> {
        Tree {
            value: Value::Unread,
            notes: vec![Note {
                path: String::new(),
                kind: NoteKind::Size,
            }],
        }
    }

    /// An owned copy that no longer borrows from the input.
    pub fn into_owned(self) -> Tree<'static> {
        Tree {
            value: self.value.into_owned(),
            notes: self.notes,
        }
    }
}

/// Length in UTF-16 code units, from the UTF-8 bytes alone: one unit per
/// character, two for one outside the Basic Multilingual Plane.
// One copy for every caller: it is called for each text and key.
#[inline(never)]
pub fn utf16_len(s: &str) -> usize {
    // Most texts are ASCII: one unit per byte, known eight bytes at a time.
    if s.is_ascii() {
        return s.len();
    }
    s.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// Where a value is while it is read: a chain through the reader's own
/// stack, made into a pointer only when a note needs it.
#[derive(Clone, Copy)]
pub(crate) enum Step<'p> {
    Root,
    Key(&'p Step<'p>, &'p str),
    Index(&'p Step<'p>, usize),
}

impl Step<'_> {
    /// The JSON Pointer (RFC 6901) of this place.
    pub(crate) fn pointer(&self) -> String {
        let mut steps = Vec::new();
        let mut at = self;
        loop {
            match at {
                Step::Root => break,
                Step::Key(parent, key) => {
                    steps.push(Ok(*key));
                    at = parent;
                }
                Step::Index(parent, i) => {
                    steps.push(Err(*i));
                    at = parent;
                }
            }
        }
        let mut path = String::new();
        for step in steps.into_iter().rev() {
            path.push('/');
            match step {
                Ok(key) if key.contains(['~', '/']) => {
                    path.push_str(&key.replace('~', "~0").replace('/', "~1"))
                }
                Ok(key) => path.push_str(key),
                Err(i) => path.push_str(&i.to_string()),
            }
        }
        path
    }
}

/// The document grew past [`Limits::size`]: reading stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooLarge;

/// What reading has left of the size limit, and what it noted, at a moment:
/// a list found too long gives back what its entries took.
#[derive(Clone, Copy)]
pub(crate) struct Mark {
    left: usize,
    notes: usize,
}

/// One document being read: its limits, what is left of its size, its notes.
pub(crate) struct Reading {
    pub limits: Limits,
    left: usize,
    pub notes: Vec<Note>,
}

impl Reading {
    pub(crate) fn new(limits: Limits) -> Reading {
        Reading {
            limits,
            left: limits.size,
            notes: Vec::new(),
        }
    }

    pub(crate) fn spend(&mut self, n: usize) -> Result<(), TooLarge> {
        match self.left.checked_sub(n) {
            Some(left) => {
                self.left = left;
                Ok(())
            }
            None => Err(TooLarge),
        }
    }

    pub(crate) fn note(&mut self, at: &Step<'_>, kind: NoteKind) {
        self.notes.push(Note {
            path: at.pointer(),
            kind,
        });
    }

    /// A number, `true`, `false` or `null`.
    pub(crate) fn scalar<'a>(&mut self, value: Value<'a>) -> Result<Value<'a>, TooLarge> {
        self.spend(1)?;
        Ok(value)
    }

    /// A text, read unless it is longer than the limit.
    pub(crate) fn text<'a>(
        &mut self,
        text: Cow<'a, str>,
        at: &Step<'_>,
    ) -> Result<Value<'a>, TooLarge> {
        let len = utf16_len(&text);
        if len > self.limits.text {
            return self.text_too_long(len, at);
        }
        self.spend(len + 1)?;
        Ok(Value::String(text))
    }

    /// A text of `len` units past the limit (known by its length alone).
    pub(crate) fn text_too_long(
        &mut self,
        len: usize,
        at: &Step<'_>,
    ) -> Result<Value<'static>, TooLarge> {
        self.note(at, NoteKind::Text(len));
        self.scalar(Value::Unread)
    }

    /// Whether a member of the object at `object` is read: not when its name
    /// is longer than the limit (then it counts as one value, unread).
    pub(crate) fn key(&mut self, key: &str, object: &Step<'_>) -> Result<bool, TooLarge> {
        let len = utf16_len(key);
        if len > self.limits.text {
            self.key_too_long(len, object)?;
            return Ok(false);
        }
        self.spend(len)?;
        Ok(true)
    }

    pub(crate) fn key_too_long(&mut self, len: usize, object: &Step<'_>) -> Result<(), TooLarge> {
        self.note(object, NoteKind::Key(len));
        self.spend(1)
    }

    /// Whether a list or object at `depth` is too deep to read; if so, it is
    /// noted and counted as one value.
    pub(crate) fn too_deep(&mut self, depth: usize, at: &Step<'_>) -> Result<bool, TooLarge> {
        if depth < self.limits.depth {
            return Ok(false);
        }
        self.nested_too_deep(at)?;
        Ok(true)
    }

    /// A list or object found (by another reader) nested too deeply.
    pub(crate) fn nested_too_deep(&mut self, at: &Step<'_>) -> Result<(), TooLarge> {
        self.note(at, NoteKind::Depth);
        self.spend(1)
    }

    /// Before a list or object is read: counts it, and marks the moment.
    pub(crate) fn open(&mut self) -> Result<Mark, TooLarge> {
        let mark = Mark {
            left: self.left,
            notes: self.notes.len(),
        };
        self.spend(1)?;
        Ok(mark)
    }

    /// A list of `count` entries, more than the limit: what its entries took
    /// and noted is given back, and it counts as one value, unread.
    pub(crate) fn too_many(
        &mut self,
        mark: Mark,
        count: usize,
        at: &Step<'_>,
    ) -> Result<Value<'static>, TooLarge> {
        self.left = mark.left;
        self.notes.truncate(mark.notes);
        self.list_too_long(count, at)
    }

    /// A list of `count` entries found (by another reader) past the limit.
    pub(crate) fn list_too_long(
        &mut self,
        count: usize,
        at: &Step<'_>,
    ) -> Result<Value<'static>, TooLarge> {
        self.note(at, NoteKind::List(count));
        self.scalar(Value::Unread)
    }
}

/// Places of texts by the hash of each (the caller's): for every hash the
/// last place given it, and for every place the one before it with the same
/// hash. One small map entry per place, and no copy of the text.
#[derive(Default)]
pub(crate) struct HashIndex {
    last: HashMap<u64, usize>,
    before: Vec<usize>,
}

impl HashIndex {
    /// Adds the next place (places are numbered in the order added).
    pub(crate) fn push(&mut self, hash: u64) {
        let at = self.before.len();
        let before = self.last.insert(hash, at).unwrap_or(usize::MAX);
        self.before.push(before);
    }

    /// The places given this hash, the last first.
    pub(crate) fn places(&self, hash: u64) -> impl Iterator<Item = usize> + '_ {
        let first = self.last.get(&hash).copied();
        std::iter::successors(first, |&at| {
            self.before.get(at).copied().filter(|&b| b != usize::MAX)
        })
    }
}

/// Objects with more members than this get a hash index of their keys while
/// they are read; smaller ones (a document's objects) are searched by a
/// fingerprint of each key, faster at that size than hashing.
const SMALL_OBJECT: usize = 32;

/// A key's length and first bytes in one word: keys that differ mostly
/// differ there.
fn fingerprint(key: &str) -> u64 {
    let mut head = [0u8; 8];
    let n = key.len().min(7);
    head[..n].copy_from_slice(&key.as_bytes()[..n]);
    head[7] = key.len() as u8;
    u64::from_le_bytes(head)
}

/// An object's members as they are read: a key given again keeps its place
/// and takes the later value (noted), as `JSON.parse` and `serde_json` do.
pub(crate) struct Members<'a> {
    list: Vec<(Cow<'a, str>, Value<'a>)>,
    /// The fingerprint of each key in `list`, while the object is small.
    prints: Vec<u64>,
    index: Option<(HashIndex, RandomState)>,
}

impl<'a> Members<'a> {
    pub(crate) fn new() -> Members<'a> {
        Members::with_capacity(8)
    }

    pub(crate) fn add(
        &mut self,
        key: Cow<'a, str>,
        value: Value<'a>,
        reading: &mut Reading,
        object: &Step<'_>,
    ) {
        let same = |i: usize| self.list.get(i).is_some_and(|(k, _)| *k == key);
        let (found, hash, print) = match &self.index {
            Some((index, state)) => {
                let hash = state.hash_one(key.as_ref());
                (index.places(hash).find(|&i| same(i)), Some(hash), 0)
            }
            None => {
                let print = fingerprint(&key);
                let at = self
                    .prints
                    .iter()
                    .enumerate()
                    .filter(|&(_, &p)| p == print)
                    .map(|(i, _)| i)
                    .find(|&i| same(i));
                (at, None, print)
            }
        };
        if let Some(slot) = found.and_then(|i| self.list.get_mut(i)) {
            reading.note(&Step::Key(object, &key), NoteKind::DuplicateKey);
            slot.1 = value;
            return;
        }
        match (&mut self.index, hash) {
            (Some((index, _)), Some(hash)) => index.push(hash),
            _ => self.prints.push(print),
        }
        self.list.push((key, value));
        if self.index.is_none() && self.list.len() > SMALL_OBJECT {
            let state = RandomState::new();
            let mut index = HashIndex::default();
            for (k, _) in &self.list {
                index.push(state.hash_one(k.as_ref()));
            }
            self.index = Some((index, state));
            self.prints = Vec::new();
        }
    }

    /// Members for an object of `n` (from a reader that knows how many): room
    /// for a small object's at once; a larger one grows as it is read, so
    /// that a count no value follows costs no memory.
    pub(crate) fn with_capacity(n: usize) -> Members<'a> {
        let room = n.min(SMALL_OBJECT + 1);
        Members {
            list: Vec::with_capacity(room),
            prints: Vec::with_capacity(room),
            index: None,
        }
    }

    pub(crate) fn finish(self) -> Value<'a> {
        Value::Object(self.list)
    }
}

/// Reads a `serde_json::Value` (whose objects hold each key once) under
/// `limits`, borrowing its strings.
pub fn from_serde<'a>(value: &'a serde_json::Value, limits: &Limits) -> Tree<'a> {
    let mut reading = Reading::new(*limits);
    match serde_value(value, 0, &Step::Root, &mut reading) {
        Ok(value) => Tree {
            value,
            notes: reading.notes,
        },
        Err(TooLarge) => Tree::too_large(),
    }
}

fn serde_value<'a>(
    value: &'a serde_json::Value,
    depth: usize,
    at: &Step<'_>,
    reading: &mut Reading,
) -> Result<Value<'a>, TooLarge> {
    use serde_json::Value as S;
    match value {
        S::Null => reading.scalar(Value::Null),
        S::Bool(b) => reading.scalar(Value::Bool(*b)),
        S::Number(n) => reading.scalar(Value::Number(n.as_f64().unwrap_or(f64::NAN))),
        S::String(s) => reading.text(Cow::Borrowed(s), at),
        S::Array(_) | S::Object(_) if reading.too_deep(depth, at)? => Ok(Value::Unread),
        S::Array(items) => {
            let mark = reading.open()?;
            let limit = reading.limits.list;
            let mut list = Vec::with_capacity(items.len().min(limit));
            for (i, item) in items.iter().enumerate() {
                if i == limit {
                    return reading.too_many(mark, items.len(), at);
                }
                list.push(serde_value(item, depth + 1, &Step::Index(at, i), reading)?);
            }
            Ok(Value::Array(list))
        }
        S::Object(map) => {
            reading.open()?;
            let mut members = Members::new();
            for (key, item) in map {
                if !reading.key(key, at)? {
                    continue;
                }
                let item = serde_value(item, depth + 1, &Step::Key(at, key), reading)?;
                members.add(Cow::Borrowed(key.as_str()), item, reading, at);
            }
            Ok(members.finish())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_lengths_count_surrogate_pairs_twice() {
        for s in ["", "abc", "é", "€uro", "😀", "a😀é\u{10ffff}"] {
            assert_eq!(utf16_len(s), s.encode_utf16().count(), "{s}");
        }
    }

    #[test]
    fn pointers_escape_their_keys() {
        let root = Step::Root;
        let a = Step::Key(&root, "a/b");
        let b = Step::Index(&a, 3);
        let c = Step::Key(&b, "~x");
        assert_eq!(c.pointer(), "/a~1b/3/~0x");
        assert_eq!(root.pointer(), "");
    }

    #[test]
    fn a_repeated_key_keeps_its_place_and_takes_the_later_value() {
        let mut reading = Reading::new(Limits::default());
        let mut members = Members::new();
        for (i, key) in ["a", "b", "a"].into_iter().enumerate() {
            let value = Value::Number(i as f64);
            members.add(Cow::Borrowed(key), value, &mut reading, &Step::Root);
        }
        assert_eq!(
            members.finish(),
            Value::Object(vec![
                (Cow::Borrowed("a"), Value::Number(2.0)),
                (Cow::Borrowed("b"), Value::Number(1.0)),
            ])
        );
        let note = Note {
            path: "/a".into(),
            kind: NoteKind::DuplicateKey,
        };
        assert_eq!(reading.notes, vec![note]);
    }

    #[test]
    fn large_objects_find_repeated_keys_by_hash() {
        let mut reading = Reading::new(Limits::default());
        let mut members = Members::new();
        let keys: Vec<String> = (0..100).chain(0..100).map(|i| format!("k{i}")).collect();
        for key in &keys {
            let key = Cow::Borrowed(key.as_str());
            members.add(key, Value::Null, &mut reading, &Step::Root);
        }
        assert_eq!(reading.notes.len(), 100);
        assert_eq!(members.finish().as_object().map(<[_]>::len), Some(100));
    }
}
