//! Renderers: draft → [`document::Document`] → plain text, or → [`layout`] → print view
//! and .docx.

pub mod document;
pub mod docx;
pub mod file_name;
pub mod layout;
pub mod print;
pub mod segments;
pub mod step_rows;
pub mod text;
mod xml;
pub(crate) mod zip;

pub use document::{build, Block, BlockKind, Document};
pub use file_name::safe_file_name;
pub use text::{
    count_chars, has_unbroken_run, is_bidi_control, is_invisible, to_text, windows_text,
    without_invisible, TextOptions, UNBROKEN_RUN_LIMIT,
};
