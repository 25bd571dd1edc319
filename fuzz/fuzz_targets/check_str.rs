//! Any bytes as a document's text: a report that holds together, or an
//! error at its line and column; never a panic, never a stall.
#![no_main]

use enhance_qa::json::{self, Documents};
use enhance_qa::Memo;
use enhance_qa_fuzz::{assert_consistent, CHECKER, LIMITED};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match CHECKER.check_str(&text) {
        Ok(report) => {
            assert_consistent(&report);
            // Where the command's SARIF log places each finding.
            let pointers: Vec<&str> = report.diagnostics.iter().map(|d| d.path.as_str()).collect();
            assert_eq!(json::locate_all(&text, &pointers).len(), pointers.len());
            // With a memo, the first check and the next give the same report.
            let memo = Memo::new();
            for _ in 0..2 {
                assert_eq!(
                    CHECKER.check_str_remembering(&text, &memo).as_ref(),
                    Ok(&report)
                );
            }
        }
        Err(e) => {
            assert!(e.offset <= text.len());
            assert_eq!((e.line, e.column), json::line_column(&text, e.offset));
        }
    }
    if let Ok(report) = LIMITED.check_str(&text) {
        assert_consistent(&report);
    }
    // As the command reads a file: one document, or an array of them.
    if let Ok(Documents::Many(trees)) = json::read_documents(&text, LIMITED.limits()) {
        for tree in &trees {
            assert_consistent(&LIMITED.check_tree(tree));
        }
    }
});
