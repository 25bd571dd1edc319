//! Whatever it is given, the checker returns a report and never panics.

mod support;

use enhance_qa::{Checker, Report};
use proptest::prelude::*;
use serde_json::{Map, Value};
use std::sync::LazyLock;
use support::example;

static CHECKER: LazyLock<Checker> = LazyLock::new(Checker::default);

/// A report that disagrees with itself fails the case (see `inconsistency`).
fn consistent(report: &Report) -> Result<(), TestCaseError> {
    match support::consistent::inconsistency(report) {
        Some(problem) => Err(TestCaseError::fail(problem)),
        None => Ok(()),
    }
}

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
        Just("semesters".to_string()),
        Just("semester".to_string()),
        Just("prerequisites".to_string()),
        Just("contributes_to".to_string()),
        Just("options".to_string()),
        Just("institutions".to_string()),
        Just("type".to_string()),
        Just("award".to_string()),
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
            Just("Understand X."),
            Just("mandatory"),
            Just("thesis"),
            Just("joint")
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
        consistent(&report)?;
        // The same value as text gives the same report.
        prop_assert_eq!(checker.check_str(&value.to_string()).ok(), Some(report));
    }

    #[test]
    fn any_document_with_a_kind_gets_a_report(mut value in json_value(), kind in prop_oneof![Just("course"), Just("programme")]) {
        if let Value::Object(map) = &mut value {
            map.insert("kind".into(), Value::String(kind.into()));
        }
        let report = CHECKER.check(&value);
        consistent(&report)?;
        // Only a document that is an object has a kind to report.
        let expected = value.is_object().then_some(kind);
        prop_assert_eq!(report.kind, expected);
    }

    #[test]
    fn any_change_to_a_programme_plan_gets_reports_and_located_findings(
        edits in prop::collection::vec((0usize..10, prop_oneof![
            Just("code"), Just("ects"), Just("semester"), Just("prerequisites"),
            Just("contributes_to"), Just("type"), Just("options"), Just("institution"),
        ], json_value()), 1..6)
    ) {
        let mut programme = example("programme-joint-master.json");
        for (i, field, value) in edits {
            if let Some(Value::Object(c)) = programme["components"].get_mut(i) {
                c.insert(field.to_string(), value);
            }
        }
        let text = serde_json::to_string_pretty(&programme).unwrap_or_default();
        let report = CHECKER.check_str(&text).unwrap_or_else(|e| panic!("{e}"));
        let paths: Vec<&str> = report.diagnostics.iter().map(|d| d.path.as_str()).collect();
        // Every finding can be shown at a place in the text.
        prop_assert!(enhance_qa::json::locate_all(&text, &paths).iter().all(Option::is_some));
        let course = enhance_qa::json::Value::from_serde(&programme["components"][0]);
        let parsed = enhance_qa::json::parse(&text).unwrap_or(enhance_qa::json::Value::Null);
        let reports = enhance_qa::catalogue::check_all(&CHECKER, &[("p", &parsed), ("c", &course)]);
        prop_assert_eq!(reports.len(), 2);
    }

    #[test]
    fn any_text_is_a_report_or_a_parse_error_at_its_place(text in "\\PC{0,200}") {
        match CHECKER.check_str(&text) {
            Ok(report) => consistent(&report)?,
            Err(e) => {
                // The line and column are those of the byte offset named.
                prop_assert!(e.offset <= text.len());
                prop_assert_eq!((e.line, e.column), enhance_qa::json::line_column(&text, e.offset));
                // Its wording is a template of every catalogue.
                prop_assert!(e.problem.starts_with("json."));
                prop_assert!(!e.to_string().contains(e.problem));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_change_to_a_bip_or_a_micro_credential_gets_reports_and_located_findings(
        bip in any::<bool>(),
        edits in prop::collection::vec((prop_oneof![
            Just("institutions"), Just("physical"), Just("virtual"), Just("participants"),
            Just("learning_agreement"), Just("transcript_issuer"), Just("added_value"),
            Just("awarding_bodies"), Just("certificate"), Just("quality_assurance"),
            Just("stackability"), Just("participation"), Just("supervision"), Just("ects"),
        ], prop_oneof![Just(None), Just(Some("days")), Just(Some("hours")), Just(Some("country")), Just(Some("0"))], json_value()), 1..6)
    ) {
        let (name, other) = if bip {
            ("bip-enhance-energy.json", "microcredential-battery.json")
        } else {
            ("microcredential-battery.json", "bip-enhance-energy.json")
        };
        let mut doc = example(name);
        for (field, inner, value) in edits {
            match (inner, doc.get_mut(field)) {
                (Some(key), Some(Value::Object(m))) => { m.insert(key.to_string(), value); }
                (Some("0"), Some(Value::Array(items))) if !items.is_empty() => items[0] = value,
                _ => { doc[field] = value; }
            }
        }
        let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        let report = CHECKER.check_str(&text).unwrap_or_else(|e| panic!("{e}"));
        consistent(&report)?;
        let paths: Vec<&str> = report.diagnostics.iter().map(|d| d.path.as_str()).collect();
        // Every finding can be shown at a place in the text.
        prop_assert!(enhance_qa::json::locate_all(&text, &paths).iter().all(Option::is_some));
        let parsed = enhance_qa::json::parse(&text).unwrap_or(enhance_qa::json::Value::Null);
        let other = example(other);
        let other = enhance_qa::json::Value::from_serde(&other);
        let reports = enhance_qa::catalogue::check_all(&CHECKER, &[("a", &parsed), ("b", &other), ("c", &parsed)]);
        prop_assert_eq!(reports.len(), 3);
    }
}

#[test]
fn deep_nesting_and_huge_strings_are_reported() {
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
    // Past the text limit: reported, and not read by any other rule.
    let report = checker.check_str(&huge).unwrap_or_else(|e| panic!("{e}"));
    let at_summary: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.path == "/summary")
        .map(|d| d.rule)
        .collect();
    assert_eq!(at_summary, ["schema.limit"]);
}

#[test]
fn long_prerequisite_chains_and_huge_durations_are_handled() {
    let checker = Checker::default();
    // 50,000 components, each needing the next, the last needing the first:
    // one cycle, found without recursion.
    let n = 50_000;
    let components: Vec<Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "code": format!("C-{i}"), "title": "Module", "type": "mandatory",
                "ects": 5, "semester": 1, "contributes_to": [1],
                "prerequisites": [format!("C-{}", (i + 1) % n), format!("X-{i}")],
            })
        })
        .collect();
    let mut programme = example("programme-bachelor.json");
    programme["components"] = Value::Array(components);
    programme["semesters"] = serde_json::json!(1e12);
    let report = checker.check(&programme);
    let count = |rule: &str| report.diagnostics.iter().filter(|d| d.rule == rule).count();
    assert_eq!(count("programme.prerequisite-cycle"), 1);
    assert_eq!(count("programme.prerequisite-unknown"), n);
    assert_eq!(count("programme.duration"), 1);
    assert_eq!(count("programme.semester-load"), 0);
}

