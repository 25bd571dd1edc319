//! Profiles as a partner university might write them (every rule, its
//! severity and settings, institutions, lexicons) or any text at all: each is
//! refused with a message, or builds a checker that checks the examples.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use enhance_qa::{Checker, Profile};
use enhance_qa_fuzz::{any_json, assert_consistent, Text};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

const EXAMPLES: &[&str] = &[
    include_str!("../../tests/examples/course-en-chalmers.json"),
    include_str!("../../tests/examples/programme-joint-master.json"),
];
const SEVERITIES: &[&str] = &["error", "warning", "info", "off", "loud", ""];
const LEXICONS: &[&str] = &["en", "de", "pl", "it", "nb", "nn", "sv", "es", "fr"];

/// Sets `value` at nested `keys` (`course/max`).
fn insert(map: &mut Map<String, Value>, keys: &[&str], value: Value) {
    match keys {
        [] => {}
        [last] => {
            map.insert((*last).to_string(), value);
        }
        [first, rest @ ..] => {
            let next = map
                .entry(*first)
                .or_insert_with(|| Value::Object(Map::new()));
            if !next.is_object() {
                *next = Value::Object(Map::new());
            }
            if let Value::Object(inner) = next {
                insert(inner, rest, value);
            }
        }
    }
}

/// A profile's JSON text, shaped as profiles are.
fn shaped(u: &mut Unstructured<'_>) -> arbitrary::Result<String> {
    let rules: Vec<&enhance_qa::Rule> = enhance_qa::rules().collect();
    let mut entries = Map::new();
    for _ in 0..u.int_in_range(0..=6)? {
        let rule = u.choose(&rules)?;
        let setting = if u.ratio(1, 3)? {
            Value::from(*u.choose(SEVERITIES)?)
        } else {
            let mut settings = Map::new();
            if u.ratio(1, 2)? {
                settings.insert("severity".into(), Value::from(*u.choose(SEVERITIES)?));
            }
            for s in rule.settings {
                if !u.ratio(1, 2)? {
                    continue;
                }
                // Nested keys (`course/max`) as nested objects.
                let value = match u.int_in_range(0..=3)? {
                    0 => Value::from(i64::arbitrary(u)?),
                    1 => Value::from(f64::arbitrary(u)?),
                    2 => Value::from(*u.choose(SEVERITIES)?),
                    _ => any_json(u, 1)?,
                };
                let keys: Vec<&str> = s.key.split('/').collect();
                insert(&mut settings, &keys, value);
            }
            Value::Object(settings)
        };
        entries.insert(rule.id.into(), setting);
    }
    let mut profile = Map::new();
    profile.insert("extends".into(), Value::from("enhance-2026"));
    profile.insert("rules".into(), Value::Object(entries));
    if u.ratio(1, 3)? {
        let list: Vec<Value> = (0..u.int_in_range(0..=3)?)
            .map(|_| u.choose(LEXICONS).map(|l| Value::from(*l)))
            .collect::<arbitrary::Result<_>>()?;
        profile.insert("lexicons".into(), Value::Array(list));
    }
    if u.ratio(1, 3)? {
        let mut institutions = Map::new();
        let id = Text::arbitrary(u)?.0;
        let entry =
            serde_json::json!({"name": Text::arbitrary(u)?.0, "country": Text::arbitrary(u)?.0});
        institutions.insert(id, entry);
        profile.insert("institutions".into(), Value::Object(institutions));
    }
    if u.ratio(1, 4)? {
        profile.insert(Text::arbitrary(u)?.0, any_json(u, 1)?);
    }
    Ok(Value::Object(profile).to_string())
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let text = match u.ratio(1, 4) {
        Ok(true) => String::from_utf8_lossy(u.take_rest()).into_owned(),
        _ => match shaped(&mut u) {
            Ok(text) => text,
            Err(_) => return,
        },
    };
    let Ok(profile) = Profile::from_json(&text) else {
        return;
    };
    let Ok(checker) = Checker::build(profile, "de") else {
        return;
    };
    for example in EXAMPLES {
        match checker.check_str(example) {
            Ok(report) => assert_consistent(&report),
            Err(e) => panic!("an example is not JSON: {e}"),
        }
    }
});
