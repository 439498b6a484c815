#!/usr/bin/env bash
# Writes scripts/link-order.txt: the functions `motion --version`, `check` and `diff` run, then
# the static data they first touch, for the linker to place side by side (lld's
# --symbol-ordering-file; the Makefile passes it).
#
#   scripts/link-order.sh [BINARY]     (default .build/release/motion; needs valgrind, and perf
#                                       for the data: without it only functions are listed)
#
# Why: a binary read from disk maps its code a 64 KB window per page fault, and a fault there
# costs several microseconds. Scattered over 30 MB of code, start-up and a diff touched about 100
# windows more than git does. Grouping the functions they run and the data they touch cut
# `check` from 341 faults to 244 and the 5% diff from 401 to 346. Names that no longer exist are
# ignored at link time, so a stale list only costs locality: rerun this after large changes to
# the start-up or diff paths.
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
# Static data (the runtime's metadata caches, once-tokens): the symbol at each page-fault address
# in .data and .bss, from perf, in the order first touched.
if command -v perf >/dev/null; then
  n=0
  fault() {
    n=$((n + 1))
    (cd "$corpus" && HOME="$scratch" perf record -q -e page-faults -c 1 -d -o "$scratch/pf.$n" \
      "$scratch/motion" "$@" >/dev/null 2>&1)
    perf script -i "$scratch/pf.$n" -F addr 2>/dev/null >> "$scratch/addresses"
  }
  fault --version
  fault check motions/001.md
  fault diff --format plain diff/base.txt diff/edit-5.txt
  python3 - "$scratch/motion" "$scratch/addresses" >> scripts/link-order.txt <<'PY'
import bisect, re, subprocess, sys
binary, addresses = sys.argv[1], sys.argv[2]
sections = []
for line in subprocess.run(["readelf", "-S", "-W", binary], capture_output=True, text=True).stdout.splitlines():
    found = re.match(r"\s*\[\s*\d+\]\s+(\.data|\.bss)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", line)
    if found:
        start = int(found.group(2), 16)
        sections.append((start, start + int(found.group(3), 16)))
symbols = [(int(p[0], 16), p[2]) for p in (l.split() for l in subprocess.run(["nm", "-n", binary], capture_output=True,
           text=True).stdout.splitlines()) if len(p) == 3 and p[1] in "bBdD"]
starts = [address for address, _ in symbols]
seen = set()
for word in open(addresses).read().split():
    address = int(word, 16)
    if not any(start <= address < end for start, end in sections):
        continue
    index = bisect.bisect_right(starts, address) - 1
    if index >= 0 and symbols[index][1] not in seen:
        seen.add(symbols[index][1])
        print(symbols[index][1])
PY
else
  echo "perf not found: static data left unordered" >&2
fi
# The list is not an input SwiftPM tracks: remove the binaries so that the next build relinks.
rm -f .build/release/motion .build/release/motion-serve .build/release/motion-pg
echo "scripts/link-order.txt: $(wc -l < scripts/link-order.txt) symbols; run make build to link with it"
