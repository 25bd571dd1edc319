//! `cargo bench --bench catalogue`: a quality officer's run over a whole
//! catalogue, timed on the release binary.
//!
//! It writes a deterministic catalogue of realistic documents to a temporary
//! folder: course descriptions derived from the five example courses (own
//! codes, prerequisites naming other courses of the catalogue, now and then
//! a vague outcome or a placeholder), and one programme in twenty derived
//! from the two example programmes, whose components name courses of the
//! catalogue with the same credits where there is one (so the cross-checks
//! have real work: matches, missing courses, credits and levels). One in
//! twenty-five is a BIP proposal needing a course of the catalogue, and one
//! in twenty-five a micro-credential offer that stacks towards one. Then it
//! runs `enhance-qa check FOLDER` a few times per output format and prints
//! the median wall time, and the peak resident memory of one run, for 1,000
//! and 10,000 documents (flat memory: the two should be close). Under
//! `taskset` when it is there, the run is pinned to 2 cores.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const COURSES: &[(&str, &str)] = &[
    (
        "CHAL",
        include_str!("../tests/examples/course-en-chalmers.json"),
    ),
    (
        "POLIMI",
        include_str!("../tests/examples/course-en-polimi.json"),
    ),
    ("UPV", include_str!("../tests/examples/course-en-upv.json")),
    (
        "RWTH",
        include_str!("../tests/examples/course-de-rwth.json"),
    ),
    (
        "CHAL",
        include_str!("../tests/examples/course-sv-chalmers.json"),
    ),
];
const PROGRAMMES: &[&str] = &[
    include_str!("../tests/examples/programme-joint-master.json"),
    include_str!("../tests/examples/programme-bachelor.json"),
];
const BIP: &str = include_str!("../tests/examples/bip-enhance-energy.json");
const MICRO_CREDENTIAL: &str = include_str!("../tests/examples/microcredential-battery.json");
const RUNS: usize = 5;

fn is_programme(i: usize) -> bool {
    i % 20 == 19
}

fn is_bip(i: usize) -> bool {
    !is_programme(i) && i % 25 == 11
}

fn is_micro_credential(i: usize) -> bool {
    !is_programme(i) && i % 25 == 13
}

fn is_course(i: usize) -> bool {
    !is_programme(i) && !is_bip(i) && !is_micro_credential(i)
}

/// The nearest course description before `i`, if any.
fn course_before(i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| is_course(j))
}

/// A BIP proposal or micro-credential offer from its example, with its own
/// code, needing (or stacking towards) the nearest course before it.
fn other_kind(i: usize, example: &str) -> Value {
    let mut doc: Value = serde_json::from_str(example).unwrap_or_default();
    let code = doc["code"].as_str().unwrap_or_default().to_string();
    doc["code"] = json!(format!("{code}-{i:05}"));
    if let Some(j) = course_before(i) {
        doc["prerequisites"]["courses"] = json!([course_code(j)]);
        if doc["stackability"].is_object() {
            doc["stackability"]["towards"] = json!([course_code(j)]);
        }
    }
    doc
}

fn course_code(i: usize) -> String {
    let (prefix, _) = COURSES[i % COURSES.len()];
    format!("{prefix}-G{i:05}")
}

/// The course descriptions before `i` with these credits, nearest first.
fn courses_with(i: usize, ects: f64, templates: &[Value]) -> impl Iterator<Item = usize> + '_ {
    (0..i).rev().filter(move |&j| {
        is_course(j) && templates[j % templates.len()]["ects"].as_f64() == Some(ects)
    })
}

fn course(i: usize, templates: &[Value]) -> Value {
    let mut doc = templates[i % templates.len()].clone();
    doc["code"] = json!(course_code(i));
    if let Some(title) = doc["title"].as_str() {
        doc["title"] = json!(format!("{title} {}", i / 100 + 1));
    }
    if doc["prerequisites"].is_object() {
        // The nearest earlier course; sometimes a code from outside the catalogue.
        let code = match course_before(i) {
            Some(j) if i % 37 != 0 => course_code(j),
            _ => format!("EXT-{i:05}"),
        };
        doc["prerequisites"]["courses"] = json!([code]);
    }
    if i % 50 == 7 {
        doc["learning_outcomes"][0] = json!("Understand the main ideas of the course.");
    }
    if i % 97 == 3 {
        doc["reading"] = json!(["Lecture notes: TBD"]);
    }
    doc
}

fn programme(i: usize, templates: &[Value]) -> Value {
    let mut doc: Value =
        serde_json::from_str(PROGRAMMES[(i / 20) % PROGRAMMES.len()]).unwrap_or_default();
    let code = doc["code"].as_str().unwrap_or_default().to_string();
    doc["code"] = json!(format!("{code}-{i:05}"));
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut used = Vec::new();
    let mut rename = |old: &str, ects: Option<f64>, taught: bool| {
        let new = ects
            .filter(|_| taught)
            .and_then(|e| courses_with(i, e, templates).find(|j| !used.contains(j)))
            .map(|j| {
                used.push(j);
                course_code(j)
            })
            .unwrap_or_else(|| format!("{old}-{i:05}"));
        renamed.push((old.to_string(), new.clone()));
        new
    };
    for c in doc["components"].as_array_mut().into_iter().flatten() {
        let taught = c["type"] == "mandatory";
        let old = c["code"].as_str().unwrap_or_default().to_string();
        c["code"] = json!(rename(&old, c["ects"].as_f64(), taught));
        for o in c["options"].as_array_mut().into_iter().flatten() {
            let old = o["code"].as_str().unwrap_or_default().to_string();
            o["code"] = json!(rename(&old, o["ects"].as_f64(), true));
        }
    }
    for c in doc["components"].as_array_mut().into_iter().flatten() {
        for p in c["prerequisites"].as_array_mut().into_iter().flatten() {
            if let Some((_, new)) = renamed.iter().find(|(old, _)| p == old.as_str()) {
                *p = json!(new);
            }
        }
    }
    doc
}

