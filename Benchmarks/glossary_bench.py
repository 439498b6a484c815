"""Glossary lint against grep, for Benchmarks/run.py (issue 6).

A 300-entry glossary (the shared LXP entries, then generated role names with two variants each),
the 200 corpus motions with variants seeded into their bodies (one every 40 words, in turn, in
varied case, some broken across a line or hyphenated), then, as whole processes:
`motion glossary lint` on all 200 files against `grep -Fiow -f variants.txt` on the same files.
grep finds fixed strings only: no plurals, hyphens or line breaks, no longest-match choice and no
suggestion, so it finds less than motion does.
"""
import pathlib
import re
import shutil
import subprocess
import tempfile

from timing import whole_process_ms

ROOT = pathlib.Path(__file__).resolve().parent.parent
QUALIFIERS = ["community", "forensic", "perinatal", "youth", "older adults", "crisis", "inpatient", "recovery", "housing",
              "employment", "student", "veterans", "addictions", "eating disorders", "learning disability"]
ROLES = ["peer navigator", "peer advocate", "recovery worker", "peer coach", "lived experience mentor",
         "experience champion", "peer link worker", "survivor trainer", "peer liaison", "involvement lead",
         "lived experience assistant", "peer connector", "peer buddy", "hope worker", "wellbeing peer",
         "peer companion", "lived experience officer", "peer guide", "service user tutor", "peer host"]


def glossary_yaml(count=300):
    """The shared glossary's entries, then generated ones, to `count` in all."""
    shared = (ROOT / "glossary/lxp-roles.yaml").read_text(encoding="utf-8")
    entries = shared.split("\nentries:\n", 1)[1]
    shared_count = entries.count("\n  - term: ") + (1 if entries.startswith("  - term: ") else 0)
    lines = ["glossary: bench", "title: Benchmark glossary", "entries:", entries.rstrip("\n")]
    variants = []
    for index in range(count - shared_count):
        qualifier = QUALIFIERS[index % len(QUALIFIERS)]
        role = ROLES[(index // len(QUALIFIERS)) % len(ROLES)]
        term = f"{qualifier} {role} {index}"
        pair = [f"{qualifier} {role} variant {index}", f"{role} {qualifier} {index}"]
        variants += pair
        lines.append(f"  - term: {term}\n    definition: A generated role for the benchmark.\n    variants: [{', '.join(pair)}]")
    return "\n".join(lines) + "\n", variants


def shared_variants():
    text = (ROOT / "glossary/lxp-roles.yaml").read_text(encoding="utf-8")
    out = []
    for match in re.finditer(r"^    variants: \[(.*)\]$", text, re.M):
        out += [v.strip() for v in match.group(1).split(",") if v.strip()]
    return out


def seed(text, index, variants):
    """Every 40th word of the body becomes a variant, in one of four shapes."""
    head, _, body = text.partition("\n---\n")
    words = body.split(" ")
    for position in range(20, len(words), 40):
        variant = variants[(index * 31 + position) % len(variants)]
        shape = (index + position) % 4
        if shape == 1:
            variant = variant.upper()
        elif shape == 2:
            variant = variant.replace(" ", "-", 1)
        elif shape == 3:
            variant = variant.replace(" ", "\n", 1)
        words[position] = variant
    return head + "\n---\n" + " ".join(words)


def bench(motion, corpus):
    folder = pathlib.Path(tempfile.mkdtemp(prefix="motion-glossary-bench-"))
    try:
        yaml, generated = glossary_yaml()
        variants = shared_variants() + generated
        (folder / "glossary").mkdir()
        (folder / "glossary/bench.yaml").write_text(yaml, encoding="utf-8")
        (folder / "variants.txt").write_text("\n".join(variants) + "\n", encoding="utf-8")
        files = []
        for index, path in enumerate(sorted((corpus / "motions").glob("*.md"))):
            target = folder / path.name
            target.write_text(seed(path.read_text(encoding="utf-8"), index, variants), encoding="utf-8")
            files.append(path.name)
        lint = [motion, "glossary", "lint"] + files
        grep = ["grep", "-Fiow", "-f", "variants.txt"] + files
        found = subprocess.run(lint, cwd=folder, capture_output=True, text=True).stdout.count(": warning: ")
        grep_found = subprocess.run(grep, cwd=folder, capture_output=True, text=True).stdout.count("\n")
        check = subprocess.run([motion, "glossary", "check"], cwd=folder, capture_output=True, text=True)
        return {
            "entries": 300, "variants": len(variants), "files": len(files),
            "motion_ms": whole_process_ms(lint, cwd=folder), "grep_ms": whole_process_ms(grep, cwd=folder),
            "one_ms": whole_process_ms([motion, "glossary", "lint", files[0]], cwd=folder),
            "found": found, "grep_found": grep_found, "check_ok": check.returncode == 0,
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def markdown(result):
    ratio = result["motion_ms"] / result["grep_ms"]
    return "\n".join([
        "## Glossary lint (issue 6)\n",
        f"A {result['entries']}-entry glossary ({result['variants']} variants: the shared LXP glossary and generated role",
        f"names; `motion glossary check` on it: {'clean' if result['check_ok'] else 'PROBLEMS'}) against the {result['files']} corpus motions with variants",
        "seeded into their bodies, one every 40 words, upper-cased, hyphenated or broken across a line in turn.",
        "Whole processes, median of 5 after 1 warm-up. grep matches fixed strings only (no plurals, hyphens,",
        "line breaks or longest match, no suggestion), so it finds fewer; with `-i` and 600 patterns it is",
        "also slower than one word-level automaton.\n",
        "| what | motion | grep -Fiow | motion / grep | aim |",
        "|---|---|---|---|---|",
        f"| lint 200 files | {result['motion_ms']:.1f} ms | {result['grep_ms']:.1f} ms | {ratio:.2f} | <= 2 |",
        f"| findings | {result['found']} | {result['grep_found']} lines | | |",
        f"| `motion glossary lint` on one file (start-up and glossary load included) | {result['one_ms']:.1f} ms | | | |",
        "",
    ])
