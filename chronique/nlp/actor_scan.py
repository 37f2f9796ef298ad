"""The actors stage's dictionary scan: every token sequence of a document looked up in the folded
dictionary of ``ActorKnowledge`` (names, adjectives/demonyms, capitals, role words, sector words),
plus the capitalised stems of names and the "anti-X" forms (chronique.nlp.against).

A match becomes a ``Hit`` only with the aliases that may stand in this text: of the article's
language (or of none), in the right case where the alias is case-exact, capitalised where it must be.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.knowledge.actors import NAME, ActorKnowledge, Alias
from chronique.nlp.against import against_hits
from chronique.nlp.fuzzy_actors import Hit

STEM_SCORE = 0.9  # a name found by its stem ("poutinien") ranks below the name itself


class DictionaryScan:
    """The dictionary hits of one document."""

    def __init__(self, doc: Doc, kb: ActorKnowledge, lang: str, folded: list[str]) -> None:
        self.doc, self.kb, self.lang, self.folded = doc, kb, lang, folded

    def hits(self) -> list[Hit]:
        hits: list[Hit] = []
        for i in range(len(self.doc)):
            hits.extend(self._sequences_from(i))
            if self.kb.stems and self.doc[i].text[:1].isupper():
                stems = self.accepted(self.kb.stem_matches(self.folded[i]), self.doc[i].text)
                if stems:
                    hits.append(Hit(i, i + 1, NAME, tuple(stems), score=STEM_SCORE))
            hits.extend(against_hits(self.doc, self.folded, i, self.kb, self.accepted))
        return hits

    def _sequences_from(self, i: int) -> list[Hit]:
        """The entries whose folded key spells the tokens from ``i`` on, one hit per kind of entry."""
        doc, hits = self.doc, []
        key = ""
        for j in range(i, min(len(doc), i + self.kb.max_tokens)):
            if doc[j].is_space or not self.folded[j]:
                break
            key += self.folded[j]
            if key not in self.kb.prefixes:
                break
            aliases = self.accepted(self.kb.lookup(key), doc[i:j + 1].text, i, j + 1)
            for what in {a.entry.what for a in aliases}:
                hits.append(Hit(i, j + 1, what, tuple(a for a in aliases if a.entry.what == what)))
            if doc[j].whitespace_:
                key += " "
        return hits

    def accepted(self, aliases: list[Alias], surface: str, start: int = -1, end: int = -1) -> list[Alias]:
        flat = " ".join(surface.split())
        kept = []
        for alias in aliases:
            if alias.entry.lang is not None and alias.entry.lang != self.lang:
                continue
            if alias.exact_case and (flat != alias.surface or self._shouted_word(flat, start, end)):
                continue
            if alias.needs_capital and not flat[:1].isupper():
                continue
            kept.append(alias)
        return kept

    def _shouted_word(self, flat: str, start: int, end: int) -> bool:
        """An acronym that is also a function word ("UN", "US", "AU") inside an all-caps run is the
        word, not the organisation: "UN HOMME ARRÊTÉ" is not the United Nations."""
        if start < 0 or not self.doc.vocab[flat.lower()].is_stop:
            return False
        before = self.doc[start - 1] if start > 0 else None
        after = self.doc[end] if end < len(self.doc) else None
        around = [t for t in (before, after) if t is not None and t.is_alpha]
        return any(t.is_upper and len(t) > 1 for t in around)
