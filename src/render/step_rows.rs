//! What the step list shows of each step (title, state, character count, whether it can
//! move), kept current as the writer types: a keystroke recomputes the row of the step
//! typed into and of its part, not the rows of a long report's hundred other subsections.

use std::sync::Arc;

use super::segments::{segment_of, SegmentKey, Segments};
use crate::model::draft::Draft;
use crate::model::field::FieldRef;
use crate::model::step::{self, Step, StepStatus};
use crate::model::template::Template;

/// What the step list shows of one step.
#[derive(Clone, Debug, PartialEq)]
pub struct Info {
    pub title: Arc<str>,
    pub status: StepStatus,
    /// Characters of the finished report from this step (a part counts its subsections).
    pub chars: usize,
    /// A subsection: (can move up, can move down, its part has two or more).
    pub place: (bool, bool, bool),
}

/// A step, what its link shows and, for a subsection, what that was computed from: its
/// segment's generation, its index and the number of subsections.
pub type Row = (Step, Info, Option<(u64, usize, usize)>);

/// Every step's row. `prev` are the rows before the draft changed; `typed`, when known,
/// the fields typed into since, and nothing else changed. Returns the rows and whether
/// they differ from `prev`.
pub fn step_rows(
    template: &Template,
    draft: &Draft,
    segments: &Segments,
    prev: Option<Vec<Row>>,
    typed: Option<&[FieldRef]>,
) -> (Vec<Row>, bool) {
    match (prev, typed) {
        (Some(rows), Some(typed)) => match patched(template, draft, segments, rows, typed) {
            Ok(result) => result,
            Err(rows) => compared(template, draft, segments, Some(rows)),
        },
        (prev, _) => compared(template, draft, segments, prev),
    }
}

/// `rows` with the rows of the steps typed into (and their parts) recomputed, or `rows`
/// back when a field typed into feeds more than its own step (the 发文机关 is in every
/// part's heading).
fn patched(
    template: &Template,
    draft: &Draft,
    segments: &Segments,
    mut rows: Vec<Row>,
    typed: &[FieldRef],
) -> Result<(Vec<Row>, bool), Vec<Row>> {
    // The step of the one segment each field feeds (`segments::segment_of`), and its part.
    let mut steps: Vec<Step> = Vec::with_capacity(2 * typed.len());
    for field in typed {
        let (own, p) = match segment_of(draft, *field) {
            Some(SegmentKey::Part(p)) => (Step::Part(p), p),
            Some(SegmentKey::Subsection(p, id)) => (Step::Subsection(p, id), p),
            _ => return Err(rows),
        };
        steps.extend([own, Step::Part(p)]);
    }
    // Typing can rebuild other segments too (emptying a subsection renumbers the ones
    // after it): then every row is looked at again.
    let mut segs = segments.segments.iter();
    for r in &rows {
        if let (Step::Subsection(p, id), Some((generation, ..))) = (r.0, r.2) {
            let key = SegmentKey::Subsection(p, id);
            let Some(seg) = segs.find(|seg| seg.key == key) else {
                return Err(rows);
            };
            if seg.generation != generation && !steps.contains(&r.0) {
                return Err(rows);
            }
        }
    }
    let Some(places) = steps
        .iter()
        .map(|s| rows.iter().position(|r| r.0 == *s))
        .collect::<Option<Vec<usize>>>()
    else {
        return Err(rows);
    };
    let mut changed = false;
    for (s, at) in steps.into_iter().zip(places) {
        let row = row(template, draft, segments, s);
        if rows[at] != row {
            rows[at] = row;
            changed = true;
        }
    }
    Ok((rows, changed))
}

/// One step's row, computed on its own.
fn row(template: &Template, draft: &Draft, segments: &Segments, s: Step) -> Row {
    let basis = match s {
        Step::Subsection(p, id) => {
            let subs = draft.parts.get(p).map_or(&[][..], |x| &x.subsections[..]);
            let here = subs.iter().position(|x| x.id == id).unwrap_or(0);
            segments
                .segments
                .iter()
                .find(|seg| seg.key == SegmentKey::Subsection(p, id))
                .map(|seg| (seg.generation, here, subs.len()))
        }
        _ => None,
    };
    let info = Info::of(template, draft, s, segments.step_chars(s), basis);
    (s, info, basis)
}

impl Info {
    fn of(
        template: &Template,
        draft: &Draft,
        s: Step,
        chars: usize,
        basis: Option<(u64, usize, usize)>,
    ) -> Info {
        let place = match (s, basis) {
            (Step::Subsection(..), Some((_, at, len))) => (at > 0, at + 1 < len, len > 1),
            _ => (false, false, false),
        };
        Info {
            title: step::title(template, draft, s).into(),
            status: step::status(template, draft, s),
            chars,
            place,
        }
    }
}

