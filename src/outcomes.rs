//! Learning-outcome rules (`lo.*`) and the reading of an outcome they share.
//!
//! An outcome is read as: optional list marker, optional stem ("Students will
//! be able to"), then the statement, whose verb stands first or — after a
//! German modal stem, or in a German bare phrase — last. Everything about a
//! language comes from its lexicon.

use crate::document::{pointer, Kind, Seg};
use crate::lexicon::Lexicon;
use crate::messages::{list, number, quote};
use crate::registry::{Applies, Context, Group, Out, Rule};
use crate::report::Span;
use crate::texts::{Field, Text};
use crate::words::Words;

pub const RULES: &[Rule] = &[
    COUNT,
    VAGUE_VERB,
    NO_ACTION_VERB,
    TEACHER_CENTRED,
    MULTIPLE_VERBS,
    TOO_SHORT,
    TOO_LONG,
    DUPLICATE,
    REPEATED_STEM,
    LEVEL_TOO_LOW,
    LANGUAGE_UNSUPPORTED,
];

/// What is wrong with an outcome's verb, if anything; at most one applies,
/// in this order of precedence.
#[derive(Debug, Clone, PartialEq)]
pub enum VerbFinding {
    TeacherCentred {
        start: usize,
        end: usize,
    },
    Vague {
        start: usize,
        end: usize,
        suggest: Vec<String>,
    },
    NoActionVerb {
        first_word: Option<(usize, usize)>,
    },
}

/// What is read from one learning outcome's text, with the lexicon of the
/// document's language; the same text always reads the same.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OutcomeReading {
    pub finding: Option<VerbFinding>,
    /// Bloom level of the statement's verb (the highest of coordinated verbs).
    pub level: Option<u8>,
    /// Action verbs coordinated in the verb slot, and the byte range they cover.
    pub coordinated: usize,
    pub verbs: Option<(usize, usize)>,
    pub words_after_stem: usize,
    /// The stem that opened the outcome (its place in the lexicon's list).
    pub stem: Option<usize>,
    /// Where the statement (after marker and stem) starts, in bytes.
    pub statement: Option<usize>,
}

/// One learning outcome of the document, as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<'v> {
    /// Its index in `learning_outcomes`.
    pub index: usize,
    pub text: &'v str,
    pub read: OutcomeReading,
}

impl Outcome<'_> {
    /// The statement without marker, stem and final punctuation, lower-case,
    /// white space collapsed: what `lo.duplicate` compares.
    pub fn normalised(&self) -> Option<String> {
        let start = self.read.statement?;
        let end = self
            .text
            .trim_end_matches(|c: char| c.is_whitespace() || ".;:!?".contains(c))
            .len();
        let body = self.text.get(start..end.max(start))?;
        Some(
            body.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase(),
        )
    }
}

/// Every outcome of the document, as the text readings found it.
pub fn analyse<'v>(cx: &Context<'_, 'v>) -> Vec<Outcome<'v>> {
    let outcome = |t: &Text<'v>| match (t.field, &t.reading.outcome) {
        (Field::Outcome(index), Some(read)) => Some(Outcome {
            index,
            text: t.text,
            read: read.clone(),
        }),
        _ => None,
    };
    cx.texts().texts.iter().filter_map(outcome).collect()
}

const BULLETS: &[char] = &[
    '-', '\u{2022}', '*', '\u{2013}', '\u{00b7}', '\u{25aa}', '\u{25e6}', '+',
];
const ROMAN: &[&str] = &["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

fn is_marker_word(w: &str) -> bool {
    (!w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()))
        || (w.len() == 1 && w.bytes().all(|b| b.is_ascii_alphabetic()))
        || ROMAN.contains(&w.to_ascii_lowercase().as_str())
}

/// Where a leading list marker (`1.`, `a)`, `(ii)`, `-`, `•`) ends, in bytes.
fn marker_end(text: &str) -> usize {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    if let Some(inner) = t.strip_prefix('(') {
        return match inner.find(')') {
            Some(close) if is_marker_word(&inner[..close]) => lead + close + 2,
            _ => 0,
        };
    }
    if t.starts_with(BULLETS) {
        return lead + t.chars().next().map_or(0, char::len_utf8);
    }
    let end = t.find(|c: char| !c.is_alphanumeric()).unwrap_or(t.len());
    if is_marker_word(&t[..end]) && t[end..].starts_with(['.', ')']) {
        lead + end + 1
    } else {
        0
    }
}

