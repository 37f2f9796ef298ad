"""Place names that are no place of the story: inside the title of a newspaper or a club ("the
Chicago Tribune", "Manchester United", "the Times of India", "le Journal de Genève", "Real
Madrid"), the name of a disease ("the Marburg virus", "la fièvre de Lassa", "the fight against
Ebola"), a town's offices ("la Mairie", "City Hall"), a bloc ("the West"), or a body of the sky ("a mission to Mars",
"la Terre").

A title is told by a title word (data: place_titles.yaml) written with a capital right after the
place, at the end of the capitalised words that follow it, or right before it (with "of"/"de"
between). A planet's name stays a place where a town bears it: after "in"/"à" or with its
state written after it ("Jupiter, Florida"). A place followed by a number of one or two digits
names a channel or a university ("France 2", "Paris 8").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from chronique.errors import KnowledgeError
from chronique.knowledge.datafiles import read_data_yaml
from chronique.temporal.grammar import load_grammar

TITLES_FILE = "place_titles.yaml"
MAX_AFTER = 3  # capitalised words read after the place for a title word ("Chicago Sun-Times")
_HYPHENS = frozenset({"-", "‐"})
_FIELDS = ("after", "before", "links", "disease_after", "disease_before", "sky", "sky_locatives", "disease_names",
           "disease_locatives", "disease_place_after", "institutions", "blocs")
MAX_INSTITUTION_WORDS = 3  # "palais de justice", "hôtel du département"


@dataclass(frozen=True)
class TitleWords:
    after: frozenset[str]
    before: frozenset[str]
    links: frozenset[str]
    disease_after: frozenset[str]
    disease_before: frozenset[str]
    sky: frozenset[str]
    sky_locatives: frozenset[str]
    disease_names: frozenset[str]
    disease_locatives: frozenset[str]
    disease_place_after: frozenset[str]
    institutions: frozenset[str]
    blocs: frozenset[str]


@cache
def load_title_words() -> TitleWords:
    data = read_data_yaml(TITLES_FILE)
    if not isinstance(data, dict) or not all(isinstance(data.get(k), list) for k in _FIELDS):
        raise KnowledgeError(f"expected lists {', '.join(_FIELDS)}", where=TITLES_FILE)
    return TitleWords(*(frozenset(str(w).lower() for w in data[k]) for k in _FIELDS))


def _capital(text: str) -> bool:
    return text[:1].isupper()


def in_title(span: Span, words: TitleWords | None = None) -> bool:
    """Whether the place name is a part of a newspaper's or a club's title."""
    words = words or load_title_words()
    doc = span.doc
    return _title_after(doc, span.end, words) or _title_before(doc, span.start, words) or _numbered(doc, span.end)


def _numbered(doc: Doc, i: int) -> bool:
    """A number of one or two digits right after the name names a channel or a university
    ("France 2", "France 24", "Paris 8"), not a place: a year, a score or a quantity is no part
    of a name (four digits, a dash or a unit after)."""
    if i >= len(doc) or not doc[i].is_digit or len(doc[i].text) > 2:
        return False
    after = doc[i + 1].text.lower() if i + 1 < len(doc) else ""
    # a dateline's day ("ODESSA 22 octobre", "PARIS, 3 mai") is no number of a name
    return not (after[:1].isdigit() or after in _NOT_A_NAME_AFTER or after in _months())


@cache
def _months() -> frozenset[str]:
    return frozenset(w for lang in ("en", "fr") for w in load_grammar(lang).vocab.get("month", {}))


# what follows a count or a score, not a channel's or a university's number ("Iraq 2 years ago",
# "France 2-1", "Washington 3, Dallas 2")
_NOT_A_NAME_AFTER = frozenset({"%", "-", "–", ":", ",", ".", "to", "à", "years", "year", "ans", "an", "fois", "times",
                               "days", "jours", "months", "mois", "weeks", "semaines", "hours", "heures", "km",
                               "points", "goals", "buts", "million", "millions", "billion", "milliards", "ou", "or"})


def _title_after(doc: Doc, i: int, words: TitleWords) -> bool:
    """The capitalised words right after the place end with a title word ("Sun-Times")."""
    last = None
    j = i
    while j < len(doc) and j - i < MAX_AFTER * 2:
        token = doc[j]
        if token.text in _HYPHENS and token.whitespace_ == "" and j > i:
            j += 1
            continue
        if not (token.is_alpha or token.text.rstrip(".").isalpha()) or not _capital(token.text):
            break
        last = token
        j += 1
    return last is not None and last.lower_ in words.after


def _title_before(doc: Doc, i: int, words: TitleWords) -> bool:
    """A capitalised title word right before the place, or before a link ("Times of India")."""
    if i == 0:
        return False
    k = i - 1
    if doc[k].lower_ in words.links and k > 0:
        k -= 1
    token = doc[k]
    return _capital(token.text) and token.lower_ in words.before


def names_disease(span: Span, words: TitleWords | None = None) -> bool:
    """The place names a disease: "the Marburg virus", "West Nile fever", "le virus Zika", "la
    fièvre de Lassa", or a disease's own name without a place's context ("Ebola cases")."""
    words = words or load_title_words()
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after in words.disease_after:
        return True
    k = span.start - 1
    if k > 0 and doc[k].lower_ in words.links:
        k -= 1
    if k >= 0 and doc[k].lower_ in words.disease_before:
        return True
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return (span.text.lower() in words.disease_names and before not in words.disease_locatives
            and after not in words.disease_place_after)


def institution(span: Span, words: TitleWords | None = None) -> bool:
    """The name is (or opens, or closes) a town's office or court: "la Mairie", "la Préfecture",
    "City Hall" ("Town" of "Town Hall"), "le Palais de Justice"."""
    words = words or load_title_words()
    doc = span.doc
    for start in range(max(0, span.start - MAX_INSTITUTION_WORDS + 1), span.start + 1):
        for end in range(span.end, min(len(doc), start + MAX_INSTITUTION_WORDS) + 1):
            if doc[start:end].text.lower() in words.institutions:
                return True
    return False


def bloc(span: Span, words: TitleWords | None = None) -> bool:
    """A bloc of countries named as a direction ("the West", "l'Occident"), not written with a
    state after it ("West, Texas")."""
    words = words or load_title_words()
    return span.text.lower() in words.blocs and not _with_state(span)


def _with_state(span: Span) -> bool:
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "," and _capital(doc[span.end + 1].text)


def sky_body(span: Span, words: TitleWords | None = None) -> bool:
    """A planet's name read as a planet's: no "in"/"à" before it, no comma and place after it."""
    words = words or load_title_words()
    if span.text.lower() not in words.sky:
        return False
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in words.sky_locatives:
        return False
    return not _with_state(span)
