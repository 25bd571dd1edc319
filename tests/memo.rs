//! A form checked at every keystroke: with a memo, the reports are exactly
//! those of a fresh check, and the memo holds about one document's texts.

mod support;

use enhance_qa::Checker;
use enhance_qa::Memo;
use serde_json::{json, Value};
use support::example;

#[test]
fn remembered_readings_give_the_same_reports_as_fresh_checks() {
    let checker = Checker::default();
    let memo = Memo::new();
    let mut doc = example("course-en-chalmers.json");
    let mut steps: Vec<Value> = Vec::new();
    steps.push(doc.clone());
    // Typing into one outcome, letter by letter.
    for typed in [
        "U",
        "Un",
        "Und",
        "Understand the cells.",
        "Understand the cells. TBD",
    ] {
        doc["learning_outcomes"][1] = json!(typed);
        steps.push(doc.clone());
    }
    // The same texts read in another language, then back.
    doc["language"] = json!("de");
    steps.push(doc.clone());
    doc["language"] = json!("en");
    steps.push(doc.clone());
    // A summary pasted in German, a field removed, the kind changed.
    doc["summary"] = example("course-de-rwth.json")["summary"].clone();
    steps.push(doc.clone());
    doc.as_object_mut().map(|o| o.remove("reading"));
    steps.push(doc.clone());
    steps.push(example("programme-joint-master.json"));
    steps.push(example("course-sv-chalmers.json"));
    steps.push(json!("not a document"));
    steps.push(example("course-sv-chalmers.json"));
    for (i, step) in steps.iter().enumerate() {
        let text = step.to_string();
        let fresh = checker.check_str(&text).ok();
        let remembered = checker.check_str_remembering(&text, &memo).ok();
        assert_eq!(remembered, fresh, "step {i}");
        assert!(fresh.is_some());
    }
}

#[test]
fn the_memo_forgets_what_the_last_check_did_not_use() {
    let checker = Checker::default();
    let memo = Memo::new();
    for name in [
        "course-en-chalmers.json",
        "course-de-rwth.json",
        "course-en-upv.json",
        "course-sv-chalmers.json",
    ] {
        let text = example(name).to_string();
        let _ = checker.check_str_remembering(&text, &memo);
    }
    // Texts of the last two documents at most: title, summary, 5 outcomes, name, prerequisites, 2–3 readings each.
    assert!(memo.len() <= 2 * 12, "{}", memo.len());
    let text = example("course-sv-chalmers.json").to_string();
    let _ = checker.check_str_remembering(&text, &memo);
    let _ = checker.check_str_remembering(&text, &memo);
    assert!(memo.len() <= 12, "{}", memo.len());
}

#[test]
fn a_large_document_is_remembered_through_the_memo_s_index() {
    // Hundreds of texts: past the size a memo searches in place, in every language.
    let checker = Checker::default();
    let memo = Memo::new();
    let mut doc = example("course-en-chalmers.json");
    let outcome = |i: usize| json!(format!("Design heat pump number {}.", i % 150));
    doc["learning_outcomes"] = (0..300).map(outcome).collect();
    for step in 0..6 {
        doc["learning_outcomes"][step * 40] = json!(format!("Compare {step} strategies."));
        doc["language"] = json!(["en", "de", "en"][step % 3]);
        let text = doc.to_string();
        let fresh = checker.check_str(&text).ok();
        assert_eq!(
            checker.check_str_remembering(&text, &memo).ok(),
            fresh,
            "step {step}"
        );
    }
    // The readings of one check and of the one before: each about 150
    // distinct outcomes and a dozen other texts, not 300 outcomes each.
    assert!(memo.len() <= 2 * 165, "{}", memo.len());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 128, ..Default::default() })]

    /// Random edits of random texts, checked in a row: the memo never changes a report.
    #[test]
    fn any_sequence_of_edits_reports_as_fresh_checks(
        edits in proptest::collection::vec((0usize..4, "\\PC{0,60}", proptest::prop_oneof![proptest::strategy::Just("en"), proptest::strategy::Just("de"), proptest::strategy::Just("sv")]), 1..12)
    ) {
        let checker = Checker::default();
        let memo = Memo::new();
        let mut doc = example("course-en-chalmers.json");
        for (field, text, language) in edits {
            match field {
                0 => doc["summary"] = json!(text),
                1 => doc["learning_outcomes"][2] = json!(text),
                2 => doc["title"] = json!(text),
                _ => doc["language"] = json!(language),
            }
            let text = doc.to_string();
            proptest::prop_assert_eq!(checker.check_str_remembering(&text, &memo).ok(), checker.check_str(&text).ok());
        }
    }
}
