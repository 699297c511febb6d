"""Load benchmark: a full room submits at once against a real uvicorn server (run by hand).

    .venv/bin/python bench/load.py [--participants 200] [--workers 1]
    .venv/bin/python bench/load.py --database-url postgresql://postgres@127.0.0.1:5432/postgres
    .venv/bin/python bench/load.py --kill          # SIGKILL mid-load, restart, check durability

One run, four parts, all over HTTP on 127.0.0.1:
1. ceiling: GET /healthz (no database work) as fast as `--concurrency` clients can: the most
   this machine serves with this app, server and client sharing the cores.
2. room: N participants arrive over `--ramp` seconds; each joins, gives weights, then rates the
   options one PUT per option, pausing `--think` seconds between steps (a person on a phone),
   while `--watchers` facilitator views poll /workshops/{id}/live every 2 s with If-None-Match
   and one poller reads /api/v1/workshops/{id}/results. Latency targets are read here.
3. burst: `--concurrency` clients send score PUTs back to back for `--duration` seconds with no
   pause: the write throughput, compared with the ceiling.
4. check: every acknowledged join, weight and rating is read back from the database, and no
   option row or weight set is half-written.

SQLite (default) lives in a temporary data folder; `--database-url` runs on a fresh database
created on that PostgreSQL server (and dropped afterwards). Targets (SQLite, 2 cores): score
PUT p99 < 100 ms in the room, burst throughput >= half the ceiling, no errors, nothing lost.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
EMAIL, PASSWORD = "bench@example.org", "a long benchmark password"
SECTORS = ["government", "nonprofit", "funder", "health-care", "community", "business"]


# The server under test


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    port: int
    data_dir: Path
    database_url: str
    workers: int
    log: Path
    process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> None:
        env = {
            **os.environ,
            "BACKBONE_DATA_DIR": str(self.data_dir),
            "DATABASE_URL": self.database_url,
            "BACKBONE_ADMIN_EMAIL": EMAIL,
            "BACKBONE_ADMIN_PASSWORD": PASSWORD,
        }
        command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1"]
        command += ["--port", str(self.port), "--workers", str(self.workers)]
        command += ["--no-access-log", "--log-level", "warning"]
        # Its own process group, so --kill reaches the workers too, not just the supervisor.
        self.process = subprocess.Popen(
            command,
            env=env,
            cwd=ROOT,
            stdout=self.log.open("a"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{self.base}/readyz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the server did not start; see {self.log}")

    def kill(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def fresh_database(admin_url: str | None, data_dir: Path) -> tuple[str, Any]:
    if admin_url is None:
        return f"sqlite:///{data_dir / 'backbone.db'}", lambda: None
    url = make_url(admin_url).set(drivername="postgresql+psycopg")
    name = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url.set(database=name).render_as_string(hide_password=False), drop


# Measuring


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # After a SIGKILL a refused connection is expected: counted, not an error.
    refused: int = 0
    stopped: bool = False
    t0: float = 0.0
    t1: float = 0.0

    def error(self, kind: str, what: str) -> None:
        self.errors[kind] += 1
        if len(self.samples[kind]) < 3:
            self.samples[kind].append(what)


@dataclass
class Acked:
    """What the server acknowledged, per participant, to compare with the database."""

    joined: set[int] = field(default_factory=set)
    weights: dict[int, dict[str, float]] = field(default_factory=dict)
    ratings: dict[int, dict[tuple[str, str], int]] = field(default_factory=dict)


async def call(
    client: httpx.AsyncClient,
    stats: Stats,
    kind: str,
    method: str,
    url: str,
    expect: tuple[int, ...],
    **kwargs: Any,
) -> httpx.Response | None:
    if stats.stopped:
        return None
    started = time.perf_counter()
    try:
        response = await client.request(method, url, **kwargs)
    except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as error:
        if stats.stopped:
            stats.refused += 1
        else:
            stats.error(kind, type(error).__name__)
        return None
    except httpx.HTTPError as error:
        stats.error(kind, type(error).__name__)
        return None
    elapsed = time.perf_counter() - started
    if response.status_code not in expect:
        stats.error(kind, f"{response.status_code} {response.text[:120]}")
        return None
    stats.latencies[kind].append(elapsed)
    return response


@dataclass
class Workshop:
    id: int
    code: str
    criteria: list[str]
    options: list[str]
    facilitator_token: str


async def set_up(client: httpx.AsyncClient) -> Workshop:
    login = await client.post("/api/v1/auth/login", json={"email": EMAIL, "password": PASSWORD})
    login.raise_for_status()
    token = login.json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    body = {"title": "Load test: regional maternal-health partnership", "template": "quick"}
    created = await client.post("/api/v1/workshops", json=body, headers=auth)
    created.raise_for_status()
    w = created.json()
    staged = await client.patch(
        f"/api/v1/workshops/{w['id']}", json={"stage": "scoring"}, headers=auth
    )
    staged.raise_for_status()
    return Workshop(
        w["id"],
        w["join_code"],
        [c["key"] for c in w["criteria"]],
        [o["key"] for o in w["options"]],
        token,
    )


# The workload


@dataclass
class Member:
    id: int
    auth: dict[str, str]


async def participant(
    client: httpx.AsyncClient,
    stats: Stats,
    acked: Acked,
    w: Workshop,
    index: int,
    ramp: float,
    think: float,
    members: list[Member],
) -> None:
    rng = random.Random(index)
    await asyncio.sleep(rng.uniform(0, ramp))
    body = {"join_code": w.code, "name": f"Member {index}", "sector": rng.choice(SECTORS)}
    joined = await call(client, stats, "join", "POST", "/api/v1/join", (201,), json=body)
    if joined is None:
        return
    me = Member(
        joined.json()["participant_id"], {"Authorization": f"Bearer {joined.json()['token']}"}
    )
    acked.joined.add(me.id)
    members.append(me)
    await asyncio.sleep(rng.uniform(0, 2 * think))
    points = {c: float(rng.randint(1, 40)) for c in w.criteria}
    url = f"/api/v1/workshops/{w.id}/my/weights"
    done = await call(
        client, stats, "weights", "PUT", url, (200,), json={"weights": points}, headers=me.auth
    )
    if done is None:
        return
    acked.weights[me.id] = points
    for option in w.options:
        await asyncio.sleep(rng.uniform(0, 2 * think))
        if not await put_row(client, stats, acked, w, me, option, rng.randint(1, 5)):
            return


async def put_row(
    client: httpx.AsyncClient,
    stats: Stats,
    acked: Acked,
    w: Workshop,
    me: Member,
    option: str,
    rating: int,
) -> bool:
    # One option's whole row at once, one value: a half-written row would show mixed cells.
    body = {"scores": {option: {c: rating for c in w.criteria}}}
    url = f"/api/v1/workshops/{w.id}/my/scores"
    done = await call(client, stats, "scores", "PUT", url, (200,), json=body, headers=me.auth)
    if done is None:
        return False
    cells = acked.ratings.setdefault(me.id, {})
    for c in w.criteria:
        cells[(option, c)] = rating
    return True


async def watcher(
    client: httpx.AsyncClient, stats: Stats, w: Workshop, until: asyncio.Event
) -> None:
    """A facilitator's live panel: polls every 2 s, sending back the last ETag."""
    etag = None
    cookies = {"bs_session": w.facilitator_token}
    while not until.is_set():
        headers = {"If-None-Match": etag} if etag else {}
        response = await call(
            client,
            stats,
            "live",
            "GET",
            f"/workshops/{w.id}/live",
            (200, 304),
            headers=headers,
            cookies=cookies,
        )
        if response is not None:
            kind = "live 304" if response.status_code == 304 else "live 200"
            stats.latencies[kind].append(stats.latencies["live"].pop())
            etag = response.headers.get("etag", etag)
        try:
            await asyncio.wait_for(until.wait(), 2.0)
        except TimeoutError:
            pass


