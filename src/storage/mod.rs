//! Where drafts are kept. [`KeyValueStore`] is the only thing that touches the browser
//! ([`browser::BrowserStore`], wasm only); [`memory::MemoryStore`] stands in for tests.
//! [`DraftRepository`] holds the key scheme and the load/save rules, in plain Rust.

pub mod backup;
pub mod memory;
pub mod save_state;
pub mod session;

#[cfg(target_arch = "wasm32")]
pub mod browser;

use crate::model::persisted::{decode, encode, DecodeError, StoredDraft};

#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// Storage is disabled or absent (private mode, policy, sandboxed frame).
    Unavailable,
    /// The quota is full.
    QuotaExceeded,
    /// Anything else. The text is a diagnostic code (an exception's `name`, e.g.
    /// `InvalidStateError`), never shown: `Display` gives the Chinese message.
    Other(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            StoreError::Unavailable => crate::strings::SAVE_FAILED_UNAVAILABLE,
            StoreError::QuotaExceeded => crate::strings::SAVE_FAILED_QUOTA,
            StoreError::Other(_) => crate::strings::STORE_FAILED_OTHER,
        })
    }
}

impl std::error::Error for StoreError {}

pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store (other tools' keys too; callers filter by prefix).
    fn keys(&self) -> Result<Vec<String>, StoreError>;

    /// Writes `value` and keeps hold of it, so [`Self::holds_kept`] can later tell whether
    /// `key` still holds exactly it. One value is kept per store instance: the last one
    /// written this way. Default: a plain write, nothing kept.
    fn set_kept(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.set(key, value)
    }

    /// Whether `key` holds exactly the value this instance last wrote with
    /// [`Self::set_kept`] (anyone's other write or a removal since: `false`), told without
    /// copying the value out (the browser's store compares in JavaScript). Default: cannot
    /// tell, `false`.
    fn holds_kept(&self, _key: &str) -> bool {
        false
    }
}

/// Every key starts with this, then the schema's major version: localStorage on file://
/// is shared by every local page in Chromium, so keys must say whose they are.
pub const KEY_PREFIX: &str = "fazhi-report/v1";

/// Why a checked save did not write.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    Store(StoreError),
    /// Another tab saved this draft since we last read or wrote it. Nothing was written.
    Conflict {
        theirs: Box<StoredDraft>,
    },
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        SaveError::Store(e)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadOutcome {
    /// Nothing stored yet.
    Fresh,
    Restored(Box<StoredDraft>),
    /// An entry exists but cannot be used; it was copied to `kept_as` untouched.
    Unreadable {
        error: DecodeError,
        kept_as: String,
        raw: String,
    },
}

pub struct DraftRepository<S: KeyValueStore> {
    store: S,
    namespace: String,
    /// Key and revision of the draft entry [`Self::save`] last wrote (the value the store
    /// keeps, see [`KeyValueStore::set_kept`]). A `Mutex` only so the session stays
    /// `Sync` for Leptos's `StoredValue`; nothing else holds it.
    own: std::sync::Mutex<Option<(String, u64)>>,
}

