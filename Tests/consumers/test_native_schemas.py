"""Real validators agree with Waymark about the native capture formats.

Every sample JSON validates against Schemas/capture.schema.json with Python jsonschema (Draft 2020-12), every
sample XML against Schemas/capture.xsd with xmllint; broken files fail both, and `waymark schema` prints exactly
the shipped schema files.
"""
import copy
import json
import pathlib
import subprocess

import jsonschema
import pytest

from conftest import ROOT, SAMPLES, require_tool, run_waymark

SCHEMA_JSON = ROOT / "Schemas" / "capture.schema.json"
SCHEMA_XSD = ROOT / "Schemas" / "capture.xsd"


def _is_native_json(path):
    try:
        return isinstance(json.loads(path.read_text(encoding="utf-8")), (dict, list)) and '"waymark"' in path.read_text(encoding="utf-8")
    except ValueError:
        return False


def _is_native_xml(path):
    import re
    return re.search(r"<captures?[\s>]", path.read_text(encoding="utf-8", errors="replace")[:4096]) is not None


# The native samples; other tools' recordings may sit beside them and are checked by their importers' tests.
JSON_SAMPLES = sorted(p for p in SAMPLES.glob("*.json") if _is_native_json(p))
XML_SAMPLES = sorted(p for p in SAMPLES.glob("*.xml") if _is_native_xml(p))


