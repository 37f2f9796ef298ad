"""Strict limits on matching part of a person's name to a known party (chronique.nlp.name_limits):
a dictionary name inside another person's longer name is not that party, and a surname that looks
like a misspelt country is no country. Every sentence was written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from actor_helpers import tag_actors

from chronique.knowledge.actors import ActorKnowledge, load_actor_knowledge


@pytest.fixture(scope="module")
def kb() -> ActorKnowledge:
    return load_actor_knowledge()


def codes(actors: list[dict[str, Any]]) -> dict[str, str | None]:
    return {a["text"]: a["code"] for a in actors}


def test_a_monarchs_one_word_name_inside_another_persons_name_is_not_the_monarch(kb: ActorKnowledge) -> None:
    # Philippe (king of the Belgians) and Jean (grand duke of Luxembourg) are one-word names
    assert "BEL" not in codes(tag_actors(kb, "fr", "Hier, le préfet Philippe Germain a reçu les maires.")).values()
    assert "LUX" not in codes(tag_actors(kb, "en", "On Monday the mayor, Jean Dupont, met the envoy.")).values()


def test_the_monarch_with_a_title_is_still_the_monarch(kb: ActorKnowledge) -> None:
    assert list(codes(tag_actors(kb, "en", "On Monday King Philippe opened the session.")).values()) == ["BEL"]
    assert list(codes(tag_actors(kb, "fr", "Lundi, le roi Philippe a ouvert la session.")).values()) == ["BEL"]


def test_a_leaders_surname_after_another_given_name_is_someone_else(kb: ActorKnowledge) -> None:
    assert "FRA" not in codes(tag_actors(kb, "en", "On Monday Brigitte Macron visited a school.")).values()
    assert codes(tag_actors(kb, "en", "On Monday Emmanuel Macron visited a school.")) == {"Emmanuel Macron": "FRA"}
    assert codes(tag_actors(kb, "fr", "Lundi, le président Macron a visité une école.")) == {"Macron": "FRA"}


def test_a_surname_one_edit_from_a_country_is_no_country(kb: ActorKnowledge) -> None:
    # "Brunel" is one edit from "Brunei": a person named in full before, or after an honorific
    text = "The engineer Isambard Brunel criticised the plan. Later that day, Brunel resigned."
    assert "BRN" not in codes(tag_actors(kb, "en", text)).values()
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
