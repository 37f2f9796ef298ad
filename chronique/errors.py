"""One error hierarchy with stable codes.

Every error says what was expected, what was found, and where (file, record, offset), so that a
batch run can record it as a failure row and go on.
"""

from __future__ import annotations


class ChroniqueError(Exception):
    """Base of every error chronique raises on purpose. ``code`` is stable and documented."""

    code = "CHRONIQUE_ERROR"
    exit_code = 1

    def __init__(self, message: str, *, where: str | None = None, record: int | str | None = None,
                 offset: int | None = None) -> None:
        self.message = message
        self.where = where
        self.record = record
        self.offset = offset
        super().__init__(self.describe())

    def location(self) -> str:
        parts = []
        if self.where:
            parts.append(str(self.where))
        if self.record is not None:
            parts.append(f"record {self.record}")
        if self.offset is not None:
            parts.append(f"offset {self.offset}")
        return ", ".join(parts)

    def describe(self) -> str:
        loc = self.location()
        return f"{loc}: {self.message}" if loc else self.message

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message, "where": self.where,
                "record": self.record, "offset": self.offset}


class InputError(ChroniqueError):
    """The input cannot be read as what it claims to be."""

    code = "INPUT_ERROR"
    exit_code = 3


class EmptyInputError(InputError):
    code = "EMPTY_INPUT"


class EncodingError(InputError):
    code = "BAD_ENCODING"


class BinaryInputError(InputError):
    code = "BINARY_INPUT"


class TooLargeError(InputError):
    code = "TOO_LARGE"


class FormatError(InputError):
    """Well-encoded input whose structure is not the expected format (bad JSON, not XML, …)."""

    code = "BAD_FORMAT"


class NoTextError(InputError):
    code = "NO_TEXT"


class UnknownFormatError(InputError):
    code = "UNKNOWN_FORMAT"


class SchemaError(ChroniqueError):
    """A record does not match the public JSON contract."""

    code = "SCHEMA_ERROR"
    exit_code = 4


class KnowledgeError(ChroniqueError):
    """A knowledge file (actors, lexicons, catalogue) is malformed."""

    code = "KNOWLEDGE_ERROR"
    exit_code = 5


class ModelError(ChroniqueError):
    """A language model is missing or cannot be loaded."""

    code = "MODEL_ERROR"
    exit_code = 6


class UnsupportedLanguageError(ChroniqueError):
    code = "UNSUPPORTED_LANGUAGE"
    exit_code = 2


class StoreError(ChroniqueError):
    code = "STORE_ERROR"
    exit_code = 7


class NewerStoreError(StoreError):
    """The database is at a schema revision this version of chronique does not know (a newer one
    migrated it): opening it would let alembic fail on the unknown revision."""

    code = "NEWER_STORE"


class ConfigError(ChroniqueError):
    code = "CONFIG_ERROR"
    exit_code = 2


class UsageError(ChroniqueError):
    """A command-line option (or its API equivalent) has a value the command cannot use."""

    code = "USAGE_ERROR"
    exit_code = 2


class TimeBudgetError(InputError):
    """An article took longer than the per-article time budget; it is rejected, the run goes on."""

    code = "TIME_BUDGET"


class InternalError(ChroniqueError):
    """An exception chronique did not expect: a bug. One record becomes a failure row; outside a
    record the command stops with this distinct exit code (70, EX_SOFTWARE of sysexits.h)."""

    code = "INTERNAL_ERROR"
    exit_code = 70
