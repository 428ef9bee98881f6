#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for SECONDS_PER_TARGET seconds each (default 600), one after
# the other, and prints the executions per target. Crashes are written to fuzz/artifacts/TARGET/;
# turn each one into a regression test in tests/corpus.rs or tests/prop_*.rs before fixing it.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   scripts/fuzz.sh 120 json csv          # two targets, two minutes each
#   FUZZ_TARGET_DIR=/work/target-rel/fuzz scripts/fuzz.sh 600   # the documented long run
#   cargo fuzz list --fuzz-dir fuzz       # the targets: json csv escalc pooling appraise render
#
# Why RUSTC_BOOTSTRAP=1: only the stable toolchain (Rust 1.95) exists on these machines and no other
# can be fetched, while cargo-fuzz is a nightly tool: its default AddressSanitizer build passes
# `-Zsanitizer=address`, `--careful` passes other -Z flags, `-Zbuild-std` and cargo's unstable options
# need nightly, and cargo-fuzz only enables its nightly code paths when rustc says "nightly" or
# RUSTC_BOOTSTRAP is set. RUSTC_BOOTSTRAP=1 lets stable rustc and cargo accept those flags. It is set
# for the fuzz builds only; the product and its tests are built with plain stable. (The runs here use
# --sanitizer none, whose coverage flags are stable -C options; the variable keeps every other
# cargo-fuzz mode usable, e.g. re-running a crash with `--sanitizer address`.)
#
# Why --sanitizer none: the crate has no `unsafe` code, so AddressSanitizer would find nothing that
# a panic or an abort does not already show, and it slows every execution. Panics, integer overflows
# (--debug-assertions turns them into panics), stack overflows from deep recursion, out-of-memory
# (-rss_limit_mb) and hangs (-timeout) are still caught.
#
# Each target gets at most 2 GiB of memory (-rss_limit_mb) and 10 s per input (-timeout): a slower
# input is reported as a timeout, i.e. a hang.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_TARGET="${1:-600}"
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(json csv escalc pooling appraise render)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz (a few minutes)..." >&2
  cargo install cargo-fuzz --locked
fi

export RUSTC_BOOTSTRAP=1
# Where the fuzz builds go (instrumented, so kept apart from the normal target dir).
TARGET_DIR="${FUZZ_TARGET_DIR:-$ROOT/fuzz/target}"
cd "$ROOT/fuzz"

# Seed the JSON and CSV targets with the project's own datasets and the hostile corpus.
for t in json appraise render; do
  mkdir -p "corpus/$t"
  cp -n "$ROOT"/src/data/*.json "$ROOT"/tests/corpus/*.json "corpus/$t/" 2>/dev/null || true
done
mkdir -p corpus/csv
cp -n "$ROOT"/tests/data/*.csv "$ROOT"/tests/corpus/*.csv "$ROOT"/tests/corpus/analyze/*.csv corpus/csv/ 2>/dev/null || true

for t in "${TARGETS[@]}"; do
  cargo fuzz build --sanitizer none --debug-assertions --target-dir "$TARGET_DIR" "$t"
done

status=0
summary=()
for t in "${TARGETS[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  log="$(mktemp)"
  echo "== $t: ${SECONDS_PER_TARGET}s" >&2
  if cargo fuzz run --sanitizer none --debug-assertions --target-dir "$TARGET_DIR" "$t" "corpus/$t" -- \
      -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="artifacts/$t/" -print_final_stats=1 >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see fuzz/artifacts/$t/)"
    status=1
    tail -40 "$log" >&2
  fi
  execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
  summary+=("$t: $result, ${execs} executions in ${SECONDS_PER_TARGET}s")
  rm -f "$log"
done
printf '%s\n' "${summary[@]}"
exit $status
