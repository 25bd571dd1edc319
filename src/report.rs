//! The report: diagnostics, their order, counts and the score.

use crate::document::{self, Kind};
use serde::Serialize;
use std::borrow::Cow;
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    /// What one diagnostic of this severity costs the score.
    fn cost(self) -> u32 {
        match self {
            Severity::Error => 15,
            Severity::Warning => 5,
            Severity::Info => 1,
        }
    }
}

/// A range inside the string at a diagnostic's path, in UTF-16 code units,
/// end exclusive (it indexes a JavaScript string directly, as LSP does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// Converts a byte range of `text` to UTF-16 code units.
    pub fn from_bytes(text: &str, start: usize, end: usize) -> Span {
        let units = |upto: usize| -> u32 {
            let upto = upto.min(text.len());
            let head = text.get(..upto).unwrap_or(text);
            if head.is_ascii() {
                head.len() as u32
            } else {
                head.chars().map(|c| c.len_utf16() as u32).sum()
            }
        };
        Span {
            start: units(start),
            end: units(end),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub error: u32,
    pub warning: u32,
    pub info: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub profile: String,
    /// The locale the messages are written in (`en`, `de` …).
    pub locale: &'static str,
    /// `course`, `programme`, or `None` when the document's kind is unknown.
    pub kind: Option<&'static str>,
    pub score: u32,
    pub counts: Counts,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Builds the report: counts, score, and diagnostics in path order (the
    /// order of `field_order`, then array index), then severity, rule and span.
    pub fn new(
        profile: String,
        locale: &'static str,
        kind: Option<&'static str>,
        diagnostics: Vec<Diagnostic>,
        field_order: &[&str],
    ) -> Report {
        // Places sorted, not the diagnostics themselves: a stable sort of
        // small numbers, then one pass that puts each diagnostic in its place.
        let keys: Vec<Vec<PathKey<'_>>> = diagnostics
            .iter()
            .map(|d| path_key(&d.path, field_order))
            .collect();
        let mut order: Vec<usize> = (0..diagnostics.len()).collect();
        crate::sort::sort_by(&mut order, |&i, &j| {
            let (a, b) = (&diagnostics[i], &diagnostics[j]);
            keys[i]
                .cmp(&keys[j])
                .then(a.severity.cmp(&b.severity))
                .then(a.rule.cmp(b.rule))
                .then(span_order(a.span, b.span))
                .then(a.message.cmp(&b.message))
        });
        drop(keys);
        let mut slots: Vec<Option<Diagnostic>> = diagnostics.into_iter().map(Some).collect();
        let diagnostics: Vec<Diagnostic> = order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take))
            .collect();
        let mut counts = Counts::default();
        for d in &diagnostics {
            match d.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
        }
        Report {
            profile,
            locale,
            kind,
            score: score(&diagnostics),
            counts,
            diagnostics,
        }
    }

    /// Adds diagnostics found later (across documents): the report is
    /// sorted, counted and scored again as [`Report::new`] does.
    pub fn extend(&mut self, more: impl IntoIterator<Item = Diagnostic>) {
        let mut diagnostics = std::mem::take(&mut self.diagnostics);
        let before = diagnostics.len();
        diagnostics.extend(more);
        if diagnostics.len() == before {
            self.diagnostics = diagnostics;
            return;
        }
        let order = document::field_order(self.kind.and_then(Kind::parse));
        *self = Report::new(
            std::mem::take(&mut self.profile),
            self.locale,
            self.kind,
            diagnostics,
            order,
        );
    }

    pub fn has_errors(&self) -> bool {
        self.counts.error > 0
    }
}

/// `max(0, 100 − 15·errors − 5·warnings − 1·infos)`.
pub fn score(diagnostics: &[Diagnostic]) -> u32 {
    let cost: u32 = diagnostics.iter().map(|d| d.severity.cost()).sum();
    100u32.saturating_sub(cost)
}

fn span_order(a: Option<Span>, b: Option<Span>) -> Ordering {
    let key = |s: Option<Span>| s.map_or((0, 0), |s| (s.start + 1, s.end));
    key(a).cmp(&key(b))
}

/// One segment of a path, as it sorts: known fields by their place in the
/// format, then unknown fields by name; array entries by index.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum PathKey<'a> {
    Index(u64),
    /// A field's place in the format; an unknown field's name.
    Field(usize, Option<Cow<'a, str>>),
}

fn path_key<'a>(path: &'a str, field_order: &[&str]) -> Vec<PathKey<'a>> {
    path.split('/')
        .skip(1)
        .map(|seg| {
            if let Ok(i) = seg.parse::<u64>() {
                return PathKey::Index(i);
            }
            let name = if seg.contains('~') {
                Cow::Owned(seg.replace("~1", "/").replace("~0", "~"))
            } else {
                Cow::Borrowed(seg)
            };
            match field_order.iter().position(|f| *f == name) {
                Some(rank) => PathKey::Field(rank, None),
                None => PathKey::Field(field_order.len(), Some(name)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_count_utf16_units() {
        let text = "é😀 Understand";
        let start = text.find("Understand").unwrap_or(0);
        assert_eq!(
            Span::from_bytes(text, start, start + 10),
            Span { start: 4, end: 14 }
        );
    }

    #[test]
    fn score_never_goes_below_zero() {
        let d = Diagnostic {
            rule: "schema.type",
            severity: Severity::Error,
            path: String::new(),
            span: None,
            message: String::new(),
            suggestions: vec![],
        };
        assert_eq!(score(&vec![d; 8]), 0);
    }
}
