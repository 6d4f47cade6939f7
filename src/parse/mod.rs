//! "Start from last year's report": plain text as copied from a PDF or Word → a draft.
//! Headings (一、 （一）), numbered items (一是 一方面), the head (organ, 发文字号, title)
//! and the tail (signature, date, 附注) are recognised; whatever cannot be placed goes to
//! the draft's holding section, so no character of the input is ever dropped.

use crate::model::draft::{Draft, Item};
use crate::model::numbering::{chinese_numeral, leading_numerals};
use crate::model::template::{expand, BodySpec, Template};

/// Closing punctuation: a line ending in one of these ends its paragraph.
const CLOSERS: &[char] = &['。', '：', '；', '！', '？', '”', '」', '）', ')', '…'];

/// Parses with every built-in structure and keeps the one that places the most text:
/// fewest paragraphs left unplaced, then most subsection titles that match its topics.
pub fn parse_report_best(input: &str) -> Draft {
    let mut best: Option<((usize, isize, usize), Draft)> = None;
    for (n, template) in crate::model::template::builtin_templates()
        .iter()
        .enumerate()
    {
        let draft = parse_report(template, input);
        let known: Vec<&String> = template
            .parts
            .iter()
            .flat_map(|p| match &p.body {
                BodySpec::Subsections {
                    suggested_titles, ..
                } => suggested_titles.iter().collect::<Vec<_>>(),
                BodySpec::Items { .. } => vec![],
            })
            .collect();
        let matched = draft
            .parts
            .iter()
            .flat_map(|p| &p.subsections)
            .filter(|s| known.contains(&&s.title))
            .count();
        let score = (draft.holding.len(), -(matched as isize), n);
        if best.as_ref().is_none_or(|(b, _)| score < *b) {
            best = Some((score, draft));
        }
    }
    best.expect("at least one template").1
}

pub fn parse_report(template: &Template, input: &str) -> Draft {
    let paragraphs = paragraphs(input);
    let mut draft = Draft::new(template);
    for part in &mut draft.parts {
        part.subsections.clear();
        part.items.clear();
    }
    draft.closing.note.clear();
    let mut i = 0;

    // The head: everything before the title line.
    let title_at = paragraphs.iter().position(|p| is_title(p));
    if let Some(t) = title_at {
        for p in &paragraphs[..t] {
            if let Some((agency, year, serial)) = doc_number(p) {
                draft.header.doc_number.agency = agency;
                draft.header.doc_number.year = year;
                draft.header.doc_number.serial = serial;
            } else if draft.header.organ.is_empty() && p.chars().count() <= 30 {
                draft.header.organ = p.clone();
            } else {
                draft.holding.push(p.clone());
            }
        }
        let title = &paragraphs[t];
        if let Some(y) = year_in_title(title) {
            draft.header.year = y.to_string();
        }
        if draft.header.organ.is_empty() {
            if let Some(at) = title.find(|c: char| c.is_ascii_digit()) {
                draft.header.organ = title[..at].to_string();
            }
        }
        if *title != draft.derived_title(template) {
            draft.header.title = Some(title.clone());
        }
        i = t + 1;
    }

    // The tail: 附注, date, signature (read from the end).
    let mut end = paragraphs.len();
    if end > i && is_note(&paragraphs[end - 1]) {
        draft.closing.note = paragraphs[end - 1].clone();
        end -= 1;
    }
    if end > i {
        if let Some(iso) = parse_chinese_date(&paragraphs[end - 1]) {
            draft.closing.date = iso;
            end -= 1;
            if end > i && is_signature(&paragraphs[end - 1]) {
                let sig = paragraphs[end - 1].clone();
                if sig != draft.header.organ {
                    draft.closing.signature = Some(sig);
                }
                end -= 1;
            }
        }
    }

    // The opening: paragraphs before the first 一、 heading.
    let mut opening = Vec::new();
    while i < end && part_heading(&paragraphs[i]).is_none() {
        opening.push(paragraphs[i].clone());
        i += 1;
    }
    draft.opening = opening.join("\n");

    // Parts.
    let mut part_index = 0usize;
    while i < end {
        let Some(heading) = part_heading(&paragraphs[i]) else {
            draft.holding.push(paragraphs[i].clone());
            i += 1;
            continue;
        };
        let mut body = Vec::new();
        i += 1;
        while i < end && part_heading(&paragraphs[i]).is_none() {
            body.push(paragraphs[i].clone());
            i += 1;
        }
        if part_index >= template.parts.len() || part_index >= draft.parts.len() {
            draft
                .holding
                .push(paragraphs_heading_text(part_index, &heading));
            draft.holding.extend(body);
        } else {
            fill_part(template, &mut draft, part_index, heading, body);
        }
        part_index += 1;
    }
    draft.conform_to(template);
    draft
}

