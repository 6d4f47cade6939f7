//! A 50 000-character report (the issue-16 length; city-level and 纲要式 reports reach it):
//! its .docx is still a valid package holding all its text, and its stored form round-trips.
//! With `--nocapture` the tests print how long each step took natively (the browser figures
//! come from `node scripts/bench.mjs work`).

use std::io::Read;
use std::time::Instant;

use fazhi_report::model::draft::ListRef;
use fazhi_report::model::persisted::{decode, encode, StoredDraft, SCHEMA_VERSION};
use fazhi_report::model::template::builtin_templates;
use fazhi_report::model::Draft;
use fazhi_report::render::docx::{docx, DocxMeta};
use fazhi_report::render::layout::LayoutOptions;
use fazhi_report::render::{build, to_text, TextOptions};

const LONG: usize = 50_000;

/// A report of at least `chars` characters of plain text: an opening, then subsections of
/// part 一 with items whose wording varies (numbers and a rotating phrase), as a long
/// city-level report has.
fn long_draft(chars: usize) -> Draft {
    let template = &builtin_templates()[0];
    let mut d = Draft::new(template);
    d.header.organ = "张家港市科学技术局".into();
    d.header.year = "2022".into();
    d.header.doc_number.agency = "张科发".into();
    d.header.doc_number.year = "2023".into();
    d.header.doc_number.serial = "5".into();
    d.opening = "2022年，我局坚持以习近平新时代中国特色社会主义思想为指导，深入学习习近平法治思想。现将有关情况报告如下：".into();
    d.closing.date = "2023年2月17日".into();
    let phrases = [
        "健全依法决策机制，重大行政决策严格履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序",
        "深化“放管服”改革，推行权责清单动态管理，行政许可事项全部纳入政务服务平台办理",
        "规范行政执法行为，全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度",
        "加强行政复议和应诉工作，负责人出庭应诉率保持100%，复议纠错意见全部落实到位",
        "开展“八五”普法中期评估，组织旁听庭审、以案释法活动，干部学法用法水平不断提升",
    ];
    let mut n = 0usize;
    let mut first = true;
    while to_text(&build(template, &d), TextOptions::default())
        .chars()
        .count()
        < chars
    {
        let id = if first {
            first = false;
            d.parts[0].subsections[0].id
        } else {
            d.add_subsection(0, String::new()).unwrap()
        };
        d.subsection_mut(0, id).unwrap().title = format!("推进第{}项重点任务落实", n + 1);
        let list = ListRef::Subsection(0, id);
        for k in 0..6 {
            let item = if k == 0 {
                d.list(list).unwrap()[0].id
            } else {
                d.add_item(list, None).unwrap()
            };
            let it = d.item_mut(list, item).unwrap();
            it.lead = format!("落实第{}批第{}项工作任务", n + 1, k + 1);
            it.detail = format!(
                "{}，全年共办理{}件、同比增长{}.{}%，群众满意度达到{}%。",
                phrases[(n + k) % phrases.len()],
                100 + n * 7 + k,
                k + 2,
                n % 10,
                90 + (n + k) % 10
            );
        }
        n += 1;
    }
    d
}

fn stored(draft: Draft) -> StoredDraft {
    StoredDraft {
        schema: SCHEMA_VERSION,
        id: "dlong".into(),
        revision: 3,
        saved_at: 1_700_000_000_000.0,
        step: "part-0".into(),
        draft,
    }
}

