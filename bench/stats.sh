#!/usr/bin/env bash
# The statistics and appraisal benchmarks natively and compiled to wasm (run by Node's WASI).
#   bench/stats.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
rustup target list --installed | grep -qx wasm32-wasip1 || rustup target add wasm32-wasip1
cargo run --quiet --release --example bench_stats
cargo build --quiet --release --example bench_stats --target wasm32-wasip1 --no-default-features
node --no-warnings bench/wasi-run.mjs "${CARGO_TARGET_DIR:-target}/wasm32-wasip1/release/examples/bench_stats.wasm"
cargo run --quiet --release --example bench_appraise
cargo build --quiet --release --example bench_appraise --target wasm32-wasip1 --no-default-features
node --no-warnings bench/wasi-run.mjs "${CARGO_TARGET_DIR:-target}/wasm32-wasip1/release/examples/bench_appraise.wasm"
