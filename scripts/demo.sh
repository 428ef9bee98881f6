#!/usr/bin/env bash
# Sets up what is missing, builds the widget and serves the demo on 127.0.0.1.
#   scripts/demo.sh [PORT]        (default 8080; Ctrl-C stops it)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
echo "[demo] serving www/ — open the URL below" >&2
exec node "$ROOT/scripts/serve.mjs" --port "${1:-8080}"
