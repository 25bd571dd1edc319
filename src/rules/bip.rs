//! Blended Intensive Programme rules (`bip.*`): the partnership, the short
//! physical stay and the compulsory virtual component that the Erasmus+
//! Programme Guide (KA131) asks of a BIP, its credits and participants.

use crate::analysis::dates::{day_number, iso_date};
use crate::analysis::partnership::coordinators;
use crate::analysis::similar;
use crate::document::{BipInstitution, Field, Physical, Virtual};
use crate::messages::{number, quote};
use crate::pointer::{pointer, Seg};
use crate::rule::{Applies, Context, Group, Out, Rule, Setting};

pub const RULES: &[Rule] = &[
    PARTNERS,
    COORDINATOR,
    INSTITUTION_REPEATED,
    ECHE,
    HOST,
    PHYSICAL_DAYS,
    PHYSICAL_DATES,
    VIRTUAL_MISSING,
    VIRTUAL_HOURS,
    VIRTUAL_TEAMWORK,
    VIRTUAL_UNLINKED,
    VIRTUAL_UNKNOWN_REFERENCE,
    ECTS_MIN,
    PARTICIPANTS_COUNT,
    PARTICIPANTS_MIN,
    LEARNING_AGREEMENT,
    TRANSCRIPT_ISSUER,
    ADDED_VALUE,
];

const EPG: &str = "Erasmus+ Programme Guide 2025, KA131, blended intensive programmes";

/// The institution entries that are objects, with their index.
fn institutions<'a, 'v>(
    cx: &'a Context<'_, 'v>,
) -> impl Iterator<Item = (usize, &'a BipInstitution<'v>)> {
    cx.doc
        .bip
        .institutions
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, e)| Some((i, e.as_ref()?)))
}

/// Whether every entry of `institutions` could be read with an id: only
/// then can an id be said to be missing from the list.
fn all_ids_known(cx: &Context<'_, '_>) -> bool {
    let Some(list) = &cx.doc.bip.institutions else {
        return false;
    };
    list.iter()
        .all(|e| e.as_ref().is_some_and(|e| e.id.is_some()))
}

fn virtual_component<'a, 'v>(cx: &'a Context<'_, 'v>) -> Option<&'a Virtual<'v>> {
    cx.doc.bip.virtual_component.value()
}

fn physical<'a, 'v>(cx: &'a Context<'_, 'v>) -> Option<&'a Physical<'v>> {
    cx.doc.bip.physical.as_ref()
}

/// A whole number of 0 or more, as counts of days and people are.
fn count(x: f64) -> Option<u64> {
    (x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x < 1e9).then_some(x as u64)
}

pub const PARTNERS: Rule = Rule {
    id: "bip.partners",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "Fewer than 3 institutions, or institutions from fewer than 3 countries, counted towards the partnership (only those of Programme countries count).",
    source: EPG,
    settings: &[
        Setting::number("min_institutions", 3.0),
        Setting::number("min_countries", 3.0),
        Setting::codes(
            "programme_countries",
            &[
                "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
                "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS",
                "LI", "MK", "NO", "RS", "TR",
            ],
        ),
    ],
    check: partners,
};

