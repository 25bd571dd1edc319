//! The reading of one learning outcome.
//!
//! An outcome is read as: list markers, codes and tags; category labels;
//! openers (clauses of time, subjects, modal and ability phrases) — the stem;
//! adverbs; then the statement, whose verb stands first or, in German, also
//! last. Every verb of it is read: where the slot holds no known verb, any
//! verb elsewhere keeps the reading silent. Everything about a language
//! comes from its lexicon.

use super::lexicon::Lexicon;
use super::reading::Reading;
use super::words::Words;
use std::rc::Rc;

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
    /// The stem that opened the outcome (subject, modal phrase, clause of
    /// time), as a byte range.
    pub stem: Option<(usize, usize)>,
    /// Where the statement (after marker and stem) starts, in bytes.
    pub statement: Option<usize>,
    /// The statement without marker, stem and final punctuation, lower-case,
    /// white space collapsed: what `lo.duplicate` compares (read once, kept
    /// with the reading).
    pub normalised: Option<String>,
}

/// One learning outcome of the document, as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<'v> {
    /// Its index in `learning_outcomes`.
    pub index: usize,
    pub text: &'v str,
    /// The text's reading, shared with the text rules (and the memo), not copied.
    pub reading: Rc<Reading>,
    /// The outcome holds a placeholder ("TBD"): `text.placeholder` says so.
    pub placeholder: bool,
}

/// The reading of a text that is not read as an outcome.
static UNREAD: OutcomeReading = OutcomeReading {
    finding: None,
    level: None,
    coordinated: 0,
    verbs: None,
    words_after_stem: 0,
    stem: None,
    statement: None,
    normalised: None,
};

impl Outcome<'_> {
    /// What was read of the outcome.
    pub fn read(&self) -> &OutcomeReading {
        self.reading.outcome.as_ref().unwrap_or(&UNREAD)
    }

    /// The statement as `lo.duplicate` compares it (see [`OutcomeReading::normalised`]).
    pub fn normalised(&self) -> Option<&str> {
        self.read().normalised.as_deref()
    }
}

/// The statement from `start` on without final punctuation, lower-case,
/// white space collapsed.
fn normalise(text: &str, start: usize) -> Option<String> {
    let end = text
        .trim_end_matches(|c: char| c.is_whitespace() || ".;:!?".contains(c))
        .len();
    let body = text.get(start..end.max(start))?;
    let mut joined = String::with_capacity(body.len());
    for word in body.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    Some(joined.to_lowercase())
}

const ROMAN: &[&str] = &["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

fn is_marker_word(w: &str) -> bool {
    (!w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()))
        || (w.len() == 1 && w.bytes().all(|b| b.is_ascii_alphabetic()))
        || ROMAN.contains(&w.to_ascii_lowercase().as_str())
}

/// A catalogue's code for an outcome or a competence ("CB01", "G5.1", "K_W01",
/// "EK1", "1.2"): letters, digits and inner `._-`, with at least one digit.
fn is_code(w: &str) -> bool {
    w.len() <= 12
        && w.bytes().any(|b| b.is_ascii_digit())
        && w.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
        && w.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
}

/// Whether `gap` (the text between two words) holds one of `marks`.
fn holds(gap: &str, marks: &[u8]) -> bool {
    gap.bytes().any(|b| marks.contains(&b))
}

/// Whether the text after a word closes it as a marker or label: `.`, `)`,
/// `:`, `-`, `[`, `_` or a dash (`–`, whose first byte starts the general
/// punctuation) first.
fn closes(gap: &str) -> bool {
    let first = gap.trim_start_matches(' ').bytes().next();
    first.is_some_and(|b| b".):-[_\xe2".contains(&b))
}

