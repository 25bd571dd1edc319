//! Where one rule reports.

use super::Settings;
use crate::messages::Messages;
use crate::report::{Diagnostic, Severity, Span};

/// Where one rule reports: it knows the rule, its severity and settings.
pub struct Out<'o> {
    pub rule: &'static str,
    pub severity: Severity,
    pub settings: &'o Settings,
    pub messages: &'o Messages,
    pub diagnostics: &'o mut Vec<Diagnostic>,
}

impl<'o> Out<'o> {
    /// A number setting of the rule, by its keys in the profile.
    pub fn num(&self, keys: &[&str]) -> f64 {
        self.settings.num(keys)
    }

    /// A number setting whose keys depend on the document; `None` where the
    /// rule has none for them.
    pub fn num_for(&self, keys: &[&str]) -> Option<f64> {
        self.settings.num_for(keys)
    }

    /// A list of codes the rule declares, by its key in the profile.
    pub fn codes(&self, key: &str) -> &[String] {
        self.settings.codes(key)
    }

    /// A severity setting other than the rule's own (`off` gives `None`).
    pub fn severity_setting(&self, key: &str) -> Option<Severity> {
        self.settings.severity(key)
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