fn partners(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let programme_countries = out.codes("programme_countries");
    let mut counted: Vec<&str> = Vec::new();
    let mut countries: Vec<String> = Vec::new();
    let mut left_out: Vec<String> = Vec::new();
    for (_, e) in institutions(cx) {
        let Some(id) = e.id else { continue };
        if counted.contains(&id) {
            continue;
        }
        // The profile's country for its own institutions, else the entry's own code.
        let country = match cx.institution(id) {
            Some(known) => Some(known.country.as_str()),
            None => e
                .country
                .value()
                .copied()
                .filter(|c| cx.codes.is_country(c)),
        };
        let reason = match country {
            None => out.message("bip.partners.no-country", &[("id", &quote(id))]),
            Some(c) if !programme_countries.iter().any(|p| p == c) => out.message(
                "bip.partners.outside",
                &[("id", &quote(id)), ("country", &quote(c))],
            ),
            Some(c) => {
                counted.push(id);
                if !countries.iter().any(|k| k == c) {
                    countries.push(c.to_string());
                }
                continue;
            }
        };
        left_out.push(reason);
    }
    let (min_institutions, min_countries) =
        (out.num(&["min_institutions"]), out.num(&["min_countries"]));
    let short =
        (counted.len() as f64) < min_institutions || (countries.len() as f64) < min_countries;
    // An entry that could not be read might be the institution that is missing.
    if !short || !all_ids_known(cx) {
        return;
    }
    let mut message = out.message(
        "bip.partners",
        &[
            ("count", &counted.len().to_string()),
            ("countries", &countries.len().to_string()),
            ("min_institutions", &number(min_institutions)),
            ("min_countries", &number(min_countries)),
        ],
    );
    if !left_out.is_empty() {
        message.push(' ');
        message.push_str(&out.message(
            "bip.partners.not-counted",
            &[("entries", &left_out.join("; "))],
        ));
    }
    out.emit("/institutions".into(), message);
}

pub const COORDINATOR: Rule = Rule {
    id: "bip.coordinator",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "Not exactly one institution with the role `coordinator`.",
    source: EPG,
    settings: &[],
    check: coordinator,
};

fn coordinator(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(list) = &cx.doc.bip.institutions else {
        return;
    };
    let message = match coordinators(list.iter().map(|e| e.as_ref().map(|e| e.role))) {
        None | Some(1) => return,
        Some(0) => out.message("bip.coordinator.none", &[]),
        Some(n) => out.message("bip.coordinator.many", &[("count", &n.to_string())]),
    };
    out.emit("/institutions".into(), message);
}

pub const INSTITUTION_REPEATED: Rule = Rule {
    id: "bip.institution-repeated",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "An institution is listed twice.",
    source: "enhance-qa document format (data integrity)",
    settings: &[],
    check: institution_repeated,
};

fn institution_repeated(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let entries: Vec<(usize, &str)> = institutions(cx)
        .filter_map(|(i, e)| Some((i, e.id?)))
        .collect();
    for (n, &(i, id)) in entries.iter().enumerate() {
        let Some(&(first, _)) = entries[..n].iter().find(|(_, other)| *other == id) else {
            continue;
        };
        let message = out.message(
            "bip.institution-repeated",
            &[("id", &quote(id)), ("number", &(first + 1).to_string())],
        );
        out.emit(
            pointer(&[Seg::F("institutions"), Seg::I(i), Seg::F("id")]),
            message,
        );
    }
}

pub const ECHE: Rule = Rule {
    id: "bip.eche",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "An institution the profile gives no Erasmus code for, which gives none itself: nothing shows it holds an ECHE.",
    source: "Erasmus+ Programme Guide 2025, KA131 (participating institutions hold an Erasmus Charter for Higher Education)",
    settings: &[],
    check: eche,
};

fn eche(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for (i, e) in institutions(cx) {
        let Some(id) = e.id else { continue };
        // An Erasmus code of the wrong type has its `schema.type` diagnostic.
        let profile_code = cx.institution(id).and_then(|k| k.erasmus_code.as_ref());
        if profile_code.is_some() || !e.erasmus_code.is_missing() {
            continue;
        }
        let message = out.message("bip.eche", &[("id", &quote(id))]);
        out.emit(
            pointer(&[Seg::F("institutions"), Seg::I(i), Seg::F("erasmus_code")]),
            message,
        );
    }
}

