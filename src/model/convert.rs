//! Moving a draft from one report structure to another. Parts are matched by the statutory
//! item they report (`covers` in the templates); text with no place in the new structure
//! goes to the holding section. No text is ever dropped.

use super::draft::{item_text, Draft, Item, Part};
use super::numbering::part_marker;
use super::template::{template_or_default, BodySpec, Template};

fn part_is_empty(p: &Part) -> bool {
    p.lead.trim().is_empty()
        && p.items.iter().all(Item::is_empty)
        && p.subsections.iter().all(|s| s.is_empty())
}

pub fn switch_template(draft: &Draft, to: &Template) -> Draft {
    let from = template_or_default(&draft.template);
    if from.id == to.id {
        return draft.clone();
    }
    let mut out = draft.clone();
    out.template = to.id.clone();
    out.parts = to
        .parts
        .iter()
        .map(|spec| Part {
            key: spec.key.clone(),
            ..Part::default()
        })
        .collect();

    for (sp, source) in draft.parts.iter().enumerate() {
        if part_is_empty(source) {
            continue;
        }
        let covers = from
            .parts
            .get(sp)
            .map(|s| s.covers.clone())
            .unwrap_or_default();
        let target = to
            .parts
            .iter()
            .position(|t| t.covers.iter().any(|c| covers.contains(c)));
        let Some(tp) = target else {
            // No place: the whole part, heading first, into the holding section.
            out.holding.push(format!(
                "{}{}",
                part_marker(sp),
                draft.part_heading(from, sp)
            ));
            if !source.lead.trim().is_empty() {
                out.holding.push(source.lead.clone());
            }
            for sub in &source.subsections {
                if !sub.title.trim().is_empty() {
                    out.holding.push(format!("小节：{}", sub.title));
                }
                out.holding.extend(
                    sub.items
                        .iter()
                        .filter(|i| !i.is_empty())
                        .map(|i| item_text("", i)),
                );
            }
            out.holding.extend(
                source
                    .items
                    .iter()
                    .filter(|i| !i.is_empty())
                    .map(|i| item_text("", i)),
            );
            continue;
        };
        let spec = &to.parts[tp];
        let target = &mut out.parts[tp];
        if source.heading.is_some() {
            target.heading = source.heading.clone();
        }
        let mut leftover_lead = None;
        if !source.lead.trim().is_empty() {
            if spec.lead.is_some() {
                if !target.lead.is_empty() {
                    target.lead.push('\n');
                }
                target.lead.push_str(&source.lead);
            } else {
                leftover_lead = Some(source.lead.clone());
            }
        }
        match &spec.body {
            BodySpec::Subsections { .. } => {
                target
                    .subsections
                    .extend(source.subsections.iter().cloned());
                let mut loose: Vec<Item> = source.items.clone();
                if let Some(lead) = leftover_lead {
                    loose.insert(
                        0,
                        Item {
                            id: 0,
                            lead: String::new(),
                            detail: lead,
                        },
                    );
                }
                if loose.iter().any(|i| !i.is_empty()) {
                    target.subsections.push(super::draft::Subsection {
                        items: loose,
                        ..Default::default()
                    });
                }
            }
            BodySpec::Items { .. } => {
                if let Some(lead) = leftover_lead {
                    target.items.push(Item {
                        id: 0,
                        lead: String::new(),
                        detail: lead,
                    });
                }
                for sub in &source.subsections {
                    if !sub.title.trim().is_empty() {
                        out.holding.push(format!("小节：{}", sub.title));
                    }
                }
                let target = &mut out.parts[tp];
                target.items.extend(
                    source
                        .subsections
                        .iter()
                        .flat_map(|s| s.items.iter().cloned()),
                );
                target.items.extend(source.items.iter().cloned());
            }
        }
    }

    // Parts that received nothing get the new structure's starting shape.
    let fresh = Draft::new(to);
    for (tp, part) in out.parts.iter_mut().enumerate() {
        if part_is_empty(part) && part.heading.is_none() {
            *part = fresh.parts[tp].clone();
            for sub in &mut part.subsections {
                sub.id = 0;
                sub.items.iter_mut().for_each(|i| i.id = 0);
            }
            part.items.iter_mut().for_each(|i| i.id = 0);
        }
    }
    // Give every moved or new row a unique id.
    renumber_ids(&mut out);
    out
}

