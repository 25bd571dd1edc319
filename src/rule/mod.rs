//! What a rule is: its metadata beside its function, the settings it
//! declares, what it reads ([`Context`]) and where it reports ([`Out`]).
//! The rules themselves are in [`crate::rules`].

mod context;
mod explain;
mod setting;
mod sink;

pub use context::{Context, Shared};
pub use explain::{explain, Explanation};
pub use setting::{Setting, SettingDefault, SettingInfo, SettingType, Settings};
pub use sink::Out;

use crate::document::Kind;
use crate::report::Severity;
use serde::Serialize;

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
    pub fn to(self, kind: Kind) -> bool {
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
    /// Its thresholds and severities in a profile, with their defaults.
    pub settings: &'static [Setting],
    pub check: Check,
}

/// Whether a rule reads this kind of document.
pub fn applies(rule: &Rule, kind: Option<Kind>) -> bool {
    match kind {
        Some(kind) => rule.applies.to(kind),
        // A document of unknown kind: only its shape is reported.
        None => rule.group == Group::Shape,
    }
}

/// A rule as a checker runs it: switched on, with its severity and settings
/// read from the profile when the checker was built.
pub struct Active {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub settings: Settings,
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
    /// What the rule checks and why, how to fix a finding, examples and settings.
    pub explain: Explanation,
}
