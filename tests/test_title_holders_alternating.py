"""A title standing alone where two countries' holders of its role were named before takes the
holder of the country its own sentence names (chronique/nlp/title_holders.py); sentences written
for these tests."""

from __future__ import annotations

import pytest
from test_title_holders import _events

from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(coder="rules"))


@pytest.mark.parametrize(("text", "lang", "sentence", "actor"), [
    ("Emmanuel Macron a reçu Joe Biden lundi. En France, le président a critiqué la Russie pour ses menaces.",
     "fr", "le président a critiqué", "FRA"),
    ("Joe Biden a reçu Emmanuel Macron lundi. Aux États-Unis, le président a critiqué la Russie pour ses menaces.",
     "fr", "le président a critiqué", "USA"),
    ("Emmanuel Macron hosted Joe Biden on Monday. In France, the president criticized Russia for its threats.",
     "en", "the president criticized", "FRA"),
    ("Joe Biden hosted Emmanuel Macron on Monday. In the United States, the president criticized Russia for its "
     "threats.", "en", "the president criticized", "USA"),
])
def test_a_title_takes_the_holder_of_the_country_its_sentence_names(pipeline: Pipeline, text: str, lang: str,
                                                                    sentence: str, actor: str) -> None:
    events = [e for e in _events(pipeline, text, lang, sentence) if e.event == "ACCUSE"]
    assert events and all(e.actor is not None and e.actor.code == actor for e in events), events


@pytest.mark.parametrize(("text", "lang", "sentence", "actor"), [
    ("Joe Biden a reçu Emmanuel Macron lundi. Le président a critiqué la Russie pour ses menaces.",
     "fr", "Le président a critiqué", "FRA"),
    ("Joe Biden hosted Emmanuel Macron on Monday. The president criticized Russia for its threats.",
     "en", "The president criticized", "FRA"),
])
def test_with_no_country_in_its_sentence_a_title_takes_the_latest_holder(pipeline: Pipeline, text: str, lang: str,
                                                                        sentence: str, actor: str) -> None:
    events = [e for e in _events(pipeline, text, lang, sentence) if e.event == "ACCUSE"]
    assert events and all(e.actor is not None and e.actor.code == actor for e in events), events


@pytest.mark.parametrize(("text", "lang", "sentence", "actor"), [
    pytest.param("Moscow said on Monday that Ukraine had shelled Belgorod. They also accused Kyiv of targeting "
                 "civilians.", "en", "They also accused", "RUS",
                 marks=pytest.mark.xfail(strict=True, reason="the nearest agreeing subject wins, here the reported "
                                                             "clause's Ukraine (docs/accuracy.md, branch coref)")),
    ("Les autorités russes ont affirmé lundi que l'Ukraine avait bombardé Belgorod. Elles ont aussi accusé Kiev "
     "de viser des civils.", "fr", "Elles ont aussi accusé", "RUS"),
])
def test_a_plural_pronoun_takes_the_state_or_its_government_named_before(pipeline: Pipeline, text: str, lang: str,
                                                                         sentence: str, actor: str) -> None:
    events = [e for e in _events(pipeline, text, lang, sentence) if e.event == "ACCUSE"]
    assert events and all(e.actor is not None and e.actor.code == actor for e in events), events
