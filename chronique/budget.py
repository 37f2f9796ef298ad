"""A time budget for one piece of work: over budget, it is interrupted with TimeBudgetError.

The alarm is SIGALRM (``setitimer``), so the work is stopped at the next Python bytecode even when
it is stuck in a slow loop; a long call inside a C extension ends first. Signals reach only the
main thread: elsewhere (a server's worker thread), and on platforms without ``setitimer``, the
budget is not enforced. Budgets do not nest: an inner one while an outer alarm is armed is a
no-op, the outer one still applies.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from chronique.errors import TimeBudgetError


def enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None, where: str | None, what: str = "this article") -> Iterator[None]:
    """Run the block within ``seconds`` (None or 0: no limit) or raise TimeBudgetError."""
    if not seconds or not enforceable() or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeBudgetError(f"expected {what} to be processed within {seconds:g} s, found it still running "
                              "(stopped; raise --time-budget to allow more)", where=where)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
