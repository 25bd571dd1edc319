//! Per-language data for reading learning outcomes and texts: what may stand
//! before an outcome's verb (labels, clauses, subjects, modals, adverbs),
//! verbs by Bloom level with their inflections, vague phrasings,
//! national-framework formulas, teacher-centred openings, placeholders, stop
//! words and the readability index. Each language is one JSON file in
//! `data/lexicons/`, which may build on another's (`"base": "nb"`); build.rs
//! reads them, merges and lower-cases, and compiles in the result, so a check
//! parses no JSON for them. Adding a language adds a file there
//! and its code to build.rs's `LANGUAGES`.

use super::words::Words;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// A fast hash for short words (the Fx hash): the maps are built from our
/// own lexicons, so there is no flooding to defend against.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

// The hasher, the sieve and the short lists are asked at every word: inlined
// even where the WebAssembly build, for its size, inlines little on its own.
impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by lower-case words.
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// A phrase as lower-case words.
pub type Phrase = Vec<String>;

#[derive(Debug, Clone)]
pub struct Verb {
    /// The words after the first (for a verb of several words).
    pub rest: Phrase,
    pub level: u8,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Readability {
    /// `a − b·words/sentences − c·syllables/words` (Flesch and its adaptations).
    Flesch { a: f64, b: f64, c: f64 },
    /// `89 + (300·sentences − 10·letters)/words`.
    Gulpease,
    /// `words/sentences + 100·long words/words`.
    Lix,
}

#[derive(Debug, Clone)]
pub struct Lexicon {
    pub language: String,
    pub name: String,
    /// The verb may also stand last (German), after the statement's object.
    pub verb_last: bool,
    pub conjunctions: Vec<String>,
    that: Vec<String>,
    adverbs: Vec<String>,
    /// Words a verb-last statement puts after its verb ("können").
    tail: Vec<String>,
    /// Category labels closed by punctuation ("Kunnskap:", "Wiedza -").
    pub labels: Phrases,
    /// Words that open a clause of time or condition ("after", "nach").
    pub clauses: Phrases,
    /// Who the outcome is about ("the student", "Kandidaten").
    pub subjects: Phrases,
    /// What may stand before the verb: subjects, modal and ability phrases.
    pub openers: Phrases,
    adverb_endings: Vec<String>,
    /// Endings of participles that modify a noun rather than add a verb.
    pub participles: Vec<String>,
    /// Observable verbs the messages give as examples.
    pub examples: Vec<String>,
    pub teacher_centred: Phrases,
    /// Vague phrasings, and for each the place of its suggestions.
    vague: Phrases,
    vague_suggest: Vec<usize>,
    suggestions: Vec<Vec<String>>,
    pub framework: Phrases,
    /// Every form of every action verb, by its first word.
    pub verbs: WordMap<Vec<Verb>>,
    pub placeholders: Phrases,
    pub stopwords: Vec<String>,
    pub readability: Readability,
    pub readability_name: String,
    /// Vowels outside ASCII (`ä`, `å` …); ASCII ones are in `ascii_vowels`.
    pub vowels: Vec<char>,
    ascii_vowels: [u64; 2],
    pub silent_final_e: bool,
}

impl Lexicon {
    /// A word that opens a clause of content ("that", "dass", "at").
    #[inline]
    pub fn is_that(&self, word: &str) -> bool {
        self.that.iter().any(|c| c == word)
    }

    #[inline]
    pub fn is_conjunction(&self, word: &str) -> bool {
        self.conjunctions.iter().any(|c| c == word)
    }

    /// A word a verb-last statement puts after its verb ("können").
    #[inline]
    pub fn is_tail(&self, word: &str) -> bool {
        self.tail.iter().any(|c| c == word)
    }

    /// An adverb that may stand before the verb: listed, or made by a
    /// regular ending ("critically") and not itself a verb ("apply").
    // One copy for the reader's many call sites keeps the WebAssembly small.
    #[inline(never)]
    pub fn is_adverb(&self, word: &str) -> bool {
        self.adverbs.iter().any(|a| a == word)
            || self.adverb_endings.iter().any(|e| {
                word.len() > e.len() + 3
                    && word.ends_with(e.as_str())
                    && !self.verbs.contains_key(word)
            })
    }