fn renumber_ids(d: &mut Draft) {
    let mut next = 0u32;
    let mut fresh = || {
        next += 1;
        next
    };
    for part in &mut d.parts {
        for sub in &mut part.subsections {
            sub.id = fresh();
            for item in &mut sub.items {
                item.id = fresh();
            }
        }
        for item in &mut part.items {
            item.id = fresh();
        }
    }
    d.next_id = next;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::builtin_templates;
    use crate::render::{build, to_text, TextOptions};

    fn by_id(id: &str) -> &'static Template {
        builtin_templates().iter().find(|t| t.id == id).unwrap()
    }

    /// What the writer typed (every free-text field) plus the holding section.
    fn all_text(d: &Draft) -> String {
        crate::checks::text_fields(d)
            .into_iter()
            .map(|(_, t)| t)
            .collect::<String>()
            + &d.holding.concat()
    }

    fn sample_like() -> Draft {
        let b = by_id("department-short");
        let mut d = Draft::new(b);
        d.header.organ = "某局".into();
        d.header.year = "2022".into();
        d.opening = "开头段。".into();
        d.parts[0].subsections[0].title = "加强组织领导".into();
        d.parts[0].subsections[0].items[0].lead = "落实第一责任人职责".into();
        d.parts[0].subsections[0].items[0].detail = "主要负责人带头学法。".into();
        d.parts[1].lead = "还有差距。".into();
        d.parts[1].items[0].lead = "意识不强".into();
        d.parts[2].lead = "明年将继续努力。".into();
        d.parts[2].items[0].lead = "加强培训".into();
        d
    }

    /// Every non-space character of `before` is still somewhere in `after` (a multiset test).
    fn keeps_all_text(before: &str, after: &str) -> bool {
        let mut pool: Vec<char> = after.chars().collect();
        for c in before.chars().filter(|c| !c.is_whitespace()) {
            match pool.iter().position(|x| *x == c) {
                Some(at) => {
                    pool.swap_remove(at);
                }
                None => return false,
            }
        }
        true
    }

    #[test]
    fn b_to_a_and_back_keeps_every_piece_of_text() {
        let b = sample_like();
        let a = switch_template(&b, by_id("five-items"));
        assert_eq!(a.template, "five-items");
        assert_eq!(a.parts.len(), 5);
        assert_eq!(a.parts[0].subsections[0].title, "加强组织领导");
        assert_eq!(a.parts[1].lead, "还有差距。");
        assert_eq!(a.parts[3].lead, "明年将继续努力。");
        assert!(a.holding.is_empty());
        assert!(keeps_all_text(&all_text(&b), &all_text(&a)));
        let back = switch_template(&a, by_id("department-short"));
        assert_eq!(
            to_text(
                &build(by_id("department-short"), &back),
                TextOptions::default()
            ),
            to_text(
                &build(by_id("department-short"), &b),
                TextOptions::default()
            )
        );
    }

    #[test]
    fn a_part_with_no_place_goes_to_holding() {
        let a_t = by_id("five-items");
        let mut a = Draft::new(a_t);
        a.parts[2].lead = "主要负责人履职情况。".into();
        a.parts[4].items[0].lead = "其他情况".into();
        let b = switch_template(&a, by_id("department-short"));
        assert!(b
            .holding
            .iter()
            .any(|h| h.contains("党政主要负责人履行推进法治建设第一责任人职责情况")));
        assert!(b.holding.iter().any(|h| h == "主要负责人履职情况。"));
        assert!(b.holding.iter().any(|h| h.contains("其他情况")));
        let ids: Vec<u32> = b
            .parts
            .iter()
            .flat_map(|p| {
                p.items
                    .iter()
                    .map(|i| i.id)
                    .chain(p.subsections.iter().map(|s| s.id))
            })
            .collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(ids.len(), unique.len());
    }

    #[test]
    fn national_plan_starts_with_the_plan_topics() {
        let c = Draft::new(by_id("national-plan"));
        assert_eq!(c.parts[0].subsections.len(), 8);
        assert_eq!(
            c.parts[0].subsections[0].title,
            "加强党对法治政府建设的领导"
        );
    }
}
