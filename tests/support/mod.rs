//! What the fixture runners share: the bundled examples, and documents
//! derived from them by setting or removing values at JSON Pointers.
// Each test crate (and the benchmark) uses a part of this module.
#![allow(dead_code)]

pub mod consistent;

pub mod outcomes;

use serde_json::Value;
use std::path::Path;

/// Every bundled example as (file name, text), in name order; a folder or
/// file that cannot be read fails the test that asked.
pub fn examples() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            e.unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .path()
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} holds no example", dir.display());
    files
        .into_iter()
        .map(|f| {
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_else(|| panic!("{} has no file name", f.display()));
            let text =
                std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            (name, text)
        })
        .collect()
}

/// A bundled example's text; a missing file fails the test that asked.
pub fn example_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/examples")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Compares `actual` with the snapshot committed at `path` (JSON, as
/// written here); with `ENHANCE_QA_BLESS=1` in the environment, writes it
/// instead, for a change to be reviewed in the diff.
pub fn snapshot(path: &Path, actual: &Value) -> Result<(), String> {
    let text = serde_json::to_string_pretty(actual).map_err(|e| e.to_string())? + "\n";
    if std::env::var_os("ENHANCE_QA_BLESS").is_some() {
        return std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()));
    }
    let expected = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "{}: {e} (write it with ENHANCE_QA_BLESS=1 and review it)",
            path.display()
        )
    })?;
    if expected == text {
        return Ok(());
    }
    let (n, (want, got)) = expected
        .lines()
        .chain(std::iter::repeat(""))
        .zip(text.lines().chain(std::iter::repeat("")))
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .unwrap_or((0, ("", "")));
    Err(format!(
        "{} differs at line {}:\n  snapshot: {want}\n  now:      {got}\n\
         (if the change is meant, write it with ENHANCE_QA_BLESS=1 and review the diff)",
        path.display(),
        n + 1
    ))
}

/// A bundled example as JSON; a file that is missing or not JSON fails the
/// test that asked, loudly, rather than giving an empty document.
pub fn example(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/examples")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The parent of a pointer's target, and the target's key (unescaped).
fn parent<'d>(
    doc: &'d mut Value,
    pointer: &str,
) -> Result<(Option<&'d mut Value>, String), String> {
    let (parent, last) = pointer
        .rsplit_once('/')
        .ok_or(format!("bad pointer {pointer}"))?;
    let key = last.replace("~1", "/").replace("~0", "~");
    let target = if parent.is_empty() {
        Some(doc)
    } else {
        doc.pointer_mut(parent)
    };
    Ok((target, key))
}

/// Sets the value at a JSON Pointer; the parent must exist. An array index
/// equal to the length appends.
pub fn set(doc: &mut Value, pointer: &str, value: Value) -> Result<(), String> {
    match parent(doc, pointer)? {
        (Some(Value::Object(map)), key) => {
            map.insert(key, value);
        }
        (Some(Value::Array(items)), key) => {
            let i: usize = key.parse().map_err(|_| format!("bad index in {pointer}"))?;
            if i < items.len() {
                items[i] = value;
            } else if i == items.len() {
                items.push(value);
            } else {
                return Err(format!("index past the end in {pointer}"));
            }
        }
        _ => return Err(format!("no parent for {pointer}")),
    }
    Ok(())
}

/// Removes the value at a JSON Pointer, which must be there.
pub fn remove(doc: &mut Value, pointer: &str) -> Result<(), String> {
    let removed = match parent(doc, pointer)? {
        (Some(Value::Object(map)), key) => map.remove(&key).is_some(),
        (Some(Value::Array(items)), key) => match key.parse::<usize>() {
            Ok(i) if i < items.len() => {
                items.remove(i);
                true
            }
            _ => false,
        },
        _ => false,
    };
    removed
        .then_some(())
        .ok_or(format!("nothing to remove at {pointer}"))
}

/// A fixture case's document: a value, or JSON text for what only text can
/// hold (a key given twice, `1e999`).
pub enum CaseDocument {
    Value(Value),
    Text(String),
}

/// The document of a fixture case (see `tests/fixtures.rs`): its `text`; or
/// its `document` or base example, with the pointers in `remove` removed,
/// then the values in `set` set, then the members in `append` written after
/// its own.
pub fn case_document(fixture: &Value, case: &Value) -> Result<CaseDocument, String> {
    if let Some(text) = case.get("text") {
        let text = text.as_str().ok_or("`text` must be a string")?;
        return Ok(CaseDocument::Text(text.to_string()));
    }
    let mut doc = match case.get("document") {
        Some(d) => d.clone(),
        None => {
            let base = case["base"]
                .as_str()
                .or(fixture["base"].as_str())
                .ok_or("no base and no document")?;
            example(base)
        }
    };
    for p in case["remove"].as_array().into_iter().flatten() {
        remove(&mut doc, p.as_str().unwrap_or_default())?;
    }
    for (pointer, value) in case["set"].as_object().into_iter().flatten() {
        set(&mut doc, pointer, value.clone())?;
    }
    let Some(append) = case.get("append") else {
        return Ok(CaseDocument::Value(doc));
    };
    let append = append.as_str().ok_or("`append` must be a string")?;
    let mut text = serde_json::to_string(&doc).map_err(|e| e.to_string())?;
    if text.pop() != Some('}') {
        return Err("`append` needs a document that is an object".into());
    }
    Ok(CaseDocument::Text(format!("{text}{append}}}")))
}
