#!/usr/bin/env bash
# `make check-docx`: LibreOffice's reading of our .docx files, which no test reader renders.
# 1. Line numbers: each example motion is exported with --line-numbers, converted to PDF by
#    LibreOffice (headless), and the text of the PDF (pdftotext -layout) must show every line N
#    as N and then exactly the words the numbering puts on line N: nothing wrapped again.
# 2. Tracked changes: an amendment deleting two points and adding one, exported as tracked
#    changes, must show each point's number once ("3." or the old and new "5.3."), never a
#    number LibreOffice made up in brackets ("[4.]", "2.[6.]").
# Too heavy for CI (LibreOffice is hundreds of megabytes); run it before a release.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
motion=$(realpath "${1:-.build/release/motion}")
scripts/install-deps.sh libreoffice-writer-nogui poppler-utils
work=$(mktemp -d "${TMPDIR:-/tmp}/motion-check-docx.XXXXXX")
status=0
pdf() { soffice --headless --convert-to pdf --outdir "$work" "$1" >/dev/null 2>&1; pdftotext -layout "${1%.docx}.pdf" "${1%.docx}.txt"; }
for path in motions/*.md; do
    name=$(basename "$path" .md)
    "$motion" export "$path" --to docx --line-numbers -o "$work/$name.docx" 2>/dev/null
    pdf "$work/$name.docx"
    "$motion" show --line-numbers "$path" > "$work/$name.lines"
    python3 - "$work/$name.txt" "$work/$name.lines" "$name" <<'PY' || status=1
import re, sys
pdf = [" ".join(line.split()) for line in open(sys.argv[1], encoding="utf-8")]
wanted = [re.match(r"\s*(\d+)  (.*)", line).groups() for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
# A bullet's "- " is Word's "•"; the PDF line is the number, then the line's words, whole.
expected = [f"{n} " + " ".join(("\u2022 " + text[2:] if text.startswith("- ") else text).split()) for n, text in wanted]
missing = [line for line in expected if line not in pdf]
print(f"{sys.argv[3]}: {len(expected) - len(missing)} of {len(expected)} lines exactly as numbered")
for line in missing[:5]:
    print("  not found:", line)
sys.exit(1 if missing else 0)
PY
done
# Tracked changes in a throwaway workspace.
(
    cd "$work" && mkdir -p tracked && cd tracked
    "$motion" init >/dev/null 2>&1
    cp "$root/motions/health-2026-lxp-recognition.md" motions/
    "$motion" save health-2026-lxp-recognition >/dev/null
    printf -- "---\nid: a1\ntitle: Posts\nsubmitted-by: Camden Branch\nkind: amendment\namends: health-2026-lxp-recognition@1\n---\n\n# Posts\n\nDelete point 2.\n\nDelete point 4.\n\nAdd new point 7: 'Publish the results every year.'\n" > motions/a1.md
    "$motion" export motions/a1.md -o ../tracked.docx 2>/dev/null
)
pdf "$work/tracked.docx"
python3 - "$work/tracked.txt" <<'PY' || status=1
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
points = [m.group(1) for m in re.finditer(r"^\s*(\S*\d\.)\s", text.split("calls on")[1], re.M)]
wanted = ["1.", "2.", "3.2.", "4.", "5.3.", "6.4.", "5."]
print(f"tracked changes: point numbers {' '.join(points)}")
brackets = re.findall(r"\[\d+\.\]", text)
if points != wanted or brackets:
    print(f"  wanted {' '.join(wanted)} and no bracketed number; brackets: {brackets}")
    sys.exit(1)
PY
echo "check-docx: PDFs and text in $work"
exit $status
