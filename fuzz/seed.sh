#!/usr/bin/env bash
# Writes a small seed corpus for both targets into fuzz/corpus/ (not committed).
# Run from anywhere: `bash fuzz/seed.sh`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
example="$here/../data/luwu-utara.ron"
load="$here/corpus/load"
keys="$here/corpus/keys"
mkdir -p "$load" "$keys"

# ---- load: the example, cut-off copies of it, and a few small files ----
cp "$example" "$load/example.ron"
lines=$(wc -l <"$example")
for pct in 5 25 50 75 99; do
    head -n $((lines * pct / 100)) "$example" >"$load/example-$pct.ron"
done
head -n 60 "$example" >"$load/example-head.ron"
printf ')\n' >>"$load/example-head.ron"
cat >"$load/minimal.ron" <<'RON'
// one of everything
(
    version: 1,
    region: "R",
    title: "T",
    period: (start: 2022, end: 2031),
    dimensions: [(id: "g", name: "G", elements: ["e"])],
    programs: [
        (
            id: "G-1",
            name: "N \"q\" \u{1F600} \\ \t",
            dimension: "g",
            element: "e",
            horizon: QuickWin,
            start: 2022,
            end: 2023,
            status: InProgress,
            milestones: [(title: "M", due: "2022-02-28", done: true)],
            targets: [(year: 2023, indicator: "I", unit: "%", baseline: Some(1.5), target: 2e3, actual: None)],
            notes: "line\nline",
        ),
    ],
)
RON
printf '' >"$load/empty.ron"
printf '\xef\xbb\xbf// bom\r\n(version: 1, region: "", title: "T", period: (start: 1, end: 1), dimensions: [])\r\n' >"$load/bom-crlf.ron"
printf '(version: 9, region: "", title: "T", period: (start: 1, end: 1), dimensions: [])' >"$load/newer.ron"
printf '(version: 1, region: "", title: "T", staus: 1, period: (start: 1, end: 1), dimensions: [])' >"$load/unknown-field.ron"
printf '(version: 1, region: "", title: "", period: (start: 5, end: 1), dimensions: [(id: "", name: "")], programs: [(id: "x", name: "", dimension: "y", horizon: Long, start: 0, end: -1, status: Done, milestones: [(title: "", due: "2023-02-30")], targets: [(year: 9, indicator: "", target: inf)])])' >"$load/invalid.ron"

# ---- keys: width, height, flags, then keys (printable ASCII is itself,
# \r Enter, \e Esc, \t Tab, \x15 Ctrl-U, \x13 Ctrl-S, \x12 Ctrl-R) ----
k() { printf "$2" >"$keys/$1"; }
k dashboard      '\x4f\x17\x00 \r'
k status-undo    '\x4f\x17\x00''2\rssjsuuu\x12\x12s\x12'
k rename         '\x4f\x17\x00''2\r\re\x15Layanan Terpadu \x92\x93\x90\ruu'
k add-milestone  '\x4f\x17\x00''2\r\rjaUji coba\t\x152023-12-15\rdndy'
k add-program    '\x4f\x17\x00''2\raPortal Desa\r\x13'
k header-form    '\x4f\x17\x00''1e\t\t\t\t\x152023\r\x1b'
k timeline       '\x77\x27\x00''3]]{{{{{{}}}}}}[[[[ll\x1e\x1fhh\r'
k filter         '\x4f\x17\x01''2\r/app\x7f\x7fzz\r\x1b/xyz\x1b'
k help           '\x4f\x17\x06''?2?\x1b3?q'
k reorder        '\x4f\x17\x00''2\rJJK\rjJJK'
k quit-prompt    '\x4f\x17\x00''2\rsq\x1bqy'
k enum-pick      '\x4f\x17\x00''2\r\re\t\t\t\t\txyz\x1e\x1f\x1e\r'
k tiny           '\x00\x00\x00''2\r\re\xc0\x31\x0b\xc0\x00\x00\xc2'
k resize         '\x4f\x17\x38''\xc0\xc7\x3b3\xc0\x31\x0b2\r\r\xc5j\xc6G\xc4'
k delete-program '\x4f\x17\x18''2\rjd\x1bdyu'
k print          '\x4f\x17\x00''2\r\rpP\x1b'
k save           '\x4f\x17\x00''2\rs\x13uuu\x12'
