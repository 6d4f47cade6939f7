//! The whole report as it will print, updated as the writer types. Clicking a paragraph
//! opens the step it came from; the current step's paragraphs are highlighted.

use leptos::prelude::*;

use super::editor::Editor;
use crate::render::count_chars;
use crate::render::layout::{break_title, spans_of};
use crate::render::BlockKind;
use crate::strings;

#[component]
pub fn Preview() -> impl IntoView {
    let editor = Editor::use_context();
    let total = move || {
        editor
            .document
            .with(|d| d.blocks.iter().map(|b| count_chars(&b.text)).sum::<usize>())
    };
    let blocks = move || {
        let current = editor.step.get();
        let bold_leads = editor.draft.with(|d| d.output.bold_leads);
        editor.document.with(|doc| {
            doc.blocks
                .iter()
                .map(|b| {
                    let class = b.kind.css_class();
                    let step = b.step;
                    let active = step == current || (matches!(current, crate::model::Step::Part(_)) && step.part() == current.part());
                    // The title breaks, and lead sentences are bold, as in the document.
                    let title;
                    let text = if b.kind == BlockKind::Title {
                        title = break_title(&b.text, doc.text_of(BlockKind::Issuer).unwrap_or(""));
                        &title
                    } else {
                        &b.text
                    };
                    let spans = spans_of(text, if bold_leads { &b.leads } else { &[] });
                    let content = spans
                        .into_iter()
                        .map(|s| if s.bold { view! { <b>{s.text}</b> }.into_any() } else { s.text.into_any() })
                        .collect_view();
                    view! {
                        <p class=class class:active=active on:click=move |_| editor.go(step)>{content}</p>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="preview" aria-label=strings::HEAD_PREVIEW>
            <header class="preview-head">
                <h2>{strings::HEAD_PREVIEW}</h2>
                <span class="total">{strings::COUNT_TOTAL} " " {total} " " {strings::COUNT_UNIT}</span>
            </header>
            <div class="paper">
                {move || if editor.document.with(|d| d.blocks.is_empty()) {
                    view! { <p class="empty">{strings::PREVIEW_EMPTY}</p> }.into_any()
                } else {
                    blocks().into_any()
                }}
            </div>
        </section>
    }
}
