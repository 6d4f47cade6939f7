//! Renderers: draft → [`document::Document`] → plain text, or → [`layout`] → print view
//! and .docx.

pub mod document;
pub mod docx;
pub mod layout;
pub mod print;
pub mod text;
mod xml;
mod zip;

pub use document::{build, Block, BlockKind, Document};
pub use text::{count_chars, to_text, windows_text, TextOptions};
