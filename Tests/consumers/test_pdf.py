"""Printed guides (`waymark build --package pdf`), checked by real consumers: poppler-utils.

- `pdfinfo`: A4 (595 x 842 pt, within a point) by default, Letter (612 x 792 pt) with `--paper letter` or `paper: letter`; every job
  aid is one page, a 20-step one included.
- `pdftotext`: every step is in the guide, and no step is split across pages (its first and last line are on one).
- `pdfimages -list`: the screenshots are embedded.
- `pdftoppm`: every page rendered as an image into the browser tests' `_screens/pdf/` folder (the first page of each
  PDF kept as PNG for people to look at); each page A4-shaped and not blank.
- Two builds give identical PDF bytes (`cmp`); the PDFs are in the lock, `waymark check` reports them edited or
  missing, incremental builds skip them, and dropping `pdf` removes them.
- Without chromedriver: `browser.driver-missing` naming the Debian package, exit 2, the other materials built.

Each build runs Chromium through chromedriver on loopback; after every build the test checks that no process the
build started (they carry `WAYMARK_BROWSER_OWNER=<pid of waymark>-…`) is left, and kills and fails if one is.
"""
import hashlib
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess

import html5lib
import pytest

from conftest import ROOT, SAMPLES, require_tool, run_waymark, waymark_binary

TWENTY = "twenty-steps"


def make_project(folder: pathlib.Path, names=None) -> pathlib.Path:
    """The sample captures (JSON) with their screenshots, plus a 20-step capture cut from the longest sample."""
    captures = folder / "captures"
    shutil.copytree(SAMPLES / "images", captures / "images")
    for path in sorted(SAMPLES.glob("*.json")):
        if names is None or path.stem in names:
            shutil.copy(path, captures / path.name)
    if names is None or TWENTY in names:
        long = json.loads((SAMPLES / "run-month-end-report.json").read_text(encoding="utf-8"))
        assert len(long["steps"]) > 20
        long["id"], long["title"], long["steps"] = TWENTY, "Twenty steps of the month-end report", long["steps"][:20]
        (captures / f"{TWENTY}.json").write_text(json.dumps(long, ensure_ascii=False), encoding="utf-8")
    return folder


