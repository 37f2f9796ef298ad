"""The places stage (placeholder until its issue lands: it writes an empty list)."""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.nlp.stage import Stage


class PlaceTagger(Stage):
    factory = "chronique_places_v1"

    def __call__(self, doc: Doc) -> Doc:
        doc._.ch_places = []
        return doc
