//! The import over every real report in `tests/fixtures/corpus/` (see its README): per
//! report, paragraphs, placed %, held, dropped furniture, structure recognised, and how
//! many of the hand-checked segments got the expected place. Fails on any lost character
//! (numbering words and furniture aside), any renumbered item, and on agreement with the
//! expectations below the floor set here.

use std::collections::HashMap;
use std::fs;

use fazhi_report::model::numbering::chinese_numeral;
use fazhi_report::model::template::template_or_default;
use fazhi_report::parse::{import, outline, Role};
use fazhi_report::render::{build, to_text, TextOptions};
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

/// Every non-space character of `input` is in `output` (as many times), after removing
/// the numbering words (the tool writes its own) from both.
fn lost_characters(input: &str, output: &str) -> Vec<char> {
    let mut available: HashMap<char, i32> = HashMap::new();
    for c in strip_numbering(output).chars() {
        *available.entry(c).or_default() += 1;
    }
    let mut lost = Vec::new();
    for c in strip_numbering(input)
        .chars()
        .filter(|c| !c.is_whitespace())
    {
        let n = available.entry(c).or_default();
        *n -= 1;
        if *n < 0 {
            lost.push(c);
        }
    }
    lost
}

/// Removes numbering words: 一、（一）(一) 一是 1. （1） 一方面 首先 …
fn strip_numbering(text: &str) -> String {
    let mut t = text.to_string();
    for n in (1..=30).rev() {
        let cn = chinese_numeral(n);
        for w in [
            format!("{cn}、"),
            format!("（{cn}）"),
            format!("({cn})"),
            format!("{cn})"),
            format!("{cn}是"),
            format!("{n}."),
            format!("{n}．"),
            format!("{n}、"),
            format!("（{n}）"),
            format!("({n})"),
        ] {
            t = t.replace(&w, "");
        }
    }
    for w in [
        "另一方面，",
        "一方面，",
        "另一方面,",
        "一方面,",
        "首先，",
        "其次，",
        "再次，",
        "最后，",
    ] {
        t = t.replace(w, "");
    }
    t
}

struct Figures {
    name: String,
    paragraphs: usize,
    placed_pct: f64,
    held: usize,
    dropped: usize,
    structure: (String, String),
    style: (String, String),
    agree: usize,
    segments: usize,
    fields: Vec<String>,
}

