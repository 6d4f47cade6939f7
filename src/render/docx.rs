//! The report as a Word document (.docx, Office Open XML) laid out by GB/T 9704-2012,
//! written from the same layout model as the print view.
//!
//! Why hand-written XML rather than `docx-rs`: docx-rs 0.4.22 with default features off
//! (no `image`) compiled to 614 KB of wasm (249 KB gzipped) for a one-paragraph document,
//! more than the whole tool; this module and its ZIP writer add a few KB. Every element is
//! built with [`El`], which escapes all text, and the native tests parse every part back.
//!
//! What Word, WPS and LibreOffice get:
//! - A4, margins 37/35/28/26 mm, a 156 × 225 mm text block; 22 lines on an exact line
//!   pitch (also given as the line grid), and 28 characters of 3号 on a line by tightening
//!   each character by a quarter point. Not Word's character grid (`linesAndChars`):
//!   LibreOffice gives each 16 pt character two 15.8 pt grid cells, 16 characters a line;
//!   character spacing gives 28 in Word, WPS and LibreOffice alike;
//! - `w:overflowPunct w:val="1"` on every paragraph, and why: LibreOffice (7.4, and its
//!   current import code alike) reads this element the wrong way round, as "hanging
//!   punctuation = !overflowPunct", and hangs by default when it is absent. A hanging mark
//!   (。 or 、 as the 29th character after 28 that fill the line, which the tightening
//!   below makes possible) is then lost from a justified line: neither drawn nor in the
//!   PDF's text. That was the root cause of the missing marks; `w:val="0"` (the obvious
//!   fix) turns hanging *on* in LibreOffice. With `1`, LibreOffice carries the character
//!   before the mark onto the next line, as the print view (Chromium) does, while Word and
//!   WPS keep their own default (允许标点溢出边界: the mark extends past the right edge, drawn).
//!   tests/line_ends.rs checks every line position in LibreOffice;
//! - each paragraph in a named style (公文标题, 一级标题 …) and, as well, its font, size,
//!   indents and alignment set directly, with the East Asian font named in every run's
//!   `rFonts` (all four slots, `hint="eastAsia"`), so neither Word's theme fonts nor WPS
//!   substitute, and quotes and dashes stay in the Chinese font;
//! - widow and orphan control, titles and headings kept with the next paragraph (as the
//!   print view's CSS asks);
//! - optionally the 红头 (§7.2) and the 版记 (§7.4), from the layout model;
//! - page numbers "— N —" in 4号 宋体, right on odd pages and left on even pages, one
//!   character in from the edge of the text block, 7 mm below it.

use super::document::{BlockKind, Document};
use super::layout::{
    lay_out, Align, LaidParagraph, LayoutOptions, PageSetup, ParagraphStyle, Rule, Span, FANGSONG,
    GBT9704_PAGE, HEITI, KAITI, RED, SIZE_3HAO, SIZE_4HAO, SONGTI, XIAOBIAOSONG,
};
use super::xml::{self, El};

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
        // The layout model's pitch, in whole twips (rounded down so that the lines asked
        // for always fit).
        let line_pitch = (p.line_pitch_pt() * 20.0).round() as u32;
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

    /// Width of the text block, twips.
    pub fn text_width(&self) -> u32 {
        self.width - self.left - self.right
    }
}

/// The .docx file: a ZIP of the parts below.
pub fn docx(doc: &Document, options: &LayoutOptions, meta: &DocxMeta) -> Vec<u8> {
    let page = WordPage::from_setup(&GBT9704_PAGE);
    let parts = parts(doc, options, meta, &page);
    let files: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(name, xml)| (*name, xml.as_bytes()))
        .collect();
    super::zip::write(&files)
}

/// Which part a relationship belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    /// The package (`_rels/.rels`).
    Package,
    /// `word/document.xml` (`word/_rels/document.xml.rels`).
    Document,
}

/// One part of the package: its name, content type, and the relationship that reaches it.
struct PartDef {
    name: &'static str,
    content_type: &'static str,
    owner: Owner,
    rel_type: &'static str,
}

