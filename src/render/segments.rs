//! The report in segments, rebuilt one segment at a time while the writer types.
//!
//! [`super::build`] is the concatenation of the segments' blocks: the head (发文机关 …
//! opening), each part's own text, each subsection, the closing. [`Segments::update`] takes
//! the previous segments and rebuilds only those whose inputs changed; an unchanged
//! segment is the same `Arc` with the same `generation`, so the preview keeps its
//! paragraphs and the step list its counts. Each rebuilt segment gets a new generation.

use std::sync::Arc;

use super::document::{
    closing_blocks, head_blocks, part_blocks, subsection_blocks, Block, Document,
};
use super::layout::{lay_out, LaidParagraph, LayoutOptions};
use super::text::count_chars;
use crate::model::draft::{Draft, Item, ListRef, Subsection};
use crate::model::field::{item_list, FieldRef};
use crate::model::numbering::ItemStyle;
use crate::model::step::Step;
use crate::model::template::Template;

/// Which piece of the report a segment is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SegmentKey {
    Head,
    Part(usize),
    /// Part, subsection id.
    Subsection(usize, u32),
    Closing,
}

/// What a part's or subsection's blocks are made from, beyond the template: compared with
/// the draft as it is now to tell whether the segment must be rebuilt.
#[derive(Clone, Debug, PartialEq)]
enum Inputs {
    /// Head and closing are small: rebuilt each time and compared by their blocks.
    Blocks,
    Part {
        heading: String,
        lead: String,
        items: Vec<Item>,
        style: ItemStyle,
    },
    Subsection {
        /// Its place among the part's shown subsections (the （一） marker).
        shown: usize,
        style: ItemStyle,
        sub: Subsection,
    },
}

#[derive(Debug, PartialEq)]
pub struct Segment {
    pub key: SegmentKey,
    /// Changes whenever the blocks are rebuilt; unique among the segments of one editor.
    pub generation: u64,
    pub blocks: Vec<Block>,
    /// Characters of the finished report per step (a segment's blocks belong to one or two
    /// steps: the head to 文头 and 开头段).
    pub chars: Vec<(Step, usize)>,
    inputs: Inputs,
}

impl Segment {
    fn new(key: SegmentKey, generation: u64, blocks: Vec<Block>, inputs: Inputs) -> Segment {
        let mut chars: Vec<(Step, usize)> = Vec::new();
        for b in &blocks {
            let n = count_chars(&b.text);
            match chars.iter_mut().find(|(s, _)| *s == b.step) {
                Some((_, c)) => *c += n,
                None => chars.push((b.step, n)),
            }
        }
        Segment {
            key,
            generation,
            blocks,
            chars,
            inputs,
        }
    }

    /// This segment alone as a document (for laying it out).
    pub fn document(&self) -> Document {
        Document {
            blocks: self.blocks.clone(),
        }
    }

    /// The segment laid out as [`lay_out`] lays it out inside the whole report: the head
    /// carries the 红头 (if chosen), the closing the 版记. `block` indexes are the
    /// segment's own.
    pub fn lay_out(&self, options: &LayoutOptions) -> Vec<LaidParagraph> {
        let options = LayoutOptions {
            bold_leads: options.bold_leads,
            masthead: options
                .masthead
                .clone()
                .filter(|_| self.key == SegmentKey::Head),
            imprint: options
                .imprint
                .clone()
                .filter(|_| self.key == SegmentKey::Closing),
        };
        lay_out(&self.document(), &options)
    }
}

/// `a == b`, eight bytes at a time: the wasm build's `memcmp` goes byte by byte, and
/// every keystroke compares the whole report's text with what it was.
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    // 32 bytes a step (the size-optimised build does not unroll loops), then 8, then bytes.
    let word = |x: &[u8], i: usize| u64::from_ne_bytes(x[i..i + 8].try_into().expect("8 bytes"));
    let (ca, cb) = (a.chunks_exact(32), b.chunks_exact(32));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    let (wa, wb) = (ra.chunks_exact(8), rb.chunks_exact(8));
    let (ta, tb) = (wa.remainder(), wb.remainder());
    ca.zip(cb).all(|(x, y)| {
        (word(x, 0) ^ word(y, 0))
            | (word(x, 8) ^ word(y, 8))
            | (word(x, 16) ^ word(y, 16))
            | (word(x, 24) ^ word(y, 24))
            == 0
    }) && wa.zip(wb).all(|(x, y)| word(x, 0) == word(y, 0))
        && ta == tb
}

