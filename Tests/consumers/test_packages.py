"""SCORM 1.2 and cmi5 packages (`waymark build --package scorm12 --package cmi5`), checked by real consumers.

- Every `imsmanifest.xml` and `cmi5.xml` is validated by `xmllint --schema` against the official XSDs in
  ../shared/schemas; the package carries the SCORM schemas, equal (line endings aside) to the official ones.
- Packages are deterministic (byte-identical zips, whatever the time zone), recorded in the lock, reported by
  `waymark check` when edited or missing, skipped by incremental builds, rebuilt when the mastery score changes.
- Odd titles (Unicode, quotes, `<`, `&`, `]]>`) and an id starting with a digit go through the whole path.

The run-times are exercised in headless Chromium in test_package_runtimes.py.
"""
import json
import pathlib
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import pytest

from conftest import SAMPLE_COUNT, SAMPLES, require_tool, run_waymark

ODD_TITLE = 'Zählerstand "melden" <Team A&B> ]]> 北京 — it\'s done'
ODD_ID = "2027-q1-close"
SCORM_SCHEMAS = ("adlcp_rootv1p2.xsd", "ims_xml.xsd", "imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd")
IMSCP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
CMI5 = "{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}"


def odd_capture() -> dict:
    """Three steps (so no quiz by default), a title XML and HTML must escape, an id that is no NCName."""
    return {
        "waymark": 1, "id": ODD_ID, "title": ODD_TITLE, "purpose": "Close <Q1> & report ]]> \"done\".",
        "steps": [
            {"action": "navigate", "url": "https://meter.example/readings"},
            {"action": "type", "target": {"label": "Zählerstand", "role": "textbox"}, "value": "4711"},
            {"action": "click", "target": {"label": "Melden <jetzt>", "role": "button"}},
        ],
    }


def make_project(folder: pathlib.Path) -> pathlib.Path:
    shutil.copytree(SAMPLES, folder / "captures")
    (folder / "captures" / f"{ODD_ID}.json").write_text(json.dumps(odd_capture(), ensure_ascii=False), encoding="utf-8")
    return folder


