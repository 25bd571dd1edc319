//! Rule fixtures: `tests/rules/<rule id>.json`, each a list of cases that
//! derive a document from an example (or give one whole), check it, and
//! expect exactly the listed diagnostics of that rule. Every case is one test.
//!
//! ```json
//! {"rule": "workload.ects-range", "base": "course-en-chalmers.json", "cases": [
//!   {"name": "fires at 0 ECTS", "set": {"/ects": 0}, "expect": [{"path": "/ects"}]},
//!   {"name": "silent at 30 ECTS", "set": {"/ects": 30, "/activities/4/hours": 700}, "expect": []}
//! ]}
//! ```
//! A case may also `remove` pointers, replace the whole `document`, give a
//! `profile` (overrides of the built-in one) and a `base` of its own; an
//! expected diagnostic may pin its `severity`, `span`, `suggestions` and a
//! part of its `message`. What only JSON text can hold (a key given twice,
//! `1e999`) is given as `text`, the whole document, or as `append`, members
//! written after the derived document's own: such a case is checked from
//! its text.

mod support;

use enhance_qa::{Checker, Profile, Report};
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::{json, Value};
use std::path::Path;
use support::snapshot;

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for file in files
        .into_iter()
        .filter(|f| f.extension().is_some_and(|x| x == "json"))
    {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let name = file
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let fixture: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                let message = format!("{}: {e}", file.display());
                trials.push(Trial::test(format!("{name}::parses"), move || {
                    Err(message.into())
                }));
                continue;
            }
        };
        for case in fixture["cases"].as_array().cloned().unwrap_or_default() {
            let fixture = fixture.clone();
            let title = format!("{name}::{}", case["name"].as_str().unwrap_or("unnamed"));
            trials.push(Trial::test(title, move || run_case(&fixture, &case)));
        }
        trials.push(Trial::test(format!("{name}::snapshot"), move || {
            snapshot_reports(&name, &fixture)
        }));
    }
    trials.push(Trial::test(
        "registry::every_rule_has_firing_and_silent_fixtures",
        every_rule_has_fixtures,
    ));
    libtest_mimic::run(&args, trials).exit();
}

/// The report of a case's document, under the case's profile.
fn report_of(fixture: &Value, case: &Value) -> Result<Report, Failed> {
    let profile = match case.get("profile") {
        Some(p) => Profile::from_json(&p.to_string()).map_err(|e| format!("profile: {e}"))?,
        None => Profile::built_in(),
    };
    let checker = Checker::new(profile);
    match support::case_document(fixture, case)? {
        support::CaseDocument::Value(doc) => Ok(checker.check(&doc)),
        support::CaseDocument::Text(text) => checker
            .check_str(&text)
            .map_err(|e| format!("the case's text: {e}").into()),
    }
}

fn run_case(fixture: &Value, case: &Value) -> Result<(), Failed> {
    let rule = fixture["rule"].as_str().ok_or("fixture has no rule")?;
    let report = report_of(fixture, case)?;
    let got: Vec<&enhance_qa::Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .collect();
    let expect = case["expect"].as_array().ok_or("case has no expect list")?;
    let describe = || {
        let all: Vec<String> = report
            .diagnostics
            .iter()
            .map(|d| format!("{} {} {:?}: {}", d.rule, d.path, d.span, d.message))
            .collect();
        format!("all diagnostics:\n  {}", all.join("\n  "))
    };
    if got.len() != expect.len() {
        return Err(format!(
            "expected {} `{rule}` diagnostics, got {}\n{}",
            expect.len(),
            got.len(),
            describe()
        )
        .into());
    }
    for (d, e) in got.iter().zip(expect) {
        let check = |ok: bool, what: &str| -> Result<(), Failed> {
            if ok {
                Ok(())
            } else {
                Err(format!(
                    "`{rule}` at {}: {what} differs from {e}\n{}",
                    d.path,
                    describe()
                )
                .into())
            }
        };
        check(e["path"].as_str() == Some(d.path.as_str()), "path")?;
        if let Some(s) = e.get("severity") {
            check(s.as_str() == Some(d.severity.as_str()), "severity")?;
        }
        if let Some(span) = e.get("span") {
            check(
                *span == json!([d.span.map(|s| s.start), d.span.map(|s| s.end)]),
                "span",
            )?;
        }
        if let Some(s) = e.get("suggestions") {
            check(*s == json!(d.suggestions), "suggestions")?;
        }
        if let Some(m) = e.get("message") {
            check(
                d.message.contains(m.as_str().unwrap_or_default()),
                "message",
            )?;
        }
    }
    Ok(())
}

/// Every case's report in full, compared with the snapshot committed in
/// `tests/snapshots/rules/`: a change of any message, path, span or score
/// shows in review.
fn snapshot_reports(name: &str, fixture: &Value) -> Result<(), Failed> {
    let mut reports = serde_json::Map::new();
    for case in fixture["cases"].as_array().into_iter().flatten() {
        let title = case["name"].as_str().ok_or("a case has no name")?;
        let report = serde_json::to_value(report_of(fixture, case)?).map_err(|e| e.to_string())?;
        if reports.insert(title.to_string(), report).is_some() {
            return Err(format!("two cases are named \"{title}\"").into());
        }
    }
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/snapshots/rules/{name}.json"));
    snapshot(&path, &Value::Object(reports)).map_err(Failed::from)
}

/// Every rule in the registry has a fixture file with at least one case that
/// fires it and one that must not. Rules across documents have theirs in
/// `tests/catalogue/`, whose cases `tests/catalogue.rs` runs.
fn every_rule_has_fixtures() -> Result<(), Failed> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut missing = Vec::new();
    for rule in enhance_qa::rules() {
        let dir = if rule.group == enhance_qa::Group::Catalogue {
            root.join("tests/catalogue")
        } else {
            root.join("tests/rules")
        };
        let path = dir.join(format!("{}.json", rule.id));
        let fixture: Value = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        let cases = fixture["cases"].as_array().cloned().unwrap_or_default();
        let fires = cases
            .iter()
            .any(|c| c["expect"].as_array().is_some_and(|e| !e.is_empty()));
        let silent = cases
            .iter()
            .any(|c| c["expect"].as_array().is_some_and(Vec::is_empty));
        if fixture["rule"].as_str() != Some(rule.id) || !fires || !silent {
            missing.push(rule.id);
        }
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "rules without a firing and a silent fixture: {}",
            missing.join(", ")
        )
        .into())
    }
}
