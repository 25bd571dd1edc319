//! What every rule reads: the document, the problems of its shape, the
//! profile's institutions, the language data, and analyses made once per
//! check and shared.

use crate::analysis::codes::Codes;
use crate::analysis::lexicon::{Languages, Lexicon};
use crate::analysis::memo::Memo;
use crate::analysis::outcome::Outcome;
use crate::analysis::plan::{self, Plan};
use crate::analysis::text::{self, TextFindings};
use crate::document::{Document, Finding, Kind};
use crate::profile::Institution;
use std::cell::OnceCell;

pub struct Context<'c, 'v> {
    pub doc: &'c Document<'v>,
    pub findings: &'c [Finding<'v>],
    /// The profile's institutions.
    pub institutions: &'c [Institution],
    pub codes: &'c Codes,
    pub languages: &'c Languages,
    /// The lexicon of the document's language, if there is one.
    pub lexicon: Option<&'c Lexicon>,
    /// Readings kept from earlier checks of the same form, if any.
    pub memo: Option<&'c Memo>,
    /// The most semesters a plan is read for, semester by semester.
    max_semesters: f64,
    outcomes: OnceCell<Vec<Outcome<'v>>>,
    texts: OnceCell<TextFindings<'v>>,
    plan: OnceCell<Plan<'v>>,
}

/// The checker's part of a [`Context`]: the same for every document.
pub struct Shared<'c> {
    pub institutions: &'c [Institution],
    pub codes: &'c Codes,
    pub languages: &'c Languages,
    pub max_semesters: f64,
}

impl<'c, 'v> Context<'c, 'v> {
    pub fn new(
        doc: &'c Document<'v>,
        findings: &'c [Finding<'v>],
        shared: &Shared<'c>,
        memo: Option<&'c Memo>,
    ) -> Self {
        let lexicon = shared.languages.get(doc.language.unwrap_or("en"));
        Context {
            doc,
            findings,
            institutions: shared.institutions,
            codes: shared.codes,
            languages: shared.languages,
            lexicon,
            memo,
            max_semesters: shared.max_semesters,
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
        self.outcomes.get_or_init(|| text::outcomes(self.texts()))
    }

    /// The free texts and what was found in them (made once).
    pub fn texts(&self) -> &TextFindings<'v> {
        self.texts
            .get_or_init(|| text::analyse(self.doc, self.lexicon, self.languages, self.memo))
    }

    /// A programme's component and option codes (made once).
    pub fn plan(&self) -> &Plan<'v> {
        self.plan.get_or_init(|| Plan::read(self.doc))
    }

    /// `semesters` when it is a whole number from 1 to the bound the
    /// checker reads plans for (`programme.duration`'s `max_semesters`,
    /// which reports any count beyond it).
    pub fn semesters(&self) -> Option<usize> {
        plan::semester_count(self.doc, self.max_semesters)
    }

    pub fn institution(&self, id: &str) -> Option<&'c Institution> {
        self.institutions.iter().find(|i| i.id == id)
    }
}
