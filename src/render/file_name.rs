//! Names of the files the tool offers (report text, Word document, backups).

/// A file name without the characters Windows forbids (`\ / : * ? " < > |` and control
/// characters), trimmed and at most 80 characters before the extension; an empty stem
/// becomes the tool's name.
pub fn safe_file_name(stem: &str, ext: &str) -> String {
    let stem: String = stem
        .trim()
        .chars()
        // Bidirectional and zero-width characters would make the name show otherwise than
        // it is (U+202E shows what follows reversed, ".docx" included): dropped.
        .filter(|c| c.is_control() || !super::is_invisible(*c))
        .map(|c| {
            if r#"\/:*?"<>|"#.contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(80)
        .collect();
    let stem = if stem.is_empty() {
        crate::strings::APP_NAME.to_string()
    } else {
        stem
    };
    format!("{stem}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_become_underscores() {
        assert_eq!(
            safe_file_name(" 某局/科室:2024*年?\"报告\"<草稿>|\u{7}\n ", "txt"),
            "某局_科室_2024_年__报告__草稿___.txt"
        );
        assert_eq!(safe_file_name("..\\..\\etc", "json"), ".._.._etc.json");
        assert_eq!(
            safe_file_name("某局\u{202E}xcod\u{200B}报告\u{FEFF}", "docx"),
            "某局xcod报告.docx"
        );
    }

    #[test]
    fn empty_stems_get_the_tools_name_and_long_ones_are_cut() {
        assert_eq!(
            safe_file_name("  ", "docx"),
            format!("{}.docx", crate::strings::APP_NAME)
        );
        let long = "报".repeat(200);
        let name = safe_file_name(&long, "txt");
        assert_eq!(name.chars().count(), 80 + 4);
        assert!(name.ends_with("报.txt"));
    }
}
