//! The wizard's steps, derived from the template and the draft. Subsection steps are keyed
//! by the subsection's id, so reordering subsections keeps the writer on the same one.

use super::draft::{Draft, Item, Subsection};
use super::numbering::subsection_marker;
use super::template::Template;
use crate::strings;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Header,
    Opening,
    Part(usize),
    Subsection(usize, u32),
    Closing,
    Output,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepStatus {
    Empty,
    Started,
    Done,
}

impl StepStatus {
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::Empty => strings::STATUS_EMPTY,
            StepStatus::Started => strings::STATUS_STARTED,
            StepStatus::Done => strings::STATUS_DONE,
        }
    }
    pub fn css(self) -> &'static str {
        match self {
            StepStatus::Empty => "empty",
            StepStatus::Started => "started",
            StepStatus::Done => "done",
        }
    }
    fn combine(statuses: impl IntoIterator<Item = StepStatus>) -> StepStatus {
        let all: Vec<_> = statuses.into_iter().collect();
        if all.iter().all(|s| *s == StepStatus::Done) {
            StepStatus::Done
        } else if all.iter().all(|s| *s == StepStatus::Empty) {
            StepStatus::Empty
        } else {
            StepStatus::Started
        }
    }
}

impl Step {
    /// Stable text form, stored with the draft so a reload returns to the same step.
    pub fn key(self) -> String {
        match self {
            Step::Header => "header".into(),
            Step::Opening => "opening".into(),
            Step::Part(p) => format!("part-{p}"),
            Step::Subsection(p, id) => format!("sub-{p}-{id}"),
            Step::Closing => "closing".into(),
            Step::Output => "output".into(),
        }
    }

    pub fn parse(key: &str) -> Option<Step> {
        match key {
            "header" => return Some(Step::Header),
            "opening" => return Some(Step::Opening),
            "closing" => return Some(Step::Closing),
            "output" => return Some(Step::Output),
            _ => {}
        }
        if let Some(p) = key.strip_prefix("part-") {
            return p.parse().ok().map(Step::Part);
        }
        let rest = key.strip_prefix("sub-")?;
        let (p, id) = rest.split_once('-')?;
        Some(Step::Subsection(p.parse().ok()?, id.parse().ok()?))
    }

    /// The DOM id of the step's first field, so jumps can move keyboard focus there.
    pub fn anchor(self) -> String {
        format!("step-{}", self.key())
    }

    /// The part this step belongs to, for counting characters per part.
    pub fn part(self) -> Option<usize> {
        match self {
            Step::Part(p) | Step::Subsection(p, _) => Some(p),
            _ => None,
        }
    }
}

/// Every step, in order: 文头, 开头段, each part (followed by its subsections), 落款, 生成报告.
pub fn steps(template: &Template, draft: &Draft) -> Vec<Step> {
    let mut out = vec![Step::Header, Step::Opening];
    for (p, spec) in template.parts.iter().enumerate() {
        out.push(Step::Part(p));
        if spec.has_subsections() {
            if let Some(part) = draft.parts.get(p) {
                out.extend(part.subsections.iter().map(|s| Step::Subsection(p, s.id)));
            }
        }
    }
    out.push(Step::Closing);
    out.push(Step::Output);
    out
}

/// Makes a draft from storage, another tab or a file fit its template, and returns the
/// step to resume at: `wanted` if it exists in the draft, else the nearest one.
pub fn resume(draft: &mut Draft, wanted: Step) -> Step {
    let template = super::template::template_or_default(&draft.template);
    draft.conform_to(template);
    resolve(template, draft, wanted)
}

/// The step if it still exists in this draft, else the nearest sensible one.
pub fn resolve(template: &Template, draft: &Draft, wanted: Step) -> Step {
    let all = steps(template, draft);
    if all.contains(&wanted) {
        return wanted;
    }
    match wanted {
        Step::Subsection(p, _) | Step::Part(p) if p < template.parts.len() => Step::Part(p),
        _ => Step::Header,
    }
}

pub fn neighbour(template: &Template, draft: &Draft, current: Step, delta: isize) -> Option<Step> {
    let all = steps(template, draft);
    let at = all.iter().position(|s| *s == current)? as isize + delta;
    (at >= 0 && (at as usize) < all.len()).then(|| all[at as usize])
}

