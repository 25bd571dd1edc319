//! The JavaScript binding: a `Checker` class over the core, nothing more.
//!
//! A document crosses the boundary as a tape (`js/tape.js`, read by
//! `json::tape` in the core):
//! one walk of the object in JavaScript, one copy into wasm memory, and the
//! strings the checker already holds sent as numbers. Measured here, that is
//! several times cheaper than `JSON.stringify` plus one string, and many
//! times cheaper than reading the object field by field across the boundary.
//! The report goes back as one JSON string through `JSON.parse`.

mod json_text;

use crate::analysis::memo::Memo;
use crate::json::tape::Strings;
use crate::messages::Messages;
use crate::profile::Profile;
use js_sys::{Reflect, Uint8Array, JSON};
use json_text::Writer;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/js/tape.js")]
extern "C" {
    fn new_tape(size: f64, text: f64, list: f64, depth: f64) -> JsValue;
    fn write_tape(tape: &JsValue, value: &JsValue) -> JsValue;
    fn forget_tape(tape: &JsValue);
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** How serious a finding is. */
export type Severity = "error" | "warning" | "info";

/** A range in the string at a diagnostic's path, in UTF-16 code units (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** One finding: which rule, how serious, which field, what to do. */
export interface Diagnostic {
  /** A stable rule id such as "lo.vague-verb". */
  rule: string;
  severity: Severity;
  /** RFC 6901 JSON Pointer to the field ("" for the whole document). */
  path: string;
  span?: Span;
  /** Plain text in the checker's locale: render it as text, never as HTML. */
  message: string;
  suggestions?: string[];
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

/** The kinds of document: a course description, a programme proposal, an Erasmus+ Blended Intensive Programme proposal, a micro-credential offer. */
export type Kind = "course" | "programme" | "bip" | "micro-credential";

/** The result of a check; the same bytes as the native library and the CLI give. */
export interface Report {
  profile: string;
  /** The locale the messages are written in ("en", "de" …). */
  locale: string;
  kind: Kind | null;
  /** max(0, 100 − 15·errors − 5·warnings − 1·infos) */
  score: number;
  counts: Counts;
  diagnostics: Diagnostic[];
}

export type RuleGroup =
  | "shape" | "metadata" | "workload" | "outcomes" | "alignment"
  | "texts" | "structure" | "joint" | "society" | "catalogue"
  | "bip" | "microcredential";

/** A rule's metadata, from the registry the checker runs. */
export interface RuleInfo {
  id: string;
  /** The severity in the checker's profile; null when the profile turns it off. */
  severity: Severity | null;
  group: RuleGroup;
  /** The kinds of document the rule reads, in the format's order. */
  applies: Kind[];
  /** One line, in the checker's locale. */
  summary: string;
  source: string;
  /** The rule's thresholds in the checker's profile (without its severity), e.g. {min: 25, max: 30}. */
  settings: { [name: string]: unknown };
}

/**
 * A rule explained, as `enhance-qa explain` shows it: the package's
 * `explain.json` holds one per rule id (in English; kept out of the wasm).
 */
export interface RuleExplanation {
  checks: string;
  /** What the standard in the rule's `source` asks. */
  why: string;
  fix: string;
  /** A document (JSON text) on which the rule fires; an array of documents for "catalogue.*". */
  fires: string;
  /** A document (JSON text) on which the rule stays silent. */
  silent: string;
}

/** An institution of the checker's profile, as the BIP and micro-credential rules know it. */
export interface Institution {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  erasmus_code: string | null;
}

/** A rule's setting in a profile: a severity, "off", or its thresholds. */
export type RuleSetting = Severity | "off" | ({ severity?: Severity | "off" } & { [threshold: string]: unknown });

/** A profile that extends the built-in alliance profile "enhance-2026". */
export interface Profile {
  extends?: "enhance-2026";
  id?: string;
  name?: string;
  rules?: { [ruleId: string]: RuleSetting };
  institutions?: { [id: string]: { name?: string; country: string; erasmus_code?: string } };
  lexicons?: string[];
}

export interface CheckerOptions {
  /**
   * Language of the messages: "en", "de", "pl", "it", "sv", "nb", "nn" or
   * "es" ("de-DE", "DE" alike), once its catalogue is loaded (`loadLocale`
   * from "enhance-qa/locales"; "enhance-qa/node" loads them all). Any other
   * gives English; `checker.locale` says which is used.
   */
  locale?: string;
  profile?: Profile;
}

/** The words a form shows around the messages, in the checker's locale. */
export interface FormLabels {
  error: string;
  warning: string;
  info: string;
  /** The label of a fix button; "{value}" stands for the suggestion, already quoted. */
  fix: string;
  /** The heading of the findings about the whole form. */
  summary: string;
  quoteOpen: string;
  quoteClose: string;
  /** Each criteria group's heading. */
  groups: { [group in RuleGroup]: string };
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The options object, typed as `CheckerOptions` and checked field by field.
    #[wasm_bindgen(typescript_type = "CheckerOptions")]
    pub type Options;
}

/// The checker, with its profile, lexicons and look-ups prepared once, and
/// the readings of the last document's texts: a form checked at every
/// keystroke has only the text that changed read again.
#[wasm_bindgen]
pub struct Checker {
    inner: crate::Checker,
    memo: Memo,
    /// The tape writer, and the strings it has sent (numbered alike on both sides).
    tape: JsValue,
    strings: RefCell<Strings>,
    /// The last tape and its report as JSON: a form checked again with
    /// nothing changed (a blur, a field set back) gets the report again
    /// without a check, since a check depends on the document alone.
    last: RefCell<(Vec<u8>, String)>,
}

#[wasm_bindgen]
impl Checker {
    /// Prepares a checker; a bad profile throws an `Error` naming the key at fault.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<Options>) -> Result<Checker, JsError> {
        let options: JsValue = options.map_or(JsValue::UNDEFINED, Into::into);
        if !(options.is_undefined() || options.is_null() || options.is_object()) {
            return Err(JsError::new(
                "Checker options must be an object such as {locale: \"en\"}",
            ));
        }
        let field = |name: &str| -> JsValue {
            if options.is_object() {
                Reflect::get(&options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
            } else {
                JsValue::UNDEFINED
            }
        };
        let locale = field("locale");
        let locale = match locale.as_string() {
            Some(l) => l,
            None if locale.is_undefined() || locale.is_null() => "en".to_string(),
            None => return Err(JsError::new("locale must be a string such as \"en\"")),
        };
        let profile = field("profile");
        let profile = if profile.is_undefined() || profile.is_null() {
            Profile::built_in()
        } else {
            let text = stringify(&profile)
                .ok_or_else(|| JsError::new("the profile cannot be written as JSON"))?;
            Profile::from_json(&text).map_err(|e| JsError::new(&format!("invalid profile: {e}")))?
        };
        let inner = crate::Checker::build(profile, &locale)
            .map_err(|e| JsError::new(&format!("invalid profile: {e}")))?;
        // The writer applies the same reading limits, so it never walks what is not read.
        let limits = inner.limits();
        let tape = new_tape(
            limits.size as f64,
            limits.text as f64,
            limits.list as f64,
            limits.depth as f64,
        );
        Ok(Checker {
            inner,
            memo: Memo::new(),
            tape,
            strings: RefCell::new(Strings::default()),
            last: RefCell::default(),
        })
    }

    /// Checks a document given as a plain object; never throws.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "unknown")] document: JsValue,
    ) -> JsValue {
        let mut last = self.last.borrow_mut();
        let written = write_tape(&self.tape, &document);
        if let Some(reason) = written.as_string() {
            self.strings.borrow_mut().forget();
            last.0.clear();
            return report_js(&self.inner.check_foreign(&reason));
        }
        let written = written.unchecked_into::<Uint8Array>();
        let length = written.length() as usize;
        // Byte 0 is 1 when both sides start their strings afresh.
        if length == last.0.len() && length > 1 && last.0[0] == 0 {
            let mut bytes = vec![0; length];
            written.copy_to(&mut bytes);
            if bytes == last.0 {
                return parse(&last.1);
            }
            last.0 = bytes;
        } else {
            last.0.resize(length, 0);
            written.copy_to(&mut last.0);
        }
        let bytes = &last.0;
        let mut strings = self.strings.borrow_mut();
        let limits = self.inner.limits();
        let report = strings
            .learn(bytes)
            .and_then(|new| strings.read(bytes, new, limits))
            .map(|tree| self.inner.check_tree_remembering(&tree, &self.memo));
        match report {
            Some(report) => {
                let mut w = Writer::default();
                w.report(&report);
                last.1 = w.out;
                parse(&last.1)
            }
            // Not a tape of the writer's: both sides start afresh.
            None => {
                strings.forget();
                forget_tape(&self.tape);
                last.0.clear();
                report_js(&self.inner.check_foreign("type.unreadable"))
            }
        }
    }

    /// Checks a document given as JSON text; text that is not JSON throws an
    /// `Error` with its line and column.
    #[wasm_bindgen(js_name = checkJson, unchecked_return_type = "Report")]
    pub fn check_json(&self, text: &str) -> Result<JsValue, JsError> {
        match self.inner.check_str_remembering(text, &self.memo) {
            Ok(report) => Ok(report_js(&report)),
            Err(e) => Err(JsError::new(&self.inner.messages().parse_error(&e))),
        }
    }

    /// Every rule's metadata, with this checker's severities.
    #[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
    pub fn rules(&self) -> JsValue {
        rule_infos(self.inner.profile(), self.inner.messages())
    }

    /// The profile's institutions, with their countries and Erasmus codes.
    #[wasm_bindgen(unchecked_return_type = "Institution[]")]
    pub fn institutions(&self) -> JsValue {
        let mut w = Writer::default();
        w.raw("[");
        for (i, institution) in self.inner.profile().institutions.iter().enumerate() {
            if i > 0 {
                w.raw(",");
            }
            w.raw("{").key("id", true).string(&institution.id);
            w.key("name", false).string(&institution.name);
            w.key("country", false).string(&institution.country);
            match &institution.erasmus_code {
                Some(code) => w.key("erasmus_code", false).string(code),
                None => w.key("erasmus_code", false).raw("null"),
            };
            w.raw("}");
        }
        w.raw("]");
        parse(&w.out)
    }

    /// The words a form shows around the messages, in this checker's locale.
    #[wasm_bindgen(unchecked_return_type = "FormLabels")]
    pub fn labels(&self) -> JsValue {
        let m = self.inner.messages();
        let text = |key: &str| m.render(key, &[]);
        let mut w = Writer::default();
        w.raw("{");
        for (i, (name, key)) in [
            ("error", "severity.error"),
            ("warning", "severity.warning"),
            ("info", "severity.info"),
            ("fix", "form.fix"),
            ("summary", "form.summary"),
            ("quoteOpen", "locale.quote-open"),
            ("quoteClose", "locale.quote-close"),
        ]
        .into_iter()
        .enumerate()
        {
            w.key(name, i == 0).string(&text(key));
        }
        // Group id → heading, each group once, in the registry's order.
        w.key("groups", false).raw("{");
        let mut seen: Vec<&str> = Vec::new();
        for g in crate::rules().map(|r| r.group.as_str()) {
            if !seen.contains(&g) {
                w.key(g, seen.is_empty())
                    .string(&text(&format!("group.{g}")));
                seen.push(g);
            }
        }
        w.raw("}}");
        parse(&w.out)
    }

    /// The package's version.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        version()
    }

    /// The locale messages are written in.
    #[wasm_bindgen(getter)]
    pub fn locale(&self) -> String {
        self.inner.locale().to_string()
    }

    /// The id of the profile in use.
    #[wasm_bindgen(getter, js_name = profileId)]
    pub fn profile_id(&self) -> String {
        self.inner.profile().id.clone()
    }
}

