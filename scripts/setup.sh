#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh machine, and skips
# whatever is already there at the right version. Sourced by demo.sh and test.sh.
# Usage: setup.sh [--browsers]   (browsers and their drivers only when asked)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '[setup] %s\n' "$*" >&2; }

# The wasm-bindgen CLI must match the library exactly: read the pin from Cargo.toml.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$ROOT/Cargo.toml" | head -n1)"
WASM_PACK_VERSION="0.15.1"
GECKODRIVER_VERSION="0.37.1"

need_browsers=0
[[ "${1:-}" == "--browsers" ]] && need_browsers=1

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# $1 binary, $2 crate, $3 version; --locked is left out on purpose (see shared/toolchain.md).
cargo_tool() {
  # Read the whole version text first: `grep -q` in a pipe would close it early, and with
  # pipefail the tool's SIGPIPE would look like a missing tool.
  local version
  version="$("$1" --version 2>/dev/null || true)"
  if [[ "$version" == *"$3"* ]]; then return; fi
  log "installing $2 $3 (a few minutes on a cold machine)"
  cargo install "$2" --version "$3" --force
}
cargo_tool wasm-bindgen wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
cargo_tool wasm-pack wasm-pack "$WASM_PACK_VERSION"

if (( need_browsers )); then
  missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  [[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
  [[ -x /usr/bin/firefox-esr ]] || missing+=(firefox-esr)
  if (( ${#missing[@]} )); then
    log "installing ${missing[*]} from Debian"
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  cargo_tool geckodriver geckodriver "$GECKODRIVER_VERSION"
fi

# npm packages (wasm-opt, playwright-core, axe-core) from the committed lock file.
stamp="$ROOT/node_modules/.lock-sha"
lock_sha="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
if [[ "$(cat "$stamp" 2>/dev/null)" != "$lock_sha" ]]; then
  log "installing npm packages from package-lock.json"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sha" >"$stamp"
fi