/// Short name for the step list: "文头", "一、2022年法治建设工作开展情况", "（二）优化…".
pub fn title(template: &Template, draft: &Draft, step: Step) -> String {
    match step {
        Step::Header => strings::STEP_HEADER.into(),
        Step::Opening => strings::STEP_OPENING.into(),
        Step::Part(p) => format!(
            "{}{}",
            super::numbering::part_marker(p),
            draft.part_heading(template, p)
        ),
        Step::Subsection(p, id) => {
            let Some(part) = draft.parts.get(p) else {
                return String::new();
            };
            let index = part
                .subsections
                .iter()
                .position(|s| s.id == id)
                .unwrap_or(0);
            let name = part
                .subsections
                .get(index)
                .map(|s| s.title.trim())
                .unwrap_or("");
            let name = if name.is_empty() {
                strings::UNTITLED_SUBSECTION
            } else {
                name
            };
            format!("{}{}", subsection_marker(index), name)
        }
        Step::Closing => strings::STEP_CLOSING.into(),
        Step::Output => strings::STEP_OUTPUT.into(),
    }
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

fn fields_status(fields: &[bool]) -> StepStatus {
    if fields.iter().all(|f| *f) {
        StepStatus::Done
    } else if fields.iter().any(|f| *f) {
        StepStatus::Started
    } else {
        StepStatus::Empty
    }
}

fn items_status(items: &[Item]) -> StepStatus {
    if items.is_empty() || items.iter().all(Item::is_empty) {
        return StepStatus::Empty;
    }
    // Done when no item is left blank or half-written (a lead without detail is fine:
    // short plan items are often one sentence).
    let blank = items.iter().any(|i| i.is_empty());
    if blank {
        StepStatus::Started
    } else {
        StepStatus::Done
    }
}

fn subsection_status(sub: &Subsection) -> StepStatus {
    let items = items_status(&sub.items);
    match (filled(&sub.title), items) {
        (true, StepStatus::Done) => StepStatus::Done,
        (false, StepStatus::Empty) => StepStatus::Empty,
        _ => StepStatus::Started,
    }
}

pub fn status(template: &Template, draft: &Draft, step: Step) -> StepStatus {
    match step {
        Step::Header => {
            let h = &draft.header;
            let mut fields = vec![filled(&h.organ), h.reporting_year().is_some()];
            // A document number with its serial cleared (年份前移 clears it) is not complete.
            if filled(&h.doc_number.agency) {
                fields.push(filled(&h.doc_number.serial));
            }
            fields_status(&fields)
        }
        Step::Opening => fields_status(&[filled(&draft.opening)]),
        Step::Part(p) => {
            let (Some(spec), Some(part)) = (template.parts.get(p), draft.parts.get(p)) else {
                return StepStatus::Empty;
            };
            let mut parts = Vec::new();
            if spec.lead.is_some() {
                parts.push(fields_status(&[filled(&part.lead)]));
            }
            if spec.has_subsections() {
                if part.subsections.is_empty() {
                    parts.push(StepStatus::Empty);
                }
                parts.extend(part.subsections.iter().map(subsection_status));
            } else {
                parts.push(items_status(&part.items));
            }
            StepStatus::combine(parts)
        }
        Step::Subsection(p, id) => draft
            .subsection(p, id)
            .map(subsection_status)
            .unwrap_or(StepStatus::Empty),
        Step::Closing => fields_status(&[
            filled(draft.signature()),
            super::date::chinese_date(&draft.closing.date).is_some(),
        ]),
        Step::Output => StepStatus::Empty,
    }
}

/// Where a step sits for the writer: its place among the top-level steps (文头, 开头段,
/// the parts, 落款, 生成报告: a count that adding a 小节 does not change) and, for a
/// subsection, its place among its part's subsections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub index: usize,
    pub total: usize,
    /// (index, count) among the part's subsections.
    pub subsection: Option<(usize, usize)>,
}

pub fn position(template: &Template, draft: &Draft, step: Step) -> Position {
    let top: Vec<Step> = steps(template, draft)
        .into_iter()
        .filter(|s| !matches!(s, Step::Subsection(..)))
        .collect();
    let owner = match step {
        Step::Subsection(p, _) => Step::Part(p),
        other => other,
    };
    let subsection = match step {
        Step::Subsection(p, id) => draft.parts.get(p).and_then(|part| {
            let at = part.subsections.iter().position(|s| s.id == id)?;
            Some((at, part.subsections.len()))
        }),
        _ => None,
    };
    Position {
        index: top.iter().position(|s| *s == owner).unwrap_or(0),
        total: top.len(),
        subsection,
    }
}

