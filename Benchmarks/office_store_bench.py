#!/usr/bin/env python3
"""Issue 16's speed section, SQLite beside PostgreSQL: amendment submissions over HTTP through two
`motion serve` processes on one store with 1, 8 and 64 concurrent writers, and the agenda page
of a conference-sized store.

For each store: a workspace with the LXP example saved, three accounts, two servers on the same
store (SQLite: the workspace's file; PostgreSQL: a throwaway cluster from scripts/pg-cluster.sh,
fsync off as in the tests, so both stores are measured without the disk's flush). Writers are
threads, half on each server, each with its own bearer token, each submitting the same one-line
amendment wording in a loop (every submission is a new amendment: a new id, a new revision,
the amendment applied to the motion to check it). Saves per second over the level's wall time,
latency p50/p99 per submission, then `motion log ID` as a whole process on the store (median of
20). Every level ends with the ids checked gapless.

The agenda: `motion-bench CORPUS --seed-store` fills a workspace's SQLite store through the
application layer (500 motions, 3,000 amendments, 20,000 revisions; see its SeedStore.swift) and
`motion store copy` copies it to a database of its own on the cluster. On each store, one
`motion serve --public-read`: GET / (the agenda: every motion with its amendments) with wrk,
`-t2 -c8 -d10s --latency`, after a 2 s warm-up: the steady state, where the page is computed once
per store version; then cold, 30 times: an amendment submitted through the API, then GET / timed
alone, the page computed afresh (p99 of 30 is their maximum).

Run: python3 Benchmarks/office_store_bench.py --motion .build/release/motion
[--bench .build/release/motion-bench] [--per-level 192] (prints a Markdown section). Needs
Debian's postgresql and wrk (scripts/install-deps.sh postgresql wrk).
"""
import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

import web_bench

ROOT = pathlib.Path(__file__).resolve().parent.parent
LXP = "health-2026-lxp-recognition"
WORDING = "In point 3, after 'Band 7' insert 'or above'."
# An amendment to the corpus's first motion, whose point 1 begins "Source code as you receive it".
COLD_WORDING = "In point 1, after 'Source code' insert 'and documentation'."
USERS = [("office1", "pw-bench-1", "office", None), ("sec1", "pw-bench-2", "secretary", "Camden Branch")]


