//! The files a run checks: each path named, or every `*.json` below a
//! folder, in name order; each file once however it is named, and no folder
//! entered twice through a link that leads back up.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A path that gave no file to check, and why.
pub struct Unusable {
    pub path: String,
    pub why: Why,
}

pub enum Why {
    /// A folder with no `*.json` below it.
    NoJson,
    /// What the system said.
    Io(String),
}

/// The files to check, in the order named, and the paths that gave none.
pub fn files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Unusable>) {
    let mut seen = HashSet::new();
    let mut files = Vec::new();
    let mut unusable = Vec::new();
    for path in paths {
        let mut fail = |why: Why| {
            unusable.push(Unusable {
                path: path.display().to_string(),
                why,
            })
        };
        if let Err(e) = std::fs::metadata(path) {
            fail(Why::Io(e.to_string()));
            continue;
        }
        if path.is_dir() {
            let mut found_any = false;
            for entry in WalkDir::new(path).follow_links(true).sort_by_file_name() {
                match entry {
                    Ok(e) if e.file_type().is_file() && is_json(e.path()) => {
                        found_any = true;
                        add(e.into_path(), &mut seen, &mut files);
                    }
                    Ok(_) => {}
                    // A link back to a folder above: its files are read once, from there.
                    Err(e) if e.loop_ancestor().is_some() => {}
                    Err(e) => fail(Why::Io(e.to_string())),
                }
            }
            if !found_any {
                fail(Why::NoJson);
            }
        } else {
            add(path.clone(), &mut seen, &mut files);
        }
    }
    (files, unusable)
}

fn is_json(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "json")
}

/// Adds a file unless it was already added under this or another name.
fn add(file: PathBuf, seen: &mut HashSet<PathBuf>, files: &mut Vec<PathBuf>) {
    let key = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
    if seen.insert(key) {
        files.push(file);
    }
}
