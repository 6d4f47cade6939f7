//! The finished report as an ordered list of blocks. Every output (plain text, preview,
//! print view, .docx) is made from this, so numbering and order are decided once.

use std::ops::Range;

use crate::model::date::chinese_date;
use crate::model::draft::{Draft, Item, Subsection};
use crate::model::numbering::{part_marker, subsection_marker, ItemStyle};
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
/// The author's `style` (1. （1） 首先) replaces the template's numbering where it is not 一是.
fn list_paragraphs(
    items: &[Item],
    numbering: crate::model::numbering::ItemNumbering,
    layout: ItemLayout,
    style: ItemStyle,
) -> Vec<(String, Vec<Range<usize>>)> {
    let filled: Vec<&Item> = items.iter().filter(|i| !i.is_empty()).collect();
    let texts = filled.iter().enumerate().map(|(n, item)| {
        let prefix = style
            .prefix(n, filled.len())
            .unwrap_or_else(|| numbering.prefix(n, filled.len()));
        item.text_with_lead(&prefix)
    });
    let layout = if style.own_paragraphs() {
        ItemLayout::Paragraphs
    } else {
        layout
    };
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

/// A lead (one paragraph per line) followed by its list. When the items run inline, the
/// lead's last paragraph and the items share a paragraph ("对照……，一是……二是……").
fn lead_and_list(
    lead: &str,
    mut list: Vec<(String, Vec<Range<usize>>)>,
    inline: bool,
) -> Vec<(String, Vec<Range<usize>>)> {
    let mut out: Vec<(String, Vec<Range<usize>>)> = lines(lead).map(|l| (l, vec![])).collect();
    if inline && !out.is_empty() && list.len() == 1 {
        let (text, leads) = list.remove(0);
        let last = out.last_mut().expect("not empty");
        let shift = last.0.len();
        last.0.push_str(&text);
        last.1 = leads
            .into_iter()
            .map(|r| r.start + shift..r.end + shift)
            .collect();
    }
    out.extend(list);
    out
}

/// The non-blank lines of a multi-paragraph field, trimmed.
fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
}

/// Builds the report. Empty fields produce no block: what is not written is not printed.
/// The report is the concatenation of its segments (head, each part's own text, each
/// subsection, closing), which [`super::segments`] rebuilds one at a time while typing.
pub fn build(template: &Template, draft: &Draft) -> Document {
    let mut blocks = head_blocks(template, draft);
    for (p, spec) in template.parts.iter().enumerate() {
        let Some(part) = draft.parts.get(p) else {
            continue;
        };
        blocks.extend(part_blocks(template, draft, p));
        if spec.has_subsections() {
            let shown = part.subsections.iter().filter(|s| !s.is_empty());
            for (n, sub) in shown.enumerate() {
                blocks.extend(subsection_blocks(template, draft, p, n, sub));
            }
        }
    }
    blocks.extend(closing_blocks(draft));
    Document { blocks }
}

/// Collects blocks, leaving out those whose text is blank.
#[derive(Default)]
struct Blocks(Vec<Block>);

impl Blocks {
    fn push_with_leads(
        &mut self,
        kind: BlockKind,
        text: String,
        step: Step,
        leads: Vec<Range<usize>>,
    ) {
        if !text.trim().is_empty() {
            self.0.push(Block {
                kind,
                text,
                step,
                leads,
            });
        }
    }
    fn push(&mut self, kind: BlockKind, text: String, step: Step) {
        self.push_with_leads(kind, text, step, vec![]);
    }
}

