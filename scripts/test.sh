#!/usr/bin/env bash
# Quick start, part two: installs what is missing, then runs the whole test suite: format,
# lints, unit and integration tests, and the screen tests in a window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --test
# No display, GPU or sound card is needed: the screen tests start their own Xvfb.
cargo fmt --check
# The game as released (no test tools), then everything with them.
cargo clippy --lib --bins -- -D warnings
cargo clippy --all-targets --features dev -- -D warnings
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
cargo test --features dev 2>&1 | tee "$log" || status=$?
# One closing line for the whole suite, summed over every test binary.
awk '/^test result:/ { for (i = 2; i <= NF; i++) { if ($i ~ /^passed;?$/) p += $(i - 1); if ($i ~ /^failed;?$/) f += $(i - 1) } }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
exit "$status"
