//! Every rule, one file per group named by its id prefix, each rule's
//! metadata beside its function. This list drives the checker, the CLI's
//! `rules` and `explain`, and the page's help.

pub mod assessment;
pub mod bip;
pub mod catalogue;
pub mod joint;
pub mod lo;
pub mod meta;
pub mod microcredential;
pub mod programme;
pub mod schema;
pub mod society;
pub mod text;
pub mod workload;

use crate::profile::Profile;
use crate::rule::{explain, Rule, RuleInfo};

/// Every rule, in the order of rules.md.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    [
        schema::RULES,
        meta::RULES,
        workload::RULES,
        lo::RULES,
        assessment::RULES,
        text::RULES,
        programme::RULES,
        joint::RULES,
        society::RULES,
        catalogue::RULES,
        bip::RULES,
        microcredential::RULES,
    ]
    .into_iter()
    .flatten()
}

pub fn rule(id: &str) -> Option<&'static Rule> {
    rules().find(|r| r.id == id)
}

/// Every rule's metadata and explanation, with the severities of `profile`.
pub fn infos(profile: &Profile) -> Vec<RuleInfo> {
    let all: Vec<&'static Rule> = rules().collect();
    // The explanations are compiled in and checked by the tests.
    let explained = explain(&all).unwrap_or_else(|e| panic!("{e}"));
    all.into_iter()
        .zip(explained)
        .map(|(r, explain)| RuleInfo {
            id: r.id,
            severity: profile.severity(r.id),
            group: r.group,
            applies: r.applies,
            summary: r.summary,
            source: r.source,
            explain,
        })
        .collect()
}

