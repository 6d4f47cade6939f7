//! Property tests over the whole decode path (issue 12, "go further"): arbitrary JSON in
//! the draft's shape, arbitrary ids and revisions, arbitrary storage contents.
//! - nothing panics;
//! - nothing is silently dropped: a draft that decodes keeps every character the input
//!   held (in its fields or its holding section), and one that does not is refused with a
//!   Chinese reason that passes on no serde text;
//! - what decodes has unique ids with room to grow and its template's parts in order, and a
//!   round trip (encode → decode) gives back the same draft with nothing more to place;
//! - storage: every entry is either listed or kept aside byte for byte, never lost.

use std::collections::BTreeMap;

use fazhi_report::model::draft::ID_HEADROOM_LIMIT;
use fazhi_report::model::persisted::{decode, decode_placed, encode, DecodeError};
use fazhi_report::model::template::builtin_templates;
use fazhi_report::model::Draft;
use fazhi_report::storage::memory::MemoryStore;
use fazhi_report::storage::{DraftRepository, KeyValueStore, LoadOutcome};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

fn arb_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,8}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(".{0,5}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

/// Writer's text: plain, hostile, whitespace, placeholders, astral characters.
fn arb_text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => ".{0,24}",
        1 => Just(String::new()),
        1 => Just("  \n ".to_string()),
        1 => Just("{organ}{year}{next_year}局".to_string()),
        1 => Just("<script>alert(1)</script>\u{0}\u{202e}😀👍🏽\"\\".to_string()),
    ]
    .boxed()
}

/// An id as a file may carry it: small, huge, repeated, or of a wrong type.
fn arb_id() -> BoxedStrategy<Value> {
    prop_oneof![
        6 => (1u32..40).prop_map(Value::from),
        2 => prop_oneof![Just(u32::MAX), Just(u32::MAX - 1), Just(i32::MAX as u32), Just(0)].prop_map(Value::from),
        1 => any::<u32>().prop_map(Value::from),
        1 => or_junk(Just(Value::from(7))),
    ].boxed()
}

/// A field's value: mostly what it should be, sometimes anything.
fn or_junk<S: Strategy<Value = Value> + 'static>(good: S) -> BoxedStrategy<Value> {
    prop_oneof![60 => good, 1 => arb_json()].boxed()
}

fn text_value() -> BoxedStrategy<Value> {
    or_junk(arb_text().prop_map(Value::from)).boxed()
}

fn arb_item() -> BoxedStrategy<Value> {
    (arb_id(), text_value(), text_value())
        .prop_map(|(id, lead, detail)| json!({"id": id, "lead": lead, "detail": detail}))
        .boxed()
}

fn arb_items() -> BoxedStrategy<Value> {
    or_junk(prop::collection::vec(arb_item(), 0..4).prop_map(Value::from)).boxed()
}

fn arb_subsection() -> BoxedStrategy<Value> {
    (arb_id(), text_value(), text_value(), arb_items()).prop_map(|(id, title, lead, items)| {
        json!({"id": id, "title": title, "lead": lead, "items": items})
    })
        .boxed()
}

fn arb_part() -> BoxedStrategy<Value> {
    let key = prop_oneof![
        Just("work"),
        Just("problems"),
        Just("plan"),
        Just("duties"),
        Just("extra"),
        Just("")
    ];
    let heading = prop_oneof![Just(Value::Null), text_value()];
    (
        key,
        heading,
        text_value(),
        or_junk(prop::collection::vec(arb_subsection(), 0..3).prop_map(Value::from)),
        arb_items(),
    )
        .prop_map(|(key, heading, lead, subsections, items)| {
            json!({"key": key, "heading": heading, "lead": lead, "subsections": subsections, "items": items})
        }).boxed()
}

