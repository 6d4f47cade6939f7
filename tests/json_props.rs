//! Differential tests of the tool's own JSON (src/model/json.rs, src/model/draft_json.rs)
//! against serde_json and the model's serde derives, which the wasm no longer carries
//! (issue 16) but which remain the reference here:
//! - the writer gives serde_json's bytes for arbitrary values and arbitrary drafts;
//! - the parser accepts and refuses exactly the texts serde_json does, at the same line and
//!   column, and builds equal values, but for a key repeated in one object: serde_json keeps
//!   the last value, the tool refuses the text (keeping either would drop the other's text);
//! - drafts written by either read back the same (old saves and new ones interchange).

use fazhi_report::model::draft::{Masthead, OutputOptions};
use fazhi_report::model::json::{self, Number, Value};
use fazhi_report::model::numbering::ItemStyle;
use fazhi_report::model::persisted::{decode, encode, StoredDraft, SCHEMA_VERSION};
use fazhi_report::model::template::builtin_templates;
use fazhi_report::model::Draft;
use fazhi_report::storage::backup::{encode_bundle, parse_backup};
use proptest::prelude::*;

/// Ours as serde_json's, for comparing.
fn to_serde(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => (*b).into(),
        Value::Number(Number::U64(n)) => (*n).into(),
        Value::Number(Number::I64(n)) => (*n).into(),
        Value::Number(Number::F64(f)) => serde_json::Number::from_f64(*f)
            .map(serde_json::Value::Number)
            .expect("parsed floats are finite"),
        Value::String(s) => s.as_str().into(),
        Value::Array(a) => a.iter().map(to_serde).collect(),
        Value::Object(m) => {
            serde_json::Value::Object(m.iter().map(|(k, v)| (k.clone(), to_serde(v))).collect())
        }
    }
}

/// Same values, and the same kind of number (serde's `Number` equality would say 1 ≠ 1.0
/// too, but -0.0 = 0.0: the text decides that).
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    to_serde(ours) == *theirs && json::parse(&theirs.to_string()).as_ref() == Ok(ours)
}

fn arb_string() -> BoxedStrategy<String> {
    prop_oneof![
        3 => ".{0,12}",
        2 => "[\u{0}-\u{7f}]{0,12}",
        1 => Just("\"\\/\u{8}\u{c}\n\r\t\u{1}\u{1f}\u{7f}\u{2028}😀".to_string()),
    ]
    .boxed()
}

fn arb_value() -> BoxedStrategy<serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        (-1e6f64..1e6).prop_map(serde_json::Value::from),
        arb_string().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::from),
            prop::collection::btree_map(arb_string(), inner, 0..5)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

/// Text made of JSON's pieces, well and badly put together.
fn arb_text() -> BoxedStrategy<String> {
    const PIECES: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\n",
        "\r\n",
        "\t",
        "\"a\"",
        "\"é\"",
        "\"\\u00e9\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud800x\"",
        "\"\\ud800\\n\"",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"\u{1}\"",
        "\"\\/\"",
        "\"",
        "\\",
        "\\u",
        "1",
        "0",
        "-0",
        "01",
        "-",
        "1.",
        ".5",
        "1.5",
        "1e5",
        "1E+5",
        "1e-5",
        "1e",
        "1e+",
        "1e400",
        "-1e400",
        "1e-400",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890.5",
        "true",
        "false",
        "null",
        "tru",
        "nul",
        "fals",
        "t",
        "x",
        "é",
        "😀",
        "\u{feff}",
        "/",
    ];
    prop_oneof![
        prop::collection::vec(prop::sample::select(PIECES), 0..14).prop_map(|p| p.concat()),
        // A valid text with one piece put in, or one byte taken out.
        (
            arb_value(),
            any::<prop::sample::Index>(),
            prop::sample::select(PIECES),
            any::<bool>()
        )
            .prop_map(|(v, at, piece, cut)| {
                let text = v.to_string();
                let mut cuts: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                let i = cuts.remove(at.index(cuts.len()));
                let next = cuts.into_iter().find(|&j| j > i).unwrap_or(i);
                if cut {
                    format!("{}{}", &text[..i], &text[next..])
                } else {
                    format!("{}{}{}", &text[..i], piece, &text[i..])
                }
            }),
    ]
    .boxed()
}

