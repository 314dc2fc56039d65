#!/usr/bin/env bash
# Builds the verifier's JavaScript/WebAssembly package (the `wasm` feature of verifier-core):
#   target/js/web/   ES module for browsers:  import init, { verify, needs } from "./verifier_core.js"
#   target/js/node/  CommonJS for Node.js:    const { verify } = require("./verifier_core.js")
# Both come with TypeScript declarations (verifier_core.d.ts).
# Usage: scripts/build-js.sh [--bench]   (--bench also exports ed25519VerifyStrict, for benchmarks only)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/bin:$PWD/.tools/npm/node_modules/.bin:$PATH"
features=wasm,rdfc,ecdsa,rsa,x509; out=target/js
if [ "${1:-}" = "--bench" ]; then features=bench,rdfc,ecdsa,rsa,x509; out=target/js-bench; fi
# Speed matters more than bytes for an embeddable verifier: opt-level 3 for this artifact.
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo rustc -q -p verifier-core --lib --release --target wasm32-unknown-unknown \
  --no-default-features --features "$features" --crate-type cdylib
wasm=target/wasm32-unknown-unknown/release/verifier_core.wasm
for kind in web nodejs; do
  dir="$out/${kind/nodejs/node}"
  rm -rf "$dir"; mkdir -p "$dir"
  wasm-bindgen --target "$kind" --out-dir "$dir" "$wasm"
  wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue "$dir/verifier_core_bg.wasm" -o "$dir/verifier_core_bg.wasm"
done
echo "built $out/web and $out/node ($(stat -c %s "$out/web/verifier_core_bg.wasm") bytes of wasm)" >&2
