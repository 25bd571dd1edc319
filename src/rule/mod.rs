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
    /// Blended Intensive Programmes (`bip.*`).
    Bip,
    /// Micro-credentials (`microcredential.*`).
    Microcredential,
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
            Group::Bip => "bip",
            Group::Microcredential => "microcredential",
        }
    }
}

/// Which kinds of document a rule reads: a set of kinds, listed (and
/// serialised) as the kinds' names in the format's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applies(u8);

impl Applies {
    pub const COURSE: Applies = Applies(1);
    pub const PROGRAMME: Applies = Applies(2);
    pub const BIP: Applies = Applies(4);
    pub const MICRO_CREDENTIAL: Applies = Applies(8);
    /// Every kind of document.
    pub const ALL: Applies = Applies(15);
    /// The course-sized kinds (course, BIP, micro-credential), whose credits,
    /// workload and assessment are read as a course's.
    pub const UNITS: Applies = Applies(1 | 4 | 8);

    const fn bit(kind: Kind) -> u8 {
        match kind {
            Kind::Course => 1,
            Kind::Programme => 2,
            Kind::Bip => 4,
            Kind::MicroCredential => 8,
        }
    }

    /// Both sets together.
    pub const fn and(self, other: Applies) -> Applies {
        Applies(self.0 | other.0)
    }

    pub fn to(self, kind: Kind) -> bool {
        self.0 & Applies::bit(kind) != 0
    }

    /// The kinds, in the format's order.
    pub fn kinds(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |k| self.to(*k))
    }
}

impl Serialize for Applies {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.kinds().map(Kind::as_str))
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
