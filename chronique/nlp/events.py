"""The events stage: codes PLOVER/CAMEO events with the coder named in its configuration."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from chronique.coding.protocol import Coder, make_coder
from chronique.knowledge.cameo import load_cameo_table
from chronique.nlp.stage import Stage

if TYPE_CHECKING:
    from chronique.nlp.resources import Resources


class EventCoder(Stage):
    factory = "chronique_events_v1"

    def __init__(self, lang: str, coder: str | None = None) -> None:
        super().__init__(lang)
        self.coder_name = coder  # None: the one the pipeline options name
        self.coder: Coder | None = None

    def bind(self, resources: Resources) -> None:
        options = resources.options
        self.coder = make_coder(self.coder_name or options.coder, resources.event_lexicon(self.lang),
                                load_cameo_table(), options.coder_weights)

    def __call__(self, doc: Doc) -> Doc:
        doc._.ch_events = self.coder.code(doc) if self.coder is not None else []
        return doc
