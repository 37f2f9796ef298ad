"""The team's example articles (examples/) stay readable, short and dated."""

from __future__ import annotations

from pathlib import Path

from chronique.ingest.language import detect_language
from chronique.ingest.published import infer_published
from chronique.ingest.sources import read_sources
from chronique.schema import Article

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def example_articles() -> list[Article]:
    items = list(read_sources([EXAMPLES]))
    errors = [item for item in items if not isinstance(item, Article)]
    assert not errors, errors
    return [item for item in items if isinstance(item, Article)]


def test_every_example_reads_without_error_and_is_short_news_copy() -> None:
    articles = example_articles()
    assert len(articles) >= 9  # 4 texts, 1 page, 2 feed entries, 2 JSONL lines
    for article in articles:
        assert 80 <= len(article.text.split()) <= 250, article.source


def test_examples_cover_both_languages_and_every_reader() -> None:
    articles = example_articles()
    languages = {detect_language(a.text) for a in articles}
    assert languages == {"fr", "en"}
    suffixes = {Path((a.source or "").split("#")[0]).suffix for a in articles}
    assert {".txt", ".html", ".xml", ".jsonl"} <= suffixes


def test_examples_have_a_publication_date_from_metadata_or_text() -> None:
    for article in example_articles():
        lang = article.language or detect_language(article.text)
        assert article.published or infer_published(article.text, lang), article.source
