"""The coder interface: anything with ``name`` and ``code(doc) -> list[event dict]``.

The events stage picks a coder by name, so a statistical or LLM coder can sit beside the rule
coder without touching the stage. A coder returns dicts shaped like ``Event.to_dict()`` without
"id" and "sources" (convert.py fills them), plus private "_" keys for later stages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from spacy.tokens import Doc

from chronique.annotations.records import EventRecord
from chronique.coding.version import CODER_VERSION
from chronique.errors import ConfigError

if TYPE_CHECKING:
    from chronique.knowledge.cameo import CameoTable
    from chronique.knowledge.lexicon import EventLexicon

__all__ = ["CODER_VERSION", "Coder", "make_coder"]


@runtime_checkable
class Coder(Protocol):
    name: str

    def code(self, doc: Doc) -> list[EventRecord]: ...


CODERS: tuple[str, ...] = ("rules", "trained")


def make_coder(name: str, lexicon: EventLexicon, table: CameoTable, weights: Path | None = None) -> Coder:
    """The coder registered under ``name``: "rules", or "trained" (the rules propose, a trained model
    decides; ``weights`` overrides the packaged weights file)."""
    if name == "rules":
        from chronique.coding.rules import RuleCoder

        return RuleCoder(lexicon, table)
    if name == "trained":
        from chronique.coding.trained import TrainedCoder

        return TrainedCoder(lexicon, table, weights)
    raise ConfigError(f"expected an event coder among {list(CODERS)}, found {name!r}", where="events coder")
