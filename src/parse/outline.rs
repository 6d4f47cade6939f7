//! Paragraphs → the report's own outline, in the author's numbering: head (title, organ,
//! 发文字号, salutation), opening, parts with their leads, subsections and items, tail
//! (结束语, signature, date, 附注). Every piece of text gets a role; nothing is dropped.

use super::clean::{clean, is_furniture};
use super::markers::{find_inline, marker, Marker};
use crate::model::draft::DocNumber;

/// Where a piece of the input belongs, in the report's own numbering (1-based), as the
/// corpus expectations write it (`part:1:sub:2:item:3`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    Furniture,
    Title,
    Organ,
    DocNumber,
    Salutation,
    Opening,
    PartHeading(usize),
    PartLead(usize),
    PartBody(usize),
    PartItem(usize, usize),
    SubHeading(usize, usize),
    SubLead(usize, usize),
    SubItem(usize, usize, usize),
    Closing,
    Signature,
    Date,
    Note,
    /// Text before the report that is not furniture (a cover letter): held.
    Held,
}

impl Role {
    pub fn where_(&self) -> String {
        match self {
            Role::Furniture => "furniture".into(),
            Role::Title => "title".into(),
            Role::Organ => "organ".into(),
            Role::DocNumber => "doc_number".into(),
            Role::Salutation => "salutation".into(),
            Role::Opening => "opening".into(),
            Role::PartHeading(p) => format!("part:{p}:heading"),
            Role::PartLead(p) => format!("part:{p}:lead"),
            Role::PartBody(p) => format!("part:{p}:body"),
            Role::PartItem(p, k) => format!("part:{p}:item:{k}"),
            Role::SubHeading(p, s) => format!("part:{p}:sub:{s}:heading"),
            Role::SubLead(p, s) => format!("part:{p}:sub:{s}:lead"),
            Role::SubItem(p, s, k) => format!("part:{p}:sub:{s}:item:{k}"),
            Role::Closing => "closing".into(),
            Role::Signature => "signature".into(),
            Role::Date => "date".into(),
            Role::Note => "note".into(),
            Role::Held => "held".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub role: Role,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RItem {
    pub marker: Marker,
    /// The numbering as the author wrote it ("3." "（二）" "一是").
    pub marker_text: String,
    /// The item's text without its numbering; paragraphs after the first on new lines.
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RSub {
    pub marker_text: String,
    pub title: String,
    pub lead: Vec<String>,
    pub items: Vec<RItem>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RPart {
    pub marker_text: String,
    pub heading: String,
    pub lead: Vec<String>,
    pub items: Vec<RItem>,
    pub subs: Vec<RSub>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub furniture: Vec<String>,
    pub title: Option<String>,
    pub organ_line: Option<String>,
    /// The organ a page's metadata names ("发布机构：某县司法局", "来源：区司法局"): the
    /// draft's organ only when the report itself names none (title, organ line, signature).
    pub page_organ: Option<String>,
    pub doc_number: Option<DocNumber>,
    pub salutation: Option<String>,
    pub opening: Vec<String>,
    pub parts: Vec<RPart>,
    pub closing: Vec<String>,
    pub signature: Option<String>,
    /// ISO date, from the date line or a 题注 such as "（2024年5月28日在……会议上）".
    pub date: Option<String>,
    pub date_line: Option<String>,
    pub note: Option<String>,
    /// A 题注 under the title ("（2024年5月28日在……会议上）"), kept with the opening.
    pub head_note: Option<String>,
    pub held: Vec<String>,
    /// A news page's lead announcing the report (held): names its organ and year when the
    /// report does not.
    pub lead: Option<String>,
    /// Every piece of text with its role, for the corpus tests and diagnostics. Recorded on
    /// native builds only: nothing in the browser reads them, and building them there
    /// cost the wasm a copy of every paragraph (see [`Report::seg`]).
    pub segments: Vec<Segment>,
}

impl Report {
    /// Records a segment, its text the concatenation of `parts`. A no-op in the wasm.
    #[cfg(not(target_arch = "wasm32"))]
    fn seg(&mut self, role: Role, parts: &[&str]) {
        self.segments.push(Segment {
            role,
            text: parts.concat(),
        });
    }

    #[cfg(target_arch = "wasm32")]
    #[inline(always)]
    fn seg(&mut self, _role: Role, _parts: &[&str]) {}
}

/// Short closing sentences of a report: 特此报告。
fn is_closing(p: &str) -> bool {
    p.chars().count() <= 20
        && ["特此报告", "以上报告", "专此报告"]
            .iter()
            .any(|w| p.starts_with(w))
}

/// Organ names end in one of these (局, 委员会, 街道办事处, 人民政府 …).
pub(crate) fn looks_like_organ(p: &str) -> bool {
    const ENDS: &[&str] = &[
        "局",
        "委",
        "办",
        "厅",
        "府",
        "处",
        "院",
        "室",
        "中心",
        "街道",
        "镇",
        "乡",
        "区",
        "县",
        "市",
        "省",
        "委员会",
        "部",
        "办公室",
        "公司",
        "所",
        "队",
        "站",
        "会",
    ];
    let n = p.chars().count();
    n <= 30
        && !p.contains(['。', '，', '：', ':', ',', '；'])
        && ENDS.iter().any(|e| p.ends_with(e))
        // A ministry has a name before 部 (司法部); 全部, 底部, 内部 are page words.
        && !(p.ends_with('部') && n < 3)
}

/// A news page's lead that announces the report it reposts: "近日，某区司法局发布《2023年
/// 度法治政府建设情况报告》，全文如下：", "中新网3月29日电 据司法部网站消息，司法部发布2023年
/// 法治政府建设年度报告。具体报告如下：", "本网讯 …". Either a news dateline (…讯, …日电,
/// 据…消息) at its start, with the report announced or what follows introduced; or, with
/// no dateline, a short lead in the third person that publishes the report (发布《…报告》)
/// and introduces its full text (全文如下：). A report's own opening speaks for its author
/// ("现将有关情况报告如下：", "我局……具体情况如下：", 报告 a verb there): never one.
pub fn is_repost_lead(p: &str) -> bool {
    let p = p.trim_matches(super::clean::is_blank);
    let n = p.chars().count();
    if n > 200 || p.contains("现将") {
        return false;
    }
    let head: String = p.chars().take(30).collect();
    let announces = announcement(p).is_some();
    let before_rest = p.trim_end_matches(['：', ':', '。']);
    let introduces = before_rest.ends_with("如下");
    // What follows is the report's text itself: "全文如下", "具体报告如下", "原文如下".
    let full_text = introduces && {
        let before = before_rest
            .strip_suffix("如下")
            .unwrap_or(before_rest)
            .trim_end_matches(['，', ',']);
        // Not "特将全年工作报告如下" (报告 a verb).
        ["全文", "原文", "正文", "内容", "具体报告"]
            .iter()
            .any(|w| before.ends_with(w))
    };
    let third_person = !p.contains('我') && !p.contains("本局") && !p.contains("本单位");
    (dateline(&head) && (announces || introduces))
        || (announces && full_text && third_person && n <= 150)
}

/// Where a lead publishes the report: the publishing verb's place and length, for "发布《…
/// 报告》", "公布了2023年…年度报告。" (报告 a noun: followed by 》 or punctuation, not by 如下).
fn announcement(p: &str) -> Option<(usize, usize)> {
    // Every verb is two characters of three bytes; the report named within 60 characters.
    const VERB: usize = 6;
    let mut best: Option<usize> = None;
    for verb in ["发布", "公布", "刊发", "刊登", "转发", "转载"] {
        for (at, _) in p.match_indices(verb) {
            let from = at + VERB;
            let mut end = (from + 180).min(p.len());
            while !p.is_char_boundary(end) {
                end -= 1;
            }
            let window = &p[from..end];
            let noun = window.match_indices("报告").any(|(k, _)| {
                window[k + VERB..]
                    .chars()
                    .next()
                    .is_none_or(|c| "》」』，。,.:：；;".contains(c))
            });
            if noun && best.is_none_or(|b| at < b) {
                best = Some(at);
            }
        }
    }
    best.map(|at| (at, VERB))
}

/// The organ and the year a news lead names for the report it announces: "据司法部网站消息，
/// 司法部发布2023年法治政府建设年度报告。" → (司法部, 2023). The organ is the words just before
/// the verb (without 近日 / 日前 / a date), and only if they read as an organ's name.
pub fn announced(lead: &str) -> (Option<String>, Option<i32>) {
    let Some((at, len)) = announcement(lead) else {
        return (None, None);
    };
    let before = &lead[..at];
    let start = before
        .rfind(|c: char| super::clean::is_blank(c) || "，。,；;：:、".contains(c))
        .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let mut organ = before[start..].trim_end_matches('了');
    for time in [
        "近日", "日前", "今日", "今天", "昨日", "昨天", "目前", "正式", "已",
    ] {
        organ = organ.strip_suffix(time).unwrap_or(organ);
        organ = organ.strip_prefix(time).unwrap_or(organ);
    }
    // "司法部29日发布", "某局3月29日发布".
    if let Some(cut) = organ.find(|c: char| c.is_ascii_digit()) {
        if organ[cut..].ends_with('日') {
            organ = &organ[..cut];
        }
    }
    let organ = (looks_like_organ(organ) && !organ.contains('我')).then(|| organ.to_string());
    // The year of the report named after the verb ("发布2023年…", "发布《2023年度…》").
    let year = super::year_in_title(&lead[at + len..]);
    (organ, year)
}

/// A news dateline at the start of a lead: "本网讯", "某某报讯（记者 …）", "中新网3月29日电",
/// "新华社北京3月29日电", "据某某网站消息".
fn dateline(head: &str) -> bool {
    let xun = head.find('讯').is_some_and(|at| {
        head[..at]
            .chars()
            .next_back()
            .is_some_and(|c| "网报台社刊".contains(c))
    });
    // "3月29日电", not "1月5日电视电话会议".
    let dian = head.match_indices("日电").any(|(at, _)| {
        head[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
            && !head[at + "日电".len()..].starts_with(['视', '话'])
    });
    // "据司法部网站消息", not "根据…" / "依据…" / "数据…".
    let ju = head.match_indices('据').any(|(at, _)| {
        !head[..at].ends_with(['根', '依', '数', '证', '占', '凭'])
            && (head[at..].contains("消息") || head[at..].contains("报道"))
    });
    xun || dian || ju
}

fn is_salutation(p: &str) -> bool {
    p.chars().count() <= 40 && p.ends_with(['：', ':']) && !p.contains('。') && marker(p).is_none()
}

pub fn outline(input: &str) -> Report {
    let cleaned = clean(input);
    let mut r = Report::default();
    for w in &cleaned.watermarks {
        r.furniture.push(w.clone());
    }
    let paras = cleaned.paragraphs;
    let is_heading =
        |p: &str| marker(p).is_some_and(|(m, _)| matches!(m, Marker::Part(_) | Marker::Sub(_)));
    // The first heading: numbered, or a part's heading without a number that follows a
    // finished paragraph (one that reads as a title only after the report's title or its
    // opening's "如下：").
    let mut first_heading = paras.len();
    let mut titled = false;
    // Whether the report's parts go without numbers: its first heading is such a part's.
    // Only then is a bare line naming a part taken for a heading: where parts are
    // numbered, a short unnumbered line inside one ("补齐法治短板") is that part's text.
    let mut bare_parts = false;
    for (i, p) in paras.iter().enumerate() {
        if is_heading(p) {
            first_heading = i;
            break;
        }
        if i > 0
            && bare_part(p, &paras[i - 1]).is_some()
            && (titled
                || !super::is_title(p)
                || paras[i - 1]
                    .trim_end_matches(super::clean::CLOSERS)
                    .ends_with("如下"))
        {
            first_heading = i;
            bare_parts = true;
            break;
        }
        titled |= super::is_title(p);
    }

    // Title candidates before the first heading (a title split over two lines joined).
    let mut titles: Vec<(usize, usize, String)> = Vec::new(); // at, lines, text
    let head_end = first_heading.min(paras.len());
    let mut i = 0;
    while i < head_end {
        let p = &paras[i];
        if super::is_title(p) && !is_furniture(p) {
            titles.push((i, 1, p.clone()));
        } else if i + 1 < head_end && p.chars().count() <= 30 && !p.contains(['。', '，', ',']) {
            let joined = format!("{p}{}", paras[i + 1]);
            let next = &paras[i + 1];
            // The first line is the organ, or names the year ("某局关于2023年度" /
            // "法治政府建设情况的报告").
            let opens_title = looks_like_organ(p)
                || p.contains("关于")
                || super::year_in_title(p).is_some()
                || p.ends_with(|c: char| c.is_ascii_digit());
            if super::is_title(&joined)
                && !is_furniture(p)
                && (!super::is_title(next) || (opens_title && !next.contains(p.as_str())))
            {
                titles.push((i, 2, joined));
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    // The document's own title is the one nearest its text; a web page shows it (or its
    // own heading) above as well.
    let chosen = titles.last().cloned();

    // The head: before the title (or, without a title, furniture lines before the text).
    let body_start;
    if let Some((at, lines, title)) = &chosen {
        for p in &paras[..*at] {
            head_line(&mut r, p, true);
        }
        r.title = Some(title.clone());
        r.seg(Role::Title, &[title]);
        body_start = at + lines;
    } else {
        let mut k = 0;
        while k < head_end && (is_furniture(&paras[k]) || super::doc_number(&paras[k]).is_some()) {
            head_line(&mut r, &paras[k], true);
            k += 1;
        }
        body_start = k;
    }

    // The tail, read from the end: furniture, 附注, date, signature, 特此报告.
    let mut end = paras.len();
    let mut tail: Vec<(Role, String)> = Vec::new();
    while end > body_start.max(first_heading) {
        let p = &paras[end - 1];
        if is_furniture(p) {
            if r.page_organ.is_none() {
                r.page_organ = page_organ(p);
            }
            tail.push((Role::Furniture, p.clone()));
        } else if super::is_note(p) && r.note.is_none() && r.date.is_none() {
            r.note = Some(p.clone());
            tail.push((Role::Note, p.clone()));
        } else if let (Some(iso), None) = (super::parse_chinese_date(p), &r.date) {
            r.date = Some(iso);
            r.date_line = Some(p.clone());
            tail.push((Role::Date, p.clone()));
        } else if r.date.is_some()
            && r.signature.is_none()
            && super::is_signature(p)
            && tail.last().is_some_and(|t| t.0 == Role::Date)
        {
            r.signature = Some(p.clone());
            tail.push((Role::Signature, p.clone()));
        } else if is_closing(p) {
            r.closing.insert(0, p.clone());
            tail.push((Role::Closing, p.clone()));
        } else {
            break;
        }
        end -= 1;
    }
    tail.reverse();

    // Between the title and the first heading: 题注, furniture, salutation, opening.
    let mut k = body_start;
    let stop = first_heading.max(body_start).min(end);
    while k < stop {
        let p = &paras[k];
        if is_furniture(p) || chosen.as_ref().is_some_and(|c| c.2 == *p) {
            metadata(&mut r, p);
            r.furniture.push(p.clone());
            r.seg(Role::Furniture, &[p]);
        } else if r.opening.is_empty() && super::is_note(p) && r.head_note.is_none() {
            if let Some(iso) = date_inside(p) {
                r.date.get_or_insert(iso);
            }
            r.head_note = Some(p.clone());
            r.seg(Role::Note, &[p]);
        } else if r.opening.is_empty() && r.salutation.is_none() && is_repost_lead(p) {
            // A news page's lead announcing the report: not the report's text, held.
            r.lead.get_or_insert_with(|| p.clone());
            r.held.push(p.clone());
            r.seg(Role::Held, &[p]);
        } else if r.opening.is_empty() && r.salutation.is_none() && is_salutation(p) {
            r.salutation = Some(p.clone());
            r.seg(Role::Salutation, &[p]);
        } else if let (Some(dn), None) = (super::doc_number(p), &r.doc_number) {
            r.doc_number = Some(dn);
            r.seg(Role::DocNumber, &[p]);
        } else {
            r.opening.push(p.clone());
            r.seg(Role::Opening, &[p]);
        }
        k += 1;
    }

    let mut body = Body::default();
    for i in stop.max(k)..end {
        let p = &paras[i];
        let bare = (bare_parts && i > 0).then(|| bare_part(p, &paras[i - 1]));
        match bare.flatten() {
            // Each of the template's parts once: a second line naming one is text.
            Some(key) if body.keys & 1 << key == 0 => {
                body.new_part(&mut r, String::new(), p.clone())
            }
            _ => body.paragraph(&mut r, p),
        }
    }
    r.parts = body.parts;
    // A part with neither subsections nor items has body paragraphs, not a lead.
    for seg in &mut r.segments {
        if let Role::PartLead(p) = seg.role {
            let part = &r.parts[p - 1];
            if part.subs.is_empty() && part.items.is_empty() {
                seg.role = Role::PartBody(p);
            }
        }
    }
    for (role, text) in tail {
        r.seg(role.clone(), &[&text]);
        if role == Role::Furniture {
            r.furniture.push(text);
        }
    }
    r
}

fn date_inside(p: &str) -> Option<String> {
    let at = p.find('年')?;
    let start = p[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i)?;
    let end = p[start..].find('日')? + start + '日'.len_utf8();
    super::parse_chinese_date(&p[start..end])
}

/// The report's 发文字号 and 成文日期 from a page's metadata block ("[ 发文字号 ] 某委文
/// 〔2026〕3号", "成文日期：2026-01-22"); publication dates are not the report's.
fn metadata(r: &mut Report, line: &str) {
    if r.page_organ.is_none() {
        r.page_organ = page_organ(line);
    }
    let value_after = |label: &str| -> Option<String> {
        let at = line.find(label)? + label.len();
        let rest = line[at..]
            .trim_start_matches(|c: char| super::clean::is_blank(c) || "]】:：".contains(c));
        let token: String = rest
            .chars()
            .take_while(|c| !super::clean::is_blank(*c) && *c != '[' && *c != '|')
            .collect();
        (!token.is_empty()).then_some(token)
    };
    if r.doc_number.is_none() {
        if let Some(dn) = value_after("发文字号").and_then(|v| super::doc_number(&v)) {
            r.doc_number = Some(dn);
        }
    }
    if r.date.is_none() {
        if let Some(v) = value_after("成文日期") {
            let iso = super::parse_chinese_date(&v).or_else(|| {
                crate::model::date::parse_iso_date(&v)
                    .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
            });
            r.date = iso;
        }
    }
}

/// Labels of a page's metadata whose value names the publishing organ, the more specific
/// first.
const ORGAN_LABELS: &[&str] = &[
    "发文机关",
    "发文机构",
    "制发机构",
    "发布机构",
    "发布单位",
    "信息来源",
    "文章来源",
    "来源",
];

/// The organ a line of page metadata names: "来源：区司法局", "[ 发布机构 ] 某县人民政府",
/// "| 发布机构: | 某局 |". Only a value that reads as an organ's name (局, 人民政府,
/// 街道办事处 …): not a site or a newspaper ("本站", "某某日报", "县政府网站", "区融媒体
/// 中心"), not an empty label.
pub fn page_organ(line: &str) -> Option<String> {
    let compact: String = line
        .chars()
        .map(|c| if super::clean::is_blank(c) { ' ' } else { c })
        .collect();
    for label in ORGAN_LABELS {
        let Some(at) = compact.find(label) else {
            continue;
        };
        let rest = compact[at + label.len()..]
            .trim_start_matches(|c: char| c == ' ' || "]】|｜:：".contains(c));
        let mut value: &str = rest
            .split(|c: char| c == ' ' || "[【|｜".contains(c))
            .next()
            .unwrap_or("");
        // A value run into the next label ("来源：区司法局发布时间：…").
        for next in [
            "发布", "时间", "日期", "浏览", "点击", "字体", "作者", "编辑", "索引",
        ] {
            if let Some(cut) = value.find(next) {
                value = &value[..cut];
            }
        }
        let media = ["网", "媒体", "新闻", "报社", "日报", "电视", "广播", "杂志"];
        if value.chars().count() >= 2
            && looks_like_organ(value)
            && !value.starts_with('本')
            && !media.iter().any(|m| value.contains(m))
        {
            return Some(value.to_string());
        }
        // The label names no organ: a later, less specific label may ("来源：" after
        // "发布机构：" left empty).
    }
    None
}

fn head_line(r: &mut Report, p: &str, before_title: bool) {
    if let (Some(dn), None) = (super::doc_number(p), &r.doc_number) {
        r.doc_number = Some(dn);
        r.seg(Role::DocNumber, &[p]);
    } else if is_furniture(p) || super::is_title(p) {
        metadata(r, p);
        r.furniture.push(p.to_string());
        r.seg(Role::Furniture, &[p]);
    } else if before_title && r.organ_line.is_none() && looks_like_organ(p) {
        r.organ_line = Some(p.to_string());
        r.seg(Role::Organ, &[p]);
    } else if p.chars().count() <= 12 && !p.contains(['。', '，', '：', ':']) {
        // A page's section name above the title ("工作报告").
        r.furniture.push(p.to_string());
        r.seg(Role::Furniture, &[p]);
    } else {
        // A cover letter, a news lead or other text before the report itself.
        if is_repost_lead(p) {
            r.lead.get_or_insert_with(|| p.to_string());
        }
        r.held.push(p.to_string());
        r.seg(Role::Held, &[p]);
    }
}

/// A heading's text and the body run in after it on the same line: "（一）强化组织保障。
/// 区科技局……" or "（一）强化组织保障 区科技局……".
pub fn split_heading(rest: &str) -> (String, Option<String>) {
    let r = rest.trim_matches(super::clean::is_blank);
    let n = r.chars().count();
    let end = r
        .char_indices()
        .find(|(_, c)| "。！？!?".contains(*c))
        .map(|(i, c)| i + c.len_utf8());
    // A heading set off by a space from its body, before any full stop.
    if let Some((at, c)) = r.char_indices().find(|(_, c)| super::clean::is_blank(*c)) {
        let body = r[at + c.len_utf8()..].trim_matches(super::clean::is_blank);
        if r[..at].chars().count() <= 40 && end.is_none_or(|e| at < e) && body.chars().count() > 10
        {
            return (r[..at].to_string(), Some(body.to_string()));
        }
    }
    if let Some(e) = end {
        let body = r[e..].trim_matches(super::clean::is_blank);
        if r[..e].chars().count() <= 60 {
            return (
                r[..e].to_string(),
                (!body.is_empty()).then(|| body.to_string()),
            );
        }
    }
    if n <= 60 && end.is_none() {
        return (r.to_string(), None);
    }
    // A heading set off by a space from its body.
    if let Some((at, c)) = r.char_indices().find(|(_, c)| super::clean::is_blank(*c)) {
        if r[..at].chars().count() <= 40 {
            let body = r[at + c.len_utf8()..].trim_matches(super::clean::is_blank);
            return (r[..at].to_string(), Some(body.to_string()));
        }
    }
    (r.to_string(), None)
}

/// Where the body's text goes as it is read: the current part, subsection and item, and
/// which kinds of numbering serve as the subsection and item levels in this part.
#[derive(Default)]
struct Body {
    parts: Vec<RPart>,
    part_kind: Option<Marker>,
    sub_kind: Option<Marker>,
    item_kind: Option<Marker>,
    /// The last item word seen in the current list (to continue 二是 after 一是).
    last_word: Option<Marker>,
    /// The regulation's items the parts so far name (bit k: item k).
    keys: u8,
}

/// Keywords of a part heading (rather than a topic used as a subsection): which of the
/// regulation's five items it names.
fn part_like(heading: &str) -> Option<u8> {
    super::place::part_key(heading)
}

/// A part's heading without a number ("存在的问题和不足", "下一步工作打算", "主要措施和成效"),
/// and the item it names: a line of 4 to 40 characters, with no punctuation, not a title
/// ending 报告, whose words name one of the template's parts as a numbered heading's would,
/// standing alone after a finished paragraph: `prev` is the title, or closed by punctuation,
/// a colon only after 如下 (the opening's "报告如下：", not a list's "以下工作：").
/// How a part's heading ends: what it names (情况, 问题, 计划…), where a topic line inside a
/// part ends in its object (…职责, …短板, …落实).
const HEADING_ENDS: &[&str] = &[
    "情况", "成效", "举措", "措施", "做法", "不足", "问题", "原因", "差距", "计划", "打算", "安排",
    "思路", "设想",
];

fn bare_part(p: &str, prev: &str) -> Option<u8> {
    let n = p.chars().count();
    let colon = prev.trim_end_matches(['：', ':']);
    ((4..=40).contains(&n)
        && !p.contains(['。', '，', ',', '；', ';', '：', ':', '！', '？', '!', '?'])
        && !p.ends_with("报告")
        && marker(p).is_none()
        // It ends as a part's heading does, not as a topic line ("压实第一责任人职责").
        && HEADING_ENDS.iter().any(|w| p.ends_with(w))
        && (if colon.len() < prev.len() {
            colon.ends_with("如下")
        } else {
            prev.ends_with(super::clean::CLOSERS) || super::is_title(prev)
        }))
    .then(|| part_like(p))
    .flatten()
}

impl Body {
    fn paragraph(&mut self, r: &mut Report, p: &str) {
        let m = marker(p);
        match m {
            Some((m, rest)) if m.is_heading() => self.heading(r, p, m, rest),
            Some((m, rest)) if !self.parts.is_empty() && !self.item_is_heading_level() => {
                let marker_text = p[..p.len() - rest.len()].to_string();
                let next = next_at(rest, m);
                let (mine, after) = match next {
                    Some(a) => rest.split_at(a),
                    None => (rest, ""),
                };
                self.new_item(r, m, marker_text, mine.to_string());
                if !after.is_empty() {
                    self.continue_text(r, after, true);
                }
            }
            _ if self.parts.is_empty() => {
                // Text after the opening but before any heading: the opening goes on.
                r.opening.push(p.to_string());
                r.seg(Role::Opening, &[p]);
            }
            _ => self.continue_text(r, p, false),
        }
    }

    fn item_is_heading_level(&self) -> bool {
        self.item_kind.is_some_and(|k| k.is_heading())
    }

    fn heading(&mut self, r: &mut Report, p: &str, m: Marker, rest: &str) {
        let marker_text = p[..p.len() - rest.len()].to_string();
        let (title, body) = split_heading(rest);
        let part_kind = *self.part_kind.get_or_insert(m);
        let level = if m.same_kind(part_kind) {
            let reusing = self.sub_kind.is_some_and(|k| k.same_kind(part_kind));
            let next_part = self.parts.len() + 1;
            let next_sub = self.parts.last().map_or(1, |x| x.subs.len() + 1);
            if self.parts.is_empty() {
                0
            } else if reusing {
                if m.number() == next_part
                    && (m.number() != next_sub || part_like(&title).is_some())
                {
                    0
                } else {
                    1
                }
            } else if m.number() == 1
                && next_part != 1
                && self
                    .parts
                    .last()
                    .is_some_and(|x| x.subs.is_empty() && x.items.is_empty())
            {
                // 一、 used again one level down.
                self.sub_kind = Some(m);
                1
            } else {
                0
            }
        } else if self.sub_kind.is_some_and(|k| k.same_kind(m)) {
            1
        } else if self.item_kind.is_some_and(|k| k.same_kind(m)) {
            2
        } else if self.sub_kind.is_none() && self.item_kind.is_none() {
            if matches!(m, Marker::Sub(_)) {
                self.sub_kind = Some(m);
                1
            } else {
                self.item_kind = Some(m);
                2
            }
        } else if self.item_kind.is_none() && self.sub_kind.is_some() {
            self.item_kind = Some(m);
            2
        } else {
            3
        };
        match level {
            0 => {
                self.new_part(r, marker_text, title);
                if let Some(b) = body {
                    self.continue_text(r, &b, false);
                }
            }
            1 => {
                let pn = self.parts.len();
                let part = self.parts.last_mut().expect("a part");
                part.subs.push(RSub {
                    marker_text,
                    title: title.clone(),
                    ..RSub::default()
                });
                self.last_word = None;
                let sn = part.subs.len();
                r.seg(
                    Role::SubHeading(pn, sn),
                    &[&part.subs[sn - 1].marker_text, &title],
                );
                if let Some(b) = body {
                    self.continue_text(r, &b, false);
                }
            }
            2 => {
                let text = match body {
                    Some(b) => format!("{title}{}", joiner(&title, &b)),
                    None => title,
                };
                self.last_word = None;
                self.new_item(r, m, marker_text, text);
            }
            _ => self.continue_text(r, p, false),
        }
    }

    fn new_part(&mut self, r: &mut Report, marker_text: String, heading: String) {
        self.sub_kind = None;
        self.item_kind = None;
        self.last_word = None;
        self.keys |= part_like(&heading).map_or(0, |k| 1 << k);
        r.seg(
            Role::PartHeading(self.parts.len() + 1),
            &[&marker_text, &heading],
        );
        self.parts.push(RPart {
            marker_text,
            heading,
            ..RPart::default()
        });
    }

    fn new_item(&mut self, r: &mut Report, m: Marker, marker_text: String, text: String) {
        let item = RItem {
            marker: m,
            marker_text,
            text,
        };
        if !m.is_heading() {
            self.last_word = Some(m);
        }
        let pn = self.parts.len();
        let part = self.parts.last_mut().expect("a part");
        let sn = part.subs.len();
        let (role, items) = match part.subs.last_mut() {
            Some(sub) => (
                Role::SubItem(pn, sn, number_of(m, sub.items.len() + 1)),
                &mut sub.items,
            ),
            None => (
                Role::PartItem(pn, number_of(m, part.items.len() + 1)),
                &mut part.items,
            ),
        };
        r.seg(role, &[&item.marker_text, &item.text]);
        items.push(item);
    }

    /// Plain text in the current place: a lead before the first item, else the last item
    /// goes on; an inline chain 一是…二是… is split into items.
    fn continue_text(&mut self, r: &mut Report, text: &str, same_paragraph: bool) {
        let mut rest = text;
        // The next word of the chain, and whether it may start a new chain (一是 or 一方面).
        loop {
            let expect = self.next_word();
            let found = expect
                .iter()
                .filter_map(|m| find_inline(rest, *m).map(|(at, len)| (at, len, *m)))
                .min_by_key(|(at, _, _)| *at);
            // A chain may start here only if at least its second word follows too.
            let found = found.filter(|(at, len, m)| {
                let sentence_start =
                    *at == 0 || rest[..*at].ends_with(['。', '：', ':', '；', ';']);
                self.last_word.is_some_and(|w| w.same_kind(*m))
                    || (sentence_start && matches!(m, Marker::Ordinal(1)))
                    || next_at(&rest[at + len..], *m).is_some()
            });
            let Some((at, len, m)) = found else {
                self.put(r, rest, same_paragraph);
                return;
            };
            if at > 0 {
                self.put(r, &rest[..at], same_paragraph);
            }
            let marker_text = rest[at..at + len].to_string();
            rest = &rest[at + len..];
            // The item's text runs to the next word of the chain.
            let next = next_at(rest, m);
            let (mine, after) = match next {
                Some(a) => rest.split_at(a),
                None => (rest, ""),
            };
            self.new_item(r, m, marker_text, mine.to_string());
            if after.is_empty() {
                return;
            }
            rest = after;
        }
    }

    fn next_word(&self) -> Vec<Marker> {
        match self.last_word {
            Some(w) => nexts(w),
            None if self.item_is_heading_level() => vec![],
            None => vec![Marker::Ordinal(1), Marker::Aspect(1), Marker::Sequence(1)],
        }
    }

    /// Text with no numbering of its own: appended to the last item, or the lead.
    fn put(&mut self, r: &mut Report, text: &str, same_paragraph: bool) {
        if text.trim().is_empty() {
            return;
        }
        let pn = self.parts.len();
        let Some(part) = self.parts.last_mut() else {
            return;
        };
        let sn = part.subs.len();
        let (items, lead) = match part.subs.last_mut() {
            Some(sub) => (&mut sub.items, &mut sub.lead),
            None => (&mut part.items, &mut part.lead),
        };
        if let Some(item) = items.last_mut() {
            if !same_paragraph && !item.text.is_empty() {
                item.text.push('\n');
            }
            item.text.push_str(text);
            let k = number_of(item.marker, items.len());
            let role = if sn > 0 {
                Role::SubItem(pn, sn, k)
            } else {
                Role::PartItem(pn, k)
            };
            r.seg(role, &[text]);
            return;
        }
        lead.push(text.to_string());
        let role = match part.subs.len() {
            0 => Role::PartLead(pn),
            s => Role::SubLead(pn, s),
        };
        r.seg(role, &[text]);
    }
}

fn joiner(title: &str, body: &str) -> String {
    if title.ends_with(['。', '！', '？', '!', '?']) {
        body.to_string()
    } else {
        format!("\n{body}")
    }
}

/// The author's number of an item (its position where the word has none: 最后).
fn number_of(m: Marker, position: usize) -> usize {
    match m.number() {
        0 => position,
        n => n,
    }
}

fn next_of(m: Marker) -> Option<Marker> {
    match m {
        Marker::Ordinal(n) => Some(Marker::Ordinal(n + 1)),
        Marker::Aspect(1) => Some(Marker::Aspect(2)),
        Marker::Sequence(n @ 1..=2) => Some(Marker::Sequence(n + 1)),
        _ => None,
    }
}

/// The words that may follow `m` in its chain (首先 … 其次 … or straight to 最后).
fn nexts(m: Marker) -> Vec<Marker> {
    let mut out: Vec<Marker> = next_of(m).into_iter().collect();
    if matches!(m, Marker::Sequence(n) if n >= 1) {
        out.push(Marker::Sequence(0));
    }
    out
}

/// Where the next word of `m`'s chain starts in `text`.
fn next_at(text: &str, m: Marker) -> Option<usize> {
    nexts(m)
        .into_iter()
        .filter_map(|n| find_inline(text, n).map(|(a, _)| a))
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_organ_a_page_names_in_its_metadata() {
        for (line, organ) in [
            ("来源：区司法局", "区司法局"),
            ("信息来源：某县人民政府办公室", "某县人民政府办公室"),
            ("发布机构：某镇人民政府", "某镇人民政府"),
            ("发文机关:某市交通运输局", "某市交通运输局"),
            (
                "[ 发布机构 ] 某县某乡人民政府 [ 有效性 ]",
                "某县某乡人民政府",
            ),
            (
                "| [ 发布机构 ] | 某县某镇人民政府 | [ 有效性 ] | |",
                "某县某镇人民政府",
            ),
            (
                "索引号: | 0150/2022-00033 | 发布机构: | 某州教育局 |",
                "某州教育局",
            ),
            ("来源：区司法局发布时间：2024-03-28", "区司法局"),
            // Labels run together, as a stored county page has them.
            (
                "浏览次数:信息来源: 区司法局发布时间:2025-11-07 16:34",
                "区司法局",
            ),
            ("日期:2026-03-17 11:12 来源:某区教育局", "某区教育局"),
            (
                "发布日期:2026-03-06 信息来源:某街道办事处 浏览次数:",
                "某街道办事处",
            ),
            // An empty specific label, then a general one with a value.
            ("发布机构： 来源：某县司法局", "某县司法局"),
        ] {
            assert_eq!(page_organ(line).as_deref(), Some(organ), "{line}");
        }
        for line in [
            "来源：本站",
            "来源：本网",
            "来源：某某日报",
            "来源: sp20241221",
            "时间:2023-05-07 17:15:05 公文范文 来源:网友投稿",
            "发文机构: 县政府网站",
            "来源：区融媒体中心",
            "信息来源:",
            "发布时间：2024-03-28 09:18",
            "来源：新华社",
        ] {
            assert_eq!(page_organ(line), None, "{line}");
        }
    }

    #[test]
    fn a_page_names_the_organ_only_when_the_report_names_none() {
        // No title: the metadata's organ; the metadata line itself is furniture.
        let page = "来源：区司法局 发布时间：2024-03-28\n2023年，我局坚持依法行政，现将有关情况报告如下：\n一、主要举措和成效\n（一）加强组织领导。召开专题会议4次。\n二、存在的不足和原因\n学法不够深入。\n";
        let (d, summary) = crate::parse::import(page);
        assert_eq!(d.header.organ, "区司法局");
        assert_eq!(
            d.opening,
            "2023年，我局坚持依法行政，现将有关情况报告如下："
        );
        assert!(summary.furniture.iter().any(|f| f.starts_with("来源：")));
        // The title names the organ: the page's publisher (here the government's office)
        // is not taken.
        let titled = "信息来源：某县人民政府办公室\n某县2023年度法治政府建设情况报告\n2023年，我县坚持依法行政。\n一、主要举措和成效\n召开专题会议4次。\n";
        assert_eq!(crate::parse::import(titled).0.header.organ, "某县");
        // The signature names it: the signature wins over the metadata.
        let signed = "发布机构：某县人民政府办公室\n2023年，我局坚持依法行政。\n一、主要举措和成效\n召开专题会议4次。\n某县交通运输局\n2024年2月20日\n";
        let (d, _) = crate::parse::import(signed);
        assert_eq!(d.header.organ, "某县交通运输局");
        assert_eq!(d.closing.date, "2024-02-20");
        // At the foot of the page, as some sites put it.
        let foot = "2023年，我镇坚持依法行政。\n一、主要举措和成效\n召开专题会议4次。\n发布机构：某镇人民政府\n";
        assert_eq!(crate::parse::import(foot).0.header.organ, "某镇人民政府");
    }

    #[test]
    fn a_news_lead_announcing_the_report_is_not_its_opening() {
        for lead in [
            "近日，某区司法局发布《2023年度法治政府建设情况报告》，全文如下：",
            "中新网3月29日电 据司法部网站消息，司法部发布2023年法治政府建设年度报告。具体报告如下：",
            "本网讯 近日，我区司法局公布了2023年度法治政府建设情况报告。",
            "某某日报讯（记者 张某）某市政府日前公布2023年法治政府建设年度报告，报告全文如下：",
            "新华社北京3月29日电 司法部29日发布2023年法治政府建设年度报告。",
            "某县人民政府转发《某县2023年度法治政府建设情况报告》，原文如下:",
        ] {
            assert!(is_repost_lead(lead), "{lead}");
        }
        // The report's own openings, however they end.
        for opening in [
            "现将有关情况报告如下：",
            "2023年，我局坚持依法行政，现将2023年度法治政府建设情况报告如下：",
            "根据《法治政府建设与责任落实督察工作规定》要求，现将某局2023年法治政府建设情况公布如下：",
            "2023年，某街道制定发布《法治建设工作要点》，推进各项工作，特将有关情况报告如下：",
            "2023年，我局按时公布《2022年度法治政府建设情况报告》，具体情况如下：",
            "2023年，某区按时公布《2022年度法治政府建设情况报告》，特将全年工作报告如下：",
            "2024年1月5日电视电话会议召开后，某局迅速部署，有关情况如下：",
            "根据上级消息和工作部署，某镇全面推进依法行政，报告如下：",
            "2023年，某局认真贯彻《某某规定》，按时发布法治政府建设年度报告。",
            "全年共发布行政规范性文件3件，均按要求报告备案。",
        ] {
            assert!(!is_repost_lead(opening), "{opening}");
        }
    }

    #[test]
    fn a_ministry_is_an_organ_and_a_page_word_ending_in_bu_is_not() {
        for organ in ["司法部", "某市司法局", "某某街道"] {
            assert!(looks_like_organ(organ), "{organ}");
        }
        for word in ["全部", "底部", "内部", "顶部"] {
            assert!(!looks_like_organ(word), "{word}");
        }
    }

    #[test]
    fn a_lead_names_the_organ_and_year_of_the_report_it_announces() {
        let got = |l: &str| announced(l);
        assert_eq!(
            got("中新网3月29日电 据司法部网站消息，司法部发布2023年法治政府建设年度报告。具体报告如下："),
            (Some("司法部".into()), Some(2023))
        );
        assert_eq!(
            got("2024年3月29日，某区司法局发布《2023年度法治政府建设情况报告》，全文如下："),
            (Some("某区司法局".into()), Some(2023))
        );
        assert_eq!(
            got("新华社北京3月29日电 司法部29日发布2023年法治政府建设年度报告。"),
            (Some("司法部".into()), Some(2023))
        );
        assert_eq!(
            got("某市人民政府日前公布了2022年度法治政府建设情况报告，报告全文如下："),
            (Some("某市人民政府".into()), Some(2022))
        );
        // Not an organ's name, or the page's own voice: no organ.
        assert_eq!(
            got("本网讯 近日，我区司法局公布了2023年度法治政府建设情况报告。").0,
            None
        );
        assert_eq!(got("现将有关情况报告如下："), (None, None));
        // A page with no title: the lead names both.
        let page = "发布时间:2024-11-18 18:01:19 来源: sp20241118\n中新网 3月29日电 据司法部网站消息,司法部发布2023年法治政府建设年度报告。具体报告如下:\n一、坚持党的领导\n部党组始终坚持党的领导。\n";
        let (d, summary) = crate::parse::import(page);
        assert_eq!(
            (d.header.organ.as_str(), d.header.year.as_str()),
            ("司法部", "2023")
        );
        assert_eq!(summary.held.len(), 1);
        assert!(d.opening.is_empty());
    }

    #[test]
    fn a_reposted_report_keeps_its_opening_and_holds_the_lead() {
        let page = "某区司法局发布2023年度法治政府建设情况报告\n发布时间：2024-03-29 来源：某某网\n近日，某区司法局发布《2023年度法治政府建设情况报告》，全文如下：\n2023年，区司法局坚持依法行政，现将有关情况报告如下：\n一、主要举措和成效\n（一）加强组织领导。召开专题会议4次。\n二、存在的不足和原因\n学法不够深入。\n";
        let (d, summary) = crate::parse::import(page);
        assert_eq!(
            d.opening,
            "2023年，区司法局坚持依法行政，现将有关情况报告如下："
        );
        assert_eq!(
            summary.held,
            ["近日，某区司法局发布《2023年度法治政府建设情况报告》，全文如下："]
        );
        assert_eq!(d.header.organ, "某区司法局");
        assert_eq!(d.header.year, "2023");
        // The same lead above the report's own title: held as before.
        let titled = "近日，某区司法局发布《2023年度法治政府建设情况报告》，全文如下：\n某区司法局2023年度法治政府建设情况报告\n2023年，区司法局坚持依法行政。\n一、主要举措和成效\n召开专题会议4次。\n";
        let (d, summary) = crate::parse::import(titled);
        assert_eq!(summary.held.len(), 1);
        assert_eq!(d.opening, "2023年，区司法局坚持依法行政。");
    }
}

#[cfg(test)]
mod bare_heading_tests {
    use super::*;
    use crate::parse::{structure, Structure};

    const OPENING: &str =
        "2023年，我局坚持以习近平法治思想为指导，全面推进依法行政，现将有关情况报告如下：";

    fn heads(r: &Report) -> Vec<&str> {
        r.parts.iter().map(|p| p.heading.as_str()).collect()
    }

    fn roles(text: &str) -> Vec<String> {
        outline(text)
            .segments
            .iter()
            .map(|s| format!("{}|{}", s.role.where_(), s.text))
            .collect()
    }

    #[test]
    fn a_line_naming_a_part_is_its_heading_and_others_are_not() {
        // (line, the paragraph before it, the item it names)
        for (line, prev, key) in [
            ("主要措施和成效", OPENING, Some(1)),
            ("2023年法治政府建设工作开展情况", OPENING, Some(1)),
            ("存在的问题和不足", "全年办理行政复议案件12件。", Some(2)),
            ("存在问题及原因", "全年办理行政复议案件12件。", Some(2)),
            (
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                "全年办理行政复议案件12件。",
                Some(3),
            ),
            ("下一步工作计划", "执法人员业务能力有待提升。", Some(4)),
            ("2024年工作打算", "执法人员业务能力有待提升。", Some(4)),
            ("其他需要报告的情况", "执法人员业务能力有待提升。", Some(5)),
            ("下一年度工作安排", "（此项工作已完成）", Some(4)),
            // After the title, with no opening.
            (
                "主要工作及成效",
                "某县司法局2023年度法治政府建设情况报告",
                Some(1),
            ),
        ] {
            assert_eq!(bare_part(line, prev), key, "{line} after {prev}");
        }
        for (line, prev) in [
            // A sentence, or a run-in heading with its text.
            (
                "下一步，我局将继续加强执法监督。",
                "执法人员业务能力有待提升。",
            ),
            ("存在问题：学法用法不够深入", "全年办理行政复议案件12件。"),
            // Words of no part: a subsection's title, a signature, a date.
            ("加强行政执法监督", "全年办理行政复议案件12件。"),
            ("某县市场监督管理局", "特此报告。"),
            ("2024年2月20日", "某县市场监督管理局"),
            // A list's first line after "以下工作：", not after the opening's "如下：".
            ("完成年度普法计划", "2024年，我局将重点做好以下工作："),
            // A line a PDF wrapped: the paragraph before it is not finished.
            (
                "存在问题整改落实情况",
                "全年共开展执法检查，督促各执法队对照",
            ),
            // The title's second line; numbered lines (markers are read elsewhere).
            ("法治政府建设情况的报告", "某县交通运输局关于2023年度"),
            ("三、下一步工作计划", "执法人员业务能力有待提升。"),
            ("计划", "执法人员业务能力有待提升。"),
            // Topic lines inside a part name another part's words but end in their object.
            ("压实第一责任人职责", "全年办理行政复议案件12件。"),
            ("补齐法治短板", "全年办理行政复议案件12件。"),
        ] {
            assert_eq!(bare_part(line, prev), None, "{line} after {prev}");
        }
    }

    #[test]
    fn parts_without_numbers_start_their_parts() {
        let report = format!(
            "某县市场监督管理局2023年度法治政府建设情况报告\n{OPENING}\n主要措施和成效\n（一）加强组织领导。局党组召开专题会议4次，研究部署法治建设工作。\n推进重点工作落实\n（二）规范行政执法。全面落实行政执法三项制度。\n存在的问题和不足\n一是学法用法不够深入。二是执法队伍力量不足。\n2024年工作打算\n2024年，我局将重点做好以下工作：\n完成年度普法计划\n深化执法改革\n2025年工作计划\n某县市场监督管理局\n2024年2月20日\n"
        );
        let got = roles(&report);
        for want in [
            format!("opening|{OPENING}"),
            "part:1:heading|主要措施和成效".into(),
            "part:1:sub:1:heading|（一）加强组织领导。".into(),
            // A subsection's title naming the part it is in: text of that part.
            "part:1:sub:1:lead|推进重点工作落实".into(),
            "part:2:heading|存在的问题和不足".into(),
            "part:2:item:2|二是执法队伍力量不足。".into(),
            "part:3:heading|2024年工作打算".into(),
            // A list after "以下工作：", and a second line naming the plan: text.
            "part:3:body|完成年度普法计划".into(),
            "part:3:body|2025年工作计划".into(),
            "signature|某县市场监督管理局".into(),
            "date|2024年2月20日".into(),
        ] {
            assert!(got.contains(&want), "{want} in {got:#?}");
        }
        let r = outline(&report);
        assert_eq!(r.parts.len(), 3);
        assert_eq!(structure(&r), Structure::DepartmentShort);
        let (d, _) = crate::parse::import(&report);
        assert_eq!(d.parts[1].heading.as_deref(), Some("存在的问题和不足"));
        assert!(d.holding.is_empty());
    }

    #[test]
    fn where_parts_are_numbered_a_bare_line_naming_a_part_is_text() {
        // Unnumbered topic lines inside a numbered 一、: "补齐法治短板" names the problems
        // part and "统筹安排普法工作" the plan's words, but the report numbers its parts.
        let report = format!(
            "某县市场监督管理局2023年度法治政府建设情况报告\n{OPENING}\n一、2023年法治政府建设工作开展情况\n强化组织领导\n局党组召开专题会议4次，研究部署法治建设工作。\n补齐法治短板\n全面梳理执法薄弱环节，完善制度12项。\n统筹安排普法工作\n开展普法宣传活动20场。\n二、存在的问题和不足\n执法队伍力量不足。\n三、2024年工作计划\n深化执法改革。\n"
        );
        let r = outline(&report);
        let heads = heads(&r);
        assert_eq!(
            heads,
            [
                "2023年法治政府建设工作开展情况",
                "存在的问题和不足",
                "2024年工作计划"
            ]
        );
        let got = roles(&report);
        for want in ["补齐法治短板", "统筹安排普法工作"] {
            assert!(
                got.iter()
                    .any(|g| g.starts_with("part:1:") && g.ends_with(want)),
                "{want} stays in part 1: {got:#?}"
            );
        }
    }

    #[test]
    fn the_first_responsible_part_first_and_numbers_one_level_down() {
        // The 第一责任人 heading reads like a title: a part's heading after the report's
        // title. Its 一、 under an unnumbered part are subsections.
        let report = format!(
            "某县人民政府关于2023年度法治政府建设情况的报告\n{OPENING}\n党政主要负责人履行推进法治建设第一责任人职责情况\n县政府主要负责同志带头学法，主持召开常务会议专题研究法治政府建设工作3次。\n主要举措和成效\n一、加强组织领导\n县政府常务会议每季度研究法治工作。\n二、规范行政执法\n全面推行行政执法三项制度。\n"
        );
        let r = outline(&report);
        let heads = heads(&r);
        assert_eq!(
            heads,
            [
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                "主要举措和成效"
            ]
        );
        assert_eq!(
            r.title.as_deref(),
            Some("某县人民政府关于2023年度法治政府建设情况的报告")
        );
        let subs: Vec<&str> = r.parts[1].subs.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(subs, ["加强组织领导", "规范行政执法"]);
        assert_eq!(structure(&r), Structure::FiveItems);
        // A page that starts at the opening: the heading after its "如下：" is no title.
        let untitled = format!(
            "{OPENING}\n党政主要负责人履行推进法治建设第一责任人职责情况\n局主要负责人带头学法，主持召开党组会议专题研究法治建设工作3次。\n"
        );
        let r = outline(&untitled);
        assert_eq!((r.title.clone(), r.opening.len()), (None, 1));
        assert_eq!(r.parts[0].lead.len(), 1);
        // A cover letter's "特此报告。" then a title ending 情况: still the title.
        let covered = format!(
            "某县司法局：\n现将我局2023年度法治政府建设情况报告报上，请审阅。\n特此报告。\n某县交通运输局2023年度法治政府建设工作情况\n{OPENING}\n主要措施和成效\n全面落实行政执法三项制度，全年办理行政许可120件。\n"
        );
        let r = outline(&covered);
        assert_eq!(
            r.title.as_deref(),
            Some("某县交通运输局2023年度法治政府建设工作情况")
        );
        assert_eq!(
            (r.held.len(), r.parts[0].heading.as_str()),
            (3, "主要措施和成效")
        );
    }
}
