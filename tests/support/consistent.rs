//! What every report holds, whatever it was given: its counts and score
//! agree with its diagnostics, and no message shows infinity or an undefined
//! number in its own words (user text it quotes may say "NaN"). Shared by
//! the property tests and the fuzz targets.

use enhance_qa::{Messages, Report, Severity};

/// How a report disagrees with itself, or `None` when it does not. The score
/// is counted again from the diagnostics: `max(0, 100 − 15·errors −
/// 5·warnings − 1·infos)`.
pub fn inconsistency(report: &Report) -> Option<String> {
    let count = |s: Severity| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count() as u32
    };
    let counted = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let (e, w, i) = counted;
    let given = (
        report.counts.error,
        report.counts.warning,
        report.counts.info,
    );
    if given != counted {
        return Some(format!("counts {given:?}, diagnostics {counted:?}"));
    }
    let score = (100 - 15 * i64::from(e) - 5 * i64::from(w) - i64::from(i)).max(0);
    if i64::from(report.score) != score {
        return Some(format!("score {}, counted {score}", report.score));
    }
    let marks = Messages::new(report.locale).quoted("");
    let mut marks = marks.chars();
    let (open, close) = (marks.next().unwrap_or('"'), marks.last().unwrap_or('"'));
    report
        .diagnostics
        .iter()
        .find(|d| {
            let own = own_words(&d.message, open, close);
            own.contains('∞')
                || own
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == "NaN" || w == "inf")
        })
        .map(|d| format!("a message shows a number that is not one: {}", d.message))
}

/// A message without the user text it quotes (in the locale's marks): the
/// checker's own words, where its numbers are. Where the marks leave it
/// unsure what is quoted, more is taken away rather than less: user text may
/// hold the marks too.
pub fn own_words(message: &str, open: char, close: char) -> String {
    if open == close {
        // Marks that open and close alike: everything from the first to the last.
        return match (message.find(open), message.rfind(close)) {
            (Some(a), Some(b)) if a < b => [&message[..a], &message[b..]].concat(),
            _ => message.to_string(),
        };
    }
    let mut parts = message.split(open);
    let mut own = parts.next().unwrap_or_default().to_string();
    for part in parts {
        // Quoted up to its last closing mark; a part without one is all quoted.
        if let Some((_, after)) = part.rsplit_once(close) {
            own.push_str(after);
        }
    }
    own
}
