#!/usr/bin/env bash
# Installs the system packages the build and the tests need, and only those that are missing.
# Used by `make deps` (and so by `make demo`, `make test`); safe to run again.
set -euo pipefail

packages=(pkgconf libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libsqlite3-dev zlib1g-dev)
packages+=("$@")

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
