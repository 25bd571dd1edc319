//! What the cross-document rules need of one document: codes, credits and
//! levels, with where they are. Only this is kept of each document of a run.

use super::plan::{components, options};
use crate::document::{self, Document, Kind};
use crate::json::Value;
use crate::pointer::{pointer, Seg};

/// What the cross-document rules need of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub kind: Option<Kind>,
    pub code: Option<String>,
    pub eqf_level: Option<f64>,
    /// A course's credits.
    pub ects: Option<f64>,
    /// The prerequisite course codes of a course, BIP or micro-credential,
    /// by their index in `prerequisites/courses`.
    pub prerequisites: Vec<(usize, String)>,
    /// A micro-credential's stackability targets, by their index in `stackability/towards`.
    pub towards: Vec<(usize, String)>,
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
    /// Reads what the cross-document rules need from a document (any
    /// finite number read as it is).
    pub fn of(value: &Value<'_>) -> Summary {
        Summary::from_document(&document::read(value, f64::MAX).0)
    }

    pub fn from_document(doc: &Document<'_>) -> Summary {
        let mut s = Summary {
            kind: doc.kind,
            code: doc.code.map(str::to_string),
            eqf_level: doc.eqf_level,
            ..Summary::default()
        };
        match doc.kind {
            Some(Kind::Course | Kind::Bip | Kind::MicroCredential) => {
                if doc.kind == Some(Kind::Course) {
                    s.ects = doc.course.ects;
                }
                s.prerequisites = doc
                    .course
                    .prerequisite_courses
                    .iter()
                    .map(|&(k, code)| (k, code.to_string()))
                    .collect();
                if let Some(st) = doc.micro.stackability.value() {
                    s.towards = st
                        .towards
                        .iter()
                        .map(|&(k, code)| (k, code.to_string()))
                        .collect();
                }
            }
            Some(Kind::Programme) => {
                for (i, c) in components(doc) {
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
}
