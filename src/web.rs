//! Small browser helpers shared by the components: time, downloads, clipboard.

use wasm_bindgen::{JsCast, JsValue};

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Both clocks, for the session engine: the wall clock stamps entries, the monotonic one
/// (`performance.now()`, which page scripts and clock changes do not move backwards)
/// measures how long a change has waited.
pub fn now() -> crate::storage::session::Now {
    let mono = web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(f64::NAN);
    crate::storage::session::Now {
        wall: js_sys::Date::now(),
        mono,
    }
}

/// Runs `f` and records how long it took as a User Timing measure named `name` (e.g.
/// `fazhi:save`, `fazhi:docx`): a mark, a measure, then the mark cleared, so it works in
/// Chromium 86 and Firefox 78 alike and costs a few calls when nobody reads it. Only the
/// latest measure of each name is kept in the timeline (memory stays flat over a long
/// session); a `PerformanceObserver` sees them all (scripts/bench/work.mjs).
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let perf = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &perf {
        let _ = p.mark(name);
    }
    let out = f();
    if let Some(p) = &perf {
        p.clear_measures_with_measure_name(name);
        let _ = p.measure_with_start_mark(name, name);
        p.clear_marks_with_mark_name(name);
    }
    out
}

/// A performance mark (User Timing), read by scripts/bench/startup.mjs to split start-up
/// into phases.
pub fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// Local wall-clock time "HH:MM:SS" for the save indicator.
pub fn local_time() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

pub fn random() -> f64 {
    js_sys::Math::random()
}

/// Offers `contents` as a file download. Blob URLs are local: nothing goes on the network.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    offer(
        file_name,
        &web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?,
    )
}

/// Offers bytes (a .docx) as a file download.
pub fn download_bytes(file_name: &str, mime: &str, contents: &[u8]) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    offer(
        file_name,
        &web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?,
    )
}

fn offer(file_name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.style().set_property("display", "none")?;
    let body = document.body().ok_or("no body")?;
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    web_sys::window()
        .ok_or("no window")?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    Ok(())
}

pub use crate::render::safe_file_name;

/// Copies text. Tries the Clipboard API (file:// and https), then falls back to
/// select + execCommand("copy") (plain-http intranet pages have no Clipboard API).
/// `scratch` is an element inside our shadow root to host the temporary textarea.
pub async fn copy_text(text: &str, scratch: &web_sys::Element) -> bool {
    let window = match web_sys::window() {
        Some(w) => w,
        None => return false,
    };
    let navigator = window.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if has_clipboard {
        let promise = navigator.clipboard().write_text(text);
        if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
            return true;
        }
    }
    copy_with_exec_command(text, scratch).unwrap_or(false)
}

fn copy_with_exec_command(text: &str, scratch: &web_sys::Element) -> Result<bool, JsValue> {
    let document: web_sys::HtmlDocument = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?
        .unchecked_into();
    let area: web_sys::HtmlTextAreaElement = document.create_element("textarea")?.unchecked_into();
    area.set_value(text);
    area.set_attribute("readonly", "")?;
    area.set_attribute("aria-hidden", "true")?;
    area.style()
        .set_css_text("position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;");
    scratch.append_child(&area)?;
    area.select();
    let ok = document.exec_command("copy").unwrap_or(false);
    scratch.remove_child(&area)?;
    Ok(ok)
}

/// Opens an HTML document (made here) in a new window, through a local Blob URL.
pub fn open_html(html: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(html));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/html;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let window = web_sys::window().ok_or("no window")?;
    let opened = window.open_with_url_and_target(&url, "_blank")?;
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 120_000)?;
    opened
        .map(|_| ())
        .ok_or_else(|| JsValue::from("popup blocked"))
}
