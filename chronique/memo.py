"""A bounded memo for look-ups that recur (the same unknown name within an article and across a
stream): first in, first out, so memory stays flat on an endless feed."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedMemo(Generic[K, V]):
    def __init__(self, size: int) -> None:
        self.size = size
        self._values: dict[K, V] = {}

    def get(self, key: K, compute: Callable[[], V]) -> V:
        """The remembered value of ``key``, else ``compute()``'s, remembered (the oldest goes past ``size``)."""
        if key in self._values:
            return self._values[key]
        value = compute()
        if len(self._values) >= self.size:
            self._values.pop(next(iter(self._values)))
        self._values[key] = value
        return value

    def clear(self) -> None:
        self._values.clear()

    def __len__(self) -> int:
        return len(self._values)
