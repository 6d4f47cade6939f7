//! The one module that knows about the host page. It installs `window.FazhiReport`, turns
//! every `[data-fazhi-report]` element (and `#fazhi-report`) into a tool instance, attaches
//! a shadow root with our CSS inside it, and gives the page a handle to each instance.
//!
//! The JavaScript loader (scripts/single-file.mjs) defines `FazhiReport.mount`, which
//! waits for the wasm and then calls `FazhiReport._mount` installed here.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{App, Editor, CSS};
use crate::config::{attribute_name, parse_options, Config, RawValue, OPTION_NAMES};
use crate::model::persisted::{decode_placed, encode};
use crate::model::step;
use crate::strings;
use crate::web::mark;

const DECLARED: &str = "[data-fazhi-report], #fazhi-report";

/// One mounted tool: its host element, the page's handle to it, and the app itself.
struct Instance {
    id: u32,
    host: web_sys::Element,
    handle: Object,
    _app: Box<dyn std::any::Any>,
}

thread_local! {
    /// Mounted instances. The app lives as long as its entry here: the page's handle
    /// object may be garbage-collected at any time, so it must not own the app. One entry
    /// per host element: mounting it again gives back the same handle.
    static INSTANCES: RefCell<Vec<Instance>> = const { RefCell::new(Vec::new()) };
    static NEXT_INSTANCE: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// The handle of the instance living in `host`, if there is one.
fn live_handle(host: &web_sys::Element) -> Option<Object> {
    let host: &JsValue = host.as_ref();
    INSTANCES.with(|all| {
        all.borrow()
            .iter()
            .find(|i| AsRef::<JsValue>::as_ref(&i.host) == host)
            .map(|i| i.handle.clone())
    })
}

/// Entry point (called by `main`): installs the page API and mounts declared elements.
pub fn start() {
    mark("fazhi:main");
    // No panic hook: the wasm is built with -Cpanic=immediate-abort (scripts/toolchain.env),
    // so a panic traps at once ("RuntimeError: unreachable") and no hook would run.
    install_api();
    mount_declared();
    mark("fazhi:rendered");
    if let Some(api) = api_object() {
        if let Ok(ready) = Reflect::get(&api, &"_onready".into()) {
            if let Some(ready) = ready.dyn_ref::<Function>() {
                let _ = ready.call0(&JsValue::NULL);
            }
        }
    }
}

fn api_object() -> Option<Object> {
    let window = web_sys::window()?;
    let existing = Reflect::get(&window, &"FazhiReport".into()).ok()?;
    if existing.is_object() {
        return existing.dyn_into().ok();
    }
    let api = Object::new();
    Reflect::set(&window, &"FazhiReport".into(), &api).ok()?;
    Some(api)
}

fn install_api() {
    let Some(api) = api_object() else { return };
    let mount = Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(mount_from_js);
    let scan = Closure::<dyn Fn()>::new(mount_declared);
    let _ = Reflect::set(&api, &"_mount".into(), &mount.into_js_value());
    let _ = Reflect::set(&api, &"scan".into(), &scan.into_js_value());
    let _ = Reflect::set(&api, &"version".into(), &env!("CARGO_PKG_VERSION").into());
}

/// Mounts every declared element that is not mounted yet.
fn mount_declared() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = document.query_selector_all(DECLARED) else {
        return;
    };
    for i in 0..list.length() {
        let Some(host) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if live_handle(&host).is_some() {
            continue;
        }
        let options: Vec<(String, RawValue)> = OPTION_NAMES
            .iter()
            .filter_map(|name| {
                host.get_attribute(&attribute_name(name))
                    .map(|v| (name.to_string(), RawValue::Text(v)))
            })
            .collect();
        mount(&host, parse_options(&options));
    }
}

/// `FazhiReport._mount(element, options)` → handle object.
fn mount_from_js(element: JsValue, options: JsValue) -> JsValue {
    let Some(host) = element.dyn_ref::<web_sys::Element>() else {
        let message = strings::EMBED_NOT_AN_ELEMENT;
        web_sys::console::error_1(&message.into());
        let handle = Object::new();
        let _ = Reflect::set(&handle, &"error".into(), &message.into());
        return handle.into();
    };
    let parsed = read_js_options(&options).and_then(|pairs| parse_options(&pairs));
    mount(host, parsed).into()
}