impl<S: KeyValueStore> DraftRepository<S> {
    pub fn new(store: S, namespace: &str) -> Self {
        DraftRepository {
            store,
            namespace: sanitize_namespace(namespace),
            own: Default::default(),
        }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn current_key(&self) -> String {
        format!("{KEY_PREFIX}/{}/current", self.namespace)
    }

    pub fn draft_key(&self, id: &str) -> String {
        format!("{KEY_PREFIX}/{}/draft/{id}", self.namespace)
    }

    fn unreadable_key(&self, id: &str, now_ms: f64) -> String {
        format!("{}{id}/{}", self.unreadable_prefix(), now_ms as u64)
    }

    fn unreadable_prefix(&self) -> String {
        format!("{KEY_PREFIX}/{}/unreadable/", self.namespace)
    }

    /// Entries that cannot be read: those set aside by [`Self::load`] and those still under
    /// a draft key. Newest first; each stays until [`Self::discard_set_aside`].
    pub fn set_aside(&self) -> Result<Vec<session::SetAside>, StoreError> {
        let (drafts, aside) = (self.draft_key(""), self.unreadable_prefix());
        let mut out = Vec::new();
        for key in self.store.keys()? {
            let (id, at) = if let Some(id) = key.strip_prefix(&drafts) {
                (id.to_string(), None)
            } else if let Some(rest) = key.strip_prefix(&aside) {
                let (id, at) = rest.rsplit_once('/').unwrap_or((rest, ""));
                (
                    id.to_string(),
                    Some(crate::decimal::parse(at).unwrap_or(0.0)),
                )
            } else {
                continue;
            };
            let Some(raw) = self.store.get(&key)? else {
                continue;
            };
            let error = match decode(&raw) {
                Err(error) => error,
                Ok(_) if at.is_some() => DecodeError::NotADraft,
                Ok(_) => continue,
            };
            out.push(session::SetAside {
                key,
                id,
                at,
                raw,
                error,
            });
        }
        crate::sort::sort_by(&mut out, |a, b| {
            b.at.unwrap_or(f64::MAX)
                .total_cmp(&a.at.unwrap_or(f64::MAX))
        });
        Ok(out)
    }

    /// Removes an entry listed by [`Self::set_aside`] (after the writer kept it as a file).
    pub fn discard_set_aside(&self, key: &str) -> Result<(), StoreError> {
        if key.starts_with(&self.unreadable_prefix()) || key.starts_with(&self.draft_key("")) {
            self.store.remove(key)
        } else {
            Ok(())
        }
    }

    /// The draft the writer last worked on.
    pub fn load_current(&self, now_ms: f64) -> Result<LoadOutcome, StoreError> {
        let Some(id) = self.store.get(&self.current_key())? else {
            return Ok(LoadOutcome::Fresh);
        };
        self.load(&id, now_ms)
    }

    pub fn load(&self, id: &str, now_ms: f64) -> Result<LoadOutcome, StoreError> {
        let key = self.draft_key(id);
        let Some(raw) = self.store.get(&key)? else {
            return Ok(LoadOutcome::Fresh);
        };
        match decode(&raw) {
            Ok(stored) => Ok(LoadOutcome::Restored(Box::new(stored))),
            Err(error) => {
                // Keep the unreadable entry aside before anything can overwrite it. If even
                // that fails (storage full), the original key is left as it is.
                let kept_as = self.unreadable_key(id, now_ms);
                let kept_as = match self.store.set(&kept_as, &raw) {
                    Ok(()) => {
                        self.store.remove(&key)?;
                        kept_as
                    }
                    Err(_) => key,
                };
                Ok(LoadOutcome::Unreadable {
                    error,
                    kept_as,
                    raw,
                })
            }
        }
    }

    /// Every readable draft of this namespace, most recently saved first.
    pub fn list(&self) -> Result<Vec<StoredDraft>, StoreError> {
        let prefix = self.draft_key("");
        let mut out = Vec::new();
        for key in self.store.keys()? {
            if let Some(id) = key.strip_prefix(&prefix) {
                if let Some(raw) = self.store.get(&key)? {
                    if let Ok(stored) = decode(&raw) {
                        if stored.id == id {
                            out.push(stored);
                        }
                    }
                }
            }
        }
        crate::sort::sort_by(&mut out, |a, b| b.saved_at.total_cmp(&a.saved_at));
        Ok(out)
    }

    /// Removes a draft; returns its stored text so the removal can be undone.
    pub fn delete(&self, id: &str) -> Result<Option<String>, StoreError> {
        let key = self.draft_key(id);
        let raw = self.store.get(&key)?;
        self.store.remove(&key)?;
        Ok(raw)
    }

    /// Puts back a draft removed by [`Self::delete`].
    pub fn restore(&self, id: &str, raw: &str) -> Result<(), StoreError> {
        self.store.set(&self.draft_key(id), raw)
    }

    pub fn set_current(&self, id: &str) -> Result<(), StoreError> {
        self.store.set(&self.current_key(), id)
    }

    pub fn exists(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.store.get(&self.draft_key(id))?.is_some())
    }

