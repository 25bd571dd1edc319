//! The criteria profile: every rule's severity and thresholds, the alliance's
//! institutions and the lexicons in use. The alliance baseline `enhance-2026`
//! is a data file compiled in; a user profile `extends` it and may override
//! any setting or turn a rule `off`. The baseline is also the schema of a
//! profile: a key it does not have is an error.

use crate::analysis::similar;
use crate::json::{self, Value};
use crate::report::Severity;
use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

const BUILT_IN: &str = include_str!("../data/profiles/enhance-2026.json");

/// A profile that cannot be used, with the key at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileError {
    pub message: String,
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ProfileError {}

fn fail<T>(message: String) -> Result<T, ProfileError> {
    Err(ProfileError { message })
}

#[derive(Debug, Clone)]
pub struct Institution {
    pub id: String,
    pub name: String,
    pub country: String,
    /// The Erasmus code it holds with its Erasmus Charter for Higher Education.
    pub erasmus_code: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Profile {
    pub id: String,
    pub name: String,
    /// Language codes whose lexicons the checker uses.
    pub lexicons: Vec<String>,
    pub institutions: Vec<Institution>,
    /// Each rule's settings by id: `severity` (or `off`) and its thresholds.
    rules: Vec<(String, Value<'static>)>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile::built_in()
    }
}

impl Profile {
    /// The alliance baseline `enhance-2026`.
    pub fn built_in() -> Profile {
        // Read once and copied: every checker starts from it.
        static BUILT_IN: OnceLock<Profile> = OnceLock::new();
        BUILT_IN
            .get_or_init(|| {
                // The baseline is compiled in and read by every test.
                Profile::from_tree(&built_in_tree()).unwrap_or_else(|e| panic!("{e}"))
            })
            .clone()
    }

    /// A user profile, as JSON text, applied over the baseline.
    pub fn from_json(text: &str) -> Result<Profile, ProfileError> {
        let overrides = json::parse(text).map_err(|e| ProfileError {
            message: format!("the profile is not valid JSON: {e}"),
        })?;
        Profile::extend(&overrides)
    }

    /// A user profile, as a JSON tree, applied over the baseline.
    pub fn extend(overrides: &Value<'_>) -> Result<Profile, ProfileError> {
        let members = match overrides {
            Value::Object(m) => m,
            other => {
                return fail(format!(
                    "a profile must be a JSON object, not {}",
                    other.type_name()
                ))
            }
        };
        let mut merged = built_in_tree();
        for (key, value) in members {
            match key.as_ref() {
                "extends" => match value.as_str() {
                    Some("enhance-2026") => {}
                    Some(other) => {
                        return fail(format!(
                            "extends: unknown base profile \"{other}\"; the built-in profile is \"enhance-2026\""
                        ))
                    }
                    None => return fail("extends: must be the string \"enhance-2026\"".into()),
                },
                "id" | "name" => {
                    let Some(s) = value.as_str() else {
                        return fail(format!("{key}: must be a string"));
                    };
                    set_member(&mut merged, key, Value::String(Cow::Owned(s.to_string())));
                }
                "lexicons" => {
                    let Some(items) = value.as_array() else {
                        return fail("lexicons: must be a list of language codes".into());
                    };
                    let base = built_in_tree();
                    let known: Vec<&str> = base
                        .get("lexicons")
                        .and_then(Value::as_array)
                        .unwrap_or(&[])
                        .iter()
                        .filter_map(Value::as_str)
                        .collect();
                    for (i, item) in items.iter().enumerate() {
                        match item.as_str() {
                            Some(code) if known.contains(&code) => {}
                            Some(code) => {
                                return fail(format!(
                                    "lexicons/{i}: no lexicon for \"{code}\" (there are: {})",
                                    known.join(", ")
                                ))
                            }
                            None => return fail(format!("lexicons/{i}: must be a language code")),
                        }
                    }
                    set_member(&mut merged, "lexicons", value.clone().into_owned());
                }
                "institutions" => merge_institutions(&mut merged, value)?,
                "rules" => merge_rules(&mut merged, value)?,
                other => {
                    let keys = ["extends", "id", "name", "lexicons", "institutions", "rules"];
                    return fail(unknown_key("", other, &keys));
                }
            }
        }
        Profile::from_tree(&merged)
    }

    fn from_tree(tree: &Value<'static>) -> Result<Profile, ProfileError> {
        let text = |key: &str| {
            tree.get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        let lexicons = tree
            .get("lexicons")
            .and_then(Value::as_array)
            .unwrap_or(&[])
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        let institutions = tree
            .get("institutions")
            .and_then(Value::as_object)
            .unwrap_or(&[])
            .iter()
            .map(|(id, v)| Institution {
                id: id.to_string(),
                name: v
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                country: v
                    .get("country")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                erasmus_code: v
                    .get("erasmus_code")
                    .and_then(Value::as_str)
                    .map(str::to_string),
            })
            .collect();
        let rules = tree
            .get("rules")
            .and_then(Value::as_object)
            .unwrap_or(&[])
            .iter()
            .map(|(id, v)| (id.to_string(), v.clone()))
            .collect();
        Ok(Profile {
            id: text("id"),
            name: text("name"),
            lexicons,
            institutions,
            rules,
        })
    }

    /// The settings of one rule, or `None` when the profile does not list it.
    pub fn rule(&self, id: &str) -> Option<&Value<'static>> {
        self.rules.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }

