#!/usr/bin/env bash
# Runs every test: native (cargo test), then the browser tests in headless Chromium
# against a fresh release build. Installs what is missing first (scripts/setup.sh test).
# This is the command README.md gives and .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh test

echo "== native tests (cargo test)"
cargo test --quiet

echo "== release build (compatible: pinned nightly, -Zbuild-std; scripts/build.sh)"
scripts/build.sh

echo "== browser compatibility of the JS and CSS (eslint-plugin-compat, doiuse: Chromium 86, Firefox 78)"
node scripts/compat-lint.mjs

echo "== browser tests (headless Chromium, Chromium 86, Firefox ESR; node --test)"
node --test --test-concurrency=1 --test-timeout=600000 tests/e2e/
