//! "Start from last year's report": plain text as copied from a web page, a PDF or Word
//! (or read from a .docx or .txt, see [`docx`] and [`text_file`]) → a draft.
//!
//! Two stages. [`outline::outline`] reads the report in its own terms: page furniture
//! removed (and listed), head (title, organ, 发文字号, salutation), opening, parts with
//! their leads, subsections and items in the author's numbering, tail (结束语, signature,
//! date, 附注). [`place::place`] then puts that outline into one of the tool's structures,
//! chosen from the headings. Whatever has no place goes to the draft's holding section, so
//! no character of the report is ever dropped (but invisible ones, see [`clean`]); what was
//! removed as furniture is listed in the [`ImportSummary`].

pub mod clean;
pub mod docx;
pub mod inflate;
pub mod markers;
pub mod outline;
pub mod place;

use crate::model::draft::{DocNumber, Draft};
use crate::model::step::Step;
use crate::model::template::Template;

pub use clean::join_lines as paragraphs;
pub use outline::{outline, Report, Role, Segment};
pub use place::{part_key, structure, Mode, Structure};

/// What an import did, for the clerk to read: the structure recognised, how many
/// paragraphs landed in each step, what was held and what was dropped as page furniture.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportSummary {
    pub structure: Structure,
    /// Each step that received text, with its number of paragraphs, in step order.
    pub per_step: Vec<(Step, usize)>,
    pub held: Vec<String>,
    pub furniture: Vec<String>,
}

/// The import: the draft and what the clerk should be told about it.
pub fn import(input: &str) -> (Draft, ImportSummary) {
    let report = outline(input);
    let s = structure(&report);
    let template = place::template_for(s);
    let mut draft = place::place(&report, template, Mode::Keywords);
    draft.last_year = draft.body_text();
    let summary = summarise(&report, s, template, &draft);
    (draft, summary)
}

fn summarise(report: &Report, s: Structure, template: &Template, draft: &Draft) -> ImportSummary {
    let doc = crate::render::build(template, draft);
    let mut per_step: Vec<(Step, usize)> = Vec::new();
    for block in &doc.blocks {
        if block.kind != crate::render::BlockKind::Paragraph {
            continue;
        }
        match per_step.iter_mut().find(|(st, _)| *st == block.step) {
            Some((_, n)) => *n += 1,
            None => per_step.push((block.step, 1)),
        }
    }
    ImportSummary {
        structure: s,
        per_step,
        held: draft.holding.clone(),
        furniture: report.furniture.clone(),
    }
}

/// Parses choosing the structure from the headings (kept for callers of the first import).
pub fn parse_report_best(input: &str) -> Draft {
    import(input).0
}

/// Parses into a structure the writer chose: part 一 into its first part and so on; parts
/// beyond the structure's are held.
pub fn parse_report(template: &Template, input: &str) -> Draft {
    place::place(&outline(input), template, Mode::InOrder)
}

/// "一、2022年法治建设工作开展情况" → heading text.
pub fn part_heading(p: &str) -> Option<String> {
    match markers::marker(p) {
        Some((markers::Marker::Part(_), rest)) => {
            (rest.chars().count() <= 40 && !rest.contains('。')).then(|| rest.trim().to_string())
        }
        _ => None,
    }
}

pub(crate) fn is_title(p: &str) -> bool {
    let p = p.trim();
    p.chars().count() <= 60
        && p.chars().count() >= 8
        && p.contains("法治")
        && (p.ends_with("报告") || p.ends_with("情况"))
        && !p.contains(['。', '，', ','])
        && markers::marker(p).is_none()
}

