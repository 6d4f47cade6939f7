//! Names for every form field, shared by the components (as DOM ids) and the checks
//! (as link targets), so a finding always lands on the field it is about.

use super::draft::{Draft, Item, ListRef};
use super::step::Step;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldRef {
    Organ,
    Year,
    DocAgency,
    DocYear,
    DocSerial,
    Title,
    Opening,
    PartLead(usize),
    SubsectionTitle(u32),
    /// A subsection's opening sentence(s) before its first item.
    SubsectionLead(u32),
    ItemLead(u32),
    ItemDetail(u32),
    Signature,
    Date,
    Note,
    /// 结束语 (特此报告。).
    Ending,
    /// The author's item numbering (一是 / 1. / （1）).
    ItemStyle,
    /// The holding section of imported text that found no place (shown on the output step).
    Holding,
    /// The output step's 红头 and 版记 fields: 发文机关标志, 签发人, 抄送, 印发机关.
    Mark,
    Signer,
    CopyTo,
    Printer,
}

impl FieldRef {
    /// Whether the field holds lines (a text box, not a one-line input).
    pub fn holds_lines(self) -> bool {
        matches!(
            self,
            FieldRef::Opening
                | FieldRef::PartLead(_)
                | FieldRef::SubsectionLead(_)
                | FieldRef::ItemDetail(_)
        )
    }

    pub fn dom_id(self) -> String {
        match self {
            FieldRef::Organ => "f-organ".into(),
            FieldRef::Year => "f-year".into(),
            FieldRef::DocAgency => "f-doc-agency".into(),
            FieldRef::DocYear => "f-doc-year".into(),
            FieldRef::DocSerial => "f-doc-serial".into(),
            FieldRef::Title => "f-title".into(),
            FieldRef::Opening => "f-opening".into(),
            FieldRef::PartLead(p) => format!("f-part-{p}-lead"),
            FieldRef::SubsectionTitle(id) => format!("f-sub-{id}-title"),
            FieldRef::SubsectionLead(id) => format!("f-sub-{id}-lead"),
            FieldRef::ItemLead(id) => format!("f-item-{id}-lead"),
            FieldRef::ItemDetail(id) => format!("f-item-{id}-detail"),
            FieldRef::Signature => "f-signature".into(),
            FieldRef::Date => "f-date".into(),
            FieldRef::Note => "f-note".into(),
            FieldRef::Ending => "f-ending".into(),
            FieldRef::ItemStyle => "f-item-style".into(),
            FieldRef::Holding => "f-holding".into(),
            FieldRef::Mark => "f-mark".into(),
            FieldRef::Signer => "f-signer".into(),
            FieldRef::CopyTo => "f-copy-to".into(),
            FieldRef::Printer => "f-printer".into(),
        }
    }

    /// The step whose form shows this field.
    pub fn step(self, draft: &Draft) -> Step {
        match self {
            FieldRef::Organ
            | FieldRef::Year
            | FieldRef::DocAgency
            | FieldRef::DocYear
            | FieldRef::DocSerial
            | FieldRef::Title
            | FieldRef::ItemStyle => Step::Header,
            FieldRef::Opening => Step::Opening,
            FieldRef::PartLead(p) => Step::Part(p),
            FieldRef::SubsectionTitle(id) | FieldRef::SubsectionLead(id) => draft
                .subsections()
                .find(|(_, s)| s.id == id)
                .map(|(p, _)| Step::Subsection(p, id))
                .unwrap_or(Step::Header),
            FieldRef::ItemLead(id) | FieldRef::ItemDetail(id) => match item_list(draft, id) {
                Some(ListRef::Part(p)) => Step::Part(p),
                Some(ListRef::Subsection(p, sub)) => Step::Subsection(p, sub),
                None => Step::Header,
            },
            FieldRef::Signature | FieldRef::Date | FieldRef::Note | FieldRef::Ending => {
                Step::Closing
            }
            FieldRef::Holding
            | FieldRef::Mark
            | FieldRef::Signer
            | FieldRef::CopyTo
            | FieldRef::Printer => Step::Output,
        }
    }
}

