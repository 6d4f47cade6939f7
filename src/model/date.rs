//! Dates in one place: reading what a clerk types into 成文日期, the stored ISO form, and
//! the Chinese form the report prints (GB/T 9704: Arabic numerals, full year, no padding:
//! 2023年2月17日).
//!
//! The reader accepts the ways clerks write dates ("2023年2月17日", "2023-2-17",
//! "2023.2.17", "2023/02/17", "20230217", with full-width digits too) and never guesses:
//! a two-digit year, a 13th month or a 30 February is refused with the reason.

use std::fmt;

/// A calendar date that exists (checked on construction).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Why a text is not a date. Messages (Chinese) are in `strings::date_error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not written in any of the accepted forms.
    Unrecognised,
    /// The year is not written out in four digits (23年2月17日).
    ShortYear,
    /// The year is outside 1000–9999.
    YearOutOfRange(i32),
    /// There is no such month (13).
    NoSuchMonth(u32),
    /// The month has no such day (2023年2月30日).
    NoSuchDay { year: i32, month: u32, day: u32 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::strings::date_error(*self))
    }
}

impl std::error::Error for DateError {}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        if !(1000..=9999).contains(&year) {
            return Err(DateError::YearOutOfRange(year));
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::NoSuchMonth(month));
        }
        if day < 1 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay { year, month, day });
        }
        Ok(Date { year, month, day })
    }

    /// "2023-02-17": the stored form (the backup format's dates).
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "2023年2月17日": the printed form.
    pub fn chinese(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// The same day a year later (29 February becomes 28 February).
    pub fn next_year(self) -> Date {
        let day = self.day.min(days_in_month(self.year + 1, self.month));
        Date {
            year: self.year + 1,
            day,
            ..self
        }
    }
}

/// Reads the stored ISO form `YYYY-MM-DD` (also unpadded); `None` if it is not a real date.
pub fn parse_iso_date(iso: &str) -> Option<(i32, u32, u32)> {
    let mut it = iso.trim().splitn(3, '-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    Date::new(y, m, d).ok().map(|x| (x.year, x.month, x.day))
}

/// "2022-02-17" → "2022年2月17日".
pub fn chinese_date(iso: &str) -> Option<String> {
    let (y, m, d) = parse_iso_date(iso)?;
    Some(format!("{y}年{m}月{d}日"))
}

/// Full-width digits and separators to their ASCII forms; spaces dropped.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '－' | '—' | '–' => '-',
            '．' | '。' => '.',
            '／' => '/',
            other => other,
        })
        .collect()
}

/// Reads a date as a clerk types it. Empty text is `Ok(None)` (no date yet).
pub fn parse_date(text: &str) -> Result<Option<Date>, DateError> {
    let t = normalise(text);
    if t.is_empty() {
        return Ok(None);
    }
    let (body, had_day_mark) = match t.strip_suffix('日') {
        Some(body) => (body, true),
        None => (t.as_str(), false),
    };
    let numbers: Vec<&str> = if body.contains('年') || body.contains('月') {
        // 2023年2月17日 (the 日 may be left off): 年 then 月, digits around them.
        let (y, rest) = body.split_once('年').ok_or(DateError::Unrecognised)?;
        let (m, d) = rest.split_once('月').ok_or(DateError::Unrecognised)?;
        vec![y, m, d]
    } else if had_day_mark {
        return Err(DateError::Unrecognised);
    } else if body.len() == 8 && body.chars().all(|c| c.is_ascii_digit()) {
        // 20230217
        vec![&body[..4], &body[4..6], &body[6..]]
    } else {
        let sep = body
            .chars()
            .find(|c| matches!(c, '-' | '.' | '/'))
            .ok_or(DateError::Unrecognised)?;
        body.split(sep).collect()
    };
    if numbers.len() != 3 {
        return Err(DateError::Unrecognised);
    }
    if numbers
        .iter()
        .any(|n| n.is_empty() || n.len() > 4 || !n.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(DateError::Unrecognised);
    }
    if numbers[0].len() != 4 {
        return Err(DateError::ShortYear);
    }
    if numbers[1].len() > 2 || numbers[2].len() > 2 {
        return Err(DateError::Unrecognised);
    }
    let year: i32 = numbers[0].parse().map_err(|_| DateError::Unrecognised)?;
    let month: u32 = numbers[1].parse().map_err(|_| DateError::Unrecognised)?;
    let day: u32 = numbers[2].parse().map_err(|_| DateError::Unrecognised)?;
    Date::new(year, month, day).map(Some)
}

