"""Captures from other tools, converted by the real binary, checked by real validators.

Every file in ../shared/captures is converted with `waymark import` (format detected by content); the JSON result
must validate against `waymark schema json` (python-jsonschema, Draft 2020-12) and the XML result against
`waymark schema xsd` (xmllint --schema). The negative case exits 2. Hostile zips built here with Python's zipfile
exit 2 and write nothing.
"""
import json
import pathlib
import subprocess
import zipfile

import jsonschema
import pytest

from conftest import run_waymark, require_tool, ROOT

NEGATIVE = {"wpt-recorder-to-script__singlestep.json"}


def capture_files(shared: pathlib.Path):
    folder = shared / "captures"
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "SOURCES.md")


@pytest.fixture(scope="module")
def json_schema():
    result = run_waymark("schema", "json", check=True)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def xsd_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("xsd") / "capture.xsd"
    path.write_text(run_waymark("schema", "xsd", check=True).stdout)
    return path


def test_every_shared_capture_converts_to_valid_native_json(shared_dir, json_schema):
    validator = jsonschema.Draft202012Validator(json_schema)
    files = capture_files(shared_dir)
    assert len(files) == 33
    for path in files:
        result = run_waymark("import", path)
        if path.name in NEGATIVE:
            assert result.returncode == 2, path.name
            assert "chrome.lone-step" in result.stderr
            continue
        assert result.returncode == 0, f"{path.name}: {result.stderr}"
        document = json.loads(result.stdout)
        errors = sorted(validator.iter_errors(document), key=str)
        assert not errors, f"{path.name}: {errors[0].message if errors else ''}"
        captures = document if isinstance(document, list) else [document]
        for capture in captures:
            assert capture["origin"]["format"] in ("chrome-recorder", "selenium-ide", "steps-recorder")
            assert capture["steps"], f"{path.name}: {capture['id']} has no steps"


def test_every_shared_capture_converts_to_valid_native_xml(shared_dir, xsd_file, tmp_path):
    xmllint = require_tool("xmllint")
    for path in capture_files(shared_dir):
        if path.name in NEGATIVE:
            continue
        result = run_waymark("import", path, "--to", "xml")
        assert result.returncode == 0, f"{path.name}: {result.stderr}"
        out = tmp_path / (path.name + ".xml")
        out.write_text(result.stdout)
        check = subprocess.run([xmllint, "--noout", "--schema", str(xsd_file), str(out)], capture_output=True, text=True)
        assert check.returncode == 0, f"{path.name}: {check.stderr}"


def test_a_project_with_several_tests_writes_one_file_per_test(shared_dir, tmp_path):
    project = shared_dir / "captures/selenium-ide/selenium-ide__tests-examples__wait-for.side"
    out = tmp_path / "out"
    result = run_waymark("import", project, "--out", out)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"selenium-ide-tests-examples-wait-for-wait-for-element-{name}.json"
        for name in ("present", "not-present", "visible", "not-visible", "editable-and-not-editable"))


@pytest.mark.parametrize("entry", ["../../x", "/tmp/waymark-owned", "..\\..\\x.mht"])
def test_a_zip_with_path_traversal_exits_2_and_writes_nothing(tmp_path, entry):
    archive = tmp_path / "in" / "evil.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("Recording_20250102_0905.mht", "MIME-Version: 1.0\r\n")
        z.writestr(entry, "owned")
    out = tmp_path / "out"
    result = run_waymark("import", archive, "--out", out, cwd=tmp_path / "in")
    assert result.returncode == 2
    assert "zip.unsafe-path" in result.stderr
    assert not (tmp_path / "x").exists() and not pathlib.Path("/tmp/waymark-owned").exists()
    assert not out.exists() or not any(out.iterdir())
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["evil.zip"]


def test_a_zip_bomb_exits_2_quickly(tmp_path):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        with z.open("Recording.mht", "w", force_zip64=True) as member:
            block = bytes(1 << 20)
            for _ in range(300):
                member.write(block)
    assert archive.stat().st_size < 2_000_000
    result = run_waymark("import", archive, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "zip.compression-ratio" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def more_capture_files(shared: pathlib.Path):
    folder = shared / "more-captures"
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".html", ".htm", ".json"))


@pytest.mark.parametrize("to", ["json", "xml"])
def test_selenese_html_and_uivision_recordings_convert_to_valid_native_captures(shared_dir, json_schema, xsd_file, tmp_path, to):
    """The real Selenese HTML test cases and UI.Vision macros in ../shared/more-captures, through `waymark import`."""
    files = more_capture_files(shared_dir)
    assert {p.parent.name for p in files} == {"selenese-html", "uivision"}
    validator = jsonschema.Draft202012Validator(json_schema)
    for path in files:
        result = run_waymark("import", path, "--to", to)
        assert result.returncode == 0, f"{path.name}: {result.stderr}"
        if to == "json":
            document = json.loads(result.stdout)
            errors = sorted(validator.iter_errors(document), key=str)
            assert not errors, f"{path.name}: {errors[0].message if errors else ''}"
            assert document["origin"]["format"] == {"selenese-html": "selenese-html", "uivision": "uivision"}[path.parent.name]
            assert document["steps"]
        else:
            out = tmp_path / (path.name + ".xml")
            out.write_text(result.stdout)
            check = subprocess.run([require_tool("xmllint"), "--noout", "--schema", str(xsd_file), str(out)],
                                   capture_output=True, text=True)
            assert check.returncode == 0, f"{path.name}: {check.stderr}"


@pytest.mark.parametrize("link", ["../../etc/passwd", "/etc/passwd"])
def test_a_selenese_suite_linking_outside_its_folder_exits_2_and_reads_nothing(tmp_path, link):
    suite = tmp_path / "suite" / "suite.html"
    suite.parent.mkdir()
    suite.write_text('<html><head><title>Suite</title></head><body><table id="suiteTable"><tbody>'
                     f'<tr><td><b>Suite</b></td></tr><tr><td><a href="{link}">x</a></td></tr></tbody></table></body></html>')
    result = run_waymark("import", suite)
    assert result.returncode == 2
    assert "selenese.suite-link-outside" in result.stderr
    assert "root:" not in result.stdout and "root:" not in result.stderr
