#!/usr/bin/env bash
# `pantau check` against the number of problems: a plan of N programmes,
# each with no name (one problem each, found on its line; about 190 bytes a
# programme, so 40,000 are a 7.6 MB file), timed whole for N in 10,000, 20,000 and 40,000. Linear
# means the time per problem stays flat.
#
#   scripts/check-problems.sh [PANTAU] [ROUNDS]   (default target/release/pantau, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
pantau="${1:-target/release/pantau}"
rounds="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for n in 10000 20000 40000; do
    python3 - "$n" > "$work/plan$n.ron" <<'PY'
import sys
n = int(sys.argv[1])
print("""(
    version: 1,
    region: "Kabupaten Contoh",
    title: "Masterplan",
    period: (start: 2022, end: 2031),
    dimensions: [(id: "governance", name: "Tata kelola", lead: "Kominfo")],
    programs: [""")
for i in range(n):
    print(f'        (\n            id: "P-{i:05}",\n            name: "",\n            dimension: "governance",\n            horizon: QuickWin,\n            start: 2022,\n            end: 2027,\n            status: InProgress,\n        ),')
print("""    ],
)""")
PY
done
ls -l "$work"
for n in 10000 20000 40000; do
    best=""
    for ((r = 1; r <= rounds; r++)); do
        start=$(date +%s%N)
        "$pantau" check "$work/plan$n.ron" > /dev/null 2> "$work/err" || true
        end=$(date +%s%N)
        ms=$(( (end - start) / 1000000 ))
        if [[ -z "$best" || "$ms" -lt "$best" ]]; then best=$ms; fi
    done
    problems=$(grep -c '^  ' "$work/err" || true)
    echo "$n programmes: $problems problems, best of $rounds: $best ms, $(( best * 1000000 / n )) ns a problem"
done
