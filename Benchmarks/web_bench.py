#!/usr/bin/env python3
"""`motion serve` under load against nginx serving the same HTML, for Benchmarks/run.py.

A workspace in a temp folder: the LXP example motion saved twice (a second revision with a few
words edited, so /motions/ID/compare?from=1&to=2 has changes) and 20 amendments to its first
revision saved in the store, each checked with `motion apply`. The server under bench
(`motion serve --port 0 --public-read`, run from the workspace) serves the motion page and the
compare page; each is fetched once and written as a static .html file that nginx (its own config,
loopback, worker_processes 2, access_log off) serves as the floor. Then Debian's wrk,
`wrk -t2 -c64 -d10s --latency`, after a 2 s warm-up, against each page on each server.
wrk, the server and nginx share the machine's cores, as on a 2-core host.

Run alone: python3 Benchmarks/web_bench.py [--motion .build/release/motion] [--keep]
(prints the Markdown section; --json prints the figures instead).
"""
import argparse
import http.client
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
MOTION_ID = "health-2026-lxp-recognition"
AMENDMENT_COUNT = 20
THREADS, CONNECTIONS, SECONDS, WARM_UP_SECONDS = 2, 64, 10, 2
AIM_RATIO, AIM_P99_MS = 0.25, 50.0

# The second revision: words edited in a paragraph none of the amendments touches, so every
# amendment to revision 1 still applies cleanly to revision 2.
REVISION_2 = [
    ("Members in these roles report stigma from colleagues and managers",
     "Members in these roles report stigma from some colleagues, managers and employers"),
    ("rather than valued as expertise", "rather than recognised and valued as expertise"),
]

# One edit of revision 1 per amendment (old words -> new words), each turned into formal wording
# by `motion amend`: insertions, deletions, replacements and a new point, across all sections.
EDITS = [
    [("Produce bargaining guidance", "Produce model bargaining guidance")],
    [("Carry out a scoping exercise", "Carry out a national scoping exercise")],
    [("senior posts at Band 7 and above", "senior posts at Band 6 and above")],
    [("Campaign against unpaid", "Campaign publicly against unpaid")],
    [("Develop a plan to recruit", "Develop and fund a plan to recruit")],
    [("report progress to next year's conference", "report progress to every annual conference")],
    [("Some of this work is still unpaid", "Much of this work is still unpaid")],
    [("educators, trainers and group facilitators", "educators, trainers, advocates and group facilitators")],
    [("and keep multiplying", "and keep changing")],
    [("or be paid by the session", "or be paid only by the session")],
    [("senior posts remain rare", "senior posts remain very rare")],
    [("fewer than half of the trusts applied", "not even half of the trusts applied")],
    [("Lived experience is a professional skill", "Lived experience is a valued professional skill")],
    [("fair pay, training and career paths", "fair pay, supervision, training and career paths")],
    [("employers can band these roles low", "employers can band these roles too low")],
    [("must not be used to dilute skill mix", "must not be used to dilute the skill mix")],
    [("The union is well placed", "The union is ideally placed")],
    [("Press NHS England and employers", "Press NHS England, the devolved governments and employers")],
    [("in NHS, voluntary, private and university settings", "in NHS, voluntary and university settings"),
     ("to map the roles, titles, bands", "to map the roles, titles, pay, bands")],
    [("and report progress to next year's conference.",
      "and report progress to next year's conference.\n"
      "7. Work with other health unions on a shared charter for Lived Experience Professionals.")],
]
BRANCHES = ["Camden Branch", "Islington Branch", "Leeds Mental Health Branch", "Bristol Health Branch",
            "Glasgow Community Health Branch"]


def run(command, cwd, env):
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result.stdout


def replaced(text, edits, what):
    for old, new in edits:
        if text.count(old) != 1:
            raise RuntimeError(f"{what}: {old!r} occurs {text.count(old)} times in the motion")
        text = text.replace(old, new)
    return text


