#!/usr/bin/env bash
# Makes the Linux release from this checkout:
#   dist/bigtuna-VERSION-x86_64-linux.tar.gz   the binary, desktop file, icon, man pages,
#                                              completions, README and licences; runs unpacked
#   dist/bigtuna_VERSION_amd64.deb              the same, installed under /usr
#
#   scripts/package.sh [--profile release|dev]
#
# `release` (the default) builds optimised with thin LTO and stripped symbols: it compiles
# Bevy again, which takes long. `--profile dev` packages the everyday build instead, to test
# the packaging itself (scripts/check-package.sh) without that wait; never ship it.
# The .deb's Depends are worked out from the binary: the libraries it links (dpkg-shlibdeps)
# and those it opens at run time (seen by running it under Xvfb and on a headless Wayland
# desktop with LD_DEBUG), each mapped to its Debian package. Needs dpkg-dev, xvfb, weston and
# a Vulkan driver on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=release
while (( $# )); do
    case "$1" in
        --profile) profile=$2; shift ;;
        *) echo "usage: $0 [--profile release|dev]" >&2; exit 2 ;;
    esac
    shift
done
for tool in dpkg-deb dpkg-shlibdeps xvfb-run weston; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install dpkg-dev xvfb weston" >&2; exit 1; }
done
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
target=${CARGO_TARGET_DIR:-$PWD/target}
cargo build --locked --profile "$profile"
case "$profile" in dev) built=$target/debug/bigtuna ;; *) built=$target/$profile/bigtuna ;; esac
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
"$built" package-files "$stage/files"
mkdir -p dist

# The tarball: everything in one folder, run from where it is unpacked.
name=bigtuna-$version-x86_64-linux
tree=$stage/$name
install -Dm755 "$built" "$tree/bigtuna"
[[ $profile == dev ]] && strip --strip-unneeded "$tree/bigtuna"
install -Dm644 -t "$tree" packaging/bigtuna.desktop "$stage/files/bigtuna.png" README.md LICENSE-MIT LICENSE-APACHE
install -Dm644 packaging/copyright "$tree/COPYRIGHT"
install -Dm644 -t "$tree/man" "$stage/files/"*.6
install -Dm644 -t "$tree/completions" "$stage/files/bigtuna.bash" "$stage/files/_bigtuna" "$stage/files/bigtuna.fish"
tar -C "$stage" --owner=0 --group=0 --sort=name -czf "dist/$name.tar.gz" "$name"

# The .deb.
root=$stage/deb
install -Dm755 "$tree/bigtuna" "$root/usr/bin/bigtuna"
install -Dm644 packaging/bigtuna.desktop "$root/usr/share/applications/bigtuna.desktop"
install -Dm644 "$stage/files/bigtuna.png" "$root/usr/share/icons/hicolor/256x256/apps/bigtuna.png"
mkdir -p "$root/usr/share/man/man6"
for page in "$stage/files/"*.6; do gzip -9n -c "$page" > "$root/usr/share/man/man6/$(basename "$page").gz"; done
install -Dm644 "$stage/files/bigtuna.bash" "$root/usr/share/bash-completion/completions/bigtuna"
install -Dm644 "$stage/files/_bigtuna" "$root/usr/share/zsh/vendor-completions/_bigtuna"
install -Dm644 "$stage/files/bigtuna.fish" "$root/usr/share/fish/vendor_completions.d/bigtuna.fish"
install -Dm644 packaging/copyright "$root/usr/share/doc/bigtuna/copyright"
install -Dm644 packaging/lintian-overrides "$root/usr/share/lintian/overrides/bigtuna"
printf 'bigtuna (%s) unstable; urgency=medium\n\n  * Release %s: see README.md.\n\n -- The Big Tuna Trivia developers <bigtuna@example.org>  %s\n' \
    "$version" "$version" "$(date -R -d @"$(git log -1 --format=%ct 2>/dev/null || date +%s)")" \
    | gzip -9n > "$root/usr/share/doc/bigtuna/changelog.gz"

