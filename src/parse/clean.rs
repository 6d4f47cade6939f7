//! From pasted text to paragraphs: line ends, spaces, page numbers, page splits, text with
//! no line breaks, web-page furniture and reposting sites' watermarks. What is removed is
//! returned, never silently dropped, but for invisible characters (zero-width, bidi
//! controls), which no report means to hold.

use std::collections::{HashMap, HashSet};

use super::markers::{marker, Marker};
use crate::render::is_invisible;

/// Closing punctuation: a line ending in one of these ends its paragraph.
pub(crate) const CLOSERS: &[char] = &[
    '。', '：', '；', '！', '？', '”', '」', '）', ')', '…', ':', ';', '!', '?',
];

/// Sentence ends after which a heading may start in text with no line breaks.
const SENTENCE_ENDS: &[char] = &['。', '：', '；', '！', '？', ':', ';', '!', '?'];

/// The paragraphs of the input and what was removed from it as page furniture.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cleaned {
    pub paragraphs: Vec<String>,
    /// Watermarks cut out of the text (each occurrence).
    pub watermarks: Vec<String>,
}

pub fn clean(input: &str) -> Cleaned {
    // Zero-width characters, the soft hyphen, bidi controls and other invisible ones (see
    // is_invisible) are never meant in a report: dropped. Line and page breaks that are
    // control characters stay for the line rules below; the line and paragraph separators
    // (U+2028/9, from Word and web pages) end a line like a line end.
    let input: String = input
        .chars()
        .map(|c| match c {
            '\u{2028}' | '\u{2029}' => '\n',
            c => c,
        })
        .filter(|c| !is_invisible(*c) || c.is_whitespace())
        .collect();
    let (text, mut watermarks) = cut_watermarks(&input);
    let (text, tails) = cut_repeated_tails(&text);
    watermarks.extend(tails);
    let (text, tails) = cut_address_tails(&text);
    watermarks.extend(tails);
    let mut paragraphs = Vec::new();
    for p in join_lines(&text) {
        split_run_on(p, &mut paragraphs);
    }
    Cleaned {
        paragraphs,
        watermarks,
    }
}

/// Input lines → paragraphs: page numbers dropped, indentation trimmed, spaces a PDF put
/// between digits and Chinese removed, and page-break splits joined.
pub fn join_lines(input: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false; // the last paragraph may continue on the next line
    for raw in input.lines() {
        let line = raw.trim_matches(is_blank);
        if line.is_empty() || is_page_number(line) {
            continue;
        }
        let line = remove_digit_spaces(line);
        let structural = marker(&line).is_some_and(|(m, _)| m.is_heading())
            || super::doc_number(&line).is_some()
            || super::parse_chinese_date(&line).is_some()
            || super::is_note(&line);
        match out.last_mut() {
            Some(prev) if open && !structural => prev.push_str(&line),
            _ => out.push(line),
        }
        let last = out.last().expect("just pushed");
        // A long paragraph not closed by punctuation was cut by a page or line break.
        open = last.chars().count() > 40
            && !last.ends_with(CLOSERS)
            && !structural
            && !super::is_title(last)
            && !is_furniture(last);
    }
    out
}

pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}' || c == '\u{a0}'
}

fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = t.trim_matches(|c| c == '—' || c == '-' || c == '–');
    inner.len() < t.len() && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit())
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
        || "，。；：、《》“”（）,.;:()".contains(c)
}

