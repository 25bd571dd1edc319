//! The checker: a profile prepared once, then any number of documents checked.

use crate::codes::Codes;
use crate::document::{self, Document, Expected, Finding, Issue};
use crate::json::{self, ParseError, Value};
use crate::lexicon::Languages;
use crate::memo::Memo;
use crate::messages::Messages;
use crate::profile::Profile;
use crate::registry::{self, Context, Out, Rule};
use crate::report::{Report, Severity};
use std::borrow::Cow;

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
        self.run(&doc, &findings, None)
    }

    /// Checks a document and keeps what the cross-document rules need of it,
    /// from one reading of the document (see [`crate::catalogue`]).
    pub fn check_summarised(&self, value: &Value<'_>) -> (Report, crate::catalogue::Summary) {
        let (doc, findings) = document::read(value);
        let summary = crate::catalogue::Summary::from_document(&doc);
        (self.run(&doc, &findings, None), summary)
    }

    /// Checks JSON text as [`Checker::check_str`] does, reading again only the
    /// texts that `memo` has not seen in the last check: for a form checked
    /// at every keystroke. Use one memo with one checker.
    pub fn check_str_remembering(&self, text: &str, memo: &Memo) -> Result<Report, ParseError> {
        Ok(self.check_value_remembering(&json::parse(text)?, memo))
    }

    /// Checks a [`json::Value`] with a memo, as [`Checker::check_str_remembering`] does.
    pub fn check_value_remembering(&self, value: &Value<'_>, memo: &Memo) -> Report {
        let (doc, findings) = document::read(value);
        memo.begin();
        self.run(&doc, &findings, Some(memo))
    }

    /// The report for a value a host language could not hand over as JSON
    /// (in JavaScript: `undefined`, a function, a cycle, a `BigInt`): one
    /// `schema.type` at the root, `described` saying what it was.
    pub fn check_foreign(&self, described: &str) -> Report {
        let finding = Finding {
            issue: Issue::Type,
            path: String::new(),
            field: "",
            found: Cow::Borrowed(described),
            expected: Expected::Type("an object"),
            number: 0.0,
        };
        self.run(&Document::default(), &[finding], None)
    }

    fn run(&self, doc: &Document<'_>, findings: &[Finding<'_>], memo: Option<&Memo>) -> Report {
        let cx = Context::new(
            doc,
            findings,
            &self.profile,
            &self.codes,
            &self.languages,
            memo,
        );
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
