//! Shape rules (`schema.*`): they report what the document reader found.

use crate::analysis::similar;
use crate::document::{Expected, Finding, Issue, Limit};
use crate::messages::{alternatives, number, quote};
use crate::rule::{Applies, Context, Group, Out, Rule, Setting};

pub const RULES: &[Rule] = &[
    REQUIRED,
    TYPE,
    COERCED,
    ENUM,
    UNKNOWN_FIELD,
    KIND,
    DUPLICATE_KEY,
    LIMIT,
];

fn each<'a>(cx: &'a Context<'_, '_>, issue: Issue) -> impl Iterator<Item = &'a Finding<'a>> {
    cx.findings.iter().filter(move |f| f.issue == issue)
}

/// The field a path ends in, for messages (`"/assessment/0/weight"` → `weight`).
fn field_name(f: &Finding<'_>) -> String {
    let last = f.path.rsplit('/').next().unwrap_or_default();
    let name = if !f.field.is_empty() && last.parse::<usize>().is_ok() {
        f.field
    } else {
        last
    };
    quote(&name.replace("~1", "/").replace("~0", "~"))
}

pub const REQUIRED: Rule = Rule {
    id: "schema.required",
    group: Group::Shape,
    applies: Applies::ALL,
    summary: "A required field is missing, null, empty or only white space.",
    source: "ECTS Users' Guide 2015, §7.1 (course catalogue); European Approach 2015",
    settings: &[],
    check: required,
};

fn required(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for f in each(cx, Issue::Required) {
        // An institution's country: the profile gives it for its own institutions.
        if f.expected == Expected::UnlessKnown && cx.institution(&f.found).is_some() {
            continue;
        }
        let message = out.message("schema.required", &[("field", &field_name(f))]);
        out.emit(f.path.clone(), message);
    }
}

pub const TYPE: Rule = Rule {
    id: "schema.type",
    group: Group::Shape,
    applies: Applies::ALL,
    summary: "A value has the wrong JSON type and cannot be read as the right one.",
    source: "enhance-qa document format",
    settings: &[],
    check: wrong_type,
};

fn wrong_type(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for f in each(cx, Issue::Type) {
        let message = match f.expected {
            _ if f.path.is_empty() => out.message(
                "schema.type.document",
                &[("found", &out.message(&f.found, &[]))],
            ),
            Expected::NumberText => out.message(
                "schema.type.number",
                &[("field", &field_name(f)), ("found", &quote(&f.found))],
            ),
            Expected::Type(expected) => out.message(
                "schema.type",
                &[
                    ("field", &field_name(f)),
                    ("expected", &out.message(expected, &[])),
                    ("found", &out.message(&f.found, &[])),
                ],
            ),
            _ => continue,
        };
        out.emit(f.path.clone(), message);
    }
}

pub const COERCED: Rule = Rule {
    id: "schema.coerced",
    group: Group::Shape,
    applies: Applies::ALL,
    summary: "A number was given as text and read as that number.",
    source: "enhance-qa document format",
    settings: &[],
    check: coerced,
};

fn coerced(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for f in each(cx, Issue::Coerced) {
        let n = number(f.number);
        let message = out.message(
            "schema.coerced",
            &[
                ("field", &field_name(f)),
                ("found", &quote(&f.found)),
                ("number", &n),
            ],
        );
        out.push(out.severity, f.path.clone(), None, message, vec![n]);
    }
}

pub const ENUM: Rule = Rule {
    id: "schema.enum",
    group: Group::Shape,
    applies: Applies::ALL,
    summary: "A value is not one of the values its field allows.",
    source: "enhance-qa document format",
    settings: &[],
    check: not_allowed,
};

/// The allowed values nearest to `found`, at most three.
fn nearest(found: &str, allowed: &[&str]) -> Vec<String> {
    let lower = found.trim().to_lowercase();
    let mut scored: Vec<(usize, usize, &str)> = allowed
        .iter()
        .enumerate()
        .map(|(i, a)| (similar::distance(&lower, a, 64), i, *a))
        .collect();
    crate::sort::sort_by(&mut scored, Ord::cmp);
    scored
        .into_iter()
        .take(3)
        .map(|(_, _, a)| a.to_string())
        .collect()
}

fn not_allowed(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for f in each(cx, Issue::Enum) {
        let (allowed, synonyms) = match f.expected {
            Expected::OneOf(allowed) => (allowed, &[][..]),
            Expected::OneOfOr(allowed, synonyms) => (allowed, synonyms),
            _ => continue,
        };
        let quoted: Vec<String> = allowed.iter().map(|a| quote(a)).collect();
        let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
        let message = out.message(
            "schema.enum",
            &[
                ("field", &field_name(f)),
                ("found", &quote(&f.found)),
                ("allowed", &alternatives(&quoted)),
            ],
        );
        // Another word for an allowed value is the best suggestion.
        let lower = f.found.trim().to_lowercase();
        let suggestions = match synonyms.iter().find(|(word, _)| *word == lower) {
            Some((_, value)) => vec![value.to_string()],
            None => nearest(&f.found, allowed),
        };
        out.push(out.severity, f.path.clone(), None, message, suggestions);
    }
}

