#!/usr/bin/env bash
# Builds unlzma/ (the loader's decoder for the inlined wasm, see unlzma/src/lib.rs) for the MVP
# wasm CPU, so that Chromium 86 and Firefox 78 run it: the pinned nightly of the compatible
# build (scripts/toolchain.env) compiles core itself (-Zbuild-std) without post-MVP features.
# Run by scripts/single-file.mjs (so by every Trunk build); up to date, it takes a second.
# Writes target/unlzma/wasm32-unknown-unknown/release/fazhi_unlzma.wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
source scripts/toolchain.env
# Not the app's settings (scripts/build.sh exports them; Trunk passes them on to its hook).
unset CARGO_UNSTABLE_BUILD_STD CARGO_BUILD_TARGET CARGO_ENCODED_RUSTFLAGS
export RUSTUP_TOOLCHAIN="$WASM_TOOLCHAIN" RUSTFLAGS="-Ctarget-cpu=mvp" CARGO_TARGET_DIR="$PWD/target/unlzma"
cargo build --quiet --release --manifest-path unlzma/Cargo.toml --target wasm32-unknown-unknown \
  -Zbuild-std=core,panic_abort
