"""The layering of DESIGN.md, kept by walking every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"

# Which of our modules each top-level module of app/ may import, besides itself. A name allows
# that module and everything under it: "persistence.engine" allows the engine and no more.
ALLOWED = {
    "domain": set(),
    "security": set(),
    "settings": set(),
    # Where the shipped files (templates/, criteria/, static/) are, in a checkout or installed.
    "resources": set(),
    "catalogue": {"domain", "resources"},
    "persistence": {"domain"},
    "exports": {"domain", "resources"},
    "services": {"domain", "catalogue", "persistence", "security"},
    "web": {"services", "exports", "catalogue", "domain", "settings", "resources"},
    # The entry points wire the layers together; they open the engine, and nothing more of
    # the database, themselves.
    "main": {
        "catalogue",
        "domain",
        "persistence.engine",
        "persistence.migrate",
        "resources",
        "services",
        "settings",
        "web",
    },
    "cli": {
        # serve: the log format the app writes in, set up before uvicorn starts
        "main",
        "backup",
        "catalogue",
        "demo",
        "domain",
        "exports",
        "persistence.engine",
        "persistence.migrate",
        "services",
        "settings",
    },
    "demo": {"domain", "services"},
    # Copies whole database files (SQLite's backup API, pg_dump): a tool beside persistence.
    "backup": {"persistence.engine", "persistence.migrate"},
}

# What of the database libraries a use case may name: the session it is handed, as a type.
SESSION_ONLY = {"Session"}
SESSION_CALLS = {
    "add",
    "add_all",
    "delete",
    "exec",
    "execute",
    "expire",
    "expunge",
    "expunge_all",
    "flush",
    "get",
    "merge",
    "query",
    "refresh",
    "scalar",
    "scalars",
}


def modules() -> list[Path]:
    return [p for p in APP.rglob("*.py") if p != APP / "__init__.py"]


def layer_of(path: Path) -> str:
    return path.relative_to(APP).with_suffix("").parts[0]


def our_imports(path: Path) -> set[str]:
    """Our modules a file imports, dotted below `app`: 'services.workshops', 'security'."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from app import security` names the module in its alias.
            base = node.module
            names = [f"{base}.{a.name}" for a in node.names] if base == "app" else [base]
        else:
            continue
        found.update(n.removeprefix("app.") for n in names if n.startswith("app."))
    return found


def allowed(layer: str, imported: str) -> bool:
    if imported.split(".")[0] == layer:
        return True
    return any(imported == a or imported.startswith(a + ".") for a in ALLOWED[layer])


def test_layers_cover_every_top_level_module():
    top = {p.name if p.is_dir() else p.stem for p in APP.iterdir() if not p.name.startswith("_")}
    top = {name for name in top if (APP / name).is_dir() or (APP / f"{name}.py").exists()}
    assert top == set(ALLOWED)


def test_layers_import_only_what_design_allows():
    problems = [
        f"{path.relative_to(APP)} imports app.{imported}"
        for path in modules()
        for imported in sorted(our_imports(path))
        if not allowed(layer_of(path), imported)
    ]
    assert problems == []


def test_layers_see_imports_of_the_form_from_app_import_module():
    assert "security" in our_imports(APP / "services" / "accounts.py")


def test_nothing_imports_web_but_main():
    offenders = [
        str(p.relative_to(APP))
        for p in modules()
        if layer_of(p) not in ("web", "main")
        and any(i.split(".")[0] == "web" for i in our_imports(p))
    ]
    assert offenders == []


def test_domain_uses_no_web_or_database_library():
    banned = {"fastapi", "sqlmodel", "sqlalchemy", "jinja2", "starlette", "yaml"}
    problems = []
    for path in (APP / "domain").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                used = {a.name.split(".")[0] for a in node.names} & banned
            elif isinstance(node, ast.ImportFrom) and node.module:
                used = {node.module.split(".")[0]} & banned
            else:
                continue
            problems += [f"{path.relative_to(APP)} imports {u}" for u in used]
    assert problems == []


def _outside_persistence() -> list[Path]:
    return [p for p in modules() if layer_of(p) in ("services", "cli", "demo")]


def test_services_reach_the_database_only_through_the_repository():
    problems = []
    for path in _outside_persistence():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module.split(".")[0] in ("sqlmodel", "sqlalchemy"):
                    extra = {a.name for a in node.names} - SESSION_ONLY
                    problems += [f"{path.relative_to(APP)} imports {n}" for n in sorted(extra)]
            is_session_call = (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "session"
                and node.func.attr in SESSION_CALLS
            )
            if is_session_call:
                where = f"{path.relative_to(APP)}:{node.lineno}"
                problems.append(f"{where} calls session.{node.func.attr}")
    assert problems == []


def test_table_rows_never_leave_services():
    """No service function that hands back a table row is called from outside services."""
    returning_rows: set[str] = set()
    for path in (APP / "services").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and node.returns is not None:
                if "Row" in ast.unparse(node.returns):
                    returning_rows.add(node.name)
    assert returning_rows, "the check found no row-returning function: is it still looking?"
    used_outside: set[str] = set()
    for path in modules():
        if layer_of(path) in ("services", "persistence"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute):
                used_outside.add(node.attr)
            elif isinstance(node, ast.ImportFrom):
                used_outside.update(a.name for a in node.names)
    assert returning_rows & used_outside == set()
