//! Message catalogues: one JSON file of templates per locale, compiled in.
//! A template names its parameters in braces (`{sum}`); a key missing from a
//! locale falls back to English. Each catalogue also holds its locale's
//! conventions (`locale.*`: quotation marks, decimal separator, the word
//! for "or"), applied to the parameters when a message is rendered.

use crate::json;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

/// Every locale there is a catalogue of, English first.
const LOCALES: [&str; 8] = ["en", "de", "pl", "it", "nb", "nn", "sv", "es"];

// The command holds every catalogue; the WebAssembly build holds English
// only and is handed the others as a page needs them (`add`), so that a
// site ships the languages it uses.
#[cfg(target_arch = "wasm32")]
const CATALOGUES: &[(&str, &str)] = &[("en", include_str!("../data/messages/en.json"))];

#[cfg(not(target_arch = "wasm32"))]
const CATALOGUES: &[(&str, &str)] = &[
    ("en", include_str!("../data/messages/en.json")),
    ("de", include_str!("../data/messages/de.json")),
    ("pl", include_str!("../data/messages/pl.json")),
    ("it", include_str!("../data/messages/it.json")),
    ("nb", include_str!("../data/messages/nb.json")),
    ("nn", include_str!("../data/messages/nn.json")),
    ("sv", include_str!("../data/messages/sv.json")),
    ("es", include_str!("../data/messages/es.json")),
];

// Marks in parameters that the locale decides at rendering: quotation marks
// around a quoted value, and the word joining the last item of a list.
const OPEN: char = '\u{e000}';
const CLOSE: char = '\u{e001}';
const OR: char = '\u{e002}';

#[derive(Debug, Clone)]
pub struct Messages {
    locale: &'static str,
    templates: Catalogue,
    fallback: Catalogue,
    open: String,
    close: String,
    decimal: String,
    or: String,
}

/// Shared: each compiled-in catalogue is read once for every checker.
type Catalogue = Arc<Templates>;

/// A catalogue's templates sorted by key: a message is looked up at every
/// diagnostic, among hundreds of keys.
#[derive(Debug, Default)]
struct Templates {
    list: Vec<(String, String)>,
}

impl Templates {
    fn new(mut list: Vec<(String, String)>) -> Templates {
        // Keys are unique: JSON reading keeps the last of a repeated one.
        crate::sort::sort_by(&mut list, |a, b| a.0.cmp(&b.0));
        Templates { list }
    }

    fn get(&self, key: &str) -> Option<&str> {
        let at = self
            .list
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()?;
        Some(self.list[at].1.as_str())
    }
}

/// Catalogues handed over at run time ([`Messages::add`]).
static ADDED: Mutex<Vec<(&'static str, Catalogue)>> = Mutex::new(Vec::new());

fn catalogue(locale: &str) -> Option<Catalogue> {
    static READ: [OnceLock<Catalogue>; LOCALES.len()] = [const { OnceLock::new() }; LOCALES.len()];
    match CATALOGUES.iter().position(|(l, _)| *l == locale) {
        Some(at) => Some(Arc::clone(READ[at].get_or_init(|| {
            // Compiled in and read by the tests: a file that is not JSON cannot ship.
            read(CATALOGUES[at].1).unwrap_or_else(|e| panic!("data/messages/{locale}.json: {e}"))
        }))),
        None => ADDED
            .lock()
            .ok()?
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, c)| c.clone()),
    }
}

/// A catalogue's text: an object of templates.
fn read(text: &str) -> Result<Catalogue, String> {
    let root = json::parse(text).map_err(|e| format!("{}:{}: {}", e.line, e.column, e.problem))?;
    let members = root.as_object().ok_or("not an object of templates")?;
    members
        .iter()
        .map(|(k, v)| match v.as_str() {
            Some(t) => Ok((k.to_string(), t.to_string())),
            None => Err(format!("\"{k}\" is not text")),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(|list| Arc::new(Templates::new(list)))
}

/// The catalogue a requested locale is served from (`de`, `de-DE`, `DE`
/// and `de_AT` alike; Norwegian `no` as bokmål), or `None` when none is.
fn resolve(requested: &str) -> Option<&'static str> {
    let base = requested
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let base = if base == "no" { "nb".to_string() } else { base };
    LOCALES.into_iter().find(|l| *l == base)
}

/// Plural categories as CLDR defines them for the catalogues' languages.
fn plural_category(locale: &str, n: f64) -> &'static str {
    let whole = n.fract() == 0.0 && n >= 0.0;
    let i = n as u64;
    match locale {
        "pl" if whole && i == 1 => "one",
        "pl" if whole && (2..=4).contains(&(i % 10)) && !(12..=14).contains(&(i % 100)) => "few",
        "pl" if whole => "many",
        "pl" => "other",
        _ if whole && i == 1 => "one",
        _ => "other",
    }
}

