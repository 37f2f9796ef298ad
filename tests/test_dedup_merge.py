"""Cross-article merge on fictional events built by hand (no model, no knowledge files)."""

from __future__ import annotations

import itertools
import random

import pytest

from chronique.dedup import (
    compatible,
    date_interval,
    iter_merged,
    merge_events,
    merge_key,
    merged_id,
    places_compatible,
    story_groups,
)
from chronique.schema import Event, EventActor, EventLocation, TextInfo

ARDENIA = EventLocation(extracted_place="Vellmar", resolved_place="Vellmar", geonameid=101,
                        lat=48.0, lon=10.0, country_code="ARD", resolution=4)
NEAR_VELLMAR = EventLocation(extracted_place="Osterbrück", geonameid=102, lat=48.2, lon=10.1,
                             country_code="ARD", resolution=4)  # about 24 km away
FAR_CITY = EventLocation(extracted_place="Kolm", geonameid=103, lat=50.0, lon=14.0,
                         country_code="ARD", resolution=4)
COUNTRY = EventLocation(extracted_place="Ardenia", geonameid=100, lat=46.0, lon=12.0,
                        country_code="ARD", resolution=1)


def ev(eid: str, *, article: str, date: str | None = "2031-03-10", event: str = "AGREE",
       actor: str | None = "ARD", recipient: str | None = "BOR", loc: EventLocation | None = None,
       confidence: float = 0.5, precision: str = "day") -> Event:
    return Event(
        id=eid, event=event,
        actor=EventActor(code=actor, entity_text=f"{actor} ({eid})") if actor else None,
        recipient=EventActor(code=recipient) if recipient else None,
        event_text=f"Sentence of {eid}.", text_info=TextInfo(sequence=1, start=0, end=12),
        date=date, date_precision=precision, event_loc=loc, confidence=confidence, sources=(article,),
    )


def test_merge_key_blocks_on_type_actor_recipient() -> None:
    assert merge_key(ev("a", article="x")) == merge_key(ev("b", article="y", date="2031-05-01"))
    assert merge_key(ev("a", article="x")) != merge_key(ev("b", article="y", event="CONSULT"))
    assert merge_key(ev("a", article="x")) != merge_key(ev("b", article="y", recipient=None))
    assert merge_key(ev("a", article="x")) != merge_key(ev("b", article="y", actor="BOR", recipient="ARD"))


def test_same_event_from_three_articles_keeps_every_source_and_member() -> None:
    events = [ev("e1", article="art1"), ev("e2", article="art2", date="2031-03-11"),
              ev("e3", article="art3", date="2031-03-10")]
    merged = merge_events(events)
    assert len(merged) == 1
    m = merged[0]
    assert m.sources == ("art1", "art2", "art3")
    assert m.event.sources == ("art1", "art2", "art3")
    assert m.member_ids == ("e1", "e2", "e3")
    assert m.event.id == merged_id(["e3", "e1", "e2"])
    assert {e.event_text for e in m.members} == {"Sentence of e1.", "Sentence of e2.", "Sentence of e3."}
    assert m.independent_sources == 3


def test_day_window_is_respected_and_does_not_chain() -> None:
    # 10 ~ 11 and 11 ~ 12, but 10 and 12 are two days apart: no chain merges all three.
    events = [ev("e1", article="a"), ev("e2", article="b", date="2031-03-11"),
              ev("e3", article="c", date="2031-03-12")]
    sizes = sorted(len(m.members) for m in merge_events(events))
    assert sizes == [1, 2]
    assert len(merge_events(events, window_days=2)) == 1
    assert len(merge_events([ev("e1", article="a"), ev("e2", article="b", date="2031-03-12")])) == 2


def test_month_precision_is_a_wider_window() -> None:
    month = ev("m", article="a", date="2031-03", precision="month")
    assert compatible(month, ev("d", article="b", date="2031-03-28"))
    assert compatible(month, ev("d", article="b", date="2031-04-01"))  # the window spills one day over
    assert not compatible(month, ev("d", article="b", date="2031-04-03"))
    assert date_interval("2031-02") is not None and date_interval("2031-02")[1].day == 28  # type: ignore[index]
    assert date_interval("2031-W10") is not None
    assert date_interval("PRESENT_REF") is None


def test_undated_events_never_merge() -> None:
    assert len(merge_events([ev("a", article="x", date=None), ev("b", article="y", date=None)])) == 2


