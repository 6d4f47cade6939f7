//! Backup files: one draft (the stored form itself) or all drafts of a namespace
//! (`{"format": "fazhi-report-backup", "schema": 2, "drafts": [...]}`). Reading one never
//! panics, checks everything, and explains each problem in Chinese.

use crate::model::json::{self, Map, Value};

pub use crate::model::persisted::BUNDLE_FORMAT;
use crate::model::persisted::{
    decode_value, encode, DecodeError, Decoded, StoredDraft, SCHEMA_VERSION,
};
use crate::strings;

/// Larger files are refused before parsing (a year's report is some 30 KB of JSON).
pub const MAX_BACKUP_BYTES: usize = 5 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq)]
pub enum BackupError {
    TooLarge(usize),
    Empty,
    /// The bundle's `drafts` is not a list.
    NotAList,
    /// Draft number `index` (1-based) of a bundle, or the only draft, is unusable.
    Draft {
        index: Option<usize>,
        error: DecodeError,
    },
}

impl BackupError {
    pub fn message(&self) -> String {
        match self {
            BackupError::TooLarge(n) => strings::backup_too_large(*n),
            BackupError::Empty => strings::BACKUP_EMPTY.into(),
            BackupError::NotAList => strings::backup_refused(strings::BACKUP_DRAFTS_NOT_A_LIST),
            BackupError::Draft { index: None, error } => strings::backup_refused(&error.message()),
            BackupError::Draft {
                index: Some(i),
                error,
            } => strings::backup_refused_draft(*i, &error.message()),
        }
    }
}

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for BackupError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BackupError::Draft { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// Reads a backup file's text into drafts. All or nothing: one bad draft fails the file.
pub fn parse_backup(text: &str) -> Result<Vec<StoredDraft>, BackupError> {
    parse_backup_placed(text).map(|list| list.into_iter().map(|d| d.stored).collect())
}

/// [`parse_backup`], also saying for each draft how much went to its holding section
/// (parts that do not fit the draft's template; see `persisted::decode_value`).
pub fn parse_backup_placed(text: &str) -> Result<Vec<Decoded>, BackupError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = json::parse(text).map_err(|e| BackupError::Draft {
        index: None,
        error: e.into(),
    })?;
    let is_bundle = value.get("format").and_then(Value::as_str) == Some(BUNDLE_FORMAT);
    if !is_bundle {
        return decode_value(value)
            .map(|d| vec![d])
            .map_err(|error| BackupError::Draft { index: None, error });
    }
    let Value::Object(mut bundle) = value else {
        return Err(BackupError::NotAList);
    };
    match bundle.get("schema") {
        Some(Value::Number(n)) if n.as_u64().is_some_and(|s| s > SCHEMA_VERSION as u64) => {
            return Err(BackupError::Draft {
                index: None,
                error: DecodeError::NewerVersion(n.as_u64().unwrap_or_default()),
            });
        }
        _ => {}
    }
    let Some(Value::Array(list)) = bundle.remove("drafts") else {
        return Err(BackupError::NotAList);
    };
    if list.is_empty() {
        return Err(BackupError::Empty);
    }
    list.into_iter()
        .enumerate()
        .map(|(i, v)| {
            decode_value(v).map_err(|error| BackupError::Draft {
                index: Some(i + 1),
                error,
            })
        })
        .collect()
}

/// All drafts in one file.
pub fn encode_bundle(drafts: &[StoredDraft]) -> String {
    // Each draft as a value, so its keys come out sorted as they always have (the bundle
    // was a serde_json::Value).
    let list: Vec<Value> = drafts
        .iter()
        .filter_map(|d| json::parse(&encode(d)).ok())
        .collect();
    let mut bundle = Map::new();
    bundle.insert("format".into(), BUNDLE_FORMAT.into());
    bundle.insert("schema".into(), (SCHEMA_VERSION as u64).into());
    bundle.insert("drafts".into(), Value::Array(list));
    Value::Object(bundle).to_string()
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
    fn too_large_reads_megabytes_as_one_decimal_format_would() {
        let mb = 1_048_576usize;
        for n in [
            mb + 1,
            5 * mb / 4,
            5 * mb / 4 + 1,
            3 * mb / 4 * 5,
            262_144 * 7,
            10 * mb + 52_429,
            999 * mb,
        ] {
            let want = format!("（{:.1} MB）", n as f64 / 1048576.0);
            assert!(strings::backup_too_large(n).contains(&want), "{n}: {want}");
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
    fn errors_are_std_errors_with_their_cause() {
        let e = parse_backup(r#"{"schema":9,"id":"x","draft":{}}"#).unwrap_err();
        let source = std::error::Error::source(&e).map(|s| s.to_string());
        assert_eq!(source, Some(DecodeError::NewerVersion(9).to_string()));
        assert!(e.to_string().starts_with("无法导入："), "{e}");
        let bundle = r#"{"format":"fazhi-report-backup","schema":2,"drafts":{}}"#;
        assert_eq!(parse_backup(bundle), Err(BackupError::NotAList));
        // A bundle's misfit draft is placed and counted, like a single one.
        let misfit = r#"{"format":"fazhi-report-backup","schema":2,"drafts":[{"schema":2,"id":"m","draft":{"parts":[{"key":"extra","lead":"多出的部分"}]}}]}"#;
        let placed = parse_backup_placed(misfit).unwrap();
        assert!(placed[0].held > 0);
        assert!(placed[0]
            .stored
            .draft
            .holding
            .concat()
            .contains("多出的部分"));
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
