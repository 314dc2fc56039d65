#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets) with libFuzzer for SECONDS each (default 60), starting
# from fuzz/corpus/<target>. Installs cargo-fuzz (crates.io) and uses the nightly toolchain present
# on this machine. New crash inputs land in fuzz/artifacts/<target>/: commit them, and they are
# replayed by the normal test suite (tests/tests/fuzz_replay.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v cargo-fuzz >/dev/null || cargo install --root .tools cargo-fuzz --locked
export PATH="$PWD/.tools/bin:$PATH"
for target in $(cd fuzz/fuzz_targets && ls *.rs | sed 's/\.rs$//'); do
  echo "=== $target (${seconds}s)"
  (cd fuzz && cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 2>&1 | tail -3)
done
