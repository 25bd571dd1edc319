//! What the rules share, made without knowing any rule: words, lexicons,
//! code lists and dates, the reading of texts and outcomes (and the memo that keeps
//! them between checks), the study plan and its graph, and the summary the
//! cross-document rules compare.

pub mod codes;
pub mod dates;
pub mod graph;
pub mod lexicon;
pub mod memo;
pub mod outcome;
pub mod partnership;
pub mod plan;
pub mod reading;
pub mod similar;
pub mod summary;
pub mod text;
pub mod words;
