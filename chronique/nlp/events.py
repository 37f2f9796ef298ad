"""The events stage: codes PLOVER/CAMEO events with the coder named in its configuration."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from chronique.coding.protocol import CODERS, Coder, make_coder
from chronique.errors import ConfigError
from chronique.knowledge.cameo import CameoTable, load_cameo_table
from chronique.nlp.screen import screen_events
from chronique.nlp.stage import Stage

if TYPE_CHECKING:
    from chronique.nlp.resources import Resources


class EventCoder(Stage):
    factory = "chronique_events_v1"

    def __init__(self, lang: str, coder: str | None = None, weights: str | None = None) -> None:
        super().__init__(lang)
        if coder is not None and coder not in CODERS:
            raise ConfigError(f"expected a coder among {list(CODERS)}, found {coder!r}",
                              where=f"{self.factory} config: coder")
        self.coder_name = coder  # None: the one the pipeline options name
        self.weights = Path(weights) if weights else None  # None: the pipeline options' (or packaged) weights
        self.coder: Coder | None = None
        self.table: CameoTable | None = None
        self.relevance_gate = True

    def bind(self, resources: Resources) -> None:
        super().bind(resources)
        options = resources.options
        self.table = load_cameo_table()
        self.relevance_gate = options.relevance_gate
        self.coder = make_coder(self.coder_name or options.coder, resources.event_lexicon(self.lang),
                                self.table, self.weights or options.coder_weights)

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        if self.coder is None or self.table is None:
            doc._.ch_events = []
            return doc
        events = self.coder.code(doc)
        # furniture, idioms and articles with no political content give no events (the gate switchable)
        doc._.ch_events = screen_events(doc, events, doc._.ch_lang or self.lang, self.table,
                                        relevance_gate=self.relevance_gate)
        return doc
