"""The weapons stage: weapon systems of the catalogue and generic weapon terms in the text.

An ambiguous designation (a common word, a place or a person's name: "Patriot", "Caesar",
"Iskander") is a weapon only with a military cue in its sentence: a cue word ("missiles",
"batterie", "livrer") or another weapon mention. A generic term that only names the category of
an adjacent designation ("des chars Leopard 2", "Patriot batteries") is folded into it, so a
system is one mention.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from chronique.knowledge.weapons import AliasMatch, WeaponCatalogue
from chronique.nlp.extensions import doc_text
from chronique.nlp.stage import Stage

if TYPE_CHECKING:
    from chronique.nlp.resources import Resources

CUE_WINDOW = 80  # characters each side, when the Doc has no sentence boundaries
# what may separate a category noun from its designation: a few words, no punctuation
_ADJACENT = re.compile(r"^[\s'\u2019-]*(?:[^\W\d_]+[\s'\u2019-]+){0,2}$")
_CONJUNCTIONS = frozenset({"and", "or", "et", "ou", "with", "avec", "but", "mais"})
_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    if doc.has_annotation("SENT_START"):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            sent = span[0].sent
            return sent.start_char, sent.end_char
    return max(0, start - CUE_WINDOW), min(len(doc_text(doc)), end + CUE_WINDOW)


def _adjacent(text: str, generic: AliasMatch, designated: AliasMatch) -> bool:
    if generic.end <= designated.start:
        gap = text[generic.end:designated.start]
    elif designated.end <= generic.start:
        gap = text[designated.end:generic.start]
    else:
        return True
    words = {w.lower() for w in _WORD.findall(gap)}
    return len(gap) <= 30 and bool(_ADJACENT.match(gap)) and "\n" not in gap and not words & _CONJUNCTIONS


class WeaponTagger(Stage):
    factory = "chronique_weapons_v1"

    def __init__(self, lang: str, catalogue: WeaponCatalogue | None = None) -> None:
        super().__init__(lang)
        self.catalogue = catalogue

    def bind(self, resources: Resources) -> None:
        self.catalogue = resources.weapons
        self.catalogue.prepare()

    def __call__(self, doc: Doc) -> Doc:
        doc._.ch_weapons = self.tag(doc) if self.catalogue is not None else []
        return doc

    def tag(self, doc: Doc) -> list[dict[str, Any]]:
        assert self.catalogue is not None
        matches = list(self.catalogue.find(doc_text(doc)))
        sure = [m for m in matches if not m.alias.ambiguous]
        kept = [m for m in matches if not m.alias.ambiguous or self._military_context(doc, m, sure)]
        designated = [m for m in kept if m.alias.entry.designation is not None]
        kept = [m for m in kept if m.alias.entry.designation is not None
                or not any(_adjacent(doc_text(doc), m, d) for d in designated)]
        return [self._record(doc, m) for m in kept]

    def _military_context(self, doc: Doc, match: AliasMatch, sure: list[AliasMatch]) -> bool:
        assert self.catalogue is not None
        left, right = _sentence_bounds(doc, match.start, match.end)
        if any(left <= m.start and m.end <= right for m in sure):
            return True
        text = doc_text(doc)[left:match.start] + " " + doc_text(doc)[match.end:right]
        return any(self.catalogue.is_cue(w, self.lang) for w in _WORD.findall(text))

    def _record(self, doc: Doc, match: AliasMatch) -> dict[str, Any]:
        entry = match.alias.entry
        record: dict[str, Any] = {
            "text": doc_text(doc)[match.start:match.end], "start": match.start, "end": match.end,
            "designation": entry.designation, "category": entry.category, "origin": entry.origin,
        }
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is not None:
            record["_tokens"] = [span.start, span.end]
        return record
