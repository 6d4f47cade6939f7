//! The form of the current step: its heading, the template's guidance and example, its
//! fields, and previous/next. Only the step change re-renders it, never typing.

use leptos::prelude::*;

use super::checks_panel::StepFindings;
use super::date_field::DateField;
use super::editor::Editor;
use super::field::{Field, ScratchArea, TextArea};
use super::item_list::{ItemList, SubsectionList};
use super::output::OutputStep;
use crate::model::draft::ListRef;
use crate::model::field::FieldRef;
use crate::model::step::{self, Step};
use crate::model::template::{expand, BodySpec, Guide};
use crate::strings;

#[component]
pub fn StepForm() -> impl IntoView {
    let editor = Editor::use_context();
    let position = move || {
        let all = editor.draft.with(|d| step::steps(editor.template.get(), d));
        let at = all
            .iter()
            .position(|s| *s == editor.step.get())
            .unwrap_or(0);
        (at, all.len())
    };
    let body = move || {
        let current = editor.step.get();
        untrack(|| match current {
            Step::Header => header_form().into_any(),
            Step::Opening => opening_form().into_any(),
            Step::Part(p) => part_form(p).into_any(),
            Step::Subsection(p, id) => subsection_form(p, id).into_any(),
            Step::Closing => closing_form().into_any(),
            Step::Output => view! { <OutputStep /> }.into_any(),
        })
    };
    let heading = move || {
        editor
            .draft
            .with(|d| step::title(editor.template.get(), d, editor.step.get()))
    };
    view! {
        <section class="step-form">
            <p class="step-pos">{move || { let p = editor.draft.with(|d| step::position(editor.template.get(), d, editor.step.get())); strings::step_position_of(p.index, p.total, p.subsection) }}</p>
            <h2 id=move || editor.step.get().anchor() tabindex="-1">{heading}</h2>
            {move || { let s = editor.step.get(); view! { <StepFindings step=s /> } }}
            {body}
            <nav class="step-nav" aria-label=super::landmark_name(strings::LABEL_STEP_NAV)>
                <button type="button" disabled=move || position().0 == 0 on:click=move |_| editor.go_relative(-1)>
                    "← " {strings::BTN_PREV}
                </button>
                <button type="button" class="primary" disabled=move || { let (a, n) = position(); a + 1 >= n }
                    on:click=move |_| editor.go_relative(1)>{strings::BTN_NEXT} <span aria-hidden="true">" →"</span></button>
            </nav>
        </section>
    }
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
            <p>{move || fill(&guidance)}</p>
            {(!example.is_empty()).then(|| view! {
                <details>
                    <summary>{strings::HEAD_EXAMPLE}</summary>
                    <p class="example">{example}</p>
                </details>
            })}
        </aside>
    }
}

/// "从去年的报告开始": paste a whole report, parse it into the draft.
fn import_box() -> impl IntoView {
    let editor = Editor::use_context();
    let pasted = RwSignal::new(String::new());
    let import = move |_| {
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            editor.say(strings::IMPORT_EMPTY);
            return;
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
            return;
        }
        let draft = crate::parse::parse_report_best(&text);
        let recognised = crate::model::template::template_or_default(&draft.template);
        let filled = step::steps(recognised, &draft)
            .into_iter()
            .filter(|s| step::status(recognised, &draft, *s) != step::StepStatus::Empty)
            .count();
        let held = draft.holding.len();
        editor.edit(|d| d.replace_content(draft));
        pasted.set(String::new());
        editor.say(strings::imported(&recognised.name, filled, held));
    };
    view! {
        <details class="import">
            <summary>{strings::IMPORT_SUMMARY}</summary>
            <p class="import-help">{strings::IMPORT_HELP}</p>
            <ScratchArea id="f-import" label=strings::LABEL_IMPORT value=pasted
                on_input=Callback::new(move |v: String| pasted.set(v)) />
            <button type="button" class="primary" on:click=import>{strings::BTN_IMPORT}</button>
        </details>
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
                            <input type="radio" name="structure" prop:checked=move || current.with(|c| *c == id_check)
                                on:change=move |_| choose(id.clone()) />
                            <span class="structure-name">{t.name.clone()}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <p class="structure-summary" id="structure-summary">{summary}</p>
        </fieldset>
    }
}

