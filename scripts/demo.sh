#!/usr/bin/env bash
# The main job on the bundled example motions: check them and summarise.
set -euo pipefail
motion=${1:-.build/release/motion}
cd "$(dirname "$0")/.."

echo "== motion check --summary motions/*.md"
"$motion" check --summary motions/*.md