    /// Saves unless another writer got there first: `base_revision` is the revision this
    /// page last read or wrote. A stored entry with a higher revision means another tab saved
    /// since; then nothing is written and the caller must let the writer choose.
    pub fn save_checked(&self, stored: &StoredDraft, base_revision: u64) -> Result<(), SaveError> {
        let key = self.draft_key(&stored.id);
        // Usually storage still holds this repository's own last save, of a revision not
        // above the base: then nobody saved since, and nothing needs reading.
        let own = self.own.lock().is_ok_and(|own| {
            own.as_ref()
                .is_some_and(|(k, r)| *k == key && *r <= base_revision)
        });
        if own && self.store.holds_kept(&key) {
            return Ok(self.save(stored)?);
        }
        if let Some(raw) = self.store.get(&key)? {
            // Otherwise its revision, read without decoding the draft, settles it. Only a
            // newer (or odd) entry is decoded.
            let maybe_newer = stored_revision(&raw).is_none_or(|r| r > base_revision);
            if maybe_newer {
                if let Ok(theirs) = decode(&raw) {
                    if theirs.revision > base_revision {
                        return Err(SaveError::Conflict {
                            theirs: Box::new(theirs),
                        });
                    }
                }
            }
        }
        Ok(self.save(stored)?)
    }

    fn remember(&self, own: Option<(String, u64)>) {
        if let Ok(mut slot) = self.own.lock() {
            *slot = own;
        }
    }

    /// Writes the draft and marks it current. The draft is written first, so a failure
    /// leaves the previous current pointer valid.
    pub fn save(&self, stored: &StoredDraft) -> Result<(), StoreError> {
        let key = self.draft_key(&stored.id);
        self.remember(None);
        self.store.set_kept(&key, &encode(stored))?;
        self.remember(Some((key, stored.revision)));
        self.store.set(&self.current_key(), &stored.id)
    }
}

/// The revision of a stored entry as [`decode`] reads it (absent or `null`: 0), found
/// without building the draft: a full decode of a 50 000-character report takes
/// milliseconds, this only scans. `None` when the revision cannot be read plainly (not
/// JSON, a duplicate key, another type): then the caller decodes in full. For every entry
/// the decoder accepts, this gives the decoder's revision or `None`.
fn stored_revision(raw: &str) -> Option<u64> {
    use crate::model::json::{parse_members, Number, Value};
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    // `Some(..)` once a readable revision was seen; a second one, or another type, spoils it.
    let mut revision: Option<Option<u64>> = None;
    let mut plain = true;
    parse_members(
        raw,
        |key| key == "revision",
        |key, value| {
            if key != "revision" {
                return;
            }
            let read = match value {
                Some(Value::Null) => Some(0),
                Some(Value::Number(Number::U64(n))) => Some(n),
                _ => None,
            };
            plain &= revision.is_none() && read.is_some();
            revision = Some(read);
        },
    )
    .ok()?;
    plain.then_some(revision.flatten().unwrap_or(0))
}

/// Namespaces come from host-page attributes: keep them to a safe, short alphabet.
pub fn sanitize_namespace(ns: &str) -> String {
    let clean: String = ns
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .take(64)
        .collect();
    if clean.is_empty() {
        "default".into()
    } else {
        clean
    }
}

/// A draft id from the clock and a random number (no collision across tabs in practice).
/// A clock that is not a number gives an id from the random part alone.
pub fn new_draft_id(now_ms: f64, random: f64) -> String {
    let random = if random.is_finite() {
        random.abs().fract()
    } else {
        0.0
    };
    let time = match session::valid_wall_time(now_ms) {
        Some(ms) => ms as u64,
        None => (random * 1e12) as u64,
    };
    format!("d{:x}{:04x}", time, (random * 65536.0) as u32 & 0xffff)
}

#[cfg(test)]
mod tests {
    use super::memory::MemoryStore;
    use super::*;
    use crate::model::persisted::SCHEMA_VERSION;
    use crate::model::template::builtin_templates;
    use crate::model::Draft;