async def results_poller(
    client: httpx.AsyncClient, stats: Stats, w: Workshop, until: asyncio.Event
) -> None:
    auth = {"Authorization": f"Bearer {w.facilitator_token}"}
    while not until.is_set():
        url = f"/api/v1/workshops/{w.id}/results"
        await call(client, stats, "results", "GET", url, (200,), headers=auth)
        try:
            await asyncio.wait_for(until.wait(), 2.0)
        except TimeoutError:
            pass


async def closed_loop(
    client: httpx.AsyncClient, stats: Stats, duration: float, concurrency: int, job: Any
) -> float:
    """Run `job(worker, i)` back to back in `concurrency` tasks for `duration`; requests/s."""
    deadline = time.perf_counter() + duration
    count = 0

    async def worker(k: int) -> None:
        nonlocal count
        i = 0
        while time.perf_counter() < deadline and not stats.stopped:
            await job(k, i)
            count += 1
            i += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker(k) for k in range(concurrency)))
    return count / (time.perf_counter() - started)


def new_client(base: str, connections: int) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    return httpx.AsyncClient(base_url=base, limits=limits, timeout=httpx.Timeout(30.0))


# Checking what was stored


def check_database(database_url: str, w: Workshop, acked: Acked) -> list[str]:
    """Every acknowledged write is stored; no weight set or option row is partial."""
    engine = create_engine(make_url(database_url))
    problems: list[str] = []
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                verdict = conn.execute(text("PRAGMA integrity_check")).scalar()
                if verdict != "ok":
                    problems.append(f"integrity_check: {verdict}")
            ids = {
                r[0]
                for r in conn.execute(
                    text("SELECT id FROM participant WHERE workshop_id = :w"), {"w": w.id}
                )
            }
            weights: dict[int, dict[str, float]] = defaultdict(dict)
            for pid, key, points in conn.execute(
                text(
                    "SELECT participant_id, criterion_key, points FROM weight"
                    " JOIN participant ON participant.id = weight.participant_id"
                    " WHERE workshop_id = :w"
                ),
                {"w": w.id},
            ):
                weights[pid][key] = points
            ratings: dict[int, dict[tuple[str, str], int]] = defaultdict(dict)
            for pid, option, criterion, rating in conn.execute(
                text(
                    "SELECT participant_id, option_key, criterion_key, rating FROM rating"
                    " JOIN participant ON participant.id = rating.participant_id"
                    " WHERE workshop_id = :w"
                ),
                {"w": w.id},
            ):
                ratings[pid][(option, criterion)] = rating
    finally:
        engine.dispose()
    lost_joins = acked.joined - ids
    if lost_joins:
        problems.append(f"{len(lost_joins)} acknowledged joins missing")
    lost = [p for p, points in acked.weights.items() if weights.get(p) != points]
    if lost:
        problems.append(f"{len(lost)} acknowledged weight sets missing or different")
    lost_cells = sum(
        1
        for p, cells in acked.ratings.items()
        for cell, value in cells.items()
        if ratings.get(p, {}).get(cell) != value
    )
    if lost_cells:
        problems.append(f"{lost_cells} acknowledged ratings missing or different")
    partial_weights = [p for p, got in weights.items() if set(got) != set(w.criteria)]
    if partial_weights:
        problems.append(f"{len(partial_weights)} half-written weight sets")
    partial_rows = 0
    for cells in ratings.values():
        by_option: dict[str, set[int]] = defaultdict(set)
        counts: dict[str, int] = defaultdict(int)
        for (option, _), value in cells.items():
            by_option[option].add(value)
            counts[option] += 1
        partial_rows += sum(
            1 for o in by_option if counts[o] != len(w.criteria) or len(by_option[o]) != 1
        )
    if partial_rows:
        problems.append(f"{partial_rows} half-written option rows")
    return problems


