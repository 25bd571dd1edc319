//! Pre-builds the lexicons: each `data/lexicons/<code>.json` is read here,
//! merged with the file it builds on (`"base"`), its words lower-cased, and
//! written as compact Rust data that `src/analysis/lexicon.rs` includes. The
//! checker then parses no JSON for them, and a data file that is not valid
//! fails the build, naming the file and the key.

use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Separates the sections of a lexicon's lists, the items of a section, and
/// the suggestions of one vague phrasing; no data file may hold them.
const SECTION: char = '\u{1e}';
const ITEM: char = '\u{1f}';
const GROUP: char = '\u{1d}';

/// The languages in the order the checker tries them (English first: the
/// language a document without one is read in); each has its data file.
const LANGUAGES: &[&str] = &["en", "de", "pl", "it", "nb", "nn", "sv", "es"];

fn main() {
    let dir = Path::new("data/lexicons");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let sources: Vec<(String, Value)> = files
        .iter()
        .map(|path| {
            println!("cargo:rerun-if-changed={}", path.display());
            let code = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let text =
                std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let value: Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (code, value)
        })
        .collect();
    for (code, _) in &sources {
        if !LANGUAGES.contains(&code.as_str()) {
            panic!("data/lexicons/{code}.json: add `{code}` to LANGUAGES in build.rs");
        }
    }
    let order = LANGUAGES.iter().map(|code| {
        sources
            .iter()
            .find(|(c, _)| c == code)
            .unwrap_or_else(|| panic!("data/lexicons/{code}.json is missing"))
    });
    let mut out = String::from("// Written by build.rs from data/lexicons/*.json.\n");
    let _ = writeln!(
        out,
        "const SECTION: char = {SECTION:?};\nconst ITEM: char = {ITEM:?};\nconst GROUP: char = {GROUP:?};"
    );
    out.push_str("const PREBUILT: &[Prebuilt] = &[\n");
    for (code, root) in order {
        let file = File { code, root };
        let base = root.get("base").map(|b| {
            let name = file.string_of(b, "base");
            let (_, value) = sources
                .iter()
                .find(|(c, _)| c == name)
                .unwrap_or_else(|| file.fail("base", "names no lexicon file"));
            File {
                code: name,
                root: value,
            }
        });
        out.push_str(&prebuilt(&file, base.as_ref()));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(dest.join("lexicons.rs"), out).expect("OUT_DIR is writable");
}

/// One data file, for reading its keys with errors that name it.
struct File<'a> {
    code: &'a str,
    root: &'a Value,
}

impl<'a> File<'a> {
    fn fail(&self, key: &str, problem: &str) -> ! {
        panic!("data/lexicons/{}.json: `{key}` {problem}", self.code)
    }

