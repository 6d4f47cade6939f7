//! The first fixture: the sample report, typed into the model field by field, renders
//! exactly as `tests/fixtures/sample-report.txt`.

use fazhi_report::model::draft::ListRef;
use fazhi_report::model::template::builtin_templates;
use fazhi_report::model::Draft;
use fazhi_report::render::{build, to_text, TextOptions};
use serde_json::Value;

const RAW: &str = include_str!("fixtures/sample-raw.txt");
const REPORT: &str = include_str!("fixtures/sample-report.txt");
const TYPED: &str = include_str!("fixtures/sample-typed.json");

/// The documented normalisation of tests/fixtures/README.md, step by step.
fn normalise(raw: &str) -> String {
    let closing = ['。', '：', '；', '！', '？', '”', '」', '）', ')'];
    let mut paras: Vec<String> = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        match paras.last_mut() {
            Some(prev) if prev.chars().count() > 40 && !prev.ends_with(closing) => {
                prev.push_str(line)
            }
            _ => paras.push(line.to_string()),
        }
    }
    let is_date = |p: &str| p.ends_with('日') && p.contains('年') && p.chars().count() <= 12;
    let mut out = String::new();
    for (i, p) in paras.iter().enumerate() {
        let chars: Vec<char> = p.chars().collect();
        let cleaned: String = chars
            .iter()
            .enumerate()
            .filter(|(j, c)| {
                let near_digit = |k: Option<usize>| {
                    k.and_then(|k| chars.get(k))
                        .is_some_and(|c| c.is_ascii_digit())
                };
                !(**c == ' ' && (near_digit(j.checked_sub(1)) || near_digit(Some(j + 1))))
            })
            .map(|(_, c)| *c)
            .collect();
        if i > 0 {
            out.push_str(if is_date(&cleaned) { "\n" } else { "\n\n" });
        }
        out.push_str(&cleaned);
    }
    out.push('\n');
    out
}

