#!/usr/bin/env python3
"""The house's figures: the largest source files and the longest functions in
src/, for the closing notes of issue 22 (usage: scripts/house.py [REPO_DIR]).
Functions are counted from their `fn` line to the brace that closes them;
braces inside string and char literals and after // are skipped, so it is a
close reading, not a parser."""
import os, re, sys
root = sys.argv[1] if len(sys.argv) > 1 else '.'
src = os.path.join(root, 'src')
files = []
for d, _, fs in os.walk(src):
    for f in fs:
        if f.endswith('.rs'):
            files.append(os.path.join(d, f))
sizes = sorted(((sum(1 for _ in open(p)), os.path.relpath(p, root)) for p in files), reverse=True)
fn_re = re.compile(r'^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)')
funcs = []
for p in files:
    lines = open(p).read().split('\n')
    i = 0
    in_test = False
    while i < len(lines):
        m = fn_re.match(lines[i])
        if m:
            # find the opening brace then match braces (ignores braces in strings: rough)
            depth = 0; started = False; j = i
            while j < len(lines):
                code = re.sub(r'"(\\.|[^"\\])*"', '""', lines[j]); code = re.sub(r"'(\\.|[^'\\])'", "''", code)
                code = code.split('//')[0]
                for ch in code:
                    if ch == '{': depth += 1; started = True
                    elif ch == '}': depth -= 1
                if started and depth <= 0: break
                if not started and code.rstrip().endswith(';'): break
                j += 1
            if started:
                funcs.append((j - i + 1, f"{os.path.relpath(p, root)}:{i+1} {m.group(6)}"))
        i += 1
funcs.sort(reverse=True)
print('largest files:'); [print(f'  {n:5} {p}') for n, p in sizes[:5]]
print('longest functions:'); [print(f'  {n:5} {p}') for n, p in funcs[:5]]
print(f'files over 800 lines (i18n tables aside): {sum(1 for n,p in sizes if n>800 and "i18n/en.rs" not in p and "i18n/id.rs" not in p)}')
