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
fn looks_like_organ(p: &str) -> bool {
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
        "办公室",
        "公司",
        "所",
        "队",
        "站",
        "会",
    ];
    p.chars().count() <= 30
        && !p.contains(['。', '，', '：', ':', ',', '；'])
        && ENDS.iter().any(|e| p.ends_with(e))
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
    let first_heading = paras
        .iter()
        .position(|p| is_heading(p))
        .unwrap_or(paras.len());

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
    for p in &paras[stop.max(k)..end] {
        body.paragraph(&mut r, p);
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
        // A cover letter or other text before the report itself.
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
}

/// Keywords of a part heading (rather than a topic used as a subsection).
fn part_like(heading: &str) -> bool {
    super::place::part_key(heading).is_some()
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
                if m.number() == next_part && (m.number() != next_sub || part_like(&title)) {
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
                self.parts.push(RPart {
                    marker_text,
                    heading: title.clone(),
                    ..RPart::default()
                });
                self.sub_kind = None;
                self.item_kind = None;
                self.last_word = None;
                let n = self.parts.len();
                r.seg(
                    Role::PartHeading(n),
                    &[&self.parts[n - 1].marker_text, &title],
                );
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
