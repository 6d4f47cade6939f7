//! How the import reads a report: `cargo run --example outline -- report.txt` prints each
//! piece of text with its place (`part:1:sub:2:item:3`, the corpus expectations' terms) and
//! the structure, numbering, organ and year recognised.

fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let r = fazhi_report::parse::outline(&text);
    for s in &r.segments {
        let t: String = s.text.chars().take(50).collect();
        println!("[{}] {}", s.role.where_(), t);
    }
    let (d, sum) = fazhi_report::parse::import(&text);
    println!(
        "structure {:?} template {} style {:?} organ {:?} year {:?} held {:?}",
        sum.structure, d.template, d.item_style, d.header.organ, d.header.year, d.holding
    );
}
