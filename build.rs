//! Bakes the built-in templates (src/templates/*.json) into Rust at build time, so the wasm
//! carries neither their JSON nor the serde code that would parse it at start-up. Writes
//! `$OUT_DIR/templates.rs`: the templates' texts and small numbers (counts, flags, enum
//! variants) as two flat tables, in the order `model::template`'s `baked::Reader` reads them
//! back (a loop over tables: 4.5 KB less code than a struct literal per template), included
//! by src/model/template.rs. The shape follows `model::template` (its serde attributes: which
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
    let mut out = Baked::default();
    for name in FILES {
        let path = format!("src/templates/{name}.json");
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        out.template(&value, &path);
    }
    let mut rs = String::new();
    let _ = writeln!(rs, "pub(super) const COUNT: usize = {};", FILES.len());
    let _ = writeln!(
        rs,
        "pub(super) const TEXTS: [&str; {}] = {:?};",
        out.texts.len(),
        out.texts
    );
    let _ = writeln!(
        rs,
        "pub(super) const NUMBERS: [u8; {}] = {:?};",
        out.numbers.len(),
        out.numbers
    );
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("templates.rs");
    fs::write(dest, rs).expect("write templates.rs");
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

/// The two tables the templates are baked into, filled in reading order.
#[derive(Default)]
struct Baked {
    texts: Vec<String>,
    numbers: Vec<u8>,
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

fn field<'a>(map: &'a Map<String, Value>, key: &str, at: &str) -> &'a Value {
    map.get(key)
        .unwrap_or_else(|| panic!("{at}: missing \"{key}\""))
}

fn small(n: u64, at: &str) -> u8 {
    u8::try_from(n).unwrap_or_else(|_| panic!("{at}: expected a count under 256"))
}

impl Baked {
    fn number(&mut self, n: u8) {
        self.numbers.push(n);
    }

    /// A text; a missing optional one is empty, as serde's default.
    fn text(&mut self, map: &Map<String, Value>, key: &str, at: &str, required: bool) {
        let s = match map.get(key) {
            Some(Value::String(s)) => s.clone(),
            None if !required => String::new(),
            _ => panic!("{at}.{key}: expected text"),
        };
        self.texts.push(s);
    }

    /// A list of texts: its length, then its texts.
    fn texts(&mut self, map: &Map<String, Value>, key: &str, at: &str, required: bool) {
        match map.get(key) {
            Some(Value::Array(list)) => {
                self.number(small(list.len() as u64, &format!("{at}.{key}")));
                for v in list {
                    match v {
                        Value::String(s) => self.texts.push(s.clone()),
                        _ => panic!("{at}.{key}: expected a list of text"),
                    }
                }
            }
            None if !required => self.number(0),
            _ => panic!("{at}.{key}: expected a list"),
        }
    }

    fn count(&mut self, map: &Map<String, Value>, key: &str, at: &str, default: u64) {
        let n = match map.get(key) {
            Some(Value::Number(n)) => n
                .as_u64()
                .unwrap_or_else(|| panic!("{at}.{key}: expected a count")),
            None => default,
            _ => panic!("{at}.{key}: expected a count"),
        };
        self.number(small(n, &format!("{at}.{key}")));
    }

    fn guide(&mut self, v: &Value, at: &str) {
        let m = object(v, at, &["guidance", "example", "placeholder"]);
        self.text(m, "guidance", at, true);
        self.text(m, "example", at, false);
        self.text(m, "placeholder", at, false);
    }

    /// A kebab-case enum value as its variant's index in `variants` (the order
    /// `baked::Reader` maps back).
    fn variant(&mut self, v: &Value, at: &str, variants: &[&str]) {
        let Value::String(s) = v else {
            panic!("{at}: expected text")
        };
        let index = variants
            .iter()
            .position(|json| json == s)
            .unwrap_or_else(|| panic!("{at}: unknown value \"{s}\""));
        self.number(index as u8);
    }

    fn list_spec(&mut self, v: &Value, at: &str) {
        let m = object(
            v,
            at,
            &["numbering", "layout", "lead_example", "detail_example"],
        );
        self.variant(
            field(m, "numbering", at),
            &format!("{at}.numbering"),
            &["ordinal", "aspects", "none"],
        );
        self.variant(
            field(m, "layout", at),
            &format!("{at}.layout"),
            &["inline", "paragraphs"],
        );
        self.text(m, "lead_example", at, true);
        self.text(m, "detail_example", at, true);
    }

    /// 0 and the subsections' fields, or 1 and the items' fields.
    fn body(&mut self, v: &Value, at: &str) {
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
                self.number(0);
                self.list_spec(field(m, "items", at), &format!("{at}.items"));
                self.guide(field(m, "guide", at), &format!("{at}.guide"));
                self.texts(m, "suggested_titles", at, false);
                self.count(m, "initial_count", at, 1);
                self.texts(m, "initial_titles", at, false);
            }
            "items" => {
                let m = object(v, at, &["kind", "items", "initial_count"]);
                self.number(1);
                self.list_spec(field(m, "items", at), &format!("{at}.items"));
                self.count(m, "initial_count", at, 1);
            }
            other => panic!("{at}: unknown kind \"{other}\""),
        }
    }

    fn part(&mut self, v: &Value, at: &str) {
        let m = object(
            v,
            at,
            &["key", "heading", "guide", "lead", "covers", "body"],
        );
        self.text(m, "key", at, true);
        self.text(m, "heading", at, true);
        self.guide(field(m, "guide", at), &format!("{at}.guide"));
        match m.get("lead") {
            None | Some(Value::Null) => self.number(0),
            Some(v) => {
                self.number(1);
                self.guide(v, &format!("{at}.lead"));
            }
        }
        match m.get("covers") {
            None => self.number(0),
            Some(Value::Array(list)) => {
                self.number(small(list.len() as u64, &format!("{at}.covers")));
                for v in list {
                    let n = v
                        .as_u64()
                        .unwrap_or_else(|| panic!("{at}.covers: expected small counts"));
                    self.number(small(n, &format!("{at}.covers")));
                }
            }
            _ => panic!("{at}.covers: expected a list"),
        }
        self.body(field(m, "body", at), &format!("{at}.body"));
    }

    fn template(&mut self, v: &Value, at: &str) {
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
        self.text(m, "id", at, true);
        self.text(m, "name", at, true);
        self.text(m, "summary", at, true);
        self.text(m, "title_pattern", at, true);
        self.guide(field(m, "header", at), &format!("{at}: header"));
        self.guide(field(m, "opening", at), &format!("{at}: opening"));
        self.number(small(parts.len() as u64, &format!("{at}: parts")));
        for (i, p) in parts.iter().enumerate() {
            self.part(p, &format!("{at}: parts[{i}]"));
        }
        self.guide(field(m, "closing", at), &format!("{at}: closing"));
        self.texts(m, "note_choices", at, true);
    }
}
