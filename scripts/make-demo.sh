#!/usr/bin/env bash
# Regenerates the portal's demo (portal/demo/, portal/trust.json) with the verity CLI. A fresh demo
# key is made each time and thrown away.
# - valid.json, expired.json: issued from portal/demo-src/ by "Verity Demo University";
# - tampered.json: valid.json with the recipient's name changed after signing;
# - valid-badge.png, valid-badge.svg: valid.json baked into the demo badge images (verity bake);
# - valid.jwt: the same badge secured as a VC-JOSE JWT (verity issue --format jwt);
# - revoked.json: issued with status lists, then revoked; the signed lists are published to
#   portal/demo/status/ and mirrored for the portal through trust.json "resources";
# - anchored.json: issued, anchored on a private regtest chain mined on the spot (verity anchor
#   regtest: a demo of Bitcoin anchoring, never a real network), with the evidence attached; the
#   chain's genesis is a checkpoint in trust.json;
# - certs/issuer-chain.pem: the demo issuer key certified by a demo CA (verity certs ca / issue),
#   whose root is trust.json's "x509Anchors";
# - unknown-issuer.json: a perfectly signed badge whose issuer *claims* the same name but uses a
#   key this portal's trust list does not know;
# - pathway/: the stackable-credentials scenario (scripts/pathway-scenario.sh), one folder of
#   blocks per learner, and alice-clr.json, Alice's blocks bundled in a CLR (verity clr bundle);
# - portal/trust.json: the demo institution's branding, its trusted issuer and the mirrors.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q -p verity
verity=target/debug/verity
at=2026-01-15T09:00:00Z
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
head -2 portal/demo-src/learners.csv > "$work/one.csv"
did=$("$verity" keygen --out "$work/key" 2>/dev/null)
"$verity" issue -q --key "$work/key/key.json" --template portal/demo-src/template.json \
  --recipients portal/demo-src/learners.csv --out "$work/out" --at "$at"
mkdir -p portal/demo/status
cp "$work/out/credential-00001.json" portal/demo/valid.json
cp "$work/out/credential-00002.json" portal/demo/expired.json
sed 's/"name": "Ada Lovelace"/"name": "Ada Byron"/' portal/demo/valid.json > portal/demo/tampered.json
cmp -s portal/demo/valid.json portal/demo/tampered.json && { echo "tampering failed" >&2; exit 1; }
"$verity" issue -q --key "$work/key/key.json" --template portal/demo-src/template.json \
  --recipients "$work/one.csv" --out "$work/jwt" --at "$at" --format jwt
cp "$work/jwt/credential-00001.jwt" portal/demo/valid.jwt
"$verity" bake --credential portal/demo/valid.json --image portal/demo-src/badge.png --out portal/demo/valid-badge.png
"$verity" bake --credential portal/demo/valid.json --image portal/demo-src/badge.svg --out portal/demo/valid-badge.svg

"$verity" status create --dir "$work/status" --base-url https://demo.verity.example/status/ 2>/dev/null
"$verity" issue -q --key "$work/key/key.json" --template portal/demo-src/template.json \
  --recipients "$work/one.csv" --out "$work/revoked" --at "$at" --status-list "$work/status"
cp "$work/revoked/credential-00001.json" portal/demo/revoked.json
"$verity" status revoke --dir "$work/status" portal/demo/revoked.json 2>/dev/null
# The Pathway page's demo: the engineering-school scenario, its revoked block in the same lists.
scripts/pathway-scenario.sh "$verity" "$work/pathway" "$at" "$work/key/key.json" "$work/status"
rm -rf portal/demo/pathway && mkdir -p portal/demo/pathway
cp "$work/pathway/pathway.json" portal/demo/pathway/pathway.json
cp -r "$work/pathway/evidence/." portal/demo/pathway/
"$verity" status publish --dir "$work/status" --key "$work/key/key.json" --out portal/demo/status --at "$at" 2>/dev/null
cat > "$work/resources.json" <<JSON
{ "https://demo.verity.example/status/revocation.json": "$PWD/portal/demo/status/revocation.json",
  "https://demo.verity.example/status/suspension.json": "$PWD/portal/demo/status/suspension.json" }
JSON
"$verity" clr bundle --key "$work/key/key.json" --out portal/demo/pathway/alice-clr.json --at "$at" \
  --issuer-name "Verity Demo University" --resources "$work/resources.json" portal/demo/pathway/alice 2>/dev/null

"$verity" issue -q --key "$work/key/key.json" --template portal/demo-src/template.json \
  --recipients "$work/one.csv" --out "$work/anchored" --at "$at"
"$verity" anchor --batch "$work/anchored" --network regtest >/dev/null 2>&1
"$verity" anchor regtest --batch "$work/anchored" --out "$work/chain" --at "$at" 2>/dev/null
"$verity" anchor attach --batch "$work/anchored" --tx "$work/chain/tx.hex" \
  --block-proof "$work/chain/block-proof.hex" --headers "$work/chain/headers.txt" 2>/dev/null
cp "$work/anchored/credential-00001.json" portal/demo/anchored.json
checkpoint=$(tr -d '\n' < "$work/chain/checkpoint.json")

"$verity" keygen --out "$work/other" >/dev/null 2>&1
"$verity" issue -q --key "$work/other/key.json" --template portal/demo-src/template.json \
  --recipients "$work/one.csv" --out "$work/unknown" --at "$at"
cp "$work/unknown/credential-00001.json" portal/demo/unknown-issuer.json

# The Certificates page's demo: the institution's CA (its root goes into trust.json "x509Anchors")
# and a certificate for the demo issuer key, valid one year from today.
"$verity" certs ca --out "$work/ca" --name "Verity Demo University" >/dev/null 2>&1
mkdir -p portal/demo/certs
"$verity" certs issue --ca "$work/ca" --key "$work/key/key.json" --did "$did" \
  --name "Verity Demo University credential seal" --out portal/demo/certs/issuer-chain.pem 2>/dev/null
anchor=$(awk '{ printf "%s\\n", $0 }' "$work/ca/ca.pem")

cat > portal/trust.json <<JSON
{
  "\$comment": "Demo trust configuration (scripts/make-demo.sh). An institution replaces this file: see README, 'Hosting the portal'.",
  "name": "Verity Demo University",
  "colors": { "primary": "#0550ae", "accent": "#8250df" },
  "languages": ["en", "fr"],
  "issuers": [
    { "id": "$did", "name": "Verity Demo University", "url": "https://demo.verity.example" }
  ],
  "checkpoints": [ $checkpoint ],
  "x509Anchors": [ "$anchor" ],
  "pathways": { "Master of Engineering, Mechanical": "demo/pathway/pathway.json" },
  "resources": {
    "https://demo.verity.example/status/revocation.json": "demo/status/revocation.json",
    "https://demo.verity.example/status/suspension.json": "demo/status/suspension.json"
  }
}
JSON

# Benchmark fixtures: the valid badge signed with each suite (verifier-core/benches, tests/js/bench).
"$verity" issue -q --key "$work/key/key.json" --template portal/demo-src/template.json \
  --recipients portal/demo-src/learners.csv --out "$work/jcs" --at "$at" --suite eddsa-jcs-2022
mkdir -p verifier-core/benches/fixtures
cp "$work/jcs/credential-00001.json" verifier-core/benches/fixtures/ob-eddsa-jcs-2022.json
cp portal/demo/valid.json verifier-core/benches/fixtures/ob-eddsa-rdfc-2022.json
echo "demo written to portal/demo/ and portal/trust.json, benchmark fixtures to verifier-core/benches/fixtures/" >&2
