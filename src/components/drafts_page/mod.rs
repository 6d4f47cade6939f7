//! The drafts page: every draft of this namespace with its organ, year, structure, last
//! change and completeness; new, open, rename, copy (optionally a year on), export, delete
//! with undo; backup files of all drafts, and importing one without silent overwrites.

use leptos::either::Either;
use leptos::prelude::*;

use super::editor::{Editor, View};
use super::{change, click, input};
use crate::model::persisted::{encode, StoredDraft};
use crate::model::step;
use crate::model::template::{builtin_templates, template_or_default};
use crate::storage::backup::{encode_bundle, parse_backup_placed};
use crate::storage::save_state::SaveState;
use crate::storage::session::{Deleted, RenameError, SetAside, SwitchError};
use crate::strings;
use crate::web;

/// What 撤销 puts back after a draft was deleted on this page.
#[derive(Clone, Debug, PartialEq)]
struct DeletedDraft {
    deleted: Deleted,
    /// The name the list showed, for the notice.
    name: String,
}

/// A storage problem in the wording of the save indicator.
fn store_message(e: crate::storage::StoreError) -> String {
    SaveState::Failed(e).message()
}

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
    let session = editor.session;
    let refresh = RwSignal::new(0u32);
    let message = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let undo: RwSignal<Option<DeletedDraft>> = RwSignal::new(None);
    let drafts = Memo::new(move |_| {
        refresh.track();
        editor.save.track();
        session.with_value(|s| s.repo().list()).unwrap_or_default()
    });
    let set_aside = Memo::new(move |_| {
        refresh.track();
        editor.save.track();
        session.with_value(|s| s.set_aside()).unwrap_or_default()
    });
    // Another tab saved, renamed or deleted a draft: the list shows storage as it is now.
    let on_storage = window_event_listener_untyped("storage", move |_| refresh.update(|n| *n += 1));
    on_cleanup(move || on_storage.remove());
    let say = move |text: String| {
        error.set(String::new());
        message.set(text);
    };
    let fail = move |text: String| {
        message.set(String::new());
        error.set(text);
    };
    let save_copy = move |copy: StoredDraft| {
        let random = web::random();
        match session
            .try_update_value(|s| s.add_copy(copy, web::now(), random))
            .expect("the session lives as long as the editor")
        {
            Ok(_) => {
                refresh.update(|n| *n += 1);
                true
            }
            Err(e) => {
                fail(strings::copy_failed(&store_message(e)));
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
            match parse_backup_placed(&text) {
                // A report picked here instead of a backup (the tool's own .docx, a .txt):
                // said what it is and where reports go, not why it is not a backup.
                Err(_) if looks_like_report(&name, &text) => {
                    fail(strings::backup_is_a_report(&name))
                }
                Err(e) => fail(format!("“{name}”{}", e.message())),
                Ok(placed) => {
                    // Paragraphs that had no place in their draft's structure (kept in its
                    // holding section): said in the message, never silent.
                    let held: usize = placed.iter().map(|d| d.held).sum();
                    let list: Vec<StoredDraft> = placed.into_iter().map(|d| d.stored).collect();
                    // Asked only about drafts already stored here: OK replaces, Cancel keeps both.
                    let ask = |d: &StoredDraft| {
                        let question = strings::import_replace_question(&display_name(d));
                        web_sys::window()
                            .and_then(|w| w.confirm_with_message(&question).ok())
                            .unwrap_or(false)
                    };
                    let copy_name = |d: &StoredDraft| strings::imported_copy_name(&display_name(d));
                    let random = web::random();
                    let result = session
                        .try_update_value(|s| {
                            let plan = s.plan_import(list, web::now(), random, ask, copy_name)?;
                            s.apply_import(plan)
                        })
                        .expect("the session lives as long as the editor");
                    refresh.update(|n| *n += 1);
                    match result {
                        Err(e) => fail(store_message(e)),
                        Ok(report) => {
                            if let Some(opened) = report.reopened {
                                editor.show(opened);
                            }
                            let mut text =
                                strings::import_done(&name, report.added, report.replaced);
                            if !report.skipped.is_empty() {
                                text.push_str(&strings::import_skipped(report.skipped.len()));
                            }
                            if held > 0 {
                                text.push_str(&strings::backup_import_held(held));
                            }
                            say(text);
                        }
                    }
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
        <section class="drafts-page" role=super::Embedded::use_context().main_role() aria-labelledby="drafts-title">
            <div class="drafts-head">
                <h2 id="drafts-title" tabindex="-1">{strings::HEAD_DRAFTS}</h2>
                <button type="button" on:click=click(move |_| editor.view.set(View::Editor))>{strings::BTN_BACK_TO_EDITOR}</button>
            </div>
            <div class="drafts-actions">
                <label for="f-new-template">{strings::LABEL_NEW_TEMPLATE}</label>
                <select id="f-new-template" on:change=change(move |ev| new_template.set(event_target_value(&ev)))>
                    {builtin_templates().iter().map(|t| view! { <option value=t.id.clone()>{t.name.clone()}</option> }).collect_view()}
                </select>
                <button type="button" class="primary" on:click=click(move |_| editor.new_draft(&new_template.get_untracked()))>{strings::BTN_NEW_DRAFT}</button>
                <span class="spacer"></span>
                <label class="file-button">
                    {strings::BTN_IMPORT_BACKUP}
                    <input type="file" accept=".json,application/json" node_ref=file_input on:change=change(import_file) />
                </label>
                <button type="button" on:click=click(export_all)>{strings::BTN_EXPORT_ALL}</button>
            </div>
            <p class="drafts-message" role="status" aria-live="polite">{move || message.get()}</p>
            <p class="drafts-error" role="alert">{move || error.get()}</p>
            {move || undo.get().map(|gone| view! {
                <div class="notice">
                    {strings::draft_deleted(&gone.name)}
                    <button type="button" on:click=click(move |_| {
                        let restored = session
                            .try_update_value(|s| s.undo_delete(&gone.deleted))
                            .expect("the session lives as long as the editor");
                        undo.set(None);
                        refresh.update(|n| *n += 1);
                        match restored {
                            Ok(true) => {}
                            // Another tab wrote it back since: its newer text stays.
                            Ok(false) => say(strings::UNDO_DELETE_NEWER_KEPT.into()),
                            Err(e) => fail(store_message(e)),
                        }
                    })>{strings::BTN_UNDO}</button>
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
                                    {if current {
                                        // The draft open here: the field is the editor's own name,
                                        // not the stored one (a save may be pending or may have
                                        // failed), and each keystroke is an edit, saved by the
                                        // editor's rules (debounce, page hide, retry, file rescue).
                                        Either::Left(view! {
                                            <input class="name" aria-label=strings::LABEL_DRAFT_NAME placeholder=name.clone()
                                                prop:value=move || editor.draft.with(|d| d.name.clone())
                                                on:input=input(move |ev| {
                                                    let v = event_target_value(&ev);
                                                    editor.edit(|d| d.name = v);
                                                }) />
                                        })
                                    } else {
                                        Either::Right(view! {
                                            <input class="name" aria-label=strings::LABEL_DRAFT_NAME value=s.draft.name.clone() placeholder=name.clone()
                                                on:change=change(move |ev| {
                                                    let v = event_target_value(&ev);
                                                    // On top of what storage holds now, revision-checked.
                                                    let renamed = session
                                                        .try_update_value(|s| s.rename(&s_rename.id, v, web::now()))
                                                        .expect("the session lives as long as the editor");
                                                    refresh.update(|n| *n += 1);
                                                    match renamed {
                                                        Ok(()) => {}
                                                        // Storage refused: the renamed draft goes to a file.
                                                        Err(RenameError::NotStored { error, renamed }) => {
                                                            let file = web::safe_file_name(&strings::backup_file_stem(&display_name(&renamed)), "json");
                                                            let offered = web::download(&file, "application/json", &encode(&renamed)).is_ok();
                                                            fail(strings::rename_not_stored(&error, offered));
                                                        }
                                                        Err(RenameError::Other(SwitchError::Store(e))) => fail(format!("{}{}", strings::RENAME_FAILED, store_message(e))),
                                                        Err(RenameError::Other(_)) => fail(format!("{}{}", strings::RENAME_FAILED, strings::DRAFT_GONE_ELSEWHERE)),
                                                    }
                                                }) />
                                        })
                                    }}
                                    {current.then(|| view! { <span class="tag">{strings::TAG_CURRENT}</span> })}
                                </td>
                                <td>{s.draft.header.organ.clone()}</td>
                                <td>{s.draft.header.year.clone()}</td>
                                <td>{template.name.clone()}</td>
                                <td>{local_date_time(s.saved_at)}</td>
                                <td><meter min="0" max=total.to_string() value=done.to_string()></meter>{format!(" {done}/{total}")}</td>
                                <td class="actions-cell"><div class="row-actions">
                                    <button type="button" disabled=current on:click=click(move |_| editor.open(&id_open))
                                        aria-label=format!("{}：{name}", strings::BTN_OPEN)>{strings::BTN_OPEN}</button>
                                    <button type="button" on:click=click(move |_| {
                                        let mut c = s_copy.clone();
                                        c.draft.name = strings::copy_name(&display_name(&s_copy));
                                        if save_copy(c) { say(strings::COPIED.into()); }
                                    }) aria-label=format!("{}：{name}", strings::BTN_COPY_DRAFT)>{strings::BTN_COPY_DRAFT}</button>
                                    <button type="button" on:click=click(move |_| {
                                        let mut c = s_next.clone();
                                        if c.draft.advance_year() {
                                            c.draft.name = String::new();
                                            if save_copy(c) { say(strings::COPIED_NEXT_YEAR.into()); }
                                        } else {
                                            fail(strings::NO_YEAR_TO_ADVANCE.into());
                                        }
                                    }) aria-label=format!("{}：{name}", strings::LABEL_COPY_NEXT_YEAR)>{strings::LABEL_COPY_NEXT_YEAR}</button>
                                    <button type="button" on:click=click(move |_| {
                                        let file = web::safe_file_name(&strings::backup_file_stem(&display_name(&s_export)), "json");
                                        let _ = web::download(&file, "application/json", &encode(&s_export));
                                    }) aria-label=format!("{}：{name}", strings::BTN_EXPORT)>{strings::BTN_EXPORT}</button>
                                    <button type="button" class="danger" disabled=current on:click=click(move |_| {
                                        let deleted = session
                                            .try_update_value(|s| s.delete(&id_del))
                                            .expect("the session lives as long as the editor");
                                        match deleted {
                                            Ok(Some(deleted)) => undo.set(Some(DeletedDraft { deleted, name: name_del.clone() })),
                                            Ok(None) => {}
                                            Err(e) => fail(store_message(e)),
                                        }
                                        refresh.update(|n| *n += 1);
                                    }) aria-label=format!("{}：{name}", strings::BTN_REMOVE)>{strings::BTN_REMOVE}</button>
                                </div></td>
                            </tr>
                        }
                    } />
                </tbody>
            </table>
            {move || drafts.with(|d| d.is_empty()).then(|| view! { <p class="empty">{strings::DRAFTS_EMPTY}</p> })}
            {move || (!set_aside.with(|l| l.is_empty())).then(|| view! {
                <SetAsideList entries=set_aside refresh fail />
            })}
        </section>
    }
}

/// Entries that could not be read: listed until the writer downloads and deletes them.
#[component]
fn SetAsideList(
    entries: Memo<Vec<SetAside>>,
    refresh: RwSignal<u32>,
    fail: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let editor = Editor::use_context();
    view! {
        <section class="set-aside" aria-labelledby="set-aside-title">
            <h3 id="set-aside-title">{strings::HEAD_SET_ASIDE}</h3>
            <p class="hint">{strings::HINT_SET_ASIDE}</p>
            <table class="drafts set-aside-list">
                <thead><tr>{strings::SET_ASIDE_COLUMNS.iter().map(|c| view! { <th>{*c}</th> }).collect_view()}</tr></thead>
                <tbody>
                    // Plain rows, not a keyed <For>: the list changes only when a row is
                    // downloaded or deleted, and the keyed diff cost more wasm than it saves.
                    {move || entries.get().into_iter().map(|e| {
                        let when = match e.at {
                            Some(ms) => local_date_time(ms),
                            None => strings::SET_ASIDE_NOT_OPENED.to_string(),
                        };
                        let (raw, id, key) = (e.raw.clone(), e.id.clone(), e.key.clone());
                        let file = web::safe_file_name(&strings::set_aside_file_name(&e.id), "json");
                        view! {
                            <tr>
                                <td>{e.id.clone()}</td>
                                <td>{when}</td>
                                <td>{e.error.message()}</td>
                                <td class="actions-cell"><div class="row-actions">
                                    <button type="button" aria-label=format!("{}：{id}", strings::BTN_DOWNLOAD)
                                        on:click=click(move |_| { let _ = web::download(&file, "application/json", &raw); })>{strings::BTN_DOWNLOAD}</button>
                                    <button type="button" class="danger" aria-label=format!("{}：{id}", strings::BTN_DELETE_SET_ASIDE)
                                        on:click=click(move |_| {
                                            let sure = web_sys::window()
                                                .and_then(|w| w.confirm_with_message(strings::CONFIRM_DELETE_SET_ASIDE).ok())
                                                .unwrap_or(false);
                                            if !sure {
                                                return;
                                            }
                                            if let Err(e) = editor.session.with_value(|s| s.discard_set_aside(&key)) {
                                                fail(store_message(e));
                                            }
                                            refresh.update(|n| *n += 1);
                                        })>{strings::BTN_DELETE_SET_ASIDE}</button>
                                </div></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// A file that is a report, not a backup: a Word document (a ZIP, whatever its name) or a
/// file named as a report (.docx, .doc, .wps, .txt, .pdf). Asked only of a file that is no
/// backup, so a backup saved under another name still imports.
fn looks_like_report(name: &str, text: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    // A damaged backup saved as .txt still starts as one: its JSON error is the news.
    let json = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{');
    text.starts_with("PK\u{3}\u{4}")
        || (!json
            && [".docx", ".doc", ".wps", ".txt", ".pdf"]
                .iter()
                .any(|ext| lower.ends_with(ext)))
}
