//! `cargo bench --bench growth`: how the time of a check grows with the size
//! of its input, one dimension at a time.
//!
//! Each dimension (the length of a text, the number of outcomes, activities,
//! assessments, components, prerequisite edges, documents in a run …) is
//! doubled four times from a realistic document; for each size the fastest
//! of five or more checks is printed (the sizes timed in turn, round after
//! round), then the growth exponent: the slope of
//! log(time) over log(size) by least squares. Linear work gives 1; every
//! exponent must stay at or below 1.15. The reading limits are raised for the
//! benchmark (the built-in profile stops reading lists at 100,000 entries),
//! so that what is timed is the checking, not the refusal.
//!
//! Last, the time of one check of a course with 100,000 learning outcomes
//! (under the built-in profile), which must stay under a second.

#[path = "../tests/support/mod.rs"]
mod support;

use enhance_qa::{catalogue, json, Checker, Memo, Profile};
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::Instant;

/// The limits raised well above every size timed here.
const PROFILE: &str = r#"{"rules": {"schema.limit": {
    "max_document_size": 1000000000, "max_text_length": 100000000,
    "max_list_length": 10000000}}}"#;

/// The highest growth exponent accepted.
const MAX_EXPONENT: f64 = 1.15;

/// Outcome statements the documents repeat with a number, so that they
/// differ (every tenth is a duplicate of an earlier one, for `lo.duplicate`).
const STATEMENTS: &[&str] = &[
    "Explain the main ageing mechanisms of lithium-ion cells and the effect of temperature on them",
    "Implement a Kalman filter that tracks the remaining charge of a cell from measured data",
    "Understand the basics of power electronics for electric vehicles",
    "Students will be able to analyse, design and evaluate battery management systems",
    "Die Studierenden können Lastflüsse berechnen, simulieren und bewerten",
    "TBD",
];

fn outcome(i: usize) -> String {
    let base = STATEMENTS[i % STATEMENTS.len()];
    if i % 10 == 9 {
        format!("{base} (variant {}).", (i / 10) % 7)
    } else {
        format!("{base} (variant {i}).")
    }
}

/// A course with `n` learning outcomes, assessed by the example's assessments.
fn outcomes(n: usize) -> Value {
    let mut doc = support::example("course-en-chalmers.json");
    doc["learning_outcomes"] = (0..n).map(outcome).collect();
    doc
}

/// A course whose summary and first outcome hold `n` words.
fn text_length(n: usize) -> Value {
    let mut doc = support::example("course-en-chalmers.json");
    let words = [
        "The",
        "students",
        "analyse,",
        "design",
        "and",
        "evaluate",
        "heat",
        "pumps",
        "for",
        "district",
        "heating;",
        "understand",
        "the",
        "TBD",
        "state-of-the-art",
        "models.",
    ];
    let text: Vec<&str> = (0..n).map(|i| words[i % words.len()]).collect();
    let text = text.join(" ");
    doc["summary"] = Value::String(text.clone());
    doc["learning_outcomes"][0] = Value::String(text);
    doc
}

/// A course with `n` activities.
fn activities(n: usize) -> Value {
    let mut doc = support::example("course-en-chalmers.json");
    let types = ["lecture", "lab", "self-study", "project", "nap"];
    doc["activities"] = (0..n)
        .map(|i| json!({"type": types[i % types.len()], "hours": (i % 7) as f64 * 0.5}))
        .collect();
    doc
}

/// A course with `n` assessments and as many outcomes, each assessment
/// naming one outcome (half of the outcomes stay unassessed).
fn assessments(n: usize) -> Value {
    let mut doc = outcomes(n);
    let methods = ["written-exam", "project", "report", "oral-exam"];
    doc["assessment"] = (0..n)
        .map(|i| json!({"method": methods[i % methods.len()], "weight": 1, "outcomes": [2 * (i % (n / 2)) + 1]}))
        .collect();
    doc
}

/// A programme with `n` components, each needing the one before it (the
/// last component also the first, one long cycle).
fn components(n: usize) -> Value {
    let mut doc = support::example("programme-joint-master.json");
    doc["components"] = (0..n)
        .map(|i| {
            let prerequisites = if i == 0 {
                vec![format!("C-{}", n - 1)]
            } else {
                vec![format!("C-{}", i - 1), format!("X-{i}")]
            };
            json!({
                "code": format!("C-{i}"), "title": "Energy systems modelling", "type": "mandatory",
                "ects": 5, "semester": 1 + i % 4, "institution": "TUB",
                "contributes_to": [1 + i % 5], "prerequisites": prerequisites,
            })
        })
        .collect();
    doc
}