fn same_items(a: &[Item], b: &[Item]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.id == y.id && same_text(&x.lead, &y.lead) && same_text(&x.detail, &y.detail)
        })
}

/// The same items, leaving out their text: what can still differ when the caller knows
/// the text was not typed into.
fn same_item_ids(a: &[Item], b: &[Item]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.id == y.id)
}

/// Whether `field` is of a kind that feeds only its own segment ([`segment_of`] gives its
/// segment, if the part, 小节 or item is still in the draft).
/// Used by the editor (wasm only) and the test below.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn feeds_one_segment(field: FieldRef) -> bool {
    matches!(
        field,
        FieldRef::PartLead(_)
            | FieldRef::SubsectionTitle(_)
            | FieldRef::SubsectionLead(_)
            | FieldRef::ItemLead(_)
            | FieldRef::ItemDetail(_)
    )
}

/// The segment whose blocks `field` feeds and nothing else does, or `None` for a field
/// that feeds more (the 发文机关 is in the head, the closing and every part's heading).
pub(crate) fn segment_of(draft: &Draft, field: FieldRef) -> Option<SegmentKey> {
    let subsection = |id: u32| {
        draft
            .subsections()
            .find(|(_, s)| s.id == id)
            .map(|(p, _)| SegmentKey::Subsection(p, id))
    };
    match field {
        FieldRef::PartLead(p) => Some(SegmentKey::Part(p)),
        FieldRef::SubsectionTitle(id) | FieldRef::SubsectionLead(id) => subsection(id),
        FieldRef::ItemLead(id) | FieldRef::ItemDetail(id) => match item_list(draft, id)? {
            ListRef::Part(p) => Some(SegmentKey::Part(p)),
            ListRef::Subsection(p, id) => Some(SegmentKey::Subsection(p, id)),
        },
        _ => None,
    }
}

/// `a == b` for subsections, through [`same_text`].
fn same_subsection(a: &Subsection, b: &Subsection) -> bool {
    let Subsection {
        id,
        title,
        lead,
        items,
        item_style,
    } = a;
    *id == b.id
        && *item_style == b.item_style
        && same_text(title, &b.title)
        && same_text(lead, &b.lead)
        && same_items(items, &b.items)
}

/// The report's segments, in order.
#[derive(Clone, Debug, Default)]
pub struct Segments {
    pub segments: Vec<Arc<Segment>>,
    /// The template they were built for (a template change rebuilds everything).
    template: String,
    next_generation: u64,
}

/// Equal when the same segments (same generations) are in the same order: what a memo
/// needs to tell whether anything changed.
impl PartialEq for Segments {
    fn eq(&self, other: &Self) -> bool {
        self.segments.len() == other.segments.len()
            && self
                .segments
                .iter()
                .zip(&other.segments)
                .all(|(a, b)| a.generation == b.generation)
    }
}

