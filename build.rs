//! Bakes the built-in templates (src/templates/*.json) into Rust at build time, so the wasm
//! carries neither their JSON nor the serde code that would parse it at start-up. Writes
//! `$OUT_DIR/templates.rs`: `fn templates() -> Vec<Template>`, included by
//! src/model/template.rs. The shape follows `model::template` (its serde attributes: which
//! fields may be missing, and their defaults); a key this script does not know stops the
//! build, and the native test `baked_templates_equal_their_json` checks that the baked
//! values equal what serde reads from the same files.
use std::fmt::Write as _;
use std::{env, fs, path::Path};

use serde_json::{Map, Value};

#[path = "src/style_min.rs"]
#[allow(dead_code)]
mod style_min;

const FILES: [&str; 3] = ["department-short", "five-items", "national-plan"];

fn main() {
    let mut out = String::from("pub(super) fn templates() -> Vec<Template> {\n    vec![\n");
    for name in FILES {
        let path = format!("src/templates/{name}.json");
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let _ = writeln!(out, "        {},", template(&value, &path));
    }
    out.push_str("    ]\n}\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("templates.rs");
    fs::write(dest, out).expect("write templates.rs");
    println!("cargo:rerun-if-changed=build.rs");
    components_css();
}

/// The components' CSS, joined in cascade order and minified (comments and spare whitespace
/// out: about 3 KB of wasm, 1 KB of the single file): `$OUT_DIR/components.css`.
fn components_css() {
    let mut css = String::new();
    for path in style_min::SOURCES {
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        css.push_str(&style_min::minify(&text));
    }
    println!("cargo:rerun-if-changed=src/style_min.rs");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("components.css");
    fs::write(dest, css).expect("write components.css");
}

/// An object's fields, refusing keys outside `known`.
fn object<'a>(v: &'a Value, at: &str, known: &[&str]) -> &'a Map<String, Value> {
    let Value::Object(map) = v else {
        panic!("{at}: expected an object")
    };
    if let Some(key) = map.keys().find(|k| !known.contains(&k.as_str())) {
        panic!("{at}: unknown key \"{key}\" (build.rs must learn it, as model/template.rs does)");
    }
    map
}

fn text(map: &Map<String, Value>, key: &str, at: &str, required: bool) -> String {
    match map.get(key) {
        Some(Value::String(s)) => format!("String::from({s:?})"),
        None if !required => "String::new()".into(),
        _ => panic!("{at}.{key}: expected text"),
    }
}

fn texts(map: &Map<String, Value>, key: &str, at: &str, required: bool) -> String {
    match map.get(key) {
        Some(Value::Array(list)) => {
            let items: Vec<String> = list
                .iter()
                .map(|v| match v {
                    Value::String(s) => format!("String::from({s:?})"),
                    _ => panic!("{at}.{key}: expected a list of text"),
                })
                .collect();
            format!("vec![{}]", items.join(", "))
        }
        None if !required => "Vec::new()".into(),
        _ => panic!("{at}.{key}: expected a list"),
    }
}

fn count(map: &Map<String, Value>, key: &str, at: &str, default: u64) -> String {
    match map.get(key) {
        Some(Value::Number(n)) => n
            .as_u64()
            .unwrap_or_else(|| panic!("{at}.{key}: expected a count")),
        None => default,
        _ => panic!("{at}.{key}: expected a count"),
    }
    .to_string()
}

fn field<'a>(map: &'a Map<String, Value>, key: &str, at: &str) -> &'a Value {
    map.get(key)
        .unwrap_or_else(|| panic!("{at}: missing \"{key}\""))
}

fn guide(v: &Value, at: &str) -> String {
    let m = object(v, at, &["guidance", "example", "placeholder"]);
    format!(
        "Guide {{ guidance: {}, example: {}, placeholder: {} }}",
        text(m, "guidance", at, true),
        text(m, "example", at, false),
        text(m, "placeholder", at, false)
    )
}

/// A kebab-case enum value as its variant.
fn variant(v: &Value, at: &str, ty: &str, variants: &[(&str, &str)]) -> String {
    let Value::String(s) = v else {
        panic!("{at}: expected text")
    };
    let (_, name) = variants
        .iter()
        .find(|(json, _)| json == s)
        .unwrap_or_else(|| panic!("{at}: unknown {ty} \"{s}\""));
    format!("{ty}::{name}")
}

