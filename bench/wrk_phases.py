"""The load generator for bench/load.py's throughput phases: wrk (C, one thread) driven by Lua
scripts, and the CPU each side used, so a figure is known to measure the server."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def group_cpu_seconds(pgid: int) -> float:
    """User + system CPU of every live process in a process group (the server's supervisor,
    its workers and their document worker), from /proc/<pid>/stat."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # exited meanwhile
        # The command name is in parentheses and may hold spaces: split after the last ')'.
        rest = stat[stat.rindex(")") + 2 :].split()
        if int(rest[2]) == pgid:
            total += int(rest[11]) + int(rest[12])
    return total / TICKS


@dataclass
class CpuWindow:
    """CPU used by the server (its process group) and the client over one phase."""

    server_pgid: int
    started: float = field(default_factory=time.perf_counter)
    server0: float = 0.0
    load: str = ""

    def __post_init__(self) -> None:
        self.server0 = group_cpu_seconds(self.server_pgid)
        self.load = load_average()

    def server_share(self) -> tuple[float, float]:
        """(server CPU seconds, wall seconds) since the window opened."""
        wall = time.perf_counter() - self.started
        return group_cpu_seconds(self.server_pgid) - self.server0, wall


@dataclass
class WrkResult:
    name: str
    requests: int
    seconds: float
    rps: float
    latency_ms: dict[str, float]
    max_ms: float
    errors: int
    error_text: str
    client_cpu: float  # seconds of CPU wrk used
    server_cpu: float  # seconds of CPU the server used meanwhile
    load: str

    def cpu_line(self) -> str:
        return (
            f"{self.name}: client (wrk) CPU {self.client_cpu / self.seconds:.0%} of a core, "
            f"server CPU {self.server_cpu / self.seconds:.0%} of a core; load average {self.load}"
        )


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(number) * UNITS[unit]


def parse(name: str, out: str, client_cpu: float, server_cpu: float, load: str) -> WrkResult:
    done = re.search(r"(\d+) requests in ([\d.]+)(\w+)", out)
    if done is None:
        raise RuntimeError(f"wrk said:\n{out}")
    seconds = _ms(done.group(2) + done.group(3)) / 1000
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    latency = {q: _ms(v) for q, v in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M)}
    # Thread Stats: "Latency  avg  stdev  max  +/- stdev"
    worst = re.search(r"^\s+Latency\s+\S+\s+\S+\s+(\S+)", out, re.M)
    errors, texts = 0, []
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        errors += int(non2xx.group(1))
        texts.append(non2xx.group(0))
    sockets = re.search(r"Socket errors: (.*)", out)
    if sockets:
        errors += sum(int(n) for n in re.findall(r"\d+", sockets.group(1)))
        texts.append(sockets.group(0))
    return WrkResult(
        name,
        int(done.group(1)),
        seconds,
        rps,
        latency,
        _ms(worst.group(1)) if worst else 0.0,
        errors,
        "; ".join(texts),
        client_cpu,
        server_cpu,
        load,
    )


