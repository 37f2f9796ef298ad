"""Name-by-name resolution (geo.resolve): a town far more populous than its namesakes speaks for
the article's country and anchors its neighbours; a country named in the article does not pull a
name to a borough of a big city, unless a place of the article lies beside it. Real names on a
small hand-made gazetteer."""

from __future__ import annotations

from chronique.geo.resolve import Resolver
from chronique.knowledge.gazetteer import AREA, CITY, COUNTRY, REGION, Gazetteer, GeoEntry

GEORGIA = GeoEntry("Georgia", 42.0, 43.5, "GEO", "A", COUNTRY, geonameid=614540)
GEORGIA_US = GeoEntry("Georgia", 32.75, -83.5, "USA", "A", REGION, geonameid=4197000, admin1="GA")
ATLANTA_GA = GeoEntry("Atlanta", 33.75, -84.39, "USA", "P", CITY, geonameid=4180439, population=500_000,
                      admin1="GA")
ATLANTA_TX = GeoEntry("Atlanta", 33.11, -94.16, "USA", "P", CITY, geonameid=4671240, population=5_600,
                      admin1="TX")
EDMONTON_CA = GeoEntry("Edmonton", 53.55, -113.47, "CAN", "P", CITY, geonameid=5946768, population=1_010_000)
EDMONTON_UK = GeoEntry("Edmonton", 51.63, -0.06, "GBR", "P", CITY, geonameid=2650209, population=82_000)
ENFIELD = GeoEntry("Enfield", 51.65, -0.08, "GBR", "P", CITY, geonameid=2650105, population=330_000)
SPRINGFIELD_IL = GeoEntry("Springfield", 39.8, -89.64, "USA", "P", CITY, geonameid=4250542, population=116_000)
SPRINGFIELD_MO = GeoEntry("Springfield", 37.22, -93.3, "USA", "P", CITY, geonameid=4409896, population=167_000)
LONDON = GeoEntry("London", 51.51, -0.13, "GBR", "P", CITY, geonameid=2643743, population=8_900_000)
LONDON_ON = GeoEntry("London", 42.98, -81.23, "CAN", "P", CITY, geonameid=6058560, population=346_000)
UK = GeoEntry("United Kingdom", 54.75, -2.7, "GBR", "A", COUNTRY, geonameid=2635167)


def resolver() -> Resolver:
    entries = [(e, []) for e in (GEORGIA, GEORGIA_US, ATLANTA_GA, ATLANTA_TX, EDMONTON_CA, EDMONTON_UK, ENFIELD,
                                 SPRINGFIELD_IL, SPRINGFIELD_MO, UK, LONDON, LONDON_ON)]
    return Resolver(Gazetteer(entries))


def test_a_town_much_bigger_than_its_namesakes_tells_the_country_and_anchors_the_state() -> None:
    georgia, atlanta = resolver().resolve_all(["Georgia", "Atlanta"])
    assert atlanta.entry is ATLANTA_GA and georgia.entry is GEORGIA_US
    # alone, the country keeps its name
    assert resolver().resolve_all(["Georgia"])[0].entry is GEORGIA


def test_namesakes_of_like_size_are_no_anchor() -> None:
    # neither Springfield leads the other: no US context comes of it, and Georgia stays the country
    georgia, _ = resolver().resolve_all(["Georgia", "Springfield"])
    assert georgia.entry is GEORGIA


def test_a_country_in_context_does_not_pull_a_name_to_a_borough_of_a_big_city() -> None:
    assert resolver().resolve_all(["Edmonton"], context=["GBR"])[0].entry is EDMONTON_CA
    assert resolver().resolve_all(["United Kingdom", "Edmonton"])[1].entry is EDMONTON_CA
    # a town that is no part of a big city still takes the country in context
    assert resolver().resolve_all(["London"], context=["CAN"])[0].entry is LONDON_ON
    assert resolver().resolve_all(["London"])[0].entry is LONDON


def test_a_place_beside_the_smaller_namesake_still_picks_it() -> None:
    _, edmonton = resolver().resolve_all(["Enfield", "Edmonton"], context=["GBR"])
    assert edmonton.entry is EDMONTON_UK


QUEBEC = GeoEntry("Quebec", 52.0, -72.0, "CAN", "A", REGION, geonameid=6115047)
QUEBEC_CITY = GeoEntry("Québec", 46.81, -71.21, "CAN", "P", CITY, geonameid=6325494, population=531_902)
LEVIS = GeoEntry("Lévis", 46.8, -71.18, "CAN", "P", CITY, geonameid=6049430, population=130_000)


def test_a_place_beside_a_city_does_not_tell_it_from_the_province_of_its_name() -> None:
    gazetteer = Gazetteer([(QUEBEC, []), (QUEBEC_CITY, ["Quebec"]), (LEVIS, [])])
    found = Resolver(gazetteer).resolve_all(["Lévis", "Quebec"])
    assert found[1].entry is QUEBEC  # the province, as without the town beside it
    assert Resolver(gazetteer).resolve_all(["Quebec"])[0].entry is QUEBEC


ASIA = GeoEntry("Asia", 29.84, 89.30, None, "L", AREA, geonameid=6255147, population=3_800_000_000)
ASIA_PE = GeoEntry("Asia", -12.78, -76.56, "PER", "P", CITY, geonameid=3947040, population=890)
LIMA = GeoEntry("Lima", -12.04, -77.03, "PER", "P", CITY, geonameid=3936456, population=7_700_000)
LAKE_CA = GeoEntry("Lake County", 38.99, -122.76, "USA", "A", REGION, population=50_000, level=2)
LAKE_IL = GeoEntry("Lake County", 42.33, -88.04, "USA", "A", REGION, population=626_000, level=2)


def test_a_continent_is_not_a_small_town_of_its_name_near_another_place() -> None:
    r = Resolver(Gazetteer([(e, []) for e in (ASIA, ASIA_PE, LIMA)]))
    asia, _ = r.resolve_all(["Asia", "Lima"], context=["PER"])
    assert asia.entry is ASIA


def test_namesakes_of_equal_score_go_to_the_most_populous() -> None:
    r = Resolver(Gazetteer([(e, []) for e in (LAKE_CA, LAKE_IL)]))
    assert r.resolve_all(["Lake County"], context=["USA"])[0].entry is LAKE_IL
