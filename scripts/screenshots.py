"""Screenshots of the real pages for the user guide: loads the demo into a fresh data folder,
runs `backbone serve`, and has Debian's Chromium (Playwright) save docs/img/*.png.

Usage: .venv/bin/python scripts/screenshots.py   (needs /usr/bin/chromium and the test extra)
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMG = ROOT / "docs" / "img"
CHROMIUM = "/usr/bin/chromium"
BACKBONE = [sys.executable, "-m", "app.cli"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(base: str) -> None:
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"{base}/readyz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("the service did not become ready")


def shoot(base: str, email: str, password: str, workshop_id: int, code: str) -> None:
    from playwright.sync_api import sync_playwright

    IMG.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        lead = browser.new_page(viewport={"width": 1200, "height": 900})
        lead.goto(f"{base}/login")
        lead.screenshot(path=IMG / "login.png")
        lead.fill('input[name="email"]', email)
        lead.fill('input[name="password"]', password)
        lead.click('form button[type="submit"]')
        lead.wait_for_url(re.compile(r".*/workshops.*"))
        lead.goto(f"{base}/workshops")
        lead.screenshot(path=IMG / "workshops.png")
        # The console opens on its room and results tab; the decision is in the Decide tab.
        lead.goto(f"{base}/workshops/{workshop_id}#room")
        lead.screenshot(path=IMG / "workshop.png")  # the head, the room beside the results
        lead.locator("#results-panel").screenshot(path=IMG / "results.png")
        lead.click('#console-tabs a[data-tab="decide"]')
        lead.locator("#decision").screenshot(path=IMG / "decision.png")
        lead.goto(f"{base}/workshops/{workshop_id}/present")
        lead.screenshot(path=IMG / "present.png")
        lead.goto(f"{base}/plans")
        lead.screenshot(path=IMG / "plans.png")
        lead.fill('#create-plan input[name="title"]', "Diabetes prevention partner network")
        lead.click('#create-plan button[type="submit"]')
        lead.wait_for_selector("#plan-title")
        lead.screenshot(path=IMG / "plan.png")  # the questionnaire's first questions
        phone = browser.new_page(viewport={"width": 420, "height": 900})
        phone.goto(f"{base}/join?code={code}")
        phone.screenshot(path=IMG / "join.png")
        phone.fill('#join-form input[name="name"]', "Sam")
        phone.select_option('#join-form select[name="sector"]', index=1)
        phone.click('#join-form button[type="submit"]')
        phone.wait_for_url(re.compile(r".*/w/\d+.*"))
        phone.screenshot(path=IMG / "participant.png")
        phone.locator("#weights-form").screenshot(path=IMG / "weights.png")
        phone.goto(phone.url.partition("?")[0] + "#rate")
        phone.screenshot(path=IMG / "rating-step.png")  # one option at a time, its progress
        phone.goto(phone.url.partition("#")[0] + "/brief")
        phone.screenshot(path=IMG / "brief.png")
        browser.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "BACKBONE_DATA_DIR": data}
        env.pop("DATABASE_URL", None)
        env.pop("BACKBONE_DATABASE_URL", None)
        port = _free_port()
        demo = subprocess.run(
            [*BACKBONE, "demo", "--port", str(port)], env=env, capture_output=True, text=True
        )
        demo.check_returncode()
        found = re.search(r"email (\S+)\s+password (\S+)", demo.stdout)
        workshop = re.search(r"/workshops/(\d+)", demo.stdout)
        code = re.search(r"\(code (\S+)\)", demo.stdout)
        assert found and workshop and code, demo.stdout
        server = subprocess.Popen(
            [*BACKBONE, "serve", "--port", str(port)], env=env, stderr=subprocess.DEVNULL
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_ready(base)
            shoot(base, found[1], found[2], int(workshop[1]), code[1])
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"Wrote {', '.join(sorted(p.name for p in IMG.glob('*.png')))} into {IMG}")


if __name__ == "__main__":
    main()
