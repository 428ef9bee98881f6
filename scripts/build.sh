#!/usr/bin/env bash
# Builds the wasm package into www/pkg (size-optimised), so www/ is a static site.
#   scripts/build.sh [--dev]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
cd "$ROOT"
profile=--release
[[ "${1:-}" == "--dev" ]] && profile=--dev
# wasm-pack's own wasm-opt download cannot work here (see Cargo.toml metadata); the npm
# binaryen below is newer than Debian's and understands what current Rust emits.
wasm-pack build $profile --target web --out-dir www/pkg --out-name evidence_lens -- --no-default-features
rm -f www/pkg/.gitignore www/pkg/package.json www/pkg/README.md
# The built-in dataset is not compiled into the wasm (see the builtin-data feature): it is
# downloaded beside it, only by pages that show it.
cp src/data/ms-stem-cells.json www/pkg/builtin.json
if [[ "$profile" == "--release" ]]; then
  wasm="www/pkg/evidence_lens_bg.wasm"
  before=$(stat -c %s "$wasm")
  # The module's memory is its own, not imported, so it starts zeroed (--zero-filled-memory);
  # --converge repeats -Oz while it still shrinks. (Not --low-memory-unused: Rust puts the
  # stack first, at the bottom of memory.)
  node_modules/.bin/wasm-opt -Oz --converge --zero-filled-memory --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  after=$(stat -c %s "$wasm")
  echo "[build] wasm-opt -Oz: $before -> $after bytes ($(gzip -9c "$wasm" | wc -c) gzipped)" >&2
fi
