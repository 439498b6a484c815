#!/usr/bin/env bash
# The main job on the bundled example motions: check them, then keep their history in a
# workspace made in a temporary folder (save, edit, save again, compare, log).
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

step "motion list"
"$motion" list

step "motion fsck"
"$motion" fsck
printf '\nThe demo workspace is in %s\n' "$demo"