    fn stored(id: &str) -> StoredDraft {
        StoredDraft {
            schema: SCHEMA_VERSION,
            id: id.into(),
            revision: 1,
            saved_at: 1.0,
            step: "opening".into(),
            draft: Draft::new(&builtin_templates()[0]),
        }
    }

    #[test]
    fn save_then_load_current() {
        let repo = DraftRepository::new(MemoryStore::default(), "ns");
        assert_eq!(repo.load_current(0.0).unwrap(), LoadOutcome::Fresh);
        let s = stored("d1");
        repo.save(&s).unwrap();
        assert_eq!(
            repo.load_current(0.0).unwrap(),
            LoadOutcome::Restored(Box::new(s))
        );
        assert!(repo
            .store()
            .keys()
            .iter()
            .all(|k| k.starts_with("fazhi-report/v1/ns/")));
    }

    #[test]
    fn a_second_writer_does_not_overwrite_a_newer_save() {
        let store = MemoryStore::default();
        let tab_a = DraftRepository::new(store.clone(), "ns");
        let tab_b = DraftRepository::new(store.clone(), "ns");
        let mut a = stored("d1");
        a.revision = 1;
        tab_a.save_checked(&a, 0).unwrap();
        // Tab B read revision 1, edits and saves revision 2.
        let mut b = a.clone();
        b.revision = 2;
        b.draft.opening = "B 的文字".into();
        tab_b.save_checked(&b, 1).unwrap();
        // Tab A still thinks revision 1 is current: its save is refused, B's text stays.
        let mut a2 = a.clone();
        a2.revision = 2;
        a2.draft.opening = "A 的文字".into();
        let Err(SaveError::Conflict { theirs }) = tab_a.save_checked(&a2, 1) else {
            panic!("conflict expected")
        };
        assert_eq!(theirs.draft.opening, "B 的文字");
        assert_eq!(
            tab_a.load("d1", 0.0).unwrap(),
            LoadOutcome::Restored(Box::new(b.clone()))
        );
        // Choosing to keep A's text: save on top of their revision.
        a2.revision = 3;
        tab_a.save_checked(&a2, 2).unwrap();
        assert_eq!(
            tab_b.load("d1", 0.0).unwrap(),
            LoadOutcome::Restored(Box::new(a2))
        );
    }

    #[test]
    fn the_revision_is_read_as_the_decoder_reads_it() {
        let mut s = stored("d1");
        s.revision = 7;
        let json = crate::model::persisted::encode(&s);
        assert_eq!(stored_revision(&json), Some(7));
        assert_eq!(stored_revision(&format!("\u{feff}{json}")), Some(7));
        let without = json.replace("\"revision\":7,", "");
        assert_ne!(without, json);
        assert_eq!(stored_revision(&without), Some(0));
        assert_eq!(decode(&without).unwrap().revision, 0);
        let null = json.replace("\"revision\":7", "\"revision\":null");
        assert_eq!(stored_revision(&null), Some(0));
        assert_eq!(decode(&null).unwrap().revision, 0);
        // Anything the scan cannot read plainly goes to the full decoder.
        for odd in [
            json.replace("\"revision\":7", "\"revision\":7.5"),
            json.replace("\"revision\":7", "\"revision\":-1"),
            json.replace("\"revision\":7", "\"revision\":\"7\""),
            json.replace("\"revision\":7", "\"revision\":7,\"revision\":9"),
            "{".into(),
            "7".into(),
        ] {
            assert_eq!(stored_revision(&odd), None, "{odd}");
        }
    }