fn arb_opt_text() -> BoxedStrategy<Option<String>> {
    prop::option::of(arb_string()).boxed()
}

fn arb_style() -> impl Strategy<Value = ItemStyle> {
    prop::sample::select(ItemStyle::ALL.to_vec())
}

/// Any draft, every field and option set or not.
fn arb_stored() -> BoxedStrategy<StoredDraft> {
    let template = prop::sample::select(
        builtin_templates()
            .iter()
            .map(|t| t.id.clone())
            .collect::<Vec<_>>(),
    );
    let output = (
        any::<[bool; 3]>(),
        prop::collection::vec(prop_oneof![3 => Just(String::new()), 1 => arb_string()], 6),
    )
        .prop_map(|([text_layout, bold_leads, red], t)| OutputOptions {
            text_layout,
            bold_leads,
            masthead: if red { Masthead::Red } else { Masthead::Plain },
            mark: t[0].clone(),
            signer: t[1].clone(),
            imprint: red && bold_leads,
            copy_to: t[2].clone(),
            printer: t[3].clone(),
            printed_on: t[4].clone(),
        });
    let items = prop::collection::vec((any::<u32>(), arb_string(), arb_string()), 0..3);
    let subsections = prop::collection::vec(
        (
            any::<u32>(),
            arb_string(),
            arb_string(),
            items.clone(),
            prop::option::of(arb_style()),
        ),
        0..3,
    );
    let parts = prop::collection::vec(
        (
            arb_string(),
            arb_opt_text(),
            arb_string(),
            subsections,
            items,
            prop::option::of(arb_style()),
        ),
        0..4,
    );
    let texts = (
        prop::collection::vec(arb_string(), 8),
        prop::collection::vec(arb_opt_text(), 3),
        prop::collection::vec(arb_string(), 0..3),
    );
    (
        template,
        texts,
        parts,
        output,
        arb_style(),
        (
            any::<u32>(),
            any::<u64>(),
            any::<f64>(),
            prop_oneof![Just(0.0), (0u64..1 << 53).prop_map(|t| t as f64)],
        ),
    )
        .prop_map(
            |(template, (t, o, holding), parts, output, style, (next_id, revision, f, ms))| {
                use fazhi_report::model::draft::{Item, Part, Subsection};
                let item = |(id, lead, detail): (u32, String, String)| Item { id, lead, detail };
                let mut d = Draft {
                    name: t[0].clone(),
                    template,
                    opening: t[1].clone(),
                    next_id,
                    holding,
                    output,
                    item_style: style,
                    last_year: t[2].clone(),
                    ..Draft::default()
                };
                d.header.organ = t[3].clone();
                d.header.year = t[4].clone();
                d.header.doc_number.agency = t[5].clone();
                d.header.title = o[0].clone();
                d.closing.signature = o[1].clone();
                d.closing.date_input = o[2].clone();
                d.closing.note = t[6].clone();
                d.closing.ending = t[7].clone();
                d.parts = parts
                    .into_iter()
                    .map(|(key, heading, lead, subs, items, item_style)| Part {
                        key,
                        heading,
                        lead,
                        subsections: subs
                            .into_iter()
                            .map(|(id, title, lead, items, item_style)| Subsection {
                                id,
                                title,
                                lead,
                                items: items.into_iter().map(item).collect(),
                                item_style,
                            })
                            .collect(),
                        items: items.into_iter().map(item).collect(),
                        item_style,
                    })
                    .collect();
                StoredDraft {
                    schema: SCHEMA_VERSION,
                    id: "d1".into(),
                    revision,
                    saved_at: if f.is_finite() && revision % 2 == 0 {
                        f
                    } else {
                        ms
                    },
                    step: t[2].clone(),
                    draft: d,
                }
            },
        )
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn the_writer_writes_what_serde_json_writes(v in arb_value()) {
        let text = v.to_string();
        let ours = json::parse(&text).expect("serde_json's own text");
        prop_assert_eq!(ours.to_string(), text.clone());
        prop_assert!(same(&ours, &serde_json::from_str(&text).unwrap()), "{}", text);
        let mut s = String::new();
        if let serde_json::Value::String(st) = &v {
            json::write_str(&mut s, st);
            prop_assert_eq!(s, text);
        }
    }

    #[test]
    fn the_parser_accepts_and_refuses_what_serde_json_does(text in arb_text()) {
        let ours = json::parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        match (&ours, &theirs) {
            (Ok(o), Ok(t)) => prop_assert!(same(o, t), "{text:?}: {o:?} / {t:?}"),
            (Err(o), Err(t)) => prop_assert_eq!(
                (o.line, o.column),
                (t.line(), t.column()),
                "{:?}: {:?} / {}", text, o.code, t
            ),
            (Err(o), Ok(_)) if o.code == json::ErrorCode::RepeatedKey => {}
            _ => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }

    #[test]
    fn drafts_are_written_as_serde_wrote_them_and_read_back(s in arb_stored()) {
        let text = encode(&s);
        prop_assert_eq!(&text, &serde_json::to_string(&s).unwrap());
        // serde reads ours as ours reads serde's: the same draft.
        prop_assert_eq!(&serde_json::from_str::<StoredDraft>(&text).unwrap(), &s);
        // decode places parts and repairs ids; what it gives back is a fixed point.
        let once = decode(&text).unwrap();
        prop_assert_eq!(decode(&encode(&once)).unwrap(), once.clone());
        prop_assert_eq!(encode(&once), serde_json::to_string(&once).unwrap());
        // A bundle, as the serde_json Value once wrote it (keys sorted).
        let old_bundle = serde_json::json!({
            "format": "fazhi-report-backup",
            "schema": SCHEMA_VERSION,
            "drafts": [serde_json::to_value(&once).unwrap()],
        })
        .to_string();
        prop_assert_eq!(&encode_bundle(std::slice::from_ref(&once)), &old_bundle);
        prop_assert_eq!(parse_backup(&old_bundle).unwrap(), vec![once]);
    }
}

#[test]
fn a_key_repeated_in_one_object_is_refused_where_serde_json_keeps_the_last() {
    let text = "{\"a\":{\"k\":1,\"j\":[{\"k\":2}],\n  \"k\":3}}";
    let err = json::parse(text).unwrap_err();
    assert_eq!(
        (err.code, err.line, err.column),
        (json::ErrorCode::RepeatedKey, 2, 3)
    );
    let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(theirs["a"]["k"], 3);
    // The same key in nested or sibling objects is no repetition.
    assert!(json::parse("{\"k\":{\"k\":1},\"j\":{\"k\":2}}").is_ok());
}

#[test]
fn nesting_stops_where_serde_json_stops() {
    for depth in [1, 126, 127, 128, 129, 300] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            let ours = json::parse(&text);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{depth} {open}");
            if let (Err(o), Err(t)) = (ours, theirs) {
                assert_eq!((o.line, o.column), (t.line(), t.column()));
            }
        }
    }
}

