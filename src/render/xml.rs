//! The XML the .docx writer produces: escaping, and a tiny element builder. Every piece of
//! user text passes through [`text`] or [`attr`], so no field can break the markup.

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

/// A tiny element builder: names and attribute values written once, escaped on the way
/// out, children nested as values, so the .docx writer never patches generated markup.
#[derive(Clone, Debug, PartialEq)]
pub struct El {
    name: &'static str,
    attrs: Vec<(&'static str, String)>,
    children: Vec<Node>,
}

#[derive(Clone, Debug, PartialEq)]
enum Node {
    El(El),
    Text(String),
}

impl El {
    pub fn new(name: &'static str) -> Self {
        El {
            name,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// An attribute (written in the order given; its value escaped).
    pub fn attr(mut self, name: &'static str, value: impl std::fmt::Display) -> Self {
        self.attrs.push((name, value.to_string()));
        self
    }

    /// `w:val="…"`, the commonest attribute in WordprocessingML.
    pub fn val(self, value: impl std::fmt::Display) -> Self {
        self.attr("w:val", value)
    }

    pub fn child(mut self, child: El) -> Self {
        self.children.push(Node::El(child));
        self
    }

    /// A child only when there is one.
    pub fn child_opt(self, child: Option<El>) -> Self {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    pub fn children(mut self, children: impl IntoIterator<Item = El>) -> Self {
        self.children.extend(children.into_iter().map(Node::El));
        self
    }

    /// Character content, escaped by [`text`].
    pub fn text(mut self, content: &str) -> Self {
        self.children.push(Node::Text(content.to_string()));
        self
    }

    fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(self.name);
        for (k, v) in &self.attrs {
            out.push(' ');
            out.push_str(k);
            out.push_str("=\"");
            out.push_str(&attr(v));
            out.push('"');
        }
        if self.children.is_empty() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        for c in &self.children {
            match c {
                Node::El(e) => e.write(out),
                Node::Text(t) => out.push_str(&text(t)),
            }
        }
        out.push_str("</");
        out.push_str(self.name);
        out.push('>');
    }
}

impl std::fmt::Display for El {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = String::new();
        self.write(&mut out);
        f.write_str(&out)
    }
}

/// A whole XML part: the declaration, then the root element.
pub fn document(root: &El) -> String {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n{root}")
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

    #[test]
    fn elements_nest_and_escape() {
        let el = El::new("w:p")
            .child(El::new("w:pStyle").val("a\"<b"))
            .child(
                El::new("w:t")
                    .attr("xml:space", "preserve")
                    .text("x<&y\u{7}"),
            )
            .child_opt(None);
        assert_eq!(
            el.to_string(),
            r#"<w:p><w:pStyle w:val="a&quot;&lt;b"/><w:t xml:space="preserve">x&lt;&amp;y</w:t></w:p>"#
        );
        assert!(document(&El::new("r")).ends_with("?>\n<r/>"));
    }
}