/// The options object, read defensively: a getter that throws, or a Proxy whose traps
/// throw, gives a Chinese message naming the option instead of an exception.
fn read_js_options(options: &JsValue) -> Result<Vec<(String, RawValue)>, Vec<String>> {
    if options.is_undefined() || options.is_null() {
        return Ok(vec![]);
    }
    if !options.is_object() || options.is_function() {
        return Err(vec![strings::EMBED_OPTIONS_NOT_OBJECT.into()]);
    }
    let keys = Reflect::own_keys(options)
        .map_err(|_| vec![strings::EMBED_OPTIONS_UNREADABLE.to_string()])?;
    let mut pairs = Vec::new();
    let mut errors = Vec::new();
    for key in keys.iter() {
        // Symbol keys are not options.
        let Some(name) = key.as_string() else {
            continue;
        };
        let value = match Reflect::get(options, &key) {
            Ok(v) => v,
            Err(_) => {
                errors.push(strings::embed_option_unreadable(&name));
                continue;
            }
        };
        let raw = if let Some(s) = value.as_string() {
            RawValue::Text(s)
        } else if let Some(n) = value.as_f64() {
            RawValue::Number(n)
        } else if let Some(b) = value.as_bool() {
            RawValue::Bool(b)
        } else if value.is_null() || value.is_undefined() {
            continue;
        } else {
            RawValue::Other(value.js_typeof().as_string().unwrap_or_default())
        };
        pairs.push((name, raw));
    }
    if errors.is_empty() {
        Ok(pairs)
    } else {
        Err(errors)
    }
}

/// Mounts one instance (or shows why it cannot) and returns the page's handle to it.
pub fn mount(host: &web_sys::Element, config: Result<Config, Vec<String>>) -> Object {
    // One lifecycle per element: a second mount gets the live instance's handle, so an
    // older handle can never unmount a newer instance.
    if let Some(handle) = live_handle(host) {
        return handle;
    }
    let handle = Object::new();
    let Some(shadow) = shadow_root(host) else {
        let _ = Reflect::set(
            &handle,
            &"error".into(),
            &strings::EMBED_NO_SHADOW_ROOT.into(),
        );
        return handle;
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return handle;
    };
    shadow.set_inner_html("");
    let adopted = install_css(&shadow, &document);
    let Ok(container) = document.create_element("div") else {
        return handle;
    };
    let _ = container.set_attribute("class", "fr-root");
    let _ = shadow.append_child(&container);
    let _ = host.set_attribute("data-fazhi-mounted", "");
    // Only a <style> element can be refused by the page's CSP; a constructed sheet is not
    // checked (reading a computed style would force a style pass before the first frame).
    if !adopted && host.is_connected() && !styled(&container) {
        // The page's CSP refused our styles: say so rather than look broken.
        show_errors(&container, &[strings::EMBED_CSP_STYLES.to_string()]);
        web_sys::console::error_1(&strings::EMBED_CSP_STYLES.into());
    }

    mark("fazhi:css");
    let config = match config {
        Ok(config) => config,
        Err(errors) => {
            show_errors(&container, &errors);
            let text = errors.join("\n");
            web_sys::console::error_1(&format!("{}\n{text}", strings::EMBED_CONFIG_ERRORS).into());
            let _ = Reflect::set(&handle, &"error".into(), &text.into());
            let _ = host.remove_attribute("data-fazhi-mounted");
            return handle;
        }
    };

    let editor_slot: Rc<RefCell<Option<Editor>>> = Rc::default();
    let slot = editor_slot.clone();
    let host_for_app = host.clone();
    let container: web_sys::HtmlElement = container.unchecked_into();
    let unmount = leptos::mount::mount_to(container, move || {
        let on_ready: Box<dyn FnOnce(Editor)> =
            Box::new(move |editor| *slot.borrow_mut() = Some(editor));
        view! { <App config host=host_for_app on_ready /> }
    });
    let instance = NEXT_INSTANCE.with(|n| n.replace(n.get() + 1));
    INSTANCES.with(|all| {
        all.borrow_mut().push(Instance {
            id: instance,
            host: host.clone(),
            handle: handle.clone(),
            _app: Box::new(unmount),
        })
    });

    let method = |name: &str, f: JsValue| {
        let _ = Reflect::set(&handle, &name.into(), &f);
    };
    let slot = editor_slot.clone();
    method(
        "getText",
        Closure::<dyn Fn() -> JsValue>::new(move || match *slot.borrow() {
            Some(editor) => editor.text().into(),
            None => JsValue::NULL,
        })
        .into_js_value(),
    );
    let slot = editor_slot.clone();
    method(
        "getDraft",
        Closure::<dyn Fn() -> JsValue>::new(move || match *slot.borrow() {
            Some(editor) => {
                let stored = editor.snapshot();
                js_sys::JSON::parse(&encode(&stored)).unwrap_or(JsValue::NULL)
            }
            None => JsValue::NULL,
        })
        .into_js_value(),
    );
    let slot = editor_slot.clone();
    method(
        "loadDraft",
        Closure::<dyn Fn(JsValue) -> Result<(), JsValue>>::new(move |json: JsValue| {
            let Some(editor) = *slot.borrow() else {
                return Err(js_error(strings::EMBED_UNMOUNTED));
            };
            let text = draft_text(&json).map_err(|m| js_error(&m))?;
            // The one strict decoder every draft goes through: nothing is guessed, so a
            // wrong object can never be autosaved over the writer's draft.
            let decoded = decode_placed(&text)
                .map_err(|e| js_error(&strings::embed_load_refused(&e.to_string())))?;
            let mut draft = decoded.stored.draft;
            editor
                .step
                .set(step::resume(&mut draft, editor.step.get_untracked()));
            editor.replace(draft);
            if decoded.held > 0 {
                editor.say(strings::loaded_with_held(decoded.held));
            }
            Ok(())
        })
        .into_js_value(),
    );
    let slot = editor_slot;
    let shadow_for_unmount = shadow.clone();
    let host_for_unmount = host.clone();
    method(
        "unmount",
        Closure::<dyn Fn()>::new(move || {
            slot.borrow_mut().take();
            // Dropping the mount handle tears the app down (listeners, timers, DOM).
            let removed = INSTANCES.with(|all| {
                let mut all = all.borrow_mut();
                all.iter()
                    .position(|i| i.id == instance)
                    .map(|at| all.remove(at))
            });
            drop(removed);
            shadow_for_unmount.set_inner_html("");
            let _ = Reflect::set(
                &shadow_for_unmount,
                &"adoptedStyleSheets".into(),
                &js_sys::Array::new(),
            );
            let _ = host_for_unmount.remove_attribute("data-fazhi-mounted");
        })
        .into_js_value(),
    );
    handle
}

