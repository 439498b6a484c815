#!/usr/bin/env bash
# The main job on the bundled example motions: check them, then keep their history in a
# workspace made in a temporary folder (save, edit, save again, compare, log), then write,
# apply and merge amendments.
set -euo pipefail
cd "$(dirname "$0")/.."
motion=$(realpath "${1:-.build/release/motion}")
examples=$(pwd)/motions

step() { printf '\n== %s\n' "$*"; }

step "motion check --summary motions/*.md"
"$motion" check --summary "$examples"/*.md

demo=$(mktemp -d "${TMPDIR:-/tmp}/motion-demo.XXXXXX")
cd "$demo"
step "motion init (in $demo)"
"$motion" init
cp "$examples"/*.md motions/
export MOTION_AUTHOR="Demo Delegate"

step "motion save -m 'First drafts'"
"$motion" save -m "First drafts"

step "edit the LXP motion: the standard role name, and a sharper sentence; then save"
sed -i -e 's/peer support workers, peer workers,/peer support workers,/' \
    -e 's/Titles vary from one employer to the next and keep multiplying./Titles differ between employers and keep multiplying./' \
    motions/health-2026-lxp-recognition.md
"$motion" status
"$motion" save -m "Use the standard role name" --author "Branch Secretary"
"$motion" tag health-2026-lxp-recognition@2 branch-agreed
"$motion" set-status health-2026-lxp-recognition submitted -m "Sent to the conference office"

step "motion diff health-2026-lxp-recognition@1 health-2026-lxp-recognition@2 --format plain --context 0"
"$motion" diff health-2026-lxp-recognition@1 health-2026-lxp-recognition@2 --format plain --context 0

step "motion diff ... --stat"
"$motion" diff health-2026-lxp-recognition@1 health-2026-lxp-recognition@2 --stat

step "motion log health-2026-lxp-recognition"
"$motion" log health-2026-lxp-recognition

step "a delegate edits a copy; motion amend writes the amendment wording from it"
sed -e 's/peer support workers, lived experience researchers,/peer support workers, survivor researchers,/' \
    -e 's/^2\. Produce bargaining guidance/2. Produce model bargaining guidance/' \
    motions/health-2026-lxp-recognition.md > "$demo/edited.md"
printf '7. Report back to conference in 2027 on progress with employers.\n' >> "$demo/edited.md"
"$motion" amend health-2026-lxp-recognition "$demo/edited.md" --document --id health-2026-lxp-a1 \
    --submitted-by "Mental Health Branch" -o motions/health-2026-lxp-a1.md
cat motions/health-2026-lxp-a1.md
"$motion" check motions/health-2026-lxp-a1.md
"$motion" save motions/health-2026-lxp-a1.md -m "Amendment from the Mental Health Branch"

step "the same change by line numbers (motion amend --style lines), with the lines it names"
"$motion" amend health-2026-lxp-recognition "$demo/edited.md" --style lines
"$motion" show --line-numbers health-2026-lxp-recognition | sed -n '29,31p'

step "a second amendment, written by hand, and one that clashes with the first"
cat > motions/health-2026-lxp-a2.md <<'EOF_A2'
---
id: health-2026-lxp-a2
kind: amendment
amends: health-2026-lxp-recognition
submitted-by: Eastern Region
status: submitted
---

(a) In point 3, after 'Band 7 and above' insert ', including consultant posts'.
(b) Add new point 7: 'Work with the Lived Experience Network on a national job profile.'
EOF_A2
cat > motions/health-2026-lxp-a3.md <<'EOF_A3'
---
id: health-2026-lxp-a3
kind: amendment
amends: health-2026-lxp-recognition
submitted-by: Southern Region
status: submitted
---

In point 2, delete 'Produce bargaining guidance' and replace with 'Publish a bargaining guide'.
EOF_A3
"$motion" save motions/health-2026-lxp-a2.md motions/health-2026-lxp-a3.md -m "Amendments received"

step "motion apply health-2026-lxp-a2 (the motion as amended, last lines)"
"$motion" apply health-2026-lxp-a2 | tail -4

step "motion merge health-2026-lxp-recognition health-2026-lxp-a1 health-2026-lxp-a3 (a conflict)"
"$motion" merge health-2026-lxp-recognition health-2026-lxp-a1 health-2026-lxp-a3 || true

step "conference carries a1 and a2: motion merge --status carried --save"
"$motion" set-status health-2026-lxp-a1 carried
"$motion" set-status health-2026-lxp-a2 carried
"$motion" merge health-2026-lxp-recognition --status carried --save
"$motion" show health-2026-lxp-recognition@as-amended | tail -8

step "the LXP role glossary: lint, fix (dry run; the motion is carried as amended, so for real only with --force), export"
"$motion" glossary lint health-2026-lxp-recognition || true
"$motion" glossary fix health-2026-lxp-recognition --dry-run
if "$motion" glossary fix health-2026-lxp-recognition; then
    echo "demo: glossary fix should have asked for --force on a decided motion" >&2
    exit 1
fi
"$motion" glossary fix health-2026-lxp-recognition --force
"$motion" glossary export --to tbx -o "$demo/lxp-roles.tbx"
head -c 400 "$demo/lxp-roles.tbx"; echo

step "motion list"
"$motion" list

step "motion fsck"
"$motion" fsck

step "Word documents for the branch meeting (in $demo/export)"
mkdir -p "$demo/export"
for id in branch-2026-safe-staffing health-2026-lxp-recognition tuc-2026-fair-pay-agreements; do
    "$motion" export "$id" --to docx -o "$demo/export/$id.docx"
done
"$motion" export branch-2026-safe-staffing health-2026-lxp-recognition tuc-2026-fair-pay-agreements --to docx -o "$demo/export/paper.docx"
"$motion" export health-2026-lxp-recognition --line-numbers --to docx -o "$demo/export/health-2026-lxp-recognition-lines.docx"
"$motion" export health-2026-lxp-recognition@as-amended --changes-from health-2026-lxp-recognition@1 --to docx \
    -o "$demo/export/health-2026-lxp-recognition-changes.docx"
"$motion" export health-2026-lxp-a2 --to docx -o "$demo/export/health-2026-lxp-a2-as-changes.docx"
"$motion" export health-2026-lxp-recognition@as-amended --changes-from health-2026-lxp-recognition@1 --to md \
    -o "$demo/export/health-2026-lxp-recognition-changes.md"
sed -n '28,40p' "$demo/export/health-2026-lxp-recognition-changes.md"

step "a branch-meeting paper: the agenda from templates/paper/branch-meeting.md.mustache, then the motions"
"$motion" paper health-2026-lxp-recognition branch-2026-safe-staffing tuc-2026-fair-pay-agreements \
    --branch "Example Health Branch" --date "3 December 2026" --to md -o "$demo/export/branch-paper.md"
head -16 "$demo/export/branch-paper.md"
"$motion" paper health-2026-lxp-recognition branch-2026-safe-staffing tuc-2026-fair-pay-agreements \
    --branch "Example Health Branch" --date "3 December 2026" --to docx -o "$demo/export/branch-paper.docx"
ls -l "$demo/export"
printf '\nThe demo workspace is in %s; its Word documents are in %s/export\n' "$demo" "$demo"