/// Reads one outcome: marker, stem, and the verb in its slot.
pub fn read(ws: &Words<'_>, lexicon: Option<&Lexicon>) -> OutcomeReading {
    let text = ws.text;
    let marker = marker_end(text);
    let mut first = ws
        .words
        .iter()
        .position(|w| w.start >= marker)
        .unwrap_or(ws.len());
    let mut outcome = OutcomeReading::default();
    let mut verb_last = false;
    if let Some(lex) = lexicon {
        if let Some((_, phrase)) = lex.teacher_centred.at(ws, first) {
            let (start, end) = ws.span(first, first + phrase.len() - 1);
            outcome.finding = Some(VerbFinding::TeacherCentred { start, end });
        }
        verb_last = lex.verb_last;
        if let Some((i, stem, last)) = lex.stem_at(ws, first) {
            first += stem.len();
            verb_last = last;
            outcome.stem = Some(i);
        }
    }
    outcome.words_after_stem = ws.len() - first;
    outcome.statement = ws.words.get(first).map(|w| w.start);
    if let (Some(lex), None) = (lexicon, &outcome.finding) {
        read_verbs(lex, ws, first, verb_last, &mut outcome);
    }
    outcome
}

/// Finds the statement's verb (words `first..`) in its slot: a framework
/// formula, a vague verb, or action verbs (counting those coordinated with it).
fn read_verbs(
    lex: &Lexicon,
    ws: &Words<'_>,
    first: usize,
    verb_last: bool,
    outcome: &mut OutcomeReading,
) {
    let n = ws.len();
    let no_verb = VerbFinding::NoActionVerb {
        first_word: ws.words.get(first).map(|w| (w.start, w.end)),
    };
    if first >= n {
        outcome.finding = Some(no_verb);
        return;
    }
    // Where a phrase of `len` words starts if it fills the slot.
    let slot = |len: usize| {
        if verb_last {
            (n >= first + len).then(|| n - len)
        } else {
            Some(first)
        }
    };
    let fills =
        |phrase: &[String]| slot(phrase.len()).is_some_and(|at| ws.starts_with_at(at, phrase));
    if lex.framework.iter().any(|p| fills(p)) {
        outcome.level = Some(2);
        outcome.coordinated = 1;
        return;
    }
    if let Some(v) = lex.vague.iter().find(|v| fills(&v.words)) {
        let at = slot(v.words.len()).unwrap_or(first);
        let (start, end) = ws.span(at, at + v.words.len() - 1);
        outcome.finding = Some(VerbFinding::Vague {
            start,
            end,
            suggest: v.suggest.clone(),
        });
        return;
    }
    // An action verb starting at `at`: its level and how many words it spans.
    let verb_at = |at: usize| lex.verb(ws, at);
    let found = if verb_last {
        (first..n).rev().take(3).find_map(|at| {
            verb_at(at)
                .filter(|&(_, len)| at + len == n)
                .map(|v| (at, v))
        })
    } else {
        verb_at(first).map(|v| (first, v))
    };
    let Some((at, (level, len))) = found else {
        outcome.finding = Some(no_verb);
        return;
    };
    let (mut lo, mut hi, mut best, mut count) = (at, at + len, level, 1);
    let is_conj = |i: usize| lex.conjunctions.iter().any(|c| c == ws.lower(i));
    if verb_last {
        // Walk back: "berechnen, simulieren und bewerten".
        while lo > first {
            let mut k = lo;
            let mut joined = ws.comma_before(k);
            if k > first && is_conj(k - 1) {
                joined = true;
                k -= 1;
                joined |= ws.comma_before(k);
            }
            let ends_at_k = |s: usize| verb_at(s).filter(|&(_, l)| s + l == k).map(|v| (s, v));
            let previous = if joined && k > first {
                (k.saturating_sub(3).max(first)..k).find_map(ends_at_k)
            } else {
                None
            };
            match previous {
                Some((s, (l, _))) => {
                    lo = s;
                    best = best.max(l);
                    count += 1;
                }
                None => break,
            }
        }
    } else {
        // Walk forward: "analyse, design and evaluate".
        while hi < n {
            let mut k = hi;
            let mut joined = ws.comma_before(k);
            if is_conj(k) {
                joined = true;
                k += 1;
            }
            match if joined && k < n { verb_at(k) } else { None } {
                Some((l, len)) => {
                    hi = k + len;
                    best = best.max(l);
                    count += 1;
                }
                None => break,
            }
        }
    }
    outcome.level = Some(best);
    outcome.coordinated = count;
    outcome.verbs = Some(ws.span(lo, hi - 1));
}

