"""Two `motion serve` processes on one PostgreSQL store (issue 16, items 4 and 5).

- A write through one server is seen through the other at once (each keeps pages and results
  only until the store's version changes, and the version is the database's).
- Amendments submitted to both servers at once get gapless ids a1..aN, nothing lost.
- A motion's page open in a browser (Debian's chromium) on one server shows an amendment
  submitted through the other without being reloaded: the server's events (PostgreSQL's
  LISTEN/NOTIFY) tell templates/web/live.js, which fetches the page and swaps its content in.
- A server killed with SIGKILL in the middle of submissions loses nothing it acknowledged: every
  amendment it answered 201 for is in the store afterwards, and the store is clean (fsck).

Needs MOTION_TEST_POSTGRES (and PGPASSFILE), which scripts/with-postgres.sh sets; MOTION_BIN and
REPO as for the other scripts.
"""
import json
import os
import signal
import subprocess
import threading
import urllib.error
import urllib.request

from playwright.sync_api import sync_playwright

from support import LXP, PASSWORDS, Failure, Server, check, environment, make_workspace, motion, run_main


def request(url, method="GET", body=None, token=None):
    """(status, parsed JSON or None)."""
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if data else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw)
        except ValueError:
            return error.code, None


def login(server, name):
    status, body = request(server.url + "api/session", "POST", {"name": name, "password": PASSWORDS[name]})
    check(status == 201, f"login of {name} on {server.url} answered {status}: {body}")
    return body["token"]


def amendments(server, token):
    status, body = request(server.url + f"api/motions/{LXP}", token=token)
    check(status == 200, f"GET the motion on {server.url} answered {status}: {body}")
    return {a["id"]: a for a in body["amendments"]}


def submit(server, token, n):
    return request(server.url + f"api/motions/{LXP}/amendments", "POST",
                   {"wording": f"In point 3, after 'Band 7' insert 'or grade {n}'."}, token)


