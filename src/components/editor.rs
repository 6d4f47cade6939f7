//! The editor's shared state, provided as context to every component.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::checks::{self, Finding, Fix};
use crate::model::changes::ChangeLog;
use crate::model::draft::{Item, ListRef, Subsection};
use crate::model::field::FieldRef;
use crate::model::step::{self, Step};
use crate::model::template::{template_or_default, Template};
use crate::model::Draft;
use crate::render::segments::{feeds_one_segment, Segments};
use crate::render::Document;
use crate::storage::browser::BrowserStore;
use crate::storage::save_state::SaveState;
use crate::storage::session::{
    ConflictChoice, ForeignWrite, Opened, Resolved, SaveOutcome, Session, SwitchError,
};
use crate::strings;
use crate::web;

/// What 撤销 puts back in the draft after a removal.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    Item {
        list: ListRef,
        at: usize,
        item: Item,
    },
    Subsection {
        part: usize,
        at: usize,
        sub: Subsection,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    /// Raw text of an unreadable stored entry, offered as a download.
    pub rescue: Option<String>,
}

/// Which page the tool shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Editor,
    Drafts,
}

/// How long typing must rest before the checks of the whole text run again (they run
/// between one and two of these after the last keystroke): short enough that the findings
/// seem to follow the text, long enough that they do not run between two keystrokes of a
/// writer typing on.
pub const REST_MS: u64 = 200;

/// The fields typed into since revision `seen` of `changes`; `seen` becomes the revision now.
fn typed_since(changes: StoredValue<ChangeLog>, seen: StoredValue<u64>) -> Option<Vec<FieldRef>> {
    changes.with_value(|c| {
        let typed = c.typed_since(seen.get_value());
        seen.set_value(c.revision());
        typed
    })
}

