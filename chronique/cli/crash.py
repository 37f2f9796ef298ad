"""What the command does with an exception nobody expected: no traceback on the terminal, but a
message naming the exception and where it was raised, the traceback saved to a file, where to
report it, and the distinct exit code of an internal error (70)."""

from __future__ import annotations

import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

import typer

from chronique.errors import InternalError
from chronique.guard import REPORT_TO


def save_traceback(exc: BaseException) -> Path | None:
    """The traceback in a file of the temporary folder (None when it cannot be written)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", errors="backslashreplace", delete=False,
                                         prefix=f"chronique-crash-{stamp}-", suffix=".txt") as out:
            out.write("".join(traceback.format_exception(exc)))
            return Path(out.name)
    except OSError:
        return None


def report_crash(exc: BaseException) -> int:
    """Tell the user about an internal error; the exit code to end with."""
    frames = traceback.extract_tb(exc.__traceback__)
    place = f" (in {Path(frames[-1].filename).name}, line {frames[-1].lineno})" if frames else ""
    saved = save_traceback(exc)
    message = f"{type(exc).__name__}: {exc}".encode("utf-8", "backslashreplace").decode("utf-8")
    typer.echo(f"error [{InternalError.code}]: an internal error stopped the command: {message}{place}. "
               f"This is a bug in chronique, not in your input: please report it to {REPORT_TO}"
               + (f"; the traceback is saved in {saved}" if saved else "") + ".", err=True)
    return InternalError.exit_code