/// Every rule's metadata, with the built-in profile's severities.
#[wasm_bindgen(js_name = rules, unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> JsValue {
    rule_infos(&Profile::built_in(), &Messages::new("en"))
}

/// Hands over the catalogue of a locale (the text of the package's
/// `locales/<code>.json`); throws an `Error` for text that is not one.
/// Returns the locale it serves ("de-DE" → "de").
#[wasm_bindgen(js_name = addLocale)]
pub fn add_locale(locale: &str, catalogue: &str) -> Result<String, JsError> {
    Messages::add(locale, catalogue)
        .map(str::to_string)
        .map_err(|e| JsError::new(&format!("enhance-qa: {e}")))
}

/// The locale a request is served in when its catalogue is there ("de-DE",
/// "DE" → "de"), or `undefined` when there is none for it.
#[wasm_bindgen(js_name = localeOf)]
pub fn locale_of(requested: &str) -> Option<String> {
    Messages::resolve(requested).map(str::to_string)
}

/// Every rule's metadata with its settings, so that a page draws the same
/// thresholds the checker applies (the workload band, the semester line).
/// Read from the registry itself: the explanations `infos()` adds are
/// documentation the package ships as `explain.json`, not in the wasm.
fn rule_infos(profile: &Profile, messages: &Messages) -> JsValue {
    let mut w = Writer::default();
    w.raw("[");
    for (i, r) in crate::rules().enumerate() {
        if i > 0 {
            w.raw(",");
        }
        w.raw("{").key("id", true).string(r.id);
        match profile.severity(r.id) {
            Some(s) => w.key("severity", false).string(s.as_str()),
            None => w.key("severity", false).raw("null"),
        };
        w.key("group", false).string(r.group.as_str());
        w.key("applies", false).raw("[");
        for (i, kind) in r.applies.kinds().enumerate() {
            if i > 0 {
                w.raw(",");
            }
            w.string(kind.as_str());
        }
        w.raw("]");
        w.key("summary", false)
            .string(messages.summary(r.id, r.summary));
        w.key("source", false).string(r.source);
        // The rule's settings as written in the profile, less its severity.
        w.key("settings", false).raw("{");
        let members = profile
            .rule(r.id)
            .and_then(|v| v.as_object())
            .unwrap_or(&[]);
        let mut first = true;
        for (k, v) in members.iter().filter(|(k, _)| k != "severity") {
            w.key(k, first).value(v);
            first = false;
        }
        w.raw("}}");
    }
    w.raw("]");
    parse(&w.out)
}

