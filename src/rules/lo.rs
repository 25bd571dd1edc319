//! Learning-outcome rules (`lo.*`) and the reading of an outcome they share.
//!
//! How an outcome is read (markers, labels, openers, its verbs) is in
//! `analysis::outcome`; these rules judge what the reading found.

use crate::analysis::outcome::{Outcome, VerbFinding};
use crate::document::Kind;
use crate::messages::{alternatives, number, quote};
use crate::pointer::{pointer, Seg};
use crate::report::Span;
use crate::rule::{Applies, Context, Group, Out, Rule, Setting};
use std::collections::HashMap;

pub const RULES: &[Rule] = &[
    COUNT,
    VAGUE_VERB,
    NO_ACTION_VERB,
    TEACHER_CENTRED,
    MULTIPLE_VERBS,
    TOO_SHORT,
    TOO_LONG,
    DUPLICATE,
    REPEATED_STEM,
    LEVEL_TOO_LOW,
    LANGUAGE_UNSUPPORTED,
];

fn outcome_path(o: &Outcome<'_>) -> String {
    pointer(&[Seg::F("learning_outcomes"), Seg::I(o.index)])
}

fn verb_rules_apply(cx: &Context<'_, '_>) -> bool {
    cx.lexicon.is_some()
}

pub const COUNT: Rule = Rule {
    id: "lo.count",
    group: Group::Outcomes,
    applies: Applies::ALL,
    summary: "Too few or too many learning outcomes (course, BIP and micro-credential 3–8, programme 5–15).",
    source: "ECTS Users' Guide 2015, §3.3 and Annex 5",
    settings: &[
        Setting::number("course/min", 3.0),
        Setting::number("course/max", 8.0),
        Setting::number("programme/min", 5.0),
        Setting::number("programme/max", 15.0),
        Setting::number("bip/min", 3.0),
        Setting::number("bip/max", 8.0),
        Setting::number("micro-credential/min", 3.0),
        Setting::number("micro-credential/max", 8.0),
    ],
    check: count,
};

fn count(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    if cx.doc.learning_outcomes.is_none() {
        return;
    }
    let kind = cx.kind().map_or("course", Kind::as_str);
    let (min, max) = (out.num(&[kind, "min"]), out.num(&[kind, "max"]));
    let n = cx.doc.outcome_count as f64;
    let key = if n < min {
        "lo.count.few"
    } else if n > max {
        "lo.count.many"
    } else {
        return;
    };
    let message = out.message(
        key,
        &[
            ("count", &number(n)),
            ("min", &number(min)),
            ("max", &number(max)),
            ("kind", &out.message(&format!("kind.{kind}"), &[])),
        ],
    );
    out.emit("/learning_outcomes".into(), message);
}

pub const VAGUE_VERB: Rule = Rule {
    id: "lo.vague-verb",
    group: Group::Outcomes,
    applies: Applies::ALL,
    summary: "The outcome's verb (know, understand, …) cannot be observed or assessed.",
    source: "ECTS Users' Guide 2015, §3.3; Bloom (Anderson & Krathwohl 2001)",
    settings: &[],
    check: vague_verb,
};

fn vague_verb(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for o in cx.outcomes() {
        let Some(VerbFinding::Vague {
            start,
            end,
            suggest,
        }) = &o.read().finding
        else {
            continue;
        };
        let verb = o.text.get(*start..*end).unwrap_or_default();
        let examples: Vec<String> = suggest.iter().take(2).map(|s| quote(s)).collect();
        let examples: Vec<&str> = examples.iter().map(String::as_str).collect();
        let message = out.message(
            "lo.vague-verb",
            &[
                ("verb", &quote(verb)),
                ("examples", &alternatives(&examples)),
            ],
        );
        let span = Span::from_bytes(o.text, *start, *end);
        out.push(
            out.severity,
            outcome_path(o),
            Some(span),
            message,
            suggest.clone(),
        );
    }
}

pub const NO_ACTION_VERB: Rule = Rule {
    id: "lo.no-action-verb",
    group: Group::Outcomes,
    applies: Applies::ALL,
    summary: "No observable action verb where the outcome's statement should have it.",
    source: "ECTS Users' Guide 2015, §3.3; Bloom (Anderson & Krathwohl 2001)",
    settings: &[],
    check: no_action_verb,
};

