//! Reads the tape `js/tape.js` writes: a value as tags, lengths, numbers and
//! strings, where a string the checker already holds comes as its number.

use crate::json::{Value, MAX_DEPTH};
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

/// The strings both sides hold, numbered in the order they first came.
#[derive(Default)]
pub struct Strings {
    list: Vec<String>,
}

struct Reader<'t> {
    tape: &'t [u8],
    pos: usize,
}

impl Reader<'_> {
    fn u8(&mut self) -> Option<u8> {
        let b = *self.tape.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn u32(&mut self) -> Option<usize> {
        let bytes = self.tape.get(self.pos..self.pos + 4)?;
        self.pos += 4;
        Some(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize)
    }

    fn bytes(&mut self, n: usize) -> Option<&[u8]> {
        let b = self.tape.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(b)
    }
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
        let (mut pending, mut new) = (1usize, 0usize); // values still to skip
        while pending > 0 {
            pending -= 1;
            match r.u8()? {
                NULL | FALSE | TRUE | TOO_DEEP => {}
                NUMBER => {
                    r.bytes(8)?;
                }
                NEW_STRING => {
                    let n = r.u32()?;
                    let text = String::from_utf8_lossy(r.bytes(n)?).into_owned();
                    self.list.push(text);
                    new += 1;
                }
                KNOWN_STRING => {
                    r.u32()?;
                }
                ARRAY => pending += r.u32()?,
                OBJECT => pending += 2 * r.u32()?,
                _ => return None,
            }
        }
        Some(new)
    }

    /// Forgets every string (the writer has forgotten them too).
    pub fn forget(&mut self) {
        self.list.clear();
    }

    /// The value on a tape whose `new` strings were just learnt.
    pub fn value<'s>(&'s self, tape: &[u8], new: usize) -> Option<Value<'s>> {
        let mut r = Reader { tape, pos: 1 };
        let mut next_new = self.list.len().checked_sub(new)?;
        self.read(&mut r, &mut next_new, 0)
    }

    fn string<'s>(&'s self, r: &mut Reader<'_>, tag: u8, next_new: &mut usize) -> Option<&'s str> {
        match tag {
            NEW_STRING => {
                let n = r.u32()?;
                r.bytes(n)?;
                *next_new += 1;
                self.list.get(*next_new - 1).map(String::as_str)
            }
            KNOWN_STRING => self.list.get(r.u32()?).map(String::as_str),
            _ => None,
        }
    }

    fn read<'s>(
        &'s self,
        r: &mut Reader<'_>,
        next_new: &mut usize,
        depth: usize,
    ) -> Option<Value<'s>> {
        let tag = r.u8()?;
        Some(match tag {
            NULL => Value::Null,
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            TOO_DEEP => Value::TooDeep,
            NUMBER => {
                let b = r.bytes(8)?;
                Value::Number(f64::from_le_bytes([
                    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                ]))
            }
            NEW_STRING | KNOWN_STRING => {
                Value::String(Cow::Borrowed(self.string(r, tag, next_new)?))
            }
            // The writer marks depth itself; a deeper tape is not one of its own.
            ARRAY | OBJECT if depth >= MAX_DEPTH => return None,
            ARRAY => {
                let n = r.u32()?;
                let mut items = Vec::with_capacity(n.min(r.tape.len()));
                for _ in 0..n {
                    items.push(self.read(r, next_new, depth + 1)?);
                }
                Value::Array(items)
            }
            OBJECT => {
                let n = r.u32()?;
                let mut members = Vec::with_capacity(n.min(r.tape.len()));
                for _ in 0..n {
                    let key_tag = r.u8()?;
                    let key = self.string(r, key_tag, next_new)?;
                    members.push((Cow::Borrowed(key), self.read(r, next_new, depth + 1)?));
                }
                Value::Object(members)
            }
            _ => return None,
        })
    }
}