/// The rule ids nearest to `id` by edit distance, nearest first: for "did you mean".
pub fn similar_rules(id: &str) -> Vec<&'static str> {
    let ids: Vec<&'static str> = rules().map(|r| r.id).collect();
    crate::analysis::similar::closest(id, &ids, 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checker::Checker;
    use crate::json::{self, Value};
    use crate::messages;
    use crate::rule::{Group, SettingDefault, Settings};

    /// The rule files, by the id prefix they hold.
    const SOURCES: &[(&str, &str)] = &[
        ("schema", include_str!("schema.rs")),
        ("meta", include_str!("meta.rs")),
        ("workload", include_str!("workload.rs")),
        ("lo", include_str!("lo.rs")),
        ("assessment", include_str!("assessment.rs")),
        ("text", include_str!("text.rs")),
        ("programme", include_str!("programme.rs")),
        ("joint", include_str!("joint.rs")),
        ("society", include_str!("society.rs")),
        ("catalogue", include_str!("catalogue.rs")),
        ("bip", include_str!("bip.rs")),
        ("microcredential", include_str!("microcredential.rs")),
    ];

    #[test]
    fn each_file_holds_the_rules_of_its_prefix_in_one_group() {
        let lists: [(&str, &[Rule]); 12] = [
            ("schema", schema::RULES),
            ("meta", meta::RULES),
            ("workload", workload::RULES),
            ("lo", lo::RULES),
            ("assessment", assessment::RULES),
            ("text", text::RULES),
            ("programme", programme::RULES),
            ("joint", joint::RULES),
            ("society", society::RULES),
            ("catalogue", catalogue::RULES),
            ("bip", bip::RULES),
            ("microcredential", microcredential::RULES),
        ];
        for (prefix, list) in lists {
            let groups: Vec<Group> = list.iter().map(|r| r.group).collect();
            assert!(groups.windows(2).all(|w| w[0] == w[1]), "{prefix}");
            for r in list {
                assert_eq!(r.id.split_once('.').map(|(p, _)| p), Some(prefix));
            }
        }
    }

    #[test]
    fn the_built_in_profile_sets_every_rule_at_its_declared_defaults() {
        let profile = Profile::built_in();
        assert_eq!(profile.id, "enhance-2026");
        assert_eq!(profile.lexicons.len(), 8);
        assert_eq!(profile.institutions.len(), 7);
        assert_eq!(profile.rule_ids().count(), rules().count());
        for rule in rules() {
            let entry = profile
                .rule(rule.id)
                .unwrap_or_else(|| panic!("{}", rule.id));
            assert!(Settings::read(rule, entry).is_ok(), "{}", rule.id);
            for s in rule.settings {
                let mut value = Some(entry);
                for k in s.key.split('/') {
                    value = value.and_then(|v| v.get(k));
                }
                let same = match (value, s.default) {
                    (Some(Value::Number(n)), SettingDefault::Number(d)) => *n == d,
                    (Some(Value::String(t)), SettingDefault::Severity(d)) => t == d,
                    (Some(Value::Array(items)), SettingDefault::Codes(d)) => items
                        .iter()
                        .map(Value::as_str)
                        .eq(d.iter().map(|c| Some(*c))),
                    _ => false,
                };
                assert!(
                    same,
                    "{}/{}: {value:?} in the profile, {} declared",
                    rule.id, s.key, s.default
                );
            }
        }
        assert!(Checker::build(profile, "en").is_ok());
    }

    #[test]
    fn a_profile_that_lacks_a_rule_or_setting_is_refused_naming_it() {
        let err = |p: Profile| Checker::build(p, "en").err().map(|e| e.message);
        assert_eq!(
            err(Profile::built_in().without("lo.count", None)).as_deref(),
            Some("rules/lo.count: missing from the profile")
        );
        assert_eq!(
            err(Profile::built_in().without("workload.hours-per-credit", Some("max"))).as_deref(),
            Some("rules/workload.hours-per-credit/max: missing; the rule needs a number here (default 30)")
        );
        assert_eq!(
            err(Profile::built_in().without("meta.email", Some("severity"))).as_deref(),
            Some("rules/meta.email/severity: missing; use \"error\", \"warning\", \"info\" or \"off\"")
        );
    }

    #[test]
    fn a_mistyped_or_undeclared_setting_is_refused_naming_it() {
        let read = |id: &str, text: &str| {
            let entry = json::parse(text).unwrap_or_else(|e| panic!("{e}"));
            let rule = rule(id).unwrap_or_else(|| panic!("{id}"));
            Settings::read(rule, &entry).err()
        };
        assert_eq!(
            read("lo.count", r#"{"severity": "warning", "course": {"min": "3", "max": 8}, "programme": {"min": 5, "max": 15}}"#).as_deref(),
            Some("rules/lo.count/course/min: must be a number, not a string")
        );
        assert_eq!(
            read("programme.duration", r#"{"per_semester": 30, "max_semesters": 40, "invalid_severity": "loud"}"#).as_deref(),
            Some("rules/programme.duration/invalid_severity: \"loud\" is not a severity; use \"error\", \"warning\", \"info\" or \"off\"")
        );
        assert_eq!(
            read("meta.email", r#"{"severity": "error", "max": 3}"#).as_deref(),
            Some("rules/meta.email/max: not a setting of meta.email")
        );
    }

    /// The strings of a rule file that read as message keys of its group.
    fn keys_in(prefix: &str, source: &str) -> Vec<String> {
        source
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| {
                s.split_once('.')
                    .is_some_and(|(p, rest)| (p == prefix || p == "bloom") && !rest.is_empty())
            })
            .filter(|s| {
                s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-._".contains(&b))
            })
            .map(str::to_string)
            .collect()
    }

    /// Keys of the texts around the rules' messages: the locale's
    /// conventions, names of severities, kinds, groups and counts, the
    /// command's and the form helper's texts, JSON syntax errors.
    const SHELL: &[&str] = &[
        "locale", "severity", "kind", "group", "applies", "count", "cli", "json", "form", "type",
        "language",
    ];

    fn is_shell_key(key: &str) -> bool {
        key.split_once('.').is_some_and(|(p, _)| SHELL.contains(&p))
    }

    #[test]
    fn every_text_around_the_messages_is_used_and_exists() {
        let keys = messages::english_keys();
        // Keys made from names: each name's key must exist, and nothing else.
        let mut named: Vec<String> = Vec::new();
        named.extend(["error", "warning", "info", "off"].map(|s| format!("severity.{s}")));
        named.extend(
            ["course", "programme", "bip", "micro-credential", "document"]
                .map(|s| format!("kind.{s}")),
        );
        named.extend(
            ["course", "programme", "bip", "micro-credential", "all"]
                .map(|s| format!("applies.{s}")),
        );
        named.extend(rules().map(|r| format!("group.{}", r.group.as_str())));
        named.extend(
            Profile::built_in()
                .lexicons
                .iter()
                .map(|l| format!("language.{l}")),
        );
        for noun in ["documents", "errors", "warnings", "infos", "files", "rules"] {
            named.extend(["one", "other"].map(|c| format!("count.{noun}.{c}")));
        }
        for key in &named {
            assert!(keys.contains(key), "en.json lacks \"{key}\"");
        }
        // Keys written out in the sources: each must be there.
        let sources = [
            include_str!("../messages.rs"),
            include_str!("../json/parse.rs"),
            include_str!("../json/mod.rs"),
            include_str!("../document/reader.rs"),
            include_str!("../checker.rs"),
            include_str!("../../js/tape.js"),
            include_str!("../bin/enhance-qa/main.rs"),
            include_str!("../bin/enhance-qa/human.rs"),
            include_str!("../bin/enhance-qa/sarif.rs"),
            include_str!("../wasm/mod.rs"),
        ]
        .concat();
        for key in keys
            .iter()
            .filter(|k| is_shell_key(k) && !named.contains(k))
        {
            assert!(
                sources.contains(&format!("\"{key}\"")),
                "en.json has \"{key}\", which nothing uses"
            );
        }
    }

    #[test]
    fn every_message_key_used_exists_and_every_key_belongs_to_a_rule() {
        let keys = messages::english_keys();
        assert!(
            keys.len() > 90,
            "the English catalogue reads as {} keys",
            keys.len()
        );
        let mut used: Vec<String> = Vec::new();
        for (prefix, source) in SOURCES {
            for key in keys_in(prefix, source) {
                // Rule ids are keys too; an id also names settings and sources.
                let known = keys.contains(&key) || rules().any(|r| r.id == key);
                assert!(
                    known,
                    "{prefix}.rs uses the message key \"{key}\", which is not in en.json"
                );
                used.push(key);
            }
        }
        // `lo.level-too-low` names Bloom's levels by number (`bloom.1` … `bloom.6`).
        used.extend((1..=6).map(|n| format!("bloom.{n}")));
        // The words around the rules' messages are checked by the next test.
        for key in keys.iter().filter(|k| !is_shell_key(k)) {
            let rule_id = rules().any(|r| r.id == key);
            assert!(
                rule_id || used.contains(key),
                "en.json has \"{key}\", which no rule uses"
            );
        }
    }
}