fn no_action_verb(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    // Examples and suggestions in the document's own language.
    let verbs = cx.lexicon.map_or(&[][..], |l| l.examples.as_slice());
    let quoted: Vec<String> = verbs.iter().map(|v| quote(v)).collect();
    let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
    for o in cx.outcomes() {
        // A placeholder ("TBD") has its own diagnostic.
        let Some(VerbFinding::NoActionVerb { first_word }) = &o.read().finding else {
            continue;
        };
        if o.placeholder {
            continue;
        }
        let message = out.message("lo.no-action-verb", &[("examples", &alternatives(&quoted))]);
        let span = first_word.map(|(s, e)| Span::from_bytes(o.text, s, e));
        out.push(out.severity, outcome_path(o), span, message, verbs.to_vec());
    }
}

pub const TEACHER_CENTRED: Rule = Rule {
    id: "lo.teacher-centred",
    group: Group::Outcomes,
    applies: Applies::ALL,
    summary: "The outcome describes the teaching, not what the student can do.",
    source: "ECTS Users' Guide 2015, §3.3 (outcomes are about the learner)",
    settings: &[],
    check: teacher_centred,
};

fn teacher_centred(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for o in cx.outcomes() {
        let Some(VerbFinding::TeacherCentred { start, end }) = o.read().finding else {
            continue;
        };
        let phrase = o.text.get(start..end).unwrap_or_default();
        let message = out.message("lo.teacher-centred", &[("phrase", &quote(phrase))]);
        out.emit_span(
            outcome_path(o),
            Span::from_bytes(o.text, start, end),
            message,
        );
    }
}

pub const MULTIPLE_VERBS: Rule = Rule {
    id: "lo.multiple-verbs",
    group: Group::Outcomes,
    applies: Applies::ALL,
    summary: "Three or more action verbs coordinated in one outcome: split it.",
    source: "ECTS Users' Guide 2015, §3.3 (one outcome, one assessable statement)",
    settings: &[Setting::number("min", 3.0)],
    check: multiple_verbs,
};

fn multiple_verbs(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let min = out.num(&["min"]);
    for o in cx.outcomes() {
        let (Some((start, end)), true) = (o.read().verbs, o.read().coordinated as f64 >= min)
        else {
            continue;
        };
        let message = out.message(
            "lo.multiple-verbs",
            &[("count", &o.read().coordinated.to_string())],
        );
        out.emit_span(
            outcome_path(o),
            Span::from_bytes(o.text, start, end),
            message,
        );
    }
}

pub const TOO_SHORT: Rule = Rule {
    id: "lo.too-short",
    group: Group::Outcomes,
    applies: Applies::ALL,
    summary: "Fewer than 5 words after the stem: the outcome names no object or context.",
    source: "ECTS Users' Guide 2015, §3.3 (verb, object, context)",
    settings: &[Setting::number("min_words", 5.0)],
    check: too_short,
};

fn too_short(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let min = out.num(&["min_words"]);
    for o in cx.outcomes() {
        if o.read().words_after_stem as f64 >= min || o.placeholder {
            continue;
        }
        let message = out.message(
            "lo.too-short",
            &[
                ("count", &o.read().words_after_stem.to_string()),
                ("min", &number(min)),
            ],
        );
        out.emit(outcome_path(o), message);
    }
}

pub const TOO_LONG: Rule = Rule {
    id: "lo.too-long",
    group: Group::Outcomes,
    applies: Applies::ALL,
    summary: "More than 40 words after the stem.",
    source: "ECTS Users' Guide 2015, §3.3",
    settings: &[Setting::number("max_words", 40.0)],
    check: too_long,
};

fn too_long(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let max = out.num(&["max_words"]);
    for o in cx.outcomes() {
        if o.read().words_after_stem as f64 <= max || o.placeholder {
            continue;
        }
        let message = out.message(
            "lo.too-long",
            &[
                ("count", &o.read().words_after_stem.to_string()),
                ("max", &number(max)),
            ],
        );
        out.emit(outcome_path(o), message);
    }
}