const OFFICE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The package's parts, in the order they are written. Content types, relationships (ids
/// `rId1`, `rId2` … in this order within their owner) and footer references all come from
/// this one list.
const PARTS: [PartDef; 7] = [
    PartDef {
        name: "word/document.xml",
        content_type:
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        owner: Owner::Package,
        rel_type:
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    },
    PartDef {
        name: "docProps/core.xml",
        content_type: "application/vnd.openxmlformats-package.core-properties+xml",
        owner: Owner::Package,
        rel_type:
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
    },
    PartDef {
        name: "word/styles.xml",
        content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        owner: Owner::Document,
        rel_type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
    },
    PartDef {
        name: "word/settings.xml",
        content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
        owner: Owner::Document,
        rel_type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings",
    },
    PartDef {
        name: "word/fontTable.xml",
        content_type:
            "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
        owner: Owner::Document,
        rel_type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable",
    },
    PartDef {
        name: FOOTER_ODD,
        content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        owner: Owner::Document,
        rel_type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
    },
    PartDef {
        name: FOOTER_EVEN,
        content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        owner: Owner::Document,
        rel_type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
    },
];
const FOOTER_ODD: &str = "word/footer1.xml";
const FOOTER_EVEN: &str = "word/footer2.xml";

/// The relationship id of a part, from its place in [`PARTS`] among its owner's parts.
fn rel_id(name: &str) -> String {
    let def = PARTS
        .iter()
        .find(|p| p.name == name)
        .expect("a listed part");
    let n = PARTS
        .iter()
        .filter(|p| p.owner == def.owner)
        .position(|p| p.name == name)
        .unwrap();
    format!("rId{}", n + 1)
}

fn content_types_xml() -> String {
    let defaults = [
        (
            "rels",
            "application/vnd.openxmlformats-package.relationships+xml",
        ),
        ("xml", "application/xml"),
    ]
    .map(|(ext, ty)| {
        El::new("Default")
            .attr("Extension", ext)
            .attr("ContentType", ty)
    });
    let overrides = PARTS.iter().map(|p| {
        El::new("Override")
            .attr("PartName", format!("/{}", p.name))
            .attr("ContentType", p.content_type)
    });
    xml::document(
        &El::new("Types")
            .attr(
                "xmlns",
                "http://schemas.openxmlformats.org/package/2006/content-types",
            )
            .children(defaults)
            .children(overrides),
    )
}

/// The relationships of `owner`: targets relative to the owner's folder.
fn rels_xml(owner: Owner) -> String {
    let rels = PARTS.iter().filter(|p| p.owner == owner).map(|p| {
        let target = match owner {
            Owner::Package => p.name,
            Owner::Document => p.name.strip_prefix("word/").unwrap_or(p.name),
        };
        El::new("Relationship")
            .attr("Id", rel_id(p.name))
            .attr("Type", p.rel_type)
            .attr("Target", target)
    });
    xml::document(
        &El::new("Relationships")
            .attr(
                "xmlns",
                "http://schemas.openxmlformats.org/package/2006/relationships",
            )
            .children(rels),
    )
}

/// Every part of the package, by name. Public for the tests that parse them.
pub fn parts(
    doc: &Document,
    options: &LayoutOptions,
    meta: &DocxMeta,
    page: &WordPage,
) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("[Content_Types].xml", content_types_xml()),
        ("_rels/.rels", rels_xml(Owner::Package)),
        ("word/_rels/document.xml.rels", rels_xml(Owner::Document)),
    ];
    for p in &PARTS {
        let content = match p.name {
            "word/document.xml" => document_xml(doc, options, page),
            "docProps/core.xml" => core_xml(meta),
            "word/styles.xml" => styles_xml(page),
            "word/settings.xml" => settings_xml(),
            "word/fontTable.xml" => font_table_xml(),
            FOOTER_ODD => footer_xml(true, page),
            FOOTER_EVEN => footer_xml(false, page),
            other => unreachable!("{other} has no writer"),
        };
        out.push((p.name, content));
    }
    out
}

