"""A place named by its public bodies or people: "Waukegan police said", "Parkland officials".

The name is a modifier of a noun of the data's list (place_bodies.yaml), so it is where the police
or the officials are. The small English model tags such a name a person when it opens the
sentence; the places stage still asks the gazetteer for a town or region of that own name.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from chronique.errors import KnowledgeError
from chronique.knowledge.datafiles import read_data_yaml

BODIES_FILE = "place_bodies.yaml"


@cache
def body_nouns(lang: str) -> frozenset[str]:
    """The nouns of a place's bodies and people in ``lang`` (none for a language the file lacks)."""
    data = read_data_yaml(BODIES_FILE)
    if not isinstance(data, dict):
        raise KnowledgeError("expected a mapping of languages", where=BODIES_FILE)
    words = data.get(lang) or []
    if not isinstance(words, list):
        raise KnowledgeError(f"expected a list of nouns for {lang!r}", where=BODIES_FILE)
    return frozenset(str(w).lower() for w in words)


def before_body(doc: Doc, end: int, lang: str) -> bool:
    """The token at ``end`` (right after a name) is a noun of a place's bodies: "Waukegan police"."""
    return end < len(doc) and doc[end].text.lower() in body_nouns(lang) and doc[end].pos_ in ("NOUN", "PROPN")
