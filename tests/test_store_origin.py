"""The article's dateline origin is kept by the store inside the mentions JSON (no column)."""

from __future__ import annotations

from types import SimpleNamespace

from chronique.schema import Article, Extraction, Origin
from chronique.store.rows import article_row, extraction_from_rows


def test_origin_rides_in_the_mentions_json() -> None:
    article = Article.create("Soldiers of Norland crossed the river.", language="en",
                             origin=Origin(place="LIMA", agency="AP", country_code="PER"))
    row = article_row(Extraction(article=article))
    assert "origin" not in row and '"origin"' in row["mentions"]
    back = extraction_from_rows(SimpleNamespace(**row), [], [])
    assert back.article == article


def test_article_without_origin_keeps_its_row_shape() -> None:
    article = Article.create("Soldiers of Norland crossed the river.", language="en")
    row = article_row(Extraction(article=article))
    assert '"origin"' not in row["mentions"]
    assert extraction_from_rows(SimpleNamespace(**row), [], []).article == article
