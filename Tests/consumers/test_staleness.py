"""End-to-end staleness checks: `waymark build` then `waymark check` on a copy of SampleCaptures in a temp dir.

Each test changes one thing the way a team would (a relabelled button, a hand edit, a deleted capture…) and checks
the status, the exit code and that the message names what a reader needs: capture, step, labels, owner, file.
"""
import json
import pathlib
import shutil

import pytest

from conftest import ROOT, SAMPLE_COUNT, SAMPLES, run_waymark

OWNER = "it-servicedesk@contoso.example"


@pytest.fixture()
def project(tmp_path) -> pathlib.Path:
    shutil.copytree(SAMPLES, tmp_path / "captures")
    result = run_waymark("build", "captures", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "out" / "waymark.lock").is_file()
    return tmp_path


def check(project, *args):
    return run_waymark("check", "captures", "--out", "out", *args, cwd=project)


def check_json(project, *args):
    result = check(project, "--report", "json", *args)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def replace_in(path: pathlib.Path, old: str, new: str):
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def test_fresh_build_checks_clean(project):
    result = check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{SAMPLE_COUNT} materials checked: {SAMPLE_COUNT} fresh." in result.stdout
    lock = json.loads((project / "out" / "waymark.lock").read_text())
    assert lock["version"] == 2
    entry = lock["captures"]["reset-password"]
    assert entry["source"] == "../captures/reset-password.json"
    assert entry["owner"] == OWNER
    assert "guide.md" in entry["outputs"]  # outputs are named relative to the capture's folder
    assert len(entry["fingerprint"]) == 16
    assert (project / "out" / "reset-password" / ".waymark-steps.json").is_file()


def test_lock_is_byte_stable(project, tmp_path_factory):
    other = tmp_path_factory.mktemp("second")
    shutil.copytree(SAMPLES, other / "captures")
    assert run_waymark("build", "captures", "--out", "out", cwd=other).returncode == 0
    assert (other / "out" / "waymark.lock").read_bytes() == (project / "out" / "waymark.lock").read_bytes()


