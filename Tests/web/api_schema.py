"""`motion serve`'s JSON API against its own OpenAPI document, with schemathesis: every
operation, with generated valid and invalid input, never answers 5xx and always answers what the
schema says (status codes, content types, headers, bodies); operations that need a token refuse
a request without one. A few hand-written checks first: the session, problem+json errors, roles.

Run: MOTION_BIN=.build/debug/motion REPO=$PWD .build/test-venv/bin/python Tests/web/api_schema.py
Environment: SCHEMATHESIS_MAX_EXAMPLES (default 50), SCHEMATHESIS_SEED (default 1).
Exits 0 when every check held; otherwise 1 with schemathesis's report or the failed check.
"""
import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import LXP, PASSWORDS, USERS, Failure, Server, check, environment, make_workspace, run_main  # noqa: E402

BRANCHES = {name: branch for name, _, _, branch in USERS}
TIME_LIMIT = 360  # seconds for the whole schemathesis run; it takes well under that on 2 cores


def request(method, url, body=None, token=None, headers=None):
    """(status, headers, body bytes) of one request; never raises on an HTTP error status."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        req.add_header(name, value)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def problem(label, status, headers, body, expected):
    """An error answered as RFC 9457 problem+json; `expected` a status or a tuple of them."""
    allowed = expected if isinstance(expected, tuple) else (expected,)
    check(status in allowed, f"{label}: answered {status}, expected {expected}: {body[:300]!r}")
    kind = headers.get("Content-Type", "")
    check(kind.startswith("application/problem+json"), f"{label}: Content-Type {kind!r}, not application/problem+json")
    document = json.loads(body)
    check({"type", "title", "status", "detail"} <= set(document) and document["status"] == status,
          f"{label}: not a problem document with type, title, status {expected}, detail: {document}")


def session(api, name, password=None):
    status, headers, body = request("POST", f"{api}/session", {"name": name, "password": password or PASSWORDS[name]})
    check(status == 201, f"POST /api/session as {name} answered {status}: {body[:300]!r}")
    document = json.loads(body)
    check(set(document) >= {"token", "name", "role"} and document["name"] == name,
          f"POST /api/session as {name} answered {document}")
    # An account with a branch names it; the office's has none (left out or null).
    expected = BRANCHES[name]
    check(document.get("branch") == expected, f"POST /api/session as {name}: branch {document.get('branch')!r}, not {expected!r}")
    return document["token"]


def hand_checks(api):
    status, headers, body = request("GET", f"{api}/openapi.json")
    check(status == 200, f"GET /api/openapi.json answered {status}")
    schema = json.loads(body)
    check(str(schema.get("openapi", "")).startswith("3.1"), f"the schema is OpenAPI {schema.get('openapi')!r}, not 3.1")
    problem("a wrong password", *request("POST", f"{api}/session", {"name": "office1", "password": "not-the-password"}), 401)
    problem("GET /api/motions without a token", *request("GET", f"{api}/motions"), 401)
    problem("GET /api/motions with a made-up token", *request("GET", f"{api}/motions", token="0" * 43), 401)
    problem("a session without a password", *request("POST", f"{api}/session", {"name": "office1"}), (400, 422))
    office = session(api, "office1")
    delegate = session(api, "del1")
    status, _, body = request("GET", f"{api}/motions", token=office)
    check(status == 200 and LXP.encode() in body, f"GET /api/motions answered {status}: {body[:300]!r}")
    problem("GET /api/motions/nothing-here", *request("GET", f"{api}/motions/nothing-here", token=office), 404)
    problem("a delegate setting a status",
            *request("POST", f"{api}/motions/{LXP}/status", {"status": "carried"}, token=delegate), 403)
    status, _, body = request("POST", f"{api}/motions/{LXP}/amendments",
                              {"wording": "In point 1, after 'Carry out' insert 'urgently'."}, token=delegate)
    check(status == 201, f"a delegate's amendment answered {status}: {body[:300]!r}")
    made = json.loads(body)
    check(made.get("id") == f"{LXP}-a1" and made.get("status") == "draft",
          f"a delegate's first amendment should be {LXP}-a1, draft: {made}")
    status, headers, body = request("GET", f"{api}/motions/{LXP}/export?format=docx", token=office)
    check(status == 200 and body[:2] == b"PK", f"the docx export answered {status}, {body[:20]!r}")
    return office


def fuzz(server, token, repo):
    origin = server.url.rstrip("/")
    report = os.path.join(repo, ".build", "schemathesis")
    os.makedirs(report, exist_ok=True)
    for old in os.listdir(report):
        if old.startswith("junit-") and old.endswith(".xml"):
            os.remove(os.path.join(report, old))
    st = os.path.join(os.path.dirname(sys.executable), "st")
    command = [
        st, "run", f"{origin}/api/openapi.json",
        "--origin", origin,
        "--header", f"Authorization: Bearer {token}",
        "--checks", ",".join(["not_a_server_error", "status_code_conformance", "content_type_conformance",
                              "response_headers_conformance", "response_schema_conformance", "ignored_auth"]),
        "--max-examples", os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "50"),
        "--seed", os.environ.get("SCHEMATHESIS_SEED", "1"),
        # One worker: CPython 3.11's ast.parse, which hypothesis calls, is not thread-safe
        # ("SystemError: AST constructor recursion depth mismatch" with two).
        "--workers", "1",
        "--request-timeout", "10",
        # Ending the session mid-run would leave every later call unauthorised: checked by hand below.
        "--exclude-name-regex", r"^DELETE (/api)?/session$",
        "--report", "junit", "--report-dir", report,
    ]
    print("$ " + " ".join(c if "Bearer" not in c else "'Authorization: Bearer …'" for c in command), flush=True)
    try:
        # Run in the report folder, so hypothesis's and schemathesis's caches land there, not in the repo.
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIME_LIMIT, cwd=report,
                                env=dict(os.environ, NO_COLOR="1", SCHEMATHESIS_TELEMETRY="false"))
    except subprocess.TimeoutExpired as timeout:
        raise Failure(f"schemathesis ran past {TIME_LIMIT} s:\n{timeout.stdout or ''}")
    print(result.stdout[-20000:], flush=True)
    if result.returncode != 0:
        raise Failure(f"schemathesis exited {result.returncode} (its report is above; JUnit in {report}):\n"
                      + result.stderr[-3000:])


def main():
    binary, repo = environment()
    root = make_workspace(binary, repo)
    server = Server(binary, root)
    api = server.url + "api"
    failure = None
    try:
        token = hand_checks(api)
        fuzz(server, token, repo)
        status, _, body = request("DELETE", f"{api}/session", token=token)
        check(status == 204, f"DELETE /api/session answered {status}: {body[:300]!r}")
        problem("a call with an ended session's token", *request("GET", f"{api}/motions", token=token), 401)
        errors = server.errors()
        check(not errors, "the server logged 5xx answers:\n" + "".join(errors[:20]))
    except Failure as error:
        failure = error
    finally:
        try:
            server.stop()
        except Failure as error:
            failure = Failure(f"{failure}\nand then: {error}" if failure else str(error))
    if failure:
        raise Failure(f"{failure}\n  workspace kept: {root}\n  server log (last 15 lines):\n"
                      + "".join("    " + l for l in server.log[-15:]))
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    run_main(main)
