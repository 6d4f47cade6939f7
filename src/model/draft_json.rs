//! A draft to JSON and back, by hand (no serde in the wasm, issue 16).
//!
//! Writing gives exactly what serde's derives on the model write (they stay, in test
//! builds, as the reference: tests/json_props.rs compares the two on arbitrary drafts):
//! fields in declaration order, the same ones left out while default.
//!
//! Reading walks a parsed [`Value`] field by field, knowing the path as it goes, and takes
//! what serde's derives took: a missing field defaults, a field of the wrong type is
//! refused with its path and the type it should have (the first such field in key order,
//! as before), then a field it does not know that holds something (its path given).
//! Unlike serde, a struct must be an object (serde also took a list of its fields in
//! order) and an enum a string (serde also took `{"red": null}`): neither was ever
//! written, and reading them would be guessing.

use super::draft::{
    is_default, Closing, DocNumber, Draft, Header, Item, Masthead, OutputOptions, Part, Subsection,
};
use super::json::{write_list, write_str, Map, Number, Value, Writer};
use super::numbering::ItemStyle;
use super::persisted::{
    is_empty_value, wrong, DecodeError, TYPE_BOOL, TYPE_COUNT, TYPE_LIST, TYPE_OBJECT, TYPE_OTHER,
    TYPE_TEXT,
};

// ---------------------------------------------------------------------------------------
// Writing

/// Every writer below takes its struct apart field by field, without `..`: a field added
/// to the model does not compile until it is written here (and read below, and given to
/// tests/json_props.rs's generator).
pub fn write_draft(out: &mut String, d: &Draft) {
    let Draft {
        name,
        template,
        header,
        opening,
        parts,
        closing,
        next_id,
        holding,
        output,
        item_style,
        last_year,
    } = d;
    let mut w = Writer::object(out);
    w.str("name", name);
    w.str("template", template);
    write_header(w.key("header"), header);
    w.str("opening", opening);
    write_list(w.key("parts"), parts, write_part);
    write_closing(w.key("closing"), closing);
    w.u64("next_id", *next_id as u64);
    if !holding.is_empty() {
        write_list(w.key("holding"), holding, |out, s| write_str(out, s));
    }
    if !output.is_default() {
        write_output(w.key("output"), output);
    }
    if !item_style.is_default() {
        w.str("item_style", item_style.key());
    }
    if !last_year.is_empty() {
        w.str("last_year", last_year);
    }
    w.end();
}

fn write_output(out: &mut String, o: &OutputOptions) {
    let OutputOptions {
        text_layout,
        bold_leads,
        masthead,
        mark,
        signer,
        imprint,
        copy_to,
        printer,
        printed_on,
    } = o;
    let mut w = Writer::object(out);
    w.bool("text_layout", *text_layout);
    w.bool("bold_leads", *bold_leads);
    if !is_default(masthead) {
        w.str("masthead", masthead_key(*masthead));
    }
    let texts = [("mark", mark), ("signer", signer)];
    for (key, s) in texts {
        if !s.is_empty() {
            w.str(key, s);
        }
    }
    if *imprint {
        w.bool("imprint", true);
    }
    let texts = [
        ("copy_to", copy_to),
        ("printer", printer),
        ("printed_on", printed_on),
    ];
    for (key, s) in texts {
        if !s.is_empty() {
            w.str(key, s);
        }
    }
    w.end();
}

fn masthead_key(m: Masthead) -> &'static str {
    match m {
        Masthead::Plain => "plain",
        Masthead::Red => "red",
    }
}

fn write_header(out: &mut String, h: &Header) {
    let Header {
        organ,
        year,
        doc_number,
        title,
    } = h;
    let DocNumber {
        agency,
        year: number_year,
        serial,
    } = doc_number;
    let mut w = Writer::object(out);
    w.str("organ", organ);
    w.str("year", year);
    let mut n = Writer::object(w.key("doc_number"));
    n.str("agency", agency);
    n.str("year", number_year);
    n.str("serial", serial);
    n.end();
    w.opt_str("title", title.as_deref());
    w.end();
}

fn write_part(out: &mut String, p: &Part) {
    let Part {
        key,
        heading,
        lead,
        subsections,
        items,
        item_style,
    } = p;
    let mut w = Writer::object(out);
    w.str("key", key);
    w.opt_str("heading", heading.as_deref());
    w.str("lead", lead);
    write_list(w.key("subsections"), subsections, write_subsection);
    write_list(w.key("items"), items, write_item);
    if let Some(style) = item_style {
        w.str("item_style", style.key());
    }
    w.end();
}

fn write_subsection(out: &mut String, s: &Subsection) {
    let Subsection {
        id,
        title,
        lead,
        items,
        item_style,
    } = s;
    let mut w = Writer::object(out);
    w.u64("id", *id as u64);
    w.str("title", title);
    if !lead.is_empty() {
        w.str("lead", lead);
    }
    write_list(w.key("items"), items, write_item);
    if let Some(style) = item_style {
        w.str("item_style", style.key());
    }
    w.end();
}

