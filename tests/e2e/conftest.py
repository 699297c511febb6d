"""Browser-test fixtures: a real uvicorn process on its own database, and Debian's Chromium.
A module's tests share its server, so each module marks
its tests xdist_group: they run on one worker, in one process with one server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.databases import create_database
from tests.support.servers import Server, start_server, stop

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


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("e2e")
    url, drop = create_database(tmp, "e2e")
    running = start_server(tmp, url)
    yield running
    stop(running)
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
