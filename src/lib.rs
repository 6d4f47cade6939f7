//! fazhi-report: a drafting wizard for the annual rule-of-law government report
//! (法治政府建设年度报告).
//!
//! Layers, from the inside out (see ARCHITECTURE.md):
//! - [`config`], [`model`], [`render`], [`storage`] (minus `storage::browser`), [`strings`]: plain Rust,
//!   tested natively with `cargo test`;
//! - `components` (Leptos) and `embed` (host element, shadow root): wasm only.

pub mod checks;
pub mod config;
pub mod model;
pub mod parse;
pub mod render;
pub mod storage;
pub mod strings;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod web;