# Reporting


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def table(stats: Stats, seconds: float) -> list[str]:
    rows = [
        f"| {'request':<14} | {'count':>6} | {'errors':>6} | {'req/s':>7} "
        f"| {'p50 ms':>7} | {'p95 ms':>7} | {'p99 ms':>7} |",
        f"|{'-' * 16}|{'-' * 8}:|{'-' * 8}:|{'-' * 9}:|{'-' * 9}:|{'-' * 9}:|{'-' * 9}:|",
    ]
    kinds = sorted(set(stats.latencies) | set(stats.errors))
    for kind in kinds:
        values = stats.latencies.get(kind, [])
        if kind == "live" and not values and not stats.errors.get(kind):
            continue
        ms = [v * 1000 for v in values] or [0.0]
        rows.append(
            f"| {kind:<14} | {len(values):>6} | {stats.errors.get(kind, 0):>6} "
            f"| {len(values) / seconds:>7.1f} | {percentile(ms, 0.50):>7.1f} "
            f"| {percentile(ms, 0.95):>7.1f} | {percentile(ms, 0.99):>7.1f} |"
        )
    return rows


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


# The run


async def room(
    server: Server,
    args: argparse.Namespace,
    w: Workshop,
    stats: Stats,
    acked: Acked,
    members: list[Member],
) -> float:
    until = asyncio.Event()
    async with new_client(server.base, args.participants + args.watchers + 2) as client:
        pollers = [
            asyncio.create_task(watcher(client, stats, w, until)) for _ in range(args.watchers)
        ]
        pollers.append(asyncio.create_task(results_poller(client, stats, w, until)))
        started = time.perf_counter()
        people = [
            participant(client, stats, acked, w, i, args.ramp, args.think, members)
            for i in range(args.participants)
        ]
        killer = None
        if args.kill:
            killer = asyncio.create_task(kill_later(server, stats, args.kill_after))
        await asyncio.wait_for(asyncio.gather(*people), timeout=args.ramp + 60 * args.think + 120)
        elapsed = time.perf_counter() - started
        if not args.kill:
            # The room has finished: watchers keep polling a while and get 304 Not Modified.
            await asyncio.sleep(4.5)
        until.set()
        await asyncio.gather(*pollers)
        if killer:
            killer.cancel()
    return elapsed


