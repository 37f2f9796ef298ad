"""Article-context resolution (geo.context): a town's written container and the regions in focus
pick among namesakes; a foreign big city is never pulled into the region in focus."""

from __future__ import annotations

from chronique.geo.context import Mention, containers, inside, resolve_in_context
from chronique.geo.resolve import Resolver
from chronique.knowledge.gazetteer import CITY, COUNTRY, REGION, Gazetteer, GeoEntry

FLORIDA = GeoEntry("Florida", 28.75, -82.5, "USA", "A", REGION, geonameid=4155751, admin1="FL")
GEORGIA_US = GeoEntry("Georgia", 32.75, -83.5, "USA", "A", REGION, geonameid=4197000, admin1="GA")
WEST_VIRGINIA = GeoEntry("West Virginia", 38.5, -80.5, "USA", "A", REGION, geonameid=4826850, admin1="WV")
SOUTH_CAROLINA = GeoEntry("South Carolina", 34.0, -81.0, "USA", "A", REGION, geonameid=4597040, admin1="SC")
TEXAS = GeoEntry("Texas", 31.25, -99.25, "USA", "A", REGION, geonameid=4736286, admin1="TX")
GEORGIA = GeoEntry("Georgia", 42.0, 43.5, "GEO", "A", COUNTRY, geonameid=614540)
USA = GeoEntry("United States", 39.76, -98.5, "USA", "A", COUNTRY, geonameid=6252001)
FRANCE = GeoEntry("France", 46.0, 2.0, "FRA", "A", COUNTRY, geonameid=3017382)
KERALA = GeoEntry("Kerala", 10.5, 76.3, "IND", "A", REGION)
GAINESVILLE_FL = GeoEntry("Gainesville", 29.65, -82.32, "USA", "P", CITY, geonameid=4156404, population=133_000,
                          admin1="FL")
GAINESVILLE_GA = GeoEntry("Gainesville", 34.3, -83.82, "USA", "P", CITY, geonameid=4196586, population=42_000,
                          admin1="GA")
CHARLESTON_SC = GeoEntry("Charleston", 32.78, -79.93, "USA", "P", CITY, geonameid=4574324, population=150_000,
                         admin1="SC")
CHARLESTON_WV = GeoEntry("Charleston", 38.35, -81.63, "USA", "P", CITY, geonameid=4801859, population=49_000,
                         admin1="WV")
PARIS_FR = GeoEntry("Paris", 48.85, 2.35, "FRA", "P", CITY, geonameid=2988507, population=2_100_000)
PARIS_TX = GeoEntry("Paris", 33.66, -95.56, "USA", "P", CITY, geonameid=4717560, population=25_000, admin1="TX")
LENS_FR = GeoEntry("Lens", 50.43, 2.83, "FRA", "P", CITY, geonameid=2998150, population=32_000)
LENS_BE = GeoEntry("Lens", 50.56, 3.9, "BEL", "P", CITY, geonameid=2793656, population=4_000)
ONTARIO = GeoEntry("Ontario", 50.0, -85.0, "CAN", "A", REGION, geonameid=6093943)
LONDON_UK = GeoEntry("London", 51.51, -0.13, "GBR", "P", CITY, geonameid=2643743, population=8_900_000)
LONDON_ON = GeoEntry("London", 42.98, -81.23, "CAN", "P", CITY, geonameid=6058560, population=346_000)
KOCHI_IN = GeoEntry("Kochi", 9.94, 76.26, "IND", "P", CITY, geonameid=1273874, population=600_000)
KOCHI_JP = GeoEntry("Kochi", 33.56, 133.53, "JPN", "P", CITY, geonameid=1859146, population=330_000)


