//! The library's layers: each module imports only the layers before it, and
//! no rule file uses another as a library. Read from the sources, so that a
//! new import across the layers fails here rather than in review.

use std::path::{Path, PathBuf};

/// The layers in order; a module may import those before its own.
const LAYERS: &[&[&str]] = &[
    &["sort"],
    &["json"],
    &["pointer"],
    &["document"],
    &["analysis"],
    &["report", "messages"],
    &["profile"],
    &["rule"],
    &["rules"],
    &["checker"],
    &["catalogue"],
    &["wasm"],
];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file before its tests, without comments.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let body = text.split("#[cfg(test)]").next().unwrap_or_default();
    body.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a file names as `crate::module`.
fn imports(code: &str) -> Vec<String> {
    code.match_indices("crate::")
        .map(|(at, _)| {
            code[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect()
        })
        .collect()
}

#[test]
fn each_module_imports_only_the_layers_before_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut wrong = Vec::new();
    let mut seen = 0;
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap_or(file);
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().to_string());
        let module = first
            .unwrap_or_default()
            .trim_end_matches(".rs")
            .to_string();
        if module == "bin" || module == "lib" {
            continue;
        }
        let own = rank(&module).unwrap_or_else(|| panic!("{}: in no layer", rel.display()));
        seen += 1;
        for target in imports(&code(file)) {
            // `crate::Checker` and the like: the API the root re-exports, the last layer but the binding.
            let target = if target.is_empty() {
                "catalogue".to_string()
            } else {
                target
            };
            match rank(&target) {
                Some(r) if r < own || target == module => {}
                _ => wrong.push(format!("{} imports crate::{target}", rel.display())),
            }
        }
    }
    assert!(seen > 30, "only {seen} files read");
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_rule_file_uses_another() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut files = Vec::new();
    sources(&dir, &mut files);
    for file in files.iter().filter(|f| !f.ends_with("mod.rs")) {
        let code = code(file);
        assert!(
            !code.contains("crate::rules") && !code.contains("super::"),
            "{} uses another rule file",
            file.display()
        );
        assert!(
            !code.contains("cx.profile") && !code.contains("crate::profile"),
            "{} reads the profile itself",
            file.display()
        );
    }
}