fn header_form() -> impl IntoView {
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
    let year_invalid = Signal::derive(move || {
        editor
            .draft
            .with(|d| !d.header.year.trim().is_empty() && d.header.reporting_year().is_none())
    });
    let derived_title = Signal::derive(move || {
        editor
            .draft
            .with(|d| d.derived_title(editor.template.get()))
    });
    let overridden = move || editor.draft.with(|d| d.header.title.is_some());
    let doc_number_text = move || {
        editor.document.with(|doc| {
            doc.text_of(crate::render::BlockKind::DocNumber)
                .map(String::from)
        })
    };
    view! {
        {import_box()}
        {guide_box(t.header.clone())}
        {structure_choice()}
        <Field field=FieldRef::Organ label=strings::LABEL_ORGAN placeholder=strings::EXAMPLE_ORGAN />
        <Field field=FieldRef::Year label=strings::LABEL_YEAR class="narrow"
            placeholder=strings::EXAMPLE_YEAR invalid=year_invalid
            hint=Signal::derive(move || if year_invalid.get() { strings::HINT_YEAR_INVALID.to_string() } else { strings::HINT_YEAR.to_string() }) />
        <fieldset class="doc-number">
            <legend>{strings::LABEL_DOC_NUMBER}</legend>
            <div class="row">
                <Field field=FieldRef::DocAgency label=strings::LABEL_DOC_AGENCY placeholder=strings::EXAMPLE_AGENCY />
                <span class="bracket" aria-hidden="true">"〔"</span>
                <Field field=FieldRef::DocYear label=strings::LABEL_DOC_YEAR class="narrow"
                    placeholder=Signal::derive(move || editor.draft.with(|d| d.doc_number_year())) />
                <span class="bracket" aria-hidden="true">"〕"</span>
                <Field field=FieldRef::DocSerial label=strings::LABEL_DOC_SERIAL class="narrow" placeholder=strings::EXAMPLE_SERIAL />
                <span class="bracket" aria-hidden="true">{strings::DOC_NUMBER_SUFFIX}</span>
            </div>
            <p class="hint">{strings::HINT_DOC_YEAR} "；" {strings::HINT_SERIAL} "。"
                {move || doc_number_text().map(|t| format!(" {}", strings::will_read(&t)))}</p>
        </fieldset>
        <Field field=FieldRef::Title label=strings::LABEL_TITLE placeholder=derived_title
            hint=Signal::derive(move || if overridden() { strings::HINT_TITLE_EDITED.to_string() } else { format!("{}{}", strings::HINT_DERIVED_TITLE, derived_title.get()) }) />
        <Show when=overridden>
            <button type="button" class="small" on:click=move |_| editor.edit(|d| d.header.title = None)>{strings::BTN_RESET_TITLE}</button>
        </Show>
        <div class="advance">
            <button type="button" disabled=move || !can_advance() on:click=advance>{strings::BTN_ADVANCE_YEAR}</button>
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
            placeholder=Signal::derive(move || editor.draft.with(|d| expand(&pattern, d.header.organ.trim(), d.header.reporting_year()))) />
    }
}

fn part_form(p: usize) -> impl IntoView {
    let editor = Editor::use_context();
    let Some(spec) = editor.template.get_untracked().parts.get(p).cloned() else {
        return ().into_any();
    };
    let lead = spec.lead.clone().map(|lead_guide| {
        let pattern = lead_guide.placeholder.clone();
        view! {
            <TextArea field=FieldRef::PartLead(p) label=strings::LABEL_LEAD counted=true
                placeholder=Signal::derive(move || editor.draft.with(|d| expand(&pattern, d.header.organ.trim(), d.header.reporting_year())))
                hint=lead_guide.guidance.clone() />
        }
    });
    let body = match spec.body.clone() {
        BodySpec::Subsections {
            suggested_titles, ..
        } => view! { <SubsectionList part=p suggested=suggested_titles /> }.into_any(),
        BodySpec::Items { items, .. } => {
            view! { <ItemList list=ListRef::Part(p) spec=items /> }.into_any()
        }
    };
    view! { {guide_box(spec.guide.clone())} {lead} {body} }.into_any()
}

fn subsection_form(p: usize, id: u32) -> impl IntoView {
    let editor = Editor::use_context();
    let Some(spec) = editor.template.get_untracked().parts.get(p).cloned() else {
        return ().into_any();
    };
    let BodySpec::Subsections { guide, items, .. } = spec.body else {
        return ().into_any();
    };
    view! {
        {guide_box(guide)}
        <Field field=FieldRef::SubsectionTitle(id) label=strings::LABEL_SUBSECTION_TITLE placeholder=strings::EXAMPLE_SUBSECTION />
        <ItemList list=ListRef::Subsection(p, id) spec=items />
        {add_next_subsection(p)}
    }
    .into_any()
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
            <button type="button" class="add" on:click=add>
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
        <Field field=FieldRef::Signature label=strings::LABEL_SIGNATURE
            placeholder=Signal::derive(move || editor.draft.with(|d| d.header.organ.trim().to_string()))
            hint=strings::HINT_DERIVED_SIGNATURE />
        <DateField />
        <Field field=FieldRef::Note label=strings::LABEL_NOTE />
        <div class="chips" role="group" aria-label=strings::LABEL_NOTE_CHIPS>
            {choices.into_iter().map(|c| {
                let value = c.clone();
                view! { <button type="button" class="chip" on:click=move |_| editor.edit(|d| d.closing.note = value.clone())>{c}</button> }
            }).collect_view()}
        </div>
    }
}
