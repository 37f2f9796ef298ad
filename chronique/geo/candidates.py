"""Gazetteer-backed toponym candidates: place names the parser's entity model missed.

The small NER models miss towns and regions they never saw ("in Maywood", "près de Lunéville").
A name is proposed when three things agree:
- the gazetteer knows it (any city, region, country or area of that exact name);
- it is written as a proper name: every word capitalised (lower-case joiners such as "de",
  "upon", "on" allowed inside), never a sentence opener, never all capitals;
- its context makes it a place: a locative preposition right before it ("in/at/near/outside",
  "à/en/dans/près de/au"), a place noun or a word for a place's people or offices and
  "of"/"de" before it ("the province of", "le canton de", "the mayor of"), a hyphen and a
  participle right after it ("Gaza-based", "Texas-born"), which names the place a thing comes from,
  a hyphen joining it to another known name ("the Delhi-Mumbai highway", "the Tamil Nadu-Kerala
  border"): two places paired, each a place; or a list of known names after a locative ("in
  Maywood, Garfield and Lodi"); or a motion frame ("reached Bukavu", "flew to Juba": geo.frames),
  for the names ``frame_known`` accepts (a region, or a town big enough to be named alone).
Adjectives ("Syrian-Turkish", "franco-allemand") are not proposed: their parts are not names.
Month and weekday names ("in March", "in August") are time, though towns bear them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from chronique.errors import KnowledgeError
from chronique.geo.bodies import before_body
from chronique.geo.frames import in_motion_frame, in_visit_frame
from chronique.knowledge.function_words import words_of
from chronique.temporal.grammar import load_grammar

# The words read here are data (knowledge/data/<lang>/function_words.yaml): the article language's
# place prepositions and two-word locatives ("près de"); every language's name joiners and place
# participles, as names cross languages.
MAX_WORDS = 4
_HYPHENS = ("-", "‐")
# a paired name is this long at least: "Al-", "El-", "Ben-" open Arabic and Hebrew names, not places
MIN_PAIRED = 3
MAX_LISTED = 6  # names of a list walked back to find its locative


@cache
def calendar_words(lang: str) -> frozenset[str]:
    """Month, weekday and holiday names of ``lang`` (the temporal grammar's own vocabulary)."""
    try:
        vocab = load_grammar(lang).vocab
    except KnowledgeError:
        return frozenset()  # a language without a temporal grammar has no calendar words to skip
    return frozenset(w for cls in ("month", "weekday", "holiday") for w in vocab.get(cls, {}))


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not (token.is_upper and len(token) > 1)


def _locative_before(doc: Doc, i: int, lang: str) -> bool:
    """A locative preposition ends right before token ``i``."""
    if i == 0:
        return False
    prev, words = doc[i - 1].lower_, words_of(lang)
    if prev in words.place_prepositions:
        return True
    return prev in words.place_head_links and i >= 2 and doc[i - 2].lower_ in words.place_heads


def _listed_after_locative(doc: Doc, i: int, lang: str, known: Callable[[str], bool]) -> bool:
    """Token ``i`` opens a name listed after other known names that follow a locative: "in
    Maywood, Garfield and Lodi", "à Lens, Douai ou Arras"."""
    for _ in range(MAX_LISTED):
        if _locative_before(doc, i, lang):
            return True
        if i < 2 or doc[i - 1].lower_ not in words_of().list_joiners:
            return False
        end = i - 1
        start = end
        while start > 0 and end - start < MAX_WORDS and _capitalised(doc[start - 1]):
            start -= 1
        if start == end or not known(doc[start:end].text):
            return False
        i = start
    return False


def _name_end(doc: Doc, i: int) -> int:
    """The end (exclusive) of the capitalised name opening at token ``i`` (joiners inside only)."""
    end = i + 1
    j = i + 1
    joiners = words_of().name_joiners
    while j < len(doc) and j - i < MAX_WORDS:
        token = doc[j]
        if _capitalised(token):
            end = j + 1
        elif token.lower_ not in joiners and token.text not in _HYPHENS:
            break
        j += 1
    return end


def _compound_place(doc: Doc, i: int) -> bool:
    """Token ``i`` is followed by a hyphen and a place participle ("Gaza" in "Gaza-based")."""
    return _glued_hyphen(doc, i + 1) and i + 2 < len(doc) and doc[i + 2].lower_ in words_of().place_participles


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen with no space on either side ("Delhi-Mumbai")."""
    return (0 < i < len(doc) - 1 and doc[i].text in _HYPHENS and doc[i].whitespace_ == ""
            and doc[i - 1].whitespace_ == "")


def _joined_to_known(doc: Doc, span: Span, known: Callable[[str], bool]) -> bool:
    """The name is joined by a hyphen to another known name, after it or before it."""
    if len(span.text) < MIN_PAIRED:
        return False
    k = span.end
    if _glued_hyphen(doc, k) and _capitalised(doc[k + 1]):
        after = _longest_known(doc, k + 1, _name_end(doc, k + 1), known)
        if after is not None and len(after.text) >= MIN_PAIRED:
            return True
    i = span.start
    return (i >= 2 and _glued_hyphen(doc, i - 1) and _capitalised(doc[i - 2])
            and any(_capitalised(doc[j]) and len(doc[j:i - 1].text) >= MIN_PAIRED and known(doc[j:i - 1].text)
                    for j in range(max(0, i - 1 - MAX_WORDS), i - 1)))


def hyphen_parts(span: Span, known: Callable[[str], bool]) -> list[Span]:
    """The known names an entity joins with hyphens ("the Tamil Nadu-Kerala" → two), else none."""
    doc = span.doc
    cuts = [t.i for t in span if _glued_hyphen(doc, t.i) and span.start < t.i < span.end - 1]
    if not cuts:
        return []
    bounds = [span.start, *cuts, span.end]
    parts = []
    for n, (a, b) in enumerate(pairwise(bounds)):
        a = a + 1 if n else a
        while a < b and not _capitalised(doc[a]):
            a += 1  # a leading article ("the")
        part = doc[a:b]
        if len(part) == 0 or not _capitalised(part[-1]) or len(part.text) < MIN_PAIRED or not known(part.text):
            return []
        parts.append(part)
    return parts


def candidate_spans(doc: Doc, lang: str, known: Callable[[str], bool], taken: Sequence[tuple[int, int]],
                    frame_known: Callable[[str], bool] | None = None) -> list[Span]:
    """Gazetteer-known proper names in a place context, outside the char ranges ``taken``;
    ``frame_known``: the names a motion frame alone makes places (none when not given)."""
    out: list[Span] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not _capitalised(token):
            i += 1
            continue
        end = i + 1 if _compound_place(doc, i) else _name_end(doc, i)
        span = _longest_known(doc, i, end, known)
        # a sentence opener is a place only before a body of its own ("Waukegan police said")
        if span is not None and not (_of_body(doc, span, lang, frame_known) or (not token.is_sent_start and (
                _compound_place(doc, i) or _listed_after_locative(doc, i, lang, known)
                or _joined_to_known(doc, span, known) or _in_frame(doc, span, lang, frame_known)))):
            span = None
        if span is None and token.is_sent_start:
            i += 1  # the opener's next word may open a name of its own ("The Maywood …")
            continue
        if (span is not None and span.text.lower() not in calendar_words(lang)
                and not any(s < span.end_char and span.start_char < e for s, e in taken)):
            out.append(span)
        # a name joined to the next by a hyphen ends at the hyphen: the next one is looked at too
        i = span.end + 1 if span is not None and _glued_hyphen(doc, span.end) else max(end, i + 1)
    return out


def _in_frame(doc: Doc, span: Span, lang: str, frame_known: Callable[[str], bool] | None) -> bool:
    """The name is the goal of a motion verb, or the object of a visit, and ``frame_known`` accepts it."""
    def capitalised(k: int) -> bool:
        return _capitalised(doc[k])

    # a visit's object ("visited Goma") is a person held by the actors stage when the knowledge
    # base knows one of that name: such names are in ``taken`` and never reach this test
    return frame_known is not None and frame_known(span.text) and (
        in_motion_frame(doc, span.start, lang, capitalised) or in_visit_frame(doc, span.start, lang, capitalised))


def _of_body(doc: Doc, span: Span, lang: str, frame_known: Callable[[str], bool] | None) -> bool:
    """The name modifies a noun of its bodies or people ("Waukegan police", geo.bodies) and is the
    own name of a region or of a town big enough to be named alone (``frame_known``)."""
    return frame_known is not None and before_body(doc, span.end, lang) and frame_known(span.text)


def _longest_known(doc: Doc, start: int, end: int, known: Callable[[str], bool]) -> Span | None:
    """The longest gazetteer-known name opening at ``start`` and ending with a capitalised word."""
    for stop in range(end, start, -1):
        span = doc[start:stop]
        if _capitalised(doc[stop - 1]) and known(span.text):
            return span
    return None
