//! The versioned form a draft is stored in, and the one strict decoder every incoming draft
//! goes through (localStorage, a backup file, a bundle's drafts, the page's `loadDraft`).
//!
//! Decoding never panics and never guesses: what it cannot place completely is refused
//! with a Chinese reason ([`DecodeError`]), never turned into a draft whose fields quietly
//! default. In detail:
//! - the envelope (`schema`, `id`, `revision`, `saved_at`, `step`, `draft`) is checked field
//!   by field; a newer `schema` is refused, an "all drafts" bundle is named as such;
//! - every field of the draft must have its type (a year given as a number is refused, with
//!   the field's path), and a field this version does not know is refused when it holds
//!   anything, since saving again would drop it;
//! - parts are placed by their template's keys; what has no place in the template (an
//!   unknown or repeated part, a lead or list the part does not show) goes to the draft's
//!   holding section, counted in [`Decoded::held`], so it is shown, never lost;
//! - ids are made unique with room to grow ([`Draft::repair_ids`]).

#[cfg(any(test, feature = "serde"))]
use serde::{Deserialize, Serialize};

use super::draft::{Draft, Item, Part, Subsection};
use super::draft_json::{read_draft, write_draft};
use super::json::{self, Map, Value, Writer};
use super::numbering::part_marker;
use super::template::{builtin_templates, BodySpec, Template, DEFAULT_TEMPLATE_ID};
use crate::strings;

/// Bump when the stored shape changes, and add a migration step in [`migrate`].
/// 1: the first shape. 2: drafts have a `name` (the drafts page).
pub const SCHEMA_VERSION: u32 = 2;

/// The "all drafts" backup file's `format` (see `storage::backup`).
pub const BUNDLE_FORMAT: &str = "fazhi-report-backup";

/// Longest draft id accepted from outside (the tool's own are 14–20 characters).
pub const MAX_ID_CHARS: usize = 100;

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(any(test, feature = "serde"), derive(Serialize, Deserialize))]
pub struct StoredDraft {
    pub schema: u32,
    pub id: String,
    /// Increases on every save; lets two tabs notice each other's writes.
    #[cfg_attr(any(test, feature = "serde"), serde(default))]
    pub revision: u64,
    /// Milliseconds since the Unix epoch.
    #[cfg_attr(any(test, feature = "serde"), serde(default))]
    pub saved_at: f64,
    /// The wizard step the writer was on ([`super::step::Step::key`]).
    #[cfg_attr(any(test, feature = "serde"), serde(default))]
    pub step: String,
    pub draft: Draft,
}

/// Why an incoming draft was refused. `Display` gives the Chinese reason (strings.rs).
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// Not JSON at all; where the parser stopped.
    NotJson { line: usize, column: usize },
    /// One object with the same field twice, at the second.
    RepeatedField { line: usize, column: usize },
    /// JSON, but not an object with a `schema` number.
    NotADraft,
    /// An "all drafts" backup file where one draft was expected.
    Bundle { drafts: usize },
    /// Written by a newer version of the tool.
    NewerVersion(u64),
    /// A required field is missing (`id`, `draft`).
    Missing(&'static str),
    /// A field has the wrong type: its path, what it should be, what it is.
    WrongType {
        path: String,
        expected: &'static str,
        found: String,
    },
    /// A field this version does not know, holding something (saving would drop it).
    UnknownField(String),
    /// The draft names a report structure this version does not have.
    UnknownTemplate(String),
    /// The id is empty, too long, or has control characters.
    BadId,
}

impl From<json::Error> for DecodeError {
    fn from(e: json::Error) -> Self {
        let (line, column) = (e.line, e.column);
        match e.code {
            json::ErrorCode::RepeatedKey => DecodeError::RepeatedField { line, column },
            _ => DecodeError::NotJson { line, column },
        }
    }
}

