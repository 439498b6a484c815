"""DOCX export against pandoc, for Benchmarks/run.py (issue 7).

The 200 corpus motions as one paper: `motion export motions/*.md --to docx` against
`pandoc -f markdown -t docx` on the corpus's paper.md (the same 200 bodies, front matter removed),
and one motion each way. Whole processes, median of 5 after 1 warm-up.
"""
import pathlib
import shutil
import subprocess
import tempfile

from timing import whole_process_ms


def bench(motion, corpus):
    if shutil.which("pandoc") is None:
        return None
    folder = pathlib.Path(tempfile.mkdtemp(prefix="motion-export-bench-"))
    try:
        motions = sorted(str(p) for p in (corpus / "motions").glob("*.md"))
        one = motions[0]
        result = {
            "paper_motion": whole_process_ms([motion, "export"] + motions + ["--to", "docx", "-o", str(folder / "paper.docx")]),
            "paper_pandoc": whole_process_ms(["pandoc", "-f", "markdown", "-t", "docx", str(corpus / "paper.md"), "-o", str(folder / "paper-pandoc.docx")]),
            "one_motion": whole_process_ms([motion, "export", one, "--to", "docx", "-o", str(folder / "one.docx")]),
            "one_pandoc": whole_process_ms(["pandoc", "-f", "markdown", "-t", "docx", one, "-o", str(folder / "one-pandoc.docx")]),
            "paper_bytes": (folder / "paper.docx").stat().st_size,
            "pandoc_version": subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.splitlines()[0],
        }
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def markdown(result):
    if result is None:
        return "## DOCX export (issue 7)\n\npandoc is not installed here; `make test` installs it.\n"
    return "\n".join([
        "## DOCX export (issue 7)\n",
        f"Whole processes, median of 5 after 1 warm-up; {result['pandoc_version']}. ANCHORS.md has pandoc's figures",
        "from the reference machine (831 ms for the paper, 45.8 ms for one motion).\n",
        "| what | motion | pandoc -t docx | pandoc / motion | aim |",
        "|---|---|---|---|---|",
        f"| the 200-motion corpus paper to .docx | {result['paper_motion']:.1f} ms | {result['paper_pandoc']:.1f} ms | "
        f"{result['paper_pandoc'] / result['paper_motion']:.1f} | >= 10 |",
        f"| one motion to .docx | {result['one_motion']:.1f} ms | {result['one_pandoc']:.1f} ms | "
        f"{result['one_pandoc'] / result['one_motion']:.1f} | < 20 ms |",
        "",
    ])