/// The list an item lives in.
pub fn item_list(draft: &Draft, item: u32) -> Option<ListRef> {
    draft
        .items()
        .find(|(_, i)| i.id == item)
        .map(|(list, _)| list)
}

fn item_by_id(d: &mut Draft, id: u32) -> Option<&mut Item> {
    let list = item_list(d, id)?;
    d.item_mut(list, id)
}

impl Draft {
    /// The text a form field shows. Derived fields (title, signature) show what the writer
    /// typed over the derived value, or nothing; the holding section shows its pieces one
    /// per line.
    pub fn text(&self, field: FieldRef) -> String {
        let item = |id: u32| self.items().find(|(_, i)| i.id == id).map(|(_, i)| i);
        match field {
            FieldRef::Organ => self.header.organ.clone(),
            FieldRef::Year => self.header.year.clone(),
            FieldRef::DocAgency => self.header.doc_number.agency.clone(),
            FieldRef::DocYear => self.header.doc_number.year.clone(),
            FieldRef::DocSerial => self.header.doc_number.serial.clone(),
            FieldRef::Title => self.header.title.clone().unwrap_or_default(),
            FieldRef::Opening => self.opening.clone(),
            FieldRef::PartLead(p) => self
                .parts
                .get(p)
                .map(|x| x.lead.clone())
                .unwrap_or_default(),
            FieldRef::SubsectionTitle(id) => self
                .subsections()
                .find(|(_, s)| s.id == id)
                .map(|(_, s)| s.title.clone())
                .unwrap_or_default(),
            FieldRef::SubsectionLead(id) => self
                .subsections()
                .find(|(_, s)| s.id == id)
                .map(|(_, s)| s.lead.clone())
                .unwrap_or_default(),
            FieldRef::ItemLead(id) => item(id).map(|i| i.lead.clone()).unwrap_or_default(),
            FieldRef::ItemDetail(id) => item(id).map(|i| i.detail.clone()).unwrap_or_default(),
            FieldRef::Signature => self.closing.signature.clone().unwrap_or_default(),
            // What the clerk typed while it is not a date; else the date itself.
            FieldRef::Date => self
                .closing
                .date_input
                .clone()
                .unwrap_or_else(|| self.closing.date.clone()),
            FieldRef::Note => self.closing.note.clone(),
            FieldRef::Ending => self.closing.ending.clone(),
            FieldRef::ItemStyle => self.item_style.key().to_string(),
            FieldRef::Holding => self.holding.join("\n"),
            FieldRef::Mark => self.output.mark.clone(),
            FieldRef::Signer => self.output.signer.clone(),
            FieldRef::CopyTo => self.output.copy_to.clone(),
            FieldRef::Printer => self.output.printer.clone(),
        }
    }