fn outcome_path(o: &Outcome<'_>) -> String {
    pointer(&[Seg::F("learning_outcomes"), Seg::I(o.index)])
}

fn verb_rules_apply(cx: &Context<'_, '_>) -> bool {
    cx.lexicon.is_some()
}

pub const COUNT: Rule = Rule {
    id: "lo.count",
    group: Group::Outcomes,
    applies: Applies::Both,
    summary: "Too few or too many learning outcomes (course 3–8, programme 5–15).",
    source: "ECTS Users' Guide 2015, §3.3 and Annex 5",
    check: count,
};

fn count(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    if cx.doc.learning_outcomes.is_none() {
        return;
    }
    let kind = if cx.kind() == Some(Kind::Programme) {
        "programme"
    } else {
        "course"
    };
    let (min, max) = (out.num(&[kind, "min"]), out.num(&[kind, "max"]));
    let n = cx.doc.outcome_count as f64;
    let key = if n < min {
        "lo.count.few"
    } else if n > max {
        "lo.count.many"
    } else {
        return;
    };
    let message = out.message(
        key,
        &[
            ("count", &number(n)),
            ("min", &number(min)),
            ("max", &number(max)),
            ("kind", kind),
        ],
    );
    out.emit("/learning_outcomes".into(), message);
}

pub const VAGUE_VERB: Rule = Rule {
    id: "lo.vague-verb",
    group: Group::Outcomes,
    applies: Applies::Both,
    summary: "The outcome's verb (know, understand, …) cannot be observed or assessed.",
    source: "ECTS Users' Guide 2015, §3.3; Bloom (Anderson & Krathwohl 2001)",
    check: vague_verb,
};

fn vague_verb(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for o in cx.outcomes() {
        let Some(VerbFinding::Vague {
            start,
            end,
            suggest,
        }) = &o.read.finding
        else {
            continue;
        };
        let verb = o.text.get(*start..*end).unwrap_or_default();
        let examples: Vec<String> = suggest.iter().take(2).map(|s| quote(s)).collect();
        let examples: Vec<&str> = examples.iter().map(String::as_str).collect();
        let message = out.message(
            "lo.vague-verb",
            &[("verb", &quote(verb)), ("examples", &list(&examples, "or"))],
        );
        let span = Span::from_bytes(o.text, *start, *end);
        out.push(
            out.severity,
            outcome_path(o),
            Some(span),
            message,
            suggest.clone(),
        );
    }
}

pub const NO_ACTION_VERB: Rule = Rule {
    id: "lo.no-action-verb",
    group: Group::Outcomes,
    applies: Applies::Both,
    summary: "No observable action verb where the outcome's statement should have it.",
    source: "ECTS Users' Guide 2015, §3.3; Bloom (Anderson & Krathwohl 2001)",
    check: no_action_verb,
};

fn no_action_verb(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let last = cx.lexicon.is_some_and(|l| l.verb_last);
    for o in cx.outcomes() {
        let Some(VerbFinding::NoActionVerb { first_word }) = &o.read.finding else {
            continue;
        };
        let key = if last {
            "lo.no-action-verb.last"
        } else {
            "lo.no-action-verb"
        };
        let word = first_word
            .and_then(|(s, e)| o.text.get(s..e))
            .unwrap_or_default();
        let message = out.message(key, &[("word", &quote(word))]);
        let span = first_word.map(|(s, e)| Span::from_bytes(o.text, s, e));
        out.push(out.severity, outcome_path(o), span, message, Vec::new());
    }
}