def build(project, *args, env=None):
    result = run_waymark("build", "captures", "--out", "out", *args, cwd=project, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def packaged(tmp_path_factory) -> pathlib.Path:
    project = make_project(tmp_path_factory.mktemp("packaged"))
    (project / "waymark.yml").write_text("captures: [captures]\npackages: [scorm12, cmi5]\n")
    build(project)
    return project


def zips(project, kind):
    found = sorted((project / "out").glob(f"*/*-{kind}.zip"))
    assert len(found) == SAMPLE_COUNT + 1, found
    return found


def read_zip(path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def xmllint(schema: pathlib.Path, document: pathlib.Path):
    result = subprocess.run([require_tool("xmllint"), "--noout", "--nonet", "--schema", str(schema), str(document)],
                            capture_output=True, text=True)
    assert result.returncode == 0, f"{document}:\n{result.stderr}"


def test_every_scorm_manifest_is_valid_and_lists_every_file(packaged, shared_dir, tmp_path):
    official = shared_dir / "schemas" / "scorm12"
    for package in zips(packaged, "scorm12"):
        files = read_zip(package)
        names = list(files)
        assert names[0] == "imsmanifest.xml"
        manifest = tmp_path / f"{package.stem}-imsmanifest.xml"
        manifest.write_bytes(files["imsmanifest.xml"])
        xmllint(official / "scorm12-all.xsd", manifest)

        root = ET.fromstring(files["imsmanifest.xml"])
        assert root.find(f"{IMSCP}metadata/{IMSCP}schema").text == "ADL SCORM"
        assert root.find(f"{IMSCP}metadata/{IMSCP}schemaversion").text == "1.2"
        organizations = root.findall(f"{IMSCP}organizations/{IMSCP}organization")
        resources = root.findall(f"{IMSCP}resources/{IMSCP}resource")
        assert len(organizations) == 1 and len(resources) == 1
        resource = resources[0]
        assert resource.get("{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype") == "sco"
        listed = [f.get("href") for f in resource.findall(f"{IMSCP}file")]
        assert sorted(listed) == sorted(n for n in names if n != "imsmanifest.xml")
        assert resource.get("href") in files
        # The package carries the official schemas (the copies are stored with LF line endings).
        for schema in SCORM_SCHEMAS:
            official_text = (official / schema).read_bytes().replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            assert files[schema].rstrip(b"\n") == official_text.rstrip(b"\n"), schema


def test_every_cmi5_course_structure_is_valid(packaged, shared_dir, tmp_path):
    for package in zips(packaged, "cmi5"):
        files = read_zip(package)
        assert list(files)[0] == "cmi5.xml"
        structure = tmp_path / f"{package.stem}-cmi5.xml"
        structure.write_bytes(files["cmi5.xml"])
        xmllint(shared_dir / "schemas" / "cmi5" / "CourseStructure.xsd", structure)
        root = ET.fromstring(files["cmi5.xml"])
        aus = root.findall(f"{CMI5}au")
        assert len(root.findall(f"{CMI5}course")) == 1 and len(aus) == 1
        url = aus[0].find(f"{CMI5}url").text
        assert "://" not in url and url in files
        assert aus[0].get("moveOn") in ("CompletedAndPassed", "Completed")


def test_mastery_score_and_quiz_reach_both_descriptions(packaged):
    guide = (packaged / "out" / "reset-password" / "guide.md").read_text()
    assert "Check your understanding" in guide
    scorm = read_zip(packaged / "out" / "reset-password" / "reset-password-scorm12.zip")
    assert b"<adlcp:masteryscore>80</adlcp:masteryscore>" in scorm["imsmanifest.xml"]
    cmi5 = ET.fromstring(read_zip(packaged / "out" / "reset-password" / "reset-password-cmi5.zip")["cmi5.xml"])
    au = cmi5.find(f"{CMI5}au")
    assert (au.get("moveOn"), au.get("masteryScore")) == ("CompletedAndPassed", "0.8")
    # The package's page has the interactive quiz and no printed answer key.
    page = scorm["guide.html"].decode()
    assert 'class="wm-quiz"' in page and "Answers:" not in page and "<legend>" in page
    assert 'aria-live="polite"' in page and "http://" not in page.split("</main>")[1]


def test_odd_titles_and_ids_survive(packaged, shared_dir):
    folder = packaged / "out" / ODD_ID
    scorm = read_zip(folder / f"{ODD_ID}-scorm12.zip")
    cmi5 = read_zip(folder / f"{ODD_ID}-cmi5.zip")
    manifest = ET.fromstring(scorm["imsmanifest.xml"])
    titles = [t.text for t in manifest.iter(f"{IMSCP}title")]
    assert titles == [ODD_TITLE, ODD_TITLE]
    assert manifest.get("identifier") == f"waymark-{ODD_ID}"
    structure = ET.fromstring(cmi5["cmi5.xml"])
    assert [t.text for t in structure.iter(f"{CMI5}langstring")][0] == ODD_TITLE
    assert structure.find(f"{CMI5}course").get("id") == f"urn:waymark:course:{ODD_ID}"
    # No quiz (three steps): the SCO completes when read, and neither file names a mastery score.
    assert b"masteryscore" not in scorm["imsmanifest.xml"]
    assert structure.find(f"{CMI5}au").get("moveOn") == "Completed"
    assert structure.find(f"{CMI5}au").get("masteryScore") is None
    page = scorm["guide.html"].decode()
    assert "<title>Zählerstand &quot;melden&quot; &lt;Team A&amp;B&gt; ]]&gt; 北京" in page


def test_no_secret_reaches_a_package(packaged):
    secrets = []
    for capture in SAMPLES.glob("*.json"):
        for step in json.loads(capture.read_text()).get("steps", []):
            if step.get("sensitive") and len(step.get("value", "")) >= 4:
                secrets.append(step["value"].encode())
    assert secrets, "the samples hold sensitive values"
    for package in zips(packaged, "scorm12") + zips(packaged, "cmi5"):
        for name, data in read_zip(package).items():
            for secret in secrets:
                assert secret not in data, f"{package.name}:{name} holds a secret"


def test_packages_are_deterministic_in_any_time_zone(packaged, tmp_path):
    again = make_project(tmp_path / "again")
    build(again, "--package", "cmi5", "--package", "scorm12", env={"TZ": "Pacific/Kiritimati"})
    for package in zips(packaged, "scorm12") + zips(packaged, "cmi5"):
        twin = again / "out" / package.parent.name / package.name
        assert twin.read_bytes() == package.read_bytes(), package.name
        with zipfile.ZipFile(package) as archive:
            assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_self_contained_packages_inline_the_page(tmp_path):
    project = make_project(tmp_path)
    build(project, "--package", "scorm12", "--self-contained")
    files = read_zip(project / "out" / "reset-password" / "reset-password-scorm12.zip")
    assert not any(name.startswith("images/") for name in files)
    assert "assets/waymark.css" not in files
    assert b"data:image/png;base64," in files["guide.html"]


def test_template_overrides_brand_the_package(tmp_path):
    project = make_project(tmp_path)
    brand = project / "brand"
    (brand / "packages").mkdir(parents=True)
    (brand / "assets").mkdir()
    (brand / "assets" / "waymark.css").write_text("body { color: #123456; }\n")
    course = (pathlib.Path(__file__).resolve().parents[2] / "Templates" / "packages" / "course.html.mustache").read_text()
    (brand / "packages" / "course.html.mustache").write_text(course.replace("Check your understanding", "Quick check"))
    output = build(project, "--package", "scorm12", "--templates", "brand")
    assert "not a template" not in output
    files = read_zip(project / "out" / "reset-password" / "reset-password-scorm12.zip")
    assert files["assets/waymark.css"] == b"body { color: #123456; }\n"
    assert b"Quick check" in files["guide.html"]


def check_json(project):
    result = run_waymark("check", "captures", "--out", "out", "--report", "json", cwd=project)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def test_packages_are_locked_checked_and_built_incrementally(tmp_path):
    project = make_project(tmp_path)
    (project / "waymark.yml").write_text("captures: [captures]\npackages: [scorm12]\nmastery_score: 80\n")
    build(project)
    package = project / "out" / "reset-password" / "reset-password-scorm12.zip"
    lock = json.loads((project / "out" / "waymark.lock").read_text())
    outputs = lock["captures"]["reset-password"]["outputs"]
    assert "reset-password-scorm12.zip" in outputs
    assert 'href="reset-password/reset-password-scorm12.zip"' in (project / "out" / "index.html").read_text()
    assert check_json(project)[0] == 0

    # Nothing changed: every guide is skipped, packages included.
    assert f"{SAMPLE_COUNT + 1} up-to-date guides skipped" in build(project)

    # The mastery score shapes packages: changing it rebuilds them.
    before = package.read_bytes()
    (project / "waymark.yml").write_text("captures: [captures]\npackages: [scorm12]\nmastery_score: 90\n")
    assert f"Built {SAMPLE_COUNT + 1} guides" in build(project)
    assert b"<adlcp:masteryscore>90</adlcp:masteryscore>" in read_zip(package)["imsmanifest.xml"]
    assert package.read_bytes() != before

    # Edited and missing packages are findings like any other output.
    package.write_bytes(package.read_bytes() + b"\0")
    code, report = check_json(project)
    assert code == 1
    assert [(f["status"], f["file"]) for f in report["findings"]] == [
        ("edited", "out/reset-password/reset-password-scorm12.zip")]
    package.unlink()
    code, report = check_json(project)
    assert [(f["status"], f["file"]) for f in report["findings"]] == [
        ("missing", "out/reset-password/reset-password-scorm12.zip")]


@pytest.mark.parametrize("config, code, where", [
    ("packages: [scorm12, scorm2004]\n", "package.unknown-kind", "waymark.yml:1:21"),
    ("mastery_score: 120\n", "package.mastery-score", "waymark.yml:1:16"),
    ("mastery_scores: 80\n", "config.unknown-key", "waymark.yml:1:1"),
])
def test_bad_package_settings_exit_2_with_line_and_column(tmp_path, config, code, where):
    project = make_project(tmp_path)
    (project / "waymark.yml").write_text(config)
    result = run_waymark("build", "captures", "--out", "out", cwd=project)
    assert result.returncode == 2
    assert f"{where}: error[{code}]" in result.stderr, result.stderr


def test_unknown_package_option_and_bad_capture_score_exit_2(tmp_path):
    project = make_project(tmp_path)
    result = run_waymark("build", "captures", "--out", "out", "--package", "scorm2004", cwd=project)
    assert result.returncode == 2 and "error[package.unknown-kind]" in result.stderr, result.stderr
    data = json.loads((project / "captures" / "reset-password.json").read_text())
    data["masteryScore"] = 101
    (project / "captures" / "reset-password.json").write_text(json.dumps(data))
    result = run_waymark("build", "captures", "--out", "out", "--package", "cmi5", cwd=project)
    assert result.returncode == 2 and "error[capture.mastery-score]" in result.stderr, result.stderr


def test_golden_descriptions_are_valid_too(shared_dir):
    """The golden manifests and course structures of the Swift tests pass the same validators."""
    snapshots = pathlib.Path(__file__).resolve().parents[1] / "WaymarkPackagingTests" / "__Snapshots__"
    manifests = sorted(snapshots.glob("*/imsmanifest.xml"))
    structures = sorted(snapshots.glob("*/cmi5.xml"))
    assert len(manifests) == len(structures) == 7
    for manifest in manifests:
        xmllint(shared_dir / "schemas" / "scorm12" / "scorm12-all.xsd", manifest)
    for structure in structures:
        xmllint(shared_dir / "schemas" / "cmi5" / "CourseStructure.xsd", structure)


def test_a_package_no_longer_asked_for_is_removed_unless_edited(tmp_path):
    project = make_project(tmp_path)
    build(project, "--package", "scorm12", "--package", "cmi5")
    folder = project / "out" / "reset-password"
    edited = project / "out" / "submit-expense-report" / "submit-expense-report-cmi5.zip"
    edited.write_bytes(edited.read_bytes() + b"\0")
    build(project, "--package", "scorm12")
    assert (folder / "reset-password-scorm12.zip").is_file()
    assert not (folder / "reset-password-cmi5.zip").exists()
    assert edited.is_file()  # someone changed it since: theirs, left alone
    lock = json.loads((project / "out" / "waymark.lock").read_text())
    assert not any(path.endswith("-cmi5.zip") for entry in lock["captures"].values() for path in entry["outputs"])
