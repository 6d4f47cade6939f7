//! Shrinks the components' CSS for the wasm (build.rs runs it; the sources keep their
//! comments and layout for the people who read them). Only comments and whitespace go:
//! every run of whitespace becomes one space, and the space next to `{`, `}` and `;` goes.
//! The CSS has no strings holding `/*`, braces, semicolons or runs of spaces (font names
//! and attribute values only), so nothing inside a string changes; the test checks that the
//! output is the input less its comments and whitespace, for every shipped file.

/// The components' style sheets, in cascade order (paths from the crate's root): build.rs
/// joins them, minified, into `$OUT_DIR/components.css`, which `components::CSS` includes.
pub const SOURCES: &[&str] = &[
    "style/base.css",
    "src/components/app/app.css",
    "src/components/stepper/stepper.css",
    "src/components/step_form/step_form.css",
    "src/components/field/field.css",
    "src/components/date_field/date_field.css",
    "src/components/item_list/item_list.css",
    "src/components/preview/preview.css",
    "src/components/output/output.css",
    "src/components/checks_panel/checks_panel.css",
    "src/components/drafts_page/drafts_page.css",
];

/// The CSS text without comments and without whitespace nobody needs.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    let mut pending_space = false;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("/*") {
            rest = rest[2..].find("*/").map_or("", |end| &rest[2 + end + 2..]);
            pending_space = true;
            continue;
        }
        rest = &rest[c.len_utf8()..];
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        let around = |x: char| matches!(x, '{' | '}' | ';');
        if pending_space && !out.is_empty() && !around(c) && !out.ends_with(around) {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{minify, SOURCES};

    fn without_comments(css: &str) -> String {
        let mut out = String::new();
        let mut rest = css;
        while let Some(start) = rest.find("/*") {
            out.push_str(&rest[..start]);
            rest = rest[start..]
                .find("*/")
                .map_or("", |end| &rest[start + end + 2..]);
        }
        out.push_str(rest);
        out
    }

    fn squeezed(css: &str) -> String {
        css.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn only_comments_and_whitespace_go() {
        for path in SOURCES {
            let css =
                std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let css = css.as_str();
            let min = minify(css);
            assert_eq!(squeezed(&min), squeezed(&without_comments(css)));
            assert!(!min.contains("/*") && !min.contains("  ") && !min.contains('\n'));
            assert!(min.len() < css.len());
        }
    }

    #[test]
    fn spaces_that_separate_stay() {
        assert_eq!(
            minify(".a  .b:hover /* x */ > p {\n  margin: 0 auto;\n  font-family: \"Microsoft YaHei\", serif;\n}\n@container (max-width: 360px) { .c { d: e } }"),
            ".a .b:hover > p{margin: 0 auto;font-family: \"Microsoft YaHei\", serif;}@container (max-width: 360px){.c{d: e}}"
        );
        assert_eq!(minify(".a{b:c}/* unterminated"), ".a{b:c}");
        assert_eq!(minify("a/**/b"), "a b");
    }
}
