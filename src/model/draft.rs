//! A draft: everything the writer typed, nothing derived. Numbering, headings with years,
//! and the title (unless overridden) are computed by the renderer from this and the
//! template, so they can never go stale.
//!
//! Stored as JSON by `draft_json.rs`, by hand (no serde in the wasm): a new field needs a
//! line in its writer (which does not compile until it has one) and its reader, and in
//! tests/json_props.rs's generator. The serde attributes below exist for tests only (the
//! `serde` feature) and are the reference that the hand-written JSON is tested against:
//! give a new field its `cfg_attr(.., serde(..))` default/skip attributes too.

#[cfg(any(test, feature = "serde"))]
use serde::{Deserialize, Serialize};

use super::numbering::ItemStyle;
use super::template::{expand, BodySpec, Template};

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
#[cfg_attr(any(test, feature = "serde"), serde(default))]
pub struct Draft {
    /// The writer's own name for the draft (drafts page); empty: the title is shown.
    pub name: String,
    pub template: String,
    pub header: Header,
    pub opening: String,
    pub parts: Vec<Part>,
    pub closing: Closing,
    /// Source of `Subsection::id` / `Item::id`; ids keep list rows stable while reordering.
    pub next_id: u32,
    /// Text an import could not place (kept, never dropped; not printed in the report).
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "Vec::is_empty")
    )]
    pub holding: Vec<String>,
    /// The writer's choices on the output step, kept with the draft.
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "OutputOptions::is_default")
    )]
    pub output: OutputOptions,
    /// How the author numbers items (一是 / 1. / （1） / 首先); 一是 by default.
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "ItemStyle::is_default")
    )]
    pub item_style: ItemStyle,
    /// Last year's report text (kept when it was imported or copied to the next year), so
    /// sentences carried over unchanged can be flagged (`checks::carried_over`).
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "String::is_empty")
    )]
    pub last_year: String,
}

/// How the finished report is given out (the output step's choices). Fields left at their
/// defaults are absent from the stored JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
#[cfg_attr(any(test, feature = "serde"), serde(default))]
pub struct OutputOptions {
    /// Plain text with GB/T 9704 indentation and signature placement.
    pub text_layout: bool,
    /// Item lead sentences in bold in the .docx, the print view and the preview.
    pub bold_leads: bool,
    /// 版头 of the laid-out report (GB/T 9704 §7.2).
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "is_default")
    )]
    pub masthead: Masthead,
    /// 发文机关标志 in the 红头; empty: the organ's name.
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "String::is_empty")
    )]
    pub mark: String,
    /// 签发人 (上行文 only); empty: none.
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "String::is_empty")
    )]
    pub signer: String,
    /// 版记 (§7.4) on the last page.
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "is_default")
    )]
    pub imprint: bool,
    /// 抄送 organs, as typed ("市司法局，市依法治市办").
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "String::is_empty")
    )]
    pub copy_to: String,
    /// 印发机关; empty: the organ's name.
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "String::is_empty")
    )]
    pub printer: String,
    /// 印发日期, ISO; empty: the 成文日期.
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "String::is_empty")
    )]
    pub printed_on: String,
}

/// The top of the laid-out report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
#[cfg_attr(any(test, feature = "serde"), serde(rename_all = "kebab-case"))]
pub enum Masthead {
    /// The organ and the 发文字号 as plain centred lines.
    #[default]
    Plain,
    /// 红头: 发文机关标志 in red, 发文字号 (and 签发人), the red separator line.
    Red,
}

pub(crate) fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

