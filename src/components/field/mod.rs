//! A labelled text field. The label is a real `<label for>` so clicking it focuses the
//! field and screen readers (and tests) find the field by its Chinese name.

use leptos::prelude::*;

use crate::render::count_chars;
use crate::strings;

#[component]
pub fn Field(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    /// A textarea instead of a one-line input.
    #[prop(optional)]
    multiline: bool,
    /// `<input type=…>`; "text" when empty.
    #[prop(optional)]
    kind: &'static str,
    #[prop(optional, into)] placeholder: Signal<String>,
    #[prop(optional, into)] hint: Signal<String>,
    /// Show the field's character count under it.
    #[prop(optional)]
    counted: bool,
    #[prop(optional, into)] invalid: Signal<bool>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described = hint_id.clone();
    let has_hint = move || !hint.with(|h| h.is_empty());
    let input = move |ev| on_input.run(event_target_value(&ev));
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="4"
                prop:value=move || value.get()
                placeholder=move || placeholder.get()
                aria-describedby=move || has_hint().then(|| described.clone())
                aria-invalid=move || invalid.get().then_some("true")
                on:input=input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type=if kind.is_empty() { "text" } else { kind }
                prop:value=move || value.get()
                placeholder=move || placeholder.get()
                aria-describedby=move || has_hint().then(|| described.clone())
                aria-invalid=move || invalid.get().then_some("true")
                autocomplete="off"
                on:input=input
            />
        }
        .into_any()
    };
    view! {
        <div class=format!("field {class}")>
            <label for=id>{label}</label>
            {control}
            <div class="field-foot">
                <span class="hint" class:error=move || invalid.get() id=hint_id>{move || hint.get()}</span>
                {counted.then(|| view! {
                    <span class="count">{move || value.with(|v| count_chars(v))} {strings::COUNT_UNIT}</span>
                })}
            </div>
        </div>
    }
}
