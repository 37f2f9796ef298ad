"""A kind word written with a name (geo.kinds): "Kasai Province", "the county of Bergen", "le
comté de Bergen" pick the division among namesakes; invented places and sentences."""

from __future__ import annotations

from chronique.geo.context import Mention, resolve_in_context
from chronique.geo.kinds import division_pool, kind_name
from chronique.geo.resolve import Resolver
from chronique.knowledge.gazetteer import CITY, COUNTRY, REGION, Gazetteer, GeoEntry

# an invented province and a town of a near name abroad; a county and a bigger city of its name
KALO = GeoEntry("Kalo", -5.0, 21.0, "COD", "A", REGION, population=900_000, level=1)
KARO_PROVINCE = GeoEntry("Karo Province", 40.0, 43.0, "TUR", "A", REGION, level=1)
BERGA_COUNTY = GeoEntry("Berga County", 40.9, -74.0, "USA", "A", REGION, level=2)
BERGA = GeoEntry("Berga", 60.4, 5.3, "NOR", "P", CITY, population=280_000)
ALMA = GeoEntry("Alma", 36.2, 37.1, "SYR", "P", CITY, population=2_000_000)
SYRIA = GeoEntry("Syria", 35.0, 38.0, "SYR", "A", COUNTRY)


def gazetteer() -> Gazetteer:
    return Gazetteer([(e, []) for e in (KALO, KARO_PROVINCE, BERGA_COUNTY, BERGA, ALMA, SYRIA)])


def resolve(text: str, names: list[str]) -> list[GeoEntry | None]:
    mentions, at = [], 0
    for name in names:
        start = text.index(name, at)
        mentions.append(Mention(name, start, start + len(name)))
        at = start + len(name)
    return [r.entry for r in resolve_in_context(Resolver(gazetteer()), text, mentions)]


def test_a_kind_word_after_the_name_picks_the_division_of_the_bare_name() -> None:
    assert division_pool(gazetteer(), "Kalo Province") == [KALO]
    assert resolve("Officials in Kalo Province counted the cases.", ["Kalo Province"]) == [KALO]


def test_a_kind_word_before_the_name_picks_the_division_in_both_languages() -> None:
    assert kind_name(gazetteer(), "Schools in the county of Berga closed.", 25, "Berga") == "Berga County"
    assert resolve("Schools in the county of Berga closed.", ["Berga"]) == [BERGA_COUNTY]
    assert resolve("La police du comté de Berga enquête.", ["Berga"]) == [BERGA_COUNTY]
    # without the kind word, the bigger namesake
    assert resolve("Ships left Berga at dawn.", ["Berga"]) == [BERGA]


def test_a_kind_word_naming_no_division_leaves_the_name_to_its_other_bearers() -> None:
    # no division "Alma": the province of Alma is read as the city, never as nothing
    assert kind_name(gazetteer(), "Shelling in the province of Alma went on.", 29, "Alma") == "Alma"
    assert resolve("Shelling in Alma Province went on, in Syria.", ["Alma Province", "Syria"])[0] == ALMA


def test_a_kind_word_never_makes_a_fuzzy_match_of_a_near_name() -> None:
    # "Kalo Province" is one letter from "Karo Province", but Kalo is not Karo
    found = resolve("Aid reached Kalu Province on Monday.", ["Kalu Province"])
    assert found == [None]
