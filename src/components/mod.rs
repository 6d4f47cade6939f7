//! Leptos components. They only bind the model to the page: every rule (numbering, what
//! a step contains, what the text says) lives in `model` and `render`.
//! One folder per component, with its CSS beside it; [`CSS`] gathers them for the shadow root.

pub mod app;
pub mod checks_panel;
pub mod drafts_page;
pub mod editor;
pub mod field;
pub mod item_list;
pub mod output;
pub mod preview;
pub mod step_form;
pub mod stepper;

pub use app::App;
pub use editor::Editor;

/// All component styles, in cascade order, injected into the shadow root by `embed`.
pub const CSS: &[&str] = &[
    include_str!("../../style/base.css"),
    include_str!("app/app.css"),
    include_str!("stepper/stepper.css"),
    include_str!("step_form/step_form.css"),
    include_str!("field/field.css"),
    include_str!("item_list/item_list.css"),
    include_str!("preview/preview.css"),
    include_str!("output/output.css"),
    include_str!("checks_panel/checks_panel.css"),
    include_str!("drafts_page/drafts_page.css"),
];
