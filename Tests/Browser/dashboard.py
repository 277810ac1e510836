#!/usr/bin/env python3
"""Browser test of the Taskforge operators' dashboard (`/ui`), with Selenium and headless Chromium.

    python3 Tests/Browser/dashboard.py --base-url http://127.0.0.1:8080 --admin-token T --read-token R \
        --screenshots DIR --label NAME

The server must require tokens (T has the admin scope, R only read). The checks, each a function below,
print `PASS <name>` or `FAIL <name>: <reason>`:
  sign_in                    /ui sends a fresh browser to sign in; the admin token lands on the overview; the
                             Content-Security-Policy forbids inline script, and the console shows no CSP error
  overview_matches_api       a row per queue of GET /v1/queues, with the API's pending count
  pages_match_api            the jobs, tasks, schedules and job pages show what the API returns
  live_new_job               a new job appears on /ui/jobs within 2 s, without a reload
  live_progress              a running job's progress rises on its page, without a reload
  pause_holds_queue          Pause on the overview holds the queue (another queue drains); Resume releases it
  bulk_cancel_matching       "Cancel all N matching" cancels exactly the filtered jobs, after a confirmation
  bulk_cancel_selected       "Cancel selected" cancels exactly the ticked jobs, after a confirmation
  read_only_token            a read token's pages have no action forms, and its forged action is refused
  csrf_required              an action without the session's CSRF token, or with a wrong one, is refused
  axe_no_serious_violations  axe-core finds no serious or critical violation on any page, light or dark
  screenshots                every page in light and dark, and the overview at phone width
It exits 1 if any check failed. It needs only the standard library and Selenium.
"""
import argparse
import contextlib
import importlib.util
import json
import os
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import parse_qs, quote, urlparse

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

CHROME_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900")
UNFINISHED = ("waiting", "pending", "running")


# MARK: Helpers

def poll(condition, timeout, what):
    """Calls `condition` until it returns something truthy (returned) or `timeout` seconds pass."""
    return WebDriverWait(None, timeout, 0.1).until(lambda _: condition(), f"timed out after {timeout} s waiting for {what}")


def settle(problems_now, timeout):
    """Polls `problems_now` (a list of mismatches) until it is empty; fails with the last ones."""
    deadline = time.monotonic() + timeout
    while problems := problems_now():
        if time.monotonic() > deadline:
            raise AssertionError("; ".join(problems))
        time.sleep(0.25)


def new_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.unhandled_prompt_behavior = "ignore"  # the checks answer window.confirm themselves
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    return driver


def wait(driver, timeout=10):
    """A wait that tries again when a live update replaced the element it was looking at."""
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,))


def present(css):
    return EC.presence_of_element_located((By.CSS_SELECTOR, css))


def js(driver, script, *args):
    return driver.execute_script(script, *args)


def text_of(driver, css, attribute="textContent"):
    """The text (or another property) of the element matching `css`, None without one."""
    return js(driver, "const e = document.querySelector(arguments[0]); return e && String(e[arguments[1]]).trim();",
              css, attribute)


def click_button(driver, css, text, timeout=5):
    """Clicks the button matching `css` whose text is `text`."""
    def attempt(d):
        button = next((b for b in d.find_elements(By.CSS_SELECTOR, css) if b.text.strip() == text), None)
        return button is not None and (button.click() or True)
    wait(driver, timeout).until(attempt, f"no button {text!r} matching {css!r} on {driver.current_url}")


def accept_confirm(driver, after):
    """Accepts the page's window.confirm and returns its text."""
    alert = WebDriverWait(driver, 5).until(EC.alert_is_present(), f"{after} asked no window.confirm")
    text = alert.text
    alert.accept()
    return text


def post_from_page(driver, path, body):
    """POSTs a form body with `fetch` from the open page (same origin: its session cookie goes along)."""
    return driver.execute_async_script("""
        const [path, body, done] = arguments;
        fetch(path, {method: "POST", body, redirect: "manual", credentials: "same-origin",
                     headers: {"Content-Type": "application/x-www-form-urlencoded"}})
            .then(r => r.text().then(t => done([r.status, t.slice(0, 400)])), e => done([-1, String(e)]));
        """, path, body)


