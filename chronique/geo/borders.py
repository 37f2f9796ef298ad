"""A border named by the adjectives of its countries is a place of each: "the Syrian-Turkish
border", "the Sino-Indian border", "la frontière syro-turque", "près de la frontière syrienne".

Elsewhere a country's adjective is an actor ("Syrian officials"); before (en) or after (fr) a
border noun it names the land on each side. Each adjective becomes a place of its country: the
full adjectives are those of demonyms.csv, the combining forms ("Sino-", "turco-") those of
border_words.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from chronique.errors import KnowledgeError
from chronique.knowledge.countries import french_inflections
from chronique.knowledge.datafiles import read_data_csv, read_data_yaml, split_forms
from chronique.knowledge.geo_index import normalise_name

BORDER_FILE = "border_words.yaml"
_HYPHENS = frozenset({"-", "‐"})


@dataclass(frozen=True)
class BorderWords:
    nouns: frozenset[str]
    adjectives: dict[str, str]  # normalised adjective or combining form → ISO-3


@cache
def load_border_words() -> BorderWords:
    data = read_data_yaml(BORDER_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("nouns"), list) or not isinstance(
            data.get("combining"), dict):
        raise KnowledgeError("expected a 'nouns' list and a 'combining' mapping", where=BORDER_FILE)
    adjectives = {normalise_name(str(k)): str(v) for k, v in data["combining"].items()}
    for row in read_data_csv("demonyms.csv"):
        forms = split_forms(row["forms"])
        if row["lang"] == "fr":
            forms = [f for form in forms for f in french_inflections(form)]
        adjectives.update((normalise_name(f), row["iso3"]) for f in forms)
    return BorderWords(frozenset(str(n).lower() for n in data["nouns"]), adjectives)


def border_countries(doc: Doc, words: BorderWords | None = None) -> list[tuple[Span, str]]:
    """(adjective, ISO-3 of its country) for every country adjective of a border phrase."""
    words = words or load_border_words()
    out: list[tuple[Span, str]] = []
    for token in doc:
        if token.lower_ not in words.nouns:
            continue
        before = _adjectives(doc, token.i - 1, -1, words)  # "the Syrian-Turkish border"
        after = _adjectives(doc, token.i + 1, 1, words)  # "la frontière syro-turque"
        out += before or after
    return sorted(out, key=lambda pair: pair[0].start)


def _adjectives(doc: Doc, i: int, step: int, words: BorderWords) -> list[tuple[Span, str]]:
    """The country adjectives joined by hyphens from token ``i`` on, walking by ``step``; all of
    the chain or none (a chain with a word of no country names something else)."""
    found: list[tuple[Span, str]] = []
    while 0 <= i < len(doc):
        code = words.adjectives.get(normalise_name(doc[i].text))
        if code is None:
            return []
        found.append((doc[i:i + 1], code))
        joint = i + step
        if not (0 <= joint < len(doc) and doc[joint].text in _HYPHENS):
            break
        i = joint + step
    return found
