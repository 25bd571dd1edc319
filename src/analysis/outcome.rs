//! The reading of one learning outcome.
//!
//! An outcome is read as: optional list marker, optional stem ("Students will
//! be able to"), then the statement, whose verb stands first or — after a
//! German modal stem, or in a German bare phrase — last. Everything about a
//! language comes from its lexicon.

use super::lexicon::Lexicon;
use super::words::Words;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon;

    fn en() -> Option<Lexicon> {
        let en = lexicon::load_all().into_iter().find(|l| l.language == "en");
        assert!(en.is_some(), "the English lexicon is built in");
        en
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
