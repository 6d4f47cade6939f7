//! Renderers: draft → [`document::Document`] → text (and later .docx, print).

pub mod document;
pub mod layout;
pub mod print;
pub mod text;

pub use document::{build, Block, BlockKind, Document};
pub use text::{count_chars, to_text, windows_text, TextOptions};
