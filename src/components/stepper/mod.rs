//! The step list: every section, with its state (未填写 / 填写中 / 已完成) and its
//! character count. Any step can be opened directly; titles wrap (a subsection's to two
//! lines, its whole title still the row's name); part 一's subsections can be reordered
//! from here.

use leptos::prelude::*;

use super::click;
use super::editor::Editor;
use super::item_list::RowTools;
use crate::model::step::Step;
use crate::render::step_rows::{step_rows, Info};
use crate::strings;

/// `painted`: the links come just after the first paint, as the preview does (the first
/// frame holds the form; the list keeps its place, so nothing moves when they come).
#[component]
pub fn Stepper(painted: ReadSignal<bool>) -> impl IntoView {
    let editor = Editor::use_context();
    // Typing recomputes the rows of the step typed into and of its part (`step_rows`).
    let seen = StoredValue::new(0_u64);
    let all = Memo::new_owning(move |prev| {
        let template = editor.template.get();
        editor.segments.with(|segments| {
            editor.with_text(|d| {
                let typed = editor.typed_since(seen);
                step_rows(template, d, segments, prev, typed.as_deref())
            })
        })
    });
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
                {move || painted.get().then(|| view! {
                    <For each key=|(k, _)| *k
                        children=move |((step, _), info)| view! { <StepLink step info=RwSignal::from(info) /> } />
                })}
            </ol>
        </nav>
    }
}

#[component]
fn StepLink(step: Step, info: RwSignal<Info>) -> impl IntoView {
    // Each binding below is an effect per row, and a long report has 130 rows or more:
    // the link's look follows the row's `current` class (CSS), and the title is its text
    // (wrapped; a subsection's cut to two lines by CSS, but whole in the text, so in the
    // link's name), so the link needs no class or tooltip of its own.
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
                let mut moved = None;
                editor.edit(|d| moved = d.move_subsection(p, id, delta));
                super::item_list::refocus_moved(editor, "nav-sub", id, moved, delta);
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
            <button type="button" class="step-link"
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
