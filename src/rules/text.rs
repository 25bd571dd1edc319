//! Text rules (`text.*`): placeholders, length, readability, language and
//! capitals in the document's free texts.

use crate::analysis::lexicon::{Lexicon, Readability};
use crate::analysis::reading::TextStats;
use crate::analysis::words;
use crate::messages::{number, quote};
use crate::report::Span;
use crate::rule::{Applies, Context, Group, Out, Rule, Setting};

pub const RULES: &[Rule] = &[
    PLACEHOLDER,
    SUMMARY_LENGTH,
    READABILITY,
    LANGUAGE_MISMATCH,
    SHOUTING,
];

pub const PLACEHOLDER: Rule = Rule {
    id: "text.placeholder",
    group: Group::Texts,
    applies: Applies::ALL,
    summary: "A text is or holds a placeholder (TBD, TODO, \"to be defined\", \"???\", …).",
    source: "ECTS Users' Guide 2015, §7.1 (complete, published information)",
    settings: &[],
    check: placeholders,
};

fn placeholders(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for t in &cx.texts().texts {
        let Some((start, end)) = t.reading.placeholder else {
            continue;
        };
        let found = t.text.get(start..end).unwrap_or_default();
        let message = out.message("text.placeholder", &[("placeholder", &quote(found))]);
        out.emit_span(
            t.field.path(),
            Span::from_bytes(t.text, start, end),
            message,
        );
    }
}

pub const SUMMARY_LENGTH: Rule = Rule {
    id: "text.summary-length",
    group: Group::Texts,
    applies: Applies::ALL,
    summary: "The summary is under 50 words (warning) or over 600 words (info).",
    source: "ECTS Users' Guide 2015, §7.1 (course content)",
    settings: &[
        Setting::number("min_words", 50.0),
        Setting::number("max_words", 600.0),
        Setting::severity("long_severity", "info"),
    ],
    check: summary_length,
};

fn summary_length(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(summary) = cx
        .texts()
        .summary()
        .filter(|t| t.reading.placeholder.is_none())
    else {
        return;
    };
    let count = summary.reading.words as f64;
    let (min, max) = (out.num(&["min_words"]), out.num(&["max_words"]));
    let (key, severity) = if count < min {
        ("text.summary-length.short", Some(out.severity))
    } else if count > max {
        (
            "text.summary-length.long",
            out.severity_setting("long_severity")
                .map(|s| s.max(out.severity)),
        )
    } else {
        return;
    };
    let Some(severity) = severity else { return };
    let message = out.message(
        key,
        &[
            ("count", &number(count)),
            ("min", &number(min)),
            ("max", &number(max)),
        ],
    );
    out.push(severity, "/summary".into(), None, message, Vec::new());
}

/// The index value, and whether it is below (`true`) the threshold that marks
/// a very hard text.
fn readability(s: &TextStats, lex: Option<&Lexicon>, out: &Out<'_>) -> Option<(f64, bool)> {
    if s.words == 0.0 {
        return None;
    }
    match lex.map_or(Readability::Lix, |l| l.readability) {
        Readability::Flesch { a, b, c } => {
            let min = out.num_for(&["flesch_min", &lex?.language]);
            let score = a - b * s.words / s.sentences - c * s.syllables / s.words;
            min.map(|min| (score, score < min))
        }
        Readability::Gulpease => {
            let score = 89.0 + (300.0 * s.sentences - 10.0 * s.letters) / s.words;
            Some((score, score < out.num(&["gulpease_min"])))
        }
        Readability::Lix => {
            let score = s.words / s.sentences + 100.0 * s.long_words / s.words;
            Some((score, score > out.num(&["lix_max"])))
        }
    }
}

pub const READABILITY: Rule = Rule {
    id: "text.readability",
    group: Group::Texts,
    applies: Applies::ALL,
    summary: "The summary is very hard to read by its language's own index (Flesch, Flesch–Amstad, INFLESZ, Gulpease, LIX).",
    source: "Flesch (1948); Amstad (1978); Szigriszt-Pazos (1993); Gulpease (1988); Björnsson LIX (1968)",
    settings: &[
        Setting::number("min_words", 30.0),
        Setting::number("flesch_min/en", 10.0),
        Setting::number("flesch_min/de", 10.0),
        Setting::number("flesch_min/es", 30.0),
        Setting::number("gulpease_min", 35.0),
        Setting::number("lix_max", 60.0),
    ],
    check: readability_rule,
};

