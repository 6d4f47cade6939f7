//! The output step's 版头 and 版记 choices are kept with the draft, absent from its JSON
//! while left at their defaults, so older files and other tools read and write it as before.

use fazhi_report::model::draft::{Draft, Masthead, OutputOptions};

#[test]
fn defaults_leave_no_trace_and_choices_round_trip() {
    let json = serde_json::to_string(&Draft::default()).unwrap();
    assert!(!json.contains("\"output\""), "{json}");
    let mut d = Draft::default();
    d.output.masthead = Masthead::Red;
    d.output.signer = "王某".into();
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(
        json["output"],
        serde_json::json!({ "text_layout": false, "bold_leads": false, "masthead": "red", "signer": "王某" })
    );
    let back: Draft = serde_json::from_value(json).unwrap();
    assert_eq!(back.output, d.output);
    // A file written before these choices existed.
    let old: OutputOptions = serde_json::from_str(r#"{"bold_leads":true}"#).unwrap();
    assert_eq!(old.masthead, Masthead::Plain);
    assert!(old.bold_leads && !old.imprint && old.copy_to.is_empty());
}