    fn string_of(&self, value: &'a Value, key: &str) -> &'a str {
        value
            .as_str()
            .unwrap_or_else(|| self.fail(key, "is not a string"))
    }

    /// The strings of the array under `key` (none if the key is absent).
    fn strings(&self, value: Option<&'a Value>, key: &str) -> Vec<&'a str> {
        let Some(value) = value else {
            return Vec::new();
        };
        let items = value
            .as_array()
            .unwrap_or_else(|| self.fail(key, "is not an array"));
        items.iter().map(|v| self.string_of(v, key)).collect()
    }

    fn list(&self, key: &str) -> Vec<&'a str> {
        self.strings(self.root.get(key), key)
    }
}

/// A key's value in the file, or in its base.
fn get<'a>(file: &File<'a>, base: Option<&File<'a>>, key: &str) -> Option<&'a Value> {
    file.root.get(key).or_else(|| base?.root.get(key))
}

/// The strings under `key` in the file and then in its base: lists add to
/// those of the base language (nynorsk on bokmål).
fn listed<'a>(file: &File<'a>, base: Option<&File<'a>>, key: &str) -> Vec<&'a str> {
    let mut list = file.list(key);
    if let Some(base) = base {
        list.extend(base.list(key));
    }
    list
}

/// A phrase as the checker compares it: lower-case words, one space apart.
fn phrase(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn prebuilt(file: &File<'_>, base: Option<&File<'_>>) -> String {
    let code = file.code;
    if let Some(language) = file.root.get("language") {
        if file.string_of(language, "language") != code {
            file.fail("language", "is not the file's name");
        }
    }
    let name = get(file, base, "name").map_or(code, |v| file.string_of(v, "name"));
    let verb_last = get(file, base, "verb_position").map(|v| file.string_of(v, "verb_position"))
        == Some("last");
    let readability = get(file, base, "readability");
    let index = readability
        .and_then(|r| r.get("index"))
        .and_then(Value::as_str);
    let number = |k: &str| {
        readability
            .and_then(|r| r.get(k))
            .and_then(Value::as_f64)
            .unwrap_or_else(|| file.fail("readability", &format!("lacks the number `{k}`")))
    };
    let readability_index = match index {
        Some("flesch") => format!(
            "Readability::Flesch {{ a: {:?}, b: {:?}, c: {:?} }}",
            number("a"),
            number("b"),
            number("c")
        ),
        Some("gulpease") => "Readability::Gulpease".to_string(),
        _ => "Readability::Lix".to_string(),
    };
    let readability_name = readability
        .and_then(|r| r.get("name"))
        .map_or("LIX", |v| file.string_of(v, "readability"));
    let syllables = get(file, base, "syllables");
    let vowels = syllables
        .and_then(|s| s.get("vowels"))
        .map_or("aeiouy", |v| file.string_of(v, "syllables"));
    let silent_final_e = syllables
        .and_then(|s| s.get("silent_final_e"))
        .and_then(Value::as_bool)
        == Some(true);

    let lower = |key: &str| -> Vec<String> {
        listed(file, base, key)
            .into_iter()
            .map(str::to_lowercase)
            .collect()
    };
    let phrases =
        |key: &str| -> Vec<String> { listed(file, base, key).into_iter().map(phrase).collect() };
    let mut sections: Vec<(&str, Vec<String>)> = Vec::new();
    for key in [
        "conjunctions",
        "that",
        "adverbs",
        "tail",
        "adverb_endings",
        "participles",
    ] {
        sections.push((key, lower(key)));
    }
    for key in [
        "labels",
        "clauses",
        "subjects",
        "teacher_centred",
        "framework",
    ] {
        sections.push((key, phrases(key)));
    }
    let mut openers = listed(file, base, "subjects");
    openers.extend(listed(file, base, "openers"));
    sections.push(("openers", openers.into_iter().map(phrase).collect()));
    let placeholders = phrases("placeholders");
    sections.push((
        "placeholders",
        placeholders.into_iter().filter(|p| !p.is_empty()).collect(),
    ));
    let examples = get(file, base, "examples");
    sections.push((
        "examples",
        file.strings(examples, "examples")
            .into_iter()
            .map(str::to_string)
            .collect(),
    ));
    sections.push((
        "stopwords",
        file.list("stopwords")
            .into_iter()
            .map(str::to_lowercase)
            .collect(),
    ));
    // The index that tells languages apart reads the base's stop words too,
    // so that a bokmål text never reads as more nynorsk than bokmål.
    sections.push(("stopwords_index", lower("stopwords")));

    let (mut vague, mut suggestions) = (Vec::new(), Vec::new());
    for source in [Some(file), base].into_iter().flatten() {
        let entries = source.root.get("vague").map(|v| {
            v.as_array()
                .unwrap_or_else(|| source.fail("vague", "is not an array"))
        });
        for entry in entries.into_iter().flatten() {
            for form in source.strings(entry.get("forms"), "vague") {
                vague.push(format!("{} {}", suggestions.len(), phrase(form)));
            }
            suggestions.push(
                source
                    .strings(entry.get("suggest"), "vague")
                    .join(&GROUP.to_string()),
            );
        }
    }
    sections.push(("vague", vague));
    sections.push(("suggestions", suggestions));

    // Verbs stay lemmas (`lemma|irregular form|…`) with the rules that
    // inflect them: the inflected forms would take three times the room.
    let inflection = get(file, base, "inflection").map_or(Vec::new(), |v| {
        v.as_array()
            .unwrap_or_else(|| file.fail("inflection", "is not an array"))
            .iter()
            .map(|rule| inflection_rule(file, rule))
            .collect()
    });
    sections.push(("inflection", inflection));
    for level in ["1", "2", "3", "4", "5", "6"] {
        let mut verbs = Vec::new();
        for source in [Some(file), base].into_iter().flatten() {
            let entries = source.root.get("verbs").and_then(|v| v.get(level));
            for entry in source.strings(entries, "verbs") {
                let mut parts = entry.split('|');
                let lemma = phrase(parts.next().unwrap_or_default());
                if lemma.is_empty() {
                    source.fail("verbs", "has an entry without a lemma");
                }
                let irregular = parts
                    .map(|f| f.trim().to_lowercase())
                    .filter(|f| !f.is_empty());
                let forms: Vec<String> = std::iter::once(lemma).chain(irregular).collect();
                verbs.push(forms.join("|"));
            }
        }
        sections.push((level, verbs));
    }

    let mut lists = String::new();
    for (key, items) in &sections {
        if !lists.is_empty() {
            lists.push(SECTION);
        }
        lists.push_str(key);
        for item in items {
            if item.contains([SECTION, ITEM]) {
                file.fail(key, "holds a control character");
            }
            lists.push(ITEM);
            lists.push_str(item);
        }
    }
    let aliases: Vec<String> = file
        .list("aliases")
        .iter()
        .map(|a| format!("{a:?}"))
        .collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "    Prebuilt {{\n        code: {code:?},\n        name: {name:?},\n        aliases: &[{}],\n        \
         verb_last: {verb_last},\n        readability: {readability_index},\n        \
         readability_name: {readability_name:?},\n        vowels: {vowels:?},\n        \
         silent_final_e: {silent_final_e},\n        lists: {lists:?},\n    }},",
        aliases.join(", ")
    );
    out
}

/// A rule of regular inflection as one item: the ending, the letters it
/// may not follow, how many letters to strip, and the endings to add.
fn inflection_rule(file: &File<'_>, rule: &Value) -> String {
    let text = |k: &str| rule.get(k).map_or("", |v| file.string_of(v, "inflection"));
    let strip = rule.get("strip").map_or(0, |v| {
        v.as_u64()
            .unwrap_or_else(|| file.fail("inflection", "has a `strip` that is not a whole number"))
    });
    let mut parts = vec![
        text("ending").to_string(),
        text("not_after").to_string(),
        strip.to_string(),
    ];
    parts.extend(
        file.strings(rule.get("add"), "inflection")
            .into_iter()
            .map(str::to_string),
    );
    parts.join(&GROUP.to_string())
}
