//! The report as report.md defines it: order, counts, score, spans, bytes.

mod support;

use enhance_qa::{Checker, Severity};
use serde_json::json;
use support::example;

#[test]
fn an_unknown_kind_is_the_only_finding() {
    let report = Checker::default().check(&json!({"kind": "syllabus", "title": 5, "ects": "x"}));
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(rules, vec!["schema.kind"]);
    assert_eq!(report.kind, None);
    assert_eq!(report.score, 85);
}

#[test]
fn a_document_that_is_not_an_object_gets_schema_type_at_the_root() {
    for value in [
        json!(null),
        json!("text"),
        json!(42),
        json!([{"kind": "course"}]),
    ] {
        let report = Checker::default().check(&value);
        assert_eq!(report.diagnostics.len(), 1, "{value}");
        assert_eq!(
            (
                report.diagnostics[0].rule,
                report.diagnostics[0].path.as_str()
            ),
            ("schema.type", "")
        );
    }
}

#[test]
fn diagnostics_follow_the_form_order_then_severity() {
    let mut doc = example("course-en-chalmers.json");
    doc["sdgs"] = json!([]);
    doc["ects"] = json!(40);
    doc["title"] = json!("EV");
    doc["learning_outcomes"][3] = json!("Understand battery packs.");
    doc["assessment"][0]["weight"] = json!(0);
    let report = Checker::default().check(&doc);
    let paths: Vec<&str> = report.diagnostics.iter().map(|d| d.path.as_str()).collect();
    let mut sorted = paths.clone();
    let order = [
        "/title",
        "/ects",
        "/learning_outcomes/3",
        "/activities",
        "/assessment",
        "/assessment/0/weight",
        "/sdgs",
    ];
    sorted.sort_by_key(|p| order.iter().position(|o| o == p));
    assert_eq!(paths, sorted);
    let at_outcome: Vec<Severity> = report
        .diagnostics
        .iter()
        .filter(|d| d.path == "/learning_outcomes/3")
        .map(|d| d.severity)
        .collect();
    let mut by_severity = at_outcome.clone();
    by_severity.sort();
    assert_eq!(at_outcome, by_severity);
}

#[test]
fn counts_and_score_follow_the_formula() {
    let mut doc = example("course-en-chalmers.json");
    doc["ects"] = json!(0);
    doc["sdgs"] = json!([]);
    doc["title"] = json!("EV");
    let report = Checker::default().check(&doc);
    let c = report.counts;
    assert_eq!(
        (c.error, c.warning, c.info),
        (1, 1, 1),
        "{:#?}",
        report.diagnostics
    );
    assert_eq!(report.score, 100 - 15 - 5 - 1);
}

#[test]
fn spans_count_utf16_code_units_before_the_verb() {
    let mut doc = example("course-en-chalmers.json");
    doc["learning_outcomes"][0] =
        json!("😀 é — Understand the ageing mechanisms of lithium-ion cells.");
    let report = Checker::default().check(&doc);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "lo.no-action-verb" || d.rule == "lo.vague-verb");
    let span = d.and_then(|d| d.span).map(|s| (s.start, s.end));
    // 😀 is two UTF-16 units: the vague verb "Understand" starts at unit 7.
    assert_eq!(span, Some((7, 17)));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let mut doc = example("course-en-chalmers.json");
    doc["learnig_outcomes"] = json!([]);
    doc["delivery"] = json!("hybrid");
    let checker = Checker::default();
    let a = serde_json::to_string(&checker.check(&doc)).unwrap_or_default();
    let b = serde_json::to_string(&Checker::default().check_str(&doc.to_string()).ok())
        .unwrap_or_default();
    assert_eq!(a, b);
    assert!(
        a.starts_with(r#"{"profile":"enhance-2026","locale":"en","kind":"course","score":"#),
        "{a}"
    );
}

#[test]
fn text_that_is_not_json_is_an_error_with_line_and_column() {
    let err = Checker::default()
        .check_str("{\n  \"kind\": \"course\",\n}")
        .err();
    assert_eq!(err.map(|e| (e.line, e.column)), Some((3, 1)));
}

#[test]
fn messages_quote_user_text_and_never_carry_markup_of_their_own() {
    let mut doc = example("course-en-chalmers.json");
    doc["institution"] = json!("<script>alert(1)</script>");
    let report = Checker::default().check(&doc);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "meta.institution");
    assert!(
        d.is_some_and(|d| d.message.starts_with("“<script>alert(1)</script>”")),
        "{d:?}"
    );
}
