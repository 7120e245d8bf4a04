#!/usr/bin/env bash
# Measures the CPU the game uses while nothing happens: 20 s on the title screen, then 20 s
# in a timed question, after start-up. Runs the game under Xvfb and drives it with xdotool,
# as a player would; with --continuous it redraws every frame instead (for comparison).
#
#   scripts/idle-cpu.sh [--continuous] [--seconds N] [--timer 10|20|30|60]
#
# Needs: xvfb, xdotool (apt-get install xvfb xdotool) and a built game (cargo build).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=20
timer=60
mode=()
while (( $# )); do
    case "$1" in
        --continuous) mode=(--continuous) ;;
        --seconds) seconds=$2; shift ;;
        --timer) timer=$2; shift ;;
        *) echo "usage: $0 [--continuous] [--seconds N] [--timer S]" >&2; exit 2 ;;
    esac
    shift
done
target=${CARGO_TARGET_DIR:-target}
game=${BIGTUNA_BIN:-$target/debug/bigtuna}
[[ -x $game ]] || { echo "build the game first (cargo build): $game not found" >&2; exit 1; }
for tool in Xvfb xdotool; do command -v $tool >/dev/null || { echo "$tool is missing: apt-get install xvfb xdotool" >&2; exit 1; }; done

display=:$(( 90 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
config=$(mktemp -d)
trap 'kill $game_pid $xvfb 2>/dev/null || true; rm -rf "$config"' EXIT
sleep 1
export DISPLAY=$display
BIGTUNA_CONFIG=$config BIGTUNA_SAVES=$config BIGTUNA_GAMES=$config "$game" play --timer "$timer" --count 5 "${mode[@]}" >"$config/log" 2>&1 &
game_pid=$!
ticks=$(getconf CLK_TCK)

cpu_seconds() { # user + system time of the game so far
    awk -v t="$ticks" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$game_pid/stat"
}
watcher_ms() { # CPU time of the pack watcher's thread so far, in ms (it stats the packs each second)
    local task
    for task in /proc/$game_pid/task/*; do
        if [[ $(cat "$task/comm" 2>/dev/null) == pack-watcher ]]; then
            awk -v t="$ticks" '{ printf "%d", 1000 * ($14 + $15) / t }' "$task/stat"
            return
        fi
    done
    echo 0
}
measure() { # $1 = label
    local before after watched_before watched_after
    before=$(cpu_seconds)
    watched_before=$(watcher_ms)
    sleep "$seconds"
    after=$(cpu_seconds)
    watched_after=$(watcher_ms)
    awk -v a="$after" -v b="$before" -v s="$seconds" -v l="$1" -v w=$(( watched_after - watched_before )) \
        'BEGIN { printf "%-16s %5.2f CPU-s in %d s = %5.1f%% of one core (pack watcher: %d ms)\n", l, a - b, s, 100 * (a - b) / s, w }'
}

# Start-up (loading packs, compiling shaders) is not idle time.
window=""
for _ in $(seq 60); do
    window=$(xdotool search --name "Big Tuna Trivia" 2>/dev/null | head -n1 || true)
    [[ -n $window ]] && break
    sleep 0.5
done
[[ -n $window ]] || { echo "the game window did not appear" >&2; exit 1; }
sleep 6
# Without a window manager, keys reach the window only once it has the focus.
xdotool windowfocus "$window"
sleep 1
echo "mode: ${mode[*]:-reactive}"
measure "title screen"
# Play solo, move to Start past the eight setup rows, start; a new player (the config is
# fresh) is asked their name first, and Enter keeps "Player 1" and starts: a timed question.
# Keys go to the focused window through XTEST, as a keyboard's would.
xdotool windowfocus --sync "$window"
key() { xdotool key "$1"; sleep "$2"; }
key Return 1
for _ in 1 2 3 4 5 6 7 8; do key Down 0.2; done
key Return 1
key Return 2
# A figure for a question is only one if a game started (keys sent too early are lost).
grep -q "started, seed" "$config/log" || { echo "the keys did not start a game; the log ends:" >&2; tail -5 "$config/log" >&2; convert x:root /tmp/idle-fail.png 2>/dev/null; exit 1; }
measure "${timer} s question"
