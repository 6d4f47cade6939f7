//! Writing rules: empty or very short sections, the same item twice, numbering typed by
//! hand, a request (请示事项) inside a report, half-width punctuation in Chinese text.

use std::collections::HashMap;

use super::{Code, Finding, Severity};
use crate::model::field::FieldRef;
use crate::model::numbering::{leading_numerals, subsection_marker};
use crate::model::step::{self, Step, StepStatus};
use crate::model::{Draft, Template};
use crate::render::{count_chars, is_bidi_control, is_invisible};

/// Below this many characters a paragraph-sized field is probably unfinished.
const SHORT_OPENING: usize = 40;
/// Longer than this, a 小节's title reads as a paragraph pasted into the wrong field (real
/// titles run 8 to 25 characters: "加强组织领导，推进依法行政能力建设").
const SUBSECTION_TITLE_MAX: usize = 40;

/// Every free-text field with its text, in document order.
pub fn text_fields(draft: &Draft) -> Vec<(FieldRef, &str)> {
    let mut out: Vec<(FieldRef, &str)> = Vec::new();
    if let Some(t) = &draft.header.title {
        out.push((FieldRef::Title, t));
    }
    out.push((FieldRef::Opening, &draft.opening));
    for (p, part) in draft.parts.iter().enumerate() {
        out.extend(part_text_fields(p, part));
    }
    if let Some(s) = &draft.closing.signature {
        out.push((FieldRef::Signature, s));
    }
    out.push((FieldRef::Note, &draft.closing.note));
    out.push((FieldRef::Ending, &draft.closing.ending));
    out
}

/// A part's free-text fields in document order: lead, subsections, items.
pub fn part_text_fields(p: usize, part: &crate::model::draft::Part) -> Vec<(FieldRef, &str)> {
    let mut out: Vec<(FieldRef, &str)> = vec![(FieldRef::PartLead(p), &part.lead)];
    for sub in &part.subsections {
        out.push((FieldRef::SubsectionTitle(sub.id), &sub.title));
        out.push((FieldRef::SubsectionLead(sub.id), &sub.lead));
        out.extend(sub.items.iter().flat_map(item_fields));
    }
    out.extend(part.items.iter().flat_map(item_fields));
    out
}

fn item_fields(i: &crate::model::draft::Item) -> [(FieldRef, &str); 2] {
    [
        (FieldRef::ItemLead(i.id), i.lead.as_str()),
        (FieldRef::ItemDetail(i.id), i.detail.as_str()),
    ]
}

/// Words that make a text a request for approval, which belongs in a 请示, not a 报告.
const REQUEST_WORDS: &[&str] = &[
    "请批准",
    "请批示",
    "请审批",
    "请予批准",
    "请予审批",
    "妥否",
    "当否",
    "特此请示",
    "请核准",
    "请审定",
];

/// The first request word in `text`. Each holds 请 or 否: one scan for those two is a cheap
/// pre-filter (most fields hold neither; 申请, 提请 and 是否 do, and are then searched), where
/// a 50 000-character report's checks ran ten searches over every field on each rest.
fn request_word(text: &str) -> Option<&'static str> {
    if !text.contains(['请', '否']) {
        return None;
    }
    REQUEST_WORDS.iter().copied().find(|w| text.contains(w))
}

/// A numbering word at the start of a text: 一是 / （三） / 一方面 / 1. / （1）.
pub fn leading_number_word(text: &str) -> Option<String> {
    let t = text.trim_start();
    let numerals = "一二三四五六七八九十";
    let head = leading_numerals(t);
    if !head.is_empty() {
        let rest = &t[head.len()..];
        for tail in ["是", "、", "方面"] {
            if rest.starts_with(tail) {
                return Some(format!("{head}{tail}"));
            }
        }
    }
    if t.starts_with("另一方面") {
        return Some("另一方面".into());
    }
    for open in ['（', '('] {
        if let Some(rest) = t.strip_prefix(open) {
            let inner: String = rest
                .chars()
                .take_while(|c| numerals.contains(*c) || c.is_ascii_digit())
                .collect();
            if !inner.is_empty() && rest[inner.len()..].starts_with(['）', ')']) {
                return Some(format!(
                    "{open}{inner}{}",
                    &rest
                        [inner.len()..inner.len() + rest[inner.len()..].chars().next()?.len_utf8()]
                ));
            }
        }
    }
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() && digits.len() <= 2 && t[digits.len()..].starts_with(['.', '．', '、'])
    {
        return Some(t[..digits.len() + t[digits.len()..].chars().next()?.len_utf8()].to_string());
    }
    None
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
}

