"""Motion frames: a name that is where someone or something went ("reached Bukavu", "flew to
Juba", "headed for Damaturu and Yola", "a gagné Kalemie", "s'est envolé pour Niamey"), or that a
hazard hit ("a typhoon hit Okinawa", "la tempête a frappé Galway").

The small English model tags many such names as persons or organisations, and no place
preposition stands before them. A name is in a motion frame when the word before it is a verb of
the data's transitive list (its object is the place) or a direction word after a verb of the
intransitive list (one particle may sit between: "went back to"), or an impact verb ("hit",
"struck") whose subject in the parse is a hazard noun; a name listed after another in
a frame ("Damaturu and Yola") is in it too. Verbs are read by lemma; data: place_frames.yaml.
What the frame adds is context only: the places stage still asks the gazetteer for the name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from chronique.knowledge.datafiles import language_word_sets

FRAMES_FILE = "place_frames.yaml"
_FIELDS = ("transitive", "intransitive", "directions", "particles", "impact", "hazards", "person_objects")
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
_VERB_TAGS = frozenset({"VERB", "AUX"})
MAX_LISTED = 4  # names of a list walked back to find its frame ("reached Oicha, Beni and Mangina")
MAX_NAME_WORDS = 3


@dataclass(frozen=True)
class FrameWords:
    transitive: frozenset[str]
    intransitive: frozenset[str]
    directions: frozenset[str]
    particles: frozenset[str]
    impact: frozenset[str]
    hazards: frozenset[str]
    person_objects: frozenset[str]  # verbs whose object is a person as often as a place ("visit", "meet")


@cache
def load_frame_words(lang: str) -> FrameWords:
    """The motion verbs and direction words of ``lang`` (none for a language the file lacks)."""
    return FrameWords(*language_word_sets(FRAMES_FILE, lang, _FIELDS))


def _verb(doc: Doc, i: int, lemmas: frozenset[str]) -> bool:
    token = doc[i]
    return token.pos_ in _VERB_TAGS and token.lemma_.lower() in lemmas


def motion_before(doc: Doc, i: int, lang: str) -> bool:
    """Token ``i`` opens the goal or object of a motion verb."""
    words = load_frame_words(lang)
    j = i - 1
    if j < 0:
        return False
    if doc[j].text.lower() in words.directions:
        k = j - 1
        if k >= 0 and doc[k].text.lower() in words.particles:
            k -= 1
        return k >= 0 and _verb(doc, k, words.intransitive)
    return _verb(doc, j, words.transitive) or (_verb(doc, j, words.impact) and _hazard_subject(doc, j, words))


def visit_before(doc: Doc, i: int, lang: str) -> bool:
    """Token ``i`` opens the object of a verb that takes persons as often as places ("visited
    Goma", "met Museveni"): a place frame only for a name no person of the knowledge base holds,
    which the caller knows (the actors stage took those names)."""
    return i > 0 and _verb(doc, i - 1, load_frame_words(lang).person_objects)


def _hazard_subject(doc: Doc, verb: int, words: FrameWords) -> bool:
    """The verb's subject is a hazard ("a typhoon hit", "la tempête a frappé"), by the parse."""
    return any(child.dep_ in _SUBJECTS and child.lemma_.lower() in words.hazards for child in doc[verb].children)


def in_motion_frame(doc: Doc, i: int, lang: str, capitalised: Callable[[int], bool]) -> bool:
    """Token ``i`` opens a name in a motion frame, itself or as a later name of a list after one
    ("headed for Damaturu and Yola"); ``capitalised`` tells the words of a name."""
    return _listed_after(doc, i, capitalised, lambda k: motion_before(doc, k, lang))


def in_visit_frame(doc: Doc, i: int, lang: str, capitalised: Callable[[int], bool]) -> bool:
    """Token ``i`` opens a name right after a verb that takes persons or places ("visited Majuli
    and Dhemaji"), itself or as a later name of a list after one."""
    return _listed_after(doc, i, capitalised, lambda k: visit_before(doc, k, lang))


def _listed_after(doc: Doc, i: int, capitalised: Callable[[int], bool], opens: Callable[[int], bool]) -> bool:
    """``opens`` holds at token ``i`` or at the first name of a list that ``i`` closes."""
    joiners = frozenset({",", "and", "or", "et", "ou"})
    for _ in range(MAX_LISTED):
        if opens(i):
            return True
        if i < 2 or doc[i - 1].text.lower() not in joiners:
            return False
        start = i - 1
        while start > 0 and i - 1 - start < MAX_NAME_WORDS and capitalised(start - 1):
            start -= 1
        if start == i - 1:
            return False
        i = start
    return False