fn list_spec(v: &Value, at: &str) -> String {
    let m = object(
        v,
        at,
        &["numbering", "layout", "lead_example", "detail_example"],
    );
    format!(
        "ListSpec {{ numbering: {}, layout: {}, lead_example: {}, detail_example: {} }}",
        variant(
            field(m, "numbering", at),
            &format!("{at}.numbering"),
            "ItemNumbering",
            &[
                ("ordinal", "Ordinal"),
                ("aspects", "Aspects"),
                ("none", "None")
            ]
        ),
        variant(
            field(m, "layout", at),
            &format!("{at}.layout"),
            "ItemLayout",
            &[("inline", "Inline"), ("paragraphs", "Paragraphs")]
        ),
        text(m, "lead_example", at, true),
        text(m, "detail_example", at, true)
    )
}

fn body(v: &Value, at: &str) -> String {
    let kind = v
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{at}: missing \"kind\""));
    match kind {
        "subsections" => {
            let m = object(
                v,
                at,
                &[
                    "kind",
                    "items",
                    "guide",
                    "suggested_titles",
                    "initial_count",
                    "initial_titles",
                ],
            );
            format!(
                "BodySpec::Subsections {{ items: {}, guide: {}, suggested_titles: {}, initial_count: {}, initial_titles: {} }}",
                list_spec(field(m, "items", at), &format!("{at}.items")),
                guide(field(m, "guide", at), &format!("{at}.guide")),
                texts(m, "suggested_titles", at, false),
                count(m, "initial_count", at, 1),
                texts(m, "initial_titles", at, false)
            )
        }
        "items" => {
            let m = object(v, at, &["kind", "items", "initial_count"]);
            format!(
                "BodySpec::Items {{ items: {}, initial_count: {} }}",
                list_spec(field(m, "items", at), &format!("{at}.items")),
                count(m, "initial_count", at, 1)
            )
        }
        other => panic!("{at}: unknown kind \"{other}\""),
    }
}

fn part(v: &Value, at: &str) -> String {
    let m = object(
        v,
        at,
        &["key", "heading", "guide", "lead", "covers", "body"],
    );
    let lead = match m.get("lead") {
        None | Some(Value::Null) => "None".into(),
        Some(v) => format!("Some({})", guide(v, &format!("{at}.lead"))),
    };
    let covers = match m.get("covers") {
        None => "Vec::new()".into(),
        Some(Value::Array(list)) => {
            let n: Vec<String> = list
                .iter()
                .map(|v| {
                    v.as_u64()
                        .filter(|n| *n <= 255)
                        .unwrap_or_else(|| panic!("{at}.covers: expected small counts"))
                        .to_string()
                })
                .collect();
            format!("vec![{}]", n.join(", "))
        }
        _ => panic!("{at}.covers: expected a list"),
    };
    format!(
        "PartSpec {{ key: {}, heading: {}, guide: {}, lead: {lead}, covers: {covers}, body: {} }}",
        text(m, "key", at, true),
        text(m, "heading", at, true),
        guide(field(m, "guide", at), &format!("{at}.guide")),
        body(field(m, "body", at), &format!("{at}.body"))
    )
}

fn template(v: &Value, at: &str) -> String {
    let m = object(
        v,
        at,
        &[
            "id",
            "name",
            "summary",
            "title_pattern",
            "header",
            "opening",
            "parts",
            "closing",
            "note_choices",
        ],
    );
    let Some(Value::Array(parts)) = m.get("parts") else {
        panic!("{at}: \"parts\" must be a list")
    };
    let parts: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| part(p, &format!("{at}: parts[{i}]")))
        .collect();
    format!(
        "Template {{ id: {}, name: {}, summary: {}, title_pattern: {}, header: {}, opening: {}, parts: vec![{}], closing: {}, note_choices: {} }}",
        text(m, "id", at, true),
        text(m, "name", at, true),
        text(m, "summary", at, true),
        text(m, "title_pattern", at, true),
        guide(field(m, "header", at), &format!("{at}: header")),
        guide(field(m, "opening", at), &format!("{at}: opening")),
        parts.join(", "),
        guide(field(m, "closing", at), &format!("{at}: closing")),
        texts(m, "note_choices", at, true)
    )
}