def make_workspace(motion, ws):
    """The corpus workspace; returns the amendment ids."""
    env = dict(os.environ, MOTION_AUTHOR="Bench")
    ws.mkdir()
    run([motion, "init"], ws, env)
    source = (ROOT / "motions" / f"{MOTION_ID}.md").read_text(encoding="utf-8")
    working = ws / "motions" / f"{MOTION_ID}.md"
    working.write_text(source, encoding="utf-8")
    run([motion, "save", f"motions/{MOTION_ID}.md", "-m", "First draft"], ws, env)
    working.write_text(replaced(source, REVISION_2, "revision 2"), encoding="utf-8")
    run([motion, "save", f"motions/{MOTION_ID}.md", "-m", "Wording on stigma agreed at the branch meeting"], ws, env)

    edited = ws.parent / "edited.md"
    ids = []
    for number, edits in enumerate(EDITS, start=1):
        amendment_id = f"{MOTION_ID}-a{number}"
        edited.write_text(replaced(source, edits, amendment_id), encoding="utf-8")
        document = run([motion, "amend", f"{MOTION_ID}@1", str(edited), "--document", "--id", amendment_id,
                        "--submitted-by", BRANCHES[number % len(BRANCHES)]], ws, env)
        head, _, body = document.partition("\n---\n")
        head = re.sub(r"^status: .*$", "status: submitted", head, flags=re.M)
        head = re.sub(r"^title: .*$", f"title: Amendment {number}", head, flags=re.M)
        body = re.sub(r"^# .*$", f"# Amendment {number}", body, count=1, flags=re.M)
        if f"amends: {MOTION_ID}@1" not in head or "kind: amendment" not in head:
            raise RuntimeError(f"{amendment_id}: unexpected document from motion amend:\n{document}")
        (ws / "motions" / f"{amendment_id}.md").write_text(head + "\n---\n" + body, encoding="utf-8")
        ids.append(amendment_id)
    run([motion, "save", "-m", "Amendments received"], ws, env)
    for amendment_id in ids:
        # The stored amendment, applied to the revision it names: refused if any instruction fails.
        run([motion, "apply", amendment_id, "-o", str(ws.parent / "applied.md")], ws, env)
        expected = replaced(source, EDITS[ids.index(amendment_id)], amendment_id)
        applied = (ws.parent / "applied.md").read_text(encoding="utf-8")
        if body_of(applied) != body_of(expected):
            raise RuntimeError(f"{amendment_id}: motion apply does not give the edited text back")
    edited.unlink(missing_ok=True)
    return ids


def body_of(text):
    return " ".join(text.partition("\n---\n")[2].split())


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_line(process, timeout):
    """The first stdout line of a process, or None if it exits or says nothing in time."""
    import selectors
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    line = b""
    while time.monotonic() < deadline:
        if selector.select(timeout=0.1):
            chunk = os.read(process.stdout.fileno(), 1)
            if not chunk:
                return None
            line += chunk
            if chunk == b"\n":
                return line.decode()
        elif process.poll() is not None:
            return None
    return None


def die_with_parent():
    """In the child before exec: SIGTERM when this script dies, however it dies (Linux)."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def start_server(motion, ws, log_path):
    """Starts `motion serve`; with --public-read if this build knows it. Returns (process, url, flags)."""
    for flags in (["--public-read"], []):
        log = open(log_path, "wb")
        process = subprocess.Popen([motion, "serve", "--port", "0"] + flags, cwd=ws, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=log, preexec_fn=die_with_parent)
        log.close()
        line = read_line(process, 30)
        match = re.search(r"(http://\S+?)/? ", line or "")
        if match:
            # Whatever else it prints on stdout is read and dropped, so a full pipe never stalls it.
            import threading
            threading.Thread(target=lambda: [None for _ in iter(lambda: os.read(process.stdout.fileno(), 65536), b"")],
                             daemon=True).start()
            return process, match.group(1), flags
        stop(process, signal.SIGTERM)
        refused = log_path.read_text(errors="replace")
        if not flags or "public-read" not in refused:
            raise RuntimeError(f"motion serve {' '.join(flags)} printed {line!r}; its stderr:\n{refused[-2000:]}")
    raise AssertionError("unreachable")


def stop(process, sig):
    """Stops a child; returns its exit status (None if it had to be killed)."""
    if process is None:
        return None
    if process.poll() is None:
        process.send_signal(sig)
        try:
            return process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            return None
    return process.returncode


def fetch(url):
    """(status, body bytes) of one GET, redirects not followed."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        return response.status, response.read(), response.getheader("Location")
    finally:
        connection.close()


NGINX_CONF = """worker_processes 2;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/client_body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    types {{ text/html html; }}
    default_type text/html;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{port};
        root {dir}/html;
    }}
}}
"""