pub const TEACHER_CENTRED: Rule = Rule {
    id: "lo.teacher-centred",
    group: Group::Outcomes,
    applies: Applies::Both,
    summary: "The outcome describes the teaching, not what the student can do.",
    source: "ECTS Users' Guide 2015, §3.3 (outcomes are about the learner)",
    check: teacher_centred,
};

fn teacher_centred(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for o in cx.outcomes() {
        let Some(VerbFinding::TeacherCentred { start, end }) = o.read.finding else {
            continue;
        };
        let phrase = o.text.get(start..end).unwrap_or_default();
        let message = out.message("lo.teacher-centred", &[("phrase", &quote(phrase))]);
        out.emit_span(
            outcome_path(o),
            Span::from_bytes(o.text, start, end),
            message,
        );
    }
}

pub const MULTIPLE_VERBS: Rule = Rule {
    id: "lo.multiple-verbs",
    group: Group::Outcomes,
    applies: Applies::Both,
    summary: "Three or more action verbs coordinated in one outcome: split it.",
    source: "ECTS Users' Guide 2015, §3.3 (one outcome, one assessable statement)",
    check: multiple_verbs,
};

fn multiple_verbs(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let min = out.num(&["min"]);
    for o in cx.outcomes() {
        let (Some((start, end)), true) = (o.read.verbs, o.read.coordinated as f64 >= min) else {
            continue;
        };
        let message = out.message(
            "lo.multiple-verbs",
            &[("count", &o.read.coordinated.to_string())],
        );
        out.emit_span(
            outcome_path(o),
            Span::from_bytes(o.text, start, end),
            message,
        );
    }
}

pub const TOO_SHORT: Rule = Rule {
    id: "lo.too-short",
    group: Group::Outcomes,
    applies: Applies::Both,
    summary: "Fewer than 5 words after the stem: the outcome names no object or context.",
    source: "ECTS Users' Guide 2015, §3.3 (verb, object, context)",
    check: too_short,
};

fn too_short(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let min = out.num(&["min_words"]);
    for o in cx.outcomes() {
        if o.read.words_after_stem as f64 >= min {
            continue;
        }
        let message = out.message(
            "lo.too-short",
            &[
                ("count", &o.read.words_after_stem.to_string()),
                ("min", &number(min)),
            ],
        );
        out.emit(outcome_path(o), message);
    }
}

pub const TOO_LONG: Rule = Rule {
    id: "lo.too-long",
    group: Group::Outcomes,
    applies: Applies::Both,
    summary: "More than 40 words after the stem.",
    source: "ECTS Users' Guide 2015, §3.3",
    check: too_long,
};

fn too_long(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let max = out.num(&["max_words"]);
    for o in cx.outcomes() {
        if o.read.words_after_stem as f64 <= max {
            continue;
        }
        let message = out.message(
            "lo.too-long",
            &[
                ("count", &o.read.words_after_stem.to_string()),
                ("max", &number(max)),
            ],
        );
        out.emit(outcome_path(o), message);
    }
}

pub const DUPLICATE: Rule = Rule {
    id: "lo.duplicate",
    group: Group::Outcomes,
    applies: Applies::Both,
    summary: "Two outcomes say the same once marker, stem, case and punctuation are set aside.",
    source: "ECTS Users' Guide 2015, §3.3",
    check: duplicate,
};

fn duplicate(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let all = cx.outcomes();
    for (n, o) in all.iter().enumerate() {
        // Only outcomes with as many words can be the same; compare their text then.
        let same = |e: &&Outcome<'_>| {
            e.read.words_after_stem == o.read.words_after_stem && e.normalised() == o.normalised()
        };
        let Some(earlier) = all[..n]
            .iter()
            .filter(|_| o.read.statement.is_some())
            .find(same)
        else {
            continue;
        };
        let message = out.message(
            "lo.duplicate",
            &[("number", &(earlier.index + 1).to_string())],
        );
        out.emit(outcome_path(o), message);
    }
}

pub const REPEATED_STEM: Rule = Rule {
    id: "lo.repeated-stem",
    group: Group::Outcomes,
    applies: Applies::Both,
    summary: "Every outcome repeats the same stem: state it once as the list's heading.",
    source: "ECTS Users' Guide 2015, Annex 5 (writing outcomes)",
    check: repeated_stem,
};

