#!/usr/bin/env bash
# Builds the tool and serves it. Installs what is missing first (scripts/setup.sh).
#   scripts/run.sh           build, write dist/fazhi-report.html, serve dist/ on http://127.0.0.1:8080
#   scripts/run.sh --watch   the same through `trunk serve` (rebuilds on every change; stable Rust,
#                            so the modern wasm: the shipped, compatible build is scripts/build.sh's)
#   scripts/run.sh --build   build only
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh build

if [ "${1:-}" = "--watch" ]; then
  exec trunk serve --release --offline
fi

scripts/build.sh
echo
echo "  单文件版（可拷贝到共享文件夹，双击打开）: file://$PWD/dist/fazhi-report.html"
echo "  开发服务器:                           http://127.0.0.1:8080/"
echo
[ "${1:-}" = "--build" ] && exit 0
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
