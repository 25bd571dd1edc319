//! Readings of texts kept from one check to the next. A form is checked at
//! every keystroke, and a keystroke changes one text: with a memo, only that
//! text is read again. What a check did not use is dropped at the next one,
//! so the memo holds about one document's texts.

use super::reading::{Reading, ReadingKind};
use std::cell::RefCell;
use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::rc::Rc;

/// Which reading: its kind and the lexicon it was read with (its place in
/// the checker's languages, 0 for none).
pub type Key = (ReadingKind, usize);

struct Entry {
    key: Key,
    text: String,
    reading: Rc<Reading>,
}

/// Readings remembered for one checker (use a memo with the checker it was
/// first used with: readings depend on its profile's lexicons).
#[derive(Default)]
pub struct Memo {
    current: RefCell<Store>,
    previous: RefCell<Store>,
    hasher: RandomState,
}

/// Stores with more entries than this get a hash index; a form's document has
/// tens of texts, and a list searched by length, then content, costs less
/// than hashing every text at every check.
const SMALL: usize = 32;

/// The readings of one check: a list, with a hash index once it is large.
#[derive(Default)]
struct Store {
    /// `None` where an entry was taken into the next check's store.
    entries: Vec<Option<Entry>>,
    /// Places in `entries` by the hash of key and text.
    index: Option<HashMap<u64, Vec<usize>>>,
}

/// The hash of a text (its key is compared on a match: texts differ far more).
fn hash(hasher: &RandomState, text: &str) -> u64 {
    hasher.hash_one(text)
}

impl Store {
    /// Where the entry of this key and text is (`hash`, the text's, is
    /// there whenever a store of the memo is indexed).
    fn find(&self, key: Key, text: &str, hash: Option<u64>) -> Option<usize> {
        let found = |i: &usize| {
            self.entries
                .get(*i)
                .and_then(Option::as_ref)
                .is_some_and(|e| e.key == key && same(&e.text, text))
        };
        match &self.index {
            Some(index) => index.get(&hash?)?.iter().copied().find(found),
            None => (0..self.entries.len()).find(found),
        }
    }

    fn push(&mut self, entry: Entry, text_hash: Option<u64>, hasher: &RandomState) {
        let at = self.entries.len();
        if let Some(index) = &mut self.index {
            let h = text_hash.unwrap_or_else(|| hash(hasher, &entry.text));
            index.entry(h).or_default().push(at);
        }
        self.entries.push(Some(entry));
        if self.index.is_none() && self.entries.len() > SMALL {
            let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
            for (i, e) in self.entries.iter().enumerate() {
                if let Some(e) = e {
                    index.entry(hash(hasher, &e.text)).or_default().push(i);
                }
            }
            self.index = Some(index);
        }
    }

    fn len(&self) -> usize {
        self.entries.iter().flatten().count()
    }
}

/// Equal texts, compared eight bytes at a time (wasm's `memcmp` goes byte by byte).
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tails_equal = ca.remainder() == cb.remainder();
    tails_equal
        && ca.zip(cb).all(|(x, y)| {
            u64::from_ne_bytes(x.try_into().unwrap_or([0; 8]))
                == u64::from_ne_bytes(y.try_into().unwrap_or([0; 8]))
        })
}

impl Memo {
    pub fn new() -> Memo {
        Memo::default()
    }

    /// Starts a check: what the check before last used and the last did not is forgotten.
    pub(crate) fn begin(&self) {
        let last = std::mem::take(&mut *self.current.borrow_mut());
        *self.previous.borrow_mut() = last;
    }

    /// The reading of `text`, remembered or made by `read`.
    pub(crate) fn reading(
        &self,
        key: Key,
        text: &str,
        read: impl FnOnce() -> Reading,
    ) -> Rc<Reading> {
        // Hashed once, and only when a store is large enough to be indexed.
        let indexed =
            self.current.borrow().index.is_some() || self.previous.borrow().index.is_some();
        let text_hash = indexed.then(|| hash(&self.hasher, text));
        {
            let current = self.current.borrow();
            if let Some(e) = current
                .find(key, text, text_hash)
                .and_then(|i| current.entries.get(i))
                .and_then(Option::as_ref)
            {
                return Rc::clone(&e.reading);
            }
        }
        let mut previous = self.previous.borrow_mut();
        let kept = previous
            .find(key, text, text_hash)
            .and_then(|i| previous.entries.get_mut(i))
            .and_then(Option::take);
        let entry = kept.unwrap_or_else(|| Entry {
            key,
            text: text.to_string(),
            reading: Rc::new(read()),
        });
        let reading = Rc::clone(&entry.reading);
        self.current
            .borrow_mut()
            .push(entry, text_hash, &self.hasher);
        reading
    }

    /// How many readings are remembered.
    pub fn len(&self) -> usize {
        self.current.borrow().len() + self.previous.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
