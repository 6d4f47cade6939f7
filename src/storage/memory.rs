//! An in-memory [`KeyValueStore`] with an optional quota, for native tests.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::{KeyValueStore, StoreError};

#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: Rc<RefCell<BTreeMap<String, String>>>,
    /// Maximum total of key + value characters, like localStorage's per-origin quota.
    quota: Option<usize>,
    unavailable: bool,
    /// What this instance last wrote with `set_kept` (not shared with its clones, which
    /// stand for other tabs on the same storage).
    kept: RefCell<Option<(String, String)>>,
}

impl Clone for MemoryStore {
    fn clone(&self) -> Self {
        MemoryStore {
            entries: self.entries.clone(),
            quota: self.quota,
            unavailable: self.unavailable,
            kept: RefCell::default(),
        }
    }
}

impl MemoryStore {
    pub fn with_quota(chars: usize) -> Self {
        MemoryStore {
            quota: Some(chars),
            ..Default::default()
        }
    }
    pub fn unavailable() -> Self {
        MemoryStore {
            unavailable: true,
            ..Default::default()
        }
    }
    pub fn keys(&self) -> Vec<String> {
        self.entries.borrow().keys().cloned().collect()
    }
    fn check(&self) -> Result<(), StoreError> {
        if self.unavailable {
            Err(StoreError::Unavailable)
        } else {
            Ok(())
        }
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.check()?;
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.check()?;
        let mut entries = self.entries.borrow_mut();
        if let Some(quota) = self.quota {
            let others: usize = entries
                .iter()
                .filter(|(k, _)| *k != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.check()?;
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.check()?;
        Ok(self.entries.borrow().keys().cloned().collect())
    }

    fn set_kept(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.kept.replace(None);
        self.set(key, value)?;
        self.kept
            .replace(Some((key.to_string(), value.to_string())));
        Ok(())
    }

    fn holds_kept(&self, key: &str) -> bool {
        let kept = self.kept.borrow();
        let Some((k, v)) = kept.as_ref() else {
            return false;
        };
        k == key && !self.unavailable && self.entries.borrow().get(key) == Some(v)
    }
}