impl OutputOptions {
    pub fn is_default(&self) -> bool {
        *self == OutputOptions::default()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
#[cfg_attr(any(test, feature = "serde"), serde(default))]
pub struct Header {
    /// 发文机关, e.g. 张家港市科学技术局.
    pub organ: String,
    /// 报告年度 as typed (digits); see [`Header::reporting_year`].
    pub year: String,
    pub doc_number: DocNumber,
    /// `None`: derived from the template's title pattern.
    pub title: Option<String>,
}

/// 发文字号 in its three parts, so the writer never has to type 〔〕 or 号.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
#[cfg_attr(any(test, feature = "serde"), serde(default))]
pub struct DocNumber {
    /// 机关代字, e.g. 张科发.
    pub agency: String,
    /// Year inside 〔〕; empty: the reporting year + 1.
    pub year: String,
    /// 序号, e.g. 5.
    pub serial: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
#[cfg_attr(any(test, feature = "serde"), serde(default))]
pub struct Part {
    /// Template part key this part was made for.
    pub key: String,
    /// `None`: the template's heading.
    pub heading: Option<String>,
    /// The paragraph(s) under the heading before the list; one paragraph per line.
    pub lead: String,
    pub subsections: Vec<Subsection>,
    /// Items directly under the heading (in a part with subsections: before the first).
    pub items: Vec<Item>,
    /// This part's own item numbering where it differs from the draft's.
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub item_style: Option<ItemStyle>,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
#[cfg_attr(any(test, feature = "serde"), serde(default))]
pub struct Subsection {
    pub id: u32,
    pub title: String,
    /// The subsection's opening sentence(s), before its first item (text before 一是).
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "String::is_empty")
    )]
    pub lead: String,
    pub items: Vec<Item>,
    /// This subsection's own item numbering where it differs from its part's.
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub item_style: Option<ItemStyle>,
}

/// One 一是… entry: a short lead sentence and its detail.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
#[cfg_attr(any(test, feature = "serde"), serde(default))]
pub struct Item {
    pub id: u32,
    pub lead: String,
    pub detail: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
#[cfg_attr(any(test, feature = "serde"), serde(default))]
pub struct Closing {
    /// `None`: the issuing organ.
    pub signature: Option<String>,
    /// 成文日期 as ISO `YYYY-MM-DD`, rendered 2023年2月17日; empty while there is no valid date.
    pub date: String,
    /// What was typed into 成文日期 while it is not a date (kept, never discarded, and
    /// flagged); `None` once it reads as one. Absent from the JSON while `None`.
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub date_input: Option<String>,
    /// 附注, e.g. （此件公开发布）.
    pub note: String,
    /// 结束语 after the last part, e.g. 特此报告。
    #[cfg_attr(
        any(test, feature = "serde"),
        serde(skip_serializing_if = "String::is_empty")
    )]
    pub ending: String,
}

impl Item {
    pub fn is_empty(&self) -> bool {
        self.lead.trim().is_empty() && self.detail.trim().is_empty()
    }
}

/// Sentence-final (or clause-final) marks after which no 。 is added to an item's lead.
const LEAD_ENDINGS: &[char] = &[
    '。', '！', '？', '；', '：', '，', '、', '…', '.', '!', '?', ';', ':', ',',
];

/// "一是" + lead (closed with 。 if the writer left it open) + detail.
pub fn item_text(prefix: &str, item: &Item) -> String {
    item.text_with_lead(prefix).0
}

impl Item {
    /// The item's text after `prefix` and the length in bytes of its lead part ("一是" +
    /// lead + 。); zero when the item has no lead sentence.
    pub fn text_with_lead(&self, prefix: &str) -> (String, usize) {
        let lead = self.lead.trim();
        let detail = self.detail.trim();
        let mut out = String::from(prefix);
        out.push_str(lead);
        if !lead.is_empty() && !lead.ends_with(LEAD_ENDINGS) {
            out.push('。');
        }
        let lead_len = if lead.is_empty() { 0 } else { out.len() };
        out.push_str(detail);
        (out, lead_len)
    }
}

impl Subsection {
    pub fn is_empty(&self) -> bool {
        self.title.trim().is_empty()
            && self.lead.trim().is_empty()
            && self.items.iter().all(Item::is_empty)
    }
}

impl Part {
    /// The numbering of this part's items: its own, else the draft's.
    pub fn style(&self, draft_style: ItemStyle) -> ItemStyle {
        self.item_style.unwrap_or(draft_style)
    }
}

impl Header {
    /// The reporting year, if what was typed is a plausible year.
    pub fn reporting_year(&self) -> Option<i32> {
        year_of(&self.year)
    }
}