async def kill_later(server: Server, stats: Stats, after: float) -> None:
    await asyncio.sleep(after)
    stats.stopped = True
    server.kill()
    print(f"SIGKILL sent to the server's process group after {after:.1f} s")


async def burst(
    server: Server,
    args: argparse.Namespace,
    w: Workshop,
    stats: Stats,
    acked: Acked,
    members: list[Member],
) -> float:
    """Score PUTs back to back; worker k owns members k, k+C, ... so each is sequential."""
    usable = members[: max(args.concurrency, 1)]
    rng = random.Random(7)

    async with new_client(server.base, args.concurrency) as client:

        async def job(k: int, i: int) -> None:
            mine = usable[k % len(usable)]
            option = w.options[i % len(w.options)]
            await put_row(client, stats, acked, w, mine, option, rng.randint(1, 5))

        return await closed_loop(
            client, stats, args.duration, min(args.concurrency, len(usable)), job
        )


async def ceiling(server: Server, args: argparse.Namespace, stats: Stats) -> float:
    async with new_client(server.base, args.concurrency) as client:

        async def job(k: int, i: int) -> None:
            await call(client, stats, "healthz", "GET", "/healthz", (200,))

        return await closed_loop(client, stats, args.duration, args.concurrency, job)


async def run(args: argparse.Namespace) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="backbone-load-"))
    database_url, drop = fresh_database(args.database_url, tmp)
    server = Server(free_port(), tmp, database_url, args.workers, tmp / "server.log")
    backend = "PostgreSQL" if args.database_url else "SQLite"
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {machine()}")
    print(
        f"{backend}, {args.workers} uvicorn worker(s), {args.participants} participants, "
        f"ramp {args.ramp} s, think {args.think} s, {args.watchers} live watchers, "
        f"concurrency {args.concurrency} for {args.duration} s; log {server.log}"
    )
    server.start()
    failures: list[str] = []
    try:
        async with new_client(server.base, 4) as client:
            w = await set_up(client)
        ceiling_stats, room_stats, burst_stats, acked = Stats(), Stats(), Stats(), Acked()
        members: list[Member] = []
        if not args.kill:
            ceiling_rps = await ceiling(server, args, ceiling_stats)
        room_seconds = await room(server, args, w, room_stats, acked, members)
        if args.kill:
            server.start()  # the restart must come up on the database the kill left behind
            print(
                f"restarted; acknowledged: {len(acked.joined)} joins, "
                f"{len(acked.weights)} weight sets, "
                f"{sum(len(c) for c in acked.ratings.values())} ratings; "
                f"{room_stats.refused} requests in flight were cut by the kill"
            )
            print("\n".join(table(room_stats, room_seconds)))
        else:
            burst_rps = await burst(server, args, w, burst_stats, acked, members)
            print(f"\nroom: {room_seconds:.1f} s")
            print("\n".join(table(room_stats, room_seconds)))
            print(f"\nburst: {args.concurrency} clients back to back, {args.duration} s")
            print("\n".join(table(burst_stats, args.duration)))
            print("\n".join(table(ceiling_stats, args.duration)[2:]))
            p99 = percentile(room_stats.latencies["scores"], 0.99) * 1000
            print(
                f"\nceiling (GET /healthz): {ceiling_rps:.0f} req/s; "
                f"burst score PUTs: {burst_rps:.0f} req/s = {burst_rps / ceiling_rps:.0%} of it"
            )
            if p99 >= 100:
                failures.append(f"score PUT p99 in the room {p99:.0f} ms >= 100 ms")
            if burst_rps < ceiling_rps / 2:
                failures.append(f"burst throughput {burst_rps:.0f} < half the ceiling")
        for stats in (ceiling_stats, room_stats, burst_stats):
            for kind, count in stats.errors.items():
                failures.append(f"{count} errors on {kind}: {stats.samples[kind]}")
        problems = check_database(database_url, w, acked)
        failures += problems
        print(
            f"\nstored: {len(acked.joined)} joins, {len(acked.weights)} weight sets, "
            f"{sum(len(c) for c in acked.ratings.values())} ratings acknowledged; "
            + ("all found, none half-written" if not problems else "; ".join(problems))
        )
    finally:
        server.stop()
        drop()
    print("\n" + ("PASS" if not failures else "FAIL:\n  " + "\n  ".join(failures)))
    return 0 if not failures else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--database-url", help="a PostgreSQL server (a fresh database is made)")
    parser.add_argument("--ramp", type=float, default=30.0, help="seconds over which people join")
    parser.add_argument("--think", type=float, default=1.5, help="mean pause between steps (s)")
    parser.add_argument("--watchers", type=int, default=5, help="facilitator views polling")
    parser.add_argument("--concurrency", type=int, default=16, help="clients in ceiling/burst")
    parser.add_argument("--duration", type=float, default=8.0, help="seconds of ceiling/burst")
    parser.add_argument("--kill", action="store_true", help="SIGKILL mid-load, restart, check")
    parser.add_argument("--kill-after", type=float, default=20.0, help="seconds into the room")
    args = parser.parse_args()
    if args.participants < 1 or args.participants > 2000 or args.concurrency > 256:
        parser.error("keep --participants within 1-2000 and --concurrency within 256")
    return asyncio.run(run(args))


if __name__ == "__main__":
    raise SystemExit(main())
