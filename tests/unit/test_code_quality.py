"""The conventions of DESIGN.md that tools can check: ruff (lint and format) and mypy on app/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_code_passes_ruff_lint():
    result = run("ruff", "check", "app", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_app_is_ruff_formatted():
    result = run("ruff", "format", "--check", "app")
    assert result.returncode == 0, result.stdout + result.stderr


def test_app_passes_mypy():
    result = run("mypy", "app")
    assert result.returncode == 0, result.stdout + result.stderr
