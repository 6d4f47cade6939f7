//! The report's outline → a draft of one of the tool's structures. Parts are matched by
//! what their headings say (the regulation's five items), topics become subsections of the
//! measures part, and the author's item numbering is kept: regenerated where the tool can
//! write it the same way, else left in the text (never renumbered).

use super::markers::Marker;
use super::outline::{announced, RItem, RPart, Report};
use crate::model::draft::{Draft, Item, Subsection};
use crate::model::numbering::ItemStyle;
use crate::model::template::{builtin_templates, expand, BodySpec, Template};

/// Which of the regulation's five items a part heading names; `None`: a topic.
pub fn part_key(heading: &str) -> Option<u8> {
    let has = |words: &[&str]| words.iter().any(|w| heading.contains(w));
    if has(&["第一责任人", "主要负责人履行", "主要负责同志履行"]) {
        Some(3)
    } else if has(&[
        "不足",
        "存在问题",
        "存在的问题",
        "问题与",
        "问题和",
        "差距",
        "短板",
    ]) {
        Some(2)
    } else if has(&["其他需要报告", "其他情况"]) {
        Some(5)
    } else if has(&[
        "下一年度",
        "下一步",
        "计划",
        "安排",
        "打算",
        "思路",
        "明年",
        "工作设想",
    ]) {
        Some(4)
    } else if has(&[
        "举措",
        "成效",
        "工作情况",
        "总体情况",
        "开展情况",
        "主要工作",
        "基本情况",
        "推进情况",
        "主要措施",
        "工作措施",
        "做法",
        "建设情况",
        "完成情况",
        "进展",
        "重点工作",
    ]) {
        Some(1)
    } else {
        None
    }
}

/// The structure a report is written in, read from its headings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Structure {
    FiveItems,
    DepartmentShort,
    NationalPlan,
    /// Parts named by topic (组织领导, 依法决策 …), then problems and plans.
    Thematic,
}

impl Structure {
    pub fn key(self) -> &'static str {
        match self {
            Structure::FiveItems => "five-items",
            Structure::DepartmentShort => "department-short",
            Structure::NationalPlan => "national-plan",
            Structure::Thematic => "thematic",
        }
    }

    /// The template a draft of this structure is made with (topics: the short form's
    /// first part holds them as subsections).
    pub fn template_id(self) -> &'static str {
        match self {
            Structure::Thematic => "department-short",
            _ => self.key(),
        }
    }
}

const PLAN_TOPICS: &[&str] = &[
    "党对法治政府建设的领导",
    "履行政府职能",
    "依法行政制度体系",
    "依法决策",
    "公正文明执法",
    "制约和监督",
    "法治社会",
    "数字法治政府",
    "突发事件",
    "矛盾纠纷",
];

pub fn structure(report: &Report) -> Structure {
    let keys: Vec<Option<u8>> = report.parts.iter().map(|p| part_key(&p.heading)).collect();
    let headings: Vec<&str> = report.parts.iter().map(|p| p.heading.as_str()).collect();
    let statutory_words = headings.iter().any(|h| {
        (h.contains("举措") && h.contains("成效"))
            || h.contains("不足和原因")
            || h.contains("主要安排")
            || h.contains("上一年度")
            || h.contains("下一年度")
    });
    let topics_in = |titles: &[&str]| {
        PLAN_TOPICS
            .iter()
            .filter(|t| titles.iter().any(|x| x.contains(*t)))
            .count()
    };
    let sub_titles: Vec<&str> = report
        .parts
        .iter()
        .flat_map(|p| p.subs.iter().map(|s| s.title.as_str()))
        .collect();
    if keys.first().is_some_and(|k| k.is_none()) {
        if topics_in(&headings) >= 4 {
            return Structure::NationalPlan;
        }
        return Structure::Thematic;
    }
    if topics_in(&sub_titles) >= 4 && !keys.contains(&Some(5)) {
        return Structure::NationalPlan;
    }
    if keys.contains(&Some(3)) || keys.contains(&Some(5)) || statutory_words {
        return Structure::FiveItems;
    }
    Structure::DepartmentShort
}

