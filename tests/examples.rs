//! The bundled examples are realistic, valid documents: each checks clean.

use enhance_qa::{Checker, Severity};
mod support;

use support::examples;

#[test]
fn there_are_nine_examples_of_the_four_kinds() {
    let kinds: Vec<String> = examples()
        .iter()
        .map(|(name, text)| {
            let value: serde_json::Value =
                serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            value["kind"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(kinds.len(), 9);
    for kind in ["course", "programme", "bip", "micro-credential"] {
        assert!(kinds.iter().any(|k| k == kind), "no {kind} example");
    }
}

#[test]
fn every_example_has_no_error_or_warning() {
    let checker = Checker::default();
    for (name, text) in examples() {
        let report = checker
            .check_str(&text)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let serious: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Info)
            .map(|d| format!("{} {} {}", d.rule, d.path, d.message))
            .collect();
        assert!(serious.is_empty(), "{name}:\n{}", serious.join("\n"));
    }
}

#[test]
fn every_example_raises_no_info_either() {
    let checker = Checker::default();
    for (name, text) in examples() {
        let report = checker
            .check_str(&text)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let all: Vec<String> = report
            .diagnostics
            .iter()
            .map(|d| format!("{} {} {}", d.rule, d.path, d.message))
            .collect();
        assert!(all.is_empty(), "{name}:\n{}", all.join("\n"));
        assert_eq!(report.score, 100, "{name}");
    }
}

#[test]
fn serde_value_and_text_give_the_same_report() {
    let checker = Checker::default();
    for (name, text) in examples() {
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let mut broken = value.clone();
        broken["ects"] = serde_json::json!("7,5");
        broken["learning_outcomes"][0] =
            serde_json::json!("Understand the basics of batteries and cells.");
        let from_text = checker
            .check_str(&broken.to_string())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(checker.check(&broken), from_text, "{name}");
        let bytes = |r: &enhance_qa::Report| serde_json::to_string(r).unwrap_or_default();
        assert_eq!(bytes(&checker.check(&broken)), bytes(&from_text), "{name}");
    }
}
