#!/usr/bin/env bash
# Regenerates the portal's demo credentials (portal/demo/) with the verity CLI:
# valid.json and expired.json are issued from portal/demo-src/, tampered.json is valid.json with
# the recipient's name changed after signing. A fresh demo key is made each time and thrown away.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q -p verity
verity=target/debug/verity
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$verity" keygen --out "$work/key" >/dev/null 2>&1
"$verity" issue -q --key "$work/key/key.json" --template portal/demo-src/template.json \
  --recipients portal/demo-src/learners.csv --out "$work/out" --at 2026-01-15T09:00:00Z
mkdir -p portal/demo
cp "$work/out/credential-00001.json" portal/demo/valid.json
cp "$work/out/credential-00002.json" portal/demo/expired.json
sed 's/"name": "Ada Lovelace"/"name": "Ada Byron"/' portal/demo/valid.json > portal/demo/tampered.json
cmp -s portal/demo/valid.json portal/demo/tampered.json && { echo "tampering failed" >&2; exit 1; }
# Benchmark fixtures: the valid badge signed with each suite (verifier-core/benches, tests/js/bench).
"$verity" issue -q --key "$work/key/key.json" --template portal/demo-src/template.json \
  --recipients portal/demo-src/learners.csv --out "$work/jcs" --at 2026-01-15T09:00:00Z --suite eddsa-jcs-2022
mkdir -p verifier-core/benches/fixtures
cp "$work/jcs/credential-00001.json" verifier-core/benches/fixtures/ob-eddsa-jcs-2022.json
cp portal/demo/valid.json verifier-core/benches/fixtures/ob-eddsa-rdfc-2022.json
echo "demo credentials written to portal/demo/, benchmark fixtures to verifier-core/benches/fixtures/" >&2
