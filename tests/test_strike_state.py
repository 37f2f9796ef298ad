"""A strike told as a state with the copula ("are on strike", "sont en grève") names its strikers:
the subject (lexicon entries in events_en.yaml / events_fr.yaml); sentences written for these tests."""

from __future__ import annotations

import pytest

from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(coder="rules"))


@pytest.mark.parametrize(("text", "lang"), [
    ("Nigerian unions have been on strike since Monday over the fuel price.", "en"),
    ("Les syndicats du Nigeria sont en grève depuis lundi contre la hausse du carburant.", "fr"),
])
def test_copula_strike_codes_the_subject_as_striker(pipeline: Pipeline, text: str, lang: str) -> None:
    events = pipeline.extract(text, lang=lang, published="2024-05-02").events
    assert any(e.event == "PROTEST" and e.mode == "strike" and e.actor is not None and e.actor.code == "NGA"
               for e in events), events


@pytest.mark.parametrize(("text", "lang"), [
    ("Nigeria is bracing for a strike by the unions next week.", "en"),
    ("Le Nigeria est prêt à une grève des syndicats la semaine prochaine.", "fr"),
])
def test_copula_near_a_strike_noun_is_no_strike_state(pipeline: Pipeline, text: str, lang: str) -> None:
    events = pipeline.extract(text, lang=lang, published="2024-05-02").events
    assert not any(e.event == "PROTEST" and e.actor is not None and e.actor.code == "NGA"
                   and e.actor.entity_text in ("Nigeria",) and e.modality == "asserted" for e in events), events
