//! The checker: a profile prepared once, then any number of documents checked.

use crate::analysis::codes::Codes;
use crate::analysis::lexicon::Languages;
use crate::analysis::memo::Memo;
use crate::analysis::summary::Summary;
use crate::document::{self, Document, Expected, Finding, Issue};
use crate::json::{self, Limits, Note, ParseError, Tree, Value, DEPTH_CEILING};
use crate::messages::Messages;
use crate::profile::{Profile, ProfileError};
use crate::report::Report;
use crate::rule::{Active, Context, Out, Settings, Shared};
use crate::rules::{self, programme, schema};
use std::borrow::Cow;

pub struct Checker {
    profile: Profile,
    active: Vec<Active>,
    languages: Languages,
    codes: Codes,
    messages: Messages,
    max_semesters: f64,
    /// How much of a document is read (`schema.limit`'s settings).
    limits: Limits,
    /// The largest number read, in magnitude.
    max_number: f64,
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
    /// locale has no catalogue). A profile made by [`Profile::extend`] has
    /// every setting of the baseline, whose every rule the tests build.
    pub fn with_locale(profile: Profile, locale: &str) -> Checker {
        Checker::build(profile, locale).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Prepares a checker, reading every rule's settings from the profile:
    /// a rule the profile does not list, or a setting it lacks, mistypes or
    /// does not declare, is an error naming it.
    pub fn build(profile: Profile, locale: &str) -> Result<Checker, ProfileError> {
        let fail = |message: String| ProfileError { message };
        if let Some(id) = profile.rule_ids().find(|id| rules::rule(id).is_none()) {
            return Err(fail(format!("rules/{id}: not a rule of this checker")));
        }
        let mut active = Vec::new();
        let mut max_semesters = None;
        let mut limits = None;
        for rule in rules::rules() {
            let entry = profile
                .rule(rule.id)
                .ok_or_else(|| fail(format!("rules/{}: missing from the profile", rule.id)))?;
            let severity = match entry.get("severity").and_then(Value::as_str) {
                Some("off") => None,
                Some(s) => Some(crate::report::Severity::parse(s).ok_or_else(|| {
                    fail(format!(
                        "rules/{}/severity: \"{s}\" is not a severity",
                        rule.id
                    ))
                })?),
                None => {
                    return Err(fail(format!(
                    "rules/{}/severity: missing; use \"error\", \"warning\", \"info\" or \"off\"",
                    rule.id
                )))
                }
            };
            let settings = Settings::read(rule, entry).map_err(fail)?;
            // Read whether or not the rule is on: the per-semester rules read plans up to it.
            if rule.id == programme::DURATION.id {
                max_semesters = Some(settings.num(&["max_semesters"]));
            }
            // Read whether or not the rule is on: off, it stops reporting, not limiting.
            if rule.id == schema::LIMIT.id {
                limits = Some(read_limits(&settings).map_err(fail)?);
            }
            if let Some(severity) = severity {
                active.push(Active {
                    rule,
                    severity,
                    settings,
                });
            }
        }
        let max_semesters = max_semesters
            .ok_or_else(|| fail(format!("rules/{}: missing", programme::DURATION.id)))?;
        let (limits, max_number) =
            limits.ok_or_else(|| fail(format!("rules/{}: missing", schema::LIMIT.id)))?;
        Ok(Checker {
            limits,
            max_number,
            languages: Languages::new(&profile.lexicons),
            codes: Codes::default(),
            messages: Messages::new(locale),
            active,
            max_semesters,
            profile,
        })
    }

    /// A rule the profile switches on, as this checker runs it.
    pub fn active(&self, id: &str) -> Option<&Active> {
        self.active.iter().find(|a| a.rule.id == id)
    }

    pub fn messages(&self) -> &Messages {
        &self.messages
    }

    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    pub fn locale(&self) -> &str {
        self.messages.locale()
    }

    /// How much of a document this checker reads (the profile's limits).
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Checks a document given as a `serde_json::Value`. Its objects hold
    /// each key once (`serde_json` keeps the last of a key given twice, as
    /// [`Checker::check_str`] does), so a key given twice in the text it was
    /// parsed from is not reported: to have it reported, check the text.
    pub fn check(&self, value: &serde_json::Value) -> Report {
        self.check_tree(&json::from_serde(value, &self.limits))
    }

    /// Checks a document given as JSON text; text that is not JSON is an error
    /// with its line and column.
    pub fn check_str(&self, text: &str) -> Result<Report, ParseError> {
        Ok(self.check_tree(&self.read(text)?))
    }

    /// Reads JSON text under this checker's limits, for [`Checker::check_tree`].
    pub fn read<'t>(&self, text: &'t str) -> Result<Tree<'t>, ParseError> {
        json::read(text, &self.limits)
    }

    /// Checks a document as read by [`json::read`] (or the tape reader) under
    /// this checker's limits: what reading noted is reported with it.
    pub fn check_tree(&self, tree: &Tree<'_>) -> Report {
        self.inspect(&tree.value, &tree.notes, None, |_| ()).0
    }

    /// Checks a [`json::Value`] as it stands (no reading limit is applied).
    pub fn check_value(&self, value: &Value<'_>) -> Report {
        self.inspect(value, &[], None, |_| ()).0
    }

    /// Checks a document and keeps what the cross-document rules need of it,
    /// from one reading of the document (see [`crate::catalogue`]).
    pub fn check_summarised(&self, value: &Value<'_>) -> (Report, Summary) {
        self.inspect(value, &[], None, Summary::from_document)
    }

    /// [`Checker::check_summarised`] for a document read with its notes.
    pub fn check_tree_summarised(&self, tree: &Tree<'_>) -> (Report, Summary) {
        self.inspect(&tree.value, &tree.notes, None, Summary::from_document)
    }

    /// Checks JSON text as [`Checker::check_str`] does, reading again only the
    /// texts that `memo` has not seen in the last check: for a form checked
    /// at every keystroke. Use one memo with one checker.
    pub fn check_str_remembering(&self, text: &str, memo: &Memo) -> Result<Report, ParseError> {
        Ok(self.check_tree_remembering(&self.read(text)?, memo))
    }

    /// Checks a document read with its notes, with a memo, as
    /// [`Checker::check_str_remembering`] does.
    pub fn check_tree_remembering(&self, tree: &Tree<'_>, memo: &Memo) -> Report {
        memo.begin();
        self.inspect(&tree.value, &tree.notes, Some(memo), |_| ()).0
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
            expected: Expected::Type("type.object"),
            number: 0.0,
        };
        self.run(&Document::default(), &[finding], None)
    }

    /// Reads a document, adds what reading the JSON noted, and checks it;
    /// `keep` takes what else is wanted of the document (the cross-document
    /// rules' summary, or nothing: then no summary's code is built in).
    fn inspect<T>(
        &self,
        value: &Value<'_>,
        notes: &[Note],
        memo: Option<&Memo>,
        keep: impl FnOnce(&Document<'_>) -> T,
    ) -> (Report, T) {
        let (doc, mut findings) = document::read(value, self.max_number);
        findings.extend(notes.iter().map(Finding::of_note));
        let kept = keep(&doc);
        (self.run(&doc, &findings, memo), kept)
    }

    fn run(&self, doc: &Document<'_>, findings: &[Finding<'_>], memo: Option<&Memo>) -> Report {
        let shared = Shared {
            institutions: &self.profile.institutions,
            codes: &self.codes,
            languages: &self.languages,
            max_semesters: self.max_semesters,
        };
        let cx = Context::new(doc, findings, &shared, memo);
        let mut diagnostics = Vec::new();
        for a in &self.active {
            if !crate::rule::applies(a.rule, doc.kind) {
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
            self.messages.locale(),
            doc.kind.map(|k| k.as_str()),
            diagnostics,
            document::field_order(doc.kind),
        )
    }
}

