"""Results computed once per revision: repeated reads reuse them, a write invalidates them, the
cache stays within its bounds."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from app import security
from app.domain import analysis as domain_analysis
from app.persistence import repository as repo
from app.services import results
from app.services.results_cache import LruCache
from tests.support.api import (
    API,
    CLEAR_ORDER,
    give_scores,
    join,
    workshop_with_clear_ranking,
)


@pytest.fixture
def analyses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts real computations: the service's `analyse` wrapped, still doing the work."""
    calls: list[int] = []
    real = domain_analysis.analyse

    def counted(*args: Any, **kwargs: Any) -> domain_analysis.Analysis:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(results, "analyse", counted)
    results.RESULTS.clear()
    yield calls
    results.RESULTS.clear()


def test_results_second_read_does_not_recompute(client, analyses):
    auth, w, _ = workshop_with_clear_ranking(client)
    first = client.get(f"{API}/workshops/{w['id']}/results", headers=auth)
    second = client.get(f"{API}/workshops/{w['id']}/results", headers=auth)
    assert first.json() == second.json()
    assert len(analyses) == 1


def test_results_live_panel_and_json_share_one_computation(client, analyses):
    auth, w, _ = workshop_with_clear_ranking(client)
    client.get(f"{API}/workshops/{w['id']}/results", headers=auth)
    client.get(f"/workshops/{w['id']}/live", headers=auth)
    client.get(f"/workshops/{w['id']}", headers=auth)
    assert len(analyses) == 1


def test_revealed_results_reuse_the_facilitators_computation_and_rendering(client, analyses):
    auth, w, member = workshop_with_clear_ranking(client)
    client.patch(f"{API}/workshops/{w['id']}", json={"results_visible": True}, headers=auth)
    facilitators = client.get(f"{API}/workshops/{w['id']}/results", headers=auth)
    hits_before = results.RESULTS.stats.hits
    for _ in range(3):
        phone = client.get(f"{API}/workshops/{w['id']}/my/results", headers=member.auth)
        assert phone.json() == facilitators.json()
    assert len(analyses) == 1
    assert results.RESULTS.stats.hits >= hits_before + 3


def test_phones_lookup_names_the_same_cache_entry_as_the_workshop_row(client, session):
    """The revealed results read only the workshop's version with the token (one statement);
    the key it makes must be the key the whole row makes, or every phone would miss."""
    _, w, member = workshop_with_clear_ranking(client)
    token = member.auth["Authorization"].removeprefix("Bearer ")
    with session.begin():
        hashed = security.token_hash(token)
        version = repo.workshops_of_tokens(session, [hashed])[hashed]
        row = repo.workshop(session, w["id"])
        assert results.cache_key(session, version) == results.cache_key(session, row)


def test_results_write_moves_revision_and_recomputes(client, analyses):
    auth, w, member = workshop_with_clear_ranking(client)
    before = client.get(f"{API}/workshops/{w['id']}/results", headers=auth).json()
    reversed_order = {key: {"credibility": 6 - rating} for key, rating in CLEAR_ORDER.items()}
    assert give_scores(client, member, w["id"], reversed_order).status_code == 200
    after = client.get(f"{API}/workshops/{w['id']}/results", headers=auth).json()
    assert len(analyses) == 2
    assert [r["option"] for r in after["ranking"]] != [r["option"] for r in before["ranking"]]


def test_results_method_change_recomputes(client, analyses):
    auth, w, _ = workshop_with_clear_ranking(client)
    client.get(f"{API}/workshops/{w['id']}/results", headers=auth)
    changed = client.put(
        f"{API}/workshops/{w['id']}/method", json={"rating_aggregation": "median"}, headers=auth
    )
    assert changed.status_code == 200, changed.text
    client.get(f"{API}/workshops/{w['id']}/results", headers=auth)
    assert len(analyses) == 2


