//! The `enhance-qa` command: check documents, list the rules, explain one.
//! It reads files and runs threads, so it is native only; the wasm tests
//! build every target, and for wasm32 this one is empty.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

mod args;
mod human;
mod json;
mod markdown;
mod sarif;
mod walk;

use args::{CheckArgs, CheckFormat, Cli, Command, ExplainArgs, ListFormat, RulesArgs};
use clap::Parser;
use enhance_qa::json::Documents;
use enhance_qa::{Catalogue, Checker, Messages, Profile, Report, Summary};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(a) => check(&a),
        Command::Rules(a) => rules(&a),
        Command::Explain(a) => explain(&a),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("enhance-qa: {message}");
            ExitCode::from(2)
        }
    }
}

/// One document's report, with where it came from.
pub struct Checked {
    /// Shared by the documents of one file.
    pub file: Arc<str>,
    /// Its place in the file's array, when the file holds an array.
    pub index: Option<usize>,
    pub report: Report,
}

impl Checked {
    /// The document's name in messages about it.
    fn name(&self) -> Arc<str> {
        match self.index {
            Some(i) => format!("{} [{i}]", self.file).into(),
            None => Arc::clone(&self.file),
        }
    }
}

/// A file that could not be checked: why, and where for invalid JSON.
pub struct Problem {
    pub file: String,
    pub message: String,
    pub line_column: Option<(usize, usize)>,
}

/// What one file gave: its documents' reports with what the cross-document
/// rules need of each, or why it could not be read. The text and the
/// documents themselves are dropped as soon as the file is checked.
#[derive(Default)]
struct FileResult {
    checked: Vec<Checked>,
    summaries: Vec<Summary>,
    problem: Option<Problem>,
}

fn check(a: &CheckArgs) -> Result<u8, String> {
    let profile = match &a.profile {
        Some(file) => {
            let path = file.display();
            let text = std::fs::read_to_string(file)
                .map_err(|e| format!("cannot read profile {path}: {e}"))?;
            Profile::from_json(&text).map_err(|e| format!("profile {path}: {e}"))?
        }
        None => Profile::built_in(),
    };
    let checker = Checker::build(profile, &a.locale).map_err(|e| format!("profile: {e}"))?;
    let m = checker.messages();
    notice_fallback(m, &a.locale);
    let (files, unusable) = walk::files(&a.paths);
    let mut problems: Vec<Problem> = unusable
        .into_iter()
        .map(|u| Problem {
            file: u.path,
            message: match u.why {
                walk::Why::NoJson => m.render("cli.no-json", &[]),
                walk::Why::Io(e) => m.render("cli.cannot-read", &[("error", &e)]),
            },
            line_column: None,
        })
        .collect();
    let results = check_files(&checker, &files);
    drop(files);
    let total = results.iter().map(|r| r.checked.len()).sum();
    let mut checked = Vec::with_capacity(total);
    let mut catalogue = Catalogue::with_capacity(total);
    for result in results {
        for (c, summary) in result.checked.iter().zip(result.summaries) {
            catalogue.push(c.name(), summary);
        }
        checked.extend(result.checked);
        problems.extend(result.problem);
    }
    // Documents are cross-checked only when several are checked together.
    if catalogue.len() > 1 {
        for (c, found) in checked.iter_mut().zip(catalogue.check(&checker)) {
            c.report.extend(found);
        }
    }
    drop(catalogue);
    for p in &problems {
        match p.line_column {
            Some((line, column)) => eprintln!(
                "{}:{line}:{column}: {}",
                p.file,
                m.render("cli.invalid-json", &[("problem", &p.message)])
            ),
            None => eprintln!("enhance-qa: {}: {}", p.file, p.message),
        }
    }
    let stdout = std::io::stdout();
    let colour = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let written = match a.format {
        CheckFormat::Json => json::reports(&mut w, &checked),
        CheckFormat::Sarif => sarif::write(&mut w, &checked, &problems, &checker),
        CheckFormat::Human => human::report(&mut w, &checked, colour, problems.len(), m),
    };
    written
        .and_then(|_| w.flush())
        .map_err(|e| format!("cannot write the report: {e}"))?;
    Ok(if !problems.is_empty() {
        2
    } else if checked.iter().any(|c| c.report.has_errors()) {
        1
    } else {
        0
    })
}

