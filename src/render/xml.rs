//! Escaping for the XML the .docx writer produces. Every piece of user text passes
//! through [`text`] or [`attr`], so no field can break the document's markup.

/// Characters XML 1.0 forbids (most C0 controls) are dropped, and so are the other control
/// characters, which no report needs and some readers reject. Tab and line breaks are
/// handled by the caller before text gets here.
fn allowed(c: char) -> bool {
    !c.is_control() && c != '\u{FFFE}' && c != '\u{FFFF}'
}

/// Element content.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// A double-quoted attribute value.
pub fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(
            text("<w:t>a&b</w:t>]]>\u{0}\u{7}\u{1b}\u{85}\u{FFFF}报告"),
            "&lt;w:t&gt;a&amp;b&lt;/w:t&gt;]]&gt;报告"
        );
        assert_eq!(attr(r#"仿宋" x="1"#), "仿宋&quot; x=&quot;1");
        // Quotes stay as they are in content: Chinese quotation marks must survive untouched.
        assert_eq!(text("“依法行政”'\""), "“依法行政”'\"");
    }
}
