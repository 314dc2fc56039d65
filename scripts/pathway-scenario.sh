#!/usr/bin/env bash
# Builds the stackable-credentials scenario with the verity CLI (used by make-demo.sh for the
# portal's demo and by issuer-cli/tests/pathway.rs):
#   pathway-scenario.sh VERITY OUT AT [KEY.json STATUS_DIR]
# OUT/evidence/<learner>/ holds each learner's block credentials (portal/demo-src/blocks.csv,
# issued at AT from block-template.json), for the pathway portal/demo-src/pathway.json:
#   alice   all blocks                 → complete
#   bruno   two core blocks only       → incomplete
#   chloe   her elective block revoked → incomplete
#   david   his elective block expired → incomplete
#   emma    a CAD block that is Frank's, not hers → incomplete
#   gaspard a forged CAD block (its name edited after signing) → incomplete
# Without KEY/STATUS_DIR a key and status lists are made in OUT; the lists are published to
# OUT/lists and mapped in OUT/resources.json. With them (make-demo.sh), the caller publishes.
set -euo pipefail
verity=$1 out=$2 at=$3
src="$(cd "$(dirname "$0")/.." && pwd)/portal/demo-src"
mkdir -p "$out"
if [ $# -ge 5 ]; then
  key=$4 status=$5 publish=no
else
  "$verity" keygen --out "$out/key" >/dev/null 2>&1
  "$verity" status create --dir "$out/status" --base-url https://demo.verity.example/status/ >/dev/null 2>&1
  key=$out/key/key.json status=$out/status publish=yes
fi
cp "$src/pathway.json" "$out/pathway.json"
"$verity" issue -q --key "$key" --template "$src/block-template.json" --recipients "$src/blocks.csv" \
  --out "$out/issued" --at "$at" --status-list "$status"
# Sort the batch into one folder per learner (the CSV's first column), in row order.
row=0
tail -n +2 "$src/blocks.csv" | while IFS=, read -r folder _ _ code _; do
  row=$((row + 1))
  mkdir -p "$out/evidence/$folder"
  cp "$out/issued/$(printf 'credential-%05d.json' "$row")" "$out/evidence/$folder/$code.json"
done
ev=$out/evidence
"$verity" status revoke --dir "$status" "$ev/chloe/energy.json" >/dev/null 2>&1
mv "$ev/frank/cad.json" "$ev/emma/cad.json" && rmdir "$ev/frank"
sed 's/"Computer-Aided Design"/"Computer-Aided Design (with distinction)"/' "$ev/gaspard/cad.json" > "$ev/gaspard/cad.forged"
cmp -s "$ev/gaspard/cad.json" "$ev/gaspard/cad.forged" && { echo "forging failed" >&2; exit 1; }
mv "$ev/gaspard/cad.forged" "$ev/gaspard/cad.json"
if [ "$publish" = yes ]; then
  "$verity" status publish --dir "$status" --key "$key" --out "$out/lists" --at "$at" >/dev/null 2>&1
  cat > "$out/resources.json" <<JSON
{ "https://demo.verity.example/status/revocation.json": "lists/revocation.json",
  "https://demo.verity.example/status/suspension.json": "lists/suspension.json" }
JSON
fi
