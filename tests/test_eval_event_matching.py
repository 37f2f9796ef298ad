"""Matching of predicted events against sentence-level gold events (fr-wikinews scorer)."""

from __future__ import annotations

from typing import Any

from chronique.eval.events import match_article
from chronique.schema import Event, EventActor, TextInfo


def _event(n: int, kind: str, actor: str, recipient: str | None, start: int = 0) -> Event:
    return Event(id=f"e{n}", event=kind, actor=EventActor(code=actor, entity_text=actor, start=start, end=start + 3),
                 recipient=EventActor(code=recipient, entity_text=recipient, start=start + 5, end=start + 8)
                 if recipient else None,
                 event_text="", text_info=TextInfo(sequence=0, start=start, end=start + 40))


def _gold(kind: str, actor: str, recipient: str | None, co_actors: tuple[str, ...] = (),
          span: tuple[int, int] = (0, 50)) -> dict[str, Any]:
    return {"event": kind, "actor": {"code": actor}, "recipient": {"code": recipient} if recipient else None,
            "co_actors": [{"code": c} for c in co_actors], "sentence_start": span[0], "sentence_end": span[1]}


def test_strict_match_needs_the_main_actor() -> None:
    gold = [_gold("AGREE", "RUS", None, co_actors=("TUR",))]
    predicted = [_event(1, "AGREE", "TUR", None), _event(2, "AGREE", "RUS", None)]
    counts, _, pairs = match_article(gold, predicted, co_parties=False)
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)
    assert pairs[0][1].id == "e2"


def test_co_parties_absorb_the_split_event() -> None:
    gold = [_gold("AGREE", "RUS", None, co_actors=("TUR",))]
    predicted = [_event(1, "AGREE", "TUR", None), _event(2, "AGREE", "RUS", None)]
    counts, _, _ = match_article(gold, predicted, co_parties=True)
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)


def test_prediction_outside_the_span_or_of_another_type_is_a_false_alarm() -> None:
    gold = [_gold("ACCUSE", "USA", "RUS", span=(0, 50))]
    predicted = [_event(1, "ACCUSE", "USA", "RUS", start=100), _event(2, "ASSAULT", "USA", "RUS")]
    counts, per_type, _ = match_article(gold, predicted, co_parties=True)
    assert (counts.tp, counts.fp, counts.fn) == (0, 2, 1)
    assert per_type["ASSAULT"].fp == 1 and per_type["ACCUSE"].fn == 1


def test_dyad_ignores_the_type() -> None:
    gold = [_gold("ACCUSE", "USA", "RUS")]
    counts, _, _ = match_article(gold, [_event(1, "SANCTION", "USA", "RUS")], co_parties=False, dyad=True)
    assert counts.tp == 1


def test_dates_of_reduced_precision() -> None:
    from chronique.eval.events import same_date

    assert same_date("2016-12-29", "2016-12") and same_date("2016-12-29", "2016-12-29")
    assert same_date("2018-03-12", "2018-W11") and same_date("2018-03-18", "2018-W11")
    assert not same_date("2018-03-19", "2018-W11") and not same_date("2016-11-29", "2016-12")
    assert not same_date(None, "2016") and not same_date("2016", None)
