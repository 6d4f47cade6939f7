//! Report structures as data. A template names the parts of a report, how each part's
//! lists are numbered and laid out, and the guidance shown to the writer. The built-in
//! templates live in `src/templates/*.json` so that their Chinese text can be reviewed
//! (and new structures added) without touching code. build.rs bakes them into Rust values
//! at build time (no JSON parsing at start-up, no template deserializer in the wasm); the
//! serde derives here are the schema's reference, and the tests read the files with them.

#[cfg(any(test, feature = "serde"))]
use serde::{Deserialize, Serialize};

use super::numbering::ItemNumbering;

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
pub struct Template {
    pub id: String,
    pub name: String,
    pub summary: String,
    /// Title pattern, e.g. "{organ}{year}年度法治政府建设情况报告".
    pub title_pattern: String,
    pub header: Guide,
    pub opening: Guide,
    pub parts: Vec<PartSpec>,
    pub closing: Guide,
    /// One-click choices for the 附注 line.
    pub note_choices: Vec<String>,
}

/// What the writer is shown beside a step's fields.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
pub struct Guide {
    pub guidance: String,
    #[cfg_attr(any(test, feature = "serde"), serde(default))]
    pub example: String,
    #[cfg_attr(any(test, feature = "serde"), serde(default))]
    pub placeholder: String,
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
pub struct PartSpec {
    pub key: String,
    /// Heading pattern without its number, e.g. "{year}年法治建设工作开展情况".
    pub heading: String,
    pub guide: Guide,
    /// A lead paragraph under the heading, before the list (parts 二 and 三 of the sample).
    #[cfg_attr(any(test, feature = "serde"), serde(default))]
    pub lead: Option<Guide>,
    /// Which of the regulation's five required items (1–5) this part reports.
    #[cfg_attr(any(test, feature = "serde"), serde(default))]
    pub covers: Vec<u8>,
    pub body: BodySpec,
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
#[cfg_attr(
    any(test, feature = "serde"),
    serde(tag = "kind", rename_all = "kebab-case")
)]
pub enum BodySpec {
    /// （一）（二）… each with a title and a list of items.
    Subsections {
        items: ListSpec,
        /// Guidance for one subsection's step.
        guide: Guide,
        /// Topics a writer can add with one click.
        #[cfg_attr(any(test, feature = "serde"), serde(default))]
        suggested_titles: Vec<String>,
        #[cfg_attr(any(test, feature = "serde"), serde(default = "one"))]
        initial_count: usize,
        /// Titles of the subsections a new draft starts with (structure C: the plan's topics).
        #[cfg_attr(any(test, feature = "serde"), serde(default))]
        initial_titles: Vec<String>,
    },
    /// A list of items directly under the part heading.
    Items {
        items: ListSpec,
        #[cfg_attr(any(test, feature = "serde"), serde(default = "one"))]
        initial_count: usize,
    },
}