impl Messages {
    /// The catalogue of `locale` (see [`resolve`]), English where there is none.
    pub fn new(locale: &str) -> Messages {
        let fallback = catalogue("en").unwrap_or_default();
        let (locale, templates) = match resolve(locale).filter(|l| *l != "en") {
            Some(l) => match catalogue(l) {
                Some(templates) => (l, templates),
                None => ("en", Catalogue::default()),
            },
            None => ("en", Catalogue::default()),
        };
        let mut messages = Messages {
            locale,
            templates,
            fallback,
            open: String::new(),
            close: String::new(),
            decimal: String::new(),
            or: String::new(),
        };
        messages.open = messages.template("locale.quote-open").to_string();
        messages.close = messages.template("locale.quote-close").to_string();
        messages.decimal = messages.template("locale.decimal").to_string();
        messages.or = messages.template("locale.or").to_string();
        messages
    }

    /// The locale the messages are in.
    pub fn locale(&self) -> &'static str {
        self.locale
    }

    /// The locale a request is served in (`de-DE` → `de`), or `None` when
    /// there is no catalogue for it and English is used instead.
    pub fn resolve(requested: &str) -> Option<&'static str> {
        resolve(requested)
    }

    /// Text quoted in the locale's marks (as messages quote user text).
    pub fn quoted(&self, text: &str) -> String {
        let mut out = String::new();
        self.localise(&quote(text), &mut out);
        out
    }

    /// A rule's one-line summary in this locale (English where it has none).
    pub fn summary<'a>(&'a self, id: &str, english: &'a str) -> &'a str {
        if self.locale == "en" {
            return english;
        }
        self.own(&format!("summary.{id}")).unwrap_or(english)
    }

    /// Hands over the catalogue of a locale the build does not hold (the
    /// package's `locales/<code>.json`); returns the locale it serves.
    pub fn add(locale: &str, text: &str) -> Result<&'static str, String> {
        let code =
            resolve(locale).ok_or_else(|| format!("there is no catalogue for \"{locale}\""))?;
        let templates = read(text).map_err(|e| format!("the catalogue of \"{code}\": {e}"))?;
        if templates.get("locale.name").is_none() {
            return Err(format!(
                "the catalogue of \"{code}\" is not a message catalogue"
            ));
        }
        let mut added = ADDED
            .lock()
            .map_err(|_| "the catalogues cannot be read".to_string())?;
        added.retain(|(l, _)| *l != code);
        added.push((code, templates));
        Ok(code)
    }

    /// The template of `key`, or the key itself where no catalogue has it.
    pub fn template<'m>(&'m self, key: &'m str) -> &'m str {
        self.templates
            .get(key)
            .or_else(|| self.fallback.get(key))
            .unwrap_or(key)
    }

    /// A translated text of this locale only (`None` where the catalogue lacks it).
    pub fn own(&self, key: &str) -> Option<&str> {
        let list = if self.locale == "en" {
            &self.fallback
        } else {
            &self.templates
        };
        list.get(key)
    }

    /// `n` with its noun, in the plural form the locale gives the number
    /// (`count.errors.one`, `.few`, `.many`, `.other`).
    pub fn count(&self, noun: &str, n: f64) -> String {
        let category = plural_category(self.locale, n);
        let key = format!("count.{noun}.{category}");
        // A category the locale's catalogue has no form for takes `other`.
        let key = if self.template(&key) == key {
            format!("count.{noun}.other")
        } else {
            key
        };
        self.render(&key, &[("n", &number(n))])
    }

    /// Renders `key` with its parameters, in the locale's conventions.
    pub fn render(&self, key: &str, params: &[(&str, &str)]) -> String {
        let template = self.template(key);
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        // Braces are ASCII: a byte search, never inside a character.
        let find = |text: &str, b: u8| text.bytes().position(|c| c == b);
        while let Some(open) = find(rest, b'{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match find(after, b'}') {
                Some(close) => {
                    let name = &after[..close];
                    match params.iter().find(|(n, _)| *n == name) {
                        Some((_, value)) => self.localise(value, &mut out),
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// A parameter as this locale writes it: its quotation marks, its word
    /// for "or", and a decimal number with its decimal separator.
    fn localise(&self, value: &str, out: &mut String) {
        if is_decimal(value) {
            out.push_str(&value.replacen('.', &self.decimal, 1));
            return;
        }
        if !value.contains([OPEN, CLOSE, OR]) {
            out.push_str(value);
            return;
        }
        for c in value.chars() {
            match c {
                OPEN => out.push_str(&self.open),
                CLOSE => out.push_str(&self.close),
                OR => out.push_str(&self.or),
                c => out.push(c),
            }
        }
    }

    /// The reason a text is not JSON, in this locale, with its line and column.
    pub fn parse_error(&self, e: &json::ParseError) -> String {
        self.render(
            "json.error",
            &[
                ("line", &e.line.to_string()),
                ("column", &e.column.to_string()),
                ("problem", self.template(e.problem)),
            ],
        )
    }
}

/// English, as errors display themselves.
fn english() -> &'static Messages {
    static ENGLISH: OnceLock<Messages> = OnceLock::new();
    ENGLISH.get_or_init(|| Messages::new("en"))
}

impl fmt::Display for json::ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&english().parse_error(self))
    }
}

