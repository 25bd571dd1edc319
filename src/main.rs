//! The `enhance-qa` command: check documents, list the rules.

use enhance_qa::catalogue::{Catalogue, Summary};
use enhance_qa::registry::{self, Group, RuleInfo};
use enhance_qa::{json, sarif, Checker, Profile, Report, Severity};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

const USAGE: &str = "\
enhance-qa — checks course descriptions and programme proposals against the ENHANCE alliance criteria

Usage:
  enhance-qa check [--profile FILE] [--locale LL] [--format human|json|sarif] PATH...
  enhance-qa rules [--format human|json|markdown]
  enhance-qa --version

PATH is a JSON file (one document or an array of documents) or a folder
(every *.json file below it), checked in parallel. When several documents
are checked together, they are also checked against each other (course
codes, credits and levels across the catalogue). Exit status: 0 no errors,
1 at least one error diagnostic, 2 a usage, file or JSON problem.";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Human,
    Json,
    Markdown,
    Sarif,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("enhance-qa: {message}");
            eprintln!("Run `enhance-qa --help` for usage.");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<u8, String> {
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("rules") => rules(&args[1..]),
        Some("--version" | "-V") => {
            println!("enhance-qa {}", env!("CARGO_PKG_VERSION"));
            Ok(0)
        }
        Some("--help" | "-h" | "help") | None => {
            println!("{USAGE}");
            Ok(0)
        }
        Some(other) => Err(format!("unknown command \"{other}\"")),
    }
}

struct Options {
    format: Format,
    profile: Option<String>,
    locale: String,
    paths: Vec<String>,
}

fn options(args: &[String], formats: &[&str], checking: bool) -> Result<Options, String> {
    let mut o = Options {
        format: Format::Human,
        profile: None,
        locale: "en".into(),
        paths: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or(format!("{name} needs a value"))
        };
        match flag {
            "--format" => {
                let v = value("--format")?;
                if !formats.contains(&v.as_str()) {
                    return Err(format!(
                        "--format must be one of {}, not \"{v}\"",
                        formats.join(", ")
                    ));
                }
                o.format = match v.as_str() {
                    "json" => Format::Json,
                    "markdown" => Format::Markdown,
                    "sarif" => Format::Sarif,
                    _ => Format::Human,
                };
            }
            "--profile" if checking => o.profile = Some(value("--profile")?),
            "--locale" if checking => o.locale = value("--locale")?,
            f if f.starts_with('-') && f.len() > 1 => {
                return Err(format!("unknown option \"{f}\""))
            }
            _ => o.paths.push(arg.clone()),
        }
    }
    Ok(o)
}

/// One document's report, with where it came from.
struct Checked {
    /// Shared by the documents of one file.
    file: Arc<str>,
    /// Its place in the file's array, when the file holds an array.
    index: Option<usize>,
    report: Report,
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
struct Problem {
    file: String,
    message: String,
    line_column: Option<(usize, usize)>,
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

fn check(args: &[String]) -> Result<u8, String> {
    let o = options(args, &["human", "json", "sarif"], true)?;
    if o.paths.is_empty() {
        return Err("check needs at least one file or folder".into());
    }
    let profile = match &o.profile {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read profile {path}: {e}"))?;
            Profile::from_json(&text).map_err(|e| format!("profile {path}: {e}"))?
        }
        None => Profile::built_in(),
    };
    let checker = Checker::with_locale(profile, &o.locale);
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for p in &o.paths {
        if let Err(e) = collect(Path::new(p), &mut files) {
            problems.push(Problem {
                file: p.clone(),
                message: e.to_string(),
                line_column: None,
            });
        }
    }
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
            Some((line, column)) => {
                eprintln!("{}:{line}:{column}: invalid JSON: {}", p.file, p.message)
            }
            None => eprintln!("enhance-qa: {}: {}", p.file, p.message),
        }
    }
    let stdout = std::io::stdout();
    let colour = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let written = match o.format {
        Format::Json => write_json(&mut w, &checked),
        Format::Sarif => write_sarif(&mut w, &checked, &problems, &checker),
        _ => write_human(&mut w, &checked, colour, problems.len()),
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

/// Runs `f` over `items` on every core, each worker taking the next item in
/// turn; the results come back in the items' order (`None` for an item whose
/// worker panicked).
fn parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<Option<R>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if workers <= 1 {
        return items.iter().map(|item| Some(f(item))).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut slots: Vec<Option<R>> = items.iter().map(|_| None).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers).map(|_| s.spawn(work)).collect();
        for handle in handles {
            for (i, result) in handle.join().unwrap_or_default() {
                if let Some(slot) = slots.get_mut(i) {
                    *slot = Some(result);
                }
            }
        }
    });
    slots
}

