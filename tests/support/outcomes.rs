//! The corpus of real published learning outcomes (`tests/outcomes/`), as
//! the precision test and the precision measurement read it: each outcome
//! checked alone as the first outcome of an example course in its language.

use enhance_qa::Checker;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// The rules judged one outcome at a time.
pub const RULES: [&str; 6] = [
    "lo.vague-verb",
    "lo.no-action-verb",
    "lo.teacher-centred",
    "lo.multiple-verbs",
    "lo.too-short",
    "lo.too-long",
];

/// The corpus's languages, one file each.
pub const LANGUAGES: [&str; 8] = ["en", "de", "pl", "it", "sv", "nb", "nn", "es"];

/// One real outcome and the per-outcome rules a reviewer expects to fire.
pub struct Outcome {
    pub text: String,
    pub expect: BTreeSet<String>,
}

/// The outcomes of one language; a file that cannot be read fails loudly.
pub fn corpus(lang: &str) -> Vec<Outcome> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/outcomes")
        .join(format!("{lang}.json"));
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let value: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let entries = value
        .as_array()
        .unwrap_or_else(|| panic!("{}: not a list", file.display()));
    entries
        .iter()
        .map(|e| {
            let text = e["text"]
                .as_str()
                .unwrap_or_else(|| panic!("{lang}: an entry without text"))
                .to_string();
            let expect = e["expect"]
                .as_array()
                .unwrap_or_else(|| panic!("{lang}: {text}: no expect list"))
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect();
            Outcome { text, expect }
        })
        .collect()
}

/// The per-outcome rules that fire on `text` as the first outcome of
/// `base` written in `lang`, each once, with its message, in rule order.
pub fn fired(checker: &Checker, base: &Value, lang: &str, text: &str) -> Vec<(String, String)> {
    let mut doc = base.clone();
    doc["language"] = Value::from(lang);
    doc["teaching_languages"] = Value::from(vec![lang]);
    doc["learning_outcomes"][0] = Value::from(text);
    let report = checker
        .check_str(&doc.to_string())
        .unwrap_or_else(|e| panic!("{lang}: {text}: {e}"));
    let mut found: Vec<(String, String)> = report
        .diagnostics
        .iter()
        .filter(|d| d.path == "/learning_outcomes/0" && RULES.contains(&d.rule))
        .map(|d| (d.rule.to_string(), d.message.clone()))
        .collect();
    found.sort();
    found.dedup_by(|a, b| a.0 == b.0);
    found
}
