//! Words and punctuation of a text, as rules.md defines a word: a maximal run
//! of letters or digits, possibly joined by an inner hyphen or apostrophe.

/// A word or a punctuation mark, as a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub is_word: bool,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or_default()
    }
}

fn joins_words(c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}')
}

/// Splits a text into words and punctuation marks; white space is dropped.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, n)) = chars.peek() {
                if n.is_alphanumeric() {
                    chars.next();
                    end = i + n.len_utf8();
                } else if joins_words(n) {
                    let after = text.get(i + n.len_utf8()..).and_then(|r| r.chars().next());
                    if after.is_some_and(char::is_alphanumeric) {
                        chars.next();
                        end = i + n.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Token {
                start,
                end,
                is_word: true,
            });
        } else if !c.is_whitespace() {
            out.push(Token {
                start,
                end: start + c.len_utf8(),
                is_word: false,
            });
        }
    }
    out
}

/// Writes the lower-case form of `word` into `buf` (cleared first) and returns it.
pub fn lower<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        buf.push_str(word);
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
    buf
}

/// Whether a text has letters and none of them lower-case.
pub fn is_capitals(text: &str) -> bool {
    let mut letters = false;
    for c in text.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters |= c.is_alphabetic();
    }
    letters
}

/// How many words a text has.
pub fn count(text: &str) -> usize {
    tokens(text).iter().filter(|t| t.is_word).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text)
            .iter()
            .filter(|t| t.is_word)
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn joins_inner_hyphens_and_apostrophes_only() {
        assert_eq!(
            words("state-of-the-art l'analisi - x' 1. a)"),
            vec!["state-of-the-art", "l'analisi", "x", "1", "a"]
        );
        assert_eq!(count("Lastflüsse (n-1)-Kriterium, 7.5 ECTS"), 6);
    }

    #[test]
    fn capitals_need_letters() {
        assert!(is_capitals("ENERGY SYSTEMS 2"));
        assert!(!is_capitals("Energy"));
        assert!(!is_capitals("2024"));
    }
}
