"""Incremental builds: a capture is rebuilt only when its source bytes, the templates, the output-shaping settings
or the generator changed, or when one of its outputs is missing or was edited. Everything else is listed on the
dashboard from the lock without being read again, and the tree stays identical to a full build."""
import json
import pathlib
import shutil

import pytest

from conftest import SAMPLE_COUNT, SAMPLES, run_waymark


def tree(folder: pathlib.Path):
    # The stat cache holds file times and inodes (local state, like git's index), not outputs.
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".waymark-stat-cache"}


def build(project, *args):
    result = run_waymark("build", "captures", "--out", "out", *args, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.fixture()
def project(tmp_path) -> pathlib.Path:
    shutil.copytree(SAMPLES, tmp_path / "captures")
    output = build(tmp_path)
    assert f"Built {SAMPLE_COUNT} guides" in output
    return tmp_path


def test_no_op_rebuild_skips_every_capture_and_changes_nothing(project):
    before = tree(project / "out")
    output = build(project)
    assert "Built 0 guides" in output and f"{SAMPLE_COUNT} up-to-date guides skipped" in output, output
    assert tree(project / "out") == before


def test_touching_one_capture_rebuilds_only_that_capture(project, tmp_path_factory):
    source = project / "captures" / "reset-password.json"
    data = json.loads(source.read_text())
    data["steps"][1]["target"]["label"] = "Forgot your password?"
    source.write_text(json.dumps(data, indent=2))
    output = build(project)
    assert "Built 1 guide" in output and f"{SAMPLE_COUNT - 1} up-to-date guides skipped" in output, output
    assert "Forgot your password?" in (project / "out" / "reset-password" / "guide.md").read_text()

    # The incremental result is the same tree a full build of the same captures gives.
    full = tmp_path_factory.mktemp("full")
    shutil.copytree(project / "captures", full / "captures")
    build(full)
    incremental, clean = tree(project / "out"), tree(full / "out")
    assert incremental.keys() == clean.keys()
    for path in clean:
        if path != "waymark.lock":  # the lock names sources relative to the out folder; both are ../captures
            assert incremental[path] == clean[path], path
    assert incremental["waymark.lock"] == clean["waymark.lock"]


def test_changed_settings_rebuild_everything(project):
    (project / "waymark.yml").write_text("wpm: 120\n")
    output = run_waymark("build", "captures", "--out", "out", cwd=project)
    assert output.returncode == 0, output.stderr
    assert f"Built {SAMPLE_COUNT} guides" in output.stdout, output.stdout


def test_missing_output_rebuilds_its_capture(project):
    (project / "out" / "reset-password" / "captions.vtt").unlink()
    output = build(project)
    assert "Built 1 guide" in output, output
    assert (project / "out" / "reset-password" / "captions.vtt").is_file()


def test_edited_output_is_kept_and_reported_not_silently_skipped(project):
    guide = project / "out" / "reset-password" / "guide.md"
    guide.write_text(guide.read_text() + "\nA hand edit.\n")
    output = build(project)
    assert "output.edited" in output, output
    assert guide.read_text().endswith("A hand edit.\n")


def test_force_rebuilds_everything(project):
    output = build(project, "--force")
    assert f"Built {SAMPLE_COUNT} guides" in output, output


def test_lock_keeps_dashboard_rows_for_skipped_captures(project):
    lock = json.loads((project / "out" / "waymark.lock").read_text())
    assert lock["version"] == 2
    # [application, guide steps, reading minutes, narration seconds] (lock version 2, docs/fingerprints.md)
    application, guide_steps, _reading, _narration = lock["captures"]["reset-password"]["dashboard"]
    assert guide_steps == 11 and application == "Contoso Account Portal"
    before = (project / "out" / "index.html").read_bytes()
    build(project)
    assert (project / "out" / "index.html").read_bytes() == before