pub const DUPLICATE: Rule = Rule {
    id: "lo.duplicate",
    group: Group::Outcomes,
    applies: Applies::ALL,
    summary: "Two outcomes say the same once marker, stem, case and punctuation are set aside.",
    source: "ECTS Users' Guide 2015, §3.3",
    settings: &[],
    check: duplicate,
};

fn duplicate(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    // Each statement once, by its word count and normalised text: the first
    // outcome that says it, found in one look-up, not by comparing pairs.
    let mut first: HashMap<(usize, &str), usize> = HashMap::with_capacity(cx.outcomes().len());
    for o in cx.outcomes() {
        let Some(normalised) = o.normalised() else {
            continue;
        };
        let key = (o.read().words_after_stem, normalised);
        let earlier = *first.entry(key).or_insert(o.index);
        if earlier == o.index {
            continue;
        }
        let message = out.message("lo.duplicate", &[("number", &(earlier + 1).to_string())]);
        out.emit(outcome_path(o), message);
    }
}

pub const REPEATED_STEM: Rule = Rule {
    id: "lo.repeated-stem",
    group: Group::Outcomes,
    applies: Applies::ALL,
    summary: "Every outcome repeats the same stem: state it once as the list's heading.",
    source: "ECTS Users' Guide 2015, Annex 5 (writing outcomes)",
    settings: &[],
    check: repeated_stem,
};

fn repeated_stem(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let all = cx.outcomes();
    let stem = |o: &Outcome<'_>| o.read().stem.map(|(s, e)| o.text[s..e].to_lowercase());
    let Some(first) = all.first().and_then(stem) else {
        return;
    };
    if all.len() < 2 || !all.iter().all(|o| stem(o).as_ref() == Some(&first)) {
        return;
    }
    let message = out.message("lo.repeated-stem", &[("stem", &quote(&first))]);
    out.emit("/learning_outcomes".into(), message);
}

pub const LEVEL_TOO_LOW: Rule = Rule {
    id: "lo.level-too-low",
    group: Group::Outcomes,
    applies: Applies::ALL,
    summary: "The highest Bloom level of the outcomes is below what the EQF level expects.",
    source:
        "EQF level descriptors; Dublin descriptors (QF-EHEA); Bloom (Anderson & Krathwohl 2001)",
    settings: &[
        Setting::number("expected/5", 3.0),
        Setting::number("expected/6", 3.0),
        Setting::number("expected/7", 4.0),
        Setting::number("expected/8", 5.0),
    ],
    check: level_too_low,
};

fn level_too_low(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(eqf) = cx
        .doc
        .eqf_level
        .filter(|l| l.fract() == 0.0 && (1.0..=99.0).contains(l))
    else {
        return;
    };
    // A level the profile expects nothing of is not checked.
    let Some(expected) = out.num_for(&["expected", &number(eqf)]) else {
        return;
    };
    let Some(highest) = cx.outcomes().iter().filter_map(|o| o.read().level).max() else {
        return;
    };
    if f64::from(highest) >= expected {
        return;
    }
    let name = |level: f64| out.message(&format!("bloom.{}", number(level)), &[]);
    let message = out.message(
        "lo.level-too-low",
        &[
            ("highest", &name(f64::from(highest))),
            ("highest_level", &highest.to_string()),
            ("eqf", &number(eqf)),
            ("expected", &name(expected)),
            ("expected_level", &number(expected)),
        ],
    );
    out.emit("/learning_outcomes".into(), message);
}

pub const LANGUAGE_UNSUPPORTED: Rule = Rule {
    id: "lo.language-unsupported",
    group: Group::Outcomes,
    applies: Applies::ALL,
    summary: "No lexicon for the document's language, so the verb rules were skipped.",
    source: "enhance-qa lexicons",
    settings: &[],
    check: language_unsupported,
};

fn language_unsupported(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(language) = cx.doc.language else {
        return;
    };
    if verb_rules_apply(cx) || !cx.codes.is_language(language) {
        return;
    }
    let names: Vec<&str> = cx.languages.list.iter().map(|l| l.code).collect();
    let message = out.message(
        "lo.language-unsupported",
        &[
            ("language", &quote(language)),
            ("supported", &names.join(", ")),
        ],
    );
    out.emit("/language".into(), message);
}
