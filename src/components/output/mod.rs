//! The last step: the finished report as a Word document, a print view, plain text, or a
//! backup file; each button says what it produced.

use leptos::prelude::*;

use super::checks_panel::ChecksPanel;
use super::editor::Editor;
use super::{change, click, input};
use crate::model::draft::{Draft, Masthead};
use crate::model::field::FieldRef;
use crate::model::persisted::encode;
use crate::render::docx::{docx, DocxMeta};
use crate::render::layout::LayoutOptions;
use crate::render::{to_text, windows_text, TextOptions};
use crate::strings;
use crate::web;

#[component]
pub fn OutputStep() -> impl IntoView {
    let editor = Editor::use_context();
    let text = Memo::new(move |_| {
        editor.document.with(|d| {
            to_text(
                d,
                TextOptions {
                    layout: editor.draft.with(|d| d.output.text_layout),
                },
            )
        })
    });
    let result = RwSignal::new(String::new());
    let scratch = NodeRef::<leptos::html::Div>::new();
    let copy = move |_| {
        let t = text.get_untracked();
        leptos::task::spawn_local(async move {
            let Some(el) = scratch.get_untracked() else {
                return;
            };
            let ok = web::copy_text(&t, &el).await;
            result.set(
                if ok {
                    strings::COPY_DONE
                } else {
                    strings::COPY_FAILED
                }
                .to_string(),
            );
        });
    };
    let file_stem = move || {
        editor
            .draft
            .with_untracked(|d| d.title(editor.template.get_untracked()))
    };
    let download = move |_| {
        let name = web::safe_file_name(&file_stem(), "txt");
        match web::download(
            &name,
            "text/plain;charset=utf-8",
            &windows_text(&text.get_untracked()),
        ) {
            Ok(()) => {
                result.set(format!("{}（{name}）", strings::DOWNLOAD_DONE));
                announce(editor, "txt", &text.get_untracked(), Some(&name));
            }
            Err(_) => result.set(strings::DOWNLOAD_FAILED.into()),
        }
    };
    let bold_leads = move || editor.draft.with(|d| d.output.bold_leads);
    let layout_options = move || {
        editor.draft.with_untracked(|d| {
            editor
                .document
                .with_untracked(|doc| LayoutOptions::of(d, doc))
        })
    };
    // Memos, not <Show>: what each part below depends on changes only with these.
    let red_head = Memo::new(move |_| editor.draft.with(|d| d.output.masthead == Masthead::Red));
    let imprint = Memo::new(move |_| editor.draft.with(|d| d.output.imprint));
    let holding = Memo::new(move |_| editor.draft.with(|d| !d.holding.is_empty()));
    let download_docx = move |_| {
        let name = web::safe_file_name(&file_stem(), "docx");
        let meta = DocxMeta {
            title: file_stem(),
            author: editor.draft.with_untracked(|d| d.signature().to_string()),
        };
        // Timed as the User Timing measure `fazhi:docx` (the bytes only, not the download).
        let bytes = web::timed("fazhi:docx", || {
            editor
                .document
                .with_untracked(|d| docx(d, &layout_options(), &meta))
        });
        match web::download_bytes(
            &name,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            &bytes,
        ) {
            Ok(()) => {
                let options = layout_options();
                let extras = [
                    options.masthead.is_some().then_some(strings::DOCX_RED_HEAD),
                    options.imprint.is_some().then_some(strings::DOCX_IMPRINT),
                ];
                result.set(strings::docx_done(
                    &name,
                    bytes.len().div_ceil(1024),
                    options.bold_leads,
                    &extras.iter().flatten().copied().collect::<String>(),
                ));
                announce(editor, "docx", &text.get_untracked(), Some(&name));
            }
            Err(_) => result.set(strings::DOWNLOAD_FAILED.into()),
        }
    };
    let print = move |_| {
        let html = editor.document.with_untracked(|d| {
            crate::render::print::print_html(d, &layout_options(), &file_stem())
        });
        match web::open_html(&html) {
            Ok(()) => result.set(strings::PRINT_OPENED.into()),
            Err(_) => result.set(strings::PRINT_BLOCKED.into()),
        }
    };
    let backup = move |_| {
        let stored = editor.snapshot();
        let name = web::safe_file_name(&strings::backup_file_stem(&file_stem()), "json");
        let json = encode(&stored);
        if web::download(&name, "application/json", &json).is_ok() {
            result.set(strings::BACKUP_DONE.into());
            announce(editor, "backup", &json, Some(&name));
        }
    };
    view! {
        <div class="output">
            <ChecksPanel />
            {move || holding.get().then(|| view! {
                <div class="field holding">
                    <label for=FieldRef::Holding.dom_id()>{strings::LABEL_HOLDING}</label>
                    <textarea id=FieldRef::Holding.dom_id() readonly rows="6"
                        class:long-run=move || editor.draft.with(|d| d.holding.iter().any(|h| crate::render::has_unbroken_run(h, crate::render::UNBROKEN_RUN_LIMIT)))
                        prop:value=move || editor.draft.with(|d| d.holding.join("\n"))></textarea>
                    <button type="button" class="small-btn" on:click=click(move |_| editor.edit(|d| d.holding.clear()))>{strings::BTN_CLEAR_HOLDING}</button>
                </div>
            })}
            <section class="export-group" aria-labelledby="h-output-laid">
                <h3 id="h-output-laid">{strings::HEAD_OUTPUT_LAID}</h3>
                <p class="hint">{strings::HINT_OUTPUT_LAID}</p>
                <label class="check">
                    <input type="checkbox" id="f-bold-leads" prop:checked=bold_leads
                        on:change=change(move |ev| { let on = event_target_checked(&ev); editor.edit(|d| d.output.bold_leads = on) }) />
                    {strings::LABEL_BOLD_LEADS}
                </label>
                <fieldset class="masthead-choice">
                    <legend>{strings::LEGEND_MASTHEAD}</legend>
                    <label class="check">
                        <input type="radio" name="f-masthead" id="f-masthead-plain" prop:checked=move || !red_head.get()
                            on:change=change(move |_| editor.edit(|d| d.output.masthead = Masthead::Plain)) />
                        {strings::LABEL_MASTHEAD_PLAIN}
                    </label>
                    <label class="check">
                        <input type="radio" name="f-masthead" id="f-masthead-red" prop:checked=red_head
                            on:change=change(move |_| editor.edit(|d| d.output.masthead = Masthead::Red)) />
                        {strings::LABEL_MASTHEAD_RED}
                    </label>
                    {move || red_head.get().then(|| view! {
                        {option_field(editor, "f-mark", strings::LABEL_MARK, strings::HINT_MARK, "text", |d| &d.output.mark, |d, v| d.output.mark = v)}
                        {option_field(editor, "f-signer", strings::LABEL_SIGNER, strings::HINT_SIGNER, "text", |d| &d.output.signer, |d, v| d.output.signer = v)}
                    })}
                </fieldset>
                <label class="check">
                    <input type="checkbox" id="f-imprint" prop:checked=imprint
                        on:change=change(move |ev| { let on = event_target_checked(&ev); editor.edit(|d| d.output.imprint = on) }) />
                    {strings::LABEL_IMPRINT}
                </label>
                {move || imprint.get().then(|| view! {
                    <div class="imprint-fields">
                        {option_field(editor, "f-copy-to", strings::LABEL_COPY_TO, strings::HINT_COPY_TO, "text", |d| &d.output.copy_to, |d, v| d.output.copy_to = v)}
                        {option_field(editor, "f-printer", strings::LABEL_PRINTER, strings::HINT_PRINTER, "text", |d| &d.output.printer, |d, v| d.output.printer = v)}
                        {option_field(editor, "f-printed-on", strings::LABEL_PRINTED_ON, strings::HINT_PRINTED_ON, "date", |d| &d.output.printed_on, |d, v| d.output.printed_on = v)}
                    </div>
                })}
                <div class="actions">
                    <button type="button" class="primary" on:click=click(download_docx)>{strings::BTN_DOWNLOAD_DOCX}</button>
                    <button type="button" on:click=click(print)>{strings::BTN_PRINT}</button>
                </div>
            </section>
            <section class="export-group" aria-labelledby="h-output-text">
                <h3 id="h-output-text">{strings::HEAD_OUTPUT_TEXT}</h3>
                <label class="check">
                    <input type="checkbox" id="f-layout" prop:checked=move || editor.draft.with(|d| d.output.text_layout)
                        on:change=change(move |ev| { let on = event_target_checked(&ev); editor.edit(|d| d.output.text_layout = on) }) />
                    {strings::LABEL_INDENT}
                </label>
                <div class="actions">
                    <button type="button" on:click=click(copy)>{strings::BTN_COPY}</button>
                    <button type="button" on:click=click(download)>{strings::BTN_DOWNLOAD_TXT}</button>
                    <button type="button" on:click=click(backup)>{strings::BTN_SAVE_BACKUP}</button>
                </div>
            </section>
            <p class="result" role="status" aria-live="polite">{move || result.get()}</p>
            <div class="field">
                <label for="f-output">{strings::LABEL_OUTPUT}</label>
                <textarea id="f-output" class="output-text" readonly rows="18"
                    class:long-run=move || text.with(|t| crate::render::has_unbroken_run(t, crate::render::UNBROKEN_RUN_LIMIT))
                    prop:value=move || text.get()></textarea>
            </div>
            <div node_ref=scratch class="scratch"></div>
        </div>
    }
}

/// A labelled one-line field of the output options, with its hint.
fn option_field(
    editor: Editor,
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    kind: &'static str,
    get: fn(&Draft) -> &String,
    set: fn(&mut Draft, String),
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field option-field">
            <label for=id>{label}</label>
            <input id=id type=kind autocomplete="off" aria-describedby=hint_id.clone()
                prop:value=move || editor.draft.with(|d| get(d).clone())
                on:input=input(move |ev| { let v = event_target_value(&ev); editor.type_text(|d| set(d, v)) }) />
            <p class="hint" id=hint_id>{hint}</p>
        </div>
    }
}

/// `fazhi-report:export` to the host page: what was exported, and its content.
fn announce(editor: Editor, kind: &str, content: &str, file_name: Option<&str>) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"kind".into(), &kind.into());
    let _ = js_sys::Reflect::set(
        &detail,
        &"draftId".into(),
        &editor.draft_id.get_untracked().into(),
    );
    let _ = js_sys::Reflect::set(&detail, &"text".into(), &content.into());
    if let Some(name) = file_name {
        let _ = js_sys::Reflect::set(&detail, &"fileName".into(), &name.into());
    }
    editor.emit("fazhi-report:export", &detail);
}
