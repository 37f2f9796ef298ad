"""A person named again by surname takes the code the article's first, coded mention of them got
(chronique.coding.namesakes), not the country in focus of the later sentence. Hand-built parses;
every sentence was written for these tests."""

from __future__ import annotations

from typing import Any

import spacy
from coding_helpers import coded, small_lexicon
from spacy.tokens import Doc, Span

from chronique.coding.mentions import MentionIndex
from chronique.coding.unlisted import load_sector_heads

HEADS = load_sector_heads()
CRITICISE = [{"match": "criticise", "cameo": "111"}]


def _doc(first: str, later: list[str]) -> Any:
    # "<first> Kalumbu left . <later…> Kalumbu criticised Peru ." — two sentences; invented people
    words = [(first, first, "PROPN", "compound", 1), ("Kalumbu", "Kalumbu", "PROPN", "nsubj", 2),
             ("left", "leave", "VERB", "ROOT", 2), (".", ".", "PUNCT", "punct", 2)]
    n = len(later)
    words += [(w, w, "PROPN", "compound", 4 + n) for w in later]
    words += [("Kalumbu", "Kalumbu", "PROPN", "nsubj", 5 + n), ("criticised", "criticise", "VERB", "ROOT", 5 + n),
              ("Peru", "Peru", "PROPN", "dobj", 5 + n), (".", ".", "PUNCT", "punct", 5 + n)]
    doc = Doc(spacy.blank("en").vocab, words=[r[0] for r in words], lemmas=[r[1] for r in words],
              pos=[r[2] for r in words], deps=[r[3] for r in words], heads=[r[4] for r in words],
              sent_starts=[i in (0, 4) for i in range(len(words))])
    doc._.ch_published = "2024-05-02"
    doc._.ch_places = []
    doc._.ch_lang = "en"
    doc._.ch_focus = [None, "PER"]
    first_end = len(first) + len(" Kalumbu")
    later_start = doc[4].idx
    doc._.ch_actors = [
        {"text": f"{first} Kalumbu", "start": 0, "end": first_end, "name": f"{first} Kalumbu", "code": "NAM",
         "sector": "GOV", "kind": "person"},
        {"text": "Peru", "start": doc[6 + n].idx, "end": doc[6 + n].idx + 4, "name": "Peru", "code": "PER",
         "sector": "GOV", "kind": "country"}]
    doc.ents = [Span(doc, 4, 5 + n, label="PERSON")]
    assert doc.text[later_start:].startswith(" ".join([*later, "Kalumbu"]))
    return doc


def test_a_surname_takes_the_code_of_its_first_mention() -> None:
    (event,) = coded(_doc("Lena", []), small_lexicon("en", CRITICISE))
    actor = event["actor"]
    assert (actor["entity_text"], actor["code"], actor["sector"]) == ("Kalumbu", "NAM", "GOV")
    assert event["recipient"]["code"] == "PER"


def test_an_honorific_before_the_surname_is_the_same_person() -> None:
    (event,) = coded(_doc("Lena", ["Ms."]), small_lexicon("en", CRITICISE))
    assert event["actor"]["code"] == "NAM"


def test_another_first_name_is_another_person() -> None:
    index = MentionIndex(_doc("Lena", ["Paul"]), HEADS)
    (paul,) = [a for a in index.actors if a["text"] == "Paul Kalumbu"]
    assert paul["code"] == "PER"  # the country in focus of its own sentence


def test_without_an_earlier_mention_the_focus_decides() -> None:
    doc = _doc("Lena", [])
    doc._.ch_actors = doc._.ch_actors[1:]
    index = MentionIndex(doc, HEADS)
    assert [a["code"] for a in index.actors if a["text"] == "Kalumbu"] == ["PER"]
