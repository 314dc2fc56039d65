#!/usr/bin/env bash
# Runs every test of Verity, installing what is missing first (scripts/setup.sh).
#   lint → no_std proof → native tests → wasm tests (Node, Chromium) → JS API → portal build → browser e2e
# Ends with one line "N passed, N failed, N skipped" summing every test runner's counts.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/bin:$PWD/.tools/npm/node_modules/.bin:$PATH"
export VERITY_REQUIRE_ALL=1   # a test whose prerequisites are missing fails instead of skipping
export CARGO_TERM_COLOR=never
log=$(mktemp); trap 'rm -f "$log"' EXIT
start_all=$SECONDS

stage() { printf '\n=== %s\n' "$*"; stage_start=$SECONDS; }
done_stage() { printf -- '--- %ss\n' "$((SECONDS - stage_start))"; }
run() { "$@" 2>&1 | tee -a "$log"; }

stage "set-up"
scripts/setup.sh
if [ ! -d tests/js/node_modules ] || [ tests/js/package-lock.json -nt tests/js/node_modules/.package-lock.json ]; then
  (cd tests/js && npm ci --no-audit --no-fund --silent)
fi
done_stage

stage "format and lints"
cargo fmt --all -- --check
cargo clippy -q --workspace --exclude portal --all-targets -- -D warnings
cargo clippy -q -p portal --target wasm32-unknown-unknown -- -D warnings
cargo clippy -q -p verifier-core --no-default-features --features wasm,rdfc,ecdsa,rsa,x509 --target wasm32-unknown-unknown -- -D warnings
cargo clippy -q -p verifier-core --no-default-features --features ecdsa,rsa --target x86_64-unknown-none -- -D warnings
done_stage

stage "verifier-core is no_std and sans-IO"
cargo check -q -p verifier-core --no-default-features --target wasm32-unknown-unknown
cargo check -q -p verifier-core --no-default-features --target x86_64-unknown-none
cargo check -q -p verifier-core --no-default-features --features ecdsa,rsa --target x86_64-unknown-none
forbidden=$(cargo tree -p verifier-core -e normal --no-default-features --prefix none | awk '{print $1}' \
  | grep -xE 'getrandom|rand|rand_core|reqwest|tokio|web-sys|std-env' || true)
if [ -n "$forbidden" ]; then echo "verifier-core must not depend on: $forbidden" >&2; exit 1; fi
# With the signature features, RustCrypto brings rand_core's *traits* (no randomness source); still
# no generator, clock or network.
forbidden=$(cargo tree -p verifier-core -e normal --no-default-features --features ecdsa,rsa --prefix none | awk '{print $1}' \
  | grep -xE 'getrandom|rand|reqwest|tokio|web-sys|std-env' || true)
if [ -n "$forbidden" ]; then echo "verifier-core (ecdsa, rsa) must not depend on: $forbidden" >&2; exit 1; fi
echo "ok: no_std on wasm32-unknown-unknown and x86_64-unknown-none; no clock, network or RNG crates"
done_stage

stage "native tests"
run cargo test --workspace --exclude portal
run cargo test -p portal --bin portal   # the portal's catalogue (a French sentence for every code)
done_stage

stage "wasm tests of verifier-core in Node"
run cargo test -p verifier-core --features rdfc,ecdsa,rsa --target wasm32-unknown-unknown --test verify --test status --test jwt --test limits
done_stage

stage "wasm tests of verifier-core in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  run cargo test -p verifier-core --features rdfc,ecdsa,rsa --target wasm32-unknown-unknown --test verify --test status --test jwt --test limits
done_stage

stage "JavaScript API (wasm feature) in Node"
scripts/build-js.sh
cargo build -q -p verity
(cd tests/js && run node --test api.test.mjs)
done_stage

stage "portal build (trunk build --release)"
trunk build --release
for f in dist/*.wasm dist/*.js dist/*.css; do
  printf '%-45s %8d bytes, %7d gzip\n' "$f" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done
done_stage

stage "end-to-end in headless Chromium"
(cd tests/js && run node --test e2e/)
done_stage

# Sum the runners' own counts: cargo's "test result:" lines and node's "# pass/# fail/# skipped".
summary=$(awk '
  /^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i } }
  /^# pass / { p += $3 } /^# fail / { f += $3 } /^# skipped / { s += $3 }
  END { printf "%d passed, %d failed, %d skipped", p, f, s }' "$log")
skipped_msgs=$(grep -c 'SKIPPED' "$log" || true)
printf '\nall stages passed in %ss (%s test(s) reported SKIPPED)\n' "$((SECONDS - start_all))" "$skipped_msgs"
echo "$summary"
