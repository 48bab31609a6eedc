#!/usr/bin/env bash
# Builds an example guest and runs it on the GPU with gpu-run.
#
#   scripts/run-example.sh [NAME [GPU-RUN OPTIONS...] [-- ARGS...]]
#
# With no arguments: examples/sum on 10240 threads, each computing 1 + 2 + ... + 100.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh

name=${1:-sum}
shift || true
if [[ $# -eq 0 && $name == sum ]]; then
    set -- --threads 10240 -- 100
fi

wasm=$(scripts/build-guest.sh "examples/$name")
cargo run --release -p gpu-runtime --bin gpu-run -- "$wasm" "$@"
