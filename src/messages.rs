//! Message catalogues: one JSON file of templates per locale, compiled in.
//! A template names its parameters in braces (`{sum}`); a key missing from a
//! locale falls back to English.

use crate::json;

const CATALOGUES: &[(&str, &str)] = &[("en", include_str!("../data/messages/en.json"))];

#[derive(Debug, Clone)]
pub struct Messages {
    locale: String,
    templates: Vec<(String, String)>,
    fallback: Vec<(String, String)>,
}

fn catalogue(locale: &str) -> Option<Vec<(String, String)>> {
    let (_, text) = CATALOGUES.iter().find(|(l, _)| *l == locale)?;
    // Compiled in and read by the tests: a file that is not JSON cannot ship.
    let root = json::parse(text).unwrap_or_else(|e| panic!("data/messages/{locale}.json: {e}"));
    let members = root.as_object()?;
    Some(
        members
            .iter()
            .filter_map(|(k, v)| Some((k.to_string(), v.as_str()?.to_string())))
            .collect(),
    )
}

impl Messages {
    /// The catalogue of `locale` (`de`, `de-AT` …), English where it has none.
    pub fn new(locale: &str) -> Messages {
        let base = locale
            .split(['-', '_'])
            .next()
            .unwrap_or("en")
            .to_ascii_lowercase();
        let fallback = catalogue("en").unwrap_or_default();
        match catalogue(&base) {
            Some(templates) if base != "en" => Messages {
                locale: base,
                templates,
                fallback,
            },
            _ => Messages {
                locale: "en".into(),
                templates: Vec::new(),
                fallback,
            },
        }
    }

    pub fn locale(&self) -> &str {
        &self.locale
    }

    pub fn locales() -> impl Iterator<Item = &'static str> {
        CATALOGUES.iter().map(|(l, _)| *l)
    }

    /// The template of `key`, or the key itself where no catalogue has it.
    pub fn template<'m>(&'m self, key: &'m str) -> &'m str {
        let find = |list: &'m [(String, String)]| {
            list.iter().find(|(k, _)| k == key).map(|(_, t)| t.as_str())
        };
        find(&self.templates)
            .or_else(|| find(&self.fallback))
            .unwrap_or(key)
    }

    /// Renders `key` with its parameters.
    pub fn render(&self, key: &str, params: &[(&str, &str)]) -> String {
        let template = self.template(key);
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    let name = &after[..close];
                    match params.iter().find(|(n, _)| *n == name) {
                        Some((_, value)) => out.push_str(value),
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
}

/// A number as messages show it: at most two decimals, no trailing zeros
/// (`7.5`, `187.5`, `26.67`, `30`). Written by hand to keep float formatting
/// out of the WebAssembly build.
pub fn number(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "∞".into()
        } else {
            "-∞".into()
        };
    }
    let hundredths = (x.abs() * 100.0).round();
    if hundredths > 9.0e15 {
        return if x < 0.0 {
            "-huge".into()
        } else {
            "huge".into()
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

/// User text inside a message: quoted, and cut to a readable length.
pub fn quote(text: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::from("\u{201c}");
    let trimmed = if text.trim().is_empty() {
        text
    } else {
        text.trim()
    };
    if trimmed.chars().count() > MAX {
        out.extend(trimmed.chars().take(MAX));
        out.push('\u{2026}');
    } else {
        out.push_str(trimmed);
    }
    out.push('\u{201d}');
    out
}

/// Values joined for a message: `a, b or c`.
pub fn list(items: &[&str], or: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [head @ .., last] => format!("{} {or} {last}", head.join(", ")),
    }
}

/// Every key of the English catalogue, for tests that each is used.
#[cfg(test)]
pub fn english_keys() -> Vec<String> {
    catalogue("en")
        .unwrap_or_default()
        .into_iter()
        .map(|(k, _)| k)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(number(7.5), "7.5");
        assert_eq!(number(187.5), "187.5");
        assert_eq!(number(200.0 / 7.5), "26.67");
        assert_eq!(number(30.0), "30");
        assert_eq!(number(-5.0), "-5");
        assert_eq!(number(0.05), "0.05");
        assert_eq!(number(-0.001), "0");
    }
}