/// How many of the writing steps are done, out of how many (生成报告 is not counted).
pub fn completeness(template: &Template, draft: &Draft) -> (usize, usize) {
    let writing: Vec<Step> = steps(template, draft)
        .into_iter()
        .filter(|s| *s != Step::Output)
        .collect();
    let done = writing
        .iter()
        .filter(|s| status(template, draft, **s) == StepStatus::Done)
        .count();
    (done, writing.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::builtin_templates;

    #[test]
    fn resuming_conforms_the_draft_and_keeps_a_step_that_exists() {
        let t = &builtin_templates()[0];
        let mut d = Draft::new(t);
        d.parts.truncate(1); // as an older or hand-edited file may have it
        assert_eq!(resume(&mut d, Step::Opening), Step::Opening);
        assert_eq!(d.parts.len(), t.parts.len());
        // A step this draft does not have falls back to one it does.
        let gone = Step::Subsection(0, 999);
        assert!(steps(t, &d).contains(&resume(&mut d, gone)));
    }

    #[test]
    fn completeness_counts_done_steps() {
        let t = &builtin_templates()[0];
        let mut d = Draft::new(t);
        assert_eq!(completeness(t, &d), (0, 7));
        d.opening = "开头".into();
        assert_eq!(completeness(t, &d), (1, 7));
    }

    #[test]
    fn the_step_count_does_not_move_when_subsections_are_added() {
        let t = &builtin_templates()[0];
        let mut d = Draft::new(t);
        let first = d.parts[0].subsections[0].id;
        let before = position(t, &d, Step::Closing);
        let second = d.add_subsection(0, "二".into()).unwrap();
        d.add_subsection(0, "三".into()).unwrap();
        assert_eq!(position(t, &d, Step::Closing), before);
        assert_eq!(
            before,
            Position {
                index: 5,
                total: 7,
                subsection: None
            }
        );
        assert_eq!(
            position(t, &d, Step::Subsection(0, second)),
            Position {
                index: 2,
                total: 7,
                subsection: Some((1, 3))
            }
        );
        assert_eq!(
            position(t, &d, Step::Subsection(0, first)).subsection,
            Some((0, 3))
        );
        assert_eq!(position(t, &d, Step::Part(0)).index, 2);
    }

    #[test]
    fn a_document_number_without_its_serial_leaves_the_header_unfinished() {
        let t = &builtin_templates()[0];
        let mut d = Draft::new(t);
        d.header.organ = "某局".into();
        d.header.year = "2022".into();
        assert_eq!(
            status(t, &d, Step::Header),
            StepStatus::Done,
            "no number at all is fine"
        );
        d.header.doc_number.agency = "某发".into();
        d.header.doc_number.serial = "5".into();
        assert_eq!(status(t, &d, Step::Header), StepStatus::Done);
        d.advance_year();
        assert_eq!(status(t, &d, Step::Header), StepStatus::Started);
        assert_eq!(status(t, &d, Step::Closing), StepStatus::Started);
    }

    #[test]
    fn step_keys_round_trip() {
        for s in [
            Step::Header,
            Step::Opening,
            Step::Part(2),
            Step::Subsection(0, 17),
            Step::Closing,
            Step::Output,
        ] {
            assert_eq!(Step::parse(&s.key()), Some(s));
        }
        assert_eq!(Step::parse("sub-x-1"), None);
        assert_eq!(Step::parse("nonsense"), None);
    }

    #[test]
    fn steps_follow_subsections_and_resolve_removed_ones() {
        let t = &builtin_templates()[0];
        let mut d = Draft::new(t);
        let first = d.parts[0].subsections[0].id;
        let second = d.add_subsection(0, "二".into()).unwrap();
        let all = steps(t, &d);
        assert_eq!(
            &all[..5],
            &[
                Step::Header,
                Step::Opening,
                Step::Part(0),
                Step::Subsection(0, first),
                Step::Subsection(0, second)
            ]
        );
        assert_eq!(all.last(), Some(&Step::Output));
        assert_eq!(
            neighbour(t, &d, Step::Subsection(0, second), 1),
            Some(Step::Part(1))
        );
        assert_eq!(neighbour(t, &d, Step::Header, -1), None);
        d.remove_subsection(0, second);
        assert_eq!(resolve(t, &d, Step::Subsection(0, second)), Step::Part(0));
        assert_eq!(
            title(t, &d, Step::Subsection(0, first)),
            "（一）（未命名小节）"
        );
    }

    #[test]
    fn statuses() {
        let t = &builtin_templates()[0];
        let mut d = Draft::new(t);
        assert_eq!(status(t, &d, Step::Header), StepStatus::Empty);
        d.header.organ = "某局".into();
        assert_eq!(status(t, &d, Step::Header), StepStatus::Started);
        d.header.year = "2022".into();
        assert_eq!(status(t, &d, Step::Header), StepStatus::Done);

        let sub = d.parts[0].subsections[0].id;
        assert_eq!(status(t, &d, Step::Subsection(0, sub)), StepStatus::Empty);
        d.subsection_mut(0, sub).unwrap().title = "加强组织领导".into();
        assert_eq!(status(t, &d, Step::Subsection(0, sub)), StepStatus::Started);
        d.subsection_mut(0, sub).unwrap().items[0].lead = "要点".into();
        assert_eq!(status(t, &d, Step::Subsection(0, sub)), StepStatus::Done);
        assert_eq!(status(t, &d, Step::Part(0)), StepStatus::Done);

        // Part 二: lead plus two items; one blank item keeps it "started".
        d.parts[1].lead = "引言".into();
        d.parts[1].items[0].lead = "问题".into();
        assert_eq!(status(t, &d, Step::Part(1)), StepStatus::Started);
        d.parts[1].items[1].detail = "另一个问题".into();
        assert_eq!(status(t, &d, Step::Part(1)), StepStatus::Done);

        assert_eq!(
            status(t, &d, Step::Closing),
            StepStatus::Started,
            "signature defaults to organ; date missing"
        );
        d.closing.date = "2023-02-17".into();
        assert_eq!(status(t, &d, Step::Closing), StepStatus::Done);
    }
}