    /// Stores what the writer typed into `field`. Emptying a derived field (title,
    /// signature) gives it back to the derivation. The holding section is read-only here
    /// (it is only cleared as a whole); a field whose item or part is gone is ignored.
    pub fn set_text(&mut self, field: FieldRef, text: String) {
        let derived = |text: String| (!text.trim().is_empty()).then_some(text);
        match field {
            FieldRef::Organ => self.header.organ = text,
            FieldRef::Year => self.header.year = text,
            FieldRef::DocAgency => self.header.doc_number.agency = text,
            FieldRef::DocYear => self.header.doc_number.year = text,
            FieldRef::DocSerial => self.header.doc_number.serial = text,
            FieldRef::Title => self.header.title = derived(text),
            FieldRef::Opening => self.opening = text,
            FieldRef::PartLead(p) => {
                if let Some(part) = self.parts.get_mut(p) {
                    part.lead = text;
                }
            }
            FieldRef::SubsectionTitle(id) => {
                let found = self.subsections().find(|(_, s)| s.id == id).map(|(p, _)| p);
                if let Some(s) = found.and_then(|p| self.subsection_mut(p, id)) {
                    s.title = text;
                }
            }
            FieldRef::SubsectionLead(id) => {
                let found = self.subsections().find(|(_, s)| s.id == id).map(|(p, _)| p);
                if let Some(s) = found.and_then(|p| self.subsection_mut(p, id)) {
                    s.lead = text;
                }
            }
            FieldRef::ItemLead(id) => {
                if let Some(i) = item_by_id(self, id) {
                    i.lead = text;
                }
            }
            FieldRef::ItemDetail(id) => {
                if let Some(i) = item_by_id(self, id) {
                    i.detail = text;
                }
            }
            FieldRef::Signature => self.closing.signature = derived(text),
            // Read as a date (any form a clerk types), kept as typed while it is not one.
            FieldRef::Date => {
                let (iso, typed) = super::date::store_typed(&text);
                self.closing.date = iso;
                self.closing.date_input = typed;
            }
            FieldRef::Note => self.closing.note = text,
            FieldRef::Ending => self.closing.ending = text,
            FieldRef::ItemStyle => {
                if let Some(style) = super::numbering::ItemStyle::from_key(&text) {
                    self.item_style = style;
                }
            }
            FieldRef::Holding => {}
            FieldRef::Mark => self.output.mark = text,
            FieldRef::Signer => self.output.signer = text,
            FieldRef::CopyTo => self.output.copy_to = text,
            FieldRef::Printer => self.output.printer = text,
        }
    }
}

/// Typing as the property tests of what typing recomputes do it.
#[cfg(test)]
pub(crate) mod typing {
    use super::*;

    /// Every field a writer can type into in `d`.
    pub fn typable(d: &Draft) -> Vec<FieldRef> {
        let mut out = vec![
            FieldRef::Organ,
            FieldRef::Year,
            FieldRef::Title,
            FieldRef::Opening,
            FieldRef::Signature,
            FieldRef::Ending,
        ];
        out.extend((0..d.parts.len()).map(FieldRef::PartLead));
        for (_, s) in d.subsections() {
            out.push(FieldRef::SubsectionTitle(s.id));
            out.push(FieldRef::SubsectionLead(s.id));
        }
        for (_, i) in d.items() {
            out.push(FieldRef::ItemLead(i.id));
            out.push(FieldRef::ItemDetail(i.id));
        }
        out
    }

