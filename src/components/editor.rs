//! The editor's shared state, provided as context to every component.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::checks::{self, Finding, Fix};
use crate::model::draft::{Item, ListRef, Subsection};
use crate::model::field::FieldRef;
use crate::model::step::{self, Step};
use crate::model::template::{template_or_default, Template};
use crate::model::Draft;
use crate::render::{build, Document};
use crate::storage::save_state::SaveState;

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
    pub undo: Option<Undo>,
    /// Raw text of an unreadable stored entry, offered as a download.
    pub rescue: Option<String>,
}

/// Which page the tool shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Editor,
    Drafts,
}

/// A request to the app to switch the draft being edited.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenRequest {
    /// A stored draft, by id.
    Open(String),
    /// A new draft with this template.
    New(String),
    /// The draft being edited was replaced in storage (an import): reload it, stay on the page.
    Reload(String),
}

/// What the writer chose when another tab saved the same draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    TakeTheirs,
    KeepMine,
}

#[derive(Clone, Copy)]
pub struct Editor {
    pub view: RwSignal<View>,
    pub open_request: RwSignal<Option<OpenRequest>>,
    /// Set when another tab saved this draft while this page had unsaved changes.
    pub conflict: RwSignal<Option<crate::model::persisted::StoredDraft>>,
    pub conflict_choice: RwSignal<Option<ConflictChoice>>,
    pub draft: RwSignal<Draft>,
    pub step: RwSignal<Step>,
    pub save: RwSignal<SaveState>,
    /// Plain text with GB/T 9704 indentation and signature placement.
    pub notice: RwSignal<Option<Notice>>,
    pub template: Memo<&'static Template>,
    pub document: Memo<Document>,
    /// What the checks say about the draft now.
    pub findings: Memo<Vec<Finding>>,
    /// The editor's root element, for moving focus inside the shadow root.
    pub root: NodeRef<html::Div>,
    /// Id of the draft being edited (its storage key).
    pub draft_id: RwSignal<String>,
    /// The host page's element; events for the page are dispatched on it.
    pub host: StoredValue<Option<web_sys::Element>, LocalStorage>,
}

impl Editor {
    pub fn new(
        id: String,
        draft: Draft,
        step: Step,
        save: SaveState,
        notice: Option<Notice>,
        host: Option<web_sys::Element>,
    ) -> Editor {
        let draft = RwSignal::new(draft);
        let template = Memo::new(move |_| draft.with(|d| template_or_default(&d.template)));
        let document = Memo::new(move |_| draft.with(|d| build(template.get(), d)));
        let findings = Memo::new(move |_| draft.with(|d| checks::check(template.get(), d)));
        Editor {
            view: RwSignal::new(View::Editor),
            open_request: RwSignal::new(None),
            conflict: RwSignal::new(None),
            conflict_choice: RwSignal::new(None),
            draft,
            step: RwSignal::new(step),
            save: RwSignal::new(save),
            notice: RwSignal::new(notice),
            template,
            document,
            findings,
            root: NodeRef::new(),
            draft_id: RwSignal::new(id),
            host: StoredValue::new_local(host),
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
        self.draft.update(f);
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

    pub fn apply_fix(&self, fix: Fix) {
        let mut target = None;
        let template = self.template.get_untracked();
        self.edit(|d| target = checks::apply_fix(template, d, fix));
        if let Some(field) = target {
            self.go_to_field(field);
        }
    }

    /// Focuses the element matching `selector` after the DOM has caught up.
    pub fn focus_later(&self, selector: &str) {
        let root = self.root;
        let selector = selector.to_string();
        request_animation_frame(move || {
            let Some(root) = root.get_untracked() else {
                return;
            };
            if let Ok(Some(el)) = root.query_selector(&selector) {
                if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }

    pub fn say(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            text: text.into(),
            undo: None,
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
}
