# Sourced by the measuring scripts (startup.sh, media-load.sh) with their arguments: which
# build to measure and how many runs. Sets `game` (the binary: `--release` for the one
# scripts/package.sh made, else the everyday build, built now), `runs` (default 5) and
# `scratch` (a folder removed on exit), and points the game's folders into `scratch`.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/bigtuna/target}
release=false
[[ ${1:-} == --release ]] && { release=true; shift; }
runs=${1:-5}
if $release; then
    game="$CARGO_TARGET_DIR/release/bigtuna"
    [[ -x $game ]] || { echo "build the release first: scripts/package.sh" >&2; exit 1; }
else
    cargo build --quiet
    game="$CARGO_TARGET_DIR/debug/bigtuna"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export BIGTUNA_CONFIG=$scratch/config BIGTUNA_SAVES=$scratch/saves BIGTUNA_GAMES=$scratch/games
