"""`pip install .` (what scripts/run.sh and the image do) gives a service that runs away from the
checkout: the wheel carries the templates, the catalogue and the built front-end assets."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import httpx
import pytest

from tests.support.api import API
from tests.support.servers import ROOT, sign_in, start_server, stop

SOURCES = ["pyproject.toml", "LICENSE", "README.md", "app", "criteria", "templates", "static"]
RESOURCE_TREES = ["criteria", "templates", "static"]


def _resource_dirs() -> set[str]:
    """Every folder under the resource trees that holds a file the service reads."""
    return {
        str(path.parent.relative_to(ROOT))
        for tree in RESOURCE_TREES
        for path in (ROOT / tree).rglob("*")
        if path.is_file()
    }


def test_pyproject_data_files_list_every_resource_folder():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = pyproject["tool"]["setuptools"]["data-files"]
    expected = {f"share/backbone-select/{d}": [f"{d}/*.*"] for d in _resource_dirs()}
    assert listed == expected


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new environment holding only the wheel of this checkout (its dependencies are read
    from the running one), built from a copy so the checkout gets no build/ folder."""
    if not (ROOT / "static" / "dist" / "htmx.min.js").is_file():
        pytest.fail("static/dist is not built: run `npm run build` (scripts/setup.sh does)")
    tmp = tmp_path_factory.mktemp("install")
    source = tmp / "source"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", tmp / "wheels", source], check=True)
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # A plain path line: the running environment's own .pth files (an editable
    # install's path to the checkout) are not read from it.
    Path(site, "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    wheel = next((tmp / "wheels").glob("backbone_select-*.whl"))
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", wheel], check=True)
    return venv


def test_installed_package_reads_its_resources_from_the_environment(installed: Path):
    where = subprocess.run(
        [installed / "bin" / "python", "-c", "import app.resources as r; print(r.ROOT)"],
        cwd=installed,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert Path(where) == installed / "share" / "backbone-select"
    assert (Path(where) / "static" / "dist" / "swagger-ui-bundle.js").is_file()


def test_installed_service_serves_pages_assets_docs_and_exports(installed: Path, tmp_path: Path):
    server = start_server(
        tmp_path,
        f"sqlite:///{tmp_path / 'installed.db'}",
        python=str(installed / "bin" / "python"),
        cwd=tmp_path,
    )
    try:
        base = server.base_url
        assert httpx.get(f"{base}/readyz").json() == {"ok": True}
        assert httpx.get(f"{base}/").status_code == 200
        for asset in ("dist/htmx.min.js", "dist/redoc.standalone.js", "src/favicon.svg"):
            assert httpx.get(f"{base}/static/{asset}").status_code == 200, asset
        assert httpx.get(f"{base}/docs").status_code == 200
        auth = {"Authorization": f"Bearer {sign_in(base)}"}
        created = httpx.post(
            f"{base}{API}/workshops", json={"title": "Installed", "template": "quick"}, headers=auth
        )
        assert created.status_code == 201, created.text
        exported = httpx.get(
            f"{base}{API}/workshops/{created.json()['id']}/export.html", headers=auth
        )
        assert exported.status_code == 200 and "Installed" in exported.text
    finally:
        stop(server)


def test_installed_package_speaks_spanish(installed: Path):
    """The gettext catalogue travels in the wheel and the Spanish catalogue in its data."""
    check = (
        "from app.web.i18n import translations; from app.catalogue import load_catalogue; "
        "print(translations('es').gettext('Continue')); "
        "print(load_catalogue().text_in('es').criteria['neutrality'].name); "
        "from app.exports import i18n; print(i18n.translations('es').gettext('Decision'))"
    )
    said = subprocess.run(
        [installed / "bin" / "python", "-c", check],
        cwd=installed,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    assert said[:3] == ["Continuar", "Neutralidad", "Decisión"]
