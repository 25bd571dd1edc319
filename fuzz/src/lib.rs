//! What the fuzz targets share: the checker they feed, a check that the
//! report it gives holds together, and documents shaped like course
//! descriptions, programme proposals, BIP proposals and micro-credential
//! offers, made from arbitrary bytes.

use arbitrary::{Arbitrary, Result, Unstructured};
use enhance_qa::{Checker, Report};
use serde_json::{Map, Value};
use std::sync::LazyLock;

/// The checker under the built-in profile, prepared once.
pub static CHECKER: LazyLock<Checker> = LazyLock::new(Checker::default);

/// A checker with reading limits small enough for short inputs to pass them.
pub static LIMITED: LazyLock<Checker> = LazyLock::new(|| {
    let limits = r#"{"rules": {"schema.limit": {"max_document_size": 400,
        "max_text_length": 40, "max_list_length": 4, "max_depth": 3, "max_number": 1000}}}"#;
    let profile = enhance_qa::Profile::from_json(limits).unwrap_or_else(|e| panic!("{e}"));
    Checker::new(profile)
});

#[path = "../../tests/support/consistent.rs"]
mod consistent;

/// A report that disagrees with itself is a bug (see `inconsistency`).
pub fn assert_consistent(report: &Report) {
    if let Some(problem) = consistent::inconsistency(report) {
        panic!("{problem}");
    }
}

/// Texts a form holds: realistic ones (outcomes in the alliance's languages,
/// placeholders, codes, numbers as text), and anything at all.
const TEXTS: &[&str] = &[
    "Explain the main ageing mechanisms of lithium-ion cells.",
    "Understand the basics of power electronics.",
    "Students will be able to analyse, design and evaluate heat pumps.",
    "Die Studierenden können Lastflüsse berechnen, simulieren und bewerten.",
    "Student zna i rozumie zasady działania sieci.",
    "Lo studente sarà in grado di valutare le prestazioni di un algoritmo.",
    "Kandidaten kan gjere greie for sentrale omgrep.",
    "Studenten ska kunna redogöra för grundläggande begrepp.",
    "El alumno evaluará alternativas de diseño.",
    "TBD",
    "7,5",
    " 30 ",
    "-5",
    "CHAL-ENM-140",
    "TUB",
    "course",
    "programme",
    "mandatory",
    "elective-block",
    "thesis",
    "mobility",
    "written-exam",
    "self-study",
    "lecture",
    "blended",
    "en",
    "de",
    "coordinator",
    "partner",
    "before",
    "during",
    "online",
    "onsite",
    "hybrid",
    "stackable",
    "stand-alone",
    "internal-and-external",
    "2026-03-09",
    "2026-02-30",
    "DE",
    "XK",
    "I  BERLIN01",
    "",
];

/// A text: one of [`TEXTS`], or arbitrary.
#[derive(Debug)]
pub struct Text(pub String);

impl<'a> Arbitrary<'a> for Text {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Text(if u.ratio(3, 4)? {
            (*u.choose(TEXTS)?).to_string()
        } else {
            String::arbitrary(u)?
        }))
    }
}

/// A number as a form gives one: a number, a whole number, or text.
#[derive(Debug, Arbitrary)]
pub enum Number {
    Whole(i8),
    Float(f64),
    Text(Text),
}

impl Number {
    fn value(&self) -> Value {
        match self {
            Number::Whole(n) => Value::from(*n),
            // serde_json holds no infinity: it would be null.
            Number::Float(f) => Value::from(*f),
            Number::Text(t) => Value::from(t.0.as_str()),
        }
    }
}

/// Any JSON value, at most a few levels deep.
pub fn any_json(u: &mut Unstructured<'_>, depth: usize) -> Result<Value> {
    let kinds = if depth == 0 { 5 } else { 7 };
    Ok(match u.int_in_range(0..=kinds - 1)? {
        0 => Value::Null,
        1 => Value::Bool(bool::arbitrary(u)?),
        2 => Number::arbitrary(u)?.value(),
        3 => Value::from(Text::arbitrary(u)?.0),
        4 => Value::from(i64::arbitrary(u)?),
        5 => {
            let n = u.int_in_range(0..=4)?;
            Value::Array(
                (0..n)
                    .map(|_| any_json(u, depth - 1))
                    .collect::<Result<_>>()?,
            )
        }
        _ => {
            let mut map = Map::new();
            for _ in 0..u.int_in_range(0..=4)? {
                map.insert(Text::arbitrary(u)?.0, any_json(u, depth - 1)?);
            }
            Value::Object(map)
        }
    })
}

