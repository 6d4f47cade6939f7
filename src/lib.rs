//! fazhi-report: a drafting wizard for the annual rule-of-law government report
//! (法治政府建设年度报告).
//!
//! Rings, from the inside out (see ARCHITECTURE.md):
//! - [`model`], [`render`], [`checks`], [`parse`], [`config`], [`storage`] (its session
//!   engine too, minus `storage::browser`), [`strings`]: plain Rust, tested natively with
//!   `cargo test`;
//! - `components` (Leptos: binds model to DOM), `embed` (host element, shadow root, page
//!   API), `web` (clocks, downloads, clipboard) and `storage::browser` (localStorage):
//!   wasm only.

pub mod checks;
pub mod config;
pub mod decimal;
pub mod keyed;
pub mod model;
pub mod parse;
pub mod render;
pub mod sort;
pub mod storage;
pub mod strings;
// Run by build.rs (it minifies the components' CSS); compiled here only for its tests.
#[cfg(test)]
mod style_min;

/// A small xorshift for the tests' random inputs: reproducible from its seed.
#[cfg(test)]
pub(crate) fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod web;