#[test]
fn numbers_read_as_serde_json_reads_them() {
    for text in [
        "0",
        "-0",
        "1",
        "-1",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "1.0",
        "1e16",
        "1.5e-7",
        "0.1",
        "1733000000000",
        "1733000000000.5",
        "2.2250738585072014e-308",
        "5e-324",
        "1e-400",
        "-1e-400",
        "1.7976931348623157e308",
    ] {
        let ours = json::parse(text).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert!(same(&ours, &theirs), "{text}: {ours:?} / {theirs:?}");
        // Display as serde_json's (the decoder's messages quote numbers).
        if let (Value::Number(o), serde_json::Value::Number(t)) = (&ours, &theirs) {
            assert_eq!(o.to_string(), t.to_string());
        }
    }
}

#[test]
fn the_text_generator_reaches_both_outcomes_and_many_errors() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut ok, mut codes) = (0, std::collections::BTreeSet::new());
    for _ in 0..3000 {
        match json::parse(&arb_text().new_tree(&mut runner).unwrap().current()) {
            Ok(_) => ok += 1,
            Err(e) => {
                codes.insert(format!("{:?}", e.code));
            }
        }
    }
    assert!(ok > 100, "only {ok} texts parsed");
    assert!(codes.len() >= 14, "{codes:?}");
}
