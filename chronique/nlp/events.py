"""The events stage: codes PLOVER/CAMEO events with the coder named in its configuration."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from chronique.annotations.records import EventRecord
from chronique.coding.court_sentences import court_sentences
from chronique.coding.event_check import keep_told
from chronique.coding.lead_merge import merge_headline
from chronique.coding.pronoun_parties import resolved_only
from chronique.coding.protocol import CODERS, Coder, make_coder
from chronique.errors import ConfigError
from chronique.knowledge.cameo import CameoTable, load_cameo_table
from chronique.knowledge.lexicon import EventLexicon
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
        self.lexicon: EventLexicon | None = None
        self.relevance_gate = True
        self.min_confidence = 0.0  # the rule coder's confidence floor (0: off)
        self.event_check = False  # drop the rule coder's events of sentences that tell no act (event_check.py)
        self.pronoun_check = False

    def bind(self, resources: Resources) -> None:
        super().bind(resources)
        options = resources.options
        self.table = load_cameo_table()
        self.relevance_gate = options.relevance_gate
        name = self.coder_name or options.coder
        # the trained coder has a floor of its own (in its weights); this one is the rule coder's
        self.min_confidence = options.min_confidence if name == "rules" else 0.0
        self.event_check = options.event_check and name == "rules"
        # part of the event check: an event whose pronoun party stays unresolved is not kept
        self.pronoun_check = self.event_check
        self.lexicon = resources.event_lexicon(self.lang)
        self.coder = make_coder(name, self.lexicon, self.table, self.weights or options.coder_weights)

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        if self.coder is None or self.table is None or self.lexicon is None:
            doc._.ch_events = []
            return doc
        # a court's sentence is a conviction, and a prison term served an arrest beside it, whichever coder read it
        doc._.ch_events = self.kept(doc, court_sentences(doc, self.coder.code(doc), self.lexicon, self.table))
        return doc

    def kept(self, doc: Doc, coded: list[EventRecord]) -> list[EventRecord]:
        """The coder's events that pass the floor, the screen (furniture, idioms, articles with no
        political content; the gate switchable) and the event check; a headline's twin in the lead
        is merged last, among the events kept, so a copy dropped by any of them never stands in
        for one kept."""
        return self.stages(doc, coded)[-1][1]

    def stages(self, doc: Doc, coded: list[EventRecord]) -> list[tuple[str, list[EventRecord]]]:
        """The events left after each step of ``kept``, named, in order (benchmarks/train_misses.py
        tells which step dropped a right event)."""
        assert self.table is not None
        out = [("coded", coded), ("floor", above_floor(coded, self.min_confidence))]
        out.append(("screen", screen_events(doc, out[-1][1], doc._.ch_lang or self.lang, self.table,
                                            relevance_gate=self.relevance_gate)))
        if self.event_check:
            out.append(("event check", keep_told(doc, out[-1][1])))
        if self.pronoun_check:
            out.append(("pronoun check", resolved_only(out[-1][1])))
        out.append(("merge", merge_headline(out[-1][1], doc)))
        return out


def above_floor(events: list[EventRecord], min_confidence: float) -> list[EventRecord]:
    """The events rated at ``min_confidence`` or more (all of them when it is 0): on real pages the
    rule coder's low-confidence readings were almost never right."""
    if min_confidence <= 0:
        return events
    return [e for e in events if float(e.get("confidence") or 0.0) >= min_confidence]
