"""Consumer checks of the narration by real tools: espeak-ng speaks the SSML, xmllint checks it is well-formed,
webvtt-py and srt parse the captions, sox measures the audio against the caption timeline.

Runs `waymark narrate` (the built binary) on every sample capture and on a capture with hostile labels.
"""
import html
import json
import os
import pathlib
import shutil
import subprocess

import pytest
import srt
import webvtt

from conftest import SAMPLES, run_waymark, require_tool

# The tolerance between the caption timeline and espeak-ng's audio.
TOLERANCE = 0.15
SAMPLE_FILES = sorted(SAMPLES.glob("*.json"))


def narrate(capture: pathlib.Path, out: pathlib.Path, *extra, env=None) -> pathlib.Path:
    result = run_waymark("narrate", capture, "--out", out, *extra, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    folders = [p for p in out.iterdir() if p.is_dir()]
    assert len(folders) == 1, folders
    return folders[0]


def wav_seconds(path: pathlib.Path) -> float:
    soxi = require_tool("soxi")
    return float(subprocess.run([soxi, "-D", str(path)], capture_output=True, text=True, check=True).stdout)


def speak(ssml: pathlib.Path, wav: pathlib.Path, wpm: int) -> subprocess.CompletedProcess:
    espeak = require_tool("espeak-ng")
    return subprocess.run([espeak, "-m", "-s", str(wpm), "-w", str(wav), "-f", str(ssml)],
                          capture_output=True, text=True)


def vtt_seconds(stamp: str) -> float:
    hours, minutes, seconds = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def check_captions(folder: pathlib.Path):
    """Both caption files parse with their reference parsers and hold the same, ordered, non-overlapping cues."""
    vtt = webvtt.read(str(folder / "captions.vtt"))
    subs = list(srt.parse((folder / "captions.srt").read_text(encoding="utf-8")))
    assert len(vtt) > 0 and len(vtt) == len(subs)
    previous_end = 0.0
    for cue, sub in zip(vtt, subs):
        assert vtt_seconds(cue.start) < vtt_seconds(cue.end)
        assert abs(sub.start.total_seconds() - vtt_seconds(cue.start)) < 0.0005
        assert abs(sub.end.total_seconds() - vtt_seconds(cue.end)) < 0.0005
        assert sub.start.total_seconds() >= previous_end - 1e-9, "cues overlap"
        previous_end = sub.end.total_seconds()
        lines = sub.content.split("\n")
        assert 1 <= len(lines) <= 2
        assert all(0 < len(line) <= 42 for line in lines), lines
    return vtt, subs


@pytest.mark.parametrize("capture", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_sample_narration_is_spoken_and_captions_parse(capture, tmp_path):
    folder = narrate(capture, tmp_path / "out")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["narration.txt", "narration.ssml", "captions.vtt", "captions.srt", "shotlist.json"])
    xmllint = require_tool("xmllint")
    lint = subprocess.run([xmllint, "--noout", str(folder / "narration.ssml")], capture_output=True, text=True)
    assert lint.returncode == 0, lint.stderr
    wav = tmp_path / "narration.wav"
    spoken = speak(folder / "narration.ssml", wav, 150)
    assert spoken.returncode == 0 and spoken.stderr.strip() == "", spoken.stderr
    assert wav_seconds(wav) > 1.0
    vtt, subs = check_captions(folder)
    shots = json.loads((folder / "shotlist.json").read_text(encoding="utf-8"))
    assert shots["totalDuration"] == pytest.approx(subs[-1].end.total_seconds(), abs=0.001)
    steps = [s for s in shots["segments"] if s["kind"] == "step"]
    assert [s["number"] for s in steps] == list(range(1, len(steps) + 1))
    assert shots["segments"][0]["kind"] == "intro" and shots["segments"][-1]["kind"] == "outro"


@pytest.mark.parametrize("wpm", [100, 150, 200])
@pytest.mark.parametrize("capture", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_caption_timeline_matches_espeak_duration(capture, wpm, tmp_path):
    folder = narrate(capture, tmp_path / "out", "--wpm", wpm)
    wav = tmp_path / "narration.wav"
    assert speak(folder / "narration.ssml", wav, wpm).returncode == 0
    audio = wav_seconds(wav)
    timeline = json.loads((folder / "shotlist.json").read_text(encoding="utf-8"))["totalDuration"]
    assert abs(timeline - audio) <= TOLERANCE * audio, f"captions {timeline:.1f}s vs espeak-ng {audio:.1f}s at {wpm} wpm"


HOSTILE_LABEL = "Save & <Close> \"now\" 'ok' 👩🏽‍💻🇩🇪 שלום עולם مرحبا"


def hostile_capture(path: pathlib.Path) -> pathlib.Path:
    capture = {
        "waymark": 1,
        "id": "hostile-labels",
        "title": "Tricky <labels> & \"quotes\" 🎉",
        "owner": "Ops & <QA>",
        "purpose": "Check that odd text survives: <b>bold</b> & more.",
        "steps": [
            {"action": "click", "target": {"label": HOSTILE_LABEL, "role": "button"}},
            {"action": "type", "target": {"label": "مرحبا & <שלום>"}, "value": "a<b & c>\"d\""},
            {"action": "type", "target": {"label": "Password"}, "value": "hunter2-secret", "sensitive": True},
            {"action": "press", "key": "<", "modifiers": ["ctrl", "shift"]},
            {"action": "navigate", "url": "https://example.com/a?b=<c>&d=\"e\""},
        ],
    }
    path.write_text(json.dumps(capture, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_hostile_label_gives_well_formed_ssml_and_valid_captions(tmp_path):
    folder = narrate(hostile_capture(tmp_path / "hostile.json"), tmp_path / "out")
    xmllint = require_tool("xmllint")
    lint = subprocess.run([xmllint, "--noout", str(folder / "narration.ssml")], capture_output=True, text=True)
    assert lint.returncode == 0, lint.stderr
    spoken = speak(folder / "narration.ssml", tmp_path / "hostile.wav", 150)
    assert spoken.returncode == 0, spoken.stderr
    vtt, subs = check_captions(folder)
    # webvtt-py hands back the cue payload as written: undo WebVTT's character references to compare.
    shown = html.unescape(" ".join(cue.text.replace("\n", " ") for cue in vtt))
    assert "👩🏽‍💻🇩🇪" in shown and "שלום עולם" in shown and "<Close>" in shown
    for name in ("narration.txt", "narration.ssml", "captions.vtt", "captions.srt", "shotlist.json"):
        assert "hunter2" not in (folder / name).read_text(encoding="utf-8"), f"{name} leaks a sensitive value"
    json.loads((folder / "shotlist.json").read_text(encoding="utf-8"))


def test_audio_option_writes_a_wav_with_espeak(tmp_path):
    require_tool("espeak-ng")
    folder = narrate(SAMPLES / "reset-password.json", tmp_path / "out", "--audio")
    assert wav_seconds(folder / "narration.wav") > 1.0


def test_missing_tools_are_a_clear_error_and_text_files_are_still_written(tmp_path):
    empty_path = tmp_path / "bin"
    empty_path.mkdir()
    out = tmp_path / "out"
    for option, tool in (("--audio", "espeak-ng"), ("--video", "ffmpeg")):
        result = run_waymark("narrate", SAMPLES / "reset-password.json", "--out", out, option,
                             env={"PATH": str(empty_path)})
        assert result.returncode == 2, result.stderr
        assert "narration.tool-missing" in result.stderr and tool in result.stderr
        assert (out / "reset-password" / "captions.vtt").is_file()


@pytest.mark.parametrize("args", [["--wpm", "5"], ["--wpm", "1000"], ["--wpm", "fast"], ["--pause=-1"], ["--pause", "11"]])
def test_bad_options_exit_2(args, tmp_path):
    result = run_waymark("narrate", SAMPLES / "reset-password.json", "--out", tmp_path, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert not (tmp_path / "reset-password").exists()


def test_unreadable_capture_exits_2_with_its_location(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"waymark": 1, "id": "x", "title": ', encoding="utf-8")
    result = run_waymark("narrate", bad, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "broken.json" in result.stderr


def test_video_option_assembles_screens_audio_and_captions(tmp_path):
    require_tool("ffmpeg")
    ffprobe = require_tool("ffprobe")
    folder = narrate(SAMPLES / "reset-password.json", tmp_path / "out", "--video")
    shots = json.loads((folder / "shotlist.json").read_text(encoding="utf-8"))
    for segment in shots["segments"]:
        if segment.get("screenshot"):
            assert (folder / segment["screenshot"]["path"]).is_file()
    probe = subprocess.run([ffprobe, "-v", "error", "-show_entries", "stream=codec_type,codec_name:format=duration",
                            "-of", "json", str(folder / "walkthrough.mp4")], capture_output=True, text=True, check=True)
    info = json.loads(probe.stdout)
    kinds = {(s["codec_type"], s["codec_name"]) for s in info["streams"]}
    assert {("video", "h264"), ("audio", "aac"), ("subtitle", "mov_text")} <= kinds
    assert float(info["format"]["duration"]) == pytest.approx(shots["totalDuration"], abs=0.5)


NARRATION_FILES = ("narration.txt", "narration.ssml", "captions.vtt", "captions.srt", "shotlist.json")


def test_build_writes_the_same_narration_as_narrate(tmp_path):
    """`waymark build` writes the five files too, byte for byte what `narrate` writes with the same settings."""
    shutil.copy(SAMPLES / "submit-expense-report.json", tmp_path)
    shutil.copytree(SAMPLES / "images" / "submit-expense-report", tmp_path / "images" / "submit-expense-report")
    capture = tmp_path / "submit-expense-report.json"
    (tmp_path / "waymark.yml").write_text(
        "captures:\n  - submit-expense-report.json\nout: built\nwpm: 130\npause: 1.2\n", encoding="utf-8")
    built = run_waymark("build", cwd=tmp_path)
    assert built.returncode == 0, built.stdout + built.stderr
    narrated = run_waymark("narrate", capture, "--out", "narrated", cwd=tmp_path)
    assert narrated.returncode == 0, narrated.stdout + narrated.stderr
    for name in NARRATION_FILES:
        built_file = tmp_path / "built" / "submit-expense-report" / name
        assert built_file.read_bytes() == (tmp_path / "narrated" / "submit-expense-report" / name).read_bytes(), name
    ssml = (tmp_path / "built" / "submit-expense-report" / "narration.ssml").read_text(encoding="utf-8")
    assert '<break time="1200ms"/>' in ssml
    shots = json.loads((tmp_path / "built" / "submit-expense-report" / "shotlist.json").read_text(encoding="utf-8"))
    assert shots["wordsPerMinute"] == 130
    for segment in shots["segments"]:
        if segment.get("screenshot"):
            assert (tmp_path / "built" / "submit-expense-report" / segment["screenshot"]["path"]).is_file()


def test_samples_build_includes_narration(samples_out):
    for capture in SAMPLE_FILES:
        folder = samples_out / capture.stem
        for name in NARRATION_FILES:
            assert (folder / name).is_file(), f"{capture.stem}/{name} missing from build"
