"""Shared fixtures for the consumer checks: outputs of the real `waymark` binary, checked by real tools.

`make test` builds the debug binary first; these tests run it on SampleCaptures and ../shared/captures.
Under CI (CI=true) a missing ../shared is a failure, never a skip.
"""
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "SampleCaptures"
IS_CI = os.environ.get("CI", "").lower() in ("1", "true")
# Captures in SampleCaptures (each becomes one guide): the native samples and the replay demo's recording; the demo
# site's pages and waymark.yml are not captures.
SAMPLE_COUNT = sum(1 for p in SAMPLES.rglob("*") if p.suffix in (".json", ".xml") and "demo-site" not in p.parts)


def waymark_binary() -> pathlib.Path:
    for config in ("debug", "release"):
        path = ROOT / ".build" / config / "waymark"
        if path.exists():
            return path
    raise RuntimeError("waymark is not built; run `swift build` (make test does this)")


def run_waymark(*args, cwd=None, check=False, env=None):
    """Runs waymark and returns the CompletedProcess (text mode)."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run([str(waymark_binary()), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          check=check, env=full_env)


@pytest.fixture(scope="session")
def shared_dir() -> pathlib.Path:
    if not (SHARED / "captures").is_dir():
        if IS_CI:
            pytest.fail(f"{SHARED}/captures is missing; CI needs ../shared beside the checkout")
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def samples_out(tmp_path_factory) -> pathlib.Path:
    """`waymark build SampleCaptures` into a fresh folder, once per test session."""
    out = tmp_path_factory.mktemp("samples-out")
    result = run_waymark("build", SAMPLES, "--out", out, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed; `make test` installs it (see Makefile APT_TEST)")
    return path