/// Checks the files on every core; the results come back in the files'
/// order, and a file whose check panicked says so.
fn check_files(checker: &Checker, files: &[PathBuf]) -> Vec<FileResult> {
    on_every_core(files, |file| check_file(checker, file))
        .into_iter()
        .zip(files)
        .map(|(result, file)| {
            result.unwrap_or_else(|| FileResult {
                problem: Some(Problem {
                    file: file.display().to_string(),
                    message: checker.messages().render("cli.internal-error", &[]),
                    line_column: None,
                }),
                ..FileResult::default()
            })
        })
        .collect()
}

/// Runs `f` on each item on every core, in the items' order; an item whose
/// run panics gives `None`, and the others' results are kept.
fn on_every_core<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<Option<R>> {
    items
        .par_iter()
        .map(|item| catch_unwind(AssertUnwindSafe(|| f(item))).ok())
        .collect()
}

fn check_file(checker: &Checker, file: &Path) -> FileResult {
    let name: Arc<str> = file.display().to_string().into();
    let mut result = FileResult::default();
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            result.problem = Some(Problem {
                file: name.to_string(),
                message: checker
                    .messages()
                    .render("cli.cannot-read", &[("error", &e.to_string())]),
                line_column: None,
            });
            return result;
        }
    };
    // Each document of a file is read on its own, under the profile's limits.
    let read = enhance_qa::json::read_documents(&text, checker.limits());
    let documents = match read {
        Ok(Documents::One(tree)) => vec![(None, tree)],
        Ok(Documents::Many(trees)) => trees
            .into_iter()
            .enumerate()
            .map(|(i, tree)| (Some(i), tree))
            .collect(),
        Err(e) => {
            result.problem = Some(Problem {
                file: name.to_string(),
                message: checker.messages().template(e.problem).to_string(),
                line_column: Some((e.line, e.column)),
            });
            return result;
        }
    };
    if documents.is_empty() {
        result.problem = Some(Problem {
            file: name.to_string(),
            message: checker.messages().render("cli.no-document", &[]),
            line_column: None,
        });
        return result;
    }
    // Held until every file is checked: sized exactly, not with spare room.
    result.checked.reserve_exact(documents.len());
    result.summaries.reserve_exact(documents.len());
    for (index, tree) in &documents {
        let (report, summary) = checker.check_tree_summarised(tree);
        result.checked.push(Checked {
            file: Arc::clone(&name),
            index: *index,
            report,
        });
        result.summaries.push(summary);
    }
    result
}

/// Says on stderr when the messages cannot be in the locale asked for.
fn notice_fallback(m: &Messages, requested: &str) {
    if Messages::resolve(requested).is_none() {
        let locale = m.quoted(requested);
        eprintln!(
            "enhance-qa: {}",
            m.render("cli.locale-fallback", &[("locale", &locale)])
        );
    }
}

fn rules(a: &RulesArgs) -> Result<u8, String> {
    let profile = Profile::built_in();
    let infos = enhance_qa::infos(&profile);
    let m = Messages::new(&a.locale);
    notice_fallback(&m, &a.locale);
    let english = Messages::new("en");
    let mut w = std::io::stdout().lock();
    let written = match a.format {
        ListFormat::Json => json::rules(&mut w, &infos, &m),
        ListFormat::Markdown => markdown::rules(&mut w, &infos, &english),
        ListFormat::Human => human::rules(&mut w, &infos, &m, &profile.id),
    };
    written.map_err(|e| format!("cannot write the listing: {e}"))?;
    Ok(0)
}

fn explain(a: &ExplainArgs) -> Result<u8, String> {
    let infos = enhance_qa::infos(&Profile::built_in());
    let Some(info) = infos.iter().find(|i| i.id == a.rule) else {
        let mut message = format!("no rule \"{}\"", a.rule);
        match enhance_qa::similar_rules(&a.rule).first() {
            Some(best) => message.push_str(&format!(" (did you mean \"{best}\"?)")),
            None => message.push_str("; `enhance-qa rules` lists them"),
        }
        return Err(message);
    };
    let mut w = std::io::stdout().lock();
    let written = match a.format {
        ListFormat::Json => json::value(&mut w, info),
        ListFormat::Markdown => markdown::explain(&mut w, info, &Messages::new("en")),
        ListFormat::Human => human::explain(&mut w, info, &Messages::new("en")),
    };
    written.map_err(|e| format!("cannot write the explanation: {e}"))?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_item_loses_only_its_own_result() {
        let items = ["a", "boom", "c", "d"];
        let results = on_every_core(&items, |item| {
            assert_ne!(*item, "boom", "a check that fails");
            item.to_uppercase()
        });
        assert_eq!(
            results,
            [
                Some("A".to_string()),
                None,
                Some("C".to_string()),
                Some("D".to_string())
            ]
        );
    }
}
