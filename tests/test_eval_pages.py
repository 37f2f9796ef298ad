"""The judged-pages evaluation: reading judgements and scoring events against them (no page text)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from chronique.errors import KnowledgeError
from chronique.eval.pages import SplitScore, _score_page
from chronique.eval.pages_judged import event_key, load_judged_set, parse_judged_set
from chronique.schema import Article, Event, EventActor, Extraction, TextInfo


def _event(kind: str, actor: str, code: str, text: str) -> Event:
    return Event(id="e", event=kind, actor=EventActor(code=code, entity_text=actor), recipient=None,
                 event_text=text, text_info=TextInfo(sequence=1, start=0, end=len(text)))


def _extraction(*events: Event) -> Extraction:
    return Extraction(article=Article.create("x", language="en"), events=events)


RIGHT = _event("ASSAULT", "Norland", "NRL", "Norland shelled the port.")
WRONG = _event("AID", "Jane Doe", "", "Jane Doe contributed to this report.")
DATA = {"pages": [
    {"file": "a.html", "split": "measure", "political": True,
     "main": {"event": ["ASSAULT"], "actor": ["NRL"]},
     "events": {event_key(RIGHT): True, event_key(WRONG): False}},
    {"file": "b.html", "split": "measure", "political": False},
], "unsupported": {"measure": ["de"]}}


def test_events_are_scored_by_their_key_and_non_political_events_are_wrong() -> None:
    judged = parse_judged_set(DATA)
    score = SplitScore()
    _score_page(judged.pages[0], _extraction(RIGHT, WRONG, _event("SUPPORT", "X", "", "new")), score)
    _score_page(judged.pages[1], _extraction(RIGHT), score)
    assert (score.right, score.wrong, score.unjudged) == (1, 2, 1)
    assert (score.mains, score.mains_found) == (1, 1)
    assert (score.nonpolitical_events, score.nonpolitical_with_events) == (1, 1)
    assert judged.unsupported == (("measure", "de"),)


def test_event_key_holds_no_text() -> None:
    key = event_key(RIGHT)
    assert len(key) == 10 and "Norland" not in key


def test_bad_judgements_are_reported() -> None:
    with pytest.raises(KnowledgeError, match="split"):
        parse_judged_set({"pages": [{"file": "a.html", "split": "train", "political": True}]})
    with pytest.raises(KnowledgeError, match="true/false"):
        parse_judged_set({"pages": [{"file": "a.html", "split": "look", "political": True, "events": {"k": "yes"}}]})


def test_packaged_judged_set_keeps_splits_apart() -> None:
    judged = load_judged_set()
    files = [p.file for p in judged.pages]
    assert len(files) == len(set(files))
    assert {p.split for p in judged.pages} == {"look", "measure"}
    assert any(p.main is not None for p in judged.pages if p.split == "measure")


def test_main_event_must_be_told_as_done() -> None:
    """"Norland to shell the port": an intention, judged wrong as an event, is no main event found;
    the same act reported ("Norland shelled the port, officials said") is."""
    judged = parse_judged_set(DATA)
    for modality, found in (("future", 0), ("conditional", 0), ("negated", 0), ("reported", 1), ("asserted", 1)):
        score = SplitScore()
        _score_page(judged.pages[0], _extraction(replace(RIGHT, modality=modality)), score)
        assert (score.mains, score.mains_found) == (1, found), modality
