//! `cargo bench`: how long a check takes against merely parsing the same text.
//!
//! For each bundled example it prints the median µs of
//! - `parse`: the text into a `serde_json::Value` (the yardstick),
//! - `check_str`: text in, report out (our own parse included),
//! - `check`: an already parsed `serde_json::Value` in, report out,
//! - `remembered`: text in, report out, with a memo that has read the same
//!   texts in the check before (a form checked again after a keystroke
//!   elsewhere).
//!
//! Then the median ratio check_str ÷ parse against its target. They are measured in turns, a
//! batch of about 2 ms each, over 61 rounds, so that a slow spell of a
//! shared machine falls on all of them alike.

#[path = "../tests/support/mod.rs"]
mod support;

use enhance_qa::Checker;
use enhance_qa::Memo;
use std::hint::black_box;
use std::time::Instant;

/// Microseconds per call of `f`, over a batch of `n` calls.
fn batch(n: u32, f: &mut dyn FnMut()) -> f64 {
    let t = Instant::now();
    for _ in 0..n {
        f();
    }
    t.elapsed().as_secs_f64() * 1e6 / f64::from(n)
}

/// The target (issue 11): a check costs at most this many parses of its text.
const TARGET_RATIO: f64 = 2.5;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    // `cargo test --benches` runs this without `--bench`: keep that quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let t = Instant::now();
    let checker = Checker::default();
    let first = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    drop(black_box(Checker::default()));
    println!(
        "Checker::default(): {first:.2} ms the first (reads the built-in data), {:.2} ms the next\n",
        t.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "{:<30} {:>6} {:>10} {:>12} {:>10} {:>13} {:>8}",
        "example", "bytes", "parse µs", "check_str µs", "check µs", "remembered µs", "ratio"
    );
    let mut ratios = Vec::new();
    for (name, text) in support::examples() {
        if quick {
            let report = checker.check_str(&text);
            println!(
                "{name}: {} diagnostics",
                report.map(|r| r.diagnostics.len()).unwrap_or(0)
            );
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let mut parse = || {
            let v: serde_json::Value = serde_json::from_str(black_box(&text)).unwrap_or_default();
            black_box(v);
        };
        let mut check_str = || {
            black_box(checker.check_str(black_box(&text)).ok());
        };
        let mut check = || {
            black_box(checker.check(black_box(&value)));
        };
        let memo = Memo::new();
        let mut remembered = || {
            black_box(checker.check_str_remembering(black_box(&text), &memo).ok());
        };
        let mut runs: [&mut dyn FnMut(); 4] =
            [&mut parse, &mut check_str, &mut check, &mut remembered];
        // Batch sizes of about 2 ms, from a warm-up.
        let sizes: Vec<u32> = runs
            .iter_mut()
            .map(|f| ((2000.0 / batch(50, &mut **f)) as u32).max(1))
            .collect();
        let mut samples = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
        for _ in 0..61 {
            for ((f, n), s) in runs.iter_mut().zip(&sizes).zip(samples.iter_mut()) {
                s.push(batch(*n, &mut **f));
            }
        }
        let [parse, check_str, check, remembered] = samples.map(median);
        let ratio = check_str / parse;
        ratios.push(ratio);
        println!(
            "{name:<30} {:>6} {parse:>10.2} {check_str:>12.2} {check:>10.2} {remembered:>13.2} {ratio:>8.2}",
            text.len()
        );
    }
    if !ratios.is_empty() {
        let ratio = median(ratios);
        println!(
            "\nmedian ratio check_str ÷ parse: {ratio:.2} (target ≤ {TARGET_RATIO}: {})",
            if ratio <= TARGET_RATIO {
                "met"
            } else {
                "NOT met"
            }
        );
    }
}
