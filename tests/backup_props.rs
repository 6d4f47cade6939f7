//! Property tests of the backup-file reader: arbitrary bytes and arbitrary JSON never panic
//! and give a clear error or valid drafts; export → import gives back the same drafts.

use fazhi_report::model::persisted::DecodeError;
use fazhi_report::model::persisted::{encode, StoredDraft, SCHEMA_VERSION};
use fazhi_report::model::template::builtin_templates;
use fazhi_report::model::Draft;
use fazhi_report::storage::backup::{encode_bundle, parse_backup, BackupError};
use proptest::prelude::*;

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::hash_map(
                prop_oneof![
                    Just("schema".to_string()),
                    Just("draft".to_string()),
                    Just("id".to_string()),
                    Just("format".to_string()),
                    Just("drafts".to_string()),
                    ".{0,6}".prop_map(|s| s)
                ],
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Text including what hostile or careless input brings: markup, controls, RTL marks, emoji.
fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        Just("<script>alert(1)</script><img src=x onerror=alert(2)>".to_string()),
        Just("\u{0}\u{7}\u{1b}[31m\u{202e}\u{200f}右到左 😀👍🏽 \"'\\".to_string()),
    ]
}

fn arb_draft() -> impl Strategy<Value = StoredDraft> {
    (
        arb_text(),
        arb_text(),
        arb_text(),
        arb_text(),
        prop::collection::vec((arb_text(), arb_text()), 0..4),
        any::<u32>(),
    )
        .prop_map(|(organ, opening, lead, title, items, rev)| {
            let mut d = Draft::new(&builtin_templates()[0]);
            d.header.organ = organ;
            d.opening = opening;
            d.parts[1].lead = lead;
            d.parts[0].subsections[0].title = title;
            for (l, det) in items {
                let id = d
                    .add_item(fazhi_report::model::ListRef::Part(2), None)
                    .unwrap();
                let it = d
                    .item_mut(fazhi_report::model::ListRef::Part(2), id)
                    .unwrap();
                it.lead = l;
                it.detail = det;
            }
            StoredDraft {
                schema: SCHEMA_VERSION,
                id: format!("d{rev}"),
                revision: rev as u64,
                saved_at: rev as f64,
                step: "header".into(),
                draft: d,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        match parse_backup(&text) {
            Ok(drafts) => prop_assert!(!drafts.is_empty()),
            // Random bytes are (almost always) not JSON, or JSON that is not a draft.
            Err(e) => prop_assert!(
                matches!(
                    &e,
                    BackupError::Draft { index: None, error: DecodeError::NotJson { .. } | DecodeError::NotADraft }
                ),
                "{e:?}"
            ),
        }
    }

    #[test]
    fn arbitrary_json_never_panics(value in arb_json()) {
        match parse_backup(&value.to_string()) {
            Ok(drafts) => prop_assert!(!drafts.is_empty()),
            Err(e) => {
                prop_assert!(!matches!(e, BackupError::TooLarge(_)), "{e:?}");
                let m = e.to_string();
                prop_assert!(m.contains("无法导入") || m.contains("没有草稿"), "{m}");
                prop_assert!(!m.contains("invalid type") && !m.contains("expected"), "serde text passed on: {m}");
            }
        }
    }

    #[test]
    fn export_then_import_gives_back_the_same_draft(d in arb_draft()) {
        prop_assert_eq!(parse_backup(&encode(&d)).unwrap(), vec![d.clone()]);
        prop_assert_eq!(parse_backup(&encode_bundle(std::slice::from_ref(&d))).unwrap(), vec![d]);
    }
}
