"""The `motion serve` journey in a real browser (headless Debian chromium through Playwright):
a delegate drafts an amendment, their branch secretary confirms it, the office carries it, merges
it and downloads the motion as amended (read back with python-docx); every field a user can fill
takes markup that must stay text; a POST without its csrf token, and a delegate setting a status,
are refused. Screenshots of the main pages go to REPO/.build/screenshots/.

Run: MOTION_BIN=.build/debug/motion REPO=$PWD .build/test-venv/bin/python Tests/web/journey.py
Exits 0 when every step held; otherwise 1, naming the step, what was seen, and the server's log.
"""
import contextlib
import os
import re
import shutil
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import LXP, PASSWORDS, Failure, Server, check, environment, make_workspace, motion, run_main  # noqa: E402

import docx  # noqa: E402
from playwright.sync_api import Error as PlaywrightError  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
A1 = f"{LXP}-a1"
A2 = f"{LXP}-a2"  # the office's rival to A1, carried too: the two conflict
RIVAL = "In point 3, delete 'Band 7 and above' and replace with 'Band 6 and above'."
# What the delegate's edit changes: point 3 of the LXP motion.
BEFORE, AFTER = "senior posts at Band 7 and above", "senior posts at Band 8a and above"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
PAYLOADS = [SCRIPT, IMG]
# Extra accounts beside the spec's three: a branch whose name is markup, and one to lock out.
XSS_USER, XSS_PASSWORD, XSS_BRANCH = "xss1", "pw-secret-4", f"Camden {IMG} {SCRIPT}"
LOCKED_USER, LOCKED_PASSWORD = "locked1", "pw-secret-5"


