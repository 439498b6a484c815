#!/usr/bin/env bash
# The real readers the tests check our .docx files with: pandoc (apt), and python-docx and
# openxml-audit (PyPI) in a virtual environment at .build/test-venv. Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh pandoc python3-venv
venv=.build/test-venv
if ! "$venv/bin/python" -c "import docx, openxml_audit" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "python-docx==1.2.0" "openxml-audit==0.8.0"
fi
