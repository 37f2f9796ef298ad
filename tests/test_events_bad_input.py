"""The whole pipeline on awkward input (real models): no crash, no event invented."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def _events(pipeline: Any, text: str, lang: str) -> list[Any]:
    return list(pipeline.extract(text, lang=lang, published="2024-03-01").events)


@pytest.mark.parametrize("lang,text", [
    ("fr", "Il a attaqué, menacé et condamné sans relâche, puis a demandé des excuses."),
    ("en", "They attacked, threatened and condemned, then demanded an apology."),
    ("fr", " ".join(["les manifestations et les attaques se poursuivent"] * 80) + "."),
    ("en", "ATTACK | SANCTIONS | PROTEST | AGREEMENT\n---|---|---|---\n1 | 2 | 3 | 4"),
])
def test_no_actor_means_no_event(pipeline: Any, lang: str, text: str) -> None:
    assert _events(pipeline, text, lang) == []


def test_a_verbless_all_caps_headline_codes_or_stays_silent(pipeline: Any) -> None:
    events = _events(pipeline, "ATTAQUE DE LA RUSSIE CONTRE L'UKRAINE\n\nLa Russie a attaqué l'Ukraine.", "fr")
    assert all(e.actor is not None and e.actor.code for e in events)
    assert any((e.event, e.actor.code, e.recipient and e.recipient.code) == ("ASSAULT", "RUS", "UKR")
               for e in events)


def test_quotes_inside_quotes_and_a_long_run_on_sentence(pipeline: Any, unchecked_rules_pipeline: Any) -> None:
    quoted = ("« La France a dit : \"nous condamnons l'attaque de la Russie contre l'Ukraine\" », "
              "a rapporté un diplomate.")
    run_on = ", ".join(["la Russie a attaqué l'Ukraine et la France a condamné la Russie"] * 45) + "."
    assert len(run_on.split()) > 500
    # the quoted words tell no act of the report's own, so the event check drops them: read without it
    for text, reader in ((quoted, unchecked_rules_pipeline), (run_on, pipeline)):
        events = _events(reader, text, "fr")
        assert events and all(e.text_info.start < e.text_info.end <= len(text) for e in events)
    # "nous condamnons", said by France: the speaker's own act, kept by the check (chronique.coding.no_act)
    assert {(e.event, e.actor and e.actor.code) for e in _events(pipeline, quoted, "fr")} <= {("ACCUSE", "FRA")}