impl DecodeError {
    pub fn message(&self) -> String {
        match self {
            DecodeError::NotJson { line, column } => strings::decode_not_json(*line, *column),
            DecodeError::RepeatedField { line, column } => {
                strings::decode_repeated_field(*line, *column)
            }
            DecodeError::NotADraft => strings::DECODE_NOT_A_DRAFT.into(),
            DecodeError::Bundle { drafts } => strings::decode_bundle(*drafts),
            DecodeError::NewerVersion(v) => strings::decode_newer(*v, SCHEMA_VERSION),
            DecodeError::Missing(field) => strings::decode_missing(field),
            DecodeError::WrongType {
                path,
                expected,
                found,
            } => strings::decode_wrong_type(path, expected, found),
            DecodeError::UnknownField(path) => strings::decode_unknown_field(path),
            DecodeError::UnknownTemplate(t) => {
                let known: Vec<&str> = builtin_templates().iter().map(|t| t.id.as_str()).collect();
                strings::decode_unknown_template(t, &known.join("、"))
            }
            DecodeError::BadId => strings::decode_bad_id(MAX_ID_CHARS),
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for DecodeError {}

/// A decoded draft and how many paragraphs had to go to its holding section because the
/// template has no place for them (0 for every draft this tool wrote itself).
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub stored: StoredDraft,
    pub held: usize,
}

pub fn encode(stored: &StoredDraft) -> String {
    // Field by field as serde's derive wrote it (src/model/json.rs, draft_json.rs).
    // `saved_at` is made finite first (JSON has no NaN; it would be written as null).
    let mut out = String::with_capacity(1024);
    let mut w = Writer::object(&mut out);
    w.u64("schema", stored.schema as u64);
    w.str("id", &stored.id);
    w.u64("revision", stored.revision);
    let saved_at = Some(stored.saved_at).filter(|t| t.is_finite());
    json::write_f64(w.key("saved_at"), saved_at.unwrap_or(0.0));
    w.str("step", &stored.step);
    write_draft(w.key("draft"), &stored.draft);
    w.end();
    out
}

/// Decodes a stored entry or a one-draft file (a leading byte-order mark is allowed).
pub fn decode(raw: &str) -> Result<StoredDraft, DecodeError> {
    decode_placed(raw).map(|d| d.stored)
}

/// [`decode`], also saying how much went to the holding section.
pub fn decode_placed(raw: &str) -> Result<Decoded, DecodeError> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let value = json::parse(raw).map_err(DecodeError::from)?;
    decode_value(value)
}

/// The decoder proper, for a parsed value (a bundle's drafts come this way).
pub fn decode_value(value: Value) -> Result<Decoded, DecodeError> {
    let Value::Object(mut envelope) = value else {
        return Err(DecodeError::NotADraft);
    };
    if envelope.get("format").and_then(Value::as_str) == Some(BUNDLE_FORMAT) {
        let drafts = envelope
            .get("drafts")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        return Err(DecodeError::Bundle { drafts });
    }
    let schema = match envelope.get("schema") {
        Some(Value::Number(n)) => n.as_u64().filter(|s| *s >= 1),
        _ => None,
    }
    .ok_or(DecodeError::NotADraft)?;
    if schema > SCHEMA_VERSION as u64 {
        return Err(DecodeError::NewerVersion(schema));
    }
    migrate(schema as u32, &mut envelope);

    let id = match envelope.remove("id") {
        Some(Value::String(s)) => s,
        Some(other) => return Err(wrong("id", TYPE_TEXT, &other)),
        None => return Err(DecodeError::Missing("id")),
    };
    if id.trim().is_empty() || id.chars().count() > MAX_ID_CHARS || id.chars().any(char::is_control)
    {
        return Err(DecodeError::BadId);
    }
    let revision = match envelope.remove("revision") {
        None | Some(Value::Null) => 0,
        Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().unwrap_or(0),
        Some(other) => return Err(wrong("revision", TYPE_COUNT, &other)),
    };
    // `null` was written by versions whose clock gave NaN: a missing time, not a reason
    // to refuse the text.
    let saved_at = match envelope.remove("saved_at") {
        None | Some(Value::Null) => 0.0,
        Some(Value::Number(n)) => n.as_f64().filter(|t| t.is_finite()).unwrap_or(0.0),
        Some(other) => return Err(wrong("saved_at", TYPE_NUMBER, &other)),
    };
    let step = match envelope.remove("step") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s,
        Some(other) => return Err(wrong("step", TYPE_TEXT, &other)),
    };
    let draft_value = match envelope.remove("draft") {
        Some(Value::Object(map)) => map,
        Some(other) => return Err(wrong("draft", TYPE_OBJECT, &other)),
        None => return Err(DecodeError::Missing("draft")),
    };
    envelope.remove("schema");
    if let Some((key, _)) = envelope.iter().find(|(_, v)| !is_empty_value(v)) {
        return Err(DecodeError::UnknownField(key.clone()));
    }

