#!/usr/bin/env bash
# Start-up to the first frame, and memory on the title screen, of the game beside an empty
# Bevy app built the same way (the same binary run with the hidden `--bare`: the engine, its
# window and features, a camera, nothing of the game). Under Xvfb, software Vulkan.
#
#   scripts/startup.sh [RUNS]     (default 5; each figure is the median of RUNS)
#
# Needs xvfb-run and GNU time (Debian: xvfb, time). Prints a table for docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/bigtuna/target}
runs=${1:-5}
cargo build --quiet
game="$CARGO_TARGET_DIR/debug/bigtuna"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export BIGTUNA_CONFIG=$scratch BIGTUNA_SAVES=$scratch BIGTUNA_GAMES=$scratch/games

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# measure FRAMES [--bare]: prints "seconds peak-KiB" per run, one run per line
measure() {
    local frames=$1; shift
    for _ in $(seq "$runs"); do
        xvfb-run -a -s "-screen 0 1280x720x24" /usr/bin/time -f "%e %M" -o "$scratch/time" \
            "$game" play --exit-after-frames "$frames" "$@" >/dev/null 2>&1
        cat "$scratch/time"
    done
}

# The first frame: the process exits right after it is drawn.
game_first=$(measure 1 | awk '{print $1}' | median)
bare_first=$(measure 1 --bare | awk '{print $1}' | median)
# The title screen, settled: 120 frames.
game_mem=$(measure 120 | awk '{print $2}' | median)
bare_mem=$(measure 120 --bare | awk '{print $2}' | median)

awk -v gf="$game_first" -v bf="$bare_first" -v gm="$game_mem" -v bm="$bare_mem" 'BEGIN {
    printf "| what | the game | empty Bevy app | game / empty |\n|---|---:|---:|---:|\n"
    printf "| start-up to the first frame (s) | %.2f | %.2f | %.2f |\n", gf, bf, gf / bf
    printf "| peak memory by the title screen (MiB) | %.0f | %.0f | +%.0f MiB |\n", gm / 1024, bm / 1024, (gm - bm) / 1024
}'