/// Checks the files on every core; the results come back in the files' order.
fn check_files(checker: &Checker, files: &[PathBuf]) -> Vec<FileResult> {
    parallel(files, |file| check_file(checker, file))
        .into_iter()
        .zip(files)
        .map(|(slot, file)| {
            // A worker that panicked leaves its files unchecked: say so.
            slot.unwrap_or_else(|| FileResult {
                problem: Some(Problem {
                    file: file.display().to_string(),
                    message: "could not be checked (internal error)".into(),
                    line_column: None,
                }),
                ..FileResult::default()
            })
        })
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
                message: format!("cannot read: {e}"),
                line_column: None,
            });
            return result;
        }
    };
    let parsed = json::parse(&text);
    // Held until every file is checked: sized exactly, not with spare room.
    let count = match &parsed {
        Ok(json::Value::Array(docs)) => docs.len(),
        _ => 1,
    };
    result.checked.reserve_exact(count);
    result.summaries.reserve_exact(count);
    let mut add = |index: Option<usize>, doc: &json::Value<'_>| {
        let (report, summary) = checker.check_summarised(doc);
        result.checked.push(Checked {
            file: Arc::clone(&name),
            index,
            report,
        });
        result.summaries.push(summary);
    };
    match parsed {
        Ok(json::Value::Array(docs)) => {
            for (i, doc) in docs.iter().enumerate() {
                add(Some(i), doc);
            }
        }
        Ok(doc) => add(None, &doc),
        Err(e) => {
            result.problem = Some(Problem {
                file: name.to_string(),
                message: e.message.to_string(),
                line_column: Some((e.line, e.column)),
            });
        }
    }
    result
}

/// The JSON files a path names: the file itself, or every `*.json` below a folder, in name order.
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if !path.is_dir() {
        std::fs::metadata(path)?;
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect(&entry, out)?;
        } else if entry.extension().is_some_and(|x| x == "json") {
            out.push(entry);
        }
    }
    Ok(())
}

fn write_json(w: &mut impl Write, checked: &[Checked]) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Entry<'a> {
        file: &'a str,
        index: Option<usize>,
        report: &'a Report,
    }
    let entries: Vec<Entry<'_>> = checked
        .iter()
        .map(|c| Entry {
            file: &c.file,
            index: c.index,
            report: &c.report,
        })
        .collect();
    serde_json::to_writer_pretty(&mut *w, &entries)?;
    writeln!(w)
}

/// SARIF 2.1.0: each finding with the line and column of its value, found
/// by reading again, on every core, only the files that have findings.
fn write_sarif(
    w: &mut impl Write,
    checked: &[Checked],
    problems: &[Problem],
    checker: &Checker,
) -> std::io::Result<()> {
    let groups: Vec<&[Checked]> = checked
        .chunk_by(|a, b| a.file == b.file)
        .filter(|g| g.iter().any(|c| !c.report.diagnostics.is_empty()))
        .collect();
    let positions = parallel(&groups, |group| locate(group));
    let rules = registry::infos(checker.profile());
    let mut log = sarif::Writer::begin(&mut *w, &rules)?;
    for (group, found) in groups.iter().zip(positions) {
        let Some(first) = group.first() else { continue };
        let mut found = found.into_iter().flatten();
        let uri = sarif::uri(&first.file);
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
                Some(_) => format!("invalid JSON: {}", p.message),
                None => p.message.clone(),
            };
            sarif::notification(&sarif::uri(&p.file), &message, p.line_column)
        })
        .collect();
    log.end(&notifications)?;
    Ok(())
}

/// Where the values of one file's findings are, in report order.
fn locate(group: &[Checked]) -> Vec<Option<json::Position>> {
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
    json::locate_all(&text, &refs)
}

