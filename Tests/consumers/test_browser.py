"""The guides and dashboard as people see them: headless Chromium (Debian) driven by Selenium, pages opened from disk.

For every sample guide, its job aid and the dashboard: no console errors, every image loaded and described, headings
in order, every interactive element reachable with Tab, text contrast >= 4.5:1 in light and dark mode, no sideways
scrolling at 375 px and 1280 px, a print layout (steps never split across pages, job aid on one A4 and one Letter
page). Highlight boxes must lie over the recorded rectangle of their screenshot. Screenshots go to `<out>/_screens/`;
with WAYMARK_UPDATE_SCREENS=1 the README's pictures in docs/screens/ are refreshed from the same run.

One browser session serves the whole module; the browser has no network (file:// only).
"""
import base64
import json
import os
import pathlib
import re
import shutil
import subprocess

import pytest

from conftest import IS_CI, ROOT, SAMPLES, run_waymark

WIDTHS = (375, 1280)
HEIGHT = 800
MIN_CONTRAST = 4.5
SAMPLE_IDS = sorted(path.stem for path in SAMPLES.glob("*.json"))


# MARK: - The browser


def _chromium_paths():
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        where = "under CI (CI=true) " if IS_CI else ""
        pytest.fail(f"chromium and chromium-driver are required {where}for the browser tests; `make test` installs "
                    "them (Makefile APT_TEST)")
    return browser, driver


@pytest.fixture(scope="module")
def driver():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("selenium is not installed; `make test` installs it (Makefile PIP_TEST)")
    browser, chromedriver = _chromium_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US",
                     "--disable-extensions", "--no-first-run", "--disable-background-networking",
                     # No network: every host name fails to resolve; file:// pages load as usual.
                     "--host-resolver-rules=MAP * ~NOTFOUND", f"--window-size={WIDTHS[1]},{HEIGHT}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    session = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    try:
        yield session
    finally:
        session.quit()


@pytest.fixture(scope="module")
def screens(samples_out) -> pathlib.Path:
    folder = samples_out / "_screens"
    folder.mkdir(exist_ok=True)
    return folder