fn readability_rule(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    // A language without a lexicon is read by LIX, which needs none.
    let lex = cx.lexicon;
    let Some(summary) = cx.texts().summary() else {
        return;
    };
    let Some(s) = summary
        .reading
        .stats
        .filter(|_| summary.reading.placeholder.is_none())
    else {
        return;
    };
    if s.words < out.num(&["min_words"]) {
        return;
    }
    let Some((score, hard)) = readability(&s, lex, out) else {
        return;
    };
    if !hard {
        return;
    }
    let (key, name) = match lex {
        Some(l) if l.readability != Readability::Lix => {
            ("text.readability", l.readability_name.as_str())
        }
        Some(l) => ("text.readability.lix", l.readability_name.as_str()),
        None => ("text.readability.lix", "LIX"),
    };
    let per_sentence = number(s.words / s.sentences);
    let message = out.message(
        key,
        &[
            ("index", name),
            ("score", &number(score)),
            ("words_per_sentence", &per_sentence),
        ],
    );
    out.emit("/summary".into(), message);
}

pub const LANGUAGE_MISMATCH: Rule = Rule {
    id: "text.language-mismatch",
    group: Group::Texts,
    applies: Applies::ALL,
    summary: "A text of 30+ words looks written in another alliance language than `language`.",
    source: "ECTS Users' Guide 2015, §7.1 (language of instruction and of the description)",
    settings: &[
        Setting::number("min_words", 30.0),
        Setting::number("min_share", 10.0),
        Setting::number("ratio", 2.0),
        // A language without a lexicon shares stop words with ours ("de",
        // "la"): another language must then fill a larger share of the text.
        Setting::number("min_share_unread", 30.0),
    ],
    check: language_mismatch,
};

fn language_mismatch(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    // Read as English when `language` is missing, as the lexicon is.
    let declared = cx.doc.language.unwrap_or("en");
    // A language without a lexicon has no stop words: the best language must
    // then stand out from the runner-up instead.
    let own = cx.lexicon.and_then(|l| cx.languages.position(&l.language));
    let (min_words, ratio) = (out.num(&["min_words"]), out.num(&["ratio"]));
    let min_share = if own.is_some() {
        out.num(&["min_share"])
    } else {
        out.num(&["min_share_unread"])
    };
    for t in &cx.texts().texts {
        if !t.field.is_read_for_language() {
            continue;
        }
        let (hits, count) = (&t.reading.hits, t.reading.words);
        if (count as f64) < min_words {
            continue;
        }
        let Some((best, &top)) = hits
            .iter()
            .enumerate()
            .max_by_key(|&(i, h)| (*h, std::cmp::Reverse(i)))
        else {
            continue;
        };
        let rival = match own {
            Some(own) => hits.get(own).copied().unwrap_or(0),
            None => hits
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != best)
                .map(|(_, &h)| h)
                .max()
                .unwrap_or(0),
        };
        let looks_other = Some(best) != own
            && f64::from(top) >= min_share / 100.0 * count as f64
            && f64::from(top) >= ratio * f64::from(rival);
        if !looks_other {
            continue;
        }
        let Some(other) = cx.languages.list.get(best) else {
            continue;
        };
        let message = out.message(
            "text.language-mismatch",
            &[
                (
                    "looks",
                    &out.message(&format!("language.{}", other.code), &[]),
                ),
                ("declared", &quote(declared)),
                ("code", other.code),
            ],
        );
        out.push(
            out.severity,
            t.field.path(),
            None,
            message,
            vec![other.code.to_string()],
        );
    }
}

pub const SHOUTING: Rule = Rule {
    id: "text.shouting",
    group: Group::Texts,
    applies: Applies::ALL,
    summary: "A text of three or more words written in capitals.",
    source: "Web Content Accessibility Guidelines 2.2 (readable text)",
    settings: &[Setting::number("min_words", 3.0)],
    check: shouting,
};

fn shouting(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let min = out.num(&["min_words"]);
    for t in &cx.texts().texts {
        if t.field.is_title_or_name() || t.reading.placeholder.is_some() {
            continue;
        }
        if (t.reading.words as f64) < min || !words::is_capitals(t.text) {
            continue;
        }
        let message = out.message("text.shouting", &[]);
        out.emit(t.field.path(), message);
    }
}
