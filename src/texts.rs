//! Text rules (`text.*`): placeholders, length, readability, language and
//! capitals in the document's free texts.

use crate::document::{pointer, Kind, Seg, AGREEMENT_TOPICS};
use crate::lexicon::Languages;
use crate::lexicon::{Lexicon, Readability};
use crate::messages::{number, quote};
use crate::outcomes::{self, OutcomeReading};
use crate::registry::{Applies, Context, Group, Out, Rule};
use crate::report::Span;
use crate::words::{self, Words};
use std::rc::Rc;

pub const RULES: &[Rule] = &[
    PLACEHOLDER,
    SUMMARY_LENGTH,
    READABILITY,
    LANGUAGE_MISMATCH,
    SHOUTING,
];

/// Which free text of the document a text is; it decides the rules that
/// read it, and gives its path when one of them reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Summary,
    /// A learning outcome, by its index in `learning_outcomes`.
    Outcome(usize),
    CoordinatorName,
    PrerequisiteText,
    Reading(usize),
    Admission,
    Recognition,
    Agreement(&'static str),
    ComponentTitle(usize),
    OptionTitle(usize, usize),
}

impl Field {
    pub fn path(self) -> String {
        match self {
            Field::Title => "/title".into(),
            Field::Summary => "/summary".into(),
            Field::Outcome(i) => pointer(&[Seg::F("learning_outcomes"), Seg::I(i)]),
            Field::CoordinatorName => "/coordinator/name".into(),
            Field::PrerequisiteText => "/prerequisites/text".into(),
            Field::Reading(i) => pointer(&[Seg::F("reading"), Seg::I(i)]),
            Field::Admission => "/admission".into(),
            Field::Recognition => "/recognition".into(),
            Field::Agreement(topic) => pointer(&[Seg::F("cooperation_agreement"), Seg::F(topic)]),
            Field::ComponentTitle(i) => {
                pointer(&[Seg::F("components"), Seg::I(i), Seg::F("title")])
            }
            Field::OptionTitle(i, k) => pointer(&[
                Seg::F("components"),
                Seg::I(i),
                Seg::F("options"),
                Seg::I(k),
                Seg::F("title"),
            ]),
        }
    }

    /// Titles and names are not read for capitals (`meta.title-length` does titles).
    fn is_title_or_name(self) -> bool {
        matches!(
            self,
            Field::Title
                | Field::CoordinatorName
                | Field::ComponentTitle(_)
                | Field::OptionTitle(..)
        )
    }

    /// The texts whose language is compared with `language`.
    fn is_read_for_language(self) -> bool {
        matches!(self, Field::Summary | Field::Admission | Field::Recognition)
    }

    /// Texts of one kind are read alike: plain texts for placeholders and
    /// words, summaries also for readability and language, statements for
    /// language, outcomes for their verbs.
    pub fn reading_kind(self) -> u8 {
        match self {
            Field::Summary => 1,
            Field::Admission | Field::Recognition => 2,
            Field::Outcome(_) => 3,
            _ => 0,
        }
    }
}

/// What is learnt from one text, whatever the rules then do with it. The
/// same text of the same kind in the same language always reads the same,
/// so a live form can keep it between keystrokes (see `memo`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reading {
    /// The first placeholder in it, as a byte range.
    pub placeholder: Option<(usize, usize)>,
    pub words: usize,
    /// For a summary read with a lexicon: what the readability index needs.
    pub stats: Option<TextStats>,
    /// For texts read for their language: stop-word hits, one per lexicon.
    pub hits: Vec<u32>,
    /// For a learning outcome.
    pub outcome: Option<OutcomeReading>,
}

#[derive(Debug, Clone)]
pub struct Text<'v> {
    pub field: Field,
    pub text: &'v str,
    pub reading: Rc<Reading>,
}

/// Every free text of the document, and the placeholders found in them.
#[derive(Debug, Clone, Default)]
pub struct TextFindings<'v> {
    pub texts: Vec<Text<'v>>,
}

impl<'v> TextFindings<'v> {
    fn summary(&self) -> Option<&Text<'v>> {
        self.texts.iter().find(|t| t.field == Field::Summary)
    }
}

