#!/usr/bin/env bash
# Checks the release files of scripts/package.sh for real, each in a clean Debian:
#  1. the .deb installed with apt in a fresh bookworm chroot (its Depends and Recommends
#     resolved from Debian, nothing else), then as an ordinary user from /: --version,
#     packs, validate, and the title under Xvfb (screenshot), and on Wayland (headless
#     weston, no X display; screenshot); again with no Vulkan driver (OpenGL draws the
#     title, on X11 and on Wayland); with no OpenGL either (a message that says what to
#     install, exit code 3, no panic); then the package
#     purged: what left /usr is exactly its files, and nothing of it stays;
#  2. the tarball unpacked in another fresh chroot (with the .deb's Depends installed) and
#     run the same way from where it is unpacked;
#  3. desktop-file-validate on the desktop entry and lintian on the .deb.
# Screenshots go to dist/check/. The chroot's base (debootstrap --variant=minbase) is made
# once and kept in ~/.cache/bigtuna/bookworm-base. Needs root, debootstrap, lintian,
# desktop-file-utils.
#
#   scripts/check-package.sh
set -uo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
deb=dist/bigtuna_${version}_amd64.deb
tarball=dist/bigtuna-${version}-x86_64-linux.tar.gz
[[ -f $deb && -f $tarball ]] || { echo "make the release first: scripts/package.sh" >&2; exit 1; }
base=$HOME/.cache/bigtuna/bookworm-base
out=dist/check
rm -rf "$out"; mkdir -p "$out"
failures=0
check() { # NAME COMMAND...: runs, says ok or FAILED
    local name=$1; shift
    if "$@" > "$out/$name.log" 2>&1; then echo "ok      $name"; else echo "FAILED  $name (see $out/$name.log)"; failures=$((failures + 1)); fi
}
if [[ ! -d $base ]]; then
    debootstrap --variant=minbase bookworm "$base.new" http://deb.debian.org/debian > "$out/debootstrap.log" 2>&1 \
        || { echo "debootstrap failed: $out/debootstrap.log" >&2; exit 1; }
    mv "$base.new" "$base"
fi

# A fresh copy of the base, with /proc and /dev, and an ordinary user.
chroots=()
fresh() {
    local root
    root=$(mktemp -d /tmp/bigtuna-chroot.XXXXXX)
    cp -a "$base/." "$root/"
    mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    chroot "$root" useradd -m player
    chroots+=("$root")
    echo "$root"
}
cleanup() {
    for root in "${chroots[@]}"; do
        umount -R "$root/dev" 2>/dev/null; umount "$root/proc" 2>/dev/null
        rm -rf --one-file-system "$root"
    done
}
trap cleanup EXIT
in_root() { chroot "$1" env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 bash -c "$2"; }
as_player() { chroot --userspec=player:player "$1" env -i HOME=/home/player PATH=/usr/bin:/bin bash -c "cd / && $2"; }
play() { # ROOT BIN SHOT: the title under Xvfb, its screenshot copied out
    as_player "$1" "xvfb-run -a -s '-screen 0 1280x720x24' $2 play --exit-after-frames 60 --screenshot /tmp/title.png" \
        && cp "$1/tmp/title.png" "$out/$3.png"
}
runs() { # ROOT BIN TAG: the four runs of a release
    check "$3-version" as_player "$1" "$2 --version | grep -qx 'bigtuna $version'"
    check "$3-packs" as_player "$1" "$2 packs | grep -q 'from:         built-in'"
    check "$3-validate" as_player "$1" "$2 validate | grep -q ': all valid$'"
    check "$3-title" play "$1" "$2" "$3-title"
}