    /// The longest vague phrase that starts at word `at` (a `…` in it stands
    /// for up to six words: "have … knowledge of"): where it ends, and the
    /// observable verbs to suggest instead.
    // One copy for the reader's many call sites keeps the WebAssembly small.
    #[inline(never)]
    pub fn vague_at(&self, words: &Words<'_>, at: usize) -> Option<(usize, &[String])> {
        let (end, i) = self
            .vague
            .candidates(words.lower(at))
            .iter()
            .filter_map(|&i| Some((phrase_end(words, at, self.vague.get(i)?)?, i)))
            .max_by_key(|&(end, _)| end)?;
        let list = self
            .vague_suggest
            .get(i)
            .and_then(|&s| self.suggestions.get(s));
        Some((end, list.map_or(&[][..], Vec::as_slice)))
    }

    // Asked of every letter of a summary: inlined into the syllable count.
    #[inline]
    pub fn is_vowel(&self, c: char) -> bool {
        if c.is_ascii() {
            let b = c as u32;
            self.ascii_vowels[(b >> 6) as usize] & (1 << (b & 63)) != 0
        } else {
            self.vowels.contains(&c)
        }
    }

    /// The Bloom level of the action verb that starts at word `at`, and how
    /// many words it spans (the longest form that matches).
    // One copy for the reader's many call sites keeps the WebAssembly small.
    #[inline(never)]
    pub fn verb(&self, words: &Words<'_>, at: usize) -> Option<(u8, usize)> {
        self.verbs
            .get(words.lower(at))?
            .iter()
            .filter(|v| {
                v.rest
                    .iter()
                    .enumerate()
                    .all(|(k, r)| at + 1 + k < words.len() && words.lower(at + 1 + k) == r)
            })
            .max_by_key(|v| v.rest.len())
            .map(|v| (v.level, v.rest.len() + 1))
    }
}

/// Where `phrase` ends if it starts at word `at`; `…` skips up to six words.
fn phrase_end(words: &Words<'_>, at: usize, phrase: &[String]) -> Option<usize> {
    let Some((head, rest)) = phrase.split_first() else {
        return Some(at);
    };
    if head == "…" {
        return (0..=6).find_map(|skip| phrase_end(words, at + skip, rest));
    }
    (at < words.len() && words.lower(at) == head)
        .then(|| phrase_end(words, at + 1, rest))
        .flatten()
}

/// A quick "certainly not" for set membership of words: a bit for each
/// (first byte, length) pair of the set's words. Most words of a text are
/// turned away without hashing.
#[derive(Debug, Clone)]
struct Sieve([u64; 256]);

impl Sieve {
    fn new<'a>(words: impl Iterator<Item = &'a String>) -> Sieve {
        let mut bits = [0u64; 256];
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                bits[usize::from(b)] |= 1 << w.len().min(63);
            }
        }
        Sieve(bits)
    }

    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&b| self.0[usize::from(b)] & (1 << word.len().min(63)) != 0)
    }
}

/// Phrases looked up by their first word: the sieve turns most words away,
/// the map finds the candidates, longest first.
#[derive(Debug, Clone)]
pub struct Phrases {
    list: Vec<Phrase>,
    by_first: WordMap<Vec<usize>>,
    sieve: Sieve,
}

impl Phrases {
    // One copy for the reader's many call sites keeps the WebAssembly small.
    #[inline(never)]
    pub fn new(list: Vec<Phrase>) -> Phrases {
        let mut by_first: WordMap<Vec<usize>> = WordMap::default();
        for (i, p) in list.iter().enumerate() {
            if let Some(first) = p.first() {
                by_first.entry(first.clone()).or_default().push(i);
            }
        }
        for candidates in by_first.values_mut() {
            let len = |i: &usize| list.get(*i).map_or(0, Vec::len);
            crate::sort::sort_by(candidates, |a, b| len(b).cmp(&len(a)));
        }
        let sieve = Sieve::new(list.iter().filter_map(|p| p.first()));
        Phrases {
            list,
            by_first,
            sieve,
        }
    }