/// Writes `n` documents in folders of a thousand, as faculties export them.
fn generate(dir: &Path, n: usize) -> std::io::Result<u64> {
    let _ = std::fs::remove_dir_all(dir);
    let templates: Vec<Value> = COURSES
        .iter()
        .map(|(_, t)| serde_json::from_str(t).unwrap_or_default())
        .collect();
    let mut bytes = 0;
    for i in 0..n {
        let folder = dir.join(format!("faculty-{:02}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&folder)?;
        }
        let doc = if is_programme(i) {
            programme(i, &templates)
        } else if is_bip(i) {
            other_kind(i, BIP)
        } else if is_micro_credential(i) {
            other_kind(i, MICRO_CREDENTIAL)
        } else {
            course(i, &templates)
        };
        let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        bytes += text.len() as u64;
        let code = doc["code"].as_str().unwrap_or("doc");
        std::fs::write(folder.join(format!("{i:05}-{code}.json")), text)?;
    }
    Ok(bytes)
}

fn command(binary: &Path, args: &[&str], pinned: bool) -> Command {
    let mut c = if pinned {
        let mut c = Command::new("taskset");
        c.args(["-c", "0,1"]).arg(binary);
        c
    } else {
        Command::new(binary)
    };
    c.args(args).stdout(Stdio::null()).stderr(Stdio::null());
    c
}

fn has(tool: &str, arg: &str) -> bool {
    Command::new(tool)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Peak resident memory of one run in KiB: GNU time's report when it is
/// installed, else the child's `VmHWM`, read until it exits.
fn peak_kib(binary: &Path, args: &[&str], pinned: bool) -> Option<u64> {
    if has("/usr/bin/time", "true") {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-v");
        if pinned {
            c.args(["taskset", "-c", "0,1"]);
        }
        let out = c
            .arg(binary)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .ok()?;
        let report = String::from_utf8_lossy(&out.stderr);
        let line = report
            .lines()
            .find(|l| l.contains("Maximum resident set size"))?;
        return line.rsplit(':').next()?.trim().parse().ok();
    }
    let mut child = command(binary, args, false).spawn().ok()?;
    let status = format!("/proc/{}/status", child.id());
    let mut peak = None;
    while child.try_wait().ok()?.is_none() {
        let hwm = std::fs::read_to_string(&status).ok().and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        });
        peak = hwm.max(peak);
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    peak
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    // `cargo test --benches` runs this without `--bench`: keep that quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_enhance-qa"));
    let pinned = has("taskset", "-V");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "enhance-qa check over a generated catalogue ({} cores here{})\n",
        cores,
        if pinned {
            ", runs pinned to 2 with taskset"
        } else {
            ""
        }
    );
    let sizes: &[usize] = if quick { &[200] } else { &[1_000, 10_000] };
    println!(
        "{:>9} {:>9} {:>8} {:>12} {:>12} {:>12} {:>10}",
        "documents", "MB", "exit", "human ms", "json ms", "sarif ms", "peak MiB"
    );
    for &n in sizes {
        let dir = std::env::temp_dir().join(format!("enhance-qa-catalogue-{n}"));
        let bytes = match generate(&dir, n) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("cannot write the catalogue to {}: {e}", dir.display());
                return;
            }
        };
        let folder = dir.to_string_lossy().to_string();
        let exit = command(&binary, &["check", &folder], pinned)
            .status()
            .ok()
            .and_then(|s| s.code());
        let runs = if quick { 1 } else { RUNS };
        let mut times = Vec::new();
        for format in ["human", "json", "sarif"] {
            let args = ["check", "--format", format, &folder];
            let samples: Vec<f64> = (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    let _ = command(&binary, &args, pinned).status();
                    t.elapsed().as_secs_f64() * 1e3
                })
                .collect();
            times.push(median(samples));
        }
        let peak = peak_kib(&binary, &["check", &folder], pinned);
        println!(
            "{n:>9} {:>9.1} {:>8} {:>12.0} {:>12.0} {:>12.0} {:>10}",
            bytes as f64 / 1e6,
            exit.map_or("?".into(), |c| c.to_string()),
            times[0],
            times[1],
            times[2],
            peak.map_or("?".into(), |k| format!("{:.1}", k as f64 / 1024.0)),
        );
        // ENHANCE_QA_BENCH_KEEP=1 keeps the catalogue, to look at or run by hand.
        if std::env::var_os("ENHANCE_QA_BENCH_KEEP").is_none() {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
    println!("\nMedian of {RUNS} runs each (target: 10,000 documents in ≤ 2 s on 2 cores).");
}
