"""The events stage (placeholder until its issue lands: it writes an empty list)."""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.nlp.stage import Stage


class EventCoder(Stage):
    factory = "chronique_events_v1"

    def __call__(self, doc: Doc) -> Doc:
        doc._.ch_events = []
        return doc
