//! The checker: a profile prepared once, then any number of documents checked.

use crate::codes::Codes;
use crate::document;
use crate::json::{self, ParseError, Value};
use crate::lexicon::Languages;
use crate::messages::Messages;
use crate::profile::Profile;
use crate::registry::{self, Context, Out, Rule};
use crate::report::{Report, Severity};

/// A rule the profile has switched on, with its severity and settings.
struct Active {
    rule: &'static Rule,
    severity: Severity,
    settings: Value<'static>,
}

pub struct Checker {
    profile: Profile,
    active: Vec<Active>,
    languages: Languages,
    codes: Codes,
    messages: Messages,
}

impl Default for Checker {
    fn default() -> Self {
        Checker::new(Profile::built_in())
    }
}

impl Checker {
    /// Prepares the rules, lexicons and look-ups of a profile, in English.
    pub fn new(profile: Profile) -> Checker {
        Checker::with_locale(profile, "en")
    }

    /// Prepares a checker whose messages are in `locale` (English where the
    /// locale has no catalogue).
    pub fn with_locale(profile: Profile, locale: &str) -> Checker {
        let active = registry::rules()
            .filter_map(|rule| {
                let severity = profile.severity(rule.id)?;
                let settings = profile.rule(rule.id)?.clone();
                Some(Active {
                    rule,
                    severity,
                    settings,
                })
            })
            .collect();
        Checker {
            languages: Languages::new(&profile.lexicons),
            codes: Codes::default(),
            messages: Messages::new(locale),
            active,
            profile,
        }
    }

    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    pub fn locale(&self) -> &str {
        self.messages.locale()
    }

    /// Checks a document given as a `serde_json::Value`.
    pub fn check(&self, value: &serde_json::Value) -> Report {
        self.check_value(&Value::from_serde(value))
    }

    /// Checks a document given as JSON text; text that is not JSON is an error
    /// with its line and column.
    pub fn check_str(&self, text: &str) -> Result<Report, ParseError> {
        Ok(self.check_value(&json::parse(text)?))
    }

    /// Checks a document given as a [`json::Value`].
    pub fn check_value(&self, value: &Value<'_>) -> Report {
        let (doc, findings) = document::read(value);
        let cx = Context::new(&doc, &findings, &self.profile, &self.codes, &self.languages);
        let mut diagnostics = Vec::new();
        for a in &self.active {
            if !registry::applies(a.rule, doc.kind) {
                continue;
            }
            let mut out = Out {
                rule: a.rule.id,
                severity: a.severity,
                settings: &a.settings,
                messages: &self.messages,
                diagnostics: &mut diagnostics,
            };
            (a.rule.check)(&cx, &mut out);
        }
        Report::new(
            self.profile.id.clone(),
            doc.kind.map(|k| k.as_str()),
            diagnostics,
            document::field_order(doc.kind),
        )
    }
}
