"""The documentation site: it builds with --strict, its links and the README's resolve, and the
API reference is the app's OpenAPI document as it is now."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _pages() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _anchors(page: Path) -> set[str]:
    """The ids mkdocs (and GitHub) give the headings: lower case, punctuation dropped."""
    found = set()
    for line in page.read_text().splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            title = re.sub(r"[^\w\- ]", "", title).strip()
            found.add(re.sub(r"[\s]+", "-", title))
    return found


def _broken(page: Path) -> list[str]:
    broken = []
    for target in LINK.findall(page.read_text()):
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        path = (page.parent / file).resolve() if file else page
        if not path.exists():
            broken.append(target)
        elif anchor and path.suffix == ".md" and anchor not in _anchors(path):
            broken.append(target)
    return broken


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.name)
def test_docs_relative_links_name_files_and_anchors_that_exist(page: Path) -> None:
    assert _broken(page) == []


def test_docs_link_check_sees_a_broken_link(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    (tmp_path / "other.md").write_text("# Other\n\n## A part\n")
    page.write_text("[ok](other.md#a-part) [gone](missing.md) [no anchor](other.md#nowhere)")
    assert _broken(page) == ["missing.md", "other.md#nowhere"]


def test_docs_api_reference_is_the_current_openapi() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import api_reference
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert api_reference.PAGE.read_text() == api_reference.generated(), (
        "run: .venv/bin/python scripts/api_reference.py"
    )


def test_docs_site_builds_strict(tmp_path: Path) -> None:
    mkdocs = Path(sys.executable).with_name("mkdocs")
    assert mkdocs.exists() or shutil.which("mkdocs"), (
        "install the docs extra: scripts/setup.sh --test"
    )
    done = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "api-reference" / "index.html").exists()
