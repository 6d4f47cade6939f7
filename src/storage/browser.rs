//! localStorage behind [`KeyValueStore`], via gloo-storage. gloo's accessor throws when
//! storage is disabled, so availability is checked first and reported as an error.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

use super::{KeyValueStore, StoreError};

#[derive(Clone, Copy, Debug)]
pub struct BrowserStore {
    available: bool,
}

impl BrowserStore {
    pub fn new() -> Self {
        // `window.localStorage` itself throws a SecurityError when storage is blocked.
        let available = web_sys::window()
            .map(|w| matches!(w.local_storage(), Ok(Some(_))))
            .unwrap_or(false);
        BrowserStore { available }
    }

    fn raw(&self) -> Result<web_sys::Storage, StoreError> {
        if self.available {
            Ok(LocalStorage::raw())
        } else {
            Err(StoreError::Unavailable)
        }
    }
}

impl Default for BrowserStore {
    fn default() -> Self {
        Self::new()
    }
}

fn to_error(e: JsValue) -> StoreError {
    match e.dyn_ref::<web_sys::DomException>() {
        // Chromium and Firefox name it QuotaExceededError; old Firefox used NS_ERROR_DOM_QUOTA_REACHED.
        Some(ex)
            if ex.name() == "QuotaExceededError" || ex.name() == "NS_ERROR_DOM_QUOTA_REACHED" =>
        {
            StoreError::QuotaExceeded
        }
        Some(ex) if ex.name() == "SecurityError" => StoreError::Unavailable,
        Some(ex) => StoreError::Other(ex.message()),
        None => StoreError::Other(format!("{e:?}")),
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.raw()?.get_item(key).map_err(to_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.raw()?.set_item(key, value).map_err(to_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.raw()?.remove_item(key).map_err(to_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = self.raw()?;
        let n = storage.length().map_err(to_error)?;
        Ok((0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }
}
