//! The step list: every section, with its state (未填写 / 填写中 / 已完成) and its
//! character count. Any step can be opened directly; titles wrap, never cut off; part 一's
//! subsections can be reordered from here.

use leptos::prelude::*;

use super::click;
use super::editor::Editor;
use super::item_list::RowTools;
use std::collections::HashMap;
use std::sync::Arc;

use crate::model::step::{self, Step};
use crate::render::segments::SegmentKey;
use crate::strings;

/// What the step list shows of one step, computed for all steps in one pass per change.
#[derive(Clone, Debug, PartialEq)]
struct Info {
    title: Arc<str>,
    status: step::StepStatus,
    /// Characters of the finished report from this step (a part counts its subsections).
    chars: usize,
    /// A subsection: (can move up, can move down, its part has two or more).
    place: (bool, bool, bool),
}

/// A step, what its link shows and, for a subsection, what that was computed from: its
/// segment's generation, its index and the number of subsections.
type Row = (Step, Info, Option<(u64, usize, usize)>);

/// Every step's link. A subsection whose segment was not rebuilt and did not move keeps
/// the link of `prev`, so typing recomputes one subsection's link (and the few parts'),
/// not all of them. One pass over the segments and the steps, in order: rows are matched
/// with `prev` by position and with segments by walking both lists together, so a
/// keystroke hashes nothing.
fn infos(editor: Editor, prev: Option<&Vec<Row>>) -> Vec<Row> {
    let template = editor.template.get();
    editor.segments.with(|segments| {
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
        let prev: &[Row] = prev.map_or(&[], |v| &v[..]);
        let mut by_step: Option<HashMap<Step, usize>> = None;
        editor.draft.with(|d| {
            let all = step::steps(template, d);
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
                        let subs = d.parts.get(p).map_or(&[][..], |x| &x.subsections[..]);
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
                let old = match prev.get(i) {
                    Some(r) if r.0 == s => Some(r),
                    _ => by_step
                        .get_or_insert_with(|| {
                            prev.iter().enumerate().map(|(i, r)| (r.0, i)).collect()
                        })
                        .get(&s)
                        .map(|&i| &prev[i]),
                };
                if let Some(row) = old.filter(|r| basis.is_some() && r.2 == basis) {
                    out.push(row.clone());
                    continue;
                }
                let place = match (s, basis) {
                    (Step::Subsection(..), Some((_, at, len))) => (at > 0, at + 1 < len, len > 1),
                    _ => (false, false, false),
                };
                let chars = match s {
                    Step::Subsection(..) => seg_chars,
                    _ => fixed_chars(s),
                };
                let info = Info {
                    title: step::title(template, d, s).into(),
                    status: step::status(template, d, s),
                    chars,
                    place,
                };
                out.push((s, info, basis));
            }
            out
        })
    })
}

#[component]
pub fn Stepper() -> impl IntoView {
    let editor = Editor::use_context();
    let all = Memo::new(move |prev| infos(editor, prev));
    // One row per step, kept while the step exists; typing updates the one or two rows
    // whose count or state changed, and runs nothing for the others. The list itself runs
    // only when steps come, go or move (`keys`).
    let rows: super::RowSignals<Step, Info> = StoredValue::new(Vec::new());
    let keys = Memo::new(move |_| {
        all.with(|a| super::sync_rows(rows, a.iter().map(|(s, i, _)| (*s, i.clone()))))
    });
    let each = move || {
        // Read (not only tracked), so the memo runs and the rows are current.
        keys.with(|_| rows.with_value(Clone::clone))
    };
    view! {
        <nav class="stepper" aria-label=super::landmark_name(strings::LABEL_STEPPER)>
            <ol>
                <For each key=|(k, _)| *k
                    children=move |((step, _), info)| view! { <StepLink step info=RwSignal::from(info) /> } />
            </ol>
        </nav>
    }
}

#[component]
fn StepLink(step: Step, info: RwSignal<Info>) -> impl IntoView {
    let editor = Editor::use_context();
    let title = move || info.with(|i| i.title.to_string());
    let status = move || info.with(|i| i.status);
    let count = move || info.with(|i| i.chars);
    let place = move || info.with(|i| i.place);
    let current = move || editor.step.get() == step;
    let nested = matches!(step, Step::Subsection(..));
    let is_output = step == Step::Output;
    let dot_class = move || format!("dot {}", if is_output { "output" } else { status().css() });
    // Only where there is something to reorder (two subsections or more).
    let several = move || place().2;
    let tools = match step {
        Step::Subsection(p, id) => {
            let shift = Callback::new(move |delta: isize| {
                let mut moved = false;
                editor.edit(|d| moved = d.move_subsection(p, id, delta));
                if moved {
                    let which = if delta < 0 { "up" } else { "down" };
                    super::item_list::refocus(editor, format!("#nav-sub-{which}-{id}"));
                }
            });
            let name = Signal::derive(move || format!("：{}", title()));
            // A memoised Option closure, not <Show>: the same, with less code.
            let shown = Memo::new(move |_| several());
            Some(move || {
                shown.get().then(|| view! {
                    <RowTools name id_prefix="nav-sub" key=id compact=true
                        can_up=Signal::derive(move || place().0) can_down=Signal::derive(move || place().1)
                        on_move=shift />
                })
            })
        }
        _ => None,
    };
    view! {
        <li class:nested=nested class:current=current class:reorderable=several>
            <button type="button" class="step-link" class:current=current title=title
                aria-current=move || current().then_some("step")
                on:click=click(move |_| editor.go(step))>
                <span class=dot_class aria-hidden="true"></span>
                <span class="step-title">{title}</span>
                {(!is_output).then(|| view! {
                    <span class="step-meta">
                        <span class="visually-hidden">{move || format!("，{}，", status().label())}</span>
                        {move || { let n = count(); if n > 0 { format!("{n}{}", strings::COUNT_UNIT) } else { String::new() } }}
                    </span>
                })}
            </button>
            {tools}
        </li>
    }
}
