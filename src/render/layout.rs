//! GB/T 9704-2012 layout of the report: page setup and each paragraph's font, size,
//! alignment, indentation and bold spans. One model for every laid-out output: the print
//! view and the .docx writer both draw from it. Sizes in points, indents in characters.

use super::document::{BlockKind, Document};
use super::text::{half_width_units, signature_columns};
use crate::model::date::chinese_date;
use crate::model::draft::{self, Draft};
use crate::model::step::Step;

/// 3号, 2号, 4号 in points.
pub const SIZE_3HAO: f64 = 16.0;
pub const SIZE_2HAO: f64 = 22.0;
pub const SIZE_4HAO: f64 = 14.0;

/// Font families by role, most specific first; documents name them all so the clerk's
/// machine (Windows, 麒麟/统信 UOS) finds one without substituting.
pub const FANGSONG: &[&str] = &[
    "仿宋_GB2312",
    "FangSong_GB2312",
    "仿宋",
    "FangSong",
    "STFangsong",
];
pub const XIAOBIAOSONG: &[&str] = &[
    "方正小标宋简体",
    "FZXiaoBiaoSong-B05S",
    "小标宋",
    "宋体",
    "SimSun",
];
pub const HEITI: &[&str] = &["黑体", "SimHei"];
pub const KAITI: &[&str] = &["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti"];
pub const SONGTI: &[&str] = &["宋体", "SimSun"];

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageSetup {
    pub width_mm: f64,
    pub height_mm: f64,
    pub top_mm: f64,
    pub bottom_mm: f64,
    /// The binding side (left on odd pages).
    pub left_mm: f64,
    pub right_mm: f64,
    pub lines_per_page: u32,
    pub chars_per_line: u32,
}

impl PageSetup {
    /// Text block height divided by the lines on a page, rounded down to a whole twip
    /// (1/20 pt, Word's unit) so that the .docx and the print view use the same number and
    /// the last line always fits.
    pub fn line_pitch_pt(&self) -> f64 {
        let text_mm = self.height_mm - self.top_mm - self.bottom_mm;
        (text_mm / self.lines_per_page as f64 * 72.0 / 25.4 * 20.0).floor() / 20.0
    }

    /// Width of the text block, in points.
    pub fn text_width_pt(&self) -> f64 {
        (self.width_mm - self.left_mm - self.right_mm) * 72.0 / 25.4
    }

    /// Points added to each 3号 character's advance (negative: tighter) so that a line of
    /// the text block holds exactly `chars_per_line`: 28 characters of 16 pt need 448 pt,
    /// the block is 442 pt wide. Whole twentieths of a point, as Word stores it.
    pub fn char_spacing_pt(&self) -> f64 {
        let pitch = self.text_width_pt() / self.chars_per_line as f64;
        ((pitch - SIZE_3HAO) * 20.0).floor() / 20.0
    }
}

/// A4, top 37 mm, binding side 28 mm, text block 156 × 225 mm, 22 lines of 28 characters.
pub const GBT9704_PAGE: PageSetup = PageSetup {
    width_mm: 210.0,
    height_mm: 297.0,
    top_mm: 37.0,
    bottom_mm: 35.0,
    left_mm: 28.0,
    right_mm: 26.0,
    lines_per_page: 22,
    chars_per_line: 28,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Justify,
}

/// A horizontal line as wide as the paragraph (the 版头's red separator, the 版记's lines).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    /// Thickness, points.
    pub width_pt: f64,
    /// Between the line box of the text and the rule, whole points (as Word stores it).
    pub gap_pt: f64,
    pub red: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParagraphStyle {
    pub fonts: &'static [&'static str],
    pub size_pt: f64,
    pub bold: bool,
    pub align: Align,
    /// First-line indent, in characters.
    pub first_line_chars: f64,
    /// Whole-paragraph left indent, in characters (signature and date placement).
    pub left_chars: f64,
    /// Right indent, in characters (签发人, 版记).
    pub right_chars: f64,
    /// Empty lines before the paragraph.
    pub lines_before: u32,
    /// Empty lines after the paragraph.
    pub lines_after: u32,
    /// Points before the paragraph on top of `lines_before` (the 版头's fixed distances).
    pub space_before_pt: f64,
    /// The line height when it is not the page's line pitch (发文机关标志).
    pub line_pt: Option<f64>,
    /// Red text (发文机关标志).
    pub red: bool,
    /// Kept on the page of the paragraph that follows (titles, headings, the 版头).
    pub keep_with_next: bool,
    /// Text after a tab goes flush right (发文字号 and 签发人; 印发机关 and 印发日期).
    pub tab_right: bool,
    pub rule_above: Option<Rule>,
    pub rule_below: Option<Rule>,
}

