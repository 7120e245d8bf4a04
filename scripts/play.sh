#!/usr/bin/env bash
# Quick start, part one: installs what is missing, builds, and plays Big Tuna Trivia.
# Any arguments go to `bigtuna play` (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# The dev profile builds dependencies at opt-level 3: fast enough to play, and shared
# with the test command, so Bevy is compiled once.
exec cargo run -- play "$@"