/// A field that must name one of the BIP's institutions: reports it, with
/// the nearest ids, when it names none.
fn names_an_institution(cx: &Context<'_, '_>, out: &mut Out<'_>, id: &str, key: &str, path: &str) {
    let ids: Vec<&str> = institutions(cx).filter_map(|(_, e)| e.id).collect();
    if ids.contains(&id) || !all_ids_known(cx) {
        return;
    }
    let listed: Vec<String> = ids.iter().map(|i| quote(i)).collect();
    let message = out.message(key, &[("id", &quote(id)), ("ids", &listed.join(", "))]);
    let suggestions = similar::closest(id, &ids, 2)
        .into_iter()
        .map(str::to_string)
        .collect();
    out.push(out.severity, path.into(), None, message, suggestions);
}

pub const HOST: Rule = Rule {
    id: "bip.host",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "The receiving institution (`physical.host`) is not one of the BIP's institutions.",
    source: "Erasmus+ Programme Guide 2025, KA131 (the receiving institution belongs to the partnership)",
    settings: &[],
    check: host,
};

fn host(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    if let Some(id) = physical(cx).and_then(|p| p.host) {
        names_an_institution(cx, out, id, "bip.host", "/physical/host");
    }
}

pub const PHYSICAL_DAYS: Rule = Rule {
    id: "bip.physical-days",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "The physical component does not last a whole number of 5 to 30 days.",
    source: EPG,
    settings: &[Setting::number("min", 5.0), Setting::number("max", 30.0)],
    check: physical_days,
};

fn physical_days(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(days) = physical(cx).and_then(|p| p.days) else {
        return;
    };
    let (min, max) = (out.num(&["min"]), out.num(&["max"]));
    let params = [
        ("days", number(days)),
        ("min", number(min)),
        ("max", number(max)),
    ];
    let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let message = if days.fract() != 0.0 || !days.is_finite() {
        out.message("bip.physical-days.whole", &params)
    } else if days < min || days > max {
        out.message("bip.physical-days", &params)
    } else {
        return;
    };
    out.emit("/physical/days".into(), message);
}

pub const PHYSICAL_DATES: Rule = Rule {
    id: "bip.physical-dates",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "One on-site date without the other, the last day before the first, or dates that do not span `physical.days`.",
    source: "Erasmus+ Programme Guide 2025, KA131 (one period of consecutive days); data integrity",
    settings: &[],
    check: physical_dates,
};

fn physical_dates(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(p) = physical(cx) else { return };
    let (message, path) = match (&p.start_date, &p.end_date) {
        (Field::Missing, Field::Value(end)) if iso_date(end).is_some() => (
            out.message("bip.physical-dates.start", &[]),
            "/physical/start_date",
        ),
        (Field::Value(start), Field::Missing) if iso_date(start).is_some() => (
            out.message("bip.physical-dates.end", &[]),
            "/physical/end_date",
        ),
        (Field::Value(start), Field::Value(end)) => {
            // A date that is not one is `meta.date`'s to report.
            let (Some(first), Some(last)) = (iso_date(start), iso_date(end)) else {
                return;
            };
            let span = day_number(last) - day_number(first) + 1;
            let dates = [("start", quote(start)), ("end", quote(end))];
            if span < 1 {
                let params: Vec<(&str, &str)> =
                    dates.iter().map(|(k, v)| (*k, v.as_str())).collect();
                (
                    out.message("bip.physical-dates.order", &params),
                    "/physical/end_date",
                )
            } else {
                let Some(days) = p.days.and_then(count) else {
                    return;
                };
                if span == days as i64 {
                    return;
                }
                let params: Vec<(&str, String)> = dates
                    .into_iter()
                    .chain([("count", span.to_string()), ("days", days.to_string())])
                    .collect();
                let params: Vec<(&str, &str)> =
                    params.iter().map(|(k, v)| (*k, v.as_str())).collect();
                (
                    out.message("bip.physical-dates.days", &params),
                    "/physical/end_date",
                )
            }
        }
        _ => return,
    };
    out.emit(path.into(), message);
}

pub const VIRTUAL_MISSING: Rule = Rule {
    id: "bip.virtual-missing",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "No virtual component: a BIP's virtual part is compulsory.",
    source: "Erasmus+ Programme Guide 2025, KA131 (compulsory virtual component)",
    settings: &[],
    check: virtual_missing,
};

