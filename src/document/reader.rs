//! The lenient reader: walks any JSON value once, fills the [`Document`]
//! and records every problem of shape as a [`Finding`] at its JSON Pointer
//! (reported later by the `schema.*` rules).

use super::*;
use crate::json::Value;
use crate::pointer::{pointer, Seg};
use std::borrow::Cow;

/// Reads any JSON value into a [`Document`] and the problems of its shape;
/// a number beyond ±`max_number` (or not finite) is out of range, not read.
pub fn read<'v>(value: &'v Value<'v>, max_number: f64) -> (Document<'v>, Vec<Finding<'v>>) {
    let mut r = Reader {
        path: Vec::new(),
        findings: Vec::new(),
        max_number,
    };
    let mut doc = Document::default();
    let Some(members) = value.as_object() else {
        r.type_error("", value, "type.object");
        return (doc, r.findings);
    };
    let given = find(members, "kind");
    // Past a limit: its own finding says so, and nothing else is read.
    if matches!(given, Some(Value::Unread)) {
        return (doc, r.findings);
    }
    let Some(kind) = given.and_then(Value::as_str).and_then(Kind::parse) else {
        r.at("kind", |r| {
            r.push(
                Issue::Kind,
                "kind",
                given.map_or(Cow::Borrowed(""), found_text),
                Expected::OneOf(KINDS),
            )
        });
        return (doc, r.findings);
    };
    doc.kind = Some(kind);
    match kind {
        Kind::Course => r.course(members, &mut doc),
        Kind::Programme => r.programme(members, &mut doc),
        Kind::Bip => r.bip(members, &mut doc),
        Kind::MicroCredential => r.micro_credential(members, &mut doc),
    }
    (doc, r.findings)
}

/// Whether two keys are the same, told apart by length and last byte first:
/// every field of a document is compared with field names this way, and most
/// that differ differ there.
#[inline]
fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().last() == b.as_bytes().last() && a == b
}

fn find<'v>(members: &'v [(Cow<'v, str>, Value<'v>)], key: &str) -> Option<&'v Value<'v>> {
    members
        .iter()
        .find(|(k, _)| same_key(k, key))
        .map(|(_, v)| v)
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
    Some(crate::json::decimal::to_f64(&t.replace(',', ".")))
}