/// What the 成文日期 field stores for a typed text: the ISO date when it is one, and the
/// typed text itself (kept, never discarded) when it is not.
pub fn store_typed(text: &str) -> (String, Option<String>) {
    match parse_date(text) {
        Ok(Some(date)) => (date.iso(), None),
        Ok(None) => (String::new(), None),
        Err(_) => (String::new(), Some(text.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> String {
        match parse_date(text) {
            Ok(Some(d)) => d.iso(),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn every_form_a_clerk_types() {
        for text in [
            "2023年2月17日",
            "2023年02月17日",
            "2023 年 2 月 17 日",
            "2023年2月17",
            "2023-2-17",
            "2023-02-17",
            "2023.2.17",
            "2023/02/17",
            "2023/2/17",
            "20230217",
            "２０２３年２月１７日",
            "２０２３－０２－１７",
            "２０２３．２．１７",
            "２０２３／２／１７",
            "２０２３０２１７",
            " 2023-2-17 ",
        ] {
            assert_eq!(ok(text), "2023-02-17", "{text}");
        }
        assert_eq!(ok("2024年2月29日"), "2024-02-29", "a leap day");
        assert_eq!(ok("2000-2-29"), "2000-02-29", "2000 is a leap year");
        assert_eq!(ok("2023年12月31日"), "2023-12-31");
    }

    #[test]
    fn what_is_not_a_date_is_refused_with_its_reason() {
        assert_eq!(
            parse_date("2023年2月30日"),
            Err(DateError::NoSuchDay {
                year: 2023,
                month: 2,
                day: 30
            })
        );
        assert_eq!(
            parse_date("2023-2-29"),
            Err(DateError::NoSuchDay {
                year: 2023,
                month: 2,
                day: 29
            })
        );
        assert_eq!(
            parse_date("1900-2-29"),
            Err(DateError::NoSuchDay {
                year: 1900,
                month: 2,
                day: 29
            })
        );
        assert_eq!(parse_date("2023-13-01"), Err(DateError::NoSuchMonth(13)));
        assert_eq!(parse_date("2023年0月1日"), Err(DateError::NoSuchMonth(0)));
        assert_eq!(parse_date("23年2月17日"), Err(DateError::ShortYear));
        assert_eq!(parse_date("23-2-17"), Err(DateError::ShortYear));
        assert_eq!(parse_date("0999-2-17"), Err(DateError::YearOutOfRange(999)));
        for text in [
            "二〇二三年二月十七日",
            "2023年2月",
            "2023-2",
            "2023",
            "202302",
            "2023021",
            "2023-2-17-1",
            "2023-2/17x",
            "2023年2月17日日",
            "2月17日",
            "17日",
            "2023/002/17",
            "abc",
            "2023年2月1七日",
        ] {
            assert_eq!(parse_date(text), Err(DateError::Unrecognised), "{text}");
        }
        assert_eq!(parse_date(""), Ok(None));
        assert_eq!(parse_date("   "), Ok(None));
    }

    #[test]
    fn every_error_has_its_own_message() {
        let errors = [
            DateError::Unrecognised,
            DateError::ShortYear,
            DateError::YearOutOfRange(999),
            DateError::NoSuchMonth(13),
            DateError::NoSuchDay {
                year: 2023,
                month: 2,
                day: 30,
            },
        ];
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(messages[3].contains("13"), "{}", messages[3]);
        assert!(messages[4].contains("2023年2月没有30日"), "{}", messages[4]);
        let mut unique = messages.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), messages.len(), "{messages:?}");
    }

    #[test]
    fn stored_and_printed_forms() {
        assert_eq!(chinese_date("2022-02-17").as_deref(), Some("2022年2月17日"));
        assert_eq!(chinese_date("2024-02-29").as_deref(), Some("2024年2月29日"));
        assert_eq!(chinese_date("2023-02-29"), None);
        assert_eq!(chinese_date(""), None);
        assert_eq!(chinese_date("2023-13-01"), None);
        let d = Date::new(2023, 2, 7).unwrap();
        assert_eq!(
            (d.iso().as_str(), d.chinese().as_str()),
            ("2023-02-07", "2023年2月7日")
        );
        assert_eq!(
            Date::new(2024, 2, 29).unwrap().next_year(),
            Date::new(2025, 2, 28).unwrap()
        );
    }

    #[test]
    fn typed_text_is_stored_as_iso_or_kept_as_typed() {
        assert_eq!(store_typed("2023年2月17日"), ("2023-02-17".into(), None));
        assert_eq!(store_typed(""), (String::new(), None));
        assert_eq!(
            store_typed("2023年2月30日"),
            (String::new(), Some("2023年2月30日".into()))
        );
    }

    #[test]
    fn the_typed_text_is_kept_in_the_draft_file_only_while_it_is_not_a_date() {
        use crate::model::draft::Closing;
        let valid = Closing {
            date: "2023-02-17".into(),
            ..Closing::default()
        };
        let json = serde_json::to_string(&valid).unwrap();
        assert!(!json.contains("date_input"), "{json}");
        let (date, typed) = store_typed("2023年2月30日");
        let invalid = Closing {
            date,
            date_input: typed,
            ..Closing::default()
        };
        let json = serde_json::to_string(&invalid).unwrap();
        assert!(
            json.contains(r#""date":"""#) && json.contains("2023年2月30日"),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Closing>(&json).unwrap(), invalid);
        // Files without the field (every older file) read as before.
        let old: Closing = serde_json::from_str(r#"{"date":"2023-02-17"}"#).unwrap();
        assert_eq!(old, valid);
    }
}