/// A programme of 2,000 components with `n` prerequisite edges between them.
fn edges(n: usize) -> Value {
    let count = 2000;
    let mut doc = support::example("programme-joint-master.json");
    doc["components"] = (0..count)
        .map(|i| {
            let prerequisites: Vec<String> = (0..n / count)
                .map(|k| format!("C-{}", (i + 1 + k * 7) % count))
                .collect();
            json!({
                "code": format!("C-{i}"), "title": "Energy systems modelling", "type": "mandatory",
                "ects": 5, "semester": 1 + i % 4, "contributes_to": [1], "prerequisites": prerequisites,
            })
        })
        .collect();
    doc
}

/// A course with `n` fields the format does not define, and as many keys
/// given twice.
fn keys(n: usize) -> String {
    let doc = support::example("course-en-chalmers.json");
    let mut text = serde_json::to_string(&doc).unwrap_or_default();
    text.pop();
    for i in 0..n {
        text.push_str(&format!(",\"field_{i}\":{i},\"title\":\"Title {i}\""));
    }
    text.push('}');
    text
}

/// `n` documents for one run: courses with prerequisites, and one programme
/// in ten listing courses of the run.
fn documents(n: usize) -> Vec<Value> {
    let course = support::example("course-en-chalmers.json");
    let programme = support::example("programme-joint-master.json");
    (0..n)
        .map(|i| {
            if i % 10 == 9 {
                let mut p = programme.clone();
                p["code"] = json!(format!("P-{i}"));
                if let Some(list) = p["components"].as_array_mut() {
                    for (k, c) in list.iter_mut().enumerate() {
                        c["code"] = json!(format!("K-{}", (i + k * 3) % n));
                    }
                }
                p
            } else {
                let mut c = course.clone();
                c["code"] = json!(format!("K-{}", i % (n - n / 20)));
                c["prerequisites"]["courses"] = json!([format!("K-{}", (i * 7) % n)]);
                c
            }
        })
        .collect()
}

/// Seconds of the fastest call of each of `fs`, timed in rounds (each input
/// once per round, smallest first) of at least `runs` rounds and as many more
/// as fit in `budget` seconds (at most 20): on a shared machine a busy spell
/// then slows every size alike instead of the one being timed, and the
/// fastest call measures the check, not the neighbours.
fn times(fs: &mut [Timed], runs: usize, budget: f64) -> Vec<f64> {
    let mut best = vec![f64::INFINITY; fs.len()];
    let (mut spent, mut rounds) = (0.0, 0);
    while rounds < runs || (spent < budget && rounds < 20) {
        for (f, best) in fs.iter_mut().zip(&mut best) {
            let t = Instant::now();
            f();
            let took = t.elapsed().as_secs_f64();
            *best = best.min(took);
            spent += took;
        }
        rounds += 1;
    }
    best
}

/// The slope of log(time) over log(size), by least squares.
fn exponent(points: &[(usize, f64)]) -> f64 {
    let xs: Vec<f64> = points.iter().map(|&(n, _)| (n as f64).ln()).collect();
    let ys: Vec<f64> = points.iter().map(|&(_, t)| t.max(1e-9).ln()).collect();
    let k = xs.len() as f64;
    let (mx, my) = (xs.iter().sum::<f64>() / k, ys.iter().sum::<f64>() / k);
    let cov: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let var: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    cov / var
}

/// What is timed: one check (or one run) of an input made beforehand.
type Timed = Box<dyn FnMut()>;

/// One dimension: its name, its first size, and what is timed at a size.
struct Dimension {
    name: &'static str,
    unit: &'static str,
    first: usize,
    run: fn(usize) -> Timed,
}

fn checked(value: Value) -> Timed {
    let text = value.to_string();
    let checker = checker();
    Box::new(move || {
        black_box(checker.check_str(black_box(&text)).ok());
    })
}

fn checker() -> Checker {
    let profile = Profile::from_json(PROFILE).unwrap_or_else(|e| panic!("{e}"));
    Checker::new(profile)
}