pub fn analyse<'v>(cx: &Context<'_, 'v>) -> TextFindings<'v> {
    let doc = cx.doc;
    let mut texts: Vec<(Field, &'v str)> = Vec::new();
    let mut add = |field: Field, text: Option<&'v str>| texts.extend(text.map(|t| (field, t)));
    add(Field::Title, doc.title);
    add(Field::Summary, doc.summary);
    for &(i, lo) in doc.learning_outcomes.iter().flatten() {
        add(Field::Outcome(i), Some(lo));
    }
    match doc.kind {
        Some(Kind::Course) => {
            let c = &doc.course;
            add(Field::CoordinatorName, c.coordinator_name);
            add(Field::PrerequisiteText, c.prerequisite_text);
            for &(i, r) in &c.reading {
                add(Field::Reading(i), Some(r));
            }
        }
        Some(Kind::Programme) => {
            let p = &doc.programme;
            add(Field::Admission, p.admission);
            add(Field::Recognition, p.recognition);
            for (topic, text) in AGREEMENT_TOPICS.iter().zip(p.agreement.iter().flatten()) {
                add(Field::Agreement(topic), *text);
            }
            for (i, c) in p.components.iter().flatten().enumerate() {
                let Some(c) = c else { continue };
                add(Field::ComponentTitle(i), c.title);
                for (k, o) in c.options.iter().flatten().enumerate() {
                    add(Field::OptionTitle(i, k), o.as_ref().and_then(|o| o.title));
                }
            }
        }
        None => {}
    }
    let english = cx
        .english()
        .filter(|e| Some(e.language.as_str()) != cx.lexicon.map(|l| l.language.as_str()));
    let lexicons: Vec<&Lexicon> = cx.lexicon.into_iter().chain(english).collect();
    let lexicon_at = cx.lexicon.and_then(|l| cx.languages.position(&l.language));
    let read = |kind: u8, text: &str| read_text(kind, text, cx.lexicon, &lexicons, cx.languages);
    TextFindings {
        texts: texts
            .into_iter()
            .map(|(field, text)| {
                let kind = field.reading_kind();
                let reading = match cx.memo {
                    Some(memo) => {
                        memo.reading((kind, lexicon_at.map_or(0, |i| i + 1)), text, || {
                            read(kind, text)
                        })
                    }
                    None => Rc::new(read(kind, text)),
                };
                Text {
                    field,
                    text,
                    reading,
                }
            })
            .collect(),
    }
}

/// Reads one text as its kind asks.
fn read_text(
    kind: u8,
    text: &str,
    lexicon: Option<&Lexicon>,
    placeholders: &[&Lexicon],
    languages: &Languages,
) -> Reading {
    let words = Words::new(text);
    let mut reading = Reading {
        placeholder: placeholder(&words, placeholders),
        words: words.len(),
        ..Reading::default()
    };
    if kind == 1 {
        reading.stats = lexicon.map(|lex| stats(&words, lex));
    }
    if kind == 1 || kind == 2 {
        reading.hits = vec![0; languages.list.len()];
        for i in 0..words.len() {
            let bits = languages.stopword(words.lower(i));
            for (k, h) in reading.hits.iter_mut().enumerate() {
                *h += (bits >> k) & 1;
            }
        }
    }
    if kind == 3 {
        reading.outcome = Some(outcomes::read(&words, lexicon));
    }
    reading
}

const CODES: &[&str] = &["TBD", "TBA", "TODO", "XXX"];

/// The first placeholder in a text: the whole value `-` or `N/A`, `???`,
/// the capitals-only codes as whole words, or a lexicon's phrases in any case.
pub fn placeholder(words: &Words<'_>, lexicons: &[&Lexicon]) -> Option<(usize, usize)> {
    let text = words.text;
    let trimmed = text.trim();
    if trimmed == "-" || trimmed.eq_ignore_ascii_case("n/a") {
        let start = text.len() - text.trim_start().len();
        return Some((start, start + trimmed.len()));
    }
    let marks = if text.contains('?') {
        text.find("???").map(|i| (i, i + 3))
    } else {
        None
    };
    let found = (0..words.len()).find_map(|n| {
        if CODES.contains(&words.text(n)) {
            return Some(words.span(n, n));
        }
        let (_, phrase) = lexicons.iter().find_map(|l| l.placeholders.at(words, n))?;
        Some(words.span(n, n + phrase.len() - 1))
    });
    match (marks, found) {
        (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

pub const PLACEHOLDER: Rule = Rule {
    id: "text.placeholder",
    group: Group::Texts,
    applies: Applies::Both,
    summary: "A text is or holds a placeholder (TBD, TODO, \"to be defined\", \"???\", …).",
    source: "ECTS Users' Guide 2015, §7.1 (complete, published information)",
    check: placeholders,
};

fn placeholders(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for t in &cx.texts().texts {
        let Some((start, end)) = t.reading.placeholder else {
            continue;
        };
        let found = t.text.get(start..end).unwrap_or_default();
        let message = out.message("text.placeholder", &[("placeholder", &quote(found))]);
        out.emit_span(
            t.field.path(),
            Span::from_bytes(t.text, start, end),
            message,
        );
    }
}

pub const SUMMARY_LENGTH: Rule = Rule {
    id: "text.summary-length",
    group: Group::Texts,
    applies: Applies::Both,
    summary: "The summary is under 50 words (warning) or over 600 words (info).",
    source: "ECTS Users' Guide 2015, §7.1 (course content)",
    check: summary_length,
};

fn summary_length(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(summary) = cx
        .texts()
        .summary()
        .filter(|t| t.reading.placeholder.is_none())
    else {
        return;
    };
    let count = summary.reading.words as f64;
    let (min, max) = (out.num(&["min_words"]), out.num(&["max_words"]));
    let (key, severity) = if count < min {
        ("text.summary-length.short", Some(out.severity))
    } else if count > max {
        (
            "text.summary-length.long",
            out.severity_setting("long_severity")
                .map(|s| s.max(out.severity)),
        )
    } else {
        return;
    };
    let Some(severity) = severity else { return };
    let message = out.message(
        key,
        &[
            ("count", &number(count)),
            ("min", &number(min)),
            ("max", &number(max)),
        ],
    );
    out.push(severity, "/summary".into(), None, message, Vec::new());
}

/// Counts a readability index needs.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct TextStats {
    pub words: f64,
    pub sentences: f64,
    pub syllables: f64,
    pub letters: f64,
    pub long_words: f64,
}

pub fn stats(words: &Words<'_>, lex: &Lexicon) -> TextStats {
    let mut s = TextStats::default();
    for (i, w) in words.words.iter().enumerate() {
        let lower = words.lower(i);
        let letters = if lower.is_ascii() {
            lower.len()
        } else {
            lower.chars().count()
        };
        s.words += 1.0;
        s.letters += letters as f64;
        s.long_words += f64::from(u8::from(letters > 6));
        s.syllables += syllables(lower, lex) as f64;
        s.sentences += f64::from(u8::from(w.ends_sentence));
    }
    if words.words.last().is_some_and(|w| !w.ends_sentence) || s.sentences == 0.0 {
        s.sentences += 1.0;
    }
    s
}

/// Syllables of a lower-case word: runs of the language's vowels, at least
/// one; in English a final silent `e` does not count.
fn syllables(word: &str, lex: &Lexicon) -> usize {
    let mut count = 0;
    let mut in_vowel = false;
    let mut last = ' ';
    let mut before_last = ' ';
    let mut step = |c: char| {
        let vowel = lex.is_vowel(c);
        count += usize::from(vowel && !in_vowel);
        in_vowel = vowel;
        before_last = last;
        last = c;
    };
    if word.is_ascii() {
        word.bytes().for_each(|b| step(char::from(b)));
    } else {
        word.chars().for_each(step);
    }
    if lex.silent_final_e
        && count > 1
        && last == 'e'
        && before_last != 'l'
        && !lex.is_vowel(before_last)
    {
        count -= 1;
    }
    count.max(1)
}

/// The index value, and whether it is below (`true`) the threshold that marks
/// a very hard text.
fn readability(s: &TextStats, lex: &Lexicon, out: &Out<'_>) -> Option<(f64, bool)> {
    if s.words == 0.0 {
        return None;
    }
    match lex.readability {
        Readability::Flesch { a, b, c } => {
            let min = out.num(&["flesch_min", &lex.language]);
            let score = a - b * s.words / s.sentences - c * s.syllables / s.words;
            min.is_finite().then_some((score, score < min))
        }
        Readability::Gulpease => {
            let score = 89.0 + (300.0 * s.sentences - 10.0 * s.letters) / s.words;
            Some((score, score < out.num(&["gulpease_min"])))
        }
        Readability::Lix => {
            let score = s.words / s.sentences + 100.0 * s.long_words / s.words;
            Some((score, score > out.num(&["lix_max"])))
        }
    }
}

pub const READABILITY: Rule = Rule {
    id: "text.readability",
    group: Group::Texts,
    applies: Applies::Both,
    summary: "The summary is very hard to read by its language's own index (Flesch, Flesch–Amstad, INFLESZ, Gulpease, LIX).",
    source: "Flesch (1948); Amstad (1978); Szigriszt-Pazos (1993); Gulpease (1988); Björnsson LIX (1968)",
    check: readability_rule,
};

fn readability_rule(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let (Some(lex), Some(summary)) = (cx.lexicon, cx.texts().summary()) else {
        return;
    };
    let Some(s) = summary
        .reading
        .stats
        .filter(|_| summary.reading.placeholder.is_none())
    else {
        return;
    };
    if s.words < out.num(&["min_words"]) {
        return;
    }
    let Some((score, hard)) = readability(&s, lex, out) else {
        return;
    };
    if !hard {
        return;
    }
    let key = match lex.readability {
        Readability::Lix => "text.readability.lix",
        _ => "text.readability",
    };
    let per_sentence = number(s.words / s.sentences);
    let message = out.message(
        key,
        &[
            ("index", &lex.readability_name),
            ("score", &number(score)),
            ("words_per_sentence", &per_sentence),
        ],
    );
    out.emit("/summary".into(), message);
}

pub const LANGUAGE_MISMATCH: Rule = Rule {
    id: "text.language-mismatch",
    group: Group::Texts,
    applies: Applies::Both,
    summary: "A text of 30+ words looks written in another alliance language than `language`.",
    source: "ECTS Users' Guide 2015, §7.1 (language of instruction and of the description)",
    check: language_mismatch,
};

fn language_mismatch(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(declared) = cx.lexicon else { return };
    let Some(own) = cx.languages.position(&declared.language) else {
        return;
    };
    let (min_words, min_share, ratio) = (
        out.num(&["min_words"]),
        out.num(&["min_share"]),
        out.num(&["ratio"]),
    );
    for t in &cx.texts().texts {
        if !t.field.is_read_for_language() {
            continue;
        }
        let (hits, count) = (&t.reading.hits, t.reading.words);
        if (count as f64) < min_words {
            continue;
        }
        let Some((best, &top)) = hits
            .iter()
            .enumerate()
            .max_by_key(|&(i, h)| (*h, std::cmp::Reverse(i)))
        else {
            continue;
        };
        let looks_other = best != own
            && f64::from(top) >= min_share / 100.0 * count as f64
            && f64::from(top) >= ratio * f64::from(hits.get(own).copied().unwrap_or(0));
        if !looks_other {
            continue;
        }
        let Some(other) = cx.languages.list.get(best) else {
            continue;
        };
        let message = out.message(
            "text.language-mismatch",
            &[
                ("looks", &other.name),
                ("declared", &quote(&declared.language)),
                ("code", &other.code),
            ],
        );
        out.push(
            out.severity,
            t.field.path(),
            None,
            message,
            vec![other.code.clone()],
        );
    }
}

pub const SHOUTING: Rule = Rule {
    id: "text.shouting",
    group: Group::Texts,
    applies: Applies::Both,
    summary: "A text of three or more words written in capitals.",
    source: "Web Content Accessibility Guidelines 2.2 (readable text)",
    check: shouting,
};

fn shouting(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let min = out.num(&["min_words"]);
    for t in &cx.texts().texts {
        if t.field.is_title_or_name() || t.reading.placeholder.is_some() {
            continue;
        }
        if (t.reading.words as f64) < min || !words::is_capitals(t.text) {
            continue;
        }
        let message = out.message("text.shouting", &[]);
        out.emit(t.field.path(), message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::load_all;

    #[test]
    fn placeholders_are_whole_words() {
        let all = load_all();
        let en: Vec<&Lexicon> = all.iter().filter(|l| l.language == "en").collect();
        let find = |t: &str| placeholder(&Words::new(t), &en);
        assert_eq!(find("Reading: TBD"), Some((9, 12)));
        assert_eq!(find("football and Leichtbau"), None);
        assert_eq!(find("todo el curso"), None);
        assert_eq!(find(" N/A "), Some((1, 4)));
        assert_eq!(find("Dates To Be Announced later"), Some((6, 21)));
        assert_eq!(find("What ???"), Some((5, 8)));
    }

    #[test]
    fn counts_sentences_and_syllables() {
        let all = load_all();
        let Some(en) = all.iter().find(|l| l.language == "en") else {
            return;
        };
        let s = stats(
            &Words::new("The course is 7.5 ECTS. Students make a pack!"),
            en,
        );
        assert_eq!((s.words, s.sentences), (10.0, 2.0));
        assert_eq!(syllables("make", en), 1);
        assert_eq!(syllables("table", en), 2);
        assert_eq!(syllables("battery", en), 3);
    }
}