    /// The severity a rule runs at, or `None` when it is `off`.
    pub fn severity(&self, id: &str) -> Option<Severity> {
        self.rule(id)
            .and_then(|r| r.get("severity"))
            .and_then(Value::as_str)
            .and_then(Severity::parse)
    }

    pub fn institution(&self, id: &str) -> Option<&Institution> {
        self.institutions.iter().find(|i| i.id == id)
    }

    /// This profile without one rule's entry, or one of its settings (`key`):
    /// what a profile that lacks it looks like to a checker.
    #[cfg(test)]
    pub(crate) fn without(mut self, id: &str, key: Option<&str>) -> Profile {
        match key {
            None => self.rules.retain(|(k, _)| k != id),
            Some(key) => {
                if let Some((_, Value::Object(members))) =
                    self.rules.iter_mut().find(|(k, _)| k == id)
                {
                    members.retain(|(k, _)| k != key);
                }
            }
        }
        self
    }

    /// The ids of the rules the profile lists, in its order.
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|(k, _)| k.as_str())
    }
}

fn built_in_tree() -> Value<'static> {
    static TREE: OnceLock<Value<'static>> = OnceLock::new();
    TREE.get_or_init(|| {
        // Compiled in and read by every test: text that is not JSON cannot ship.
        json::parse(BUILT_IN)
            .map(Value::into_owned)
            .unwrap_or_else(|e| panic!("data/profiles/enhance-2026.json: {e}"))
    })
    .clone()
}

fn set_member(tree: &mut Value<'static>, key: &str, value: Value<'static>) {
    if let Value::Object(members) = tree {
        match members.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => members.push((Cow::Owned(key.to_string()), value)),
        }
    }
}

fn member_mut<'t>(tree: &'t mut Value<'static>, key: &str) -> Option<&'t mut Value<'static>> {
    match tree {
        Value::Object(members) => members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

fn unknown_key(at: &str, key: &str, known: &[&str]) -> String {
    let mut message = format!("{at}{key}: unknown key");
    if let Some(best) = similar::closest(key, known, 3).first() {
        message.push_str(&format!(" (did you mean \"{best}\"?)"));
    }
    message
}

fn merge_institutions(merged: &mut Value<'static>, value: &Value<'_>) -> Result<(), ProfileError> {
    let Some(entries) = value.as_object() else {
        return fail(
            "institutions: must be an object of {\"ID\": {\"name\": …, \"country\": …, \"erasmus_code\": …}}".into(),
        );
    };
    let Some(Value::Object(target)) = member_mut(merged, "institutions") else {
        return Ok(());
    };
    for (id, entry) in entries {
        let country = entry.get("country").and_then(Value::as_str);
        let valid_country =
            country.is_some_and(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()));
        if !valid_country {
            return fail(format!(
                "institutions/{id}/country: must be an ISO 3166-1 alpha-2 code such as \"DE\""
            ));
        }
        const KEYS: [&str; 3] = ["name", "country", "erasmus_code"];
        if let Some((key, _)) = entry
            .as_object()
            .unwrap_or(&[])
            .iter()
            .find(|(k, _)| !KEYS.contains(&k.as_ref()))
        {
            return fail(unknown_key(&format!("institutions/{id}/"), key, &KEYS));
        }
        if entry
            .get("erasmus_code")
            .is_some_and(|c| c.as_str().is_none_or(|c| c.trim().is_empty()))
        {
            return fail(format!(
                "institutions/{id}/erasmus_code: must be the institution's Erasmus code, such as \"D BERLIN02\""
            ));
        }
        let owned = entry.clone().into_owned();
        match target.iter_mut().find(|(k, _)| k == id) {
            Some(slot) => slot.1 = owned,
            None => target.push((Cow::Owned(id.to_string()), owned)),
        }
    }
    Ok(())
}

fn merge_rules(merged: &mut Value<'static>, value: &Value<'_>) -> Result<(), ProfileError> {
    let Some(entries) = value.as_object() else {
        return fail("rules: must be an object keyed by rule id".into());
    };
    let Some(Value::Object(target)) = member_mut(merged, "rules") else {
        return Ok(());
    };
    let ids: Vec<String> = target.iter().map(|(k, _)| k.to_string()).collect();
    for (id, setting) in entries {
        let Some((_, base)) = target.iter_mut().find(|(k, _)| k == id) else {
            let known: Vec<&str> = ids.iter().map(String::as_str).collect();
            return fail(unknown_key("rules/", id, &known).replace("unknown key", "unknown rule"));
        };
        match setting {
            // `"lo.count": "off"` or `"lo.count": "info"`: the severity alone.
            Value::String(s) => {
                let severity = Value::Object(vec![(Cow::Borrowed("severity"), Value::String(s.clone()))]);
                merge_settings(base, &severity, &format!("rules/{id}/"))?
            }
            Value::Object(_) => merge_settings(base, setting, &format!("rules/{id}/"))?,
            other => {
                return fail(format!(
                    "rules/{id}: must be a severity (\"error\", \"warning\", \"info\", \"off\") or an object of settings, not {}",
                    other.type_name()
                ))
            }
        }
    }
    Ok(())
}