/// The first half-width punctuation mark that touches a Chinese character. The marks are
/// ASCII, so the text's bytes are scanned and only a mark's neighbours decoded: the whole-
/// text checks run this over every field (50 000 characters in a long report).
pub fn half_width_in_chinese(text: &str) -> Option<char> {
    text.bytes().enumerate().find_map(|(i, b)| {
        if !matches!(b, b',' | b';' | b':' | b'?' | b'!' | b'(' | b')') {
            return None;
        }
        let before = text[..i].chars().next_back();
        let after = text[i + 1..].chars().next();
        (before.is_some_and(is_han) || after.is_some_and(is_han)).then_some(b as char)
    })
}

fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        other => other,
    }
}

pub fn check(template: &Template, draft: &Draft, out: &mut Vec<Finding>) {
    // Empty and very short sections.
    for s in step::steps(template, draft) {
        if matches!(s, Step::Output | Step::Header | Step::Closing) {
            continue;
        }
        // 其他需要报告的情况 is optional: empty is fine.
        if let Step::Part(p) = s {
            if template.parts.get(p).is_some_and(|spec| spec.covers == [5]) {
                continue;
            }
        }
        if step::status(template, draft, s) == StepStatus::Empty {
            let field = first_field(draft, s);
            let name = step::title(template, draft, s);
            out.push(Finding::new(
                Code::SectionEmpty,
                Severity::ToFill,
                field,
                format!("“{name}”尚未填写。"),
            ));
        } else if let Step::Subsection(p, id) = s {
            // A titled 小节 with nothing under it would print as a bare heading.
            let sub = draft.subsection(p, id);
            if let Some(sub) = sub
                .filter(|x| x.lead.trim().is_empty())
                .filter(|x| x.items.iter().all(|i| i.is_empty()))
            {
                let field = sub
                    .items
                    .first()
                    .map_or(FieldRef::SubsectionTitle(id), |i| FieldRef::ItemLead(i.id));
                out.push(Finding::new(
                    Code::SectionEmpty,
                    Severity::ToFill,
                    field,
                    crate::strings::subsection_without_text(&step::title(template, draft, s)),
                ));
            }
        }
    }
    if !draft.holding.is_empty() {
        out.push(Finding::new(
            Code::HoldingNotEmpty,
            Severity::Warning,
            FieldRef::Holding,
            format!("导入时有{}段内容未能归类，暂存在“生成报告”一步，不会出现在报告中。请移到合适的位置后清空。", draft.holding.len()),
        ));
    }
    // The opening names the year it reports on first ("2022年，我局……"): another year there
    // is last year's text not yet brought forward (年份前移 leaves the body as it was).
    if let (Some(written), Some(reporting)) =
        (leading_year(&draft.opening), draft.header.reporting_year())
    {
        if written != reporting {
            out.push(Finding::new(
                Code::OpeningYear,
                Severity::Warning,
                FieldRef::Opening,
                crate::strings::opening_year(written, reporting),
            ));
        }
    }
    let opening = count_chars(&draft.opening);
    if opening > 0 && opening < SHORT_OPENING {
        out.push(Finding::new(
            Code::OpeningShort,
            Severity::Hint,
            FieldRef::Opening,
            format!("开头段只有{opening}字，通常应概述全年总体情况，并以“现将……报告如下：”结尾。"),
        ));
    }

    // The same item twice.
    let mut seen: HashMap<String, u32> = HashMap::new();
    for part in &draft.parts {
        let items = part
            .items
            .iter()
            .chain(part.subsections.iter().flat_map(|s| s.items.iter()));
        for item in items.filter(|i| !i.is_empty()) {
            let key: String = format!("{}{}", item.lead, item.detail)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if seen.insert(key, item.id).is_some() {
                out.push(Finding::new(
                    Code::ItemDuplicate,
                    Severity::Warning,
                    FieldRef::ItemLead(item.id),
                    "这一条与前面某一条内容完全相同，可能是重复粘贴。",
                ));
            }
        }
    }

    check_invisible(draft, out);

    for (field, text) in text_fields(draft) {
        // Numbering typed by hand: the tool writes it, so it would print twice.
        if matches!(
            field,
            FieldRef::SubsectionTitle(_)
                | FieldRef::ItemLead(_)
                | FieldRef::ItemDetail(_)
                | FieldRef::PartLead(_)
        ) {
            let item_detail_after_lead =
                matches!(field, FieldRef::ItemDetail(id) if item_lead_filled(draft, id));
            if let Some(word) = leading_number_word(text).filter(|_| !item_detail_after_lead) {
                let what = if matches!(field, FieldRef::SubsectionTitle(_)) {
                    subsection_marker(0)
                } else {
                    "一是".into()
                };
                out.push(Finding::new(
                    Code::NumberTyped,
                    Severity::Warning,
                    field,
                    format!("开头的“{word}”是手工输入的编号。编号（如“{what}”）由工具自动生成，请删去，否则会重复。"),
                ));
            }
        }
        // A subsection title is a heading: short (a paragraph pasted into it reads as one),
        // with no full stop at its end (the template's guidance).
        if let FieldRef::SubsectionTitle(_) = field {
            let chars = count_chars(text);
            let mark = text
                .trim_end()
                .chars()
                .last()
                .filter(|c| "。.；;，,：:".contains(*c));
            if chars > SUBSECTION_TITLE_MAX {
                out.push(Finding::new(
                    Code::SubsectionTitleLong,
                    Severity::Warning,
                    field,
                    crate::strings::subsection_title_long(chars),
                ));
            }
            if let Some(mark) = mark {
                out.push(Finding::new(
                    Code::SubsectionTitlePunctuation,
                    Severity::Warning,
                    field,
                    format!(
                        "小节标题“{}”末尾有标点“{mark}”：小节标题是标题，末尾不加标点，请删去。",
                        text.trim()
                    ),
                ));
            }
        }
        // A request inside a report.
        if let Some(word) = request_word(text) {
            out.push(Finding::new(
                Code::RequestInReport,
                Severity::Error,
                field,
                format!("报告中出现了“{word}”：报告不得夹带请示事项，需要批准的事项应另行请示。"),
            ));
        }
        // Half-width punctuation in Chinese text.
        if let Some(c) = half_width_in_chinese(text) {
            out.push(Finding::new(
                Code::HalfWidthPunctuation,
                Severity::Hint,
                field,
                format!("中文中使用了半角标点“{c}”，应为全角“{}”。", full_width(c)),
            ));
        }
    }
}