/// The first word from `at` on past the list markers, codes and tags that
/// lead an outcome (`1.`, `a)`, `(ii)`, `CB01.`, `G5.1 -`, `G5 [Avaluable] -`):
/// a marker or code closed by punctuation, or a word in brackets.
fn past_markers(ws: &Words<'_>, mut at: usize) -> usize {
    let mut tag = false;
    while at < ws.len() {
        let (before, after) = (ws.gap(at), ws.gap(at + 1));
        let word = ws.text(at);
        if tag || holds(before, b"[") {
            tag = !holds(after, b"]");
        } else if !((is_marker_word(word) || is_code(word)) && (closes(after) || before == ".")) {
            return at;
        }
        at += 1;
    }
    at
}

/// Reads one outcome: markers and labels, the openers in front of the verb
/// (clauses of time, subjects, modal phrases, adverbs), then every verb.
pub fn read(ws: &Words<'_>, lexicon: Option<&Lexicon>) -> OutcomeReading {
    let mut outcome = read_parts(ws, lexicon);
    outcome.normalised = outcome
        .statement
        .and_then(|start| normalise(ws.text, start));
    outcome
}

/// Marker, stem, statement and verb of the outcome.
fn read_parts(ws: &Words<'_>, lexicon: Option<&Lexicon>) -> OutcomeReading {
    let n = ws.len();
    let mut first = past_markers(ws, 0);
    let opening = first;
    let mut outcome = OutcomeReading::default();
    let Some(lex) = lexicon else {
        outcome.words_after_stem = n - first;
        outcome.statement = ws.words.get(first).map(|w| w.start);
        return outcome;
    };
    let mut stem_from = None;
    loop {
        if outcome.finding.is_none() {
            if let Some((_, phrase)) = lex.teacher_centred.at(ws, first) {
                let end = first + phrase.len();
                // "The aim is that the student …" puts the student first after all.
                let student_next = (end..n.min(end + 6))
                    .any(|k| lex.is_that(ws.lower(k)) && lex.subjects.at(ws, k + 1).is_some());
                if !student_next {
                    let (start, end) = ws.span(first, end - 1);
                    outcome.finding = Some(VerbFinding::TeacherCentred { start, end });
                }
            }
        }
        if let Some((_, label)) = lex.labels.at(ws, first) {
            // A label only when punctuation closes it: "Kunnskap:", "Wiedza -".
            if closes(ws.gap(first + label.len())) {
                first = past_markers(ws, first + label.len());
                stem_from = None;
                continue;
            }
        }
        if lex.clauses.at(ws, first).is_some() {
            // A clause of time or condition runs to its comma or to the subject.
            // It is a clause only if what follows reads as an outcome's start.
            let starts = |k: usize| {
                lex.openers.at(ws, k).is_some()
                    || lex.verb(ws, k).is_some()
                    || lex.vague_at(ws, k).is_some()
                    || lex.framework.at(ws, k).is_some()
            };
            let end = (first + 1..n.min(first + 16))
                .find(|&k| ws.comma_before(k) || lex.subjects.at(ws, k).is_some())
                .filter(|&k| starts(k));
            if let Some(k) = end {
                stem_from.get_or_insert(first);
                first = k;
                continue;
            }
        }
        if let Some((_, opener)) = lex.openers.at(ws, first) {
            // "Kandidaten kan hovudtrekk …": `kan` is the verb here, not a modal.
            let longer = |end: usize| end > first + opener.len();
            if lex.vague_at(ws, first).is_some_and(|(e, _)| longer(e))
                || lex
                    .framework
                    .at(ws, first)
                    .is_some_and(|(_, p)| longer(first + p.len()))
            {
                break;
            }
            stem_from.get_or_insert(first);
            first += opener.len();
            continue;
        }
        break;
    }
    outcome.stem = stem_from.map(|s| ws.span(s, first - 1));
    outcome.words_after_stem = n - first;
    outcome.statement = ws.words.get(first).map(|w| w.start);
    let mut verb_at = first;
    while verb_at < n && lex.is_adverb(ws.lower(verb_at)) {
        verb_at += 1;
    }
    let teacher = outcome.finding.take();
    read_verbs(lex, ws, (opening, verb_at), &mut outcome);
    if teacher.is_some() {
        outcome.finding = teacher;
    }
    outcome
}

