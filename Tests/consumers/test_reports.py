"""The `check` reports, read by the tools that consume them: junitparser, the SARIF 2.1.0 JSON schema (jsonschema),
GitLab Code Quality rules, and GitHub's workflow-command escaping."""
import json
import pathlib
import shutil

import pytest

from conftest import SAMPLES, run_waymark

TRICKY_LABEL = "Pay 100%: card, cash\nor voucher"
TRICKY_OWNER = "Ops: Team, EMEA 100%"


@pytest.fixture()
def findings_project(tmp_path) -> pathlib.Path:
    """A built project with one finding of most kinds, and text that needs escaping in labels and owners."""
    captures = tmp_path / "captures"
    shutil.copytree(SAMPLES, captures)
    ticket = captures / "create-support-ticket.json"
    data = json.loads(ticket.read_text())
    data["owner"] = TRICKY_OWNER
    ticket.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    assert run_waymark("build", "captures", "--out", "out", cwd=tmp_path).returncode == 0
    # stale: relabel the first labelled step of the ticket capture
    data = json.loads(ticket.read_text())
    step = next(s for s in data["steps"] if s.get("target", {}).get("label"))
    step["target"]["label"] = TRICKY_LABEL
    ticket.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    # edited, missing, orphaned, untracked
    guide = tmp_path / "out" / "reset-password" / "guide.md"
    guide.write_text(guide.read_text() + "\nhand edit\n")
    (tmp_path / "out" / "reset-password" / "job-aid.md").unlink()
    (captures / "onboard-new-hire.xml").unlink()
    extra = json.loads((captures / "reset-password.json").read_text())
    extra["id"] = "reset-pin"
    (captures / "reset-pin.json").write_text(json.dumps(extra, indent=2, sort_keys=True) + "\n")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "faq.md").write_text("# FAQ\n<!-- waymark: source=gone-away fingerprint=0123456789abcdef -->\n"
                                 "<!-- waymark: source=gone-away fingerprint=0123456789abcdef -->\n")
    return tmp_path


def report(project, fmt, *extra, env=None):
    result = run_waymark("check", "captures", "--out", "out", "--materials", "docs", "--today", "2030-01-01",
                         "--report", fmt, *extra, cwd=project, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout


def test_junit_parses_with_junitparser(findings_project, tmp_path):
    import junitparser

    path = tmp_path / "junit.xml"
    report(findings_project, "junit", "--output", path)
    xml = junitparser.JUnitXml.fromfile(str(path))
    cases = [case for suite in xml for case in suite]
    assert len(cases) > 10
    failed = {(case.classname, case.name) for case in cases if not case.is_passed}
    assert ("create-support-ticket", "source") in failed
    assert ("reset-password", "outputs") in failed
    assert ("onboard-new-hire-xml", "source") in failed
    assert any(name.startswith("docs/faq.md") for name, _ in failed)
    passed = {(case.classname, case.name) for case in cases if case.is_passed}
    assert ("run-month-end-report", "source") in passed
    stale = next(case for case in cases if (case.classname, case.name) == ("create-support-ticket", "source"))
    failure = stale.result[0]
    assert isinstance(failure, junitparser.Failure)
    assert "Pay 100%: card, cash or voucher" in failure.text  # the label, whitespace normalised
    assert f"Owner: {TRICKY_OWNER}" in failure.text


def test_sarif_validates_against_the_official_schema(findings_project, shared_dir):
    import jsonschema

    schema = json.loads((shared_dir / "schemas" / "sarif-schema-2.1.0.json").read_text())
    sarif = json.loads(report(findings_project, "sarif"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = sorted(validator_class(schema).iter_errors(sarif), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    run = sarif["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "waymark/stale" in rule_ids and "waymark/outdated-template" in rule_ids
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["waymark/stale"] == "error" and levels["waymark/overdue"] == "warning"
    fingerprints = [r["partialFingerprints"]["waymarkFinding/v1"] for r in run["results"]]
    assert len(fingerprints) == len(set(fingerprints))
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]


def test_gitlab_code_quality_fingerprints_are_unique(findings_project):
    issues = json.loads(report(findings_project, "gitlab"))
    assert len(issues) >= 7
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(fingerprints) == len(set(fingerprints)), "two citations in one file must still differ"
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] and issue["location"]["lines"]["begin"] >= 1
    # Stable across runs: the same findings give the same fingerprints.
    assert [i["fingerprint"] for i in json.loads(report(findings_project, "gitlab"))] == fingerprints


def unescape_data(text):
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text):
    return text.replace("%3A", ":").replace("%2C", ",").replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def parse_workflow_command(line):
    """`::level prop=value,...::message` as GitHub reads it: (level, properties unescaped, message still escaped).
    Asserts the escaping GitHub needs: no raw `:` `,` or newline in a property, no raw newline in the message."""
    level, rest = line[2:].split(" ", 1)
    properties, message = rest.split("::", 1)
    props = {}
    for item in properties.split(","):
        key, value = item.split("=", 1)
        assert ":" not in value and "," not in value and "\n" not in value
        props[key] = unescape_property(value)
    assert "\r" not in message and "\n" not in message
    return level, props, message


def test_github_annotations_are_escaped(findings_project, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n")
    out = report(findings_project, "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    commands = [line for line in out.splitlines() if line.startswith("::")]
    assert commands, out
    expected = {(f["file"], f["message"]) for f in json.loads(report(findings_project, "json"))["findings"]}
    seen = set()
    for line in commands:
        level, props, message = parse_workflow_command(line)
        assert level in ("error", "warning")
        first_line = unescape_data(message).split("\n")[0]
        seen.add((props["file"], first_line))
        if props["file"] == "captures/create-support-ticket.json" and level == "error":
            assert props["title"] == f"Material is stale (owner: {TRICKY_OWNER})"
            assert "'Pay 100%25: card, cash or voucher'" in message
            assert "%0A  step " in message
    assert seen <= expected
    assert ("captures/create-support-ticket.json",) in {(f,) for f, _ in seen}
    text = summary.read_text()
    assert text.startswith("# Earlier step\n## Waymark check\n")
    assert "| Status | Material | Owner | File | What happened |" in text
    assert "Ops: Team, EMEA 100%" in text
