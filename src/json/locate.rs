//! Finding values in JSON text by pointer, with the parser's own lexer.

use super::parse::{Fail, Parser};
use super::{Limits, DEPTH_CEILING};

/// Where a value is in JSON text: 1-based line and column, the column
/// counted in UTF-16 code units (as SARIF and LSP count by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    /// `false` when the pointer's value is missing and this is the position
    /// of its deepest ancestor that exists (a missing field's object).
    pub exact: bool,
}

/// The position of the value at a JSON Pointer in `text`; see [`locate_all`].
pub fn locate(text: &str, pointer: &str) -> Option<Position> {
    locate_all(text, &[pointer]).pop().flatten()
}

/// The positions of the values at several JSON Pointers, in one pass over
/// the text: values off the pointers' paths are skipped without being built.
/// A pointer whose value is missing gets the position of its deepest
/// ancestor that exists; one that is not a pointer, or text that is not
/// JSON before any ancestor is reached, gets `None`.
pub fn locate_all(text: &str, pointers: &[&str]) -> Vec<Option<Position>> {
    let mut trie = Trie::default();
    let chains: Vec<Option<Vec<usize>>> = pointers.iter().map(|p| trie.insert(p)).collect();
    let mut found = vec![None; trie.nodes.len()];
    let mut parser = Parser::new(text, &Limits::default());
    // The byte-order mark is not part of the first line's columns.
    let body = parser.src;
    parser.skip_ws();
    // Text that stops being JSON leaves the rest unfound; what was found stands.
    let _ = locate_value(&mut parser, &trie, 0, &mut found);
    // Of a key given twice the last counts: a value found inside an earlier
    // one starts before its parent's last start, and is not the one read.
    let deepest = |chain: &Vec<usize>| {
        let mut last: Option<(usize, usize)> = None;
        for (depth, &node) in chain.iter().enumerate() {
            match found.get(node).copied().flatten() {
                Some(at) if last.is_none_or(|(_, before)| at > before) => {
                    last = Some((depth, at));
                }
                _ => break,
            }
        }
        last
    };
    let resolved: Vec<Option<(usize, usize)>> = chains
        .iter()
        .map(|c| c.as_ref().and_then(deepest))
        .collect();
    let offsets: Vec<Option<usize>> = resolved.iter().map(|r| r.map(|(_, at)| at)).collect();
    let positions = positions(body, offsets.iter().flatten().copied().collect());
    resolved
        .iter()
        .zip(&chains)
        .map(|(resolved, chain)| {
            let (depth, offset) = (*resolved)?;
            let (line, column) = positions.get(&offset).copied()?;
            let exact = chain.as_ref().is_some_and(|c| depth + 1 == c.len());
            Some(Position {
                line,
                column,
                exact,
            })
        })
        .collect()
}

/// The pointers' segments as a tree: node 0 is the root value.
#[derive(Default)]
struct Trie {
    nodes: Vec<TrieNode>,
}

#[derive(Default)]
struct TrieNode {
    fields: std::collections::HashMap<String, usize>,
    indices: std::collections::HashMap<usize, usize>,
}

impl Trie {
    /// Adds a pointer; the nodes from the root to its value.
    fn insert(&mut self, pointer: &str) -> Option<Vec<usize>> {
        if self.nodes.is_empty() {
            self.nodes.push(TrieNode::default());
        }
        let mut chain = vec![0];
        if pointer.is_empty() {
            return Some(chain);
        }
        let rest = pointer.strip_prefix('/')?;
        // Deeper than any value the parser keeps: the ancestor stands for it.
        for segment in rest.split('/').take(DEPTH_CEILING + 1) {
            let key = segment.replace("~1", "/").replace("~0", "~");
            let index = key.parse::<usize>().ok().filter(|i| i.to_string() == key);
            let parent = chain.last().copied().unwrap_or(0);
            let next = self.nodes.len();
            let node = self.nodes.get_mut(parent)?;
            let child = *node.fields.entry(key).or_insert(next);
            if let Some(i) = index {
                node.indices.entry(i).or_insert(child);
            }
            if child == next {
                self.nodes.push(TrieNode::default());
            }
            chain.push(child);
        }
        Some(chain)
    }
}

