//! Messages in the alliance's languages: every catalogue complete and true
//! to the English one, every report written wholly in the locale asked for,
//! the locale named however it is written, and English, said so, for one
//! there is no catalogue of.

mod support;

use enhance_qa::{Checker, Messages, Profile};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;
use support::{example, set};

const LOCALES: [&str; 8] = ["en", "de", "pl", "it", "sv", "nb", "nn", "es"];

/// The `{name}`s of a template, in order of first use.
fn params(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        if !out.contains(&name) {
            out.push(name);
        }
        rest = &rest[open + close + 1..];
    }
    out.sort_unstable();
    out
}

/// Texts a catalogue may share with English: marks, codes and words the
/// languages have in common (each checked by a person, see TERMS.md).
const SAME_AS_ENGLISH: &[(&str, &str)] = &[
    ("pl", "locale.quote-close"),
    ("sv", "locale.quote-close"),
    ("it", "count.files.one"),
    ("es", "severity.error"),
    ("es", "count.errors.one"),
    // The names JavaScript and JSON give these values.
    ("de", "type.null"),
    ("pl", "type.null"),
    ("it", "type.null"),
    ("sv", "type.null"),
    ("nb", "type.null"),
    ("nn", "type.null"),
    ("es", "type.null"),
    ("de", "type.undefined"),
    ("pl", "type.undefined"),
    ("it", "type.undefined"),
    ("sv", "type.undefined"),
    ("nb", "type.undefined"),
    ("nn", "type.undefined"),
    ("es", "type.undefined"),
    ("pl", "type.symbol"),
    ("sv", "type.text"),
    // "BIP", the Erasmus+ acronym every language uses for a blended intensive programme.
    ("de", "kind.bip"),
    ("pl", "kind.bip"),
    ("it", "kind.bip"),
    ("sv", "kind.bip"),
    ("nb", "kind.bip"),
    ("nn", "kind.bip"),
    ("es", "kind.bip"),
];

#[test]
fn every_catalogue_has_every_english_key_with_its_parameters() {
    let english = Messages::catalogue("en");
    assert!(english.len() > 150);
    let rule_ids: Vec<&str> = enhance_qa::rules().map(|r| r.id).collect();
    for locale in LOCALES.iter().filter(|l| **l != "en") {
        let catalogue = Messages::catalogue(locale);
        for (key, template) in &english {
            let Some((_, own)) = catalogue.iter().find(|(k, _)| k == key) else {
                panic!("{locale}.json lacks \"{key}\"");
            };
            assert_eq!(
                params(own),
                params(template),
                "{locale}.json \"{key}\": parameters"
            );
            let allowed = SAME_AS_ENGLISH.contains(&(*locale, key.as_str()))
                || own.chars().all(|c| !c.is_alphabetic());
            assert!(
                own != template || allowed || key.starts_with("locale.decimal"),
                "{locale}.json \"{key}\" is the English text"
            );
        }
        for (key, own) in &catalogue {
            if english.iter().any(|(k, _)| k == key) {
                continue;
            }
            // Beyond English's keys: rule summaries, and plural forms English has not.
            let summary = key
                .strip_prefix("summary.")
                .is_some_and(|id| rule_ids.contains(&id));
            let plural = key.starts_with("count.")
                && (key.ends_with(".few") || key.ends_with(".many"))
                && own.contains("{n}");
            assert!(
                summary || plural,
                "{locale}.json has \"{key}\", which nothing uses"
            );
        }
        for id in &rule_ids {
            assert!(
                catalogue.iter().any(|(k, _)| *k == format!("summary.{id}")),
                "{locale}.json lacks the summary of {id}"
            );
        }
    }
}

/// Every document the fixtures hold, for reports with every kind of message.
fn fixture_documents() -> Vec<support::CaseDocument> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules");
    let mut docs = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap_or_else(|e| panic!("{e}")).path())
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
        let fixture: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        for case in fixture["cases"].as_array().into_iter().flatten() {
            let doc = support::case_document(&fixture, case)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            docs.push(doc);
        }
    }
    assert!(docs.len() > 300, "{} fixture documents", docs.len());
    docs
}

#[test]
fn every_fixture_report_is_written_wholly_in_every_locale() {
    let docs = fixture_documents();
    for locale in LOCALES {
        let checker = Checker::with_locale(Profile::built_in(), locale);
        for doc in &docs {
            let report = match doc {
                support::CaseDocument::Value(doc) => checker.check(doc),
                support::CaseDocument::Text(text) => checker
                    .check_str(text)
                    .unwrap_or_else(|e| panic!("{e}: {text}")),
            };
            assert_eq!(report.locale, locale);
            for d in &report.diagnostics {
                let leftover = d.message.contains('{')
                    || d.message.contains('}')
                    || d.message
                        .chars()
                        .any(|c| ('\u{e000}'..='\u{e002}').contains(&c));
                assert!(!leftover, "{locale} {}: {}", d.rule, d.message);
                assert!(!d.message.trim().is_empty(), "{locale} {}", d.rule);
            }
        }
    }
}

#[test]
fn a_locale_is_read_however_it_is_written() {
    for asked in ["de", "de-DE", "DE", "de_AT", " de "] {
        assert_eq!(Messages::resolve(asked), Some("de"), "{asked}");
        assert_eq!(
            Checker::with_locale(Profile::built_in(), asked).locale(),
            "de"
        );
    }
    assert_eq!(Messages::resolve("no"), Some("nb"));
    assert_eq!(Messages::resolve("nn-NO"), Some("nn"));
    for asked in ["fr", "", "x-klingon", "english"] {
        assert_eq!(Messages::resolve(asked), None, "{asked}");
        assert_eq!(
            Checker::with_locale(Profile::built_in(), asked).locale(),
            "en"
        );
    }
}

