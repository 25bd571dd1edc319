//! Each rule explained, for `enhance-qa explain` and a page's help: what it
//! checks, why (beside its source), how to fix a finding, a document on which
//! it fires and one on which it stays silent (both run by the tests), and its
//! settings. The texts are data, one file per locale, compiled in.

use super::{Rule, SettingInfo};
use crate::json::{self, Value};
use serde::Serialize;

const CATALOGUES: &[(&str, &str)] = &[("en", include_str!("../../data/explain/en.json"))];

#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    /// What the rule checks, in a few sentences.
    pub checks: String,
    /// Why it matters: what the standard in the rule's `source` asks.
    pub why: String,
    /// How to fix a finding.
    pub fix: String,
    /// Examples, each a document as JSON text (an array of documents for the
    /// rules across documents).
    pub fires: String,
    pub silent: String,
    pub settings: Vec<SettingInfo>,
}

/// The explanations of `rules`, in their order, in English; an error names
/// the rule or key that the compiled-in data lacks.
pub fn explain(rules: &[&'static Rule]) -> Result<Vec<Explanation>, String> {
    let text = CATALOGUES
        .iter()
        .find(|(l, _)| *l == "en")
        .map(|(_, t)| *t)
        .ok_or("no English explanations")?;
    let root = json::parse(text).map_err(|e| format!("explanations: {e}"))?;
    let entries = root.as_object().ok_or("explanations: not an object")?;
    if let Some((id, _)) = entries
        .iter()
        .find(|(id, _)| !rules.iter().any(|r| r.id == id))
    {
        return Err(format!("explanations: \"{id}\" is not a rule"));
    }
    rules
        .iter()
        .map(|rule| {
            let entry = root
                .get(rule.id)
                .ok_or_else(|| format!("explanations: \"{}\" is missing", rule.id))?;
            let text = |key: &str| -> Result<String, String> {
                match entry.get(key) {
                    Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.to_string()),
                    _ => Err(format!("explanations/{}/{key}: must be text", rule.id)),
                }
            };
            Ok(Explanation {
                checks: text("checks")?,
                why: text("why")?,
                fix: text("fix")?,
                fires: text("fires")?,
                silent: text("silent")?,
                settings: rule.settings.iter().map(|s| s.info()).collect(),
            })
        })
        .collect()
}