/// `text` as a reporting year, if it is a plausible one.
pub fn year_of(text: &str) -> Option<i32> {
    let y: i32 = text.trim().parse().ok()?;
    (1949..=2999).contains(&y).then_some(y)
}

/// Where a list lives: directly in a part, or in one of its subsections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListRef {
    Part(usize),
    Subsection(usize, u32),
}

/// Above this `next_id` a draft's ids are numbered again ([`Draft::repair_ids`]), so
/// adding rows can never run out of ids (a writer adds far fewer than 2^31 rows).
pub const ID_HEADROOM_LIMIT: u32 = i32::MAX as u32;

impl Draft {
    /// A fresh draft shaped by `template`: each part with its initial subsections/items.
    pub fn new(template: &Template) -> Draft {
        let mut draft = Draft {
            template: template.id.clone(),
            ..Draft::default()
        };
        draft.closing.note = template.note_choices.first().cloned().unwrap_or_default();
        for spec in &template.parts {
            let mut part = Part {
                key: spec.key.clone(),
                ..Part::default()
            };
            match &spec.body {
                BodySpec::Subsections {
                    initial_count,
                    initial_titles,
                    ..
                } => {
                    for n in 0..(*initial_count).max(initial_titles.len()) {
                        let sub = draft
                            .new_subsection(initial_titles.get(n).cloned().unwrap_or_default());
                        part.subsections.push(sub);
                    }
                }
                BodySpec::Items { initial_count, .. } => {
                    for _ in 0..*initial_count {
                        part.items.push(draft.new_item());
                    }
                }
            }
            draft.parts.push(part);
        }
        draft
    }

    /// Makes `parts` line up with the template's parts (a draft stored by an older
    /// version, or hand-edited JSON, may have fewer). Never drops text: extra parts stay.
    pub fn conform_to(&mut self, template: &Template) {
        for (i, spec) in template.parts.iter().enumerate() {
            if self.parts.len() <= i {
                self.parts.push(Part {
                    key: spec.key.clone(),
                    ..Part::default()
                });
            }
        }
        // Ids must be unique for keyed list rendering; repair a draft where they are not.
        self.repair_ids();
    }

    /// Every subsection and item id, in document order.
    fn ids_mut(&mut self) -> Vec<&mut u32> {
        let mut all: Vec<&mut u32> = Vec::new();
        for part in &mut self.parts {
            for sub in &mut part.subsections {
                all.push(&mut sub.id);
                for item in &mut sub.items {
                    all.push(&mut item.id);
                }
            }
            for item in &mut part.items {
                all.push(&mut item.id);
            }
        }
        all
    }

    /// Makes ids unique and `next_id` at least every id, with room to grow: a draft
    /// from a file may hold duplicates or ids near `u32::MAX` (where adding would wrap
    /// and a new row would take an existing row's id). Then every row is numbered again
    /// from 1 in document order. Returns whether anything changed.
    pub fn repair_ids(&mut self) -> bool {
        let next_id = self.next_id;
        let mut seen = std::collections::HashSet::new();
        let ids = self.ids_mut();
        let sound = ids.iter().all(|id| seen.insert(**id) && **id <= next_id)
            && next_id <= ID_HEADROOM_LIMIT;
        if sound {
            return false;
        }
        let mut next = 0u32;
        for id in ids {
            next += 1;
            *id = next;
        }
        // One past the largest, as drafts written by earlier versions have it.
        self.next_id = next + 1;
        true
    }

    fn fresh_id(&mut self) -> u32 {
        if self.next_id >= ID_HEADROOM_LIMIT {
            // Only a draft never passed through `repair_ids` gets here; numbering again
            // keeps every id unique rather than wrapping onto an existing row.
            self.next_id = u32::MAX;
            self.repair_ids();
        }
        self.next_id += 1;
        self.next_id
    }

    pub fn new_item(&mut self) -> Item {
        Item {
            id: self.fresh_id(),
            ..Item::default()
        }
    }