fn s(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// Fills a fresh draft the way the wizard does: through the model's editing operations.
fn type_sample(typed: &Value) -> Draft {
    let template = &builtin_templates()[0];
    let mut d = Draft::new(template);
    d.header.organ = s(&typed["organ"]);
    d.header.year = s(&typed["year"]);
    d.header.doc_number.agency = s(&typed["doc_agency"]);
    d.header.doc_number.year = s(&typed["doc_year"]);
    d.header.doc_number.serial = s(&typed["doc_serial"]);
    d.opening = s(&typed["opening"]);

    // Part 一: the new draft has one empty subsection; the writer fills it, then adds more.
    for (n, sub) in typed["work"].as_array().unwrap().iter().enumerate() {
        let id = if n == 0 {
            d.parts[0].subsections[0].id
        } else {
            d.add_subsection(0, String::new()).unwrap()
        };
        d.subsection_mut(0, id).unwrap().title = s(&sub["title"]);
        fill_list(&mut d, ListRef::Subsection(0, id), &sub["items"]);
    }
    for (p, key) in [(1, "problems"), (2, "plan")] {
        d.parts[p].lead = s(&typed[key]["lead"]);
        fill_list(&mut d, ListRef::Part(p), &typed[key]["items"]);
    }
    d.closing.date = s(&typed["date"]);
    d.closing.note = s(&typed["note"]);
    d
}

fn fill_list(d: &mut Draft, list: ListRef, items: &Value) {
    let items = items.as_array().unwrap();
    while d.list(list).unwrap().len() < items.len() {
        d.add_item(list, None);
    }
    while d.list(list).unwrap().len() > items.len() {
        let last = d.list(list).unwrap().last().unwrap().id;
        d.remove_item(list, last);
    }
    let ids: Vec<u32> = d.list(list).unwrap().iter().map(|i| i.id).collect();
    for (id, item) in ids.into_iter().zip(items) {
        let it = d.item_mut(list, id).unwrap();
        it.lead = s(&item["lead"]);
        it.detail = s(&item["detail"]);
    }
}

#[test]
fn fixture_is_the_raw_sample_under_the_documented_normalisation() {
    assert_eq!(normalise(RAW), REPORT);
}

#[test]
fn typed_sample_renders_the_fixture_exactly() {
    let typed: Value = serde_json::from_str(TYPED).unwrap();
    let draft = type_sample(&typed);
    let text = to_text(
        &build(&builtin_templates()[0], &draft),
        TextOptions::default(),
    );
    if text != REPORT {
        for (n, (a, b)) in text.lines().zip(REPORT.lines()).enumerate() {
            assert_eq!(a, b, "first difference at line {}", n + 1);
        }
        assert_eq!(text.lines().count(), REPORT.lines().count());
    }
    assert_eq!(text, REPORT);
}

#[test]
fn reordering_items_renumbers_them() {
    let typed: Value = serde_json::from_str(TYPED).unwrap();
    let mut draft = type_sample(&typed);
    let plan = ListRef::Part(2);
    let last = draft.parts[2].items[2].id;
    draft.move_item(plan, last, -1);
    draft.move_item(plan, last, -1);
    let text = to_text(
        &build(&builtin_templates()[0], &draft),
        TextOptions::default(),
    );
    assert!(text.contains("\n\n一是创新法治宣传形式，夯实知法守法根基。"));
    assert!(text.contains("\n\n二是加强法治教育培训，提升科技干部素养。"));
}

#[test]
fn layout_form_indents_every_body_line_and_keeps_all_text() {
    let typed: Value = serde_json::from_str(TYPED).unwrap();
    let draft = type_sample(&typed);
    let doc = build(&builtin_templates()[0], &draft);
    let plain = to_text(&doc, TextOptions::default());
    let laid = to_text(&doc, TextOptions { layout: true });
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(squeeze(&plain), squeeze(&laid));
    assert!(laid
        .lines()
        .any(|l| l == "\u{3000}\u{3000}一、2022年法治建设工作开展情况"));
    assert!(laid
        .lines()
        .any(|l| l.starts_with("\u{3000}\u{3000}一是积极落实")));
}

#[test]
fn the_sample_triggers_exactly_its_real_mistakes() {
    use fazhi_report::checks::{check, statutory_coverage};
    use fazhi_report::model::field::FieldRef;
    let typed: Value = serde_json::from_str(TYPED).unwrap();
    let draft = type_sample(&typed);
    let template = &builtin_templates()[0];
    let mut found: Vec<(&str, FieldRef)> = check(template, &draft)
        .into_iter()
        .map(|f| (f.code.as_str(), f.field))
        .collect();
    found.sort_by_key(|(code, _)| *code);
    assert_eq!(
        found,
        [
            // 2022年2月17日 under 张科发〔2023〕5号, reporting on 2022: the slip the domain notes name.
            ("date-vs-reporting-year", FieldRef::Date),
            ("doc-year-vs-date", FieldRef::Date),
            // "(此件公开发布)" with half-width parentheses.
            ("half-width-punctuation", FieldRef::Note),
        ]
    );
    // The four required items are all there; item 3 inside （一） as "第一责任人职责".
    let covered: Vec<bool> = statutory_coverage(template, &draft)
        .iter()
        .map(|c| c.covered_at.is_some())
        .collect();
    assert_eq!(covered, [true, true, true, true, false]);
}

#[test]
fn the_raw_sample_pasted_in_parses_to_a_draft_that_renders_the_fixture() {
    use fazhi_report::parse::parse_report;
    let template = &builtin_templates()[0];
    let draft = parse_report(template, RAW);
    assert!(
        draft.holding.is_empty(),
        "nothing left unplaced: {:?}",
        draft.holding
    );
    assert_eq!(draft.header.organ, "张家港市科学技术局");
    assert_eq!(draft.header.year, "2022");
    assert_eq!(draft.parts[0].subsections.len(), 5);
    assert_eq!(draft.parts[1].items.len(), 2);
    assert_eq!(draft.parts[2].items.len(), 3);
    let text = to_text(&build(template, &draft), TextOptions::default());
    for (n, (a, b)) in text.lines().zip(REPORT.lines()).enumerate() {
        assert_eq!(a, b, "first difference at line {}", n + 1);
    }
    assert_eq!(text, REPORT);
    // The same text pasted from Word (no page splits, CRLF, indented) gives the same draft text.
    let from_word: String = REPORT
        .lines()
        .map(|l| format!("\u{3000}\u{3000}{l}\r\n"))
        .collect();
    assert_eq!(
        to_text(
            &build(template, &parse_report(template, &from_word)),
            TextOptions::default()
        ),
        REPORT
    );
}

#[test]
fn a_five_item_report_keeps_every_character_and_places_its_headings() {
    use fazhi_report::parse::parse_report;
    let input = include_str!("fixtures/structure-a.txt");
    let template = &builtin_templates()[0];
    let draft = parse_report(template, input);
    assert_eq!(draft.header.organ, "某市司法局");
    assert_eq!(draft.header.doc_number.serial, "3");
    assert_eq!(draft.closing.date, "2024-02-26");
    // Parts 一 to 三 land in the template's three parts, headings kept as written.
    assert_eq!(
        draft.part_heading(template, 0),
        "2023年推进法治政府建设的主要举措和成效"
    );
    assert_eq!(draft.part_heading(template, 1), "存在的不足和原因");
    assert_eq!(
        draft.part_heading(template, 2),
        "党政主要负责人履行推进法治建设第一责任人职责情况"
    );
    assert_eq!(
        draft.parts[0]
            .subsections
            .iter()
            .map(|s| s.title.as_str())
            .collect::<Vec<_>>(),
        ["健全依法决策机制", "严格规范公正文明执法"]
    );
    // Parts 四 and 五 have no place in this structure: kept in the holding section.
    assert_eq!(draft.holding[0], "四、2024年推进法治政府建设的主要安排");
    assert!(draft.holding.iter().any(|h| h == "五、其他需要报告的情况"));
    // No character lost: every non-space input character is in the report or the holding
    // section. Numbering words are left out on both sides: the tool writes them itself
    // (here part 二's 一是/二是 become 一方面/另一方面).
    let text = to_text(&build(template, &draft), TextOptions::default()) + &draft.holding.concat();
    assert_no_character_lost(input, &text);
}

/// Every non-space character of `input` (numbering words aside) is somewhere in `output`.
fn assert_no_character_lost(input: &str, output: &str) {
    use std::collections::HashMap;
    let mut available: HashMap<char, i32> = HashMap::new();
    for c in without_numbering(output).chars() {
        *available.entry(c).or_default() += 1;
    }
    for c in without_numbering(input)
        .chars()
        .filter(|c| !c.is_whitespace())
    {
        let n = available.entry(c).or_default();
        *n -= 1;
        assert!(
            *n >= 0,
            "character {c:?} of the input is missing from the draft"
        );
    }
}

/// Text without the numbering words the tool generates (一、 （一） 一是 一方面， 另一方面，).
fn without_numbering(text: &str) -> String {
    let numerals = "一二三四五六七八九十";
    let mut out = String::new();
    for line in text.lines() {
        let mut l = line.trim_start_matches(['\u{3000}', ' ']).to_string();
        for marker in ["另一方面，", "一方面，"] {
            l = l.replace(marker, "");
        }
        let head: String = l.chars().take_while(|c| numerals.contains(*c)).collect();
        if !head.is_empty() && l[head.len()..].starts_with('、') {
            l = l[head.len() + '、'.len_utf8()..].to_string();
        }
        if let Some(rest) = l.strip_prefix('（') {
            let n: String = rest.chars().take_while(|c| numerals.contains(*c)).collect();
            if !n.is_empty() && rest[n.len()..].starts_with('）') {
                l = rest[n.len() + '）'.len_utf8()..].to_string();
            }
        }
        for n in (1..=10).rev() {
            l = l.replace(
                &format!("{}是", fazhi_report::model::numbering::chinese_numeral(n)),
                "",
            );
        }
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// Parses `input` choosing the structure, and checks the headings and that nothing is lost.
fn parse_other_structure(
    input: &str,
    expect_template: &str,
    headings: &[&str],
) -> fazhi_report::model::Draft {
    use fazhi_report::model::template::template_or_default;
    use fazhi_report::parse::parse_report_best;
    let draft = parse_report_best(input);
    assert_eq!(draft.template, expect_template);
    assert!(
        draft.holding.is_empty(),
        "everything placed: {:?}",
        draft.holding
    );
    let template = template_or_default(&draft.template);
    let got: Vec<String> = (0..template.parts.len())
        .map(|p| draft.part_heading(template, p))
        .collect();
    assert_eq!(got, headings);
    let text = to_text(&build(template, &draft), TextOptions::default());
    assert_no_character_lost(input, &text);
    draft
}

#[test]
fn a_structure_a_report_is_recognised_and_placed() {
    let d = parse_other_structure(
        include_str!("fixtures/structure-a.txt"),
        "five-items",
        &[
            "2023年推进法治政府建设的主要举措和成效",
            "存在的不足和原因",
            "党政主要负责人履行推进法治建设第一责任人职责情况",
            "2024年推进法治政府建设的主要安排",
            "其他需要报告的情况",
        ],
    );
    assert_eq!(d.parts[0].subsections.len(), 2);
    assert_eq!(d.parts[3].items.len(), 2);
}

#[test]
fn a_structure_c_report_is_recognised_and_placed() {
    let d = parse_other_structure(
        include_str!("fixtures/structure-c.txt"),
        "national-plan",
        &[
            "2024年法治政府建设主要举措和成效",
            "存在的不足和原因",
            "党政主要负责人履行推进法治建设第一责任人职责情况",
            "2025年推进法治政府建设的主要安排",
        ],
    );
    assert_eq!(
        d.parts[0]
            .subsections
            .iter()
            .map(|s| s.title.as_str())
            .collect::<Vec<_>>()[..2],
        ["加强党对法治政府建设的领导", "依法全面履行政府职能"]
    );
    assert_eq!(d.header.organ, "某县人民政府办公室");
    assert_eq!(d.closing.date, "2025-02-20");
}

#[test]
fn the_sample_is_recognised_as_the_department_short_form() {
    assert_eq!(
        fazhi_report::parse::parse_report_best(RAW).template,
        "department-short"
    );
}

#[test]
fn the_sample_laid_out_by_gbt_9704() {
    use fazhi_report::render::layout::{lay_out, Align, LayoutOptions, GBT9704_PAGE};
    use fazhi_report::render::BlockKind;
    let typed: Value = serde_json::from_str(TYPED).unwrap();
    let doc = build(&builtin_templates()[0], &type_sample(&typed));
    let laid = lay_out(&doc, &LayoutOptions::default());
    // One laid-out paragraph per line of the plain text, but the title, too long for one
    // line of 2号, is set on two: the organ over the rest.
    let mut lines: Vec<String> = REPORT
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    lines.splice(
        2..3,
        [
            "张家港市科学技术局".to_string(),
            "2022年度法治政府建设情况报告".to_string(),
        ],
    );
    let texts: Vec<&str> = laid.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, lines);
    assert_eq!(laid.len(), 28);
    assert_eq!(
        (laid[3].kind, laid[3].style.lines_after),
        (BlockKind::Title, 1)
    );
    let (page, title) = (GBT9704_PAGE, &laid[2]);
    assert_eq!(
        (
            page.top_mm,
            page.left_mm,
            page.lines_per_page,
            page.chars_per_line
        ),
        (37.0, 28.0, 22, 28)
    );
    assert_eq!(
        (
            title.kind,
            title.style.size_pt,
            title.style.fonts[0],
            title.style.align
        ),
        (BlockKind::Title, 22.0, "方正小标宋简体", Align::Center)
    );
    for p in &laid {
        match p.kind {
            BlockKind::Paragraph | BlockKind::Note => {
                assert_eq!(
                    (p.style.fonts[0], p.style.size_pt, p.style.first_line_chars),
                    ("仿宋_GB2312", 16.0, 2.0),
                    "{}",
                    p.text
                )
            }
            BlockKind::Heading1 => {
                assert_eq!((p.style.fonts[0], p.style.first_line_chars), ("黑体", 2.0))
            }
            BlockKind::Heading2 => assert_eq!(
                (p.style.fonts[0], p.style.first_line_chars),
                ("楷体_GB2312", 2.0)
            ),
            _ => {}
        }
    }
    let sig = laid
        .iter()
        .find(|p| p.kind == BlockKind::Signature)
        .unwrap();
    let date = laid.iter().find(|p| p.kind == BlockKind::Date).unwrap();
    // 张家港市科学技术局 (9 characters) ends two characters from the right of 28: starts at 17;
    // the date starts two characters further right.
    assert_eq!((sig.style.left_chars, date.style.left_chars), (17.0, 19.0));
}

#[test]
fn the_sample_as_a_word_document() {
    use fazhi_report::render::docx::{parts, DocxMeta, WordPage};
    use fazhi_report::render::layout::{lay_out, LayoutOptions, GBT9704_PAGE};
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let typed: Value = serde_json::from_str(TYPED).unwrap();
    let doc = build(&builtin_templates()[0], &type_sample(&typed));
    let options = LayoutOptions {
        bold_leads: true,
        ..Default::default()
    };
    let page = WordPage::from_setup(&GBT9704_PAGE);
    let parts = parts(&doc, &options, &DocxMeta::default(), &page);
    let document = &parts
        .iter()
        .find(|(n, _)| *n == "word/document.xml")
        .unwrap()
        .1;
    let xml = roxmltree::Document::parse(document).unwrap();
    let body = xml
        .descendants()
        .find(|n| n.has_tag_name((W, "body")))
        .unwrap();
    let paragraphs: Vec<_> = body
        .children()
        .filter(|n| n.has_tag_name((W, "p")))
        .collect();
    // One Word paragraph per laid-out paragraph, with the same text: all of the plain text.
    let laid = lay_out(&doc, &options);
    assert_eq!(paragraphs.len(), 28);
    let lines: Vec<&str> = laid.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        lines.concat(),
        REPORT.lines().collect::<Vec<_>>().concat(),
        "nothing lost or added"
    );
    for ((p, line), laid) in paragraphs.iter().zip(&lines).zip(&laid) {
        let text: String = p
            .descendants()
            .filter(|n| n.has_tag_name((W, "t")))
            .filter_map(|t| t.text())
            .collect();
        assert_eq!(&text, line);
        // Every run names the laid-out font and size; bold where the layout says.
        let runs: Vec<_> = p.children().filter(|n| n.has_tag_name((W, "r"))).collect();
        assert_eq!(runs.len(), laid.spans.len(), "{line}");
        for (r, span) in runs.iter().zip(&laid.spans) {
            let fonts = r
                .descendants()
                .find(|n| n.has_tag_name((W, "rFonts")))
                .unwrap();
            assert_eq!(fonts.attribute((W, "eastAsia")), Some(laid.style.fonts[0]));
            let size = r.descendants().find(|n| n.has_tag_name((W, "sz"))).unwrap();
            assert_eq!(
                size.attribute((W, "val")),
                Some((laid.style.size_pt * 2.0).to_string().as_str())
            );
            assert_eq!(r.descendants().any(|n| n.has_tag_name((W, "b"))), span.bold);
        }
    }
    // The sample's items have lead sentences; with the option on, some runs are bold.
    let bold_runs = laid
        .iter()
        .flat_map(|p| &p.spans)
        .filter(|s| s.bold)
        .count();
    assert!(bold_runs >= 5, "{bold_runs} bold lead sentences");
    // Left for a person to open in Word, WPS or LibreOffice, with and without bold leads.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    for (name, options) in [
        ("sample-report.docx", options.clone()),
        ("sample-report-plain.docx", LayoutOptions::default()),
    ] {
        std::fs::write(
            dir.join(name),
            fazhi_report::render::docx::docx(&doc, &options, &DocxMeta::default()),
        )
        .unwrap();
        let html = fazhi_report::render::print::print_html(&doc, &options, "sample");
        std::fs::write(dir.join(name).with_extension("html"), html).unwrap();
    }
}
