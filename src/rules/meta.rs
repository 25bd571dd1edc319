//! Identity and metadata rules (`meta.*`).

use crate::analysis::dates;
use crate::analysis::similar;
use crate::analysis::words;
use crate::document::{Field, Kind};
use crate::messages::{number, quote};
use crate::pointer::{pointer, Seg};
use crate::report::Severity;
use crate::rule::{Applies, Context, Group, Out, Rule, Setting};
use std::collections::HashSet;

pub const RULES: &[Rule] = &[
    CODE_FORMAT,
    TITLE_LENGTH,
    LANGUAGE_CODE,
    ISCED_CODE,
    EQF_LEVEL,
    INSTITUTION,
    EMAIL,
    SDG,
    DATE,
    COUNTRY_CODE,
];

pub const CODE_FORMAT: Rule = Rule {
    id: "meta.code-format",
    group: Group::Metadata,
    applies: Applies::ALL,
    summary: "`code` is not 2–32 characters of letters, digits, `-`, `_`, `.` or `/`.",
    source: "ECTS Users' Guide 2015, §7.1 (course code)",
    settings: &[Setting::number("min", 2.0), Setting::number("max", 32.0)],
    check: code_format,
};

fn code_format(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(code) = cx.doc.code else { return };
    let (min, max) = (out.num(&["min"]), out.num(&["max"]));
    let len = code.chars().count() as f64;
    let bad_char = code
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/')));
    let message = match bad_char {
        Some(c) => out.message(
            "meta.code-format.character",
            &[
                ("code", &quote(code)),
                ("character", &quote(&c.to_string())),
            ],
        ),
        None if len < min || len > max => out.message(
            "meta.code-format.length",
            &[
                ("code", &quote(code)),
                ("length", &number(len)),
                ("min", &number(min)),
                ("max", &number(max)),
            ],
        ),
        None => return,
    };
    out.emit("/code".into(), message);
}

pub const TITLE_LENGTH: Rule = Rule {
    id: "meta.title-length",
    group: Group::Metadata,
    applies: Applies::ALL,
    summary: "The title is too short, too long, or written in capitals.",
    source: "ECTS Users' Guide 2015, §7.1 (course title)",
    settings: &[Setting::number("min", 3.0), Setting::number("max", 200.0)],
    check: title_length,
};

fn title_length(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(title) = cx.doc.title else { return };
    let (min, max) = (out.num(&["min"]), out.num(&["max"]));
    let len = title.trim().chars().count() as f64;
    let message = if len < min {
        out.message(
            "meta.title-length.short",
            &[("length", &number(len)), ("min", &number(min))],
        )
    } else if len > max {
        out.message(
            "meta.title-length.long",
            &[("length", &number(len)), ("max", &number(max))],
        )
    } else if words::count(title) >= 2 && words::is_capitals(title) {
        out.message("meta.title-length.capitals", &[])
    } else {
        return;
    };
    out.emit("/title".into(), message);
}

pub const LANGUAGE_CODE: Rule = Rule {
    id: "meta.language-code",
    group: Group::Metadata,
    applies: Applies::ALL,
    summary: "`language` or a teaching language is not an ISO 639-1 code.",
    source: "ECTS Users' Guide 2015, §7.1 (language of instruction); ISO 639-1",
    settings: &[],
    check: language_code,
};

fn language_code(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let given = cx.doc.language.map(|l| ("/language".to_string(), l));
    let teaching = cx
        .doc
        .teaching_languages
        .iter()
        .map(|(i, l)| (pointer(&[Seg::F("teaching_languages"), Seg::I(*i)]), *l));
    for (path, code) in given.into_iter().chain(teaching) {
        if cx.codes.is_language(code) {
            continue;
        }
        let lower = code.trim().to_lowercase();
        let suggestions = if cx.codes.is_language(&lower) {
            vec![lower]
        } else {
            Vec::new()
        };
        let message = out.message("meta.language-code", &[("code", &quote(code))]);
        out.push(out.severity, path, None, message, suggestions);
    }
}

pub const ISCED_CODE: Rule = Rule {
    id: "meta.isced-code",
    group: Group::Metadata,
    applies: Applies::ALL,
    summary: "`isced_f` is not an ISCED-F 2013 broad, narrow or detailed field code.",
    source: "UNESCO ISCED-F 2013",
    settings: &[],
    check: isced_code,
};

fn isced_code(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(code) = cx.doc.isced_f else { return };
    if cx.codes.is_isced_field(code.trim()) && code.trim() == code {
        return;
    }
    let message = out.message("meta.isced-code", &[("code", &quote(code))]);
    out.emit("/isced_f".into(), message);
}

pub const EQF_LEVEL: Rule = Rule {
    id: "meta.eqf-level",
    group: Group::Metadata,
    applies: Applies::ALL,
    summary: "`eqf_level` is not a whole number from 5 to 8.",
    source: "European Qualifications Framework (2017); QF-EHEA",
    settings: &[Setting::number("min", 5.0), Setting::number("max", 8.0)],
    check: eqf_level,
};

