#!/usr/bin/env bash
# The git merge driver on one regency's plan at 1,000 programmes: two
# branches that changed different programmes, milestones and fields, merged
# by `pantau merge-driver` and, as its peer, by git's own line merge
# (`git merge-file`), alternating, as whole processes. Prints each one's
# median wall time and the ratio.
#
#   scripts/merge_driver.sh [PROGRAMMES] [ROUNDS]     (default 1000 21)
set -euo pipefail
cd "$(dirname "$0")/.."
programmes="${1:-1000}"
rounds="${2:-21}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
target="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release --quiet --bin pantau --example gen
pantau="$target/release/pantau"
"$target/release/examples/gen" --programs "$programmes" --seed 7 --output "$work/base.ron" >/dev/null
ids=$(grep -o 'id: "[A-Z]*-[0-9]*"' "$work/base.ron" | cut -d'"' -f2)
first=$(echo "$ids" | sed -n 1p)
second=$(echo "$ids" | sed -n 2p)
third=$(echo "$ids" | sed -n 3p)
cp "$work/base.ron" "$work/ours.ron"
cp "$work/base.ron" "$work/theirs.ron"
export HOME="$work" PANTAU_OFFICER=bench
"$pantau" set "$work/ours.ron" "$first" status=Done milestone.1.done=true >/dev/null
"$pantau" set "$work/ours.ron" "$third" lead=Diskominfo >/dev/null
"$pantau" set "$work/theirs.ron" "$second" status=Delayed >/dev/null
"$pantau" set "$work/theirs.ron" "$first" notes=theirs >/dev/null

# Each run merges into a fresh copy of ours, as git does.
run() {
    cp "$work/ours.ron" "$work/a.ron"
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000 ))
}
: >"$work/pantau.times"
: >"$work/git.times"
for ((i = 0; i < rounds; i++)); do
    run "$pantau" merge-driver "$work/base.ron" "$work/a.ron" "$work/theirs.ron" plan.ron >>"$work/pantau.times"
    run git merge-file "$work/a.ron" "$work/base.ron" "$work/theirs.ron" >>"$work/git.times"
done
# The driver's result is a valid plan with every change.
cp "$work/ours.ron" "$work/a.ron"
"$pantau" merge-driver "$work/base.ron" "$work/a.ron" "$work/theirs.ron" plan.ron
"$pantau" check "$work/a.ron"
median() { sort -n "$1" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
p=$(median "$work/pantau.times")
g=$(median "$work/git.times")
size=$(du -k "$work/base.ron" | cut -f1)
echo "plan: $programmes programmes, ${size} KB; $rounds rounds, alternating"
echo "pantau merge-driver: median $((p / 1000)) ms"
echo "git merge-file:      median $((g / 1000)) ms"
awk -v p="$p" -v g="$g" 'BEGIN { printf "ratio pantau / git: %.1f\n", p / g }'
