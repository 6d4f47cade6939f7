//! Labelled text fields bound to the draft. A field is named by its [`FieldRef`]: the
//! component derives the element id, the value (`Draft::text`) and the input handler
//! (`Draft::set_text`) from it, so a field's path into the draft is written once, in the
//! model. The label is a real `<label for>` so clicking it focuses the field and screen
//! readers (and tests) find the field by its Chinese name.

use leptos::either::Either;
use leptos::prelude::*;

use super::editor::Editor;
use super::input;
use crate::model::field::FieldRef;
use crate::render::{count_chars, has_unbroken_run, UNBROKEN_RUN_LIMIT};
use crate::strings;

/// The draft's text for `field`, as a signal that changes only when that text does.
fn bound(editor: Editor, field: FieldRef) -> (Signal<String>, Callback<String>) {
    let value = Memo::new(move |_| editor.field_text(field));
    let on_input = Callback::new(move |v: String| editor.type_into(field, v));
    (value.into(), on_input)
}

/// A one-line field of the draft.
#[component]
pub fn Field(
    field: FieldRef,
    #[prop(into)] label: String,
    /// `<input type=…>`; "text" when empty.
    #[prop(optional)]
    kind: &'static str,
    #[prop(optional, into)] placeholder: Signal<String>,
    #[prop(optional, into)] hint: Signal<String>,
    #[prop(optional, into)] invalid: Signal<bool>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let editor = Editor::use_context();
    let (value, on_input) = bound(editor, field);
    let kind = if kind.is_empty() { "text" } else { kind };
    let id = field.dom_id();
    field_view(
        id,
        label,
        class,
        Some(kind),
        value,
        on_input,
        placeholder,
        hint,
        invalid,
        None,
    )
}

/// A multi-line field of the draft, optionally with its character count.
#[component]
pub fn TextArea(
    field: FieldRef,
    #[prop(into)] label: String,
    #[prop(optional, into)] placeholder: Signal<String>,
    #[prop(optional, into)] hint: Signal<String>,
    /// Show the field's character count under it.
    #[prop(optional)]
    counted: bool,
) -> impl IntoView {
    let editor = Editor::use_context();
    let (value, on_input) = bound(editor, field);
    let id = field.dom_id();
    text_area(id, label, value, on_input, placeholder, hint, counted)
}

/// A multi-line field for text that is not (yet) part of the draft, e.g. a report pasted
/// for import. `id` is a fixed name, unique on the page.
#[component]
pub fn ScratchArea(
    id: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
) -> impl IntoView {
    text_area(
        id.to_string(),
        label,
        value,
        on_input,
        Signal::default(),
        Signal::default(),
        false,
    )
}

fn text_area(
    id: String,
    label: String,
    value: Signal<String>,
    on_input: Callback<String>,
    placeholder: Signal<String>,
    hint: Signal<String>,
    counted: bool,
) -> impl IntoView {
    let count = counted.then_some(value);
    field_view(
        id,
        label,
        "",
        None,
        value,
        on_input,
        placeholder,
        hint,
        Signal::default(),
        count,
    )
}

/// A field's control (`<input type=kind>`, or a `<textarea>` when `kind` is `None`) in its
/// frame. One function for both, so the view is one type and nothing is erased (erasing
/// copies every static attribute into an owned one, more wasm).
#[allow(clippy::too_many_arguments)]
fn field_view(
    id: String,
    label: String,
    class: &'static str,
    kind: Option<&'static str>,
    value: Signal<String>,
    on_input: Callback<String>,
    placeholder: Signal<String>,
    hint: Signal<String>,
    invalid: Signal<bool>,
    count: Option<Signal<String>>,
) -> impl IntoView {
    let described = format!("{id}-hint");
    let has_hint = move || !hint.with(|h| h.is_empty());
    let control = match kind {
        Some(kind) => Either::Left(view! {
            <input
                id=id.clone()
                type=kind
                prop:value=move || value.get()
                placeholder=move || placeholder.get()
                aria-describedby=move || has_hint().then(|| described.clone())
                aria-invalid=move || invalid.get().then_some("true")
                autocomplete="off"
                on:input=input(move |ev| on_input.run(event_target_value(&ev)))
            />
        }),
        None => {
            // A run too long to wrap quickly: the box scrolls sideways instead, and says why.
            let long_run = move || value.with(|v| has_unbroken_run(v, UNBROKEN_RUN_LIMIT));
            Either::Right(view! {
                <textarea
                    id=id.clone()
                    rows="4"
                    class:long-run=long_run
                    prop:value=move || value.get()
                    placeholder=move || placeholder.get()
                    aria-describedby=move || has_hint().then(|| described.clone())
                    on:input=input(move |ev| on_input.run(event_target_value(&ev)))
                ></textarea>
                {move || long_run().then(|| view! { <span class="hint">{strings::HINT_LONG_RUN}</span> })}
            })
        }
    };
    frame(id, label, class, control, hint, invalid, count)
}

/// Label, control, hint and (optionally) the character count, the same for every field.
fn frame(
    id: String,
    label: String,
    class: &'static str,
    control: impl IntoView + 'static,
    hint: Signal<String>,
    invalid: Signal<bool>,
    count: Option<Signal<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class=format!("field {class}")>
            <label for=id>{label}</label>
            {control}
            <div class="field-foot">
                <span class="hint" class:error=move || invalid.get() id=hint_id>{move || hint.get()}</span>
                {count.map(|value| view! {
                    <span class="count">{move || value.with(|v| count_chars(v))} {strings::COUNT_UNIT}</span>
                })}
            </div>
        </div>
    }
}
