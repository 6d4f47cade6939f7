//! Backup files: one draft (the stored form itself) or all drafts of a namespace
//! (`{"format": "fazhi-report-backup", "schema": 2, "drafts": [...]}`). Reading one never
//! panics, checks everything, and explains each problem in Chinese.

use serde_json::Value;

use crate::model::persisted::{decode, encode, DecodeError, StoredDraft, SCHEMA_VERSION};

/// Larger files are refused before parsing (a year's report is some 30 KB of JSON).
pub const MAX_BACKUP_BYTES: usize = 5 * 1024 * 1024;
pub const BUNDLE_FORMAT: &str = "fazhi-report-backup";

#[derive(Clone, Debug, PartialEq)]
pub enum BackupError {
    TooLarge(usize),
    Empty,
    /// Draft number `index` (1-based) of a bundle, or the only draft, is unusable.
    Draft {
        index: Option<usize>,
        error: DecodeError,
    },
}

impl BackupError {
    pub fn message(&self) -> String {
        match self {
            BackupError::TooLarge(n) => format!(
                "文件太大（{:.1} MB），不是本工具的草稿备份。草稿备份通常小于 1 MB。",
                *n as f64 / 1048576.0
            ),
            BackupError::Empty => "文件中没有草稿。".into(),
            BackupError::Draft { index: None, error } => format!("无法导入：{}", error.message()),
            BackupError::Draft {
                index: Some(i),
                error,
            } => format!("无法导入：第 {i} 份草稿有问题。{}", error.message()),
        }
    }
}

/// Reads a backup file's text into drafts. All or nothing: one bad draft fails the file.
pub fn parse_backup(text: &str) -> Result<Vec<StoredDraft>, BackupError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| BackupError::Draft {
        index: None,
        error: DecodeError::NotJson(e.to_string()),
    })?;
    let Some(obj) = value.as_object() else {
        return Err(BackupError::Draft {
            index: None,
            error: DecodeError::NotADraft,
        });
    };
    if obj.get("format").and_then(Value::as_str) == Some(BUNDLE_FORMAT) {
        if let Some(schema) = obj.get("schema").and_then(Value::as_u64) {
            if schema > SCHEMA_VERSION as u64 {
                return Err(BackupError::Draft {
                    index: None,
                    error: DecodeError::NewerVersion(schema.min(u32::MAX as u64) as u32),
                });
            }
        }
        let Some(list) = obj.get("drafts").and_then(Value::as_array) else {
            return Err(BackupError::Draft {
                index: None,
                error: DecodeError::WrongShape("drafts 应为数组".into()),
            });
        };
        if list.is_empty() {
            return Err(BackupError::Empty);
        }
        return list
            .iter()
            .enumerate()
            .map(|(i, v)| {
                decode(&v.to_string()).map_err(|error| BackupError::Draft {
                    index: Some(i + 1),
                    error,
                })
            })
            .collect();
    }
    decode(text)
        .map(|d| vec![d])
        .map_err(|error| BackupError::Draft { index: None, error })
}

/// All drafts in one file.
pub fn encode_bundle(drafts: &[StoredDraft]) -> String {
    let list: Vec<Value> = drafts
        .iter()
        .map(|d| serde_json::from_str(&encode(d)).expect("own encoding parses"))
        .collect();
    serde_json::json!({ "format": BUNDLE_FORMAT, "schema": SCHEMA_VERSION, "drafts": list })
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::builtin_templates;
    use crate::model::Draft;

    fn stored(id: &str) -> StoredDraft {
        let mut draft = Draft::new(&builtin_templates()[0]);
        draft.opening = format!("{id} 的开头");
        StoredDraft {
            schema: SCHEMA_VERSION,
            id: id.into(),
            revision: 2,
            saved_at: 5.0,
            step: "opening".into(),
            draft,
        }
    }

    #[test]
    fn single_and_bundle_round_trip() {
        let one = stored("a");
        assert_eq!(parse_backup(&encode(&one)).unwrap(), vec![one.clone()]);
        let both = vec![one, stored("b")];
        assert_eq!(parse_backup(&encode_bundle(&both)).unwrap(), both);
        assert_eq!(
            parse_backup(&format!("\u{feff}{}", encode(&both[1]))).unwrap(),
            vec![both[1].clone()]
        );
    }

    #[test]
    fn every_problem_has_a_chinese_message() {
        let cases = [
            ("".to_string(), "JSON"),
            ("<html>".to_string(), "JSON"),
            ("[]".to_string(), "不是本工具的草稿"),
            (r#"{"format":"fazhi-report-backup","schema":9,"drafts":[]}"#.to_string(), "更新版本"),
            (r#"{"format":"fazhi-report-backup","schema":2,"drafts":[]}"#.to_string(), "没有草稿"),
            (r#"{"format":"fazhi-report-backup","schema":2,"drafts":[{"schema":2,"id":"x","draft":{"opening":[1]}}]}"#.to_string(), "第 1 份"),
            (r#"{"schema":2,"id":"x","draft":{"header":{"year":2024}}}"#.to_string(), "字段类型不对"),
            (" ".repeat(MAX_BACKUP_BYTES + 1), "文件太大"),
        ];
        for (text, needle) in cases {
            let e = parse_backup(&text).unwrap_err().message();
            assert!(e.contains(needle), "{needle}: {e}");
        }
    }
}