/// The reading limits in `schema.limit`'s settings, and the largest number
/// read: whole numbers of 0 or more, the depth at most [`DEPTH_CEILING`].
fn read_limits(settings: &Settings) -> Result<(Limits, f64), String> {
    let at = |key: &str| format!("rules/{}/{key}", schema::LIMIT.id);
    let whole = |key: &str| {
        let n = settings.num(&[key]);
        if n.fract() == 0.0 && n >= 0.0 {
            // Beyond any real memory: as good as no limit.
            Ok(if n >= 1e15 { usize::MAX } else { n as usize })
        } else {
            Err(format!("{}: must be a whole number of 0 or more", at(key)))
        }
    };
    let limits = Limits {
        size: whole("max_document_size")?,
        text: whole("max_text_length")?,
        list: whole("max_list_length")?,
        depth: whole("max_depth")?,
    };
    if limits.depth > DEPTH_CEILING {
        return Err(format!(
            "{}: at most {DEPTH_CEILING} (each level is read by a call of its own)",
            at("max_depth")
        ));
    }
    let max_number = settings.num(&["max_number"]);
    if max_number.is_nan() || max_number < 0.0 {
        return Err(format!(
            "{}: must be a number of 0 or more",
            at("max_number")
        ));
    }
    Ok((limits, max_number))
}
