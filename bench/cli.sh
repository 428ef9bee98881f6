#!/usr/bin/env bash
# The command line's analysis of large CSV files: `evidence-lens analyze FILE --measure OR` (REML,
# Q-profile CIs, Egger, trim-and-fill) on 10^4 (the baseline: the widget's scale), 10^5 and 10^6
# rows of counts, generated the same way every run. Prints wall time and peak memory, and each as a
# ratio to the baseline of the same run.
#   bench/cli.sh [ROWS...]          (default: 10000 100000 1000000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --quiet --release --bin evidence-lens
BIN="${CARGO_TARGET_DIR:-target}/release/evidence-lens"
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
python3 - "$BIN" "$DIR" "${@:-10000 100000 1000000}" <<'PY'
import random, resource, subprocess, sys, time
bin_, tmp, *sizes = sys.argv[1:]
sizes = [int(s) for arg in sizes for s in arg.split()]
rows = []
for k in sizes:
    path = f"{tmp}/rows-{k}.csv"
    rng = random.Random(k)
    with open(path, "w") as f:
        f.write("study,year,ai,n1i,ci,n2i\n")
        for i in range(k):
            n1, n2 = rng.randint(20, 400), rng.randint(20, 400)
            f.write(f"S{i},{2000 + i % 25},{rng.randint(1, n1 - 1)},{n1},{rng.randint(1, n2 - 1)},{n2}\n")
    # Peak memory of this child alone: each run is its own process, measured by a fresh shell.
    probe = ("import resource,subprocess,sys,time;t=time.perf_counter();"
             "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
             "d=time.perf_counter()-t;m=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
             "print(r.returncode,d,m,r.stderr.decode()[:300].replace(chr(10),' '))")
    out = subprocess.run([sys.executable, "-c", probe, bin_, "analyze", path, "--measure", "OR"],
                         capture_output=True, text=True, check=True).stdout.split(" ", 3)
    code, secs, kb, err = int(out[0]), float(out[1]), int(out[2]), out[3].strip()
    if code != 0:
        sys.exit(f"analyze {path}: exit {code}: {err}")
    rows.append((k, secs, kb))
base_k, base_s, base_kb = rows[0]
print(f"{'rows':>10} {'time':>9} {'peak memory':>12} {'time/row vs base':>17} {'memory vs base':>15}")
for k, secs, kb in rows:
    print(f"{k:>10,} {secs:>8.2f}s {kb / 1024:>10.0f} MB {(secs / k) / (base_s / base_k):>16.2f}x {kb / base_kb:>14.1f}x")
PY
