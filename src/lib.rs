//! enhance-qa: checks university course descriptions and programme proposals
//! against the ENHANCE alliance's quality criteria.
//!
//! ```
//! let checker = enhance_qa::Checker::default();
//! let report = checker.check_str(r#"{"kind": "course"}"#).expect("valid JSON");
//! assert!(report.diagnostics.iter().any(|d| d.rule == "schema.required" && d.path == "/code"));
//! ```
//!
//! The layers, each using only those before it: [`json`] and `pointer`;
//! `document` (the model and its reader); `analysis` (words, lexicons, the
//! reading of texts and outcomes, the study plan: shared by the rules and
//! knowing none); [`report`], `messages` and [`profile`]; `rule` (what a rule
//! is and reads); `rules` (every rule); then the [`Checker`] and the
//! [`catalogue`] of a run.

mod analysis;
pub mod catalogue;
mod checker;
mod document;
pub mod json;
mod messages;
mod pointer;
pub mod profile;
pub mod report;
mod rule;
mod rules;
mod sort;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analysis::memo::Memo;
pub use catalogue::{Catalogue, Summary};
pub use checker::Checker;
pub use document::Kind;
pub use json::ParseError;
pub use messages::Messages;
pub use profile::{Profile, ProfileError};
pub use report::{Counts, Diagnostic, Report, Severity, Span};
pub use rule::{
    Applies, Explanation, Group, Rule, RuleInfo, SettingDefault, SettingInfo, SettingType,
};
pub use rules::{infos, rule, rules, similar_rules};