fn paragraphs_heading_text(index: usize, heading: &str) -> String {
    format!("{}、{heading}", chinese_numeral(index + 1))
}

fn fill_part(template: &Template, draft: &mut Draft, p: usize, heading: String, body: Vec<String>) {
    let spec = &template.parts[p];
    let expected = expand(
        &spec.heading,
        draft.header.organ.trim(),
        draft.header.reporting_year(),
    );
    if heading != expected {
        draft.parts[p].heading = Some(heading);
    }
    match &spec.body {
        BodySpec::Subsections { .. } => {
            let mut current: Option<usize> = None;
            for para in body {
                if let Some((title, rest)) = subsection_heading(&para) {
                    let id = draft.add_subsection(p, title).expect("part exists");
                    let subs = &mut draft.parts[p].subsections;
                    let at = subs.iter().position(|s| s.id == id).unwrap();
                    subs[at].items.clear();
                    current = Some(at);
                    if !rest.is_empty() {
                        let items = split_items(draft, &rest);
                        draft.parts[p].subsections[at].items.extend(items);
                    }
                } else if let Some(at) = current {
                    let items = split_items(draft, &para);
                    draft.parts[p].subsections[at].items.extend(items);
                } else if spec.lead.is_some() && draft.parts[p].lead.is_empty() {
                    draft.parts[p].lead = para;
                } else {
                    draft.holding.push(para);
                }
            }
        }
        BodySpec::Items { .. } => {
            for (n, para) in body.into_iter().enumerate() {
                let marked = strip_item_marker(&para).is_some();
                if n == 0 && !marked && spec.lead.is_some() {
                    draft.parts[p].lead = para;
                } else {
                    let items = split_items(draft, &para);
                    draft.parts[p].items.extend(items);
                }
            }
        }
    }
}

/// One paragraph → items at its 一是…二是… markers (in sequence). Text before 一是 becomes
/// an item of its own (detail only).
fn split_items(draft: &mut Draft, para: &str) -> Vec<Item> {
    let mut pieces: Vec<String> = Vec::new();
    let mut rest = para;
    let mut n = 1;
    let mut head = String::new();
    loop {
        let marker = format!("{}是", chinese_numeral(n));
        match rest.find(&marker) {
            Some(at) if n == 1 || at > 0 => {
                let before = &rest[..at];
                if n == 1 {
                    head = before.to_string();
                } else {
                    pieces.push(before.to_string());
                }
                rest = &rest[at + marker.len()..];
                n += 1;
            }
            _ => break,
        }
    }
    let mut items = Vec::new();
    if n == 1 {
        // No 一是 chain: maybe 一方面，/另一方面，, else a plain paragraph.
        let text = strip_item_marker(para).unwrap_or(para);
        items.push(make_item(draft, text));
        return items;
    }
    pieces.push(rest.to_string());
    if !head.trim().is_empty() {
        let mut item = draft.new_item();
        item.detail = head;
        items.push(item);
    }
    for piece in pieces {
        items.push(make_item(draft, &piece));
    }
    items
}

/// "学法普法意识还需加强。部分干部…" → lead up to the first 。, detail after it.
fn make_item(draft: &mut Draft, text: &str) -> Item {
    let mut item = draft.new_item();
    match text.find('。') {
        Some(at) if text[..at].chars().count() <= 60 => {
            let split = at + '。'.len_utf8();
            item.lead = text[..split].to_string();
            item.detail = text[split..].to_string();
        }
        _ => item.detail = text.to_string(),
    }
    item
}

/// A leading 一方面， / 另一方面， / 一是 marker, stripped.
fn strip_item_marker(text: &str) -> Option<&str> {
    for m in ["另一方面，", "一方面，", "另一方面,", "一方面,"] {
        if let Some(rest) = text.strip_prefix(m) {
            return Some(rest);
        }
    }
    let numerals = leading_numerals(text);
    if !numerals.is_empty() {
        return text[numerals.len()..].strip_prefix('是');
    }
    None
}

