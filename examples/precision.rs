//! Measures how the per-outcome `lo.*` rules judge real, published learning
//! outcomes (`tests/outcomes/<lang>.json`) against what a careful reviewer
//! expects. It measures, whatever it finds it exits 0; the test that holds
//! the checker to the corpus is `tests/outcomes.rs`.
//!
//! ```text
//! cargo run --release --example precision [-- --verbose] [LANG ...]
//! ```
//!
//! Each outcome replaces the first learning outcome of the Chalmers example
//! course, whose `language` is set to the file's language; only diagnostics
//! at `/learning_outcomes/0` from the six per-outcome rules are compared.

// The corpus is read as the precision test reads it.
#[path = "../tests/support/mod.rs"]
mod support;

use enhance_qa::Checker;
use std::collections::BTreeSet;
use support::outcomes::{corpus, fired, LANGUAGES};

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

    let base = support::example("course-en-chalmers.json");
    let checker = Checker::default();

    let mut rows: Vec<(String, Tally)> = Vec::new();
    let mut details: Vec<String> = Vec::new();
    for lang in languages {
        let outcomes = corpus(lang);
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
