"""Actors named indirectly (chronique.nlp.anaphora through the actors stage): definite descriptions
resolved to an earlier mention, unknown people coded by their apposition. Hand-built Docs, no model
but the marked test at the end."""

from __future__ import annotations

from typing import Any

import pytest
from actor_helpers import tag_actors

from chronique.knowledge.actors import ActorKnowledge, load_actor_knowledge
from chronique.nlp.anaphora import build_indirect_knowledge


def tag(kb: ActorKnowledge, lang: str, text: str) -> list[dict[str, Any]]:
    return tag_actors(kb, lang, text)


@pytest.fixture(scope="module")
def kb() -> ActorKnowledge:
    return load_actor_knowledge()


def indirect(actors: list[dict[str, Any]]) -> dict[str, tuple[Any, ...]]:
    return {a["text"]: (a["code"], a["sector"], a["kind"]) for a in actors
            if a.get("_anaphora") or a.get("_apposition")}


def test_a_country_description_takes_the_last_country(kb: ActorKnowledge) -> None:
    actors = tag(kb, "fr", "Le Danemark a rappelé son ambassadeur. Le royaume exige des excuses.")
    royaume = next(a for a in actors if a["text"] == "royaume")
    assert (royaume["code"], royaume["kind"], royaume["_anaphora"]) == ("DNK", "country", True)
    assert royaume["score"] < 1.0 and royaume["_antecedent"] == [3, 11]


def test_each_description_takes_its_own_kind_of_antecedent(kb: ActorKnowledge) -> None:
    text = ("Boko Haram a enlevé des villageois au Niger, selon l'Union africaine. "
            "L'organisation accuse la secte islamiste ; le gouvernement promet une riposte.")
    assert indirect(tag(kb, "fr", text)) == {
        "organisation": ("AU", "IGO", "organisation"),
        "secte islamiste": ("BOKOHARAM", "REB", "group"),
        "gouvernement": ("NER", "GOV", "group"),
    }


def test_an_uncoded_group_word_is_replaced_by_its_antecedent(kb: ActorKnowledge) -> None:
    actors = tag(kb, "fr", "Al-Qaïda a revendiqué l'attentat. Les djihadistes ont fui.")
    djihadistes = [a for a in actors if a["text"] == "djihadistes"]
    assert len(djihadistes) == 1 and djihadistes[0]["code"] == "ALQAEDA"


def test_no_antecedent_no_mention(kb: ActorKnowledge) -> None:
    assert tag(kb, "fr", "Le pays est calme et le groupe est reparti.") == []
    assert indirect(tag(kb, "fr", "Le Niger a voté. Les pays voisins aussi.")) == {}  # plural: not one country


def test_the_window_is_three_sentences(kb: ActorKnowledge) -> None:
    far = "Le Chili a voté. Il pleut. Il neige. Il vente. Le pays attend."
    near = "Le Chili a voté. Il pleut. Il neige. Le pays attend."
    assert indirect(tag(kb, "fr", far)) == {}
    assert indirect(tag(kb, "fr", near)) == {"pays": ("CHL", None, "country")}  # GOV needs the parse


def test_a_description_that_names_something_new_is_left_alone(kb: ActorKnowledge) -> None:
    text = ("Le Pérou a signé. Le groupe de contact, le groupe Wagner, le régime de Caracas et "
            "l'État-major ont réagi.")
    assert indirect(tag(kb, "fr", text)) == {}


def test_a_country_is_taken_up_from_its_name_not_an_adjective(kb: ActorKnowledge) -> None:
    text = "Le Pérou accueille des soldats chiliens. Le gouvernement de transition du pays a protesté."
    assert indirect(tag(kb, "fr", text)) == {"gouvernement": ("PER", "GOV", "group"),
                                              "pays": ("PER", None, "country")}


def test_a_description_that_is_part_of_a_name_is_left_alone(kb: ActorKnowledge) -> None:
    actors = tag(kb, "fr", "Le Japon a protesté auprès de la République centrafricaine.")
    assert [a["code"] for a in actors] == ["JPN", "CAF"]


