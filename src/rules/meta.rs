//! Identity and metadata rules (`meta.*`).

use crate::analysis::similar;
use crate::analysis::words;
use crate::document::{Field, Kind};
use crate::messages::{number, quote};
use crate::pointer::{pointer, Seg};
use crate::report::Severity;
use crate::rule::{Applies, Context, Group, Out, Rule, Setting};
use std::collections::HashMap;

pub const RULES: &[Rule] = &[
    CODE_FORMAT,
    TITLE_LENGTH,
    LANGUAGE_CODE,
    ISCED_CODE,
    EQF_LEVEL,
    INSTITUTION,
    EMAIL,
    SDG,
];

pub const CODE_FORMAT: Rule = Rule {
    id: "meta.code-format",
    group: Group::Metadata,
    applies: Applies::Both,
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
    applies: Applies::Both,
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
    applies: Applies::Both,
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
    applies: Applies::Both,
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
    applies: Applies::Both,
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
    applies: Applies::Both,
    summary:
        "An institution id the profile does not know (info for an external programme partner).",
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
    match cx.kind() {
        Some(Kind::Course) => {
            if let Some(id) = cx.doc.course.institution {
                report(out, "/institution".into(), id, out.severity);
            }
        }
        Some(Kind::Programme) => {
            let partner = out
                .severity_setting("partner_severity")
                .unwrap_or(out.severity)
                .max(out.severity);
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
        None => {}
    }
}

pub const EMAIL: Rule = Rule {
    id: "meta.email",
    group: Group::Metadata,
    applies: Applies::Course,
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
    applies: Applies::Both,
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
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
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
        } else if seen.insert(goal.to_bits(), Vec::new()).is_some() {
            out.message("meta.sdg.repeated", &[("goal", &number(goal))])
        } else {
            continue;
        };
        out.emit(path, message);
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
