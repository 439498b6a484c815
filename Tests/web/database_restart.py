"""`motion serve` while its PostgreSQL server is stopped and started again (issue 16, item 5),
on a cluster of its own (scripts/pg-cluster.sh), so no other test loses its database.

- While the database is away, pages and the API answer 503 with a message that says the
  database cannot be reached and nothing was saved; a submission is refused, not half made.
- Once it is back, the same server process answers again by itself, and the submission made
  then is stored with the next id.
"""
import os
import shutil
import subprocess
import tempfile

from shared_store import login, request, submit
from support import LXP, Server, check, environment, make_workspace, run_main


def cluster(command, folder):
    script = os.path.join(os.environ["REPO"], "scripts", "pg-cluster.sh")
    result = subprocess.run([script, command, folder], capture_output=True, text=True, timeout=120)
    check(result.returncode == 0, f"pg-cluster.sh {command} failed: {result.stderr}")
    return result.stdout


def body():
    binary, repo = environment()
    parent = tempfile.mkdtemp(prefix="motion-restart-")
    os.chmod(parent, 0o755)  # the server runs as `postgres`, which must reach the cluster's folder
    folder = os.path.join(parent, "cluster")
    try:
        settings = dict(line.split("=", 1) for line in cluster("start", folder).split())
        settings = {key: value.strip("'") for key, value in settings.items()}
        os.environ["PGPASSFILE"] = settings["PGPASSFILE"]
        os.environ.pop("PGPASSWORD", None)
        os.environ["MOTION_STORE"] = settings["MOTION_TEST_POSTGRES"]
        root = make_workspace(binary, repo)
        server = Server(binary, root)
        try:
            token = login(server, "sec1")
            status, first = submit(server, token, 1)
            check(status == 201, f"a submission with the database up answered {status}: {first}")

            cluster("stop", folder)
            status, problem = request(server.url + f"api/motions/{LXP}", token=token)
            check(status == 503, f"the API answered {status} with the database stopped, not 503: {problem}")
            detail = (problem or {}).get("detail", "")
            check("PostgreSQL" in detail and ("reach" in detail or "closed" in detail), f"the 503 does not say why: {detail!r}")
            status, problem = submit(server, token, 2)
            check(status == 503 and "nothing was saved" in (problem or {}).get("detail", ""),
                  f"a submission with the database stopped answered {status}: {problem}")

            cluster("resume", folder)
            status, second = submit(server, token, 3)
            check(status == 201, f"after the database came back a submission answered {status}: {second}")
            check(second["id"] == f"{LXP}-a2", f"the submission after the restart is {second['id']}, not {LXP}-a2")
            status, motion = request(server.url + f"api/motions/{LXP}", token=token)
            check(status == 200 and sorted(a["id"] for a in motion["amendments"]) == [f"{LXP}-a1", f"{LXP}-a2"],
                  f"after the restart the motion shows {status}: {motion and [a['id'] for a in motion['amendments']]}")
            print("503 while the database was stopped; the same server answered again once it was back")
        finally:
            server.stop()
    finally:
        subprocess.run([os.path.join(os.environ["REPO"], "scripts", "pg-cluster.sh"), "remove", folder], capture_output=True)
        shutil.rmtree(os.path.dirname(folder), ignore_errors=True)


if __name__ == "__main__":
    run_main(body)
