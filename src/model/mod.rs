//! The report model: templates as data, drafts, the wizard's steps. Plain Rust only.

pub mod changes;
pub mod convert;
pub mod date;
pub mod draft;
mod draft_json;
pub mod field;
pub mod json;
pub mod numbering;
pub mod persisted;
pub mod step;
pub mod template;

pub use draft::{Draft, ListRef};
pub use step::{Step, StepStatus};
pub use template::Template;
