#!/usr/bin/env bash
# Writes scripts/link-order.txt: the functions `motion --version`, `check` and `diff` run, then
# the static data they touch, for the linker to place side by side (lld's
# --symbol-ordering-file; the Makefile passes it).
#
#   make link-order        (runs this with the Makefile's RELEASE_FLAGS; needs valgrind and perf)
#
# Why: a binary read from disk maps its code a 64 KB window per page fault, and a fault there
# costs several microseconds; its static data a 4 KB page per fault. Scattered over 30 MB of code
# and 1 MB of data, start-up and a diff touched about 150 windows and pages more than git does.
# Names that no longer exist are ignored at link time, so a stale list only costs locality:
# rerun this after large changes to the start-up or diff paths. scripts/link_order.py says how
# the list is ordered.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
: "${RELEASE_FLAGS:?run this as make link-order, which sets the release build flags}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Relinked with a map, which says which input section holds each symbol and address: the same
# flags and list give the same binary.
rm -f .build/release/motion
swift build -c release $RELEASE_FLAGS -Xlinker -Map="$scratch/map" -Xlinker --no-demangle --product motion \
  > "$scratch/build.log" 2>&1 || { cat "$scratch/build.log" >&2; exit 1; }
strip -g -o "$scratch/motion" .build/release/motion  # valgrind cannot read the debug info
corpus=${MOTION_BENCH_CORPUS:-/tmp/bench-corpus}
[ -d "$corpus/diff" ] || python3 ../shared/bench/make_corpus.py "$corpus" >/dev/null
commands=("--version" "check motions/001.md" "diff --format plain diff/base.txt diff/edit-5.txt"
          "diff --format plain diff/base.txt diff/edit-30.txt")
n=0
for command in "${commands[@]}"; do
  n=$((n + 1))
  # The functions each command runs (callgrind), and the addresses of its page faults (perf),
  # which also name code valgrind does not run: the AVX-512 variants of libc's string functions.
  (cd "$corpus" && HOME="$scratch" valgrind --tool=callgrind --demangle=no \
    --callgrind-out-file="$scratch/cg.$n" "$scratch/motion" $command >/dev/null 2>&1)
  (cd "$corpus" && HOME="$scratch" perf record -q -e page-faults -c 1 -d -o "$scratch/pf.$n" \
    "$scratch/motion" $command >/dev/null 2>&1)
  perf script -i "$scratch/pf.$n" -F addr 2>/dev/null > "$scratch/faults.$n"
  # Every address it reads or writes (lackey), for the static data it touches.
  (cd "$corpus" && HOME="$scratch" valgrind --tool=lackey --trace-mem=yes --log-fd=3 \
    "$scratch/motion" $command 3>&1 >/dev/null 2>&1 | python3 "$repo/scripts/link_order.py" --touched) \
    > "$scratch/touched.$n"
done
python3 scripts/link_order.py "$scratch/map" "$scratch" > scripts/link-order.txt
# The list is not an input SwiftPM tracks: remove the binaries so that the next build relinks.
rm -f .build/release/motion .build/release/motion-serve .build/release/motion-pg
echo "scripts/link-order.txt: $(wc -l < scripts/link-order.txt) symbols; run make build to link with it"
