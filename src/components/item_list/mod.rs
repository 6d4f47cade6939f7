//! Editing a list item by item: add, remove (with undo), move up and down. The numbering
//! shown beside each item is the one the report will print; the writer never types it.

use leptos::prelude::*;

use super::editor::{Editor, Notice, Undo};
use super::field::{Field, TextArea};
use crate::model::draft::{ListRef, Subsection};
use crate::model::field::FieldRef;
use crate::model::numbering::{chinese_numeral, subsection_marker, ItemNumbering};
use crate::model::step::Step;
use crate::model::template::ListSpec;
use crate::strings;

fn item_ids(editor: Editor, list: ListRef) -> Vec<u32> {
    editor.draft.with(|d| {
        d.list(list)
            .map(|v| v.iter().map(|i| i.id).collect())
            .unwrap_or_default()
    })
}

#[component]
pub fn ItemList(list: ListRef, spec: ListSpec) -> impl IntoView {
    let editor = Editor::use_context();
    let ids = Memo::new(move |_| item_ids(editor, list));
    let add = move |_| {
        let mut new_id = None;
        editor.edit(|d| new_id = d.add_item(list, None));
        if let Some(id) = new_id {
            editor.focus_field(FieldRef::ItemLead(id));
        }
    };
    let numbering = spec.numbering;
    let spec = StoredValue::new(spec);
    view! {
        <section class="items" aria-label=strings::HEAD_ITEMS>
            <ol class="item-list">
                <For each=move || ids.get() key=|id| *id children=move |id| {
                    view! { <ItemEditor list id numbering spec=spec.get_value() ids /> }
                } />
            </ol>
            <button type="button" class="add" on:click=add><span aria-hidden="true">"＋ "</span> {strings::BTN_ADD_ITEM}</button>
        </section>
    }
}

#[component]
fn ItemEditor(
    list: ListRef,
    id: u32,
    numbering: ItemNumbering,
    spec: ListSpec,
    ids: Memo<Vec<u32>>,
) -> impl IntoView {
    let editor = Editor::use_context();
    let position = move || ids.with(|v| v.iter().position(|x| *x == id).unwrap_or(0));
    let count = move || ids.with(|v| v.len());
    // "第 2 条（二是）": the number, and the word the report will print for it.
    let legend = move || {
        let n = position();
        // The author's numbering (1. （1） …) where the draft has one, else the template's.
        let style = editor.draft.with(|d| {
            let (p, sub) = match list {
                ListRef::Part(p) => (p, None),
                ListRef::Subsection(p, id) => (p, d.subsection(p, id).and_then(|s| s.item_style)),
            };
            let part = d
                .parts
                .get(p)
                .map_or(d.item_style, |x| x.style(d.item_style));
            sub.unwrap_or(part)
        });
        let word = style
            .prefix(n, count().max(2))
            .unwrap_or_else(|| numbering.prefix(n, count().max(2)));
        let word = word.trim_end_matches('，');
        if word.is_empty() {
            strings::item_label(&chinese_numeral(n + 1), None)
        } else {
            strings::item_label(&chinese_numeral(n + 1), Some(word))
        }
    };
    let numbered_lead = Memo::new(move |_| {
        editor
            .draft
            .with(|d| crate::checks::leading_number_word(&d.text(FieldRef::ItemLead(id))).is_some())
    });
    let shift = move |delta: isize| {
        let mut moved = false;
        editor.edit(|d| moved = d.move_item(list, id, delta));
        if moved {
            let which = if delta < 0 { "up" } else { "down" };
            editor.focus_later(&format!("#btn-{which}-{id}"));
        }
    };
    let remove = move |_| {
        let at_and_next = ids.with_untracked(|v| {
            let at = v.iter().position(|x| *x == id)?;
            Some(
                v.get(at + 1)
                    .or(at.checked_sub(1).and_then(|p| v.get(p)))
                    .copied(),
            )
        });
        let mut removed = None;
        editor.edit(|d| removed = d.remove_item(list, id));
        if let Some((at, item)) = removed {
            let label = strings::item_label(&chinese_numeral(at + 1), None);
            editor.notice.set(Some(Notice {
                text: strings::removed_item(&label),
                undo: Some(Undo::Item { list, at, item }),
                rescue: None,
            }));
            match at_and_next.flatten() {
                Some(next) => editor.focus_field(FieldRef::ItemLead(next)),
                None => editor.focus_later("button.add"),
            }
        }
    };
    let name = move |verb: &str| format!("{verb}{}", legend());
    view! {
        <li class="item" id=format!("item-{id}")>
            <fieldset>
                <legend>{legend}</legend>
                <div class="item-tools">
                    <button type="button" id=format!("btn-up-{id}") aria-label=move || name(strings::BTN_MOVE_UP)
                        disabled=move || position() == 0 on:click=move |_| shift(-1)><span aria-hidden="true">"↑ "</span> {strings::BTN_MOVE_UP}</button>
                    <button type="button" id=format!("btn-down-{id}") aria-label=move || name(strings::BTN_MOVE_DOWN)
                        disabled=move || { position() + 1 >= count() } on:click=move |_| shift(1)><span aria-hidden="true">"↓ "</span> {strings::BTN_MOVE_DOWN}</button>
                    <button type="button" class="danger" aria-label=move || name(strings::BTN_REMOVE) on:click=remove><span aria-hidden="true">"✕ "</span> {strings::BTN_REMOVE}</button>
                </div>
                <Field field=FieldRef::ItemLead(id) label=strings::LABEL_ITEM_LEAD
                    placeholder=strings::example(&spec.lead_example)
                    hint=Signal::derive(move || if numbered_lead.get() { strings::HINT_NO_NUMBERS.to_string() } else { String::new() }) />
                <TextArea field=FieldRef::ItemDetail(id) label=strings::LABEL_ITEM_DETAIL counted=true
                    placeholder=spec.detail_example.clone() />
            </fieldset>
        </li>
    }
}