fn write_item(out: &mut String, i: &Item) {
    let Item { id, lead, detail } = i;
    let mut w = Writer::object(out);
    w.u64("id", *id as u64);
    w.str("lead", lead);
    w.str("detail", detail);
    w.end();
}

fn write_closing(out: &mut String, c: &Closing) {
    let Closing {
        signature,
        date,
        date_input,
        note,
        ending,
    } = c;
    let mut w = Writer::object(out);
    w.opt_str("signature", signature.as_deref());
    w.str("date", date);
    if let Some(input) = date_input {
        w.str("date_input", input);
    }
    w.str("note", note);
    if !ending.is_empty() {
        w.str("ending", ending);
    }
    w.end();
}

// ---------------------------------------------------------------------------------------
// Reading

type Read<T> = Result<T, DecodeError>;

/// Where a value is (`draft.parts[0].items[2]`), spelled out only when it is reported: a
/// long draft has thousands of fields, and formatting each path cost more than reading it.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root(&'a str),
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Path::Root(name) => f.write_str(name),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, n) => write!(f, "{parent}[{n}]"),
        }
    }
}

/// A field: its parent's path and its key.
#[derive(Clone, Copy)]
struct At<'a>(&'a Path<'a>, &'a str);

impl At<'_> {
    fn wrong(self, expected: &'static str, found: &Value) -> DecodeError {
        wrong(&Path::Key(self.0, self.1).to_string(), expected, found)
    }
}

/// What a read has met besides the fields it knows: the first field, in key order (as
/// the type errors), that no reader knows and that holds something (an empty one is what
/// an absent field defaults to, and is let pass). Reported only when nothing was of a
/// wrong type.
#[derive(Default)]
struct Unknown(Option<String>);

impl Unknown {
    fn note(&mut self, at: At, v: &Value) {
        if self.0.is_none() && !is_empty_value(v) {
            self.0 = Some(Path::Key(at.0, at.1).to_string());
        }
    }
}

type Reader<T> = fn(&Map, &Path, &mut Unknown) -> Read<T>;

fn text(v: &Value, at: At) -> Read<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        _ => Err(at.wrong(TYPE_TEXT, v)),
    }
}

fn opt_text(v: &Value, at: At) -> Read<Option<String>> {
    match v {
        Value::Null => Ok(None),
        _ => text(v, at).map(Some),
    }
}

fn count(v: &Value, at: At) -> Read<u32> {
    match v {
        Value::Number(Number::U64(n)) if *n <= u32::MAX as u64 => Ok(*n as u32),
        _ => Err(at.wrong(TYPE_COUNT, v)),
    }
}

fn boolean(v: &Value, at: At) -> Read<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => Err(at.wrong(TYPE_BOOL, v)),
    }
}

fn style(v: &Value, at: At) -> Read<ItemStyle> {
    v.as_str()
        .and_then(ItemStyle::from_key)
        .ok_or_else(|| at.wrong(TYPE_OTHER, v))
}

fn opt_style(v: &Value, at: At) -> Read<Option<ItemStyle>> {
    match v {
        Value::Null => Ok(None),
        _ => style(v, at).map(Some),
    }
}

fn masthead(v: &Value, at: At) -> Read<Masthead> {
    match v.as_str() {
        Some("plain") => Ok(Masthead::Plain),
        Some("red") => Ok(Masthead::Red),
        _ => Err(at.wrong(TYPE_OTHER, v)),
    }
}

/// A list of texts; a wrong element is reported at the list (as serde's error was).
fn texts(v: &Value, at: At) -> Read<Vec<String>> {
    let Value::Array(list) = v else {
        return Err(at.wrong(TYPE_LIST, v));
    };
    list.iter()
        .map(|s| {
            s.as_str()
                .map(String::from)
                .ok_or_else(|| at.wrong(TYPE_TEXT, v))
        })
        .collect()
}

fn object<T>(v: &Value, at: At, unknown: &mut Unknown, read: Reader<T>) -> Read<T> {
    match v {
        Value::Object(map) => read(map, &Path::Key(at.0, at.1), unknown),
        _ => Err(at.wrong(TYPE_OBJECT, v)),
    }
}

fn list<T>(v: &Value, at: At, unknown: &mut Unknown, read: Reader<T>) -> Read<Vec<T>> {
    let Value::Array(list) = v else {
        return Err(at.wrong(TYPE_LIST, v));
    };
    let path = Path::Key(at.0, at.1);
    let mut out = Vec::with_capacity(list.len());
    for (n, element) in list.iter().enumerate() {
        let here = Path::Index(&path, n);
        out.push(match element {
            Value::Object(map) => read(map, &here, unknown)?,
            _ => return Err(wrong(&here.to_string(), TYPE_OBJECT, element)),
        });
    }
    Ok(out)
}

/// The draft in a stored entry's `draft` object; `path` names it in messages. A field of
/// the wrong type is refused first (the first in key order); then a field no reader
/// knows that holds something, so that nothing in the input is silently dropped.
pub fn read_draft(map: &Map, path: &str) -> Read<Draft> {
    let mut unknown = Unknown::default();
    let draft = read_draft_fields(map, &Path::Root(path), &mut unknown)?;
    match unknown.0 {
        Some(field) => Err(DecodeError::UnknownField(field)),
        None => Ok(draft),
    }
}

