//! The reading of a document's free texts: which texts there are, and what
//! is learnt from each (placeholders, words, readability counts, stop-word
//! hits, the outcome's verb), made once per check or kept in a [`Memo`].

use super::lexicon::{Languages, Lexicon};
use super::memo::Memo;
use super::outcome::{self, Outcome};
use super::reading::{Reading, ReadingKind, TextStats};
use super::words::Words;
use crate::document::{Document, Kind, AGREEMENT_TOPICS};
use crate::pointer::{pointer, Seg};
use std::rc::Rc;

/// Which free text of the document a text is; it decides the rules that
/// read it, and gives its path when one of them reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
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
    /// A BIP's `virtual.description`.
    VirtualDescription,
    AddedValue,
    Challenge,
    /// A micro-credential awarding body's `region`, by its index.
    Region(usize),
    QualityAgency,
    QualityDescription,
    FurtherInformation,
}

impl TextField {
    pub fn path(self) -> String {
        match self {
            TextField::Title => "/title".into(),
            TextField::Summary => "/summary".into(),
            TextField::Outcome(i) => pointer(&[Seg::F("learning_outcomes"), Seg::I(i)]),
            TextField::CoordinatorName => "/coordinator/name".into(),
            TextField::PrerequisiteText => "/prerequisites/text".into(),
            TextField::Reading(i) => pointer(&[Seg::F("reading"), Seg::I(i)]),
            TextField::Admission => "/admission".into(),
            TextField::Recognition => "/recognition".into(),
            TextField::Agreement(topic) => {
                pointer(&[Seg::F("cooperation_agreement"), Seg::F(topic)])
            }
            TextField::ComponentTitle(i) => {
                pointer(&[Seg::F("components"), Seg::I(i), Seg::F("title")])
            }
            TextField::OptionTitle(i, k) => pointer(&[
                Seg::F("components"),
                Seg::I(i),
                Seg::F("options"),
                Seg::I(k),
                Seg::F("title"),
            ]),
            TextField::VirtualDescription => "/virtual/description".into(),
            TextField::AddedValue => "/added_value".into(),
            TextField::Challenge => "/challenge".into(),
            TextField::Region(i) => {
                pointer(&[Seg::F("awarding_bodies"), Seg::I(i), Seg::F("region")])
            }
            TextField::QualityAgency => "/quality_assurance/agency".into(),
            TextField::QualityDescription => "/quality_assurance/description".into(),
            TextField::FurtherInformation => "/further_information".into(),
        }
    }

    /// Titles and names are not read for capitals (`meta.title-length` does titles).
    pub fn is_title_or_name(self) -> bool {
        matches!(
            self,
            TextField::Title
                | TextField::CoordinatorName
                | TextField::ComponentTitle(_)
                | TextField::OptionTitle(..)
                | TextField::Region(_)
                | TextField::QualityAgency
        )
    }

    /// The texts whose language is compared with `language`.
    pub fn is_read_for_language(self) -> bool {
        matches!(
            self,
            TextField::Summary
                | TextField::Admission
                | TextField::Recognition
                | TextField::VirtualDescription
                | TextField::AddedValue
                | TextField::QualityDescription
        )
    }

    /// Texts of one kind are read alike: plain texts for placeholders and
    /// words, summaries also for readability and language, statements for
    /// language, outcomes for their verbs.
    pub fn reading_kind(self) -> ReadingKind {
        match self {
            TextField::Summary => ReadingKind::Summary,
            TextField::Admission
            | TextField::Recognition
            | TextField::VirtualDescription
            | TextField::AddedValue
            | TextField::QualityDescription => ReadingKind::Statement,
            TextField::Outcome(_) => ReadingKind::Outcome,
            _ => ReadingKind::Plain,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Text<'v> {
    pub field: TextField,
    pub text: &'v str,
    pub reading: Rc<Reading>,
}

/// Every free text of the document, and the placeholders found in them.
#[derive(Debug, Clone, Default)]
pub struct TextFindings<'v> {
    pub texts: Vec<Text<'v>>,
}

impl<'v> TextFindings<'v> {
    pub fn summary(&self) -> Option<&Text<'v>> {
        self.texts.iter().find(|t| t.field == TextField::Summary)
    }
}

