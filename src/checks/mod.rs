//! Checks a reviewer would make, run on every change. Each finding has a severity, a
//! Chinese message, and the field it is about, so the UI can jump there. Rules:
//! GB/T 9704-2012 《党政机关公文格式》 and 《法治政府建设与责任落实督察工作规定》 (2019),
//! article 25 (the five statutory items); see README "The report's rules".

pub mod carried_over;
mod format;
mod statutory;
mod writing;

pub use statutory::{apply_fix, statutory_coverage, Coverage, CoverageState, Fix, STATUTORY_ITEMS};
pub use writing::{leading_number_word, text_fields};

use crate::model::field::FieldRef;
use crate::model::{Draft, Template};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    /// Not wrong, just not written yet (a new draft is all of these, not a warning).
    ToFill,
    Hint,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => crate::strings::SEVERITY_ERROR,
            Severity::Warning => crate::strings::SEVERITY_WARNING,
            Severity::ToFill => crate::strings::SEVERITY_TO_FILL,
            Severity::Hint => crate::strings::SEVERITY_HINT,
        }
    }
    pub fn css(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::ToFill => "to-fill",
            Severity::Hint => "hint",
        }
    }
}

/// Which rule a finding comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    OrganMissing,
    YearMissing,
    DocNumberAgency,
    DocNumberSerial,
    DocNumberSerialMissing,
    DocNumberLeadingZero,
    DocNumberYear,
    ReportingYear,
    DateMissing,
    DateInvalid,
    DocYearVsDate,
    DateVsReportingYear,
    DateAfterPublicationDeadline,
    DateAfterDeadline,
    SectionEmpty,
    HoldingNotEmpty,
    OpeningShort,
    ItemDuplicate,
    NumberTyped,
    SubsectionTitlePunctuation,
    SubsectionTitleLong,
    RequestInReport,
    HalfWidthPunctuation,
    InvisibleCharacters,
    OpeningYear,
    StatutoryFirstResponsibility,
    CarriedOverTotal,
    CarriedOver,
}

impl Code {
    /// Stable text form, for tests and for styling.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::OrganMissing => "organ-missing",
            Code::YearMissing => "year-missing",
            Code::DocNumberAgency => "doc-number-agency",
            Code::DocNumberSerial => "doc-number-serial",
            Code::DocNumberSerialMissing => "doc-number-serial-missing",
            Code::DocNumberLeadingZero => "doc-number-leading-zero",
            Code::DocNumberYear => "doc-number-year",
            Code::ReportingYear => "reporting-year",
            Code::DateMissing => "date-missing",
            Code::DateInvalid => "date-invalid",
            Code::DocYearVsDate => "doc-year-vs-date",
            Code::DateVsReportingYear => "date-vs-reporting-year",
            Code::DateAfterPublicationDeadline => "date-after-publication-deadline",
            Code::DateAfterDeadline => "date-after-deadline",
            Code::SectionEmpty => "section-empty",
            Code::HoldingNotEmpty => "holding-not-empty",
            Code::OpeningShort => "opening-short",
            Code::ItemDuplicate => "item-duplicate",
            Code::NumberTyped => "number-typed",
            Code::SubsectionTitlePunctuation => "subsection-title-punctuation",
            Code::SubsectionTitleLong => "subsection-title-long",
            Code::RequestInReport => "request-in-report",
            Code::HalfWidthPunctuation => "half-width-punctuation",
            Code::InvisibleCharacters => "invisible-characters",
            Code::OpeningYear => "opening-year",
            Code::StatutoryFirstResponsibility => "statutory-first-responsibility",
            Code::CarriedOverTotal => "carried-over-total",
            Code::CarriedOver => "carried-over",
        }
    }
}

impl Code {
    /// Findings that only say a field or section is still blank: listed in the review and
    /// counted in the badge, not repeated above the blank field itself.
    pub fn only_in_review(self) -> bool {
        matches!(
            self,
            Code::SectionEmpty | Code::OrganMissing | Code::YearMissing | Code::DateMissing
        )
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The rule that found it.
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub field: FieldRef,
    /// A one-click repair, where there is one.
    pub fix: Option<Fix>,
}

impl Finding {
    fn new(code: Code, severity: Severity, field: FieldRef, message: impl Into<String>) -> Finding {
        Finding {
            code,
            severity,
            message: message.into(),
            field,
            fix: None,
        }
    }
}

/// Every finding for the draft, most severe first, then in document order.
pub fn check(template: &Template, draft: &Draft) -> Vec<Finding> {
    merge(&quick(draft), &thorough(template, draft))
}

/// The checks of the 文头 and the 成文日期: a handful of short fields, so cheap enough to
/// run on every keystroke.
pub fn quick(draft: &Draft) -> Vec<Finding> {
    let mut out = Vec::new();
    format::check(draft, &mut out);
    out
}

/// The checks that read the whole report's text (writing, the statutory items, 照搬去年):
/// the editor runs them once typing rests.
pub fn thorough(template: &Template, draft: &Draft) -> Vec<Finding> {
    let mut out = Vec::new();
    writing::check(template, draft, &mut out);
    statutory::check(template, draft, &mut out);
    carried_over::check(draft, &mut out);
    out
}

/// [`quick`] and [`thorough`] findings together, as [`check`] orders them.
pub fn merge(quick: &[Finding], thorough: &[Finding]) -> Vec<Finding> {
    let mut out: Vec<Finding> = quick.iter().chain(thorough).cloned().collect();
    crate::sort::sort_by(&mut out, |a, b| a.severity.cmp(&b.severity));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::builtin_templates;

    #[test]
    fn severities_sort_errors_first() {
        let t = &builtin_templates()[0];
        let mut d = Draft::new(t);
        d.header.doc_number.agency = "某发".into();
        d.header.doc_number.serial = "05".into();
        d.opening = "请批准。".into();
        let found = check(t, &d);
        assert!(found.windows(2).all(|w| w[0].severity <= w[1].severity));
        assert_eq!(found[0].severity, Severity::Error);
    }
}
