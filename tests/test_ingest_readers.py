"""Each built-in reader on French and English inputs written for these tests."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from chronique.errors import ChroniqueError, FormatError, NoTextError
from chronique.ingest.readers.feed import FeedReader
from chronique.ingest.readers.html import HtmlReader
from chronique.ingest.readers.jsonl import JsonlReader
from chronique.ingest.readers.markup import fragment_text
from chronique.ingest.readers.text import TextReader
from chronique.ingest.readers.warc import WarcReader
from chronique.schema import Article, article_id

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def articles(items: list[Article | ChroniqueError]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


@pytest.mark.parametrize(("name", "opening"), [
    ("fr-depeche.txt", "Le Chili et l'Argentine signent"),
    ("en-wire.txt", "Kenya hosts regional summit"),
])
def test_text_reader(name: str, opening: str) -> None:
    [article] = list(TextReader().read(FIXTURES / name))
    assert isinstance(article, Article)
    assert article.text.startswith(opening)
    assert article.id == article_id(article.text)
    assert article.source == str(FIXTURES / name)
    assert article.published is None and article.title is None  # plain text carries no metadata


def test_text_reader_unifies_line_ends_and_drops_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffLa Belgique a voté.\r\nLe Parlement a suivi.\r\n".encode())
    [article] = list(TextReader().read(path))
    assert isinstance(article, Article)
    assert article.text == "La Belgique a voté.\nLe Parlement a suivi."


def test_text_reader_accepts_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Le Danemark a signé.".encode("utf-16"))
    [article] = list(TextReader().read(path))
    assert isinstance(article, Article) and article.text == "Le Danemark a signé."


@pytest.mark.parametrize(("name", "title", "published", "in_text", "boilerplate"), [
    ("fr-page.html", "La Norvège commande des sous-marins allemands", "2023-07-07", "mer de Barents", "Météo"),
    ("en-page.htm", "Chile buys Spanish frigates", "2023-09-19", "Navantia", "Log in"),
])
def test_html_reader(name: str, title: str, published: str, in_text: str, boilerplate: str) -> None:
    [article] = list(HtmlReader().read(FIXTURES / name))
    assert isinstance(article, Article)
    assert article.title == title
    assert article.published == published
    assert in_text in article.text
    assert boilerplate not in article.text  # navigation and footers are left out


def test_rss_reader_french_entries_in_order() -> None:
    items = list(FeedReader().read(FIXTURES / "fr-feed.rss"))
    first, empty, third = items
    assert isinstance(first, Article) and isinstance(third, Article)
    assert first.title == "La Finlande ferme sa frontière avec la Russie"
    assert first.url == "https://depeches.example/europe/finlande-frontiere"
    assert first.published == "2023-11-30"  # the publisher's calendar day, not the UTC one
    assert first.text.startswith("Le gouvernement finlandais a décidé jeudi")
    assert "<p>" not in first.text
    assert first.source == f"{FIXTURES / 'fr-feed.rss'}#record 1"
    assert isinstance(empty, NoTextError) and empty.record == 2  # an entry with no text is reported
    assert third.source is not None and third.source.endswith("#record 3")


def test_atom_reader_english_entries() -> None:
    first, second = articles(list(FeedReader().read(FIXTURES / "en-feed.atom")))
    assert first.url == "https://pacific.example/png-treaty"
    assert first.published == "2023-08-19"  # <published> wins over <updated>
    assert first.text == "Australia and Papua New Guinea signed a security treaty in Port Moresby on Saturday.\n" \
                         "Canberra will fund new police barracks."
    assert second.published == "2023-08-20"  # only <updated>
    assert second.text.startswith("Fiji's prime minister")


def test_fragment_text_keeps_paragraphs_and_drops_scripts() -> None:
    html = "<p>Premier  paragraphe &amp; suite.</p><script>var x = 1;</script><p>Second<br>ligne</p>"
    assert fragment_text(html) == "Premier paragraphe & suite.\nSecond\nligne"


def test_jsonl_reader_good_and_bad_lines() -> None:
    items = list(JsonlReader().read(FIXTURES / "mixed.jsonl"))
    kinds = [type(item).__name__ for item in items]
    # The blank line 4 is skipped; every other line gives an Article or its error, in order. The
    # last line's date cannot be parsed: the article is kept without it (the pipeline infers one).
    assert kinds == ["Article", "FormatError", "FormatError", "FormatError", "Article", "Article"]
    french, english, undated = articles(items)
    assert undated.text == "Bad date" and undated.published is None
    assert (french.language, french.published, french.title) == ("fr", "2023-05-09", "Frégates portugaises")
    assert french.url == "https://exemple.example/pt"
    assert english.language is None and english.published == "2023-06-12"
    assert [e.record for e in items if isinstance(e, ChroniqueError)] == [2, 3, 5]




@pytest.mark.parametrize("gzip", [False, True])
def test_warc_reader_html_responses(tmp_path: Path, gzip: bool, warc_builder: ModuleType) -> None:
    make_warc, WARC_PAGES = warc_builder.make_warc, warc_builder.PAGES
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(make_warc(WARC_PAGES, gzip=gzip, extra_image=True))
    items = list(WarcReader().read(path))
    assert all(isinstance(item, Article) for item in items)  # warcinfo and images are passed over
    french, english = items
    assert isinstance(french, Article) and isinstance(english, Article)
    assert french.url == "https://news.example/fr/1" and english.url == "https://news.example/en/2"
    assert french.title == "Le Sénégal reçoit des patrouilleurs"
    assert "patrouilleurs construits en France" in french.text
    assert english.published == "2023-04-04"
    assert french.source == f"{path}#record 2" and english.source == f"{path}#record 4"


def test_warc_sniffing_sees_through_gzip(warc_builder: ModuleType) -> None:
    make_warc, WARC_PAGES = warc_builder.make_warc, warc_builder.PAGES
    assert WarcReader().sniff(make_warc(WARC_PAGES[:1], gzip=True)[:512])
    assert WarcReader().sniff(make_warc(WARC_PAGES[:1])[:512])
    assert not WarcReader().sniff(b"\x1f\x8b\x08\x00garbage")


def test_warc_without_html_is_reported(tmp_path: Path, warc_builder: ModuleType) -> None:
    make_warc = warc_builder.make_warc
    path = tmp_path / "info-only.warc"
    path.write_bytes(make_warc([]))
    [error] = list(WarcReader().read(path))
    assert isinstance(error, NoTextError)


def test_warc_page_without_main_text_is_a_record_error(tmp_path: Path, warc_builder: ModuleType) -> None:
    make_warc, WARC_PAGES = warc_builder.make_warc, warc_builder.PAGES
    path = tmp_path / "mixed.warc"
    nav_only = "<html><body><nav><a href='/a'>Home</a> <a href='/b'>News</a></nav></body></html>"
    path.write_bytes(make_warc([("https://x.example/menu", nav_only), WARC_PAGES[1]]))
    error, article = list(WarcReader().read(path))
    assert isinstance(error, NoTextError) and error.record == 2
    assert isinstance(article, Article) and article.url == "https://news.example/en/2"


def test_format_error_is_an_input_error() -> None:
    assert issubclass(FormatError, ChroniqueError)


def test_html_reader_honours_the_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.html"
    html = ('<html><head><meta charset="iso-8859-1"><title>Défense</title></head><body><article>'
            "<p>Le ministre a annoncé vendredi que la Belgique achèterait des véhicules blindés.</p>"
            "</article></body></html>")
    path.write_bytes(html.encode("latin-1"))
    [article] = list(HtmlReader().read(path))
    assert isinstance(article, Article)
    assert article.title == "Défense" and "achèterait des véhicules blindés" in article.text