/// `w:` and `r:` on a part's root element.
fn w_root(name: &'static str) -> El {
    El::new(name)
        .attr(
            "xmlns:w",
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        )
        .attr("xmlns:r", OFFICE_REL)
}

/// Odd and even footers differ; Chinese punctuation is not compressed (28 characters per
/// line stay 28 whatever the punctuation); compatibility mode of Word 2013 and later.
fn settings_xml() -> String {
    xml::document(
        &w_root("w:settings")
            .child(El::new("w:zoom").attr("w:percent", 100))
            .child(El::new("w:defaultTabStop").val(420))
            .child(El::new("w:evenAndOddHeaders"))
            .child(El::new("w:characterSpacingControl").val("doNotCompress"))
            .child(
                El::new("w:compat").child(El::new("w:useFELayout")).child(
                    El::new("w:compatSetting")
                        .attr("w:name", "compatibilityMode")
                        .attr("w:uri", "http://schemas.microsoft.com/office/word")
                        .val(15),
                ),
            )
            .child(
                El::new("w:themeFontLang")
                    .val("en-US")
                    .attr("w:eastAsia", "zh-CN"),
            ),
    )
}

fn core_xml(meta: &DocxMeta) -> String {
    xml::document(
        &El::new("cp:coreProperties")
            .attr(
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            )
            .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
            .child(El::new("dc:title").text(&meta.title))
            .child(El::new("dc:creator").text(&meta.author))
            .child(El::new("dc:language").text("zh-CN")),
    )
}

/// A paragraph style: its id, the name Word shows, its outline level (navigation pane).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StyleDef {
    pub id: &'static str,
    pub name: &'static str,
    pub outline: Option<u8>,
}

impl StyleDef {
    pub fn of(kind: BlockKind) -> Self {
        let (id, name, outline) = match kind {
            BlockKind::Issuer => ("ReportIssuer", "发文机关", None),
            BlockKind::DocNumber => ("ReportDocNumber", "发文字号", None),
            BlockKind::Title => ("ReportTitle", "公文标题", None),
            BlockKind::Heading1 => ("ReportHeading1", "一级标题", Some(0)),
            BlockKind::Heading2 => ("ReportHeading2", "二级标题", Some(1)),
            BlockKind::Paragraph => ("Normal", "Normal", None),
            BlockKind::Signature => ("ReportSignature", "发文机关署名", None),
            BlockKind::Date => ("ReportDate", "成文日期", None),
            BlockKind::Note => ("ReportNote", "附注", None),
        };
        StyleDef { id, name, outline }
    }
}

const PAGE_NUMBER_STYLE: StyleDef = StyleDef {
    id: "ReportPageNumber",
    name: "页码",
    outline: None,
};

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
fn run_fonts(font: &str) -> El {
    El::new("w:rFonts")
        .attr("w:ascii", font)
        .attr("w:hAnsi", font)
        .attr("w:eastAsia", font)
        .attr("w:cs", font)
        .attr("w:hint", "eastAsia")
}

fn half_points(pt: f64) -> u32 {
    (pt * 2.0).round() as u32
}

/// Font, weight, colour and size; 3号 text tightened to 28 characters a line.
fn run_properties(style: &ParagraphStyle, span: Option<&Span>, page: &WordPage) -> El {
    let size = half_points(style.size_pt);
    // Always written: a style based on Normal would otherwise inherit 3号's tightening.
    let tighten = if style.size_pt == SIZE_3HAO {
        page.char_spacing
    } else {
        0
    };
    let fonts = span.and_then(|s| s.fonts).unwrap_or(style.fonts);
    let bold = style.bold || span.is_some_and(|s| s.bold);
    let mut rpr = El::new("w:rPr").child(run_fonts(fonts[0]));
    if bold {
        rpr = rpr.child(El::new("w:b")).child(El::new("w:bCs"));
    }
    if style.red {
        rpr = rpr.child(El::new("w:color").val(RED));
    }
    rpr.child(El::new("w:spacing").val(tighten))
        .child(El::new("w:sz").val(size))
        .child(El::new("w:szCs").val(size))
}

