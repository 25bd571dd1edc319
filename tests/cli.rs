//! The `enhance-qa` command as a quality officer runs it.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::example_text;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_enhance-qa"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run enhance-qa: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

#[test]
fn examples_folder_checks_clean_with_exit_0() {
    let out = run(&["check", "tests/examples"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("9 documents checked: 0 errors, 0 warnings"),
        "{stdout}"
    );
}

#[test]
fn an_error_gives_exit_1_and_a_line_per_diagnostic() {
    let dir = scratch("error");
    let file = dir.join("bad.json");
    std::fs::write(&file, r#"{"kind": "course", "code": "X", "ects": "five"}"#).unwrap_or_default();
    let out = run(&["check", file.to_str().unwrap_or_default()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("error   /code") && stdout.contains("meta.code-format"),
        "{stdout}"
    );
    assert!(
        stdout.contains("/ects") && stdout.contains("schema.type"),
        "{stdout}"
    );
    assert!(
        !stdout.contains('\u{1b}'),
        "no colour when not on a terminal"
    );
}

#[test]
fn invalid_json_is_reported_with_line_and_column_and_others_still_checked() {
    let dir = scratch("invalid");
    std::fs::write(
        dir.join("a-broken.json"),
        "{\n  \"kind\": \"course\",\n  \"code\" \"X\"\n}",
    )
    .unwrap_or_default();
    std::fs::copy("tests/examples/course-en-upv.json", dir.join("b-good.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = run(&[
        "check",
        "--format",
        "json",
        dir.to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("a-broken.json:3:10: invalid JSON"),
        "{}",
        text(&out.stderr)
    );
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(reports.as_array().map(Vec::len), Some(1));
    assert!(reports[0]["file"]
        .as_str()
        .is_some_and(|f| f.ends_with("b-good.json")));
    assert_eq!(reports[0]["index"], serde_json::Value::Null);
    assert_eq!(reports[0]["report"]["score"], 100);
}

#[test]
fn a_file_may_hold_an_array_of_documents() {
    let dir = scratch("array");
    let file = dir.join("two.json");
    std::fs::write(&file, r#"[{"kind": "course"}, 5]"#).unwrap_or_default();
    let out = run(&["check", "--format=json", file.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(1));
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(reports[1]["index"], 1);
    assert_eq!(
        reports[1]["report"]["diagnostics"][0]["rule"],
        "schema.type"
    );
    assert_eq!(reports[1]["report"]["diagnostics"][0]["path"], "");
}

#[test]
fn a_profile_can_turn_a_rule_off_and_a_bad_one_is_named() {
    let dir = scratch("profile");
    let doc = dir.join("doc.json");
    std::fs::write(&doc, r#"{"kind": "course", "code": "X"}"#).unwrap_or_default();
    let good = dir.join("good.json");
    std::fs::write(
        &good,
        r#"{"extends": "enhance-2026", "rules": {"meta.code-format": "off"}}"#,
    )
    .unwrap_or_default();
    let out = run(&[
        "check",
        "--profile",
        good.to_str().unwrap_or_default(),
        doc.to_str().unwrap_or_default(),
    ]);
    assert!(!text(&out.stdout).contains("meta.code-format"));
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"rules": {"meta.code-fromat": "off"}}"#).unwrap_or_default();
    let out = run(&[
        "check",
        "--profile",
        bad.to_str().unwrap_or_default(),
        doc.to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("rules/meta.code-fromat: unknown rule (did you mean \"meta.code-format\"?)"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_problems_give_exit_2() {
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", "--format", "xml", "x"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&["check", "no/such/file.json"]).status.code(), Some(2));
}

#[test]
fn rules_are_listed_in_every_format_from_the_registry() {
    let ids: Vec<&str> = enhance_qa::rules().map(|r| r.id).collect();
    let human = text(&run(&["rules"]).stdout);
    let markdown = text(&run(&["rules", "--format", "markdown"]).stdout);
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["rules", "--format", "json"]).stdout).unwrap_or_default();
    assert_eq!(json.as_array().map(Vec::len), Some(ids.len()));
    for id in ids {
        assert!(
            human.contains(id) && markdown.contains(&format!("`{id}`")),
            "{id}"
        );
    }
    assert_eq!(json[0]["id"], "schema.required");
    assert_eq!(json[0]["severity"], "error");
    assert_eq!(json[0]["group"], "shape");
}

#[test]
fn a_folder_is_checked_in_parallel_and_reported_in_file_order() {
    let dir = scratch("parallel");
    let course = example_text("course-en-upv.json");
    let mut names = Vec::new();
    for i in 0..60 {
        let mut doc: serde_json::Value = serde_json::from_str(&course).unwrap_or_default();
        doc["code"] = serde_json::json!(format!("UPV-{i:03}"));
        // Every seventh has an error, so that reports differ from file to file.
        if i % 7 == 0 {
            doc["ects"] = serde_json::json!(0);
        }
        let sub = dir.join(format!("part-{}", i % 3));
        std::fs::create_dir_all(&sub).unwrap_or_default();
        let file = sub.join(format!("{:02}.json", 59 - i));
        std::fs::write(&file, doc.to_string()).unwrap_or_default();
        names.push(file.display().to_string());
    }
    names.sort();
    let first = run(&[
        "check",
        "--format",
        "json",
        dir.to_str().unwrap_or_default(),
    ]);
    let again = run(&[
        "check",
        "--format",
        "json",
        dir.to_str().unwrap_or_default(),
    ]);
    assert_eq!(first.stdout, again.stdout, "the same output every time");
    assert_eq!(first.status.code(), Some(1));
    let reports: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap_or_default();
    let files: Vec<&str> = reports
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["file"].as_str())
        .collect();
    assert_eq!(files, names);
    let errors = reports
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["report"]["counts"]["error"] != 0)
        .count();
    assert_eq!(errors, 9);
}

#[test]
fn every_command_has_help() {
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["rules", "--help"],
        &["explain", "--help"],
    ] {
        let out = run(args);
        let stdout = text(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(stdout.contains("Usage: enhance-qa"), "{args:?}: {stdout}");
    }
    let check = text(&run(&["check", "--help"]).stdout);
    assert!(
        check.contains("--profile") && check.contains("--format"),
        "{check}"
    );
}

#[cfg(unix)]
#[test]
fn a_link_back_up_the_tree_is_not_followed_round() {
    let dir = scratch("loop");
    std::fs::copy("tests/examples/course-en-upv.json", dir.join("course.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(".", dir.join("again")).unwrap_or_else(|e| panic!("{e}"));
    let out = run(&["check", dir.to_str().unwrap_or_default()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("1 document checked"), "{stdout}");
}

#[test]
fn a_file_named_twice_is_checked_once() {
    let dir = scratch("twice");
    let file = dir.join("course.json");
    std::fs::copy("tests/examples/course-en-upv.json", &file).unwrap_or_else(|e| panic!("{e}"));
    let plain = file.to_str().unwrap_or_default().to_string();
    let dotted = format!("{}/./course.json", dir.display());
    for args in [
        vec!["check", &plain, &plain],
        vec!["check", &plain, &dotted],
        vec!["check", &plain, dir.to_str().unwrap_or_default()],
    ] {
        let out = run(&args);
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stdout}");
        assert!(stdout.contains("1 document checked"), "{args:?}: {stdout}");
        assert!(!stdout.contains("catalogue.duplicate-code"), "{stdout}");
    }
}

#[test]
fn a_path_that_holds_no_document_gives_exit_2() {
    let dir = scratch("empty");
    std::fs::write(dir.join("notes.txt"), "not a document").unwrap_or_else(|e| panic!("{e}"));
    let out = run(&["check", dir.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("holds no JSON file"),
        "{}",
        text(&out.stderr)
    );
    let empty = dir.join("none.json");
    std::fs::write(&empty, "[]").unwrap_or_else(|e| panic!("{e}"));
    let out = run(&["check", empty.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("holds no document"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn explain_tells_about_every_rule() {
    for rule in enhance_qa::rules() {
        let out = run(&["explain", rule.id]);
        let stdout = text(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            rule.id,
            text(&out.stderr)
        );
        for part in [
            "What it checks",
            "Why",
            "Source:",
            "How to fix it",
            "Fires on",
            "Silent on",
            "Settings",
        ] {
            assert!(stdout.contains(part), "{}: no {part}\n{stdout}", rule.id);
        }
    }
    let out = run(&["explain", "lo.count", "--format", "markdown"]);
    assert!(text(&out.stdout).contains("| `course/max` | number | `8` |"));
    let out = run(&["explain", "lo.count", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(json["explain"]["settings"][1]["default"], 8);
}

#[test]
fn an_unknown_rule_is_named_with_the_nearest() {
    let out = run(&["explain", "lo.cont"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim(),
        "enhance-qa: no rule \"lo.cont\" (did you mean \"lo.count\"?)"
    );
}
