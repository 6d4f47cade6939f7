//! Plain text of the report: what "复制全文" and the .txt download give.
//!
//! Without layout: one paragraph per line, a blank line between paragraphs, signature and
//! date on consecutive lines (the sample's text form, and the test fixture's).
//! With layout: GB/T 9704 positions simulated with full-width spaces on a 28-character line.

use super::document::{BlockKind, Document};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// Indent paragraphs two characters; centre the head; place signature and date.
    pub layout: bool,
}

/// Characters per line on a GB/T 9704 page.
pub const LINE_CHARS: usize = 28;
const INDENT: &str = "\u{3000}\u{3000}";

pub fn to_text(doc: &Document, options: TextOptions) -> String {
    let mut out = String::new();
    let mut prev: Option<BlockKind> = None;
    // Signature and date in the layout form are computed together.
    let (sig_pad, date_pad) = signature_columns(
        doc.text_of(BlockKind::Signature).unwrap_or(""),
        doc.text_of(BlockKind::Date).unwrap_or(""),
    );
    for block in &doc.blocks {
        if let Some(p) = prev {
            let tight = p == BlockKind::Signature && block.kind == BlockKind::Date;
            out.push_str(if tight { "\n" } else { "\n\n" });
        }
        if options.layout {
            match block.kind {
                BlockKind::Paragraph
                | BlockKind::Heading1
                | BlockKind::Heading2
                | BlockKind::Note => out.push_str(INDENT),
                BlockKind::Issuer | BlockKind::DocNumber | BlockKind::Title => {
                    out.push_str(&pad(centre_offset(&block.text)))
                }
                BlockKind::Signature => out.push_str(&pad(sig_pad)),
                BlockKind::Date => out.push_str(&pad(date_pad)),
            }
        }
        out.push_str(&block.text);
        prev = Some(block.kind);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Width in half-characters: ASCII (Arabic digits, Latin) is half as wide as a Chinese character.
pub fn half_width_units(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

fn centre_offset(text: &str) -> usize {
    let line = LINE_CHARS * 2;
    line.saturating_sub(half_width_units(text)) / 2
}

/// GB/T 9704 7.3.5.2 (unsealed): signature two characters in from the right; the date on
/// the next line starts two characters right of the signature's start, unless the date
/// is longer, in which case the date sits two characters in and the signature moves left.
pub(crate) fn signature_columns(signature: &str, date: &str) -> (usize, usize) {
    let line = (LINE_CHARS * 2) as isize;
    let margin = 4; // two characters, in half-units
    let (s, d) = (
        half_width_units(signature) as isize,
        half_width_units(date) as isize,
    );
    let mut sig_start = line - margin - s;
    let mut date_start = sig_start + margin;
    if date_start + d > line - margin {
        date_start = line - margin - d;
        sig_start = date_start - margin;
    }
    (sig_start.max(0) as usize, date_start.max(0) as usize)
}

/// Spaces covering `half_units`: full-width spaces, plus one ASCII space for an odd half.
fn pad(half_units: usize) -> String {
    let mut s = "\u{3000}".repeat(half_units / 2);
    if half_units % 2 == 1 {
        s.push(' ');
    }
    s
}

/// The .txt download: UTF-8 with a byte-order mark and CRLF line ends, so that old
/// Windows Notepad and WPS detect the encoding and show the line breaks.
pub fn windows_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.lines().count() + 3);
    out.push('\u{FEFF}');
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        out.push_str(line.strip_suffix('\r').unwrap_or(line));
    }
    out
}

/// 字数: characters other than white space (Word's "字符数（不计空格）"), and other than
/// the invisible ones (see [`is_invisible`]): what the reader sees.
pub fn count_chars(s: &str) -> usize {
    s.chars()
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .count()
}

