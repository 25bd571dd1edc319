//! The settings a rule declares (thresholds and extra severities, with their
//! types and defaults), and their values read from a profile when a checker
//! is built: a profile that lacks or mistypes one is refused then, naming it.

use super::Rule;
use crate::json::Value;
use crate::report::Severity;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SettingType {
    Number,
    /// `"error"`, `"warning"`, `"info"` or `"off"`.
    Severity,
    /// A list of codes (text), such as ISO 3166-1 country codes.
    Codes,
}

/// A setting's default: a number, a severity's name (`off` included), or a
/// list of codes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SettingDefault {
    Number(f64),
    Severity(&'static str),
    Codes(&'static [&'static str]),
}

impl Serialize for SettingDefault {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            // Whole numbers as people write them (`30`, not `30.0`).
            SettingDefault::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                s.serialize_i64(n as i64)
            }
            SettingDefault::Number(n) => s.serialize_f64(n),
            SettingDefault::Severity(name) => s.serialize_str(name),
            SettingDefault::Codes(codes) => s.collect_seq(codes.iter()),
        }
    }
}

impl std::fmt::Display for SettingDefault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SettingDefault::Number(n) => f.write_str(&crate::messages::number(*n)),
            SettingDefault::Severity(name) => write!(f, "\"{name}\""),
            SettingDefault::Codes(codes) => write!(f, "[{}]", codes.join(", ")),
        }
    }
}

/// One setting of a rule: its key in the rule's profile entry (`/` between
/// the keys of nested objects, as in `course/max`) and its default.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    pub key: &'static str,
    pub default: SettingDefault,
}

impl Setting {
    pub const fn number(key: &'static str, default: f64) -> Setting {
        Setting {
            key,
            default: SettingDefault::Number(default),
        }
    }

    pub const fn severity(key: &'static str, default: &'static str) -> Setting {
        Setting {
            key,
            default: SettingDefault::Severity(default),
        }
    }

    pub const fn codes(key: &'static str, default: &'static [&'static str]) -> Setting {
        Setting {
            key,
            default: SettingDefault::Codes(default),
        }
    }

    pub fn kind(&self) -> SettingType {
        match self.default {
            SettingDefault::Number(_) => SettingType::Number,
            SettingDefault::Severity(_) => SettingType::Severity,
            SettingDefault::Codes(_) => SettingType::Codes,
        }
    }

    pub fn info(&self) -> SettingInfo {
        SettingInfo {
            key: self.key,
            kind: self.kind(),
            default: self.default,
        }
    }

    /// Whether the key is `path` joined by `/` (read at every check: no
    /// splitting, a comparison of the parts in place).
    fn matches(&self, path: &[&str]) -> bool {
        // Most keys are told apart by their length, without comparing bytes.
        let length = path.iter().map(|p| p.len() + 1).sum::<usize>();
        if self.key.len() + 1 != length {
            return false;
        }
        let mut rest = self.key;
        for (i, part) in path.iter().enumerate() {
            if i > 0 {
                let Some(after) = rest.strip_prefix('/') else {
                    return false;
                };
                rest = after;
            }
            match rest.strip_prefix(part) {
                Some(after) if !part.contains('/') => rest = after,
                _ => return false,
            }
        }
        !path.is_empty() && rest.is_empty()
    }
}

/// A setting as listings show it.
#[derive(Debug, Clone, Serialize)]
pub struct SettingInfo {
    pub key: &'static str,
    #[serde(rename = "type")]
    pub kind: SettingType,
    pub default: SettingDefault,
}

#[derive(Clone)]
enum Resolved {
    Number(f64),
    /// `None` for `off`.
    Severity(Option<Severity>),
    Codes(Vec<String>),
}

/// A rule's settings as a profile sets them, each checked against its declaration.
pub struct Settings {
    rule: &'static Rule,
    values: Vec<Resolved>,
}

impl Settings {
    /// Reads `rule`'s declared settings from its profile entry; an error names
    /// the key (`rules/ID/key: …`) that is missing, mistyped or not declared.
    pub fn read(rule: &'static Rule, entry: &Value<'_>) -> Result<Settings, String> {
        let at = |key: &str| format!("rules/{}/{key}", rule.id);
        let mut values = Vec::with_capacity(rule.settings.len());
        for s in rule.settings {
            let mut value = Some(entry);
            for k in s.key.split('/') {
                value = value.and_then(|v| v.get(k));
            }
            let resolved = match (s.default, value) {
                (_, None) => {
                    return Err(format!(
                        "{}: missing; the rule needs {} here (default {})",
                        at(s.key),
                        describe(s.kind()),
                        s.default
                    ))
                }
                (SettingDefault::Number(_), Some(Value::Number(n))) => Resolved::Number(*n),
                (SettingDefault::Codes(_), Some(Value::Array(items))) => {
                    let codes: Option<Vec<String>> = items
                        .iter()
                        .map(|v| v.as_str().map(str::to_string))
                        .collect();
                    match codes {
                        Some(codes) => Resolved::Codes(codes),
                        None => {
                            return Err(format!(
                                "{}: must be a list of codes (text), such as [\"DE\", \"FR\"]",
                                at(s.key)
                            ))
                        }
                    }
                }
                (SettingDefault::Severity(_), Some(Value::String(text))) if text == "off" => {
                    Resolved::Severity(None)
                }
                (SettingDefault::Severity(_), Some(Value::String(text))) => {
                    match Severity::parse(text) {
                        Some(severity) => Resolved::Severity(Some(severity)),
                        None => {
                            return Err(format!(
                                "{}: \"{text}\" is not a severity; use \"error\", \"warning\", \"info\" or \"off\"",
                                at(s.key)
                            ))
                        }
                    }
                }
                (_, Some(other)) => {
                    return Err(format!(
                        "{}: must be {}, not {}",
                        at(s.key),
                        describe(s.kind()),
                        other.type_name()
                    ))
                }
            };
            values.push(resolved);
        }
        let mut path = Vec::new();
        undeclared(rule, entry, &mut path)
            .map_err(|key| format!("{}: not a setting of {}", at(&key), rule.id))?;
        Ok(Settings { rule, values })
    }

