//! The report as a Word document (.docx, Office Open XML) laid out by GB/T 9704-2012,
//! written from the same layout model as the print view.
//!
//! Why hand-written XML rather than `docx-rs`: docx-rs 0.4.22 with default features off
//! (no `image`) compiled to 614 KB of wasm (249 KB gzipped) for a one-paragraph document,
//! more than the whole tool; this module and its ZIP writer add a few KB. All user text
//! goes through [`super::xml`], and the native tests parse every part back.
//!
//! What Word, WPS and LibreOffice get:
//! - A4, margins 37/35/28/26 mm, a 156 × 225 mm text block; 22 lines on an exact line
//!   pitch (also given as the line grid), and 28 characters of 3号 on a line by tightening
//!   each character by a quarter point. Not Word's character grid (`linesAndChars`):
//!   LibreOffice gives each 16 pt character two 15.8 pt grid cells, 16 characters a line;
//!   character spacing gives 28 in Word, WPS and LibreOffice alike;
//! - each paragraph in a named style (公文标题, 一级标题 …) and, as well, its font, size,
//!   indents and alignment set directly, with the East Asian font named in every run's
//!   `rFonts` (all four slots, `hint="eastAsia"`), so neither Word's theme fonts nor WPS
//!   substitute, and quotes and dashes stay in the Chinese font;
//! - page numbers "— N —" in 4号 宋体, right on odd pages and left on even pages, one
//!   character in from the edge of the text block, 7 mm below it.

use super::document::{BlockKind, Document};
use super::layout::{
    lay_out, Align, LaidParagraph, LayoutOptions, PageSetup, ParagraphStyle, Span, FANGSONG,
    GBT9704_PAGE, HEITI, KAITI, SIZE_3HAO, SIZE_4HAO, SONGTI, XIAOBIAOSONG,
};
use super::xml;

/// Who and what the document is, for its properties (File → Properties in Word).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocxMeta {
    pub title: String,
    pub author: String,
}

/// Twips (1/20 pt) per millimetre.
fn mm_to_twips(mm: f64) -> f64 {
    mm / 25.4 * 1440.0
}

/// The page setup in Word's units, with the grid that gives 22 lines of 28 characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordPage {
    pub width: u32,
    pub height: u32,
    pub top: u32,
    pub bottom: u32,
    pub left: u32,
    pub right: u32,
    pub footer: u32,
    /// Twips from one line to the next.
    pub line_pitch: u32,
    /// Twips added to each 3号 character's advance so that a line holds exactly the
    /// characters asked for (negative: tighter).
    pub char_spacing: i32,
}

impl WordPage {
    pub fn from_setup(p: &PageSetup) -> Self {
        let round = |mm: f64| mm_to_twips(mm).round() as u32;
        let (width, height) = (round(p.width_mm), round(p.height_mm));
        let (top, bottom, left, right) = (
            round(p.top_mm),
            round(p.bottom_mm),
            round(p.left_mm),
            round(p.right_mm),
        );
        // Rounded down so that the lines and characters asked for always fit.
        let line_pitch = (height - top - bottom) / p.lines_per_page;
        let char_spacing = (p.char_spacing_pt() * 20.0).round() as i32;
        // GB/T 9704 7.5: the page number's top 7 mm below the text block.
        let footer = round(p.bottom_mm - 7.0 - SIZE_4HAO * 25.4 / 72.0);
        WordPage {
            width,
            height,
            top,
            bottom,
            left,
            right,
            footer,
            line_pitch,
            char_spacing,
        }
    }

    /// The advance of one 3号 character, twips.
    pub fn char_advance(&self) -> i32 {
        (SIZE_3HAO * 20.0) as i32 + self.char_spacing
    }
}

/// The .docx file: a ZIP of the parts below.
pub fn docx(doc: &Document, options: LayoutOptions, meta: &DocxMeta) -> Vec<u8> {
    let page = WordPage::from_setup(&GBT9704_PAGE);
    let parts = parts(doc, options, meta, &page);
    let files: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(name, xml)| (*name, xml.as_bytes()))
        .collect();
    super::zip::write(&files)
}

