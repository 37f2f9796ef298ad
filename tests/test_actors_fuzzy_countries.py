"""Misspelt country names and adjectives: one edit away from a single country, in a token nothing
else explains, they give that country's actor with a lower score; otherwise nothing."""

from __future__ import annotations

from typing import Any

import numpy
import pytest
import spacy
from actor_helpers import tag_actors

from chronique.knowledge.actors import ActorKnowledge, fold, load_actor_knowledge
from chronique.nlp.actors import ActorTagger
from chronique.nlp.anaphora import load_indirect_knowledge
from chronique.nlp.extensions import register_extensions


@pytest.fixture(scope="module")
def kb() -> ActorKnowledge:
    return load_actor_knowledge()


def coded(actors: list[dict[str, Any]]) -> dict[str, str | None]:
    return {a["text"]: a["code"] for a in actors}


def test_a_misspelt_english_country_name_is_that_country_with_a_lower_score(kb: ActorKnowledge) -> None:
    actors = tag_actors(kb, "en", "Talks stalled after Ethopia closed the border crossing with Kenya.")
    assert coded(actors) == {"Ethopia": "ETH", "Kenya": "KEN"}
    guess = next(a for a in actors if a["text"] == "Ethopia")
    assert guess["name"] == "Ethiopia" and guess["kind"] == "country"
    assert 0.8 < guess["score"] < 1.0


def test_a_misspelt_english_adjective_keeps_its_sector_word(kb: ActorKnowledge) -> None:
    actors = tag_actors(kb, "en", "Witnesses saw Ukranian troops near the bridge.")
    assert [(a["text"], a["code"], a["sector"]) for a in actors] == [("Ukranian troops", "UKR", "MIL")]
    assert actors[0]["score"] < 0.85  # the exact "Ukrainian troops" scores 0.85


def test_a_misspelt_french_adjective_in_lower_case(kb: ActorKnowledge) -> None:
    actors = tag_actors(kb, "fr", "Les autorités ukrainiennnes ont rouvert le poste-frontière mardi.")
    assert [(a["text"], a["code"], a["sector"]) for a in actors] == [("autorités ukrainiennnes", "UKR", "GOV")]


def test_close_pairs_stay_apart(kb: ActorKnowledge) -> None:
    exact = tag_actors(kb, "en", "Envoys from Iraq, Iran, Austria, Australia, Gambia and Zambia met in Geneva.")
    assert [a["code"] for a in exact] == ["IRQ", "IRN", "AUT", "AUS", "GMB", "ZMB"]
    assert all(a["score"] == 1.0 for a in exact)
    # short keys are never guessed; "Austrlia" is one edit from Austria and from Australia
    typos = tag_actors(kb, "en", "Envoys from Irqa, Irann and Austrlia met in Geneva.")
    assert [a["code"] for a in typos] == []


def test_two_countries_equally_close_give_nothing(kb: ActorKnowledge) -> None:
    # "nigérianne": one edit from "nigériane" (Nigeria) and from "nigérienne" (Niger)
    assert kb.fuzzy_country(fold("nigérianne"), "fr", lower=True) is None
    actors = tag_actors(kb, "fr", "Les soldats nigérianne ont quitté la ville.")
    assert all(a["code"] not in ("NGA", "NER") for a in actors)


def test_lower_case_english_words_and_short_words_are_not_guessed(kb: ActorKnowledge) -> None:
    # English adjectives are capitalised: "germane" is a word, not a misspelt "German"
    assert tag_actors(kb, "en", "The point was germane to the discussion.") == []
    assert kb.fuzzy_country(fold("romain"), "fr", lower=True) is None  # six letters: too short in lower case


def test_plurals_of_names_and_early_slips_are_not_guessed(kb: ActorKnowledge) -> None:
    # "Americas" is America's plural (one edit from "Americans"); "Fujian" differs from "Fijian" in
    # its second letter, where a real typo seldom falls
    assert tag_actors(kb, "en", "Exports from Fujian to the Americas rose sharply.") == []
    assert kb.fuzzy_country("ethopia", "en", lower=False) is not None


def test_a_known_place_is_not_a_misspelt_country(kb: ActorKnowledge) -> None:
    register_extensions()
    text = "Lawmakers from the District of Columbia asked for a vote."
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    def tag(known_place: Any) -> list[Any]:
        doc = nlp(text)
        doc._.ch_published, doc._.ch_lang = "2021-03-01", "en"
        return [a["code"] for a in ActorTagger("en", kb, load_indirect_knowledge(), known_place)(doc)._.ch_actors]

    assert tag(None) == ["COL"]  # "Columbia" is one edit from "Colombia"
    assert tag(lambda name: name == "Columbia") == []


def test_a_word_the_model_knows_is_not_a_misspelt_adjective(kb: ActorKnowledge) -> None:
    """Word vectors as the model's word list: a token with a vector row of its own is a real word
    ("romaine", the lettuce); one sharing the country word's row is that word's variant."""
    register_extensions()
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    nlp.vocab.set_vector("romaine", numpy.ones(4, dtype="float32"))
    nlp.vocab.set_vector("roumaine", numpy.full(4, 2.0, dtype="float32"))
    nlp.vocab.vectors.add("roumainne", row=nlp.vocab.vectors.find(key="roumaine"))

    def codes(text: str) -> list[Any]:
        doc = nlp(text)
        doc._.ch_published, doc._.ch_lang = "2021-03-01", "fr"
        return [a["code"] for a in ActorTagger("fr", kb)(doc)._.ch_actors]

    assert codes("Il a commandé une salade romaine.") == []
    assert codes("La police roumainne a confirmé.") == ["ROU"]
    assert codes("La police roumiane a confirmé.") == ["ROU"]  # no vector: unknown to the model, guessed


def test_the_guess_is_remembered_and_forgotten_when_the_dictionary_changes() -> None:
    kb = load_actor_knowledge()
    first = kb.fuzzy_country("ethopia", "en", lower=False)
    assert first is not None and first[0][0].entry.code == "ETH"
    assert len(kb._country_memo) == 1
    assert kb.fuzzy_country("ethopia", "en", lower=False) == first
    kb.add(first[0][0].entry, ["Ethopia"])  # now an alias: never fuzzed
    assert len(kb._country_memo) == 0 and kb.fuzzy_country("ethopia", "en", lower=False) is None


@pytest.mark.model
def test_misspelt_countries_through_the_pipeline(pipeline: Any) -> None:
    fr = pipeline.extract("Les autorités ukrainiennnes ont dénoncé une décision du droit romain.",
                          lang="fr", published="2023-05-02").actors
    assert [(a.text, a.code) for a in fr] == [("autorités ukrainiennnes", "UKR")]  # "romain" is a word
    en = pipeline.extract("Ethopia said on Monday that it would reopen the border. Lawmakers in Indiana "
                          "disagreed.", lang="en", published="2023-05-02").actors
    assert [(a.text, a.code, a.sector) for a in en] == [("Ethopia", "ETH", "GOV")]
    assert en[0].score < 1.0
