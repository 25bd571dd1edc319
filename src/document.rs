//! The document model and its lenient reader.
//!
//! The reader walks any JSON value once and fills a typed view of a course
//! description or programme proposal. Every problem of shape becomes a
//! [`Finding`] at its JSON Pointer (reported later by the `schema.*` rules);
//! a field that is missing or of the wrong type is `None` in the view, so
//! the domain rules stay silent about it (one problem, one diagnostic).

use crate::json::Value;
use crate::report::push_segment;
use std::borrow::Cow;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Course,
    Programme,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Course => "course",
            Kind::Programme => "programme",
        }
    }

    /// The kind a report names (`"course"`, `"programme"`).
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "course" => Some(Kind::Course),
            "programme" => Some(Kind::Programme),
            _ => None,
        }
    }
}

pub const KINDS: &[&str] = &["course", "programme"];
pub const DELIVERY: &[&str] = &["in-person", "blended", "online"];
pub const TERMS: &[&str] = &["autumn", "spring", "summer", "any"];
pub const ACTIVITY_TYPES: &[&str] = &[
    "lecture",
    "seminar",
    "tutorial",
    "lab",
    "project",
    "fieldwork",
    "placement",
    "self-study",
    "assessment",
    "other",
];
pub const ASSESSMENT_METHODS: &[&str] = &[
    "written-exam",
    "oral-exam",
    "project",
    "report",
    "presentation",
    "lab-work",
    "portfolio",
    "peer-review",
    "quiz",
    "other",
];
pub const MOBILITY: &[&str] = &["physical", "virtual", "blended"];
pub const DEGREES: &[&str] = &["short-cycle", "bachelor", "master", "doctorate"];
pub const STUDY_MODES: &[&str] = &["full-time", "part-time"];
pub const AWARDS: &[&str] = &["single", "double", "multiple", "joint"];
pub const ROLES: &[&str] = &["coordinator", "partner"];
pub const COMPONENT_TYPES: &[&str] = &[
    "mandatory",
    "elective-block",
    "thesis",
    "mobility",
    "internship",
];
pub const AGREEMENT_TOPICS: &[&str] = &[
    "degree_denomination",
    "management_and_finance",
    "admission_and_selection",
    "mobility",
    "examination_and_recognition",
];

// The fields of each object, in the order a form shows them; diagnostics are
// sorted in this order.
const COURSE_FIELDS: &[&str] = &[
    "kind",
    "code",
    "title",
    "institution",
    "language",
    "teaching_languages",
    "ects",
    "eqf_level",
    "isced_f",
    "delivery",
    "term",
    "coordinator",
    "summary",
    "learning_outcomes",
    "prerequisites",
    "activities",
    "assessment",
    "reading",
    "sdgs",
    "mobility",
];
const PROGRAMME_FIELDS: &[&str] = &[
    "kind",
    "code",
    "title",
    "degree",
    "eqf_level",
    "ects",
    "semesters",
    "study_mode",
    "award",
    "language",
    "teaching_languages",
    "isced_f",
    "institutions",
    "cooperation_agreement",
    "admission",
    "recognition",
    "summary",
    "learning_outcomes",
    "components",
    "sdgs",
];
const COORDINATOR_FIELDS: &[&str] = &["name", "email"];
const PREREQUISITE_FIELDS: &[&str] = &["courses", "text"];
const ACTIVITY_FIELDS: &[&str] = &["type", "hours"];
const ASSESSMENT_FIELDS: &[&str] = &["method", "weight", "outcomes"];
const INSTITUTION_FIELDS: &[&str] = &["id", "role", "country"];
const COMPONENT_FIELDS: &[&str] = &[
    "code",
    "title",
    "type",
    "ects",
    "semester",
    "institution",
    "contributes_to",
    "prerequisites",
    "options",
    "mobility",
];
const OPTION_FIELDS: &[&str] = &["code", "title", "ects", "institution"];

/// The fields of objects nested in a document, by the field that holds them.
const NESTED: &[(&str, &[&str])] = &[
    ("coordinator", COORDINATOR_FIELDS),
    ("prerequisites", PREREQUISITE_FIELDS),
    ("activities", ACTIVITY_FIELDS),
    ("assessment", ASSESSMENT_FIELDS),
    ("institutions", INSTITUTION_FIELDS),
    ("cooperation_agreement", AGREEMENT_TOPICS),
    ("components", COMPONENT_FIELDS),
];