def json_validator():
    schema = json.loads(SCHEMA_JSON.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def xmllint(path: pathlib.Path):
    return subprocess.run([require_tool("xmllint"), "--noout", "--nonet", "--schema", str(SCHEMA_XSD), str(path)],
                          capture_output=True, text=True)


def test_there_are_samples_in_both_formats():
    assert len(JSON_SAMPLES) >= 5
    assert [p.stem for p in JSON_SAMPLES] == [p.stem for p in XML_SAMPLES]


@pytest.mark.parametrize("path", JSON_SAMPLES, ids=lambda p: p.name)
def test_sample_json_validates_with_jsonschema(path):
    errors = list(json_validator().iter_errors(json.loads(path.read_text(encoding="utf-8"))))
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize("path", XML_SAMPLES, ids=lambda p: p.name)
def test_sample_xml_validates_with_xmllint(path):
    result = xmllint(path)
    assert result.returncode == 0, result.stderr
    assert "validates" in result.stderr


@pytest.mark.parametrize("path", JSON_SAMPLES + XML_SAMPLES, ids=lambda p: p.name)
def test_waymark_validate_agrees(path):
    result = run_waymark("validate", path, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ": ok, 1 capture," in result.stdout


def broken_json_variants():
    base = json.loads((SAMPLES / "reset-password.json").read_text(encoding="utf-8"))

    def variant(name, change):
        doc = copy.deepcopy(base)
        change(doc)
        return pytest.param(doc, id=name)

    return [
        variant("missing-title", lambda d: d.pop("title")),
        variant("version-2", lambda d: d.update(waymark=2)),
        variant("bad-id", lambda d: d.update(id="Reset Password")),
        variant("bad-date", lambda d: d.update(reviewBy="2027-02-30")),
        variant("bad-date-format", lambda d: d.update(reviewBy="30.06.2027")),
        variant("unknown-action", lambda d: d["steps"][0].update(action="teleport")),
        variant("absolute-screenshot", lambda d: d["steps"][0]["screenshot"].update(path="/etc/passwd")),
        variant("escaping-screenshot", lambda d: d["steps"][0]["screenshot"].update(path="images/../../x.png")),
        variant("negative-rect", lambda d: d["steps"][2]["screenshot"]["highlight"].update(width=-1)),
        variant("string-width", lambda d: d["steps"][0]["screenshot"].update(width="640")),
        variant("unknown-modifier", lambda d: d["steps"][-1].update(modifiers=["hyper"])),
        variant("unknown-field", lambda d: d.update(tittle="typo")),
    ]


@pytest.mark.parametrize("doc", broken_json_variants())
def test_broken_json_fails_jsonschema(doc, tmp_path):
    assert list(json_validator().iter_errors(doc)), "jsonschema accepted a broken capture"
    # Waymark flags the same file: an error, or (unknown action/field/modifier) a warning.
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = run_waymark("validate", path)
    assert "error[" in result.stderr or "warning[" in result.stderr, result.stderr


def broken_xml_variants():
    text = (SAMPLES / "reset-password.xml").read_text(encoding="utf-8")
    return [
        pytest.param(text.replace("<title>", "<name>", 1).replace("</title>", "</name>", 1), id="missing-title"),
        pytest.param(text.replace('version="1"', 'version="2"', 1), id="version-2"),
        pytest.param(text.replace('id="reset-password-xml"', 'id="Reset Password"', 1), id="bad-id"),
        pytest.param(text.replace("<reviewBy>2027-03-31", "<reviewBy>2027-02-30", 1), id="bad-date"),
        pytest.param(text.replace('action="click"', 'action="teleport"', 1), id="unknown-action"),
        pytest.param(text.replace('path="images/', 'path="/etc/', 1), id="absolute-screenshot"),
        pytest.param(text.replace('path="images/', 'path="../', 1), id="escaping-screenshot"),
        pytest.param(text.replace('width="640"', 'width="wide"', 1), id="string-width"),
        pytest.param(text.replace('modifiers="meta"', 'modifiers="hyper"', 1), id="unknown-modifier"),
    ]


@pytest.mark.parametrize("text", broken_xml_variants())
def test_broken_xml_fails_xmllint(text, tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text(text, encoding="utf-8")
    assert text != (SAMPLES / "reset-password.xml").read_text(encoding="utf-8")
    result = xmllint(path)
    assert result.returncode != 0, "xmllint accepted a broken capture"
    result = run_waymark("validate", path)
    assert "error[" in result.stderr or "warning[" in result.stderr, result.stderr


def test_schema_command_prints_the_shipped_files(tmp_path):
    for kind, path in (("json", SCHEMA_JSON), ("xsd", SCHEMA_XSD)):
        result = run_waymark("schema", kind, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout == path.read_text(encoding="utf-8")


def test_exported_xml_of_every_json_sample_validates(tmp_path):
    for path in JSON_SAMPLES:
        result = run_waymark("import", path, "--to", "xml")
        assert result.returncode == 0, result.stderr
        out = tmp_path / (path.stem + ".xml")
        out.write_text(result.stdout, encoding="utf-8")
        lint = xmllint(out)
        assert lint.returncode == 0, lint.stderr


SCREENSHOT_PATHS = [
    "images/a.png", "./a.png", "a/./b.png", ".hidden/a.png", "..a/b.png", "a../b.png", "a//b.png", "a/b:c.png",
    "a\\b.png", "dir/", "/abs.png", "\\abs.png", "~/a.png", "C:\\a.png", "c:/a.png", "http://x/a.png", "a:b.png",
    "a/../b.png", "..", "../a.png", "a/..", "a\\..\\b.png", "a\tb.png", "a\nb.png", "",
]


@pytest.mark.parametrize("path", SCREENSHOT_PATHS, ids=repr)
def test_schemas_and_waymark_agree_on_screenshot_paths(path, tmp_path):
    """The JSON Schema, the XSD and Waymark accept and refuse exactly the same screenshot paths."""
    from xml.sax.saxutils import quoteattr

    doc = {"waymark": 1, "id": "p", "title": "T", "steps": [{"action": "click", "screenshot": {"path": path}}]}
    json_file = tmp_path / "p.json"
    json_file.write_text(json.dumps(doc), encoding="utf-8")
    xml_file = tmp_path / "p.xml"
    attr = quoteattr(path, {"\t": "&#9;", "\n": "&#10;"})
    xml_file.write_text(f'<capture version="1" id="p"><title>T</title><steps><step action="click">'
                        f'<screenshot path={attr}/></step></steps></capture>', encoding="utf-8")

    schema_ok = not list(json_validator().iter_errors(doc))
    xsd_ok = xmllint(xml_file).returncode == 0
    waymark_json = run_waymark("validate", json_file)
    waymark_xml = run_waymark("validate", xml_file)
    waymark_ok = "error[capture.screenshot-path]" not in waymark_json.stderr
    assert ("error[capture.screenshot-path]" not in waymark_xml.stderr) == waymark_ok
    assert schema_ok == waymark_ok == xsd_ok, (schema_ok, xsd_ok, waymark_json.stderr)


CAPTURE_IDS = ["a", "reset-password", "a--b", "x1-2-3", "9", "z" * 120, "z" * 121, "-a", "a-", "A", "a_b", "a b", "ä",
               ""]


@pytest.mark.parametrize("capture_id", CAPTURE_IDS, ids=lambda i: repr(i[:20]) + f"[{len(i)}]")
def test_schemas_and_waymark_agree_on_capture_ids(capture_id, tmp_path):
    from xml.sax.saxutils import quoteattr

    doc = {"waymark": 1, "id": capture_id, "title": "T", "steps": [{"action": "click"}]}
    json_file = tmp_path / "i.json"
    json_file.write_text(json.dumps(doc), encoding="utf-8")
    xml_file = tmp_path / "i.xml"
    xml_file.write_text(f'<capture version="1" id={quoteattr(capture_id)}><title>T</title><steps>'
                        f'<step action="click"/></steps></capture>', encoding="utf-8")
    schema_ok = not list(json_validator().iter_errors(doc))
    xsd_ok = xmllint(xml_file).returncode == 0
    waymark_ok = run_waymark("validate", json_file).returncode == 0
    assert (run_waymark("validate", xml_file).returncode == 0) == waymark_ok
    assert schema_ok == waymark_ok == xsd_ok, (schema_ok, xsd_ok, waymark_ok)


def shared_capture_files(shared):
    kinds = {".json", ".side", ".zip", ".mht", ".mhtml", ".xml"}
    return sorted(p for p in (shared / "captures").rglob("*") if p.is_file() and p.suffix.lower() in kinds)


def test_every_real_capture_converts_to_schema_valid_native_files(shared_dir, tmp_path):
    """Foreign recordings from ../shared, converted by `waymark import`, satisfy both native schemas."""
    files = shared_capture_files(shared_dir)
    assert files
    converted = 0
    validator = json_validator()
    for index, path in enumerate(files):
        out_xml = tmp_path / f"{index}-xml"
        out_json = tmp_path / f"{index}-json"
        to_xml = run_waymark("import", path, "--to", "xml", "--out", out_xml)
        to_json = run_waymark("import", path, "--to", "json", "--out", out_json)
        assert to_xml.returncode == to_json.returncode, path
        if to_xml.returncode != 0:
            # A file Waymark refuses must say why, with a diagnostic code.
            assert to_xml.returncode == 2 and "error[" in to_xml.stderr, (path, to_xml.stderr)
            continue
        for xml_file in sorted(out_xml.glob("*.xml")):
            lint = xmllint(xml_file)
            assert lint.returncode == 0, (path, lint.stderr)
        for json_file in sorted(out_json.glob("*.json")):
            errors = list(validator.iter_errors(json.loads(json_file.read_text(encoding="utf-8"))))
            assert errors == [], (path, [e.message for e in errors])
            converted += 1
    assert converted >= len(files) // 2


def test_mastery_score_is_in_both_schemas(tmp_path):
    """The optional pass mark of LMS packages: 0–100 in JSON Schema and XSD alike."""
    validator = json_validator()
    capture = {"waymark": 1, "id": "x", "title": "X", "masteryScore": 90, "steps": [{"action": "click"}]}
    validator.validate(capture)
    for bad in (101, -1, 0.5, "90"):
        assert not validator.is_valid(dict(capture, masteryScore=bad)), bad
    good = tmp_path / "good.xml"
    good.write_text('<capture version="1" id="x"><title>X</title><masteryScore>90</masteryScore>'
                    '<steps><step action="click"/></steps></capture>')
    assert xmllint(good).returncode == 0, xmllint(good).stderr
    bad = tmp_path / "bad.xml"
    bad.write_text(good.read_text().replace(">90<", ">101<"))
    assert xmllint(bad).returncode != 0
