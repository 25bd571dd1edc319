//! Readings of texts kept from one check to the next. A form is checked at
//! every keystroke, and a keystroke changes one text: with a memo, only that
//! text is read again. What a check did not use is dropped at the next one,
//! so the memo holds about one document's texts.

use super::reading::{Reading, ReadingKind};
use std::cell::RefCell;
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
    // A document has tens of texts: a list searched by length, then content,
    // costs less than hashing every text at every check.
    current: RefCell<Vec<Entry>>,
    previous: RefCell<Vec<Entry>>,
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
        let found = |e: &Entry| e.key == key && same(&e.text, text);
        if let Some(e) = self.current.borrow().iter().find(|e| found(e)) {
            return Rc::clone(&e.reading);
        }
        let mut previous = self.previous.borrow_mut();
        let entry = match previous.iter().position(found) {
            Some(at) => previous.swap_remove(at),
            None => Entry {
                key,
                text: text.to_string(),
                reading: Rc::new(read()),
            },
        };
        let reading = Rc::clone(&entry.reading);
        self.current.borrow_mut().push(entry);
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