#[test]
fn numbers_quotes_and_lists_follow_the_locale() {
    let mut doc = example("course-en-chalmers.json");
    set(&mut doc, "/ects", json!(7.5)).unwrap_or_else(|e| panic!("{e}"));
    set(
        &mut doc,
        "/activities",
        json!([{"type": "lecture", "hours": 93}]),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    set(&mut doc, "/delivery", json!("hybrid")).unwrap_or_else(|e| panic!("{e}"));
    let message = |locale: &str, rule: &str| {
        let report = Checker::with_locale(Profile::built_in(), locale).check(&doc);
        report
            .diagnostics
            .iter()
            .find(|d| d.rule == rule)
            .map(|d| d.message.clone())
            .unwrap_or_else(|| panic!("{locale}: no {rule}"))
    };
    let en = message("en", "workload.hours-per-credit");
    assert!(en.contains("7.5") && en.contains("187.5"), "{en}");
    let de = message("de", "workload.hours-per-credit");
    assert!(
        de.contains("7,5") && de.contains("187,5") && !de.contains("7.5"),
        "{de}"
    );
    let enum_de = message("de", "schema.enum");
    assert!(
        enum_de.contains("„hybrid“") && enum_de.contains(" oder "),
        "{enum_de}"
    );
    let enum_es = message("es", "schema.enum");
    assert!(
        enum_es.contains("«hybrid»") && enum_es.contains(" o "),
        "{enum_es}"
    );
    // The suggestions stay values of the document, not of the locale.
    let report = Checker::with_locale(Profile::built_in(), "de").check(&doc);
    let enum_d = report.diagnostics.iter().find(|d| d.rule == "schema.enum");
    assert!(enum_d.is_some_and(|d| d.suggestions.iter().all(|s| !s.contains('„'))));
}

#[test]
fn text_that_is_not_json_is_explained_in_the_locale() {
    let checker = Checker::with_locale(Profile::built_in(), "de");
    let Err(e) = checker.check_str("{\"kind\": \"course\",, }") else {
        panic!("parsed");
    };
    let german = checker.messages().parse_error(&e);
    assert!(german.contains('1') && german.contains("19"), "{german}");
    assert_ne!(german, e.to_string());
    assert_eq!(
        e.to_string(),
        "invalid JSON at line 1, column 19: a member name in double quotes was expected"
    );
}

#[test]
fn counts_take_the_plural_forms_of_each_language() {
    let pl = Messages::new("pl");
    let forms: Vec<String> = [1.0, 3.0, 5.0, 22.0, 25.0]
        .iter()
        .map(|n| pl.count("errors", *n))
        .collect();
    assert_ne!(forms[1], forms[2].replace('5', "3"), "{forms:?}");
    assert_eq!(forms[1].replace('3', "22"), forms[3], "{forms:?}");
    assert_eq!(forms[2].replace('5', "25"), forms[4], "{forms:?}");
    let en = Messages::new("en");
    assert_eq!(en.count("errors", 1.0), "1 error");
    assert_eq!(en.count("errors", 2.0), "2 errors");
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_enhance-qa"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_command_speaks_the_locale_and_says_when_it_cannot() {
    let de = run(&["check", "--locale", "de-DE", "tests/demo/course-draft.json"]);
    let out = String::from_utf8_lossy(&de.stdout);
    assert!(out.contains("geprüft"), "{out}");
    assert!(
        de.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&de.stderr)
    );

    let fr = run(&["check", "--locale", "fr", "tests/demo/course-draft.json"]);
    let err = String::from_utf8_lossy(&fr.stderr);
    assert!(err.contains("fr") && err.contains("English"), "{err}");
    assert!(
        String::from_utf8_lossy(&fr.stdout).contains("documents checked")
            || String::from_utf8_lossy(&fr.stdout).contains("document checked")
    );

    let sarif = run(&[
        "check",
        "--locale",
        "sv",
        "--format",
        "sarif",
        "tests/demo/course-draft.json",
    ]);
    let log: Value = serde_json::from_slice(&sarif.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(log["runs"][0]["language"], "sv");
    let english = Checker::default()
        .check_str(&std::fs::read_to_string("tests/demo/course-draft.json").unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    let swedish = Checker::with_locale(Profile::built_in(), "sv")
        .check_str(&std::fs::read_to_string("tests/demo/course-draft.json").unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    let first = &log["runs"][0]["results"][0]["message"]["text"];
    assert!(swedish
        .diagnostics
        .iter()
        .any(|d| *first == d.message.as_str()));
    assert!(english
        .diagnostics
        .iter()
        .all(|d| *first != d.message.as_str()));

    let rules = run(&["rules", "--locale", "pl", "--format", "json"]);
    let listed: Value = serde_json::from_slice(&rules.stdout).unwrap_or_else(|e| panic!("{e}"));
    let pl = Messages::new("pl");
    let first = &listed[0];
    let id = first["id"].as_str().unwrap_or_default();
    let english_summary = enhance_qa::rule(id).map(|r| r.summary).unwrap_or_default();
    assert_eq!(first["summary"], pl.summary(id, english_summary));
    assert_ne!(first["summary"], english_summary);
}
