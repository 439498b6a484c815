#!/usr/bin/env bash
# Compare two builds of `motion` command by command, for refactors that must not change any output.
#
#   scripts/compare-outputs.sh OLD_BINARY NEW_BINARY
#
# Each binary gets its own fresh workspace (made with its own `motion init` in a temporary
# folder, then the example motions from motions/*.md copied into motions/), and the same
# commands are run in both, in the same order, with the same fixed environment. For every case
# the exit code, stdout, stderr and every file the case wrote or changed in the workspace are
# compared. Exit 0 when everything is identical; otherwise each differing case is named with a
# short diff, and the exit status is 1. The last line is `compare-outputs: N cases, M differ`.
#
# The corpus at $MOTION_BENCH_CORPUS (default /tmp/bench-corpus, from `make bench`) is used
# read-only: its motions/*.md and diff/ pairs.
#
# What is masked, and why (nothing else is):
#   * ISO 8601 timestamps (2026-11-30T05:07:52.123Z, 2026-11-30T05:07:52Z) in stdout and stderr
#     become <TIME>: revisions are stamped with the clock when saved, so `log`, `list --json`,
#     `fsck --json` and the like differ between any two runs.
#   * The workspace path ($ROOT/a/ws or $ROOT/b/ws) becomes <WS>, and the scratch root <ROOT>,
#     in stdout and stderr (`init` prints it) and in files (`glossary export --to tbx` names
#     the glossary file it read). The two paths have the same length, so nothing shifts.
#   * Files are compared byte for byte; only when that fails are they compared again with the
#     paths masked, as text, or for a ZIP (.docx) entry by entry (the same entries in the same
#     order, each the same after masking; a ZIP whose entries match but whose bytes differ
#     with nothing masked in it is still reported).
#   * Files written by the cases marked --mask-files are compared that way with timestamps
#     masked as well. These are the outputs that embed store times: the manifest of
#     export-history, and Word tracked changes made from stored revisions (w:date is the
#     revision's time). In a masked .docx the ZIP's own CRCs and sizes are not compared.
#   * The stores (.motion/store.sqlite) are compared at the end as `sqlite3 .dump` with
#     timestamps masked: the raw files hold page layout and WAL state, not only content.
# Not masked: tracked changes made from files take the file's modification time; every file in
# the workspaces is set to one fixed time (2026-01-01T00:00:00Z) after each step, so those dates
# are compared as they are.
set -uo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 OLD_BINARY NEW_BINARY" >&2
    exit 2
fi
OLD=$(realpath "$1") || exit 2
NEW=$(realpath "$2") || exit 2
for bin in "$OLD" "$NEW"; do
    [ -x "$bin" ] || { echo "compare-outputs: $bin is not an executable" >&2; exit 2; }
done
REPO=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${MOTION_BENCH_CORPUS:-/tmp/bench-corpus}
[ -d "$CORPUS/motions" ] && [ -d "$CORPUS/diff/small" ] || {
    echo "compare-outputs: no corpus at $CORPUS (run make bench, or set MOTION_BENCH_CORPUS)" >&2; exit 2; }

ROOT=$(mktemp -d "${TMPDIR:-/tmp}/compare-outputs.XXXXXX")
trap 'rm -rf "$ROOT"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$ROOT/a/ws" "$ROOT/a/bin" "$ROOT/b/ws" "$ROOT/b/bin" "$ROOT/home" "$ROOT/tmp" "$ROOT/cmp"
# Both binaries are run as plain `motion` found on PATH, so argv[0] is the same.
ln -s "$OLD" "$ROOT/a/bin/motion"
ln -s "$NEW" "$ROOT/b/bin/motion"
REAL_ROOT=$(realpath "$ROOT")

FIXED_MTIME=@1767225600   # 2026-01-01T00:00:00Z, for every file in the workspaces after each step
ENVIRONMENT=(HOME="$ROOT/home" USER=bench LOGNAME=bench MOTION_AUTHOR=bench TZ=UTC
             LC_ALL=C.UTF-8 LANG=C.UTF-8 NO_COLOR=1 COLUMNS=100 TERM=dumb TMPDIR="$ROOT/tmp")

CASES=0
DIFFERING=()
# COMPARE_OUTPUTS_KEEP=DIR keeps each case's masked stdout, stderr and exit code (old binary) there.
KEEP=${COMPARE_OUTPUTS_KEEP:-}
[ -z "$KEEP" ] || mkdir -p "$KEEP" || exit 2
CMP=$ROOT/cmp

# --- masking and comparing ----------------------------------------------------------------------

TIME_RE='[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})'

# mask SIDE < in > out: the workspace path, the scratch root and ISO timestamps.
mask() {
    LC_ALL=C sed -E -e "s#$REAL_ROOT/$1/ws#<WS>#g" -e "s#$ROOT/$1/ws#<WS>#g" \
        -e "s#$REAL_ROOT#<ROOT>#g" -e "s#$ROOT#<ROOT>#g" -e "s/$TIME_RE/<TIME>/g"
}
# mask_paths SIDE < in > out: the paths only, for files that may name the workspace.
mask_paths() {
    LC_ALL=C sed -E -e "s#$REAL_ROOT/$1/ws#<WS>#g" -e "s#$ROOT/$1/ws#<WS>#g" \
        -e "s#$REAL_ROOT#<ROOT>#g" -e "s#$ROOT#<ROOT>#g"
}

