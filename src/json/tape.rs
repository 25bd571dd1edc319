//! Reads the tape `js/tape.js` writes: a value as tags, lengths, numbers and
//! strings, where a string both sides already hold comes as its number. The
//! writer applies the checker's reading limits as it walks, so that it never
//! walks what will not be read (a sparse list of 2³² − 1 entries, a text of a
//! gigabyte): a text or list past a limit, nesting too deep and a document
//! too large come as marks. The reader applies the same limits again, so a
//! tape reads as the same document's text does.

use super::reading::{Limits, Members, Reading, Step, TooLarge, Tree};
use super::Value;
use std::borrow::Cow;

const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const NUMBER: u8 = 3;
const NEW_STRING: u8 = 4;
const KNOWN_STRING: u8 = 5;
const ARRAY: u8 = 6;
const OBJECT: u8 = 7;
const TOO_DEEP: u8 = 8;
/// A text (or field name) past the text limit, with its UTF-16 length.
const TEXT_TOO_LONG: u8 = 9;
/// A list past the list limit, with its length.
const LIST_TOO_LONG: u8 = 10;
/// The whole document, past the size limit.
const TOO_LARGE: u8 = 11;

/// The strings both sides hold, numbered in the order they first came.
#[derive(Default)]
pub struct Strings {
    list: Vec<String>,
}

struct Reader<'t> {
    tape: &'t [u8],
    pos: usize,
}

// Called for every value of a tape: inlined even where the WebAssembly
// build, for its size, inlines little on its own.
impl Reader<'_> {
    #[inline]
    fn u8(&mut self) -> Option<u8> {
        let b = *self.tape.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    #[inline]
    fn u32(&mut self) -> Option<usize> {
        let bytes = self.tape.get(self.pos..self.pos.checked_add(4)?)?;
        self.pos += 4;
        Some(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize)
    }

    #[inline]
    fn bytes(&mut self, n: usize) -> Option<&[u8]> {
        let b = self.tape.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(b)
    }
}

/// Why a tape was not read to its end.
enum Stop {
    /// Not a tape of the writer's.
    Malformed,
    TooLarge,
}

impl From<TooLarge> for Stop {
    fn from(_: TooLarge) -> Stop {
        Stop::TooLarge
    }
}

/// `Some` or not a tape of the writer's.
fn need<T>(v: Option<T>) -> Result<T, Stop> {
    v.ok_or(Stop::Malformed)
}

impl Strings {
    /// Takes in a tape's new strings (first pass), so that the value can then
    /// borrow every string from the table; how many were new. `None` for a
    /// tape that is not whole.
    pub fn learn(&mut self, tape: &[u8]) -> Option<usize> {
        let mut r = Reader { tape, pos: 0 };
        if r.u8()? == 1 {
            self.list.clear();
        }
        let mut new = 0usize;
        self.walk(&mut r, 1, &mut |text| {
            new += 1;
            Some(text)
        })?;
        Some(new)
    }

    /// Walks `count` values from the reader without building them, handing
    /// each new string to `new` (which keeps it or not).
    fn walk(
        &mut self,
        r: &mut Reader<'_>,
        count: usize,
        new: &mut dyn FnMut(String) -> Option<String>,
    ) -> Option<()> {
        let mut pending = count; // values still to pass
        while pending > 0 {
            pending -= 1;
            match r.u8()? {
                NULL | FALSE | TRUE | TOO_DEEP | TOO_LARGE => {}
                NUMBER => {
                    r.bytes(8)?;
                }
                NEW_STRING => {
                    let n = r.u32()?;
                    let text = String::from_utf8_lossy(r.bytes(n)?).into_owned();
                    if let Some(kept) = new(text) {
                        self.list.push(kept);
                    }
                }
                KNOWN_STRING | TEXT_TOO_LONG | LIST_TOO_LONG => {
                    r.u32()?;
                }
                ARRAY => pending = pending.checked_add(r.u32()?)?,
                OBJECT => pending = pending.checked_add(r.u32()?.checked_mul(2)?)?,
                _ => return None,
            }
        }
        Some(())
    }

    /// Forgets every string (the writer has forgotten them too).
    pub fn forget(&mut self) {
        self.list.clear();
    }

