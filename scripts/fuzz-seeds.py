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