/// PDF extraction puts spaces between Arabic numerals and Chinese ("2022 年"); remove those,
/// and only those.
pub fn remove_digit_spaces(line: &str) -> String {
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

/// Text copied from some viewers has no line breaks at all: a long paragraph is split
/// before each 一、 or （一） heading that follows a sentence end, and after a title.
fn split_run_on(p: String, out: &mut Vec<String>) {
    if p.chars().count() < 300 {
        out.push(p);
        return;
    }
    let mut cuts = Vec::new();
    // A title at the start: "…情况的报告2023年，…".
    if let Some(at) = p.find("报告") {
        let end = at + "报告".len();
        if super::is_title(&p[..end]) && end < p.len() {
            cuts.push(end);
        }
    }
    let mut last_cut = 0;
    let mut prev: Option<char> = None;
    for (at, c) in p.char_indices() {
        let after_end = prev.is_some_and(|c| SENTENCE_ENDS.contains(&c));
        prev = Some(c);
        if at == 0
            || !(c == '一'
                || c == '二'
                || c == '三'
                || c == '四'
                || c == '五'
                || c == '六'
                || c == '七'
                || c == '八'
                || c == '九'
                || c == '十'
                || c == '（'
                || c == '(')
        {
            continue;
        }
        let Some((m, _)) = marker(&p[at..]) else {
            continue;
        };
        // After a sentence end; or a （一） straight after a short 一、 heading.
        let after_heading = matches!(m, Marker::Sub(_))
            && marker(&p[last_cut..at]).is_some_and(|(m, _)| matches!(m, Marker::Part(_)))
            && p[last_cut..at].chars().count() <= 50;
        if matches!(m, Marker::Part(_) | Marker::Sub(_)) && (after_end || after_heading) {
            cuts.push(at);
            last_cut = at;
        }
    }
    crate::sort::sort_by(&mut cuts, |a, b| a.cmp(b));
    cuts.dedup();
    let mut from = 0;
    for cut in cuts {
        if cut > from {
            out.push(p[from..cut].to_string());
            from = cut;
        }
    }
    out.push(p[from..].to_string());
}

/// A reposting site's watermark repeated inside the text ("某某之家—全网资源每日更新
/// www.example.com"): a web address that occurs more than once, together with the text
/// before it that every occurrence shares. Cut out, and the text around it rejoined.
fn cut_watermarks(input: &str) -> (String, Vec<String>) {
    let mut text = input.to_string();
    let mut cut = Vec::new();
    for _ in 0..4 {
        let Some(address) = find_address(&text) else {
            break;
        };
        let starts: Vec<usize> = text.match_indices(&address).map(|(i, _)| i).collect();
        if starts.len() < 2 {
            break;
        }
        // Extend backwards while every occurrence is preceded by the same character.
        let mut back = 0usize;
        loop {
            let prev: Vec<Option<char>> = starts
                .iter()
                .map(|&s| text[..s - back].chars().next_back())
                .collect();
            match prev[0] {
                Some(c)
                    if !is_blank(c)
                        && !"。，；：,.;:".contains(c)
                        && prev.iter().all(|p| *p == Some(c))
                        && back < 60 =>
                {
                    back += c.len_utf8()
                }
                _ => break,
            }
        }
        // An occurrence at the very start of the text shares nothing before it; use the
        // longest prefix all the others share that is also a prefix of the first line.
        let mark = text[starts[0] - back..starts[0] + address.len()].to_string();
        let mut full = mark.clone();
        if back == 0 {
            full = longest_shared_before(&text, &starts, &address);
        }
        let n = text.matches(&full).count();
        cut.extend(std::iter::repeat_n(full.clone(), n));
        text = text.replace(&full, "\n\n");
        // A watermark in the middle of a sentence splits it: rejoin.
        text = rejoin_after_cut(&text);
    }
    (text, cut)
}

/// A reposting site's name set off by a space at the end of several lines, without a web
/// address ("…依法行政。 某某汇,办公文档之家"): the same short tail after a blank ending at
/// least two lines that say different things before it. Cut there (and where it stands
/// alone on a line); a report's own lines end in their own words.
fn cut_repeated_tails(text: &str) -> (String, Vec<String>) {
    let tail_of = |line: &str| -> Option<(usize, String)> {
        // A table's row pasted as text ("1\t制定普法计划。\t区司法局") ends in a cell.
        if line.contains('\t') {
            return None;
        }
        let line = line.trim_end_matches(is_blank);
        let at = line.rfind(is_blank)?;
        let blank_len = line[at..].chars().next().map_or(1, char::len_utf8);
        let tail = &line[at + blank_len..];
        let head = line[..at].trim_matches(is_blank);
        let n = tail.chars().count();
        let hans = tail
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count();
        let ok = (4..=30).contains(&n)
            && hans >= 2
            && !head.is_empty()
            && !tail.contains(['。', '；', ';', '！', '？'])
            && !tail.ends_with(CLOSERS)
            && marker(tail).is_none()
            // An organ (a signature, a table's column), a date, a count or a label is the
            // report's own: a site's name has none of these.
            && !super::outline::looks_like_organ(tail)
            && !tail.contains(|c: char| c.is_ascii_digit() || c == '：' || c == ':');
        ok.then(|| (at, tail.to_string()))
    };
    // Each tail, the heads it ends, and whether it is seen after a finished sentence (a
    // table's rows "行政许可 办结率100%" never are).
    // Looked up by tail (a 1 MB paste may have thousands): the work stays linear. (The
    // map and set types are those the checks use already: no new code for them.)
    let mut seen: Vec<(String, Vec<String>, bool)> = Vec::new();
    let mut index: HashMap<String, u32> = HashMap::new();
    // Lines that could be a tail standing alone (no blank inside, a tail's length).
    let mut alone: HashSet<String> = HashSet::new();
    for line in text.lines() {
        let trimmed = line.trim_matches(is_blank);
        if !trimmed.contains(is_blank) && (4..=30).contains(&trimmed.chars().count()) {
            alone.insert(trimmed.to_string());
        }
        if let Some((at, tail)) = tail_of(line) {
            let head = line[..at].trim_matches(is_blank).to_string();
            let after_sentence = head.ends_with(CLOSERS);
            match index.get(&tail) {
                Some(&i) => {
                    let (_, heads, after) = &mut seen[i as usize];
                    *after |= after_sentence;
                    // Two different heads are all the rule asks for.
                    if heads.len() < 2 && !heads.contains(&head) {
                        heads.push(head);
                    }
                }
                None => {
                    index.insert(tail.clone(), seen.len() as u32);
                    seen.push((tail, vec![head], after_sentence));
                }
            }
        }
    }
    let marks: Vec<String> = seen
        .into_iter()
        .filter(|(tail, heads, after)| heads.len() >= 2 && (*after || alone.contains(tail)))
        .map(|(t, _, _)| t)
        .collect();
    if marks.is_empty() {
        return (text.to_string(), Vec::new());
    }
    let mut cut = Vec::new();
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let ending = &line[body.len()..];
        let trimmed = body.trim_matches(is_blank);
        if marks.iter().any(|m| m == trimmed) {
            cut.push(trimmed.to_string());
            out.push_str(ending);
            continue;
        }
        match tail_of(body) {
            Some((at, tail)) if marks.contains(&tail) => {
                cut.push(tail);
                out.push_str(body[..at].trim_end_matches(is_blank));
            }
            _ => out.push_str(body),
        }
        out.push_str(ending);
    }
    (out, cut)
}