fn repeated_stem(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let all = cx.outcomes();
    let Some(stem) = all.first().and_then(|o| o.read.stem) else {
        return;
    };
    if all.len() < 2 || !all.iter().all(|o| o.read.stem == Some(stem)) {
        return;
    }
    let words = cx
        .lexicon
        .and_then(|l| l.stems.get(stem))
        .map(|s| s.join(" "))
        .unwrap_or_default();
    let message = out.message("lo.repeated-stem", &[("stem", &quote(&words))]);
    out.emit("/learning_outcomes".into(), message);
}

pub const LEVEL_TOO_LOW: Rule = Rule {
    id: "lo.level-too-low",
    group: Group::Outcomes,
    applies: Applies::Both,
    summary: "The highest Bloom level of the outcomes is below what the EQF level expects.",
    source:
        "EQF level descriptors; Dublin descriptors (QF-EHEA); Bloom (Anderson & Krathwohl 2001)",
    check: level_too_low,
};

fn level_too_low(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(eqf) = cx
        .doc
        .eqf_level
        .filter(|l| l.fract() == 0.0 && (1.0..=99.0).contains(l))
    else {
        return;
    };
    let expected = out.num(&["expected", &number(eqf)]);
    let Some(highest) = cx.outcomes().iter().filter_map(|o| o.read.level).max() else {
        return;
    };
    if expected.is_nan() || f64::from(highest) >= expected {
        return;
    }
    let name = |level: f64| out.message(&format!("bloom.{}", number(level)), &[]);
    let message = out.message(
        "lo.level-too-low",
        &[
            ("highest", &name(f64::from(highest))),
            ("highest_level", &highest.to_string()),
            ("eqf", &number(eqf)),
            ("expected", &name(expected)),
            ("expected_level", &number(expected)),
        ],
    );
    out.emit("/learning_outcomes".into(), message);
}

pub const LANGUAGE_UNSUPPORTED: Rule = Rule {
    id: "lo.language-unsupported",
    group: Group::Outcomes,
    applies: Applies::Both,
    summary: "No lexicon for the document's language, so the verb rules were skipped.",
    source: "enhance-qa lexicons",
    check: language_unsupported,
};

fn language_unsupported(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(language) = cx.doc.language else {
        return;
    };
    if verb_rules_apply(cx) || !cx.codes.is_language(language) {
        return;
    }
    let names: Vec<&str> = cx.languages.list.iter().map(|l| l.code.as_str()).collect();
    let message = out.message(
        "lo.language-unsupported",
        &[
            ("language", &quote(language)),
            ("supported", &names.join(", ")),
        ],
    );
    out.emit("/language".into(), message);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon;

    fn en() -> Option<Lexicon> {
        lexicon::load_all().into_iter().find(|l| l.language == "en")
    }

    #[test]
    fn reads_marker_stem_and_coordinated_verbs() {
        let lex = en();
        let text = "1. Students will be able to analyse, design and evaluate heat pumps.";
        let o = read(&Words::new(text), lex.as_ref());
        let stem = o
            .stem
            .and_then(|i| lex.as_ref()?.stems.get(i))
            .map(|s| s.join(" "));
        assert_eq!(stem.as_deref(), Some("students will be able to"));
        assert_eq!(
            (o.coordinated, o.level, o.words_after_stem),
            (3, Some(6), 6)
        );
        let whole = Outcome {
            index: 0,
            text,
            read: o,
        };
        assert_eq!(
            whole.normalised().as_deref(),
            Some("analyse, design and evaluate heat pumps")
        );
    }

    #[test]
    fn a_noun_is_not_a_vague_verb() {
        let lex = en();
        let o = read(
            &Words::new("Demonstrate understanding of heat transfer in buildings."),
            lex.as_ref(),
        );
        assert_eq!(o.finding, None);
        let o = read(
            &Words::new("Understanding of heat transfer in buildings."),
            lex.as_ref(),
        );
        assert!(matches!(o.finding, Some(VerbFinding::NoActionVerb { .. })));
    }
}
