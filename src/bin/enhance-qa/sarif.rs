//! SARIF 2.1.0 output, so that code-review tools show each finding on the
//! line of the value it is about.
//!
//! The log is written as a stream: the tool's description with every rule,
//! then one result at a time, then the invocation; a whole catalogue's
//! results are never held as one tree. Columns count UTF-16 code units, as
//! the log declares (`columnKind`) and as [`json::locate_all`] counts them.
//!
//! [`json::locate_all`]: enhance_qa::json::locate_all

use crate::{Checked, Problem};
use enhance_qa::json::Position;
use enhance_qa::Checker;
use enhance_qa::Messages;
use enhance_qa::RuleInfo;
use enhance_qa::{Diagnostic, Severity};
use rayon::prelude::*;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::io::{self, Write};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const VERSION: &str = "2.1.0";

/// A severity as a SARIF level (`info` is SARIF's `note`).
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A file path as a URI reference: relative paths stay relative (to the
/// folder the tool ran in), absolute ones become `file://` URIs.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The tool's description: name, version and every rule's metadata, with
/// its level in the profile in use (`none` and disabled when it is off).
pub fn driver(rules: &[RuleInfo], m: &Messages) -> Value {
    let rules: Vec<Value> = rules
        .iter()
        .map(|r| {
            let summary = m.summary(r.id, r.summary);
            json!({
                "id": r.id,
                "shortDescription": {"text": summary},
                "fullDescription": {"text": format!("{summary} ({}).", r.source)},
                "defaultConfiguration": {
                    "enabled": r.severity.is_some(),
                    "level": r.severity.map_or("none", level),
                },
                "properties": {"group": r.group.as_str(), "applies": r.applies, "source": r.source},
            })
        })
        .collect();
    json!({
        "driver": {
            "name": "enhance-qa",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }
    })
}

/// One result: a diagnostic of the document at `document` (its place in the
/// file's array, if the file holds several) of the file at `uri`, and
/// where in the file its value is.
pub fn result(
    d: &Diagnostic,
    rule_index: Option<usize>,
    uri: &str,
    document: Option<usize>,
    position: Option<Position>,
) -> Value {
    let mut physical = json!({"artifactLocation": {"uri": uri}});
    if let Some(p) = position {
        physical["region"] = json!({"startLine": p.line, "startColumn": p.column});
    }
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": {"text": d.message},
        "locations": [{
            "physicalLocation": physical,
            "logicalLocations": [{"fullyQualifiedName": d.path, "kind": "member"}],
        }],
    });
    if let Some(i) = rule_index {
        result["ruleIndex"] = json!(i);
    }
    let mut properties = Map::new();
    if let Some(i) = document {
        properties.insert("document".into(), json!(i));
    }
    if let Some(span) = d.span {
        properties.insert("span".into(), json!({"start": span.start, "end": span.end}));
    }
    if !d.suggestions.is_empty() {
        properties.insert("suggestions".into(), json!(d.suggestions));
    }
    if position.is_some_and(|p| !p.exact) {
        // The value is missing; the region is that of the object that lacks it.
        properties.insert("regionIsAncestor".into(), json!(true));
    }
    if !properties.is_empty() {
        result["properties"] = Value::Object(properties);
    }
    result
}

/// A problem with a file as a whole (unreadable, not JSON), for the invocation.
pub fn notification(uri: &str, message: &str, line_column: Option<(usize, usize)>) -> Value {
    let mut physical = json!({"artifactLocation": {"uri": uri}});
    if let Some((line, column)) = line_column {
        physical["region"] = json!({"startLine": line, "startColumn": column});
    }
    json!({
        "level": "error",
        "message": {"text": message},
        "locations": [{"physicalLocation": physical}],
    })
}

/// Writes a log as a stream: [`Writer::begin`], [`Writer::result`] for each
/// finding, [`Writer::end`].
pub struct Writer<W: Write> {
    w: W,
    results: usize,
    rule_index: HashMap<&'static str, usize>,
}

