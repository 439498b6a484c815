#!/usr/bin/env bash
# Writes scripts/link-order.txt: the functions `motion --version`, `check` and `diff` run, for
# the linker to place side by side (lld's --symbol-ordering-file; the Makefile passes it).
#
#   scripts/link-order.sh [BINARY]     (default .build/release/motion; needs valgrind)
#
# Why: a binary read from disk maps its code a 64 KB window per page fault, and a fault there
# costs several microseconds. Scattered over 30 MB of code, start-up and a diff touched about 100
# windows more than git does. Grouping the functions they run cut `check` from 341 faults to
# 280 and the 5% diff from 401 to 364. Names that no longer exist are ignored at link time, so a
# stale list only costs locality: rerun this after large changes to the start-up or diff paths.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/motion}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
strip -g -o "$scratch/motion" "$binary"  # keeps the symbols; valgrind cannot read the debug info
corpus=${MOTION_BENCH_CORPUS:-/tmp/bench-corpus}
[ -d "$corpus/diff" ] || python3 ../shared/bench/make_corpus.py "$corpus" >/dev/null
n=0
run() {
  n=$((n + 1))
  (cd "$corpus" && HOME="$scratch" valgrind --tool=callgrind --demangle=no \
    --callgrind-out-file="$scratch/cg.$n" "$scratch/motion" "$@" >/dev/null 2>&1)
}
run --version
run check motions/001.md
run diff --format plain diff/base.txt diff/edit-5.txt
run diff --format plain diff/base.txt diff/edit-30.txt
# Every function named, in the order first met (runs in turn); addresses and callgrind's
# pseudo-functions are not symbols.
python3 - "$scratch" > scripts/link-order.txt <<'PY'
import re, sys, pathlib
seen, order = set(), []
for path in sorted(pathlib.Path(sys.argv[1]).glob("cg.*"), key=lambda p: int(p.suffix[1:])):
    for line in path.read_text(errors="replace").splitlines():
        found = re.match(r"^c?fn=\(\d+\) (.+)$", line)
        if not found:
            continue
        name = found.group(1).split("'")[0]
        if name.startswith(("0x", "(")) or " " in name or name in seen:
            continue
        seen.add(name)
        order.append(name)
print("\n".join(order))
PY
echo "scripts/link-order.txt: $(wc -l < scripts/link-order.txt) functions"