def test_changed_label_is_stale_with_step_and_labels(project):
    replace_in(project / "captures" / "reset-password.json", '"label": "Forgot my password"', '"label": "Reset my password"')
    result = check(project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "error[stale] captures/reset-password.json" in result.stdout
    assert "Capture 'reset-password'" in result.stdout
    assert "step 2 changed: 'Forgot my password' → 'Reset my password'" in result.stdout
    assert f"Owner: {OWNER}" in result.stdout
    silenced = check(project, "--fail-on", "edited,missing,orphaned")
    assert silenced.returncode == 0, silenced.stdout
    assert "warning[stale]" in silenced.stdout


def test_hand_edit_is_edited_and_build_leaves_it(project):
    guide = project / "out" / "reset-password" / "guide.md"
    guide.write_text(guide.read_text() + "\nA paragraph the writer added by hand.\n")
    edited = guide.read_text()
    result = check(project)
    assert result.returncode == 1
    assert "error[edited] out/reset-password/guide.md" in result.stdout
    rebuild = run_waymark("build", "captures", "--out", "out", cwd=project)
    assert guide.read_text() == edited
    assert "out/reset-password/guide.md" in rebuild.stdout + rebuild.stderr
    assert "edited by hand" in rebuild.stdout + rebuild.stderr
    assert check(project).returncode == 1
    forced = run_waymark("build", "captures", "--out", "out", "--force", cwd=project)
    assert forced.returncode == 0, forced.stderr
    assert guide.read_text() != edited
    assert check(project).returncode == 0


def test_deleted_output_is_missing(project):
    (project / "out" / "reset-password" / "job-aid.md").unlink()
    code, report = check_json(project)
    assert code == 1
    assert [(f["status"], f["file"]) for f in report["findings"]] == [("missing", "out/reset-password/job-aid.md")]


def test_deleted_capture_is_orphaned(project):
    (project / "captures" / "reset-password.json").unlink()
    code, report = check_json(project)
    assert code == 1
    orphaned = [f for f in report["findings"] if f["status"] == "orphaned"]
    assert [f["capture"] for f in orphaned] == ["reset-password"]
    assert orphaned[0]["owner"] == OWNER


def test_added_capture_is_untracked(project):
    text = (project / "captures" / "reset-password.json").read_text().replace('"id": "reset-password"', '"id": "reset-pin"')
    (project / "captures" / "reset-pin.json").write_text(text)
    code, report = check_json(project)
    assert code == 0, "untracked is not in the default --fail-on"
    assert [(f["status"], f["capture"]) for f in report["findings"]] == [("untracked", "reset-pin")]
    assert check(project, "--fail-on", "untracked").returncode == 1


def test_review_date_in_the_past_is_overdue_naming_the_owner(project):
    replace_in(project / "captures" / "reset-password.json", '"reviewBy": "2027-03-31"', '"reviewBy": "2020-01-31"')
    assert run_waymark("build", "captures", "--out", "out", cwd=project).returncode == 0
    result = check(project, "--today", "2026-11-01")
    assert result.returncode == 0, "overdue is not in the default --fail-on"
    assert "warning[overdue] captures/reset-password.json: Review of 'reset-password' was due on 2020-01-31" in result.stdout
    assert f"Owner: {OWNER}." in result.stdout
    assert check(project, "--today", "2026-11-01", "--fail-on", "overdue").returncode == 1
    # Without a rebuild the same date is noticed from the lock alone (fast path) and from --today.
    later = check(project, "--today", "2027-04-01")
    assert later.stdout.count("warning[overdue]") >= 2


def test_changed_template_is_outdated_template(project):
    shutil.copytree(ROOT / "Templates", project / "templates")
    assert run_waymark("build", "captures", "--out", "out", "--templates", "templates", cwd=project).returncode == 0
    assert check(project).returncode == 0
    template = sorted(p for p in (project / "templates").rglob("*") if p.is_file())[0]
    template.write_text(template.read_text() + "\n")
    code, report = check_json(project, "--fail-on", "outdated-template")
    assert code == 1
    kinds = {f["status"] for f in report["findings"]}
    assert kinds == {"outdated-template"}
    assert len(report["findings"]) == SAMPLE_COUNT


def test_hand_written_material_citing_a_capture(project):
    marker = run_waymark("cite", "reset-password", "--out", "out", cwd=project)
    assert marker.returncode == 0, marker.stderr
    assert marker.stdout.startswith("<!-- waymark: source=reset-password fingerprint=")
    docs = project / "docs"
    docs.mkdir()
    (docs / "faq.md").write_text("# FAQ\n\nHow do I reset my password?\n" + marker.stdout)
    (docs / "old.html").write_text("<p>x</p>\n<!-- waymark: source=retired-process fingerprint=0123456789abcdef -->\n")
    code, report = check_json(project, "--materials", "docs")
    assert code == 1
    assert [(f["status"], f["file"], f["line"]) for f in report["findings"]] == [("orphaned", "docs/old.html", 2)]
    replace_in(project / "captures" / "reset-password.json", '"label": "Forgot my password"', '"label": "Reset my password"')
    code, report = check_json(project, "--materials", "docs")
    faq = [f for f in report["findings"] if f["file"] == "docs/faq.md"]
    assert [(f["status"], f["line"]) for f in faq] == [("stale", 4)]
    assert faq[0]["details"] == ["step 2 changed: 'Forgot my password' → 'Reset my password'"]


def test_lock_from_a_newer_version_is_refused(project):
    lock = project / "out" / "waymark.lock"
    lock.write_text(lock.read_text().replace('"version": 2', '"version": 99'))
    result = check(project)
    assert result.returncode == 2
    assert "out/waymark.lock:" in result.stderr and "lock.version-newer" in result.stderr


def test_unknown_fail_on_is_a_usage_error(project):
    result = check(project, "--fail-on", "stale,sideways")
    assert result.returncode == 2
    assert "sideways" in result.stderr


def test_diff_two_recordings(tmp_path):
    new = tmp_path / "new.json"
    new.write_text((SAMPLES / "reset-password.json").read_text().replace('"label": "Forgot my password"', '"label": "Reset my password"'))
    same = run_waymark("diff", SAMPLES / "reset-password.json", SAMPLES / "reset-password.xml")
    assert same.returncode == 0, same.stdout + same.stderr
    changed = run_waymark("diff", SAMPLES / "reset-password.xml", new)
    assert changed.returncode == 1
    assert "step 2 changed: 'Forgot my password' → 'Reset my password'" in changed.stdout
    as_json = json.loads(run_waymark("diff", SAMPLES / "reset-password.xml", new, "--report", "json").stdout)
    change = as_json["captures"][0]["changes"][0]
    assert change["kind"] == "changed" and change["fields"] == [{"field": "label", "old": "Forgot my password", "new": "Reset my password"}]


def test_cite_front_matter_and_unknown_id(project):
    lock = json.loads((project / "out" / "waymark.lock").read_text())
    fingerprint = lock["captures"]["reset-password"]["fingerprint"]
    front = run_waymark("cite", "reset-password", "--out", "out", "--front-matter", cwd=project)
    assert front.returncode == 0
    assert front.stdout == f"waymark_source: reset-password\nwaymark_fingerprint: {fingerprint}\n"
    unknown = run_waymark("cite", "no-such-capture", "--out", "out", cwd=project)
    assert unknown.returncode == 2
    assert "cite.unknown-id" in unknown.stderr and "reset-password" in unknown.stderr


def test_check_without_a_build_reports_untracked_and_notes_it(tmp_path):
    shutil.copytree(SAMPLES, tmp_path / "captures")
    result = run_waymark("check", "captures", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0
    assert "check.no-lock" in result.stderr
    assert f"{SAMPLE_COUNT} materials checked: 0 fresh. Findings: {SAMPLE_COUNT} untracked." in result.stdout


def test_partial_build_keeps_the_other_lock_entries(project):
    assert run_waymark("build", "captures/reset-password.json", "--out", "out", cwd=project).returncode == 0
    lock = json.loads((project / "out" / "waymark.lock").read_text())
    assert len(lock["captures"]) == SAMPLE_COUNT
    assert check(project).returncode == 0