def live_page(reader, writer, writer_token):
    """A page open on `reader` updates itself with an amendment submitted to `writer`."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                             args=["--no-sandbox"])
        try:
            page, failures = browser.new_page(), []
            page.on("dialog", lambda dialog: (dialog.dismiss(), failures.append(dialog.message)))
            page.goto(reader.url + "login")
            form = page.locator("form#login")
            form.locator("input[name=name]").fill("office1")
            form.locator("input[name=password]").fill(PASSWORDS["office1"])
            form.get_by_role("button", name="Log in").click()
            page.wait_for_load_state()
            page.goto(reader.url + f"motions/{LXP}")
            check(page.locator("#main[data-events]").count() == 1, "the motion page does not ask for its events")
            page.evaluate("window.__sameDocument = true")
            page.wait_for_timeout(500)  # the event stream is open
            status, created = submit(writer, writer_token, 500)
            check(status == 201, f"submission answered {status}: {created}")
            page.wait_for_selector(f'#main a[href="/motions/{created["id"]}"]', timeout=20000)
            check(page.evaluate("window.__sameDocument === true"), "the page was reloaded, not updated in place")
            print(f"the open page showed {created['id']} without a reload")
            # A status chosen but not yet set is never swapped away: the page says it is out of date.
            page.locator("form#status select[name=status]").select_option("admitted")
            page.locator("h1").first.click()  # focus leaves the field: only the choice holds the page
            refreshed = page.evaluate("document.getElementById('main').getAttribute('data-refreshed')")
            status, later = submit(writer, writer_token, 501)
            check(status == 201, f"submission answered {status}: {later}")
            page.wait_for_selector("#live-out-of-date", timeout=20000)
            check(page.locator("form#status select[name=status]").input_value() == "admitted",
                  "the status the user chose was swapped away by the live update")
            check(page.evaluate("document.getElementById('main').getAttribute('data-refreshed')") == refreshed,
                  "the page content was swapped although the user had chosen a status")
            check(page.locator(f'#main a[href="/motions/{later["id"]}"]').count() == 0, "the new amendment was swapped in over the choice")
            check(not failures, f"a script ran: {failures}")
            print("a status chosen on the open page was kept; the page said it was out of date")
        finally:
            browser.close()


def new_database():
    base = os.environ.get("MOTION_TEST_POSTGRES")
    if not base:
        raise Failure("MOTION_TEST_POSTGRES is not set: run this under scripts/with-postgres.sh (make test does)")
    name = f"motion_shared_{os.getpid()}"
    subprocess.run(["psql", base, "-qAtc", f"CREATE DATABASE {name} TEMPLATE template0"], check=True,
                   capture_output=True, text=True)
    prefix, _, settings = base.partition("?")
    return prefix.rsplit("/", 1)[0] + f"/{name}?" + settings


def body():
    binary, repo = environment()
    os.environ["MOTION_STORE"] = new_database()
    root = make_workspace(binary, repo)          # init, save and users, all in the database
    first, second = Server(binary, root), Server(binary, root)
    try:
        secretary_first, secretary_second = login(first, "sec1"), login(second, "sec1")
        office_second = login(second, "office1")

        # One server's write, the other's read, at once (no cache holds the old page).
        before = amendments(second, secretary_second)
        status, created = submit(first, secretary_first, 0)
        check(status == 201, f"submission answered {status}: {created}")
        after = amendments(second, secretary_second)
        check(created["id"] in after and created["id"] not in before,
              f"the second server does not show {created['id']} the first just stored: {sorted(after)}")
        status, _ = request(second.url + f"api/motions/{created['id']}/status", "POST", {"status": "carried"}, office_second)
        check(status == 200, f"status change on the second server answered {status}")
        check(amendments(first, secretary_first)[created["id"]]["status"] == "carried",
              "the first server does not show the status the second just set")

        # Both servers at once: ids stay gapless, nothing lost.
        results = []
        def writer(server, token, start):
            for n in range(start, start + 10):
                results.append(submit(server, token, n))
        threads = [threading.Thread(target=writer, args=(s, t, k * 100)) for k, (s, t) in
                   enumerate([(first, secretary_first), (second, secretary_second)] * 2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        statuses = sorted({status for status, _ in results})
        check(statuses == [201], f"concurrent submissions answered {statuses}")
        ids = sorted(int(i.rsplit("-a", 1)[1]) for i in amendments(first, secretary_first))
        check(ids == list(range(1, 42)), f"ids after 41 submissions through two servers: {ids}")

        live_page(second, first, secretary_first)

        # SIGKILL in the middle of submissions: what was acknowledged is there.
        acknowledged, stop = [], threading.Event()
        def hammer():
            n = 1000
            while not stop.is_set():
                n += 1
                try:
                    status, created = submit(first, secretary_first, n)
                except (urllib.error.URLError, ConnectionError, OSError):
                    return
                if status == 201:
                    acknowledged.append(created["id"])
        hammers = [threading.Thread(target=hammer) for _ in range(4)]
        for thread in hammers:
            thread.start()
        while len(acknowledged) < 12:
            threading.Event().wait(0.01)
        first.process.send_signal(signal.SIGKILL)
        first.process.wait()
        stop.set()
        for thread in hammers:
            thread.join(60)
        stored = amendments(second, secretary_second)
        lost = [i for i in acknowledged if i not in stored]
        check(not lost, f"acknowledged before SIGKILL but not stored: {lost}")
        numbers = sorted(int(i.rsplit("-a", 1)[1]) for i in stored)
        check(numbers == list(range(1, len(numbers) + 1)), f"ids after the kill are not gapless: {numbers}")
        report = motion(binary, ["fsck"], root)
        print(f"after SIGKILL: {len(acknowledged)} acknowledged, {len(stored)} stored; fsck: {report.strip()}")
        check(not second.errors(), f"the second server answered 5xx: {second.errors()}")
    finally:
        first.stop(check_exit=False)
        second.stop()


if __name__ == "__main__":
    run_main(body)
