//! The five items 《法治政府建设与责任落实督察工作规定》 requires of the report: which the
//! draft covers, and where. Items 1, 2 and 4 are covered by the template parts that declare
//! them (`covers` in the template JSON) once written; item 3 (the principal leaders' duty as
//! 第一责任人) is usually a sentence inside part 一, so it is found in the text.

use super::{Code, Finding, Severity};
use crate::model::field::FieldRef;
use crate::model::{Draft, Template};

pub const STATUTORY_ITEMS: [(u8, &str, bool); 5] = [
    (1, "上一年度推进法治政府建设的主要举措和成效", false),
    (2, "上一年度推进法治政府建设存在的不足和原因", false),
    (
        3,
        "上一年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况",
        false,
    ),
    (4, "下一年度推进法治政府建设的主要安排", false),
    (5, "其他需要报告的情况", true),
];

#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    pub number: u8,
    pub title: &'static str,
    pub optional: bool,
    /// Where the draft covers it; `None`: not covered (yet).
    pub covered_at: Option<FieldRef>,
    /// Where to write it when it is missing.
    pub write_at: Option<FieldRef>,
}

/// Whether the draft covers one of the five items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoverageState {
    Covered,
    Missing,
    /// Not covered, and the regulation does not require it (item 5).
    Optional,
}

impl CoverageState {
    pub fn label(self) -> &'static str {
        match self {
            CoverageState::Covered => crate::strings::STATUTORY_COVERED,
            CoverageState::Missing => crate::strings::STATUTORY_MISSING,
            CoverageState::Optional => crate::strings::STATUTORY_OPTIONAL,
        }
    }
    /// The CSS class of its row (the browser tests read it too).
    pub fn css(self) -> &'static str {
        match self {
            CoverageState::Covered => "yes",
            CoverageState::Missing => "no",
            CoverageState::Optional => "optional",
        }
    }
    pub fn mark(self) -> &'static str {
        match self {
            CoverageState::Covered => "✓",
            CoverageState::Missing => "✗",
            CoverageState::Optional => "—",
        }
    }
}