pub const UNKNOWN_FIELD: Rule = Rule {
    id: "schema.unknown-field",
    group: Group::Shape,
    applies: Applies::ALL,
    summary: "A field the format does not define (perhaps a misspelt one).",
    source: "enhance-qa document format",
    settings: &[Setting::number("max_distance", 2.0)],
    check: unknown_field,
};

fn unknown_field(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let limit = out.num(&["max_distance"]).max(0.0) as usize;
    // The known names of the last object, prepared once for all its unknown fields.
    let mut prepared: Option<(&[&str], similar::Candidates<'_>)> = None;
    for f in each(cx, Issue::UnknownField) {
        if f.expected == Expected::LearnerData {
            let message = out.message(
                "schema.unknown-field.learner",
                &[("field", &quote(&f.found))],
            );
            out.emit(f.path.clone(), message);
            continue;
        }
        let Expected::FieldOf(known) = f.expected else {
            continue;
        };
        if !prepared
            .as_ref()
            .is_some_and(|(names, _)| std::ptr::eq(*names, known))
        {
            prepared = Some((known, similar::Candidates::new(known)));
        }
        let Some((_, candidates)) = &prepared else {
            continue;
        };
        let best: Vec<String> = candidates
            .closest(&f.found, limit)
            .into_iter()
            .take(1)
            .map(str::to_string)
            .collect();
        let message = match best.first() {
            Some(b) => out.message(
                "schema.unknown-field.suggest",
                &[("field", &quote(&f.found)), ("suggestion", b)],
            ),
            None => out.message("schema.unknown-field", &[("field", &quote(&f.found))]),
        };
        out.push(out.severity, f.path.clone(), None, message, best);
    }
}

pub const KIND: Rule = Rule {
    id: "schema.kind",
    group: Group::Shape,
    applies: Applies::ALL,
    summary: "`kind` is missing or not `course`, `programme`, `bip` or `micro-credential`; nothing else is checked.",
    source: "enhance-qa document format",
    settings: &[],
    check: kind,
};

/// The kinds nearest to `found` once case, `-`, `_` and spaces are set
/// aside (`"BIP"` → `bip`, `"Micro_Credential"` → `micro-credential`).
fn closest_kinds(found: &str, kinds: &[&str]) -> Vec<String> {
    let plain = |s: &str| s.to_lowercase().replace(['-', '_', ' '], "");
    let found = plain(found);
    let scored: Vec<(usize, &str)> = kinds
        .iter()
        .map(|k| (similar::distance(&found, &plain(k), 64), *k))
        .collect();
    let best = scored.iter().map(|(d, _)| *d).min().unwrap_or(0);
    scored
        .into_iter()
        .filter(|(d, _)| *d == best)
        .map(|(_, k)| k.to_string())
        .collect()
}

fn kind(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for f in each(cx, Issue::Kind) {
        let Expected::OneOf(allowed) = f.expected else {
            continue;
        };
        let (message, suggestions) = if f.found.is_empty() {
            (
                out.message("schema.kind.missing", &[]),
                allowed.iter().map(|k| k.to_string()).collect(),
            )
        } else {
            (
                out.message("schema.kind", &[("found", &quote(&f.found))]),
                closest_kinds(&f.found, allowed),
            )
        };
        out.push(out.severity, f.path.clone(), None, message, suggestions);
    }
}

pub const DUPLICATE_KEY: Rule = Rule {
    id: "schema.duplicate-key",
    group: Group::Shape,
    applies: Applies::ALL,
    summary: "An object gives the same key twice; the last value counts, as `JSON.parse` reads it.",
    source: "RFC 8259, §4 (the names within an object should be unique); ECMA-262 `JSON.parse`",
    settings: &[],
    check: duplicate_key,
};

fn duplicate_key(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for f in each(cx, Issue::DuplicateKey) {
        let key = f.path.rsplit('/').next().unwrap_or_default();
        let key = quote(&key.replace("~1", "/").replace("~0", "~"));
        let message = out.message("schema.duplicate-key", &[("field", &key)]);
        out.emit(f.path.clone(), message);
    }
}

pub const LIMIT: Rule = Rule {
    id: "schema.limit",
    group: Group::Shape,
    applies: Applies::ALL,
    summary: "A value past the profile's reading limits (document size, text or list length, nesting, number range) was not read.",
    source: "enhance-qa reading limits (a form's checker must never stall)",
    settings: &[
        Setting::number("max_document_size", 20_000_000.0),
        Setting::number("max_text_length", 100_000.0),
        Setting::number("max_list_length", 100_000.0),
        Setting::number("max_depth", 64.0),
        Setting::number("max_number", 1e15),
    ],
    check: limit,
};

fn limit(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for f in each(cx, Issue::Limit) {
        let Expected::Limit(kind) = f.expected else {
            continue;
        };
        let (key, setting) = match kind {
            Limit::Size => ("schema.limit.size", "max_document_size"),
            Limit::Text => ("schema.limit.text", "max_text_length"),
            Limit::Key => ("schema.limit.key", "max_text_length"),
            Limit::List => ("schema.limit.list", "max_list_length"),
            Limit::Depth => ("schema.limit.depth", "max_depth"),
            Limit::Number => ("schema.limit.number", "max_number"),
        };
        let max = number(out.num(&[setting]));
        let length = number(f.number);
        let message = out.message(
            key,
            &[
                ("max", &max),
                ("length", &length),
                ("field", &field_name(f)),
            ],
        );
        out.emit(f.path.clone(), message);
    }
}