thread_local! {
    /// One trigger per field typed into or shown, notified when text is typed into it
    /// ([`Editor::type_into`]). Keyed by the field alone: two tools on one page share a
    /// field's trigger, which costs the other one a memo check and nothing more. Entries
    /// stay for the page's life: one per part lead, 小节 title or lead and item shown.
    static FIELD_TYPED: std::cell::RefCell<Vec<(FieldRef, ArcTrigger)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `field`'s trigger, made if `make` and there is none yet.
fn field_typed(field: FieldRef, make: bool) -> Option<ArcTrigger> {
    FIELD_TYPED.with_borrow_mut(|all| {
        if let Some((_, t)) = all.iter().find(|(f, _)| *f == field) {
            return Some(t.clone());
        }
        make.then(|| {
            let t = ArcTrigger::new();
            all.push((field, t.clone()));
            t
        })
    })
}

/// The session engine over the browser's storage.
pub type BrowserSession = Session<BrowserStore>;

#[derive(Clone, Copy)]
pub struct Editor {
    pub view: RwSignal<View>,
    /// Set when another tab saved this draft while this page had unsaved changes; the
    /// other version is held by the session until the writer chooses.
    pub conflict: RwSignal<bool>,
    /// The draft. Change it only through the editor's methods, which note every change in
    /// `changes` (a change made past them would leave the segments behind the draft).
    /// Tracking it sees every change but one: text typed into a field that feeds only its
    /// own segment (a part's lead, a subsection's title or lead, an item) changes the draft
    /// without notifying it, so that a keystroke wakes only what shows that text. Read the
    /// text of parts, subsections and items through [`Editor::with_text`] or
    /// [`Editor::field_text`].
    pub draft: RwSignal<Draft>,
    /// Notified when such text is typed (any field's; [`FIELD_TYPED`] has one per field).
    text_typed: Trigger,
    /// Every change to the draft, so that what is derived from it can redo only what a
    /// keystroke touched.
    changes: StoredValue<ChangeLog>,
    pub step: RwSignal<Step>,
    pub save: RwSignal<SaveState>,
    /// A message for the writer, with undo or a rescue download when there is one.
    pub notice: RwSignal<Option<Notice>>,
    pub template: Memo<&'static Template>,
    /// The report in segments, rebuilt one segment at a time as the writer types (the
    /// preview and the step list read this).
    pub segments: Memo<Segments>,
    /// The whole report. Computed only when read: while typing, only the output step
    /// (which shows the whole text) keeps it current.
    pub document: Memo<Document>,
    /// What the checks say about the draft: the 文头 and date checks as typed, the checks
    /// of the whole text as of the last time typing rested ([`REST_MS`]), a step change or
    /// any other edit.
    pub findings: Memo<Vec<Finding>>,
    /// True until the whole-text checks have run once (a long draft: until just after its
    /// first paint); `findings` then holds only the quick ones.
    pub checks_pending: RwSignal<bool>,
    /// Whether the draft's next change comes from typing (`Some(true)`: its whole-text
    /// checks wait for a rest) or from anything else (`Some(false)`: checked at once).
    typing: StoredValue<Option<bool>>,
    /// The editor's root element, for moving focus inside the shadow root.
    pub root: NodeRef<html::Div>,
    /// Id of the draft being edited (its storage key).
    pub draft_id: RwSignal<String>,
    /// The host page's element; events for the page are dispatched on it.
    pub host: StoredValue<Option<web_sys::Element>, LocalStorage>,
    /// Saving, other tabs, switching drafts: the plain-Rust protocol (`storage::session`).
    pub session: StoredValue<BrowserSession>,
}

impl Editor {
    pub fn new(
        session: BrowserSession,
        opened: Opened,
        save: SaveState,
        notice: Option<Notice>,
        host: Option<web_sys::Element>,
    ) -> Editor {
        let Opened { id, draft, step } = opened;
        let draft = RwSignal::new(draft);
        let changes = StoredValue::new(ChangeLog::default());
        let template = Memo::new(move |_| draft.with(|d| template_or_default(&d.template)));
        // The revision of the draft the segments were last brought up to date with.
        let segments_seen = StoredValue::new(0_u64);
        let text_typed = Trigger::new();
        let segments = Memo::new(move |prev| {
            text_typed.track();
            draft.with(|d| {
                let typed = typed_since(changes, segments_seen);
                Segments::update(prev, template.get(), d, typed.as_deref())
            })
        });
        let document = Memo::new(move |_| segments.with(Segments::document));
        let quick = Memo::new(move |_| draft.with(checks::quick));
        // The whole-text checks (≈ 30 ms at 50 000 characters) first run just after the
        // first paint, so the form is on screen first: until then the badge says they are
        // pending. Even an empty draft's would make the first frame wait, for the wasm
        // compiled at their first call (about 120 functions).
        let thorough = RwSignal::new(Vec::new());
        let checks_pending = RwSignal::new(true);
        let findings = Memo::new(move |_| quick.with(|q| thorough.with(|t| checks::merge(q, t))));
        let typing = StoredValue::new(None);
        let step = RwSignal::new(step);
        Self::check_when_resting(
            draft,
            text_typed,
            step,
            template,
            thorough,
            typing,
            checks_pending,
        );
        Editor {
            view: RwSignal::new(View::Editor),
            conflict: RwSignal::new(false),
            draft,
            text_typed,
            changes,
            step,
            save: RwSignal::new(save),
            notice: RwSignal::new(notice),
            template,
            segments,
            document,
            findings,
            checks_pending,
            typing,
            root: NodeRef::new(),
            draft_id: RwSignal::new(id),
            host: StoredValue::new_local(host),
            session: StoredValue::new(session),
        }
    }

    /// Dispatches `name` on the host element: bubbling and composed, so the page hears it
    /// from outside the shadow root.
    pub fn emit(&self, name: &str, detail: &wasm_bindgen::JsValue) {
        self.host.with_value(|host| {
            let Some(host) = host else { return };
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(detail);
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
                let _ = host.dispatch_event(&event);
            }
        });
    }

    /// The report's plain text (the form the page's events and `getText()` carry).
    pub fn text(&self) -> String {
        self.document.with_untracked(|d| {
            crate::render::to_text(
                d,
                crate::render::TextOptions {
                    layout: self.draft.with_untracked(|d| d.output.text_layout),
                },
            )
        })
    }

    pub fn use_context() -> Editor {
        expect_context::<Editor>()
    }

    pub fn edit(&self, f: impl FnOnce(&mut Draft)) {
        self.typing.set_value(Some(false));
        self.change(None, f);
    }

    /// Replaces the draft (another one opened, loaded by the page, or saved by another tab).
    pub fn replace(&self, draft: Draft) {
        self.typing.set_value(Some(false));
        self.changes.update_value(|c| c.record(None));
        self.draft.set(draft);
    }

    /// An edit typed into a field: the whole-text checks wait until typing rests.
    pub fn type_text(&self, f: impl FnOnce(&mut Draft)) {
        self.typing_goes_on();
        self.change(None, f);
    }

    /// Text typed into `field`: as [`Editor::type_text`], and what is derived from other
    /// fields is left as it is. Text that feeds only its own segment notifies only the
    /// readers of typed text ([`Editor::with_text`]) and of that field
    /// ([`Editor::field_text`]), not every reader of the draft: the 文头 checks, the step
    /// list's structure, every other field and their views stay asleep.
    pub fn type_into(&self, field: FieldRef, text: String) {
        self.typing_goes_on();
        if !feeds_one_segment(field) {
            self.change(Some(field), |d| d.set_text(field, text));
            return;
        }
        self.changes.update_value(|c| c.record(Some(field)));
        self.draft.update_untracked(|d| d.set_text(field, text));
        if let Some(own) = field_typed(field, false) {
            own.notify();
        }
        self.text_typed.notify();
    }

    /// Reads the draft, tracking every change to it, typed text included.
    pub fn with_text<T>(&self, f: impl FnOnce(&Draft) -> T) -> T {
        self.text_typed.track();
        self.draft.with(f)
    }

    /// Tracks what is typed anywhere (for readers that look at the draft untracked).
    pub fn track_text(&self) {
        self.text_typed.track();
    }

    /// `field`'s text, tracking changes to it: every change to the draft but text typed
    /// into another field.
    pub fn field_text(&self, field: FieldRef) -> String {
        // Only the fields typed through the untracked path get a trigger (the registry holds
        // one per such field shown, and never one that nothing notifies).
        if let Some(own) = field_typed(field, feeds_one_segment(field)) {
            own.track();
        }
        self.draft.with(|d| d.text(field))
    }

    /// The next change comes from typing, unless another edit is already pending.
    fn typing_goes_on(&self) {
        self.typing.update_value(|t| {
            t.get_or_insert(true);
        });
    }

    /// Every change to the draft goes through here: noted, then made.
    fn change(&self, typed: Option<FieldRef>, f: impl FnOnce(&mut Draft)) {
        self.changes.update_value(|c| c.record(typed));
        self.draft.update(f);
    }

    /// How many changes the draft has had in this page (each edit, keystroke or load).
    pub fn revision(&self) -> u64 {
        self.changes.with_value(ChangeLog::revision)
    }

    /// The fields typed into since the draft's revision `seen` (`None`: anything may have
    /// changed); `seen` becomes the revision now.
    pub fn typed_since(&self, seen: StoredValue<u64>) -> Option<Vec<FieldRef>> {
        typed_since(self.changes, seen)
    }

    /// Runs the checks of the whole text when the draft changes: at once after an edit
    /// that is not typing (a button, a load, another tab), [`REST_MS`] after the last
    /// keystroke while the writer types, and at once when the step changes with typing
    /// still unchecked (so the review is never behind).
    fn check_when_resting(
        draft: RwSignal<Draft>,
        text_typed: Trigger,
        step: RwSignal<Step>,
        template: Memo<&'static Template>,
        thorough: RwSignal<Vec<Finding>>,
        typing: StoredValue<Option<bool>>,
        pending: RwSignal<bool>,
    ) {
        // One timer per rest, not one per keystroke (and no clock): the timer notes how many
        // keystrokes it has seen; firing after more came, it waits once more.
        let timer = StoredValue::new(None::<TimeoutHandle>);
        let stale = StoredValue::new(false);
        let keystrokes = StoredValue::new(0_u64);
        let run = move || {
            if let Some(Some(handle)) = timer.try_get_value() {
                handle.clear();
            }
            timer.try_set_value(None);
            stale.try_set_value(false);
            let Some(template) = template.try_get_untracked() else {
                return;
            };
            let Some(found) = draft.try_with_untracked(|d| checks::thorough(template, d)) else {
                return;
            };
            if thorough.try_with_untracked(|t| *t != found) == Some(true) {
                thorough.set(found);
            }
            if pending.try_get_untracked() == Some(true) {
                pending.set(false);
            }
        };
        super::deferred::after_first_paint(run);
        fn arm(
            timer: StoredValue<Option<TimeoutHandle>>,
            keystrokes: StoredValue<u64>,
            run: impl Fn() + Copy + 'static,
        ) {
            let seen = keystrokes.get_value();
            let fire = move || {
                timer.try_set_value(None);
                match keystrokes.try_get_value() {
                    Some(now) if now != seen => arm(timer, keystrokes, run),
                    Some(_) => run(),
                    None => {}
                }
            };
            let wait = std::time::Duration::from_millis(REST_MS);
            timer.set_value(set_timeout_with_handle(fire, wait).ok());
        }
        // Unmounted while typing rests: the pending run is dropped with the editor.
        on_cleanup(move || {
            if let Some(Some(handle)) = timer.try_get_value() {
                handle.clear();
            }
        });
        Effect::new(move |first: Option<()>| {
            draft.track();
            text_typed.track();
            let typed = typing.try_update_value(Option::take).flatten();
            if first.is_none() {
                return;
            }
            if typed == Some(true) {
                stale.set_value(true);
                keystrokes.update_value(|n| *n += 1);
                if timer.with_value(Option::is_none) {
                    arm(timer, keystrokes, run);
                }
            } else {
                run();
            }
        });
        Effect::new(move |_| {
            step.track();
            if stale.get_value() {
                run();
            }
        });
    }

    /// Goes to a step and puts keyboard focus on its heading, so keyboard and screen-reader
    /// users land where sighted users look.
    pub fn go(&self, to: Step) {
        self.step.set(to);
        self.focus_later(&format!("#{}", to.anchor()));
    }

    pub fn go_relative(&self, delta: isize) {
        let next = self.draft.with_untracked(|d| {
            step::neighbour(
                self.template.get_untracked(),
                d,
                self.step.get_untracked(),
                delta,
            )
        });
        if let Some(next) = next {
            self.go(next);
        }
    }

    /// Opens the step that shows `field` and puts the cursor in it.
    pub fn go_to_field(&self, field: FieldRef) {
        let to = self.draft.with_untracked(|d| field.step(d));
        self.step.set(to);
        self.focus_field(field);
    }

    /// Puts the cursor in `field` once the DOM shows it.
    pub fn focus_field(&self, field: FieldRef) {
        self.focus_later(&format!("#{}", field.dom_id()));
    }

    /// Applies a finding's fix and goes to the field it wrote; true when it wrote none to go
    /// to (the writer stays on the findings).
    pub fn apply_fix(&self, fix: Fix) -> bool {
        let mut target = None;
        let template = self.template.get_untracked();
        self.edit(|d| target = checks::apply_fix(template, d, fix));
        if let Some(field) = target {
            self.go_to_field(field);
        }
        target.is_none()
    }

    /// Focuses the element matching `selector` after the DOM has caught up, unless the
    /// writer has put focus on another element of the tool meanwhile: on a busy machine that
    /// frame can come after a click into another field, and what they type must stay there.
    /// (A move made by an earlier `focus_later` in the same frame is not the writer's: of
    /// two asked before one frame, say by a double click on 添加一条, the later wins.) The
    /// same holds for focus put in the host page, or in another tool on it.
    pub fn focus_later(&self, selector: &str) {
        self.focus_first_later(vec![selector.to_string()]);
    }

    /// [`Editor::focus_later`] on the first of `selectors` that matches then.
    pub fn focus_first_later(&self, selectors: Vec<String>) {
        thread_local! {
            static MOVED_BY_US: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
        }
        let root = self.root;
        let focused = |root: &web_sys::HtmlDivElement| root.query_selector(":focus").ok().flatten();
        // The page's focused element (a tool's host while focus is inside it), or None for
        // none (the body).
        let in_page = || {
            let doc = document();
            let body: Option<wasm_bindgen::JsValue> = doc.body().map(Into::into);
            doc.active_element()
                .filter(|el| Some(el.as_ref()) != body.as_ref())
        };
        let before = root.get_untracked().and_then(|r| focused(&r));
        let page_before = in_page();
        request_animation_frame(move || {
            let Some(root) = root.get_untracked() else {
                return;
            };
            let now = focused(&root);
            let page_now = in_page();
            let theirs_in_tool =
                now.is_some() && now != before && now != MOVED_BY_US.with_borrow(Clone::clone);
            let theirs_in_page = now.is_none() && page_now.is_some() && page_now != page_before;
            if theirs_in_tool || theirs_in_page {
                return;
            }
            let found = selectors
                .iter()
                .find_map(|sel| root.query_selector(sel).ok().flatten());
            if let Some(el) = found {
                if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = html.focus();
                }
                MOVED_BY_US.set(Some(el));
                // Only for the other moves asked for this frame.
                set_timeout(|| MOVED_BY_US.set(None), std::time::Duration::ZERO);
            }
        });
    }

    pub fn say(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            text: text.into(),
            rescue: None,
        }));
    }

    pub fn undo(&self, undo: Undo) {
        match undo {
            Undo::Item { list, at, item } => {
                let id = item.id;
                self.edit(|d| d.restore_item(list, at, item));
                self.focus_field(FieldRef::ItemLead(id));
            }
            Undo::Subsection { part, at, sub } => {
                let id = sub.id;
                self.edit(|d| d.restore_subsection(part, at, sub));
                self.focus_field(FieldRef::SubsectionTitle(id));
            }
        }
        self.notice.set(None);
    }

    /// A snapshot of the draft as it is now (a backup file, the page's `getDraft()`).
    pub fn snapshot(&self) -> crate::model::persisted::StoredDraft {
        let (draft, step) = (self.draft.get_untracked(), self.step.get_untracked());
        self.session
            .try_update_value(|s| s.snapshot_of(draft, step, web::now()))
            .expect("the session lives as long as the editor")
    }

    fn with_session<U>(&self, f: impl FnOnce(&mut BrowserSession, &Draft, Step) -> U) -> U {
        let step = self.step.get_untracked();
        self.draft.with_untracked(|draft| {
            self.session
                .try_update_value(|s| f(s, draft, step))
                .expect("the session lives as long as the editor")
        })
    }

    /// Writes the draft now if storage does not hold it yet, and shows the outcome.
    pub fn save_now(&self) {
        let outcome = self.with_session(|s, d, step| s.save(d, step, web::now()));
        self.show_save(outcome);
    }

    fn show_save(&self, outcome: SaveOutcome) {
        match outcome {
            SaveOutcome::Unchanged => {
                if self.save.get_untracked() == SaveState::Pending {
                    self.save.set(SaveState::Saved {
                        at: web::local_time(),
                    });
                }
            }
            SaveOutcome::Saved => self.save.set(SaveState::Saved {
                at: web::local_time(),
            }),
            // Another tab saved meanwhile: nothing is written until the writer chooses.
            SaveOutcome::Conflict => {
                self.conflict.set(true);
                self.save.set(SaveState::Conflict);
            }
            // Nothing is lost: the draft stays in memory and the next change retries.
            SaveOutcome::Failed(e) => self.save.set(SaveState::Failed(e)),
        }
    }

    /// The draft changed: returns whether a save is overdue (typing went on too long).
    pub fn changed(&self) -> bool {
        self.session
            .try_update_value(|s| s.changed(web::now()))
            .unwrap_or(true)
    }

    /// Shows a draft the session switched to, as what is in storage now.
    pub fn show(&self, opened: Opened) {
        self.draft_id.set(opened.id);
        self.replace(opened.draft);
        self.step.set(opened.step);
        self.conflict.set(false);
        self.save.set(SaveState::Saved {
            at: web::local_time(),
        });
    }

    fn switch_failed(&self, error: SwitchError) {
        match error {
            SwitchError::CurrentNotSaved(outcome) => {
                self.show_save(outcome);
                self.say(strings::SWITCH_REFUSED_UNSAVED);
            }
            SwitchError::Unreadable(_) => self.say(strings::DRAFT_UNREADABLE_NOT_OPENED),
            SwitchError::Missing | SwitchError::ChangedElsewhere => {
                self.say(strings::DRAFT_GONE_ELSEWHERE)
            }
            SwitchError::Store(e) => self.save.set(SaveState::Failed(e)),
        }
    }

    /// Saves the draft being edited and opens the stored draft `id`.
    pub fn open(&self, id: &str) {
        match self.with_session(|s, d, step| s.open(id, d, step, web::now())) {
            Ok(opened) => {
                self.show(opened);
                self.say(strings::draft_opened(
                    &self
                        .draft
                        .with_untracked(|d| d.title(self.template.get_untracked())),
                ));
                self.view.set(View::Editor);
                self.focus_later("h2");
            }
            Err(e) => self.switch_failed(e),
        }
    }

    /// Saves the draft being edited and starts a blank one with `template` (written at
    /// once, so it is listed).
    pub fn new_draft(&self, template: &str) {
        let fresh = super::app::fresh_draft(&crate::config::Config {
            template: Some(template.to_string()),
            ..crate::config::Config::default()
        });
        let random = web::random();
        match self.with_session(|s, d, step| s.new_draft(fresh, d, step, web::now(), random)) {
            Ok((opened, outcome)) => {
                self.show(opened);
                self.show_save(outcome);
                self.say(strings::DRAFT_CREATED);
                self.view.set(View::Editor);
                self.focus_later("h2");
            }
            Err(e) => self.switch_failed(e),
        }
    }

    /// The writer's choice in a conflict.
    pub fn resolve(&self, choice: ConflictChoice) {
        match self.with_session(|s, d, step| s.resolve(choice, d, step, web::now())) {
            Resolved::TookTheirs { draft, step, mine } => {
                // This page's text goes to a file first, so neither version is lost.
                let _ = web::download(
                    strings::FILE_REPLACED_DRAFT,
                    "application/json",
                    &crate::model::persisted::encode(&mine),
                );
                let id = self.draft_id.get_untracked();
                self.show(Opened {
                    id,
                    draft: *draft,
                    step,
                });
            }
            Resolved::KeptMine(outcome) => {
                self.conflict.set(false);
                self.save.set(SaveState::Pending);
                self.show_save(outcome);
            }
            Resolved::NoConflict => self.conflict.set(false),
        }
    }

    /// Another tab wrote to storage (a `storage` event; no key: it cleared storage).
    pub fn foreign_write(&self, key: Option<&str>, value: Option<&str>) {
        let heard = self.with_session(|s, d, step| match key {
            Some(key) => s.on_foreign_write(key, value, d, step),
            None => {
                let own = s.repo().draft_key(s.id());
                let now = crate::storage::KeyValueStore::get(s.repo().store(), &own)
                    .ok()
                    .flatten();
                s.on_foreign_write(&own, now.as_deref(), d, step)
            }
        });
        match heard {
            ForeignWrite::Ignore => {}
            ForeignWrite::Follow { draft, step } => {
                let id = self.draft_id.get_untracked();
                self.show(Opened {
                    id,
                    draft: *draft,
                    step,
                });
                self.say(strings::SYNCED_FROM_OTHER_TAB);
            }
            ForeignWrite::Ask => {
                self.conflict.set(true);
                self.save.set(SaveState::Conflict);
            }
            ForeignWrite::Deleted => {
                // Written back at once: the text on this page is never only on screen.
                self.save_now();
                self.say(strings::DELETED_ELSEWHERE_KEPT);
            }
        }
    }
}
