//! enhance-qa: checks university course descriptions and programme proposals
//! against the ENHANCE alliance's quality criteria.
//!
//! ```
//! let checker = enhance_qa::Checker::default();
//! let report = checker.check_str(r#"{"kind": "course"}"#).expect("valid JSON");
//! assert!(report.diagnostics.iter().any(|d| d.rule == "schema.required" && d.path == "/code"));
//! ```

pub mod assessment;
pub mod checker;
pub mod codes;
pub mod document;
pub mod json;
pub mod lexicon;
pub mod messages;
pub mod meta;
pub mod outcomes;
pub mod profile;
pub mod registry;
pub mod report;
pub mod schema;
pub mod similar;
pub mod society;
pub mod texts;
pub mod words;
pub mod workload;

pub use checker::Checker;
pub use json::ParseError;
pub use profile::{Profile, ProfileError};
pub use registry::{rules, Group, Rule};
pub use report::{Counts, Diagnostic, Report, Severity, Span};