def sign_in_with(driver, base, token):
    """Signs in on /ui/sign-in with `token` and waits for the page it lands on."""
    if urlparse(driver.current_url).path != "/ui/sign-in":
        driver.get(base + "/ui/sign-in")
    wait(driver).until(present("input#token"), "no input#token on the sign-in page").send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "main.sign-in form button[type=submit]").click()
    refused = "main.sign-in p.problem"
    wait(driver).until(EC.any_of(present("header form input[name=csrf]"), present(refused)),
                       "signing in led to neither a signed-in page nor a refusal")
    problem = driver.find_elements(By.CSS_SELECTOR, refused)
    assert not problem, f"sign-in refused: {problem[0].text}"


class Context:
    """The server, its tokens, and the admin's browser (created, and signed in, when first needed)."""

    def __init__(self, args):
        self.base = args.base_url.rstrip("/")
        self.admin_token, self.read_token = args.admin_token, args.read_token
        self.shots, self.label = args.screenshots, args.label
        self.driver = None

    def api(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {self.admin_token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                text = response.read().decode()
        except urllib.error.HTTPError as error:
            raise AssertionError(f"{method} {path} answered {error.code}: {error.read().decode()[:300]}")
        return json.loads(text) if text else None

    def submit(self, task, **inputs):
        return self.api("POST", f"/v1/tasks/{task}", inputs)["id"]

    def job(self, job_id):
        return self.api("GET", f"/v1/jobs/{job_id}")

    def wait_state(self, job_id, state, timeout):
        poll(lambda: self.job(job_id)["state"] == state, timeout, f"job {job_id} to be {state}")

    def queue(self, name):
        queues = {q["name"]: q for q in self.api("GET", "/v1/queues")["queues"]}
        assert name in queues, f"GET /v1/queues has no queue {name!r}"
        return queues[name]

    def set_paused(self, queue, paused):
        self.api("POST", f"/v1/queues/{queue}/{'pause' if paused else 'resume'}")

    def cancel_leftovers(self, job_ids):
        """Cleans up after a failed check: cancels those of its jobs that have not finished."""
        for job_id in job_ids:
            if self.job(job_id)["state"] in UNFINISHED:
                self.api("POST", f"/v1/jobs/{job_id}/cancel")

    def admin(self):
        if self.driver is None:
            self.driver = new_driver()
            sign_in_with(self.driver, self.base, self.admin_token)  # on failure, reset() closes it
        return self.driver

    def open(self, path, ready="div#live", driver=None):
        """Opens a dashboard page and waits until its live part (or `ready`) is there."""
        driver = driver or self.admin()
        driver.get(self.base + path)
        wait(driver).until(present(ready), f"no {ready} on {path} (the browser is at {driver.current_url})")
        return driver

    def pages(self):
        """The pages the accessibility and screenshot checks visit: (name, path, what shows it is ready)."""
        newest = self.api("GET", "/v1/jobs?limit=1")["jobs"]
        job_id = newest[0]["id"] if newest else self.submit("echo", message="a job to show")
        return [("overview", "/ui", "div#live"), ("jobs", "/ui/jobs", "div#live"), ("job", f"/ui/jobs/{job_id}", "div#live"),
                ("workers", "/ui/workers", "div#live"), ("schedules", "/ui/schedules", "div#live"),
                ("tasks", "/ui/tasks", "div#live"),
                ("sign-in", "/ui/sign-in", "input#token")]

    def visit_pages(self, visit):
        """Opens every page in the light and then the dark color scheme, calling `visit(name, scheme)` on each."""
        driver = self.admin()
        try:
            for scheme in ("light", "dark"):
                set_color_scheme(driver, scheme)
                for name, path, ready in self.pages():
                    self.open(path, ready=ready)
                    visit(name, scheme)
        finally:
            set_color_scheme(driver, None)

    def reset(self):
        """Closes the admin's browser: the next check starts with a fresh one."""
        if self.driver is not None:
            with contextlib.suppress(WebDriverException):
                self.driver.quit()
            self.driver = None


def set_color_scheme(driver, scheme):
    features = [{"name": "prefers-color-scheme", "value": scheme}] if scheme else []
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": features})


# MARK: Checks

def sign_in(ctx):
    ctx.reset()
    driver = ctx.driver = new_driver()
    driver.get(ctx.base + "/ui")
    url = urlparse(driver.current_url)
    assert url.path == "/ui/sign-in", f"/ui without a session landed on {driver.current_url}, not /ui/sign-in"
    assert parse_qs(url.query).get("next") == ["/ui"], f"the sign-in page's next is not /ui: {driver.current_url}"
    sign_in_with(driver, ctx.base, ctx.admin_token)
    assert urlparse(driver.current_url).path == "/ui", f"signing in landed on {driver.current_url}, not /ui"
    assert driver.find_elements(By.CSS_SELECTOR, "div#live tr[data-queue]"), "the overview shows no queue rows"
    check_csp(ctx, driver)


def check_csp(ctx, driver):
    """The policy forbids inline script: no CSP error so far, and an injected inline script does not run."""
    with urllib.request.urlopen(ctx.base + "/ui/sign-in", timeout=10) as response:
        policy = response.headers.get("Content-Security-Policy", "")
    directives = {d.split()[0]: d for d in (p.strip() for p in policy.split(";")) if d}
    script = directives.get("script-src", directives.get("default-src", ""))
    assert script and "'unsafe-inline'" not in script, f"the policy allows inline scripts: {policy!r}"
    try:
        logs = driver.get_log("browser")
    except Exception:  # not every driver offers the console log
        logs = []
    csp_errors = [entry["message"] for entry in logs if "Content Security Policy" in entry.get("message", "")]
    assert not csp_errors, f"the console reports CSP errors: {csp_errors[:3]}"
    js(driver, """
        window.__inlineRan = 0; window.__violations = [];
        document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.effectiveDirective));
        const s = document.createElement("script"); s.textContent = "window.__inlineRan = 1"; document.head.appendChild(s);""")
    poll(lambda: js(driver, "return window.__violations.length > 0"), 3, "a CSP violation for an inline script")
    assert js(driver, "return window.__inlineRan") == 0, "an injected inline script ran despite the policy"


def overview_matches_api(ctx):
    driver = ctx.open("/ui")

    def mismatches():
        rows = js(driver, """return Object.fromEntries(Array.from(document.querySelectorAll('tr[data-queue]'),
            r => [r.dataset.queue, Array.from(r.querySelectorAll('td'), td => td.textContent.trim())]));""")
        problems = []
        for queue in ctx.api("GET", "/v1/queues")["queues"]:
            cells = rows.get(queue["name"])
            if cells is None:
                problems.append(f"no tr[data-queue={queue['name']!r}] on the overview")
            elif not cells or cells[0].replace(",", "") != str(queue["pending"]):
                problems.append(f"queue {queue['name']}: pending cell {cells[:1]}, API {queue['pending']}")
        return problems
    settle(mismatches, timeout=5)  # the page and the API are read at slightly different moments


def pages_match_api(ctx):
    job_id = ctx.submit("echo", message="pages_match_api")
    ctx.wait_state(job_id, "succeeded", 10)
    driver = ctx.open(f"/ui/jobs/{job_id}")
    assert job_id in (text_of(driver, ".job-summary") or ""), f"the job page's summary does not show the id {job_id}"
    badge = text_of(driver, ".job-summary span.badge")
    assert badge == "succeeded", f"the job page's state badge is {badge!r}, the API says succeeded"

    api_ids = [job["id"] for job in ctx.api("GET", "/v1/jobs?limit=20")["jobs"]]
    ctx.open("/ui/jobs")
    shown = js(driver, "return Array.from(document.querySelectorAll('tr[data-job]'), r => r.dataset.job);")
    missing = [i for i in api_ids if i not in shown]
    assert not missing, f"/ui/jobs lacks {len(missing)} of the API's 20 newest jobs, e.g. {missing[:3]}"
    assert len(shown) <= 50, f"/ui/jobs shows {len(shown)} rows, more than a page of 50"

    tasks = ctx.api("GET", "/v1/tasks")["tasks"]
    ctx.open("/ui/tasks")
    for task in tasks:
        text = text_of(driver, f"section#task-{task['name']}")
        assert text is not None, f"/ui/tasks has no section#task-{task['name']}"
        assert f"v{task['version']}" in text, f"section#task-{task['name']} does not mention v{task['version']}"

    schedule_ids = [schedule["id"] for task in tasks for schedule in task.get("schedules") or []]
    if schedule_ids:
        ctx.open("/ui/schedules")
        missing = [s for s in schedule_ids if s not in text_of(driver, "div#live")]
        assert not missing, f"/ui/schedules does not show the schedules {missing}"


def live_new_job(ctx):
    driver = ctx.open("/ui/jobs")
    js(driver, "window.__noReload = 1;")
    job_id = ctx.submit("echo", message="live_new_job")
    WebDriverWait(driver, 2, poll_frequency=0.1).until(
        present(f'tr[data-job="{job_id}"]'), f"the new job {job_id} did not appear on /ui/jobs within 2 s")
    assert js(driver, "return window.__noReload;") == 1, "the page reloaded instead of updating in place"


def live_resumes_after_a_drop(ctx):
    """The server closes each stream after its lifetime (3 s in this run, like a dropped connection);
    the page reopens it by itself and keeps updating without a reload."""
    driver = ctx.open("/ui/jobs")
    js(driver, "window.__noReload = 1;")
    opens = lambda: int(js(driver, "return document.body.dataset.streamOpens || '0';"))
    wait(driver, 5).until(lambda _: opens() >= 1, "the live stream never opened")
    first = opens()
    wait(driver, 10).until(lambda _: opens() > first, "the live stream was not reopened after the server closed it")
    job_id = ctx.submit("echo", message="live_resumes_after_a_drop")
    WebDriverWait(driver, 2, poll_frequency=0.1).until(
        present(f'tr[data-job="{job_id}"]'), f"the new job {job_id} did not appear within 2 s on a reopened stream")
    assert js(driver, "return window.__noReload;") == 1, "the page reloaded instead of reopening its stream"


def live_progress(ctx):
    job_id = ctx.submit("sleep", seconds=6)
    driver = ctx.open(f"/ui/jobs/{job_id}")
    js(driver, "window.__noReload = 1;")

    def progress():
        return float(js(driver, "return document.querySelector('.job-summary progress')?.getAttribute('value') || 0;"))
    first = wait(driver, 8).until(lambda _: (p := progress()) > 0 and p, "the job page's progress never rose above 0")
    later = wait(driver, 5).until(lambda _: (p := progress()) > first and p, f"the progress stayed at {first} for 5 s")
    assert js(driver, "return window.__noReload;") == 1, "the job page reloaded instead of updating in place"
    assert later <= 100, f"progress {later} is above 100"


def pause_holds_queue(ctx):
    driver = ctx.open("/ui")
    row = 'tr[data-queue="default"]'
    try:
        click_button(driver, f"{row} button", "Pause")
        wait(driver, 5).until(present(f"{row} span.badge.paused"), "the default row shows no paused badge after Pause")
        assert ctx.queue("default")["paused"], "GET /v1/queues says default is not paused after Pause"
        echo = ctx.submit("echo", message="held")
        search = ctx.submit("search", query="swift")
        poll(lambda: (job := ctx.job(search))["state"] != "pending" or job["attempt"] >= 1, 15,
             "a worker to claim the search job on queue io")
        state = ctx.job(echo)["state"]
        assert state == "pending", f"the echo job on the paused queue default is {state}, not pending"
        click_button(driver, f"{row} button", "Resume")
        ctx.wait_state(echo, "succeeded", 10)
    finally:
        ctx.set_paused("default", False)


def bulk_cancel_matching(ctx):
    sleeps = []
    try:
        ctx.set_paused("default", True)
        sleeps += [ctx.submit("sleep", seconds=30) for _ in range(4)]
        echoes = [ctx.submit("echo", message=f"bystander {n}") for n in range(2)]
        pending = ctx.api("GET", "/v1/jobs?task=sleep&state=pending&limit=100")["jobs"]
        assert set(sleeps) <= {job["id"] for job in pending}, "the new sleep jobs are not all pending"
        expected = f"{len(pending):,}"
        driver = ctx.open("/ui/jobs?task=sleep&state=pending")

        def click_cancel_matching(d):
            """The button's label once it is clicked; tried again when a live update replaced the form."""
            buttons = d.find_elements(By.CSS_SELECTOR, "form#matching button#cancel-matching")
            if not buttons:
                return False
            label = buttons[0].text
            buttons[0].click()
            return label or True
        label = wait(driver, 5).until(click_cancel_matching,
                                      "no form#matching with button#cancel-matching on /ui/jobs?task=sleep&state=pending")
        assert expected in str(label).split(), f"{label!r} does not state the {expected} pending sleep jobs"
        question = accept_confirm(driver, "clicking #cancel-matching")
        assert expected in question.split(), f"the confirmation {question!r} does not state the count {expected}"
        wait(driver).until(present("p.notice"), "no notice after the action")
        settle(lambda: [f"sleep job {i} is {s}" for i in sleeps if (s := ctx.job(i)["state"]) != "cancelled"], 5)
        states = {i: ctx.job(i)["state"] for i in echoes}
        assert all(s == "pending" for s in states.values()), f"echo jobs outside the filter changed: {states}"
    finally:
        ctx.cancel_leftovers(sleeps)  # four 30 s sleeps would hold every slot of default
        ctx.set_paused("default", False)


def bulk_cancel_selected(ctx):
    try:
        ctx.set_paused("default", True)
        jobs = [ctx.submit("echo", message=f"selected {n}") for n in range(3)]
        driver = ctx.open("/ui/jobs?task=echo&state=pending")
        for job_id in jobs[:2]:
            box = f'input[type=checkbox][name=id][value="{job_id}"]'
            wait(driver, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, box).click() or True, f"no {box}")
        ticked = js(driver, "return Array.from(document.querySelectorAll('input[name=id]:checked'), b => b.value);")
        assert sorted(ticked) == sorted(jobs[:2]), f"ticked {ticked}, meant {jobs[:2]}"
        click_button(driver, "form#bulk button", "Cancel selected")
        question = accept_confirm(driver, "clicking 'Cancel selected'")
        assert question == "Cancel 2 jobs?", f"the confirmation is {question!r}, not 'Cancel 2 jobs?'"
        wait(driver).until(present("p.notice"), "no notice after the action")
        settle(lambda: [f"job {i} is {s}" for i in jobs[:2] if (s := ctx.job(i)["state"]) != "cancelled"], 5)
        third = ctx.job(jobs[2])["state"]
        assert third == "pending", f"the job left unticked is {third}, not pending"
    finally:
        ctx.set_paused("default", False)


def read_only_token(ctx):
    driver = new_driver()
    try:
        sign_in_with(driver, ctx.base, ctx.read_token)
        job_path = next(path for name, path, _ in ctx.pages() if name == "job")
        for path in ("/ui/jobs", job_path, "/ui"):
            ctx.open(path, ready="main", driver=driver)
            found = js(driver, "return document.querySelectorAll('form[action*=\"/actions/\"], #bulk').length;")
            assert found == 0, f"{path} shows {found} action forms to a read-only session"
        csrf = text_of(driver, "input[name=csrf]", "value")
        assert csrf, "the overview has no csrf field for the read-only session"
        status, body = post_from_page(driver, "/ui/actions/queues/pause", f"queue=default&csrf={quote(csrf, safe='')}")
        assert status == 403, f"a read-only session's pause answered {status}, not 403: {body[:200]}"
        assert not ctx.queue("default")["paused"], "the read-only session paused queue default"
    finally:
        driver.quit()
        ctx.set_paused("default", False)


def csrf_required(ctx):
    driver = ctx.open("/ui")
    csrf = text_of(driver, "input[name=csrf]", "value")
    assert csrf, "the overview has no csrf field"
    wrong = ("A" if csrf[0] != "A" else "B") + csrf[1:]
    try:
        for what, body in (("no csrf", "queue=default"), ("a wrong csrf", f"queue=default&csrf={quote(wrong, safe='')}")):
            status, text = post_from_page(driver, "/ui/actions/queues/pause", body)
            assert status == 403, f"a pause with {what} answered {status}, not 403: {text[:200]}"
            assert not ctx.queue("default")["paused"], f"a pause with {what} paused queue default"
        # The control: the same request with the page's token is accepted, so the 403s were the CSRF check.
        status, text = post_from_page(driver, "/ui/actions/queues/pause", f"queue=default&csrf={quote(csrf, safe='')}")
        assert status in (0, 303), f"a pause with the page's csrf answered {status}: {text[:200]}"
        assert ctx.queue("default")["paused"], "a pause with the page's csrf did not pause default"
    finally:
        ctx.set_paused("default", False)


AXE_RUN = """
    const done = arguments[arguments.length - 1];
    axe.run(document).then(
        r => done(r.violations.map(v => ({id: v.id, impact: v.impact, target: v.nodes.length ? v.nodes[0].target : []}))),
        e => done({error: String(e)}));
"""


def axe_no_serious_violations(ctx):
    spec = importlib.util.find_spec("axe_playwright_python")
    path = os.path.join(spec.submodule_search_locations[0], "axe.min.js") if spec else None
    assert path and os.path.isfile(path), f"axe-core's axe.min.js is missing (looked for {path})"
    with open(path, encoding="utf-8") as file:
        source = file.read()
    problems = []

    def audit(name, scheme):
        ctx.driver.execute_script(source)
        result = ctx.driver.execute_async_script(AXE_RUN)
        if isinstance(result, dict):
            problems.append(f"{name} ({scheme}): axe failed: {result['error']}")
        else:
            problems.extend(f"{name} ({scheme}): {v['id']} ({v['impact']}) at {v['target']}"
                            for v in result if v["impact"] in ("serious", "critical"))
    ctx.visit_pages(audit)
    assert not problems, "; ".join(problems)


def screenshots(ctx):
    os.makedirs(ctx.shots, exist_ok=True)
    files = []

    def shoot(name, scheme):
        files.append(os.path.join(ctx.shots, f"{ctx.label}-{name}-{scheme}.png"))
        ctx.driver.save_screenshot(files[-1])
    ctx.visit_pages(shoot)
    metrics = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
    ctx.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    try:
        ctx.open("/ui")
        shoot("overview", "phone")
    finally:
        ctx.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    bad = [f for f in files if not os.path.isfile(f) or os.path.getsize(f) == 0]
    assert not bad, f"missing or empty screenshots: {bad}"


CHECKS = [sign_in, overview_matches_api, pages_match_api, live_new_job, live_resumes_after_a_drop, live_progress, pause_holds_queue,
          bulk_cancel_matching, bulk_cancel_selected, read_only_token, csrf_required, axe_no_serious_violations,
          screenshots]


def describe(error):
    text = error.msg if isinstance(error, WebDriverException) and error.msg else str(error)
    text = " ".join(text.split("Stacktrace:")[0].split())
    return text if isinstance(error, AssertionError) else f"{type(error).__name__}: {text}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for option in ("--base-url", "--admin-token", "--read-token", "--screenshots", "--label"):
        parser.add_argument(option, required=True)
    ctx = Context(parser.parse_args())
    failed = []
    try:
        for check in CHECKS:
            began = time.monotonic()
            try:
                check(ctx)
                print(f"PASS {check.__name__} ({time.monotonic() - began:.1f} s)", flush=True)
            except Exception as error:  # a failing check must not stop the others
                failed.append(check.__name__)
                print(f"FAIL {check.__name__}: {describe(error)}", flush=True)
                ctx.reset()
    finally:
        ctx.reset()
    print(f"\n{len(CHECKS) - len(failed)} of {len(CHECKS)} checks passed" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
