//! The top-level component: starts the session (the last draft, or a fresh one), wires
//! autosave (debounced, at most `MAX_WAIT_MS` while typing goes on, and at once when the
//! page is hidden or closed) and other tabs' writes to the session engine, and lays out
//! step list, form and preview. The protocol itself is `storage::session`, tested natively.

use std::time::Duration;

use leptos::either::Either;
use leptos::prelude::*;

use super::checks_panel::FindingsBadge;
use super::click;
use super::deferred::{after_first_paint, painted};
use super::drafts_page::DraftsPage;
use super::editor::{Editor, Notice, View};
use super::preview::Preview;
use super::step_form::StepForm;
use super::stepper::Stepper;
use crate::config::Config;
use crate::model::persisted::encode;
use crate::model::step;
use crate::model::template::{template_or_default, DEFAULT_TEMPLATE_ID};
use crate::model::Draft;
use crate::storage::browser::BrowserStore;
use crate::storage::save_state::{SaveState, DEBOUNCE_MS, MAX_WAIT_MS};
use crate::storage::session::{ConflictChoice, Session, Start};
use crate::storage::DraftRepository;
use crate::strings;
use crate::web;

/// A blank draft with the embedding's template, organ and year.
pub fn fresh_draft(config: &Config) -> Draft {
    let mut draft = Draft::new(template_or_default(
        config.template.as_deref().unwrap_or(DEFAULT_TEMPLATE_ID),
    ));
    draft.header.organ = config.organ.clone().unwrap_or_default();
    draft.header.year = config.year.clone().unwrap_or_default();
    draft
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
    let (session, opened, start) =
        Session::start(repo, fresh_draft(&config), web::now(), web::random());
    web::mark("fazhi:session");
    let (save, notice) = match start {
        Start::Fresh => (SaveState::Idle, None),
        Start::Restored => (SaveState::Restored, None),
        Start::Unreadable { error, raw } => (
            SaveState::Idle,
            Some(Notice {
                text: format!("{}（{}）", strings::LOAD_CORRUPT, error.message()),
                rescue: Some(raw),
            }),
        ),
        Start::Failed(e) => (SaveState::Failed(e), None),
    };
    let embedded = super::Embedded::of(host.as_ref());
    provide_context(embedded);
    let editor = Editor::new(session, opened, save, notice, host);
    provide_context(editor);
    web::mark("fazhi:editor");
    if let Some(ready) = on_ready {
        ready(editor);
    }
    let show_drafts = config.show_drafts;

    // The preview is the largest subtree and nobody types into it: it mounts just after
    // the first paint, so the first frame holds only the frame and the form. (First
    // of the tasks after the paint: the storage listener below comes next.)
    let painted = painted();

    // Another tab wrote to storage: the session follows it, asks, or writes back. Listened
    // to from just after the first paint: in Chromium the first `storage` listener of a
    // page reloads the whole storage area synchronously (≈ 8–14 ms measured here), which
    // the first frame need not wait for. A write that came in between is caught up at once
    // (the draft's stored text compared with what was read at start).
    let own_key = editor.session.with_value(|s| s.repo().draft_key(s.id()));
    let stored = move |key: &str| {
        editor.session.with_value(|s| {
            crate::storage::KeyValueStore::get(s.repo().store(), key)
                .ok()
                .flatten()
        })
    };
    let stored_at_start = stored(&own_key);
    let on_storage = StoredValue::new_local(None::<WindowListenerHandle>);
    after_first_paint(move || {
        if on_storage.try_with_value(|_| ()).is_none() {
            return; // unmounted before the first paint
        }
        let handle = window_event_listener_untyped("storage", move |ev| {
            let Some(ev) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(&ev) else {
                return;
            };
            editor.foreign_write(ev.key().as_deref(), ev.new_value().as_deref());
        });
        on_storage.set_value(Some(handle));
        let now = stored(&own_key);
        if now != stored_at_start {
            editor.foreign_write(Some(&own_key), now.as_deref());
        }
    });

    // Entering the drafts page: the current draft is saved first, so the list is up to date.
    Effect::new(move |_| {
        if editor.view.get() == View::Drafts {
            untrack(move || editor.save_now());
            editor.focus_later("#drafts-title");
        }
    });

    // The one effect that syncs storage: a save after a pause in typing (`DEBOUNCE_MS`),
    // and at the latest `MAX_WAIT_MS` after the oldest unsaved change while typing goes
    // on. That bound is kept twice: by the session's monotonic clock on each change, and
    // by a timer armed on the first unsaved change (timers need no page clock at all).
    // On a change the effect only arms timers: serialising and writing (a few ms for a
    // long report) always run in a timer task of their own, never in the keystroke's.
    // Hiding or closing the page saves at once (below). Each save is timed as the User
    // Timing measure `fazhi:save` (`node scripts/bench.mjs work` reads it).
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let max_wait = StoredValue::new(None::<TimeoutHandle>);
    let overdue = StoredValue::new(None::<TimeoutHandle>);
    let save_now = move || {
        for t in [timer, max_wait, overdue] {
            if let Some(handle) = t.get_value() {
                handle.clear();
            }
            t.set_value(None);
        }
        web::timed("fazhi:save", || editor.save_now());
    };
    let arm = move |slot: StoredValue<Option<TimeoutHandle>>, ms: u64| {
        slot.set_value(set_timeout_with_handle(save_now, Duration::from_millis(ms)).ok());
    };
    // Its first run only subscribes, unless the draft changed between the mount and that run
    // (the app shell's handover in scripts/app-shell/handover.js types the shell's text into
    // the fields right after the mount; a host may call loadDraft as soon as `ready`): such a
    // change is saved like any other.
    let (revision_at_mount, step_at_mount) = (editor.revision(), editor.step.get_untracked());
    Effect::new(move |first_run: Option<()>| {
        editor.draft.track();
        editor.track_text();
        editor.step.track();
        if first_run.is_none()
            && editor.revision() == revision_at_mount
            && editor.step.get_untracked() == step_at_mount
        {
            return;
        }
        // Set once per unsaved run, not per keystroke (a set notifies even when equal).
        let shown = editor.save.get_untracked();
        if !shown.is_error() && shown != SaveState::Pending {
            editor.save.set(SaveState::Pending);
        }
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        if editor.changed() {
            // The max-wait timer is late (a busy machine): save in the next task.
            if overdue.get_value().is_none() {
                arm(overdue, 0);
            }
            return;
        }
        if max_wait.get_value().is_none() {
            arm(max_wait, MAX_WAIT_MS as u64);
        }
        arm(timer, DEBOUNCE_MS as u64);
    });

    // Tell the host page, once typing rests, what the report says now.
    let change_timer = StoredValue::new(None::<TimeoutHandle>);
    let told = StoredValue::new(editor.revision());
    Effect::new(move |_: Option<()>| {
        editor.segments.track();
        // The segments' first computation, when nothing of the first frame read them (a
        // returning clerk's step, the 文头 form below the fold), is no change to the draft;
        // a change made before the first run (as above) is one.
        let revision = editor.revision();
        if told.get_value() == revision {
            return;
        }
        told.set_value(revision);
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
        if let Some(Some(handle)) = on_storage.try_update_value(Option::take) {
            handle.remove();
        }
        on_hide.remove();
        on_visibility.remove();
        on_unload.remove();
    });

    let title = move || {
        let t = editor.draft.with(|d| d.title(editor.template.get()));
        if t.is_empty() {
            strings::NEW_DRAFT_TITLE.to_string()
        } else {
            t
        }
    };
    // Memoised closures, not <Show>: the same rebuild-on-change with less code.
    let on_editor = Memo::new(move |_| editor.view.get() == View::Editor);
    let preview = move || painted.get().then(|| view! { <Preview /> });
    let page = move || {
        if on_editor.get() {
            Either::Left(view! {
                <div class="layout">
                    <Stepper painted />
                    <div class="main" role=embedded.main_role()><StepForm painted /></div>
                    {preview}
                </div>
            })
        } else {
            Either::Right(view! { <DraftsPage /> })
        }
    };
    view! {
        <div class="fr-app" node_ref=editor.root lang="zh-CN">
            <header class="topbar">
                <div class="brand">
                    <h1 class="app-name">{strings::APP_NAME}</h1>
                    <span class="app-sub">{strings::APP_SUBTITLE}</span>
                </div>
                <div class="doc-title" title=title>{title}</div>
                <FindingsBadge />
                {show_drafts.then(|| view! {
                    <button type="button" class="badge" on:click=click(move |_| editor.view.set(if editor.view.get_untracked() == View::Drafts { View::Editor } else { View::Drafts }))>
                        {move || if editor.view.get() == View::Drafts { strings::BTN_BACK } else { strings::HEAD_DRAFTS }}
                    </button>
                })}
                <p class="save-state" class:error=move || editor.save.with(|s| s.is_error()) role="status" aria-live="polite">
                    {move || editor.save.with(|s| s.status())}
                </p>
            </header>
            <NoticeBar />
            {page}
        </div>
    }
}

