//! 成文日期 as a plain text field: the clerk types the date the way they write it
//! ("2023年2月17日", "2023-2-17", "2023.2.17", "2023/02/17", "20230217"), the field says
//! back how the report will print it, and what is not a date is kept as typed and
//! explained beside the field, never silently read as some other date. (A browser's
//! `<input type=date>` follows the machine's locale: "2022-02-17" typed into a mm/dd/yyyy
//! field became 20217-02-02.) The reading itself is `model::date::parse_date`.

use leptos::prelude::*;

use super::editor::Editor;
use super::{change, input};
use crate::model::date::{chinese_date, parse_date, store_typed};
use crate::model::field::FieldRef;
use crate::model::Draft;
use crate::strings;

/// The text the field shows for what the draft holds: the typed text while it is not a
/// date, else the date as it will print.
fn shown(date: &str, typed: Option<&str>) -> String {
    match typed {
        Some(t) => t.to_string(),
        None => chinese_date(date).unwrap_or_default(),
    }
}

fn stored(d: &Draft) -> (String, Option<String>) {
    (d.closing.date.clone(), d.closing.date_input.clone())
}

#[component]
pub fn DateField() -> impl IntoView {
    let editor = Editor::use_context();
    let id = FieldRef::Date.dom_id();
    let hint_id = format!("{id}-hint");
    let text = RwSignal::new(editor.draft.with_untracked(|d| {
        let (date, typed) = stored(d);
        shown(&date, typed.as_deref())
    }));
    // True between a keystroke and leaving the field: a half-typed date is not an error yet.
    let typing = RwSignal::new(false);
    // Follow changes made elsewhere (年份前移, an import, another tab), not our own typing.
    Effect::new(move |_| {
        let now = editor.draft.with(stored);
        if text.with_untracked(|t| store_typed(t)) != now {
            text.set(shown(&now.0, now.1.as_deref()));
        }
    });
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        let (date, typed) = store_typed(&value);
        text.set(value);
        typing.set(true);
        editor.type_text(|d| {
            d.closing.date = date;
            d.closing.date_input = typed;
        });
    };
    // Leaving the field: a date is shown back as it will print.
    let settle = move || {
        typing.set(false);
        if let Ok(Some(date)) = text.with_untracked(|t| parse_date(t)) {
            text.set(date.chinese());
        }
    };
    let reading = move || text.with(|t| parse_date(t));
    let invalid = move || !typing.get() && reading().is_err();
    let hint = move || match reading() {
        Ok(Some(date)) => strings::will_read(&date.chinese()),
        Ok(None) => strings::HINT_DATE_FORMATS.to_string(),
        Err(_) if typing.get() => strings::HINT_DATE_FORMATS.to_string(),
        Err(e) => format!("{}{}", strings::DATE_INVALID_PREFIX, strings::date_error(e)),
    };
    view! {
        <div class="field date-field">
            <label for=id.clone()>{strings::LABEL_DATE}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                prop:value=move || text.get()
                placeholder=strings::EXAMPLE_DATE
                aria-describedby=hint_id.clone()
                aria-invalid=move || invalid().then_some("true")
                on:input=input(on_input)
                on:change=change(move |_| settle())
                on:blur=move |_| settle()
            />
            <div class="field-foot">
                <span class="hint" class:error=invalid id=hint_id aria-live="polite">{hint}</span>
            </div>
        </div>
    }
}