def run_wrk(
    name: str,
    url: str,
    server_pgid: int,
    connections: int,
    seconds: float,
    script: Path | None = None,
    headers: dict[str, str] | None = None,
    profile: Path | None = None,
) -> WrkResult:
    """wrk, one thread, `connections` connections for `seconds`; its CPU from its rusage, the
    server's from /proc over the same window. With `profile`, py-spy samples the server
    meanwhile and writes collapsed stacks there (`profile_summary` reads them)."""
    binary = shutil.which("wrk")
    if binary is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    command = [binary, "-t1", f"-c{connections}", f"-d{seconds:g}s", "--latency"]
    command += ["--timeout", "10s"]
    for key, value in (headers or {}).items():
        command += ["-H", f"{key}: {value}"]
    if script is not None:
        command += ["-s", str(script)]
    spy = None
    if profile is not None:
        spy = subprocess.Popen(
            [str(Path(sys.executable).parent / "py-spy"), "record", "-p", str(server_pgid)]
            + ["--subprocesses", "--gil", "--nonblocking", "--format", "raw", "-r", "100"]
            + ["-d", str(max(1, int(seconds))), "-o", str(profile)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    window = CpuWindow(server_pgid)
    process = subprocess.Popen(command + [url], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    server_cpu, _ = window.server_share()
    if spy is not None:
        spy.wait(timeout=60)
    return parse(name, out, usage.ru_utime + usage.ru_stime, server_cpu, window.load)


def lua_list(values: list[str]) -> str:
    return "{" + ", ".join(json.dumps(v) for v in values) + "}"


def scores_script(
    path: Path, url_path: str, tokens: list[str], options: list[str], criteria: list[str]
) -> Path:
    """Request n: participant n % P rates option (n // P) % O on every criterion with one value
    that `burst_rating` gives, so what was stored can be checked afterwards."""
    path.write_text(
        f"""
local tokens = {lua_list(tokens)}
local options = {lua_list(options)}
local criteria = {lua_list(criteria)}
local n = 0
request = function()
  local t = n % #tokens
  local o = math.floor(n / #tokens) % #options
  n = n + 1
  local rating = (t + o) % 5 + 1
  local cells = {{}}
  for _, c in ipairs(criteria) do cells[#cells + 1] = string.format('"%s": %d', c, rating) end
  local body = string.format('{{"scores": {{"%s": {{%s}}}}}}', options[o + 1],
    table.concat(cells, ", "))
  local headers = {{["Authorization"] = "Bearer " .. tokens[t + 1],
    ["Content-Type"] = "application/json"}}
  return wrk.format("PUT", "{url_path}", headers, body)
end
"""
    )
    return path


def burst_rating(participant_index: int, option_index: int) -> int:
    return (participant_index + option_index) % 5 + 1


def get_script(path: Path, url_path: str, tokens: list[str]) -> Path:
    """GETs of `url_path`, each with the next token in turn (a room of phones)."""
    path.write_text(
        f"""
local tokens = {lua_list(tokens)}
local n = 0
request = function()
  local t = n % #tokens
  n = n + 1
  local headers = {{["Authorization"] = "Bearer " .. tokens[t + 1],
    ["Accept-Encoding"] = "gzip"}}
  return wrk.format("GET", "{url_path}", headers)
end
"""
    )
    return path


def wrk_table(results: list[WrkResult]) -> list[str]:
    rows = [
        "| phase | requests | errors | req/s | p50 ms | p99 ms | client CPU | server CPU "
        "| server CPU ms/request | load average |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for r in results:
        rows.append(
            f"| {r.name} | {r.requests} | {r.errors} | {r.rps:.0f} "
            f"| {r.latency_ms.get('50', 0):.1f} | {r.latency_ms.get('99', 0):.1f} "
            f"| {r.client_cpu / r.seconds:.0%} | {r.server_cpu / r.seconds:.0%} "
            f"| {1000 * r.server_cpu / max(r.requests, 1):.2f} | {r.load} |"
        )
    return rows


IDLE = ("Queue.get", "Condition.wait", "select (selectors", "_worker (concurrent")


def profile_summary(profile: Path, top: int = 14) -> list[str]:
    """Where the server's interpreter time went (py-spy samples the thread holding the GIL):
    by library of the innermost frame, then our functions by the share of samples they are
    on the stack. A worker thread waiting for work and the event loop in select are left out."""
    leaves: dict[str, int] = {}
    ours: dict[str, int] = {}
    total = 0
    for line in profile.read_text().splitlines():
        stack, _, number = line.rpartition(" ")
        if not number.isdigit():
            continue
        frames = [f for f in stack.split(";")[1:] if f]
        if not frames or (frames[-1].startswith(IDLE) and "Pool" not in stack):
            continue
        n = int(number)
        total += n
        leaf = _where(frames[-1])
        leaves[leaf] = leaves.get(leaf, 0) + n
        for name in {f.split(" (")[0] for f in frames if " (app/" in f}:
            ours[name] = ours.get(name, 0) + n
    if not total:
        return ["(no busy samples)"]
    lines = [f"{total} samples holding the GIL; where (innermost frame):"]
    for name, n in sorted(leaves.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {n / total:6.1%}  {name}")
    lines.append("our functions on the stack:")
    for name, n in sorted(ours.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {n / total:6.1%}  {name}")
    return lines


def _where(frame: str) -> str:
    """The library (or our package) a frame runs in: `sqlalchemy/engine`, `app/services`."""
    path = frame.partition(" (")[2].rpartition(":")[0]
    return "/".join(path.split("/")[:2]) if "/" in path else path or frame