class Journey:
    def __init__(self, browser, server, shots, scratch, xss_user):
        self.browser, self.server, self.shots, self.scratch = browser, server, shots, scratch
        self.xss_user = xss_user
        self.url = server.url  # ends with '/'
        self.dialogs = []
        self.last = None  # the last navigation's response
        self.context = None
        self.page = None
        self.new_context()

    # -- plumbing ------------------------------------------------------------------------------

    def new_context(self):
        """A fresh browser session (no cookies). CSP is bypassed so that markup which got through
        unescaped would run: the escaping is what is tested, not the Content-Security-Policy."""
        if self.context:
            self.context.close()
        self.context = self.browser.new_context(bypass_csp=True, accept_downloads=True)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.page.on("dialog", self._dialog)
        self.context.on("page", lambda page: page.on("dialog", self._dialog))

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type} {dialog.message!r} on {dialog.page.url if dialog.page else '?'}")
        dialog.dismiss()

    @contextlib.contextmanager
    def step(self, name):
        print(f"- {name}", flush=True)
        try:
            yield
            self.no_dialogs()
        except (Failure, PlaywrightError, AssertionError) as error:
            raise Failure(f"step '{name}': {error}\n{self.where()}") from None

    def where(self):
        """What the browser showed when a step failed: URL, status, the page's text; a screenshot."""
        lines = []
        try:
            lines.append(f"  at {self.page.url}" + (f" (last response {self.last.status} {self.last.url})" if self.last else ""))
            text = self.page.inner_text("body", timeout=2000)
            lines.append("  page text: " + re.sub(r"\s+", " ", text)[:1500])
            self.page.screenshot(path=os.path.join(self.shots, "failure.png"), full_page=True)
            lines.append(f"  screenshot: {os.path.join(self.shots, 'failure.png')}")
        except Exception as error:  # the page may be gone
            lines.append(f"  (could not read the page: {error})")
        return "\n".join(lines)

    def no_dialogs(self):
        check(not self.dialogs, f"a script ran: dialogs {self.dialogs}")

    def goto(self, path, status=200):
        self.last = self.page.goto(self.url + path.lstrip("/"))
        check(self.last is not None, f"no response for {path}")
        check(self.last.status == status, f"GET /{path.lstrip('/')} answered {self.last.status}, expected {status}")
        return self.last

    def submit(self, locator, status=200):
        """Clicks a submit button and waits for the page it leads to (after any redirects)."""
        check(locator.count() == 1, f"expected one {locator}, found {locator.count()}")
        with self.page.expect_navigation() as navigation:
            locator.click()
        self.last = navigation.value
        check(self.last is not None, "the form led nowhere")
        allowed = status if isinstance(status, tuple) else (status,)
        check(self.last.status in allowed, f"submitting answered {self.last.status} at {self.last.url}, expected {status}")
        return self.last

    def redirect_status(self):
        """The status of the response that redirected to the last page, or None."""
        previous = self.last.request.redirected_from
        return previous.response().status if previous and previous.response() else None

    def path(self):
        parsed = urllib.parse.urlsplit(self.page.url)
        return parsed.path + (f"?{parsed.query}" if parsed.query else "")

    def route(self):
        """The page's path alone: a redirect may add a query (a notice, say) to where it leads."""
        return urllib.parse.urlsplit(self.page.url).path

    def shot(self, name):
        self.page.screenshot(path=os.path.join(self.shots, f"{name}.png"), full_page=True)

    def one(self, selector, what=None):
        locator = self.page.locator(selector)
        check(locator.count() >= 1, f"no {what or selector} on {self.path()}")
        return locator.first

    def text(self):
        return self.page.inner_text("body")

    def csrf(self):
        """The page's csrf token, from the logout form every logged-in page has."""
        token = self.one("form#logout input[name=csrf]", "logout form's csrf").input_value()
        check(len(token) >= 16, f"csrf token {token!r} looks too short to be secret")
        return token

    def inert(self, label, payloads=PAYLOADS, shown=True):
        """The payloads did not become markup on this page, ran nothing, and (with `shown`) are
        on it as text (in its text or a field's value)."""
        raw = self.last.text() if self.last and self.last.url == self.page.url else self.page.content()
        check("<script>alert(1)" not in raw, f"{label}: the raw HTML holds '<script>alert(1)' unescaped")
        check("<img src=x" not in raw, f"{label}: the raw HTML holds '<img src=x' unescaped")
        found = self.page.evaluate("""() => ({
            img: document.querySelectorAll('img[src="x"], [onerror]').length,
            script: [...document.scripts].filter(s => s.textContent.includes('alert(1)')).length,
        })""")
        check(found["img"] == 0 and found["script"] == 0, f"{label}: markup made elements: {found}")
        if shown:
            for payload in payloads:
                # Line-numbered text wraps: compare without whitespace and without the line numbers.
                visible = self.page.evaluate("""(p) => {
                    const squeeze = t => t.replace(/\\s+/g, '');
                    const body = document.body.cloneNode(true);
                    body.querySelectorAll('span.number').forEach(n => n.remove());
                    return squeeze(body.textContent).includes(squeeze(p))
                        || [...document.querySelectorAll('input, textarea')].some(e => e.value.includes(p));
                }""", payload)
                check(visible, f"{label}: {payload!r} is not shown as text on {self.path()}")
        self.no_dialogs()

    def status_shown(self, status):
        details = self.one("dl", "details <dl>").inner_text()
        check(re.search(rf"\b{status}\b", details, re.I), f"the details do not show status {status!r}: {details!r}")

    def login(self, name, password=None, status=200, next_path=None):
        self.goto("login" + (f"?next={urllib.parse.quote(next_path, safe='')}" if next_path else ""))
        form = self.page.locator("form#login")
        form.locator("input[name=name]").fill(name)
        form.locator("input[name=password]").fill(password or PASSWORDS[name])
        return self.submit(form.get_by_role("button", name="Log in"), status=status)

    def logout(self):
        self.submit(self.page.locator("form#logout").locator("button, input[type=submit]"))
        check(self.path().startswith("/login"), f"after logging out the page is {self.path()}, not the login page")

    def post(self, path, form, status):
        """A POST from outside the forms, with the context's cookies (Playwright's request context)."""
        response = self.page.request.post(self.url + path.lstrip("/"), form=form, max_redirects=0)
        check(response.status == status,
              f"POST /{path.lstrip('/')} {sorted(form)} answered {response.status}, expected {status}: {response.text()[:300]!r}")
        return response

    # -- the journey -----------------------------------------------------------------------------

    def run(self):
        self.logging_in()
        self.delegate_drafts()
        self.delegate_may_not_set_status()
        self.delegate_logs_out()
        self.secretary_confirms()
        self.office_carries()
        self.csrf_is_required()
        self.rival_amendment()
        self.tracked_changes()
        self.office_merges()
        self.downloads()
        self.history_and_compare()
        self.markup_stays_text()
        self.markup_in_branch_names()
        self.markup_in_login()
        self.too_many_attempts()

    def logging_in(self):
        with self.step("a page asks for a login first"):
            self.goto("")
            check(self.redirect_status() == 303, f"GET / was not a 303 to the login page (was {self.redirect_status()})")
            check(re.fullmatch(r"/login\?next=(/|%2F)", self.path()), f"GET / led to {self.path()}, not /login?next=/")
            form = self.one("form#login")
            check(form.get_attribute("method").lower() == "post" and form.get_attribute("action") == "/login",
                  "form#login is not method=post action=/login")
            for field in ("name", "password"):
                labels = form.locator(f"input[name={field}]").evaluate("e => e.labels ? e.labels.length : 0")
                check(labels >= 1, f"the login field {field!r} has no label")
            check(form.locator("input[type=hidden][name=csrf]").count() == 1, "form#login has no hidden csrf")
            check(form.locator("input[type=hidden][name=next]").count() == 1, "form#login has no hidden next")
            self.shot("login")
        with self.step("a wrong password is refused"):
            self.login("del1", "not-the-password", status=401)
            check("Wrong name or password" in self.text(), "the 401 page does not say 'Wrong name or password'")
        with self.step("the delegate logs in"):
            self.login("del1")
            check(self.redirect_status() == 303, f"POST /login was not a 303 (was {self.redirect_status()})")
            check(self.route() == "/", f"logging in led to {self.path()}, not /")
            cookies = [c for c in self.context.cookies() if c["name"] == "motion_session"]
            check(len(cookies) == 1, f"no motion_session cookie: {self.context.cookies()}")
            cookie = cookies[0]
            check(cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/",
                  f"motion_session is not HttpOnly; SameSite=Strict; Path=/: {cookie}")
            check("script-src 'self'" in (self.last.headers.get("content-security-policy") or ""),
                  f"the agenda has no CSP with script-src 'self': {self.last.headers}")
            self.csrf()

    def delegate_drafts(self):
        with self.step("the agenda lists the LXP motion"):
            self.one(f'a.motion-title[href="/motions/{LXP}"]', "agenda link to the LXP motion")
            self.one("form#filter select[name=status]", "filter's status select")
            self.one("form#filter input[name=q]", "filter's q")
            self.shot("agenda")
        with self.step("the agenda's search finds words typed into its form"):
            self.page.locator("form#filter input[name=q]").fill("survivor researcher")
            self.submit(self.page.locator("form#filter button, form#filter input[type=submit]").first)
            check(self.page.locator(f'a.motion-title[href="/motions/{LXP}"]').count() == 1,
                  f"searching for 'survivor researcher' (the form sends q=survivor+researcher) does not find {LXP}")
            value = self.page.locator("form#filter input[name=q]").input_value()
            check(value == "survivor researcher", f"the search box shows {value!r} back, not 'survivor researcher'")
            self.goto("")
        with self.step("the motion page numbers its lines"):
            with self.page.expect_navigation() as navigation:
                self.page.locator(f'a.motion-title[href="/motions/{LXP}"]').click()
            self.last = navigation.value
            check(self.last.status == 200, f"the motion page answered {self.last.status}")
            title = self.one("h1").inner_text()
            check("Recognition and reward for Lived Experience Professionals" in title, f"<h1> is {title!r}")
            numbers = self.page.locator("ol.lines > li span.number").all_inner_texts()
            items = self.page.locator("ol.lines > li").count()
            check(items >= 20 and len(numbers) == items, f"ol.lines has {items} <li> and {len(numbers)} span.number")
            check([n.strip() for n in numbers[:3]] == ["1", "2", "3"], f"the first line numbers are {numbers[:3]}")
            check(BEFORE in self.text(), f"the motion page does not show {BEFORE!r}")
            for href in (f"/motions/{LXP}/history", f"/motions/{LXP}/amend"):
                self.one(f'a[href="{href}"]', f"link {href}")
            self.one(f'a[href^="/motions/{LXP}/download?format=docx"]', "docx download link")
            self.one(f'a[href^="/motions/{LXP}/download?format=md"]', "md download link")
            check(self.page.locator("form#status").count() == 0, "a delegate is shown the office's status form")
            self.shot("motion")
        with self.step("the delegate drafts an amendment by editing the text"):
            with self.page.expect_navigation() as navigation:
                self.page.get_by_role("link", name="Draft an amendment").click()
            self.last = navigation.value
            check(self.route() == f"/motions/{LXP}/amend" and self.last.status == 200,
                  f"'Draft an amendment' led to {self.path()} ({self.last.status})")
            form = self.one("form#draft")
            check(form.get_attribute("action") == f"/motions/{LXP}/amend", "form#draft's action")
            check(form.locator("input[type=hidden][name=mode]").input_value() == "edit", "form#draft has no mode=edit")
            check(form.locator("input[type=hidden][name=csrf]").count() == 1, "form#draft has no csrf")
            self.one("form#paste textarea[name=wording]", "form#paste's wording")
            text = form.locator("textarea[name=text]").input_value()
            check(BEFORE in text, f"the textarea does not hold the motion's Markdown ({BEFORE!r} missing)")
            form.locator("textarea[name=text]").fill(text.replace(BEFORE, AFTER))
        with self.step("the preview shows the wording and the tracked change"):
            self.submit(self.page.locator("form#draft [name=action][value=preview]"))
            check(self.page.locator("ol.errors").count() == 0, f"the preview shows errors: {self.page.locator('ol.errors').all_inner_texts()}")
            wording = self.one("section#wording").inner_text()
            check("8a" in wording, f"the wording does not mention '8a': {wording!r}")
            tracked = self.one("div.tracked")
            inserted = " ".join(tracked.locator("ins").all_inner_texts())
            deleted = " ".join(tracked.locator("del").all_inner_texts())
            check("8a" in inserted and "7" in deleted, f"tracked view: ins {inserted!r}, del {deleted!r}")
            count = self.one("p#word-count").inner_text()
            check(re.match(r"\d+ words", count), f"p#word-count is {count!r}")
            self.shot("draft-preview")
        with self.step("the delegate submits the amendment"):
            submit = self.page.locator("form#draft [name=action][value=submit]")
            if submit.count() == 1:
                check(AFTER in self.page.locator("form#draft textarea[name=text]").input_value(),
                      "the preview's form lost the edited text")
            else:  # the preview page has no form: draft again from the amend page
                self.goto(f"motions/{LXP}/amend")
                area = self.page.locator("form#draft textarea[name=text]")
                area.fill(area.input_value().replace(BEFORE, AFTER))
                submit = self.page.locator("form#draft [name=action][value=submit]")
            self.submit(submit)
            check(self.redirect_status() == 303, f"submitting was not a 303 (was {self.redirect_status()})")
            check(self.route() == f"/motions/{A1}", f"submitting led to {self.path()}, not /motions/{A1}")
            self.status_shown("draft")
        with self.step("the agenda lists the draft under its motion"):
            self.goto("")
            self.one(f'ul.amendments a[href="/motions/{A1}"]', f"agenda link to {A1}")

    def delegate_may_not_set_status(self):
        with self.step("a delegate POSTing a status is refused (403)"):
            token = self.csrf()
            self.post(f"motions/{LXP}/status", {"csrf": token, "status": "carried"}, 403)
            self.post(f"motions/{A1}/status", {"csrf": token, "status": "carried"}, 403)
            self.goto(f"motions/{A1}")
            self.status_shown("draft")

    def delegate_logs_out(self):
        with self.step("the delegate logs out, and the old session is dead"):
            old = [c for c in self.context.cookies() if c["name"] == "motion_session"]
            self.logout()
            self.goto("")
            check(self.path().startswith("/login"), f"after logging out GET / shows {self.path()}")
            replay = self.browser.new_context()
            try:
                replay.add_cookies(old)
                response = replay.request.get(self.url, max_redirects=0)
                check(response.status == 303 and "/login" in (response.headers.get("location") or ""),
                      f"the logged-out session cookie still works: GET / answered {response.status}")
            finally:
                replay.close()

    def secretary_confirms(self):
        with self.step("the branch secretary confirms the delegate's draft"):
            self.login("sec1")
            selector = f'form.confirm[action="/motions/{A1}/confirm"]'
            self.goto(f"motions/{LXP}")
            if self.page.locator(selector).count() == 0:
                self.goto(f"motions/{A1}")
            form = self.one(selector, f"confirm form for {A1} (on /motions/{LXP} or /motions/{A1})")
            check(form.locator("input[name=csrf]").count() == 1, "the confirm form has no csrf")
            self.submit(form.get_by_role("button", name="Confirm and submit"))
            self.goto(f"motions/{A1}")
            self.status_shown("submitted")
            self.logout()

    def office_carries(self):
        with self.step("the office sets the amendment's status to carried"):
            self.login("office1")
            self.goto(f"motions/{A1}")
            form = self.one("form#status")
            check(form.get_attribute("action") == f"/motions/{A1}/status", f"form#status's action is {form.get_attribute('action')}")
            form.locator("select[name=status]").select_option("carried")
            self.submit(form.get_by_role("button", name="Set status"))
            check(self.redirect_status() == 303, f"setting the status was not a 303 (was {self.redirect_status()})")
            check(self.route() == f"/motions/{A1}", f"setting the status led to {self.path()}")
            self.status_shown("carried")

    def csrf_is_required(self):
        with self.step("a POST without its csrf token is refused (403)"):
            self.post(f"motions/{A1}/status", {"status": "lost"}, 403)
            self.post(f"motions/{A1}/status", {"status": "lost", "csrf": "0" * 32}, 403)
            self.post(f"motions/{LXP}/amend", {"mode": "wording", "action": "submit",
                                               "wording": "In point 1, after 'Carry out' insert 'now'."}, 403)
            self.post("logout", {}, 403)
            anonymous = self.browser.new_context()
            try:
                response = anonymous.request.post(self.url + "login", max_redirects=0,
                                                  form={"name": "office1", "password": PASSWORDS["office1"], "next": "/"})
                check(response.status == 403, f"POST /login without csrf answered {response.status}, expected 403")
            finally:
                anonymous.close()
            self.goto(f"motions/{A1}")
            self.status_shown("carried")
            # The same request with the token is taken, so the 403s were the token's doing.
            self.post(f"motions/{A1}/status", {"status": "carried", "csrf": self.csrf()}, 303)

    def rival_amendment(self):
        with self.step("the office submits a rival amendment by its wording and carries it"):
            self.goto(f"motions/{LXP}/amend")
            form = self.page.locator("form#paste")
            check(form.locator("input[type=hidden][name=mode]").input_value() == "wording", "form#paste has no mode=wording")
            form.locator("textarea[name=wording]").fill(RIVAL)
            self.submit(form.locator("[name=action][value=preview]"))
            check(self.page.locator("ol.errors").count() == 0, f"the rival's preview shows errors: {self.page.locator('ol.errors').all_inner_texts()}")
            inserted = " ".join(self.page.locator("div.tracked ins").all_inner_texts())
            check(re.search(r"\b6\b", inserted), f"the rival's tracked view inserts no '6': {inserted!r}")
            submit = self.page.locator("form#paste [name=action][value=submit]")
            if submit.count() == 0:
                self.goto(f"motions/{LXP}/amend")
                self.page.locator("form#paste textarea[name=wording]").fill(RIVAL)
                submit = self.page.locator("form#paste [name=action][value=submit]")
            self.submit(submit)
            check(self.route() == f"/motions/{A2}", f"the office's amendment led to {self.path()}, not /motions/{A2}")
            self.status_shown("submitted")
            form = self.one("form#status")
            form.locator("select[name=status]").select_option("carried")
            self.submit(form.get_by_role("button", name="Set status"))
            self.status_shown("carried")

    def tracked_changes(self):
        with self.step("the motion shows the amendment as tracked changes"):
            self.goto(f"motions/{LXP}")
            section = self.one(f'section.amendment[id="{A1}"]', f"section.amendment#{A1}")
            check("8a" in section.inner_text(), f"the amendment's section lacks its wording: {section.inner_text()!r}")
            with self.page.expect_navigation() as navigation:
                section.get_by_role("link", name="Show as tracked changes").click()
            self.last = navigation.value
            check(self.path() == f"/motions/{LXP}?show={A1}", f"'Show as tracked changes' led to {self.path()}")
            tracked = self.one("div.tracked")
            check("8a" in " ".join(tracked.locator("ins").all_inner_texts()), "the tracked view inserts no '8a'")
            check(tracked.locator("del").count() >= 1, "the tracked view deletes nothing")
            self.shot("motion-tracked")
            self.goto(f"motions/{LXP}?show=all")
            self.one("div.tracked ins", "tracked view of all amendments")
            self.one("p.conflict", f"p.conflict for {A1} and {A2}, which change the same words")
            self.shot("motion-tracked-all")

    def office_merges(self):
        with self.step("the office merges the carried amendment"):
            self.goto(f"motions/{LXP}")
            with self.page.expect_navigation() as navigation:
                self.page.get_by_role("link", name="Merge carried amendments").click()
            self.last = navigation.value
            check(self.route() == f"/motions/{LXP}/merge", f"'Merge carried amendments' led to {self.path()}")
            form = self.one("form#merge")
            check((form.get_attribute("method") or "").lower() == "post", "form#merge is not method=post")
            for amendment in (A1, A2):
                box = form.locator(f'input[type=checkbox][name=amendment][value="{amendment}"]')
                check(box.count() == 1 and box.is_checked(), f"the carried {amendment} is not offered checked")
            if self.page.locator(".conflict").count() == 0:  # shown once previewed, if not at once
                self.submit(form.locator("[name=action][value=preview]"), status=(200, 409))
                form = self.one("form#merge", "form#merge on the merge preview")
            conflict = self.one(".conflict", f"a conflict between {A1} and {A2} on the merge page")
            check("8a" in self.text() and "Band 6" in self.text(),
                  f"the merge page does not show both wordings (8a, Band 6); conflict: {conflict.inner_text()!r}")
            self.shot("merge")
            form.locator(f'input[type=checkbox][name=amendment][value="{A2}"]').uncheck()
            self.submit(form.locator("[name=action][value=preview]"))
            check(self.page.locator(".conflict").count() == 0, "the merge preview of A1 alone still shows a conflict")
            check("8a" in " ".join(self.page.locator("div.tracked ins").all_inner_texts()), "the merge preview inserts no '8a'")
            self.shot("merge-preview")
            form = self.one("form#merge", "form#merge on the merge preview")
            check(not form.locator(f'input[name=amendment][value="{A2}"]').is_checked(), f"the preview re-ticked {A2}")
            self.submit(form.locator("[name=action][value=save]"))
            check(self.redirect_status() == 303, f"'Save as amended' was not a 303 (was {self.redirect_status()})")
            check(self.route() == f"/motions/{LXP}", f"'Save as amended' led to {self.path()}")
            lines = " ".join(self.page.locator("ol.lines > li").all_inner_texts())
            check("Band 8a" in lines and "Band 7 and above" not in lines, "the motion's lines are not as amended")

    def downloads(self):
        with self.step("the motion as amended downloads as .docx and reads back"):
            self.goto(f"motions/{LXP}")
            link = self.page.locator(f'a[href="/motions/{LXP}/download?format=docx"]')
            check(link.count() >= 1, f"no link to /motions/{LXP}/download?format=docx")
            with self.page.expect_download() as download:
                link.first.click()
            path = os.path.join(self.scratch, "as-amended.docx")
            download.value.save_as(path)
            check(download.value.failure() is None, f"the download failed: {download.value.failure()}")
            document = docx.Document(path)
            text = "\n".join(p.text for p in document.paragraphs)
            text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
            check("Band 8a and above" in text, "the .docx does not hold 'Band 8a and above'")
            check("Band 7 and above" not in text, "the .docx still holds 'Band 7 and above'")
        with self.step("the Markdown and tracked downloads"):
            md = self.page.request.get(self.url + f"motions/{LXP}/download?format=md")
            check(md.status == 200 and AFTER in md.text(), f"the .md download ({md.status}) lacks {AFTER!r}")
            old = self.page.request.get(self.url + f"motions/{LXP}/download?format=md&rev=1")
            check(old.status == 200 and BEFORE in old.text(), f"the rev=1 .md download ({old.status}) lacks {BEFORE!r}")
            tracked = self.page.request.get(self.url + f"motions/{LXP}/download?format=docx&changes-from=1")
            check(tracked.status == 200, f"the tracked .docx answered {tracked.status}")
            path = os.path.join(self.scratch, "tracked.docx")
            with open(path, "wb") as file:
                file.write(tracked.body())
            docx.Document(path)  # a document python-docx can open
            paper = self.page.request.get(self.url + "paper?format=docx")
            check(paper.status == 200 and paper.body()[:2] == b"PK", f"GET /paper?format=docx answered {paper.status}")
            paper = self.page.request.get(self.url + "paper?format=md")
            check(paper.status == 200 and "Lived Experience" in paper.text(), f"GET /paper?format=md answered {paper.status}")

    def history_and_compare(self):
        with self.step("the history lists the revisions"):
            self.goto(f"motions/{LXP}/history")
            rows = self.page.locator("table tbody tr, table tr:has(td)").count()
            check(rows >= 2, f"the history table has {rows} revision rows, expected 2 or more")
            check("First draft" in self.text(), "the history does not show the message 'First draft'")
            self.shot("history")
        with self.step("compare revision 1 with 2, inline and side by side"):
            form = self.one("form#compare")
            check(form.get_attribute("action") == f"/motions/{LXP}/compare", "form#compare's action")
            form.locator("select[name=from]").select_option("1")
            form.locator("select[name=to]").select_option("2")
            form.locator("select[name=view]").select_option("inline")
            self.submit(form.locator("button, input[type=submit]").first)
            check(self.path().startswith(f"/motions/{LXP}/compare?") and "view=inline" in self.path(),
                  f"comparing led to {self.path()}")
            check("8a" in " ".join(self.page.locator("ins").all_inner_texts()), "the comparison inserts no '8a'")
            check(self.page.locator("del").count() >= 1, "the comparison deletes nothing")
            self.shot("compare")
            self.goto(f"motions/{LXP}/compare?from=1&to=2&view=side")
            check("8a" in self.text(), "the side-by-side comparison does not show '8a'")
            self.shot("compare-side")
        with self.step("an earlier revision reads as it was"):
            self.goto(f"motions/{LXP}?rev=1")
            lines = " ".join(self.page.locator("ol.lines > li").all_inner_texts())
            check("Band 7 and above" in lines and "Band 8a" not in lines, "/motions/ID?rev=1 does not show revision 1's words")

    def markup_stays_text(self):
        with self.step("markup in the search box stays text"):
            for payload in PAYLOADS:
                self.goto("")
                self.page.locator("form#filter input[name=q]").fill(payload)
                self.submit(self.page.locator("form#filter button, form#filter input[type=submit]").first)
                self.inert(f"search for {payload!r}", [payload])
            self.logout()
        with self.step("markup in an amendment's wording stays text"):
            self.login("del1")
            self.goto(f"motions/{LXP}/amend")
            form = self.page.locator("form#paste")
            form.locator("textarea[name=wording]").fill(f"In point 4, after 'Campaign against' insert '{SCRIPT} {IMG}'.")
            self.submit(form.locator("[name=action][value=preview]"))
            self.inert("the wording's preview")
            marked = None
            if self.page.locator("ol.errors").count():
                print(f"  note: the wording with markup was refused: {self.page.locator('ol.errors').inner_text()!r}")
            else:
                check("alert(1)" in self.one("section#wording").inner_text(), "the wording's preview lost the inserted text")
                submit = self.page.locator("form#paste [name=action][value=submit]")
                if submit.count() == 0:
                    self.goto(f"motions/{LXP}/amend")
                    self.page.locator("form#paste textarea[name=wording]").fill(
                        f"In point 4, after 'Campaign against' insert '{SCRIPT} {IMG}'.")
                    submit = self.page.locator("form#paste [name=action][value=submit]")
                self.submit(submit)
                marked = f"{LXP}-a3"
                check(self.route() == f"/motions/{marked}", f"submitting the wording led to {self.path()}, not /motions/{marked}")
                self.inert("the pasted amendment's page")
        with self.step("markup typed into the motion's text stays text"):
            self.goto(f"motions/{LXP}/amend")
            area = self.page.locator("form#draft textarea[name=text]")
            self.inert("the amend page", shown=False)
            area.fill(area.input_value().replace("Challenge stigma", f"Challenge {SCRIPT} {IMG} stigma"))
            self.submit(self.page.locator("form#draft [name=action][value=preview]"))
            self.inert("the edited text's preview", shown=False)
            if self.page.locator("ol.errors").count() == 0:
                self.inert("the edited text's preview")
                submit = self.page.locator("form#draft [name=action][value=submit]")
                if submit.count() == 1:
                    self.submit(submit)
                    self.inert("the edited amendment's page")
        with self.step("markup in the pages that show every amendment stays text"):
            paths = ["", f"motions/{LXP}", f"motions/{LXP}?show=all",
                     f"motions/{LXP}?notice={urllib.parse.quote(SCRIPT + IMG, safe='')}"]
            if marked:
                paths += [f"motions/{LXP}?show={marked}", f"motions/{marked}/history"]
            for path in paths:
                self.goto(path)
                # The agenda names amendments without their wording; history and notice show none.
                self.inert(f"/{path}", shown=bool(marked) and path != "" and not path.endswith("/history") and "notice=" not in path)
            self.logout()
    def markup_in_branch_names(self):
        with self.step("markup in a user's branch name stays text"):
            if not self.xss_user:
                print("  note: skipped, `motion user add` refused a branch name that is markup")
                return
            self.login(XSS_USER, XSS_PASSWORD)
            self.inert("the agenda of a user whose branch is markup", shown=False)
            self.goto(f"motions/{LXP}/amend")
            form = self.page.locator("form#paste")
            form.locator("textarea[name=wording]").fill("In point 5, after 'Develop' insert 'urgently'.")
            submit = form.locator("[name=action][value=submit]")
            self.submit(submit)
            check(re.fullmatch(rf"/motions/{LXP}-a\d+", self.route()), f"submitting led to {self.path()}")
            mine = self.route()
            self.inert("the amendment of a branch whose name is markup", [IMG, SCRIPT])
            for path in ("", f"motions/{LXP}?show=all"):
                self.goto(path)
                self.inert(f"/{path} with a branch whose name is markup", [IMG, SCRIPT])
            check(self.page.locator(f'a[href="{mine}"], section.amendment[id="{mine.rsplit("/", 1)[1]}"]').count() >= 1,
                  f"{mine} is not on the motion page")
            self.logout()

    def markup_in_login(self):
        with self.step("markup in the login form and its next stays text"):
            self.login(SCRIPT, "not-the-password", status=401)
            self.inert("the refused login of a name that is markup", shown=False)
            self.goto(f"login?next={urllib.parse.quote('/' + IMG, safe='')}")
            self.inert("the login page with markup in next", shown=False)
        with self.step("login's next never leads off the site"):
            for target in ("//example.invalid/", "https://example.invalid/", "/\\example.invalid/"):
                self.new_context()
                self.login("office1", next_path=target)
                landed = urllib.parse.urlsplit(self.page.url)
                check(self.page.url.startswith(self.url), f"next={target!r} led off the site to {self.page.url}")
                check(landed.netloc == urllib.parse.urlsplit(self.url).netloc, f"next={target!r} led to {self.page.url}")

    def too_many_attempts(self):
        with self.step("five wrong passwords for one name lock it out (429)"):
            self.new_context()
            for attempt in range(1, 6):
                self.login(LOCKED_USER, f"wrong-password-{attempt}", status=401)
            self.login(LOCKED_USER, "wrong-password-6", status=429)
            check("Too many attempts" in self.text(), "the 429 page does not say 'Too many attempts'")
            # While locked, the right password is not even tried, or guessing would go on unseen.
            self.login(LOCKED_USER, LOCKED_PASSWORD, status=429)
            check(not [c for c in self.context.cookies() if c["name"] == "motion_session"],
                  "a locked-out name still got a session with the right password")