# Depends: what the binary links...
mkdir -p "$stage/src/debian"
printf 'Source: bigtuna\n\nPackage: bigtuna\nArchitecture: amd64\n' > "$stage/src/debian/control"
linked=$(cd "$stage/src" && dpkg-shlibdeps -O "$root/usr/bin/bigtuna" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
# ...and what it opens itself when it runs (dlopen: X11 or Wayland, the Vulkan loader...), by
# package: one run under Xvfb, one on a headless Wayland desktop (weston).
# Graphics drivers are recommended, not required: any Vulkan driver will do, and Mesa's
# OpenGL (EGL) is the fallback where none does.
probe() { # ENV... [-- WRAPPER...]: one short run of the game, its loader's log kept in ld.log
    local environment=()
    while (( $# )) && [[ $1 != -- ]]; do environment+=("$1"); shift; done
    (( $# )) && shift
    env "${environment[@]}" LD_DEBUG=files BIGTUNA_CONFIG="$stage/run" BIGTUNA_SAVES="$stage/run" \
        BIGTUNA_GAMES="$stage/run" "$@" "$root/usr/bin/bigtuna" play --exit-after-frames 10 \
        > /dev/null 2>> "$stage/ld.log" || true
}
probe -- xvfb-run -a -s "-screen 0 1280x720x24"
mkdir -m 700 "$stage/xdg"
XDG_RUNTIME_DIR=$stage/xdg weston --backend=headless-backend.so --socket=wl-package > /dev/null 2>&1 &
weston=$!
for _ in $(seq 100); do [[ -S $stage/xdg/wl-package ]] && break; sleep 0.1; done
probe -u DISPLAY XDG_RUNTIME_DIR="$stage/xdg" WAYLAND_DISPLAY=wl-package
kill "$weston"; wait "$weston" 2>/dev/null || true
grep -q "libwayland-client" "$stage/ld.log" || { echo "the Wayland run opened no libwayland: is weston working?" >&2; exit 1; }
opened=$(grep "dynamically loaded by $root/usr/bin/bigtuna" "$stage/ld.log" | sed 's/.*file=\([^ ]*\) .*/\1/' | sort -u)
depends=()
for lib in $opened; do
    # A library it only tries (RenderDoc, for graphics debugging) is on no user's list.
    path=$(ldconfig -p | awk -v lib="$lib" '$1 == lib && /x86-64/ { print $NF; exit }')
    [[ -z $path ]] && continue
    package=""
    for candidate in "$path" "$(readlink -f "$path")" "/usr$(readlink -f "$path")"; do
        package=$(dpkg -S "$candidate" 2>/dev/null | head -n1 | cut -d: -f1) && break
    done
    [[ -n $package ]] && ! grep -qw "$package" <<< "$linked" && depends+=("$package")
done
runtime=$( (( ${#depends[@]} )) && printf '%s\n' "${depends[@]}" | sort -u | paste -sd, | sed 's/,/, /g' || true)
drivers="mesa-vulkan-drivers | vulkan-icd, libegl1, libgl1-mesa-dri"
mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: bigtuna
Version: $version
Architecture: amd64
Maintainer: The Big Tuna Trivia developers <bigtuna@example.org>
Installed-Size: $(du -sk "$root/usr" | cut -f1)
Depends: ${linked}${runtime:+, $runtime}
Recommends: $drivers
Section: games
Priority: optional
Description: trivia game about Jim Halpert of The Office (US)
 Big Tuna Trivia is a desktop trivia game about Jim Halpert of The Office (US):
 quick, fair solo rounds that teach something at every answer, and party nights
 on one big screen with keyboards, gamepads and phones on the local network as
 buzzers. Players write their own question packs in plain text, or import them
 from spreadsheets and Open Trivia DB.
CONTROL
dpkg-deb --root-owner-group -Zxz --build "$root" "dist/bigtuna_${version}_amd64.deb" >/dev/null
ls -l "dist/$name.tar.gz" "dist/bigtuna_${version}_amd64.deb"
echo "Depends: ${linked}${runtime:+, $runtime}"
echo "Recommends: $drivers"
