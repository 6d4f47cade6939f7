//! Last year's report as a Word file: the ZIP container read (stored and deflated
//! entries), `word/document.xml`'s paragraphs in order, and Word's own list numbering
//! (`word/numbering.xml`) written back in front of each numbered paragraph, so the text is
//! what the clerk sees in Word; then parsed like pasted text. Headings are recognised by
//! their text, not by styles. Limits keep a hostile file from freezing the page.

use super::inflate::{inflate, InflateError};
use crate::model::numbering::chinese_numeral;

/// Limits: the file, one entry unpacked, the unpack ratio, and the paragraphs read.
pub const MAX_FILE: usize = 20 << 20;
pub const MAX_ENTRY: usize = 40 << 20;
pub const MAX_RATIO: usize = 1000;
pub const MAX_PARAGRAPHS: usize = 20_000;
/// Pasted or read text longer than this is refused (a report is 5–30 thousand characters).
pub const MAX_TEXT: usize = 1 << 20;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxError {
    TooLarge,
    NotZip,
    NotWord,
    Corrupt,
    Bomb,
    Encrypted,
    TooManyParagraphs,
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::strings::docx_error(self))
    }
}

impl std::error::Error for DocxError {}

struct Entry {
    name: String,
    method: u16,
    flags: u16,
    compressed: usize,
    size: usize,
    offset: usize,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}
fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The entries of a ZIP archive, from its central directory.
fn entries(zip: &[u8]) -> Result<Vec<Entry>, DocxError> {
    if zip.len() < 22 || &zip[..2] != b"PK" {
        return Err(DocxError::NotZip);
    }
    let from = zip.len().saturating_sub(22 + 65_535);
    let eocd = (from..=zip.len() - 22)
        .rev()
        .find(|&i| zip[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
        .ok_or(DocxError::NotZip)?;
    let count = u16_at(zip, eocd + 10).ok_or(DocxError::Corrupt)? as usize;
    let mut at = u32_at(zip, eocd + 16).ok_or(DocxError::Corrupt)? as usize;
    let mut out = Vec::new();
    for _ in 0..count.min(10_000) {
        if u32_at(zip, at) != Some(0x0201_4b50) {
            return Err(DocxError::Corrupt);
        }
        let get16 = |o| u16_at(zip, at + o).ok_or(DocxError::Corrupt);
        let get32 = |o| u32_at(zip, at + o).ok_or(DocxError::Corrupt);
        let (flags, method) = (get16(8)?, get16(10)?);
        let (compressed, size) = (get32(20)? as usize, get32(24)? as usize);
        let (name_len, extra_len, comment_len) = (
            get16(28)? as usize,
            get16(30)? as usize,
            get16(32)? as usize,
        );
        let offset = get32(42)? as usize;
        let name = zip
            .get(at + 46..at + 46 + name_len)
            .ok_or(DocxError::Corrupt)?;
        out.push(Entry {
            name: String::from_utf8_lossy(name).into_owned(),
            method,
            flags,
            compressed,
            size,
            offset,
        });
        at += 46 + name_len + extra_len + comment_len;
    }
    Ok(out)
}

fn read_entry(zip: &[u8], e: &Entry) -> Result<Vec<u8>, DocxError> {
    if e.flags & 1 != 0 {
        return Err(DocxError::Encrypted);
    }
    if u32_at(zip, e.offset) != Some(0x0403_4b50) {
        return Err(DocxError::Corrupt);
    }
    let name_len = u16_at(zip, e.offset + 26).ok_or(DocxError::Corrupt)? as usize;
    let extra_len = u16_at(zip, e.offset + 28).ok_or(DocxError::Corrupt)? as usize;
    let start = e.offset + 30 + name_len + extra_len;
    let data = zip
        .get(start..start.checked_add(e.compressed).ok_or(DocxError::Corrupt)?)
        .ok_or(DocxError::Corrupt)?;
    // The declared size may lie; the limit is what the data is allowed to become.
    let limit = MAX_ENTRY.min(e.compressed.saturating_mul(MAX_RATIO).max(1 << 16));
    match e.method {
        0 => Ok(data.to_vec()),
        8 => inflate(data, limit).map_err(|err| match err {
            InflateError::TooLarge => DocxError::Bomb,
            InflateError::Corrupt => DocxError::Corrupt,
        }),
        _ => Err(DocxError::Corrupt),
    }
    .and_then(|out| {
        if e.size > MAX_ENTRY {
            Err(DocxError::Bomb)
        } else {
            Ok(out)
        }
    })
}

/// The text of a .docx: one line per paragraph, with Word's list numbers in front.
pub fn docx_text(file: &[u8]) -> Result<String, DocxError> {
    if file.len() > MAX_FILE {
        return Err(DocxError::TooLarge);
    }
    let list = entries(file)?;
    let find = |name: &str| list.iter().find(|e| e.name == name);
    let doc = find("word/document.xml").ok_or(DocxError::NotWord)?;
    let xml = read_entry(file, doc)?;
    let numbering = match find("word/numbering.xml") {
        Some(e) => Numbering::read(&String::from_utf8_lossy(&read_entry(file, e)?)),
        None => Numbering::default(),
    };
    paragraphs(&String::from_utf8_lossy(&xml), &numbering)
}

/// Word's list definitions: for each numId, each level's format and text ("%1、").
#[derive(Default)]
struct Numbering {
    /// numId → abstractNumId
    nums: Vec<(String, String)>,
    /// (abstractNumId, level) → (numFmt, lvlText, start)
    levels: Vec<(String, u32, String, String, u32)>,
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')? + at;
    Some(&tag[at..end])
}

/// The tags of an XML text in order: (tag text without <>, the text before it).
fn tags(xml: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = xml;
    std::iter::from_fn(move || {
        let open = rest.find('<')?;
        let close = rest[open..].find('>')? + open;
        let text = &rest[..open];
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        Some((tag, text))
    })
}

/// "w:t" of `w:t xml:space="preserve"`, "/w:p" of a closing tag.
fn tag_name(tag: &str) -> &str {
    let skip = usize::from(tag.starts_with('/'));
    let end = tag[skip..]
        .find(|c: char| c.is_whitespace() || c == '/')
        .map_or(tag.len(), |e| e + skip);
    &tag[..end]
}

impl Numbering {
    fn read(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let (mut abs, mut lvl, mut fmt, mut text, mut start) =
            (String::new(), 0u32, String::new(), String::new(), 1u32);
        let mut num = String::new();
        for (tag, _) in tags(xml) {
            match tag_name(tag) {
                "w:abstractNum" => abs = attr(tag, "w:abstractNumId").unwrap_or("").into(),
                "w:lvl" => {
                    lvl = attr(tag, "w:ilvl")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    fmt.clear();
                    text.clear();
                    start = 1;
                }
                "w:start" => start = attr(tag, "w:val").and_then(|v| v.parse().ok()).unwrap_or(1),
                "w:numFmt" => fmt = attr(tag, "w:val").unwrap_or("").into(),
                "w:lvlText" => text = attr(tag, "w:val").unwrap_or("").into(),
                "/w:lvl" => n
                    .levels
                    .push((abs.clone(), lvl, fmt.clone(), text.clone(), start)),
                "w:num" => num = attr(tag, "w:numId").unwrap_or("").into(),
                "w:abstractNumId" => n
                    .nums
                    .push((num.clone(), attr(tag, "w:val").unwrap_or("").into())),
                _ => {}
            }
        }
        n
    }

    fn level(&self, num: &str, ilvl: u32) -> Option<&(String, u32, String, String, u32)> {
        let abs = &self.nums.iter().find(|(n, _)| n == num)?.1;
        self.levels.iter().find(|(a, l, ..)| a == abs && *l == ilvl)
    }
}

fn format_number(fmt: &str, n: u32) -> String {
    match fmt {
        "chineseCounting"
        | "chineseCountingThousand"
        | "ideographTraditional"
        | "chineseLegalSimplified" => chinese_numeral(n as usize),
        "decimalEnclosedParen" => format!("（{n}）"),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            char::from_u32(0x2460 + n.saturating_sub(1)).map_or(n.to_string(), String::from)
        }
        "bullet" | "none" => String::new(),
        _ => n.to_string(),
    }
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let Some(end) = rest[at..].find(';') else {
            out.push_str(&rest[at..]);
            return out;
        };
        let entity = &rest[at + 1..at + end];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match ch {
            Some(c) => out.push(c),
            None => out.push_str(&rest[at..=at + end]),
        }
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    out
}

fn paragraphs(xml: &str, numbering: &Numbering) -> Result<String, DocxError> {
    let mut out = String::new();
    let mut para = String::new();
    let mut in_text = false;
    let mut num: Option<(String, u32)> = None;
    let mut ilvl = 0u32;
    // Counters per (numId, level): Word numbers each list on from its start.
    let mut counters: Vec<((String, u32), u32)> = Vec::new();
    let mut count = 0usize;
    let mut in_ppr = false;
    for (tag, text) in tags(xml) {
        if in_text {
            para.push_str(&unescape(text));
        }
        match tag_name(tag) {
            "w:p" if !tag.ends_with('/') => {
                para.clear();
                num = None;
                ilvl = 0;
            }
            "w:pPr" if !tag.ends_with('/') => in_ppr = true,
            "/w:pPr" => in_ppr = false,
            "w:ilvl" if in_ppr => {
                ilvl = attr(tag, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0)
            }
            "w:numId" if in_ppr => {
                let id = attr(tag, "w:val").unwrap_or("0").to_string();
                if id != "0" {
                    num = Some((id, 0));
                }
            }
            "w:t" if !tag.ends_with('/') => in_text = true,
            "/w:t" => in_text = false,
            "w:tab" => para.push('\t'),
            "w:br" | "w:cr" => para.push('\n'),
            "w:p" => out.push('\n'), // an empty paragraph, <w:p/>
            "/w:p" => {
                count += 1;
                if count > MAX_PARAGRAPHS {
                    return Err(DocxError::TooManyParagraphs);
                }
                let mut line = String::new();
                if let Some((id, _)) = &num {
                    if let Some((_, _, fmt, text, start)) = numbering.level(id, ilvl) {
                        let key = (id.clone(), ilvl);
                        let n = match counters.iter_mut().find(|(k, _)| *k == key) {
                            Some((_, c)) => {
                                *c += 1;
                                *c
                            }
                            None => {
                                counters.push((key, *start));
                                *start
                            }
                        };
                        // A higher level restarts the levels below it.
                        counters.retain(|((i, l), _)| !(i == id && *l > ilvl));
                        line = text.replace(&format!("%{}", ilvl + 1), &format_number(fmt, n));
                    }
                }
                line.push_str(&para);
                out.push_str(&line);
                out.push('\n');
                if out.len() > MAX_TEXT * 4 {
                    return Err(DocxError::TooLarge);
                }
                para.clear();
            }
            _ => {}
        }
    }
    Ok(out)
}

/// A .txt file's text: UTF-8 (with or without BOM) or UTF-16 with a BOM; `None` when it
/// is neither, so the caller decodes it as GB18030 (the browser's TextDecoder does).
pub fn text_file(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16(&units).ok();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16(&units).ok();
    }
    std::str::from_utf8(bytes).ok().map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_the_tools_own_docx() {
        use crate::model::template::builtin_templates;
        let t = &builtin_templates()[0];
        let mut d = crate::model::Draft::new(t);
        d.header.organ = "某局".into();
        d.header.year = "2023".into();
        d.opening = "2023年，我局依法行政。现报告如下：".into();
        d.parts[0].subsections[0].title = "加强组织领导".into();
        d.parts[0].subsections[0].items[0].lead = "落实第一责任人职责。".into();
        let doc = crate::render::build(t, &d);
        let meta = crate::render::docx::DocxMeta {
            title: "t".into(),
            author: "a".into(),
        };
        let options = crate::render::layout::LayoutOptions::default();
        let bytes = crate::render::docx::docx(&doc, &options, &meta);
        let text = docx_text(&bytes).unwrap();
        assert!(
            text.contains("某局2023年度法治政府建设情况报告\n"),
            "{text}"
        );
        assert!(text.contains("一、2023年法治建设工作开展情况\n"));
        assert!(text.contains("（一）加强组织领导\n"));
        let (draft, _) = super::super::import(&text);
        assert_eq!(draft.header.organ, "某局");
        assert_eq!(draft.parts[0].subsections[0].title, "加强组织领导");
    }

    #[test]
    fn word_list_numbers_are_written_in_front() {
        let numbering = r#"<w:numbering><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num></w:numbering>"#;
        let doc = r#"<w:document><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>工作情况</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">加强 </w:t></w:r><w:r><w:t>学习&amp;培训</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>完善制度</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>存在问题</w:t></w:r></w:p></w:body></w:document>"#;
        let text = paragraphs(doc, &Numbering::read(numbering)).unwrap();
        assert_eq!(
            text,
            "一、工作情况\n1.加强 学习&培训\n2.完善制度\n二、存在问题\n"
        );
    }

    #[test]
    fn hostile_files_get_an_error_not_a_hang() {
        assert_eq!(
            docx_text(b"just some text, not a zip").err(),
            Some(DocxError::NotZip)
        );
        assert_eq!(
            docx_text(b"PK\x03\x04garbage").err(),
            Some(DocxError::NotZip)
        );
        // A ZIP without word/document.xml.
        let zip = crate::render::zip::write(&[("a.txt", b"hi".as_slice())]);
        assert_eq!(docx_text(&zip).err(), Some(DocxError::NotWord));
        // More paragraphs than any report.
        let many = "<w:p><w:r><w:t>段</w:t></w:r></w:p>".repeat(MAX_PARAGRAPHS + 1);
        assert_eq!(
            paragraphs(&many, &Numbering::default()).err(),
            Some(DocxError::TooManyParagraphs)
        );
    }

    #[test]
    fn text_files_in_utf8_and_utf16_decode_and_gbk_is_left_to_the_browser() {
        assert_eq!(text_file("报告".as_bytes()).as_deref(), Some("报告"));
        assert_eq!(text_file(b"\xEF\xBB\xBFabc").as_deref(), Some("abc"));
        assert_eq!(text_file(b"\xFF\xFE\xA5\x62").as_deref(), Some("报"));
        // "报告" in GBK is not UTF-8.
        assert_eq!(text_file(b"\xB1\xA8\xB8\xE6"), None);
    }
}
