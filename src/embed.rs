//! The one module that knows about the host page: finds the host element, attaches a
//! shadow root with our CSS inside it, reads the configuration, and mounts the app.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{App, Config, CSS};

/// Standalone start (index.html / the single offline file): mounts into `#fazhi-report`,
/// or into the first `[data-fazhi-report]` element, or into a new element on `<body>`.
pub fn start() {
    mark("fazhi:main");
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let host = document
        .query_selector("#fazhi-report, [data-fazhi-report]")
        .ok()
        .flatten()
        .or_else(|| {
            let el = document.create_element("div").ok()?;
            document.body()?.append_child(&el).ok()?;
            Some(el)
        });
    if let Some(host) = host {
        mount(&host, config_from_attributes(&host));
    }
}

fn config_from_attributes(host: &web_sys::Element) -> Config {
    let attr = |name: &str| {
        host.get_attribute(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    Config {
        namespace: attr("data-namespace").unwrap_or_else(|| "default".into()),
        organ: attr("data-organ"),
        year: attr("data-year"),
    }
}

/// Mounts the tool inside `host`'s shadow root (made if absent).
pub fn mount(host: &web_sys::Element, config: Config) {
    let shadow = match host.shadow_root() {
        Some(root) => root,
        None => {
            match host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)) {
                Ok(root) => root,
                Err(_) => return,
            }
        }
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // Styles must live inside the shadow root: the page's <head> does not reach in.
    if let Ok(style) = document.create_element("style") {
        style.set_text_content(Some(&CSS.concat()));
        let _ = shadow.append_child(&style);
    }
    let Ok(container) = document.create_element("div") else {
        return;
    };
    let _ = container.set_attribute("class", "fr-root");
    let _ = shadow.append_child(&container);
    let container: web_sys::HtmlElement = container.unchecked_into();
    leptos::mount::mount_to(container, move || view! { <App config /> }).forget();
    mark("fazhi:rendered");
}

/// A performance mark, read by scripts/bench.mjs to split start-up into phases.
fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}
