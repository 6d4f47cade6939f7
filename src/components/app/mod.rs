//! The top-level component: loads the last draft, wires autosave (debounced, and at once
//! when the page is hidden or closed), and lays out step list, form and preview.

use std::time::Duration;

use leptos::prelude::*;

use super::checks_panel::FindingsBadge;
use super::drafts_page::DraftsPage;
use super::editor::{ConflictChoice, Editor, Notice, OpenRequest, View};
use super::preview::Preview;
use super::step_form::StepForm;
use super::stepper::Stepper;
use crate::config::Config;
use crate::model::persisted::{decode, encode};
use crate::model::persisted::{StoredDraft, SCHEMA_VERSION};
use crate::model::step::{self, Step};
use crate::model::template::{template_or_default, DEFAULT_TEMPLATE_ID};
use crate::model::Draft;
use crate::storage::browser::BrowserStore;
use crate::storage::save_state::{overdue, SaveState, DEBOUNCE_MS};
use crate::storage::{new_draft_id, DraftRepository, LoadOutcome, SaveError};
use crate::strings;
use crate::web;

struct Loaded {
    id: String,
    revision: u64,
    draft: Draft,
    step: Step,
    save: SaveState,
    notice: Option<Notice>,
}

fn fresh_draft(config: &Config) -> Draft {
    let mut draft = Draft::new(template_or_default(
        config.template.as_deref().unwrap_or(DEFAULT_TEMPLATE_ID),
    ));
    draft.header.organ = config.organ.clone().unwrap_or_default();
    draft.header.year = config.year.clone().unwrap_or_default();
    draft
}

fn load(repo: &DraftRepository<BrowserStore>, config: &Config) -> Loaded {
    let now = web::now_ms();
    let new_id = new_draft_id(now, web::random());
    let fresh = |save, notice| Loaded {
        id: new_id.clone(),
        revision: 0,
        draft: fresh_draft(config),
        step: Step::Header,
        save,
        notice,
    };
    match repo.load_current(now) {
        Ok(LoadOutcome::Fresh) => fresh(SaveState::Idle, None),
        Ok(LoadOutcome::Restored(stored)) => {
            let mut draft = stored.draft;
            let step = step::resume(
                &mut draft,
                Step::parse(&stored.step).unwrap_or(Step::Header),
            );
            Loaded {
                id: stored.id,
                revision: stored.revision,
                draft,
                step,
                save: SaveState::Restored,
                notice: None,
            }
        }
        Ok(LoadOutcome::Unreadable { error, raw, .. }) => {
            let text = format!("{}（{}）", strings::LOAD_CORRUPT, error.message());
            fresh(
                SaveState::Idle,
                Some(Notice {
                    text,
                    undo: None,
                    rescue: Some(raw),
                }),
            )
        }
        Err(e) => fresh(SaveState::Failed(e), None),
    }
}

/// How long the text must rest before the page gets a `fazhi-report:change` event.
const CHANGE_EVENT_MS: u64 = 500;