/// Records where the value at `node` starts, then walks into it only along
/// the trie; recursion is as deep as the pointers, not as the text.
fn locate_value(
    p: &mut Parser<'_>,
    trie: &Trie,
    node: usize,
    found: &mut [Option<usize>],
) -> Result<(), Fail> {
    if let Some(slot) = found.get_mut(node).filter(|_| p.peek().is_some()) {
        *slot = Some(p.pos);
    }
    let Some(n) = trie.nodes.get(node) else {
        return p.skip_value();
    };
    match p.peek() {
        Some(b'{') if !n.fields.is_empty() => {
            p.pos += 1;
            p.skip_ws();
            if p.peek() == Some(b'}') {
                p.pos += 1;
                return Ok(());
            }
            loop {
                p.skip_ws();
                if p.peek() != Some(b'"') {
                    return Err(("a member name was expected", p.pos));
                }
                let key = p.string()?;
                p.skip_ws();
                if p.peek() != Some(b':') {
                    return Err(("':' was expected", p.pos));
                }
                p.pos += 1;
                p.skip_ws();
                match n.fields.get(key.as_ref()) {
                    Some(&child) => locate_value(p, trie, child, found)?,
                    None => p.skip_value()?,
                }
                p.skip_ws();
                match p.peek() {
                    Some(b',') => p.pos += 1,
                    Some(b'}') => {
                        p.pos += 1;
                        return Ok(());
                    }
                    _ => return Err(("',' or '}' was expected", p.pos)),
                }
            }
        }
        Some(b'[') if !n.indices.is_empty() => {
            p.pos += 1;
            p.skip_ws();
            if p.peek() == Some(b']') {
                p.pos += 1;
                return Ok(());
            }
            let mut i = 0;
            loop {
                p.skip_ws();
                match n.indices.get(&i) {
                    Some(&child) => locate_value(p, trie, child, found)?,
                    None => p.skip_value()?,
                }
                i += 1;
                p.skip_ws();
                match p.peek() {
                    Some(b',') => p.pos += 1,
                    Some(b']') => {
                        p.pos += 1;
                        return Ok(());
                    }
                    _ => return Err(("',' or ']' was expected", p.pos)),
                }
            }
        }
        _ => p.skip_value(),
    }
}

/// Line and UTF-16 column of each byte offset, in one pass over the text.
fn positions(
    text: &str,
    mut offsets: Vec<usize>,
) -> std::collections::HashMap<usize, (usize, usize)> {
    crate::sort::sort_dedup(&mut offsets);
    let mut out = std::collections::HashMap::with_capacity(offsets.len());
    let mut wanted = offsets.into_iter().peekable();
    let (mut line, mut column) = (1, 1);
    for (at, c) in text.char_indices() {
        while let Some(o) = wanted.next_if(|&o| o <= at) {
            out.insert(o, (line, column));
        }
        if wanted.peek().is_none() {
            return out;
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += c.len_utf16();
        }
    }
    for o in wanted {
        out.insert(o, (line, column));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_values_by_pointer_in_one_pass() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"é\": 2,\n  \"c/d\": {\"e~f\": true}\n}";
        let got = locate_all(
            text,
            &[
                "",
                "/a",
                "/a/1/b",
                "/é",
                "/c~1d/e~0f",
                "/a/1/zz",
                "/zz/1",
                "x",
            ],
        );
        let at = |p: &Option<Position>| p.map(|p| (p.line, p.column, p.exact));
        let got: Vec<_> = got.iter().map(at).collect();
        assert_eq!(
            got,
            vec![
                Some((1, 1, true)),
                Some((2, 8, true)),
                Some((2, 18, true)),
                Some((3, 8, true)),
                Some((4, 18, true)),
                Some((2, 12, false)),
                Some((1, 1, false)),
                None,
            ]
        );
    }

    #[test]
    fn the_last_of_repeated_keys_is_located() {
        let text = "{\"a\": {\"b\": 1}, \"a\": {\"c\": 2}}";
        let at = |p: &str| locate(text, p).map(|p| (p.column, p.exact));
        assert_eq!(at("/a"), Some((22, true)));
        assert_eq!(at("/a/c"), Some((28, true)));
        // `/a/b` is in the earlier value, which is not read.
        assert_eq!(at("/a/b"), Some((22, false)));
    }

    #[test]
    fn locates_inside_an_array_document_and_counts_utf16_columns() {
        let text = "[{\"t\": \"😀\", \"n\": 5}]";
        assert_eq!(
            locate(text, "/0/n").map(|p| (p.line, p.column)),
            Some((1, 19))
        );
        assert_eq!(locate("{\"a\": ", "/a").map(|p| p.exact), Some(false));
    }
}
