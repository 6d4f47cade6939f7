//! The drafts page: every draft of this namespace with its organ, year, structure, last
//! change and completeness; new, open, rename, copy (optionally a year on), export, delete
//! with undo; backup files of all drafts, and importing one without silent overwrites.

use leptos::prelude::*;

use super::editor::{Editor, OpenRequest, View};
use crate::model::persisted::{encode, StoredDraft};
use crate::model::step;
use crate::model::template::{builtin_templates, template_or_default};
use crate::storage::backup::{encode_bundle, parse_backup};
use crate::storage::browser::BrowserStore;
use crate::storage::{new_draft_id, DraftRepository};
use crate::strings;
use crate::web;

pub type Repo = StoredValue<DraftRepository<BrowserStore>>;

fn display_name(s: &StoredDraft) -> String {
    let d = &s.draft;
    if !d.name.trim().is_empty() {
        return d.name.clone();
    }
    let title = d.title(template_or_default(&d.template));
    if title.trim().is_empty() {
        strings::DRAFT_UNNAMED.into()
    } else {
        title
    }
}

fn local_date_time(ms: f64) -> String {
    if ms <= 0.0 {
        return "—".into();
    }
    let d = js_sys::Date::new(&ms.into());
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

#[component]
pub fn DraftsPage() -> impl IntoView {
    let editor = Editor::use_context();
    let repo = expect_context::<Repo>();
    let refresh = RwSignal::new(0u32);
    let message = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let undo: RwSignal<Option<(String, String, String)>> = RwSignal::new(None); // id, raw, name
    let drafts = Memo::new(move |_| {
        refresh.track();
        editor.save.track();
        repo.with_value(|r| r.list()).unwrap_or_default()
    });
    let say = move |text: String| {
        error.set(String::new());
        message.set(text);
    };
    let fail = move |text: String| {
        message.set(String::new());
        error.set(text);
    };
    let save_copy = move |mut copy: StoredDraft| {
        copy.id = new_draft_id(web::now_ms(), web::random());
        copy.revision = 1;
        copy.saved_at = web::now_ms();
        match repo.with_value(|r| {
            r.save(&copy)
                .and_then(|_| r.set_current(&editor.draft_id.get_untracked()))
        }) {
            Ok(()) => {
                refresh.update(|n| *n += 1);
                true
            }
            Err(e) => {
                fail(strings::copy_failed(
                    &crate::storage::save_state::SaveState::Failed(e).message(),
                ));
                false
            }
        }
    };
    let new_template = RwSignal::new(crate::model::template::DEFAULT_TEMPLATE_ID.to_string());
    let file_input = NodeRef::<leptos::html::Input>::new();
    let import_file = move |_| {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(t) => t.as_string().unwrap_or_default(),
                Err(_) => return fail(strings::file_unreadable(&name)),
            };
            match parse_backup(&text) {
                Err(e) => fail(format!("“{name}”{}", e.message())),
                Ok(list) => {
                    let (mut replaced, mut added) = (0, 0);
                    for mut d in list {
                        let exists = repo.with_value(|r| r.exists(&d.id)).unwrap_or(false);
                        if exists {
                            let question = strings::import_replace_question(&display_name(&d));
                            let replace = web_sys::window()
                                .and_then(|w| w.confirm_with_message(&question).ok())
                                .unwrap_or(false);
                            if replace {
                                // Keep the revision ahead of the local one, so open tabs see a newer version.
                                let local = repo.with_value(|r| r.load(&d.id, web::now_ms())).ok();
                                if let Some(crate::storage::LoadOutcome::Restored(l)) = local {
                                    d.revision = d.revision.max(l.revision + 1);
                                }
                                replaced += 1;
                            } else {
                                d.id = new_draft_id(web::now_ms(), web::random());
                                d.draft.name = strings::imported_copy_name(&display_name(&d));
                                added += 1;
                            }
                        } else {
                            added += 1;
                        }
                        if let Err(e) = repo.with_value(|r| r.save(&d)) {
                            return fail(
                                crate::storage::save_state::SaveState::Failed(e).message(),
                            );
                        }
                        let _ =
                            repo.with_value(|r| r.set_current(&editor.draft_id.get_untracked()));
                        if d.id == editor.draft_id.get_untracked() {
                            editor
                                .open_request
                                .set(Some(OpenRequest::Reload(d.id.clone())));
                        }
                    }
                    refresh.update(|n| *n += 1);
                    say(strings::import_done(&name, added, replaced));
                }
            }
            if let Some(input) = file_input.get_untracked() {
                input.set_value("");
            }
        });
    };
    let export_all = move |_| {
        let list = drafts.get_untracked();
        if web::download(
            strings::FILE_ALL_BACKUPS,
            "application/json",
            &encode_bundle(&list),
        )
        .is_ok()
        {
            say(strings::all_backups_done(list.len()));
        }
    };

    view! {
        <section class="drafts-page" aria-labelledby="drafts-title">
            <div class="drafts-head">
                <h2 id="drafts-title" tabindex="-1">{strings::HEAD_DRAFTS}</h2>
                <button type="button" on:click=move |_| editor.view.set(View::Editor)>{strings::BTN_BACK_TO_EDITOR}</button>
            </div>
            <div class="drafts-actions">
                <label for="f-new-template">{strings::LABEL_NEW_TEMPLATE}</label>
                <select id="f-new-template" on:change=move |ev| new_template.set(event_target_value(&ev))>
                    {builtin_templates().iter().map(|t| view! { <option value=t.id.clone()>{t.name.clone()}</option> }).collect_view()}
                </select>
                <button type="button" class="primary" on:click=move |_| editor.open_request.set(Some(OpenRequest::New(new_template.get_untracked())))>{strings::BTN_NEW_DRAFT}</button>
                <span class="spacer"></span>
                <label class="file-button">
                    {strings::BTN_IMPORT_BACKUP}
                    <input type="file" accept=".json,application/json" node_ref=file_input on:change=import_file />
                </label>
                <button type="button" on:click=export_all>{strings::BTN_EXPORT_ALL}</button>
            </div>
            <p class="drafts-message" role="status" aria-live="polite">{move || message.get()}</p>
            <p class="drafts-error" role="alert">{move || error.get()}</p>
            {move || undo.get().map(|(id, raw, name)| view! {
                <div class="notice">
                    {strings::draft_deleted(&name)}
                    <button type="button" on:click=move |_| {
                        let _ = repo.with_value(|r| r.restore(&id, &raw));
                        undo.set(None);
                        refresh.update(|n| *n += 1);
                    }>{strings::BTN_UNDO}</button>
                </div>
            })}
            <table class="drafts">
                <thead><tr>{strings::DRAFTS_COLUMNS.iter().map(|c| view! { <th>{*c}</th> }).collect_view()}</tr></thead>
                <tbody>
                    <For each=move || drafts.get() key=|s| (s.id.clone(), s.revision, s.saved_at.to_bits()) children=move |s| {
                        let id = s.id.clone();
                        let template = template_or_default(&s.draft.template);
                        let (done, total) = step::completeness(template, &s.draft);
                        let current = id == editor.draft_id.get_untracked();
                        let name = display_name(&s);
                        let (id_open, id_del, s_copy, s_next, s_export, s_rename) = (id.clone(), id.clone(), s.clone(), s.clone(), s.clone(), s.clone());
                        let name_del = name.clone();
                        view! {
                            <tr class:current=current>
                                <td>
                                    <label class="visually-hidden" for=format!("f-name-{id}")>{strings::LABEL_DRAFT_NAME}</label>
                                    <input id=format!("f-name-{id}") class="name" value=s.draft.name.clone() placeholder=name.clone()
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            if s_rename.id == editor.draft_id.get_untracked() {
                                                editor.edit(|d| d.name = v);
                                            } else {
                                                let mut d = s_rename.clone();
                                                d.draft.name = v;
                                                d.revision += 1;
                                                let _ = repo.with_value(|r| r.save(&d).and_then(|_| r.set_current(&editor.draft_id.get_untracked())));
                                                refresh.update(|n| *n += 1);
                                            }
                                        } />
                                    {current.then(|| view! { <span class="tag">{strings::TAG_CURRENT}</span> })}
                                </td>
                                <td>{s.draft.header.organ.clone()}</td>
                                <td>{s.draft.header.year.clone()}</td>
                                <td>{template.name.clone()}</td>
                                <td>{local_date_time(s.saved_at)}</td>
                                <td><meter min="0" max=total.to_string() value=done.to_string()></meter>{format!(" {done}/{total}")}</td>
                                <td class="actions-cell"><div class="row-actions">
                                    <button type="button" disabled=current on:click=move |_| editor.open_request.set(Some(OpenRequest::Open(id_open.clone())))
                                        aria-label=format!("{}：{name}", strings::BTN_OPEN)>{strings::BTN_OPEN}</button>
                                    <button type="button" on:click=move |_| {
                                        let mut c = s_copy.clone();
                                        c.draft.name = strings::copy_name(&display_name(&s_copy));
                                        if save_copy(c) { say(strings::COPIED.into()); }
                                    } aria-label=format!("{}：{name}", strings::BTN_COPY_DRAFT)>{strings::BTN_COPY_DRAFT}</button>
                                    <button type="button" on:click=move |_| {
                                        let mut c = s_next.clone();
                                        if c.draft.advance_year() {
                                            c.draft.name = String::new();
                                            if save_copy(c) { say(strings::COPIED_NEXT_YEAR.into()); }
                                        } else {
                                            fail(strings::NO_YEAR_TO_ADVANCE.into());
                                        }
                                    } aria-label=format!("{}：{name}", strings::LABEL_COPY_NEXT_YEAR)>{strings::BTN_COPY_NEXT_YEAR}</button>
                                    <button type="button" on:click=move |_| {
                                        let file = web::safe_file_name(&strings::backup_file_stem(&display_name(&s_export)), "json");
                                        let _ = web::download(&file, "application/json", &encode(&s_export));
                                    } aria-label=format!("{}：{name}", strings::BTN_EXPORT)>{strings::BTN_EXPORT}</button>
                                    <button type="button" class="danger" disabled=current on:click=move |_| {
                                        if let Ok(Some(raw)) = repo.with_value(|r| r.delete(&id_del)) {
                                            undo.set(Some((id_del.clone(), raw, name_del.clone())));
                                            refresh.update(|n| *n += 1);
                                        }
                                    } aria-label=format!("{}：{name}", strings::BTN_REMOVE)>{strings::BTN_REMOVE}</button>
                                </div></td>
                            </tr>
                        }
                    } />
                </tbody>
            </table>
            {move || drafts.with(|d| d.is_empty()).then(|| view! { <p class="empty">{strings::DRAFTS_EMPTY}</p> })}
        </section>
    }
}
