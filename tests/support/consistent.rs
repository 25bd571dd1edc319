//! What every report holds, whatever it was given: its counts and score
//! agree with its diagnostics, and no message shows infinity or an undefined
//! number. Shared by the property tests and the fuzz targets.

use enhance_qa::{Report, Severity};

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
    report
        .diagnostics
        .iter()
        .find(|d| d.message.contains('∞') || d.message.contains("NaN"))
        .map(|d| format!("a message shows a number that is not one: {}", d.message))
}
