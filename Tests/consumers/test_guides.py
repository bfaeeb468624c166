"""Consumer checks of `waymark build`: guides parsed by html5lib in strict mode, injection rendered as text,
secrets absent from every output, deterministic and atomic output, waymark.yml errors with line numbers."""
import json
import re
import os
import pathlib
import shutil
import signal
import subprocess
import time
import xml.etree.ElementTree as ET

import html5lib
import pytest

from conftest import ROOT, SAMPLES, run_waymark, waymark_binary


def strict_parse(path: pathlib.Path):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        return parser.parse(path.read_bytes())
    except html5lib.html5parser.ParseError as error:  # pragma: no cover - the assertion message is the point
        pytest.fail(f"{path}: not valid HTML5: {error}")


def html_files(out: pathlib.Path):
    files = sorted(out.glob("*/guide.html")) + [out / "index.html"]
    assert len(files) > 1, f"no guides were built in {out}"
    return files


def tree_of(folder: pathlib.Path):
    # The stat cache holds file times and inodes (local state, like git's index), not outputs.
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".waymark-stat-cache"}


def sample_secrets():
    secrets = set()
    for path in sorted(SAMPLES.glob("*.json")):
        for step in json.loads(path.read_text())["steps"]:
            if step.get("sensitive") and step.get("value"):
                secrets.add(step["value"])
    for path in sorted(SAMPLES.glob("*.xml")):
        for step in ET.parse(path).getroot().iter():
            if step.get("sensitive") == "true":
                value = step.get("value") or (step.findtext("value") or "")
                if value:
                    secrets.add(value)
    return secrets


def test_every_guide_and_the_dashboard_are_valid_html5(samples_out):
    for path in html_files(samples_out):
        document = strict_parse(path)
        assert document.find(".//main") is not None, path
        assert document.get("lang"), f"{path}: no lang attribute"
        for image in document.iter("img"):
            assert image.get("alt"), f"{path}: an image has no alt text"


def test_guides_link_the_shared_stylesheet_and_their_images(samples_out):
    assert (samples_out / "assets" / "waymark.css").is_file()
    for path in sorted(samples_out.glob("*/guide.html")):
        document = strict_parse(path)
        links = [link.get("href") for link in document.iter("link")]
        assert "../assets/waymark.css" in links, path
        for image in document.iter("img"):
            assert (path.parent / image.get("src")).is_file(), f"{path}: {image.get('src')} was not copied"


