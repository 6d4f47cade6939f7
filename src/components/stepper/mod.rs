//! The step list: every section, with its state (未填写 / 填写中 / 已完成) and its
//! character count. Any step can be opened directly; titles wrap, never cut off; part 一's
//! subsections can be reordered from here.

use leptos::prelude::*;

use super::editor::Editor;
use super::item_list::RowTools;
use crate::model::step::{self, Step};
use crate::render::count_chars;
use crate::strings;

#[component]
pub fn Stepper() -> impl IntoView {
    let editor = Editor::use_context();
    let steps = Memo::new(move |_| editor.draft.with(|d| step::steps(editor.template.get(), d)));
    view! {
        <nav class="stepper" aria-label=super::landmark_name(strings::LABEL_STEPPER)>
            <ol>
                <For each=move || steps.get() key=|s| *s children=move |s| view! { <StepLink step=s /> } />
            </ol>
        </nav>
    }
}

/// Characters of the finished report that come from this step (a part counts its subsections).
fn step_chars(editor: Editor, s: Step) -> usize {
    editor.document.with(|doc| {
        doc.blocks
            .iter()
            .filter(|b| match s {
                Step::Part(p) => b.step.part() == Some(p),
                _ => b.step == s,
            })
            .map(|b| count_chars(&b.text))
            .sum()
    })
}

#[component]
fn StepLink(step: Step) -> impl IntoView {
    let editor = Editor::use_context();
    let title = move || {
        editor
            .draft
            .with(|d| step::title(editor.template.get(), d, step))
    };
    let status = move || {
        editor
            .draft
            .with(|d| step::status(editor.template.get(), d, step))
    };
    let current = move || editor.step.get() == step;
    let nested = matches!(step, Step::Subsection(..));
    let is_output = step == Step::Output;
    let count = move || step_chars(editor, step);
    let dot_class = move || format!("dot {}", if is_output { "output" } else { status().css() });
    // Reordering a subsection from the list: (can move up, can move down).
    let place = move || match step {
        Step::Subsection(p, id) => editor.draft.with(|d| {
            let subs = d
                .parts
                .get(p)
                .map(|x| x.subsections.as_slice())
                .unwrap_or(&[]);
            let at = subs.iter().position(|s| s.id == id).unwrap_or(0);
            (at > 0, at + 1 < subs.len())
        }),
        _ => (false, false),
    };
    // Only where there is something to reorder (two subsections or more).
    let several = move || match step {
        Step::Subsection(p, _) => editor
            .draft
            .with(|d| d.parts.get(p).is_some_and(|x| x.subsections.len() > 1)),
        _ => false,
    };
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
