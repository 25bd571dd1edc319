//! enhance-qa: checks university course descriptions and programme proposals
//! against the ENHANCE alliance's quality criteria.
//!
//! ```
//! let checker = enhance_qa::Checker::default();
//! let report = checker.check_str(r#"{"kind": "course"}"#).expect("valid JSON");
//! assert!(report.diagnostics.iter().any(|d| d.rule == "schema.required" && d.path == "/code"));
//! ```

pub mod assessment;
pub mod catalogue;
pub mod checker;
pub mod codes;
pub mod document;
pub mod joint;
pub mod json;
pub mod lexicon;
pub mod memo;
pub mod messages;
pub mod meta;
pub mod outcomes;
pub mod profile;
pub mod registry;
pub mod report;
pub mod sarif;
pub mod schema;
pub mod similar;
pub mod society;
pub mod structure;
pub mod texts;
pub mod words;
pub mod workload;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use checker::Checker;
pub use json::ParseError;
pub use profile::{Profile, ProfileError};
pub use registry::{rules, Group, Rule};
pub use report::{Counts, Diagnostic, Report, Severity, Span};
