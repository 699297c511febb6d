"""The app in uvicorn processes of its own, for browser and operations tests: a real server on
a free port, on a database file or a PostgreSQL database of its own; and the API factories
(tests.support.api) called by base URL, for tests that talk to several servers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import httpx

from tests.support import api
from tests.support.databases import FACILITATOR_EMAIL, FACILITATOR_PASSWORD

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
    """uvicorn in its own process, its facilitator the one every test signs in as;
    `extra_env` adds settings, `python` and `cwd` pick an install."""
    port = port or free_port()
    env = {
        **os.environ,
        "BACKBONE_DATA_DIR": str(tmp),
        "DATABASE_URL": database_url,
        "BACKBONE_ADMIN_EMAIL": FACILITATOR_EMAIL,
        "BACKBONE_ADMIN_PASSWORD": FACILITATOR_PASSWORD,
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
    # Generous: a process that is merely slow to import on a busy machine is not a failure;
    # one that exits is reported at once below.
    deadline = time.monotonic() + 120
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


def stop(server: Server) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        server.process.wait(timeout=15)


def sign_in(base: str) -> str:
    """The facilitator's token, signed in through the server at `base`."""
    with httpx.Client(base_url=base) as client:
        return api.login(client)["Authorization"].removeprefix("Bearer ")


def open_workshop(base: str, token: str, stage: str = "scoring") -> dict:
    auth = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base) as client:
        workshop = api.create_workshop(client, auth, title="Ops check")
        api.set_stage(client, auth, workshop["id"], stage)
    return workshop


def join(base: str, code: str, name: str) -> dict[str, str]:
    """A participant's authorization header, joined through the server at `base`."""
    with httpx.Client(base_url=base) as client:
        return api.join(client, code, name).auth