/// Overrides settings key by key; each must exist in the baseline with the same type.
fn merge_settings(
    base: &mut Value<'static>,
    over: &Value<'_>,
    at: &str,
) -> Result<(), ProfileError> {
    for (key, value) in over.as_object().unwrap_or(&[]) {
        let known: Vec<String> = base
            .as_object()
            .unwrap_or(&[])
            .iter()
            .map(|(k, _)| k.to_string())
            .collect();
        let Some(slot) = member_mut(base, key) else {
            let known: Vec<&str> = known.iter().map(String::as_str).collect();
            return fail(unknown_key(at, key, &known));
        };
        let here = format!("{at}{key}");
        match (&*slot, value) {
            (Value::String(_), Value::String(s)) if key.ends_with("severity") => {
                set_severity(slot, &here, s)?
            }
            (Value::Number(_), Value::Number(n)) if n.is_finite() => *slot = Value::Number(*n),
            // A list of codes is replaced as a whole.
            (Value::Array(_), Value::Array(items)) => {
                if items.iter().any(|v| v.as_str().is_none()) {
                    return fail(format!("{here}: must be a list of codes (text)"));
                }
                *slot = value.clone().into_owned();
            }
            (Value::Object(_), Value::Object(_)) => {
                merge_settings(slot, value, &format!("{here}/"))?
            }
            (expected, got) => {
                return fail(format!(
                    "{here}: must be {}, not {}",
                    expected.type_name(),
                    got.type_name()
                ))
            }
        }
    }
    Ok(())
}

fn set_severity(slot: &mut Value<'static>, at: &str, s: &str) -> Result<(), ProfileError> {
    if s != "off" && Severity::parse(s).is_none() {
        return fail(format!(
            "{at}: \"{s}\" is not a severity; use \"error\", \"warning\", \"info\" or \"off\""
        ));
    }
    *slot = Value::String(Cow::Owned(s.to_string()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_profile_lists_rules_and_institutions() {
        let p = Profile::built_in();
        assert_eq!(p.id, "enhance-2026");
        assert_eq!(
            p.institution("NTNU").map(|i| i.country.as_str()),
            Some("NO")
        );
        assert_eq!(p.severity("lo.count"), Some(Severity::Warning));
    }

    #[test]
    fn overrides_thresholds_and_turns_rules_off() {
        let p = Profile::from_json(
            r#"{"extends": "enhance-2026", "id": "tub", "rules": {"lo.count": {"course": {"max": 10}}, "text.readability": "off", "meta.title-length": {"severity": "info"}}}"#,
        );
        let p = p.unwrap_or_default();
        assert_eq!(p.id, "tub");
        let max = p
            .rule("lo.count")
            .and_then(|r| r.get("course"))
            .and_then(|c| c.get("max"));
        assert_eq!(max, Some(&Value::Number(10.0)));
        assert_eq!(p.severity("text.readability"), None);
        assert_eq!(p.severity("meta.title-length"), Some(Severity::Info));
    }

    #[test]
    fn names_the_bad_key() {
        let err = |t: &str| {
            Profile::from_json(t)
                .err()
                .map(|e| e.message)
                .unwrap_or_default()
        };
        assert_eq!(
            err(r#"{"rules": {"lo.cont": "off"}}"#),
            "rules/lo.cont: unknown rule (did you mean \"lo.count\"?)"
        );
        assert_eq!(
            err(r#"{"rules": {"lo.count": {"course": {"maxx": 3}}}}"#),
            "rules/lo.count/course/maxx: unknown key (did you mean \"max\"?)"
        );
        assert_eq!(err(r#"{"rules": {"lo.count": {"severity": "loud"}}}"#), "rules/lo.count/severity: \"loud\" is not a severity; use \"error\", \"warning\", \"info\" or \"off\"");
        assert_eq!(
            err(r#"{"rules": {"workload.hours-per-credit": {"min": "25"}}}"#),
            "rules/workload.hours-per-credit/min: must be a number, not a string"
        );
        assert_eq!(
            err(r#"{"extends": "other"}"#),
            "extends: unknown base profile \"other\"; the built-in profile is \"enhance-2026\""
        );
        assert_eq!(
            err(r#"{"rulez": {}}"#),
            "rulez: unknown key (did you mean \"rules\"?)"
        );
    }
}