    fn find(&self, path: &[&str]) -> Option<&Resolved> {
        let i = self.rule.settings.iter().position(|s| s.matches(path))?;
        self.values.get(i)
    }

    /// A number setting the rule declares. Reading one it does not declare is
    /// a mistake in the rule, not in the profile: it stops the check loudly.
    pub fn num(&self, path: &[&str]) -> f64 {
        match self.find(path) {
            Some(Resolved::Number(n)) => *n,
            _ => panic!(
                "{} reads \"{}\", which it does not declare as a number",
                self.rule.id,
                path.join("/")
            ),
        }
    }

    /// A number setting under a key that depends on the document (a degree,
    /// a language, a level): `None` where the rule declares none for it.
    pub fn num_for(&self, path: &[&str]) -> Option<f64> {
        match self.find(path) {
            Some(Resolved::Number(n)) => Some(*n),
            _ => None,
        }
    }

    /// A list of codes the rule declares.
    pub fn codes(&self, key: &str) -> &[String] {
        match self.find(&[key]) {
            Some(Resolved::Codes(codes)) => codes,
            _ => panic!(
                "{} reads \"{key}\", which it does not declare as codes",
                self.rule.id
            ),
        }
    }

    /// A severity setting the rule declares; `None` when it is `off`.
    pub fn severity(&self, key: &str) -> Option<Severity> {
        match self.find(&[key]) {
            Some(Resolved::Severity(s)) => *s,
            _ => panic!(
                "{} reads \"{key}\", which it does not declare as a severity",
                self.rule.id
            ),
        }
    }
}

fn describe(kind: SettingType) -> &'static str {
    match kind {
        SettingType::Number => "a number",
        SettingType::Severity => "a severity",
        SettingType::Codes => "a list of codes",
    }
}

/// The first value in a rule's profile entry that the rule does not
/// declare (its own `severity` aside), as a key path.
fn undeclared(rule: &Rule, entry: &Value<'_>, path: &mut Vec<String>) -> Result<(), String> {
    for (key, value) in entry.as_object().unwrap_or(&[]) {
        path.push(key.to_string());
        let top_severity = path.len() == 1 && key == "severity";
        match value {
            Value::Object(_) => undeclared(rule, value, path)?,
            _ if top_severity => {}
            _ => {
                let keys: Vec<&str> = path.iter().map(String::as_str).collect();
                if !rule.settings.iter().any(|s| s.matches(&keys)) {
                    return Err(path.join("/"));
                }
            }
        }
        path.pop();
    }
    Ok(())
}
