//! A stable insertion sort for the few short lists the tool sorts (findings by severity,
//! saved drafts and set-aside entries by time, cut points in a pasted paragraph). Same order
//! as `slice::sort_by`; core's sorts (driftsort, quicksort and their small-sort and pivot
//! helpers) are instantiated per element type and came to about 14 KB of wasm for these four.
//! Quadratic: fine for lists of tens to a few hundred.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stable (equal elements keep their order), as `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by;

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        // A small xorshift: many lengths, many ties, reproducible.
        let mut next = crate::xorshift(0x2545_f491);
        for len in 0..60 {
            let v: Vec<(u64, usize)> = (0..len).map(|i| (next() % 7, i)).collect();
            let mut want = v.clone();
            want.sort_by_key(|a| a.0);
            let mut got = v.clone();
            sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, want);
            let mut down = v;
            sort_by(&mut down, |a, b| b.0.cmp(&a.0));
            want.sort_by_key(|b| std::cmp::Reverse(b.0));
            assert_eq!(
                down.iter().map(|x| x.0).collect::<Vec<_>>(),
                want.iter().map(|x| x.0).collect::<Vec<_>>()
            );
        }
    }
}