/// The fields of a kind's documents, each nested object's right after the
/// field that holds it, each name once.
fn in_form_order(top: &[&'static str]) -> Vec<&'static str> {
    let mut order: Vec<&'static str> = Vec::new();
    for field in top {
        let nested = NESTED
            .iter()
            .find(|(f, _)| f == field)
            .map_or(&[][..], |(_, n)| n);
        for name in std::iter::once(field).chain(nested) {
            if !order.contains(name) {
                order.push(name);
            }
        }
    }
    order
}

/// Every field name of a kind's documents, nested ones included, in form
/// order: the order in which a report lists its diagnostics.
pub fn field_order(kind: Option<Kind>) -> &'static [&'static str] {
    static COURSE: OnceLock<Vec<&'static str>> = OnceLock::new();
    static PROGRAMME: OnceLock<Vec<&'static str>> = OnceLock::new();
    match kind {
        Some(Kind::Programme) => PROGRAMME.get_or_init(|| in_form_order(PROGRAMME_FIELDS)),
        _ => COURSE.get_or_init(|| in_form_order(COURSE_FIELDS)),
    }
}

/// A problem of shape found while reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding<'v> {
    pub issue: Issue,
    pub path: String,
    /// The field's name (the last object key on the path).
    pub field: &'static str,
    /// What was found: the JSON type's name, or the text given.
    pub found: Cow<'v, str>,
    /// What is expected: a type's name (`Type`), or the allowed values.
    pub expected: Expected,
    /// The number a string was read as (`Coerced`).
    pub number: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issue {
    Required,
    Type,
    Coerced,
    Enum,
    UnknownField,
    Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Nothing,
    Type(&'static str),
    /// A number, where text was given that is not a plain decimal.
    NumberText,
    OneOf(&'static [&'static str]),
    /// The fields of the object an unknown field was found in.
    FieldOf(&'static [&'static str]),
}

/// An entry of a list, with its index in the document.
pub type Item<T> = (usize, T);

#[derive(Debug, Default)]
pub struct Document<'v> {
    pub kind: Option<Kind>,
    pub code: Option<&'v str>,
    pub title: Option<&'v str>,
    pub language: Option<&'v str>,
    pub teaching_languages: Vec<Item<&'v str>>,
    pub isced_f: Option<&'v str>,
    pub eqf_level: Option<f64>,
    pub summary: Option<&'v str>,
    /// `None` when missing or not a list; entries that are not text are left out.
    pub learning_outcomes: Option<Vec<Item<&'v str>>>,
    /// How many entries the outcome list has, text or not (outcome numbers run 1…this).
    pub outcome_count: usize,
    /// Empty when absent, null or empty; `None` only when of the wrong type.
    pub sdgs: Option<Vec<Item<f64>>>,
    pub course: Course<'v>,
    pub programme: Programme<'v>,
}

#[derive(Debug, Default)]
pub struct Course<'v> {
    pub institution: Option<&'v str>,
    pub ects: Option<f64>,
    pub delivery: Option<&'static str>,
    pub term: Option<&'static str>,
    pub coordinator_name: Option<&'v str>,
    pub coordinator_email: Option<&'v str>,
    pub prerequisite_courses: Vec<Item<&'v str>>,
    pub prerequisite_text: Option<&'v str>,
    /// `None` unless a list; an entry that is not an object is `None`.
    pub activities: Option<Vec<Option<Activity>>>,
    pub assessment: Option<Vec<Option<Assessment>>>,
    pub reading: Vec<Item<&'v str>>,
    pub mobility: Vec<Item<&'static str>>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Activity {
    pub kind: Option<&'static str>,
    pub hours: Option<f64>,
}

#[derive(Debug, Clone, Default)]
pub struct Assessment {
    pub method: Option<&'static str>,
    pub weight: Option<f64>,
    /// `None` when missing or empty; entries that are not numbers are left out.
    pub outcomes: Option<Vec<Item<f64>>>,
}