# A short diff of two files (text), or the first differing byte (binary).
show_diff() {
    if grep -qI . "$1" 2>/dev/null && grep -qI . "$2" 2>/dev/null || [ ! -s "$1" ] || [ ! -s "$2" ]; then
        diff -u --label old --label new "$1" "$2" | head -n 24 | sed 's/^/    /'
    else
        cmp "$1" "$2" 2>&1 | head -n 1 | sed 's/^/    /'
    fi
}

CURRENT_DIFFS=()
note() { CURRENT_DIFFS+=("$1"); }

is_zip() { [ "$(head -c 4 "$1" | od -An -tx1 | tr -d ' \n')" = 504b0304 ]; }

# Compare two files written by the same case: bytes first; failing that, with the workspace
# paths masked (MASK=mask_paths) or paths and times masked (MASK=mask), as text, or for a ZIP
# (.docx) entry by entry: the same entries in the same order, each the same after masking.
compare_file() {  # PATH_IN_WORKSPACE MASK
    local rel=$1 masker=$2 fa="$ROOT/a/ws/$1" fb="$ROOT/b/ws/$1" what="paths masked"
    [ "$masker" = mask ] && what="paths and times masked"
    [ ! -e "$fa" ] && [ ! -e "$fb" ] && return   # removed on both sides
    if [ ! -e "$fa" ] || [ ! -e "$fb" ]; then
        note "file $rel: $([ -e "$fa" ] && echo "only the old binary left it" || echo "only the new binary left it")"
        return
    fi
    cmp -s "$fa" "$fb" && return
    if is_zip "$fa" && is_zip "$fb"; then
        unzip -Z1 "$fa" >"$CMP/za" 2>&1; unzip -Z1 "$fb" >"$CMP/zb" 2>&1
        if ! cmp -s "$CMP/za" "$CMP/zb"; then
            note "file $rel: ZIP entries differ"; show_diff "$CMP/za" "$CMP/zb" >>"$CMP/report"; return
        fi
        local entry pattern same=1
        while IFS= read -r entry; do
            pattern=$(printf '%s' "$entry" | sed 's/[[*?]/[&]/g')   # unzip reads names as wildcards
            { unzip -p "$fa" "$pattern" || echo "unzip failed: $?"; } 2>&1 | "$masker" a | sed 's/></>\n</g' >"$CMP/ea"
            { unzip -p "$fb" "$pattern" || echo "unzip failed: $?"; } 2>&1 | "$masker" b | sed 's/></>\n</g' >"$CMP/eb"
            if grep -q "^unzip failed" "$CMP/ea" "$CMP/eb"; then
                same=0; note "file $rel: cannot read entry $entry"
            elif ! cmp -s "$CMP/ea" "$CMP/eb"; then
                same=0; note "file $rel: entry $entry differs ($what)"; show_diff "$CMP/ea" "$CMP/eb" >>"$CMP/report"
            fi
        done <"$CMP/za"
        # Same entries, same masked content: the bytes may still differ only where a masked
        # string sits (and the CRCs and sizes over it). Without any masked string, report it.
        local masked_re=$ROOT
        [ "$masker" = mask ] && masked_re="$TIME_RE|$ROOT"
        unzip -p "$fa" >"$CMP/entries" 2>/dev/null   # (a file: grep -q on a pipe races with pipefail)
        if [ $same = 1 ] && ! grep -qaE "$masked_re" "$CMP/entries"; then
            note "file $rel: ZIP bytes differ"; show_diff "$fa" "$fb" >>"$CMP/report"
        fi
    else
        "$masker" a <"$fa" >"$CMP/ma"; "$masker" b <"$fb" >"$CMP/mb"
        if ! cmp -s "$CMP/ma" "$CMP/mb"; then
            note "file $rel differs ($what)"; show_diff "$CMP/ma" "$CMP/mb" >>"$CMP/report"
        fi
    fi
}