/// A stretch of a paragraph's text with one weight (and, rarely, its own font).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    /// A font other than the paragraph's (the 签发人's name in 楷体).
    pub fonts: Option<&'static [&'static str]>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            bold: false,
            fonts: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LaidParagraph {
    pub kind: BlockKind,
    /// The whole text of the paragraph (the spans joined).
    pub text: String,
    /// The text in stretches of one weight, never empty, in order.
    pub spans: Vec<Span>,
    pub style: ParagraphStyle,
    /// The wizard step the text comes from (preview click → step).
    pub step: Step,
    /// Index of the document block this line belongs to; `None` for the 版头 and the 版记,
    /// which the layout adds. A block typed over several lines gives several paragraphs
    /// with the same index.
    pub block: Option<usize>,
}

/// What the writer chooses on the output step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayoutOptions {
    /// Set item lead sentences ("一是加强组织领导。") in bold.
    pub bold_leads: bool,
    /// 红头 (GB/T 9704 §7.2) instead of plain organ and 发文字号 lines.
    pub masthead: Option<Masthead>,
    /// 版记 (§7.4) after the text.
    pub imprint: Option<Imprint>,
}

/// The 红头's content.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Masthead {
    /// 发文机关标志.
    pub mark: String,
    /// 发文字号, possibly empty.
    pub doc_number: String,
    /// 签发人's name (上行文); empty: none.
    pub signer: String,
}

/// The 版记's content.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imprint {
    /// 抄送 organs; empty: no 抄送 line.
    pub copy_to: String,
    /// 印发机关.
    pub printer: String,
    /// 印发日期, "2023年2月17日".
    pub date: String,
}

impl LayoutOptions {
    /// The choices kept with a draft.
    pub fn of(draft: &Draft, doc: &Document) -> Self {
        Self::with_doc_number(draft, doc.text_of(BlockKind::DocNumber).unwrap_or(""))
    }

    /// The choices kept with a draft, given its 发文字号 as the report prints it.
    pub fn with_doc_number(draft: &Draft, doc_number: &str) -> Self {
        let o = &draft.output;
        let organ = draft.header.organ.trim();
        let or_organ = |s: &str| {
            let s = s.trim();
            if s.is_empty() { organ } else { s }.to_string()
        };
        let masthead = (o.masthead == draft::Masthead::Red).then(|| Masthead {
            mark: or_organ(&o.mark),
            doc_number: doc_number.to_string(),
            signer: o.signer.trim().to_string(),
        });
        let imprint = o.imprint.then(|| {
            let iso = if o.printed_on.trim().is_empty() {
                &draft.closing.date
            } else {
                &o.printed_on
            };
            Imprint {
                copy_to: o.copy_to.trim().to_string(),
                printer: or_organ(&o.printer),
                date: chinese_date(iso).unwrap_or_default(),
            }
        });
        LayoutOptions {
            bold_leads: o.bold_leads,
            masthead,
            imprint,
        }
    }
}

const BODY: ParagraphStyle = ParagraphStyle {
    fonts: FANGSONG,
    size_pt: SIZE_3HAO,
    bold: false,
    align: Align::Justify,
    first_line_chars: 2.0,
    left_chars: 0.0,
    right_chars: 0.0,
    lines_before: 0,
    lines_after: 0,
    space_before_pt: 0.0,
    line_pt: None,
    red: false,
    keep_with_next: false,
    tab_right: false,
    rule_above: None,
    rule_below: None,
};

