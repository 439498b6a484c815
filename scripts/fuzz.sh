#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets (Fuzz/) with -sanitize=fuzzer in their own build
# folder and runs each for FUZZ_SECONDS (default 600), seeded from the example motions and
# skeletons (reader) and the hand-written wording tables of the tests (wording). Crashes and
# hangs are kept in .build-fuzz/findings/; each must become a test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-600}
scratch=.build-fuzz
swift build -c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING \
    -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld \
    --product fuzz-reader 2>&1 | grep -E "error|Compiling|Build" | tail -3
swift build -c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING \
    -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld \
    --product fuzz-wording 2>&1 | grep -E "error|Build" | tail -2

seeds=$scratch/seeds
rm -rf "$seeds"
mkdir -p "$seeds/reader" "$seeds/wording" "$scratch/corpus/reader" "$scratch/corpus/wording" "$scratch/findings"
cp motions/*.md templates/motions/*.md Tests/MotionKitTests/Fixtures/*.md "$seeds/reader/"
# Every wording of the test tables, one file each.
python3 - "$seeds/wording" <<'PY'
import pathlib, re, sys
out = pathlib.Path(sys.argv[1])
count = 0
for test in ["AmendmentWordingTests.swift", "AgendaWordingTests.swift"]:
    source = pathlib.Path("Tests/MotionKitTests", test).read_text()
    for match in re.finditer(r'wording: "((?:[^"\\]|\\.)*)"', source):
        text = re.sub(r'\\u\{([0-9A-Fa-f]+)\}', lambda m: chr(int(m.group(1), 16)), match.group(1))
        text = text.replace('\\n', '\n').replace('\\"', '"').replace('\\\\', '\\')
        (out / f"w{count:03d}.txt").write_text(text)
        count += 1
print(f"fuzz: {count} wording seeds", file=sys.stderr)
PY

# Both targets at once, one core each. libFuzzer adds what it finds to the first folder named
# (the corpus in the build folder), never to the seeds.
run() {
    local target=$1
    # Swift's own backtracer would run on every finding and fill the log; libFuzzer reports them.
    SWIFT_BACKTRACE=enable=no "$scratch/release/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix="$scratch/findings/$target-" -print_final_stats=1 \
        "$scratch/corpus/$target" "$seeds/$target" > "$scratch/findings/$target.log" 2>&1
}
echo "fuzz: reader and wording, ${seconds}s each" >&2
status=0
run reader & reader=$!
run wording & wording=$!
wait $reader || status=1
wait $wording || status=1
for target in reader wording; do
    echo "fuzz-$target: $(grep -E '^Done [0-9]+ runs' "$scratch/findings/$target.log" | tail -1)" \
        "$(grep -E 'stat::peak_rss_mb' "$scratch/findings/$target.log" | tr -s ' ')" \
        "corpus $(ls "$scratch/corpus/$target" | wc -l) inputs" >&2
    grep -E "ERROR|SUMMARY" "$scratch/findings/$target.log" >&2 || true
done
if ls "$scratch/findings" | grep -qE "^(reader|wording)-(crash|timeout|oom|leak|slow)"; then status=1; fi
echo "fuzz: $( [ $status -eq 0 ] && echo 'no crashes, hangs or out-of-memory' || echo "findings in $scratch/findings")" >&2
exit $status
