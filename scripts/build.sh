#!/usr/bin/env bash
# Builds the wasm package into www/pkg (size-optimised), so www/ is a static site.
#   scripts/build.sh [--dev]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
cd "$ROOT"
profile=--release
[[ "${1:-}" == "--dev" ]] && profile=--dev
# The element: www/lens/element.js and the modules it imports bundled and minified into
# www/evidence-lens.js, the one script a page loads (before the first chart, modules fetched in
# series cost ~80 ms). Its code keeps resolving ./pkg/ as each module did from www/lens/: every
# `import.meta.url` reads as the address of www/lens/element.js (the banner's constant, made with
# a string replace rather than `new URL('…', import.meta.url)`, which bundlers would take for an
# asset to copy). lens/convert.js, imported on demand, is inside the bundle; pkg/import/ and
# pkg/table/ are not.
node_modules/.bin/esbuild www/lens/element.js --bundle --format=esm --minify --target=es2022 --charset=utf8 \
  --log-level=warning --sourcemap --sources-content=false \
  "--banner:js=const __lensModuleUrl=import.meta.url.replace(/[^/?#]*([?#].*)?\$/,'lens/element.js');" \
  --define:import.meta.url=__lensModuleUrl --outfile=www/evidence-lens.js
# wasm-pack's own wasm-opt download cannot work here (see Cargo.toml metadata); the npm
# binaryen below is newer than Debian's and understands what current Rust emits.
# The widget's catalogue carries only English (`slim-catalogue`): the reader's Spanish or French
# texts download beside it, from pkg/i18n/ (written below).
wasm-pack build $profile --target web --out-dir www/pkg --out-name evidence_lens -- --no-default-features --features widget,slim-catalogue
rm -f www/pkg/.gitignore www/pkg/package.json www/pkg/README.md
# The converters (import-wasm/, built once per kind): each its own module, loaded only when a
# RevMan file or a Cochrane data package (pkg/import/), or a CSV table (pkg/table/), comes
# (www/lens/convert.js), so the widget's bundle carries neither.
wasm-pack build import-wasm $profile --target web --out-dir ../www/pkg/import --out-name evidence_lens_import -- --no-default-features --features review
wasm-pack build import-wasm $profile --target web --out-dir ../www/pkg/table --out-name evidence_lens_table -- --no-default-features --features table
rm -f www/pkg/{import,table}/{.gitignore,package.json,README.md}
# The built-in dataset is not compiled into the wasm (see the builtin-data feature): it is
# downloaded beside it, only by pages that show it.
cp src/data/ms-stem-cells.json www/pkg/builtin.json
# Its posters: the first view (the summary) drawn ahead of time by the same engine, for each
# language, width band and theme, shown while the engine loads (www/lens/poster.js).
cargo build --quiet --release --bin evidence-lens
rm -rf www/pkg/i18n && mkdir -p www/pkg/i18n
for lang in es fr; do
  "${CARGO_TARGET_DIR:-target}/release/evidence-lens" catalogue --lang "$lang" >"www/pkg/i18n/$lang.json"
done
rm -rf www/pkg/posters && mkdir -p www/pkg/posters
for lang in en es fr; do
  "${CARGO_TARGET_DIR:-target}/release/evidence-lens" render src/data/ms-stem-cells.json --view summary --lang "$lang" --poster -o "www/pkg/posters/$lang"
  for f in www/pkg/posters/"$lang"/*.svg; do mv "$f" "www/pkg/posters/$lang-$(basename "$f")"; done
  rmdir "www/pkg/posters/$lang"
done
if [[ "$profile" == "--release" ]]; then
  for wasm in www/pkg/evidence_lens_bg.wasm www/pkg/import/evidence_lens_import_bg.wasm www/pkg/table/evidence_lens_table_bg.wasm; do
    before=$(stat -c %s "$wasm")
    # The module's memory is its own, not imported, so it starts zeroed (--zero-filled-memory);
    # --converge repeats -Oz while it still shrinks. (Not --low-memory-unused: Rust puts the
    # stack first, at the bottom of memory.) --flatten --rereloop first rebuilds each function's
    # control flow, which -Oz then shrinks further: 1.4 KB less of the widget's gzipped wasm
    # (0.4%) for about 20 s more of building (2026-12-07).
    node_modules/.bin/wasm-opt --flatten --rereloop -Oz -Oz --converge --zero-filled-memory --strip-debug --strip-producers \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$wasm" -o "$wasm.opt"
    mv "$wasm.opt" "$wasm"
    after=$(stat -c %s "$wasm")
    echo "[build] wasm-opt -Oz $wasm: $before -> $after bytes ($(gzip -9c "$wasm" | wc -c) gzipped)" >&2
  done
fi
