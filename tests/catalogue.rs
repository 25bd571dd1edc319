//! Rules across documents: `tests/catalogue/<rule id>.json` holds cases of
//! several documents each, derived from the examples like the rule fixtures:
//!
//! ```json
//! {"rule": "catalogue.component-ects", "cases": [
//!   {"name": "fires …", "documents": [{"base": "programme-joint-master.json"},
//!                                     {"base": "course-en-chalmers.json", "set": {"/ects": 6}}],
//!    "expect": [{"document": 0, "path": "/components/0/ects", "severity": "warning"}]}
//! ]}
//! ```
//! A document may `set` and `remove` pointers like a rule fixture, and name a
//! `file` that it shares with others (they are written as one array). Each
//! case runs twice: through the library (`catalogue::check_all`) and through
//! the command line over a folder of files; both must give exactly the
//! expected diagnostics of the rule, document by document. `tests/fixtures.rs`
//! requires a firing and a silent case here for every catalogue rule.

mod support;

use enhance_qa::{catalogue, json, Checker, Severity};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::{example, example_text, remove, set, snapshot};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn document(spec: &Value) -> Result<Value, String> {
    let mut doc = match spec.get("document") {
        Some(d) => d.clone(),
        None => example(spec["base"].as_str().ok_or("a document needs a base")?),
    };
    for p in spec["remove"].as_array().into_iter().flatten() {
        remove(&mut doc, p.as_str().unwrap_or_default())?;
    }
    for (pointer, value) in spec["set"].as_object().into_iter().flatten() {
        set(&mut doc, pointer, value.clone())?;
    }
    Ok(doc)
}

/// One diagnostic of the rule: (document, path, severity, message).
type Found = (usize, String, String, String);