/// `-12.5`: a number [`number`] wrote with a fraction.
fn is_decimal(value: &str) -> bool {
    let digits = value.strip_prefix('-').unwrap_or(value);
    match digits.split_once('.') {
        Some((int, frac)) => {
            !int.is_empty()
                && !frac.is_empty()
                && int.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// A number as messages show it: at most two decimals, no trailing zeros
/// (`7.5`, `187.5`, `26.67`, `30`), large ones in whole digits. Written by
/// hand to keep float formatting out of the WebAssembly build. Documents'
/// numbers are read only in range, so nothing infinite or undefined comes
/// here; should it, it shows as "huge" or "?", never as "∞" or "NaN".
pub fn number(x: f64) -> String {
    if x.is_nan() {
        return "?".into();
    }
    let hundredths = (x.abs() * 100.0).round();
    if hundredths > 9.0e15 {
        // Past two exact decimals: the whole number, while it has digits to show.
        let whole = x.abs().round();
        return match (whole < 1.8e19, x < 0.0) {
            (true, negative) => format!("{}{}", if negative { "-" } else { "" }, whole as u64),
            (false, true) => "-huge".into(),
            (false, false) => "huge".into(),
        };
    }
    let hundredths = hundredths as u64;
    let mut out = String::new();
    if x < 0.0 && hundredths > 0 {
        out.push('-');
    }
    out.push_str(&(hundredths / 100).to_string());
    let frac = hundredths % 100;
    if frac > 0 {
        out.push('.');
        out.push(char::from(b'0' + (frac / 10) as u8));
        if frac % 10 > 0 {
            out.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
    out
}

/// User text inside a message: quoted in the locale's marks, and cut to a
/// readable length.
pub fn quote(text: &str) -> String {
    const MAX: usize = 60;
    let trimmed = if text.trim().is_empty() {
        text
    } else {
        text.trim()
    };
    let mark = |c: char| matches!(c, OPEN | CLOSE | OR);
    // The first MAX characters that are not marks (the marks are the
    // checker's own: user text cannot forge them), copied in runs.
    let mut kept = 0;
    let end = trimmed
        .char_indices()
        .find(|&(_, c)| {
            kept += usize::from(!mark(c));
            kept > MAX
        })
        .map_or(trimmed.len(), |(at, _)| at);
    let cut = end < trimmed.len();
    let mut out = String::with_capacity(end + 9);
    out.push(OPEN);
    for run in trimmed[..end].split(mark) {
        out.push_str(run);
    }
    if cut {
        out.push('\u{2026}');
    }
    out.push(CLOSE);
    out
}

/// Values joined for a message as alternatives: `a, b or c` (the locale's "or").
pub fn alternatives(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [head @ .., last] => format!("{} {OR} {last}", head.join(", ")),
    }
}

impl Messages {
    /// Every key and template of a locale's catalogue, by key (for tests).
    pub fn catalogue(locale: &str) -> Vec<(String, String)> {
        catalogue(locale).map_or_else(Vec::new, |c| c.list.clone())
    }
}

/// Every key of the English catalogue, for tests that each is used.
#[cfg(test)]
pub fn english_keys() -> Vec<String> {
    catalogue("en")
        .unwrap_or_default()
        .list
        .iter()
        .map(|(k, _)| k.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_is_cut_at_sixty_characters_and_loses_forged_marks() {
        let long = "é".repeat(61);
        assert_eq!(
            quote(&long),
            format!("{OPEN}{}\u{2026}{CLOSE}", "é".repeat(60))
        );
        assert_eq!(
            quote(&long[2..]),
            format!("{OPEN}{}{CLOSE}", "é".repeat(60))
        );
        assert_eq!(quote("  Understand  "), format!("{OPEN}Understand{CLOSE}"));
        let forged = format!("a{CLOSE}b{OR}{}", "c".repeat(59));
        assert_eq!(
            quote(&forged),
            format!("{OPEN}ab{}\u{2026}{CLOSE}", "c".repeat(58))
        );
        let forged = format!("a{CLOSE}b{}", "c".repeat(58));
        assert_eq!(quote(&forged), format!("{OPEN}ab{}{CLOSE}", "c".repeat(58)));
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(number(7.5), "7.5");
        assert_eq!(number(187.5), "187.5");
        assert_eq!(number(200.0 / 7.5), "26.67");
        assert_eq!(number(30.0), "30");
        assert_eq!(number(-5.0), "-5");
        assert_eq!(number(0.05), "0.05");
        assert_eq!(number(-0.001), "0");
        assert_eq!(number(1e15), "1000000000000000");
        assert_eq!(number(-2e18), "-2000000000000000000");
        for odd in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1e300] {
            let shown = number(odd);
            assert!(!shown.contains('∞') && !shown.contains("NaN"), "{shown}");
        }
    }
}