    pub fn new_subsection(&mut self, title: String) -> Subsection {
        let item = self.new_item();
        Subsection {
            id: self.fresh_id(),
            title,
            lead: String::new(),
            items: vec![item],
            item_style: None,
        }
    }

    pub fn title(&self, template: &Template) -> String {
        match &self.header.title {
            Some(t) => t.clone(),
            None => self.derived_title(template),
        }
    }

    pub fn derived_title(&self, template: &Template) -> String {
        if self.header.organ.trim().is_empty() && self.header.reporting_year().is_none() {
            return String::new();
        }
        expand(
            &template.title_pattern,
            self.header.organ.trim(),
            self.header.reporting_year(),
        )
    }

    pub fn signature(&self) -> &str {
        self.closing
            .signature
            .as_deref()
            .unwrap_or(self.header.organ.trim())
    }

    /// The year inside 〔〕: as typed, else the reporting year + 1.
    pub fn doc_number_year(&self) -> String {
        let typed = self.header.doc_number.year.trim();
        if !typed.is_empty() {
            return typed.to_string();
        }
        self.header
            .reporting_year()
            .map(|y| (y + 1).to_string())
            .unwrap_or_default()
    }

    pub fn part_heading(&self, template: &Template, index: usize) -> String {
        let part = self.parts.get(index);
        if let Some(h) = part.and_then(|p| p.heading.clone()) {
            return h;
        }
        let pattern = template
            .parts
            .get(index)
            .map(|s| s.heading.as_str())
            .unwrap_or("");
        expand(
            pattern,
            self.header.organ.trim(),
            self.header.reporting_year(),
        )
    }

    /// Every item with the list it lives in, in document order: each part's subsections'
    /// items, then the part's own items.
    pub fn items(&self) -> impl Iterator<Item = (ListRef, &Item)> {
        self.parts.iter().enumerate().flat_map(|(p, part)| {
            part.subsections
                .iter()
                .flat_map(move |s| {
                    s.items
                        .iter()
                        .map(move |i| (ListRef::Subsection(p, s.id), i))
                })
                .chain(part.items.iter().map(move |i| (ListRef::Part(p), i)))
        })
    }

