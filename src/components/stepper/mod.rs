//! The step list: every section, with its state (未填写 / 填写中 / 已完成) and its
//! character count. Any step can be opened directly; titles wrap, never cut off; part 一's
//! subsections can be reordered from here.

use leptos::prelude::*;

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
/// the link of `prev`, so typing recomputes one subsection's link, not all of them.
fn infos(editor: Editor, prev: Option<&Vec<Row>>) -> Vec<Row> {
    let template = editor.template.get();
    editor.segments.with(|segments| {
        // Characters per step in one pass over the segments (a part counts its subsections).
        let mut chars: HashMap<Step, usize> = HashMap::new();
        let mut generation: HashMap<Step, u64> = HashMap::new();
        for seg in &segments.segments {
            if let SegmentKey::Subsection(p, id) = seg.key {
                generation.insert(Step::Subsection(p, id), seg.generation);
            }
            for (s, n) in &seg.chars {
                *chars.entry(*s).or_default() += n;
                if let Some(p) = s.part().filter(|_| matches!(s, Step::Subsection(..))) {
                    *chars.entry(Step::Part(p)).or_default() += n;
                }
            }
        }
        let old: HashMap<Step, &Row> = prev
            .map(|rows| rows.iter().map(|r| (r.0, r)).collect())
            .unwrap_or_default();
        editor.draft.with(|d| {
            let mut out = Vec::with_capacity(old.len().max(8));
            for s in step::steps(template, d) {
                let basis = match s {
                    Step::Subsection(p, id) => {
                        let subs = d.parts.get(p).map_or(&[][..], |x| &x.subsections[..]);
                        let at = subs.iter().position(|x| x.id == id).unwrap_or(0);
                        generation.get(&s).map(|g| (*g, at, subs.len()))
                    }
                    _ => None,
                };
                if let Some(row) = old.get(&s).filter(|r| basis.is_some() && r.2 == basis) {
                    out.push((*row).clone());
                    continue;
                }
                let place = match (s, basis) {
                    (Step::Subsection(..), Some((_, at, len))) => (at > 0, at + 1 < len, len > 1),
                    _ => (false, false, false),
                };
                let info = Info {
                    title: step::title(template, d, s).into(),
                    status: step::status(template, d, s),
                    chars: chars.get(&s).copied().unwrap_or(0),
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
    // whose count or state changed, and runs nothing for the others.
    let rows = StoredValue::new(std::collections::HashMap::new());
    let each =
        move || all.with(|a| super::stable_rows(rows, a.iter().map(|(s, i, _)| (*s, i.clone()))));
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
            Some(view! {
                <Show when=several>
                    <RowTools name id_prefix="nav-sub" key=id compact=true
                        can_up=Signal::derive(move || place().0) can_down=Signal::derive(move || place().1)
                        on_move=shift />
                </Show>
            })
        }
        _ => None,
    };
    view! {
        <li class:nested=nested class:current=current class:reorderable=several>
            <button type="button" class="step-link" class:current=current title=title
                aria-current=move || current().then_some("step")
                on:click=move |_| editor.go(step)>
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
