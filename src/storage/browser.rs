//! localStorage behind [`KeyValueStore`]. Availability is checked first (the accessor
//! itself throws when storage is blocked) and reported as an error.
//!
//! Every call goes through `Reflect`/`Function::call` rather than web-sys's typed
//! bindings: a page (or an extension) may replace `Storage.prototype.getItem`, and a typed
//! binding given a non-string traps inside the wasm ("memory access out of bounds").
//! Here anything unexpected becomes a [`StoreError`], whose message is Chinese.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::{KeyValueStore, StoreError};

/// Not `Clone`: what an instance last wrote with `set_kept` is its own (see `KEPT`).
#[derive(Debug)]
pub struct BrowserStore {
    available: bool,
    /// This instance's slot in `KEPT`.
    id: u32,
}

thread_local! {
    /// Per store instance: the key and JavaScript string it last wrote with `set_kept`.
    /// Comparing that with what storage holds (`===`, in JavaScript) needs no copy of a long
    /// draft into the wasm. Kept here, not in the store, so the store stays `Send + Sync`
    /// for Leptos's `StoredValue` (the wasm has one thread).
    static KEPT: RefCell<HashMap<u32, (String, JsValue)>> = RefCell::default();
}

static NEXT_ID: AtomicU32 = AtomicU32::new(0);

impl BrowserStore {
    pub fn new() -> Self {
        let available = storage().is_ok();
        BrowserStore {
            available,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    fn raw(&self) -> Result<web_sys::Storage, StoreError> {
        if self.available {
            storage()
        } else {
            Err(StoreError::Unavailable)
        }
    }
}

impl Drop for BrowserStore {
    fn drop(&mut self) {
        let _ = KEPT.try_with(|k| k.borrow_mut().remove(&self.id));
    }
}

impl Default for BrowserStore {
    fn default() -> Self {
        Self::new()
    }
}

/// `window.localStorage`, which throws a SecurityError when storage is blocked.
fn storage() -> Result<web_sys::Storage, StoreError> {
    let window = web_sys::window().ok_or(StoreError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StoreError::Unavailable),
        Err(e) => Err(to_error(e)),
    }
}

/// The kind of a thrown value, from its `name` (DOMException or plain Error alike). Its
/// message and stack are not kept: they are not for the writer.
fn to_error(e: JsValue) -> StoreError {
    let name = Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        // Chromium and Firefox name it QuotaExceededError; old Firefox used NS_ERROR_DOM_QUOTA_REACHED.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::QuotaExceeded,
        "SecurityError" => StoreError::Unavailable,
        _ => StoreError::Other(
            name.chars()
                .filter(char::is_ascii_alphanumeric)
                .take(40)
                .collect(),
        ),
    }
}

/// Calls `storage[method](args…)`, catching whatever it throws.
fn call(
    storage: &web_sys::Storage,
    method: &str,
    args: &[&JsValue],
) -> Result<JsValue, StoreError> {
    let f: Function = Reflect::get(storage, &method.into())
        .map_err(to_error)?
        .dyn_into()
        .map_err(|_| StoreError::Other("NotAFunction".into()))?;
    match args {
        [] => f.call0(storage),
        [a] => f.call1(storage, a),
        [a, b, ..] => f.call2(storage, a, b),
    }
    .map_err(to_error)
}

/// A stored value: a string, or nothing. Anything else means someone else's code changed
/// what storage returns; it is reported, not trusted.
fn text_or_none(v: JsValue) -> Result<Option<String>, StoreError> {
    if v.is_null() || v.is_undefined() {
        Ok(None)
    } else {
        v.as_string()
            .map(Some)
            .ok_or_else(|| StoreError::Other("NotAString".into()))
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        text_or_none(call(&self.raw()?, "getItem", &[&key.into()])?)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        call(&self.raw()?, "setItem", &[&key.into(), &value.into()]).map(|_| ())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        call(&self.raw()?, "removeItem", &[&key.into()]).map(|_| ())
    }

    fn set_kept(&self, key: &str, value: &str) -> Result<(), StoreError> {
        KEPT.with(|k| k.borrow_mut().remove(&self.id));
        let value = JsValue::from_str(value);
        call(&self.raw()?, "setItem", &[&key.into(), &value])?;
        KEPT.with(|k| k.borrow_mut().insert(self.id, (key.to_string(), value)));
        Ok(())
    }

    fn holds_kept(&self, key: &str) -> bool {
        let Some(value) = KEPT.with(|k| {
            k.borrow()
                .get(&self.id)
                .filter(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        }) else {
            return false;
        };
        // Anything unexpected (storage gone, getItem replaced and throwing) means "cannot
        // tell": the caller reads the entry the usual way.
        self.raw()
            .and_then(|s| call(&s, "getItem", &[&key.into()]))
            .is_ok_and(|now| now.is_string() && now == value)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = self.raw()?;
        let n = Reflect::get(&storage, &"length".into())
            .map_err(to_error)?
            .as_f64()
            .filter(|n| n.is_finite() && *n >= 0.0)
            .unwrap_or(0.0) as u32;
        let mut out = Vec::new();
        for i in 0..n {
            // A key that cannot be read is skipped: it is not ours to judge.
            if let Ok(Some(key)) = call(&storage, "key", &[&i.into()]).and_then(text_or_none) {
                out.push(key);
            }
        }
        Ok(out)
    }
}