/// Reads every free text of `doc`: with `lexicon` (the document's language),
/// with English beside it for placeholders, and through `memo` when given.
pub fn analyse<'v>(
    doc: &Document<'v>,
    lexicon: Option<&Lexicon>,
    languages: &Languages,
    memo: Option<&Memo>,
) -> TextFindings<'v> {
    let mut texts: Vec<(TextField, &'v str)> = Vec::new();
    let mut add = |field: TextField, text: Option<&'v str>| texts.extend(text.map(|t| (field, t)));
    add(TextField::Title, doc.title);
    add(TextField::Summary, doc.summary);
    for &(i, lo) in doc.learning_outcomes.iter().flatten() {
        add(TextField::Outcome(i), Some(lo));
    }
    match doc.kind {
        Some(Kind::Course) => {
            let c = &doc.course;
            add(TextField::CoordinatorName, c.coordinator_name);
            add(TextField::PrerequisiteText, c.prerequisite_text);
            for &(i, r) in &c.reading {
                add(TextField::Reading(i), Some(r));
            }
        }
        Some(Kind::Bip) => {
            let (c, b) = (&doc.course, &doc.bip);
            add(TextField::CoordinatorName, c.coordinator_name);
            add(TextField::PrerequisiteText, c.prerequisite_text);
            let description = b.virtual_component.value().and_then(|v| v.description);
            add(TextField::VirtualDescription, description);
            add(TextField::Recognition, b.recognition);
            add(TextField::AddedValue, b.added_value.value().copied());
            add(TextField::Challenge, b.challenge);
        }
        Some(Kind::MicroCredential) => {
            let (c, m) = (&doc.course, &doc.micro);
            add(TextField::CoordinatorName, c.coordinator_name);
            for (i, body) in m.awarding_bodies.value().into_iter().flatten().enumerate() {
                add(TextField::Region(i), body.as_ref().and_then(|b| b.region));
            }
            let quality = m.quality_assurance.value();
            add(TextField::QualityAgency, quality.and_then(|q| q.agency));
            add(
                TextField::QualityDescription,
                quality.and_then(|q| q.description),
            );
            add(TextField::PrerequisiteText, c.prerequisite_text);
            add(TextField::FurtherInformation, m.further_information);
        }
        Some(Kind::Programme) => {
            let p = &doc.programme;
            add(TextField::Admission, p.admission);
            add(TextField::Recognition, p.recognition);
            for (topic, text) in AGREEMENT_TOPICS
                .iter()
                .zip(p.agreement.value().into_iter().flatten())
            {
                add(TextField::Agreement(topic), *text);
            }
            for (i, c) in p.components.iter().flatten().enumerate() {
                let Some(c) = c else { continue };
                add(TextField::ComponentTitle(i), c.title);
                for (k, o) in c.options.iter().flatten().enumerate() {
                    add(
                        TextField::OptionTitle(i, k),
                        o.as_ref().and_then(|o| o.title),
                    );
                }
            }
        }
        None => {}
    }
    let english = languages
        .get("en")
        .filter(|e| Some(e.language.as_str()) != lexicon.map(|l| l.language.as_str()));
    let lexicons: Vec<&Lexicon> = lexicon.into_iter().chain(english).collect();
    let lexicon_at = lexicon.and_then(|l| languages.position(&l.language));
    let read = |kind: ReadingKind, text: &str| read_text(kind, text, lexicon, &lexicons, languages);
    TextFindings {
        texts: texts
            .into_iter()
            .map(|(field, text)| {
                let kind = field.reading_kind();
                let reading = match memo {
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
    kind: ReadingKind,
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
    if kind == ReadingKind::Summary {
        reading.stats = Some(stats(&words, lexicon));
    }
    if matches!(kind, ReadingKind::Summary | ReadingKind::Statement) {
        reading.hits = vec![0; languages.list.len()];
        for i in 0..words.len() {
            let bits = languages.stopword(words.lower(i));
            // Most words are no language's stop word.
            if bits != 0 {
                for (k, h) in reading.hits.iter_mut().enumerate() {
                    *h += (bits >> k) & 1;
                }
            }
        }
    }
    if kind == ReadingKind::Outcome {
        reading.outcome = Some(outcome::read(&words, lexicon));
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

/// Every learning outcome of the document, as the text readings found it.
pub fn outcomes<'v>(texts: &TextFindings<'v>) -> Vec<Outcome<'v>> {
    let outcome = |t: &Text<'v>| match (t.field, &t.reading.outcome) {
        (TextField::Outcome(index), Some(_)) => Some(Outcome {
            index,
            text: t.text,
            reading: Rc::clone(&t.reading),
            placeholder: t.reading.placeholder.is_some(),
        }),
        _ => None,
    };
    texts.texts.iter().filter_map(outcome).collect()
}

/// The counts the readability indices need; syllables only with a lexicon
/// (LIX, for a language without one, counts none).
pub fn stats(words: &Words<'_>, lex: Option<&Lexicon>) -> TextStats {
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
        s.syllables += lex.map_or(0, |lex| syllables(lower, lex)) as f64;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::load_all;

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
        let en = all
            .iter()
            .find(|l| l.language == "en")
            .expect("the English lexicon is built in");
        let s = stats(
            &Words::new("The course is 7.5 ECTS. Students make a pack!"),
            Some(en),
        );
        assert_eq!((s.words, s.sentences), (10.0, 2.0));
        assert_eq!(syllables("make", en), 1);
        assert_eq!(syllables("table", en), 2);
        assert_eq!(syllables("battery", en), 3);
    }
}
