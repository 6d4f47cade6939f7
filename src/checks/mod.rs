//! Checks a reviewer would make, run on every change. Each finding has a severity, a
//! Chinese message, and the field it is about, so the UI can jump there. Rules:
//! GB/T 9704-2012 《党政机关公文格式》 and 《法治政府建设与责任落实督察工作规定》 (2019),
//! article 25 (the five statutory items); see README "The report's rules".

pub mod carried_over;
mod format;
mod statutory;
mod writing;

pub use statutory::{apply_fix, statutory_coverage, Coverage, Fix, STATUTORY_ITEMS};
pub use writing::{leading_number_word, text_fields};

use crate::model::field::FieldRef;
use crate::model::{Draft, Template};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Hint,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "注意",
            Severity::Hint => "提示",
        }
    }
    pub fn css(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Stable identifier of the rule, for tests and for styling.
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub field: FieldRef,
    /// A one-click repair, where there is one.
    pub fix: Option<Fix>,
}

impl Finding {
    fn new(
        code: &'static str,
        severity: Severity,
        field: FieldRef,
        message: impl Into<String>,
    ) -> Finding {
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
    let mut out = Vec::new();
    format::check(draft, &mut out);
    writing::check(template, draft, &mut out);
    statutory::check(template, draft, &mut out);
    carried_over::check(draft, &mut out);
    out.sort_by_key(|f| f.severity);
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