/// A border line (`w:top` / `w:bottom` of `w:pBdr`): thickness in eighths of a point,
/// its distance from the text in points.
fn border(side: &'static str, rule: &Rule) -> El {
    El::new(side)
        .val("single")
        .attr("w:sz", (rule.width_pt * 8.0).round() as u32)
        .attr("w:space", rule.gap_pt.round() as u32)
        .attr("w:color", if rule.red { RED } else { "000000" })
}

/// One character of the paragraph's type, twips (3号 as tightened).
fn char_advance(style: &ParagraphStyle, page: &WordPage) -> f64 {
    if style.size_pt == SIZE_3HAO {
        page.char_advance() as f64
    } else {
        style.size_pt * 20.0
    }
}

/// A paragraph border runs between the paragraph's indents, but GB/T 9704 wants the 版头's
/// and 版记's lines as wide as the text block with the text one character in: a ruled
/// paragraph has no indents, a tab stands for the left one and the right tab stop for
/// the right one.
fn ruled(style: &ParagraphStyle) -> bool {
    style.rule_above.is_some() || style.rule_below.is_some()
}

fn leading_tab(style: &ParagraphStyle) -> bool {
    ruled(style) && style.left_chars > 0.0
}

/// The paragraph properties of a style, in schema order, without `pStyle` and `rPr`.
fn layout_properties(kind: BlockKind, style: &ParagraphStyle, page: &WordPage) -> Vec<El> {
    let pitch = page.line_pitch;
    let twips = |pt: f64| (pt * 20.0).round() as u32;
    let mut props = vec![];
    if style.keep_with_next {
        props.push(El::new("w:keepNext"));
    }
    if style.rule_above.is_some() || style.rule_below.is_some() {
        props.push(
            El::new("w:pBdr")
                .child_opt(style.rule_above.as_ref().map(|r| border("w:top", r)))
                .child_opt(style.rule_below.as_ref().map(|r| border("w:bottom", r))),
        );
    }
    let char_twips = |c: f64| (c * char_advance(style, page)).round() as i64;
    let mut tabs = vec![];
    if leading_tab(style) {
        tabs.push(
            El::new("w:tab")
                .val("left")
                .attr("w:pos", char_twips(style.left_chars)),
        );
    }
    if style.tab_right {
        let pos = page.text_width() as i64 - char_twips(style.right_chars);
        tabs.push(El::new("w:tab").val("right").attr("w:pos", pos));
    }
    if !tabs.is_empty() {
        props.push(El::new("w:tabs").children(tabs));
    }
    // Read by LibreOffice as "no hanging punctuation" (see the module comment).
    props.push(El::new("w:overflowPunct").val(1));
    // Type larger than 3号 off the line grid: LibreOffice would give each 2号 line two
    // grid lines; the exact line pitch keeps it on the page's rhythm anyway.
    if style.size_pt > SIZE_3HAO {
        props.push(El::new("w:snapToGrid").val(0));
    }
    let mut spacing = El::new("w:spacing");
    let before = style.lines_before * pitch + twips(style.space_before_pt);
    if before > 0 {
        spacing = spacing.attr("w:before", before);
        if style.space_before_pt == 0.0 {
            spacing = spacing.attr("w:beforeLines", style.lines_before * 100);
        }
    }
    if style.lines_after > 0 {
        spacing = spacing
            .attr("w:after", style.lines_after * pitch)
            .attr("w:afterLines", style.lines_after * 100);
    }
    let line = style.line_pt.map(twips).unwrap_or(pitch);
    props.push(spacing.attr("w:line", line).attr("w:lineRule", "exact"));
    // Both indents always written: a style based on Normal would otherwise inherit its
    // two-character first line. The first-line indent also in characters, so Word's
    // paragraph dialog shows "首行缩进 2 字符"; the left indent (signature, date) in twips
    // of the tightened characters only, so that they end exactly two characters from the
    // right.
    let (left, right) = if ruled(style) {
        (0.0, 0.0)
    } else {
        (style.left_chars, style.right_chars)
    };
    let mut ind = El::new("w:ind").attr("w:left", char_twips(left));
    if right > 0.0 {
        ind = ind.attr("w:right", char_twips(right));
    }
    props.push(
        ind.attr("w:firstLine", char_twips(style.first_line_chars))
            .attr(
                "w:firstLineChars",
                (style.first_line_chars * 100.0).round() as i64,
            ),
    );
    let jc = match style.align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Justify => "both",
    };
    props.push(El::new("w:jc").val(jc));
    if let Some(level) = StyleDef::of(kind).outline {
        props.push(El::new("w:outlineLvl").val(level));
    }
    props
}