    /// Every subsection with the index of its part.
    /// Every row id (subsections and items), in no particular order.
    pub fn ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.subsections()
            .map(|(_, s)| s.id)
            .chain(self.items().map(|(_, i)| i.id))
    }

    pub fn subsections(&self) -> impl Iterator<Item = (usize, &Subsection)> {
        self.parts
            .iter()
            .enumerate()
            .flat_map(|(p, part)| part.subsections.iter().map(move |s| (p, s)))
    }

    pub fn subsection(&self, part: usize, id: u32) -> Option<&Subsection> {
        self.parts
            .get(part)?
            .subsections
            .iter()
            .find(|s| s.id == id)
    }

    pub fn subsection_mut(&mut self, part: usize, id: u32) -> Option<&mut Subsection> {
        self.parts
            .get_mut(part)?
            .subsections
            .iter_mut()
            .find(|s| s.id == id)
    }

    pub fn list(&self, list: ListRef) -> Option<&Vec<Item>> {
        match list {
            ListRef::Part(p) => self.parts.get(p).map(|p| &p.items),
            ListRef::Subsection(p, id) => self.subsection(p, id).map(|s| &s.items),
        }
    }

    pub fn list_mut(&mut self, list: ListRef) -> Option<&mut Vec<Item>> {
        match list {
            ListRef::Part(p) => self.parts.get_mut(p).map(|p| &mut p.items),
            ListRef::Subsection(p, id) => self.subsection_mut(p, id).map(|s| &mut s.items),
        }
    }

    pub fn item_mut(&mut self, list: ListRef, id: u32) -> Option<&mut Item> {
        self.list_mut(list)?.iter_mut().find(|i| i.id == id)
    }

    /// Adds an empty item after `after` (or at the end); returns its id.
    pub fn add_item(&mut self, list: ListRef, after: Option<u32>) -> Option<u32> {
        let item = self.new_item();
        let id = item.id;
        let items = self.list_mut(list)?;
        let at = after
            .and_then(|a| items.iter().position(|i| i.id == a))
            .map(|p| p + 1)
            .unwrap_or(items.len());
        items.insert(at, item);
        Some(id)
    }

    /// Removes an item, returning it and its position (for undo).
    pub fn remove_item(&mut self, list: ListRef, id: u32) -> Option<(usize, Item)> {
        let items = self.list_mut(list)?;
        let at = items.iter().position(|i| i.id == id)?;
        Some((at, items.remove(at)))
    }

    pub fn restore_item(&mut self, list: ListRef, at: usize, item: Item) {
        if let Some(items) = self.list_mut(list) {
            let at = at.min(items.len());
            items.insert(at, item);
        }
    }

    /// Moves an item one place up (`delta` = -1) or down (+1). If it moved: its new place
    /// and the list's length.
    pub fn move_item(&mut self, list: ListRef, id: u32, delta: isize) -> Option<Moved> {
        move_by_id(self.list_mut(list)?, |i| i.id == id, delta)
    }

    pub fn add_subsection(&mut self, part: usize, title: String) -> Option<u32> {
        let sub = self.new_subsection(title);
        let id = sub.id;
        self.parts.get_mut(part)?.subsections.push(sub);
        Some(id)
    }

    pub fn remove_subsection(&mut self, part: usize, id: u32) -> Option<(usize, Subsection)> {
        let subs = &mut self.parts.get_mut(part)?.subsections;
        let at = subs.iter().position(|s| s.id == id)?;
        Some((at, subs.remove(at)))
    }

    pub fn restore_subsection(&mut self, part: usize, at: usize, sub: Subsection) {
        if let Some(p) = self.parts.get_mut(part) {
            let at = at.min(p.subsections.len());
            p.subsections.insert(at, sub);
        }
    }

    /// [`Draft::move_item`] for a subsection of part `part`.
    pub fn move_subsection(&mut self, part: usize, id: u32, delta: isize) -> Option<Moved> {
        let subs = &mut self.parts.get_mut(part)?.subsections;
        move_by_id(subs, |s| s.id == id, delta)
    }
}

/// Where a row ended up after a move: its new place and its list's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    pub to: usize,
    pub len: usize,
}

/// A row's move buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveButton {
    Up,
    Down,
}

impl Moved {
    /// Whether the row now sits at the end it moved towards (`delta` < 0: the top), where
    /// it cannot move further that way.
    pub fn at_edge(self, delta: isize) -> bool {
        if delta < 0 {
            self.to == 0
        } else {
            self.to + 1 >= self.len
        }
    }

    /// Which button keeps the focus after this move by `delta`: the one pressed, unless the
    /// row now sits at the end it moved towards, where that button is disabled and focus
    /// put on it would fall back to the page (a keyboard user would start again from the
    /// top): then the other one.
    pub fn button_to_keep(self, delta: isize) -> MoveButton {
        if (delta < 0) != self.at_edge(delta) {
            MoveButton::Up
        } else {
            MoveButton::Down
        }
    }
}

fn move_by_id<T>(list: &mut [T], is: impl Fn(&T) -> bool, delta: isize) -> Option<Moved> {
    let from = list.iter().position(is)?;
    let to = usize::try_from(from as isize + delta)
        .ok()
        .filter(|to| *to < list.len())?;
    list.swap(from, to);
    Some(Moved {
        to,
        len: list.len(),
    })
}

impl Draft {
    /// Takes the content of an imported report, keeping what belongs to this draft rather
    /// than to its text: the writer's name for it and the output choices.
    pub fn replace_content(&mut self, imported: Draft) {
        let (name, output) = (
            std::mem::take(&mut self.name),
            std::mem::take(&mut self.output),
        );
        *self = Draft {
            name,
            output,
            ..imported
        };
    }

