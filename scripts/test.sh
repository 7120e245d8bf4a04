#!/usr/bin/env bash
# Quick start, part two: installs what is missing, then runs the whole test suite: format,
# lints, unit and integration tests, and the screen tests in a window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --test
# No display, GPU or sound card is needed: the screen tests start their own Xvfb.
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo test