/// A run of text; tabs become `<w:tab/>` (anything else unprintable is dropped by the
/// element builder's escaping).
fn run(style: &ParagraphStyle, span: &Span, page: &WordPage) -> El {
    let mut r = El::new("w:r").child(run_properties(style, Some(span), page));
    for (n, piece) in span.text.split('\t').enumerate() {
        if n > 0 {
            r = r.child(El::new("w:tab"));
        }
        if !xml::text(piece).is_empty() {
            r = r.child(El::new("w:t").attr("xml:space", "preserve").text(piece));
        }
    }
    r
}

fn paragraph(p: &LaidParagraph, page: &WordPage) -> El {
    El::new("w:p")
        .child(
            El::new("w:pPr")
                .child(El::new("w:pStyle").val(StyleDef::of(p.kind).id))
                .children(layout_properties(p.kind, &p.style, page))
                .child(run_properties(&p.style, None, page)),
        )
        .child_opt(leading_tab(&p.style).then(|| {
            El::new("w:r")
                .child(run_properties(&p.style, None, page))
                .child(El::new("w:tab"))
        }))
        .children(p.spans.iter().map(|s| run(&p.style, s, page)))
}

fn section_properties(page: &WordPage) -> El {
    El::new("w:sectPr")
        .child(
            El::new("w:footerReference")
                .attr("w:type", "default")
                .attr("r:id", rel_id(FOOTER_ODD)),
        )
        .child(
            El::new("w:footerReference")
                .attr("w:type", "even")
                .attr("r:id", rel_id(FOOTER_EVEN)),
        )
        .child(
            El::new("w:pgSz")
                .attr("w:w", page.width)
                .attr("w:h", page.height),
        )
        .child(
            El::new("w:pgMar")
                .attr("w:top", page.top)
                .attr("w:right", page.right)
                .attr("w:bottom", page.bottom)
                .attr("w:left", page.left)
                .attr("w:header", 851)
                .attr("w:footer", page.footer)
                .attr("w:gutter", 0),
        )
        .child(El::new("w:cols").attr("w:space", 425))
        .child(
            El::new("w:docGrid")
                .attr("w:type", "lines")
                .attr("w:linePitch", page.line_pitch),
        )
}

pub fn document_xml(doc: &Document, options: &LayoutOptions, page: &WordPage) -> String {
    let mut body: Vec<El> = lay_out(doc, options)
        .iter()
        .map(|p| paragraph(p, page))
        .collect();
    if body.is_empty() {
        // Word wants a paragraph before the section properties, even in an empty document.
        body.push(El::new("w:p"));
    }
    xml::document(
        &w_root("w:document").child(
            El::new("w:body")
                .children(body)
                .child(section_properties(page)),
        ),
    )
}

fn style(def: StyleDef, default: bool, ppr: Vec<El>, rpr: El) -> El {
    let mut s = El::new("w:style").attr("w:type", "paragraph");
    if default {
        s = s.attr("w:default", 1);
    }
    s = s
        .attr("w:styleId", def.id)
        .child(El::new("w:name").val(def.name));
    if !default {
        s = s
            .child(El::new("w:basedOn").val("Normal"))
            .child(El::new("w:next").val("Normal"));
    }
    if def != PAGE_NUMBER_STYLE {
        s = s.child(El::new("w:qFormat"));
    }
    s.child(El::new("w:pPr").children(ppr)).child(rpr)
}

