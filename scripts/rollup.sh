#!/usr/bin/env bash
# A province's rollup at scale: 500 regions of 100 programmes each (50,000
# programmes, ~50 MB of RON) loaded in parallel, one file per region, against
# the same 50,000 programmes in one file; alternating, as whole processes.
# Prints median wall time and peak memory, the speed-up, and peak memory
# against the files' total size.
#
#   scripts/rollup.sh [ROUNDS]     (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-7}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --examples
gen="$PWD/target/release/examples/gen"
load="$PWD/target/release/examples/rollup_load"
mkdir -p "$work/province"
for ((r = 1; r <= 500; r++)); do
    "$gen" --programs 100 --seed "$r" --output "$work/province/region-$r.ron" >/dev/null
done
"$gen" --programs 50000 --seed 1 --output "$work/one.ron" >/dev/null
total_kb=$(du -sk "$work/province" | cut -f1)
one_kb=$(du -sk "$work/one.ron" | cut -f1)

measure() {
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/time" "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000 )) $(tail -n 1 "$work/time")"
}
: > "$work/results"
for ((r = 1; r <= rounds; r++)); do
    echo "500-files $(measure "$load" "$work/province")" >> "$work/results"
    echo "one-file $(measure "$load" "$work/one.ron")" >> "$work/results"
done
python3 - "$work/results" "$rounds" "$total_kb" "$one_kb" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, micros, kb = line.split()
    rows.setdefault(name, []).append((int(micros) / 1e6, int(kb)))
med = {k: (statistics.median(s for s, _ in v), statistics.median(m for _, m in v)) for k, v in rows.items()}
total, one = int(sys.argv[3]), int(sys.argv[4])
print(f"medians of {sys.argv[2]} alternating rounds; 500 files {total / 1024:.1f} MB on disk, one file {one / 1024:.1f} MB:")
for name, (s, kb) in med.items():
    size = total if name == "500-files" else one
    print(f"  {name:10} {s * 1000:7.0f} ms  peak {kb / 1024:6.1f} MB = {kb / size:.2f}x the files")
print(f"  speed-up of 500 files over one: {med['one-file'][0] / med['500-files'][0]:.2f}x")
PY
