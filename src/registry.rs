//! The rule registry: every rule's metadata beside its function, gathered
//! from the modules that hold them. It drives the checker, the CLI's `rules`
//! listing and the page's help.

use crate::document::{Document, Finding, Kind};
use crate::json::Value;
use crate::lexicon::{Languages, Lexicon};
use crate::memo::Memo;
use crate::messages::Messages;
use crate::outcomes::{self, Outcome};
use crate::profile::Profile;
use crate::report::{Diagnostic, Severity, Span};
use crate::structure::Plan;
use crate::texts::{self, TextFindings};
use crate::{
    assessment, catalogue, codes::Codes, joint, meta, schema, society, structure, workload,
};
use serde::Serialize;
use std::cell::OnceCell;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    Shape,
    Metadata,
    Workload,
    Outcomes,
    Alignment,
    Texts,
    Structure,
    Joint,
    Society,
    Catalogue,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Shape => "shape",
            Group::Metadata => "metadata",
            Group::Workload => "workload",
            Group::Outcomes => "outcomes",
            Group::Alignment => "alignment",
            Group::Texts => "texts",
            Group::Structure => "structure",
            Group::Joint => "joint",
            Group::Society => "society",
            Group::Catalogue => "catalogue",
        }
    }

    /// The heading a person reads.
    pub fn title(self) -> &'static str {
        match self {
            Group::Shape => "Shape",
            Group::Metadata => "Identity and metadata",
            Group::Workload => "Credits and workload",
            Group::Outcomes => "Learning outcomes",
            Group::Alignment => "Assessment and alignment",
            Group::Texts => "Texts",
            Group::Structure => "Programme structure",
            Group::Joint => "Joint programme",
            Group::Society => "Society",
            Group::Catalogue => "Across documents",
        }
    }
}

/// Which documents a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applies {
    Course,
    Programme,
    Both,
}

impl Applies {
    fn to(self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Applies::Both, _)
                | (Applies::Course, Kind::Course)
                | (Applies::Programme, Kind::Programme)
        )
    }
}

pub type Check = fn(&Context<'_, '_>, &mut Out<'_>);

pub struct Rule {
    pub id: &'static str,
    pub group: Group,
    pub applies: Applies,
    /// One line: what falls short.
    pub summary: &'static str,
    /// The standard the rule comes from.
    pub source: &'static str,
    pub check: Check,
}

/// Every rule, in the order of rules.md.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    [
        schema::RULES,
        meta::RULES,
        workload::RULES,
        outcomes::RULES,
        assessment::RULES,
        texts::RULES,
        structure::RULES,
        joint::RULES,
        society::RULES,
        catalogue::RULES,
    ]
    .into_iter()
    .flatten()
}

pub fn rule(id: &str) -> Option<&'static Rule> {
    rules().find(|r| r.id == id)
}

/// What every rule reads: the document, the problems of its shape, the
/// profile, the language data, and analyses made once and shared.
pub struct Context<'c, 'v> {
    pub doc: &'c Document<'v>,
    pub findings: &'c [Finding<'v>],
    pub profile: &'c Profile,
    pub codes: &'c Codes,
    pub languages: &'c Languages,
    /// The lexicon of the document's language, if there is one.
    pub lexicon: Option<&'c Lexicon>,
    /// Readings kept from earlier checks of the same form, if any.
    pub memo: Option<&'c Memo>,
    outcomes: OnceCell<Vec<Outcome<'v>>>,
    texts: OnceCell<TextFindings<'v>>,
    plan: OnceCell<Plan<'v>>,
}

impl<'c, 'v> Context<'c, 'v> {
    pub fn new(
        doc: &'c Document<'v>,
        findings: &'c [Finding<'v>],
        profile: &'c Profile,
        codes: &'c Codes,
        languages: &'c Languages,
        memo: Option<&'c Memo>,
    ) -> Self {
        let lexicon = languages.get(doc.language.unwrap_or("en"));
        Context {
            doc,
            findings,
            profile,
            codes,
            languages,
            lexicon,
            memo,
            outcomes: OnceCell::new(),
            texts: OnceCell::new(),
            plan: OnceCell::new(),
        }
    }

    pub fn kind(&self) -> Option<Kind> {
        self.doc.kind
    }

    /// The learning outcomes as read by the document's lexicon (made once).
    pub fn outcomes(&self) -> &[Outcome<'v>] {
        self.outcomes.get_or_init(|| outcomes::analyse(self))
    }

    /// The free texts and what was found in them (made once).
    pub fn texts(&self) -> &TextFindings<'v> {
        self.texts.get_or_init(|| texts::analyse(self))
    }

    /// A programme's component and option codes (made once).
    pub fn plan(&self) -> &Plan<'v> {
        self.plan.get_or_init(|| Plan::read(self))
    }

    /// The English lexicon, read beside the document's own for placeholders.
    pub fn english(&self) -> Option<&'c Lexicon> {
        self.languages.get("en")
    }
}

/// Where one rule reports: it knows the rule, its severity and settings.
pub struct Out<'o> {
    pub rule: &'static str,
    pub severity: Severity,
    pub settings: &'o Value<'static>,
    pub messages: &'o Messages,
    pub diagnostics: &'o mut Vec<Diagnostic>,
}

impl<'o> Out<'o> {
    /// A number setting of the rule, by its path in the profile.
    pub fn num(&self, keys: &[&str]) -> f64 {
        let mut v = self.settings;
        for k in keys {
            match v.get(k) {
                Some(next) => v = next,
                None => return f64::NAN,
            }
        }
        match v {
            Value::Number(n) => *n,
            _ => f64::NAN,
        }
    }

    /// A severity setting other than the rule's own (`off` gives `None`).
    pub fn severity_setting(&self, key: &str) -> Option<Severity> {
        self.settings
            .get(key)
            .and_then(Value::as_str)
            .and_then(Severity::parse)
    }

    pub fn message(&self, key: &str, params: &[(&str, &str)]) -> String {
        self.messages.render(key, params)
    }

    pub fn emit(&mut self, path: String, message: String) {
        self.push(self.severity, path, None, message, Vec::new());
    }

    /// A diagnostic about a range inside the string at `path`.
    pub fn emit_span(&mut self, path: String, span: Span, message: String) {
        self.push(self.severity, path, Some(span), message, Vec::new());
    }

    pub fn push(
        &mut self,
        severity: Severity,
        path: String,
        span: Option<Span>,
        message: String,
        suggestions: Vec<String>,
    ) {
        self.diagnostics.push(Diagnostic {
            rule: self.rule,
            severity,
            path,
            span,
            message,
            suggestions,
        });
    }
}

/// Whether a rule reads this kind of document.
pub fn applies(rule: &Rule, kind: Option<Kind>) -> bool {
    match kind {
        Some(kind) => rule.applies.to(kind),
        // A document of unknown kind: only its shape is reported.
        None => rule.group == Group::Shape,
    }
}

/// A rule's metadata as listings show it, with its severity in a profile.
#[derive(Debug, Clone, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    /// `None` when the profile turns the rule off.
    pub severity: Option<Severity>,
    pub group: Group,
    pub applies: Applies,
    pub summary: &'static str,
    pub source: &'static str,
}

/// Every rule's metadata, with the severities of `profile`.
pub fn infos(profile: &Profile) -> Vec<RuleInfo> {
    rules()
        .map(|r| RuleInfo {
            id: r.id,
            severity: profile.severity(r.id),
            group: r.group,
            applies: r.applies,
            summary: r.summary,
            source: r.source,
        })
        .collect()
}