def test_results_other_facilitator_gets_404_from_cache(client, analyses):
    auth, w, _ = workshop_with_clear_ranking(client)
    client.get(f"{API}/workshops/{w['id']}/results", headers=auth)
    response = client.get(f"{API}/workshops/{w['id']}/results")
    assert response.status_code == 401


def test_cached_results_without_owner_serves_same_view(client, session, analyses):
    auth, w, _ = workshop_with_clear_ranking(client)
    client.get(f"{API}/workshops/{w['id']}/results", headers=auth)
    view = results.cached_results(session, w["id"])
    assert view.workshop.id == w["id"]
    assert len(analyses) == 1


def test_lru_cache_keeps_within_entry_bound():
    cache: LruCache[str] = LruCache(max_entries=3, max_bytes=10_000)
    for n in range(10):
        cache.put(n, f"value {n}", size=10)
    assert len(cache) == 3
    assert cache.get(0) is None
    assert cache.get(9) == "value 9"


def test_lru_cache_keeps_within_byte_bound():
    cache: LruCache[bytes] = LruCache(max_entries=100, max_bytes=1_000)
    for n in range(20):
        cache.put(n, bytes(300))
    assert cache.bytes <= 1_000
    assert len(cache) >= 1


def test_lru_cache_drops_least_recently_used_first():
    cache: LruCache[str] = LruCache(max_entries=2, max_bytes=10_000)
    cache.put("a", "A", size=1)
    cache.put("b", "B", size=1)
    cache.get("a")
    cache.put("c", "C", size=1)
    assert cache.get("a") == "A"
    assert cache.get("b") is None


def test_lru_cache_computes_once_for_concurrent_askers():
    cache: LruCache[int] = LruCache()
    computed: list[int] = []
    started = threading.Event()

    def slow() -> int:
        computed.append(1)
        started.wait(1)
        return 42

    threads = [threading.Thread(target=cache.get_or_compute, args=("k", slow)) for _ in range(8)]
    for t in threads:
        t.start()
    started.set()
    for t in threads:
        t.join()
    assert computed == [1]
    assert cache.get("k") == 42


def test_lru_cache_measures_with_given_measure():
    cache: LruCache[bytes] = LruCache(max_entries=10, max_bytes=1_000)
    cache.get_or_compute("a", lambda: bytes(400), len)
    cache.get_or_compute("b", lambda: bytes(400), len)
    cache.get_or_compute("c", lambda: bytes(400), len)
    assert cache.bytes == 800
    assert cache.get("a") is None


def test_results_cache_entry_size_grows_with_the_room(client, session, analyses):
    _, w, _ = workshop_with_clear_ranking(client)
    before = results.approximate_size(results.cached_results(session, w["id"]))
    for n in range(5):
        join(client, w["join_code"], name=f"Member {n}")
    after = results.approximate_size(results.cached_results(session, w["id"]))
    assert after > before
    assert results.RESULTS.bytes >= before + after


def test_phones_asking_at_once_each_hear_their_own_answer(client, analyses):
    """Asks arriving together are answered from one statement, but each on its own: the
    revealed workshop's phones get the results, a phone of a hidden workshop gets 403, a
    stranger 401."""
    auth, w, member = workshop_with_clear_ranking(client)
    client.patch(f"{API}/workshops/{w['id']}", json={"results_visible": True}, headers=auth)
    _, hidden, other = workshop_with_clear_ranking(client)
    stranger = {"Authorization": "Bearer not-a-token"}
    asks = [(w["id"], member.auth), (hidden["id"], other.auth), (w["id"], stranger)] * 8

    def ask(pair: tuple[int, dict[str, str]]) -> int:
        workshop_id, headers = pair
        return client.get(f"{API}/workshops/{workshop_id}/my/results", headers=headers).status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(ask, asks))
    assert statuses == [200, 403, 401] * 8
    assert len(analyses) == 1  # the revealed workshop's analysis, made once
