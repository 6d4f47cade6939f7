//! The tools of one row in an ordered list (an item, a subsection, a subsection in the
//! step list): move up, move down, and optionally remove. Each button's accessible name
//! starts with its visible word ("上移第二条（二是）"), so speech input finds it (WCAG 2.5.3).

use leptos::prelude::*;

use crate::components::click;
use crate::components::editor::Editor;
use crate::model::draft::{MoveButton, Moved};
use crate::strings;

#[component]
pub fn RowTools(
    /// The row's name as the buttons say it: "第二条（二是）", "小节（三）".
    #[prop(into)]
    name: Signal<String>,
    /// Button ids, for putting focus back after a move: `{id_prefix}-up-{key}`.
    #[prop(into)]
    id_prefix: String,
    key: u32,
    #[prop(into)] can_up: Signal<bool>,
    #[prop(into)] can_down: Signal<bool>,
    on_move: Callback<isize>,
    #[prop(optional)] on_remove: Option<Callback<()>>,
    /// Arrows only (the step list); the words stay in the accessible names.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let label = move |verb: &str| format!("{verb}{}", name.get());
    let word = move |text: &'static str| (!compact).then_some(text);
    view! {
        <div class="row-tools" class:compact=compact>
            <button type="button" id=format!("{id_prefix}-up-{key}") aria-label=move || label(strings::BTN_MOVE_UP)
                title=compact.then(|| label(strings::BTN_MOVE_UP))
                disabled=move || !can_up.get() on:click=click(move |_| on_move.run(-1))>
                <span aria-hidden="true">{if compact { "↑" } else { "↑ " }}</span>{word(strings::BTN_MOVE_UP)}
            </button>
            <button type="button" id=format!("{id_prefix}-down-{key}") aria-label=move || label(strings::BTN_MOVE_DOWN)
                title=compact.then(|| label(strings::BTN_MOVE_DOWN))
                disabled=move || !can_down.get() on:click=click(move |_| on_move.run(1))>
                <span aria-hidden="true">{if compact { "↓" } else { "↓ " }}</span>{word(strings::BTN_MOVE_DOWN)}
            </button>
            {on_remove.map(|remove| view! {
                <button type="button" class="danger" aria-label=move || label(strings::BTN_REMOVE)
                    on:click=click(move |_| remove.run(()))>
                    <span aria-hidden="true">"✕ "</span>{strings::BTN_REMOVE}
                </button>
            })}
        </div>
    }
}

/// Where a removal can be undone: in the list, in the removed row's place, until the next
/// removal in that list or until the writer closes it. Focus moves to its 撤销 button.
#[component]
pub fn UndoRow(
    /// "第三条"
    what: String,
    #[prop(into)] id: String,
    on_undo: Callback<()>,
    on_dismiss: Callback<()>,
) -> impl IntoView {
    view! {
        <li class="removed">
            <span role="status">{strings::removed_here(&what)}</span>
            <button type="button" id=id class="undo" aria-label=strings::undo_label(&what) on:click=click(move |_| on_undo.run(()))>
                {strings::BTN_UNDO}
            </button>
            <button type="button" class="close" aria-label=strings::LABEL_CLOSE_NOTICE on:click=click(move |_| on_dismiss.run(()))>
                <span aria-hidden="true">"✕"</span>
            </button>
        </li>
    }
}

/// After a row moved (`moved`, by `delta`), puts focus back on the [`RowTools`] button
/// (ids `{id_prefix}-up-{key}` / `{id_prefix}-down-{key}`) that keeps it:
/// [`Moved::button_to_keep`].
pub(crate) fn refocus_moved(
    editor: Editor,
    id_prefix: &str,
    key: u32,
    moved: Option<Moved>,
    delta: isize,
) {
    if let Some(moved) = moved {
        let which = match moved.button_to_keep(delta) {
            MoveButton::Up => "up",
            MoveButton::Down => "down",
        };
        refocus(editor, format!("#{id_prefix}-{which}-{key}"));
    }
}

/// Puts focus back on a moved row's button as soon as the list is redrawn (a task queued
/// after Leptos's own updates), and again a frame later: moving a row in the DOM can take
/// focus away, and a second key press must reach the same button.
fn refocus(editor: Editor, selector: String) {
    let root = editor.root;
    let again = selector.clone();
    leptos::task::spawn_local(async move {
        use wasm_bindgen::JsCast;
        if let Some(Ok(Some(el))) = root.get_untracked().map(|r| r.query_selector(&again)) {
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
    editor.focus_later(&selector);
}
