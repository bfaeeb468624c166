"""The run-times inside SCORM 1.2 and cmi5 packages, exercised in headless Chromium (Debian) through Selenium.

SCORM 1.2: no SCORM 1.2 run-time API that enforces the RTE rules could be installed here (the PyPI packages that
ship one — scormhost, wagtail-lms, openedx-scorm-xblock — accept any call in any order), so STRICT_LMS_PAGE below
is this test's own strict LMS: a SCORM 1.2 `API` that enforces call order (101, 301), argument rules (201), the
data-model element names and keywords (401, 402, 202, 203), read-only and write-only elements (403, 404), the
vocabularies, score range, CMIString255/4096 lengths and the CMITimespan format (405), and logs every call. The
package is served from 127.0.0.1 and launched in a frame of that page, as an LMS does.

cmi5: the AU is launched with the cmi5 query parameters against a real Learning Record Store, ralph (PyPI
`ralph-malph`), started on 127.0.0.1 for this module and stopped in its teardown. ralph has no State API, so this
test's launcher plays the LMS: it answers the `fetch` URL once with an auth token, serves `LMS.LaunchData`, and
passes the AU's statements on to ralph (same origin, so the browser needs no CORS); any statement ralph refuses
fails the test. The statements are then read back from ralph and checked against the cmi5 rules.

Every server and browser started here is stopped here, also when a test fails.
"""
import base64
import http.server
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import xml.etree.ElementTree as ET
import zipfile

import pytest

from conftest import IS_CI, run_waymark

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "SampleCaptures" / "reset-password.json"
NO_QUIZ_ID = "read-only-guide"
CMI5_NS = "{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}"
CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
MASTERY_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
LRS_USER, LRS_PASSWORD = "lms", "secret"
TIMESPAN = re.compile(r"^\d{4}:[0-5]\d:[0-5]\d\.\d\d$")


