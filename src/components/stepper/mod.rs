//! The step list: every section, with its state (未填写 / 填写中 / 已完成) and its
//! character count. Any step can be opened directly; titles wrap, never cut off; part 一's
//! subsections can be reordered from here.

use leptos::prelude::*;

use super::editor::Editor;
use super::item_list::RowTools;
use crate::model::step::{self, Step};
use crate::strings;

/// What the step list shows of one step, computed for all steps in one pass per change.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Info {
    title: String,
    status: step::StepStatus,
    /// Characters of the finished report from this step (a part counts its subsections).
    chars: usize,
    /// A subsection: (can move up, can move down, its part has two or more).
    place: (bool, bool, bool),
}

fn infos(editor: Editor) -> Vec<(Step, Info)> {
    let template = editor.template.get();
    editor.segments.with(|segments| {
        editor.draft.with(|d| {
            step::steps(template, d)
                .into_iter()
                .map(|s| {
                    let place = match s {
                        Step::Subsection(p, id) => {
                            let subs = d
                                .parts
                                .get(p)
                                .map(|x| x.subsections.as_slice())
                                .unwrap_or(&[]);
                            let at = subs.iter().position(|x| x.id == id).unwrap_or(0);
                            (at > 0, at + 1 < subs.len(), subs.len() > 1)
                        }
                        _ => (false, false, false),
                    };
                    let info = Info {
                        title: step::title(template, d, s),
                        status: step::status(template, d, s),
                        chars: segments.step_chars(s),
                        place,
                    };
                    (s, info)
                })
                .collect()
        })
    })
}

#[component]
pub fn Stepper() -> impl IntoView {
    let editor = Editor::use_context();
    let all = Memo::new(move |_| infos(editor));
    // Keyed by what a link shows: typing redraws the one or two links whose count or state
    // changed, and runs nothing for the others.
    view! {
        <nav class="stepper" aria-label=super::landmark_name(strings::LABEL_STEPPER)>
            <ol>
                <For each=move || all.get() key=|(s, i)| (*s, i.clone())
                    children=move |(step, info)| view! { <StepLink step info /> } />
            </ol>
        </nav>
    }
}

#[component]
fn StepLink(step: Step, info: Info) -> impl IntoView {
    let editor = Editor::use_context();
    let Info {
        title,
        status,
        chars: count,
        place,
    } = info;
    let current = move || editor.step.get() == step;
    let nested = matches!(step, Step::Subsection(..));
    let is_output = step == Step::Output;
    let dot_class = format!("dot {}", if is_output { "output" } else { status.css() });
    // Only where there is something to reorder (two subsections or more).
    let several = place.2;
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
            let name = Signal::stored(format!("：{}", title));
            several.then(|| {
                view! {
                    <RowTools name id_prefix="nav-sub" key=id compact=true
                        can_up=Signal::stored(place.0) can_down=Signal::stored(place.1)
                        on_move=shift />
                }
            })
        }
        _ => None,
    };
    let tooltip = title.clone();
    view! {
        <li class:nested=nested class:current=current class:reorderable=several>
            <button type="button" class="step-link" class:current=current title=tooltip
                aria-current=move || current().then_some("step")
                on:click=move |_| editor.go(step)>
                <span class=dot_class aria-hidden="true"></span>
                <span class="step-title">{title}</span>
                {(!is_output).then(|| view! {
                    <span class="step-meta">
                        <span class="visually-hidden">{format!("，{}，", status.label())}</span>
                        {if count > 0 { format!("{count}{}", strings::COUNT_UNIT) } else { String::new() }}
                    </span>
                })}
            </button>
            {tools}
        </li>
    }
}