    /// The longest phrase that starts at word `at`, with its place in the list.
    // Asked at most words of a text: the sieve, which turns most away, is
    // inlined; the look-up is one copy for the reader's many call sites.
    #[inline]
    pub fn at(&self, words: &Words<'_>, at: usize) -> Option<(usize, &Phrase)> {
        if !self.sieve.may_hold(words.lower(at)) {
            return None;
        }
        self.found_at(words, at)
    }

    #[inline(never)]
    fn found_at(&self, words: &Words<'_>, at: usize) -> Option<(usize, &Phrase)> {
        self.by_first
            .get(words.lower(at))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|&i| Some((i, self.list.get(i)?)))
            .find(|(_, p)| words.starts_with_at(at, p))
    }

    pub fn get(&self, i: usize) -> Option<&Phrase> {
        self.list.get(i)
    }

    /// The places of the phrases that start with `word`, longest first.
    #[inline]
    pub fn candidates(&self, word: &str) -> &[usize] {
        if !self.sieve.may_hold(word) {
            return &[];
        }
        self.by_first.get(word).map_or(&[], Vec::as_slice)
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// A lexicon as build.rs writes it from its data file and the file that
/// one builds on: the scalars typed, every list a named section of items,
/// lower-cased already; verbs as lemmas, with the rules that inflect them.
struct Prebuilt {
    code: &'static str,
    name: &'static str,
    aliases: &'static [&'static str],
    verb_last: bool,
    readability: Readability,
    readability_name: &'static str,
    vowels: &'static str,
    silent_final_e: bool,
    lists: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));

