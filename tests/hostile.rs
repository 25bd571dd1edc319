//! Hostile input, as someone pasting into a form or a broken export may give
//! it: every input reported, in linear time (timed by `cargo bench --bench
//! growth`; here, that the findings are the right ones), through the library
//! and the command line.

mod support;

use enhance_qa::{Checker, Profile, Report};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::example;

fn count(report: &Report, rule: &str) -> usize {
    report.diagnostics.iter().filter(|d| d.rule == rule).count()
}

fn paths<'r>(report: &'r Report, rule: &str) -> Vec<&'r str> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| d.path.as_str())
        .collect()
}

#[test]
fn a_course_with_100000_outcomes_gets_every_finding_it_should() {
    let n = 100_000;
    // Every 1000th outcome repeats the one 500 before it.
    let text = |i: usize| {
        let k = if i % 1000 == 999 { i - 500 } else { i };
        format!("Design a heat pump for the district heating network number {k}.")
    };
    let mut doc = example("course-en-chalmers.json");
    doc["learning_outcomes"] = (0..n).map(text).collect();
    let report = Checker::default()
        .check_str(&doc.to_string())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(paths(&report, "lo.count"), ["/learning_outcomes"]);
    // The pairs found by comparing every outcome's text with the earlier ones.
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut expected = Vec::new();
    for i in 0..n {
        if first.entry(text(i)).or_insert(i) != &i {
            expected.push(format!("/learning_outcomes/{i}"));
        }
    }
    assert_eq!(expected.len(), 100);
    assert_eq!(paths(&report, "lo.duplicate"), expected);
    let repeated = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "lo.duplicate")
        .map(|d| d.message.as_str());
    assert!(
        repeated.is_some_and(|m| m.contains("outcome 500")),
        "{repeated:?}"
    );
    // The example's assessments list the first five outcomes.
    assert_eq!(count(&report, "assessment.unassessed-outcome"), n - 5);
    assert_eq!(count(&report, "schema.limit"), 0);
    assert_eq!(report.diagnostics.len(), 1 + 100 + (n - 5));
}

#[test]
fn long_lists_of_hostile_entries_get_their_findings() {
    let checker = Checker::default();
    let n = 50_000;
    let mut course = example("course-en-chalmers.json");
    course["sdgs"] = (0..n).map(|i| json!(1 + i % 17)).collect();
    course["assessment"] = (0..n)
        .map(|i| json!({"method": "project", "weight": 100.0 / n as f64, "outcomes": [1 + i % 5]}))
        .collect();
    let report = checker.check(&course);
    assert_eq!(count(&report, "meta.sdg"), n - 17);
    assert_eq!(paths(&report, "assessment.single-method"), ["/assessment"]);
    assert_eq!(count(&report, "assessment.unassessed-outcome"), 0);

    let mut programme = example("programme-joint-master.json");
    programme["institutions"] = (0..n)
        .map(|i| json!({"id": format!("X{i}"), "role": "partner", "country": "SE"}))
        .collect();
    let report = checker.check(&programme);
    assert_eq!(paths(&report, "joint.partners"), ["/institutions"]);
    assert_eq!(count(&report, "joint.coordinator"), 1);
}

#[test]
fn long_codes_one_letter_apart_are_suggested_in_linear_time() {
    // Edit distance between two texts of 50,000 characters: only the band
    // around the diagonal is filled.
    let code = "A".repeat(50_000);
    let mut programme = example("programme-joint-master.json");
    programme["components"][0]["code"] = json!(format!("{code}X"));
    programme["components"][1]["prerequisites"] = json!([format!("{code}Y")]);
    let report = Checker::default().check(&programme);
    let unknown = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "programme.prerequisite-unknown")
        .unwrap_or_else(|| panic!("no unknown prerequisite"));
    assert_eq!(unknown.suggestions, [format!("{code}X")]);
}

#[test]
fn numbers_out_of_range_are_reported_and_never_printed() {
    let checker = Checker::default();
    let text = r#"{"kind": "course", "ects": 1e999, "activities": [{"type": "lecture", "hours": -1e999}], "eqf_level": "1e999"}"#;
    let report = checker.check_str(text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        paths(&report, "schema.limit"),
        ["/ects", "/activities/0/hours"]
    );
    // A huge sum of numbers in range is written out, not as infinity.
    let mut programme = example("programme-joint-master.json");
    for c in programme["components"].as_array_mut().into_iter().flatten() {
        c["ects"] = json!(1e15);
    }
    programme["ects"] = json!(1e15);
    let with_sum = checker.check(&programme);
    for report in [&report, &with_sum] {
        for d in &report.diagnostics {
            assert!(
                !d.message.contains('∞')
                    && !d.message.contains("NaN")
                    && !d.message.contains("inf"),
                "{}: {}",
                d.rule,
                d.message
            );
            assert!(d.suggestions.iter().all(|s| !s.contains('∞')));
        }
    }
    assert!(count(&with_sum, "programme.ects-sum") > 0);
}

