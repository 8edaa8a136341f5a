#!/usr/bin/env bash
# `cargo install --path .` into a throwaway root: the installed binary runs
# from outside the repository (demo, help format, completions), and nothing
# is left in the repository. Usage: scripts/install-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$root" "$work"' EXIT
cargo install --quiet --locked --path . --root "$root"
bin="$root/bin/pantau"
cd "$work"
"$bin" --version
"$bin" help format | head -1 | grep -q 'plan file'
"$bin" completions bash | grep -q '_pantau'
TMPDIR="$work" HOME="$work" "$bin" --demo check --today 2026-12-02 | grep -q 'luwu-utara.ron'
[ -z "$(ls -A "$work" | grep -v '^\.')" ] || { echo "left files in $work" >&2; exit 1; }
echo "install-check: ok ($bin)"