def test_english_descriptions(kb: ActorKnowledge) -> None:
    text = ("Norway expelled two diplomats and the Islamic State claimed the attack. "
            "The militants fled; the kingdom closed its border.")
    assert indirect(tag(kb, "en", text)) == {
        "militants": ("ISIL", "REB", "group"),
        "kingdom": ("NOR", None, "country"),
    }


def test_apposition_before_and_after_the_name(kb: ActorKnowledge) -> None:
    text = ("Le vice-ministre chilien de l'Intérieur, Tomas Quilapan Reyes, a rencontré Mme Irena Valdosk, "
            "procureure de la Cour pénale internationale.")
    assert indirect(tag(kb, "fr", text)) == {
        "Tomas Quilapan Reyes": ("CHL", "GOV", "person"),
        "Irena Valdosk": ("ICC", "IGO", "person"),
    }


def test_english_apposition(kb: ActorKnowledge) -> None:
    text = ("Chilean Deputy Interior Minister Tomas Quilapan met Irena Valdosk, "
            "a senior judge of the Supreme Court of Peru.")
    assert indirect(tag(kb, "en", text)) == {
        "Tomas Quilapan": ("CHL", "GOV", "person"),
        "Irena Valdosk": ("PER", "JUD", "person"),
    }


def test_an_unknown_name_after_a_role_is_not_the_role_holder(kb: ActorKnowledge) -> None:
    actors = tag(kb, "fr", "Le président chilien, Tomas Quilapan, a parlé.")
    assert [(a["text"], a["code"], a["kind"]) for a in actors] == [
        ("chilien", "CHL", "country"), ("Tomas Quilapan", "CHL", "person")]


def test_a_name_without_a_title_stays_unknown(kb: ActorKnowledge) -> None:
    assert indirect(tag(kb, "fr", "Tomas Quilapan, un habitant de Lima au Pérou, a parlé.")) == {}


def test_in_memory_knowledge() -> None:
    knowledge = build_indirect_knowledge(
        [{"lang": "fr", "forms": "pays|groupe armé", "antecedent": "country", "sector": "", "source": "test"}],
        [{"lang": "fr", "forms": "Ministre", "sector": "GOV", "source": "test"}])
    assert set(knowledge.descriptions["fr"]) == {"pays", "groupe arme"}
    assert knowledge.titles["fr"] == {"ministre": "GOV"} and knowledge.max_tokens == 2


@pytest.mark.model
def test_a_description_is_a_party_to_an_event(pipeline: Any) -> None:
    text = ("Le Danemark a rappelé son ambassadeur à Oslo. Deux jours plus tard, le royaume a accusé "
            "la Norvège d'espionnage.")
    extraction = pipeline.extract(text, lang="fr", published="2017-01-30")
    royaume = [a for a in extraction.actors if a.text == "royaume"]
    assert royaume and royaume[0].code == "DNK" and royaume[0].score < 1.0
    assert any(e.actor is not None and e.actor.code == "DNK" and e.actor.entity_text == "royaume"
               for e in extraction.events)


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Amnesty International a publié un rapport sur le Niger. Selon l'ONG, la police a tiré."),
    ("en", "Human Rights Watch has met the Kenyan minister. The watchdog said police fired on crowds."),
])
def test_an_ngo_description_takes_the_last_ngo_not_another_organisation(kb: ActorKnowledge, lang: str,
                                                                         text: str) -> None:
    found = indirect(tag(kb, lang, text))
    assert list(found.values()) == [("NGO", "NGO", "organisation")], found


def test_an_ngo_description_with_no_ngo_before_stays_unresolved(kb: ActorKnowledge) -> None:
    assert indirect(tag(kb, "fr", "L'Union africaine a tenu un sommet. L'ONG a protesté.")) == {}


def test_the_hyphenated_united_nations_is_the_un(kb: ActorKnowledge) -> None:
    assert [a["code"] for a in tag(kb, "fr", "Les Nations-Unies ont protesté.")] == ["UN"]