pub fn style_of(kind: BlockKind) -> ParagraphStyle {
    match kind {
        BlockKind::Issuer => ParagraphStyle {
            align: Align::Center,
            first_line_chars: 0.0,
            keep_with_next: true,
            ..BODY
        },
        BlockKind::DocNumber => ParagraphStyle {
            align: Align::Center,
            first_line_chars: 0.0,
            keep_with_next: true,
            ..BODY
        },
        BlockKind::Title => ParagraphStyle {
            fonts: XIAOBIAOSONG,
            size_pt: SIZE_2HAO,
            align: Align::Center,
            first_line_chars: 0.0,
            lines_before: 1,
            lines_after: 1,
            keep_with_next: true,
            ..BODY
        },
        BlockKind::Heading1 => ParagraphStyle {
            fonts: HEITI,
            keep_with_next: true,
            ..BODY
        },
        BlockKind::Heading2 => ParagraphStyle {
            fonts: KAITI,
            keep_with_next: true,
            ..BODY
        },
        BlockKind::Paragraph | BlockKind::Note => BODY,
        BlockKind::Signature => ParagraphStyle {
            align: Align::Left,
            first_line_chars: 0.0,
            lines_before: 1,
            ..BODY
        },
        BlockKind::Date => ParagraphStyle {
            align: Align::Left,
            first_line_chars: 0.0,
            ..BODY
        },
    }
}

/// GB/T 9704 §7.2.4: the 发文机关标志's top edge 35 mm below the top of the text block.
pub const MARK_TOP_MM: f64 = 35.0;
/// §7.2.7: the red separator 4 mm below the 发文字号.
pub const SEPARATOR_GAP_MM: f64 = 4.0;
/// The red separator's thickness (the standard leaves it open; the 版记's thick lines are
/// 0.35 mm, about 1 pt).
pub const SEPARATOR_PT: f64 = 1.0;
/// 版记 lines (§7.4): thick 0.35 mm, thin 0.25 mm.
pub const IMPRINT_THICK_PT: f64 = 1.0;
pub const IMPRINT_THIN_PT: f64 = 0.75;
/// The red of the 红头.
pub const RED: &str = "FF0000";

fn mm_to_pt(mm: f64) -> f64 {
    mm * 72.0 / 25.4
}

/// The 发文机关标志's size: as large as looks balanced, at most 2号 × 2 (44 pt... up to 48 pt),
/// never wider than the text block. Whole points.
pub fn mark_size_pt(mark: &str) -> f64 {
    let units = half_width_units(mark).max(2) as f64 / 2.0;
    (GBT9704_PAGE.text_width_pt() / units).floor().min(48.0)
}

/// Where the 红头 puts its parts, in points from the top of the text block. The whole
/// 版头 takes a whole number of line pitches, so the text below it stays on the page's
/// line grid in every renderer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MastheadGeometry {
    pub mark_size_pt: f64,
    /// Space above the 发文机关标志's line.
    pub mark_space_pt: f64,
    /// The 发文机关标志's line height (its size: its top edge is the line's top).
    pub mark_line_pt: f64,
    /// Blank line pitches between the 发文机关标志 and the 发文字号 (§7.2.5: two).
    pub blank_lines: u32,
    pub rule: Rule,
    /// Space before the title, after the red line: two blank lines (§7.3.2) and what
    /// brings the title back onto the line grid.
    pub title_space_pt: f64,
}

impl MastheadGeometry {
    pub fn new(mark: &str) -> Self {
        let pitch = GBT9704_PAGE.line_pitch_pt();
        let size = mark_size_pt(mark);
        // The 3号 发文字号 sits in the middle of its line: its foot (16 pt type in a
        // 28.95 pt line) is half the leading above the line's bottom.
        let foot_gap = (pitch - SIZE_3HAO) / 2.0;
        let gap = (mm_to_pt(SEPARATOR_GAP_MM) - foot_gap).round().max(0.0);
        let rule = Rule {
            width_pt: SEPARATOR_PT,
            gap_pt: gap,
            red: true,
        };
        let mark_space = mm_to_pt(MARK_TOP_MM);
        let above_title = mark_space + size + 3.0 * pitch + gap + SEPARATOR_PT + 2.0 * pitch;
        let on_grid = (above_title / pitch - 1e-6).ceil() * pitch;
        MastheadGeometry {
            mark_size_pt: size,
            mark_space_pt: mark_space,
            mark_line_pt: size,
            blank_lines: 2,
            rule,
            title_space_pt: 2.0 * pitch + (on_grid - above_title),
        }
    }
}

