//! One JSON meaning: a key given twice in an object counts once, its last
//! value in the place of the first (as `JSON.parse` and `serde_json` read
//! it), on every path. Generated documents with keys given twice are checked
//! from their text (`check_str`, the command line: the same report, byte for
//! byte, each repeat reported by `schema.duplicate-key`) and as the
//! `serde_json::Value` parsed from that text (`check`: the same report less
//! those warnings, since the value holds each key once). `js/test/` holds the
//! same comparison for the wasm build's `check(object)` and `checkJson`.

mod support;

use enhance_qa::{json, Checker, Diagnostic, Profile, Report};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use std::sync::LazyLock;

/// The catalogue rules compare documents of one run; each document here
/// stands alone, so the command line checks them with those rules off.
const ALONE: &str = r#"{"rules": {"catalogue.duplicate-code": "off", "catalogue.component-ects": "off",
  "catalogue.missing-course": "off", "catalogue.prerequisite-missing": "off", "catalogue.level-mismatch": "off"}}"#;

static CHECKER: LazyLock<Checker> =
    LazyLock::new(|| Checker::new(Profile::from_json(ALONE).unwrap_or_else(|e| panic!("{e}"))));

const EXAMPLES: &[&str] = &[
    "course-en-chalmers.json",
    "course-de-rwth.json",
    "programme-joint-master.json",
    "programme-bachelor.json",
];

/// A key given once more in the `object`-th object of the document (in the
/// order written), repeating its `key`-th key with `value`, written before
/// or after the member it repeats.
#[derive(Debug, Clone)]
struct Repeat {
    object: usize,
    key: usize,
    value: Value,
    before: bool,
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-10i64..200).prop_map(Value::from),
        prop_oneof![
            Just("course"),
            Just("programme"),
            Just("7,5"),
            Just("TBD"),
            Just("Understand the basics."),
            Just("mandatory"),
        ]
        .prop_map(Value::from),
        Just(serde_json::json!([1, 2])),
        Just(serde_json::json!({"code": "X-1"})),
    ]
}

fn repeats() -> impl Strategy<Value = (usize, Vec<Repeat>)> {
    let repeat = (any::<usize>(), any::<usize>(), leaf(), any::<bool>()).prop_map(
        |(object, key, value, before)| Repeat {
            object,
            key,
            value,
            before,
        },
    );
    (0..EXAMPLES.len(), prop::collection::vec(repeat, 1..6))
}

/// Writes `value` as JSON text with the repeats, counting the repeats that
/// landed (an object without keys takes none).
fn write(value: &Value, repeats: &[Repeat], objects: &mut usize, landed: &mut usize) -> String {
    match value {
        Value::Array(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|v| write(v, repeats, objects, landed))
                .collect();
            format!("[{}]", items.join(","))
        }
        Value::Object(map) => {
            let here = *objects;
            *objects += 1;
            let mut members: Vec<String> = map
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{}:{}",
                        Value::from(k.as_str()),
                        write(v, repeats, objects, landed)
                    )
                })
                .collect();
            let count = members.len();
            for r in repeats
                .iter()
                .filter(|r| count > 0 && r.object % 64 == here % 64)
            {
                let k = r.key % count;
                let Some((key, _)) = map.iter().nth(k) else {
                    continue;
                };
                let extra = format!("{}:{}", Value::from(key.as_str()), r.value);
                let at = members
                    .iter()
                    .position(|m| m.starts_with(&format!("{}:", Value::from(key.as_str()))))
                    .unwrap_or(0);
                members.insert(if r.before { at } else { members.len() }, extra);
                *landed += 1;
            }
            format!("{{{}}}", members.join(","))
        }
        other => other.to_string(),
    }
}

/// A document's text with keys given twice, and how many repeats it holds.
fn text_of(example: usize, repeats: &[Repeat]) -> (String, usize) {
    let doc = support::example(EXAMPLES[example]);
    let (mut objects, mut landed) = (0, 0);
    let text = write(&doc, repeats, &mut objects, &mut landed);
    (text, landed)
}

/// A report without its `schema.duplicate-key` warnings, counted and
/// scored again (as `Report::new` does).
fn without_repeats(report: &Report) -> Report {
    let kept: Vec<Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule != "schema.duplicate-key")
        .cloned()
        .collect();
    let mut r = report.clone();
    r.diagnostics = Vec::new();
    r.extend(kept);
    // Counted again here too: `extend` leaves a report it adds nothing to as it was.
    r.score = enhance_qa::report::score(&r.diagnostics);
    r.counts = Default::default();
    for d in &r.diagnostics {
        match d.severity {
            enhance_qa::Severity::Error => r.counts.error += 1,
            enhance_qa::Severity::Warning => r.counts.warning += 1,
            enhance_qa::Severity::Info => r.counts.info += 1,
        }
    }
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn text_and_value_give_one_meaning((example, repeats) in repeats()) {
        let (text, landed) = text_of(example, &repeats);
        let from_text = CHECKER.check_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Each repeat is reported, at the path of the key given again.
        let warned = from_text.diagnostics.iter().filter(|d| d.rule == "schema.duplicate-key").count();
        prop_assert_eq!(warned, landed);
        // serde_json keeps the last of a repeated key, in the place of the first.
        let value: Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let from_value = CHECKER.check(&value);
        prop_assert_eq!(&from_value, &without_repeats(&from_text));
        // The tree read from the text is the value's.
        let tree = json::parse(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(tree, json::Value::from_serde(&value));
    }
}

#[test]
fn the_command_line_gives_the_text_s_report() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("duplicate-keys");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let profile = dir.join("alone.json");
    std::fs::write(&profile, ALONE).unwrap_or_else(|e| panic!("{e}"));
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap_or_else(|e| panic!("{e}"));
    let mut runner = TestRunner::deterministic();
    let strategy = repeats();
    let mut expected = Vec::new();
    let mut repeated = 0;
    for i in 0..48 {
        let tree = strategy
            .new_tree(&mut runner)
            .unwrap_or_else(|e| panic!("{e}"));
        let (example, repeats) = tree.current();
        let (text, landed) = text_of(example, &repeats);
        repeated += landed;
        let file = docs.join(format!("doc-{i:02}.json"));
        std::fs::write(&file, &text).unwrap_or_else(|e| panic!("{e}"));
        let report = CHECKER.check_str(&text).unwrap_or_else(|e| panic!("{e}"));
        expected.push(serde_json::to_value(report).unwrap_or_default());
    }
    assert!(repeated >= 24, "only {repeated} keys given twice");
    let out = Command::new(env!("CARGO_BIN_EXE_enhance-qa"))
        .args(["check", "--format", "json", "--profile"])
        .arg(&profile)
        .arg(&docs)
        .output()
        .unwrap_or_else(|e| panic!("cannot run enhance-qa: {e}"));
    let entries: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let reports: Vec<&Value> = entries
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| &e["report"])
        .collect();
    assert_eq!(reports.len(), expected.len());
    for (i, (native, library)) in reports.into_iter().zip(&expected).enumerate() {
        assert_eq!(native, library, "document {i}");
    }
}
