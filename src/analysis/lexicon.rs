//! Per-language data for reading learning outcomes and texts: stems, verbs by
//! Bloom level with their inflections, vague verbs, national-framework
//! formulas, teacher-centred openings, placeholders, stop words and the
//! readability index. Each language is one JSON file compiled in; adding a
//! language adds a file here and nothing else.

use super::words::Words;
use crate::json::{self, Value};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fast hash for short words (the Fx hash): the maps are built from our
/// own lexicons, so there is no flooding to defend against.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by lower-case words.
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

const SOURCES: &[(&str, &str)] = &[
    ("en", include_str!("../../data/lexicons/en.json")),
    ("de", include_str!("../../data/lexicons/de.json")),
    ("pl", include_str!("../../data/lexicons/pl.json")),
    ("it", include_str!("../../data/lexicons/it.json")),
    ("nb", include_str!("../../data/lexicons/nb.json")),
    ("sv", include_str!("../../data/lexicons/sv.json")),
    ("es", include_str!("../../data/lexicons/es.json")),
];

/// A phrase as lower-case words.
pub type Phrase = Vec<String>;

#[derive(Debug, Clone)]
pub struct Vague {
    pub words: Phrase,
    pub suggest: Vec<String>,
}

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
    pub verb_last: bool,
    pub conjunctions: Vec<String>,
    /// Stems, and whether the verb stands last after each (German modal stems).
    pub stems: Phrases,
    stems_verb_last: Vec<bool>,
    pub teacher_centred: Phrases,
    pub vague: Vec<Vague>,
    pub framework: Vec<Phrase>,
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
    /// The longest stem that starts at word `at`: its place, its words,
    /// and whether the statement's verb then stands last.
    pub fn stem_at(&self, words: &Words<'_>, at: usize) -> Option<(usize, &Phrase, bool)> {
        let (i, stem) = self.stems.at(words, at)?;
        Some((
            i,
            stem,
            self.stems_verb_last
                .get(i)
                .copied()
                .unwrap_or(self.verb_last),
        ))
    }

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
    pub fn new(list: Vec<Phrase>) -> Phrases {
        let mut by_first: WordMap<Vec<usize>> = WordMap::default();
        for (i, p) in list.iter().enumerate() {
            if let Some(first) = p.first() {
                by_first.entry(first.clone()).or_default().push(i);
            }
        }
        for candidates in by_first.values_mut() {
            candidates.sort_by_key(|&i| std::cmp::Reverse(list.get(i).map_or(0, Vec::len)));
        }
        let sieve = Sieve::new(list.iter().filter_map(|p| p.first()));
        Phrases {
            list,
            by_first,
            sieve,
        }
    }

    /// The longest phrase that starts at word `at`, with its place in the list.
    pub fn at(&self, words: &Words<'_>, at: usize) -> Option<(usize, &Phrase)> {
        let word = words.lower(at);
        if !self.sieve.may_hold(word) {
            return None;
        }
        self.by_first
            .get(word)?
            .iter()
            .filter_map(|&i| Some((i, self.list.get(i)?)))
            .find(|(_, p)| words.starts_with_at(at, p))
    }

    pub fn get(&self, i: usize) -> Option<&Phrase> {
        self.list.get(i)
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// Loads every built-in lexicon.
#[cfg(test)]
pub fn load_all() -> Vec<Lexicon> {
    SOURCES
        .iter()
        .filter_map(|(code, text)| parse(code, text))
        .collect()
}

/// A language a checker can read: its code, name and aliases at once, its
/// lexicon built the first time a document needs it (most pages read one).
pub struct Language {
    pub code: String,
    pub name: String,
    aliases: Vec<String>,
    /// The parsed data file, borrowing the compiled-in text.
    source: Value<'static>,
    lexicon: OnceLock<Option<Lexicon>>,
}

impl Language {
    pub fn serves(&self, language: &str) -> bool {
        self.code == language || self.aliases.iter().any(|a| a == language)
    }

    pub fn lexicon(&self) -> Option<&Lexicon> {
        self.lexicon
            .get_or_init(|| build(&self.code, &self.source))
            .as_ref()
    }
}

/// The languages a checker uses, with an index of their stop words for
/// telling which language a text is written in.
pub struct Languages {
    pub list: Vec<Language>,
    /// For each stop word, a bit per language (in `list` order) that lists it.
    stopwords: WordMap<u32>,
    stop_sieve: Sieve,
}

impl Languages {
    /// The built-in languages named in `enabled`.
    pub fn new(enabled: &[String]) -> Languages {
        let list: Vec<Language> = SOURCES
            .iter()
            .filter(|(code, _)| enabled.iter().any(|e| e == code))
            .map(|(code, text)| {
                // Compiled in and read by the tests: a file that is not JSON cannot ship.
                let source =
                    json::parse(text).unwrap_or_else(|e| panic!("data/lexicons/{code}.json: {e}"));
                let text_of = |k: &str| {
                    source
                        .get(k)
                        .and_then(Value::as_str)
                        .unwrap_or(code)
                        .to_string()
                };
                Language {
                    code: code.to_string(),
                    name: text_of("name"),
                    aliases: strings(source.get("aliases")).map(str::to_string).collect(),
                    lexicon: OnceLock::new(),
                    source,
                }
            })
            .collect();
        let mut stopwords: WordMap<u32> = WordMap::default();
        for (i, language) in list.iter().enumerate().take(32) {
            for w in strings(language.source.get("stopwords")) {
                *stopwords.entry(w.to_lowercase()).or_default() |= 1 << i;
            }
        }
        let stop_sieve = Sieve::new(stopwords.keys());
        Languages {
            list,
            stopwords,
            stop_sieve,
        }
    }

    /// The lexicon that serves a language code.
    pub fn get(&self, language: &str) -> Option<&Lexicon> {
        self.list.iter().find(|l| l.serves(language))?.lexicon()
    }

    /// The place in `list` of the language with this code.
    pub fn position(&self, code: &str) -> Option<usize> {
        self.list.iter().position(|l| l.code == code)
    }

    /// Which languages list `word` (lower-case) as a stop word, as bits.
    pub fn stopword(&self, word: &str) -> u32 {
        if !self.stop_sieve.may_hold(word) {
            return 0;
        }
        self.stopwords.get(word).copied().unwrap_or(0)
    }
}

fn phrase(s: &str) -> Phrase {
    s.split_whitespace().map(str::to_lowercase).collect()
}

fn strings<'a>(v: Option<&'a Value<'a>>) -> impl Iterator<Item = &'a str> {
    v.and_then(Value::as_array)
        .unwrap_or(&[])
        .iter()
        .filter_map(Value::as_str)
}

#[cfg(test)]
fn parse(code: &str, text: &str) -> Option<Lexicon> {
    build(code, &json::parse(text).ok()?)
}

/// A lexicon from its parsed data file.
fn build(code: &str, root: &Value<'_>) -> Option<Lexicon> {
    let get = |k: &str| root.get(k);
    let inflection: Vec<&Value<'_>> = get("inflection")
        .and_then(Value::as_array)
        .unwrap_or(&[])
        .iter()
        .collect();
    let mut verbs: WordMap<Vec<Verb>> = WordMap::default();
    for level in 1..=6u8 {
        for entry in strings(get("verbs").and_then(|v| v.get(&level.to_string()))) {
            for form in forms(entry, &inflection) {
                let mut words = phrase(&form);
                if words.is_empty() {
                    continue;
                }
                let first = words.remove(0);
                verbs
                    .entry(first)
                    .or_default()
                    .push(Verb { rest: words, level });
            }
        }
    }
    let stem_entries = get("stems").and_then(Value::as_array).unwrap_or(&[]);
    let stem_text =
        |s: &Value<'_>| phrase(s.get("text").and_then(Value::as_str).unwrap_or_default());
    let stems = Phrases::new(stem_entries.iter().map(stem_text).collect());
    let stems_verb_last = stem_entries
        .iter()
        .map(|s| s.get("verb").and_then(Value::as_str) == Some("last"))
        .collect();
    let vague = get("vague")
        .and_then(Value::as_array)
        .unwrap_or(&[])
        .iter()
        .flat_map(|v| {
            let suggest: Vec<String> = strings(v.get("suggest")).map(str::to_string).collect();
            strings(v.get("forms")).map(move |f| Vague {
                words: phrase(f),
                suggest: suggest.clone(),
            })
        })
        .collect();
    let readability_data = get("readability");
    let number = |k: &str| {
        readability_data
            .and_then(|r| r.get(k))
            .and_then(|n| match n {
                Value::Number(n) => Some(*n),
                _ => None,
            })
    };
    let readability = match readability_data
        .and_then(|r| r.get("index"))
        .and_then(Value::as_str)
    {
        Some("flesch") => Readability::Flesch {
            a: number("a")?,
            b: number("b")?,
            c: number("c")?,
        },
        Some("gulpease") => Readability::Gulpease,
        _ => Readability::Lix,
    };
    let placeholders: Vec<Phrase> = strings(get("placeholders"))
        .map(phrase)
        .filter(|p| !p.is_empty())
        .collect();
    let syllables = get("syllables");
    let vowels = syllables
        .and_then(|s| s.get("vowels"))
        .and_then(Value::as_str)
        .unwrap_or("aeiouy");
    Some(Lexicon {
        language: code.to_string(),
        name: get("name")
            .and_then(Value::as_str)
            .unwrap_or(code)
            .to_string(),
        verb_last: get("verb_position").and_then(Value::as_str) == Some("last"),
        conjunctions: strings(get("conjunctions"))
            .map(str::to_lowercase)
            .collect(),
        stems,
        stems_verb_last,
        teacher_centred: Phrases::new(strings(get("teacher_centred")).map(phrase).collect()),
        vague,
        framework: strings(get("framework")).map(phrase).collect(),
        verbs,
        placeholders: Phrases::new(placeholders),
        stopwords: strings(get("stopwords")).map(str::to_lowercase).collect(),
        readability,
        readability_name: readability_data
            .and_then(|r| r.get("name"))
            .and_then(Value::as_str)
            .unwrap_or("LIX")
            .to_string(),
        vowels: vowels.chars().filter(|c| !c.is_ascii()).collect(),
        ascii_vowels: vowels
            .bytes()
            .filter(u8::is_ascii)
            .fold([0u64; 2], |mut m, b| {
                m[usize::from(b >> 6)] |= 1 << (b & 63);
                m
            }),
        silent_final_e: syllables.and_then(|s| s.get("silent_final_e")) == Some(&Value::Bool(true)),
    })
}

/// The forms of one verb entry: explicit `lemma|form|…`, or the lemma and
/// what the first matching inflection rule makes of its first word.
fn forms(entry: &str, rules: &[&Value<'_>]) -> Vec<String> {
    if entry.contains('|') {
        return entry
            .split('|')
            .map(|f| f.trim().to_lowercase())
            .filter(|f| !f.is_empty())
            .collect();
    }
    let entry = entry.trim().to_lowercase();
    let (head, tail) = match entry.split_once(' ') {
        Some((h, t)) => (h.to_string(), format!(" {t}")),
        None => (entry.clone(), String::new()),
    };
    let mut out = vec![entry.clone()];
    for rule in rules {
        let ending = rule
            .get("ending")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if !head.ends_with(ending) {
            continue;
        }
        let not_after = rule
            .get("not_after")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let before = head[..head.len() - ending.len()].chars().last();
        if !not_after.is_empty() && before.is_some_and(|c| not_after.contains(c)) {
            continue;
        }
        let strip = match rule.get("strip") {
            Some(Value::Number(n)) => *n as usize,
            _ => 0,
        };
        let keep: String = {
            let chars: Vec<char> = head.chars().collect();
            chars[..chars.len().saturating_sub(strip)].iter().collect()
        };
        for add in strings(rule.get("add")) {
            out.push(format!("{keep}{add}{tail}"));
        }
        break;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_loads_with_verbs_at_every_level() {
        let all = load_all();
        assert_eq!(all.len(), SOURCES.len());
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
                !lex.stems.is_empty() && !lex.stopwords.is_empty(),
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
            ("stems", "an array"),
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
        for (code, text) in SOURCES {
            let root = json::parse(text).unwrap_or_else(|e| panic!("{code}: {e}"));
            for (key, kind) in keys {
                let found = root.get(key).map(|v| match v {
                    Value::String(_) => "a string",
                    Value::Array(_) => "an array",
                    Value::Object(_) => "an object",
                    _ => "another type",
                });
                assert_eq!(found, Some(*kind), "{code}: {key}");
            }
            assert_eq!(root.get("language").and_then(Value::as_str), Some(*code));
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
