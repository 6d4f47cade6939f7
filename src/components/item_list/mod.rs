//! Editing a list item by item: add, remove (undone in place), move up and down. The
//! numbering shown beside each item is the one the report will print (the preview's); the
//! writer never types it.

mod row_tools;

pub(crate) use row_tools::refocus_moved;
pub use row_tools::{RowTools, UndoRow};

use leptos::either::Either;
use leptos::prelude::*;

use super::click;
use super::editor::{Editor, Undo};
use super::field::{Field, TextArea};
use crate::model::draft::ListRef;
use crate::model::field::FieldRef;
use crate::model::numbering::{chinese_numeral, subsection_marker, ItemNumbering};
use crate::model::step::Step;
use crate::model::template::ListSpec;
use crate::strings;

/// A row of a list on screen: an entry, or the place an entry was removed from (keyed by
/// the removed entry's id, so a second removal draws a fresh row).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Row {
    Entry(u32),
    Removed(u32),
}

/// The last removal in a list, undoable where it happened.
#[derive(Clone, Debug, PartialEq)]
struct Removed {
    id: u32,
    at: usize,
    /// "第三条", "小节（二）"
    what: String,
    undo: Undo,
}

fn rows(ids: &[u32], removed: Option<&Removed>) -> Vec<Row> {
    let mut out: Vec<Row> = ids.iter().map(|id| Row::Entry(*id)).collect();
    if let Some(r) = removed {
        out.insert(r.at.min(out.len()), Row::Removed(r.id));
    }
    out
}

/// The undo row for `removed`, or nothing once it is gone.
fn undo_row(
    editor: Editor,
    removed: RwSignal<Option<Removed>>,
    dom_id: &'static str,
) -> Option<impl IntoView> {
    let r = removed.get_untracked()?;
    let undo = Callback::new(move |_| {
        if let Some(r) = removed.get_untracked() {
            removed.set(None);
            editor.undo(r.undo);
        }
    });
    let dismiss = Callback::new(move |_| {
        removed.set(None);
        editor.focus_later("button.add");
    });
    Some(view! { <UndoRow what=r.what id=dom_id on_undo=undo on_dismiss=dismiss /> })
}

fn item_ids(editor: Editor, list: ListRef) -> Vec<u32> {
    editor.draft.with(|d| {
        d.list(list)
            .map(|v| v.iter().map(|i| i.id).collect())
            .unwrap_or_default()
    })
}

/// The numbering word each item will print with, as the renderer gives it: empty items
/// are left out of the count, and a lone item has none ("一是" without "二是" reads as a
/// slip, GB practice), so the form and the preview agree.
fn item_words(editor: Editor, list: ListRef, numbering: ItemNumbering) -> Vec<(u32, String)> {
    editor.with_text(|d| {
        let Some(items) = d.list(list) else {
            return Vec::new();
        };
        let filled = items.iter().filter(|i| !i.is_empty()).count();
        // The author's numbering (1. （1） …) where the draft has one, else the template's.
        let style = match list {
            ListRef::Part(p) => d
                .parts
                .get(p)
                .map_or(d.item_style, |x| x.style(d.item_style)),
            ListRef::Subsection(p, id) => {
                let part = d
                    .parts
                    .get(p)
                    .map_or(d.item_style, |x| x.style(d.item_style));
                d.subsection(p, id)
                    .and_then(|s| s.item_style)
                    .unwrap_or(part)
            }
        };
        let mut rank = 0;
        items
            .iter()
            .map(|i| {
                let word = if i.is_empty() {
                    String::new()
                } else {
                    rank += 1;
                    style
                        .prefix(rank - 1, filled)
                        .unwrap_or_else(|| numbering.prefix(rank - 1, filled))
                        .trim_end_matches('，')
                        .to_string()
                };
                (i.id, word)
            })
            .collect()
    })
}

#[component]
pub fn ItemList(list: ListRef, spec: ListSpec) -> impl IntoView {
    let editor = Editor::use_context();
    let ids = Memo::new(move |_| item_ids(editor, list));
    let numbering = spec.numbering;
    let words = Memo::new(move |_| item_words(editor, list, numbering));
    let removed = RwSignal::new(None::<Removed>);
    let shown = Memo::new(move |_| ids.with(|ids| removed.with(|r| rows(ids, r.as_ref()))));
    let add = move |_| {
        let mut new_id = None;
        editor.edit(|d| new_id = d.add_item(list, None));
        if let Some(id) = new_id {
            editor.focus_field(FieldRef::ItemLead(id));
        }
    };
    let single = move || numbering != ItemNumbering::None && ids.with(|v| v.len() == 1);
    let spec = StoredValue::new(spec);
    view! {
        <section class="items" aria-label=strings::HEAD_ITEMS>
            <ol class="item-list">
                <For each=move || shown.get() key=|row| *row children=move |row| match row {
                    Row::Entry(id) => Either::Left(view! { <ItemEditor list id spec=spec.get_value() ids words removed /> }),
                    Row::Removed(_) => Either::Right(undo_row(editor, removed, "undo-item")),
                } />
            </ol>
            {move || single().then(|| view! { <p class="list-note">{strings::HINT_SINGLE_ITEM}</p> })}
            <button type="button" class="add" on:click=click(add)><span aria-hidden="true">"＋ "</span> {strings::BTN_ADD_ITEM}</button>
        </section>
    }
}

