//! How the import reads a report: `cargo run --example outline -- report.txt` prints each
//! piece of text with its place (`part:1:sub:2:item:3`, the corpus expectations' terms) and
//! the structure, numbering, organ and year recognised, the title, opening and signature.

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        println!("== {path}");
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
        let opening: String = d.opening.chars().take(60).collect();
        println!(
            "title {:?} signature {:?} opening {opening:?}",
            d.header.title, d.closing.signature
        );
    }
}
