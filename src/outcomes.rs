//! Learning-outcome rules (`lo.*`) and the reading of an outcome they share.
//!
//! An outcome is read as: optional list marker, optional stem ("Students will
//! be able to"), then the statement, whose verb stands first or — after a
//! German modal stem, or in a German bare phrase — last. Everything about a
//! language comes from its lexicon.

use crate::document::{pointer, Document, Kind, Seg};
use crate::lexicon::Lexicon;
use crate::messages::{list, number, quote};
use crate::registry::{Applies, Context, Group, Out, Rule};
use crate::report::Span;
use crate::words::{self, Token};

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

/// One learning outcome as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Its index in `learning_outcomes`.
    pub index: usize,
    pub text: String,
    pub finding: Option<VerbFinding>,
    /// Bloom level of the statement's verb (the highest of coordinated verbs).
    pub level: Option<u8>,
    /// Action verbs coordinated in the verb slot, and the byte range they cover.
    pub coordinated: usize,
    pub verbs: Option<(usize, usize)>,
    pub words_after_stem: usize,
    /// The stem's words, when one opened the outcome.
    pub stem: Option<String>,
    /// The statement without marker, stem and final punctuation, lower-case,
    /// white space collapsed: what `lo.duplicate` compares.
    pub normalised: String,
}

/// Reads every outcome of the document with the lexicon of its language.
pub fn analyse(doc: &Document<'_>, lexicon: Option<&Lexicon>) -> Vec<Outcome> {
    doc.learning_outcomes
        .iter()
        .flatten()
        .map(|&(index, text)| read(index, text, lexicon))
        .collect()
}

const BULLETS: &[&str] = &[
    "-", "\u{2022}", "*", "\u{2013}", "\u{00b7}", "\u{25aa}", "\u{25e6}", "+",
];
const ROMAN: &[&str] = &["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

fn is_marker_word(w: &str) -> bool {
    (w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()))
        || (w.len() == 1 && w.bytes().all(|b| b.is_ascii_alphabetic()))
        || ROMAN.contains(&w.to_ascii_lowercase().as_str())
}

/// How many leading tokens form a list marker (`1.`, `a)`, `(ii)`, `-`, `•`).
fn marker_len(text: &str, toks: &[Token]) -> usize {
    let t = |i: usize| toks.get(i).map(|t| (t.text(text), t.is_word));
    match (t(0), t(1), t(2)) {
        (Some((p, false)), _, _) if BULLETS.contains(&p) => 1,
        (Some((w, true)), Some((p, false)), _) if is_marker_word(w) && (p == "." || p == ")") => 2,
        (Some(("(", false)), Some((w, true)), Some((")", false))) if is_marker_word(w) => 3,
        _ => 0,
    }
}

struct Word {
    start: usize,
    end: usize,
    lower: String,
    /// A comma or semicolon stands between this word and the one before.
    comma_before: bool,
}

fn matches_at(words: &[Word], at: usize, phrase: &[String]) -> bool {
    !phrase.is_empty()
        && words.len() >= at + phrase.len()
        && words[at..at + phrase.len()]
            .iter()
            .zip(phrase)
            .all(|(w, p)| w.lower == *p)
}

