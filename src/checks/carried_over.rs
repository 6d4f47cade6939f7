//! 照搬去年: sentences of this year's draft that are last year's, unchanged or with only
//! the years changed. Last year's text is kept with the draft when it was imported or made
//! by 复制为下一年 (`Draft::last_year`); the clerk sees, per field and in total, what is
//! still last year's, so it is rewritten on purpose.

use std::collections::HashSet;

use super::writing::text_fields;
use super::{Code, Finding, Severity};
use crate::model::field::FieldRef;
use crate::model::Draft;

/// Sentences shorter than this (in characters, numbering and spaces aside) are not
/// counted: "无。" or "特此报告。" are the same every year by nature.
const MIN_CHARS: usize = 12;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carried {
    /// Word for word as last year.
    Same,
    /// As last year except for the years (2023 → 2024).
    YearsOnly,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CarriedSentence {
    pub field: FieldRef,
    pub sentence: String,
    pub kind: Carried,
}

/// The sentences of a text: split after 。！？； and at line ends, trimmed.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n') {
            let end = i + c.len_utf8();
            let s = text[start..end].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = end;
        }
    }
    let s = text[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

/// A sentence for comparison: no white space, no numbering word at its start, final
/// punctuation dropped; with `mask_years`, every four-digit year written as "#".
fn key(sentence: &str, mask_years: bool) -> String {
    let mut s: String = sentence
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect();
    if let Some((m, rest)) = crate::parse::markers::marker(&s) {
        let _ = m;
        s = rest.to_string();
    }
    let s = s.trim_end_matches(['。', '！', '？', '；', '!', '?', ';', '，', ',']);
    if !mask_years {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let year = i + 4 <= chars.len()
            && chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && (chars[i] == '1' || chars[i] == '2')
            && !chars.get(i + 4).is_some_and(|c| c.is_ascii_digit())
            && !(i > 0 && chars[i - 1].is_ascii_digit());
        if year {
            out.push('#');
            i += 4;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

fn counted(sentence: &str) -> bool {
    key(sentence, false).chars().count() >= MIN_CHARS
}

/// Every sentence of the draft's text that is last year's, in document order.
pub fn carried_over(draft: &Draft) -> Vec<CarriedSentence> {
    if draft.last_year.trim().is_empty() {
        return vec![];
    }
    let last = sentences(&draft.last_year);
    let same: HashSet<String> = last.iter().map(|s| key(s, false)).collect();
    let masked: HashSet<String> = last.iter().map(|s| key(s, true)).collect();
    let mut out = Vec::new();
    for (field, text) in text_fields(draft) {
        for s in sentences(text) {
            if !counted(s) {
                continue;
            }
            let kind = if same.contains(&key(s, false)) {
                Carried::Same
            } else if masked.contains(&key(s, true)) {
                Carried::YearsOnly
            } else {
                continue;
            };
            out.push(CarriedSentence {
                field,
                sentence: s.to_string(),
                kind,
            });
        }
    }
    out
}

/// The findings: one with the total, then one per field naming its sentences.
pub fn check(draft: &Draft, out: &mut Vec<Finding>) {
    let found = carried_over(draft);
    let Some(first) = found.first() else {
        return;
    };
    let years = found
        .iter()
        .filter(|c| c.kind == Carried::YearsOnly)
        .count();
    out.push(Finding::new(
        Code::CarriedOverTotal,
        Severity::Hint,
        first.field,
        crate::strings::carried_over_total(found.len(), years),
    ));
    let mut fields: Vec<FieldRef> = Vec::new();
    for c in &found {
        if !fields.contains(&c.field) {
            fields.push(c.field);
        }
    }
    for field in fields {
        let here: Vec<&CarriedSentence> = found.iter().filter(|c| c.field == field).collect();
        let years = here.iter().filter(|c| c.kind == Carried::YearsOnly).count();
        out.push(Finding::new(
            Code::CarriedOver,
            Severity::Hint,
            field,
            crate::strings::carried_over_field(here.len(), years, &here[0].sentence),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::builtin_templates;

    fn draft() -> Draft {
        let mut d = Draft::new(&builtin_templates()[0]);
        d.header.year = "2023".into();
        d.opening =
            "2023年，我局坚持以习近平法治思想为指导，全面推进依法行政。现将有关情况报告如下："
                .into();
        d.parts[0].subsections[0].items[0].lead = "积极落实法治政府建设第一责任人职责。".into();
        d.parts[0].subsections[0].items[0].detail =
            "全年召开专题会议4次，研究解决法治建设重大问题。".into();
        d
    }

    #[test]
    fn sentences_kept_unchanged_or_with_new_years_are_counted() {
        let mut d = draft();
        assert!(
            carried_over(&d).is_empty(),
            "no last year's text: nothing to compare"
        );
        assert!(d.advance_year(), "复制为下一年 keeps last year's text");
        assert!(!d.last_year.is_empty());
        // Nothing rewritten yet: every long sentence is last year's (现将有关情况报告如下：
        // is too short to count).
        let all = carried_over(&d);
        assert_eq!(all.len(), 3, "{all:#?}");
        assert!(all.iter().all(|c| c.kind == Carried::Same));
        // The clerk moves the year on in the opening and rewrites the detail.
        d.opening = d.opening.replace("2023年", "2024年");
        d.parts[0].subsections[0].items[0].detail =
            "全年召开专题会议6次，首次开展述法评议。".into();
        let now = carried_over(&d);
        let kinds: Vec<(FieldRef, Carried)> = now.iter().map(|c| (c.field, c.kind)).collect();
        let item = d.parts[0].subsections[0].items[0].id;
        assert_eq!(
            kinds,
            [
                (FieldRef::Opening, Carried::YearsOnly),
                (FieldRef::ItemLead(item), Carried::Same),
            ]
        );
        let mut findings = Vec::new();
        check(&d, &mut findings);
        assert_eq!(findings[0].code, Code::CarriedOverTotal);
        assert_eq!(
            findings[0].message,
            "与去年报告相同的句子：2 句（其中 1 句仅年份不同），请按今年的情况改写。"
        );
        assert_eq!(findings.len(), 3, "the total, then one per field");
    }

    #[test]
    fn short_sentences_and_numbering_do_not_count() {
        let mut d = draft();
        d.last_year = "无。\n一是积极落实法治政府建设第一责任人职责。".into();
        d.parts[1].items[0].lead = "无。".into();
        let found = carried_over(&d);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].sentence, "积极落实法治政府建设第一责任人职责。");
    }

    #[test]
    fn an_imported_report_is_last_years_text() {
        let raw = include_str!("../../tests/fixtures/sample-raw.txt");
        let (d, _) = crate::parse::import(raw);
        let found = carried_over(&d);
        assert!(
            found.len() > 30,
            "every sentence of the import is last year's: {}",
            found.len()
        );
    }
}
