#!/usr/bin/env bash
# `make bench`: builds the benchmark runner, runs every benchmark and rewrites BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# The same flags as `make build` (the Makefile exports them), so nothing is rebuilt twice.
swift build -c release ${RELEASE_FLAGS:---static-swift-stdlib -Xswiftc -static-executable} --product motion-bench 2>&1 | grep -E "error" || true
# wrk and nginx (Debian's) for the web benchmark (Benchmarks/web_bench.py); PostgreSQL for the
# office store's (Benchmarks/office_store_bench.py); valgrind for instruction counts
# (Benchmarks/instructions.py).
scripts/install-deps.sh wrk nginx postgresql valgrind
# BASELINE=path/to/old/motion (a release build of an earlier commit) adds a before/after table.
baseline=()
[ -n "${BASELINE:-}" ] && baseline=(--baseline "$BASELINE" --baseline-label "${BASELINE_LABEL:-the baseline}")
python3 Benchmarks/run.py "${baseline[@]}" "$@" > BENCHMARKS.md.tmp
mv BENCHMARKS.md.tmp BENCHMARKS.md
cat BENCHMARKS.md
