//! The numbering a paragraph starts with: heading levels 一、 （一） 1. （1） and the item
//! words 一是 一方面 首先, in both full- and half-width punctuation.

use crate::model::numbering::ItemStyle;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// 一、
    Part(usize),
    /// （一）
    Sub(usize),
    /// 1. 1． 1、
    Arabic(usize),
    /// （1）
    ArabicParen(usize),
    /// 一是
    Ordinal(usize),
    /// 一方面 (1), 另一方面 (2)
    Aspect(usize),
    /// 首先 (1) 其次 (2) 再次 (3) 最后 (0: whatever comes last)
    Sequence(usize),
}

impl Marker {
    /// A heading level (一、 （一） 1. （1）) rather than an item word.
    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Marker::Part(_) | Marker::Sub(_) | Marker::Arabic(_) | Marker::ArabicParen(_)
        )
    }

    pub fn number(self) -> usize {
        match self {
            Marker::Part(n)
            | Marker::Sub(n)
            | Marker::Arabic(n)
            | Marker::ArabicParen(n)
            | Marker::Ordinal(n)
            | Marker::Aspect(n)
            | Marker::Sequence(n) => n,
        }
    }

    /// Same kind of numbering (ignoring the number).
    pub fn same_kind(self, other: Marker) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }

    /// The author's item style this marker is written in.
    pub fn style(self) -> Option<ItemStyle> {
        match self {
            Marker::Ordinal(_) | Marker::Aspect(_) => Some(ItemStyle::Ordinal),
            Marker::Arabic(_) => Some(ItemStyle::Arabic),
            Marker::ArabicParen(_) => Some(ItemStyle::ArabicParen),
            Marker::Sequence(_) => Some(ItemStyle::Sequence),
            Marker::Sub(_) => Some(ItemStyle::ChineseParen),
            Marker::Part(_) => None,
        }
    }
}

/// The value of a Chinese numeral 一…九十九 (十, 十一, 二十一).
pub fn numeral_value(s: &str) -> Option<usize> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|v| v + 1)
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', o] => Some(10 + digit(*o)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', o] => Some(digit(*t)? * 10 + digit(*o)?),
        _ => None,
    }
}

fn numerals(text: &str) -> (&str, &str) {
    let end = text
        .char_indices()
        .find(|(_, c)| !"一二三四五六七八九十".contains(*c))
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    (&text[..end], &text[end..])
}

fn digits(text: &str) -> (&str, &str) {
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    (&text[..end], &text[end..])
}

/// The numbering at the start of `text` and the text after it.
pub fn marker(text: &str) -> Option<(Marker, &str)> {
    let (num, rest) = numerals(text);
    if let Some(n) = numeral_value(num) {
        if let Some(r) = rest.strip_prefix('、') {
            return Some((Marker::Part(n), r));
        }
        if let Some(r) = rest.strip_prefix('是') {
            return Some((Marker::Ordinal(n), r));
        }
        // "一)" with its opening parenthesis lost.
        if let Some(r) = rest.strip_prefix(['）', ')']) {
            return Some((Marker::Sub(n), r));
        }
    }
    if let Some(inner) = text.strip_prefix(['（', '(']) {
        let (num, rest) = numerals(inner);
        if let (Some(n), Some(r)) = (numeral_value(num), rest.strip_prefix(['）', ')'])) {
            return Some((Marker::Sub(n), r));
        }
        let (d, rest) = digits(inner);
        if (1..=2).contains(&d.len()) {
            if let Some(r) = rest.strip_prefix(['）', ')']) {
                return Some((Marker::ArabicParen(d.parse().ok()?), r));
            }
        }
    }
    let (d, rest) = digits(text);
    if (1..=2).contains(&d.len()) {
        if let Some(r) = rest.strip_prefix(['.', '．', '、']) {
            // "1.5亿" is a number, not a marker.
            if !r.starts_with(|c: char| c.is_ascii_digit()) && !r.is_empty() {
                return Some((Marker::Arabic(d.parse().ok()?), r));
            }
        }
    }
    for (word, n) in [("另一方面", 2), ("一方面", 1)] {
        if let Some(r) = text.strip_prefix(word) {
            let r = r.strip_prefix(['，', ',']).unwrap_or(r);
            return Some((Marker::Aspect(n), r));
        }
    }
    for (word, n) in [("首先", 1), ("其次", 2), ("再次", 3), ("最后", 0)] {
        if let Some(r) = text.strip_prefix(word) {
            if let Some(r) = r.strip_prefix(['，', ',']) {
                return Some((Marker::Sequence(n), r));
            }
        }
    }
    None
}

