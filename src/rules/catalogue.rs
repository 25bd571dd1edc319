//! Rules across documents (`catalogue.*`): when several documents are checked
//! together, course descriptions are checked against each other and against
//! the programmes that list them; BIPs and micro-credentials against the
//! courses they build on and the credentials they stack towards.
//!
//! The rules sit in the registry like any other (so listings show them and
//! profiles set them), but they do nothing per document. Instead, a
//! [`Summary`] of each document (codes, credits, levels, with where they
//! are) is kept while the documents are checked one by one, and
//! [`cross_check`] compares the summaries at the end (see
//! [`crate::catalogue`]).

use crate::analysis::summary::Summary;
use crate::document::Kind;
use crate::messages::{number, quote, Messages};
use crate::pointer::{pointer, Seg};
use crate::report::{Diagnostic, Severity};
use crate::rule::{Active, Applies, Context, Group, Out, Rule, Setting};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

pub const RULES: &[Rule] = &[
    DUPLICATE_CODE,
    COMPONENT_ECTS,
    MISSING_COURSE,
    PREREQUISITE_MISSING,
    LEVEL_MISMATCH,
    STACK_TARGET,
];

/// Catalogue rules find nothing in one document alone.
fn per_document(_: &Context<'_, '_>, _: &mut Out<'_>) {}

pub const DUPLICATE_CODE: Rule = Rule {
    id: "catalogue.duplicate-code",
    group: Group::Catalogue,
    applies: Applies::UNITS,
    summary: "Two course descriptions, two BIPs or two micro-credentials in the run share a code.",
    source: "ECTS Users' Guide 2015, §7.1 (course catalogue)",
    settings: &[],
    check: per_document,
};

pub const COMPONENT_ECTS: Rule = Rule {
    id: "catalogue.component-ects",
    group: Group::Catalogue,
    applies: Applies::PROGRAMME,
    summary:
        "A programme component or option has other ECTS than the course description with its code.",
    source: "ECTS Users' Guide 2015, §4.1 and §7.1",
    settings: &[Setting::number("tolerance", 0.01)],
    check: per_document,
};

pub const MISSING_COURSE: Rule = Rule {
    id: "catalogue.missing-course",
    group: Group::Catalogue,
    applies: Applies::PROGRAMME,
    summary:
        "A programme's mandatory component or elective option has no course description in the run.",
    source: "ECTS Users' Guide 2015, §7.1 (course catalogue)",
    settings: &[],
    check: per_document,
};

pub const PREREQUISITE_MISSING: Rule = Rule {
    id: "catalogue.prerequisite-missing",
    group: Group::Catalogue,
    applies: Applies::UNITS,
    summary: "A prerequisite course code that matches no course description in the run.",
    source: "ECTS Users' Guide 2015, §7.1 (prerequisites)",
    settings: &[],
    check: per_document,
};

pub const LEVEL_MISMATCH: Rule = Rule {
    id: "catalogue.level-mismatch",
    group: Group::Catalogue,
    applies: Applies::COURSE,
    summary: "A course whose EQF level is below that of a programme that lists it.",
    source: "EQF Recommendation 2017; ESG 2015, standard 1.2",
    settings: &[],
    check: per_document,
};

pub const STACK_TARGET: Rule = Rule {
    id: "catalogue.stack-target",
    group: Group::Catalogue,
    applies: Applies::MICRO_CREDENTIAL,
    summary: "A micro-credential stacks towards a code that matches no course, programme or micro-credential in the run.",
    source: "Council Recommendation on micro-credentials 2022, Annex I (integration/stackability options)",
    settings: &[],
    check: per_document,
};

/// A whole number, as EQF levels are.
fn level(x: Option<f64>) -> Option<f64> {
    x.filter(|l| l.fract() == 0.0)
}

/// A document's name in a message: quoted, and cut from the front when long,
/// so that the file name stays.
fn name(label: &str) -> String {
    const MAX: usize = 60;
    let count = label.chars().count();
    if count <= MAX {
        return quote(label);
    }
    let tail: String = label.chars().skip(count + 1 - MAX).collect();
    quote(&format!("\u{2026}{tail}"))
}

/// Cross-checks the documents of one run, each a name and a summary: for
/// each document, in order, the diagnostics about it. `active` gives a
/// rule as the checker runs it (`None` when the profile turns it off).
pub fn cross_check<'a>(
    entries: &[(Arc<str>, Summary)],
    active: impl Fn(&str) -> Option<&'a Active>,
    messages: &Messages,
) -> Vec<Vec<Diagnostic>> {
    let mut found: Vec<Vec<Diagnostic>> = vec![Vec::new(); entries.len()];
    let mut emit = |doc: usize, rule: &Rule, path: String, key: &str, params: &[(&str, &str)]| {
        let Some(run) = active(rule.id) else {
            return;
        };
        if let Some(list) = found.get_mut(doc) {
            list.push(diagnostic(
                rule,
                run.severity,
                path,
                messages.render(key, params),
            ));
        }
    };
    // The first document of each kind and code; later ones are duplicates.
    // Each kind has its own codes: a micro-credential may carry its course's.
    let mut first: HashMap<(Kind, &str), usize> = HashMap::new();
    for (d, (_, s)) in entries.iter().enumerate() {
        let (Some(kind), Some(code)) = (s.kind, s.code.as_deref()) else {
            continue;
        };
        if !DUPLICATE_CODE.applies.to(kind) {
            continue;
        }
        match first.get(&(kind, code)) {
            Some(&earlier) => {
                let other = entries.get(earlier).map_or("", |(n, _)| &**n);
                let key = match kind {
                    Kind::Bip => "catalogue.duplicate-code.bip",
                    Kind::MicroCredential => "catalogue.duplicate-code.micro-credential",
                    _ => DUPLICATE_CODE.id,
                };
                emit(
                    d,
                    &DUPLICATE_CODE,
                    "/code".into(),
                    key,
                    &[("code", &quote(code)), ("other", &name(other))],
                );
            }
            None => {
                first.insert((kind, code), d);
            }
        }
    }
    let courses: HashMap<&str, usize> = first
        .iter()
        .filter(|((kind, _), _)| *kind == Kind::Course)
        .map(|((_, code), &d)| (*code, d))
        .collect();
    let tolerance = active(COMPONENT_ECTS.id).map_or(0.0, |a| a.settings.num(&["tolerance"]));
    for (d, (programme_name, p)) in entries.iter().enumerate() {
        if p.kind != Some(Kind::Programme) {
            continue;
        }
        let programme_level = level(p.eqf_level);
        let mut lower: HashSet<usize> = HashSet::new();
        for unit in &p.units {
            let Some(&c) = courses.get(unit.code.as_str()) else {
                if unit.taught {
                    emit(
                        d,
                        &MISSING_COURSE,
                        unit.path("code"),
                        MISSING_COURSE.id,
                        &[("code", &quote(&unit.code))],
                    );
                }
                continue;
            };
            let Some((course_name, course)) = entries.get(c) else {
                continue;
            };
            if let (Some(ects), Some(course_ects)) = (unit.ects, course.ects) {
                if (ects - course_ects).abs() > tolerance + 1e-9 {
                    emit(
                        d,
                        &COMPONENT_ECTS,
                        unit.path("ects"),
                        COMPONENT_ECTS.id,
                        &[
                            ("code", &quote(&unit.code)),
                            ("ects", &number(ects)),
                            ("course_ects", &number(course_ects)),
                            ("other", &name(course_name)),
                        ],
                    );
                }
            }
            // Once per course and programme, however often the plan lists it.
            if let (Some(pl), Some(cl)) = (programme_level, level(course.eqf_level)) {
                if cl < pl && lower.insert(c) {
                    let programme = p.code.as_deref().unwrap_or("");
                    emit(
                        c,
                        &LEVEL_MISMATCH,
                        "/eqf_level".into(),
                        LEVEL_MISMATCH.id,
                        &[
                            ("level", &number(cl)),
                            ("programme_level", &number(pl)),
                            ("programme", &quote(programme)),
                            ("other", &name(programme_name)),
                        ],
                    );
                }
            }
        }
    }
    for (d, (_, s)) in entries.iter().enumerate() {
        if !s.kind.is_some_and(|k| PREREQUISITE_MISSING.applies.to(k)) {
            continue;
        }
        for (k, code) in &s.prerequisites {
            if courses.contains_key(code.as_str()) {
                continue;
            }
            emit(
                d,
                &PREREQUISITE_MISSING,
                pointer(&[Seg::F("prerequisites"), Seg::F("courses"), Seg::I(*k)]),
                PREREQUISITE_MISSING.id,
                &[("code", &quote(code))],
            );
        }
    }
    // What a micro-credential may stack towards: any course, programme or micro-credential.
    let targets: HashSet<&str> = entries
        .iter()
        .filter(|(_, s)| s.kind != Some(Kind::Bip))
        .filter_map(|(_, s)| s.code.as_deref())
        .collect();
    for (d, (_, s)) in entries.iter().enumerate() {
        if s.kind != Some(Kind::MicroCredential) {
            continue;
        }
        for (k, code) in &s.towards {
            // The offer's own code is in the run (`microcredential.stackability` reports it).
            if targets.contains(code.as_str()) {
                continue;
            }
            emit(
                d,
                &STACK_TARGET,
                pointer(&[Seg::F("stackability"), Seg::F("towards"), Seg::I(*k)]),
                STACK_TARGET.id,
                &[("code", &quote(code))],
            );
        }
    }
    found
}

fn diagnostic(rule: &Rule, severity: Severity, path: String, message: String) -> Diagnostic {
    Diagnostic {
        rule: rule.id,
        severity,
        path,
        span: None,
        message,
        suggestions: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_keep_their_end() {
        let long = format!("{}/course.json", "a".repeat(100));
        let shown =
            crate::messages::Messages::new("en").render("{name}", &[("name", &name(&long))]);
        assert!(shown.starts_with("\u{201c}\u{2026}aaa"), "{shown}");
        assert!(shown.ends_with("/course.json\u{201d}"), "{shown}");
        assert_eq!(shown.chars().count(), 62, "{shown}");
    }
}
