#!/usr/bin/env bash
# Sets up what is missing and runs every test: native, wasm in Chromium and Firefox,
# and end-to-end in headless Chromium.
#   scripts/test.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh --browsers

step() { printf '\n=== %s ===\n' "$*" >&2; }

step "formatting (cargo fmt --all --check)"
cargo fmt --all --check
(cd fuzz && cargo fmt --check)

step "native tests (cargo test)"
cargo test --all-targets

step "API docs build without broken links (cargo doc, native and wasm)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet --target wasm32-unknown-unknown --no-default-features --features widget

step "wasm tests in headless Chromium"
wasm-pack test --headless --chrome -- --no-default-features --features widget --test web

step "wasm tests in headless Firefox"
wasm-pack test --headless --firefox -- --no-default-features --features widget --test web

step "release build of www/ and the bundle-size check"
scripts/build.sh
node scripts/size-check.mjs

step "type check of the widget's JavaScript (tsc, checked JSDoc; needs the build's www/pkg types)"
node_modules/.bin/tsc -p tsconfig.json

step "the npm package ships every module the element imports"
node scripts/package-check.mjs

step "end-to-end tests in headless Chromium"
node --test tests/e2e/