/// Undo after a removal, and storage problems that need the writer's attention.
#[component]
fn NoticeBar() -> impl IntoView {
    let editor = Editor::use_context();
    let conflict = move || {
        editor.conflict.get().then(|| view! {
            <div class="notice conflict" role="alert">
                <span>{strings::CONFLICT_NOTICE}</span>
                <button type="button" on:click=click(move |_| editor.resolve(ConflictChoice::TakeTheirs))>{strings::BTN_TAKE_THEIRS}</button>
                <button type="button" class="primary" on:click=click(move |_| editor.resolve(ConflictChoice::KeepMine))>{strings::BTN_KEEP_MINE}</button>
            </div>
        })
    };
    // Storage failed: the page holds the only copy, so offer it as a file right here.
    let storage_failed = move || {
        editor.save.with(|s| matches!(s, SaveState::Failed(_))).then(|| view! {
            <div class="notice conflict" role="alert">
                <span>{move || editor.save.with(|s| s.message())}</span>
                <button type="button" class="primary" on:click=click(move |_| {
                    let stored = editor.snapshot();
                    let name = web::safe_file_name(&strings::backup_file_stem(&editor.draft.with_untracked(|d| d.title(editor.template.get_untracked()))), "json");
                    let _ = web::download(&name, "application/json", &encode(&stored));
                })>{strings::BTN_SAVE_BACKUP}</button>
            </div>
        })
    };
    let notice = move || {
        editor.notice.get().map(|notice| {
            let rescue = notice.rescue.clone();
            view! {
                <div class="notice" role="alert">
                    <span>{notice.text.clone()}</span>
                    {rescue.map(|raw| view! {
                        <button type="button" on:click=click(move |_| { let _ = web::download(strings::FILE_UNREADABLE_DRAFT, "application/json", &raw); })>
                            {strings::BTN_DOWNLOAD_UNREADABLE}
                        </button>
                    })}
                    <button type="button" class="close" aria-label=strings::LABEL_CLOSE_NOTICE on:click=click(move |_| editor.notice.set(None))>"✕"</button>
                </div>
            }
        })
    };
    view! { {conflict} {storage_failed} {notice} }
}
