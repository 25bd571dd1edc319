//! A run of several documents checked together: each document's summary is
//! kept while the documents are checked one by one, then the cross-document
//! rules (`catalogue.*`, [`crate::rules::catalogue`]) compare the summaries;
//! each finding goes into the report of the document it concerns
//! ([`Report::extend`]). Only the summaries are held, never the documents.
//!
//! ```
//! use enhance_qa::{catalogue, json, Checker};
//! let checker = Checker::default();
//! let a = json::parse(r#"{"kind": "course", "code": "X-1"}"#).expect("JSON");
//! let b = json::parse(r#"{"kind": "course", "code": "X-1"}"#).expect("JSON");
//! let reports = catalogue::check_all(&checker, &[("a.json", &a), ("b.json", &b)]);
//! assert!(reports[1].diagnostics.iter().any(|d| d.rule == "catalogue.duplicate-code"));
//! ```

use crate::checker::Checker;
use crate::json::Value;
use crate::report::{Diagnostic, Report};
use crate::rules::catalogue::cross_check;
use std::sync::Arc;

pub use crate::analysis::summary::{Summary, Unit};

/// The documents of one run, as summaries with a name each (a file name,
/// with the document's place in the file when it holds several).
#[derive(Debug, Default)]
pub struct Catalogue {
    entries: Vec<(Arc<str>, Summary)>,
}

impl Catalogue {
    pub fn new() -> Catalogue {
        Catalogue::default()
    }

    pub fn with_capacity(documents: usize) -> Catalogue {
        Catalogue {
            entries: Vec::with_capacity(documents),
        }
    }

    /// Adds a document; its index is the number of documents added before it.
    pub fn push(&mut self, name: impl Into<Arc<str>>, summary: Summary) {
        self.entries.push((name.into(), summary));
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Cross-checks the documents under the checker's profile and locale:
    /// for each document, in the order added, the diagnostics about it.
    pub fn check(&self, checker: &Checker) -> Vec<Vec<Diagnostic>> {
        cross_check(&self.entries, |id| checker.active(id), checker.messages())
    }
}

/// Checks several documents together, each named (by its file, say): every
/// document's report, with the cross-document findings added to it.
pub fn check_all(checker: &Checker, documents: &[(&str, &Value<'_>)]) -> Vec<Report> {
    let mut catalogue = Catalogue::new();
    let mut reports = Vec::with_capacity(documents.len());
    for (name, value) in documents {
        let (report, summary) = checker.check_summarised(value);
        reports.push(report);
        catalogue.push(*name, summary);
    }
    if catalogue.len() > 1 {
        for (report, found) in reports.iter_mut().zip(catalogue.check(checker)) {
            report.extend(found);
        }
    }
    reports
}
