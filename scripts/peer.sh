#!/usr/bin/env bash
# pantau against its peer, as whole processes, alternating in one run so that
# both meet the same machine load: `pantau summary` vs taskwarrior's
# `task summary` on 10,000 tasks, `pantau summary` vs a bare `ron` parse of
# the same file (examples/ron_parse.rs), and
# `pantau set` (one quick edit, saved) vs `pantau check` of the same file.
# Prints the median wall time and peak memory of each and the ratios.
#
#   scripts/peer.sh [ROUNDS]      (default 9; needs taskwarrior: apt-get install taskwarrior)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-9}"
command -v task >/dev/null || { echo "peer.sh: needs taskwarrior (apt-get install taskwarrior)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --examples
cargo run --release --quiet --example gen -- --programs 10000 --output "$work/plan.ron" >/dev/null
pantau="$PWD/target/release/pantau"
ron_parse="$PWD/target/release/examples/ron_parse"

export TASKDATA="$work/task" TASKRC="$work/taskrc"
mkdir -p "$TASKDATA"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\n' "$TASKDATA" > "$TASKRC"

# 10,000 tasks holding what 10,000 programmes hold: a name, a project (the
# dimension), the lead and supporting agencies as tags, a due date (the end
# year), its milestones as annotations (title and due date), a priority; a
# third are done. About 1 KB each in taskwarrior's files, as the plan's ~1 KB
# per programme.
python3 - "$work/tasks.json" <<'PY'
import json, sys, uuid
projects = ["governance", "branding", "economy", "living", "society", "environment"]
agencies = ["Bappelitbangda", "DPUTRKP2", "Disporapar", "DinasKominfoSP", "BPBD", "DLH", "DinasPMD", "Kesbangpol"]
with open(sys.argv[1], "w") as out:
    for i in range(10000):
        done = i % 3 == 0
        task = {
            "uuid": str(uuid.UUID(int=i + 1)),
            "description": f"Programme {i + 1}: integrated public service and data platform for the regency",
            "project": projects[i % 6],
            "tags": [agencies[i % 8], agencies[(i + 3) % 8]],
            "priority": "HML"[i % 3],
            "status": "completed" if done else "pending",
            "entry": "20220613T000000Z",
            "due": f"{2023 + i % 8}1231T000000Z",
            "annotations": [
                {"entry": f"2023{m + 3:02}01T000000Z",
                 "description": f"Milestone {m + 1}: study, procurement and rollout stage {m + 1} of programme {i + 1}"}
                for m in range(3)
            ],
        }
        if done:
            task["end"] = "20231102T000000Z"
        out.write(json.dumps(task) + "\n")
PY
task import "$work/tasks.json" >/dev/null 2>&1
cp "$work/plan.ron" "$work/edit.ron"

# One measurement: wall seconds (to the microsecond; /usr/bin/time only
# gives hundredths) and peak KB of a command, output discarded.
measure() {
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/time" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000 )) $(tail -n 1 "$work/time")"
}

: > "$work/results"
status=Done
for ((r = 1; r <= rounds; r++)); do
    echo "pantau-summary $(measure "$pantau" summary "$work/plan.ron")" >> "$work/results"
    echo "task-summary $(measure task summary)" >> "$work/results"
    echo "ron-parse $(measure "$ron_parse" "$work/plan.ron")" >> "$work/results"
    echo "pantau-check $(measure "$pantau" check "$work/edit.ron")" >> "$work/results"
    echo "pantau-set $(measure "$pantau" set -f "$work/edit.ron" GEN-00001 "status=$status")" >> "$work/results"
    if [ "$status" = Done ]; then status=InProgress; else status=Done; fi
done

python3 - "$work/results" "$rounds" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, micros, kb = line.split()
    rows.setdefault(name, []).append((int(micros) / 1e6, int(kb)))
med = {k: (statistics.median(s for s, _ in v), statistics.median(m for _, m in v)) for k, v in rows.items()}
print(f"medians of {sys.argv[2]} alternating rounds (wall time, peak memory):")
for name, (s, kb) in med.items():
    print(f"  {name:16} {s * 1000:7.0f} ms {kb / 1024:7.1f} MB")
def ratio(a, b):
    print(f"  {a} / {b}: time {med[a][0] / med[b][0]:.2f}x, memory {med[a][1] / med[b][1]:.2f}x")
ratio("pantau-summary", "task-summary")
ratio("pantau-set", "pantau-check")
ratio("pantau-summary", "ron-parse")
ratio("pantau-summary", "pantau-check")
PY
