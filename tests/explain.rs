//! Every rule explained: the texts are there, and each example does what it
//! says (the firing one fires the rule, the silent one does not).

use enhance_qa::{catalogue, infos, json, Checker, Profile};

/// The rules that fire on an example: a document, or an array of documents
/// checked together.
fn fired(checker: &Checker, example: &str) -> Vec<&'static str> {
    let tree = checker
        .read(example)
        .unwrap_or_else(|e| panic!("{e}: {example}"));
    let reports = match &tree.value {
        json::Value::Array(docs) => {
            let named: Vec<(String, &json::Value<'_>)> = docs
                .iter()
                .enumerate()
                .map(|(i, d)| (format!("doc-{i}.json"), d))
                .collect();
            let refs: Vec<(&str, &json::Value<'_>)> =
                named.iter().map(|(n, d)| (n.as_str(), *d)).collect();
            catalogue::check_all(checker, &refs)
        }
        _ => vec![checker.check_tree(&tree)],
    };
    reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(|d| d.rule))
        .collect()
}

#[test]
fn every_rule_is_explained_and_its_examples_hold() {
    let checker = Checker::default();
    let all = infos(&Profile::built_in());
    assert_eq!(all.len(), enhance_qa::rules().count());
    let mut wrong = Vec::new();
    for info in &all {
        let e = &info.explain;
        for (name, text) in [("checks", &e.checks), ("why", &e.why), ("fix", &e.fix)] {
            assert!(!text.trim().is_empty(), "{}: no {name}", info.id);
        }
        if !fired(&checker, &e.fires).contains(&info.id) {
            wrong.push(format!("{}: the firing example is silent", info.id));
        }
        if fired(&checker, &e.silent).contains(&info.id) {
            wrong.push(format!("{}: the silent example fires", info.id));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn explanations_list_each_rules_settings_with_defaults() {
    let all = infos(&Profile::built_in());
    let count = all
        .iter()
        .find(|i| i.id == "lo.count")
        .map(|i| &i.explain.settings)
        .expect("lo.count is a rule");
    let listed: Vec<(String, String)> = count
        .iter()
        .map(|s| (s.key.to_string(), s.default.to_string()))
        .collect();
    assert_eq!(
        listed,
        [
            ("course/min", "3"),
            ("course/max", "8"),
            ("programme/min", "5"),
            ("programme/max", "15"),
            ("bip/min", "3"),
            ("bip/max", "8"),
            ("micro-credential/min", "3"),
            ("micro-credential/max", "8")
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
    );
}
