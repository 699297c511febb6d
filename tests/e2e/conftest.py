"""Browser-test fixtures: a real uvicorn process on its own database, and Debian's Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.databases import create_database

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
E2E_EMAIL = "lead@example.org"
E2E_PASSWORD = "a long e2e password"
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, base_url: str, process: subprocess.Popen, log: Path) -> None:
        self.base_url, self.process, self.log = base_url, process, log


def start_server(
    tmp: Path,
    database_url: str,
    port: int | None = None,
    *,
    extra_env: dict[str, str] | None = None,
    python: str = sys.executable,
    cwd: Path = ROOT,
) -> Server:
    """uvicorn in its own process; `extra_env` adds settings, `python` and `cwd` pick an install."""
    port = port or free_port()
    env = {
        **os.environ,
        "BACKBONE_DATA_DIR": str(tmp),
        "DATABASE_URL": database_url,
        "BACKBONE_ADMIN_EMAIL": E2E_EMAIL,
        "BACKBONE_ADMIN_PASSWORD": E2E_PASSWORD,
        **(extra_env or {}),
    }
    log = tmp / f"server-{port}.log"
    process = subprocess.Popen(
        [
            python,
            "-m",
            "uvicorn",
            "app.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        cwd=cwd,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=1) as response:
                if response.status == 200:
                    return Server(base, process, log)
        except OSError:
            time.sleep(0.2)
        if process.poll() is not None:
            break
    process.kill()
    raise RuntimeError(f"uvicorn did not start:\n{log.read_text()}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("e2e")
    url, drop = create_database(tmp, "e2e")
    running = start_server(tmp, url)
    yield running
    running.process.terminate()
    running.process.wait(timeout=10)
    drop()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Browser tests must run in CI: /usr/bin/chromium is missing")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
