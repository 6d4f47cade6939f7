//! The versioned form a draft is stored in. Decoding never panics and says, in Chinese,
//! what is wrong with an entry it cannot use.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::draft::Draft;

/// Bump when the stored shape changes, and add a migration step in [`migrate`].
/// 1: the first shape. 2: drafts have a `name` (the drafts page).
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredDraft {
    pub schema: u32,
    pub id: String,
    /// Increases on every save; lets two tabs notice each other's writes.
    #[serde(default)]
    pub revision: u64,
    /// Milliseconds since the Unix epoch.
    #[serde(default)]
    pub saved_at: f64,
    /// The wizard step the writer was on ([`super::step::Step::key`]).
    #[serde(default)]
    pub step: String,
    pub draft: Draft,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    NotJson(String),
    NotADraft,
    NewerVersion(u32),
    WrongShape(String),
}

impl DecodeError {
    pub fn message(&self) -> String {
        match self {
            DecodeError::NotJson(e) => format!("不是有效的 JSON 数据（{e}）。"),
            DecodeError::NotADraft => "这不是本工具的草稿数据。".into(),
            DecodeError::NewerVersion(v) => {
                format!("草稿由更新版本的工具写入（格式版本 {v}，本工具支持到 {SCHEMA_VERSION}），请使用新版本工具打开。")
            }
            DecodeError::WrongShape(e) => format!("草稿数据中有字段类型不对（{e}）。"),
        }
    }
}

pub fn encode(stored: &StoredDraft) -> String {
    serde_json::to_string(stored).expect("a draft always serialises")
}

pub fn decode(raw: &str) -> Result<StoredDraft, DecodeError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let schema = value
        .as_object()
        .and_then(|o| o.get("schema"))
        .and_then(Value::as_u64)
        .ok_or(DecodeError::NotADraft)?;
    if schema > SCHEMA_VERSION as u64 {
        return Err(DecodeError::NewerVersion(schema.min(u32::MAX as u64) as u32));
    }
    let value = migrate(schema as u32, value);
    serde_json::from_value(value).map_err(|e| DecodeError::WrongShape(e.to_string()))
}

/// Upgrades an entry written with an older `schema` to the current shape, one version at a
/// time. Version 1 is the first; later versions add a step here (and a test with a stored
/// entry of the old shape).
fn migrate(schema: u32, mut value: Value) -> Value {
    if schema < 2 {
        // 1 → 2: drafts gain a name; a v1 draft is named after nothing (its title shows).
        if let Some(draft) = value.get_mut("draft").and_then(Value::as_object_mut) {
            draft.entry("name").or_insert_with(|| Value::from(""));
        }
    }
    value["schema"] = Value::from(SCHEMA_VERSION);
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::builtin_templates;

    fn stored() -> StoredDraft {
        let mut draft = Draft::new(&builtin_templates()[0]);
        draft.header.organ = "某局 <script>alert(1)</script> \u{202E}".into();
        StoredDraft {
            schema: SCHEMA_VERSION,
            id: "d1".into(),
            revision: 3,
            saved_at: 1.5e12,
            step: "part-1".into(),
            draft,
        }
    }

    #[test]
    fn round_trip() {
        let s = stored();
        assert_eq!(decode(&encode(&s)).unwrap(), s);
    }

    #[test]
    fn output_choices_are_kept_and_absent_when_default() {
        let mut s = stored();
        assert!(
            !encode(&s).contains("\"output\""),
            "older tools see no new key"
        );
        s.draft.output.bold_leads = true;
        let json = encode(&s);
        assert!(json.contains("\"bold_leads\":true"));
        assert!(decode(&json).unwrap().draft.output.bold_leads);
        assert!(!decode(&json).unwrap().draft.output.text_layout);
    }

    #[test]
    fn errors_are_specific() {
        assert!(matches!(decode("{not json"), Err(DecodeError::NotJson(_))));
        assert_eq!(decode("[1,2]"), Err(DecodeError::NotADraft));
        assert_eq!(decode(r#"{"hello":1}"#), Err(DecodeError::NotADraft));
        assert_eq!(
            decode(r#"{"schema":99,"id":"x","draft":{}}"#),
            Err(DecodeError::NewerVersion(99))
        );
        assert!(matches!(
            decode(r#"{"schema":1,"id":"x","draft":{"opening":5}}"#),
            Err(DecodeError::WrongShape(_))
        ));
        for e in [DecodeError::NotADraft, DecodeError::NewerVersion(2)] {
            assert!(!e.message().is_empty());
        }
    }

    #[test]
    fn a_v1_entry_migrates_and_keeps_its_text() {
        let v1 = include_str!("../../tests/fixtures/stored-v1.json");
        let s = decode(v1).unwrap();
        assert_eq!(s.schema, SCHEMA_VERSION);
        assert_eq!(
            (s.id.as_str(), s.revision, s.step.as_str()),
            ("d18c0ffee0001", 7, "part-1")
        );
        assert_eq!(s.draft.name, "");
        assert_eq!(s.draft.header.organ, "某市科学技术局");
        assert_eq!(
            s.draft.parts[0].subsections[0].items[0].detail,
            "主要负责人带头学法。"
        );
        assert_eq!(s.draft.closing.date, "2025-02-20");
        // Re-encoded, it is a current entry that decodes to the same draft.
        assert_eq!(decode(&encode(&s)).unwrap(), s);
    }

    #[test]
    fn missing_fields_default() {
        let s = decode(r#"{"schema":1,"id":"x","draft":{"opening":"开头"}}"#).unwrap();
        assert_eq!(s.draft.opening, "开头");
        assert_eq!(s.revision, 0);
    }
}
