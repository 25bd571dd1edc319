//! Reports and metadata written as JSON text for one `JSON.parse` on the
//! JavaScript side: a few lines of writing instead of serde's machinery,
//! which costs the package kilobytes and each check time.

use crate::json::Value;
use crate::report::{Diagnostic, Report};

/// JSON text being written; the caller keeps commas and nesting in order.
#[derive(Default)]
pub struct Writer {
    pub out: String,
}

impl Writer {
    pub fn raw(&mut self, text: &str) -> &mut Self {
        self.out.push_str(text);
        self
    }

    /// `"key":` after a comma unless `first`.
    pub fn key(&mut self, key: &str, first: bool) -> &mut Self {
        if !first {
            self.out.push(',');
        }
        self.string(key).raw(":")
    }

    pub fn string(&mut self, text: &str) -> &mut Self {
        self.out.push('"');
        let mut from = 0;
        for (at, b) in text.bytes().enumerate() {
            if b == b'"' || b == b'\\' || b < 0x20 {
                self.out.push_str(&text[from..at]);
                match b {
                    b'"' => self.out.push_str("\\\""),
                    b'\\' => self.out.push_str("\\\\"),
                    b'\n' => self.out.push_str("\\n"),
                    _ => {
                        const HEX: &[u8; 16] = b"0123456789abcdef";
                        self.out.push_str("\\u00");
                        self.out.push(char::from(HEX[usize::from(b >> 4)]));
                        self.out.push(char::from(HEX[usize::from(b & 15)]));
                    }
                }
                from = at + 1;
            }
        }
        self.out.push_str(&text[from..]);
        self.out.push('"');
        self
    }

    pub fn uint(&mut self, n: u64) -> &mut Self {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        // Only ASCII digits were written.
        self.raw(std::str::from_utf8(&digits[at..]).unwrap_or("0"))
    }

    /// A number as JSON: whole numbers by their digits, others as JavaScript
    /// writes them (the shortest text that reads back the same), `null`
    /// where JSON has no number.
    pub fn number(&mut self, x: f64) -> &mut Self {
        if !x.is_finite() {
            return self.raw("null");
        }
        if x.fract() == 0.0 && x.abs() < 9.0e15 {
            if x < 0.0 {
                self.out.push('-');
            }
            return self.uint(x.abs() as u64);
        }
        let text: String = js_sys::Number::from(x)
            .to_string_with_radix(10)
            .map_or_else(
                |_| "null".to_string(),
                |s| s.as_string().unwrap_or_default(),
            );
        self.raw(&text)
    }

    /// Any value of a profile.
    pub fn value(&mut self, v: &Value<'_>) -> &mut Self {
        match v {
            Value::Null | Value::Unread => self.raw("null"),
            Value::Bool(b) => self.raw(if *b { "true" } else { "false" }),
            Value::Number(n) => self.number(*n),
            Value::String(s) => self.string(s),
            Value::Array(items) => {
                self.raw("[");
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.raw(",");
                    }
                    self.value(item);
                }
                self.raw("]")
            }
            Value::Object(members) => {
                self.raw("{");
                for (i, (k, v)) in members.iter().enumerate() {
                    self.key(k, i == 0).value(v);
                }
                self.raw("}")
            }
        }
    }

    /// A report, with the keys in the order the native library writes them.
    pub fn report(&mut self, r: &Report) -> &mut Self {
        self.raw("{").key("profile", true).string(&r.profile);
        self.key("locale", false).string(r.locale);
        match r.kind {
            Some(kind) => self.key("kind", false).string(kind),
            None => self.key("kind", false).raw("null"),
        };
        self.key("score", false).uint(u64::from(r.score));
        self.key("counts", false).raw("{");
        self.key("error", true).uint(u64::from(r.counts.error));
        self.key("warning", false).uint(u64::from(r.counts.warning));
        self.key("info", false).uint(u64::from(r.counts.info));
        self.raw("}").key("diagnostics", false).raw("[");
        for (i, d) in r.diagnostics.iter().enumerate() {
            if i > 0 {
                self.raw(",");
            }
            self.diagnostic(d);
        }
        self.raw("]}")
    }

    fn diagnostic(&mut self, d: &Diagnostic) {
        self.raw("{").key("rule", true).string(d.rule);
        self.key("severity", false).string(d.severity.as_str());
        self.key("path", false).string(&d.path);
        if let Some(span) = d.span {
            self.key("span", false).raw("{");
            self.key("start", true).uint(u64::from(span.start));
            self.key("end", false).uint(u64::from(span.end));
            self.raw("}");
        }
        self.key("message", false).string(&d.message);
        if !d.suggestions.is_empty() {
            self.key("suggestions", false).raw("[");
            for (i, s) in d.suggestions.iter().enumerate() {
                if i > 0 {
                    self.raw(",");
                }
                self.string(s);
            }
            self.raw("]");
        }
        self.raw("}");
    }
}