def resolver() -> Resolver:
    entries = [(e, []) for e in (FLORIDA, GEORGIA_US, GEORGIA, TEXAS, WEST_VIRGINIA, SOUTH_CAROLINA, USA, FRANCE,
                                 KERALA, GAINESVILLE_FL, GAINESVILLE_GA, CHARLESTON_SC, CHARLESTON_WV, PARIS_FR,
                                 PARIS_TX, LENS_FR, LENS_BE, KOCHI_IN, KOCHI_JP, ONTARIO, LONDON_UK, LONDON_ON)]
    return Resolver(Gazetteer(entries))


def mentions(text: str, names: list[str]) -> list[Mention]:
    out, at = [], 0
    for name in names:
        start = text.index(name, at)
        out.append(Mention(name, start, start + len(name)))
        at = start + len(name)
    return out


def picks(text: str, names: list[str]) -> list[int | None]:
    resolutions = resolve_in_context(resolver(), text, mentions(text, names))
    return [r.entry.geonameid if r.entry else None for r in resolutions]


def test_a_town_takes_the_state_written_after_it() -> None:
    text = "Flooding closed schools in Gainesville, Georgia on Monday."
    assert picks(text, ["Gainesville", "Georgia"])[0] == GAINESVILLE_GA.geonameid
    text = "The fair opens in Gainesville (Georgia) next week."
    assert picks(text, ["Gainesville", "Georgia"])[0] == GAINESVILLE_GA.geonameid


def test_the_town_settles_a_container_named_like_a_country() -> None:
    # "Georgia" alone is the country (its prior); after a town of the US state, it is the state
    assert picks("Talks in Georgia.", ["Georgia"]) == [GEORGIA.geonameid]
    text = "Flooding closed schools in Gainesville, Georgia on Monday."
    assert picks(text, ["Gainesville", "Georgia"]) == [GAINESVILLE_GA.geonameid, GEORGIA_US.geonameid]


def test_a_country_written_after_a_town_picks_its_namesake_there() -> None:
    text = "The match was played in Lens, France, under rain."
    assert picks(text, ["Lens", "France"])[0] == LENS_FR.geonameid


def test_a_bare_homonym_takes_the_state_in_focus() -> None:
    text = "West Virginia lawmakers met on Tuesday. Protesters gathered outside in Charleston."
    assert picks(text, ["West Virginia", "Charleston"]) == [WEST_VIRGINIA.geonameid, CHARLESTON_WV.geonameid]
    # without a state in focus, the bigger namesake stays
    assert picks("Protesters gathered in Charleston.", ["Charleston"]) == [CHARLESTON_SC.geonameid]


def test_a_foreign_big_city_is_not_pulled_into_the_state_in_focus() -> None:
    text = "A Texas senator flew to Paris for talks with France."
    assert picks(text, ["Texas", "Paris", "France"])[1] == PARIS_FR.geonameid


def test_a_region_outside_the_us_holds_towns_near_its_centre() -> None:
    text = "Kerala reported new cases; the hospital in Kochi was full."
    assert picks(text, ["Kerala", "Kochi"])[1] == KOCHI_IN.geonameid
    assert inside(KOCHI_IN, KERALA) and not inside(KOCHI_JP, KERALA)


def test_a_list_of_places_is_not_read_as_town_and_container() -> None:
    text = "Talks were held in Paris, Charleston and Lens."
    assert containers(text, mentions(text, ["Paris", "Charleston", "Lens"])) == {0: 1}
    # Charleston is a town, never a container: Paris keeps its own best pick
    assert picks(text, ["Paris", "Charleston", "Lens"])[0] == PARIS_FR.geonameid


def test_a_written_province_reaches_its_towns_far_from_its_centre() -> None:
    text = "The plant in London, Ontario will close."
    assert picks(text, ["London", "Ontario"])[0] == LONDON_ON.geonameid
    assert not inside(LONDON_ON, ONTARIO)  # a province merely in focus reaches only towns near its centre