#[test]
fn a_profile_may_not_nest_deeper_than_reading_recurses_safely() {
    let profile = Profile::from_json(r#"{"rules": {"schema.limit": {"max_depth": 129}}}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    let err = Checker::build(profile, "en").err().map(|e| e.message);
    assert_eq!(
        err.as_deref(),
        Some("rules/schema.limit/max_depth: at most 128 (each level is read by a call of its own)")
    );
    let deepest = Profile::from_json(r#"{"rules": {"schema.limit": {"max_depth": 128}}}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    let checker = Checker::new(deepest);
    let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
    let text = format!(r#"{{"kind": "course", "extra": {deep}}}"#);
    let report = checker.check_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let limit = paths(&report, "schema.limit");
    assert_eq!(limit.len(), 1);
    assert_eq!(limit[0].matches('/').count(), 128);
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_enhance-qa"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run enhance-qa: {e}"));
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

#[test]
fn the_command_reads_each_document_of_a_file_under_the_limits() {
    let dir = scratch("hostile-limits");
    let profile = dir.join("profile.json");
    std::fs::write(
        &profile,
        r#"{"rules": {"schema.limit": {"max_document_size": 5000, "max_list_length": 3}}}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let course = support::example_text("course-en-chalmers.json");
    let large = json!({"kind": "course", "summary": "word ".repeat(2000)});
    let file = dir.join("three.json");
    // A file of three documents: the limits hold for each, not for the file.
    let text = format!("[{course}, {large}, {course}]");
    std::fs::write(&file, text).unwrap_or_else(|e| panic!("{e}"));
    let (code, stdout, stderr) = run(&[
        "check",
        "--format",
        "json",
        "--profile",
        profile.to_str().unwrap_or_default(),
        file.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, Some(1), "{stderr}");
    let entries: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}"));
    let found = |i: usize| -> Vec<(String, String)> {
        entries[i]["report"]["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|d| d["rule"].as_str().is_some_and(|r| r.starts_with("schema.")))
            .map(|d| {
                (
                    d["rule"].as_str().unwrap_or_default().into(),
                    d["path"].as_str().unwrap_or_default().into(),
                )
            })
            .collect()
    };
    let activities = ("schema.limit".to_string(), "/activities".to_string());
    assert!(found(0).contains(&activities), "{:?}", found(0));
    assert_eq!(found(1), [("schema.limit".to_string(), String::new())]);
    assert_eq!(found(2), found(0));
}

#[test]
fn the_command_reports_repeated_keys_where_the_read_value_is() {
    let dir = scratch("hostile-keys");
    let file = dir.join("twice.json");
    std::fs::write(
        &file,
        "{\n  \"kind\": \"course\",\n  \"ects\": 7.5,\n  \"ects\": 0\n}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (_, stdout, _) = run(&[
        "check",
        "--format",
        "sarif",
        file.to_str().unwrap_or_default(),
    ]);
    let log: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}"));
    let results = log["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let region = |rule: &str| {
        results
            .iter()
            .find(|r| r["ruleId"] == rule)
            .map(|r| r["locations"][0]["physicalLocation"]["region"].clone())
    };
    // The later key's value: the one read, where the range rule also points.
    let later = json!({"startLine": 4, "startColumn": 11});
    assert_eq!(region("schema.duplicate-key"), Some(later.clone()));
    assert_eq!(region("workload.ects-range"), Some(later));
}

#[test]
fn parse_errors_count_utf16_columns_everywhere_they_are_printed() {
    let dir = scratch("hostile-columns");
    let file = dir.join("broken.json");
    std::fs::write(&file, "{\"😀é\": x}").unwrap_or_else(|e| panic!("{e}"));
    let path = file.to_str().unwrap_or_default();
    let (code, _, stderr) = run(&["check", path]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains(&format!("{path}:1:9: ")), "{stderr}");
    let (_, stdout, _) = run(&["check", "--format", "sarif", path]);
    let log: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}"));
    let notification = &log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["region"],
        json!({"startLine": 1, "startColumn": 9})
    );
    let err = Checker::default().check_str("{\"😀é\": x}").err();
    assert_eq!(err.map(|e| (e.line, e.column)), Some((1, 9)));
}
