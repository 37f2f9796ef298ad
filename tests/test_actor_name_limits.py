"""Strict limits on matching part of a person's name to a known party (chronique.nlp.name_limits):
a dictionary name inside another person's longer name is not that party, and a surname that looks
like a misspelt country is no country. Every sentence was written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from actor_helpers import blank_nlp, tag_actors
from spacy.tokens import Span

from chronique.knowledge.actors import ActorKnowledge, load_actor_knowledge
from chronique.nlp.actors import ActorTagger
from chronique.nlp.anaphora import load_indirect_knowledge
from chronique.nlp.extensions import register_extensions


@pytest.fixture(scope="module")
def kb() -> ActorKnowledge:
    return load_actor_knowledge()


def codes(actors: list[dict[str, Any]]) -> dict[str, str | None]:
    return {a["text"]: a["code"] for a in actors}


def tag_people(kb: ActorKnowledge, lang: str, text: str, *people: str) -> list[dict[str, Any]]:
    """The actors stage with ``people`` marked as the parser's person entities (the limits read them)."""
    register_extensions()
    doc = blank_nlp(lang)(text)
    doc._.ch_published, doc._.ch_lang = "2017-01-30", lang
    spans = []
    for name in people:
        start = text.index(name)
        spans.append(doc.char_span(start, start + len(name)))
    doc.ents = [Span(doc, s.start, s.end, label="PER") for s in spans]
    return list(ActorTagger(lang, kb, load_indirect_knowledge())(doc)._.ch_actors)


def test_a_monarchs_one_word_name_inside_another_persons_name_is_not_the_monarch(kb: ActorKnowledge) -> None:
    # Philippe (king of the Belgians) and Jean (grand duke of Luxembourg) are one-word names
    text = "Hier, le préfet Philippe Germain a reçu les maires."
    assert "BEL" not in codes(tag_people(kb, "fr", text, "Philippe Germain")).values()
    assert "LUX" not in codes(tag_people(kb, "en", "On Monday the mayor, Jean Dupont, met the envoy.",
                                         "Jean Dupont")).values()
    # without the parser's person entities the limits are off
    assert "BEL" in codes(tag_actors(kb, "fr", text)).values()


def test_the_other_person_is_an_uncoded_person_of_the_whole_name(kb: ActorKnowledge) -> None:
    actors = tag_people(kb, "fr", "Hier, le préfet Philippe Germain a reçu les maires.", "Philippe Germain")
    assert [(a["text"], a["code"], a["kind"]) for a in actors] == [("Philippe Germain", None, "person")]


def test_the_monarch_with_a_title_is_still_the_monarch(kb: ActorKnowledge) -> None:
    text = "On Monday King Philippe opened the session."
    assert list(codes(tag_people(kb, "en", text, "King Philippe")).values()) == ["BEL"]
    text = "Lundi, le roi Philippe a ouvert la session."
    assert list(codes(tag_people(kb, "fr", text, "roi Philippe")).values()) == ["BEL"]


def test_a_leaders_surname_after_another_given_name_is_someone_else(kb: ActorKnowledge) -> None:
    text = "On Monday Brigitte Macron visited a school."
    assert "FRA" not in codes(tag_people(kb, "en", text, "Brigitte Macron")).values()
    text = "On Monday Emmanuel Macron visited a school."
    assert codes(tag_people(kb, "en", text, "Emmanuel Macron")) == {"Emmanuel Macron": "FRA"}
    text = "Lundi, le président Macron a visité une école."
    assert codes(tag_people(kb, "fr", text, "président Macron")) == {"Macron": "FRA"}


def test_a_surname_one_edit_from_a_country_is_no_country(kb: ActorKnowledge) -> None:
    # "Brunel" is one edit from "Brunei": a person named in full before, or after an honorific
    text = "The engineer Isambard Brunel criticised the plan. Later that day, Brunel resigned."
    assert "BRN" not in codes(tag_people(kb, "en", text, "Isambard Brunel")).values()
    assert "BRN" not in codes(tag_actors(kb, "en", "On Monday Mr Brunel resigned.")).values()


def test_a_misspelt_country_alone_is_still_guessed(kb: ActorKnowledge) -> None:
    assert codes(tag_actors(kb, "en", "Talks stalled after Ethopia closed the border.")) == {"Ethopia": "ETH"}


def test_national_bodies_named_by_acronym_take_their_country_and_sector(kb: ActorKnowledge) -> None:
    actors = tag_actors(kb, "en", "The FBI questioned two men while MI5 watched the port.")
    assert [(a["text"], a["code"], a["sector"]) for a in actors] == [("FBI", "USA", "COP"), ("MI5", "GBR", "SPY")]
    actors = tag_actors(kb, "fr", "La DGSE a surveillé le port.")
    assert [(a["text"], a["code"], a["sector"]) for a in actors] == [("DGSE", "FRA", "SPY")]


def test_a_south_african_party_is_no_congo(kb: ActorKnowledge) -> None:
    actors = tag_actors(kb, "en", "On Monday the African National Congress accused its rivals of fraud.")
    assert [(a["text"], a["code"], a["sector"]) for a in actors] == [("African National Congress", "ZAF", "PTY")]


def test_nato_in_title_case_is_nato(kb: ActorKnowledge) -> None:
    assert codes(tag_actors(kb, "en", "On Monday Nato condemned the shelling.")) == {"Nato": "NATO"}