/// How a field's value is made when it is given as the format asks.
type Shaped = fn(&mut Unstructured<'_>) -> Result<Value>;

/// A field's name and how its value is made.
type Field = (&'static str, Shaped);

/// A field of a document: left out, given as the shape asks, or as any value.
fn field(
    u: &mut Unstructured<'_>,
    map: &mut Map<String, Value>,
    key: &str,
    shaped: impl FnOnce(&mut Unstructured<'_>) -> Result<Value>,
) -> Result<()> {
    match u.int_in_range(0..=9)? {
        0 | 1 => {}
        2 => {
            map.insert(key.to_string(), any_json(u, 2)?);
        }
        _ => {
            map.insert(key.to_string(), shaped(u)?);
        }
    }
    Ok(())
}

fn text(u: &mut Unstructured<'_>) -> Result<Value> {
    Ok(Value::from(Text::arbitrary(u)?.0))
}

fn number(u: &mut Unstructured<'_>) -> Result<Value> {
    Ok(Number::arbitrary(u)?.value())
}

fn list(
    u: &mut Unstructured<'_>,
    max: usize,
    item: impl Fn(&mut Unstructured<'_>) -> Result<Value>,
) -> Result<Value> {
    let n = u.int_in_range(0..=max)?;
    Ok(Value::Array(
        (0..n).map(|_| item(u)).collect::<Result<_>>()?,
    ))
}

fn object(u: &mut Unstructured<'_>, fields: &[Field]) -> Result<Value> {
    let mut map = Map::new();
    for (key, shaped) in fields {
        field(u, &mut map, key, shaped)?;
    }
    // Now and then a field the format does not define.
    if u.ratio(1, 8)? {
        map.insert(Text::arbitrary(u)?.0, any_json(u, 1)?);
    }
    Ok(Value::Object(map))
}

fn texts(u: &mut Unstructured<'_>) -> Result<Value> {
    list(u, 6, text)
}

fn numbers(u: &mut Unstructured<'_>) -> Result<Value> {
    list(u, 6, number)
}

fn common(u: &mut Unstructured<'_>, kind: &str) -> Result<Map<String, Value>> {
    let mut map = Map::new();
    map.insert("kind".into(), Value::from(kind));
    let fields: &[Field] = &[
        ("code", text),
        ("title", text),
        ("language", text),
        ("teaching_languages", texts),
        ("isced_f", text),
        ("eqf_level", number),
        ("summary", text),
        ("learning_outcomes", |u| list(u, 12, text)),
        ("sdgs", numbers),
    ];
    for (key, shaped) in fields {
        field(u, &mut map, key, shaped)?;
    }
    Ok(map)
}

/// A course description, half filled in as forms are.
pub fn course(u: &mut Unstructured<'_>) -> Result<Value> {
    let map = common(u, "course")?;
    fields(
        u,
        map,
        &[
            ("institution", text),
            ("ects", number),
            ("delivery", text),
            ("term", text),
            ("coordinator", coordinator),
            ("prerequisites", prerequisites),
            ("activities", activities),
            ("assessment", assessment),
            ("reading", texts),
            ("mobility", texts),
        ],
    )
}

fn component(u: &mut Unstructured<'_>) -> Result<Value> {
    object(
        u,
        &[
            ("code", text),
            ("title", text),
            ("type", text),
            ("ects", number),
            ("semester", number),
            ("institution", text),
            ("contributes_to", numbers),
            ("prerequisites", texts),
            ("options", |u| {
                list(u, 4, |u| {
                    object(
                        u,
                        &[
                            ("code", text),
                            ("title", text),
                            ("ects", number),
                            ("institution", text),
                        ],
                    )
                })
            }),
            ("mobility", text),
        ],
    )
}

/// A programme proposal, half filled in as forms are.
pub fn programme(u: &mut Unstructured<'_>) -> Result<Value> {
    let map = common(u, "programme")?;
    fields(
        u,
        map,
        &[
            ("degree", text),
            ("ects", number),
            ("semesters", number),
            ("study_mode", text),
            ("award", text),
            ("institutions", |u| {
                list(u, 5, |u| {
                    object(u, &[("id", text), ("role", text), ("country", text)])
                })
            }),
            ("cooperation_agreement", |u| {
                object(
                    u,
                    &[
                        ("degree_denomination", text),
                        ("management_and_finance", text),
                        ("admission_and_selection", text),
                        ("mobility", text),
                        ("examination_and_recognition", text),
                    ],
                )
            }),
            ("admission", text),
            ("recognition", text),
            ("components", |u| list(u, 10, component)),
        ],
    )
}

fn booleans(u: &mut Unstructured<'_>) -> Result<Value> {
    Ok(if u.ratio(3, 4)? {
        Value::Bool(bool::arbitrary(u)?)
    } else {
        any_json(u, 0)?
    })
}

fn coordinator(u: &mut Unstructured<'_>) -> Result<Value> {
    object(u, &[("name", text), ("email", text)])
}

fn prerequisites(u: &mut Unstructured<'_>) -> Result<Value> {
    object(u, &[("courses", texts), ("text", text)])
}

fn activities(u: &mut Unstructured<'_>) -> Result<Value> {
    list(u, 8, |u| object(u, &[("type", text), ("hours", number)]))
}

fn assessment(u: &mut Unstructured<'_>) -> Result<Value> {
    list(u, 6, |u| {
        object(
            u,
            &[("method", text), ("weight", number), ("outcomes", numbers)],
        )
    })
}

fn fields(
    u: &mut Unstructured<'_>,
    mut map: Map<String, Value>,
    fields: &[Field],
) -> Result<Value> {
    for (key, shaped) in fields {
        field(u, &mut map, key, shaped)?;
    }
    Ok(Value::Object(map))
}

/// A Blended Intensive Programme proposal, half filled in as forms are.
pub fn bip(u: &mut Unstructured<'_>) -> Result<Value> {
    let map = common(u, "bip")?;
    fields(
        u,
        map,
        &[
            ("coordinator", coordinator),
            ("institutions", |u| {
                list(u, 6, |u| {
                    object(
                        u,
                        &[
                            ("id", text),
                            ("role", text),
                            ("country", text),
                            ("erasmus_code", text),
                        ],
                    )
                })
            }),
            ("physical", |u| {
                object(
                    u,
                    &[
                        ("host", text),
                        ("days", number),
                        ("start_date", text),
                        ("end_date", text),
                    ],
                )
            }),
            ("virtual", |u| {
                object(
                    u,
                    &[
                        ("description", text),
                        ("timing", texts),
                        ("hours", number),
                        ("outcomes", numbers),
                        ("assessments", numbers),
                        ("teamwork", booleans),
                    ],
                )
            }),
            ("ects", number),
            ("activities", activities),
            ("assessment", assessment),
            ("prerequisites", prerequisites),
            ("participants", |u| {
                object(u, &[("expected", number), ("mobile", number)])
            }),
            ("recognition", text),
            ("transcript_issuer", text),
            ("learning_agreement", booleans),
            ("added_value", text),
            ("challenge", text),
        ],
    )
}

/// A micro-credential offer, half filled in as forms are.
pub fn micro_credential(u: &mut Unstructured<'_>) -> Result<Value> {
    let map = common(u, "micro-credential")?;
    fields(
        u,
        map,
        &[
            ("awarding_bodies", |u| {
                list(u, 4, |u| {
                    object(u, &[("id", text), ("country", text), ("region", text)])
                })
            }),
            ("coordinator", coordinator),
            ("ects", number),
            ("activities", activities),
            ("assessment", assessment),
            ("participation", text),
            ("quality_assurance", |u| {
                object(
                    u,
                    &[("type", text), ("agency", text), ("description", text)],
                )
            }),
            ("certificate", |u| {
                object(
                    u,
                    &[
                        ("format", text),
                        ("learner_identification", texts),
                        ("issued_within_days", number),
                    ],
                )
            }),
            ("prerequisites", prerequisites),
            ("supervision", text),
            ("grading", text),
            ("stackability", |u| {
                object(u, &[("type", text), ("towards", texts)])
            }),
            ("further_information", text),
        ],
    )
}