fn eqf_level(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(level) = cx.doc.eqf_level else {
        return;
    };
    let (min, max) = (out.num(&["min"]), out.num(&["max"]));
    if level.fract() == 0.0 && level >= min && level <= max {
        return;
    }
    let message = out.message(
        "meta.eqf-level",
        &[
            ("level", &number(level)),
            ("min", &number(min)),
            ("max", &number(max)),
        ],
    );
    out.emit("/eqf_level".into(), message);
}

pub const INSTITUTION: Rule = Rule {
    id: "meta.institution",
    group: Group::Metadata,
    applies: Applies::ALL,
    summary:
        "An institution id the profile does not know (info for an external partner or awarding body).",
    source: "ENHANCE alliance profile",
    settings: &[Setting::severity("partner_severity", "info")],
    check: institution,
};

fn institution(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let known: Vec<&str> = cx.institutions.iter().map(|i| i.id.as_str()).collect();
    let listed = known.join(", ");
    let report = |out: &mut Out<'_>, path: String, id: &str, severity: Severity| {
        if cx.institution(id).is_some() {
            return;
        }
        let suggestions: Vec<String> = similar::closest(id, &known, 2)
            .into_iter()
            .map(str::to_string)
            .collect();
        let message = out.message(
            "meta.institution",
            &[("id", &quote(id)), ("known", &listed)],
        );
        out.push(severity, path, None, message, suggestions);
    };
    let partner = out
        .severity_setting("partner_severity")
        .unwrap_or(out.severity)
        .max(out.severity);
    match cx.kind() {
        Some(Kind::Course) => {
            if let Some(id) = cx.doc.course.institution {
                report(out, "/institution".into(), id, out.severity);
            }
        }
        Some(Kind::Programme) => {
            for (i, entry) in cx.doc.programme.institutions.iter().flatten().enumerate() {
                let Some((id, role)) = entry.as_ref().and_then(|e| Some((e.id?, e.role))) else {
                    continue;
                };
                let severity = if role == Some("partner") {
                    partner
                } else {
                    out.severity
                };
                report(
                    out,
                    pointer(&[Seg::F("institutions"), Seg::I(i), Seg::F("id")]),
                    id,
                    severity,
                );
            }
        }
        // A BIP's partners, as a programme's, may come from outside the alliance.
        Some(Kind::Bip) => {
            for (i, entry) in cx.doc.bip.institutions.iter().flatten().enumerate() {
                let Some((id, role)) = entry.as_ref().and_then(|e| Some((e.id?, e.role))) else {
                    continue;
                };
                let severity = if role == Some("partner") {
                    partner
                } else {
                    out.severity
                };
                report(
                    out,
                    pointer(&[Seg::F("institutions"), Seg::I(i), Seg::F("id")]),
                    id,
                    severity,
                );
            }
        }
        // Any body may award a micro-credential: an unknown one is only noted.
        Some(Kind::MicroCredential) => {
            let bodies = cx.doc.micro.awarding_bodies.value().into_iter().flatten();
            for (i, body) in bodies.enumerate() {
                let Some(id) = body.as_ref().and_then(|b| b.id.value().copied()) else {
                    continue;
                };
                report(
                    out,
                    pointer(&[Seg::F("awarding_bodies"), Seg::I(i), Seg::F("id")]),
                    id,
                    partner,
                );
            }
        }
        None => {}
    }
}

pub const EMAIL: Rule = Rule {
    id: "meta.email",
    group: Group::Metadata,
    applies: Applies::UNITS,
    summary: "The coordinator's e-mail address is not a plausible address.",
    source: "ECTS Users' Guide 2015, §7.1 (name of lecturers)",
    settings: &[],
    check: email,
};