pub(crate) fn year_in_title(title: &str) -> Option<i32> {
    let at = title.find('年')?;
    let digits: String = title[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let y: i32 = digits.parse().ok()?;
    (1949..=2999).contains(&y).then_some(y)
}

/// "张科发〔2023〕5号" (also with [] 【】 () brackets and 第, as typed by hand).
pub fn doc_number(p: &str) -> Option<DocNumber> {
    let p = p.trim();
    let body = p.strip_suffix('号')?;
    let open = body.find(['〔', '[', '【', '(', '（'])?;
    let agency = &body[..open];
    let after_open = &body[open + body[open..].chars().next()?.len_utf8()..];
    let close = after_open.find(['〕', ']', '】', ')', '）'])?;
    let year = &after_open[..close];
    let serial = after_open[close + after_open[close..].chars().next()?.len_utf8()..]
        .trim_start_matches('第');
    let ok = !agency.is_empty()
        && agency.chars().count() <= 12
        && year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
        && !serial.is_empty()
        && serial.chars().all(|c| c.is_ascii_digit());
    ok.then(|| DocNumber {
        agency: agency.to_string(),
        year: year.to_string(),
        serial: serial.to_string(),
    })
}

pub(crate) fn is_note(p: &str) -> bool {
    (p.starts_with('（') || p.starts_with('('))
        && (p.ends_with('）') || p.ends_with(')'))
        && p.chars().count() <= 40
        && markers::marker(p).is_none()
}

pub(crate) fn is_signature(p: &str) -> bool {
    p.chars().count() <= 30 && !p.contains(['。', '，', '：']) && part_heading(p).is_none()
}

/// "2023年2月17日" or "二〇二三年二月十七日" → "2023-02-17".
pub fn parse_chinese_date(p: &str) -> Option<String> {
    let p = p.trim();
    let digits = |s: &str| -> Option<u32> {
        if s.chars().all(|c| c.is_ascii_digit()) && !s.is_empty() {
            return s.parse().ok();
        }
        // Chinese numerals: 〇一二…九 digit by digit (years), or 十/十七/二十一 (months, days).
        let value = |c| {
            "〇一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .map(|v| v as u32)
                .or(if c == '零' || c == 'O' || c == '○' {
                    Some(0)
                } else {
                    None
                })
        };
        if !s.contains('十') {
            return s
                .chars()
                .try_fold(0u32, |acc, c| Some(acc * 10 + value(c)?));
        }
        let (tens, ones) = s.split_once('十')?;
        let tens = if tens.is_empty() {
            1
        } else {
            value(tens.chars().next()?)?
        };
        let ones = if ones.is_empty() {
            0
        } else {
            value(ones.chars().next()?)?
        };
        Some(tens * 10 + ones)
    };
    let (y, rest) = p.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let iso = format!("{:04}-{:02}-{:02}", digits(y)?, digits(m)?, digits(d)?);
    crate::model::date::parse_iso_date(&iso).map(|_| iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_numbers_in_their_usual_and_wrong_forms() {
        let dn = |s: &str| doc_number(s).map(|d| format!("{}|{}|{}", d.agency, d.year, d.serial));
        assert_eq!(dn("张科发〔2023〕5号").as_deref(), Some("张科发|2023|5"));
        assert_eq!(dn("某府办[2024]第12号").as_deref(), Some("某府办|2024|12"));
        assert_eq!(dn("某发【2024】05号").as_deref(), Some("某发|2024|05"));
        assert_eq!(dn("这是一句话号"), None);
    }

    #[test]
    fn dates_in_both_forms() {
        assert_eq!(
            parse_chinese_date("2022年2月17日").as_deref(),
            Some("2022-02-17")
        );
        assert_eq!(
            parse_chinese_date("二〇二三年二月十七日").as_deref(),
            Some("2023-02-17")
        );
        assert_eq!(
            parse_chinese_date("二〇二三年十二月二十一日").as_deref(),
            Some("2023-12-21")
        );
        assert_eq!(parse_chinese_date("2023年2月30日"), None);
        assert_eq!(parse_chinese_date("年度报告"), None);
    }
}

#[cfg(test)]
mod whole_report_tests {
    use super::*;

    /// A report with what the corpus lacks: a cover letter, a title over two lines, a
    /// salutation, half-width punctuation, "2023 年" spaces, headings run in without
    /// punctuation (a space), 1. and （1） levels, 首先 items, 特此报告, signature, date, 附注.
    const REPORT: &str = "\
某县司法局:
现将我局2023年度法治政府建设情况报告报上,请审阅。
特此报告。
某县交通运输局关于2023年度
法治政府建设情况的报告
县委、县政府:
  2023 年,我局坚持依法行政,现将有关情况报告如下:
一、2023年推进法治政府建设的主要举措和成效
(一)加强组织领导 局党组把法治建设摆上重要议程,对照年初计划,一是召开专题会议4次。二是制定工作要点。
(二)严格规范执法
1.推行三项制度。全面落实行政执法公示制度。
2.开展案卷评查。评查案卷120份。
二、存在的不足和原因
(1)学法用法不够深入。少数干部学法流于形式。
(2)执法队伍力量不足。基层执法人员偏少。
三、党政主要负责人履行推进法治建设第一责任人职责情况
局主要负责人认真履行第一责任人职责。首先,带头学法。其次,带头依法决策。最后,带头督促落实。
四、2024年推进法治政府建设的主要安排
2024年,我局将重点做好以下工作:一是深化执法改革。二是加强普法。
特此报告。
某县交通运输局
2024年2月20日
(此件公开发布)
";

    #[test]
    fn every_place_a_report_has() {
        let r = outline(REPORT);
        let roles: Vec<String> = r.segments.iter().map(|s| s.role.where_()).collect();
        assert_eq!(r.held.len(), 3, "the cover letter is held: {:?}", r.held);
        assert_eq!(
            r.title.as_deref(),
            Some("某县交通运输局关于2023年度法治政府建设情况的报告")
        );
        assert_eq!(r.salutation.as_deref(), Some("县委、县政府:"));
        assert_eq!(r.closing, ["特此报告。"]);
        assert_eq!(r.signature.as_deref(), Some("某县交通运输局"));
        assert_eq!(r.date.as_deref(), Some("2024-02-20"));
        assert_eq!(r.note.as_deref(), Some("(此件公开发布)"));
        let p1 = &r.parts[0];
        assert_eq!(p1.subs[0].title, "加强组织领导");
        assert_eq!(
            p1.subs[0].lead,
            ["局党组把法治建设摆上重要议程,对照年初计划,"]
        );
        assert_eq!(p1.subs[0].items.len(), 2, "never merged");
        assert_eq!(p1.subs[1].items[1].marker_text, "2.");
        assert_eq!(r.parts[1].items[0].marker_text, "(1)");
        assert_eq!(r.parts[2].lead, ["局主要负责人认真履行第一责任人职责。"]);
        assert_eq!(r.parts[2].items.len(), 3);
        for want in [
            "salutation",
            "opening",
            "part:1:sub:1:heading",
            "part:1:sub:1:lead",
            "part:1:sub:1:item:2",
            "part:1:sub:2:item:2",
            "part:2:item:2",
            "part:3:item:3",
            "part:4:lead",
            "part:4:item:2",
            "closing",
            "signature",
            "date",
            "note",
        ] {
            assert!(roles.iter().any(|r| r == want), "{want} in {roles:?}");
        }
        assert_eq!(structure(&r), Structure::FiveItems);

        let (d, summary) = import(REPORT);
        assert_eq!(d.template, "five-items");
        assert_eq!(d.header.organ, "某县交通运输局");
        assert_eq!(d.header.year, "2023");
        assert_eq!(d.closing.ending, "特此报告。");
        assert_eq!(d.holding.len(), 3);
        assert_eq!(summary.held.len(), 3);
        // The author's numbering, written back the same way: 一是 in part 一's first
        // subsection, 1. in its second, （1） in part 二, 首先 in part 三.
        let text = crate::render::to_text(
            &crate::render::build(place::template_for(Structure::FiveItems), &d),
            Default::default(),
        );
        for line in [
            "（一）加强组织领导",
            "局党组把法治建设摆上重要议程,对照年初计划,一是召开专题会议4次。二是制定工作要点。",
            "1.推行三项制度。全面落实行政执法公示制度。",
            "2.开展案卷评查。评查案卷120份。",
            "（1）学法用法不够深入。少数干部学法流于形式。",
            "（2）执法队伍力量不足。基层执法人员偏少。",
            // 首先… written back by the tool (one paragraph each, as this part lays items out).
            "\n首先，带头学法。\n",
            "\n其次，带头依法决策。\n",
            "\n最后，带头督促落实。\n",
            "特此报告。",
        ] {
            assert!(text.contains(line), "{line:?} in\n{text}");
        }
        assert!(text.contains("2023年,我局坚持依法行政"), "2023 年 joined");
    }

    #[test]
    fn invisible_characters_pasted_with_a_report_are_dropped() {
        // A BOM, zero-width space and non-joiner, word joiner, soft hyphen, bidi controls, a
        // bell: each removed, and the report read as if they had never been there (the
        // zero-width space inside 一、 would otherwise hide the part heading).
        let dirty = REPORT
            .replacen("某县司法局", "\u{FEFF}某县司法局", 1)
            .replace("一、2023年", "一\u{200B}、2023年")
            .replace(
                "法治政府建设情况的报告",
                "法治\u{AD}政府建设情况的\u{2060}报告",
            )
            .replace("加强组织领导", "\u{202E}加强组织领导\u{202C}\u{200E}")
            .replace("评查案卷120份", "评查\u{200C}案卷\u{7}120份")
            .replace(
                "加强组织",
                "加\u{3164}强\u{FFFC}组\u{200D}织\u{E0041}\u{FE0F}",
            );
        assert_eq!(
            dirty
                .chars()
                .filter(|c| crate::render::is_invisible(*c))
                .count(),
            14
        );
        assert_eq!(import(&dirty), import(REPORT));
        // A page break (form feed) at a page's first line is still trimmed with it.
        let breaks = REPORT.replace("特此报告。\n某县交通", "特此报告。\n\u{0C}某县交通");
        assert_eq!(import(&breaks), import(REPORT));
        // Line and paragraph separators end lines, not join them.
        let seps = REPORT.replace("特此报告。\n某县交通", "特此报告。\u{2029}某县交通");
        assert_ne!(seps, REPORT);
        assert_eq!(import(&seps.replace('\n', "\u{2028}")), import(REPORT));
    }
}