    let mut draft = read_draft(&draft_value, "draft")?;

    if draft.template.trim().is_empty() {
        draft.template = DEFAULT_TEMPLATE_ID.into();
    }
    let Some(template) = builtin_templates().iter().find(|t| t.id == draft.template) else {
        return Err(DecodeError::UnknownTemplate(draft.template));
    };
    let held = place(&mut draft, template);
    draft.repair_ids();
    Ok(Decoded {
        stored: StoredDraft {
            schema: SCHEMA_VERSION,
            id,
            revision,
            saved_at,
            step,
            draft,
        },
        held,
    })
}

/// Upgrades an entry written with an older `schema` to the current shape, one version at a
/// time. Version 1 is the first; later versions add a step here (and a test with a stored
/// entry of the old shape).
fn migrate(schema: u32, envelope: &mut Map) {
    if schema < 2 {
        // 1 → 2: drafts gain a name; a v1 draft is named after nothing (its title shows).
        if let Some(draft) = envelope.get_mut("draft").and_then(Value::as_object_mut) {
            draft
                .entry("name".into())
                .or_insert_with(|| Value::from(""));
        }
    }
}

pub(super) const TYPE_TEXT: &str = "文字";
pub(super) const TYPE_COUNT: &str = "非负整数";
const TYPE_NUMBER: &str = "数字";
pub(super) const TYPE_OBJECT: &str = "对象（{…}）";
pub(super) const TYPE_LIST: &str = "数组（[…]）";
pub(super) const TYPE_BOOL: &str = "true 或 false";
/// An enum field (a numbering style, a masthead) holding something that is not one of its
/// names.
pub(super) const TYPE_OTHER: &str = "另一种类型";

pub(super) fn wrong(path: &str, expected: &'static str, found: &Value) -> DecodeError {
    DecodeError::WrongType {
        path: path.into(),
        expected,
        found: describe(found),
    }
}

/// What a JSON value is, in Chinese, with a short excerpt.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{}（{b}）", TYPE_BOOL),
        Value::Number(n) => format!("数字 {n}"),
        Value::String(s) => {
            let short: String = s.chars().take(20).collect();
            let more = if s.chars().count() > 20 { "…" } else { "" };
            format!("文字“{short}{more}”")
        }
        Value::Array(_) => TYPE_LIST.into(),
        Value::Object(_) => TYPE_OBJECT.into(),
    }
}

/// Whether a value carries nothing (what an absent field defaults to).
pub(super) fn is_empty_value(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.values().all(is_empty_value),
    }
}

/// Puts each part where its template says (by key; a part without a key by position) and
/// fits its body to the part's kind. What has no place goes to `holding`, in order.
/// Returns how many paragraphs went there.
fn place(draft: &mut Draft, template: &Template) -> usize {
    let before = draft.holding.len();
    let mut slots: Vec<Option<Part>> = vec![None; template.parts.len()];
    let source = std::mem::take(&mut draft.parts);
    let mut homeless = Vec::new();
    for (n, part) in source.into_iter().enumerate() {
        let at = if part.key.is_empty() {
            Some(n).filter(|&n| n < slots.len())
        } else {
            template.parts.iter().position(|s| s.key == part.key)
        };
        match at {
            Some(at) if slots[at].is_none() => slots[at] = Some(part),
            _ => homeless.push((n, part)),
        }
    }
    let mut held = Vec::new();
    for (slot, spec) in slots.iter_mut().zip(&template.parts) {
        let part = slot.get_or_insert_with(Part::default);
        part.key = spec.key.clone();
        if spec.lead.is_none() && !part.lead.trim().is_empty() {
            // This part shows no lead paragraph: keep it where the writer sees it.
            held.push(std::mem::take(&mut part.lead));
        }
        match spec.body {
            BodySpec::Subsections { .. } => {
                // Items straight under a part made of subsections: one untitled subsection,
                // so they stay in the editor and the report.
                if part.items.iter().any(|i| !i.is_empty()) {
                    let items = std::mem::take(&mut part.items);
                    part.subsections.push(Subsection {
                        items,
                        ..Subsection::default()
                    });
                } else {
                    part.items.clear();
                }
            }
            BodySpec::Items { .. } => {
                let subs = std::mem::take(&mut part.subsections);
                for sub in subs {
                    if !sub.title.trim().is_empty() {
                        held.push(strings::held_subsection_title(&sub.title));
                    }
                    if !sub.lead.trim().is_empty() {
                        held.push(sub.lead);
                    }
                    part.items.extend(sub.items);
                }
            }
        }
    }
    for (n, part) in homeless {
        held.extend(part_text(&part, n));
    }
    draft.parts = slots.into_iter().map(Option::unwrap_or_default).collect();
    draft.holding.extend(held);
    draft.holding.len() - before
}

