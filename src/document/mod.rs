//! The document model: a typed view of a course description, programme
//! proposal, Blended Intensive Programme proposal or micro-credential offer,
//! the problems of shape found while reading it ([`finding`]),
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Course,
    Programme,
    /// An Erasmus+ Blended Intensive Programme proposal (`"bip"`).
    Bip,
    /// A micro-credential offer (`"micro-credential"`).
    MicroCredential,
}

impl Kind {
    /// Every kind, in the order of the format.
    pub const ALL: [Kind; 4] = [
        Kind::Course,
        Kind::Programme,
        Kind::Bip,
        Kind::MicroCredential,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Course => "course",
            Kind::Programme => "programme",
            Kind::Bip => "bip",
            Kind::MicroCredential => "micro-credential",
        }
    }

    /// The kind a report names (`"course"`, `"programme"`, `"bip"`, `"micro-credential"`).
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

pub const KINDS: &[&str] = &["course", "programme", "bip", "micro-credential"];
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
pub const TIMINGS: &[&str] = &["before", "during", "after"];
pub const PARTICIPATION: &[&str] = &["online", "onsite", "hybrid"];
/// A course's `delivery` values and the forms of participation they are.
pub const PARTICIPATION_SYNONYMS: &[(&str, &str)] =
    &[("in-person", "onsite"), ("blended", "hybrid")];
pub const QA_TYPES: &[&str] = &["internal", "external", "internal-and-external"];
pub const CERTIFICATE_FORMATS: &[&str] =
    &["european-digital-credential", "open-badge", "pdf", "paper"];
