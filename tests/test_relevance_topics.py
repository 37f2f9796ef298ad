"""The relevance gate on texts with no politics: short texts weighed by their topic words, events of
off-topic sentences dropped inside political articles, sport senses of "defence" and "offensive";
every text written for these tests (chronique/nlp/relevance.py)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from chronique.knowledge.relevance import RelevanceCues, load_relevance
from chronique.nlp.extensions import register_extensions
from chronique.nlp.relevance import assess, gate
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline

CUES = RelevanceCues({"en": frozenset({"minister", "army", "police"})}, frozenset({"GOV"}), 2, 0.2,
                     min_article_sentences=5, off_topic={"en": frozenset({"league", "striker", "match"})},
                     min_topic_ratio=1.5)


def _doc(sentences: list[list[str]]) -> Doc:
    register_extensions()
    words = [w for s in sentences for w in s]
    starts = [i == 0 for s in sentences for i in range(len(s))]
    doc = Doc(spacy.blank("en").vocab, words=words, sent_starts=starts, lemmas=[w.lower() for w in words])
    doc._.ch_actors = []
    return doc


def _event_in(doc: Doc, sentence: int, code: str = "NRL") -> dict[str, Any]:
    sent = list(doc.sents)[sentence]
    return {"event": "ASSAULT", "actor": {"code": code}, "recipient": {"code": "KSA"},
            "text_info": {"sequence": sentence + 1, "start": sent.start_char, "end": sent.end_char}}


@pytest.mark.parametrize("sentences", [
    [["The", "army", "attacked", "the", "rebel", "camp", "at", "dawn", "."]],
    # one sentence with a word of another section may still tell a political act
    [["Norland", "agreed", "to", "lift", "its", "ban", "on", "Kessa", "match", "imports", "."]],
])
def test_short_text_is_coded_as_given(sentences: list[list[str]]) -> None:
    doc = _doc(sentences)
    record = assess(doc, CUES, "en")
    assert not record["gated"] and record["relevant"]
    event = _event_in(doc, 0)
    assert gate(doc, [event], CUES, "en", record) == [event]


def test_event_of_an_off_topic_sentence_is_dropped_whatever_its_parties() -> None:
    doc = _doc([["The", "minister", "resigned", "on", "Monday", "morning", "."],
                ["The", "army", "took", "the", "capital", "by", "noon", "."],
                ["The", "police", "closed", "every", "road", "."],
                ["The", "minister", "left", "the", "country", "."],
                ["Norland", "beat", "Kessa", "in", "the", "league", "match", "."],
                ["The", "army", "shelled", "Kessa", "overnight", "."]])
    record = assess(doc, CUES, "en")
    assert record["gated"] and record["relevant"]
    sport, war = _event_in(doc, 4), _event_in(doc, 5)
    assert gate(doc, [sport, war], CUES, "en", record) == [war]


def test_sport_senses_of_defence_need_a_second_cue() -> None:
    cues = load_relevance()
    assert {"defence", "defense", "offensive"} <= cues.weak_of("en")
    assert {"défense", "offensive"} <= cues.weak_of("fr")
    assert {"derby", "footballer", "forecaster"} <= cues.off_topic_of("en")
    assert {"derby", "footballeur", "orage"} <= cues.off_topic_of("fr")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(coder="rules"))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Harbour town braces for the storm\nA storm battered the harbour town overnight.\n"
           "Waves attacked the sea wall and flooded the streets near the port.\n"
           "Forecasters expect the wind to ease on Thursday, with rain spreading east.\n"
           "The temperature will fall to four degrees by the weekend.\n"
           "Ferries to the islands stay in port until further notice."),
    ("fr", "La Norvège bat la Suède en match amical\nLa Norvège a battu la Suède 3-1 mardi soir au stade.\n"
           "L'attaque norvégienne a frappé trois fois en première mi-temps.\n"
           "La défense suédoise a cédé face aux offensives répétées de l'ailier.\n"
           "L'entraîneur a salué la bataille livrée par ses joueurs.\n"
           "Le club reprend le championnat samedi."),
])
def test_pages_with_no_politics_give_no_events(pipeline: Pipeline, lang: str, text: str) -> None:
    assert not pipeline.extract(text, lang=lang, published="2024-05-02").events


def test_political_brief_keeps_its_event(pipeline: Pipeline) -> None:
    text = "Norway's army shelled rebel positions near the border on Tuesday, the defence ministry said."
    events = pipeline.extract(text, lang="en", published="2024-05-02").events
    assert any(e.event == "ASSAULT" for e in events), events


def test_sport_sentence_of_a_political_article_gives_no_event(pipeline: Pipeline) -> None:
    text = ("Norway expels Swedish diplomats\n"
            "Norway expelled two Swedish diplomats on Monday, the foreign ministry said.\n"
            "The government accused them of spying on an opposition party.\n"
            "Sweden's prime minister called the decision absurd.\n"
            "On Sunday, Norway beat Sweden 3-1 in the league match at a packed stadium.\n"
            "The ambassador was summoned to the ministry in Oslo.")
    events = pipeline.extract(text, lang="en", published="2024-05-02").events
    assert events and not any("league" in e.event_text for e in events), events