# 1. The .deb.
root=$(fresh)
in_root "$root" "apt-get update -q" > "$out/apt-update.log" 2>&1
cp "$deb" "$root/tmp/bigtuna.deb"
check deb-install in_root "$root" "apt-get install -y -q /tmp/bigtuna.deb"
# Xvfb is the test's, not the game's: installed after, removed before /usr is compared.
check xvfb-install in_root "$root" "apt-get install -y -q --no-install-recommends xvfb xauth"
runs "$root" bigtuna deb
check desktop-entry test -f "$root/usr/share/applications/bigtuna.desktop"
# On a Wayland desktop (a headless weston, the test's too), with no X display at all.
check weston-install in_root "$root" "apt-get install -y -q --no-install-recommends weston"
check deb-wayland-title as_player "$root" "mkdir -m 700 /tmp/xdg; export XDG_RUNTIME_DIR=/tmp/xdg
    weston --backend=headless-backend.so --socket=wl-check > /tmp/weston.log 2>&1 & weston=\$!
    for _ in \$(seq 100); do [ -S /tmp/xdg/wl-check ] && break; sleep 0.1; done
    WAYLAND_DISPLAY=wl-check bigtuna play --exit-after-frames 60 --screenshot /tmp/wayland.png; status=\$?
    kill \$weston; exit \$status"
cp "$root/tmp/wayland.png" "$out/deb-wayland-title.png" 2>/dev/null
check no-vulkan-driver in_root "$root" "apt-get remove -y -q mesa-vulkan-drivers"
check deb-no-vulkan-title play "$root" bigtuna deb-no-vulkan-title
check deb-no-vulkan-draws-with-opengl grep -q "drawing with OpenGL" "$out/deb-no-vulkan-title.log"
check deb-no-vulkan-wayland-title as_player "$root" "export XDG_RUNTIME_DIR=/tmp/xdg
    weston --backend=headless-backend.so --socket=wl-check > /tmp/weston.log 2>&1 & weston=\$!
    for _ in \$(seq 100); do [ -S /tmp/xdg/wl-check ] && break; sleep 0.1; done
    WAYLAND_DISPLAY=wl-check bigtuna play --exit-after-frames 60 --screenshot /tmp/wayland-gl.png > /tmp/wayland-gl.log 2>&1
    status=\$?; kill \$weston; grep -q 'drawing with OpenGL' /tmp/wayland-gl.log && exit \$status"
cp "$root/tmp/wayland-gl.png" "$out/deb-no-vulkan-wayland-title.png" 2>/dev/null
check no-opengl-driver in_root "$root" "apt-get remove -y -q libegl-mesa0"
check deb-no-driver-says-why as_player "$root" "xvfb-run -a bigtuna play --exit-after-frames 5 > /tmp/none.log 2>&1
    [ \$? -eq 3 ] && grep -q 'apt install mesa-vulkan-drivers libegl1 libgl1-mesa-dri' /tmp/none.log && ! grep -q panicked /tmp/none.log"
# Removing it: the paths that leave /usr are the package's own, and none of it stays.
in_root "$root" "dpkg -L bigtuna" | sort > "$out/bigtuna-files.txt"
find "$root/usr" | sed "s|^$root||" | sort > "$out/usr-installed.txt"
check deb-purge in_root "$root" "apt-get purge -y -q bigtuna"
find "$root/usr" | sed "s|^$root||" | sort > "$out/usr-after.txt"
comm -23 "$out/usr-installed.txt" "$out/usr-after.txt" > "$out/usr-removed.txt"
check usr-removed-is-the-package test -z "$(comm -23 "$out/usr-removed.txt" "$out/bigtuna-files.txt")"
check usr-keeps-nothing-of-it test -z "$(grep -i bigtuna "$out/usr-after.txt")"

# 2. The tarball, with the .deb's Depends (and a driver) from Debian.
root=$(fresh)
depends=$(dpkg-deb -f "$deb" Depends | sed 's/([^)]*)//g; s/,/ /g')
check tar-depends in_root "$root" "apt-get update -q && apt-get install -y -q --no-install-recommends $depends mesa-vulkan-drivers xvfb xauth"
tar -C "$root/home/player" -xzf "$tarball" && chroot "$root" chown -R player:player /home/player
runs "$root" "/home/player/bigtuna-$version-x86_64-linux/bigtuna" tar

# 3. The packaging files.
check desktop-file-validate desktop-file-validate packaging/bigtuna.desktop
check lintian lintian --tag-display-limit 0 --fail-on error,warning "$deb"
echo "sizes: $(du -h "$deb" | cut -f1) .deb, $(du -h "$tarball" | cut -f1) tarball"
echo "$failures failed"
exit $(( failures > 0 ))