def start_nginx(folder):
    port = free_port()
    (folder / "nginx.conf").write_text(NGINX_CONF.format(dir=folder, port=port))
    log = open(folder / "nginx.stderr", "wb")
    process = subprocess.Popen(["nginx", "-p", str(folder), "-c", str(folder / "nginx.conf")],
                               stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                               preexec_fn=die_with_parent)
    log.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited {process.returncode}:\n{(folder / 'nginx.stderr').read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    stop(process, signal.SIGQUIT)
    raise RuntimeError("nginx did not start listening in 10 s")


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def parse_time_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not match:
        raise ValueError(f"wrk time {text!r}")
    return float(match.group(1)) * UNITS_MS[match.group(2)]


def parse_wrk(output):
    def number(pattern):
        match = re.search(pattern, output, re.M)
        return match.group(1) if match else None
    rps, p50, p99 = number(r"^Requests/sec:\s+([\d.]+)"), number(r"^\s+50%\s+(\S+)"), number(r"^\s+99%\s+(\S+)")
    if rps is None or p50 is None or p99 is None:
        raise RuntimeError(f"could not read wrk's output:\n{output}")
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    connect, read, write, timeout = (int(n) for n in errors.groups()) if errors else (0, 0, 0, 0)
    return {
        "rps": float(rps), "p50_ms": parse_time_ms(p50), "p99_ms": parse_time_ms(p99),
        "requests": int(number(r"^\s+(\d+) requests in") or 0),
        "non_2xx_3xx": int(number(r"Non-2xx or 3xx responses: (\d+)") or 0),
        "socket_errors": connect + read + write, "timeouts": timeout,
    }


def cpu_seconds(pid):
    """User + system CPU time of a process and its children still running (nginx's workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry) == pid or int(fields[1]) == pid:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def wrk(url, pid):
    """wrk's figures for one URL, and the CPU time per request of the process (tree) serving it."""
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", "--latency"]
    subprocess.run(command + [f"-d{WARM_UP_SECONDS}s", url], capture_output=True, text=True, check=True)
    before = cpu_seconds(pid)
    result = subprocess.run(command + [f"-d{SECONDS}s", url], capture_output=True, text=True, check=True)
    figures = parse_wrk(result.stdout)
    cpu = cpu_seconds(pid) - before
    figures["cpu_ms_per_request"] = cpu * 1000 / figures["requests"] if figures["requests"] else None
    return figures


def ensure_tools():
    if shutil.which("wrk") is None or shutil.which("nginx") is None:
        subprocess.run([str(ROOT / "scripts/install-deps.sh"), "wrk", "nginx"], check=True, stdout=sys.stderr)


def bench(motion, keep=False):
    ensure_tools()
    motion = str(pathlib.Path(motion).absolute())
    folder = pathlib.Path(tempfile.mkdtemp(prefix="motion-web-bench-"))
    server = nginx = None
    result = {"binary": motion}
    # SIGTERM to this script still stops the server and nginx (the finally below).
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        ids = make_workspace(motion, folder / "ws")
        server, base, flags = start_server(motion, folder / "ws", folder / "server.stderr")
        pages = [("motion page", f"/motions/{MOTION_ID}", "motion.html"),
                 ("compare page", f"/motions/{MOTION_ID}/compare?from=1&to=2", "compare.html")]
        (folder / "html").mkdir()
        # nginx's workers run as another user (nobody, www-data) when started as root.
        folder.chmod(0o755)
        (folder / "html").chmod(0o755)
        available = []
        for name, path, file in pages:
            status, body, location = fetch(base + path)
            if status != 200:
                result.setdefault("missing", []).append(
                    f"{name} ({path}): {status}" + (f" to {location}" if location else ""))
                continue
            text = body.decode("utf-8", errors="replace")
            if name == "motion page":
                shown = sum(1 for i in ids if re.search(re.escape(i) + r"(?![0-9])", text))
                if shown != len(ids):
                    raise RuntimeError(f"the motion page shows {shown} of the {len(ids)} amendments")
            if name == "compare page" and not re.search(r"<(ins|del)\b", text):
                raise RuntimeError("the compare page shows no <ins> or <del>")
            (folder / "html" / file).write_bytes(body)
            available.append((name, path, file, len(body)))
        nginx, static = start_nginx(folder)
        for name, path, file, size in available:
            status, body, _ = fetch(f"{static}/{file}")
            if status != 200 or body != (folder / "html" / file).read_bytes():
                raise RuntimeError(f"nginx served {status} for {file}")
        rows = []
        for name, path, file, size in available:
            rows.append({"page": name, "path": path, "bytes": size, "server": wrk(base + path, server.pid)})
        for row, (name, path, file, size) in zip(rows, available):
            row["nginx"] = wrk(f"{static}/{file}", nginx.pid)
        for row in rows:
            if fetch(base + row["path"])[0] != 200:
                raise RuntimeError(f"the server stopped answering {row['path']} with 200 after the run")
        result.update({
            "rows": rows, "flags": flags, "amendments": len(ids),
            "wrk": re.sub(r"^wrk |\s*\[.*$", "", subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split(" Copyright")[0].strip()),
            "nginx": subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip().removeprefix("nginx version: "),
        })
    finally:
        status = stop(server, signal.SIGTERM)
        result["server_exit"] = status
        stop(nginx, signal.SIGQUIT)
        signal.signal(signal.SIGTERM, previous)
        if server is not None and status != 0:
            print(f"web_bench: motion serve exited {status} on SIGTERM; end of its stderr:\n"
                  + (folder / "server.stderr").read_text(errors="replace")[-1000:], file=sys.stderr)
        if keep:
            print(f"web_bench: kept {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return result


def aim(row):
    """The issue's aim, for the motion page: >= 25% of nginx's requests per second, p99 < 50 ms."""
    if row["page"] != "motion page":
        return ""
    s = row["server"]
    missed = [f"under {AIM_RATIO:.0%} of nginx" if s["rps"] / row["nginx"]["rps"] < AIM_RATIO else "",
              f"p99 not under {AIM_P99_MS:.0f} ms" if s["p99_ms"] >= AIM_P99_MS else "",
              "errors" if s["non_2xx_3xx"] + s["socket_errors"] + s["timeouts"] or not s["requests"] else ""]
    missed = [m for m in missed if m]
    return f"missed: {', '.join(missed)}" if missed else f"met (>= {AIM_RATIO:.0%}, p99 < {AIM_P99_MS:.0f} ms)"


def cpu(value, digits):
    return "-" if value is None else f"{value:.{digits}f} ms"


def latency(figures, key):
    return ms(figures[key]) if figures["requests"] else "-"


def ms(value):
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"


def binary_name(path):
    try:
        return f"`{pathlib.Path(path).relative_to(ROOT)}`"
    except ValueError:
        return f"`{path}`"


def markdown(result):
    out = ["## The web front-end under load (`motion serve`)\n"]
    flags = " ".join(result.get("flags", []))
    out += [f"wrk {result.get('wrk', '')} `-t{THREADS} -c{CONNECTIONS} -d{SECONDS}s --latency`, after a "
            f"{WARM_UP_SECONDS} s warm-up, on loopback against",
            f"`motion serve --port 0{' ' + flags if flags else ''}` ({binary_name(result.get('binary', ''))}; its log lines go to a file) "
            f"and against nginx {result.get('nginx', '')}",
            "(worker_processes 2, access_log off, sendfile) serving the same pages, fetched once from the server, as",
            f"static files: nginx is the floor. The workspace: the LXP example motion in two revisions and "
            f"{result.get('amendments', AMENDMENT_COUNT)} submitted",
            "amendments to its first; the motion page shows them all, the compare page is revision 1 against 2.",
            f"wrk, the server and nginx share this machine's {os.cpu_count()} cores. "
            "Latencies and CPU time per request (user + system, from /proc)",
            "are the server's; nginx's are in brackets.\n"]
    rows = result.get("rows", [])
    if rows:
        out += ["| page | size | motion serve req/s | nginx req/s | serve / nginx | p50 | p99 | CPU per request | errors | aim |",
                "|---|---|---|---|---|---|---|---|---|---|"]
        for row in rows:
            s, n = row["server"], row["nginx"]
            errors = ["no request answered in the run" if not s["requests"] else "",
                      f"{s['non_2xx_3xx']} not 2xx/3xx" if s["non_2xx_3xx"] else "",
                      f"{s['socket_errors']} socket errors" if s["socket_errors"] else "",
                      f"{s['timeouts']} timed out (over wrk's 2 s, left out of p50 and p99)" if s["timeouts"] else ""]
            error_text = "; ".join(e for e in errors if e) or "0"
            out.append(f"| {row['page']} (`{row['path']}`) | {row['bytes'] / 1000:.1f} kB | {s['rps']:,.0f} | "
                       f"{n['rps']:,.0f} | {s['rps'] / n['rps']:.1%} | {latency(s, 'p50_ms')} ({latency(n, 'p50_ms')}) | "
                       f"{latency(s, 'p99_ms')} ({latency(n, 'p99_ms')}) | {cpu(s['cpu_ms_per_request'], 2)} ({cpu(n['cpu_ms_per_request'], 3)}) | "
                       f"{error_text} | {aim(row)} |")
    for missing in result.get("missing", []):
        out.append(f"\nNot measured: the server answered the {missing}.")
    if result.get("server_exit") not in (0, None):
        out.append(f"\nThe server exited {result['server_exit']} on SIGTERM (expected 0).")
    out.append("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--motion", default=str(ROOT / ".build/release/motion"))
    ap.add_argument("--keep", action="store_true", help="keep the temp folder (workspace, pages, logs)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    result = bench(args.motion, keep=args.keep)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        import datetime
        from run import machine
        print(f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
        print(f"- machine: {machine()}\n")
        print(markdown(result))


if __name__ == "__main__":
    main()
