"""Every command before and after a change (first made for issue 11's application layer), for
Benchmarks/run.py.

Runs the same commands with two release builds of `motion`, the baseline (built from the commit
before the change) and the current one, each in its own copy of one workspace: the example
motions saved twice, an amendment stored. Whole-process times are taken alternately, old then
new, so both see the same machine; instruction counts come from valgrind's callgrind on stripped
copies of both binaries (valgrind cannot read the release binary's debug info), which do not
depend on the machine's load. Only given with --baseline BIN.
"""
import os
import pathlib
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
LXP = "health-2026-lxp-recognition"

AMENDMENT = f"""---
id: lxp-a1
kind: amendment
amends: {LXP}
submitted-by: Mental Health Branch
status: submitted
---

# Amendment to {LXP}

In point 2, after 'Produce' insert 'model'.
"""

# (label, arguments, counted with callgrind too)
COMMANDS = [
    ("`--version` (start-up)", ["--version"], True),
    ("`check` one motion", ["check", f"motions/{LXP}.md"], True),
    ("`show ID`", ["show", LXP], True),
    ("`log ID`", ["log", LXP], True),
    ("`list`", ["list"], True),
    ("`status`", ["status"], False),
    ("`diff ID@1 ID` (plain)", ["diff", f"{LXP}@1", LXP, "--format", "plain"], True),
    ("`amend ID@1 ID`", ["amend", f"{LXP}@1", LXP], True),
    ("`apply` a stored amendment", ["apply", "lxp-a1"], True),
    ("`merge` with `--status submitted`", ["merge", LXP, "--status", "submitted"], False),
    ("`export ID --to docx`", ["export", LXP, "--to", "docx", "-o", "out.docx"], True),
    ("`export` an amendment (tracked changes)", ["export", "lxp-a1", "--to", "docx", "-o", "a1.docx"], False),
    ("`paper` of three motions, docx", ["paper", LXP, "branch-2026-safe-staffing", "tuc-2026-fair-pay-agreements",
                                         "--to", "docx", "-o", "paper.docx"], True),
    ("`glossary lint` the examples", ["glossary", "lint"] + [f"motions/{p.name}" for p in sorted((ROOT / "motions").glob("*.md"))], False),
]


def workspace(binary, folder):
    env = dict(os.environ, MOTION_AUTHOR="bench", NO_COLOR="1")
    subprocess.run([binary, "init", str(folder)], check=True, capture_output=True, env=env)
    for path in sorted((ROOT / "motions").glob("*.md")):
        shutil.copy(path, folder / "motions" / path.name)
    subprocess.run([binary, "save", "-m", "first"], cwd=folder, check=True, capture_output=True, env=env)
    lxp = folder / "motions" / f"{LXP}.md"
    lxp.write_text(lxp.read_text().replace("peer support workers", "peer support workers and survivor researchers", 1))
    (folder / "motions" / "lxp-a1.md").write_text(AMENDMENT)
    subprocess.run([binary, "save", "-m", "second"], cwd=folder, check=True, capture_output=True, env=env)
    return env


def once(binary, arguments, cwd, env):
    start = time.perf_counter()
    subprocess.run([binary] + arguments, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def instructions(binary, arguments, cwd, env):
    with tempfile.TemporaryDirectory() as scratch:
        out = pathlib.Path(scratch) / "callgrind.out"
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary] + arguments,
                       cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        for line in out.read_text().splitlines():
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    return None


def bench(baseline, current, runs=11):
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        scratch = pathlib.Path(scratch)
        stripped = {}
        for name, binary in (("old", baseline), ("new", current)):
            stripped[name] = str(scratch / f"motion-{name}")
            subprocess.run(["strip", "-o", stripped[name], binary], check=True)
        folders = {"old": scratch / "old", "new": scratch / "new"}
        envs = {name: workspace(stripped[name], folders[name]) for name in folders}
        for label, arguments, counted in COMMANDS:
            times = {"old": [], "new": []}
            for name in ("old", "new"):
                once(stripped[name], arguments, folders[name], envs[name])  # warm-up
            for run in range(runs):
                # Alternate which goes first, so neither always runs on a cache the other warmed.
                for name in (("old", "new") if run % 2 == 0 else ("new", "old")):
                    times[name].append(once(stripped[name], arguments, folders[name], envs[name]))
            row = {"label": label, "old_ms": statistics.median(times["old"]), "new_ms": statistics.median(times["new"])}
            if counted:
                row["old_ir"] = instructions(stripped["old"], arguments, folders["old"], envs["old"])
                row["new_ir"] = instructions(stripped["new"], arguments, folders["new"], envs["new"])
            rows.append(row)
    return rows


def markdown(rows, baseline_label):
    out = [f"## Every command before and after: {baseline_label} against this tree\n",
           f"The same commands with the release build of {baseline_label} (old) and of this tree (new), each in",
           "its own copy of one workspace (the three examples saved twice, one stored amendment). Times are",
           "medians of 11 runs taken in turn (old first, then new first, and so on); instructions are valgrind",
           "callgrind totals on stripped copies, which do not depend on the machine's load. Times of a few",
           "milliseconds move by 10-20% from run to run here; the instruction counts are the measure.\n",
           "| command | old ms | new ms | new / old | old instructions | new instructions | new / old |",
           "|---|---|---|---|---|---|---|"]
    for row in rows:
        ratio = row["new_ms"] / row["old_ms"] if row["old_ms"] else float("nan")
        line = f"| {row['label']} | {row['old_ms']:.1f} | {row['new_ms']:.1f} | {ratio:.2f} |"
        if row.get("old_ir") and row.get("new_ir"):
            line += f" {row['old_ir']:,} | {row['new_ir']:,} | {row['new_ir'] / row['old_ir']:.3f} |"
        else:
            line += " | | |"
        out.append(line)
    out.append("")
    return "\n".join(out)