/// Lays the report out: signature and date get the left indents GB/T 9704 7.3.5.2 implies
/// on the 28-character line; one empty line between title and text. A line break typed
/// inside a field starts a new paragraph of the same kind. With a 红头, the organ and the
/// 发文字号 become the 版头 of §7.2; a 版记 is added at the end.
pub fn lay_out(doc: &Document, options: &LayoutOptions) -> Vec<LaidParagraph> {
    let text_of = |k: BlockKind| doc.text_of(k).unwrap_or("");
    let (sig_at, date_at) =
        signature_columns(text_of(BlockKind::Signature), text_of(BlockKind::Date));
    let mut laid = Vec::with_capacity(doc.blocks.len() + 4);
    let geometry = options
        .masthead
        .as_ref()
        .map(|m| (m, MastheadGeometry::new(&m.mark)));
    if let Some((m, g)) = &geometry {
        laid.extend(masthead(m, g));
    }
    for (index, b) in doc.blocks.iter().enumerate() {
        let mut style = style_of(b.kind);
        match b.kind {
            BlockKind::Signature => style.left_chars = sig_at as f64 / 2.0,
            BlockKind::Date => style.left_chars = date_at as f64 / 2.0,
            BlockKind::Issuer | BlockKind::DocNumber if geometry.is_some() => continue,
            BlockKind::Title => {
                if let Some((_, g)) = &geometry {
                    style.lines_before = 0;
                    style.space_before_pt = g.title_space_pt;
                }
            }
            _ => {}
        }
        let title;
        let text = if b.kind == BlockKind::Title {
            title = break_title(&b.text, text_of(BlockKind::Issuer));
            &title
        } else {
            &b.text
        };
        let bold = if options.bold_leads {
            &b.leads[..]
        } else {
            &[]
        };
        let lines = split_lines(spans_of(text, bold));
        let count = lines.len();
        for (n, spans) in lines.into_iter().enumerate() {
            let mut style = style;
            if n > 0 {
                style.lines_before = 0;
                style.space_before_pt = 0.0;
            }
            if n + 1 < count {
                style.lines_after = 0;
                // The lines of one title or heading stay together.
                style.keep_with_next |= b.kind != BlockKind::Paragraph;
            }
            laid.push(LaidParagraph {
                kind: b.kind,
                text: spans.iter().map(|s| s.text.as_str()).collect(),
                spans,
                style,
                step: b.step,
                block: Some(index),
            });
        }
    }
    if let Some(imprint) = &options.imprint {
        laid.extend(imprint_lines(imprint));
    }
    laid
}

fn paragraph(
    kind: BlockKind,
    spans: Vec<Span>,
    style: ParagraphStyle,
    step: Step,
) -> LaidParagraph {
    LaidParagraph {
        kind,
        text: spans.iter().map(|s| s.text.as_str()).collect(),
        spans,
        style,
        step,
        block: None,
    }
}