#[component]
fn ItemEditor(
    list: ListRef,
    id: u32,
    spec: ListSpec,
    ids: Memo<Vec<u32>>,
    words: Memo<Vec<(u32, String)>>,
    removed: RwSignal<Option<Removed>>,
) -> impl IntoView {
    let editor = Editor::use_context();
    let position = move || ids.with(|v| v.iter().position(|x| *x == id).unwrap_or(0));
    let count = move || ids.with(|v| v.len());
    // "第 2 条（二是）": the number, and the word the report will print for it.
    let legend = Signal::derive(move || {
        let word = words.with(|w| {
            w.iter()
                .find(|(i, _)| *i == id)
                .map(|(_, w)| w.clone())
                .unwrap_or_default()
        });
        let numeral = chinese_numeral(position() + 1);
        strings::item_label(&numeral, (!word.is_empty()).then_some(word.as_str()))
    });
    let numbered_lead = Memo::new(move |_| {
        crate::checks::leading_number_word(&editor.field_text(FieldRef::ItemLead(id))).is_some()
    });
    let shift = Callback::new(move |delta: isize| {
        let mut moved = None;
        editor.edit(|d| moved = d.move_item(list, id, delta));
        refocus_moved(editor, "btn", id, moved, delta);
    });
    let remove = Callback::new(move |_| {
        let mut taken = None;
        editor.edit(|d| taken = d.remove_item(list, id));
        if let Some((at, item)) = taken {
            removed.set(Some(Removed {
                id,
                at,
                what: strings::item_label(&chinese_numeral(at + 1), None),
                undo: Undo::Item { list, at, item },
            }));
            editor.focus_later("#undo-item");
        }
    });
    view! {
        <li class="item" id=format!("item-{id}")>
            <fieldset>
                <legend>{legend}</legend>
                <RowTools name=legend id_prefix="btn" key=id
                    can_up=Signal::derive(move || position() > 0)
                    can_down=Signal::derive(move || position() + 1 < count())
                    on_move=shift on_remove=remove />
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
    let removed = RwSignal::new(None::<Removed>);
    let shown = Memo::new(move |_| ids.with(|ids| removed.with(|r| rows(ids, r.as_ref()))));
    let add = move |title: String| {
        let mut new_id = None;
        editor.edit(|d| new_id = d.add_subsection(part, title));
        if let Some(id) = new_id {
            editor.focus_field(FieldRef::SubsectionTitle(id));
        }
    };
    let titles = Memo::new(move |_| {
        editor.with_text(|d| {
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
                <For each=move || shown.get() key=|row| *row children=move |row| match row {
                    Row::Entry(id) => Either::Left(view! { <SubsectionRow part id ids removed /> }),
                    Row::Removed(_) => Either::Right(undo_row(editor, removed, "undo-subsection")),
                } />
            </ol>
            <button type="button" class="add" on:click=click(move |_| add(String::new()))><span aria-hidden="true">"＋ "</span> {strings::BTN_ADD_SUBSECTION}</button>
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
                                    aria-label=format!("{title}：{}", strings::BTN_ADD_SUBSECTION)
                                    on:click=click(move |_| add(t2.clone()))><span aria-hidden="true">"＋ "</span> {title.clone()}</button>
                            }
                        }).collect_view()}
                    </div>
                </div>
            })}
        </section>
    }
}

#[component]
fn SubsectionRow(
    part: usize,
    id: u32,
    ids: Memo<Vec<u32>>,
    removed: RwSignal<Option<Removed>>,
) -> impl IntoView {
    let editor = Editor::use_context();
    let position = move || ids.with(|v| v.iter().position(|x| *x == id).unwrap_or(0));
    let item_count = move || {
        editor.with_text(|d| {
            d.subsection(part, id)
                .map(|s| s.items.iter().filter(|i| !i.is_empty()).count())
                .unwrap_or(0)
        })
    };
    let shift = Callback::new(move |delta: isize| {
        let mut moved = None;
        editor.edit(|d| moved = d.move_subsection(part, id, delta));
        refocus_moved(editor, "btn-sub", id, moved, delta);
    });
    let remove = Callback::new(move |_| {
        let mut taken = None;
        editor.edit(|d| taken = d.remove_subsection(part, id));
        if let Some((at, sub)) = taken {
            removed.set(Some(Removed {
                id,
                at,
                what: strings::subsection_label(&subsection_marker(at)),
                undo: Undo::Subsection { part, at, sub },
            }));
            editor.focus_later("#undo-subsection");
        }
    });
    let legend = Signal::derive(move || strings::subsection_label(&subsection_marker(position())));
    view! {
        <li class="item subsection" id=format!("sub-{id}")>
            <fieldset>
                <legend>{legend}</legend>
                <RowTools name=legend id_prefix="btn-sub" key=id
                    can_up=Signal::derive(move || position() > 0)
                    can_down=Signal::derive(move || position() + 1 < ids.with(|v| v.len()))
                    on_move=shift on_remove=remove />
                <Field field=FieldRef::SubsectionTitle(id) label=strings::LABEL_SUBSECTION_TITLE />
                <button type="button" class="primary-link" on:click=click(move |_| editor.go(Step::Subsection(part, id)))
                    aria-label=move || strings::edit_items_label(&legend.get(), item_count())>
                    {move || strings::edit_items_text(item_count())} <span aria-hidden="true">"→"</span>
                </button>
            </fieldset>
        </li>
    }
}
