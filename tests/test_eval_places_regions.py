"""The places scorer's distance measure of regions: a chosen division (class A, no country) is
counted apart with its distance to the gold point."""

from __future__ import annotations

from chronique.eval.places import GoldArticle, GoldToponym, PlaceTally, _regions_line, score_article
from chronique.schema import Place


def test_a_division_s_distance_is_counted_apart() -> None:
    text = "Floods hit Dunmore province and the town of Valmont."
    gold = GoldArticle(text, (GoldToponym(11, 18, "Dunmore", 10.0, 20.0), GoldToponym(41, 48, "Valmont", 0.0, 0.0)))
    places = (Place(text="Dunmore", start=11, end=18, name="Dunmore", country_code="XXX", lat=13.0, lon=20.0,
                    feature_class="A"),
              Place(text="Valmont", start=41, end=48, name="Valmont", country_code="XXX", lat=0.0, lon=0.1,
                    feature_class="P"))
    tally = PlaceTally()
    score_article(tally, gold, places, {}, set())
    assert len(tally.region_errors) == 1 and 330 < tally.region_errors[0] < 340  # three degrees of latitude
    assert tally.local_within == 1 and tally.local == 2
    assert "0/1 within 161 km" in _regions_line(tally.region_errors)
    assert "none" in _regions_line([])