/// The year an opening is about, when it starts the way a year's summary does: four ASCII
/// digits, 年 or 年度, then a comma or 是 ("2022年，我局……", "2022 年度，", "2022年是……").
/// A span, a list or a point in a year ("2018年以来", "2022年度、2023年度", "2022年下半年")
/// names no year of the report: not read.
fn leading_year(text: &str) -> Option<i32> {
    let t = text.trim_start();
    let digits = t.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let after = t[4..].trim_start().strip_prefix('年')?;
    let after = after.strip_prefix('度').unwrap_or(after);
    if !after.starts_with(['，', ',', '是']) {
        return None;
    }
    digits.parse().ok()
}

/// Invisible characters (see [`is_invisible`]) in `text`: how many, the (up to 8) visible
/// characters before the first (or more, not to start inside a number or Latin word), and
/// whether any is a bidirectional control.
fn invisible_in(text: &str) -> Option<(usize, String, bool)> {
    let first = text.find(is_invisible)?;
    let before: Vec<char> = text[..first]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let word = |i: usize| before[i].is_ascii_alphanumeric();
    let mut start = before.len().saturating_sub(8);
    while start > 0 && word(start - 1) && word(start) {
        start -= 1;
    }
    let before: String = before[start..].iter().collect();
    let count = text.chars().filter(|c| is_invisible(*c)).count();
    Some((count, before, text.chars().any(is_bidi_control)))
}