/// A part with no place in the template, as paragraphs for the holding section.
fn part_text(part: &Part, index: usize) -> Vec<String> {
    let mut out = Vec::new();
    let heading = part
        .heading
        .clone()
        .filter(|h| !h.trim().is_empty())
        .unwrap_or_else(|| part.key.clone());
    let lead = part.lead.trim();
    let has_text = !lead.is_empty()
        || part.items.iter().any(|i| !i.is_empty())
        || part.subsections.iter().any(|s| !s.is_empty());
    if !has_text && part.heading.as_deref().is_none_or(|h| h.trim().is_empty()) {
        return out;
    }
    out.push(format!("{}{heading}", part_marker(index)));
    if !lead.is_empty() {
        out.push(part.lead.clone());
    }
    let item = |i: &Item| super::draft::item_text("", i);
    for sub in &part.subsections {
        if !sub.title.trim().is_empty() {
            out.push(strings::held_subsection_title(&sub.title));
        }
        if !sub.lead.trim().is_empty() {
            out.push(sub.lead.clone());
        }
        out.extend(sub.items.iter().filter(|i| !i.is_empty()).map(item));
    }
    out.extend(part.items.iter().filter(|i| !i.is_empty()).map(item));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::builtin_templates;
    use serde_json::{json, Value};

    fn stored() -> StoredDraft {
        let mut draft = Draft::new(&builtin_templates()[0]);
        draft.header.organ = "某局 <script>alert(1)</script> \u{202E}".into();
        StoredDraft {
            schema: SCHEMA_VERSION,
            id: "d1".into(),
            revision: 3,
            saved_at: 1.5e12,
            step: "part-1".into(),
            draft,
        }
    }

    fn envelope(draft: Value) -> String {
        json!({"schema": 2, "id": "x", "revision": 1, "saved_at": 5, "step": "opening", "draft": draft})
            .to_string()
    }

    #[test]
    fn round_trip() {
        let s = stored();
        assert_eq!(decode(&encode(&s)).unwrap(), s);
        // A byte-order mark, as file import allows, is allowed on every path.
        assert_eq!(decode(&format!("\u{feff}{}", encode(&s))).unwrap(), s);
    }

    #[test]
    fn output_choices_are_kept_and_absent_when_default() {
        let mut s = stored();
        assert!(
            !encode(&s).contains("\"output\""),
            "older tools see no new key"
        );
        s.draft.output.bold_leads = true;
        let json = encode(&s);
        assert!(json.contains("\"bold_leads\":true"));
        assert!(decode(&json).unwrap().draft.output.bold_leads);
        assert!(!decode(&json).unwrap().draft.output.text_layout);
    }

    #[test]
    fn errors_are_specific() {
        assert!(matches!(
            decode("{not json"),
            Err(DecodeError::NotJson { line: 1, .. })
        ));
        assert_eq!(decode("[1,2]"), Err(DecodeError::NotADraft));
        assert_eq!(decode(r#"{"hello":1}"#), Err(DecodeError::NotADraft));
        assert_eq!(
            decode(r#"{"schema":99,"id":"x","draft":{}}"#),
            Err(DecodeError::NewerVersion(99))
        );
        assert_eq!(
            decode(r#"{"schema":1,"id":"x","draft":{"opening":5}}"#),
            Err(DecodeError::WrongType {
                path: "draft.opening".into(),
                expected: TYPE_TEXT,
                found: "数字 5".into()
            })
        );
        for e in [DecodeError::NotADraft, DecodeError::NewerVersion(3)] {
            assert!(e.to_string().contains("草稿"), "{e}");
        }
    }

    /// Issue 12, finding 1: everything `loadDraft` was seen to accept and then save over
    /// the draft is refused, each with its own reason.
    #[test]
    fn what_load_draft_accepted_is_refused() {
        assert_eq!(
            decode(r#"{"schema":3,"id":"x","draft":{"header":{"organ":"新版"}}}"#),
            Err(DecodeError::NewerVersion(3))
        );
        assert_eq!(decode("{}"), Err(DecodeError::NotADraft));
        assert_eq!(decode("[]"), Err(DecodeError::NotADraft));
        assert_eq!(decode("null"), Err(DecodeError::NotADraft));
        assert_eq!(
            decode(r#"{"header":{"organ":"裸草稿"},"opening":"x"}"#),
            Err(DecodeError::NotADraft),
            "a bare draft without its envelope is not guessed at"
        );
        let e = decode(&envelope(json!({"header": {"year": 2024}}))).unwrap_err();
        assert_eq!(
            e,
            DecodeError::WrongType {
                path: "draft.header.year".into(),
                expected: TYPE_TEXT,
                found: "数字 2024".into()
            }
        );
        assert!(e.to_string().contains("draft.header.year"), "{e}");
        let e = decode(&envelope(json!({"parts": [{"key": "work", "subsections": [{"items": [{"lead": "a"}, {"detail": ["x"]}]}]}]})))
            .unwrap_err();
        assert!(
            matches!(&e, DecodeError::WrongType { path, expected: TYPE_TEXT, .. } if path == "draft.parts[0].subsections[0].items[1].detail"),
            "{e:?}"
        );
        let bundle = json!({"format": BUNDLE_FORMAT, "schema": 2, "drafts": [{}, {}]}).to_string();
        assert_eq!(decode(&bundle), Err(DecodeError::Bundle { drafts: 2 }));
        assert!(decode(&bundle)
            .unwrap_err()
            .to_string()
            .contains("全部草稿"));
        assert_eq!(
            decode(&envelope(
                json!({"opening": "x", "opening_v3": "新字段的文字"})
            )),
            Err(DecodeError::UnknownField("draft.opening_v3".into()))
        );
        assert_eq!(
            decode(r#"{"schema":2,"id":"x","draft":{},"comment":"备注"}"#),
            Err(DecodeError::UnknownField("comment".into()))
        );
        assert_eq!(
            decode(&envelope(json!({"template": "county-long"}))),
            Err(DecodeError::UnknownTemplate("county-long".into()))
        );
        for bad_id in [json!(""), json!("a\u{0}b"), json!("x".repeat(101))] {
            let text = json!({"schema": 2, "id": bad_id, "draft": {}}).to_string();
            assert_eq!(decode(&text), Err(DecodeError::BadId));
        }
        assert!(matches!(
            decode(r#"{"schema":2,"id":5,"draft":{}}"#),
            Err(DecodeError::WrongType { .. })
        ));
        assert_eq!(
            decode(r#"{"schema":2,"id":"x"}"#),
            Err(DecodeError::Missing("draft"))
        );
        assert!(matches!(
            decode(r#"{"schema":2,"id":"x","revision":-1,"draft":{}}"#),
            Err(DecodeError::WrongType { .. })
        ));
        // Empty extras are harmless and accepted.
        assert!(decode(&envelope(
            json!({"holding": [], "output": {"bold_leads": false}, "extra": ""})
        ))
        .is_ok());
    }

    /// A draft that spells out what the tool leaves out while default (another program
    /// building one for `loadDraft()`, a hand-edited backup) reads as the same draft. It
    /// was refused as "draft.output" or "draft.item_style" unknown: that check encoded the
    /// draft again and took what did not come back, a default left out, for unplaced.
    #[test]
    fn defaults_spelled_out_are_read_not_refused() {
        let spelled = envelope(json!({
            "opening": "开头",
            "item_style": "ordinal",
            "holding": [],
            "last_year": "",
            "output": {"masthead": "plain", "text_layout": false, "imprint": false, "mark": ""},
            "closing": {"date": "2023年2月17日", "date_input": null, "ending": ""},
            "parts": [{"key": "work", "heading": null, "subsections": [{"id": 1, "title": "一", "lead": "", "item_style": null, "items": []}]}],
        }));
        let plain = envelope(json!({
            "opening": "开头",
            "closing": {"date": "2023年2月17日"},
            "parts": [{"key": "work", "subsections": [{"id": 1, "title": "一", "items": []}]}],
        }));
        assert_eq!(
            decode(&spelled).unwrap().draft,
            decode(&plain).unwrap().draft
        );
    }

    /// A field written twice in one object (a hand-edited or machine-built file) is
    /// refused, not read as one of the two: either would drop the other's text.
    #[test]
    fn a_field_written_twice_is_refused_not_half_read() {
        let text =
            "{\"schema\":2,\"id\":\"x\",\"draft\":{\"opening\":\"甲\",\n\"opening\":\"乙\"}}";
        assert_eq!(
            decode(text),
            Err(DecodeError::RepeatedField { line: 2, column: 1 })
        );
        assert!(decode(text)
            .unwrap_err()
            .to_string()
            .contains("两个同名字段"));
        // The same key in different objects is no repetition.
        assert!(decode(&envelope(
            json!({"header": {"year": "2022"}, "closing": {"date": "2023年2月17日"}, "year": ""})
        ))
        .is_ok());
    }

    /// An unknown field is named where it is, however deep; a field of the wrong type is
    /// still reported before it, even one that comes after it.
    #[test]
    fn an_unknown_field_is_named_where_it_is() {
        assert_eq!(
            decode(&envelope(
                json!({"output": {"masthead": "red", "stamp": "印章"}})
            )),
            Err(DecodeError::UnknownField("draft.output.stamp".into()))
        );
        assert_eq!(
            decode(&envelope(json!({
                "parts": [{"key": "work", "items": [{"id": 1, "lead": "甲"}, {"id": 2, "lead": "乙", "note": "备注"}]}]
            }))),
            Err(DecodeError::UnknownField(
                "draft.parts[0].items[1].note".into()
            ))
        );
        assert!(matches!(
            decode(&envelope(json!({"a_note": "备注", "closing": {"date": 5}}))),
            Err(DecodeError::WrongType { path, .. }) if path == "draft.closing.date"
        ));
    }

    #[test]
    fn a_null_time_is_a_missing_time_not_an_unreadable_draft() {
        let text = r#"{"schema":2,"id":"x","saved_at":null,"draft":{"opening":"四十个字"}}"#;
        let s = decode(text).unwrap();
        assert_eq!((s.saved_at, s.draft.opening.as_str()), (0.0, "四十个字"));
        let mut s = stored();
        s.saved_at = f64::NAN;
        assert_eq!(decode(&encode(&s)).unwrap().saved_at, 0.0);
    }

    /// Issue 12, finding 3: ids near u32::MAX never wrap onto an existing row.
    #[test]
    fn ids_near_the_limit_are_numbered_again() {
        let text = envelope(json!({
            "parts": [{"key": "work", "subsections": [{"id": 4294967295u32, "title": "甲",
                "items": [{"id": 1, "lead": "一"}]}]}],
            "next_id": 4294967295u32}));
        let mut d = decode(&text).unwrap().draft;
        assert!(d.next_id <= crate::model::draft::ID_HEADROOM_LIMIT);
        let list = crate::model::ListRef::Subsection(0, d.parts[0].subsections[0].id);
        for _ in 0..3 {
            d.add_item(list, None).unwrap();
        }
        let all: Vec<u32> = d.ids().collect();
        let unique: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(unique.len(), all.len(), "{all:?}");
        assert!(all.iter().all(|id| *id <= d.next_id));
        assert_eq!(d.parts[0].subsections[0].items[0].lead, "一");
    }

    /// Issue 12, finding 5: parts that do not fit the template are placed, never hidden.
    #[test]
    fn parts_that_do_not_fit_are_placed_or_held() {
        let text = envelope(json!({
        "template": "department-short",
        "parts": [
            {"key": "plan", "lead": "计划引言", "items": [{"id": 1, "lead": "计划一"}]},
            {"key": "work", "items": [{"id": 2, "lead": "散条目", "detail": "在小节之外"}]},
            {"key": "problems", "lead": "问题引言", "subsections": [{"id": 3, "title": "问题小节", "items": [{"id": 4, "detail": "问题细节"}]}]},
            {"key": "extra", "heading": "多出的部分", "lead": "多出的引言", "items": [{"id": 5, "detail": "多出的条目"}]},
            {"key": "work", "lead": "重复部分的文字"}
        ]}));
        let Decoded { stored, held } = decode_placed(&text).unwrap();
        let d = stored.draft;
        let keys: Vec<_> = d.parts.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["work", "problems", "plan"]);
        assert_eq!(d.parts[2].lead, "计划引言");
        assert_eq!(d.parts[2].items[0].lead, "计划一");
        assert_eq!(
            d.parts[0].subsections.last().unwrap().items[0].detail,
            "在小节之外"
        );
        assert_eq!(d.parts[1].items[0].detail, "问题细节");
        assert_eq!(d.parts[1].lead, "问题引言");
        // Text the template shows nowhere is in the holding section, every character of it.
        let holding = d.holding.join("\n");
        for text in [
            "问题小节",
            "多出的部分",
            "多出的引言",
            "多出的条目",
            "重复部分的文字",
        ] {
            assert!(holding.contains(text), "{text} in {holding}");
        }
        assert_eq!(held, d.holding.len());
        assert!(held >= 5);
        // The tool's own drafts never need placing.
        assert_eq!(decode_placed(&encode(&stored_fixture())).unwrap().held, 0);
    }

    fn stored_fixture() -> StoredDraft {
        decode(include_str!("../../tests/fixtures/stored-v1.json")).unwrap()
    }

    #[test]
    fn a_v1_entry_migrates_and_keeps_its_text() {
        let v1 = include_str!("../../tests/fixtures/stored-v1.json");
        let s = decode(v1).unwrap();
        assert_eq!(s.schema, SCHEMA_VERSION);
        assert_eq!(
            (s.id.as_str(), s.revision, s.step.as_str()),
            ("d18c0ffee0001", 7, "part-1")
        );
        assert_eq!(s.draft.name, "");
        assert_eq!(s.draft.header.organ, "某市科学技术局");
        assert_eq!(
            s.draft.parts[0].subsections[0].items[0].detail,
            "主要负责人带头学法。"
        );
        assert_eq!(s.draft.closing.date, "2025-02-20");
        // Re-encoded, it is a current entry that decodes to the same draft.
        assert_eq!(decode(&encode(&s)).unwrap(), s);
    }

    /// serde's derives also took a struct written as the list of its fields and an enum
    /// written as `{"red": null}`; the hand-written reader refuses both (issue 16), with the
    /// path, as it refuses any other wrong type.
    #[test]
    fn structs_are_objects_and_enums_are_names() {
        for (draft, path, expected) in [
            (
                json!({"header": ["某局", "2024"]}),
                "draft.header",
                TYPE_OBJECT,
            ),
            (json!({"parts": [["work"]]}), "draft.parts[0]", TYPE_OBJECT),
            (
                json!({"output": {"masthead": {"red": null}}}),
                "draft.output.masthead",
                TYPE_OTHER,
            ),
            (json!({"item_style": 1}), "draft.item_style", TYPE_OTHER),
            (
                json!({"item_style": "roman"}),
                "draft.item_style",
                TYPE_OTHER,
            ),
            (json!({"holding": ["a", 5]}), "draft.holding", TYPE_TEXT),
            (json!({"next_id": 1.0}), "draft.next_id", TYPE_COUNT),
            (
                json!({"next_id": 4294967296u64}),
                "draft.next_id",
                TYPE_COUNT,
            ),
        ] {
            match decode(&envelope(draft.clone())) {
                Err(DecodeError::WrongType {
                    path: p,
                    expected: e,
                    ..
                }) => {
                    assert_eq!((p.as_str(), e), (path, expected), "{draft}")
                }
                other => panic!("{draft}: {other:?}"),
            }
        }
        // The first wrong field in key order is the one named, as serde's was.
        let e = decode(&envelope(json!({"opening": 1, "header": {"year": 2}}))).unwrap_err();
        assert!(matches!(e, DecodeError::WrongType { path, .. } if path == "draft.header.year"));
    }

    #[test]
    fn missing_fields_default() {
        let s = decode(r#"{"schema":1,"id":"x","draft":{"opening":"开头"}}"#).unwrap();
        assert_eq!(s.draft.opening, "开头");
        assert_eq!(s.revision, 0);
        assert_eq!(s.draft.template, DEFAULT_TEMPLATE_ID);
    }
}
