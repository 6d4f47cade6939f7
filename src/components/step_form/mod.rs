//! The form of the current step: its heading, the template's guidance and example, its
//! fields, and previous/next. Only the step change re-renders it, never typing (which
//! updates the heading's text, a 小节's title as typed, and the fields' own views).

use leptos::either::{Either, EitherOf6};
use leptos::prelude::*;

use super::checks_panel::StepFindings;
use super::date_field::DateField;
use super::editor::Editor;
use super::field::{Field, ScratchArea, TextArea};
use super::item_list::{ItemList, SubsectionList};
use super::output::OutputStep;
use super::{change, click};
use crate::model::draft::ListRef;
use crate::model::field::FieldRef;
use crate::model::numbering::ItemStyle;
use crate::model::step::{self, Step};
use crate::model::template::{expand, BodySpec, Guide};
use crate::parse::docx::{DocxError, MAX_TEXT};
use crate::parse::ImportSummary;
use crate::strings;

#[component]
pub fn StepForm(painted: ReadSignal<bool>) -> impl IntoView {
    let editor = Editor::use_context();
    // The last import's summary, kept while the writer moves between steps.
    let summary: RwSignal<Option<ImportSummary>> = RwSignal::new(None);
    // Memos, so a keystroke (which changes neither) redraws no button and no text here.
    let position = Memo::new(move |_| {
        let all = editor.draft.with(|d| step::steps(editor.template.get(), d));
        let at = all
            .iter()
            .position(|s| *s == editor.step.get())
            .unwrap_or(0);
        (at, all.len())
    });
    let place = Memo::new(move |_| {
        editor
            .draft
            .with(|d| step::position(editor.template.get(), d, editor.step.get()))
    });
    let body = move || {
        let current = editor.step.get();
        untrack(|| match current {
            // Either, not `into_any`: erasing converts every static attribute of the form
            // to an owned copy (more code, and allocations at each step change).
            Step::Header => EitherOf6::A(header_form(summary, painted)),
            Step::Opening => EitherOf6::B(opening_form()),
            Step::Part(p) => EitherOf6::C(part_form(p)),
            Step::Subsection(p, id) => EitherOf6::D(subsection_form(p, id)),
            Step::Closing => EitherOf6::E(closing_form()),
            Step::Output => EitherOf6::F(view! { <OutputStep /> }),
        })
    };
    // A 小节's heading is its title, as typed: read with the typed text.
    let heading =
        move || editor.with_text(|d| step::title(editor.template.get(), d, editor.step.get()));
    view! {
        <section class="step-form">
            <p class="step-pos">{derived(move || { let p = place.get(); strings::step_position_of(p.index, p.total, p.subsection) })}</p>
            <h2 id=derived(move || editor.step.get().anchor()) tabindex="-1">{derived(heading)}</h2>
            {move || { let s = editor.step.get(); view! { <StepFindings step=s /> } }}
            {body}
            <nav class="step-nav" aria-label=super::landmark_name(strings::LABEL_STEP_NAV)>
                <button type="button" disabled=derived(move || position.get().0 == 0) on:click=click(move |_| editor.go_relative(-1))>
                    "← " {strings::BTN_PREV}
                </button>
                <button type="button" class="primary" disabled=derived(move || { let (a, n) = position.get(); a + 1 >= n })
                    on:click=click(move |_| editor.go_relative(1))>{strings::BTN_NEXT} <span aria-hidden="true">" →"</span></button>
            </nav>
        </section>
    }
}

/// A derived signal whose closure is boxed first, so `Signal::derive` is monomorphised
/// once per value type instead of once per closure.
fn derived<T: Send + Sync + 'static>(f: impl Fn() -> T + Send + Sync + 'static) -> Signal<T> {
    Signal::derive(Box::new(f) as Box<dyn Fn() -> T + Send + Sync>)
}

/// Guidance box. Patterns such as {year} are filled from the draft as it is now.
fn guide_box(guide: Guide) -> impl IntoView {
    let editor = Editor::use_context();
    let fill = move |s: &str| {
        editor
            .draft
            .with(|d| expand(s, d.header.organ.trim(), d.header.reporting_year()))
    };
    let guidance = guide.guidance.clone();
    let example = guide.example.clone();
    view! {
        <aside class="guide">
            <h3>{strings::HEAD_GUIDE}</h3>
            <p>{derived(move || fill(&guidance))}</p>
            {(!example.is_empty()).then(|| view! {
                <details>
                    <summary>{strings::HEAD_EXAMPLE}</summary>
                    <p class="example">{example}</p>
                </details>
            })}
        </aside>
    }
}