impl Segments {
    /// The segments of `draft`, reusing those of `prev` whose inputs have not changed.
    /// `typed`, when known, lists the fields typed into since `prev` was built, and says
    /// that nothing else changed: the text of the other parts and subsections is then not
    /// compared (a keystroke costs the same in a long report as in a short one).
    pub fn update(
        prev: Option<&Segments>,
        template: &Template,
        draft: &Draft,
        typed: Option<&[FieldRef]>,
    ) -> Segments {
        let prev = prev.filter(|p| p.template == template.id);
        // The segments typed into, or `None`: compare every segment's text.
        let touched: Option<Vec<SegmentKey>> =
            typed.and_then(|fields| fields.iter().map(|f| segment_of(draft, *f)).collect());
        let untouched = |key: SegmentKey| touched.as_ref().is_some_and(|t| !t.contains(&key));
        let mut next_generation = prev.map_or(0, |p| p.next_generation);
        let old: &[Arc<Segment>] = prev.map_or(&[], |p| &p.segments);
        // Each old segment is reused at most once (so generations stay unique), found at
        // the same place when nothing moved, else by a search (only after a subsection came,
        // went or moved: a few hundred comparisons, and no hash map's code in the wasm).
        let mut taken = vec![false; old.len()];
        let mut segments: Vec<Arc<Segment>> = Vec::with_capacity(old.len().max(8));
        let mut make = |key: SegmentKey,
                        same: &dyn Fn(&Inputs) -> bool,
                        build: &dyn Fn() -> (Vec<Block>, Inputs)| {
            let here = segments.len();
            let at = if old.get(here).is_some_and(|s| s.key == key) {
                Some(here)
            } else {
                old.iter().position(|s| s.key == key)
            }
            .filter(|&i| !taken[i]);
            let found = at.map(|i| &old[i]);
            if let Some(seg) = found.filter(|s| same(&s.inputs)) {
                taken[at.unwrap()] = true;
                segments.push(Arc::clone(seg));
                return;
            }
            let (blocks, inputs) = build();
            if let Some(seg) = found.filter(|s| s.inputs == Inputs::Blocks && s.blocks == blocks) {
                // Head and closing: rebuilt, but unchanged.
                taken[at.unwrap()] = true;
                segments.push(Arc::clone(seg));
                return;
            }
            segments.push(Arc::new(Segment::new(key, next_generation, blocks, inputs)));
            next_generation += 1;
        };

        make(SegmentKey::Head, &|_| false, &|| {
            (head_blocks(template, draft), Inputs::Blocks)
        });
        for (p, spec) in template.parts.iter().enumerate() {
            let Some(part) = draft.parts.get(p) else {
                continue;
            };
            let style = part.style(draft.item_style);
            let heading = draft.part_heading(template, p);
            let kept = untouched(SegmentKey::Part(p));
            make(
                SegmentKey::Part(p),
                &|i| {
                    matches!(i, Inputs::Part { heading: h, lead, items, style: s }
                    if *h == heading && *s == style && if kept {
                        same_item_ids(items, &part.items)
                    } else {
                        same_text(lead, &part.lead) && same_items(items, &part.items)
                    })
                },
                &|| {
                    (
                        part_blocks(template, draft, p),
                        Inputs::Part {
                            heading: heading.clone(),
                            lead: part.lead.clone(),
                            items: part.items.clone(),
                            style,
                        },
                    )
                },
            );
            if spec.has_subsections() {
                let mut shown = 0;
                for sub in &part.subsections {
                    let n = shown;
                    let sub_style = sub.item_style.unwrap_or(style);
                    let key = SegmentKey::Subsection(p, sub.id);
                    let kept = untouched(key);
                    make(
                        key,
                        &|i| {
                            matches!(i, Inputs::Subsection { shown: m, style: s, sub: old }
                            if *m == n && *s == sub_style && if kept {
                                old.id == sub.id && old.item_style == sub.item_style
                                    && same_item_ids(&old.items, &sub.items)
                            } else {
                                same_subsection(old, sub)
                            })
                        },
                        &|| {
                            (
                                subsection_blocks(template, draft, p, n, sub),
                                Inputs::Subsection {
                                    shown: n,
                                    style: sub_style,
                                    sub: sub.clone(),
                                },
                            )
                        },
                    );
                    if !sub.is_empty() {
                        shown += 1;
                    }
                }
            }
        }
        make(SegmentKey::Closing, &|_| false, &|| {
            (closing_blocks(draft), Inputs::Blocks)
        });
        Segments {
            segments,
            template: template.id.clone(),
            next_generation,
        }
    }

