//! Closest-match suggestions ("did you mean …") by edit distance.

/// Levenshtein distance in characters, giving up (returning `limit + 1`)
/// once every path is longer than `limit`.
pub fn distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
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

/// The candidates within `limit` edits of `word` (compared case-insensitively),
/// nearest first, ties in the candidates' order.
pub fn closest<'c>(word: &str, candidates: &[&'c str], limit: usize) -> Vec<&'c str> {
    let word = word.trim().to_lowercase();
    let mut scored: Vec<(usize, usize, &'c str)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let d = distance(&word, &c.to_lowercase(), limit);
            (d <= limit).then_some((d, i, *c))
        })
        .collect();
    crate::sort::sort_by(&mut scored, Ord::cmp);
    scored.into_iter().map(|(_, _, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
