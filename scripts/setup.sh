#!/usr/bin/env bash
# Makes this machine ready to build and run the project; safe to run again (quick when ready).
#
# - Linux with apt (Debian, Ubuntu): installs what is missing of a C linker, the Vulkan
#   loader and Mesa's Vulkan drivers. Mesa brings lavapipe, a Vulkan device on the CPU, so the
#   GPU code runs (slowly) on machines without a GPU driver too.
# - Adds the Rust targets guests are built for: wasm32-unknown-unknown and wasm32-wasip1.
set -euo pipefail

log() { printf 'setup: %s\n' "$*" >&2; }

# Debian packages the project needs, with a command that succeeds when each is present.
apt_packages=()
need_package() { # package, test command...
    local package=$1
    shift
    if ! "$@" >/dev/null 2>&1; then
        apt_packages+=("$package")
    fi
}

# (No `grep -q` after a pipe: it can end the writer early, which `pipefail` counts as failure.)
ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
has_lib() { "$ldconfig" -p 2>/dev/null | grep -F "$1" >/dev/null; }
has_lavapipe() { compgen -G '/usr/share/vulkan/icd.d/lvp_icd*.json' >/dev/null; }
is_installed() { [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == 'install ok installed' ]]; }

install_apt_packages() {
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        if ! command -v sudo >/dev/null; then
            log "need root (or sudo) to install: ${apt_packages[*]}"
            exit 1
        fi
        sudo=(sudo)
    fi
    log "installing ${apt_packages[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${apt_packages[@]}"
}

if [[ $(uname -s) == Linux ]]; then
    if command -v apt-get >/dev/null && command -v dpkg-query >/dev/null; then
        need_package gcc command -v cc
        need_package libc6-dev is_installed libc6-dev
        need_package libvulkan1 has_lib libvulkan.so.1
        need_package mesa-vulkan-drivers has_lavapipe
        if [[ ${#apt_packages[@]} -gt 0 ]]; then
            install_apt_packages
        fi
    elif ! has_lib libvulkan.so.1; then
        log "warning: no Vulkan loader (libvulkan.so.1) found; install your distribution's" \
            "Vulkan loader and Mesa Vulkan drivers"
    fi
fi

# Rust targets for guests.
targets=(wasm32-unknown-unknown wasm32-wasip1)
if command -v rustup >/dev/null; then
    installed=$(rustup target list --installed)
    missing=()
    for target in "${targets[@]}"; do
        if ! grep -qx "$target" <<<"$installed"; then
            missing+=("$target")
        fi
    done
    if [[ ${#missing[@]} -gt 0 ]]; then
        log "adding Rust targets ${missing[*]}"
        rustup target add "${missing[@]}"
    fi
else
    sysroot=$(rustc --print sysroot)
    for target in "${targets[@]}"; do
        if [[ ! -d $sysroot/lib/rustlib/$target ]]; then
            log "warning: the Rust target $target is missing and rustup is not installed"
        fi
    done
fi