#[derive(Debug, Default)]
pub struct Programme<'v> {
    pub degree: Option<&'static str>,
    pub ects: Option<f64>,
    pub semesters: Option<f64>,
    pub study_mode: Option<&'static str>,
    pub award: Option<&'static str>,
    pub institutions: Option<Vec<Option<InstitutionEntry<'v>>>>,
    /// `None` when absent; topics in [`AGREEMENT_TOPICS`] order.
    pub agreement: Option<[Option<&'v str>; 5]>,
    pub admission: Option<&'v str>,
    pub recognition: Option<&'v str>,
    pub components: Option<Vec<Option<Component<'v>>>>,
}

#[derive(Debug, Clone, Default)]
pub struct InstitutionEntry<'v> {
    pub id: Option<&'v str>,
    pub role: Option<&'static str>,
    pub country: Option<&'v str>,
}

#[derive(Debug, Clone, Default)]
pub struct Component<'v> {
    pub code: Option<&'v str>,
    pub title: Option<&'v str>,
    pub kind: Option<&'static str>,
    pub ects: Option<f64>,
    pub semester: Option<f64>,
    pub institution: Option<&'v str>,
    pub contributes_to: Option<Vec<Item<f64>>>,
    pub prerequisites: Vec<Item<&'v str>>,
    pub options: Option<Vec<Option<ElectiveOption<'v>>>>,
    pub mobility: Option<&'static str>,
}

#[derive(Debug, Clone, Default)]
pub struct ElectiveOption<'v> {
    pub code: Option<&'v str>,
    pub title: Option<&'v str>,
    pub ects: Option<f64>,
    pub institution: Option<&'v str>,
}

/// Reads any JSON value into a [`Document`] and the problems of its shape.
pub fn read<'v>(value: &'v Value<'v>) -> (Document<'v>, Vec<Finding<'v>>) {
    let mut r = Reader {
        path: Vec::new(),
        findings: Vec::new(),
    };
    let mut doc = Document::default();
    let Some(members) = value.as_object() else {
        r.type_error("", value, "an object");
        return (doc, r.findings);
    };
    doc.kind = match find(members, "kind") {
        Some(Value::String(s)) if s == "course" => Some(Kind::Course),
        Some(Value::String(s)) if s == "programme" => Some(Kind::Programme),
        other => {
            r.at("kind", |r| {
                r.push(
                    Issue::Kind,
                    "kind",
                    other.map_or(Cow::Borrowed(""), found_text),
                    Expected::OneOf(KINDS),
                )
            });
            return (doc, r.findings);
        }
    };
    match doc.kind {
        Some(Kind::Programme) => r.programme(members, &mut doc),
        _ => r.course(members, &mut doc),
    }
    (doc, r.findings)
}