def set_viewport(driver, width, height=HEIGHT):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def set_media(driver, media="", scheme="light"):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def open_page(driver, path: pathlib.Path):
    """Loads a page from disk, waits for it and its images, and returns the console messages it logged."""
    driver.get_log("browser")  # drop messages of the previous page
    set_media(driver)
    driver.get(path.resolve().as_uri())
    driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const images = Array.from(document.images);
        Promise.all(images.map(img => img.complete ? null : new Promise(r => { img.onload = img.onerror = r; })))
            .then(() => done(true));
    """)
    return driver.get_log("browser")


def save_screen(driver, path: pathlib.Path, full_page=False):
    params = {"format": "png"}
    if full_page:
        size = driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        params.update(captureBeyondViewport=True,
                      clip={"x": 0, "y": 0, "width": size[0], "height": min(size[1], 6000), "scale": 1})
    data = driver.execute_cdp_cmd("Page.captureScreenshot", params)["data"]
    path.write_bytes(base64.b64decode(data))


def pdf_page_count(driver, paper) -> int:
    width, height = paper
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": width, "paperHeight": height, "printBackground": True, "preferCSSPageSize": False})
    data = base64.b64decode(pdf["data"])
    # Each page object is `/Type /Page` (the tree root is `/Type /Pages`).
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


A4 = (8.27, 11.69)
LETTER = (8.5, 11.0)


# MARK: - Checks run inside the page

FOCUSABLE_JS = """
const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
return Array.from(document.querySelectorAll(selector)).filter(el => {
    if (el.disabled || el.getAttribute('tabindex') === '-1') return false;
    if (el.closest('[hidden], [inert]')) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && el.getClientRects().length > 0;
}).map((el, index) => { el.setAttribute('data-wm-focus', String(index)); return describe(el); });
function describe(el) { return el.tagName.toLowerCase() + ' ' + (el.getAttribute('href') || el.id || el.textContent.trim().slice(0, 40)); }
"""

CONTRAST_JS = """
function parse(color) {
    const m = color.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
}
function over(top, bottom) {
    const a = top.a + bottom.a * (1 - top.a);
    if (a === 0) return {r: 0, g: 0, b: 0, a: 0};
    const mix = k => (top[k] * top.a + bottom[k] * bottom.a * (1 - top.a)) / a;
    return {r: mix('r'), g: mix('g'), b: mix('b'), a: a};
}
function background(el) {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
        const c = parse(getComputedStyle(node).backgroundColor);
        if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    // What shows through every layer: the canvas (white, or the dark canvas in dark mode).
    const dark = matchMedia('(prefers-color-scheme: dark)').matches && !matchMedia('print').matches;
    let result = dark ? {r: 18, g: 18, b: 18, a: 1} : {r: 255, g: 255, b: 255, a: 1};
    for (let i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
    return result;
}
function luminance(c) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
const failures = [];
let checked = 0;
for (const el of document.querySelectorAll('body *')) {
    const text = Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
    if (!text) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    if (el.closest('[hidden], script, style')) continue;
    const bg = background(el);
    const fg = over(parse(style.color), bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    checked += 1;
    if (ratio < arguments[0]) failures.push(el.tagName.toLowerCase() + '.' + el.className + ' "' + text.slice(0, 30) + '" ' + ratio.toFixed(2) + ':1 (' + style.color + ' on rgb(' + [bg.r, bg.g, bg.b].map(Math.round) + '))');
}
return {checked: checked, failures: failures};
"""


def console_errors(logs):
    return [entry["message"] for entry in logs if entry.get("level") == "SEVERE"]


def check_images(driver):
    images = driver.execute_script("""
        return Array.from(document.images).map(img => ({src: img.getAttribute('src'), width: img.naturalWidth,
            complete: img.complete, alt: img.getAttribute('alt')}));
    """)
    broken = [img["src"] for img in images if not img["complete"] or img["width"] == 0]
    missing_alt = [img["src"] for img in images if not (img["alt"] or "").strip()]
    assert broken == [], f"images that did not load: {broken}"
    assert missing_alt == [], f"images without alt text: {missing_alt}"
    return images


def check_headings(driver):
    levels = driver.execute_script("""
        return Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
            .filter(h => h.getClientRects().length > 0).map(h => Number(h.tagName[1]));
    """)
    assert levels, "the page has no headings"
    assert levels[0] == 1 and levels.count(1) == 1, f"one h1, first: {levels}"
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"heading level skipped ({before} → {after}) in {levels}"
    return levels


def check_tab_order(driver):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    expected = driver.execute_script(FOCUSABLE_JS)
    driver.execute_script("""
        window.__wmFocused = [];
        document.addEventListener('focusin', e => window.__wmFocused.push(e.target.getAttribute('data-wm-focus')));
        if (document.activeElement) document.activeElement.blur();
        window.scrollTo(0, 0);
    """)
    actions = ActionChains(driver)
    for _ in range(len(expected) + 2):
        actions.send_keys(Keys.TAB)
    actions.perform()
    reached = driver.execute_script("return window.__wmFocused")
    order = [int(index) for index in reached if index is not None]
    missing = [expected[i] for i in range(len(expected)) if i not in set(order)]
    assert missing == [], f"not reachable with Tab: {missing}"
    # Tab follows the document order (no positive tabindex reshuffling).
    first_pass = order[:len(expected)]
    assert first_pass == sorted(first_pass), f"Tab order differs from reading order: {first_pass}"
    return expected


def check_contrast(driver, scheme, page):
    set_media(driver, scheme=scheme)
    result = driver.execute_script(CONTRAST_JS, MIN_CONTRAST)
    assert result["checked"] > 0
    assert result["failures"] == [], f"{page} ({scheme}): text below {MIN_CONTRAST}:1: {result['failures'][:10]}"


def check_widths(driver, page, screens, name):
    driver.execute_script("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0)")
    for width in WIDTHS:
        set_viewport(driver, width)
        for scheme in ("light", "dark"):
            set_media(driver, scheme=scheme)
            overflow = driver.execute_script(
                "return [document.documentElement.scrollWidth, window.innerWidth]")
            assert overflow[1] == width
            assert overflow[0] <= overflow[1], f"{page} scrolls sideways at {width} px ({scheme}): {overflow}"
            save_screen(driver, screens / f"{name}-{width}{'-dark' if scheme == 'dark' else ''}.png",
                        full_page=scheme == "light")
    set_media(driver)
    set_viewport(driver, WIDTHS[1])


def check_highlights(driver, guide_dir: pathlib.Path, capture_id: str):
    """Each highlight box lies over the recorded rectangle of its screenshot, scaled to the displayed size."""
    shots = json.loads((guide_dir / "shotlist.json").read_text())
    recorded = {segment["screenshot"]["path"]: segment["screenshot"] for segment in shots["segments"]
                if segment.get("screenshot")}
    boxes = driver.execute_script("""
        return Array.from(document.querySelectorAll('.wm-shot-frame')).map(frame => {
            const img = frame.querySelector('img'), box = frame.querySelector('.wm-highlight');
            const r = img.getBoundingClientRect(), b = box ? box.getBoundingClientRect() : null;
            return {src: img.getAttribute('src'), img: [r.left, r.top, r.width, r.height],
                    box: b && [b.left, b.top, b.width, b.height]};
        });
    """)
    with_box = 0
    for frame in boxes:
        shot = recorded[frame["src"]]
        rect = shot.get("highlight")
        assert (rect is None) == (frame["box"] is None), f"{frame['src']}: highlight recorded {rect}, drawn {frame['box']}"
        if rect is None:
            continue
        with_box += 1
        left, top, width, height = frame["img"]
        sx, sy = width / shot["width"], height / shot["height"]
        x0, y0 = max(0, rect["x"]), max(0, rect["y"])
        x1 = min(shot["width"], rect["x"] + rect["width"])
        y1 = min(shot["height"], rect["y"] + rect["height"])
        expected = [left + x0 * sx, top + y0 * sy, (x1 - x0) * sx, (y1 - y0) * sy]
        for got, want, what in zip(frame["box"], expected, ("left", "top", "width", "height")):
            assert abs(got - want) <= 2, f"{frame['src']}: box {what} {got:.1f} px, recorded {want:.1f} px"
    # The boxes drawn are the capture's own rectangles: compare with the recording itself.
    source = SAMPLES / f"{capture_id}.json"
    if source.exists():
        capture = json.loads(source.read_text())
        in_capture = sorted(json.dumps(step["screenshot"]["highlight"], sort_keys=True) for step in capture["steps"]
                            if (step.get("screenshot") or {}).get("highlight"))
        in_shotlist = sorted(json.dumps(shot["highlight"], sort_keys=True) for shot in recorded.values()
                             if shot.get("highlight"))
        assert in_shotlist == in_capture
    return with_box


def check_print(driver, page):
    set_media(driver, media="print")
    state = driver.execute_script("""
        const visible = sel => Array.from(document.querySelectorAll(sel)).some(el => el.getClientRects().length > 0);
        return {nav: visible('.wm-nav, .wm-skip, .wm-step-link'),
                steps: Array.from(document.querySelectorAll('li.wm-step')).map(li => getComputedStyle(li).breakInside),
                overflow: document.documentElement.scrollWidth - window.innerWidth};
    """)
    assert not state["nav"], f"{page}: navigation is printed"
    assert all(value == "avoid" for value in state["steps"]), f"{page}: a step may break across pages"
    assert state["overflow"] <= 0, f"{page}: print layout scrolls sideways"
    pages = pdf_page_count(driver, A4)
    assert pages >= 1
    set_media(driver)
    return state, pages


# MARK: - Tests


def guide_dirs(samples_out):
    return sorted(path.parent for path in samples_out.glob("*/guide.html"))


def test_every_sample_guide_reads_well_in_a_browser(driver, samples_out, screens):
    dirs = guide_dirs(samples_out)
    assert {path.name for path in dirs} >= set(SAMPLE_IDS)
    for guide_dir in dirs:
        page = guide_dir / "guide.html"
        logs = open_page(driver, page)
        assert console_errors(logs) == [], f"{page}: {console_errors(logs)}"
        images = check_images(driver)
        # The native samples carry screenshots; the Chrome Recorder recording of the replay demo carries none
        # (replay adds them; see test_make_demo_replay_…), and its guide must read well without.
        if guide_dir.name.removesuffix("-xml") in SAMPLE_IDS:
            assert images, f"{page} has no screenshots"
            assert check_highlights(driver, guide_dir, guide_dir.name) > 0
        else:
            assert not (guide_dir / "images").exists() and images == [], f"{page}: unexpected screenshots"
        check_headings(driver)
        # Every step has its anchor and a link to it.
        steps = driver.execute_script(
            "return Array.from(document.querySelectorAll('li.wm-step')).map(li => [li.id, li.querySelector('a.wm-step-link').getAttribute('href')])")
        assert steps and all(anchor == f"step-{n}" and href == f"#step-{n}"
                             for n, (anchor, href) in enumerate(steps, start=1)), steps
        for scheme in ("light", "dark"):
            check_contrast(driver, scheme, page)
        check_tab_order(driver)
        check_widths(driver, page, screens, f"{guide_dir.name}-guide")
        state, pages = check_print(driver, page)
        assert state["steps"]
        assert console_errors(driver.get_log("browser")) == []


def test_guide_navigation_copy_link_and_zoom(driver, samples_out, screens):
    page = samples_out / "reset-password" / "guide.html"
    open_page(driver, page)
    # The contents box stays in view on a wide screen.
    driver.execute_script("document.getElementById('step-8').scrollIntoView()")
    nav_top = driver.execute_script("return document.querySelector('.wm-nav').getBoundingClientRect().top")
    assert 0 <= nav_top <= 40, f"contents box scrolled away (top {nav_top})"
    # A step number in the contents goes to the step.
    driver.find_element("css selector", ".wm-nav-steps a[href='#step-5']").click()
    assert driver.execute_script("return location.hash") == "#step-5"
    # "Link" is a plain anchor (works without JavaScript) and copies the address with it.
    driver.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    driver.find_element("css selector", "#step-3 .wm-step-link").click()
    assert driver.execute_script("return location.hash") == "#step-3"
    copied = driver.execute_async_script(
        "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('error: ' + e))")
    assert copied == page.resolve().as_uri() + "#step-3"
    # A screenshot opens in a viewer on the page, the box still over the control; Escape closes it.
    from selenium.webdriver.common.keys import Keys
    driver.find_element("css selector", "#step-3 a.wm-shot-link").click()
    viewer = driver.execute_script("""
        const d = document.querySelector('dialog.wm-viewer');
        const img = d.querySelector('img').getBoundingClientRect(), box = d.querySelector('.wm-highlight').getBoundingClientRect();
        return {open: d.open, imgWidth: img.width, box: [box.left - img.left, box.width], focus: document.activeElement.className};
    """)
    assert viewer["open"] and viewer["focus"] == "wm-viewer-close"
    assert viewer["imgWidth"] > 640 * 0.9
    assert abs(viewer["box"][0] - 200 / 640 * viewer["imgWidth"]) <= 2
    save_screen(driver, screens / "reset-password-viewer-1280.png")
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert driver.execute_script("return document.querySelector('dialog.wm-viewer').open") is False
    # Without JavaScript the picture is a link to the image file itself.
    href = driver.execute_script("return document.querySelector('#step-3 a.wm-shot-link').getAttribute('href')")
    assert (page.parent / href).is_file()
    assert console_errors(driver.get_log("browser")) == []


def test_job_aids_print_on_one_page(driver, samples_out, screens):
    for guide_dir in guide_dirs(samples_out):
        page = guide_dir / "job-aid.html"
        logs = open_page(driver, page)
        assert console_errors(logs) == [], f"{page}: {console_errors(logs)}"
        check_headings(driver)
        boxes = driver.execute_script("return document.querySelectorAll('li.wm-check .wm-box').length")
        steps = json.loads((guide_dir / "shotlist.json").read_text())["segments"]
        assert boxes == sum(1 for segment in steps if segment["kind"] == "step")
        for scheme in ("light", "dark"):
            check_contrast(driver, scheme, page)
        check_tab_order(driver)
        for width in WIDTHS:
            set_viewport(driver, width)
            assert driver.execute_script("return document.documentElement.scrollWidth <= innerWidth")
        set_viewport(driver, WIDTHS[1])
        set_media(driver, media="print")
        for paper in (A4, LETTER):
            assert pdf_page_count(driver, paper) == 1, f"{page} does not print on one {paper} page"
        set_media(driver)
    save_screen(driver, screens / f"{guide_dirs(samples_out)[-1].name}-job-aid-1280.png")


def twenty_step_capture() -> dict:
    steps = []
    pages = ["Sign in", "Orders", "New order", "Delivery", "Payment"]
    for number in range(1, 21):
        page = pages[(number - 1) // 4]
        if number % 4 == 1:
            step = {"action": "type", "target": {"label": f"Customer reference {number}", "role": "text field",
                                                 "context": page}, "value": f"REF-{number:04d}-NORTHWIND"}
        else:
            step = {"action": "click", "target": {"label": f"Continue to the next part of the form {number}",
                                                  "role": "button", "context": page}}
        if number % 4 == 0:
            step["note"] = "Check the totals before you continue; the next page cannot be undone without a refund."
        steps.append(step)
    return {"id": "twenty-steps", "title": "Place a wholesale order with delivery and payment",
            "application": "Northwind Orders", "owner": "sales-ops@northwind.example", "reviewBy": "2030-01-01",
            "steps": steps, "waymark": 1}


def test_a_twenty_step_job_aid_prints_on_one_a4_and_one_letter_page(driver, tmp_path, screens):
    capture = tmp_path / "twenty-steps.json"
    capture.write_text(json.dumps(twenty_step_capture(), indent=2))
    out = tmp_path / "out"
    result = run_waymark("build", capture, "--out", out, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    page = out / "twenty-steps" / "job-aid.html"
    assert open_page(driver, page) == [] or console_errors(driver.get_log("browser")) == []
    assert driver.execute_script("return document.querySelectorAll('li.wm-check').length") == 20
    set_media(driver, media="print")
    for paper in (A4, LETTER):
        assert pdf_page_count(driver, paper) == 1, f"20 steps do not fit one {paper} page"
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": A4[0], "paperHeight": A4[1]})
    pdf_path = screens / "twenty-steps-job-aid.pdf"
    pdf_path.write_bytes(base64.b64decode(pdf["data"]))
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), info
    set_media(driver)


def test_dashboard_filters_sorts_and_reads_without_colour(driver, samples_out, screens):
    page = samples_out / "index.html"
    logs = open_page(driver, page)
    assert console_errors(logs) == [], console_errors(logs)
    check_headings(driver)
    rows = driver.execute_script("""
        return Array.from(document.querySelectorAll('table.wm-dashboard tbody tr')).map(tr => ({
            status: tr.dataset.status, owner: tr.dataset.owner, application: tr.dataset.application,
            badge: tr.querySelector('.wm-status').textContent.trim(),
            icon: tr.querySelector('.wm-status-icon').textContent.trim(),
            finding: (tr.querySelector('.wm-finding') || {}).textContent || '',
            links: Array.from(tr.querySelectorAll('th a')).map(a => a.getAttribute('href'))}));
    """)
    assert len(rows) == len(guide_dirs(samples_out))
    for row in rows:
        # The badge says the status in words and with a shape, and the finding in a sentence.
        assert row["badge"].endswith(row["status"]) and row["icon"] and row["finding"]
        guide = row["links"][0].split("/")[0]
        assert row["links"][0] == f"{guide}/guide.html"
        for material in ("job-aid.html", "job-aid.md", "narration.txt", "captions.vtt", "captions.srt"):
            assert f"{guide}/{material}" in row["links"], (guide, material)
        for link in row["links"]:
            assert (samples_out / link).is_file(), link
    # Counts by status and by owner add up to the rows.
    counts = driver.execute_script("""
        const read = id => Array.from(document.querySelectorAll('[aria-labelledby="' + id + '"] li')).map(li =>
            [li.querySelector('.wm-count-name').textContent, Number(li.querySelector('.wm-count').textContent)]);
        return {status: read('wm-by-status'), owner: read('wm-by-owner')};
    """)
    for key in ("status", "owner"):
        expected = {}
        for row in rows:
            expected[row[key]] = expected.get(row[key], 0) + 1
        assert dict(counts[key]) == expected
    check_images(driver)
    for scheme in ("light", "dark"):
        check_contrast(driver, scheme, page)
    check_tab_order(driver)

    # Filter by owner: only that owner's guides stay; "All" brings them back.
    from selenium.webdriver.support.ui import Select
    owner = rows[0]["owner"]
    Select(driver.find_element("id", "wm-filter-owner")).select_by_value(owner)
    visible = driver.execute_script(
        "return Array.from(document.querySelectorAll('tbody tr')).filter(tr => !tr.hidden).map(tr => tr.dataset.owner)")
    assert visible and set(visible) == {owner} and len(visible) == sum(1 for r in rows if r["owner"] == owner)
    assert "Showing" in driver.find_element("css selector", ".wm-filter-result").text
    Select(driver.find_element("id", "wm-filter-owner")).select_by_value("")
    driver.find_element("id", "wm-filter-text").send_keys("password")
    visible = driver.execute_script(
        "return Array.from(document.querySelectorAll('tbody tr')).filter(tr => !tr.hidden).length")
    assert 0 < visible < len(rows)
    driver.find_element("id", "wm-filter-text").clear()
    driver.execute_script("document.getElementById('wm-filter-text').dispatchEvent(new Event('input'))")

    # Sort by steps: ascending, then descending on a second click; aria-sort says which.
    def step_counts():
        return driver.execute_script(
            "return Array.from(document.querySelectorAll('tbody tr')).map(tr => Number(tr.cells[2].textContent))")
    button = driver.find_element("xpath", "//thead//button[normalize-space()='Steps']")
    button.click()
    assert step_counts() == sorted(step_counts())
    button.click()
    assert step_counts() == sorted(step_counts(), reverse=True)
    assert driver.execute_script("return document.querySelectorAll('thead th')[2].getAttribute('aria-sort')") == "descending"

    # Without JavaScript the table is complete and the filters stay hidden.
    html = page.read_text()
    assert html.count("<tr data-id=") == len(rows)
    assert '<div class="wm-filters" hidden>' in html

    open_page(driver, page)
    check_widths(driver, page, screens, "dashboard")
    check_print(driver, page)
    assert console_errors(driver.get_log("browser")) == []


def test_readme_screens(samples_out, screens, driver):
    """Keeps docs/screens/ (the README's pictures) in step with the pages when WAYMARK_UPDATE_SCREENS=1."""
    docs = ROOT / "docs" / "screens"
    wanted = {"guide-1280.png": "reset-password-guide-1280.png", "guide-375.png": "reset-password-guide-375.png",
              "dashboard-1280.png": "dashboard-1280.png", "dashboard-375.png": "dashboard-375.png"}
    if os.environ.get("WAYMARK_UPDATE_SCREENS") == "1":
        docs.mkdir(parents=True, exist_ok=True)
        for name in ("reset-password-guide", "dashboard"):
            page = samples_out / ("index.html" if name == "dashboard" else "reset-password/guide.html")
            open_page(driver, page)
            for width in WIDTHS:
                set_viewport(driver, width, 900 if width > 600 else 1100)
                save_screen(driver, docs / f"{'dashboard' if name == 'dashboard' else 'guide'}-{width}.png")
            set_viewport(driver, WIDTHS[1])
    for name in wanted:
        path = docs / name
        assert path.is_file(), f"{path} is missing; run WAYMARK_UPDATE_SCREENS=1 make browser-test"
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "docs/screens/" in (ROOT / "README.md").read_text()


BAD_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad</title></head>
<body style="margin:0">
<h2>Starts at level two</h2><h4>Skips a level</h4>
<p style="color:#999;background:#fff">Grey on white is too faint.</p>
<img src="missing.png" alt="">
<div style="width:2000px">Wider than any phone.</div>
<span tabindex="0" id="reachable">focusable</span>
</body></html>
"""


def test_the_checks_catch_what_they_look_for(driver, tmp_path):
    """The checkers above fail on a page built to break each rule, so a passing run means something."""
    page = tmp_path / "bad.html"
    page.write_text(BAD_PAGE)
    open_page(driver, page)
    for check in (check_images, check_headings):
        with pytest.raises(AssertionError):
            check(driver)
    with pytest.raises(AssertionError, match="below 4.5:1"):
        check_contrast(driver, "light", page)
    set_viewport(driver, 375)
    assert driver.execute_script("return document.documentElement.scrollWidth") > 375
    set_viewport(driver, WIDTHS[1])
    # Tab reaches the one focusable element; an element taken out of the Tab order is reported.
    assert check_tab_order(driver) == ["span reachable"]
    driver.execute_script("document.getElementById('reachable').addEventListener('focus', e => e.target.blur())")
    with pytest.raises(AssertionError, match="not reachable with Tab"):
        check_tab_order(driver)
    set_media(driver)


def test_dashboard_shows_the_last_checks_findings(driver, tmp_path):
    """`waymark check` writes last-check.js; the dashboard (from file://, no server) shows its status and findings."""
    shutil.copytree(SAMPLES, tmp_path / "captures")
    assert run_waymark("build", "captures", "--out", "out", cwd=tmp_path).returncode == 0
    # Before any check: the build-time status, and no console error for the empty last-check.js.
    logs = open_page(driver, tmp_path / "out" / "index.html")
    assert console_errors(logs) == [], console_errors(logs)
    assert "run waymark check" in driver.find_element("css selector", ".wm-last-check").text

    source = tmp_path / "captures" / "reset-password.json"
    source.write_text(source.read_text().replace("Forgot my password", "Reset my password", 1))
    check = run_waymark("check", "captures", "--out", "out", "--today", "2026-12-01", cwd=tmp_path)
    assert check.returncode == 1, check.stdout + check.stderr
    logs = open_page(driver, tmp_path / "out" / "index.html")
    assert console_errors(logs) == [], console_errors(logs)
    rows = driver.execute_script("""
        return Object.fromEntries(Array.from(document.querySelectorAll('table.wm-dashboard tbody tr')).map(tr =>
            [tr.dataset.id, {status: tr.dataset.status,
                             badge: tr.querySelector('.wm-status').textContent.trim(),
                             findings: Array.from(tr.querySelectorAll('.wm-check-findings li')).map(li => li.textContent)}]));
    """)
    assert rows["reset-password"]["status"] == "stale"
    assert rows["reset-password"]["badge"].endswith("stale")
    text = " ".join(rows["reset-password"]["findings"])
    assert "Forgot my password" in text and "Reset my password" in text, text
    assert rows["reset-password-xml"]["status"] == "fresh" and rows["reset-password-xml"]["findings"] == []
    assert "Last check 2026-12-01" in driver.find_element("css selector", ".wm-last-check").text
    # The check did not make the dashboard look edited: a rebuild keeps index.html and says nothing about it.
    rebuild = run_waymark("build", "captures", "--out", "out", cwd=tmp_path)
    assert "output.edited" not in rebuild.stderr, rebuild.stderr


def png_pixels(path: pathlib.Path):
    """(width, height, rows of (r, g, b)) of an 8-bit, non-interlaced RGB or RGBA PNG, as Chromium writes them."""
    import struct
    import zlib
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, f"{path}: unexpected PNG layout"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def test_make_demo_replay_refreshes_a_recording_and_the_dashboard_shows_what_broke(driver, tmp_path):
    """The README's `make demo-replay`, run as its script: a Chrome Recorder recording replayed against the demo site
    (v1) on 127.0.0.1 with the password from the variable waymark.yml names, guides built from the refreshed capture,
    then the check against v2 exits 1 and the dashboard shows when the guide was last verified and what broke."""
    out = tmp_path / "out"
    password = "pw-" + os.urandom(6).hex()
    env = dict(os.environ, WAYMARK=str(conftest_binary()), OUT=str(out), WAYMARK_DEMO_PASSWORD=password)
    demo = subprocess.run(["bash", str(ROOT / "scripts" / "demo-replay.sh")], capture_output=True, text=True, env=env,
                          timeout=600)
    assert demo.returncode == 0, demo.stdout + demo.stderr
    # v1: every step works, so no secret was missing and the labels came from the page.
    assert "1 capture replayed, 12 steps: nothing changed." in demo.stdout, demo.stdout
    # v2: exactly the renamed button and the removed field, naming the owner from waymark.yml.
    assert "Owner: finance-training@contoso.example" in demo.stdout, demo.stdout
    assert "“Submit” → “Send for approval”" in demo.stdout and "`#merchant` not found" in demo.stdout, demo.stdout
    assert "2 broken, 1 drifted" in demo.stdout, demo.stdout

    capture = json.loads((out / "replayed" / "file-an-expense-claim.json").read_text())
    labels = [(step.get("target") or {}).get("label") for step in capture["steps"]]
    assert {"Work email", "Category", "Amount (EUR)", "Merchant"} <= set(labels), labels
    # The password reached no file, and its field is painted over in the screenshot taken after it was typed.
    for path in out.rglob("*"):
        if path.is_file():
            assert password.encode() not in path.read_bytes(), f"{path} holds the password"
    sign_in = next(step for step in capture["steps"] if (step.get("target") or {}).get("label") == "Sign in")
    typed = next(step for step in capture["steps"] if step.get("sensitive"))
    box = typed["screenshot"]["highlight"]
    _, _, rows = png_pixels(out / "replayed" / sign_in["screenshot"]["path"])
    inside = {rows[y][x] for y in range(box["y"] + 4, box["y"] + box["height"] - 4)
              for x in range(box["x"] + 4, box["x"] + box["width"] - 4)}
    assert len(inside) == 1, f"the password field is not painted over in one colour: {len(inside)} colours"

    logs = open_page(driver, out / "replayed-guides" / "index.html")
    assert console_errors(logs) == [], console_errors(logs)
    cell = driver.execute_script("""
        const row = document.querySelector('tr[data-id="file-an-expense-claim"]');
        const cell = row.querySelector('td[data-label="Last verified"]');
        return {text: cell.textContent, time: cell.querySelector('time').getAttribute('datetime'),
                items: Array.from(cell.querySelectorAll('li')).map(li => li.textContent)};
    """)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", cell["time"]), cell
    assert "2 broken, 1 drifted" in cell["text"], cell
    assert any("Send for approval" in item for item in cell["items"]), cell


def conftest_binary():
    from conftest import waymark_binary
    return waymark_binary()


def test_a_dashboard_without_a_replay_says_not_replayed(driver, samples_out):
    """Before any replay the build's empty last-replay.js loads without an error and every guide says so."""
    logs = open_page(driver, samples_out / "index.html")
    assert console_errors(logs) == [], console_errors(logs)
    cells = driver.execute_script(
        "return Array.from(document.querySelectorAll('td[data-label=\"Last verified\"]')).map(td => td.textContent)")
    assert cells and set(cells) == {"Not replayed"}, cells