fn virtual_missing(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    if cx.doc.bip.virtual_component.is_missing() {
        let message = out.message("bip.virtual-missing", &[]);
        out.emit("/virtual".into(), message);
    }
}

pub const VIRTUAL_HOURS: Rule = Rule {
    id: "bip.virtual-hours",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "The virtual component has 0 hours of work.",
    source: "Erasmus+ Programme Guide 2025, KA131 (the virtual component is compulsory; no minimum length)",
    settings: &[],
    check: virtual_hours,
};

fn virtual_hours(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    if virtual_component(cx).and_then(|v| v.hours) == Some(0.0) {
        let message = out.message("bip.virtual-hours", &[]);
        out.emit("/virtual/hours".into(), message);
    }
}

pub const VIRTUAL_TEAMWORK: Rule = Rule {
    id: "bip.virtual-teamwork",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "The learners do not work together online (`virtual.teamwork` is false).",
    source: "Erasmus+ Programme Guide 2025, KA131 (learners work collectively and at the same time online)",
    settings: &[],
    check: virtual_teamwork,
};

fn virtual_teamwork(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    if virtual_component(cx).and_then(|v| v.teamwork) == Some(false) {
        let message = out.message("bip.virtual-teamwork", &[]);
        out.emit("/virtual/teamwork".into(), message);
    }
}

pub const VIRTUAL_UNLINKED: Rule = Rule {
    id: "bip.virtual-unlinked",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "The virtual component names no learning outcome it works towards and no assessment of its work.",
    source: "Erasmus+ Programme Guide 2025, KA131 (the online assignments count towards the learning outcomes)",
    settings: &[],
    check: virtual_unlinked,
};

fn virtual_unlinked(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(v) = virtual_component(cx) else {
        return;
    };
    if v.outcomes.is_missing() && v.assessments.is_missing() {
        let message = out.message("bip.virtual-unlinked", &[]);
        out.emit("/virtual".into(), message);
    }
}

pub const VIRTUAL_UNKNOWN_REFERENCE: Rule = Rule {
    id: "bip.virtual-unknown-reference",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "The virtual component lists an outcome or assessment number that does not exist.",
    source: "enhance-qa document format (data integrity)",
    settings: &[],
    check: virtual_unknown_reference,
};

fn virtual_unknown_reference(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(v) = virtual_component(cx) else {
        return;
    };
    // How many there are, when their lists could be read.
    let outcomes = cx
        .doc
        .learning_outcomes
        .as_ref()
        .map(|_| cx.doc.outcome_count);
    let assessments = cx.doc.course.assessment.as_ref().map(Vec::len);
    for (list, total, key) in [
        (
            &v.outcomes,
            outcomes,
            "bip.virtual-unknown-reference.outcome",
        ),
        (
            &v.assessments,
            assessments,
            "bip.virtual-unknown-reference.assessment",
        ),
    ] {
        let (Field::Value(numbers), Some(total)) = (list, total) else {
            continue;
        };
        let name = if key.ends_with("outcome") {
            "outcomes"
        } else {
            "assessments"
        };
        for &(k, n) in numbers {
            if count(n).is_some_and(|n| n >= 1 && n <= total as u64) {
                continue;
            }
            let message = out.message(
                key,
                &[("number", &number(n)), ("count", &total.to_string())],
            );
            out.emit(
                pointer(&[Seg::F("virtual"), Seg::F(name), Seg::I(k)]),
                message,
            );
        }
    }
}

pub const ECTS_MIN: Rule = Rule {
    id: "bip.ects-min",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "The BIP awards fewer than 3 ECTS credits.",
    source: EPG,
    settings: &[Setting::number("min", 3.0)],
    check: ects_min,
};

