//! Rules across documents (`catalogue.*`): when several documents are checked
//! together, course descriptions are checked against each other and against
//! the programmes that list them.
//!
//! The rules sit in the registry like any other (so listings show them and
//! profiles set them), but they do nothing per document. Instead, a
//! [`Summary`] of each document (codes, credits, levels, with where they
//! are) is kept while the documents are checked one by one, and
//! [`Catalogue::check`] cross-checks the summaries at the end; each finding
//! goes into the report of the document it concerns ([`Report::extend`]).
//! Only the summaries are held, never the documents.
//!
//! ```
//! use enhance_qa::{catalogue, json, Checker};
//! let checker = Checker::default();
//! let a = json::parse(r#"{"kind": "course", "code": "X-1"}"#).expect("JSON");
//! let b = json::parse(r#"{"kind": "course", "code": "X-1"}"#).expect("JSON");
//! let reports = catalogue::check_all(&checker, &[("a.json", &a), ("b.json", &b)]);
//! assert!(reports[1].diagnostics.iter().any(|d| d.rule == "catalogue.duplicate-code"));
//! ```

use crate::document::{self, pointer, Document, Kind, Seg};
use crate::json::Value;
use crate::messages::{number, quote, Messages};
use crate::registry::{Applies, Context, Group, Out, Rule};
use crate::report::{Diagnostic, Report, Severity};
use crate::structure::options;
use crate::Checker;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

pub const RULES: &[Rule] = &[
    DUPLICATE_CODE,
    COMPONENT_ECTS,
    MISSING_COURSE,
    PREREQUISITE_MISSING,
    LEVEL_MISMATCH,
];

/// Catalogue rules find nothing in one document alone.
fn per_document(_: &Context<'_, '_>, _: &mut Out<'_>) {}

pub const DUPLICATE_CODE: Rule = Rule {
    id: "catalogue.duplicate-code",
    group: Group::Catalogue,
    applies: Applies::Course,
    summary: "Two course descriptions in the run share a code.",
    source: "ECTS Users' Guide 2015, §7.1 (course catalogue)",
    check: per_document,
};

pub const COMPONENT_ECTS: Rule = Rule {
    id: "catalogue.component-ects",
    group: Group::Catalogue,
    applies: Applies::Programme,
    summary:
        "A programme component or option has other ECTS than the course description with its code.",
    source: "ECTS Users' Guide 2015, §4.1 and §7.1",
    check: per_document,
};

pub const MISSING_COURSE: Rule = Rule {
    id: "catalogue.missing-course",
    group: Group::Catalogue,
    applies: Applies::Programme,
    summary:
        "A programme's mandatory component or elective option has no course description in the run.",
    source: "ECTS Users' Guide 2015, §7.1 (course catalogue)",
    check: per_document,
};

pub const PREREQUISITE_MISSING: Rule = Rule {
    id: "catalogue.prerequisite-missing",
    group: Group::Catalogue,
    applies: Applies::Course,
    summary: "A course prerequisite code that matches no course description in the run.",
    source: "ECTS Users' Guide 2015, §7.1 (prerequisites)",
    check: per_document,
};

pub const LEVEL_MISMATCH: Rule = Rule {
    id: "catalogue.level-mismatch",
    group: Group::Catalogue,
    applies: Applies::Course,
    summary: "A course whose EQF level is below that of a programme that lists it.",
    source: "EQF Recommendation 2017; ESG 2015, standard 1.2",
    check: per_document,
};

/// What the cross-document rules need of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub kind: Option<Kind>,
    pub code: Option<String>,
    pub eqf_level: Option<f64>,
    /// A course's credits.
    pub ects: Option<f64>,
    /// A course's prerequisite course codes, by their index in `prerequisites/courses`.
    pub prerequisites: Vec<(usize, String)>,
    /// A programme's components and options.
    pub units: Vec<Unit>,
}

/// A programme component or elective option.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub component: usize,
    pub option: Option<usize>,
    pub code: String,
    pub ects: Option<f64>,
    /// Taught as a course, so a course description is expected: a mandatory
    /// component or an option (not a thesis, mobility window, internship or
    /// the elective block itself).
    pub taught: bool,
}

impl Unit {
    /// The pointer to one of the unit's fields.
    pub fn path(&self, field: &str) -> String {
        match self.option {
            None => pointer(&[Seg::F("components"), Seg::I(self.component), Seg::F(field)]),
            Some(k) => pointer(&[
                Seg::F("components"),
                Seg::I(self.component),
                Seg::F("options"),
                Seg::I(k),
                Seg::F(field),
            ]),
        }
    }
}

impl Summary {
    /// Reads what the cross-document rules need from a document.
    pub fn of(value: &Value<'_>) -> Summary {
        Summary::from_document(&document::read(value).0)
    }

