"""The weapons stage: weapon systems of the catalogue and generic weapon terms in the text.

An ambiguous designation (a common word, a place or a person's name: "Patriot", "Caesar",
"Iskander") is a weapon only with a military cue in its sentence: a cue word ("missiles",
"batterie", "livrer") or another weapon mention. A generic term that only names the category of
an adjacent designation ("des chars Leopard 2", "Patriot batteries") is folded into it, so a
system is one mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from chronique.annotations.records import WeaponRecord
from chronique.arms.numbers import parse_cardinal
from chronique.knowledge.arms_words import arms_words
from chronique.knowledge.function_words import words_of
from chronique.knowledge.weapons import AliasMatch, WeaponCatalogue
from chronique.nlp.extensions import doc_text
from chronique.nlp.stage import Stage

if TYPE_CHECKING:
    from chronique.nlp.resources import Resources

CUE_WINDOW = 80  # characters each side, when the Doc has no sentence boundaries
# what may separate a category noun from its designation: a few words, no punctuation
_ADJACENT = re.compile(r"^[\s'\u2019-]*(?:[^\W\d_]+[\s'\u2019-]+){0,2}$")
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_MAX_GAP = 30  # the longest gap between a category noun and its designation


class _Sentences:
    """Sentence bounds by bisection: ``Token.sent`` walks the whole sentence at each call, which
    is quadratic when a long text has few sentence ends."""

    def __init__(self, doc: Doc) -> None:
        self.size = len(doc_text(doc))
        spans = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else []
        self.starts = [start for start, _ in spans]
        self.spans = spans

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        at = bisect_right(self.starts, start) - 1
        if at >= 0 and start < self.spans[at][1]:
            return self.spans[at]
        return max(0, start - CUE_WINDOW), min(self.size, end + CUE_WINDOW)


def _adjacent(text: str, generic: AliasMatch, designated: AliasMatch, conjunctions: frozenset[str]) -> bool:
    if generic.end <= designated.start:
        left, right = generic.end, designated.start
    elif designated.end <= generic.start:
        left, right = designated.end, generic.start
    else:
        return True
    if right - left > _MAX_GAP:  # before slicing: a far designation costs nothing
        return False
    gap = text[left:right]
    words = {w.lower() for w in _WORD.findall(gap)}
    return bool(_ADJACENT.match(gap)) and "\n" not in gap and not words & conjunctions


class _Neighbours:
    """The matches near a span, by bisection over their starts. Matches come from
    ``WeaponCatalogue.find`` in text order without overlaps, so their ends are sorted too. A scan
    of every match per match made the stage quadratic on long repetitive text."""

    def __init__(self, matches: list[AliasMatch]) -> None:
        self.matches = matches
        self.starts = [m.start for m in matches]
        self.longest = max((m.end - m.start for m in matches), default=0)

    def near(self, start: int, end: int, reach: int) -> list[AliasMatch]:
        """A few matches, among them every one that ends at most ``reach`` before ``start`` or
        begins at most ``reach`` after ``end`` (and any overlapping the span)."""
        low = bisect_left(self.starts, start - reach - self.longest)
        return self.matches[low:bisect_right(self.starts, end + reach)]

    def any_within(self, left: int, right: int) -> bool:
        """Whether a match lies wholly inside [left, right)."""
        first = bisect_left(self.starts, left)
        return first < len(self.matches) and self.matches[first].end <= right


@dataclass(frozen=True)
class _Context:
    sentences: _Sentences
    sure: _Neighbours
    cues: dict[tuple[int, int], list[tuple[int, int]]]  # sentence bounds → cue word spans


class WeaponTagger(Stage):
    factory = "chronique_weapons_v1"

    def __init__(self, lang: str, catalogue: WeaponCatalogue | None = None) -> None:
        super().__init__(lang)
        self.catalogue = catalogue
        self.conjunctions = words_of().conjunctions  # every language's: a quote may cross languages

    def bind(self, resources: Resources) -> None:
        super().bind(resources)
        self.catalogue = resources.weapons
        self.catalogue.prepare()
        self.conjunctions = resources.function_words().conjunctions

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        doc._.ch_weapons = self.tag(doc) if self.catalogue is not None else []
        return doc

    def tag(self, doc: Doc) -> list[WeaponRecord]:
        assert self.catalogue is not None
        text = doc_text(doc)
        matches = list(self.catalogue.find(text))
        sure = _Neighbours([m for m in matches if not m.alias.ambiguous])
        context = _Context(_Sentences(doc), sure, {})
        kept = [m for m in matches if not m.alias.ambiguous or self._military_context(text, m, context)]
        designated = _Neighbours([m for m in kept if m.alias.entry.designation is not None])
        kept = [m for m in kept if m.alias.entry.designation is not None
                or not any(_adjacent(text, m, d, self.conjunctions) for d in designated.near(m.start, m.end, _MAX_GAP))]
        return [self._record(doc, m) for m in kept]

    def _military_context(self, text: str, match: AliasMatch, context: _Context) -> bool:
        """A sure weapon mention in the sentence, or a cue word there outside the match itself.
        The cue words of a sentence are found once (``context.cues`` caches them by bounds)."""
        left, right = context.sentences.bounds(match.start, match.end)
        if context.sure.any_within(left, right) or _counted(text, match, left):
            return True
        cues = context.cues.get((left, right))
        if cues is None:
            assert self.catalogue is not None
            cues = context.cues[(left, right)] = [
                (w.start(), w.end()) for w in _WORD.finditer(text, left, right)
                if self.catalogue.is_cue(w.group(0), self.lang)]
        return any(end <= match.start or start >= match.end for start, end in cues)

    def _record(self, doc: Doc, match: AliasMatch) -> WeaponRecord:
        entry = match.alias.entry
        record: WeaponRecord = {
            "text": doc_text(doc)[match.start:match.end], "start": match.start, "end": match.end,
            "designation": entry.designation, "category": entry.category, "origin": entry.origin,
        }
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is not None:
            record["_tokens"] = [span.start, span.end]
        return record


def _counted(text: str, match: AliasMatch, left: int) -> bool:
    """A capitalised designation right after a count ("26 Rafale", "six Gripen") or, left in the
    singular, after a plural determiner ("des Rafale", "les Caesar": a gust or a person would take the
    plural) names things counted, not a gust of wind or a person: a weapon."""
    words = text[left:match.start].split()
    return bool(words) and text[match.start:match.start + 1].isupper() and (
        parse_cardinal(words[-1].lower()) is not None or (
            words[-1].lower() in arms_words().plural_determiners and not text[match.start:match.end].endswith("s")))