/// How report parts are matched to template parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// By what the headings say (the import).
    Keywords,
    /// Part 一 to the template's first part, and so on; extra parts held (a structure the
    /// writer chose).
    InOrder,
}

/// A list of items as it will be written: the items and the numbering style that writes
/// them back as the author had them.
struct List {
    items: Vec<Item>,
    style: Option<ItemStyle>,
}

pub fn place(report: &Report, template: &Template, mode: Mode) -> Draft {
    let mut draft = Draft::new(template);
    for part in &mut draft.parts {
        part.subsections.clear();
        part.items.clear();
    }
    draft.closing.note.clear();
    head(report, template, &mut draft);
    let measures = template
        .parts
        .iter()
        .position(|p| p.covers.contains(&1))
        .unwrap_or(0);
    let mut taken = vec![false; template.parts.len()];
    // Every list placed: its part, where it is, its style, its items.
    let mut lists: Vec<Placed> = Vec::new();
    // Each item's numbering as the author wrote it, by item id.
    let mut markers: Marks = Vec::new();
    let m = &mut markers;
    for (n, rp) in report.parts.iter().enumerate() {
        let target = match mode {
            Mode::InOrder => (n < template.parts.len()).then_some((n, true)),
            Mode::Keywords => match part_key(&rp.heading) {
                Some(key) => template
                    .parts
                    .iter()
                    .position(|p| p.covers.contains(&key))
                    .map(|t| (t, !taken[t]))
                    .or(Some((measures, false))),
                None => Some((measures, false)),
            },
        };
        let Some((t, as_part)) = target else {
            hold_part(&mut draft, rp);
            continue;
        };
        let spec = &template.parts[t];
        if as_part {
            taken[t] = true;
            let expected = expand(
                &spec.heading,
                draft.header.organ.trim(),
                draft.header.reporting_year(),
            );
            if rp.heading != expected {
                draft.parts[t].heading = Some(rp.heading.clone());
            }
            push_lines(&mut draft.parts[t].lead, &rp.lead);
            let list = list_of(&mut draft, &rp.items, m);
            lists.push(Placed::new(t, None, &list));
            draft.parts[t].items.extend(list.items);
            match &spec.body {
                BodySpec::Subsections { .. } => {
                    for rs in &rp.subs {
                        let list = list_of(&mut draft, &rs.items, m);
                        let id = draft.add_subsection(t, rs.title.clone()).expect("part");
                        lists.push(Placed::new(t, Some(id), &list));
                        let sub = draft.subsection_mut(t, id).expect("just added");
                        sub.lead = rs.lead.join("\n");
                        sub.items = list.items;
                    }
                }
                BodySpec::Items { .. } => {
                    let list = subs_as_items(&mut draft, rp, m);
                    lists.push(Placed::new(t, None, &list));
                    draft.parts[t].items.extend(list.items);
                }
            }
        } else {
            // A topic: a subsection of the measures part (its own subsections its items).
            let (sub, style) = topic_subsection(&mut draft, rp, m);
            let ids = sub.items.iter().map(|i| i.id).collect();
            let in_subsections = matches!(spec.body, BodySpec::Subsections { .. });
            lists.push(Placed {
                part: t,
                sub: in_subsections.then_some(sub.id),
                style,
                ids,
            });
            if in_subsections {
                draft.parts[t].subsections.push(sub);
            } else {
                let mut item = draft.new_item();
                item.lead = sub.title.clone();
                item.detail = sub.lead.clone();
                draft.parts[t].items.push(item);
                draft.parts[t].items.extend(sub.items);
            }
        }
    }
    // The numbering of each part (its own items' style, else its subsections' commonest);
    // subsections that differ keep theirs; lists no style can write back keep the author's
    // markers in their text.
    let mut part_styles: Vec<Option<ItemStyle>> = vec![None; template.parts.len()];
    for (t, slot) in part_styles.iter_mut().enumerate() {
        let here = || lists.iter().filter(move |l| l.part == t);
        *slot = here()
            .filter(|l| l.sub.is_none())
            .find_map(|l| l.style)
            .or_else(|| commonest(here().filter_map(|l| l.style)));
    }
    // Lists directly in a part share its numbering: if they differ (two report parts
    // merged into one) or one cannot be written back, all keep their markers.
    for (t, slot) in part_styles.iter_mut().enumerate() {
        let mixed = lists
            .iter()
            .any(|l| l.part == t && l.sub.is_none() && l.style.is_some() && l.style != *slot);
        if mixed
            || (*slot == Some(ItemStyle::Kept)
                && lists
                    .iter()
                    .any(|l| l.part == t && l.sub.is_none() && l.style.is_some()))
        {
            *slot = Some(ItemStyle::Kept);
            for l in lists.iter_mut().filter(|l| l.part == t && l.sub.is_none()) {
                if l.style.is_some() {
                    l.style = Some(ItemStyle::Kept);
                }
            }
        }
    }
    for l in &lists {
        let Some(style) = l.style else {
            continue;
        };
        if style == ItemStyle::Kept {
            keep_markers(&mut draft, l.part, &l.ids, &markers);
        }
        if let Some(id) = l.sub {
            if Some(style) != part_styles[l.part] {
                if let Some(sub) = draft.subsection_mut(l.part, id) {
                    sub.item_style = Some(style);
                }
            }
        }
    }
    let main = commonest(
        part_styles
            .iter()
            .flatten()
            .copied()
            .filter(|s| *s != ItemStyle::Kept),
    )
    .unwrap_or_default();
    draft.item_style = main;
    for (t, style) in part_styles.into_iter().enumerate() {
        if let Some(s) = style.filter(|s| *s != main) {
            draft.parts[t].item_style = Some(s);
        }
    }
    draft.holding.extend(report.held.iter().cloned());
    draft.closing.ending = report.closing.join("\n");
    draft.conform_to(template);
    draft
}