/// A site's name and address set off by blanks, once, where no report puts one: alone on
/// a line, or after a heading or a finished sentence ("（二）规范执法 某某汇 www.example.com").
/// A government site's address (a report cites those: "详见 www.….gov.cn") and an address
/// after unfinished words stay.
fn cut_address_tails(text: &str) -> (String, Vec<String>) {
    let mut cut = Vec::new();
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let ending = &line[body.len()..];
        let trimmed = body.trim_end_matches(is_blank);
        let tokens: Vec<&str> = trimmed.split(is_blank).filter(|t| !t.is_empty()).collect();
        let is_address = |t: &str| {
            (t.starts_with("www.") || t.starts_with("http://") || t.starts_with("https://"))
                && t.len() > 8
                && !t.contains(".gov.")
                && t.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "./-_:%?=&".contains(c))
        };
        let mut tail_at = None;
        if let Some(last) = tokens.last().filter(|t| is_address(t)) {
            let mut start = trimmed.len() - last.len();
            // The site's name before it: a few characters with no punctuation.
            if tokens.len() >= 2 {
                let name = tokens[tokens.len() - 2];
                // Not a heading ("二、主要举措 www…") nor a heading's words after its
                // number ("一、 总体情况 www…"): those are the report's own.
                let before_name = tokens[..tokens.len() - 2].join("");
                let heading_words = marker(&before_name).is_some_and(|(_, rest)| rest.is_empty());
                if name.chars().count() <= 6
                    && !name.contains(CLOSERS)
                    && !name.contains('，')
                    && marker(name).is_none()
                    && !heading_words
                {
                    // The token just before the address, blanks between.
                    start = trimmed[..start].trim_end_matches(is_blank).len() - name.len();
                }
            }
            let head = trimmed[..start].trim_end_matches(is_blank);
            let after_heading = marker(head).is_some_and(|(m, _)| m.is_heading());
            if head.is_empty() || head.ends_with(CLOSERS) || after_heading {
                tail_at = Some(start);
            }
        }
        match tail_at {
            Some(at) if at == 0 || trimmed[..at].ends_with(is_blank) => {
                cut.push(trimmed[at..].to_string());
                out.push_str(trimmed[..at].trim_end_matches(is_blank));
            }
            _ => out.push_str(body),
        }
        out.push_str(ending);
    }
    (out, cut)
}