#[inline]
fn is_blank(value: &Value<'_>) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

/// Its field readers are called from every field of every kind: they are
/// kept out of line (`#[inline(never)]`), one copy each, to keep the
/// WebAssembly small.
struct Reader<'v> {
    /// Where the reader is; made into a pointer only when something is found.
    path: Vec<Seg<'v>>,
    findings: Vec<Finding<'v>>,
    max_number: f64,
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

    #[inline(never)]
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

    #[inline(never)]
    fn type_error(&mut self, field: &'static str, value: &'v Value<'v>, expected: &'static str) {
        // A value past a reading limit has its own finding from the JSON reading.
        if matches!(value, Value::Unread) {
            return;
        }
        self.push(
            Issue::Type,
            field,
            Cow::Borrowed(value.type_key()),
            Expected::Type(expected),
        );
    }

    /// Reports the members of an object that its format does not define.
    #[inline(never)]
    fn unknown_fields(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        known: &'static [&'static str],
    ) {
        for (key, _) in members {
            if !known.iter().any(|name| same_key(key, name)) {
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
    #[inline(never)]
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

    #[inline(never)]
    fn text(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        name: &'static str,
        required: bool,
    ) -> Option<&'v str> {
        let value = self.present(members, name, required)?;
        self.at(name, |r| r.text_value(name, value))
    }

    #[inline(never)]
    fn text_value(&mut self, name: &'static str, value: &'v Value<'v>) -> Option<&'v str> {
        match value {
            Value::String(s) => Some(s.as_ref()),
            other => {
                self.type_error(name, other, "type.text");
                None
            }
        }
    }

    #[inline(never)]
    fn number(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        name: &'static str,
        required: bool,
    ) -> Option<f64> {
        let value = self.present(members, name, required)?;
        self.at(name, |r| r.number_value(name, value))
    }

    /// A number, or a plain decimal string read as one (`schema.coerced`);
    /// one out of range is reported and not read.
    #[inline(never)]
    fn number_value(&mut self, name: &'static str, value: &'v Value<'v>) -> Option<f64> {
        let max = self.max_number;
        let in_range = move |n: &f64| n.is_finite() && n.abs() <= max;
        match value {
            Value::Number(n) if in_range(n) => Some(*n),
            Value::Number(_) => {
                self.out_of_range(name);
                None
            }
            Value::String(s) => match plain_decimal(s) {
                Some(n) if !in_range(&n) => {
                    self.out_of_range(name);
                    None
                }
                Some(n) => {
                    self.findings.push(Finding {
                        issue: Issue::Coerced,
                        path: pointer(&self.path),
                        field: name,
                        found: Cow::Borrowed(s.as_ref()),
                        expected: Expected::Type("type.number"),
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
                self.type_error(name, other, "type.number");
                None
            }
        }
    }

    fn out_of_range(&mut self, name: &'static str) {
        self.push(
            Issue::Limit,
            name,
            Cow::Borrowed(""),
            Expected::Limit(Limit::Number),
        );
    }

    #[inline(never)]
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

    #[inline(never)]
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
                self.type_error(name, other, "type.text");
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
                r.type_error(name, other, "type.list");
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
                                r.type_error(name, other, "type.object");
                                None
                            }
                        })
                    })
                    .collect(),
            ),
            other => {
                r.type_error(name, other, "type.list");
                None
            }
        })
    }

    /// A list entry that must be non-blank text (a blank row is a missing value).
    #[inline(never)]
    fn text_item(&mut self, name: &'static str, value: &'v Value<'v>) -> Option<&'v str> {
        if is_blank(value) {
            self.push(Issue::Required, name, Cow::Borrowed(""), Expected::Nothing);
            return None;
        }
        self.text_value(name, value)
    }

    fn common(&mut self, members: &'v [(Cow<'v, str>, Value<'v>)], doc: &mut Document<'v>) {
        // A micro-credential's Annex I elements are `microcredential.element-missing`'s to report.
        let required = doc.kind != Some(Kind::MicroCredential);
        doc.code = self.text(members, "code", true);
        doc.title = self.text(members, "title", required);
        doc.language = self.text(members, "language", false);
        doc.teaching_languages = self
            .list(members, "teaching_languages", true, |r, v| {
                r.text_item("teaching_languages", v)
            })
            .unwrap_or_default();
        doc.isced_f = self.text(members, "isced_f", true);
        doc.eqf_level = self.number(members, "eqf_level", required);
        doc.summary = self.text(members, "summary", true);
        if let Some(Value::Array(items)) = find(members, "learning_outcomes") {
            doc.outcome_count = items.len();
        }
        doc.learning_outcomes = self.list(members, "learning_outcomes", required, |r, v| {
            r.text_item("learning_outcomes", v)
        });
        doc.sdgs = match find(members, "sdgs") {
            None | Some(Value::Null) => Field::Missing,
            Some(Value::Array(items)) if items.is_empty() => Field::Missing,
            Some(_) => self
                .list(members, "sdgs", false, |r, v| r.number_value("sdgs", v))
                .map_or(Field::Invalid, Field::Value),
        };
    }

    fn course(&mut self, members: &'v [(Cow<'v, str>, Value<'v>)], doc: &mut Document<'v>) {
        self.unknown_fields(members, COURSE_FIELDS);
        self.common(members, doc);
        let c = &mut doc.course;
        c.institution = self.text(members, "institution", true);
        c.delivery = self.choice(members, "delivery", DELIVERY, true);
        c.term = self.choice(members, "term", TERMS, false);
        self.unit(members, c, true);
        c.reading = self
            .list(members, "reading", false, |r, v| r.text_item("reading", v))
            .unwrap_or_default();
        c.mobility = self
            .list(members, "mobility", false, |r, v| {
                r.choice_value("mobility", v, MOBILITY)
            })
            .unwrap_or_default();
    }

    /// The fields a course shares with a BIP and a micro-credential: credits,
    /// coordinator, prerequisites, activities and assessment. `required`:
    /// whether a missing `ects` or `assessment` is `schema.required`'s.
    fn unit(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        c: &mut Course<'v>,
        required: bool,
    ) {
        c.ects = self.number(members, "ects", required);
        if let Some(value) = self.present(members, "coordinator", true) {
            self.at("coordinator", |r| match value {
                Value::Object(m) => {
                    r.unknown_fields(m, COORDINATOR_FIELDS);
                    c.coordinator_name = r.text(m, "name", true);
                    c.coordinator_email = r.text(m, "email", true);
                }
                other => r.type_error("coordinator", other, "type.object"),
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
                other => r.type_error("prerequisites", other, "type.object"),
            });
        }
        c.activities = self.objects(members, "activities", true, |r, m| {
            r.unknown_fields(m, ACTIVITY_FIELDS);
            Activity {
                kind: r.choice(m, "type", ACTIVITY_TYPES, true),
                hours: r.number(m, "hours", true),
            }
        });
        c.assessment = self.objects(members, "assessment", required, |r, m| {
            r.unknown_fields(m, ASSESSMENT_FIELDS);
            Assessment {
                method: r.choice(m, "method", ASSESSMENT_METHODS, true),
                weight: r.number(m, "weight", true),
                outcomes: r
                    .list(m, "outcomes", false, |r, v| r.number_value("outcomes", v))
                    .filter(|o| !o.is_empty()),
            }
        });
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
                    p.agreement = Field::Value(topics);
                }
                other => {
                    r.type_error("cooperation_agreement", other, "type.object");
                    p.agreement = Field::Invalid;
                }
            });
        }
        p.admission = self.text(members, "admission", true);
        p.recognition = self.text(members, "recognition", true);
        p.components = self.objects(members, "components", true, |r, m| r.component(m));
    }

    /// A field that may be missing (absent, null, empty or blank), read by
    /// `read` at its own path when given; `Invalid` when `read` finds nothing.
    fn field<T>(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        name: &'static str,
        read: impl FnOnce(&mut Self, &'v Value<'v>) -> Option<T>,
    ) -> Field<T> {
        match self.present(members, name, false) {
            None => Field::Missing,
            Some(value) => self
                .at(name, |r| read(r, value))
                .map_or(Field::Invalid, Field::Value),
        }
    }

    /// An object field that may be missing; its members read by `read`.
    fn object_field<T>(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        name: &'static str,
        read: impl FnOnce(&mut Self, &'v [(Cow<'v, str>, Value<'v>)]) -> T,
    ) -> Field<T> {
        self.field(members, name, |r, value| match value {
            Value::Object(m) => Some(read(r, m)),
            other => {
                r.type_error(name, other, "type.object");
                None
            }
        })
    }

    /// A required object field: `None` when missing (reported) or not an object.
    fn object<T>(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        name: &'static str,
        read: impl FnOnce(&mut Self, &'v [(Cow<'v, str>, Value<'v>)]) -> T,
    ) -> Option<T> {
        self.present(members, name, true)?;
        self.object_field(members, name, read).value_owned()
    }

    /// JSON `true` or `false`: booleans are never read from text or numbers.
    fn boolean(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        name: &'static str,
        required: bool,
    ) -> Option<bool> {
        let value = self.present(members, name, required)?;
        self.at(name, |r| match value {
            Value::Bool(b) => Some(*b),
            other => {
                r.type_error(name, other, "type.boolean");
                None
            }
        })
    }

    /// Like [`Reader::unknown_fields`], with the learner-data message for
    /// the names of one learner's data.
    fn unknown_offer_fields(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        known: &'static [&'static str],
    ) {
        for (key, _) in members {
            if known.contains(&key.as_ref()) {
                continue;
            }
            let expected = if LEARNER_DATA.contains(&key.as_ref()) {
                Expected::LearnerData
            } else {
                Expected::FieldOf(known)
            };
            self.at(key, |r| {
                r.push(
                    Issue::UnknownField,
                    "",
                    Cow::Borrowed(key.as_ref()),
                    expected,
                )
            });
        }
    }

    fn bip(&mut self, members: &'v [(Cow<'v, str>, Value<'v>)], doc: &mut Document<'v>) {
        self.unknown_fields(members, BIP_FIELDS);
        self.common(members, doc);
        self.unit(members, &mut doc.course, true);
        let b = &mut doc.bip;
        b.institutions = self.objects(members, "institutions", true, |r, m| {
            r.unknown_fields(m, BIP_INSTITUTION_FIELDS);
            let id = r.text(m, "id", true);
            let role = r.choice(m, "role", ROLES, true);
            let country = r.field(m, "country", |r, v| r.text_value("country", v));
            // Required for an institution the profile does not know: `schema.required` decides.
            if let (Field::Missing, Some(id)) = (&country, id) {
                r.at("country", |r| {
                    r.push(
                        Issue::Required,
                        "country",
                        Cow::Borrowed(id),
                        Expected::UnlessKnown,
                    )
                });
            }
            BipInstitution {
                id,
                role,
                country,
                erasmus_code: r.field(m, "erasmus_code", |r, v| r.text_value("erasmus_code", v)),
            }
        });
        b.physical = self.object(members, "physical", |r, m| {
            r.unknown_fields(m, PHYSICAL_FIELDS);
            Physical {
                host: r.text(m, "host", true),
                days: r.number(m, "days", true),
                start_date: r.field(m, "start_date", |r, v| r.text_value("start_date", v)),
                end_date: r.field(m, "end_date", |r, v| r.text_value("end_date", v)),
            }
        });
        // A missing component is `bip.virtual-missing`'s to report.
        b.virtual_component = self.object_field(members, "virtual", |r, m| {
            r.unknown_fields(m, VIRTUAL_FIELDS);
            let numbers = |r: &mut Self, name: &'static str| {
                r.field(m, name, |r, v| match v {
                    Value::Array(items) => Some(
                        items
                            .iter()
                            .enumerate()
                            .filter_map(|(i, v)| {
                                r.at_index(i, |r| r.number_value(name, v)).map(|n| (i, n))
                            })
                            .collect(),
                    ),
                    other => {
                        r.type_error(name, other, "type.list");
                        None
                    }
                })
            };
            Virtual {
                description: r.text(m, "description", true),
                timing: r
                    .list(m, "timing", true, |r, v| {
                        r.choice_value("timing", v, TIMINGS)
                    })
                    .unwrap_or_default(),
                hours: r.number(m, "hours", true),
                outcomes: numbers(r, "outcomes"),
                assessments: numbers(r, "assessments"),
                teamwork: r.boolean(m, "teamwork", true),
            }
        });
        b.participants = self.object(members, "participants", |r, m| {
            r.unknown_fields(m, PARTICIPANTS_FIELDS);
            Participants {
                expected: r.number(m, "expected", true),
                mobile: r.number(m, "mobile", true),
            }
        });
        b.recognition = self.text(members, "recognition", true);
        b.transcript_issuer = self.text(members, "transcript_issuer", true);
        b.learning_agreement = self.boolean(members, "learning_agreement", true);
        b.added_value = self.field(members, "added_value", |r, v| {
            r.text_value("added_value", v)
        });
        b.challenge = self.text(members, "challenge", false);
    }

    fn micro_credential(
        &mut self,
        members: &'v [(Cow<'v, str>, Value<'v>)],
        doc: &mut Document<'v>,
    ) {
        self.unknown_offer_fields(members, MICRO_CREDENTIAL_FIELDS);
        self.common(members, doc);
        self.unit(members, &mut doc.course, false);
        let m = &mut doc.micro;
        for name in [
            "title",
            "eqf_level",
            "learning_outcomes",
            "ects",
            "assessment",
        ] {
            if find(members, name).is_none_or(is_blank) {
                m.blank.push(name);
            }
        }
        m.awarding_bodies = self.field(members, "awarding_bodies", |r, v| match v {
            Value::Array(items) => Some(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        r.at_index(i, |r| match v {
                            Value::Object(b) => {
                                r.unknown_fields(b, BODY_FIELDS);
                                Some(AwardingBody {
                                    id: r.field(b, "id", |r, v| r.text_value("id", v)),
                                    country: r
                                        .field(b, "country", |r, v| r.text_value("country", v)),
                                    region: r.text(b, "region", false),
                                })
                            }
                            other => {
                                r.type_error("awarding_bodies", other, "type.object");
                                None
                            }
                        })
                    })
                    .collect(),
            ),
            other => {
                r.type_error("awarding_bodies", other, "type.list");
                None
            }
        });
        m.participation = self.field(members, "participation", |r, v| match v {
            Value::String(s) if !PARTICIPATION.contains(&s.as_ref()) => {
                let expected = Expected::OneOfOr(PARTICIPATION, PARTICIPATION_SYNONYMS);
                r.push(
                    Issue::Enum,
                    "participation",
                    Cow::Borrowed(s.as_ref()),
                    expected,
                );
                None
            }
            _ => r.choice_value("participation", v, PARTICIPATION),
        });
        m.quality_assurance = self.object_field(members, "quality_assurance", |r, q| {
            r.unknown_fields(q, QUALITY_FIELDS);
            let kind = r.field(q, "type", |r, v| r.choice_value("type", v, QA_TYPES));
            let external = matches!(kind, Field::Value("external" | "internal-and-external"));
            QualityAssurance {
                kind,
                agency: r.text(q, "agency", external),
                description: r.text(q, "description", true),
            }
        });
        m.certificate = self.object_field(members, "certificate", |r, c| {
            r.unknown_offer_fields(c, CERTIFICATE_FIELDS);
            r.choice(c, "format", CERTIFICATE_FORMATS, false);
            Certificate {
                learner_identification: r.field(c, "learner_identification", |r, v| match v {
                    Value::Array(items) => Some(
                        items
                            .iter()
                            .enumerate()
                            .filter_map(|(i, v)| {
                                r.at_index(i, |r| {
                                    r.choice_value(
                                        "learner_identification",
                                        v,
                                        LEARNER_IDENTIFICATION,
                                    )
                                })
                                .map(|n| (i, n))
                            })
                            .collect(),
                    ),
                    other => {
                        r.type_error("learner_identification", other, "type.list");
                        None
                    }
                }),
                issued_within_days: r.field(c, "issued_within_days", |r, v| {
                    r.number_value("issued_within_days", v)
                }),
            }
        });
        m.prerequisites_stated = match find(members, "prerequisites") {
            None => false,
            Some(v) if is_blank(v) => false,
            Some(Value::Object(_)) => {
                !doc.course.prerequisite_courses.is_empty()
                    || doc.course.prerequisite_text.is_some()
            }
            Some(_) => true,
        };
        m.supervision = self.field(members, "supervision", |r, v| {
            r.choice_value("supervision", v, SUPERVISION)
        });
        m.grading = self.field(members, "grading", |r, v| {
            r.choice_value("grading", v, GRADING)
        });
        m.stackability = self.object_field(members, "stackability", |r, st| {
            r.unknown_fields(st, STACKABILITY_FIELDS);
            let kind = r.choice(st, "type", STACKABILITY, true);
            Stackability {
                kind,
                towards: r
                    .list(st, "towards", kind == Some("stackable"), |r, v| {
                        r.text_item("towards", v)
                    })
                    .unwrap_or_default(),
            }
        });
        m.further_information = self.text(members, "further_information", false);
    }

    fn component(&mut self, m: &'v [(Cow<'v, str>, Value<'v>)]) -> Component<'v> {
        self.unknown_fields(m, COMPONENT_FIELDS);
        let kind = self.choice(m, "type", COMPONENT_TYPES, true);
        let code = self.text(m, "code", true);
        let title = self.text(m, "title", true);
        let ects = self.number(m, "ects", true);
        let semester = self.number(m, "semester", true);
        let institution = self.text(m, "institution", false);
        let before = self.findings.len();
        // Missing or empty is `programme.unmapped-component`'s to report.
        let contributes_to = self
            .list(m, "contributes_to", false, |r, v| {
                r.number_value("contributes_to", v)
            })
            .filter(|c| !c.is_empty());
        // Past a reading limit (the list, or an entry) is unreadable too,
        // though its finding comes from the JSON reading, not from here.
        let unread = match find(m, "contributes_to") {
            Some(Value::Unread) => true,
            Some(Value::Array(items)) => items.iter().any(|v| matches!(v, Value::Unread)),
            _ => false,
        };
        let contributes_to_unreadable = unread
            || self.findings[before..]
                .iter()
                .any(|f| f.issue != Issue::Coerced);
        Component {
            code,
            title,
            kind,
            ects,
            semester,
            institution,
            contributes_to,
            contributes_to_unreadable,
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