# Every file of a workspace but the store, as "SHA256  ./path", sorted by path.
manifest() {
    (cd "$ROOT/$1/ws" && find . -name .motion -prune -o -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}
manifest a | LC_ALL=C sort >"$CMP/prev-a"; manifest b | LC_ALL=C sort >"$CMP/prev-b"
: >"$CMP/masked-paths"   # files written by --mask-files cases: compared with times masked

# Compare the files this step wrote, changed or removed on either side, then set every file's
# time to FIXED_MTIME (so exports that date tracked changes by a file's time are reproducible).
compare_written_files() {  # MASK (mask_paths or mask)
    local side rel
    for side in a b; do
        find "$ROOT/$side/ws" -name .motion -prune -o -exec touch -h -d "$FIXED_MTIME" {} +
        manifest "$side" | LC_ALL=C sort >"$CMP/cur-$side"
    done
    { LC_ALL=C comm -3 "$CMP/prev-a" "$CMP/cur-a"; LC_ALL=C comm -3 "$CMP/prev-b" "$CMP/cur-b"; } |
        sed -E 's/^\t//; s/^[0-9a-f]{64}  \.\///' | LC_ALL=C sort -u >"$CMP/changed"
    while IFS= read -r rel; do
        [ "$1" = mask ] && echo "$rel" >>"$CMP/masked-paths"
        compare_file "$rel" "$1"
    done <"$CMP/changed"
    mv "$CMP/cur-a" "$CMP/prev-a"; mv "$CMP/cur-b" "$CMP/prev-b"
}

finish_case() {  # NAME
    if [ ${#CURRENT_DIFFS[@]} -gt 0 ]; then
        DIFFERING+=("$1")
        echo "DIFFERS: $1"
        printf '  %s\n' "${CURRENT_DIFFS[@]}"
        [ -s "$CMP/report" ] && cat "$CMP/report"
    fi
    CURRENT_DIFFS=(); : >"$CMP/report"
}
: >"$CMP/report"

# --- the two helpers ----------------------------------------------------------------------------

# tcase NAME [--cwd DIR] [--env K=V] [--mask-files] -- ARGS...
# Runs `motion ARGS...` with each binary in its own workspace (or DIR inside it) and compares
# exit code, stdout, stderr (both masked) and the files written. In ARGS, @WS@ stands for the
# workspace's absolute path. (Named tcase because `case` is a bash keyword.)
tcase() {
    local name=$1; shift
    local cwd=. masker=mask_paths extra=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do
        case $1 in
            --cwd) cwd=$2; shift 2 ;;
            --env) extra+=("$2"); shift 2 ;;
            --mask-files) masker=mask; shift ;;
            *) echo "compare-outputs: bad option $1 for case $name" >&2; exit 2 ;;
        esac
    done
    shift
    CASES=$((CASES + 1))
    local side ws
    for side in a b; do
        ws=$ROOT/$side/ws
        ( cd "$ws/$cwd" &&
          exec env -i "${ENVIRONMENT[@]}" "${extra[@]}" PATH="$ROOT/$side/bin:/usr/bin:/bin" \
              timeout 60 motion "${@//@WS@/$ws}" </dev/null >"$CMP/out-$side" 2>"$CMP/err-$side" )
        echo $? >"$CMP/rc-$side"
        mask "$side" <"$CMP/out-$side" >"$CMP/mout-$side"
        mask "$side" <"$CMP/err-$side" >"$CMP/merr-$side"
    done
    if [ -n "$KEEP" ]; then   # the old binary's masked results, for reading what each case does
        local base; base=$KEEP/$(printf '%03d' "$CASES")-$name
        cp "$CMP/mout-a" "$base.out"; cp "$CMP/merr-a" "$base.err"; cp "$CMP/rc-a" "$base.rc"
    fi
    if ! cmp -s "$CMP/rc-a" "$CMP/rc-b"; then
        note "exit code: old $(cat "$CMP/rc-a"), new $(cat "$CMP/rc-b")"
    fi
    if ! cmp -s "$CMP/mout-a" "$CMP/mout-b"; then
        note "stdout differs"; show_diff "$CMP/mout-a" "$CMP/mout-b" >>"$CMP/report"
    fi
    if ! cmp -s "$CMP/merr-a" "$CMP/merr-b"; then
        note "stderr differs"; show_diff "$CMP/merr-a" "$CMP/merr-b" >>"$CMP/report"
    fi
    compare_written_files "$masker"
    finish_case "$name"
}

