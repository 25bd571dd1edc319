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

/// The positions `0..n` in the order `compare` gives them, ties in place.
// Not generic: the single copy every sort shares.
#[inline(never)]
fn positions(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
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
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
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
        let mut words = vec!["b", "a", "c", "a"];
        sort_dedup(&mut words);
        assert_eq!(words, ["a", "b", "c"]);
    }
}