/// A character that takes no visible place but is still in the text: control characters
/// (but tab and line ends), zero-width characters (joiner included: a report has no
/// emoji) and the byte order mark, the soft hyphen, the bidirectional controls (U+202E
/// shows the text after it reversed), the line and paragraph separators, variation
/// selectors and tags, the Hangul fillers (used to fake blanks) and U+FFFC (Word's
/// stand-in for an object; U+2065, unassigned, with its neighbours). They come in with
/// text pasted from web pages and other programs.
pub fn is_invisible(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFFC}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// `text` as it shows: without its invisible characters (see [`is_invisible`]). Where the
/// text holds lines (`lines`), a line or paragraph separator (U+2028/9; Word's Shift+Enter
/// pastes U+000B; U+000C) broke the line where it stood, and becomes a line end.
pub fn without_invisible(text: &str, lines: bool) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\u{B}' | '\u{C}' | '\u{2028}' | '\u{2029}' if lines => Some('\n'),
            c if is_invisible(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Whether `c` is one of [`is_invisible`]'s bidirectional controls.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters in a row beyond which a text box stops wrapping (see [`has_unbroken_run`]).
pub const UNBROKEN_RUN_LIMIT: usize = 1000;

/// Whether `s` holds a run of more than `limit` characters with no place to break a line:
/// no white space, no CJK character or punctuation (each of those is a break
/// opportunity). Browsers lay out such a run in a wrapping text box in time that grows
/// faster than its length (13 s for 200 000 letters in Chromium 156, measured), so a text
/// box holding one stops wrapping and scrolls sideways instead (0.2 s).
pub fn has_unbroken_run(s: &str, limit: usize) -> bool {
    let mut run = 0;
    for c in s.chars() {
        let breakable = c.is_whitespace()
            || matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFF}');
        run = if breakable { 0 } else { run + 1 };
        if run > limit {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::step::Step;

    #[test]
    fn unbroken_runs_are_found() {
        assert!(!has_unbroken_run(&"字".repeat(5000), 100));
        assert!(!has_unbroken_run(&"word ".repeat(5000), 100));
        assert!(!has_unbroken_run(
            &format!("{}字{}", "a".repeat(100), "b".repeat(100)),
            100
        ));
        assert!(has_unbroken_run(&"a".repeat(101), 100));
        assert!(has_unbroken_run(
            &format!("开头 {}", "https://x.cn/".repeat(10)),
            100
        ));
        assert!(!has_unbroken_run("", 0));
    }
    use crate::render::document::Block;

    fn doc(blocks: &[(BlockKind, &str)]) -> Document {
        Document {
            blocks: blocks
                .iter()
                .map(|(k, t)| Block::new(*k, *t, Step::Header))
                .collect(),
        }
    }

    #[test]
    fn plain_form_separates_paragraphs_and_keeps_signature_with_date() {
        let d = doc(&[
            (BlockKind::Title, "标题"),
            (BlockKind::Paragraph, "正文。"),
            (BlockKind::Signature, "某局"),
            (BlockKind::Date, "2023年2月17日"),
        ]);
        assert_eq!(
            to_text(&d, TextOptions::default()),
            "标题\n\n正文。\n\n某局\n2023年2月17日\n"
        );
        assert_eq!(to_text(&Document::default(), TextOptions::default()), "");
    }

    #[test]
    fn layout_form_indents_and_places_signature() {
        let d = doc(&[
            (BlockKind::Paragraph, "正文。"),
            (BlockKind::Signature, "张家港市科学技术局"),
            (BlockKind::Date, "2022年2月17日"),
        ]);
        let text = to_text(&d, TextOptions { layout: true });
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "\u{3000}\u{3000}正文。");
        // Signature: 9 characters, ends two characters before the 28-character line end.
        assert_eq!(half_width_units(lines[2]), 56 - 4);
        // Date starts two characters right of the signature's start.
        let sig_start = half_width_units(lines[2]) - half_width_units("张家港市科学技术局");
        let date_start = half_width_units(lines[3]) - half_width_units("2022年2月17日");
        assert_eq!(date_start, sig_start + 4);
    }

    #[test]
    fn long_date_pushes_signature_left() {
        let (s, d) = signature_columns("某局", "2023年12月31日");
        assert_eq!(d + half_width_units("2023年12月31日"), 56 - 4);
        assert_eq!(s + 4, d);
    }

    #[test]
    fn windows_text_has_bom_and_crlf() {
        assert_eq!(windows_text("甲\n\n乙\n"), "\u{FEFF}甲\r\n\r\n乙\r\n");
    }

    #[test]
    fn counts_ignore_white_space() {
        assert_eq!(count_chars("一是 甲。\n\u{3000}b"), 5);
    }

    #[test]
    fn counts_ignore_invisible_characters() {
        // Zero-width space and joiner, BOM, soft hyphen, U+202E, a variation selector, a tag.
        let pasted = "\u{FEFF}一是\u{200B}甲\u{200D}。\u{00AD}\u{202E}b\u{FE0F}\u{E0041}";
        assert_eq!(count_chars(pasted), 5);
        assert_eq!(
            count_chars(pasted),
            count_chars(&without_invisible(pasted, true))
        );
    }

    #[test]
    fn invisible_characters_include_fillers_selectors_tags_and_separators() {
        for c in [
            '\u{200B}',
            '\u{200D}',
            '\u{2028}',
            '\u{2029}',
            '\u{034F}',
            '\u{FE00}',
            '\u{FE0F}',
            '\u{3164}',
            '\u{FFA0}',
            '\u{115F}',
            '\u{1160}',
            '\u{E0000}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{FFFC}',
            '\u{202E}',
            '\u{7}',
        ] {
            assert!(is_invisible(c), "{:04X}", c as u32);
        }
        for c in [
            '\t', '\n', '\r', ' ', '\u{3000}', '字', 'a', '\u{2027}', '\u{202F}', '\u{FFFD}',
        ] {
            assert!(!is_invisible(c), "{:04X}", c as u32);
        }
    }
}
