//! The whole report as it will print, updated as the writer types: drawn from the layout
//! model ([`lay_out`]) the .docx and the print view use, so the title's break, bold lead
//! sentences, the 红头 and the 版记 appear as they will on paper. Clicking a paragraph
//! opens the step it came from; the current step's paragraphs are highlighted.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

use super::click;
use super::editor::Editor;
use std::sync::Arc;

use crate::model::Step;
use crate::render::layout::{LaidParagraph, LayoutOptions};
use crate::render::print::paragraph_class;
use crate::render::segments::{Segment, SegmentKey};
use crate::render::BlockKind;
use crate::strings;

/// The views of a paragraph's spans: bold in `<b>`, another font in a classed `<span>`; a
/// tab (发文字号 and 签发人, 印发机关 and date) splits the line into two flush spans.
fn spans_view(p: &LaidParagraph) -> impl IntoView {
    let mut groups = vec![vec![]];
    for span in &p.spans {
        for (n, piece) in span.text.split('\t').enumerate() {
            if n > 0 {
                groups.push(vec![]);
            }
            if piece.is_empty() {
                continue;
            }
            let text = piece.to_string();
            let view = match (span.bold, span.fonts.is_some()) {
                (true, _) => EitherOf3::A(view! { <b>{text}</b> }),
                (false, true) => EitherOf3::B(view! { <span class="kai">{text}</span> }),
                (false, false) => EitherOf3::C(text),
            };
            groups.last_mut().unwrap().push(view);
        }
    }
    if groups.len() == 1 {
        Either::Left(groups.pop().unwrap())
    } else {
        Either::Right(
            groups
                .into_iter()
                .map(|g| view! { <span>{g}</span> })
                .collect::<Vec<_>>(),
        )
    }
}

/// The `<p>`s of one segment: the lines of one block (a title set on two lines) in one
/// `<p>`, broken by `<br>`. Only the highlight of the current step is reactive.
/// Whether a paragraph of `step` is highlighted while the writer is on `current` (a part
/// highlights its subsections too).
fn highlighted(step: Step, current: Step) -> bool {
    step == current || (matches!(current, Step::Part(_)) && step.part() == current.part())
}

/// The steps a segment's paragraphs come from (the 红头 is the head's, the 版记 the closing's),
/// each with whether it is highlighted on `current`.
fn highlights(segment: &Segment, current: Step) -> Vec<(Step, bool)> {
    let mut steps: Vec<Step> = segment.chars.iter().map(|(s, _)| *s).collect();
    steps.extend(match segment.key {
        SegmentKey::Head => Some(Step::Header),
        SegmentKey::Closing => Some(Step::Closing),
        _ => None,
    });
    steps
        .into_iter()
        .map(|s| (s, highlighted(s, current)))
        .collect()
}

/// The paragraphs of one segment. The highlight of the current step is computed here, from
/// `lit` ([`highlights`]): the segment's row draws itself again when that changes, so no
/// paragraph holds a subscription of its own (one made per keystroke would stay referenced
/// by the step signal until the step changes).
fn segment_view(
    editor: Editor,
    segment: &Segment,
    options: &LayoutOptions,
    lit: &[(Step, bool)],
) -> impl IntoView {
    let mut groups: Vec<Vec<LaidParagraph>> = vec![];
    for p in segment.lay_out(options) {
        match groups.last_mut() {
            Some(g) if p.block.is_some() && g[0].block == p.block => g.push(p),
            _ => groups.push(vec![p]),
        }
    }
    groups
        .into_iter()
        .map(|g| {
            let first = &g[0];
            let class = paragraph_class(first);
            let step = first.step;
            let active = lit.iter().any(|(s, on)| *s == step && *on);
            let split = first.style.tab_right;
            let lines = g
                .iter()
                .enumerate()
                .map(|(n, p)| view! { {(n > 0).then(|| view! { <br /> })} {spans_view(p)} })
                .collect_view();
            view! {
                <p class=class class:active=active class:split=split on:click=click(move |_| editor.go(step))>{lines}</p>
            }
        })
        .collect::<Vec<_>>()
}

/// A segment, equal to another when it is the same build (same generation).
struct Generation(Arc<Segment>);

impl PartialEq for Generation {
    fn eq(&self, other: &Self) -> bool {
        self.0.generation == other.0.generation
    }
}

#[component]
pub fn Preview() -> impl IntoView {
    let editor = Editor::use_context();
    let total = move || editor.segments.with(|s| s.total_chars());
    let empty = Memo::new(move |_| editor.segments.with(|s| s.is_empty()));
    // The output step's choices (红头, 版记, bold leads): changing one redraws the paper.
    let options = Memo::new(move |_| {
        editor.segments.with(|s| {
            let doc_number = s
                .head()
                .and_then(|h| h.blocks.iter().find(|b| b.kind == BlockKind::DocNumber))
                .map_or("", |b| b.text.as_str());
            editor
                .draft
                .with(|d| LayoutOptions::with_doc_number(d, doc_number))
        })
    });
    // One row per segment, kept while the segment exists: typing rebuilds the segment it
    // changes, and only that row's paragraphs are drawn again; the others keep their nodes.
    // The list itself runs only when segments come, go or move (`keys`).
    let rows: super::RowSignals<SegmentKey, Generation> = StoredValue::new(Vec::new());
    let keys = Memo::new(move |_| {
        editor.segments.with(|s| {
            super::sync_rows(
                rows,
                s.segments
                    .iter()
                    .map(|seg| (seg.key, Generation(seg.clone()))),
            )
        })
    });
    let paragraphs = move || {
        let options = options.get();
        let each = move || {
            // Read (not only tracked), so the memo runs and the rows are current.
            keys.with(|_| rows.with_value(Clone::clone))
        };
        let key = |(k, _): &((SegmentKey, usize), _)| *k;
        let children = move |(_, segment): (_, ArcRwSignal<Generation>)| {
            let options = options.clone();
            // Recomputed on a step change, but redraws the row only when its highlight changed.
            let lit = Memo::new({
                let segment = segment.clone();
                move |_| {
                    let current = editor.step.get();
                    segment.with(|s| highlights(&s.0, current))
                }
            });
            move || {
                let lit = lit.get();
                segment.with(|s| segment_view(editor, &s.0, &options, &lit))
            }
        };
        view! { <For each key children /> }
    };
    // The paper is focusable, so keyboard users can scroll the long text.
    view! {
        <section class="preview" aria-label=super::landmark_name(strings::HEAD_PREVIEW)>
            <header class="preview-head">
                <h2>{strings::HEAD_PREVIEW}</h2>
                <span class="total">{strings::COUNT_TOTAL} " " {total} " " {strings::COUNT_UNIT}</span>
            </header>
            <div class="paper" tabindex="0" role="document" aria-label=strings::HEAD_PREVIEW>
                {move || if empty.get() {
                    Either::Left(view! { <p class="empty">{strings::PREVIEW_EMPTY}</p> })
                } else {
                    Either::Right(paragraphs())
                }}
            </div>
        </section>
    }
}
