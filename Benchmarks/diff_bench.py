"""Diff benchmarks for Benchmarks/run.py (issue 4): motion against git word-diff (whole process)
and against diff-match-patch (in-process, word mode + cleanupSemantic, as ../shared/bench does),
in one run on the same corpus pairs.
"""
import json
import pathlib
import subprocess
import sys

from timing import paired_runs

SHARED = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
VENV = pathlib.Path("/tmp/bench-venv")
PAIRS = [("0.5%", "base.txt", "edit-0.5.txt"), ("5%", "base.txt", "edit-5.txt"),
         ("30%", "base.txt", "edit-30.txt"), ("unrelated", "unrelated-a.txt", "unrelated-b.txt")]

DMP_SCRIPT = r"""
import json, sys, pathlib, time, statistics
sys.path.insert(0, sys.argv[2])
from anchors import dmp_words
corpus = pathlib.Path(sys.argv[1])
out = {}
for name, a, b in json.loads(sys.argv[3]):
    ta = (corpus / "diff" / a).read_text(); tb = (corpus / "diff" / b).read_text()
    dmp_words(ta, tb, 0)
    times = []
    for _ in range(5):
        start = time.perf_counter(); segs = dmp_words(ta, tb, 0); times.append((time.perf_counter() - start) * 1000)
    out[name] = {"ms": statistics.median(times), "segments": segs if isinstance(segs, int) else len(segs)}
print(json.dumps(out))
"""


def ensure_venv():
    python = VENV / "bin" / "python"
    ok = python.exists() and subprocess.run([str(python), "-c", "import diff_match_patch"], capture_output=True).returncode == 0
    if not ok:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", "diff-match-patch"], check=True)
    return str(python)




def bench(motion, corpus, inproc):
    folder = corpus / "diff"
    rows = []
    dmp = {}
    try:
        python = ensure_venv()
        result = subprocess.run([python, "-c", DMP_SCRIPT, str(corpus), str(SHARED), json.dumps(PAIRS)],
                                capture_output=True, text=True, check=True)
        dmp = json.loads(result.stdout)
    except (subprocess.CalledProcessError, OSError) as error:
        print(f"diff-match-patch could not run: {error}", file=sys.stderr)
    for name, a, b in PAIRS:
        # Run in turn, so that the machine's load falls on both alike.
        (motion_ms, _), (git_ms, _) = paired_runs([[motion, "diff", "--format", "plain", a, b],
                                                   ["git", "diff", "--no-index", "--word-diff=plain", a, b]], folder)
        rows.append({
            "name": name,
            "motion_ms": motion_ms,
            "git_ms": git_ms,
            "engine_ms": inproc[f"diff {name}"]["ms"],
            "segments": inproc[f"diff {name}"]["segments"],
            "collection_ms": inproc[f"diff {name}"]["collection_difference_ms"],
            "dmp_ms": dmp.get(name, {}).get("ms"),
            "dmp_segments": dmp.get(name, {}).get("segments"),
            "words": f"{inproc[f'diff {name}']['words_a']} / {inproc[f'diff {name}']['words_b']}",
        })
    return rows


def markdown(rows, small):
    def fmt(value, digits=1):
        return "n/a" if value is None else f"{value:.{digits}f}"
    out = ["## The diff engine (issue 4)\n",
           "Whole process: `motion diff --format plain A B` against `git diff --no-index --word-diff=plain A B`,",
           "run in turn, 21 times each after a warm-up (medians), both read from disk first (see the issue 18",
           "table). The engine's times are medians of 21 runs.",
           "In-process: the structure-aware engine (prose split, block alignment, word diff, cleanup, flattening",
           "to output runs) against diff-match-patch (word mode + cleanupSemantic, `Diff_Timeout = 0`, Python)",
           "and Swift's `CollectionDifference` on the same token ids (no cleanup). Segments: runs of equal,",
           "deleted and inserted text in the output, as diff-match-patch counts its diffs.\n",
           "| pair | words A / B | motion ms | git ms | motion / git | engine ms | dmp ms | CollectionDifference ms | segments | dmp segments |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['name']} | {r['words']} | {fmt(r['motion_ms'])} | {fmt(r['git_ms'])} | {r['motion_ms'] / r['git_ms']:.2f} | "
                   f"{fmt(r['engine_ms'], 2)} | {fmt(r['dmp_ms'])} | {fmt(r['collection_ms'])} | {r['segments']} | "
                   f"{r['dmp_segments'] if r['dmp_segments'] is not None else 'n/a'} |")
    out.append(f"| small x200 (total) | | | | | {fmt(small['ms'])} | | | {small['segments']} | 6616 (ANCHORS.md) |")
    out.append("")
    out.append("Aims: at or below git's whole-process time; the engine under 2 ms on the 30% pair and under 5 ms on")
    out.append("the unrelated pair; no more segments than diff-match-patch. See the issue note for where they are missed.")
    out.append("")
    return "\n".join(out)