fn styles_xml(page: &WordPage) -> String {
    let body = super::layout::style_of(BlockKind::Paragraph);
    let defaults = El::new("w:docDefaults")
        .child(
            El::new("w:rPrDefault").child(
                run_properties(&body, None, page).child(
                    El::new("w:lang")
                        .val("en-US")
                        .attr("w:eastAsia", "zh-CN")
                        .attr("w:bidi", "ar-SA"),
                ),
            ),
        )
        .child(
            El::new("w:pPrDefault").child(
                El::new("w:pPr")
                    .child(El::new("w:widowControl"))
                    .child(El::new("w:overflowPunct").val(1))
                    .child(
                        El::new("w:spacing")
                            .attr("w:line", page.line_pitch)
                            .attr("w:lineRule", "exact"),
                    )
                    .child(El::new("w:jc").val("both")),
            ),
        );
    let styles = ALL_KINDS.iter().map(|&kind| {
        // Space before and after only on the paragraphs themselves: a paragraph that leaves
        // them out (the second line of a title) would inherit the style's, and Word lets a
        // style's `beforeLines` win over a paragraph's `before`.
        let s = ParagraphStyle {
            lines_before: 0,
            lines_after: 0,
            space_before_pt: 0.0,
            ..super::layout::style_of(kind)
        };
        style(
            StyleDef::of(kind),
            kind == BlockKind::Paragraph,
            layout_properties(kind, &s, page),
            run_properties(&s, None, page),
        )
    });
    let page_number = style(
        PAGE_NUMBER_STYLE,
        false,
        vec![El::new("w:ind")
            .attr("w:left", 0)
            .attr("w:firstLine", 0)
            .attr("w:firstLineChars", 0)],
        El::new("w:rPr").child(El::new("w:spacing").val(0)),
    );
    xml::document(
        &w_root("w:styles")
            .child(defaults)
            .children(styles)
            .child(page_number),
    )
}

/// Each font the document names, with the commoner font Word should fall back to where
/// it is missing (仿宋_GB2312 → 仿宋 on a stock Windows 10).
fn font_table_xml() -> String {
    let fonts = [FANGSONG, XIAOBIAOSONG, HEITI, KAITI, SONGTI].map(|list| {
        let alt = list[1..].iter().rev().find(|f| !f.is_ascii());
        El::new("w:font")
            .attr("w:name", list[0])
            .child_opt(alt.map(|f| El::new("w:altName").val(f)))
            .child(El::new("w:charset").val(86))
            .child(El::new("w:family").val("modern"))
            .child(El::new("w:pitch").val("fixed"))
    });
    xml::document(&w_root("w:fonts").children(fonts))
}

