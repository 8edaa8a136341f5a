#!/usr/bin/env bash
# `pantau check` against a dimension's elements: one dimension of E elements
# and 10,000 programmes, half naming its last element (found by the
# membership check) and half naming one it lacks (a problem that lists all
# E), timed whole for E in 1,000, 2,000 and 4,000. Linear means the time
# stays flat as E grows.
#
#   scripts/check-elements.sh [PANTAU] [ROUNDS]   (default target/release/pantau, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
pantau="${1:-target/release/pantau}"
rounds="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for e in 1000 2000 4000; do
    python3 - "$e" > "$work/plan$e.ron" <<'PY'
import sys
e = int(sys.argv[1])
elements = ", ".join(f'"Elemen {i:05}"' for i in range(e))
print(f"""(
    version: 1,
    region: "Kabupaten Contoh",
    title: "Masterplan",
    period: (start: 2022, end: 2031),
    dimensions: [(id: "governance", name: "Tata kelola", lead: "Kominfo", elements: [{elements}])],
    programs: [""")
for i in range(10000):
    element = f"Elemen {e - 1:05}" if i % 2 else "Lain"
    print(f'        (\n            id: "P-{i:05}",\n            name: "Program {i}",\n            dimension: "governance",\n            element: "{element}",\n            horizon: QuickWin,\n            start: 2022,\n            end: 2027,\n            status: InProgress,\n        ),')
print("""    ],
)""")
PY
done
ls -l "$work"
for e in 1000 2000 4000; do
    best=""
    for ((r = 1; r <= rounds; r++)); do
        start=$(date +%s%N)
        "$pantau" check "$work/plan$e.ron" > /dev/null 2> "$work/err" || true
        end=$(date +%s%N)
        ms=$(( (end - start) / 1000000 ))
        if [[ -z "$best" || "$ms" -lt "$best" ]]; then best=$ms; fi
    done
    problems=$(grep -c '^  ' "$work/err" || true)
    echo "$e elements, 10000 programmes: $problems problems, best of $rounds: $best ms"
done