fn paint(colour: bool, code: &str, text: &str) -> String {
    if colour {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn severity_label(s: Severity, colour: bool) -> String {
    let code = match s {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;34",
    };
    paint(colour, code, &format!("{:<7}", s.as_str()))
}

fn plural(n: u32, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn write_human(
    w: &mut impl Write,
    checked: &[Checked],
    colour: bool,
    problems: usize,
) -> std::io::Result<()> {
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for c in checked {
        let r = &c.report;
        errors += r.counts.error;
        warnings += r.counts.warning;
        infos += r.counts.info;
        let name = match c.index {
            Some(i) => format!("{} [{i}]", c.file),
            None => c.file.to_string(),
        };
        let kind = r.kind.unwrap_or("document");
        writeln!(
            w,
            "{} ({kind}, score {})",
            paint(colour, "1", &name),
            r.score
        )?;
        if r.diagnostics.is_empty() {
            writeln!(w, "  {}", paint(colour, "32", "meets every criterion"))?;
        }
        let width = r
            .diagnostics
            .iter()
            .map(|d| d.path.chars().count().max(1))
            .max()
            .unwrap_or(1);
        for d in &r.diagnostics {
            let path = if d.path.is_empty() { "/" } else { &d.path };
            writeln!(
                w,
                "  {} {:<width$}  {}  {}",
                severity_label(d.severity, colour),
                path,
                paint(colour, "2", d.rule),
                d.message
            )?;
            if !d.suggestions.is_empty() {
                writeln!(
                    w,
                    "  {:<7} {:<width$}  suggestions: {}",
                    "",
                    "",
                    d.suggestions.join(", ")
                )?;
            }
        }
    }
    let mut summary = format!(
        "{} checked: {}, {}, {}",
        plural(checked.len() as u32, "document"),
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(infos, "info")
    );
    if problems > 0 {
        summary.push_str(&format!(
            "; {} could not be read",
            plural(problems as u32, "file")
        ));
    }
    writeln!(w, "\n{}", paint(colour, "1", &summary))
}

fn rules(args: &[String]) -> Result<u8, String> {
    let o = options(args, &["human", "json", "markdown"], false)?;
    if let Some(extra) = o.paths.first() {
        return Err(format!("rules takes no path (got \"{extra}\")"));
    }
    let infos = registry::infos(&Profile::built_in());
    let mut w = std::io::stdout().lock();
    let written = match o.format {
        Format::Json => serde_json::to_writer_pretty(&mut w, &infos)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(w)),
        Format::Markdown => write_rules_markdown(&mut w, &infos),
        _ => write_rules_human(&mut w, &infos),
    };
    written.map_err(|e| format!("cannot write the listing: {e}"))?;
    Ok(0)
}

fn groups(infos: &[RuleInfo]) -> Vec<(Group, Vec<&RuleInfo>)> {
    let mut out: Vec<(Group, Vec<&RuleInfo>)> = Vec::new();
    for info in infos {
        match out.iter_mut().find(|(g, _)| *g == info.group) {
            Some((_, list)) => list.push(info),
            None => out.push((info.group, vec![info])),
        }
    }
    out
}

fn severity_name(s: Option<Severity>) -> &'static str {
    s.map_or("off", Severity::as_str)
}

fn write_rules_human(w: &mut impl Write, infos: &[RuleInfo]) -> std::io::Result<()> {
    let width = infos.iter().map(|i| i.id.len()).max().unwrap_or(0);
    for (group, list) in groups(infos) {
        writeln!(w, "{}", group.title())?;
        for i in list {
            writeln!(
                w,
                "  {:<width$}  {:<7}  {}",
                i.id,
                severity_name(i.severity),
                i.summary
            )?;
        }
        writeln!(w)?;
    }
    writeln!(
        w,
        "{} rules; severities of the built-in profile enhance-2026.",
        infos.len()
    )
}

fn write_rules_markdown(w: &mut impl Write, infos: &[RuleInfo]) -> std::io::Result<()> {
    writeln!(w, "# enhance-qa rules\n")?;
    writeln!(
        w,
        "Severities are those of the built-in profile `enhance-2026`."
    )?;
    for (group, list) in groups(infos) {
        writeln!(w, "\n## {}\n", group.title())?;
        writeln!(w, "| id | severity | applies to | checks | source |")?;
        writeln!(w, "|---|---|---|---|---|")?;
        for i in list {
            let applies = match i.applies {
                registry::Applies::Course => "course",
                registry::Applies::Programme => "programme",
                registry::Applies::Both => "both",
            };
            let esc = |s: &str| s.replace('|', "\\|");
            writeln!(
                w,
                "| `{}` | {} | {applies} | {} | {} |",
                i.id,
                severity_name(i.severity),
                esc(i.summary),
                esc(i.source)
            )?;
        }
    }
    Ok(())
}
