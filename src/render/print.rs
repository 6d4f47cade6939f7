//! The report as a printable A4 page (GB/T 9704-2012): the browser's print dialog, or
//! "save as PDF", gives the same page a .docx would. Every text is HTML-escaped.

use super::document::Document;
use super::layout::{lay_out, Align, LayoutOptions, GBT9704_PAGE, HEITI, SIZE_3HAO};

/// Page geometry, millimetres: text block 156 × 225 on A4, top margin 37, binding side 28.
/// Page numbers (GB/T 9704 7.5): 4号, one character in from the text block's edge, 7 mm
/// below it, as in the .docx footers.
pub const PAGE_CSS: &str = r#"
@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt/1 "SimSun", "宋体", "Noto Serif CJK SC", serif; margin-right: 14pt; vertical-align: top; padding-top: 7mm; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt/1 "SimSun", "宋体", "Noto Serif CJK SC", serif; margin-left: 14pt; vertical-align: top; padding-top: 7mm; } }
html { background: #fff; }
body { margin: 0; color: #000; }
p { margin: 0; orphans: 2; widows: 2; overflow-wrap: anywhere; }
@media screen { body { width: 156mm; margin: 20mm auto; } .screen-only { font: 14px/1.6 "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; background: #fff8e1; border: 1px solid #f0d98a; padding: 8px 12px; margin-bottom: 16px; } }
@media print { .screen-only { display: none; } }
"#;

/// HTML text or double-quoted attribute: the .docx writer's escaping (markup escaped, control
/// characters dropped), with tabs kept as spaces and apostrophes escaped too.
fn escape(text: &str) -> String {
    super::xml::attr(&text.replace('\t', " ")).replace('\'', "&#39;")
}

/// A whole HTML document for printing. `title` names the browser tab and the PDF.
pub fn print_html(doc: &Document, options: LayoutOptions, title: &str) -> String {
    let pitch = GBT9704_PAGE.line_pitch_pt();
    let mut body = String::new();
    for p in lay_out(doc, options) {
        let s = &p.style;
        let align = match s.align {
            Align::Left => "left",
            Align::Center => "center",
            Align::Justify => "justify",
        };
        let fonts: Vec<String> = s.fonts.iter().map(|f| format!("'{f}'")).collect();
        // Where the named fonts are missing (Linux, 麒麟), fall back within the same kind:
        // 黑体 to a sans-serif CJK font, the others to a serif one.
        let fallback = if s.fonts == HEITI {
            "'Noto Sans CJK SC','Source Han Sans SC',sans-serif"
        } else {
            "'Noto Serif CJK SC','Source Han Serif SC',serif"
        };
        // 3号 text tightened as in the .docx, 28 characters a line.
        let tighten = if s.size_pt == SIZE_3HAO {
            GBT9704_PAGE.char_spacing_pt()
        } else {
            0.0
        };
        let advance = s.size_pt + tighten;
        let style = format!(
            "font-family:{},{fallback};font-size:{}pt;letter-spacing:{tighten}pt;font-weight:{};text-align:{align};text-indent:{}pt;padding-left:{}pt;margin-top:{}pt;margin-bottom:{}pt",
            fonts.join(","),
            s.size_pt,
            if s.bold { 700 } else { 400 },
            s.first_line_chars * advance,
            s.left_chars * advance,
            s.lines_before as f64 * pitch,
            s.lines_after as f64 * pitch
        );
        let text: String = p
            .spans
            .iter()
            .map(|span| {
                if span.bold {
                    format!("<b>{}</b>", escape(&span.text))
                } else {
                    escape(&span.text)
                }
            })
            .collect();
        body.push_str(&format!(
            "<p class=\"{}\" style=\"{style}\">{text}</p>\n",
            p.kind.css_class(),
        ));
    }
    let page = GBT9704_PAGE;
    let page_css = format!(
        "@page {{ size: {}mm {}mm; margin: {}mm {}mm {}mm {}mm; }}\nbody {{ line-height: {pitch:.2}pt; }}",
        page.width_mm, page.height_mm, page.top_mm, page.right_mm, page.bottom_mm, page.left_mm
    );
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title><style>{page_css}{PAGE_CSS}</style></head>\n<body>\n<div class=\"screen-only\">按 Ctrl+P 打印，或在打印对话框中选择“另存为 PDF”。纸张 A4，页边距按 GB/T 9704 设置（请在打印选项中关闭“页眉和页脚”）。</div>\n{body}</body></html>\n",
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::step::Step;
    use crate::render::document::{Block, BlockKind};

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
                Block::new(BlockKind::Title, "标题<b>", Step::Header),
                Block::new(BlockKind::Heading1, "一、工作", Step::Part(0)),
            ],
        };
        let html = print_html(&doc, LayoutOptions::default(), "某局报告");
        assert!(html.contains(">标题&lt;b&gt;</p>"));
        assert!(html.contains("<p class=\"h1\" style=\"font-family:'黑体'"));
        assert!(html.contains("size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm"));
        assert!(html.contains("font-size:22pt"));
        assert!(html.contains("<title>某局报告</title>"));
    }
}
