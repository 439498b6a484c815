#!/usr/bin/env python3
"""Runs the toolkit's benchmarks and prints BENCHMARKS.md (Markdown) on stdout.

usage: Benchmarks/run.py [--corpus DIR] [--motion BIN] [--bench BIN] [--baseline BIN [--baseline-label TEXT]]

Same method as ../shared/bench: the corpus from make_corpus.py (seed 1, fingerprint checked),
whole-process times for CLI commands and in-process times for library calls, each the median of
5 timed runs after 1 warm-up. Times vary between runs on shared machines: compare within a run.
"""
import argparse
import datetime
import hashlib
import json
import os
import pathlib
import platform
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from timing import whole_process_ms  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench"
FINGERPRINT = "321ab44e238d50f8"


def fingerprint(corpus: pathlib.Path) -> str:
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    lines = "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  ./{p.relative_to(corpus).as_posix()}\n"
                    for p in files)
    return hashlib.sha256(lines.encode()).hexdigest()[:16]


def ensure_corpus(corpus: pathlib.Path) -> str:
    if not (corpus / "motions").is_dir():
        subprocess.run([sys.executable, str(SHARED / "make_corpus.py"), str(corpus)], check=True)
    return fingerprint(corpus)




def peak_rss_mb(command):
    """Peak resident memory of one run of the command (that child's own rusage)."""
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    return usage.ru_maxrss / 1024


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, nproc {os.cpu_count()}, {platform.system()} {platform.release()}"


def amendments_markdown(inproc):
    out = ["## Amendment wording (issue 5)\n",
           "The 200 small corpus pairs (`diff/small/NNN-a.txt` -> `NNN-b.txt`, motions of about 400 words",
           "with 2-5% of words edited), read once; then wording written for each pair (`AmendmentWriter`,",
           "which includes its own check by applying the wording) and that wording parsed and applied",
           "(`AmendmentApplier`). Every round trip is compared with the target; none of the peers writes",
           "or applies amendment wording, so there is no side-by-side figure.\n",
           "| style | write wording, per motion | apply wording, per motion | aim | round trips exact | instructions | whole-text replacements |",
           "|---|---|---|---|---|---|---|"]
    for style in ("quoted", "lines"):
        row = inproc[f"amend {style}"]
        pairs = row["pairs"]
        out.append(f"| {style} | {row['write_ms'] / pairs:.2f} ms | {row['apply_ms'] / pairs:.2f} ms | < 1 ms each | "
                   f"{row['exact']}/{pairs} | {row['instructions']} | {row['whole_replacements']} |")
    out.append("")
    return "\n".join(out)


