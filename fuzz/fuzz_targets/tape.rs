//! The tape reader of the JavaScript binding (`json::tape`, natively) on any
//! bytes: one tape or two in a row (the first two bytes give the first one's
//! length; the second may name the first's strings),
//! each read as the wasm `Checker.check` reads it — a document checked, or
//! not a tape and both sides start afresh.
#![no_main]

use enhance_qa::json::tape::Strings;
use enhance_qa_fuzz::{assert_consistent, LIMITED};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [low, high, rest @ ..] = data else {
        return;
    };
    let cut = usize::from(u16::from_le_bytes([*low, *high])).min(rest.len());
    let (first, second) = rest.split_at(cut);
    let mut strings = Strings::default();
    for tape in [first, second] {
        let read = strings.learn(tape).and_then(|new| {
            let tree = strings.read(tape, new, LIMITED.limits())?;
            assert_consistent(&LIMITED.check_tree(&tree));
            Some(())
        });
        if read.is_none() {
            strings.forget();
        }
    }
});