def test_a_container_after_a_preposition_and_an_article() -> None:
    cases = [("Valence, dans la Drôme", "Valence", "Drôme", True),
             ("Mysuru, au Karnataka", "Mysuru", "Karnataka", True),
             ("Vienne, en Isère", "Vienne", "Isère", True), ("Tula, in the Oblast", "Tula", "Oblast", True),
             ("de Paris au Caire", "Paris", "Caire", False), ("Lens, the Artois", "Lens", "Artois", False)]
    for text, town, container, expected in cases:
        assert (containers(text, mentions(text, [town, container])) == {0: 1}) is expected, text


def test_a_district_of_the_name_elsewhere_yields_to_the_town_of_the_written_state() -> None:
    himachal = GeoEntry("Himachal Pradesh", 31.1, 77.2, "IND", "A", REGION, admin1="11")
    district_up = GeoEntry("Hamirpur", 25.7, 79.7, "IND", "A", REGION, admin1="36", population=127_000, level=2)
    town_hp = GeoEntry("Hamirpur", 31.68, 76.52, "IND", "P", CITY, geonameid=1270000, population=19_000, admin1="11")
    town_up = GeoEntry("Hamirpur", 25.96, 80.15, "IND", "P", CITY, geonameid=1270001, population=34_000, admin1="36")
    res = Resolver(Gazetteer([(e, []) for e in (himachal, district_up, town_hp, town_up)]))
    text = "Schools in Hamirpur, Himachal Pradesh, stayed shut."
    found = resolve_in_context(res, text, mentions(text, ["Hamirpur", "Himachal Pradesh"]))
    assert found[0].entry is not None and found[0].entry.geonameid == 1270000


def _counties() -> tuple[Resolver, GeoEntry, GeoEntry]:
    indiana = GeoEntry("Indiana", 40.0, -86.25, "USA", "A", REGION, geonameid=4921868, admin1="IN")
    pike_il = GeoEntry("Pike County", 39.6, -90.9, "USA", "A", REGION, admin1="IL", population=15_000, level=2)
    pike_in = GeoEntry("Pike County", 38.4, -87.2, "USA", "A", REGION, admin1="IN", population=12_000, level=2)
    dale_in = GeoEntry("Dale", 38.17, -86.99, "USA", "P", CITY, geonameid=4919000, population=1_500, admin1="IN")
    entries = [(e, []) for e in (indiana, pike_il, pike_in, dale_in, USA)]
    return Resolver(Gazetteer(entries)), pike_il, pike_in


def test_a_county_takes_the_state_in_focus() -> None:
    res, _, pike_in = _counties()
    text = "Indiana officials said Pike County schools would reopen."
    found = resolve_in_context(res, text, mentions(text, ["Indiana", "Pike County"]), ["USA"])
    assert found[1].entry is pike_in


def test_a_name_settled_by_its_container_keeps_that_sense_when_repeated() -> None:
    res, _, pike_in = _counties()
    text = "Floods hit Pike County, Indiana, on Monday. Pike County officials asked for help."
    found = resolve_in_context(res, text, mentions(text, ["Pike County", "Indiana", "Pike County"]), ["USA"])
    assert found[0].entry is pike_in and found[2].entry is pike_in


def test_a_region_in_focus_does_not_pull_a_name_to_a_village_s_alternate_name() -> None:
    wisconsin = GeoEntry("Wisconsin", 44.5, -90.0, "USA", "A", REGION, admin1="WI")
    new_york_city = GeoEntry("New York City", 40.71, -74.0, "USA", "P", CITY, geonameid=5128581,
                             population=8_800_000, admin1="NY")
    village = GeoEntry("Clinton", 42.56, -88.87, "USA", "P", CITY, geonameid=5248000, population=2_100, admin1="WI")
    res = Resolver(Gazetteer([(wisconsin, []), (new_york_city, ["New York"]), (village, ["New York"]), (USA, [])]))
    text = "Cases were reported in Wisconsin and in New York."
    found = resolve_in_context(res, text, mentions(text, ["Wisconsin", "New York"]), ["USA"])
    assert found[1].entry is new_york_city
