"""The `replay --check` reports, read by the tools that consume them — the same checks as `check`'s reports:
junitparser, the SARIF 2.1.0 JSON schema (jsonschema), GitLab Code Quality rules and GitHub's workflow-command
escaping. The findings are real: the demo recording (SampleCaptures/replay-demo) replayed in headless Chromium
against the demo site's next release (SampleCaptures/demo-site/v2 laid over v1), served on 127.0.0.1 only."""
import functools
import http.server
import json
import os
import shutil
import threading

import pytest

from conftest import ROOT, run_waymark
from test_reports import parse_workflow_command, unescape_data

DEMO = ROOT / "SampleCaptures" / "replay-demo"
SITE = ROOT / "SampleCaptures" / "demo-site"
RECORDED_ORIGIN = "https://expenses.contoso.example"
OWNER = "finance-training@contoso.example"


@pytest.fixture(scope="module")
def v2_origin(tmp_path_factory):
    """The demo site's v2 on a loopback port, stopped when the module's tests are done (also on failure)."""
    if not shutil.which("chromedriver") and not os.path.exists("/usr/bin/chromedriver"):
        pytest.fail("chromedriver is missing; make test installs chromium-driver")
    root = tmp_path_factory.mktemp("demo-site-v2")
    shutil.copytree(SITE / "v1", root, dirs_exist_ok=True)
    shutil.copytree(SITE / "v2", root, dirs_exist_ok=True)
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@functools.lru_cache(maxsize=None)
def _replay(origin, fmt, output_dir):
    output = os.path.join(output_dir, f"report.{fmt}")
    result = run_waymark("replay", "--check", "--no-update-dashboard", "--timeout", "3",
                         "--map", f"{RECORDED_ORIGIN}={origin}", "--report", fmt, "--output", output,
                         cwd=DEMO, env={"WAYMARK_DEMO_PASSWORD": "demo-password", "GITHUB_STEP_SUMMARY": ""})
    assert result.returncode == 1, result.stdout + result.stderr
    with open(output, encoding="utf-8") as handle:
        return handle.read()


@pytest.fixture(scope="module")
def replay_report(v2_origin, tmp_path_factory):
    """The report of one `waymark replay --check` in a format (each format replayed once per module)."""
    folder = str(tmp_path_factory.mktemp("replay-reports"))
    return lambda fmt: _replay(v2_origin, fmt, folder)


def test_check_mode_writes_nothing_into_the_project(replay_report):
    replay_report("text")
    assert not (DEMO / "replayed").exists()
    assert not (DEMO / "out").exists()


def test_json_names_the_owner_and_exactly_the_changed_steps(replay_report):
    report = json.loads(replay_report("json"))
    findings = report["findings"]
    assert sorted(f["status"] for f in findings) == ["broken", "broken", "drifted"], findings
    assert {f["owner"] for f in findings} == {OWNER}
    drifted = next(f for f in findings if f["status"] == "drifted")
    assert (drifted["recorded"], drifted["observed"]) == ("Submit", "Send for approval")
    assert all(isinstance(f["step"], int) and f["step"] >= 1 for f in findings)


def test_junit_parses_with_junitparser(replay_report, tmp_path):
    import junitparser

    path = tmp_path / "junit.xml"
    path.write_text(replay_report("junit"))
    xml = junitparser.JUnitXml.fromfile(str(path))
    cases = [case for suite in xml for case in suite]
    failed = [case for case in cases if not case.is_passed]
    assert len(failed) == 3, [(c.classname, c.name) for c in failed]
    assert len(cases) > len(failed), "the steps that still work are passing test cases"
    messages = [case.result[0].message for case in failed]
    assert any("“Submit” → “Send for approval”" in m for m in messages), messages
    assert all(isinstance(case.result[0], junitparser.Failure) for case in failed)
    assert any(OWNER in (case.result[0].text or "") for case in failed)


def test_sarif_validates_against_the_official_schema(replay_report, shared_dir):
    import jsonschema

    schema = json.loads((shared_dir / "schemas" / "sarif-schema-2.1.0.json").read_text())
    sarif = json.loads(replay_report("sarif"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = sorted(validator_class(schema).iter_errors(sarif), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    run = sarif["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert {"waymark-replay/broken", "waymark-replay/drifted"} <= set(rule_ids)
    assert len(run["results"]) == 3
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] == "error"
    fingerprints = [next(iter(r["partialFingerprints"].values())) for r in run["results"]]
    assert len(fingerprints) == len(set(fingerprints))


def test_gitlab_code_quality_fingerprints_are_unique_and_stable(replay_report, v2_origin, tmp_path):
    issues = json.loads(replay_report("gitlab"))
    assert len(issues) == 3
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(fingerprints) == len(set(fingerprints))
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] and issue["location"]["lines"]["begin"] >= 1
    # A second run of the same replay gives the same fingerprints (GitLab matches findings across pipelines).
    again = json.loads(_replay(v2_origin, "gitlab", str(tmp_path)))
    assert [i["fingerprint"] for i in again] == fingerprints


def test_github_annotations_are_escaped_and_name_the_owner(replay_report):
    out = replay_report("github")
    commands = [line for line in out.splitlines() if line.startswith("::")]
    assert len(commands) == 3, out
    for line in commands:
        level, props, message = parse_workflow_command(line)
        assert level == "error"
        assert props["file"] == "file-an-expense-claim.json"
        assert OWNER in props["title"], props
        assert unescape_data(message).startswith("step "), message
