"""A person named again by their surname ("Lena Haufiku, the Namibian minister, …" then "Haufiku said
…") is the person the article introduced: the later mention takes the code and sector the first one
got from the knowledge base or from its own title or apposition, not the country in focus of its
own sentence (which, in a story told abroad, is often the host country: the Namibian minister coded
USA in a sentence about her trip to Washington, read on the look and measure pages of round one).

Only an uncoded person mention (chronique.coding.unlisted_people) is matched, and only to an earlier
coded person whose name ends with the same surname: the mention is that surname alone (with an
honorific or initial before it) or the same full name. A person coded from the context only is no
evidence (``_person_focus``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from chronique.annotations.records import ActorMention

MIN_SURNAME = 3  # "Li", "Ma": too short to tell one person from another by surname alone


def _words(actor: ActorMention) -> list[str]:
    return [w for w in str(actor.get("text") or "").replace("’", "'").split() if w[:1].isalpha()]


def _surname(actor: ActorMention) -> str:
    words = _words(actor)
    return words[-1] if words else ""


def _first_word(actor: ActorMention) -> str:
    words = _words(actor)
    return words[0] if words else ""


def _same_person(later: ActorMention, earlier: ActorMention) -> bool:
    surname = _surname(later)
    if len(surname) < MIN_SURNAME or not surname[0].isupper() or surname != _surname(earlier):
        return False
    words = _words(later)
    # the surname alone, an honorific or initial before it ("M. Haufiku"), or the same full name
    return len(words) == 1 or all(len(w.rstrip(".")) <= 3 for w in words[:-1]) \
        or _first_word(later) == _first_word(earlier)


def namesake_codes(doc: Doc, actors: list[ActorMention],
                   unlisted: Callable[[Doc, ActorMention], bool]) -> list[ActorMention]:
    """``actors`` with each uncoded person (``unlisted`` holds) that an earlier coded person of the
    same name introduced taking that person's code, sector and name."""
    people = sorted((a for a in actors if a.get("kind") == "person" and a.get("code")
                     and not a.get("_person_focus")), key=lambda a: int(a["start"]))
    if not people:
        return actors
    out: list[ActorMention] = []
    for actor in actors:
        if unlisted(doc, actor):
            start = int(actor["start"])
            earlier = [p for p in people if int(p["start"]) < start and _same_person(actor, p)]
            if earlier:
                first = earlier[-1]
                actor = {**actor, "code": first.get("code"), "sector": first.get("sector"), "kind": "person",
                         "name": first.get("name") or first.get("text"), "wikidata": first.get("wikidata")}
        out.append(actor)
    return out
