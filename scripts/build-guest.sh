#!/usr/bin/env bash
# Builds a guest crate for wasm32 (release) and prints the path of its .wasm file.
#
#   scripts/build-guest.sh CRATE_DIR [TARGET]     TARGET defaults to wasm32-unknown-unknown
#
# Cargo's messages go to stderr; only the path goes to stdout, so it composes:
#   gpu-run "$(scripts/build-guest.sh examples/sum)" --threads 10240 -- 100
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 CRATE_DIR [TARGET]" >&2
    exit 2
fi
crate_dir=$1
target=${2:-wasm32-unknown-unknown}
if [[ ! -f $crate_dir/Cargo.toml ]]; then
    echo "$0: no Cargo.toml in $crate_dir" >&2
    exit 1
fi

# Host-only flags would break the wasm build; the crate's own target dir keeps it apart from
# the host workspace's build.
messages=$(env -u RUSTFLAGS -u CARGO_ENCODED_RUSTFLAGS -u CARGO_BUILD_TARGET \
    cargo build --release --target "$target" --manifest-path "$crate_dir/Cargo.toml" \
    --message-format=json-render-diagnostics)
wasm=$(grep '"reason":"compiler-artifact"' <<<"$messages" | grep -o '"[^"]*\.wasm"' | tail -n 1 |
    tr -d '"' || true)
if [[ -z $wasm ]]; then
    echo "$0: cargo built no .wasm for $crate_dir (a guest library needs crate-type = [\"cdylib\"])" >&2
    exit 1
fi
echo "$wasm"
