#!/usr/bin/env bash
# A province's rollup at scale: 500 regions of 100 programmes each (50,000
# programmes, ~50 MB of RON), one file per region, loaded in parallel by
# `pantau rollup DIR`, against the same 50,000 programmes in one file
# (`pantau check ONEFILE`: load and validate, and `pantau rollup ONEFILE`);
# alternating, as whole processes, release build. Prints median wall time and
# peak memory (/usr/bin/time), the speed-up, and peak memory against the
# files' total size. The folder and `check ONEFILE` also run under
# `taskset -c 0`: pantau sizes its threads by available_parallelism(), which
# follows the affinity mask, so that is pantau on one core, where the one file
# takes the ordinary serial parse (store/fast.rs needs two threads). That gives
# each one's speed-up from parallel loading, and the folder on all cores
# against the serial single file (on all cores the one file is parsed in
# parallel too, so the two tie there). Then one regency's plan of 1,000
# programmes: the median of `pantau merge-driver` (scripts/merge_driver.sh)
# and of a `pantau sync` against a local bare remote.
#
#   scripts/rollup.sh [ROUNDS]     (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-7}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
target="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release --quiet --bin pantau --example gen
pantau="$target/release/pantau"
gen="$target/release/examples/gen"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
command -v taskset >/dev/null || { echo "needs taskset (apt-get install util-linux)" >&2; exit 1; }
# nproc follows the affinity mask as pantau does: 1 here, or taskset did not bind.
echo "machine: $(nproc) cores ($(taskset -c 0 nproc) under taskset -c 0); $(uname -sr)"

mkdir -p "$work/province"
for ((r = 1; r <= 500; r++)); do
    "$gen" --programs 100 --seed "$r" --region "$r" --output "$work/province/region-$r.ron"
done
# The same 50,000 programmes in one plan: the regions' programme lists
# concatenated under the first region's header (ids made unique).
python3 - "$work/province" "$work/one.ron" <<'PY'
import os, re, sys
folder, out = sys.argv[1], sys.argv[2]
head = tail = None
programmes = []
for r in range(1, 501):
    text = open(os.path.join(folder, f"region-{r}.ron"), encoding="utf-8").read()
    start = text.index("\n    programs: [\n") + len("\n    programs: [\n")
    end = text.index("\n    ],\n", start)
    if head is None:
        head, tail = text[:start], text[end:]
    body = re.sub(r'id: "GEN-(\d+)"', lambda m: f'id: "R{r:03}-{m.group(1)}"', text[start:end])
    programmes.append(body)
open(out, "w", encoding="utf-8").write(head + "\n".join(programmes) + tail)
PY
total_kb=$(du -sk --apparent-size "$work/province" | cut -f1)
one_kb=$(du -k --apparent-size "$work/one.ron" | cut -f1)
"$pantau" check "$work/one.ron"
"$pantau" rollup "$work/province" --format csv | tail -n +2 | wc -l | sed 's/^/regions in the rollup: /'

measure() {
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/time" "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000 )) $(tail -n 1 "$work/time")"
}
: > "$work/results"
for ((r = 1; r <= rounds; r++)); do
    echo "rollup-500-files $(measure "$pantau" rollup "$work/province" --format csv)" >> "$work/results"
    echo "check-one-file $(measure "$pantau" check "$work/one.ron")" >> "$work/results"
    echo "rollup-one-file $(measure "$pantau" rollup "$work/one.ron" --format csv)" >> "$work/results"
    # In the same rounds, so that what else runs on the machine hits both alike.
    echo "rollup-500-files-1core $(measure taskset -c 0 "$pantau" rollup "$work/province" --format csv)" >> "$work/results"
    echo "check-one-file-1core $(measure taskset -c 0 "$pantau" check "$work/one.ron")" >> "$work/results"
done

# One regency's plan of 1,000 programmes: sync against a local bare remote
# (in a subshell: its HOME and git identity stay there).
(
    export HOME="$work" PANTAU_OFFICER=bench GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org
    export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
    git init -q --bare "$work/remote.git"
    git init -q -b main "$work/clone"
    "$gen" --programs 1000 --seed 7 --region 22 --output "$work/clone/plan.ron"
    cd "$work/clone"
    "$pantau" git setup plan.ron >/dev/null
    git add -A && git commit -q -m start
    git remote add origin "$work/remote.git"
    git push -q -u origin main
    ids=$(grep -o 'id: "GEN-[0-9]*"' plan.ron | cut -d'"' -f2 | sed -n "1,${rounds}p")
    : > "$work/sync.times"
    for id in $ids; do
        "$pantau" set plan.ron "$id" notes="sync $id" >/dev/null
        start=$(date +%s%N)
        "$pantau" sync plan.ron >/dev/null
        end=$(date +%s%N)
        echo $(( (end - start) / 1000 )) >> "$work/sync.times"
    done
)
sync_kb=$(du -k --apparent-size "$work/clone/plan.ron" | cut -f1)

python3 - "$work/results" "$rounds" "$total_kb" "$one_kb" "$work/sync.times" "$sync_kb" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, micros, kb = line.split()
    rows.setdefault(name, []).append((int(micros) / 1e6, int(kb)))
med = {k: (statistics.median(s for s, _ in v), statistics.median(m for _, m in v)) for k, v in rows.items()}
total, one = int(sys.argv[3]), int(sys.argv[4])
print(f"medians of {sys.argv[2]} alternating rounds; 500 files {total / 1024:.1f} MB, one file {one / 1024:.1f} MB:")
for name, (s, kb) in med.items():
    size = total if name.startswith("rollup-500") else one
    print(f"  {name:22} {s * 1000:7.0f} ms  peak {kb / 1024:6.1f} MB = {kb / size:.2f}x the files")
print(f"  speed-up of 500 files over one (rollup DIR vs check ONEFILE): {med['check-one-file'][0] / med['rollup-500-files'][0]:.2f}x")
print(f"  speed-up of 500 files over one (rollup DIR vs rollup ONEFILE): {med['rollup-one-file'][0] / med['rollup-500-files'][0]:.2f}x")
print(f"  parallel speed-up of the 500 files (rollup DIR, one core / all cores): {med['rollup-500-files-1core'][0] / med['rollup-500-files'][0]:.2f}x")
print(f"  parallel speed-up of the one file (check ONEFILE, one core / all cores): {med['check-one-file-1core'][0] / med['check-one-file'][0]:.2f}x")
print(f"  500 files on all cores over the one file parsed serially (check ONEFILE on one core): {med['check-one-file-1core'][0] / med['rollup-500-files'][0]:.2f}x")
syncs = [int(x) / 1e3 for x in open(sys.argv[5])]
print(f"pantau sync, 1,000-programme plan ({int(sys.argv[6])} KB), local bare remote: median {statistics.median(syncs):.0f} ms of {len(syncs)}")
PY
scripts/merge_driver.sh 1000 "$rounds"
