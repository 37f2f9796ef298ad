"""English trigger families, third round (data/events_en.yaml v5).

Lexicon-level cases need no model: lemmas go in, the longest trigger at a head comes out. The
model-backed cases run the whole pipeline on sentences written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from lexicon_helpers import first_coded, lemma_matches, plover_event, top_en

from chronique.knowledge.lexicon import EventLexicon, load_event_lexicon

_matches, _event = lemma_matches, plover_event


@pytest.mark.parametrize(("lemmas", "event", "cameo"), [
    # acting against a ban or curfew defies a norm (CAMEO 128)
    ("student defy the curfew in the capital", "REJECT", "128"),
    ("paper violate a ban on report", "REJECT", "128"),
    ("trader flout the embargo on oil", "REJECT", "128"),
    # turning down what was asked
    ("rebel dismiss an appeal from the bishop", "REJECT", "120"),
    ("minister dismiss the call for talk", "REJECT", "120"),
    ("cabinet turn the offer down", "REJECT", "120"),
    # withdrawing or expelling peacekeepers, observers (CAMEO 166x)
    ("Ghana withdraw its peacekeeper from Liberia", "SANCTION", "1661"),
    ("junta expel the UN observer", "SANCTION", "1662"),
    ("state expel two diplomat", "SANCTION", "166"),
    # a reduction of relations told as a noun
    ("Spain announce a suspension of all air link", "SANCTION", "160"),
    ("Kenya confirm the suspension of aid to the region", "SANCTION", "162"),
    # moving people out of danger is humanitarian aid
    ("helicopter evacuate the wounded from the town", "AID", "073"),
    ("navy evacuate civilian from the port", "AID", "073"),
    # letting a party act eases restrictions
    ("court allow the candidate to run", "CONCEDE", "081"),
    ("junta restore press freedom", "CONCEDE", "0811"),
    ("parliament legalize opposition party", "CONCEDE", "0812"),
    # more police on the ground
    ("governor order patrol in the city", "MOBILIZE", "153"),
    ("ministry deploy police around the square", "MOBILIZE", "153"),
])
def test_family_codes(lexicon: EventLexicon, lemmas: str, event: str, cameo: str) -> None:
    assert first_coded(lexicon, lemmas) == (event, cameo), lemmas


def test_bare_evacuation_stays_a_withdrawal(lexicon: EventLexicon) -> None:
    """Only people moved out of danger make evacuation aid; a base or a town evacuated is a pull-out."""
    first = _matches(lexicon, "army evacuate the base")[0]
    assert _event(first) == "RETREAT"


def test_bare_withdrawal_stays_a_retreat(lexicon: EventLexicon) -> None:
    first = _matches(lexicon, "army withdraw its troop from the border")[0]
    assert (_event(first), first.trigger.cameo) == ("RETREAT", "087")


def test_defiance_absorbs_the_ban(lexicon: EventLexicon) -> None:
    first = _matches(lexicon, "crowd defy the ban on rally")[0]
    assert first.trigger.embeds == "content"


def test_allow_is_weak(lexicon: EventLexicon) -> None:
    """"allow" is common in law and process prose: it needs its actor from the parse."""
    first = _matches(lexicon, "rule allow the vote")[0]
    assert first.trigger.weak


@pytest.mark.model
@pytest.mark.parametrize(("text", "event"), [
    ("Guatemala's electoral court decided to allow the former general to stand in the presidential vote.",
     "CONCEDE"),
    ("Somali militias on Tuesday dismissed an appeal from Kenya to hand over their weapons.", "REJECT"),
    ("Portugal announced a suspension of flights to Angola on Thursday.", "SANCTION"),
    ("Red Cross helicopters evacuated the wounded from the Lebanese village of Qana.", "AID"),
])
def test_pipeline_codes_the_family(pipeline: Any, text: str, event: str) -> None:
    top = top_en(pipeline, text)
    assert top is not None and top.event == event, (text, top and (top.event, top.cameo))


@pytest.mark.model
def test_defied_ban_is_not_a_ban(pipeline: Any) -> None:
    events = pipeline.extract("Egyptian students defied a ban on rallies in Cairo on Monday.", lang="en").events
    assert not any(e.event == "COERCE" for e in events)


@pytest.mark.parametrize("verb", ["lift", "remove", "drop", "lower", "dismantle", "scrap"])
def test_removing_barriers_eases_restrictions(verb: str) -> None:
    lexicon = load_event_lexicon("en")
    lemmas = ["the", "ministry", verb, "trade", "barrier"]
    pos = ["DET", "NOUN", "VERB", "NOUN", "NOUN"]
    found = [m.trigger for m in lexicon.match(lemmas, lemmas, pos) if "barrier" in m.trigger.words]
    assert found and found[0].cameo == "081" and found[0].event == "CONCEDE"
