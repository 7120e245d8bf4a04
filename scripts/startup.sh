#!/usr/bin/env bash
# Start-up to the first frame, and memory on the title screen, of the game beside an empty
# Bevy app built the same way (the same binary run with the hidden `--bare`: the engine, its
# window and features, a camera, nothing of the game), measured alternately, run by run.
# Under Xvfb, software Vulkan.
#
#   scripts/startup.sh [--release] [RUNS]   (default 5; each figure is the median of RUNS)
#
# `--release` measures the release build that scripts/package.sh made, instead of building
# the everyday one. Needs xvfb-run and GNU time (Debian: xvfb, time). Prints a table for
# docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/measured-game.sh "$@"

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# one FRAMES [--bare]: prints "seconds peak-KiB" of one run
one() {
    local frames=$1; shift
    xvfb-run -a -s "-screen 0 1280x720x24" /usr/bin/time -f "%e %M" -o "$scratch/time" \
        "$game" play --exit-after-frames "$frames" "$@" >/dev/null 2>&1
    cat "$scratch/time"
}
# The game and the empty app alternately, so that a busy moment of the machine falls on both.
for _ in $(seq "$runs"); do
    # The first frame: the process exits right after it is drawn.
    one 1 >> "$scratch/game-first"; one 1 --bare >> "$scratch/bare-first"
    # The title screen, settled: 120 frames.
    one 120 >> "$scratch/game-title"; one 120 --bare >> "$scratch/bare-title"
done
game_first=$(awk '{print $1}' "$scratch/game-first" | median)
bare_first=$(awk '{print $1}' "$scratch/bare-first" | median)
game_mem=$(awk '{print $2}' "$scratch/game-title" | median)
bare_mem=$(awk '{print $2}' "$scratch/bare-title" | median)

awk -v gf="$game_first" -v bf="$bare_first" -v gm="$game_mem" -v bm="$bare_mem" 'BEGIN {
    printf "| what | the game | empty Bevy app | game / empty |\n|---|---:|---:|---:|\n"
    printf "| start-up to the first frame (s) | %.2f | %.2f | %.2f |\n", gf, bf, gf / bf
    printf "| peak memory by the title screen (MiB) | %.0f | %.0f | +%.0f MiB |\n", gm / 1024, bm / 1024, (gm - bm) / 1024
}'