/// Invisible characters in the 文头's and 成文日期's fields, every free-text field and the
/// output step's 红头 and 版记 fields while they are used: they go into the copied text
/// and the .docx as they are, and U+202E shows what follows it reversed.
fn check_invisible<'a>(draft: &'a Draft, out: &mut Vec<Finding>) {
    let (h, o) = (&draft.header, &draft.output);
    // The 红头's and 版记's fields only while they are used (and shown).
    let used = |on: bool, text: &'a String| if on { text.as_str() } else { "" };
    let red = matches!(o.masthead, crate::model::draft::Masthead::Red);
    let fields = [
        (FieldRef::Organ, h.organ.as_str()),
        (FieldRef::Year, &h.year),
        (FieldRef::DocAgency, &h.doc_number.agency),
        (FieldRef::DocYear, &h.doc_number.year),
        (FieldRef::DocSerial, &h.doc_number.serial),
        (FieldRef::Mark, used(red, &o.mark)),
        (FieldRef::Signer, used(red, &o.signer)),
        (FieldRef::CopyTo, used(o.imprint, &o.copy_to)),
        (FieldRef::Printer, used(o.imprint, &o.printer)),
        (
            FieldRef::Date,
            draft.closing.date_input.as_deref().unwrap_or_default(),
        ),
    ];
    for (field, text) in fields.into_iter().chain(text_fields(draft)) {
        if let Some((count, before, bidi)) = invisible_in(text) {
            out.push(Finding {
                fix: Some(super::Fix::RemoveInvisible(field)),
                ..Finding::new(
                    Code::InvisibleCharacters,
                    Severity::Warning,
                    field,
                    crate::strings::invisible_characters(&before, count, bidi),
                )
            });
        }
    }
}

fn item_lead_filled(draft: &Draft, id: u32) -> bool {
    draft
        .parts
        .iter()
        .flat_map(|p| {
            p.items
                .iter()
                .chain(p.subsections.iter().flat_map(|s| s.items.iter()))
        })
        .any(|i| i.id == id && !i.lead.trim().is_empty())
}