# MARK: - Packages under test


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> pathlib.Path:
    """reset-password (a guide with a five-question check) and a three-step guide without one, both packaged."""
    folder = tmp_path_factory.mktemp("runtime")
    captures = folder / "captures"
    captures.mkdir()
    shutil.copy(SAMPLE, captures / SAMPLE.name)
    shutil.copytree(SAMPLE.parent / "images" / "reset-password", captures / "images" / "reset-password")
    (captures / f"{NO_QUIZ_ID}.json").write_text(json.dumps({
        "waymark": 1, "id": NO_QUIZ_ID, "title": "Read the meter \"now\" & <report>",
        "steps": [{"action": "navigate", "url": "https://meter.example/"},
                  {"action": "type", "target": {"label": "Reading"}, "value": "4711"},
                  {"action": "click", "target": {"label": "Report"}}]}))
    result = run_waymark("build", "captures", "--out", "out", "--package", "scorm12", "--package", "cmi5", cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    for package in (folder / "out").glob("*/*.zip"):
        with zipfile.ZipFile(package) as archive:
            archive.extractall(folder / "serve" / package.stem)
    return folder / "serve"


def answer_key(package: pathlib.Path) -> list:
    page = (package / "guide.html").read_text()
    data = re.search(r'<script type="application/json" id="wm-course-data">(.*?)</script>', page).group(1)
    return json.loads(data)["answers"]


# MARK: - Browser and servers


@pytest.fixture(scope="module")
def driver():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("selenium is not installed; `make test` installs it (Makefile PIP_TEST)")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if browser is None or chromedriver is None:
        pytest.fail("chromium and chromium-driver are required"
                    + (" under CI" if IS_CI else "") + "; `make test` installs them (Makefile APT_TEST)")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking",
                     "--window-size=1280,800",
                     # Only loopback: every other host name fails to resolve.
                     "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    session = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    session.set_script_timeout(30)
    try:
        yield session
    finally:
        session.quit()


class Server:
    """A ThreadingHTTPServer on 127.0.0.1 with a free port, run in a thread; `stop` shuts it down."""

    def __init__(self, handler):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def wait_for(condition, timeout=20, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {message}")


READ_STEPS_JS = """
const [first, last, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const steps = Array.from(document.querySelectorAll('li.wm-step')).slice(first - 1, last);
let index = 0;
function next() {
    if (index >= steps.length) { setTimeout(() => done(steps.length), 50); return; }
    steps[index++].scrollIntoView({block: 'center'});
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(next, 20)));
}
next();
"""


def read_steps(driver, first=1, last=999):
    return driver.execute_async_script(READ_STEPS_JS, first, last)


def answer_quiz(driver, choices):
    """Clicks each answer as a learner would (keyboard-focusable radios, labelled), then submits."""
    from selenium.webdriver.common.by import By
    for number, letter in enumerate(choices, start=1):
        radio = driver.find_element(By.ID, f"wm-q{number}-{letter}")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", radio)
        label = driver.find_element(By.CSS_SELECTOR, f"label[for='wm-q{number}-{letter}']")
        label.click()
        assert radio.is_selected()
    driver.find_element(By.CSS_SELECTOR, "button.wm-quiz-submit").click()
    return driver.find_element(By.CSS_SELECTOR, ".wm-course-result").text


def wrong(key):
    return ["a" if letter != "a" else "b" for letter in key]


def page_warnings(driver):
    """Console errors and warnings of the page (the test servers have no favicon; browsers ask anyway)."""
    return [entry["message"] for entry in driver.get_log("browser")
            if entry.get("level") in ("SEVERE", "WARNING") and "/favicon.ico" not in entry["message"]]


# MARK: - SCORM 1.2

STRICT_LMS_PAGE = r"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strict SCORM 1.2 LMS</title>
<style>html, body { margin: 0; height: 100%; } iframe { border: 0; width: 100%; height: 100%; display: block; }</style>
</head><body><iframe title="Lesson" id="sco"></iframe>
<script>
"use strict";
/* A strict SCORM 1.2 run-time environment for the tests (see the module docstring). */
const ERRORS = {"0": "No error", "101": "General exception", "201": "Invalid argument error",
  "202": "Element cannot have children", "203": "Element not an array - cannot have count",
  "301": "Not initialized", "401": "Not implemented error", "402": "Invalid set value, element is a keyword",
  "403": "Element is read only", "404": "Element is write only", "405": "Incorrect data type"};
const decimal = v => /^-?\d+(\.\d+)?$/.test(v);
const score = v => v === "" || (decimal(v) && Number(v) >= 0 && Number(v) <= 100);
const timespan = v => {
  const m = /^(\d{2,4}):(\d{2}):(\d{2})(\.\d{1,2})?$/.exec(v);
  return !!m && Number(m[2]) < 60 && Number(m[3]) < 60;
};
const string = max => v => v.length <= max;
const vocabulary = words => v => words.includes(v);
/* element: [access, check for values set] */
const MODEL = {
  "cmi.core._children": ["keyword"], "cmi.core.student_id": ["ro"], "cmi.core.student_name": ["ro"],
  "cmi.core.lesson_location": ["rw", string(255)], "cmi.core.credit": ["ro"],
  "cmi.core.lesson_status": ["rw", vocabulary(["passed", "completed", "failed", "incomplete", "browsed"])],
  "cmi.core.entry": ["ro"], "cmi.core.score._children": ["keyword"], "cmi.core.score.raw": ["rw", score],
  "cmi.core.score.min": ["rw", score], "cmi.core.score.max": ["rw", score], "cmi.core.total_time": ["ro"],
  "cmi.core.lesson_mode": ["ro"], "cmi.core.exit": ["wo", vocabulary(["time-out", "suspend", "logout", ""])],
  "cmi.core.session_time": ["wo", timespan], "cmi.suspend_data": ["rw", string(4096)], "cmi.launch_data": ["ro"],
  "cmi.comments": ["rw", string(4096)], "cmi.comments_from_lms": ["ro"], "cmi.student_data._children": ["keyword"],
  "cmi.student_data.mastery_score": ["ro"], "cmi.student_data.max_time_allowed": ["ro"],
  "cmi.student_data.time_limit_action": ["ro"], "cmi.objectives._count": ["count"],
  "cmi.interactions._count": ["count"], "cmi._version": ["keyword"]};
const CHILDREN = {"cmi.core._children": "student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time",
  "cmi.core.score._children": "raw,min,max", "cmi.student_data._children": "mastery_score,max_time_allowed,time_limit_action",
  "cmi._version": "3.4"};
window.startLMS = function (initial, src) {
  const data = Object.assign({
    "cmi.core.student_id": "learner-1", "cmi.core.student_name": "Learner, One", "cmi.core.lesson_location": "",
    "cmi.core.credit": "credit", "cmi.core.lesson_status": "not attempted", "cmi.core.entry": "ab-initio",
    "cmi.core.score.raw": "", "cmi.core.score.min": "", "cmi.core.score.max": "", "cmi.core.total_time": "0000:00:00.00",
    "cmi.core.lesson_mode": "normal", "cmi.core.exit": "", "cmi.core.session_time": "", "cmi.suspend_data": "",
    "cmi.launch_data": "", "cmi.comments": "", "cmi.comments_from_lms": "", "cmi.student_data.mastery_score": "",
    "cmi.student_data.max_time_allowed": "", "cmi.student_data.time_limit_action": "continue,no message",
    "cmi.objectives._count": "0", "cmi.interactions._count": "0"}, initial || {});
  const state = {phase: "new", error: "0", diagnostic: ""};
  const calls = [];
  window.lms = {data: data, calls: calls, state: state};
  function done(name, args, result, error, diagnostic) {
    state.error = error;
    state.diagnostic = diagnostic || "";
    calls.push({name: name, args: args, result: result, error: error, phase: state.phase});
    return result;
  }
  function running(name, args, failValue) {
    if (state.phase !== "running") { done(name, args, failValue, "301", "called outside LMSInitialize … LMSFinish"); return false; }
    return true;
  }
  function element(name) {
    if (typeof name !== "string" || !name.startsWith("cmi.")) { return ["201", null]; }
    if (name.endsWith("._children")) { return MODEL[name] ? ["0", MODEL[name]] : ["202", null]; }
    if (name.endsWith("._count")) { return MODEL[name] ? ["0", MODEL[name]] : ["203", null]; }
    return MODEL[name] ? ["0", MODEL[name]] : ["401", null];
  }
  window.API = {
    LMSInitialize(arg) {
      if (arg !== "") { return done("LMSInitialize", [arg], "false", "201", "the argument must be \"\""); }
      if (state.phase !== "new") { return done("LMSInitialize", [arg], "false", "101", "already initialized in this launch"); }
      state.phase = "running";
      return done("LMSInitialize", [arg], "true", "0");
    },
    LMSFinish(arg) {
      if (!running("LMSFinish", [arg], "false")) { return "false"; }
      if (arg !== "") { return done("LMSFinish", [arg], "false", "201", "the argument must be \"\""); }
      state.phase = "finished";
      return done("LMSFinish", [arg], "true", "0");
    },
    LMSCommit(arg) {
      if (!running("LMSCommit", [arg], "false")) { return "false"; }
      if (arg !== "") { return done("LMSCommit", [arg], "false", "201", "the argument must be \"\""); }
      window.lms.committed = JSON.parse(JSON.stringify(data));
      return done("LMSCommit", [arg], "true", "0");
    },
    LMSGetValue(name) {
      if (!running("LMSGetValue", [name], "")) { return ""; }
      const [error, spec] = element(name);
      if (error !== "0") { return done("LMSGetValue", [name], "", error, "unknown or unsupported element"); }
      if (spec[0] === "wo") { return done("LMSGetValue", [name], "", "404", "write-only element"); }
      if (spec[0] === "keyword") { return done("LMSGetValue", [name], CHILDREN[name], "0"); }
      return done("LMSGetValue", [name], data[name], "0");
    },
    LMSSetValue(name, value) {
      if (!running("LMSSetValue", [name, value], "false")) { return "false"; }
      const [error, spec] = element(name);
      if (error !== "0") { return done("LMSSetValue", [name, value], "false", error, "unknown or unsupported element"); }
      if (spec[0] === "keyword" || spec[0] === "count") { return done("LMSSetValue", [name, value], "false", "402", "keyword"); }
      if (spec[0] === "ro") { return done("LMSSetValue", [name, value], "false", "403", "read-only element"); }
      if (typeof value !== "string") { return done("LMSSetValue", [name, value], "false", "405", "values are strings"); }
      if (!spec[1](value)) { return done("LMSSetValue", [name, value], "false", "405", "not a valid " + name); }
      data[name] = value;
      return done("LMSSetValue", [name, value], "true", "0");
    },
    LMSGetLastError() { return state.error; },
    LMSGetErrorString(code) { return ERRORS[String(code)] || ""; },
    LMSGetDiagnostic(code) { return state.diagnostic; }
  };
  document.getElementById("sco").src = src;
};
</script></body></html>
"""


@pytest.fixture(scope="module")
def lms_server(packages):
    (packages / "lms.html").write_text(STRICT_LMS_PAGE)

    class Handler(QuietHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(packages), **kwargs)

    server = Server(Handler)
    try:
        yield server
    finally:
        server.stop()


class ScormLaunch:
    """One launch of a SCO in the strict LMS page: the test switches into the lesson's frame to read and answer."""
    count = 0

    def __init__(self, driver, server, package, initial=None):
        self.driver = driver
        driver.switch_to.default_content()
        # A new address per launch: reloading the same page would let the browser restore the old frame's state.
        ScormLaunch.count += 1
        driver.get(f"{server.url}/lms.html?launch={ScormLaunch.count}")
        driver.get_log("browser")
        driver.execute_script("startLMS(arguments[0], arguments[1])", initial or {}, f"{package}/guide.html")
        wait_for(lambda: driver.execute_script(
            "const f = document.getElementById('sco'); return f.contentDocument && f.contentDocument.readyState === 'complete'"
            " && !!f.contentWindow.WaymarkCourse"), message="the SCO to load")
        driver.switch_to.frame(driver.find_element("id", "sco"))

    def leave(self):
        """The LMS closes the lesson (unloads its frame), as when a learner exits; returns the calls and data."""
        self.driver.switch_to.default_content()
        self.driver.execute_script("document.getElementById('sco').src = 'about:blank'")
        wait_for(lambda: self.driver.execute_script("return window.lms.state.phase === 'finished'"),
                 message="LMSFinish")
        return self.driver.execute_script("return window.lms")


def assert_clean_session(lms):
    calls = lms["calls"]
    failed = [c for c in calls if c["error"] != "0"]
    assert failed == [], f"calls the strict LMS refused: {failed}"
    assert calls[0]["name"] == "LMSInitialize" and calls[-1]["name"] == "LMSFinish"
    names = [c["name"] for c in calls]
    assert names.count("LMSInitialize") == 1 and names.count("LMSFinish") == 1
    assert calls[-2]["name"] == "LMSCommit"
    assert TIMESPAN.match(lms["data"]["cmi.core.session_time"]), lms["data"]["cmi.core.session_time"]


def sets(lms):
    return [(c["args"][0], c["args"][1]) for c in lms["calls"] if c["name"] == "LMSSetValue"]


def test_strict_lms_enforces_the_scorm_rules(driver, lms_server, packages):
    """The strict API itself: the codes a conformant LMS returns for calls a SCO must never make."""
    driver.switch_to.default_content()
    driver.get(f"{lms_server.url}/lms.html")
    codes = driver.execute_script("""
        startLMS({}, 'about:blank');
        const api = window.API, out = [];
        const probe = (f) => { f(); out.push(api.LMSGetLastError()); };
        probe(() => api.LMSSetValue('cmi.core.lesson_status', 'passed'));      // 301 before initialize
        probe(() => api.LMSInitialize('x'));                                   // 201
        probe(() => api.LMSInitialize(''));                                    // 0
        probe(() => api.LMSInitialize(''));                                    // 101
        probe(() => api.LMSSetValue('cmi.core.student_id', 'me'));            // 403
        probe(() => api.LMSGetValue('cmi.core.exit'));                         // 404
        probe(() => api.LMSSetValue('cmi.core.lesson_status', 'not attempted'));  // 405
        probe(() => api.LMSSetValue('cmi.core.session_time', '1:2:3'));        // 405
        probe(() => api.LMSSetValue('cmi.core.score.raw', '101'));             // 405
        probe(() => api.LMSSetValue('cmi.core._children', 'x'));               // 402
        probe(() => api.LMSGetValue('cmi.core.lesson_status._children'));      // 202
        probe(() => api.LMSGetValue('cmi.core.nonsense'));                     // 401
        probe(() => api.LMSSetValue('cmi.suspend_data', 'x'.repeat(4097)));    // 405
        probe(() => api.LMSFinish(''));                                        // 0
        probe(() => api.LMSCommit(''));                                        // 301 after finish
        return out;
    """)
    assert codes == ["301", "201", "0", "101", "403", "404", "405", "405", "405", "402", "202", "401", "405", "0",
                     "301"]


def test_scorm_read_and_pass(driver, lms_server, packages):
    package = "reset-password-scorm12"
    key = answer_key(packages / package)
    launch = ScormLaunch(driver, lms_server, package)
    read_steps(driver)
    result = answer_quiz(driver, key)
    assert "You answered 5 of 5 questions correctly (100%). You passed" in result
    assert driver.find_element("css selector", ".wm-quiz-retry").is_displayed() is False
    warnings = page_warnings(driver)
    lms = launch.leave()
    assert warnings == []
    assert_clean_session(lms)
    reads = [c["args"][0] for c in lms["calls"] if c["name"] == "LMSGetValue"]
    assert {"cmi.core.entry", "cmi.core.lesson_status", "cmi.student_data.mastery_score"} <= set(reads)
    assert "cmi.core.lesson_location" not in reads  # a first launch (ab-initio) does not resume
    values = sets(lms)
    assert values[0] == ("cmi.core.lesson_status", "incomplete")
    status_index = values.index(("cmi.core.lesson_status", "passed"))
    assert values[status_index - 3:status_index] == [
        ("cmi.core.score.min", "0"), ("cmi.core.score.max", "100"), ("cmi.core.score.raw", "100")]
    data = lms["data"]
    assert data["cmi.core.lesson_status"] == "passed" and data["cmi.core.exit"] == ""
    assert json.loads(data["cmi.suspend_data"])["seen"] == "1" * 11
    assert re.fullmatch(r"step-\d+", data["cmi.core.lesson_location"])
    # The result was committed as soon as it was known, not only at the end.
    commits = [i for i, c in enumerate(lms["calls"]) if c["name"] == "LMSCommit"]
    assert commits[0] > lms["calls"].index(next(c for c in lms["calls"] if c["args"][:2] == ["cmi.core.lesson_status", "passed"]))


def test_scorm_suspend_then_resume_and_fail(driver, lms_server, packages):
    package = "reset-password-scorm12"
    key = answer_key(packages / package)
    launch = ScormLaunch(driver, lms_server, package)
    read_steps(driver, 1, 4)
    first = launch.leave()
    assert_clean_session(first)
    data = first["data"]
    assert data["cmi.core.lesson_status"] == "incomplete"
    assert data["cmi.core.exit"] == "suspend"
    seen = json.loads(data["cmi.suspend_data"])["seen"]
    assert seen[:4] == "1111" and "0" in seen
    location = data["cmi.core.lesson_location"]
    assert re.fullmatch(r"step-[1-4]", location), location

    # The LMS resumes the attempt with what it stored.
    initial = {"cmi.core.entry": "resume", "cmi.core.lesson_status": "incomplete",
               "cmi.core.lesson_location": location, "cmi.suspend_data": data["cmi.suspend_data"]}
    launch = ScormLaunch(driver, lms_server, package, initial)
    top = driver.execute_script(f"return document.getElementById('{location}').getBoundingClientRect().top")
    assert -2 <= top <= 80, f"the lesson did not open at {location} (its top is at {top} px)"
    read_steps(driver, int(location.split("-")[1]), 11)
    result = answer_quiz(driver, wrong(key))
    assert "You answered 0 of 5 questions correctly (0%). You need 80% to pass." in result
    feedback = driver.find_element("css selector", "#wm-question-1 .wm-quiz-feedback").text
    assert feedback.startswith("Not quite. The answer is:")
    second = launch.leave()
    assert_clean_session(second)
    reads = [c["args"][0] for c in second["calls"] if c["name"] == "LMSGetValue"]
    assert "cmi.core.lesson_location" in reads and "cmi.suspend_data" in reads
    assert ("cmi.core.lesson_status", "incomplete") not in sets(second)  # status was already incomplete
    data = second["data"]
    assert (data["cmi.core.lesson_status"], data["cmi.core.score.raw"], data["cmi.core.exit"]) == ("failed", "0", "")
    # Steps seen in the first session count: all are seen now although this session started further down.
    assert json.loads(data["cmi.suspend_data"])["seen"] == "1" * 11


def test_scorm_mastery_score_of_the_lms_wins(driver, lms_server, packages):
    package = "reset-password-scorm12"
    key = answer_key(packages / package)
    launch = ScormLaunch(driver, lms_server, package, {"cmi.student_data.mastery_score": "100"})
    read_steps(driver)
    answers = list(key)
    answers[0] = wrong(key)[0]
    assert "(80%). You need 100% to pass." in answer_quiz(driver, answers)
    lms = launch.leave()
    assert_clean_session(lms)
    assert (lms["data"]["cmi.core.lesson_status"], lms["data"]["cmi.core.score.raw"]) == ("failed", "80")


def test_scorm_guide_without_quiz_completes_when_read(driver, lms_server, packages):
    launch = ScormLaunch(driver, lms_server, f"{NO_QUIZ_ID}-scorm12")
    assert driver.find_elements("css selector", "form.wm-quiz") == []
    read_steps(driver)
    lms = launch.leave()
    assert_clean_session(lms)
    assert ("cmi.core.lesson_status", "completed") in sets(lms)
    assert not any(name.startswith("cmi.core.score") for name, _ in sets(lms))
    assert (lms["data"]["cmi.core.lesson_status"], lms["data"]["cmi.core.exit"]) == ("completed", "")


def test_outside_an_lms_the_page_is_a_guide_with_a_working_quiz(driver, lms_server, packages):
    package = "reset-password-scorm12"
    key = answer_key(packages / package)
    driver.switch_to.default_content()
    driver.get(f"{lms_server.url}/{package}/guide.html")
    driver.get_log("browser")
    submit = driver.find_element("css selector", "button.wm-quiz-submit")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", submit)
    submit.click()
    assert "no answer yet" in driver.find_element("css selector", ".wm-course-result").text
    assert driver.switch_to.active_element.get_attribute("id") == "wm-q1-a"  # focus moves to the first gap
    assert "You answered 5 of 5" in answer_quiz(driver, key)
    assert not driver.find_element("css selector", "button.wm-quiz-submit").is_enabled()  # scored: nothing to submit
    retry = driver.find_element("css selector", ".wm-quiz-retry")
    assert retry.is_displayed()  # without an LMS a learner may try again
    retry.click()
    assert driver.find_element("css selector", ".wm-course-result").text == ""
    assert page_warnings(driver) == []
    # Keyboard only: Tab reaches the first group, arrow keys choose, Tab on to the next group, Enter submits.
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    driver.execute_script("document.getElementById('wm-q1-a').focus()")
    keys = ActionChains(driver)
    for number, letter in enumerate(key, start=1):
        keys.send_keys(Keys.SPACE)  # selects the focused (first) option of this group
        keys.send_keys(*[Keys.ARROW_DOWN] * (ord(letter) - ord("a")))
        keys.send_keys(Keys.TAB)
    keys.send_keys(Keys.ENTER)  # focus is on "Check my answers" now
    keys.perform()
    assert "You answered 5 of 5" in driver.find_element("css selector", ".wm-course-result").text
    # Screen-reader structure: each question a fieldset with a legend, each radio labelled.
    structure = driver.execute_script("""
        return Array.from(document.querySelectorAll('fieldset.wm-quiz-question')).map(f => ({
            legend: !!f.querySelector('legend') && f.querySelector('legend').textContent.trim().length > 0,
            radios: Array.from(f.querySelectorAll('input[type=radio]')).map(r => r.labels.length)}));
    """)
    assert all(q["legend"] and q["radios"] == [1, 1, 1, 1] for q in structure), structure


# MARK: - cmi5 against ralph


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LRS:
    """ralph 5.1 on 127.0.0.1 with its file-system backend.

    That backend stores each write in a new file and refuses a second write to the same target ("fs_lrs.jsonl
    already exists"), so one account can send one request. The fixture therefore registers a pool of accounts, each
    with a target of its own, and the launcher sends every statement request with the next account; reading back
    asks every account used. Each statement is still validated and stored by ralph as it arrives.
    """

    POOL = 64

    def __init__(self, url):
        self.url = url
        self.used = 0
        self.lock = threading.Lock()

    @staticmethod
    def credentials(account):
        return base64.b64encode(f"{LRS_USER}{account}:{LRS_PASSWORD}".encode()).decode()

    def request(self, account, path, method="GET", body=None):
        request = urllib.request.Request(self.url + path, method=method, data=body, headers={
            "Authorization": f"Basic {self.credentials(account)}", "X-Experience-API-Version": "1.0.3",
            "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def post(self, body):
        with self.lock:
            self.used += 1
            account = self.used
        assert account <= self.POOL, "more statement requests than LRS accounts"
        return self.request(account, "statements", "POST", body)

    def statements(self, registration):
        found = []
        for account in range(1, self.used + 1):
            status, body = self.request(account, "statements?" + urllib.parse.urlencode(
                {"registration": registration, "limit": 100}))
            assert status == 200, body
            found += json.loads(body)["statements"]
        return found


@pytest.fixture(scope="module")
def lrs(tmp_path_factory):
    """ralph on 127.0.0.1; stopped (the reloader and its server, one process group) in teardown."""
    ralph = shutil.which("ralph")
    if ralph is None:
        pytest.fail("ralph is not installed; `make test` installs ralph-malph[lrs,cli] (Makefile PIP_TEST)")
    home = tmp_path_factory.mktemp("ralph")
    env = dict(os.environ, RALPH_APP_DIR=str(home / "app"), RALPH_RUNSERVER_BACKEND="fs",
               RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH=str(home / "data"),
               RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=str(home / "data"))
    (home / "data").mkdir()
    subprocess.run([ralph, "auth", "-u", f"{LRS_USER}1", "-p", LRS_PASSWORD, "-s", "all", "-M",
                    "mailto:lms@example.org", "-t", "t1", "-w"], env=env, check=True, capture_output=True, cwd=home)
    # The same account (and password hash) again under other names and targets: see `LRS`.
    accounts = json.loads((home / "app" / "auth.json").read_text())
    template = accounts[0]
    accounts = [dict(template, username=f"{LRS_USER}{n}", target=f"t{n}") for n in range(1, LRS.POOL + 1)]
    (home / "app" / "auth.json").write_text(json.dumps(accounts))
    for n in range(1, LRS.POOL + 1):
        (home / "data" / f"t{n}").mkdir()
    port = free_port()
    log = open(home / "ralph.log", "wb")
    # ralph's runserver watches its working folder for changes: run it in its own empty folder.
    process = subprocess.Popen([ralph, "runserver", "-b", "fs", "--host", "127.0.0.1", "--port", str(port)],
                               env=env, stdout=log, stderr=subprocess.STDOUT, cwd=home / "data",
                               start_new_session=True)
    store = LRS(f"http://127.0.0.1:{port}/xAPI/")
    try:
        def ready():
            if process.poll() is not None:
                pytest.fail(f"ralph exited: {(home / 'ralph.log').read_text()}")
            try:
                return store.request(1, "statements?limit=1")[0] == 200
            except OSError:
                return False
        wait_for(ready, timeout=60, message="ralph to start")
        yield store
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
        log.close()


class CMI5Launcher:
    """Plays the LMS for one launch: the fetch URL, LMS.LaunchData, and a pass-through to the LRS."""

    def __init__(self, packages, lrs, package):
        structure = ET.parse(packages / package / "cmi5.xml").getroot()
        au = structure.find(f"{CMI5_NS}au")
        self.course_id = structure.find(f"{CMI5_NS}course").get("id")
        self.activity_id = au.get("id")
        self.launch_path = au.find(f"{CMI5_NS}url").text
        self.registration = str(uuid.uuid4())
        self.session = str(uuid.uuid4())
        self.actor = {"objectType": "Agent", "name": "Learner One",
                      "account": {"homePage": "http://127.0.0.1", "name": f"learner-{self.registration[:8]}"}}
        self.token = base64.b64encode(f"lms-{self.registration[:8]}:launch-token".encode()).decode()
        self.mastery = float(au.get("masteryScore")) if au.get("masteryScore") else None
        self.move_on = au.get("moveOn")
        self.fetches = 0
        self.posted = []     # (statement, status) in the order the AU sent them
        self.problems = []   # requests an LMS would refuse
        launcher = self

        class Handler(QuietHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(packages / package), **kwargs)

            def reply(self, status, body, content_type="application/json"):
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def authorized(self):
                if self.headers.get("Authorization") != f"Basic {launcher.token}":
                    launcher.problems.append(f"{self.command} {self.path} without the fetched token")
                    return False
                if self.headers.get("X-Experience-API-Version") != "1.0.3":
                    launcher.problems.append(f"{self.command} {self.path} without X-Experience-API-Version 1.0.3")
                    return False
                return True

            def do_GET(self):
                parsed = urllib.parse.urlsplit(self.path)
                if parsed.path.startswith("/au/"):
                    self.path = self.path[3:]
                    return super().do_GET()
                if parsed.path == "/favicon.ico":
                    return self.reply(404, {})
                if parsed.path == "/returned":
                    return self.reply(200, b"<!doctype html><title>Back in the LMS</title><p>Back", "text/html")
                if parsed.path == "/xapi/activities/state" and self.authorized():
                    query = dict(urllib.parse.parse_qsl(parsed.query))
                    expected = {"stateId": "LMS.LaunchData", "activityId": launcher.activity_id,
                                "registration": launcher.registration}
                    if any(query.get(k) != v for k, v in expected.items()) or json.loads(query.get("agent", "{}")) != launcher.actor:
                        launcher.problems.append(f"LMS.LaunchData asked for with {query}")
                        return self.reply(404, {})
                    return self.reply(200, launcher.launch_data())
                launcher.problems.append(f"unexpected GET {self.path}")
                return self.reply(404, {})

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                if self.path == "/fetch":
                    launcher.fetches += 1
                    if launcher.fetches > 1:
                        launcher.problems.append("the fetch URL was used twice")
                        return self.reply(200, {"error-code": "1", "error-text": "Already in use"})
                    return self.reply(200, {"auth-token": launcher.token})
                if self.path == "/xapi/statements" and self.authorized():
                    status, answer = lrs.post(body)
                    launcher.posted.append((json.loads(body), status))
                    return self.reply(status, answer)
                launcher.problems.append(f"unexpected POST {self.path}")
                return self.reply(404, {})

        self.server = Server(Handler)

    def launch_data(self):
        data = {"contextTemplate": {
                    "contextActivities": {"grouping": [{"objectType": "Activity", "id": self.course_id}]},
                    "extensions": {SESSION_EXTENSION: self.session}},
                "launchMode": "Normal", "moveOn": self.move_on, "returnURL": f"{self.server.url}/returned"}
        if self.mastery is not None:
            data["masteryScore"] = self.mastery
        return data

    def launch_url(self):
        query = urllib.parse.urlencode({
            "endpoint": f"{self.server.url}/xapi/", "fetch": f"{self.server.url}/fetch",
            "actor": json.dumps(self.actor), "registration": self.registration, "activityId": self.activity_id})
        return f"{self.server.url}/au/{self.launch_path}?{query}"

    def verbs(self):
        return [statement["verb"]["id"].rsplit("/", 1)[1] for statement, _ in self.posted]


@pytest.fixture()
def launcher(packages, lrs, request):
    made = []

    def make(package):
        made.append(CMI5Launcher(packages, lrs, package))
        return made[-1]
    try:
        yield make
    finally:
        for launcher in made:
            launcher.server.stop()


def run_cmi5_lesson(driver, launcher, choices):
    driver.switch_to.default_content()
    driver.get(launcher.launch_url())
    driver.get_log("browser")
    wait_for(lambda: launcher.verbs()[:1] == ["initialized"], message="the initialized statement")
    read_steps(driver)
    wait_for(lambda: "completed" in launcher.verbs(), message="the completed statement")
    if choices is not None:
        answer_quiz(driver, choices)
        wait_for(lambda: {"passed", "failed"} & set(launcher.verbs()), message="passed or failed")
    warnings = page_warnings(driver)
    finish = driver.find_element("css selector", "button.wm-course-finish")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", finish)
    finish.click()
    wait_for(lambda: driver.current_url.endswith("/returned"), message="the return to the LMS")
    time.sleep(0.3)  # anything the page sent while leaving would be recorded by now
    assert warnings == [], "\n".join(warnings)
    assert launcher.problems == []
    assert launcher.fetches == 1
    assert [status for _, status in launcher.posted] == [200] * len(launcher.posted), "the LRS refused statements"


def stored_statements(lrs, launcher):
    stored = {statement["id"]: statement for statement in lrs.statements(launcher.registration)}
    sent = [statement["id"] for statement, _ in launcher.posted]
    assert sorted(stored) == sorted(sent), "the LRS does not hold exactly what the AU sent"
    return [stored[identifier] for identifier in sent]


def check_cmi5_rules(statements, launcher):
    verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in statements]
    assert verbs[0] == "initialized" and verbs[-1] == "terminated" and verbs.count("terminated") == 1
    assert not ({"passed", "failed"} <= set(verbs))
    timestamps = [s["timestamp"] for s in statements]
    assert timestamps == sorted(timestamps)
    for statement in statements:
        verb = statement["verb"]["id"].rsplit("/", 1)[1]
        context = statement["context"]
        assert statement["actor"]["account"] == launcher.actor["account"]
        assert context["registration"] == launcher.registration
        assert context["extensions"][SESSION_EXTENSION] == launcher.session
        assert {"objectType": "Activity", "id": launcher.course_id} in context["contextActivities"]["grouping"]
        categories = [c["id"] for c in context["contextActivities"].get("category", [])]
        if verb == "answered":
            assert CMI5_CATEGORY not in categories  # "cmi5 allowed", not "cmi5 defined"
            continue
        assert statement["object"]["id"] == launcher.activity_id
        assert CMI5_CATEGORY in categories
        assert (MOVEON_CATEGORY in categories) == (verb in ("completed", "passed", "failed"))
        if verb in ("completed", "passed", "failed", "terminated"):
            assert re.fullmatch(r"PT\d+\.\d\dS", statement["result"]["duration"]), statement["result"]
    return verbs


def check_answers(statements, launcher, key, choices):
    answered = [s for s in statements if s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered"]
    assert len(answered) == len(key)
    for number, (statement, right, chosen) in enumerate(zip(answered, key, choices), start=1):
        definition = statement["object"]["definition"]
        assert definition["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
        assert definition["interactionType"] == "choice"
        assert definition["correctResponsesPattern"] == [right]
        ids = [c["id"] for c in definition["choices"]]
        assert len(ids) >= 3 and ids == ["a", "b", "c", "d"][:len(ids)] and right in ids
        assert all(c["description"]["en"] for c in definition["choices"])
        assert re.fullmatch(re.escape(launcher.activity_id) + r"/step-\d+/question-" + str(number), statement["object"]["id"])
        assert statement["result"] == {"success": chosen == right, "response": chosen}
        assert statement["context"]["contextActivities"]["parent"][0]["id"] == launcher.activity_id


def test_cmi5_pass(driver, launcher, lrs, packages):
    package = "reset-password-cmi5"
    key = answer_key(packages / package)
    session = launcher(package)
    run_cmi5_lesson(driver, session, key)
    statements = stored_statements(lrs, session)
    verbs = check_cmi5_rules(statements, session)
    assert verbs == ["initialized", "completed"] + ["answered"] * 5 + ["passed", "terminated"]
    check_answers(statements, session, key, key)
    passed = statements[-2]
    assert passed["result"]["success"] is True
    assert passed["result"]["score"] == {"scaled": 1, "raw": 5, "min": 0, "max": 5}
    assert passed["context"]["extensions"][MASTERY_EXTENSION] == 0.8


def test_cmi5_fail(driver, launcher, lrs, packages):
    package = "reset-password-cmi5"
    key = answer_key(packages / package)
    choices = list(key[:3]) + wrong(key[3:])  # 3 of 5 = 60 % < 80 %
    session = launcher(package)
    run_cmi5_lesson(driver, session, choices)
    statements = stored_statements(lrs, session)
    verbs = check_cmi5_rules(statements, session)
    assert verbs == ["initialized", "completed"] + ["answered"] * 5 + ["failed", "terminated"]
    check_answers(statements, session, key, choices)
    failed = statements[-2]
    assert failed["result"]["success"] is False and failed["result"]["score"]["scaled"] == 0.6


def test_cmi5_guide_without_quiz(driver, launcher, lrs, packages):
    session = launcher(f"{NO_QUIZ_ID}-cmi5")
    run_cmi5_lesson(driver, session, None)
    verbs = check_cmi5_rules(stored_statements(lrs, session), session)
    assert verbs == ["initialized", "completed", "terminated"]
