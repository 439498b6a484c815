"""Shared by the browser and API tests of `motion serve`: a workspace holding the LXP example,
the three accounts of the web spec, and the built server run as a process.

Environment: MOTION_BIN (the `motion` binary), REPO (the repository's root).
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

LXP = "health-2026-lxp-recognition"

USERS = [
    # name, password, role, branch
    ("office1", "pw-secret-1", "office", None),
    ("sec1", "pw-secret-2", "secretary", "Camden Branch"),
    ("del1", "pw-secret-3", "delegate", "Camden Branch"),
]
PASSWORDS = {name: password for name, password, _, _ in USERS}


class Failure(Exception):
    """A check that did not hold: the message names the step and what was seen."""


def check(condition, message):
    if not condition:
        raise Failure(message)


def environment():
    binary = os.environ.get("MOTION_BIN")
    repo = os.environ.get("REPO")
    if not binary or not repo:
        sys.exit("set MOTION_BIN (the motion binary) and REPO (the repository root)")
    binary = os.path.abspath(binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"MOTION_BIN {binary} is not an executable")
    return binary, os.path.abspath(repo)


def motion(binary, args, cwd, stdin=None):
    """Runs `motion ARGS` in `cwd`; fails with its output unless it exits 0."""
    env = dict(os.environ, NO_COLOR="1")
    result = subprocess.run([binary] + args, cwd=cwd, input=stdin, capture_output=True, text=True,
                            env=env, timeout=120)
    if result.returncode != 0:
        raise Failure(f"`motion {' '.join(args)}` exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return result.stdout


def make_workspace(binary, repo, users=True):
    """A temporary workspace: init, the LXP motion saved as 'First draft', and the spec's users."""
    root = tempfile.mkdtemp(prefix="motion-web-")
    motion(binary, ["init"], root)
    shutil.copy(os.path.join(repo, "motions", f"{LXP}.md"), os.path.join(root, "motions", f"{LXP}.md"))
    motion(binary, ["save", f"motions/{LXP}.md", "-m", "First draft"], root)
    if users:
        for name, password, role, branch in USERS:
            args = ["user", "add", name, "--role", role] + (["--branch", branch] if branch else [])
            motion(binary, args, root, stdin=password + "\n")
    return root


class Server:
    """`motion serve --port 0` in a workspace: its URL from the first line it prints, its stderr
    (one line per request) kept, stopped by SIGTERM with exit 0 checked."""

    def __init__(self, binary, root, extra=()):
        self.binary, self.root = binary, root
        self.log = []
        self.process = subprocess.Popen([binary, "serve", "--port", "0", *extra], cwd=root,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                        env=dict(os.environ, NO_COLOR="1"))
        self._stderr = threading.Thread(target=self._drain, args=(self.process.stderr,), daemon=True)
        self._stderr.start()
        line = self._first_line(timeout=60)
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if not match:
            self.stop(check_exit=False)
            raise Failure(f"`motion serve` printed no URL on its first line: {line!r}; stderr: {''.join(self.log)}")
        self.url = match.group(0)  # ends with '/'
        # Whatever else it prints on stdout, keep reading so it can never block.
        threading.Thread(target=self._drain, args=(self.process.stdout,), daemon=True).start()

    def _drain(self, stream):
        for line in stream:
            self.log.append(line)

    def _first_line(self, timeout):
        box = []
        reader = threading.Thread(target=lambda: box.append(self.process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        if not box:
            self.stop(check_exit=False)
            raise Failure(f"`motion serve` printed nothing within {timeout}s; stderr: {''.join(self.log)}")
        return box[0]

    def errors(self):
        """The request log lines that answered 5xx."""
        return [line for line in self.log if re.search(r" (GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) \S+ 5\d\d ", line)]

    def stop(self, check_exit=True):
        """SIGTERM, then wait; a server that does not stop in 20 s is killed and that is a failure."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                if check_exit:
                    raise Failure("`motion serve` did not stop within 20 s of SIGTERM (killed)")
        self._stderr.join(5)
        code = self.process.returncode
        if check_exit and code != 0:
            raise Failure(f"`motion serve` exited {code} after SIGTERM, not 0; last log lines:\n"
                          + "".join(self.log[-20:]))
        return code


def run_main(body, time_limit=480):
    """Runs body(); prints PASS or FAIL with the reason, exits 0 or 1. Past `time_limit` seconds
    (env WEB_TEST_TIME_LIMIT), or on SIGTERM, body is interrupted by a Failure, so that its
    clean-up (stopping the server) still runs."""
    name = os.path.basename(sys.argv[0])
    started = time.monotonic()
    limit = int(os.environ.get("WEB_TEST_TIME_LIMIT", time_limit))

    def interrupt(signum, _frame):
        raise Failure(f"ran past its time limit of {limit} s" if signum == signal.SIGALRM else "stopped by SIGTERM")

    signal.signal(signal.SIGALRM, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    signal.alarm(limit)
    try:
        body()
    except Failure as failure:
        print(f"FAIL {name}: {failure}", flush=True)
        sys.exit(1)
    except Exception as error:  # a Playwright timeout, an assertion inside a library, ...
        import traceback
        traceback.print_exc()
        print(f"FAIL {name}: {type(error).__name__}: {error}", flush=True)
        sys.exit(1)
    finally:
        signal.alarm(0)
    print(f"PASS {name} ({time.monotonic() - started:.1f} s)", flush=True)