def composites_markdown(inproc):
    out = ["## Drafting composites (issue 17)\n",
           "`CompositeDrafter` in-process on corpus motions already read (median of 5 after 1 warm-up),",
           "with its own check that no sentence is lost. Unrelated: motions 002-021 as they are, so nothing",
           "merges and every block is compared with every other (the largest composite). Overlapping: the",
           "same motions each with motion 001's blocks in its sections, which the composite says once.",
           "No peer drafts composites (Antragsgrün, OpenSlides and Decidim only mark a motion as merged),",
           "so there is no side-by-side figure.\n",
           "| motions | kind | blocks in the composite | sentences left out | time | aim |", "|---|---|---|---|---|---|"]
    for name in ("unrelated", "overlapping"):
        for count in (5, 20):
            row = inproc[f"composite {name} {count}"]
            out.append(f"| {count} | {name} | {row['blocks']} | {row['left_out']} | {row['ms']:.1f} ms | {'< 50 ms' if count == 20 else ''} |")
    out.append("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/tmp/bench-corpus", type=pathlib.Path)
    ap.add_argument("--motion", default=str(ROOT / ".build/release/motion"))
    ap.add_argument("--bench", default=str(ROOT / ".build/release/motion-bench"))
    ap.add_argument("--baseline", help="a release build of an earlier commit, to measure a change of structure against")
    ap.add_argument("--baseline-label", default="the baseline")
    args = ap.parse_args()

    corpus_print = ensure_corpus(args.corpus)
    if corpus_print != FINGERPRINT:
        print(f"warning: corpus fingerprint {corpus_print}, expected {FINGERPRINT}", file=sys.stderr)
    inproc = {}
    for line in subprocess.run([args.bench, str(args.corpus)], capture_output=True, text=True, check=True).stdout.splitlines():
        row = json.loads(line)
        inproc[row["name"]] = row

    one = str(args.corpus / "motions/001.md")
    all_motions = sorted(str(p) for p in (args.corpus / "motions").glob("*.md"))
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    out = []
    out.append("# Benchmarks\n")
    out.append("Produced by `make bench` (Benchmarks/run.py). Medians of 5 timed runs after 1 warm-up;")
    out.append("whole-process times include process start. Absolute times on these shared machines vary")
    out.append("by tens of percent between runs, so compare figures within one run only.\n")
    out.append(f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
    out.append(f"- machine: {machine()}")
    out.append(f"- toolchain: {swift}; release binary linked with --static-swift-stdlib -static-executable, every module compiled with -disable-concrete-type-metadata-mangled-name-accessors")
    out.append(f"- corpus: {args.corpus} (fingerprint {corpus_print}, seed 1, from ../shared/bench/make_corpus.py)\n")

    rc = inproc["read+check corpus"]
    out.append("## Reading and checking motions (issue 2)\n")
    out.append("| what | how | result | aim |")
    out.append("|---|---|---|---|")
    out.append(f"| read + check the 200 corpus motions (from disk) | in-process | {rc['ms']:.1f} ms, "
               f"{rc['motions_per_s']:.0f} motions/s | < 100 ms |")
    out.append(f"| read only, 200 motions already in memory | in-process | {inproc['read corpus (in memory)']['ms']:.1f} ms | |")
    out.append(f"| write canonical Markdown, 200 motions | in-process | {inproc['write corpus']['ms']:.1f} ms | |")
    out.append(f"| peak memory of the benchmark process | in-process | {inproc['peak memory']['mb']:.1f} MB | |")
    out.append(f"| `motion check motions/001.md` | whole process | {whole_process_ms([args.motion, 'check', one]):.1f} ms | < 15 ms |")
    out.append(f"| `motion check` on all 200 motions | whole process | "
               f"{whole_process_ms([args.motion, 'check'] + all_motions):.1f} ms | |")
    out.append(f"| peak memory of `motion check` on all 200 | whole process | {peak_rss_mb([args.motion, 'check'] + all_motions):.1f} MB | |")
    out.append(f"| `motion --version` (start-up alone) | whole process | {whole_process_ms([args.motion, '--version']):.1f} ms | |")
    out.append(f"| `/bin/true` (process spawn floor) | whole process | {whole_process_ms(['/bin/true']):.1f} ms | |")
    # Worst cases for the parser (issue 13): the reproduction (a 20,000-deep list, then 100,000
    # '&'), refused before parsing; and the deepest text accepted (16 levels) filled to 2 MiB.
    head = "---\nid: deep\ntitle: Deep\n---\n\n# Deep\n\n## Conference notes\n\n"
    worst_dir = pathlib.Path("/tmp/motion-bench-worst")
    worst_dir.mkdir(exist_ok=True)
    (worst_dir / "reproduction.md").write_text(head + "- " * 20000 + "&" * 100000 + "\n")
    filled = head + "- " * 16 + "&" * (2 * 1024 * 1024)
    (worst_dir / "worst.md").write_text(filled[:2 * 1024 * 1024 - 2] + "\n")
    out.append(f"| `motion check` on the nesting reproduction (140 KB, refused before parsing) | whole process | "
               f"{whole_process_ms([args.motion, 'check', str(worst_dir / 'reproduction.md')]):.1f} ms | < 1 s |")
    out.append(f"| `motion check` on the worst accepted case (2 MiB, 16 levels, then '&') | whole process | "
               f"{whole_process_ms([args.motion, 'check', str(worst_dir / 'worst.md')]):.1f} ms | < 1 s |")
    out.append("")
    import diff_bench
    import store_bench
    out.append(diff_bench.markdown(diff_bench.bench(args.motion, args.corpus, inproc), inproc["diff small x200"]))
    import instructions
    out.append(instructions.markdown(instructions.bench(args.motion, args.corpus)))
    out.append(store_bench.markdown(store_bench.bench(args.motion, args.corpus)))
    out.append(amendments_markdown(inproc))
    out.append(composites_markdown(inproc))
    import glossary_bench
    out.append(glossary_bench.markdown(glossary_bench.bench(args.motion, args.corpus)))
    import export_bench
    out.append(export_bench.markdown(export_bench.bench(args.motion, args.corpus)))
    import web_bench
    out.append(web_bench.markdown(web_bench.bench(args.motion)))
    import office_store_bench
    out.append("## The office store on SQLite and PostgreSQL (issue 16)\n\n" + office_store_bench.run(args.motion) + "\n")
    if args.baseline:
        import layers_bench
        out.append(layers_bench.markdown(layers_bench.bench(args.baseline, args.motion), args.baseline_label))
    print("\n".join(out))


if __name__ == "__main__":
    main()
