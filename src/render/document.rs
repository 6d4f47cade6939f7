//! The finished report as an ordered list of blocks. Every output (plain text, preview,
//! print view, .docx) is made from this, so numbering and order are decided once.

use std::ops::Range;

use crate::model::draft::{chinese_date, Draft, Item};
use crate::model::numbering::{part_marker, subsection_marker};
use crate::model::step::Step;
use crate::model::template::{ItemLayout, Template};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// 发文机关 line at the top.
    Issuer,
    /// 发文字号.
    DocNumber,
    Title,
    /// 一、 heading.
    Heading1,
    /// （一） heading.
    Heading2,
    /// Body paragraph (opening, leads, items).
    Paragraph,
    Signature,
    Date,
    Note,
}

impl BlockKind {
    /// The class name of this kind of paragraph in the preview and the print view.
    pub fn css_class(self) -> &'static str {
        match self {
            BlockKind::Issuer => "issuer",
            BlockKind::DocNumber => "docno",
            BlockKind::Title => "title",
            BlockKind::Heading1 => "h1",
            BlockKind::Heading2 => "h2",
            BlockKind::Paragraph => "para",
            BlockKind::Signature => "signature",
            BlockKind::Date => "date",
            BlockKind::Note => "note",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// The wizard step whose fields produced this block (preview click → step).
    pub step: Step,
    /// Byte ranges of `text` holding item lead sentences (with their 一是), which the
    /// laid-out outputs may set in bold.
    pub leads: Vec<Range<usize>>,
}

impl Block {
    /// A block without lead sentences.
    pub fn new(kind: BlockKind, text: impl Into<String>, step: Step) -> Self {
        Block {
            kind,
            text: text.into(),
            step,
            leads: vec![],
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    /// The text of the first block of a kind (signature, date, 发文字号 …), if there is one.
    pub fn text_of(&self, kind: BlockKind) -> Option<&str> {
        self.blocks
            .iter()
            .find(|b| b.kind == kind)
            .map(|b| b.text.as_str())
    }
}

/// The paragraphs of a list of items, each with the byte ranges of its lead sentences.
fn list_paragraphs(
    items: &[Item],
    numbering: crate::model::numbering::ItemNumbering,
    layout: ItemLayout,
) -> Vec<(String, Vec<Range<usize>>)> {
    let filled: Vec<&Item> = items.iter().filter(|i| !i.is_empty()).collect();
    let texts = filled
        .iter()
        .enumerate()
        .map(|(n, item)| item.text_with_lead(&numbering.prefix(n, filled.len())));
    let lead_ranges = |start: usize, len: usize| {
        if len == 0 {
            vec![]
        } else {
            std::iter::once(start..start + len).collect()
        }
    };
    match layout {
        ItemLayout::Paragraphs => texts
            .map(|(text, len)| (text, lead_ranges(0, len)))
            .collect(),
        ItemLayout::Inline => {
            let mut joined = String::new();
            let mut leads = Vec::new();
            for (text, len) in texts {
                leads.extend(lead_ranges(joined.len(), len));
                joined.push_str(&text);
            }
            if joined.is_empty() {
                vec![]
            } else {
                vec![(joined, leads)]
            }
        }
    }
}

/// Builds the report. Empty fields produce no block: what is not written is not printed.
pub fn build(template: &Template, draft: &Draft) -> Document {
    let mut blocks = Vec::new();
    let mut push_with_leads = |kind, text: String, step, leads| {
        if !text.trim().is_empty() {
            blocks.push(Block {
                kind,
                text,
                step,
                leads,
            });
        }
    };
    macro_rules! push {
        ($kind:expr, $text:expr, $step:expr $(,)?) => {
            push_with_leads($kind, $text, $step, vec![])
        };
    }
    let h = &draft.header;
    push!(BlockKind::Issuer, h.organ.trim().to_string(), Step::Header);
    let dn = &h.doc_number;
    if !dn.agency.trim().is_empty() || !dn.serial.trim().is_empty() {
        push!(
            BlockKind::DocNumber,
            format!(
                "{}〔{}〕{}号",
                dn.agency.trim(),
                draft.doc_number_year(),
                dn.serial.trim()
            ),
            Step::Header,
        );
    }
    push!(
        BlockKind::Title,
        draft.title(template).trim().to_string(),
        Step::Header,
    );
    push!(
        BlockKind::Paragraph,
        draft.opening.trim().to_string(),
        Step::Opening,
    );

    for (p, spec) in template.parts.iter().enumerate() {
        let Some(part) = draft.parts.get(p) else {
            continue;
        };
        let list = spec.list();
        push!(
            BlockKind::Heading1,
            format!(
                "{}{}",
                part_marker(p),
                draft.part_heading(template, p).trim()
            ),
            Step::Part(p),
        );
        if spec.lead.is_some() {
            push!(
                BlockKind::Paragraph,
                part.lead.trim().to_string(),
                Step::Part(p),
            );
        }
        if spec.has_subsections() {
            let shown = part.subsections.iter().filter(|s| !s.is_empty());
            for (n, sub) in shown.enumerate() {
                let step = Step::Subsection(p, sub.id);
                push!(
                    BlockKind::Heading2,
                    format!("{}{}", subsection_marker(n), sub.title.trim()),
                    step,
                );
                for (text, leads) in list_paragraphs(&sub.items, list.numbering, list.layout) {
                    push_with_leads(BlockKind::Paragraph, text, step, leads);
                }
            }
        } else {
            for (text, leads) in list_paragraphs(&part.items, list.numbering, list.layout) {
                push_with_leads(BlockKind::Paragraph, text, Step::Part(p), leads);
            }
        }
    }

    push!(
        BlockKind::Signature,
        draft.signature().trim().to_string(),
        Step::Closing,
    );
    let date = chinese_date(&draft.closing.date).unwrap_or_default();
    push!(BlockKind::Date, date, Step::Closing);
    push!(
        BlockKind::Note,
        note_text(&draft.closing.note),
        Step::Closing,
    );
    Document { blocks }
}

/// 附注 in parentheses: kept as typed when the writer wrote them, otherwise （…） added.
pub fn note_text(note: &str) -> String {
    let note = note.trim();
    if note.is_empty() || note.starts_with(['（', '(']) {
        note.to_string()
    } else {
        format!("（{note}）")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::draft::item_text;
    use crate::model::numbering::ItemNumbering;

    fn item(lead: &str, detail: &str) -> Item {
        Item {
            id: 0,
            lead: lead.into(),
            detail: detail.into(),
        }
    }

    #[test]
    fn item_lead_gets_a_full_stop_only_when_open() {
        assert_eq!(item_text("一是", &item("要点", "内容")), "一是要点。内容");
        assert_eq!(item_text("一是", &item("要点。", "内容")), "一是要点。内容");
        assert_eq!(item_text("", &item("要点：", "内容")), "要点：内容");
        assert_eq!(item_text("", &item("只有一句", "")), "只有一句。");
        assert_eq!(item_text("二是", &item("", "只有内容。")), "二是只有内容。");
    }

    #[test]
    fn lists_skip_blank_items_and_number_the_rest() {
        let items = [item("甲", "a"), item(" ", ""), item("乙", "b")];
        let inline = list_paragraphs(&items, ItemNumbering::Ordinal, ItemLayout::Inline);
        assert_eq!(inline.len(), 1);
        let (text, leads) = &inline[0];
        assert_eq!(text, "一是甲。a二是乙。b");
        let bold: Vec<&str> = leads.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(bold, ["一是甲。", "二是乙。"]);
        let paragraphs = list_paragraphs(&items, ItemNumbering::Aspects, ItemLayout::Paragraphs);
        let texts: Vec<&str> = paragraphs.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["一方面，甲。a", "另一方面，乙。b"]);
        assert_eq!(
            &paragraphs[1].0[paragraphs[1].1[0].clone()],
            "另一方面，乙。"
        );
        // An item without a lead sentence has nothing to set in bold.
        let no_lead = list_paragraphs(
            &[item("", "只有内容")],
            ItemNumbering::Ordinal,
            ItemLayout::Paragraphs,
        );
        assert!(no_lead[0].1.is_empty());
        assert!(
            list_paragraphs(&[item("", "")], ItemNumbering::Ordinal, ItemLayout::Inline).is_empty()
        );
    }

    #[test]
    fn note_gets_parentheses() {
        assert_eq!(note_text("此件公开发布"), "（此件公开发布）");
        assert_eq!(note_text("(此件公开发布)"), "(此件公开发布)");
        assert_eq!(note_text("  "), "");
    }
}
