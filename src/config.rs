//! The embedding page's options (`data-*` attributes or `FazhiReport.mount(el, options)`),
//! validated here in plain Rust so every rule is tested natively. Error messages are in
//! Chinese and name the option, so a host-page author can fix the call.

use crate::model::template::builtin_templates;
use crate::storage::sanitize_namespace;

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Storage namespace: two tools with different namespaces never share drafts.
    pub namespace: String,
    /// Pre-filled 发文机关 and 报告年度 for a new draft.
    pub organ: Option<String>,
    pub year: Option<String>,
    /// Template of a new draft.
    pub template: Option<String>,
    /// Whether the drafts page (我的草稿) is offered.
    pub show_drafts: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            namespace: "default".into(),
            organ: None,
            year: None,
            template: None,
            show_drafts: true,
        }
    }
}

/// One option as the page gave it, before validation.
#[derive(Clone, Debug, PartialEq)]
pub enum RawValue {
    Text(String),
    Number(f64),
    Bool(bool),
    /// null, undefined, an object, a function…: described for the message.
    Other(String),
}

pub const OPTION_NAMES: [&str; 5] = ["namespace", "organ", "year", "template", "showDrafts"];

/// Validates options given as (name, value) pairs. Returns every problem, not just the first.
pub fn parse_options(options: &[(String, RawValue)]) -> Result<Config, Vec<String>> {
    let mut config = Config::default();
    let mut errors = Vec::new();
    for (name, value) in options {
        let text = |errors: &mut Vec<String>| match value {
            RawValue::Text(s) => Some(s.trim().to_string()),
            RawValue::Number(n) => Some(crate::decimal::text(*n)),
            other => {
                errors.push(format!(
                    "选项 {name} 应为文字，收到的是 {}。",
                    describe(other)
                ));
                None
            }
        };
        match name.as_str() {
            "namespace" => {
                if let Some(ns) = text(&mut errors) {
                    if ns.is_empty() || sanitize_namespace(&ns) != ns {
                        errors.push(format!(
                            "选项 namespace（存储命名空间）“{ns}”无效：只能用英文字母、数字和 - _ .，最长 64 个字符。"
                        ));
                    } else {
                        config.namespace = ns;
                    }
                }
            }
            "organ" => config.organ = text(&mut errors).filter(|s| !s.is_empty()),
            "year" => {
                if let Some(y) = text(&mut errors) {
                    match y.parse::<i32>() {
                        Ok(n) if (2000..=2100).contains(&n) => config.year = Some(n.to_string()),
                        _ => errors.push(format!(
                            "选项 year（报告年度）“{y}”无效：应为四位年份，如 2025。"
                        )),
                    }
                }
            }
            "template" => {
                if let Some(t) = text(&mut errors) {
                    if builtin_templates().iter().any(|x| x.id == t) {
                        config.template = Some(t);
                    } else {
                        let known: Vec<&str> =
                            builtin_templates().iter().map(|x| x.id.as_str()).collect();
                        errors.push(format!(
                            "选项 template（报告结构）“{t}”不存在，可用的有：{}。",
                            known.join("、")
                        ));
                    }
                }
            }
            "showDrafts" => match value {
                RawValue::Bool(b) => config.show_drafts = *b,
                RawValue::Text(s) if matches!(s.trim(), "" | "true" | "1" | "yes") => {
                    config.show_drafts = true
                }
                RawValue::Text(s) if matches!(s.trim(), "false" | "0" | "no") => {
                    config.show_drafts = false
                }
                other => errors.push(format!(
                    "选项 showDrafts 应为 true 或 false，收到的是 {}。",
                    describe(other)
                )),
            },
            other => errors.push(format!(
                "未知选项 {other}。可用的选项：{}。",
                OPTION_NAMES.join("、")
            )),
        }
    }
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(errors)
    }
}

fn describe(v: &RawValue) -> String {
    match v {
        RawValue::Text(s) => format!("文字“{s}”"),
        RawValue::Number(n) => format!("数字 {}", crate::decimal::text(*n)),
        RawValue::Bool(b) => format!("布尔值 {b}"),
        RawValue::Other(what) => what.clone(),
    }
}

/// The `data-*` attribute that carries an option (`showDrafts` → `data-show-drafts`).
pub fn attribute_name(option: &str) -> String {
    let mut out = String::from("data-");
    for c in option.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(pairs: &[(&str, RawValue)]) -> Vec<(String, RawValue)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn good_options() {
        let c = parse_options(&opts(&[
            ("namespace", RawValue::Text("keji-ju".into())),
            ("organ", RawValue::Text(" 某市科学技术局 ".into())),
            ("year", RawValue::Number(2025.0)),
            ("template", RawValue::Text("department-short".into())),
            ("showDrafts", RawValue::Text("false".into())),
        ]))
        .unwrap();
        assert_eq!(c.namespace, "keji-ju");
        assert_eq!(c.organ.as_deref(), Some("某市科学技术局"));
        assert_eq!(c.year.as_deref(), Some("2025"));
        assert!(!c.show_drafts);
        assert_eq!(parse_options(&[]).unwrap(), Config::default());
    }

    #[test]
    fn every_bad_option_is_named() {
        let errors = parse_options(&opts(&[
            ("namespace", RawValue::Text("a/b".into())),
            ("year", RawValue::Text("二〇二五".into())),
            ("template", RawValue::Text("nope".into())),
            ("organ", RawValue::Other("一个对象".into())),
            ("colour", RawValue::Text("red".into())),
        ]))
        .unwrap_err();
        assert_eq!(errors.len(), 5, "{errors:?}");
        for (e, needle) in errors
            .iter()
            .zip(["namespace", "year", "template", "organ", "colour"])
        {
            assert!(e.contains(needle), "{e}");
        }
    }

    #[test]
    fn attribute_names() {
        assert_eq!(attribute_name("showDrafts"), "data-show-drafts");
        assert_eq!(attribute_name("organ"), "data-organ");
    }
}