/// The text of every `<w:p>` of word/document.xml, whitespace removed (tabs are elements).
fn docx_paragraphs(bytes: &[u8]) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP package");
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut xml = String::new();
        entry.read_to_string(&mut xml).unwrap();
        roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{}: {e}", entry.name()));
    }
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("p"))
        .map(|p| {
            p.descendants()
                .filter(|n| n.has_tag_name("t"))
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_docx_of_a_50k_report_is_a_valid_package_with_all_its_text() {
    let draft = long_draft(LONG);
    let template = &builtin_templates()[0];
    let doc = build(template, &draft);
    let text = to_text(&doc, TextOptions::default());
    assert!(text.chars().count() >= LONG, "{}", text.chars().count());
    let meta = DocxMeta {
        title: draft.title(template),
        author: draft.signature().to_string(),
    };
    let options = LayoutOptions::of(&draft, &doc);
    let t = Instant::now();
    let bytes = docx(&doc, &options, &meta);
    eprintln!(
        "docx of {} characters: {:.1} ms natively, {} KB",
        text.chars().count(),
        t.elapsed().as_secs_f64() * 1e3,
        bytes.len() / 1024
    );
    // All the text, in order: the document's paragraphs (the title may be broken over
    // lines) joined are the plain text, whitespace aside.
    let paragraphs = docx_paragraphs(&bytes);
    assert!(paragraphs.len() > 150, "{} paragraphs", paragraphs.len());
    let got = squeeze(&paragraphs.concat());
    let expected = squeeze(&text);
    assert_eq!(got.chars().count(), expected.chars().count());
    assert!(got == expected, "the .docx text differs from the report's");
}

#[test]
fn the_stored_form_of_a_50k_report_round_trips() {
    let s = stored(long_draft(LONG));
    let t = Instant::now();
    let json = encode(&s);
    let encoded = t.elapsed();
    let t = Instant::now();
    let back = decode(&json).unwrap();
    eprintln!(
        "stored form: {} KB, encode {:.2} ms, decode {:.2} ms natively",
        json.len() / 1024,
        encoded.as_secs_f64() * 1e3,
        t.elapsed().as_secs_f64() * 1e3
    );
    assert_eq!(back, s);
}

/// Issue 16: the tool's own JSON (no serde in the wasm) writes a 50 k report exactly as
/// serde_json did. Prints both speeds (medians of 15; `cargo test --release` for real
/// figures); the budget is checked in the page by scripts/bench.mjs, not here.
#[test]
fn the_stored_form_of_a_50k_report_is_serde_jsons_and_as_fast() {
    let s = stored(long_draft(LONG));
    let json = encode(&s);
    assert_eq!(json, serde_json::to_string(&s).unwrap());
    let median = |f: &mut dyn FnMut()| {
        let mut times: Vec<f64> = (0..15)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times[7]
    };
    let ours_encode = median(&mut || drop(std::hint::black_box(encode(&s))));
    let serde_encode = median(&mut || drop(serde_json::to_string(std::hint::black_box(&s))));
    let ours_decode = median(&mut || drop(decode(std::hint::black_box(&json)).unwrap()));
    // What the serde decoder did: parse to a Value, deserialize the draft from it, write it
    // again and parse that for the unknown-field check (placing not counted).
    let serde_decode = median(&mut || {
        let v: serde_json::Value = serde_json::from_str(std::hint::black_box(&json)).unwrap();
        let d: Draft = serde::Deserialize::deserialize(&v["draft"]).unwrap();
        let back: serde_json::Value =
            serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        drop((d, back));
    });
    eprintln!(
        "{} KB stored: encode {ours_encode:.2} ms (serde_json {serde_encode:.2}), \
         decode {ours_decode:.2} ms (serde_json's steps {serde_decode:.2})",
        json.len() / 1024
    );
}

/// The whole-text checks (run once typing rests) of a 50 k report find a request planted in
/// its middle, and nothing of the kind elsewhere. Prints their time natively (median of 15;
/// `cargo test --release` for real figures; in the page they run on V8's first-tier code).
#[test]
fn the_whole_text_checks_of_a_50k_report_find_a_request_in_its_middle() {
    let template = &builtin_templates()[0];
    let mut draft = long_draft(LONG);
    let request = |d: &Draft| {
        fazhi_report::checks::thorough(template, d)
            .into_iter()
            .filter(|f| f.code == fazhi_report::checks::Code::RequestInReport)
            .count()
    };
    assert_eq!(request(&draft), 0);
    let middle = draft.parts[0].subsections.len() / 2;
    let id = draft.parts[0].subsections[middle].id;
    let list = ListRef::Subsection(0, id);
    let item = draft.list(list).unwrap()[3].id;
    draft.item_mut(list, item).unwrap().detail += "以上事项，妥否，请批示。";
    assert_eq!(request(&draft), 1);
    let mut times: Vec<f64> = (0..15)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(fazhi_report::checks::thorough(template, &draft));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    eprintln!(
        "whole-text checks of a 50 k report: {:.2} ms natively",
        times[7]
    );
}
