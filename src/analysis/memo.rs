//! Readings of texts kept from one check to the next. A form is checked at
//! every keystroke, and a keystroke changes one text: with a memo, only that
//! text is read again. What a check did not use is dropped at the next one,
//! so the memo holds about one document's texts.

use super::reading::{Reading, ReadingKind};
use crate::json::HashIndex;
use std::cell::{Cell, RefCell};
use std::collections::hash_map::RandomState;
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
    /// Where in `previous` the next text is expected: a check asks for its
    /// texts in the order the check before did, so most are found there
    /// without hashing or searching.
    next: Cell<usize>,
    /// Texts of this check not found at `next`.
    misses: Cell<usize>,
    hasher: RandomState,
}

/// Stores with more entries than this get a hash index when they are
/// searched; a form's document has tens of texts, and a list compared by
/// length, then content, costs less than hashing every text.
const SMALL: usize = 32;

/// The readings of one check, in the order they were asked for.
#[derive(Default)]
struct Store {
    /// `None` where an entry was taken into the next check's store.
    entries: Vec<Option<Entry>>,
    /// Places in `entries` by the hash of their text, built at the first
    /// search of a large store and kept up to date from then on.
    index: Option<HashIndex>,
}

/// The hash of a text (its key is compared on a match: texts differ far more).
fn hash(hasher: &RandomState, text: &str) -> u64 {
    hasher.hash_one(text)
}

impl Entry {
    fn is(&self, key: Key, text: &str) -> bool {
        self.key == key && same(&self.text, text)
    }
}

impl Store {
    /// Whether the entry at `at` is this key and text.
    fn holds(&self, at: usize, key: Key, text: &str) -> bool {
        self.entries
            .get(at)
            .and_then(Option::as_ref)
            .is_some_and(|e| e.is(key, text))
    }

    /// Where the entry of this key and text is, by the index (built now if
    /// the store is large and has none) or, in a small store, by comparison.
    fn find(
        &mut self,
        key: Key,
        text: &str,
        text_hash: &mut Option<u64>,
        hasher: &RandomState,
    ) -> Option<usize> {
        if self.index.is_none() && self.entries.len() > SMALL {
            let mut index = HashIndex::default();
            for e in &self.entries {
                // A taken entry keeps its place with any hash: it never matches.
                index.push(e.as_ref().map_or(0, |e| hash(hasher, &e.text)));
            }
            self.index = Some(index);
        }
        match &self.index {
            Some(index) => {
                let h = *text_hash.get_or_insert_with(|| hash(hasher, text));
                index.places(h).find(|&at| self.holds(at, key, text))
            }
            None => (0..self.entries.len()).find(|&at| self.holds(at, key, text)),
        }
    }

    fn push(&mut self, entry: Entry, text_hash: Option<u64>, hasher: &RandomState) {
        if let Some(index) = &mut self.index {
            index.push(text_hash.unwrap_or_else(|| hash(hasher, &entry.text)));
        }
        self.entries.push(Some(entry));
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
        self.next.set(0);
        self.misses.set(0);
    }

    /// The reading of `text`, remembered or made by `read`.
    pub(crate) fn reading(
        &self,
        key: Key,
        text: &str,
        read: impl FnOnce() -> Reading,
    ) -> Rc<Reading> {
        let mut previous = self.previous.borrow_mut();
        let mut current = self.current.borrow_mut();
        let next = self.next.get();
        // Hashed only when searched for in an indexed store.
        let mut text_hash = None;
        let kept = if previous.holds(next, key, text) {
            self.next.set(next + 1);
            previous.entries[next].take()
        } else {
            // A few changed texts (a keystroke) are read again without a
            // search of the stores, which would hash every text of a large
            // document; a text that is there after all costs one more reading.
            let misses = self.misses.get() + 1;
            self.misses.set(misses);
            let search = |store: &Store| misses > SMALL || store.entries.len() <= SMALL;
            if search(&current) {
                let found = current.find(key, text, &mut text_hash, &self.hasher);
                if let Some(e) = found.and_then(|at| current.entries[at].as_ref()) {
                    // Asked for twice in this check: one reading, one entry.
                    return Rc::clone(&e.reading);
                }
            }
            let at = if search(&previous) {
                previous.find(key, text, &mut text_hash, &self.hasher)
            } else {
                (next + 1..next + 4).find(|&at| previous.holds(at, key, text))
            };
            // Found elsewhere: the texts after it come next; not found: a
            // changed text, and the next one is after the one it replaced.
            self.next.set(at.unwrap_or(next) + 1);
            at.and_then(|at| previous.entries[at].take())
        };
        drop(previous);
        let entry = match kept {
            Some(entry) => entry,
            None => {
                // Read with the stores free, whatever reading does.
                drop(current);
                let entry = Entry {
                    key,
                    text: text.to_string(),
                    reading: Rc::new(read()),
                };
                current = self.current.borrow_mut();
                entry
            }
        };
        let reading = Rc::clone(&entry.reading);
        current.push(entry, text_hash, &self.hasher);
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