fn ects_min(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(ects) = cx.doc.course.ects else {
        return;
    };
    let min = out.num(&["min"]);
    // 0 or less is `workload.ects-range`'s to report.
    if ects <= 0.0 || ects >= min {
        return;
    }
    let message = out.message(
        "bip.ects-min",
        &[("ects", &number(ects)), ("min", &number(min))],
    );
    out.push(
        out.severity,
        "/ects".into(),
        None,
        message,
        vec![number(min)],
    );
}

pub const PARTICIPANTS_COUNT: Rule = Rule {
    id: "bip.participants-count",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "A participant count is not a whole number of 0 or more, or more learners are mobile than expected.",
    source: "enhance-qa document format (data integrity)",
    settings: &[],
    check: participants_count,
};

fn participants_count(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(p) = cx.doc.bip.participants else {
        return;
    };
    for (name, value) in [("expected", p.expected), ("mobile", p.mobile)] {
        let Some(n) = value.filter(|n| count(*n).is_none()) else {
            continue;
        };
        let message = out.message("bip.participants-count", &[("count", &number(n))]);
        out.emit(pointer(&[Seg::F("participants"), Seg::F(name)]), message);
    }
    let (Some(expected), Some(mobile)) = (p.expected.and_then(count), p.mobile.and_then(count))
    else {
        return;
    };
    if mobile > expected {
        let message = out.message(
            "bip.participants-count.mobile",
            &[
                ("mobile", &mobile.to_string()),
                ("expected", &expected.to_string()),
            ],
        );
        out.emit("/participants/mobile".into(), message);
    }
}

pub const PARTICIPANTS_MIN: Rule = Rule {
    id: "bip.participants-min",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "Fewer mobile participants than the Erasmus+ minimum for a BIP (10; 15 in calls before 2024).",
    source: EPG,
    settings: &[Setting::number("min", 10.0)],
    check: participants_min,
};

fn participants_min(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(p) = cx.doc.bip.participants else {
        return;
    };
    let Some(mobile) = p.mobile.and_then(count) else {
        return;
    };
    // More mobile learners than expected is `bip.participants-count`'s to report.
    if p.expected.and_then(count).is_some_and(|e| mobile > e) {
        return;
    }
    let min = out.num(&["min"]);
    if mobile as f64 >= min {
        return;
    }
    let message = out.message(
        "bip.participants-min",
        &[("mobile", &mobile.to_string()), ("min", &number(min))],
    );
    out.emit("/participants/mobile".into(), message);
}

pub const LEARNING_AGREEMENT: Rule = Rule {
    id: "bip.learning-agreement",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "The BIP's credits are not recorded in the students' Learning Agreements.",
    source:
        "Erasmus+ Programme Guide 2025, KA131; ECTS Users' Guide 2015, §4.2 (Learning Agreement)",
    settings: &[],
    check: learning_agreement,
};

fn learning_agreement(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    if cx.doc.bip.learning_agreement == Some(false) {
        let message = out.message("bip.learning-agreement", &[]);
        out.emit("/learning_agreement".into(), message);
    }
}

pub const TRANSCRIPT_ISSUER: Rule = Rule {
    id: "bip.transcript-issuer",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "The institution that issues the Transcript of Records is not one of the BIP's institutions.",
    source: "ECTS Users' Guide 2015, §4.2 (Transcript of Records)",
    settings: &[],
    check: transcript_issuer,
};

fn transcript_issuer(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    if let Some(id) = cx.doc.bip.transcript_issuer {
        names_an_institution(cx, out, id, "bip.transcript-issuer", "/transcript_issuer");
    }
}

pub const ADDED_VALUE: Rule = Rule {
    id: "bip.added-value",
    group: Group::Bip,
    applies: Applies::BIP,
    summary: "The proposal does not say what the BIP adds to the partners' existing courses.",
    source: "Erasmus+ Programme Guide 2025, KA131 (added value compared to existing courses)",
    settings: &[],
    check: added_value,
};

fn added_value(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    if cx.doc.bip.added_value.is_missing() {
        let message = out.message("bip.added-value", &[]);
        out.emit("/added_value".into(), message);
    }
}