/// A list placed in the draft: its part, its subsection (or the part itself), the style
/// that writes its numbering back, its items.
struct Placed {
    part: usize,
    sub: Option<u32>,
    style: Option<ItemStyle>,
    ids: Vec<u32>,
}

impl Placed {
    fn new(part: usize, sub: Option<u32>, list: &List) -> Placed {
        Placed {
            part,
            sub,
            style: list.style,
            ids: list.items.iter().map(|i| i.id).collect(),
        }
    }
}

fn commonest(styles: impl Iterator<Item = ItemStyle>) -> Option<ItemStyle> {
    let mut counts: Vec<(ItemStyle, usize)> = Vec::new();
    for s in styles {
        match counts.iter_mut().find(|(x, _)| *x == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    // The first seen wins a tie.
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(s, _)| s)
}

/// Each item's numbering as the author wrote it, by item id (ids are unique; a few hundred
/// items at most, so a list: no hash table code in the wasm for it).
type Marks = Vec<(u32, String)>;

/// Lists whose numbering cannot be written back the same way: each item's own marker goes
/// back into its text.
fn keep_markers(draft: &mut Draft, t: usize, ids: &[u32], markers: &Marks) {
    let part = &mut draft.parts[t];
    let items = part
        .items
        .iter_mut()
        .chain(part.subsections.iter_mut().flat_map(|s| s.items.iter_mut()))
        .filter(|i| ids.contains(&i.id));
    for item in items {
        let Some((_, marker)) = markers.iter().find(|(id, _)| *id == item.id) else {
            continue;
        };
        if item.lead.is_empty() {
            item.detail.insert_str(0, marker);
        } else {
            item.lead.insert_str(0, marker);
        }
    }
}

fn push_lines(field: &mut String, lines: &[String]) {
    for l in lines {
        if !field.is_empty() {
            field.push('\n');
        }
        field.push_str(l);
    }
}

fn hold_part(draft: &mut Draft, rp: &RPart) {
    draft
        .holding
        .push(format!("{}{}", rp.marker_text, rp.heading));
    draft.holding.extend(rp.lead.iter().cloned());
    for i in &rp.items {
        draft.holding.push(format!("{}{}", i.marker_text, i.text));
    }
    for s in &rp.subs {
        draft.holding.push(format!("{}{}", s.marker_text, s.title));
        draft.holding.extend(s.lead.iter().cloned());
        for i in &s.items {
            draft.holding.push(format!("{}{}", i.marker_text, i.text));
        }
    }
}

/// A topic part → one subsection: its heading the title, its text the lead, its items
/// and subsections (each as an item: title, then text) the items.
fn topic_subsection(
    draft: &mut Draft,
    rp: &RPart,
    markers: &mut Marks,
) -> (Subsection, Option<ItemStyle>) {
    let mut sub = draft.new_subsection(rp.heading.clone());
    sub.items.clear();
    sub.lead = rp.lead.join("\n");
    let own = list_of(draft, &rp.items, markers);
    let from_subs = subs_as_items(draft, rp, markers);
    let style = match (own.items.is_empty(), from_subs.items.is_empty()) {
        (_, true) => own.style,
        (true, false) => from_subs.style,
        (false, false) => Some(ItemStyle::Kept),
    };
    sub.items.extend(own.items);
    sub.items.extend(from_subs.items);
    (sub, style)
}

/// A part's subsections as items: the title the lead sentence, the text the detail.
fn subs_as_items(draft: &mut Draft, rp: &RPart, marks: &mut Marks) -> List {
    let mut items = Vec::new();
    let mut markers = Vec::new();
    for s in &rp.subs {
        let mut item = draft.new_item();
        item.lead = s.title.clone();
        let mut detail: Vec<String> = s.lead.clone();
        detail.extend(
            s.items
                .iter()
                .map(|i| format!("{}{}", i.marker_text, i.text)),
        );
        item.detail = detail.join("\n");
        marks.push((item.id, s.marker_text.clone()));
        items.push(item);
        markers.push(Marker::Sub(
            super::markers::marker(&s.marker_text).map_or(0, |(m, _)| m.number()),
        ));
    }
    List {
        style: style_of(&markers),
        items,
    }
}

fn list_of(draft: &mut Draft, items: &[RItem], marks: &mut Marks) -> List {
    let markers: Vec<Marker> = items.iter().map(|i| i.marker).collect();
    let made = items
        .iter()
        .map(|i| {
            let item = make_item(draft, &i.text);
            marks.push((item.id, i.marker_text.clone()));
            item
        })
        .collect();
    List {
        style: style_of(&markers),
        items: made,
    }
}

/// The style that writes these markers back exactly, `Kept` if none does; `None` for an
/// empty list.
fn style_of(markers: &[Marker]) -> Option<ItemStyle> {
    let first = *markers.first()?;
    let n = markers.len();
    let same = markers.iter().all(|m| m.same_kind(first));
    let numbered = markers.iter().enumerate().all(|(i, m)| match m {
        Marker::Sequence(0) => i + 1 == n && n >= 3,
        Marker::Sequence(k) => *k == i + 1 && !(i + 1 == n && n >= 3),
        m => m.number() == i + 1,
    });
    // A single item is written without a word: fine for 一是 or 1. alone, but a "3." alone
    // (numbers running on from the last subsection) must keep its number.
    if n == 1 {
        return Some(if first.number() <= 1 {
            first.style().unwrap_or_default()
        } else {
            ItemStyle::Kept
        });
    }
    Some(if same && numbered {
        first.style().unwrap_or(ItemStyle::Kept)
    } else {
        ItemStyle::Kept
    })
}

/// "学法普法意识还需加强。部分干部…" → lead up to the first 。, detail after it; a short
/// first line without a full stop ("1.加强组织领导" over its text) is the lead.
pub fn make_item(draft: &mut Draft, text: &str) -> Item {
    let mut item = draft.new_item();
    let first_line = text.split('\n').next().unwrap_or("");
    match text.find('。') {
        Some(at) if at <= first_line.len() && text[..at].chars().count() <= 60 => {
            let split = at + '。'.len_utf8();
            item.lead = text[..split].to_string();
            item.detail = text[split..].trim_start_matches('\n').to_string();
        }
        _ if first_line.len() < text.len() && first_line.chars().count() <= 40 => {
            item.lead = first_line.to_string();
            item.detail = text[first_line.len() + 1..].to_string();
        }
        _ => item.detail = text.to_string(),
    }
    item
}

/// Organ, year, 发文字号, title, date, signature, 附注 and the opening.
fn head(report: &Report, template: &Template, draft: &mut Draft) {
    if let Some(dn) = &report.doc_number {
        draft.header.doc_number = dn.clone();
    }
    let title = report.title.clone().unwrap_or_default();
    // The report's own naming first (organ line, title, signature); a page's metadata
    // ("来源：区司法局") only when the report names none.
    let organ = report
        .organ_line
        .clone()
        .or_else(|| organ_in_title(&title))
        .or_else(|| {
            report
                .signature
                .clone()
                .filter(|s| super::outline::looks_like_organ(s))
        })
        .or_else(|| report.lead.as_deref().and_then(|l| announced(l).0))
        .or_else(|| report.page_organ.clone())
        .unwrap_or_default();
    draft.header.organ = organ;
    let year = super::year_in_title(&title)
        .or_else(|| report.lead.as_deref().and_then(|l| announced(l).1))
        .or_else(|| year_in_text(report));
    if let Some(y) = year {
        draft.header.year = y.to_string();
    }
    if !title.is_empty() && title != draft.derived_title(template) {
        draft.header.title = Some(title);
    }
    let mut opening: Vec<String> = Vec::new();
    opening.extend(report.head_note.iter().cloned());
    opening.extend(report.salutation.iter().cloned());
    opening.extend(report.opening.iter().cloned());
    draft.opening = opening.join("\n");
    if let Some(d) = &report.date {
        draft.closing.date = d.clone();
    }
    if let Some(n) = &report.note {
        draft.closing.note = n.clone();
    }
    if let Some(s) = &report.signature {
        if *s != draft.header.organ {
            draft.closing.signature = Some(s.clone());
        }
    }
}

/// "某某局关于2023年度…的报告" → 某某局; "2020年某区法治政府建设情况报告" → 某区.
pub fn organ_in_title(title: &str) -> Option<String> {
    let t = title.trim();
    // A site's tag glued to the title ("【2022年】某局…").
    let t = match (t.starts_with('【'), t.find('】')) {
        (true, Some(end)) => &t[end + '】'.len_utf8()..],
        _ => t,
    };
    let organ = if let Some(at) = t.find("关于") {
        &t[..at]
    } else {
        // Without 关于: the text before the year, or after a leading year up to 法治.
        let digits = t.find(|c: char| c.is_ascii_digit());
        match digits {
            Some(0) => {
                let after_year = t.find('年').map(|a| a + '年'.len_utf8()).unwrap_or(0);
                let rest = &t[after_year..];
                let rest = rest.strip_prefix('度').unwrap_or(rest);
                &rest[..rest.find("法治").unwrap_or(0)]
            }
            Some(at) => &t[..at],
            None => &t[..t.find("法治").unwrap_or(0)],
        }
    };
    // A news headline names the organ with its verb: "司法部发布2023年…报告".
    let organ = ["发布", "公布", "印发", "公开"]
        .iter()
        .fold(organ.trim(), |o, verb| o.strip_suffix(verb).unwrap_or(o))
        .trim();
    // Words of time are no organ: "区五年法治政府建设工作情况的报告" (a template site's
    // title with the organ left out), "近三年…".
    let timely = ["年", "年度", "以来", "年来"]
        .iter()
        .any(|w| organ.ends_with(w));
    (!organ.is_empty() && organ.chars().count() <= 30 && !timely).then(|| organ.to_string())
}

/// The year a report without one in its title is about: the year its text names most
/// (not the end of a range such as 2021—2025年).
fn year_in_text(report: &Report) -> Option<i32> {
    let mut counts: Vec<(i32, usize, usize)> = Vec::new(); // year, count, first seen
    let texts = report
        .opening
        .iter()
        .chain(report.parts.iter().flat_map(|p| {
            p.lead
                .iter()
                .chain(p.subs.iter().flat_map(|s| s.lead.iter()))
        }));
    let mut seen = 0;
    for text in texts {
        let chars: Vec<char> = text.chars().collect();
        for i in 0..chars.len().saturating_sub(4) {
            let digits: String = chars[i..i + 4].iter().collect();
            let is_year = chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
                && chars.get(i + 4) == Some(&'年')
                && !(i > 0 && (chars[i - 1].is_ascii_digit() || "—-–～~".contains(chars[i - 1])));
            if !is_year {
                continue;
            }
            let y: i32 = digits.parse().ok()?;
            if !(1990..=2999).contains(&y) {
                continue;
            }
            seen += 1;
            match counts.iter_mut().find(|(x, _, _)| *x == y) {
                Some(e) => e.1 += 1,
                None => counts.push((y, 1, seen)),
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(y, _, _)| y)
}

/// The template a structure is written with.
pub fn template_for(s: Structure) -> &'static Template {
    builtin_templates()
        .iter()
        .find(|t| t.id == s.template_id())
        .unwrap_or(&builtin_templates()[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organ_from_titles() {
        for (title, organ) in [
            (
                "重庆市某某局关于2023年法治政府建设工作情况的报告",
                Some("重庆市某某局"),
            ),
            ("2020年静海区法治政府建设情况报告", Some("静海区")),
            ("垡头街道2023年法治政府建设工作报告", Some("垡头街道")),
            ("关于2022年度法治政府建设情况报告", None),
            // Words of time where the organ was left out (a template site's title).
            ("区五年法治政府建设工作情况的报告", None),
            ("近三年法治政府建设情况报告", None),
            (
                "某县人民政府关于近五年法治政府建设情况的报告",
                Some("某县人民政府"),
            ),
            // A news headline (tests/fixtures/corpus-new/10): the organ without its verb.
            ("司法部发布2023年法治政府建设年度报告", Some("司法部")),
            (
                "某市人民政府公布关于2022年度法治政府建设情况的报告",
                Some("某市人民政府"),
            ),
        ] {
            assert_eq!(organ_in_title(title).as_deref(), organ, "{title}");
        }
    }

    #[test]
    fn part_keys() {
        assert_eq!(part_key("2023年推进法治政府建设的主要举措和成效"), Some(1));
        assert_eq!(part_key("存在的不足和原因"), Some(2));
        assert_eq!(
            part_key("党政主要负责人履行推进法治建设第一责任人职责情况"),
            Some(3)
        );
        assert_eq!(part_key("2024年推进法治政府建设的主要安排"), Some(4));
        assert_eq!(part_key("其他需要报告的情况"), Some(5));
        assert_eq!(part_key("强化组织领导，夯实法治基础"), None);
    }

    #[test]
    fn styles_are_kept_only_when_they_can_be_written_back() {
        use Marker::*;
        assert_eq!(
            style_of(&[Ordinal(1), Ordinal(2)]),
            Some(ItemStyle::Ordinal)
        );
        assert_eq!(style_of(&[Arabic(1), Arabic(2)]), Some(ItemStyle::Arabic));
        assert_eq!(style_of(&[Arabic(3), Arabic(4)]), Some(ItemStyle::Kept));
        assert_eq!(style_of(&[Ordinal(1), Ordinal(3)]), Some(ItemStyle::Kept));
        assert_eq!(style_of(&[Aspect(1), Aspect(2)]), Some(ItemStyle::Ordinal));
        assert_eq!(
            style_of(&[Sequence(1), Sequence(2), Sequence(0)]),
            Some(ItemStyle::Sequence)
        );
        assert_eq!(style_of(&[]), None);
        assert_eq!(style_of(&[Arabic(1)]), Some(ItemStyle::Arabic));
        assert_eq!(style_of(&[Arabic(3)]), Some(ItemStyle::Kept));
    }
}