    /// The whole report, as [`super::build`] gives it.
    pub fn document(&self) -> Document {
        Document {
            blocks: self
                .segments
                .iter()
                .flat_map(|s| s.blocks.iter().cloned())
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.segments.iter().all(|s| s.blocks.is_empty())
    }

    /// Characters of the whole report.
    pub fn total_chars(&self) -> usize {
        self.segments
            .iter()
            .flat_map(|s| s.chars.iter().map(|(_, n)| n))
            .sum()
    }

    /// Characters of the report that come from `step` (a part counts its subsections).
    pub fn step_chars(&self, step: Step) -> usize {
        self.segments
            .iter()
            .flat_map(|s| s.chars.iter())
            .filter(|(s, _)| match step {
                Step::Part(p) => s.part() == Some(p),
                _ => *s == step,
            })
            .map(|(_, n)| n)
            .sum()
    }

    /// The head segment (发文机关, 发文字号, title, opening).
    pub fn head(&self) -> Option<&Segment> {
        self.segments
            .first()
            .filter(|s| s.key == SegmentKey::Head)
            .map(|s| &**s)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::draft::Masthead;
    use crate::model::field::typing::type_some;
    use crate::model::template::builtin_templates;
    use crate::render::build;
    use proptest::prelude::*;

    /// The kinds `type_into` writes untracked are exactly those with a segment of their own.
    #[test]
    fn feeds_one_segment_agrees_with_segment_of() {
        let (_, d) = sample();
        let fields = crate::model::field::tests::fields(&d);
        assert!(fields.iter().any(|f| matches!(f, FieldRef::ItemDetail(_))));
        for f in fields {
            assert_eq!(feeds_one_segment(f), segment_of(&d, f).is_some(), "{f:?}");
        }
    }

    #[test]
    fn step_counts_leave_out_invisible_characters() {
        let (t, mut d) = sample();
        let counted = |d: &Draft| Segments::update(None, t, d, None);
        let before = counted(&d);
        let sub = &mut d.parts[0].subsections[1];
        let step = Step::Subsection(0, sub.id);
        sub.title = format!("\u{200B}{}\u{FEFF}", sub.title);
        sub.items[0].detail.push_str("\u{200B}\u{2060}");
        let after = counted(&d);
        assert_eq!(after.step_chars(step), before.step_chars(step));
        assert_eq!(
            after.step_chars(Step::Part(0)),
            before.step_chars(Step::Part(0))
        );
        assert_eq!(after.total_chars(), before.total_chars());
    }

    pub(crate) fn sample() -> (&'static Template, Draft) {
        let t = &builtin_templates()[0];
        let mut d = Draft::new(t);
        d.header.organ = "某市某局".into();
        d.header.year = "2024".into();
        d.header.doc_number.agency = "某发".into();
        d.header.doc_number.serial = "3".into();
        d.opening = "开头第一段。\n开头第二段。".into();
        for (n, title) in ["加强领导", "完善制度", "严格执法"].iter().enumerate() {
            if n > 0 {
                d.add_subsection(0, title.to_string());
            }
            let id = d.parts[0].subsections.last().unwrap().id;
            d.parts[0].subsections.last_mut().unwrap().title = title.to_string();
            if d.parts[0].subsections.last().unwrap().items.is_empty() {
                d.add_item(crate::model::draft::ListRef::Subsection(0, id), None);
            }
            let sub = d.parts[0].subsections.last_mut().unwrap();
            sub.items[0].lead = format!("{title}要点");
            sub.items[0].detail = format!("{title}的具体内容。");
        }
        d.closing.date = "2025-01-20".into();
        d.closing.note = "此件公开发布".into();
        (t, d)
    }

    /// One edit a writer can make, chosen by the test.
    #[derive(Clone, Debug)]
    enum Edit {
        Organ(String),
        Opening(String),
        SubTitle(usize, String),
        SubLead(usize, String),
        ItemDetail(usize, String),
        ItemLead(usize, String),
        PartLead(usize, String),
        AddItem(usize),
        AddSub,
        RemoveSub(usize),
        MoveSub(usize, bool),
        Style(u8),
        Date(String),
        Ending(String),
    }

    fn text() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "",
            " ",
            "甲",
            "乙。",
            "一是丙",
            "多行\n文字",
            "（注）",
            "x",
        ])
        .prop_map(String::from)
    }

    fn edit() -> impl Strategy<Value = Edit> {
        let i = 0usize..6;
        prop_oneof![
            text().prop_map(Edit::Organ),
            text().prop_map(Edit::Opening),
            (i.clone(), text()).prop_map(|(i, t)| Edit::SubTitle(i, t)),
            (i.clone(), text()).prop_map(|(i, t)| Edit::SubLead(i, t)),
            (i.clone(), text()).prop_map(|(i, t)| Edit::ItemDetail(i, t)),
            (i.clone(), text()).prop_map(|(i, t)| Edit::ItemLead(i, t)),
            (0usize..3, text()).prop_map(|(i, t)| Edit::PartLead(i, t)),
            i.clone().prop_map(Edit::AddItem),
            Just(Edit::AddSub),
            i.clone().prop_map(Edit::RemoveSub),
            (i, any::<bool>()).prop_map(|(i, up)| Edit::MoveSub(i, up)),
            (0u8..4).prop_map(Edit::Style),
            prop::sample::select(vec!["", "2025-02-03", "2024-12-31"])
                .prop_map(|s| Edit::Date(s.into())),
            text().prop_map(Edit::Ending),
        ]
    }

    fn apply(d: &mut Draft, e: &Edit) {
        let subs = d.parts[0].subsections.len().max(1);
        let sub = |d: &mut Draft, i: usize| -> Option<usize> {
            (!d.parts[0].subsections.is_empty()).then_some(i % subs)
        };
        match e.clone() {
            Edit::Organ(t) => d.header.organ = t,
            Edit::Opening(t) => d.opening = t,
            Edit::SubTitle(i, t) => {
                if let Some(i) = sub(d, i) {
                    d.parts[0].subsections[i].title = t
                }
            }
            Edit::SubLead(i, t) => {
                if let Some(i) = sub(d, i) {
                    d.parts[0].subsections[i].lead = t
                }
            }
            Edit::ItemDetail(i, t) | Edit::ItemLead(i, t) => {
                let lead = matches!(e, Edit::ItemLead(..));
                if let Some(i) = sub(d, i) {
                    if let Some(item) = d.parts[0].subsections[i].items.first_mut() {
                        if lead {
                            item.lead = t
                        } else {
                            item.detail = t
                        }
                    }
                }
            }
            Edit::PartLead(p, t) => {
                let n = d.parts.len();
                d.parts[p % n].lead = t
            }
            Edit::AddItem(i) => {
                if let Some(i) = sub(d, i) {
                    let id = d.parts[0].subsections[i].id;
                    d.add_item(crate::model::draft::ListRef::Subsection(0, id), None);
                    if let Some(item) = d.parts[0].subsections[i].items.last_mut() {
                        item.detail = "新增。".into();
                    }
                }
            }
            Edit::AddSub => {
                d.add_subsection(0, "新小节".into());
            }
            Edit::RemoveSub(i) => {
                if let Some(i) = sub(d, i) {
                    d.parts[0].subsections.remove(i);
                }
            }
            Edit::MoveSub(i, up) => {
                if let Some(i) = sub(d, i) {
                    let id = d.parts[0].subsections[i].id;
                    d.move_subsection(0, id, if up { -1 } else { 1 });
                }
            }
            Edit::Style(s) => {
                d.item_style = [
                    ItemStyle::Ordinal,
                    ItemStyle::Arabic,
                    ItemStyle::ArabicParen,
                    ItemStyle::Sequence,
                ][s as usize]
            }
            Edit::Date(t) => d.closing.date = t,
            Edit::Ending(t) => d.closing.ending = t,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// After any sequence of edits, the segments updated edit by edit give exactly the
        /// document `build` gives, and their per-segment layout is the whole layout.
        #[test]
        fn incremental_segments_equal_a_full_build(edits in prop::collection::vec(edit(), 1..25)) {
            let (t, mut d) = sample();
            let mut segs = Segments::update(None, t, &d, None);
            for e in &edits {
                apply(&mut d, e);
                segs = Segments::update(Some(&segs), t, &d, None);
                prop_assert_eq!(segs.document(), build(t, &d));
                let fresh = Segments::update(None, t, &d, None);
                prop_assert_eq!(segs.total_chars(), fresh.total_chars());
            }
            for bold in [false, true] {
                d.output.bold_leads = bold;
                d.output.masthead = if bold { Masthead::Red } else { Masthead::Plain };
                d.output.imprint = bold;
                let doc = build(t, &d);
                let options = LayoutOptions::of(&d, &doc);
                let strip = |mut p: LaidParagraph| { p.block = None; p };
                let whole: Vec<_> = lay_out(&doc, &options).into_iter().map(strip).collect();
                let parts: Vec<_> = segs.segments.iter().flat_map(|s| s.lay_out(&options)).map(strip).collect();
                prop_assert_eq!(parts, whole);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Told which fields were typed into, the update gives exactly what comparing
        /// everything gives (the same segments, the same generations), whatever was typed
        /// (emptying a subsection renumbers the ones after it) and however many keystrokes
        /// come between two updates; any other edit goes without the hint.
        #[test]
        fn typed_fields_update_as_comparing_everything(
            steps in prop::collection::vec(
                (prop::option::weighted(0.8, (0usize..64, text())), edit(), 1usize..3), 1..30)
        ) {
            let (t, mut d) = sample();
            let mut segs = Segments::update(None, t, &d, None);
            for (typing, other, keystrokes) in &steps {
                let typed: Option<Vec<FieldRef>> = match typing {
                    Some((pick, text)) => Some(type_some(&mut d, *pick, text, *keystrokes)),
                    None => {
                        apply(&mut d, other);
                        None
                    }
                };
                let hinted = Segments::update(Some(&segs), t, &d, typed.as_deref());
                let compared = Segments::update(Some(&segs), t, &d, None);
                prop_assert_eq!(&hinted, &compared);
                prop_assert_eq!(hinted.next_generation, compared.next_generation);
                prop_assert_eq!(hinted.document(), build(t, &d));
                segs = hinted;
            }
        }
    }

    proptest! {
        /// The fast comparisons agree with `==`.
        #[test]
        fn same_text_is_equality(a in ".{0,40}", b in ".{0,40}", cut in 0usize..40) {
            prop_assert_eq!(same_text(&a, &b), a == b);
            prop_assert!(same_text(&a, &a.clone()));
            let mut c = a.clone();
            if let Some((at, ch)) = c.char_indices().nth(cut % a.chars().count().max(1)) {
                c.replace_range(at..at + ch.len_utf8(), if ch == 'x' { "y" } else { "x" });
                prop_assert_eq!(same_text(&a, &c), a == c);
            }
        }
    }

    /// Every byte counts, in the 32-byte steps, the 8-byte steps and the tail alike.
    #[test]
    fn same_text_sees_a_change_at_any_byte() {
        for len in 0..100 {
            let a: String = (0..len).map(|i| (b'a' + (i % 26) as u8) as char).collect();
            assert!(same_text(&a, &a.clone()));
            for at in 0..len {
                let mut b = a.clone().into_bytes();
                b[at] = b'.';
                let b = String::from_utf8(b).unwrap();
                assert!(!same_text(&a, &b), "length {len}, byte {at}");
            }
        }
    }

    #[test]
    fn an_edit_rebuilds_only_its_segment() {
        let (t, mut d) = sample();
        let before = Segments::update(None, t, &d, None);
        d.parts[0].subsections[1].items[0].detail.push('加');
        let after = Segments::update(Some(&before), t, &d, None);
        assert_ne!(before, after);
        let rebuilt: Vec<SegmentKey> = before
            .segments
            .iter()
            .zip(&after.segments)
            .filter(|(a, b)| !Arc::ptr_eq(a, b))
            .map(|(_, b)| b.key)
            .collect();
        let id = d.parts[0].subsections[1].id;
        assert_eq!(rebuilt, [SegmentKey::Subsection(0, id)]);
        // A rebuilt segment gets a generation no other segment has had.
        let gens: std::collections::HashSet<u64> = before
            .segments
            .iter()
            .chain(&after.segments)
            .map(|s| s.generation)
            .collect();
        assert_eq!(gens.len(), before.segments.len() + 1);
        // Nothing changed: the same segments, equal for a memo.
        let again = Segments::update(Some(&after), t, &d, None);
        assert_eq!(again, after);
        assert!(again
            .segments
            .iter()
            .zip(&after.segments)
            .all(|(a, b)| Arc::ptr_eq(a, b)));
        // Emptying the first subsection renumbers the ones after it.
        d.parts[0].subsections[0] = Subsection {
            id: d.parts[0].subsections[0].id,
            ..Subsection::default()
        };
        let renumbered = Segments::update(Some(&again), t, &d, None);
        assert_eq!(renumbered.document(), build(t, &d));
        assert_eq!(
            renumbered.step_chars(Step::Part(0)),
            build(t, &d)
                .blocks
                .iter()
                .filter(|b| b.step.part() == Some(0))
                .map(|b| count_chars(&b.text))
                .sum::<usize>()
        );
    }
}