def survivors(owner_pid: int) -> list:
    """Processes whose environment names `owner_pid` as the owner of their browser."""
    found = []
    marker = f"WAYMARK_BROWSER_OWNER={owner_pid}-".encode()
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def waymark(project, *args, env=None, timeout=600):
    """Runs `waymark ARGS` in `project`; stops it (and its group) on timeout; fails if a browser it started survives."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    process = subprocess.Popen([str(waymark_binary()), *map(str, args)], cwd=project, env=full_env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
        left = survivors(process.pid)
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    assert not left, f"processes of waymark {process.pid} survived it: {left}"
    return process.returncode, stdout + stderr


def build(project, *args, out="out", env=None):
    code, output = waymark(project, "build", "captures", "--out", out, *args, env=env)
    assert code == 0, output
    return output


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> pathlib.Path:
    project = make_project(tmp_path_factory.mktemp("printed"))
    (project / "waymark.yml").write_text("captures: [captures]\npackages: [pdf]\n")
    build(project)
    return project


def pdf_info(path: pathlib.Path) -> dict:
    result = subprocess.run([require_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)


def page_size(path: pathlib.Path) -> tuple:
    """Width and height in points, as whole numbers where Chromium's page is within a point of a paper size
    (Chromium rounds A4's 595.28 x 841.89 pt to 595.92 x 841.92 pt; pdfinfo still names it A4)."""
    size = pdf_info(path)["Page size"]
    match = re.match(r"\s*([\d.]+) x ([\d.]+) pts", size)
    width, height = float(match.group(1)), float(match.group(2))
    for paper, (w, h) in {"A4": (595, 842), "letter": (612, 792)}.items():
        if abs(width - w) <= 1 and abs(height - h) <= 1:
            assert f"({paper})" in size, size
            return w, h
    return width, height


def guides(project, out="out"):
    found = sorted((project / out).glob("*/guide.pdf"))
    assert found, "no guide.pdf written"
    return found


def squeezed(text: str) -> str:
    """Text without white space and hyphens: pdftotext places spaces where the layout has gaps (around code spans,
    at line ends) and joins a word broken after its hyphen ("out-of-" + "pocket" → "out-ofpocket")."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


def step_texts(guide_html: pathlib.Path) -> list:
    """Per step of the guide page: the text blocks a reader sees, in order (paragraphs, captions, notes)."""
    document = html5lib.parse(guide_html.read_text(encoding="utf-8"), namespaceHTMLElements=False)
    steps = []
    for item in document.iter("li"):
        if "wm-step" not in (item.get("class") or "").split():
            continue
        for link in [a for a in item.iter("a") if "wm-step-link" in (a.get("class") or "")]:
            link.text = ""  # the "Link" anchor is not printed
        for hint in [s for s in item.iter() if "wm-screen-only" in (s.get("class") or "").split()]:
            hint.text = ""  # nor are hints for screens ("Select the picture…")
        blocks = [squeezed("".join(block.itertext())) for block in item.iter() if block.tag in ("p", "figcaption")]
        blocks = [block for block in blocks if block] or [squeezed("".join(item.itertext()))]
        assert blocks[0], "a step without text"
        steps.append(blocks)
    return steps


def test_pages_are_a4_by_default(printed):
    for guide in guides(printed):
        assert page_size(guide) == (595, 842), guide
        assert page_size(guide.with_name("job-aid.pdf")) == (595, 842), guide


def test_every_job_aid_is_one_page_twenty_steps_included(printed):
    twenty = json.loads((printed / "captures" / f"{TWENTY}.json").read_text(encoding="utf-8"))
    assert len(twenty["steps"]) == 20
    for guide in guides(printed):
        assert pdf_info(guide.with_name("job-aid.pdf"))["Pages"].strip() == "1", guide
    assert int(pdf_info(printed / "out" / TWENTY / "guide.pdf")["Pages"]) > 1


def test_every_step_is_printed_and_none_is_split_across_pages(printed, tmp_path):
    pdftotext = require_tool("pdftotext")
    for guide in guides(printed):
        text = subprocess.run([pdftotext, str(guide), "-"], capture_output=True, text=True, check=True).stdout
        pages = [squeezed(page) for page in text.split("\f")]
        full = "\f".join(pages)
        steps = step_texts(guide.with_name("guide.html"))
        assert len(steps) >= 10, guide
        cursor = 0
        for number, blocks in enumerate(steps, start=1):
            first, last = blocks[0][:25], blocks[-1][-25:]
            start = full.find(first, cursor)
            assert start >= 0, f"{guide}: step {number} ({first!r}) is not in the PDF"
            end = full.find(last, start)
            assert end >= 0, f"{guide}: the end of step {number} ({last!r}) is not in the PDF"
            assert full.count("\f", start, end + len(last)) == 0, \
                f"{guide}: step {number} is split across pages {full.count(chr(12), 0, start) + 1} and " \
                f"{full.count(chr(12), 0, end) + 1}"
            cursor = start + 1


def test_screenshots_are_embedded(printed):
    pdfimages = require_tool("pdfimages")
    for guide in guides(printed):
        shots = {hashlib.sha256(path.read_bytes()).hexdigest() for path in (guide.parent / "images").glob("step-*")}
        listing = subprocess.run([pdfimages, "-list", str(guide)], capture_output=True, text=True, check=True).stdout
        images = [row for row in listing.splitlines()[2:] if row.split()[2:3] == ["image"]]
        assert len(images) >= len(shots) > 0, f"{guide}: {len(images)} images for {len(shots)} screenshots"


def test_screen_only_hints_are_not_printed(printed):
    """The caption's "Select the picture to open it full size" is for screens: on paper there is nothing to select."""
    pdftotext = require_tool("pdftotext")
    with_pictures = [guide for guide in guides(printed) if "<figcaption>" in (guide.parent / "guide.html").read_text()]
    assert with_pictures, "no printed guide has a screenshot"
    for guide in with_pictures:
        html = (guide.parent / "guide.html").read_text(encoding="utf-8")
        assert "Select the picture" in html, f"{guide.parent.name}: the screen hint is gone from the HTML too"
        text = squeezed(subprocess.run([pdftotext, str(guide), "-"], capture_output=True, text=True, check=True).stdout)
        assert "Screenshotofstep" in text, f"{guide}: captions are not printed at all"
        assert "Selectthepicture" not in text, f"{guide}: the screen-only hint is printed"


def test_links_show_their_address_and_local_paths_stay_out(printed):
    text = subprocess.run([require_tool("pdftotext"), str(printed / "out" / "reset-password" / "guide.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "https://account.contoso.example/signin" in text
    raw = b"".join(path.read_bytes() for path in guides(printed))
    assert str(printed).encode() not in raw and b"file://" not in raw


def test_two_builds_give_identical_bytes(printed):
    build(printed, out="out-again")
    for guide in guides(printed):
        for name in ("guide.pdf", "job-aid.pdf"):
            first, second = guide.with_name(name), printed / "out-again" / guide.parent.name / name
            result = subprocess.run(["cmp", str(first), str(second)], capture_output=True, text=True)
            assert result.returncode == 0, result.stdout + result.stderr
    assert b"/CreationDate (D:19800101000000+00'00')" in guides(printed)[0].read_bytes()


def check_json(project):
    code, output = waymark(project, "check", "captures", "--out", "out", "--report", "json")
    assert code in (0, 1), output
    return code, json.loads(output[output.index("{"):output.rindex("}") + 1])


def test_letter_paper_from_the_command_line_and_from_waymark_yml(tmp_path):
    project = make_project(tmp_path, names={"reset-password"})
    build(project, "--package", "pdf", "--paper", "letter")
    assert page_size(project / "out" / "reset-password" / "guide.pdf") == (612, 792)
    assert page_size(project / "out" / "reset-password" / "job-aid.pdf") == (612, 792)
    (project / "waymark.yml").write_text("captures: [captures]\npackages: [pdf]\npaper: letter\n")
    build(project, out="from-yml")
    assert page_size(project / "from-yml" / "reset-password" / "job-aid.pdf") == (612, 792)


def test_self_contained_pages_and_template_overrides_print_too(tmp_path):
    """`--self-contained` (images inlined in the page) still prints every screenshot, and a team's own guide template
    is what is printed."""
    project = make_project(tmp_path, names={"reset-password"})
    build(project, "--package", "pdf", "--self-contained", out="inline")
    guide = project / "inline" / "reset-password" / "guide.pdf"
    listing = subprocess.run([require_tool("pdfimages"), "-list", str(guide)], capture_output=True, text=True,
                             check=True).stdout
    shots = json.loads((project / "captures" / "reset-password.json").read_text())["steps"]
    expected = len({step["screenshot"]["path"] for step in shots if step.get("screenshot")})
    assert len([row for row in listing.splitlines()[2:] if row.split()[2:3] == ["image"]]) >= expected > 0, listing

    brand = project / "brand"
    brand.mkdir()
    template = (ROOT / "Templates" / "guide.html.mustache").read_text(encoding="utf-8")
    assert "</main>" in template
    (brand / "guide.html.mustache").write_text(template.replace("</main>", "<p>Printed for the Acme training team</p></main>"))
    build(project, "--package", "pdf", "--templates", "brand", out="branded")
    text = subprocess.run([require_tool("pdftotext"), str(project / "branded" / "reset-password" / "guide.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Printed for the Acme training team" in " ".join(text.split()), text[-500:]


def test_pdfs_are_locked_checked_built_incrementally_and_removed_when_dropped(tmp_path):
    project = make_project(tmp_path, names={"reset-password"})
    (project / "waymark.yml").write_text("captures: [captures]\npackages: [pdf]\n")
    build(project)
    folder = project / "out" / "reset-password"
    outputs = json.loads((project / "out" / "waymark.lock").read_text())["captures"]["reset-password"]["outputs"]
    assert {"guide.pdf", "job-aid.pdf"} <= set(outputs)
    assert 'href="reset-password/guide.pdf"' in (project / "out" / "index.html").read_text()
    assert check_json(project)[0] == 0

    # Nothing changed: skipped, and the PDFs are not printed again.
    stamp = (folder / "guide.pdf").stat().st_mtime_ns
    assert "1 up-to-date guide skipped" in build(project)
    assert (folder / "guide.pdf").stat().st_mtime_ns == stamp

    # Edited and missing PDFs are findings like any other output.
    (folder / "guide.pdf").write_bytes((folder / "guide.pdf").read_bytes() + b"%edited\n")
    (folder / "job-aid.pdf").unlink()
    code, report = check_json(project)
    assert code == 1
    assert sorted((f["status"], f["file"]) for f in report["findings"]) == [
        ("edited", "out/reset-password/guide.pdf"), ("missing", "out/reset-password/job-aid.pdf")]

    # Asked for no more: written PDFs go (an edited one stays: someone changed it since).
    build(project, "--force")
    (project / "waymark.yml").write_text("captures: [captures]\n")
    build(project)
    assert not (folder / "guide.pdf").exists() and not (folder / "job-aid.pdf").exists()
    assert (folder / "guide.html").is_file()
    lock = json.loads((project / "out" / "waymark.lock").read_text())
    assert not any(path.endswith(".pdf") for path in lock["captures"]["reset-password"]["outputs"])


def test_without_chromedriver_the_error_names_the_package_and_the_rest_is_built(tmp_path):
    project = make_project(tmp_path, names={"reset-password"})
    code, output = waymark(project, "build", "captures", "--out", "out", "--package", "pdf",
                           env={"WAYMARK_CHROMEDRIVER": str(tmp_path / "no-chromedriver")})
    assert code == 2, output
    assert "error[browser.driver-missing]" in output and "chromium-driver" in output, output
    folder = project / "out" / "reset-password"
    assert (folder / "guide.html").is_file() and (folder / "job-aid.html").is_file()
    assert not (folder / "guide.pdf").exists()


def test_an_unknown_paper_exits_2(tmp_path):
    project = make_project(tmp_path, names={"reset-password"})
    code, output = waymark(project, "build", "captures", "--out", "out", "--package", "pdf", "--paper", "legal")
    assert code == 2 and "error[package.paper]" in output, output


def test_a_crowded_job_aid_is_shrunk_onto_one_page_and_an_overlong_one_warns(tmp_path):
    """Twenty steps with three-line notes do not fit one page at 100 %: the job aid is printed smaller until they do.
    Sixty such steps cannot fit even at 50 %: the PDF is written with more pages and the build warns."""
    note = ("Check the figure against the signed paper copy before you continue; if the two differ, stop here and "
            "ask the controller on duty, who keeps the list of approved exceptions for this month's close.")
    base = json.loads((SAMPLES / "run-month-end-report.json").read_text(encoding="utf-8"))
    captures = tmp_path / "captures"
    captures.mkdir()
    for capture_id, count in (("crowded", 20), ("overlong", 60)):
        steps = [dict(base["steps"][i % len(base["steps"])], note=f"{note} ({i + 1})") for i in range(count)]
        for step in steps:
            step.pop("screenshot", None)
        capture = dict(base, id=capture_id, title=f"{count} annotated steps", steps=steps)
        (captures / f"{capture_id}.json").write_text(json.dumps(capture, ensure_ascii=False), encoding="utf-8")
    output = build(tmp_path, "--package", "pdf")
    crowded = tmp_path / "out" / "crowded" / "job-aid.pdf"
    assert pdf_info(crowded)["Pages"].strip() == "1"
    text = subprocess.run([require_tool("pdftotext"), str(crowded), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "(20)" in squeezed(text) and "(1)" in squeezed(text)
    assert int(pdf_info(tmp_path / "out" / "overlong" / "job-aid.pdf")["Pages"]) > 1
    warnings = [line for line in output.splitlines() if "warning[package.job-aid-pages]" in line]
    assert len(warnings) == 1 and "overlong.json" in warnings[0], output


def read_pgm(path: pathlib.Path):
    """Width, height and grey bytes of a binary PGM (what `pdftoppm -gray` writes)."""
    data = path.read_bytes()
    fields, position = [], 0
    while len(fields) < 4:
        while data[position:position + 1].isspace():
            position += 1
        if data[position:position + 1] == b"#":
            position = data.index(b"\n", position) + 1
            continue
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    assert fields[0] == b"P5", f"{path}: not a binary PGM"
    width, height = int(fields[1]), int(fields[2])
    pixels = data[position + 1:]
    assert len(pixels) == width * height, f"{path}: {len(pixels)} bytes for {width}x{height}"
    return width, height, pixels


def test_pages_look_right_as_images(printed, samples_out):
    """Every printed page rendered by poppler (`pdftoppm`) into the browser tests' screenshots folder, for people
    to look at; each is A4-shaped and none is blank."""
    pdftoppm = require_tool("pdftoppm")
    folder = samples_out / "_screens" / "pdf"
    folder.mkdir(parents=True, exist_ok=True)
    for pdf in sorted(printed.glob("out/*/*.pdf")):
        pages = int(pdf_info(pdf)["Pages"].strip())
        stem = folder / f"{pdf.parent.name}-{pdf.stem}"
        subprocess.run([pdftoppm, "-r", "40", "-gray", str(pdf), str(stem)], check=True, timeout=120)
        subprocess.run([pdftoppm, "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(stem)], check=True, timeout=120)
        images = sorted(folder.glob(f"{stem.name}-*.pgm"))
        assert len(images) == pages, f"{pdf}: {len(images)} page images for {pages} pages"
        assert list(folder.glob(f"{stem.name}-*1.png")), f"{pdf}: no PNG of the first page"
        for image in images:
            width, height, pixels = read_pgm(image)
            assert abs(height / width - 297 / 210) < 0.02, f"{image}: {width}x{height} is not A4-shaped"
            dark = sum(1 for value in pixels if value < 128)
            assert dark > 20, f"{image}: the page is blank ({dark} dark pixels)"
            image.unlink()