fn item_style_of(report: &fazhi_report::parse::Report) -> String {
    use fazhi_report::parse::markers::Marker;
    let mut kinds: Vec<&str> = Vec::new();
    let all = report.parts.iter().flat_map(|p| {
        p.items
            .iter()
            .chain(p.subs.iter().flat_map(|s| s.items.iter()))
    });
    for item in all {
        let k = match item.marker {
            Marker::Ordinal(_) | Marker::Aspect(_) => "一是",
            Marker::Arabic(_) => "1.",
            Marker::ArabicParen(_) => "（1）",
            Marker::Sequence(_) => "首先",
            _ => continue,
        };
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    match kinds.as_slice() {
        [] => "none".into(),
        [one] => one.to_string(),
        _ => "mixed".into(),
    }
}

fn run(name: &str, text: &str, exp: &Value) -> Figures {
    let report = outline(text);
    let (draft, summary) = import(text);
    let template = template_or_default(&draft.template);
    let rendered = to_text(&build(template, &draft), TextOptions::default());
    let held_text = draft.holding.concat();

    // Nothing lost: the input minus the furniture dropped is in the report or held.
    let mut input = squeeze(text);
    for f in &summary.furniture {
        input = input.replacen(&squeeze(f), "", 1);
    }
    let lost = lost_characters(&input, &(rendered.clone() + &held_text));
    assert!(
        lost.is_empty(),
        "{name}: characters lost: {:?}",
        lost.iter().collect::<String>()
    );

    // Nothing renumbered: each item's text follows the number the author gave it (or the
    // author's own marker, kept in the text).
    let flat = squeeze(&rendered);
    for part in &report.parts {
        let lists = std::iter::once(&part.items).chain(part.subs.iter().map(|s| &s.items));
        for list in lists {
            for item in list.iter() {
                let head: String = squeeze(item.text.lines().next().unwrap_or(""))
                    .chars()
                    .take(8)
                    .collect();
                if head.chars().count() < 4 {
                    continue;
                }
                let Some(at) = flat.find(&head) else {
                    continue; // a heading-level item's text may have been split at 。
                };
                let before: String = flat[..at]
                    .chars()
                    .rev()
                    .take(8)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let n = item.marker.number();
                let cn = chinese_numeral(n.max(1));
                let ok = [
                    squeeze(&item.marker_text),
                    format!("{cn}是"),
                    format!("{n}."),
                    format!("（{n}）"),
                    format!("（{cn}）"),
                    if n == 1 {
                        "一方面，".into()
                    } else {
                        "另一方面，".into()
                    },
                    "首先，".into(),
                    "其次，".into(),
                    "再次，".into(),
                    "最后，".into(),
                ]
                .iter()
                .any(|m| !m.is_empty() && before.ends_with(m.as_str()))
                    || (list.len() == 1 && n <= 1)
                    || !["是", ".", "）", "，"].iter().any(|e| before.ends_with(e));
                assert!(
                    ok,
                    "{name}: item {:?}{} renumbered: …{before}{head}",
                    item.marker_text, head
                );
            }
        }
    }

    // Agreement with the hand-checked places.
    let segs = &report.segments;
    let norm = |s: &str| squeeze(s).replace("( ", "(");
    let mut j = 0usize;
    let mut agree = 0;
    let mut last: Option<Role> = None;
    let expected = exp["segments"].as_array().unwrap();
    let mut mismatches = Vec::new();
    for e in expected {
        let starts = norm(e["starts"].as_str().unwrap());
        let want = e["where"].as_str().unwrap();
        // The segment (with those after it, where a start runs on across a split) begins
        // with the expected start.
        let found = (j..segs.len()).position(|k| {
            let run: String = segs[k..(k + 3).min(segs.len())]
                .iter()
                .map(|s| norm(&s.text))
                .collect();
            !starts.is_empty() && !norm(&segs[k].text).is_empty() && run.starts_with(&starts)
        });
        let got = match found {
            Some(k) => {
                j += k;
                let role = segs[j].role.clone();
                j += 1;
                last = Some(role.clone());
                Some(role)
            }
            None => last.clone(), // a continuation inside the previous segment
        };
        let got_where = got.map(|r| r.where_()).unwrap_or_default();
        if got_where == want {
            agree += 1;
        } else {
            mismatches.push(format!("{starts}: want {want}, got {got_where}"));
        }
    }
    if std::env::var("CORPUS_VERBOSE").is_ok() {
        for m in &mismatches {
            println!("    {name}: {m}");
        }
    }

    let mut fields = Vec::new();
    let s = |v: &Value| v.as_str().map(String::from);
    if let Some(o) = s(&exp["organ"]) {
        if o != draft.header.organ {
            fields.push(format!("organ {:?}≠{o:?}", draft.header.organ));
        }
    }
    if let Some(y) = exp["year"].as_i64() {
        if draft.header.year != y.to_string() {
            fields.push(format!("year {:?}≠{y}", draft.header.year));
        }
    }
    if let Some(d) = s(&exp["date"]) {
        if draft.closing.date != d {
            fields.push(format!("date {:?}≠{d}", draft.closing.date));
        }
    }
    if let Some(dn) = s(&exp["doc_number"]) {
        let h = &draft.header.doc_number;
        let got = format!("{}〔{}〕{}号", h.agency, h.year, h.serial);
        if got != dn {
            fields.push(format!("doc_number {got}≠{dn}"));
        }
    }

    let total: usize = squeeze(text).chars().count();
    let held_chars: usize = squeeze(&held_text).chars().count();
    Figures {
        name: name.to_string(),
        paragraphs: text.lines().filter(|l| !l.trim().is_empty()).count(),
        placed_pct: 100.0 * (1.0 - held_chars as f64 / total.max(1) as f64),
        held: draft.holding.len(),
        dropped: summary.furniture.len(),
        structure: (
            summary.structure.key().to_string(),
            exp["structure"].as_str().unwrap_or("").to_string(),
        ),
        style: (
            item_style_of(&report),
            exp["item_style"].as_str().unwrap_or("").to_string(),
        ),
        agree,
        segments: expected.len(),
        fields,
    }
}

#[test]
fn every_corpus_report_is_placed_without_loss_or_renumbering() {
    let mut names: Vec<String> = fs::read_dir(DIR)
        .expect("corpus folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".json") && n.as_bytes()[0].is_ascii_digit())
        .map(|n| n.trim_end_matches(".json").to_string())
        .collect();
    names.sort();
    assert!(names.len() >= 15, "corpus has {} reports", names.len());
    let mut all = Vec::new();
    for name in &names {
        let text = fs::read_to_string(format!("{DIR}/{name}.txt")).unwrap();
        let exp: Value =
            serde_json::from_str(&fs::read_to_string(format!("{DIR}/{name}.json")).unwrap())
                .unwrap();
        all.push(run(name, &text, &exp));
    }
    println!(
        "{:<34} {:>5} {:>7} {:>4} {:>7}  {:<34} {:<12} {:>9}  fields",
        "report",
        "paras",
        "placed",
        "held",
        "dropped",
        "structure (got/expected)",
        "items",
        "segments"
    );
    let (mut agree, mut segs, mut structures, mut styles) = (0, 0, 0, 0);
    for f in &all {
        println!(
            "{:<34} {:>5} {:>6.1}% {:>4} {:>7}  {:<34} {:<12} {:>4}/{:<4}  {}",
            f.name,
            f.paragraphs,
            f.placed_pct,
            f.held,
            f.dropped,
            format!("{}/{}", f.structure.0, f.structure.1),
            format!("{}/{}", f.style.0, f.style.1),
            f.agree,
            f.segments,
            f.fields.join("; ")
        );
        agree += f.agree;
        segs += f.segments;
        structures += usize::from(f.structure.0 == f.structure.1);
        styles += usize::from(f.style.0 == f.style.1);
    }
    let placed: f64 = all.iter().map(|f| f.placed_pct).sum::<f64>() / all.len() as f64;
    println!(
        "TOTAL {} reports: placed {placed:.1}% (mean), segments in the expected place {agree}/{segs} ({:.1}%), structure {structures}/{}, item style {styles}/{}",
        all.len(),
        100.0 * agree as f64 / segs as f64,
        all.len(),
        all.len()
    );
    assert!(placed >= 99.0, "placed {placed:.1}%");
    assert!(
        agree * 100 >= segs * 85,
        "only {agree}/{segs} segments where the expectations put them"
    );
}

#[test]
fn the_import_of_the_raw_sample_renders_the_fixture_exactly() {
    let raw = include_str!("fixtures/sample-raw.txt");
    let report = include_str!("fixtures/sample-report.txt");
    let (draft, summary) = import(raw);
    assert_eq!(summary.structure.key(), "department-short");
    assert!(summary.held.is_empty() && summary.furniture.is_empty());
    let text = to_text(
        &build(template_or_default(&draft.template), &draft),
        TextOptions::default(),
    );
    assert_eq!(text, report);
}

#[test]
fn a_libreoffice_docx_of_a_corpus_report_imports_like_its_text() {
    // Made with `soffice --headless --infilter='Text (encoded):UTF8,LF,,' --convert-to docx`
    // from 14-shangcheng-renshe-ju-2023.txt: deflated entries, LibreOffice's own XML.
    let docx = include_bytes!("fixtures/docx/14-libreoffice.docx");
    let text = fazhi_report::parse::docx::docx_text(docx).expect("reads");
    let original = include_str!("fixtures/corpus/14-shangcheng-renshe-ju-2023.txt");
    let (a, _) = import(&text);
    let (b, _) = import(original);
    let t = template_or_default(&a.template);
    assert_eq!(
        to_text(&build(t, &a), TextOptions::default()),
        to_text(&build(t, &b), TextOptions::default())
    );
}