/// `local@domain.tld`: one `@`, no white space, a dotted domain whose labels
/// are letters, digits and inner hyphens, and a top-level label of 2+ letters.
pub fn plausible_email(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    if local.is_empty()
        || local.len() > 64
        || domain.contains('@')
        || address.chars().any(char::is_whitespace)
    {
        return false;
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let tld_ok = labels
        .last()
        .is_some_and(|t| t.chars().count() >= 2 && t.chars().all(char::is_alphabetic));
    labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok
}

fn email(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(address) = cx.doc.course.coordinator_email else {
        return;
    };
    if plausible_email(address.trim()) {
        return;
    }
    let message = out.message("meta.email", &[("email", &quote(address))]);
    out.emit("/coordinator/email".into(), message);
}

pub const SDG: Rule = Rule {
    id: "meta.sdg",
    group: Group::Metadata,
    applies: Applies::ALL,
    summary: "An `sdgs` entry is not a whole number from 1 to 17, or is repeated.",
    source: "UN Sustainable Development Goals (2015)",
    settings: &[Setting::number("min", 1.0), Setting::number("max", 17.0)],
    check: sdg,
};

fn sdg(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Field::Value(sdgs) = &cx.doc.sdgs else {
        return;
    };
    let (min, max) = (out.num(&["min"]), out.num(&["max"]));
    // The goals before this one, by their bits (each a whole number here).
    let mut seen: HashSet<u64> = HashSet::new();
    for &(i, goal) in sdgs {
        let path = pointer(&[Seg::F("sdgs"), Seg::I(i)]);
        let message = if goal.fract() != 0.0 || goal < min || goal > max {
            out.message(
                "meta.sdg.range",
                &[
                    ("goal", &number(goal)),
                    ("min", &number(min)),
                    ("max", &number(max)),
                ],
            )
        } else if !seen.insert(goal.to_bits()) {
            out.message("meta.sdg.repeated", &[("goal", &number(goal))])
        } else {
            continue;
        };
        out.emit(path, message);
    }
}

pub const DATE: Rule = Rule {
    id: "meta.date",
    group: Group::Metadata,
    applies: Applies::BIP,
    summary: "A date is not written `YYYY-MM-DD` or names no real day.",
    source: "ISO 8601 (calendar date); enhance-qa document format",
    settings: &[],
    check: date,
};

fn date(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(physical) = &cx.doc.bip.physical else {
        return;
    };
    for (name, value) in [
        ("start_date", &physical.start_date),
        ("end_date", &physical.end_date),
    ] {
        let Field::Value(text) = value else { continue };
        if dates::iso_date(text).is_some() {
            continue;
        }
        let suggestions: Vec<String> = dates::one_reading(text)
            .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
            .into_iter()
            .collect();
        // Written year first but naming no day (`2027-02-29`): the day is wrong, not the form.
        let key = if dates::is_year_first(text) && suggestions.is_empty() {
            "meta.date.day"
        } else {
            "meta.date"
        };
        let message = out.message(key, &[("date", &quote(text))]);
        let path = pointer(&[Seg::F("physical"), Seg::F(name)]);
        out.push(out.severity, path, None, message, suggestions);
    }
}

pub const COUNTRY_CODE: Rule = Rule {
    id: "meta.country-code",
    group: Group::Metadata,
    applies: Applies::BIP.and(Applies::MICRO_CREDENTIAL),
    summary: "A `country` is not an ISO 3166-1 alpha-2 code, or differs from the profile's country of that institution.",
    source: "ISO 3166-1; ENHANCE alliance profile",
    settings: &[],
    check: country_code,
};

fn country_code(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    // (index, id, country) of each entry that gives a country.
    let entries: Vec<(usize, Option<&str>, &str)> = match cx.kind() {
        Some(Kind::Bip) => cx
            .doc
            .bip
            .institutions
            .iter()
            .flatten()
            .enumerate()
            .filter_map(|(i, e)| {
                let e = e.as_ref()?;
                Some((i, e.id, *e.country.value()?))
            })
            .collect(),
        Some(Kind::MicroCredential) => cx
            .doc
            .micro
            .awarding_bodies
            .value()
            .into_iter()
            .flatten()
            .enumerate()
            .filter_map(|(i, b)| {
                let b = b.as_ref()?;
                Some((i, b.id.value().copied(), *b.country.value()?))
            })
            .collect(),
        _ => return,
    };
    let list = if cx.kind() == Some(Kind::Bip) {
        "institutions"
    } else {
        "awarding_bodies"
    };
    for (i, id, country) in entries {
        let path = pointer(&[Seg::F(list), Seg::I(i), Seg::F("country")]);
        let known = id.and_then(|id| cx.institution(id));
        let (message, suggestion) = if !cx.codes.is_country(country) {
            let upper = country.trim().to_ascii_uppercase();
            let suggestion = if cx.codes.is_country(&upper) {
                Some(upper)
            } else {
                cx.codes.reserved_country(&upper).map(str::to_string)
            };
            let message = out.message("meta.country-code", &[("code", &quote(country))]);
            (message, suggestion)
        } else if let Some(known) = known.filter(|k| k.country != country) {
            let message = out.message(
                "meta.country-code.profile",
                &[
                    ("id", &quote(&known.id)),
                    ("country", &quote(&known.country)),
                    ("code", &quote(country)),
                ],
            );
            (message, Some(known.country.clone()))
        } else {
            continue;
        };
        out.push(
            out.severity,
            path,
            None,
            message,
            suggestion.into_iter().collect(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::plausible_email;

    #[test]
    fn emails() {
        assert!(plausible_email("karin.sjoberg@chalmers.example.org"));
        assert!(plausible_email("t.krueger@rwth.example.org"));
        for bad in [
            "a@b",
            "a@@b.org",
            "a b@c.org",
            "@c.org",
            "a@c.o",
            "a@c..org",
            "a@-c.org",
            "a.@c.org",
            "a@c.o1",
        ] {
            assert!(!plausible_email(bad), "{bad}");
        }
    }
}