# both NAME SCRIPT: a setup step (no motion binary), run with bash in each workspace, with
# REPO and CORPUS set. Not counted as a case; reported only if it leaves the workspaces different.
both() {
    local name=$1 script=$2 side
    for side in a b; do
        ( cd "$ROOT/$side/ws" && REPO=$REPO CORPUS=$CORPUS TZ=UTC LC_ALL=C.UTF-8 bash -euo pipefail -c "$script" ) ||
            { echo "compare-outputs: setup step '$name' failed" >&2; exit 2; }
    done
    compare_written_files mask_paths
    if [ ${#CURRENT_DIFFS[@]} -gt 0 ]; then CASES=$((CASES + 1)); fi
    finish_case "setup: $name"
}

# --- the cases ----------------------------------------------------------------------------------

LXP=health-2026-lxp-recognition
EXAMPLES=()
for f in "$REPO"/motions/*.md; do EXAMPLES+=("motions/$(basename "$f")"); done
CORPUS_MOTIONS=("$CORPUS"/motions/*.md)
M=$CORPUS/motions

# Workspaces, and the example motions.
tcase version -- --version
tcase help -- --help
tcase init -- init
tcase init-again -- init
tcase init-other-folder -- init other
both copy-examples 'cp "$REPO"/motions/*.md motions/'

# check: the examples, the workspace, the corpus.
tcase check-examples -- check "${EXAMPLES[@]}"
tcase check-examples-json -- check --json "${EXAMPLES[@]}"
tcase check-examples-summary -- check --summary "${EXAMPLES[@]}"
tcase check-workspace -- check
tcase check-absolute-path -- check "@WS@/motions/$(basename "${EXAMPLES[0]}")"
tcase check-corpus -- check "${CORPUS_MOTIONS[@]}"
tcase check-corpus-json -- check --json "${CORPUS_MOTIONS[@]}"
tcase check-corpus-summary -- check --summary "${CORPUS_MOTIONS[@]}"
tcase check-corpus-json-summary -- check --json --summary "${CORPUS_MOTIONS[@]:0:20}"

# check on motions that break the rules, and files that are not motions at all.
both bad-files '
mkdir -p bad
cat > bad/casual-contracts.md <<EOF
---
id: ucu-2026-casual-contracts
title: An end to casual contracts in further and higher education across every college
kind: motion
status: draft
profile: ucu-congress
---

## Congress resolves

1. To campaign against casual contracts in every institution, with every branch, through every means available, including industrial action ballots where employers refuse to negotiate in good faith with the union and its branches, and to publish annual data.
2. To support members on fixed-term, hourly-paid and zero-hours contracts, and to fight for their conversion to permanent open-ended posts on fair pay and conditions, and to make sure that they are fully represented in every branch and every negotiation at every level of the union, national and local, for as long as it takes.

## Congress notes

Casual contracts are widespread. Peer workers and survivor researchers face them too, as do lived experience trainers.
EOF
printf -- "---\nid: bad-utf8\ntitle: Bad \xff\xfe bytes\n---\n\n## Conference notes\n\nText \xc3\x28 here.\n" > bad/bad-utf8.md
printf -- "---\nid: broken\ntitle: [unclosed\n---\n\nBody.\n" > bad/broken-front-matter.md
printf -- "---\nid: untitled\nkind: motion\n---\n\n## Conference notes\n\nNo title anywhere.\n" > bad/no-title.md
printf "Just some prose with no front matter.\n" > bad/no-front-matter.md
printf -- "---\nid: crlf\r\ntitle: Windows line ends\r\n---\r\n\r\n## Conference notes\r\n\r\nA line.\r\n" > bad/crlf.md
truncate -s 3M bad/too-big.md
: > bad/empty.md
'
tcase check-rule-breaking -- check bad/casual-contracts.md
tcase check-rule-breaking-json -- check --json --summary bad/casual-contracts.md
tcase check-non-utf8 -- check bad/bad-utf8.md
tcase check-non-utf8-json -- check --json bad/bad-utf8.md
tcase check-broken-front-matter -- check bad/broken-front-matter.md
tcase check-no-title -- check bad/no-title.md
tcase check-no-front-matter -- check bad/no-front-matter.md
tcase check-crlf -- check --summary bad/crlf.md
tcase check-too-big -- check bad/too-big.md
both remove-too-big 'rm bad/too-big.md'   # 3 MB that every later step would hash again
tcase check-empty -- check bad/empty.md
tcase check-missing-file -- check motions/no-such-motion.md
tcase check-mixed -- check --summary "${EXAMPLES[0]}" bad/casual-contracts.md bad/bad-utf8.md motions/missing.md

# new: every skeleton, and its refusals.
tcase new-unison-health -- new --template unison-health --id health-2026-peer-pay \
    --title "Fair pay for peer support workers" --submitted-by "Northern Region"
tcase new-emergency -- new --template emergency-motion --id emergency-2026-closure --title "Ward closures" \
    --conference "Example Health Conference 2026"
tcase new-generic -- new --id generic-2026-one --title "A generic motion"
tcase new-branch -- new --template branch --id branch-2026-rota --title "Fair rotas"
tcase new-tuc -- new --template tuc-congress --id tuc-2026-ai --title "AI at work"
tcase new-amendment -- new --template amendment --id health-2026-peer-pay-a1 --title "Amendment 1" \
    --amends health-2026-peer-pay
tcase new-output -- new --id drafts-one --title "A draft elsewhere" -o drafts/one.md
tcase new-exists -- new --template unison-health --id health-2026-peer-pay --title "Again"
tcase new-unknown-template -- new --template no-such-skeleton --id x-2026 --title "X"
tcase new-bad-id -- new --id "Bad_ID" --title "Bad id"
tcase new-no-title -- new --id no-title-2026
tcase check-new -- check --summary motions/health-2026-peer-pay.md motions/emergency-2026-closure.md \
    motions/tuc-2026-ai.md motions/health-2026-peer-pay-a1.md drafts/one.md

# The store: save, status, edits, tags, statuses, log, list, show, restore, fsck.
tcase status-before-save -- status
tcase status-before-save-json -- status --json
tcase list-empty -- list
tcase save-first -- save -m "First drafts"
tcase save-nothing-changed -- save -m "Nothing"
tcase status -- status
tcase status-json -- status --json
both edit-lxp '
sed -i -e "s/peer support workers, peer workers,/peer support workers,/" \
    -e "s/Titles vary from one employer to the next and keep multiplying./Titles differ between employers and keep multiplying./" \
    motions/health-2026-lxp-recognition.md
'
tcase status-modified -- status
tcase status-modified-json -- status --json
tcase diff-working -- diff "$LXP"
tcase save-edit -- save -m "Use the standard role name" --author "Branch Secretary"
tcase tag -- tag "$LXP@2" branch-agreed
tcase tag-exists -- tag "$LXP@1" branch-agreed
tcase tag-force -- tag "$LXP@1" first-draft --force
tcase tag-move-force -- tag "$LXP@2" branch-agreed --force
tcase tag-bad-name -- tag "$LXP@1" 1-bad
tcase tag-bad-ref -- tag nosuch@9 whatever
tcase set-status -- set-status "$LXP" submitted -m "Sent to the conference office"
tcase set-status-default-message -- set-status branch-2026-safe-staffing admitted
tcase set-status-unknown -- set-status "$LXP" approved
tcase set-status-unknown-motion -- set-status nosuch submitted
tcase log -- log "$LXP"
tcase log-json -- log --json "$LXP"
tcase log-other -- log branch-2026-safe-staffing
tcase log-unknown -- log nosuch
tcase list -- list
tcase list-json -- list --json
tcase list-status -- list --status submitted
tcase list-status-json -- list --status draft --json
tcase list-status-unknown -- list --status approved
tcase show -- show "$LXP"
tcase show-rev -- show "$LXP@1"
tcase show-tag -- show "$LXP@branch-agreed"
tcase show-latest -- show "$LXP@latest"
tcase show-file -- show "${EXAMPLES[0]}"
tcase show-line-numbers -- show --line-numbers "$LXP"
tcase show-line-numbers-rev -- show --line-numbers "$LXP@1"
tcase show-line-numbers-width -- show --line-numbers --width 60 tuc-2026-fair-pay-agreements
tcase show-line-numbers-corpus -- show --line-numbers "$M/001.md"
tcase show-bad-ref -- show nosuch@9
tcase show-bad-rev -- show "$LXP@9"
tcase show-bad-tag -- show "$LXP@no-such-tag"
tcase show-malformed-ref -- show "$LXP@@"
tcase show-missing-file -- show motions/no-such-motion.md
tcase show-non-utf8 -- show bad/bad-utf8.md
both unsaved-edit 'printf "\nAn unsaved paragraph.\n" >> motions/tuc-2026-fair-pay-agreements.md'
tcase restore-refuses -- restore tuc-2026-fair-pay-agreements@1
tcase restore-force -- restore tuc-2026-fair-pay-agreements@1 --force
tcase restore-old -- restore "$LXP@1" --force
tcase status-after-restore -- status
tcase restore-latest -- restore "$LXP"
tcase restore-latest-force -- restore "$LXP" --force
tcase restore-unknown -- restore nosuch@9
tcase save-outside-motions -- save bad/casual-contracts.md
both misnamed 'sed "s/^id: .*/id: some-other-id/" motions/branch-2026-safe-staffing.md > motions/misnamed.md'
tcase save-misnamed -- save motions/misnamed.md
both remove-misnamed 'rm motions/misnamed.md'
tcase fsck -- fsck
tcase fsck-json -- fsck --json

# diff between revisions, in every format.
R1=$LXP@1 R2=$LXP@2
tcase diff-rev-default -- diff "$R1" "$R2"
tcase diff-rev-plain -- diff "$R1" "$R2" --format plain
tcase diff-rev-plain-context0 -- diff "$R1" "$R2" --format plain --context 0
tcase diff-rev-plain-all -- diff "$R1" "$R2" --format plain --context all
tcase diff-rev-color -- diff "$R1" "$R2" --format color
tcase diff-rev-critic -- diff "$R1" "$R2" --format critic
tcase diff-rev-critic-all -- diff "$R1" "$R2" --format critic --context all
tcase diff-rev-side-by-side -- diff "$R1" "$R2" --format side-by-side --width 100
tcase diff-rev-side-by-side-columns -- diff "$R1" "$R2" --format side-by-side
tcase diff-rev-side-by-side-all -- diff "$R1" "$R2" --format side-by-side --width 100 --context all
tcase diff-rev-html -- diff "$R1" "$R2" --format html
tcase diff-rev-json -- diff "$R1" "$R2" --format json
tcase diff-rev-stat -- diff "$R1" "$R2" --stat
tcase diff-rev-exit-code -- diff "$R1" "$R2" --exit-code
tcase diff-rev-same -- diff "$R2" "$LXP@branch-agreed" --exit-code
tcase diff-rev-status-only -- diff "$LXP@2" "$LXP@3" --format json
tcase diff-rev-slow-path --env MOTION_NO_FAST_PATH=1 -- diff "$R1" "$R2" --format plain
tcase diff-rev-bad-ref -- diff nosuch@9 "$R2"
tcase diff-bad-format -- diff "$R1" "$R2" --format fancy
tcase diff-bad-context -- diff "$R1" "$R2" --context some

# diff between files (an edited copy, as a delegate makes one).
both edited-copy '
sed -e "s/peer support workers, lived experience researchers,/peer support workers, survivor researchers,/" \
    -e "s/^2\. Produce bargaining guidance/2. Produce model bargaining guidance/" \
    motions/health-2026-lxp-recognition.md > edited.md
printf "7. Report back to conference in 2027 on progress with employers.\n" >> edited.md
sed -e "s/year'"'"'s/year’s/; s/Band 7 and/Band\xc2\xa07 and/; s/entry-level/entry‑level/" edited.md > edited-typography.md
'
F1=motions/$LXP.md F2=edited.md
tcase diff-file-plain -- diff "$F1" "$F2" --format plain
tcase diff-file-plain-all -- diff "$F1" "$F2" --format plain --context all
tcase diff-file-critic -- diff "$F1" "$F2" --format critic --context all
tcase diff-file-side-by-side -- diff "$F1" "$F2" --format side-by-side --width 100
tcase diff-file-html -- diff "$F1" "$F2" --format html
tcase diff-file-json -- diff "$F1" "$F2" --format json
tcase diff-file-stat -- diff "$F1" "$F2" --stat
tcase diff-file-typography -- diff "$F2" edited-typography.md --exit-code --context 0
tcase diff-file-ignore-typography -- diff "$F2" edited-typography.md --ignore-typography --exit-code
tcase diff-rev-file -- diff "$R1" "$F2" --format plain --context all
tcase diff-file-missing -- diff "$F1" no-such-file.md
tcase diff-file-non-utf8 -- diff "$F1" bad/bad-utf8.md

# diff on corpus motions and on the corpus prose pairs (every 10th of the small pairs).
C1=$M/001.md C2=$M/002.md
tcase diff-corpus-plain -- diff "$C1" "$C2" --format plain
tcase diff-corpus-plain-all -- diff "$C1" "$C2" --format plain --context all
tcase diff-corpus-critic -- diff "$C1" "$C2" --format critic
tcase diff-corpus-side-by-side -- diff "$C1" "$C2" --format side-by-side --width 100
tcase diff-corpus-html -- diff "$C1" "$C2" --format html
tcase diff-corpus-json -- diff "$C1" "$C2" --format json
tcase diff-corpus-stat -- diff "$C1" "$C2" --stat
tcase diff-corpus-150-151 -- diff "$M/150.md" "$M/151.md" --format critic --context all
FORMATS=("--format critic" "--format side-by-side --width 100" "--format html" "--format json" "--stat")
i=0
for n in $(seq 1 10 200); do
    p=$(printf '%03d' "$n")
    a=$CORPUS/diff/small/$p-a.txt b=$CORPUS/diff/small/$p-b.txt
    tcase "diff-small-$p-plain-all" -- diff "$a" "$b" --format plain --context all
    # shellcheck disable=SC2086
    tcase "diff-small-$p-${FORMATS[i % 5]//[ -]/}" -- diff "$a" "$b" ${FORMATS[i % 5]}
    i=$((i + 1))
done
D=$CORPUS/diff
tcase diff-large-0.5 -- diff "$D/base.txt" "$D/edit-0.5.txt" --format plain
tcase diff-large-5 -- diff "$D/base.txt" "$D/edit-5.txt" --format json
tcase diff-large-30 -- diff "$D/base.txt" "$D/edit-30.txt" --stat
tcase diff-large-30-slow-path --env MOTION_NO_FAST_PATH=1 -- diff "$D/base.txt" "$D/edit-30.txt" --format plain
tcase diff-unrelated -- diff "$D/unrelated-a.txt" "$D/unrelated-b.txt" --format plain --context 1

# amend: wording from an edited copy, between revisions, between corpus motions.
tcase amend-quoted -- amend "$LXP" edited.md
tcase amend-lines -- amend "$LXP" edited.md --style lines
tcase amend-lines-width -- amend "$LXP" edited.md --style lines --width 60
tcase amend-document-stdout -- amend "$LXP" edited.md --document
tcase amend-document -- amend "$LXP" edited.md --document --id health-2026-lxp-a1 \
    --submitted-by "Mental Health Branch" -o motions/health-2026-lxp-a1.md
tcase amend-revisions -- amend "$R1" "$R2"
tcase amend-revisions-lines -- amend "$R1" "$LXP@3" --style lines
tcase amend-identical -- amend "$R2" "$LXP@branch-agreed"
tcase amend-corpus -- amend "$C1" "$C2"
tcase amend-corpus-lines -- amend "$M/003.md" "$M/004.md" --style lines
tcase amend-corpus-document -- amend "$M/010.md" "$M/011.md" --document --id motion-010-a1 --submitted-by "Branch 11"
tcase amend-corpus-document-file -- amend "$M/010.md" "$M/011.md" --document --id motion-010-a1 -o corpus-a1.md
tcase amend-bad-ref -- amend nosuch@9 edited.md
tcase check-amendment -- check motions/health-2026-lxp-a1.md
tcase save-amendment -- save motions/health-2026-lxp-a1.md -m "Amendment from the Mental Health Branch"

# apply and merge: hand-written amendments, a clash, merging what conference carried.
both amendments '
cat > motions/health-2026-lxp-a2.md <<EOF
---
id: health-2026-lxp-a2
kind: amendment
amends: health-2026-lxp-recognition
submitted-by: Eastern Region
status: submitted
---

(a) In point 3, after '"'"'Band 7 and above'"'"' insert '"'"', including consultant posts'"'"'.
(b) Add new point 7: '"'"'Work with the Lived Experience Network on a national job profile.'"'"'
EOF
cat > motions/health-2026-lxp-a3.md <<EOF
---
id: health-2026-lxp-a3
kind: amendment
amends: health-2026-lxp-recognition
submitted-by: Southern Region
status: submitted
---

In point 2, delete '"'"'Produce bargaining guidance'"'"' and replace with '"'"'Publish a bargaining guide'"'"'.
EOF
printf "1. In point 2, after “Produce” INSERT “model”\n2. add new point 7: \"Report back in 2027.\"\n" > wording.txt
printf "In point 2, frobnicate the words.\n" > malformed.txt
printf "In point 2, after '"'"'no such words here'"'"' insert '"'"'x'"'"'.\n" > not-found.txt
printf "In point 2, after '"'"'job'"'"' insert '"'"'x'"'"'.\n" > ambiguous.txt
printf "Delete point 19.\n" > no-point.txt
'
tcase save-amendments -- save motions/health-2026-lxp-a2.md motions/health-2026-lxp-a3.md -m "Amendments received"
tcase list-with-amendments -- list
tcase log-with-amendments -- log "$LXP"
tcase check-amendments -- check --summary motions/health-2026-lxp-a1.md motions/health-2026-lxp-a2.md motions/health-2026-lxp-a3.md
tcase apply-stored -- apply health-2026-lxp-a2
tcase apply-base-stored -- apply "$LXP" health-2026-lxp-a1
tcase apply-output -- apply health-2026-lxp-a1 -o as-amended-a1.md
tcase apply-wording-file -- apply "$F1" wording.txt
tcase apply-malformed -- apply "$F1" malformed.txt
tcase apply-not-found -- apply "$F1" not-found.txt
tcase apply-ambiguous -- apply "$F1" ambiguous.txt
tcase apply-no-point -- apply "$F1" no-point.txt
tcase apply-corpus -- apply "$M/010.md" corpus-a1.md -o corpus-applied.md
tcase apply-not-wording -- apply "$C1" "$C2"
# exports of amendments (the motion with the amendment as tracked changes), before the merge.
both export-folder 'mkdir export'
tcase export-amendment-docx --mask-files -- export health-2026-lxp-a2 --to docx -o export/a2.docx
tcase export-amendment-xml --mask-files -- export health-2026-lxp-a2 --to xml -o export/a2.xml
tcase export-amendment-md -- export health-2026-lxp-a2 --to md
tcase export-amendment-file-docx -- export motions/health-2026-lxp-a3.md --to docx -o export/a3.docx
tcase export-amendment-file-xml -- export motions/health-2026-lxp-a3.md --to xml -o export/a3.xml
tcase export-amendment-wording-docx -- export "$F1" wording.txt --to docx -o export/wording.docx
tcase merge-conflict -- merge "$LXP" health-2026-lxp-a1 health-2026-lxp-a3
tcase merge-drop-conflicting -- merge "$LXP" health-2026-lxp-a1 health-2026-lxp-a3 --drop-conflicting
tcase merge-two -- merge "$LXP" health-2026-lxp-a1 health-2026-lxp-a2
tcase merge-files -- merge "$F1" motions/health-2026-lxp-a2.md wording.txt -o merged-files.md
tcase set-status-a1 -- set-status health-2026-lxp-a1 carried
tcase set-status-a2 -- set-status health-2026-lxp-a2 carried
tcase merge-carried -- merge "$LXP" --status carried
tcase merge-carried-save -- merge "$LXP" --status carried --save
tcase show-as-amended -- show "$LXP@as-amended"
tcase apply-moved-on -- apply health-2026-lxp-a1
tcase apply-moved-on-conflict -- apply health-2026-lxp-a3
tcase log-after-merge -- log --json "$LXP"

# glossary.
tcase glossary-check -- glossary check
tcase glossary-list -- glossary list
tcase glossary-lint-file -- glossary lint "$F1"
tcase glossary-lint-ref -- glossary lint "$LXP@1"
tcase glossary-lint-json -- glossary lint --json "$LXP@1" bad/casual-contracts.md
tcase glossary-lint-skip-quotes -- glossary lint --skip-quotes bad/casual-contracts.md "${EXAMPLES[@]}"
tcase glossary-lint-corpus -- glossary lint "${CORPUS_MOTIONS[@]:0:50}"
tcase glossary-lint-missing -- glossary lint no-such-file.md
tcase glossary-fix-dry-run -- glossary fix "$LXP@1" --dry-run
tcase glossary-fix-dry-run-id -- glossary fix "$LXP" --dry-run
tcase glossary-fix-file -- glossary fix bad/casual-contracts.md
tcase glossary-fix-old-revision -- glossary fix "$LXP@1"
tcase glossary-fix-stored -- glossary fix "$LXP"
tcase glossary-fix-nothing -- glossary fix "$LXP" --dry-run
tcase glossary-fix-unknown -- glossary fix nosuch
tcase glossary-export-md -- glossary export --to md
tcase glossary-export-csv -- glossary export --to csv
tcase glossary-export-tbx -- glossary export --to tbx
tcase glossary-export-tbx-file -- glossary export --to tbx -o lxp-roles.tbx
tcase glossary-export-bad -- glossary export --to pdf
# a union's own layer, and a broken one, in the second workspace made by `init other`.
both glossary-layers '
cat > other/glossary/zz-our-union.yaml <<EOF
glossary: our-union
title: Our union names
entries:
  - term: peer support worker
    definition: Our own definition of the role.
    variants: [peer worker, peer mentor, peer supporter]
EOF
'
tcase glossary-check-layers --cwd other -- glossary check
tcase glossary-list-layers --cwd other -- glossary list
tcase glossary-lint-layers --cwd other -- glossary lint ../motions/branch-2026-safe-staffing.md ../"$F1" ../bad/casual-contracts.md
tcase glossary-export-layers --cwd other -- glossary export --to csv
both glossary-broken '
cat > other/glossary/zz-broken.yaml <<EOF
glossary: broken
title: A broken layer
entries:
  - term: survivor researcher
    definition: ""
    variants: [peer worker]
  - term: peer mentor
    definition: Duplicated as a preferred term.
  - term: peer mentor
    definition: Given twice.
EOF
printf "glossary: [unclosed\\n" > other/glossary/zzz-not-yaml.yaml
'
tcase glossary-check-broken --cwd other -- glossary check
both glossary-not-yaml 'rm other/glossary/zzz-not-yaml.yaml'
tcase glossary-check-broken-entries --cwd other -- glossary check
tcase glossary-lint-broken --cwd other -- glossary lint ../"$F1"
both glossary-unbreak 'rm other/glossary/zz-broken.yaml'

# export: docx, Flat OPC xml, md.
tcase export-md -- export "$LXP" --to md
tcase export-md-rev -- export "$LXP@1" --to md
tcase export-docx -- export "$LXP" --to docx -o export/lxp.docx
tcase export-docx-absolute -- export "$LXP@2" --to docx -o "@WS@/export/lxp-2.docx"
tcase export-docx-default-name -- export branch-2026-safe-staffing --to docx
tcase export-xml -- export "$LXP@2" --to xml -o export/lxp.xml
tcase export-xml-default-name -- export tuc-2026-fair-pay-agreements --to xml
tcase export-several-docx -- export "${EXAMPLES[@]}" --to docx -o export/paper.docx
tcase export-several-xml -- export "${EXAMPLES[@]}" --to xml -o export/paper.xml
tcase export-several-md -- export "${EXAMPLES[@]}" --to md
tcase export-several-default-name -- export branch-2026-safe-staffing tuc-2026-fair-pay-agreements --to docx
tcase export-line-numbers-docx -- export "$LXP" --line-numbers --to docx -o export/lxp-lines.docx
tcase export-line-numbers-xml -- export "$LXP" --line-numbers --to xml -o export/lxp-lines.xml
tcase export-line-numbers-md -- export "$LXP" --line-numbers --to md
tcase export-changes-docx --mask-files -- export "$LXP@as-amended" --changes-from "$R1" --to docx -o export/changes.docx
tcase export-changes-xml --mask-files -- export "$LXP@as-amended" --changes-from "$R1" --to xml -o export/changes.xml
tcase export-changes-md -- export "$LXP@as-amended" --changes-from "$R1" --to md -o export/changes.md
tcase export-changes-stdout -- export "$LXP@as-amended" --changes-from "$R1" --to md
tcase export-changes-files-docx -- export "$F2" --changes-from "$F1" --to docx -o export/changes-files.docx
tcase export-changes-files-xml -- export "$F2" --changes-from "$F1" --to xml -o export/changes-files.xml
tcase export-amendment-after-merge -- export health-2026-lxp-a3 --to md
tcase export-corpus-docx -- export "$C1" "$C2" "$M/003.md" --to docx -o export/corpus.docx
tcase export-corpus-md -- export "$C1" --line-numbers --to md
tcase export-bad-ref -- export nosuch@9 --to docx -o export/nosuch.docx
tcase export-bad-format -- export "$LXP" --to pdf
tcase export-missing-folder -- export "$LXP" --to docx -o no-such-folder/lxp.docx
tcase export-non-utf8 -- export bad/bad-utf8.md --to md

# paper.
PAPER=("$LXP" branch-2026-safe-staffing tuc-2026-fair-pay-agreements)
tcase paper-md -- paper "${PAPER[@]}" --branch "Example Health Branch" --date "3 December 2026" --to md
tcase paper-md-file -- paper "${PAPER[@]}" --branch "Example Health Branch" --date "3 December 2026" \
    --to md -o export/branch-paper.md
tcase paper-docx -- paper "${PAPER[@]}" --branch "Example Health Branch" --date "3 December 2026" \
    --to docx -o export/branch-paper.docx
tcase paper-docx-default-name -- paper "${PAPER[@]}" --title "Special meeting" --to docx
tcase paper-default -- paper branch-2026-safe-staffing
tcase paper-files -- paper "$F1" motions/health-2026-lxp-a3.md --branch "North" --date 2026-12-03
tcase paper-corpus -- paper "$C1" "$C2" --to md
tcase paper-unknown-template -- paper "$LXP" --template no-such-paper
tcase paper-bad-ref -- paper nosuch@9

# history: export, then import into the second workspace.
tcase export-history --mask-files -- export-history hist
tcase export-history-not-empty -- export-history hist
tcase import-history --cwd other -- import-history ../hist
tcase import-history-again --cwd other -- import-history ../hist
tcase import-history-missing --cwd other -- import-history ../no-such-folder
tcase list-imported --cwd other -- list --json
tcase log-imported --cwd other -- log "$LXP"
tcase fsck-imported --cwd other -- fsck --json
tcase store-option -- list --store other/.motion/store.sqlite
tcase store-option-missing -- list --store no/such/store.sqlite

# Odd invocations.
tcase unknown-subcommand -- frobnicate
tcase unknown-option -- check --frobnicate
tcase fsck-final -- fsck
tcase status-final -- status --json

# Finally, everything left in the two workspaces (the same files, each the same as its step
# compared it), and the stores' content.
CASES=$((CASES + 1))
for side in a b; do manifest "$side" | sed -E 's/^[0-9a-f]{64}  \.\///' >"$CMP/tree-$side"; done
if ! cmp -s "$CMP/tree-a" "$CMP/tree-b"; then
    note "the workspaces hold different files"; show_diff "$CMP/tree-a" "$CMP/tree-b" >>"$CMP/report"
fi
while IFS= read -r rel; do
    if grep -qxF "$rel" "$CMP/masked-paths"; then compare_file "$rel" mask; else compare_file "$rel" mask_paths; fi
done <"$CMP/tree-a"
: >"$CMP/report"   # each file's diff was shown by the step that wrote it
finish_case "final workspace files"
if command -v sqlite3 >/dev/null; then
    for store in .motion/store.sqlite other/.motion/store.sqlite; do
        CASES=$((CASES + 1))
        for side in a b; do
            sqlite3 "file:$ROOT/$side/ws/$store?mode=ro" .dump 2>&1 | mask "$side" >"$CMP/dump-$side"
        done
        if ! cmp -s "$CMP/dump-a" "$CMP/dump-b"; then
            note "store content differs (times masked)"; show_diff "$CMP/dump-a" "$CMP/dump-b" >>"$CMP/report"
        fi
        finish_case "store dump $store"
    done
else
    echo "compare-outputs: sqlite3 not found; the stores' content is not compared" >&2
fi

echo "compare-outputs: $CASES cases, ${#DIFFERING[@]} differ"
[ ${#DIFFERING[@]} -eq 0 ]