#[cfg(any(test, feature = "serde"))]
fn one() -> usize {
    1
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
pub struct ListSpec {
    pub numbering: ItemNumbering,
    pub layout: ItemLayout,
    /// Shown with the item fields; the example is split like an item: lead, then detail.
    pub lead_example: String,
    pub detail_example: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
#[cfg_attr(any(test, feature = "serde"), serde(rename_all = "kebab-case"))]
pub enum ItemLayout {
    /// All items run on in one paragraph (part 一's subsections in the sample).
    Inline,
    /// One paragraph per item (parts 二 and 三).
    Paragraphs,
}

impl PartSpec {
    pub fn list(&self) -> &ListSpec {
        match &self.body {
            BodySpec::Subsections { items, .. } | BodySpec::Items { items, .. } => items,
        }
    }
    pub fn has_subsections(&self) -> bool {
        matches!(self.body, BodySpec::Subsections { .. })
    }
}

/// Fills `{organ}`, `{year}` and `{next_year}` in a pattern. An unknown year leaves "____"
/// so a half-filled heading is visibly incomplete rather than silently wrong.
///
/// One pass over the pattern only: what is put in is never read again, so a writer's text
/// that looks like a placeholder (an organ typed as "{organ}{year}局") stays as typed.
pub fn expand(pattern: &str, organ: &str, year: Option<i32>) -> String {
    let year_text = year.map(|y| y.to_string()).unwrap_or_else(|| "____".into());
    let next_text = year
        .map(|y| (y + 1).to_string())
        .unwrap_or_else(|| "____".into());
    let mut out = String::with_capacity(pattern.len() + organ.len());
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let filled = [
            ("{organ}", organ),
            ("{year}", year_text.as_str()),
            ("{next_year}", next_text.as_str()),
        ]
        .into_iter()
        .find(|(name, _)| after.starts_with(name));
        match filled {
            Some((name, value)) => {
                out.push_str(value);
                rest = &after[name.len()..];
            }
            None => {
                out.push('{');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The templates shipped with the tool (baked from src/templates/*.json by build.rs),
/// built once.
pub fn builtin_templates() -> &'static [Template] {
    use std::sync::OnceLock;
    static TEMPLATES: OnceLock<Vec<Template>> = OnceLock::new();
    TEMPLATES.get_or_init(baked::templates)
}

mod baked {
    use super::{BodySpec, Guide, ItemLayout, ItemNumbering, ListSpec, PartSpec, Template};
    include!(concat!(env!("OUT_DIR"), "/templates.rs"));

    /// The templates, read back from build.rs's tables in the order it wrote them (each
    /// struct's fields in the order of its literal below).
    pub(super) fn templates() -> Vec<Template> {
        let mut r = Reader {
            texts: TEXTS.iter(),
            numbers: NUMBERS.iter(),
        };
        let all = (0..COUNT).map(|_| r.template()).collect();
        debug_assert!(r.texts.next().is_none() && r.numbers.next().is_none());
        all
    }

    struct Reader {
        texts: std::slice::Iter<'static, &'static str>,
        numbers: std::slice::Iter<'static, u8>,
    }

    impl Reader {
        fn text(&mut self) -> String {
            self.texts.next().copied().unwrap_or_default().into()
        }
        fn number(&mut self) -> u8 {
            self.numbers.next().copied().unwrap_or_default()
        }
        /// A length, then that many texts.
        fn texts(&mut self) -> Vec<String> {
            (0..self.number()).map(|_| self.text()).collect()
        }
        fn guide(&mut self) -> Guide {
            Guide {
                guidance: self.text(),
                example: self.text(),
                placeholder: self.text(),
            }
        }
        fn list_spec(&mut self) -> ListSpec {
            ListSpec {
                numbering: match self.number() {
                    0 => ItemNumbering::Ordinal,
                    1 => ItemNumbering::Aspects,
                    _ => ItemNumbering::None,
                },
                layout: match self.number() {
                    0 => ItemLayout::Inline,
                    _ => ItemLayout::Paragraphs,
                },
                lead_example: self.text(),
                detail_example: self.text(),
            }
        }
        fn body(&mut self) -> BodySpec {
            if self.number() == 0 {
                BodySpec::Subsections {
                    items: self.list_spec(),
                    guide: self.guide(),
                    suggested_titles: self.texts(),
                    initial_count: self.number().into(),
                    initial_titles: self.texts(),
                }
            } else {
                BodySpec::Items {
                    items: self.list_spec(),
                    initial_count: self.number().into(),
                }
            }
        }
        fn part(&mut self) -> PartSpec {
            PartSpec {
                key: self.text(),
                heading: self.text(),
                guide: self.guide(),
                lead: (self.number() != 0).then(|| self.guide()),
                covers: (0..self.number()).map(|_| self.number()).collect(),
                body: self.body(),
            }
        }
        fn template(&mut self) -> Template {
            Template {
                id: self.text(),
                name: self.text(),
                summary: self.text(),
                title_pattern: self.text(),
                header: self.guide(),
                opening: self.guide(),
                parts: (0..self.number()).map(|_| self.part()).collect(),
                closing: self.guide(),
                note_choices: self.texts(),
            }
        }
    }
}

pub const DEFAULT_TEMPLATE_ID: &str = "department-short";

/// The template with `id`, or the default one (a draft from a newer tool may name a
/// template this build does not have; its text must still show).
pub fn template_or_default(id: &str) -> &'static Template {
    let all = builtin_templates();
    all.iter().find(|t| t.id == id).unwrap_or(&all[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first name that occurs twice, wherever the two are.
    fn first_duplicate<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
        let mut seen = std::collections::HashSet::new();
        names.into_iter().find(|n| !seen.insert(*n))
    }

    #[test]
    fn a_duplicate_is_found_wherever_it_is() {
        assert_eq!(first_duplicate(["A", "B", "A"]), Some("A"));
        assert_eq!(first_duplicate(["A", "A"]), Some("A"));
        assert_eq!(first_duplicate(["A", "B", "C"]), None);
    }

    #[test]
    fn builtin_templates_parse_and_have_unique_ids() {
        let all = builtin_templates();
        assert!(!all.is_empty());
        assert_eq!(all[0].id, DEFAULT_TEMPLATE_ID);
        assert_eq!(all.len(), 3, "structures A, B and C");
        assert_eq!(first_duplicate(all.iter().map(|t| t.id.as_str())), None);
        for t in all {
            assert_eq!(
                first_duplicate(t.parts.iter().map(|p| p.key.as_str())),
                None,
                "{}",
                t.id
            );
        }
        for t in all {
            assert!(!t.parts.is_empty(), "{} has parts", t.id);
            for p in &t.parts {
                assert!(
                    !p.guide.guidance.is_empty(),
                    "{}/{} has guidance",
                    t.id,
                    p.key
                );
            }
        }
    }

    /// build.rs's baked values are exactly what serde reads from the JSON files.
    #[test]
    fn baked_templates_equal_their_json() {
        let read: Vec<Template> = [
            include_str!("../templates/department-short.json"),
            include_str!("../templates/five-items.json"),
            include_str!("../templates/national-plan.json"),
        ]
        .iter()
        .map(|json| serde_json::from_str(json).expect("template JSON is valid"))
        .collect();
        assert_eq!(builtin_templates(), read.as_slice());
    }

    #[test]
    fn expand_fills_years() {
        assert_eq!(
            expand("{year}年法治建设工作开展情况", "", Some(2022)),
            "2022年法治建设工作开展情况"
        );
        assert_eq!(
            expand("{next_year}年法治工作计划", "", Some(2022)),
            "2023年法治工作计划"
        );
        assert_eq!(expand("{organ}{year}年度", "某局", None), "某局____年度");
    }

    /// Issue 12, finding 9: the writer's text is never read as a pattern.
    #[test]
    fn typed_placeholders_stay_literal() {
        let organ = "{organ}{year}{next_year}局";
        assert_eq!(
            expand("{organ}{year}年度法治政府建设情况报告", organ, Some(2022)),
            "{organ}{year}{next_year}局2022年度法治政府建设情况报告"
        );
        assert_eq!(
            expand("{unknown}{{year}}", "", Some(2022)),
            "{unknown}{2022}"
        );
        assert_eq!(expand("", "x", None), "");
        assert_eq!(expand("尾巴{", "x", None), "尾巴{");
    }
}
