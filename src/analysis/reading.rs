//! What is kept of one text's reading: the same text of the same kind in the
//! same language always reads the same, so a live form keeps it between
//! keystrokes (see [`super::memo`]).

use super::outcome::OutcomeReading;

/// How a text is read, by what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadingKind {
    /// Placeholders and words only (titles, names, reading lists …).
    Plain,
    /// Also readability and language.
    Summary,
    /// Also language (admission, recognition).
    Statement,
    /// Also the outcome's stem and verb.
    Outcome,
}

/// What is learnt from one text, whatever the rules then do with it. The
/// same text of the same kind in the same language always reads the same,
/// so a live form can keep it between keystrokes (see `memo`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reading {
    /// The first placeholder in it, as a byte range.
    pub placeholder: Option<(usize, usize)>,
    pub words: usize,
    /// For a summary read with a lexicon: what the readability index needs.
    pub stats: Option<TextStats>,
    /// For texts read for their language: stop-word hits, one per lexicon.
    pub hits: Vec<u32>,
    /// For a learning outcome.
    pub outcome: Option<OutcomeReading>,
}

/// Counts a readability index needs.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct TextStats {
    pub words: f64,
    pub sentences: f64,
    pub syllables: f64,
    pub letters: f64,
    pub long_words: f64,
}
