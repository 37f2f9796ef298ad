"""Round 7 of issue 17 (places on real pages): the rules' own units, on sentences the team wrote,
and paragraphs through the whole pipeline with gold points."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
import spacy

import chronique.nlp.extensions  # noqa: F401  (the doc extensions)
from chronique.geo.context import Mention, resolve_in_context
from chronique.geo.datelines import dateline_spans
from chronique.geo.joined_names import joined_name_spans
from chronique.geo.lists import list_runs
from chronique.geo.not_places import no_body_head
from chronique.geo.regimes import regime_spans
from chronique.geo.resolve import Resolver
from chronique.geo.written_towns import written_town_spans
from chronique.knowledge.gazetteer import AREA, COUNTRY, REGION, Gazetteer, distance_km, load_gazetteer


@cache
def _gazetteer() -> Gazetteer:
    return load_gazetteer()


def _blank(text: str) -> spacy.tokens.Doc:
    return spacy.blank("en")(text)


def test_a_dateline_in_capitals_is_its_town() -> None:
    known = {"kathmandu", "la crosse"}.__contains__
    doc = _blank("Plane safe, says agency\nKATHMANDU, April 25 (Reuters) - The agency said it.\nLA CROSSE, Wis. (AP) —")
    assert [s.text for s in dateline_spans(doc, lambda t: known(t.lower()))] == ["KATHMANDU", "LA CROSSE"]
    # a heading in capitals has no dateline mark after it; a name inside a line is no dateline
    doc = _blank("Report\nMONEY RETURNED TO STRIKERS SINCE 2016\nThey said KATHMANDU, again.")
    assert dateline_spans(doc, lambda t: True) == []


def test_a_town_before_its_state_needs_no_locative() -> None:
    lookup = _gazetteer().lookup
    doc = _blank("A student of Coeur d’Alene, Idaho, died. Pullman, Washington is quiet. "
                 "Smith, Idaho's senator, spoke.")
    assert [s.text for s in written_town_spans(doc, lookup)] == ["Coeur d’Alene", "Pullman"]


def test_a_place_before_regime_stands_for_its_government() -> None:
    doc = _blank("Kiev regime leaders met the Tehran regime, and a regime fell.")
    found = regime_spans(doc, lambda text: text in ("Kiev", "Tehran"))
    assert [s.text for s in found] == ["Kiev", "Tehran"]


def test_a_country_name_holding_and_is_one_place() -> None:
    lookup = _gazetteer().lookup
    doc = _blank("Observers from Bosnia and Herzegovina and from Trinidad and Tobago met Lewis and Clark.")
    assert [s.text for s in joined_name_spans(doc, lookup)] == ["Bosnia and Herzegovina", "Trinidad and Tobago"]


def test_country_names_of_the_knowledge_base_are_in_the_gazetteer_and_fuzzy_keeps_the_words() -> None:
    g = _gazetteer()
    assert [e.country_code for e in g.lookup("Czech Republic")] == ["CZE"]
    assert all(e.name != "Chechnya" for e, _ in g.fuzzy("Czech Repablic"))  # two words are never one
    assert [e.name for e in g.lookup("Corn Belt")] == ["Corn Belt"]
    assert g.lookup("Great Plains")[0].resolution == AREA


def test_a_misspelling_is_read_only_where_the_article_points() -> None:
    resolver = Resolver(_gazetteer())
    pool, fuzzy = resolver.candidates("Lyssytchansk")
    assert fuzzy and pool
    found = resolver.choose("Lyssytchansk", pool, {"UKR"}, fuzzy).entry
    assert found is not None and found.country_code == "UKR"
    assert resolver.choose("Lyssytchansk", pool, {"FRA"}, fuzzy).entry is None


def test_an_adjective_of_a_longer_region_name_opens_no_body_as_a_place() -> None:
    lookup = _gazetteer().lookup
    assert no_body_head("Federal", lookup)  # "Federal District" of Brazil
    assert no_body_head("Atlantic", lookup)  # an ocean opens "the Atlantic Council"
    assert not no_body_head("Texas", lookup) and not no_body_head("Kyiv", lookup)


def _mentions(text: str, names: list[str]) -> list[Mention]:
    out, at = [], 0
    for name in names:
        start = text.index(name, at)
        out.append(Mention(name, start, start + len(name)))
        at = start + len(name)
    return out


def test_list_runs_are_joined_by_list_words_only() -> None:
    text = "Russia and Georgia talked, while Texas, Ohio or Georgia sued in Paris."
    mentions = _mentions(text, ["Russia", "Georgia", "Texas", "Ohio", "Georgia", "Paris"])
    assert list_runs(text, mentions) == [[0, 1], [2, 3, 4]]
    assert list_runs(text, mentions, skip={3}) == [[0, 1]]


@pytest.mark.parametrize("text,names,country", [
    ("Teams from Ukraine, Moldova and Georgia played.", ["Ukraine", "Moldova", "Georgia"], "GEO"),
    ("Voters in Arizona, Nevada and Georgia decide.", ["Arizona", "Nevada", "Georgia"], "USA"),
    ("Talks between Russia and Georgia resumed while Texas and Georgia sued.", ["Russia", "Georgia"], "GEO"),
])
def test_a_list_member_takes_the_kind_of_the_others(text: str, names: list[str], country: str) -> None:
    resolver = Resolver(_gazetteer())
    found = resolve_in_context(resolver, text, _mentions(text, names), ["USA", "UKR", "RUS"])
    georgia = found[names.index("Georgia")].entry
    assert georgia is not None and georgia.country_code == country
    assert georgia.resolution == (COUNTRY if country == "GEO" else REGION)


def test_a_town_and_its_state_make_no_list() -> None:
    resolver = Resolver(_gazetteer())
    text = "She flew from Athens, Georgia to Moscow, Russia and Tbilisi."
    found = resolve_in_context(resolver, text, _mentions(text, ["Athens", "Georgia", "Moscow", "Russia", "Tbilisi"]))
    athens, georgia = found[0].entry, found[1].entry
    assert athens is not None and athens.country_code == "USA"
    assert georgia is not None and georgia.country_code == "USA"


Point = tuple[float, float]

# Written before this round's rules, from the classes the look pages and the sixth round's report
# named: a dateline in capitals, a town written before its state, "X regime", lists of countries
# and of states, sports clubs named by their town in a sports story (and the same towns as places
# in a story on politics), an organisation named by an acronym and a country, "Federal Government",
# US regions. Points: GeoNames points of towns, the middle of a state or country, the team's points
# of regions (knowledge/data/regions.csv).
ROUND7: list[tuple[str, str, dict[str, tuple[str, Point]], tuple[str, ...]]] = [
    ("en", "Flooding closes roads\nKATHMANDU, June 3 (Reuters) - Heavy rain cut the main road to the capital, "
     "officials said.", {"KATHMANDU": ("NPL", (27.70, 85.32))}, ()),
    ("en", "A nurse of Coeur d’Alene, Idaho, and a teacher of Pullman, Washington, were named on Tuesday.",
     {"Coeur d’Alene": ("USA", (47.68, -116.78)), "Pullman": ("USA", (46.73, -117.18))}, ()),
    ("en", "The spokesman said the Kiev regime had refused the offer again.",
     {"Kiev": ("UKR", (50.45, 30.52))}, ()),
    ("en", "Monitors from Ukraine, Bosnia and Herzegovina and Georgia praised the count, and Washington agreed.",
     {"Georgia": ("GEO", (42.0, 43.5)), "Bosnia and Herzegovina": ("BIH", (44.25, 17.83)),
      "Washington": ("USA", (38.90, -77.04))}, ()),
    ("en", "Lawmakers in Ohio, Georgia and Michigan passed the bill after Washington urged them.",
     {"Georgia": ("USA", (32.75, -83.5))}, ()),
    ("en", "Lorient beat Nice 2-1 in the league on Saturday: the striker scored twice and the coach praised the "
     "stadium. A week later the midfielder signed for West Ham.", {}, ("Lorient", "West Ham")),
    ("fr", "Lorient a battu Nice 2-1 samedi en championnat : le buteur a marqué deux fois et l'entraîneur a "
     "salué le stade. Le match contre Brest aura lieu dimanche.", {}, ("Lorient", "Nice", "Brest")),
    ("en", "The mayor of Lorient met the minister in Nice on Saturday to talk about the harbour.",
     {"Lorient": ("FRA", (47.75, -3.37)), "Nice": ("FRA", (43.70, 7.27))}, ()),
    ("en", "The Federal Government said that CPA Canada would review the audit rules in Ottawa.",
     {"Ottawa": ("CAN", (45.41, -75.70))}, ("Federal", "Canada")),
    ("en", "Storms will cross the Plains on Friday and reach the Corn Belt and the Midwest by Saturday.",
     {"Plains": ("USA", (40.0, -100.0)), "Corn Belt": ("USA", (41.5, -92.0)), "Midwest": ("USA", (42.0, -91.0))},
     ()),
]


@pytest.mark.model
@pytest.mark.parametrize("lang,text,places,not_places", ROUND7, ids=[t[:30] for _, t, _, _ in ROUND7])
def test_round7_paragraph(pipeline: Any, lang: str, text: str, places: dict[str, tuple[str, Point]],
                          not_places: tuple[str, ...]) -> None:
    found = pipeline.extract(text, lang=lang).places
    for name, (country, point) in places.items():
        hits = [p for p in found if p.text == name]
        assert hits, f"{name} not found among {[p.text for p in found]}"
        assert all(p.lat is not None and p.lon is not None and p.country_code == country
                   and distance_km(p.lat, p.lon, *point) <= 161.0 for p in hits), f"{name}: {hits}"
    for name in not_places:
        assert name not in [p.text for p in found], f"{name} is no place here"
