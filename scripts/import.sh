#!/usr/bin/env bash
# Spreadsheets at scale: a generated plan of 10,000 programmes written as an
# XLSX workbook (`pantau report --format xlsx`) and read back
# (`pantau import --into --dry-run`, which reads and checks every cell and
# the whole plan but writes nothing), and the same as CSV, alternating with
# `pantau check` of the plan as the yardstick (load and validate). Release
# build; medians of ROUNDS rounds, and the ratio to `check`.
#
#   scripts/import.sh [ROUNDS]     (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-7}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
target="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release --quiet --bin pantau --example gen
pantau="$target/release/pantau"
"$target/release/examples/gen" --programs 10000 --seed 3 --output "$work/plan.ron"
cd "$work"
"$pantau" check plan.ron
"$pantau" report plan.ron --format xlsx -o plan.xlsx
"$pantau" report plan.ron --format csv -o programmes.csv
"$pantau" report plan.ron --kind targets --format csv -o targets.csv
echo "plan $(du -k plan.ron | cut -f1) KB, workbook $(du -k plan.xlsx | cut -f1) KB"
time_of() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000 ))
}
: > times
for ((r = 1; r <= rounds; r++)); do
    echo "check $(time_of "$pantau" check plan.ron)" >> times
    echo "export-xlsx $(time_of "$pantau" report plan.ron --format xlsx -o out.xlsx --force)" >> times
    echo "import-xlsx $(time_of "$pantau" import plan.xlsx --into plan.ron --dry-run)" >> times
    echo "import-csv $(time_of "$pantau" import programmes.csv targets.csv --into plan.ron --dry-run)" >> times
done
python3 - times "$rounds" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, micros = line.split()
    rows.setdefault(name, []).append(int(micros) / 1000)
med = {k: statistics.median(v) for k, v in rows.items()}
print(f"medians of {sys.argv[2]} alternating rounds, 10,000 programmes:")
for name, ms in med.items():
    print(f"  {name:12} {ms:7.0f} ms  {ms / med['check']:5.2f}x check")
PY
