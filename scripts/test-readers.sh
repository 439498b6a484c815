#!/usr/bin/env bash
# The real readers and clients the tests check our output with: pandoc and chromium (apt), and
# python-docx, openxml-audit, playwright (driving the system chromium, never a browser of its own)
# and schemathesis (PyPI) in a virtual environment at .build/test-venv. Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh pandoc python3-venv chromium
venv=.build/test-venv
if ! "$venv/bin/python" -c "import docx, openxml_audit, playwright.sync_api, schemathesis" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "python-docx==1.2.0" "openxml-audit==0.8.0" \
        "playwright==1.65.2" "schemathesis==4.32.5"
fi