def public_read(binary, root):
    """With --public-read the pages read without a login; changing anything still needs one."""
    import urllib.error
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)

    def fetch(url, data=None):
        try:
            with opener.open(urllib.request.Request(url, data=data), timeout=30) as response:
                return response.status, response.headers, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode(errors="replace")

    server = Server(binary, root, extra=["--public-read"])
    try:
        print("- with --public-read, the agenda and a motion read without a login", flush=True)
        status, _, body = fetch(server.url)
        check(status == 200 and f'href="/motions/{LXP}"' in body, f"--public-read: GET / answered {status}")
        status, _, body = fetch(server.url + f"motions/{LXP}")
        check(status == 200 and 'class="lines"' in body, f"--public-read: GET /motions/{LXP} answered {status}")
        status, headers, _ = fetch(server.url + f"motions/{LXP}/status", data=b"status=lost")
        refused = status in (401, 403) or (status == 303 and "/login" in (headers.get("Location") or ""))
        check(refused, f"--public-read: POST /motions/{LXP}/status without a login answered {status}")
    finally:
        server.stop()


def main():
    binary, repo = environment()
    shots = os.path.join(repo, ".build", "screenshots")
    os.makedirs(shots, exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        os.remove(os.path.join(shots, "failure.png"))
    root = make_workspace(binary, repo)
    try:
        motion(binary, ["user", "add", XSS_USER, "--role", "delegate", "--branch", XSS_BRANCH], root, stdin=XSS_PASSWORD + "\n")
        xss_user = True
    except Failure as refused:  # refusing markup in a branch name is a fair choice too
        print(f"note: {refused}", flush=True)
        xss_user = False
    motion(binary, ["user", "add", LOCKED_USER, "--role", "delegate", "--branch", "Camden Branch"], root, stdin=LOCKED_PASSWORD + "\n")
    print(f"workspace {root}", flush=True)
    server = Server(binary, root)
    print(f"server {server.url}", flush=True)
    failure = None
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory() as scratch:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                Journey(browser, server, shots, scratch, xss_user).run()
            finally:
                browser.close()
        errors = server.errors()
        check(not errors, "the server answered 5xx:\n" + "".join(errors))
        public_read(binary, root)
    except Failure as error:
        failure = error
    finally:
        try:
            server.stop()
        except Failure as error:
            failure = Failure(f"{failure}\nand then: {error}" if failure else str(error))
    if failure:
        raise Failure(f"{failure}\n  workspace kept: {root}\n  server log (last 25 lines):\n"
                      + "".join("    " + l for l in server.log[-25:]))
    shutil.rmtree(root, ignore_errors=True)
    print(f"screenshots in {shots}", flush=True)


if __name__ == "__main__":
    run_main(main)
