"""The benchmark corpora from `waymark-bench` are real inputs: valid for the schemas, importable, deterministic.

A benchmark on inputs the tool rejects or half-reads would measure nothing, so these checks use the same real
consumers as the rest of the suite (xmllint with the XSD, Python jsonschema, the waymark binary itself).
"""
import base64
import json
import pathlib
import re
import struct
import subprocess
import zlib

import jsonschema
import pytest

from conftest import ROOT, require_tool, run_waymark


def bench_binary() -> pathlib.Path:
    for config in ("debug", "release"):
        path = ROOT / ".build" / config / "waymark-bench"
        if path.exists():
            return path
    raise RuntimeError("waymark-bench is not built; run `swift build` (make test does this)")


def generate(*args):
    done = subprocess.run([str(bench_binary()), *map(str, args)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done


def corpus(tmp_path, fmt, captures=12, steps=40, seed=1, screenshots=3):
    out = tmp_path / f"{fmt}-{captures}-{steps}-{seed}"
    generate("corpus", "--captures", captures, "--steps", steps, "--format", fmt, "--out", out,
             "--seed", seed, "--screenshots", screenshots)
    return out


def test_xml_corpus_is_valid_for_the_xsd_and_imports(tmp_path):
    xmllint = require_tool("xmllint")
    out = corpus(tmp_path, "xml")
    files = sorted(out.glob("*.xml"))
    assert len(files) == 12
    xsd = tmp_path / "capture.xsd"
    xsd.write_text(run_waymark("schema", "xsd", check=True).stdout)
    done = subprocess.run([xmllint, "--noout", "--schema", xsd, *files], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    result = run_waymark("validate", out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("ok, 1 capture, 40 steps") == 12


def test_json_corpus_is_valid_for_the_json_schema(tmp_path):
    out = corpus(tmp_path, "json")
    schema = json.loads(run_waymark("schema", "json", check=True).stdout)
    captures = [json.loads(p.read_text()) for p in sorted(out.glob("*.json"))]
    assert len(captures) == 12
    for capture in captures:
        jsonschema.validate(capture, schema)
        assert len(capture["steps"]) == 40
        actions = {s["action"] for s in capture["steps"]}
        # The realistic mix the benchmark relies on: navigation, typing, a secret, a note, a check at the end.
        assert {"navigate", "type", "click", "note", "assert"} <= actions
        assert sum(1 for s in capture["steps"] if s.get("sensitive")) == 1
        shots = [s["screenshot"] for s in capture["steps"] if "screenshot" in s]
        assert shots and all((out / s["path"]).is_file() for s in shots)
        for shot in shots:
            h = shot["highlight"]
            assert 0 <= h["x"] and h["x"] + h["width"] <= shot["width"]
            assert 0 <= h["y"] and h["y"] + h["height"] <= shot["height"]


def test_the_shared_screen_is_a_valid_png(tmp_path):
    out = corpus(tmp_path, "json", captures=1, screenshots=2)
    data = (out / "images" / "screen-01.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, idat = 8, [], b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        crc, = struct.unpack(">I", data[position + 8 + length:position + 12 + length])
        assert zlib.crc32(kind + body) == crc, kind
        chunks.append(kind)
        if kind == b"IDAT":
            idat += body
        position += 12 + length
    assert chunks == [b"IHDR", b"IDAT", b"IEND"]
    width, height = struct.unpack(">II", data[16:24])
    assert len(zlib.decompress(idat)) == height * (1 + 3 * width)


def test_chrome_corpus_imports_as_chrome_recorder(tmp_path):
    out = corpus(tmp_path, "chrome", captures=3)
    for path in sorted(out.glob("*.json")):
        recording = json.loads(path.read_text())
        assert recording["steps"][0]["type"] == "setViewport"
        result = run_waymark("import", path, "--to", "json")
        assert result.returncode == 0, result.stderr
        capture = json.loads(result.stdout)
        assert capture["origin"]["format"] == "chrome-recorder"
        assert capture["title"] == recording["title"]


def test_corpus_is_deterministic_and_seeded(tmp_path):
    first = corpus(tmp_path / "a", "xml", captures=5, seed=7)
    again = corpus(tmp_path / "b", "xml", captures=5, seed=7)
    other = corpus(tmp_path / "c", "xml", captures=5, seed=8)
    bigger = corpus(tmp_path / "d", "xml", captures=9, seed=7)
    read = lambda folder: {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert read(first) == read(again)
    assert read(first) != read(other)
    # Capture N does not depend on how many captures are generated.
    assert read(first).items() <= read(bigger).items()


def test_steps_recorder_archive_has_the_requested_size_and_imports(tmp_path):
    mht = tmp_path / "Recording_20261122_2300.mht"
    generate("psr", "--size-mb", 3, "--out", mht, "--actions", 12)
    size = mht.stat().st_size
    assert abs(size - 3_000_000) < 150_000
    raw = mht.read_bytes()
    assert b"\r\n" in raw and b"<script id=\"myXML\" type=\"text/xml\">" in raw
    result = run_waymark("import", mht, "--to", "json")
    assert result.returncode == 0, result.stderr
    capture = json.loads(result.stdout)
    assert len(capture["steps"]) == 12
    assert capture["recordedAt"].startswith("2026-11-22")
    shots = [s["screenshot"] for s in capture["steps"] if "screenshot" in s]
    assert len(shots) == 12 and all(s["width"] == 1280 and s["height"] == 720 for s in shots)
    # Every JPEG part is a baseline JPEG whose frame header says 1280×720.
    parts = re.findall(rb"Content-Location: (screenshot\d{4}\.JPEG)\r\n\r\n(.*?)\r\n\r\n--", raw, re.S)
    assert len(parts) == 12
    jpeg = base64.b64decode(parts[0][1])
    assert jpeg[:2] == b"\xff\xd8" and jpeg[-2:] == b"\xff\xd9"
    sof = jpeg.index(b"\xff\xc0")
    assert struct.unpack(">HH", jpeg[sof + 5:sof + 9]) == (720, 1280)


@pytest.mark.parametrize("args", [["corpus", "--captures", "0", "--out", "x"], ["corpus", "--format", "yaml"],
                                  ["psr", "--size-mb", "1"], ["nonsense"]])
def test_bad_arguments_exit_2_with_a_message(args, tmp_path):
    done = subprocess.run([str(bench_binary()), *args], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("waymark-bench: ")
