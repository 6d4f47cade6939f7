//! What the save indicator says. The debounce timer lives in the UI; the wording and the
//! rules for when a save is still owed live here, where they can be tested natively.

use super::StoreError;
use crate::strings;

/// How long typing must pause before a save (kept under half a second, so a pause in
/// typing is saved before the writer can switch away).
pub const DEBOUNCE_MS: u32 = 400;

/// Longest a change may wait while typing goes on without a pause: a crash or a closed
/// browser then loses at most about this much typing.
pub const MAX_WAIT_MS: f64 = 800.0;

/// Whether a change first left unsaved at `first_unsaved_ms` must be saved now, without
/// waiting for a pause in typing.
pub fn overdue(first_unsaved_ms: Option<f64>, now_ms: f64) -> bool {
    first_unsaved_ms.is_some_and(|t| now_ms - t >= MAX_WAIT_MS)
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing changed since start-up (and nothing was restored).
    Idle,
    /// Restored from storage, unchanged since.
    Restored,
    /// Changes not yet written.
    Pending,
    /// Written; the text is the local time of the save, e.g. "14:05:09".
    Saved { at: String },
    /// The last attempt failed; the page still holds everything.
    Failed(StoreError),
    /// Another tab saved this draft meanwhile; nothing is saved until the writer chooses.
    Conflict,
}

impl SaveState {
    pub fn is_error(&self) -> bool {
        matches!(self, SaveState::Failed(_) | SaveState::Conflict)
    }

    pub fn message(&self) -> String {
        match self {
            SaveState::Idle => strings::SAVE_NEVER.into(),
            SaveState::Restored => strings::SAVE_RESTORED.into(),
            SaveState::Pending => strings::SAVE_PENDING.into(),
            SaveState::Saved { at } => format!("{}（{at}）", strings::SAVE_SAVED_AT),
            // StoreError's Display is the Chinese message (never the browser's error text).
            SaveState::Failed(e) => e.to_string(),
            SaveState::Conflict => strings::SAVE_CONFLICT.into(),
        }
    }

    /// The top bar's line: a failure in a few words, since the notice under the bar says it
    /// in full beside its 下载草稿备份 button (the same sentence twice read as noise).
    pub fn status(&self) -> String {
        match self {
            SaveState::Failed(StoreError::QuotaExceeded) => strings::SAVE_FAILED_QUOTA_SHORT.into(),
            SaveState::Failed(StoreError::Unavailable) => {
                strings::SAVE_FAILED_UNAVAILABLE_SHORT.into()
            }
            SaveState::Failed(StoreError::Other(_)) => strings::STORE_FAILED_OTHER_SHORT.into(),
            _ => self.message(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuous_typing_still_saves_every_max_wait() {
        assert!(!overdue(None, 10_000.0));
        assert!(!overdue(Some(1_000.0), 1_500.0));
        assert!(overdue(Some(1_000.0), 1_800.0));
    }

    #[test]
    fn failures_speak_chinese_and_say_nothing_is_lost() {
        for e in [
            StoreError::QuotaExceeded,
            StoreError::Unavailable,
            StoreError::Other("Error: boom\n    at x.js:1".into()),
        ] {
            let state = SaveState::Failed(e);
            let m = state.message();
            assert!(m.contains("仍在页面中"), "{m}");
            assert!(!m.contains("boom") && !m.contains("Error"), "{m}");
            // The top bar's short line names the failure and is not the notice's sentence.
            let short = state.status();
            assert!(short.contains("保存"), "{short}");
            assert!(short.chars().count() < 20 && short != m, "{short}");
            assert!(
                !short.contains("boom") && !short.contains("Error"),
                "{short}"
            );
        }
        assert_eq!(
            SaveState::Saved {
                at: "09:05:01".into()
            }
            .message(),
            "已自动保存（09:05:01）"
        );
    }
}