/// 发文机关, 发文字号, title and the opening paragraphs.
pub(crate) fn head_blocks(template: &Template, draft: &Draft) -> Vec<Block> {
    let mut out = Blocks::default();
    let h = &draft.header;
    out.push(BlockKind::Issuer, h.organ.trim().to_string(), Step::Header);
    let dn = &h.doc_number;
    if !dn.agency.trim().is_empty() || !dn.serial.trim().is_empty() {
        out.push(
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
    out.push(
        BlockKind::Title,
        draft.title(template).trim().to_string(),
        Step::Header,
    );
    for line in lines(&draft.opening) {
        out.push(BlockKind::Paragraph, line, Step::Opening);
    }
    out.0
}

/// Part `p`'s heading and its own paragraphs and items (in a part with subsections: the
/// text before its first subsection, or all of it when the report has none).
pub(crate) fn part_blocks(template: &Template, draft: &Draft, p: usize) -> Vec<Block> {
    let mut out = Blocks::default();
    let (Some(spec), Some(part)) = (template.parts.get(p), draft.parts.get(p)) else {
        return out.0;
    };
    let list = spec.list();
    let style = part.style(draft.item_style);
    let inline = list.layout == ItemLayout::Inline && !style.own_paragraphs();
    out.push(
        BlockKind::Heading1,
        format!(
            "{}{}",
            part_marker(p),
            draft.part_heading(template, p).trim()
        ),
        Step::Part(p),
    );
    let own = list_paragraphs(&part.items, list.numbering, list.layout, style);
    for (text, leads) in lead_and_list(&part.lead, own, inline) {
        out.push_with_leads(BlockKind::Paragraph, text, Step::Part(p), leads);
    }
    out.0
}

/// The blocks of subsection `sub` of part `p`, shown as the `n`th (0-based) of its part.
pub(crate) fn subsection_blocks(
    template: &Template,
    draft: &Draft,
    p: usize,
    n: usize,
    sub: &Subsection,
) -> Vec<Block> {
    let mut out = Blocks::default();
    let (Some(spec), Some(part)) = (template.parts.get(p), draft.parts.get(p)) else {
        return out.0;
    };
    if sub.is_empty() {
        return out.0;
    }
    let list = spec.list();
    let step = Step::Subsection(p, sub.id);
    out.push(
        BlockKind::Heading2,
        format!("{}{}", subsection_marker(n), sub.title.trim()),
        step,
    );
    let style = sub.item_style.unwrap_or(part.style(draft.item_style));
    let inline = list.layout == ItemLayout::Inline && !style.own_paragraphs();
    let items = list_paragraphs(&sub.items, list.numbering, list.layout, style);
    for (text, leads) in lead_and_list(&sub.lead, items, inline) {
        out.push_with_leads(BlockKind::Paragraph, text, step, leads);
    }
    out.0
}

/// 结束语, signature, date and 附注.
pub(crate) fn closing_blocks(draft: &Draft) -> Vec<Block> {
    let mut out = Blocks::default();
    for line in lines(&draft.closing.ending) {
        out.push(BlockKind::Paragraph, line, Step::Closing);
    }
    out.push(
        BlockKind::Signature,
        draft.signature().trim().to_string(),
        Step::Closing,
    );
    let date = chinese_date(&draft.closing.date).unwrap_or_default();
    out.push(BlockKind::Date, date, Step::Closing);
    out.push(
        BlockKind::Note,
        note_text(&draft.closing.note),
        Step::Closing,
    );
    out.0
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
        let inline = list_paragraphs(
            &items,
            ItemNumbering::Ordinal,
            ItemLayout::Inline,
            ItemStyle::Ordinal,
        );
        assert_eq!(inline.len(), 1);
        let (text, leads) = &inline[0];
        assert_eq!(text, "一是甲。a二是乙。b");
        let bold: Vec<&str> = leads.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(bold, ["一是甲。", "二是乙。"]);
        let paragraphs = list_paragraphs(
            &items,
            ItemNumbering::Aspects,
            ItemLayout::Paragraphs,
            ItemStyle::Ordinal,
        );
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
            ItemStyle::Ordinal,
        );
        assert!(no_lead[0].1.is_empty());
        assert!(list_paragraphs(
            &[item("", "")],
            ItemNumbering::Ordinal,
            ItemLayout::Inline,
            ItemStyle::Ordinal
        )
        .is_empty());
    }

    #[test]
    fn author_styles_and_leads_are_written_back() {
        use crate::model::template::builtin_templates;
        let t = &builtin_templates()[0];
        let mut d = Draft::new(t);
        let sub = &mut d.parts[0].subsections[0];
        sub.title = "加强组织领导".into();
        sub.lead = "对照年初计划，".into();
        sub.items[0] = item("完善制度", "印发方案。");
        sub.items.push(item("", "开展培训。"));
        let text = |d: &Draft| {
            build(t, d)
                .blocks
                .iter()
                .map(|b| b.text.clone())
                .collect::<Vec<_>>()
        };
        let blocks = text(&d);
        assert!(
            blocks.contains(&"对照年初计划，一是完善制度。印发方案。二是开展培训。".to_string())
        );
        let doc = build(t, &d);
        let para = doc
            .blocks
            .iter()
            .find(|b| b.text.starts_with("对照"))
            .unwrap();
        assert_eq!(&para.text[para.leads[0].clone()], "一是完善制度。");
        d.item_style = ItemStyle::Arabic;
        let blocks = text(&d);
        assert!(blocks.contains(&"对照年初计划，".to_string()));
        assert!(blocks.contains(&"1.完善制度。印发方案。".to_string()));
        assert!(blocks.contains(&"2.开展培训。".to_string()));
        // A part's own paragraphs show even where the template has no lead for it.
        d.parts[0].lead = "第一段。\n第二段。".into();
        let blocks = text(&d);
        let at = blocks.iter().position(|b| b == "第一段。").unwrap();
        assert_eq!(blocks[at + 1], "第二段。");
        assert!(blocks[at - 1].starts_with("一、"));
    }

    #[test]
    fn note_gets_parentheses() {
        assert_eq!(note_text("此件公开发布"), "（此件公开发布）");
        assert_eq!(note_text("(此件公开发布)"), "(此件公开发布)");
        assert_eq!(note_text("  "), "");
    }
}