    pub fn from_document(doc: &Document<'_>) -> Summary {
        let mut s = Summary {
            kind: doc.kind,
            code: doc.code.map(str::to_string),
            eqf_level: doc.eqf_level,
            ..Summary::default()
        };
        match doc.kind {
            Some(Kind::Course) => {
                s.ects = doc.course.ects;
                s.prerequisites = doc
                    .course
                    .prerequisite_courses
                    .iter()
                    .map(|&(k, code)| (k, code.to_string()))
                    .collect();
            }
            Some(Kind::Programme) => {
                for (i, c) in programme_components(doc) {
                    if let Some(code) = c.code {
                        s.units.push(Unit {
                            component: i,
                            option: None,
                            code: code.to_string(),
                            ects: c.ects,
                            taught: c.kind == Some("mandatory"),
                        });
                    }
                    for (k, o) in options(c) {
                        let Some(code) = o.code else { continue };
                        s.units.push(Unit {
                            component: i,
                            option: Some(k),
                            code: code.to_string(),
                            ects: o.ects,
                            taught: true,
                        });
                    }
                }
            }
            None => {}
        }
        s
    }
}

fn programme_components<'a, 'v>(
    doc: &'a Document<'v>,
) -> impl Iterator<Item = (usize, &'a document::Component<'v>)> {
    doc.programme
        .components
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, c)| Some((i, c.as_ref()?)))
}

/// The documents of one run, as summaries with a name each (a file name,
/// with the document's place in the file when it holds several).
#[derive(Debug, Default)]
pub struct Catalogue {
    entries: Vec<(Arc<str>, Summary)>,
}

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
    let tail: String = label.chars().skip(count - MAX).collect();
    format!("\u{201c}\u{2026}{tail}\u{201d}")
}

impl Catalogue {
    pub fn new() -> Catalogue {
        Catalogue::default()
    }

    pub fn with_capacity(documents: usize) -> Catalogue {
        Catalogue {
            entries: Vec::with_capacity(documents),
        }
    }

    /// Adds a document; its index is the number of documents added before it.
    pub fn push(&mut self, name: impl Into<Arc<str>>, summary: Summary) {
        self.entries.push((name.into(), summary));
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Cross-checks the documents under the checker's profile and locale:
    /// for each document, in the order added, the diagnostics about it.
    pub fn check(&self, checker: &Checker) -> Vec<Vec<Diagnostic>> {
        let profile = checker.profile();
        let messages = Messages::new(checker.locale());
        let mut found: Vec<Vec<Diagnostic>> = vec![Vec::new(); self.entries.len()];
        let mut emit =
            |doc: usize, rule: &Rule, path: String, key: &str, params: &[(&str, &str)]| {
                let Some(severity) = profile.severity(rule.id) else {
                    return;
                };
                if let Some(list) = found.get_mut(doc) {
                    list.push(diagnostic(
                        rule,
                        severity,
                        path,
                        messages.render(key, params),
                    ));
                }
            };
        // The first description of each course code; later ones are duplicates.
        let mut courses: HashMap<&str, usize> = HashMap::new();
        for (d, (_, s)) in self.entries.iter().enumerate() {
            let (Some(Kind::Course), Some(code)) = (s.kind, s.code.as_deref()) else {
                continue;
            };
            match courses.get(code) {
                Some(&first) => {
                    let other = self.entries.get(first).map_or("", |(n, _)| &**n);
                    emit(
                        d,
                        &DUPLICATE_CODE,
                        "/code".into(),
                        DUPLICATE_CODE.id,
                        &[("code", &quote(code)), ("other", &name(other))],
                    );
                }
                None => {
                    courses.insert(code, d);
                }
            }
        }
        let tolerance = profile
            .rule(COMPONENT_ECTS.id)
            .and_then(|r| r.get("tolerance"))
            .and_then(|t| match t {
                Value::Number(n) => Some(*n),
                _ => None,
            })
            .unwrap_or(0.0);
        for (d, (programme_name, p)) in self.entries.iter().enumerate() {
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
                let Some((course_name, course)) = self.entries.get(c) else {
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
        for (d, (_, s)) in self.entries.iter().enumerate() {
            if s.kind != Some(Kind::Course) {
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
        found
    }
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

/// Checks several documents together, each named (by its file, say): every
/// document's report, with the cross-document findings added to it.
pub fn check_all(checker: &Checker, documents: &[(&str, &Value<'_>)]) -> Vec<Report> {
    let mut catalogue = Catalogue::new();
    let mut reports = Vec::with_capacity(documents.len());
    for (name, value) in documents {
        let (report, summary) = checker.check_summarised(value);
        reports.push(report);
        catalogue.push(*name, summary);
    }
    if catalogue.len() > 1 {
        for (report, found) in reports.iter_mut().zip(catalogue.check(checker)) {
            report.extend(found);
        }
    }
    reports
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    #[test]
    fn summarises_a_programme_plan_with_paths() {
        let v = json::parse(
            r#"{"kind": "programme", "code": "P", "eqf_level": 7, "components": [
                {"code": "A", "type": "mandatory", "ects": 5},
                {"code": "B", "type": "elective-block", "ects": 5, "options": [{"code": "C", "ects": 5}]}
            ]}"#,
        )
        .unwrap_or(Value::Null);
        let s = Summary::of(&v);
        let units: Vec<(String, bool, String)> = s
            .units
            .iter()
            .map(|u| (u.code.clone(), u.taught, u.path("code")))
            .collect();
        assert_eq!(
            units,
            vec![
                ("A".into(), true, "/components/0/code".into()),
                ("B".into(), false, "/components/1/code".into()),
                ("C".into(), true, "/components/1/options/0/code".into()),
            ]
        );
    }

    #[test]
    fn long_names_keep_their_end() {
        let long = format!("{}/course.json", "a".repeat(100));
        assert!(name(&long).ends_with("course.json\u{201d}"));
    }
}