/// "一、2022年法治建设工作开展情况" → heading text.
pub fn part_heading(p: &str) -> Option<String> {
    let numerals = leading_numerals(p);
    if numerals.is_empty() {
        return None;
    }
    let rest = p[numerals.len()..].strip_prefix('、')?;
    (rest.chars().count() <= 40 && !rest.contains('。')).then(|| rest.trim().to_string())
}

/// "（一）加强组织领导…" → (title, text after the title on the same line).
fn subsection_heading(p: &str) -> Option<(String, String)> {
    let rest = p.strip_prefix('（').or_else(|| p.strip_prefix('('))?;
    let numerals = leading_numerals(rest);
    if numerals.is_empty() {
        return None;
    }
    let rest = rest[numerals.len()..]
        .strip_prefix('）')
        .or_else(|| rest[numerals.len()..].strip_prefix(')'))?;
    match rest.find('。') {
        // A run-in heading: "（一）标题。正文…"
        Some(at) if rest.chars().count() > 40 => Some((
            rest[..at].to_string(),
            rest[at + '。'.len_utf8()..].to_string(),
        )),
        _ => Some((rest.trim().to_string(), String::new())),
    }
}

fn is_title(p: &str) -> bool {
    p.chars().count() <= 60
        && p.contains("法治")
        && (p.ends_with("报告") || p.ends_with("情况"))
        && !p.contains('。')
}

fn year_in_title(title: &str) -> Option<i32> {
    let at = title.find("年")?;
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
pub fn doc_number(p: &str) -> Option<(String, String, String)> {
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
    ok.then(|| (agency.to_string(), year.to_string(), serial.to_string()))
}

fn is_note(p: &str) -> bool {
    (p.starts_with('（') || p.starts_with('('))
        && (p.ends_with('）') || p.ends_with(')'))
        && p.chars().count() <= 30
}

fn is_signature(p: &str) -> bool {
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
                .or(if c == '零' { Some(0) } else { None })
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
    crate::model::draft::parse_iso_date(&iso).map(|_| iso)
}

/// Input lines → paragraphs: page numbers dropped, indentation trimmed, spaces a PDF put
/// between digits and Chinese removed, and page-break splits joined.
pub fn paragraphs(input: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false; // the last paragraph may continue on the next line
    for raw in input.lines() {
        let line =
            raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}');
        if line.is_empty() || is_page_number(line) {
            continue;
        }
        let line = remove_digit_spaces(line);
        let structural = part_heading(&line).is_some()
            || subsection_heading(&line).is_some()
            || doc_number(&line).is_some()
            || parse_chinese_date(&line).is_some()
            || is_note(&line);
        match out.last_mut() {
            Some(prev) if open && !structural => prev.push_str(&line),
            _ => out.push(line.clone()),
        }
        let last = out.last().unwrap();
        // A long paragraph not closed by punctuation was cut by a page or line break.
        open =
            last.chars().count() > 40 && !last.ends_with(CLOSERS) && !structural && !is_title(last);
    }
    out
}

fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = t.trim_matches(|c| c == '—' || c == '-' || c == '–');
    inner.len() < t.len() && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit())
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF) || "，。；：、《》“”（）".contains(c)
}

/// PDF extraction puts spaces between Arabic numerals and Chinese ("2022 年"); remove those,
/// and only those.
fn remove_digit_spaces(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    for (i, c) in chars.iter().enumerate() {
        if *c == ' ' {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            let digit_han = |a: Option<char>, b: Option<char>| {
                a.is_some_and(|a| a.is_ascii_digit()) && b.is_some_and(is_han)
            };
            if digit_han(before, after) || digit_han(after, before) {
                continue;
            }
        }
        out.push(*c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_numbers_in_their_usual_and_wrong_forms() {
        let dn = |s: &str| doc_number(s).map(|(a, y, n)| format!("{a}|{y}|{n}"));
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

    #[test]
    fn paragraphs_join_splits_and_drop_page_numbers() {
        let text = "一、工作情况\n\n（一）组织领导\n一是加强学习，组织开展了多次专题学习活动和培训，全面提升干部的法治素养和依法行政能\n— 2 —\n力。二是完善制度。\n";
        let p = paragraphs(text);
        assert_eq!(p, ["一、工作情况", "（一）组织领导", "一是加强学习，组织开展了多次专题学习活动和培训，全面提升干部的法治素养和依法行政能力。二是完善制度。"]);
        assert_eq!(
            remove_digit_spaces("2022 年 开展 GB 9704 培训 3 次"),
            "2022年 开展 GB 9704培训3次"
        );
    }
}