def test_no_sensitive_value_of_any_sample_is_in_any_output(samples_out):
    secrets = sample_secrets()
    assert secrets, "the samples hold no sensitive values to look for"
    for path in sorted(samples_out.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            for secret in secrets:
                assert secret.encode() not in data, f"{path} contains a sensitive value"


HOSTILE = {
    "waymark": 1,
    "id": "hostile",
    "title": 'Title: "quoted" <script>alert(1)</script> {{title}}',
    "application": "<b>App</b>",
    "owner": "owner@example.com",
    "purpose": "See [x](javascript:alert(1)) and <img src=x onerror=alert(1)>",
    "steps": [
        {"action": "click", "target": {"label": "<script>alert('label')</script>"}},
        {"action": "click", "target": {"label": '"><img src=x onerror=alert(2)>'}},
        {"action": "type", "target": {"label": "*Name* _x_ [y](z) | `tick`"}, "value": "<i>it</i> ``a``"},
        {"action": "click", "target": {"label": "{{#evil}}{{/evil}}"}, "note": "<a href=\"javascript:x\">link</a>"},
        {"action": "select", "target": {"label": "Level"}, "value": "# Heading\n- item"},
    ],
}


def test_hostile_labels_render_as_text(tmp_path):
    capture = tmp_path / "in" / "hostile.json"
    capture.parent.mkdir()
    capture.write_text(json.dumps(HOSTILE))
    result = run_waymark("build", capture, "--out", tmp_path / "out", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    page = tmp_path / "out" / "hostile" / "guide.html"
    document = strict_parse(page)
    # The only script is the template's own progressive enhancement, byte for byte; captured text adds none.
    own = re.findall(r"<script>(.*?)</script>", (ROOT / "Templates" / "guide.html.mustache").read_text(), re.S)
    assert [script.text for script in document.iter("script")] == own
    assert all(script.get("src") is None for script in document.iter("script"))
    for element in document.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"event handler attribute {name} on <{element.tag}>"
            assert "javascript:" not in value.lower(), f"javascript: URL in {name}"
    assert all(img.get("src") != "x" for img in document.iter("img"))
    assert document.find(".//i") is None and document.find(".//b") is None
    text = "".join(document.find(".//main").itertext())
    for literal in ["<script>alert('label')</script>", '"><img src=x onerror=alert(2)>', "*Name* _x_ [y](z) | `tick`",
                    "{{#evil}}{{/evil}}", '<a href="javascript:x">link</a>']:
        assert literal in text, f"{literal!r} is not shown as text"
    assert document.findtext(".//title") == HOSTILE["title"]


def test_building_twice_gives_byte_identical_trees(tmp_path):
    for name in ("a", "b"):
        result = run_waymark("build", SAMPLES, "--out", tmp_path / name, "--jobs", "1" if name == "a" else "3", cwd=ROOT)
        assert result.returncode == 0, result.stderr
    assert tree_of(tmp_path / "a") == tree_of(tmp_path / "b")
    again = run_waymark("build", SAMPLES, "--out", tmp_path / "a", cwd=ROOT)
    assert " 0 files written" in again.stdout, again.stdout


def test_killing_a_build_leaves_no_half_written_file(tmp_path):
    inputs = tmp_path / "in"
    shutil.copytree(SAMPLES, inputs)
    # Many copies with their own ids so the build runs long enough to be interrupted.
    for source in sorted(SAMPLES.glob("*.json")):
        data = json.loads(source.read_text())
        for copy in range(12):
            data["id"] = f"{json.loads(source.read_text())['id']}-copy-{copy}"
            (inputs / f"{source.stem}-copy-{copy}.json").write_text(json.dumps(data))
    out = tmp_path / "out"
    for delay in (0.3, 0.8):
        process = subprocess.Popen([str(waymark_binary()), "build", inputs, "--out", out, "--jobs", "2",
                                    "--self-contained"], cwd=tmp_path, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        for path in out.rglob("*"):
            if not path.is_file() or ".waymark-tmp-" in path.name:
                continue
            if path.name == "guide.html":
                assert path.read_bytes().rstrip().endswith(b"</html>"), f"{path} is half-written"
            elif path.name in ("guide.md", "job-aid.md"):
                assert path.read_bytes().endswith(b"\n") and len(path.read_bytes()) > 200, f"{path} is half-written"
    result = run_waymark("build", inputs, "--out", out, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not [p for p in out.rglob("*") if ".waymark-tmp-" in p.name], "temporary files were left behind"


def test_unknown_key_in_waymark_yml_is_an_error_with_its_line(tmp_path):
    (tmp_path / "waymark.yml").write_text("out: site\nwpm: 140\nredcat:\n  - secret\n")
    result = run_waymark("build", cwd=tmp_path)
    assert result.returncode == 2
    assert "waymark.yml:3:1: error[config.unknown-key]" in result.stderr, result.stderr


def test_waymark_yml_settings_are_used(tmp_path):
    shutil.copy(SAMPLES / "reset-password.json", tmp_path / "reset-password.json")
    shutil.copytree(SAMPLES / "images" / "reset-password", tmp_path / "images" / "reset-password")
    (tmp_path / "waymark.yml").write_text("captures: [reset-password.json]\nout: site\nwpm: 100\n"
                                          "redact: ['j\\.mercer@']\n")
    result = run_waymark("build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    guide = (tmp_path / "site" / "reset-password" / "guide.md").read_text()
    assert "j.mercer@contoso.example" not in guide
    assert "100 words per minute" in (tmp_path / "site" / "index.md").read_text()


def test_invalid_capture_exits_2_and_the_others_are_still_built(tmp_path):
    shutil.copy(SAMPLES / "reset-password.json", tmp_path / "good.json")
    (tmp_path / "bad.json").write_text('{"waymark": 1, "id": "bad", "title": ')
    result = run_waymark("build", tmp_path / "good.json", tmp_path / "bad.json", "--out", tmp_path / "out",
                         cwd=tmp_path)
    assert result.returncode == 2
    assert "bad.json" in result.stderr
    assert (tmp_path / "out" / "reset-password" / "guide.html").is_file()


def test_self_contained_guides_need_no_other_file(tmp_path):
    result = run_waymark("build", SAMPLES / "reset-password.json", "--out", tmp_path, "--self-contained", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    page = tmp_path / "reset-password" / "guide.html"
    document = strict_parse(page)
    assert list(document.iter("link")) == []
    assert document.find(".//style") is not None
    sources = [img.get("src") for img in document.iter("img")]
    assert sources and all(src.startswith("data:image/") for src in sources)
