//! What the fixture runners share: the bundled examples, and documents
//! derived from them by setting or removing values at JSON Pointers.
// Each test crate (and the benchmark) uses a part of this module.
#![allow(dead_code)]

use serde_json::Value;
use std::path::Path;

/// Every bundled example as (file name, text), in name order.
pub fn examples() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let name = f
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            (name, std::fs::read_to_string(&f).unwrap_or_default())
        })
        .collect()
}

pub fn example(name: &str) -> Result<Value, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/examples")
        .join(name);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
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
