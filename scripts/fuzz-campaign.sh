#!/usr/bin/env bash
# A long fuzzing campaign: the suite's own fuzz strategies (tests/fuzz.rs, the matcher's and
# the phone protocol's) with many more cases each. cargo-fuzz would need a nightly toolchain;
# this runs on the stable one.
#
#   scripts/fuzz-campaign.sh [CASES] [SECONDS]
#
# CASES per property (default 20000); SECONDS bounds the whole run (default 3600): a hang is a
# finding too. Prints the time, the peak memory and any failure; proptest keeps a failing case
# in tests/proptest-regressions/ so the next `cargo test --features dev` runs it again.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/bigtuna/target}
cases=${1:-20000}
limit=${2:-3600}
cargo test --features dev --test main --no-run --quiet
log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
status=0
# GNU time (Debian's `time`) reports the peak memory; without it the run goes on without.
timer=()
[ -x /usr/bin/time ] && timer=(/usr/bin/time -v)
BIGTUNA_FUZZ_CASES=$cases timeout "$limit" "${timer[@]}" \
    cargo test --features dev --quiet --test main -- fuzz:: matcher:: phones::any_text --test-threads=2 >"$log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))
peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
grep -E "^test result|panicked|minimal failing input|Test failed" "$log" || true
echo "fuzz campaign: $cases cases per property, ${elapsed} s, peak memory ${peak:-?} KiB, exit $status"
if [ "$status" = 124 ]; then
    echo "the campaign did not finish in $limit s: look for a hang" >&2
fi
exit "$status"
