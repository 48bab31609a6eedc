#!/usr/bin/env bash
# Builds gpu-bench (release, stripped) and its guest (bench/guest for wasm32) and copies both
# into DEST (default .dev/, which the device flow carries: see docs/PERFORMANCE.md).
#
#   scripts/build-bench.sh [DEST]
#
# Then, on a machine without a Rust toolchain:
#   DEST/gpu-bench --wasm DEST/bench_guest.wasm --size full --runs 20
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dest=${1:-.dev}
mkdir -p "$dest"

wasm=$(scripts/build-guest.sh bench/guest)
cargo build --release -p gpu-bench
cp "$wasm" "$dest/bench_guest.wasm"
cp target/release/gpu-bench "$dest/gpu-bench"
strip "$dest/gpu-bench" 2>/dev/null || true
ls -l "$dest/gpu-bench" "$dest/bench_guest.wasm" >&2