/// Every step's row, keeping a subsection's row of `prev` whose segment was not rebuilt and
/// did not move. One pass over the segments and the steps, in order: rows are matched with
/// `prev` by position and with segments by walking both lists together.
fn compared(
    template: &Template,
    draft: &Draft,
    segments: &Segments,
    prev: Option<Vec<Row>>,
) -> (Vec<Row>, bool) {
    let segments = &segments.segments;
    // Characters of the steps that are not subsections (a part counts its subsections):
    // a handful, found by a short linear search.
    let mut fixed: Vec<(Step, usize)> = Vec::with_capacity(8);
    let mut add = |s: Step, n: usize| match fixed.iter_mut().find(|(x, _)| *x == s) {
        Some((_, c)) => *c += n,
        None => fixed.push((s, n)),
    };
    for seg in segments {
        for (s, n) in &seg.chars {
            match s {
                Step::Subsection(p, _) => add(Step::Part(*p), *n),
                _ => add(*s, *n),
            }
        }
    }
    let fixed_chars = |s: Step| fixed.iter().find(|(x, _)| *x == s).map_or(0, |(_, n)| *n);
    // The segment of a subsection step: the next one in order, else a search.
    let mut cursor = 0;
    let mut segment_of = |s: Step| {
        let Step::Subsection(p, id) = s else {
            return None;
        };
        let key = SegmentKey::Subsection(p, id);
        let found = segments[cursor.min(segments.len())..]
            .iter()
            .position(|seg| seg.key == key)
            .map(|i| cursor + i)
            .or_else(|| segments.iter().position(|seg| seg.key == key));
        if let Some(i) = found {
            cursor = i + 1;
        }
        found.map(|i| &segments[i])
    };
    let old: &[Row] = prev.as_deref().unwrap_or(&[]);
    let all = step::steps(template, draft);
    let mut out = Vec::with_capacity(all.len());
    let mut at = 0;
    for (i, s) in all.into_iter().enumerate() {
        let mut seg_chars = 0;
        let basis = match s {
            Step::Part(_) => {
                at = 0;
                None
            }
            Step::Subsection(p, id) => {
                let subs = draft.parts.get(p).map_or(&[][..], |x| &x.subsections[..]);
                // Steps list a part's subsections in order, so `at` is usually right.
                let here = if subs.get(at).is_some_and(|x| x.id == id) {
                    at
                } else {
                    subs.iter().position(|x| x.id == id).unwrap_or(0)
                };
                at = here + 1;
                segment_of(s).map(|seg| {
                    seg_chars = seg
                        .chars
                        .iter()
                        .filter(|(x, _)| *x == s)
                        .map(|(_, n)| n)
                        .sum();
                    (seg.generation, here, subs.len())
                })
            }
            _ => None,
        };
        // By position, else by a search (only after a step came, went or moved).
        let kept = match old.get(i) {
            Some(r) if r.0 == s => Some(r),
            _ => old.iter().find(|r| r.0 == s),
        };
        if let Some(row) = kept.filter(|r| basis.is_some() && r.2 == basis) {
            out.push(row.clone());
            continue;
        }
        let chars = match s {
            Step::Subsection(..) => seg_chars,
            _ => fixed_chars(s),
        };
        out.push((s, Info::of(template, draft, s, chars, basis), basis));
    }
    let changed = prev.as_ref() != Some(&out);
    (out, changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::field::typing::type_some;
    use crate::render::segments::tests::sample;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Typing updates the rows exactly as computing them all again does, whichever
        /// fields were typed into (a subsection emptied or filled, the 发文机关 that every
        /// part heading shows), however many keystrokes between two updates, with
        /// subsections added, removed and moved in between.
        #[test]
        fn typed_rows_equal_rows_computed_afresh(
            steps in prop::collection::vec(
                (0usize..64, prop::sample::select(vec!["", "甲", "乙。", "一是丙"]), 1usize..3, 0u8..8),
                1..30)
        ) {
            let (t, mut d) = sample();
            let mut segs = Segments::update(None, t, &d, None);
            let (mut rows, _) = step_rows(t, &d, &segs, None, None);
            for (pick, text, keystrokes, other) in steps {
                let typed = match other {
                    0 => { d.add_subsection(0, "新小节".into()); None }
                    1 => {
                        let id = d.parts[0].subsections.first().map(|s| s.id);
                        if let Some(id) = id { d.move_subsection(0, id, 1); }
                        None
                    }
                    2 if d.parts[0].subsections.len() > 1 => { d.parts[0].subsections.pop(); None }
                    _ => Some(type_some(&mut d, pick, text, keystrokes)),
                };
                segs = Segments::update(Some(&segs), t, &d, typed.as_deref());
                let before = rows.clone();
                let (next, changed) = step_rows(t, &d, &segs, Some(rows), typed.as_deref());
                let (fresh, _) = step_rows(t, &d, &segs, None, None);
                prop_assert_eq!(&next, &fresh);
                prop_assert_eq!(changed, before != next);
                rows = next;
            }
        }
    }
}
