//! `cargo bench`: how long a check takes against merely parsing the same text.
//!
//! For each bundled example it prints the median µs of
//! - `parse`: the text into a `serde_json::Value` (the yardstick),
//! - `check_str`: text in, report out (our own parse included),
//! - `check`: an already parsed `serde_json::Value` in, report out.
//!
//! Then the ratio check_str ÷ parse. Medians of 41 samples, each a batch
//! sized to take about 5 ms.

use enhance_qa::Checker;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

fn median_micros(mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    let mut warm = 0u32;
    while start.elapsed().as_millis() < 50 {
        f();
        warm += 1;
    }
    let per_call = start.elapsed().as_secs_f64() / f64::from(warm.max(1));
    let batch = ((0.005 / per_call) as u32).max(1);
    let mut samples: Vec<f64> = (0..41)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..batch {
                f();
            }
            t.elapsed().as_secs_f64() * 1e6 / f64::from(batch)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: keep that quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    let t = Instant::now();
    let checker = Checker::default();
    let prepare = t.elapsed().as_secs_f64() * 1e3;
    println!(
        "Checker::default(): {prepare:.2} ms (profile, lexicons and look-ups prepared once)\n"
    );
    println!(
        "{:<30} {:>6} {:>10} {:>12} {:>10} {:>8}",
        "example", "bytes", "parse µs", "check_str µs", "check µs", "ratio"
    );
    let mut ratios = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if quick {
            let report = checker.check_str(&text);
            println!(
                "{name}: {} diagnostics",
                report.map(|r| r.diagnostics.len()).unwrap_or(0)
            );
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let parse = median_micros(|| {
            let v: serde_json::Value = serde_json::from_str(black_box(&text)).unwrap_or_default();
            black_box(v);
        });
        let check_str = median_micros(|| {
            black_box(checker.check_str(black_box(&text)).ok());
        });
        let check = median_micros(|| {
            black_box(checker.check(black_box(&value)));
        });
        let ratio = check_str / parse;
        ratios.push(ratio);
        println!(
            "{name:<30} {:>6} {parse:>10.2} {check_str:>12.2} {check:>10.2} {ratio:>8.2}",
            text.len()
        );
    }
    if !ratios.is_empty() {
        ratios.sort_by(f64::total_cmp);
        println!(
            "\nmedian ratio check_str ÷ parse: {:.2} (target ≤ 5)",
            ratios[ratios.len() / 2]
        );
    }
}