impl Prebuilt {
    /// The items of the list `key` (none if there is none).
    fn list(&self, key: &str) -> impl Iterator<Item = &'static str> {
        self.lists
            .split(SECTION)
            .find_map(|section| {
                let mut items = section.split(ITEM);
                (items.next() == Some(key)).then_some(items)
            })
            .into_iter()
            .flatten()
    }

    fn words(&self, key: &str) -> Vec<String> {
        self.list(key).map(str::to_string).collect()
    }

    fn phrases(&self, key: &str) -> Phrases {
        Phrases::new(self.list(key).map(phrase).collect())
    }

    /// The lexicon, its maps made.
    fn build(&self) -> Lexicon {
        let rules: Vec<Vec<&str>> = self
            .list("inflection")
            .map(|rule| rule.split(GROUP).collect())
            .collect();
        let mut verbs: WordMap<Vec<Verb>> = WordMap::default();
        for (level, key) in (1..=6).zip(["1", "2", "3", "4", "5", "6"]) {
            for entry in self.list(key) {
                let mut parts = entry.split('|');
                let lemma = parts.next().unwrap_or_default();
                let irregular = parts.map(str::to_string);
                for form in inflect(lemma, &rules).into_iter().chain(irregular) {
                    let mut words = form.split_whitespace().map(str::to_string);
                    if let Some(first) = words.next() {
                        verbs.entry(first).or_default().push(Verb {
                            rest: words.collect(),
                            level,
                        });
                    }
                }
            }
        }
        let (mut vague, mut vague_suggest) = (Vec::new(), Vec::new());
        for item in self.list("vague") {
            let (at, form) = item.split_once(' ').unwrap_or((item, ""));
            vague.push(phrase(form));
            vague_suggest.push(at.parse().unwrap_or(usize::MAX));
        }
        Lexicon {
            language: self.code.to_string(),
            name: self.name.to_string(),
            verb_last: self.verb_last,
            conjunctions: self.words("conjunctions"),
            that: self.words("that"),
            adverbs: self.words("adverbs"),
            tail: self.words("tail"),
            labels: self.phrases("labels"),
            clauses: self.phrases("clauses"),
            subjects: self.phrases("subjects"),
            openers: self.phrases("openers"),
            adverb_endings: self.words("adverb_endings"),
            participles: self.words("participles"),
            examples: self.words("examples"),
            teacher_centred: self.phrases("teacher_centred"),
            vague: Phrases::new(vague),
            vague_suggest,
            suggestions: self
                .list("suggestions")
                .map(|s| {
                    s.split(GROUP)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .collect(),
            framework: self.phrases("framework"),
            verbs,
            placeholders: self.phrases("placeholders"),
            stopwords: self.words("stopwords"),
            readability: self.readability,
            readability_name: self.readability_name.to_string(),
            vowels: self.vowels.chars().filter(|c| !c.is_ascii()).collect(),
            ascii_vowels: self
                .vowels
                .bytes()
                .filter(u8::is_ascii)
                .fold([0u64; 2], |mut m, b| {
                    m[usize::from(b >> 6)] |= 1 << (b & 63);
                    m
                }),
            silent_final_e: self.silent_final_e,
        }
    }
}

/// A lemma (lower-case) and what the first inflection rule that fits makes
/// of its first word: `[ending, not after, letters to strip, endings to add…]`.
fn inflect(lemma: &str, rules: &[Vec<&str>]) -> Vec<String> {
    let (head, tail) = lemma.split_at(lemma.find(' ').unwrap_or(lemma.len()));
    let mut out = vec![lemma.to_string()];
    for rule in rules {
        let [ending, not_after, strip, add @ ..] = rule.as_slice() else {
            continue;
        };
        let Some(stem) = head.strip_suffix(ending) else {
            continue;
        };
        if stem.chars().last().is_some_and(|c| not_after.contains(c)) {
            continue;
        }
        let strip: usize = strip.parse().unwrap_or(0);
        // `strip` counts letters, not bytes ("ować").
        let cut = head
            .char_indices()
            .rev()
            .nth(strip.wrapping_sub(1))
            .map_or(head.len(), |(i, _)| i);
        for add in add {
            out.push([&head[..cut], add, tail].concat());
        }
        break;
    }
    out
}

/// A phrase of the pre-built data (lower-case words, a space apart).
fn phrase(s: &str) -> Phrase {
    s.split_whitespace().map(str::to_string).collect()
}

/// Every built-in lexicon.
#[cfg(test)]
pub fn load_all() -> Vec<Lexicon> {
    PREBUILT.iter().map(Prebuilt::build).collect()
}

/// Each lexicon, built the first time a document needs it (most pages read
/// one) and shared by every checker: a page's second checker builds none again.
static BUILT: [OnceLock<Lexicon>; PREBUILT.len()] = [const { OnceLock::new() }; PREBUILT.len()];

/// A language a checker can read: its code, name and aliases at once, its
/// lexicon built the first time a document needs it.
pub struct Language {
    pub code: &'static str,
    pub name: &'static str,
    data: &'static Prebuilt,
    built: &'static OnceLock<Lexicon>,
}

impl Language {
    pub fn serves(&self, language: &str) -> bool {
        self.code == language || self.data.aliases.contains(&language)
    }

    pub fn lexicon(&self) -> &Lexicon {
        self.built.get_or_init(|| self.data.build())
    }
}

/// The languages a checker uses, with an index of their stop words for
/// telling which language a text is written in.
pub struct Languages {
    pub list: Vec<Language>,
    stopwords: Arc<Stopwords>,
}

/// For each stop word, a bit per language (in `list` order) that lists it.
struct Stopwords {
    bits: WordMap<u32>,
    sieve: Sieve,
}

impl Stopwords {
    /// The index of a set of languages, made once per set and shared by the
    /// checkers that read the same languages.
    fn of(list: &[Language]) -> Arc<Stopwords> {
        let set: Vec<&str> = list.iter().map(|l| l.code).collect();
        static MADE: Mutex<Vec<(Vec<&'static str>, Arc<Stopwords>)>> = Mutex::new(Vec::new());
        let mut made = MADE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, index)) = made.iter().find(|(s, _)| *s == set) {
            return Arc::clone(index);
        }
        let mut bits: WordMap<u32> = WordMap::default();
        for (i, language) in list.iter().enumerate().take(32) {
            for w in language.data.list("stopwords_index") {
                *bits.entry(w.to_string()).or_default() |= 1 << i;
            }
        }
        let sieve = Sieve::new(bits.keys());
        let index = Arc::new(Stopwords { bits, sieve });
        made.push((set, Arc::clone(&index)));
        index
    }
}

impl Languages {
    /// The built-in languages named in `enabled`.
    pub fn new(enabled: &[String]) -> Languages {
        let list: Vec<Language> = PREBUILT
            .iter()
            .zip(&BUILT)
            .filter(|(data, _)| enabled.iter().any(|e| e == data.code))
            .map(|(data, built)| Language {
                code: data.code,
                name: data.name,
                data,
                built,
            })
            .collect();
        let stopwords = Stopwords::of(&list);
        Languages { list, stopwords }
    }

