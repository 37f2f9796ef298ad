"""English trigger families, second round (data/events_en.yaml v4).

Lexicon-level cases need no model: lemmas go in, the longest trigger at a head comes out. The
model-backed cases run the whole pipeline on sentences written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from lexicon_helpers import first_coded, lemma_matches, plover_event, top_en

from chronique.knowledge.lexicon import EventLexicon

_matches, _event = lemma_matches, plover_event


def test_every_trigger_word_is_a_string_in_the_yaml() -> None:
    """YAML 1.1 reads bare off/on/no/yes as booleans: a trigger ("call off") or a negation word
    written bare would silently become "false"/"true" and never match."""
    from importlib import resources

    text = resources.files("chronique.knowledge").joinpath("data", "events_en.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    for item in data["triggers"]:
        words = item["match"] if isinstance(item["match"], list) else [item["match"]]
        assert all(isinstance(w, str) for w in words), item
    for key in ("speech", "future", "conditional", "obligation", "threat_markers", "negation", "pronouns"):
        assert all(isinstance(w, str) for w in data.get(key) or []), key


def test_no_is_a_negation_word(lexicon: EventLexicon) -> None:
    assert "no" in lexicon.negation and "false" not in lexicon.negation


@pytest.mark.parametrize(("lemmas", "event", "cameo"), [
    # calling one's own protest off is a concession (CAMEO 082)
    ("union call off the strike", "CONCEDE", "082"),
    ("opposition call off a rally", "CONCEDE", "082"),
    ("farmer cancel the boycott", "CONCEDE", "082"),
    ("union end the boycott", "CONCEDE", "082"),
    ("party call off its plan", "CONCEDE", "080"),
    # "call on" asks
    ("minister call on the rebel to disarm", "REQUEST", "100"),
    # cancelling a meeting rejects it (PLOVER manual); breaking off talks halts negotiations
    ("minister cancel a planned visit", "REJECT", "120"),
    ("president call off the summit", "REJECT", "120"),
    ("rebel break off talk with the government", "SANCTION", "164"),
    ("government suspend negotiation with the union", "SANCTION", "164"),
    ("state break off relation with its neighbour", "SANCTION", "161"),
    # declaring a ceasefire concedes; observing one retreats
    ("militia declare a unilateral ceasefire", "CONCEDE", "0871"),
    ("army observe the ceasefire", "RETREAT", "0871"),
    # a request restated
    ("agency renew its call for talk", "REQUEST", "100"),
    ("union reiterate its demand that the state", "REQUEST", "100"),
])
def test_family_codes(lexicon: EventLexicon, lemmas: str, event: str, cameo: str) -> None:
    assert first_coded(lexicon, lemmas) == (event, cameo), lemmas


def test_call_off_absorbs_the_called_off_act(lexicon: EventLexicon) -> None:
    first = _matches(lexicon, "union call off the strike")[0]
    assert first.trigger.embeds == "content"


def test_supply_as_a_noun_is_no_aid(lexicon: EventLexicon) -> None:
    noun = _matches(lexicon, "the power supply be down", {1: "NOUN"})
    assert not any(m.trigger.words == ("supply",) for m in noun)
    verb = _matches(lexicon, "France supply food to the town")
    assert verb and _event(verb[0]) == "AID"


@pytest.mark.model
@pytest.mark.parametrize(("text", "event"), [
    ("Nigerian teachers called off their strike on Monday after talks with the government.", "CONCEDE"),
    ("The Kenyan opposition said it had called off Friday's march in Nairobi.", "CONCEDE"),
    ("Chad declared a unilateral ceasefire on Sunday in its war with Sudan.", "CONCEDE"),
    ("Sweden called on Ethiopia to release the detained journalists.", "REQUEST"),
])
def test_pipeline_codes_the_family(pipeline: Any, text: str, event: str) -> None:
    top = top_en(pipeline, text)
    assert top is not None and top.event == event, (text, top and (top.event, top.cameo))


@pytest.mark.model
def test_called_off_strike_is_not_a_strike(pipeline: Any) -> None:
    events = pipeline.extract("Nigerian teachers called off their strike on Monday.", lang="en").events
    assert not any(e.event == "PROTEST" for e in events)