fn dimensions() -> Vec<Dimension> {
    vec![
        Dimension {
            name: "text length",
            unit: "words",
            first: 4_000,
            run: |n| checked(text_length(n)),
        },
        Dimension {
            name: "outcomes",
            unit: "outcomes",
            first: 6_250,
            run: |n| checked(outcomes(n)),
        },
        Dimension {
            name: "outcomes, remembered",
            unit: "outcomes",
            first: 6_250,
            run: |n| {
                // A form checked again after one outcome changed: the memo
                // finds every other reading.
                let mut doc = outcomes(n);
                let before = doc.to_string();
                doc["learning_outcomes"][0] = json!("Compare two charging strategies.");
                let after = doc.to_string();
                let checker = checker();
                let memo = Memo::new();
                Box::new(move || {
                    black_box(checker.check_str_remembering(&before, &memo).ok());
                    black_box(checker.check_str_remembering(&after, &memo).ok());
                })
            },
        },
        Dimension {
            name: "activities",
            unit: "activities",
            first: 12_500,
            run: |n| checked(activities(n)),
        },
        Dimension {
            name: "assessments (and outcomes)",
            unit: "assessments",
            first: 6_250,
            run: |n| checked(assessments(n)),
        },
        Dimension {
            name: "components",
            unit: "components",
            first: 3_125,
            run: |n| checked(components(n)),
        },
        Dimension {
            name: "prerequisite edges",
            unit: "edges",
            first: 8_000,
            run: |n| checked(edges(n)),
        },
        Dimension {
            name: "unknown and repeated keys",
            unit: "keys",
            first: 6_250,
            run: |n| {
                let text = keys(n);
                let checker = checker();
                Box::new(move || {
                    black_box(checker.check_str(black_box(&text)).ok());
                })
            },
        },
        Dimension {
            name: "documents in a run",
            unit: "documents",
            first: 1_000,
            run: |n| {
                let texts: Vec<String> = documents(n).iter().map(Value::to_string).collect();
                let checker = checker();
                Box::new(move || {
                    let values: Vec<json::Value<'_>> =
                        texts.iter().filter_map(|t| json::parse(t).ok()).collect();
                    let named: Vec<(&str, &json::Value<'_>)> =
                        values.iter().map(|v| ("document.json", v)).collect();
                    black_box(catalogue::check_all(&checker, &named));
                })
            },
        },
    ]
}

fn main() {
    // `cargo test --benches` runs this without `--bench`: then one small size each.
    let quick = !std::env::args().any(|a| a == "--bench");
    let (steps, runs) = if quick { (1, 1) } else { (5, 5) };
    // `cargo bench --bench growth -- outcomes`: only the dimensions so named.
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    println!(
        "{:<28} {:>10} {:>12} {:>10}",
        "dimension", "size", "ms", "ms/1000"
    );
    let mut worst: f64 = 0.0;
    for d in dimensions() {
        if !only.is_empty() && !only.iter().any(|o| d.name.contains(o.as_str())) {
            continue;
        }
        let sizes: Vec<usize> = (0..steps)
            .map(|step| (d.first << step) / if quick { 16 } else { 1 })
            .collect();
        let mut fs: Vec<Timed> = sizes.iter().map(|&n| (d.run)(n)).collect();
        let points: Vec<(usize, f64)> = sizes
            .iter()
            .copied()
            .zip(times(&mut fs, runs, 10.0))
            .collect();
        drop(fs);
        for (step, &(n, t)) in points.iter().enumerate() {
            println!(
                "{:<28} {:>10} {:>12.2} {:>10.4}",
                if step == 0 { d.name } else { "" },
                format!("{n} {}", if step == 0 { d.unit } else { "" }).trim_end(),
                t * 1e3,
                t * 1e6 / n as f64
            );
        }
        if points.len() > 1 {
            let e = exponent(&points);
            worst = worst.max(e);
            let verdict = if e <= MAX_EXPONENT {
                ""
            } else {
                "  ← above 1.15"
            };
            println!("{:<28} growth exponent {e:.2}{verdict}", "");
        }
    }
    if quick || !only.is_empty() {
        return;
    }
    println!("\nhighest growth exponent: {worst:.2} (at most {MAX_EXPONENT})");
    // The headline figure, under the built-in profile.
    let text = outcomes(100_000).to_string();
    let checker = Checker::default();
    let size = text.len() as f64 / 1e6;
    let check: Timed = Box::new(move || {
        black_box(checker.check_str(black_box(&text)).ok());
    });
    let t = times(&mut [check], 5, 1.0)[0];
    println!(
        "a course with 100,000 learning outcomes ({:.1} MB): {:.0} ms per check (target < 1,000 ms)",
        size,
        t * 1e3
    );
}