/// Part 一's subsections: titles, order, and a way into each one's items.
#[component]
pub fn SubsectionList(part: usize, suggested: Vec<String>) -> impl IntoView {
    let editor = Editor::use_context();
    let ids = Memo::new(move |_| {
        editor.draft.with(|d| {
            d.parts
                .get(part)
                .map(|p| p.subsections.iter().map(|s| s.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let add = move |title: String| {
        let mut new_id = None;
        editor.edit(|d| new_id = d.add_subsection(part, title));
        if let Some(id) = new_id {
            editor.focus_field(FieldRef::SubsectionTitle(id));
        }
    };
    let titles = Memo::new(move |_| {
        editor.draft.with(|d| {
            d.parts
                .get(part)
                .map(|p| {
                    p.subsections
                        .iter()
                        .map(|s| s.title.trim().to_string())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="subsections" aria-label=strings::HEAD_SUBSECTIONS>
            <ol class="item-list">
                <For each=move || ids.get() key=|id| *id children=move |id| view! { <SubsectionRow part id ids /> } />
            </ol>
            <button type="button" class="add" on:click=move |_| add(String::new())><span aria-hidden="true">"＋ "</span> {strings::BTN_ADD_SUBSECTION}</button>
            {(!suggested.is_empty()).then(|| view! {
                <div class="suggestions">
                    <h4>{strings::HEAD_SUGGESTED}</h4>
                    <div class="chips">
                        {suggested.into_iter().map(|title| {
                            let t = title.clone();
                            let used = move || titles.with(|ts| ts.contains(&t));
                            let t2 = title.clone();
                            view! {
                                <button type="button" class="chip" disabled=used
                                    aria-label=format!("{}：{}", strings::BTN_ADD_SUBSECTION, title)
                                    on:click=move |_| add(t2.clone())><span aria-hidden="true">"＋ "</span> {title.clone()}</button>
                            }
                        }).collect_view()}
                    </div>
                </div>
            })}
        </section>
    }
}

#[component]
fn SubsectionRow(part: usize, id: u32, ids: Memo<Vec<u32>>) -> impl IntoView {
    let editor = Editor::use_context();
    let position = move || ids.with(|v| v.iter().position(|x| *x == id).unwrap_or(0));
    let item_count = move || {
        editor.draft.with(|d| {
            d.subsection(part, id)
                .map(|s| s.items.iter().filter(|i| !i.is_empty()).count())
                .unwrap_or(0)
        })
    };
    let shift = move |delta: isize| {
        let mut moved = false;
        editor.edit(|d| moved = d.move_subsection(part, id, delta));
        if moved {
            let which = if delta < 0 { "up" } else { "down" };
            editor.focus_later(&format!("#btn-sub-{which}-{id}"));
        }
    };
    let remove = move |_| {
        let mut removed: Option<(usize, Subsection)> = None;
        editor.edit(|d| removed = d.remove_subsection(part, id));
        if let Some((at, sub)) = removed {
            let label = strings::subsection_label(&subsection_marker(at));
            editor.notice.set(Some(Notice {
                text: strings::removed_item(&label),
                undo: Some(Undo::Subsection { part, at, sub }),
                rescue: None,
            }));
            editor.focus_later("button.add");
        }
    };
    let legend = move || strings::subsection_label(&subsection_marker(position()));
    let name = move |verb: &str| format!("{verb}{}", legend());
    view! {
        <li class="item subsection" id=format!("sub-{id}")>
            <fieldset>
                <legend>{legend}</legend>
                <div class="item-tools">
                    <button type="button" id=format!("btn-sub-up-{id}") aria-label=move || name(strings::BTN_MOVE_UP)
                        disabled=move || position() == 0 on:click=move |_| shift(-1)><span aria-hidden="true">"↑ "</span> {strings::BTN_MOVE_UP}</button>
                    <button type="button" id=format!("btn-sub-down-{id}") aria-label=move || name(strings::BTN_MOVE_DOWN)
                        disabled=move || { position() + 1 >= ids.with(|v| v.len()) } on:click=move |_| shift(1)><span aria-hidden="true">"↓ "</span> {strings::BTN_MOVE_DOWN}</button>
                    <button type="button" class="danger" aria-label=move || name(strings::BTN_REMOVE) on:click=remove><span aria-hidden="true">"✕ "</span> {strings::BTN_REMOVE}</button>
                </div>
                <Field field=FieldRef::SubsectionTitle(id) label=strings::LABEL_SUBSECTION_TITLE />
                <button type="button" class="primary-link" on:click=move |_| editor.go(Step::Subsection(part, id))
                    aria-label=move || strings::edit_items_label(&legend())>
                    {strings::BTN_EDIT} {strings::HEAD_ITEMS} {move || strings::item_count(item_count())} <span aria-hidden="true">"→"</span>
                </button>
            </fieldset>
        </li>
    }
}
