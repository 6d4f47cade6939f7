#!/usr/bin/env bash
# Release build of the tool, as run.sh, test.sh and the benchmark use it.
#   scripts/build.sh            the compatible build (what ships): dist/fazhi-report.html and
#                               dist/fazhi-report.js, for Chromium 86+ and Firefox 78+ as well as
#                               today's browsers
#   scripts/build.sh --modern   stable Rust's default wasm features (reference types, bulk memory,
#                               multivalue: Chromium 96+, Firefox 79+) into dist-modern/, only to
#                               compare with the benchmark (node scripts/bench.mjs)
# The compatible build compiles the app AND Rust's standard library (-Zbuild-std, which needs
# the pinned nightly with rust-src) for the MVP wasm CPU: the std that rustup ships is built
# with reference types and multivalue, which wasm-bindgen then turns into externref. Native
# `cargo test` stays on stable; only this build sees the nightly (RUSTUP_TOOLCHAIN below).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
source scripts/toolchain.env

if [ "${1:-}" = "--modern" ]; then
  exec trunk build --release --offline --dist dist-modern
fi

export RUSTUP_TOOLCHAIN="$WASM_TOOLCHAIN"
export RUSTFLAGS="$WASM_RUSTFLAGS"
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# Its own target directory: the nightly's artefacts would otherwise replace stable's at every switch.
export CARGO_TARGET_DIR="$PWD/target/compat"
# Plain cargo first, without --offline: the first time it fetches the crates std itself depends
# on (from crates.io, as for ours); later it only checks. Trunk then finds the build up to date.
cargo build --release --target wasm32-unknown-unknown --bin app --quiet
trunk build --release --offline
