"""JSON Lines: one record's ``to_dict()`` per line, written as it comes (nothing held in memory)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any, Protocol


class HasDict(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def write_jsonl(records: Iterable[HasDict], handle: IO[str]) -> int:
    count = 0
    for record in records:
        handle.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count
