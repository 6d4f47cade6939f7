#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing. Idempotent: a second run
# only checks. Nothing here downloads from anywhere but crates.io, Debian and npm.
#   scripts/setup.sh build   -> Rust wasm target, the pinned nightly of the compatible build,
#                               trunk, wasm-bindgen-cli, npm packages
#   scripts/setup.sh test    -> the above, plus Chromium, ChromeDriver, Firefox ESR, CJK fonts,
#                               LibreOffice Writer and poppler (the .docx test), npm test tools
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
TRUNK_VERSION=0.21.14          # trunk 0.22 needs a newer rustc than this machine has
export PATH="$HOME/.cargo/bin:$PATH"

what=${1:-build}
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The pinned nightly of the compatible wasm build (scripts/toolchain.env, scripts/build.sh),
# with the standard library's source for -Zbuild-std. Native tests stay on stable.
source scripts/toolchain.env
if ! rustup component list --toolchain "$WASM_TOOLCHAIN" --installed 2>/dev/null | grep -q '^rust-src'; then
  say "installing $WASM_TOOLCHAIN with rust-src (the compatible wasm build, about a minute)"
  rustup toolchain install "$WASM_TOOLCHAIN" --profile minimal -c rust-src --target wasm32-unknown-unknown
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  # Not --locked: its lock file pins a webpki-roots version crates.io no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    $SUDO apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@"
}

command -v node >/dev/null && command -v npm >/dev/null || { say "installing Node.js"; apt_install nodejs npm; }

if [ "$what" = test ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  command -v soffice >/dev/null || missing+=(libreoffice-writer)
  command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null || missing+=(poppler-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    apt_install "${missing[@]}"
  fi
fi

# npm packages (binaryen's wasm-opt for the build; playwright-core, the Chromium 86 of
# chrome-aws-lambda, eslint-plugin-compat and doiuse for the tests). package-lock.json pins
# them; `npm ci` never downloads a browser (chrome-aws-lambda ships its Chromium in the package).
if ! node -e 'const p = require("./package.json");
  for (const [n, v] of Object.entries(p.devDependencies)) if (require("./node_modules/" + n + "/package.json").version !== v) process.exit(1);' 2>/dev/null; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ready ($what)"