/// §7.2: 发文机关标志 (red 小标宋, centred, its top 35 mm into the text block), two blank
/// lines, the 发文字号 centred (上行文: one character in from the left, with "签发人："
/// 仿宋 and the name 楷体 one character in from the right), the red line 4 mm below.
fn masthead(m: &Masthead, g: &MastheadGeometry) -> Vec<LaidParagraph> {
    let base = style_of(BlockKind::Issuer);
    let mark = ParagraphStyle {
        fonts: XIAOBIAOSONG,
        size_pt: g.mark_size_pt,
        space_before_pt: g.mark_space_pt,
        line_pt: Some(g.mark_line_pt),
        red: true,
        ..base
    };
    let mut number = ParagraphStyle {
        lines_before: g.blank_lines,
        rule_below: Some(g.rule),
        ..style_of(BlockKind::DocNumber)
    };
    let mut spans = vec![];
    if m.signer.is_empty() {
        if !m.doc_number.is_empty() {
            spans.push(Span::plain(m.doc_number.clone()));
        }
    } else {
        number.align = Align::Left;
        number.left_chars = 1.0;
        number.right_chars = 1.0;
        number.tab_right = true;
        spans.push(Span::plain(format!("{}\t签发人：", m.doc_number)));
        spans.push(Span {
            text: m.signer.clone(),
            bold: false,
            fonts: Some(KAITI),
        });
    }
    vec![
        paragraph(
            BlockKind::Issuer,
            vec![Span::plain(m.mark.clone())],
            mark,
            Step::Header,
        ),
        paragraph(BlockKind::DocNumber, spans, number, Step::Header),
    ]
}

/// §7.4: 抄送 (4号, one character in on both sides, a full stop after the last organ)
/// above 印发机关 (one character in from the left) and 印发日期 (one character in from the
/// right); a thick line above and below, a thin one between.
fn imprint_lines(i: &Imprint) -> Vec<LaidParagraph> {
    let thick = Rule {
        width_pt: IMPRINT_THICK_PT,
        gap_pt: 0.0,
        red: false,
    };
    let thin = Rule {
        width_pt: IMPRINT_THIN_PT,
        ..thick
    };
    let base = ParagraphStyle {
        size_pt: SIZE_4HAO,
        align: Align::Left,
        first_line_chars: 0.0,
        left_chars: 1.0,
        right_chars: 1.0,
        keep_with_next: true,
        ..BODY
    };
    let mut out = vec![];
    let copy_to = i
        .copy_to
        .trim()
        .trim_end_matches(['。', '.', '，', ',', '；', ';']);
    if !copy_to.is_empty() {
        out.push(paragraph(
            BlockKind::Note,
            vec![Span::plain(format!("抄送：{copy_to}。"))],
            ParagraphStyle {
                lines_before: 1,
                rule_above: Some(thick),
                rule_below: Some(thin),
                ..base
            },
            Step::Output,
        ));
    }
    out.push(paragraph(
        BlockKind::Note,
        vec![Span::plain(format!("{}\t{}印发", i.printer, i.date))],
        ParagraphStyle {
            lines_before: if out.is_empty() { 1 } else { 0 },
            rule_above: out.is_empty().then_some(thick),
            rule_below: Some(thick),
            tab_right: true,
            keep_with_next: false,
            ..base
        },
        Step::Output,
    ));
    out
}

/// A title too long for one line breaks after the organ's name when both lines then fit:
/// "张家港市科学技术局" over "2022年度法治政府建设情况报告", whole words, the shorter line on
/// top (GB/T 9704 7.3.2: 词意完整, 梯形). Otherwise it wraps where the line ends. A break
/// the writer typed is kept as it is.
pub fn break_title(title: &str, organ: &str) -> String {
    let organ = organ.trim();
    // 2号 characters on a line of the text block, in half-width units.
    let line = (GBT9704_PAGE.text_width_pt() / SIZE_2HAO) as usize * 2;
    match title.strip_prefix(organ) {
        Some(rest)
            if !organ.is_empty()
                && !title.contains('\n')
                && half_width_units(title) > line
                && half_width_units(organ) <= line
                && half_width_units(rest) <= line
                && !rest.trim().is_empty() =>
        {
            format!("{organ}\n{}", rest.trim_start())
        }
        _ => title.to_string(),
    }
}

/// `text` cut at the edges of the bold byte ranges (ranges off a char boundary or out of
/// bounds are ignored rather than trusted). The preview draws from this too.
pub fn spans_of(text: &str, bold: &[std::ops::Range<usize>]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut at = 0;
    for r in bold {
        let valid = at <= r.start
            && r.start < r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end);
        if !valid {
            continue;
        }
        if at < r.start {
            spans.push(Span::plain(&text[at..r.start]));
        }
        spans.push(Span {
            bold: true,
            ..Span::plain(&text[r.clone()])
        });
        at = r.end;
    }
    if at < text.len() {
        spans.push(Span::plain(&text[at..]));
    }
    spans
}

