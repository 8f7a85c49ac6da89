"""ruff over the code, with the rules and justified ignores of pyproject.toml."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    result = subprocess.run([ruff, "check", "flows", "tasks", "tests", "bench"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.slow
def test_mypy_finds_nothing(tmp_path):
    """mypy over flows/ and tasks/ as the `newsflow` package they install as: mypy does not
    follow setuptools' folder mapping, so the package is laid out with links in a temporary folder."""
    package = tmp_path / "newsflow"
    package.mkdir()
    for folder in ("flows", "tasks"):
        (package / folder).symlink_to(REPO / folder)
    command = [sys.executable, "-m", "mypy", "--config-file", str(REPO / "pyproject.toml"),
               "--cache-dir", str(tmp_path / "cache"), "-p", "newsflow.tasks", "-p", "newsflow.flows"]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env={**os.environ, "MYPYPATH": str(tmp_path)})
    assert result.returncode == 0, result.stdout[-5000:]
