"""Orders the symbols for lld's --symbol-ordering-file (scripts/link-order.sh runs this).

    python3 scripts/link_order.py MAP RUNS > scripts/link-order.txt
    valgrind --tool=lackey --trace-mem=yes --log-fd=3 BINARY ... 3>&1 >/dev/null \
        | python3 scripts/link_order.py --touched > RUNS/touched.N

MAP is lld's map of the binary profiled; RUNS a folder of callgrind outputs (cg.1, cg.2, ...: the
commands in the order --version, check, then diffs), page-fault addresses (faults.1, ...) and the
addresses each command read or wrote (touched.1, ...: page faults alone miss every section that
shares a page with one touched before it).

The linker moves sections, not symbols. Our modules have a section per function, but the prebuilt
archives do not (the Swift runtime's Swift.o holds 1.6 MB of code in one section; libc and
Foundation one per source file), and static data is one section per object file. So the order is:

1. functions in sections of their own, those start-up runs first, then those both `check` and
   `diff` run, then `diff`'s, then `check`'s: each command's code is then one or two stretches;
2. shared code sections that were run or faulted on, smallest first, so that the small ones share
   64 KB windows and Swift.o comes last;
3. the static data sections touched, smallest first for the same reason.
"""
import bisect
import pathlib
import re
import sys


class Section:
    def __init__(self, start, size, output, name):
        self.start, self.size, self.output, self.name = start, size, output, name
        self.symbols = []

    def holds_only(self, symbol):
        """True when the section is the symbol's alone (.text.<name>, .bss.<name>, ...)."""
        return self.name.endswith("." + symbol + ")")


def read_map(path):
    """Input sections in address order, and the section of each symbol."""
    sections, section_of, output, current = [], {}, None, None
    for line in open(path, errors="replace"):
        found = re.match(r"\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+ (\s*)(\S.*)$", line)
        if not found:
            continue
        start, size, indent, name = int(found.group(1), 16), int(found.group(2), 16), len(found.group(3)), found.group(4)
        if indent == 0:
            output, current = name, None
        elif indent == 8:
            # Merged strings and constants (<internal>) cannot be ordered by symbol.
            current = Section(start, size, output, name) if size and not name.startswith("<internal>") else None
            if current:
                sections.append(current)
        elif indent == 16 and current:
            current.symbols.append(name)
            section_of.setdefault(name, current)
    sections.sort(key=lambda s: s.start)
    return sections, section_of


def functions_run(runs):
    """Each function callgrind saw, with the set of runs that called it."""
    used = {}
    for path in sorted(runs.glob("cg.*"), key=lambda p: int(p.suffix[1:])):
        run = int(path.suffix[1:])
        for line in path.read_text(errors="replace").splitlines():
            found = re.match(r"^c?fn=\(\d+\) (.+)$", line)
            if found:
                name = found.group(1).split("'")[0]
                # Addresses and callgrind's pseudo-functions are not symbols.
                if not name.startswith(("0x", "(")) and " " not in name:
                    used.setdefault(name, set()).add(run)
    return used


def touched_addresses(log):
    """The addresses in a lackey trace (" L 1f0a3c8,8"), each once, first seen first."""
    seen, order, rest = set(), [], b""
    def take(lines):
        for word in re.findall(rb"^ ?[LSM] ([0-9a-f]+),", lines, re.M):
            if word not in seen:
                seen.add(word)
                order.append(word)
    for chunk in iter(lambda: log.read(1 << 24), b""):
        lines = rest + chunk
        cut = lines.rfind(b"\n") + 1
        take(lines[:cut])
        rest = lines[cut:]
    take(rest)
    return b"\n".join(order).decode()


def touched_sections(runs, sections, pattern):
    """The input sections that addresses in RUNS/<pattern> files fall in, in the order first met."""
    starts = [s.start for s in sections]
    seen, order = set(), []
    for path in sorted(runs.glob(pattern), key=lambda p: int(p.suffix[1:])):
        for word in path.read_text().split():
            address = int(word, 16)
            index = bisect.bisect_right(starts, address) - 1
            if index >= 0 and address < sections[index].start + sections[index].size:
                section = sections[index]
                if id(section) not in seen and section.symbols:
                    seen.add(id(section))
                    order.append(section)
    return order


def ordered_functions(used, section_of):
    """Functions run, start-up's first, then check's and diff's, diff's, check's (runs 1, 2, 3+
    are --version, check and the diffs), each group by name: the order callgrind lists them in
    changes with the layout, and a list that changed on every run would be hard to review."""
    def rank(runs_of):
        if 1 in runs_of:
            return 0
        diff, check = any(r >= 3 for r in runs_of), 2 in runs_of
        return 1 if diff and check else 2 if diff else 3
    return sorted((n for n in used if n in section_of), key=lambda n: (rank(used[n]), n))


def wide_variants(used, section_of):
    """valgrind's CPU has no AVX-512, so libc picked its AVX2 string functions there: the EVEX and
    AVX-512 variants of each, which the machine's own CPU may run."""
    variant = re.compile(r"^(__\w+?)_(?:sse2|ssse3|sse4_\d|avx2?|evex|avx512)")
    bases = {found.group(1) for found in map(variant.match, used) if found}
    return sorted(n for n in section_of if (found := variant.match(n)) and found.group(1) in bases
                  and re.search(r"_(evex|avx512)", n))


def unique(sections):
    """Each section once, in order."""
    return list({id(section): section for section in sections}.values())


def main():
    sections, section_of = read_map(sys.argv[1])
    runs = pathlib.Path(sys.argv[2])
    used = functions_run(runs)
    functions = ordered_functions(used, section_of) + wide_variants(used, section_of)
    own = [n for n in functions if section_of[n].holds_only(n)]
    faulted = touched_sections(runs, sections, "faults.*")
    shared = unique([section_of[n] for n in functions if not section_of[n].holds_only(n)]
                    + [s for s in faulted if s.output == ".text"])
    data = unique(s for s in touched_sections(runs, sections, "touched.*") + faulted if s.output != ".text")
    listed = set(own)
    print("\n".join(dict.fromkeys(own)))
    for section in sorted(shared, key=lambda s: (s.size, s.name)) + sorted(data, key=lambda s: (s.size, s.name)):
        symbol = next((n for n in section.symbols if n not in listed), None)
        if symbol is not None:
            listed.add(symbol)
            print(symbol)


if __name__ == "__main__":
    if sys.argv[1:] == ["--touched"]:
        print(touched_addresses(sys.stdin.buffer))
    else:
        main()
