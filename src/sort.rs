//! The one sort of the library: a stable merge sort of positions, so that the
//! WebAssembly holds one sorting routine instead of one per element type and
//! order (each `slice::sort_by` instance costs kilobytes there).

use std::cmp::Ordering;

/// Sorts `v` stably by `compare`, in O(n log n) comparisons.
pub fn sort_by<T>(v: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = positions(v.len(), &mut |a, b| compare(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `v` into ascending order and drops repeats.
pub fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
    v.dedup();
}

/// The positions `0..n` in the order `compare` gives them, ties in place:
/// a natural merge sort, so input made of `r` ordered runs (a report's
/// diagnostics come rule by rule, each rule's in document order) costs
/// O(n log r) comparisons rather than O(n log n).
// Not generic: the single copy every sort shares.
#[inline(never)]
fn positions(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    // Where each run ends: the input's non-descending stretches.
    let mut ends: Vec<usize> = Vec::new();
    for i in 1..n {
        if compare(i - 1, i) == Ordering::Greater {
            ends.push(i);
        }
    }
    ends.push(n);
    while ends.len() > 1 {
        let mut merged = Vec::with_capacity(ends.len().div_ceil(2));
        let mut start = 0;
        for pair in ends.chunks(2) {
            let (mid, end) = (pair[0], pair[pair.len() - 1]);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                let left = j >= end || (i < mid && compare(from[i], from[j]) != Ordering::Greater);
                if left {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
            merged.push(end);
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        ends = merged;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let mut seed = 7u32;
        for n in [0, 1, 2, 3, 5, 8, 13, 100, 1000] {
            let v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((seed >> 16) % 10, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = v;
            std_sorted.sort_by_key(|p| p.0);
            assert_eq!(ours, std_sorted);
        }
        // Input made of ordered runs, as a report's diagnostics are, and reversed input.
        for runs in [1, 2, 3, 7, 50] {
            let mut v: Vec<(u32, usize)> = Vec::new();
            for r in 0..runs {
                for k in 0..(r * 13 % 29 + 1) as u32 {
                    v.push((k * 3 + r as u32, v.len()));
                }
            }
            for k in (0..30).rev() {
                v.push((k, v.len()));
            }
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = v;
            std_sorted.sort_by_key(|p| p.0);
            assert_eq!(ours, std_sorted);
        }
        let mut words = vec!["b", "a", "c", "a"];
        sort_dedup(&mut words);
        assert_eq!(words, ["a", "b", "c"]);
    }
}
