#!/usr/bin/env bash
# The printable report's pictures in screenshots/: the example plan's
# targets on A4 in Indonesian and its overview on F4 in English, written by
# `pantau report --format html`, printed to PDF by headless chromium and
# turned into PNGs (60 dpi) by pdftoppm, first page of each. Needs chromium
# and poppler-utils. The logo is a placeholder drawn here, not an emblem.
#
#   scripts/report-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --quiet --bin pantau
pantau="${CARGO_TARGET_DIR:-$PWD/target}/debug/pantau"
cat > "$work/logo.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120"><path d="M50 4 L94 20 L90 70 Q80 104 50 116 Q20 104 10 70 L6 20 Z" fill="#1d5e2f" stroke="#c9a227" stroke-width="5"/><circle cx="50" cy="52" r="20" fill="#c9a227"/><text x="50" y="98" font-family="Arial, Liberation Sans, sans-serif" font-size="14" font-weight="bold" text-anchor="middle" fill="#fff">LOGO</text></svg>
SVG
shoot() {
    local name="$1"; shift
    HOME="$work" "$pantau" report data/luwu-utara.ron --format html --today 2026-12-02 \
        --agency "Dinas Komunikasi, Informatika dan Persandian" \
        --address "Jl. Simpurusiang No. 1, Masamba, Luwu Utara" \
        --logo "$work/logo.svg" --place Masamba \
        --signer-name "Nama Pejabat, S.Kom., M.Si." \
        --signer-position "Kepala Dinas Komunikasi, Informatika dan Persandian" \
        --signer-nip "197001011995031001" --date 2026-12-02 \
        --output "$work/$name.html" "$@"
    timeout 180 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-dev-shm-usage \
        --no-pdf-header-footer --user-data-dir="$work/chromium" \
        --print-to-pdf="$work/$name.pdf" "file://$work/$name.html" 2>/dev/null
    pdfinfo "$work/$name.pdf" | grep -E '^(Pages|Page size):'
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/$name.pdf" "screenshots/$name-1"
}
shoot report-a4 --kind targets --lang id --paper A4
shoot report-f4 --kind overview --lang en --paper F4
