"""Unnamed groups and the country in focus (chronique.nlp.anaphora through the actors stage):
"les rebelles", "l'armée", "the police" with no country attached take the country the story is
located in, or stay uncoded when that is unclear. Hand-built Docs, no model but the marked test."""

from __future__ import annotations

from typing import Any

import pytest
from actor_helpers import tag_actors

from chronique.knowledge.actors import ActorKnowledge, load_actor_knowledge
from chronique.nlp.anaphora import build_indirect_knowledge


def tag(kb: ActorKnowledge, lang: str, text: str) -> dict[str, dict[str, Any]]:
    return {a["text"]: a for a in tag_actors(kb, lang, text)}


@pytest.fixture(scope="module")
def kb() -> ActorKnowledge:
    return load_actor_knowledge()


def coded(actor: dict[str, Any]) -> tuple[Any, Any]:
    return actor["code"], actor["sector"]


def test_unnamed_rebels_take_the_country_of_the_story(kb: ActorKnowledge) -> None:
    actors = tag(kb, "fr", "Le Mali reste en crise. Des combats ont éclaté dans le nord. "
                           "Les rebelles ont attaqué un camp.")
    rebels = actors["rebelles"]
    assert coded(rebels) == ("MLI", "REB") and rebels["_focus"] is True
    assert rebels["score"] < actors["Mali"]["score"]


def test_two_countries_equally_present_leave_it_uncoded(kb: ActorKnowledge) -> None:
    actors = tag(kb, "fr", "La Colombie et le Venezuela s'accusent. Les rebelles ont attaqué.")
    assert actors["rebelles"]["code"] is None and not actors["rebelles"].get("_focus")


def test_no_country_no_code(kb: ActorKnowledge) -> None:
    actors = tag(kb, "fr", "Les rebelles ont attaqué la police.")
    assert all(a["code"] is None for a in actors.values())


def test_the_place_of_the_story_outweighs_a_foreign_party(kb: ActorKnowledge) -> None:
    actors = tag(kb, "fr", "Au Mali, l'armée française a repoussé les rebelles.")
    assert coded(actors["armée française"]) == ("FRA", "MIL")
    assert coded(actors["rebelles"]) == ("MLI", "REB")


def test_the_same_sector_named_just_before_wins(kb: ActorKnowledge) -> None:
    actors = tag(kb, "fr", "Au Niger, l'armée malienne a franchi la frontière. L'armée a ensuite reculé.")
    assert coded(actors["armée"]) == ("MLI", "MIL")


def test_a_capital_named_as_a_place_locates_the_story(kb: ActorKnowledge) -> None:
    actors = tag(kb, "fr", "Des explosions ont secoué Bamako dimanche. La police a bouclé le quartier.")
    assert "Bamako" not in actors  # a place, not an actor
    assert coded(actors["police"]) == ("MLI", "COP")


def test_a_government_of_another_party_is_not_the_country(kb: ActorKnowledge) -> None:
    actors = tag(kb, "fr", "Le Népal accueille des réfugiés. Le gouvernement tibétain en exil a protesté "
                           "et les forces étrangères sont parties.")
    assert "gouvernement" not in actors and "forces" not in actors


def test_an_adjective_of_a_country_is_the_regime_of_that_country(kb: ActorKnowledge) -> None:
    actors = tag(kb, "fr", "Le Chili a protesté. Washington a accusé le régime syrien.")
    assert coded(actors["régime syrien"]) == ("SYR", "GOV")


def test_a_people_is_not_a_country_to_take_up(kb: ActorKnowledge) -> None:
    actors = tag(kb, "fr", "Des drones ont frappé le Yémen. Les Américains bombardent souvent ce pays.")
    assert coded(actors["pays"]) == ("YEM", None)


def test_a_demonym_noun_is_the_population_of_its_state(kb: ActorKnowledge) -> None:
    actors = tag(kb, "fr", "Des milliers de Maliens ont fui vers le Niger avec des soldats nigériens.")
    maliens = actors["Maliens"]
    assert (maliens["code"], maliens["sector"], maliens["kind"]) == ("MLI", "CVL", "group")
    assert coded(actors["soldats nigériens"]) == ("NER", "MIL")


def test_english_unnamed_groups(kb: ActorKnowledge) -> None:
    actors = tag(kb, "en", "Fighting resumed in Yemen on Sunday. The rebels shelled the port and "
                           "security forces withdrew.")
    assert coded(actors["rebels"]) == ("YEM", "REB")
    assert coded(actors["security forces"]) == ("YEM", "COP")
    assert tag(kb, "en", "Turkey closed the border. Kurdish rebels fled.")["rebels"]["code"] is None


def test_focus_knowledge_from_rows() -> None:
    knowledge = build_indirect_knowledge(
        [], [], [{"lang": "fr", "forms": "Rebelles|forces de sécurité", "sector": "REB", "source": "test"}],
        [{"lang": "fr", "forms": "en exil|Kurdes", "source": "test"}])
    assert knowledge.focus["fr"] == {"rebelles": "REB", "forces de securite": "REB"}
    assert knowledge.other_parties["fr"] == frozenset({"en exil", "kurdes"}) and knowledge.max_tokens == 3


@pytest.mark.model
def test_unnamed_groups_through_the_pipeline(pipeline: Any) -> None:
    text = ("Au Mali, la situation se dégrade dans le nord du pays. Dimanche, les rebelles ont attaqué "
            "un poste tenu par l'armée près de Kidal.")
    actors = {a.text: a for a in pipeline.extract(text, lang="fr", published="2017-01-30").actors}
    assert (actors["rebelles"].code, actors["rebelles"].sector) == ("MLI", "REB")
    assert (actors["armée"].code, actors["armée"].sector) == ("MLI", "MIL")


@pytest.mark.parametrize(("lang", "text", "noun", "sector"), [
    ("fr", "Au Mali, des milliers de personnes ont défilé contre la junte.", "personnes", "CVL"),
    ("fr", "Au Niger, les étudiants ont bloqué l'université.", "étudiants", "EDU"),
    ("en", "In Kenya, thousands of people marched on Saturday.", "people", "CVL"),
    ("en", "In Chile, striking workers closed the ports.", "workers", "LAB"),
])
def test_unnamed_crowds_take_the_country_of_the_story(kb: ActorKnowledge, lang: str, text: str,
                                                       noun: str, sector: str) -> None:
    actors = tag(kb, lang, text)
    assert actors[noun]["_focus"] is True and actors[noun]["sector"] == sector, actors[noun]
    assert actors[noun]["code"] in ("MLI", "NER", "KEN", "CHL")


@pytest.mark.model
def test_real_parse_a_sector_phrase_ending_in_an_adjective_takes_the_focus(pipeline: Any) -> None:
    # the phrase's head is "soldats"; its adjective being an amod does not make it a modifier
    actors = pipeline.extract("Au Mali, les rebelles ont capturé 12 soldats gouvernementaux.", lang="fr").actors
    soldiers = next(a for a in actors if a.text == "soldats gouvernementaux")
    assert (soldiers.code, soldiers.sector) == ("MLI", "MIL"), actors