/// "从去年的报告开始": paste a whole report, or choose last year's .docx or .txt; the
/// draft is filled and a summary says what went where.
fn import_box(summary: RwSignal<Option<ImportSummary>>) -> impl IntoView {
    let editor = Editor::use_context();
    let pasted = RwSignal::new(String::new());
    let file_input = NodeRef::<leptos::html::Input>::new();
    // The box's contents are made the first time it is opened: most drafts never import,
    // and the first frame need not wait for them (about 100 wasm functions compiled at
    // first use). The last import's summary opens it again on the way back to this step.
    let opened = RwSignal::new(summary.with_untracked(Option::is_some));
    // (`toggle` is a plain Event, as `change` is: its handler is boxed by the same helper.)
    // Parses `text` into the draft (after confirming if the draft has content).
    let run = move |text: String| {
        if text.trim().is_empty() {
            editor.say(strings::IMPORT_EMPTY);
            return false;
        }
        if text.len() > MAX_TEXT {
            editor.say(strings::import_too_long(text.chars().count()));
            return false;
        }
        let template = editor.template.get_untracked();
        let has_content = editor.draft.with_untracked(|d| {
            step::steps(template, d).into_iter().any(|s| {
                s != Step::Output && step::status(template, d, s) != step::StepStatus::Empty
            })
        });
        let confirmed = !has_content
            || web_sys::window()
                .and_then(|w| w.confirm_with_message(strings::IMPORT_CONFIRM).ok())
                .unwrap_or(false);
        if !confirmed {
            return false;
        }
        let (draft, report) = crate::parse::import(&text);
        let recognised = crate::model::template::template_or_default(&draft.template);
        let filled = step::steps(recognised, &draft)
            .into_iter()
            .filter(|s| step::status(recognised, &draft, *s) != step::StepStatus::Empty)
            .count();
        let held = draft.holding.len();
        editor.edit(|d| d.replace_content(draft));
        editor.say(strings::imported(
            strings::structure_name(report.structure.key()),
            filled,
            held,
        ));
        summary.set(Some(report));
        true
    };
    let import = move |_| {
        if run(pasted.get_untracked()) {
            pasted.set(String::new());
        }
    };
    let choose_file = move |_| {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        if file.size() > crate::parse::docx::MAX_FILE as f64 {
            editor.say(format!(
                "“{name}”：{}",
                strings::docx_error(&DocxError::TooLarge)
            ));
            return;
        }
        leptos::task::spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                Err(_) => return editor.say(strings::file_unreadable(&name)),
            };
            // ASCII, as the extensions compared are: no Unicode case tables in the wasm.
            let lower = name.to_ascii_lowercase();
            let text = if lower.ends_with(".docx") || bytes.starts_with(b"PK") {
                match crate::parse::docx::docx_text(&bytes) {
                    Ok(t) => t,
                    Err(e) => return editor.say(format!("“{name}”：{e}")),
                }
            } else if lower.ends_with(".doc") || lower.ends_with(".wps") || lower.ends_with(".pdf")
            {
                return editor.say(strings::import_wrong_kind(&name));
            } else {
                match crate::parse::docx::text_file(&bytes).or_else(|| gb18030(&bytes)) {
                    Some(t) => t,
                    None => return editor.say(strings::import_not_text(&name)),
                }
            };
            run(text);
        });
    };
    view! {
        <details class="import" open=derived(move || summary.with(Option::is_some))
            on:toggle=change(move |ev| if event_target::<web_sys::HtmlDetailsElement>(&ev).open() { opened.set(true) })>
            <summary>{strings::IMPORT_SUMMARY}</summary>
            {move || opened.get().then(|| view! {
            <p class="import-help">{strings::IMPORT_HELP}</p>
            <ScratchArea id="f-import" label=strings::LABEL_IMPORT value=pasted
                on_input=Callback::new(move |v: String| {
                    // Do not keep megabytes in the page: the textarea alone would freeze it.
                    if v.len() > MAX_TEXT {
                        pasted.set(String::new());
                        editor.say(strings::import_too_long(v.chars().count()));
                    } else {
                        pasted.set(v);
                    }
                }) />
            <div class="import-actions">
                <button type="button" class="primary" on:click=click(import)>{strings::BTN_IMPORT}</button>
                <label class="file-button">
                    {strings::BTN_IMPORT_FILE}
                    <input id="f-import-file" type="file" accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
                        node_ref=file_input on:change=change(choose_file) />
                </label>
            </div>
            {move || summary.get().map(|s| import_summary(editor, s))}
            })}
        </details>
    }
}