impl<W: Write> Writer<W> {
    pub fn begin(mut w: W, rules: &[RuleInfo], m: &Messages) -> io::Result<Writer<W>> {
        let tool = serde_json::to_string(&driver(rules, m))?;
        write!(
            w,
            "{{\n\"$schema\": {},\n\"version\": {},\n\"runs\": [{{\n\"tool\": {tool},\n\"language\": {},\n\"columnKind\": \"utf16CodeUnits\",\n\"results\": [",
            json!(SCHEMA),
            json!(VERSION),
            json!(m.locale()),
        )?;
        Ok(Writer {
            w,
            results: 0,
            rule_index: rules.iter().enumerate().map(|(i, r)| (r.id, i)).collect(),
        })
    }

    pub fn result(
        &mut self,
        d: &Diagnostic,
        uri: &str,
        document: Option<usize>,
        position: Option<Position>,
    ) -> io::Result<()> {
        let index = self.rule_index.get(d.rule).copied();
        let value = result(d, index, uri, document, position);
        self.w
            .write_all(if self.results == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut self.w, &value)?;
        self.results += 1;
        Ok(())
    }

    /// Closes the log with the invocation: whether every file could be
    /// checked, and a notification for each that could not.
    pub fn end(mut self, notifications: &[Value]) -> io::Result<W> {
        let invocation = json!({
            "executionSuccessful": notifications.is_empty(),
            "toolExecutionNotifications": notifications,
        });
        write!(
            self.w,
            "\n],\n\"invocations\": [{}]\n}}]\n}}\n",
            serde_json::to_string(&invocation)?
        )?;
        Ok(self.w)
    }
}

/// SARIF 2.1.0: each finding with the line and column of its value, found
/// by reading again, on every core, only the files that have findings.
pub fn write(
    w: &mut impl Write,
    checked: &[Checked],
    problems: &[Problem],
    checker: &Checker,
) -> std::io::Result<()> {
    let groups: Vec<&[Checked]> = checked
        .chunk_by(|a, b| a.file == b.file)
        .filter(|g| g.iter().any(|c| !c.report.diagnostics.is_empty()))
        .collect();
    let positions = groups
        .par_iter()
        .map(|group| locate(group))
        .collect::<Vec<_>>();
    let rules = enhance_qa::infos(checker.profile());
    let mut log = Writer::begin(&mut *w, &rules, checker.messages())?;
    for (group, found) in groups.iter().zip(positions) {
        let Some(first) = group.first() else { continue };
        let mut found = found.into_iter();
        let uri = uri(&first.file);
        for c in group.iter() {
            for d in &c.report.diagnostics {
                log.result(d, &uri, c.index, found.next().flatten())?;
            }
        }
    }
    let notifications: Vec<serde_json::Value> = problems
        .iter()
        .map(|p| {
            let message = match p.line_column {
                Some(_) => checker
                    .messages()
                    .render("cli.invalid-json", &[("problem", &p.message)]),
                None => p.message.clone(),
            };
            notification(&uri(&p.file), &message, p.line_column)
        })
        .collect();
    log.end(&notifications)?;
    Ok(())
}

/// Where the values of one file's findings are, in report order.
fn locate(group: &[Checked]) -> Vec<Option<Position>> {
    let Some(first) = group.first() else {
        return Vec::new();
    };
    let pointers: Vec<String> = group
        .iter()
        .flat_map(|c| {
            c.report.diagnostics.iter().map(move |d| match c.index {
                Some(i) => format!("/{i}{}", d.path),
                None => d.path.clone(),
            })
        })
        .collect();
    // A file that cannot be read again gets findings without a region.
    let text = std::fs::read_to_string(&*first.file).unwrap_or_default();
    let refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
    enhance_qa::json::locate_all(&text, &refs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("tests/examples/a b.json"), "tests/examples/a%20b.json");
        assert_eq!(uri("/tmp/ü.json"), "file:///tmp/%C3%BC.json");
        assert_eq!(uri("dir\\x.json"), "dir/x.json");
    }

    #[test]
    fn an_empty_log_is_valid_json() {
        let rules = enhance_qa::infos(&enhance_qa::Profile::built_in());
        let w = Writer::begin(Vec::new(), &rules, &enhance_qa::Messages::new("en"))
            .and_then(|w| w.end(&[]));
        let bytes = w.unwrap_or_default();
        let log: Value = serde_json::from_slice(&bytes).unwrap_or_default();
        assert_eq!(log["version"], "2.1.0");
        assert_eq!(log["runs"][0]["results"], json!([]));
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"]
                .as_array()
                .map(Vec::len),
            Some(rules.len())
        );
    }
}
