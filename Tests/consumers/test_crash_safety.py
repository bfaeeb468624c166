"""Crash safety of `waymark build`: SIGKILL at random points never leaves a half-written or mixed-up output tree,
and two builds into the same folder are never interleaved.

Each killed run starts from the complete outputs of the old inputs, builds the new inputs and is killed after a
random delay (seeded, so a failure can be replayed). Every file left in out/ must then be byte-identical to the old
or the new complete version of that file, the lock (when the build writes one) must be valid JSON, and a plain
rerun must converge to exactly the tree a clean build of the new inputs gives.
"""
import json
import pathlib
import random
import shutil
import signal
import subprocess
import time

from conftest import SAMPLES, run_waymark, waymark_binary

RUNS = 20
SEED = 8
TEMPORARY_MARKER = ".waymark-tmp-"
BUILD_LOCK = ".waymark-build.lock"
STAT_CACHE = ".waymark-stat-cache"  # file times and inodes: local state, not an output


def tree_of(folder: pathlib.Path):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and TEMPORARY_MARKER not in p.name and p.name != STAT_CACHE}


def make_inputs(folder: pathlib.Path, version: str, copies: int = 3):
    """Every sample JSON capture plus copies under their own ids; `version` changes every title."""
    folder.mkdir(parents=True)
    shutil.copytree(SAMPLES / "images", folder / "images")
    for source in sorted(SAMPLES.glob("*.json")):
        original = json.loads(source.read_text())
        for copy in range(copies + 1):
            data = json.loads(json.dumps(original))
            if copy:
                data["id"] = f"{original['id']}-copy-{copy}"
            data["title"] = f"{original['title']} ({version})"
            if version == "new" and data["steps"]:
                data["steps"][0]["note"] = "Updated after the new release."
            (folder / f"{data['id']}.json").write_text(json.dumps(data, indent=2))


def build(inputs, out, cwd):
    started = time.monotonic()
    result = run_waymark("build", inputs, "--out", out, "--jobs", "2", cwd=cwd)
    assert result.returncode == 0, result.stdout + result.stderr
    return time.monotonic() - started


def test_sigkill_at_random_points_leaves_old_or_new_files_and_reruns_converge(tmp_path):
    old_inputs, new_inputs = tmp_path / "old", tmp_path / "new"
    make_inputs(old_inputs, "old")
    make_inputs(new_inputs, "new")
    old_out, new_out = tmp_path / "old-out", tmp_path / "new-out"
    build(old_inputs, old_out, tmp_path)
    duration = build(new_inputs, new_out, tmp_path)
    old_tree, new_tree = tree_of(old_out), tree_of(new_out)
    assert old_tree != new_tree

    rng = random.Random(SEED)
    out = tmp_path / "out"
    killed_mid_build = 0
    for run in range(RUNS):
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(old_out, out)
        delay = rng.uniform(0.0, duration * 1.1)
        process = subprocess.Popen([str(waymark_binary()), "build", new_inputs, "--out", out, "--jobs", "2"],
                                   cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if process.poll() is None:
            killed_mid_build += 1
        process.send_signal(signal.SIGKILL)
        process.wait()

        for path, data in tree_of(out).items():
            versions = [tree[path] for tree in (old_tree, new_tree) if path in tree]
            assert versions, f"run {run} (killed after {delay:.2f} s): unexpected file {path}"
            assert data in versions, f"run {run} (killed after {delay:.2f} s): {path} is neither the old nor the new version"
        lock = out / "waymark.lock"
        if lock.exists():
            json.loads(lock.read_text())

        result = run_waymark("build", new_inputs, "--out", out, "--jobs", "2", cwd=tmp_path)
        assert result.returncode == 0, f"run {run}: rerun failed\n{result.stdout}{result.stderr}"
        assert "another waymark build" not in result.stderr.lower(), "the killed build left the folder locked"
        assert tree_of(out) == new_tree, f"run {run}: rerun after a kill at {delay:.2f} s did not converge"
        leftovers = [p for p in out.rglob("*") if TEMPORARY_MARKER in p.name]
        assert not leftovers, f"run {run}: temporary files left behind: {leftovers}"
    # The random points must actually hit builds in progress, not only finished ones.
    assert killed_mid_build >= RUNS // 2, f"only {killed_mid_build} of {RUNS} kills hit a running build"


def test_a_second_build_into_the_same_folder_is_refused_while_the_first_runs(tmp_path):
    inputs = tmp_path / "in"
    make_inputs(inputs, "old", copies=6)
    out = tmp_path / "out"
    first = subprocess.Popen([str(waymark_binary()), "build", inputs, "--out", out, "--jobs", "1"],
                             cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Wait until the first build holds the lock (it creates the lock file before writing anything).
    deadline = time.monotonic() + 30
    while not (out / BUILD_LOCK).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    second = run_waymark("build", inputs, "--out", out, cwd=tmp_path)
    first_out, first_err = first.communicate(timeout=300)
    assert first.returncode == 0, first_out + first_err
    if second.returncode == 0:
        # The first build finished before the second started on this (slow or fast) machine: nothing to refuse.
        assert "another waymark build" not in second.stderr.lower()
    else:
        assert second.returncode == 2, second.stdout + second.stderr
        assert "error[build.locked]: Another waymark build is writing to this output folder." in second.stderr
        assert "hint: " in second.stderr
    # Once the first build is done the folder is free again.
    again = run_waymark("build", inputs, "--out", out, cwd=tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr


def test_the_build_lock_is_released_when_the_holder_is_killed(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    # A process that holds the lock, like a build would, then dies by SIGKILL.
    holder = subprocess.Popen(["python3", "-c", (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({str(out / BUILD_LOCK)!r}, os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "print('locked', flush=True)\n"
        "time.sleep(600)\n")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    refused = run_waymark("build", SAMPLES, "--out", out, cwd=tmp_path)
    assert refused.returncode == 2 and "error[build.locked]" in refused.stderr, refused.stdout + refused.stderr
    assert not (out / "index.html").exists(), "a refused build wrote into the locked folder"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    result = run_waymark("build", SAMPLES, "--out", out, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