/// "— N —" in 4号 宋体: on odd pages at the right, one character in; on even pages at the left.
fn footer_xml(odd: bool, page: &WordPage) -> String {
    let style = ParagraphStyle {
        fonts: SONGTI,
        size_pt: SIZE_4HAO,
        ..super::layout::style_of(BlockKind::Paragraph)
    };
    let one_char = half_points(SIZE_4HAO) * 10;
    // No first-line indent: the page number's style is based on Normal, which has one.
    let (jc, left, right) = if odd {
        ("right", 0, one_char)
    } else {
        ("left", one_char, 0)
    };
    let r = |inner: El| {
        El::new("w:r")
            .child(run_properties(&style, None, page))
            .child(inner)
    };
    let t = |s: &str| El::new("w:t").attr("xml:space", "preserve").text(s);
    let field = |ty: &str| El::new("w:fldChar").attr("w:fldCharType", ty);
    let ppr = El::new("w:pPr")
        .child(El::new("w:pStyle").val(PAGE_NUMBER_STYLE.id))
        .child(El::new("w:snapToGrid").val(0))
        .child(
            El::new("w:spacing")
                .attr("w:line", one_char)
                .attr("w:lineRule", "exact"),
        )
        .child(
            El::new("w:ind")
                .attr("w:left", left)
                .attr("w:right", right)
                .attr("w:firstLine", 0)
                .attr("w:firstLineChars", 0),
        )
        .child(El::new("w:jc").val(jc));
    xml::document(
        &w_root("w:ftr").child(
            El::new("w:p")
                .child(ppr)
                .child(r(t("— ")))
                .child(r(field("begin")))
                .child(r(El::new("w:instrText")
                    .attr("xml:space", "preserve")
                    .text(" PAGE ")))
                .child(r(field("separate")))
                .child(r(El::new("w:t").text(if odd { "1" } else { "2" })))
                .child(r(field("end")))
                .child(r(t(" —"))),
        ),
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
        parts(doc, &options, &meta, &page())
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
        let sig_at = lay_out(&sample_doc(), &LayoutOptions::default())
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
        let parts = all_parts(
            &sample_doc(),
            LayoutOptions {
                bold_leads: true,
                ..Default::default()
            },
        );
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
        let xml = document_xml(&Document::default(), &LayoutOptions::default(), &page());
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
            let id = StyleDef::of(kind).id;
            let count = xml
                .descendants()
                .filter(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(id))
                .count();
            assert_eq!(count, 1, "{id}");
        }
        assert!(
            !styles.contains("w:before") && !styles.contains("w:after"),
            "spacing only on paragraphs"
        );
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
        for (name, xml) in parts(
            &doc,
            &LayoutOptions {
                bold_leads: true,
                ..Default::default()
            },
            &meta,
            &page(),
        ) {
            roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let paras = paragraphs(&document_xml(&doc, &LayoutOptions::default(), &page()));
        let texts: Vec<&str> = paras.iter().map(|p| p.1.as_str()).collect();
        // Markup stays text; forbidden characters go; the tab becomes <w:tab/>; the line
        // break starts a new paragraph.
        let kept = "</w:t></w:r><w:r><w:t>&amp;\"'<![CDATA[x]]>\u{feff}制表";
        assert_eq!(texts.iter().filter(|t| **t == kept).count(), 2, "{texts:?}");
        assert!(texts.contains(&"换行🙂"));
        assert!(texts.contains(&long.as_str()));
        // And the package opens.
        let bytes = docx(&doc, &LayoutOptions::default(), &meta);
        let archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 10);
    }

    #[test]
    fn one_table_gives_content_types_relationships_and_footer_references() {
        let parts = all_parts(&sample_doc(), LayoutOptions::default());
        let names: Vec<&str> = parts.iter().map(|(n, _)| *n).collect();
        let types_xml = part(&parts, "[Content_Types].xml");
        let types = roxmltree::Document::parse(&types_xml).unwrap();
        let overrides: Vec<&str> = types
            .descendants()
            .filter(|n| n.has_tag_name("Override"))
            .map(|n| n.attribute("PartName").unwrap())
            .collect();
        // Every XML part but the package's own has exactly one content type.
        for name in &names {
            let listed = overrides
                .iter()
                .filter(|o| **o == format!("/{name}"))
                .count();
            let own = *name == "[Content_Types].xml" || name.ends_with(".rels");
            assert_eq!(listed, usize::from(!own), "{name}");
        }
        // Each relationship points at a part that exists; ids unique within their file.
        let mut targets = vec![];
        for (rels, base) in [
            ("_rels/.rels", ""),
            ("word/_rels/document.xml.rels", "word/"),
        ] {
            let text = part(&parts, rels);
            let xml = roxmltree::Document::parse(&text).unwrap();
            let mut ids = vec![];
            for r in xml.descendants().filter(|n| n.has_tag_name("Relationship")) {
                let target = format!("{base}{}", r.attribute("Target").unwrap());
                assert!(names.contains(&target.as_str()), "{target}");
                ids.push(r.attribute("Id").unwrap().to_string());
                targets.push((rels, r.attribute("Id").unwrap().to_string(), target));
            }
            let count = ids.len();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), count, "{rels}: unique ids");
        }
        // The footer references name the footers' relationships.
        let document_xml = part(&parts, "word/document.xml");
        let document = roxmltree::Document::parse(&document_xml).unwrap();
        const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        for (ty, file) in [
            ("default", "word/footer1.xml"),
            ("even", "word/footer2.xml"),
        ] {
            let reference = document
                .descendants()
                .find(|n| {
                    n.has_tag_name((W, "footerReference")) && n.attribute((W, "type")) == Some(ty)
                })
                .unwrap();
            let id = reference.attribute((R, "id")).unwrap();
            assert!(
                targets
                    .iter()
                    .any(|(rels, i, t)| rels.starts_with("word/") && i == id && t == file),
                "{ty} → {id} → {file}"
            );
        }
    }

    #[test]
    fn the_red_masthead_in_word() {
        use crate::render::layout::Masthead;
        let mut doc = sample_doc();
        doc.blocks
            .insert(0, Block::new(BlockKind::Issuer, "某局", Step::Header));
        doc.blocks.insert(
            1,
            Block::new(BlockKind::DocNumber, "某发〔2023〕5号", Step::Header),
        );
        let options = LayoutOptions {
            masthead: Some(Masthead {
                mark: "某局".into(),
                doc_number: "某发〔2023〕5号".into(),
                signer: "王某".into(),
            }),
            ..Default::default()
        };
        let document = part(&all_parts(&doc, options), "word/document.xml");
        let paras = paragraphs(&document);
        assert_eq!(paras[0].0, "ReportIssuer");
        assert_eq!(paras[0].1, "某局");
        assert_eq!(paras[0].2[0].0, "方正小标宋简体");
        assert_eq!(paras[0].2[0].1, "96", "48 pt");
        assert!(document.contains(r#"<w:color w:val="FF0000"/>"#));
        // The 发文字号 paragraph carries the red line as its bottom border, the signer at a
        // right tab one character in from the right.
        assert!(document.contains(r#"<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="#));
        assert!(document.contains(r#"w:color="FF0000"/></w:pBdr>"#));
        let tab = page().text_width() as i32 - page().char_advance();
        // The border spans the text block: no indents, a tab one character in instead.
        let one = page().char_advance();
        assert!(document.contains(&format!(
            r#"<w:tabs><w:tab w:val="left" w:pos="{one}"/><w:tab w:val="right" w:pos="{tab}"/></w:tabs>"#
        )));
        assert!(document.contains(
            r#"<w:ind w:left="0" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/>"#
        ));
        assert_eq!(paras[1].1, "某发〔2023〕5号签发人：王某");
        assert_eq!(paras[1].2.last().unwrap().0, "楷体_GB2312");
        // 35 mm above the mark.
        assert!(
            document.contains(r#"<w:spacing w:before="1984" w:line="960" w:lineRule="exact"/>"#),
            "{}",
            &document[..2000]
        );
    }

    #[test]
    fn libreoffice_never_hangs_punctuation_and_headings_keep_with_the_next_paragraph() {
        let parts = all_parts(&sample_doc(), LayoutOptions::default());
        let document = part(&parts, "word/document.xml");
        let xml = roxmltree::Document::parse(&document).unwrap();
        for p in xml.descendants().filter(|n| n.has_tag_name((W, "pPr"))) {
            let off = p
                .children()
                .find(|n| n.has_tag_name((W, "overflowPunct")))
                .and_then(|n| n.attribute((W, "val")));
            // "1": LibreOffice reads it inverted, as hanging off (module comment).
            assert_eq!(off, Some("1"), "every paragraph");
        }
        assert_eq!(
            document.matches("<w:keepNext/>").count(),
            3,
            "title, 一、, （一）"
        );
        let styles = part(&parts, "word/styles.xml");
        assert!(
            styles.contains("<w:pPrDefault><w:pPr><w:widowControl/><w:overflowPunct w:val=\"1\"/>")
        );
    }
}
