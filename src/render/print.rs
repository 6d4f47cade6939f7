//! The report as a printable A4 page (GB/T 9704-2012): the browser's print dialog, or
//! "save as PDF", gives the same page a .docx would: the same paragraphs from
//! [`super::layout::lay_out`], the same line pitch and 28 characters a line, widow and
//! orphan control, titles and headings kept with the next paragraph, so Chromium and
//! LibreOffice break pages in the same places (tests/e2e/pagination.test.mjs). Every text
//! is HTML-escaped.

use super::document::Document;
use super::layout::{
    lay_out, Align, LaidParagraph, LayoutOptions, Rule, GBT9704_PAGE, HEITI, RED, SIZE_3HAO,
};
use crate::decimal::text as n;

/// Page geometry, millimetres: text block 156 × 225 on A4, top margin 37, binding side 28.
/// Every CJK punctuation mark keeps its full width (`text-spacing-trim: space-all`;
/// Chromium's default trims 》。 and the like to half width, which Word and LibreOffice do
/// not, with `characterSpacingControl` doNotCompress), so lines hold the same characters.
/// The text block is 0.9 pt narrower than 156 mm (28 characters still fit with 0.3 pt to
/// spare): LibreOffice's glyph advances come out a little wider than Chromium's (15.76
/// against 15.75 pt for a tightened 3号 character, more for digits), and a line that fits
/// by a hair in the browser must wrap as it does in the document.
/// Page numbers (GB/T 9704 7.5): 4号, one character in from the text block's edge, 7 mm
/// below it, as in the .docx footers.
pub const PAGE_CSS: &str = r#"
@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt/1 "SimSun", "宋体", "Noto Serif CJK SC", serif; margin-right: 14pt; vertical-align: top; padding-top: 7mm; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt/1 "SimSun", "宋体", "Noto Serif CJK SC", serif; margin-left: 14pt; vertical-align: top; padding-top: 7mm; } }
html { background: #fff; }
body { margin: 0; padding-right: 0.9pt; color: #000; }
p { margin: 0; orphans: 2; widows: 2; overflow-wrap: anywhere; text-spacing-trim: space-all; }
@media screen { body { width: 156mm; margin: 20mm auto; } .screen-only { font: 14px/1.6 "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; background: #fff8e1; border: 1px solid #f0d98a; padding: 8px 12px; margin-bottom: 16px; } }
@media print { .screen-only { display: none; } }
"#;

/// HTML text or double-quoted attribute: the .docx writer's escaping (markup escaped, control
/// characters dropped), with tabs kept as spaces and apostrophes escaped too.
fn escape(text: &str) -> String {
    super::xml::attr(&text.replace('\t', " ")).replace('\'', "&#39;")
}

fn rule_css(side: &str, rule: &Rule) -> String {
    format!(
        ";border-{side}:{}pt solid {};padding-{side}:{}pt",
        n(rule.width_pt),
        if rule.red {
            format!("#{RED}")
        } else {
            "#000".into()
        },
        n(rule.gap_pt)
    )
}

/// The inline style of one laid-out paragraph.
pub fn paragraph_css(p: &LaidParagraph) -> String {
    let s = &p.style;
    let pitch = GBT9704_PAGE.line_pitch_pt();
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
    let line = n(s.line_pt.unwrap_or(pitch));
    let tighten = n(tighten);
    // Padding rather than margin: margins collapse and vanish at the top of a page, Word's
    // space before and after do neither.
    let mut css = format!(
        "font-family:{},{fallback};font-size:{}pt;line-height:{line}pt;min-height:{line}pt;letter-spacing:{tighten}pt;font-weight:{};text-align:{align};text-indent:{}pt;padding-left:{}pt;padding-right:{}pt;padding-top:{}pt;padding-bottom:{}pt",
        fonts.join(","),
        n(s.size_pt),
        if s.bold { 700 } else { 400 },
        n(s.first_line_chars * advance),
        n(s.left_chars * advance),
        n(s.right_chars * advance),
        n(s.lines_before as f64 * pitch + s.space_before_pt),
        n(s.lines_after as f64 * pitch)
    );
    if s.red {
        css += &format!(";color:#{RED}");
    }
    if s.keep_with_next {
        css += ";break-after:avoid";
    }
    if s.tab_right {
        css += ";display:flex;justify-content:space-between";
    }
    if let Some(r) = &s.rule_above {
        css += &rule_css("top", r);
    }
    if let Some(r) = &s.rule_below {
        css += &rule_css("bottom", r);
    }
    css
}

/// Where Chinese meets Western characters ("2022年", "C计划"), LibreOffice adds a fifth
/// of the type size (its 亚洲文字与西文间距, always on: its .docx import ignores
/// `w:autoSpaceDE`/`DN`); Word adds a similar space by default. The print view adds the
/// same, as margins around each run of Western characters, so lines hold the same text.
fn autospaced(text: &str, size_pt: f64) -> String {
    let western = |c: char| c.is_ascii_alphanumeric();
    // Ideographs and full-width punctuation; marks both scripts use (“ ” · —) are neither,
    // and LibreOffice adds no space next to them.
    let asian = |c: char| c >= '\u{2E80}' && !c.is_whitespace();
    let chars: Vec<char> = text.chars().collect();
    let kern = size_pt / 5.0;
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if !western(chars[i]) {
            out += &escape(&chars[i].to_string());
            i += 1;
            continue;
        }
        // A Western run: from a letter or digit to the last one, with the marks between
        // ("12·4", "2021-2025").
        let start = i;
        let mut end = i + 1;
        let mut j = i + 1;
        while j < chars.len() && !asian(chars[j]) && !chars[j].is_whitespace() {
            if western(chars[j]) {
                end = j + 1;
            }
            j += 1;
        }
        i = end;
        let run = escape(&chars[start..end].iter().collect::<String>());
        let before = start > 0 && asian(chars[start - 1]);
        let after = end < chars.len() && asian(chars[end]);
        if before || after {
            out += &format!(
                "<span style=\"margin-left:{}pt;margin-right:{}pt\">{run}</span>",
                n(if before { kern } else { 0.0 }),
                n(if after { kern } else { 0.0 })
            );
        } else {
            out += &run;
        }
    }
    out
}

/// The spans as HTML: bold in `<b>`, another font in a `<span>`; with `tab_right`, what
/// follows the tab in a second `<span>` the flex box sets flush right.
pub fn spans_html(p: &LaidParagraph) -> String {
    let mut groups = vec![String::new()];
    for span in &p.spans {
        for (n, piece) in span.text.split('\t').enumerate() {
            if n > 0 {
                if p.style.tab_right {
                    groups.push(String::new());
                } else {
                    groups.last_mut().unwrap().push(' ');
                }
            }
            if piece.is_empty() {
                continue;
            }
            let mut html = autospaced(piece, p.style.size_pt);
            if let Some(fonts) = span.fonts {
                let list: Vec<String> = fonts.iter().map(|f| format!("'{f}'")).collect();
                html = format!(
                    "<span style=\"font-family:{},'Noto Serif CJK SC',serif\">{html}</span>",
                    list.join(",")
                );
            }
            if span.bold {
                html = format!("<b>{html}</b>");
            }
            groups.last_mut().unwrap().push_str(&html);
        }
    }
    if p.style.tab_right {
        groups.iter().map(|g| format!("<span>{g}</span>")).collect()
    } else {
        groups.concat()
    }
}

/// The class list of a laid-out paragraph: its kind, and whether the layout added it.
pub fn paragraph_class(p: &LaidParagraph) -> String {
    let mut class = p.kind.css_class().to_string();
    if p.block.is_none() {
        class += if p.style.red || p.style.rule_below.is_some_and(|r| r.red) {
            " masthead"
        } else {
            " imprint"
        };
    }
    class
}

/// A whole HTML document for printing. `title` names the browser tab and the PDF.
pub fn print_html(doc: &Document, options: &LayoutOptions, title: &str) -> String {
    let mut body = String::new();
    for p in lay_out(doc, options) {
        body.push_str(&format!(
            "<p class=\"{}\" style=\"{}\">{}</p>\n",
            paragraph_class(&p),
            paragraph_css(&p),
            spans_html(&p)
        ));
    }
    let page = GBT9704_PAGE;
    let page_css = format!(
        "@page {{ size: {}mm {}mm; margin: {}mm {}mm {}mm {}mm; }}\nbody {{ line-height: {}pt; }}",
        n(page.width_mm),
        n(page.height_mm),
        n(page.top_mm),
        n(page.right_mm),
        n(page.bottom_mm),
        n(page.left_mm),
        n(page.line_pitch_pt())
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
    fn western_runs_get_the_space_libreoffice_adds() {
        assert_eq!(
            autospaced("会2022年，C计划“12·4”。", 16.0),
            "会<span style=\"margin-left:3.2pt;margin-right:3.2pt\">2022</span>年，<span style=\"margin-left:3.2pt;margin-right:3.2pt\">C</span>计划“12·4”。"
        );
        assert_eq!(autospaced("2021-2025", 16.0), "2021-2025");
        assert_eq!(
            autospaced("会12·4会", 16.0),
            "会<span style=\"margin-left:3.2pt;margin-right:3.2pt\">12·4</span>会"
        );
        assert_eq!(autospaced("无西文", 16.0), "无西文");
    }

    #[test]
    fn blocks_become_classed_paragraphs_on_a4() {
        let doc = Document {
            blocks: vec![
                Block::new(BlockKind::Title, "标题<b>", Step::Header),
                Block::new(BlockKind::Heading1, "一、工作", Step::Part(0)),
            ],
        };
        let html = print_html(&doc, &LayoutOptions::default(), "某局报告");
        assert!(html.contains(">标题&lt;b&gt;</p>"));
        assert!(html.contains("<p class=\"h1\" style=\"font-family:'黑体'"));
        assert!(html.contains("size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm"));
        assert!(html.contains("font-size:22pt"));
        assert!(html.contains("<title>某局报告</title>"));
    }
}