impl Coverage {
    pub fn state(&self) -> CoverageState {
        if self.covered_at.is_some() {
            CoverageState::Covered
        } else if self.optional {
            CoverageState::Optional
        } else {
            CoverageState::Missing
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fix {
    /// Insert an item on the principal leaders' duty at the top of the work part.
    AddFirstResponsibility,
    /// Delete the invisible characters (see [`crate::render::is_invisible`]) of a field.
    RemoveInvisible(FieldRef),
}

impl Fix {
    /// The button's words.
    pub fn label(self) -> &'static str {
        match self {
            Fix::AddFirstResponsibility => crate::strings::BTN_FIX,
            Fix::RemoveInvisible(_) => crate::strings::BTN_REMOVE_INVISIBLE,
        }
    }
}

const FIRST_RESPONSIBILITY_LEAD: &str = "认真履行推进法治建设第一责任人职责";

fn mentions_first_responsibility(text: &str) -> bool {
    text.contains("第一责任人") || (text.contains("主要负责人") && text.contains("法治"))
}

/// The first written field of the part declaring `item`, and its first field at all.
fn part_fields(
    template: &Template,
    draft: &Draft,
    item: u8,
) -> (Option<FieldRef>, Option<FieldRef>) {
    let Some(p) = template.parts.iter().position(|s| s.covers.contains(&item)) else {
        return (None, None);
    };
    let Some(part) = draft.parts.get(p) else {
        return (None, None);
    };
    let fields = super::writing::part_text_fields(p, part);
    let written = fields
        .iter()
        .find(|(_, t)| !t.trim().is_empty())
        .map(|(f, _)| *f);
    let first_input = if template.parts[p].lead.is_some() {
        Some(FieldRef::PartLead(p))
    } else {
        fields.get(1).map(|(f, _)| *f)
    };
    (written, first_input)
}

pub fn statutory_coverage(template: &Template, draft: &Draft) -> Vec<Coverage> {
    STATUTORY_ITEMS
        .iter()
        .map(|&(number, title, optional)| {
            let (covered_at, write_at) = match number {
                3 => {
                    let found = super::writing::text_fields(draft)
                        .into_iter()
                        .find(|(_, t)| mentions_first_responsibility(t))
                        .map(|(f, _)| f);
                    (found, part_fields(template, draft, 1).1)
                }
                5 => (None, None),
                n => part_fields(template, draft, n),
            };
            Coverage {
                number,
                title,
                optional,
                covered_at,
                write_at,
            }
        })
        .collect()
}

pub fn check(template: &Template, draft: &Draft, out: &mut Vec<Finding>) {
    for c in statutory_coverage(template, draft) {
        if c.optional || c.covered_at.is_some() {
            continue;
        }
        // Items 1, 2, 4 missing means their part is empty, already reported as an empty
        // section; item 3 is the one writers forget inside a written part.
        let has_own_part = template.parts.iter().any(|p| p.covers.contains(&3));
        if c.number == 3 && !has_own_part && part_fields(template, draft, 1).0.is_some() {
            let mut f = Finding::new(
                Code::StatutoryFirstResponsibility,
                Severity::Warning,
                c.write_at.unwrap_or(FieldRef::Opening),
                "未写到党政主要负责人履行推进法治建设第一责任人职责的情况，这是规定必须报告的内容（第三项）。",
            );
            f.fix = Some(Fix::AddFirstResponsibility);
            out.push(f);
        }
    }
}

/// Applies a one-click fix; returns the field to put the cursor in.
pub fn apply_fix(template: &Template, draft: &mut Draft, fix: Fix) -> Option<FieldRef> {
    match fix {
        Fix::AddFirstResponsibility => {
            let p = template.parts.iter().position(|s| s.covers.contains(&1))?;
            let mut item = draft.new_item();
            item.lead = FIRST_RESPONSIBILITY_LEAD.into();
            let id = item.id;
            let part = draft.parts.get_mut(p)?;
            match part.subsections.first_mut() {
                Some(sub) => sub.items.insert(0, item),
                None => part.items.insert(0, item),
            }
            Some(FieldRef::ItemDetail(id))
        }
        // The clerk stays on the findings, where this one disappears.
        Fix::RemoveInvisible(field) => {
            let text = crate::render::without_invisible(&draft.text(field), field.holds_lines());
            draft.set_text(field, text);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::builtin_templates;

    #[test]
    fn coverage_follows_the_text() {
        let t = &builtin_templates()[0];
        let mut d = Draft::new(t);
        let covered = |d: &Draft| {
            statutory_coverage(t, d)
                .iter()
                .map(|c| c.covered_at.is_some())
                .collect::<Vec<_>>()
        };
        assert_eq!(covered(&d), [false, false, false, false, false]);
        let states: Vec<_> = statutory_coverage(t, &d)
            .iter()
            .map(Coverage::state)
            .collect();
        use CoverageState::*;
        assert_eq!(states, [Missing, Missing, Missing, Missing, Optional]);
        d.parts[0].subsections[0].title = "加强组织领导".into();
        d.parts[1].items[0].lead = "学法不够".into();
        d.parts[2].lead = "明年".into();
        assert_eq!(covered(&d), [true, true, false, true, false]);
        let mut found = Vec::new();
        check(t, &d, &mut found);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].fix, Some(Fix::AddFirstResponsibility));

        let field = apply_fix(t, &mut d, Fix::AddFirstResponsibility).unwrap();
        assert_eq!(covered(&d), [true, true, true, true, false]);
        assert_eq!(
            d.parts[0].subsections[0].items[0].lead,
            FIRST_RESPONSIBILITY_LEAD
        );
        assert_eq!(
            field,
            FieldRef::ItemDetail(d.parts[0].subsections[0].items[0].id)
        );
        let mut after = Vec::new();
        check(t, &d, &mut after);
        assert!(after.is_empty());
    }
}
