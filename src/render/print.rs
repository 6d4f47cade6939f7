//! The report as a printable A4 page (GB/T 9704-2012): the browser's print dialog, or
//! "save as PDF", gives the same page a .docx would. Every text is HTML-escaped.

use super::document::{BlockKind, Document};

/// Page geometry, millimetres: text block 156 × 225 on A4, top margin 37, binding side 28.
pub const PAGE_CSS: &str = r#"
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt "SimSun", "宋体", "Noto Serif CJK SC", serif; margin-right: 7mm; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt "SimSun", "宋体", "Noto Serif CJK SC", serif; margin-left: 7mm; } }
html { background: #fff; }
body { margin: 0; color: #000; font: 16pt/28.95pt "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif; }
p { margin: 0; text-indent: 2em; text-align: justify; orphans: 2; widows: 2; overflow-wrap: anywhere; }
.issuer, .docno { text-indent: 0; text-align: center; }
.docno { margin-bottom: 28.95pt; }
.title { text-indent: 0; text-align: center; font: 22pt/1.45 "FZXiaoBiaoSong-B05S", "方正小标宋简体", "小标宋", "SimSun", "宋体", "Noto Serif CJK SC", serif; margin: 0 0 28.95pt; }
.h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; }
.h2 { font-family: "KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti", "Noto Serif CJK SC", serif; }
.signature { text-indent: 0; text-align: left; margin-top: 28.95pt; }
.date { text-indent: 0; text-align: left; }
.note { margin-top: 0; }
@media screen { body { width: 156mm; margin: 20mm auto; } .screen-only { font: 14px/1.6 "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; background: #fff8e1; border: 1px solid #f0d98a; padding: 8px 12px; margin-bottom: 16px; } }
@media print { .screen-only { display: none; } }
"#;

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters have no place in print; drop them rather than break the page.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn class(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Issuer => "issuer",
        BlockKind::DocNumber => "docno",
        BlockKind::Title => "title",
        BlockKind::Heading1 => "h1",
        BlockKind::Heading2 => "h2",
        BlockKind::Paragraph => "para",
        BlockKind::Signature => "signature",
        BlockKind::Date => "date",
        BlockKind::Note => "note",
    }
}

/// A whole HTML document for printing. `title` names the browser tab and the PDF.
pub fn print_html(doc: &Document, title: &str) -> String {
    // Signature and date start where GB/T 9704 7.3.5.2 puts them on the 28-character line
    // (computed once, with the plain-text layout); offsets are in half-characters.
    let text_of = |k: BlockKind| {
        doc.blocks
            .iter()
            .find(|b| b.kind == k)
            .map(|b| b.text.as_str())
            .unwrap_or("")
    };
    let (sig_at, date_at) =
        super::text::signature_columns(text_of(BlockKind::Signature), text_of(BlockKind::Date));
    let mut body = String::new();
    for b in &doc.blocks {
        let style = match b.kind {
            BlockKind::Signature => format!(" style=\"padding-left:{}em\"", sig_at as f64 / 2.0),
            BlockKind::Date => format!(" style=\"padding-left:{}em\"", date_at as f64 / 2.0),
            _ => String::new(),
        };
        body.push_str(&format!(
            "<p class=\"{}\"{style}>{}</p>\n",
            class(b.kind),
            escape(&b.text)
        ));
    }
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title><style>{PAGE_CSS}</style></head>\n<body>\n<div class=\"screen-only\">按 Ctrl+P 打印，或在打印对话框中选择“另存为 PDF”。纸张 A4，页边距按 GB/T 9704 设置（请在打印选项中关闭“页眉和页脚”）。</div>\n{body}</body></html>\n",
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::step::Step;
    use crate::render::document::Block;

    #[test]
    fn text_is_escaped_and_controls_dropped() {
        assert_eq!(
            escape("<script>&\"'\u{7}x"),
            "&lt;script&gt;&amp;&quot;&#39;x"
        );
    }

    #[test]
    fn blocks_become_classed_paragraphs_on_a4() {
        let doc = Document {
            blocks: vec![
                Block {
                    kind: BlockKind::Title,
                    text: "标题<b>".into(),
                    step: Step::Header,
                },
                Block {
                    kind: BlockKind::Heading1,
                    text: "一、工作".into(),
                    step: Step::Part(0),
                },
            ],
        };
        let html = print_html(&doc, "某局报告");
        assert!(html.contains("<p class=\"title\">标题&lt;b&gt;</p>"));
        assert!(html.contains("<p class=\"h1\">一、工作</p>"));
        assert!(html.contains("size: A4; margin: 37mm 26mm 35mm 28mm"));
        assert!(html.contains("<title>某局报告</title>"));
    }
}