fn longest_shared_before(text: &str, starts: &[usize], address: &str) -> String {
    // Candidates: the text before each occurrence, back to a sentence mark or line start.
    let mut best = address.to_string();
    for &s in starts {
        let before = &text[..s];
        let from = before
            .rfind(['\n', '。', '，', '；', ','])
            .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        let mut candidate = &before[from..];
        while !candidate.is_empty() {
            let whole = format!("{candidate}{address}");
            if text.matches(&whole).count() >= 2 {
                if whole.len() > best.len() {
                    best = whole;
                }
                break;
            }
            let first = candidate.chars().next().map_or(1, char::len_utf8);
            candidate = &candidate[first..];
        }
    }
    best
}

fn rejoin_after_cut(text: &str) -> String {
    // "\n\n" inserted where the mark was: when the text before it does not end a
    // sentence, the text after continues it.
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\n\n") {
        let (before, after) = (&rest[..at], &rest[at + 2..]);
        out.push_str(before);
        let ends = out.trim_end_matches(is_blank).ends_with(CLOSERS)
            || out.trim_end_matches(is_blank).is_empty()
            || out.ends_with('\n');
        if ends {
            out.push_str("\n\n");
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

fn find_address(text: &str) -> Option<String> {
    for key in ["www.", "http://", "https://"] {
        if let Some(at) = text.find(key) {
            let end = text[at..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || "./-_:%?=&".contains(c)))
                .map(|e| at + e)
                .unwrap_or(text.len());
            let address = &text[at..end];
            if address.contains('.') && address.len() > key.len() + 3 {
                return Some(address.to_string());
            }
        }
    }
    None
}

/// Labels of a government web page around the text: metadata, navigation, tools.
const FURNITURE_LABELS: &[&str] = &[
    "来源：",
    "来源:",
    "信息来源",
    "文章来源",
    "发布时间",
    "发布日期",
    "更新时间",
    "更新日期",
    "索引号",
    "发布机构",
    "发布单位",
    "发文机关：",
    "发文机关:",
    "发文机构：",
    "发文机构:",
    "责任部门",
    "公开形式",
    "公开方式",
    "公开范围",
    "公开时限",
    "所属主题",
    "主题分类",
    "生效日期",
    "废止日期",
    "有效性",
    "浏览次数",
    "浏览量",
    "点击率",
    "点击数",
    "阅读次数",
    "访问量",
    "字体：",
    "字体:",
    "【字体",
    "字号：",
    "字体大小",
    "【打印",
    "打印本页",
    "关闭窗口",
    "【关闭",
    "分享到",
    "扫一扫",
    "您所在的位置",
    "所在位置",
    "体裁分类",
    "成文日期]",
    "发文字号]",
    "日期:20",
    "日期：20",
    "当前位置",
    "今天是",
    "无障碍",
    "简体",
    "繁体",
    "责任编辑",
    "编辑：",
    "作者：",
    "附件下载",
    "相关链接",
    "上一篇",
    "下一篇",
    "网站地图",
    "版权所有",
    "ICP备",
    "网站标识码",
];

/// The buttons of an article page, alone on a line or several together: 打印 / 分享 /
/// 【关闭】 / 大 中 小.
const PAGE_TOOLS: &[&str] = &[
    "打印",
    "分享",
    "关闭",
    "收藏",
    "返回顶部",
    "返回",
    "纠错",
    "微信",
    "微博",
    "大",
    "中",
    "小",
    "字号",
    "默认",
    "本页",
    "窗口",
    "文章",
    "到",
];

/// A line made only of [`PAGE_TOOLS`] and brackets or separators (at least one tool word
/// that is not a bare 大/中/小).
fn is_page_tools(compact: &str) -> bool {
    let words: String = compact
        .chars()
        .filter(|c| !"[]【】()（）|｜/·•:：".contains(*c))
        .collect();
    if words.is_empty() || words.chars().count() > 20 {
        return false;
    }
    let mut rest = words.as_str();
    let mut named = false;
    while !rest.is_empty() {
        let Some(word) = PAGE_TOOLS.iter().find(|w| rest.starts_with(**w)) else {
            return false;
        };
        named |= word.chars().count() > 1;
        rest = &rest[word.len()..];
    }
    named
}

/// A page's label with a count or a time as its value, or none: "阅读:0", "时间:2023-03-28",
/// "浏览：1 次". A label of two to four Chinese characters naming a time or a count of
/// readers (a report's own "举办培训：12次" is not one), a colon, then only digits, date
/// and time marks and the units 次 / 人次.
fn is_count_or_time(compact: &str) -> bool {
    let Some(colon) = compact.find([':', '：']) else {
        return false;
    };
    let (label, value) = (&compact[..colon], &compact[colon..]);
    let value = value.trim_start_matches([':', '：']);
    let label_ok = (2..=4).contains(&label.chars().count())
        && label
            .chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && ["时间", "日期", "阅读", "浏览", "点击", "访问", "人气"]
            .iter()
            .any(|w| label.contains(w));
    label_ok
        && value
            .trim_end_matches("人次")
            .trim_end_matches('次')
            .chars()
            .all(|c| c.is_ascii_digit() || "-/:.年月日时分秒".contains(c))
}

/// A line of web-page furniture: metadata labels, navigation ("首页 > …"), a date with its
/// weekday, a table row of labels ("索引号: | … |").
pub fn is_furniture(line: &str) -> bool {
    let t = line.trim_matches(is_blank);
    if t.is_empty() {
        return false;
    }
    let short = t.chars().count() <= 80;
    if !short || t.ends_with('。') {
        return false;
    }
    let compact: String = t.chars().filter(|c| !is_blank(*c)).collect();
    if FURNITURE_LABELS
        .iter()
        .any(|l| compact.contains(&l.replace(' ', "")))
    {
        return true;
    }
    // Navigation: "首页>新闻中心>…", after a label or not ("您当前的位置:首页>…").
    if compact
        .find("首页")
        .is_some_and(|at| compact[at..].contains(['>', '＞', '»', '›']))
    {
        return true;
    }
    if is_page_tools(&compact) || is_count_or_time(&compact) {
        return true;
    }
    if t.matches('|').count() >= 2 || t.contains(" > ") || t.contains('＞') {
        return true;
    }
    if compact.contains("星期")
        && ["一", "二", "三", "四", "五", "六", "日", "天"]
            .iter()
            .any(|d| compact.contains(&format!("星期{d}")))
    {
        return true;
    }
    // A bullet or a bracketed label of a metadata list ("• lsx31/2025", "[ 成文日期 ] …").
    if compact.starts_with(['•', '·', '-', '[', '【'])
        && (compact.contains(']') || compact.contains('】') || compact.chars().count() <= 30)
        && !compact.contains('。')
        && !compact.contains("法治政府建设")
    {
        return true;
    }
    // "文 号:" with spaces inside the label.
    compact.starts_with("文号:") || compact.starts_with("文号：")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_join_splits_and_drop_page_numbers() {
        let text = "一、工作情况\n\n（一）组织领导\n一是加强学习，组织开展了多次专题学习活动和培训，全面提升干部的法治素养和依法行政能\n— 2 —\n力。二是完善制度。\n";
        let p = join_lines(text);
        assert_eq!(p, ["一、工作情况", "（一）组织领导", "一是加强学习，组织开展了多次专题学习活动和培训，全面提升干部的法治素养和依法行政能力。二是完善制度。"]);
        assert_eq!(
            remove_digit_spaces("2022 年 开展 GB 9704 培训 3 次"),
            "2022年 开展 GB 9704培训3次"
        );
    }

    #[test]
    fn furniture_lines() {
        for f in [
            "来源:某区人民政府办公室 发布时间:2024-03-28 09:18",
            "索引号: | 015048170/2022-00033 | 发布机构: | 某局 |",
            "首页 > 政务公开 > 规划计划",
            "某市人民政府 2019年12月3日星期二",
            "【字体: 【打印文本】",
            "无障碍 简体| 繁体",
            "文 号: | 所属主题: | 其他 |",
            "时间:2023-02-28 15:36 浏览量:1",
            // Seen on a province's report reposted (tests/fixtures/corpus-new/01):
            "您当前的位置:首页>新闻中心>法治宣传",
            "时间:2023-03-28",
            "阅读:0",
            "打印",
            "分享",
            "【打印】【关闭】",
            "字号：大 中 小",
            "浏览：12次",
            // Metadata naming the organ (the import's organ when the report names none).
            "来源：区司法局",
            "信息来源：某县人民政府办公室",
            "发布机构：某镇人民政府",
            "发文机关:某市交通运输局",
            "发文机构： 某县司法局",
        ] {
            assert!(is_furniture(f), "{f}");
        }
        for t in [
            "一、2023年推进法治政府建设的主要举措和成效",
            "县委、县政府：",
            "某区2023年度法治政府建设情况报告",
            "严格落实重大行政决策程序规定，来源于群众。",
            // Short lines of a report that look like labels or tools but say something.
            "大中小学法治教育",
            "首页设置法治专栏，开设“以案释法”等栏目。",
            "时间：全年",
            "一是打印发放宣传册",
            "分享经验做法",
            "举办培训：12次",
            // A report's own words on sources and publishing.
            "（三）规范发文机关审核",
            "一是严把信息来源审核关。",
        ] {
            assert!(!is_furniture(t), "{t}");
        }
    }

    #[test]
    fn a_repeated_watermark_is_cut_and_the_sentence_rejoined() {
        let text = "某某之家—每日更新www.example.com某省人民政府关于2023年度法治政府建设情况的报告\n一是扛牢第一某某之家—每日更新www.example.com责任人职责。";
        let (out, cut) = cut_watermarks(text);
        assert_eq!(cut.len(), 2, "{cut:?}");
        assert_eq!(cut[0], "某某之家—每日更新www.example.com");
        assert!(out.contains("一是扛牢第一责任人职责。"), "{out}");
        assert!(out.contains("某省人民政府关于"));
    }

    #[test]
    fn a_site_name_ending_several_lines_is_cut() {
        let text = "（一）坚持党的领导 某某汇,办公文档之家\n全局上下严格依法办事。 某某汇,办公文档之家\n某某汇,办公文档之家\n一是完善制度。\n";
        let (out, cut) = cut_repeated_tails(text);
        assert_eq!(
            out,
            "（一）坚持党的领导\n全局上下严格依法办事。\n\n一是完善制度。\n"
        );
        assert_eq!(cut.len(), 3, "{cut:?}");
        // A report's lines: a tail said once, a tail after the same heading twice, a
        // heading run into its body, numbers, dates and signatures stay.
        for text in [
            "（一）加强组织领导 区科技局召开会议4次\n（二）严格执法 区科技局开展检查2次\n",
            "某县交通运输局 2024年2月20日\n某县交通运输局 2024年2月21日\n",
            "详见区政府门户网站 法治政府专栏\n一是完善制度。\n",
            "全年办理 行政复议案件\n全年办理 行政复议案件\n",
            "行政许可 办结率100%\n行政处罚 办结率100%\n",
            "一是学法 二是用法\n三是守法 二是用法。\n",
        ] {
            let (out, cut) = cut_repeated_tails(text);
            assert_eq!(out, text, "{cut:?}");
        }
    }

    #[test]
    fn a_table_a_signature_and_a_heading_are_not_taken_for_a_site() {
        // A table's rows (cells between tabs) and the signature that repeats their organ.
        for text in [
            "1\t制定年度普法计划。\t区司法局\n2\t开展执法检查。\t区司法局\n区司法局\n",
            "一是加强学习。 区司法局\n二是规范执法。 区司法局\n区司法局\n",
            "完成整改。 截至2023年底\n落实到位。 截至2023年底\n",
        ] {
            let (out, cut) = cut_repeated_tails(text);
            assert_eq!(out, text, "{cut:?}");
        }
        // A heading before a site's address, once: only the address goes.
        let (out, cut) =
            cut_address_tails("二、主要举措 www.example.com\n一、 总体情况 www.example.net\n");
        assert_eq!(out, "二、主要举措\n一、 总体情况\n");
        assert_eq!(cut, ["www.example.com", "www.example.net"]);
    }

    #[test]
    fn a_site_name_and_address_after_a_heading_is_cut() {
        let text = "（二）规范执法 某某汇 www.example.com\n严格执法。 www.example.net/a\n某某网 https://example.org\n";
        let (out, cut) = cut_address_tails(text);
        assert_eq!(out, "（二）规范执法\n严格执法。\n\n");
        assert_eq!(
            cut,
            [
                "某某汇 www.example.com",
                "www.example.net/a",
                "某某网 https://example.org"
            ]
        );
        for text in [
            "详见 www.example.gov.cn\n",
            "群众可登录区政府网站 www.example.gov.cn\n",
            "一是开通专栏。 www.example.gov.cn/fzzf\n",
            "群众可登录平台查询 www.example.com\n",
            "网址：www.example.gov.cn。\n",
            "一是在门户网站（www.example.gov.cn）公开。\n",
        ] {
            let (out, cut) = cut_address_tails(text);
            assert_eq!(out, text, "{cut:?}");
        }
    }

    #[test]
    fn text_with_no_line_breaks_is_split_at_headings() {
        let body = "开展培训".repeat(60);
        let text = format!("某局关于2023年度法治政府建设情况的报告2023年，我局坚持依法行政。一、主要举措和成效（一）加强领导。{body}。二、存在的不足和原因一是学习不够。");
        let mut got = Vec::new();
        split_run_on(text, &mut got);
        assert_eq!(got[0], "某局关于2023年度法治政府建设情况的报告");
        assert!(got[1].starts_with("2023年，我局"));
        assert!(got.iter().any(|p| p.starts_with("一、主要举措")));
        assert!(got.iter().any(|p| p.starts_with("（一）加强领导")));
        assert!(got.iter().any(|p| p.starts_with("二、存在的不足")));
    }
}