/// The package's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The value as JSON text, or `None` where `JSON.stringify` gives nothing
/// (`undefined`, a function) or throws (a cycle, a `BigInt`, too deep).
fn stringify(value: &JsValue) -> Option<String> {
    JSON::stringify(value).ok()?.as_string()
}

/// A report as a plain JS object, through one `JSON.parse`.
fn report_js(report: &crate::Report) -> JsValue {
    let mut w = Writer::default();
    w.report(report);
    parse(&w.out)
}

/// JSON text as a plain JS object.
fn parse(text: &str) -> JsValue {
    JSON::parse(text).unwrap_or(JsValue::NULL)
}

/// The boundary the design first named, built only to be measured against the
/// tape (`make bench`): serde-wasm-bindgen reads the document field by field
/// across the boundary and writes the report as JS objects.
#[cfg(feature = "serde-wasm-bindgen")]
#[wasm_bindgen]
impl Checker {
    #[wasm_bindgen(js_name = checkSerde)]
    pub fn check_serde(&self, document: JsValue) -> JsValue {
        use serde::Serialize;
        let report = match serde_wasm_bindgen::from_value::<serde_json::Value>(document) {
            Ok(value) => {
                let tree = crate::json::from_serde(&value, self.inner.limits());
                self.inner.check_tree_remembering(&tree, &self.memo)
            }
            Err(_) => self.inner.check_foreign("type.unreadable"),
        };
        report
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap_or(JsValue::NULL)
    }
}
