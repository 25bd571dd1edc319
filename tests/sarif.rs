//! `enhance-qa check --format sarif`: the shape of a SARIF 2.1.0 log, and
//! each result's region at the real line and column of its value.

mod support;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::example;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_enhance-qa"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run enhance-qa: {e}"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

/// The text that starts at a 1-based line and UTF-16 column.
fn at(text: &str, line: u64, column: u64) -> &str {
    let Some(row) = text.split('\n').nth(line as usize - 1) else {
        return "";
    };
    let mut units = 1;
    for (i, c) in row.char_indices() {
        if units == column {
            return &row[i..];
        }
        units += c.len_utf16() as u64;
    }
    ""
}

/// `enhance-qa check --format sarif` over a folder.
fn sarif_of(dir: &Path) -> Output {
    run(&[
        "check",
        "--format",
        "sarif",
        dir.to_str().unwrap_or_default(),
    ])
}

/// The log of a folder with a programme (pretty-printed, several findings),
/// a one-line course with non-ASCII text before its findings, and an array
/// of two courses.
/// Each test writes its own folder: tests run in parallel.
fn log(folder: &str) -> (Value, PathBuf, Output) {
    let dir = scratch(folder);
    let mut programme = example("programme-joint-master.json");
    programme["components"][1]["code"] = json!("CHAL-EEN-175");
    programme["components"][0]
        .as_object_mut()
        .map(|c| c.remove("contributes_to"));
    programme["semesters"] = json!(5);
    std::fs::write(
        dir.join("a-programme.json"),
        serde_json::to_string_pretty(&programme).unwrap_or_default(),
    )
    .unwrap_or_default();
    std::fs::write(
        dir.join("b-course.json"),
        r#"{"kind": "course", "title": "Ünïcödé 😀 — «Grundlagen»", "ects": "five", "code": "X"}"#,
    )
    .unwrap_or_default();
    let mut upv = example("course-en-upv.json");
    upv["learning_outcomes"][1] = json!("Understand the basics of heat pumps and chillers.");
    let mut second = example("course-en-upv.json");
    second["code"] = json!("UPV-99999");
    second["ects"] = json!(7);
    std::fs::write(
        dir.join("c-array.json"),
        serde_json::to_string_pretty(&json!([upv, second])).unwrap_or_default(),
    )
    .unwrap_or_default();
    let out = sarif_of(&dir);
    let log: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}):\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (log, dir, out)
}

#[test]
fn the_log_has_the_sarif_shape_and_every_rule() {
    let (log, _, out) = log("sarif-shape");
    assert_eq!(out.status.code(), Some(1), "errors give exit 1");
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"]
        .as_str()
        .is_some_and(|s| s.contains("sarif-2.1.0")));
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "enhance-qa");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().cloned().unwrap_or_default();
    let ids: Vec<&str> = enhance_qa::rules().map(|r| r.id).collect();
    assert_eq!(rules.len(), ids.len());
    for (rule, id) in rules.iter().zip(&ids) {
        assert_eq!(rule["id"], *id);
        assert!(rule["shortDescription"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
        assert!(
            ["error", "warning", "note"].contains(
                &rule["defaultConfiguration"]["level"]
                    .as_str()
                    .unwrap_or_default()
            ),
            "{rule}"
        );
    }
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn every_result_points_at_its_value() {
    let (log, dir, _) = log("sarif-regions");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let results = run["results"].as_array().cloned().unwrap_or_default();
    assert!(results.len() >= 8, "{results:?}");
    let mut seen = Vec::new();
    for r in &results {
        let id = r["ruleId"].as_str().unwrap_or_default();
        let index = r["ruleIndex"].as_u64().unwrap_or(u64::MAX) as usize;
        assert_eq!(rules.get(index).map(|x| &x["id"]), Some(&r["ruleId"]));
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap_or_default()));
        assert!(r["message"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        let location = &r["locations"][0];
        let pointer = location["logicalLocations"][0]["fullyQualifiedName"]
            .as_str()
            .unwrap_or_else(|| panic!("no pointer in {r}"));
        let uri = location["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap_or_default();
        let name = uri.rsplit('/').next().unwrap_or_default();
        let text = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        let region = &location["physicalLocation"]["region"];
        let (line, column) = (
            region["startLine"].as_u64().unwrap_or(0),
            region["startColumn"].as_u64().unwrap_or(0),
        );
        let doc: Value = serde_json::from_str(&text).unwrap_or_default();
        let in_file = match r["properties"]["document"].as_u64() {
            Some(i) => format!("/{i}{pointer}"),
            None => pointer.to_string(),
        };
        let here = at(&text, line, column);
        match doc.pointer(&in_file) {
            // A value there: the text at the region is that value.
            Some(value @ (Value::Object(_) | Value::Array(_))) => {
                let open = if value.is_object() { "{" } else { "[" };
                assert!(here.starts_with(open), "{id} {in_file}: {here:.20}");
            }
            Some(value) => {
                let written = value.to_string();
                assert!(
                    here.starts_with(&written),
                    "{id} {in_file} at {line}:{column}: {here:.40} is not {written}"
                );
            }
            // A missing value: the object that lacks it.
            None => {
                assert_eq!(r["properties"]["regionIsAncestor"], true, "{r}");
                assert!(here.starts_with('{'), "{id} {in_file}: {here:.20}");
            }
        }
        seen.push((
            name.to_string(),
            id.to_string(),
            pointer.to_string(),
            line,
            column,
        ));
    }
    let has = |file: &str, rule: &str, pointer: &str| {
        seen.iter()
            .find(|(f, r, p, _, _)| f == file && r == rule && p == pointer)
            .map(|(_, _, _, l, c)| (*l, *c))
    };
    // Known places, counted by hand: the one-line course has "ects" after an
    // emoji (2 UTF-16 units) and « » (1 each).
    assert_eq!(has("b-course.json", "schema.type", "/ects"), Some((1, 66)));
    assert_eq!(
        has("b-course.json", "schema.required", "/summary"),
        Some((1, 1))
    );
    assert!(has(
        "a-programme.json",
        "programme.duplicate-code",
        "/components/1/code"
    )
    .is_some());
    assert!(has(
        "a-programme.json",
        "programme.unmapped-component",
        "/components/0"
    )
    .is_some());
    assert!(has("a-programme.json", "programme.duration", "/semesters").is_some());
    assert!(has("c-array.json", "lo.vague-verb", "/learning_outcomes/1").is_some());
    assert!(has("c-array.json", "workload.hours-per-credit", "/activities").is_some());
}

#[test]
fn the_examples_give_notes_only_and_invalid_json_is_a_notification() {
    let out = run(&["check", "--format", "sarif", "tests/examples"]);
    assert_eq!(out.status.code(), Some(0));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let results = log["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(results.len(), 27);
    assert!(results
        .iter()
        .all(|r| r["level"] == "note" && r["ruleId"] == "catalogue.missing-course"));

    let dir = scratch("sarif-invalid");
    std::fs::write(
        dir.join("broken.json"),
        "{\n  \"kind\": \"course\",\n  \"code\" 1\n}",
    )
    .unwrap_or_default();
    let out = sarif_of(&dir);
    assert_eq!(out.status.code(), Some(2));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert_eq!(
        note["locations"][0]["physicalLocation"]["region"],
        json!({"startLine": 3, "startColumn": 10})
    );
}
