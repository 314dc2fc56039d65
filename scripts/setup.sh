#!/usr/bin/env bash
# Installs what building and testing Verity needs, skipping whatever is already present.
# Everything except Debian's Chromium goes under .tools/ in this repository (git-ignored).
# Usage: scripts/setup.sh [--no-browser]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS="$ROOT/.tools"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
mkdir -p "$TOOLS/bin"
export PATH="$TOOLS/bin:$TOOLS/npm/node_modules/.bin:$PATH"

need_browser=1
[ "${1:-}" = "--no-browser" ] && need_browser=0

say() { printf '[setup] %s\n' "$*" >&2; }

# 1. Rust targets: wasm32 for the portal and the no_std proof target.
for t in wasm32-unknown-unknown x86_64-unknown-none; do
  if rustup target list --installed | grep -qx "$t"; then say "rust target $t: present"
  else say "rust target $t: installing"; rustup target add "$t"; fi
done

# 2. wasm-bindgen-cli: exactly the wasm-bindgen version locked in Cargo.lock.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ -z "$WB_VERSION" ]; then echo "setup: cannot read the wasm-bindgen version from Cargo.lock" >&2; exit 2; fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WB_VERSION" ]; then
  say "wasm-bindgen-cli $WB_VERSION: present"
else
  say "wasm-bindgen-cli $WB_VERSION: installing (a few minutes)"
  # Its own lockfile pins a crate the registry here does not serve: try --locked, fall back.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --root "$TOOLS" wasm-bindgen-cli --version "$WB_VERSION" --locked \
  || CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --root "$TOOLS" wasm-bindgen-cli --version "$WB_VERSION"
fi

# 3. trunk, pinned (0.22 needs a newer rustc). Thin LTO: same binary behaviour, half the build time.
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" = "$TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION: present"
else
  say "trunk $TRUNK_VERSION: installing (about 8 minutes)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --root "$TOOLS" trunk --version "$TRUNK_VERSION" --locked
fi

# 4. wasm-opt from npm's binaryen (Debian's wasm-opt 108 produces broken output).
if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" = "${BINARYEN_VERSION%%.*}" ]; then
  say "wasm-opt version_${BINARYEN_VERSION%%.*}: present"
else
  say "binaryen $BINARYEN_VERSION: installing from npm"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS/npm" "binaryen@$BINARYEN_VERSION"
fi

# 5. Headless Chromium and its driver, from Debian.
if [ "$need_browser" = 1 ]; then
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then say "chromium + chromedriver: present"
  else
    say "chromium + chromium-driver: installing from Debian"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

# 6. Crates for offline builds (Trunk runs cargo with --offline).
cargo fetch --locked >/dev/null
say "done"
