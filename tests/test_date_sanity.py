"""Date sanity: numbers inside names are no dates; an act dated after publication is future
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from chronique.nlp.date_names import number_in_name
from chronique.nlp.screen import _future_modality, after_publication
from chronique.temporal.timex import Timex

CALENDAR = {"june", "juin", "may", "monday", "lundi"}


def _in_name(text: str, number: str) -> bool:
    i = text.index(number)
    return number_in_name(text, Timex(i, i + len(number), number, number), CALENDAR)


@pytest.mark.parametrize(("text", "number"), [
    ("The ministry ordered forty PzH 2000 howitzers for the artillery.", "2000"),
    ("A battery of IRIS-T SLM 2024 launchers reached the front.", "2024"),
    ("Les députés ont voté la loi n° 2021 sur le renseignement.", "2021"),
    ("Le décret 2022-1109 fixe les règles.", "2022"),
    ("The council adopted its Agenda 2030 plan on Monday.", "2030"),
])
def test_numbers_in_names_are_not_dates(text: str, number: str) -> None:
    assert _in_name(text, number)


@pytest.mark.parametrize(("text", "number"), [
    ("In 2019, rebels seized the northern town.", "2019"),
    ("The army said in June 2022 that the border was closed.", "2022"),
    ("Les rebelles ont attaqué la ville en 2019.", "2019"),
    ("The talks failed. Since 2014 the two sides have not met.", "2014"),
])
def test_years_stay_dates(text: str, number: str) -> None:
    assert not _in_name(text, number)


def test_after_publication_compares_at_the_coarser_precision() -> None:
    assert after_publication("2027", "2024-05-01")
    assert after_publication("2024-06", "2024-05-01")
    assert not after_publication("2024", "2024-05-01")
    assert not after_publication("2024-05-01", "2024-05-01")
    assert not after_publication(None, "2024-05-01")


def test_an_asserted_act_dated_after_publication_becomes_future() -> None:
    events = [{"modality": "asserted", "date": "2027"}, {"modality": "asserted", "date": "2023-02"},
              {"modality": "negated", "date": "2027"}]
    assert [e["modality"] for e in _future_modality(events, "2024-05-01")] == ["future", "asserted", "negated"]


@pytest.mark.model
def test_weapon_designation_gives_no_event_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The Norland army received twelve PzH 2000 howitzers from Sorvia on Tuesday, the ministry said."
    extraction = pipeline.extract(text, lang="en", published="2024-05-01")
    assert all(t.value != "2000" for t in extraction.times)
    assert all(e.date != "2000" for e in extraction.events)
