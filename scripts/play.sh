#!/usr/bin/env bash
# Quick start, part one: installs what is missing, builds, and plays Big Tuna Trivia.
# Any arguments go to `bigtuna play` (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
exec cargo run --release -- play "$@"