    /// The lexicon that serves a language code.
    pub fn get(&self, language: &str) -> Option<&Lexicon> {
        Some(self.list.iter().find(|l| l.serves(language))?.lexicon())
    }

    /// The place in `list` of the language with this code.
    pub fn position(&self, code: &str) -> Option<usize> {
        self.list.iter().position(|l| l.code == code)
    }

    /// Which languages list `word` (lower-case) as a stop word, as bits.
    // Asked of every word of a summary: the sieve is inlined, the look-up not.
    #[inline]
    pub fn stopword(&self, word: &str) -> u32 {
        if !self.stopwords.sieve.may_hold(word) {
            return 0;
        }
        self.stopword_bits(word)
    }

    #[inline(never)]
    fn stopword_bits(&self, word: &str) -> u32 {
        self.stopwords.bits.get(word).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use crate::json::{self, Value};

    /// Each `data/lexicons/<code>.json`: its code and its text.
    fn data_files() -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicons");
        let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|entry| {
                let path = entry.ok()?.path();
                let code = path.file_stem()?.to_str()?.to_string();
                let text = std::fs::read_to_string(&path).ok()?;
                Some((code, text))
            })
            .collect();
        files.sort();
        files
    }
    use super::*;

    #[test]
    fn every_language_loads_with_verbs_at_every_level() {
        let all = load_all();
        assert_eq!(all.len(), data_files().len());
        for lex in &all {
            for level in 1..=6u8 {
                let n = lex
                    .verbs
                    .values()
                    .flatten()
                    .filter(|v| v.level == level)
                    .count();
                assert!(
                    n >= 10,
                    "{}: only {n} verb forms at level {level}",
                    lex.language
                );
            }
            assert!(
                !lex.openers.is_empty() && !lex.stopwords.is_empty() && lex.examples.len() >= 3,
                "{}",
                lex.language
            );
        }
    }

    /// A key the reader looks for that a file lacks or mistypes would read as
    /// empty: every file has every key, of the right type.
    #[test]
    fn every_lexicon_file_has_every_key() {
        let keys: &[(&str, &str)] = &[
            ("language", "a string"),
            ("name", "a string"),
            ("aliases", "an array"),
            ("verb_position", "a string"),
            ("conjunctions", "an array"),
            ("that", "an array"),
            ("labels", "an array"),
            ("clauses", "an array"),
            ("subjects", "an array"),
            ("openers", "an array"),
            ("adverbs", "an array"),
            ("adverb_endings", "an array"),
            ("tail", "an array"),
            ("participles", "an array"),
            ("examples", "an array"),
            ("teacher_centred", "an array"),
            ("vague", "an array"),
            ("framework", "an array"),
            ("inflection", "an array"),
            ("verbs", "an object"),
            ("placeholders", "an array"),
            ("stopwords", "an array"),
            ("readability", "an object"),
            ("syllables", "an object"),
        ];
        for (code, text) in data_files() {
            let root = json::parse(&text).unwrap_or_else(|e| panic!("{code}: {e}"));
            // A lexicon built on another needs only what it adds.
            let based = root.get("base").is_some();
            for (key, kind) in keys {
                if based && root.get(key).is_none() {
                    continue;
                }
                let found = root.get(key).map(|v| match v {
                    Value::String(_) => "a string",
                    Value::Array(_) => "an array",
                    Value::Object(_) => "an object",
                    _ => "another type",
                });
                assert_eq!(found, Some(*kind), "{code}: {key}");
            }
            assert_eq!(root.get("language").and_then(Value::as_str), Some(&*code));
        }
    }

    #[test]
    fn english_inflections_are_recognised() {
        let all = load_all();
        let en = all.iter().find(|l| l.language == "en");
        let level = |w: &str| en.and_then(|l| l.verb(&Words::new(w), 0)).map(|v| v.0);
        assert_eq!(level("apply"), Some(3));
        assert_eq!(level("applies"), Some(3));
        assert_eq!(level("applying"), Some(3));
        assert_eq!(level("describes"), Some(2));
        assert_eq!(level("football"), None);
    }
}
