//! The document model: a typed view of a course description or programme
//! proposal, the problems of shape found while reading it ([`finding`]),
//! and the lenient reader that fills both in one walk ([`reader`]).
//!
//! A field that is missing or of the wrong type is `None` in the view, so
//! the domain rules stay silent about it (one problem, one diagnostic);
//! where a rule must tell the two apart, the field is a [`Field`].

mod finding;
mod reader;

pub use finding::{Expected, Field, Finding, Issue, Limit};
pub use reader::read;

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
    /// `Missing` when absent, null or empty; `Invalid` when not a list;
    /// entries that are not numbers are left out.
    pub sdgs: Field<Vec<Item<f64>>>,
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
    /// Topics in [`AGREEMENT_TOPICS`] order.
    pub agreement: Field<[Option<&'v str>; 5]>,
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
    /// `None` when missing or empty; entries that are not numbers are left out.
    pub contributes_to: Option<Vec<Item<f64>>>,
    /// Whether `contributes_to` or one of its entries could not be read (a
    /// `schema.*` diagnostic says so): it might then name any outcome.
    pub contributes_to_unreadable: bool,
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