/// A draft's JSON, its shape mostly right and sometimes wrong anywhere.
fn arb_draft_value() -> BoxedStrategy<Value> {
    let template = prop_oneof![
        Just(Value::from("department-short")),
        Just(Value::from("five-items")),
        Just(Value::from("national-plan")),
        Just(Value::from("")),
        Just(Value::from("department-short")),
        Just(Value::from("county-long")),
    ];
    let header = (text_value(), text_value(), text_value(), text_value(), prop_oneof![Just(Value::Null), text_value()])
        .prop_map(|(organ, year, agency, serial, title)| {
            json!({"organ": organ, "year": year, "doc_number": {"agency": agency, "year": "", "serial": serial}, "title": title})
        });
    let closing = (
        prop_oneof![Just(Value::Null), text_value()],
        text_value(),
        text_value(),
    )
        .prop_map(
            |(signature, date, note)| json!({"signature": signature, "date": date, "note": note}),
        );
    let extra = prop_oneof![
        20 => Just(None),
        1 => (".{1,6}", arb_json()).prop_map(Some),
    ];
    (
        template,
        text_value(),
        header,
        text_value(),
        or_junk(prop::collection::vec(arb_part(), 0..6).prop_map(Value::from)),
        closing,
        arb_id(),
        or_junk(prop::collection::vec(arb_text().prop_map(Value::from), 0..3).prop_map(Value::from)),
        extra,
    )
        .prop_map(|(template, name, header, opening, parts, closing, next_id, holding, extra)| {
            let mut d = json!({"name": name, "template": template, "header": header, "opening": opening,
                "parts": parts, "closing": closing, "next_id": next_id, "holding": holding});
            if let (Some((k, v)), Value::Object(map)) = (extra, &mut d) {
                map.insert(k, v);
            }
            d
        }).boxed()
}

fn arb_envelope() -> BoxedStrategy<Value> {
    (
        prop_oneof![16 => Just(Value::from(2)), 4 => Just(Value::from(1)), 1 => arb_json()],
        or_junk(prop_oneof![Just(Value::from("d18c0ffee0001")), "[a-z0-9]{1,12}".prop_map(Value::from)]),
        or_junk(any::<u64>().prop_map(Value::from)),
        prop_oneof![8 => any::<u32>().prop_map(|t| Value::from(t as f64 * 1000.0)), 1 => Just(Value::Null), 1 => or_junk(Just(Value::from(0)))],
        or_junk(Just(Value::from("opening"))),
        arb_draft_value(),
    )
        .prop_map(|(schema, id, revision, saved_at, step, draft)| {
            json!({"schema": schema, "id": id, "revision": revision, "saved_at": saved_at, "step": step, "draft": draft})
        }).boxed()
}