fn read_draft_fields(map: &Map, path: &Path, unknown: &mut Unknown) -> Read<Draft> {
    let mut d = Draft::default();
    for (key, v) in map {
        let at = At(path, key);
        match key.as_str() {
            "name" => d.name = text(v, at)?,
            "template" => d.template = text(v, at)?,
            "header" => d.header = object(v, at, unknown, read_header)?,
            "opening" => d.opening = text(v, at)?,
            "parts" => d.parts = list(v, at, unknown, read_part)?,
            "closing" => d.closing = object(v, at, unknown, read_closing)?,
            "next_id" => d.next_id = count(v, at)?,
            "holding" => d.holding = texts(v, at)?,
            "output" => d.output = object(v, at, unknown, read_output)?,
            "item_style" => d.item_style = style(v, at)?,
            "last_year" => d.last_year = text(v, at)?,
            _ => unknown.note(at, v),
        }
    }
    Ok(d)
}

fn read_output(map: &Map, path: &Path, unknown: &mut Unknown) -> Read<OutputOptions> {
    let mut o = OutputOptions::default();
    for (key, v) in map {
        let at = At(path, key);
        match key.as_str() {
            "text_layout" => o.text_layout = boolean(v, at)?,
            "bold_leads" => o.bold_leads = boolean(v, at)?,
            "masthead" => o.masthead = masthead(v, at)?,
            "mark" => o.mark = text(v, at)?,
            "signer" => o.signer = text(v, at)?,
            "imprint" => o.imprint = boolean(v, at)?,
            "copy_to" => o.copy_to = text(v, at)?,
            "printer" => o.printer = text(v, at)?,
            "printed_on" => o.printed_on = text(v, at)?,
            _ => unknown.note(at, v),
        }
    }
    Ok(o)
}

fn read_header(map: &Map, path: &Path, unknown: &mut Unknown) -> Read<Header> {
    let mut h = Header::default();
    for (key, v) in map {
        let at = At(path, key);
        match key.as_str() {
            "organ" => h.organ = text(v, at)?,
            "year" => h.year = text(v, at)?,
            "doc_number" => h.doc_number = object(v, at, unknown, read_doc_number)?,
            "title" => h.title = opt_text(v, at)?,
            _ => unknown.note(at, v),
        }
    }
    Ok(h)
}

fn read_doc_number(map: &Map, path: &Path, unknown: &mut Unknown) -> Read<DocNumber> {
    let mut n = DocNumber::default();
    for (key, v) in map {
        let at = At(path, key);
        match key.as_str() {
            "agency" => n.agency = text(v, at)?,
            "year" => n.year = text(v, at)?,
            "serial" => n.serial = text(v, at)?,
            _ => unknown.note(at, v),
        }
    }
    Ok(n)
}

fn read_part(map: &Map, path: &Path, unknown: &mut Unknown) -> Read<Part> {
    let mut p = Part::default();
    for (key, v) in map {
        let at = At(path, key);
        match key.as_str() {
            "key" => p.key = text(v, at)?,
            "heading" => p.heading = opt_text(v, at)?,
            "lead" => p.lead = text(v, at)?,
            "subsections" => p.subsections = list(v, at, unknown, read_subsection)?,
            "items" => p.items = list(v, at, unknown, read_item)?,
            "item_style" => p.item_style = opt_style(v, at)?,
            _ => unknown.note(at, v),
        }
    }
    Ok(p)
}

fn read_subsection(map: &Map, path: &Path, unknown: &mut Unknown) -> Read<Subsection> {
    let mut s = Subsection::default();
    for (key, v) in map {
        let at = At(path, key);
        match key.as_str() {
            "id" => s.id = count(v, at)?,
            "title" => s.title = text(v, at)?,
            "lead" => s.lead = text(v, at)?,
            "items" => s.items = list(v, at, unknown, read_item)?,
            "item_style" => s.item_style = opt_style(v, at)?,
            _ => unknown.note(at, v),
        }
    }
    Ok(s)
}

fn read_item(map: &Map, path: &Path, unknown: &mut Unknown) -> Read<Item> {
    let mut i = Item::default();
    for (key, v) in map {
        let at = At(path, key);
        match key.as_str() {
            "id" => i.id = count(v, at)?,
            "lead" => i.lead = text(v, at)?,
            "detail" => i.detail = text(v, at)?,
            _ => unknown.note(at, v),
        }
    }
    Ok(i)
}

fn read_closing(map: &Map, path: &Path, unknown: &mut Unknown) -> Read<Closing> {
    let mut c = Closing::default();
    for (key, v) in map {
        let at = At(path, key);
        match key.as_str() {
            "signature" => c.signature = opt_text(v, at)?,
            "date" => c.date = text(v, at)?,
            "date_input" => c.date_input = opt_text(v, at)?,
            "note" => c.note = text(v, at)?,
            "ending" => c.ending = text(v, at)?,
            _ => unknown.note(at, v),
        }
    }
    Ok(c)
}