/// The field to jump to for a step as a whole.
fn first_field(draft: &Draft, s: Step) -> FieldRef {
    match s {
        Step::Opening => FieldRef::Opening,
        Step::Part(p) => {
            let part = draft.parts.get(p);
            match part.and_then(|x| x.subsections.first()) {
                Some(sub) => FieldRef::SubsectionTitle(sub.id),
                None => part
                    .and_then(|x| x.items.first())
                    .map(|i| FieldRef::ItemLead(i.id))
                    .unwrap_or(FieldRef::PartLead(p)),
            }
        }
        Step::Subsection(p, id) => draft
            .subsection(p, id)
            .map(|_| FieldRef::SubsectionTitle(id))
            .unwrap_or(FieldRef::Opening),
        _ => FieldRef::Organ,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::builtin_templates;

    fn findings(d: &Draft) -> Vec<Finding> {
        let mut out = Vec::new();
        check(&builtin_templates()[0], d, &mut out);
        out
    }

    /// The findings of rule `code`.
    fn with_code(d: &Draft, code: Code) -> Vec<Finding> {
        findings(d).into_iter().filter(|f| f.code == code).collect()
    }

    #[test]
    fn every_request_word_holds_one_of_the_scanned_characters() {
        for w in REQUEST_WORDS {
            assert!(w.contains(['请', '否']), "{w}");
            assert_eq!(request_word(&format!("以上，{w}。")), Some(*w));
        }
        assert_eq!(
            request_word("请各单位认真落实，是否到位由督查组检查。"),
            None
        );
    }

    fn filled() -> Draft {
        let t = &builtin_templates()[0];
        let mut d = Draft::new(t);
        d.opening = "2022年，我局在市委、市政府的正确领导下，坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政。现将有关情况报告如下：".into();
        d.parts[0].subsections[0].title = "加强组织领导".into();
        d.parts[0].subsections[0].items[0].lead = "落实第一责任人职责".into();
        d.parts[1].lead = "存在一些不足。".into();
        d.parts[1].items[0].lead = "学法意识不强".into();
        d.parts[1].items[1].lead = "宣传形式单一".into();
        d.parts[2].lead = "明年将继续努力。".into();
        for (n, item) in d.parts[2].items.iter_mut().enumerate() {
            item.lead = format!("计划{n}");
        }
        d
    }

    #[test]
    fn a_complete_clean_draft_is_silent() {
        assert_eq!(findings(&filled()), vec![]);
    }

    #[test]
    fn empty_sections_are_listed() {
        let d = Draft::new(&builtin_templates()[0]);
        let empty: Vec<_> = with_code(&d, Code::SectionEmpty);
        assert_eq!(empty.len(), 5, "开头段, 一、, （一）, 二、, 三、");
    }

    #[test]
    fn a_titled_subsection_with_nothing_under_it_is_to_fill() {
        let mut d = filled();
        let id = d.add_subsection(0, "推进依法行政".into()).unwrap();
        let first_item = d.subsection(0, id).unwrap().items.first().map(|i| i.id);
        let to_fill: Vec<_> = with_code(&d, Code::SectionEmpty);
        assert_eq!(to_fill.len(), 1, "{to_fill:?}");
        assert_eq!(to_fill[0].severity, Severity::ToFill);
        assert!(
            to_fill[0].message.contains("推进依法行政”只有标题"),
            "{}",
            to_fill[0].message
        );
        assert_eq!(
            to_fill[0].field,
            first_item.map_or(FieldRef::SubsectionTitle(id), FieldRef::ItemLead)
        );
        // Its opening sentence alone is text under the heading: nothing to say.
        d.parts[0].subsections[1].lead = "全面推行行政执法三项制度。".into();
        assert_eq!(findings(&d), vec![]);
        // An untitled, empty one is "not written yet" as before, once.
        d.parts[0].subsections[1].lead.clear();
        d.parts[0].subsections[1].title.clear();
        let empty: Vec<_> = findings(&d).into_iter().map(|f| f.message).collect();
        assert_eq!(empty.len(), 1, "{empty:?}");
        assert!(empty[0].ends_with("尚未填写。"), "{empty:?}");
    }

    #[test]
    fn a_paragraph_in_a_subsection_title_is_pointed_out() {
        let mut d = filled();
        let id = d.parts[0].subsections[0].id;
        d.parts[0].subsections[0].title = "加强组织领导推进依法行政".repeat(4) + "。";
        let long: Vec<_> = with_code(&d, Code::SubsectionTitleLong);
        assert_eq!(long.len(), 1);
        assert_eq!(long[0].field, FieldRef::SubsectionTitle(id));
        assert!(long[0].message.contains("有49字"), "{}", long[0].message);
        // Its full stop is pointed out too.
        assert_eq!(
            findings(&d).iter().map(|f| f.code).collect::<Vec<_>>(),
            [Code::SubsectionTitleLong, Code::SubsectionTitlePunctuation]
        );
        // 40 characters is still a title.
        d.parts[0].subsections[0].title =
            "加强组织领导推进依法行政能力建设".repeat(2) + "强化权力监督制约";
        assert_eq!(count_chars(&d.parts[0].subsections[0].title), 40);
        assert_eq!(findings(&d), vec![]);
    }

    #[test]
    fn duplicates_numbers_requests_and_punctuation() {
        let mut d = filled();
        d.parts[2].items[1].lead = "计划0".into();
        d.parts[1].items[0].lead = "一是学法意识不强".into();
        d.parts[0].subsections[0].title = "（一）加强组织领导".into();
        d.parts[1].lead = "妥否，请批示。".into();
        d.closing.note = "(此件公开发布)".into();
        let codes: Vec<_> = findings(&d)
            .into_iter()
            .map(|f| (f.code.as_str(), f.field))
            .collect();
        let id = |p: usize, i: usize| d.parts[p].items[i].id;
        assert!(
            codes.contains(&("item-duplicate", FieldRef::ItemLead(id(2, 1)))),
            "{codes:?}"
        );
        assert!(codes.contains(&("number-typed", FieldRef::ItemLead(id(1, 0)))));
        assert!(codes.contains(&(
            "number-typed",
            FieldRef::SubsectionTitle(d.parts[0].subsections[0].id)
        )));
        assert!(codes.contains(&("request-in-report", FieldRef::PartLead(1))));
        assert!(codes.contains(&("half-width-punctuation", FieldRef::Note)));
    }

    #[test]
    fn number_words_the_item_form_warns_about() {
        for yes in [
            "一是加强",
            "十二是",
            "（三）",
            "(一)",
            "一方面，",
            "另一方面",
            "二、",
        ] {
            assert!(leading_number_word(yes).is_some(), "{yes}");
        }
        for no in ["加强", "一年来", "十分重视", "（此件）", ""] {
            assert!(leading_number_word(no).is_none(), "{no}");
        }
    }

    #[test]
    fn number_words_and_punctuation_helpers() {
        assert_eq!(leading_number_word("一是加强").as_deref(), Some("一是"));
        assert_eq!(leading_number_word("（三）推进").as_deref(), Some("（三）"));
        assert_eq!(leading_number_word("1.加强").as_deref(), Some("1."));
        assert_eq!(
            leading_number_word("另一方面，").as_deref(),
            Some("另一方面")
        );
        assert_eq!(leading_number_word("一年来"), None);
        assert_eq!(leading_number_word("2022年"), None);
        assert_eq!(half_width_in_chinese("办理(已完成)"), Some('('));
        assert_eq!(half_width_in_chinese("GB/T 9704 (2012)"), None);
        assert_eq!(half_width_in_chinese("1,000元"), None);
        // At either end, after a mark that is itself full-width, and the first one found.
        assert_eq!(half_width_in_chinese("已完成;"), Some(';'));
        assert_eq!(half_width_in_chinese("?是否"), Some('?'));
        assert_eq!(half_width_in_chinese("一是，二是：完成!好,"), Some('!'));
        assert_eq!(half_width_in_chinese("（完成），a,b；𠮷x:y"), None);
    }

    #[test]
    fn an_opening_on_another_year_than_the_reporting_year_is_flagged() {
        let mut d = filled();
        let years = |d: &Draft| -> Vec<String> {
            findings(d)
                .into_iter()
                .filter(|f| f.code == Code::OpeningYear)
                .map(|f| f.message)
                .collect()
        };
        d.header.year = "2022".into();
        assert!(years(&d).is_empty(), "2022年 opening, 2022 report");
        d.header.year = "2023".into();
        let found = years(&d);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].starts_with("开头段以“2022年”开头，而报告年度是2023年"),
            "{}",
            found[0]
        );
        d.opening = format!("  2023 年{}", &d.opening[7..]);
        assert!(years(&d).is_empty(), "{:?}", d.opening);
        for other in [
            "一年来，我局……",
            "202年，",
            "20230年",
            "",
            "2018年以来，我局……",
            "2021年至2023年，",
            "2022年、2023年连续两年……",
            "2022年度、2023年度……",
            "2022年下半年以来，",
            "2022年起，",
            "2022年底，",
        ] {
            d.opening = other.into();
            assert!(years(&d).is_empty(), "{other}");
        }
        for flagged in ["2022年度，我局……", "2022年是……", "2022 年,我局……"] {
            d.opening = flagged.into();
            assert_eq!(years(&d).len(), 1, "{flagged}");
        }
        d.opening = "2022年".into();
        d.header.year = String::new();
        assert!(
            years(&d).is_empty(),
            "no reporting year, nothing to compare"
        );
    }

    #[test]
    fn invisible_characters_are_pointed_out_where_they_are() {
        let mut d = filled();
        assert!(findings(&d).is_empty());
        d.header.organ = "\u{202E}局术技学科\u{202C}".into();
        d.header.doc_number.agency = "张科发\u{200B}".into();
        d.opening = "2022年，张家港市科学技术局在市委\u{7}\u{0}领导下".into();
        let id = d.parts[0].subsections[0].id;
        d.parts[0].subsections[0].title = "加强组织领导\u{FEFF}".into();
        let found: Vec<_> = findings(&d)
            .into_iter()
            .filter(|f| f.code == Code::InvisibleCharacters)
            .map(|f| (f.field, f.message))
            .collect();
        let fields: Vec<_> = found.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                FieldRef::Organ,
                FieldRef::DocAgency,
                FieldRef::Opening,
                FieldRef::SubsectionTitle(id)
            ]
        );
        assert!(
            found[0]
                .1
                .starts_with("开头处有2个看不见的字符（其中有文字方向控制符"),
            "{}",
            found[0].1
        );
        assert!(
            found[1].1.starts_with("“张科发”之后有1个"),
            "{}",
            found[1].1
        );
        assert!(
            found[2].1.starts_with("“科学技术局在市委”之后有2个"),
            "{}",
            found[2].1
        );
        // Tabs, line ends and the ideographic space are not flagged.
        d.header.organ = "张家港市科学技术局".into();
        d.header.doc_number.agency = "张科发".into();
        d.opening = format!("{}\r\n第二段\t，\u{3000}👨👩", filled().opening);
        d.parts[0].subsections[0].title = "加强组织领导".into();
        let left: Vec<_> = with_code(&d, Code::InvisibleCharacters);
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn the_quote_before_invisible_characters_does_not_cut_a_number_or_word() {
        let quote = |text: &str| invisible_in(text).unwrap().1;
        assert_eq!(quote("2023年，我局将\u{200D}推进"), "2023年，我局将");
        assert_eq!(quote("共 12345678 件\u{200B}"), "12345678件");
        assert_eq!(quote("依据ABCDEFGHIJ。\u{2028}"), "ABCDEFGHIJ。");
        assert_eq!(quote("加强组织领导\u{FFFC}"), "加强组织领导");
    }

    #[test]
    fn the_fix_deletes_a_fields_invisible_characters_and_nothing_else() {
        let t = &builtin_templates()[0];
        let mut d = filled();
        let id = d.parts[0].subsections[0].id;
        d.opening = format!(
            "\u{FEFF}{}\u{200B}年\u{AD}，\u{202E}A b\u{2060}\t2\u{7}。\u{2029}第二段\u{B}。\n",
            d.opening
        );
        d.parts[0].subsections[0].title = "加强\u{200B}组织\u{2028}领导".into();
        let before = d.clone();
        let fixes: Vec<_> = findings(&d)
            .into_iter()
            .filter(|f| f.code == Code::InvisibleCharacters)
            .map(|f| f.fix)
            .collect();
        assert_eq!(
            fixes,
            [
                Some(super::super::Fix::RemoveInvisible(FieldRef::Opening)),
                Some(super::super::Fix::RemoveInvisible(
                    FieldRef::SubsectionTitle(id)
                ))
            ]
        );
        let at = super::super::apply_fix(t, &mut d, fixes[0].unwrap());
        assert_eq!(at, None, "the clerk stays on the findings");
        // A paragraph or line separator in a text box becomes a line end.
        assert_eq!(
            d.opening,
            format!("{}年，A b\t2。\n第二段\n。\n", filled().opening)
        );
        // Only that field changed: the other finding is still there.
        assert_eq!(
            Draft {
                opening: before.opening.clone(),
                ..d.clone()
            },
            before
        );
        let left: Vec<_> = findings(&d)
            .into_iter()
            .filter(|f| f.code == Code::InvisibleCharacters)
            .map(|f| f.field)
            .collect();
        assert_eq!(left, [FieldRef::SubsectionTitle(id)]);
        // In a one-line field it goes with the rest.
        super::super::apply_fix(t, &mut d, fixes[1].unwrap());
        assert_eq!(d.parts[0].subsections[0].title, "加强组织领导");
    }

    #[test]
    fn a_subsection_title_ending_in_a_full_stop_is_flagged() {
        let mut d = filled();
        let id = d.parts[0].subsections[0].id;
        d.parts[0].subsections[0].title = "加强组织领导。".into();
        let found: Vec<_> = with_code(&d, Code::SubsectionTitlePunctuation);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field, FieldRef::SubsectionTitle(id));
        assert!(found[0].message.contains("“。”"), "{}", found[0].message);
        // A comma inside the title is part of it; only the end counts.
        d.parts[0].subsections[0].title = "加强组织领导，推进依法行政能力建设".into();
        assert!(findings(&d).is_empty());
    }
}