#[component]
pub fn App(
    config: Config,
    /// The host page's element: receives `fazhi-report:change` and `fazhi-report:export`.
    #[prop(optional)]
    host: Option<web_sys::Element>,
    /// Called once with the editor, for the page's handle (`getText()`, `loadDraft()`…).
    #[prop(optional)]
    on_ready: Option<Box<dyn FnOnce(Editor)>>,
) -> impl IntoView {
    let repo = DraftRepository::new(BrowserStore::new(), &config.namespace);
    let loaded = load(&repo, &config);
    let editor = Editor::new(
        loaded.id.clone(),
        loaded.draft.clone(),
        loaded.step,
        loaded.save.clone(),
        loaded.notice,
        host,
    );
    provide_context(editor);
    if let Some(ready) = on_ready {
        ready(editor);
    }

    let repo = StoredValue::new(repo);
    provide_context(repo);
    let show_drafts = config.show_drafts;
    let id = editor.draft_id;
    let revision = StoredValue::new(loaded.revision);
    // What is in storage now (or, for a new draft, what needs no saving: an untouched
    // blank draft is not written). A save is skipped when nothing differs from it.
    let last_saved = StoredValue::new(Some((loaded.draft, loaded.step)));

    // When the oldest unsaved change was made (for the maximum wait while typing goes on).
    let first_unsaved = StoredValue::new(None::<f64>);
    let save_now = move || {
        first_unsaved.set_value(None);
        let draft = editor.draft.get_untracked();
        let step = editor.step.get_untracked();
        let unchanged =
            last_saved.with_value(|l| l.as_ref().is_some_and(|(d, s)| *d == draft && *s == step));
        if unchanged && !editor.save.get_untracked().is_error() {
            if editor.save.get_untracked() == SaveState::Pending {
                editor.save.set(SaveState::Saved {
                    at: web::local_time(),
                });
            }
            return;
        }
        let base = revision.get_value();
        let stored = StoredDraft {
            schema: SCHEMA_VERSION,
            id: id.get_untracked(),
            revision: base + 1,
            saved_at: web::now_ms(),
            step: step.key(),
            draft,
        };
        match repo.with_value(|r| r.save_checked(&stored, base)) {
            Ok(()) => {
                revision.set_value(base + 1);
                last_saved.set_value(Some((stored.draft, step)));
                editor.save.set(SaveState::Saved {
                    at: web::local_time(),
                });
            }
            // Another tab saved meanwhile: write nothing until the writer chooses.
            Err(SaveError::Conflict { theirs }) => {
                editor.conflict.set(Some(*theirs));
                editor.save.set(SaveState::Conflict);
            }
            // Nothing is lost: the draft stays in memory and the next change retries.
            Err(SaveError::Store(e)) => editor.save.set(SaveState::Failed(e)),
        }
    };

    // Makes a stored draft the one being edited (another tab's save, or a draft opened
    // from the drafts page), as what is now in storage.
    let adopt_with_step = move |theirs: StoredDraft, step: Step| {
        let mut theirs = theirs;
        let step = step::resume(&mut theirs.draft, step);
        id.set(theirs.id.clone());
        revision.set_value(theirs.revision);
        last_saved.set_value(Some((theirs.draft.clone(), step)));
        editor.draft.set(theirs.draft);
        editor.step.set(step);
        editor.conflict.set(None);
        editor.save.set(SaveState::Saved {
            at: web::local_time(),
        });
    };
    let adopt = move |theirs: StoredDraft| adopt_with_step(theirs, editor.step.get_untracked());

    // Another tab wrote this draft: follow it if this page has nothing unsaved, else ask.
    let on_storage = window_event_listener_untyped("storage", move |ev| {
        let Some(ev) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(&ev) else {
            return;
        };
        let key = repo.with_value(|r| r.draft_key(&id.get_untracked()));
        if ev.key().as_deref() != Some(key.as_str()) {
            return;
        }
        let Some(theirs) = ev.new_value().and_then(|raw| decode(&raw).ok()) else {
            return;
        };
        if theirs.revision <= revision.get_value() {
            return;
        }
        let unsaved = last_saved.with_value(|l| {
            l.as_ref()
                .is_none_or(|(d, _)| editor.draft.with_untracked(|now| now != d))
        });
        if unsaved {
            editor.conflict.set(Some(theirs));
            editor.save.set(SaveState::Conflict);
        } else {
            adopt(theirs);
            editor.say(strings::SYNCED_FROM_OTHER_TAB);
        }
    });

    // Opening another draft, or a new one, from the drafts page.
    Effect::new(move |_| {
        let Some(request) = editor.open_request.get() else {
            return;
        };
        editor.open_request.set(None);
        if let OpenRequest::Reload(current) = &request {
            // Storage now holds the imported version: take it as is, without saving ours over it.
            if let Ok(LoadOutcome::Restored(stored)) =
                repo.with_value(|r| r.load(current, web::now_ms()))
            {
                adopt(*stored);
            }
            return;
        }
        save_now();
        match request {
            OpenRequest::Reload(_) => {}
            OpenRequest::Open(other) => match repo.with_value(|r| r.load(&other, web::now_ms())) {
                Ok(LoadOutcome::Restored(stored)) => {
                    let step = Step::parse(&stored.step).unwrap_or(Step::Header);
                    adopt_with_step(*stored, step);
                    let _ = repo.with_value(|r| r.set_current(&other));
                    editor.say(strings::draft_opened(
                        &editor
                            .draft
                            .with_untracked(|d| d.title(editor.template.get_untracked())),
                    ));
                }
                Ok(_) => editor.say(strings::DRAFT_UNREADABLE_NOT_OPENED),
                Err(e) => editor.save.set(SaveState::Failed(e)),
            },
            OpenRequest::New(template_id) => {
                let draft = fresh_draft(&Config {
                    template: Some(template_id),
                    ..Config::default()
                });
                id.set(new_draft_id(web::now_ms(), web::random()));
                revision.set_value(0);
                last_saved.set_value(None); // written at once, so it is in the list
                editor.draft.set(draft);
                editor.step.set(Step::Header);
                save_now();
                editor.say(strings::DRAFT_CREATED);
            }
        }
        editor.view.set(View::Editor);
        editor.focus_later("h2");
    });

    // Entering the drafts page: the current draft is saved first, so the list is up to date.
    Effect::new(move |_| {
        if editor.view.get() == View::Drafts {
            untrack(save_now);
            editor.focus_later("#drafts-title");
        }
    });

    // The writer's choice in a conflict.
    Effect::new(move |_| {
        let Some(choice) = editor.conflict_choice.get() else {
            return;
        };
        editor.conflict_choice.set(None);
        let Some(theirs) = editor.conflict.get_untracked() else {
            return;
        };
        match choice {
            ConflictChoice::TakeTheirs => {
                // This page's text goes to a file first, so neither version is lost.
                let mine = StoredDraft {
                    schema: SCHEMA_VERSION,
                    id: id.get_untracked(),
                    revision: 0,
                    saved_at: web::now_ms(),
                    step: editor.step.get_untracked().key(),
                    draft: editor.draft.get_untracked(),
                };
                let _ = web::download(
                    strings::FILE_REPLACED_DRAFT,
                    "application/json",
                    &encode(&mine),
                );
                adopt(theirs);
            }
            ConflictChoice::KeepMine => {
                revision.set_value(theirs.revision);
                editor.conflict.set(None);
                editor.save.set(SaveState::Pending);
                save_now();
            }
        }
    });

    // Debounced autosave on every change of text or step.
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first_run: Option<()>| {
        editor.draft.track();
        editor.step.track();
        if first_run.is_none() {
            return;
        }
        if !editor.save.get_untracked().is_error() {
            editor.save.set(SaveState::Pending);
        }
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        let now = web::now_ms();
        if first_unsaved.get_value().is_none() {
            first_unsaved.set_value(Some(now));
        }
        if overdue(first_unsaved.get_value(), now) {
            save_now();
            return;
        }
        timer.set_value(
            set_timeout_with_handle(save_now, Duration::from_millis(DEBOUNCE_MS as u64)).ok(),
        );
    });

    // Tell the host page, once typing rests, what the report says now.
    let change_timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first_run: Option<()>| {
        editor.document.track();
        if first_run.is_none() {
            return;
        }
        if let Some(handle) = change_timer.get_value() {
            handle.clear();
        }
        let notify = move || {
            let (done, total) = editor
                .draft
                .with_untracked(|d| step::completeness(editor.template.get_untracked(), d));
            let detail = js_sys::Object::new();
            let set = |k: &str, v: wasm_bindgen::JsValue| {
                let _ = js_sys::Reflect::set(&detail, &k.into(), &v);
            };
            set("draftId", editor.draft_id.get_untracked().into());
            set("text", editor.text().into());
            set(
                "completeness",
                (if total == 0 {
                    0.0
                } else {
                    done as f64 / total as f64
                })
                .into(),
            );
            set("stepsDone", (done as u32).into());
            set("stepsTotal", (total as u32).into());
            editor.emit("fazhi-report:change", &detail);
        };
        change_timer.set_value(
            set_timeout_with_handle(notify, Duration::from_millis(CHANGE_EVENT_MS)).ok(),
        );
    });

    // Save at once when the page is hidden (tab switch, minimise) or closed.
    let on_hide = window_event_listener_untyped("pagehide", move |_| save_now());
    let on_visibility = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            save_now();
        }
    });
    // Warn before leaving only when a save has failed: then the page holds the only copy.
    let on_unload = window_event_listener_untyped("beforeunload", move |ev| {
        save_now();
        if editor.save.get_untracked().is_error() {
            ev.prevent_default();
            let _ =
                js_sys::Reflect::set(&ev, &"returnValue".into(), &strings::UNLOAD_WARNING.into());
        }
    });
    on_cleanup(move || {
        on_storage.remove();
        on_hide.remove();
        on_visibility.remove();
        on_unload.remove();
    });

    // The preview is the largest subtree and nobody types into it: render it one frame
    // after the form, so the first field is ready sooner.
    let preview_ready = RwSignal::new(false);
    request_animation_frame(move || preview_ready.set(true));

    let title = move || {
        let t = editor.draft.with(|d| d.title(editor.template.get()));
        if t.is_empty() {
            strings::NEW_DRAFT_TITLE.to_string()
        } else {
            t
        }
    };
    view! {
        <div class="fr-app" node_ref=editor.root lang="zh-CN">
            <header class="topbar">
                <div class="brand">
                    <span class="app-name">{strings::APP_NAME}</span>
                    <span class="app-sub">{strings::APP_SUBTITLE}</span>
                </div>
                <div class="doc-title" title=title>{title}</div>
                <FindingsBadge />
                {show_drafts.then(|| view! {
                    <button type="button" class="badge" on:click=move |_| editor.view.set(if editor.view.get_untracked() == View::Drafts { View::Editor } else { View::Drafts })>
                        {move || if editor.view.get() == View::Drafts { strings::BTN_BACK } else { strings::HEAD_DRAFTS }}
                    </button>
                })}
                <p class="save-state" class:error=move || editor.save.with(|s| s.is_error()) role="status" aria-live="polite">
                    {move || editor.save.with(|s| s.message())}
                </p>
            </header>
            <NoticeBar />
            <Show when=move || editor.view.get() == View::Editor fallback=|| view! { <DraftsPage /> }>
                <div class="layout">
                    <Stepper />
                    <main class="main"><StepForm /></main>
                    <Show when=move || preview_ready.get()><Preview /></Show>
                </div>
            </Show>
        </div>
    }
}