    /// `keystrokes` keystrokes into the typable fields from the `pick`th on: `text` added
    /// at the end, except that the second keystroke empties its field. Returns the fields
    /// typed into, in order.
    pub fn type_some(d: &mut Draft, pick: usize, text: &str, keystrokes: usize) -> Vec<FieldRef> {
        let fields = typable(d);
        (0..keystrokes)
            .map(|k| {
                let field = fields[(pick + k) % fields.len()];
                let mut now = d.text(field);
                now.push_str(text);
                if k == 1 {
                    now.clear();
                }
                d.set_text(field, now);
                field
            })
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::template::builtin_templates;

    /// Every field of a draft with one part of each kind (subsections, items): the
    /// typable ones and the 文头's and 落款's others.
    pub(crate) fn fields(d: &Draft) -> Vec<FieldRef> {
        let mut out = super::typing::typable(d);
        out.extend([
            FieldRef::DocAgency,
            FieldRef::DocYear,
            FieldRef::DocSerial,
            FieldRef::Date,
            FieldRef::Note,
            FieldRef::Mark,
            FieldRef::Signer,
            FieldRef::CopyTo,
            FieldRef::Printer,
        ]);
        out
    }

    #[test]
    fn every_field_reads_back_what_was_set_and_touches_nothing_else() {
        let t = &builtin_templates()[0];
        let base = Draft::new(t);
        let all = fields(&base);
        assert!(all.len() > 14, "parts, subsections and items are covered");
        for (n, field) in all.iter().enumerate() {
            let mut d = base.clone();
            let text = format!("文字{n}");
            d.set_text(*field, text.clone());
            assert_eq!(d.text(*field), text, "{field:?}");
            for other in all.iter().filter(|f| *f != field) {
                assert_eq!(
                    d.text(*other),
                    base.text(*other),
                    "{field:?} changed {other:?}"
                );
            }
            // The form shows the field on the step its finding links to.
            assert_eq!(field.step(&d), field.step(&base));
        }
    }

    #[test]
    fn emptying_a_derived_field_gives_it_back_to_the_derivation() {
        let t = &builtin_templates()[0];
        let mut d = Draft::new(t);
        d.header.organ = "某局".into();
        d.header.year = "2024".into();
        d.set_text(FieldRef::Title, "自拟标题".into());
        d.set_text(FieldRef::Signature, "某局办公室".into());
        assert_eq!(d.title(t), "自拟标题");
        assert_eq!(d.signature(), "某局办公室");
        d.set_text(FieldRef::Title, "  ".into());
        d.set_text(FieldRef::Signature, String::new());
        assert_eq!(
            (d.header.title.clone(), d.closing.signature.clone()),
            (None, None)
        );
        assert_eq!(d.title(t), "某局2024年度法治政府建设情况报告");
        assert_eq!(d.signature(), "某局");
        // An ordinary field keeps blanks as typed.
        d.set_text(FieldRef::Opening, " ".into());
        assert_eq!(d.opening, " ");
    }

    #[test]
    fn fields_of_missing_rows_are_empty_and_ignored() {
        let mut d = Draft::new(&builtin_templates()[0]);
        let before = d.clone();
        for f in [
            FieldRef::ItemLead(999),
            FieldRef::SubsectionTitle(999),
            FieldRef::PartLead(99),
            FieldRef::Holding,
        ] {
            d.set_text(f, "x".into());
            assert_eq!(d.text(f), "");
        }
        assert_eq!(d, before);
        d.holding = vec!["甲".into(), "乙".into()];
        assert_eq!(d.text(FieldRef::Holding), "甲\n乙");
    }

    #[test]
    fn items_walk_every_list_in_document_order() {
        let mut d = Draft::new(&builtin_templates()[0]);
        let sub = d.parts[0].subsections[0].id;
        let first = d.parts[0].subsections[0].items[0].id;
        let added = d.add_item(ListRef::Part(1), None).unwrap();
        let walked: Vec<(ListRef, u32)> = d.items().map(|(l, i)| (l, i.id)).collect();
        assert_eq!(walked.first(), Some(&(ListRef::Subsection(0, sub), first)));
        assert!(walked.contains(&(ListRef::Part(1), added)));
        let count = d
            .parts
            .iter()
            .map(|p| p.items.len() + p.subsections.iter().map(|s| s.items.len()).sum::<usize>())
            .sum::<usize>();
        assert_eq!(walked.len(), count);
        assert_eq!(item_list(&d, added), Some(ListRef::Part(1)));
        assert_eq!(item_list(&d, 999), None);
    }

    #[test]
    fn the_date_field_reads_typed_dates_and_keeps_what_is_not_one() {
        let mut d = Draft::default();
        d.set_text(FieldRef::Date, "2023年2月17日".into());
        assert_eq!(
            (d.closing.date.as_str(), d.closing.date_input.as_deref()),
            ("2023-02-17", None)
        );
        assert_eq!(d.text(FieldRef::Date), "2023-02-17");
        d.set_text(FieldRef::Date, "2023年2月30日".into());
        assert_eq!(d.closing.date, "");
        assert_eq!(d.text(FieldRef::Date), "2023年2月30日");
    }
}