/// Where the next item word of a chain (一是 after 二是 …) starts inside `text`, if it
/// follows a punctuation mark (so 统一是 is not 一是), and its length.
pub fn find_inline(text: &str, expect: Marker) -> Option<(usize, usize)> {
    let word = match expect {
        Marker::Ordinal(n) => format!("{}是", crate::model::numbering::chinese_numeral(n)),
        Marker::Aspect(1) => "一方面".to_string(),
        Marker::Aspect(2) => "另一方面".to_string(),
        Marker::Sequence(0) => "最后".to_string(),
        Marker::Sequence(1) => "首先".to_string(),
        Marker::Sequence(2) => "其次".to_string(),
        Marker::Sequence(3) => "再次".to_string(),
        _ => return None,
    };
    let mut from = 0;
    while let Some(at) = text[from..].find(&word).map(|a| a + from) {
        let before = text[..at].chars().next_back();
        let ok = before.is_none_or(|c| "。；;！？!?，,：:”）)".contains(c));
        // 十一是 is not 一是.
        let after = &text[at + word.len()..];
        let ok = ok && (!matches!(expect, Marker::Sequence(_)) || after.starts_with(['，', ',']));
        if ok {
            let comma = match expect {
                Marker::Aspect(_) | Marker::Sequence(_) => after
                    .chars()
                    .next()
                    .filter(|c| *c == '，' || *c == ',')
                    .map_or(0, char::len_utf8),
                _ => 0,
            };
            return Some((at, word.len() + comma));
        }
        from = at + word.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_of_every_level() {
        let m = |t: &str| marker(t).map(|(m, r)| (m, r.to_string()));
        assert_eq!(
            m("一、工作情况"),
            Some((Marker::Part(1), "工作情况".into()))
        );
        assert_eq!(m("十二、其他"), Some((Marker::Part(12), "其他".into())));
        assert_eq!(m("（三）加强"), Some((Marker::Sub(3), "加强".into())));
        assert_eq!(m("(三)加强"), Some((Marker::Sub(3), "加强".into())));
        assert_eq!(m("2.强化"), Some((Marker::Arabic(2), "强化".into())));
        assert_eq!(m("12．强化"), Some((Marker::Arabic(12), "强化".into())));
        assert_eq!(m("3、强化"), Some((Marker::Arabic(3), "强化".into())));
        assert_eq!(
            m("（1）强化"),
            Some((Marker::ArabicParen(1), "强化".into()))
        );
        assert_eq!(m("二是完善"), Some((Marker::Ordinal(2), "完善".into())));
        assert_eq!(m("另一方面，乙"), Some((Marker::Aspect(2), "乙".into())));
        assert_eq!(m("首先，甲"), Some((Marker::Sequence(1), "甲".into())));
        assert_eq!(m("1.5亿元"), None);
        assert_eq!(m("2023年"), None);
        assert_eq!(m("首先要"), None);
        assert_eq!(m("统一思想"), None);
    }

    #[test]
    fn inline_words_follow_punctuation() {
        let t = "坚持统一是关键，一是学习；二是培训。";
        assert_eq!(
            find_inline(t, Marker::Ordinal(1)).map(|(a, _)| &t[a..]),
            Some("一是学习；二是培训。")
        );
        assert_eq!(find_inline(t, Marker::Ordinal(3)), None);
        assert_eq!(find_inline("统一是", Marker::Ordinal(1)), None);
        assert_eq!(numeral_value("二十一"), Some(21));
        assert_eq!(numeral_value("十"), Some(10));
    }
}
