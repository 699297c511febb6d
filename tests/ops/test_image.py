"""The Dockerfile, held against what the service needs (no container engine runs here): the
run-time system packages .ci/run installs, the files the wheel carries, and setup.sh's steps."""

from __future__ import annotations

import re
import tomllib

from tests.support.servers import ROOT

RUNTIME_LIST = "scripts/runtime-packages.txt"


def runtime_packages() -> list[str]:
    lines = (ROOT / RUNTIME_LIST).read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(instruction, arguments) per instruction, continuation lines joined."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines()]
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1])
        for line in lines
        if line and not line.startswith("#")
    ]


def runtime_stage() -> list[tuple[str, str]]:
    instructions = dockerfile_instructions()
    last_from = max(i for i, (op, _) in enumerate(instructions) if op == "FROM")
    return instructions[last_from:]


def test_runtime_packages_are_pango_and_fonts_not_test_tools():
    packages = runtime_packages()
    assert {"libpango-1.0-0", "libpangoft2-1.0-0", "fonts-dejavu-core"} <= set(packages)
    assert not {"chromium", "poppler-utils"} & set(packages)  # for tests only


def test_image_installs_exactly_the_runtime_list():
    stage = runtime_stage()
    copies = [args for op, args in stage if op == "COPY" and RUNTIME_LIST in args]
    assert copies, "the runtime stage copies the run-time package list"
    target = copies[0].split()[-1]
    installs = [args for op, args in stage if op == "RUN" and "apt-get install" in args]
    assert len(installs) == 1
    # The packages come from the list only: nothing is named after `install` but options.
    assert f"grep -v '^#' {target}" in installs[0]
    named = installs[0].split("apt-get install", 1)[1].split("&&", 1)[0].split()
    assert all(word.startswith("-") for word in named)


def test_ci_installs_the_same_runtime_list():
    ci = (ROOT / ".ci" / "run").read_text()
    assert f"grep -v '^#' {RUNTIME_LIST}" in ci
    for package in runtime_packages():
        assert package not in ci  # named once, in the list


def _copied_into_build_folder() -> set[str]:
    """The paths the runtime stage's COPY instructions create, relative to its WORKDIR."""
    present: set[str] = set()
    for op, args in runtime_stage():
        if op != "COPY":
            continue
        *sources, target = [word for word in args.split() if not word.startswith("--")]
        if target in ("./", "."):
            present |= {source.rsplit("/", 1)[-1] for source in sources}
        elif not target.startswith("/"):
            present.add(target.removeprefix("./"))
    return present


def test_image_copies_every_file_the_wheel_is_built_from():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    needed = {"pyproject.toml", "app", *pyproject["project"]["license-files"]}
    for patterns in pyproject["tool"]["setuptools"]["data-files"].values():
        needed |= {pattern.rsplit("/", 1)[0] for pattern in patterns}
    present = _copied_into_build_folder()
    missing = [
        path
        for path in sorted(needed)
        if not any(path == p or path.startswith(f"{p}/") for p in present)
    ]
    assert missing == []


def test_image_takes_the_same_steps_as_setup():
    setup = (ROOT / "scripts" / "setup.sh").read_text()
    runs = " ".join(args for op, args in dockerfile_instructions() if op == "RUN")
    for step in ("npm ci --no-audit --no-fund", "npm run --silent build"):
        assert step in setup and step in runs
    assert re.search(r"pip install [^|&]*\s\.(\s|$)", setup)  # a package install, for running
    assert "pip install --no-cache-dir . " in runs and " -e " not in runs