    #[test]
    fn a_newer_entry_is_still_a_conflict_and_an_odd_one_is_decoded_in_full() {
        let store = MemoryStore::default();
        let repo = DraftRepository::new(store.clone(), "ns");
        let mut mine = stored("d1");
        mine.revision = 2;
        repo.save_checked(&mine, 1).unwrap();
        // Our own save read back: no conflict.
        mine.revision = 3;
        repo.save_checked(&mine, 2).unwrap();
        // An entry whose revision the scan cannot read plainly (here a duplicate key) is
        // decoded in full; with a key written twice the decoder refuses it too (no tab
        // writes one), so it is no newer save of another tab's and is saved over.
        let mut theirs = stored("d1");
        theirs.revision = 5;
        let odd = crate::model::persisted::encode(&theirs).replacen(
            "\"revision\":5",
            "\"revision\":1,\"revision\":5",
            1,
        );
        store.set(&repo.draft_key("d1"), &odd).unwrap();
        mine.revision = 4;
        repo.save_checked(&mine, 3).unwrap();
        assert_eq!(
            decode(&store.get(&repo.draft_key("d1")).unwrap().unwrap())
                .unwrap()
                .revision,
            4
        );
        // A plain newer save is a conflict.
        repo.save(&theirs).unwrap();
        assert!(matches!(
            repo.save_checked(&mine, 3),
            Err(SaveError::Conflict { .. })
        ));
        // An unreadable entry does not block the save (as before).
        store.set(&repo.draft_key("d1"), "{broken").unwrap();
        repo.save_checked(&mine, 3).unwrap();
    }

    /// A store that counts reads of draft entries.
    struct Counting {
        inner: MemoryStore,
        draft_reads: std::cell::Cell<usize>,
    }

