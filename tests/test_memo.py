"""The bounded memo behind the fuzzy look-ups."""

from __future__ import annotations

from chronique.memo import BoundedMemo


def test_remembers_and_forgets_the_oldest_past_its_size() -> None:
    calls: list[str] = []
    memo: BoundedMemo[str, str] = BoundedMemo(2)

    def upper(key: str) -> str:
        calls.append(key)
        return key.upper()

    assert [memo.get(k, lambda k=k: upper(k)) for k in ("a", "b", "a")] == ["A", "B", "A"]
    assert calls == ["a", "b"]  # "a" came from memory
    memo.get("c", lambda: upper("c"))  # "a", the oldest, goes
    assert len(memo) == 2
    memo.get("a", lambda: upper("a"))
    assert calls == ["a", "b", "c", "a"]
    memo.clear()
    assert len(memo) == 0


def test_a_remembered_none_is_not_recomputed() -> None:
    calls = 0

    def nothing() -> None:
        nonlocal calls
        calls += 1

    memo: BoundedMemo[str, None] = BoundedMemo(4)
    memo.get("x", nothing)
    memo.get("x", nothing)
    assert calls == 1
