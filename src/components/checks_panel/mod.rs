//! What the checks found: per step (above the fields), in full with the statutory
//! checklist (on the output step), and as a count in the top bar. Every finding links to
//! its field.

use leptos::prelude::*;

use super::editor::Editor;
use crate::checks::{statutory_coverage, Finding, Severity};
use crate::model::step::Step;

fn finding_row(editor: Editor, f: Finding) -> impl IntoView {
    let field = f.field;
    let fix = f.fix;
    view! {
        <li class=format!("finding {}", f.severity.css())>
            <span class="sev">{f.severity.label()}</span>
            <span class="msg">{f.message.clone()}</span>
            <span class="acts">
                {fix.map(|fix| view! {
                    <button type="button" class="small-btn fix" on:click=move |_| editor.apply_fix(fix)>"一键补上"</button>
                })}
                <button type="button" class="small-btn" on:click=move |_| editor.go_to_field(field)
                    aria-label=format!("定位：{}", f.message)>"定位"</button>
            </span>
        </li>
    }
}

/// Findings about the fields of the current step.
#[component]
pub fn StepFindings(step: Step) -> impl IntoView {
    let editor = Editor::use_context();
    let here = Memo::new(move |_| {
        editor.findings.with(|all| {
            editor.draft.with(|d| {
                all.iter()
                    .filter(|f| f.field.step(d) == step && f.code != "section-empty")
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    move || {
        let list = here.get();
        (!list.is_empty()).then(|| {
            view! {
                <ul class="findings compact" aria-label="本步检查结果">
                    {list.into_iter().map(|f| finding_row(editor, f)).collect_view()}
                </ul>
            }
        })
    }
}

/// The full review: the five statutory items, then every finding.
#[component]
pub fn ChecksPanel() -> impl IntoView {
    let editor = Editor::use_context();
    let coverage = Memo::new(move |_| {
        editor
            .draft
            .with(|d| statutory_coverage(editor.template.get(), d))
    });
    view! {
        <section class="checks" aria-labelledby="checks-title">
            <h3 id="checks-title">"交稿前检查"</h3>
            <h4>"规定必须报告的内容"</h4>
            <ol class="statutory">
                {move || coverage.get().into_iter().map(|c| {
                    let state = if c.covered_at.is_some() { "yes" } else if c.optional { "optional" } else { "no" };
                    let mark = match state { "yes" => "✓", "optional" => "—", _ => "✗" };
                    let target = c.covered_at.or(c.write_at);
                    let word = match state { "yes" => "已写到", "optional" => "可选", _ => "未写到" };
                    view! {
                        <li class=state>
                            <span class="mark" aria-hidden="true">{mark}</span>
                            <span class="what">{c.title}</span>
                            <span class="state">{word}</span>
                            {target.map(|field| view! {
                                <button type="button" class="small-btn" on:click=move |_| editor.go_to_field(field)
                                    aria-label=format!("定位：第{}项", c.number)>
                                    {if c.covered_at.is_some() { "查看" } else { "去填写" }}
                                </button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <h4>"格式与写作"</h4>
            {move || {
                let all = editor.findings.get();
                if all.is_empty() {
                    view! { <p class="all-clear">"没有发现问题。"</p> }.into_any()
                } else {
                    view! { <ul class="findings">{all.into_iter().map(|f| finding_row(editor, f)).collect_view()}</ul> }.into_any()
                }
            }}
        </section>
    }
}

/// "2 处错误 · 3 处注意" in the top bar; opens the full review.
#[component]
pub fn FindingsBadge() -> impl IntoView {
    let editor = Editor::use_context();
    let count = move |s: Severity| {
        editor
            .findings
            .with(|all| all.iter().filter(|f| f.severity == s).count())
    };
    let label = move || {
        let (e, w) = (count(Severity::Error), count(Severity::Warning));
        match (e, w) {
            (0, 0) => "检查：无问题".to_string(),
            (0, w) => format!("检查：{w} 处注意"),
            (e, 0) => format!("检查：{e} 处错误"),
            (e, w) => format!("检查：{e} 处错误 · {w} 处注意"),
        }
    };
    view! {
        <button type="button" class="badge" class:has-errors=move || { count(Severity::Error) > 0 }
            on:click=move |_| editor.go(Step::Output)>{label}</button>
    }
}