/// Spans regrouped into lines at each '\n' (a '\r' before it is dropped); blank lines
/// vanish, as empty fields do.
fn split_lines(spans: Vec<Span>) -> Vec<Vec<Span>> {
    let mut lines = vec![Vec::new()];
    for span in spans {
        for (n, piece) in span.text.split('\n').enumerate() {
            if n > 0 {
                lines.push(Vec::new());
            }
            let piece = piece.strip_suffix('\r').unwrap_or(piece);
            if !piece.is_empty() {
                lines.last_mut().unwrap().push(Span {
                    text: piece.to_string(),
                    ..span.clone()
                });
            }
        }
    }
    lines.retain(|l| l.iter().any(|s| !s.text.trim().is_empty()));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_setup_is_gbt_9704() {
        let p = GBT9704_PAGE;
        assert_eq!(p.width_mm - p.left_mm - p.right_mm, 156.0);
        assert_eq!(p.height_mm - p.top_mm - p.bottom_mm, 225.0);
        assert!(
            (p.line_pitch_pt() - 28.99).abs() < 0.05,
            "{}",
            p.line_pitch_pt()
        );
        assert_eq!(p.char_spacing_pt(), -0.25);
        let width_pt = 156.0 * 72.0 / 25.4;
        assert_eq!((width_pt / (SIZE_3HAO + p.char_spacing_pt())).floor(), 28.0);
    }

    #[test]
    fn styles_by_role() {
        assert_eq!(style_of(BlockKind::Title).size_pt, 22.0);
        assert_eq!(style_of(BlockKind::Title).align, Align::Center);
        assert_eq!(style_of(BlockKind::Heading1).fonts[0], "黑体");
        assert_eq!(style_of(BlockKind::Heading2).fonts[0], "楷体_GB2312");
        assert_eq!(style_of(BlockKind::Paragraph).fonts[0], "仿宋_GB2312");
        assert_eq!(style_of(BlockKind::Paragraph).first_line_chars, 2.0);
        assert_eq!(style_of(BlockKind::Title).lines_after, 1);
    }

    fn block(kind: BlockKind, text: &str, leads: Vec<std::ops::Range<usize>>) -> Document {
        let mut b = crate::render::Block::new(kind, text, crate::model::step::Step::Opening);
        b.leads = leads;
        Document { blocks: vec![b] }
    }

    #[test]
    fn lead_sentences_are_bold_only_when_asked() {
        let doc = block(
            BlockKind::Paragraph,
            "一是甲。内容二是乙。",
            vec![0..12, 18..30],
        );
        let plain = lay_out(&doc, &LayoutOptions::default());
        assert_eq!(plain[0].spans.len(), 1);
        assert!(!plain[0].spans[0].bold);
        let bold = lay_out(
            &doc,
            &LayoutOptions {
                bold_leads: true,
                ..Default::default()
            },
        );
        let spans: Vec<(&str, bool)> = bold[0]
            .spans
            .iter()
            .map(|s| (s.text.as_str(), s.bold))
            .collect();
        assert_eq!(
            spans,
            [("一是甲。", true), ("内容", false), ("二是乙。", true)]
        );
        assert_eq!(bold[0].text, "一是甲。内容二是乙。");
    }

    #[test]
    fn bad_lead_ranges_are_ignored() {
        // 1..2 cuts a character; 100..200 is out of bounds.
        let doc = block(BlockKind::Paragraph, "一是甲", vec![1..2, 100..200]);
        let laid = lay_out(
            &doc,
            &LayoutOptions {
                bold_leads: true,
                ..Default::default()
            },
        );
        assert_eq!(laid[0].spans, [Span::plain("一是甲")]);
    }

    #[test]
    fn long_titles_break_after_the_organ() {
        assert_eq!(
            break_title(
                "张家港市科学技术局2022年度法治政府建设情况报告",
                "张家港市科学技术局"
            ),
            "张家港市科学技术局\n2022年度法治政府建设情况报告"
        );
        // Short enough for one line: unchanged.
        assert_eq!(
            break_title("某局2022年度法治政府建设情况报告", "某局"),
            "某局2022年度法治政府建设情况报告"
        );
        // Not starting with the organ, or the rest too long for one line: natural wrapping.
        let long = "关于张家港市科学技术局2022年度法治政府建设情况的报告";
        assert_eq!(break_title(long, "张家港市科学技术局"), long);
        let rest_too_long = "某局2022年度法治政府建设工作开展情况及2023年工作安排的报告";
        assert_eq!(break_title(rest_too_long, "某局"), rest_too_long);
        assert_eq!(
            break_title("张家港市科学技术局2022年度法治政府建设情况报告", ""),
            "张家港市科学技术局2022年度法治政府建设情况报告"
        );
    }

    #[test]
    fn a_typed_line_break_starts_a_paragraph_of_the_same_kind() {
        let doc = block(BlockKind::Title, "第一行\r\n\n第二行", vec![]);
        let laid = lay_out(&doc, &LayoutOptions::default());
        let texts: Vec<&str> = laid.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["第一行", "第二行"]);
        // The space around the title stays around the whole title.
        assert_eq!(
            (laid[0].style.lines_before, laid[0].style.lines_after),
            (1, 0)
        );
        assert_eq!(
            (laid[1].style.lines_before, laid[1].style.lines_after),
            (0, 1)
        );
        assert!(laid.iter().all(|p| p.kind == BlockKind::Title));
    }

    fn header_doc() -> Document {
        use crate::model::step::Step;
        use crate::render::Block;
        Document {
            blocks: vec![
                Block::new(BlockKind::Issuer, "某市科学技术局", Step::Header),
                Block::new(BlockKind::DocNumber, "某科发〔2023〕5号", Step::Header),
                Block::new(
                    BlockKind::Title,
                    "某市科学技术局2022年度法治政府建设情况报告",
                    Step::Header,
                ),
                Block::new(BlockKind::Paragraph, "正文。", Step::Opening),
            ],
        }
    }

    #[test]
    fn the_red_masthead_replaces_the_plain_header_lines() {
        let doc = header_doc();
        let options = LayoutOptions {
            masthead: Some(Masthead {
                mark: "某市科学技术局".into(),
                doc_number: "某科发〔2023〕5号".into(),
                signer: String::new(),
            }),
            ..Default::default()
        };
        let laid = lay_out(&doc, &options);
        let texts: Vec<&str> = laid.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "某市科学技术局",
                "某科发〔2023〕5号",
                "某市科学技术局",
                "2022年度法治政府建设情况报告",
                "正文。"
            ]
        );
        let (mark, number, title) = (&laid[0].style, &laid[1].style, &laid[2].style);
        assert!(mark.red && mark.fonts == XIAOBIAOSONG && mark.align == Align::Center);
        assert_eq!(mark.size_pt, 48.0, "7 characters: as large as allowed");
        assert!(
            (mark.space_before_pt - 35.0 * 72.0 / 25.4).abs() < 1e-9,
            "35 mm"
        );
        assert_eq!(
            number.lines_before, 2,
            "two blank lines under the 发文机关标志"
        );
        let rule = number.rule_below.unwrap();
        assert!(rule.red && rule.gap_pt.fract() == 0.0);
        // 4 mm between the 发文字号's foot (the middle of its line) and the line.
        let pitch = GBT9704_PAGE.line_pitch_pt();
        let foot_to_rule = (pitch - SIZE_3HAO) / 2.0 + rule.gap_pt;
        assert!(
            (foot_to_rule - 4.0 * 72.0 / 25.4).abs() < 0.6,
            "{foot_to_rule}"
        );
        // From the top of the text block to the title: whole lines, two of them blank.
        let above_title = mark.space_before_pt
            + mark.line_pt.unwrap()
            + 3.0 * pitch
            + rule.gap_pt
            + rule.width_pt
            + title.space_before_pt;
        let lines = above_title / pitch;
        assert!((lines - lines.round()).abs() < 1e-6, "{lines} lines");
        assert!(title.space_before_pt >= 2.0 * pitch && title.lines_before == 0);
        assert!(laid[..3].iter().all(|p| p.style.keep_with_next));
        assert_eq!((laid[0].block, laid[2].block), (None, Some(2)));
    }

    #[test]
    fn a_signer_puts_the_number_left_and_the_signer_right() {
        let options = LayoutOptions {
            masthead: Some(Masthead {
                mark: "某市科学技术局文件".into(),
                doc_number: "某科发〔2023〕5号".into(),
                signer: "王某".into(),
            }),
            ..Default::default()
        };
        let laid = lay_out(&header_doc(), &options);
        let number = &laid[1];
        assert_eq!(number.text, "某科发〔2023〕5号\t签发人：王某");
        assert!(number.style.tab_right);
        assert_eq!(
            (number.style.left_chars, number.style.right_chars),
            (1.0, 1.0)
        );
        assert_eq!(
            number.spans.last().unwrap().fonts,
            Some(KAITI),
            "the name in 楷体"
        );
        assert_eq!(mark_size_pt("某市科学技术局文件"), 48.0);
        // A long name still fits the text block.
        let long = "某某省某某市某某区科学技术局文件";
        assert!(mark_size_pt(long) * long.chars().count() as f64 <= GBT9704_PAGE.text_width_pt());
    }

    #[test]
    fn the_imprint_closes_the_report() {
        let options = LayoutOptions {
            imprint: Some(Imprint {
                copy_to: "市司法局，市依法治市办。".into(),
                printer: "某市科学技术局办公室".into(),
                date: "2023年2月17日".into(),
            }),
            ..Default::default()
        };
        let laid = lay_out(&header_doc(), &options);
        let n = laid.len();
        assert_eq!(laid[n - 2].text, "抄送：市司法局，市依法治市办。");
        assert_eq!(laid[n - 1].text, "某市科学技术局办公室\t2023年2月17日印发");
        let (copy, printed) = (&laid[n - 2].style, &laid[n - 1].style);
        assert_eq!(
            (copy.size_pt, copy.left_chars, copy.right_chars),
            (SIZE_4HAO, 1.0, 1.0)
        );
        assert_eq!(copy.rule_above.unwrap().width_pt, IMPRINT_THICK_PT);
        assert_eq!(copy.rule_below.unwrap().width_pt, IMPRINT_THIN_PT);
        assert_eq!(printed.rule_below.unwrap().width_pt, IMPRINT_THICK_PT);
        assert!(printed.tab_right && copy.keep_with_next);
        // Without 抄送: one line between two thick rules.
        let only = lay_out(
            &header_doc(),
            &LayoutOptions {
                imprint: Some(Imprint {
                    copy_to: " ".into(),
                    ..options.imprint.clone().unwrap()
                }),
                ..Default::default()
            },
        );
        let last = &only.last().unwrap().style;
        assert_eq!(last.rule_above.unwrap().width_pt, IMPRINT_THICK_PT);
        assert_eq!(only.len(), n - 1);
    }

    #[test]
    fn options_come_from_the_draft() {
        let mut d = Draft::default();
        d.header.organ = "某局".into();
        d.closing.date = "2023-02-17".into();
        let doc = header_doc();
        assert_eq!(LayoutOptions::of(&d, &doc), LayoutOptions::default());
        d.output.masthead = draft::Masthead::Red;
        d.output.imprint = true;
        d.output.bold_leads = true;
        let o = LayoutOptions::of(&d, &doc);
        assert!(o.bold_leads);
        let m = o.masthead.unwrap();
        assert_eq!(
            (m.mark.as_str(), m.doc_number.as_str()),
            ("某局", "某科发〔2023〕5号")
        );
        let i = o.imprint.unwrap();
        assert_eq!(
            (i.printer.as_str(), i.date.as_str()),
            ("某局", "2023年2月17日")
        );
        d.output.mark = "某局文件".into();
        d.output.printed_on = "2023-02-20".into();
        let o = LayoutOptions::of(&d, &doc);
        assert_eq!(o.masthead.unwrap().mark, "某局文件");
        assert_eq!(o.imprint.unwrap().date, "2023年2月20日");
    }
}
