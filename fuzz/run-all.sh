#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 5) on its committed seed corpus, with a scratch
# corpus in a temporary folder so the committed seeds stay as they are. Needs cargo-fuzz;
# RUSTC_BOOTSTRAP lets the stable toolchain build with the sanitizer flags cargo-fuzz passes.
# Exits non-zero when a target finds a crash (the input is left in fuzz/artifacts/).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-5}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export RUSTC_BOOTSTRAP=1
cargo fuzz build
for target in $(cargo fuzz list); do
    mkdir -p "$scratch/$target"
    echo "fuzz: $target for ${seconds}s"
    status=0
    cargo fuzz run "$target" "$scratch/$target" "corpus/$target" -- -max_total_time="$seconds" \
        > "$scratch/$target.log" 2>&1 || status=$?
    grep -E "^Done|SUMMARY|panicked" "$scratch/$target.log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$scratch/$target.log"
        exit "$status"
    fi
done