fn find<'v>(members: &'v [(Cow<'v, str>, Value<'v>)], key: &str) -> Option<&'v Value<'v>> {
    members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn found_text<'v>(value: &'v Value<'v>) -> Cow<'v, str> {
    match value {
        Value::String(s) => Cow::Borrowed(s.as_ref()),
        other => Cow::Borrowed(other.type_name()),
    }
}

/// A number written as a plain decimal string: optional minus, digits, and at
/// most one decimal point or comma followed by digits (`"7,5"`, `" 30 "`).
pub fn plain_decimal(s: &str) -> Option<f64> {
    let t = s.trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    let (int, frac) = match digits.find(['.', ',']) {
        Some(i) => (&digits[..i], Some(&digits[i + 1..])),
        None => (digits, None),
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    t.replace(',', ".").parse().ok()
}

fn is_blank(value: &Value<'_>) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

struct Reader<'v> {
    /// Where the reader is; made into a pointer only when something is found.
    path: Vec<Seg<'v>>,
    findings: Vec<Finding<'v>>,
}

impl<'v> Reader<'v> {
    /// Runs `f` with `segment` appended to the current path.
    fn at<T>(&mut self, segment: &'v str, f: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push(Seg::F(segment));
        let out = f(self);
        self.path.pop();
        out
    }

    fn at_index<T>(&mut self, index: usize, f: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push(Seg::I(index));
        let out = f(self);
        self.path.pop();
        out
    }

    fn push(&mut self, issue: Issue, field: &'static str, found: Cow<'v, str>, expected: Expected) {
        self.findings.push(Finding {
            issue,
            path: pointer(&self.path),
            field,
            found,
            expected,
            number: 0.0,
        });
    }

    fn type_error(&mut self, field: &'static str, value: &'v Value<'v>, expected: &'static str) {
        self.push(
            Issue::Type,
            field,
            Cow::Borrowed(value.type_name()),
            Expected::Type(expected),
        );
    }

    /// Reports the members of an object that its format does not define.
    fn unknown_fields(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        known: &'static [&'static str],
    ) {
        for (key, _) in members {
            if !known.contains(&key.as_ref()) {
                let field = "";
                self.at(key, |r| {
                    r.push(
                        Issue::UnknownField,
                        field,
                        Cow::Borrowed(key.as_ref()),
                        Expected::FieldOf(known),
                    )
                });
            }
        }
    }

    /// The value of a field when present and not blank; reports a blank
    /// required field.
    fn present(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        name: &'static str,
        required: bool,
    ) -> Option<&'v Value<'v>> {
        match find(members, name) {
            Some(v) if !is_blank(v) => Some(v),
            _ => {
                if required {
                    self.at(name, |r| {
                        r.push(Issue::Required, name, Cow::Borrowed(""), Expected::Nothing)
                    });
                }
                None
            }
        }
    }

    fn text(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        name: &'static str,
        required: bool,
    ) -> Option<&'v str> {
        let value = self.present(members, name, required)?;
        self.at(name, |r| r.text_value(name, value))
    }

    fn text_value(&mut self, name: &'static str, value: &'v Value<'v>) -> Option<&'v str> {
        match value {
            Value::String(s) => Some(s.as_ref()),
            other => {
                self.type_error(name, other, "text");
                None
            }
        }
    }

    fn number(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        name: &'static str,
        required: bool,
    ) -> Option<f64> {
        let value = self.present(members, name, required)?;
        self.at(name, |r| r.number_value(name, value))
    }

    /// A number, or a plain decimal string read as one (`schema.coerced`).
    fn number_value(&mut self, name: &'static str, value: &'v Value<'v>) -> Option<f64> {
        match value {
            Value::Number(n) => Some(*n),
            Value::String(s) => match plain_decimal(s) {
                Some(n) => {
                    self.findings.push(Finding {
                        issue: Issue::Coerced,
                        path: pointer(&self.path),
                        field: name,
                        found: Cow::Borrowed(s.as_ref()),
                        expected: Expected::Type("a number"),
                        number: n,
                    });
                    Some(n)
                }
                None => {
                    self.push(
                        Issue::Type,
                        name,
                        Cow::Borrowed(s.as_ref()),
                        Expected::NumberText,
                    );
                    None
                }
            },
            other => {
                self.type_error(name, other, "a number");
                None
            }
        }
    }

    fn choice(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        name: &'static str,
        allowed: &'static [&'static str],
        required: bool,
    ) -> Option<&'static str> {
        let value = self.present(members, name, required)?;
        self.at(name, |r| r.choice_value(name, value, allowed))
    }

    fn choice_value(
        &mut self,
        name: &'static str,
        value: &'v Value<'v>,
        allowed: &'static [&'static str],
    ) -> Option<&'static str> {
        match value {
            Value::String(s) => match allowed.iter().find(|a| **a == s.as_ref()) {
                Some(a) => Some(*a),
                None => {
                    self.push(
                        Issue::Enum,
                        name,
                        Cow::Borrowed(s.as_ref()),
                        Expected::OneOf(allowed),
                    );
                    None
                }
            },
            other => {
                self.type_error(name, other, "text");
                None
            }
        }
    }

    /// The entries of a list field, each read by `item` at its own path.
    fn list<T>(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        name: &'static str,
        required: bool,
        mut item: impl FnMut(&mut Self, &'v Value<'v>) -> Option<T>,
    ) -> Option<Vec<Item<T>>> {
        let value = self.present(members, name, required)?;
        self.at(name, |r| match value {
            Value::Array(items) => Some(
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| r.at_index(i, |r| item(r, v)).map(|t| (i, t)))
                    .collect(),
            ),
            other => {
                r.type_error(name, other, "a list");
                None
            }
        })
    }

    /// A list of objects; an entry that is not an object is reported and kept
    /// as `None` so that indices stay those of the document.
    fn objects<T>(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        name: &'static str,
        required: bool,
        mut entry: impl FnMut(&mut Self, &'v [(Cow<'v, str>, Value<'v>)]) -> T,
    ) -> Option<Vec<Option<T>>> {
        let value = self.present(members, name, required)?;
        self.at(name, |r| match value {
            Value::Array(items) => Some(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        r.at_index(i, |r| match v {
                            Value::Object(m) => Some(entry(r, m)),
                            other => {
                                r.type_error(name, other, "an object");
                                None
                            }
                        })
                    })
                    .collect(),
            ),
            other => {
                r.type_error(name, other, "a list");
                None
            }
        })
    }

    /// A list entry that must be non-blank text (a blank row is a missing value).
    fn text_item(&mut self, name: &'static str, value: &'v Value<'v>) -> Option<&'v str> {
        if is_blank(value) {
            self.push(Issue::Required, name, Cow::Borrowed(""), Expected::Nothing);
            return None;
        }
        self.text_value(name, value)
    }

    fn common(&mut self, members: &'v [(Cow<'v, str>, Value<'v>)], doc: &mut Document<'v>) {
        doc.code = self.text(members, "code", true);
        doc.title = self.text(members, "title", true);
        doc.language = self.text(members, "language", false);
        doc.teaching_languages = self
            .list(members, "teaching_languages", true, |r, v| {
                r.text_item("teaching_languages", v)
            })
            .unwrap_or_default();
        doc.isced_f = self.text(members, "isced_f", true);
        doc.eqf_level = self.number(members, "eqf_level", true);
        doc.summary = self.text(members, "summary", true);
        if let Some(Value::Array(items)) = find(members, "learning_outcomes") {
            doc.outcome_count = items.len();
        }
        doc.learning_outcomes = self.list(members, "learning_outcomes", true, |r, v| {
            r.text_item("learning_outcomes", v)
        });
        doc.sdgs = match find(members, "sdgs") {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(Value::Array(items)) if items.is_empty() => Some(Vec::new()),
            Some(_) => self.list(members, "sdgs", false, |r, v| r.number_value("sdgs", v)),
        };
    }

    fn course(&mut self, members: &'v [(Cow<'v, str>, Value<'v>)], doc: &mut Document<'v>) {
        self.unknown_fields(members, COURSE_FIELDS);
        self.common(members, doc);
        let c = &mut doc.course;
        c.institution = self.text(members, "institution", true);
        c.ects = self.number(members, "ects", true);
        c.delivery = self.choice(members, "delivery", DELIVERY, true);
        c.term = self.choice(members, "term", TERMS, false);
        if let Some(value) = self.present(members, "coordinator", true) {
            self.at("coordinator", |r| match value {
                Value::Object(m) => {
                    r.unknown_fields(m, COORDINATOR_FIELDS);
                    c.coordinator_name = r.text(m, "name", true);
                    c.coordinator_email = r.text(m, "email", true);
                }
                other => r.type_error("coordinator", other, "an object"),
            });
        }
        if let Some(value) = self.present(members, "prerequisites", false) {
            self.at("prerequisites", |r| match value {
                Value::Object(m) => {
                    r.unknown_fields(m, PREREQUISITE_FIELDS);
                    c.prerequisite_courses = r
                        .list(m, "courses", false, |r, v| r.text_item("courses", v))
                        .unwrap_or_default();
                    c.prerequisite_text = r.text(m, "text", false);
                }
                other => r.type_error("prerequisites", other, "an object"),
            });
        }
        c.activities = self.objects(members, "activities", true, |r, m| {
            r.unknown_fields(m, ACTIVITY_FIELDS);
            Activity {
                kind: r.choice(m, "type", ACTIVITY_TYPES, true),
                hours: r.number(m, "hours", true),
            }
        });
        c.assessment = self.objects(members, "assessment", true, |r, m| {
            r.unknown_fields(m, ASSESSMENT_FIELDS);
            Assessment {
                method: r.choice(m, "method", ASSESSMENT_METHODS, true),
                weight: r.number(m, "weight", true),
                outcomes: r
                    .list(m, "outcomes", false, |r, v| r.number_value("outcomes", v))
                    .filter(|o| !o.is_empty()),
            }
        });
        c.reading = self
            .list(members, "reading", false, |r, v| r.text_item("reading", v))
            .unwrap_or_default();
        c.mobility = self
            .list(members, "mobility", false, |r, v| {
                r.choice_value("mobility", v, MOBILITY)
            })
            .unwrap_or_default();
    }

    fn programme(&mut self, members: &'v [(Cow<'v, str>, Value<'v>)], doc: &mut Document<'v>) {
        self.unknown_fields(members, PROGRAMME_FIELDS);
        self.common(members, doc);
        let p = &mut doc.programme;
        p.degree = self.choice(members, "degree", DEGREES, true);
        p.ects = self.number(members, "ects", true);
        p.semesters = self.number(members, "semesters", true);
        p.study_mode = self.choice(members, "study_mode", STUDY_MODES, true);
        p.award = self.choice(members, "award", AWARDS, true);
        p.institutions = self.objects(members, "institutions", true, |r, m| {
            r.unknown_fields(m, INSTITUTION_FIELDS);
            InstitutionEntry {
                id: r.text(m, "id", true),
                role: r.choice(m, "role", ROLES, true),
                country: r.text(m, "country", false),
            }
        });
        // A missing agreement is `joint.agreement`'s to report, not `schema.required`'s.
        if let Some(value) = self.present(members, "cooperation_agreement", false) {
            self.at("cooperation_agreement", |r| match value {
                Value::Object(m) => {
                    r.unknown_fields(m, AGREEMENT_TOPICS);
                    let mut topics = [None; 5];
                    for (slot, topic) in topics.iter_mut().zip(AGREEMENT_TOPICS) {
                        *slot = r.text(m, topic, true);
                    }
                    p.agreement = Some(topics);
                }
                other => r.type_error("cooperation_agreement", other, "an object"),
            });
        }
        p.admission = self.text(members, "admission", true);
        p.recognition = self.text(members, "recognition", true);
        p.components = self.objects(members, "components", true, |r, m| r.component(m));
    }

    fn component(&mut self, m: &'v [(Cow<'v, str>, Value<'v>)]) -> Component<'v> {
        self.unknown_fields(m, COMPONENT_FIELDS);
        let kind = self.choice(m, "type", COMPONENT_TYPES, true);
        Component {
            code: self.text(m, "code", true),
            title: self.text(m, "title", true),
            kind,
            ects: self.number(m, "ects", true),
            semester: self.number(m, "semester", true),
            institution: self.text(m, "institution", false),
            // Missing or empty is `programme.unmapped-component`'s to report.
            contributes_to: self
                .list(m, "contributes_to", false, |r, v| {
                    r.number_value("contributes_to", v)
                })
                .filter(|c| !c.is_empty()),
            prerequisites: self
                .list(m, "prerequisites", false, |r, v| {
                    r.text_item("prerequisites", v)
                })
                .unwrap_or_default(),
            options: self.objects(m, "options", kind == Some("elective-block"), |r, o| {
                r.unknown_fields(o, OPTION_FIELDS);
                ElectiveOption {
                    code: r.text(o, "code", true),
                    title: r.text(o, "title", true),
                    ects: r.number(o, "ects", true),
                    institution: r.text(o, "institution", false),
                }
            }),
            mobility: self.choice(m, "mobility", MOBILITY, kind == Some("mobility")),
        }
    }
}

/// A JSON Pointer built from fields and indices, for rules that report.
pub fn pointer(segments: &[Seg<'_>]) -> String {
    let mut path = String::new();
    for s in segments {
        match s {
            Seg::F(name) => push_segment(&mut path, name),
            Seg::I(i) => {
                path.push('/');
                path.push_str(&i.to_string());
            }
        }
    }
    path
}

/// One step of a [`pointer`]: a field or an index.
#[derive(Debug, Clone, Copy)]
pub enum Seg<'a> {
    F(&'a str),
    I(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_decimals_follow_the_format() {
        assert_eq!(plain_decimal("7,5"), Some(7.5));
        assert_eq!(plain_decimal(" 30 "), Some(30.0));
        assert_eq!(plain_decimal("-5"), Some(-5.0));
        assert_eq!(plain_decimal("1,000"), Some(1.0));
        for bad in [
            "five", "7.5 ECTS", "1.000,5", "", "-", "7.", ".5", "+5", "1e3",
        ] {
            assert_eq!(plain_decimal(bad), None, "{bad}");
        }
    }
}
