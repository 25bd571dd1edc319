// The JavaScript API as a page or Node sees it; included by `wasm_node.rs`
// (Node) and `wasm_browser.rs` (headless Chromium).

use enhance_qa::wasm::{add_locale, locale_of, rules, version, Checker};
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const EXAMPLES: &[&str] = &[
    include_str!("../examples/bip-enhance-energy.json"),
    include_str!("../examples/course-de-rwth.json"),
    include_str!("../examples/course-en-chalmers.json"),
    include_str!("../examples/course-en-polimi.json"),
    include_str!("../examples/course-en-upv.json"),
    include_str!("../examples/course-sv-chalmers.json"),
    include_str!("../examples/microcredential-battery.json"),
    include_str!("../examples/programme-bachelor.json"),
    include_str!("../examples/programme-joint-master.json"),
];

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn js(source: &str) -> JsValue {
    js_sys::eval(source).unwrap_or(JsValue::UNDEFINED)
}

fn checker() -> Checker {
    Checker::new(None).unwrap_or_else(|_| panic!("the default checker must build"))
}

/// The rule and path of the report's first diagnostic.
fn first(report: &JsValue) -> (Option<String>, Option<String>) {
    let d = get(&get(report, "diagnostics"), "0");
    (get(&d, "rule").as_string(), get(&d, "path").as_string())
}

#[wasm_bindgen_test]
fn every_example_checks_clean_from_an_object_and_from_text() {
    let c = checker();
    for text in EXAMPLES {
        let object = JSON::parse(text).unwrap_or(JsValue::NULL);
        for report in [c.check(object), c.check_json(text).unwrap_or(JsValue::NULL)] {
            assert_eq!(get(&report, "score").as_f64(), Some(100.0));
            assert_eq!(Array::from(&get(&report, "diagnostics")).length(), 0);
            assert_eq!(get(&report, "profile").as_string().as_deref(), Some("enhance-2026"));
        }
    }
}

