#!/usr/bin/env bash
# `make check-docx`: LibreOffice's reading of our line numbers. Each example motion is exported
# with --line-numbers, converted to PDF by LibreOffice (headless), and the text of the PDF
# (pdftotext -layout) must show line N beginning with the words the numbering puts on line N.
# Too heavy for CI (LibreOffice is hundreds of megabytes); run it before a release.
set -euo pipefail
cd "$(dirname "$0")/.."
motion=$(realpath "${1:-.build/release/motion}")
scripts/install-deps.sh libreoffice-writer-nogui poppler-utils
work=$(mktemp -d "${TMPDIR:-/tmp}/motion-check-docx.XXXXXX")
status=0
for path in motions/*.md; do
    name=$(basename "$path" .md)
    "$motion" export "$path" --to docx --line-numbers -o "$work/$name.docx" 2>/dev/null
    soffice --headless --convert-to pdf --outdir "$work" "$work/$name.docx" >/dev/null 2>&1
    pdftotext -layout "$work/$name.pdf" "$work/$name.txt"
    "$motion" show --line-numbers "$path" > "$work/$name.lines"
    python3 - "$work/$name.txt" "$work/$name.lines" "$name" <<'PY' || status=1
import re, sys
pdf = [re.sub(r"\s+", " ", line).strip() for line in open(sys.argv[1], encoding="utf-8")]
wanted = [re.match(r"\s*(\d+)  (.*)", line).groups() for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
missing = [f"{n}: {text}" for n, text in wanted if not any(line.startswith(f"{n} {' '.join(text.split()[:3])}") for line in pdf)]
print(f"{sys.argv[3]}: {len(wanted) - len(missing)} of {len(wanted)} lines begin as numbered")
for line in missing[:5]:
    print("  not found:", line)
sys.exit(1 if missing else 0)
PY
done
echo "check-docx: PDFs and text in $work"
exit $status
