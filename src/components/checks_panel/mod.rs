//! What the checks found: per step (above the fields), in full with the statutory
//! checklist (on the output step), and as a count in the top bar. Every finding links to
//! its field.

use leptos::either::Either;
use leptos::prelude::*;

use super::click;
use super::editor::Editor;
use crate::checks::{statutory_coverage, Finding, Severity};
use crate::model::step::Step;
use crate::strings;

/// Finding `f`, the `at`th of its list (`list`: a selector for that list).
fn finding_row(editor: Editor, f: Finding, at: usize, list: &'static str) -> impl IntoView {
    let field = f.field;
    let fix = f.fix;
    // A fix that leaves the clerk on the findings takes its row, and the pressed button,
    // away: focus goes to the finding now in its place, else the list's last, else the
    // step's heading, so a keyboard user keeps their place.
    let fixed = move || {
        editor.focus_first_later(vec![
            format!("{list}>li:nth-child({}) button", at + 1),
            format!("{list}>li:last-child button"),
            ".step-form h2".into(),
        ])
    };
    view! {
        <li class=format!("finding {}", f.severity.css())>
            <span class="sev">{f.severity.label()}</span>
            <span class="msg">{f.message.clone()}</span>
            <span class="acts">
                {fix.map(|fix| view! {
                    <button type="button" class="small-btn fix" on:click=click(move |_| if editor.apply_fix(fix) { fixed() })
                        aria-label=format!("{}：{}", fix.label(), f.message)>{fix.label()}</button>
                })}
                <button type="button" class="small-btn" on:click=click(move |_| editor.go_to_field(field))
                    aria-label=format!("{}：{}", strings::BTN_LOCATE, f.message)>{strings::BTN_LOCATE}</button>
            </span>
        </li>
    }
}

/// Findings about the fields of the current step.
#[component]
pub fn StepFindings(step: Step) -> impl IntoView {
    let editor = Editor::use_context();
    let here = Memo::new(move |_| {
        // Which step a finding's field is on changes only with the findings themselves
        // (an item added or removed is checked at once), so typing does not refilter.
        editor.findings.with(|all| {
            editor.draft.with_untracked(|d| {
                all.iter()
                    .filter(|f| f.field.step(d) == step && !f.code.only_in_review())
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    move || {
        let list = here.get();
        (!list.is_empty()).then(|| {
            view! {
                <ul class="findings compact" aria-label=strings::LABEL_STEP_FINDINGS>
                    {list.into_iter().enumerate().map(|(at, f)| finding_row(editor, f, at, "ul.compact")).collect_view()}
                </ul>
            }
        })
    }
}

/// The full review: the five statutory items, then every finding.
#[component]
pub fn ChecksPanel() -> impl IntoView {
    let editor = Editor::use_context();
    let coverage =
        Memo::new(move |_| editor.with_text(|d| statutory_coverage(editor.template.get(), d)));
    view! {
        <section class="checks" aria-labelledby="checks-title">
            <h3 id="checks-title">{strings::HEAD_CHECKS}</h3>
            <h4>{strings::HEAD_STATUTORY}</h4>
            <ol class="statutory">
                {move || coverage.get().into_iter().map(|c| {
                    let state = c.state();
                    let target = c.covered_at.or(c.write_at);
                    let visible = if c.covered_at.is_some() { strings::BTN_VIEW } else { strings::BTN_GO_FILL };
                    view! {
                        <li class=state.css()>
                            <span class="mark" aria-hidden="true">{state.mark()}</span>
                            <span class="what">{c.title}</span>
                            <span class="state">{state.label()}</span>
                            {target.map(|field| view! {
                                <button type="button" class="small-btn" on:click=click(move |_| editor.go_to_field(field))
                                    aria-label=strings::statutory_button_label(visible, c.number, c.title)>
                                    {visible}
                                </button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <h4>{strings::HEAD_WRITING}</h4>
            {move || {
                if editor.checks_pending.get() {
                    return Either::Left(view! { <p class="all-clear">{strings::CHECKS_PENDING}</p> });
                }
                let all = editor.findings.get();
                if all.is_empty() {
                    Either::Left(view! { <p class="all-clear">{strings::ALL_CLEAR}</p> })
                } else {
                    Either::Right(view! { <ul class="findings">{all.into_iter().enumerate().map(|(at, f)| finding_row(editor, f, at, "ul.findings:not(.compact)")).collect_view()}</ul> })
                }
            }}
        </section>
    }
}

/// "2 处错误 · 3 处注意 · 待填写 4 处" in the top bar; opens the full review.
#[component]
pub fn FindingsBadge() -> impl IntoView {
    let editor = Editor::use_context();
    let count = move |s: Severity| {
        editor
            .findings
            .with(|all| all.iter().filter(|f| f.severity == s).count())
    };
    let label = move || {
        if editor.checks_pending.get() {
            return strings::CHECKS_PENDING.to_string();
        }
        strings::findings_summary(
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::ToFill),
        )
    };
    view! {
        <button type="button" class="badge" class:has-errors=move || { count(Severity::Error) > 0 }
            on:click=click(move |_| editor.go(Step::Output))>{label}</button>
    }
}
