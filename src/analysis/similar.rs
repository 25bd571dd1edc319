//! Closest-match suggestions ("did you mean …") by edit distance.

/// Levenshtein distance in characters, giving up (returning `limit + 1`)
/// once every path is longer than `limit`. Between two long texts only the
/// cells within `limit` of the diagonal are filled (no path through another
/// stays within it), so the work is linear in their length.
pub fn distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    char_distance(&a, &b, limit)
}

fn char_distance(a: &[char], b: &[char], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    // Short texts, as field names and allowed values are: the whole table,
    // so that a distance past `limit` is still exact (suggestions sort by it).
    if a.len().min(b.len()) <= 2 * limit + 2 {
        return full_distance(a, b, limit);
    }
    banded_distance(a, b, limit)
}

fn full_distance(a: &[char], b: &[char], limit: usize) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let substitution = prev[j] + usize::from(ca != cb);
            cur[j + 1] = substitution.min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The distance if it is at most `limit`, else `limit + 1`, filling only the
/// band of cells within `limit` of the diagonal.
fn banded_distance(a: &[char], b: &[char], limit: usize) -> usize {
    let over = limit + 1;
    let n = b.len();
    let mut prev: Vec<usize> = (0..=n).map(|j| j.min(over)).collect();
    let mut cur = vec![over; n + 1];
    for (i, ca) in a.iter().enumerate() {
        let row = i + 1;
        let (lo, hi) = (row.saturating_sub(limit), (row + limit).min(n));
        cur[0] = row.min(over);
        if let Some(left) = lo.checked_sub(1).and_then(|l| cur.get_mut(l)) {
            *left = over;
        }
        let mut row_min = if lo == 0 { cur[0] } else { over };
        for j in lo.max(1)..=hi {
            let substitution = prev[j - 1] + usize::from(*ca != b[j - 1]);
            let cell = substitution.min(prev[j] + 1).min(cur[j - 1] + 1).min(over);
            cur[j] = cell;
            row_min = row_min.min(cell);
        }
        if let Some(right) = cur.get_mut(hi + 1) {
            *right = over;
        }
        if row_min > limit {
            return over;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[n].min(over)
}

/// The candidates within `limit` edits of `word` (compared case-insensitively),
/// nearest first, ties in the candidates' order.
pub fn closest<'c>(word: &str, candidates: &[&'c str], limit: usize) -> Vec<&'c str> {
    Candidates::new(candidates).closest(word, limit)
}

/// Candidates prepared once (lower-cased, as characters) for many look-ups:
/// "did you mean" for each of many misspelt codes reads each code once.
pub struct Candidates<'c> {
    names: Vec<(&'c str, Vec<char>)>,
}

impl<'c> Candidates<'c> {
    pub fn new(names: &[&'c str]) -> Candidates<'c> {
        let lowered = |n: &&'c str| (*n, n.to_lowercase().chars().collect());
        Candidates {
            names: names.iter().map(lowered).collect(),
        }
    }

    /// As [`closest`]: those within `limit` edits of `word`, nearest first.
    pub fn closest(&self, word: &str, limit: usize) -> Vec<&'c str> {
        let word: Vec<char> = word.trim().to_lowercase().chars().collect();
        let mut scored: Vec<(usize, usize, &'c str)> = self
            .names
            .iter()
            .enumerate()
            .filter(|(_, (_, c))| c.len().abs_diff(word.len()) <= limit)
            .filter_map(|(i, (name, c))| {
                let d = char_distance(&word, c, limit);
                (d <= limit).then_some((d, i, *name))
            })
            .collect();
        crate::sort::sort_by(&mut scored, Ord::cmp);
        scored.into_iter().map(|(_, _, c)| c).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_gives_the_full_table_s_answer_within_the_limit() {
        let words = [
            "kitten",
            "sitting",
            "saturday",
            "sunday",
            "",
            "a",
            "abcdefghij",
        ];
        for a in words {
            for b in words {
                for limit in 0..4 {
                    let a: Vec<char> = a.chars().collect();
                    let b: Vec<char> = b.chars().collect();
                    let full = full_distance(&a, &b, limit).min(limit + 1);
                    assert_eq!(banded_distance(&a, &b, limit), full, "{a:?} {b:?} {limit}");
                }
            }
        }
        let long = "ab".repeat(50_000);
        let near = format!("{}c", &long[1..]);
        assert_eq!(distance(&long, &near, 2), 2);
    }

    #[test]
    fn finds_the_misspelt_field() {
        assert_eq!(distance("learnig_outcomes", "learning_outcomes", 2), 1);
        assert_eq!(
            closest("learnig_outcomes", &["learning_outcomes", "title"], 2),
            vec!["learning_outcomes"]
        );
        assert_eq!(
            closest("HYBRID", &["in-person", "blended", "online"], 3),
            Vec::<&str>::new()
        );
    }
}
