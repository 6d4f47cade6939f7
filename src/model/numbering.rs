//! The numbering words of Chinese official documents: 一、 （一） 一是 一方面.
//! The writer never types these; the renderer derives them from an item's position.

#[cfg(any(test, feature = "serde"))]
use serde::{Deserialize, Serialize};

/// Chinese numeral for 1..=99 as written in document headings (一, 十, 十一, 二十一).
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => DIGITS[0].to_string(),
        1..=9 => DIGITS[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[n - 10]),
        20..=99 => {
            let (tens, ones) = (n / 10, n % 10);
            let ones = if ones == 0 { "" } else { DIGITS[ones] };
            format!("{}十{}", DIGITS[tens], ones)
        }
        // Beyond any real report; Arabic keeps it readable rather than wrong.
        _ => n.to_string(),
    }
}

/// The Chinese numerals (一…十) a text starts with, e.g. "十二" of "十二是…"; "" if none.
pub fn leading_numerals(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|(_, c)| !"一二三四五六七八九十".contains(*c))
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    &text[..end]
}

/// "一、" — first-level heading (parts of the report).
pub fn part_marker(index: usize) -> String {
    format!("{}、", chinese_numeral(index + 1))
}

/// "（一）" — second-level heading (subsections). GB/T 9704: no punctuation after it.
pub fn subsection_marker(index: usize) -> String {
    format!("（{}）", chinese_numeral(index + 1))
}

/// How a list of items is introduced inside a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
#[cfg_attr(any(test, feature = "serde"), serde(rename_all = "kebab-case"))]
pub enum ItemNumbering {
    /// 一是…二是…三是…
    Ordinal,
    /// 一方面，…另一方面，… for two items; three or more fall back to 一是…
    /// (there is no third "方面" in standard usage).
    Aspects,
    /// Plain paragraphs, no numbering word.
    None,
}

impl ItemNumbering {
    /// The word placed before item `index` of a list of `count` non-empty items.
    /// A list of one item gets no word: "一是" without "二是" reads as a slip.
    pub fn prefix(self, index: usize, count: usize) -> String {
        if count < 2 {
            return String::new();
        }
        match self {
            ItemNumbering::None => String::new(),
            ItemNumbering::Aspects if count == 2 => if index == 0 {
                "一方面，"
            } else {
                "另一方面，"
            }
            .to_string(),
            ItemNumbering::Ordinal | ItemNumbering::Aspects => {
                format!("{}是", chinese_numeral(index + 1))
            }
        }
    }
}

/// The author's way of numbering items, kept with the draft and written back the same way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
#[cfg_attr(any(test, feature = "serde"), serde(rename_all = "kebab-case"))]
pub enum ItemStyle {
    /// 一是…二是… (the template's own numbering, 一方面 for two problems where it says so).
    #[default]
    Ordinal,
    /// 1. 2. 3., each item its own paragraph.
    Arabic,
    /// （1）（2）（3）, each item its own paragraph.
    ArabicParen,
    /// 首先，…其次，…再次，…最后，…
    Sequence,
    /// （一）（二）（三）, each item its own paragraph (a thematic report's second level).
    ChineseParen,
    /// The numbering is written in each item's text as the author had it (numbers running
    /// on across subsections, or with gaps): nothing is added, nothing renumbered.
    Kept,
}

impl ItemStyle {
    pub const ALL: [ItemStyle; 6] = [
        ItemStyle::Ordinal,
        ItemStyle::Arabic,
        ItemStyle::ArabicParen,
        ItemStyle::ChineseParen,
        ItemStyle::Sequence,
        ItemStyle::Kept,
    ];

    pub fn is_default(&self) -> bool {
        *self == ItemStyle::Ordinal
    }

