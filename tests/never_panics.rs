//! Whatever it is given, the checker returns a report and never panics.

use enhance_qa::Checker;
use proptest::prelude::*;
use serde_json::{Map, Value};
use std::sync::LazyLock;

static CHECKER: LazyLock<Checker> = LazyLock::new(Checker::default);

/// Values that look like documents: known field names, numbers as text,
/// nested lists and objects, odd Unicode.
fn json_value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("kind".to_string()),
        Just("code".to_string()),
        Just("title".to_string()),
        Just("ects".to_string()),
        Just("eqf_level".to_string()),
        Just("learning_outcomes".to_string()),
        Just("assessment".to_string()),
        Just("activities".to_string()),
        Just("outcomes".to_string()),
        Just("hours".to_string()),
        Just("weight".to_string()),
        Just("sdgs".to_string()),
        Just("summary".to_string()),
        Just("components".to_string()),
        Just("language".to_string()),
        "[a-z_~/]{0,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop_oneof![
            Just("course"),
            Just("programme"),
            Just("7,5"),
            Just(" -3 "),
            Just("TBD"),
            Just("Understand X.")
        ]
        .prop_map(|s| Value::String(s.to_string())),
        "\\PC{0,40}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 96, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..10).prop_map(|members| {
                let mut map = Map::new();
                for (k, v) in members {
                    map.insert(k, v);
                }
                Value::Object(map)
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_json_value_gets_a_report(value in json_value()) {
        let checker = &*CHECKER;
        let report = checker.check(&value);
        prop_assert!(report.score <= 100);
        let total = report.counts.error + report.counts.warning + report.counts.info;
        prop_assert_eq!(total as usize, report.diagnostics.len());
        // The same value as text gives the same report.
        prop_assert_eq!(checker.check_str(&value.to_string()).ok(), Some(report));
    }

    #[test]
    fn any_document_with_a_kind_gets_a_report(mut value in json_value(), kind in prop_oneof![Just("course"), Just("programme")]) {
        if let Value::Object(map) = &mut value {
            map.insert("kind".into(), Value::String(kind.into()));
        }
        let report = CHECKER.check(&value);
        prop_assert!(report.score <= 100);
    }

    #[test]
    fn any_text_is_a_report_or_a_parse_error(text in "\\PC{0,200}") {
        let _ = CHECKER.check_str(&text);
    }
}

#[test]
fn deep_nesting_and_huge_strings_are_handled() {
    let checker = Checker::default();
    let deep = format!(
        "{{\"kind\": \"course\", \"title\": {}1{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let report = checker.check_str(&deep).unwrap_or_else(|e| panic!("{e}"));
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.rule == "schema.type" && d.path == "/title"));
    let huge = format!(
        "{{\"kind\": \"course\", \"summary\": \"{}\"}}",
        "word ".repeat(200_000)
    );
    let report = checker.check_str(&huge).unwrap_or_else(|e| panic!("{e}"));
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.rule == "text.summary-length" && d.path == "/summary"));
}