/// User text may say "NaN" or "∞" (a field named so, a title): quoted in a
/// message, it is the user's, not a number the checker failed to show.
#[test]
fn quoted_user_text_that_says_nan_is_no_inconsistency() {
    let document = r#"{"kind": "course", "learNaNtou_icomes": 1, "sum∞ary": 2}"#;
    for locale in ["en", "de", "sv", "pl"] {
        let checker = Checker::with_locale(enhance_qa::Profile::built_in(), locale);
        let report = checker.check_str(document).expect("JSON");
        let quoted: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "schema.unknown-field")
            .map(|d| d.message.as_str())
            .collect();
        assert!(
            quoted.iter().any(|m| m.contains("NaN")) && quoted.iter().any(|m| m.contains('∞')),
            "{locale}: {quoted:?}"
        );
        assert_eq!(
            support::consistent::inconsistency(&report),
            None,
            "{locale}"
        );
    }
}

/// The checker's own words are what is left when quoted text is taken out,
/// even when the quoted text holds the marks itself.
#[test]
fn a_message_in_its_own_words_keeps_what_is_outside_the_quotes() {
    use support::consistent::own_words;
    assert_eq!(own_words("“a” is NaN", '“', '”'), " is NaN");
    assert_eq!(own_words("“a”NaN” is 5", '“', '”'), " is 5");
    assert_eq!(
        own_words("“x“NaN” is 5, “y” is inf", '“', '”'),
        " is 5,  is inf"
    );
    assert_eq!(own_words("„a“ ist NaN", '„', '“'), " ist NaN");
    assert_eq!(own_words("”a”NaN” är 5", '”', '”'), "” är 5");
}
