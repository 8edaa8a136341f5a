#!/usr/bin/env bash
# Builds the .deb for the office server with cargo-deb (installing it into
# ~/.cargo/bin first if it is missing), then checks the package as the
# server would get it: its files (binary, man page, completions, docs), and
# the binary unpacked from it runs on its own. Usage: scripts/deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-deb >/dev/null || cargo install --locked cargo-deb
# Stripped: the release profile keeps line tables for profiling, which the
# office server does not need (46 MB against a few MB).
cargo deb --quiet --strip
deb=$(ls -t target/debian/pantau_*.deb | head -n 1)
dpkg-deb --info "$deb" | grep -E 'Package|Version|Architecture|Depends|Installed-Size'
contents=$(dpkg-deb --contents "$deb")
for file in ./usr/bin/pantau ./usr/share/man/man1/pantau.1 \
    ./usr/share/bash-completion/completions/pantau ./usr/share/zsh/vendor-completions/_pantau \
    ./usr/share/fish/vendor_completions.d/pantau.fish ./usr/share/doc/pantau/FORMAT.md \
    ./usr/share/doc/pantau/IMPORT.md ./usr/share/doc/pantau/REPORTS.md \
    ./usr/share/doc/pantau/GUIDE.md ./usr/share/doc/pantau/SHARING.md; do
    grep -q " $file" <<<"$contents" || { echo "deb: $file is missing from $deb" >&2; exit 1; }
done
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb --extract "$deb" "$root"
"$root/usr/bin/pantau" --version
"$root/usr/bin/pantau" help format | head -n 1 | grep -q 'plan file'
man -l "$root/usr/share/man/man1/pantau.1" 2>/dev/null | grep -q 'pantau' || zcat -f "$root/usr/share/man/man1/pantau.1"* | grep -q '.TH'
echo "deb: ok ($deb, $(du -k "$deb" | cut -f1) KB)"
