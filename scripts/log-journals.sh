#!/usr/bin/env bash
# `pantau log` over two officers' journals of 50,000 entries each (100,000
# in all), saved alternately so every line witnesses the other's head, as
# real saves do; timed whole. Needs root (the second journal belongs to
# `nobody`: a journal is read only when its owner is the login it names).
#
#   scripts/log-journals.sh [PANTAU] [ROUNDS] [ENTRIES]   (default target/release/pantau, 3, 50000)
set -euo pipefail
cd "$(dirname "$0")/.."
pantau="$(realpath "${1:-target/release/pantau}")"
rounds="${2:-3}"
entries="${3:-50000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp data/luwu-utara.ron "$work/plan.ron"
mkdir "$work/plan.ron.journal"
python3 - "$work/plan.ron.journal" "$entries" <<'PY'
import datetime, hashlib, json, sys
start = datetime.datetime(2026, 1, 1, 8, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
folder, n = sys.argv[1], int(sys.argv[2])
logins = [("root", 0), ("nobody", 1)]
heads = {name: (0, "") for name, _ in logins}
text = {name: [] for name, _ in logins}
for i in range(1, n + 1):
    for name, k in logins:
        other = logins[1 - k][0]
        seen = {other: list(heads[other])} if heads[other][0] else {}
        m, prev = heads[name]
        line = {"v": 2, "n": m + 1, "prev": prev,
                "when": (start + datetime.timedelta(minutes=2 * i + k)).isoformat(),
                "user": name, "from": "local", "subject": f"GOV-{i % 40:02}",
                "field": "status", "old": "InProgress", "new": "Done", "seen": seen}
        raw = json.dumps(line, separators=(",", ":"))
        heads[name] = (m + 1, hashlib.sha256(raw.encode()).hexdigest())
        text[name].append(raw + "\n")
for name, _ in logins:
    with open(f"{folder}/{name}.jsonl", "w") as f:
        f.writelines(text[name])
PY
chown nobody "$work/plan.ron.journal/nobody.jsonl"
chmod 0640 "$work"/plan.ron.journal/*.jsonl
ls -l "$work/plan.ron.journal"
for r in $(seq "$rounds"); do
    /usr/bin/time -f "round $r: %e s, %M KB" "$pantau" log -f "$work/plan.ron" > "$work/out" 2> "$work/err" || true
    tail -1 "$work/err"
done
echo "lines printed: $(wc -l < "$work/out"); problems: $(grep -vc '^round' "$work/err" || true)"