/// Every part of the package, by name. Public for the tests that parse them.
pub fn parts(
    doc: &Document,
    options: LayoutOptions,
    meta: &DocxMeta,
    page: &WordPage,
) -> Vec<(&'static str, String)> {
    vec![
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("docProps/core.xml", core_xml(meta)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/document.xml", document_xml(doc, options, page)),
        ("word/styles.xml", styles_xml(page)),
        ("word/settings.xml", SETTINGS.to_string()),
        ("word/fontTable.xml", font_table_xml()),
        ("word/footer1.xml", footer_xml(true, page)),
        ("word/footer2.xml", footer_xml(false, page)),
    ]
}

const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/></Relationships>"#;

/// Odd and even footers differ; Chinese punctuation is not compressed (28 characters per
/// line stay 28 whatever the punctuation); compatibility mode of Word 2013 and later.
const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:useFELayout/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>"#;

fn core_xml(meta: &DocxMeta) -> String {
    format!(
        r#"{DECLARATION}
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>zh-CN</dc:language></cp:coreProperties>"#,
        xml::text(&meta.title),
        xml::text(&meta.author)
    )
}

/// The style each kind of paragraph is in: id, name shown in Word, outline level.
fn style_id(kind: BlockKind) -> (&'static str, &'static str, Option<u8>) {
    match kind {
        BlockKind::Issuer => ("ReportIssuer", "发文机关", None),
        BlockKind::DocNumber => ("ReportDocNumber", "发文字号", None),
        BlockKind::Title => ("ReportTitle", "公文标题", None),
        BlockKind::Heading1 => ("ReportHeading1", "一级标题", Some(0)),
        BlockKind::Heading2 => ("ReportHeading2", "二级标题", Some(1)),
        BlockKind::Paragraph => ("Normal", "Normal", None),
        BlockKind::Signature => ("ReportSignature", "发文机关署名", None),
        BlockKind::Date => ("ReportDate", "成文日期", None),
        BlockKind::Note => ("ReportNote", "附注", None),
    }
}

const ALL_KINDS: [BlockKind; 9] = [
    BlockKind::Paragraph,
    BlockKind::Issuer,
    BlockKind::DocNumber,
    BlockKind::Title,
    BlockKind::Heading1,
    BlockKind::Heading2,
    BlockKind::Signature,
    BlockKind::Date,
    BlockKind::Note,
];

/// `rFonts` naming one font in every slot; `hint` makes Word take the East Asian slot for
/// characters both scripts share (“ ” — …).
fn run_fonts(font: &str) -> String {
    let f = xml::attr(font);
    format!(
        r#"<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}" w:hint="eastAsia"/>"#
    )
}

fn half_points(pt: f64) -> u32 {
    (pt * 2.0).round() as u32
}

/// Font, weight and size; 3号 text tightened to 28 characters a line.
fn run_properties(style: &ParagraphStyle, bold: bool, page: &WordPage) -> String {
    let size = half_points(style.size_pt);
    // Always written: a style based on Normal would otherwise inherit 3号's tightening.
    let tighten = if style.size_pt == SIZE_3HAO {
        page.char_spacing
    } else {
        0
    };
    let spacing = format!(r#"<w:spacing w:val="{tighten}"/>"#);
    format!(
        r#"<w:rPr>{}{}{spacing}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>"#,
        run_fonts(style.fonts[0]),
        if bold { "<w:b/><w:bCs/>" } else { "" }
    )
}

/// The paragraph properties of a style, in schema order, without `pStyle` and `rPr`.
fn layout_properties(kind: BlockKind, style: &ParagraphStyle, page: &WordPage) -> String {
    let pitch = page.line_pitch;
    let mut spacing = String::from("<w:spacing");
    if style.lines_before > 0 {
        spacing += &format!(
            r#" w:before="{}" w:beforeLines="{}""#,
            style.lines_before * pitch,
            style.lines_before * 100
        );
    }
    if style.lines_after > 0 {
        spacing += &format!(
            r#" w:after="{}" w:afterLines="{}""#,
            style.lines_after * pitch,
            style.lines_after * 100
        );
    }
    spacing += &format!(r#" w:line="{pitch}" w:lineRule="exact"/>"#);
    // Both indents always written: a style based on Normal would otherwise inherit its
    // two-character first line. The first-line indent also in characters, so Word's
    // paragraph dialog shows "首行缩进 2 字符"; the left indent (signature, date) in twips
    // of the tightened characters only, so that they end exactly two characters from the
    // right.
    let twips = |c: f64| (c * page.char_advance() as f64).round() as i64;
    let ind = format!(
        r#"<w:ind w:left="{}" w:firstLine="{}" w:firstLineChars="{}"/>"#,
        twips(style.left_chars),
        twips(style.first_line_chars),
        (style.first_line_chars * 100.0).round() as i64
    );
    let jc = match style.align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Justify => "both",
    };
    let outline = match style_id(kind).2 {
        Some(level) => format!(r#"<w:outlineLvl w:val="{level}"/>"#),
        None => String::new(),
    };
    // Type larger than 3号 off the line grid: LibreOffice would give each 2号 line two
    // grid lines; the exact line pitch keeps it on the page's rhythm anyway.
    let snap = if style.size_pt > SIZE_3HAO {
        r#"<w:snapToGrid w:val="0"/>"#
    } else {
        ""
    };
    format!(r#"{snap}{spacing}{ind}<w:jc w:val="{jc}"/>{outline}"#)
}

/// A run of text; tabs become `<w:tab/>` (anything else unprintable was dropped by
/// [`xml::text`]).
fn run(style: &ParagraphStyle, span: &Span, page: &WordPage) -> String {
    let mut content = String::new();
    for (n, piece) in span.text.split('\t').enumerate() {
        if n > 0 {
            content.push_str("<w:tab/>");
        }
        let piece = xml::text(piece);
        if !piece.is_empty() {
            content += &format!(r#"<w:t xml:space="preserve">{piece}</w:t>"#);
        }
    }
    format!(
        "<w:r>{}{content}</w:r>",
        run_properties(style, span.bold || style.bold, page)
    )
}

fn paragraph(p: &LaidParagraph, page: &WordPage) -> String {
    let runs: String = p.spans.iter().map(|s| run(&p.style, s, page)).collect();
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{}"/>{}{}</w:pPr>{runs}</w:p>"#,
        style_id(p.kind).0,
        layout_properties(p.kind, &p.style, page),
        run_properties(&p.style, false, page)
    )
}

fn section_properties(page: &WordPage) -> String {
    format!(
        r#"<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:footerReference w:type="even" r:id="rId5"/><w:pgSz w:w="{}" w:h="{}"/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="851" w:footer="{}" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="{}"/></w:sectPr>"#,
        page.width,
        page.height,
        page.top,
        page.right,
        page.bottom,
        page.left,
        page.footer,
        page.line_pitch
    )
}

pub fn document_xml(doc: &Document, options: LayoutOptions, page: &WordPage) -> String {
    let mut body: String = lay_out(doc, options)
        .iter()
        .map(|p| paragraph(p, page))
        .collect();
    if body.is_empty() {
        // Word wants a paragraph before the section properties, even in an empty document.
        body.push_str("<w:p/>");
    }
    format!(
        "{DECLARATION}\n<w:document {W_NS}><w:body>{body}{}</w:body></w:document>",
        section_properties(page)
    )
}

fn styles_xml(page: &WordPage) -> String {
    let body = super::layout::style_of(BlockKind::Paragraph);
    let mut styles = format!(
        r#"{DECLARATION}
<w:styles {W_NS}><w:docDefaults><w:rPrDefault>{}</w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:line="{}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
        run_properties(&body, false, page).replace(
            "</w:rPr>",
            r#"<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>"#
        ),
        page.line_pitch
    );
    for kind in ALL_KINDS {
        let (id, name, _) = style_id(kind);
        let style = super::layout::style_of(kind);
        let (default, based_on) = if id == "Normal" {
            (r#" w:default="1""#, String::new())
        } else {
            (
                "",
                r#"<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>"#.to_string(),
            )
        };
        styles += &format!(
            r#"<w:style w:type="paragraph"{default} w:styleId="{id}"><w:name w:val="{name}"/>{based_on}<w:qFormat/><w:pPr>{}</w:pPr>{}</w:style>"#,
            layout_properties(kind, &style, page),
            run_properties(&style, false, page)
        );
    }
    styles += r#"<w:style w:type="paragraph" w:styleId="ReportPageNumber"><w:name w:val="页码"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="0" w:firstLine="0" w:firstLineChars="0"/></w:pPr><w:rPr><w:spacing w:val="0"/></w:rPr></w:style>"#;
    styles.push_str("</w:styles>");
    styles
}

/// Each font the document names, with the commoner font Word should fall back to where
/// it is missing (仿宋_GB2312 → 仿宋 on a stock Windows 10).
fn font_table_xml() -> String {
    let mut out = format!("{DECLARATION}\n<w:fonts {W_NS}>");
    for list in [FANGSONG, XIAOBIAOSONG, HEITI, KAITI, SONGTI] {
        let alt = list[1..]
            .iter()
            .rev()
            .find(|f| !f.is_ascii())
            .map(|f| format!(r#"<w:altName w:val="{}"/>"#, xml::attr(f)))
            .unwrap_or_default();
        out += &format!(
            r#"<w:font w:name="{}">{alt}<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
            xml::attr(list[0])
        );
    }
    out.push_str("</w:fonts>");
    out
}

/// "— N —" in 4号 宋体: on odd pages at the right, one character in; on even pages at the left.
fn footer_xml(odd: bool, page: &WordPage) -> String {
    let style = ParagraphStyle {
        fonts: SONGTI,
        size_pt: SIZE_4HAO,
        ..super::layout::style_of(BlockKind::Paragraph)
    };
    let rpr = run_properties(&style, false, page);
    let one_char = half_points(SIZE_4HAO) * 10;
    // No first-line indent: the page number's style is based on Normal, which has one.
    let (jc, ind) = if odd {
        (
            "right",
            format!(
                r#"<w:ind w:left="0" w:right="{one_char}" w:firstLine="0" w:firstLineChars="0"/>"#
            ),
        )
    } else {
        (
            "left",
            format!(
                r#"<w:ind w:left="{one_char}" w:right="0" w:firstLine="0" w:firstLineChars="0"/>"#
            ),
        )
    };
    let r = |inner: &str| format!("<w:r>{rpr}{inner}</w:r>");
    format!(
        r#"{DECLARATION}
<w:ftr {W_NS}><w:p><w:pPr><w:pStyle w:val="ReportPageNumber"/><w:snapToGrid w:val="0"/><w:spacing w:line="{}" w:lineRule="exact"/>{ind}<w:jc w:val="{jc}"/></w:pPr>{}{}{}{}{}{}{}</w:p></w:ftr>"#,
        one_char,
        r(r#"<w:t xml:space="preserve">— </w:t>"#),
        r(r#"<w:fldChar w:fldCharType="begin"/>"#),
        r(r#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#),
        r(r#"<w:fldChar w:fldCharType="separate"/>"#),
        r(&format!("<w:t>{}</w:t>", if odd { 1 } else { 2 })),
        r(r#"<w:fldChar w:fldCharType="end"/>"#),
        r(r#"<w:t xml:space="preserve"> —</w:t>"#),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::step::Step;
    use crate::render::Block;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    fn page() -> WordPage {
        WordPage::from_setup(&GBT9704_PAGE)
    }

    #[test]
    fn the_page_is_a4_with_22_lines_of_28_characters() {
        let p = page();
        assert_eq!((p.width, p.height), (11906, 16838));
        assert_eq!((p.top, p.bottom, p.left, p.right), (2098, 1984, 1587, 1474));
        let (text_w, text_h) = (
            (p.width - p.left - p.right) as f64,
            (p.height - p.top - p.bottom) as f64,
        );
        // 156 × 225 mm, to the twip.
        assert!(
            (text_w - mm_to_twips(156.0)).abs() < 1.5 && (text_h - mm_to_twips(225.0)).abs() < 1.5
        );
        assert_eq!(p.line_pitch, 579);
        assert_eq!((text_h / p.line_pitch as f64).floor(), 22.0);
        // 28 tightened 3号 characters fit on a line, 29 do not.
        assert_eq!(p.char_spacing, -5);
        assert_eq!((text_w / p.char_advance() as f64).floor(), 28.0);
        // The page number's top 7 mm below the text block: 35 − 7 − 4.94 mm from the bottom.
        assert_eq!(p.footer, 1307);
    }

    fn sample_doc() -> Document {
        let mut item = Block::new(
            BlockKind::Paragraph,
            "一是加强领导。成立“法治建设”领导小组——每季度研究。",
            Step::Part(0),
        );
        item.leads = std::iter::once(0.."一是加强领导。".len()).collect();
        Document {
            blocks: vec![
                Block::new(
                    BlockKind::Title,
                    "某局2022年度法治政府建设情况报告",
                    Step::Header,
                ),
                Block::new(BlockKind::Heading1, "一、主要举措", Step::Part(0)),
                Block::new(BlockKind::Heading2, "（一）深入学习", Step::Part(0)),
                item,
                Block::new(BlockKind::Signature, "某局", Step::Closing),
                Block::new(BlockKind::Date, "2023年2月17日", Step::Closing),
                Block::new(BlockKind::Note, "（此件公开发布）", Step::Closing),
            ],
        }
    }

    fn all_parts(doc: &Document, options: LayoutOptions) -> Vec<(&'static str, String)> {
        let meta = DocxMeta {
            title: "某局<报告>".into(),
            author: "某局&".into(),
        };
        parts(doc, options, &meta, &page())
    }

    fn part(parts: &[(&'static str, String)], name: &str) -> String {
        parts.iter().find(|(n, _)| *n == name).unwrap().1.clone()
    }

    /// (east Asian font, half-points, bold) of a run.
    type RunSummary = (String, String, bool);

    /// (style id, text, runs) of each body paragraph.
    fn paragraphs(document: &str) -> Vec<(String, String, Vec<RunSummary>)> {
        let xml = roxmltree::Document::parse(document).expect("document.xml is well-formed");
        let body = xml
            .descendants()
            .find(|n| n.has_tag_name((W, "body")))
            .unwrap();
        body.children()
            .filter(|n| n.has_tag_name((W, "p")))
            .map(|p| {
                let style = p
                    .descendants()
                    .find(|n| n.has_tag_name((W, "pStyle")))
                    .and_then(|n| n.attribute((W, "val")))
                    .unwrap_or("")
                    .to_string();
                let text: String = p
                    .descendants()
                    .filter(|n| n.has_tag_name((W, "t")))
                    .map(|t| t.text().unwrap_or(""))
                    .collect();
                let runs = p
                    .children()
                    .filter(|n| n.has_tag_name((W, "r")))
                    .map(|r| {
                        let fonts = r
                            .descendants()
                            .find(|n| n.has_tag_name((W, "rFonts")))
                            .unwrap();
                        for slot in ["ascii", "hAnsi", "eastAsia", "cs"] {
                            assert!(fonts.attribute((W, slot)).is_some(), "every slot named");
                        }
                        assert_eq!(fonts.attribute((W, "hint")), Some("eastAsia"));
                        let size = r.descendants().find(|n| n.has_tag_name((W, "sz"))).unwrap();
                        (
                            fonts.attribute((W, "eastAsia")).unwrap().to_string(),
                            size.attribute((W, "val")).unwrap().to_string(),
                            r.descendants().any(|n| n.has_tag_name((W, "b"))),
                        )
                    })
                    .collect();
                (style, text, runs)
            })
            .collect()
    }

    #[test]
    fn every_part_is_well_formed_and_listed() {
        let parts = all_parts(&sample_doc(), LayoutOptions::default());
        for (name, xml) in &parts {
            roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let types = part(&parts, "[Content_Types].xml");
        for (name, _) in &parts {
            if !name.ends_with(".rels") && *name != "[Content_Types].xml" {
                assert!(
                    types.contains(&format!("PartName=\"/{name}\"")),
                    "{name} has a content type"
                );
            }
        }
        let core = part(&parts, "docProps/core.xml");
        assert!(
            core.contains("<dc:title>某局&lt;报告&gt;</dc:title>") && core.contains("某局&amp;")
        );
    }

    #[test]
    fn paragraphs_carry_the_gbt_9704_styles_and_fonts() {
        let parts = all_parts(&sample_doc(), LayoutOptions::default());
        let paras = paragraphs(&part(&parts, "word/document.xml"));
        let summary: Vec<(&str, &str, &str)> = paras
            .iter()
            .map(|(style, _, runs)| (style.as_str(), runs[0].0.as_str(), runs[0].1.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                ("ReportTitle", "方正小标宋简体", "44"),
                ("ReportHeading1", "黑体", "32"),
                ("ReportHeading2", "楷体_GB2312", "32"),
                ("Normal", "仿宋_GB2312", "32"),
                ("ReportSignature", "仿宋_GB2312", "32"),
                ("ReportDate", "仿宋_GB2312", "32"),
                ("ReportNote", "仿宋_GB2312", "32"),
            ]
        );
        assert_eq!(
            paras[3].1,
            "一是加强领导。成立“法治建设”领导小组——每季度研究。"
        );
        assert!(
            paras.iter().all(|(_, _, runs)| runs.iter().all(|r| !r.2)),
            "no bold unless asked"
        );

        let document = part(&parts, "word/document.xml");
        // Title centred with a line after it; body justified, two characters in.
        assert!(document.contains(r#"<w:snapToGrid w:val="0"/><w:spacing w:before="579" w:beforeLines="100" w:after="579" w:afterLines="100" w:line="579" w:lineRule="exact"/><w:ind w:left="0" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/>"#));
        assert!(document.contains(
            r#"<w:ind w:left="0" w:firstLine="630" w:firstLineChars="200"/><w:jc w:val="both"/>"#
        ));
        assert!(document.contains(
            r#"<w:ind w:left="0" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/>"#
        ));
        assert!(document.contains(r#"<w:spacing w:val="-5"/><w:sz w:val="32"/>"#));
        // Only 3号 is tightened; the title is not, though its style is based on Normal.
        assert!(document.contains(r#"<w:spacing w:val="0"/><w:sz w:val="44"/>"#));
        // Signature and date placed as GB/T 9704 7.3.5.2 says (computed by the layout model).
        let sig_at = lay_out(&sample_doc(), LayoutOptions::default())
            .into_iter()
            .find(|p| p.kind == BlockKind::Signature)
            .unwrap()
            .style
            .left_chars;
        let sig_ind = format!(
            r#"<w:ind w:left="{}" w:firstLine="0" "#,
            (sig_at * 315.0).round() as i64
        );
        assert!(document.contains(&sig_ind), "{sig_ind}");
        assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
        assert!(document.contains(r#"<w:docGrid w:type="lines" w:linePitch="579"/>"#));
    }

    #[test]
    fn item_leads_are_bold_when_asked() {
        let parts = all_parts(&sample_doc(), LayoutOptions { bold_leads: true });
        let paras = paragraphs(&part(&parts, "word/document.xml"));
        let runs = &paras[3].2;
        assert_eq!(runs.iter().map(|r| r.2).collect::<Vec<_>>(), [true, false]);
        assert_eq!(
            paras[3].1,
            "一是加强领导。成立“法治建设”领导小组——每季度研究。"
        );
    }

    #[test]
    fn page_numbers_sit_outside_in_4hao_songti() {
        let parts = all_parts(&sample_doc(), LayoutOptions::default());
        let settings = part(&parts, "word/settings.xml");
        assert!(settings.contains("<w:evenAndOddHeaders/>"));
        for (name, jc, ind) in [
            (
                "word/footer1.xml",
                "right",
                r#"<w:ind w:left="0" w:right="280" w:firstLine="0""#,
            ),
            (
                "word/footer2.xml",
                "left",
                r#"<w:ind w:left="280" w:right="0" w:firstLine="0""#,
            ),
        ] {
            let footer = part(&parts, name);
            let xml = roxmltree::Document::parse(&footer).unwrap();
            let text: String = xml
                .descendants()
                .filter(|n| n.has_tag_name((W, "t")) || n.has_tag_name((W, "instrText")))
                .map(|t| t.text().unwrap_or(""))
                .collect();
            assert!(
                text.starts_with("—  PAGE ") && text.ends_with(" —"),
                "{text}"
            );
            assert!(footer.contains(&format!(r#"<w:jc w:val="{jc}"/>"#)) && footer.contains(ind));
            assert!(
                footer.contains(r#"w:eastAsia="宋体""#)
                    && footer.contains(r#"<w:spacing w:val="0"/><w:sz w:val="28"/>"#)
            );
        }
        let document = part(&parts, "word/document.xml");
        assert!(document.contains(r#"<w:footerReference w:type="default" r:id="rId4"/><w:footerReference w:type="even" r:id="rId5"/>"#));
        let rels = part(&parts, "word/_rels/document.xml.rels");
        assert!(rels.contains(r#"Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml""#));
    }

    #[test]
    fn an_empty_report_is_still_a_document() {
        let xml = document_xml(&Document::default(), LayoutOptions::default(), &page());
        assert!(xml.contains("<w:body><w:p/><w:sectPr>"));
        roxmltree::Document::parse(&xml).unwrap();
    }

    #[test]
    fn fonts_fall_back_to_common_ones() {
        let table = font_table_xml();
        roxmltree::Document::parse(&table).unwrap();
        assert!(table.contains(r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>"#));
        assert!(table.contains(r#"<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>"#));
        assert!(table.contains(r#"<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>"#));
        assert!(table.contains(r#"<w:font w:name="黑体"><w:charset"#));
    }

    #[test]
    fn styles_define_every_kind_once() {
        let styles = styles_xml(&page());
        let xml = roxmltree::Document::parse(&styles).unwrap();
        for kind in ALL_KINDS {
            let id = style_id(kind).0;
            let count = xml
                .descendants()
                .filter(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(id))
                .count();
            assert_eq!(count, 1, "{id}");
        }
        assert!(
            styles.contains(r#"<w:name w:val="一级标题"/>"#)
                && styles.contains(r#"<w:outlineLvl w:val="0"/>"#)
        );
    }

    #[test]
    fn hostile_text_gives_a_valid_document() {
        let hostile = "</w:t></w:r><w:r><w:t>&amp;\"'<![CDATA[x]]>\u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}\u{7f}\u{85}\u{feff}\u{fffe}\u{ffff}\t制表\r\n换行🙂";
        let long = "很长的段落。".repeat(20_000);
        let mut blocks = sample_doc().blocks;
        blocks.push(Block::new(BlockKind::Paragraph, hostile, Step::Opening));
        blocks.push(Block::new(
            BlockKind::Paragraph,
            long.clone(),
            Step::Opening,
        ));
        blocks[0].text = hostile.to_string();
        let doc = Document { blocks };
        let meta = DocxMeta {
            title: hostile.into(),
            author: hostile.into(),
        };
        for (name, xml) in parts(&doc, LayoutOptions { bold_leads: true }, &meta, &page()) {
            roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let paras = paragraphs(&document_xml(&doc, LayoutOptions::default(), &page()));
        let texts: Vec<&str> = paras.iter().map(|p| p.1.as_str()).collect();
        // Markup stays text; forbidden characters go; the tab becomes <w:tab/>; the line
        // break starts a new paragraph.
        let kept = "</w:t></w:r><w:r><w:t>&amp;\"'<![CDATA[x]]>\u{feff}制表";
        assert_eq!(texts.iter().filter(|t| **t == kept).count(), 2, "{texts:?}");
        assert!(texts.contains(&"换行🙂"));
        assert!(texts.contains(&long.as_str()));
        // And the package opens.
        let bytes = docx(&doc, LayoutOptions::default(), &meta);
        let archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 10);
    }
}