pub const LEARNER_IDENTIFICATION: &[&str] = &[
    "full-name",
    "date-of-birth",
    "student-number",
    "email",
    "national-id",
];
pub const SUPERVISION: &[&str] = &[
    "unsupervised",
    "supervised",
    "supervised-online-with-id",
    "supervised-onsite-with-id",
];
pub const GRADING: &[&str] = &["pass-fail", "graded"];
pub const STACKABILITY: &[&str] = &["stand-alone", "stackable"];
/// Names of fields that would hold one learner's data, which belongs to an
/// issued credential, not to a micro-credential offer.
pub const LEARNER_DATA: &[&str] = &[
    "learner",
    "learners",
    "learner_name",
    "learner_id",
    "student",
    "student_name",
    "student_id",
    "student_number",
    "holder",
    "holder_name",
    "date_of_birth",
    "birth_date",
    "grade_achieved",
    "date_of_issuing",
    "issue_date",
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
const BIP_FIELDS: &[&str] = &[
    "kind",
    "code",
    "title",
    "language",
    "teaching_languages",
    "isced_f",
    "eqf_level",
    "ects",
    "coordinator",
    "institutions",
    "physical",
    "virtual",
    "summary",
    "learning_outcomes",
    "prerequisites",
    "activities",
    "assessment",
    "participants",
    "recognition",
    "transcript_issuer",
    "learning_agreement",
    "added_value",
    "challenge",
    "sdgs",
];
const MICRO_CREDENTIAL_FIELDS: &[&str] = &[
    "kind",
    "code",
    "title",
    "language",
    "teaching_languages",
    "isced_f",
    "eqf_level",
    "ects",
    "awarding_bodies",
    "coordinator",
    "participation",
    "summary",
    "learning_outcomes",
    "activities",
    "assessment",
    "quality_assurance",
    "certificate",
    "prerequisites",
    "supervision",
    "grading",
    "stackability",
    "further_information",
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
const BIP_INSTITUTION_FIELDS: &[&str] = &["id", "role", "country", "erasmus_code"];
const PHYSICAL_FIELDS: &[&str] = &["host", "days", "start_date", "end_date"];
const VIRTUAL_FIELDS: &[&str] = &[
    "description",
    "timing",
    "hours",
    "outcomes",
    "assessments",
    "teamwork",
];
const PARTICIPANTS_FIELDS: &[&str] = &["expected", "mobile"];
const BODY_FIELDS: &[&str] = &["id", "country", "region"];
const QUALITY_FIELDS: &[&str] = &["type", "agency", "description"];
const CERTIFICATE_FIELDS: &[&str] = &["format", "learner_identification", "issued_within_days"];
const STACKABILITY_FIELDS: &[&str] = &["type", "towards"];

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

/// The same for the objects of a BIP and of a micro-credential.
const BIP_NESTED: &[(&str, &[&str])] = &[
    ("coordinator", COORDINATOR_FIELDS),
    ("institutions", BIP_INSTITUTION_FIELDS),
    ("physical", PHYSICAL_FIELDS),
    ("virtual", VIRTUAL_FIELDS),
    ("prerequisites", PREREQUISITE_FIELDS),
    ("activities", ACTIVITY_FIELDS),
    ("assessment", ASSESSMENT_FIELDS),
    ("participants", PARTICIPANTS_FIELDS),
];
const MICRO_CREDENTIAL_NESTED: &[(&str, &[&str])] = &[
    ("awarding_bodies", BODY_FIELDS),
    ("coordinator", COORDINATOR_FIELDS),
    ("activities", ACTIVITY_FIELDS),
    ("assessment", ASSESSMENT_FIELDS),
    ("quality_assurance", QUALITY_FIELDS),
    ("certificate", CERTIFICATE_FIELDS),
    ("prerequisites", PREREQUISITE_FIELDS),
    ("stackability", STACKABILITY_FIELDS),
];

/// The fields of a kind's documents, each nested object's right after the
/// field that holds it, each name once.
fn in_form_order(
    top: &[&'static str],
    nested_fields: &[(&str, &[&'static str])],
) -> Vec<&'static str> {
    let mut order: Vec<&'static str> = Vec::new();
    for field in top {
        let nested = nested_fields
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
    static ORDERS: [OnceLock<Vec<&'static str>>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let (i, top, nested) = match kind {
        Some(Kind::Programme) => (1, PROGRAMME_FIELDS, NESTED),
        Some(Kind::Bip) => (2, BIP_FIELDS, BIP_NESTED),
        Some(Kind::MicroCredential) => (3, MICRO_CREDENTIAL_FIELDS, MICRO_CREDENTIAL_NESTED),
        _ => (0, COURSE_FIELDS, NESTED),
    };
    ORDERS[i].get_or_init(|| in_form_order(top, nested))
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
    pub bip: Bip<'v>,
    pub micro: MicroCredential<'v>,
}

/// A course's own fields, and those a BIP and a micro-credential share with
/// it (credits, coordinator, prerequisites, activities, assessment): the
/// rules of a course's workload and alignment read all three alike.
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
    /// `schema.*` diagnostic says so, `schema.limit` for one past a reading
    /// limit): it might then name any outcome.
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

/// A BIP's own fields (those it shares with a course are in [`Course`]).
#[derive(Debug, Default)]
pub struct Bip<'v> {
    /// `None` unless a list; an entry that is not an object is `None`.
    pub institutions: Option<Vec<Option<BipInstitution<'v>>>>,
    /// `None` when missing or not an object (a `schema.*` diagnostic says so).
    pub physical: Option<Physical<'v>>,
    /// `Missing` when absent or blank (`bip.virtual-missing` says so).
    pub virtual_component: Field<Virtual<'v>>,
    pub participants: Option<Participants>,
    pub recognition: Option<&'v str>,
    pub transcript_issuer: Option<&'v str>,
    pub learning_agreement: Option<bool>,
    /// `Missing` when absent, null, empty or blank (`bip.added-value` says so).
    pub added_value: Field<&'v str>,
    pub challenge: Option<&'v str>,
}

#[derive(Debug, Clone, Default)]
pub struct BipInstitution<'v> {
    pub id: Option<&'v str>,
    pub role: Option<&'static str>,
    pub country: Field<&'v str>,
    pub erasmus_code: Field<&'v str>,
}

#[derive(Debug, Clone, Default)]
pub struct Physical<'v> {
    pub host: Option<&'v str>,
    pub days: Option<f64>,
    pub start_date: Field<&'v str>,
    pub end_date: Field<&'v str>,
}

#[derive(Debug, Clone, Default)]
pub struct Virtual<'v> {
    pub description: Option<&'v str>,
    pub timing: Vec<Item<&'static str>>,
    pub hours: Option<f64>,
    /// `Missing` when absent, null or empty; entries that are not numbers are left out.
    pub outcomes: Field<Vec<Item<f64>>>,
    pub assessments: Field<Vec<Item<f64>>>,
    pub teamwork: Option<bool>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Participants {
    pub expected: Option<f64>,
    pub mobile: Option<f64>,
}

/// A micro-credential offer's own fields (those it shares with a course
/// are in [`Course`]).
#[derive(Debug, Default)]
pub struct MicroCredential<'v> {
    /// The shared fields that hold an Annex I element (`title`,
    /// `eqf_level`, `learning_outcomes`, `ects`, `assessment`) and are
    /// missing, null, empty or blank: `microcredential.element-missing`
    /// reports them, not `schema.required`.
    pub blank: Vec<&'static str>,
    /// An entry that is not an object is `None`.
    pub awarding_bodies: Field<Vec<Option<AwardingBody<'v>>>>,
    pub participation: Field<&'static str>,
    pub quality_assurance: Field<QualityAssurance<'v>>,
    pub certificate: Field<Certificate>,
    /// Whether `prerequisites` states anything (a course code or a text).
    pub prerequisites_stated: bool,
    pub supervision: Field<&'static str>,
    pub grading: Field<&'static str>,
    pub stackability: Field<Stackability<'v>>,
    pub further_information: Option<&'v str>,
}

#[derive(Debug, Clone, Default)]
pub struct AwardingBody<'v> {
    pub id: Field<&'v str>,
    pub country: Field<&'v str>,
    pub region: Option<&'v str>,
}

#[derive(Debug, Clone, Default)]
pub struct QualityAssurance<'v> {
    pub kind: Field<&'static str>,
    pub agency: Option<&'v str>,
    pub description: Option<&'v str>,
}

#[derive(Debug, Clone, Default)]
pub struct Certificate {
    pub learner_identification: Field<Vec<Item<&'static str>>>,
    pub issued_within_days: Field<f64>,
}

#[derive(Debug, Clone, Default)]
pub struct Stackability<'v> {
    pub kind: Option<&'static str>,
    pub towards: Vec<Item<&'v str>>,
}
