//! Words of a text, as rules.md defines a word: a maximal run of letters or
//! digits, possibly joined by an inner hyphen or apostrophe. One pass over
//! the text finds them, their lower-case forms, and the punctuation between
//! them that the rules read (commas, sentence ends).

// This and the accessors of `Words` are asked at every word: inlined even
// where the WebAssembly build, for its size, inlines little on its own.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

#[inline]
fn joins_words(c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}')
}

/// One word: its byte range in the text and in the lower-case buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    lower_start: usize,
    lower_end: usize,
    /// A comma or semicolon stands between the previous word and this one.
    pub comma_before: bool,
    /// A full stop, `!` or `?` followed by white space (or the end) follows it.
    pub ends_sentence: bool,
}

/// The words of a text, with their lower-case forms in one buffer.
#[derive(Debug, Clone)]
pub struct Words<'t> {
    pub text: &'t str,
    lower: String,
    pub words: Vec<Word>,
}

impl<'t> Words<'t> {
    pub fn new(text: &'t str) -> Words<'t> {
        // Lower-case the whole text at once where that keeps every offset
        // (ASCII, and the accented letters of the alliance languages); word
        // by word otherwise.
        let whole = lower_keeping_offsets(text);
        let mut lower = whole
            .clone()
            .unwrap_or_else(|| String::with_capacity(text.len()));
        let mut words: Vec<Word> = Vec::with_capacity(text.len() / 6 + 1);
        let mut comma = false;
        scan(text, |event| match event {
            Event::Word(start, end) => {
                let (lower_start, lower_end) = if whole.is_some() {
                    (start, end)
                } else {
                    let from = lower.len();
                    lower.extend(text[start..end].chars().flat_map(char::to_lowercase));
                    (from, lower.len())
                };
                words.push(Word {
                    start,
                    end,
                    lower_start,
                    lower_end,
                    comma_before: comma,
                    ends_sentence: false,
                });
                comma = false;
            }
            Event::Comma => comma = true,
            Event::SentenceEnd => {
                if let Some(last) = words.last_mut() {
                    last.ends_sentence = true;
                }
            }
        });
        Words { text, lower, words }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The word as written.
    #[inline]
    pub fn text(&self, i: usize) -> &'t str {
        self.words.get(i).map_or("", |w| &self.text[w.start..w.end])
    }

    /// The word in lower case.
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        self.words
            .get(i)
            .map_or("", |w| &self.lower[w.lower_start..w.lower_end])
    }

    /// The byte range from the start of word `first` to the end of word `last`.
    pub fn span(&self, first: usize, last: usize) -> (usize, usize) {
        let start = self.words.get(first).map_or(self.text.len(), |w| w.start);
        let end = self.words.get(last).map_or(start, |w| w.end.max(start));
        (start, end)
    }

    /// The text between word `i - 1` (or the start) and word `i` (or the end).
    #[inline]
    pub fn gap(&self, i: usize) -> &'t str {
        let from = self.words.get(i.wrapping_sub(1)).map_or(0, |w| w.end);
        let to = self.words.get(i).map_or(self.text.len(), |w| w.start);
        self.text.get(from..to).unwrap_or_default()
    }

    /// Whether a comma or semicolon stands before word `i`.
    #[inline]
    pub fn comma_before(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.comma_before)
    }

    /// Whether the words from `at` on are `phrase` (lower-case words).
    pub fn starts_with_at(&self, at: usize, phrase: &[String]) -> bool {
        !phrase.is_empty()
            && self.len() >= at + phrase.len()
            && phrase
                .iter()
                .enumerate()
                .all(|(k, p)| self.lower(at + k) == p)
    }
}

/// The text in lower case if every character keeps its byte length: runs of
/// ASCII are copied and lowered at once, other characters one by one.
fn lower_keeping_offsets(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let from = out.len();
        out.push_str(&rest[..ascii]);
        out[from..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else { break };
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => return None,
        }
        rest = &rest[c.len_utf8()..];
    }
    Some(out)
}

enum Event {
    Word(usize, usize),
    Comma,
    SentenceEnd,
}

/// Walks the text once, reporting words and the punctuation that matters.
/// ASCII is classified byte by byte; other characters are decoded.
fn scan(text: &str, mut on: impl FnMut(Event)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        let (c, width) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            decode(text, i)
        };
        if is_word_char(c) {
            let end = word_end(text, i + width);
            on(Event::Word(i, end));
            i = end;
            continue;
        }
        match c {
            ',' | ';' => on(Event::Comma),
            '.' | '!' | '?' if i + 1 == n || decode(text, i + 1).0.is_whitespace() => {
                on(Event::SentenceEnd)
            }
            _ => {}
        }
        i += width;
    }
}

/// The character at byte `i` and its width (a replacement past the end).
fn decode(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (char::from(b), 1),
        _ => text
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// The ASCII letters and digits, by byte: one look-up a letter in the
/// loop that runs over every letter of every text.
static ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Where the word that continues at byte `i` ends.
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while bytes.get(i).is_some_and(|&b| ASCII_WORD[usize::from(b)]) {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            return i;
        };
        // Most words end at a space or a mark that joins nothing.
        if b < 0x80 && b != b'-' && b != b'\'' {
            return i;
        }
        let (c, width) = decode(text, i);
        let continues = is_word_char(c)
            || (joins_words(c)
                && i + width < bytes.len()
                && is_word_char(decode(text, i + width).0));
        if !continues {
            return i;
        }
        i += width;
    }
}

/// How many words a text has.
pub fn count(text: &str) -> usize {
    let mut n = 0;
    scan(text, |e| n += usize::from(matches!(e, Event::Word(..))));
    n
}

/// Whether a text has letters and none of them lower-case.
pub fn is_capitals(text: &str) -> bool {
    let mut letters = false;
    for c in text.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters |= c.is_alphabetic();
    }
    letters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<&str> {
        let w = Words::new(text);
        (0..w.len()).map(|i| w.text(i)).collect()
    }

    #[test]
    fn joins_inner_hyphens_and_apostrophes_only() {
        assert_eq!(
            all("state-of-the-art l'analisi - x' 1. a)"),
            vec!["state-of-the-art", "l'analisi", "x", "1", "a"]
        );
        assert_eq!(count("Lastflüsse (n-1)-Kriterium, 7.5 ECTS"), 6);
    }

    #[test]
    fn keeps_lower_case_forms_commas_and_sentence_ends() {
        let w = Words::new("Analyse, DESIGN and Évaluer. Then 7.5 more!");
        let odd = Words::new("İstanbul DESIGN");
        assert_eq!((odd.lower(0), odd.lower(1)), ("i\u{307}stanbul", "design"));
        assert_eq!((w.lower(1), w.lower(3)), ("design", "évaluer"));
        assert!(w.words[1].comma_before && !w.words[2].comma_before);
        let ends: Vec<bool> = w.words.iter().map(|x| x.ends_sentence).collect();
        assert_eq!(
            ends,
            vec![false, false, false, true, false, false, false, true]
        );
    }

    #[test]
    fn capitals_need_letters() {
        assert!(is_capitals("ENERGY SYSTEMS 2"));
        assert!(!is_capitals("Energy"));
        assert!(!is_capitals("2024"));
    }
}