    impl KeyValueStore for Counting {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            if key.contains("/draft/") {
                self.draft_reads.set(self.draft_reads.get() + 1);
            }
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), StoreError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            KeyValueStore::keys(&self.inner)
        }
        fn set_kept(&self, key: &str, value: &str) -> Result<(), StoreError> {
            self.inner.set_kept(key, value)
        }
        fn holds_kept(&self, key: &str) -> bool {
            self.inner.holds_kept(key)
        }
    }

    #[test]
    fn a_save_over_its_own_last_save_reads_nothing_and_any_other_write_is_checked() {
        let shared = MemoryStore::default();
        let repo = DraftRepository::new(
            Counting {
                inner: shared.clone(),
                draft_reads: Default::default(),
            },
            "ns",
        );
        let reads = || repo.store().draft_reads.get();
        let mut mine = stored("d1");
        mine.revision = 1;
        repo.save_checked(&mine, 0).unwrap();
        assert_eq!(reads(), 1, "nothing kept yet: the entry is read");
        for r in 2..5 {
            mine.revision = r;
            repo.save_checked(&mine, r - 1).unwrap();
        }
        assert_eq!(reads(), 1, "its own last save still in place: no read");

        // Another tab saves a newer revision: read, and a conflict.
        let other = DraftRepository::new(shared.clone(), "ns");
        let mut theirs = stored("d1");
        theirs.revision = 9;
        other.save(&theirs).unwrap();
        mine.revision = 5;
        assert!(matches!(
            repo.save_checked(&mine, 4),
            Err(SaveError::Conflict { .. })
        ));
        assert_eq!(reads(), 2);

        // Its own save is back in place, but the base is below it (an old plan): checked.
        repo.save_checked(&mine, 9).unwrap();
        assert_eq!(reads(), 3);
        let mut old = mine.clone();
        old.revision = 6;
        assert!(matches!(
            repo.save_checked(&old, 4),
            Err(SaveError::Conflict { .. })
        ));
        assert_eq!(reads(), 4);

        // Removed elsewhere: read (and written again).
        shared.remove(&repo.draft_key("d1")).unwrap();
        mine.revision = 6;
        repo.save_checked(&mine, 5).unwrap();
        assert_eq!(reads(), 5);

        // A refused write keeps nothing: the next save reads again.
        let full = DraftRepository::new(
            Counting {
                inner: MemoryStore::with_quota(200),
                draft_reads: Default::default(),
            },
            "ns",
        );
        assert_eq!(
            full.save_checked(&mine, 5),
            Err(SaveError::Store(StoreError::QuotaExceeded))
        );
        assert!(!full.store().holds_kept(&full.draft_key("d1")));
    }

    #[test]
    fn list_delete_restore() {
        let store = MemoryStore::default();
        let repo = DraftRepository::new(store.clone(), "ns");
        let mut a = stored("da");
        a.saved_at = 1.0;
        let mut b = stored("db");
        b.saved_at = 2.0;
        repo.save(&a).unwrap();
        repo.save(&b).unwrap();
        store
            .set(
                "fazhi-report/v1/other/draft/dx",
                &crate::model::persisted::encode(&stored("dx")),
            )
            .unwrap();
        store.set(&repo.draft_key("broken"), "{").unwrap();
        let ids = |r: &DraftRepository<MemoryStore>| {
            r.list()
                .unwrap()
                .into_iter()
                .map(|s| s.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(&repo),
            ["db", "da"],
            "newest first, this namespace only, unreadable skipped"
        );
        let raw = repo.delete("db").unwrap().unwrap();
        assert_eq!(ids(&repo), ["da"]);
        repo.restore("db", &raw).unwrap();
        assert_eq!(ids(&repo), ["db", "da"]);
    }

    #[test]
    fn namespaces_do_not_share_drafts() {
        let store = MemoryStore::default();
        DraftRepository::new(store.clone(), "a")
            .save(&stored("d1"))
            .unwrap();
        assert_eq!(
            DraftRepository::new(store, "b").load_current(0.0).unwrap(),
            LoadOutcome::Fresh
        );
    }

    #[test]
    fn unreadable_entry_is_kept_aside_untouched() {
        let store = MemoryStore::default();
        let repo = DraftRepository::new(store.clone(), "ns");
        store.set(&repo.current_key(), "d1").unwrap();
        store.set(&repo.draft_key("d1"), "{garbage").unwrap();
        let LoadOutcome::Unreadable { kept_as, raw, .. } = repo.load_current(42.0).unwrap() else {
            panic!()
        };
        assert_eq!(raw, "{garbage");
        assert_eq!(store.get(&kept_as).unwrap().as_deref(), Some("{garbage"));
        assert_ne!(kept_as, repo.draft_key("d1"));
        // A new save cannot destroy it.
        repo.save(&stored("d1")).unwrap();
        assert_eq!(store.get(&kept_as).unwrap().as_deref(), Some("{garbage"));
    }

    #[test]
    fn unreadable_entry_stays_in_place_when_storage_is_full() {
        let store = MemoryStore::with_quota(60);
        let repo = DraftRepository::new(store.clone(), "n");
        store.set(&repo.draft_key("d1"), "{bad").unwrap();
        store.set(&repo.current_key(), "d1").unwrap();
        let LoadOutcome::Unreadable { kept_as, .. } = repo.load_current(1.0).unwrap() else {
            panic!()
        };
        assert_eq!(kept_as, repo.draft_key("d1"));
        assert_eq!(store.get(&kept_as).unwrap().as_deref(), Some("{bad"));
    }

    #[test]
    fn failures_surface_as_errors() {
        let repo = DraftRepository::new(MemoryStore::with_quota(10), "ns");
        assert_eq!(repo.save(&stored("d1")), Err(StoreError::QuotaExceeded));
        let repo = DraftRepository::new(MemoryStore::unavailable(), "ns");
        assert_eq!(repo.load_current(0.0), Err(StoreError::Unavailable));
    }

    #[test]
    fn store_errors_display_in_chinese_only() {
        let other = StoreError::Other("InvalidStateError".into());
        for e in [StoreError::Unavailable, StoreError::QuotaExceeded, other] {
            let m = e.to_string();
            assert!(m.contains("仍在页面中"), "{m}");
            assert!(!m.contains("Error"), "{m}");
        }
    }

    #[test]
    fn namespace_and_ids_are_safe() {
        assert_eq!(sanitize_namespace("科技局/../x"), "..x");
        assert_eq!(sanitize_namespace(""), "default");
        let id = new_draft_id(1_700_000_000_000.0, 0.5);
        assert!(id.starts_with('d') && id.chars().all(|c| c.is_ascii_alphanumeric()));
    }
}
