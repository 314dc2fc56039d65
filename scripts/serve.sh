#!/usr/bin/env bash
# Builds the portal and serves it on http://127.0.0.1:${PORT:-8080}/ with the demo credentials
# (buttons "Try a demo" on the page; files under /demo/). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/bin:$PWD/.tools/npm/node_modules/.bin:$PATH"
scripts/setup.sh --no-browser
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}"
