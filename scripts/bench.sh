#!/usr/bin/env bash
# `make bench`: builds the benchmark runner, runs every benchmark and rewrites BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product motion-bench >/dev/null
python3 Benchmarks/run.py "$@" > BENCHMARKS.md.tmp
mv BENCHMARKS.md.tmp BENCHMARKS.md
cat BENCHMARKS.md
