//! Matching a keyed list's new keys with its old rows, so a row that stays keeps its node
//! (`components::sync_rows` holds the rows). Plain Rust, tested natively.

/// For each of `keys`, in order: its row key (the key and its occurrence number, so a key
/// seen twice gets two rows) and the index in `old` of the row it takes over, if any.
/// Searches rather than hashes: this runs only when rows come, go or move (a few hundred
/// comparisons), and keeps a hash map's code out of the wasm.
pub fn match_rows<K: Copy + Eq>(
    old: &[(K, usize)],
    keys: &[K],
) -> Vec<((K, usize), Option<usize>)> {
    let mut taken = vec![false; old.len()];
    let mut seen: Vec<(K, usize)> = Vec::new();
    keys.iter()
        .map(|&k| {
            let n = match seen.iter_mut().find(|(x, _)| *x == k) {
                Some((_, n)) => {
                    *n += 1;
                    *n - 1
                }
                None => {
                    seen.push((k, 1));
                    0
                }
            };
            let key = (k, n);
            let from = old
                .iter()
                .enumerate()
                .position(|(i, o)| !taken[i] && *o == key);
            if let Some(i) = from {
                taken[i] = true;
            }
            (key, from)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_that_stay_are_taken_over_wherever_they_moved() {
        let old = [('a', 0), ('b', 0), ('c', 0), ('a', 1)];
        assert_eq!(
            match_rows(&old, &['b', 'a', 'd', 'a', 'a']),
            [
                (('b', 0), Some(1)),
                (('a', 0), Some(0)),
                (('d', 0), None),
                (('a', 1), Some(3)),
                (('a', 2), None),
            ]
        );
        assert_eq!(match_rows(&old, &[]), []);
        assert_eq!(match_rows::<char>(&[], &['x']), [(('x', 0), None)]);
    }

    #[test]
    fn every_old_row_is_taken_over_at_most_once() {
        let old: Vec<(u8, usize)> = (0..40).map(|i| (i % 7, usize::from(i / 7))).collect();
        let keys: Vec<u8> = (0..60).map(|i| (i * 5 % 9) as u8).collect();
        let matched = match_rows(&old, &keys);
        let mut used: Vec<usize> = matched.iter().filter_map(|(_, f)| *f).collect();
        let n = used.len();
        used.sort();
        used.dedup();
        assert_eq!(used.len(), n);
        for ((key, from), k) in matched.iter().zip(&keys) {
            assert_eq!(key.0, *k);
            if let Some(i) = from {
                assert_eq!(old[*i], *key);
            }
        }
    }
}
