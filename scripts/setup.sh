#!/usr/bin/env bash
# Installs what building (and, with --test, testing) Big Tuna Trivia needs and is missing:
# Debian/Ubuntu packages, and Rust if there is no cargo. Safe to run again: it only installs
# what is not there.
set -euo pipefail

packages=(gcc pkg-config libasound2-dev libudev-dev libxkbcommon-x11-0 libvulkan1 mesa-vulkan-drivers)
if [[ "${1:-}" == "--test" ]]; then
    # Tests open a real window on a virtual display (Xvfb) with software Vulkan, and play the
    # phone page in Debian's Chromium, driven by playwright-core on Node.js; zbarimg reads
    # the TV's QR code back from a screenshot.
    # weston is a headless Wayland desktop, for the test that the game opens its window there.
    # libegl1 and libgl1-mesa-dri are Mesa's OpenGL, for the tests of the fallback with no
    # Vulkan driver.
    packages+=(xvfb xauth chromium zbar-tools weston libegl1 libgl1-mesa-dri)
    command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if (( ${#missing[@]} > 0 )); then
    echo "Installing: ${missing[*]}"
    sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
    if [[ -x "$HOME/.cargo/bin/cargo" ]]; then
        export PATH="$HOME/.cargo/bin:$PATH"
    else
        echo "Installing Rust (rustup, stable toolchain)"
        curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component clippy,rustfmt
        export PATH="$HOME/.cargo/bin:$PATH"
    fi
fi

if [[ "${1:-}" == "--test" && ! -d tests/browser/node_modules/playwright-core ]]; then
    # The version in tests/browser/package-lock.json; it drives the Chromium above and
    # downloads no browser of its own.
    echo "Installing playwright-core for the browser test"
    (cd tests/browser && npm ci --no-audit --no-fund --silent)
fi
