"""Batch runs: the failure policy and the run report.

A rejected input is never a silent None: under ``record`` it becomes a Failure in the report (and
a row of the store's failures table); under ``skip`` it is counted; under ``raise`` it stops the run.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime

from chronique.errors import ChroniqueError
from chronique.textclean import clean_text


class FailurePolicy(enum.StrEnum):
    RAISE = "raise"
    SKIP = "skip"
    RECORD = "record"


@dataclass(frozen=True)
class Failure:
    source: str
    record: str | None
    code: str
    message: str
    at: str

    @classmethod
    def from_error(cls, error: ChroniqueError, *, source: str | None = None) -> Failure:
        # A path or message may carry what no store or terminal takes (a non-UTF-8 file name).
        return cls(
            source=clean_text(source or error.where or "?"),
            record=None if error.record is None else clean_text(str(error.record)),
            code=error.code,
            message=clean_text(error.message),
            at=datetime.now(UTC).isoformat(timespec="seconds"),
        )

    def to_dict(self) -> dict[str, str | None]:
        return {"source": self.source, "record": self.record, "code": self.code,
                "message": self.message, "at": self.at}


@dataclass
class RunReport:
    """What a batch run did: counts and every rejected input with its reason."""

    articles: int = 0
    events: int = 0
    transfers: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)

    def reject(self, error: ChroniqueError, policy: FailurePolicy, *, source: str | None = None) -> None:
        """Apply the failure policy to one rejected input."""
        if policy is FailurePolicy.RAISE:
            raise error
        self.skipped += 1
        if policy is FailurePolicy.RECORD:
            self.failures.append(Failure.from_error(error, source=source))

    @property
    def ok(self) -> bool:
        return self.skipped == 0
