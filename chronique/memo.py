"""Helpers for fuzzy look-ups that recur (the same unknown name within an article and across a
stream): a bounded first-in-first-out memo, so memory stays flat on an endless feed, and the
lengths worth scoring against a ratio cutoff."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from cachetools import FIFOCache

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedMemo(Generic[K, V]):
    """A first-in-first-out memo of at most ``size`` values (cachetools' FIFOCache underneath)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: FIFOCache[K, V] = FIFOCache(maxsize=size)

    def get(self, key: K, compute: Callable[[], V]) -> V:
        """The remembered value of ``key``, else ``compute()``'s, remembered (the oldest goes past ``size``)."""
        if key in self._values:
            return self._values[key]
        value = compute()
        self._values[key] = value
        return value

    def clear(self) -> None:
        self._values.clear()

    def __len__(self) -> int:
        return len(self._values)


def reachable_lengths(length: int, cutoff: float) -> range:
    """The lengths a string may have and still reach ``cutoff`` in rapidfuzz's ``fuzz.ratio`` with a
    string of ``length`` characters: the ratio is at most 2·min/(a+b)·100, so no other length is worth
    scoring. The range errs one wide on each side, against rounding."""
    return range(int(length * cutoff / (200 - cutoff)), int(length * (200 - cutoff) / cutoff) + 2)