/// Undo after a removal, and storage problems that need the writer's attention.
#[component]
fn NoticeBar() -> impl IntoView {
    let editor = Editor::use_context();
    let conflict = move || {
        editor.conflict.with(|c| c.is_some()).then(|| view! {
            <div class="notice conflict" role="alert">
                <span>{strings::CONFLICT_NOTICE}</span>
                <button type="button" on:click=move |_| editor.conflict_choice.set(Some(ConflictChoice::TakeTheirs))>{strings::BTN_TAKE_THEIRS}</button>
                <button type="button" class="primary" on:click=move |_| editor.conflict_choice.set(Some(ConflictChoice::KeepMine))>{strings::BTN_KEEP_MINE}</button>
            </div>
        })
    };
    // Storage failed: the page holds the only copy, so offer it as a file right here.
    let storage_failed = move || {
        editor.save.with(|s| matches!(s, SaveState::Failed(_))).then(|| view! {
            <div class="notice conflict" role="alert">
                <span>{move || editor.save.with(|s| s.message())}</span>
                <button type="button" class="primary" on:click=move |_| {
                    let stored = StoredDraft { schema: SCHEMA_VERSION, id: editor.draft_id.get_untracked(), revision: 0, saved_at: web::now_ms(), step: editor.step.get_untracked().key(), draft: editor.draft.get_untracked() };
                    let name = web::safe_file_name(&strings::backup_file_stem(&editor.draft.with_untracked(|d| d.title(editor.template.get_untracked()))), "json");
                    let _ = web::download(&name, "application/json", &encode(&stored));
                }>{strings::BTN_SAVE_BACKUP}</button>
            </div>
        })
    };
    let notice = move || {
        editor.notice.get().map(|notice| {
            let undo = notice.undo.clone();
            let rescue = notice.rescue.clone();
            view! {
                <div class="notice" role="alert">
                    <span>{notice.text.clone()}</span>
                    {undo.map(|u| view! {
                        <button type="button" on:click=move |_| editor.undo(u.clone())>{strings::BTN_UNDO}</button>
                    })}
                    {rescue.map(|raw| view! {
                        <button type="button" on:click=move |_| { let _ = web::download(strings::FILE_UNREADABLE_DRAFT, "application/json", &raw); }>
                            {strings::BTN_DOWNLOAD_UNREADABLE}
                        </button>
                    })}
                    <button type="button" class="close" aria-label=strings::LABEL_CLOSE_NOTICE on:click=move |_| editor.notice.set(None)>"✕"</button>
                </div>
            }
        })
    };
    view! { {conflict} {storage_failed} {notice} }
}
