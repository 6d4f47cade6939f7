//! Format rules: 发文字号, 报告年度, 成文日期 and the deadlines.

use super::{Code, Finding, Severity};
use crate::model::date::{parse_date, parse_iso_date};
use crate::model::field::FieldRef;
use crate::model::Draft;

pub fn check(draft: &Draft, out: &mut Vec<Finding>) {
    let h = &draft.header;
    let dn = &h.doc_number;
    // Read as they show: invisible characters have their own finding, with its fix.
    let shown = |s: &str| {
        crate::render::without_invisible(s, false)
            .trim()
            .to_string()
    };
    let agency = dn.agency.trim();
    let serial = shown(&dn.serial);
    let doc_year = shown(&dn.year);
    let year = shown(&h.year);

    if h.organ.trim().is_empty() {
        out.push(Finding::new(
            Code::OrganMissing,
            Severity::ToFill,
            FieldRef::Organ,
            "尚未填写发文机关。",
        ));
    }
    if year.is_empty() {
        out.push(Finding::new(
            Code::YearMissing,
            Severity::ToFill,
            FieldRef::Year,
            "尚未填写报告年度。",
        ));
    }

    if agency.contains(['[', ']', '【', '】', '〔', '〕', '(', ')', '（', '）'])
        || agency.ends_with('号')
    {
        out.push(Finding::new(
            Code::DocNumberAgency,
            Severity::Error,
            FieldRef::DocAgency,
            format!("机关代字“{agency}”中含有括号、年份或“号”字。这里只填代字（如“张科发”），六角括号〔〕、年份和“号”由工具加上。"),
        ));
    }
    if !agency.is_empty() && serial.is_empty() {
        // A cleared serial (年份前移 clears it) would print as "张科发〔2024〕号".
        out.push(Finding::new(
            Code::DocNumberSerialMissing,
            Severity::ToFill,
            FieldRef::DocSerial,
            format!(
                "发文字号缺少序号：现在会写成“{agency}〔{}〕号”。签发时请填写序号。",
                draft.doc_number_year()
            ),
        ));
    }
    if !serial.is_empty() {
        if !serial.chars().all(|c| c.is_ascii_digit()) {
            out.push(Finding::new(
                Code::DocNumberSerial,
                Severity::Error,
                FieldRef::DocSerial,
                format!("发文字号序号“{serial}”应只含阿拉伯数字，如“5”。"),
            ));
        } else if serial.len() > 1 && serial.starts_with('0') {
            let plain = serial.trim_start_matches('0');
            out.push(Finding::new(
                Code::DocNumberLeadingZero,
                Severity::Error,
                FieldRef::DocSerial,
                format!("发文字号序号不编虚位：应写“{plain}号”，不写“{serial}号”（GB/T 9704）。"),
            ));
        }
    }
    let four_digits = doc_year.len() == 4 && doc_year.chars().all(|c| c.is_ascii_digit());
    if !doc_year.is_empty() && !four_digits {
        out.push(Finding::new(
            Code::DocNumberYear,
            Severity::Error,
            FieldRef::DocYear,
            format!("发文字号中的年份“{doc_year}”应为四位阿拉伯数字，年份写全，如“2023”。"),
        ));
    }
    if !year.is_empty() && crate::model::draft::year_of(&year).is_none() {
        out.push(Finding::new(
            Code::ReportingYear,
            Severity::Error,
            FieldRef::Year,
            format!("报告年度“{year}”应为四位阿拉伯数字，如“2022”。"),
        ));
    }

    if let Some(typed) = draft.closing.date_input.as_deref() {
        let typed = shown(typed);
        if let Err(e) = parse_date(&typed) {
            out.push(Finding::new(
                Code::DateInvalid,
                Severity::Error,
                FieldRef::Date,
                format!("成文日期“{typed}”不是有效日期：{e}"),
            ));
        }
        return;
    }
    let Some((y, m, d)) = parse_iso_date(&draft.closing.date) else {
        if draft.closing.date.trim().is_empty() {
            out.push(Finding::new(
                Code::DateMissing,
                Severity::ToFill,
                FieldRef::Date,
                "尚未填写成文日期（领导签发的日期）。",
            ));
        }
        return;
    };
    let date_text = format!("{y}年{m}月{d}日");
    let has_agency = !agency.is_empty() || !serial.is_empty();
    let effective_doc_year = draft.doc_number_year();
    if has_agency {
        if let Ok(doc_y) = effective_doc_year.parse::<i32>() {
            if doc_y != y {
                out.push(Finding::new(
                    Code::DocYearVsDate,
                    Severity::Warning,
                    FieldRef::Date,
                    format!("发文字号年份〔{doc_y}〕与成文日期{date_text}的年份不一致，其中一处可能是笔误。"),
                ));
            }
        }
    }
    if let Some(report_y) = h.reporting_year() {
        if y != report_y + 1 {
            let expected = report_y + 1;
            let hint = if y <= report_y {
                format!("报告的是{report_y}年的工作，成文日期应在其后，通常是{expected}年年初（如{expected}年{m}月{d}日）。")
            } else {
                format!("按规定{report_y}年度的报告应于{expected}年3月1日前报送。")
            };
            out.push(Finding::new(
                Code::DateVsReportingYear,
                Severity::Warning,
                FieldRef::Date,
                format!("成文日期{date_text}与报告年度{report_y}不符：{hint}请核对是否笔误。"),
            ));
        } else if (m, d) > (4, 1) {
            out.push(Finding::new(
                Code::DateAfterPublicationDeadline,
                Severity::Warning,
                FieldRef::Date,
                format!("成文日期{date_text}晚于4月1日：年度报告应于3月1日前报送，并于4月1日前向社会公开。"),
            ));
        } else if (m, d) > (3, 1) {
            out.push(Finding::new(
                Code::DateAfterDeadline,
                Severity::Warning,
                FieldRef::Date,
                format!("成文日期{date_text}晚于3月1日：年度报告应于每年3月1日前报送本级党委、政府和上一级主管部门。"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::check as check_all;
    use crate::model::template::builtin_templates;
    use crate::model::Draft;

    fn draft() -> Draft {
        let mut d = Draft::new(&builtin_templates()[0]);
        d.header.organ = "某局".into();
        d.header.year = "2022".into();
        d.header.doc_number.agency = "某发".into();
        d.header.doc_number.serial = "5".into();
        d.closing.date = "2023-02-17".into();
        d
    }

    fn codes(d: &Draft) -> Vec<&'static str> {
        let mut c: Vec<_> = check_all(&builtin_templates()[0], d)
            .into_iter()
            .map(|f| f.code.as_str())
            .filter(|code| {
                code.starts_with("doc") || code.starts_with("date") || *code == "reporting-year"
            })
            .collect();
        c.sort();
        c
    }

    #[test]
    fn clean_header_and_date_are_silent() {
        assert!(codes(&draft()).is_empty(), "{:?}", codes(&draft()));
    }

    #[test]
    fn doc_number_rules() {
        let mut d = draft();
        d.header.doc_number.serial = "05".into();
        assert_eq!(codes(&d), ["doc-number-leading-zero"]);
        d.header.doc_number.serial = "五".into();
        assert_eq!(codes(&d), ["doc-number-serial"]);
        let mut d = draft();
        d.header.doc_number.agency = "某发[2023]".into();
        assert_eq!(codes(&d), ["doc-number-agency"]);
        let mut d = draft();
        d.header.doc_number.year = "23".into();
        assert!(codes(&d).contains(&"doc-number-year"));
    }

    #[test]
    fn date_rules() {
        let mut d = draft();
        d.closing.date = "2022-02-17".into(); // the sample's slip
        assert_eq!(codes(&d), ["date-vs-reporting-year", "doc-year-vs-date"]);
        d.closing.date = "2023-03-10".into();
        assert_eq!(codes(&d), ["date-after-deadline"]);
        d.closing.date = "2023-04-02".into();
        assert_eq!(codes(&d), ["date-after-publication-deadline"]);
        d.closing.date = "2023-03-01".into();
        assert!(codes(&d).is_empty(), "1 March itself is in time");
        d.closing.date = String::new();
        assert_eq!(codes(&d), ["date-missing"]);
        d.header.year = "二〇二二".into();
        d.closing.date = "2023-02-17".into();
        assert_eq!(codes(&d), ["reporting-year"]);
    }

    #[test]
    fn a_missing_serial_and_an_invalid_typed_date_are_flagged() {
        let mut d = draft();
        d.header.doc_number.serial = "  ".into();
        assert_eq!(codes(&d), ["doc-number-serial-missing"]);
        let f = check_all(&builtin_templates()[0], &d)
            .into_iter()
            .find(|f| f.code == super::Code::DocNumberSerialMissing)
            .unwrap();
        assert_eq!(f.severity, super::Severity::ToFill);
        assert!(f.message.contains("某发〔2023〕号"), "{}", f.message);
        // No agency, no serial: no document number at all, nothing to flag.
        d.header.doc_number.agency.clear();
        assert_eq!(codes(&d), Vec::<&str>::new());

        let mut d = draft();
        d.closing.date = String::new();
        d.closing.date_input = Some("2023年2月30日".into());
        assert_eq!(codes(&d), ["date-invalid"]);
        let f = check_all(&builtin_templates()[0], &d)
            .into_iter()
            .find(|f| f.code == super::Code::DateInvalid)
            .unwrap();
        assert_eq!(f.severity, super::Severity::Error);
        assert!(f.message.contains("2023年2月没有30日"), "{}", f.message);
    }

    #[test]
    fn after_a_year_shift_the_serial_and_date_are_to_fill_and_an_old_date_is_flagged() {
        let mut d = draft();
        assert!(d.advance_year());
        assert_eq!(codes(&d), ["date-missing", "doc-number-serial-missing"]);
        // A date left from the previous cycle (the year reported on, not the year after).
        d.header.doc_number.serial = "3".into();
        d.closing.date = "2023-02-17".into();
        assert_eq!(codes(&d), ["date-vs-reporting-year", "doc-year-vs-date"]);
        d.closing.date = "2024-02-20".into();
        assert!(codes(&d).is_empty(), "{:?}", codes(&d));
    }

    #[test]
    fn a_new_draft_has_things_to_fill_not_warnings() {
        let found = check_all(
            &builtin_templates()[0],
            &Draft::new(&builtin_templates()[0]),
        );
        assert!(!found.is_empty());
        assert!(
            found.iter().all(|f| f.severity == super::Severity::ToFill),
            "{found:?}"
        );
    }

    #[test]
    fn invisible_characters_in_year_serial_date_and_output_fields_get_the_fix_not_a_format_error() {
        use super::super::{apply_fix, Code, Fix};
        use crate::model::draft::Masthead;
        use crate::model::field::FieldRef;
        let t = &builtin_templates()[0];
        let mut d = draft();
        d.header.year = "2022\u{200B}".into();
        d.header.doc_number.serial = "\u{FEFF}5".into();
        d.header.doc_number.year = "2023\u{2060}".into();
        d.set_text(FieldRef::Date, "2023\u{200B}年2月17日".into());
        d.output.mark = "某局\u{200D}".into();
        d.output.copy_to = "市司法局\u{3164}".into();
        let invisible = |d: &Draft| -> Vec<FieldRef> {
            check_all(t, d)
                .into_iter()
                .filter(|f| f.code == Code::InvisibleCharacters)
                .map(|f| f.field)
                .collect()
        };
        // Unused 红头 and 版记 fields are not checked (nor shown, nor printed).
        assert_eq!(
            invisible(&d),
            [
                FieldRef::Year,
                FieldRef::DocYear,
                FieldRef::DocSerial,
                FieldRef::Date
            ]
        );
        assert_eq!(codes(&d), Vec::<&str>::new());
        d.output.masthead = Masthead::Red;
        d.output.imprint = true;
        let fields = invisible(&d);
        assert_eq!(fields.len(), 6);
        assert!(fields.contains(&FieldRef::Mark) && fields.contains(&FieldRef::CopyTo));
        for field in fields {
            apply_fix(t, &mut d, Fix::RemoveInvisible(field));
        }
        assert!(invisible(&d).is_empty());
        assert_eq!(d.header.reporting_year(), Some(2022));
        assert_eq!(
            (d.closing.date.as_str(), d.closing.date_input.clone()),
            ("2023-02-17", None)
        );
        assert_eq!(
            (d.output.mark.as_str(), d.output.copy_to.as_str()),
            ("某局", "市司法局")
        );
        assert_eq!(codes(&d), Vec::<&str>::new());
        // Still wrong once the invisible characters are gone: both findings.
        d.header.year = "二〇二二\u{200B}".into();
        d.header.doc_number.serial = "05\u{200B}".into();
        d.set_text(FieldRef::Date, "2023\u{200B}年2月30日".into());
        assert_eq!(
            invisible(&d),
            [FieldRef::Year, FieldRef::DocSerial, FieldRef::Date]
        );
        assert_eq!(
            codes(&d),
            ["date-invalid", "doc-number-leading-zero", "reporting-year"]
        );
        let messages: String = check_all(t, &d).into_iter().map(|f| f.message).collect();
        assert!(messages.contains("报告年度“二〇二二”"), "{messages}");
        assert!(messages.contains("成文日期“2023年2月30日”"), "{messages}");
    }
}
