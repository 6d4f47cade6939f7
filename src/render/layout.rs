//! GB/T 9704-2012 layout of the report: page setup and each paragraph's font, size,
//! alignment, indentation and bold spans. One model for every laid-out output: the print
//! view and the .docx writer both draw from it. Sizes in points, indents in characters.

use super::document::{BlockKind, Document};
use super::text::{half_width_units, signature_columns};

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
    /// Text block height divided by the lines on a page.
    pub fn line_pitch_pt(&self) -> f64 {
        let text_mm = self.height_mm - self.top_mm - self.bottom_mm;
        text_mm / self.lines_per_page as f64 * 72.0 / 25.4
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
    /// Empty lines before the paragraph.
    pub lines_before: u32,
    /// Empty lines after the paragraph.
    pub lines_after: u32,
}

/// A stretch of a paragraph's text with one weight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LaidParagraph {
    pub kind: BlockKind,
    /// The whole text of the paragraph (the spans joined).
    pub text: String,
    /// The text in stretches of one weight, never empty, in order.
    pub spans: Vec<Span>,
    pub style: ParagraphStyle,
}

/// What the writer chooses on the output step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Set item lead sentences ("一是加强组织领导。") in bold.
    pub bold_leads: bool,
}

const BODY: ParagraphStyle = ParagraphStyle {
    fonts: FANGSONG,
    size_pt: SIZE_3HAO,
    bold: false,
    align: Align::Justify,
    first_line_chars: 2.0,
    left_chars: 0.0,
    lines_before: 0,
    lines_after: 0,
};

pub fn style_of(kind: BlockKind) -> ParagraphStyle {
    match kind {
        BlockKind::Issuer => ParagraphStyle {
            align: Align::Center,
            first_line_chars: 0.0,
            ..BODY
        },
        BlockKind::DocNumber => ParagraphStyle {
            align: Align::Center,
            first_line_chars: 0.0,
            ..BODY
        },
        BlockKind::Title => ParagraphStyle {
            fonts: XIAOBIAOSONG,
            size_pt: SIZE_2HAO,
            align: Align::Center,
            first_line_chars: 0.0,
            lines_before: 1,
            lines_after: 1,
            ..BODY
        },
        BlockKind::Heading1 => ParagraphStyle {
            fonts: HEITI,
            ..BODY
        },
        BlockKind::Heading2 => ParagraphStyle {
            fonts: KAITI,
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

/// Lays the report out: signature and date get the left indents GB/T 9704 7.3.5.2 implies
/// on the 28-character line; one empty line between title and text. A line break typed
/// inside a field starts a new paragraph of the same kind.
pub fn lay_out(doc: &Document, options: LayoutOptions) -> Vec<LaidParagraph> {
    let text_of = |k: BlockKind| doc.text_of(k).unwrap_or("");
    let (sig_at, date_at) =
        signature_columns(text_of(BlockKind::Signature), text_of(BlockKind::Date));
    let mut laid = Vec::with_capacity(doc.blocks.len());
    for b in &doc.blocks {
        let mut style = style_of(b.kind);
        match b.kind {
            BlockKind::Signature => style.left_chars = sig_at as f64 / 2.0,
            BlockKind::Date => style.left_chars = date_at as f64 / 2.0,
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
            }
            if n + 1 < count {
                style.lines_after = 0;
            }
            laid.push(LaidParagraph {
                kind: b.kind,
                text: spans.iter().map(|s| s.text.as_str()).collect(),
                spans,
                style,
            });
        }
    }
    laid
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
            spans.push(Span {
                text: text[at..r.start].to_string(),
                bold: false,
            });
        }
        spans.push(Span {
            text: text[r.clone()].to_string(),
            bold: true,
        });
        at = r.end;
    }
    if at < text.len() {
        spans.push(Span {
            text: text[at..].to_string(),
            bold: false,
        });
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
                    bold: span.bold,
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
        let plain = lay_out(&doc, LayoutOptions::default());
        assert_eq!(plain[0].spans.len(), 1);
        assert!(!plain[0].spans[0].bold);
        let bold = lay_out(&doc, LayoutOptions { bold_leads: true });
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
        let laid = lay_out(&doc, LayoutOptions { bold_leads: true });
        assert_eq!(
            laid[0].spans,
            [Span {
                text: "一是甲".into(),
                bold: false
            }]
        );
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
        let laid = lay_out(&doc, LayoutOptions::default());
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
}
