"""The layering of DESIGN.md, kept by walking every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"

# Which of our packages each layer may import (besides itself).
ALLOWED = {
    "domain": set(),
    "catalog": {"domain", "resources"},
    "persistence": {"domain"},
    "exports": {"domain", "resources"},
    "services": {"domain", "persistence", "security"},
    "web": {"services", "exports", "catalog", "domain", "settings", "resources"},
}


def layer_of(path: Path) -> str:
    relative = path.relative_to(APP).with_suffix("")
    return relative.parts[0]


def our_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found: set[str] = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "app" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_layers_import_only_what_design_allows():
    problems = []
    for path in APP.rglob("*.py"):
        layer = layer_of(path)
        if layer not in ALLOWED:
            continue
        for imported in our_imports(path) - {layer}:
            if imported not in ALLOWED[layer]:
                problems.append(f"{path.relative_to(APP)} imports app.{imported}")
    assert problems == []


def test_nothing_imports_web():
    offenders = [
        str(p.relative_to(APP))
        for p in APP.rglob("*.py")
        if layer_of(p) not in ("web", "main.py".removesuffix(".py")) and "web" in our_imports(p)
    ]
    assert offenders == []


def test_domain_uses_no_web_or_database_library():
    banned = {"fastapi", "sqlmodel", "sqlalchemy", "jinja2", "starlette", "yaml"}
    for path in (APP / "domain").glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not {a.name.split(".")[0] for a in node.names} & banned, path
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module.split(".")[0] not in banned, path
