#!/usr/bin/env bash
# Benchmarks (not part of the test command): credential verification (eddsa-jcs-2022, eddsa-rdfc-2022)
# and X.509 chain validation
#  1. natively with criterion, against a bare Ed25519 verify_strict in the same run;
#  2. in WebAssembly under Node, against @digitalbazaar/vc and a bare Ed25519 verify in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/bin:$PWD/.tools/npm/node_modules/.bin:$PATH"
scripts/setup.sh --no-browser
[ -d tests/js/node_modules ] || (cd tests/js && npm ci --no-audit --no-fund --silent)
cargo bench -p verifier-core --features rdfc --bench verify -- --warm-up-time 2 --measurement-time 5 2>&1 | grep -E '^[a-z].*/|time:'
# Hostile inputs against the budgets (target: each refused in under 100 ms).
cargo bench -p verifier-core --features rdfc --bench hostile -- --warm-up-time 1 --measurement-time 3 2>&1 | grep -E '^[a-z].*/|time:'
# X.509: a 3-certificate chain, Verity against rustls-webpki natively (also writes the chain for WASM).
cargo bench -p verity-tests --bench x509_chain -- --warm-up-time 1 --measurement-time 3 2>&1 | grep -E '^[a-z].*/|time:'
scripts/build-js.sh --bench
(cd tests/js && node bench/wasm-bench.mjs)
