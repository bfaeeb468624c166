#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into DEST/<target>/ (default .build-fuzz/seeds).

Seeds come from SampleCaptures/ and, when present, ../shared/captures/ (or $WAYMARK_SHARED_CAPTURES). They are
copied at run time and never committed. Steps Recorder archives are slimmed (screenshot parts dropped) so the
fuzzer mutates the structure, not megabytes of base64.
"""
import email
import email.policy
import io
import pathlib
import shutil
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEST = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build-fuzz" / "seeds"
SHARED = pathlib.Path(__import__("os").environ.get("WAYMARK_SHARED_CAPTURES", ROOT.parent / "shared" / "captures"))
SAMPLES = ROOT / "SampleCaptures"
MORE = SHARED.parent / "more-captures"


def put(target, name, data):
    folder = DEST / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def slim_mht(data):
    """The .mht without its image parts: MIME headers, the report page and the boundary structure stay."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not message.is_multipart():
        return data
    kept = [part for part in message.get_payload() if not part.get_content_type().startswith("image/")]
    message.set_payload(kept[:3])
    return message.as_bytes()


def main():
    if DEST.exists():
        shutil.rmtree(DEST)
    shared = sorted(SHARED.rglob("*")) if SHARED.is_dir() else []
    for path in sorted(SAMPLES.glob("*.json")):
        for target in ("native-json", "json-parser", "capture-reader"):
            put(target, path.name, path.read_bytes())
    for path in sorted(SAMPLES.glob("*.xml")):
        for target in ("native-xml", "capture-reader"):
            put(target, path.name, path.read_bytes())
    for path in shared:
        if path.suffix == ".json":
            for target in ("chrome-recorder", "json-parser", "capture-reader"):
                put(target, path.name, path.read_bytes())
        elif path.suffix == ".side":
            for target in ("selenium-ide", "json-parser", "capture-reader"):
                put(target, path.name, path.read_bytes())
        elif path.suffix == ".xml":
            for target in ("psr-xml", "capture-reader"):
                put(target, path.name, path.read_bytes())
        elif path.suffix == ".mht":
            slim = slim_mht(path.read_bytes())
            for target in ("psr-mime", "capture-reader"):
                put(target, path.stem + ".slim.mht", slim)
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(path.stem + ".mht", slim)
            for target in ("psr-zip", "capture-reader"):
                put(target, path.stem + ".slim.zip", buffer.getvalue())
    # Selenese HTML and UI.Vision: the real files in ../shared/more-captures, and hand-written shapes they lack
    # (a suite, Katalon's several tables, desktop commands, a byte order mark).
    more = sorted(MORE.rglob("*")) if MORE.is_dir() else []
    for path in more:
        if path.suffix in (".html", ".htm"):
            for target in ("selenese-html", "capture-reader"):
                put(target, path.name, path.read_bytes())
        elif path.suffix == ".json":
            for target in ("uivision", "json-parser", "capture-reader"):
                put(target, path.name, path.read_bytes())
    selenese = {
        "suite.html": '<html><head><title>Suite</title></head><body><table id="suiteTable"><tbody>'
                      '<tr><td><b>Suite</b></td></tr><tr><td><a href="a.html">A</a></td></tr>'
                      '<tr><td><a href="../b.html">B</a></td></tr></tbody></table></body></html>',
        "katalon.html": '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
                        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html><head '
                        'profile="http://selenium-ide.openqa.org/profiles/test-case"><link rel="selenium.base" '
                        'href="https://a.example/" /><title>T</title></head><body>'
                        '<table><thead><tr><td colspan="3">One</td></tr></thead><tbody><tr><td>open</td><td>/</td>'
                        '<td></td></tr><tr><td>clickAndWait</td><td>link=Go</td><td></td></tr></tbody></table>'
                        '<table><thead><tr><td colspan="3">Two</td></tr></thead><tbody><tr><td>type</td>'
                        '<td>id=q</td><td>a<br/>b &amp; c</td></tr></tbody></table></body></html>',
    }
    for name, text in selenese.items():
        for target in ("selenese-html", "capture-reader"):
            put(target, name, text.encode())
    macro = ('{"Name": "Desk", "CreationDate": "2024-01-01", "Commands": ['
             '{"Command": "XClick", "Target": "b_dpi_96.png@0.8", "Value": "#right"},'
             '{"Command": "XType", "Target": "${KEY_CTRL+KEY_S}", "Value": ""},'
             '{"Command": "if_v2", "Target": "${a} > 1", "Value": ""},'
             '{"Command": "click", "Target": "id=x", "Value": "", "Targets": ["id=x", "css=#x"]},'
             '{"Command": "end", "Target": "", "Value": ""}]}')
    for target in ("uivision", "json-parser", "capture-reader"):
        put(target, "desk.json", b"\xef\xbb\xbf" + macro.encode())
    # waymark.yml: every key, lists and scalars, and an invalid pattern.
    configs = {
        "full.yml": "captures:\n  - SampleCaptures\n  - more/\nout: site\ntemplates: templates\nwpm: 140\npause: 1.5\n"
                    "fail_on: warning\nmax_age: 90d\nredact:\n  - '\\d{4}-\\d{4}'\n  - 'tok_[a-z0-9]+'\n"
                    "owners:\n  'SampleCaptures/*': docs@example.com\n  Payroll: payroll@example.com\n",
        "scalar.yml": "captures: captures\nout: out\nredact: 'secret'\n",
        "bad.yml": "out: [unclosed\nredact:\n  - '('\n",
        "anchors.yml": "base: &b\n  - a\ncaptures: *b\nowners: {x: y}\n",
    }
    for name, text in configs.items():
        put("config", name, text.encode())
    # waymark.lock: the locks of building the samples (made by scripts/run-fuzzers.sh when a binary exists).
    for lock in sorted((ROOT / ".build-fuzz" / "lock-seeds").glob("*.lock")) if (ROOT / ".build-fuzz" / "lock-seeds").is_dir() else []:
        put("lock", lock.name, lock.read_bytes())
    # The Steps Recorder XML seed when the shared folder is missing: a minimal report.
    if not (DEST / "psr-xml").exists():
        put("psr-xml", "minimal.xml", b"<Report><System/><UserActionData><RecordSession><EachAction ActionNumber=\"1\" "
                                      b"Time=\"10:00:00\"><Description>User left click on \"OK (button)\"</Description>"
                                      b"</EachAction></RecordSession></UserActionData></Report>")
    for target in sorted(p.name for p in DEST.iterdir()):
        print(f"{target}: {len(list((DEST / target).iterdir()))} seeds")


if __name__ == "__main__":
    main()