def motion(binary, args, cwd, env, stdin=None):
    result = subprocess.run([binary] + args, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        sys.exit(f"motion {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def call(url, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if data else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=data, method="POST" if data else "GET", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, None


class Server:
    def __init__(self, binary, root, env, options=()):
        self.process = subprocess.Popen([binary, "serve", "--port", "0", *options], cwd=root, env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        self.url = line.split("motion serve: ", 1)[1].split(" ", 1)[0]
        threading.Thread(target=lambda: [None for _ in self.process.stdout], daemon=True).start()

    def stop(self):
        self.process.terminate()
        self.process.wait(30)


def workspace(binary, env):
    root = tempfile.mkdtemp(prefix="motion-store-bench-")
    motion(binary, ["init"], root, env)
    shutil.copy(ROOT / "motions" / f"{LXP}.md", f"{root}/motions/{LXP}.md")
    motion(binary, ["save", f"motions/{LXP}.md", "-m", "First draft"], root, env)
    add_users(binary, root, env)
    return root


def add_users(binary, root, env):
    """The bench's accounts, in the store `env` names (a PostgreSQL store keeps its own)."""
    for name, password, role, branch in USERS:
        motion(binary, ["user", "add", name, "--role", role] + (["--branch", branch] if branch else []), root, env, stdin=password + "\n")


def level(servers, writers, total):
    tokens = []
    for index in range(writers):
        server = servers[index % len(servers)]
        status, body = call(server.url + "api/session", {"name": "sec1", "password": USERS[1][1]})
        assert status == 201, status
        tokens.append((server, body["token"]))
    latencies, failures, lock = [], [], threading.Lock()
    each = max(1, total // writers)

    def writer(server, token):
        for _ in range(each):
            start = time.perf_counter()
            status, _ = call(server.url + f"api/motions/{LXP}/amendments", {"wording": WORDING}, token)
            elapsed = time.perf_counter() - start
            with lock:
                (latencies if status == 201 else failures).append(elapsed if status == 201 else status)

    threads = [threading.Thread(target=writer, args=pair) for pair in tokens]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {"writers": writers, "saves": len(latencies), "failures": failures, "per_second": len(latencies) / wall,
            "p50": latencies[len(latencies) // 2] * 1000, "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000}


def log_latency(binary, root, env):
    times = []
    for _ in range(20):
        start = time.perf_counter()
        motion(binary, ["log", LXP], root, env)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench(name, binary, env, per_level):
    root = workspace(binary, env)
    servers = [Server(binary, root, env), Server(binary, root, env)]
    try:
        rows = [level(servers, writers, per_level) for writers in (1, 8, 64)]
        status, token = call(servers[1].url + "api/session", {"name": "sec1", "password": USERS[1][1]})
        status, reading = call(servers[1].url + f"api/motions/{LXP}", token=token["token"])
        ids = sorted(int(amendment["id"].rsplit("-a", 1)[1]) for amendment in reading["amendments"])
        if len(ids) != sum(row["saves"] for row in rows):
            sys.exit(f"{name}: {sum(row['saves'] for row in rows)} submissions acknowledged, {len(ids)} amendments listed")
        if ids != list(range(1, len(ids) + 1)):
            sys.exit(f"{name}: amendment ids are not gapless: {ids[:10]}...")
        return rows, log_latency(binary, root, env), len(ids)
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(root, ignore_errors=True)


def seeded_workspace(binary, bench_binary, env):
    """A workspace whose SQLite store is conference-sized, and the users of `workspace`."""
    corpus = tempfile.mkdtemp(prefix="motion-agenda-corpus-")
    subprocess.run([sys.executable, str(ROOT.parent / "shared/bench/make_corpus.py"), corpus], check=True, capture_output=True)
    root = tempfile.mkdtemp(prefix="motion-agenda-bench-")
    motion(binary, ["init"], root, env)
    add_users(binary, root, env)
    started = time.perf_counter()
    seeded = subprocess.run([bench_binary, corpus, "--seed-store", root], env=env, capture_output=True, text=True)
    shutil.rmtree(corpus, ignore_errors=True)
    if seeded.returncode != 0:
        sys.exit(f"seeding the conference-sized store failed: {seeded.stderr}")
    return root, time.perf_counter() - started


def agenda(name, binary, root, env):
    """The agenda page on one store: steady (wrk) and cold (after a submission each time)."""
    server = Server(binary, root, env, ["--public-read"])
    try:
        status, body = call(server.url + "api/session", {"name": "sec1", "password": USERS[1][1]})
        assert status == 201, status
        token = body["token"]
        page = urllib.request.urlopen(server.url, timeout=300).read()
        if page.count(b'class="motion-title" href="/motions/motion-') != 500:
            sys.exit(f"{name}: the agenda does not list the 500 motions")
        command = ["wrk", "-t2", "-c8", "--latency"]
        subprocess.run(command + ["-d2s", server.url], capture_output=True, check=True)
        steady = web_bench.parse_wrk(subprocess.run(command + ["-d10s", server.url], capture_output=True, text=True, check=True).stdout)
        cold = []
        for number in range(30):
            status, _ = call(server.url + "api/motions/motion-001/amendments", {"wording": COLD_WORDING}, token)
            assert status == 201, status
            start = time.perf_counter()
            urllib.request.urlopen(server.url, timeout=300).read()
            cold.append((time.perf_counter() - start) * 1000)
        cold.sort()
        return {"bytes": len(page), "steady": steady, "cold_p50": cold[len(cold) // 2], "cold_p99": cold[-1]}
    finally:
        server.stop()


def agendas(binary, bench_binary, base_env, pg_env, pg_settings):
    """The agenda on the seeded SQLite store and on its copy in PostgreSQL (a database of its own)."""
    root, seconds = seeded_workspace(binary, bench_binary, base_env)
    try:
        results = {"SQLite": agenda("SQLite", binary, root, base_env)}
        host = pg_settings["MOTION_TEST_POSTGRES"].split("host=", 1)[1].split("&", 1)[0]
        port = pg_settings["MOTION_TEST_POSTGRES"].split("port=", 1)[1].split("&", 1)[0]
        subprocess.run(["psql", "-qAt", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", "motion", "-d", "motion",
                        "-c", "CREATE DATABASE agenda OWNER motion"], env=pg_env, check=True, capture_output=True)
        url = pg_settings["MOTION_TEST_POSTGRES"].replace("///motion?", "///agenda?")
        motion(binary, ["store", "copy", f"{root}/.motion/store.sqlite", url], root, base_env | {"PGPASSFILE": pg_env["PGPASSFILE"]})
        add_users(binary, root, dict(pg_env, MOTION_STORE=url))
        results["PostgreSQL"] = agenda("PostgreSQL", binary, root, dict(pg_env, MOTION_STORE=url))
        return results, seconds
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run(binary, per_level=192, bench_binary=None):
    """Both stores benched; the Markdown table and the log lines."""
    binary = os.path.abspath(binary)
    if shutil.which("wrk") is None or shutil.which("psql") is None:
        subprocess.run([str(ROOT / "scripts/install-deps.sh"), "wrk", "postgresql"], check=True, stdout=sys.stderr)
    bench_binary = os.path.abspath(bench_binary or os.path.join(os.path.dirname(binary), "motion-bench"))
    base_env = dict(os.environ, NO_COLOR="1")
    base_env.pop("MOTION_STORE", None)
    results = {"SQLite": bench("SQLite", binary, base_env, per_level)}
    parent = tempfile.mkdtemp(prefix="motion-store-bench-pg-")
    os.chmod(parent, 0o755)  # the server runs as `postgres`, which must reach the cluster's folder
    cluster = f"{parent}/cluster"
    script = str(ROOT / "scripts/pg-cluster.sh")
    try:
        started = subprocess.run([script, "start", cluster], check=True, capture_output=True, text=True).stdout
        settings = {key: value.strip("'") for key, value in (line.split("=", 1) for line in started.split())}
        env = dict(base_env, PGPASSFILE=settings["PGPASSFILE"], MOTION_STORE=settings["MOTION_TEST_POSTGRES"])
        env.pop("PGPASSWORD", None)
        results["PostgreSQL"] = bench("PostgreSQL", binary, env, per_level)
        agenda_results, seed_seconds = agendas(binary, bench_binary, base_env, env, settings)
    finally:
        subprocess.run([script, "remove", cluster], capture_output=True)
        shutil.rmtree(parent, ignore_errors=True)
    lines = ["| store | writers | saves | saves/s | p50 ms | p99 ms | failures |", "|---|---|---|---|---|---|---|"]
    for name, (rows, _, _) in results.items():
        lines += [f"| {name} | {row['writers']} | {row['saves']} | {row['per_second']:.1f} | {row['p50']:.1f} | {row['p99']:.1f} | {len(row['failures'])} |"
                  for row in rows]
    lines.append("")
    for name, (_, log_ms, count) in results.items():
        lines.append(f"- {name}: `motion log {LXP}` (a motion with its {count} amendments in the store) median {log_ms:.1f} ms as a whole process")
    lines += ["", "The agenda page (GET /) of a conference-sized store: 500 motions, 3,000 amendments, 20,000 revisions "
              f"(seeded through the application layer in {seed_seconds:.0f} s, then copied with `motion store copy`).", "",
              "| store | page KB | steady req/s | steady p50 ms | steady p99 ms | cold p50 ms | cold p99 ms (max of 30) |",
              "|---|---|---|---|---|---|---|"]
    for name, row in agenda_results.items():
        steady = row["steady"]
        lines.append(f"| {name} | {row['bytes'] / 1024:.0f} | {steady['rps']:.0f} | {steady['p50_ms']:.2f} | {steady['p99_ms']:.2f} | "
                     f"{row['cold_p50']:.0f} | {row['cold_p99']:.0f} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--motion", default=str(ROOT / ".build/release/motion"))
    parser.add_argument("--bench", help="the motion-bench binary (default: beside --motion)")
    parser.add_argument("--per-level", type=int, default=192)
    options = parser.parse_args()
    print(run(options.motion, options.per_level, options.bench))


if __name__ == "__main__":
    main()
