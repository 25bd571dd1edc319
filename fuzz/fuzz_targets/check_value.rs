//! Documents of every kind made from arbitrary bytes
//! (half-filled fields, wrong types, unknown fields, odd numbers and texts),
//! checked as values, as their text (the same report: one meaning, under
//! the built-in limits and under small ones), and together as one run.
#![no_main]

use arbitrary::Unstructured;
use enhance_qa::{catalogue, json};
use enhance_qa_fuzz::{
    assert_consistent, bip, course, micro_credential, programme, CHECKER, LIMITED,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mut docs = Vec::new();
    for _ in 0..3 {
        let doc = match u.int_in_range(0..=3u8) {
            Ok(0) => course(&mut u),
            Ok(1) => programme(&mut u),
            Ok(2) => bip(&mut u),
            Ok(_) => micro_credential(&mut u),
            Err(_) => break,
        };
        match doc {
            Ok(doc) => docs.push(doc),
            Err(_) => break,
        }
    }
    for doc in &docs {
        let text = doc.to_string();
        for checker in [&*CHECKER, &*LIMITED] {
            let report = checker.check(doc);
            assert_consistent(&report);
            assert_eq!(checker.check_str(&text).as_ref(), Ok(&report), "{text}");
        }
    }
    let texts: Vec<String> = docs.iter().map(|d| d.to_string()).collect();
    let values: Vec<json::Value<'_>> = texts.iter().filter_map(|t| json::parse(t).ok()).collect();
    let named: Vec<(&str, &json::Value<'_>)> = values.iter().map(|v| ("doc.json", v)).collect();
    for report in catalogue::check_all(&CHECKER, &named) {
        assert_consistent(&report);
    }
});