/// What `loadDraft` was given, as JSON text: a string as it is, an object serialised.
/// Anything else (undefined, a number, an object whose getters throw) gets a Chinese
/// message saying what was expected.
fn draft_text(json: &JsValue) -> Result<String, String> {
    if let Some(s) = json.as_string() {
        return Ok(s);
    }
    if !json.is_object() || json.is_function() {
        let what = json.js_typeof().as_string().unwrap_or_default();
        let what = if json.is_null() { "null".into() } else { what };
        return Err(strings::embed_load_not_a_draft(&what));
    }
    js_sys::JSON::stringify(json)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| strings::EMBED_DRAFT_UNREADABLE.to_string())
}

/// A JavaScript `Error` with a Chinese message (the page can read `e.message`).
fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// A custom property only our CSS sets: reading it back tells whether the CSS applies.
const STYLED_PROBE: &str = ".fr-root{--fr-styled:1}";

/// Puts our CSS inside the shadow root (the page's <head> does not reach in). A
/// constructed stylesheet (`adoptedStyleSheets`) first: a page CSP without
/// `style-src 'unsafe-inline'` does not apply to it. Else a <style> element. Returns
/// whether the constructed sheet was adopted.
fn install_css(shadow: &web_sys::ShadowRoot, document: &web_sys::Document) -> bool {
    let css = format!("{CSS}{STYLED_PROBE}");
    // The CSS text stays readable for the loader's container-query fallback
    // (scripts/container-fallback.js): a browser without container queries drops those
    // rules from a constructed sheet, so they cannot be read back from the CSSOM.
    let _ = Reflect::set(shadow, &"fazhiCssText".into(), &css.as_str().into());
    if adopt_css(shadow, &css).is_some() {
        return true;
    }
    if let Ok(style) = document.create_element("style") {
        style.set_text_content(Some(&css));
        let _ = shadow.append_child(&style);
    }
    false
}

fn adopt_css(shadow: &web_sys::ShadowRoot, css: &str) -> Option<()> {
    let window = web_sys::window()?;
    if !Reflect::has(shadow, &"adoptedStyleSheets".into()).ok()? {
        return None;
    }
    let constructor: Function = Reflect::get(&window, &"CSSStyleSheet".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let sheet = Reflect::construct(&constructor, &js_sys::Array::new()).ok()?;
    let replace: Function = Reflect::get(&sheet, &"replaceSync".into())
        .ok()?
        .dyn_into()
        .ok()?;
    replace.call1(&sheet, &css.into()).ok()?;
    Reflect::set(
        shadow,
        &"adoptedStyleSheets".into(),
        &js_sys::Array::of1(&sheet),
    )
    .ok()?;
    Some(())
}

/// Whether our CSS reached `container` (see [`STYLED_PROBE`]).
fn styled(container: &web_sys::Element) -> bool {
    web_sys::window()
        .and_then(|w| w.get_computed_style(container).ok().flatten())
        .and_then(|s| s.get_property_value("--fr-styled").ok())
        .is_some_and(|v| v.trim() == "1")
}

fn shadow_root(host: &web_sys::Element) -> Option<web_sys::ShadowRoot> {
    host.shadow_root().or_else(|| {
        host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .ok()
    })
}

/// A visible explanation instead of a blank box.
fn show_errors(container: &web_sys::Element, errors: &[String]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    let _ = panel.set_attribute("class", "config-error");
    let _ = panel.set_attribute("role", "alert");
    let mut text = String::from(strings::EMBED_CONFIG_BANNER);
    for e in errors {
        text.push_str("· ");
        text.push_str(e);
        text.push('\n');
    }
    panel.set_text_content(Some(&text));
    let _ = container.append_child(&panel);
}