/// Every non-blank string the writer could have typed, trimmed (keys and the template name
/// are structure, not text).
fn typed_strings(v: &Value, key: &str, out: &mut Vec<String>) {
    match v {
        Value::String(s) if !matches!(key, "key" | "template") && !s.trim().is_empty() => {
            out.push(s.trim().to_string())
        }
        Value::Array(a) => a.iter().for_each(|x| typed_strings(x, key, out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| typed_strings(x, k, out)),
        _ => {}
    }
}

fn ids(d: &Draft) -> Vec<u32> {
    d.ids().collect()
}

fn is_chinese_reason(m: &str) -> bool {
    m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && ![
            "invalid type",
            "expected",
            "missing field",
            "unknown variant",
            "at line",
            "Error(",
        ]
        .iter()
        .any(|raw| m.contains(raw))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_draft_shaped_json_is_kept_whole_or_refused_in_chinese(envelope in arb_envelope()) {
        let text = envelope.to_string();
        match decode_placed(&text) {
            Err(e) => prop_assert!(is_chinese_reason(&e.to_string()), "{e:?}: {e}"),
            Ok(decoded) => {
                let d = &decoded.stored.draft;
                // Every character typed came through, in a field or the holding section.
                let mut kept = vec![];
                typed_strings(&serde_json::to_value(d).unwrap(), "", &mut kept);
                let kept = kept.join("\u{1}");
                let mut typed = vec![];
                typed_strings(&envelope["draft"], "", &mut typed);
                for t in typed {
                    prop_assert!(kept.contains(&t), "{t:?} lost; kept: {kept:?}");
                }
                // Unique ids, none above next_id, room to grow.
                let all = ids(d);
                let mut unique = all.clone();
                unique.sort_unstable();
                unique.dedup();
                prop_assert_eq!(unique.len(), all.len());
                prop_assert!(all.iter().all(|id| *id <= d.next_id));
                prop_assert!(d.next_id <= ID_HEADROOM_LIMIT.saturating_add(1) || all.is_empty() && d.next_id <= ID_HEADROOM_LIMIT);
                // The template's parts, in its order.
                let template = builtin_templates().iter().find(|t| t.id == d.template).unwrap();
                let keys: Vec<_> = d.parts.iter().map(|p| p.key.clone()).collect();
                let want: Vec<_> = template.parts.iter().map(|p| p.key.clone()).collect();
                prop_assert_eq!(keys, want);
                prop_assert_eq!(decoded.held, d.holding.len() - envelope["draft"]["holding"].as_array().map_or(0, Vec::len));
                // Round trip: the same draft, nothing more to place.
                let again = decode_placed(&encode(&decoded.stored)).unwrap();
                prop_assert_eq!(again.held, 0);
                prop_assert_eq!(again.stored, decoded.stored);
            }
        }
    }

    #[test]
    fn any_text_at_all_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Err(e) = decode(&String::from_utf8_lossy(&bytes)) {
            prop_assert!(is_chinese_reason(&e.to_string()), "{e}");
        }
    }

    #[test]
    fn adding_rows_after_any_ids_never_collides(envelope in arb_envelope(), adds in 1usize..6) {
        if let Ok(stored) = decode(&envelope.to_string()) {
            let mut d = stored.draft;
            let list = d.parts.iter().enumerate().find_map(|(p, part)| {
                part.subsections.first().map(|s| fazhi_report::model::ListRef::Subsection(p, s.id))
            }).unwrap_or(fazhi_report::model::ListRef::Part(0));
            for _ in 0..adds {
                d.add_item(list, None);
                d.add_subsection(0, String::new());
            }
            let all = ids(&d);
            let mut unique = all.clone();
            unique.sort_unstable();
            unique.dedup();
            prop_assert_eq!(unique.len(), all.len(), "{:?}", all);
        }
    }

    /// Whatever localStorage holds under the tool's keys, listing and loading never panic,
    /// and every entry is either readable or kept aside byte for byte.
    #[test]
    fn any_storage_contents_are_listed_or_kept_aside(
        entries in prop::collection::btree_map(
            "[a-z0-9]{1,6}",
            prop_oneof![
                arb_envelope().prop_map(|v| v.to_string()),
                arb_json().prop_map(|v| v.to_string()),
                ".{0,30}",
            ],
            0..6,
        ),
        current in prop::option::of("[a-z0-9]{1,6}"),
    ) {
        let store = MemoryStore::default();
        let repo = DraftRepository::new(store.clone(), "ns");
        for (id, raw) in &entries {
            store.set(&repo.draft_key(id), raw).unwrap();
        }
        if let Some(c) = &current {
            store.set(&repo.current_key(), c).unwrap();
        }
        let listed = repo.list().unwrap();
        for s in &listed {
            prop_assert!(entries.contains_key(&s.id));
        }
        match repo.load_current(7.0).unwrap() {
            LoadOutcome::Fresh => prop_assert!(current.as_ref().is_none_or(|c| !entries.contains_key(c))),
            LoadOutcome::Restored(s) => {
                let c = current.clone().unwrap();
                prop_assert_eq!(s.id == c || decode(&entries[&c]).is_ok(), true);
            }
            LoadOutcome::Unreadable { kept_as, raw, error } => {
                let c = current.clone().unwrap();
                prop_assert_eq!(&raw, &entries[&c]);
                prop_assert_eq!(store.get(&kept_as).unwrap(), Some(raw.clone()));
                prop_assert!(is_chinese_reason(&error.to_string()));
            }
        }
        // Nothing vanished: every original text is still somewhere in storage.
        let values: Vec<String> = KeyValueStore::keys(&store).unwrap().iter()
            .filter_map(|k| store.get(k).unwrap()).collect();
        for raw in entries.values() {
            prop_assert!(values.contains(raw));
        }
    }
}

#[test]
fn the_generators_reach_both_outcomes() {
    // A guard against a generator that only ever produces refusals (or only successes),
    // which would make the properties above vacuous.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut ok, mut held, mut refused) = (0, 0, BTreeMap::<String, usize>::new());
    for _ in 0..400 {
        let v = arb_envelope().new_tree(&mut runner).unwrap().current();
        match decode_placed(&v.to_string()) {
            Ok(d) => {
                ok += 1;
                held += usize::from(d.held > 0);
            }
            Err(e) => {
                let kind = format!("{e:?}");
                *refused
                    .entry(kind.split([' ', '(', '{']).next().unwrap().to_string())
                    .or_default() += 1;
            }
        }
    }
    eprintln!("decoded {ok}, placed {held}, refused {refused:?}");
    assert!(ok > 40, "only {ok} drafts decoded");
    assert!(held > 10, "only {held} drafts needed placing");
    for kind in ["WrongType", "UnknownTemplate", "NotADraft"] {
        assert!(
            refused.contains_key(kind),
            "{kind} never produced: {refused:?}"
        );
    }
    let _ = (Map::<String, Value>::new(), DecodeError::BadId);
}