    /// Reuses last year's report for this year: the reporting year, the year in 〔〕, the
    /// years written into an overridden title or heading all move on by one; the serial
    /// number and the date are cleared (the new document gets its own when it is signed). Body text is kept as
    /// it is: it is last year's text, to be rewritten.
    pub fn advance_year(&mut self) -> bool {
        let Some(year) = self.header.reporting_year() else {
            return false;
        };
        self.last_year = self.body_text();
        let shift = |text: &mut String| {
            // Later year first, so 2023→2024 does not then become 2025.
            *text = text
                .replace(&(year + 1).to_string(), "\u{0}")
                .replace(&year.to_string(), &(year + 1).to_string())
                .replace('\u{0}', &(year + 2).to_string());
        };
        self.header.year = (year + 1).to_string();
        if let Ok(y) = self.header.doc_number.year.trim().parse::<i32>() {
            self.header.doc_number.year = (y + 1).to_string();
        }
        self.header.doc_number.serial.clear();
        if let Some(t) = self.header.title.as_mut() {
            shift(t);
        }
        for part in &mut self.parts {
            if let Some(h) = part.heading.as_mut() {
                shift(h);
            }
        }
        // Last year's date moved on a year would be a plausible but unchecked date: the
        // new report is dated when it is signed, so the date is cleared like the serial.
        self.closing.date.clear();
        self.closing.date_input = None;
        true
    }
}