fn compare(rule: &str, how: &str, got: &[Found], expect: &[Value]) -> Result<(), String> {
    let all = || {
        got.iter()
            .map(|(d, p, s, m)| format!("  {d} {p} {s}: {m}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    if got.len() != expect.len() {
        return Err(format!(
            "{how}: expected {} `{rule}` diagnostics, got {}:\n{}",
            expect.len(),
            got.len(),
            all()
        ));
    }
    for ((d, path, severity, message), e) in got.iter().zip(expect) {
        let ok = e["document"].as_u64() == Some(*d as u64)
            && e["path"].as_str() == Some(path.as_str())
            && e.get("severity")
                .is_none_or(|s| s.as_str() == Some(severity.as_str()))
            && e.get("message")
                .is_none_or(|m| message.contains(m.as_str().unwrap_or_default()));
        if !ok {
            return Err(format!(
                "{how}: {e} differs from what was found:\n{}",
                all()
            ));
        }
    }
    Ok(())
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("catalogue")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

/// Runs a case both ways; gives the library's reports, for the snapshot.
fn run_case(rule: &str, tag: &str, case: &Value) -> Result<Vec<enhance_qa::Report>, String> {
    let specs = case["documents"]
        .as_array()
        .ok_or("a case needs documents")?;
    let docs = specs.iter().map(document).collect::<Result<Vec<_>, _>>()?;
    let expect = case["expect"].as_array().ok_or("a case needs expect")?;

    // The library: every document named, checked and cross-checked.
    let checker = Checker::default();
    let values: Vec<json::Value<'_>> = docs.iter().map(json::Value::from_serde).collect();
    let named: Vec<(String, &json::Value<'_>)> = values
        .iter()
        .enumerate()
        .map(|(i, v)| (format!("doc-{i}"), v))
        .collect();
    let refs: Vec<(&str, &json::Value<'_>)> = named.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    let library = catalogue::check_all(&checker, &refs);
    let got: Vec<Found> = library
        .iter()
        .enumerate()
        .flat_map(|(d, r)| {
            r.diagnostics
                .iter()
                .filter(|x| x.rule == rule)
                .map(move |x| {
                    (
                        d,
                        x.path.clone(),
                        x.severity.as_str().to_string(),
                        x.message.clone(),
                    )
                })
        })
        .collect();
    compare(rule, "library", &got, expect)?;

    // The command line: one file per document (or one array per shared
    // `file`), named so that folder order is document order.
    let dir = scratch(tag);
    let mut files: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, spec) in specs.iter().enumerate() {
        match spec["file"].as_str() {
            Some(shared) => match files.iter_mut().find(|(f, _)| f.ends_with(shared)) {
                Some((_, members)) => members.push(i),
                None => files.push((format!("{i:02}-{shared}"), vec![i])),
            },
            None => files.push((format!("{i:02}-doc"), vec![i])),
        }
    }
    // Where each document lands: (file path as the tool prints it, index in the file).
    let mut place = vec![(String::new(), None); docs.len()];
    for (name, members) in &files {
        let path = dir.join(format!("{name}.json"));
        let printed = path.display().to_string();
        let text = if members.len() == 1 && !specs[members[0]]["file"].is_string() {
            place[members[0]] = (printed.clone(), None);
            docs[members[0]].to_string()
        } else {
            for (k, &m) in members.iter().enumerate() {
                place[m] = (printed.clone(), Some(k as u64));
            }
            Value::Array(members.iter().map(|&m| docs[m].clone()).collect()).to_string()
        };
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_enhance-qa"))
        .args(["check", "--format", "json"])
        .arg(&dir)
        .output()
        .map_err(|e| format!("cannot run enhance-qa: {e}"))?;
    let reports: Value = serde_json::from_slice(&out.stdout).map_err(|e| {
        format!(
            "CLI output is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })?;
    let mut got = Vec::new();
    for (d, (file, index)) in place.iter().enumerate() {
        let entry = reports
            .as_array()
            .into_iter()
            .flatten()
            .find(|r| r["file"].as_str() == Some(file.as_str()) && r["index"].as_u64() == *index)
            .ok_or(format!("no report for {file} {index:?}"))?;
        for x in entry["report"]["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
        {
            if x["rule"] == rule {
                got.push((
                    d,
                    x["path"].as_str().unwrap_or_default().to_string(),
                    x["severity"].as_str().unwrap_or_default().to_string(),
                    x["message"].as_str().unwrap_or_default().to_string(),
                ));
            }
        }
    }
    compare(rule, "command line", &got, expect)?;
    Ok(library)
}

#[test]
fn every_catalogue_case_holds_in_the_library_and_the_command_line() {
    let dir = root().join("tests/catalogue");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut failures = Vec::new();
    let mut cases = 0;
    for file in files
        .into_iter()
        .filter(|f| f.extension().is_some_and(|x| x == "json"))
    {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let fixture: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let rule = fixture["rule"].as_str().unwrap_or_default();
        let mut reports = serde_json::Map::new();
        for (k, case) in fixture["cases"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            cases += 1;
            let name = case["name"].as_str().unwrap_or("unnamed");
            match run_case(rule, &format!("{rule}-{k}"), case) {
                Ok(found) => {
                    let found = serde_json::to_value(found).unwrap_or_else(|e| panic!("{e}"));
                    reports.insert(name.to_string(), found);
                }
                Err(e) => failures.push(format!("{rule}::{name}: {e}")),
            }
        }
        // Every report in full, so that a change of message or score is reviewed.
        let path = root().join(format!("tests/snapshots/catalogue/{rule}.json"));
        if let Err(e) = snapshot(&path, &Value::Object(reports)) {
            failures.push(e);
        }
    }
    assert!(cases >= 10, "only {cases} catalogue cases");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_examples_folder_gives_only_missing_course_infos() {
    let out = Command::new(env!("CARGO_BIN_EXE_enhance-qa"))
        .args(["check", "--format", "json", "tests/examples"])
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("cannot run enhance-qa: {e}"));
    assert_eq!(out.status.code(), Some(0));
    let reports: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let mut found: Vec<(String, String)> = Vec::new();
    for r in reports.as_array().into_iter().flatten() {
        for d in r["report"]["diagnostics"].as_array().into_iter().flatten() {
            assert_eq!(d["rule"], "catalogue.missing-course", "{d}");
            assert_eq!(d["severity"], "info", "{d}");
            let file = r["file"].as_str().unwrap_or_default();
            let name = file.rsplit('/').next().unwrap_or_default();
            found.push((
                name.to_string(),
                d["path"].as_str().unwrap_or_default().into(),
            ));
        }
    }
    let bachelor = found
        .iter()
        .filter(|(f, _)| f == "programme-bachelor.json")
        .count();
    let master: Vec<&str> = found
        .iter()
        .filter(|(f, _)| f == "programme-joint-master.json")
        .map(|(_, p)| p.as_str())
        .collect();
    // 16 mandatory components and 4 options; thesis, mobility and block need no description.
    assert_eq!(bachelor, 20);
    assert_eq!(
        master,
        [
            "/components/1/code",
            "/components/2/code",
            "/components/3/code",
            "/components/5/code",
            "/components/6/options/0/code",
            "/components/6/options/1/code",
            "/components/6/options/3/code",
        ]
    );
    assert_eq!(found.len(), 27);
}

#[test]
fn a_catalogue_can_be_built_one_document_at_a_time() {
    let checker = Checker::default();
    let mut catalogue = catalogue::Catalogue::new();
    let mut reports = Vec::new();
    for name in ["course-en-upv.json", "course-en-upv.json"] {
        let text = example_text(name);
        // Only the report and the summary outlive the parsed document.
        let value = json::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        reports.push(checker.check_value(&value));
        catalogue.push(name, catalogue::Summary::of(&value));
    }
    let found = catalogue.check(&checker);
    assert_eq!(found.len(), 2);
    assert!(found[0].is_empty());
    for (report, more) in reports.iter_mut().zip(found) {
        report.extend(more);
    }
    // The second copy gets the duplicate code, counted and scored.
    let second = &reports[1];
    assert_eq!(second.counts.error, 1);
    assert_eq!(second.score, 85);
    assert_eq!(second.diagnostics[0].rule, "catalogue.duplicate-code");
    assert_eq!(second.diagnostics[0].severity, Severity::Error);
    assert_eq!(reports[0].score, 100);
}

#[test]
fn a_profile_can_turn_a_catalogue_rule_off_or_change_its_severity() {
    let profile = enhance_qa::Profile::from_json(
        r#"{"rules": {"catalogue.duplicate-code": "off", "catalogue.prerequisite-missing": "info"}}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let checker = Checker::new(profile);
    let text = example_text("course-en-chalmers.json");
    let value = json::parse(&text).unwrap_or_else(|e| panic!("{e}"));
    let reports = catalogue::check_all(&checker, &[("a", &value), ("b", &value)]);
    let rules: Vec<(&str, Severity)> = reports[1]
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.severity))
        .collect();
    assert_eq!(rules, [("catalogue.prerequisite-missing", Severity::Info)]);
}
