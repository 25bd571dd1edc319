//! Micro-credential rules (`microcredential.*`): the eleven mandatory
//! elements and the optional elements of Annex I of the Council
//! Recommendation of 16 June 2022, and its principle of internal and
//! external quality assurance (Annex II).

use crate::document::Field;
use crate::messages::{number, quote};
use crate::pointer::{pointer, Seg};
use crate::rule::{Applies, Context, Group, Out, Rule};

pub const RULES: &[Rule] = &[
    ELEMENT_MISSING,
    CERTIFICATE,
    QA_EXTERNAL,
    STACKABILITY,
    OPTIONAL_ELEMENT,
];

/// The shared fields that hold an Annex I element, with the message that
/// names the element when the field is missing.
const SHARED_ELEMENTS: &[(&str, &str)] = &[
    ("title", "microcredential.element-missing.title"),
    (
        "learning_outcomes",
        "microcredential.element-missing.learning-outcomes",
    ),
    ("ects", "microcredential.element-missing.ects"),
    ("eqf_level", "microcredential.element-missing.eqf-level"),
    ("assessment", "microcredential.element-missing.assessment"),
];

pub const ELEMENT_MISSING: Rule = Rule {
    id: "microcredential.element-missing",
    group: Group::Microcredential,
    applies: Applies::MICRO_CREDENTIAL,
    summary: "A mandatory element of Annex I (learner identification, title, country, awarding body, date of issuing, outcomes, workload, level, assessment, participation, quality assurance) is missing.",
    source: "Council Recommendation on micro-credentials 2022, Annex I, elements 1–11",
    settings: &[],
    check: element_missing,
};

fn element_missing(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let m = &cx.doc.micro;
    // (path, message, the id of the body whose country is missing)
    let mut missing: Vec<(String, &str, Option<&str>)> = Vec::new();
    for (name, key) in SHARED_ELEMENTS {
        if m.blank.contains(name) {
            missing.push((format!("/{name}"), key, None));
        }
    }
    match &m.awarding_bodies {
        Field::Missing => missing.push((
            "/awarding_bodies".into(),
            "microcredential.element-missing.awarding-bodies",
            None,
        )),
        Field::Value(bodies) => {
            for (i, body) in bodies.iter().enumerate() {
                let Some(body) = body else { continue };
                let at = |field| pointer(&[Seg::F("awarding_bodies"), Seg::I(i), Seg::F(field)]);
                match body.id {
                    Field::Missing => missing.push((
                        at("id"),
                        "microcredential.element-missing.awarding-body",
                        None,
                    )),
                    // The profile gives its own institutions' countries.
                    Field::Value(id)
                        if body.country.is_missing() && cx.institution(id).is_none() =>
                    {
                        missing.push((
                            at("country"),
                            "microcredential.element-missing.country",
                            Some(id),
                        ))
                    }
                    _ => {}
                }
            }
        }
        Field::Invalid => {}
    }
    match &m.certificate {
        Field::Missing => missing.push((
            "/certificate".into(),
            "microcredential.element-missing.certificate",
            None,
        )),
        Field::Value(c) => {
            if c.learner_identification.is_missing() {
                missing.push((
                    "/certificate/learner_identification".into(),
                    "microcredential.element-missing.learner-identification",
                    None,
                ));
            }
            if c.issued_within_days.is_missing() {
                missing.push((
                    "/certificate/issued_within_days".into(),
                    "microcredential.element-missing.issued-within-days",
                    None,
                ));
            }
        }
        Field::Invalid => {}
    }
    if m.participation.is_missing() {
        missing.push((
            "/participation".into(),
            "microcredential.element-missing.participation",
            None,
        ));
    }
    match &m.quality_assurance {
        Field::Missing => missing.push((
            "/quality_assurance".into(),
            "microcredential.element-missing.quality-assurance",
            None,
        )),
        Field::Value(q) if q.kind.is_missing() => missing.push((
            "/quality_assurance/type".into(),
            "microcredential.element-missing.quality-assurance-type",
            None,
        )),
        _ => {}
    }
    for (path, key, id) in missing {
        let message = match id {
            Some(id) => out.message(key, &[("id", &quote(id))]),
            None => out.message(key, &[]),
        };
        out.emit(path, message);
    }
}