/// Where the statement's last verb may end: before trailing codes ("(K2,
/// K4)") and the words a verb-last language puts after it ("können").
fn verb_end(lex: &Lexicon, ws: &Words<'_>, first: usize) -> usize {
    let mut end = ws.len();
    while end > first + 1 {
        let word = ws.lower(end - 1);
        if is_code(word) || lex.is_tail(word) {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

/// The verb at `at` and those joined to it in the same sentence, each maybe
/// with its own object ("analyse, design and evaluate", "list …, explain …
/// and compare …"): where they end, their highest level and their count.
fn verb_phrases(lex: &Lexicon, ws: &Words<'_>, at: usize) -> Option<(usize, u8, usize)> {
    let (level, len) = lex.verb(ws, at)?;
    let (mut hi, mut best, mut count) = (at + len, level, 1);
    while let Some((level, len, k)) = joined_verb(lex, ws, hi, false)
        .and_then(|k| Some((lex.verb(ws, k)?, k)).map(|((l, n), k)| (l, n, k)))
    {
        hi = k + len;
        best = best.max(level);
        count += 1;
    }
    Some((hi, best, count))
}

/// The same walking back from a verb that ends the statement ("berechnen,
/// simulieren und bewerten").
fn coordinated_back(
    lex: &Lexicon,
    ws: &Words<'_>,
    first: usize,
    lo: usize,
    level: u8,
) -> (usize, u8, usize) {
    let (mut lo, mut best, mut count) = (lo, level, 1);
    while lo > first {
        let mut k = lo;
        // "erkennen, formal beschreiben": an adverb belongs to its verb.
        while k > first + 1 && lex.is_adverb(ws.lower(k - 1)) {
            k -= 1;
        }
        let mut joined = ws.comma_before(k);
        if k > first && lex.is_conjunction(ws.lower(k - 1)) {
            joined = true;
            k -= 1;
            joined |= ws.comma_before(k);
        }
        let ends_at_k = |s: usize| lex.verb(ws, s).filter(|&(_, l)| s + l == k).map(|v| (s, v));
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
    (lo, best, count)
}

/// The next action verb joined to the words before `from` in the same
/// sentence: after "and" or a comma, maybe past an adverb or a modal ("…
/// and can apply", "…, ser capaz de ajustar", "…, they can interpret").
/// `strict` (after a vague verb) takes a bare verb only right after it, as
/// one further on may belong to a list of objects ("terms, relationships
/// and operating principles"); otherwise a verb or modal not joined to the
/// others opens a clause of its own and ends the search.
fn joined_verb(lex: &Lexicon, ws: &Words<'_>, from: usize, strict: bool) -> Option<usize> {
    let n = ws.len();
    let mut j = from;
    while j < n && !(j > 0 && ws.words.get(j - 1).is_some_and(|w| w.ends_sentence)) {
        // A colon opens a list of the object's parts, not more verbs.
        if !strict && holds(ws.gap(j), b":") {
            return None;
        }
        let joined = lex.is_conjunction(ws.lower(j)) || ws.comma_before(j);
        if !joined {
            // A verb or a modal not joined to the others opens a clause of
            // its own ("… to acquire … and perform", "… established knowledge").
            if !strict && (lex.verb(ws, j).is_some() || lex.openers.at(ws, j).is_some()) {
                return None;
            }
            j += 1;
            continue;
        }
        let (mut k, mut bare) = (j, true);
        loop {
            if lex.is_conjunction(ws.lower(k)) || lex.is_adverb(ws.lower(k)) {
                k += 1;
            } else if let Some((_, p)) = lex.openers.at(ws, k) {
                k += p.len();
                bare = false;
            } else {
                break;
            }
        }
        if k < n && lex.verb(ws, k).is_some() {
            // A bare participle after "and" modifies the object ("common
            // and separating properties").
            let participle = bare
                && lex
                    .participles
                    .iter()
                    .any(|e| ws.lower(k).ends_with(e.as_str()));
            if !(participle || strict && bare && j != from) {
                return Some(k);
            }
        }
        j = k.max(j + 1);
    }
    None
}

/// Judges the statement's verbs (words `first..`): the verb in its slot —
/// first, or for a verb-last language also last — then anywhere. A vague verb
/// coordinated with an observable one is judged by the observable one; with
/// no known verb in the slot, any verb elsewhere keeps the reading silent.
fn read_verbs(
    lex: &Lexicon,
    ws: &Words<'_>,
    (opening, first): (usize, usize),
    outcome: &mut OutcomeReading,
) {
    let n = ws.len();
    if first >= n {
        outcome.finding = Some(VerbFinding::NoActionVerb { first_word: None });
        return;
    }
    if lex.framework.at(ws, first).is_some() {
        outcome.level = Some(2);
        outcome.coordinated = 1;
        return;
    }
    if let Some((hi, best, count)) = verb_phrases(lex, ws, first) {
        outcome.level = Some(best);
        outcome.coordinated = count;
        outcome.verbs = Some(ws.span(first, hi - 1));
        return;
    }
    let end = verb_end(lex, ws, first);
    if lex.verb_last {
        let last = (first..end).rev().take(3).find_map(|at| {
            lex.verb(ws, at)
                .filter(|&(_, len)| at + len == end)
                .map(|v| (at, v))
        });
        if let Some((at, (level, _))) = last {
            let (lo, best, count) = coordinated_back(lex, ws, first, at, level);
            outcome.level = Some(best);
            outcome.coordinated = count;
            outcome.verbs = Some(ws.span(lo, end - 1));
            return;
        }
    }
    // A vague verb in the slot, unless an observable verb is joined to it
    // ("understands and can apply", "Comprendere e definire").
    let vague_last = || {
        (first..end).rev().take(10).find_map(|s| {
            lex.vague_at(ws, s)
                .filter(|&(e, _)| e == end)
                .map(|(e, v)| (s, e, v))
        })
    };
    let slot = lex
        .vague_at(ws, first)
        .map(|(e, v)| (first, e, v))
        .or_else(|| if lex.verb_last { vague_last() } else { None });
    if let Some(k) = slot.and_then(|(_, e, _)| joined_verb(lex, ws, e, true)) {
        if let Some((hi, best, count)) = verb_phrases(lex, ws, k) {
            outcome.level = Some(best);
            outcome.coordinated = count;
            outcome.verbs = Some(ws.span(k, hi - 1));
            return;
        }
    }
    // Everything else the statement holds: its best action verb, its first
    // vague phrase, a framework formula.
    let mut active = None;
    let mut vague_any = None;
    let mut framework = false;
    // From the opening on: a clause may hold the verb ("Etter fullført emne
    // har kandidaten inngående kunnskap om …").
    let mut k = opening;
    while k < n {
        if let Some((level, len)) = lex.verb(ws, k) {
            active = Some(active.map_or(level, |a: u8| a.max(level)));
            k += len;
        } else if let Some((e, v)) = lex.vague_at(ws, k) {
            vague_any.get_or_insert((k, e, v));
            k = e;
        } else {
            framework |= lex.framework.at(ws, k).is_some();
            k += 1;
        }
    }
    if slot.is_none() {
        // A verb out of its slot keeps the reading silent but gives no level:
        // it may be a noun ("circuit models").
        if active.is_some() {
            return;
        }
        if framework {
            outcome.level = Some(2);
            outcome.coordinated = 1;
            return;
        }
    }
    let found = slot.or(vague_any);
    outcome.finding = Some(match found {
        Some((s, e, v)) => {
            let (start, end) = ws.span(s, e - 1);
            VerbFinding::Vague {
                start,
                end,
                suggest: v.to_vec(),
            }
        }
        None => VerbFinding::NoActionVerb {
            first_word: ws.words.get(first).map(|w| (w.start, w.end)),
        },
    });
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
        assert_eq!(
            o.stem.map(|(s, e)| &text[s..e]),
            Some("Students will be able to")
        );
        assert_eq!(
            (o.coordinated, o.level, o.words_after_stem),
            (3, Some(6), 6)
        );
        let whole = Outcome {
            index: 0,
            text,
            reading: Rc::new(Reading {
                outcome: Some(o),
                ..Reading::default()
            }),
            placeholder: false,
        };
        assert_eq!(
            whole.normalised(),
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
            &Words::new("Understanding of thermal properties in buildings."),
            lex.as_ref(),
        );
        assert!(matches!(o.finding, Some(VerbFinding::NoActionVerb { .. })));
    }

    fn lexicon(code: &str) -> Lexicon {
        let lex = lexicon::load_all().into_iter().find(|l| l.language == code);
        lex.unwrap_or_else(|| panic!("the {code} lexicon is built in"))
    }

    fn finding(code: &str, text: &str) -> Option<VerbFinding> {
        read(&Words::new(text), Some(&lexicon(code))).finding
    }

    #[test]
    fn reads_past_clauses_subjects_modals_and_adverbs() {
        let lex = lexicon("en");
        let text = "After the course, students are expected to critically evaluate heat pumps.";
        let o = read(&Words::new(text), Some(&lex));
        assert_eq!(o.finding, None);
        assert_eq!(o.level, Some(5));
        assert_eq!(
            o.stem.map(|(s, e)| &text[s..e]),
            Some("After the course, students are expected to")
        );
        let text = "CB04. Students can communicate information to specialist audiences.";
        assert_eq!(finding("en", text), None);
    }

    #[test]
    fn german_verbs_stand_last_behind_codes_and_modals() {
        let o = read(
            &Words::new(
                "- Turing Maschinen erkennen, formal beschreiben und analysieren (K2, K4, K5)",
            ),
            Some(&lexicon("de")),
        );
        assert_eq!((o.finding, o.coordinated, o.level), (None, 3, Some(4)));
        let text =
            "Die Studierenden sind nach Abschluss des Moduls in der Lage, Lastflüsse aufzustellen.";
        assert_eq!(finding("de", text), None);
        let vague = finding("de", "Sie verstehen die Theorie der NP-Vollständigkeit.");
        assert!(matches!(vague, Some(VerbFinding::Vague { .. })));
    }

    #[test]
    fn a_vague_verb_joined_to_an_observable_one_is_judged_by_it() {
        let text = "The student understands and can apply basic concepts of analysis.";
        assert_eq!(finding("en", text), None);
        let text = "Students know the basic terms, relationships and operating principles.";
        assert!(matches!(
            finding("en", text),
            Some(VerbFinding::Vague { .. })
        ));
    }

    #[test]
    fn nynorsk_reads_its_own_forms() {
        assert_eq!(
            finding(
                "nn",
                "Studenten kan vurdera løysingar og resultat på ein kritisk måte."
            ),
            None
        );
        assert_eq!(
            finding("nn", "Kan rekne simultansannsyn og kovarians."),
            None
        );
        let o = read(
            &Words::new("Kandidaten kan hovudtrekk i nynorsk grammatikk"),
            Some(&lexicon("nn")),
        );
        assert!(matches!(o.finding, Some(VerbFinding::Vague { .. })));
        assert_eq!(o.words_after_stem, 5);
    }

    #[test]
    fn future_tenses_read_as_their_verbs() {
        assert_eq!(
            finding("es", "El alumno evaluará alternativas de diseño de robots."),
            None
        );
        assert_eq!(
            finding("it", "Lo studente valuterà le prestazioni di un algoritmo."),
            None
        );
        let vague = finding(
            "es",
            "El estudiante conocerá los principios de la robótica.",
        );
        assert!(matches!(vague, Some(VerbFinding::Vague { .. })));
    }

    #[test]
    fn the_aim_that_the_student_acts_is_not_teacher_centred() {
        let text =
            "Målet med dette studiet er at studentane skal kunne drive god opplæring i nynorsk.";
        assert_eq!(finding("nn", text), None);
        let text = "Emnet gir ei innføring i statistikk.";
        assert!(matches!(
            finding("nn", text),
            Some(VerbFinding::TeacherCentred { .. })
        ));
    }
}
