//! Leptos components. They only bind the model to the page: every rule (numbering, what
//! a step contains, what the text says) lives in `model` and `render`.
//! One folder per component, with its CSS beside it; [`CSS`] gathers them for the shadow root.

pub mod app;
pub mod checks_panel;
pub mod date_field;
pub mod deferred;
pub mod drafts_page;
pub mod editor;
pub mod field;
pub mod item_list;
pub mod output;
pub mod preview;
pub mod step_form;
pub mod stepper;

pub use app::App;
pub use editor::Editor;

use leptos::prelude::*;

/// Whether this instance is the page itself or one tool among others on a host page. On
/// its own page it is the `main` landmark; embedded, it claims no `main` (the host page
/// has its own) and its landmarks carry the organ's name, so two instances on one page
/// can be told apart by a screen reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Embedded(pub bool);

impl Embedded {
    /// The page itself: the host element sits directly in `<body>` and the page has no
    /// `main` of its own.
    pub fn of(host: Option<&web_sys::Element>) -> Embedded {
        let Some(host) = host else {
            return Embedded(false);
        };
        let in_body = host
            .parent_element()
            .is_some_and(|p| p.tag_name().eq_ignore_ascii_case("body"));
        let page_has_main = host
            .owner_document()
            .and_then(|d| d.query_selector("main, [role=main]").ok().flatten())
            .is_some();
        Embedded(!in_body || page_has_main)
    }

    pub fn use_context() -> Embedded {
        use_context::<Embedded>().unwrap_or(Embedded(false))
    }

    /// `role="main"` on the page itself, nothing when embedded.
    pub fn main_role(self) -> Option<&'static str> {
        (!self.0).then_some("main")
    }
}

/// A landmark's accessible name: `base`, with the organ when embedded.
pub fn landmark_name(base: &'static str) -> Signal<String> {
    let editor = Editor::use_context();
    let embedded = Embedded::use_context().0;
    Signal::derive(move || {
        if embedded {
            editor
                .draft
                .with(|d| crate::strings::landmark_of(base, d.header.organ.trim()))
        } else {
            base.to_string()
        }
    })
}

/// A click handler behind one type, so every button shares one `On<click, _>` attach (a
/// closure type each would monomorphise Leptos's event code once per button: issue 16).
pub(crate) fn click(
    f: impl FnMut(web_sys::MouseEvent) + 'static,
) -> Box<dyn FnMut(web_sys::MouseEvent)> {
    Box::new(f)
}

/// A change handler behind one type, as `click`.
pub(crate) fn change(f: impl FnMut(web_sys::Event) + 'static) -> Box<dyn FnMut(web_sys::Event)> {
    Box::new(f)
}

/// An input handler behind one type, as `click` (the same type as `change`'s).
pub(crate) fn input(f: impl FnMut(web_sys::Event) + 'static) -> Box<dyn FnMut(web_sys::Event)> {
    Box::new(f)
}

/// All component styles, in cascade order, injected into the shadow root by `embed`: the
/// CSS files beside each component, listed in `style_min::SOURCES`, joined and minified by
/// build.rs.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/components.css"));

/// The rows of a `<For>`, in order: each key (with its occurrence number) and the signal
/// that holds its row's value. Kept by [`sync_rows`].
pub type RowSignals<K, V> = StoredValue<Vec<((K, usize), ArcRwSignal<V>)>>;

/// Rows of a `<For>` that keep their node while their content changes: each key gets one
/// signal, set only when its value changed, so a row redraws itself and the list is never
/// rebuilt. (Keying a `<For>` by content instead re-creates rows, and every row Leptos 0.8
/// creates stays referenced by the list's owner: memory grows while typing.) A key seen
/// twice gets its second row under the next occurrence number.
///
/// Returns the keys in order. Read it through a `Memo` and let the `<For>` track only that
/// memo (its rows from [`RowSignals`]): the list then runs only when rows come, go or move,
/// and a keystroke costs one pass that matches rows by position (no hashing) and sets the
/// changed row's signal.
pub fn sync_rows<K, V>(
    rows: RowSignals<K, V>,
    items: impl Iterator<Item = (K, V)>,
) -> Vec<(K, usize)>
where
    K: Copy + Eq + Send + Sync + 'static,
    V: PartialEq + Send + Sync + 'static,
{
    let items: Vec<(K, V)> = items.collect();
    rows.update_value(|rows| {
        let same_keys = rows.len() == items.len()
            && rows
                .iter()
                .zip(&items)
                .all(|(((k, _), _), (key, _))| k == key);
        if same_keys {
            // The same keys in the same order: the occurrence numbers are the same too.
            for ((_, signal), (_, v)) in rows.iter().zip(items) {
                if signal.with_untracked(|old| *old != v) {
                    signal.set(v);
                }
            }
            return;
        }
        // Rows came, went or moved: each row finds its old signal (`keyed::match_rows`).
        let keys: Vec<K> = items.iter().map(|(k, _)| *k).collect();
        let old_keys: Vec<(K, usize)> = rows.iter().map(|(k, _)| *k).collect();
        let mut old: Vec<Option<ArcRwSignal<V>>> = rows.drain(..).map(|(_, s)| Some(s)).collect();
        for ((key, from), (_, v)) in crate::keyed::match_rows(&old_keys, &keys)
            .into_iter()
            .zip(items)
        {
            let signal = match from.and_then(|i| old[i].take()) {
                Some(signal) => {
                    if signal.with_untracked(|old| *old != v) {
                        signal.set(v);
                    }
                    signal
                }
                None => ArcRwSignal::new(v),
            };
            rows.push((key, signal));
        }
    });
    rows.with_value(|rows| rows.iter().map(|(k, _)| *k).collect())
}
