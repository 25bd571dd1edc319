//! The outcome reader on any Unicode text, in every language the checker
//! reads (and one it does not), after the openers outcomes start with: every
//! report holds together and every span lies inside its text.
#![no_main]

use arbitrary::Arbitrary;
use enhance_qa_fuzz::{assert_consistent, CHECKER};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

const LANGUAGES: &[&str] = &["en", "de", "pl", "it", "nb", "nn", "sv", "es", "fr"];
const OPENERS: &[&str] = &[
    "",
    "1. ",
    "After the course, students will be able to ",
    "Die Studierenden können ",
    "Student potrafi ",
    "Lo studente sarà in grado di ",
    "Kunnskap: Kandidaten kan ",
    "Etter fullført emne skal studentane kunne ",
    "Studenten ska kunna ",
    "El estudiante será capaz de ",
    "CB01. ",
    "G5 [Avaluable] - ",
    "The course gives an introduction to ",
];

#[derive(Debug, Arbitrary)]
struct Input {
    language: u8,
    opener: u8,
    text: String,
    tail: String,
}

fuzz_target!(|input: Input| {
    let language = LANGUAGES[usize::from(input.language) % LANGUAGES.len()];
    let opener = OPENERS[usize::from(input.opener) % OPENERS.len()];
    let outcomes = [
        format!("{opener}{}", input.text),
        input.text.clone(),
        format!("{} {}", input.text, input.tail),
        format!("{opener}{}", input.tail),
    ];
    let doc = json!({
        "kind": "course",
        "language": language,
        "eqf_level": 7,
        "summary": format!("{} {}", input.text, input.tail),
        "learning_outcomes": outcomes,
        "assessment": [{"method": "project", "weight": 100, "outcomes": [1, 2, 3, 4]}],
    });
    let report = CHECKER.check(&doc);
    assert_consistent(&report);
    for d in &report.diagnostics {
        let Some(span) = d.span else { continue };
        let text = doc.pointer(&d.path).and_then(Value::as_str);
        let len = text.map_or(0, |t| t.encode_utf16().count());
        assert!(
            span.start <= span.end && span.end as usize <= len,
            "{}: {:?} in {text:?}",
            d.rule,
            span
        );
    }
});