fn read(index: usize, text: &str, lexicon: Option<&Lexicon>) -> Outcome {
    let toks = words::tokens(text);
    let skip = marker_len(text, &toks);
    let mut ws: Vec<Word> = Vec::with_capacity(toks.len());
    let mut comma = false;
    for tok in &toks[skip.min(toks.len())..] {
        if tok.is_word {
            let lower = tok.text(text).to_lowercase();
            ws.push(Word {
                start: tok.start,
                end: tok.end,
                lower,
                comma_before: comma,
            });
            comma = false;
        } else {
            comma |= matches!(tok.text(text), "," | ";");
        }
    }
    let statement_end = text
        .trim_end_matches(|c: char| c.is_whitespace() || ".;:!?".contains(c))
        .len();
    let mut outcome = Outcome {
        index,
        text: text.to_string(),
        finding: None,
        level: None,
        coordinated: 0,
        verbs: None,
        words_after_stem: ws.len(),
        stem: None,
        normalised: String::new(),
    };
    let mut first = 0;
    let mut verb_last = false;
    if let Some(lex) = lexicon {
        if let Some(phrase) = lex.teacher_centred.iter().find(|p| matches_at(&ws, 0, p)) {
            let (start, end) = (ws[0].start, ws[phrase.len() - 1].end);
            outcome.finding = Some(VerbFinding::TeacherCentred { start, end });
        }
        verb_last = lex.verb_last;
        if let Some(stem) = lex.stems.iter().find(|s| matches_at(&ws, 0, &s.words)) {
            first = stem.words.len();
            verb_last = stem.verb_last;
            outcome.stem = Some(stem.words.join(" "));
        }
    }
    let statement = &ws[first..];
    outcome.words_after_stem = statement.len();
    if let Some(w) = statement.first() {
        let end = statement_end.max(w.start);
        outcome.normalised = text[w.start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
    }
    if let (Some(lex), None) = (lexicon, &outcome.finding) {
        read_verbs(lex, statement, verb_last, &mut outcome);
    }
    outcome
}

/// Finds the statement's verb in its slot: a framework formula, a vague
/// verb, or action verbs (counting those coordinated with it).
fn read_verbs(lex: &Lexicon, ws: &[Word], verb_last: bool, outcome: &mut Outcome) {
    let n = ws.len();
    let no_verb = VerbFinding::NoActionVerb {
        first_word: ws.first().map(|w| (w.start, w.end)),
    };
    if n == 0 {
        outcome.finding = Some(no_verb);
        return;
    }
    // Where a phrase of `len` words starts if it fills the slot.
    let slot = |len: usize| {
        if verb_last {
            (n >= len).then(|| n - len)
        } else {
            Some(0)
        }
    };
    let fills = |phrase: &[String]| slot(phrase.len()).is_some_and(|at| matches_at(ws, at, phrase));
    if lex.framework.iter().any(|p| fills(p)) {
        outcome.level = Some(2);
        outcome.coordinated = 1;
        return;
    }
    if let Some(v) = lex.vague.iter().find(|v| fills(&v.words)) {
        let at = slot(v.words.len()).unwrap_or(0);
        let (start, end) = (ws[at].start, ws[at + v.words.len() - 1].end);
        outcome.finding = Some(VerbFinding::Vague {
            start,
            end,
            suggest: v.suggest.clone(),
        });
        return;
    }
    let lowers: Vec<&str> = ws.iter().map(|w| w.lower.as_str()).collect();
    // An action verb of `len` words starting at `at`.
    let verb_at = |at: usize| lex.verb(lowers[at], &lowers[at + 1..]);
    let first = if verb_last {
        (0..n).rev().take(3).find_map(|at| {
            verb_at(at)
                .filter(|&(_, len)| at + len == n)
                .map(|v| (at, v))
        })
    } else {
        verb_at(0).map(|v| (0, v))
    };
    let Some((at, (level, len))) = first else {
        outcome.finding = Some(no_verb);
        return;
    };
    let (mut lo, mut hi, mut best, mut count) = (at, at + len, level, 1);
    let is_conj = |w: &Word| lex.conjunctions.contains(&w.lower);
    if verb_last {
        // Walk back: "berechnen, simulieren und bewerten".
        while lo > 0 {
            let mut k = lo;
            let mut joined = ws[k].comma_before;
            if k > 0 && is_conj(&ws[k - 1]) {
                joined = true;
                k -= 1;
                joined |= ws[k].comma_before;
            }
            let found = (k > 0 && joined)
                .then(|| {
                    (k.saturating_sub(3)..k)
                        .find_map(|s| verb_at(s).filter(|&(_, l)| s + l == k).map(|v| (s, v)))
                })
                .flatten();
            match found {
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
            let mut joined = ws[k].comma_before;
            if is_conj(&ws[k]) {
                joined = true;
                k += 1;
            }
            let found = (joined && k < n).then(|| verb_at(k)).flatten();
            match found {
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
    outcome.verbs = Some((ws[lo].start, ws[hi - 1].end));
}

fn outcome_path(o: &Outcome) -> String {
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
        }) = &o.finding
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
        let span = Span::from_bytes(&o.text, *start, *end);
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
        let Some(VerbFinding::NoActionVerb { first_word }) = &o.finding else {
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
        let span = first_word.map(|(s, e)| Span::from_bytes(&o.text, s, e));
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
        let Some(VerbFinding::TeacherCentred { start, end }) = o.finding else {
            continue;
        };
        let phrase = o.text.get(start..end).unwrap_or_default();
        let message = out.message("lo.teacher-centred", &[("phrase", &quote(phrase))]);
        out.push(
            out.severity,
            outcome_path(o),
            Some(Span::from_bytes(&o.text, start, end)),
            message,
            Vec::new(),
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
        let (Some((start, end)), true) = (o.verbs, o.coordinated as f64 >= min) else {
            continue;
        };
        let message = out.message(
            "lo.multiple-verbs",
            &[("count", &o.coordinated.to_string())],
        );
        out.push(
            out.severity,
            outcome_path(o),
            Some(Span::from_bytes(&o.text, start, end)),
            message,
            Vec::new(),
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
        if o.words_after_stem as f64 >= min {
            continue;
        }
        let message = out.message(
            "lo.too-short",
            &[
                ("count", &o.words_after_stem.to_string()),
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
        if o.words_after_stem as f64 <= max {
            continue;
        }
        let message = out.message(
            "lo.too-long",
            &[
                ("count", &o.words_after_stem.to_string()),
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
        if o.normalised.is_empty() {
            continue;
        }
        let Some(earlier) = all[..n].iter().find(|e| e.normalised == o.normalised) else {
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
    let Some(Some(stem)) = all.first().map(|o| o.stem.as_ref()) else {
        return;
    };
    if all.len() < 2 || !all.iter().all(|o| o.stem.as_ref() == Some(stem)) {
        return;
    }
    let message = out.message("lo.repeated-stem", &[("stem", &quote(stem))]);
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
    let Some(highest) = cx.outcomes().iter().filter_map(|o| o.level).max() else {
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
    let names: Vec<&str> = cx
        .languages
        .lexicons
        .iter()
        .map(|l| l.language.as_str())
        .collect();
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
        let o = read(
            0,
            "1. Students will be able to analyse, design and evaluate heat pumps.",
            lex.as_ref(),
        );
        assert_eq!(o.stem.as_deref(), Some("students will be able to"));
        assert_eq!(
            (o.coordinated, o.level, o.words_after_stem),
            (3, Some(6), 6)
        );
        assert_eq!(o.normalised, "analyse, design and evaluate heat pumps");
    }

    #[test]
    fn a_noun_is_not_a_vague_verb() {
        let lex = en();
        let o = read(
            0,
            "Demonstrate understanding of heat transfer in buildings.",
            lex.as_ref(),
        );
        assert_eq!(o.finding, None);
        let o = read(
            0,
            "Understanding of heat transfer in buildings.",
            lex.as_ref(),
        );
        assert!(matches!(o.finding, Some(VerbFinding::NoActionVerb { .. })));
    }
}
