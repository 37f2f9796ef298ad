"""Headline grammar in the rule coder: bare participles are passives, "X to VERB" is future."""

from __future__ import annotations

import pytest

from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.schema import Event


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(coder="rules"))


def _headline_events(pipeline: Pipeline, text: str, lang: str) -> list[Event]:
    first = text.split("\n")[0]
    return [e for e in pipeline.extract(text, lang=lang, published="2024-05-02").events if e.event_text in first]


def test_headline_to_verb_is_future(pipeline: Pipeline) -> None:
    events = _headline_events(pipeline, "Brazil to expel Venezuelan diplomats over border clash\n"
                              "The ministry announced the step on Monday.", "en")
    assert events and all(e.modality == "future" for e in events)
    assert all(e.actor is not None and e.actor.code == "BRA" for e in events)


def test_body_sentence_to_verb_is_not_read_as_a_headline(pipeline: Pipeline) -> None:
    text = "Tensions rise on the border\nBrazil expelled Venezuelan diplomats over a border clash on Monday."
    events = [e for e in pipeline.extract(text, lang="en", published="2024-05-02").events
              if e.event_text.startswith("Brazil")]
    assert events and all(e.modality == "asserted" for e in events)


@pytest.mark.parametrize(("text", "lang"), [
    ("Mayor of Lagos sentenced to five years for fraud\nThe court ruled on Monday.", "en"),
    ("Senator from Ohio accused of bribery by rivals\nThe senator denies it.", "en"),
    ("Un maire de Vendée condamné à deux ans de prison pour corruption\nLe jugement a été rendu lundi.", "fr"),
])
def test_headline_participle_subject_is_no_doer(pipeline: Pipeline, text: str, lang: str) -> None:
    subject = text.split()[0]
    for event in _headline_events(pipeline, text, lang):
        assert event.actor is None or subject.lower() not in (event.actor.entity_text or "").lower()


def test_headline_with_a_kicker_keeps_the_passive(pipeline: Pipeline) -> None:
    text = "SHOCK! Party leader in Kent accused of fraud\nThe leader denies it."
    for event in _headline_events(pipeline, text, "en"):
        assert event.actor is None or "Party" not in (event.actor.entity_text or "")


def test_active_past_headline_keeps_its_doer(pipeline: Pipeline) -> None:
    events = _headline_events(pipeline, "Police arrested twelve protesters outside parliament in Nairobi\n"
                              "The protest was peaceful.", "en")
    assert any(e.event == "COERCE" and e.actor is not None and e.actor.sector == "COP" for e in events)


def test_party_text_ending_a_line_has_no_line_break(pipeline: Pipeline) -> None:
    text = "Soros family gives early financial support to Montana senator Jon Tester\nTester runs again."
    for event in pipeline.extract(text, lang="en", published="2024-05-02").events:
        for party in (event.actor, event.recipient):
            assert party is None or party.entity_text == (party.entity_text or "").strip()


def _coded(pipeline: Pipeline, text: str, lang: str) -> list[Event]:
    return list(pipeline.extract(text, lang=lang, published="2024-05-02").events)


@pytest.mark.parametrize(("text", "lang", "event"), [
    ("Kenya condemns attack on UN convoy\n"
     "Kenya's government condemned on Monday an attack on a UN convoy near the border.", "en", "ACCUSE"),
    ("La France condamne l'attaque contre un convoi de l'ONU\n"
     "Le gouvernement français a condamné lundi l'attaque contre un convoi de l'ONU.", "fr", "ACCUSE"),
])
def test_headline_and_lead_telling_one_act_give_one_event(pipeline: Pipeline, text: str, lang: str,
                                                          event: str) -> None:
    found = [e for e in _coded(pipeline, text, lang) if e.event == event]
    assert len(found) == 1
    assert found[0].actor is not None and found[0].actor.sector == "GOV"  # the lead's fuller party


def test_headline_and_a_later_sentence_are_not_merged(pipeline: Pipeline) -> None:
    text = ("Kenya condemns attack on UN convoy\nThe convoy was hit near the border. Aid workers were hurt. "
            "Trucks burned. Roads closed for hours. Kenya's government condemned on Monday the attack on the UN.")
    assert len([e for e in _coded(pipeline, text, "en") if e.event == "ACCUSE"]) == 2