    /// The document on a tape whose `new` strings were just learnt, read
    /// under `limits`; `None` for a tape that is not the writer's.
    pub fn read<'s>(&'s self, tape: &[u8], new: usize, limits: &Limits) -> Option<Tree<'s>> {
        let mut r = Reader { tape, pos: 1 };
        let mut cursor = Cursor {
            strings: self,
            next_new: self.list.len().checked_sub(new)?,
            reading: Reading::new(*limits),
        };
        match cursor.value(&mut r, 0, &Step::Root) {
            Ok(value) => Some(Tree {
                value,
                notes: cursor.reading.notes,
            }),
            Err(Stop::TooLarge) => Some(Tree::too_large()),
            Err(Stop::Malformed) => None,
        }
    }
}

/// One reading of a tape: the string table, the next new string's place in
/// it, and the document's reading.
struct Cursor<'s> {
    strings: &'s Strings,
    next_new: usize,
    reading: Reading,
}

impl<'s> Cursor<'s> {
    #[inline]
    fn string(&mut self, r: &mut Reader<'_>, tag: u8) -> Result<&'s str, Stop> {
        let strings = self.strings;
        match tag {
            NEW_STRING => {
                let n = need(r.u32())?;
                need(r.bytes(n))?;
                self.next_new += 1;
                need(strings.list.get(self.next_new - 1).map(String::as_str))
            }
            KNOWN_STRING => need(strings.list.get(need(r.u32())?).map(String::as_str)),
            _ => Err(Stop::Malformed),
        }
    }

    /// Passes `count` values that are not read, counting their new strings.
    fn skip(&mut self, r: &mut Reader<'_>, count: usize) -> Result<(), Stop> {
        let mut seen = 0;
        let mut table = Strings::default();
        need(table.walk(r, count, &mut |_| {
            seen += 1;
            None
        }))?;
        self.next_new += seen;
        Ok(())
    }

    fn value(
        &mut self,
        r: &mut Reader<'_>,
        depth: usize,
        at: &Step<'_>,
    ) -> Result<Value<'s>, Stop> {
        let tag = need(r.u8())?;
        let reading = &mut self.reading;
        Ok(match tag {
            NULL => reading.scalar(Value::Null)?,
            FALSE => reading.scalar(Value::Bool(false))?,
            TRUE => reading.scalar(Value::Bool(true))?,
            NUMBER => {
                let b = need(r.bytes(8))?;
                let n = f64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
                reading.scalar(Value::Number(n))?
            }
            NEW_STRING | KNOWN_STRING => {
                let text = self.string(r, tag)?;
                self.reading.text(Cow::Borrowed(text), at)?
            }
            TOO_DEEP => {
                reading.nested_too_deep(at)?;
                Value::Unread
            }
            TEXT_TOO_LONG => reading.text_too_long(need(r.u32())?, at)?,
            LIST_TOO_LONG => reading.list_too_long(need(r.u32())?, at)?,
            TOO_LARGE => return Err(Stop::TooLarge),
            ARRAY => {
                let n = need(r.u32())?;
                if reading.too_deep(depth, at)? {
                    self.skip(r, n)?;
                    return Ok(Value::Unread);
                }
                let mark = reading.open()?;
                let limit = reading.limits.list;
                let mut items = Vec::with_capacity(n.min(limit).min(r.tape.len()));
                for i in 0..n {
                    if i == limit {
                        self.skip(r, n - i)?;
                        return Ok(self.reading.too_many(mark, n, at)?);
                    }
                    items.push(self.value(r, depth + 1, &Step::Index(at, i))?);
                }
                Value::Array(items)
            }
            OBJECT => {
                let n = need(r.u32())?;
                if reading.too_deep(depth, at)? {
                    self.skip(r, need(n.checked_mul(2))?)?;
                    return Ok(Value::Unread);
                }
                reading.open()?;
                let mut members = Members::with_capacity(n);
                for _ in 0..n {
                    let key_tag = need(r.u8())?;
                    if key_tag == TEXT_TOO_LONG {
                        self.reading.key_too_long(need(r.u32())?, at)?;
                        self.skip(r, 1)?;
                        continue;
                    }
                    let key = self.string(r, key_tag)?;
                    if !self.reading.key(key, at)? {
                        self.skip(r, 1)?;
                        continue;
                    }
                    let value = self.value(r, depth + 1, &Step::Key(at, key))?;
                    members.add(Cow::Borrowed(key), value, &mut self.reading, at);
                }
                members.finish()
            }
            _ => return Err(Stop::Malformed),
        })
    }
}
