//! One sort for the whole crate.
//!
//! Each `slice::sort_by` call compiles its own copy of the standard library's sort, several KB of
//! wasm apiece (twenty calls came to 65 KB of the widget). These functions sort positions with a
//! single comparator type, so the sort is compiled once, and then move the items into that order.
//! Like `slice::sort_by`, they are stable: equal items keep their order.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (as `v.sort_by(cmp)`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_positions(&mut order, &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` by the key `f` gives each item, stably (as `v.sort_by_key(f)`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` in ascending order, stably (as `v.sort()`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` and drops its repeats: a set's items, in order, as a sorted vector (each
/// `BTreeSet` type would bring its own tree code into the wasm).
pub fn sort_unique<T: Ord>(v: &mut Vec<T>) {
    sort(v);
    v.dedup();
}

/// The one instance of the standard library's sort.
#[inline(never)]
fn sort_positions(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Moves `v[order[i]]` to position `i`, in place, following each cycle of the permutation once.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        // `start` still holds its original item; it travels along the cycle to its last place.
        let mut at = start;
        while order[at] != DONE {
            let from = std::mem::replace(&mut order[at], DONE);
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_unique_lists_each_item_once_in_order() {
        let mut v = vec!["b", "a", "c", "a", "b"];
        sort_unique(&mut v);
        assert_eq!(v, ["a", "b", "c"]);
    }

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        // Pairs with many equal keys, so stability shows: sorted by the key only.
        let mut seed = 7u64;
        for n in [0, 1, 2, 3, 10, 257] {
            let items: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|p| p.0);
            assert_eq!(ours, std_sorted, "n = {n}");
        }
    }

    #[test]
    fn sorts_strings_and_reverses() {
        let mut names = vec!["b".to_string(), "c".into(), "a".into(), "b".into()];
        sort(&mut names);
        assert_eq!(names, ["a", "b", "b", "c"]);
        sort_by(&mut names, |a, b| b.cmp(a));
        assert_eq!(names, ["c", "b", "b", "a"]);
    }
}
