//! Every character reaches the printed page: paragraphs of every length from 20 to 120
//! characters, ending in each mark that may not start a line, written as .docx (bold
//! leads off and on), converted by LibreOffice (headless) to PDF, read back with
//! `pdftotext`: all of the text, in order. LibreOffice once dropped a 。 or 、 that fell
//! 29th on a line of 28 full characters, inside a paragraph (see render/docx.rs on
//! `overflowPunct`: its hanging punctuation, read inverted from the .docx).
//!
//! Needs `soffice` and `pdftotext` (scripts/test.sh installs both); without them the test
//! says so and passes, so `cargo test` still runs on a bare machine.

use std::path::{Path, PathBuf};
use std::process::Command;

use fazhi_report::model::step::Step;
use fazhi_report::render::docx::{docx, DocxMeta};
use fazhi_report::render::layout::LayoutOptions;
use fazhi_report::render::{Block, BlockKind, Document};

/// Marks that may not start a line (GB/T 15834 and Word's 后置标点 list).
const MARKS: &[&str] = &[
    "。", "，", "、", "；", "：", "？", "！", "）", "》", "”", "……", "」", "）。", "”。",
];

/// Body text: ideographs with now and then a digit run, a quote or a bracket, as reports
/// have them.
const FILL: &str = "推进行政决策科学化民主化法治化深入开展安全生产月活动全面落实行政执法三项制度健全依法决策机制加强规范性文件合法性审核";

fn body(n: usize, seed: usize) -> String {
    let chars: Vec<char> = FILL.chars().collect();
    (0..n)
        .map(|i| chars[(i * 7 + seed) % chars.len()])
        .collect()
}

/// One paragraph per (length, mark, tail): the mark ends character `length`, and the
/// paragraph either ends there or goes on (a mark inside a paragraph is what LibreOffice
/// dropped).
fn paragraphs(with_leads: bool) -> Vec<Block> {
    let mut blocks = vec![];
    for (m, mark) in MARKS.iter().enumerate() {
        for (length, tail) in (20..=120usize).flat_map(|l| [(l, ""), (l, "其后还有文字")]) {
            let mark_len = mark.chars().count();
            let mut text = body(length - mark_len, length + m);
            // Some lines carry digits (half-width) as the sample does: "2022年".
            if length % 5 == 0 {
                text.replace_range(
                    text.char_indices().nth(4).unwrap().0..text.char_indices().nth(6).unwrap().0,
                    "20",
                );
            }
            text.push_str(mark);
            text.push_str(tail);
            let mut b = Block::new(BlockKind::Paragraph, text.clone(), Step::Opening);
            if with_leads {
                // A bold lead sentence of a varying length: runs split inside the line.
                let cut = text.char_indices().nth(3 + length % 17).unwrap().0;
                b.leads = std::iter::once(0..cut).collect();
            }
            blocks.push(b);
        }
    }
    blocks
}

fn tool(name: &str, version_flag: &str) -> bool {
    Command::new(name)
        .arg(version_flag)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Converts every .docx in `dir` in one LibreOffice run (its own profile).
fn convert(dir: &Path, files: &[PathBuf]) {
    let profile = format!("file://{}", dir.join("lo-profile").display());
    let status = Command::new("soffice")
        .arg(format!("-env:UserInstallation={profile}"))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .args(files)
        .status()
        .expect("soffice runs");
    assert!(status.success(), "soffice failed: {status}");
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The PDF's text without page numbers ("— 3 —" lines) and without any white space.
fn squeezed(text: &str) -> String {
    text.lines()
        .filter(|l| {
            let t = l.trim();
            !(t.starts_with('—') && t.ends_with('—'))
        })
        .flat_map(|l| l.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn no_character_is_lost_at_a_line_end_in_libreoffice() {
    if !tool("soffice", "--version") || !tool("pdftotext", "-v") {
        eprintln!("SKIPPED: soffice or pdftotext missing (scripts/test.sh installs them)");
        return;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("line-ends");
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = vec![];
    let mut expected = vec![];
    for with_leads in [false, true] {
        let doc = Document {
            blocks: paragraphs(with_leads),
        };
        let options = LayoutOptions {
            bold_leads: with_leads,
            ..Default::default()
        };
        let path = dir.join(format!("line-ends-bold-{with_leads}.docx"));
        std::fs::write(&path, docx(&doc, &options, &DocxMeta::default())).unwrap();
        files.push(path);
        expected.push(doc);
    }
    convert(&dir, &files);
    for (path, doc) in files.iter().zip(&expected) {
        let got: Vec<char> = squeezed(&pdf_text(&path.with_extension("pdf")))
            .chars()
            .collect();
        // Walk the expected text through what was printed; a character not found where it
        // belongs is recorded as lost (with its paragraph) and the walk goes on.
        let mut at = 0;
        let mut lost = vec![];
        for b in &doc.blocks {
            for (i, c) in b.text.chars().enumerate() {
                if got.get(at) == Some(&c) {
                    at += 1;
                } else {
                    lost.push(format!(
                        "{c:?} at {} of {:?}",
                        i + 1,
                        b.text.chars().take(i + 3).collect::<String>()
                    ));
                }
            }
        }
        assert!(
            lost.is_empty(),
            "{}: {} characters lost, e.g. {:?}",
            path.display(),
            lost.len(),
            &lost[..lost.len().min(5)]
        );
        assert_eq!(at, got.len(), "nothing more than the paragraphs");
    }
}
