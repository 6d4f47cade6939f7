//! GB/T 9704-2012 layout of the report: page setup and each paragraph's font, size,
//! alignment and indentation. One model for every laid-out output: the print view uses it
//! now, the .docx writer will. Sizes in points, indents in characters.

use super::document::{BlockKind, Document};
use super::text::signature_columns;

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
}

#[derive(Clone, Debug, PartialEq)]
pub struct LaidParagraph {
    pub kind: BlockKind,
    pub text: String,
    pub style: ParagraphStyle,
}

const BODY: ParagraphStyle = ParagraphStyle {
    fonts: FANGSONG,
    size_pt: SIZE_3HAO,
    bold: false,
    align: Align::Justify,
    first_line_chars: 2.0,
    left_chars: 0.0,
    lines_before: 0,
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
/// on the 28-character line; the first body paragraph after the title follows one empty line.
pub fn lay_out(doc: &Document) -> Vec<LaidParagraph> {
    let text_of = |k: BlockKind| {
        doc.blocks
            .iter()
            .find(|b| b.kind == k)
            .map(|b| b.text.as_str())
            .unwrap_or("")
    };
    let (sig_at, date_at) =
        signature_columns(text_of(BlockKind::Signature), text_of(BlockKind::Date));
    doc.blocks
        .iter()
        .map(|b| {
            let mut style = style_of(b.kind);
            match b.kind {
                BlockKind::Signature => style.left_chars = sig_at as f64 / 2.0,
                BlockKind::Date => style.left_chars = date_at as f64 / 2.0,
                _ => {}
            }
            LaidParagraph {
                kind: b.kind,
                text: b.text.clone(),
                style,
            }
        })
        .collect()
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
    }

    #[test]
    fn styles_by_role() {
        assert_eq!(style_of(BlockKind::Title).size_pt, 22.0);
        assert_eq!(style_of(BlockKind::Title).align, Align::Center);
        assert_eq!(style_of(BlockKind::Heading1).fonts[0], "黑体");
        assert_eq!(style_of(BlockKind::Heading2).fonts[0], "楷体_GB2312");
        assert_eq!(style_of(BlockKind::Paragraph).fonts[0], "仿宋_GB2312");
        assert_eq!(style_of(BlockKind::Paragraph).first_line_chars, 2.0);
    }
}
