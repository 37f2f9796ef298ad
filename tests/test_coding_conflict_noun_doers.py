"""Coding rules: the "de"/"of" complement of a conflict noun is its doer only when it is a
party that can wield force (an armed or state sector, a country); civilians and places it names are
what the act hits.

Hand-built parses and small in-memory lexicons, plus a few real parses (marked ``model``). Every
sentence here was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from coding_helpers import parsed_doc, small_lexicon, triples
from spacy.tokens import Doc

CONFLICT = [{"match": "assaut", "cameo": "190"}, {"match": "bombardement", "cameo": "195"},
            {"match": "shelling", "cameo": "195"}, {"match": "libération", "cameo": "0841"}]


def _party(doc: Doc, text: str, code: str, sector: str | None, kind: str) -> dict[str, Any]:
    start = doc.text.index(text)
    return {"text": text, "start": start, "end": start + len(text), "name": text, "code": code,
            "sector": sector, "kind": kind}


def _noun_subject(noun: str, lemma: str, party: str, adjective: str) -> Doc:
    # "L' <noun> des <party> <adjective> a échoué ." : the act noun is the subject of a plain verb
    return parsed_doc("fr", [("L'", "le", "DET", "det", 1), (noun, lemma, "NOUN", "nsubj", 6),
                             ("des", "de", "ADP", "case", 3), (party, party, "NOUN", "nmod", 1),
                             (adjective, adjective, "ADJ", "amod", 3), ("a", "avoir", "AUX", "aux", 6),
                             ("échoué", "échouer", "VERB", "ROOT", 6), (".", ".", "PUNCT", "punct", 6)])


def test_an_armed_complement_of_a_conflict_noun_is_its_doer() -> None:
    doc = _noun_subject("assaut", "assaut", "militaires", "tchadiens")
    doc._.ch_actors = [_party(doc, "militaires tchadiens", "TCD", "MIL", "group")]
    assert ("ASSAULT", "TCD", None) in triples(doc, small_lexicon("fr", CONFLICT))


def test_civilians_complement_of_a_conflict_noun_is_its_target() -> None:
    doc = _noun_subject("assaut", "assaut", "civils", "maliens")
    doc._.ch_actors = [_party(doc, "civils maliens", "MLI", "CVL", "group")]
    found = triples(doc, small_lexicon("fr", CONFLICT))
    assert not any(t[1] == "MLI" for t in found)  # never the civilians as the attacker


def _english(party: str, adjective: str, sector: str) -> set[tuple[str, str | None, str | None]]:
    # "The shelling of <adjective> <party> continued ."
    doc = parsed_doc("en", [("The", "the", "DET", "det", 1), ("shelling", "shelling", "NOUN", "nsubj", 5),
                            ("of", "of", "ADP", "prep", 1), (adjective, adjective, "ADJ", "amod", 4),
                            (party, party, "NOUN", "pobj", 2), ("continued", "continue", "VERB", "ROOT", 5),
                            (".", ".", "PUNCT", "punct", 5)])
    doc._.ch_actors = [_party(doc, f"{adjective} {party}", "SYR", sector, "group")]
    return triples(doc, small_lexicon("en", CONFLICT))


def test_an_of_complement_is_the_doer_only_when_armed() -> None:
    assert ("ASSAULT", "SYR", None) in _english("troops", "Syrian", "MIL")
    assert not any(t[1] == "SYR" for t in _english("villagers", "Syrian", "CVL"))


def test_the_complement_of_a_non_conflict_noun_still_acts() -> None:
    # a release is no conflict act: whoever the complement names may still be its doer
    doc = _noun_subject("libération", "libération", "civils", "maliens")
    doc._.ch_actors = [_party(doc, "civils maliens", "MLI", "CVL", "group")]
    assert any(t[1] == "MLI" for t in triples(doc, small_lexicon("fr", CONFLICT)))


@pytest.mark.model
@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("L'assaut des soldats tchadiens contre les rebelles a fait plusieurs morts.", "fr", "TCD"),
    ("Le bombardement des civils de Homs a été dénoncé par l'ONU.", "fr", None),
])
def test_conflict_noun_complements_on_real_parses(pipeline: Any, text: str, lang: str, actor: str | None) -> None:
    assaults = [e for e in pipeline.extract(text, lang=lang, published="2024-03-01").events if e.event == "ASSAULT"]
    if actor is None:  # the victims are never the attackers
        assert not any(e.actor and e.actor.sector == "CVL" for e in assaults)
    else:
        assert any(e.actor and e.actor.code == actor for e in assaults)


# --- a coordinated subject whose first members the parser hung elsewhere ------------------------

BREAK = [{"match": "rompre", "cameo": "161"}]


def _list_subject(opening: str, first: str) -> Doc:
    # "<opening> <first> , le Pérou et le Chili ont rompu avec la Bolivie ." parsed the way the French
    # model parses long lists: the first member an apposition of the opening word, the rest the subject
    if opening == "Au":  # "Au <first>, le Pérou …": no comma between the preposition and the place
        head = [(opening, "au", "ADP", "case", 1), (first, first, "PROPN", "ROOT", 1)]
    else:  # "<opening>, <first>, le Pérou …"
        head = [(opening, opening.lower(), "NOUN", "ROOT", 0), (",", ",", "PUNCT", "punct", 0),
                (first, first, "PROPN", "appos", 0)]
    n, root = len(head), len(head) - 1  # the list's first member: where the parser hung the clause
    # the remaining members and the clause, heads counted from the end of ``head`` (-1: the first member)
    rest = [(",", "PUNCT", "punct", 2), ("le", "DET", "det", 2), ("Pérou", "PROPN", "nsubj", 7),
            ("et", "CCONJ", "cc", 5), ("le", "DET", "det", 5), ("Chili", "PROPN", "conj", 2),
            ("ont", "AUX", "aux", 7), ("rompu", "VERB", "acl:relcl", -1), ("avec", "ADP", "case", 10),
            ("la", "DET", "det", 10), ("Bolivie", "PROPN", "obl", 7), (".", "PUNCT", "punct", -1)]
    doc = parsed_doc("fr", head + [(w, {"rompu": "rompre", "ont": "avoir"}.get(w, w.lower()), pos, dep,
                                    root if h < 0 else h + n) for w, pos, dep, h in rest])
    doc._.ch_actors = [_party(doc, name, code, None, "country") for name, code in
                       ((first, "ECU" if first == "Équateur" else "ARG"), ("Pérou", "PER"), ("Chili", "CHL"),
                        ("Bolivie", "BOL"))]
    return doc


def test_every_member_of_a_comma_list_subject_acts() -> None:
    # "Hier, Équateur, le Pérou et le Chili ont rompu …": "Hier" is read as the root here
    found = triples(_list_subject("Hier", "Équateur"), small_lexicon("fr", BREAK))
    assert {t[1] for t in found} == {"ECU", "PER", "CHL"}


def test_a_fronted_prepositional_phrase_is_no_list_member() -> None:
    # "Au Argentine, le Pérou et le Chili …": a place after a preposition says where, not who
    found = triples(_list_subject("Au", "Argentine"), small_lexicon("fr", BREAK))
    assert {t[1] for t in found} == {"PER", "CHL"}