pub const CERTIFICATE: Rule = Rule {
    id: "microcredential.certificate",
    group: Group::Microcredential,
    applies: Applies::MICRO_CREDENTIAL,
    summary: "`certificate.issued_within_days` is not a whole number of days, 0 or more.",
    source:
        "Council Recommendation on micro-credentials 2022, Annex I, element 5 (date of issuing)",
    settings: &[],
    check: certificate,
};

fn certificate(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(c) = cx.doc.micro.certificate.value() else {
        return;
    };
    let Field::Value(days) = c.issued_within_days else {
        return;
    };
    if days.is_finite() && days >= 0.0 && days.fract() == 0.0 {
        return;
    }
    let message = out.message("microcredential.certificate", &[("days", &number(days))]);
    out.emit("/certificate/issued_within_days".into(), message);
}

pub const QA_EXTERNAL: Rule = Rule {
    id: "microcredential.qa-external",
    group: Group::Microcredential,
    applies: Applies::MICRO_CREDENTIAL,
    summary: "Only internal quality assurance is named, no external one.",
    source: "Council Recommendation on micro-credentials 2022, Annex II (quality: internal and external quality assurance)",
    settings: &[],
    check: qa_external,
};

fn qa_external(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(q) = cx.doc.micro.quality_assurance.value() else {
        return;
    };
    if q.kind != Field::Value("internal") {
        return;
    }
    let message = out.message("microcredential.qa-external", &[]);
    out.push(
        out.severity,
        "/quality_assurance/type".into(),
        None,
        message,
        vec!["internal-and-external".to_string()],
    );
}

pub const STACKABILITY: Rule = Rule {
    id: "microcredential.stackability",
    group: Group::Microcredential,
    applies: Applies::MICRO_CREDENTIAL,
    summary: "A stand-alone micro-credential that lists what it stacks towards, or one that stacks towards itself.",
    source: "Council Recommendation on micro-credentials 2022, Annex I (integration/stackability options)",
    settings: &[],
    check: stackability,
};

fn stackability(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(st) = cx.doc.micro.stackability.value() else {
        return;
    };
    if st.kind == Some("stand-alone") && !st.towards.is_empty() {
        let message = out.message("microcredential.stackability.stand-alone", &[]);
        out.emit("/stackability/towards".into(), message);
    }
    let Some(own) = cx.doc.code else { return };
    for &(k, code) in &st.towards {
        if code.trim() != own.trim() {
            continue;
        }
        let message = out.message(
            "microcredential.stackability.own",
            &[("code", &quote(code))],
        );
        out.emit(
            pointer(&[Seg::F("stackability"), Seg::F("towards"), Seg::I(k)]),
            message,
        );
    }
}

pub const OPTIONAL_ELEMENT: Rule = Rule {
    id: "microcredential.optional-element",
    group: Group::Microcredential,
    applies: Applies::MICRO_CREDENTIAL,
    summary: "An optional element of Annex I (prerequisites, supervision and identity verification, grading, stackability) is not stated.",
    source: "Council Recommendation on micro-credentials 2022, Annex I (optional elements); Annex II (transparency)",
    settings: &[],
    check: optional_element,
};

fn optional_element(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let m = &cx.doc.micro;
    let unstated = [
        (
            !m.prerequisites_stated,
            "/prerequisites",
            "microcredential.optional-element.prerequisites",
        ),
        (
            m.supervision.is_missing(),
            "/supervision",
            "microcredential.optional-element.supervision",
        ),
        (
            m.grading.is_missing(),
            "/grading",
            "microcredential.optional-element.grading",
        ),
        (
            m.stackability.is_missing(),
            "/stackability",
            "microcredential.optional-element.stackability",
        ),
    ];
    for (missing, path, key) in unstated {
        if missing {
            let message = out.message(key, &[]);
            out.emit(path.into(), message);
        }
    }
}
