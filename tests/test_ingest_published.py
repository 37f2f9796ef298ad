"""infer_published: the most recent date a text states in full, never today."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.ingest.published import full_dates, infer_published, named_years


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("La trêve a été signée le 24 février 2022 à Genève.", "fr", "2022-02-24"),
    ("Le sommet s'est ouvert le 1er mars 2021 puis a repris le 3 mars 2021.", "fr", "2021-03-03"),
    ("Les élections du 12 sept. 2023 ont été reportées.", "fr", "2023-09-12"),
    ("Le traité est entré en vigueur le 3 decembre 2019.", "fr", "2019-12-03"),  # no accent
    ("The accord was signed on March 3, 2021 in Oslo.", "en", "2021-03-03"),
    ("Talks began on 3 March 2021 and ended on 5th March 2021.", "en", "2021-03-05"),
    ("The treaty, dated Sept. 12, 2023, was ratified.", "en", "2023-09-12"),
    ("Le communiqué daté du 2021-03-03 a été publié.", "fr", "2021-03-03"),
    ("Le décret du 03/04/2021 s'applique.", "fr", "2021-04-03"),  # day first in French
    ("The order of 03/04/2021 applies.", "en", "2021-03-04"),  # month first in English
    ("The order of 13/04/2021 applies.", "en", "2021-04-13"),  # 13 cannot be a month
    ("Le rapport du 05.06.2020 est cité.", "fr", "2020-06-05"),
])
def test_explicit_full_dates(text: str, lang: str, expected: str) -> None:
    assert infer_published(text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Les avions Su-25 ont une portée de 500 km.", "fr"),  # numbers that are not dates
    ("Le 31 février 2021 n'existe pas.", "fr"),  # impossible date
    ("Talks resumed on Monday in Geneva.", "en"),  # weekday without any year to anchor it
    ("Samedi 25 juin, les forces ont avancé.", "fr"),  # no year in the text at all
    ("", "en"),
])
def test_no_date_gives_none(text: str, lang: str) -> None:
    assert infer_published(text, lang) is None


def test_weekday_day_month_is_anchored_to_the_latest_named_year() -> None:
    # 25 June was a Saturday in 2022: the weekday confirms the year named earlier.
    text = "L'offensive a commencé le 24 février 2022. Samedi 25 juin, les troupes ont pris la ville."
    assert infer_published(text, "fr") == "2022-06-25"
    text = "The offensive began on February 24, 2022. On Saturday, June 25, troops took the city."
    assert infer_published(text, "en") == "2022-06-25"


def test_weekday_that_does_not_fit_the_year_tries_the_next_one() -> None:
    # 8 January 2024 was a Monday; 8 January 2023 was a Sunday: a January piece about last year.
    assert infer_published("Spending rose in 2023. Talks resume on Monday, January 8.", "en") == "2024-01-08"


def test_weekday_that_fits_no_nearby_year_is_ignored() -> None:
    # 25 June was a Friday in 2021 (the named year).
    assert infer_published("En 2021, la guerre. Vendredi 25 juin, un accord.", "fr") == "2021-06-25"
    # 25 June was a Tuesday in none of 2021, 2022 and 2020: nothing is anchored.
    assert infer_published("En 2021, la guerre. Mardi 25 juin, un accord.", "fr") is None


def test_named_years_include_month_year_and_prepositions() -> None:
    years = named_years("Depuis 2014 et en juin 2022, mais 2000 soldats.", "fr")
    assert sorted(years) == [2014, 2022]


def test_full_dates_in_order_of_appearance() -> None:
    dates = full_dates("le 3 mars 2021, puis le 1er janvier 2020", "fr")
    assert [d.isoformat() for d in dates] == ["2021-03-03", "2020-01-01"]


@pytest.mark.shared
def test_canonical_example_without_published(seed_article: Path) -> None:
    assert infer_published(seed_article.read_text(encoding="utf-8"), "fr") in ("2022-06-25", "2022-06-26")


def test_prepared_articles_flag_inferred_dates_only() -> None:
    from chronique.ingest.sources import read_sources
    from chronique.pipeline import Pipeline
    from chronique.schema import Article

    fixtures = Path(__file__).parent / "fixtures" / "ingest"
    pipeline = Pipeline()
    found = {}
    for item in read_sources([fixtures / "fr-depeche.txt", fixtures / "en-wire.txt", fixtures / "fr-page.html"]):
        assert isinstance(item, Article)
        prepared = pipeline.prepare(item)
        found[Path(item.source or "").name] = (prepared.language, prepared.published, prepared.published_inferred)
    assert found == {
        "fr-depeche.txt": ("fr", "2023-10-06", True),  # "vendredi 6 octobre" in the year of "14 mars 2023"
        "en-wire.txt": ("en", "2023-11-15", True),  # "Wednesday, November 15" after "May 20, 2023"
        "fr-page.html": ("fr", "2023-07-07", False),  # from the page's meta tag
    }
