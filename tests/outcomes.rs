//! The real published learning outcomes of `tests/outcomes/<lang>.json`,
//! each checked alone as the first outcome of an example course in its own
//! language: no per-outcome rule may fire that a reviewer did not expect,
//! and every vague or teacher-centred outcome is caught by its rule, except
//! the few misses `tests/outcomes/README.md` lists with their reasons.

mod support;

use enhance_qa::Checker;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use support::example;

/// The rules judged one outcome at a time.
const RULES: [&str; 6] = [
    "lo.vague-verb",
    "lo.no-action-verb",
    "lo.teacher-centred",
    "lo.multiple-verbs",
    "lo.too-short",
    "lo.too-long",
];

/// Rules whose every expected finding must be found.
const MUST_CATCH: [&str; 2] = ["lo.vague-verb", "lo.teacher-centred"];

/// The misses README.md ("Known misses") explains: language, the start of the
/// outcome's text, the rule.
const KNOWN_MISSES: [(&str, &str, &str); 2] = [
    (
        "en",
        "Students have developed a fundamental understanding",
        "lo.vague-verb",
    ),
    (
        "it",
        "- la capacità di programmare ricerche bibliografiche è stimolata",
        "lo.teacher-centred",
    ),
];

const LANGUAGES: [&str; 8] = ["en", "de", "pl", "it", "sv", "nb", "nn", "es"];

fn corpus(lang: &str) -> Vec<(String, BTreeSet<String>)> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/outcomes")
        .join(format!("{lang}.json"));
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{lang}: {e}"));
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{lang}: {e}"));
    let entries = value
        .as_array()
        .unwrap_or_else(|| panic!("{lang}: not a list"));
    entries
        .iter()
        .map(|e| {
            let text = e["text"].as_str().unwrap_or_default().to_string();
            let expect = e["expect"]
                .as_array()
                .unwrap_or_else(|| panic!("{lang}: {text}: no expect list"))
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect();
            (text, expect)
        })
        .collect()
}

#[test]
fn real_outcomes_raise_no_false_alarm_and_no_unexplained_miss() {
    let checker = Checker::default();
    let base = example("course-en-chalmers.json");
    let mut problems = Vec::new();
    let mut used = BTreeSet::new();
    let mut count = 0;
    for lang in LANGUAGES {
        for (text, expect) in corpus(lang) {
            count += 1;
            let mut doc = base.clone();
            doc["language"] = Value::from(lang);
            doc["teaching_languages"] = Value::from(vec![lang]);
            doc["learning_outcomes"][0] = Value::from(text.as_str());
            let report = checker
                .check_str(&doc.to_string())
                .unwrap_or_else(|e| panic!("{lang}: {text}: {e}"));
            let fired: BTreeSet<String> = report
                .diagnostics
                .iter()
                .filter(|d| d.path == "/learning_outcomes/0" && RULES.contains(&d.rule))
                .map(|d| d.rule.to_string())
                .collect();
            for rule in fired.difference(&expect) {
                problems.push(format!("[{lang}] false alarm {rule}: {text}"));
            }
            for rule in expect.difference(&fired) {
                if !MUST_CATCH.contains(&rule.as_str()) {
                    continue;
                }
                let known = KNOWN_MISSES
                    .iter()
                    .position(|(l, start, r)| *l == lang && text.starts_with(start) && r == rule);
                match known {
                    Some(i) => {
                        used.insert(i);
                    }
                    None => problems.push(format!("[{lang}] missed {rule}: {text}")),
                }
            }
        }
    }
    assert_eq!(count, 526, "the corpus holds 526 outcomes");
    for (i, miss) in KNOWN_MISSES.iter().enumerate() {
        if !used.contains(&i) {
            problems.push(format!("known miss now caught, remove it: {miss:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
