"""A bounded, thread-safe LRU of computed results, keyed by what identifies their input."""

from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

DEFAULT_ENTRIES = 64
DEFAULT_BYTES = 64 * 1024 * 1024


def size_of(value: object) -> int:
    """The pickled size: an honest, if rough, measure of what an entry holds in memory."""
    try:
        return len(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError):
        return 64 * 1024  # not picklable: counted as a typical entry


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    evictions: int = 0


class LruCache(Generic[T]):
    """At most `max_entries` values and `max_bytes` of them; the least recently used leave first.

    `get_or_compute` computes a missing key once even when many threads ask for it together:
    the first computes, the others wait for its value (200 phones asking at the reveal would
    otherwise compute it 200 times).
    """

    def __init__(self, max_entries: int = DEFAULT_ENTRIES, max_bytes: int = DEFAULT_BYTES) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.stats = CacheStats()
        self._lock = threading.Lock()
        self._values: OrderedDict[Hashable, tuple[T, int]] = OrderedDict()
        self._bytes = 0
        self._pending: dict[Hashable, threading.Lock] = {}

    def __len__(self) -> int:
        return len(self._values)

    @property
    def bytes(self) -> int:
        return self._bytes

    def get(self, key: Hashable) -> T | None:
        with self._lock:
            found = self._values.get(key)
            if found is None:
                return None
            self._values.move_to_end(key)
            self.stats.hits += 1
            return found[0]

    def put(self, key: Hashable, value: T, size: int | None = None) -> None:
        size = size_of(value) if size is None else size
        with self._lock:
            if key in self._values:
                self._bytes -= self._values.pop(key)[1]
            if size > self.max_bytes:
                return  # larger than the whole cache: computed each time rather than kept
            self._values[key] = (value, size)
            self._bytes += size
            while len(self._values) > self.max_entries or self._bytes > self.max_bytes:
                _, (_, dropped) = self._values.popitem(last=False)
                self._bytes -= dropped
                self.stats.evictions += 1

    def get_or_compute(
        self, key: Hashable, compute: Callable[[], T], measure: Callable[[T], int] | None = None
    ) -> T:
        """The value of `key`, computed (and kept, at `measure(value)` bytes) if missing."""
        found = self.get(key)
        if found is not None:
            return found
        with self._lock:
            gate = self._pending.setdefault(key, threading.Lock())
        with gate:
            found = self.get(key)  # computed by another thread while this one waited
            if found is not None:
                return found
            with self._lock:
                self.stats.misses += 1
            try:
                value = compute()
                self.put(key, value, measure(value) if measure else None)
            finally:
                with self._lock:
                    self._pending.pop(key, None)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._bytes = 0