#[wasm_bindgen_test]
fn reports_are_plain_json_compatible_objects() {
    let c = checker();
    let report = c.check(JSON::parse(r#"{"kind": "course", "ects": "7,5"}"#).unwrap_or(JsValue::NULL));
    assert_eq!(Object::get_prototype_of(&report), Object::get_prototype_of(&Object::new()));
    assert!(Array::is_array(&get(&report, "diagnostics")));
    let d = get(&get(&report, "diagnostics"), "0");
    assert_eq!(Object::get_prototype_of(&d), Object::get_prototype_of(&Object::new()));
    // Round trip through JSON changes nothing: no Map, no undefined.
    let again = JSON::parse(&JSON::stringify(&report).ok().and_then(|s| s.as_string()).unwrap_or_default());
    assert_eq!(JSON::stringify(&again.unwrap_or(JsValue::NULL)).ok().and_then(|s| s.as_string()), JSON::stringify(&report).ok().and_then(|s| s.as_string()));
}

#[wasm_bindgen_test]
fn check_never_throws_whatever_it_is_given() {
    let c = checker();
    let cases = [
        ("undefined", JsValue::UNDEFINED),
        ("null", JsValue::NULL),
        ("a string", JsValue::from_str("course")),
        ("a number", JsValue::from_f64(42.0)),
        ("a BigInt", js("10n")),
        ("a function", js("(() => 1)")),
        ("a cycle", js("(() => { const a = {kind: 'course'}; a.self = a; return a; })()")),
        ("deep nesting", js("(() => { let v = {kind: 'course'}; for (let i = 0; i < 100000; i++) v = {kind: 'course', title: v}; return v; })()")),
        ("a BigInt inside", js("({kind: 'course', ects: 7n})")),
    ];
    for (what, value) in cases {
        let report = c.check(value);
        let diagnostics = Array::from(&get(&report, "diagnostics"));
        let found = |path: &str| {
            diagnostics.iter().any(|d| {
                get(&d, "rule").as_string().as_deref() == Some("schema.type") && get(&d, "path").as_string().as_deref() == Some(path)
            })
        };
        // An engine that can write the deep value as JSON hands it over; the
        // reader then reports the part nested too deeply.
        let deep_but_written = what == "deep nesting" && found("/title");
        assert!(found("") || deep_but_written, "{what}: {:?}", first(&report));
    }
}

#[wasm_bindgen_test]
fn a_huge_string_is_reported_not_walked() {
    let c = checker();
    let doc = js("({kind: 'course', summary: 'word '.repeat(500000)})");
    let report = c.check(doc);
    let at_summary: Vec<String> = Array::from(&get(&report, "diagnostics"))
        .iter()
        .filter(|d| get(d, "path").as_string().as_deref() == Some("/summary"))
        .filter_map(|d| get(&d, "rule").as_string())
        .collect();
    assert_eq!(at_summary, ["schema.limit"]);
}

/// The rules and paths of a report's diagnostics.
fn findings(report: &JsValue) -> Vec<(String, String)> {
    Array::from(&get(report, "diagnostics"))
        .iter()
        .map(|d| {
            let text = |k: &str| get(&d, k).as_string().unwrap_or_default();
            (text("rule"), text("path"))
        })
        .collect()
}

#[wasm_bindgen_test]
fn a_sparse_list_of_two_to_the_32_entries_is_reported_by_its_length() {
    let c = checker();
    let doc = js("(() => { const a = []; a[7] = 'Explain one thing.'; a.length = 2 ** 32 - 1; return {kind: 'course', learning_outcomes: a}; })()");
    let report = c.check(doc);
    let found = findings(&report);
    assert!(found.contains(&("schema.limit".into(), "/learning_outcomes".into())), "{found:?}");
    let message = Array::from(&get(&report, "diagnostics"))
        .iter()
        .find(|d| get(d, "rule").as_string().as_deref() == Some("schema.limit"))
        .map(|d| get(&d, "message").as_string().unwrap_or_default())
        .unwrap_or_default();
    assert!(message.contains("4294967295 entries"), "{message}");
    // A short sparse list is read as JSON.stringify writes it: holes are null.
    let doc = js("(() => { const a = []; a[2] = 'Explain one thing.'; return {kind: 'course', learning_outcomes: a}; })()");
    let text = JSON::stringify(&doc).ok().and_then(|s| s.as_string()).unwrap_or_default();
    let from_text = c.check_json(&text).unwrap_or(JsValue::NULL);
    assert_eq!(findings(&c.check(doc)), findings(&from_text));
}

#[wasm_bindgen_test]
fn a_course_with_100000_outcomes_is_checked() {
    let c = checker();
    let doc = js("(() => { const d = {kind: 'course', eqf_level: 7, learning_outcomes: []}; for (let i = 0; i < 100000; i++) d.learning_outcomes.push(`Design a heat pump for district number ${i % 99990}.`); return d; })()");
    let found = findings(&c.check(doc));
    let count = |rule: &str| found.iter().filter(|(r, _)| r == rule).count();
    assert_eq!(count("lo.count"), 1);
    // The last ten repeat the first ten.
    assert_eq!(count("lo.duplicate"), 10);
    assert!(found.contains(&("lo.duplicate".into(), "/learning_outcomes/99999".into())));
}

#[wasm_bindgen_test]
fn numbers_out_of_range_are_reported_never_printed() {
    let c = checker();
    let reports = [
        c.check_json(r#"{"kind": "course", "ects": 1e999}"#).unwrap_or(JsValue::NULL),
        c.check(js("({kind: 'course', ects: Infinity})")),
        c.check(js("({kind: 'course', ects: NaN})")),
    ];
    for report in reports {
        assert!(findings(&report).contains(&("schema.limit".into(), "/ects".into())));
        let text = JSON::stringify(&report).ok().and_then(|s| s.as_string()).unwrap_or_default();
        assert!(!text.contains('∞') && !text.contains("NaN") && !text.contains("Infinity"), "{text}");
    }
}

#[wasm_bindgen_test]
fn a_key_given_twice_counts_once_as_json_parse_reads_it() {
    let c = checker();
    let text = r#"{"kind": "course", "ects": 5, "title": "Batteries", "ects": 0}"#;
    let from_text = findings(&c.check_json(text).unwrap_or(JsValue::NULL));
    assert!(from_text.contains(&("schema.duplicate-key".into(), "/ects".into())));
    assert!(from_text.contains(&("workload.ects-range".into(), "/ects".into())));
    // The object JSON.parse makes holds the key once: the same report, less the warning.
    let from_object = findings(&c.check(JSON::parse(text).unwrap_or(JsValue::NULL)));
    let without: Vec<(String, String)> = from_text.into_iter().filter(|(r, _)| r != "schema.duplicate-key").collect();
    assert_eq!(from_object, without);
}

#[wasm_bindgen_test]
fn past_the_size_limit_nothing_is_walked() {
    let options = JSON::parse(r#"{"profile": {"rules": {"schema.limit": {"max_document_size": 100000}}}}"#).unwrap_or(JsValue::NULL);
    let c = Checker::new(Some(options.unchecked_into())).unwrap_or_else(|_| panic!("valid profile"));
    // A hundred thousand references to one long list: a small object, a huge document.
    let doc = js("(() => { const row = Array.from({length: 1000}, (_, i) => 'word ' + i); const all = []; for (let i = 0; i < 100000; i++) all.push(row); return {kind: 'course', reading: all}; })()");
    assert_eq!(findings(&c.check(doc)), [("schema.limit".to_string(), String::new())]);
    // The checker keeps working, its strings in step with the writer's.
    let again = c.check(JSON::parse(EXAMPLES[1]).unwrap_or(JsValue::NULL));
    assert_eq!(get(&again, "score").as_f64(), Some(100.0));
    let long_key = js("({kind: 'course', ['x'.repeat(200000)]: 1})");
    assert!(findings(&checker().check(long_key)).contains(&("schema.limit".into(), String::new())));
}

#[wasm_bindgen_test]
fn check_json_throws_an_error_with_line_and_column() {
    let err = checker().check_json("{\n  \"kind\": \"course\",\n  \"code\" 5\n}").err();
    let err: Option<JsValue> = err.map(Into::into);
    let err = err.unwrap_or(JsValue::NULL);
    assert!(err.is_instance_of::<js_sys::Error>());
    let message = get(&err, "message").as_string().unwrap_or_default();
    assert!(message.contains("line 3, column 10"), "{message}");
    // Columns count UTF-16 code units, as JavaScript's strings do.
    let err: Option<JsValue> = checker().check_json("{\"😀é\": x}").err().map(Into::into);
    let message = get(&err.unwrap_or(JsValue::NULL), "message").as_string().unwrap_or_default();
    assert!(message.contains("line 1, column 9"), "{message}");
}

#[wasm_bindgen_test]
fn a_bad_profile_throws_an_error_naming_the_key() {
    let options = JSON::parse(r#"{"profile": {"rules": {"lo.cont": "off"}}}"#).unwrap_or(JsValue::NULL);
    let err: Option<JsValue> = Checker::new(Some(options.unchecked_into())).err().map(Into::into);
    let err = err.unwrap_or(JsValue::NULL);
    assert!(err.is_instance_of::<js_sys::Error>());
    let message = get(&err, "message").as_string().unwrap_or_default();
    assert!(message.contains("rules/lo.cont: unknown rule"), "{message}");
    assert!(Checker::new(Some(JsValue::from_str("en").unchecked_into())).is_err());
}

#[wasm_bindgen_test]
fn a_profile_and_a_locale_are_applied() {
    let options = JSON::parse(r#"{"locale": "en", "profile": {"id": "tub", "rules": {"society.sdg-missing": "off"}}}"#).unwrap_or(JsValue::NULL);
    let c = Checker::new(Some(options.unchecked_into())).unwrap_or_else(|_| panic!("valid profile"));
    assert_eq!(c.profile_id(), "tub");
    assert_eq!(c.locale(), "en");
    let mut doc: serde_json::Value = serde_json::from_str(EXAMPLES[1]).unwrap_or_default();
    doc["sdgs"] = serde_json::json!([]);
    let report = c.check(JSON::parse(&doc.to_string()).unwrap_or(JsValue::NULL));
    assert_eq!(Array::from(&get(&report, "diagnostics")).length(), 0);
    assert_eq!(get(&report, "profile").as_string().as_deref(), Some("tub"));
}

#[wasm_bindgen_test]
fn rules_and_version_come_from_the_registry() {
    let listed = Array::from(&rules());
    assert_eq!(listed.length() as usize, enhance_qa::rules().count());
    assert_eq!(get(&listed.get(0), "id").as_string().as_deref(), Some("schema.required"));
    assert_eq!(Array::from(&checker().rules()).length(), listed.length());
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
    assert!(listed.get(0).dyn_ref::<Object>().is_some());
    // Each rule comes with its settings, for a page to draw the same thresholds.
    let hours = (0..listed.length())
        .map(|i| listed.get(i))
        .find(|r| get(r, "id").as_string().as_deref() == Some("workload.hours-per-credit"))
        .unwrap_or(JsValue::UNDEFINED);
    assert_eq!(get(&get(&hours, "settings"), "min").as_f64(), Some(25.0));
}

#[wasm_bindgen_test]
fn the_new_kinds_are_reported_with_their_rules_settings_and_institutions() {
    let c = checker();
    let report = c.check(JSON::parse(r#"{"kind": "bip", "physical": {"days": 3}}"#).unwrap_or(JsValue::NULL));
    assert_eq!(get(&report, "kind").as_string().as_deref(), Some("bip"));
    let diagnostics = Array::from(&get(&report, "diagnostics"));
    let found = |rule: &str, path: &str| {
        diagnostics.iter().any(|d| {
            get(&d, "rule").as_string().as_deref() == Some(rule)
                && get(&d, "path").as_string().as_deref() == Some(path)
        })
    };
    assert!(found("bip.physical-days", "/physical/days"));
    assert!(found("bip.virtual-missing", "/virtual"));
    let offer = c.check(JSON::parse(r#"{"kind": "micro-credential"}"#).unwrap_or(JsValue::NULL));
    assert_eq!(get(&offer, "kind").as_string().as_deref(), Some("micro-credential"));
    // The settings a page draws the partnership with, lists included.
    let listed = Array::from(&rules());
    let partners = listed
        .iter()
        .find(|r| get(r, "id").as_string().as_deref() == Some("bip.partners"))
        .unwrap_or(JsValue::UNDEFINED);
    assert_eq!(get(&partners, "group").as_string().as_deref(), Some("bip"));
    assert_eq!(
        JSON::stringify(&get(&partners, "applies")).ok().and_then(|s| s.as_string()).as_deref(),
        Some(r#"["bip"]"#)
    );
    let countries = Array::from(&get(&get(&partners, "settings"), "programme_countries"));
    assert!(countries.includes(&JsValue::from_str("NO"), 0));
    assert!(!countries.includes(&JsValue::from_str("CH"), 0));
    let institutions = Array::from(&c.institutions());
    assert_eq!(institutions.length(), 7);
    let ntnu = institutions
        .iter()
        .find(|i| get(i, "id").as_string().as_deref() == Some("NTNU"))
        .unwrap_or(JsValue::UNDEFINED);
    assert_eq!(get(&ntnu, "country").as_string().as_deref(), Some("NO"));
    assert_eq!(get(&ntnu, "erasmus_code").as_string().as_deref(), Some("N  TRONDHE01"));
}

#[wasm_bindgen_test]
fn a_locale_is_served_once_its_catalogue_is_handed_over() {
    // The wasm holds English only; Polish is never handed over here.
    let options = JSON::parse(r#"{"locale": "pl"}"#).unwrap_or(JsValue::NULL);
    let polish = Checker::new(Some(options.unchecked_into())).unwrap_or_else(|_| panic!("builds"));
    assert_eq!(polish.locale(), "en");
    let german = || {
        let options = JSON::parse(r#"{"locale": "de-DE"}"#).unwrap_or(JsValue::NULL);
        Checker::new(Some(options.unchecked_into())).unwrap_or_else(|_| panic!("builds"))
    };
    assert_eq!(locale_of("DE").as_deref(), Some("de"));
    assert_eq!(locale_of("fr"), None);
    assert!(add_locale("de", "{\"not\": \"a catalogue\"}").is_err());
    assert!(add_locale("fr", include_str!("../../data/messages/de.json")).is_err());
    let served = add_locale("de-AT", include_str!("../../data/messages/de.json"));
    assert_eq!(served.ok().as_deref(), Some("de"));
    let c = german();
    assert_eq!(c.locale(), "de");
    let report = c.check(JSON::parse(r#"{"kind": "course"}"#).unwrap_or(JsValue::NULL));
    assert_eq!(get(&report, "locale").as_string().as_deref(), Some("de"));
    let first = Array::from(&get(&report, "diagnostics")).get(0);
    assert!(get(&first, "message").as_string().is_some_and(|m| m.contains("Pflichtfeld")));
    assert_eq!(get(&c.labels(), "error").as_string().as_deref(), Some("Fehler"));
}
