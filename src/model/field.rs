//! Names for every form field, shared by the components (as DOM ids) and the checks
//! (as link targets), so a finding always lands on the field it is about.

use super::draft::{Draft, ListRef};
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
    ItemLead(u32),
    ItemDetail(u32),
    Signature,
    Date,
    Note,
    /// The holding section of imported text that found no place (shown on the output step).
    Holding,
}

impl FieldRef {
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
            FieldRef::ItemLead(id) => format!("f-item-{id}-lead"),
            FieldRef::ItemDetail(id) => format!("f-item-{id}-detail"),
            FieldRef::Signature => "f-signature".into(),
            FieldRef::Date => "f-date".into(),
            FieldRef::Note => "f-note".into(),
            FieldRef::Holding => "f-holding".into(),
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
            | FieldRef::Title => Step::Header,
            FieldRef::Opening => Step::Opening,
            FieldRef::PartLead(p) => Step::Part(p),
            FieldRef::SubsectionTitle(id) => draft
                .parts
                .iter()
                .enumerate()
                .find(|(_, part)| part.subsections.iter().any(|s| s.id == id))
                .map(|(p, _)| Step::Subsection(p, id))
                .unwrap_or(Step::Header),
            FieldRef::ItemLead(id) | FieldRef::ItemDetail(id) => match item_list(draft, id) {
                Some(ListRef::Part(p)) => Step::Part(p),
                Some(ListRef::Subsection(p, sub)) => Step::Subsection(p, sub),
                None => Step::Header,
            },
            FieldRef::Signature | FieldRef::Date | FieldRef::Note => Step::Closing,
            FieldRef::Holding => Step::Output,
        }
    }
}

/// The list an item lives in.
pub fn item_list(draft: &Draft, item: u32) -> Option<ListRef> {
    for (p, part) in draft.parts.iter().enumerate() {
        if part.items.iter().any(|i| i.id == item) {
            return Some(ListRef::Part(p));
        }
        for sub in &part.subsections {
            if sub.items.iter().any(|i| i.id == item) {
                return Some(ListRef::Subsection(p, sub.id));
            }
        }
    }
    None
}