/// GBK/GB18030 text, decoded by the browser (no tables in the wasm).
fn gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// What the import did: structure, paragraphs per step (each a link to its step), what
/// was held and what was dropped as page furniture.
fn import_summary(editor: Editor, s: ImportSummary) -> impl IntoView {
    let held = s.held.len();
    let furniture = s.furniture.clone();
    let steps = s.per_step.clone();
    view! {
        <section class="import-report" aria-label=strings::HEAD_IMPORT_REPORT>
            <h3>{strings::HEAD_IMPORT_REPORT}</h3>
            <p>{strings::import_structure(strings::structure_name(s.structure.key()))}</p>
            <ul class="import-steps">
                {steps.into_iter().map(|(st, n)| {
                    let name = editor.draft.with_untracked(|d| step::title(editor.template.get_untracked(), d, st));
                    view! { <li><button type="button" class="link" on:click=click(move |_| editor.go(st))>{name}</button>{format!("：{n} 段")}</li> }
                }).collect_view()}
            </ul>
            <p>
                {strings::import_held(held)}
                {(held > 0).then(|| view! {
                    <button type="button" class="link" on:click=click(move |_| editor.go_to_field(FieldRef::Holding))>{strings::BTN_SEE_HELD}</button>
                })}
            </p>
            <details class="import-furniture">
                <summary>{strings::import_dropped(furniture.len())}</summary>
                <ul>{furniture.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
            </details>
        </section>
    }
}

/// The three report structures; switching keeps every piece of text.
fn structure_choice() -> impl IntoView {
    let editor = Editor::use_context();
    let current = Memo::new(move |_| editor.draft.with(|d| d.template.clone()));
    let choose = move |id: String| {
        let Some(to) = crate::model::template::builtin_templates()
            .iter()
            .find(|t| t.id == id)
        else {
            return;
        };
        let mut held = 0;
        editor.edit(|d| {
            let before = d.holding.len();
            *d = crate::model::convert::switch_template(d, to);
            held = d.holding.len() - before;
        });
        editor.say(strings::switched(&to.name, held));
    };
    // One line of choices; only the chosen structure's summary is shown, so the first
    // field of the step stays on a 1366×768 screen.
    let summary = move || {
        current.with(|c| {
            crate::model::template::template_or_default(c)
                .summary
                .clone()
        })
    };
    view! {
        <fieldset class="structures" aria-describedby="structure-summary">
            <legend>{strings::HEAD_STRUCTURE}</legend>
            <div class="structure-options">
                {crate::model::template::builtin_templates().iter().map(|t| {
                    let id = t.id.clone();
                    let id_check = t.id.clone();
                    view! {
                        <label class="structure">
                            <input type="radio" name="structure" prop:checked=derived(move || current.with(|c| *c == id_check))
                                on:change=change(move |_| choose(id.clone())) />
                            <span class="structure-name">{t.name.clone()}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <p class="structure-summary" id="structure-summary">{derived(summary)}</p>
        </fieldset>
    }
}

fn header_form(
    summary: RwSignal<Option<ImportSummary>>,
    painted: ReadSignal<bool>,
) -> impl IntoView {
    let editor = Editor::use_context();
    let t = editor.template.get_untracked();
    let can_advance = move || editor.draft.with(|d| d.header.reporting_year().is_some());
    let advance = move |_| {
        editor.edit(|d| {
            d.advance_year();
        });
        editor.say(strings::year_advanced(
            &editor.draft.with_untracked(|d| d.header.year.clone()),
        ));
    };
    let year_invalid = derived(move || {
        editor
            .draft
            .with(|d| !d.header.year.trim().is_empty() && d.header.reporting_year().is_none())
    });
    let derived_title = derived(move || {
        editor
            .draft
            .with(|d| d.derived_title(editor.template.get()))
    });
    let overridden = Memo::new(move |_| editor.draft.with(|d| d.header.title.is_some()));
    let doc_number_text = move || {
        editor.segments.with(|s| {
            s.head()?
                .blocks
                .iter()
                .find(|b| b.kind == crate::render::BlockKind::DocNumber)
                .map(|b| b.text.clone())
        })
    };
    // What lies below 报告年度 on a 1366×768 screen comes just after the first paint.
    view! {
        {import_box(summary)}
        {guide_box(t.header.clone())}
        {structure_choice()}
        <Field field=FieldRef::Organ label=strings::LABEL_ORGAN placeholder=strings::EXAMPLE_ORGAN />
        <Field field=FieldRef::Year label=strings::LABEL_YEAR class="narrow"
            placeholder=strings::EXAMPLE_YEAR invalid=year_invalid
            hint=derived(move || if year_invalid.get() { strings::HINT_YEAR_INVALID.to_string() } else { strings::HINT_YEAR.to_string() }) />
        {move || painted.get().then(|| view! {
        <fieldset class="doc-number">
            <legend>{strings::LABEL_DOC_NUMBER}</legend>
            <div class="row">
                <Field field=FieldRef::DocAgency label=strings::LABEL_DOC_AGENCY placeholder=strings::EXAMPLE_AGENCY />
                <span class="bracket" aria-hidden="true">"〔"</span>
                <Field field=FieldRef::DocYear label=strings::LABEL_DOC_YEAR class="narrow"
                    placeholder=derived(move || editor.draft.with(|d| d.doc_number_year())) />
                <span class="bracket" aria-hidden="true">"〕"</span>
                <Field field=FieldRef::DocSerial label=strings::LABEL_DOC_SERIAL class="narrow" placeholder=strings::EXAMPLE_SERIAL />
                <span class="bracket" aria-hidden="true">{strings::DOC_NUMBER_SUFFIX}</span>
            </div>
            <p class="hint">{strings::HINT_DOC_YEAR} "；" {strings::HINT_SERIAL} "。"
                {derived(move || doc_number_text().map(|t| format!(" {}", strings::will_read(&t))).unwrap_or_default())}</p>
        </fieldset>
        <Field field=FieldRef::Title label=strings::LABEL_TITLE placeholder=derived_title
            hint=derived(move || if overridden.get() { strings::HINT_TITLE_EDITED.to_string() } else { format!("{}{}", strings::HINT_DERIVED_TITLE, derived_title.get()) }) />
        {move || overridden.get().then(|| view! {
            <button type="button" class="small" on:click=click(move |_| editor.edit(|d| d.header.title = None))>{strings::BTN_RESET_TITLE}</button>
        })}
        {item_style_choice()}
        <div class="advance">
            <button type="button" disabled=derived(move || !can_advance()) on:click=click(advance)>{strings::BTN_ADVANCE_YEAR}</button>
        </div>
        })}
    }
}

/// The author's item numbering (一是 / 1. / （1） …), written back the same way.
fn item_style_choice() -> impl IntoView {
    let editor = Editor::use_context();
    let field = FieldRef::ItemStyle;
    let id = field.dom_id();
    let current = Memo::new(move |_| editor.draft.with(|d| d.item_style));
    view! {
        <div class="field narrow">
            <label for=id.clone()>{strings::LABEL_ITEM_STYLE}</label>
            <select id=id on:change=change(move |ev| editor.edit(|d| d.set_text(field, event_target_value(&ev))))>
                {ItemStyle::ALL.into_iter().map(|s| view! {
                    <option value=s.key() selected=derived(move || current.get() == s)>{strings::item_style_name(s.key())}</option>
                }).collect_view()}
            </select>
            <div class="field-foot"><span class="hint">{strings::HINT_ITEM_STYLE}</span></div>
        </div>
    }
}

fn opening_form() -> impl IntoView {
    let editor = Editor::use_context();
    let guide = editor.template.get_untracked().opening.clone();
    let pattern = guide.placeholder.clone();
    view! {
        {guide_box(guide)}
        <TextArea field=FieldRef::Opening label=strings::LABEL_OPENING counted=true
            placeholder=derived(move || editor.draft.with(|d| expand(&pattern, d.header.organ.trim(), d.header.reporting_year()))) />
    }
}

fn part_form(p: usize) -> Option<impl IntoView> {
    let editor = Editor::use_context();
    let spec = editor.template.get_untracked().parts.get(p).cloned()?;
    let has_text = editor
        .draft
        .with_untracked(|d| d.parts.get(p).is_some_and(|x| !x.lead.trim().is_empty()));
    // The template's lead, or the part's own paragraphs an imported report brought.
    let lead_guide = spec.lead.clone().or_else(|| {
        has_text.then(|| Guide {
            guidance: strings::HINT_PART_BODY.to_string(),
            ..Guide::default()
        })
    });
    let lead = lead_guide.map(|lead_guide| {
        let pattern = lead_guide.placeholder.clone();
        view! {
            <TextArea field=FieldRef::PartLead(p) label=strings::LABEL_LEAD counted=true
                placeholder=derived(move || editor.draft.with(|d| expand(&pattern, d.header.organ.trim(), d.header.reporting_year())))
                hint=lead_guide.guidance.clone() />
        }
    });
    // Items directly under a part that has subsections (an imported report's).
    let own_items = editor
        .draft
        .with_untracked(|d| d.parts.get(p).is_some_and(|x| !x.items.is_empty()));
    let body = match spec.body.clone() {
        BodySpec::Subsections {
            suggested_titles,
            items,
            ..
        } => Either::Left(view! {
            {own_items.then(|| view! { <ItemList list=ListRef::Part(p) spec=items.clone() /> })}
            <SubsectionList part=p suggested=suggested_titles />
        }),
        BodySpec::Items { items, .. } => {
            Either::Right(view! { <ItemList list=ListRef::Part(p) spec=items /> })
        }
    };
    Some(view! { {guide_box(spec.guide.clone())} {lead} {body} })
}

fn subsection_form(p: usize, id: u32) -> Option<impl IntoView> {
    let editor = Editor::use_context();
    let spec = editor.template.get_untracked().parts.get(p).cloned()?;
    let BodySpec::Subsections { guide, items, .. } = spec.body else {
        return None;
    };
    Some(view! {
        {guide_box(guide)}
        <Field field=FieldRef::SubsectionTitle(id) label=strings::LABEL_SUBSECTION_TITLE placeholder=strings::EXAMPLE_SUBSECTION />
        <TextArea field=FieldRef::SubsectionLead(id) label=strings::LABEL_SUBSECTION_LEAD counted=true
            hint=strings::HINT_SUBSECTION_LEAD />
        <ItemList list=ListRef::Subsection(p, id) spec=items />
        {add_next_subsection(p)}
    })
}

/// From inside a 小节: start the next one without going back to the part's page.
fn add_next_subsection(p: usize) -> impl IntoView {
    let editor = Editor::use_context();
    let add = move |_| {
        let mut added = None;
        editor.edit(|d| added = d.add_subsection(p, String::new()));
        if let Some(id) = added {
            let at = editor.draft.with_untracked(|d| {
                d.parts[p]
                    .subsections
                    .iter()
                    .position(|s| s.id == id)
                    .unwrap_or(0)
            });
            editor.go_to_field(FieldRef::SubsectionTitle(id));
            editor.say(strings::added_subsection(
                &crate::model::numbering::subsection_marker(at),
            ));
        }
    };
    view! {
        <div class="next-subsection">
            <button type="button" class="add" on:click=click(add)>
                <span aria-hidden="true">"＋ "</span>{strings::BTN_ADD_NEXT_SUBSECTION}
            </button>
        </div>
    }
}

fn closing_form() -> impl IntoView {
    let editor = Editor::use_context();
    let t = editor.template.get_untracked();
    let choices = t.note_choices.clone();
    view! {
        {guide_box(t.closing.clone())}
        <Field field=FieldRef::Ending label=strings::LABEL_ENDING placeholder=strings::EXAMPLE_ENDING
            hint=strings::HINT_ENDING />
        <Field field=FieldRef::Signature label=strings::LABEL_SIGNATURE
            placeholder=derived(move || editor.draft.with(|d| d.header.organ.trim().to_string()))
            hint=strings::HINT_DERIVED_SIGNATURE />
        <DateField />
        <Field field=FieldRef::Note label=strings::LABEL_NOTE />
        <div class="chips" role="group" aria-label=strings::LABEL_NOTE_CHIPS>
            {choices.into_iter().map(|c| {
                let value = c.clone();
                view! { <button type="button" class="chip" on:click=click(move |_| editor.edit(|d| d.closing.note = value.clone()))>{c}</button> }
            }).collect_view()}
        </div>
    }
}
