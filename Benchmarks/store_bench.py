"""Store benchmarks against git, for Benchmarks/run.py (issue 3).

Both tools get the same 200 corpus motions and the same 1,000 small edits, applied in the same
order; each save is a separate process, as a delegate would run it.
"""
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time

from timing import whole_process_ms


def run(command, cwd, env=None):
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


VOCABULARY = ["peer", "support", "workers", "lived", "experience", "trusts", "recognition", "reward", "bargaining",
              "guidance", "senior", "posts", "training", "career", "stigma", "facilitators", "researchers"]


def edit(text, round_number):
    """A small edit: one word of the body replaced by another word."""
    head, _, body = text.partition("\n---\n")
    words = list(re.finditer(r"\b[a-z]{4,}\b", body))
    match = words[(round_number * 7919) % len(words)]
    replacement = VOCABULARY[round_number % len(VOCABULARY)]
    if replacement == match.group():
        replacement = VOCABULARY[(round_number + 1) % len(VOCABULARY)]
    return head + "\n---\n" + body[:match.start()] + replacement + body[match.end():]


def dir_size(path):
    return sum(p.stat().st_size for p in pathlib.Path(path).rglob("*") if p.is_file())




def bench(motion, corpus, rounds=1000):
    work = pathlib.Path(tempfile.mkdtemp(prefix="motion-store-bench."))
    env = dict(os.environ, MOTION_AUTHOR="Bench", GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="b@example.org",
               GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="b@example.org")
    ws, repo = work / "ws", work / "repo"
    ws.mkdir()
    repo.mkdir()
    run([motion, "init"], ws, env)
    run(["git", "init", "-q"], repo, env)
    sources = sorted((corpus / "motions").glob("*.md"))
    texts = {}
    for source in sources:
        # The store names working files after their ids.
        text = source.read_text()
        motion_id = re.search(r"^id: (.+)$", text, re.M).group(1)
        texts[motion_id] = text
        (ws / "motions" / f"{motion_id}.md").write_text(text)
        (repo / f"{motion_id}.md").write_text(text)
    run([motion, "save", "-m", "import"], ws, env)
    run(["git", "add", "-A"], repo, env)
    run(["git", "commit", "-q", "-m", "import"], repo, env)

    ids = sorted(texts)
    plan = []
    for r in range(rounds):
        motion_id = ids[r % len(ids)]
        texts[motion_id] = edit(texts[motion_id], r)
        plan.append((motion_id, texts[motion_id]))

    start = time.perf_counter()
    for r, (motion_id, text) in enumerate(plan):
        (ws / "motions" / f"{motion_id}.md").write_text(text)
        run([motion, "save", f"motions/{motion_id}.md", "-m", f"edit {r}"], ws, env)
    motion_save_s = time.perf_counter() - start

    start = time.perf_counter()
    for r, (motion_id, text) in enumerate(plan):
        (repo / f"{motion_id}.md").write_text(text)
        run(["git", "add", f"{motion_id}.md"], repo, env)
        run(["git", "commit", "-q", "-m", f"edit {r}"], repo, env)
    git_save_s = time.perf_counter() - start

    # One motion with 1,000 revisions, in both.
    long_ws, long_repo = work / "long-ws", work / "long-repo"
    long_ws.mkdir()
    long_repo.mkdir()
    run([motion, "init"], long_ws, env)
    run(["git", "init", "-q"], long_repo, env)
    motion_id = ids[0]
    text = texts[motion_id]
    for r in range(1000):
        text = edit(text, r)
        (long_ws / "motions" / f"{motion_id}.md").write_text(text)
        (long_repo / f"{motion_id}.md").write_text(text)
        run([motion, "save", "-m", f"edit {r}"], long_ws, env)
        run(["git", "add", "-A"], long_repo, env)
        run(["git", "commit", "-q", "-m", f"edit {r}"], long_repo, env)
    motion_log = whole_process_ms([motion, "log", motion_id], long_ws)
    motion_log_json = whole_process_ms([motion, "log", "--json", motion_id], long_ws)
    git_log = whole_process_ms(["git", "log", "--", f"{motion_id}.md"], long_repo)

    run(["git", "gc", "-q"], repo, env)
    store_bytes = (ws / ".motion" / "store.sqlite").stat().st_size
    wal = ws / ".motion" / "store.sqlite-wal"
    store_bytes += wal.stat().st_size if wal.exists() else 0
    pack_bytes = dir_size(repo / ".git" / "objects" / "pack")
    git_bytes = dir_size(repo / ".git")
    revisions = rounds + len(ids)
    raw_bytes = sum(len(t.encode()) for _, t in plan) + sum(s.stat().st_size for s in sources)
    shutil.rmtree(work)
    return {
        "rounds": rounds, "motion_save_s": motion_save_s, "git_save_s": git_save_s,
        "motion_log_ms": motion_log, "motion_log_json_ms": motion_log_json, "git_log_ms": git_log,
        "store_bytes": store_bytes, "pack_bytes": pack_bytes, "git_bytes": git_bytes,
        "revisions": revisions, "raw_bytes": raw_bytes,
    }


def markdown(result):
    r = result
    out = ["## The store against git (issue 3)\n",
           f"Same 200 corpus motions, then the same {r['rounds']} small edits (one word each), one process",
           "per save: `motion save FILE` against `git add FILE && git commit`. Run once (not a median):",
           "each column is thousands of processes.\n",
           "| what | motion | git | motion / git | aim |",
           "|---|---|---|---|---|",
           f"| {r['rounds']} saves, total | {r['motion_save_s']:.2f} s | {r['git_save_s']:.2f} s | "
           f"{r['motion_save_s'] / r['git_save_s']:.2f} | <= 1 |",
           f"| per save | {r['motion_save_s'] / r['rounds'] * 1000:.1f} ms | {r['git_save_s'] / r['rounds'] * 1000:.1f} ms | | |",
           f"| `motion log ID` vs `git log -- FILE`, 1,000 revisions (whole process, median of 5) | "
           f"{r['motion_log_ms']:.1f} ms | {r['git_log_ms']:.1f} ms | {r['motion_log_ms'] / r['git_log_ms']:.2f} | < 20 ms |",
           f"| `motion log --json ID`, same history | {r['motion_log_json_ms']:.1f} ms | | | |",
           f"| size: store.sqlite vs .git/objects/pack after `git gc` ({r['revisions']} revisions, "
           f"{r['raw_bytes'] / 1e6:.1f} MB of text) | {r['store_bytes'] / 1e3:.0f} kB | {r['pack_bytes'] / 1e3:.0f} kB "
           f"(all of .git: {r['git_bytes'] / 1e3:.0f} kB) | {r['store_bytes'] / r['pack_bytes']:.2f} | <= 3 |",
           ""]
    return "\n".join(out)