def test_place_compatibility() -> None:
    assert places_compatible(ARDENIA, None)
    assert places_compatible(None, None)
    assert places_compatible(ARDENIA, NEAR_VELLMAR)
    assert not places_compatible(ARDENIA, FAR_CITY)
    assert places_compatible(COUNTRY, FAR_CITY)  # the country contains the city
    same_id_far = EventLocation(geonameid=101, lat=0.0, lon=0.0)
    assert places_compatible(ARDENIA, same_id_far)
    merged = merge_events([ev("a", article="x", loc=ARDENIA), ev("b", article="y", loc=FAR_CITY)])
    assert len(merged) == 2


def test_fields_follow_the_fixed_rule() -> None:
    low = ev("aaa", article="x", confidence=0.4, loc=ARDENIA)
    high = ev("zzz", article="y", confidence=0.9, date="2031-03-11")
    tie = ev("mmm", article="z", confidence=0.9)
    m = merge_events([low, high, tie])[0]
    assert m.event.actor is not None and m.event.actor.entity_text == "ARD (mmm)"  # tie broken by id
    assert m.event.confidence == 0.9
    assert m.event.date == "2031-03-10"
    assert m.event.event_loc == ARDENIA  # the best member lacks a place: the next one's is kept


def test_copies_of_one_story_count_once() -> None:
    events = [ev("e1", article="wire"), ev("e2", article="copy"), ev("e3", article="own")]
    m = merge_events(events, duplicates=[("copy", "wire", 0.93)])[0]
    assert m.sources == ("copy", "own", "wire")
    assert m.independent_sources == 2
    assert merge_events(events[:2], duplicates=[("copy", "wire", 0.93)])[0].independent_sources == 1


def test_story_groups_union_find() -> None:
    groups = story_groups([("b", "c", 0.9), ("a", "b", 0.85), ("x", "y", 0.8)])
    assert groups == {"a": "a", "b": "a", "c": "a", "x": "x", "y": "x"}


def _world() -> list[Event]:
    rng = random.Random(7)
    out = []
    for i in range(40):
        out.append(ev(
            f"ev{i:02d}", article=f"art{i % 9}", date=f"2031-03-{rng.randint(1, 6):02d}",
            event=rng.choice(["AGREE", "ASSAULT"]), recipient=rng.choice(["BOR", None]),
            loc=rng.choice([None, ARDENIA, NEAR_VELLMAR, FAR_CITY, COUNTRY]),
            confidence=rng.choice([0.3, 0.5, 0.9]),
        ))
    return out


def _canon(result: list) -> list:  # type: ignore[type-arg]
    return [(m.event, m.member_ids, m.sources, m.independent_sources) for m in result]


@pytest.mark.parametrize("seed", range(12))
def test_merge_is_order_independent(seed: int) -> None:
    world = _world()
    dups = [("art1", "art2", 0.9), ("art5", "art2", 0.81)]
    expected = _canon(merge_events(world, duplicates=dups))
    shuffled = world[:]
    random.Random(seed).shuffle(shuffled)
    assert _canon(merge_events(shuffled, duplicates=list(reversed(dups)))) == expected
    # every input event lands in exactly one merged event
    assert sorted(i for m in expected for i in m[1]) == sorted(e.id for e in world)


def test_all_permutations_of_a_small_chain() -> None:
    events = [ev("p", article="a", date="2031-03-10"), ev("q", article="b", date="2031-03-11"),
              ev("r", article="c", date="2031-03-12"), ev("s", article="d", date="2031-03-11", loc=FAR_CITY)]
    results = {tuple(_canon(merge_events(p))) for p in itertools.permutations(events)}  # type: ignore[arg-type]
    assert len(results) == 1


def test_duplicate_input_records_are_one_member() -> None:
    e = ev("same", article="x")
    merged = merge_events([e, e])
    assert len(merged) == 1 and merged[0].member_ids == ("same",)


def test_streaming_merge_matches_the_batch_merge() -> None:
    world = _world()
    grouped = sorted(world, key=merge_key)
    assert sorted(_canon(list(iter_merged(grouped))), key=lambda t: t[0].id) == _canon(merge_events(world))
    with pytest.raises(ValueError, match="grouped by merge key"):
        list(iter_merged([ev("a", article="x"), ev("b", article="y", event="CONSULT"), ev("c", article="z")]))
