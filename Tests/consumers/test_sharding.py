"""Sharding for CI matrices: `build --shard I/N` on separate jobs, then `lock merge` gives the same tree as one
full build, and `check --shard I/N` checks each shard's captures only."""
import json
import pathlib
import shutil

from conftest import SAMPLE_COUNT, SAMPLES, run_waymark


def tree(folder: pathlib.Path):
    """Every file but the build's own run lock (`.waymark-build.lock`, which only a build creates) and the stat
    cache (`.waymark-stat-cache`: file times and inodes of this machine, never part of the lock)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in (".waymark-build.lock", ".waymark-stat-cache")}


def test_sharded_builds_merge_into_the_full_build(tmp_path):
    n = 3
    built_ids = []
    for i in range(1, n + 1):
        job = tmp_path / f"job{i}"
        shutil.copytree(SAMPLES, job / "captures")
        result = run_waymark("build", "captures", "--out", "out", "--shard", f"{i}/{n}", cwd=job)
        assert result.returncode == 0, result.stderr
        lock = json.loads((job / "out" / "waymark.lock").read_text())
        built_ids += list(lock["captures"])
        check = run_waymark("check", "captures", "--out", "out", "--shard", f"{i}/{n}", cwd=job)
        assert check.returncode == 0, check.stdout + check.stderr
    # Every capture is built by exactly one shard.
    assert len(built_ids) == len(set(built_ids)) == SAMPLE_COUNT

    # The final job gathers the shards' guides and merges their locks.
    final = tmp_path / "final"
    shutil.copytree(SAMPLES, final / "captures")
    for i in range(1, n + 1):
        out = tmp_path / f"job{i}" / "out"
        (final / "shards" / str(i)).mkdir(parents=True)
        shutil.copy(out / "waymark.lock", final / "shards" / str(i) / "waymark.lock")
        for item in out.iterdir():
            if item.is_dir() and item.name != "assets":
                shutil.copytree(item, final / "out" / item.name)
    locks = [f"shards/{i}/waymark.lock" for i in range(1, n + 1)]
    merged = run_waymark("lock", "merge", *locks, "--out", "out", cwd=final)
    assert merged.returncode == 0, merged.stderr
    assert f"{SAMPLE_COUNT} captures" in merged.stdout

    full = tmp_path / "full"
    shutil.copytree(SAMPLES, full / "captures")
    assert run_waymark("build", "captures", "--out", "out", cwd=full).returncode == 0
    assert tree(final / "out") == tree(full / "out")
    assert run_waymark("check", "captures", "--out", "out", cwd=final).returncode == 0


def test_conflicting_shards_and_bad_shard_options_exit_2(tmp_path):
    for a in ("a", "b"):
        shutil.copytree(SAMPLES, tmp_path / a / "captures")
    # Same capture, different content in two "shards".
    path = tmp_path / "b" / "captures" / "reset-password.json"
    path.write_text(path.read_text().replace("Forgot my password", "Lost your password?", 1))
    for a in ("a", "b"):
        assert run_waymark("build", "captures", "--out", "out", cwd=tmp_path / a).returncode == 0
    merged = run_waymark("lock", "merge", "a/out/waymark.lock", "b/out/waymark.lock", "--out", "m", cwd=tmp_path)
    assert merged.returncode == 2
    assert "lock.merge-conflict" in merged.stderr and "reset-password" in merged.stderr
    for bad in ("0/3", "4/3", "x", "1/0"):
        result = run_waymark("build", "a/captures", "--out", "o", "--shard", bad, cwd=tmp_path)
        assert result.returncode == 2 and "option.shard" in result.stderr, bad