    /// Stable key (the select's value, and the serde name).
    pub fn key(self) -> &'static str {
        match self {
            ItemStyle::Ordinal => "ordinal",
            ItemStyle::Arabic => "arabic",
            ItemStyle::ArabicParen => "arabic-paren",
            ItemStyle::Sequence => "sequence",
            ItemStyle::ChineseParen => "chinese-paren",
            ItemStyle::Kept => "kept",
        }
    }

    pub fn from_key(key: &str) -> Option<ItemStyle> {
        ItemStyle::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Whether each item is a paragraph of its own whatever the template's layout says.
    pub fn own_paragraphs(self) -> bool {
        matches!(
            self,
            ItemStyle::Arabic | ItemStyle::ArabicParen | ItemStyle::ChineseParen | ItemStyle::Kept
        )
    }

    /// The word before item `index` of `count`, or `None` for the template's numbering.
    /// A list of one item gets no word.
    pub fn prefix(self, index: usize, count: usize) -> Option<String> {
        if count < 2 || self == ItemStyle::Kept {
            return (self != ItemStyle::Ordinal).then(String::new);
        }
        match self {
            ItemStyle::Ordinal => None,
            ItemStyle::Arabic => Some(format!("{}.", index + 1)),
            ItemStyle::ArabicParen => Some(format!("（{}）", index + 1)),
            ItemStyle::Sequence => Some(sequence_word(index, count).to_string()),
            ItemStyle::ChineseParen => Some(subsection_marker(index)),
            ItemStyle::Kept => Some(String::new()),
        }
    }
}

/// 首先，其次，再次，最后， (the last item is always 最后; 此外 between 再次 and 最后).
pub fn sequence_word(index: usize, count: usize) -> &'static str {
    if index + 1 == count && count >= 3 {
        return "最后，";
    }
    match index {
        0 => "首先，",
        1 => "其次，",
        2 => "再次，",
        _ => "此外，",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_cover_real_report_lengths() {
        let got: Vec<String> = [1, 2, 9, 10, 11, 19, 20, 21, 35, 99]
            .iter()
            .map(|&n| chinese_numeral(n))
            .collect();
        assert_eq!(
            got,
            [
                "一",
                "二",
                "九",
                "十",
                "十一",
                "十九",
                "二十",
                "二十一",
                "三十五",
                "九十九"
            ]
        );
    }

    #[test]
    fn leading_numerals_are_the_prefix() {
        assert_eq!(leading_numerals("十二是加强"), "十二");
        assert_eq!(leading_numerals("加强"), "");
        assert_eq!(leading_numerals("三"), "三");
    }

    #[test]
    fn markers() {
        assert_eq!(part_marker(0), "一、");
        assert_eq!(part_marker(2), "三、");
        assert_eq!(subsection_marker(4), "（五）");
        assert_eq!(subsection_marker(10), "（十一）");
    }

    #[test]
    fn author_styles() {
        let words = |s: ItemStyle, n: usize| -> Vec<String> {
            (0..n).map(|i| s.prefix(i, n).unwrap_or_default()).collect()
        };
        assert_eq!(words(ItemStyle::Arabic, 3), ["1.", "2.", "3."]);
        assert_eq!(words(ItemStyle::ArabicParen, 2), ["（1）", "（2）"]);
        assert_eq!(
            words(ItemStyle::Sequence, 4),
            ["首先，", "其次，", "再次，", "最后，"]
        );
        assert_eq!(words(ItemStyle::Sequence, 2), ["首先，", "其次，"]);
        assert_eq!(ItemStyle::Ordinal.prefix(0, 3), None);
        assert_eq!(ItemStyle::Arabic.prefix(0, 1).as_deref(), Some(""));
        for s in ItemStyle::ALL {
            assert_eq!(ItemStyle::from_key(s.key()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.key()));
        }
    }

    #[test]
    fn item_prefixes() {
        assert_eq!(ItemNumbering::Ordinal.prefix(0, 3), "一是");
        assert_eq!(ItemNumbering::Ordinal.prefix(2, 3), "三是");
        assert_eq!(ItemNumbering::Ordinal.prefix(0, 1), "");
        assert_eq!(ItemNumbering::Aspects.prefix(0, 2), "一方面，");
        assert_eq!(ItemNumbering::Aspects.prefix(1, 2), "另一方面，");
        assert_eq!(ItemNumbering::Aspects.prefix(2, 3), "三是");
        assert_eq!(ItemNumbering::None.prefix(1, 3), "");
    }
}
