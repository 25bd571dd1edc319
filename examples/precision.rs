//! Measures how the per-outcome `lo.*` rules judge real, published learning
//! outcomes (`tests/outcomes/<lang>.json`) against what a careful reviewer
//! expects. It measures; it is not a test, so it always exits 0.
//!
//! ```text
//! cargo run --release --example precision [-- --verbose] [LANG ...]
//! ```
//!
//! Each outcome replaces the first learning outcome of the Chalmers example
//! course, whose `language` is set to the file's language; only diagnostics
//! at `/learning_outcomes/0` from the six per-outcome rules are compared.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use enhance_qa::Checker;
use serde_json::Value;

/// The rules judged one outcome at a time.
const RULES: [&str; 6] = [
    "lo.vague-verb",
    "lo.no-action-verb",
    "lo.teacher-centred",
    "lo.multiple-verbs",
    "lo.too-short",
    "lo.too-long",
];

const LANGUAGES: [&str; 8] = ["en", "de", "pl", "it", "sv", "nb", "nn", "es"];

const PATH: &str = "/learning_outcomes/0";

struct Outcome {
    text: String,
    expect: BTreeSet<String>,
}

#[derive(Default)]
struct Tally {
    outcomes: usize,
    clean: usize,
    expected: usize,
    fired: usize,
    false_alarms: usize,
    misses: usize,
    wrong_rule: usize,
    alarmed_outcomes: usize,
    by_rule: Vec<(String, usize, usize)>,
}

impl Tally {
    fn count_rule(&mut self, rule: &str, false_alarm: bool) {
        let pos = match self.by_rule.iter().position(|(r, _, _)| r == rule) {
            Some(pos) => pos,
            None => {
                self.by_rule.push((rule.to_string(), 0, 0));
                self.by_rule.len() - 1
            }
        };
        if let Some(entry) = self.by_rule.get_mut(pos) {
            if false_alarm {
                entry.1 += 1;
            } else {
                entry.2 += 1;
            }
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn load(lang: &str) -> Option<Vec<Outcome>> {
    let file = root().join("tests/outcomes").join(format!("{lang}.json"));
    let text = std::fs::read_to_string(&file).ok()?;
    let value: Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(e) => {
            eprintln!("{}: {e}", file.display());
            return None;
        }
    };
    let entries = value.as_array()?;
    let outcomes = entries
        .iter()
        .filter_map(|entry| {
            let text = entry.get("text")?.as_str()?.to_string();
            let expect = entry
                .get("expect")
                .and_then(Value::as_array)
                .map(|rules| {
                    rules
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            Some(Outcome { text, expect })
        })
        .collect();
    Some(outcomes)
}

/// The rules fired at the first outcome, with their messages.
fn fired(checker: &Checker, base: &Value, lang: &str, text: &str) -> Vec<(String, String)> {
    let mut doc = base.clone();
    doc["language"] = Value::from(lang);
    doc["teaching_languages"] = Value::from(vec![lang]);
    doc["learning_outcomes"][0] = Value::from(text);
    let report = match checker.check_str(&doc.to_string()) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("could not check an outcome: {e}");
            return Vec::new();
        }
    };
    let mut found: Vec<(String, String)> = report
        .diagnostics
        .iter()
        .filter(|d| d.path == PATH && RULES.contains(&d.rule))
        .map(|d| (d.rule.to_string(), d.message.clone()))
        .collect();
    found.sort();
    found.dedup_by(|a, b| a.0 == b.0);
    found
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let wanted: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let languages: Vec<&str> = LANGUAGES
        .iter()
        .copied()
        .filter(|l| wanted.is_empty() || wanted.contains(l))
        .collect();

    let base_file = root().join("tests/examples/course-en-chalmers.json");
    let base: Value = match std::fs::read_to_string(&base_file)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
    {
        Some(base) => base,
        None => {
            eprintln!("cannot read {}", base_file.display());
            return;
        }
    };
    let checker = Checker::default();

    let mut rows: Vec<(String, Tally)> = Vec::new();
    let mut details: Vec<String> = Vec::new();
    for lang in languages {
        let Some(outcomes) = load(lang) else {
            eprintln!("{lang}: no tests/outcomes/{lang}.json");
            continue;
        };
        let mut tally = Tally::default();
        for outcome in &outcomes {
            tally.outcomes += 1;
            let found = fired(&checker, &base, lang, &outcome.text);
            let found_rules: BTreeSet<String> = found.iter().map(|(r, _)| r.clone()).collect();
            tally.expected += outcome.expect.len();
            tally.fired += found_rules.len();
            let mut alarms = 0;
            for (rule, message) in &found {
                if !outcome.expect.contains(rule) {
                    alarms += 1;
                    tally.count_rule(rule, true);
                    if verbose {
                        details.push(format!(
                            "[{lang}] FALSE ALARM {rule}: {message}\n    {}",
                            outcome.text
                        ));
                    }
                }
            }
            let mut missed = 0;
            for rule in &outcome.expect {
                if !found_rules.contains(rule) {
                    missed += 1;
                    tally.count_rule(rule, false);
                    if verbose {
                        details.push(format!("[{lang}] MISS {rule}\n    {}", outcome.text));
                    }
                }
            }
            tally.false_alarms += alarms;
            tally.misses += missed;
            if alarms > 0 {
                tally.alarmed_outcomes += 1;
            }
            if alarms > 0 && missed > 0 {
                tally.wrong_rule += 1;
            }
            if alarms == 0 && missed == 0 {
                tally.clean += 1;
            }
        }
        rows.push((lang.to_string(), tally));
    }

    println!(
        "| lang | outcomes | as expected | expected findings | fired | false alarms | outcomes with a false alarm | misses | wrong rule |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut total = Tally::default();
    for (lang, t) in &rows {
        println!(
            "| {lang} | {} | {} | {} | {} | {} | {} | {} | {} |",
            t.outcomes,
            t.clean,
            t.expected,
            t.fired,
            t.false_alarms,
            t.alarmed_outcomes,
            t.misses,
            t.wrong_rule
        );
        total.outcomes += t.outcomes;
        total.clean += t.clean;
        total.expected += t.expected;
        total.fired += t.fired;
        total.false_alarms += t.false_alarms;
        total.alarmed_outcomes += t.alarmed_outcomes;
        total.misses += t.misses;
        total.wrong_rule += t.wrong_rule;
        for (rule, alarms, misses) in &t.by_rule {
            for _ in 0..*alarms {
                total.count_rule(rule, true);
            }
            for _ in 0..*misses {
                total.count_rule(rule, false);
            }
        }
    }
    println!(
        "| all | {} | {} | {} | {} | {} | {} | {} | {} |",
        total.outcomes,
        total.clean,
        total.expected,
        total.fired,
        total.false_alarms,
        total.alarmed_outcomes,
        total.misses,
        total.wrong_rule
    );
    println!();
    println!("| rule | false alarms | misses |");
    println!("|---|---:|---:|");
    total.by_rule.sort();
    for (rule, alarms, misses) in &total.by_rule {
        println!("| {rule} | {alarms} | {misses} |");
    }
    if verbose {
        println!();
        for line in details {
            println!("{line}");
        }
    }
}