impl Draft {
    /// The report's own sentences, one field per line, without numbering words or the
    /// derived head: what "last year's text" is compared by.
    pub fn body_text(&self) -> String {
        let mut out: Vec<&str> = vec![self.opening.as_str()];
        for part in &self.parts {
            out.push(&part.lead);
            for item in &part.items {
                out.push(&item.lead);
                out.push(&item.detail);
            }
            for sub in &part.subsections {
                out.push(&sub.lead);
                for item in &sub.items {
                    out.push(&item.lead);
                    out.push(&item.detail);
                }
            }
        }
        out.retain(|t| !t.trim().is_empty());
        out.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::builtin_templates;

    fn draft() -> Draft {
        Draft::new(&builtin_templates()[0])
    }

    #[test]
    fn an_import_replaces_the_text_but_not_the_name_or_output_choices() {
        let mut mine = draft();
        mine.name = "今年的报告".into();
        mine.output.bold_leads = true;
        mine.opening = "旧开头".into();
        let mut imported = draft();
        imported.opening = "导入的开头".into();
        imported.name = "别处的名字".into();
        mine.replace_content(imported);
        assert_eq!(mine.opening, "导入的开头");
        assert_eq!(mine.name, "今年的报告");
        assert!(mine.output.bold_leads);
    }

    #[test]
    fn new_draft_follows_template_shape() {
        let d = draft();
        assert_eq!(d.parts.len(), 3);
        assert_eq!(d.parts[0].subsections.len(), 1);
        assert_eq!(d.parts[0].subsections[0].items.len(), 1);
        assert_eq!(d.parts[1].items.len(), 2);
        assert_eq!(d.parts[2].items.len(), 3);
        assert_eq!(d.closing.note, "（此件公开发布）");
    }

    #[test]
    fn add_move_remove_restore_items() {
        let mut d = draft();
        let list = ListRef::Part(2);
        let ids: Vec<u32> = d.parts[2].items.iter().map(|i| i.id).collect();
        let new = d.add_item(list, Some(ids[0])).unwrap();
        let order = |d: &Draft| d.parts[2].items.iter().map(|i| i.id).collect::<Vec<_>>();
        assert_eq!(order(&d), vec![ids[0], new, ids[1], ids[2]]);
        let moved = d.move_item(list, new, -1).unwrap();
        assert_eq!(moved, Moved { to: 0, len: 4 });
        assert!(moved.at_edge(-1) && !moved.at_edge(1));
        assert_eq!(order(&d), vec![new, ids[0], ids[1], ids[2]]);
        assert_eq!(
            d.move_item(list, new, -1),
            None,
            "first item cannot move up"
        );
        let last = d.move_item(list, ids[1], 1).unwrap();
        assert_eq!(last, Moved { to: 3, len: 4 });
        assert!(last.at_edge(1) && !last.at_edge(-1));
        assert_eq!(
            d.move_item(list, ids[1], 1),
            None,
            "last item cannot move down"
        );
        assert_eq!(order(&d), vec![new, ids[0], ids[2], ids[1]]);
        d.move_item(list, ids[1], -1).unwrap();
        let (at, item) = d.remove_item(list, ids[1]).unwrap();
        assert_eq!(order(&d), vec![new, ids[0], ids[2]]);
        d.restore_item(list, at, item);
        assert_eq!(order(&d), vec![new, ids[0], ids[1], ids[2]]);
    }

    #[test]
    fn the_pressed_button_keeps_focus_unless_the_row_reached_that_end() {
        let kept = |to, len, delta| Moved { to, len }.button_to_keep(delta);
        // Up from the middle: still room above, 上移 keeps it.
        assert_eq!(kept(1, 4, -1), MoveButton::Up);
        // Up to the top: 上移 is now disabled, 下移 takes it.
        assert_eq!(kept(0, 4, -1), MoveButton::Down);
        assert_eq!(kept(2, 4, 1), MoveButton::Down);
        // Down to the bottom: 下移 is disabled, 上移 takes it.
        assert_eq!(kept(3, 4, 1), MoveButton::Up);
        // Two rows: every move reaches an end.
        assert_eq!(kept(0, 2, -1), MoveButton::Down);
        assert_eq!(kept(1, 2, 1), MoveButton::Up);
    }

    #[test]
    fn subsections_reorder_and_keep_unique_ids() {
        let mut d = draft();
        let a = d.parts[0].subsections[0].id;
        let b = d.add_subsection(0, "B".into()).unwrap();
        assert_eq!(d.move_subsection(0, b, -1), Some(Moved { to: 0, len: 2 }));
        assert_eq!(d.parts[0].subsections[0].id, b);
        assert_ne!(a, b);
        let (at, s) = d.remove_subsection(0, a).unwrap();
        d.restore_subsection(0, at, s);
        assert_eq!(
            d.parts[0]
                .subsections
                .iter()
                .map(|s| s.id)
                .collect::<Vec<_>>(),
            vec![b, a]
        );
    }

    #[test]
    fn conform_repairs_duplicate_ids_and_missing_parts() {
        let mut d = draft();
        d.parts.truncate(1);
        let dup = d.parts[0].subsections[0].items[0].clone();
        d.parts[0].subsections[0].items.push(dup);
        d.conform_to(&builtin_templates()[0]);
        assert_eq!(d.parts.len(), 3);
        let items = &d.parts[0].subsections[0].items;
        assert_ne!(items[0].id, items[1].id);
        assert!(d.next_id > items[1].id);
    }

    #[test]
    fn derived_fields() {
        let mut d = draft();
        let t = &builtin_templates()[0];
        assert_eq!(d.title(t), "");
        d.header.organ = "张家港市科学技术局".into();
        d.header.year = "2022".into();
        assert_eq!(d.title(t), "张家港市科学技术局2022年度法治政府建设情况报告");
        assert_eq!(d.part_heading(t, 2), "2023年法治工作计划");
        assert_eq!(d.doc_number_year(), "2023");
        assert_eq!(d.signature(), "张家港市科学技术局");
        d.closing.signature = Some("某某局".into());
        assert_eq!(d.signature(), "某某局");
    }

    #[test]
    fn advance_year_moves_the_years_on() {
        let mut d = draft();
        assert!(!d.advance_year(), "no year yet");
        d.header.year = "2022".into();
        d.header.doc_number.year = "2023".into();
        d.header.doc_number.serial = "5".into();
        d.header.title = Some("某局2022年度报告".into());
        d.parts[2].heading = Some("2023年工作计划".into());
        d.closing.date = "2023-02-17".into();
        assert!(d.advance_year());
        assert_eq!(
            (
                d.header.year.as_str(),
                d.header.doc_number.year.as_str(),
                d.header.doc_number.serial.as_str()
            ),
            ("2023", "2024", "")
        );
        assert_eq!(d.header.title.as_deref(), Some("某局2023年度报告"));
        assert_eq!(d.parts[2].heading.as_deref(), Some("2024年工作计划"));
        assert_eq!(d.closing.date, "", "dated anew when signed");
    }
}
