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
fn a_huge_string_is_checked_not_refused() {
    let c = checker();
    let doc = js("({kind: 'course', summary: 'word '.repeat(500000)})");
    let report = c.check(doc);
    let diagnostics = Array::from(&get(&report, "diagnostics"));
    assert!(diagnostics.iter().any(|d| get(&d, "rule").as_string().as_deref() == Some("text.summary-length")));
}

#[wasm_bindgen_test]
fn check_json_throws_an_error_with_line_and_column() {
    let err = checker().check_json("{\n  \"kind\": \"course\",\n  \"code\" 5\n}").err();
    let err: Option<JsValue> = err.map(Into::into);
    let err = err.unwrap_or(JsValue::NULL);
    assert!(err.is_instance_of::<js_sys::Error>());
    let message = get(&err, "message").as_string().unwrap_or_default();
    assert!(message.contains("line 3, column 10"), "{message}");
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
