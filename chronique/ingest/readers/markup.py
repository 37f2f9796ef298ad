"""HTML to an Article: trafilatura for whole pages, a small block-aware flattener for fragments."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import trafilatura

from chronique.errors import FormatError, NoTextError
from chronique.ingest.dates import normalise_published
from chronique.ingest.headline import with_headline
from chronique.schema import Article

# Elements after which a fragment's text starts a new paragraph.
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                     "blockquote", "section", "article", "tr", "table", "figure", "figcaption", "pre"})
_SKIPPED = frozenset({"script", "style", "noscript", "template"})
# Publication dates from markup only (meta tags, <time>, JSON-LD, URL); dates in the running text
# are inferred later by chronique itself and flagged as inferred.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# A main text has at least one sentence-like line; what trafilatura keeps from a page of menus
# ("Home News About") has none.
MIN_SENTENCE_WORDS = 6


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), one paragraph per line."""
    parser = _Flattener()
    parser.feed(fragment)
    parser.close()
    raw = "".join(parser.parts)
    paragraphs = (re.sub(r"[ \t\r\f\v]+", " ", " ".join(p.split("\n"))).strip() for p in raw.split("\n\n"))
    return "\n".join(p for p in paragraphs if p)


def has_sentence(text: str) -> bool:
    return any(len(line.split()) >= MIN_SENTENCE_WORDS for line in text.splitlines())


def article_from_page(page: bytes | str, *, source: str, where: str, record: int | None = None,
                      url: str | None = None) -> Article:
    """The main text, title and publication date of a whole HTML page."""
    try:
        # Precision over recall: boilerplate text (menus, teasers) would turn into false events.
        doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True,
                                          date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise FormatError(f"expected an HTML page, found markup that cannot be parsed ({exc})",
                          where=where, record=record) from exc
    text = ((doc.text if doc is not None and not isinstance(doc, dict) else None) or "").strip()
    if doc is None or isinstance(doc, dict) or not has_sentence(text):
        raise NoTextError("expected an HTML page with a main text, found none (navigation or markup only)",
                          where=where, record=record)
    # The headline tells the main event: it opens the text, as it opens the page.
    return Article.create(with_headline(text, doc.title), title=(doc.title or None), url=url or doc.url or None,
                          source=source,
                          published=normalise_published(doc.date))
